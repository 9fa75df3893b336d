"""Fair checks of the market-basket and perceived-value questions (crmlab.checks.value, exercise 06 q6-q7)."""

from __future__ import annotations

import numpy as np
import pytest

from crmlab.value import basket as vb
from crmlab.checks import value as check




@pytest.fixture(scope="module")
def data():
    return check.exercise_data(seed=6, n_customers=200)


def test_q6_lift_accepts_roundings_and_flags_near_misses(data):
    lift = check.ANSWERS["q6"](**data)
    lines = data["lines"]
    assert check.q6_rule_lift(lift, lines).status == "right"
    assert check.q6_rule_lift(round(lift, 2), lines).status == "right"
    assert check.q6_rule_lift(np.float64(lift * 1.008), lines).status == "right"  # within the stated 1%
    assert check.q6_rule_lift(round(lift, 1), lines).status in ("right", "close")
    assert check.q6_rule_lift(lift * 1.03, lines).status == "close"
    assert check.q6_rule_lift(..., lines).status == "unanswered"


def test_q6_rejects_confidence_and_support_with_their_own_hint(data):
    lines = data["lines"]
    r = vb.rule_metrics(lines, "cereal", "milk")
    fb = check.q6_rule_lift(round(r.confidence, 2), lines)
    assert fb.status == "wrong" and "confidence" in fb.message
    fb = check.q6_rule_lift(round(r.support, 3), lines)
    assert fb.status == "wrong" and "support" in fb.message
    fb = check.q6_rule_lift(1.0, lines)
    assert fb.status == "wrong" and f"{r.lift:.2f}" not in fb.message  # the hint never gives the answer
    assert check.q6_rule_lift("1.7", lines).status == "wrong"


def test_q7_accepts_equivalent_forms(data):
    items = check.ANSWERS["q7"](**data)
    lines = data["lines"]
    assert check.q7_top_itemset(items, lines).status == "right"
    assert check.q7_top_itemset(tuple(reversed(items)), lines).status == "right"
    assert check.q7_top_itemset(np.array([s.upper() for s in items]), lines).status == "right"
    labelled = [s.replace("_", " ").capitalize() for s in items]
    assert check.q7_top_itemset(labelled, lines).status == "right"


def test_q7_rejects_the_rare_itemset_with_a_support_hint(data):
    lines = data["lines"]
    expected = check.ANSWERS["q7"](**data)
    rare = ["parmesan", "pasta", "tomato_sauce"]
    assert sorted(expected) != rare  # the planted triple is rarer than 2% at this seed
    fb = check.q7_top_itemset(rare, lines)
    assert fb.status == "wrong" and "2%" in fb.message
    assert check.q7_top_itemset(expected[:1], lines).status == "wrong"
    assert check.q7_top_itemset(["bread", "caviar"], lines).status == "wrong"


def test_q8_is_a_written_answer_with_a_rubric(data):
    assert "q8" in check.RUBRICS and len(check.RUBRICS["q8"].split()) > 60
    reading = check.ANSWERS["q8"](**data)
    assert reading["us"]["position"] in ("better_value", "fair_value", "worse_value")
    assert check.q8_value_reading("We are cheap.").status == "wrong"
    long = ("Our relative quality is 1.12 and our relative price 0.95, so we sit below the fair-value line "
            "with a gap of 0.17: better value than the rivals. The premium rival has the highest CPV because "
            "its time and effort costs are low, but its price is far above what its quality justifies. "
            "We should not cut prices; we can make our value visible and lower time costs.")
    assert check.q8_value_reading(long).status == "manual"
    assert check.q8_value_reading(...).status == "unanswered"


def test_answers_follow_the_seed():
    a = check.ANSWERS["q6"](**check.exercise_data(seed=1, n_customers=200))
    b = check.ANSWERS["q6"](**check.exercise_data(seed=2, n_customers=200))
    assert a != b
