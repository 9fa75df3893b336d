"""The Chinese edition of notebook 07 and exercise 07: sentences from the helpers' numbers, Chinese tables,
widget labels and data dictionary, and checks that accept Chinese names and answer in Chinese."""

from __future__ import annotations

import re

import nbformat
import pytest

from crmlab import datasets, pls
from crmlab.checks import pls as check, set_lang
from crmlab.labels import t

from nbtools import ROOT, all_text, errors, find_number, run_notebook
import nbtools

ZH_NB = ROOT / "notebooks/zh/07_satisfaction_index_pls.ipynb"
ZH_SOL = ROOT / "exercises/zh/solutions/07_satisfaction_index_pls.ipynb"
ZH_STUDENT = ROOT / "exercises/zh/07_satisfaction_index_pls.ipynb"


def _markdown(nb) -> str:
    return "\n".join(nbtools.markdown_outputs(nb))


@pytest.fixture(scope="module")
def shipped():
    survey = datasets.load("ecsi_survey")
    return survey, pls.pls_path_model(survey, n_boot=200, seed=42)


@pytest.fixture
def zh_checks():
    yield
    set_lang("en")


def test_committed_chinese_notebook_quotes_the_helpers_numbers(shipped):
    survey, fit = shipped
    nb = nbformat.read(str(ZH_NB), as_version=4)
    assert errors(nb) == []
    md, text = _markdown(nb), all_text(nb)
    assert f"顾客满意的 R²：**{fit.r2['SAT']:.3f}**；顾客忠诚的 R²：**{fit.r2['LOY']:.3f}**。" in md
    te = fit.bootstrap["total_effects"].loc["QUAL -> SAT"]
    assert f"**感知质量**对满意度的总效应最大：{te['original']:.2f}（95% 区间 {te['ci_low']:.2f} 至 {te['ci_high']:.2f}）" in md
    index = pls.satisfaction_index(survey, fit)
    assert find_number(nb, "满意度指数：") == pytest.approx(round(index["index"].iloc[0], 1))
    assert f"（95% 置信区间 {index['ci_low'].iloc[0]:.1f} 至 {index['ci_high'].iloc[0]:.1f}）" in text
    rel = pls.reliability(fit)
    multi = rel[rel["n_items"] > 1]
    assert f"克朗巴哈 α 系数介于 {multi['alpha'].min():.3f} 与 {multi['alpha'].max():.3f} 之间" in md
    seg = pls.satisfaction_index(survey, fit, by="segment")["index"]
    best, worst = seg.idxmax(), seg.idxmin()
    assert (f"得分最高的细分是{t(best, 'zh')}（{seg[best]:.1f}），最低的是{t(worst, 'zh')}（{seg[worst]:.1f}）。"
            in md)
    assert "1000 名受访者，各细分：" in text and " respondents" not in text
    # the printed sentences are Chinese: no English sentence from the code is left
    assert not re.search(r"\b(?:the|and|of|with|is)\b", md)


def test_committed_chinese_notebook_tables_are_in_chinese():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    html = "\n".join(o["data"]["text/html"] for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "text/html" in o.get("data", {}))
    for header in ("组合信度 rho_c", "克朗巴哈 α", "估计值", "95% 区间下限", "标准误",
                   "重要性", "绩效", "总效应", "等权重", "真实值", "误差", "简单分值法 CSI", "PLS 模型指数（ACSI 权重）"):
        assert f"<th>{header}</th>" in html, header
    for name in ("企业形象", "顾客抱怨", "预付费", "合约", "企业客户"):  # index values: constructs and segments
        assert f"<th>{name}</th>" in html, name
    for english in ("<th>ci_low</th>", "<th>total_effect</th>", "<th>performance</th>", "<th>prepaid</th>",
                    "<th>SAT</th>", "<th>estimated</th>", "<th>construct</th>"):
        assert english not in html, english


def test_committed_english_notebook_keeps_the_codes_names():
    nb = nbformat.read(str(ROOT / "notebooks/07_satisfaction_index_pls.ipynb"), as_version=4)
    html = "\n".join(o["data"]["text/html"] for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "text/html" in o.get("data", {}))
    assert "<th>ci_low</th>" in html and "<th>rho_c</th>" in html and "<th>prepaid</th>" in html
    assert "组合信度" not in html


def test_chinese_checks_accept_chinese_names_and_hint_in_chinese(zh_checks):
    survey = check.exercise_data(seed=3, n=400, lang="zh")["survey"]
    top = check.ANSWERS["q2"](survey)
    fb = check.q2_top_total_effect(t(top, "zh"), survey)  # the Chinese name of the driver
    assert fb.status == "right" and repr(fb).startswith("✅ Q2")
    other = next(d for d in check.DRIVERS if d != top)
    fb = check.q2_top_total_effect(t(other, "zh"), survey)
    assert fb.status == "wrong" and fb.message.startswith("还不对。提示：不要只看直接箭头")
    idx = check.ANSWERS["q3"](survey)
    zh_idx = idx.rename({s: t(s, "zh") for s in idx.index})  # 预付费, 合约, 企业客户
    assert check.q3_index_by_segment(zh_idx.round(1), survey).status == "right"
    fb = check.q3_index_by_segment(zh_idx + 3, survey)
    assert fb.status == "wrong" and "指数权重是把外部权重还原到 1-10 分的量表上" in fb.message
    assert "提示" in check.q5_paths_with_zero(["SAT -> LOY"], survey).message
    assert "200 次重抽样" in check.q5_paths_with_zero(["SAT -> LOY"], survey).message
    assert check.q4_r2_without_path(..., survey).message.startswith("尚未作答")


def test_chinese_model_answer_is_built_from_the_students_numbers(zh_checks):
    survey = check.exercise_data(seed=3, n=400, lang="zh")["survey"]
    model = check.model_answer_q6(survey)
    fit = check._fit(survey, check.N_BOOT)
    table = pls.ipma(survey, fit, "SAT")
    pick = next(d for d in table.index if f"应优先改进{t(d, 'zh')}（{d}）" in model)
    ci = fit.bootstrap["total_effects"].loc[f"{pick} -> SAT"]
    assert f"总效应为 {table.loc[pick, 'total_effect']:.2f}（95% 自助法区间 {ci['ci_low']:.2f} 至 {ci['ci_high']:.2f}" in model
    assert f"而各驱动因素的平均为 {table['performance'].mean():.1f}" in model
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", model)  # no English phrase (codes such as QUAL stay)
    assert check.q6_priority(model, survey).status == "manual"
    set_lang("en")
    assert check.model_answer_q6(survey).startswith(f"Improve {t(pick)} ({pick}) first")


def test_committed_chinese_solution_and_student_copy():
    nb = nbformat.read(str(ZH_SOL), as_version=4)
    assert errors(nb) == []
    text = all_text(nb)
    assert "名受访者；7 个潜变量，12 条路径" in text and "respondents" not in text
    assert all(f"✅ Q{k}: 正确。" in text for k in range(1, 6))  # the verdicts in Chinese
    assert "📝 Q6: 已记录。" in text
    assert "Hint" not in text and "not yet" not in text and "correct." not in text
    assert "应优先改进" in text and "局限：" in text  # the model answer of Q6, in Chinese
    assert "<th>重要性</th>" in text and "<th>总效应</th>" in text
    student = ZH_STUDENT.read_text(encoding="utf-8")
    assert "# 你的答案：把 ... 替换为你的代码" in student and "应优先改进" not in student
    assert 'lang = \\"zh\\"' in student


def test_widget_speaks_chinese():
    import matplotlib

    matplotlib.use("Agg")
    from crmlab.widgets import pls_explorer

    w = pls_explorer(datasets.load("ecsi_survey").head(200), lang="zh")
    scheme, std, share = w.children[0].children
    assert (scheme.description, std.description, share.description) == ("权重方案", "标准化", "样本比例")
    assert [label for label, _ in scheme.options] == ["重心法", "因子法", "路径法"]
    assert scheme.value == "centroid"
    scheme.value = "factorial"  # the value stays the code's name
    assert "满意度指数" in w.children[1].value


def test_data_dictionary_of_ecsi_survey_in_chinese():
    zh = datasets.describe("ecsi_survey", "zh").set_index("列")
    assert zh.loc["sat1", "含义"] == "总体满意度" and zh.loc["comp1", "单位或取值范围"] == "1-10"
    assert zh.loc["segment", "单位或取值范围"].startswith("预付费 (prepaid)")
    assert not zh["含义"].str.contains(r"[A-Za-z]{4,}").any()


@pytest.mark.slow
def test_chinese_notebook_with_another_seed_follows_the_numbers(tmp_path):
    nb = run_notebook(ZH_NB, tmp_path, seed=7, n_respondents=500, n_boot=40)
    assert errors(nb) == []
    survey = datasets.generate("ecsi_survey", seed=7, n=500).frame
    fit = pls.pls_path_model(survey, n_boot=40, seed=7)
    md = _markdown(nb)
    assert f"顾客满意的 R²：**{fit.r2['SAT']:.3f}**" in md
    te = fit.bootstrap["total_effects"]
    on_sat = te.loc[[f"{d} -> SAT" for d in ("IMAG", "EXPE", "QUAL", "VAL")]]
    top = on_sat["original"].idxmax()
    assert (f"**{t(top.split(' -> ')[0], 'zh')}**对满意度的总效应最大：{on_sat.loc[top, 'original']:.2f}"
            f"（95% 区间 {on_sat.loc[top, 'ci_low']:.2f} 至 {on_sat.loc[top, 'ci_high']:.2f}）") in md
    assert "500 名受访者" in all_text(nb)
