"""Notebook 04 and its exercises under papermill with non-default parameters; the exercise checks."""

import pandas as pd
import pytest

from crmlab import burnett as bm
from crmlab import datasets
from crmlab.checks import burnett as check

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(ROOT / "notebooks/04_burnett_matrix.ipynb", tmp_path, seed=7, n_accounts=60,
                      n_experts=3, lang="zh", delta=0.1)
    assert errors(nb) == []
    kw = dict(seed=7, n_accounts=60, n_experts=3)
    acc = datasets.generate("burnett_accounts", **kw).frame
    ex = datasets.generate("burnett_expert_scores", **kw).frame
    attr = bm.attractiveness_index(bm.aggregate_experts(ex))
    assert find_number(nb, "Attractiveness of K001 by hand:") == pytest.approx(round(attr["K001"], 3))
    assert find_number(nb, "Attractiveness of K001 by the helper:") == pytest.approx(round(attr["K001"], 3))
    assert find_number(nb, "Top 20% of accounts:") == pytest.approx(round(100 * bm.pareto_share(acc["revenue"]), 1))
    truth = datasets.ground_truth("burnett_accounts", **kw)
    agree = (bm.portfolio(acc, ex)["cell"].to_numpy() == pd.Series(truth["cell"]).to_numpy()).mean()
    assert find_number(nb, "Cells agreeing with the truth:") == pytest.approx(round(100 * agree, 1))
    text = all_text(nb)
    assert "Accounts: 60, experts: 3" in text
    assert "选择性防御" in text and "竞争性客户" in text  # the grid and the readings in Chinese
    assert has_png(nb) >= 4


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n_accounts=40, n_experts=3)
    b = check.exercise_data(seed=2, n_accounts=40, n_experts=3)
    qa = check.ANSWERS["q3"](**a)
    assert check.q3_cells(qa, a["accounts"], a["expert_scores"]).ok is True
    assert check.q3_cells(qa, b["accounts"], b["expert_scores"]).ok is False
    q1a = check.ANSWERS["q1"](**a)
    assert check.q1_attractiveness_by_hand(q1a, a["expert_scores"], a["account"]).ok is True
    assert check.q1_attractiveness_by_hand(q1a, b["expert_scores"], b["account"]).ok is False


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    data = check.exercise_data()
    acc, ex, account = data["accounts"], data["expert_scores"], data["account"]
    q1 = check.ANSWERS["q1"](**data)
    fb = check.q1_attractiveness_by_hand(q1 + 0.1, ex, account)
    assert fb.ok is False and "Hint" in repr(fb) and f"{q1:.2f}" not in repr(fb)
    assert check.q1_attractiveness_by_hand(..., ex, account).ok is None
    q2 = check.ANSWERS["q2"](**data)
    assert check.q2_relationship_by_hand(q2, acc, account).ok is True
    assert check.q2_relationship_by_hand(q2 + 0.05, acc, account).ok is False
    cells = check.ANSWERS["q3"](**data)
    wrong_cells = cells.copy()
    wrong_cells.iloc[0] = "low/poor" if cells.iloc[0] != "low/poor" else "high/good"
    assert check.q3_cells(wrong_cells, acc, ex).ok is False
    assert check.q3_cells(cells.to_dict(), acc, ex).ok is True
    key = check.ANSWERS["q4"](**data)
    assert check.q4_strategy_of_top_cell(key, acc, ex).ok is True
    assert check.q4_strategy_of_top_cell(bm.label(key, "zh"), acc, ex).ok is True
    assert check.q4_strategy_of_top_cell(bm.label(key, "en").upper(), acc, ex).ok is True
    other = "exit" if key != "exit" else "develop"
    fb4 = check.q4_strategy_of_top_cell(other, acc, ex)
    assert fb4.ok is False and key not in repr(fb4)
    n = check.ANSWERS["q5"](**data)
    assert check.q5_volume_weight_change(n, acc, ex).ok is True
    assert check.q5_volume_weight_change(n + 1, acc, ex).ok is False
    assert check.q5_volume_weight_change("many", acc, ex).ok is False
