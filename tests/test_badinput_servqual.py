"""Bad-input battery: crmlab.servqual (area b1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import datasets
from crmlab import servqual as sq


def survey():
    return datasets.load("servqual_survey").head(120)


def two(**extra):
    return pd.DataFrame({"E1": [7, 6, 5], "P1": [5, 6, 4], "E2": [6, 6, 7], "P2": [6, 3, 5], **extra})


M = {"speed": [1, 2]}

CASES: list[Bad] = [
    Bad("b1-sq-gaps-own-columns", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(pd.DataFrame({"exp1": [7], "perc1": [5]}), {"a": [1]}),
        r"'E1' is missing.*item_map\(.*expectation="),
    Bad("b1-sq-gaps-stray-item", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(two(E3=[1, 2, 3]), M), r"'E3' looks like a expectation item"),
    Bad("b1-sq-gaps-by-missing", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(two(branch=["a", None, "b"]), M, by="branch"), r"'branch' has 1 missing"),
    Bad("b1-sq-gaps-scale", "crmlab.servqual.servqual_gaps", lambda: sq.servqual_gaps(two(), M, scale=7),
        r"scale=7"),
    Bad("b1-sq-gaps-out-of-scale", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(two().assign(P1=[5, 9, 4]), M), r"'P1' has 1 value\(s\) outside the 1-7"),
    Bad("b1-sq-gaps-text-ratings", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(two().assign(E2=["6", "six", "7"]), M), r"'E2' must be numeric.*'six'"),
    Bad("b1-sq-gaps-confidence", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(two(), M, confidence=95), r"confidence=95"),
    Bad("b1-sq-map-empty", "crmlab.servqual.item_map", lambda: sq.item_map({}), r"non-empty dict"),
    Bad("b1-sq-map-twice", "crmlab.servqual.item_map", lambda: sq.item_map({"a": [1], "b": [1]}),
        r"item 1 is in two dimensions"),
    Bad("b1-sq-map-template-brace", "crmlab.servqual.item_map",
        lambda: sq.item_map({"a": [1]}, expectation="E{item}{x}"), r"template 'E\{item\}\{x\}' cannot be filled"),
    Bad("b1-sq-map-no-placeholder", "crmlab.servqual.item_map",
        lambda: sq.item_map({"a": [1]}, perception="P"), r"perception template 'P' has no \{item\}"),
    Bad("b1-sq-map-int-items", "crmlab.servqual.item_map", lambda: sq.item_map({"a": 3}), r"dimension 'a' must list"),
    Bad("b1-sq-map-list-spec", "crmlab.servqual.item_map",
        lambda: sq.item_map({"a": [1]}, expectation=["E1"]), r"expectation columns must be a template"),
    Bad("b1-sq-weighted-list", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(), M, weights=[1.0]), r"weights must be a dict.*got list"),
    Bad("b1-sq-weighted-no-importance", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(), M), r"'imp_speed' is missing.*pass weights="),
    Bad("b1-sq-weighted-gaps-type", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(), M, weights={"speed": 1.0}, gaps="gaps"), r"gaps= must be the result"),
    Bad("b1-sq-weighted-points", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(imp_speed=[100] * 3), M, points_total=0), r"points_total=0"),
    Bad("b1-sq-weighted-points-sum", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(imp_speed=[100, 90, 100]), M), r"must sum to 100.*row 1: 90"),
    Bad("b1-sq-alpha-constant-warns", "crmlab.servqual.cronbach_alpha",
        lambda: sq.cronbach_alpha(pd.DataFrame({"E1": [7] * 3, "E2": [7] * 3, "P1": [5] * 3, "P2": [4] * 3}), M),
        r"alpha is undefined.*'speed'", warns=True),
    Bad("b1-sq-alpha-on", "crmlab.servqual.cronbach_alpha", lambda: sq.cronbach_alpha(two(), M, on="gaps"),
        r"on='gaps'"),
    Bad("b1-sq-gap1-columns", "crmlab.servqual.gap1",
        lambda: sq.gap1(pd.DataFrame({"X1": [5]}), two(), M, by=None), r"'M1' is missing.*management_columns="),
    Bad("b1-sq-gap1-by", "crmlab.servqual.gap1",
        lambda: sq.gap1(pd.DataFrame({"M1": [5], "M2": [5]}), two(), M), r"'branch' is missing.*by=None"),
    Bad("b1-sq-wave-missing-label", "crmlab.servqual.wave_change",
        lambda: sq.wave_change(two(wave=["before", None, "after"]), M), r"'wave' has 1 missing"),
    Bad("b1-sq-wave-unknown", "crmlab.servqual.wave_change",
        lambda: sq.wave_change(two(wave=["pre", "post", "post"]), M), r"no rows with wave 'before'"),
    Bad("b1-sq-priorities-weights-text", "crmlab.servqual.improvement_priorities",
        lambda: sq.improvement_priorities(two(), M, weights={"speed": "high"}), r"'speed': 'high'"),
    Bad("b1-sq-instrument-lang", "crmlab.servqual.instrument", lambda: sq.instrument("cn"), r"lang='cn'"),
    Bad("b1-sq-gap-model-lang", "crmlab.servqual.gap_model", lambda: sq.gap_model(None), r"lang=None"),
    # compare_correlations
    Bad("b1-sq-corr-same-column", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": [1, 2, 3, 4, 5], "a": [1, 3, 2, 5, 4]}), "y", "a", "a"),
        r"three different columns.*'a', 'a'"),
    Bad("b1-sq-corr-missing-column", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": [1, 2], "a": [1, 2]}), "y", "a", "b"), r"'b'"),
    Bad("b1-sq-corr-text", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": ["x"] * 6, "a": range(6), "b": range(6)}), "y", "a", "b"),
        r"'y'"),
    Bad("b1-sq-corr-too-few", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": [1, 2, 3, np.nan, 5, 6], "a": [1, 2, 3, 4, np.nan, 6],
                                                      "b": [3, 1, 2, 4, 5, np.nan]}), "y", "a", "b"),
        r"only 3 row\(s\)"),
    Bad("b1-sq-corr-constant", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": [3] * 6, "a": range(6), "b": [0, 2, 1, 3, 5, 4]}),
                                        "y", "a", "b"), r"'y' does not vary"),
    Bad("b1-sq-corr-copy", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": range(6), "a": range(6), "b": [0, 2, 1, 3, 5, 4]}),
                                        "y", "a", "b"), r"exactly ±1"),
    Bad("b1-sq-corr-name-not-text", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": range(6)}), 0, "a", "b"), r"target=0"),
    Bad("b1-sq-corr-confidence", "crmlab.servqual.compare_correlations",
        lambda: sq.compare_correlations(pd.DataFrame({"y": [1, 2, 3, 4, 5, 7], "a": [1, 3, 2, 5, 4, 6],
                                                      "b": [2, 1, 4, 3, 6, 5]}), "y", "a", "b", confidence=95),
        r"confidence"),
    # servperf
    Bad("b1-sq-perf-off-scale", "crmlab.servqual.servperf",
        lambda: sq.servperf(pd.DataFrame({"E1": [7, 6], "P1": [5, 9]}), {"a": [1]}),
        r"'P1'"),
    Bad("b1-sq-perf-by-missing", "crmlab.servqual.servperf",
        lambda: sq.servperf(two(branch=["a", None, "b"]), M, by="branch"), r"'branch' has 1 missing"),
    # zone of tolerance
    Bad("b1-sq-zone-no-levels", "crmlab.servqual.zone_of_tolerance",
        lambda: sq.zone_of_tolerance(two(), M), r"'A1'.*desired="),
    Bad("b1-sq-zone-template", "crmlab.servqual.zone_of_tolerance",
        lambda: sq.zone_of_tolerance(two(), M, desired="D"), r"template 'D' has no \{item\}"),
    Bad("b1-sq-zone-off-scale", "crmlab.servqual.zone_of_tolerance",
        lambda: sq.zone_of_tolerance(two(A1=[1, 2, 0], A2=[1, 1, 1], D1=[7, 7, 7], D2=[7, 7, 7]), M), r"'A1'"),
    Bad("b1-sq-zone-inverted", "crmlab.servqual.zone_of_tolerance",
        lambda: sq.zone_of_tolerance(two(A1=[6, 2, 2], A2=[1, 1, 1], D1=[4, 7, 7], D2=[7, 7, 7]), M),
        r"1 answer\(s\) of 1 respondent\(s\).*'A1'", warns=True),
    # item analysis
    Bad("b1-sq-items-on", "crmlab.servqual.item_analysis",
        lambda: sq.item_analysis(two(), M, on="gaps"), r"on='gaps'"),
    Bad("b1-sq-items-too-few", "crmlab.servqual.item_analysis",
        lambda: sq.item_analysis(two(E1=[7, np.nan, np.nan]), M), r"only 1 respondent"),
    Bad("b1-sq-wording-lang", "crmlab.servqual.item_wording", lambda: sq.item_wording("fr"), r"lang='fr'"),
    Bad("b1-sq-check-n", "crmlab.checks.servqual.exercise_data",
        lambda: __import__("crmlab.checks.servqual", fromlist=["x"]).exercise_data(n=0), r"n=0"),
]


def tab(**extra):
    base = {"item": [1, 2], "dimension": ["speed", "speed"], "e": ["E1", "E2"], "p": ["P1", "P2"]}
    base.update(extra)
    return pd.DataFrame(base)


CASES += [
    Bad("b1-sq-table-not-frame", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table({"item": [1]}), r"item table"),
    Bad("b1-sq-table-no-dimension", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab().drop(columns="dimension")), r"'dimension' is missing"),
    Bad("b1-sq-table-item-twice", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab(item=[1, 1])), r"'item'"),
    Bad("b1-sq-table-blank-dimension", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab(dimension=["speed", None])), r"'dimension' has 1 missing"),
    Bad("b1-sq-table-column-twice", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab(e=["E1", "E1"]), expectation="e"), r"'e' of the item table names one"),
    Bad("b1-sq-table-unknown-e-column", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab(), expectation="exp"), r"'exp' is missing from item table"),
    Bad("b1-sq-table-rule", "crmlab.servqual.item_map_from_table",
        lambda: sq.item_map_from_table(tab(), importance_rule="median"), r"importance_rule"),
    Bad("b1-sq-map-both-importances", "crmlab.servqual.item_map",
        lambda: sq.item_map(M, importance="imp_{dimension}", item_importance="I{item}"), r"both importance"),
    Bad("b1-sq-weighted-custom-no-importance", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(), sq.item_map(M, expectation={1: "E1", 2: "E2"})),
        r"no importance columns.*assumes none"),
    Bad("b1-sq-weighted-item-imp-missing", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(I1=[5, None, 4], I2=[5, 5, 5]), sq.item_map(M, item_importance="I{item}")),
        r"'I1' has 1 missing"),
    Bad("b1-sq-weighted-item-imp-zero", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(I1=[0, 5, 4], I2=[0, 5, 5]), sq.item_map(M, item_importance="I{item}")),
        r"0 for every item in 1 row"),
    Bad("b1-sq-weighted-item-imp-negative", "crmlab.servqual.weighted_servqual",
        lambda: sq.weighted_servqual(two(I1=[-1, 5, 4], I2=[3, 5, 5]), sq.item_map(M, item_importance="I{item}")),
        r"'I1'"),
    Bad("b1-sq-gaps-default-map-short", "crmlab.servqual.servqual_gaps",
        lambda: sq.servqual_gaps(pd.DataFrame({"q1": [1]})), r"lacks 44 of the 44.*first: 'E1', 'E2', 'E3'\)"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
