"""Tests of crmlab.loyalty, crmlab.bgnbd and the topic 3 datasets."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from crmlab.errors import CRMWarning
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import datasets
from crmlab import loyalty as L
from crmlab.bgnbd import bgnbd_loglik, fit_bgnbd, simulate_bgnbd
from crmlab.errors import CRMDataError


def tx_frame(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount", "margin"])


# ------------------------------------------------------------------ hand-computed examples

def test_repeat_rate_same_day_counts_once():
    tx = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3], "date": ["2024-01-01", "2024-02-01", "2024-01-05",
                                                              "2024-01-05 18:30", "2024-03-01"]})
    out = L.repeat_rate(tx)
    assert out.loc["all", "n"] == 3 and out.loc["all", "repeat"] == 1
    assert out.loc["all", "rate"] == pytest.approx(1 / 3)
    assert out.loc["all", "ci_low"] < 1 / 3 < out.loc["all", "ci_high"]


def test_repeat_rate_by_group_uses_first_purchase():
    tx = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3], "channel": ["app", "store", "app", "store", "store"],
                       "date": ["2024-01-01", "2024-02-01", "2024-01-05", "2024-03-01", "2024-04-01"]})
    out = L.repeat_rate(tx, by="channel")
    assert out["n"].to_dict() == {"app": 2, "store": 1}
    assert out["rate"].to_dict() == {"app": 0.5, "store": 1.0}


def test_tucker_loyal_three_in_a_row_within_window():
    tx = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 2, 3, 3],
                       "date": ["2024-01-01", "2024-03-01", "2024-06-01",   # 152 days: loyal
                                "2022-01-01", "2023-01-01", "2024-01-01",   # 730 days: not
                                "2024-01-01", "2024-01-01"]})               # one day only
    assert L.tucker_loyal(tx).to_dict() == {1: True, 2: False, 3: False}
    assert L.tucker_loyal(tx, window=800).to_dict() == {1: True, 2: True, 3: False}
    assert L.tucker_loyal(tx, n=2, window="10D").to_dict() == {1: False, 2: False, 3: False}


@pytest.fixture
def rfm_tx():
    rows = [(1, "2024-12-30", 10, 1), (1, "2025-01-05", 999, 1)]  # the 2025 row is after as_of
    rows += [(2, "2024-11-01", 20, 1), (2, "2024-12-21", 20, 1)]
    rows += [(3, d, 30, 1) for d in ("2024-10-01", "2024-11-01", "2024-12-11")]
    rows += [(4, d, 5, 1) for d in ("2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01")]
    rows += [(5, d, 100, 1) for d in ("2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2024-11-21")]
    return tx_frame(rows)


def test_rfm_scores_by_hand(rfm_tx):
    out = L.rfm(rfm_tx, as_of="2024-12-31")
    assert out["recency"].tolist() == [1, 10, 20, 30, 40]
    assert out["frequency"].tolist() == [1, 2, 3, 4, 5]
    assert out["monetary"].tolist() == [10, 40, 90, 20, 500]
    assert out["rfm_cell"].tolist() == ["511", "423", "334", "242", "155"]
    assert out["rfm_score"].tolist() == [7, 9, 10, 8, 11]
    assert out["segment"].tolist() == ["new_customers", "potential_loyalists", "need_attention",
                                       "at_risk", "at_risk"]


def test_rfm_ties_share_a_score(rfm_tx):
    tied = rfm_tx.copy()
    tied.loc[tied["customer_id"] == 2, "date"] = ["2024-11-01", "2024-12-30"]  # same last day as customer 1
    out = L.rfm(tied, as_of="2024-12-31")
    assert out.loc[1, "R"] == out.loc[2, "R"]


def test_purchase_deciles_by_hand():
    tx = tx_frame([(i, "2024-01-01", float(i), i / 10) for i in range(1, 11)])
    out = L.purchase_deciles(tx)
    assert out["customers"].tolist() == [1] * 10
    assert out["sales"].tolist() == list(range(10, 0, -1))
    assert out["sales_share"].iloc[0] == pytest.approx(10 / 55)
    assert out["cum_sales_share"].iloc[1] == pytest.approx(19 / 55)
    assert out["profit_share"].iloc[0] == pytest.approx(1.0 / 5.5)
    assert out["cum_profit_share"].iloc[-1] == pytest.approx(1.0)


def test_purchase_groups_equal_sizes():
    tx = tx_frame([(i, "2024-01-01", float(i), 1.0) for i in range(1, 8)])
    out = L.purchase_deciles(tx, n_groups=3)
    assert out["customers"].tolist() == [3, 2, 2]
    assert out["sales"].tolist() == [7 + 6 + 5, 4 + 3, 2 + 1]


def test_gini_and_pareto_by_hand():
    assert L.gini(pd.Series([0, 0, 0, 10.0])) == pytest.approx(0.75)
    assert L.gini(pd.Series([5.0] * 4)) == pytest.approx(0.0)
    assert L.gini(pd.Series([1.0, 2, 3, 4])) == pytest.approx(0.25)  # (-3-2+3*3+3*4... ) by formula
    assert L.pareto_share(pd.Series([60.0, 20, 10, 5, 5]), top=0.2) == pytest.approx(0.6)
    assert L.pareto_share(pd.Series([60.0, 20, 10, 5, 5]), top=0.4) == pytest.approx(0.8)
    curve = L.lorenz_curve(pd.Series([1.0, 3]), descending=False)
    assert curve["value_share"].tolist() == [0.0, 0.25, 1.0]


def test_cohort_retention_by_hand():
    tx = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3],
                       "date": ["2024-01-15", "2024-04-10", "2024-02-01", "2024-04-05", "2024-07-01"]})
    out = L.cohort_retention(tx, freq="Q")
    assert out.loc["2024Q1"].tolist() == [1.0, 0.5, 0.0]
    assert out.loc["2024Q2", 0] == 1.0 and out.loc["2024Q2", 1] == 1.0
    assert math.isnan(out.loc["2024Q2", 2])
    assert out.attrs["size"] == {"2024Q1": 2, "2024Q2": 1}
    assert L.cohort_retention(tx, counts=True).loc["2024Q1"].tolist() == [2, 1, 0]


def test_churn_by_group_by_hand():
    tx = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3, 4],
                       "channel": ["store", "app", "store", "store", "online", "online"],
                       "date": ["2024-01-01", "2024-12-01", "2024-01-01", "2024-03-01", "2024-02-01", "2024-10-01"]})
    out = L.churn_by_group(tx, "channel", as_of="2024-12-31", inactive_days=180)
    assert out["n"].to_dict() == {"online": 1, "store": 2}
    assert out["churned"].to_dict() == {"online": 1, "store": 1}
    assert out.loc["store", "rate"] == 0.5


def test_clv_closed_form_and_projection():
    assert L.clv(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / 0.3)
    assert L.margin_multiplier(0.8, 0.1) == pytest.approx(0.8 / 0.3)
    # a finite horizon: 100*0.8/1.1 + 100*0.64/1.21
    assert L.clv(100, 0.8, 0.1, periods=2) == pytest.approx(100 * 0.8 / 1.1 + 100 * 0.64 / 1.21)
    proj = L.clv_projection(100, 0.8, 0.1, periods=300)
    assert proj["cum_clv"].iloc[-1] == pytest.approx(L.clv(100, 0.8, 0.1))
    assert proj["survival"].iloc[1] == pytest.approx(0.64)
    # margin growth g: m r / (1 + d - r (1 + g))
    assert L.clv(100, 0.8, 0.1, growth=0.05) == pytest.approx(80 / (1.1 - 0.84))
    assert L.clv(100, 0.8, 0.1, acquisition_cost=50) == pytest.approx(100 * 0.8 / 0.3 - 50)
    assert np.allclose(L.clv(100, np.array([0.5, 0.8]), 0.1), [50 / 0.6, 80 / 0.3])


def test_retention_sensitivity_reichheld_range():
    out = L.retention_sensitivity(100, [0.8], 0.1)
    assert out.loc[0.8, "change_pct"] == pytest.approx((0.85 / 0.25) / (0.8 / 0.3) * 100 - 100)  # 27.5
    # a low-growth, mid-retention profile gives about +25%, a loyal profile with margins growing
    # 8% a year about +85%: the Reichheld & Sasser range
    low = L.retention_sensitivity(100, [0.8], 0.1).loc[0.8, "change_pct"]
    high = L.retention_sensitivity(100, [0.9], 0.1, growth=0.08).loc[0.9, "change_pct"]
    assert 25 <= low <= 30 and 80 <= high <= 90


def test_nps_by_hand():
    out = L.nps(pd.Series([10, 9, 8, 3]))
    row = out.loc["all"]
    assert (row["promoters"], row["passives"], row["detractors"], row["nps"]) == (0.5, 0.25, 0.25, 25.0)
    se = 100 * math.sqrt((0.5 + 0.25 - 0.25**2) / 4)
    assert row["ci_low"] == pytest.approx(25 - 1.959963984540054 * se)
    assert row["ci_high"] == 100.0  # clipped
    by = L.nps(pd.DataFrame({"recommend": [10, 0, 7, np.nan], "g": ["a", "a", "b", "b"]}), by="g")
    assert by["nps"].to_dict() == {"a": 0.0, "b": 0.0} and by["n"].to_dict() == {"a": 2, "b": 1}


def test_jones_sasser_six_types():
    df = pd.DataFrame({"satisfaction": [5, 5, 5, 4, 3, 1, np.nan],
                       "recommend": [10, 8, 9, 5, 5, 1, 5],
                       "loyal": ["yes", "yes", "no", "yes", "no", "no", "no"]})
    out = L.jones_sasser(df)
    assert out.iloc[:6].tolist() == ["apostle", "loyalist", "mercenary", "hostage", "defector", "terrorist"]
    assert pd.isna(out.iloc[6])
    assert L.jones_sasser(df, lang="zh").iloc[0] == "热心追随者"


def test_jones_sasser_top_box_by_default_and_threshold_parameter():
    df = pd.DataFrame({"satisfaction": [4, 4, 4], "recommend": [10, 8, 7], "loyal": [True, True, False]})
    # a 4 is not completely satisfied: loyal 4s are hostages, disloyal ones defectors
    assert L.jones_sasser(df).tolist() == ["hostage", "hostage", "defector"]
    # with satisfied_at=4 the same answers read as apostle / loyalist / mercenary
    assert L.jones_sasser(df, satisfied_at=4).tolist() == ["apostle", "loyalist", "mercenary"]


def test_jones_sasser_terrorist_must_be_dissatisfied():
    df = pd.DataFrame({"satisfaction": [3, 2, 2], "recommend": [0, 0, 3], "loyal": [False, False, False]})
    # a neutral 3 who says 0 is a defector; a dissatisfied 2 who says 0 a terrorist; a 2 who says 3 is not vocal
    assert L.jones_sasser(df).tolist() == ["defector", "terrorist", "defector"]
    assert L.jones_sasser(df, dissatisfied_at=3).tolist() == ["terrorist", "terrorist", "defector"]


def test_generator_loyalty_jumps_at_the_top_box():
    """The Jones & Sasser pattern: on a large sample the loyal rate at 5 is at least twice that at 4."""
    n = 6000
    tx = datasets.generate("loyalty_transactions", seed=11, n_customers=n).frame
    g = datasets.generate("loyalty_survey", seed=11, n_customers=n)
    resp = g.frame[g.frame["customer"]].set_index("customer_id")
    s = L.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31")
    loyal = s["frequency_holdout"].reindex(resp.index).fillna(0) >= 2
    rate = loyal.groupby(resp["satisfaction"]).mean()
    assert rate[5] >= 2 * rate[4]
    assert rate[5] > rate[[1, 2, 3, 4]].max() + 0.2
    # the truth says why: almost only lasting types answer 5, few of them answer 4
    share = g.truth["loyal_type_share_by_satisfaction"]
    assert share["5"] >= 0.75 and share["4"] <= 0.25


def test_generator_churn_reasons_only_for_lapsed_respondents():
    tx = datasets.generate("loyalty_transactions", seed=4, n_customers=1500).frame
    g = datasets.generate("loyalty_survey", seed=4, n_customers=1500)
    sv = g.frame.set_index("customer_id")
    last = tx[tx["date"] <= "2024-12-31"].groupby("customer_id")["date"].max()
    lapsed = last.reindex(sv.index) < pd.Timestamp("2024-12-31") - pd.Timedelta(days=180)
    assert (sv["churn_reason"].notna() == (lapsed & sv["customer"])).all()
    seg = sv.index.astype(str).map(g.truth["segment_of"])
    merc = sv.loc[(seg == "mercenary") & sv["churn_reason"].notna(), "churn_reason"]
    # mercenaries leave for a competitor's offer (truth: 65%), within 15 points
    assert (merc == "competitor_offer").mean() == pytest.approx(
        g.truth["churn_reason_mix"]["mercenary"]["competitor_offer"], abs=0.15)


def test_churn_cost_by_hand():
    tx = pd.DataFrame({"customer_id": [1, 1, 1, 2, 3, 4],
                       "channel": ["app", "app", "app", "app", "store", "store"],
                       "date": ["2023-01-10", "2023-06-01", "2024-03-01", "2024-01-05", "2024-02-01", "2024-12-20"],
                       "margin": [100.0, 10.0, 20.0, 30.0, 5.0, 7.0]})
    out = L.churn_by_group(tx, "channel", as_of="2024-12-31", margin="margin")
    # customer 1: last purchase 2024-03-01, the year up to it holds 10 + 20 (not the 100 of 2023-01-10)
    assert out.loc["app", "lost_margin"] == pytest.approx(30.0 + 30.0)
    assert out.loc["app", "value_per_point"] == pytest.approx(2 / 100 * 30.0)
    # customer 4 is still active: only customer 3's margin is lost
    assert out.loc["store", "lost_margin"] == pytest.approx(5.0)
    assert "lost_margin" not in L.churn_by_group(tx, "channel", as_of="2024-12-31").columns


def test_churn_cost_warns_for_a_group_without_churn():
    tx = pd.DataFrame({"customer_id": [1, 2], "channel": ["app", "store"],
                       "date": ["2024-01-01", "2024-12-30"], "margin": [1.0, 2.0]})
    tx = pd.concat([tx, pd.DataFrame({"customer_id": [2], "channel": ["store"], "date": ["2024-01-01"],
                                      "margin": [1.0]})])
    with pytest.warns(CRMWarning, match="no churned customer in group"):
        out = L.churn_by_group(tx, "channel", as_of="2024-12-31", margin="margin")
    assert np.isnan(out.loc["store", "value_per_point"])


def test_customer_targets_rules_by_hand():
    ids = list(range(1, 21))
    amount = [1000.0, 800, 300, 290, 280, 270, 60, 50, 40, 30, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16]
    margin = [a * 0.3 for a in amount]
    margin[1] = 800 * 0.05                      # customer 2: a big spender with a thin margin
    tx = pd.DataFrame({"customer_id": ids, "date": "2024-06-01", "amount": amount, "margin": margin})
    extra = pd.DataFrame({"customer_id": [8], "date": ["2023-06-01"], "amount": [100.0], "margin": [30.0]})
    out = L.customer_targets(pd.concat([tx, extra]), as_of="2024-12-31", grow_share=0.3)
    assert out.loc[2, "target"] == "transaction"
    assert out.loc[1, "target"] == "keep"
    # customer 8 (50 in 2024 after 100 in 2023) is profitable and losing value
    assert out.loc[8, "target"] == "losing_value" and out.loc[8, "sales_year_before"] == 100.0
    # the grow_share deciles (2, 3, ...) together reach at least 30% of sales
    grow = out[out["decile"].between(2, out.loc[out["target"] == "grow_share", "decile"].max())]
    assert grow["sales"].sum() / out["sales"].sum() >= 0.3
    assert set(out["target"]) <= set(L.TARGET_GROUPS)


def test_customer_targets_does_not_mutate():
    tx = datasets.load("loyalty_transactions").head(500)
    before = tx.copy()
    L.customer_targets(tx)
    pd.testing.assert_frame_equal(tx, before)


def test_loyalty_groups_six():
    df = pd.DataFrame({"purchases": [5, 4, 2, 1, 0, 0], "repurchase_intent": [5, 2, 4, 3, 4, 1]})
    assert L.loyalty_groups(df).tolist() == list(L.LOYALTY_GROUPS)


def test_rfm_summary_by_hand():
    tx = pd.DataFrame({"customer_id": [1, 1, 1, 1, 1, 1, 2, 3],
                       "date": ["2024-01-01", "2024-01-01", "2024-01-15", "2024-02-12", "2024-03-20",
                                "2024-03-20", "2024-03-20", "2024-03-11"],
                       "amount": [10.0, 5, 20, 40, 1, 1, 1, 7]})
    out = L.rfm_summary(tx, calibration_end="2024-03-11", observation_end="2024-04-08", amount="amount")
    assert list(out.index) == [1, 3]  # customer 2 starts after the calibration end
    assert out.loc[1, ["frequency", "recency", "T"]].tolist() == [2, 6.0, 10.0]
    assert out.loc[3, ["frequency", "recency", "T"]].tolist() == [0, 0.0, 0.0]
    assert out.loc[1, "frequency_holdout"] == 1 and out.loc[1, "duration_holdout"] == 4.0
    assert out.loc[1, "monetary_value"] == 30.0
    days = L.rfm_summary(tx, calibration_end="2024-03-11", unit="D")
    assert days.loc[1, "T"] == 70.0


# ------------------------------------------------------------------ BG/NBD

def plain_loglik(r, alpha, a, b, x, tx, T):
    """FHL (2005) eq. 6, one customer at a time, plain Python."""
    def lbeta(p, q):
        return math.lgamma(p) + math.lgamma(q) - math.lgamma(p + q)

    total = 0.0
    for xi, txi, Ti in zip(x, tx, T):
        common = math.lgamma(r + xi) + r * math.log(alpha) - math.lgamma(r)
        part1 = math.exp(lbeta(a, b + xi) - lbeta(a, b) + common - (r + xi) * math.log(alpha + Ti))
        part2 = 0.0
        if xi > 0:
            part2 = math.exp(lbeta(a + 1, b + xi - 1) - lbeta(a, b) + common - (r + xi) * math.log(alpha + txi))
        total += math.log(part1 + part2)
    return total


def test_loglik_matches_plain_formula():
    data = simulate_bgnbd(300, r=0.8, alpha=6.0, a=1.3, b=4.0, T=np.linspace(10, 60, 300), seed=4)
    for params in [(0.8, 6.0, 1.3, 4.0), (0.25, 4.0, 0.8, 2.4), (2.0, 10.0, 0.5, 20.0)]:
        fast = bgnbd_loglik(params, data["frequency"], data["recency"], data["T"])
        slow = plain_loglik(*params, data["frequency"], data["recency"], data["T"])
        assert fast == pytest.approx(slow, rel=1e-10)


def test_bgnbd_recovers_parameters():
    # 20,000 simulated customers with ages of 26-78 weeks. Tolerances (relative): r and alpha
    # within 10%; a and b within 25% (they trade off against each other, their standard errors
    # are about 8%); the mean drop-out probability a / (a + b) within 10%.
    rng = np.random.default_rng(11)
    true = {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.4}
    data = simulate_bgnbd(20_000, T=rng.uniform(26, 78, 20_000), holdout=39, seed=11, **true)
    model = fit_bgnbd(data)
    assert model.converged
    for k, tol in {"r": 0.10, "alpha": 0.10, "a": 0.25, "b": 0.25}.items():
        assert model.params[k] == pytest.approx(true[k], rel=tol), k
    assert model.a / (model.a + model.b) == pytest.approx(0.25, rel=0.10)
    # the fitted log-likelihood is at least that of the true parameters
    assert model.loglik >= bgnbd_loglik(tuple(true.values()), data["frequency"], data["recency"], data["T"])
    # holdout: expected purchases in the next 39 weeks match the actual total within 5%
    pred = model.expected_purchases(39, data["frequency"], data["recency"], data["T"])
    assert pred.sum() == pytest.approx(data["frequency_holdout"].sum(), rel=0.05)
    alive = model.p_alive(data["frequency"], data["recency"], data["T"])
    assert ((alive > 0) & (alive <= 1)).all()
    assert np.all(alive[data["frequency"] == 0] == 1.0)


def test_bgnbd_holdout_on_shipped_data():
    # the shipped transactions mix six segments; one BG/NBD still forecasts 2025 within 10%
    tx = datasets.load("loyalty_transactions")
    s = L.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31")
    model = L.fit_bgnbd(s)
    pred = model.expected_purchases(s["duration_holdout"].iloc[0], s["frequency"], s["recency"], s["T"])
    assert pred.sum() == pytest.approx(s["frequency_holdout"].sum(), rel=0.10)


def test_expected_purchases_new_small_t():
    # E[X(t)] ~ r/alpha * t for small t (nobody has dropped out yet)
    p = {"r": 0.5, "alpha": 5.0, "a": 1.5, "b": 3.0}
    assert L.expected_purchases_new(p, 1e-4) == pytest.approx(0.5 / 5.0 * 1e-4, rel=1e-3)


# ------------------------------------------------------------------ invariants

amounts = st.lists(st.floats(min_value=0.0, max_value=1e5, allow_nan=False), min_size=10, max_size=60)


@settings(max_examples=40, deadline=None)
@given(amounts)
def test_decile_shares_sum_to_one(values):
    if sum(values) <= 0:
        values = values[:-1] + [1.0]
    tx = pd.DataFrame({"customer_id": range(len(values)), "amount": values,
                       "margin": [0.2 * x + 1 for x in values]})
    out = L.purchase_deciles(tx)
    assert out["customers"].sum() == len(values)
    assert out["sales_share"].sum() == pytest.approx(1.0)
    assert out["profit_share"].sum() == pytest.approx(1.0)
    assert out["cum_sales_share"].iloc[-1] == pytest.approx(1.0)
    assert (np.diff(out["sales"].to_numpy()) <= 1e-9).all()  # best group first
    assert out["customers"].max() - out["customers"].min() <= 1
    g = L.gini(pd.Series(values))
    assert 0.0 <= g <= 1.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=80))
def test_nps_in_range(answers):
    out = L.nps(pd.Series(answers)).loc["all"]
    assert -100 <= out["ci_low"] <= out["nps"] <= out["ci_high"] <= 100
    assert out["promoters"] + out["passives"] + out["detractors"] == pytest.approx(1.0)


@settings(max_examples=30, deadline=None)
@given(st.floats(0.0, 0.94), st.floats(0.0, 0.3), st.floats(1, 1000))
def test_more_retention_more_clv(r, d, m):
    out = L.retention_sensitivity(m, [r], d)
    assert out["clv_plus"].iloc[0] >= out["clv"].iloc[0]


def test_inputs_not_mutated():
    tx = datasets.load("loyalty_transactions").head(3000)
    tx = tx.assign(date=tx["date"].dt.strftime("%Y-%m-%d"))  # text dates
    sv = datasets.load("loyalty_survey")
    before_tx, before_sv = tx.copy(), sv.copy()
    L.repeat_rate(tx, by="channel")
    L.tucker_loyal(tx)
    L.rfm(tx)
    L.purchase_deciles(tx)
    L.gini(tx)
    L.cohort_retention(tx)
    L.churn_by_group(tx, "channel")
    L.rfm_summary(tx, calibration_end="2024-06-30", observation_end="2024-12-31", amount="amount")
    L.nps(sv)
    L.jones_sasser(sv.assign(loyal=sv["repurchase_intent"] >= 4))
    pd.testing.assert_frame_equal(tx, before_tx)
    pd.testing.assert_frame_equal(sv, before_sv)


def test_own_column_names_and_text_dates():
    tx = pd.DataFrame({"cust": ["a", "a", "b"], "order_date": ["2024-01-02", "04/02/2024", "2024-03-01"],
                       "sales": [10.0, 20.0, 5.0], "gp": [2.0, 4.0, 1.0]})
    out = L.rfm(tx, customer="cust", date="order_date", amount="sales")
    assert out.loc["a", "monetary"] == 30.0
    dec = L.purchase_deciles(tx, customer="cust", amount="sales", margin="gp", n_groups=2)
    assert dec["sales"].tolist() == [30.0, 5.0]


# ------------------------------------------------------------------ bad input

def test_negative_amount_names_column():
    tx = tx_frame([(1, "2024-01-01", 10.0, 1.0), (2, "2024-01-02", -5.0, 1.0)])
    with pytest.raises(CRMDataError, match="'amount'.*row 1: -5.0"):
        L.rfm(tx)
    with pytest.raises(CRMDataError, match="amount"):
        L.purchase_deciles(tx, n_groups=2)


def test_unparseable_date_names_column():
    tx = tx_frame([(1, "2024-01-01", 10.0, 1.0), (2, "not a date", 5.0, 1.0)])
    with pytest.raises(CRMDataError, match="'date'.*not a date"):
        L.repeat_rate(tx)
    with pytest.raises(CRMDataError, match="date"):
        L.rfm_summary(tx)


def test_missing_customer_id_names_column():
    tx = tx_frame([(1, "2024-01-01", 10.0, 1.0), (None, "2024-01-02", 5.0, 1.0)])
    with pytest.raises(CRMDataError, match="'customer_id'.*missing"):
        L.rfm(tx)
    with pytest.raises(CRMDataError, match="customer_id"):
        L.tucker_loyal(tx)


def test_empty_frame():
    with pytest.raises(CRMDataError, match="transactions has 0 rows"):
        L.rfm(tx_frame([]))
    with pytest.raises(CRMDataError, match="transactions has 0 rows"):
        L.purchase_deciles(tx_frame([]))


def test_missing_column_and_bad_parameters():
    tx = tx_frame([(1, "2024-01-01", 10.0, 1.0)])
    with pytest.raises(CRMDataError, match="'order_date' is missing"):
        L.rfm(tx, date="order_date")
    with pytest.raises(CRMDataError, match="only 1 customers"):
        L.purchase_deciles(tx)
    with pytest.raises(CRMDataError, match="retention"):
        L.clv(100, 1.2)
    with pytest.raises(CRMDataError, match="infinite horizon"):
        L.clv(100, 0.95, 0.1, growth=0.2)
    with pytest.raises(CRMDataError, match="unit"):
        L.rfm_summary(tx, unit="fortnight")
    with pytest.raises(CRMDataError, match="bins"):
        L.rfm(tx, bins=1)


def test_survey_out_of_scale():
    with pytest.raises(CRMDataError, match="'recommend'.*outside the 0-10"):
        L.nps(pd.DataFrame({"recommend": [3, 11]}))
    with pytest.raises(CRMDataError, match="'satisfaction'"):
        L.jones_sasser(pd.DataFrame({"satisfaction": [6], "recommend": [5], "loyal": [True]}))
    with pytest.raises(CRMDataError, match="'loyal'"):
        L.jones_sasser(pd.DataFrame({"satisfaction": [4], "recommend": [5], "loyal": ["maybe"]}))
    with pytest.raises(CRMDataError, match="'purchases'"):
        L.loyalty_groups(pd.DataFrame({"purchases": [-1], "repurchase_intent": [3]}))


def test_bgnbd_summary_checked():
    bad = pd.DataFrame({"frequency": [1, 0], "recency": [5.0, 2.0], "T": [4.0, 3.0]})
    with pytest.raises(CRMDataError, match="'recency'"):
        fit_bgnbd(bad)


# ------------------------------------------------------------------ the datasets

def test_datasets_share_customers_and_truth():
    tx = datasets.load("loyalty_transactions")
    sv = datasets.load("loyalty_survey")
    truth = datasets.ground_truth("loyalty_transactions")
    ids = set(tx["customer_id"])
    assert len(ids) == truth["n_customers"] == 2000
    assert set(sv.loc[sv["customer"], "customer_id"]) <= ids
    assert not set(sv.loc[~sv["customer"], "customer_id"]) & ids
    assert sv.loc[~sv["customer"], "satisfaction"].isna().all()
    assert len(truth["segment_of"]) == truth["n_customers"] + truth["n_prospects"]
    assert tx["date"].min() >= pd.Timestamp(truth["start"]) and tx["date"].max() <= pd.Timestamp(truth["end"])
    assert (tx["amount"] > 0).all()


def test_generated_survey_matches_segments():
    g = datasets.generate("loyalty_survey", seed=9, n_customers=3000)
    sv = g.frame[g.frame["customer"]]
    seg = sv["customer_id"].astype(str).map(g.truth["segment_of"])
    means = sv["satisfaction"].astype(float).groupby(seg).mean()
    # the truth is a latent mean before the buying-propensity link and the clipping to 1-5: check the order
    latent = pd.Series({k: v["satisfaction"] for k, v in g.truth["survey_means"].items()})
    assert list(means.sort_values(kind="stable").index) == list(latent.reindex(means.index).sort_values(kind="stable").index)
    # mercenaries answer "satisfied" but less often the top box than loyalists; hostages are unhappy
    assert means["mercenary"] >= 3.8 and means["loyalist"] > means["mercenary"] and means["hostage"] < means["defector"]


def test_segment_purchase_rate_matches_truth():
    g = datasets.generate("loyalty_transactions", seed=5, n_customers=4000)
    s = L.rfm_summary(g.frame, calibration_end="2025-12-31")
    seg = pd.Series(s.index.astype(str).map(g.truth["segment_of"]), index=s.index)
    # the loyalists' BG/NBD purchase rate r/alpha is recovered within 20%
    m = L.fit_bgnbd(s[seg == "loyalist"])
    true = g.truth["bgnbd_params_per_week"]["loyalist"]
    assert m.r / m.alpha == pytest.approx(true["r"] / true["alpha"], rel=0.2)


def test_rfm_summary_fast_path_equals_pandas_path():
    tx = datasets.load("loyalty_transactions")
    fast = L.rfm_summary(tx, calibration_end="2024-06-30", observation_end="2025-06-30")
    slow = L.rfm_summary(tx, calibration_end="2024-06-30", observation_end="2025-06-30", amount="amount")
    pd.testing.assert_frame_equal(fast, slow.drop(columns="monetary_value"))
