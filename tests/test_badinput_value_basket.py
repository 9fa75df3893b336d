"""Bad-input battery: crmlab.value market-basket analysis and perceived value (area vb)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab.checks import value as vc
from crmlab.value import basket as vb
from crmlab.value import data as bd
from crmlab.value import perceived as pv
from crmlab.value import plots as bp

B = "crmlab.value.basket."
P = "crmlab.value.perceived."


def lines():
    return pd.DataFrame({"basket_id": [1, 1, 2, 2, 3], "item": ["bread", "butter", "bread", "milk", "milk"]})


def survey():
    return pd.DataFrame({"firm": ["us", "us", "rival", "rival"], "product_quality": [6, 5, 4, 4],
                         "service_quality": [5, 5, 4, 3], "staff": [5, 6, 4, 4], "image": [5, 5, 3, 4],
                         "price": [5, 4, 3, 4], "time_cost": [3, 3, 4, 4], "effort_cost": [2, 3, 4, 5]})


CASES: list[Bad] = [
    # basket lines and one-hot tables
    Bad("vb-matrix-not-frame", B + "basket_matrix", lambda: vb.basket_matrix([["bread", "milk"]]),
        r"baskets must be a pandas DataFrame"),
    Bad("vb-matrix-empty", B + "basket_matrix", lambda: vb.basket_matrix(lines().iloc[:0]), r"baskets has 0 rows"),
    Bad("vb-matrix-item-column-missing", B + "basket_matrix",
        lambda: vb.basket_matrix(lines().rename(columns={"item": "product"})), r"'item' is missing"),
    Bad("vb-matrix-basket-missing-id", B + "basket_matrix",
        lambda: vb.basket_matrix(lines().assign(basket_id=[1, 1, None, 2, 3])), r"'basket_id' has 1 missing"),
    Bad("vb-matrix-blank-item", B + "basket_matrix",
        lambda: vb.basket_matrix(lines().assign(item=["bread", " ", "bread", "milk", "milk"])),
        r"'item' has 1 missing or blank"),
    Bad("vb-matrix-basket-not-text", B + "basket_matrix", lambda: vb.basket_matrix(lines(), basket=["basket_id"]),
        r"basket=\['basket_id'\] must be a column name"),
    Bad("vb-onehot-quantities", B + "basket_matrix",
        lambda: vb.basket_matrix(pd.DataFrame({"bread": [1, 2], "milk": [0, 1]})), r"'bread'.*1/0.*row 1: 2"),
    Bad("vb-onehot-text-column", B + "basket_matrix",
        lambda: vb.basket_matrix(pd.DataFrame({"bread": [1, 0], "store": ["a", "b"]})),
        r"'store' is not an item column"),
    Bad("vb-onehot-missing-value", B + "basket_matrix",
        lambda: vb.basket_matrix(pd.DataFrame({"bread": [1.0, np.nan], "milk": [0, 1]})), r"'bread'.*nan"),
    Bad("vb-onehot-duplicate-columns", B + "basket_matrix",
        lambda: vb.basket_matrix(pd.DataFrame([[1, 0], [0, 1]], columns=["milk", "milk"])), r"'milk' twice"),
    Bad("vb-onehot-mixed-names", B + "basket_matrix",
        lambda: vb.basket_matrix(pd.DataFrame({"milk": [True, False], 3: [False, True]})), r"mix kinds"),
    Bad("vb-support-onehot-no-columns", B + "item_support",
        lambda: vb.item_support(pd.DataFrame(index=[1, 2])), r"no item columns"),
    Bad("vb-support-half-lines", B + "item_support",
        lambda: vb.item_support(lines()[["basket_id"]].assign(x=1)), r"'item' is missing from the basket lines"),
    # one rule
    Bad("vb-rule-unknown-item", B + "rule_metrics", lambda: vb.rule_metrics(lines(), "bred", "milk"),
        r"antecedent: item 'bred' is in no basket.*'bread'"),
    Bad("vb-rule-overlap", B + "rule_metrics", lambda: vb.rule_metrics(lines(), ["bread", "milk"], "milk"),
        r"'milk' are on both sides"),
    Bad("vb-rule-empty-side", B + "rule_metrics", lambda: vb.rule_metrics(lines(), [], "milk"), r"antecedent is empty"),
    Bad("vb-rule-never-together", B + "rule_metrics", lambda: vb.rule_metrics(lines(), ["butter", "milk"], "bread"),
        r"no basket contains all of the antecedent"),
    Bad("vb-rule-side-dict", B + "rule_metrics", lambda: vb.rule_metrics(lines(), {"bread": 1}, "milk"),
        r"antecedent=\{'bread': 1\} must be an item or a list"),
    # the search and the rules
    Bad("vb-itemsets-support-percent", B + "frequent_itemsets", lambda: vb.frequent_itemsets(lines(), min_support=5),
        r"min_support=5 must be a share.*did you mean 0.05"),
    Bad("vb-itemsets-support-zero", B + "frequent_itemsets", lambda: vb.frequent_itemsets(lines(), min_support=0),
        r"min_support=0 must be > 0"),
    Bad("vb-itemsets-max-len-float", B + "frequent_itemsets", lambda: vb.frequent_itemsets(lines(), max_len=2.5),
        r"max_len=2.5 must be a whole number"),
    Bad("vb-itemsets-none-frequent", B + "frequent_itemsets", lambda: vb.frequent_itemsets(lines(), min_support=1.0),
        r"no itemset reaches min_support=1", warns=True),
    Bad("vb-rules-confidence-text", B + "association_rules",
        lambda: vb.association_rules(lines(), min_confidence="high"), r"min_confidence='high' is not a number"),
    Bad("vb-rules-lift-negative", B + "association_rules", lambda: vb.association_rules(lines(), min_lift=-1),
        r"min_lift=-1 must be >= 0"),
    Bad("vb-rules-max-len-one", B + "association_rules", lambda: vb.association_rules(lines(), max_len=1),
        r"max_len=1 is out of range"),
    Bad("vb-rules-sort-unknown", B + "association_rules", lambda: vb.association_rules(lines(), sort_by="lyft"),
        r"sort_by='lyft' is not one of"),
    Bad("vb-rules-no-pair", B + "association_rules", lambda: vb.association_rules(lines(), min_support=0.9),
        r"no two items are bought together", warns=True),
    Bad("vb-rules-thresholds-too-high", B + "association_rules",
        lambda: vb.association_rules(lines(), min_support=0.2, min_lift=50), r"no rule reaches", warns=True),
    # perceived value
    Bad("vb-cpv-out-of-scale", P + "perceived_value",
        lambda: pv.perceived_value(survey().assign(price=[5, 4, 9, 4])), r"'price'.*outside the 1-7"),
    Bad("vb-cpv-item-both-sides", P + "perceived_value",
        lambda: pv.perceived_value(survey(), benefits=["image", "price"]), r"'price' are both a benefit and a cost"),
    Bad("vb-cpv-form-unknown", P + "perceived_value", lambda: pv.perceived_value(survey(), form="percent"),
        r"form='percent' is not one of"),
    Bad("vb-cpv-weights-unknown-item", P + "perceived_value",
        lambda: pv.perceived_value(survey(), benefit_weights={"quality": 1}), r"benefit_weights name.*'quality'"),
    Bad("vb-cpv-missing-answer", P + "perceived_value",
        lambda: pv.perceived_value(survey().assign(staff=[5, np.nan, 4, 4])), r"'staff' has 1 missing"),
    Bad("vb-cpv-no-costs", P + "perceived_value", lambda: pv.perceived_value(survey(), costs=[]), r"costs is empty"),
    Bad("vb-cpvgroup-missing-firm", P + "cpv_by_group",
        lambda: pv.cpv_by_group(survey().assign(firm=["us", None, "rival", "rival"])), r"'firm' has 1 missing"),
    Bad("vb-cpvgroup-confidence", P + "cpv_by_group", lambda: pv.cpv_by_group(survey(), confidence=95),
        r"confidence=95 must be strictly between 0 and 1"),
    Bad("vb-map-one-firm", P + "value_map", lambda: pv.value_map(survey().assign(firm="us")),
        r"needs at least two firms"),
    Bad("vb-map-price-list", P + "value_map", lambda: pv.value_map(survey(), price=["price"]),
        r"price=\['price'\] must be one column name"),
    Bad("vb-map-price-as-quality", P + "value_map", lambda: pv.value_map(survey(), quality=["image", "price"]),
        r"'price' is also listed as a quality item"),
    Bad("vb-map-scale-from-zero", P + "value_map", lambda: pv.value_map(survey(), scale=(0, 10)),
        r"starts at 0"),
    Bad("vb-map-slope-text", P + "value_map", lambda: pv.value_map(survey(), slope="steep"), r"slope='steep'"),
    Bad("vb-map-band-negative", P + "value_map", lambda: pv.value_map(survey(), band=-0.1), r"band=-0.1 must be >= 0"),
    Bad("vb-scores-not-series", P + "value_map_from_scores",
        lambda: pv.value_map_from_scores({"a": 5.0, "b": 4.0}, pd.Series({"a": 5.0, "b": 4.0})),
        r"quality must be a Series"),
    Bad("vb-scores-zero", P + "value_map_from_scores",
        lambda: pv.value_map_from_scores(pd.Series({"a": 0.0, "b": 4.0}), pd.Series({"a": 5.0, "b": 4.0})),
        r"must be positive.*'a'"),
    Bad("vb-scores-other-firms", P + "value_map_from_scores",
        lambda: pv.value_map_from_scores(pd.Series({"a": 5.0, "b": 4.0}), pd.Series({"a": 5.0, "c": 4.0})),
        r"must name the same firms"),
    # generators and exercise data
    Bad("vb-gen-baskets-float", "crmlab.value.data.make_baskets", lambda: bd.make_baskets(n_baskets=10.5),
        r"n_baskets=10.5 must be a whole number"),
    Bad("vb-gen-survey-seed-text", "crmlab.value.data.make_value_survey",
        lambda: bd.make_value_survey(seed="6"), r"seed='6' must be a whole number"),
    Bad("vb-exercise-seed-negative", "crmlab.checks.value.exercise_data",
        lambda: vc.exercise_data(seed=-1), r"seed=-1 is out of range"),
    Bad("vb-exercise-baskets-float", "crmlab.checks.value.exercise_data",
        lambda: vc.exercise_data(n_baskets=2500.5), r"n_baskets=2500.5 must be a whole number"),
    Bad("vb-exercise-respondents-few", "crmlab.checks.value.exercise_data",
        lambda: vc.exercise_data(n_respondents=10), r"n_respondents=10 is out of range"),
    Bad("vb-q6-data-not-lines", "crmlab.checks.value.q6_rule_lift",
        lambda: vc.q6_rule_lift(1.7, pd.DataFrame({"basket": [1], "product": ["milk"]})),
        r"'milk'|not an item column"),
    Bad("vb-q7-data-empty", "crmlab.checks.value.q7_top_itemset",
        lambda: vc.q7_top_itemset(["a", "b"], lines().iloc[:0]), r"baskets has 0 rows"),
    # plots
    Bad("vb-plot-rules-not-table", "crmlab.value.plots.rules_map", lambda: bp.rules_map(lines()),
        r"rules must be the table of association_rules"),
    Bad("vb-plot-rules-label-top", "crmlab.value.plots.rules_map",
        lambda: bp.rules_map(vb.association_rules(lines(), min_support=0.2), label_top=-1), r"label_top=-1"),
    Bad("vb-plot-heatmap-unknown-item", "crmlab.value.plots.lift_heatmap",
        lambda: bp.lift_heatmap(lines(), items=["bread", "caviar"]), r"'caviar' is in no basket"),
    Bad("vb-plot-heatmap-top-one", "crmlab.value.plots.lift_heatmap", lambda: bp.lift_heatmap(lines(), top=1),
        r"top=1 is out of range"),
    Bad("vb-plot-cpv-not-summary", "crmlab.value.plots.cpv_bars", lambda: bp.cpv_bars(survey()),
        r"summary must be the table of cpv_by_group"),
    Bad("vb-plot-map-not-map", "crmlab.value.plots.value_map_plot", lambda: bp.value_map_plot(survey()),
        r"vmap must be the table of value_map"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
