"""Checks for exercises/04_burnett_matrix.ipynb.

``exercise_data(seed, n_accounts, n_experts)`` builds the data the exercise
uses; each ``qN_...(answer, ...)`` recomputes the right answer from the same
data (so every student may have their own seed) and never reveals it. The
tolerances are stated in the questions; a rounding slip is "close"
(:func:`crmlab.checks.grade_number`); names may be keys, English or Chinese
labels. The hints are label keys (``bm_hint_*``): the checks speak the
language ``exercise_data(..., lang=...)`` set. ``RUBRICS`` holds the grading
guide of the written question.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import burnett as bm
from crmlab import datasets
from crmlab.checks import (Feedback, _t, check_choice, check_number, interpretation, name_of, not_answered, right,
                           set_lang, unanswered, wrong)

NEW_VOLUME_WEIGHT = 0.20
BUDGET = 1000.0  # the relationship budget of Q6 (10k CNY)

RUBRICS = {
    "q7": (
        "Full marks (3): (1) quotes the numbers of the student's own plan: at least one cell whose share of the "
        "budget differs clearly from its share of sales, with both shares; (2) explains that the difference is the "
        "point of the Burnett matrix, not an error: the budget follows the strategy (attractiveness = future "
        "potential, relationship = how firmly we hold the account), so develop cells get more than their sales and "
        "exit / minimal-maintenance cells less, while a plan that followed sales would only reward the past; "
        "(3) says what to check before moving money: that the accounts near a cut point or sensitive to a weight "
        "(Q5: how many changed cell when one weight moved) may sit in the wrong cell, that the effort points are "
        "the planner's judgement, and that the experts disagree on some accounts (a discussion round). "
        "2 marks: two of the three. 1 mark: numbers quoted without an argument, or an argument without numbers. "
        "0: restates the table or says the plan is wrong because it does not follow sales."
    ),
}


def exercise_data(seed: int = 4, n_accounts: int = 150, n_experts: int = 4, lang: str = "en") -> dict:
    """The accounts, the expert scores (drawn with ``seed``) and the account to score by hand.
    The checks speak ``lang`` ("en" or "zh") from then on."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n_accounts = _v.require_int(n_accounts, 'n_accounts', minimum=1)
    n_experts = _v.require_int(n_experts, 'n_experts', minimum=1)
    set_lang(lang)
    kw = dict(seed=seed, n_accounts=n_accounts, n_experts=n_experts)
    accounts = datasets.generate("burnett_accounts", **kw).frame
    expert_scores = datasets.generate("burnett_expert_scores", **kw).frame
    return {"accounts": accounts, "expert_scores": expert_scores,
            "account": str(accounts["account_id"].iloc[seed % len(accounts)])}


def _attractiveness(expert_scores, account, **_):
    return float(bm.attractiveness_index(bm.aggregate_experts(expert_scores))[account])


def _relationship(accounts, account, **_):
    return float(bm.relationship_index(accounts)[account])


def _matrix(accounts, expert_scores, **_):
    return bm.portfolio(accounts, expert_scores)


def _cells(accounts, expert_scores, **_):
    return _matrix(accounts, expert_scores)["cell"]


def _top_cell(m: pd.DataFrame) -> str:
    return str(m.groupby("cell")["revenue"].sum().sort_index().idxmax())


def _top_strategy(accounts, expert_scores, **_):
    m = _matrix(accounts, expert_scores)
    return str(m.loc[m["cell"] == _top_cell(m), "strategy"].iloc[0])


def _volume_weights():
    w0 = bm.default_attractiveness_weights()
    w = w0 * (1 - NEW_VOLUME_WEIGHT) / (1 - w0["volume"])
    w["volume"] = NEW_VOLUME_WEIGHT
    return w


def _changed(accounts, expert_scores, **_):
    base = _matrix(accounts, expert_scores)
    moved = bm.portfolio(accounts, expert_scores, attractiveness_weights=_volume_weights())
    return bm.cells_changed(base, moved)


def _budget(accounts, expert_scores, **_):
    m = _matrix(accounts, expert_scores)
    plan = bm.budget_by_cell(m, BUDGET).set_index("cell")
    return float(plan.loc[_top_cell(m), "budget"])


ANSWERS = {"q1": _attractiveness, "q2": _relationship, "q3": _cells, "q4": _top_strategy, "q5": _changed,
           "q6": _budget}


def q1_attractiveness_by_hand(answer, expert_scores: pd.DataFrame, account: str) -> Feedback:
    """Right within 0.0005 (3 decimals, as the question asks)."""
    return check_number("Q1", answer, _attractiveness(expert_scores, account), 0.0005,
                        _t("bm_hint_q1"),
                        digits=3)


def q2_relationship_by_hand(answer, accounts: pd.DataFrame, account: str) -> Feedback:
    """Right within 0.0005 (3 decimals)."""
    return check_number("Q2", answer, _relationship(accounts, account), 0.0005,
                        _t("bm_hint_q2"),
                        digits=3)


def _cell_key(value) -> str | None:
    """'high/good', 'High / Good' or '高 / 良好' -> 'high/good' (None if it is not a cell)."""
    a, sep, r = str(value).partition("/")
    if not sep:
        return None
    ka = name_of(a, bm.ATTRACTIVENESS_LEVELS, "bm_")
    kr = name_of(r, bm.RELATIONSHIP_LEVELS, "bm_")
    return f"{ka}/{kr}" if ka and kr else None


def q3_cells(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    """Every account in its cell (exact); cells as keys or as English or Chinese labels."""
    if unanswered(answer):
        return not_answered("Q3")
    expected = _cells(accounts, expert_scores)
    try:
        got = pd.Series(answer)
    except (TypeError, ValueError):
        return wrong("Q3", _t("bm_hint_q3_type"))
    if set(map(str, got.index)) != set(map(str, expected.index)):
        return wrong("Q3", _t("bm_hint_q3_index"))
    got.index = got.index.map(str)
    keys = got.map(_cell_key)
    if keys.isna().any():
        bad = got[keys.isna()].head(3).tolist()
        return wrong("Q3", _t("bm_hint_q3_format", bad=bad))
    bad = int((keys.reindex(expected.index.map(str)).to_numpy() != expected.to_numpy()).sum())
    if bad == 0:
        return right("Q3")
    return wrong("Q3", _t("bm_hint_q3_cells", bad=bad))


def q4_strategy_of_top_cell(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    """One strategy name: key, English or Chinese label, any case."""
    fb = check_choice("Q4", answer, _top_strategy(accounts, expert_scores), bm.STRATEGIES,
                      _t("bm_hint_q4"), prefix="bm_")
    if fb.status == "right":
        return right("Q4", _t("bm_note_q4"))
    return fb


def q5_volume_weight_change(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    """A count: exact."""
    return check_number("Q5", answer, _changed(accounts, expert_scores), 0.0,
                        _t("bm_hint_q5", w=NEW_VOLUME_WEIGHT), type_hint=_t("bm_type_q5"))


def q6_budget_of_top_cell(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    """Right within 0.5% (or to 1 decimal)."""
    return check_number("Q6", answer, _budget(accounts, expert_scores), 0.0,
                        _t("bm_hint_q6"), rel=0.005, digits=1)


def q7_budget_vs_sales(answer) -> Feedback:
    """A written answer, graded by the instructor with ``RUBRICS["q7"]``."""
    return interpretation("Q7", answer, min_words=40)
