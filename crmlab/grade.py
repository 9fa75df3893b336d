"""Grade a class: collect the submitted notebooks, run each on the student's own data, score it.

    crmlab grade --topic 01_satisfaction --roster roster.csv --submissions inbox/ --out graded/

1. **Match** (:func:`match_submissions`): every ``*.ipynb`` under ``--submissions``
   is given to a roster student by the id ``crmlab assign`` wrote into the
   notebook's metadata, else by the file name (the longest roster id that
   stands in the name between non-alphanumeric characters). Two files of one
   student: the newest (modification time) is graded, the other is reported;
   a file of no roster student is reported; a roster student without a file
   is ``missing``.
2. **Run** (:func:`grade_payload`): each notebook runs in a fresh kernel, in
   its own temporary working folder (removed afterwards), with a time limit
   per cell and one for the whole notebook. The seed is **re-derived from the
   roster** (:func:`crmlab.assign.student_seed`) and injected after the
   parameters cell with the exercise's other parameters, so a changed seed
   has no effect; a seed or parameter that differs in the submission makes
   the status ``tampered seed``. A cell that raises does not stop the rest.
   Then a cell the grader appends reads the answer variables ``q1``, ``q2``,
   ... out of the kernel as JSON data (:mod:`crmlab._collect`: never pickle,
   never a student's object or function).
3. **Check** in the grader, never in the kernel: the topic's check functions
   (``crmlab/<topic>/checks.py``, ``qN_...(answer, **data)``) run on data the
   grader recomputes from the roster seed (``exercise_data(seed=...)``).
   Right = 1 point, close (a near miss, e.g. a rounding slip) = 0.5, wrong or
   unanswered = 0; written (interpretation) questions (the module's
   ``RUBRICS``) are left blank for the instructor.
4. **Write** (atomically): ``gradebook.csv`` (:func:`crmlab._io.write_csv`,
   Excel-safe), ``feedback/<id>.html`` per student (verdict and hint, never
   the answer), ``summary.html`` (score distribution, item analysis, the
   written answers beside the rubric, the matching report), ``matching.csv``
   and the resume state ``grade_state.json`` (sha256 of each graded file:
   an unchanged file is not run again; ``force=True`` re-grades).

Jobs run on :func:`crmlab.runner.run_jobs` (local process pool, SIGINT/SIGTERM
stop it cleanly), or with ``scheduler=ADDRESS`` on a Dask distributed cluster
(the optional extra ``crmlab[dask]``): the notebook text goes to the worker
and the result comes back as plain data; no shared file system is needed,
but every worker needs crmlab installed.

Not a sandbox: a submission's code runs as the user who runs the grader,
with that user's files and network (see the README, "Grading a class").
"""

from __future__ import annotations

import ast
import asyncio
import hashlib
import html
import inspect
import json
import math
import os
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from crmlab.errors import CRMDataError

STATUSES = ("graded", "missing", "timed out", "kernel died", "unreadable", "tampered seed")
POINTS = {"right": 1.0, "close": 0.5, "wrong": 0.0, "unanswered": 0.0}
STATE_FILE = "grade_state.json"
STATE_VERSION = 1
MAX_BYTES = 50_000_000  # a submission larger than this is not read (a notebook with answers is far smaller)
PROBE_SECONDS = 10  # after a cell timed out: how long the interrupted kernel gets to answer again
_Q = re.compile(r"^q(\d+)$")
_CHECK_NAME = re.compile(r"^(q\d+)_\w+$")


# ---------------------------------------------------------------- questions of a topic
@dataclass(frozen=True)
class Question:
    key: str  # "q1"
    check: str  # name of the check function in the topic's checks module
    manual: bool  # a written answer the instructor grades (the module's RUBRICS)
    rubric: str = ""


def questions(module) -> list[Question]:
    """The questions of a topic's checks module, in order: ``ANSWERS``, ``RUBRICS`` and the ``qN_*`` checks.

    A question with a rubric (``RUBRICS = {"qN": text}``) is graded by the
    instructor; a module without ``RUBRICS`` has none. Every question needs
    one check function ``qN_<name>``.
    """
    rubrics = dict(getattr(module, "RUBRICS", {}) or {})
    checks: dict[str, list[str]] = {}
    for name, obj in vars(module).items():
        m = _CHECK_NAME.match(name)
        if m and callable(obj):
            checks.setdefault(m.group(1), []).append(name)
    keys = set(getattr(module, "ANSWERS", {})) | set(rubrics) | set(checks)
    out = []
    for key in sorted(keys, key=lambda k: int(_Q.match(k).group(1)) if _Q.match(k) else 10**9):
        found = checks.get(key, [])
        if len(found) != 1 or not _Q.match(key):
            raise CRMDataError(f"topic: {module.__name__} has {len(found)} check functions for {key} "
                               f"({', '.join(found) or 'none'}). Fix: one function named {key}_<what> per question.")
        out.append(Question(key, found[0], key in rubrics, str(rubrics.get(key, ""))))
    if not out:
        raise CRMDataError(f"topic: {module.__name__} defines no questions (no ANSWERS or qN_ checks). "
                           "Fix: choose an exercise of the kit.")
    return out


def run_check(module, q: Question, answer, data: dict):
    """``module.<check>(answer, **the data it takes)`` -> Feedback; a check that raises counts as wrong."""
    from crmlab.checks import Feedback

    fn = getattr(module, q.check)
    params = list(inspect.signature(fn).parameters.values())[1:]
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        kwargs = dict(data)
    else:
        kwargs = {p.name: data[p.name] for p in params if p.name in data}
    try:
        fb = fn(answer, **kwargs)
    except Exception as exc:  # an answer of a shape the check did not foresee
        return Feedback(q.key.upper(), False, f"not yet. Hint: the answer could not be checked "
                                              f"({type(exc).__name__}); give it in the form the question asks for.")
    if not isinstance(fb, Feedback):
        return Feedback(q.key.upper(), bool(fb), "correct." if fb else "not yet.")
    return fb


# ---------------------------------------------------------------- matching files to students
@dataclass
class Submission:
    path: Path
    sha256: str
    mtime: float
    student_id: str | None = None
    how: str = ""  # "notebook" (metadata id) or "file name"
    note: str = ""


def _read_limited(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(MAX_BYTES + 1)


def _metadata_id(raw: bytes) -> str | None:
    """The student id ``crmlab assign`` wrote into the notebook's metadata, if the file is JSON and has one."""
    try:
        nb = json.loads(raw.decode("utf-8-sig"))
        sid = nb["metadata"]["crmlab"]["assignment"]["student_id"]
    except (ValueError, UnicodeDecodeError, KeyError, TypeError):
        return None
    return sid if isinstance(sid, str) else None


def _name_id(stem: str, ids: dict[str, str]) -> tuple[str | None, str]:
    """The roster id that stands in a file name (longest match between non-alphanumerics)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+", stem)]
    found: dict[str, str] = {}
    for i in range(len(spans)):
        for j in range(i, len(spans)):
            sub = stem[spans[i][0]:spans[j][1]].casefold()
            if sub in ids:
                found[ids[sub]] = sub
    if not found:
        return None, ""
    best = max(len(v) for v in found.values())
    top = sorted(k for k, v in found.items() if len(v) == best)
    if len(top) > 1:
        return None, f"the file name names {', '.join(top)}"
    return top[0], ""


def match_submissions(folder, students: list[dict]) -> tuple[dict, list, list]:
    """(student id -> Submission graded, duplicates [(ignored, kept)], strangers [Submission]).

    Every ``*.ipynb`` below ``folder`` counts (not hidden files or ``.ipynb_checkpoints``).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CRMDataError(f"--submissions {str(folder)!r} is {'a file' if folder.exists() else 'not there'}, "
                           "not a folder. Fix: collect the handed-in notebooks into one folder and pass it.")
    ids = {s["student_id"].casefold(): s["student_id"] for s in students}
    files = sorted(p for p in folder.rglob("*.ipynb")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    by_student: dict[str, list[Submission]] = {}
    strangers = []
    for p in files:
        raw = _read_limited(p)
        sub = Submission(p, hashlib.sha256(raw).hexdigest(), p.stat().st_mtime)
        meta = _metadata_id(raw)
        from_name, why = _name_id(p.stem, ids)
        if meta is not None and meta.casefold() in ids:
            sub.student_id, sub.how = ids[meta.casefold()], "notebook"
            if from_name and from_name != sub.student_id:
                sub.note = f"the file name names {from_name}, the notebook {sub.student_id}"
        elif from_name:
            sub.student_id, sub.how = from_name, "file name"
            if meta is not None:
                sub.note = f"the notebook names {meta!r}, which is not on the roster"
        else:
            sub.note = why or (f"the notebook names {meta!r}, which is not on the roster" if meta
                               else "no roster id in the notebook or the file name")
            strangers.append(sub)
            continue
        by_student.setdefault(sub.student_id, []).append(sub)
    chosen, duplicates = {}, []
    for sid, subs in by_student.items():
        subs.sort(key=lambda s: (s.mtime, str(s.path)))
        chosen[sid] = subs[-1]
        duplicates += [(s, subs[-1]) for s in subs[:-1]]
    return chosen, duplicates, strangers


# ---------------------------------------------------------------- one submission (runs in a worker)
def _params_of(source: str) -> dict:
    """name -> literal value of the top-level ``name = <literal>`` lines of a parameters cell."""
    out = {}
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return out
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
    return out


def _result(payload: dict, status: str, note: list[str], started: float, **extra) -> dict:
    return {"student_id": payload["student_id"], "file": payload.get("file", ""), "sha256": payload.get("sha256", ""),
            "status": status, "note": "; ".join(note), "questions": extra.pop("questions", {}),
            "seconds": {"total": time.perf_counter() - started, **extra.pop("seconds", {})}, **extra}


def grade_payload(payload: dict) -> dict:
    """Grade one submission given as data; returns plain data (JSON-safe). Used by both runners.

    ``payload``: ``student_id``, ``seed`` (from the roster), ``notebook`` (the
    submitted text), ``checks`` (module name), ``params_source`` (the
    exercise's parameters cell for this student, written by the kit),
    ``timeout_cell``, ``timeout`` (seconds), ``file``, ``sha256`` and,
    optionally, ``workdir`` (the folder in which the temporary working folder is made).
    """
    import importlib

    import nbformat

    started = time.perf_counter()
    note: list[str] = []
    try:
        nb = nbformat.reads(payload["notebook"], as_version=4)
        cells = [c for c in nb.cells if c.get("cell_type") == "code" and isinstance(c.get("source"), str)]
        meta = nb.get("metadata")
        for key in ("crmlab", "assignment"):
            meta = meta.get(key) if isinstance(meta, dict) else None
    except Exception as exc:  # not JSON, not a notebook, a broken structure: many kinds
        return _result(payload, "unreadable", [f"not a readable notebook ({type(exc).__name__})"], started)
    module = importlib.import_module(payload["checks"])
    qs = questions(module)
    seed = int(payload["seed"])
    kit_params = _params_of(payload["params_source"])

    # the seed the submission carries (metadata, parameters cell) against the roster's
    tampered = []
    meta_seed = meta.get("seed") if isinstance(meta, dict) else None
    if not all(isinstance(c.get("metadata"), dict) for c in cells):
        cells = [c if isinstance(c.get("metadata"), dict) else {**c, "metadata": {}} for c in cells]
    if meta_seed is not None and meta_seed != seed:
        tampered.append(f"the notebook's metadata has seed {meta_seed!r}")
    pcell = next((i for i, c in enumerate(cells) if "parameters" in (c.metadata.get("tags") or [])), None)
    if pcell is not None:
        given = _params_of(cells[pcell].source)
        for name, value in kit_params.items():
            if name in ("student_id", "student_name"):
                continue
            if name in given and given[name] != value:
                tampered.append(f"the parameters cell sets {name} = {given[name]!r}")
    else:
        note.append("no parameters cell (the assigned parameters were put first)")

    # what runs: the student's code cells (outputs dropped), the kit's parameters after the
    # parameters cell, then the collection cell
    from crmlab._collect import MIME, decode, kernel_code

    nonce = secrets.token_hex(16)
    run_cells = [nbformat.v4.new_code_cell(c.source) for c in cells]
    injected = nbformat.v4.new_code_cell(payload["params_source"])
    run_cells.insert(0 if pcell is None else pcell + 1, injected)
    collect = nbformat.v4.new_code_cell(kernel_code([q.key for q in qs], list(kit_params), nonce))
    run_nb = nbformat.v4.new_notebook(cells=run_cells + [collect])
    run_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

    parent = payload.get("workdir") or None
    tag = payload.get("run_tag", "x")
    workdir = tempfile.mkdtemp(prefix=f"crmlab-grade-{tag}-{payload['student_id']}-", dir=parent)
    timings = {"kernel_start": 0.0, "cells": 0.0, "collect": 0.0}
    status = None
    outputs = None
    try:
        where = [f"code cell {k + 1}" for k in range(len(cells))]  # as the student counts them
        where.insert(0 if pcell is None else pcell + 1, "the assigned parameters")
        status, outputs = _execute(run_nb, where, workdir, float(payload["timeout_cell"]),
                                   float(payload["timeout"]), note, timings)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if status == "kernel died":
        return _result(payload, status, note, started, seconds=timings)

    t_check = time.perf_counter()
    collected = None
    for out in outputs or []:
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        doc = data.get(MIME)
        if isinstance(doc, str):
            try:
                doc = json.loads(doc)
            except ValueError:
                doc = None
        if isinstance(doc, dict) and doc.get("nonce") == nonce:
            collected = doc
    if collected is None:
        note.append("the answers could not be read from the kernel")
        answers, final = {}, {}
    else:
        answers = {q: decode(v) for q, v in (collected.get("answers") or {}).items()}
        final = {p: decode(v) for p, v in (collected.get("params") or {}).items()}
    for name, value in kit_params.items():
        if name in ("student_id", "student_name"):
            continue
        got = final.get(name)
        if name in final and not _same(got, value):
            tampered.append(f"{name} was changed to {_short(got)} while the notebook ran")
    if tampered:
        note.insert(0, f"graded with the roster's seed {seed}: " + ", ".join(tampered))
    if status is None:
        status = "tampered seed" if tampered else "graded"

    from crmlab._collect import Missing

    data = module.exercise_data(seed=seed)
    results = {}
    for q in qs:
        answer = answers.get(q.key, Missing())
        if isinstance(answer, Missing):
            answer = Ellipsis
        fb = run_check(module, q, answer, data)
        entry = {"status": fb.status, "message": fb.message}
        if q.manual:
            entry["points"] = None
            entry["text"] = answer if isinstance(answer, str) else ""
        else:
            entry["points"] = POINTS.get(fb.status, 0.0)
        results[q.key] = entry
    timings["check"] = time.perf_counter() - t_check
    return _result(payload, status, note, started, questions=results, seconds=timings)


def _same(a, b) -> bool:
    try:
        return type(a) is type(b) and a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float))
                                                and not isinstance(a, bool) and float(a) == float(b))
    except Exception:
        return False


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _execute(nb, where: list[str], workdir: str, timeout_cell: float, timeout: float, note: list[str],
             timings: dict) -> tuple[str | None, list | None]:
    """Run the cells in a fresh kernel; (status or None, outputs of the collection cell).

    ``where[i]`` names cell ``i`` for the notes; the cell after them is the collection cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    from crmlab._kernel import SlicedPollKernelManager

    client = NotebookClient(nb, timeout=max(1, math.ceil(timeout_cell)), kernel_name="python3", allow_errors=True,
                            interrupt_on_timeout=False, shutdown_kernel="immediate", record_timing=False,
                            kernel_manager_class=SlicedPollKernelManager, resources={"metadata": {"path": workdir}},
                            extra_arguments=["--log-level=CRITICAL"], startup_timeout=120)
    status = None
    n_student = len(where)
    t0 = time.perf_counter()
    try:
        with client.setup_kernel(env=_kernel_env(workdir)):
            timings["kernel_start"] = time.perf_counter() - t0
            start = time.monotonic()
            deadline = start + timeout
            errors = []
            for i in range(n_student):
                left = deadline - time.monotonic()
                if left <= 0:
                    status = "timed out"
                    note.append(f"the notebook ran over its limit of {timeout:g} s; the remaining cells were not run")
                    break
                client.timeout = max(1, math.ceil(min(timeout_cell, left)))
                try:
                    cell = client.execute_cell(nb.cells[i], i)
                except CellTimeoutError:
                    status = "timed out"
                    note.append(f"{where[i]} ran over {client.timeout} s and was stopped")
                    if not _interrupt(client, i):
                        note.append("the kernel did not respond after the stop; the rest was not run")
                        timings["cells"] = time.monotonic() - start
                        return status, None
                    continue
                if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                    errors.append(where[i])
            timings["cells"] = time.monotonic() - start
            if errors:
                note.append(f"an error in {', '.join(errors[:10])}")
            t1 = time.perf_counter()
            client.timeout = max(PROBE_SECONDS, math.ceil(timeout_cell))
            try:
                cell = client.execute_cell(nb.cells[n_student], n_student)
            except CellTimeoutError:
                note.append("reading the answers ran over the time limit")
                return "timed out", None
            timings["collect"] = time.perf_counter() - t1
            return status, cell.get("outputs", [])
    except DeadKernelError:
        note.insert(0, "the kernel died (the notebook ended its Python process, e.g. os._exit, or ran out of memory)")
        return "kernel died", None
    except RuntimeError as exc:  # the kernel did not start or answer
        note.insert(0, f"the kernel failed ({str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__})")
        return "kernel died", None


def _interrupt(client, index: int) -> bool:
    """Interrupt the kernel after a timeout and check that it answers again."""
    import nbformat
    from jupyter_core.utils import run_sync
    from nbclient.exceptions import CellTimeoutError

    async def interrupt(km):
        # nbclient leaves the timed-out cell's output reader running: it would eat the next cells' outputs
        me = asyncio.current_task()
        others = [task for task in asyncio.all_tasks() if task is not me]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        res = km.interrupt_kernel()
        if inspect.isawaitable(res):
            await res

    try:
        run_sync(interrupt)(client.km)
        client.timeout = PROBE_SECONDS
        client.execute_cell(nbformat.v4.new_code_cell("pass"), index)
        return True
    except CellTimeoutError:
        return False


def _kernel_env(workdir: str) -> dict:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env["HOME"] = env.get("HOME", workdir)
    return env


# ---------------------------------------------------------------- the class
@dataclass
class GradeRun:
    """What :func:`grade` did: one row per roster student, and where the outputs are."""

    rows: list[dict]
    questions: list[Question]
    out_dir: Path
    gradebook: Path
    summary: Path
    graded_now: int = 0
    skipped: int = 0
    duplicates: list = field(default_factory=list)
    strangers: list = field(default_factory=list)


def _number(value, what: str, minimum: float) -> float:
    try:
        x = float(str(value).strip()) if not isinstance(value, (int, float)) or isinstance(value, bool) else float(value)
    except ValueError:
        x = float("nan")
    if isinstance(value, bool) or not math.isfinite(x) or x < minimum:
        raise CRMDataError(f"{what}: must be a number of seconds of at least {minimum:g}, got {value!r}. "
                           f"Fix: e.g. {what} 60.")
    return x


def _state(out_dir: Path, topic: str, qs: list[Question], limits: dict) -> dict:
    path = out_dir / STATE_FILE
    fresh = {"version": STATE_VERSION, "topic": topic, "questions": [q.key for q in qs], "limits": limits,
             "results": {}}
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return fresh
    if not isinstance(old, dict) or any(old.get(k) != fresh[k] for k in ("version", "topic", "questions", "limits")) \
            or not isinstance(old.get("results"), dict):
        return fresh
    return old


def grade(topic: str, roster, submissions, out_dir, *, n_jobs: int = 2, scheduler: str | None = None,
          timeout_cell: float = 60, timeout: float = 600, lang: str = "en", force: bool = False, root=None,
          progress: bool = True, workdir=None) -> GradeRun:
    """Grade every submission of a class; write the gradebook, feedback pages and the summary.

    Parameters
    ----------
    topic : str
        The exercise, a name :func:`crmlab.assign.topics` lists (e.g. ``"01_satisfaction"``).
    roster : path
        The roster CSV ``crmlab assign`` used (columns ``student_id``, ``name``).
    submissions : path
        Folder of the handed-in ``.ipynb`` files (searched with its sub-folders).
    out_dir : path
        Where ``gradebook.csv``, ``feedback/``, ``summary.html``, ``matching.csv`` and the
        resume state go.
    n_jobs : int, default 2
        Notebooks run at once on this machine (ignored with ``scheduler``).
    scheduler : str, optional
        Address of a Dask distributed scheduler (``tcp://host:8786``): run there instead.
    timeout_cell, timeout : float, default 60 and 600
        Seconds one cell, and the whole notebook, may run.
    lang : str, default "en"
        Language of the feedback and summary pages (``"en"`` or ``"zh"``).
    force : bool, default False
        Re-grade submissions whose file has not changed since the last run.
    root : path, optional
        The kit's folder (:func:`crmlab._paths.kit_root`).
    progress : bool, default True
        Print progress lines.
    workdir : path, optional
        Folder for the submissions' temporary working folders (default: the system's).

    SIGINT/SIGTERM: no new notebook starts, the running ones are stopped, the
    finished ones stay in the resume state, :class:`crmlab.runner.Stopped` is
    raised (the CLI exits 130/143); the gradebook is not written.
    """
    import nbformat

    from crmlab import assign as A
    from crmlab._io import out_folder
    from crmlab.labels import check_lang
    from crmlab.validate import require_int

    check_lang(lang)
    n_jobs = require_int(n_jobs, "n_jobs", minimum=1)
    timeout_cell = _number(timeout_cell, "--timeout-cell", 1)
    timeout = _number(timeout, "--timeout", 1)
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler.strip()):
        raise CRMDataError(f"--scheduler: {scheduler!r} is not an address. Fix: e.g. --scheduler tcp://10.0.0.5:8786.")
    src = A.exercise_path(topic, root)
    kit_nb = nbformat.read(str(src), as_version=4)
    module = A.checks_module(kit_nb)
    qs = questions(module)
    students = A.read_roster(roster)
    chosen, duplicates, strangers = match_submissions(submissions, students)
    out_dir = out_folder(out_dir, "--out")
    limits = {"timeout_cell": timeout_cell, "timeout": timeout}
    state = _state(out_dir, topic, qs, limits)
    run_tag = secrets.token_hex(4)

    def params_source(s: dict) -> str:
        mine = A.personalise(kit_nb, s["student_id"], s["name"], A.student_seed(s["student_id"]))
        return next(c.source for c in mine.cells if "parameters" in c.metadata.get("tags", []))

    todo, kept = [], {}
    for s in students:
        sub = chosen.get(s["student_id"])
        if sub is None:
            continue
        old = state["results"].get(s["student_id"])
        if not force and isinstance(old, dict) and old.get("sha256") == sub.sha256 and old.get("file") == _rel(sub, submissions):
            kept[s["student_id"]] = old
            continue
        todo.append({"student_id": s["student_id"], "name": s["name"], "seed": A.student_seed(s["student_id"]),
                     "path": str(sub.path), "file": _rel(sub, submissions), "checks": module.__name__,
                     "params_source": params_source(s), "timeout_cell": timeout_cell, "timeout": timeout,
                     "workdir": str(workdir) if workdir else None, "run_tag": run_tag})

    def save_state() -> None:
        from crmlab._io import atomic_write_text

        atomic_write_text(out_dir / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n")

    def record(job: dict, result: dict) -> None:
        if result.get("grader_error"):
            return
        state["results"][job["student_id"]] = result
        save_state()

    if scheduler:
        results = _run_dask(scheduler, todo, record, progress)
    else:
        results = _run_pool(todo, n_jobs, record, progress, workdir, run_tag)
    new = {r["student_id"]: r for r in results}
    by_id = {**kept, **new}
    rows = [_row(s, by_id.get(s["student_id"]), qs) for s in students]
    gradebook, summary = _write_outputs(out_dir, topic, qs, students, rows, by_id, duplicates, strangers, submissions, lang)
    return GradeRun(rows, qs, out_dir, gradebook, summary, graded_now=len(new), skipped=len(kept),
                    duplicates=duplicates, strangers=strangers)


def _rel(sub: Submission, folder) -> str:
    return sub.path.relative_to(Path(folder)).as_posix()


def _load(job: dict) -> dict:
    """The payload of a job: the file's text read now (and its sha256 recomputed)."""
    raw = _read_limited(Path(job["path"]))
    payload = {k: v for k, v in job.items() if k != "path"}
    payload["sha256"] = hashlib.sha256(raw).hexdigest()
    if len(raw) > MAX_BYTES:
        payload["notebook"] = ""
        payload["too_large"] = True
    else:
        payload["notebook"] = raw.decode("utf-8-sig", errors="replace")
    return payload


def _grade_job(job: dict) -> dict:
    payload = _load(job)
    if payload.get("too_large"):
        return _result(payload, "unreadable", [f"the file is larger than {MAX_BYTES // 1_000_000} MB"],
                       time.perf_counter())
    return grade_payload(payload)


def _line(job: dict, r: dict) -> str:
    return f"{r['status']:13s} {job['student_id']}  {r['seconds']['total']:5.1f} s"


def _failed(job: dict, exc) -> dict:
    return {"student_id": job["student_id"], "file": job["file"], "sha256": "", "status": "kernel died",
            "note": f"grading failed: {type(exc).__name__}: {str(exc)[:200]}", "questions": {},
            "seconds": {"total": 0.0}, "grader_error": True}


def _run_pool(todo: list, n_jobs: int, record, progress: bool, workdir, run_tag: str) -> list:
    from crmlab.runner import Stopped, run_jobs

    def line(job, r):
        record(job, r)
        return _line(job, r)

    def cleanup(job):  # the temporary working folder of a job a signal stopped
        parent = Path(workdir) if workdir else Path(tempfile.gettempdir())
        for p in parent.glob(f"crmlab-grade-{run_tag}-{job['student_id']}-*"):
            shutil.rmtree(p, ignore_errors=True)

    run = run_jobs(_grade_job, todo, min(n_jobs, max(1, len(todo))), on_result=line, label=lambda j: j["student_id"],
                   progress=progress, on_error=_failed, cleanup=cleanup)
    if run.signal:
        raise Stopped(run.signal, _stopped_summary(len(run.finished()), len(todo),
                                                   [j["student_id"] for j in run.interrupted],
                                                   [j["student_id"] for j in run.not_started]))
    return run.finished()


def _stopped_summary(done: int, n: int, interrupted: list, not_started: list) -> str:
    lines = [f"{done} of {n} submissions graded (kept in {STATE_FILE})"]
    if interrupted:
        lines.append(f"  interrupted: {', '.join(interrupted)}")
    if not_started:
        lines.append(f"  not started: {', '.join(not_started)}")
    lines.append("the gradebook was NOT written; run the same command again: graded files are not run again")
    return "\n".join(lines)


def _run_dask(address: str, todo: list, record, progress: bool) -> list:
    """Every job on a Dask cluster: the payload (notebook text) goes out, the result dict comes back."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise CRMDataError("--scheduler needs dask.distributed, which is not installed. "
                           "Fix: pip install 'crmlab[dask]' (or drop --scheduler to use this machine).") from None
    from crmlab.runner import Stopped, stop_on_signals

    if not todo:
        return []
    try:
        client = Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise CRMDataError(f"--scheduler {address!r}: cannot connect ({type(exc).__name__}: {exc}). "
                           "Fix: start the scheduler (dask scheduler) and give its address, "
                           "e.g. tcp://10.0.0.5:8786.") from None
    results, futures, done = [], {}, 0
    n = len(todo)
    try:
        with stop_on_signals():
            slots = max(2, 2 * sum(client.nthreads().values()))
            queue = list(todo)

            def submit_next():
                job = queue.pop(0)
                payload = _load(job)
                fut = client.submit(grade_payload, payload, key=f"crmlab-grade-{job['run_tag']}-{job['student_id']}",
                                    pure=False, retries=0)
                futures[fut] = job
                return fut

            first = [submit_next() for _ in range(min(slots, len(queue)))]
            ac = as_completed(first, loop=client.loop)
            for fut in ac:
                job = futures.pop(fut)
                try:
                    r = fut.result()
                except Exception as exc:  # the task failed on the worker (not the notebook: grade_payload catches that)
                    r = _failed(job, exc)
                record(job, r)
                results.append(r)
                done += 1
                if progress:
                    print(f"[{done}/{n}] {_line(job, r)}", flush=True)
                if queue:
                    ac.add(submit_next())
    except Stopped as exc:
        client.cancel(list(futures))
        raise Stopped(exc.signum, _stopped_summary(done, n, [j["student_id"] for j in futures.values()],
                                                   [j["student_id"] for j in queue])) from None
    finally:
        client.close()
    return results


# ---------------------------------------------------------------- outputs
def _row(student: dict, result: dict | None, qs: list[Question]) -> dict:
    row = {"student_id": student["student_id"], "name": student["name"]}
    if result is None:
        row.update({q.key: "" for q in qs}, total="", status="missing", note="no submission")
        return row
    graded = result.get("questions") or {}
    total = 0.0
    for q in qs:
        entry = graded.get(q.key)
        points = None if entry is None else entry.get("points")
        row[q.key] = "" if points is None else _fmt(points)
        total += points or 0.0
    row["total"] = _fmt(total) if graded else ""
    row["status"] = result["status"]
    row["note"] = result.get("note", "")
    return row


def _fmt(x: float) -> str:
    return f"{x:g}"


def _write_outputs(out_dir: Path, topic: str, qs, students, rows, by_id, duplicates, strangers, submissions,
                  lang: str) -> tuple[Path, Path]:
    """gradebook.csv, matching.csv, feedback/<id>.html and summary.html (every file atomically)."""
    from crmlab._io import atomic_write_text, inside, write_csv

    fields = ["student_id", "name", *[q.key for q in qs], "total", "status", "note"]
    gradebook = write_csv(inside(out_dir, "gradebook.csv"), rows, fieldnames=fields)
    match_rows = []
    for s in students:
        r = by_id.get(s["student_id"])
        if r is not None:
            match_rows.append({"file": r.get("file", ""), "student_id": s["student_id"], "decision": "graded",
                               "note": ""})
    for sub, kept in duplicates:
        match_rows.append({"file": _rel(sub, submissions), "student_id": sub.student_id,
                           "decision": f"duplicate (older; graded: {_rel(kept, submissions)})", "note": sub.note})
    for sub in strangers:
        match_rows.append({"file": _rel(sub, submissions), "student_id": "", "decision": "no roster student",
                           "note": sub.note})
    write_csv(inside(out_dir, "matching.csv"), match_rows, fieldnames=["file", "student_id", "decision", "note"])
    fb_dir = inside(out_dir, "feedback")
    fb_dir.mkdir(exist_ok=True)
    for s, row in zip(students, rows):
        atomic_write_text(inside(fb_dir, f"{s['student_id']}.html"),
                          feedback_html(topic, s, row, by_id.get(s["student_id"]), qs, lang))
    summary = atomic_write_text(inside(out_dir, "summary.html"),
                                _summary_html(topic, qs, rows, by_id, duplicates, strangers, submissions, lang))
    return gradebook, summary


_CSS = ("body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
        "max-width:60em;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
        "th{background:#f3f3f3}.bar{background:#4c72b0;height:.9em;display:inline-block}"
        "pre{white-space:pre-wrap;background:#f8f8f8;padding:.5em;border:1px solid #eee}"
        ".right{color:#1a7f37}.close{color:#9a6700}.wrong{color:#cf222e}.note{color:#555}")


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _page(title: str, body: list[str], lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n<body>\n<h1>{_e(title)}</h1>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


_STATUS_KEY = {s: "grade_status_" + s.replace(" ", "_") for s in STATUSES}
_VERDICT_KEY = {"right": "grade_verdict_right", "close": "grade_verdict_close", "wrong": "grade_verdict_wrong",
                "unanswered": "grade_verdict_unanswered", "manual": "grade_verdict_manual"}


def feedback_html(topic: str, student: dict, row: dict, result: dict | None, qs, lang: str) -> str:
    """One student's feedback page: status, each question's verdict and hint (never the answer)."""
    from crmlab.labels import t

    status = row["status"]
    body = [f"<p><b>{_e(t('grade_student', lang))}:</b> {_e(student['name'])} ({_e(student['student_id'])})</p>",
            f"<p><b>{_e(t('grade_status', lang))}:</b> {_e(t(_STATUS_KEY[status], lang))}</p>"]
    if status != "graded":
        body.append(f"<p>{_e(t(_STATUS_KEY[status] + '_text', lang))}</p>")
    graded = (result or {}).get("questions") or {}
    if graded:
        auto = [q for q in qs if not q.manual]
        body.append(f"<p>{_e(t('grade_score_line', lang, score=row['total'], max=_fmt(len(auto))))}</p>")
        body.append(f"<table><tr><th>{_e(t('grade_question', lang))}</th><th>{_e(t('grade_verdict', lang))}</th>"
                    f"<th>{_e(t('grade_points', lang))}</th><th>{_e(t('grade_hint', lang))}</th></tr>")
        for q in qs:
            entry = graded.get(q.key, {})
            st = entry.get("status", "unanswered")
            body.append(f"<tr><td>{_e(q.key.upper())}</td><td class=\"{_e(st)}\">{_e(t(_VERDICT_KEY[st], lang))}</td>"
                        f"<td>{_e(row.get(q.key, ''))}</td><td>{_e(entry.get('message', ''))}</td></tr>")
        body.append("</table>")
        for q in qs:
            text = graded.get(q.key, {}).get("text")
            if q.manual and text:
                body.append(f"<h2>{_e(q.key.upper())}: {_e(t('grade_your_answer', lang))}</h2><pre>{_e(text)}</pre>")
    return _page(t("grade_feedback_title", lang, topic=topic), body, lang)


def _summary_html(topic: str, qs, rows, by_id, duplicates, strangers, submissions, lang: str) -> str:
    """The instructor's page: statuses, score distribution, item analysis, written answers, matching."""
    from collections import Counter

    from crmlab.labels import t

    body = [f"<p>{_e(t('grade_class_line', lang, n=len(rows)))}</p>",
            f"<h2>{_e(t('grade_by_status', lang))}</h2><table>"]
    counts = Counter(r["status"] for r in rows)
    for s in STATUSES:
        if counts.get(s):
            body.append(f"<tr><td>{_e(t(_STATUS_KEY[s], lang))}</td><td>{counts[s]}</td></tr>")
    body.append("</table>")
    totals = [float(r["total"]) for r in rows if r["total"] != ""]
    body.append(f"<h2>{_e(t('grade_distribution', lang))}</h2>")
    if totals:
        dist = Counter(totals)
        top = max(dist.values())
        body.append(f"<table><tr><th>{_e(t('grade_total', lang))}</th><th>{_e(t('grade_students', lang))}</th><th></th></tr>")
        for value in sorted(dist):
            width = round(20 * dist[value] / top, 1)
            body.append(f"<tr><td>{_e(_fmt(value))}</td><td>{dist[value]}</td>"
                        f"<td><span class=\"bar\" style=\"width:{width}em\"></span></td></tr>")
        body.append("</table>")
        mean = sum(totals) / len(totals)
        body.append(f"<p>{_e(t('grade_mean_line', lang, mean=f'{mean:.2f}', n=len(totals)))}</p>")
    else:
        body.append(f"<p>{_e(t('grade_none', lang))}</p>")
    body.append(f"<h2>{_e(t('grade_item_analysis', lang))}</h2>")
    auto = [q for q in qs if not q.manual]
    graded = [by_id[r["student_id"]] for r in rows if r["total"] != ""]
    if graded and auto:
        heads = [t("grade_question", lang)] + [t(_VERDICT_KEY[v], lang) for v in ("right", "close", "wrong", "unanswered")]
        heads.append(t("grade_mean_score", lang))
        body.append("<table><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>")
        means = {}
        for q in auto:
            sts = Counter(g["questions"].get(q.key, {}).get("status", "unanswered") for g in graded)
            pts = [g["questions"].get(q.key, {}).get("points") or 0.0 for g in graded]
            means[q.key] = sum(pts) / len(pts)
            cells = "".join(f"<td>{sts.get(v, 0) / len(graded):.0%}</td>" for v in ("right", "close", "wrong", "unanswered"))
            body.append(f"<tr><td>{_e(q.key.upper())}</td>{cells}<td>{means[q.key]:.2f}</td></tr>")
        body.append("</table>")
        low = min(means, key=lambda k: (means[k], k))
        body.append(f"<p>{_e(t('grade_hardest', lang, q=low.upper(), score=f'{means[low]:.2f}'))}</p>")
    for q in qs:
        if not q.manual:
            continue
        body.append(f"<h2>{_e(q.key.upper())}: {_e(t('grade_written', lang))}</h2>")
        body.append(f"<h3>{_e(t('grade_rubric', lang))}</h3><pre>{_e(q.rubric)}</pre>")
        body.append(f"<table><tr><th>{_e(t('grade_student', lang))}</th><th>{_e(t('grade_your_answer', lang))}</th></tr>")
        for r in rows:
            g = by_id.get(r["student_id"])
            if not g or not g.get("questions"):
                continue
            text = g["questions"].get(q.key, {}).get("text") or t("grade_no_answer", lang)
            body.append(f"<tr><td>{_e(r['name'])} ({_e(r['student_id'])})</td><td><pre>{_e(text)}</pre></td></tr>")
        body.append("</table>")
    body.append(f"<h2>{_e(t('grade_matching', lang))}</h2>")
    missing = [r for r in rows if r["status"] == "missing"]
    items = [(t("grade_status_missing", lang), ", ".join(f"{r['name']} ({r['student_id']})" for r in missing)),
             (t("grade_duplicates", lang), "; ".join(f"{_rel(d, submissions)} -> {_rel(k, submissions)}"
                                                     for d, k in duplicates)),
             (t("grade_strangers", lang), "; ".join(f"{_rel(s, submissions)} ({s.note})" for s in strangers))]
    body.append("<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v or t('grade_none', lang))}</td></tr>"
                                    for k, v in items) + "</table>")
    notes = [r for r in rows if r.get("note") and r["status"] != "missing"]
    if notes:
        body.append(f"<h2>{_e(t('grade_notes', lang))}</h2><table>")
        body += [f"<tr><td>{_e(r['student_id'])}</td><td>{_e(t(_STATUS_KEY[r['status']], lang))}</td>"
                 f"<td class=\"note\">{_e(r['note'])}</td></tr>" for r in notes]
        body.append("</table>")
    return _page(t("grade_summary_title", lang, topic=topic), body, lang)
