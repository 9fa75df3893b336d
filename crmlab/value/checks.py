"""Checks for exercises/06_customer_value.ipynb.

``exercise_data(seed, n_customers)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data (so
every student's own dataset works) and never reveals it. ``RUBRICS`` holds
the grading guide of the written question.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab import validate as _v
from crmlab import value as val
from crmlab.checks import Feedback, check_number, interpretation

CALIBRATION_END = "2024-12-31"
HOLDOUT_END = "2025-12-31"
DISCOUNT = 0.12        # q1
SPEND_X, SPEND_M = 1, 100.0   # q3: one repeat purchase of 100 CNY
CLV_DISCOUNT, CLV_YEARS = 0.10, 3  # q4


def exercise_data(seed: int = 3, n_customers: int = 2000) -> dict[str, pd.DataFrame]:
    """The exercise's table: the transactions of topic 3 drawn with ``seed``."""
    seed = _v.require_int(seed, "seed", minimum=0)
    n_customers = _v.require_int(n_customers, "n_customers", minimum=50)
    return {"tx": datasets.generate("loyalty_transactions", seed=seed, n_customers=n_customers).frame}


def _key(tx: pd.DataFrame) -> tuple:
    return (len(tx), float(tx["amount"].sum()), int(tx["customer_id"].sum()))


_CACHE: dict = {}


def _models(tx):
    """rfm_summary, BG/NBD and Gamma-Gamma fits of ``tx`` (cached per dataset: every question reuses them)."""
    key = _key(tx)
    if key not in _CACHE:
        s = loy.rfm_summary(tx, calibration_end=CALIBRATION_END, observation_end=HOLDOUT_END, amount="amount")
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (s, loy.fit_bgnbd(s), val.fit_gamma_gamma(s))
    return _CACHE[key]


def _retention(tx):
    year = tx["date"].dt.year
    a = set(tx.loc[year == 2023, "customer_id"])
    b = set(tx.loc[year == 2024, "customer_id"])
    return len(a & b) / len(a)


def _multiplier(tx, **_):
    return float(loy.margin_multiplier(_retention(tx), DISCOUNT))


def _p_alive(tx, **_):
    s, bg, _ = _models(tx)
    return float(bg.p_alive(s["frequency"], s["recency"], s["T"]).mean())


def _spend(tx, **_):
    _, _, gg = _models(tx)
    return float(gg.expected_spend(SPEND_X, SPEND_M))


def _base_value(tx, **_):
    s, bg, gg = _models(tx)
    cal = tx[tx["date"] <= CALIBRATION_END]
    rate = cal["margin"].sum() / cal["amount"].sum()
    return float(val.model_clv(bg, gg, s, margin=rate, discount=CLV_DISCOUNT, years=CLV_YEARS)["clv"].sum())


ANSWERS = {"q1": _multiplier, "q2": _p_alive, "q3": _spend, "q4": _base_value}

RUBRICS = {
    "q5": ("Full marks (3 points) need all three: (1) the facts from the student's own numbers: customers with "
           "one repeat purchase have low model CLV because few purchases are forecast and their spend is shrunk "
           "toward the population mean, and P(alive) for them is moderate, not near zero (1 point); (2) the "
           "model's limits: CLV is a forecast under BG/NBD and Gamma-Gamma assumptions, the independence check "
           "(sign and interval of the frequency-spend correlation) says whether their spend is over- or "
           "understated, and a low CLV describes what happens WITHOUT retention spending, not the response to "
           "it (1 point); (3) a decision logic: spend where the increase in CLV caused by the action exceeds its "
           "cost (test it with a holdout or a controlled experiment), rather than cutting by the level of CLV "
           "(1 point). Deduct a point for treating the model CLV as a certainty or for any number that does not "
           "match the student's notebook."),
}


def q1_multiplier(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q1", answer, _multiplier(tx), 0.001,
                        "the multiplier is what one unit of yearly margin is worth over a customer's life: the kept "
                        "share over (1 + discount rate - kept share); the kept share is the customers of the first "
                        "year who bought again in the second, over all customers of the first year.",
                        digits=3)


def q2_mean_p_alive(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _p_alive(tx), 0.005,
                        "fit the buy-till-you-die model on the calibration period (weeks, purchase days) and average "
                        "every customer's probability of still being active at its end. Give a share between 0 "
                        "and 1.", digits=3)


def q3_expected_spend(answer, tx: pd.DataFrame) -> Feedback:
    expected = _spend(tx)
    return check_number("Q3", answer, expected, 0.0,
                        "fit the spend model on the customers with repeat purchases (their mean spend per repeat "
                        "purchase day); a customer with one purchase is pulled toward the population mean, with "
                        "weight (q - 1) / (p x + q - 1) on it.", rel=0.01)


def q4_base_value(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _base_value(tx), 0.0,
                        "per customer: expected purchases in each period of the horizon x expected spend x the "
                        "margin rate of the calibration data, discounted at 10% a year, summed over 3 years; then "
                        "add up over the customers.", rel=0.01)


def q5_interpretation(answer) -> Feedback:
    return interpretation("Q5", answer, min_words=40)
