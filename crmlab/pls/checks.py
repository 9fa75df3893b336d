"""Checks for exercises/07_satisfaction_index_pls.ipynb.

``exercise_data(seed, n, lang)`` builds the survey the exercise uses (and makes the checks speak ``lang``); each
``qN_...(answer, survey)`` refits the model on the same data and recomputes
the right answer. Tolerances are the ones the questions state; a rounding
slip is a near miss ("close"), and names may be keys (``QUAL``), English or
Chinese labels. Hints point to the idea, never to the code; they and the model
answer of Q6 are label keys (``crmlab/pls/labels.py``), so they speak the
exercise's language. Q6 is a written interpretation graded by the instructor
with ``RUBRICS["q6"]``.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import pls
from crmlab import validate as _v
from crmlab.checks import (Feedback, _t, check_choice, check_number, check_series, check_set, interpretation,
                           lang, not_answered, set_lang, unanswered)
from crmlab.labels import label, sentences

N_BOOT, BOOT_SEED = 200, 0  # the bootstrap the exercise asks for (Q5, Q6)


def exercise_data(seed: int = 42, n: int = 1000, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's table: an ECSI survey drawn with ``seed``. The checks speak ``lang`` from then on."""
    seed = _v.require_int(seed, "seed", minimum=0)
    n = _v.require_int(n, "n", minimum=1)
    set_lang(lang)
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
    sure = ci["ci_low"] > 0 or ci["ci_high"] < 0
    numbers = dict(effect=row["total_effect"], low=ci["ci_low"], high=ci["ci_high"], importance=row["importance"],
                   performance=row["performance"], mean=perf_cut)
    return sentences([
        _t("pls_ex_q6_pick_priority" if len(priority) else "pls_ex_q6_pick_important",
           name=label(pick, lang()), code=pick),
        _t("pls_ex_q6_effect_sure" if sure else "pls_ex_q6_effect_unsure", **numbers),
        _t("pls_ex_q6_limitation"),
    ], lang())


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
    return check_series("Q1", answer, _ave(survey), 0.0005, digits=3, hint=_t("pls_hint_q1"))


def q2_top_total_effect(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q2")
    return check_choice("Q2", answer, _top_effect(survey), list(DRIVERS), _t("pls_hint_q2"))


def q3_index_by_segment(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q3", answer, _index(survey), 0.05, digits=1, hint=_t("pls_hint_q3"))


def q4_r2_without_path(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _r2_without(survey), 0.0005, digits=3, hint=_t("pls_hint_q4"))


def q5_paths_with_zero(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q5")
    return check_set("Q5", answer, _zero_paths(survey), options=list(_fit(survey).paths.index),
                     hint=_t("pls_hint_q5", n_boot=N_BOOT))


def q6_priority(answer, survey: pd.DataFrame) -> Feedback:
    """The written answer to Q6: recorded for the instructor (status 'manual'), graded with RUBRICS['q6']."""
    return interpretation("Q6", answer, min_words=40)
