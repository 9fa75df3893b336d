"""Checks for exercises/02_complaints.ipynb.

``exercise_data(seed, n)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data and
judges it with the kit's fair rules (:mod:`crmlab.checks`): the tolerance the
question states, "close" for a near miss, equivalent forms accepted. Q6 is a
written answer, graded by the instructor with ``RUBRICS["q6"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import complaints as cp
from crmlab import datasets
from crmlab.checks import (Feedback, _t, check_bool, check_choice, check_number, check_series, grade_number,
                           interpretation, name_of, not_answered, number, right, set_lang, unanswered, wrong)

Q1_CATEGORY = "installation"
Q2_TOL_H = 0.5  # hours, stated in the question
Q3_TELL = (4.5, 9.5)
Q3_REL = 0.01  # 1%, stated in the question
Q5_ANSWERS = {"makes_up_loss": True, "can_provide": False, "other_can_provide": False, "offer_solution": True}
Q6_MIN_WORDS = 60

RUBRICS = {
    "q6": (
        "4 points. (1) Names the selection: who complains and whose case is fully resolved is not random; "
        "gold (loyal, high-value) members complain more, are fully resolved more often and buy more anyway, "
        "so the raw 'resolved vs no problem' gap mixes the effect of the resolution with the tier. "
        "(2) Quotes the raw difference and the within-tier (adjusted) difference with their intervals from "
        "their own data and says which verdict each gives (e.g. raw interval above 0, adjusted interval "
        "including 0). (3) Draws the right conclusion: the data do not show that a resolution makes customers "
        "buy more than if they had had no problem; the tier adjustment removes only the confounder that was "
        "recorded, other traits may remain (an experiment or richer data would be needed). "
        "(4) Advice that follows from the numbers: resolving fully still matters against NOT resolving "
        "(compare resolved with unresolved within tiers), but a problem avoided is not worth less than a "
        "problem fixed; do not create problems to 'recover' them. Deduct a point for causal wording from the "
        "raw comparison alone, or for judging by overlap of two separate intervals."
    ),
}


def exercise_data(seed: int = 42, n: int = 3000, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's tables: a complaint log and its customers, drawn with ``seed``. The checks speak
    ``lang`` from then on."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    set_lang(lang)
    return {"log": datasets.generate("complaint_log", seed=seed, n=n).frame,
            "customers": datasets.generate("complaint_customers", seed=seed, n_complaints=n).frame}


def _abc(log, **_):
    return str(cp.pareto(log, "category").loc[Q1_CATEGORY, "abc"])


def _p90(log, **_):
    return cp.complaint_kpis(log, by="channel")["resolution_p90_h"]


def _reach(log, **_):
    """Bad stories: every complaint at the closed cases' mix (open cases assumed to end like the closed ones)."""
    return float(cp.word_of_mouth(len(log), share_full=cp.outcome_mix(log), tell_full=Q3_TELL[0],
                                  tell_not_full=Q3_TELL[1]).told_negative)


def _reach_open_as_unresolved(log):
    """The other reading: open cases counted as not fully resolved (what the question does NOT ask)."""
    return float((len(log) - (log["outcome"] == "full").sum()) * Q3_TELL[1])


def _paradox(customers, **_):
    return cp.recovery_table(customers).paradox


def _walk(**_):
    return list(cp.walk_decision(Q5_ANSWERS).path)


ANSWERS = {"q1": _abc, "q2": _p90, "q3": _reach, "q4": _paradox, "q5": _walk}


def q1_pareto_class(answer, log: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q1")
    return check_choice("Q1", answer, _abc(log), ["A", "B", "C"], _t("cp_hint_q1"))


def q2_p90_by_channel(answer, log: pd.DataFrame) -> Feedback:
    return check_series("Q2", answer, _p90(log), Q2_TOL_H, _t("cp_hint_q2"), prefix="cp_")


def q3_bad_word_of_mouth(answer, log: pd.DataFrame) -> Feedback:
    x = number(answer)
    if x is not None and grade_number(x, _reach(log), rel=Q3_REL) != "right" \
            and grade_number(x, _reach_open_as_unresolved(log), rel=Q3_REL) == "right":
        return wrong("Q3", _t("cp_hint_q3_open"))
    return check_number("Q3", answer, _reach(log), 0.0, _t("cp_hint_q3"), rel=Q3_REL)


def q4_paradox_holds(answer, customers: pd.DataFrame) -> Feedback:
    fb = check_bool("Q4", answer, _paradox(customers), _t("cp_hint_q4"))
    if fb.status == "right":
        return right("Q4", _t("cp_hint_q4_next"))
    return fb


def q5_decision_walk(answer, **_) -> Feedback:
    if unanswered(answer):
        return not_answered("Q5")
    if isinstance(answer, (str, bytes)):
        return wrong("Q5", _t("cp_hint_q5_list"))
    try:
        given = [str(a) for a in answer]
    except TypeError:
        return wrong("Q5", _t("cp_hint_q5_list"))
    # a node may be named by its key, its English or its Chinese label (cp_dm_<node>)
    got = [name_of(a, cp.DECISION_NODES, prefix="cp_dm_") or a for a in given]
    exp = _walk()
    if got == exp:
        return right("Q5")
    if got[:1] != exp[:1] or got[-1:] != exp[-1:]:
        return wrong("Q5", _t("cp_hint_q5_ends"))
    return wrong("Q5", _t("cp_hint_q5_other"))


def q6_selection(answer, **_) -> Feedback:
    """Written answer: raw vs within-tier recovery comparison (rubric: ``RUBRICS['q6']``)."""
    return interpretation("Q6", answer, min_words=Q6_MIN_WORDS)
