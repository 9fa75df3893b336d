"""Notebook 07 (PLS satisfaction index) and its exercises under papermill with non-default parameters."""

import pytest

from crmlab import datasets, pls
from crmlab.checks import pls as check

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(ROOT / "notebooks/07_satisfaction_index_pls.ipynb", tmp_path, seed=7, n_respondents=400,
                      lang="zh", scheme="path", n_boot=30)
    assert errors(nb) == []
    survey = datasets.generate("ecsi_survey", seed=7, n=400).frame
    fit = pls.pls_path_model(survey, scheme="path")
    expected = pls.satisfaction_index(survey, fit)["index"].iloc[0]
    assert find_number(nb, "Satisfaction index:") == pytest.approx(round(expected, 1))
    assert find_number(nb, "R² of satisfaction:") == pytest.approx(round(fit.r2["SAT"], 3))
    assert find_number(nb, "GoF =") == pytest.approx(round(fit.gof, 3))
    text = all_text(nb)
    assert "400 respondents" in text
    assert "PLS 模型指数（ACSI 权重）" in text and "简单分值法 CSI" in text  # the comparison table in Chinese
    assert has_png(nb) >= 4  # loadings, path diagram, total effects, index comparison


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n=300)["survey"]
    b = check.exercise_data(seed=2, n=300)["survey"]
    qa = check.ANSWERS["q3"](a)
    assert check.q3_index_by_segment(qa, a).ok is True
    assert check.q3_index_by_segment(qa, b).ok is False
    assert check.q4_r2_without_path(check.ANSWERS["q4"](a), a).ok is True
    assert check.q4_r2_without_path(check.ANSWERS["q4"](a) + 0.01, a).ok is False


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    survey = check.exercise_data()["survey"]
    ave = check.ANSWERS["q1"](survey)
    assert check.q1_ave(ave, survey).ok is True
    fb = check.q1_ave(ave + 0.05, survey)
    assert fb.ok is False and "Hint" in repr(fb) and f"{ave.iloc[0]:.3f}" not in repr(fb)
    assert check.q1_ave(..., survey).ok is None
    top = check.ANSWERS["q2"](survey)
    assert check.q2_top_total_effect(top, survey).ok is True
    assert check.q2_top_total_effect("EXPE" if top != "EXPE" else "QUAL", survey).ok is False
    zero = check.ANSWERS["q5"](survey)
    assert check.q5_paths_with_zero(zero, survey).ok is True
    assert check.q5_paths_with_zero([*zero, "SAT -> LOY"], survey).ok is False
    assert check.q5_paths_with_zero(..., survey).ok is None
