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

from crmlab.errors import CRMDataError, Localised, Msg

MAX_SHOWN = 5

__all__ = [
    "CRMDataError",
    "show_values",
    "require_frame",
    "require_columns",
    "require_numeric",
    "require_no_missing",
    "require_in_scale",
    "require_weights",
    "require_unique",
    "require_choice",
    "require_positive",
    "require_nonnegative",
    "require_int",
    "require_group_labels",
    "to_numbers",
    "require_confidence",
    "require_scale",
    "to_datetime",
    "to_timestamp",
    "to_bool",
]


def _row_list(index: pd.Index, mask) -> str:
    """``3, 7, 9 (and 4 more)``: the labels of the first rows where ``mask`` holds."""
    mask = np.asarray(mask, dtype=bool)
    rows = ", ".join(repr(i) for i in index[mask][:MAX_SHOWN])
    more = int(mask.sum()) - MAX_SHOWN
    return rows + (f" (and {more} more)" if more > 0 else "")


class _Shown(Localised):
    """Offending values with their row labels inside a keyed message (:class:`crmlab.errors.Msg`): English
    exactly as :func:`show_values`, another language through the ``err_row_value`` / ``err_and_more`` labels."""

    def __init__(self, values, limit: int = MAX_SHOWN):
        if not isinstance(values, pd.Series):
            values = pd.Series(values if np.ndim(values) == 1 else [values], dtype=object)
        self.pairs = list(values.head(limit).items())
        self.more = len(values) - limit

    def text(self, lang: str = "en") -> str:
        from crmlab.labels import t

        if lang == "en":
            shown = ", ".join(f"row {idx!r}: {val!r}" for idx, val in self.pairs)
            return shown + (f" (and {self.more} more)" if self.more > 0 else "")
        shown = t("err_value_sep", lang).join(t("err_row_value", lang, row=repr(i), value=repr(v)) for i, v in self.pairs)
        return shown + (t("err_and_more", lang, n=self.more) if self.more > 0 else "")


class _Rows(Localised):
    """Row labels where ``mask`` holds inside a keyed message: ``3, 7, 9 (and 4 more)`` (see :func:`_row_list`)."""

    def __init__(self, index: pd.Index, mask):
        mask = np.asarray(mask, dtype=bool)
        self.rows = [repr(i) for i in index[mask][:MAX_SHOWN]]
        self.more = int(mask.sum()) - MAX_SHOWN

    def text(self, lang: str = "en") -> str:
        from crmlab.labels import t

        if lang == "en":
            return ", ".join(self.rows) + (f" (and {self.more} more)" if self.more > 0 else "")
        return t("err_value_sep", lang).join(self.rows) + (t("err_and_more", lang, n=self.more) if self.more > 0 else "")


def show_values(values: pd.Series, limit: int = MAX_SHOWN) -> str:
    """Format up to ``limit`` offending values as ``row 3: 6, row 7: 0``."""
    if not isinstance(values, pd.Series):
        values = pd.Series(values if np.ndim(values) == 1 else [values], dtype=object)
    shown = [f"row {idx!r}: {val!r}" for idx, val in values.head(limit).items()]
    more = len(values) - limit
    text = ", ".join(shown)
    if more > 0:
        text += f" (and {more} more)"
    return text


def require_frame(df, name: str = "data", min_rows: int = 1) -> pd.DataFrame:
    """Check that ``df`` is a non-empty DataFrame."""
    if not isinstance(df, pd.DataFrame):
        raise CRMDataError(Msg("err_not_frame", name=name, got=type(df).__name__))
    if len(df) < min_rows:
        raise CRMDataError(Msg("err_few_rows", name=name, n=len(df), min_rows=min_rows))
    return df


def require_columns(df: pd.DataFrame, columns: Iterable[str], name: str = "data", fix: str | None = None) -> None:
    """Check that every column in ``columns`` exists in ``df``.

    ``fix`` is the caller's own advice (what to pass instead, e.g. "pass
    items={...}"); the default only suggests renaming the column.
    """
    require_frame(df, name, min_rows=0)
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    unusable = [c for c in columns if c is None or not isinstance(c, (str, int, np.integer, tuple))]
    if unusable:
        raise CRMDataError(
            f"column name {unusable[0]!r} ({type(unusable[0]).__name__}) is not a column name of {name}. "
            "Fix: pass the column's name as a string, e.g. 'overall'."
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        have = ", ".join(map(repr, list(df.columns)[:12])) or Msg("err_no_columns")
        fix = fix or Msg("err_column_missing_fix", col=missing[0])
        if len(missing) > 1:
            raise CRMDataError(Msg("err_columns_missing", col=missing[0], name=name, have=have, fix=fix,
                                   also=", ".join(map(repr, missing[1:6]))))
        raise CRMDataError(Msg("err_column_missing", col=missing[0], name=name, have=have, fix=fix))


def _frame_and_columns(df, columns) -> list:
    """A DataFrame that has ``columns`` (a name or a list of names); returns the list."""
    require_frame(df, min_rows=0)
    columns = [columns] if isinstance(columns, str) else list(columns)
    require_columns(df, columns)
    return columns


def require_numeric(df: pd.DataFrame, columns: Iterable[str]) -> None:
    """Check that the columns have a numeric (not boolean-as-text) dtype."""
    columns = _frame_and_columns(df, columns)
    for col in columns:
        s = df[col]
        if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            coerced = pd.to_numeric(s, errors="coerce")
            bad = s[coerced.isna() & s.notna()]
            if len(bad):
                raise CRMDataError(Msg("err_not_numeric_values", col=col, dtype=str(s.dtype), shown=_Shown(bad)))
            raise CRMDataError(Msg("err_not_numeric", col=col, dtype=str(s.dtype)))


def require_no_missing(df: pd.DataFrame, columns: Iterable[str], fix: str | None = None) -> None:
    """Check that the columns have no missing values."""
    columns = _frame_and_columns(df, columns)
    for col in columns:
        miss = df[col].isna()
        if miss.any():
            raise CRMDataError(Msg("err_missing", col=col, n=int(miss.sum()), rows=_Rows(df.index, miss),
                                   fix=fix or Msg("err_missing_fix", col=col)))


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

    Parameters
    ----------
    df : DataFrame
        The data.
    columns : iterable of str
        The rating columns to check.
    low, high : float
        The scale's ends (inclusive).
    allow_missing : bool, default False
        Accept missing answers (NaN).
    integer : bool, default False
        Require whole-number ratings.
    missing_fix : str, optional
        The "Fix:" text of the missing-value message (default: drop or keep them).
    """
    columns = _frame_and_columns(df, columns)
    require_numeric(df, columns)
    for col in columns:
        s = df[col]
        if not allow_missing:
            require_no_missing(df, [col], fix=missing_fix)
        present = s.dropna()
        bad = present[(present < low) | (present > high)]
        if len(bad):
            one_below = bool((bad == low - 1).all()) and low - 1 >= 0
            values = dict(col=col, n=len(bad), low=f"{low:g}", high=f"{high:g}", shown=_Shown(bad))
            if one_below:
                raise CRMDataError(Msg("err_out_of_scale_shifted", below=f"{low - 1:g}", **values))
            raise CRMDataError(Msg("err_out_of_scale", **values))
        if integer:
            frac = present[present != np.round(present)]
            if len(frac):
                raise CRMDataError(Msg("err_not_whole_ratings", col=col, low=f"{low:g}", high=f"{high:g}",
                                       shown=_Shown(frac)))


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
    if isinstance(weights, pd.DataFrame) or not isinstance(weights, (Mapping, pd.Series)):
        kind = type(weights).__name__
        example = ", ".join(f"{n!r}: ..." for n in list(names or [])[:3]) or "'name': 0.5, ..."
        raise CRMDataError(
            f"{what} must be a dict or a Series that names each weight, got {kind}"
            + (f" {list(np.asarray(weights).ravel()[:6])!r}" if isinstance(weights, (list, tuple, np.ndarray)) else "")
            + ". Unnamed weights could be matched to the wrong attribute, so they are not accepted. "
            + f"Fix: name them, e.g. {{{example}}}"
            + (f", or dict(zip({list(names)!r}, your_weights)) if they are in that order." if names else ".")
        )
    raw = pd.Series(weights, dtype=object) if not isinstance(weights, pd.Series) else weights
    if pd.api.types.is_bool_dtype(raw) or any(isinstance(x, (bool, np.bool_)) for x in raw.to_numpy()):
        raise CRMDataError(f"{what} must be numbers, found True/False: "
                           + ", ".join(f"{k!r}: {x!r}" for k, x in raw.head(MAX_SHOWN).items())
                           + ". Fix: give a number per name.")
    w = pd.to_numeric(raw, errors="coerce").astype("float64")
    text = raw[w.isna() & raw.notna()]
    if len(text):
        raise CRMDataError(
            f"{what} must be numbers, found: " + ", ".join(f"{k!r}: {x!r}" for k, x in text.head(MAX_SHOWN).items())
            + ". Fix: pass numbers, e.g. 0.25 rather than '0.25' or '25%'."
        )
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
    _frame_and_columns(df, [column])
    dup = df[column][df[column].duplicated(keep=False)]
    if len(dup):
        raise CRMDataError(
            f"column {column!r} must be unique but has duplicates: {show_values(dup)}. "
            "Fix: drop or merge the duplicate rows."
        )


def require_choice(value, choices: Iterable, name: str):
    """Check a parameter value is one of ``choices``."""
    choices = list(choices)
    try:
        ok = any(value is c or (type(value) is type(c) and value == c) for c in choices) or (
            isinstance(value, (str, int, float, bool, type(None))) and value in choices)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise CRMDataError(Msg("err_not_one_of", name=name, value=value, choices=", ".join(map(repr, choices))))
    return value


def require_positive(value: float, name: str, allow_zero: bool = False) -> float:
    """Check a numeric parameter is positive (or non-negative).

    Text that is a number ("2.5") is read as that number; booleans are
    refused (True is not a count of anything).
    """
    if isinstance(value, (bytes, bool, np.bool_)):
        raise CRMDataError(Msg("err_not_a_number_type", name=name, value=value, got=type(value).__name__))
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CRMDataError(Msg("err_not_a_number", name=name, value=value)) from None
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise CRMDataError(Msg("err_not_positive", name=name, value=value, bound=bound))
    return v



def require_scale(scale, name: str = "scale") -> tuple[float, float]:
    """A rating scale ``(low, high)``: two finite numbers with low < high."""
    try:
        low, high = scale
        ok = all(isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, (bool, np.bool_))
                 for x in (low, high)) and bool(np.isfinite(low) and np.isfinite(high) and low < high)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise CRMDataError(f"{name}={scale!r} must be two numbers (low, high) with low < high. Fix: e.g. {name}=(1, 5).")
    return float(low), float(high)


def require_confidence(value, name: str = "confidence") -> float:
    """Check a confidence level (or any share strictly between 0 and 1), e.g. 0.95."""
    if isinstance(value, (str, bytes, bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise CRMDataError(f"{name}={value!r} must be a number between 0 and 1 ({type(value).__name__} given). "
                           f"Fix: e.g. {name}=0.95.")
    if not 0 < float(value) < 1:
        hint = f" (did you mean {value / 100:g}?)" if 1 < float(value) < 100 else ""
        raise CRMDataError(f"{name}={value!r} must be strictly between 0 and 1{hint}. Fix: e.g. {name}=0.95.")
    return float(value)

def require_nonnegative(df: pd.DataFrame, columns: Iterable[str], fix: str | None = None) -> None:
    """Check that numeric columns have no negative values (and no infinite ones)."""
    columns = list(columns)
    require_numeric(df, columns)
    for col in columns:
        bad = df[col][(df[col] < 0) | np.isinf(df[col].astype("float64"))]
        if len(bad):
            raise CRMDataError(
                f"column {col!r} must not be negative or infinite, found: {show_values(bad)}. Fix: "
                + (fix or "returns and refunds belong in their own column; drop or correct these rows.")
            )


_TZ_RE = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$"
_SLASH_RE = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(.*)$"


def _warn(message: str) -> None:
    import warnings

    from crmlab.errors import CRMWarning

    warnings.warn(message, CRMWarning, stacklevel=3)


def _rows(mask, index, limit: int = MAX_SHOWN) -> str:
    rows = ", ".join(repr(i) for i in index[np.asarray(mask, dtype=bool)][:limit])
    more = int(np.asarray(mask, dtype=bool).sum()) - limit
    return rows + (f" (and {more} more)" if more > 0 else "")


def _numbers_as_dates(s: pd.Series, column: str) -> pd.Series:
    """Integer YYYYMMDD dates are read as dates; other numbers get advice that really works."""
    if pd.api.types.is_bool_dtype(s):
        raise CRMDataError(
            f"column {column!r} holds True/False ({s.dtype}), not timestamps. "
            "Fix: pass the column with the dates (e.g. '2013-09-04')."
        )
    x = s.to_numpy(dtype="float64", na_value=np.nan)
    present = x[~np.isnan(x)]
    whole = bool(np.all(present == np.round(present))) if present.size else False
    if whole and np.all((present >= 19000101) & (present <= 21001231)):
        text = pd.Series(np.where(np.isnan(x), "", np.nan_to_num(x).astype(np.int64).astype(str)), index=s.index)
        out = pd.to_datetime(text.where(~np.isnan(x)), format="%Y%m%d", errors="coerce")
        bad = s[out.isna() & s.notna()]
        if len(bad) == 0:
            return out
        raise CRMDataError(
            f"column {column!r} holds YYYYMMDD numbers, but some are not calendar dates: {show_values(bad)}. "
            "Fix: correct those values (e.g. 20130904 for 4 September 2013), or set them to missing."
        )
    lo, hi = (float(present.min()), float(present.max())) if present.size else (np.nan, np.nan)
    shown = show_values(s[s.notna()])
    if lo >= 3.15e8 and hi <= 4.11e9:
        advice = (f"if they are Unix time in seconds (since 1970-01-01 UTC), convert them: "
                  f"df[{column!r}] = pd.to_datetime(df[{column!r}], unit='s')")
    elif lo >= 3.15e11 and hi <= 4.11e12:
        advice = (f"if they are Unix time in milliseconds, convert them: "
                  f"df[{column!r}] = pd.to_datetime(df[{column!r}], unit='ms')")
    elif whole and lo >= 1e4 and hi <= 8e4:
        advice = (f"if they are Excel serial day numbers, convert them: "
                  f"df[{column!r}] = pd.to_datetime(df[{column!r}], unit='D', origin='1899-12-30')")
    else:
        advice = "these numbers are not YYYYMMDD dates, Unix seconds or Excel day numbers; pass the dates as text such as '2013-09-04'"
    raise CRMDataError(
        f"column {column!r} holds numbers ({s.dtype}), not timestamps: {shown}. Fix: {advice}."
    )


def _slash_dates(text: pd.Series, column: str, dayfirst: bool | None) -> pd.Series:
    """Parse d/m/Y or m/d/Y dates with ONE reading for the whole column (NaT where not that form)."""
    parts = text.str.extract(_SLASH_RE)
    has = parts[0].notna().to_numpy()
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    if not has.any():
        return out
    a = pd.to_numeric(parts[0], errors="coerce").to_numpy()
    b = pd.to_numeric(parts[1], errors="coerce").to_numpy()
    a, b = a[has], b[has]
    can_dm = bool(np.all((a >= 1) & (a <= 31) & (b >= 1) & (b <= 12)))
    can_md = bool(np.all((a >= 1) & (a <= 12) & (b >= 1) & (b <= 31)))
    sub = text[has]
    if dayfirst is None:
        if can_dm and can_md:
            if np.any(a != b):
                _warn(f"column {column!r} has dates such as {sub.iloc[int(np.argmax(a != b))]!r} that read either "
                      "day-first or month-first, and no value decides; they were read month-first (m/d/Y). "
                      f"Fix: if they are day-first, convert them first: "
                      f"df[{column!r}] = pd.to_datetime(df[{column!r}], format='%d/%m/%Y') (or pass dayfirst=True).")
            dayfirst = False
        elif can_dm or can_md:
            dayfirst = can_dm
        else:
            dm_only = sub[(a > 12)]
            md_only = sub[(b > 12)]
            raise CRMDataError(
                f"column {column!r} mixes day-first and month-first dates: {show_values(dm_only, 2)} only read "
                f"day-first, {show_values(md_only, 2)} only month-first, so one column would mean two calendars. "
                f"Fix: write every date in one form, best ISO '2013-09-04', or convert the column yourself with "
                f"pd.to_datetime(df[{column!r}], format='%d/%m/%Y') after correcting the others."
            )
    day, month = (parts[0], parts[1]) if dayfirst else (parts[1], parts[0])
    iso = parts[2] + "-" + month.str.zfill(2) + "-" + day.str.zfill(2) + parts[3].fillna("")
    parsed = pd.to_datetime(iso[has], errors="coerce", format="ISO8601")
    out[has] = parsed.to_numpy(dtype="datetime64[us]")
    return out


def _text_dates(s: pd.Series, column: str, fmt: str | None, dayfirst: bool | None) -> pd.Series:
    if fmt is None:
        # fast path: clean ISO text without a zone (a firm's export, 10^5-10^6 rows) parses in one
        # vectorised call; anything else (zones, slash dates, stray text) takes the careful path below
        try:
            fast = pd.to_datetime(s, errors="raise", format="ISO8601")
        except (ValueError, TypeError, OverflowError):
            fast = None
        if fast is not None and pd.api.types.is_datetime64_dtype(fast.dtype) \
                and not isinstance(fast.dtype, pd.DatetimeTZDtype):
            return fast.astype("datetime64[us]")
    text = s.astype("string").str.strip()
    present = s.notna() & text.notna() & (text != "")
    if fmt is not None:
        if not isinstance(fmt, str):
            raise CRMDataError(f"fmt={fmt!r} must be a format string. Fix: e.g. fmt='%d/%m/%Y'.")
        try:
            return pd.to_datetime(s, errors="coerce", format=fmt)
        except (ValueError, TypeError) as exc:
            raise CRMDataError(f"fmt={fmt!r} cannot be used to read column {column!r} ({exc}). "
                               "Fix: pass a strftime format such as '%d/%m/%Y %H:%M'.") from None
    aware = (text.str.contains(_TZ_RE, case=False, regex=True) & present).fillna(False).to_numpy(dtype=bool)
    naive = present.to_numpy(dtype=bool) & ~aware
    if aware.any() and naive.any():
        raise CRMDataError(
            f"column {column!r} mixes timestamps with a time zone (row(s) {_rows(aware, s.index)}) and without one "
            f"(row(s) {_rows(naive, s.index)}), so they cannot be compared. Fix: write them all in one form, "
            f"e.g. df[{column!r}] = pd.to_datetime(df[{column!r}], utc=True) if the ones without a zone are UTC."
        )
    if aware.any():
        utc = pd.to_datetime(s.where(aware), errors="coerce", format="ISO8601", utc=True)
        wall = pd.to_datetime(text.str.replace(r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$", "", case=False, regex=True)
                              .where(aware), errors="coerce", format="ISO8601")
        offsets = (wall - utc.dt.tz_localize(None)).dropna()
        if offsets.nunique() > 1:
            first = offsets.drop_duplicates()
            raise CRMDataError(
                f"column {column!r} has timestamps with different UTC offsets: "
                f"{show_values(s[first.index], 3)}. Fix: convert them to one clock first, e.g. "
                f"df[{column!r}] = pd.to_datetime(df[{column!r}], utc=True) (the kit then reads them in UTC)."
            )
        _warn(f"column {column!r} has time-zone-aware timestamps; they are read as local clock times (the zone "
              f"dropped), so a purchase day is the day where it happened. Fix: if you want UTC instead, convert "
              f"them first: df[{column!r}] = pd.to_datetime(df[{column!r}], utc=True).dt.tz_localize(None).")
        out = wall
    else:
        out = pd.to_datetime(s, errors="coerce", format="ISO8601")
        if isinstance(out.dtype, pd.DatetimeTZDtype):  # objects that carry a zone their text did not show
            out = out.dt.tz_localize(None)
    retry = (out.isna() & present).to_numpy(dtype=bool)
    if retry.any():  # e.g. "04/09/2013": one reading (d/m/Y or m/d/Y) for the whole column
        out = out.copy()
        slash = _slash_dates(text.where(retry), column, dayfirst)
        got = slash.notna().to_numpy()
        out[got] = slash[got].to_numpy(dtype=out.dtype)
        rest = retry & ~got & ~text.str.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}").fillna(False).to_numpy(dtype=bool)
        if rest.any():  # other text ("4 Sep 2013"): element by element
            other = pd.to_datetime(s[rest], errors="coerce", format="mixed", dayfirst=bool(dayfirst), utc=True)
            out[rest] = other.dt.tz_localize(None).to_numpy(dtype=out.dtype)
    return out.astype("datetime64[us]")


def to_datetime(df: pd.DataFrame, column: str, allow_missing: bool = False, fmt: str | None = None,
                dayfirst: bool | None = None) -> pd.Series:
    """Parse a column of timestamps (datetime or text) into datetime64.

    Text such as ``"2013-09-04"`` or ``"2013-09-04 10:30"`` is parsed;
    anything that cannot be parsed raises :class:`CRMDataError` showing the
    offending values. Missing values are allowed only with ``allow_missing``
    (e.g. a case that is still open has no resolution time).

    - Slash dates (``"04/09/2013"``) get ONE reading for the whole column:
      day-first if some value only fits day-first (``"13/09/2013"``),
      month-first if some only fits month-first; a column that needs both
      raises; when no value decides, month-first is used with a
      :class:`CRMWarning` (pass ``dayfirst=True``, or ``fmt=``, to choose).
    - Time zones: timestamps with a zone or offset are read as the local
      clock time (the zone dropped: a purchase at 07:30+08:00 stays on its
      local day), with a :class:`CRMWarning`; a column mixing zoned and
      unzoned text, or different offsets, raises.
    - Integer ``YYYYMMDD`` numbers (``20130904``) are read as dates; other
      numbers raise with advice that fits them (Unix seconds, Excel days).
    """
    if not isinstance(df, pd.DataFrame) or column not in df.columns:
        if isinstance(df, pd.DataFrame):
            require_columns(df, [column])
        require_frame(df)
    s = df[column]
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        _warn(f"column {column!r} is time-zone aware ({s.dtype.tz}); it is read as local clock times (the zone "
              f"dropped). Fix: for UTC convert it first: df[{column!r}] = df[{column!r}].dt.tz_convert('UTC')"
              ".dt.tz_localize(None).")
        out = s.dt.tz_localize(None)
    elif pd.api.types.is_datetime64_any_dtype(s):
        out = s
    elif (pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s)) and not s.isna().all():
        out = _numbers_as_dates(s, column)
    else:
        if dayfirst is not None and not isinstance(dayfirst, (bool, np.bool_)):
            raise CRMDataError(f"dayfirst={dayfirst!r} must be True, False or None. Fix: e.g. dayfirst=True for 13/09/2013.")
        out = _text_dates(s, column, fmt, dayfirst)
        bad = s[out.isna() & s.notna() & (s.astype("string").str.strip() != "").fillna(False)]
        if len(bad):
            raise CRMDataError(
                f"column {column!r} has values that are not dates: {show_values(bad)}. "
                "Fix: correct them (e.g. '2013-09-04' or '2013-09-04 10:30'), or set them to missing."
            )
    if not allow_missing:
        require_no_missing(pd.DataFrame({column: out}), [column])
    return out


def to_timestamp(value, name: str) -> pd.Timestamp:
    """Read a date parameter (``end="2013-12-31"``, a Timestamp, a datetime) as one naive Timestamp.

    Free text that is not a date (``"last spring"``) raises a
    :class:`CRMDataError` naming the parameter; a zoned value is read as
    its local clock time, as :func:`to_datetime` reads a column.
    """
    if isinstance(value, (list, tuple, dict, set, np.ndarray, pd.Series, pd.DataFrame)) or isinstance(value, bool):
        raise CRMDataError(f"{name}={value!r} must be one date, e.g. {name}='2013-12-31'. Fix: pass one date.")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        raise CRMDataError(f"{name}={value!r} is not a date. Fix: pass a date such as {name}='2013-12-31'.")
    numeric = isinstance(value, (int, float, np.integer, np.floating))
    try:
        out = to_datetime(pd.DataFrame({name: pd.Series([value], dtype=None if numeric else object)}), name)
    except CRMDataError as exc:
        why = str(exc).split(" Fix:")[0].replace(f"column {name!r} has values that are not dates", "not a date")
        raise CRMDataError(
            f"{name}={value!r} cannot be read as a date ({why}). "
            f"Fix: pass a date such as {name}='2013-12-31' or {name}=pd.Timestamp('2013-12-31 18:00')."
        ) from None
    return pd.Timestamp(out.iloc[0])


_TRUE = {"yes", "y", "true", "t", "1", "是"}
_FALSE = {"no", "n", "false", "f", "0", "否"}


def to_bool(df: pd.DataFrame, column: str, allow_missing: bool = False) -> pd.Series:
    """Parse a yes/no flag given as booleans, 0/1, or text ("Yes"/"No", "Y"/"N", "true"/"false").

    Returns a nullable ``boolean`` Series; unknown text raises
    :class:`CRMDataError` naming the column and showing the values.
    """
    _frame_and_columns(df, [column])
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
    if minimum is not None and maximum is not None:
        bound = f" between {minimum} and {maximum}"
    else:
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


def to_numbers(value, name: str, fix: str) -> np.ndarray:
    """``value`` (a number, list, array or Series of numbers) as a float array; text, bools and None refused."""
    if isinstance(value, (str, bytes, bool, np.bool_)) or value is None:
        raise CRMDataError(f"{name}={value!r} is not a number. Fix: {fix}")
    try:
        return np.asarray(value, dtype="float64")
    except (TypeError, ValueError):
        raise CRMDataError(f"{name} must be numbers, got {value!r:.80}. Fix: {fix}") from None


def require_group_labels(df: pd.DataFrame, by: str) -> None:
    """The kit's one policy for a grouping column (``by=``): every row needs a label.

    Rows with a missing group label are never dropped silently: the error
    gives their count and rows, and the fix drops them explicitly so the
    caller sees how many go.
    """
    require_columns(df, [by])
    # blanks are looked for among the distinct labels only: a million rows have a handful of groups
    codes, uniques = pd.factorize(df[by], use_na_sentinel=True)
    blank = [k for k, u in enumerate(uniques) if isinstance(u, str) and not u.strip()]
    miss = pd.Series((codes == -1) | (np.isin(codes, blank) if blank else False), index=df.index)
    if miss.any():
        raise CRMDataError(Msg("err_group_labels", by=by, n=int(miss.sum()), rows=_Rows(df.index, miss), total=len(df)))


def customer_weights(weights, n: int) -> np.ndarray:
    """The per-customer weights of a likelihood: ones when ``weights`` is None, else ``n`` finite counts >= 0.

    >>> customer_weights(None, 2).tolist(), customer_weights([1, 3], 2).tolist()
    ([1.0, 1.0], [1.0, 3.0])
    """
    if weights is None:
        return np.ones(n)
    try:
        w = np.asarray(weights, dtype="float64")
    except (TypeError, ValueError):
        w = np.array([np.nan])
    if w.shape != (n,) or not np.all(np.isfinite(w) & (w >= 0)):
        raise CRMDataError(f"weights must be one count >= 0 per customer ({n} of them); got {weights!r:.80}. "
                           "Fix: leave weights=None, or pass how many customers share each row.")
    return w
