"""Read every table of a mapping, check it with the kit's validators and collect ALL problems.

:func:`prepare` returns a :class:`Prepared`: the tables renamed to the kit's
roles (only the rows kept), the data-quality log per table (rows read, rows
excluded and why, values recoded, with counts) and every problem found. With
``on_bad_rows = "error"`` a bad row is a problem (the report cannot run);
with ``"drop"`` it is excluded and counted. A missing file or column is
always a problem.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmlab import validate as v
from crmlab.errors import CRMDataError
from crmlab.firm.mapping import TABLES, MappingFile, Problem, TableSpec, load
from crmlab.firm.read import read_file

DATE_ROLES = {"transactions": ("date",), "complaints": ("opened", "resolved")}
OPTIONAL_DATES = {("complaints", "resolved")}
FLAG_ROLES = {"complaints": ("timely", "disputed"), "contacts": ("abandoned",)}
NUMBER_ROLES = {"transactions": ("amount", "margin"), "contacts": ("wait",),
                "key_accounts": ("attractiveness", "relationship"), "satisfaction": ("overall",)}
LABEL_ROLES = {"complaints": ("category", "channel"), "contacts": ("channel",), "satisfaction": ("segment",),
               "servqual": ("segment",), "transactions": ("customer",), "key_accounts": ("account",)}
BLANK_LABEL = "(blank)"
DEFAULT_SCALE = {"satisfaction": [1, 5], "servqual": [1, 7], "pls": [1, 10], "key_accounts": [1, 5]}


@dataclass
class Quality:
    table: str
    file: str
    rows_read: int = 0
    excluded: list[tuple[str, int]] = field(default_factory=list)   # (reason, rows)
    recoded: list[tuple[str, int]] = field(default_factory=list)    # (what, values)
    # the same, for the report's sentences in any language: (label key, values for it, count)
    excluded_keys: list[tuple[str, dict, int]] = field(default_factory=list)
    recoded_keys: list[tuple[str, dict, int]] = field(default_factory=list)

    @property
    def rows_used(self) -> int:
        return self.rows_read - sum(n for _, n in self.excluded)


@dataclass
class Prepared:
    mapping: MappingFile
    tables: dict[str, pd.DataFrame]
    quality: dict[str, Quality]
    problems: list[Problem]
    extras: dict = field(default_factory=dict)   # per table: item maps, blocks, scales

    @property
    def ok(self) -> bool:
        return not self.problems

    def missing_tables(self) -> list[str]:
        return [t for t in TABLES if t not in self.tables]


class _Table:
    """The working state of one table: its frame, the bad-row mask and the log."""

    def __init__(self, spec: TableSpec, df: pd.DataFrame, problems: list[Problem]):
        self.spec, self.df, self.problems = spec, df, problems
        self.bad = pd.Series(False, index=df.index)
        self.reasons: list[tuple[str, str, dict, pd.Series]] = []
        self.quality = Quality(spec.name, spec.file, len(df))
        self.out: dict[str, pd.Series] = {}
        self._same: dict = {}  # (what, rows) -> [problem, columns]: one problem for the same rows in many columns

    def problem(self, column: str, message: str, fix: str, rows: str = "") -> None:
        self.problems.append(Problem(self.spec.name, self.spec.file, column, message, fix, rows))

    def bad_rows(self, column: str, mask: pd.Series, what: str, fix: str, key: str = "", **values) -> None:
        """Rows that break a rule: a problem under "error", excluded (and counted) under "drop"."""
        mask = mask.fillna(False).astype(bool) & ~self.bad
        if not mask.any():
            return
        if self.spec.policy == "drop":
            self.reasons.append((f"{column}: {what}", key, dict(values, column=column), mask))
            self.bad |= mask
        else:
            key = (what, hash(tuple(np.flatnonzero(mask.to_numpy()))))
            if key in self._same:  # the same rows break the same rule in another column: one problem
                prob, cols = self._same[key]
                cols.append(column)
                prob.column = f"{cols[0]}" + (f" and {len(cols) - 1} more columns" if len(cols) > 1 else "")
                return
            values = self.df.loc[mask, column] if column in self.df.columns else mask[mask]
            self.problem(column, f"{int(mask.sum())} rows {what}: {v.show_values(values)}.",
                         fix + ' Or set on_bad_rows = "drop" for this table to exclude them (they are counted '
                               "in the report's data-quality section).")
            self._same[key] = [self.problems[-1], [column]]


def _per_value(s: pd.Series, fn, na) -> pd.Series:
    """``fn`` applied to the distinct values of ``s`` only (text operations are slow per row), mapped back."""
    codes, uniq = pd.factorize(s, use_na_sentinel=True)
    res = np.asarray(fn(pd.Series(uniq, dtype="object")), dtype=object)
    out = np.append(res, na)[np.where(codes < 0, len(res), codes)]
    return pd.Series(out, index=s.index)


def _blank(s: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        return s.isna()
    return _per_value(s, lambda u: u.astype(str).str.strip() == "", True).astype(bool)


def _stripped(s: pd.Series) -> pd.Series:
    """The text of ``s``, stripped (missing stays missing), computed per distinct value."""
    return _per_value(s, lambda u: u.astype(str).str.strip(), np.nan)


def _yyyymmdd(s: pd.Series) -> pd.Series:
    """Whole numbers like 20240105 as dates (vectorised arithmetic; anything else NaT)."""
    num = pd.to_numeric(s, errors="coerce")
    whole = num.notna() & (num == np.floor(num))
    n = num.where(whole).fillna(0).astype("int64")
    parts = pd.DataFrame({"year": n // 10000, "month": n // 100 % 100, "day": n % 100})
    return pd.to_datetime(parts, errors="coerce").where(whole)


def _check_columns(t: _Table, columns: list[str]) -> bool:
    missing = [c for c in columns if c not in t.df.columns]
    for c in missing:
        near = difflib.get_close_matches(c, [str(h) for h in t.df.columns], n=3, cutoff=0.6)
        hint = f" Headers like it: {', '.join(map(repr, near))}." if near else ""
        t.problem(c, f"column {c!r} is not in the file.{hint}",
                  "write the header exactly as in the file's first line (case and spaces matter).")
    return not missing


def _dates(t: _Table, role: str) -> None:
    col = t.spec.columns[role]
    s = t.df[col]
    fmt = t.spec.options.get("date_format")
    blank = s.isna()
    maybe = s.notna()
    if not (pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s)):
        # blank text only where a value is short (a date is never one or two spaces)
        short = _per_value(s, lambda u: u.astype(str).str.len() < 6, False).astype(bool) & maybe
        blank = blank | (short & _blank(s.where(short)))
    optional = (t.spec.name, role) in OPTIONAL_DATES
    if pd.api.types.is_numeric_dtype(s) and fmt in (None, "%Y%m%d"):
        parsed = _yyyymmdd(s)
    elif fmt:
        text = s.astype("Int64").astype(str) if pd.api.types.is_numeric_dtype(s) else s
        parsed = pd.to_datetime(text, format=fmt, errors="coerce")
        retry = parsed.isna() & ~blank
        if retry.any():  # surrounding spaces: strip only the values that failed
            parsed[retry] = pd.to_datetime(_stripped(text[retry]), format=fmt, errors="coerce")
    else:
        try:
            parsed = v.to_datetime(t.df, col, allow_missing=True)
        except CRMDataError:
            parsed = pd.to_datetime(s.astype("string"), errors="coerce", format="mixed")
    t.bad_rows(col, parsed.isna() & ~blank, "are not dates" + (f" in the format {fmt!r}" if fmt else ""),
               f"correct them, or set date_format in [{t.spec.name}] to the file's format (e.g. \"%m/%d/%Y\").",
               "fm_why_not_dates")
    if not optional:
        t.bad_rows(col, blank, "have no date", "fill them in, or remove those rows from the export.",
                   "fm_why_no_date")
    t.out[role] = parsed


_DEFAULT_YES = {"yes", "y", "true", "1", "t"}
_DEFAULT_NO = {"no", "n", "false", "0", "f"}


def _flag(t: _Table, role: str) -> None:
    col = t.spec.columns[role]
    s = t.df[col]
    yes = t.spec.options.get("yes")
    no = t.spec.options.get("no")
    text = _stripped(s.astype("Int64") if pd.api.types.is_bool_dtype(s) else s)
    if yes or no:
        is_yes, is_no = text.isin(yes or []), text.isin(no or [])
    else:
        low = _per_value(text, lambda u: u.str.lower(), np.nan)
        is_yes, is_no = low.isin(_DEFAULT_YES), low.isin(_DEFAULT_NO)
    is_yes, is_no = is_yes.fillna(False).astype(bool), is_no.fillna(False).astype(bool)
    blank = _blank(s)
    codes = f"yes = {yes!r}, no = {no!r}" if (yes or no) else "Yes/No, Y/N, True/False, 1/0"
    t.bad_rows(col, ~is_yes & ~is_no & ~blank, f"are not one of the yes/no codes ({codes})",
               f"add the codes to yes = [...] / no = [...] in [{t.spec.name}].", "fm_why_codes")
    out = pd.Series(pd.NA, index=s.index, dtype="boolean")
    out[is_yes] = True
    out[is_no] = False
    t.out[role] = out
    counts = pd.DataFrame({"code": text, "yes": is_yes})[is_yes | is_no].value_counts(sort=False).sort_index()
    for (code, yes_), n in counts.items():
        t.quality.recoded.append((f"{col}: {code!r} -> {'yes' if yes_ else 'no'}", int(n)))
        t.quality.recoded_keys.append(("fm_recoded_yes" if yes_ else "fm_recoded_no", {"column": col, "code": code},
                                       int(n)))


def _numbers(t: _Table, col: str, scale=None, required: bool = True, out: str | None = None) -> None:
    s = t.df[col]
    num = pd.to_numeric(s, errors="coerce") if not pd.api.types.is_numeric_dtype(s) else s.astype("float64")
    blank = _blank(s)
    t.bad_rows(col, num.isna() & ~blank, "are not numbers", "correct them (digits only, '.' for decimals).",
               "fm_why_not_numbers")
    if required:
        t.bad_rows(col, blank, "are empty", "fill them in, or remove those respondents or rows.",
                   "fm_why_empty")
    if scale is not None:
        lo, hi = scale
        t.bad_rows(col, (num < lo) | (num > hi), f"are outside the scale {lo}-{hi}",
                   f"correct them, or set scale = [lowest, highest] in [{t.spec.name}].", "fm_why_scale",
                   low=f"{lo:g}", high=f"{hi:g}")
    t.out[out or col] = num


ID_ROLES = {"customer", "account"}


def _labels(t: _Table, role: str) -> None:
    col = t.spec.columns[role]
    if role in ID_ROLES:  # an id: kept as it is (numbers stay numbers: fast grouping); a missing id is a bad row
        t.bad_rows(col, _blank(t.df[col]), "have no id", "fill them in, or remove those rows from the export.",
                    "fm_why_no_id")
        ids = t.df[col]
        t.out[role] = ids if pd.api.types.is_numeric_dtype(ids) else _stripped(ids).astype("str")
        return
    blank = _blank(t.df[col])
    if blank.any():
        t.quality.recoded.append((f"{col}: blank -> {BLANK_LABEL!r}", int(blank.sum())))
        t.quality.recoded_keys.append(("fm_recoded_blank", {"column": col, "label": BLANK_LABEL}, int(blank.sum())))
    t.out[role] = _per_value(t.df[col], lambda u: u.astype(str).str.strip().mask(
        u.astype(str).str.strip() == "", BLANK_LABEL), BLANK_LABEL).astype("str")


def _servqual_columns(t: _Table) -> dict | None:
    """item -> (E column, P column[, importance column]) found by the templates/regular expressions."""
    o = t.spec.options
    headers = [str(h) for h in t.df.columns]
    items = [i for its in o["dimensions"].values() for i in its]
    found: dict = {}
    ok = True
    for kind in ("expectation", "perception", "importance"):
        rule = o.get(kind)
        if rule is None:
            continue
        for item in items:
            pattern = rule.replace("{item}", re.escape(str(item)))
            if pattern in headers:
                match = [pattern]
            elif rule.replace("{item}", str(item)) in headers:
                match = [rule.replace("{item}", str(item))]
            else:
                try:
                    rx = re.compile(pattern)
                except re.error as exc:
                    t.problem("", f"{kind} = {rule!r} is not a header and not a valid regular expression ({exc}).",
                              f"write {kind} as a header with {{item}} or a valid regular expression.")
                    return None
                match = [h for h in headers if rx.search(h)]
            if len(match) != 1:
                ok = False
                what = "no header" if not match else f"{len(match)} headers ({', '.join(map(repr, match[:3]))})"
                t.problem("", f"{kind} of item {item!r}: the rule {rule!r} finds {what}.",
                          f"make {kind} find exactly one header per item (anchor it: '^{{item}}-1\\\\.' ...).")
                continue
            found.setdefault(item, {})[kind] = match[0]
    return found if ok else None


def _prepare_servqual(t: _Table, prep: Prepared) -> None:
    o = t.spec.options
    if not isinstance(o.get("dimensions"), dict) or "expectation" not in o or "perception" not in o:
        return
    cols = _servqual_columns(t)
    if cols is None:
        return
    scale = o.get("scale", DEFAULT_SCALE["servqual"])
    dims = o["dimensions"]
    for item, c in cols.items():
        for kind, col in c.items():
            _numbers(t, col, scale, out=f"{kind[0].upper()}{item}")
    prep.extras["servqual"] = {"dimensions": {d: list(i) for d, i in dims.items()}, "scale": tuple(scale),
                               "columns": cols, "importance": "importance" in o,
                               "importance_rule": o.get("importance_rule", "mean")}


def _prepare_table(spec: TableSpec, prep: Prepared) -> None:
    problems = prep.problems
    if spec.path is None:
        return
    try:
        df = read_file(spec.path, spec.options.get("sheet"), f"[{spec.name}] file", spec.options.get("encoding"))
    except CRMDataError as exc:
        problems.append(Problem(spec.name, spec.file, "", str(exc).split(" Fix:")[0],
                                "Fix:" + str(exc).split(" Fix:")[-1] if " Fix:" in str(exc) else "see above."))
        return
    t = _Table(spec, df, problems)
    name, o = spec.name, spec.options
    before = len(problems)
    needed = list(spec.columns.values())
    if name == "satisfaction":
        needed += list(o.get("attributes", []))
    if name == "pls":
        needed += [c for b in o.get("blocks", {}).values() if isinstance(b, list) for c in b]
    if not _check_columns(t, list(dict.fromkeys(needed))):
        return
    for role in DATE_ROLES.get(name, ()):
        if role in spec.columns:
            _dates(t, role)
    for role in FLAG_ROLES.get(name, ()):
        if role in spec.columns:
            _flag(t, role)
    scale = o.get("scale", DEFAULT_SCALE.get(name))
    for role in NUMBER_ROLES.get(name, ()):
        if role in spec.columns:
            _numbers(t, spec.columns[role], scale if name in ("satisfaction", "key_accounts") else None,
                     required=role != "margin", out=role)
    if name == "transactions" and "amount" in t.out:
        t.bad_rows(spec.columns["amount"], t.out["amount"] < 0, "are negative amounts (returns?)",
                   "remove returns and refunds from the export, or net them per purchase.", "fm_why_negative")
    if name == "contacts" and "wait" in t.out:
        t.bad_rows(spec.columns["wait"], t.out["wait"] < 0, "are negative waits", "correct them (seconds >= 0).",
                   "fm_why_negative")
    if name == "complaints" and "resolved" in t.out:
        early = t.out["resolved"] < t.out["opened"]
        t.bad_rows(spec.columns["resolved"], early, f"are before {spec.columns['opened']!r}",
                   "correct the dates (a reply cannot come before the complaint).", "fm_why_before",
                   other=spec.columns["opened"])
    for role in LABEL_ROLES.get(name, ()):
        if role in spec.columns:
            _labels(t, role)
    if name == "satisfaction":
        for a in o.get("attributes", []):
            _numbers(t, a, scale)
    if name == "pls":
        for c in [c for b in o.get("blocks", {}).values() for c in b]:
            _numbers(t, c, scale)
        if "inner_matrix" in o:  # R plspm style: a 1 in row TO, column FROM
            names = list(o["blocks"])
            inner = [(names[j], to) for to, row in o["inner_matrix"].items() for j, x in enumerate(row) if x]
        else:
            inner = [tuple(e) for e in o.get("inner", [])]
        prep.extras["pls"] = {"blocks": o.get("blocks", {}), "inner": inner,
                              "scaled": bool(o.get("scaled", True))}
    if name == "servqual":
        _prepare_servqual(t, prep)
    if len(problems) > before:
        return
    keep = ~t.bad
    frame = pd.DataFrame({k: s[keep] for k, s in t.out.items()})
    for reason, key, values, mask in t.reasons:
        t.quality.excluded.append((reason, int(mask.sum())))
        t.quality.excluded_keys.append((key, values, int(mask.sum())))
    if frame.empty:
        t.problem("", "no rows are left after the bad rows were excluded.", "check the column roles and the codes.")
        return
    if name == "satisfaction":
        prep.extras["satisfaction"] = {"scale": tuple(scale), "attributes": list(o.get("attributes", [])),
                                       "top_box": int(o.get("top_box", 2))}
    if name == "key_accounts":
        try:
            v.require_unique(frame, "account")
        except CRMDataError as exc:
            t.problem(spec.columns["account"], str(exc).split(" Fix:")[0], "give every account one row.")
            return
    prep.tables[name] = frame.reset_index(drop=True)
    prep.quality[name] = t.quality


def prepare(mapping, data_dir=None, strict: bool = False) -> Prepared:
    """Read and check every table of ``mapping`` (a :class:`MappingFile` or a path, with ``data_dir``).

    Every problem is collected in ``.problems``; with ``strict=True`` any problem raises one
    :class:`CRMDataError` that lists them all (file, column, rows, values, the fix).
    """
    m = mapping if isinstance(mapping, MappingFile) else load(mapping, data_dir)
    prep = Prepared(m, {}, {}, list(m.problems))
    broken = {p.table for p in m.problems}  # a table whose mapping section is wrong is not read
    for spec in m.tables.values():
        if spec.name not in broken:
            _prepare_table(spec, prep)
    if strict and prep.problems:
        raise CRMDataError(f"{len(prep.problems)} problem(s) in the data or the mapping:\n"
                           + "\n".join(f"  {i}. {p.text()}" for i, p in enumerate(prep.problems, 1)))
    return prep


def check_report(prep: Prepared) -> str:
    """The text ``crmlab check-data`` prints: every table, its rows, and every problem with its fix."""
    lines = []
    for name in TABLES:
        if name in prep.quality:
            q = prep.quality[name]
            ex = sum(n for _, n in q.excluded)
            lines.append(f"ok       [{name}] {q.file}: {q.rows_read} rows read, {ex} excluded, {q.rows_used} used")
            lines += [f"           excluded {n}: {why}" for why, n in q.excluded]
        elif name not in prep.mapping.tables:
            lines.append(f"absent   [{name}]: not in the mapping (its report section is left out)")
    if prep.problems:
        lines.append(f"\n{len(prep.problems)} problem(s); the report cannot run until they are fixed:")
        lines += [f"  {i}. {p.text()}" for i, p in enumerate(prep.problems, 1)]
    else:
        lines.append("\nno problems: `crmlab report --data ... --mapping ...` can run.")
    return "\n".join(lines)
