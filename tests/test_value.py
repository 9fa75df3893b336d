"""Topic 6, customer value: hand-computed values, ground-truth recovery, invariants, cross-checks."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab import value as val
from crmlab.errors import CRMDataError, CRMWarning


@pytest.fixture(scope="module")
def tx():
    return datasets.load("loyalty_transactions")


@pytest.fixture(scope="module")
def summary(tx):
    return loy.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31", amount="amount")


@pytest.fixture(scope="module")
def fits(summary):
    return loy.fit_bgnbd(summary), val.fit_gamma_gamma(summary)


# ------------------------------------------------------------------ simple CLV

def test_margin_multiplier_table_by_hand():
    table = val.margin_multiplier_table([0.5, 0.8, 0.9], [0.1, 0.2])
    assert table.loc[0.8, 0.1] == pytest.approx(0.8 / 0.3)
    assert table.loc[0.5, 0.2] == pytest.approx(0.5 / 0.7)
    assert table.loc[0.9, 0.1] == pytest.approx(4.5)
    assert list(table.index) == [0.5, 0.8, 0.9] and list(table.columns) == [0.1, 0.2]


@given(st.floats(0.0, 0.98), st.floats(0.0, 0.5))
@settings(max_examples=60, deadline=None)
def test_multiplier_rises_with_retention_and_falls_with_discount(r, d):
    t = val.margin_multiplier_table([r, r + 0.01], [d, d + 0.01])
    assert t.iloc[1, 0] > t.iloc[0, 0] or r == 0 and t.iloc[0, 0] == 0
    assert t.iloc[0, 1] <= t.iloc[0, 0]
    assert t.iloc[1, 0] == pytest.approx(loy.clv(1.0, r + 0.01, d))  # CLV = margin x multiplier


def test_retention_surface_by_hand():
    # flat margin, d = 0.1: (0.85 / 0.25) / (0.8 / 0.3) - 1 = 27.5%; margins +8% a year at r = 0.9:
    # (0.95 / (1.1 - 0.95 * 1.08)) / (0.9 / (1.1 - 0.9 * 1.08)) - 1 = 82.58%
    s = val.retention_surface([0.6, 0.8, 0.9], [0.0, 0.08], discount=0.1)
    assert s.loc[0.8, 0.0] == pytest.approx(((0.85 / 0.25) / (0.8 / 0.3) - 1) * 100)
    assert s.loc[0.8, 0.0] == pytest.approx(27.5)
    assert s.loc[0.9, 0.08] == pytest.approx(((0.95 / (1.1 - 0.95 * 1.08)) / (0.9 / (1.1 - 0.9 * 1.08)) - 1) * 100)
    assert s.loc[0.6, 0.0] == pytest.approx(((0.65 / 0.45) / (0.6 / 0.5) - 1) * 100)  # 20.4%: below 25-85%
    assert list(s.index) == [0.6, 0.8, 0.9] and list(s.columns) == [0.0, 0.08]
    assert s.index.name == "retention" and s.columns.name == "growth" and s.attrs["delta"] == 0.05
    assert val.RS_RANGE == (25.0, 85.0)
    # an exact tie with the bound: d = 0.05, r = 0.7 gives (0.75 / 0.30) / (0.70 / 0.35) - 1 = 25% exactly
    assert val.retention_surface([0.7], [0.0], discount=0.05).iloc[0, 0] == 25.0


def test_retention_surface_equals_retention_sensitivity_and_ignores_the_margin():
    rates = [0.5, 0.7, 0.9]
    s = val.retention_surface(rates, [0.0, 0.04], discount=0.12)
    for g in (0.0, 0.04):
        ref = loy.retention_sensitivity(250.0, rates, 0.12, growth=g)["change_pct"]
        assert np.allclose(s[g].to_numpy(), ref.to_numpy(), rtol=1e-12)
    assert np.allclose(val.retention_surface(rates, [0.0, 0.04], discount=0.12, margin=999.0), s, rtol=1e-12)
    # a finite horizon: the same as loy.clv summed over 10 years
    s10 = val.retention_surface([0.8], [0.02], periods=10)
    hand = loy.clv(1.0, 0.85, 0.1, periods=10, growth=0.02) / loy.clv(1.0, 0.8, 0.1, periods=10, growth=0.02) - 1
    assert s10.iloc[0, 0] == pytest.approx(hand * 100)


def test_retention_surface_grows_with_margin_growth_and_acquisition_cost():
    s = val.retention_surface()
    assert s.shape == (10, 5)
    assert (np.diff(s.to_numpy(), axis=1) > 0).all()   # faster margin growth, larger rise, at every r
    assert (np.diff(s.loc[0.55:].to_numpy(), axis=0) > 0).all()  # above the minimum near r = (1 + d - delta) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # half a year's margin: every CLV stays positive, no warning
        with_ac = val.retention_surface(margin=100.0, acquisition_cost=50.0)
    assert (with_ac > s).to_numpy().all()
    # the committed finding at d = 10%: 23 of 50 cells in 25-85%, 24 below, 3 above
    lo, hi = val.RS_RANGE
    assert int(((s >= lo) & (s <= hi)).to_numpy().sum()) == 23
    assert int((s < lo).to_numpy().sum()) == 24 and int((s > hi).to_numpy().sum()) == 3


def test_retention_surface_heatmap_title_counts_the_cells():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlab import plots

    s = val.retention_surface([0.6, 0.8, 0.9, 0.95], [0.0, 0.08])  # 20.4 23.0 | 27.5 37.8 | 40.7 82.6 | 57.9 289.5
    ax = plots.retention_surface_heatmap(s)
    assert ax.get_title() == "+5 points of retention: 5 of 8 cells give +25% to +85%, 2 less, 1 more"
    plt.close(ax.figure)
    ax = plots.retention_surface_heatmap(s.loc[[0.6]], lang="zh")
    assert "仅 0 格" in ax.get_title() and "2 格更少" in ax.get_title()
    plt.close(ax.figure)
    with pytest.raises(CRMDataError, match="surface"):
        plots.retention_surface_heatmap(pd.DataFrame())


# ------------------------------------------------------------------ Gamma-Gamma

def _ll_by_hand(p, q, g, x, m):
    return (math.lgamma(p * x + q) - math.lgamma(p * x) - math.lgamma(q) + q * math.log(g)
            + (p * x - 1) * math.log(m) + p * x * math.log(x) - (p * x + q) * math.log(g + m * x))


def test_gamma_gamma_loglik_by_hand():
    # one customer: lnG(5) - lnG(2) - lnG(3) + 3 ln 10 + ln 5 - 5 ln 15
    assert val.gamma_gamma_loglik((2, 3, 10), [1], [5.0]) == pytest.approx(
        math.log(24) - math.log(2) + 3 * math.log(10) + math.log(5) - 5 * math.log(15), abs=1e-12)
    x, m = [1, 2, 5, 5], [5.0, 7.0, 3.0, 3.0]
    assert val.gamma_gamma_loglik((1.5, 4.0, 20.0), x, m) == pytest.approx(
        sum(_ll_by_hand(1.5, 4.0, 20.0, a, b) for a, b in zip(x, m)), abs=1e-10)


def test_gamma_gamma_loglik_integrates_to_one():
    # the density of m_x given x integrates to 1 over m > 0
    from scipy import integrate

    for x in (1, 3):
        dens = lambda m: math.exp(_ll_by_hand(2.0, 3.0, 50.0, x, m))  # noqa: E731
        total, _ = integrate.quad(dens, 0, np.inf, limit=200)
        assert total == pytest.approx(1.0, abs=1e-6)


def test_gradient_matches_central_differences():
    x, m = np.array([1, 2, 5, 9.0]), np.array([5.0, 70.0, 30.0, 12.0])
    theta = np.log([2.0, 3.0, 40.0])
    g = val.gamma_gamma_gradient(np.exp(theta), x, m)
    h = 1e-6
    num = [(val.gamma_gamma_loglik(np.exp(theta + h * e), x, m) - val.gamma_gamma_loglik(np.exp(theta - h * e), x, m))
           / (2 * h) for e in np.eye(3)]
    assert np.allclose(g, num, atol=1e-6)


def test_expected_spend_by_hand_and_shrinkage():
    prm = {"p": 2.0, "q": 3.0, "gamma": 10.0}
    assert float(val.expected_spend(prm, 1, 5.0)) == pytest.approx(2 * 15 / 4)
    # x = 0: the population mean p gamma / (q - 1)
    assert float(val.expected_spend(prm, 0, 0.0)) == pytest.approx(10.0)
    # between the population mean and the own mean, nearer the own mean with more purchases
    e = val.expected_spend(prm, np.array([1, 5, 50]), np.array([30.0, 30.0, 30.0]))
    assert np.all((e > 10) & (e < 30)) and np.all(np.diff(e) > 0)
    s = pd.Series([30.0, 40.0], index=["a", "b"])
    out = val.expected_spend(prm, pd.Series([1, 2], index=["a", "b"]), s)
    assert list(out.index) == ["a", "b"]


@given(st.floats(0.5, 10), st.floats(1.5, 10), st.floats(1, 500), st.integers(1, 50), st.floats(1, 1000))
@settings(max_examples=80, deadline=None)
def test_expected_spend_is_a_weighted_mean(p, q, g, x, m):
    e = float(val.expected_spend((p, q, g), x, m))
    pop = p * g / (q - 1)
    assert min(pop, m) - 1e-9 * max(pop, m) <= e <= max(pop, m) * (1 + 1e-9)


def test_gamma_gamma_recovers_the_truth_on_a_large_sample():
    data = val.simulate_gamma_gamma(100_000, p=4.0, q=5.0, gamma=300.0, seed=11)
    fit = val.fit_gamma_gamma(data)
    assert fit.converged and fit.n == 100_000
    # each parameter within 3 standard errors, the mean spend within 1%
    for k, true in {"p": 4.0, "q": 5.0, "gamma": 300.0}.items():
        assert abs(fit.params[k] - true) < 3 * fit.std_errors[k], k
    assert fit.mean_spend == pytest.approx(300.0, rel=0.01)
    # expected spend is closer to each customer's truth than the customer's own mean
    e = fit.expected_spend(data["frequency"], data["monetary_value"])
    assert (e - data["true_mean_spend"]).abs().mean() < (data["monetary_value"] - data["true_mean_spend"]).abs().mean()


def test_gamma_gamma_recovers_the_shipped_truth():
    g = datasets.generate("value_customers")
    fit = val.fit_gamma_gamma(g.frame)
    true = g.truth["gamma_gamma_params"]
    assert all(abs(fit.params[k] - true[k]) < 3 * fit.std_errors[k] for k in true)
    assert fit.mean_spend == pytest.approx(g.truth["population_mean_spend"], rel=0.03)


def test_gamma_gamma_row_order_does_not_change_the_digits():
    data = val.simulate_gamma_gamma(3000, p=3.0, q=6.0, gamma=150.0, seed=4)
    base = val.fit_gamma_gamma(data)
    for s in (0, 1):
        other = val.fit_gamma_gamma(data.sample(frac=1, random_state=s))
        assert (other.p, other.q, other.gamma) == (base.p, base.q, base.gamma)


def test_gamma_gamma_fit_uses_only_repeat_buyers_and_scales_with_money(summary):
    fit = val.fit_gamma_gamma(summary)
    assert fit.n == int((summary["frequency"] > 0).sum())
    cents = summary.assign(monetary_value=summary["monetary_value"] * 100)
    f100 = val.fit_gamma_gamma(cents)
    assert f100.p == pytest.approx(fit.p, rel=1e-7) and f100.q == pytest.approx(fit.q, rel=1e-7)
    assert f100.gamma == pytest.approx(100 * fit.gamma, rel=1e-7)
    assert f100.loglik == pytest.approx(fit.loglik - fit.n * math.log(100), rel=1e-9)


def test_gamma_gamma_without_spread_between_customers_warns():
    data = val.simulate_gamma_gamma(2000, p=3.0, q=1e6, gamma=1e6 * 50.0, seed=2)  # nu nearly the same for all
    with pytest.warns(CRMWarning, match="no finite maximum|barely identify"):
        fit = val.fit_gamma_gamma(data)
    assert fit.mean_spend == pytest.approx(data["monetary_value"].mean(), rel=0.05)


def test_gamma_gamma_does_not_mutate(summary):
    before = summary.copy()
    val.fit_gamma_gamma(summary)
    val.spend_independence(summary)
    pd.testing.assert_frame_equal(summary, before)


def test_against_lifetimes_if_installed():
    lifetimes = pytest.importorskip("lifetimes")
    data = val.simulate_gamma_gamma(3000, p=4.0, q=5.0, gamma=300.0, seed=1)
    ref = lifetimes.GammaGammaFitter(penalizer_coef=0.0).fit(data["frequency"], data["monetary_value"])
    fit = val.fit_gamma_gamma(data)
    assert fit.p == pytest.approx(ref.params_["p"], rel=1e-5)
    assert fit.q == pytest.approx(ref.params_["q"], rel=1e-5)
    assert fit.gamma == pytest.approx(ref.params_["v"], rel=1e-5)
    ours = fit.expected_spend(data["frequency"], data["monetary_value"])
    theirs = ref.conditional_expected_average_profit(data["frequency"], data["monetary_value"])
    assert np.allclose(ours, theirs, rtol=1e-5)


def test_independence_check_by_hand():
    s = pd.DataFrame({"frequency": [1, 2, 3, 4, 5, 0], "monetary_value": [10.0, 12.0, 11.0, 15.0, 14.0, 0.0]})
    ind = val.spend_independence(s)
    r = np.corrcoef([1, 2, 3, 4, 5], [10, 12, 11, 15, 14])[0, 1]
    assert ind.pearson == pytest.approx(r) and ind.n == 5
    z = 1.959963984540054 / math.sqrt(2)
    assert ind.ci_low == pytest.approx(math.tanh(math.atanh(r) - z))
    assert ind.spearman == pytest.approx(0.8)


def test_independence_holds_in_model_data_and_fails_in_segment_data(summary):
    sim = val.spend_independence(val.simulate_gamma_gamma(5000, 3.0, 5.0, 100.0, seed=5))
    assert sim.includes_zero
    seg = val.spend_independence(summary)
    assert seg.pearson > 0 and not seg.includes_zero  # apostles buy more and spend more


# ------------------------------------------------------------------ BG/NBD diagnostics

def test_tracking_counts_match_the_summary(tx, summary, fits):
    bg, _ = fits
    track = val.tracking(tx, bg, "2024-12-31", "2025-12-31")
    cal = track[~track["holdout"]]
    # every repeat purchase day of the calibration period falls in a calibration week or the first holdout week
    assert cal["actual"].iloc[-1] <= summary["frequency"].sum() <= track["actual"].iloc[len(cal)]
    assert track["actual"].iloc[-1] == summary["frequency"].sum() + summary["frequency_holdout"].sum()
    assert track.index[-1] == pd.Timestamp("2025-12-31")
    assert np.all(np.diff(track["model"]) >= -1e-9)
    # the model's cumulative count: sum over customers of E[X(t_i)] at the last day
    first = tx.groupby("customer_id")["date"].min()
    first = first[first <= "2024-12-31"]
    t_end = (pd.Timestamp("2025-12-31") - first).dt.days.to_numpy() / 7
    assert track["model"].iloc[-1] == pytest.approx(float(bg.expected_purchases_new(t_end).sum()), rel=1e-12)
    assert track.attrs["customers"] == len(summary)


def test_conditional_expectations_by_hand(summary, fits):
    bg, _ = fits
    table = val.conditional_expectations(summary, bg, max_x=5)
    assert table["customers"].sum() == len(summary)
    one = summary[summary["frequency"] == 1]
    e = bg.expected_purchases(one["duration_holdout"], one["frequency"], one["recency"], one["T"])
    assert table.loc[1, "expected"] == pytest.approx(float(np.mean(e)))
    assert table.loc[1, "actual"] == pytest.approx(one["frequency_holdout"].mean())
    assert table.loc[5, "customers"] == int((summary["frequency"] >= 5).sum())
    assert table.loc[0, "p_alive"] == 1.0  # BG/NBD: no repeat purchase, no drop-out


# ------------------------------------------------------------------ model CLV

def test_model_clv_by_hand_for_one_customer(summary, fits):
    bg, gg = fits
    clv = val.model_clv(bg, gg, summary, margin=0.3, discount=0.1, years=2, step=4)
    c = summary.iloc[3]
    per_year = 365.25 / 7
    t = np.append(np.arange(0, 2 * per_year, 4.0), 2 * per_year)
    cum = np.array([float(bg.expected_purchases(s, c["frequency"], c["recency"], c["T"])) for s in t])
    disc = (1.1) ** (-t[1:] / per_year)
    spend = float(gg.expected_spend(c["frequency"], c["monetary_value"]))
    assert clv["clv"].iloc[3] == pytest.approx(0.3 * spend * float((np.diff(cum) * disc).sum()), rel=1e-10)
    assert clv["expected_purchases"].iloc[3] == pytest.approx(cum[-1], rel=1e-10)


def test_model_clv_invariants(summary, fits):
    bg, gg = fits
    a = val.model_clv(bg, gg, summary, margin=0.25, discount=0.10, years=3)
    assert (a["clv"] >= 0).all() and (a["discounted_purchases"] <= a["expected_purchases"] + 1e-12).all()
    assert np.allclose(val.model_clv(bg, gg, summary, margin=0.5, years=3)["clv"], 2 * a["clv"])
    longer = val.model_clv(bg, gg, summary, margin=0.25, years=5)
    assert (longer["clv"] >= a["clv"] - 1e-9).all()
    no_disc = val.model_clv(bg, gg, summary, margin=0.25, discount=0.0, years=3)
    assert (no_disc["clv"] >= a["clv"] - 1e-9).all()
    per = val.model_clv(bg, gg, summary, margin=np.full(len(summary), 0.25), years=3)
    assert np.allclose(per["clv"], a["clv"])


def test_clv_per_customer_is_one_series(tx, summary, fits):
    bg, gg = fits
    cal = tx[tx["date"] <= "2024-12-31"]
    rate = cal["margin"].sum() / cal["amount"].sum()
    s = val.clv_per_customer(tx, calibration_end="2024-12-31")
    assert isinstance(s, pd.Series) and s.name == "clv" and s.index.name == "customer_id"
    assert np.allclose(s, val.model_clv(bg, gg, summary, margin=rate)["clv"])
    # the model ranks the true types: apostles worth more than defectors
    seg = pd.Series(s.index.astype(str).map(datasets.generate("loyalty_transactions").truth["segment_of"]),
                    index=s.index)
    means = s.groupby(seg).mean()
    assert means["apostle"] > means["loyalist"] > means["defector"]


# ------------------------------------------------------------------ customer equity

def test_retention_value_and_equity_by_hand():
    r = 0.8 * (1 - math.exp(-0.1 * 10))
    assert val.retention_value(100, 10, 0.8, 0.1, 0.1) == pytest.approx(100 + (100 - 10 / r) * r / (1.1 - r))
    a = 0.5 * (1 - math.exp(-0.1 * 20))
    assert val.customer_equity(100, 20, 10, 0.5, 0.1, 0.8, 0.1, 0.1) == pytest.approx(
        a * val.retention_value(100, 10, 0.8, 0.1, 0.1) - 20)
    # the closed form equals the explicit discounted sum
    years = np.arange(1, 400)
    explicit = 100 + ((100 * r**years - 10 * r ** (years - 1)) / 1.1**years).sum()
    assert val.retention_value(100, 10, 0.8, 0.1, 0.1) == pytest.approx(explicit)


def test_budget_split_is_the_optimum():
    args = dict(margin=200.0, acq_ceiling=0.4, acq_k=0.02, ret_ceiling=0.85, ret_k=0.05, discount=0.1)
    best = val.budget_split(**args)
    A, R = best["acquisition_spend"], best["retention_spend"]
    ce = val.customer_equity(args["margin"], A, R, 0.4, 0.02, 0.85, 0.05, 0.1)
    assert best["customer_equity"] == pytest.approx(ce)
    grid = val.customer_equity(200.0, np.linspace(0, 4 * A, 81)[None, :], np.linspace(0, 4 * R, 81)[:, None],
                               0.4, 0.02, 0.85, 0.05, 0.1)
    assert ce >= grid.max() - 1e-9
    # first-order condition for A: acq_ceiling acq_k e^(-acq_k A) V = 1
    assert 0.4 * 0.02 * math.exp(-0.02 * A) * best["customer_value"] == pytest.approx(1.0)
    assert 0 < best["acquisition_share"] < 1
    # a higher margin makes both kinds of spending worth more
    more = val.budget_split(**{**args, "margin": 400.0})
    assert more["acquisition_spend"] > A and more["retention_spend"] > R
