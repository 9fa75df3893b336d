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
    assert find_number(nb, "总体 CSI：") == pytest.approx(round(expected, 1))
    assert find_number(nb, "最高评分比率：") == pytest.approx(round(sat.repurchase_by_score(survey).top_box_ratio, 2))
    text = all_text(nb)
    assert "400 名受访者" in text and "400 respondents" not in text  # lang zh: the printed lines in Chinese
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


def _sources(path):
    import json

    nb = json.loads(path.read_text(encoding="utf-8"))
    return nb, "\n".join("".join(c["source"]) for c in nb["cells"])


def test_notebook_01_teaches_the_difference_interval_not_overlap():
    nb, src = _sources(ROOT / "notebooks/01_satisfaction.ipynb")
    assert "printed" not in src.lower()  # the prose quotes its numbers (Markdown built in code)
    assert "diff_ci" in src and "Holm" in src and "Bonferroni" in src
    assert "Overlap is not a test" in src
    assert "relative_weights" in src and "Kano" in src and "nonresponse" in src.lower()
    assert "repurchase_intent" in src and 'by="quarter"' in src
    assert "coef.clip(min=0)" in src  # the by-hand weights clip negatives as the helper does
    import papermill

    assert set(papermill.inspect_notebook(str(ROOT / "notebooks/01_satisfaction.ipynb"))) == {
        "seed", "n_respondents", "lang", "confidence"}
    assert set(papermill.inspect_notebook(str(ROOT / "exercises/solutions/01_satisfaction.ipynb"))) == {
        "seed", "n_respondents", "lang"}


def test_committed_notebook_sentence_quotes_the_difference_interval():
    """The key sentence of section 4 carries the Welch interval of best - worst, as diff_ci gives it."""
    import re

    from crmlab.labels import label
    from crmlab.stats import diff_ci

    nb, _ = _sources(ROOT / "notebooks/01_satisfaction.ipynb")
    md = [("".join(o["data"]["text/markdown"])) for c in nb["cells"] for o in c.get("outputs", [])
          if "text/markdown" in o.get("data", {})]
    sentence = next(m for m in md if "interval of the difference" in m)
    survey = datasets.load("satisfaction_survey")
    g = survey.groupby("segment")["overall"].agg(["mean", "std", "count"])
    best, worst = g["mean"].idxmax(), g["mean"].idxmin()
    d, lo, hi = (25 * x for x in diff_ci(g.loc[best, "mean"], g.loc[best, "count"], g.loc[worst, "mean"],
                                         g.loc[worst, "count"], sd1=g.loc[best, "std"], sd2=g.loc[worst, "std"]))
    assert f"**{label(best)}** minus **{label(worst)}**: {d:.1f} CSI points" in sentence
    assert f"[{lo:.1f}, {hi:.1f}]" in sentence
    assert re.search(r"Of the 3 pairs of segments, \d differ", sentence)


@pytest.mark.slow
def test_notebook_seed5_chinese_sentences_follow_the_numbers(tmp_path):
    nb = run_notebook(ROOT / "notebooks/01_satisfaction.ipynb", tmp_path, seed=5, lang="zh")
    assert errors(nb) == []
    survey = datasets.generate("satisfaction_survey", seed=5, n=1200).frame
    text = all_text(nb)
    rep = sat.repurchase_by_score(survey, "repurchase_intent")
    assert f"说**肯定会**（5 分）的人中，{rep.table.loc[5, 'rate']:.1%} 再次购买" in text
    rw = sat.relative_weights(survey)
    assert f"R² = {rw.attrs['r2']:.3f}" in text
    csi_q = sat.csi(survey, by="quarter")
    assert f"各季度的 CSI 介于 {csi_q['csi'].min():.1f} 与 {csi_q['csi'].max():.1f} 之间" in text
