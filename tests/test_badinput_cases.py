"""Bad-input battery for crmlab.cases and crmlab.exercises (issue 13, section 4)."""

from __future__ import annotations

from badinput import Bad, check, params
from crmlab import cases, exercises

C = "crmlab.cases."
E = "crmlab.exercises."


def _bad_notebook():
    import tempfile
    from pathlib import Path

    d = Path(tempfile.mkdtemp(prefix="b2-"))
    p = d / "01_broken.ipynb"
    p.write_text("{ not json", encoding="utf-8")
    return p


CASES = [
    Bad("b2-case-unknown", C + "generate", lambda: cases.generate("bank"), r"unknown case 'bank'"),
    Bad("b2-case-typo-suggests", C + "get", lambda: cases.get("hotell"), r"Did you mean 'hotel'"),
    Bad("b2-case-not-text", C + "get", lambda: cases.get(3), r"case: must be a case name"),
    Bad("b2-case-none", C + "get", lambda: cases.get(None), r"got NoneType"),
    Bad("b2-case-name-lang", C + "name", lambda: cases.name("hotel", lang="fr"), r"lang='fr'"),
    Bad("b2-case-name-unknown", C + "name", lambda: cases.name("casino"), r"unknown case 'casino'"),
    Bad("b2-case-seed-negative", C + "generate", lambda: cases.generate("hotel", seed=-1), r"seed.*-1"),
    Bad("b2-case-seed-text", C + "generate", lambda: cases.generate("hotel", seed="42"), r"seed.*'42'"),
    Bad("b2-case-seed-float", C + "generate", lambda: cases.generate("hotel", seed=4.2), r"seed.*4.2"),
    Bad("b2-case-n-small", C + "generate", lambda: cases.generate("hotel", n_customers=5), r"n_customers.*5"),
    Bad("b2-case-n-text", C + "generate", lambda: cases.generate("hotel", n_customers="2000"), r"n_customers.*'2000'"),
    Bad("b2-case-n-bool", C + "generate", lambda: cases.generate("hotel", n_customers=True), r"n_customers.*True"),
    Bad("b2-ex-cell-source-not-text", E + "student_cell_source", lambda: exercises.student_cell_source(None),
        r"source must be a cell's text"),
    Bad("b2-ex-notebook-not-a-notebook", E + "student_notebook", lambda: exercises.student_notebook("nb.ipynb"),
        r"nb must be a notebook"),
    Bad("b2-ex-student-text-missing", E + "student_text", lambda: exercises.student_text("nope/01_x.ipynb"),
        r"'nope/01_x.ipynb' is missing"),
    Bad("b2-ex-student-text-folder", E + "student_text", lambda: exercises.student_text("."), r"is a folder"),
    Bad("b2-ex-student-text-broken", E + "student_text", lambda: exercises.student_text(_bad_notebook()),
        r"cannot be read as a notebook"),
    Bad("b2-ex-solution-paths-none", E + "solution_paths", lambda: exercises.solution_paths(3), r"root"),
    Bad("b2-ex-generate-all-empty-root", E + "generate_all", lambda: exercises.generate_all("/"),
        r"no solutions found under '/exercises/solutions'"),
    Bad("b2-ex-generate-all-missing-root", E + "generate_all", lambda: exercises.generate_all("/nonexistent-b2"),
        r"root '/nonexistent-b2' is missing"),
    Bad("b2-ex-generate-all-root-is-file", E + "generate_all", lambda: exercises.generate_all(__file__), r"is a file"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
