"""Student copies of the exercise notebooks, generated from the solutions.

The solution notebook (``exercises/solutions/NN_topic.ipynb``) is the
source. In it, a code cell whose first line is ``# Solution: q1`` (or
``# Solution: q1, q2``) holds the answer; in the student copy that cell
becomes::

    # Your answer: replace ... with your code
    q1 = ...

A cell whose first line is just ``# Solution`` is emptied to a comment.
Outputs and execution counts are stripped. ``crmlab exercises`` writes the
copies; ``crmlab exercises --check`` fails when a committed copy differs
from a fresh generation (the test suite runs it).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError

SOLUTION = re.compile(r"^#\s*Solution\b:?\s*(.*)$")
STUB_HEADER = "# Your answer: replace ... with your code"


def student_cell_source(source: str, lang: str = "en") -> str | None:
    """The student version of a cell's source, or None if it is not a solution cell (comments in ``lang``)."""
    if not isinstance(source, str):
        raise CRMDataError(f"source must be a cell's text (str), got {type(source).__name__} {source!r:.60}. "
                           "Fix: pass cell.source.")
    first = source.lstrip().splitlines()[0] if source.strip() else ""
    m = SOLUTION.match(first)
    if not m:
        return None
    names = [n.strip() for n in m.group(1).split(",") if n.strip()]
    if lang != "en":
        from crmlab.labels import t

        if not names:
            return t("ex_stub_free", lang)
        return "\n".join([t("ex_stub_header", lang), *[f"{n} = ..." for n in names]])
    if not names:
        return "# Your answer: write your code here"
    return "\n".join([STUB_HEADER, *[f"{n} = ..." for n in names]])


def student_notebook(nb: nbformat.NotebookNode, lang: str = "en") -> nbformat.NotebookNode:
    """The student copy of a solution notebook (solution cells stubbed, outputs stripped; stub comments in ``lang``)."""
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CRMDataError(f"nb must be a notebook (nbformat.read(...)), got {type(nb).__name__}. "
                           "Fix: pass nbformat.read(path, as_version=4).")
    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.from_dict(nb)
    nb.setdefault("metadata", {})
    out = nbformat.from_dict(nbformat.v4.new_notebook())
    out.metadata = {k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info")}
    out.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    out.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(student_cell_source(cell.source, lang) or cell.source)
            tags = cell.get("metadata", {}).get("tags", [])
            if tags:
                new.metadata["tags"] = list(tags)
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_raw_cell(cell.source)
        new.pop("id", None)
        out.cells.append(new)
    out.nbformat, out.nbformat_minor = 4, 4
    return out


def _path(value, name: str) -> Path:
    if not isinstance(value, (str, Path)) or (isinstance(value, str) and not value.strip()):
        raise CRMDataError(f"{name} must be a path (str or Path), got {type(value).__name__} {value!r:.60}. "
                           f"Fix: pass e.g. {name}='.' (the kit's folder).")
    return Path(value)


def student_text(solution_path: str | Path) -> str:
    """The text of the student copy of one solution notebook."""
    path = _path(solution_path, "solution_path")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "missing"
        raise CRMDataError(f"solution notebook {str(path)!r} is {what}. "
                           "Fix: pass an existing exercises/solutions/NN_topic.ipynb file.")
    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as exc:  # nbformat raises JSON, validation and Unicode errors of many kinds
        raise CRMDataError(f"solution notebook {str(path)!r} cannot be read as a notebook "
                           f"({type(exc).__name__}: {str(exc)[:120]}). "
                           "Fix: restore it from git (git checkout -- <file>) or re-save it in Jupyter.") from None
    return nbformat.writes(student_notebook(nb)) + "\n"


def solution_paths(root: str | Path | None = None) -> list[Path]:
    """The solution notebooks of a checkout (``root``, default: the checkout the kit runs from).

    The solutions are not shipped in the wheel, so after a normal install
    this is a CRMDataError naming ``--root`` (pass the kit's checkout).
    """
    from crmlab._paths import checkout_root, kit_files, missing

    if root is not None:
        path = _path(root, "root")
        if not path.is_dir():
            raise CRMDataError(f"root {str(path)!r} is {'a file' if path.exists() else 'missing'}, not the kit's "
                               "folder. Fix: pass the folder that holds exercises/solutions/, e.g. --root .")
        found = sorted((path / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb"))
        if not found:
            raise CRMDataError(f"no solutions found under {str(path / 'exercises' / 'solutions')!r} "
                               "(expected files named NN_topic.ipynb). Fix: pass the kit's folder as --root "
                               "(the one that holds exercises/solutions/), e.g. --root .")
        return found
    if root is None and checkout_root() is None:
        raise missing("exercises/solutions", None, "exercise solutions (authors only; not shipped in the wheel)")
    return kit_files("exercises/solutions", "[0-9][0-9]_*.ipynb", root, "exercise solutions")


def generate_all(root: str | Path | None = None, check: bool = False) -> list[str]:
    """Write every student copy; with ``check`` only report the ones that differ.

    A ``root`` without solution notebooks is an error (not "up to date"):
    the check would otherwise pass on an empty or mistyped folder.
    """
    sols = solution_paths(root)
    differ = []
    for sol in sols:
        target = sol.parent.parent / sol.name
        text = student_text(sol)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            differ.append(str(target))
            if not check:
                atomic_write_text(target, text)
    return differ
