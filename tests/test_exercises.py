"""Exercises: student copies are generated from the solutions, run, and the checks give feedback."""

from pathlib import Path

import nbformat
import pytest

from crmlab.exercises import generate_all, solution_paths, student_cell_source, student_text

from nbtools import ROOT, all_text, errors, run_notebook

SOLUTIONS = solution_paths(ROOT)


def test_there_are_solutions():
    assert any(p.name == "01_satisfaction.ipynb" for p in SOLUTIONS)


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_committed_student_copy_equals_fresh_generation(solution):
    student = ROOT / "exercises" / solution.name
    assert student.exists(), f"run `crmlab exercises` to create {student}"
    assert student.read_text(encoding="utf-8") == student_text(solution), \
        f"{student} differs from its solution: run `crmlab exercises`"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_student_copy_has_no_answers_and_no_outputs(solution):
    nb = nbformat.read(str(ROOT / "exercises" / solution.name), as_version=4)
    sol = nbformat.read(str(solution), as_version=4)
    n_solution_cells = sum(1 for c in sol.cells if c.cell_type == "code" and c.source.startswith("# Solution"))
    assert n_solution_cells >= 2
    stubs = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# Your answer")]
    assert len(stubs) == n_solution_cells
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert "# Solution" not in cell.source


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_student_copy_runs_top_to_bottom_and_says_not_answered(solution, tmp_path):
    nb = run_notebook(ROOT / "exercises" / solution.name, tmp_path)
    assert errors(nb) == []
    text = all_text(nb)
    assert "not answered yet" in text
    assert "✅" not in text


def test_check_all_reports_nothing_to_do():
    assert generate_all(ROOT, check=True) == []


def test_stub_rules():
    assert student_cell_source("# Solution: q1, q2\nq1 = 3\nq2 = 4") == \
        "# Your answer: replace ... with your code\nq1 = ...\nq2 = ..."
    assert student_cell_source("# Solution\nprint(1)") == "# Your answer: write your code here"
    assert student_cell_source("x = 1") is None
