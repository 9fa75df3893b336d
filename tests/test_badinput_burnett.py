"""Bad-input battery: crmlab.burnett (area b1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import burnett as bm
from crmlab import datasets


def accounts():
    return datasets.load("burnett_accounts").head(30)


def long():
    return pd.DataFrame({"account_id": ["A", "A"], "expert": ["E1", "E2"], "indicator": ["volume"] * 2,
                         "score": [4, 5]})


def matrix():
    return bm.burnett_matrix(pd.DataFrame({"attractiveness": [4.2, 1.8], "relationship": [2.0, 4.0]}))


CASES: list[Bad] = [
    Bad("b1-bm-agg-score-out", "crmlab.burnett.aggregate_experts",
        lambda: bm.aggregate_experts(long().assign(score=[4, 9]), indicators=["volume"]), r"'score'.*outside the 1-5"),
    Bad("b1-bm-agg-unknown-indicator", "crmlab.burnett.aggregate_experts",
        lambda: bm.aggregate_experts(long().assign(indicator="volumen")), r"unknown indicator.*'volumen'"),
    Bad("b1-bm-agg-max-missing", "crmlab.burnett.aggregate_experts",
        lambda: bm.aggregate_experts(long(), indicators="volume", max_missing=1.5), r"max_missing=1.5"),
    Bad("b1-bm-agg-scale", "crmlab.burnett.aggregate_experts",
        lambda: bm.aggregate_experts(long(), indicators=["volume"], scale=(5, 1)), r"scale=\(5, 1\)"),
    Bad("b1-bm-agg-duplicate", "crmlab.burnett.aggregate_experts",
        lambda: bm.aggregate_experts(long().assign(expert="E1"), indicators=["volume"]), r"more than one row"),
    Bad("b1-bm-attr-weights-list", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5], "b": [3]}), [0.5, 0.5]),
        r"attractiveness weights must be a dict.*got list"),
    Bad("b1-bm-attr-weights-column", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5]}), {"a": 0.5, "zz": 0.5}),
        r"'zz' is missing.*indicators that are columns"),
    Bad("b1-bm-rel-bands-text", "crmlab.burnett.relationship_scores",
        lambda: bm.relationship_scores(accounts(), bands={"wallet_share": "narrow"}), r"bands\['wallet_share'\]"),
    Bad("b1-bm-rel-unknown-key", "crmlab.burnett.relationship_scores",
        lambda: bm.relationship_scores(accounts(), columns={"walletshare": "x"}), r"unknown key 'walletshare'"),
    Bad("b1-bm-rel-share-over-1", "crmlab.burnett.relationship_index",
        lambda: bm.relationship_index(accounts().assign(wallet_share=45.0)), r"'wallet_share'.*outside the 0-1"),
    Bad("b1-bm-reading-threshold-text", "crmlab.burnett.relationship_reading",
        lambda: bm.relationship_reading(accounts(), loyal="half"), r"loyal='half'"),
    Bad("b1-bm-reading-order", "crmlab.burnett.relationship_reading",
        lambda: bm.relationship_reading(accounts(), loyal=0.1, competitive=0.3), r"competitive.*<= loyal"),
    Bad("b1-bm-matrix-cuts", "crmlab.burnett.burnett_matrix",
        lambda: bm.burnett_matrix(matrix(), attractiveness_cuts=(3.5, 2.5)), r"attractiveness_cuts=\(3.5, 2.5\)"),
    Bad("b1-bm-matrix-cuts-word", "crmlab.burnett.burnett_matrix",
        lambda: bm.burnett_matrix(matrix(), relationship_cuts="thirds"), r"relationship_cuts='thirds'"),
    Bad("b1-bm-matrix-missing-index", "crmlab.burnett.burnett_matrix",
        lambda: bm.burnett_matrix(pd.DataFrame({"attractiveness": [4.2, np.nan], "relationship": [2.0, 3.0]})),
        r"'attractiveness' has 1 missing"),
    Bad("b1-bm-grid-incomplete", "crmlab.burnett.strategy_grid",
        lambda: bm.strategy_grid({("good", "high"): "develop"}), r"grid has no strategy"),
    Bad("b1-bm-counts-levels", "crmlab.burnett.matrix_counts",
        lambda: bm.matrix_counts(matrix().assign(attractiveness_level="HIGH")), r"'attractiveness_level'.*'HIGH'"),
    Bad("b1-bm-counts-values-text", "crmlab.burnett.matrix_counts",
        lambda: bm.matrix_counts(matrix().assign(revenue=["1", "x"]), values="revenue"), r"'revenue' must be numeric"),
    Bad("b1-bm-cells-no-overlap", "crmlab.burnett.cells_changed",
        lambda: bm.cells_changed(matrix(), matrix().set_axis(["x", "y"])), r"share no row labels"),
    Bad("b1-bm-sensitivity-other-list", "crmlab.burnett.weight_sensitivity",
        lambda: bm.weight_sensitivity(pd.DataFrame({"a": [5.0], "b": [3.0]}), {"a": .5, "b": .5}, other=[3.0]),
        r"other must be a Series"),
    Bad("b1-bm-sensitivity-delta", "crmlab.burnett.weight_sensitivity",
        lambda: bm.weight_sensitivity(pd.DataFrame({"a": [5.0], "b": [3.0]}), {"a": .5, "b": .5}, delta=0),
        r"delta=0"),
    Bad("b1-bm-portfolio-account", "crmlab.burnett.portfolio",
        lambda: bm.portfolio(accounts(), datasets.load("burnett_expert_scores"), account="id"), r"'id' is missing"),
    Bad("b1-bm-pareto-text", "crmlab.burnett.pareto_share",
        lambda: bm.pareto_share(pd.Series(["80", "x"])), r"'values' must be numeric"),
    Bad("b1-bm-pareto-top-text", "crmlab.burnett.pareto_share",
        lambda: bm.pareto_share(pd.Series([80.0, 20.0]), top="20%"), r"top='20%'"),
    Bad("b1-bm-pareto-negative", "crmlab.burnett.pareto_share",
        lambda: bm.pareto_share(pd.Series([80.0, -20.0])), r"'values' must not be negative"),
    Bad("b1-bm-group-weights-text", "crmlab.burnett.weights_from_groups",
        lambda: bm.weights_from_groups({g: "1" if i else "x" for i, g in enumerate(bm.GROUPS)}), r"group weights"),
    Bad("b1-bm-group-weights-unknown", "crmlab.burnett.group_weights",
        lambda: bm.group_weights({"volume": 1.0, "foo": 1.0}), r"'foo' are not known"),
    Bad("b1-bm-label-lang", "crmlab.burnett.label", lambda: bm.label("develop", lang="de"), r"lang='de'"),
    Bad("b1-bm-growth-lang", "crmlab.burnett.growth_matrix", lambda: bm.growth_matrix(lang=["en"]), r"lang=\['en'\]"),
    Bad("b1-bm-check-experts", "crmlab.checks.burnett.exercise_data",
        lambda: __import__("crmlab.checks.burnett", fromlist=["x"]).exercise_data(n_experts=1.5), r"n_experts=1.5"),
    Bad("b1-bm-check-lang", "crmlab.checks.burnett.exercise_data",
        lambda: __import__("crmlab.checks.burnett", fromlist=["x"]).exercise_data(lang="fr"), r"lang='fr'"),
    # rater_agreement
    Bad("b1-bm-agree-one-expert", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long().assign(expert="E1", account_id=["A", "B"]), indicators=["volume"]),
        r"'expert' has 1 expert"),
    Bad("b1-bm-agree-too-few-accounts", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long(), indicators=["volume"]), r"too few accounts.*'volume' \(1\)"),
    Bad("b1-bm-agree-min-accounts", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long(), indicators=["volume"], min_accounts=1.5), r"min_accounts=1.5"),
    Bad("b1-bm-agree-score-text", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long().assign(score=["4", "five"]), indicators=["volume"]), r"'score'"),
    Bad("b1-bm-agree-unknown-indicator", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long().assign(indicator="volumen")), r"unknown indicator.*'volumen'"),
    Bad("b1-bm-agree-duplicate", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(long().assign(expert="E1"), indicators=["volume"]), r"more than one row"),
    Bad("b1-bm-agree-flat", "crmlab.burnett.rater_agreement",
        lambda: bm.rater_agreement(pd.DataFrame({"account_id": list("AABBCC"), "expert": ["E1", "E2"] * 3,
                                                 "indicator": "volume", "score": 3}), indicators=["volume"]),
        r"'volume'.*same score", warns=True),
    # to_scores
    Bad("b1-bm-scores-list", "crmlab.burnett.to_scores", lambda: bm.to_scores([1.0, 2.0]), r"must be a Series.*list"),
    Bad("b1-bm-scores-text", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series(["1", "x"], name="clv")), r"'clv' must be numeric"),
    Bad("b1-bm-scores-missing", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([1.0, np.nan], name="clv")), r"'clv' has 1 missing"),
    Bad("b1-bm-scores-duplicate", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([1.0, 2.0], index=["K1", "K1"], name="clv")), r"'clv' has more than one"),
    Bad("b1-bm-scores-inf", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([1.0, np.inf], name="clv")), r"'clv' has infinite"),
    Bad("b1-bm-scores-method", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([1.0, 2.0]), method="decile"), r"method='decile'"),
    Bad("b1-bm-scores-linear-flat", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([5.0, 5.0], name="clv"), method="linear"), r"'clv' has the same value"),
    Bad("b1-bm-scores-few", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([1.0, 2.0], name="clv")), r"only 2 account", warns=True),
    Bad("b1-bm-scores-empty", "crmlab.burnett.to_scores",
        lambda: bm.to_scores(pd.Series([], dtype="float64", name="clv")), r"'clv' is empty"),
    # the CLV option of attractiveness_index
    Bad("b1-bm-attr-clv-dict", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5], "b": [3]}, index=["K1"]), {"a": .5, "b": .5},
                                        clv={"K1": 3.0}, clv_indicator="b"), r"clv must be a Series.*dict"),
    Bad("b1-bm-attr-clv-lacking", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5, 1], "b": [3, 1]}, index=["K1", "K2"]),
                                        {"a": .5, "b": .5}, clv=pd.Series({"K1": 3.0}), clv_indicator="b"),
        r"clv has no value for 1 account.*'K2'"),
    Bad("b1-bm-attr-clv-new-no-weight", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5]}, index=["K1"]), clv=pd.Series({"K1": 3.0}),
                                        clv_indicator="clv"), r"clv_indicator='clv' is not an indicator"),
    Bad("b1-bm-attr-clv-indicator-type", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5]}, index=["K1"]), clv=pd.Series({"K1": 3.0}),
                                        clv_indicator=3), r"clv_indicator=3"),
    Bad("b1-bm-attr-clv-duplicate", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5]}, index=["K1"]), {"a": 1.0},
                                        clv=pd.Series([1.0, 2.0], index=["K1", "K1"]), clv_indicator="a"),
        r"clv has more than one value"),
    Bad("b1-bm-attr-clv-method", "crmlab.burnett.attractiveness_index",
        lambda: bm.attractiveness_index(pd.DataFrame({"a": [5, 1]}, index=["K1", "K2"]), {"a": 1.0},
                                        clv=pd.Series({"K1": 1.0, "K2": 2.0}), clv_indicator="a", clv_method="rank"),
        r"method='rank'"),
    # budget_by_cell
    Bad("b1-bm-budget-negative", "crmlab.burnett.budget_by_cell", lambda: bm.budget_by_cell(matrix(), -5),
        r"budget=-5"),
    Bad("b1-bm-budget-not-matrix", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(pd.DataFrame({"x": [1]}), 100), r"'cell' is missing.*burnett_matrix"),
    Bad("b1-bm-budget-effort-missing", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(matrix(), 100, effort={"develop": 1.0}), r"no value for strategy 'selective_defence'"),
    Bad("b1-bm-budget-effort-negative", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(matrix(), 100, effort={"selective_defence": -1, "selective_maintenance": 1}),
        r"effort\['selective_defence'\]=-1"),
    Bad("b1-bm-budget-effort-zero", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(matrix(), 100, effort={"selective_defence": 0, "selective_maintenance": 0}),
        r"effort is 0 for every account"),
    Bad("b1-bm-budget-effort-text", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(matrix(), 100, effort={"selective_defence": "2", "selective_maintenance": 1}),
        r"effort\['selective_defence'\]='2'"),
    Bad("b1-bm-budget-revenue-text", "crmlab.burnett.budget_by_cell",
        lambda: bm.budget_by_cell(matrix().assign(revenue=["1", "x"]), 100), r"'revenue' must be numeric"),
    # cell_distance and cell_label
    Bad("b1-bm-distance-not-cell", "crmlab.burnett.cell_distance",
        lambda: bm.cell_distance(pd.Series(["high/good", "top/good"]), pd.Series(["high/good", "low/poor"])),
        r"estimated has values that are not cells.*'top/good'"),
    Bad("b1-bm-distance-list", "crmlab.burnett.cell_distance",
        lambda: bm.cell_distance(["high/good"], pd.Series(["high/good"])), r"estimated must be a Series"),
    Bad("b1-bm-cell-label-lang", "crmlab.burnett.cell_label", lambda: bm.cell_label("high/good", "fr"), r"lang='fr'"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
