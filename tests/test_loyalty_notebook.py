"""Notebook 03 and its exercise checks under non-default parameters."""

import pytest

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab.checks import loyalty as check

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook

NOTEBOOKS = ["notebooks/03_loyalty.ipynb", "exercises/solutions/03_loyalty.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_papermill_sees_every_parameter(path):
    import nbformat
    import papermill

    nb = nbformat.read(ROOT / path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    names = [line.split("=")[0].strip() for line in cell.source.splitlines() if "=" in line.split("#")[0]]
    assert all("=" not in line.split("#", 1)[1] for line in cell.source.splitlines() if "#" in line), path
    found = papermill.inspect_notebook(str(ROOT / path))
    assert set(names) == set(found) and "seed" in found, path


def test_split_keeps_value_models_out_of_03():
    import nbformat

    text = "\n".join(c.source for c in nbformat.read(ROOT / NOTEBOOKS[0], as_version=4).cells)
    for gone in ("fit_bgnbd", "retention_sensitivity", "clv_projection", "the printed"):
        assert gone not in text, gone
    assert "06_customer_value" in text and "diff_ci" in text and "churn_reason" in text


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(ROOT / "notebooks/03_loyalty.ipynb", tmp_path, seed=7, n_customers=800, lang="zh")
    assert errors(nb) == []
    tx = datasets.generate("loyalty_transactions", seed=7, n_customers=800).frame
    survey = datasets.generate("loyalty_survey", seed=7, n_customers=800).frame
    assert find_number(nb, "NPS：") == pytest.approx(round(loy.nps(survey)["nps"].iloc[0], 1))
    assert find_number(nb, "手算的重复购买率：") == pytest.approx(
        round(loy.repeat_rate(tx)["rate"].iloc[0], 3))
    churn = loy.churn_by_group(tx, "channel", as_of="2024-12-31")
    text = all_text(nb)
    assert f"该表统计了 800 位客户中的 **{int(churn['n'].sum()):,}** 位" in text
    assert "热心追随者" in text and "长期忠诚客户" in text  # Jones & Sasser types, six groups in Chinese
    assert "the printed" not in text and "Repeat-purchase" not in text and "of the 800 customers" not in text
    assert has_png(nb) >= 10


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n_customers=500)
    b = check.exercise_data(seed=2, n_customers=500)
    qa = check.ANSWERS["q3"](**a)
    assert check.q3_nps(qa, a["survey"]).ok is True
    assert check.q3_nps(qa, b["survey"]).ok is False
    ra = check.ANSWERS["q1"](**a)
    assert check.q1_repeat_rate(ra, a["tx"]).ok is True


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    data = check.exercise_data(seed=4, n_customers=600)
    tx, survey = data["tx"], data["survey"]
    for q, fn, args in [("q2", check.q2_top_decile_profit, (tx,)), ("q4", check.q4_churn_gap, (tx,)),
                        ("q5", check.q5_top_box_loyal, (tx, survey))]:
        right = check.ANSWERS[q](**data)
        fb = fn(right * 1.2 + 1, *args)
        assert fb.ok is False and "Hint" in repr(fb), q
        assert f"{right:.3f}" not in repr(fb) and f"{right:.1f}" not in repr(fb), q
        assert fn(right, *args).ok is True, q
        assert fn(..., *args).ok is None, q
    # counting rows instead of purchase days gets a specific hint
    rows = float((tx.groupby("customer_id").size() >= 2).mean())
    if abs(rows - check.ANSWERS["q1"](**data)) > 0.0015:
        assert "rows" in repr(check.q1_repeat_rate(rows, tx))
    assert check.q3_nps("abc", survey).ok is False
