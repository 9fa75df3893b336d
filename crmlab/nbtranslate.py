"""The Chinese edition of the notebooks (中文版): built from the English notebooks and one catalogue per notebook.

Authors' tool (``crmlab translate --notebooks`` / ``--build-zh``); needs Babel.
Nobody edits a Chinese notebook by hand: the English notebook is the source.

Layout
------
=================================================  ==============================================
English source                                     Chinese edition (generated, committed executed)
=================================================  ==============================================
``notebooks/NN_x.ipynb``                           ``notebooks/zh/NN_x.ipynb``
``exercises/solutions/NN_x.ipynb``                 ``exercises/zh/solutions/NN_x.ipynb``
(student copy ``exercises/NN_x.ipynb``)            ``exercises/zh/NN_x.ipynb`` (from the zh solution)
=================================================  ==============================================

Catalogues: ``crmlab/locale/zh/notebooks/NN_x.po`` (teaching notebooks) and
``crmlab/locale/zh/exercises/NN_x.po`` (an exercise: its solution and its
student copy share the markdown, so one catalogue serves both). A notebook is
in the Chinese edition when its catalogue exists.

One message per markdown cell: ``msgctxt`` = the cell's id, ``msgid`` = the
English markdown, ``msgstr`` = the Chinese; and one per code cell with comments
(``msgid`` = its comments, one per line; ``msgstr`` = as many Chinese lines;
markers such as ``# Solution: q1`` and ``# noqa`` are never translated). The id lives in the cell's
metadata (``"tr_id"``, written once by :func:`extract`, kept by ``crmlab
execute``, papermill and nbval); nbformat 4.4 cells have no id of their own and
``crmlab execute`` strips 4.5 ids. Whole cells, not paragraphs: a cell's tables,
lists and formulas span paragraphs, and the Chinese may reorder sentences
inside a cell.

- :func:`extract` writes the current English into the catalogue: a new cell
  gets an empty entry, a changed cell keeps its old Chinese marked ``fuzzy``
  with the previous English kept (``#| msgid``), a removed cell is dropped.
- :func:`build` writes the Chinese notebook: the English code cells (the
  parameters cell with ``lang = "zh"``), the translated markdown (relative
  links re-pointed from the zh folder), and refuses a cell whose translation
  is missing, fuzzy or stale.
- :func:`problems` lists what ``tests/test_zh_edition.py`` refuses.

Code cells stay English code; what they print comes from the label catalogue
(``t(key, lang)``), so ``lang = "zh"`` prints Chinese.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError
from crmlab.labels import LOCALE_DIR

LANG = "zh"
CATALOGUES = LOCALE_DIR / LANG
ID_KEY = "tr_id"
_LANG_LINE = re.compile(r'^(\s*lang\s*=\s*)(["\'])en\2', re.M)
_LINK = re.compile(r"(\]\()([^)\s]+)(\))")


@dataclass(frozen=True)
class Edition:
    """One English notebook and its Chinese edition (paths relative to the kit's folder)."""

    source: str  # notebooks/01_x.ipynb or exercises/solutions/01_x.ipynb
    target: str  # notebooks/zh/01_x.ipynb or exercises/zh/solutions/01_x.ipynb
    catalogue: str  # crmlab/locale/zh/notebooks/01_x.po ...
    student: str | None = None  # exercises/zh/01_x.ipynb for an exercise

    def path(self, root: Path, which: str) -> Path:
        return Path(root) / getattr(self, which)


def _root(root=None) -> Path:
    from crmlab._paths import checkout_root

    r = Path(root) if root is not None else checkout_root()
    if r is None:
        raise CRMDataError("translate --notebooks/--build-zh work on a checkout of the kit (the folder with "
                           "notebooks/ and pyproject.toml). Fix: run from a clone, or pass root=.")
    return r


def edition_of(source: str | Path, root=None) -> Edition:
    """The :class:`Edition` of one English notebook (``notebooks/NN_x.ipynb`` or ``exercises/solutions/NN_x.ipynb``)."""
    root = _root(root)
    p = Path(source)
    if not p.is_absolute() and not (root / p).exists() and p.exists():
        p = p.resolve()  # a path relative to the current folder
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(root.resolve())
        except ValueError:  # outside the kit: the same message as any other path that is not a source notebook
            p = Path(p.name if p.name.endswith(".ipynb") else f"{p.name}.outside")
            p = Path("outside-the-kit") / p
    rel = p.as_posix()
    name = Path(rel).name

    def po(kind: str) -> str:
        return (catalogues(root) / kind / Path(name).with_suffix(".po")).relative_to(root).as_posix()

    if re.fullmatch(r"notebooks/\d\d_[^/]+\.ipynb", rel):
        return Edition(rel, f"notebooks/{LANG}/{name}", po("notebooks"))
    if re.fullmatch(r"exercises/solutions/\d\d_[^/]+\.ipynb", rel):
        return Edition(rel, f"exercises/{LANG}/solutions/{name}", po("exercises"), student=f"exercises/{LANG}/{name}")
    raise CRMDataError(f"translate: {source!s} is not an English teaching notebook (notebooks/NN_x.ipynb) or "
                       "exercise solution (exercises/solutions/NN_x.ipynb). Fix: give one of those; a student "
                       "copy is translated through its solution.")


def catalogues(root) -> Path:
    """The folder of the notebook catalogues in the kit folder ``root`` (in the checkout: ``CATALOGUES``)."""
    return Path(root) / "crmlab" / "locale" / LANG


def editions(root=None) -> list[Edition]:
    """Every notebook of the Chinese edition: those whose catalogue exists."""
    root = _root(root)
    out = []
    for kind, folder in (("notebooks", "notebooks"), ("exercises", "exercises/solutions")):
        for po in sorted((catalogues(root) / kind).glob("*.po")):
            src = root / folder / po.with_suffix(".ipynb").name
            if src.exists():
                out.append(edition_of(src, root))
    return out


# ---------------------------------------------------------------- catalogues
def _read_po(path: Path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as f:
        return read_po(f, locale=LANG)


def _write_po(path: Path, catalog) -> None:
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, include_previous=False)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, buf.getvalue().decode("utf-8"))


PREVIOUS = "previous English (compare, update the Chinese, then remove the fuzzy flag):"


def previous_english(message) -> str | None:
    """The English a fuzzy entry was translated from (kept as '# | ...' comments; Babel cannot read
    back a multi-line '#| msgid'), lines re-joined where the .po writer wrapped them; None if there is none."""
    comments = list(message.user_comments)
    if PREVIOUS not in comments:
        return None
    lines: list[str] = []
    for c in comments[comments.index(PREVIOUS) + 1:]:
        if c.startswith("|"):
            lines.append(c[2:] if c.startswith("| ") else c[1:])
        elif lines:
            lines[-1] += " " + c
    return "\n".join(lines)


_KEEP_COMMENT = re.compile(r"^#\s*(Solution\b|noqa\b|type:|fmt:|pragma\b)")  # markers code reads: never translated


def comments(source: str) -> list[tuple[int, int, str]]:
    """(line, column, text without '# ') of every comment of a code cell that is prose (not a marker)."""
    import tokenize

    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):  # not Python (a %magic, a shell line)
        return []
    return [(t.start[0], t.start[1], re.sub(r"^#\s?", "", t.string)) for t in toks
            if not _KEEP_COMMENT.match(t.string) and re.search(r"[A-Za-z]", t.string)]


def _translatable(cell) -> bool:
    if cell.cell_type == "code":
        return bool(comments(cell.source))
    return cell.cell_type == "markdown" and bool(re.search(r"[A-Za-z]", cell.source))


def _text(cell) -> str:
    """What is translated: a markdown cell's text, or a code cell's comments one per line."""
    if cell.cell_type == "code":
        return "\n".join(text for _, _, text in comments(cell.source))
    return cell.source


def _new_id(text: str, taken: set[str], kind: str = "md") -> str:
    h = hashlib.sha1(text.encode("utf-8")).hexdigest()
    for k in range(6, 41):
        cid = f"{kind}-{h[:k]}"
        if cid not in taken:
            return cid
    raise AssertionError("unreachable")


def assign_ids(nb) -> bool:
    """Give every translatable cell (markdown, code with comments) a unique ``tr_id`` (a copied cell gets a
    new one); True if any changed."""
    taken: set[str] = set()
    changed = False
    for cell in nb.cells:
        if not _translatable(cell):
            continue
        cid = cell.metadata.get(ID_KEY)
        if not cid or cid in taken:
            cell.metadata[ID_KEY] = _new_id(cell.source, taken, "py" if cell.cell_type == "code" else "md")
            changed = True
        taken.add(cell.metadata[ID_KEY])
    return changed


def messages(nb) -> list[tuple[str, str]]:
    """(cell id, English) of every translatable cell, in order: a markdown cell's text, a code cell's comments."""
    return [(c.metadata[ID_KEY], _text(c)) for c in nb.cells if _translatable(c) and c.metadata.get(ID_KEY)]


def update_catalogue(po: Path, msgs: list[tuple[str, str]], header: str) -> dict[str, int]:
    """Write catalogue ``po`` for the current English ``msgs`` ((context, English) pairs): a new context gets an
    empty entry, an unchanged one keeps its Chinese, a changed one keeps its old Chinese marked ``fuzzy`` with the
    previous English as comments, a context no longer there is dropped; the counts. Shared by the notebook and the
    document catalogues."""
    from babel.messages.catalog import Catalog

    old_cat = _read_po(po) if po.exists() else None
    old = {m.context: m for m in old_cat if m.id} if old_cat is not None else {}
    cat = Catalog(creation_date=old_cat.creation_date if old_cat is not None else None,
                  revision_date=old_cat.revision_date if old_cat is not None else None, locale=LANG,
                  project="crmlab", version="", copyright_holder="crmlab authors", msgid_bugs_address="",
                  language_team="Chinese (zh)", last_translator="", fuzzy=False, header_comment=header)
    counts = {"new": 0, "fuzzy": 0, "dropped": 0, "same": 0}
    for ctx, en in msgs:
        m = old.get(ctx)
        if m is None:
            cat.add(en, "", context=ctx)
            counts["new"] += 1
        elif m.id == en:  # unchanged; a translator who removed 'fuzzy' is done with the previous English
            cat.add(en, m.string, context=ctx, flags=m.flags, user_comments=m.user_comments if m.fuzzy else ())
            counts["same"] += 1
        else:  # the English changed: keep the old Chinese, and the old English for the translator
            before = previous_english(m) if m.fuzzy and previous_english(m) is not None else m.id
            cat.add(en, m.string, context=ctx, flags=set(m.flags) | {"fuzzy"},
                    user_comments=[PREVIOUS] + ["| " + line for line in before.splitlines()])
            counts["fuzzy"] += 1
    for m in cat:
        m.flags.discard("python-format")
    counts["dropped"] = sum(ctx not in {c for c, _ in msgs} for ctx in old)
    _write_po(po, cat)
    return counts


def extract(source: str | Path, root=None) -> dict[str, int]:
    """Bring the notebook's catalogue up to date with its English markdown (module docstring); counts."""
    root = _root(root)
    ed = edition_of(source, root)
    src = ed.path(root, "source")
    nb = nbformat.read(str(src), as_version=4)
    if assign_ids(nb):  # the ids are written into the English notebook once
        atomic_write_text(src, nbformat.writes(nb) + "\n")
    header = (f"# Chinese edition of {ed.source} (msgctxt = the markdown cell's tr_id).\n"
              "# Update: crmlab translate --notebooks; build: crmlab translate --build-zh.")
    return update_catalogue(ed.path(root, "catalogue"), messages(nb), header)


def problems(source: str | Path, root=None) -> dict[str, list[str]]:
    """Cell ids whose Chinese is missing, fuzzy or stale (the catalogue's English is not the cell's), and cells without an id."""
    root = _root(root)
    ed = edition_of(source, root)
    nb = nbformat.read(str(ed.path(root, "source")), as_version=4)
    po = ed.path(root, "catalogue")
    entries = {m.context: m for m in _read_po(po) if m.id} if po.exists() else {}
    out: dict[str, list[str]] = {"no_id": [], "missing": [], "fuzzy": [], "stale": [], "lines": []}
    out["no_id"] = [f"cell {i}" for i, c in enumerate(nb.cells) if _translatable(c) and not c.metadata.get(ID_KEY)]
    for cid, en in messages(nb):
        m = entries.get(cid)
        if m is None or not m.string:
            out["missing"].append(cid)
        elif m.id != en:
            out["stale"].append(cid)
        elif m.fuzzy:
            out["fuzzy"].append(cid)
        elif cid.startswith("py-") and len(m.string.splitlines()) != len(en.splitlines()):
            out["lines"].append(cid)  # a code cell's comments: one Chinese line per English comment
    return out


# ---------------------------------------------------------------- building
def _relink(text: str, src_dir: Path, dst_dir: Path, targets: dict[Path, Path]) -> str:
    """Re-point relative links written for ``src_dir`` so they work from ``dst_dir`` (to the zh copy when there is one)."""

    def fix(m):
        href = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", href, re.I):
            return m.group(0)
        path, _, frag = href.partition("#")
        abs_target = Path(os.path.normpath(src_dir / path))
        abs_target = targets.get(abs_target, abs_target)
        new = os.path.relpath(abs_target, dst_dir).replace(os.sep, "/")
        return f"{m.group(1)}{new}{'#' + frag if frag else ''}{m.group(3)}"

    return _LINK.sub(fix, text)


DATA_DICTIONARY = ("datasets/README.md", f"datasets/README.{LANG}.md")  # written by `crmlab data` in both languages


def link_targets(root) -> dict[Path, Path]:
    """English file -> its Chinese copy, for every file that has one: the notebooks of the edition, their student
    copies, the Markdown documents of :mod:`crmlab.doctranslate` and the data dictionary. A relative link in a
    Chinese notebook or document that points at one of these goes to the Chinese copy (:func:`_relink`)."""
    from crmlab import doctranslate

    root = Path(root)
    targets = {}
    for e in editions(root):
        targets[(root / e.source).resolve()] = (root / e.target).resolve()
        if e.student:  # a link to an English student copy goes to the Chinese one
            targets[(root / "exercises" / Path(e.source).name).resolve()] = (root / e.student).resolve()
    for d in doctranslate.documents(root):
        if (root / d.target).exists():
            targets[(root / d.source).resolve()] = (root / d.target).resolve()
    en, zh = DATA_DICTIONARY
    if (root / zh).exists():
        targets[(root / en).resolve()] = (root / zh).resolve()
    return targets


def built(source: str | Path, root=None):
    """The Chinese notebook of ``source`` (not executed), or a CRMDataError listing untranslated cells."""
    root = _root(root)
    ed = edition_of(source, root)
    todo = problems(ed.source, root)
    bad = {k: v for k, v in todo.items() if v}
    if bad:
        raise CRMDataError(f"build-zh: {ed.source} has cells without a usable Chinese text ({bad}). Fix: run "
                           f"`crmlab translate --notebooks`, translate them in {ed.catalogue} (remove 'fuzzy'), "
                           "then build again.")
    nb = nbformat.read(str(ed.path(root, "source")), as_version=4)
    zh = {m.context: m.string for m in _read_po(ed.path(root, "catalogue")) if m.id}
    src_dir, dst_dir = ed.path(root, "source").parent, ed.path(root, "target").parent
    targets = link_targets(root)
    targets[(root / ed.source).resolve()] = (root / ed.target).resolve()
    src_dir, dst_dir = src_dir.resolve(), dst_dir.resolve()
    found_params = False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _translatable(cell):
            cell.source = _relink(zh[cell.metadata[ID_KEY]], src_dir, dst_dir, targets)
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if _translatable(cell):
                lines = cell.source.split("\n")
                for (row, col, _), text in zip(comments(cell.source), zh[cell.metadata[ID_KEY]].splitlines()):
                    lines[row - 1] = lines[row - 1][:col] + "# " + text
                cell.source = "\n".join(lines)
            if "parameters" in cell.metadata.get("tags", []):
                cell.source, k = _LANG_LINE.subn(r"\1\2zh\2", cell.source)
                if k != 1:
                    raise CRMDataError(f"build-zh: the parameters cell of {ed.source} has no line "
                                       "`lang = \"en\"`. Fix: add `lang = \"en\"    # language of the text: en or zh` "
                                       "to it (the Chinese edition sets it to \"zh\").")
                found_params = True
    if not found_params:
        raise CRMDataError(f"build-zh: {ed.source} has no cell tagged 'parameters'. Fix: tag the cell with seed/lang.")
    nb.metadata["crmlab"] = {"edition": LANG, "generated_from": ed.source,
                             "note": "generated by `crmlab translate --build-zh`; edit the English notebook "
                                     f"and {ed.catalogue}, never this file"}
    return nb


def build(sources=None, root=None, execute: bool = True, progress=print, jobs: int = 2) -> list[Path]:
    """Write the Chinese notebooks of ``sources`` (default: the whole edition), then execute them; the paths written.

    All notebooks are written before any is executed (00's course map lists the Chinese notebooks that exist),
    and ``jobs`` of them run at once (:func:`crmlab.runner.run_jobs`). The student copies are made from the
    Chinese solutions (stub comments in Chinese).
    """
    from crmlab.exercises import student_notebook
    from crmlab.runner import execute_in_place, run_jobs

    root = _root(root)
    eds = [edition_of(s, root) for s in sources] if sources else editions(root)
    books = [built(ed.source, root) for ed in eds]  # every catalogue is checked before anything is written
    written = []
    for ed, nb in zip(eds, books):
        target = ed.path(root, "target")
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, nbformat.writes(nb) + "\n")
        written.append(target)
        if ed.student:
            student = ed.path(root, "student")
            atomic_write_text(student, nbformat.writes(student_notebook(nb, lang=LANG)) + "\n")
            written.append(student)
    if execute:
        run = run_jobs(lambda path: str(execute_in_place(path)), [ed.path(root, "target") for ed in eds], jobs,
                       label=lambda p: Path(p).relative_to(root).as_posix(), progress=bool(progress))
        if run.signal is not None:
            from crmlab.runner import Stopped

            raise Stopped(run.signal, "build-zh stopped")
    if progress:
        for ed in eds:
            progress(f"built {ed.target}" + (f" and {ed.student}" if ed.student else ""))
    return written


def stale_builds(root=None) -> list[str]:
    """Chinese notebooks whose cell sources differ from a fresh build (a rebuild is due)."""
    root = _root(root)
    out = []
    for ed in editions(root):
        target = ed.path(root, "target")
        if not target.exists():
            out.append(f"{ed.target} (missing)")
            continue
        have = [(c.cell_type, c.source) for c in nbformat.read(str(target), as_version=4).cells]
        want = [(c.cell_type, c.source) for c in built(ed.source, root).cells]
        if have != want:
            out.append(ed.target)
    return out
