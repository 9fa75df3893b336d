"""Customer loyalty (客户忠诚) and customer value: behaviour, surveys, CLV, BG/NBD.

Every function takes a DataFrame plus column names (defaults match
``crmlab.datasets.load("loyalty_transactions")`` and ``load("loyalty_survey")``),
so your own order export works: pass ``customer=``, ``date=``, ``amount=``
and ``margin=``. Dates may be text (parsed by
:func:`crmlab.validate.to_datetime`). Inputs are never modified.

Purchase days: several purchases by one customer on the same day count as
one purchase occasion in :func:`repeat_rate`, :func:`tucker_loyal`,
:func:`cohort_retention` and :func:`rfm_summary` (as in Fader, Hardie & Lee
2005); :func:`rfm` counts transactions (rows) for F.

The BG/NBD model itself is in :mod:`crmlab.loyalty.bgnbd` and re-exported here.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from crmlab import validate as v
from crmlab.loyalty.bgnbd import (
    BGNBD,
    bgnbd_loglik,
    expected_purchases,
    expected_purchases_new,
    fit_bgnbd,
    p_alive,
    simulate_bgnbd,
)
from crmlab.errors import CRMDataError, CRMWarning
from crmlab.stats import pareto_share as _pareto_share
from crmlab.stats import wilson_ci

__all__ = [
    "repeat_rate", "tucker_loyal", "rfm", "RFM_SEGMENTS", "purchase_deciles", "lorenz_curve", "gini",
    "pareto_share", "cohort_retention", "churn_by_group", "customer_targets", "TARGET_GROUPS", "clv", "clv_projection", "margin_multiplier",
    "retention_sensitivity", "nps", "jones_sasser", "JONES_SASSER_TYPES", "loyalty_groups",
    "LOYALTY_GROUPS", "rfm_summary", "UNIT_DAYS",
    "BGNBD", "fit_bgnbd", "bgnbd_loglik", "expected_purchases", "expected_purchases_new", "p_alive",
    "simulate_bgnbd",
]

UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25}


# --------------------------------------------------------------- validation

def _colnames(**cols) -> None:
    """Column-name parameters must be labels (text), not lists or frames."""
    for name, col in cols.items():
        if col is not None and (not isinstance(col, Hashable) or isinstance(col, (bool, float, tuple))):
            raise CRMDataError(f"{name}={col!r:.60} is not a column name. "
                               f"Fix: pass the name of one column as text, e.g. {name}='{name}'.")


def _flag(value, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise CRMDataError(f"{name}={value!r} must be True or False. Fix: pass {name}=True or {name}=False.")
    return bool(value)


def _number(value, name: str, low: float = -np.inf, high: float = np.inf, example: str = "") -> float:
    """A finite scalar parameter (not text, not a bool) in [low, high]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not np.isfinite(value) or not low <= float(value) <= high:
        rng = "" if (low, high) == (-np.inf, np.inf) else f" between {low:g} and {high:g}"
        raise CRMDataError(f"{name}={value!r} must be a finite number{rng}. Fix: pass e.g. {name}={example or 1}.")
    return float(value)


def _require_unique_columns(df: pd.DataFrame, cols) -> None:
    dup = [c for c in dict.fromkeys(cols) if int((df.columns == c).sum()) > 1]
    if dup:
        raise CRMDataError(f"column {dup[0]!r} appears {int((df.columns == dup[0]).sum())} times in the data. "
                           "Fix: rename or drop the copies, e.g. df = df.loc[:, ~df.columns.duplicated()].")


def _require_finite(df: pd.DataFrame, col: str) -> None:
    bad = df[col][~np.isfinite(df[col].to_numpy(dtype="float64"))]
    if len(bad):
        raise CRMDataError(f"column {col!r} has infinite values: {v.show_values(bad)}. "
                           "Fix: correct them or drop those rows.")


def _require_one_id_type(df: pd.DataFrame, customer: str) -> None:
    kind = pd.api.types.infer_dtype(df[customer], skipna=True)
    if kind.startswith("mixed"):
        types = df[customer].map(lambda x: type(x).__name__)
        first = types.drop_duplicates()
        shown = df[customer][first.index]
        raise CRMDataError(f"column {customer!r} mixes id types ({', '.join(first)}): {v.show_values(shown)}. "
                           f"Fix: give every id one type, e.g. df[{customer!r}] = df[{customer!r}].astype(str).")


def _dates(df: pd.DataFrame, date: str) -> pd.Series:
    """validate.to_datetime, then local wall-clock time (a purchase day is a day where it happened)."""
    out = v.to_datetime(df, date)
    if not pd.api.types.is_datetime64_any_dtype(out):  # e.g. text with several UTC offsets
        raise CRMDataError(f"column {date!r} could not be read as one kind of timestamp (dtype {out.dtype}). "
                           f"Fix: give every date the same time zone, e.g. df[{date!r}] = "
                           f"pd.to_datetime(df[{date!r}], utc=True).dt.tz_convert('Asia/Shanghai').")
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_localize(None)
    return out


def _when(value, name: str) -> pd.Timestamp:
    """A date parameter (start, end, as_of, ...): read by validate.to_timestamp, but never a bare number."""
    if isinstance(value, (bool, np.bool_, int, float, np.integer, np.floating)):
        raise CRMDataError(f"{name}={value!r} is not a date. Fix: pass a date as text, e.g. {name}='2024-12-31'.")
    return v.to_timestamp(value, name)


def _transactions(df: pd.DataFrame, customer: str, date: str | None = None, amount: str | None = None,
                  margin: str | None = None, extra: Sequence[str] = ()) -> pd.DataFrame:
    """A clean working copy: customer, date (datetime64), amount, margin (+ extra columns)."""
    v.require_frame(df, "transactions")
    _colnames(customer=customer, date=date, amount=amount, margin=margin, **{f"by{i or ''}": c for i, c in enumerate(extra)})
    cols = [c for c in (customer, date, amount, margin, *extra) if c is not None]
    if margin is not None and margin not in df.columns and all(c in df.columns for c in cols if c != margin):
        raise CRMDataError(f"column {margin!r} (margin=) is missing from transactions. The data has: "
                           f"{', '.join(map(repr, list(df.columns)[:12]))}. Fix: pass margin='<your margin "
                           "column>', or margin=None for sales only (then there is no profit column).")
    v.require_columns(df, cols, "transactions")
    _require_unique_columns(df, cols)
    v.require_no_missing(df, [customer], fix=f"drop the rows without a customer id "
                                             f"(df.dropna(subset=[{customer!r}])): they cannot be linked to anyone.")
    _require_one_id_type(df, customer)
    out = pd.DataFrame({"customer": df[customer]})
    if date is not None:
        out["date"] = _normalize(_dates(df, date))
    if amount is not None:
        v.require_numeric(df, [amount])
        v.require_no_missing(df, [amount])
        v.require_nonnegative(df, [amount])
        _require_finite(df, amount)
        out["amount"] = df[amount].astype("float64")
    if margin is not None:
        v.require_numeric(df, [margin])
        v.require_no_missing(df, [margin])
        _require_finite(df, margin)
        out["margin"] = df[margin].astype("float64")
    for c in extra:
        out[c] = df[c]
    return out


def _normalize(dates: pd.Series) -> pd.Series:
    """Dates at midnight (time of day dropped).

    ``dates`` come from :func:`crmlab.validate.to_datetime`, which always
    returns timezone-naive datetime64 (a zone is converted to UTC and dropped).
    """
    return pd.Series(dates.to_numpy().astype("datetime64[D]").astype(dates.dtype), index=dates.index,
                     name=dates.name)


def _day_numbers(dates: pd.Series) -> np.ndarray:
    """Whole days since 1970-01-01 (int64) of normalised (timezone-naive) dates."""
    return dates.to_numpy().astype("datetime64[D]").astype("int64")


def _day_of(ts: pd.Timestamp) -> int:
    return int((ts.tz_localize(None) if ts.tzinfo else ts).to_datetime64().astype("datetime64[D]").astype("int64"))


def _by_customer(customers):
    """Integer codes 0..k-1 per row and the k customer ids in sorted order."""
    codes, uniques = pd.factorize(customers, sort=True)
    return codes, pd.Index(uniques)


def _as_of(value, dates: pd.Series, name: str = "as_of") -> pd.Timestamp:
    if value is None:
        return dates.max()
    return _when(value, name).normalize()


def _per_customer_group(work: pd.DataFrame, by: str) -> pd.Series:
    """A customer's group = the value on their first transaction (e.g. the acquisition channel)."""
    first = work.sort_values("date", kind="stable") if "date" in work else work
    return first.groupby("customer", sort=True)[by].first()


def _rate_table(flag: pd.Series, groups: pd.Series | None, confidence: float, name: str) -> pd.DataFrame:
    if groups is None:
        groups = pd.Series("all", index=flag.index)
    g = flag.astype("int64").groupby(groups, sort=True)
    n, k = g.size(), g.sum()
    lo, hi = wilson_ci(k, n, confidence)
    out = pd.DataFrame({"n": n.astype("int64"), name: k.astype("int64"), "rate": k / n,
                        "ci_low": lo, "ci_high": hi})
    out.index.name = groups.name if groups.name not in (None, 0) else "group"
    return out


# --------------------------------------------------------------- behavioural loyalty

def repeat_rate(df: pd.DataFrame, customer: str = "customer_id", date: str = "date", by: str | None = None,
                start=None, end=None, confidence: float = 0.95) -> pd.DataFrame:
    """Repeat-purchase rate (重复购买率): share of customers who bought on two or more days.

    rate = (# customers with >= 2 distinct purchase days in the period) / (# customers who bought).
    Purchases on the same day count once (a basket split into several
    rows is one shopping trip). ``start``/``end`` limit the period;
    ``by`` groups customers by the value on their first purchase. Wilson
    interval.

    Parameters
    ----------
    df : DataFrame
        Transactions, one row per purchase (or basket line).
    customer, date : str
        Columns of the customer id and the purchase date.
    by : str, optional
        Column whose value on a customer's first purchase groups the customers.
    start, end : date, optional
        Limits of the period (inclusive).
    confidence : float, default 0.95
        Level of the Wilson interval.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 2], "date": ["2024-01-01", "2024-02-01",
    ...                    "2024-01-05", "2024-01-05"]})
    >>> repeat_rate(tx)["rate"].item()   # customer 2 bought twice on one day: not a repeat
    0.5
    """
    confidence = v.require_confidence(confidence)
    work = _transactions(df, customer, date, extra=[by] if by is not None else ())
    if by is not None:
        v.require_group_labels(df, by)
    lo = _when(start, "start") if start is not None else None
    hi = _when(end, "end") if end is not None else None
    if lo is not None and hi is not None and lo > hi:
        raise CRMDataError(f"start={start!r} is after end={end!r}. Fix: swap them.")
    if lo is not None:
        work = work[work["date"] >= lo]
    if hi is not None:
        work = work[work["date"] <= hi]
    if work.empty:
        first, last = _dates(df, date).agg(["min", "max"])
        raise CRMDataError(f"no transactions between start={start!r} and end={end!r} (the data run from "
                           f"{first.date()} to {last.date()}). Fix: widen the period.")
    days = work.groupby("customer")["date"].nunique()
    flag = (days >= 2).rename("repeat")
    groups = _per_customer_group(work, by).reindex(flag.index).rename(by) if by is not None else None
    return _rate_table(flag, groups, confidence, "repeat")


def tucker_loyal(df: pd.DataFrame, customer: str = "customer_id", date: str = "date", n: int = 3,
                 window: int | str | pd.Timedelta = 365) -> pd.Series:
    """Tucker's rule (1964): a customer who buys n times in a row is loyal (n = 3 by default).

    With one firm's transactions, "in a row" means n successive purchase
    days with no gap that would signal a switch: customer is loyal when
    some n consecutive purchase days fit inside ``window`` (days, or a
    Timedelta / text such as "180D"), i.e. day[i+n-1] - day[i] <= window.
    Same-day purchases count once. Returns a boolean Series per customer.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 2],
    ...     "date": ["2024-01-01", "2024-03-01", "2024-06-01", "2022-01-01", "2023-01-01", "2024-01-01"]})
    >>> tucker_loyal(tx).tolist()
    [True, False]

    Source: Tucker, W. T. (1964). The development of brand loyalty. Journal of Marketing Research 1(3).
    """
    n = v.require_int(n, "n", minimum=1)
    if isinstance(window, (bool, np.bool_)):
        raise CRMDataError(f"window={window!r} is not a length of time. Fix: e.g. 365 or '365D'.")
    if isinstance(window, (int, float, np.integer, np.floating)):
        v.require_positive(window, "window")
        window = pd.Timedelta(days=float(window))
    else:
        try:
            window = pd.Timedelta(window)
        except (ValueError, TypeError, OverflowError):
            raise CRMDataError(f"window={window!r} is not a length of time. Fix: e.g. 365 or '365D'.") from None
        if pd.isna(window) or window <= pd.Timedelta(0):
            raise CRMDataError(f"window={window!r} must be a positive length of time. Fix: e.g. 365 or '365D'.")
    work = _transactions(df, customer, date)
    days = work[["customer", "date"]].drop_duplicates().sort_values(["customer", "date"], kind="stable")
    later = days.groupby("customer")["date"].shift(-(n - 1))
    ok = (later - days["date"]) <= window
    out = ok.groupby(days["customer"], sort=True).any() if n > 1 else \
        pd.Series(True, index=pd.Index(days["customer"].unique()).sort_values())
    out.index.name = customer
    return out.rename("tucker_loyal")


RFM_SEGMENTS = ("champions", "loyal_customers", "potential_loyalists", "new_customers",
                "need_attention", "at_risk", "hibernating")


def _score(values: pd.Series, bins: int, higher_is_better: bool = True) -> pd.Series:
    pct = values.rank(method="average", pct=True, ascending=higher_is_better)
    return np.ceil(pct * bins).clip(1, bins).astype("int64")


def rfm(df: pd.DataFrame, customer: str = "customer_id", date: str = "date", amount: str = "amount",
        as_of=None, bins: int = 5) -> pd.DataFrame:
    """RFM scores (recency, frequency, monetary) and named segments per customer.

    recency = days from the last purchase to ``as_of`` (default: the last
    date in the data; later transactions are ignored); frequency = number
    of transactions; monetary = total amount. Each becomes a score 1..bins
    by quantile: score = ceil(bins * percentile rank), ties share the
    average rank (so equal values get equal scores); recent, frequent and
    big spenders get ``bins``. Segments (on R and F, scaled to 1-5):
    champions R>=4, F>=4; loyal_customers R=3, F>=4; potential_loyalists
    R>=4, F 2-3; new_customers R>=4, F=1; at_risk R<=2, F>=3; hibernating
    R<=2, F<=2; need_attention the rest.

    Returns: recency, frequency, monetary, R, F, M, rfm_cell ("545"),
    rfm_score (R+F+M), segment.

    Source: Hughes, A. M. (1994). Strategic Database Marketing.
    """
    bins = v.require_int(bins, "bins", minimum=2, maximum=100)
    work = _transactions(df, customer, date, amount)
    as_of = _as_of(as_of, work["date"])
    day = _day_numbers(work["date"])
    keep = day <= _day_of(as_of)
    if not keep.any():
        raise CRMDataError(f"no transactions on or before as_of={as_of.date()}. Fix: choose a later as_of.")
    every = bool(keep.all())
    cust = work["customer"].to_numpy()
    money = work["amount"].to_numpy()
    if not every:
        cust, money, day = cust[keep], money[keep], day[keep]
    codes, ids = _by_customer(cust)
    k = len(ids)
    last = np.full(k, np.iinfo("int64").min)
    np.maximum.at(last, codes, day)
    out = pd.DataFrame({"recency": _day_of(as_of) - last,
                        "frequency": np.bincount(codes, minlength=k),
                        "monetary": np.bincount(codes, weights=money, minlength=k)},
                       index=ids.rename(customer))
    out["R"] = _score(-out["recency"].astype("float64"), bins)
    out["F"] = _score(out["frequency"].astype("float64"), bins)
    out["M"] = _score(out["monetary"], bins)
    digits = np.array([str(i) for i in range(1, bins + 1)], dtype=object)
    if bins <= 9:
        lookup = np.array([a + b + c for a in digits for b in digits for c in digits], dtype=object)
        cell = lookup[((out["R"] - 1) * bins + (out["F"] - 1)) * bins + (out["M"] - 1)]
    else:
        cell = out["R"].astype(str) + "-" + out["F"].astype(str) + "-" + out["M"].astype(str)
    out["rfm_cell"] = pd.Series(np.asarray(cell, dtype=object), index=out.index, dtype="str")
    out["rfm_score"] = out["R"] + out["F"] + out["M"]
    r5 = np.ceil(out["R"] * 5 / bins)
    f5 = np.ceil(out["F"] * 5 / bins)
    seg = np.select(
        [(r5 >= 4) & (f5 >= 4), (r5 == 3) & (f5 >= 4), (r5 >= 4) & (f5 >= 2), (r5 >= 4) & (f5 == 1),
         (r5 <= 2) & (f5 >= 3), (r5 <= 2) & (f5 <= 2)],
        ["champions", "loyal_customers", "potential_loyalists", "new_customers", "at_risk", "hibernating"],
        default="need_attention")
    out["segment"] = pd.Series(seg, index=out.index, dtype="str")
    out.attrs["as_of"] = str(as_of.date())
    return out


# --------------------------------------------------------------- value concentration

def purchase_deciles(df: pd.DataFrame, customer: str = "customer_id", amount: str = "amount",
                     margin: str | None = "margin", n_groups: int = 10) -> pd.DataFrame:
    """Purchase decile analysis (购买十分位分析).

    Customers are ranked by total sales (highest first; ties keep the
    order of the customer id) and cut into ``n_groups`` groups of equal
    size (sizes differ by at most one; the larger groups come first, as
    in ``np.array_split``). Per group: customers, sales,
    profit (sum of ``margin``), their shares of the total and the
    cumulative shares. Group 1 holds the best customers.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": [1, 2, 3, 4], "amount": [40.0, 30, 20, 10], "margin": [8.0, 6, 4, 2]})
    >>> purchase_deciles(tx, n_groups=2)["sales_share"].tolist()
    [0.7, 0.3]
    """
    n_groups = v.require_int(n_groups, "n_groups", minimum=2)
    work = _transactions(df, customer, None, amount, margin)
    agg = {"sales": ("amount", "sum")}
    if margin is not None:
        agg["profit"] = ("margin", "sum")
    per = work.groupby("customer", sort=True).agg(**agg)
    n = len(per)
    if n < n_groups:
        raise CRMDataError(f"only {n} customers for n_groups={n_groups} groups. Fix: use fewer groups or more data.")
    if per["sales"].sum() <= 0:
        raise CRMDataError(f"column {amount!r} sums to 0, so sales shares are undefined. "
                           "Fix: check the amount column (a decile analysis needs some sales).")
    if margin is not None and per["profit"].sum() == 0:
        raise CRMDataError(f"column {margin!r} sums to 0, so profit shares are undefined. "
                           "Fix: check the margin column, or pass margin=None for sales only.")
    if margin is not None and per["profit"].sum() < 0:
        warnings.warn(f"column {margin!r} sums to a loss ({per['profit'].sum():.4g}): profit shares are shares "
                      "of a negative total and read upside down. Fix: read the profit column itself, "
                      "or pass margin=None.", CRMWarning, stacklevel=2)
    order = np.argsort(-per["sales"].to_numpy(), kind="stable")
    q, rem = divmod(n, n_groups)  # the first `rem` groups get one customer more (larger groups first)
    pos = np.arange(n)
    big = rem * (q + 1)
    group = np.empty(n, dtype="int64")
    group[order] = np.where(pos < big, pos // (q + 1), rem + (pos - big) // max(q, 1)) + 1
    g = per.groupby(group)
    out = g.sum()
    out.insert(0, "customers", g.size())
    out.index = pd.Index(out.index, name="decile" if n_groups == 10 else "group")
    total_sales = out["sales"].sum()
    out["sales_share"] = out["sales"] / total_sales
    out["cum_customers"] = out["customers"].cumsum() / n
    out["cum_sales_share"] = out["sales_share"].cumsum()
    if margin is not None:
        out["profit_share"] = out["profit"] / out["profit"].sum()
        out["cum_profit_share"] = out["profit_share"].cumsum()
    return out


def _values(data, customer: str, amount: str) -> np.ndarray:
    if isinstance(data, pd.DataFrame):
        work = _transactions(data, customer, None, amount)
        vals = work.groupby("customer")["amount"].sum().to_numpy()
    else:
        if data is None or isinstance(data, (str, bytes, int, float, np.number, bool)) or \
                (isinstance(data, np.ndarray) and data.ndim != 1) or isinstance(data, (set, frozenset)):
            raise CRMDataError(f"data must be transactions (a DataFrame) or one value per customer (a Series, "
                               f"list or 1-d array), got {type(data).__name__} {data!r:.60}. "
                               "Fix: pass e.g. tx, or tx.groupby('customer_id')['amount'].sum().")
        try:
            s = pd.Series(data)
        except (TypeError, ValueError) as exc:
            raise CRMDataError(f"data cannot be read as one value per customer ({exc}). "
                               "Fix: pass a Series, list or 1-d array of numbers.") from None
        if s.empty:
            raise CRMDataError("values are empty. Fix: pass one value per customer.")
        v.require_numeric(s.to_frame("value"), ["value"])
        v.require_no_missing(s.to_frame("value"), ["value"])
        v.require_nonnegative(s.to_frame("value"), ["value"])
        _require_finite(s.to_frame("value"), "value")
        vals = s.to_numpy(dtype="float64")
    if vals.sum() <= 0:
        raise CRMDataError("all values are 0. Fix: a concentration measure needs some sales.")
    return vals


def lorenz_curve(data, customer: str = "customer_id", amount: str = "amount",
                 descending: bool = True) -> pd.DataFrame:
    """Cumulative share of value against cumulative share of customers.

    ``data``: transactions (summed per customer) or one value per customer.
    ``descending=True`` (default) gives the Pareto view (best customers
    first, a concave curve); ``descending=False`` the classical Lorenz
    curve (convex). Starts at (0, 0) and ends at (1, 1).
    """
    descending = _flag(descending, "descending")
    vals = np.sort(_values(data, customer, amount))
    if descending:
        vals = vals[::-1]
    n = len(vals)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "value_share": np.concatenate([[0.0], np.cumsum(vals) / vals.sum()])})


def gini(data, customer: str = "customer_id", amount: str = "amount") -> float:
    """Gini coefficient of value across customers (0 = all equal, near 1 = one customer has all).

    G = sum_i (2i - n - 1) x_(i) / (n * sum x), x sorted ascending, i = 1..n
    (maximum (n-1)/n).

    Example
    -------
    >>> gini(pd.Series([0, 0, 0, 10.0]))
    0.75
    """
    x = np.sort(_values(data, customer, amount))
    n = len(x)
    i = np.arange(1, n + 1)
    return float(((2 * i - n - 1) * x).sum() / (n * x.sum()))


def pareto_share(data, top: float = 0.2, customer: str = "customer_id", amount: str = "amount") -> float:
    """Share of value from the top ``top`` fraction of customers (the 80/20 rule reads 0.8 at top=0.2).

    ``data``: transactions (summed per customer) or one value per customer.
    The definition is :func:`crmlab.stats.pareto_share` (the Pareto curve of
    :func:`lorenz_curve` read at ``top``, interpolated between whole
    customers), the same as ``crmlab.burnett.pareto_share``.

    >>> pareto_share(pd.Series([60.0, 20, 10, 5, 5]), top=0.3)
    0.7
    """
    return _pareto_share(_values(data, customer, amount), top)


# --------------------------------------------------------------- retention and churn

def cohort_retention(df: pd.DataFrame, customer: str = "customer_id", date: str = "date",
                     freq: str = "Q", counts: bool = False) -> pd.DataFrame:
    """Acquisition cohort x period table (留存率): share of each cohort that bought in period k.

    cohort = period (``freq``: "M", "Q" or "Y") of the first purchase;
    k = periods since then (k = 0 is the acquisition period, always 1.0);
    cell = customers of the cohort who bought in period k / cohort size.
    Cells after the last period in the data are NaN. ``counts=True``
    returns the customer counts instead. The cohort sizes are in
    ``.attrs["size"]``.
    """
    if not isinstance(freq, str):
        raise CRMDataError(f"freq={freq!r} is not one of 'M', 'Q', 'Y'. Fix: pick one of those.")
    v.require_choice(freq, ["M", "Q", "Y"], "freq")
    counts = _flag(counts, "counts")
    work = _transactions(df, customer, date)
    period = work["date"].dt.to_period(freq)
    first = period.groupby(work["customer"]).transform("min")
    k = (period - first).map(lambda off: off.n).astype("int64")
    active = pd.DataFrame({"customer": work["customer"], "cohort": first, "k": k}).drop_duplicates()
    table = active.groupby(["cohort", "k"]).size().unstack("k")
    size = table[0]
    last = period.max()
    age = np.array([(last - c).n for c in table.index])
    table = table.reindex(columns=range(int(age.max()) + 1))
    ks = np.asarray(table.columns)
    observed = ks[None, :] <= age[:, None]
    table = table.where(observed, np.nan)
    table = table.where(~(observed & table.isna()), 0.0)
    out = table if counts else table.div(size, axis=0)
    out.index = out.index.astype(str)
    out.index.name = "cohort"
    out.columns.name = "periods_since_first"
    out.attrs["size"] = size.set_axis(out.index).astype("int64").to_dict()
    return out


def churn_by_group(df: pd.DataFrame, by: str, customer: str = "customer_id", date: str = "date",
                   as_of=None, inactive_days: int = 180, confidence: float = 0.95,
                   margin: str | None = None) -> pd.DataFrame:
    """Churn rate (流失率) per customer group, with Wilson intervals.

    A customer counts as churned when their last purchase on or before
    ``as_of`` is more than ``inactive_days`` before it. Only customers
    acquired at least ``inactive_days`` before ``as_of`` are counted (the
    others could not have churned yet). ``by`` is a column of the
    transactions; a customer's group is its value on their first purchase.
    Returns: n, churned, rate, ci_low, ci_high per group.

    With ``margin=`` (a column of gross profit per purchase) the cost of
    churn (流失成本) is added: ``lost_margin``, the yearly margin the
    churned customers brought while active (their margin in the 365 days up
    to their last purchase), ``lost_per_churned`` (its mean per churned
    customer) and ``value_per_point`` = n / 100 * lost_per_churned, the
    yearly margin kept if churn fell by one percentage point (one customer
    in a hundred kept, valued at a churned customer's margin): the most a
    retention programme may cost per point and year and still pay.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 3], "channel": ["app", "app", "app", "store"],
    ...                    "date": ["2024-01-01", "2024-12-01", "2024-01-05", "2024-02-01"],
    ...                    "margin": [10.0, 20.0, 30.0, 5.0]})
    >>> out = churn_by_group(tx, "channel", as_of="2024-12-31", margin="margin")
    >>> out[["n", "churned", "lost_margin", "value_per_point"]].values.tolist()
    [[2.0, 1.0, 30.0, 0.6], [1.0, 1.0, 5.0, 0.05]]

    Parameters
    ----------
    df : DataFrame
        Transactions, one row per purchase.
    by : str
        Column whose value on a customer's first purchase is the customer's group.
    customer, date : str
        Columns of the customer id and the purchase date.
    as_of : date, optional
        The reference date (default: the latest purchase date).
    inactive_days : int, default 180
        Days without a purchase after which a customer counts as churned.
    confidence : float, default 0.95
        Level of the Wilson intervals.
    margin : str, optional
        Column of gross profit per purchase; adds the cost-of-churn columns.
    """
    if isinstance(inactive_days, (bool, np.bool_)):
        raise CRMDataError(f"inactive_days={inactive_days!r} is not a number of days. Fix: e.g. inactive_days=180.")
    v.require_positive(inactive_days, "inactive_days")
    confidence = v.require_confidence(confidence)
    if by is None:
        raise CRMDataError("churn_by_group needs by= (the grouping column). Fix: e.g. by='channel'.")
    work = _transactions(df, customer, date, margin=margin, extra=[by])
    v.require_group_labels(df, by)
    as_of = _as_of(as_of, work["date"])
    work = work[work["date"] <= as_of]
    g = work.groupby("customer")["date"]
    first, last = g.min(), g.max()
    cutoff = as_of - pd.Timedelta(days=float(inactive_days))
    eligible = first <= cutoff
    if not eligible.any():
        raise CRMDataError(f"no customer was acquired {inactive_days} days before as_of. Fix: choose a later as_of.")
    churned = (last < cutoff)[eligible].rename("churned")
    groups = _per_customer_group(work, by).reindex(churned.index).rename(by)
    out = _rate_table(churned, groups, confidence, "churned")
    if margin is None:
        return out
    # yearly margin while active: the 365 days up to each customer's last purchase
    last_of_row = work["customer"].map(last)
    active_year = work["date"] > last_of_row - pd.Timedelta(days=365)
    yearly = work.loc[active_year].groupby("customer")["margin"].sum().reindex(churned.index)
    lost = yearly.where(churned, 0.0).groupby(groups, sort=True).sum()
    out["lost_margin"] = lost.reindex(out.index).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        out["lost_per_churned"] = np.where(out["churned"] > 0, out["lost_margin"] / out["churned"].clip(lower=1),
                                           np.nan)
    out["value_per_point"] = out["n"] / 100 * out["lost_per_churned"]
    if (out["churned"] == 0).any():
        none = ", ".join(map(str, out.index[out["churned"] == 0][:5]))
        warnings.warn(f"no churned customer in group(s) {none}: their lost_per_churned and value_per_point are "
                      "empty (NaN), as there is no churn to reduce. Fix: read their rate (0), or use a shorter "
                      "inactive_days.", CRMWarning, stacklevel=2)
    return out


TARGET_GROUPS = ("transaction", "keep", "grow_share", "losing_value", "other")


def customer_targets(df: pd.DataFrame, customer: str = "customer_id", date: str = "date", amount: str = "amount",
                     margin: str = "margin", as_of=None, max_margin_rate: float = 0.15, grow_share: float = 0.4,
                     decline: float = 0.25) -> pd.DataFrame:
    """Transaction customers and the three target groups of the purchase decile analysis.

    The course notes *Customer relationship analysis* first set aside the **transaction
    customers** (交易客户: they buy on price alone and bring little profit):
    here, customers whose margin rate (total margin / total sales) is below
    ``max_margin_rate``. Among the **relationship customers** (关系客户) it
    names three targets from the purchase deciles (customers ranked by
    sales up to ``as_of``):

    - ``keep``: the top decile, who bring the most profit: keep them;
    - ``grow_share``: the next deciles, taken until together they reach
      ``grow_share`` of sales (the reading: 40-50%); they may also buy from
      competitors: raise our share of their purchases;
    - ``losing_value``: other profitable customers whose sales in the year
      up to ``as_of`` fell by more than ``decline`` against the year before;
      winning them back may cost more than it brings;
    - ``other``: the rest.

    Returns one row per customer: sales, profit, margin_rate, decile,
    sales_last_year, sales_year_before, target (one of ``TARGET_GROUPS``).

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": list(range(1, 11)) + [9],
    ...                    "date": ["2024-06-01"] * 10 + ["2023-06-01"],
    ...                    "amount": [500.0, 300, 200, 150, 120, 100, 80, 60, 40, 20, 100],
    ...                    "margin": [150.0, 90, 60, 10, 36, 30, 24, 18, 12, 6, 30]})
    >>> customer_targets(tx, as_of="2024-12-31", grow_share=0.3)["target"].tolist()
    ['keep', 'grow_share', 'grow_share', 'transaction', 'other', 'other', 'other', 'other', 'losing_value', 'other']

    Parameters
    ----------
    df : DataFrame
        Transactions, one row per purchase.
    customer, date, amount, margin : str
        Columns of the customer id, purchase date, sales and gross profit.
    as_of : date, optional
        The reference date (default: the latest purchase date); later purchases are ignored.
    max_margin_rate : float, default 0.15
        Margin rate below which a customer counts as a transaction customer.
    grow_share : float, default 0.4
        Share of sales the ``grow_share`` deciles reach together (0-1).
    decline : float, default 0.25
        Fall in yearly sales (0-1) from which a customer is losing value.

    Source: course notes *Customer relationship analysis* (划分交易客户, 划分关系客户, 购买十分位分析).
    """
    max_margin_rate = _number(max_margin_rate, "max_margin_rate", -1, 1, "0.15")
    grow_share = _number(grow_share, "grow_share", 0, 1, "0.4")
    decline = _number(decline, "decline", 0, 1, "0.25")
    if grow_share <= 0 or grow_share >= 1 or decline <= 0 or decline >= 1:
        bad = "grow_share" if grow_share <= 0 or grow_share >= 1 else "decline"
        raise CRMDataError(f"{bad}={grow_share if bad == 'grow_share' else decline:g} must lie strictly between "
                           f"0 and 1. Fix: e.g. {bad}={0.4 if bad == 'grow_share' else 0.25}.")
    work = _transactions(df, customer, date, amount, margin)
    as_of = _as_of(as_of, work["date"])
    work = work[work["date"] <= as_of]
    if work.empty:
        raise CRMDataError("no purchase on or before as_of. Fix: choose a later as_of.")
    per = work.groupby("customer", sort=True).agg(sales=("amount", "sum"), profit=("margin", "sum"))
    if len(per) < 10:
        raise CRMDataError(f"only {len(per)} customers: a decile analysis needs at least 10. Fix: use more data.")
    if per["sales"].sum() <= 0:
        raise CRMDataError(f"column {amount!r} sums to 0, so sales shares are undefined. Fix: check the amount column.")
    with np.errstate(invalid="ignore", divide="ignore"):
        per["margin_rate"] = np.where(per["sales"] > 0, per["profit"] / per["sales"].where(per["sales"] > 0), 0.0)
    n = len(per)
    order = np.argsort(-per["sales"].to_numpy(), kind="stable")
    q, rem = divmod(n, 10)
    pos = np.arange(n)
    big = rem * (q + 1)
    decile = np.empty(n, dtype="int64")
    decile[order] = np.where(pos < big, pos // (q + 1), rem + (pos - big) // max(q, 1)) + 1
    per["decile"] = decile
    year = pd.Timedelta(days=365)
    recent = work["date"] > as_of - year
    before = (work["date"] > as_of - 2 * year) & ~recent
    per["sales_last_year"] = work.loc[recent].groupby("customer")["amount"].sum().reindex(per.index, fill_value=0.0)
    per["sales_year_before"] = work.loc[before].groupby("customer")["amount"].sum().reindex(per.index, fill_value=0.0)
    share = per.groupby("decile")["sales"].sum() / per["sales"].sum()
    after_top = share.iloc[1:].cumsum()
    last_grow = int(after_top.index[np.argmax(after_top.to_numpy() >= grow_share)]) if (after_top >= grow_share).any() \
        else int(share.index.max())
    transaction = per["margin_rate"] < max_margin_rate
    losing = (per["profit"] > 0) & (per["sales_year_before"] > 0) & \
        (per["sales_last_year"] < (1 - decline) * per["sales_year_before"])
    per["target"] = np.select(
        [transaction, per["decile"] == 1, per["decile"] <= last_grow, losing],
        ["transaction", "keep", "grow_share", "losing_value"], default="other")
    per.index.name = customer
    return per


# --------------------------------------------------------------- customer lifetime value

def _array(value, name, example):
    """A number or an array of numbers (float64); text, bools, None and NaN are refused."""
    if value is None or isinstance(value, (str, bytes, bool, np.bool_, dict, set)):
        raise CRMDataError(f"{name}={value!r} is not a number. Fix: pass a number ({example}) or an array of numbers.")
    try:
        x = np.asarray(value, dtype="float64")
    except (TypeError, ValueError):
        raise CRMDataError(f"{name}={value!r:.60} is not a number or an array of numbers. "
                           f"Fix: pass numbers ({example}).") from None
    if x.size == 0:
        raise CRMDataError(f"{name} is empty. Fix: pass at least one number ({example}).")
    if not np.all(np.isfinite(x)):
        raise CRMDataError(f"{name}={value!r:.60} has missing or infinite values. Fix: pass finite numbers ({example}).")
    return x


def _rate(value, name, upper=1.0, allow_zero=True):
    x = _array(value, name, "e.g. 0.8 for 80%")
    if np.any(~np.isfinite(x)) or np.any(x < 0) or np.any(x > upper) or (not allow_zero and np.any(x == 0)):
        raise CRMDataError(f"{name}={value!r} must be between 0 and {upper:g}. Fix: pass a fraction, e.g. 0.8 for 80%.")
    return x


def margin_multiplier(retention, discount):
    """CLV per unit of margin: r / (1 + d - r) (Gupta & Lehmann 2003)."""
    r = _rate(retention, "retention", 0.999999)
    d = _rate(discount, "discount", 10)
    return r / (1 + d - r)


def clv(margin, retention, discount: float = 0.1, periods: int | None = None, growth: float = 0.0,
        acquisition_cost: float = 0.0):
    """Customer lifetime value with a constant retention rate (客户生命周期价值).

    CLV = sum_{t=1..T} m (1+g)^(t-1) r^t / (1+d)^t - AC. With T infinite and
    g = 0 this is the closed form m * r / (1 + d - r): margin m per period,
    received at the end of each period the customer is still there,
    retention r, discount rate d. ``growth`` g lets the margin grow with
    tenure (Reichheld & Sasser: long-standing customers buy more, cost less
    to serve and refer others); needs r (1+g) < 1 + d when ``periods`` is None.
    Works elementwise on arrays.

    Example
    -------
    >>> round(clv(100, 0.8, 0.1), 2)   # 100 * 0.8 / 0.3
    266.67

    Source: Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of Interactive Marketing 17(1).
    """
    m = _array(margin, "margin", "e.g. 100 per period")
    r = _rate(retention, "retention", 1.0)
    d = _rate(discount, "discount", 10)
    g = _array(growth, "growth", "e.g. 0.02 for 2% a period")
    if np.any(g <= -1):
        raise CRMDataError(f"growth={growth!r} must be above -1 (-100%). Fix: e.g. growth=0.02.")
    ac = _array(acquisition_cost, "acquisition_cost", "e.g. 50")
    try:
        np.broadcast_shapes(m.shape, r.shape, d.shape, g.shape, ac.shape)
    except ValueError:
        raise CRMDataError(f"margin, retention, discount, growth and acquisition_cost have shapes {m.shape}, "
                           f"{r.shape}, {d.shape}, {g.shape}, {ac.shape} that do not fit together. "
                           "Fix: pass arrays of one length (or single numbers).") from None
    if periods is not None:
        periods = v.require_int(periods, "periods", minimum=1, maximum=100_000)
    if periods is None:
        q = r * (1 + g)
        if np.any(q >= 1 + d):
            raise CRMDataError("retention * (1 + growth) must be below 1 + discount for an infinite horizon. "
                               "Fix: lower growth or retention, or pass periods=.")
        out = m * r / (1 + d - q)
    else:
        t = np.arange(1, periods + 1).reshape((-1,) + (1,) * np.ndim(m * r * d * g))
        out = (m * (1 + g) ** (t - 1) * r**t / (1 + d) ** t).sum(axis=0)
    out = out - ac
    return float(out) if np.ndim(out) == 0 else out


def clv_projection(margin: float, retention: float, discount: float = 0.1, periods: int = 10,
                   growth: float = 0.0, acquisition_cost: float = 0.0) -> pd.DataFrame:
    """Per-period projection behind :func:`clv`: survival r^t, margin, discounted value, cumulative CLV.

    Row t (1..periods): survival = r^t; margin = m (1+g)^(t-1); expected =
    survival * margin; discounted = expected / (1+d)^t; cum_clv = running sum
    of discounted minus the acquisition cost.
    """
    r = _rate(retention, "retention")
    d = _rate(discount, "discount", 10)
    if r.ndim or d.ndim:
        raise CRMDataError("clv_projection takes one retention and one discount rate, not arrays. "
                           "Fix: call it once per rate (or use clv for arrays).")
    r, d = float(r), float(d)
    periods = v.require_int(periods, "periods", minimum=1, maximum=100_000)
    margin = _number(margin, "margin", example="100")
    growth = _number(growth, "growth", low=-0.999999, example="0.02")
    acquisition_cost = _number(acquisition_cost, "acquisition_cost", example="50")
    t = np.arange(1, periods + 1)
    surv = r**t
    mt = margin * (1 + growth) ** (t - 1)
    disc = surv * mt / (1 + d) ** t
    return pd.DataFrame({"survival": surv, "margin": mt, "expected_margin": surv * mt, "discounted": disc,
                         "cum_clv": np.cumsum(disc) - acquisition_cost}, index=pd.Index(t, name="period"))


def retention_sensitivity(margin: float, retention, discount: float = 0.1, delta: float = 0.05,
                          periods: int | None = None, growth: float = 0.0,
                          acquisition_cost: float = 0.0) -> pd.DataFrame:
    """How much CLV (profit per customer) rises when retention rises by ``delta`` (5 points).

    For each base retention r: CLV(r) and CLV(r + delta) from :func:`clv`,
    and the change in percent = CLV(r+delta) / CLV(r) - 1. Reichheld &
    Sasser (1990) report +25% to +85% profit across industries for 5
    points more retention; the range depends on the retention level, the
    margin growth with tenure and the acquisition cost.

    Parameters
    ----------
    margin : float
        Margin per customer and period.
    retention : float or array
        Base retention rate(s) r, each in [0, 1 - delta].
    discount : float, default 0.1
        Discount rate per period.
    delta : float, default 0.05
        The rise in retention (0.05 = five points).
    periods : int, optional
        Number of periods (None: the infinite-horizon formula).
    growth : float, default 0.0
        Growth of the margin per period of tenure.
    acquisition_cost : float, default 0.0
        Cost of acquiring the customer, subtracted from CLV.

    Source: Reichheld, F. F. & Sasser, W. E. (1990). Zero defections:
    quality comes to services. Harvard Business Review 68(5).
    """
    r = np.atleast_1d(_rate(retention, "retention")).astype("float64")
    if r.ndim != 1:
        raise CRMDataError("retention must be one rate or a 1-d list of rates. Fix: e.g. [0.6, 0.7, 0.8].")
    delta = _number(delta, "delta", example="0.05")
    if not 0 < delta < 1:
        raise CRMDataError(f"delta={delta!r} must be between 0 and 1 (a rise in retention). Fix: e.g. delta=0.05.")
    if np.any(r + delta > 1):
        bad = pd.Series(r)[r + delta > 1]
        raise CRMDataError(f"retention + delta goes above 1 for retention {v.show_values(bad)}. "
                           f"Fix: use base retention rates <= 1 - delta = {1 - delta:g}.")
    base = np.atleast_1d(clv(margin, r, discount, periods, growth, acquisition_cost))
    up = np.atleast_1d(clv(margin, r + delta, discount, periods, growth, acquisition_cost))
    if np.any(base == 0):
        bad = pd.Series(r)[base == 0]
        warnings.warn(f"CLV is 0 at retention {v.show_values(bad)} (no customer stays, or margin and "
                      "acquisition cost cancel), so its percent change is undefined: change_pct is NaN there "
                      "(not inf). Fix: read clv_plus - clv there, or use base retention rates above 0.",
                      CRMWarning, stacklevel=2)
    if np.any(base < 0):
        bad = pd.Series(r)[base < 0]
        warnings.warn(f"CLV is negative at retention {v.show_values(bad)} (the acquisition cost exceeds the "
                      "value): change_pct there is relative to a loss. Fix: read clv and clv_plus, "
                      "or lower acquisition_cost.", CRMWarning, stacklevel=2)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        change = np.where(base == 0, np.nan, (up / np.where(base == 0, 1.0, base) - 1) * 100)
    out = pd.DataFrame({"clv": base, "clv_plus": up, "change_pct": change},
                       index=pd.Index(r, name="retention"))
    return out


# --------------------------------------------------------------- survey measures

def nps(data, column: str = "recommend", by: str | None = None, confidence: float = 0.95) -> pd.DataFrame:
    """Net Promoter Score (净推荐值, Reichheld 2003) with a normal-approximation interval.

    On the 0-10 question: promoters 9-10, passives 7-8, detractors 0-6.
    NPS = 100 * (promoters - detractors) / n, in -100..100. Its standard
    error: 100 * sqrt((p_P + p_D - (p_P - p_D)^2) / n) (the variance of a
    difference of two multinomial shares); the interval is clipped to
    [-100, 100]. Missing answers are dropped.

    Example
    -------
    >>> nps(pd.Series([10, 9, 8, 3]))["nps"].item()
    25.0
    """
    from crmlab.stats import z_quantile

    z = z_quantile(confidence)
    _colnames(column=column, by=by)
    if isinstance(data, pd.Series):
        if by is not None:
            raise CRMDataError("by= needs a DataFrame (the grouping is a column), but data is a Series. "
                               f"Fix: pass the survey frame, e.g. nps(survey, {column!r}, by={by!r}).")
        df = data.to_frame(column)
    else:
        df = data
    v.require_frame(df, "survey")
    v.require_columns(df, [column] + ([by] if by is not None else []), "survey")
    _require_unique_columns(df, [column] + ([by] if by is not None else []))
    if by is not None:
        v.require_group_labels(df, by)
    v.require_in_scale(df, [column], 0, 10, allow_missing=True, integer=True)
    s = df[column].astype("float64")
    keep = s.notna()
    if not keep.any():
        raise CRMDataError(f"column {column!r} has no answers. Fix: check the column name.")
    s = s[keep]
    groups = df[by][keep] if by is not None else pd.Series("all", index=s.index)
    frame = pd.DataFrame({"promoter": s >= 9, "passive": (s >= 7) & (s <= 8), "detractor": s <= 6})
    g = frame.groupby(groups.to_numpy(), sort=True)
    n = g.size()
    share = g.mean()
    score = (share["promoter"] - share["detractor"]) * 100
    se = 100 * np.sqrt((share["promoter"] + share["detractor"] - (score / 100) ** 2) / n)
    out = pd.DataFrame({"n": n.astype("int64"), "promoters": share["promoter"], "passives": share["passive"],
                        "detractors": share["detractor"], "nps": score,
                        "ci_low": (score - z * se).clip(-100, 100), "ci_high": (score + z * se).clip(-100, 100)})
    out.index.name = by or "group"
    return out


JONES_SASSER_TYPES = ("apostle", "loyalist", "mercenary", "hostage", "defector", "terrorist")


def jones_sasser(df: pd.DataFrame, loyal: str = "loyal", satisfaction: str = "satisfaction",
                 recommend: str = "recommend", satisfied_at: int = 5, apostle_at: int = 9,
                 terrorist_at: int = 2, dissatisfied_at: int = 2, lang: str | None = None) -> pd.Series:
    """The satisfaction-loyalty matrix (Jones & Sasser 1995): one of six types per respondent.

    satisfied = satisfaction >= ``satisfied_at``: by default the **top box**
    (5 = completely satisfied on 1-5), Jones & Sasser's point being that
    only completely satisfied customers are reliably loyal; ``loyal`` is a
    yes/no column (e.g. bought again after the survey, or Tucker-loyal).

    - satisfied and loyal: apostle (热心追随者) when also a promoter
      (recommend >= ``apostle_at``), else loyalist (忠诚者)
    - satisfied, not loyal: mercenary (唯利是图者)
    - not satisfied, loyal: hostage (不自主者)
    - not satisfied, not loyal: terrorist (恐怖分子) when dissatisfied
      (satisfaction <= ``dissatisfied_at``) and vocal (recommend <=
      ``terrorist_at``), else defector (背叛者)

    Returns keys (or labels in ``lang``); NaN where an answer is missing.

    Example
    -------
    >>> s = pd.DataFrame({"satisfaction": [5, 5, 4, 4, 1], "recommend": [10, 7, 8, 6, 0],
    ...                   "loyal": [True, True, False, True, False]})
    >>> jones_sasser(s).tolist()
    ['apostle', 'loyalist', 'defector', 'hostage', 'terrorist']
    >>> jones_sasser(s, satisfied_at=4).tolist()[2]
    'mercenary'

    Parameters
    ----------
    df : DataFrame
        One row per respondent.
    loyal : str, default "loyal"
        Yes/no column: loyal in behaviour.
    satisfaction : str, default "satisfaction"
        Column of overall satisfaction (1-5).
    recommend : str, default "recommend"
        Column of the likelihood to recommend (0-10).
    satisfied_at : int, default 5
        Satisfaction from which a respondent counts as satisfied (a whole
        number 2-5; 5 = top box only, 4 = the "satisfied or very satisfied" reading).
    apostle_at : int, default 9
        Recommendation from which a satisfied loyal respondent is an apostle.
    terrorist_at : int, default 2
        Recommendation at or below which a dissatisfied defector is a terrorist.
    dissatisfied_at : int, default 2
        Satisfaction at or below which a respondent counts as dissatisfied
        (a terrorist must be); below ``satisfied_at``.
    lang : str, optional
        Return labels in this language instead of keys.

    Source: Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers
    defect. Harvard Business Review 73(6).
    """
    v.require_frame(df, "survey")
    _colnames(loyal=loyal, satisfaction=satisfaction, recommend=recommend)
    v.require_columns(df, [loyal, satisfaction, recommend], "survey")
    _require_unique_columns(df, [loyal, satisfaction, recommend])
    satisfied_at = v.require_int(satisfied_at, "satisfied_at", 2, 5)
    dissatisfied_at = v.require_int(dissatisfied_at, "dissatisfied_at", 1, 4)
    if dissatisfied_at >= satisfied_at:
        raise CRMDataError(f"dissatisfied_at={dissatisfied_at} must be below satisfied_at={satisfied_at}. "
                           "Fix: e.g. dissatisfied_at=2, satisfied_at=5.")
    apostle_at = _number(apostle_at, "apostle_at", 0, 10, "9")
    terrorist_at = _number(terrorist_at, "terrorist_at", 0, 10, "2")
    if terrorist_at >= apostle_at:
        raise CRMDataError(f"terrorist_at={terrorist_at:g} must be below apostle_at={apostle_at:g}. "
                           "Fix: e.g. terrorist_at=2, apostle_at=9.")
    if lang is not None:
        from crmlab.labels import check_lang
        check_lang(lang)
    v.require_in_scale(df, [satisfaction], 1, 5, allow_missing=True)
    v.require_in_scale(df, [recommend], 0, 10, allow_missing=True)
    is_loyal = v.to_bool(df, loyal, allow_missing=True)
    sat = df[satisfaction].astype("float64")
    rec = df[recommend].astype("float64")
    ok = sat.notna() & rec.notna() & is_loyal.notna()
    ly = is_loyal.fillna(False).astype(bool)
    happy = sat >= satisfied_at
    vocal = (sat <= dissatisfied_at) & (rec <= terrorist_at)
    key = np.select(
        [happy & ly & (rec >= apostle_at), happy & ly, happy & ~ly, ~happy & ly, ~happy & ~ly & vocal],
        ["apostle", "loyalist", "mercenary", "hostage", "terrorist"], default="defector")
    out = pd.Series(key, index=df.index, dtype="str").where(ok)
    if lang is not None:
        from crmlab.labels import t
        out = out.map(lambda k: t(k, lang), na_action="ignore")
    return out.rename("jones_sasser")


LOYALTY_GROUPS = ("long_term_loyal", "long_term_may_switch", "occasional_may_buy_more",
                  "occasional_may_buy_less", "nonuser_may_become", "nonuser_will_not")


def loyalty_groups(df: pd.DataFrame, purchases: str = "purchases", intent: str = "repurchase_intent",
                   regular_at: int = 4, intent_at: int = 4) -> pd.Series:
    """The six-group loyalty classification of the course readings.

    purchases (in a recent period) split customers into long-term
    (>= ``regular_at``), occasional (1 .. regular_at - 1) and non-users
    (0); the stated intention (1-5; for non-users the intention to buy)
    splits each in two at ``intent_at``:

    - long-term, high intent: long-term loyal; low: long-term but may switch
    - occasional, high intent: may buy more with the right incentive;
      low: may buy less under a competitor's incentive
    - non-user, high intent: may become a customer; low: will not
    """
    v.require_frame(df, "data")
    _colnames(purchases=purchases, intent=intent)
    v.require_columns(df, [purchases, intent], "data")
    _require_unique_columns(df, [purchases, intent])
    regular_at = _number(regular_at, "regular_at", 1, np.inf, "4")
    intent_at = _number(intent_at, "intent_at", 1, 5, "4")
    v.require_nonnegative(df, [purchases])
    v.require_no_missing(df, [purchases])
    v.require_in_scale(df, [intent], 1, 5)
    p = df[purchases].to_numpy(dtype="float64")
    hi = df[intent].to_numpy(dtype="float64") >= intent_at
    kind = np.where(p >= regular_at, 0, np.where(p > 0, 1, 2))
    idx = kind * 2 + (~hi).astype(int)
    return pd.Series(np.asarray(LOYALTY_GROUPS)[idx], index=df.index, dtype="str", name="loyalty_group")


# --------------------------------------------------------------- probabilistic CLV input

def rfm_summary(df: pd.DataFrame, customer: str = "customer_id", date: str = "date",
                calibration_end=None, observation_end=None, unit: str = "W",
                amount: str | None = None) -> pd.DataFrame:
    """Frequency, recency and age per customer for a calibration period (input of BG/NBD).

    Purchase days, not rows, count (same-day purchases are one). Per
    customer with a first purchase on or before ``calibration_end``:
    frequency x = purchase days after the first one (repeat purchases);
    recency t_x = time from the first to the last purchase day; T = time
    from the first purchase day to ``calibration_end``; all in ``unit``
    ("D", "W" = 7 days, "M" = 365.25/12 days, "Y"). With
    ``observation_end``: ``frequency_holdout`` = purchase days in
    (calibration_end, observation_end] and ``duration_holdout`` its length.
    With ``amount``: ``monetary_value`` = mean amount per repeat purchase day.

    Parameters
    ----------
    df : DataFrame
        Transactions, one row per purchase.
    customer, date : str
        Columns of the customer id and the purchase date.
    calibration_end : date, optional
        End of the calibration period (default: the latest purchase date).
    observation_end : date, optional
        End of the holdout period (adds ``frequency_holdout`` and ``duration_holdout``).
    unit : {"D", "W", "M", "Y"}, default "W"
        Time unit of recency, T and the holdout duration.
    amount : str, optional
        Column of the purchase amount (adds ``monetary_value``).
    """
    if not isinstance(unit, str):
        raise CRMDataError(f"unit={unit!r} is not one of 'D', 'W', 'M', 'Y'. Fix: pick one of those.")
    v.require_choice(unit, list(UNIT_DAYS), "unit")
    work = _transactions(df, customer, date, amount)
    cal_end = _as_of(calibration_end, work["date"], "calibration_end")
    if amount is None:
        return _rfm_summary_fast(work, customer, cal_end, observation_end, unit)
    days = work.groupby(["customer", "date"], sort=False)["amount"].sum().reset_index()
    cal = days[days["date"] <= cal_end]
    if cal.empty:
        raise CRMDataError(f"no purchases on or before calibration_end={cal_end.date()}. Fix: choose a later date.")
    g = cal.groupby("customer", sort=True)["date"]
    first, last, count = g.min(), g.max(), g.size()
    u = UNIT_DAYS[unit]
    out = pd.DataFrame({"frequency": (count - 1).astype("int64"),
                        "recency": (last - first).dt.days / u,
                        "T": (cal_end - first).dt.days / u})
    out.index.name = customer
    tot = cal.groupby("customer", sort=True)["amount"].sum()
    # ties (two purchases on the first day): the first in data order (stable sort)
    first_amt = cal.sort_values(["customer", "date"], kind="stable").groupby("customer", sort=True)["amount"].first()
    with np.errstate(invalid="ignore", divide="ignore"):
        out["monetary_value"] = ((tot - first_amt) / out["frequency"]).where(out["frequency"] > 0, 0.0)
    if observation_end is not None:
        obs_end = _as_of(observation_end, work["date"], "observation_end")
        if obs_end <= cal_end:
            raise CRMDataError("observation_end must be after calibration_end. Fix: swap or change the dates.")
        hold = days[(days["date"] > cal_end) & (days["date"] <= obs_end)]
        out["frequency_holdout"] = hold.groupby("customer").size().reindex(out.index, fill_value=0).astype("int64")
        out["duration_holdout"] = (obs_end - cal_end).days / u
    out.attrs["unit"] = unit
    out.attrs["calibration_end"] = str(cal_end.date())
    return out


def _rfm_summary_fast(work: pd.DataFrame, customer: str, cal_end: pd.Timestamp, observation_end,
                      unit: str) -> pd.DataFrame:
    """rfm_summary without amounts, on integer day numbers (same result as the pandas path)."""
    day = _day_numbers(work["date"])
    cal_day = _day_of(cal_end)
    codes, ids = _by_customer(work["customer"].to_numpy())
    k = len(ids)
    d0 = int(day.min())
    span = int(day.max()) - d0 + 1
    ukey = pd.unique(codes.astype("int64") * span + (day - d0))  # distinct customer-days
    ucode, uday = np.divmod(ukey, span)
    uday = uday + d0
    cal = uday <= cal_day
    count = np.bincount(ucode[cal], minlength=k)
    if not count.any():
        raise CRMDataError(f"no purchases on or before calibration_end={cal_end.date()}. Fix: choose a later date.")
    first = np.full(k, np.iinfo("int64").max)
    last = np.full(k, np.iinfo("int64").min)
    np.minimum.at(first, ucode[cal], uday[cal])
    np.maximum.at(last, ucode[cal], uday[cal])
    present = count > 0
    u = UNIT_DAYS[unit]
    out = pd.DataFrame({"frequency": (count[present] - 1).astype("int64"),
                        "recency": (last[present] - first[present]) / u,
                        "T": (cal_day - first[present]) / u}, index=ids[present].rename(customer))
    if observation_end is not None:
        obs_end = _as_of(observation_end, work["date"], "observation_end")
        if obs_end <= cal_end:
            raise CRMDataError("observation_end must be after calibration_end. Fix: swap or change the dates.")
        hold = (~cal) & (uday <= _day_of(obs_end))
        out["frequency_holdout"] = np.bincount(ucode[hold], minlength=k)[present].astype("int64")
        out["duration_holdout"] = (obs_end - cal_end).days / u
    out.attrs["unit"] = unit
    out.attrs["calibration_end"] = str(cal_end.date())
    return out
