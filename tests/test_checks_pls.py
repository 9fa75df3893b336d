"""Exercise 07 checks judge fairly: near misses are 'close', equivalent forms are accepted, wrong
answers are rejected, hints point to the idea (never the code), and Q6 has a rubric."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlab.checks import pls as check


@pytest.fixture(scope="module")
def survey():
    return check.exercise_data(seed=3, n=400)["survey"]


@pytest.fixture(scope="module")
def key(survey):
    return {q: fn(survey) for q, fn in check.ANSWERS.items() if q != "q6"}


def test_q1_rounding_and_labels(survey, key):
    ave = key["q1"]
    assert check.q1_ave(ave.round(3), survey).status == "right"  # to 3 decimals, as asked
    assert check.q1_ave(ave.round(2), survey).status == "close"  # a rounding slip, not a method error
    zh = ave.rename({"SAT": "顾客满意", "LOY": "顾客忠诚", "COMP": "顾客抱怨"})
    assert check.q1_ave(zh, survey).status == "right"  # Chinese construct names
    assert check.q1_ave(ave.to_dict(), survey).status == "right"  # a dict
    assert check.q1_ave(ave**0.5, survey).status == "wrong"  # mean loading, not mean squared loading


def test_q2_names_in_every_form(survey, key):
    top = key["q2"]
    assert top in check.DRIVERS
    for form in (top, top.lower(), [top], np.str_(top), check.pls.core.CONSTRUCTS_ZH[top]):
        assert check.q2_top_total_effect(form, survey).status == "right", form
    other = next(d for d in check.DRIVERS if d != top)
    assert check.q2_top_total_effect(other, survey).status == "wrong"
    assert check.q2_top_total_effect("SAT", survey).status == "wrong"  # not one of the four drivers


def test_q3_index(survey, key):
    idx = key["q3"]
    assert check.q3_index_by_segment(idx.round(1), survey).status == "right"
    assert check.q3_index_by_segment(idx.round(0), survey).status == "close"
    assert check.q3_index_by_segment(idx.rename({"prepaid": "预付费"}), survey).status == "right"
    assert check.q3_index_by_segment(idx + 3, survey).status == "wrong"


def test_q4_near_misses(survey, key):
    r2 = key["q4"]
    assert check.q4_r2_without_path(round(r2, 3), survey).status == "right"
    assert check.q4_r2_without_path(round(r2, 2), survey).status in ("right", "close")
    assert check.q4_r2_without_path(np.float64(r2), survey).status == "right"
    fb = check.q4_r2_without_path(r2 * 100, survey)  # a percentage for a share
    assert fb.status == "wrong" and "percentage" in fb.message
    assert check.q4_r2_without_path(r2 + 0.03, survey).status == "wrong"


def test_q5_sets(survey, key):
    zero = key["q5"]
    assert check.q5_paths_with_zero(list(reversed(zero)), survey).status == "right"
    assert check.q5_paths_with_zero([z.replace(" ", "") for z in zero], survey).status == "right"
    assert check.q5_paths_with_zero([*zero, "SAT -> LOY"], survey).status == "wrong"
    fb = check.q5_paths_with_zero(["SAT -> CHURN"], survey)
    assert fb.status == "wrong" and "not one of" in fb.message


def test_q6_written_answer_and_rubric(survey):
    assert check.q6_priority(..., survey).status == "unanswered"
    assert check.q6_priority("Quality.", survey).status == "wrong"  # too short
    model = check.model_answer_q6(survey)
    assert check.q6_priority(model, survey).status == "manual"
    assert "q6" in check.RUBRICS and "bootstrap" in check.RUBRICS["q6"]
    # the model answer quotes this survey's numbers
    fit = check._fit(survey, check.N_BOOT)
    table = check.pls.ipma(survey, fit, "SAT")
    assert any(f"{table.loc[d, 'total_effect']:.2f}" in model for d in table.index)


def test_hints_point_to_the_idea_not_the_code(survey, key):
    wrong = {"q1": key["q1"] + 0.2, "q2": next(d for d in check.DRIVERS if d != key["q2"]),
             "q3": key["q3"] + 5, "q4": key["q4"] + 0.2, "q5": ["IMAG -> EXPE", "QUAL -> VAL"]}
    funcs = {"q1": check.q1_ave, "q2": check.q2_top_total_effect, "q3": check.q3_index_by_segment,
             "q4": check.q4_r2_without_path, "q5": check.q5_paths_with_zero}
    for q, f in funcs.items():
        msg = f(wrong[q], survey).message
        for code in ("pls.", "fit.", "pls_path_model", "n_boot", "paths =", "bootstrap[", "r2[", "ddof"):
            assert code not in msg, (q, code, msg)


def test_checks_recompute_from_each_students_data():
    a = check.exercise_data(seed=1, n=300)["survey"]
    b = check.exercise_data(seed=2, n=300)["survey"]
    qa = check.ANSWERS["q3"](a)
    assert check.q3_index_by_segment(qa, a).ok is True
    assert check.q3_index_by_segment(qa, b).ok is False
