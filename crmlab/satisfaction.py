"""Customer satisfaction (顾客满意): scores, the CSI, importance and repurchase.

Each function takes a survey DataFrame plus column names (defaults match
``crmlab.datasets.load("satisfaction_survey")``), validates its input,
never modifies it, and returns a Series, a DataFrame or a small frozen
dataclass.

Missing answers: rating columns may contain NaN only where a function has a
``missing`` argument. ``missing="raise"`` (default) stops with a message
naming the rows; ``missing="skip"`` averages over the attributes each
respondent did answer (the weights of the answered attributes are
re-normalised to sum to 1); a respondent who answered none gets NaN.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmlab import validate as v
from crmlab.datasets.satisfaction import ATTRIBUTES
from crmlab.errors import CRMDataError
from crmlab.stats import mean_ci, ratio_ci, wilson_ci

__all__ = [
    "ATTRIBUTES", "simple_score", "weighted_score", "to_csi", "csi",
    "derived_importance", "stated_importance", "ipa", "IPA_QUADRANTS",
    "repurchase_by_score", "RepurchaseResult", "scores_from_counts",
]

_MISSING_FIX = "drop the incomplete rows, or pass missing='skip' to average over the answered attributes."


def _ratings(df: pd.DataFrame, attributes: Sequence[str], scale, missing: str) -> np.ndarray:
    v.require_frame(df, "survey")
    attributes = list(attributes)
    if not attributes:
        raise CRMDataError("attributes is empty. Fix: name at least one rating column.")
    v.require_columns(df, attributes, "survey")
    v.require_choice(missing, ["raise", "skip"], "missing")
    low, high = scale
    v.require_numeric(df, attributes)
    x = df[attributes].to_numpy(dtype="float64")
    # fast path: one pass over the matrix; on failure the validator builds the detailed message
    lo, hi = x.min(), x.max()  # NaN propagates, so a missing answer also leaves the fast path
    if not (lo >= low and hi <= high):
        v.require_in_scale(df, attributes, low, high, allow_missing=(missing == "skip"), missing_fix=_MISSING_FIX)
    return x


def simple_score(df: pd.DataFrame, attributes: Sequence[str] = ATTRIBUTES,
                 scale: tuple[float, float] = (1, 5), missing: str = "raise") -> pd.Series:
    """Simple score method (简单分值法): each respondent's plain mean rating.

    score_i = (1/k) * sum_j x_ij over the k attributes.

    Example
    -------
    >>> df = pd.DataFrame({"a": [5, 3], "b": [3, 3]})
    >>> simple_score(df, ["a", "b"]).tolist()
    [4.0, 3.0]

    Source: the textbook case of the course readings (seed 000, 案例六).
    """
    x = _ratings(df, attributes, scale, missing)
    with np.errstate(invalid="ignore"):
        out = pd.DataFrame(x).mean(axis=1).to_numpy() if missing == "skip" else x.mean(axis=1)
    return pd.Series(out, index=df.index, name="simple_score")


def weighted_score(df: pd.DataFrame, weights: Mapping[str, float] | pd.Series | pd.DataFrame,
                   attributes: Sequence[str] | None = None, scale: tuple[float, float] = (1, 5),
                   normalize: bool = False, missing: str = "raise") -> pd.Series:
    """Weighted method (加权法): importance-weighted mean rating per respondent.

    score_i = sum_j w_j * x_ij, with w_j >= 0 and sum_j w_j = 1, so the score
    stays on the rating scale (between the respondent's lowest and highest
    attribute rating).

    ``weights`` is either one weight per attribute (a dict or Series; must sum
    to 1 unless ``normalize=True``, which divides by the sum), or a DataFrame
    of per-respondent importance ratings (same rows as ``df``, one column per
    attribute), which is normalised row by row: w_ij = imp_ij / sum_j imp_ij.

    Example
    -------
    >>> df = pd.DataFrame({"a": [5, 3], "b": [3, 3]})
    >>> weighted_score(df, {"a": 0.75, "b": 0.25}).tolist()
    [4.5, 3.0]

    Source: the textbook case of the course readings (seed 000, 案例六).
    """
    if isinstance(weights, pd.DataFrame):
        attributes = list(attributes) if attributes is not None else list(weights.columns)
        x = _ratings(df, attributes, scale, missing)
        v.require_columns(weights, attributes, "importance")
        if not weights.index.equals(df.index):
            raise CRMDataError(
                "the per-respondent importance table has other row labels than the survey. "
                "Fix: pass importance columns taken from the same DataFrame (e.g. survey[[...]])."
            )
        v.require_nonnegative(weights, attributes)
        v.require_no_missing(weights, attributes, fix="fill them (e.g. with the mean importance) or drop those respondents.")
        w = weights[attributes].to_numpy(dtype="float64")
        rowsum = np.nansum(w, axis=1, keepdims=True)
        zero = rowsum[:, 0] <= 0
        if zero.any():
            rows = ", ".join(map(repr, df.index[zero][:5]))
            raise CRMDataError(
                f"importance ratings sum to 0 for row(s) {rows}. Fix: drop those respondents "
                "or give them the average importance."
            )
        w = w / rowsum
    else:
        if attributes is None:
            attributes = list(weights.keys()) if isinstance(weights, Mapping) else list(weights.index)
        w_s = v.require_weights(weights, names=list(attributes), normalize=normalize)
        x = _ratings(df, attributes, scale, missing)
        w = np.broadcast_to(w_s.to_numpy(), x.shape)
    if missing == "skip" and np.isnan(x).any():
        w = np.where(np.isnan(x), 0.0, w)
        total = w.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.nansum(w * np.nan_to_num(x), axis=1) / total
        out = np.where(total > 0, out, np.nan)
    else:
        out = np.einsum("ij,ij->i", w, x) if isinstance(weights, pd.DataFrame) else x @ w[0]
    # A weighted mean of ratings on the scale stays on the scale; rounding can overshoot by 1 ulp
    # (5.000000000000001), which the next helper would reject as out of range.
    out = np.clip(out, scale[0], scale[1], out=out)
    return pd.Series(out, index=df.index, name="weighted_score")


def to_csi(score, scale: tuple[float, float] = (1, 5)):
    """Rescale a score on the rating scale to the 0-100 CSI: (score - low) / (high - low) * 100."""
    low, high = scale
    return (score - low) / (high - low) * 100


def csi(data: pd.DataFrame | pd.Series, column: str = "overall", by: str | None = None,
        scale: tuple[float, float] = (1, 5), confidence: float = 0.95) -> pd.DataFrame:
    """Customer satisfaction index (顾客满意度指数, CSI) with a confidence interval.

    CSI = (mean score - low) / (high - low) * 100, so 1..5 maps to 0..100.
    The interval is the t interval of the mean, rescaled the same way and
    kept inside [0, 100]. ``data`` is a survey (with ``column``) or a Series
    of scores (e.g. from :func:`weighted_score`). Missing scores are dropped
    and the remaining n is reported.

    Returns one row per group (or one row, ``all``): ``n, mean, csi,
    ci_low, ci_high``.

    Example
    -------
    >>> csi(pd.Series([5, 5, 1, 3]))["csi"].item()
    62.5
    """
    if isinstance(data, pd.Series):
        df = data.to_frame(column if data.name is None else data.name)
        column = df.columns[0]
    else:
        df = data
    v.require_frame(df, "data")
    v.require_columns(df, [column] + ([by] if by else []), "data")
    low, high = scale
    v.require_in_scale(df, [column], low, high, allow_missing=True)
    scores = df[column].astype("float64")
    keep = scores.notna()
    if not keep.any():
        raise CRMDataError(f"column {column!r} has no answers. Fix: check the column name.")
    stats = mean_ci(scores[keep], by=df.loc[keep, by] if by else None, confidence=confidence)
    out = pd.DataFrame({
        "n": stats["n"],
        "mean": stats["mean"],
        "csi": to_csi(stats["mean"], scale),
        "ci_low": to_csi(stats["ci_low"], scale).clip(0, 100),
        "ci_high": to_csi(stats["ci_high"], scale).clip(0, 100),
    })
    out.index.name = by or "group"
    if by is None:
        out.index = pd.Index(["all"], name="group")
    return out


def derived_importance(df: pd.DataFrame, target: str = "overall",
                       attributes: Sequence[str] = ATTRIBUTES, method: str = "regression") -> pd.DataFrame:
    """Derived importance: how strongly each attribute moves overall satisfaction.

    ``method="regression"`` (default): ordinary least squares of ``target``
    on all attribute ratings with an intercept; ``coef`` is the change in
    overall satisfaction per rating point, ``weight`` = max(coef, 0) / sum of
    the positive coefficients (a derived importance weight that sums to 1).
    ``method="correlation"``: ``weight`` is each attribute's Pearson
    correlation with the target (negatives set to 0), normalised to sum to 1.
    Both columns ``r`` (correlation) and ``coef`` are always reported.
    Rows with a missing value in any column used are dropped (listwise).

    Source: derived vs stated importance, e.g. Martilla & James (1977);
    regression-based importance is the usual "key driver" analysis.
    """
    v.require_frame(df, "survey")
    attributes = list(attributes)
    v.require_columns(df, [target, *attributes], "survey")
    v.require_numeric(df, [target, *attributes])
    v.require_choice(method, ["regression", "correlation"], "method")
    y = df[target].to_numpy(dtype="float64")
    x = df[attributes].to_numpy(dtype="float64")
    if np.isnan(y.sum() + x.sum()):  # NaN propagates through the sums: one cheap pass finds any missing value
        complete = ~(np.isnan(y) | np.isnan(x).any(axis=1))
        y, x = y[complete], x[complete]  # listwise deletion
    if len(y) <= len(attributes) + 1:
        raise CRMDataError(
            f"derived importance needs more complete rows than attributes + 1 ({len(attributes) + 1}); "
            f"got {len(y)}. Fix: use a larger sample."
        )
    # Everything comes from the centred cross-products (one matrix product over the data):
    # OLS slopes with an intercept solve S_xx b = s_xy, and r_j = s_xj,y / sqrt(s_xj,xj s_yy).
    xc = x - x.mean(axis=0)
    yc = y - y.mean()
    sxx = xc.T @ xc
    sxy = xc.T @ yc
    syy = float(yc @ yc)
    var = np.diag(sxx)
    flat = [a for a, sv in zip(attributes, var) if sv <= 0]
    if flat:
        raise CRMDataError(
            f"column {flat[0]!r} does not vary (every answer is the same), so its importance "
            "cannot be estimated. Fix: leave it out of attributes."
        )
    coef = np.linalg.lstsq(sxx, sxy, rcond=None)[0]  # = solve() unless attributes are collinear (then min-norm)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = sxy / np.sqrt(var * syy)
    basis = coef if method == "regression" else r
    pos = np.clip(basis, 0, None)
    weight = pos / pos.sum() if pos.sum() > 0 else np.full(len(pos), np.nan)
    out = pd.DataFrame({"coef": coef, "r": r, "weight": weight}, index=pd.Index(attributes, name="attribute"))
    return out


def stated_importance(df: pd.DataFrame, attributes: Sequence[str] = ATTRIBUTES, prefix: str = "imp_",
                      scale: tuple[float, float] = (1, 5)) -> pd.DataFrame:
    """Stated importance: mean of the importance ratings, and as weights summing to 1.

    weight_j = mean(imp_j) / sum_k mean(imp_k). Missing answers are skipped.
    """
    cols = [f"{prefix}{a}" for a in attributes]
    v.require_frame(df, "survey")
    v.require_columns(df, cols, "survey")
    v.require_in_scale(df, cols, *scale, allow_missing=True)
    means = df[cols].mean().to_numpy()
    return pd.DataFrame({"mean": means, "weight": means / means.sum()},
                        index=pd.Index(list(attributes), name="attribute"))


IPA_QUADRANTS = {
    # (importance high?, performance high?) -> label key
    (True, False): "concentrate_here",
    (True, True): "keep_up",
    (False, False): "low_priority",
    (False, True): "possible_overkill",
}


def ipa(performance: pd.Series | Mapping, importance: pd.Series | Mapping,
        performance_cut: float | None = None, importance_cut: float | None = None,
        lang: str = "en") -> pd.DataFrame:
    """Importance-performance analysis (IPA, Martilla & James 1977).

    Each attribute goes in one quadrant by comparing its performance (mean
    rating) and importance with the cut points (default: the mean over the
    attributes, the usual "data-centred" cross-hairs):

    - high importance, low performance: concentrate here (重点改进)
    - high importance, high performance: keep up the good work (继续保持)
    - low importance, low performance: low priority (次要改进)
    - low importance, high performance: possible overkill (可能过度)

    A value equal to a cut point counts as high.
    """
    from crmlab.labels import t

    perf = pd.Series(performance, dtype="float64")
    imp = pd.Series(importance, dtype="float64")
    if perf.empty:
        raise CRMDataError("performance is empty. Fix: pass one mean rating per attribute.")
    if set(perf.index) != set(imp.index):
        raise CRMDataError(
            "performance and importance must name the same attributes; differ on: "
            + ", ".join(map(repr, sorted(set(perf.index) ^ set(imp.index), key=str)))
            + ". Fix: compute both for the same attribute list."
        )
    imp = imp.reindex(perf.index)
    for name, s in (("performance", perf), ("importance", imp)):
        if s.isna().any():
            raise CRMDataError(f"{name} has missing values for {', '.join(map(repr, s.index[s.isna()]))}.")
    pc = float(perf.mean()) if performance_cut is None else float(performance_cut)
    ic = float(imp.mean()) if importance_cut is None else float(importance_cut)
    keys = [IPA_QUADRANTS[(bool(i >= ic), bool(p >= pc))] for p, i in zip(perf, imp)]
    out = pd.DataFrame({"performance": perf, "importance": imp,
                        "quadrant": [t(k, lang) for k in keys]})
    out = out.rename_axis("attribute")  # a new Index: never rename the caller's
    out.attrs.update(performance_cut=pc, importance_cut=ic, quadrant_keys=keys)
    return out


@dataclass(frozen=True)
class RepurchaseResult:
    """Repurchase by satisfaction level, and the top-box ratio with its interval."""

    table: pd.DataFrame
    top_box_ratio: float
    ratio_low: float
    ratio_high: float
    top: int
    second: int

    def _repr_html_(self):  # notebooks show the table
        return self.table._repr_html_()


def repurchase_by_score(df: pd.DataFrame, score: str = "overall", outcome: str = "repurchased",
                        scale: tuple[int, int] = (1, 5), confidence: float = 0.95) -> RepurchaseResult:
    """Repurchase rate (重复购买率) at each satisfaction level, with Wilson intervals.

    rate_s = (# who bought again with score s) / (# with score s). The
    top-box ratio is rate at the top score / rate at the next one (Xerox:
    about 6), with a log-method interval. ``outcome`` may be booleans, 0/1
    or Yes/No text.
    """
    v.require_frame(df, "survey")
    v.require_columns(df, [score, outcome], "survey")
    low, high = scale
    v.require_in_scale(df, [score], low, high, integer=True,
                       missing_fix=f"drop the rows without a {score!r} answer first.")
    bought = v.to_bool(df, outcome).to_numpy(dtype=bool)
    levels = pd.Index(np.arange(int(low), int(high) + 1), name=score)
    code = df[score].to_numpy(dtype="int64") - int(low)  # 0 .. high-low, checked above
    n = pd.Series(np.bincount(code, minlength=len(levels)), index=levels)
    k = pd.Series(np.bincount(code[bought], minlength=len(levels)), index=levels)
    lo, hi = wilson_ci(k, n, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = k / n.replace(0, np.nan)
    table = pd.DataFrame({"n": n.astype("int64"), "repurchased": k.astype("int64"), "rate": rate,
                          "ci_low": lo, "ci_high": hi}, index=levels)
    top, second = int(high), int(high) - 1
    ratio, rl, rh = ratio_ci(k[top], n[top], k[second], n[second], confidence)
    return RepurchaseResult(table, float(ratio), float(rl), float(rh), top, second)


def scores_from_counts(counts: pd.DataFrame, levels: Sequence[int] = (1, 2, 3, 4, 5),
                       prefix: str = "n_") -> pd.Series:
    """Mean rating per row from counts of each rating level.

    mean = sum_s s * n_s / sum_s n_s (the textbook case gives counts, not raw answers).
    """
    cols = [f"{prefix}{s}" for s in levels]
    v.require_frame(counts, "counts")
    v.require_columns(counts, cols, "counts")
    v.require_nonnegative(counts, cols)
    n = counts[cols].to_numpy(dtype="float64")
    total = n.sum(axis=1)
    if (total == 0).any():
        raise CRMDataError("a row of counts sums to 0. Fix: drop attributes nobody rated.")
    return pd.Series(n @ np.asarray(levels, dtype=float) / total, index=counts.index, name="mean_score")
