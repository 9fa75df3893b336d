"""The Chinese edition of notebook 06 and exercise 06: sentences from the helpers' numbers, Chinese tables, checks in Chinese."""

from __future__ import annotations

import nbformat
import pytest

from crmlab import datasets, stats
from crmlab import loyalty as loy
from crmlab import value as val
from crmlab.checks import lang as checks_lang, set_lang, value as check
from crmlab.labels import label, t

from nbtools import ROOT, all_text, errors, run_notebook
import nbtools

ZH_NB = ROOT / "notebooks/zh/06_customer_value.ipynb"
ZH_EX = ROOT / "exercises/zh/solutions/06_customer_value.ipynb"


def _markdown(nb) -> str:
    return "\n".join(nbtools.markdown_outputs(nb))


def _check_chinese_sections(nb, seed, n, n_baskets, n_respondents):
    """What the Chinese notebook prints and writes carries this run's numbers, in Chinese."""
    text, md = all_text(nb), _markdown(nb)
    tx = datasets.generate("loyalty_transactions", seed=seed, n_customers=n).frame
    s = loy.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31", amount="amount")
    bg, gg = loy.fit_bgnbd(s), val.fit_gamma_gamma(s)
    cal = tx[tx["date"] <= "2024-12-31"]
    clv = val.model_clv(bg, gg, s, margin=cal["margin"].sum() / cal["amount"].sum(), discount=0.1, years=3)
    assert f"{len(clv)} 位客户的平均值 {clv['clv'].mean():.1f} 元" in text
    assert f"总体平均消费金额 p gamma / (q - 1) = {gg.mean_spend:.1f} 元" in text
    ind = val.spend_independence(s)
    assert f"相关系数为 {ind.pearson:.2f}，95% 区间为 {ind.ci_low:.2f} 至 {ind.ci_high:.2f}" in md
    assert f"模型 CLV 的均值（{clv['clv'].mean():.0f} 元）" in md
    # market baskets: the rule by hand and by the helper, in Chinese, with the Chinese item names
    lines = datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).frame
    r = val.rule_metrics(lines, "cereal", "milk")
    three = f"支持度 {r.support:.3f}，置信度 {r.confidence:.3f}，提升度 {r.lift:.3f}"
    assert text.count(three) == 2 and "麦片 → 牛奶：" in text
    assert f"所以提升度是 **{r.lift:.2f}**" in md and f"牛奶出现在全部购物篮的 **{r.consequent_support:.0%}** 中" in md
    rules = val.association_rules(lines, min_support=0.01, max_len=2)
    top = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable").iloc[0]
    top_zh = " → ".join(label(i, "zh", "item_") for i in (top["antecedent"], top["consequent"]))
    assert f"在支持度达到 1% 的 **{len(rules)}** 条规则中，提升度最高的是 **{top_zh}**" in md
    # perceived value: the interval of the difference, the rival's Chinese name
    survey = datasets.generate("perceived_value_survey", seed=seed, n_respondents=n_respondents).frame
    cpv = val.cpv_by_group(survey)
    rival = cpv.drop(index="us")["cpv"].idxmax()
    d, lo, hi = stats.diff_ci(cpv.loc["us", "cpv"], cpv.loc["us", "n"], cpv.loc[rival, "cpv"], cpv.loc[rival, "n"],
                              sd1=cpv.loc["us", "sd"], sd2=cpv.loc[rival, "sd"])
    side = "**高于**" if lo > 0 else "**低于**" if hi < 0 else "**没有明显差别**"
    assert side in md and f"“{label(rival, 'zh', 'firm_')}”（{cpv.loc[rival, 'cpv']:+.2f}）" in md
    assert f"差值为 {d:+.2f} [{lo:+.2f}, {hi:+.2f}]" in md
    us = val.value_map(survey).loc["us"]
    assert f"我们的相对质量为 **{us['relative_quality']:.2f}**，相对价格为 **{us['relative_price']:.2f}**" in md
    # no English line printed by the code, tables with Chinese headers and values
    for english in ("transactions of", "by hand", "helper:", "CNY", "rules of up to", "respondents"):
        assert english not in text, english
    for header in ("估计值", "标准误", "提升度", "感知利得", "价值差距", "本企业", "价值更高", "热心追随者"):
        assert header in text, header


def test_committed_chinese_notebook_sentences_follow_the_helpers():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    assert errors(nb) == []
    _check_chinese_sections(nb, 3, 2000, 5000, 1200)


@pytest.mark.slow
def test_chinese_notebook_with_seed_5(tmp_path):
    nb = run_notebook(ZH_NB, tmp_path, seed=5, n_customers=1200, n_baskets=3000, n_respondents=800)
    assert errors(nb) == []
    _check_chinese_sections(nb, 5, 1200, 3000, 800)


def test_committed_chinese_exercise_speaks_chinese():
    nb = nbformat.read(str(ZH_EX), as_version=4)
    text = all_text(nb)
    assert text.count("✅ Q") == 6 and text.count("正确。") == 6 and text.count("已记录。") == 2
    assert "参考答案。在客户价值图上" in text and "Model answer" not in text and "transactions" not in text
    student = (ROOT / "exercises/zh/06_customer_value.ipynb").read_text(encoding="utf-8")
    assert "# 练习：客户价值量化" in student and "q7 = ..." in student


def test_checks_speak_chinese_and_accept_chinese_item_names():
    try:
        data = check.exercise_data(seed=4, n_customers=300, n_baskets=2000, n_respondents=200, lang="zh")
        assert checks_lang() == "zh"
        lines = data["lines"]
        items = check.ANSWERS["q7"](**data)
        zh_items = [label(i, "zh", "item_") for i in items]
        assert all(z != i for z, i in zip(zh_items, items))  # really Chinese names
        assert check.q7_top_itemset(zh_items, lines).status == "right"
        assert check.q7_top_itemset([label(i, "en", "item_") for i in items], lines).status == "right"
        wrong = check.q7_top_itemset(["面包", "黄油"] if sorted(items) != ["bread", "butter"] else ["薯片", "莎莎酱"], lines)
        assert wrong.status == "wrong" and wrong.message.startswith("还不对。提示：只看达到最小支持度的项集")
        m = val.rule_metrics(lines, "cereal", "milk")
        fb = check.q6_rule_lift(m.confidence, lines)
        assert fb.status == "wrong" and "置信度 P(牛奶 | 麦片)" in fb.message
        fb = check.q1_multiplier(check.ANSWERS["q1"](**data) * 1.5, data["tx"])
        assert fb.message == "还不对。提示：" + t("val_hint_q1", "zh") and "利润乘数" in fb.message
        assert repr(check.q2_mean_p_alive(..., data["tx"])).startswith("⏳ Q2: 尚未作答")
        data = check.exercise_data(seed=4, n_customers=300, n_baskets=2000, n_respondents=200)
        assert checks_lang() == "en"
        assert check.q6_rule_lift(m.confidence, data["lines"]).message.startswith("not yet. Hint: that is the confidence")
    finally:
        set_lang("en")


def test_data_dictionary_of_the_topic_in_chinese():
    zh = datasets.describe("basket_lines", "zh").set_index("列")
    assert zh.loc["item", "含义"] == "购物篮中的商品（每个购物篮中每种商品至多出现一次）"
    assert "cereal（麦片）" in zh.loc["item", "单位或取值范围"]
    survey = datasets.describe("perceived_value_survey", "zh").set_index("列")
    assert survey.loc["price", "含义"].startswith("感知价格") and survey.loc["firm", "单位或取值范围"].startswith("us（本企业）")
    customers = datasets.describe("value_customers", "zh").set_index("列")
    assert customers.loc["monetary_value", "单位或取值范围"] == "元" and customers.loc["T", "单位或取值范围"] == "26-104 周"
