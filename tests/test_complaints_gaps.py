"""Complaints helpers a firm's own export needs: durations with censoring stated, the timely-response
share, the bad-rows policy, optional columns and blank categories (issue 19, item 4)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import complaints as cp
from crmlab.errors import CRMDataError, CRMWarning
from crmlab.stats import wilson_ci

CFPB = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "cfpb_CapitalPrince100_Consumer_Complaints.csv"
KW = dict(first_response=None, outcome=None, satisfaction=None, reopened=None, contacts=None)


def log4():
    return pd.DataFrame({"opened": ["2024-01-01"] * 5,
                         "closed": ["2024-01-02", "2024-01-03", "2024-01-05", None, "2024-01-03"],
                         "ch": ["a", "a", "a", "b", "b"]})


# ---------------------------------------------------------------- duration_summary

def test_duration_summary_by_hand():
    s = cp.duration_summary(log4(), as_of="2024-01-06")
    row = s.loc["all"]
    assert row["n"] == 5 and row["n_open"] == 1
    # durations 24, 48, 96, 48 h and one open at 120 h; horizon = longest duration = 120 h
    assert row["horizon_h"] == 120.0 and s.attrs["horizon_h"] == 120.0
    # KM: S = 4/5 after 24, 2/5 after 48, 1/5 after 96 -> median 48; area 24 + 24*.8 + 48*.4 + 24*.2 = 67.2
    assert row["median_h"] == 48.0
    assert row["rmst_h"] == pytest.approx(67.2)
    assert row["share_beyond"] == pytest.approx(0.2)
    assert row["ci_low"] < row["rmst_h"] < row["ci_high"]


def test_duration_summary_groups_share_one_horizon_and_no_open_case_gives_the_plain_mean():
    s = cp.duration_summary(log4(), by="ch", as_of="2024-01-06")
    # group a has every case closed (sets no limit); group b is followed to 120 h (its open case): tau = 120
    assert (s["horizon_h"] == 120.0).all()
    assert s.loc["a", "rmst_h"] == pytest.approx((24 + 48 + 96) / 3)  # no open case: the plain mean
    assert s.loc["b", "n_open"] == 1 and s.loc["a", "n_open"] == 0
    # a stated horizon: the mean of min(T, 48) over group a = (24 + 48 + 48) / 3
    assert cp.duration_summary(log4(), by="ch", horizon_h=48, as_of="2024-01-06").loc["a", "rmst_h"] == \
        pytest.approx(40.0)


def test_duration_summary_median_nan_when_half_are_open():
    df = pd.DataFrame({"opened": ["2024-01-01"] * 4, "closed": ["2024-01-02", None, None, None]})
    s = cp.duration_summary(df, as_of="2024-01-05")
    assert np.isnan(s.loc["all", "median_h"]) and s.loc["all", "n_open"] == 3


def test_duration_summary_does_not_mutate():
    df = log4()
    before = df.copy()
    cp.duration_summary(df, by="ch")
    pd.testing.assert_frame_equal(df, before)


# ---------------------------------------------------------------- timely_share

def test_timely_share_by_hand():
    df = pd.DataFrame({"in": ["2024-01-01"] * 5 + ["2024-01-25"],
                       "out": ["2024-01-10", "2024-01-16", "2024-01-17", None, "2024-01-01", None]})
    r = cp.timely_share(df, "in", "out", as_of="2024-01-31")
    row = r.loc["all"]
    # 9, 15 and 0 days timely; 16 days late; no response after 30 days late; received 6 days ago: pending
    assert (row["n"], row["timely"], row["n_pending"]) == (5, 3, 1)
    assert row["share"] == pytest.approx(0.6)
    lo, hi = wilson_ci(3, 5)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((float(lo), float(hi)))
    assert cp.timely_share(df, "in", "out", within_days=16, as_of="2024-01-31").loc["all", "timely"] == 4


def test_timely_share_by_group():
    df = pd.DataFrame({"in": ["2024-01-01"] * 4, "out": ["2024-01-02", "2024-01-30", "2024-01-03", "2024-01-04"],
                       "g": ["x", "x", "y", "y"]})
    r = cp.timely_share(df, "in", "out", by="g")
    assert r["share"].to_dict() == {"x": 0.5, "y": 1.0}


# ---------------------------------------------------------------- bad_rows policy

def reversed_log():
    return pd.DataFrame({"opened": ["2024-01-02", "2024-01-01", "2024-01-01"],
                         "resolved": ["2024-01-01", "2024-01-03", "2024-01-02"]}, index=[7, 8, 9])


def test_bad_rows_error_names_the_drop_option():
    with pytest.raises(CRMDataError, match=r"earlier than 'opened' in 1 row.*bad_rows='drop'"):
        cp.complaint_kpis(reversed_log(), **KW)


@pytest.mark.parametrize("call", [
    lambda d, **k: cp.complaint_kpis(d, **KW, **k),
    lambda d, **k: cp.restricted_mean(d, horizon=24, **k),
    lambda d, **k: cp.resolution_curve(d, **k),
    lambda d, **k: cp.duration_summary(d, end="resolved", **k),
    lambda d, **k: cp.timely_share(d, "opened", "resolved", **k),
])
def test_bad_rows_drop_warns_counts_and_equals_dropping_by_hand(call):
    df = reversed_log()
    with pytest.warns(CRMWarning, match=r"left out 1 of 3 row\(s\).*row\(s\) 7"):
        got = call(df, bad_rows="drop")
    assert got.attrs["dropped"] == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", CRMWarning)
        by_hand = call(df.drop(index=7))
    pd.testing.assert_frame_equal(got, by_hand)


def test_bad_rows_drop_on_clean_data_drops_nothing():
    out = cp.complaint_kpis(reversed_log().drop(index=7), bad_rows="drop", **KW)
    assert out.attrs["dropped"] == 0


# ---------------------------------------------------------------- optional columns, blanks

def test_missing_optional_columns_listed_at_once_with_none():
    df = reversed_log().drop(index=7)
    with pytest.raises(CRMDataError, match=r"'first_response' \(first_response=\).*'outcome' \(outcome=\).*"
                                           r"optional: pass None.*first_response=None, outcome=None"):
        cp.complaint_kpis(df, satisfaction=None, reopened=None, contacts=None)


def test_pareto_blank_label_counts_blanks_as_one_category():
    df = pd.DataFrame({"category": ["a", "a", "a", None, "  ", "b"]})
    with pytest.raises(CRMDataError, match=r"blank='label'"):
        cp.pareto(df)
    p = cp.pareto(df, blank="label")
    assert p["count"].to_dict() == {"a": 3, cp.BLANK_LABEL: 2, "b": 1}
    assert df["category"].isna().sum() == 1  # not mutated


# ---------------------------------------------------------------- the real CFPB sample

@pytest.mark.skipif(not CFPB.exists(), reason=f"real CFPB sample not found at {CFPB} (kept outside the repo)")
def test_cfpb_durations_and_timely_share_match_pandas():
    raw = pd.read_csv(CFPB, dtype=str)
    recv = pd.to_datetime(raw["date_received"], format="%m/%d/%Y")
    sent = pd.to_datetime(raw["date_sent_to_company"], format="%m/%d/%Y")
    early = sent < recv
    assert early.sum() == 23
    with pytest.warns(CRMWarning, match=r"left out 23 of 1000"):
        s = cp.duration_summary(raw, "date_received", "date_sent_to_company", by="submitted_via", bad_rows="drop")
    assert s.attrs["dropped"] == 23 and s["n"].sum() == 977 and s["n_open"].sum() == 0
    hours = ((sent - recv).dt.days * 24)[~early]
    via = raw.loc[~early, "submitted_via"]
    tau = hours.max()  # nothing open: the longest duration, and every rmst_h is the plain mean
    assert (s["horizon_h"] == tau).all()
    np.testing.assert_allclose(s["rmst_h"], hours.clip(upper=tau).groupby(via).mean().reindex(s.index))
    np.testing.assert_allclose(s["median_h"], hours.groupby(via).quantile(0.5, interpolation="lower").reindex(s.index))
    # the forwarding delay within 15 days, against the same figure in pandas
    with pytest.warns(CRMWarning, match="left out 23"):
        t = cp.timely_share(raw, "date_received", "date_sent_to_company", bad_rows="drop")
    assert t.loc["all", "n"] == 977 and t.loc["all", "n_pending"] == 0
    assert t.loc["all", "share"] == pytest.approx((hours <= 15 * 24).mean())
    # blank sub-products labelled rather than refused
    p = cp.pareto(raw, category="sub_product", blank="label")
    assert p.loc[cp.BLANK_LABEL, "count"] == raw["sub_product"].isna().sum() and p["count"].sum() == 1000


def test_blank_group_labels_reported_as_a_group_when_asked():
    df = log4().assign(ch=["a", None, "a", " ", "b"])
    with pytest.raises(CRMDataError, match=r"'ch' has 2 missing or blank"):
        cp.duration_summary(df, by="ch")
    s = cp.duration_summary(df, by="ch", blank="label", as_of="2024-01-06")
    assert s["n"].to_dict() == {cp.BLANK_LABEL: 2, "a": 2, "b": 1}
    k = cp.complaint_kpis(df.rename(columns={"closed": "resolved"}), by="ch", blank="label", **KW)
    assert k.loc[cp.BLANK_LABEL, "open"] == 1
    t = cp.timely_share(df, "opened", "closed", by="ch", blank="label", as_of="2024-01-31")
    assert t.loc[cp.BLANK_LABEL, "n"] == 2 and t.loc[cp.BLANK_LABEL, "timely"] == 1
