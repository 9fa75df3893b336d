"""Checks for exercises/07_satisfaction_index_pls.ipynb.

``exercise_data(seed, n)`` builds the survey the exercise uses; each
``qN_...(answer, survey)`` refits the model on the same data and recomputes
the right answer.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import pls
from crmlab.checks import Feedback, check_number, check_series, check_set, not_answered, unanswered

N_BOOT, BOOT_SEED = 200, 0  # the bootstrap the exercise asks for (Q5)


def exercise_data(seed: int = 42, n: int = 1000) -> dict[str, pd.DataFrame]:
    """The exercise's table: an ECSI survey drawn with ``seed``."""
    return {"survey": datasets.generate("ecsi_survey", seed=seed, n=n).frame}


def _fit(survey: pd.DataFrame, n_boot: int = 0):
    return pls.pls_path_model(survey, n_boot=n_boot, seed=BOOT_SEED)


def _ave(survey, **_):
    return _fit(survey).ave


def _top_effect(survey, **_):
    eff = _fit(survey).effects
    on_loy = eff[eff["to"] == "LOY"].set_index("from")["total"]
    return str(on_loy.idxmax())


def _index(survey, **_):
    return pls.satisfaction_index(survey, _fit(survey), "SAT", by="segment")["index"]


def _r2_without(survey, **_):
    paths = [p for p in pls.PATHS if p != ("IMAG", "SAT")]
    return float(pls.pls_path_model(survey, paths=paths).r2["SAT"])


def _zero_paths(survey, **_):
    b = _fit(survey, N_BOOT).bootstrap["paths"]
    return sorted(b.index[(b["ci_low"] < 0) & (b["ci_high"] > 0)])


ANSWERS = {"q1": _ave, "q2": _top_effect, "q3": _index, "q4": _r2_without, "q5": _zero_paths}


def q1_ave(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q1", answer, _ave(survey), 0.005,
                        "fit pls.pls_path_model(survey); a block's AVE is the mean of its squared loadings "
                        "(loading = correlation of a question with its construct's score). Index by construct.")


def q2_top_total_effect(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q2")
    return check_set("Q2", [answer], [_top_effect(survey)],
                     "use the total effects (fit.effects, column 'total') of every construct on LOY, not only "
                     "the direct paths: image also acts through satisfaction.")


def q3_index_by_segment(answer, survey: pd.DataFrame) -> Feedback:
    return check_series("Q3", answer, _index(survey), 0.05,
                        "divide each SAT question's outer weight by its standard deviation, rescale the four to "
                        "sum to 1, weight the answers, map 1-10 to 0-100 and average per segment.")


def q4_r2_without_path(answer, survey: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _r2_without(survey), 0.002,
                        "refit with paths = [p for p in pls.PATHS if p != ('IMAG', 'SAT')] and read r2['SAT'] "
                        "of the new fit.")


def q5_paths_with_zero(answer, survey: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q5")
    if isinstance(answer, str):
        answer = [answer]
    return check_set("Q5", answer, _zero_paths(survey),
                     f"fit with n_boot={N_BOOT}, seed={BOOT_SEED}; in fit.bootstrap['paths'] keep the rows "
                     "with ci_low < 0 < ci_high; give their names such as 'EXPE -> SAT' (an empty list "
                     "if there is none).")
