"""Checks for exercises/02_complaints.ipynb.

``exercise_data(seed, n)`` builds the data the exercise uses; each
``qN_...(answer, ...)`` recomputes the right answer from the same data.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import complaints as cp
from crmlab import datasets
from crmlab.checks import Feedback, check_number, check_series, not_answered, right, unanswered, wrong

Q1_CATEGORY = "installation"
Q3_TELL = (4.5, 9.5)
Q5_ANSWERS = {"makes_up_loss": True, "can_provide": False, "other_can_provide": False, "offer_solution": True}


def exercise_data(seed: int = 42, n: int = 3000) -> dict[str, pd.DataFrame]:
    """The exercise's tables: a complaint log and its customers, drawn with ``seed``."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    return {"log": datasets.generate("complaint_log", seed=seed, n=n).frame,
            "customers": datasets.generate("complaint_customers", seed=seed, n_complaints=n).frame}


def _abc(log, **_):
    return str(cp.pareto(log, "category").loc[Q1_CATEGORY, "abc"])


def _p90(log, **_):
    return cp.complaint_kpis(log, by="channel")["resolution_p90_h"]


def _reach(log, **_):
    return float(cp.word_of_mouth(len(log), share_full=cp.outcome_mix(log), tell_full=Q3_TELL[0],
                                  tell_not_full=Q3_TELL[1]).told_negative)


def _paradox(customers, **_):
    return cp.recovery_table(customers).paradox


def _walk(**_):
    return list(cp.walk_decision(Q5_ANSWERS).path)


ANSWERS = {"q1": _abc, "q2": _p90, "q3": _reach, "q4": _paradox, "q5": _walk}


def q1_pareto_class(answer, log: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q1")
    if str(answer).strip().upper() not in ("A", "B", "C"):
        return wrong("Q1", "answer with one letter: 'A', 'B' or 'C'.")
    if str(answer).strip().upper() == _abc(log):
        return right("Q1")
    return wrong("Q1", "sort the categories by count, add up their shares; A = the categories whose cumulative "
                       "share *before* them is below 80%, B below 95%, C the rest.")


def q2_p90_by_channel(answer, log: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q2")
    fb = check_series("Q2", answer, _p90(log), 0.5,
                      "do not drop the cases still open: they are censored at the end of the log. "
                      "cp.complaint_kpis(log, by='channel') reads the P90 off the Kaplan-Meier curve.")
    return fb


def q3_bad_word_of_mouth(answer, log: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _reach(log), 1.0,
                        "share fully resolved = closed cases with outcome 'full' / closed cases; the others "
                        "(all complaints minus the fully resolved ones) tell 9.5 people each.")


def q4_paradox_holds(answer, customers: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q4")
    if not isinstance(answer, bool):
        return wrong("Q4", "answer True or False.")
    if answer == _paradox(customers):
        return right("Q4", "Does the verdict change with a smaller sample?")
    return wrong("Q4", "the paradox holds only if the whole interval of (resolved complainers - no problem) "
                       "is above 0; use cp.recovery_table.")


def q5_decision_walk(answer, **_) -> Feedback:
    if unanswered(answer):
        return not_answered("Q5")
    try:
        got = [str(a) for a in answer]
    except TypeError:
        return wrong("Q5", "give the path as a list of node names, e.g. ['define_problem', ...].")
    exp = _walk()
    if got == exp:
        return right("Q5")
    if got[:1] != exp[:1] or got[-1:] != exp[-1:]:
        return wrong("Q5", "every walk starts at 'define_problem' and ends at 'record_solution'.")
    return wrong("Q5", "follow cp.DECISION_EDGES: after a 'no' to both 'can_provide' and 'other_can_provide' "
                       "the next step is 'other_options'.")
