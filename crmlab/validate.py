"""Shared input validators.

Every helper in the kit checks its input through these functions, so a
student sees the same kind of message everywhere: which column, which rows
and values (at most five), and what to do about it. All of them raise
:class:`crmlab.CRMDataError` and none of them modifies its input.

Missing answers (NaN) in rating columns are a choice, not an error, in
survey data: validators accept them only when ``allow_missing=True``; the
topic helper that calls them states what it does with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from crmlab.errors import CRMDataError

MAX_SHOWN = 5

__all__ = [
    "CRMDataError",
    "show_values",
    "require_frame",
    "require_columns",
    "require_numeric",
    "require_no_missing",
    "require_in_scale",
    "require_integer_scale",
    "require_weights",
    "require_unique",
    "require_choice",
    "require_positive",
    "require_nonnegative",
    "require_int",
    "require_group_labels",
    "to_datetime",
    "to_bool",
]


def show_values(values: pd.Series, limit: int = MAX_SHOWN) -> str:
    """Format up to ``limit`` offending values as ``row 3: 6, row 7: 0``."""
    shown = [f"row {idx!r}: {val!r}" for idx, val in values.head(limit).items()]
    more = len(values) - limit
    text = ", ".join(shown)
    if more > 0:
        text += f" (and {more} more)"
    return text


def require_frame(df, name: str = "data", min_rows: int = 1) -> pd.DataFrame:
    """Check that ``df`` is a non-empty DataFrame."""
    if not isinstance(df, pd.DataFrame):
        raise CRMDataError(
            f"{name} must be a pandas DataFrame, got {type(df).__name__}. "
            "Fix: pass a DataFrame, e.g. crmlab.datasets.load(...) or pd.read_csv(...)."
        )
    if len(df) < min_rows:
        raise CRMDataError(
            f"{name} has {len(df)} rows; at least {min_rows} needed. "
            "Fix: check the filter that produced it, or load the data again."
        )
    return df


def require_columns(df: pd.DataFrame, columns: Iterable[str], name: str = "data") -> None:
    """Check that every column in ``columns`` exists in ``df``."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        have = ", ".join(map(repr, list(df.columns)[:12]))
        raise CRMDataError(
            f"column {missing[0]!r} is missing from {name}"
            + (f" (also missing: {', '.join(map(repr, missing[1:]))})" if len(missing) > 1 else "")
            + f". The data has: {have}. Fix: rename your column to {missing[0]!r} "
            "or pass your column name through the function's column argument."
        )


def require_numeric(df: pd.DataFrame, columns: Iterable[str]) -> None:
    """Check that the columns have a numeric (not boolean-as-text) dtype."""
    for col in columns:
        s = df[col]
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            coerced = pd.to_numeric(s, errors="coerce")
            bad = s[coerced.isna() & s.notna()]
            detail = f" Non-numeric values: {show_values(bad)}." if len(bad) else ""
            raise CRMDataError(
                f"column {col!r} must be numeric but has dtype {s.dtype}.{detail} "
                f"Fix: convert it, e.g. df[{col!r}] = pd.to_numeric(df[{col!r}], errors='coerce'), "
                "and decide what to do with the values that fail."
            )


def require_no_missing(df: pd.DataFrame, columns: Iterable[str], fix: str | None = None) -> None:
    """Check that the columns have no missing values."""
    for col in columns:
        miss = df[col].isna()
        if miss.any():
            rows = ", ".join(repr(i) for i in df.index[miss][:MAX_SHOWN])
            more = int(miss.sum()) - MAX_SHOWN
            raise CRMDataError(
                f"column {col!r} has {int(miss.sum())} missing value(s) at row(s) {rows}"
                + (f" (and {more} more)" if more > 0 else "")
                + ". Fix: "
                + (fix or f"drop those rows (df.dropna(subset=[{col!r}])) or fill them.")
            )


def require_in_scale(
    df: pd.DataFrame,
    columns: Iterable[str],
    low: float,
    high: float,
    allow_missing: bool = False,
    integer: bool = False,
    missing_fix: str | None = None,
) -> None:
    """Check that ratings lie in ``[low, high]`` (and are whole numbers if ``integer``).

    Missing answers (NaN) are rejected unless ``allow_missing``; the message
    then says how to drop or keep them.
    """
    columns = list(columns)
    require_numeric(df, columns)
    for col in columns:
        s = df[col]
        if not allow_missing:
            require_no_missing(df, [col], fix=missing_fix)
        present = s.dropna()
        bad = present[(present < low) | (present > high)]
        if len(bad):
            raise CRMDataError(
                f"column {col!r} has {len(bad)} value(s) outside the {low:g}-{high:g} scale: "
                f"{show_values(bad)}. Fix: correct the data-entry errors, or set them to "
                "missing (NaN) and treat them as unanswered."
            )
        if integer:
            frac = present[present != np.round(present)]
            if len(frac):
                raise CRMDataError(
                    f"column {col!r} must hold whole-number ratings on the {low:g}-{high:g} "
                    f"scale, found: {show_values(frac)}. Fix: round or correct them."
                )


require_integer_scale = require_in_scale  # alias kept for readability at call sites


def require_weights(
    weights: Mapping[str, float] | pd.Series,
    names: Sequence[str] | None = None,
    normalize: bool = False,
    tol: float = 1e-6,
    what: str = "weights",
) -> pd.Series:
    """Validate importance weights and return them as a float Series.

    Weights must be finite and non-negative, and (unless ``normalize``)
    sum to 1 within ``tol``. With ``normalize=True`` they are divided by
    their sum instead (the sum must be positive). When ``names`` is given,
    the weights must have exactly those keys; the result follows that order.
    """
    w = pd.Series(weights, dtype="float64") if not isinstance(weights, pd.Series) else weights.astype("float64")
    if w.empty:
        raise CRMDataError(f"{what} are empty. Fix: give one weight per attribute.")
    if names is not None:
        names = list(names)
        unknown = [k for k in w.index if k not in names]
        if unknown:
            raise CRMDataError(
                f"{what} name(s) {', '.join(map(repr, unknown))} are not known "
                f"(expected some of: {', '.join(map(repr, names))}). Fix: check the spelling."
            )
        absent = [k for k in names if k not in w.index]
        if absent:
            raise CRMDataError(
                f"{what} are missing for {', '.join(map(repr, absent))}. "
                "Fix: give a weight (possibly 0) to every attribute."
            )
        w = w.reindex(names)
    bad = w[~np.isfinite(w) | (w < 0)]
    if len(bad):
        raise CRMDataError(
            f"{what} must be finite and non-negative, found: "
            + ", ".join(f"{k!r}: {v!r}" for k, v in bad.head(MAX_SHOWN).items())
            + ". Fix: use importance weights >= 0."
        )
    total = float(w.sum())
    if normalize:
        if total <= 0:
            raise CRMDataError(f"{what} sum to {total:g}; cannot normalise. Fix: give at least one positive weight.")
        return w / total
    if abs(total - 1.0) > tol:
        raise CRMDataError(
            f"{what} sum to {total:.4g}, not 1. Fix: divide each weight by {total:.4g}, "
            "or pass normalize=True to let the function do it."
        )
    return w


def require_unique(df: pd.DataFrame, column: str) -> None:
    """Check that a key column has no duplicates."""
    dup = df[column][df[column].duplicated(keep=False)]
    if len(dup):
        raise CRMDataError(
            f"column {column!r} must be unique but has duplicates: {show_values(dup)}. "
            "Fix: drop or merge the duplicate rows."
        )


def require_choice(value, choices: Iterable, name: str):
    """Check a parameter value is one of ``choices``."""
    choices = list(choices)
    if value not in choices:
        raise CRMDataError(
            f"{name}={value!r} is not one of {', '.join(map(repr, choices))}. Fix: pick one of those."
        )
    return value


def require_positive(value: float, name: str, allow_zero: bool = False) -> float:
    """Check a numeric parameter is positive (or non-negative)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CRMDataError(f"{name}={value!r} is not a number. Fix: pass a number.") from None
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise CRMDataError(f"{name}={value!r} must be {bound}. Fix: pass a number {bound}.")
    return v


def require_nonnegative(df: pd.DataFrame, columns: Iterable[str]) -> None:
    """Check that numeric columns have no negative values."""
    columns = list(columns)
    require_numeric(df, columns)
    for col in columns:
        bad = df[col][df[col] < 0]
        if len(bad):
            raise CRMDataError(
                f"column {col!r} must not be negative, found: {show_values(bad)}. "
                "Fix: returns and refunds belong in their own column; drop or correct these rows."
            )


def to_datetime(df: pd.DataFrame, column: str, allow_missing: bool = False, fmt: str | None = None) -> pd.Series:
    """Parse a column of timestamps (datetime or text) into datetime64.

    Text such as ``"2013-09-04"`` or ``"2013-09-04 10:30"`` is parsed;
    anything that cannot be parsed raises :class:`CRMDataError` showing the
    offending values. Missing values are allowed only with ``allow_missing``
    (e.g. a case that is still open has no resolution time).
    """
    s = df[column]
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s
    else:
        if pd.api.types.is_numeric_dtype(s) and not s.isna().all():
            raise CRMDataError(
                f"column {column!r} holds numbers ({s.dtype}), not timestamps. "
                "Fix: convert them, e.g. pd.to_datetime(df[col], unit='s'), or pass text dates."
            )
        out = pd.to_datetime(s, errors="coerce", format=fmt or "ISO8601")
        retry = out.isna() & s.notna()
        if fmt is None and retry.any():  # e.g. "04/09/2013": parse those element by element
            out = out.copy()
            out[retry] = pd.to_datetime(s[retry], errors="coerce", format="mixed")
        bad = s[out.isna() & s.notna() & (s.astype("string").str.strip() != "")]
        if len(bad):
            raise CRMDataError(
                f"column {column!r} has values that are not dates: {show_values(bad)}. "
                "Fix: correct them (e.g. '2013-09-04' or '2013-09-04 10:30'), or set them to missing."
            )
    if not allow_missing:
        require_no_missing(pd.DataFrame({column: out}), [column])
    return out


_TRUE = {"yes", "y", "true", "t", "1", "是"}
_FALSE = {"no", "n", "false", "f", "0", "否"}


def to_bool(df: pd.DataFrame, column: str, allow_missing: bool = False) -> pd.Series:
    """Parse a yes/no flag given as booleans, 0/1, or text ("Yes"/"No", "Y"/"N", "true"/"false").

    Returns a nullable ``boolean`` Series; unknown text raises
    :class:`CRMDataError` naming the column and showing the values.
    """
    s = df[column]
    if pd.api.types.is_bool_dtype(s):
        out = s.astype("boolean")
    elif pd.api.types.is_numeric_dtype(s):
        bad = s[s.notna() & ~s.isin([0, 1])]
        if len(bad):
            raise CRMDataError(
                f"column {column!r} is a yes/no flag but has numbers other than 0/1: {show_values(bad)}. "
                "Fix: use 1/0, True/False or Yes/No."
            )
        out = s.astype("Float64").map(lambda v: v == 1, na_action="ignore").astype("boolean")
    else:
        text = s.astype("string").str.strip().str.lower()
        known = text.isin(_TRUE | _FALSE)
        bad = s[~known & text.notna() & (text != "")]
        if len(bad):
            raise CRMDataError(
                f"column {column!r} is a yes/no flag but has unknown text: {show_values(bad)}. "
                "Fix: use Yes/No, Y/N, True/False or 1/0."
            )
        out = pd.Series(pd.NA, index=s.index, dtype="boolean")
        out[text.isin(_TRUE).fillna(False)] = True
        out[text.isin(_FALSE).fillna(False)] = False
    if not allow_missing and out.isna().any():
        require_no_missing(pd.DataFrame({column: out}), [column])
    return out.rename(column)


def require_int(value, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """Check a count-like parameter is a whole number (not a float, bool or text) within bounds.

    ``2.5`` periods or ``"500"`` respondents are refused rather than silently
    truncated; a float with no fraction (``3.0``) is accepted as 3.
    """
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if not ok and isinstance(value, (float, np.floating)) and np.isfinite(value) and float(value).is_integer():
        ok, value = True, int(value)
    bound = ("" if minimum is None else f" >= {minimum}") + ("" if maximum is None else f" <= {maximum}")
    if not ok:
        raise CRMDataError(
            f"{name}={value!r} must be a whole number{bound} ({type(value).__name__} given). "
            f"Fix: pass an int, e.g. {name}={minimum if minimum is not None else 1}."
        )
    value = int(value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise CRMDataError(f"{name}={value!r} is out of range; it must be{bound}. Fix: pass a whole number{bound}.")
    return value


def require_group_labels(df: pd.DataFrame, by: str) -> None:
    """The kit's one policy for a grouping column (``by=``): every row needs a label.

    Rows with a missing group label are never dropped silently: the error
    gives their count and rows, and the fix drops them explicitly so the
    caller sees how many go.
    """
    require_columns(df, [by])
    miss = df[by].isna()
    if pd.api.types.is_string_dtype(df[by]) or df[by].dtype == object:
        miss = miss | (df[by].astype("string").str.strip() == "").fillna(False).astype(bool)
    if miss.any():
        rows = ", ".join(repr(i) for i in df.index[miss][:MAX_SHOWN])
        more = int(miss.sum()) - MAX_SHOWN
        raise CRMDataError(
            f"group column {by!r} has {int(miss.sum())} missing or blank label(s) at row(s) {rows}"
            + (f" (and {more} more)" if more > 0 else "")
            + f" of {len(df)}. Fix: drop them on purpose, "
            f"df = df[df[{by!r}].fillna('').astype(str).str.strip() != ''], "
            f"or label them, e.g. df[{by!r}] = df[{by!r}].fillna('unknown')."
        )
