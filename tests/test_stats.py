"""Unit tests of the shared interval helpers (crmlab.stats)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sst

from crmlab.errors import CRMDataError
from crmlab.stats import diff_ci, mean_ci, ratio_ci, wilson_ci

Z95 = 1.959963984540054


# ------------------------------------------------------------------ wilson_ci

def test_wilson_half_by_hand():
    # p = 0.5, n = 10: centre 0.5, half = z*sqrt(.025 + z^2/400) / (1 + z^2/10)
    low, high = wilson_ci(5, 10)
    half = Z95 * math.sqrt(0.025 + Z95**2 / 400) / (1 + Z95**2 / 10)
    assert float(low) == pytest.approx(0.5 - half, abs=1e-12)
    assert float(high) == pytest.approx(0.5 + half, abs=1e-12)
    assert (round(float(low), 4), round(float(high), 4)) == (0.2366, 0.7634)


@pytest.mark.parametrize("k, n, expected", [
    (81, 263, (0.2553, 0.3662)),  # Newcombe (1998), table I
    (15, 148, (0.0624, 0.1605)),
    (0, 20, (0.0, 0.1611)),
    (1, 29, (0.0061, 0.1718)),
])
def test_wilson_published_values(k, n, expected):
    low, high = wilson_ci(k, n)
    assert (round(float(low), 4), round(float(high), 4)) == expected


def test_wilson_edges():
    z2 = Z95**2
    low, high = wilson_ci([0, 10, 0], [10, 10, 0])
    assert low[0] == pytest.approx(0.0, abs=1e-12) and high[0] == pytest.approx(z2 / (10 + z2))   # k = 0
    assert high[1] == pytest.approx(1.0) and low[1] == pytest.approx(10 / (10 + z2))   # k = n
    assert np.isnan(low[2]) and np.isnan(high[2])                      # n = 0


def test_wilson_confidence_changes_width():
    l90, h90 = wilson_ci(30, 100, 0.90)
    l99, h99 = wilson_ci(30, 100, 0.99)
    assert l99 < l90 < 0.3 < h90 < h99


def test_wilson_vectorised_over_series():
    k = pd.Series([1, 2, 3])
    n = pd.Series([10, 10, 10])
    low, high = wilson_ci(k, n)
    assert low.shape == (3,) and np.all(np.diff(low) > 0) and np.all(np.diff(high) > 0)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
       st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_contains_p_and_stays_in_unit_interval(kn, conf):
    k, n = kn
    low, high = wilson_ci(k, n, conf)
    assert 0.0 <= low <= k / n + 1e-12
    assert k / n - 1e-12 <= high <= 1.0
    # symmetry: interval for n-k is the mirror image
    low2, high2 = wilson_ci(n - k, n, conf)
    assert float(low2) == pytest.approx(1 - float(high), abs=1e-9)
    assert float(high2) == pytest.approx(1 - float(low), abs=1e-9)


# ------------------------------------------------------------------ mean_ci

def test_mean_ci_overall_matches_scipy_t_interval():
    x = pd.Series([3.0, 4.0, 5.0, 4.0, 2.0, 5.0, 1.0])
    out = mean_ci(x)
    assert len(out) == 1
    row = out.iloc[0]
    sd = x.std(ddof=1)
    lo, hi = sst.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=sd / math.sqrt(len(x)))
    assert row["n"] == 7 and out["n"].dtype == "int64"
    assert row["mean"] == pytest.approx(24 / 7)
    assert row["sd"] == pytest.approx(sd)
    assert row["se"] == pytest.approx(sd / math.sqrt(7))
    assert row["ci_low"] == pytest.approx(lo) and row["ci_high"] == pytest.approx(hi)


def test_mean_ci_by_group_and_confidence():
    x = pd.Series([1.0, 2.0, 3.0, 10.0, 20.0, 7.0])
    g = pd.Series(["b", "b", "b", "a", "a", "c"])
    out = mean_ci(x, by=g, confidence=0.90)
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["b", "mean"] == 2.0 and out.loc["a", "mean"] == 15.0
    lo, hi = sst.t.interval(0.90, 2, loc=2.0, scale=1.0 / math.sqrt(3))
    assert out.loc["b", "ci_low"] == pytest.approx(lo) and out.loc["b", "ci_high"] == pytest.approx(hi)
    lo, hi = sst.t.interval(0.90, 1, loc=15.0, scale=np.std([10, 20], ddof=1) / math.sqrt(2))
    assert out.loc["a", "ci_low"] == pytest.approx(lo) and out.loc["a", "ci_high"] == pytest.approx(hi)
    # a group of one has no interval
    assert out.loc["c", "n"] == 1
    assert np.isnan(out.loc["c", "ci_low"]) and np.isnan(out.loc["c", "ci_high"])


def test_mean_ci_skips_missing_values():
    out = mean_ci(pd.Series([1.0, np.nan, 3.0]))
    assert out.iloc[0]["n"] == 2 and out.iloc[0]["mean"] == 2.0


# ------------------------------------------------------------------ ratio_ci

def test_ratio_ci_by_hand():
    # (20/100) / (10/100) = 2; se(log) = sqrt(1/20 - 1/100 + 1/10 - 1/100) = sqrt(0.13)
    ratio, low, high = ratio_ci(20, 100, 10, 100)
    se = math.sqrt(0.13)
    assert float(ratio) == pytest.approx(2.0)
    assert float(low) == pytest.approx(2 * math.exp(-Z95 * se))
    assert float(high) == pytest.approx(2 * math.exp(Z95 * se))
    assert (round(float(low), 3), round(float(high), 3)) == (0.987, 4.054)


def test_ratio_ci_vectorised_and_brackets_ratio():
    ratio, low, high = ratio_ci([30, 5], [50, 40], [10, 5], [50, 40])
    assert ratio.tolist() == pytest.approx([3.0, 1.0])
    assert np.all(low < ratio) and np.all(ratio < high)


# ------------------------------------------------------------------ diff_ci

def test_diff_ci_newcombe_published_example():
    # Newcombe (1998), method 10: 56/70 - 48/80 = 0.2, 95% CI 0.0524 to 0.3339
    d, low, high = diff_ci(56, 70, 48, 80)
    assert float(d) == pytest.approx(0.2)
    assert (round(float(low), 4), round(float(high), 4)) == (0.0524, 0.3339)


def test_diff_ci_equal_proportions_symmetric():
    d, low, high = diff_ci(5, 10, 5, 10)
    l1, u1 = wilson_ci(5, 10)
    assert float(d) == 0.0
    assert float(high) == pytest.approx(-float(low))
    assert float(high) == pytest.approx(math.sqrt(2) * (float(u1) - 0.5))


# ------------------------------------------------------------------ bad confidence

@pytest.mark.parametrize("conf", [0, 1, 95, -0.5, 1.5])
def test_bad_confidence_raises(conf):
    with pytest.raises(CRMDataError, match="confidence"):
        wilson_ci(5, 10, conf)
    with pytest.raises(CRMDataError, match="confidence"):
        mean_ci(pd.Series([1.0, 2.0]), confidence=conf)
    with pytest.raises(CRMDataError, match="confidence"):
        ratio_ci(1, 2, 1, 2, conf)
    with pytest.raises(CRMDataError, match="confidence"):
        diff_ci(1, 2, 1, 2, conf)


# ------------------------------------------------------------------ one statistics core

from crmlab import burnett as _bm  # noqa: E402
from crmlab import loyalty as _loy  # noqa: E402
from crmlab.stats import describe, pareto_share, t_quantile, z_quantile  # noqa: E402


def test_quantiles_by_table():
    assert z_quantile(0.95) == pytest.approx(Z95, abs=1e-12)
    assert round(z_quantile(0.90), 4) == 1.6449
    assert round(t_quantile(0.95, 9), 3) == 2.262          # t table, 9 df
    assert round(t_quantile(0.99, 4), 3) == 4.604
    out = t_quantile(0.95, np.array([0, 1, np.nan, 29]))
    assert np.isnan(out[0]) and np.isnan(out[2])
    assert round(out[1], 3) == 12.706 and round(out[3], 3) == 2.045


def test_diff_ci_of_means_is_welch_by_hand():
    # a = 1/10, b = 2.25/12, se = sqrt(0.2875); nu = 0.2875^2 / (0.1^2/9 + 0.1875^2/11)
    d, lo, hi = diff_ci(5.0, 10, 4.0, 12, sd1=1.0, sd2=1.5)
    se = math.sqrt(0.2875)
    nu = 0.2875**2 / (0.01 / 9 + 0.1875**2 / 11)
    assert round(nu, 2) == 19.19
    half = sst.t.ppf(0.975, nu) * se
    assert float(d) == 1.0
    assert (float(lo), float(hi)) == pytest.approx((1 - half, 1 + half), abs=1e-12)
    # a group of one has no sd: the interval is undefined, not a number
    _, lo1, hi1 = diff_ci(5.0, 1, 4.0, 12, sd1=np.nan, sd2=1.5)
    assert np.isnan(lo1) and np.isnan(hi1)


def test_diff_ci_of_means_matches_scipy_welch():
    rng = np.random.default_rng(3)
    x, y = rng.normal(5, 1, 14), rng.normal(4.5, 2, 9)
    d, lo, hi = diff_ci(x.mean(), len(x), y.mean(), len(y), sd1=x.std(ddof=1), sd2=y.std(ddof=1))
    ref = sst.ttest_ind(x, y, equal_var=False).confidence_interval(0.95)
    assert (float(lo), float(hi)) == pytest.approx((ref.low, ref.high), abs=1e-10)


def test_describe_by_hand_and_per_group():
    out = describe(pd.Series([1.0, 2, 3, 4]))
    row = out.iloc[0]
    sd = math.sqrt(5 / 3)
    assert (row["n"], row["mean"], row["sd"]) == (4, 2.5, pytest.approx(sd))
    assert row["ci_high"] - row["mean"] == pytest.approx(sst.t.ppf(0.975, 3) * sd / 2)
    frame = pd.DataFrame({"a": [1.0, 2, 3, np.nan], "b": [2.0, 2, 4, 4]})
    by = pd.Series(["x", "x", "y", "y"], name="g")
    t = describe(frame, by=by)
    assert list(t.index) == [("x", "a"), ("x", "b"), ("y", "a"), ("y", "b")]
    assert t["n"].tolist() == [2, 2, 1, 2] and t["mean"].tolist() == [1.5, 2.0, 3.0, 4.0]
    assert np.isnan(t.loc[("y", "a"), "ci_low"])                  # one value: no interval
    assert t.loc[("y", "b"), "sd"] == 0 and t.loc[("y", "b"), "ci_low"] == 4.0
    # mean_ci is describe of one column
    pd.testing.assert_frame_equal(mean_ci(frame["b"], by=by), describe(frame["b"], by=by))


def test_pareto_share_interpolates_the_pareto_curve_by_hand():
    vals = [60.0, 20, 10, 5, 5]                                     # total 100, sorted already
    assert pareto_share(vals, top=0.2) == pytest.approx(0.60)       # k = 1 whole customer
    assert pareto_share(vals, top=0.3) == pytest.approx(0.70)       # k = 1.5: 60 + 0.5 * 20
    assert pareto_share(vals, top=0.5) == pytest.approx(0.85)       # k = 2.5: 60 + 20 + 0.5 * 10
    assert pareto_share([1.0] * 6, top=0.2) == pytest.approx(0.2)   # 1.2 of 6 equal customers, not 2
    assert pareto_share(vals, top=1) == pytest.approx(1.0)


def test_pareto_share_is_one_definition_in_both_topics():
    vals = pd.Series([5.0, 60, 10, 20, 5])
    assert _bm.pareto_share is pareto_share
    for top in (0.2, 0.3, 0.5, 0.9):
        assert _loy.pareto_share(vals, top=top) == pareto_share(vals, top=top)
    tx = pd.DataFrame({"customer_id": [1, 1, 2, 3, 4, 5], "amount": [30.0, 30, 20, 10, 5, 5]})
    assert _loy.pareto_share(tx, top=0.3) == pytest.approx(0.70)
    curve = _loy.lorenz_curve(vals)
    assert pareto_share(vals, 0.3) == pytest.approx(np.interp(0.3, curve["customer_share"], curve["value_share"]))
