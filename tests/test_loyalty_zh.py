"""The Chinese edition of notebook 03 and exercise 03: its sentences quote the helpers' numbers, the checks
speak Chinese, and the English notebook still says what it said."""

from __future__ import annotations

import functools
import re

import nbformat
import pytest

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab.checks import lang as checks_lang
from crmlab.checks import loyalty as check
from crmlab.checks import set_lang
from crmlab.labels import source, t
from crmlab.stats import diff_ci

from nbtools import ROOT, all_text, errors, run_notebook
from nbtools import markdown_outputs as _markdown
from test_zh_edition import latin_sentences

ZH_NB = ROOT / "notebooks/zh/03_loyalty.ipynb"
EN_NB = ROOT / "notebooks/03_loyalty.ipynb"
CJK = re.compile(r"[\u3400-\u9fff]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _shown(cell) -> str:
    """What a reader sees of a code cell: printed text, and of each display its HTML (a table unwrapped), Markdown
    or plain text."""
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o["text"])
        for mime in ("text/html", "text/markdown", "text/plain"):
            if mime in o.get("data", {}) and "image/png" not in o["data"]:
                parts.append("".join(o["data"][mime]))
                break
    return "\n".join(parts)


@functools.cache
def _digit_labels(lang: str) -> tuple[str, ...]:
    """The short labels that carry a digit of their own in one language ("Keep (top decile)" is "保留（前 10%）")."""
    keys = [k for k, en in source().items() if "{" not in en and len(en) < 40 and re.search(r"\d", t(k, "zh"))]
    return tuple(sorted({t(k, lang) for k in keys}, key=len, reverse=True))


def _without_labels(text: str, lang: str) -> str:
    for label in _digit_labels(lang):
        text = text.replace(label, " ")
    return text


def _figures(seed=3, n_customers=2000):
    tx = datasets.generate("loyalty_transactions", seed=seed, n_customers=n_customers).frame
    survey = datasets.generate("loyalty_survey", seed=seed, n_customers=n_customers).frame
    churn = loy.churn_by_group(tx, "channel", as_of="2024-12-31", inactive_days=180)
    worst, best = churn["rate"].idxmax(), churn["rate"].idxmin()
    d, lo, hi = diff_ci(churn.loc[worst, "churned"], churn.loc[worst, "n"], churn.loc[best, "churned"],
                        churn.loc[best, "n"])
    return tx, survey, churn, worst, best, (d * 100, lo * 100, hi * 100)


def _sentence(md: list[str], start: str) -> str:
    found = [m for m in md if start in m]
    assert found, f"no Markdown output contains {start!r}"
    return found[0]


def test_committed_chinese_sentences_quote_the_helpers_numbers():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    md = _markdown(nb)
    tx, survey, churn, worst, best, (d, lo, hi) = _figures()
    s = _sentence(md, "该表统计了")
    assert f"该表统计了 2,000 位客户中的 **{int(churn['n'].sum()):,}** 位" in s
    assert f"通过 **{t(worst, 'zh')}** 获得的客户流失率最高（{churn.loc[worst, 'rate']:.1%}）" in s
    assert f"差值为 {d:+.1f} 个百分点，Newcombe 95% 区间为 {lo:+.1f} 至 {hi:+.1f}" in s
    assert ("超出了抽样误差" in s) == (lo > 0)  # the verdict follows the interval
    nps = loy.nps(survey).iloc[0]
    s = _sentence(md, "NPS = ")
    assert f"NPS = {nps['promoters']:.1%} 推荐者 - {nps['detractors']:.1%} 贬损者 = **{nps['nps']:.0f}**" in s
    assert ("劝朋友别来的客户多于" in s) == (nps["nps"] < 0)
    tucker = loy.tucker_loyal(tx, n=3, window=365)
    assert f"2,000 位客户中占 **{tucker.mean():.1%}**" in _sentence(md, "Tucker 法则的忠诚客户")
    top = loy.purchase_deciles(tx).iloc[0]
    assert f"第一个十分位组贡献了 **{top['sales_share']:.1%}** 的销售额和 **{top['profit_share']:.1%}** 的利润" in \
        _sentence(md, "第一个十分位组")
    assert not any(latin_sentences(m) for m in md)


def test_chinese_and_english_notebooks_show_the_same_numbers():
    """Cell by cell, the printed lines, tables and sentences of the two editions carry the same numbers:
    only the words changed (the widget cell, whose text is its state, left out)."""
    en, zh = (nbformat.read(str(p), as_version=4) for p in (EN_NB, ZH_NB))
    assert len(en.cells) == len(zh.cells)
    compared = 0
    for a, b in zip(en.cells, zh.cells):
        if a.cell_type != "code" or "nbval-ignore-output" in a.metadata.get("tags", []):
            continue
        x, y = (sorted(NUMBER.findall(_without_labels(_shown(c), lg))) for c, lg in ((a, "en"), (b, "zh")))
        assert x == y, a.source[:80]
        compared += bool(x)
    assert compared >= 30


def test_committed_chinese_notebook_has_chinese_tables_and_no_english_lines():
    text = all_text(nbformat.read(str(ZH_NB), as_version=4))
    for zh in ("首次购买渠道", "手机应用", "RFM 细分", "冠军客户", "累计利润份额", "保留（前 10%）", "流失率降低一个百分点的价值",
               "推荐者", "Jones & Sasser 类型", "热心追随者", "长期忠诚客户", "仅最高评分（5）", "价格容忍度（%）"):
        assert zh in text, zh
    for en in ("Repeat-purchase rate", "transactions of", "same R scores", "Gini of sales", "margin rate below",
               "acquired per quarter", "NPS by hand", "Champions", "Transaction customers", "Long-term loyal",
               "cum_profit_share", "value_per_point", "respondents"):
        assert en not in text, en


def test_the_english_notebook_keeps_its_sentences():
    md = _markdown(nbformat.read(str(EN_NB), as_version=4))
    _, survey, churn, worst, best, (d, lo, hi) = _figures()
    s = _sentence(md, "The table counts")
    assert f"The table counts **{int(churn['n'].sum()):,}** of the 2,000 customers" in s
    assert f"{d:+.1f} points, Newcombe 95% interval {lo:+.1f} to {hi:+.1f}, so the gap is" in s
    assert not CJK.search(s)
    nps = loy.nps(survey).iloc[0]
    assert f"= **{nps['nps']:.0f}** (95% interval" in _sentence(md, "NPS = ")


@pytest.mark.slow
def test_chinese_run_with_another_seed_follows_the_numbers(tmp_path):
    nb = run_notebook(EN_NB, tmp_path, seed=11, n_customers=600, lang="zh")
    assert errors(nb) == []
    md = _markdown(nb)
    tx, survey, churn, worst, best, (d, lo, hi) = _figures(seed=11, n_customers=600)
    s = _sentence(md, "该表统计了")
    assert f"该表统计了 600 位客户中的 **{int(churn['n'].sum()):,}** 位" in s
    assert f"Newcombe 95% 区间为 {lo:+.1f} 至 {hi:+.1f}" in s
    assert ("超出了抽样误差" if lo > 0 else "仍在抽样误差之内") in s
    nps = loy.nps(survey).iloc[0]
    assert f"= **{nps['nps']:.0f}**（95% 区间 {nps['ci_low']:.0f} 至 {nps['ci_high']:.0f}）" in _sentence(md, "NPS = ")
    assert not any(latin_sentences(m) for m in md)
    assert "Repeat-purchase" not in all_text(nb)


# ---------------------------------------------------------------- exercise 03 in Chinese
@pytest.fixture
def zh_data():
    data = check.exercise_data(seed=4, n_customers=600, lang="zh")
    yield data
    set_lang("en")


def test_the_checks_speak_chinese(zh_data):
    tx, survey = zh_data["tx"], zh_data["survey"]
    assert checks_lang() == "zh"
    assert repr(check.q1_repeat_rate(..., tx)) == "⏳ Q1: 尚未作答。请把 ... 替换为你的代码，再运行这个单元格。"
    right = check.ANSWERS["q1"](**zh_data)
    assert repr(check.q1_repeat_rate(right, tx)) == "✅ Q1: 正确。"
    fb = check.q1_repeat_rate(right + 0.2, tx)
    assert fb.status == "wrong" and fb.message.startswith("还不对。提示：重复购买客户是在两个或更多不同的日子")
    fb = check.q3_nps(check.ANSWERS["q3"](**zh_data) + 30, survey)
    assert fb.status == "wrong" and "推荐者比例减去贬损者比例" in fb.message
    slip = check._churn_gap_everyone(tx)
    if abs(slip - check.ANSWERS["q4"](**zh_data)) > 0.2:
        fb = check.q4_churn_gap(slip, tx)
        assert fb.status == "close" and "至少 180 天获得的客户" in fb.message
    top_two = check._top_two_loyal(tx, survey)
    if abs(top_two - check.ANSWERS["q5"](**zh_data)) > 0.01:
        assert "最高评分只有 5 分" in check.q5_top_box_loyal(top_two, tx, survey).message
    # every hint of the topic is Chinese, none falls back to the English
    for key in (k for k in source() if k.startswith("loy_hint_")):
        assert CJK.search(t(key, "zh")) and not latin_sentences(t(key, "zh")), key
    data = check.exercise_data(seed=4, n_customers=600)  # and English again afterwards
    assert check.q1_repeat_rate(right + 0.2, data["tx"]).message.startswith("not yet. Hint: a repeat customer")


def test_a_chinese_written_answer_is_recorded_and_the_chinese_model_answer_passes(zh_data):
    """Q6 is the exercise's one answer in words: a Chinese answer counts (a character is half a word)."""
    assert check.q6_interpretation("线上流失率更高，应该转移预算。").ok is False  # far too short
    tx, survey = zh_data["tx"], zh_data["survey"]
    churn = loy.churn_by_group(tx, "channel", as_of="2024-12-31", inactive_days=180, margin="margin")
    d, lo, hi = diff_ci(churn.loc["online", "churned"], churn.loc["online", "n"],
                        churn.loc["store", "churned"], churn.loc["store", "n"])
    reasons = survey.loc[survey["customer"], "churn_reason"].value_counts(normalize=True)
    model = t("loy_ex_q6_model_excludes" if lo > 0 else "loy_ex_q6_model_includes", "zh", d=d * 100, lo=lo * 100,
              hi=hi * 100, online=churn.loc["online", "value_per_point"], store=churn.loc["store", "value_per_point"],
              reason=t("reason_" + reasons.index[0], "zh"), share=reasons.iloc[0])
    assert f"{d * 100:.1f} 个百分点" in model and t("reason_" + reasons.index[0], "zh") in model
    assert ("不包含零" in model) == (lo > 0)
    assert not latin_sentences(model)
    fb = check.q6_interpretation(model)
    assert fb.status == "manual" and fb.message.startswith("已记录")


def test_the_exercise_texts_are_chinese_in_the_chinese_copies():
    solution = nbformat.read(str(ROOT / "exercises/zh/solutions/03_loyalty.ipynb"), as_version=4)
    student = nbformat.read(str(ROOT / "exercises/zh/03_loyalty.ipynb"), as_version=4)
    assert student.cells[0].source.startswith("# 练习：客户忠诚")
    checks = [o for c in solution.cells if c.cell_type == "code" and c.source.startswith("check.")
              for o in c.outputs]
    assert len(checks) == 6 and all(CJK.search(o["data"]["text/plain"]) for o in checks)
    assert sum(c.source.startswith("# Solution: q") for c in solution.cells) == 6
    params = next(c for c in student.cells if "parameters" in c.metadata.get("tags", []))
    assert 'lang = "zh"' in params.source and "seed = 3" in params.source


def test_data_dictionary_of_the_loyalty_datasets_in_chinese():
    for name in ("loyalty_survey", "loyalty_transactions"):
        zh = datasets.describe(name, "zh").set_index("列")
        assert all(CJK.search(m) for m in zh["含义"]), name  # no meaning falls back to the spec's English
        en = datasets.describe(name).set_index("column")
        assert list(zh.index) == list(en.index)
    zh = datasets.describe("loyalty_transactions", "zh").set_index("列")
    assert zh.loc["amount", "单位或取值范围"] == "元" and zh.loc["date", "含义"] == "购买日期"
