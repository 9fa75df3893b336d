"""Checks for exercises/03_loyalty.ipynb.

``exercise_data(seed, n_customers, lang)`` builds the data the exercise uses (the checks then speak ``lang``); each
``qN_...(answer, ...)`` recomputes the right answer from the same data.
``ANSWERS`` holds the numeric answers (q1-q5, for ``crmlab assign``'s key);
q6 is a written interpretation, graded by the instructor with ``RUBRICS["q6"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab import validate as _v
from crmlab.checks import Feedback, _t, check_number, interpretation, number, set_lang, unanswered, wrong

CALIBRATION_END = "2024-12-31"
HOLDOUT_END = "2025-12-31"
INACTIVE_DAYS = 180


def exercise_data(seed: int = 3, n_customers: int = 2000, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's tables: transactions and the loyalty survey drawn with ``seed``. The checks speak
    ``lang`` from then on."""
    seed = _v.require_int(seed, "seed", minimum=0)
    n_customers = _v.require_int(n_customers, "n_customers", minimum=1)
    set_lang(lang)
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
                     _t("loy_hint_q1"), digits=3)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        rows = float((tx.groupby("customer_id").size() >= 2).mean())
        if val is not None and abs(val - rows) < 0.0015:
            return wrong("Q1", _t("loy_hint_q1_rows"))
    return x


def q2_top_decile_profit(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _top_decile_profit(tx), 0.002,
                        _t("loy_hint_q2"), digits=3)


def q3_nps(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _nps(survey), 0.5,
                        _t("loy_hint_q3"), digits=0)


def q4_churn_gap(answer, tx: pd.DataFrame) -> Feedback:
    expected = _churn_gap(tx)
    x = check_number("Q4", answer, expected, 0.05,
                     _t("loy_hint_q4"), digits=1)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        if val is not None and abs(val - _churn_gap_everyone(tx)) < 0.05 and abs(val - expected) >= 0.05:
            return Feedback("Q4", False, _t("loy_hint_q4_base"), "close")
    return x


def q5_top_box_loyal(answer, tx: pd.DataFrame, survey: pd.DataFrame) -> Feedback:
    x = check_number("Q5", answer, _top_box_loyal(tx, survey), 0.0015,
                     _t("loy_hint_q5"), digits=3)
    if x.ok is False and not unanswered(answer):
        val = number(answer)
        if val is not None and abs(val - _top_two_loyal(tx, survey)) < 0.0015:
            return wrong("Q5", _t("loy_hint_q5_top_two"))
    return x


def q6_interpretation(answer) -> Feedback:
    return interpretation("Q6", answer, min_words=40)
