"""Unit tests of the shared validators (crmlab.validate).

Every failure path must raise crmlab.CRMDataError (a ValueError), name the
column or parameter, show offending values with their row labels (at most
five, then "and N more"), and say how to fix the input ("Fix").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import crmlab
from crmlab import validate as v
from crmlab.errors import CRMDataError


def raises(match):
    """pytest.raises for CRMDataError with a regex on the message."""
    return pytest.raises(CRMDataError, match=match)


def message(func, *args, **kwargs) -> str:
    with pytest.raises(CRMDataError) as info:
        func(*args, **kwargs)
    assert isinstance(info.value, ValueError)
    text = str(info.value)
    assert "Fix" in text, text
    return text


# ------------------------------------------------------------------ basics

def test_error_type_is_exported_and_a_valueerror():
    assert crmlab.CRMDataError is CRMDataError
    assert v.CRMDataError is CRMDataError
    assert issubclass(CRMDataError, ValueError)


def test_show_values_limits_to_five_and_counts_the_rest():
    s = pd.Series([10, 11, 12, 13, 14, 15, 16], index=list("abcdefg"))
    text = v.show_values(s)
    assert text.startswith("row 'a': 10, row 'b': 11")
    assert "row 'e': 14" in text
    assert "row 'f'" not in text
    assert text.endswith("(and 2 more)")
    assert "more" not in v.show_values(s.head(5))


# ------------------------------------------------------------------ require_frame

@pytest.mark.parametrize("obj", [None, [1, 2], {"a": [1]}, pd.Series([1, 2]), np.ones((2, 2))])
def test_require_frame_rejects_non_dataframes(obj):
    text = message(v.require_frame, obj, "survey")
    assert "survey must be a pandas DataFrame" in text
    assert type(obj).__name__ in text


def test_require_frame_rejects_empty_frame():
    text = message(v.require_frame, pd.DataFrame({"a": []}), "survey")
    assert re.search(r"survey has 0 rows; at least 1", text)


def test_require_frame_min_rows_and_pass_through():
    df = pd.DataFrame({"a": [1, 2]})
    assert v.require_frame(df) is df
    with raises(r"data has 2 rows; at least 3"):
        v.require_frame(df, min_rows=3)


# ------------------------------------------------------------------ require_columns

def test_require_columns_names_missing_column_and_lists_what_exists():
    df = pd.DataFrame({"quality": [1], "price": [2]})
    text = message(v.require_columns, df, ["quality", "taste", "service"], "survey")
    assert "column 'taste' is missing from survey" in text
    assert "also missing: 'service'" in text
    assert "'quality', 'price'" in text
    v.require_columns(df, ["price"])  # present: no error


# ------------------------------------------------------------------ require_numeric

def test_require_numeric_rejects_pandas3_str_column_showing_bad_values():
    df = pd.DataFrame({"price": ["4", "five", "3", "n/a"]}, index=[10, 11, 12, 13])
    assert df["price"].dtype == "str"
    text = message(v.require_numeric, df, ["price"])
    assert "column 'price' must be numeric" in text
    assert "row 11: 'five'" in text and "row 13: 'n/a'" in text
    assert "row 10" not in text  # '4' converts fine, not shown


def test_require_numeric_rejects_bool_column():
    df = pd.DataFrame({"flag": [True, False]})
    with raises("column 'flag' must be numeric"):
        v.require_numeric(df, ["flag"])


def test_require_numeric_accepts_int_float_and_nullable():
    df = pd.DataFrame({"a": [1, 2], "b": [1.5, np.nan], "c": pd.array([1, None], dtype="Int64")})
    v.require_numeric(df, ["a", "b", "c"])


# ------------------------------------------------------------------ require_in_scale

def test_in_scale_shows_row_labels_and_values():
    df = pd.DataFrame({"service": [1, 6, 3, 0]}, index=["r1", "r2", "r3", "r4"])
    text = message(v.require_in_scale, df, ["service"], 1, 5)
    assert "column 'service' has 2 value(s) outside the 1-5 scale" in text
    assert "row 'r2': 6" in text and "row 'r4': 0" in text
    assert "r1" not in text


def test_in_scale_shows_at_most_five_and_counts_the_rest():
    df = pd.DataFrame({"taste": [9, 9, 9, 9, 9, 9, 9, 9, 3]})
    text = message(v.require_in_scale, df, ["taste"], 1, 5)
    assert text.count("row ") == 5
    assert "(and 3 more)" in text
    assert "row 8" not in text


def test_in_scale_checks_every_column_and_names_the_bad_one():
    df = pd.DataFrame({"a": [1, 2], "b": [3, 7]})
    with raises(r"column 'b'.*row 1: 7"):
        v.require_in_scale(df, ["a", "b"], 1, 5)


def test_in_scale_boundaries_are_allowed():
    v.require_in_scale(pd.DataFrame({"a": [1, 5, 3]}), ["a"], 1, 5, integer=True)


def test_in_scale_integer_rejects_fractions():
    df = pd.DataFrame({"overall": [1.0, 2.5, 4.0, 3.25]})
    v.require_in_scale(df, ["overall"], 1, 5)  # fine without integer
    text = message(v.require_in_scale, df, ["overall"], 1, 5, integer=True)
    assert "column 'overall' must hold whole-number ratings" in text
    assert "row 1: 2.5" in text and "row 3: 3.25" in text


def test_in_scale_rejects_missing_unless_allowed():
    df = pd.DataFrame({"price": [1.0, np.nan, 3.0, np.nan]})
    text = message(v.require_in_scale, df, ["price"], 1, 5)
    assert "column 'price' has 2 missing value(s) at row(s) 1, 3" in text
    v.require_in_scale(df, ["price"], 1, 5, allow_missing=True)
    with raises(r"Fix: drop them please"):
        v.require_in_scale(df, ["price"], 1, 5, missing_fix="drop them please")


def test_in_scale_allow_missing_still_checks_present_values():
    df = pd.DataFrame({"price": [np.nan, 8.0]})
    with raises(r"column 'price'.*row 1: 8"):
        v.require_in_scale(df, ["price"], 1, 5, allow_missing=True)


def test_in_scale_rejects_text_column():
    df = pd.DataFrame({"quality": ["5", "good"]})
    with raises(r"column 'quality' must be numeric.*row 1: 'good'"):
        v.require_in_scale(df, ["quality"], 1, 5)


def test_require_no_missing_counts_more_than_five():
    df = pd.DataFrame({"x": [np.nan] * 7 + [1.0]})
    text = message(v.require_no_missing, df, ["x"])
    assert "7 missing value(s) at row(s) 0, 1, 2, 3, 4 (and 2 more)" in text


# ------------------------------------------------------------------ require_weights

def test_weights_valid_returned_in_names_order():
    w = v.require_weights({"b": 0.25, "a": 0.75}, names=["a", "b"])
    assert list(w.index) == ["a", "b"]
    assert w.tolist() == [0.75, 0.25]
    assert w.dtype == "float64"


def test_weights_negative_named():
    text = message(v.require_weights, {"a": 1.2, "b": -0.2})
    assert "non-negative" in text and "'b': -0.2" in text


def test_weights_nan_rejected():
    with raises(r"'a': nan"):
        v.require_weights({"a": np.nan, "b": 1.0})


def test_weights_not_summing_to_one():
    text = message(v.require_weights, {"a": 0.5, "b": 0.4})
    assert "sum to 0.9, not 1" in text
    assert "normalize=True" in text


def test_weights_normalize_divides_by_sum():
    w = v.require_weights({"a": 3, "b": 1}, normalize=True)
    assert w.to_dict() == {"a": 0.75, "b": 0.25}
    with raises("cannot normalise"):
        v.require_weights({"a": 0, "b": 0}, normalize=True)


def test_weights_unknown_and_missing_names():
    text = message(v.require_weights, {"a": 0.5, "colour": 0.5}, names=["a", "b"])
    assert "'colour'" in text and "not known" in text
    text = message(v.require_weights, {"a": 1.0}, names=["a", "b"])
    assert "missing for 'b'" in text


def test_weights_empty():
    with raises("empty"):
        v.require_weights({})


def test_weights_series_input_not_modified():
    w = pd.Series({"a": 2.0, "b": 2.0})
    before = w.copy()
    out = v.require_weights(w, normalize=True)
    pd.testing.assert_series_equal(w, before)
    assert out.tolist() == [0.5, 0.5]


# ------------------------------------------------------------------ other small validators

def test_require_unique():
    df = pd.DataFrame({"id": [1, 2, 2, 3]})
    text = message(v.require_unique, df, "id")
    assert "column 'id' must be unique" in text and "row 1: 2" in text and "row 2: 2" in text
    v.require_unique(pd.DataFrame({"id": [1, 2]}), "id")


def test_require_choice():
    assert v.require_choice("skip", ["raise", "skip"], "missing") == "skip"
    text = message(v.require_choice, "ignore", ["raise", "skip"], "missing")
    assert "missing='ignore' is not one of 'raise', 'skip'" in text


@pytest.mark.parametrize("value", [0, -1, np.nan, "abc", None])
def test_require_positive_rejects(value):
    with raises("alpha="):
        v.require_positive(value, "alpha")


def test_require_positive_accepts():
    assert v.require_positive("2.5", "alpha") == 2.5
    assert v.require_positive(0, "alpha", allow_zero=True) == 0.0


def test_require_nonnegative():
    df = pd.DataFrame({"amount": [5.0, -1.0, 0.0]})
    text = message(v.require_nonnegative, df, ["amount"])
    assert "column 'amount' must not be negative" in text and "row 1: -1.0" in text


# ------------------------------------------------------------------ to_datetime

def test_to_datetime_iso_text_with_and_without_time():
    df = pd.DataFrame({"opened": ["2013-09-04", "2013-09-04 10:30", "2014-01-31 23:59:59"]})
    out = v.to_datetime(df, "opened")
    assert pd.api.types.is_datetime64_any_dtype(out)
    assert out.tolist() == [pd.Timestamp("2013-09-04"), pd.Timestamp("2013-09-04 10:30"),
                            pd.Timestamp("2014-01-31 23:59:59")]


def test_to_datetime_mixed_formats():
    df = pd.DataFrame({"opened": ["2013-09-04", "04/09/2013", "2013-09-05 08:00"]})
    out = v.to_datetime(df, "opened")
    assert out.notna().all()
    assert out.iloc[0] == pd.Timestamp("2013-09-04")
    assert out.iloc[1].year == 2013 and {out.iloc[1].month, out.iloc[1].day} == {4, 9}
    assert out.iloc[2] == pd.Timestamp("2013-09-05 08:00")


def test_to_datetime_passes_datetime_through():
    s = pd.to_datetime(pd.Series(["2020-01-01", "2020-02-01"]))
    out = v.to_datetime(pd.DataFrame({"d": s}), "d")
    pd.testing.assert_series_equal(out, s, check_names=False)


def test_to_datetime_unparseable_text_names_rows():
    df = pd.DataFrame({"closed": ["2013-09-04", "yesterday", "2013-13-45"]}, index=[5, 6, 7])
    text = message(v.to_datetime, df, "closed")
    assert "column 'closed' has values that are not dates" in text
    assert "row 6: 'yesterday'" in text and "row 7: '2013-13-45'" in text
    assert "row 5" not in text


def test_to_datetime_numbers_rejected():
    df = pd.DataFrame({"opened": [1378252800, 1378339200]})
    text = message(v.to_datetime, df, "opened")
    assert "column 'opened' holds numbers" in text


def test_to_datetime_missing_only_when_allowed():
    df = pd.DataFrame({"closed": ["2013-09-04", None, ""]})
    with raises(r"column 'closed' has 2 missing value\(s\) at row\(s\) 1, 2"):
        v.to_datetime(df, "closed")
    out = v.to_datetime(df, "closed", allow_missing=True)
    assert out.isna().tolist() == [False, True, True]


# ------------------------------------------------------------------ to_bool

@pytest.mark.parametrize("values, expected", [
    (["Yes", "No", "yes", "NO"], [True, False, True, False]),
    (["Y", "N", " y ", "n"], [True, False, True, False]),
    (["true", "false", "TRUE", "False"], [True, False, True, False]),
    (["1", "0"], [True, False]),
    (["是", "否"], [True, False]),
    ([1, 0, 1], [True, False, True]),
    ([1.0, 0.0], [True, False]),
    ([True, False], [True, False]),
])
def test_to_bool_parses(values, expected):
    out = v.to_bool(pd.DataFrame({"repurchased": values}), "repurchased")
    assert out.dtype == "boolean"
    assert out.name == "repurchased"
    assert out.tolist() == expected


def test_to_bool_unknown_text():
    df = pd.DataFrame({"repurchased": ["Yes", "maybe", "No", "sometimes"]})
    text = message(v.to_bool, df, "repurchased")
    assert "column 'repurchased' is a yes/no flag but has unknown text" in text
    assert "row 1: 'maybe'" in text and "row 3: 'sometimes'" in text


def test_to_bool_numbers_other_than_0_1():
    df = pd.DataFrame({"repurchased": [0, 1, 2, -1]})
    text = message(v.to_bool, df, "repurchased")
    assert "column 'repurchased'" in text and "other than 0/1" in text
    assert "row 2: 2" in text and "row 3: -1" in text


def test_to_bool_missing():
    df = pd.DataFrame({"flag": ["Yes", None]})
    with raises(r"column 'flag' has 1 missing value\(s\) at row\(s\) 1"):
        v.to_bool(df, "flag")
    assert v.to_bool(df, "flag", allow_missing=True).tolist() == [True, pd.NA]


# ------------------------------------------------------------------ no mutation

def test_validators_do_not_modify_input():
    df = pd.DataFrame({
        "rating": [1.0, np.nan, 5.0],
        "when": ["2013-09-04", "04/09/2013", "2013-09-04 10:30"],
        "flag": ["Yes", "n", "TRUE"],
        "num": [1, 0, 1],
    }, index=[3, 1, 2])
    before = df.copy()
    v.require_frame(df)
    v.require_columns(df, ["rating"])
    v.require_numeric(df, ["rating", "num"])
    v.require_in_scale(df, ["rating"], 1, 5, allow_missing=True)
    v.to_datetime(df, "when")
    v.to_bool(df, "flag")
    v.to_bool(df, "num")
    with pytest.raises(CRMDataError):
        v.require_in_scale(df, ["rating"], 1, 5)
    pd.testing.assert_frame_equal(df, before)
