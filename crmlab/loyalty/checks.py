"""Checks for exercises/03_loyalty.ipynb.

``exercise_data(seed, n_customers)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab.checks import Feedback, check_number, not_answered, unanswered, wrong

CALIBRATION_END = "2024-12-31"
HOLDOUT_END = "2025-12-31"
MARGIN = 250.0
DISCOUNT = 0.10


def exercise_data(seed: int = 3, n_customers: int = 2000) -> dict[str, pd.DataFrame]:
    """The exercise's tables: transactions and the loyalty survey drawn with ``seed``."""
    return {"tx": datasets.generate("loyalty_transactions", seed=seed, n_customers=n_customers).frame,
            "survey": datasets.generate("loyalty_survey", seed=seed, n_customers=n_customers).frame}


def _repeat(tx, **_):
    return float(loy.repeat_rate(tx)["rate"].iloc[0])


def _top_decile_profit(tx, **_):
    return float(loy.purchase_deciles(tx)["profit_share"].iloc[0])


def _nps(survey, **_):
    return float(loy.nps(survey)["nps"].iloc[0])


def _clv(tx, **_):
    year = tx["date"].dt.year
    a = set(tx.loc[year == 2023, "customer_id"])
    b = set(tx.loc[year == 2024, "customer_id"])
    r = len(a & b) / len(a)
    return float(loy.clv(MARGIN, r, DISCOUNT))


def _trap(tx, survey, **_):
    s = loy.rfm_summary(tx, calibration_end=CALIBRATION_END, observation_end=HOLDOUT_END)
    resp = survey[survey["customer"]].set_index("customer_id")
    nxt = s["frequency_holdout"].reindex(resp.index).fillna(0)
    satisfied = resp["satisfaction"] >= 4
    return float((nxt[satisfied] < 2).mean())


def _forecast(tx, **_):
    s = loy.rfm_summary(tx, calibration_end=CALIBRATION_END, observation_end=HOLDOUT_END)
    model = loy.fit_bgnbd(s)
    return float(model.expected_purchases(s["duration_holdout"].iloc[0], s["frequency"], s["recency"],
                                          s["T"]).sum())


ANSWERS = {"q1": _repeat, "q2": _top_decile_profit, "q3": _nps, "q4": _clv, "q5": _trap, "q6": _forecast}


def q1_repeat_rate(answer, tx: pd.DataFrame) -> Feedback:
    x = check_number("Q1", answer, _repeat(tx), 0.0015,
                     "count purchase days per customer (several purchases on one day are one), then the share "
                     "of customers with two or more days. Give a share between 0 and 1.")
    if x.ok is False and not unanswered(answer):
        try:
            rows = float((tx.groupby("customer_id").size() >= 2).mean())
            if abs(float(answer) - rows) < 0.0015:
                return wrong("Q1", "you counted rows; count distinct purchase days per customer instead.")
        except (TypeError, ValueError):
            pass
    return x


def q2_top_decile_profit(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _top_decile_profit(tx), 0.002,
                        "sum sales and margin per customer, rank customers by sales (not by margin), take the top "
                        "10% of customers and divide their margin by the total margin. Give a share between 0 and 1.")


def q3_nps(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _nps(survey), 0.05,
                        "drop the missing answers (prospects); promoters answer 9-10, detractors 0-6; "
                        "NPS = 100 * (share of promoters - share of detractors).")


def q4_clv(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _clv(tx), 0.5,
                        "r = customers who bought in both 2023 and 2024 / customers who bought in 2023; "
                        f"then CLV = m * r / (1 + d - r) with m = {MARGIN:g} and d = {DISCOUNT:g}.")


def q5_satisfaction_trap(answer, tx: pd.DataFrame, survey: pd.DataFrame) -> Feedback:
    return check_number("Q5", answer, _trap(tx, survey), 0.002,
                        "take the customers in the survey who gave satisfaction 4 or 5; count their purchase "
                        "days in 2025 (0 for none); give the share with fewer than 2.")


def q6_bgnbd_forecast(answer, tx: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q6")
    expected = _forecast(tx)
    return check_number("Q6", answer, expected, 0.01 * expected,
                        "build the summary with loy.rfm_summary(tx, calibration_end='2024-12-31', "
                        "observation_end='2025-12-31') (weeks), fit loy.fit_bgnbd, and sum "
                        "expected_purchases over the holdout length for every customer.")
