"""Atomic file writes: a reader never sees a half-written output file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_text(path: str | Path, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_text(path: str | Path, what: str) -> str:
    """Read a small text file a person made (a roster, a batch list), in any common encoding.

    UTF-8 (with or without the BOM Excel writes), UTF-16 with a BOM (Excel's
    "Unicode text") and GB18030/GBK (Excel's default on Chinese Windows) are
    read; anything else raises :class:`CRMDataError` naming the file and the fix.
    """
    from crmlab.errors import CRMDataError

    path = Path(path)
    if path.is_dir():
        raise CRMDataError(f"{what} {str(path)!r} is a folder, not a file. Fix: give the path of the CSV file.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CRMDataError(f"{what} {str(path)!r}: cannot read it ({exc.strerror}). "
                           "Fix: check the path and that you may read the file.") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for enc in encodings:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise CRMDataError(f"{what} {str(path)!r} is not text in UTF-8, UTF-16 or GBK/GB18030. "
                       "Fix: in Excel, save it as 'CSV UTF-8 (comma delimited)'.")
