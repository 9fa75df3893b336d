"""Reading a firm's file: CSV in any common encoding (``crmlab._io.read_text``) or Excel ``.xlsx``."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from crmlab.errors import CRMDataError

XLSX_REQUIREMENT = "openpyxl>=3.1"


def read_file(path: Path, sheet=None, what: str = "data file", encoding: str | None = None) -> pd.DataFrame:
    """The file as a DataFrame with its own headers (all text columns as ``str``).

    CSV: UTF-8 with or without BOM, UTF-16 (with BOM), GBK/GB18030 (``crmlab._io.read_text``), then
    the Korean/Japanese Windows code pages cp949 and cp932 when those fail; the delimiter (comma,
    semicolon, tab) is detected. ``encoding`` (from the mapping) overrides the detection: GB18030
    decodes almost any bytes, so a Korean cp949 file must say ``encoding = "cp949"``. ``.xlsx``: the first sheet, or ``sheet`` (needs openpyxl).
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise CRMDataError(f"{what} {path.name!r} is an Excel file and reading .xlsx needs openpyxl, "
                               f"which is not installed. Fix: pip install '{XLSX_REQUIREMENT}', or save the sheet "
                               "as 'CSV UTF-8' and name that file in the mapping.") from None
        try:
            return pd.read_excel(path, sheet_name=0 if sheet is None else sheet)
        except (ValueError, KeyError) as exc:
            raise CRMDataError(f"{what} {path.name!r}: sheet {sheet!r} cannot be read ({exc}). "
                               "Fix: give the sheet's name as it shows in Excel (sheet = \"Sheet1\").") from None
    text = _decode(path, what, encoding)
    first = text.split("\n", 1)[0]
    sep = max((",", ";", "\t"), key=first.count)
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, low_memory=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CRMDataError(f"{what} {path.name!r} cannot be read as a table ({str(exc).splitlines()[0]}). "
                           "Fix: open it in Excel and save it again as 'CSV UTF-8 (comma delimited)'.") from None


def _decode(path: Path, what: str, encoding: str | None = None) -> str:
    from crmlab._io import read_text

    if encoding:
        try:
            return path.read_bytes().decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise CRMDataError(f"{what} {path.name!r} is not text in {encoding!r} (byte {exc.start}). "
                               "Fix: correct encoding = ... in the mapping, or leave it out.") from None

    try:
        return read_text(path, what)
    except CRMDataError:
        raw = path.read_bytes()
        for enc in ("cp949", "cp932"):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                continue
        raise


def headers(path: Path, sheet=None, encoding: str | None = None) -> list[str]:
    """The column headers of a file (for ``crmlab init-mapping``)."""
    if Path(path).suffix.lower() == ".xlsx":
        return [str(c) for c in read_file(path, sheet).columns]
    text = _decode(Path(path), "data file", encoding)
    return [str(c) for c in pd.read_csv(io.StringIO(text), nrows=0, sep=max((",", ";", "\t"),
                                                                          key=text.split("\n", 1)[0].count)).columns]
