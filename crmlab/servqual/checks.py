"""Checks for exercises/05_gap_servqual.ipynb.

``exercise_data(seed, n, n_managers, lang)`` builds the data the exercise uses;
each ``qN_...(answer, ...)`` recomputes the right answer from the same data.
Numbers are right within the tolerance the question states (or correctly
rounded to the decimals it asks for); a rounding slip is "close". Names are
accepted as keys, English or Chinese labels. Q7 is a written answer, graded
by the instructor with ``RUBRICS["q7"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.checks import (Feedback, _t, check_number, check_series, check_set, interpretation, not_answered,
                           set_lang, unanswered, wrong)


def exercise_data(seed: int = 42, n: int = 1200, n_managers: int = 8, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's tables: a SERVQUAL survey and a management survey drawn with ``seed``.
    The checks speak ``lang`` from then on."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n = _v.require_int(n, 'n', minimum=1)
    n_managers = _v.require_int(n_managers, 'n_managers', minimum=1)
    set_lang(lang)
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


def _figures_q7(survey, **_):
    """The figures a Q7 answer should use: correlations with overall quality and their difference."""
    r = sq.servqual_gaps(survey)
    v = pd.DataFrame({"servqual": r.dimension_scores["overall"], "servperf": sq.servperf(survey).scores["overall"],
                      "overall_quality": survey["overall_quality"]})
    c = sq.compare_correlations(v, "overall_quality", "servperf", "servqual")
    return {k: round(float(c[k]), 3) for k in ("r_a", "r_b", "diff", "ci_low", "ci_high")}


ANSWERS = {"q1": _dimension_gaps, "q2": _weighted, "q3": _alpha, "q4": _gap1, "q5": _improved, "q6": _top3,
           "q7": _figures_q7}

RUBRICS = {
    "q7": (
        "4 points. (1) Quotes both correlations with overall quality (SERVPERF r and SERVQUAL r) and the "
        "interval of their difference, and reads it correctly: which score tracks overall quality better, or "
        "that the interval contains 0 (1 point). (2) Knows why the two correlations need a dependent-correlation "
        "test (same customers, same rating), not two separate intervals (1 point). (3) States the critique: "
        "difference scores are less reliable and correlate with their components (Babakus & Boller 1992; Peter, "
        "Churchill & Brown 1993), SERVPERF uses half the questions (Cronin & Taylor 1992); and notes that in this "
        "synthetic bank overall quality was generated from P - E, so the data favour SERVQUAL by construction "
        "(1 point). (4) Recommends for management: e.g. keep the expectation items for diagnosis (which "
        "expectations are missed, where to act) while tracking perceptions over time, or a reasoned alternative "
        "(1 point). No points for a bare preference without the figures."
    ),
}


def q1_dimension_gaps(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _dimension_gaps(survey), 0.005,
                        _t("sq_hint_q1"),
                        digits=2, prefix="sq_")


def q2_weighted_servqual(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _weighted(survey), 0.005,
                        _t("sq_hint_q2"), digits=2)


def q3_alpha_responsiveness(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q3", answer, _alpha(survey), 0.005,
                        _t("sq_hint_q3"), digits=2)


def q4_gap1_responsiveness(answer, survey: pd.DataFrame, management: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _gap1(survey, management), 0.005,
                        _t("sq_hint_q4"), digits=2)


def q5_improved_dimensions(answer, survey: pd.DataFrame) -> Feedback:
    return check_set("Q5", answer, _improved(survey),
                     _t("sq_hint_q5"),
                     options=list(sq.DIMENSIONS), prefix="sq_")


def q6_top3_priorities(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q6")
    try:
        got = [int(a) for a in answer]
    except (TypeError, ValueError):
        return wrong("Q6", _t("sq_hint_q6_list"))
    return check_set("Q6", [str(g) for g in got], [str(i) for i in _top3(survey)],
                     _t("sq_hint_q6"))


def q7_servqual_or_servperf(answer, survey: pd.DataFrame | None = None) -> Feedback:
    """A written answer (at least 40 words), recorded for the instructor (rubric ``RUBRICS['q7']``)."""
    return interpretation("Q7", answer, min_words=40)
