"""Exercise 03's checks judge fairly: near misses are "close", equivalent forms right, wrong answers wrong."""

import re

import numpy as np
import pytest

from crmlab.checks import loyalty as check

DATA = check.exercise_data(seed=4, n_customers=600)
TX, SURVEY = DATA["tx"], DATA["survey"]


def test_q3_accepts_the_integer_nps_and_numpy_scalars():
    nps = check.ANSWERS["q3"](**DATA)
    assert check.q3_nps(round(nps), SURVEY).status == "right"
    assert check.q3_nps(np.float64(round(nps, 1)), SURVEY).status == "right"
    assert check.q3_nps(int(round(nps)) + 3, SURVEY).ok is False
    assert check.q3_nps(nps + 30, SURVEY).status == "wrong"


@pytest.mark.parametrize("q, fn, args", [("q1", check.q1_repeat_rate, (TX,)),
                                         ("q2", check.q2_top_decile_profit, (TX,)),
                                         ("q5", check.q5_top_box_loyal, (TX, SURVEY))])
def test_shares_rounded_to_two_decimals_are_close_and_percentages_get_their_own_hint(q, fn, args):
    right = check.ANSWERS[q](**DATA)
    assert fn(round(right, 3), *args).status == "right"
    two = round(right, 2)
    if abs(two - right) > 0.0015:  # a rounding to fewer decimals than asked: close, not wrong
        assert fn(two, *args).status == "close"
    fb = fn(right * 100, *args)
    assert fb.ok is False and "percent" in repr(fb).lower()
    assert fn(right + 0.2, *args).status == "wrong"


def test_q4_churn_gap_right_close_and_eligibility_slip():
    gap = check.ANSWERS["q4"](**DATA)
    assert check.q4_churn_gap(round(gap, 1), TX).status == "right"
    assert check.q4_churn_gap(gap + 0.1, TX).status == "close"  # within 3x the stated tolerance
    slip = check._churn_gap_everyone(TX)
    if abs(slip - gap) > 0.2:
        fb = check.q4_churn_gap(slip, TX)
        assert fb.status == "close" and "180 days" in repr(fb)
    assert check.q4_churn_gap(-gap - 5, TX).status == "wrong"


def test_q5_top_two_boxes_gets_a_specific_hint():
    wrong_base = check._top_two_loyal(TX, SURVEY)
    if abs(wrong_base - check.ANSWERS["q5"](**DATA)) > 0.01:
        fb = check.q5_top_box_loyal(wrong_base, TX, SURVEY)
        assert fb.ok is False and "5 only" in repr(fb)


def test_hints_point_to_the_idea_not_the_code():
    for q, fn, args in [("q1", check.q1_repeat_rate, (TX,)), ("q2", check.q2_top_decile_profit, (TX,)),
                        ("q3", check.q3_nps, (SURVEY,)), ("q4", check.q4_churn_gap, (TX,)),
                        ("q5", check.q5_top_box_loyal, (TX, SURVEY))]:
        right = check.ANSWERS[q](**DATA)
        text = repr(fn(right * 3 + 7, *args))
        assert not re.search(r"\b[a-z_]+\.[a-z_]+\(|\b[a-z_]+\(", text), q  # no call like loy.nps(
        assert f"{right:.3f}" not in text, q


def test_q6_is_recorded_for_the_rubric():
    assert "q6" in check.RUBRICS and len(check.RUBRICS["q6"].split()) > 60
    assert "q6" not in check.ANSWERS
    assert check.q6_interpretation("too short").ok is False
    long = " ".join(["online churn is higher but the interval of the difference"] * 6)
    assert check.q6_interpretation(long).status == "manual"
    assert check.q6_interpretation(...).ok is None
