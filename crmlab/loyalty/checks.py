"""Checks for exercises/03_loyalty.ipynb.

``exercise_data(seed, n_customers)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data.
``ANSWERS`` holds the numeric answers (q1-q5, for ``crmlab assign``'s key);
q6 is a written interpretation, graded by the instructor with ``RUBRICS["q6"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab.checks import Feedback, check_number, interpretation, number, unanswered, wrong

CALIBRATION_END = "2024-12-31"
HOLDOUT_END = "2025-12-31"
INACTIVE_DAYS = 180


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


def _churn_gap(tx, **_):
    c = loy.churn_by_group(tx, "channel", as_of=CALIBRATION_END, inactive_days=INACTIVE_DAYS)
    return float((c.loc["online", "rate"] - c.loc["store", "rate"]) * 100)


def _churn_gap_everyone(tx):
    """The same gap counting every customer, also those acquired too late to have churned (a common slip)."""
    work = tx[tx["date"] <= pd.Timestamp(CALIBRATION_END)]
    g = work.sort_values("date", kind="stable").groupby("customer_id")
    churned = g["date"].max() < pd.Timestamp(CALIBRATION_END) - pd.Timedelta(days=INACTIVE_DAYS)
    rate = churned.groupby(g["channel"].first()).mean()
    return float((rate["online"] - rate["store"]) * 100)


def _next_year(tx, survey):
    resp = survey[survey["customer"]].set_index("customer_id")
    s = loy.rfm_summary(tx, calibration_end=CALIBRATION_END, observation_end=HOLDOUT_END)
    return resp, s["frequency_holdout"].reindex(resp.index).fillna(0)


def _top_box_loyal(tx, survey, **_):
    resp, nxt = _next_year(tx, survey)
    return float((nxt[resp["satisfaction"] == 5] >= 2).mean())


def _top_two_loyal(tx, survey):
    resp, nxt = _next_year(tx, survey)
    return float((nxt[resp["satisfaction"] >= 4] >= 2).mean())


ANSWERS = {"q1": _repeat, "q2": _top_decile_profit, "q3": _nps, "q4": _churn_gap, "q5": _top_box_loyal}

RUBRICS = {
    "q6": (
        "4 points. (1) Uses the interval of the DIFFERENCE in churn (online minus store), not whether the two "
        "groups' intervals overlap, and says whether it excludes zero; mentions that the largest of several "
        "gaps was picked, so a multiple-comparison correction (e.g. Bonferroni) is prudent. (2) Prices the gap: "
        "value of one point less churn (customers x margin of a churned customer) or the margin lost, per year, "
        "and compares it with what a programme would cost. (3) Uses the churn reasons: a reason the firm "
        "controls (quality, service, new products) argues for fixing the cause; a competitor's offer argues "
        "for targeted retention offers, and says the survey's lapsed respondents are a selected group. "
        "(4) A clear recommendation that follows from (1)-(3), without claiming that 'acquisition costs 5x "
        "retention' by itself makes every point of churn worth saving. Half a point off for a number quoted "
        "without its unit or interval."
    ),
}


def q1_repeat_rate(answer, tx: pd.DataFrame) -> Feedback:
    x = check_number("Q1", answer, _repeat(tx), 0.0015,
                     "a repeat customer bought on two or more different days; several purchases on one day are "
                     "one purchase occasion. Give a share between 0 and 1.", digits=3)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        rows = float((tx.groupby("customer_id").size() >= 2).mean())
        if val is not None and abs(val - rows) < 0.0015:
            return wrong("Q1", "you counted rows; count distinct purchase days per customer instead.")
    return x


def q2_top_decile_profit(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _top_decile_profit(tx), 0.002,
                        "the deciles are formed by sales, but the question asks for those customers' share of "
                        "the total profit. Give a share between 0 and 1.", digits=3)


def q3_nps(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _nps(survey), 0.5,
                        "only people who answered the question count; NPS is the share of promoters minus the "
                        "share of detractors, on a -100 to 100 scale.", digits=0)


def q4_churn_gap(answer, tx: pd.DataFrame) -> Feedback:
    expected = _churn_gap(tx)
    x = check_number("Q4", answer, expected, 0.05,
                     "a customer's group is the channel of their first purchase; churned = no purchase in the "
                     "180 days before the survey date. Give the difference in percentage points.", digits=1)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        if val is not None and abs(val - _churn_gap_everyone(tx)) < 0.05 and abs(val - expected) >= 0.05:
            return Feedback("Q4", False, "close - the method is right but the base is not: count only the "
                                         "customers who could have churned, those acquired at least 180 days "
                                         "before the survey date.", "close")
    return x


def q5_top_box_loyal(answer, tx: pd.DataFrame, survey: pd.DataFrame) -> Feedback:
    x = check_number("Q5", answer, _top_box_loyal(tx, survey), 0.0015,
                     "loyal means two or more purchase days in the year after the survey (0 for none); the top box "
                     "is the highest answer only. Give a share between 0 and 1.", digits=3)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        if val is not None and abs(val - _top_two_loyal(tx, survey)) < 0.0015:
            return wrong("Q5", "you took the top two boxes (4 and 5); the top box is 5 only.")
    return x


def q6_interpretation(answer) -> Feedback:
    return interpretation("Q6", answer, min_words=40)
