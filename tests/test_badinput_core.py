"""Bad-input battery: crmlab.validate and crmlab.stats (area b1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import stats as S
from crmlab import validate as v

D = pd.DataFrame


def _dt(values, **kw):
    return lambda: v.to_datetime(D({"opened": values}), "opened", **kw)


CASES: list[Bad] = [
    # to_datetime
    Bad("b1-dt-tz-offsets-differ", "crmlab.validate.to_datetime",
        _dt(["2013-09-04 10:00+02:00", "2013-09-05 10:00+01:00"]), r"'opened'.*different UTC offsets"),
    Bad("b1-dt-tz-mixed-naive", "crmlab.validate.to_datetime",
        _dt(["2013-09-04 10:00+02:00", "2013-09-05 10:00"]), r"'opened' mixes timestamps with a time zone"),
    Bad("b1-dt-tz-objects-mixed", "crmlab.validate.to_datetime",
        lambda: v.to_datetime(D({"opened": pd.Series([pd.Timestamp("2013-09-04", tz="UTC"),
                                                      pd.Timestamp("2013-09-05")], dtype=object)}), "opened"),
        r"'opened' mixes timestamps with a time zone"),
    Bad("b1-dt-tz-aware-column-warns", "crmlab.validate.to_datetime",
        lambda: v.to_datetime(D({"opened": pd.date_range("2013-01-01", periods=3, tz="Asia/Shanghai")}), "opened"),
        r"'opened' is time-zone aware.*UTC", warns=True),
    Bad("b1-dt-tz-text-same-offset-warns", "crmlab.validate.to_datetime",
        _dt(["2013-09-04T10:00Z", "2013-09-05T11:00Z"]), r"'opened' has time-zone-aware", warns=True),
    Bad("b1-dt-day-and-month-first", "crmlab.validate.to_datetime",
        _dt(["13/09/2013", "09/13/2013"]), r"'opened' mixes day-first and month-first.*13/09/2013"),
    Bad("b1-dt-ambiguous-slash-warns", "crmlab.validate.to_datetime",
        _dt(["04/09/2013", "2013-09-05"]), r"'opened'.*day-first or month-first.*dayfirst", warns=True),
    Bad("b1-dt-epoch-seconds-advice", "crmlab.validate.to_datetime",
        _dt([1378252800, 1378339200]), r"'opened' holds numbers.*unit='s'"),
    Bad("b1-dt-epoch-ms-advice", "crmlab.validate.to_datetime",
        _dt([1378252800000, 1378339200000]), r"'opened'.*unit='ms'"),
    Bad("b1-dt-excel-serial-advice", "crmlab.validate.to_datetime",
        _dt([41521, 41522]), r"'opened'.*Excel.*origin='1899-12-30'"),
    Bad("b1-dt-small-numbers-no-1970", "crmlab.validate.to_datetime",
        _dt([1, 2, 3]), r"'opened' holds numbers.*not YYYYMMDD"),
    Bad("b1-dt-yyyymmdd-not-a-day", "crmlab.validate.to_datetime",
        _dt([20130904, 20131301]), r"'opened' holds YYYYMMDD.*20131301"),
    Bad("b1-dt-booleans", "crmlab.validate.to_datetime", _dt([True, False]), r"'opened' holds True/False"),
    Bad("b1-dt-free-text", "crmlab.validate.to_datetime", _dt(["last spring", "2013-09-04"]),
        r"'opened' has values that are not dates: row 0: 'last spring'"),
    Bad("b1-dt-bad-fmt", "crmlab.validate.to_datetime", _dt(["04/09/2013"], fmt="%Q"), r"fmt='%Q'"),
    Bad("b1-dt-fmt-not-text", "crmlab.validate.to_datetime", _dt(["04/09/2013"], fmt=3), r"fmt=3"),
    Bad("b1-dt-dayfirst-text", "crmlab.validate.to_datetime", _dt(["04/09/2013"], dayfirst="yes"), r"dayfirst='yes'"),
    Bad("b1-dt-missing-not-allowed", "crmlab.validate.to_datetime", _dt(["2013-09-04", None]),
        r"'opened' has 1 missing"),
    Bad("b1-dt-no-such-column", "crmlab.validate.to_datetime",
        lambda: v.to_datetime(D({"x": ["2013-09-04"]}), "opened"), r"'opened' is missing"),
    # to_timestamp
    Bad("b1-ts-last-spring", "crmlab.validate.to_timestamp", lambda: v.to_timestamp("last spring", "start"),
        r"start='last spring' cannot be read as a date"),
    Bad("b1-ts-list", "crmlab.validate.to_timestamp", lambda: v.to_timestamp(["2013-01-01"], "end"),
        r"end=\['2013-01-01'\] must be one date"),
    Bad("b1-ts-none", "crmlab.validate.to_timestamp", lambda: v.to_timestamp(None, "end"), r"end=None is not a date"),
    # to_bool
    Bad("b1-bool-maybe", "crmlab.validate.to_bool", lambda: v.to_bool(D({"flag": ["yes", "maybe"]}), "flag"),
        r"'flag'.*unknown text: row 1: 'maybe'"),
    Bad("b1-bool-number-2", "crmlab.validate.to_bool", lambda: v.to_bool(D({"flag": [0, 2]}), "flag"),
        r"'flag'.*other than 0/1"),
    Bad("b1-bool-not-frame", "crmlab.validate.to_bool", lambda: v.to_bool(["yes"], "flag"),
        r"must be a pandas DataFrame, got list"),
    # columns / numbers / scales
    Bad("b1-columns-own-fix", "crmlab.validate.require_columns",
        lambda: v.require_columns(D({"a": [1]}), ["E1"], "survey", fix="pass items={...}"),
        r"'E1' is missing from survey.*Fix: pass items=\{\.\.\.\}"),
    Bad("b1-columns-name-not-text", "crmlab.validate.require_columns",
        lambda: v.require_columns(D({"a": [1]}), [["a"]]), r"column name \['a'\]"),
    Bad("b1-numeric-numbers-as-text", "crmlab.validate.require_numeric",
        lambda: v.require_numeric(D({"x": ["1", "two"]}), ["x"]), r"'x' must be numeric.*row 1: 'two'"),
    Bad("b1-in-scale-out", "crmlab.validate.require_in_scale",
        lambda: v.require_in_scale(D({"r": [1, 9]}), ["r"], 1, 5), r"'r' has 1 value\(s\) outside the 1-5"),
    Bad("b1-in-scale-fraction", "crmlab.validate.require_in_scale",
        lambda: v.require_in_scale(D({"r": [1, 2.5]}), ["r"], 1, 5, integer=True), r"'r' must hold whole"),
    Bad("b1-no-missing", "crmlab.validate.require_no_missing",
        lambda: v.require_no_missing(D({"r": [1, np.nan]}), ["r"]), r"'r' has 1 missing value"),
    Bad("b1-nonnegative-inf", "crmlab.validate.require_nonnegative",
        lambda: v.require_nonnegative(D({"amount": [1.0, np.inf]}), ["amount"]), r"'amount'.*infinite"),
    Bad("b1-unique-dup", "crmlab.validate.require_unique",
        lambda: v.require_unique(D({"id": [1, 1]}), "id"), r"'id' must be unique"),
    Bad("b1-choice-unhashable", "crmlab.validate.require_choice",
        lambda: v.require_choice(["km"], ["km", "resolved_only"], "method"), r"method=\['km'\]"),
    Bad("b1-positive-bool", "crmlab.validate.require_positive", lambda: v.require_positive(True, "orders"),
        r"orders=True is not a number"),
    Bad("b1-positive-nan", "crmlab.validate.require_positive", lambda: v.require_positive(np.nan, "orders"),
        r"orders=nan must be > 0"),
    Bad("b1-int-2.5", "crmlab.validate.require_int", lambda: v.require_int(2.5, "n_boot", minimum=1),
        r"n_boot=2.5 must be a whole number"),
    Bad("b1-int-text", "crmlab.validate.require_int", lambda: v.require_int("500", "n"), r"n='500'"),
    Bad("b1-confidence-95", "crmlab.validate.require_confidence", lambda: v.require_confidence(95),
        r"confidence=95 must be strictly between 0 and 1"),
    Bad("b1-confidence-text", "crmlab.validate.require_confidence", lambda: v.require_confidence("0.95"),
        r"confidence='0.95'"),
    Bad("b1-scale-reversed", "crmlab.validate.require_scale", lambda: v.require_scale((5, 1)), r"scale=\(5, 1\)"),
    Bad("b1-weights-list", "crmlab.validate.require_weights", lambda: v.require_weights([0.5, 0.5], names=["a", "b"]),
        r"weights must be a dict or a Series.*got list.*dict\(zip"),
    Bad("b1-weights-array", "crmlab.validate.require_weights", lambda: v.require_weights(np.array([0.5, 0.5])),
        r"got ndarray"),
    Bad("b1-weights-text-values", "crmlab.validate.require_weights",
        lambda: v.require_weights({"a": "0.5", "b": "half"}), r"must be numbers, found: 'b': 'half'"),
    Bad("b1-weights-bool", "crmlab.validate.require_weights", lambda: v.require_weights({"a": True}),
        r"True/False"),
    Bad("b1-weights-sum", "crmlab.validate.require_weights", lambda: v.require_weights({"a": 0.5, "b": 0.2}),
        r"sum to 0.7"),
    Bad("b1-group-labels-missing", "crmlab.validate.require_group_labels",
        lambda: v.require_group_labels(D({"segment": ["a", None, " "]}), "segment"),
        r"'segment' has 2 missing or blank"),
    Bad("b1-frame-empty", "crmlab.validate.require_frame", lambda: v.require_frame(D({"a": []})), r"has 0 rows"),
    Bad("b1-frame-text-path", "crmlab.validate.require_frame", lambda: v.require_frame("a.csv"),
        r"got str"),
    # stats
    Bad("b1-wilson-nan-count", "crmlab.stats.wilson_ci", lambda: S.wilson_ci([3, np.nan], [10, 10]),
        r"successes must be finite whole counts.*nan"),
    Bad("b1-wilson-k-over-n", "crmlab.stats.wilson_ci", lambda: S.wilson_ci(12, 10), r"successes exceeds n"),
    Bad("b1-wilson-negative", "crmlab.stats.wilson_ci", lambda: S.wilson_ci(3, -10), r"n must be finite whole"),
    Bad("b1-wilson-text", "crmlab.stats.wilson_ci", lambda: S.wilson_ci("3", 10), r"successes='3'"),
    Bad("b1-wilson-shapes", "crmlab.stats.wilson_ci", lambda: S.wilson_ci([1, 2, 3], [5, 5]), r"must match"),
    Bad("b1-wilson-confidence", "crmlab.stats.wilson_ci", lambda: S.wilson_ci(3, 10, confidence=1.5),
        r"confidence=1.5"),
    Bad("b1-mean-ci-text", "crmlab.stats.mean_ci", lambda: S.mean_ci(pd.Series(["a", "b"], name="score")),
        r"'score' must be numeric"),
    Bad("b1-mean-ci-by-missing", "crmlab.stats.mean_ci",
        lambda: S.mean_ci(pd.Series([1.0, 2.0, 3.0]), by=pd.Series(["a", None, "b"], name="segment")),
        r"'segment' has 1 missing"),
    Bad("b1-mean-ci-by-length", "crmlab.stats.mean_ci", lambda: S.mean_ci([1.0, 2.0], by=["a"]),
        r"by has 1 labels for 2 values"),
    Bad("b1-mean-ci-by-name", "crmlab.stats.mean_ci", lambda: S.mean_ci([1.0, 2.0], by="segment"),
        r"by='segment' must be the group labels"),
    Bad("b1-mean-ci-all-nan", "crmlab.stats.mean_ci", lambda: S.mean_ci([np.nan, np.nan]), r"all missing"),
    Bad("b1-ratio-zero-warns", "crmlab.stats.ratio_ci", lambda: S.ratio_ci(5, 10, 0, 0), r"undefined", warns=True),
    Bad("b1-ratio-k-over-n", "crmlab.stats.ratio_ci", lambda: S.ratio_ci(5, 3, 1, 10), r"k1 exceeds n1"),
    Bad("b1-diff-confidence", "crmlab.stats.diff_ci", lambda: S.diff_ci(5, 10, 1, 10, confidence=0),
        r"confidence=0"),
    Bad("b1-diff-fraction", "crmlab.stats.diff_ci", lambda: S.diff_ci(2.5, 10, 1, 10), r"k1 must be finite whole"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
