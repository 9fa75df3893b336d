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
from crmlab.errors import CRMDataError
from crmlab.stats import mean_ci, ratio_ci, wilson_ci

# The model: the rated attributes of the kit's survey (the data generator uses them too).
ATTRIBUTES = ("quality", "function", "price", "service", "packaging", "taste")

__all__ = [
    "ATTRIBUTES", "simple_score", "weighted_score", "to_csi", "csi", "top_box",
    "derived_importance", "stated_importance", "ipa", "IPA_QUADRANTS",
    "repurchase_by_score", "RepurchaseResult", "scores_from_counts", "relative_weights",
]

_MISSING_FIX = "drop the incomplete rows, or pass missing='skip' to average over the answered attributes."


_scale = v.require_scale


def _attribute_list(attributes) -> list:
    if isinstance(attributes, str):
        return [attributes]
    if attributes is None or isinstance(attributes, (Mapping, pd.DataFrame)) or np.ndim(attributes) != 1:
        raise CRMDataError(f"attributes={attributes!r} must be a list of column names. "
                           "Fix: e.g. attributes=['quality', 'service'].")
    return list(attributes)


def _ratings(df: pd.DataFrame, attributes: Sequence[str], scale, missing: str) -> np.ndarray:
    v.require_frame(df, "survey")
    attributes = _attribute_list(attributes)
    if not attributes:
        raise CRMDataError("attributes is empty. Fix: name at least one rating column.")
    v.require_columns(df, attributes, "survey", fix="pass attributes=[...] with the rating columns of your survey.")
    v.require_choice(missing, ["raise", "skip"], "missing")
    low, high = _scale(scale)
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

    Source: the textbook case (案例六) of the course notes *Customer relationship analysis* (READINGS.md).
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

    Source: the textbook case (案例六) of the course notes *Customer relationship analysis* (READINGS.md).
    """
    if isinstance(weights, pd.DataFrame):
        attributes = _attribute_list(attributes) if attributes is not None else list(weights.columns)
        x = _ratings(df, attributes, scale, missing)
        v.require_columns(weights, attributes, "importance",
                          fix="give the importance table one column per attribute, named like the ratings.")
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
        if not isinstance(weights, (Mapping, pd.Series)):
            v.require_weights(weights, names=None if attributes is None else _attribute_list(attributes))
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
    low, high = _scale(scale)
    out = np.clip(out, low, high, out=out)
    return pd.Series(out, index=df.index, name="weighted_score")


def to_csi(score, scale: tuple[float, float] = (1, 5)):
    """Rescale a score on the rating scale to the 0-100 CSI: (score - low) / (high - low) * 100.

    A score outside the scale (``to_csi(7)`` on 1-5 would be 150) raises;
    missing scores stay missing.
    """
    low, high = _scale(scale)
    x = v.to_numbers(score, "score", f"pass mean ratings on the {low:g}-{high:g} scale, e.g. to_csi(4.2) "
                     "(convert text with pd.to_numeric first).")
    with np.errstate(invalid="ignore"):
        out_of = (x < low - 1e-9) | (x > high + 1e-9)
    if x.size == 0:
        raise CRMDataError("score is empty. Fix: pass a mean rating, e.g. to_csi(4.2).")
    if out_of.any():
        shown = np.atleast_1d(x)[np.atleast_1d(out_of)][:5].tolist()
        raise CRMDataError(f"score {shown!r} is outside the {low:g}-{high:g} scale, so its CSI would leave 0-100. "
                           f"Fix: pass scale=(low, high) of the ratings (e.g. scale=(1, 7)), or check the scores.")
    if isinstance(score, (list, tuple)):
        score = x
    return (score - low) / (high - low) * 100


def csi(data: pd.DataFrame | pd.Series, column: str = "overall", by: str | None = None,
        scale: tuple[float, float] = (1, 5), confidence: float = 0.95) -> pd.DataFrame:
    """Customer satisfaction index (顾客满意度指数, CSI) with a confidence interval.

    CSI = (mean score - low) / (high - low) * 100, so 1..5 maps to 0..100.
    The interval is the t interval of the mean, rescaled the same way and
    kept inside [0, 100]. ``data`` is a survey (with ``column``) or a Series
    of scores (e.g. from :func:`weighted_score`). Missing scores are dropped
    and the remaining n is reported (``.attrs["n_used"]``, ``.attrs["n_dropped"]``,
    and a :class:`crmlab.CRMWarning` when any row is dropped). Any scale
    works, e.g. ``scale=(0, 10)`` maps 0..10 to 0..100.

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
    v.require_columns(df, [column], "data", fix="pass column=... with the name of the score column.")
    if by is not None:
        v.require_columns(df, [by], "data")  # its labels are checked by mean_ci (the kit's one policy)
    low, high = _scale(scale)
    v.require_in_scale(df, [column], low, high, allow_missing=True)
    scores = df[column].astype("float64")
    keep = scores.notna()
    if not keep.any():
        raise CRMDataError(f"column {column!r} has no answers. Fix: check the column name.")
    n_dropped = _report_dropped("csi", column, keep)
    stats = mean_ci(scores[keep], by=df.loc[keep, by] if by else None, confidence=confidence)
    out = pd.DataFrame({
        "n": stats["n"],
        "mean": stats["mean"],
        "csi": (stats["mean"] - low) / (high - low) * 100,
        "ci_low": ((stats["ci_low"] - low) / (high - low) * 100).clip(0, 100),
        "ci_high": ((stats["ci_high"] - low) / (high - low) * 100).clip(0, 100),
    })
    out.index.name = by or "group"
    if by is None:
        out.index = pd.Index(["all"], name="group")
    out.attrs.update(n_used=int(keep.sum()), n_dropped=n_dropped)
    return out


def _report_dropped(name: str, column: str, keep: pd.Series) -> int:
    """Rows left out for a missing answer: counted, and said with a CRMWarning (never silent)."""
    n_dropped = int((~keep).sum())
    if n_dropped:
        v._warn(f"{name} left out {n_dropped} of {len(keep)} rows with no answer in {column!r} "
                f"(row(s) {v._rows(~keep.to_numpy(), keep.index)}); it used {int(keep.sum())}. "
                "Fix: nothing if that is intended; otherwise fill or drop those rows first.")
    return n_dropped


def top_box(data: pd.DataFrame | pd.Series, column: str = "overall", k: int = 2, scale: tuple[int, int] = (1, 5),
            by: str | None = None, confidence: float = 0.95) -> pd.DataFrame:
    """Top-k-box share (e.g. "top-2-box", 满意及非常满意的比例) with a Wilson interval.

    share = answers in the top ``k`` levels of the scale (rating >= high - k + 1)
    / answers. On 1-5 with k=2 it is the share answering 4 or 5. Missing
    answers are left out (counted in ``.attrs["n_dropped"]``, with a
    :class:`crmlab.CRMWarning`). Returns one row per group (or ``all``):
    ``n, top, share, ci_low, ci_high``; ``.attrs["threshold"]`` is the lowest
    level counted.

    Parameters
    ----------
    data : DataFrame or Series
        The survey (with ``column``) or one column of ratings.
    column : str, default "overall"
        The rating column (whole-number levels on ``scale``).
    k : int, default 2
        How many top levels count (1: top box only); fewer than the scale has.
    scale : (low, high), default (1, 5)
        The rating scale, e.g. (0, 10) for a 0-10 question.
    by : str, optional
        Column to group by; None: one row ``all``.
    confidence : float, default 0.95
        Level of the Wilson interval.

    Example
    -------
    >>> top_box(pd.Series([5, 4, 3, 2, 5]))[["n", "top", "share"]].iloc[0].tolist()
    [5.0, 3.0, 0.6]

    Source: the top-box share reported beside mean scores in satisfaction
    surveys; Wilson (1927) for the interval.
    """
    if isinstance(data, pd.Series):
        df = data.to_frame(column if data.name is None else data.name)
        column = df.columns[0]
    else:
        df = data
    v.require_frame(df, "data")
    v.require_columns(df, [column], "data", fix="pass column=... with the name of the rating column.")
    low, high = _scale(scale)
    if low != int(low) or high != int(high):
        raise CRMDataError(f"scale={scale!r} must have whole-number levels for a top-box share. Fix: e.g. scale=(1, 5).")
    kk = v.require_int(k, "k", minimum=1, maximum=int(high - low))
    v.require_confidence(confidence)
    v.require_in_scale(df, [column], low, high, allow_missing=True, integer=True)
    if by is not None:
        v.require_group_labels(df, by)
    x = df[column].astype("float64")
    keep = x.notna()
    if not keep.any():
        raise CRMDataError(f"column {column!r} has no answers. Fix: check the column name.")
    n_dropped = _report_dropped("top_box", column, keep)
    threshold = high - kk + 1
    top = (x[keep] >= threshold).astype("float64")
    if by is None:
        counts = pd.DataFrame({"n": [float(len(top))], "top": [float(top.sum())]},
                              index=pd.Index(["all"], name="group"))
    else:
        g = top.groupby(df.loc[keep, by], sort=True, observed=True)
        counts = pd.DataFrame({"n": g.size().astype("float64"), "top": g.sum()})
    lo, hi = wilson_ci(counts["top"].to_numpy(), counts["n"].to_numpy(), confidence)
    out = pd.DataFrame({"n": counts["n"].astype("int64"), "top": counts["top"].astype("int64"),
                        "share": counts["top"] / counts["n"], "ci_low": np.asarray(lo, dtype="float64"),
                        "ci_high": np.asarray(hi, dtype="float64")}, index=counts.index)
    out.attrs.update(n_used=int(keep.sum()), n_dropped=n_dropped, k=kk, threshold=threshold)
    return out



def _driver_data(df, target, attributes, name: str):
    """Validated, listwise-complete ratings of a driver analysis: the centred cross-products.

    Returns ``(attributes, sxx, sxy, syy, var, n_used, n_rows)`` (one matrix product over the data).
    """
    v.require_frame(df, "survey")
    attributes = _attribute_list(attributes)
    if not attributes:
        raise CRMDataError("attributes is empty. Fix: name at least one rating column.")
    if target in attributes:
        raise CRMDataError(f"target {target!r} is also in attributes. Fix: leave it out of attributes.")
    v.require_columns(df, [target, *attributes], "survey",
                      fix="pass target=... and attributes=[...] with the column names of your survey.")
    v.require_numeric(df, [target, *attributes])
    for col in (target, *attributes):
        if df[col].isna().all():
            raise CRMDataError(f"column {col!r} has no answers (every value is missing). "
                               "Fix: leave it out, or check that the right column was loaded.")
    y = df[target].to_numpy(dtype="float64")
    x = df[attributes].to_numpy(dtype="float64")
    n_rows = len(y)
    if not np.isfinite(y.sum() + x.sum()):  # NaN/inf propagate through the sums: one cheap pass finds them
        if np.isinf(y).any() or np.isinf(x).any():
            col = target if np.isinf(y).any() else attributes[int(np.argmax(np.isinf(x).any(axis=0)))]
            raise CRMDataError(f"column {col!r} has infinite values: {v.show_values(df[col][np.isinf(df[col])])}. "
                               "Fix: correct or drop those rows.")
        complete = ~(np.isnan(y) | np.isnan(x).any(axis=1))
        y, x = y[complete], x[complete]  # listwise deletion
    n_used = len(y)
    if n_used <= len(attributes) + 1:
        raise CRMDataError(
            f"{name.replace('_', ' ')} needs more complete rows than attributes + 1 ({len(attributes) + 1}); "
            f"got {n_used} of {n_rows}. Fix: use a larger sample, or fill the missing answers."
        )
    if n_used < n_rows:
        v._warn(f"{name} dropped {n_rows - n_used} of {n_rows} rows with a missing answer in "
                f"{target!r} or the attributes (listwise); it used {n_used}. "
                "Fix: nothing if that is intended; otherwise fill or drop those rows first.")
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
    if syy <= 0:
        raise CRMDataError(
            f"column {target!r} does not vary (every answer is {y[0]:g}), so nothing can drive it and "
            "no importance can be derived. Fix: check the target column, or use stated importance."
        )
    return attributes, sxx, sxy, syy, var, n_used, n_rows


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
    v.require_choice(method, ["regression", "correlation"], "method")
    attributes, sxx, sxy, syy, var, n_used, n_rows = _driver_data(df, target, attributes, "derived_importance")
    coef, _, rank, _ = np.linalg.lstsq(sxx, sxy, rcond=None)  # = solve() unless attributes are collinear
    if rank < len(attributes):
        v._warn(f"derived_importance: the attributes are collinear (rank {rank} of {len(attributes)}), so the "
                "regression coefficients are not unique (minimum-norm solution shown). "
                "Fix: leave out an attribute that is a combination of the others, or use method='correlation'.")
    with np.errstate(invalid="ignore", divide="ignore"):
        r = sxy / np.sqrt(var * syy)
    basis = coef if method == "regression" else r
    pos = np.clip(basis, 0, None)
    if pos.sum() > 0:
        weight = pos / pos.sum()
    else:
        weight = np.full(len(pos), np.nan)
        v._warn(f"derived_importance: no attribute has a positive {'coefficient' if method == 'regression' else 'correlation'} "
                f"with {target!r}, so the weights are undefined (NaN); coef and r are still reported. "
                "Fix: check that high ratings mean 'good' in every column (reverse-coded items?).")
    out = pd.DataFrame({"coef": coef, "r": r, "weight": weight}, index=pd.Index(attributes, name="attribute"))
    out.attrs.update(n_used=n_used, n_dropped=n_rows - n_used)
    return out



def relative_weights(survey: pd.DataFrame, target: str = "overall",
                     attributes: Sequence[str] = ATTRIBUTES) -> pd.DataFrame:
    """Relative weights (Johnson 2000): each attribute's share of the explained variance R².

    OLS coefficients of correlated ratings (a halo makes every rating rise and
    fall together) are unstable: a small change in the sample can move weight
    from one attribute to its correlated neighbour, and a coefficient can even
    turn negative. Relative weights split R² among the attributes instead:

    1. R = correlation matrix of the ratings, r = their correlations with the target;
    2. R = Q diag(λ) Qᵀ; Λ = R^½ = Q diag(√λ) Qᵀ holds the correlations between
       the ratings and their closest orthogonal counterparts Z;
    3. β = Λ⁻¹ r are the standardised coefficients of the target on Z (Z is
       uncorrelated, so they do not fight over shared variance);
    4. raw weight ε_j = Σ_k Λ_jk² β_k²; Σ_j ε_j = R² of the OLS regression.

    Returns one row per attribute: ``raw_weight`` (ε_j, sums to R²), ``weight``
    (ε_j / R², sums to 1) and ``r`` (the plain correlation). ``attrs["r2"]`` is
    R², ``attrs["n_used"]`` the rows used (listwise, as
    :func:`derived_importance`). Weights are never negative. With
    uncorrelated ratings ε_j = r_j² exactly.

    Example
    -------
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 1, 2, 3], "b": [2, 1, 4, 3, 5, 2, 2, 4]})
    >>> df["y"] = df["a"] + 0.5 * df["b"] + [0.1, -0.2, 0.0, 0.3, -0.1, 0.2, -0.3, 0.0]
    >>> rw = relative_weights(df, "y", ["a", "b"])
    >>> rw["weight"].round(3).tolist(), bool(np.isclose(rw["raw_weight"].sum(), rw.attrs["r2"]))
    ([0.561, 0.439], True)

    Source: Johnson (2000), "A heuristic method for estimating the relative weight
    of predictor variables in multiple regression"; the numbers it gives are close
    to the Shapley (dominance) split of R² (Budescu 1993; Tonidandel & LeBreton 2011).
    """
    attributes, sxx, sxy, syy, var, n_used, n_rows = _driver_data(survey, target, attributes, "relative_weights")
    sd = np.sqrt(var)
    rxx = sxx / np.outer(sd, sd)
    rxy = sxy / (sd * np.sqrt(syy))
    lam, q = np.linalg.eigh(rxx)
    if lam.min() <= 1e-10 * max(lam.max(), 1.0):
        raise CRMDataError(
            f"relative_weights: the attributes {attributes!r} are perfectly collinear (one is a combination of "
            "the others), so R² cannot be split among them. Fix: leave out the attribute that repeats the others."
        )
    half = (q * np.sqrt(lam)) @ q.T          # Λ = R^½
    beta = np.linalg.solve(half, rxy)        # coefficients on the orthogonal Z
    raw = (half ** 2) @ (beta ** 2)
    r2 = float(rxy @ np.linalg.solve(rxx, rxy))
    out = pd.DataFrame({"raw_weight": raw, "weight": raw / raw.sum(), "r": rxy},
                       index=pd.Index(attributes, name="attribute"))
    out.attrs.update(r2=r2, n_used=n_used, n_dropped=n_rows - n_used)
    return out


def stated_importance(df: pd.DataFrame, attributes: Sequence[str] = ATTRIBUTES, prefix: str = "imp_",
                      scale: tuple[float, float] = (1, 5)) -> pd.DataFrame:
    """Stated importance: mean of the importance ratings, and as weights summing to 1.

    weight_j = mean(imp_j) / sum_k mean(imp_k). Missing answers are skipped.
    """
    attributes = _attribute_list(attributes)
    if not isinstance(prefix, str):
        raise CRMDataError(f"prefix={prefix!r} must be text, e.g. prefix='imp_'. Fix: pass a string.")
    cols = [f"{prefix}{a}" for a in attributes]
    v.require_frame(df, "survey")
    v.require_columns(df, cols, "survey", fix=f"pass prefix=... so that prefix + attribute names the importance "
                                              f"columns (now {prefix!r}), or attributes=[...].")
    v.require_in_scale(df, cols, *_scale(scale), allow_missing=True)
    empty = [c for c in cols if df[c].isna().all()]
    if empty:
        raise CRMDataError(f"column {empty[0]!r} has no importance answers (all missing). "
                           "Fix: leave that attribute out, or check the column.")
    means = df[cols].mean().to_numpy()
    if means.sum() <= 0:
        raise CRMDataError(f"the importance columns {cols!r} have mean 0, so no weights can be formed. "
                           "Fix: check the scale of the importance answers.")
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

    from crmlab.labels import check_lang

    check_lang(lang)
    series = {}
    for name, given in (("performance", performance), ("importance", importance)):
        if isinstance(given, pd.DataFrame):
            if given.shape[1] != 1:
                raise CRMDataError(f"{name} must be one value per attribute (a Series or dict), got a table with "
                                   f"columns {list(given.columns)[:5]!r}. Fix: pick one column, e.g. table['weight'].")
            given = given.iloc[:, 0]
        if not isinstance(given, (Mapping, pd.Series)):
            raise CRMDataError(f"{name} must be a Series or dict attribute -> value, got {type(given).__name__}. "
                               "Fix: e.g. survey[attributes].mean() for performance.")
        raw = given if isinstance(given, pd.Series) else pd.Series(dict(given), dtype=object)
        num = pd.to_numeric(raw, errors="coerce") if not pd.api.types.is_bool_dtype(raw) else raw.astype(float) * np.nan
        text = raw[num.isna() & raw.notna()]
        if len(text):
            raise CRMDataError(f"{name} must be numbers, found: {v.show_values(text)}. "
                               "Fix: convert them with pd.to_numeric.")
        series[name] = num.astype("float64")
    perf, imp = series["performance"], series["importance"]
    for name, cut in (("performance_cut", performance_cut), ("importance_cut", importance_cut)):
        if cut is not None and (isinstance(cut, (str, bytes, bool)) or not np.isfinite(float(cut) if isinstance(cut, (int, float, np.number)) else np.nan)):
            raise CRMDataError(f"{name}={cut!r} must be a number (or None for the mean). Fix: e.g. {name}=3.5.")
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
            raise CRMDataError(f"{name} has missing values for {', '.join(map(repr, s.index[s.isna()]))}. "
                               "Fix: compute it for every attribute, or leave that attribute out of both.")
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
    v.require_columns(df, [score, outcome], "survey", fix="pass score=... and outcome=... with your column names.")
    low, high = _scale(scale)
    if not (float(low).is_integer() and float(high).is_integer()):
        raise CRMDataError(f"scale={scale!r} must be whole-number levels for a rate per level. Fix: e.g. scale=(1, 5).")
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
    if isinstance(levels, (str, bytes, Mapping)) or np.ndim(levels) != 1 or len(levels) == 0 or not all(
            isinstance(s, (int, float, np.integer, np.floating)) and not isinstance(s, bool) for s in levels):
        raise CRMDataError(f"levels={levels!r} must be the rating levels as numbers. Fix: e.g. levels=(1, 2, 3, 4, 5).")
    cols = [f"{prefix}{s}" for s in levels]
    v.require_frame(counts, "counts")
    v.require_columns(counts, cols, "counts", fix=f"pass prefix=... and levels=... so that they name the count "
                                                  f"columns (now {cols[:2]!r}...).")
    v.require_nonnegative(counts, cols, fix="counts of answers cannot be negative; correct them.")
    v.require_no_missing(counts, cols, fix="a level nobody chose has count 0: fill with 0 (counts.fillna(0)).")
    n = counts[cols].to_numpy(dtype="float64")
    frac = n != np.round(n)
    if frac.any():
        col = cols[int(np.argmax(frac.any(axis=0)))]
        raise CRMDataError(f"column {col!r} holds counts, found non-whole numbers: "
                           f"{v.show_values(counts[col][frac[:, cols.index(col)]])}. Fix: counts are whole numbers.")
    total = n.sum(axis=1)
    if (total == 0).any():
        raise CRMDataError(f"a row of counts sums to 0 at row(s) {', '.join(map(repr, counts.index[total == 0][:5]))}. "
                           "Fix: drop attributes nobody rated.")
    return pd.Series(n @ np.asarray(levels, dtype=float) / total, index=counts.index, name="mean_score")
