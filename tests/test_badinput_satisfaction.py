"""Bad-input battery: crmlab.satisfaction and its plots (area b1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import datasets
from crmlab import satisfaction as s


def survey():
    return datasets.load("satisfaction_survey").head(80)


def lin(n=20):
    rng = np.random.default_rng(1)
    x = rng.integers(1, 6, size=(n, 3)).astype(float)
    return pd.DataFrame({"x1": x[:, 0], "x2": x[:, 1], "x3": x[:, 2], "y": x @ [0.5, 0.3, 0.2] + rng.normal(0, .1, n)})


A = ["x1", "x2", "x3"]

CASES: list[Bad] = [
    Bad("b1-sat-simple-scale-reversed", "crmlab.satisfaction.simple_score",
        lambda: s.simple_score(survey(), scale=(5, 1)), r"scale=\(5, 1\)"),
    Bad("b1-sat-simple-attr-missing", "crmlab.satisfaction.simple_score",
        lambda: s.simple_score(survey(), ["quality", "nope"]), r"'nope' is missing.*attributes=\[\.\.\.\]"),
    Bad("b1-sat-simple-attr-dict", "crmlab.satisfaction.simple_score",
        lambda: s.simple_score(survey(), {"a": 1}), r"attributes=.*must be a list"),
    Bad("b1-sat-simple-missing-option", "crmlab.satisfaction.simple_score",
        lambda: s.simple_score(survey(), missing="drop"), r"missing='drop'"),
    Bad("b1-sat-weighted-list", "crmlab.satisfaction.weighted_score",
        lambda: s.weighted_score(pd.DataFrame({"a": [5], "b": [3]}), [0.5, 0.5], attributes=["a", "b"]),
        r"weights must be a dict.*got list.*dict\(zip\(\['a', 'b'\]"),
    Bad("b1-sat-weighted-array", "crmlab.satisfaction.weighted_score",
        lambda: s.weighted_score(pd.DataFrame({"a": [5], "b": [3]}), np.array([0.5, 0.5])), r"got ndarray"),
    Bad("b1-sat-weighted-text", "crmlab.satisfaction.weighted_score",
        lambda: s.weighted_score(pd.DataFrame({"a": [5], "b": [3]}), {"a": "0.5", "b": "x"}), r"'b': 'x'"),
    Bad("b1-sat-weighted-table-rows", "crmlab.satisfaction.weighted_score",
        lambda: s.weighted_score(pd.DataFrame({"a": [5, 4]}), pd.DataFrame({"a": [1, 1]}, index=[7, 8])),
        r"other row labels"),
    Bad("b1-sat-to-csi-7", "crmlab.satisfaction.to_csi", lambda: s.to_csi(7), r"score \[7.0\] is outside the 1-5"),
    Bad("b1-sat-to-csi-text", "crmlab.satisfaction.to_csi", lambda: s.to_csi("4"), r"score='4'"),
    Bad("b1-sat-to-csi-scale", "crmlab.satisfaction.to_csi", lambda: s.to_csi(3, scale=(1,)), r"scale=\(1,\)"),
    Bad("b1-sat-csi-by-missing", "crmlab.satisfaction.csi",
        lambda: s.csi(survey().assign(segment=lambda d: d["segment"].where(d.index % 7 != 0)), by="segment"),
        r"'segment' has \d+ missing"),
    Bad("b1-sat-csi-confidence", "crmlab.satisfaction.csi", lambda: s.csi(survey(), confidence=95),
        r"confidence=95"),
    Bad("b1-sat-csi-column", "crmlab.satisfaction.csi", lambda: s.csi(survey(), column="satisfaction"),
        r"'satisfaction' is missing.*column="),
    Bad("b1-sat-csi-no-answers", "crmlab.satisfaction.csi",
        lambda: s.csi(pd.Series([np.nan, np.nan], name="overall")), r"'overall' has no answers"),
    Bad("b1-sat-di-constant-target", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(y=3.0), target="y", attributes=A), r"'y' does not vary"),
    Bad("b1-sat-di-empty-column", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(x2=np.nan), target="y", attributes=A), r"'x2' has no answers"),
    Bad("b1-sat-di-drops-rows-warns", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(x1=lambda d: d["x1"].where(d.index != 3)), target="y",
                                     attributes=A), r"dropped 1 of 20 rows", warns=True),
    Bad("b1-sat-di-collinear-warns", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(x3=lambda d: d["x1"] + d["x2"]), target="y", attributes=A),
        r"collinear", warns=True),
    Bad("b1-sat-di-no-positive-warns", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(y=lambda d: -d["y"]), target="y", attributes=A),
        r"no attribute has a positive", warns=True),
    Bad("b1-sat-di-target-in-attrs", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin(), target="y", attributes=[*A, "y"]), r"target 'y' is also in"),
    Bad("b1-sat-di-inf", "crmlab.satisfaction.derived_importance",
        lambda: s.derived_importance(lin().assign(x1=lambda d: d["x1"].replace(d["x1"].iloc[0], np.inf)),
                                     target="y", attributes=A), r"'x1' has infinite"),
    Bad("b1-sat-stated-empty-column", "crmlab.satisfaction.stated_importance",
        lambda: s.stated_importance(pd.DataFrame({"imp_a": [4, 5], "imp_b": [np.nan, np.nan]}), ["a", "b"]),
        r"'imp_b' has no importance answers"),
    Bad("b1-sat-stated-prefix", "crmlab.satisfaction.stated_importance",
        lambda: s.stated_importance(pd.DataFrame({"w_a": [4]}), ["a"]), r"'imp_a' is missing.*prefix="),
    Bad("b1-sat-ipa-text", "crmlab.satisfaction.ipa",
        lambda: s.ipa({"a": "high", "b": 3.0}, {"a": 0.5, "b": 0.5}), r"performance must be numbers.*'high'"),
    Bad("b1-sat-ipa-list", "crmlab.satisfaction.ipa", lambda: s.ipa([3.0, 4.0], {"a": 1}), r"performance must be a Series"),
    Bad("b1-sat-ipa-lang", "crmlab.satisfaction.ipa", lambda: s.ipa({"a": 3.0}, {"a": 1.0}, lang="fr"), r"lang='fr'"),
    Bad("b1-sat-ipa-cut-text", "crmlab.satisfaction.ipa",
        lambda: s.ipa({"a": 3.0}, {"a": 1.0}, performance_cut="mean"), r"performance_cut='mean'"),
    Bad("b1-sat-ipa-nan", "crmlab.satisfaction.ipa",
        lambda: s.ipa({"a": 3.0, "b": np.nan}, {"a": 1.0, "b": 1.0}), r"performance has missing values for 'b'"),
    Bad("b1-sat-repurchase-flag", "crmlab.satisfaction.repurchase_by_score",
        lambda: s.repurchase_by_score(survey().assign(repurchased="perhaps")), r"'repurchased'.*'perhaps'"),
    Bad("b1-sat-repurchase-scale-frac", "crmlab.satisfaction.repurchase_by_score",
        lambda: s.repurchase_by_score(survey(), scale=(1, 5.5)), r"scale=\(1, 5.5\)"),
    Bad("b1-sat-counts-nan", "crmlab.satisfaction.scores_from_counts",
        lambda: s.scores_from_counts(pd.DataFrame({f"n_{i}": [1.0, np.nan if i == 3 else 2] for i in range(1, 6)})),
        r"'n_3' has 1 missing.*fillna\(0\)"),
    Bad("b1-sat-counts-fraction", "crmlab.satisfaction.scores_from_counts",
        lambda: s.scores_from_counts(pd.DataFrame({f"n_{i}": [1.5 if i == 2 else 1] for i in range(1, 6)})),
        r"'n_2' holds counts"),
    Bad("b1-sat-counts-levels-text", "crmlab.satisfaction.scores_from_counts",
        lambda: s.scores_from_counts(pd.DataFrame({"n_a": [1]}), levels=["a"]), r"levels=\['a'\]"),
    Bad("b1-sat-plot-csi-bars-lang", "crmlab.plots.satisfaction.csi_bars",
        lambda: __import__("crmlab.plots.satisfaction", fromlist=["x"]).csi_bars(s.csi(survey()), lang="de"),
        r"lang='de'"),
    Bad("b1-sat-check-seed", "crmlab.checks.satisfaction.exercise_data",
        lambda: __import__("crmlab.checks.satisfaction", fromlist=["x"]).exercise_data(seed=2.5), r"seed=2.5"),
    # relative weights (Johnson 2000)
    Bad("b1-sat-rw-target-in-attributes", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin(), target="x1", attributes=A), r"target 'x1' is also in attributes"),
    Bad("b1-sat-rw-missing-column", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin(), target="y", attributes=["x1", "nope"]), r"'nope'"),
    Bad("b1-sat-rw-text-column", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin().assign(x2="high"), target="y", attributes=A), r"x2"),
    Bad("b1-sat-rw-too-few-rows", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin(4), target="y", attributes=A), r"relative weights needs more complete rows"),
    Bad("b1-sat-rw-constant-attribute", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin().assign(x3=2.0), target="y", attributes=A), r"'x3' does not vary"),
    Bad("b1-sat-rw-perfectly-collinear", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin().assign(x3=lambda d: d["x1"] + d["x2"]), target="y", attributes=A),
        r"perfectly collinear"),
    Bad("b1-sat-rw-infinite", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin().assign(y=lambda d: d["y"].where(d.index != 2, np.inf)), target="y",
                                   attributes=A), r"'y' has infinite values"),
    Bad("b1-sat-rw-not-a-frame", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights([[1, 2, 3]], target="y", attributes=A), r"survey"),
    Bad("b1-sat-rw-drops-rows-warns", "crmlab.satisfaction.relative_weights",
        lambda: s.relative_weights(lin().assign(x2=lambda d: d["x2"].where(d.index != 5)), target="y", attributes=A),
        r"relative_weights dropped 1 of 20 rows", warns=True),
]


def _tb(**cols):
    base = {"overall": [5, 4, 3, 2]}
    base.update(cols)
    return pd.DataFrame(base)


CASES += [
    Bad("b1-sat-topbox-k-zero", "crmlab.satisfaction.top_box", lambda: s.top_box(_tb(), k=0), r"k"),
    Bad("b1-sat-topbox-k-whole-scale", "crmlab.satisfaction.top_box", lambda: s.top_box(_tb(), k=5), r"k"),
    Bad("b1-sat-topbox-k-float", "crmlab.satisfaction.top_box", lambda: s.top_box(_tb(), k=2.5), r"k"),
    Bad("b1-sat-topbox-fractional-scale", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(), scale=(1, 5.5)), r"whole-number levels"),
    Bad("b1-sat-topbox-fractional-answer", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(overall=[5, 4.5, 3, 2])), r"whole-number ratings"),
    Bad("b1-sat-topbox-zero-on-1-10", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(overall=[10, 0, 3, 2]), scale=(1, 10)), r"scale=\(0, 10\)"),
    Bad("b1-sat-topbox-no-column", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(), column="sat"), r"'sat' is missing"),
    Bad("b1-sat-topbox-all-missing", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(overall=[float("nan")] * 4)), r"no answers"),
    Bad("b1-sat-topbox-by-blank", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(g=["a", None, "b", "b"]), by="g"), r"'g' has 1 missing"),
    Bad("b1-sat-topbox-confidence", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(), confidence=1.5), r"confidence"),
    Bad("b1-sat-topbox-dropped-warns", "crmlab.satisfaction.top_box",
        lambda: s.top_box(_tb(overall=[5, None, 3, 2])), r"left out 1 of 4", warns=True),
    Bad("b1-sat-csi-dropped-warns", "crmlab.satisfaction.csi",
        lambda: s.csi(_tb(overall=[5, None, 3, 2])), r"csi left out 1 of 4", warns=True),
]


@params(CASES)
def test_bad_input(case):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        check(case)
    finally:
        plt.close("all")
