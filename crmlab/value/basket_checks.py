"""Checks for the market-basket and perceived-value questions of exercises/06 (to be folded into checks.py).

``basket_exercise_data(seed, n_baskets, n_respondents)`` builds the tables
the questions use (``lines``, ``value_survey``); each ``qN_...(answer,
...)`` recomputes the right answer from the same data, so every student
seed works. ``BASKET_ANSWERS`` and ``BASKET_RUBRICS`` follow the
``ANSWERS``/``RUBRICS`` form of the other topics.
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import validate as _v
from crmlab.checks import Feedback, check_number, check_set, interpretation, number, unanswered, wrong
from crmlab.value import basket as _b
from crmlab.value import basket_data as _data  # noqa: F401  (registers the two datasets)
from crmlab.value import perceived as _p

LIFT_RULE = (("cereal",), ("milk",))  # q7: the rule whose lift the student computes
MIN_SUPPORT = 0.02  # q8: the support every itemset of the answer must reach


def basket_exercise_data(seed: int = 6, n_baskets: int = 5000, n_respondents: int = 1200) -> dict[str, pd.DataFrame]:
    """The questions' tables: basket lines and the perceived-value survey drawn with ``seed``."""
    seed = _v.require_int(seed, "seed", minimum=0)
    return {"lines": datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).frame,
            "value_survey": datasets.generate("perceived_value_survey", seed=seed,
                                              n_respondents=n_respondents).frame}


def _lift(lines, **_):
    return _b.rule_metrics(lines, *LIFT_RULE).lift


def _top_itemset(lines, **_):
    """The itemset of two or more items with the highest lift among those with support >= MIN_SUPPORT."""
    rules = _b.association_rules(lines, min_support=MIN_SUPPORT, max_len=3)
    best = rules.iloc[0]
    return sorted(best["antecedent"].split(_b.SEP) + best["consequent"].split(_b.SEP))


def _value_reading(value_survey, **_):
    """The numbers a written answer should quote: our firm's value-map row and CPV, and the best CPV."""
    vmap = _p.value_map(value_survey)
    cpv = _p.cpv_by_group(value_survey)
    return {"us": vmap.loc["us", ["relative_quality", "relative_price", "value_gap", "position"]].to_dict(),
            "cpv_us": float(cpv.loc["us", "cpv"]), "best_cpv": str(cpv["cpv"].idxmax())}


BASKET_ANSWERS = {"q7": _lift, "q8": _top_itemset, "q9": _value_reading}

BASKET_RUBRICS = {
    "q9": (
        "Full marks (4): (1) reads the value map: our relative quality and relative price with their numbers, "
        "and on which side of the fair-value line we are (the value gap); (2) reads CPV: benefits minus costs "
        "per firm, and notes that the firm with the highest CPV need not be the one with the best value-map "
        "position, because CPV counts time and effort costs and is absolute, while the map compares quality "
        "with price relative to the rivals; (3) a decision that follows from both, e.g. not cutting the price "
        "when we already sit below the line (better value), but raising it or making the value visible, or "
        "cutting time/effort costs; (4) one limitation: the slope of the fair-value line is an assumption "
        "(slope 1), the survey measures perceptions of our own customers only for us, and the differences "
        "between firms need their interval of the difference. One mark per point; no marks for restating "
        "numbers without saying what they mean."
    ),
}


def q7_rule_lift(answer, lines: pd.DataFrame) -> Feedback:
    """Q7: the lift of cereal → milk, to 2 decimals (within 1%)."""
    expected = _lift(lines)
    fb = check_number("Q7", answer, expected, 0.005, "lift compares how often the consequent is bought after the "
                      "antecedent with how often it is bought in any basket; 1 means no association.",
                      rel=0.01, digits=2)
    if fb.status == "wrong" and not unanswered(answer):
        x, m = number(answer), _b.rule_metrics(lines, *LIFT_RULE)
        if x is not None and abs(x - m.confidence) <= 0.01:
            return wrong("Q7", "that is the confidence, P(milk | cereal). Lift also asks how common milk is in "
                               "baskets in general.")
        if x is not None and abs(x - m.support) <= 0.005:
            return wrong("Q7", "that is the support of the rule (how often both are bought). Lift compares the "
                               "observed share with what independence would give.")
    return fb


def q8_top_itemset(answer, lines: pd.DataFrame) -> Feedback:
    """Q8: the items of the itemset (2 or 3 items) with the highest lift among those in >= 2% of baskets."""
    expected = _top_itemset(lines)
    items = list(_b.basket_matrix(lines).columns)
    fb = check_set("Q8", answer, expected, "look only at itemsets that reach the minimum support; among them, "
                   "which items are bought together far more often than their separate shares predict?",
                   options=items, prefix="item_")
    if fb.status == "wrong" and not unanswered(answer):
        rules = _b.association_rules(lines, min_support=0.002, max_len=3)
        loose = sorted(rules.iloc[0]["antecedent"].split(_b.SEP) + rules.iloc[0]["consequent"].split(_b.SEP))
        got = check_set("Q8", answer, loose, "", options=items, prefix="item_")
        if got.status == "right" and loose != expected:
            return wrong("Q8", "that itemset has the highest lift, but it is in fewer than 2% of the baskets: "
                               "rare itemsets get large lifts by chance. Apply the minimum support first.")
    return fb


def q9_value_reading(answer, value_survey: pd.DataFrame | None = None) -> Feedback:
    """Q9 (written): read the value map and CPV for our firm and say what to do (graded with the rubric)."""
    return interpretation("Q9", answer, min_words=40)
