"""Individual assignments: one exercise notebook per student, each with its own seed.

    crmlab assign --topic 01_satisfaction --roster roster.csv --out assignments/

The roster is a CSV with columns ``student_id`` and ``name``. Each student's
seed is derived stably from the id (sha256, mod 2**31), injected into the
parameters cell of the student copy ``exercises/NN_topic.ipynb``; the check
functions recompute from the student's data, so feedback is per student. The
instructor gets ``answer_key.csv`` computed with ``crmlab.checks.answer_key``.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError

ROOT = Path(__file__).resolve().parents[1]
_SEED_LINE = re.compile(r"^seed\s*=\s*\d+", re.M)
_CHECK_IMPORT = re.compile(r"from crmlab\.checks import (\w+) as check")


def student_seed(student_id) -> int:
    """A stable seed for a student id: int(sha256(id)) mod 2**31."""
    sid = str(student_id).strip()
    return int(hashlib.sha256(sid.encode("utf-8")).hexdigest(), 16) % 2**31


def topics(root=ROOT) -> list[str]:
    return sorted(p.stem for p in (Path(root) / "exercises").glob("[0-9][0-9]_*.ipynb"))


def exercise_path(topic: str, root=ROOT) -> Path:
    path = Path(root) / "exercises" / f"{topic}.ipynb"
    if not path.exists():
        raise CRMDataError(f"topic: no exercise notebook {topic!r}; choose one of {', '.join(topics(root)) or 'none'}")
    return path


def checks_module(nb) -> object:
    """The crmlab.checks module the exercise notebook imports (it needs exercise_data and ANSWERS)."""
    for cell in nb.cells:
        m = _CHECK_IMPORT.search(cell.source) if cell.cell_type == "code" else None
        if m:
            mod = importlib.import_module(f"crmlab.checks.{m.group(1)}")
            if not (hasattr(mod, "exercise_data") and hasattr(mod, "ANSWERS")):
                raise CRMDataError(f"topic: crmlab.checks.{m.group(1)} has no exercise_data/ANSWERS")
            return mod
    raise CRMDataError("topic: the exercise notebook does not import its crmlab.checks module")


def read_roster(path) -> list[dict]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CRMDataError(f"roster {path}: cannot read it ({type(exc).__name__})") from None
    reader = csv.DictReader(io.StringIO(text))
    cols = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in ("student_id", "name") if c not in cols]
    if missing:
        raise CRMDataError(f"roster {path}: missing column {', '.join(missing)} (found: {', '.join(cols) or 'nothing'})")
    rows, seen = [], set()
    for i, raw in enumerate(reader, start=1):
        r = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not any(r.values()):
            continue
        sid = r.get("student_id", "")
        if not sid:
            raise CRMDataError(f"roster {path}: row {i}, column student_id: empty")
        if not re.fullmatch(r"[\w.-]+", sid):
            raise CRMDataError(f"roster {path}: row {i}, column student_id: {sid!r} has characters other than "
                               "letters, digits, '.', '_', '-'")
        if sid in seen:
            raise CRMDataError(f"roster {path}: row {i}, column student_id: duplicate id {sid!r}")
        seen.add(sid)
        rows.append({"student_id": sid, "name": r.get("name", "")})
    if not rows:
        raise CRMDataError(f"roster {path}: no students")
    return rows


def personalise(nb, student_id: str, name: str, seed: int):
    """A copy of the notebook with the student's seed in the parameters cell."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            if not _SEED_LINE.search(cell.source):
                raise CRMDataError("topic: the exercise's parameters cell has no 'seed = ...' line")
            cell.source = _SEED_LINE.sub(f"seed = {seed}", cell.source, count=1)
            cell.source = f"# assignment for {name} ({student_id})\n" + cell.source
            return nb
    raise CRMDataError("topic: the exercise notebook has no cell tagged 'parameters'")


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


def assign(topic: str, roster, out_dir, root=ROOT, n_jobs: int = 1) -> tuple[list[Path], Path]:
    """Write one notebook per student and ``answer_key.csv``; returns (notebooks, key path).

    The students are prepared by :func:`crmlab.runner.run_jobs` (``n_jobs`` at
    once). SIGINT/SIGTERM stops it: the finished students' notebooks stay, no
    answer key is written and :class:`crmlab.runner.Stopped` says who is done.
    """
    import nbformat

    from crmlab.checks import answer_key
    from crmlab.runner import Stopped, run_jobs

    root = ROOT if root is None else root
    src = exercise_path(topic, root)
    nb = nbformat.read(str(src), as_version=4)
    module = checks_module(nb)
    students = read_roster(roster)
    out_dir = Path(out_dir)

    def prepare(s: dict) -> tuple[Path, dict]:
        seed = student_seed(s["student_id"])
        mine = personalise(nb, s["student_id"], s["name"], seed)
        answers = answer_key(module, module.exercise_data(seed=seed))
        # written last: a student interrupted before this point has no new file
        path = atomic_write_text(out_dir / f"{topic}_{s['student_id']}.ipynb", nbformat.writes(mine) + "\n")
        return path, {"student_id": s["student_id"], "name": s["name"], "seed": seed, "notebook": path.name,
                      **{q: _flat(v) for q, v in answers.items()}}

    run = run_jobs(prepare, students, n_jobs, on_result=lambda s, r: f"ok      {r[0].name}",
                   label=lambda s: s["student_id"],
                   cleanup=lambda s: [p.unlink(missing_ok=True)
                                      for p in out_dir.glob(f".{topic}_{s['student_id']}.ipynb.*")])
    if run.signal:
        done = [s["student_id"] for s, st in zip(students, run.states) if st == "done"]
        lines = [f"{len(done)} of {len(students)} student notebooks written to {out_dir.resolve()}"
                 f"{': ' + ', '.join(done) if done else ''}"]
        for state, who in (("interrupted", run.interrupted), ("not started", run.not_started)):
            if who:
                lines.append(f"  {state}: {', '.join(s['student_id'] for s in who)}")
        lines.append("the answer key was NOT written; run the same command again (it rewrites every student)")
        raise Stopped(run.signal, "\n".join(lines))
    written = [p for p, _ in run.results]
    rows = [r for _, r in run.results]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    key = atomic_write_text(out_dir / f"{topic}_answer_key.csv", buf.getvalue())
    return written, key
