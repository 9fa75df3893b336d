"""Complaint handling (顾客抱怨与投诉): log KPIs, Pareto, the queue, word of mouth, recovery.

Each function takes a DataFrame plus column names (defaults match
``crmlab.datasets.load("complaint_log")``, ``"complaint_customers"`` and
``"contact_queue"``), validates its input, never modifies it, and returns a
DataFrame or a small frozen dataclass. Timestamps may be given as text
("2013-09-04", "2013-09-04 10:30", "9/4/2013") and yes/no flags as booleans,
0/1 or text ("Yes"/"No", "Y"/"N"); anything that cannot be read raises
:class:`crmlab.CRMDataError` naming the column and showing the values.

Open cases are never dropped silently. A case without a resolution time at
the end of the observation window (``end``, default: the latest timestamp in
the log) is *right-censored*: we know it took at least ``end - opened``.
Resolution-time medians, 90th percentiles and the share resolved within the
SLA are therefore Kaplan-Meier estimates (Kaplan & Meier 1958), which use the
open cases for as long as they were observed. ``method="resolved_only"``
gives the naive figures (open cases dropped) for comparison.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmlab import validate as v
import warnings

from crmlab.errors import CRMDataError, CRMWarning
from crmlab.stats import diff_ci, wilson_ci

__all__ = [
    "complaint_kpis", "resolution_curve", "kaplan_meier", "restricted_mean", "duration_summary", "timely_share",
    "pareto", "queue_metrics", "BLANK_LABEL",
    "word_of_mouth", "WordOfMouth", "outcome_mix", "recovery_table", "RecoveryResult", "RECOVERY_GROUPS",
    "recovery_adjusted", "AdjustedRecovery",
    "DECISION_NODES", "DECISION_EDGES", "decision_model", "walk_decision", "DecisionWalk",
]

_HOUR = np.timedelta64(3600, "s")

#: The label a blank category gets with ``blank="label"``.
BLANK_LABEL = "(blank)"


def _drop_reversed(log: pd.DataFrame, start: str, stops, bad_rows: str) -> tuple[pd.DataFrame, int]:
    """The ``bad_rows`` policy for a stop timestamp earlier than the start timestamp.

    ``"error"``: the log comes back unchanged (:func:`_durations` then raises,
    naming ``bad_rows="drop"``). ``"drop"``: those rows are left out, with a
    :class:`CRMWarning` giving the count; returns ``(log, n_dropped)``.
    """
    v.require_choice(bad_rows, ["error", "drop"], "bad_rows")
    if bad_rows == "error":
        return log, 0
    t0 = v.to_datetime(log, start).astype("datetime64[us]")
    before = np.zeros(len(log), dtype=bool)
    for stop in stops:
        if stop:
            t1 = v.to_datetime(log, stop, allow_missing=True).astype("datetime64[us]")
            before |= (t1 < t0).to_numpy()
    n = int(before.sum())
    if n == 0:
        return log, 0
    if n == len(log):
        raise CRMDataError(f"every row of the complaint log has {', '.join(repr(c) for c in stops if c)} earlier "
                           f"than {start!r}, so bad_rows='drop' would leave nothing. "
                           "Fix: check that the start and end columns are not swapped.")
    warnings.warn(f"bad_rows='drop' left out {n} of {len(log)} row(s) whose "
                  f"{' or '.join(repr(c) for c in stops if c)} is earlier than {start!r} (row(s) "
                  f"{v._rows(before, log.index)}); the figures use {len(log) - n}. "
                  "Fix: nothing if that is intended; otherwise correct those timestamps.", CRMWarning, stacklevel=3)
    return log.loc[~before], n


def _with_times(log: pd.DataFrame, start: str, stops) -> pd.DataFrame:
    """The timestamp columns parsed once (text, YYYYMMDD numbers, ...), so later steps do not parse again."""
    cols = {start: v.to_datetime(log, start)}
    for c in stops:
        if c and c not in cols:
            cols[c] = v.to_datetime(log, c, allow_missing=True)
    if all(log[c].dtype == x.dtype for c, x in cols.items()):
        return log
    return log.assign(**cols)


def _label_blanks(log: pd.DataFrame, column: str | None, blank: str) -> pd.DataFrame:
    """The ``blank`` policy for a category or group column: ``"error"`` (unchanged: the validators
    refuse missing labels) or ``"label"`` (missing and blank labels become ``"(blank)"``)."""
    v.require_choice(blank, ["error", "label"], "blank")
    if blank == "error" or column is None or column not in log.columns:
        return log
    cat = log[column]
    empty = cat.isna() | (cat.astype("string").str.strip() == "").fillna(True)
    if not empty.any():
        return log
    return log.assign(**{column: cat.astype(object).where(~empty, BLANK_LABEL).astype(str)})


def _optional_columns(log: pd.DataFrame, optional: Mapping[str, str | None], name: str = "complaint log") -> None:
    """Optional columns that are named but absent: one error listing them all, saying None skips them."""
    absent = {arg: col for arg, col in optional.items() if col is not None and col not in log.columns}
    if absent:
        have = ", ".join(map(repr, list(log.columns)[:12])) or "no columns"
        raise CRMDataError(
            f"optional column(s) {', '.join(f'{c!r} ({a}=)' for a, c in absent.items())} missing from {name}. "
            f"The data has: {have}. These columns are optional: pass None to skip them. Fix: "
            + ", ".join(f"{a}=None" for a in absent) + " (their figures are then left out), or "
            + "name your columns, e.g. " + ", ".join(f"{a}='<your column>'" for a in list(absent)[:2]) + "."
        )


# ---------------------------------------------------------------- reading the log

def _durations(df: pd.DataFrame, start: str, stop: str, end) -> tuple[np.ndarray, np.ndarray]:
    """Hours from ``start`` to ``stop`` and whether ``stop`` happened (else censored at ``end``)."""
    t0 = v.to_datetime(df, start)
    t1 = v.to_datetime(df, stop, allow_missing=True)
    t0 = t0.astype("datetime64[us]")
    t1 = t1.astype("datetime64[us]")
    before = t1 < t0
    if before.any():
        bad = df.loc[before.to_numpy(), [start, stop]].astype("string").agg(" -> ".join, axis=1)
        raise CRMDataError(
            f"column {stop!r} is earlier than {start!r} in {int(before.sum())} row(s): {v.show_values(bad)}. "
            f"Fix: correct those timestamps ({stop!r} must not be before {start!r}), or pass "
            "bad_rows='drop' to leave those rows out (their count is reported)."
        )
    event = t1.notna().to_numpy()
    if end is None:
        end = t1.max() if event.any() else t0.max()
        end = max(end, t0.max())
    else:
        end = v.to_timestamp(end, "end")
    late = t0 > end
    if late.any():
        raise CRMDataError(
            f"column {start!r} has cases opened after end={end}: {v.show_values(df[start][late.to_numpy()])}. "
            "Fix: pass a later end, or drop those cases."
        )
    after = (t1 > end).to_numpy()  # resolved after the end of the window: still open as seen at ``end``
    event = event & ~after
    a0 = t0.to_numpy()
    a1 = np.where(event, t1.to_numpy(), np.datetime64(end, "us"))
    hours = (a1 - a0) / _HOUR
    return hours.astype("float64"), event


def _group_codes(df: pd.DataFrame, by: str | None):
    if by is None:
        return np.zeros(len(df), dtype=np.int64), pd.Index(["all"], name="group")
    v.require_group_labels(df, by)
    codes, uniques = pd.factorize(df[by], sort=True)
    return codes.astype(np.int64), pd.Index(uniques, name=by)


# ---------------------------------------------------------------- Kaplan-Meier

def _km(hours: np.ndarray, event: np.ndarray, codes: np.ndarray):
    """Kaplan-Meier steps per group: (group code, time, at risk, events, survival, greenwood var)."""
    order = np.lexsort((~event, hours, codes))
    g, t, e = codes[order], hours[order], event[order]
    n = len(t)
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = (g[1:] != g[:-1]) | (t[1:] != t[:-1])
    run_id = np.cumsum(new_run) - 1
    run_start = np.flatnonzero(new_run)
    rg, rt = g[run_start], t[run_start]
    d = np.bincount(run_id, weights=e, minlength=len(run_start))
    group_end = np.searchsorted(g, rg, side="right")
    at_risk = (group_end - run_start).astype("float64")
    keep = d > 0
    rg, rt, d, at_risk = rg[keep], rt[keep], d[keep], at_risk[keep]
    with np.errstate(divide="ignore", invalid="ignore"):
        gw_step = d / (at_risk * (at_risk - d))
    gw_step = np.where(np.isfinite(gw_step), gw_step, 0.0)
    # products and sums restarted at each group
    grp = pd.Series(rg)
    surv = pd.Series(1 - d / at_risk).groupby(grp).cumprod().to_numpy()
    var = surv**2 * pd.Series(gw_step).groupby(grp).cumsum().to_numpy()
    return rg, rt, at_risk, d, surv, var


def _km_quantiles(steps, n_groups: int, qs: Sequence[float]) -> np.ndarray:
    """Smallest time at which the share resolved reaches q, per group (NaN if never)."""
    rg, rt, _, _, surv, _ = steps
    out = np.full((n_groups, len(qs)), np.nan)
    bounds = np.searchsorted(rg, np.arange(n_groups + 1))
    for k in range(n_groups):  # one pass per group, not per row
        s, t = surv[bounds[k]:bounds[k + 1]], rt[bounds[k]:bounds[k + 1]]
        for j, q in enumerate(qs):
            idx = np.searchsorted(-s, -(1 - q) - 1e-12, side="left")
            if idx < len(s):
                out[k, j] = t[idx]
    return out


def _km_at(steps, n_groups: int, h: float) -> np.ndarray:
    """Share resolved by hour h per group: 1 - S(h)."""
    rg, rt, _, _, surv, _ = steps
    out = np.zeros(n_groups)
    bounds = np.searchsorted(rg, np.arange(n_groups + 1))
    for k in range(n_groups):
        s, t = surv[bounds[k]:bounds[k + 1]], rt[bounds[k]:bounds[k + 1]]
        idx = np.searchsorted(t, h, side="right")
        out[k] = 0.0 if idx == 0 else 1 - s[idx - 1]
    return out


def kaplan_meier(hours, resolved, by=None) -> pd.DataFrame:
    """Kaplan-Meier table from durations and event flags (arrays or Series).

    S(t) = prod over event times t_i <= t of (1 - d_i / n_i), with d_i cases
    resolved at t_i and n_i cases still open just before t_i (open cases
    leave the risk set at their censoring time). Returns one row per event
    time: ``group, hours, at_risk, resolved, share_resolved`` (= 1 - S).
    """
    frame = {}
    for name, arg in (("hours", hours), ("resolved", resolved), ("by", by)):
        if arg is None and name == "by":
            continue
        if isinstance(arg, (pd.DataFrame, str, bytes, Mapping)) or np.ndim(arg) != 1:
            raise CRMDataError(f"{name} must be one column of values (a Series, list or 1-d array), got "
                               f"{type(arg).__name__}. Fix: pass e.g. {name}=log[{name!r}].")
        frame[name] = pd.Series(arg).reset_index(drop=True)
    lengths = {k: len(s) for k, s in frame.items()}
    if len(set(lengths.values())) > 1:
        raise CRMDataError("hours, resolved (and by) must have the same length, got "
                           + ", ".join(f"{k}: {n}" for k, n in lengths.items())
                           + ". Fix: take them from the same table, one value per case.")
    if lengths["hours"] == 0:
        raise CRMDataError("hours is empty. Fix: pass one duration per case.")
    data = pd.DataFrame(frame)
    v.require_numeric(data, ["hours"])
    v.require_no_missing(data, ["hours"], fix="an open case has its hours so far (until the end of the window) "
                                              "and resolved=False; drop cases with no duration.")
    v.require_nonnegative(data, ["hours"], fix="a duration cannot be negative; check the opened and resolved times.")
    hours = data["hours"].to_numpy(dtype="float64")
    event = v.to_bool(data, "resolved").to_numpy(dtype=bool)
    if by is None:
        codes, groups = np.zeros(len(hours), dtype=np.int64), pd.Index(["all"])
    else:
        v.require_group_labels(data, "by")
        c, groups = pd.factorize(data["by"], sort=True)
        codes = c.astype(np.int64)
    rg, rt, at_risk, d, surv, _ = _km(hours, event, codes)
    return pd.DataFrame({"group": groups[rg], "hours": rt, "at_risk": at_risk.astype("int64"),
                         "resolved": d.astype("int64"), "share_resolved": 1 - surv})



def restricted_mean(log: pd.DataFrame, horizon: float, by: str | None = None, end=None,
                    opened: str = "opened", resolved: str = "resolved", confidence: float = 0.95,
                    bad_rows: str = "error") -> pd.DataFrame:
    """Average resolution time with open cases: the restricted mean (RMST) up to ``horizon`` hours.

    The plain mean of resolution times needs every case closed; with open
    (right-censored) cases it is not defined, and the mean of the closed
    cases only is biased low. The restricted mean is the area under the
    Kaplan-Meier curve of "still open" up to a stated horizon tau:
    RMST(tau) = integral from 0 to tau of S(t) dt = sum over the steps of
    S * width, i.e. the mean of min(T, tau), the average hours a case stays
    open counting at most tau. Variance (Klein & Moeschberger 2003, 4.5):
    var = sum over resolution times t_i <= tau of A_i^2 d_i / (n_i (n_i - d_i)),
    A_i = integral from t_i to tau of S(t) dt; interval RMST +- z * se.

    Columns: ``n, open, horizon_h, rmst_h, se_h, ci_low, ci_high, share_beyond``
    (1 - the share resolved by tau: the cases the horizon caps). A horizon
    beyond the last observed duration of a group whose curve has not reached
    100% extrapolates the curve flat and warns (:class:`crmlab.CRMWarning`).

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    horizon : float
        The horizon tau in hours (state it with the figure: restricted means compare only at one tau).
    by : str, optional
        Column to group by (e.g. "channel"); None: one row ``all``.
    end : str or Timestamp, optional
        End of the observation window (default: the latest timestamp in the log).
    opened, resolved : str
        Timestamp columns (an empty ``resolved`` is an open case).
    confidence : float, default 0.95
        Level of the interval.
    bad_rows : {"error", "drop"}, default "error"
        A row whose ``resolved`` is earlier than ``opened``: ``"error"`` stops
        and names the rows; ``"drop"`` leaves them out with a
        :class:`crmlab.CRMWarning` and reports the count in ``.attrs["dropped"]``.

    Example
    -------
    >>> log = pd.DataFrame({"opened": ["2024-01-01 00:00"] * 3,
    ...                     "resolved": ["2024-01-01 02:00", None, "2024-01-01 06:00"]})
    >>> r = restricted_mean(log, horizon=4, end="2024-01-01 04:00:00")
    >>> round(r["rmst_h"].item(), 3)  # 1 x 2 h + 2/3 x 2 h (the 6 h case is open at the end)
    3.333

    Source: Royston & Parmar (2013) for the restricted mean as a summary of
    censored durations; Kaplan & Meier (1958); Klein & Moeschberger (2003).
    See READINGS.md.
    """
    v.require_frame(log, "complaint log")
    v.require_columns(log, [opened, resolved, *([by] if by else [])], "complaint log")
    tau = v.require_positive(horizon, "horizon")
    from crmlab.stats import z_quantile
    z = z_quantile(confidence)
    log = _with_times(log, opened, [resolved])
    log, dropped = _drop_reversed(log, opened, [resolved], bad_rows)
    codes, groups = _group_codes(log, by)
    h, e = _durations(log, opened, resolved, end)
    k = len(groups)
    rg, rt, at_risk, d, surv, _ = _km(h, e, codes)
    bounds = np.searchsorted(rg, np.arange(k + 1))
    rmst, se, beyond = np.zeros(k), np.zeros(k), np.zeros(k)
    longest = pd.Series(h).groupby(codes).max().reindex(range(k)).to_numpy()
    short = []
    for g in range(k):  # one pass per group, vectorised within
        t, s = rt[bounds[g]:bounds[g + 1]], surv[bounds[g]:bounds[g + 1]]
        ni, di = at_risk[bounds[g]:bounds[g + 1]], d[bounds[g]:bounds[g + 1]]
        m = int(np.searchsorted(t, tau, side="right"))
        t, s, ni, di = t[:m], s[:m], ni[:m], di[:m]
        breaks = np.concatenate([[0.0], t, [tau]])
        level = np.concatenate([[1.0], s])
        pieces = level * np.diff(breaks)
        rmst[g] = math.fsum(pieces)
        tail = np.cumsum(pieces[::-1])[::-1][1:]  # A_i: area from t_i to tau
        with np.errstate(divide="ignore", invalid="ignore"):
            step = np.where(ni > di, di / (ni * (ni - di)), 0.0)
        se[g] = math.sqrt(math.fsum(tail**2 * step))
        beyond[g] = level[-1]
        if tau > longest[g] and level[-1] > 0:  # the curve is unknown after the last (censored) case
            short.append(str(groups[g]))
    if short:
        warnings.warn(f"horizon={horizon!r} h is beyond the longest observed duration of group(s) "
                      f"{', '.join(short[:5])}: the curve is extended flat there. Fix: choose a horizon "
                      "within the follow-up of every group.", CRMWarning, stacklevel=2)
    n = np.bincount(codes, minlength=k)
    out = pd.DataFrame({"n": n.astype("int64"), "open": (n - np.bincount(codes, weights=e, minlength=k)).astype("int64"),
                        "horizon_h": tau, "rmst_h": rmst, "se_h": se, "ci_low": rmst - z * se,
                        "ci_high": rmst + z * se, "share_beyond": beyond}, index=groups)
    out.attrs["dropped"] = dropped
    return out


def duration_summary(log: pd.DataFrame, start: str = "opened", end: str = "closed", horizon_h: float | None = None,
                     by: str | None = None, *, as_of=None, confidence: float = 0.95,
                     bad_rows: str = "error", blank: str = "error") -> pd.DataFrame:
    """Mean and median handling time with the open cases stated (censoring said, not hidden).

    One row per group (or ``all``): ``n`` cases, ``n_open`` still open at
    ``as_of`` (right-censored: only "at least as_of - start" is known),
    ``median_h`` (the Kaplan-Meier median, NaN when fewer than half the
    cases are closed so no median can be read off the curve), ``horizon_h``
    (tau, stated with the mean), ``rmst_h`` the restricted mean up to tau
    (the mean of min(duration, tau): :func:`restricted_mean`, with its
    interval ``ci_low, ci_high``) and ``share_beyond`` (the cases still
    open at tau). With no open case and tau the longest duration, ``rmst_h``
    is the plain mean; with open cases the plain mean of the closed cases
    is biased low and is not reported.

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    start, end : str, default "opened", "closed"
        Timestamp columns of the start and the end of the case (an empty
        ``end`` is an open case). Dates without a time give whole days (24 h steps).
    horizon_h : float, optional
        The horizon tau in hours. None: the longest observed duration, or,
        when a group still has open cases at the end of its curve, the
        shortest such group's longest duration (so every group is compared at
        one tau within its follow-up; a group whose cases are all closed sets
        no limit, and its ``rmst_h`` is then its plain mean).
    by : str, optional
        Column to group by; None: one row ``all``.
    as_of : str or Timestamp, optional
        End of the observation window (default: the latest timestamp in ``start`` and ``end``).
    confidence : float, default 0.95
        Level of the interval of ``rmst_h``.
    bad_rows : {"error", "drop"}, default "error"
        A row whose ``end`` is earlier than ``start``: ``"error"`` stops and
        names the rows; ``"drop"`` leaves them out with a
        :class:`crmlab.CRMWarning` and reports the count in ``.attrs["dropped"]``.
    blank : {"error", "label"}, default "error"
        A missing or blank label in ``by``: ``"error"`` stops (the kit's policy
        for groups); ``"label"`` reports those cases as a group ``"(blank)"``.

    Example
    -------
    >>> log = pd.DataFrame({"opened": ["2024-01-01"] * 4,
    ...                     "closed": ["2024-01-02", "2024-01-03", "2024-01-05", None]})
    >>> s = duration_summary(log, as_of="2024-01-06")
    >>> s[["n", "n_open", "median_h", "horizon_h", "rmst_h"]].iloc[0].tolist()  # (24+48+96+120)/4 = 72
    [4.0, 1.0, 48.0, 120.0, 72.0]

    Source: Kaplan & Meier (1958); Royston & Parmar (2013) for the restricted mean.
    """
    v.require_frame(log, "complaint log")
    v.require_columns(log, [start, end, *([by] if by else [])], "complaint log",
                      fix="pass start='<opened column>', end='<closed column>' with the names in your log.")
    log = _with_times(_label_blanks(log, by, blank), start, [end])
    log, dropped = _drop_reversed(log, start, [end], bad_rows)
    codes, groups = _group_codes(log, by)
    h, e = _durations(log, start, end, as_of)
    k = len(groups)
    steps = _km(h, e, codes)
    median = _km_quantiles(steps, k, [0.5])[:, 0]
    if horizon_h is None:
        longest = pd.Series(h).groupby(codes).max().reindex(range(k)).to_numpy()
        ends = np.searchsorted(steps[0], np.arange(k), side="right") - 1  # each group's last step
        has = (ends >= 0) & (steps[0][np.maximum(ends, 0)] == np.arange(k)) if len(steps[0]) else np.zeros(k, bool)
        last = np.where(has, steps[4][np.maximum(ends, 0)] if len(steps[0]) else 1.0, 1.0)  # S at the curve's end
        follow = np.where(last > 0, longest, np.inf)  # a group with every case closed sets no limit
        tau = float(min(np.min(follow), np.max(h)))
        if not tau > 0:
            raise CRMDataError(
                "no case lasted longer than 0 h, so no horizon can be chosen from the data. "
                "Fix: pass horizon_h=<hours>, e.g. horizon_h=24.")
    else:
        tau = v.require_positive(horizon_h, "horizon_h")
    rm = restricted_mean(log, tau, by=by, end=as_of, opened=start, resolved=end, confidence=confidence)
    out = pd.DataFrame({"n": rm["n"].to_numpy(), "n_open": rm["open"].to_numpy(), "median_h": median,
                        "horizon_h": tau, "rmst_h": rm["rmst_h"].to_numpy(), "ci_low": rm["ci_low"].to_numpy(),
                        "ci_high": rm["ci_high"].to_numpy(), "share_beyond": rm["share_beyond"].to_numpy()},
                       index=groups)
    out.attrs.update(dropped=dropped, horizon_h=tau,
                     note=f"{int(out['n_open'].sum())} open case(s) right-censored at the end of the window; "
                          f"median from Kaplan-Meier; rmst_h = mean of min(duration, {tau:g} h)")
    return out


def timely_share(log: pd.DataFrame, received: str, responded: str, within_days: float = 15, by: str | None = None,
                 *, as_of=None, confidence: float = 0.95, bad_rows: str = "error",
                 blank: str = "error") -> pd.DataFrame:
    """Share of complaints answered within a time limit (the CFPB "timely response" KPI), Wilson interval.

    A complaint is timely when responded - received <= ``within_days`` days.
    A complaint without a response is late once the limit has passed by
    ``as_of``; one still inside its limit at ``as_of`` is *pending*: it is
    left out of ``n`` (its outcome is not known yet) and counted in
    ``n_pending``. share = timely / n with a Wilson interval.

    Columns: ``n, timely, share, ci_low, ci_high, n_pending, within_days``.

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    received, responded : str
        Timestamp columns of receipt and of the response (empty: no response yet).
    within_days : float, default 15
        The limit in days (the CFPB expects a response within 15 days).
    by : str, optional
        Column to group by; None: one row ``all``.
    as_of : str or Timestamp, optional
        End of the observation window (default: the latest timestamp in the two columns).
    confidence : float, default 0.95
        Level of the Wilson interval.
    bad_rows : {"error", "drop"}, default "error"
        A row whose ``responded`` is earlier than ``received``: ``"error"``
        stops and names the rows; ``"drop"`` leaves them out with a
        :class:`crmlab.CRMWarning` and reports the count in ``.attrs["dropped"]``.
    blank : {"error", "label"}, default "error"
        A missing or blank label in ``by``: ``"error"`` stops (the kit's policy
        for groups); ``"label"`` reports those cases as a group ``"(blank)"``.

    Example
    -------
    >>> log = pd.DataFrame({"in": ["2024-01-01"] * 4,
    ...                     "out": ["2024-01-10", "2024-01-16", "2024-01-20", None]})
    >>> r = timely_share(log, "in", "out", as_of="2024-01-31")  # 9 and 15 days timely; 19 days and none late
    >>> r[["n", "timely", "share"]].iloc[0].tolist()
    [4.0, 2.0, 0.5]

    Source: CFPB consumer complaint database, field "Timely response?" (a
    response within 15 days); Wilson (1927) for the interval.
    """
    v.require_frame(log, "complaint log")
    v.require_columns(log, [received, responded, *([by] if by else [])], "complaint log",
                      fix="pass received='<date received column>', responded='<response date column>'.")
    limit = v.require_positive(within_days, "within_days", allow_zero=True)
    v.require_confidence(confidence)
    log = _with_times(_label_blanks(log, by, blank), received, [responded])
    log, dropped = _drop_reversed(log, received, [responded], bad_rows)
    codes, groups = _group_codes(log, by)
    if as_of is None:
        stamps = [v.to_datetime(log, c, allow_missing=True) for c in (received, responded)]
        as_of = max(st.max() for st in stamps if st.notna().any())
    h, e = _durations(log, received, responded, as_of)  # hours to the response, or open until as_of
    days = h / 24.0
    timely = e & (days <= limit + 1e-9)
    pending = ~e & (days < limit - 1e-9)
    k = len(groups)
    counted = ~pending
    n = np.bincount(codes, weights=counted, minlength=k)
    t = np.bincount(codes, weights=timely, minlength=k)
    lo, hi = wilson_ci(t, n, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = t / n
    if (n == 0).any():
        raise CRMDataError(f"group {groups[int(np.argmax(n == 0))]!r} has only pending complaints (inside the "
                           f"{limit:g}-day limit at as_of={pd.Timestamp(as_of)}), so no share can be given. "
                           "Fix: pass a later as_of, or leave out the most recent complaints.")
    out = pd.DataFrame({"n": n.astype("int64"), "timely": t.astype("int64"), "share": share,
                        "ci_low": np.asarray(lo, dtype="float64"), "ci_high": np.asarray(hi, dtype="float64"),
                        "n_pending": np.bincount(codes, weights=pending, minlength=k).astype("int64"),
                        "within_days": limit}, index=groups)
    out.attrs.update(dropped=dropped, as_of=str(pd.Timestamp(as_of)))
    return out


# ---------------------------------------------------------------- KPIs

def complaint_kpis(log: pd.DataFrame, by: str | None = None, orders: float | Mapping | pd.Series | None = None,
                   sla_hours: float = 48.0, end=None, method: str = "km",
                   opened: str = "opened", first_response: str | None = "first_response",
                   resolved: str = "resolved", outcome: str | None = "outcome",
                   satisfaction: str | None = "satisfaction", reopened: str | None = "reopened",
                   contacts: str | None = "contacts", fcr_flag: str | None = None,
                   full: str = "full", bad_rows: str = "error", blank: str = "error") -> pd.DataFrame:
    """Complaint-handling KPIs (处理客户抱怨的能力), overall or per group.

    Columns of the result (one row per group, or one row ``all``):

    - ``n``: complaints (volume); ``open``: still open at ``end``;
      ``per_1000_orders`` = n / orders * 1000 when ``orders`` is given (a
      number, or a mapping group -> orders);
    - ``first_response_median_h``: median hours to the first reply;
    - ``resolution_median_h``, ``resolution_p90_h``: median and 90th
      percentile of hours from opened to resolved;
    - ``sla_share``: share of cases resolved within ``sla_hours``;
    - ``fcr``: first-contact resolution = share of closed cases with
      ``contacts == 1`` (or with ``fcr_flag`` true);
    - ``reopen_rate``: share of closed cases reopened;
    - ``satisfaction_mean``: mean satisfaction with the resolution (closed
      cases that answered);
    - ``full_share``: share of closed cases whose ``outcome`` equals ``full``.

    ``end`` is the end of the observation window (text or timestamp); a case
    resolved after ``end`` counts as open at ``end``.

    Open cases: with ``method="km"`` (default) times are Kaplan-Meier
    estimates in which an open case counts as "not resolved for at least
    end - opened hours" (right-censored); a percentile the curve never
    reaches is NaN. ``sla_share`` = 1 - S(sla_hours): an open case older than
    the SLA counts as a breach, a younger one only for as long as it was
    observed. ``method="resolved_only"`` drops open cases (the naive figure,
    biased low). ``fcr``, ``reopen_rate`` and ``satisfaction_mean`` are over
    closed cases only; ``open`` shows how many were left out.

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    by : str, optional
        Column to group by (e.g. "channel"); None: one row ``all``.
    orders : number, mapping or Series, optional
        Orders in the period (overall, or per group) for ``per_1000_orders``.
    sla_hours : float, default 48.0
        The service-level target for ``sla_share``.
    end : str or Timestamp, optional
        End of the observation window (default: the latest timestamp in the log).
    method : {"km", "resolved_only"}, default "km"
        How open cases enter the time figures (see above).
    opened, resolved : str
        Timestamp columns (an empty ``resolved`` is an open case).
    first_response : str or None, default "first_response"
        Timestamp of the first reply; optional; pass None to skip (no
        ``first_response_median_h``).
    outcome, satisfaction, reopened, contacts : str or None
        Columns of the resolution outcome, satisfaction with it, the reopened flag and the
        number of contacts; each optional; pass None to skip (its KPI is left out). A
        firm's export rarely has all four: a named column that is absent raises an error
        that lists every absent optional column and says that None skips it.
    fcr_flag : str, optional
        A yes/no column of first-contact resolution, used instead of ``contacts``;
        optional; pass None to skip.
    full : str, default "full"
        The ``outcome`` value that means fully resolved.
    bad_rows : {"error", "drop"}, default "error"
        A row whose ``resolved`` or ``first_response`` is earlier than ``opened``:
        ``"error"`` stops and names the rows; ``"drop"`` leaves them out with a
        :class:`crmlab.CRMWarning` and reports the count in ``.attrs["dropped"]``.
    blank : {"error", "label"}, default "error"
        A missing or blank label in ``by``: ``"error"`` stops (the kit's policy
        for groups); ``"label"`` reports those cases as a group ``"(blank)"``.

    Example
    -------
    >>> log = pd.DataFrame({"opened": ["2024-01-01 00:00", "2024-01-01 00:00"],
    ...                     "resolved": ["2024-01-01 10:00", None]})
    >>> complaint_kpis(log, first_response=None, outcome=None, satisfaction=None,
    ...                reopened=None, contacts=None, end="2024-01-02")["resolution_median_h"].item()
    10.0

    Source: KPIs named by the CRM-capability indicators of the course notes
    *CRM capability* (time to resolve, satisfaction with the resolution);
    Kaplan & Meier (1958) for censored durations. See READINGS.md.
    """
    v.require_frame(log, "complaint log")
    v.require_choice(method, ["km", "resolved_only"], "method")
    sla = v.require_positive(sla_hours, "sla_hours")
    v.require_columns(log, [opened, resolved, *([by] if by else [])], "complaint log")
    _optional_columns(log, {"first_response": first_response, "outcome": outcome, "satisfaction": satisfaction,
                            "reopened": reopened, "contacts": contacts, "fcr_flag": fcr_flag})
    log = _with_times(_label_blanks(log, by, blank), opened, [resolved, first_response])
    log, dropped = _drop_reversed(log, opened, [resolved, first_response], bad_rows)
    codes, groups = _group_codes(log, by)
    k = len(groups)
    if end is None:  # one observation window for every duration: the latest timestamp seen
        stamps = [v.to_datetime(log, c, allow_missing=True) for c in (opened, resolved, first_response) if c]
        end = max(s.max() for s in stamps if s.notna().any())
    hours, event = _durations(log, opened, resolved, end)
    n = np.bincount(codes, minlength=k)
    n_closed = np.bincount(codes, weights=event, minlength=k)
    out = pd.DataFrame(index=groups)
    out["n"] = n.astype("int64")
    out["open"] = (n - n_closed).astype("int64")
    if orders is not None:
        if isinstance(orders, (Mapping, pd.Series)):
            raw = orders if isinstance(orders, pd.Series) else pd.Series(dict(orders), dtype=object)
            is_num = raw.map(lambda x: isinstance(x, (int, float, np.number)) and not isinstance(x, (bool, np.bool_)))
            o = pd.to_numeric(raw.where(is_num), errors="coerce").astype("float64")
            zero = raw[~is_num.to_numpy(dtype=bool) | ~np.isfinite(o) | (o <= 0)]
            if len(zero):
                raise CRMDataError("orders must be positive numbers for every group, found: "
                                   + ", ".join(f"{k!r}: {x!r}" for k, x in zero.head(5).items())
                                   + ". Fix: give the number of orders of each group, e.g. {'web': 1200}.")
            o = o.reindex(groups)
            if o.isna().any():
                raise CRMDataError(
                    f"orders has no value for group(s) {', '.join(map(repr, groups[o.isna().to_numpy()][:5]))}. "
                    f"Fix: give orders for every value of {by!r}, or one total number."
                )
            o = o.to_numpy()
        else:
            o = np.full(k, v.require_positive(orders, "orders"))
        out["per_1000_orders"] = n / o * 1000
    sel = np.ones(len(hours), dtype=bool) if method == "km" else event
    if first_response:
        fh, fe = _durations(log, opened, first_response, end)
        fsel = np.ones(len(fh), dtype=bool) if method == "km" else fe
        fs = _km(fh[fsel], fe[fsel], codes[fsel])
        out["first_response_median_h"] = _km_quantiles(fs, k, [0.5])[:, 0]
    steps = _km(hours[sel], event[sel], codes[sel])
    q = _km_quantiles(steps, k, [0.5, 0.9])
    out["resolution_median_h"] = q[:, 0]
    out["resolution_p90_h"] = q[:, 1]
    out["sla_share"] = _km_at(steps, k, sla)
    with np.errstate(invalid="ignore", divide="ignore"):
        if fcr_flag or contacts:
            if fcr_flag:
                first = v.to_bool(log, fcr_flag, allow_missing=True).fillna(False).to_numpy(dtype=bool)
            else:
                v.require_numeric(log, [contacts])
                bad = log[contacts][log[contacts] < 1]
                if len(bad):
                    raise CRMDataError(f"column {contacts!r} must be >= 1 (contacts on the case), found: "
                                       f"{v.show_values(bad)}. Fix: correct those counts.")
                first = (log[contacts] == 1).fillna(False).to_numpy(dtype=bool)
            out["fcr"] = np.bincount(codes, weights=first & event, minlength=k) / n_closed
        if reopened:
            r = v.to_bool(log, reopened, allow_missing=True).fillna(False).to_numpy(dtype=bool)
            out["reopen_rate"] = np.bincount(codes, weights=r & event, minlength=k) / n_closed
        if satisfaction:
            v.require_in_scale(log, [satisfaction], 1, 5, allow_missing=True)
            s = log[satisfaction].astype("float64").to_numpy()
            ok = ~np.isnan(s) & event
            out["satisfaction_mean"] = (np.bincount(codes, weights=np.where(ok, s, 0.0), minlength=k)
                                        / np.bincount(codes, weights=ok, minlength=k))
    if outcome:
        mix = log[outcome]
        out["full_share"] = np.bincount(codes, weights=(mix == full).fillna(False).to_numpy(dtype=bool) & event,
                                        minlength=k) / np.maximum(n_closed, 1)
    out.attrs.update(method=method, sla_hours=sla, end=str(pd.Timestamp(end)), dropped=dropped,
                     note="open cases are right-censored at end" if method == "km" else "open cases dropped")
    return out


def resolution_curve(log: pd.DataFrame, by: str | None = None, hours: Sequence[float] | None = None,
                     end=None, opened: str = "opened", resolved: str = "resolved",
                     confidence: float = 0.95, bad_rows: str = "error") -> pd.DataFrame:
    """Share of complaints resolved by hour h (the honest resolution-time picture).

    share_resolved(h) = 1 - S(h), S the Kaplan-Meier survival of "still
    open": S(h) = prod over resolution times t_i <= h of (1 - d_i / n_i).
    Open cases count as at risk until ``end`` (default: the latest
    timestamp in the log). Pointwise interval from Greenwood's variance,
    var S = S^2 * sum d_i / (n_i (n_i - d_i)), clipped to [0, 1].

    ``hours=None`` returns every step (one row per distinct resolution
    time); a list of hours evaluates the curve there. Columns: ``group,
    hours, share_resolved, ci_low, ci_high, at_risk``.

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    by : str, optional
        Column to draw one curve per group.
    hours : sequence of float, optional
        Hours at which to evaluate the curve (default: every step).
    end : str or Timestamp, optional
        End of the observation window (default: the latest timestamp in the log).
    opened, resolved : str
        Timestamp columns (an empty ``resolved`` is an open case).
    confidence : float, default 0.95
        Level of the pointwise interval.
    bad_rows : {"error", "drop"}, default "error"
        A row whose ``resolved`` is earlier than ``opened``: ``"error"`` stops;
        ``"drop"`` leaves it out (:class:`crmlab.CRMWarning`, ``.attrs["dropped"]``).

    Source: Kaplan & Meier (1958); Greenwood (1926).
    """
    v.require_frame(log, "complaint log")
    v.require_columns(log, [opened, resolved, *([by] if by else [])], "complaint log")
    from crmlab.stats import z_quantile
    z = z_quantile(confidence)
    log = _with_times(log, opened, [resolved])
    log, dropped = _drop_reversed(log, opened, [resolved], bad_rows)
    codes, groups = _group_codes(log, by)
    h, e = _durations(log, opened, resolved, end)
    rg, rt, at_risk, _, surv, var = _km(h, e, codes)
    se = np.sqrt(var)
    if hours is None:
        share = 1 - surv
        out = pd.DataFrame({"group": groups[rg], "hours": rt, "share_resolved": share,
                            "ci_low": np.clip(share - z * se, 0, 1), "ci_high": np.clip(share + z * se, 0, 1),
                            "at_risk": at_risk.astype("int64")})
        starts = pd.DataFrame({"group": groups, "hours": 0.0, "share_resolved": 0.0, "ci_low": 0.0,
                               "ci_high": 0.0, "at_risk": np.bincount(codes, minlength=len(groups))})
        out = pd.concat([starts, out], ignore_index=True).sort_values(["group", "hours"], kind="stable",
                                                                      ignore_index=True)
        out.attrs["dropped"] = dropped
        return out
    if isinstance(hours, (str, bytes)) or np.ndim(hours) > 1 or isinstance(hours, Mapping):
        raise CRMDataError(f"hours={hours!r} must be a list of hours, e.g. hours=[24, 48, 72]. Fix: pass numbers.")
    hgrid = pd.DataFrame({"hours": pd.Series(np.atleast_1d(np.asarray(hours, dtype=object)))})
    if hgrid.empty:
        raise CRMDataError("hours=[] is empty. Fix: pass the hours to evaluate, e.g. hours=[24, 48], or hours=None.")
    hgrid["hours"] = pd.to_numeric(hgrid["hours"], errors="coerce") if hgrid["hours"].map(
        lambda x: isinstance(x, (int, float, np.number)) and not isinstance(x, bool)).all() else hgrid["hours"].astype(str)
    v.require_numeric(hgrid, ["hours"])
    v.require_no_missing(hgrid, ["hours"], fix="pass numbers of hours only.")
    v.require_nonnegative(hgrid, ["hours"], fix="the curve starts at hour 0; pass hours >= 0.")
    grid = hgrid["hours"].to_numpy(dtype="float64")
    rows = []
    bounds = np.searchsorted(rg, np.arange(len(groups) + 1))
    for k, gname in enumerate(groups):
        s, t, sd = surv[bounds[k]:bounds[k + 1]], rt[bounds[k]:bounds[k + 1]], se[bounds[k]:bounds[k + 1]]
        ar = at_risk[bounds[k]:bounds[k + 1]]
        idx = np.searchsorted(t, grid, side="right")
        sv = np.where(idx > 0, s[np.maximum(idx - 1, 0)], 1.0) if len(s) else np.ones(len(grid))
        sdv = np.where(idx > 0, sd[np.maximum(idx - 1, 0)], 0.0) if len(s) else np.zeros(len(grid))
        share = 1 - sv
        rows.append(pd.DataFrame({"group": gname, "hours": grid, "share_resolved": share,
                                  "ci_low": np.clip(share - z * sdv, 0, 1), "ci_high": np.clip(share + z * sdv, 0, 1),
                                  "at_risk": np.where(idx < len(ar), ar[np.minimum(idx, len(ar) - 1)], 0)
                                  if len(ar) else 0}))
    out = pd.concat(rows, ignore_index=True)
    out.attrs["dropped"] = dropped
    return out


# ---------------------------------------------------------------- Pareto

def pareto(log: pd.DataFrame, category: str = "category", weight: str | None = None,
           a: float = 0.8, b: float = 0.95, blank: str = "error") -> pd.DataFrame:
    """Pareto table (80/20) of complaints by category, with ABC classes.

    count_c = complaints of category c (or the sum of ``weight``); share_c =
    count_c / total; categories sorted by count (largest first, ties by
    name); cum_share = running sum of share (ends at 1). Class A: the
    categories needed to reach ``a`` (80%) of complaints, i.e. those whose
    cumulative share *before* them is below a; class B: the next ones up to
    ``b`` (95%); class C: the rest.

    Parameters
    ----------
    log : DataFrame
        The complaint log, one row per complaint.
    category : str, default "category"
        The category column.
    weight : str, optional
        A column to sum instead of counting (e.g. cost per complaint); optional; pass None to count.
    a, b : float, default 0.8, 0.95
        The cumulative shares that end class A and class B.
    blank : {"error", "label"}, default "error"
        A missing or blank category: ``"error"`` stops and names the rows;
        ``"label"`` counts them as one category ``"(blank)"`` (:data:`BLANK_LABEL`).

    Example
    -------
    >>> pareto(pd.DataFrame({"category": list("aaaaaaaabbc")}))["abc"].tolist()
    ['A', 'A', 'B']
    >>> pareto(pd.DataFrame({"category": ["a", "a", None, " "]}), blank="label")["count"].to_dict()
    {'(blank)': 2, 'a': 2}
    """
    v.require_frame(log, "complaint log")
    v.require_columns(log, [category] + ([weight] if weight else []), "complaint log")
    for name, val in (("a", a), ("b", b)):
        if isinstance(val, (bool, np.bool_)) or not isinstance(val, (int, float, np.integer, np.floating)):
            raise CRMDataError(f"{name}={val!r} must be a share (a number), e.g. a=0.8, b=0.95. Fix: pass a number.")
    if not (0 < a < b <= 1):
        raise CRMDataError(f"a={a!r}, b={b!r}: need 0 < a < b <= 1. Fix: e.g. a=0.8, b=0.95.")
    log = _label_blanks(log, category, blank)
    v.require_no_missing(log, [category], fix=f"fill the missing {category!r} values (e.g. 'unknown') or drop them, "
                                              "or pass blank='label' to count them as '(blank)'.")
    if weight:
        v.require_nonnegative(log, [weight])
        counts = log.groupby(category, observed=True, sort=True)[weight].sum().astype("float64")
    else:
        codes, uniques = pd.factorize(log[category], sort=True)
        counts = pd.Series(np.bincount(codes, minlength=len(uniques)), index=pd.Index(uniques, name=category))
    total = counts.sum()
    if total <= 0:
        raise CRMDataError(f"column {weight!r} sums to 0. Fix: use a weight with positive values.")
    order = np.lexsort((np.arange(len(counts)), -counts.to_numpy()))
    counts = counts.iloc[order]
    share = counts / total
    cum = share.cumsum()
    cum.iloc[-1] = 1.0
    before = cum - share
    abc = np.where(before < a - 1e-12, "A", np.where(before < b - 1e-12, "B", "C"))
    out = pd.DataFrame({"count": counts, "share": share, "cum_share": cum, "abc": abc})
    out.index.name = category
    return out


# ---------------------------------------------------------------- queue

def queue_metrics(calls: pd.DataFrame, by: str | None = None, threshold: float = 20.0,
                  wait: str = "wait_seconds", abandoned: str = "abandoned", handled: str | None = "handled") -> pd.DataFrame:
    """Contact-channel timeliness (交流的及时性): waits, abandonment, service level.

    Per group (or ``all``): ``calls``; ``mean_wait_s`` and ``p90_wait_s``
    over every caller (time until answered or until hanging up);
    ``asa_s`` average speed of answer (mean wait of answered calls);
    ``abandon_rate`` = abandoned / calls; ``service_level`` = calls
    answered within ``threshold`` seconds / calls offered (the usual
    "80/20" definition; abandoned calls count in the denominator);
    ``handled_rate`` = handled / calls. A call is answered when it was not
    abandoned (and, if ``handled`` is given, was handled).

    Parameters
    ----------
    calls : DataFrame
        The contact-centre export, one row per call.
    by : str, optional
        Column to group by; None: one row ``all``.
    threshold : float, default 20.0
        Seconds within which an answered call meets the service level.
    wait, abandoned : str
        Columns of the wait in seconds and the yes/no abandoned flag.
    handled : str or None, default "handled"
        A yes/no column of calls handled; optional; pass None to skip (no
        ``handled_rate``; answered = not abandoned).

    Example
    -------
    >>> calls = pd.DataFrame({"wait_seconds": [5, 30, 12, 50], "abandoned": [False, False, False, True]})
    >>> queue_metrics(calls, handled=None)[["calls", "abandon_rate", "service_level"]].iloc[0].tolist()
    [4.0, 0.25, 0.5]
    """
    v.require_frame(calls, "call sample")
    v.require_columns(calls, [wait, abandoned] + ([by] if by else []), "call sample")
    _optional_columns(calls, {"handled": handled}, "call sample")
    thr = v.require_positive(threshold, "threshold", allow_zero=True)
    v.require_nonnegative(calls, [wait])
    v.require_no_missing(calls, [wait])
    ab = v.to_bool(calls, abandoned).to_numpy(dtype=bool)
    answered = ~ab
    if handled:
        hd = v.to_bool(calls, handled).to_numpy(dtype=bool)
        both = hd & ab
        if both.any():
            raise CRMDataError(f"column {handled!r} is true for calls that column {abandoned!r} marks abandoned: "
                               f"{v.show_values(calls[handled][both])}. Fix: an abandoned call cannot be handled.")
        answered = hd
    codes, groups = _group_codes(calls, by)
    w = calls[wait].to_numpy(dtype="float64")
    k = len(groups)
    n = np.bincount(codes, minlength=k).astype("float64")
    s = pd.Series(w)
    g = pd.Series(codes)
    out = pd.DataFrame(index=groups)
    out["calls"] = n.astype("int64")
    out["mean_wait_s"] = np.bincount(codes, weights=w, minlength=k) / n
    out["p90_wait_s"] = s.groupby(g).quantile(0.9).reindex(range(k)).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        out["asa_s"] = np.bincount(codes, weights=np.where(answered, w, 0), minlength=k) / np.bincount(
            codes, weights=answered, minlength=k)
    out["abandon_rate"] = np.bincount(codes, weights=ab, minlength=k) / n
    out["service_level"] = np.bincount(codes, weights=answered & (w <= thr), minlength=k) / n
    if handled:
        out["handled_rate"] = np.bincount(codes, weights=answered, minlength=k) / n
    out.attrs["threshold_s"] = thr
    return out


# ---------------------------------------------------------------- word of mouth

@dataclass(frozen=True)
class WordOfMouth:
    """Expected word of mouth and revenue effect of a batch of complaints."""

    n_complaints: float
    n_full: float
    n_not_full: float
    told_positive: float
    told_negative: float
    told_20_plus: float
    customers_lost: float
    customers_reducing: float
    customers_increasing: float
    revenue_lost: float
    revenue_gained: float
    revenue_at_risk: float
    table: pd.DataFrame = field(repr=False)

    def _repr_html_(self):
        return self.table._repr_html_()


def outcome_mix(log: pd.DataFrame, outcome: str = "outcome", full: str = "full") -> float:
    """Share of closed complaints whose outcome is ``full`` (fully resolved)."""
    v.require_frame(log, "complaint log")
    v.require_columns(log, [outcome], "complaint log")
    s = log[outcome].dropna()
    if s.empty:
        raise CRMDataError(f"column {outcome!r} has no outcomes (every case open?). Fix: check the column.")
    return float((s == full).mean())


def word_of_mouth(n_complaints: float, share_full: float = 0.5, tell_full: float = 4.5,
                  tell_not_full: float = 9.5, share_20_plus: float = 0.12,
                  increase_share: float = 0.10, boycott_share: float = 1 / 3, reduce_share: float = 0.45,
                  value_per_customer: float = 1000.0, reduce_fraction: float = 0.5,
                  increase_fraction: float = 0.5) -> WordOfMouth:
    """The Coca-Cola / TARP word-of-mouth model after a complaint, every figure a parameter.

    With N complaints and a share f fully resolved:

    - fully satisfied complainants N_f = f N tell ``tell_full`` people each
      (survey: 4-5, default 4.5): told_positive = N_f * tell_full;
    - not fully resolved N_u = (1 - f) N tell ``tell_not_full`` (9-10,
      default 9.5): told_negative = N_u * tell_not_full;
    - more than ``share_20_plus`` (12%) of complainants told 20 or more:
      told_20_plus = share_20_plus * N (a count of people telling, already
      inside the averages above);
    - ``increase_share`` (10%) of N_f buy more; of N_u ``boycott_share``
      (1/3) stop buying and ``reduce_share`` (45%) buy less.

    Revenue (per year, in the unit of ``value_per_customer``, an assumption):
    lost = N_u * value * (boycott_share + reduce_share * reduce_fraction);
    gained = N_f * increase_share * value * increase_fraction;
    at risk = lost - gained. ``reduce_fraction`` and ``increase_fraction``
    (how much less or more they buy, default 50%) are not in the survey.

    Parameters
    ----------
    n_complaints : float
        Number of complaints N (>= 0).
    share_full : float, default 0.5
        Share f of complaints fully resolved.
    tell_full, tell_not_full : float, default 4.5 and 9.5
        People each fully satisfied / not fully satisfied complainant tells.
    share_20_plus : float, default 0.12
        Share of complainants who told 20 or more people.
    increase_share : float, default 0.1
        Share of the fully satisfied who buy more.
    boycott_share, reduce_share : float, default 1/3 and 0.45
        Shares of the not fully satisfied who stop buying / buy less.
    value_per_customer : float, default 1000.0
        Revenue per customer and year (an assumption, in any currency).
    reduce_fraction, increase_fraction : float, default 0.5
        How much less / more those customers buy (not in the survey).

    Source: TARP for Coca-Cola (1981), *Measuring the Grapevine*, as quoted
    in the course notes *Customer relationship analysis*; Goodman (1999).
    See READINGS.md.
    """
    n = v.require_positive(n_complaints, "n_complaints", allow_zero=True)
    shares = {}
    for name, val in (("share_full", share_full), ("share_20_plus", share_20_plus),
                      ("increase_share", increase_share), ("boycott_share", boycott_share),
                      ("reduce_share", reduce_share), ("reduce_fraction", reduce_fraction),
                      ("increase_fraction", increase_fraction)):
        x = v.require_positive(val, name, allow_zero=True)
        if x > 1:
            raise CRMDataError(f"{name}={val!r} is a share and must be between 0 and 1. Fix: e.g. 0.45 for 45%.")
        shares[name] = x
    share_full, share_20_plus, increase_share, boycott_share, reduce_share, reduce_fraction, increase_fraction = (
        shares.values())
    if boycott_share + reduce_share > 1 + 1e-9:
        raise CRMDataError(f"boycott_share + reduce_share = {boycott_share + reduce_share:.3f} > 1. "
                           "Fix: the customers who boycott and those who buy less are different people.")
    tf = v.require_positive(tell_full, "tell_full", allow_zero=True)
    tn = v.require_positive(tell_not_full, "tell_not_full", allow_zero=True)
    val = v.require_positive(value_per_customer, "value_per_customer", allow_zero=True)
    nf = n * share_full
    nu = n - nf
    lost_c, red_c, inc_c = nu * boycott_share, nu * reduce_share, nf * increase_share
    rev_lost = val * (lost_c + red_c * reduce_fraction)
    rev_gain = val * inc_c * increase_fraction
    table = pd.DataFrame({
        "complainants": [nf, nu, n],
        "people_told": [nf * tf, nu * tn, nf * tf + nu * tn],
        "customers_lost": [0.0, lost_c, lost_c],
        "customers_reducing": [0.0, red_c, red_c],
        "customers_increasing": [inc_c, 0.0, inc_c],
        "revenue_change": [rev_gain, -rev_lost, rev_gain - rev_lost],
    }, index=pd.Index(["fully_resolved", "not_fully_resolved", "total"], name="group"))
    return WordOfMouth(n, nf, nu, nf * tf, nu * tn, n * share_20_plus, lost_c, red_c, inc_c,
                       rev_lost, rev_gain, rev_lost - rev_gain, table)


# ---------------------------------------------------------------- service recovery

RECOVERY_GROUPS = ("no_problem", "complained_resolved", "complained_unresolved", "problem_no_complaint")


@dataclass(frozen=True)
class RecoveryResult:
    """Repurchase per group, and the service-recovery paradox test."""

    table: pd.DataFrame
    difference: float
    diff_low: float
    diff_high: float
    confidence: float
    verdict: str  # "holds", "not_shown" or "reversed"

    @property
    def paradox(self) -> bool:
        """True when the whole interval of (resolved - no problem) is above 0."""
        return self.verdict == "holds"

    def _repr_html_(self):
        return self.table._repr_html_()


def recovery_table(customers: pd.DataFrame, had_problem: str = "had_problem", complained: str = "complained",
                   resolved: str = "resolved", outcome: str = "repurchased",
                   confidence: float = 0.95) -> RecoveryResult:
    """Repurchase rate per recovery group with Wilson intervals; the recovery-paradox test.

    Groups: no problem; complained and resolved; complained, not resolved;
    had a problem, never complained. rate_g = repurchased_g / n_g with a
    Wilson interval. The service-recovery paradox says customers whose
    complaint was resolved well come back *more* than customers who never
    had a problem: difference = rate(complained_resolved) - rate(no_problem)
    with Newcombe's hybrid score interval; verdict "holds" when the interval
    is above 0, "reversed" when below 0, else "not_shown".

    ``resolved`` is read only for complainers (may be empty for others). A
    customer who complained but has ``had_problem`` false is an error.

    Source: McCollough & Bharadwaj (1992) for the paradox; Newcombe (1998).
    """
    v.require_frame(customers, "customers")
    v.require_columns(customers, [had_problem, complained, resolved, outcome], "customers")
    hp = v.to_bool(customers, had_problem).to_numpy(dtype=bool)
    cp = v.to_bool(customers, complained).to_numpy(dtype=bool)
    bad = cp & ~hp
    if bad.any():
        raise CRMDataError(
            f"column {had_problem!r} is false for customers who complained: "
            f"{v.show_values(customers[had_problem][bad])}. Fix: a complaint means a problem; set it to true."
        )
    rs = v.to_bool(customers, resolved, allow_missing=True)
    miss = rs.isna().to_numpy() & cp
    if miss.any():
        raise CRMDataError(f"column {resolved!r} is missing for complainers at row(s) "
                           f"{', '.join(map(repr, customers.index[miss][:5]))}. Fix: say whether each complaint was resolved.")
    rs = rs.fillna(False).to_numpy(dtype=bool)
    y = v.to_bool(customers, outcome).to_numpy(dtype=bool)
    code = np.where(~hp, 0, np.where(cp & rs, 1, np.where(cp, 2, 3)))
    n = np.bincount(code, minlength=4)
    k = np.bincount(code, weights=y, minlength=4)
    lo, hi = wilson_ci(k, n, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = k / np.where(n > 0, n, np.nan)
    table = pd.DataFrame({"n": n.astype("int64"), "repurchased": k.astype("int64"), "rate": rate,
                          "ci_low": lo, "ci_high": hi}, index=pd.Index(list(RECOVERY_GROUPS), name="group"))
    if n[0] == 0 or n[1] == 0:
        raise CRMDataError("the paradox test needs customers with no problem and complainers whose complaint "
                           f"was resolved; got {n[0]} and {n[1]}. Fix: check the columns {had_problem!r}, "
                           f"{complained!r} and {resolved!r}.")
    d, dl, dh = diff_ci(k[1], n[1], k[0], n[0], confidence)
    verdict = "holds" if dl > 0 else ("reversed" if dh < 0 else "not_shown")
    return RecoveryResult(table, float(d), float(dl), float(dh), confidence, verdict)



@dataclass(frozen=True)
class AdjustedRecovery:
    """A raw and a stratum-adjusted difference of repurchase rates between two recovery groups."""

    table: pd.DataFrame  # per stratum: n and rate of both groups, their difference, the weight
    groups: tuple[str, str]
    by: str
    raw: float
    raw_low: float
    raw_high: float
    difference: float
    diff_low: float
    diff_high: float
    confidence: float

    @property
    def verdict(self) -> str:
        """"holds" (adjusted interval above 0), "reversed" (below 0) or "not_shown"."""
        return "holds" if self.diff_low > 0 else ("reversed" if self.diff_high < 0 else "not_shown")

    def _repr_html_(self):
        return self.table._repr_html_()


def recovery_adjusted(customers: pd.DataFrame, by: str, groups: tuple[str, str] = ("complained_resolved", "no_problem"),
                      had_problem: str = "had_problem", complained: str = "complained", resolved: str = "resolved",
                      outcome: str = "repurchased", confidence: float = 0.95) -> AdjustedRecovery:
    """Compare two recovery groups within strata of ``by`` (e.g. member tier): the confounder adjusted.

    Who complains, and whose case is fully resolved, is not random: if a
    trait (loyalty, value, member tier) raises both the chance of a full
    resolution and later buying, the raw difference of rates mixes the
    effect of the resolution with that trait (selection). Comparing within
    each stratum s of ``by`` and averaging removes the part due to ``by``
    (not any confounder the data do not record):

    d_s = rate_s(first group) - rate_s(second group);
    adjusted = sum w_s d_s, w_s = n_s(first group) / n(first group)
    (standardised to the first group's mix: the effect on those customers);
    var = sum w_s^2 (p1_s (1 - p1_s) / n1_s + p0_s (1 - p0_s) / n0_s)
    (Wald), interval adjusted +- z sqrt(var). The raw difference comes with
    Newcombe's interval (as in :func:`recovery_table`).

    ``groups`` are two of ``RECOVERY_GROUPS``; every stratum must hold both
    groups (else merge small strata). Columns of ``table``: ``n_1, rate_1,
    n_0, rate_0, difference, weight``.

    Parameters
    ----------
    customers : DataFrame
        One row per customer (as ``complaint_customers``).
    by : str
        The stratifying column (the suspected confounder), e.g. "tier".
    groups : tuple of two str
        The groups compared, first minus second.
    had_problem, complained, resolved, outcome : str
        Columns, as in :func:`recovery_table`.
    confidence : float, default 0.95
        Level of the intervals.

    Source: direct standardisation of a risk difference (Rothman, Greenland
    & Lash 2008, ch. 15); the recovery paradox and its doubts: McCollough &
    Bharadwaj (1992), de Matos, Henrique & Rossi (2007). See READINGS.md.
    """
    v.require_frame(customers, "customers")
    v.require_columns(customers, [by], "customers")
    if (isinstance(groups, (str, bytes)) or not isinstance(groups, Sequence) or len(groups) != 2
            or any(g not in RECOVERY_GROUPS for g in groups) or groups[0] == groups[1]):
        raise CRMDataError(f"groups={groups!r} must be two different groups of {', '.join(RECOVERY_GROUPS)}. "
                           "Fix: e.g. groups=('complained_resolved', 'no_problem').")
    v.require_group_labels(customers, by)
    base = recovery_table(customers, had_problem, complained, resolved, outcome, confidence)
    hp = v.to_bool(customers, had_problem).to_numpy(dtype=bool)
    cpl = v.to_bool(customers, complained).to_numpy(dtype=bool)
    rs = v.to_bool(customers, resolved, allow_missing=True).fillna(False).to_numpy(dtype=bool)
    y = v.to_bool(customers, outcome).to_numpy(dtype=bool)
    code = np.where(~hp, 0, np.where(cpl & rs, 1, np.where(cpl, 2, 3)))
    g1, g0 = (RECOVERY_GROUPS.index(g) for g in groups)
    s_codes, strata = pd.factorize(customers[by], sort=True)
    ns = len(strata)
    cnt = lambda gc, w=None: np.bincount(s_codes[code == gc], weights=None if w is None else w[code == gc],
                                         minlength=ns)
    n1, n0 = cnt(g1), cnt(g0)
    empty = (n1 == 0) | (n0 == 0)
    if empty.any():
        raise CRMDataError(f"column {by!r}: stratum/strata {', '.join(map(repr, strata[empty][:5]))} hold no "
                           f"customers of {groups[0]!r} or {groups[1]!r}. Fix: merge small strata (or drop them "
                           "and say so).")
    yf = y.astype("float64")
    p1, p0 = cnt(g1, yf) / n1, cnt(g0, yf) / n0
    w = n1 / n1.sum()
    diff = p1 - p0
    adj = math.fsum(w * diff)
    var = math.fsum(w**2 * (p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0))
    from crmlab.stats import z_quantile
    z = z_quantile(confidence)
    tab = base.table
    raw, rl, rh = diff_ci(tab["repurchased"].iloc[g1], tab["n"].iloc[g1], tab["repurchased"].iloc[g0],
                          tab["n"].iloc[g0], confidence)
    table = pd.DataFrame({"n_1": n1.astype("int64"), "rate_1": p1, "n_0": n0.astype("int64"), "rate_0": p0,
                          "difference": diff, "weight": w}, index=pd.Index(strata, name=by))
    return AdjustedRecovery(table, tuple(groups), by, float(raw), float(rl), float(rh), adj,
                            adj - z * math.sqrt(var), adj + z * math.sqrt(var), confidence)


# ---------------------------------------------------------------- decision model

# The problem-solving / decision model of the course notes *Customer
# relationship analysis* ("关系管理中问题解决模型", READINGS.md). Node kinds: "action" (one next node), "question"
# (yes/no), "end". Labels are keys of crmlab.labels (prefix cp_dm_).
DECISION_NODES = {
    "define_problem": "action",
    "find_want": "action",
    "makes_up_loss": "question",
    "can_provide": "question",
    "other_can_provide": "question",
    "contact_them": "action",
    "other_options": "action",
    "offer_solution": "question",
    "escalate": "action",
    "record_solution": "end",
}
DECISION_EDGES = {
    "define_problem": {"next": "find_want"},
    "find_want": {"next": "makes_up_loss"},
    "makes_up_loss": {"yes": "can_provide", "no": "other_options"},
    "can_provide": {"yes": "offer_solution", "no": "other_can_provide"},
    "other_can_provide": {"yes": "contact_them", "no": "other_options"},
    "contact_them": {"next": "offer_solution"},
    "other_options": {"next": "offer_solution"},
    "offer_solution": {"yes": "record_solution", "no": "escalate"},
    "escalate": {"next": "record_solution"},
    "record_solution": {},
}
DECISION_START = "define_problem"


def decision_model(lang: str = "en") -> pd.DataFrame:
    """The decision model as an edge table: ``from, answer, to`` (answer '' for plain steps),
    plus ``from_label, answer_label, to_label`` in ``lang``."""
    from crmlab.labels import t

    rows = [(a, "" if ans == "next" else ans, b) for a, nxt in DECISION_EDGES.items() for ans, b in nxt.items()]
    df = pd.DataFrame(rows, columns=["from", "answer", "to"])
    df["from_label"] = [t(f"cp_dm_{x}", lang) for x in df["from"]]
    df["answer_label"] = [t(x, lang) if x else "" for x in df["answer"]]
    df["to_label"] = [t(f"cp_dm_{x}", lang) for x in df["to"]]
    return df


@dataclass(frozen=True)
class DecisionWalk:
    """A walk through the decision model: the nodes visited and the outcome."""

    path: tuple[str, ...]
    answers: tuple[tuple[str, bool], ...]
    outcome: str  # "resolved" (customer accepted) or "escalated"

    def describe(self, lang: str = "en") -> str:
        from crmlab.labels import t

        given = dict(self.answers)
        parts = []
        for node in self.path:
            text = t(f"cp_dm_{node}", lang)
            if node in given:
                text += f" [{t('yes' if given[node] else 'no', lang)}]"
            parts.append(text)
        return " -> ".join(parts)


def walk_decision(answers: Mapping[str, object]) -> DecisionWalk:
    """Walk the decision model with yes/no answers to its questions.

    ``answers`` maps question nodes (``makes_up_loss``, ``can_provide``,
    ``other_can_provide``, ``offer_solution`` = did the customer accept)
    to True/False or "yes"/"no". Only the questions on the path are needed.
    Returns the path, the answers used and the outcome: "resolved" when the
    customer accepted the offer, "escalated" when it went to the next level.

    Example
    -------
    >>> walk_decision({"makes_up_loss": True, "can_provide": True, "offer_solution": True}).outcome
    'resolved'
    """
    if not isinstance(answers, Mapping):
        raise CRMDataError(f"answers must be a dict question -> True/False, got {type(answers).__name__}. "
                           "Fix: e.g. walk_decision({'makes_up_loss': True, 'can_provide': False}).")
    unknown = [k for k in answers if not isinstance(k, str) or k not in DECISION_NODES
               or DECISION_NODES[k] != "question"]
    if unknown:
        qs = [k for k, kind in DECISION_NODES.items() if kind == "question"]
        raise CRMDataError(f"answers has unknown question(s) {', '.join(map(repr, unknown))}. "
                           f"Fix: use {', '.join(map(repr, qs))}.")
    table = (pd.DataFrame({"answer": pd.Series(answers, dtype="object").astype("string")})
             if answers else pd.DataFrame({"answer": pd.Series([], dtype="string")}))
    try:
        flags = v.to_bool(table, "answer", allow_missing=True)
    except CRMDataError:
        known = {"yes", "y", "true", "t", "1", "是", "no", "n", "false", "f", "0", "否"}
        bad = {k: a for k, a in answers.items() if str(a).strip().lower() not in known}
        raise CRMDataError(f"answers must be yes/no, found: {', '.join(f'{k!r}: {a!r}' for k, a in bad.items())}. "
                           "Fix: answer each question with True/False or 'yes'/'no'.") from None
    if flags.isna().any():
        raise CRMDataError(f"answers has no yes/no for {', '.join(map(repr, flags.index[flags.isna()]))}. "
                           "Fix: answer each question with True/False or 'yes'/'no'.")
    node, path, used = DECISION_START, [], []
    while True:
        path.append(node)
        nxt = DECISION_EDGES[node]
        if not nxt:
            break
        if DECISION_NODES[node] == "question":
            if node not in flags.index:
                raise CRMDataError(f"the walk reached question {node!r} but answers has no answer for it. "
                                   f"Fix: add {node!r}: True or False.")
            ans = bool(flags[node])
            used.append((node, ans))
            node = nxt["yes" if ans else "no"]
        else:
            node = nxt["next"]
    outcome = "escalated" if "escalate" in path else "resolved"
    return DecisionWalk(tuple(path), tuple(used), outcome)
