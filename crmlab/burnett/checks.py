"""Checks for exercises/04_burnett_matrix.ipynb.

``exercise_data(seed, n_accounts, n_experts)`` builds the data the exercise
uses; each ``qN_...(answer, ...)`` recomputes the right answer from the same
data (so every student may have their own seed) and never reveals it.
"""

from __future__ import annotations

import pandas as pd

from crmlab import validate as _v

from crmlab import burnett as bm
from crmlab import datasets
from crmlab.checks import Feedback, check_number, not_answered, right, unanswered, wrong

NEW_VOLUME_WEIGHT = 0.20


def exercise_data(seed: int = 4, n_accounts: int = 150, n_experts: int = 4) -> dict:
    """The accounts, the expert scores (drawn with ``seed``) and the account to score by hand."""
    seed = _v.require_int(seed, 'seed', minimum=0)
    n_accounts = _v.require_int(n_accounts, 'n_accounts', minimum=1)
    n_experts = _v.require_int(n_experts, 'n_experts', minimum=1)
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


def _top_strategy(accounts, expert_scores, **_):
    m = _matrix(accounts, expert_scores)
    cell = m.groupby("cell")["revenue"].sum().idxmax()
    return str(m.loc[m["cell"] == cell, "strategy"].iloc[0])


def _volume_weights():
    w0 = bm.default_attractiveness_weights()
    w = w0 * (1 - NEW_VOLUME_WEIGHT) / (1 - w0["volume"])
    w["volume"] = NEW_VOLUME_WEIGHT
    return w


def _changed(accounts, expert_scores, **_):
    base = _matrix(accounts, expert_scores)
    moved = bm.portfolio(accounts, expert_scores, attractiveness_weights=_volume_weights())
    return bm.cells_changed(base, moved)


ANSWERS = {"q1": _attractiveness, "q2": _relationship, "q3": _cells, "q4": _top_strategy, "q5": _changed}


def q1_attractiveness_by_hand(answer, expert_scores: pd.DataFrame, account: str) -> Feedback:
    return check_number("Q1", answer, _attractiveness(expert_scores, account), 0.005,
                        "average each indicator over the experts who scored it (skip the missing scores), "
                        "multiply by the indicator's default weight and add the 19 weighted values.")


def q2_relationship_by_hand(answer, accounts: pd.DataFrame, account: str) -> Feedback:
    return check_number("Q2", answer, _relationship(accounts, account), 0.005,
                        "score each of the seven indicators 1-5 with the bands of bm.relationship_catalogue() "
                        "(a value on a band edge goes up; contact is the mean of its two band scores), "
                        "then weight them with bm.default_relationship_weights().")


def q3_cells(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q3")
    expected = _cells(accounts, expert_scores)
    try:
        got = pd.Series(answer).astype(str).str.strip().str.lower()
    except (TypeError, ValueError):
        return wrong("Q3", "the answer should be a Series of cells such as 'high/good', indexed by account_id.")
    if set(map(str, got.index)) != set(map(str, expected.index)):
        return wrong("Q3", "index the Series by account_id, one entry per account.")
    got.index = got.index.map(str)
    bad = int((got.reindex(expected.index.map(str)).to_numpy() != expected.to_numpy()).sum())
    if bad == 0:
        return right("Q3")
    return wrong("Q3", f"{bad} account(s) are in another cell. Cut both indices at 2.5 and 3.5 (a value equal to a "
                 "cut goes to the upper level) and write '<attractiveness level>/<relationship level>'.")


def q4_strategy_of_top_cell(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    if unanswered(answer):
        return not_answered("Q4")
    key = _top_strategy(accounts, expert_scores)
    accepted = {key, bm.label(key, "en").lower(), bm.label(key, "zh")}
    if str(answer).strip().lower() in accepted or str(answer).strip() in accepted:
        return right("Q4", "Is that where you would put most of the key-account effort?")
    return wrong("Q4", "sum the revenue per cell, take the cell with the most, and read its strategy from the "
                 "default grid (bm.strategy_grid()).")


def q5_volume_weight_change(answer, accounts: pd.DataFrame, expert_scores: pd.DataFrame) -> Feedback:
    return check_number("Q5", answer, _changed(accounts, expert_scores), 0.0,
                        f"set the volume weight to {NEW_VOLUME_WEIGHT:.2f}, multiply the other 18 weights by "
                        "(1 - new volume weight) / (1 - old volume weight) so they still sum to 1, recompute the "
                        "attractiveness index and count the accounts whose cell differs.",
                        type_hint="a whole number")
