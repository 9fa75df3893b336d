"""Exercise 06 checks: right answers pass, near misses are 'close', wrong answers get a hint, never the answer."""

from __future__ import annotations

import numpy as np
import pytest

from crmlab.checks import value as check


@pytest.fixture(scope="module")
def data():
    return check.exercise_data(seed=5, n_customers=800)


def test_right_answers_pass_and_numpy_scalars_count(data):
    tx = data["tx"]
    for q, fn in [("q1", check.q1_multiplier), ("q2", check.q2_mean_p_alive), ("q3", check.q3_expected_spend),
                  ("q4", check.q4_base_value)]:
        right = check.ANSWERS[q](**data)
        assert fn(right, tx).status == "right", q
        assert fn(np.float64(right), tx).status == "right", q
        assert fn(..., tx).status == "unanswered", q


def test_near_misses_are_close_not_wrong(data):
    tx = data["tx"]
    m = check.ANSWERS["q1"](**data)
    assert check.q1_multiplier(round(m, 3), tx).status == "right"
    assert check.q1_multiplier(round(m, 2), tx).status in ("close", "right")
    if abs(round(m, 2) - m) > 0.001:
        assert "rounding" in check.q1_multiplier(round(m, 2), tx).message
    s = check.ANSWERS["q3"](**data)
    assert check.q3_expected_spend(s * 1.009, tx).status == "right"       # within the stated 1%
    assert check.q3_expected_spend(s * 1.015, tx).status == "close"
    v = check.ANSWERS["q4"](**data)
    assert check.q4_base_value(round(v), tx).status == "right"          # whole CNY is fine


def test_share_given_as_percentage_gets_its_own_hint(data):
    p = check.ANSWERS["q2"](**data)
    fb = check.q2_mean_p_alive(p * 100, data["tx"])
    assert fb.status == "wrong" and "percentage" in fb.message


def test_wrong_answers_get_a_hint_that_does_not_reveal_the_answer(data):
    tx = data["tx"]
    for q, fn in [("q1", check.q1_multiplier), ("q2", check.q2_mean_p_alive), ("q3", check.q3_expected_spend),
                  ("q4", check.q4_base_value)]:
        right = check.ANSWERS[q](**data)
        fb = fn(right * 1.3 + 0.1, tx)
        assert fb.status == "wrong" and "Hint" in repr(fb), q
        for digits in (0, 1, 2, 3):
            assert f"{right:.{digits}f}" not in fb.message or digits == 0 and abs(right) < 10, q
        assert "val." not in fb.message and "loy." not in fb.message and "(" not in fb.message.split("Hint:")[0], q
    assert check.q1_multiplier("1.2", tx).status == "wrong"


def test_checks_recompute_from_the_students_data(data):
    other = check.exercise_data(seed=6, n_customers=800)
    a = check.ANSWERS["q3"](**data)
    assert check.q3_expected_spend(a, data["tx"]).status == "right"
    assert check.q3_expected_spend(a, other["tx"]).status != "right" or \
        abs(check.ANSWERS["q3"](**other) / a - 1) < 0.01


def test_interpretation_is_recorded_for_the_rubric():
    assert set(check.RUBRICS) == {"q5", "q8"}
    assert set(check.ANSWERS) == {"q1", "q2", "q3", "q4", "q6", "q7", "q8"}  # q5: no number to key; q8: the numbers the written answer quotes
    assert check.q5_interpretation("too short").status == "wrong"
    long = " ".join(["the low model value of one-time buyers is a forecast without action"] * 5)
    assert check.q5_interpretation(long).status == "manual"
    assert check.q5_interpretation(...).status == "unanswered"
