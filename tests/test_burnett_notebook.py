"""Notebook 04 and its exercises under papermill with non-default parameters; the exercise checks."""

import re
import warnings

import pandas as pd
import pytest

from crmlab import burnett as bm
from crmlab import datasets
from crmlab.checks import burnett as check
from crmlab.labels import t

from nbtools import EXERCISES, NOTEBOOKS, ROOT, all_text, errors, find_number, has_png, run_notebook
from nbtools import markdown_outputs

PARAMETERS = {"seed", "n_accounts", "n_experts", "lang", "delta", "budget", "discount"}


@pytest.mark.parametrize("path, expected", [
    (NOTEBOOKS / "04_burnett_matrix.ipynb", PARAMETERS),
    (EXERCISES / "solutions/04_burnett_matrix.ipynb", {"seed", "n_accounts", "n_experts", "lang"}),
    (EXERCISES / "04_burnett_matrix.ipynb", {"seed", "n_accounts", "n_experts", "lang"}),
    (NOTEBOOKS / "zh/04_burnett_matrix.ipynb", PARAMETERS),
    (EXERCISES / "zh/solutions/04_burnett_matrix.ipynb", {"seed", "n_accounts", "n_experts", "lang"}),
    (EXERCISES / "zh/04_burnett_matrix.ipynb", {"seed", "n_accounts", "n_experts", "lang"}),
])
def test_papermill_sees_every_parameter(path, expected):
    """A '=' in a parameter's comment hides it from papermill ("Passed unknown parameter: seed")."""
    import papermill as pm

    assert set(pm.inspect_notebook(str(path))) == expected


def test_committed_notebook_sentences_quote_their_numbers():
    import nbformat

    nb = nbformat.read(str(NOTEBOOKS / "04_burnett_matrix.ipynb"), as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"\bthe printed\b", prose, re.I)
    md = "\n".join(markdown_outputs(nb))
    acc, ex = datasets.load("burnett_accounts"), datasets.load("burnett_expert_scores")
    n_missing = int(ex["score"].isna().sum())
    assert f"{n_missing} of {len(ex):,} scores are missing" in md
    assert "leniency does not shift all indices alike" in md
    assert "The hand computation and the helper agree" in md
    truth = datasets.ground_truth("burnett_accounts")
    m = bm.portfolio(acc, ex)
    dist = bm.cell_distance(m["cell"], pd.Series(truth["cell"], index=truth["account_id"]))
    assert f"Of the {int((dist > 0).sum())} misplaced accounts, {int((dist == 1).sum())} sit in a neighbouring" in md
    assert "next to the diagonal" in md


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        nb = run_notebook(ROOT / "notebooks/04_burnett_matrix.ipynb", tmp_path, seed=7, n_accounts=60,
                          n_experts=3, lang="zh", delta=0.1, budget=500.0, discount=0.12)
    assert not [w for w in seen if "unknown parameter" in str(w.message).lower()]
    assert errors(nb) == []
    kw = dict(seed=7, n_accounts=60, n_experts=3)
    acc = datasets.generate("burnett_accounts", **kw).frame
    ex = datasets.generate("burnett_expert_scores", **kw).frame
    attr = bm.attractiveness_index(bm.aggregate_experts(ex))
    shown = bm.round_half_up(attr["K001"], 3)
    text = all_text(nb)  # lang zh: the printed lines come from the Chinese catalogue
    assert t("bm_nb_attr_hand", "zh", account="K001", v=shown) in text
    assert t("bm_nb_attr_helper", "zh", account="K001", v=shown) in text
    assert find_number(nb, "前 20% 的客户：占销售额的") == pytest.approx(round(100 * bm.pareto_share(acc["revenue"]), 1))
    truth = datasets.ground_truth("burnett_accounts", **kw)
    m = bm.portfolio(acc, ex)
    agree = (m["cell"].to_numpy() == pd.Series(truth["cell"]).to_numpy()).mean()
    assert find_number(nb, "与真实单元一致的比例：") == pytest.approx(round(100 * agree, 1))
    icc = bm.rater_agreement(ex).loc["volume", "icc_agreement"]
    assert find_number(nb, "手工计算的 ICC(2,1) 为") == pytest.approx(round(icc, 3))
    assert "客户数：60，专家数：3" in text and "Accounts:" not in text
    assert "选择性防御" in text and "竞争性客户" in text  # the grid and the readings in Chinese
    assert has_png(nb) >= 6  # disagreement, share trend, map, budget, sensitivity, cells
    md = "\n".join(markdown_outputs(nb))
    plan = bm.budget_by_cell(m, 500.0)
    assert "获得 500 预算中的" in md and f"{plan['budget'].max():,.1f}" in md


@pytest.mark.slow
def test_seed_5_sentences_stay_true(tmp_path):
    """Seed 5 is where the old text said "the helper reproduces" over 2.488 vs 2.487 (a float tie)."""
    nb = run_notebook(ROOT / "notebooks/04_burnett_matrix.ipynb", tmp_path, seed=5, lang="zh")
    assert errors(nb) == []
    ex = datasets.generate("burnett_expert_scores", seed=5).frame
    attr = bm.attractiveness_index(bm.aggregate_experts(ex))
    shown = bm.round_half_up(attr["K001"], 3)
    assert find_number(nb, "K001 的客户吸引力（手工计算）：") == shown == find_number(
        nb, "K001 的客户吸引力（辅助函数）：")
    md = "\n".join(markdown_outputs(nb))
    assert f"手工计算与辅助函数的结果一致：都是 {shown:.3f}" in md
    n_missing = int(ex["score"].isna().sum())
    assert n_missing > 0 and f"{len(ex):,} 条评分中缺失 {n_missing:,} 条" in md


def test_checks_recompute_from_the_students_data():
    a = check.exercise_data(seed=1, n_accounts=40, n_experts=3)
    b = check.exercise_data(seed=2, n_accounts=40, n_experts=3)
    qa = check.ANSWERS["q3"](**a)
    assert check.q3_cells(qa, a["accounts"], a["expert_scores"]).ok is True
    assert check.q3_cells(qa, b["accounts"], b["expert_scores"]).ok is False
    q1a = check.ANSWERS["q1"](**a)
    assert check.q1_attractiveness_by_hand(q1a, a["expert_scores"], a["account"]).ok is True
    assert check.q1_attractiveness_by_hand(q1a, b["expert_scores"], b["account"]).ok is False
    q6a = check.ANSWERS["q6"](**a)
    assert check.q6_budget_of_top_cell(q6a, a["accounts"], a["expert_scores"]).ok is True
