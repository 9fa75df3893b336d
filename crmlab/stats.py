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

from crmlab.errors import CRMDataError


def _z(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise CRMDataError(f"confidence={confidence!r} must be between 0 and 1, e.g. 0.95.")
    return float(_st.norm.ppf(0.5 + confidence / 2))


def wilson_ci(successes, n, confidence: float = 0.95):
    """Wilson score interval. Returns ``(low, high)`` arrays (NaN where n == 0).

    low, high = (p + z²/2n ∓ z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = _z(confidence)
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
    values = pd.Series(values)
    if by is None:
        g = values.groupby(np.zeros(len(values), dtype=int))
    else:
        g = values.groupby(by, observed=True, sort=True)
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
    k1, n1, k2, n2 = (np.asarray(x, dtype=float) for x in (k1, n1, k2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (k1 / n1) / (k2 / n2)
        se = np.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
        low, high = ratio * np.exp(-z * se), ratio * np.exp(z * se)
    return ratio, low, high


def diff_ci(k1, n1, k2, n2, confidence: float = 0.95):
    """p1 - p2 with Newcombe's hybrid Wilson interval."""
    k1, n1, k2, n2 = (np.asarray(x, dtype=float) for x in (k1, n1, k2, n2))
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_ci(k1, n1, confidence)
    l2, u2 = wilson_ci(k2, n2, confidence)
    d = p1 - p2
    low = d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d, low, high
