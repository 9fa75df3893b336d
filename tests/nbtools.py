"""Helpers for notebook tests: run with papermill, read outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"


def run_notebook(path: str | Path, tmp_path: Path, **parameters) -> nbformat.NotebookNode:
    """Execute a notebook with papermill and the given parameters; return the executed notebook."""
    import papermill as pm

    from crmlab._kernel import PAPERMILL_KW

    path = Path(path)
    if not path.is_absolute():
        path = ROOT / path
    out = tmp_path / f"{path.stem}.out.ipynb"
    pm.execute_notebook(str(path), str(out), parameters=parameters, kernel_name="python3",
                        progress_bar=False, cwd=str(tmp_path), execution_timeout=300, start_timeout=120,
                        **PAPERMILL_KW)
    return nbformat.read(str(out), as_version=4)


def cell_texts(nb) -> list[str]:
    """Plain text of every code cell's outputs (stream, text/plain, text/html)."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            elif "data" in out:
                for mime in ("text/plain", "text/html", "text/markdown"):
                    if mime in out["data"]:
                        parts.append(out["data"][mime])
        texts.append("".join(parts))
    return texts


def markdown_outputs(nb) -> list[str]:
    """The Markdown every code cell displayed (the sentences built from the numbers), one string per output."""
    return ["".join(o["data"]["text/markdown"]) for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]


def all_text(nb) -> str:
    return "\n".join(cell_texts(nb))


def find_number(nb, label: str) -> float:
    """The number printed after ``label`` (e.g. 'CSI overall:') in any output."""
    m = re.search(re.escape(label) + r"\s*(-?[0-9][0-9,]*\.?[0-9]*)", all_text(nb))
    if not m:
        raise AssertionError(f"no output contains {label!r}")
    return float(m.group(1).replace(",", ""))


def has_png(nb) -> int:
    """How many image/png outputs the notebook has."""
    return sum(1 for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", []) if "image/png" in o.get("data", {}))


def errors(nb) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


def shown_figures(nb) -> dict[str, str]:
    """label -> value of every two-cell table row (``<th>label</th><td>value</td>``) in the HTML outputs."""
    import html

    rows = re.findall(r"<tr>\s*<th>([^<]*)</th>\s*<td>([^<]*)</td>\s*</tr>", all_text(nb))
    return {html.unescape(k): html.unescape(v) for k, v in rows}
