"""Small, vectorised interval helpers shared by every topic.

- :func:`mean_ci`: t interval for a mean, per group.
- :func:`wilson_ci`: Wilson score interval for a proportion (Wilson 1927),
  which stays inside [0, 1] and behaves for small n and rates near 0 or 1.
- :func:`ratio_ci`: interval for a ratio of two independent proportions
  (log method, Katz et al. 1978).
- :func:`diff_ci`: interval of a difference: of two proportions with
  Newcombe's hybrid score interval (Newcombe 1998, method 10), of two
  independent means (``sd1=``, ``sd2=``) with Welch's t interval (Welch 1947).
- :func:`describe`: n, mean, sd, se and t interval per column and group.
- :func:`t_quantile`, :func:`z_quantile`: the two-sided critical values
  every interval of the kit uses (confidence checked by
  :func:`crmlab.validate.require_confidence`).
- :func:`pareto_share`: the share of the total held by the top fraction of
  customers (the 80/20 rule), read off the Pareto curve.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats as _st

from crmlab import validate as _v
from crmlab.errors import CRMDataError


def z_quantile(confidence: float = 0.95) -> float:
    """Two-sided normal critical value z = Phi^-1((1 + confidence) / 2).

    >>> round(z_quantile(0.95), 4)
    1.96
    """
    confidence = _v.require_confidence(confidence)
    return float(_st.norm.ppf(0.5 + confidence / 2))



def t_quantile(confidence: float = 0.95, df=1):
    """Two-sided Student t critical value t_{(1 + confidence)/2, df}, vectorised over ``df``.

    ``df`` may be fractional (Welch); NaN where df is NaN or <= 0 (an
    interval from fewer than two observations is undefined). A scalar
    ``df`` gives a float, an array an array.

    >>> round(t_quantile(0.95, 9), 3)
    2.262
    >>> t_quantile(0.95, [0, 4]).round(3).tolist()
    [nan, 2.776]
    """
    confidence = _v.require_confidence(confidence)
    if isinstance(df, (str, bytes)) or df is None:
        raise CRMDataError(f"df={df!r} must be degrees of freedom (a number or an array of numbers). Fix: e.g. df=9.")
    raw = np.asarray(df)
    if raw.dtype == bool or raw.dtype.kind not in "iuf":
        raise CRMDataError(f"df must hold numbers, got {raw.dtype} values {raw.ravel()[:5].tolist()!r}. "
                           "Fix: pass n - 1 as numbers, e.g. df=[9, 19].")
    dfs = raw.astype("float64")
    if np.isinf(dfs).any():
        raise CRMDataError("df is infinite. Fix: for a normal interval use z_quantile(confidence).")
    with np.errstate(invalid="ignore"):
        out = np.where(dfs > 0, _st.t.ppf(0.5 + confidence / 2, np.where(dfs > 0, dfs, 1.0)), np.nan)
    return float(out) if out.ndim == 0 else out


def _array(x, name: str) -> np.ndarray:
    """A count argument as a float array: numbers only (no text, no booleans), finite, >= 0."""
    if isinstance(x, (str, bytes)) or x is None:
        raise CRMDataError(f"{name}={x!r} must be a count (a number or an array of numbers). Fix: e.g. {name}=12.")
    raw = np.asarray(x)
    if raw.dtype == bool or raw.dtype.kind in "OUSMm":
        try:
            if raw.dtype == bool or raw.dtype.kind in "USMm":
                raise ValueError
            arr = pd.to_numeric(pd.Series(raw.ravel()), errors="raise").to_numpy(dtype="float64").reshape(raw.shape)
        except (ValueError, TypeError):
            raise CRMDataError(f"{name} must hold counts (numbers), got {raw.dtype} values "
                               f"{raw.ravel()[:5].tolist()!r}. Fix: pass whole numbers, e.g. {name}=[12, 30].") from None
    else:
        arr = raw.astype("float64")
    bad = ~np.isfinite(arr) | (arr < 0) | (arr != np.round(arr))
    if bad.any():
        shown = np.atleast_1d(arr)[np.atleast_1d(bad)][:5].tolist()
        raise CRMDataError(f"{name} must be finite whole counts >= 0, found {shown!r}. "
                           f"Fix: fill or drop the missing counts and correct the others.")
    return arr


def _counts(k, n, kname: str = "successes", nname: str = "n"):
    k, n = _array(k, kname), _array(n, nname)
    try:
        kb, nb = np.broadcast_arrays(k, n)
    except ValueError:
        raise CRMDataError(f"{kname} has shape {k.shape} and {nname} {n.shape}; they must match. "
                           f"Fix: pass one {kname} per {nname}.") from None
    over = kb > nb
    if over.any():
        raise CRMDataError(f"{kname} exceeds {nname}: {kb[over][:5].tolist()!r} > {nb[over][:5].tolist()!r}. "
                           f"Fix: {kname} counts a subset of the {nname} cases, so it cannot be larger.")
    return k, n


def wilson_ci(successes, n, confidence: float = 0.95):
    """Wilson score interval. Returns ``(low, high)`` arrays (NaN where n == 0).

    low, high = (p + z²/2n ∓ z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
    """
    z = z_quantile(confidence)
    k, n = _counts(successes, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        low, high = centre - half, centre + half
    low = np.where(k == 0, 0.0, low)  # exact bounds at the edges (no 1e-17 round-off)
    high = np.where(k == n, 1.0, high)
    low = np.where(n > 0, np.clip(low, 0, 1), np.nan)
    high = np.where(n > 0, np.clip(high, 0, 1), np.nan)
    return low, high


def _labels(by, values: pd.Series | pd.DataFrame, fname: str) -> pd.Series:
    if isinstance(by, str):
        raise CRMDataError(f"by={by!r} must be the group labels (e.g. df[{by!r}]), not a column name, "
                           f"because {fname} takes no DataFrame. Fix: pass by=df[" + repr(by) + "].")
    labels = by if isinstance(by, pd.Series) else pd.Series(np.asarray(by))
    if len(labels) != len(values):
        raise CRMDataError(f"by has {len(labels)} labels for {len(values)} values. "
                           "Fix: pass one group label per value (e.g. both columns of the same DataFrame).")
    if not labels.index.equals(values.index):
        labels = pd.Series(labels.to_numpy(), index=values.index, name=labels.name)
    return labels


def _check_group_keys(keys: pd.Index, labels: pd.Series) -> None:
    """The kit's group-label policy, read off the grouped keys (no second pass over a big column)."""
    if keys.hasnans or any(isinstance(k, str) and not k.strip() for k in keys):
        name = labels.name if labels.name is not None else "by"
        _v.require_group_labels(labels.to_frame(name), name)  # raises, with the rows


def describe(values, by=None, confidence: float = 0.95) -> pd.DataFrame:
    """n, mean, sd, se and a t interval of each column, overall or per group.

    ``values``: one column (a Series or list: the table is indexed by group,
    one row ``0`` without ``by``) or a DataFrame of numeric columns (indexed
    by column name, or by (group, column)). ``by``: group labels, one per
    row. Missing values are left out per column; se = sd / sqrt(n) (sd with
    n - 1), half-width = :func:`t_quantile` (confidence, n - 1) * se (NaN
    when n < 2).

    >>> describe(pd.Series([1.0, 2, 3, 4])).round(3).iloc[0].tolist()
    [4.0, 2.5, 1.291, 0.645, 0.446, 4.554]
    """
    confidence = _v.require_confidence(confidence)
    fname = "describe"
    if isinstance(values, pd.DataFrame):
        frame = values
        if frame.empty:
            raise CRMDataError("values has no rows or no columns. Fix: pass a table with at least one number.")
        _v.require_numeric(frame, list(frame.columns))
        if frame.isna().all().all():
            raise CRMDataError("values are all missing (NaN), so there is no mean. Fix: check the columns.")
    else:
        if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
            raise CRMDataError(f"values={values!r} must be a Series or list of numbers. Fix: pass df['column'].")
        series = pd.Series(values)
        if series.empty:
            raise CRMDataError("values is empty. Fix: pass at least one number.")
        col = "values" if series.name is None else series.name
        if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
            _v.require_numeric(series.to_frame(col), [col])
        if series.isna().all():
            raise CRMDataError("values are all missing (NaN), so there is no mean. Fix: check the column.")
        frame = series.to_frame(col)
    if by is None:
        g = frame.groupby(np.zeros(len(frame), dtype=int))
    else:
        labels = _labels(by, frame, fname)
        g = frame.groupby(labels, observed=True, sort=True, dropna=False)
    n, mean, sd = g.count(), g.mean(), g.std(ddof=1)
    if by is not None:
        _check_group_keys(n.index, labels)
    if isinstance(values, pd.DataFrame):
        keys = n.index
        index = (pd.Index(frame.columns) if by is None else
                 pd.MultiIndex.from_product([keys, frame.columns], names=[keys.name, None]))
        out = pd.DataFrame({"n": n.to_numpy().ravel(), "mean": mean.to_numpy().ravel(),
                            "sd": sd.to_numpy().ravel()}, index=index)
    else:
        out = pd.DataFrame({"n": n.iloc[:, 0], "mean": mean.iloc[:, 0], "sd": sd.iloc[:, 0]})
    out["n"] = out["n"].astype("int64")
    out["se"] = out["sd"] / np.sqrt(out["n"])
    half = t_quantile(confidence, (out["n"] - 1).to_numpy()) * out["se"]
    out["ci_low"] = out["mean"] - half
    out["ci_high"] = out["mean"] + half
    return out


def mean_ci(values: pd.Series, by=None, confidence: float = 0.95) -> pd.DataFrame:
    """Mean with a t interval, overall or per group (:func:`describe` of one column).

    Returns columns ``n, mean, sd, se, ci_low, ci_high``; se = sd/sqrt(n),
    half-width = t_{(1+conf)/2, n-1} * se (NaN when n < 2).
    """
    _v.require_confidence(confidence)
    if isinstance(values, pd.DataFrame):
        raise CRMDataError("values must be one column (a Series), got a DataFrame. Fix: pass df['column'].")
    if isinstance(by, str):
        raise CRMDataError(f"by={by!r} must be the group labels (e.g. df[{by!r}]), not a column name, "
                           "because mean_ci takes no DataFrame. Fix: pass by=df[" + repr(by) + "].")
    return describe(values, by=by, confidence=confidence)


def ratio_ci(k1, n1, k2, n2, confidence: float = 0.95):
    """Ratio of two proportions (k1/n1)/(k2/n2) with a log-method interval."""
    z = z_quantile(confidence)
    k1, n1 = _counts(k1, n1, "k1", "n1")
    k2, n2 = _counts(k2, n2, "k2", "n2")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (k1 / n1) / (k2 / n2)
        se = np.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
        low, high = ratio * np.exp(-z * se), ratio * np.exp(z * se)
    undefined = ~np.isfinite(np.atleast_1d(ratio)) | ~np.isfinite(np.atleast_1d(high))
    if undefined.any():
        _v._warn("ratio_ci: the ratio or its interval is undefined (NaN/inf) because a count is 0 "
                 f"(k1={np.atleast_1d(k1)[:3].tolist()}, n1={np.atleast_1d(n1)[:3].tolist()}, "
                 f"k2={np.atleast_1d(k2)[:3].tolist()}, n2={np.atleast_1d(n2)[:3].tolist()}). "
                 "Fix: collect more answers in the smaller group, or compare rates with diff_ci.")
    return ratio, low, high


def _means(x, name: str) -> np.ndarray:
    """A mean or sd argument: numbers (NaN allowed: an undefined group gives an undefined interval)."""
    if isinstance(x, (str, bytes)) or x is None:
        raise CRMDataError(f"{name}={x!r} must be a number or an array of numbers. Fix: e.g. {name}=4.2.")
    raw = np.asarray(x)
    if raw.dtype == bool or raw.dtype.kind not in "iuf":
        raise CRMDataError(f"{name} must hold numbers, got {raw.dtype} values {raw.ravel()[:5].tolist()!r}. "
                           f"Fix: pass the group {name[:-1] if name[-1].isdigit() else name} as numbers.")
    arr = raw.astype("float64")
    if np.isinf(arr).any():
        raise CRMDataError(f"{name} is infinite: {arr[np.isinf(arr)][:5].tolist()!r}. Fix: check the data.")
    return arr


def diff_ci(k1, n1, k2, n2, confidence: float = 0.95, sd1=None, sd2=None):
    """Difference of two independent groups, first minus second, with its interval.

    Returns ``(difference, low, high)`` (arrays, or floats for scalars: the
    arguments broadcast).

    - Proportions (default): ``k1`` of ``n1`` and ``k2`` of ``n2`` are
      counts; d = p1 - p2 with Newcombe's hybrid score interval built from
      the two :func:`wilson_ci` intervals (l_i, u_i):
      low = d - sqrt((p1 - l1)² + (u2 - p2)²),
      high = d + sqrt((u1 - p1)² + (p2 - l2)²) (Newcombe 1998, method 10).
    - Means (``sd1=`` and ``sd2=`` given): ``k1``, ``k2`` are the two group
      means, ``sd1``, ``sd2`` their sds (n - 1) and ``n1``, ``n2`` the group
      sizes; d = m1 - m2 ± t_{(1+conf)/2, ν} se, se = sqrt(s1²/n1 + s2²/n2),
      Welch-Satterthwaite ν = se⁴ / ((s1²/n1)²/(n1-1) + (s2²/n2)²/(n2-1))
      (Welch 1947). NaN where a group has fewer than 2 values.

    Parameters
    ----------
    k1, k2 : number or array
        Successes of each group (proportions), or the group means (means).
    n1, n2 : number or array
        Group sizes (whole counts).
    confidence : float, default 0.95
        Level of the interval.
    sd1, sd2 : number or array, optional
        Standard deviations (n - 1) of the groups: given, the difference is of means.

    >>> [round(float(x), 3) for x in diff_ci(30, 50, 20, 50)]
    [0.2, 0.005, 0.375]
    >>> [round(float(x), 3) for x in diff_ci(5.0, 10, 4.0, 12, sd1=1.0, sd2=1.5)]
    [1.0, -0.122, 2.122]
    """
    confidence = _v.require_confidence(confidence)
    if (sd1 is None) != (sd2 is None):
        raise CRMDataError("diff_ci: pass both sd1= and sd2= (a difference of means) or neither (of proportions). "
                           "Fix: give the standard deviation of each group.")
    if sd1 is not None:
        m1, m2 = _means(k1, "k1"), _means(k2, "k2")
        s1, s2 = _means(sd1, "sd1"), _means(sd2, "sd2")
        n1, n2 = _array(n1, "n1"), _array(n2, "n2")
        if (np.atleast_1d(s1) < 0).any() or (np.atleast_1d(s2) < 0).any():
            raise CRMDataError("diff_ci: a standard deviation (sd1/sd2) is negative. Fix: pass sd >= 0.")
        with np.errstate(invalid="ignore", divide="ignore"):
            a, b = s1**2 / n1, s2**2 / n2
            se = np.sqrt(a + b)
            dof = (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1))
            dof = np.where((n1 > 1) & (n2 > 1), dof, np.nan)
        t = t_quantile(confidence, dof)
        d = m1 - m2
        return d, d - t * se, d + t * se
    k1, n1 = _counts(k1, n1, "k1", "n1")
    k2, n2 = _counts(k2, n2, "k2", "n2")
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_ci(k1, n1, confidence)
    l2, u2 = wilson_ci(k2, n2, confidence)
    d = p1 - p2
    low = d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d, low, high


def pareto_share(values, top: float = 0.2) -> float:
    """Share of the total held by the top ``top`` fraction of customers (the 80/20 rule, 二八法则).

    Sort the n values from largest to smallest, x_(1) >= ... >= x_(n), and
    let k = top * n (customers in the top fraction, possibly fractional),
    j = floor(k):

        share = (x_(1) + ... + x_(j) + (k - j) * x_(j+1)) / (x_1 + ... + x_n)

    This is the Pareto (best-first Lorenz) curve read at ``top``, with the
    curve interpolated linearly between whole customers, i.e. the boundary
    customer counts with the fraction of them inside the top share. When
    top * n is whole (30 of 150 accounts) it is the plain sum of the top k
    values that the notebooks compute by hand. The kit uses it because it
    is the point that the Pareto curve of :func:`crmlab.loyalty.lorenz_curve`
    (and the plot of it) shows at ``top``, it rises smoothly with ``top``,
    and it does not overstate the top share of a small base the way
    rounding the count up to whole customers does (top 20% of 6 customers:
    1.2 customers, not 2). It is the definition of both
    ``crmlab.loyalty.pareto_share`` and ``crmlab.burnett.pareto_share``.

    >>> pareto_share(pd.Series([80, 5, 5, 5, 5]), top=0.2)
    0.8
    >>> pareto_share([60, 20, 10, 5, 5], top=0.3)
    0.7
    """
    if isinstance(top, (str, bytes, bool, np.bool_)) or not isinstance(top, (int, float, np.integer, np.floating)) \
            or not 0 < float(top) <= 1:
        raise CRMDataError(f"top={top!r} must be a share in (0, 1]. Fix: e.g. top=0.2 for the top 20%.")
    if isinstance(values, (pd.DataFrame, str, bytes, dict)) or np.ndim(values) != 1:
        raise CRMDataError(f"values must be one column of numbers (e.g. accounts['revenue']), got "
                           f"{type(values).__name__}. Fix: pass a Series.")
    s = pd.Series(values)
    if s.empty:
        raise CRMDataError("values is empty. Fix: pass one value (revenue, sales) per customer.")
    frame = s.to_frame("values")
    _v.require_nonnegative(frame, ["values"], fix="revenue per customer cannot be negative; "
                           "use revenue, not profit, or drop loss-making accounts.")
    _v.require_no_missing(frame, ["values"])
    x = np.sort(s.to_numpy(dtype="float64"))[::-1]
    total = x.sum()
    if total <= 0:
        raise CRMDataError("values sum to 0 (all values are 0). Fix: a concentration measure needs some sales.")
    cum = np.concatenate([[0.0], np.cumsum(x)])
    k = float(top) * len(x)
    return float(np.interp(k, np.arange(len(x) + 1), cum) / total)
