"""Checks for exercises/06_customer_value.ipynb.

``exercise_data(seed, n_customers, n_baskets, n_respondents)`` builds the
data the exercise uses (``tx``: transactions, for CLV, q1-q5; ``lines``:
basket lines, for market-basket analysis, q6-q7; ``value_survey``: the
perceived-value survey, q8); each ``qN_...(answer, ...)`` recomputes the
right answer from the same data (so every student's own dataset works) and
never reveals it. ``RUBRICS`` holds the grading guides of the written
questions (q5, q8).
"""

from __future__ import annotations

import pandas as pd

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab import validate as _v
from crmlab import value as val
from crmlab.checks import Feedback, _t, check_number, check_set, interpretation, number, set_lang, unanswered, wrong
from crmlab.value import basket as _b
from crmlab.value import perceived as _p

CALIBRATION_END = "2024-12-31"
HOLDOUT_END = "2025-12-31"
DISCOUNT = 0.12        # q1
SPEND_X, SPEND_M = 1, 100.0   # q3: one repeat purchase of 100 CNY
CLV_DISCOUNT, CLV_YEARS = 0.10, 3  # q4
LIFT_RULE = (("cereal",), ("milk",))  # q6: the rule whose lift the student computes
MIN_SUPPORT = 0.02  # q7: the support every itemset of the answer must reach


def exercise_data(seed: int = 3, n_customers: int = 2000, n_baskets: int = 5000,
                  n_respondents: int = 1200, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The exercise's tables drawn with ``seed``: the transactions of topic 3, basket lines, the value survey.
    The checks speak ``lang`` from then on."""
    seed = _v.require_int(seed, "seed", minimum=0)
    n_customers = _v.require_int(n_customers, "n_customers", minimum=50)
    n_baskets = _v.require_int(n_baskets, "n_baskets", minimum=100)
    n_respondents = _v.require_int(n_respondents, "n_respondents", minimum=40)
    set_lang(lang)
    return {"tx": datasets.generate("loyalty_transactions", seed=seed, n_customers=n_customers).frame,
            "lines": datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).frame,
            "value_survey": datasets.generate("perceived_value_survey", seed=seed,
                                              n_respondents=n_respondents).frame}


def _key(tx: pd.DataFrame) -> tuple:
    return (len(tx), float(tx["amount"].sum()), int(tx["customer_id"].sum()))


_CACHE: dict = {}


def _models(tx):
    """rfm_summary, BG/NBD and Gamma-Gamma fits of ``tx`` (cached per dataset: every question reuses them)."""
    key = _key(tx)
    if key not in _CACHE:
        s = loy.rfm_summary(tx, calibration_end=CALIBRATION_END, observation_end=HOLDOUT_END, amount="amount")
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (s, loy.fit_bgnbd(s), val.fit_gamma_gamma(s))
    return _CACHE[key]


def _retention(tx):
    year = tx["date"].dt.year
    a = set(tx.loc[year == 2023, "customer_id"])
    b = set(tx.loc[year == 2024, "customer_id"])
    return len(a & b) / len(a)


def _multiplier(tx, **_):
    return float(loy.margin_multiplier(_retention(tx), DISCOUNT))


def _p_alive(tx, **_):
    s, bg, _ = _models(tx)
    return float(bg.p_alive(s["frequency"], s["recency"], s["T"]).mean())


def _spend(tx, **_):
    _, _, gg = _models(tx)
    return float(gg.expected_spend(SPEND_X, SPEND_M))


def _base_value(tx, **_):
    s, bg, gg = _models(tx)
    cal = tx[tx["date"] <= CALIBRATION_END]
    rate = cal["margin"].sum() / cal["amount"].sum()
    return float(val.model_clv(bg, gg, s, margin=rate, discount=CLV_DISCOUNT, years=CLV_YEARS)["clv"].sum())


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


ANSWERS = {"q1": _multiplier, "q2": _p_alive, "q3": _spend, "q4": _base_value, "q6": _lift,
           "q7": _top_itemset, "q8": _value_reading}

RUBRICS = {
    "q5": ("Full marks (3 points) need all three: (1) the facts from the student's own numbers: customers with "
           "one repeat purchase have low model CLV because few purchases are forecast and their spend is shrunk "
           "toward the population mean, and P(alive) for them is moderate, not near zero (1 point); (2) the "
           "model's limits: CLV is a forecast under BG/NBD and Gamma-Gamma assumptions, the independence check "
           "(sign and interval of the frequency-spend correlation) says whether their spend is over- or "
           "understated, and a low CLV describes what happens WITHOUT retention spending, not the response to "
           "it (1 point); (3) a decision logic: spend where the increase in CLV caused by the action exceeds its "
           "cost (test it with a holdout or a controlled experiment), rather than cutting by the level of CLV "
           "(1 point). Deduct a point for treating the model CLV as a certainty or for any number that does not "
           "match the student's notebook."),
    "q8": (
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


def q1_multiplier(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q1", answer, _multiplier(tx), 0.001, _t("val_hint_q1"), digits=3)


def q2_mean_p_alive(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q2", answer, _p_alive(tx), 0.005, _t("val_hint_q2"), digits=3)


def q3_expected_spend(answer, tx: pd.DataFrame) -> Feedback:
    expected = _spend(tx)
    return check_number("Q3", answer, expected, 0.0, _t("val_hint_q3"), rel=0.01)


def q4_base_value(answer, tx: pd.DataFrame) -> Feedback:
    return check_number("Q4", answer, _base_value(tx), 0.0, _t("val_hint_q4"), rel=0.01)


def q5_interpretation(answer) -> Feedback:
    return interpretation("Q5", answer, min_words=40)


def q6_rule_lift(answer, lines: pd.DataFrame) -> Feedback:
    """Q6: the lift of cereal → milk, to 2 decimals (within 1%)."""
    expected = _lift(lines)
    fb = check_number("Q6", answer, expected, 0.005, _t("val_hint_q6"), rel=0.01, digits=2)
    if fb.status == "wrong" and not unanswered(answer):
        x, m = number(answer), _b.rule_metrics(lines, *LIFT_RULE)
        if x is not None and abs(x - m.confidence) <= 0.01:
            return wrong("Q6", _t("val_hint_q6_confidence"))
        if x is not None and abs(x - m.support) <= 0.005:
            return wrong("Q6", _t("val_hint_q6_support"))
    return fb


def q7_top_itemset(answer, lines: pd.DataFrame) -> Feedback:
    """Q7: the items of the itemset (2 or 3 items) with the highest lift among those in >= 2% of baskets."""
    expected = _top_itemset(lines)
    items = list(_b.basket_matrix(lines).columns)
    fb = check_set("Q7", answer, expected, _t("val_hint_q7"), options=items, prefix="item_")
    if fb.status == "wrong" and not unanswered(answer):
        rules = _b.association_rules(lines, min_support=0.002, max_len=3)
        loose = sorted(rules.iloc[0]["antecedent"].split(_b.SEP) + rules.iloc[0]["consequent"].split(_b.SEP))
        got = check_set("Q7", answer, loose, "", options=items, prefix="item_")
        if got.status == "right" and loose != expected:
            return wrong("Q7", _t("val_hint_q7_rare"))
    return fb


def q8_value_reading(answer, value_survey: pd.DataFrame | None = None) -> Feedback:
    """Q8 (written): read the value map and CPV for our firm and say what to do (graded with the rubric)."""
    return interpretation("Q8", answer, min_words=40)
