"""Exercise 05's checks follow the fair-check rules: stated decimals, rounding slips "close",
Chinese or English names, numpy forms, swapped or wrong answers rejected, a written Q7."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlab.checks import servqual as check
from crmlab.labels import t


@pytest.fixture(scope="module")
def data():
    return check.exercise_data(seed=3, n=600, n_managers=5)


def test_numbers_rounded_as_asked_are_right_and_coarser_rounding_is_close(data):
    s = data["survey"]
    for q, fn in (("q2", check.q2_weighted_servqual), ("q3", check.q3_alpha_responsiveness)):
        x = check.ANSWERS[q](**data)
        assert fn(round(x, 2), s).status == "right"
        assert fn(np.float64(round(x, 3)), s).status == "right"
        if abs(round(x, 1) - x) <= 0.05 * abs(x):  # the kit's rule: a rounding slip within 5% is "close"
            assert fn(round(x, 1), s).status in ("close", "right")
        assert fn(x + 0.3, s).status == "wrong"
    q4 = check.ANSWERS["q4"](**data)
    assert check.q4_gap1_responsiveness(round(q4, 2), s, data["management"]).status == "right"
    assert check.q4_gap1_responsiveness(-q4, s, data["management"]).status == "wrong"  # sign flipped


def test_a_one_decimal_answer_gets_the_rounding_message(data):
    s = data["survey"]
    x = check.ANSWERS["q2"](**data)
    one = round(x, 2) + 0.008  # just outside the tolerance, inside three times it
    if True:
        fb = check.q2_weighted_servqual(one, s)
        assert fb.status == "close" and "rounding" in fb.message
    assert check.q3_alpha_responsiveness(round(check.ANSWERS["q3"](**data), 1), s).status == "close"


def test_q1_series_accepts_rounding_and_chinese_labels(data):
    s = data["survey"]
    exp = check.ANSWERS["q1"](**data)
    assert check.q1_dimension_gaps(exp.round(2), s).status == "right"
    zh = exp.rename(lambda d: t(f"sq_{d}", "zh"))
    assert check.q1_dimension_gaps(zh, s).status == "right"
    assert check.q1_dimension_gaps(exp.to_dict(), s).status == "right"
    assert check.q1_dimension_gaps(exp + 0.2, s).status == "wrong"


def test_q5_names_in_any_accepted_form(data):
    s = data["survey"]
    exp = check.ANSWERS["q5"](**data)
    assert exp  # the programme worked on at least one dimension in this sample
    assert check.q5_improved_dimensions([t(f"sq_{d}", "zh") for d in exp], s).status == "right"
    assert check.q5_improved_dimensions([d.upper() for d in exp], s).status == "right"
    assert check.q5_improved_dimensions(np.array(exp), s).status == "right"
    assert check.q5_improved_dimensions(list(exp) + ["empathy", "tangibles", "assurance"], s).status == "wrong"
    fb = check.q5_improved_dimensions(["speed"], s)
    assert fb.status == "wrong" and "not one of" in fb.message


def test_q6_item_numbers_in_any_order_or_type(data):
    s = data["survey"]
    top = check.ANSWERS["q6"](**data)
    assert check.q6_top3_priorities(np.array(top[::-1]), s).status == "right"
    assert check.q6_top3_priorities([str(i) for i in top], s).status == "right"
    assert check.q6_top3_priorities(top[:2] + [22 if top[2] != 22 else 1], s).status == "wrong"


def test_q7_is_recorded_for_the_rubric(data):
    s = data["survey"]
    assert check.q7_servqual_or_servperf(..., s).status == "unanswered"
    assert check.q7_servqual_or_servperf("SERVPERF.", s).status == "wrong"
    long = " ".join(["SERVQUAL keeps the diagnosis of which expectations are missed"] * 6)
    assert check.q7_servqual_or_servperf(long, s).status == "manual"
    assert "q7" in check.RUBRICS and "Williams" not in check.RUBRICS["q7"][:0]
    figs = check.ANSWERS["q7"](**data)
    assert set(figs) == {"r_a", "r_b", "diff", "ci_low", "ci_high"} and figs["ci_low"] <= figs["diff"] <= figs["ci_high"]


def test_hints_point_to_the_idea_never_to_a_call(data):
    s, m = data["survey"], data["management"]
    fbs = [check.q1_dimension_gaps(pd.Series({"tangibles": 9.0}), s), check.q2_weighted_servqual(99.0, s),
           check.q3_alpha_responsiveness(-5.0, s), check.q4_gap1_responsiveness(99.0, s, m),
           check.q5_improved_dimensions(["tangibles", "empathy", "assurance", "reliability"], s),
           check.q6_top3_priorities([1, 2, 3], s)]
    for fb in fbs:
        assert fb.status == "wrong"
        calls = ("sq.", "servqual_gaps", "weighted_servqual", "wave_change", "improvement_priorities",
                 "cronbach_alpha", "gap1(", "servperf", "compare_correlations", ".mean(", "groupby")
        assert not any(c in fb.message for c in calls), fb.message
