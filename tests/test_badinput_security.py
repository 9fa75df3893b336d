"""Bad-input battery, security area: rosters, topics, output paths, report jobs, `crmlab assign`.

Each case is one distinct bad input (issue 13, part 2); see tests/badinput.py for the form.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
from badinput import Bad, check, params

from crmlab import _io, assign, cli, report

TOPIC = "01_satisfaction"
OK_ROSTER = "student_id,name\ns001,Li Wei\n"


def in_tmp(fn, roster: str | bytes | None = OK_ROSTER):
    """A call that runs ``fn(folder, roster_path)`` in a fresh temporary folder (removed afterwards)."""
    def call():
        with tempfile.TemporaryDirectory() as d:
            folder = Path(d)
            path = folder / "roster.csv"
            if isinstance(roster, bytes):
                path.write_bytes(roster)
            elif roster is not None:
                path.write_text(roster, encoding="utf-8", newline="")
            return fn(folder, path)
    return call


def roster_case(id_, text, match):
    return Bad(id_, "crmlab.assign.read_roster", in_tmp(lambda d, p: assign.read_roster(p), text), match)


def assign_out_file(d, p):
    (d / "taken").write_text("x")
    return assign.assign(TOPIC, p, d / "taken")


def cli_out_file(d, p):
    (d / "taken").write_text("x")
    return cli.run(["assign", "--topic", TOPIC, "--roster", str(p), "--out", str(d / "taken")])


PARAMS_NB = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("seed = 1", metadata={"tags": ["parameters"]})])

CASES: list[Bad] = [
    # assign: topics are names the kit lists, never paths or solutions
    Bad("sec-assign-topic-dotdot", "crmlab.assign.assign",
        in_tmp(lambda d, p: assign.assign("../exercises/01_satisfaction", p, d / "out")), r"topic: .*choose one of"),
    Bad("sec-assign-topic-solutions", "crmlab.assign.assign",
        in_tmp(lambda d, p: assign.assign("solutions/01_satisfaction", p, d / "out")), r"topic: 'solutions/"),
    Bad("sec-assign-topic-absolute", "crmlab.assign.assign",
        in_tmp(lambda d, p: assign.assign(str(assign.ROOT / "exercises" / TOPIC), p, d / "out")), r"topic: '/"),
    Bad("sec-assign-topic-not-text", "crmlab.assign.assign",
        in_tmp(lambda d, p: assign.assign(1, p, d / "out")), r"topic: 1 is not an exercise"),
    Bad("sec-assign-out-is-file", "crmlab.assign.assign", in_tmp(assign_out_file), r"--out .* is a file, not a folder"),
    Bad("sec-assign-roster-missing", "crmlab.assign.assign",
        in_tmp(lambda d, p: assign.assign(TOPIC, d / "nope.csv", d / "out"), None), r"roster .*nope\.csv.*cannot read"),
    # rosters: values that would become code, file names outside the folder, or a wrong table
    roster_case("sec-roster-name-newline", "student_id,name\ns001,\"x\nimport os; os.system('touch PWNED')\"\n",
                r"row 1, column name: .*U\+000A"),
    roster_case("sec-roster-name-bidi-override", "student_id,name\ns001,Li\u202eieW\n", r"row 1, column name: .*U\+202E"),
    roster_case("sec-roster-name-line-separator", "student_id,name\ns001,Li\u2028Wei\n", r"column name: .*U\+2028"),
    roster_case("sec-roster-name-bare-cr", "student_id,name\ns001,Li\rWei\n", r"row 1, column name .*U\+000D"),
    roster_case("sec-roster-id-nul", "student_id,name\ns\x00001,Li\n", r"row 1, column student_id: .*U\+0000"),
    roster_case("sec-roster-id-dot", "student_id,name\n.,Li\n", r"column student_id: '\.' is not allowed"),
    roster_case("sec-roster-id-dotdot", "student_id,name\ns001,Li\n..,Wang\n", r"row 2, column student_id: '\.\.'"),
    roster_case("sec-roster-id-slash", "student_id,name\n../../etc/x,Li\n", r"column student_id: .*ASCII letters"),
    roster_case("sec-roster-id-backslash", "student_id,name\n..\\x,Li\n", r"column student_id: .*ASCII letters"),
    roster_case("sec-roster-id-duplicate-capitals", "student_id,name\ns001,Li\nS001,Wang\n",
                r"row 2, column student_id: duplicate id 'S001' \(also in row 1"),
    roster_case("sec-roster-empty-file", "", r"the file is empty"),
    roster_case("sec-roster-header-only", "student_id,name\n", r"no students"),
    roster_case("sec-roster-no-name-column", "student_id,naam\ns001,Li\n", r"missing column name"),
    roster_case("sec-roster-blank-id", "student_id,name\n  ,Li\n", r"row 1, column student_id: empty"),
    roster_case("sec-roster-unquoted-comma", "student_id,name\ns001,Wang, Fang\n", r"row 1 has 3 fields"),
    roster_case("sec-roster-not-text", b"student_id,name\ns001,\xff\xff\n", r"roster .* is not text in UTF-8"),
    Bad("sec-roster-is-folder", "crmlab.assign.read_roster",
        in_tmp(lambda d, p: assign.read_roster(d), None), r"roster .* is a folder"),
    # personalise: the values are checked again where they enter the notebook
    Bad("sec-personalise-name-newline", "crmlab.assign.personalise",
        lambda: assign.personalise(PARAMS_NB, "s001", "a\nimport os", 1), r"name: .*U\+000A"),
    Bad("sec-personalise-id-dotdot", "crmlab.assign.personalise",
        lambda: assign.personalise(PARAMS_NB, "..", "Li", 1), r"student_id: '\.\.'"),
    Bad("sec-personalise-seed-text", "crmlab.assign.personalise",
        lambda: assign.personalise(PARAMS_NB, "s001", "Li", "1; import os"), r"seed="),
    Bad("sec-personalise-name-not-text", "crmlab.assign.personalise",
        lambda: assign.personalise(PARAMS_NB, "s001", None, 1), r"name: must be text"),
    # report jobs: only checked values become parameters and file names
    Bad("sec-job-case-dotdot", "crmlab.report.make_job", lambda: report.make_job("../hotpot"), r"column case: unknown"),
    Bad("sec-job-case-newline", "crmlab.report.make_job", lambda: report.make_job("hotpot\nimport os"),
        r"column case: .*U\+000A"),
    Bad("sec-job-lang-path", "crmlab.report.make_job", lambda: report.make_job("hotpot", lang="../en"),
        r"column lang: must be 'en' or 'zh'"),
    Bad("sec-job-seed-negative", "crmlab.report.make_job", lambda: report.make_job("hotpot", seed=-1, row=2),
        r"row 2, column seed: .*>= 0"),
    Bad("sec-job-seed-decimal-text", "crmlab.report.make_job", lambda: report.make_job("hotpot", seed="1.5"),
        r"column seed: seed='1\.5' is not a whole number"),
    Bad("sec-job-n-customers-zero", "crmlab.report.make_job", lambda: report.make_job("hotpot", n_customers=0),
        r"column n_customers: .*out of range"),
    Bad("sec-job-stem-unchecked", "crmlab.report.Job.stem", lambda: report.Job("../../x").stem,
        r"case='\.\./\.\./x'.*make_job"),
    # output paths
    Bad("sec-inside-dotdot", "crmlab._io.inside", lambda: _io.inside(tempfile.gettempdir(), "../x.ipynb"),
        r"'\.\./x\.ipynb' would be written outside"),
    Bad("sec-inside-absolute", "crmlab._io.inside", lambda: _io.inside(tempfile.gettempdir(), "/etc/passwd"),
        r"'/etc/passwd' would be written outside"),
    Bad("sec-inside-empty", "crmlab._io.inside", lambda: _io.inside(tempfile.gettempdir(), ""),
        r"'' would be written outside"),
    # the command line (cli.run raises what cli.main prints as "crmlab: error: ...")
    Bad("sec-cli-assign-topic-path", "cli:assign",
        in_tmp(lambda d, p: cli.run(["assign", "--topic", "../exercises/01_satisfaction", "--roster", str(p),
                                     "--out", str(d / "out")])), r"topic: .*choose one of"),
    Bad("sec-cli-assign-out-file", "cli:assign", in_tmp(cli_out_file), r"--out .* is a file"),
    Bad("sec-cli-assign-id-dotdot", "cli:assign",
        in_tmp(lambda d, p: cli.run(["assign", "--topic", TOPIC, "--roster", str(p), "--out", str(d / "out")]),
               "student_id,name\n..,Li\n"), r"row 1, column student_id: '\.\.'"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
