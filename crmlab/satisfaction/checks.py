"""Checks for exercises/01_satisfaction.ipynb.

``exercise_data(seed, n)`` builds the data the exercise uses (the textbook
case redrawn with ``seed``, and a survey drawn with ``seed``); each
``qN_...(answer, ...)`` recomputes the right answer from the same data. The
tolerances are the ones the questions state. ``RUBRICS`` holds the
instructor's rubric of each written (interpretation) question.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import satisfaction as sat
from crmlab import validate as _v
from crmlab.checks import (Feedback, _t, check_choice, check_number, check_pair, check_series, check_set,
                           interpretation, not_answered, set_lang, unanswered, wrong)


def exercise_data(seed: int = 42, n: int = 1200, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's tables: the textbook case (its counts redrawn with ``seed``; seed 0 = the
    textbook's own numbers) and a survey drawn with ``seed``. The checks speak ``lang`` from then on."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    set_lang(lang)
    return {"case": datasets.generate("textbook_case", seed=seed).frame,
            "survey": datasets.generate("satisfaction_survey", seed=seed, n=n).frame}


def _means(case, **_):
    return sat.scores_from_counts(case).set_axis(case["attribute"])


def _scores(case, **_):
    m = _means(case)
    return (float(m.mean()), float((m * case.set_index("attribute")["weight"]).sum()))


def _csi(survey, **_):
    return sat.csi(survey, "overall", by="segment")["csi"]


def _driver(survey, **_):
    w = sat.derived_importance(survey)["weight"]
    return (str(w.idxmax()), float(w.max()))


def _ratio(survey, **_):
    return sat.repurchase_by_score(survey).top_box_ratio


def _concentrate(survey, **_):
    di = sat.derived_importance(survey)
    table = sat.ipa(survey[list(sat.ATTRIBUTES)].mean(), di["weight"])
    keys = pd.Series(table.attrs["quadrant_keys"], index=table.index)
    return sorted(keys[keys == "concentrate_here"].index)


ANSWERS = {"q1": _means, "q2": _scores, "q3": _csi, "q4": _driver, "q5": _ratio, "q6": _concentrate}

RUBRICS = {
    "q7": (
        "Full marks (4 points) need all four, each backed by the student's own numbers: "
        "(1) what the regression weights are: the change in overall satisfaction per rating point of one "
        "attribute holding the others fixed (negatives clipped to 0, rescaled to sum to 1), i.e. what moves "
        "overall satisfaction in THIS sample, not what customers say (quote the derived vs stated top attribute "
        "and weights); "
        "(2) their limits: correlated ratings (a halo) make OLS weights unstable between samples and can flip "
        "a coefficient's sign; they are an association, not a causal effect; quote the relative weights "
        "(share of R^2, Johnson 2000) and say whether they agree; "
        "(3) the measurement point: weighting by derived weights makes the index track overall satisfaction "
        "more closely, but the weights must be re-estimated and reported with their uncertainty, and stated "
        "importance (what customers value) still matters for communication and for attributes with little "
        "variation (must-be attributes in Kano's sense look unimportant in a regression); "
        "(4) a recommendation: e.g. use derived (or relative) weights for prioritising improvements (IPA), "
        "keep the index definition stable over time, check the weights on a new sample. "
        "1 point per element; 0 for an element stated without a number from the student's data."
    ),
}


def q1_attribute_means(answer, case: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _means(case), 0.005,
                        _t("sat_hint_q1"), digits=2)


def q2_simple_vs_weighted(answer, case: pd.DataFrame) -> Feedback:
    exp_s, exp_w = _scores(case)
    return check_pair("Q2", answer, {"simple": exp_s, "weighted": exp_w}, 0.005,
                      {"simple": _t("sat_hint_q2_simple"), "weighted": _t("sat_hint_q2_weighted")}, digits=2)


def q3_csi_by_segment(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q3", answer, _csi(survey), 0.05,
                        _t("sat_hint_q3"), digits=1)


def q4_top_driver(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q4")
    name, weight = _driver(survey)
    if isinstance(answer, dict):
        lookup = {str(k).strip().lower(): v for k, v in answer.items()}
        if set(lookup) != {"driver", "weight"}:
            return wrong("Q4", _t("sat_hint_q4_dict"))
        got_name, got_weight = lookup["driver"], lookup["weight"]
    elif isinstance(answer, (tuple, list)) and len(answer) == 2:
        got_name, got_weight = answer
    else:
        return wrong("Q4", _t("sat_hint_q4_pair"))
    which = check_choice("Q4", got_name, name, sat.ATTRIBUTES,
                         _t("sat_hint_q4_name"))
    if which.status != "right":
        return which
    return check_number("Q4", got_weight, weight, 0.0005,
                        _t("sat_hint_q4_weight"), digits=3)


def q5_top_box_ratio(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q5", answer, _ratio(survey), 0.0,
                        _t("sat_hint_q5"), rel=0.01)


def q6_concentrate_here(answer, survey: pd.DataFrame) -> Feedback:
    return check_set("Q6", answer, _concentrate(survey),
                     _t("sat_hint_q6"), options=sat.ATTRIBUTES)


def q7_advise_the_ceo(answer) -> Feedback:
    """Written answer: recorded for the instructor (``RUBRICS['q7']``)."""
    return interpretation("Q7", answer, min_words=40)
