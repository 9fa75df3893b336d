"""Checks for exercises/05_gap_servqual.ipynb.

``exercise_data(seed, n, n_managers)`` builds the data the exercise uses;
each ``qN_...(answer, ...)`` recomputes the right answer from the same data.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.checks import Feedback, check_number, check_series, check_set, not_answered, unanswered, wrong


def exercise_data(seed: int = 42, n: int = 1200, n_managers: int = 8) -> dict[str, pd.DataFrame]:
    """The exercise's tables: a SERVQUAL survey and a management survey drawn with ``seed``."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    n_managers = _v.require_int(n_managers, 'n_managers', minimum=1)
    return {"survey": datasets.generate("servqual_survey", seed=seed, n=n).frame,
            "management": datasets.generate("servqual_management", seed=seed, n_per_branch=n_managers).frame}


def _dimension_gaps(survey, **_):
    return sq.servqual_gaps(survey).dimensions["gap"]


def _weighted(survey, **_):
    return float(sq.weighted_servqual(survey).table["score"].iloc[0])


def _alpha(survey, **_):
    return float(sq.cronbach_alpha(survey).loc["responsiveness", "alpha"])


def _gap1(survey, management, **_):
    return float(sq.gap1(management, survey, by=None).loc["responsiveness", "gap1"])


def _improved(survey, **_):
    ch = sq.wave_change(survey).drop(index="overall")
    return sorted(ch.index[ch["ci_low"] > 0])


def _top3(survey, **_):
    return list(sq.improvement_priorities(survey[survey["wave"] == "before"]).index[:3])


ANSWERS = {"q1": _dimension_gaps, "q2": _weighted, "q3": _alpha, "q4": _gap1, "q5": _improved, "q6": _top3}


def q1_dimension_gaps(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _dimension_gaps(survey), 0.005,
                        "compute P - E for every item, average each respondent's gaps within a dimension "
                        "(skipping blanks), then average over respondents. Index the Series by dimension.")


def q2_weighted_servqual(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _weighted(survey), 0.005,
                        "weight each respondent's five dimension scores by their own importance points / 100, "
                        "sum, then average over respondents.")


def q3_alpha_responsiveness(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _alpha(survey), 0.005,
                        "use the gap scores P - E of items 10-13, keep only respondents who answered all four "
                        "(listwise), and apply k/(k-1) * (1 - sum of item variances / variance of the total).")


def q4_gap1_responsiveness(answer, survey: pd.DataFrame, management: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _gap1(survey, management), 0.005,
                        "average each manager's M10-M13 and each customer's E10-E13, then take "
                        "mean(managers) - mean(customers). Negative means managers underestimate.")


def q5_improved_dimensions(answer, survey: pd.DataFrame) -> Feedback:
    return check_set("Q5", answer, _improved(survey),
                     "compare the dimension scores of the 'after' wave with the 'before' wave; count a dimension "
                     "as improved only if the whole 95% interval of the change lies above 0.")


def q6_top3_priorities(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q6")
    try:
        got = [int(a) for a in answer]
    except (TypeError, ValueError):
        return wrong("Q6", "give a list of three item numbers, e.g. [1, 2, 3].")
    return check_set("Q6", got, _top3(survey),
                     "use the 'before' wave only; weighted shortfall = mean importance weight of the item's "
                     "dimension x max(0, -mean gap); take the three largest.")
