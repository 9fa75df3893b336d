"""Notebook 05 and its exercises under papermill with non-default parameters; the answer checks."""

import nbformat
import pandas as pd
import pytest

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.checks import servqual as check
from crmlab.labels import t

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(ROOT / "notebooks/05_gap_servqual.ipynb", tmp_path, seed=11, n_respondents=600,
                      n_managers=5, lang="zh")
    assert errors(nb) == []
    survey = datasets.generate("servqual_survey", seed=11, n=600).frame
    r = sq.servqual_gaps(survey)
    assert find_number(nb, "未加权 SERVQUAL") == pytest.approx(round(r.overall["gap"].iloc[0], 2))
    assert find_number(nb, "加权 SERVQUAL：") == pytest.approx(
        round(sq.weighted_servqual(survey).table["score"].iloc[0], 3))
    assert find_number(nb, "总体变化：") == pytest.approx(
        round(sq.wave_change(survey).loc["overall", "change"], 3))
    text = all_text(nb)
    assert "600 名受访者" in text and "600 respondents" not in text
    assert "认知差距" in text and "本支行" in text  # gap names and item wording in Chinese
    assert has_png(nb) >= 9
    # the prose is built from this run's numbers
    w = sq.weighted_servqual(survey)
    valid = pd.DataFrame({"u": r.dimension_scores["overall"], "w": w.scores, "q": survey["overall_quality"]})
    c = sq.compare_correlations(valid, "q", "w", "u")
    assert f"[{c['ci_low']:+.3f}, {c['ci_high']:+.3f}]" in text
    assert ("区间包含 0" in text) == bool(c["ci_low"] <= 0 <= c["ci_high"])
    worst = r.dimensions["gap"].idxmin()
    assert f"感知低于期望最多的维度是**{t(f'sq_{worst}', 'zh')}**" in text
    assert "printed" not in text.lower() and "Hint" not in text


def test_parameters_cells_are_seen_by_papermill():
    """Every parameter is listed by papermill (a comment with '=' would hide it)."""
    import papermill as pm

    for path, expected in (("notebooks/05_gap_servqual.ipynb", {"seed", "n_respondents", "n_managers", "lang",
                                                                 "confidence"}),
                           ("exercises/solutions/05_gap_servqual.ipynb", {"seed", "n_respondents", "n_managers",
                                                                          "lang"}),
                           ("exercises/05_gap_servqual.ipynb", {"seed", "n_respondents", "n_managers", "lang"})):
        params = pm.inspect_notebook(str(ROOT / path))
        assert set(params) == expected, path
        nb = nbformat.read(str(ROOT / path), as_version=4)
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        comments = [line.split("#", 1)[1] for line in cell.source.splitlines() if "#" in line]
        assert not any("=" in c for c in comments), path


def test_teaching_prose_quotes_numbers_not_printed_lines():
    nb = nbformat.read(str(ROOT / "notebooks/05_gap_servqual.ipynb"), as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    assert "printed" not in prose and "line above" not in prose and "line below" not in prose
    assert "tracks it better" not in prose  # the old untested claim
    for ref in ("Cronin & Taylor (1992)", "Babakus & Boller (1992)", "Peter, Churchill & Brown (1993)",
                "PZB (1994)", "Steiger (1980)", "Zou's (2007)"):
        assert ref.lower() in prose, ref


def test_exercise_solution_runs_with_another_seed(tmp_path):
    nb = run_notebook(ROOT / "exercises/solutions/05_gap_servqual.ipynb", tmp_path, seed=5, n_respondents=500,
                      n_managers=4)
    assert errors(nb) == []
    text = all_text(nb)
    assert text.count("✅") == 6 and "❌" not in text and "📝 Q7" in text


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n=400)
    b = check.exercise_data(seed=2, n=400)
    qa = check.ANSWERS["q1"](**a)
    assert check.q1_dimension_gaps(qa, a["survey"]).ok is True
    assert check.q1_dimension_gaps(qa, b["survey"]).ok is False
    q4 = check.ANSWERS["q4"](**a)
    assert check.q4_gap1_responsiveness(q4, a["survey"], a["management"]).ok is True
    assert check.q4_gap1_responsiveness(q4, b["survey"], b["management"]).ok is False


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    data = check.exercise_data()
    survey = data["survey"]
    right = check.ANSWERS["q2"](**data)
    fb = check.q2_weighted_servqual(right + 0.1, survey)
    assert fb.ok is False and "Hint" in repr(fb) and f"{right:.3f}" not in repr(fb)
    assert check.q2_weighted_servqual(right, survey).ok is True
    assert check.q3_alpha_responsiveness(..., survey).ok is None
    assert check.q3_alpha_responsiveness(check.ANSWERS["q3"](**data), survey).ok is True
    assert check.q5_improved_dimensions(check.ANSWERS["q5"](**data), survey).ok is True
    assert check.q5_improved_dimensions(["tangibles"], survey).ok is False
    top3 = check.ANSWERS["q6"](**data)
    assert check.q6_top3_priorities(top3[::-1], survey).ok is True  # order does not matter
    assert check.q6_top3_priorities(["a", "b"], survey).ok is False
    assert check.q1_dimension_gaps({"tangibles": 0.0}, survey).ok is False
