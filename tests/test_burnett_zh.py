"""The Chinese edition of notebook 04 and exercise 04: what the code prints comes from the helpers' numbers,
in Chinese; the checks accept Chinese names and answer in Chinese."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from crmlab import burnett as bm
from crmlab import datasets
from crmlab.checks import burnett as check
from crmlab.checks import lang as checks_lang
from crmlab.checks import set_lang
from crmlab.labels import t

from nbtools import ROOT, all_text
import nbtools

ZH_NB = ROOT / "notebooks/zh/04_burnett_matrix.ipynb"
ZH_SOLUTION = ROOT / "exercises/zh/solutions/04_burnett_matrix.ipynb"


def markdown_outputs(nb) -> str:
    return "\n".join(nbtools.markdown_outputs(nb))


@pytest.fixture(scope="module")
def shipped():
    acc, ex = datasets.load("burnett_accounts"), datasets.load("burnett_expert_scores")
    return acc, ex, datasets.ground_truth("burnett_accounts")


@pytest.fixture(scope="module")
def zh_nb():
    return nbformat.read(str(ZH_NB), as_version=4)


def test_printed_lines_are_chinese_and_quote_the_helpers(zh_nb, shipped):
    acc, ex, truth = shipped
    text = all_text(zh_nb)
    attr = bm.attractiveness_index(bm.aggregate_experts(ex))
    n_missing = int(ex["score"].isna().sum())
    assert t("bm_nb_data", "zh", n=len(acc), k=ex["expert"].nunique(), m=len(ex), missing=n_missing) in text
    assert t("bm_nb_pareto_helper", "zh", share=bm.pareto_share(acc["revenue"], top=0.2)) in text
    shown = bm.round_half_up(attr["K001"], 3)
    assert t("bm_nb_attr_hand", "zh", account="K001", v=shown) in text
    assert t("bm_nb_attr_helper", "zh", account="K001", v=shown) in text
    agreement = bm.rater_agreement(ex)
    assert t("bm_nb_icc_helper", "zh", icc=agreement.loc["volume", "icc_agreement"]) in text
    m = bm.portfolio(acc, ex)
    agree = (m["cell"].to_numpy() == pd.Series(truth["cell"]).to_numpy()).mean()
    assert f"与真实单元一致的比例：{agree:.1%}" in text
    core = m["strategy"].isin(["develop_defend", "develop"])
    assert t("bm_nb_exit_count", "zh", exit=int((m["strategy"] == "exit").sum()),
             minimal=int((m["strategy"] == "minimal_maintenance").sum())) in text
    assert f"应发展（和防御）的客户：{len(m)} 个中的 {int(core.sum())} 个" in text
    for english in ("Attractiveness of", "Accounts:", "Misplaced:", "Cells agreeing", "Volume weight",
                    "Tertile cuts", "Most sensitive", "CLV (10k CNY"):
        assert english not in text, english


def test_markdown_sentences_are_built_from_the_numbers(zh_nb, shipped):
    acc, ex, truth = shipped
    md = markdown_outputs(zh_nb)
    n_missing = int(ex["score"].isna().sum())
    assert f"{len(ex):,} 条评分中缺失 {n_missing:,} 条" in md
    assert "所以评分宽严倾向并不会让所有指数同样平移" in md
    attr = bm.attractiveness_index(bm.aggregate_experts(ex))
    assert f"手工计算与辅助函数的结果一致：都是 {bm.round_half_up(attr['K001'], 3):.3f}" in md
    m = bm.portfolio(acc, ex)
    dist = bm.cell_distance(m["cell"], pd.Series(truth["cell"], index=truth["account_id"]))
    assert t("bm_nb_wrong", "zh", k=int((dist > 0).sum()), one=int((dist == 1).sum()),
             far=int((dist > 1).sum())) in md
    plan = bm.budget_by_cell(m, 1000.0)
    assert f"最大的单笔金额 {plan['budget'].max():,.1f} 给了" in md
    assert "the " not in md and " of " not in md  # no English sentence glued in


def test_tables_show_chinese_headers_and_values(zh_nb):
    html = "\n".join(o.get("data", {}).get("text/html", "") for c in zh_nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []))
    for code_name in ("strategy_label", "cell_label", "weight_source", "icc_agreement", "budget_per_account",
                      "mean_deviation", "revenue_share", "Develop", "illustrative", "chemicals"):
        assert code_name not in html, code_name
    for chinese in ("策略", "单元", "权数来源", "示例值（本工具默认）", "化工", "钱夹份额", "加权值", "肯德尔 W"):
        assert chinese in html, chinese


def test_the_chinese_solution_prints_a_chinese_model_answer_from_the_plan(shipped):
    acc, ex, _ = shipped
    nb = nbformat.read(str(ZH_SOLUTION), as_version=4)
    text = all_text(nb)
    plan = bm.budget_by_cell(bm.portfolio(acc, ex), 1000, lang="zh")
    share = plan["budget"] / 1000
    far = plan.loc[(share - plan["revenue_share"]).abs().idxmax()]
    assert f"{far['cell_label']}单元（{far['strategy_label']}）获得 {share[far.name]:.0%} 的预算" in text
    assert f"✅ Q4: {t('chk_right', 'zh')}" in text
    assert "The " not in text and "correct." not in text


def test_checks_accept_chinese_names_and_answer_in_chinese():
    try:
        data = check.exercise_data(seed=3, n_accounts=40, n_experts=3, lang="zh")
        assert checks_lang() == "zh"
        acc, ex = data["accounts"], data["expert_scores"]
        strategy = check.ANSWERS["q4"](**data)
        fb = check.q4_strategy_of_top_cell(t(f"bm_{strategy}", "zh"), acc, ex)
        assert fb.status == "right" and fb.message.startswith(t("chk_right", "zh"))
        assert t("bm_note_q4", "zh") in fb.message
        cells = check.ANSWERS["q3"](**data)
        in_chinese = cells.map(lambda c: bm.cell_label(c, "zh"))
        assert in_chinese.iloc[0] != cells.iloc[0]
        assert check.q3_cells(in_chinese, acc, ex).status == "right"
        assert check.q3_cells(in_chinese.str.replace(" ", ""), acc, ex).status == "right"  # '高/良好'
        other = "exit" if strategy != "exit" else "develop"
        fb = check.q4_strategy_of_top_cell(t(f"bm_{other}", "zh"), acc, ex)
        assert fb.status == "wrong" and fb.message == t("chk_wrong", "zh", hint=t("bm_hint_q4", "zh"))
        fb = check.q5_volume_weight_change("四", acc, ex)
        assert fb.status == "wrong" and "一个整数" in fb.message
        fb = check.q1_attractiveness_by_hand(check.ANSWERS["q1"](**data) + 1, ex, data["account"])
        assert fb.status == "wrong" and "缺失的评分不计入" in fb.message
        bad = cells.copy()
        bad.iloc[0] = "高/很好"
        assert "这些不是单元" in check.q3_cells(bad, acc, ex).message
        check.exercise_data(seed=3, n_accounts=40, n_experts=3)
        assert checks_lang() == "en"
        assert check.q4_strategy_of_top_cell(other, acc, ex).message.startswith("not yet. Hint: add up our sales")
    finally:
        set_lang("en")


def test_data_dictionary_of_the_burnett_datasets_in_chinese():
    zh = datasets.describe("burnett_accounts", "zh").set_index("列")
    assert zh.loc["wallet_share", "含义"] == "目前我们在客户本品类支出中所占的份额（钱夹份额）"
    assert zh.loc["relationship_years", "单位或取值范围"] == "年"
    ex = datasets.describe("burnett_expert_scores", "zh").set_index("列")
    assert ex.loc["score", "单位或取值范围"] == "1-5，可为空"
    assert datasets.describe("burnett_accounts").equals(datasets.describe("burnett_accounts", "en"))
