"""Topic 6 data: a customer base whose purchases and spends follow BG/NBD and Gamma-Gamma with known parameters.

The transactions of topic 3 (``loyalty_transactions``) are the course's
running example; their spend is drawn per segment, so the Gamma-Gamma model
is only an approximation there. This table is the ground-truth check: each
customer's repeat purchases follow the BG/NBD process (Fader, Hardie & Lee
2005a) and the mean spend of those purchases the Gamma-Gamma model (FHL
2005b) with the parameters in ``TRUE_BGNBD`` and ``TRUE_GAMMA_GAMMA``, and
every customer's true mean spend p / nu is recorded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register
from crmlab.loyalty.bgnbd import simulate_bgnbd
from crmlab.value.core import simulate_gamma_gamma

TRUE_BGNBD = {"r": 0.6, "alpha": 6.0, "a": 0.9, "b": 4.0}   # per week
TRUE_GAMMA_GAMMA = {"p": 4.0, "q": 6.0, "gamma": 250.0}    # CNY: population mean spend p gamma / (q - 1) = 200
CALIBRATION_WEEKS = (26.0, 104.0)  # customers joined between 26 and 104 weeks before the calibration end
HOLDOUT_WEEKS = 52.0


def make_customers(seed: int = 6, n_customers: int = 2000) -> Generated:
    """``n_customers`` customer histories (x, t_x, T, mean spend, holdout purchases) from known BG/NBD and Gamma-Gamma."""
    rng = np.random.default_rng(seed)
    big_t = np.round(rng.uniform(*CALIBRATION_WEEKS, size=n_customers), 1)
    hist = simulate_bgnbd(n_customers, **TRUE_BGNBD, T=big_t, holdout=HOLDOUT_WEEKS, seed=int(seed))
    x = hist["frequency"].to_numpy()
    spend = simulate_gamma_gamma(n_customers, **TRUE_GAMMA_GAMMA, frequency=np.maximum(x, 1), seed=int(seed) + 1)
    monetary = np.where(x > 0, np.round(spend["monetary_value"].to_numpy(), 2), 0.0)
    frame = pd.DataFrame({
        "customer_id": np.arange(1, n_customers + 1),
        "frequency": x.astype("int64"),
        "recency": np.round(hist["recency"].to_numpy(), 4),
        "T": big_t,
        "monetary_value": monetary,
        "frequency_holdout": hist["frequency_holdout"].to_numpy().astype("int64"),
    })
    truth = {
        "bgnbd_params_per_week": dict(TRUE_BGNBD),
        "gamma_gamma_params": dict(TRUE_GAMMA_GAMMA),
        "population_mean_spend": TRUE_GAMMA_GAMMA["p"] * TRUE_GAMMA_GAMMA["gamma"] / (TRUE_GAMMA_GAMMA["q"] - 1),
        "holdout_weeks": HOLDOUT_WEEKS,
        "true_mean_spend": {str(i + 1): round(float(s), 4)
                            for i, s in enumerate(spend["true_mean_spend"].to_numpy())},
    }
    return Generated(frame, truth)


register(DatasetSpec(
    name="value_customers",
    topic="06 customer value",
    title="Customer histories drawn from known BG/NBD and Gamma-Gamma models (the ground-truth check of CLV)",
    description=(
        "One row per customer: the summary a CLV model needs (frequency, recency, age T, mean spend of "
        "the repeat purchases) for a calibration period, and the purchases in the following 52 weeks. "
        "Purchases follow BG/NBD (r, alpha, a, b per week) and spends Gamma-Gamma (p, q, gamma, CNY) "
        "with the parameters in the truth file (买到死 buy-till-you-die; 客户生命周期价值 CLV)."
    ),
    truth_notes=("`bgnbd_params_per_week`, `gamma_gamma_params`: the true parameters; "
                 "`population_mean_spend`: p gamma / (q - 1); `true_mean_spend`: each customer's true "
                 "mean spend per purchase p / nu (by customer id); `holdout_weeks`: length of the holdout."),
    columns=(
        Column("customer_id", "int", "id", "Customer number"),
        Column("frequency", "int", "count", "Repeat purchases in the calibration period (x)"),
        Column("recency", "float", "weeks", "Time of the last repeat purchase after the first purchase (t_x); 0 when x = 0"),
        Column("T", "float", "26-104 weeks", "Time from the first purchase to the end of the calibration period"),
        Column("monetary_value", "float", "CNY", "Mean spend of the repeat purchases (m_x); 0 when x = 0"),
        Column("frequency_holdout", "int", "count", "Purchases in the 52 weeks after the calibration period"),
    ),
    generator=make_customers,
    default_seed=6,
    defaults={"n_customers": 2000},
))
