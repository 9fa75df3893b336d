"""Individual assignments: one exercise notebook per student, each with its own seed.

    crmlab assign --topic 01_satisfaction --roster roster.csv --out assignments/

The roster is a CSV with columns ``student_id`` and ``name``. Each student's
seed is derived stably from the id (sha256, mod 2**31), injected into the
parameters cell of the student copy ``exercises/NN_topic.ipynb``; the check
functions recompute from the student's data, so feedback is per student. Each
student's bundle ``students/<id>/`` holds the notebook and a README in the
course language; the instructor's folder ``instructor/`` holds
``<topic>_answer_key.csv`` (computed with ``crmlab.checks.answer_key``) and the
roster. ``crmlab grade`` (:mod:`crmlab.grade`) closes the loop.

Safety: ``--topic`` takes only a name :func:`topics` lists (never a path, never
a solution notebook); ids must be file-name safe and names free of control
characters (both checked row by row, with the row and column in the error);
the id and name reach the notebook only as ``repr`` string literals and as
notebook metadata, never as source text; every file is written inside
``--out`` (:func:`crmlab._io.inside`) with the usual permissions, and the key's
cells cannot run as spreadsheet formulas (:func:`crmlab._io.write_csv`).
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from crmlab import _paths
from crmlab._io import atomic_write_text, check_file_id, check_text, inside, out_folder, read_text, write_csv
from crmlab.errors import CRMDataError
from crmlab.validate import require_int

ROOT = _paths.kit_root()  # a checkout, else the copy shipped in the wheel (crmlab._paths)
_SEED_LINE = re.compile(r"^seed\s*=\s*\d+", re.M)
_CHECK_IMPORT = re.compile(r"from crmlab\.checks import (\w+) as check")


def student_seed(student_id) -> int:
    """A stable seed for a student id: int(sha256(id)) mod 2**31."""
    if not isinstance(student_id, (str, int, np.integer)) or isinstance(student_id, bool):
        raise CRMDataError(f"student_id={student_id!r} must be text or a whole number. "
                           "Fix: pass the id as it stands in the roster, e.g. 's001'.")
    sid = str(student_id).strip()
    if not sid:
        raise CRMDataError("student_id is blank. Fix: every student needs a non-empty id in the roster.")
    return int(hashlib.sha256(sid.encode("utf-8")).hexdigest(), 16) % 2**31


def topics(root=None) -> list[str]:
    """The exercises ``assign`` hands out: the student copies ``exercises/NN_topic.ipynb`` (never the solutions)."""
    return sorted(p.stem for p in (_paths.kit_root(root) / "exercises").glob("[0-9][0-9]_*.ipynb"))


def exercise_path(topic: str, root=None) -> Path:
    """The student copy of ``topic``; only a name :func:`topics` lists is accepted (no paths, no solutions)."""
    names = topics(root)
    if not names:
        raise _paths.missing("exercises/NN_topic.ipynb", root, "topic")
    listed = ", ".join(names)
    if not isinstance(topic, str) or topic not in names:
        raise CRMDataError(f"topic: {topic!r} is not an exercise of the kit; choose one of {listed}. "
                           "Fix: pass one of those names exactly (a name, not a path).")
    return inside(_paths.kit_root(root) / "exercises", f"{topic}.ipynb")


def edition_copy(src: Path, lang: str, root=None) -> Path:
    """The ``lang`` edition's student copy of the exercise ``src`` (``exercises/zh/NN_x.ipynb``), or a CRMDataError
    that names the missing file and how to build it (it is never silently replaced by the English one)."""
    from crmlab._paths import edition_path

    rel = edition_path(f"exercises/{src.name}", lang)
    path = src.parent / lang / src.name
    if path.is_file():
        return path
    raise CRMDataError(
        f"--lang {lang}: the Chinese student copy {rel} of {src.stem} is not in the kit ({path} was not found). "
        f"Fix: in a checkout, translate crmlab/locale/{lang}/exercises/{src.stem}.po and run "
        f"`crmlab translate --build-zh exercises/solutions/{src.name}` (then rebuild the wheel), "
        f"or hand out the English one with --lang en.")


def checks_module(nb) -> object:
    """The crmlab.checks module the exercise notebook imports (it needs exercise_data and ANSWERS)."""
    cells = getattr(nb, "cells", None)
    if cells is None and isinstance(nb, dict):
        cells = nb.get("cells")
    if not isinstance(cells, list):
        raise CRMDataError(f"nb must be a notebook read with nbformat, got {type(nb).__name__}. "
                           "Fix: nbformat.read(crmlab.assign.exercise_path(topic), as_version=4).")
    for cell in cells:
        if not isinstance(cell, dict) or "source" not in cell:
            continue
        cell = _nbformat_node(cell)
        m = _CHECK_IMPORT.search(cell.source) if cell.cell_type == "code" else None
        if m:
            mod = importlib.import_module(f"crmlab.checks.{m.group(1)}")
            if not (hasattr(mod, "exercise_data") and hasattr(mod, "ANSWERS")):
                raise CRMDataError(f"topic: crmlab.checks.{m.group(1)} has no exercise_data/ANSWERS. "
                                   "Fix: regenerate the exercise with 'crmlab exercises'.")
            return mod
    raise CRMDataError("topic: the exercise notebook does not import its crmlab.checks module. "
                       "Fix: regenerate the exercise with 'crmlab exercises'.")


def _nbformat_node(cell):
    """A cell as an attribute-access node (nbformat's NotebookNode), from a plain dict too."""
    from nbformat import from_dict

    return from_dict(cell)


ROSTER_COLUMNS = ("student_id", "name")


def read_roster(path) -> list[dict]:
    """The students of a roster CSV (columns ``student_id``, ``name``; others are ignored).

    Read in UTF-8, UTF-16 or GBK (:func:`crmlab._io.read_text`). Refused with a
    CRMDataError naming the row and column: a missing column, an empty roster,
    a row with more fields than the header, a blank, unsafe (see
    :data:`crmlab._io.SAFE_ID_TEXT`) or duplicate id (case-insensitively: the
    ids become file names), and any control character in an id or name. Blank
    rows are skipped; spaces around values are dropped.
    """
    text = read_text(path, "roster")
    where = f"roster {str(path)!r}"
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:  # a bare carriage return inside an unquoted value
        raise CRMDataError(f"{where}: {_stray_cr(text)} contains a line break (U+000D, carriage return) "
                           f"inside a value ({exc}). Fix: retype the value without line breaks "
                           "(in Excel: =CLEAN(...)).") from None
    while table and not any(c.strip(" ") for c in table[-1]):
        table.pop()
    if not table:
        raise CRMDataError(f"{where}: the file is empty. Fix: a first line 'student_id,name', then one student a line.")
    header = [c.strip(" ") for c in table[0]]
    for j, col in enumerate(header, start=1):
        check_text(col, f"{where}: header, column {j}")
    missing = [c for c in ROSTER_COLUMNS if c not in header]
    if missing:
        raise CRMDataError(f"{where}: missing column {', '.join(missing)} (found: {', '.join(map(repr, header)) or 'nothing'}). "
                           "Fix: the first line must name the columns, e.g. 'student_id,name'.")
    twice = sorted({c for c in header if header.count(c) > 1 and c in ROSTER_COLUMNS})
    if twice:
        raise CRMDataError(f"{where}: column {', '.join(twice)} appears more than once in the header. "
                           "Fix: keep one column of each name.")
    pos = {c: header.index(c) for c in ROSTER_COLUMNS}
    rows, seen = [], {}
    for i, fields in enumerate(table[1:], start=1):
        if not any(f.strip(" ") for f in fields):
            continue
        if len(fields) > len(header):
            raise CRMDataError(f"{where}: row {i} has {len(fields)} fields but the header has {len(header)}: "
                               f"{fields!r}. Fix: put a value that contains a comma in double quotes, "
                               'e.g. "Wang, Fang".')
        r = {c: (fields[k].strip(" ") if k < len(fields) else "") for c, k in pos.items()}
        sid = r["student_id"]
        if not sid:
            raise CRMDataError(f"{where}: row {i}, column student_id: empty. Fix: give every student an id "
                               "(or delete the row).")
        check_file_id(sid, f"{where}: row {i}, column student_id")
        name = check_text(r["name"], f"{where}: row {i}, column name")
        key = sid.casefold()
        if key in seen:
            raise CRMDataError(f"{where}: row {i}, column student_id: duplicate id {sid!r} (also in row {seen[key][0]}"
                               f" as {seen[key][1]!r}; ids differing only in capitals name the same file on "
                               "Windows and macOS). Fix: give every student a distinct id.")
        seen[key] = (i, sid)
        rows.append({"student_id": sid, "name": name})
    if not rows:
        raise CRMDataError(f"{where}: no students (only a header). Fix: add one line per student, e.g. 's001,Li Wei'.")
    return rows


def _stray_cr(text: str) -> str:
    """'row N, column C' of the first carriage return that is not part of a line end (for the error)."""
    lines = text.replace("\r\n", "\n").split("\n")
    header = [c.strip(" ") for c in next(csv.reader([lines[0].replace("\r", "")]), [])]
    for i, line in enumerate(lines):
        if "\r" in line.rstrip("\r"):
            k = line.split(",").index(next(f for f in line.split(",") if "\r" in f))
            col = header[k] if k < len(header) else f"field {k + 1}"
            return f"row {i}, column {col}" if i else f"the header, column {k + 1}"
    return "a value"


def personalise(nb, student_id: str, name: str, seed: int):
    """A copy of the notebook for one student: their seed, id and name in the parameters cell.

    The id and name reach the notebook only as data: Python string literals
    built with ``repr`` (one line, every quote and backslash escaped) and the
    notebook metadata ``crmlab.assignment``; never as source text or comments.
    """
    import copy

    student_id = check_file_id(student_id, "student_id")
    name = check_text(name, "name")
    seed = require_int(seed, "seed", minimum=0, maximum=2**31 - 1)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            if not _SEED_LINE.search(cell.source):
                raise CRMDataError("topic: the exercise's parameters cell has no 'seed = ...' line. "
                                   "Fix: regenerate the exercise with 'crmlab exercises'.")
            body = _SEED_LINE.sub(f"seed = {seed:d}", cell.source, count=1)
            cell.source = ("# your personal assignment (crmlab assign)\n"
                           f"student_id = {student_id!r}\n"
                           f"student_name = {name!r}\n" + body)
            nb.metadata["crmlab"] = {"assignment": {"student_id": student_id, "name": name, "seed": seed}}
            return nb
    raise CRMDataError("topic: the exercise notebook has no cell tagged 'parameters'. "
                       "Fix: regenerate the exercise with 'crmlab exercises'.")


def _flat(value) -> str:
    """One CSV cell for an answer (numbers rounded to 4 places)."""
    if isinstance(value, pd.DataFrame):
        return "; ".join(f"{i}: {_flat(r)}" for i, r in value.iterrows())
    if isinstance(value, pd.Series):
        return "; ".join(f"{k}={_flat(v)}" for k, v in value.items())
    if isinstance(value, dict):
        return "; ".join(f"{k}={_flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, set) else list(value)
        return "; ".join(_flat(v) for v in items)
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4f}"
    return str(value)


def bundle_readme(topic: str, student_id: str, name: str, notebook: str, lang: str = "en") -> str:
    """The short instruction in a student's bundle, in the course language (:func:`crmlab.labels.t`)."""
    from crmlab.labels import t

    title = t("bundle_readme_title", lang, topic=topic)
    return (f"{title}\n{'=' * len(title)}\n\n{t('bundle_readme_student', lang, name=name, student_id=student_id)}\n\n"
            f"{t('bundle_readme_steps', lang, notebook=notebook)}\n")


def assign(topic: str, roster, out_dir, root=None, n_jobs: int = 1, lang: str = "en") -> tuple[list[Path], Path]:
    """Write one bundle per student and the instructor's key; returns (notebooks, key path).

    Layout (``out_dir``):

    - ``students/<id>/<topic>_<id>.ipynb`` and ``students/<id>/README.txt`` (the instruction in
      ``lang``): what the student gets, nothing of the solutions or the key; with ``lang="zh"`` the
      notebook is the Chinese edition's copy (``exercises/zh/<topic>.ipynb``) (a CRMDataError naming the file and how to build it when it is missing: :func:`edition_copy`);
    - ``instructor/<topic>_answer_key.csv`` and ``instructor/roster.csv`` (the roster as read,
      with each student's seed): for the instructor only.

    The students are prepared by :func:`crmlab.runner.run_jobs` (``n_jobs`` at
    once). SIGINT/SIGTERM stops it: the finished students' notebooks stay, no
    answer key is written and :class:`crmlab.runner.Stopped` says who is done.

    Every file lands inside ``out_dir`` (:func:`crmlab._io.inside`); the key is
    written with :func:`crmlab._io.write_csv` (cells safe to open in Excel).
    """
    import nbformat

    from crmlab.checks import answer_key
    from crmlab.labels import check_lang
    from crmlab.runner import Stopped, run_jobs

    check_lang(lang)
    src = exercise_path(topic, root)
    if lang != "en":
        src = edition_copy(src, lang, root)
    nb = nbformat.read(str(src), as_version=4)
    module = checks_module(nb)
    students = read_roster(roster)
    out_dir = out_folder(out_dir, "--out")
    students_dir = inside(out_dir, "students")

    def folder(s: dict) -> Path:
        return inside(students_dir, s["student_id"])

    def notebook_path(s: dict) -> Path:
        return inside(folder(s), f"{topic}_{s['student_id']}.ipynb")

    def prepare(s: dict) -> tuple[Path, dict]:
        seed = student_seed(s["student_id"])
        mine = personalise(nb, s["student_id"], s["name"], seed)
        answers = answer_key(module, module.exercise_data(seed=seed))
        path = notebook_path(s)
        atomic_write_text(inside(folder(s), "README.txt"),
                          bundle_readme(topic, s["student_id"], s["name"], path.name, lang))
        # written last: a student interrupted before this point has no new notebook
        atomic_write_text(path, nbformat.writes(mine) + "\n")
        return path, {"student_id": s["student_id"], "name": s["name"], "seed": seed, "notebook": path.name,
                      **{q: _flat(v) for q, v in answers.items()}}

    def cleanup(s: dict) -> None:
        d = out_dir / "students" / s["student_id"]
        for p in d.glob(f".{topic}_{s['student_id']}.ipynb.*"):
            p.unlink(missing_ok=True)
        for p in d.glob(".README.txt.*"):
            p.unlink(missing_ok=True)

    started_at = time.time()
    run = run_jobs(prepare, students, n_jobs, on_result=lambda s, r: f"ok      {r[0].name}",
                   label=lambda s: s["student_id"], cleanup=cleanup)
    if run.signal:
        def written_now(s: dict) -> bool:  # the atomic write finished just before the stop reached us
            p = out_dir / "students" / s["student_id"] / f"{topic}_{s['student_id']}.ipynb"
            return p.exists() and p.stat().st_mtime >= started_at

        done = [s["student_id"] for s, st in zip(students, run.states)
                if st == "done" or (st == "interrupted" and written_now(s))]
        interrupted = [s for s in run.interrupted if s["student_id"] not in done]
        lines = [f"{len(done)} of {len(students)} student notebooks written to {students_dir}"
                 f"{': ' + ', '.join(done) if done else ''}"]
        for state, who in (("interrupted", interrupted), ("not started", run.not_started)):
            if who:
                lines.append(f"  {state}: {', '.join(s['student_id'] for s in who)}")
        lines.append("the answer key was NOT written; run the same command again (it rewrites every student)")
        raise Stopped(run.signal, "\n".join(lines))
    written = [p for p, _ in run.results]
    rows = [r for _, r in run.results]
    instructor = inside(out_dir, "instructor")
    write_csv(inside(instructor, "roster.csv"),
              [{"student_id": s["student_id"], "name": s["name"], "seed": student_seed(s["student_id"])}
               for s in students], fieldnames=["student_id", "name", "seed"])
    key = write_csv(inside(instructor, f"{topic}_answer_key.csv"), rows)
    return written, key
