"""The mapping file: which of a firm's files is which of the kit's tables, and which column plays which role.

A TOML file (read with the standard library's :mod:`tomllib`), one section per
table the firm has; a table left out is a report section left out. Example::

    [complaints]
    file = "complaints.csv"          # inside the data folder; CSV (UTF-8, BOM, GBK, UTF-16) or .xlsx
    on_bad_rows = "drop"             # "error" (default): check-data lists them; "drop": excluded and counted
    date_format = "%m/%d/%Y"         # strftime codes; leave out to let the kit read the dates
    yes = ["Yes"]                    # the codes of yes/no columns (default: Yes/No, Y/N, True/False, 1/0)
    no = ["No"]
    [complaints.columns]
    opened = "date_received"         # role = the firm's column header
    resolved = "date_sent_to_company"
    category = "product"

The roles of every table are in :data:`TABLES` (required, optional).
Every problem of the file is collected (:func:`load`), not only the first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from crmlab.errors import CRMDataError

#: table -> (what it is, required roles, optional roles)
TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "satisfaction": ("satisfaction survey, one row per respondent", ("overall",), ("id", "segment")),
    "transactions": ("transactions, one row per purchase", ("customer", "date", "amount"), ("margin",)),
    "complaints": ("complaint log, one row per complaint", ("opened",),
                   ("resolved", "category", "channel", "timely", "disputed")),
    "contacts": ("contact-centre export, one row per call or chat", ("wait", "abandoned"), ("channel",)),
    "servqual": ("SERVQUAL survey, one row per respondent (expectation and perception per item)", (), ("segment",)),
    "key_accounts": ("key-account ratings, one row per account", ("account", "attractiveness", "relationship"), ()),
    "pls": ("survey for a PLS path model, one row per respondent", (), ()),
}

#: options every table may set, and the ones only some tables know
COMMON_OPTIONS = {"file", "sheet", "encoding", "on_bad_rows", "columns"}
TABLE_OPTIONS = {
    "satisfaction": {"scale", "attributes", "top_box"},
    "transactions": {"date_format"},
    "complaints": {"date_format", "yes", "no", "horizon_h", "end"},
    "contacts": {"yes", "no", "threshold_s"},
    "servqual": {"scale", "dimensions", "expectation", "perception", "importance", "importance_rule"},
    "key_accounts": set(),
    "pls": {"blocks", "inner", "inner_matrix", "scale", "scaled"},
}
POLICIES = ("error", "drop")
IMPORTANCE_RULES = ("mean", "sum")
SUFFIXES = (".csv", ".txt", ".xlsx")


@dataclass
class Problem:
    """One thing that stops (or, as a note, doubts) the report: where, what, the fix."""
    table: str
    file: str
    column: str
    message: str
    fix: str
    rows: str = ""

    def text(self) -> str:
        where = " / ".join(x for x in (self.table, self.file, self.column and f"column {self.column!r}") if x)
        rows = f" Rows: {self.rows}." if self.rows else ""
        fix = self.fix if self.fix.startswith("Fix:") else f"Fix: {self.fix}"
        return f"[{where}] {self.message}{rows} {fix}"


@dataclass
class TableSpec:
    name: str
    file: str
    path: Path | None
    columns: dict[str, str]
    options: dict = field(default_factory=dict)
    policy: str = "error"


@dataclass
class MappingFile:
    path: Path
    data_dir: Path
    tables: dict[str, TableSpec]
    problems: list[Problem]


def _where(name: str) -> str:
    return f"mapping [{name}]"


def resolve_file(data_dir: Path, name: str, table: str) -> tuple[Path | None, Problem | None]:
    """The table's file inside the data folder (``crmlab._io.inside``), or the problem."""
    from crmlab._io import inside

    if not isinstance(name, str) or not name.strip():
        return None, Problem(table, "", "", "has no file name (file = ...).",
                             f'add file = "your_export.csv" to [{table}] (a file inside the data folder).')
    try:
        path = inside(data_dir, name)
    except CRMDataError:
        return None, Problem(table, name, "", f"file {name!r} lies outside the data folder {str(data_dir)!r}.",
                             "give the file's name relative to the data folder, without '..' or an absolute path "
                             "(copy the file into the data folder).")
    if path.suffix.lower() not in SUFFIXES:
        return None, Problem(table, name, "", f"file {name!r} is not a .csv or .xlsx file.",
                             "export the table as CSV (UTF-8) or Excel .xlsx.")
    if not path.is_file():
        return None, Problem(table, name, "", f"file {name!r} was not found in the data folder {str(data_dir)!r}.",
                             "check the name (case matters) or copy the file into the data folder.")
    return path, None


def _check_scale(name: str, value, problems: list[Problem]) -> None:
    ok = (isinstance(value, list) and len(value) == 2
          and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value) and value[0] < value[1])
    if not ok:
        problems.append(Problem(name, "", "", f"scale = {value!r} is not [lowest, highest].",
                                "write e.g. scale = [1, 5] (or [0, 10]): the lowest and highest answer."))


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x for x in value)


def _table(name: str, raw: dict, data_dir: Path, problems: list[Problem]) -> TableSpec | None:
    if not isinstance(raw, dict):
        problems.append(Problem(name, "", "", "is not a table.", f"write it as a section: [{name}] then key = value lines."))
        return None
    known = COMMON_OPTIONS | TABLE_OPTIONS[name]
    for key in sorted(set(raw) - known):
        problems.append(Problem(name, "", "", f"unknown option {key!r}.",
                                f"use only {', '.join(sorted(known))} in [{name}] (roles go under [{name}.columns])."))
    path, p = resolve_file(data_dir, raw.get("file", ""), name)
    if p:
        problems.append(p)
    policy = raw.get("on_bad_rows", "error")
    if policy not in POLICIES:
        problems.append(Problem(name, "", "", f"on_bad_rows = {policy!r} is not allowed.",
                                'write on_bad_rows = "error" (check-data lists the bad rows) or "drop" '
                                "(they are excluded and counted in the data-quality section)."))
        policy = "error"
    cols = raw.get("columns", {})
    _, required, optional = TABLES[name]
    if not isinstance(cols, dict):
        problems.append(Problem(name, "", "", "columns is not a table of role = column.",
                                f'write [{name}.columns] then e.g. {(required or optional or ("id",))[0]} = "Header".'))
        cols = {}
    for role in sorted(set(cols) - set(required) - set(optional)):
        problems.append(Problem(name, "", role, f"unknown role {role!r}.",
                                f"the roles of [{name}.columns] are {', '.join(required + optional)}."))
    for role in required:
        if role not in cols:
            problems.append(Problem(name, "", role, f"the required role {role!r} has no column.",
                                    f'add {role} = "<your column header>" under [{name}.columns].'))
    for role, col in cols.items():
        if not isinstance(col, str) or not col:
            problems.append(Problem(name, "", role, f"role {role!r} = {col!r} is not a column header.",
                                    f'write {role} = "<the header as in the file>" (text in quotes).'))
    if "scale" in raw:
        _check_scale(name, raw["scale"], problems)
    for key in ("yes", "no", "attributes"):
        if key in raw and not _str_list(raw[key]):
            problems.append(Problem(name, "", "", f"{key} = {raw[key]!r} is not a list of texts.",
                                    f'write e.g. {key} = ["{ {"yes": "Yes", "no": "No"}.get(key, "speed")}"].'))
    if "encoding" in raw:
        import codecs

        try:
            codecs.lookup(raw["encoding"]) if isinstance(raw["encoding"], str) else None.x
        except (LookupError, AttributeError):
            problems.append(Problem(name, "", "", f"encoding = {raw['encoding']!r} is not an encoding Python knows.",
                                    'write e.g. encoding = "cp949" (Korean Windows), "gb18030", "utf-16"; or leave it '
                                    "out (UTF-8, UTF-16 and GBK are found by themselves)."))
    if "date_format" in raw and (not isinstance(raw["date_format"], str) or "%" not in raw["date_format"]):
        problems.append(Problem(name, "", "", f"date_format = {raw['date_format']!r} has no % codes.",
                                'write strftime codes, e.g. date_format = "%m/%d/%Y" or "%Y%m%d".'))
    for key in ("horizon_h", "threshold_s", "top_box"):
        if key in raw and (isinstance(raw[key], bool) or not isinstance(raw[key], (int, float)) or raw[key] <= 0):
            problems.append(Problem(name, "", "", f"{key} = {raw[key]!r} is not a positive number.",
                                    f"write e.g. {key} = {dict(horizon_h=720, threshold_s=20, top_box=2)[key]}."))
    if name == "servqual":
        _servqual(raw, problems)
    if name == "pls":
        _pls(raw, problems)
    options = {k: v for k, v in raw.items() if k not in ("file", "columns", "on_bad_rows")}
    clean = {r: c for r, c in cols.items() if isinstance(c, str) and c}
    return TableSpec(name, raw.get("file", "") if isinstance(raw.get("file"), str) else "", path, clean, options, policy)


def _servqual(raw: dict, problems: list[Problem]) -> None:
    dims = raw.get("dimensions")
    if not isinstance(dims, dict) or not dims:
        problems.append(Problem("servqual", "", "", "has no item -> dimension map.",
                                "add [servqual.dimensions] with one line per dimension, e.g. reliability = [1, 2, 3]."))
    else:
        seen: dict = {}
        for dim, items in dims.items():
            if not isinstance(items, list) or not items or not all(
                    isinstance(i, (int, str)) and not isinstance(i, bool) for i in items):
                problems.append(Problem("servqual", "", "", f"dimension {dim!r} = {items!r} is not a list of items.",
                                        f"write e.g. {dim} = [1, 2, 3] (item numbers or names)."))
                continue
            for i in items:
                if i in seen:
                    problems.append(Problem("servqual", "", "", f"item {i!r} is in two dimensions ({seen[i]!r}, {dim!r}).",
                                            "put every item in exactly one dimension."))
                seen[i] = dim
    for key in ("expectation", "perception"):
        if key not in raw:
            problems.append(Problem("servqual", "", "", f"has no {key} column rule.",
                                    f'add {key} = "E{{item}}" (a header with {{item}}) or a regular expression '
                                    f"that finds one header per item, e.g. {key} = '^{{item}}-1\\\\.'."))
    for key in ("expectation", "perception", "importance"):
        if key in raw and (not isinstance(raw[key], str) or "{item}" not in raw[key]):
            problems.append(Problem("servqual", "", "", f"{key} = {raw[key]!r} does not contain {{item}}.",
                                    f'write e.g. {key} = "E{{item}}": {{item}} stands for each item of the map.'))
    rule = raw.get("importance_rule", "mean")
    if rule not in IMPORTANCE_RULES:
        problems.append(Problem("servqual", "", "", f"importance_rule = {rule!r} is not allowed.",
                                'write importance_rule = "mean" (a dimension weighs the mean importance of its items) '
                                'or "sum".'))


def _pls(raw: dict, problems: list[Problem]) -> None:
    if "scaled" in raw and not isinstance(raw["scaled"], bool):
        problems.append(Problem("pls", "", "", f"scaled = {raw['scaled']!r} is not true or false.",
                                "write scaled = true (indicators standardised, the default) or scaled = false "
                                "(as R plspm(scaled = FALSE))."))
    blocks = raw.get("blocks")
    if not isinstance(blocks, dict) or not blocks or not all(_str_list(b) for b in blocks.values()):
        problems.append(Problem("pls", "", "", "has no blocks (construct -> indicator columns).",
                                'add [pls.blocks] with e.g. SAT = ["sat1", "sat2"] for every construct.'))
        blocks = {}
    if "inner_matrix" in raw:
        m = raw["inner_matrix"]
        names = list(blocks)
        ok = (isinstance(m, dict) and list(m) == names and "inner" not in raw
              and all(isinstance(r, list) and len(r) == len(names) and all(x in (0, 1) and not isinstance(x, bool)
                                                                             for x in r) for r in m.values()))
        if not ok:
            problems.append(Problem("pls", "", "", "inner_matrix is not a 0/1 matrix with one row per block, "
                                    "in the order of [pls.blocks] (and no inner = ... beside it).",
                                    f"write [pls.inner_matrix] with the rows {', '.join(names) or 'of the blocks'}, "
                                    "each a list of 0/1, a 1 in row TO, column FROM (as R plspm); or use "
                                    'inner = [["FROM", "TO"], ...] instead.'))
        elif not any(any(r) for r in m.values()):
            problems.append(Problem("pls", "", "", "inner_matrix has no path (only zeros).",
                                    "put a 1 in row TO, column FROM for each path FROM -> TO."))
        return
    inner = raw.get("inner")
    ok = isinstance(inner, list) and inner and all(
        isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e) for e in inner)
    if not ok:
        problems.append(Problem("pls", "", "", "inner is not a list of [from, to] paths.",
                                'write e.g. inner = [["IMAG", "SAT"], ["SAT", "LOY"]].'))
        return
    for e in inner:
        for x in e:
            if blocks and x not in blocks:
                problems.append(Problem("pls", "", "", f"path {e!r} names {x!r}, which has no block.",
                                        f"add {x} = [...] under [pls.blocks], or correct the name."))


def load(mapping_path, data_dir) -> MappingFile:
    """Read and check a mapping file: every structural problem collected; a CRMDataError only when unreadable."""
    from crmlab._io import read_text

    mapping_path, data_dir = Path(mapping_path), Path(data_dir)
    if not data_dir.is_dir():
        raise CRMDataError(f"--data {str(data_dir)!r} is not a folder. Fix: pass the folder that holds the firm's files.")
    text = read_text(mapping_path, "mapping file")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CRMDataError(f"mapping file {str(mapping_path)!r} is not valid TOML ({exc}). "
                           'Fix: correct that line (texts in quotes, e.g. opened = "date_received"); '
                           "`crmlab init-mapping DIR` writes a starting file.") from None
    problems: list[Problem] = []
    tables: dict[str, TableSpec] = {}
    for key in raw:
        if key not in TABLES:
            problems.append(Problem(key, "", "", f"[{key}] is not a table the kit knows.",
                                    f"use {', '.join(TABLES)} (leave out the ones the firm does not have)."))
    for name in TABLES:
        if name in raw:
            spec = _table(name, raw[name], data_dir, problems)
            if spec is not None:
                tables[name] = spec
    if not tables and not problems:
        problems.append(Problem("", "", "", "the mapping file names no table.",
                                "add at least one section, e.g. [complaints] with file = ... and [complaints.columns]."))
    return MappingFile(mapping_path, data_dir, tables, problems)


_SAFE_HEADER = re.compile(r"[\x00-\x1f\x7f]")
