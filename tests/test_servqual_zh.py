"""The Chinese edition of notebook 05 and exercise 05: sentences from the helpers' numbers, Chinese answers accepted."""

from __future__ import annotations

import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.checks import servqual as check
from crmlab.checks import set_lang
from crmlab.labels import t

from nbtools import ROOT, all_text, errors, run_notebook
from nbtools import markdown_outputs as _markdown

ZH_NB = ROOT / "notebooks/zh/05_gap_servqual.ipynb"
ZH_SOLUTION = ROOT / "exercises/zh/solutions/05_gap_servqual.ipynb"


def _zh(key):
    return t(f"sq_{key}", "zh")


def _sentences_follow_the_numbers(nb, seed, n, n_managers):
    """The Chinese sentences of one run of notebook 05, recomputed from the helpers on the same data."""
    survey = datasets.generate("servqual_survey", seed=seed, n=n).frame
    mgmt = datasets.generate("servqual_management", seed=seed, n_per_branch=n_managers).frame
    md = "\n".join(_markdown(nb))
    text = all_text(nb)
    r = sq.servqual_gaps(survey)
    dims = r.dimensions["gap"]
    assert t("sq_nb_furthest_above" if dims.max() > 0 else "sq_nb_furthest", "zh", worst=_zh(dims.idxmin()),
             worst_gap=dims.min(), best=_zh(dims.idxmax()), best_gap=dims.max()) in md
    w = sq.weighted_servqual(survey, gaps=r)
    w_own, plain = w.table["score"].iloc[0], r.overall["gap"].iloc[0]
    key = "sq_nb_w_below" if w_own < plain else "sq_nb_w_above"
    assert t(key, "zh", w=w_own, d=abs(w_own - plain), u=plain) in md
    assert f"顾客给**{_zh(w.weights.idxmax())}**的分值最多（平均 100 分中的 {100 * w.weights.max():.0f} 分）" in md
    # the validity test: the interval of the difference of two dependent correlations
    valid = pd.DataFrame({"u": r.dimension_scores["overall"], "w": w.scores, "q": survey["overall_quality"]})
    c = sq.compare_correlations(valid, "q", "w", "u")
    assert f"两个相关系数之差为 {c['diff']:+.3f}，95% 区间 [{c['ci_low']:+.3f}, {c['ci_high']:+.3f}]" in md
    assert ("区间包含 0" in md) == bool(c["ci_low"] <= 0 <= c["ci_high"])
    # gap 1 pooled over branches
    g1 = sq.gap1(mgmt, survey, by=None)
    sig = g1.index[g1["ci_high"] < 0].tolist()
    want = t("sq_nb_gap1_pooled", "zh", names="、".join(map(_zh, sig))) if sig else t("sq_nb_gap1_pooled_none", "zh")
    assert want in md
    # the before/after waves
    ch = sq.wave_change(survey)
    assert f"总体变化：{ch.loc['overall', 'change']:.3f} [{ch.loc['overall', 'ci_low']:.3f}, " \
           f"{ch.loc['overall', 'ci_high']:.3f}]" in text
    up = ch.drop(index="overall").query("ci_low > 0").index.tolist()
    assert (t("sq_nb_up", "zh", names="、".join(map(_zh, up)), pct=95) if up else t("sq_nb_up_none", "zh")) in md
    # the first priority and its wording
    prio = sq.improvement_priorities(survey[survey["wave"] == "before"])
    first = prio.index[0]
    assert f"最先改进：第 {first} 题“{sq.item_wording('zh')[first]}”（{_zh(prio.loc[first, 'dimension'])}" in md
    # no English sentence printed by the code, tables labelled in Chinese
    assert not re.search(r"\b(respondents|Largest shortfall|Weighted SERVQUAL:|Overall change|Improved)\b", text)
    assert "加权差距" in text and "区间下限" in text and "中心支行" in text
    return survey


def test_the_committed_chinese_notebook_says_what_the_helpers_compute():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    assert errors(nb) == []
    _sentences_follow_the_numbers(nb, seed=42, n=2400, n_managers=8)


@pytest.mark.slow
def test_the_chinese_notebook_follows_another_seed(tmp_path):
    nb = run_notebook(ZH_NB, tmp_path, seed=7, n_respondents=800, n_managers=4)
    assert errors(nb) == []
    survey = _sentences_follow_the_numbers(nb, seed=7, n=800, n_managers=4)
    assert "800 名受访者" in all_text(nb)
    assert len(survey) == 800


def test_a_check_answered_with_chinese_names_is_accepted_and_its_hint_is_chinese():
    try:
        data = check.exercise_data(seed=4, n=500, n_managers=4, lang="zh")
        s = data["survey"]
        improved = check.ANSWERS["q5"](**data)
        assert improved, "seed 4 should improve at least one dimension"
        assert check.q5_improved_dimensions([_zh(d) for d in improved], s).status == "right"
        mixed = [_zh(improved[0])] + improved[1:]  # Chinese and English names together
        assert check.q5_improved_dimensions(mixed, s).status == "right"
        wrong_set = sorted(set(sq.DIMENSIONS) - set(improved))[:1]
        fb = check.q5_improved_dimensions([_zh(d) for d in wrong_set], s)
        assert fb.status == "wrong" and fb.message.startswith("还不对。提示：两轮调查是相互独立的顾客样本")
        q1 = check.ANSWERS["q1"](**data).rename(_zh)
        assert check.q1_dimension_gaps(q1, s).status == "right"
        fb = check.q1_dimension_gaps(q1 + 0.3, s)
        assert fb.status == "wrong" and "维度得分" in fb.message and "Hint" not in fb.message
        assert repr(check.q6_top3_priorities(["a"], s)).startswith("❌ Q6: 还不对。提示：请给出由三个题项编号")
        assert check.q7_servqual_or_servperf("太短", s).status == "wrong"
    finally:
        set_lang("en")
    data = check.exercise_data(seed=4, n=500, n_managers=4)
    assert check.q2_weighted_servqual(0.0, data["survey"]).message.startswith("not yet. Hint: each respondent")


def test_the_chinese_solution_passes_its_checks_and_writes_a_chinese_model_answer():
    nb = nbformat.read(str(ZH_SOLUTION), as_version=4)
    text = all_text(nb)
    assert text.count("✅") == 6 and "❌" not in text and "📝 Q7: 已记录" in text
    data = check.exercise_data(seed=42, n=1200, n_managers=8)
    f = check.ANSWERS["q7"](**data)
    assert f"SERVPERF 与总体质量的相关系数为 {f['r_a']:.2f}，SERVQUAL 为 {f['r_b']:.2f}" in text
    verdict = ("sq_ex_q7_servqual" if f["ci_high"] < 0 else "sq_ex_q7_servperf" if f["ci_low"] > 0
               else "sq_ex_q7_neither")
    assert t(verdict, "zh") in text
    student = (ROOT / "exercises/zh/05_gap_servqual.ipynb").read_text(encoding="utf-8")
    assert "# 你的答案：把 ... 替换为你的代码" in student and "SERVPERF 与总体质量" not in student


def test_the_servqual_data_dictionary_reads_in_chinese():
    zh = datasets.describe("servqual_survey", "zh").set_index("列")
    assert zh.loc["E5", "含义"] == "期望，第 5 题（可靠性）"
    assert zh.loc["imp_empathy", "单位或取值范围"] == "0-100 分，五项之和为 100"
    assert zh.loc["overall_quality", "单位或取值范围"] == "1-7"
    m = datasets.describe("servqual_management", "zh").set_index("列")
    assert m.loc["M12", "含义"] == "管理者估计的顾客期望，第 12 题（响应性）"
    en = datasets.describe("servqual_survey").set_index("column")
    assert en.loc["E5", "meaning"].startswith("Expectation, item 5")
    assert not np.any(zh["含义"].str.contains(r"[A-Za-z]{4,} [A-Za-z]{4,}", regex=True))
