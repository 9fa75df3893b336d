"""Tests for crmlab.complaints: hand-computed KPIs, invariants, ground truth, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import CRMDataError, CRMWarning, datasets
from crmlab import complaints as cp

END = "2024-01-10 00:00"


def ten_row_log() -> pd.DataFrame:
    """Ten complaints; rows 7 and 8 still open at END (censored at 24 h and 216 h).

    Resolution hours of the closed cases: 2, 4, 4, 10, 20, 30, 50, 100.
    Kaplan-Meier by hand: S(2)=.9, S(4)=.7, S(10)=.6, S(20)=.5, (24 censored),
    S(30)=.375, S(50)=.25, S(100)=.125 -> median 20 h, share resolved by
    48 h = .625, the 90th percentile is never reached.
    """
    opened = pd.Timestamp("2024-01-01") + pd.to_timedelta(range(10), unit="h")
    opened = opened.where(np.arange(10) != 7, pd.Timestamp("2024-01-09"))
    opened = opened.where(np.arange(10) != 8, pd.Timestamp("2024-01-01"))
    res_h = [2, 4, 4, 10, 20, 30, 50, None, None, 100]
    resp_h = [1, 1, 2, 2, 3, 3, 5, 1, 8, 1]
    resolved = [o + pd.Timedelta(hours=h) if h is not None else pd.NaT for o, h in zip(opened, res_h)]
    return pd.DataFrame({
        "complaint_id": range(1, 11),
        "opened": opened,
        "first_response": [o + pd.Timedelta(hours=h) for o, h in zip(opened, resp_h)],
        "resolved": pd.to_datetime(pd.Series(resolved)),
        "channel": ["phone"] * 5 + ["email"] * 5,
        "category": ["delivery"] * 6 + ["billing"] * 3 + ["staff"],
        "contacts": [1, 1, 2, 1, 3, 1, 2, 1, 4, 1],
        "outcome": ["full"] * 4 + ["partial", "partial", "none", None, None, "partial"],
        "satisfaction": [5, 4, 4, 5, 3, 2, 1, np.nan, np.nan, 3],
        "reopened": [False] * 6 + [True, False, True, True],
    })


def as_text(log: pd.DataFrame, fmt: str = "%Y-%m-%d %H:%M:%S") -> pd.DataFrame:
    """The same log as someone else's export: other column names, text timestamps, Yes/No flags."""
    def txt(s):
        return s.dt.strftime(fmt).astype("object").where(s.notna(), None)

    return pd.DataFrame({
        "Date received": txt(log["opened"]),
        "Date answered": txt(log["first_response"]),
        "Date closed": txt(log["resolved"]),
        "Via": log["channel"],
        "Issue": log["category"],
        "Touches": log["contacts"],
        "Result": log["outcome"],
        "CSAT": log["satisfaction"],
        "Reopened?": np.where(log["reopened"], "Yes", "No"),
    })


TEXT_COLUMNS = dict(opened="Date received", first_response="Date answered", resolved="Date closed",
                    contacts="Touches", outcome="Result", satisfaction="CSAT", reopened="Reopened?")


# ---------------------------------------------------------------- hand-computed

def test_kpis_ten_rows_by_hand():
    k = cp.complaint_kpis(ten_row_log(), orders=2000, sla_hours=48, end=END).iloc[0]
    assert k["n"] == 10 and k["open"] == 2
    assert k["per_1000_orders"] == pytest.approx(5.0)
    assert k["resolution_median_h"] == pytest.approx(20.0)
    assert np.isnan(k["resolution_p90_h"])  # 12.5% still open at the last resolution
    assert k["sla_share"] == pytest.approx(0.625)
    assert k["first_response_median_h"] == pytest.approx(2.0)
    assert k["fcr"] == pytest.approx(5 / 8)
    assert k["reopen_rate"] == pytest.approx(2 / 8)  # the open case's flag is not counted
    assert k["satisfaction_mean"] == pytest.approx(27 / 8)
    assert k["full_share"] == pytest.approx(4 / 8)


def test_kpis_resolved_only_is_the_naive_figure():
    k = cp.complaint_kpis(ten_row_log(), sla_hours=48, end=END, method="resolved_only").iloc[0]
    assert k["resolution_median_h"] == pytest.approx(10.0)  # lower median of 2,4,4,10,20,30,50,100
    assert k["resolution_p90_h"] == pytest.approx(100.0)
    assert k["sla_share"] == pytest.approx(6 / 8)


def test_kpis_by_group_by_hand():
    k = cp.complaint_kpis(ten_row_log(), by="channel", orders={"phone": 1000, "email": 500}, end=END)
    assert list(k.index) == ["email", "phone"]
    assert k.loc["phone", "resolution_median_h"] == pytest.approx(4.0)  # 2, 4, 4, 10, 20
    assert k.loc["phone", "per_1000_orders"] == pytest.approx(5.0)
    assert k.loc["email", "per_1000_orders"] == pytest.approx(10.0)
    assert k.loc["email", "open"] == 2


def test_text_timestamps_and_yes_no_flags_give_the_same_kpis():
    log = ten_row_log()
    mine = as_text(log)
    a = cp.complaint_kpis(log, by="channel", end=END)
    b = cp.complaint_kpis(mine, by="Via", end=END, **TEXT_COLUMNS)
    pd.testing.assert_frame_equal(a.rename_axis("Via"), b, check_exact=False)


def test_date_only_text_in_other_format_gives_same_kpis_as_kit_format():
    """Done-when check: dates like '2013-09-04', Yes/No flags, other names, keyword arguments only."""
    log = datasets.generate("complaint_log", seed=5, n=400).frame
    day = log.assign(**{c: log[c].dt.floor("D") for c in ("opened", "first_response", "resolved")})
    mine = as_text(day, fmt="%Y-%m-%d")
    assert mine["Date received"].iloc[0].count("-") == 2 and len(mine["Date received"].iloc[0]) == 10
    a = cp.complaint_kpis(day, by="channel", sla_hours=72)
    b = cp.complaint_kpis(mine, by="Via", sla_hours=72, **TEXT_COLUMNS)
    pd.testing.assert_frame_equal(a.rename_axis("Via"), b, check_exact=False)
    pa = cp.pareto(day, category="category")
    pb = cp.pareto(mine, category="Issue")
    np.testing.assert_allclose(pa["cum_share"], pb["cum_share"])


def test_resolution_curve_by_hand():
    c = cp.resolution_curve(ten_row_log(), hours=[0, 3, 4, 25, 48, 1000], end=END)
    np.testing.assert_allclose(c["share_resolved"], [0, 0.1, 0.3, 0.5, 0.625, 0.875])
    steps = cp.resolution_curve(ten_row_log(), end=END)
    assert steps["hours"].iloc[0] == 0 and steps["share_resolved"].iloc[-1] == pytest.approx(0.875)
    assert (steps["ci_low"] <= steps["share_resolved"]).all() and (steps["share_resolved"] <= steps["ci_high"]).all()


def test_pareto_by_hand():
    p = cp.pareto(pd.DataFrame({"category": list("aaaaaaaabbc")}))
    assert list(p.index) == ["a", "b", "c"]
    np.testing.assert_allclose(p["cum_share"], [8 / 11, 10 / 11, 1.0])
    assert list(p["abc"]) == ["A", "A", "B"]  # cumulative share before b is 8/11 < 0.8
    p = cp.pareto(pd.DataFrame({"category": list("a" * 16 + "bbb" + "c")}))
    assert list(p["abc"]) == ["A", "B", "C"]  # shares .80, .15, .05
    q = cp.pareto(ten_row_log())
    assert list(q.index) == ["delivery", "billing", "staff"] and list(q["count"]) == [6, 3, 1]


def test_queue_metrics_by_hand():
    calls = pd.DataFrame({"wait_seconds": [5.0, 10, 30, 60, 15],
                          "abandoned": ["No", "No", "No", "Yes", "No"],
                          "handled": ["Y", "Y", "Y", "N", "N"]})
    q = cp.queue_metrics(calls, threshold=20).iloc[0]
    assert q["mean_wait_s"] == pytest.approx(24.0)
    assert q["abandon_rate"] == pytest.approx(0.2)
    assert q["service_level"] == pytest.approx(2 / 5)  # 5 s and 10 s, handled
    assert q["asa_s"] == pytest.approx(15.0)  # (5 + 10 + 30) / 3
    assert q["p90_wait_s"] == pytest.approx(np.quantile([5, 10, 30, 60, 15], 0.9))


def test_word_of_mouth_by_hand():
    w = cp.word_of_mouth(1000, share_full=0.6)
    assert w.told_positive == pytest.approx(2700) and w.told_negative == pytest.approx(3800)
    assert w.told_20_plus == pytest.approx(120)
    assert w.customers_lost == pytest.approx(400 / 3)
    assert w.revenue_lost == pytest.approx(1000 * (400 / 3 + 180 * 0.5))
    assert w.revenue_gained == pytest.approx(30000)
    assert w.table.loc["total", "people_told"] == pytest.approx(6500)
    w2 = cp.word_of_mouth(1000, share_full=0.6, tell_full=5, tell_not_full=10, value_per_customer=0)
    assert (w2.told_positive, w2.told_negative, w2.revenue_at_risk) == (3000, 4000, 0)


def test_recovery_table_by_hand():
    cust = pd.DataFrame({
        "had_problem": ["No"] * 4 + ["Yes"] * 6,
        "complained": [False] * 4 + [True] * 4 + [False] * 2,
        "resolved": [None] * 4 + ["Y", "Y", "N", "N", None, None],
        "repurchased": [1, 1, 0, 0, 1, 1, 0, 1, 0, 1],
    })
    r = cp.recovery_table(cust)
    assert list(r.table["n"]) == [4, 2, 2, 2]
    np.testing.assert_allclose(r.table["rate"], [0.5, 1.0, 0.5, 0.5])
    assert r.difference == pytest.approx(0.5) and r.verdict == "not_shown" and not r.paradox
    assert r.diff_low < 0.5 < r.diff_high


def test_decision_walks():
    w = cp.walk_decision({"makes_up_loss": True, "can_provide": True, "offer_solution": True})
    assert w.path == ("define_problem", "find_want", "makes_up_loss", "can_provide", "offer_solution",
                      "record_solution")
    assert w.outcome == "resolved"
    w = cp.walk_decision({"makes_up_loss": "Yes", "can_provide": "No", "other_can_provide": "N",
                          "offer_solution": "no"})
    assert w.path[-4:] == ("other_options", "offer_solution", "escalate", "record_solution")
    assert w.outcome == "escalated"
    assert "Escalate" in w.describe() and "寻求上一级" in w.describe("zh")
    edges = cp.decision_model()
    assert set(edges["from"]) | set(edges["to"]) == set(cp.DECISION_NODES)
    assert (edges.groupby("from").size()[[k for k, v in cp.DECISION_NODES.items() if v == "question"]] == 2).all()


# ---------------------------------------------------------------- invariants

@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list("abcdefg")), min_size=1, max_size=60))
def test_pareto_invariants(cats):
    df = pd.DataFrame({"category": cats})
    before = df.copy()
    p = cp.pareto(df)
    pd.testing.assert_frame_equal(df, before)
    assert p["share"].sum() == pytest.approx(1.0)
    assert p["cum_share"].iloc[-1] == 1.0
    assert (np.diff(p["count"]) <= 0).all() and (np.diff(p["cum_share"]) > 0).all()
    assert list(p["abc"]) == sorted(p["abc"])  # A before B before C
    assert p["abc"].iloc[0] == "A"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(0.1, 500), st.booleans(), st.sampled_from(["x", "y"])), min_size=2, max_size=40))
def test_kpi_invariants(rows):
    start = pd.Timestamp("2024-01-01")
    h = np.array([r[0] for r in rows])
    closed = np.array([r[1] for r in rows])
    log = pd.DataFrame({"opened": start + pd.to_timedelta(np.arange(len(rows)), unit="min"),
                        "resolved": pd.Series(start + pd.to_timedelta(np.arange(len(rows)), unit="min")
                                              + pd.to_timedelta(h, unit="h")).where(closed),
                        "g": [r[2] for r in rows]})
    before = log.copy()
    k = cp.complaint_kpis(log, by="g", end="2024-02-01", first_response=None, outcome=None,
                          satisfaction=None, reopened=None, contacts=None)
    pd.testing.assert_frame_equal(log, before)
    ok = k["resolution_p90_h"].notna()
    assert (k.loc[ok, "resolution_median_h"] <= k.loc[ok, "resolution_p90_h"]).all()
    assert k["sla_share"].between(0, 1).all() and k["n"].sum() == len(rows)
    curve = cp.resolution_curve(log, by="g", end="2024-02-01")
    for _, c in curve.groupby("group"):
        assert (np.diff(c["share_resolved"]) >= -1e-12).all()


def test_shares_sum_to_one_and_no_mutation_on_shipped_data():
    log = datasets.load("complaint_log")
    before = log.copy()
    k = cp.complaint_kpis(log, by="channel")
    cp.resolution_curve(log, by="channel")
    pd.testing.assert_frame_equal(log, before)
    assert k["n"].sum() == len(log) and k["open"].sum() == log["resolved"].isna().sum()
    assert (k["resolution_median_h"] <= k["resolution_p90_h"]).all()
    assert (k["first_response_median_h"] <= k["resolution_median_h"]).all()
    cust = datasets.load("complaint_customers")
    r = cp.recovery_table(cust)
    assert r.table["n"].sum() == len(cust)
    queue = datasets.load("contact_queue")
    q = cp.queue_metrics(queue.assign(quarter=queue["arrived"].dt.quarter), by="quarter")
    assert q["calls"].sum() == len(queue)
    assert (q["service_level"] <= 1 - q["abandon_rate"]).all() and (q["mean_wait_s"] <= q["p90_wait_s"]).all()


# ---------------------------------------------------------------- ground truth

def test_recovers_true_resolution_time_distribution():
    g = datasets.generate("complaint_log", seed=11, n=40000)
    k = cp.complaint_kpis(g.frame)
    true = g.truth["latent_resolution_h"]
    # tolerance: 3% of the true value (sampling error of a quantile at n=40,000 is about 1%)
    assert k["resolution_median_h"].item() == pytest.approx(true["median"], rel=0.03)
    assert k["resolution_p90_h"].item() == pytest.approx(true["p90"], rel=0.03)
    by = cp.complaint_kpis(g.frame, by="channel")
    for ch, tq in g.truth["latent_resolution_h_by_channel"].items():
        assert by.loc[ch, "resolution_median_h"] == pytest.approx(tq["median"], rel=0.05)


def test_recovers_true_recovery_effect_raw_and_adjusted():
    g = datasets.generate("complaint_customers", seed=3, n_complaints=20000, n_silent=20000, n_no_problem=40000)
    r = cp.recovery_table(g.frame)
    # the raw comparison recovers the raw (selected) difference, not the causal one
    assert r.diff_low < g.truth["recovery_effect_raw"] < r.diff_high
    assert r.difference == pytest.approx(g.truth["recovery_effect_raw"], abs=0.015) and r.paradox
    assert not r.diff_low < g.truth["recovery_effect"] < r.diff_high
    for group, p in g.truth["repurchase_p"].items():
        assert r.table.loc[group, "rate"] == pytest.approx(p, abs=0.02)
    a = cp.recovery_adjusted(g.frame, by="tier")
    # within tiers the causal effect (1 point) is recovered; tolerance 1.5 points at these sizes
    assert a.diff_low < g.truth["recovery_effect"] < a.diff_high
    assert a.difference == pytest.approx(g.truth["recovery_effect"], abs=0.015)
    assert a.raw == pytest.approx(r.difference)
    u = cp.recovery_adjusted(g.frame, by="tier", groups=("complained_resolved", "complained_unresolved"))
    assert u.difference == pytest.approx(g.truth["resolution_effect"], abs=0.02)
    assert u.raw > u.difference  # selection inflates the raw gap here too
    # the confounder is really there: gold members are resolved more often, and complain more
    ft, ct = g.truth["full_resolution_p_given_tier"], g.truth["complain_p_given_tier"]
    assert ft["gold"] > ft["silver"] > ft["basic"] and ct["gold"] > ct["basic"]


def test_recovery_adjusted_by_hand():
    # two strata; resolved (complained & resolved) vs no problem
    rows = ([("a", False, False, False, True)] * 6 + [("a", False, False, False, False)] * 4      # no problem a: 6/10
            + [("a", True, True, True, True)] * 3 + [("a", True, True, True, False)] * 1          # resolved a: 3/4
            + [("b", False, False, False, True)] * 1 + [("b", False, False, False, False)] * 1    # no problem b: 1/2
            + [("b", True, True, True, True)] * 5 + [("b", True, True, True, False)] * 1)         # resolved b: 5/6
    df = pd.DataFrame(rows, columns=["tier", "had_problem", "complained", "resolved", "repurchased"])
    before = df.copy()
    a = cp.recovery_adjusted(df, by="tier")
    pd.testing.assert_frame_equal(df, before)
    w = np.array([4, 6]) / 10
    d = np.array([3 / 4 - 6 / 10, 5 / 6 - 1 / 2])
    assert a.difference == pytest.approx(float(w @ d))
    var = w[0] ** 2 * (0.75 * 0.25 / 4 + 0.6 * 0.4 / 10) + w[1] ** 2 * (5 / 6 * 1 / 6 / 6 + 0.25 / 2)
    assert a.diff_high - a.difference == pytest.approx(1.959964 * var ** 0.5, rel=1e-5)
    assert a.raw == pytest.approx(8 / 10 - 7 / 12)
    assert a.table.loc["b", "weight"] == pytest.approx(0.6)
    with pytest.raises(CRMDataError, match="'tier'.*'b'"):
        cp.recovery_adjusted(df[~((df["tier"] == "b") & ~df["had_problem"])], by="tier")
    with pytest.raises(CRMDataError, match="groups="):
        cp.recovery_adjusted(df, by="tier", groups=("complained_resolved", "complained_resolved"))


def test_restricted_mean_by_hand():
    # durations 2 h (closed), 4 h (opened at 04:00, open at the end 08:00), 6 h (closed)
    log = pd.DataFrame({"opened": ["2024-01-01 00:00", "2024-01-01 04:00", "2024-01-01 00:00"],
                        "resolved": ["2024-01-01 02:00", None, "2024-01-01 06:00"]})
    before = log.copy()
    r = cp.restricted_mean(log, horizon=8, end="2024-01-01 08:00")
    pd.testing.assert_frame_equal(log, before)
    # S = 1 on [0, 2), 2/3 on [2, 6) (n = 3, d = 1 at 2 h), 0 from 6 h (n = d = 1): 2 + 2/3 * 4
    assert r["rmst_h"].item() == pytest.approx(2 + 8 / 3)
    # var = A(2)^2 * d / (n (n - d)) = (8/3)^2 / 6; the 6 h step (n = d) adds nothing
    assert r["se_h"].item() == pytest.approx(((8 / 3) ** 2 / 6) ** 0.5)
    assert r["share_beyond"].item() == 0 and r["open"].item() == 1 and r["horizon_h"].item() == 8
    assert cp.restricted_mean(log, horizon=3, end="2024-01-01 08:00")["rmst_h"].item() == pytest.approx(2 + 2 / 3)
    # end 05:00: the 6 h case is open too and the curve is known only to 4 h; a horizon of 8 h warns
    with pytest.warns(CRMWarning, match="horizon"):
        cp.restricted_mean(log, horizon=8, end="2024-01-01 05:00")
    with pytest.raises(CRMDataError, match="horizon"):
        cp.restricted_mean(log, horizon=0)


def test_restricted_mean_without_open_cases_is_the_capped_mean():
    rng = np.random.default_rng(4)
    hours = rng.exponential(30, 500)
    log = pd.DataFrame({"opened": pd.Timestamp("2024-01-01"), "g": rng.choice(["x", "y"], 500)})
    log["resolved"] = log["opened"] + pd.to_timedelta(np.round(hours * 3600), unit="s")
    r = cp.restricted_mean(log, horizon=48, by="g", end="2025-01-01")
    capped = (np.round(hours * 3600) / 3600).clip(max=48)
    for g in ("x", "y"):
        assert r.loc[g, "rmst_h"] == pytest.approx(capped[log["g"] == g].mean(), rel=1e-9)


def test_restricted_mean_recovers_the_true_capped_mean():
    g = datasets.generate("complaint_log", seed=11, n=40000)
    r = cp.restricted_mean(g.frame, horizon=720)
    assert r["ci_low"].item() < r["rmst_h"].item() < r["ci_high"].item()
    closed = ((g.frame["resolved"] - g.frame["opened"]).dt.total_seconds() / 3600).dropna()
    # with open cases the closed-only capped mean is biased low; the RMST is not below it
    assert r["rmst_h"].item() >= closed.clip(upper=720).mean()


def test_recovers_true_abandonment():
    g = datasets.generate("contact_queue", seed=9, n=60000)
    q = cp.queue_metrics(g.frame)
    assert q["abandon_rate"].item() == pytest.approx(g.truth["abandon_p"], abs=0.01)


# ---------------------------------------------------------------- bad input

def test_resolved_before_opened():
    log = ten_row_log()
    log.loc[3, "resolved"] = log.loc[3, "opened"] - pd.Timedelta(hours=1)
    with pytest.raises(CRMDataError, match="'resolved' is earlier than 'opened'"):
        cp.complaint_kpis(log, end=END)


def test_unparseable_date():
    mine = as_text(ten_row_log())
    mine.loc[2, "Date closed"] = "yesterday"
    with pytest.raises(CRMDataError, match="Date closed.*yesterday"):
        cp.complaint_kpis(mine, end=END, **TEXT_COLUMNS)


def test_unknown_flag_text():
    mine = as_text(ten_row_log())
    mine.loc[4, "Reopened?"] = "maybe"
    with pytest.raises(CRMDataError, match="Reopened\\?.*maybe"):
        cp.complaint_kpis(mine, end=END, **TEXT_COLUMNS)


def test_missing_column():
    with pytest.raises(CRMDataError, match="'resolved' is missing"):
        cp.complaint_kpis(ten_row_log().drop(columns="resolved"))
    with pytest.raises(CRMDataError, match="'category' is missing"):
        cp.pareto(ten_row_log().drop(columns="category"))


def test_empty_log():
    with pytest.raises(CRMDataError, match="0 rows"):
        cp.complaint_kpis(ten_row_log().iloc[:0])
    with pytest.raises(CRMDataError, match="0 rows"):
        cp.pareto(ten_row_log().iloc[:0])


def test_missing_opened_and_opened_after_end():
    log = ten_row_log()
    log.loc[1, "opened"] = pd.NaT
    with pytest.raises(CRMDataError, match="'opened' has 1 missing"):
        cp.complaint_kpis(log, end=END)
    with pytest.raises(CRMDataError, match="'opened' has cases opened after"):
        cp.complaint_kpis(ten_row_log(), end="2024-01-05")


def test_other_bad_inputs():
    with pytest.raises(CRMDataError, match="satisfaction"):
        cp.complaint_kpis(ten_row_log().assign(satisfaction=[6] + [3] * 9), end=END)
    with pytest.raises(CRMDataError, match="contacts"):
        cp.complaint_kpis(ten_row_log().assign(contacts=0), end=END)
    with pytest.raises(CRMDataError, match="sla_hours"):
        cp.complaint_kpis(ten_row_log(), sla_hours=-1, end=END)
    with pytest.raises(CRMDataError, match="orders"):
        cp.complaint_kpis(ten_row_log(), by="channel", orders={"phone": 10}, end=END)
    with pytest.raises(CRMDataError, match="'category' has 1 missing"):
        cp.pareto(ten_row_log().assign(category=["a"] * 9 + [None]))
    with pytest.raises(CRMDataError, match="share_full"):
        cp.word_of_mouth(100, share_full=1.5)
    with pytest.raises(CRMDataError, match="boycott_share"):
        cp.word_of_mouth(100, boycott_share=0.6, reduce_share=0.6)
    with pytest.raises(CRMDataError, match="'abandoned'.*'sometimes'"):
        cp.queue_metrics(pd.DataFrame({"wait_seconds": [1.0], "abandoned": ["sometimes"], "handled": [True]}))
    with pytest.raises(CRMDataError, match="wait_seconds"):
        cp.queue_metrics(pd.DataFrame({"wait_seconds": [-1.0], "abandoned": [False], "handled": [True]}))
    with pytest.raises(CRMDataError, match="'had_problem' is false for customers who complained"):
        cp.recovery_table(pd.DataFrame({"had_problem": [False, False], "complained": [True, False],
                                        "resolved": [True, False], "repurchased": [1, 0]}))
    with pytest.raises(CRMDataError, match="offer_solution"):
        cp.walk_decision({"makes_up_loss": True, "can_provide": True})
    with pytest.raises(CRMDataError, match="'makes_up_loss'.*'perhaps'"):
        cp.walk_decision({"makes_up_loss": "perhaps"})
    with pytest.raises(CRMDataError, match="unknown question"):
        cp.walk_decision({"define_problem": True})


# ---------------------------------------------------------------- real data nobody here generated

CFPB = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "cfpb_CapitalPrince100_Consumer_Complaints.csv"


@pytest.mark.skipif(not CFPB.exists(), reason=f"real CFPB sample not found at {CFPB} (kept outside the repo)")
def test_helpers_on_real_cfpb_complaints():
    raw = pd.read_csv(CFPB, dtype=str)
    cols = dict(opened="date_received", resolved="date_sent_to_company", first_response=None, outcome=None,
                satisfaction=None, contacts=None, reopened="consumer_disputed?")
    # real data is messy: 23 complaints were "sent to the company" the day before they were received
    with pytest.raises(CRMDataError, match="'date_sent_to_company' is earlier than 'date_received' in 23 row"):
        cp.complaint_kpis(raw, **cols)
    sent_early = (pd.to_datetime(raw["date_sent_to_company"], format="%m/%d/%Y")
                  < pd.to_datetime(raw["date_received"], format="%m/%d/%Y"))
    cfpb = raw[~sent_early]
    k = cp.complaint_kpis(cfpb, by="submitted_via", sla_hours=24 * 5, **cols)
    assert k["n"].sum() == len(cfpb) == 977 and k["open"].sum() == 0
    days = (pd.to_datetime(cfpb["date_sent_to_company"], format="%m/%d/%Y")
            - pd.to_datetime(cfpb["date_received"], format="%m/%d/%Y")).dt.days * 24
    by_via = days.groupby(cfpb["submitted_via"])
    # no open cases: the Kaplan-Meier median is the lower sample median
    lower_median = by_via.quantile(0.5, interpolation="lower")
    np.testing.assert_allclose(k["resolution_median_h"], lower_median.reindex(k.index))
    np.testing.assert_allclose(k["sla_share"], (days <= 120).groupby(cfpb["submitted_via"]).mean().reindex(k.index))
    disputed = (cfpb["consumer_disputed?"] == "Yes").groupby(cfpb["submitted_via"]).mean()
    np.testing.assert_allclose(k["reopen_rate"], disputed.reindex(k.index))
    p = cp.pareto(cfpb, category="product")
    assert p["count"].sum() == 977 and p["cum_share"].iloc[-1] == 1.0
    assert p.index[0] == cfpb["product"].value_counts().index[0]


# ---------------------------------------------------------------- plots and widget

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_plot_draws_in_both_languages(lang):
    import matplotlib.pyplot as plt

    from crmlab import plots
    from crmlab.labels import t

    log = ten_row_log()
    cust = datasets.generate("complaint_customers", seed=1, n_complaints=200, n_silent=200, n_no_problem=300).frame
    calls = datasets.generate("contact_queue", seed=1, n=300).frame
    rec = cp.recovery_table(cust)
    walk = cp.walk_decision({"makes_up_loss": False, "offer_solution": True})
    fig, axes = plt.subplots(2, 4, figsize=(16, 8))
    try:
        drawn = [
            plots.resolution_curve_plot(cp.resolution_curve(log, by="channel", end=END), sla_hours=48,
                                        ax=axes[0, 0], lang=lang),
            plots.pareto_chart(cp.pareto(log), ax=axes[0, 1], lang=lang),
            plots.channel_times(cp.complaint_kpis(log, by="channel", end=END).fillna(0), ax=axes[0, 2], lang=lang,
                                sla_hours=48),
            plots.queue_plot(calls, cp.queue_metrics(calls), ax=axes[0, 3], lang=lang),
            plots.word_of_mouth_bars(cp.word_of_mouth(100, 0.5), ax=axes[1, 0], lang=lang),
            plots.recovery_bars(rec, ax=axes[1, 1], lang=lang),
            plots.effect_vs_truth(rec, 0.06, ax=axes[1, 2], lang=lang),
            plots.decision_model_chart(walk.path, ax=axes[1, 3], lang=lang),
        ]
        fig.canvas.draw()  # a missing glyph would warn, and warnings from matplotlib are errors here
        assert drawn[7].get_title() == t("cp_dm_title", lang)
        assert drawn[1].get_title().startswith(t("cp_pareto_title", lang, k=1, m=3, pct=60)[:8])
        assert len(drawn[7].patches) == len(cp.DECISION_NODES)
    finally:
        plt.close(fig)


def test_widget_builds_and_recomputes():
    import matplotlib.pyplot as plt

    from crmlab.widgets import word_of_mouth_explorer

    box = word_of_mouth_explorer(1000, share_full=0.6)
    sliders = box.children[0].children[0].children
    text = box.children[0].children[1]
    assert "2,700" in text.value and "3,800" in text.value
    sliders[1].value = 1.0  # everything fully resolved: no bad stories
    assert "<b>0</b>" in text.value
    plt.close("all")


def test_end_before_a_resolution_counts_the_case_as_open():
    log = ten_row_log().drop(index=7)  # row 7 is opened after the earlier end
    k = cp.complaint_kpis(log, end="2024-01-02 00:00").iloc[0]
    # closed by then: rows 0-4 (row 4 exactly at the end); rows 5, 6, 9 close later, row 8 never
    assert k["open"] == 4
    assert k["reopen_rate"] == 0  # the reopened rows 6 and 9 were not closed yet
    with pytest.raises(CRMDataError, match="opened after"):
        cp.complaint_kpis(ten_row_log(), end="2024-01-02 00:00")


def test_full_value_is_a_parameter():
    log = ten_row_log().assign(outcome=lambda d: d["outcome"].str.upper())
    assert cp.complaint_kpis(log, end=END)["full_share"].item() == 0
    assert cp.complaint_kpis(log, end=END, full="FULL")["full_share"].item() == pytest.approx(0.5)
