"""Individual assignments: a seed per student, stable and distinct; answer key from the checks."""

import csv

import nbformat
import pytest

from crmlab import CRMDataError, assign, cli
from crmlab.checks import answer_key
from crmlab.checks import satisfaction as check


@pytest.fixture
def roster(tmp_path):
    p = tmp_path / "roster.csv"
    p.write_text("student_id,name\ns001,Li Wei\ns002,王芳\n", encoding="utf-8")
    return p


def test_seed_is_stable_and_distinct():
    import hashlib
    assert assign.student_seed("s001") == int(hashlib.sha256(b"s001").hexdigest(), 16) % 2**31
    assert assign.student_seed(" s001 ") == assign.student_seed("s001")
    assert assign.student_seed("s001") != assign.student_seed("s002")
    assert 0 <= assign.student_seed("x") < 2**31


def _params(path):
    nb = nbformat.read(str(path), as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    ns = {}
    exec(cell.source, ns)
    return ns


def test_assign_deterministic_and_personal(tmp_path, roster):
    nbs, key = assign.assign("01_satisfaction", roster, tmp_path / "a")
    nbs2, key2 = assign.assign("01_satisfaction", roster, tmp_path / "b")
    assert [p.read_text() for p in nbs] == [p.read_text() for p in nbs2]
    assert key.read_text() == key2.read_text()
    seeds = [_params(p)["seed"] for p in nbs]
    assert seeds == [assign.student_seed("s001"), assign.student_seed("s002")]
    rows = list(csv.DictReader(key.open(encoding="utf-8")))
    assert [r["name"] for r in rows] == ["Li Wei", "王芳"]
    assert rows[0]["q3"] != rows[1]["q3"]  # CSI by segment differs between students
    expected = answer_key(check, check.exercise_data(seed=seeds[0]))
    driver, weight = rows[0]["q4"].split("; ")  # Q4 is (driver, its derived weight)
    assert driver == expected["q4"][0] and float(weight) == pytest.approx(expected["q4"][1], abs=1e-4)
    assert rows[0]["q2"] != rows[1]["q2"]  # the textbook case is redrawn per student too
    assert float(rows[0]["q5"]) == pytest.approx(float(expected["q5"]), abs=1e-4)
    # the student's check recomputes from the student's data
    data = check.exercise_data(seed=seeds[0])
    assert check.q4_top_driver(expected["q4"], data["survey"])


@pytest.mark.parametrize("topic", assign.topics())
def test_every_topic_assigns(tmp_path, roster, topic):
    nbs, key = assign.assign(topic, roster, tmp_path)
    assert len(nbs) == 2 and key.exists()
    assert _params(nbs[0])["seed"] == assign.student_seed("s001")


def test_bad_roster(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("id,name\n1,a\n")
    with pytest.raises(CRMDataError, match="student_id"):
        assign.read_roster(p)
    p.write_text("student_id,name\ns1,a\ns1,b\n")
    with pytest.raises(CRMDataError, match="row 2, column student_id: duplicate"):
        assign.read_roster(p)
    with pytest.raises(CRMDataError, match="topic"):
        assign.exercise_path("99_nothing")


def test_cli_assign(tmp_path, roster, capsys):
    assert cli.main(["assign", "--topic", "01_satisfaction", "--roster", str(roster), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "01_satisfaction_answer_key.csv").exists()
    assert cli.main(["assign", "--topic", "nope", "--roster", str(roster), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "topic" in err
