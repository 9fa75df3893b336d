"""Small, vectorised interval helpers shared by every topic.

- :func:`mean_ci`: t interval for a mean, per group.
- :func:`wilson_ci`: Wilson score interval for a proportion (Wilson 1927),
  which stays inside [0, 1] and behaves for small n and rates near 0 or 1.
- :func:`ratio_ci`: interval for a ratio of two independent proportions
  (log method, Katz et al. 1978).
- :func:`diff_ci`: Newcombe's hybrid score interval for the difference of
  two proportions (Newcombe 1998, method 10).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats as _st

from crmlab import validate as _v
from crmlab.errors import CRMDataError


def _z(confidence: float) -> float:
    confidence = _v.require_confidence(confidence)
    return float(_st.norm.ppf(0.5 + confidence / 2))


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
    z = _z(confidence)
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


def mean_ci(values: pd.Series, by=None, confidence: float = 0.95) -> pd.DataFrame:
    """Mean with a t interval, overall or per group.

    Returns columns ``n, mean, sd, se, ci_low, ci_high``; se = sd/sqrt(n),
    half-width = t_{(1+conf)/2, n-1} * se (NaN when n < 2).
    """
    _z(confidence)
    if isinstance(values, pd.DataFrame):
        raise CRMDataError("values must be one column (a Series), got a DataFrame. Fix: pass df['column'].")
    if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
        raise CRMDataError(f"values={values!r} must be a Series or list of numbers. Fix: pass df['column'].")
    values = pd.Series(values)
    if values.empty:
        raise CRMDataError("values is empty. Fix: pass at least one number.")
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        _v.require_numeric(values.to_frame("values" if values.name is None else values.name),
                           ["values" if values.name is None else values.name])
    if values.isna().all():
        raise CRMDataError("values are all missing (NaN), so there is no mean. Fix: check the column.")
    if by is None:
        g = values.groupby(np.zeros(len(values), dtype=int))
    else:
        if isinstance(by, str):
            raise CRMDataError(f"by={by!r} must be the group labels (e.g. df[{by!r}]), not a column name, "
                               "because mean_ci takes no DataFrame. Fix: pass by=df[" + repr(by) + "].")
        labels = by if isinstance(by, pd.Series) else pd.Series(np.asarray(by))
        if len(labels) != len(values):
            raise CRMDataError(f"by has {len(labels)} labels for {len(values)} values. "
                               "Fix: pass one group label per value (e.g. both columns of the same DataFrame).")
        if not labels.index.equals(values.index):
            labels = pd.Series(labels.to_numpy(), index=values.index, name=labels.name)
        name = labels.name if labels.name is not None else "by"
        _v.require_group_labels(labels.to_frame(name), name)
        g = values.groupby(labels, observed=True, sort=True)
    out = pd.DataFrame({"n": g.count(), "mean": g.mean(), "sd": g.std(ddof=1)})
    out["se"] = out["sd"] / np.sqrt(out["n"])
    with np.errstate(invalid="ignore"):
        t = _st.t.ppf(0.5 + confidence / 2, out["n"] - 1)
    half = np.where(out["n"] > 1, t * out["se"], np.nan)
    out["ci_low"] = out["mean"] - half
    out["ci_high"] = out["mean"] + half
    out["n"] = out["n"].astype("int64")
    return out


def ratio_ci(k1, n1, k2, n2, confidence: float = 0.95):
    """Ratio of two proportions (k1/n1)/(k2/n2) with a log-method interval."""
    z = _z(confidence)
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


def diff_ci(k1, n1, k2, n2, confidence: float = 0.95):
    """p1 - p2 with Newcombe's hybrid Wilson interval."""
    _z(confidence)
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
