"""Checks for exercises/07_satisfaction_index_pls.ipynb.

``exercise_data(seed, n)`` builds the survey the exercise uses; each
``qN_...(answer, survey)`` refits the model on the same data and recomputes
the right answer. Tolerances are the ones the questions state; a rounding
slip is a near miss ("close"), and names may be keys (``QUAL``), English or
Chinese labels. Hints point to the idea, never to the code. Q6 is a written
interpretation graded by the instructor with ``RUBRICS["q6"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import pls
from crmlab.pls.core import CONSTRUCTS_EN
from crmlab.checks import (Feedback, check_choice, check_number, check_series, check_set, interpretation,
                           not_answered, unanswered)

N_BOOT, BOOT_SEED = 200, 0  # the bootstrap the exercise asks for (Q5, Q6)


def exercise_data(seed: int = 42, n: int = 1000) -> dict[str, pd.DataFrame]:
    """The exercise's table: an ECSI survey drawn with ``seed``."""
    return {"survey": datasets.generate("ecsi_survey", seed=seed, n=n).frame}


def _fit(survey: pd.DataFrame, n_boot: int = 0):
    return pls.pls_path_model(survey, n_boot=n_boot, seed=BOOT_SEED)


def _ave(survey, **_):
    return _fit(survey).ave


DRIVERS = ("IMAG", "EXPE", "QUAL", "VAL")  # the drivers of satisfaction (Q2 asks about their effect on loyalty)


def _top_effect(survey, **_):
    eff = _fit(survey).effects
    on_loy = eff[eff["to"] == "LOY"].set_index("from")["total"].reindex(list(DRIVERS))
    return str(on_loy.idxmax())


def _index(survey, **_):
    return pls.satisfaction_index(survey, _fit(survey), "SAT", by="segment")["index"]


def _r2_without(survey, **_):
    paths = [p for p in pls.PATHS if p != ("IMAG", "SAT")]
    return float(pls.pls_path_model(survey, paths=paths).r2["SAT"])


def _zero_paths(survey, **_):
    b = _fit(survey, N_BOOT).bootstrap["paths"]
    return sorted(b.index[(b["ci_low"] < 0) & (b["ci_high"] > 0)])


def model_answer_q6(survey, **_) -> str:
    """A model answer to Q6 built from this survey's numbers (for the instructor and the solution)."""
    fit = _fit(survey, N_BOOT)
    table = pls.ipma(survey, fit, "SAT")
    boot = fit.bootstrap["total_effects"]
    imp_cut, perf_cut = table["importance"].mean(), table["performance"].mean()
    priority = table[(table["importance"] >= imp_cut) & (table["performance"] < perf_cut)]
    pick = (priority if len(priority) else table).sort_values(["importance", "performance"],
                                                               ascending=[False, True], kind="stable").index[0]
    row, ci = table.loc[pick], boot.loc[f"{pick} -> SAT"]
    noise = ("so it is not sampling noise" if ci["ci_low"] > 0 or ci["ci_high"] < 0
             else "which contains 0, so even its sign is uncertain")
    where = ("above-average importance and below-average performance" if len(priority)
             else "the largest importance (no driver is both above-average in importance and below-average in "
                  "performance)")
    return (f"Improve {CONSTRUCTS_EN[pick]} ({pick}) first: it has {where}. Its total effect on satisfaction is "
            f"{row['total_effect']:.2f} (95% bootstrap interval {ci['ci_low']:.2f} to {ci['ci_high']:.2f}, {noise}), "
            f"i.e. about {row['importance']:.2f} index points of satisfaction per point of its "
            f"own 0-100 performance, which is {row['performance']:.1f} against a driver mean of {perf_cut:.1f}. "
            "Limitation: the model is estimated from one cross-sectional survey, so the effect is an association "
            "under the assumed paths, not proof that raising it will raise satisfaction; omitted causes (price "
            "changes, network outages), the attenuation of PLS and the cost of improving each driver also decide "
            "the priority.")


ANSWERS = {"q1": _ave, "q2": _top_effect, "q3": _index, "q4": _r2_without, "q5": _zero_paths,
           "q6": model_answer_q6}

RUBRICS = {
    "q6": (
        "4 points. (1) Names one driver and justifies it with BOTH importance (its total effect on SAT, or the "
        "IPMA importance) and performance (its 0-100 score compared with the other drivers); the pick agrees "
        "with the student's own numbers (top-priority region: above-average importance, below-average "
        "performance, or the most important driver when that region is empty). (2) Uses the bootstrap interval "
        "of that total effect to say the effect is not sampling noise (or says it is uncertain if the interval "
        "is wide or contains 0). (3) Quotes at least two numbers correctly (total effect or importance, "
        "performance, interval ends). (4) States a limitation: a cross-sectional model shows associations "
        "under assumed paths, not causation; or cost/feasibility of improving the driver; or PLS attenuation. "
        "No credit for choosing the driver with the largest direct path alone, or the lowest performance alone."
    ),
}

_CONSTRUCTS = list(pls.BLOCKS)


def q1_ave(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _ave(survey), 0.0005, digits=3,
                        hint="a loading is the correlation of a question with its own construct's score; the AVE "
                             "of a construct is the mean of the squares of its questions' loadings (a one-question "
                             "block has AVE 1).")


def q2_top_total_effect(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q2")
    return check_choice("Q2", answer, _top_effect(survey), list(DRIVERS),
                        "count the indirect routes too, not only the direct arrows: a driver can act on loyalty "
                        "directly and through satisfaction and complaints (multiply the paths along each route "
                        "and add the routes).")


def q3_index_by_segment(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q3", answer, _index(survey), 0.05, digits=1,
                        hint="the index weights are the outer weights put back on the 1-10 scale (divided by each "
                             "question's standard deviation, divisor n) and rescaled to sum to 1; then 1 maps to 0 "
                             "and 10 to 100, and the mean is taken per segment.")


def q4_r2_without_path(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _r2_without(survey), 0.0005, digits=3,
                        hint="estimate the whole model again with only that one arrow removed (the outer weights "
                             "change too), and read the share of satisfaction's variance that its remaining "
                             "drivers explain.")


def q5_paths_with_zero(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q5")
    return check_set("Q5", answer, _zero_paths(survey), options=list(_fit(survey).paths.index),
                     hint=f"with the {N_BOOT} resamples and the seed the question gives, a path could be zero when "
                          "the lower end of its 95% interval is below 0 and the upper end above 0; name such paths "
                          "as 'FROM -> TO' (an empty list if there is none).")


def q6_priority(answer, survey: pd.DataFrame) -> Feedback:
    """The written answer to Q6: recorded for the instructor (status 'manual'), graded with RUBRICS['q6']."""
    return interpretation("Q6", answer, min_words=40)
