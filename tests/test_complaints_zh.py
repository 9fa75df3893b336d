"""The Chinese edition of notebook 02 and exercise 02: sentences from the helpers' numbers, Chinese tables, checks in Chinese."""

import re

import nbformat
import pytest

from crmlab import complaints as cp
from crmlab import datasets
from crmlab.checks import complaints as check
from crmlab.checks import set_lang
from crmlab.labels import t

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook
from nbtools import markdown_outputs as _markdown

ZH_NB = ROOT / "notebooks/zh/02_complaints.ipynb"


def _html(nb) -> str:
    return "\n".join(o["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                     if "text/html" in o.get("data", {}))


def _check_chinese_run(nb, seed, n, sla):
    """The printed lines and Markdown sentences of a Chinese run are the helpers' numbers, in Chinese."""
    log_data = datasets.generate("complaint_log", seed=seed, n=n)
    log = log_data.frame
    k = cp.complaint_kpis(log, sla_hours=sla).iloc[0]
    assert find_number(nb, f"在 SLA（{sla} 小时）内解决：") == pytest.approx(round(k["sla_share"] * 100, 1))
    assert find_number(nb, "解决时间 P90：") == pytest.approx(round(k["resolution_p90_h"], 1))
    cust = datasets.generate("complaint_customers", seed=seed, n_complaints=n).frame
    rec = cp.recovery_table(cust)
    assert find_number(nb, "服务补救效应：") == pytest.approx(round(rec.difference * 100, 1))
    adj = cp.recovery_adjusted(cust, by="tier")
    assert f"；等级内：{adj.difference * 100:+.1f} 个百分点" in all_text(nb)
    rm = cp.restricted_mean(log, horizon=720, end=log_data.truth["period_end"]).iloc[0]
    assert find_number(nb, "平均未结时长为 **") == pytest.approx(round(rm["rmst_h"], 1))
    md = "\n".join(_markdown(nb))
    verdict = t(f"cp_nb_adj_{adj.verdict}", "zh", d=adj.difference * 100, conf=0.95, lo=adj.diff_low * 100,
                hi=adj.diff_high * 100)
    assert verdict in md  # the verdict sentence follows the data
    q = cp.queue_metrics(datasets.generate("contact_queue", seed=seed).frame).iloc[0]
    assert f"其余 **{1 - q['handled_rate'] - q['abandon_rate']:.1%}** 接通后转入语音信箱" in md
    par = cp.pareto(log, "category")
    names = "、".join(t(f"cp_{c}", "zh") for c in par.index[par["abc"] == "A"])
    text = all_text(nb)
    assert f"：{names}\n" in text  # class A in Chinese, in the order of the Pareto table
    assert f"{n} 起投诉" in text and "complaints" not in text.replace("complaints_", "")
    assert "确定问题究竟是什么" in text and "寻求上一级的帮助" in text  # decision model in Chinese
    html = _html(nb)
    for english in ("resolution_p90_h", "sla_share", "complained_resolved", "no_problem", ">phone<", ">delivery<",
                    ">gold<", ">full<", "Kaplan-Meier<", ">all<"):
        assert english not in html, english  # table headers, index labels and values are labelled
    for chinese in ("解决时间 P90（小时）", "投诉并解决", "金卡会员", "完全解决", "全部来电"):
        assert chinese in html, chinese


def test_committed_chinese_notebook_prints_the_helpers_numbers_in_chinese():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    assert errors(nb) == []
    _check_chinese_run(nb, seed=42, n=3000, sla=48)
    assert has_png(nb) >= 8


@pytest.mark.slow
def test_chinese_notebook_runs_with_another_seed_size_and_sla(tmp_path):
    nb = run_notebook(ZH_NB, tmp_path, seed=7, n_complaints=600, sla_hours=72)
    assert errors(nb) == []
    _check_chinese_run(nb, seed=7, n=600, sla=72)


def test_chinese_sentences_have_no_english_left():
    nb = nbformat.read(str(ZH_NB), as_version=4)
    streams = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                      if o.get("output_type") == "stream")
    for text in _markdown(nb) + [streams]:
        # outside code spans and brackets, no run of two English words (names such as Kaplan-Meier are one)
        bare = re.sub(r"`[^`]*`|（[^）]*）|\([^)]*\)", " ", text)
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", bare), text[:200]


def test_checks_accept_chinese_names_and_hint_in_chinese():
    try:
        data = check.exercise_data(seed=5, n=400, lang="zh")
        log, customers = data["log"], data["customers"]
        p90 = cp.complaint_kpis(log, by="channel")["resolution_p90_h"]
        chinese = p90.rename(index=lambda c: t(f"cp_{c}", "zh"))
        assert "电话" in chinese.index
        assert check.q2_p90_by_channel(chinese, log).status == "right"  # channels named in Chinese
        path = check.ANSWERS["q5"]()
        zh_path = [t(f"cp_dm_{node}", "zh") for node in path]
        assert zh_path[0] == "确定问题究竟是什么"
        assert check.q5_decision_walk(zh_path).status == "right"  # nodes named in Chinese
        assert check.q5_decision_walk([t(f"cp_dm_{node}", "en") for node in path]).status == "right"
        fb = check.q5_decision_walk(zh_path[:1] + zh_path[2:])
        assert fb.status == "wrong" and fb.message == "还不对。提示：" + t("cp_hint_q5_other", "zh")
        fb = check.q2_p90_by_channel(chinese + 50, log)
        assert fb.status == "wrong" and fb.message.startswith("还不对。提示：仍未结的案件并不是缺失数据")
        wrong_class = "C" if check.ANSWERS["q1"](**data) != "C" else "A"
        assert check.q1_pareto_class(wrong_class, log).message.startswith("还不对。提示：按投诉数对类别排序")
        fb = check.q4_paradox_holds(check.ANSWERS["q4"](**data), customers)
        assert fb.status == "right" and fb.message == "正确。 " + t("cp_hint_q4_next", "zh")
        assert repr(check.q3_bad_word_of_mouth(..., log)).startswith("⏳ Q3: 尚未作答")
        data = check.exercise_data(seed=5, n=400)
        assert check.q1_pareto_class(wrong_class, data["log"]).message.startswith("not yet. Hint: sort")
    finally:
        set_lang("en")


def test_chinese_solution_has_a_chinese_model_answer_and_the_student_copy_a_stub():
    sol = nbformat.read(str(ROOT / "exercises/zh/solutions/02_complaints.ipynb"), as_version=4)
    out = all_text(sol)
    assert "原始比较 " in out and "📝 Q6: 已记录" in out and "✅ Q5: 正确。" in out
    assert "Hint" not in out and "correct." not in out
    student = nbformat.read(str(ROOT / "exercises/zh/02_complaints.ipynb"), as_version=4)
    params = next(c for c in student.cells if "parameters" in c.metadata.get("tags", []))
    assert 'lang = "zh"' in params.source
    assert student.cells[0].source.startswith("# 练习：投诉处理")


def test_q6_model_answer_is_long_enough_and_follows_the_numbers():
    from crmlab.checks import _words
    from crmlab.labels import sentences

    cust = check.exercise_data(seed=42, n=3000)["customers"]
    adj = cp.recovery_adjusted(cust, by="tier")
    ci = dict(raw=adj.raw * 100, raw_lo=adj.raw_low * 100, raw_hi=adj.raw_high * 100, d=adj.difference * 100,
              lo=adj.diff_low * 100, hi=adj.diff_high * 100)
    for lang in ("en", "zh"):
        text = sentences([t("cp_ex_q6_raw_holds" if adj.raw_low > 0 else "cp_ex_q6_raw_not", lang, seed=42, **ci),
                          t("cp_ex_q6_mix", lang, gold_res=0.3, gold_none=0.15),
                          t("cp_ex_q6_adj_above" if adj.diff_low > 0 else "cp_ex_q6_adj_zero", lang, **ci),
                          t("cp_ex_q6_advice", lang)], lang)
        assert _words(text) >= check.Q6_MIN_WORDS
        assert f"{adj.raw * 100:+.1f}" in text and f"{adj.diff_low * 100:+.1f}" in text


def test_data_dictionary_of_the_complaint_datasets_in_chinese():
    log = datasets.describe("complaint_log", "zh").set_index("列")
    assert log.loc["resolved", "含义"].startswith("结案时间")
    assert log.loc["severity", "单位或取值范围"] == "low（低）/ medium（中）/ high（高）"
    cust = datasets.describe("complaint_customers", "zh").set_index("列")
    assert "混杂因素" in cust.loc["tier", "含义"]
    queue = datasets.describe("contact_queue", "zh").set_index("列")
    assert queue.loc["wait_seconds", "单位或取值范围"] == "秒"
    assert datasets.describe("contact_queue").equals(datasets.describe("contact_queue", "en"))


def test_exercise_data_refuses_an_unknown_language():
    from crmlab.errors import CRMDataError

    try:
        with pytest.raises(CRMDataError, match="lang='fr'"):
            check.exercise_data(seed=1, n=50, lang="fr")
    finally:
        set_lang("en")
