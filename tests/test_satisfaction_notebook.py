"""Notebook 01 and its exercises under papermill with non-default parameters."""

import pytest

from crmlab import datasets, satisfaction as sat
from crmlab.checks import satisfaction as check

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(ROOT / "notebooks/01_satisfaction.ipynb", tmp_path, seed=11, n_respondents=400, lang="zh")
    assert errors(nb) == []
    survey = datasets.generate("satisfaction_survey", seed=11, n=400).frame
    expected = sat.csi(survey)["csi"].iloc[0]
    assert find_number(nb, "CSI overall:") == pytest.approx(round(expected, 1))
    assert find_number(nb, "Top-box ratio:") == pytest.approx(round(sat.repurchase_by_score(survey).top_box_ratio, 2))
    text = all_text(nb)
    assert "400 respondents" in text
    assert "重点改进" in text or "继续保持" in text  # IPA quadrant labels in Chinese
    assert has_png(nb) >= 4


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n=300)
    b = check.exercise_data(seed=2, n=300)
    qa = (a["survey"].groupby("segment")["overall"].mean() - 1) / 4 * 100
    assert check.q3_csi_by_segment(qa, a["survey"]).ok is True
    assert check.q3_csi_by_segment(qa, b["survey"]).ok is False


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    data = check.exercise_data()
    survey = data["survey"]
    right = check.ANSWERS["q5"](**data)
    fb = check.q5_top_box_ratio(right + 1, survey)
    assert fb.ok is False and "Hint" in repr(fb) and f"{right:.2f}" not in repr(fb)
    assert check.q5_top_box_ratio(right, survey).ok is True
    assert check.q5_top_box_ratio(..., survey).ok is None
    assert check.q4_top_driver("price", survey).ok is False
    assert check.q4_top_driver(check.ANSWERS["q4"](**data), survey).ok is True
    assert check.q2_simple_vs_weighted("abc", data["case"]).ok is False
    assert check.q6_concentrate_here(check.ANSWERS["q6"](**data), survey).ok is True
    assert check.q1_attribute_means({"quality": 4.0}, data["case"]).ok is False
