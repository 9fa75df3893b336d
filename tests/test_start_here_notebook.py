"""Notebook 00 (start here) under papermill with non-default parameters."""

import re

import pytest

from crmlab import datasets, satisfaction as sat
from crmlab.checks import satisfaction as check

from nbtools import NOTEBOOKS, ROOT, all_text, errors, find_number, run_notebook


@pytest.mark.slow
def test_start_here_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", tmp_path, seed=7, n=30, lang="zh")
    assert errors(nb) == []
    text = all_text(nb)
    drawn = datasets.generate("satisfaction_survey", seed=7, n=30)
    assert "Sample: 30 respondents (seed 7)" in text
    assert find_number(nb, "Mean overall satisfaction:") == pytest.approx(round(drawn.frame["overall"].mean(), 2))
    assert find_number(nb, "True top-box ratio:") == pytest.approx(round(drawn.truth["top_box_ratio"], 2))
    assert "质量" in text and "价格" in text  # attribute labels in Chinese
    assert "['satisfaction_survey', 'textbook_case']" in text
    # the check demo: first "not answered yet", then correct, on the seed-7 exercise data
    assert "Q5: not answered yet" in text and "Q5: correct" in text
    right = sat.repurchase_by_score(check.exercise_data(seed=7)["survey"]).top_box_ratio
    assert check.q5_top_box_ratio(right, check.exercise_data(seed=7)["survey"]).ok is True


@pytest.mark.slow
def test_course_map_links_every_notebook_that_exists(tmp_path):
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", tmp_path)
    text = all_text(nb)
    listed = re.findall(r"\]\(([0-9]{2}_[a-z_]+\.ipynb)\)", text)
    on_disk = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
    assert sorted(set(listed)) == on_disk
    for link in re.findall(r"\]\(\.\./exercises/([0-9]{2}_[a-z_]+\.ipynb)\)", text):
        assert (ROOT / "exercises" / link).exists()
