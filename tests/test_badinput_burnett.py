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
]


@params(CASES)
def test_bad_input(case):
    check(case)
