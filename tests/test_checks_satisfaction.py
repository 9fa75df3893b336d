"""Exercise 01 checks are fair: the near misses of the review are accepted or flagged "close", wrong answers rejected."""

from __future__ import annotations

import numpy as np
import pytest

from crmlab.checks import satisfaction as check


@pytest.fixture(scope="module")
def data():
    return check.exercise_data(seed=7, n=600)


def st(fb):
    return fb.status


def test_q1_rounded_to_1dp_is_close_not_a_method_hint(data):
    right = check.ANSWERS["q1"](**data)
    assert st(check.q1_attribute_means(right, data["case"])) == "right"
    assert st(check.q1_attribute_means(right.round(2), data["case"])) == "right"
    fb = check.q1_attribute_means(right.round(1), data["case"])
    if (right.round(1) - right).abs().max() > 0.005:
        assert st(fb) == "close" and "rounding" in fb.message
    assert st(check.q1_attribute_means(right + 0.3, data["case"])) == "wrong"
    # Chinese attribute names as labels are accepted
    zh = right.set_axis(data["case"]["attribute_zh"].to_numpy())
    assert st(check.q1_attribute_means(zh, data["case"])) == "right"


def test_q1_q2_differ_per_student_seed():
    a, b = check.exercise_data(seed=1, n=50), check.exercise_data(seed=2, n=50)
    assert not np.allclose(check.ANSWERS["q1"](**a), check.ANSWERS["q1"](**b))
    assert check.ANSWERS["q2"](**a) != check.ANSWERS["q2"](**b)
    qa = check.ANSWERS["q2"](**a)
    assert st(check.q2_simple_vs_weighted(qa, b["case"])) == "wrong"
    # seed 0 is the textbook's own table
    assert check.ANSWERS["q2"](**check.exercise_data(seed=0, n=50)) == pytest.approx((3.81, 3.756))


def test_q2_dict_rounding_and_swap(data):
    s, w = check.ANSWERS["q2"](**data)
    case = data["case"]
    assert st(check.q2_simple_vs_weighted((s, w), case)) == "right"
    assert st(check.q2_simple_vs_weighted({"simple": s, "weighted": w}, case)) == "right"
    assert st(check.q2_simple_vs_weighted({"weighted": round(w, 2), "simple": round(s, 2)}, case)) == "right"
    fb = check.q2_simple_vs_weighted((w, s), case)
    if abs(s - w) > 0.01:
        assert st(fb) == "wrong" and "swapped" in fb.message
    r1 = (round(s, 1), round(w, 1))
    if abs(r1[0] - s) > 0.005 or abs(r1[1] - w) > 0.005:
        assert st(check.q2_simple_vs_weighted(r1, case)) == "close"
    assert st(check.q2_simple_vs_weighted((s + 0.5, w), case)) == "wrong"
    assert st(check.q2_simple_vs_weighted("abc", case)) == "wrong"


def test_q3_integer_csi_is_close_and_one_decimal_right(data):
    right = check.ANSWERS["q3"](**data)
    survey = data["survey"]
    assert st(check.q3_csi_by_segment(right.round(1), survey)) == "right"
    if (right.round(0) - right).abs().max() > 0.15:
        assert st(check.q3_csi_by_segment(right.round(0), survey)) == "close"
    assert st(check.q3_csi_by_segment(right / 100 * 5, survey)) == "wrong"  # score/5 x 100 style slip


@pytest.mark.parametrize("name", ["quality", "Quality", " QUALITY ", "质量", ["quality"], np.str_("quality")])
def test_q4_accepts_equivalent_names(name):
    data = check.exercise_data(seed=42, n=1200)
    top, weight = check.ANSWERS["q4"](**data)
    assert top == "quality"  # this seed's key driver
    assert st(check.q4_top_driver((name, weight), data["survey"])) == "right"
    assert st(check.q4_top_driver({"driver": name, "weight": round(weight, 3)}, data["survey"])) == "right"


def test_q4_wrong_driver_or_weight(data):
    top, weight = check.ANSWERS["q4"](**data)
    other = "packaging" if top != "packaging" else "price"
    assert st(check.q4_top_driver((other, weight), data["survey"])) == "wrong"
    assert st(check.q4_top_driver((top, weight + 0.05), data["survey"])) == "wrong"
    assert st(check.q4_top_driver((top, round(weight, 2)), data["survey"])) in ("close", "right")
    assert st(check.q4_top_driver(top, data["survey"])) == "wrong"  # the weight is asked too
    assert st(check.q4_top_driver(("nope", weight), data["survey"])) == "wrong"


def test_q5_accepts_one_decimal_within_1_percent():
    data = check.exercise_data(seed=42, n=1200)
    right = check.ANSWERS["q5"](**data)
    assert right == pytest.approx(6.63, abs=0.01)
    assert st(check.q5_top_box_ratio(6.6, data["survey"])) == "right"  # the value in 01's plot title
    assert st(check.q5_top_box_ratio(np.float64(right), data["survey"])) == "right"
    assert st(check.q5_top_box_ratio(6.0, data["survey"])) == "wrong"
    assert st(check.q5_top_box_ratio(right * 1.025, data["survey"])) == "close"
    fb = check.q5_top_box_ratio(right + 1, data["survey"])
    assert st(fb) == "wrong" and f"{right:.2f}" not in fb.message


def test_q6_set_and_names(data):
    right = check.ANSWERS["q6"](**data)
    assert st(check.q6_concentrate_here(list(reversed(right)), data["survey"])) == "right"
    assert st(check.q6_concentrate_here(right + ["packaging"] if "packaging" not in right else [],
                                        data["survey"])) == "wrong"
    assert st(check.q6_concentrate_here(["nonsense"], data["survey"])) == "wrong"


def test_q7_written_answer_is_recorded_and_has_a_rubric():
    short = check.q7_advise_the_ceo("Use them.")
    assert st(short) == "wrong"
    long = check.q7_advise_the_ceo(" ".join(["The regression weights measure effects holding others fixed."] * 8))
    assert st(long) == "manual"
    assert st(check.q7_advise_the_ceo(...)) == "unanswered"
    assert "q7" in check.RUBRICS and "relative weights" in check.RUBRICS["q7"]


def test_hints_point_to_ideas_not_calls(data):
    survey, case = data["survey"], data["case"]
    wrongs = [check.q1_attribute_means(check.ANSWERS["q1"](**data) + 1, case),
              check.q2_simple_vs_weighted((9.0, 9.0), case),
              check.q3_csi_by_segment(check.ANSWERS["q3"](**data) + 10, survey),
              check.q4_top_driver(("packaging" if check.ANSWERS["q4"](**data)[0] != "packaging" else "price", 0.1), survey),
              check.q5_top_box_ratio(1.0, survey),
              check.q6_concentrate_here(["price", "taste", "quality"], survey)]
    for fb in wrongs:
        assert fb.status == "wrong"
        assert not any(call in fb.message for call in ("sat.", "groupby", "derived_importance", "repurchase_by_score",
                                                        "csi(", ".mean()", "lstsq"))
