"""Bad-input battery for crmlab.value (customer value): each case a distinct bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd

from badinput import Bad, check, params
from crmlab import loyalty as L
from crmlab import value as V

T = "crmlab.value."
BG = L.BGNBD(r=1.0, alpha=7.0, a=0.5, b=2.5, loglik=0.0, n=100, converged=True)
GG = {"p": 3.0, "q": 5.0, "gamma": 200.0}


def summ(n: int = 30, **change) -> pd.DataFrame:
    """A valid BG/NBD + spend summary of ``n`` customers; ``change`` replaces columns."""
    rng = np.random.default_rng(0)
    x = rng.integers(0, 6, n)
    T_ = np.full(n, 52.0)
    rec = np.where(x > 0, rng.uniform(1, 50, n), 0.0)
    m = np.where(x > 0, rng.uniform(50, 300, n), 0.0)
    base = pd.DataFrame({"frequency": x, "recency": rec, "T": T_, "monetary_value": m,
                         "frequency_holdout": rng.integers(0, 4, n), "duration_holdout": 52.0})
    for k, v in change.items():
        base[k] = v
    return base


def txs(**change) -> pd.DataFrame:
    base = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3, 3, 3],
                         "date": ["2024-01-01", "2024-03-01", "2024-01-05", "2024-06-05", "2024-02-01",
                                  "2024-05-01", "2025-03-01"],
                         "amount": [10.0, 20.0, 5.0, 7.5, 30.0, 12.0, 8.0],
                         "margin": [2.0, 4.0, 1.0, 1.5, 6.0, 2.4, 1.6]})
    for k, v in change.items():
        base[k] = v
    return base


CASES = [
    # margin_multiplier_table
    Bad("value-mmt-retention-above-1", T + "margin_multiplier_table",
        lambda: V.margin_multiplier_table([0.5, 1.2], [0.1]), "retention"),
    Bad("value-mmt-discount-negative", T + "margin_multiplier_table",
        lambda: V.margin_multiplier_table([0.5], [-0.1]), "discount"),
    Bad("value-mmt-retention-text", T + "margin_multiplier_table",
        lambda: V.margin_multiplier_table("0.8", [0.1]), "retention"),
    Bad("value-mmt-empty", T + "margin_multiplier_table", lambda: V.margin_multiplier_table([], [0.1]), "retention"),
    # retention_surface
    Bad("value-rs-retention-plus-delta-above-1", T + "retention_surface",
        lambda: V.retention_surface([0.9, 0.97], [0.0]), "retention"),
    Bad("value-rs-retention-zero", T + "retention_surface", lambda: V.retention_surface([0.0, 0.5], [0.0]),
        "retention"),
    Bad("value-rs-growth-repeated", T + "retention_surface", lambda: V.retention_surface([0.5], [0.02, 0.02]),
        "growth"),
    Bad("value-rs-growth-below-minus-1", T + "retention_surface", lambda: V.retention_surface([0.5], [-1.5]),
        "growth"),
    Bad("value-rs-infinite-horizon-diverges", T + "retention_surface",
        lambda: V.retention_surface([0.9, 0.95], [0.0, 0.12], discount=0.1), "growth 0.12"),
    Bad("value-rs-discount-list", T + "retention_surface",
        lambda: V.retention_surface([0.5], [0.0], discount=[0.1, 0.2]), "discount"),
    Bad("value-rs-delta-bool", T + "retention_surface", lambda: V.retention_surface([0.5], [0.0], delta=True),
        "delta"),
    Bad("value-rs-delta-above-1", T + "retention_surface", lambda: V.retention_surface([0.5], [0.0], delta=1.5),
        "delta"),
    Bad("value-rs-retention-text", T + "retention_surface", lambda: V.retention_surface("0.8", [0.0]),
        "retention"),
    Bad("value-rs-retention-2d", T + "retention_surface", lambda: V.retention_surface([[0.5, 0.6]], [0.0]),
        "retention"),
    Bad("value-rs-acquisition-cost-loss", T + "retention_surface",
        lambda: V.retention_surface([0.5], [0.0], margin=1.0, acquisition_cost=5.0), "negative", warns=True),
    # fit_gamma_gamma
    Bad("value-gg-not-a-frame", T + "fit_gamma_gamma", lambda: V.fit_gamma_gamma([1, 2, 3]), "summary"),
    Bad("value-gg-missing-column", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ().drop(columns="monetary_value")), "monetary_value"),
    Bad("value-gg-negative-spend", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(monetary_value=-5.0)), "monetary_value"),
    Bad("value-gg-zero-spend-with-purchases", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(frequency=2, monetary_value=0.0)), "monetary_value"),
    Bad("value-gg-fractional-frequency", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(frequency=1.5)), "frequency"),
    Bad("value-gg-missing-spend", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(monetary_value=np.nan)), "monetary_value"),
    Bad("value-gg-text-spend", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(monetary_value="100")), "monetary_value"),
    Bad("value-gg-too-few-buyers", T + "fit_gamma_gamma", lambda: V.fit_gamma_gamma(summ(n=8)), "frequency"),
    Bad("value-gg-nobody-repeats", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(frequency=0, recency=0.0, monetary_value=0.0)), "frequency"),
    Bad("value-gg-bad-init", T + "fit_gamma_gamma", lambda: V.fit_gamma_gamma(summ(), init=(1, -2, 3)), "init"),
    Bad("value-gg-init-wrong-length", T + "fit_gamma_gamma", lambda: V.fit_gamma_gamma(summ(), init=(1, 2)), "init"),
    Bad("value-gg-infinite-spend", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(summ(monetary_value=np.inf)), "monetary_value"),
    Bad("value-gg-no-spread-warns", T + "fit_gamma_gamma",
        lambda: V.fit_gamma_gamma(V.simulate_gamma_gamma(2000, 3.0, 1e6, 5e7, seed=2)),
        "no finite maximum|barely identify", warns=True),
    # gamma_gamma_loglik / gradient
    Bad("value-ggll-bad-params", T + "gamma_gamma_loglik", lambda: V.gamma_gamma_loglik((1, 2), [1], [5.0]), "params"),
    Bad("value-ggll-zero-x", T + "gamma_gamma_loglik", lambda: V.gamma_gamma_loglik((1, 2, 3), [0], [5.0]), "x must"),
    Bad("value-ggll-lengths", T + "gamma_gamma_loglik",
        lambda: V.gamma_gamma_loglik((1, 2, 3), [1, 2], [5.0]), "one length"),
    Bad("value-ggll-bad-weights", T + "gamma_gamma_loglik",
        lambda: V.gamma_gamma_loglik((1, 2, 3), [1], [5.0], weights=[-1]), "weights"),
    Bad("value-gggrad-zero-spend", T + "gamma_gamma_gradient",
        lambda: V.gamma_gamma_gradient((1, 2, 3), [1], [0.0]), "mean spend"),
    Bad("value-gggrad-text", T + "gamma_gamma_gradient",
        lambda: V.gamma_gamma_gradient((1, 2, 3), ["a"], [5.0]), "numbers"),
    # expected_spend
    Bad("value-es-bad-params", T + "expected_spend", lambda: V.expected_spend({"p": 1, "q": 2}, 1, 5.0), "params"),
    Bad("value-es-negative-frequency", T + "expected_spend", lambda: V.expected_spend(GG, -1, 5.0), "frequency"),
    Bad("value-es-zero-spend-with-purchases", T + "expected_spend",
        lambda: V.expected_spend(GG, 2, 0.0), "monetary"),
    Bad("value-es-text", T + "expected_spend", lambda: V.expected_spend(GG, "2", 5.0), "frequency"),
    Bad("value-es-q-below-1-new-customer", T + "expected_spend",
        lambda: V.expected_spend({"p": 1, "q": 0.8, "gamma": 3}, 0, 0.0), "q="),
    Bad("value-es-shapes", T + "expected_spend", lambda: V.expected_spend(GG, [1, 2], [5.0, 6.0, 7.0]), "shapes"),
    # simulate_gamma_gamma
    Bad("value-sim-n-float", T + "simulate_gamma_gamma", lambda: V.simulate_gamma_gamma(2.5, 1, 2, 3), "n"),
    Bad("value-sim-bad-param", T + "simulate_gamma_gamma", lambda: V.simulate_gamma_gamma(10, 1, 0, 3), "params"),
    Bad("value-sim-mean-frequency-below-1", T + "simulate_gamma_gamma",
        lambda: V.simulate_gamma_gamma(10, 1, 2, 3, mean_frequency=0.5), "mean_frequency"),
    Bad("value-sim-frequency-zero", T + "simulate_gamma_gamma",
        lambda: V.simulate_gamma_gamma(3, 1, 2, 3, frequency=[1, 0, 2]), "frequency"),
    Bad("value-sim-seed-text", T + "simulate_gamma_gamma", lambda: V.simulate_gamma_gamma(3, 1, 2, 3, seed="1"), "seed"),
    # spend_independence
    Bad("value-ind-confidence", T + "spend_independence",
        lambda: V.spend_independence(summ(), confidence=95), "confidence"),
    Bad("value-ind-too-few", T + "spend_independence",
        lambda: V.spend_independence(summ().head(3)), "at least 4"),
    Bad("value-ind-no-spread", T + "spend_independence",
        lambda: V.spend_independence(summ(frequency=2, monetary_value=100.0)), "spread"),
    Bad("value-ind-missing-column", T + "spend_independence",
        lambda: V.spend_independence(summ().drop(columns="frequency")), "frequency"),
    # tracking
    Bad("value-track-not-a-model", T + "tracking", lambda: V.tracking(txs(), {"r": 1}, "2024-12-31"), "model"),
    Bad("value-track-missing-column", T + "tracking",
        lambda: V.tracking(txs().drop(columns="date"), BG, "2024-12-31"), "date"),
    Bad("value-track-end-before-calibration", T + "tracking",
        lambda: V.tracking(txs(), BG, "2024-12-31", "2024-06-30"), "observation_end"),
    Bad("value-track-calibration-too-early", T + "tracking",
        lambda: V.tracking(txs(), BG, "2020-01-01", "2025-06-30"), "calibration_end"),
    Bad("value-track-bad-date", T + "tracking", lambda: V.tracking(txs(), BG, "not a date"), "calibration_end"),
    Bad("value-track-missing-customer", T + "tracking",
        lambda: V.tracking(txs(customer_id=[1, None, 2, 2, 3, 3, 3]), BG, "2024-12-31"), "customer_id"),
    # conditional_expectations
    Bad("value-cond-no-holdout", T + "conditional_expectations",
        lambda: V.conditional_expectations(summ().drop(columns="frequency_holdout"), BG), "frequency_holdout"),
    Bad("value-cond-max-x", T + "conditional_expectations",
        lambda: V.conditional_expectations(summ(), BG, max_x=0), "max_x"),
    Bad("value-cond-not-a-model", T + "conditional_expectations",
        lambda: V.conditional_expectations(summ(), GG), "model"),
    Bad("value-cond-missing-values", T + "conditional_expectations",
        lambda: V.conditional_expectations(summ(frequency_holdout=np.nan), BG), "frequency_holdout"),
    # model_clv
    Bad("value-clv-margin-above-1", T + "model_clv", lambda: V.model_clv(BG, GG, summ(), margin=25), "margin"),
    Bad("value-clv-margin-wrong-length", T + "model_clv",
        lambda: V.model_clv(BG, GG, summ(), margin=[0.2, 0.3]), "margin"),
    Bad("value-clv-discount-array", T + "model_clv", lambda: V.model_clv(BG, GG, summ(), discount=[0.1, 0.2]),
        "discount"),
    Bad("value-clv-discount-negative", T + "model_clv", lambda: V.model_clv(BG, GG, summ(), discount=-0.1),
        "discount"),
    Bad("value-clv-years-zero", T + "model_clv", lambda: V.model_clv(BG, GG, summ(), years=0), "years"),
    Bad("value-clv-too-many-steps", T + "model_clv",
        lambda: V.model_clv(BG, GG, summ(), years=1000, step=0.5), "step"),
    Bad("value-clv-bad-gg", T + "model_clv", lambda: V.model_clv(BG, (1, 2), summ()), "params"),
    Bad("value-clv-no-monetary", T + "model_clv",
        lambda: V.model_clv(BG, GG, summ().drop(columns="monetary_value")), "monetary_value"),
    # clv_per_customer
    Bad("value-cpc-no-margin", T + "clv_per_customer",
        lambda: V.clv_per_customer(txs(), margin_col=None), "margin"),
    Bad("value-cpc-missing-margin-column", T + "clv_per_customer",
        lambda: V.clv_per_customer(txs().drop(columns="margin")), "margin"),
    Bad("value-cpc-missing-amount", T + "clv_per_customer",
        lambda: V.clv_per_customer(txs().drop(columns="amount")), "amount"),
    Bad("value-cpc-too-few-customers", T + "clv_per_customer", lambda: V.clv_per_customer(txs()), "customer"),
    # retention_value / customer_equity / budget_split
    Bad("value-rv-negative-spend", T + "retention_value",
        lambda: V.retention_value(100, -5, 0.8, 0.1), "retention_spend"),
    Bad("value-rv-ceiling-1", T + "retention_value", lambda: V.retention_value(100, 5, 1.0, 0.1), "ret_ceiling"),
    Bad("value-rv-margin-zero", T + "retention_value", lambda: V.retention_value(0, 5, 0.8, 0.1), "margin"),
    Bad("value-ce-negative-acquisition", T + "customer_equity",
        lambda: V.customer_equity(100, -1, 5, 0.5, 0.1, 0.8, 0.1), "acquisition_spend"),
    Bad("value-ce-acq-ceiling-above-1", T + "customer_equity",
        lambda: V.customer_equity(100, 10, 5, 1.5, 0.1, 0.8, 0.1), "acq_ceiling"),
    Bad("value-ce-rate-zero", T + "customer_equity",
        lambda: V.customer_equity(100, 10, 5, 0.5, 0.0, 0.8, 0.1), "acq_k"),
    Bad("value-ce-discount-text", T + "customer_equity",
        lambda: V.customer_equity(100, 10, 5, 0.5, 0.1, 0.8, 0.1, discount="ten"), "discount"),
    Bad("value-bs-ret-k-negative", T + "budget_split", lambda: V.budget_split(100, 0.5, 0.1, 0.8, -0.1), "ret_k"),
    Bad("value-bs-nothing-pays", T + "budget_split",
        lambda: V.budget_split(0.01, 0.01, 0.001, 0.01, 0.001), "margin"),
    Bad("value-bs-ceiling-array", T + "budget_split",
        lambda: V.budget_split(100, [0.5, 0.6], 0.1, 0.8, 0.1), "acq_ceiling"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
