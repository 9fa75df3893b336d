"""Checks for exercises/01_satisfaction.ipynb.

``exercise_data(seed, n)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import datasets
from crmlab import satisfaction as sat
from crmlab.checks import Feedback, check_number, check_series, check_set, not_answered, right, unanswered, wrong


def exercise_data(seed: int = 42, n: int = 1200) -> dict[str, pd.DataFrame]:
    """The exercise's tables: the textbook case and a survey drawn with ``seed``."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    return {"case": datasets.load("textbook_case"),
            "survey": datasets.generate("satisfaction_survey", seed=seed, n=n).frame}


def _means(case, **_):
    return sat.scores_from_counts(case).set_axis(case["attribute"])


def _scores(case, **_):
    m = _means(case)
    return (float(m.mean()), float((m * case.set_index("attribute")["weight"]).sum()))


def _csi(survey, **_):
    return sat.csi(survey, "overall", by="segment")["csi"]


def _driver(survey, **_):
    return str(sat.derived_importance(survey)["weight"].idxmax())


def _ratio(survey, **_):
    return sat.repurchase_by_score(survey).top_box_ratio


def _concentrate(survey, **_):
    di = sat.derived_importance(survey)
    table = sat.ipa(survey[list(sat.ATTRIBUTES)].mean(), di["weight"])
    keys = pd.Series(table.attrs["quadrant_keys"], index=table.index)
    return sorted(keys[keys == "concentrate_here"].index)


ANSWERS = {"q1": _means, "q2": _scores, "q3": _csi, "q4": _driver, "q5": _ratio, "q6": _concentrate}


def q1_attribute_means(answer, case: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _means(case), 0.005,
                        "weight each rating level 1-5 by its count, sum, and divide by the number of respondents "
                        "of that attribute. Index the Series by attribute.")


def q2_simple_vs_weighted(answer, case: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q2")
    try:
        simple, weighted = (float(x) for x in answer)
    except (TypeError, ValueError):
        return wrong("Q2", "give a pair: (simple_score, weighted_score).")
    exp_s, exp_w = _scores(case)
    if abs(simple - exp_s) > 0.005:
        return wrong("Q2", "the simple score is the plain mean of the six attribute means.")
    if abs(weighted - exp_w) > 0.005:
        return wrong("Q2", "the weighted score multiplies each attribute mean by its weight and sums (the weights sum to 1).")
    return right("Q2", "Which attributes pull the weighted score below the simple one?")


def q3_csi_by_segment(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q3", answer, _csi(survey), 0.05,
                        "CSI = (mean overall - 1) / 4 * 100 per segment; group by 'segment' first.")


def q4_top_driver(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q4")
    return check_set("Q4", [answer], [_driver(survey)],
                     "regress 'overall' on the six attribute ratings and take the largest coefficient, "
                     "not the largest stated importance.")


def q5_top_box_ratio(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q5", answer, _ratio(survey), 0.01,
                        "compute the repurchase rate of respondents who gave 5 and of those who gave 4, then divide.")


def q6_concentrate_here(answer, survey: pd.DataFrame) -> Feedback:
    return check_set("Q6", answer, _concentrate(survey),
                     "cut both axes at the mean over the six attributes; 'concentrate here' is high importance, "
                     "low performance. Use derived importance.")
