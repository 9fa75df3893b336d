"""Every notebook's parameters are seen by papermill (no "=" in a parameter's comment, issue 15 section 5).

papermill parses ``name = value  # comment``; a comment that itself contains "=" made it miss the
parameter, so ``-p seed 5`` warned "Passed unknown parameter: seed" although the value was injected.
"""

from __future__ import annotations

import ast
import json

import papermill
import pytest

from tests.nbtools import ROOT

NOTEBOOKS = sorted([*ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"), *ROOT.glob("exercises/[0-9][0-9]_*.ipynb"),
                    *ROOT.glob("exercises/solutions/[0-9][0-9]_*.ipynb")])


def _assigned(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{path.name}: one cell tagged 'parameters'"
    src = "".join(cells[0]["source"])
    return [t.id for node in ast.parse(src).body if isinstance(node, ast.Assign) for t in node.targets], src


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_papermill_sees_every_parameter(path):
    names, src = _assigned(path)
    for line in src.splitlines():
        if "#" in line and "=" in line.split("#", 1)[0]:
            assert "=" not in line.split("#", 1)[1], f"{path.name}: '=' in the comment of {line!r}"
    seen = set(papermill.inspect_notebook(str(path)))
    assert set(names) <= seen, (path.name, set(names) - seen)
    assert "seed" in seen or "case" in seen or path.name.startswith("00_")
