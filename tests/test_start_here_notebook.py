"""Notebook 00 (start here) under papermill with non-default parameters."""

import re

import pytest

from crmlab import datasets

from nbtools import NOTEBOOKS, ROOT, all_text, errors, find_number, run_notebook


@pytest.mark.slow
def test_start_here_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", tmp_path, seed=7, n=30, lang="zh")
    assert errors(nb) == []
    text = all_text(nb)
    drawn = datasets.generate("satisfaction_survey", seed=7, n=30)
    assert "样本：30 名受访者（种子 7）" in text  # lang zh: the printed lines in Chinese
    assert find_number(nb, "平均总体满意度：") == pytest.approx(round(drawn.frame["overall"].mean(), 2))
    assert find_number(nb, "模型中真实的最高评分比率：") == pytest.approx(round(drawn.truth["top_box_ratio"], 2))
    assert "与随附 CSV 的真实权重相同：是" in text  # the sample's own truth, not the CSV's
    assert "质量" in text and "价格" in text  # attribute labels in Chinese
    assert "['satisfaction_survey', 'textbook_case']" in text
    # the check demo uses a practice question, not an exercise: not answered, close, correct
    assert "练习题: 尚未作答" in text and "练习题: 接近" in text and "练习题: 正确" in text
    # it never solves an exercise question (review: cell 17 printed the answer to 01 Q5)
    assert "Q5:" not in text and "repurchase_by_score" not in nb_sources(nb) and "q5" not in nb_sources(nb)


def nb_sources(nb) -> str:
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_start_here_has_a_session_plan_and_papermill_lists_its_parameters():
    import json

    import papermill

    nb = json.loads((NOTEBOOKS / "00_start_here.ipynb").read_text(encoding="utf-8"))
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "Session plan" in md and "| time |" in md and "prerequisites" in md
    assert set(papermill.inspect_notebook(str(NOTEBOOKS / "00_start_here.ipynb"))) == {"seed", "n", "lang"}


@pytest.mark.slow
def test_course_map_links_every_notebook_that_exists(tmp_path):
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", tmp_path)
    text = all_text(nb)
    listed = re.findall(r"\]\(([0-9]{2}_[a-z_]+\.ipynb)\)", text)
    on_disk = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
    assert sorted(set(listed)) == on_disk
    for link in re.findall(r"\]\(\.\./exercises/([0-9]{2}_[a-z_]+\.ipynb)\)", text):
        assert (ROOT / "exercises" / link).exists()
