"""Unit tests of crmlab.satisfaction (topic 1).

Hand-computed tiny examples for every helper, hypothesis invariants,
ground-truth recovery on a large generated survey, and one bad-input test
per validation path (each raising crmlab.CRMDataError naming the column).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats as sst

import crmlab
from crmlab import datasets
from crmlab import satisfaction as s
from crmlab.errors import CRMDataError
from crmlab.labels import t
from crmlab.stats import wilson_ci

W3 = {"a": 0.5, "b": 0.25, "c": 0.25}


@pytest.fixture
def tiny():
    return pd.DataFrame({"a": [5, 3, 1], "b": [3, 3, 2], "c": [4, 3, 3]}, index=[10, 20, 30])


@pytest.fixture(scope="module")
def big():
    """A large sample from the generator with its ground truth (seed fixed)."""
    return datasets.generate("satisfaction_survey", seed=0, n=20000)


@pytest.fixture(scope="module")
def shipped():
    return datasets.load("satisfaction_survey")


# ================================================================== hand-computed examples

def test_simple_score_by_hand(tiny):
    out = s.simple_score(tiny, ["a", "b", "c"])
    assert out.name == "simple_score"
    assert list(out.index) == [10, 20, 30]
    assert out.tolist() == pytest.approx([4.0, 3.0, 2.0])


def test_simple_score_other_scale():
    df = pd.DataFrame({"x": [7, 1], "y": [6, 1]})
    assert s.simple_score(df, ["x", "y"], scale=(1, 7)).tolist() == [6.5, 1.0]


def test_simple_score_skip_missing():
    df = pd.DataFrame({"a": [5, np.nan, np.nan], "b": [3, 2, np.nan], "c": [4, 5, np.nan]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "Mean of empty slice" for the respondent who answered none
        out = s.simple_score(df, ["a", "b", "c"], missing="skip")
    assert out.iloc[:2].tolist() == pytest.approx([4.0, 3.5])
    assert np.isnan(out.iloc[2])


def test_weighted_score_dict_weights_by_hand(tiny):
    # row 10: .5*5 + .25*3 + .25*4 = 4.25; row 20: 3; row 30: .5 + .5 + .75 = 1.75
    out = s.weighted_score(tiny, W3)
    assert out.name == "weighted_score"
    assert list(out.index) == [10, 20, 30]
    assert out.tolist() == pytest.approx([4.25, 3.0, 1.75])


def test_weighted_score_series_weights_and_normalize(tiny):
    series = pd.Series({"c": 0.25, "a": 0.5, "b": 0.25})  # order does not matter
    assert s.weighted_score(tiny, series).tolist() == pytest.approx([4.25, 3.0, 1.75])
    raw = {"a": 2, "b": 1, "c": 1}  # sums to 4: normalised to W3
    assert s.weighted_score(tiny, raw, normalize=True).tolist() == pytest.approx([4.25, 3.0, 1.75])


def test_weighted_score_subset_of_attributes_via_weights(tiny):
    out = s.weighted_score(tiny, {"a": 0.5, "b": 0.5})  # attribute c ignored
    assert out.tolist() == pytest.approx([4.0, 3.0, 1.5])


def test_weighted_score_per_respondent_importance_by_hand(tiny):
    imp = pd.DataFrame({"a": [1, 2, 0], "b": [1, 1, 1], "c": [2, 1, 1]}, index=tiny.index)
    # weights per row: (.25,.25,.5), (.5,.25,.25), (0,.5,.5)
    out = s.weighted_score(tiny, imp)
    assert out.tolist() == pytest.approx([1.25 + 0.75 + 2.0, 1.5 + 0.75 + 0.75, 1.0 + 1.5])


def test_weighted_score_equal_weights_equals_simple_score(shipped):
    w = {a: 1 / 6 for a in s.ATTRIBUTES}
    pd.testing.assert_series_equal(
        s.weighted_score(shipped, w), s.simple_score(shipped), check_names=False)


def test_weighted_score_skip_renormalises_answered_weights():
    df = pd.DataFrame({"a": [5, np.nan, np.nan], "b": [3, 2, np.nan], "c": [4, 5, np.nan]})
    out = s.weighted_score(df, W3, missing="skip")
    # row 1 answered b and c only: weights .25, .25 -> .5, .5 -> (2 + 5) / 2
    assert out.iloc[:2].tolist() == pytest.approx([4.25, 3.5])
    assert np.isnan(out.iloc[2])


def test_weighted_score_skip_without_missing_equals_raise(tiny):
    pd.testing.assert_series_equal(s.weighted_score(tiny, W3, missing="skip"), s.weighted_score(tiny, W3))


def test_to_csi_by_hand():
    assert s.to_csi(1) == 0 and s.to_csi(5) == 100 and s.to_csi(3) == 50
    assert s.to_csi(4.25) == pytest.approx(81.25)
    assert s.to_csi(4, scale=(1, 7)) == pytest.approx(50)
    assert s.to_csi(7, scale=(0, 10)) == pytest.approx(70)
    out = s.to_csi(pd.Series([1.0, 2.0, 5.0]))
    assert out.tolist() == [0.0, 25.0, 100.0]


def _hand_t_csi(values, conf=0.95, low=1, high=5):
    x = np.asarray(values, dtype=float)
    se = x.std(ddof=1) / math.sqrt(len(x))
    lo, hi = sst.t.interval(conf, len(x) - 1, loc=x.mean(), scale=se)
    scale = lambda m: (m - low) / (high - low) * 100  # noqa: E731
    return scale(x.mean()), max(0.0, scale(lo)), min(100.0, scale(hi))


def test_csi_overall_by_hand_with_t_interval():
    vals = [4, 5, 4, 3, 4, 5, 4, 4, 3, 5]
    out = s.csi(pd.DataFrame({"overall": vals}))
    assert list(out.index) == ["all"] and out.index.name == "group"
    row = out.loc["all"]
    assert row["n"] == 10 and row["mean"] == pytest.approx(4.1)
    assert row["csi"] == pytest.approx(77.5)
    c, lo, hi = _hand_t_csi(vals)
    assert row["ci_low"] == pytest.approx(lo) and row["ci_high"] == pytest.approx(hi)
    out90 = s.csi(pd.DataFrame({"overall": vals}), confidence=0.90)
    assert out90.loc["all", "ci_low"] > lo and out90.loc["all", "ci_high"] < hi


def test_csi_from_series_and_docstring_example():
    assert s.csi(pd.Series([5, 5, 1, 3]))["csi"].item() == 62.5
    scores = pd.Series([4.25, 3.0, 1.75], name="weighted_score")
    assert s.csi(scores)["csi"].item() == pytest.approx((3.0 - 1) / 4 * 100)


def test_csi_by_group_by_hand():
    df = pd.DataFrame({"overall": [5, 3, 4, 2, 1, 5, 4],
                       "segment": ["a", "a", "a", "b", "b", "b", "b"]})
    out = s.csi(df, by="segment")
    assert out.index.name == "segment" and list(out.index) == ["a", "b"]
    assert out["n"].tolist() == [3, 4]
    assert out.loc["a", "csi"] == pytest.approx(75.0)
    assert out.loc["b", "csi"] == pytest.approx(50.0)
    for g, vals in (("a", [5, 3, 4]), ("b", [2, 1, 5, 4])):
        _, lo, hi = _hand_t_csi(vals)
        assert out.loc[g, "ci_low"] == pytest.approx(lo)
        assert out.loc[g, "ci_high"] == pytest.approx(hi)


def test_csi_clips_interval_to_0_100():
    out = s.csi(pd.Series([5, 5, 1, 3]))  # t interval of the mean 0.45..6.55 on 1..5
    assert out["ci_low"].item() == 0.0 and out["ci_high"].item() == 100.0


def test_csi_drops_missing_and_reports_n():
    out = s.csi(pd.DataFrame({"overall": [5, np.nan, 3, np.nan]}))
    assert out["n"].item() == 2 and out["csi"].item() == pytest.approx(75.0)


def _exact_linear(coefs, intercept=1.0):
    x1 = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 2, 4]
    x2 = [2, 1, 4, 3, 5, 5, 3, 1, 2, 4, 4, 1]
    x3 = [3, 3, 1, 5, 2, 4, 1, 2, 5, 4, 1, 3]
    df = pd.DataFrame({"x1": x1, "x2": x2, "x3": x3})
    y = intercept + sum(c * df[k] for k, c in zip(["x1", "x2", "x3"], coefs))
    return df.assign(y=y)


def test_derived_importance_regression_recovers_exact_coefficients():
    df = _exact_linear([0.5, 0.3, 0.2])
    out = s.derived_importance(df, target="y", attributes=["x1", "x2", "x3"])
    assert out.index.name == "attribute" and list(out.index) == ["x1", "x2", "x3"]
    assert out["coef"].tolist() == pytest.approx([0.5, 0.3, 0.2], abs=1e-10)
    assert out["weight"].tolist() == pytest.approx([0.5, 0.3, 0.2], abs=1e-10)
    # r is the Pearson correlation, reported for both methods
    for a in ["x1", "x2", "x3"]:
        assert out.loc[a, "r"] == pytest.approx(np.corrcoef(df[a], df["y"])[0, 1])


def test_derived_importance_negative_coefficient_gets_zero_weight():
    df = _exact_linear([0.6, -0.2, 0.4], intercept=2.0)
    out = s.derived_importance(df, target="y", attributes=["x1", "x2", "x3"])
    assert out["coef"].tolist() == pytest.approx([0.6, -0.2, 0.4], abs=1e-10)
    assert out["weight"].tolist() == pytest.approx([0.6, 0.0, 0.4], abs=1e-10)


def test_derived_importance_correlation_method():
    df = _exact_linear([0.5, 0.3, 0.2])
    out = s.derived_importance(df, target="y", attributes=["x1", "x2", "x3"], method="correlation")
    r = np.array([np.corrcoef(df[a], df["y"])[0, 1] for a in ["x1", "x2", "x3"]])
    pos = np.clip(r, 0, None)
    assert out["r"].to_numpy() == pytest.approx(r)
    assert out["weight"].to_numpy() == pytest.approx(pos / pos.sum())
    assert out["weight"].sum() == pytest.approx(1.0)
    # coef is still the regression coefficient
    assert out["coef"].tolist() == pytest.approx([0.5, 0.3, 0.2], abs=1e-10)


def test_derived_importance_drops_incomplete_rows():
    df = _exact_linear([0.5, 0.3, 0.2])
    noisy = pd.concat([df, pd.DataFrame({"x1": [np.nan], "x2": [1.0], "x3": [1.0], "y": [100.0]})],
                      ignore_index=True)
    out = s.derived_importance(noisy, target="y", attributes=["x1", "x2", "x3"])
    assert out["coef"].tolist() == pytest.approx([0.5, 0.3, 0.2], abs=1e-10)


def test_stated_importance_by_hand():
    df = pd.DataFrame({"imp_a": [5, 3, np.nan], "imp_b": [1, 3, 2]})
    out = s.stated_importance(df, attributes=["a", "b"])
    assert list(out.index) == ["a", "b"] and out.index.name == "attribute"
    assert out["mean"].tolist() == pytest.approx([4.0, 2.0])
    assert out["weight"].tolist() == pytest.approx([2 / 3, 1 / 3])
    df2 = df.rename(columns={"imp_a": "w_a", "imp_b": "w_b"})
    pd.testing.assert_frame_equal(s.stated_importance(df2, ["a", "b"], prefix="w_"), out)


def test_stated_importance_shipped_sums_to_one(shipped):
    out = s.stated_importance(shipped)
    assert list(out.index) == list(s.ATTRIBUTES)
    assert out["weight"].sum() == pytest.approx(1.0)
    assert out["weight"].idxmax() == "price"  # customers say price matters most


PERF = {"a": 5.0, "b": 2.0, "c": 3.0, "d": 2.0}   # mean 3
IMP = {"a": 0.4, "b": 0.1, "c": 0.1, "d": 0.4}     # mean 0.25


def test_ipa_quadrants_by_hand():
    out = s.ipa(PERF, IMP)
    assert out.index.name == "attribute" and list(out.index) == ["a", "b", "c", "d"]
    assert out.attrs["performance_cut"] == pytest.approx(3.0)
    assert out.attrs["importance_cut"] == pytest.approx(0.25)
    # c sits exactly on the performance cut: counts as high performance
    assert out.attrs["quadrant_keys"] == ["keep_up", "low_priority", "possible_overkill", "concentrate_here"]
    assert out["quadrant"].tolist() == ["Keep up the good work", "Low priority",
                                        "Possible overkill", "Concentrate here"]
    assert out["performance"].tolist() == [5.0, 2.0, 3.0, 2.0]
    assert out["importance"].tolist() == [0.4, 0.1, 0.1, 0.4]


def test_ipa_value_on_importance_cut_counts_as_high():
    out = s.ipa(PERF, IMP, performance_cut=4.0, importance_cut=0.4)
    # a: imp .4 == cut -> high, perf 5 >= 4 -> keep_up; d: imp .4 -> high, perf 2 -> concentrate_here
    assert out.attrs["quadrant_keys"] == ["keep_up", "low_priority", "low_priority", "concentrate_here"]
    assert out.attrs["importance_cut"] == 0.4 and out.attrs["performance_cut"] == 4.0


def test_ipa_chinese_labels_and_importance_order():
    imp = pd.Series({"d": 0.4, "c": 0.1, "b": 0.1, "a": 0.4})  # other order: aligned by name
    out = s.ipa(pd.Series(PERF), imp, lang="zh")
    assert out["quadrant"].tolist() == ["继续保持", "次要改进", "可能过度", "重点改进"]
    assert out["quadrant"].tolist() == [t(k, "zh") for k in out.attrs["quadrant_keys"]]
    assert out["importance"].tolist() == [0.4, 0.1, 0.1, 0.4]


def _repurchase_frame(outcome):
    # level 5: 4 respondents, 3 bought; level 4: 5, 1 bought; level 3: 2, 0 bought
    overall = [5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3]
    return pd.DataFrame({"overall": overall, "repurchased": outcome})


BOUGHT = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("outcome", [
    BOUGHT,
    [bool(b) for b in BOUGHT],
    ["Yes" if b else "No" for b in BOUGHT],
    ["y" if b else "n" for b in BOUGHT],
])
def test_repurchase_by_score_by_hand(outcome):
    res = s.repurchase_by_score(_repurchase_frame(outcome))
    assert isinstance(res, s.RepurchaseResult)
    tab = res.table
    assert tab.index.name == "overall" and tab.index.tolist() == [1, 2, 3, 4, 5]
    assert tab["n"].tolist() == [0, 0, 2, 5, 4]
    assert tab["repurchased"].tolist() == [0, 0, 0, 1, 3]
    assert np.isnan(tab.loc[1, "rate"]) and np.isnan(tab.loc[2, "ci_low"])
    assert tab.loc[3:5, "rate"].tolist() == pytest.approx([0.0, 0.2, 0.75])
    lo, hi = wilson_ci([0, 1, 3], [2, 5, 4])
    assert tab.loc[3:5, "ci_low"].to_numpy() == pytest.approx(lo)
    assert tab.loc[3:5, "ci_high"].to_numpy() == pytest.approx(hi)
    # top-box ratio: (3/4) / (1/5) = 3.75, log interval se = sqrt(1/3 - 1/4 + 1/1 - 1/5)
    assert (res.top, res.second) == (5, 4)
    assert res.top_box_ratio == pytest.approx(3.75)
    se = math.sqrt(1 / 3 - 1 / 4 + 1 - 1 / 5)
    z = sst.norm.ppf(0.975)
    assert res.ratio_low == pytest.approx(3.75 * math.exp(-z * se))
    assert res.ratio_high == pytest.approx(3.75 * math.exp(z * se))


def test_repurchase_other_scale_and_columns():
    df = pd.DataFrame({"sat": [7, 7, 6, 6, 1], "back": [1, 0, 0, 1, 0]})
    res = s.repurchase_by_score(df, score="sat", outcome="back", scale=(1, 7))
    assert res.table.index.tolist() == list(range(1, 8))
    assert (res.top, res.second) == (7, 6)
    assert res.top_box_ratio == pytest.approx(1.0)


def test_scores_from_counts_by_hand():
    counts = pd.DataFrame({"n_1": [0, 2], "n_2": [0, 6], "n_3": [1, 14], "n_4": [1, 38], "n_5": [2, 40]})
    out = s.scores_from_counts(counts)
    assert out.name == "mean_score"
    # (3 + 4 + 10) / 4 and the textbook quality row (2 + 12 + 42 + 152 + 200) / 100
    assert out.tolist() == pytest.approx([4.25, 4.08])


def test_scores_from_counts_textbook_case():
    case = datasets.load("textbook_case")
    out = s.scores_from_counts(case)
    n = case[["n_1", "n_2", "n_3", "n_4", "n_5"]].to_numpy()
    assert out.to_numpy() == pytest.approx((n * np.arange(1, 6)).sum(axis=1) / n.sum(axis=1))
    assert out.between(1, 5).all()


# ================================================================== invariants (hypothesis)

ratings_frames = st.integers(1, 25).flatmap(
    lambda n: st.lists(st.lists(st.integers(1, 5), min_size=3, max_size=3), min_size=n, max_size=n)
).map(lambda rows: pd.DataFrame(rows, columns=["a", "b", "c"]))
raw_weights = st.lists(st.floats(0.0, 10.0), min_size=3, max_size=3).filter(lambda w: sum(w) > 0.01)

HSET = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HSET
@given(ratings_frames, raw_weights)
def test_weighted_score_between_min_and_max_rating(df, w):
    out = s.weighted_score(df, dict(zip("abc", w)), normalize=True)
    assert (out >= df.min(axis=1) - 1e-9).all()
    assert (out <= df.max(axis=1) + 1e-9).all()


@HSET
@given(ratings_frames, st.lists(st.integers(1, 5), min_size=3, max_size=3))
def test_weighted_score_importance_table_between_min_and_max(df, imp_row):
    imp = pd.DataFrame([imp_row] * len(df), columns=["a", "b", "c"], index=df.index)
    out = s.weighted_score(df, imp)
    assert (out >= df.min(axis=1) - 1e-9).all() and (out <= df.max(axis=1) + 1e-9).all()
    # constant importance rows = the same fixed weights
    fixed = s.weighted_score(df, dict(zip("abc", imp_row)), normalize=True)
    assert out.to_numpy() == pytest.approx(fixed.to_numpy())


@HSET
@given(st.lists(st.integers(1, 5), min_size=2, max_size=40), st.sampled_from([0.8, 0.95, 0.99]))
def test_csi_and_interval_inside_0_100(values, conf):
    out = s.csi(pd.Series(values), confidence=conf)
    row = out.iloc[0]
    assert 0 <= row["csi"] <= 100
    if np.std(values) > 0:
        assert 0 <= row["ci_low"] <= row["csi"] <= row["ci_high"] <= 100


@HSET
@given(ratings_frames, st.randoms(use_true_random=False))
def test_row_order_does_not_matter(df, rnd):
    df = df.assign(overall=df["a"], segment=np.where(df.index % 2 == 0, "x", "y"))
    order = list(df.index)
    rnd.shuffle(order)
    perm = df.loc[order]
    pd.testing.assert_series_equal(s.simple_score(perm, ["a", "b", "c"]).loc[df.index],
                                   s.simple_score(df, ["a", "b", "c"]))
    pd.testing.assert_series_equal(s.weighted_score(perm, W3).loc[df.index], s.weighted_score(df, W3))
    pd.testing.assert_frame_equal(s.csi(perm), s.csi(df), check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(s.csi(perm, by="segment"), s.csi(df, by="segment"),
                                  check_exact=False, rtol=1e-12)


def test_row_order_does_not_matter_for_importance_and_repurchase(shipped):
    sample = shipped.head(400)
    perm = sample.sample(frac=1.0, random_state=3)
    pd.testing.assert_frame_equal(s.derived_importance(perm), s.derived_importance(sample),
                                  check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(s.repurchase_by_score(perm).table, s.repurchase_by_score(sample).table)
    imp = sample[[f"imp_{a}" for a in s.ATTRIBUTES]].set_axis(list(s.ATTRIBUTES), axis=1)
    per = s.weighted_score(perm, imp.loc[perm.index])
    pd.testing.assert_series_equal(per.loc[sample.index], s.weighted_score(sample, imp))


@HSET
@given(ratings_frames)
def test_inputs_not_mutated(df):
    df = df.astype("float64").assign(overall=df["a"], grp=np.where(df.index % 2 == 0, "x", "y"))
    df.loc[df.index[0], "b"] = np.nan
    imp = pd.DataFrame(1.0, index=df.index, columns=["a", "b", "c"])
    before, imp_before = df.copy(), imp.copy()
    weights = {"a": 2.0, "b": 1.0, "c": 1.0}
    s.simple_score(df, ["a", "b", "c"], missing="skip")
    s.weighted_score(df, weights, normalize=True, missing="skip")
    s.weighted_score(df, imp, missing="skip")
    s.csi(df, by="grp")
    s.csi(df, column="c")
    pd.testing.assert_frame_equal(df, before)
    pd.testing.assert_frame_equal(imp, imp_before)
    assert weights == {"a": 2.0, "b": 1.0, "c": 1.0}


def test_inputs_not_mutated_other_helpers(shipped):
    df = shipped.head(300).copy()
    before = df.copy()
    perf, imp = pd.Series(PERF), pd.Series(IMP)
    perf_b, imp_b = perf.copy(), imp.copy()
    s.derived_importance(df)
    s.derived_importance(df, method="correlation")
    s.stated_importance(df)
    s.repurchase_by_score(df.assign(repurchased=np.where(df["repurchased"], "Yes", "No")))
    s.repurchase_by_score(df)
    s.ipa(perf, imp)
    counts = datasets.load("textbook_case")
    counts_b = counts.copy()
    s.scores_from_counts(counts)
    pd.testing.assert_frame_equal(df, before)
    pd.testing.assert_frame_equal(counts, counts_b)
    pd.testing.assert_series_equal(perf, perf_b)
    pd.testing.assert_series_equal(imp, imp_b)


# ================================================================== ground truth

def test_derived_importance_recovers_true_weights(big):
    frame, truth = big.frame, big.truth
    out = s.derived_importance(frame)
    true = pd.Series(truth["weights"]).reindex(out.index)
    # same ranking of the attributes as the generator ...
    assert list(out["weight"].sort_values(ascending=False).index) == list(true.sort_values(ascending=False).index)
    # ... and each weight within 0.04 of the true one
    assert (out["weight"] - true).abs().max() < 0.04
    assert out["weight"].sum() == pytest.approx(1.0)


def test_stated_importance_recovers_generator_means(big):
    out = s.stated_importance(big.frame)
    true = pd.Series(big.truth["stated_importance_mean"]).reindex(out.index)
    # rounding and clipping to 1-5 pull the means toward 3 by < 0.15
    assert (out["mean"] - true).abs().max() < 0.15


def test_repurchase_rates_recover_true_probabilities(big):
    res = s.repurchase_by_score(big.frame, confidence=0.99)
    tab = res.table
    true = pd.Series({int(k): v for k, v in big.truth["repurchase_prob"].items()}).reindex(tab.index)
    # every true probability inside its 99% Wilson interval (seed 0, n = 20000)
    assert ((tab["ci_low"] <= true) & (true <= tab["ci_high"])).all(), tab.assign(true=true)
    # well-populated levels (n >= 500): rate within 0.03 of the truth
    big_levels = tab["n"] >= 500
    assert ((tab["rate"] - true).abs()[big_levels] < 0.03).all()
    assert res.ratio_low <= big.truth["top_box_ratio"] <= res.ratio_high


def test_csi_by_segment_follows_segment_shift(big):
    out = s.csi(big.frame, by="segment")
    shift = big.truth["segment_shift"]
    assert list(out.sort_values("csi").index) == sorted(shift, key=shift.get)


# ================================================================== bad input

def test_done_when_rating_6_names_column_and_row(tiny):
    bad = tiny.copy()
    bad.loc[20, "b"] = 6
    with pytest.raises(crmlab.CRMDataError, match=r"column 'b'.*outside the 1-5 scale.*row 20: 6"):
        s.weighted_score(bad, W3)


@pytest.mark.parametrize("func", [
    lambda df: s.simple_score(df, ["a", "b", "c"]),
    lambda df: s.weighted_score(df, W3),
])
class TestRatingValidation:
    def test_missing_column(self, func, tiny):
        with pytest.raises(CRMDataError, match="column 'c' is missing"):
            func(tiny.drop(columns="c"))

    def test_text_column(self, func, tiny):
        bad = tiny.assign(a=["5", "three", "1"])
        with pytest.raises(CRMDataError, match=r"column 'a' must be numeric.*row 20: 'three'"):
            func(bad)

    def test_out_of_range(self, func, tiny):
        with pytest.raises(CRMDataError, match=r"column 'c'.*row 30: 0"):
            func(tiny.assign(c=[4, 3, 0]))

    def test_missing_value_raises_with_skip_hint(self, func, tiny):
        with pytest.raises(CRMDataError, match=r"column 'b' has 1 missing.*row\(s\) 10.*missing='skip'"):
            func(tiny.assign(b=[np.nan, 3, 2]))

    def test_empty_frame(self, func, tiny):
        with pytest.raises(CRMDataError, match="survey has 0 rows"):
            func(tiny.iloc[:0])

    def test_not_a_frame(self, func, tiny):
        with pytest.raises(CRMDataError, match="DataFrame"):
            func(tiny.to_numpy())


def test_unknown_missing_option(tiny):
    with pytest.raises(CRMDataError, match="missing='drop'"):
        s.simple_score(tiny, ["a", "b"], missing="drop")
    with pytest.raises(CRMDataError, match="missing='drop'"):
        s.weighted_score(tiny, W3, missing="drop")


def test_simple_score_empty_attributes(tiny):
    with pytest.raises(CRMDataError, match="attributes"):
        s.simple_score(tiny, [])


def test_weighted_score_weights_not_summing_to_one(tiny):
    with pytest.raises(CRMDataError, match=r"sum to 0.9, not 1.*normalize=True"):
        s.weighted_score(tiny, {"a": 0.5, "b": 0.2, "c": 0.2})


def test_weighted_score_weights_unknown_attribute(tiny):
    with pytest.raises(CRMDataError, match="'colour'"):
        s.weighted_score(tiny, {"a": 0.5, "colour": 0.5}, attributes=["a", "b"])
    with pytest.raises(CRMDataError, match="column 'colour' is missing"):
        s.weighted_score(tiny, {"a": 0.5, "colour": 0.5})


def test_weighted_score_weight_missing_for_attribute(tiny):
    with pytest.raises(CRMDataError, match="missing for 'c'"):
        s.weighted_score(tiny, {"a": 0.5, "b": 0.5}, attributes=["a", "b", "c"])


def test_weighted_score_negative_weight(tiny):
    with pytest.raises(CRMDataError, match="'b': -0.5"):
        s.weighted_score(tiny, {"a": 1.0, "b": -0.5, "c": 0.5})


def test_weighted_score_importance_table_other_index(tiny):
    imp = pd.DataFrame(1, index=[0, 1, 2], columns=["a", "b", "c"])
    with pytest.raises(CRMDataError, match="importance table has other row labels"):
        s.weighted_score(tiny, imp)


def test_weighted_score_importance_table_missing_column(tiny):
    imp = pd.DataFrame(1, index=tiny.index, columns=["a", "b", "c"])
    with pytest.raises(CRMDataError, match="column 'c' is missing from importance"):
        s.weighted_score(tiny, imp.drop(columns="c"), attributes=["a", "b", "c"])


def test_weighted_score_importance_table_negative_and_zero_rows(tiny):
    imp = pd.DataFrame({"a": [1, -1, 1], "b": [1, 1, 1], "c": [1, 1, 1]}, index=tiny.index)
    with pytest.raises(CRMDataError, match=r"column 'a' must not be negative.*row 20: -1"):
        s.weighted_score(tiny, imp)
    imp = pd.DataFrame({"a": [1, 0, 1], "b": [1, 0, 1], "c": [1, 0, 1]}, index=tiny.index)
    with pytest.raises(CRMDataError, match=r"sum to 0 for row\(s\) 20"):
        s.weighted_score(tiny, imp)


def test_weighted_score_importance_table_missing_value_is_not_silent(tiny):
    """A missing importance rating must not silently turn the score into NaN."""
    imp = pd.DataFrame({"a": [1, np.nan, 1], "b": [1, 1, 1], "c": [2, 1, 1]}, index=tiny.index)
    with pytest.raises(CRMDataError, match=r"column 'a'.*row\(s\) 20"):
        s.weighted_score(tiny, imp)


def test_csi_bad_inputs():
    df = pd.DataFrame({"overall": [5, 3, 4], "segment": ["a", "b", "a"]})
    with pytest.raises(CRMDataError, match="column 'score' is missing"):
        s.csi(df, column="score")
    with pytest.raises(CRMDataError, match="column 'region' is missing"):
        s.csi(df, by="region")
    with pytest.raises(CRMDataError, match=r"column 'overall'.*row 1: 9"):
        s.csi(df.assign(overall=[5, 9, 4]))
    with pytest.raises(CRMDataError, match="column 'overall' must be numeric"):
        s.csi(df.assign(overall=["5", "x", "4"]))
    with pytest.raises(CRMDataError, match="column 'overall' has no answers"):
        s.csi(df.assign(overall=np.nan))
    with pytest.raises(CRMDataError, match="data has 0 rows"):
        s.csi(df.iloc[:0])
    with pytest.raises(CRMDataError, match="confidence"):
        s.csi(df, confidence=95)


def test_derived_importance_bad_inputs():
    df = _exact_linear([0.5, 0.3, 0.2])
    attrs = ["x1", "x2", "x3"]
    with pytest.raises(CRMDataError, match=r"column 'x2' does not vary"):
        s.derived_importance(df.assign(x2=3), target="y", attributes=attrs)
    with pytest.raises(CRMDataError, match="method='lasso'"):
        s.derived_importance(df, target="y", attributes=attrs, method="lasso")
    with pytest.raises(CRMDataError, match="column 'overall' is missing"):
        s.derived_importance(df, attributes=attrs)
    with pytest.raises(CRMDataError, match="column 'x4' is missing"):
        s.derived_importance(df, target="y", attributes=[*attrs, "x4"])
    with pytest.raises(CRMDataError, match="column 'x1' must be numeric"):
        s.derived_importance(df.assign(x1=df["x1"].astype(str)), target="y", attributes=attrs)
    with pytest.raises(CRMDataError, match="more complete rows"):
        s.derived_importance(df.head(4), target="y", attributes=attrs)
    with pytest.raises(CRMDataError, match="survey has 0 rows"):
        s.derived_importance(df.iloc[:0], target="y", attributes=attrs)


def test_stated_importance_bad_inputs():
    df = pd.DataFrame({"imp_a": [5, 3], "imp_b": [1, 3]})
    with pytest.raises(CRMDataError, match="column 'imp_c' is missing"):
        s.stated_importance(df, attributes=["a", "b", "c"])
    with pytest.raises(CRMDataError, match=r"column 'imp_b'.*row 0: 0"):
        s.stated_importance(df.assign(imp_b=[0, 3]), attributes=["a", "b"])
    with pytest.raises(CRMDataError, match="survey has 0 rows"):
        s.stated_importance(df.iloc[:0], attributes=["a", "b"])


def test_ipa_bad_inputs():
    with pytest.raises(CRMDataError, match=r"same attributes.*'c'"):
        s.ipa({"a": 3, "b": 4}, {"a": 0.5, "c": 0.5})
    with pytest.raises(CRMDataError, match="performance is empty"):
        s.ipa({}, {})
    with pytest.raises(CRMDataError, match="importance has missing values for 'b'"):
        s.ipa({"a": 3, "b": 4}, {"a": 0.5, "b": np.nan})
    with pytest.raises(CRMDataError, match="lang='fr'"):
        s.ipa(PERF, IMP, lang="fr")


def test_repurchase_bad_inputs():
    df = _repurchase_frame(BOUGHT)
    with pytest.raises(CRMDataError, match="column 'repurchased' is missing"):
        s.repurchase_by_score(df.drop(columns="repurchased"))
    with pytest.raises(CRMDataError, match=r"column 'overall' must hold whole-number.*row 0: 4.5"):
        s.repurchase_by_score(df.assign(overall=[4.5] + df["overall"].tolist()[1:]))
    with pytest.raises(CRMDataError, match=r"column 'overall'.*outside.*row 2: 6"):
        s.repurchase_by_score(df.assign(overall=[5, 5, 6, 5, 4, 4, 4, 4, 4, 3, 3]))
    with pytest.raises(CRMDataError, match=r"column 'overall' has 1 missing.*drop the rows"):
        s.repurchase_by_score(df.assign(overall=[np.nan] + df["overall"].tolist()[1:]))
    with pytest.raises(CRMDataError, match=r"column 'repurchased'.*unknown text.*row 1: 'maybe'"):
        s.repurchase_by_score(df.assign(repurchased=["Yes", "maybe"] + ["No"] * 9))
    with pytest.raises(CRMDataError, match=r"column 'repurchased'.*other than 0/1.*row 0: 2"):
        s.repurchase_by_score(df.assign(repurchased=[2] + BOUGHT[1:]))
    with pytest.raises(CRMDataError, match="survey has 0 rows"):
        s.repurchase_by_score(df.iloc[:0])


def test_scores_from_counts_bad_inputs():
    counts = pd.DataFrame({"n_1": [1], "n_2": [1], "n_3": [1], "n_4": [1], "n_5": [1]})
    with pytest.raises(CRMDataError, match="column 'n_5' is missing"):
        s.scores_from_counts(counts.drop(columns="n_5"))
    with pytest.raises(CRMDataError, match=r"column 'n_2' must not be negative.*row 0: -1"):
        s.scores_from_counts(counts.assign(n_2=-1))
    with pytest.raises(CRMDataError, match="sums to 0"):
        s.scores_from_counts(counts * 0)
    with pytest.raises(CRMDataError, match="column 'n_3' must be numeric"):
        s.scores_from_counts(counts.assign(n_3="many"))
    with pytest.raises(CRMDataError, match="counts has 0 rows"):
        s.scores_from_counts(counts.iloc[:0])


def test_weighted_score_stays_on_the_scale_despite_rounding():
    # six slider weights of 1/6 sum to 1.0000000000000002; all-5 ratings then give 5.000000000000002
    df = pd.DataFrame({a: [5, 5, 1] for a in "abcdef"})
    scores = crmlab.satisfaction.weighted_score(df, {a: 1 / 6 for a in "abcdef"}, normalize=True)
    assert scores.max() <= 5 and scores.tolist() == pytest.approx([5.0, 5.0, 1.0])
    table = crmlab.satisfaction.csi(scores.to_frame("weighted_score"), "weighted_score")
    assert table["n"].iloc[0] == 3 and table["csi"].iloc[0] == pytest.approx(200 / 3)


# ================================================================== relative weights (Johnson 2000)

def _rw_two(r12, r1y, r2y):
    """Relative weights of two predictors by hand, from the closed form of R^(1/2) for a 2x2 matrix.

    R = [[1, r], [r, 1]] has eigenvalues 1 +- r with eigenvectors (1, 1)/sqrt2 and (1, -1)/sqrt2, so
    R^(1/2) = 0.5 [[a + b, a - b], [a - b, a + b]] with a = sqrt(1 + r), b = sqrt(1 - r).
    """
    a, b = math.sqrt(1 + r12), math.sqrt(1 - r12)
    lam = 0.5 * np.array([[a + b, a - b], [a - b, a + b]])
    beta = np.linalg.inv(lam) @ np.array([r1y, r2y])
    return (lam ** 2) @ (beta ** 2)


def test_relative_weights_two_predictors_by_hand():
    rng = np.random.default_rng(11)
    x1 = rng.normal(size=300)
    x2 = 0.6 * x1 + 0.8 * rng.normal(size=300)
    df = pd.DataFrame({"x1": x1, "x2": x2, "y": 0.7 * x1 + 0.2 * x2 + rng.normal(0, 0.5, 300)})
    c = df.corr()
    expected = _rw_two(c.loc["x1", "x2"], c.loc["x1", "y"], c.loc["x2", "y"])
    out = s.relative_weights(df, "y", ["x1", "x2"])
    assert out["raw_weight"].to_numpy() == pytest.approx(expected, rel=1e-10)
    # the raw weights sum to the R^2 of the OLS regression
    X = np.column_stack([np.ones(300), x1, x2])
    resid = df["y"] - X @ np.linalg.lstsq(X, df["y"], rcond=None)[0]
    r2 = 1 - (resid ** 2).sum() / ((df["y"] - df["y"].mean()) ** 2).sum()
    assert out["raw_weight"].sum() == pytest.approx(r2, rel=1e-10)
    assert out.attrs["r2"] == pytest.approx(r2, rel=1e-10)
    assert out["weight"].sum() == pytest.approx(1.0)
    assert list(out.columns) == ["raw_weight", "weight", "r"]


def test_relative_weights_uncorrelated_predictors_are_squared_correlations():
    # x1, x2, x3 exactly uncorrelated (centred orthogonal columns): epsilon_j = r_jy^2
    base = np.array([[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]], dtype=float)
    x = np.vstack([base, -base])
    y = x @ [0.5, 0.3, 0.1] + np.array([0.2, -0.1, 0.05, -0.15, 0.1, 0.0, -0.05, -0.05])
    df = pd.DataFrame(x, columns=["x1", "x2", "x3"]).assign(y=y)
    out = s.relative_weights(df, "y", ["x1", "x2", "x3"])
    r = np.array([np.corrcoef(df[a], y)[0, 1] for a in ["x1", "x2", "x3"]])
    assert out["raw_weight"].to_numpy() == pytest.approx(r ** 2, rel=1e-10)


def test_relative_weights_split_a_repeated_question_evenly():
    # two near-copies of one rating share its weight (OLS would give one of them all, or a sign flip)
    rng = np.random.default_rng(5)
    z = rng.normal(size=2000)
    df = pd.DataFrame({"a": z + 0.05 * rng.normal(size=2000), "b": z + 0.05 * rng.normal(size=2000),
                       "c": rng.normal(size=2000)})
    df["y"] = z + 0.5 * df["c"] + rng.normal(0, 0.5, 2000)
    out = s.relative_weights(df, "y", ["a", "b", "c"])
    assert out.loc["a", "weight"] == pytest.approx(out.loc["b", "weight"], abs=0.01)
    assert (out["raw_weight"] >= 0).all()


def test_relative_weights_recover_the_true_order(big):
    """On 20,000 generated respondents the relative weights rank the attributes as the true weights."""
    out = s.relative_weights(big.frame)
    true = pd.Series(big.truth["weights"])
    assert list(out["weight"].sort_values(kind="stable").index) == list(true.sort_values(kind="stable").index)
    # within 0.04 of the true weights (relative weights share the halo, so they are not the true weights)
    assert (out["weight"] - true).abs().max() < 0.04
    assert out["raw_weight"].sum() == pytest.approx(out.attrs["r2"], rel=1e-9)


def test_relative_weights_row_order_and_no_mutation(shipped):
    sample = shipped.head(400).copy()
    before = sample.copy()
    perm = sample.sample(frac=1.0, random_state=2)
    pd.testing.assert_frame_equal(s.relative_weights(perm), s.relative_weights(sample), check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(sample, before)
