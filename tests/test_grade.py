"""crmlab grade: a synthetic class end to end (process pool and Dask), and the pieces on their own.

The class (topic 01_satisfaction, the shortest exercise): the solution run with each
student's own seed (full marks), the untouched bundle notebook (zero), near misses (half
marks), an endless loop, a kernel that kills itself, a tampered seed, a corrupt file, a
missing student, a duplicate, a student whose cells are reordered, whose checks are
renamed or replaced and who writes files, and a file of nobody on the roster.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from crmlab import _collect, assign, cli, grade
from crmlab.checks import Feedback
from crmlab.checks import satisfaction as check
from crmlab.export import external_references

ROOT = Path(__file__).resolve().parents[1]
TOPIC = "01_satisfaction"
SOLUTION = ROOT / "exercises" / "solutions" / f"{TOPIC}.ipynb"
CELL_LIMIT = 40  # seconds: far above a normal cell on a loaded 2-core machine, the loop hits it

STUDENTS = [("s01", "Li Wei"), ("s02", "王芳"), ("s03", "Zhang San"), ("s04", "Near Miss"), ("s05", "Loop Forever"),
            ("s06", "Kernel Kill"), ("s07", "=HYPERLINK(\"http://x\")"), ("s08", "Corrupt File"),
            ("s09", "Never Handed In"), ("s10", "Two Files"), ("s11", "Messy Notebook")]


# ---------------------------------------------------------------- building the submissions
def _solution(sid: str, name: str):
    nb = nbformat.read(str(SOLUTION), as_version=4)
    return assign.personalise(nb, sid, name, assign.student_seed(sid))


def _after(nb, marker: str, source: str):
    """A code cell inserted right after the cell whose source starts with ``marker``."""
    i = next(k for k, c in enumerate(nb.cells) if c.source.startswith(marker))
    cell = nbformat.v4.new_code_cell(source)
    cell.pop("id", None)  # the kit's notebooks are nbformat 4.4 (no cell ids)
    nb.cells.insert(i + 1, cell)
    return nb


def _prepend(nb, marker: str, source: str):
    i = next(k for k, c in enumerate(nb.cells) if c.source.startswith(marker))
    nb.cells[i].source = source + "\n" + nb.cells[i].source
    return nb


def _write(nb, path: Path, mtime: float | None = None) -> Path:
    nbformat.write(nb, str(path))
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def build_class(base: Path) -> dict:
    roster = base / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id", "name"])
        w.writerows(STUDENTS)
    assign.assign(TOPIC, roster, base / "assigned")
    bundle = {sid: base / "assigned" / "students" / sid / f"{TOPIC}_{sid}.ipynb" for sid, _ in STUDENTS}
    names = dict(STUDENTS)
    inbox = base / "inbox"
    inbox.mkdir()
    old = time.time() - 3600
    _write(_solution("s01", names["s01"]), inbox / f"{TOPIC}_s01.ipynb")
    _write(_solution("s02", names["s02"]), inbox / "Homework 2 final.ipynb")  # matched by the notebook's id
    (inbox / f"{TOPIC}_s03.ipynb").write_bytes(bundle["s03"].read_bytes())  # untouched copy
    # q1 rounded after Q2 used it (so Q2 stays right), Q5 just outside its tolerance
    near = _after(_solution("s04", names["s04"]), "# Solution: q2", "q1 = q1.round(1)")
    _write(_after(near, "# Solution: q5", "q5 = q5 * 1.02"), inbox / f"{TOPIC}_s04.ipynb")
    _write(_prepend(_solution("s05", names["s05"]), "# Solution: q3", "while True:\n    pass"),
           inbox / f"{TOPIC}_s05.ipynb")
    _write(_prepend(_solution("s06", names["s06"]), "# Solution: q2", "import os\nos._exit(1)"),
           inbox / f"{TOPIC}_s06.ipynb")
    tampered = _solution("s07", names["s07"])
    tampered.metadata["crmlab"]["assignment"]["seed"] = 12345
    params = next(c for c in tampered.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace(f"seed = {assign.student_seed('s07')}", "seed = 12345")
    _write(tampered, inbox / f"{TOPIC}_s07.ipynb")
    (inbox / f"{TOPIC}_s08.ipynb").write_text('{"cells": [oops', encoding="utf-8")
    sub = inbox / "late"
    sub.mkdir()
    _write(nbformat.read(str(bundle["s10"]), as_version=4), inbox / f"{TOPIC}_s10.ipynb", mtime=old)
    _write(_solution("s10", names["s10"]), sub / f"{TOPIC}_s10_v2.ipynb")
    messy = _solution("s11", names["s11"])
    q6 = next(c for c in messy.cells if c.source.startswith("# Solution: q6"))
    messy.cells.remove(q6)
    messy.cells.insert(1, q6)  # before the imports: NameError, q6 never set
    messy.cells = [c for c in messy.cells if not c.source.startswith("check.q") or "q2" in c.source]
    for c in messy.cells:
        if c.source.startswith("check.q2"):
            c.source = "check.q2_renamed(q2, case)"  # a renamed check: AttributeError, graded anyway
    _after(messy, "# Solution: q5", "check.q5_top_box_ratio = lambda *a, **k: True\nq5 = 999.0\n"
                                     "print('{\"q5\": 1.0}')")
    _after(messy, "# Solution: q4", "import os\nopen('leak.txt', 'w').write('x')\nos.makedirs('leakdir')")
    _write(messy, inbox / f"{TOPIC}_s11.ipynb")
    stranger = nbformat.read(str(bundle["s01"]), as_version=4)
    stranger.metadata["crmlab"]["assignment"]["student_id"] = "zz999"
    _write(stranger, inbox / "notes.ipynb")
    return {"roster": roster, "inbox": inbox, "base": base}


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


FULL = {"q1": "1", "q2": "1", "q3": "1", "q4": "1", "q5": "1", "q6": "1"}
ZERO = {q: "0" for q in FULL}
BLANK = {q: "" for q in FULL}
EXPECTED = {
    "s01": (FULL, "6", "graded"),
    "s02": (FULL, "6", "graded"),
    "s03": (ZERO, "0", "graded"),
    "s04": ({**FULL, "q1": "0.5", "q5": "0.5"}, "5", "graded"),
    "s05": ({**FULL, "q3": "0"}, "5", "timed out"),
    "s06": (BLANK, "", "kernel died"),
    "s07": (FULL, "6", "tampered seed"),
    "s08": (BLANK, "", "unreadable"),
    "s09": (BLANK, "", "missing"),
    "s10": (FULL, "6", "graded"),
    "s11": ({**FULL, "q5": "0", "q6": "0"}, "4", "graded"),
}


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    base = tmp_path_factory.mktemp("klass")
    c = build_class(base)
    work = base / "work"
    work.mkdir()
    c["work"] = work
    c["out"] = base / "graded"
    c["run"] = grade.grade(TOPIC, c["roster"], c["inbox"], c["out"], n_jobs=2, timeout_cell=CELL_LIMIT,
                           timeout=600, progress=False, workdir=work)
    return c


def _auto_keys():
    return [q.key for q in grade.questions(check) if not q.manual]


@pytest.mark.slow
def test_every_gradebook_cell(klass):
    rows = {r["student_id"]: r for r in _read(klass["out"] / "gradebook.csv")}
    assert list(rows) == [sid for sid, _ in STUDENTS]
    auto = _auto_keys()
    assert auto == list(FULL)  # the exercise's auto-graded questions (a written one would be blank)
    for sid, (scores, total, status) in EXPECTED.items():
        r = rows[sid]
        assert r["status"] == status, (sid, r)
        assert {q: r[q] for q in auto} == scores, (sid, r)
        assert r["total"] == total, (sid, r)
        for q in grade.questions(check):
            if q.manual:
                assert r[q.key] == "", (sid, q.key)
    assert rows["s07"]["name"] == "'=HYPERLINK(\"http://x\")"  # formula injection neutralised
    assert "12345" in rows["s07"]["note"] and "roster" in rows["s07"]["note"]
    assert "ran over" in rows["s05"]["note"]
    assert "kernel died" in rows["s06"]["note"]


@pytest.mark.slow
def test_matching_report_duplicates_and_strangers(klass):
    m = _read(klass["out"] / "matching.csv")
    graded = {r["student_id"]: r["file"] for r in m if r["decision"] == "graded"}
    assert graded["s10"] == f"late/{TOPIC}_s10_v2.ipynb"  # the newest of the two
    assert graded["s02"] == "Homework 2 final.ipynb"
    dup = [r for r in m if r["decision"].startswith("duplicate")]
    assert [(r["file"], r["student_id"]) for r in dup] == [(f"{TOPIC}_s10.ipynb", "s10")]
    strangers = [r for r in m if r["decision"] == "no roster student"]
    assert [r["file"] for r in strangers] == ["notes.ipynb"] and "zz999" in strangers[0]["note"]
    assert "s09" not in graded


@pytest.mark.slow
def test_files_written_by_a_submission_stay_in_its_removed_folder(klass):
    assert list(klass["work"].iterdir()) == []  # every temporary working folder removed
    for folder in (klass["inbox"], klass["out"], klass["base"], Path.cwd()):
        assert not (folder / "leak.txt").exists() and not (folder / "leakdir").exists()


@pytest.mark.slow
def test_feedback_pages_escape_and_never_show_the_answer(klass):
    fb = klass["out"] / "feedback"
    assert sorted(p.stem for p in fb.iterdir()) == sorted(sid for sid, _ in STUDENTS)
    page = (fb / "s07.html").read_text(encoding="utf-8")
    assert "=HYPERLINK(&quot;http://x&quot;)" in page and 'HYPERLINK("' not in page
    assert external_references(page) == []
    untouched = (fb / "s03.html").read_text(encoding="utf-8")
    key = check.ANSWERS["q5"](**check.exercise_data(seed=assign.student_seed("s03")))
    for digits in (2, 3, 4):
        assert f"{key:.{digits}f}" not in untouched
    assert "not answered" in untouched
    near = (fb / "s04.html").read_text(encoding="utf-8")
    assert near.count("close (half marks)") == 2 and "rounding" in near
    assert "No submission" in (fb / "s09.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_summary_item_analysis(klass):
    page = (klass["out"] / "summary.html").read_text(encoding="utf-8")
    assert external_references(page) == []
    # graded totals: s01 s02 s03 s04 s05 s07 s10 s11 -> 6 6 0 5 5 6 6 4
    assert "Mean total: 4.75 points over 8 graded students." in page
    # Q5: right s01 s02 s05 s07 s10, close s04, wrong s11, unanswered s03
    assert "<tr><td>Q5</td><td>62%</td><td>12%</td><td>12%</td><td>12%</td><td>0.69</td></tr>" in page
    # Q5 (0.69) is below Q3 (s03 unanswered, s05 stopped) and Q6 (s03, s11), both 0.75
    assert "The question the class found hardest: Q5 (mean 0.69 points)." in page


@pytest.mark.slow
def test_rerun_skips_unchanged_and_regrades_a_changed_file(klass):
    before = (klass["out"] / "gradebook.csv").read_text(encoding="utf-8")
    again = grade.grade(TOPIC, klass["roster"], klass["inbox"], klass["out"], n_jobs=2, timeout_cell=CELL_LIMIT,
                        timeout=600, progress=False)
    assert again.graded_now == 0 and again.skipped == 10
    assert (klass["out"] / "gradebook.csv").read_text(encoding="utf-8") == before
    (klass["inbox"] / f"{TOPIC}_s08.ipynb").write_text("still not json", encoding="utf-8")
    third = grade.grade(TOPIC, klass["roster"], klass["inbox"], klass["out"], n_jobs=2, timeout_cell=CELL_LIMIT,
                        timeout=600, progress=False)
    assert third.graded_now == 1 and third.skipped == 9
    state = json.loads((klass["out"] / grade.STATE_FILE).read_text(encoding="utf-8"))
    assert set(state["results"]) == {"s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s10", "s11"}


@pytest.mark.slow
def test_dask_cluster_gives_the_same_gradebook(klass, tmp_path):
    distributed = pytest.importorskip("distributed")
    before = (klass["out"] / "gradebook.csv").read_text(encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        run = grade.grade(TOPIC, klass["roster"], klass["inbox"], tmp_path / "dask", scheduler=cl.scheduler_address,
                          timeout_cell=CELL_LIMIT, timeout=600, progress=False)
    assert run.graded_now == 10
    assert (tmp_path / "dask" / "gradebook.csv").read_text(encoding="utf-8") == before


# ---------------------------------------------------------------- fast pieces
def test_questions_of_a_topic_and_a_module_with_rubrics():
    qs = grade.questions(check)
    assert [q.key for q in qs if not q.manual] == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert qs[0].check == "q1_attribute_means"

    class Fake:
        __name__ = "fake"
        ANSWERS = {"q1": None}
        RUBRICS = {"q2": "explain"}

        @staticmethod
        def q1_x(answer):
            return Feedback("Q1", True, "correct.")

        @staticmethod
        def q2_y(answer):
            return Feedback("Q2", None, "recorded.", "manual")

    qs = grade.questions(Fake)
    assert [(q.key, q.manual, q.rubric) for q in qs] == [("q1", False, ""), ("q2", True, "explain")]


def test_run_check_passes_only_the_data_a_check_takes():
    data = check.exercise_data(seed=3)
    q4 = next(q for q in grade.questions(check) if q.key == "q4")
    right = check.ANSWERS["q4"](**data)
    assert grade.run_check(check, q4, right, data).status == "right"
    q1 = grade.questions(check)[0]
    fb = grade.run_check(check, q1, _collect.Unsupported("function"), data)
    assert fb.status == "wrong"


def test_kernel_code_round_trip(monkeypatch):
    """What the collection cell shows, JSON-encoded and decoded, is the same data (no pickle, no objects)."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append(obj))
    ns = {
        "q1": pd.Series([3.5, 4.25], index=pd.Index(["quality", "price"], name="attribute"), name="mean"),
        "q2": (3.1, np.float64(2.9)),
        "q3": pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=[10, 20]),
        "q4": np.str_("quality"),
        "q5": float("nan"),
        "q6": {"price", "quality"},
        "q7": ...,
        "q8": np.array([[1.0, 2.0], [3.0, 4.0]]),
        "q9": lambda: 1,
        "q10": {1: [True, np.bool_(False)], "k": None},
        "seed": 7,
    }
    exec(_collect.kernel_code([f"q{i}" for i in range(1, 12)], ["seed"], "abc"), ns)
    (payload,) = [s[_collect.MIME] for s in shown]
    payload = json.loads(json.dumps(payload, allow_nan=False))
    assert payload["nonce"] == "abc"
    got = {q: _collect.decode(v) for q, v in payload["answers"].items()}
    pd.testing.assert_series_equal(got["q1"], ns["q1"])
    assert got["q2"] == (3.1, 2.9) and isinstance(got["q2"][1], np.floating)
    pd.testing.assert_frame_equal(got["q3"], ns["q3"], check_dtype=False)
    assert got["q3"]["a"].tolist() == [1, 2]
    assert got["q4"] == "quality"
    assert np.isnan(got["q5"])
    assert got["q6"] == {"price", "quality"}
    assert got["q7"] is Ellipsis
    np.testing.assert_array_equal(got["q8"], ns["q8"])
    assert isinstance(got["q9"], _collect.Unsupported) and "function" in repr(got["q9"])
    assert got["q10"] == {1: [True, False], "k": None} and isinstance(got["q10"][1][1], np.bool_)
    assert isinstance(got["q11"], _collect.Missing)
    assert _collect.decode(payload["params"]["seed"]) == 7
    assert not any(k.startswith("_crmlab") for k in ns)


def test_decode_refuses_what_it_does_not_know():
    assert isinstance(_collect.decode({"__type__": "pickle", "data": "gASV"}), _collect.Unsupported)
    assert isinstance(_collect.decode({"__reduce__": "os.system"}), _collect.Unsupported)
    assert isinstance(_collect.decode({"__type__": "float", "value": "__import__('os')"}), _collect.Unsupported)
    assert isinstance(_collect.decode({"__type__": "Series", "values": [1]}), _collect.Unsupported)


def test_file_name_matching():
    ids = {"s001": "s001", "s0011": "s0011", "li.wei": "li.wei"}
    assert grade._name_id("Li Wei_1234_01_satisfaction_s001", ids)[0] == "s001"
    assert grade._name_id("01_satisfaction_s0011", ids)[0] == "s0011"
    assert grade._name_id("homework_Li.Wei", ids)[0] == "li.wei"
    assert grade._name_id("xs001", ids)[0] is None
    who, why = grade._name_id("s001_and_s0011x", {"s001": "s001", "s002": "s002", "and": "and"})
    assert who == "s001"
    who, why = grade._name_id("s001_s002", {"s001": "s001", "s002": "s002"})
    assert who is None and "s001, s002" in why


def test_match_newest_kept_metadata_first(tmp_path):
    students = [{"student_id": "s1", "name": "A"}, {"student_id": "s2", "name": "B"}]
    nb = nbformat.v4.new_notebook()
    nb.metadata["crmlab"] = {"assignment": {"student_id": "s2", "seed": 1}}
    _write(nb, tmp_path / "s1_copy.ipynb", mtime=1000)  # the notebook says s2
    _write(nbformat.v4.new_notebook(), tmp_path / "s2.ipynb", mtime=2000)
    (tmp_path / ".ipynb_checkpoints").mkdir()
    _write(nbformat.v4.new_notebook(), tmp_path / ".ipynb_checkpoints" / "s1-checkpoint.ipynb")
    (tmp_path / "x.ipynb").write_text("garbage")
    chosen, dups, strangers = grade.match_submissions(tmp_path, students)
    assert set(chosen) == {"s2"} and chosen["s2"].path.name == "s2.ipynb"
    assert [(d.path.name, k.path.name) for d, k in dups] == [("s1_copy.ipynb", "s2.ipynb")]
    assert "file name names s1" in dups[0][0].note
    assert [s.path.name for s in strangers] == ["x.ipynb"]


def test_unreadable_and_force_without_a_kernel(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("student_id,name\ns1,A\ns2,B\n", encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "s1.ipynb").write_bytes(b"\x00\xff not json")
    (inbox / "s2.ipynb").write_text('{"nbformat": 4, "cells": 3}', encoding="utf-8")
    out = tmp_path / "out"
    run = grade.grade(TOPIC, roster, inbox, out, n_jobs=1, progress=False, lang="zh")
    assert [(r["status"], r["total"]) for r in run.rows] == [("unreadable", ""), ("unreadable", "")]
    assert run.graded_now == 2
    assert grade.grade(TOPIC, roster, inbox, out, n_jobs=1, progress=False).graded_now == 0
    assert grade.grade(TOPIC, roster, inbox, out, n_jobs=1, progress=False, force=True).graded_now == 2
    page = (out / "feedback" / "s1.html").read_text(encoding="utf-8")
    assert "无法读取" not in page  # the last run was in English
    grade.grade(TOPIC, roster, inbox, out, n_jobs=1, progress=False, lang="zh")
    assert "无法读取" in (out / "feedback" / "s1.html").read_text(encoding="utf-8")
    assert "班级总结" in (out / "summary.html").read_text(encoding="utf-8")


def test_bundles_hold_no_solution_or_key(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("student_id,name\ns1,Li Wei\ns2,王芳\n", encoding="utf-8")
    nbs, key = assign.assign(TOPIC, roster, tmp_path / "a", lang="zh")
    students = tmp_path / "a" / "students"
    assert sorted(p.relative_to(students).as_posix() for p in students.rglob("*")) == [
        "s1", "s1/01_satisfaction_s1.ipynb", "s1/README.txt", "s2", "s2/01_satisfaction_s2.ipynb", "s2/README.txt"]
    assert key == tmp_path / "a" / "instructor" / f"{TOPIC}_answer_key.csv"
    assert sorted(p.name for p in key.parent.iterdir()) == [f"{TOPIC}_answer_key.csv", "roster.csv"]
    readme = (students / "s2" / "README.txt").read_text(encoding="utf-8")
    assert "王芳" in readme and "01_satisfaction_s2.ipynb" in readme and "种子" in readme
    text = "".join(p.read_text(encoding="utf-8") for p in students.rglob("*.ipynb"))
    assert "# Solution" not in text and "answer_key" not in text
    roster_copy = _read(key.parent / "roster.csv")
    assert [(r["student_id"], int(r["seed"])) for r in roster_copy] == [("s1", assign.student_seed("s1")),
                                                                       ("s2", assign.student_seed("s2"))]


def test_cli_grade_prints_where_the_outputs_are(tmp_path, capsys):
    roster = tmp_path / "r.csv"
    roster.write_text("student_id,name\ns1,A\n", encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    assert cli.main(["grade", "--topic", TOPIC, "--roster", str(roster), "--submissions", str(inbox),
                     "--out", str(tmp_path / "g"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 students: 1 missing" in out and "gradebook.csv" in out
    assert _read(tmp_path / "g" / "gradebook.csv")[0]["status"] == "missing"


@pytest.mark.slow
def test_sigterm_stops_grading_cleanly(tmp_path):
    """SIGTERM while two endless notebooks run: exit 143, no kernel left, no gradebook, state kept."""
    base = tmp_path
    roster = base / "r.csv"
    roster.write_text("student_id,name\ns1,A\ns2,B\ns3,C\n", encoding="utf-8")
    inbox = base / "in"
    inbox.mkdir()
    for sid in ("s1", "s2", "s3"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\nwhile True:\n    time.sleep(1)")])
        _write(nb, inbox / f"{sid}.ipynb")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "crmlab.cli", "grade", "--topic", TOPIC, "--roster", str(roster),
                             "--submissions", str(inbox), "--out", str(base / "g"), "--jobs", "2",
                             "--timeout-cell", "300"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.time() + 120
    from crmlab.runner import descendants

    while time.time() < deadline and sum("ipykernel" in _cmd(p) for p, _ in descendants(proc.pid)) < 2:
        time.sleep(0.5)
    kernels = [p for p, _ in descendants(proc.pid) if "ipykernel" in _cmd(p)]
    assert len(kernels) == 2
    proc.terminate()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "the gradebook was NOT written" in out
    assert not (base / "g" / "gradebook.csv").exists()
    time.sleep(0.5)
    assert not any(Path(f"/proc/{p}").exists() and _cmd(p) for p in kernels)


def _cmd(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""
