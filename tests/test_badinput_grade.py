"""Bad-input battery, grading area: `crmlab grade`, the student bundles of `crmlab assign`, the grader's pieces."""

from __future__ import annotations

import tempfile
from pathlib import Path

from badinput import Bad, check, params
from crmlab import assign, cli, grade
from crmlab.checks import Feedback

TOPIC = "01_satisfaction"


def _class(roster_text: str = "student_id,name\ns1,A\n") -> tuple[str, str, str]:
    d = Path(tempfile.mkdtemp(prefix="gr-bad-"))
    (d / "r.csv").write_text(roster_text, encoding="utf-8")
    (d / "in").mkdir()
    return str(d / "r.csv"), str(d / "in"), str(d / "out")


def _grade(*extra: str, roster_text: str = "student_id,name\ns1,A\n"):
    roster, inbox, out = _class(roster_text)
    argv = ["grade", "--topic", TOPIC, "--roster", roster, "--submissions", inbox, "--out", out, *extra]
    return cli.run(argv)


def _grade_with(**over):
    roster, inbox, out = _class()
    kw = {"topic": TOPIC, "roster": roster, "submissions": inbox, "out_dir": out, "progress": False, **over}
    return grade.grade(kw.pop("topic"), kw.pop("roster"), kw.pop("submissions"), kw.pop("out_dir"), **kw)


def _submissions_is_file():
    roster, inbox, out = _class()
    return cli.run(["grade", "--topic", TOPIC, "--roster", roster, "--submissions", roster, "--out", out])


def _out_is_file():
    roster, inbox, out = _class()
    return cli.run(["grade", "--topic", TOPIC, "--roster", roster, "--submissions", inbox, "--out", roster])


class _TwoChecks:
    __name__ = "two_checks"
    ANSWERS = {"q1": None}

    @staticmethod
    def q1_a(answer):
        return Feedback("Q1", True, "correct.")

    @staticmethod
    def q1_b(answer):
        return Feedback("Q1", True, "correct.")


class _NoCheck:
    __name__ = "no_check"
    ANSWERS = {"q1": None}
    RUBRICS = {"q2": "explain"}

    @staticmethod
    def q1_a(answer):
        return Feedback("Q1", True, "correct.")


class _Empty:
    __name__ = "empty"


CASES = [
    Bad("gr-cli-grade-submissions-missing", "cli:grade",
        lambda: cli.run(["grade", "--topic", TOPIC, "--roster", _class()[0], "--submissions", "/nonexistent-gr/in"]),
        r"--submissions '/nonexistent-gr/in' is not there"),
    Bad("gr-cli-grade-submissions-is-file", "cli:grade", _submissions_is_file, r"--submissions .* is a file"),
    Bad("gr-cli-grade-out-is-file", "cli:grade", _out_is_file, r"--out .* is a file, not a folder"),
    Bad("gr-cli-grade-jobs-zero", "cli:grade", lambda: _grade("--jobs", "0"), r"--jobs: must be a whole number"),
    Bad("gr-cli-grade-timeout-cell-negative", "cli:grade", lambda: _grade("--timeout-cell", "-5"),
        r"--timeout-cell: must be a number of seconds of at least 1, got '-5'"),
    Bad("gr-cli-grade-timeout-text", "cli:grade", lambda: _grade("--timeout", "ten"),
        r"--timeout: must be a number of seconds .* got 'ten'"),
    Bad("gr-cli-grade-timeout-nan", "cli:grade", lambda: _grade("--timeout", "nan"), r"--timeout: .* got 'nan'"),
    Bad("gr-cli-grade-lang", "cli:grade", lambda: _grade("--lang", "fr"), r"lang='fr' is not supported"),
    Bad("gr-cli-grade-topic-path", "cli:grade",
        lambda: cli.run(["grade", "--topic", "../exercises/solutions/01_satisfaction", "--roster", _class()[0],
                         "--submissions", _class()[1]]), r"topic: .* is not an exercise of the kit"),
    Bad("gr-cli-grade-roster-no-id-column", "cli:grade", lambda: _grade(roster_text="id,name\ns1,A\n"),
        r"missing column student_id"),
    Bad("gr-cli-grade-roster-duplicate-id", "cli:grade", lambda: _grade(roster_text="student_id,name\ns1,A\nS1,B\n"),
        r"duplicate id 'S1'"),
    Bad("gr-cli-grade-scheduler-blank", "cli:grade", lambda: _grade("--scheduler", " "), r"--scheduler: ' ' is not an address"),
    Bad("gr-grade-n-jobs-fraction", "crmlab.grade.grade", lambda: _grade_with(n_jobs=1.5), r"n_jobs"),
    Bad("gr-grade-timeout-bool", "crmlab.grade.grade", lambda: _grade_with(timeout=True), r"--timeout: .* got True"),
    Bad("gr-grade-lang-none", "crmlab.grade.grade", lambda: _grade_with(lang=None), r"lang=None is not supported"),
    Bad("gr-questions-two-checks", "crmlab.grade.questions", lambda: grade.questions(_TwoChecks),
        r"2 check functions for q1 \(q1_a, q1_b\)"),
    Bad("gr-questions-rubric-without-check", "crmlab.grade.questions", lambda: grade.questions(_NoCheck),
        r"0 check functions for q2"),
    Bad("gr-questions-none", "crmlab.grade.questions", lambda: grade.questions(_Empty), r"defines no questions"),
    Bad("gr-match-not-a-folder", "crmlab.grade.match_submissions",
        lambda: grade.match_submissions("/nonexistent-gr", [{"student_id": "s1", "name": "A"}]), r"--submissions"),
    Bad("gr-assign-lang", "crmlab.assign.assign",
        lambda: assign.assign(TOPIC, _class()[0], _class()[2], lang="de"), r"lang='de' is not supported"),
    Bad("gr-cli-assign-lang", "cli:assign",
        lambda: cli.run(["assign", "--topic", TOPIC, "--roster", _class()[0], "--out", _class()[2], "--lang", "EN"]),
        r"lang='EN' is not supported"),
    Bad("gr-bundle-readme-lang", "crmlab.assign.bundle_readme",
        lambda: assign.bundle_readme(TOPIC, "s1", "A", "x.ipynb", lang="cn"), r"lang='cn'"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
