"""The fair-check rules every exercise uses (crmlab.checks): near misses, equivalent forms, wrong answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlab.checks import (Feedback, check_bool, check_choice, check_number, check_pair, check_series, check_set,
                           grade_number, interpretation, name_of)


def status(fb: Feedback) -> str:
    assert isinstance(fb, Feedback)
    return fb.status


# -- numbers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("x,expected,kw,verdict", [
    (6.63, 6.6297, dict(rel=0.01), "right"),
    (6.6, 6.6297, dict(rel=0.01), "right"),            # 01 Q5: the value in the plot title, 1% stated
    (6.0, 6.6297, dict(rel=0.01), "wrong"),            # 9.5% off: not a rounding slip
    (-26, -26.3, dict(tol=0.05, digits=0), "right"),   # 03 Q3: NPS as a whole number
    (-26.3, -26.3, dict(tol=0.05, digits=0), "right"),
    (-27, -26.3, dict(tol=0.05, digits=0), "wrong"),   # a wrong rounding of -26.3
    (3.8, 3.7862, dict(tol=0.005), "close"),           # 01 Q1: rounded to 1 dp
    (3.79, 3.7862, dict(tol=0.005), "right"),
    (4.2, 3.7862, dict(tol=0.005), "wrong"),
    (0.0, 0.37, dict(tol=0.005), "wrong"),             # rounding to 0 dp is not "close" when 100% off
    (-0.8, -0.758, dict(tol=0.005), "close"),          # 05 Q2: a correct 1-dp rounding 5.5% off
    (10925, 10759, dict(tol=1.0), "wrong"),
])
def test_grade_number(x, expected, kw, verdict):
    assert grade_number(x, expected, **kw) == verdict


def test_check_number_messages():
    assert status(check_number("Q", 3.8, 3.7862, 0.005, "method hint")) == "close"
    assert "rounding" in check_number("Q", 3.8, 3.7862, 0.005, "method hint").message
    assert "method hint" in check_number("Q", 5.0, 3.7862, 0.005, "method hint").message
    assert status(check_number("Q", ..., 3.7, 0.005, "h")) == "unanswered"
    assert status(check_number("Q", np.float32(3.7862), 3.7862, 0.005, "h")) == "right"
    assert status(check_number("Q", np.int64(-26), -26.3, 0.05, "h", digits=0)) == "right"
    assert status(check_number("Q", pd.Series([3.7862]), 3.7862, 0.005, "h")) == "right"
    assert status(check_number("Q", [3.7862], 3.7862, 0.005, "h")) == "right"
    assert status(check_number("Q", "3.79", 3.7862, 0.005, "h")) == "wrong"
    assert status(check_number("Q", True, 1.0, 0.005, "h")) == "wrong"


def test_a_percentage_for_a_share_gets_its_own_hint():
    fb = check_number("Q", 25.3, 0.253, 0.001, "method hint")
    assert status(fb) == "wrong" and "percentage" in fb.message and "method hint" not in fb.message
    fb = check_number("Q", 0.253, 25.3, 0.1, "method hint")
    assert "share" in fb.message


@given(st.floats(-1e6, 1e6, allow_nan=False), st.integers(0, 4))
def test_a_correct_rounding_to_the_asked_digits_is_right(e, digits):
    x = round(e, digits)
    assert grade_number(x, e, digits=digits) == "right"


@given(st.floats(-1e4, 1e4, allow_nan=False).filter(lambda v: abs(v) > 1), st.floats(0.2, 5))
def test_far_answers_are_wrong(e, k):
    assert grade_number(e * (1 + k), e, tol=0.01, rel=0.01) == "wrong"


# -- series -------------------------------------------------------------------------------------------

EXP = pd.Series({"quality": 3.7862, "price": 3.1234})


@pytest.mark.parametrize("answer,verdict", [
    (EXP, "right"),
    ({"quality": 3.79, "price": 3.12}, "right"),
    ({"quality": 3.8, "price": 3.1}, "close"),
    ({"质量": 3.7862, "价格": 3.1234}, "right"),           # Chinese labels
    ({"Quality": 3.7862, "PRICE": 3.1234}, "right"),
    ({"quality": 3.7862, "price": 4.0}, "wrong"),
    ({"quality": 3.7862}, "wrong"),
    ({"quality": 3.7862, "price": float("nan")}, "wrong"),
])
def test_check_series(answer, verdict):
    assert status(check_series("Q", answer, EXP, 0.005, "hint")) == verdict


# -- names --------------------------------------------------------------------------------------------

OPTIONS = ["quality", "function", "price", "service", "packaging", "taste"]


@pytest.mark.parametrize("answer,verdict", [
    ("quality", "right"), ("质量", "right"), (["quality"], "right"), ("Quality", "right"),
    (np.array(["quality"]), "right"), (pd.Series(["质量"]), "right"), (("quality",), "right"),
    ("price", "wrong"), (["quality", "price"], "wrong"), ("qualty", "wrong"), (3, "wrong"),
])
def test_check_choice(answer, verdict):
    assert status(check_choice("Q4", answer, "quality", OPTIONS, "hint")) == verdict


def test_check_choice_names_the_options_for_an_unknown_name():
    fb = check_choice("Q4", "qualty", "quality", OPTIONS, "hint")
    assert "not one of" in fb.message and "packaging" in fb.message


def test_check_set():
    assert status(check_set("Q6", ["price", "服务"], ["service", "price"], "hint", OPTIONS)) == "right"
    assert status(check_set("Q6", {"Price", "Service"}, ["service", "price"], "hint", OPTIONS)) == "right"
    assert status(check_set("Q6", ["price"], ["service", "price"], "hint", OPTIONS)) == "wrong"
    assert status(check_set("Q6", "price", ["price"], "hint")) == "right"
    assert status(check_set("Q6", ["pricey"], ["price"], "hint", OPTIONS)) == "wrong"


def test_name_of():
    assert name_of("配送", ["delivery", "defect"], "cp_") == "delivery"
    assert name_of("delivery", ["delivery", "defect"], "cp_") == "delivery"


# -- booleans, pairs, written answers ---------------------------------------------------------------------

@pytest.mark.parametrize("answer,verdict", [
    (True, "right"), (np.True_, "right"), (np.array([True]), "right"), (pd.Series([np.True_]), "right"),
    (False, "wrong"), (np.False_, "wrong"), ("True", "wrong"), (1, "wrong"),
])
def test_check_bool(answer, verdict):
    assert status(check_bool("Q4", answer, True, "hint")) == verdict


PAIR = {"simple": 3.5, "weighted": 3.4467}
HINTS = {"simple": "simple hint", "weighted": "weighted hint"}


@pytest.mark.parametrize("answer,verdict,says", [
    ((3.5, 3.4467), "right", "correct"),
    ({"weighted": 3.4467, "simple": 3.5}, "right", "correct"),
    ((3.5, 3.4), "close", "rounding"),
    ((3.4467, 3.5), "wrong", "swapped"),
    ((3.5, 4.0), "wrong", "weighted hint"),
    ((3.0, 3.4467), "wrong", "simple hint"),
    ((3.5,), "wrong", "pair"),
    ("3.5, 3.4", "wrong", "pair"),
    ({"simple": 3.5}, "wrong", "named"),
])
def test_check_pair(answer, verdict, says):
    fb = check_pair("Q2", answer, PAIR, 0.005, HINTS)
    assert status(fb) == verdict and says in fb.message


def test_interpretation():
    assert status(interpretation("Q7", ...)) == "unanswered"
    assert status(interpretation("Q7", "   ")) == "unanswered"
    assert status(interpretation("Q7", "too short")) == "wrong"
    assert status(interpretation("Q7", 42)) == "wrong"
    text = ("Quality drives overall satisfaction most in this survey, so the firm should fix the quality "
            "problems first and leave price alone until the next wave shows whether it moved.")
    assert status(interpretation("Q7", text)) == "manual"
    assert status(interpretation("Q7", "质量是整体满意度最主要的驱动因素，企业应当首先解决质量问题，价格可以暂时不动，等下一轮调查再看。")) == "manual"


def test_feedback_status_and_ok_agree():
    assert Feedback("Q", True, "x").status == "right"
    assert Feedback("Q", None, "x").status == "unanswered"
    assert repr(Feedback("Q", False, "x", "close")).startswith("🔶")
    with pytest.raises(ValueError):
        Feedback("Q", False, "x", "maybe")
