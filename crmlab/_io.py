"""File I/O shared by the commands: atomic writes with the usual permissions, safe output paths,
text files in any common encoding, and CSV files that are safe to open in Excel.

- :func:`atomic_path` (the one atomic-write helper) and :func:`atomic_write_text`
  write through a temporary file and ``os.replace``:
  a reader never sees a half-written output. The file gets the permissions a
  plain ``open(path, "w")`` would give it (``0o666`` minus the umask, or the
  mode of the file it replaces), not the ``0o600`` of ``tempfile.mkstemp``.
- :func:`inside` builds an output path from a user-supplied name and refuses
  one that would land outside the chosen output folder.
- :func:`excel_safe` / :func:`write_csv`: a text cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'`` so a
  spreadsheet shows it as text instead of running it as a formula (OWASP "CSV
  injection"). Plain numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux: /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, then put it back at once
    os.umask(mask)
    return mask


def apply_umask_mode(path_or_fd, like: str | Path | None = None) -> int:
    """Give a freshly made temporary file the permissions of a normally created file.

    ``tempfile.mkstemp`` creates files readable by their owner only (0600) and
    ``os.replace`` keeps that mode, so a report or an assignment written
    through a temporary file would be unreadable to the group or a web server
    even where the umask allows it. This sets ``0o666 & ~umask``, or, if
    ``like`` (the file about to be replaced) exists, that file's mode, exactly
    what ``open(path, "w")`` gives. ``path_or_fd`` is a path or an open file
    descriptor. Returns the mode set.
    """
    mode = None
    if like is not None:
        try:
            mode = stat.S_IMODE(os.stat(like).st_mode)
        except OSError:
            mode = None
    if mode is None:
        mode = 0o666 & ~_umask()
    if isinstance(path_or_fd, int):
        os.fchmod(path_or_fd, mode)
    else:
        os.chmod(path_or_fd, mode)
    return mode


# files this process is writing through atomic_path (temporary names): a stopped worker removes them
PARTIAL: set[str] = set()


@contextlib.contextmanager
def atomic_path(path: str | Path, suffix: str = ".part", keep_failed: str | Path | None = None):
    """Write ``path`` through a temporary file: the kit's one atomic-write helper.

    Yields the temporary path, ``.<name>.<random><suffix>`` in the same folder
    (so ``os.replace`` is atomic; :func:`crmlab.runner.remove_partial` finds it
    by the leading ``.<stem>.``), already given the mode of a normally
    created file (:func:`apply_umask_mode`). The caller writes to it (or lets
    a tool write to it). Then:

    - the block ends normally: the temporary file replaces ``path``;
    - an ``Exception``: the temporary file is removed, or, with ``keep_failed``,
      moved there (a failed notebook kept for debugging); the exception goes on;
    - an interruption (``KeyboardInterrupt``, ``SystemExit``, a signal's
      ``Stopped``): the temporary file is removed; it is not a failure.

    While the block runs, the temporary name is in :data:`PARTIAL`, which a
    worker process stopped by a signal removes (:mod:`crmlab.runner`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(d / "a.txt") as tmp:
    ...     _ = tmp.write_text("hello")
    >>> sorted(p.name for p in d.iterdir()), (d / "a.txt").read_text()
    (['a.txt'], 'hello')
    >>> import shutil; shutil.rmtree(d)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    tmp_path = Path(tmp)
    PARTIAL.add(tmp)
    try:
        try:
            apply_umask_mode(fd, like=path)  # the usual 0666 & ~umask, not mkstemp's 0600
        finally:
            os.close(fd)
        yield tmp_path
        os.replace(tmp, path)
    except Exception:
        if keep_failed is not None and tmp_path.exists():
            os.replace(tmp, keep_failed)
        else:
            tmp_path.unlink(missing_ok=True)
        raise
    except BaseException:  # interrupted: no half-written file, nothing that looks like a real failure
        tmp_path.unlink(missing_ok=True)
        raise
    finally:
        PARTIAL.discard(tmp)


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically (:func:`atomic_path`)."""
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
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


# ------------------------------------------------------------ output folders and paths
def out_folder(path: str | Path, what: str = "--out") -> Path:
    """The output folder ``path``, created if needed, resolved; a clear error if it cannot be one."""
    from crmlab.errors import CRMDataError

    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CRMDataError(f"{what} {str(path)!r} is a file, not a folder. "
                           "Fix: give a folder (it is created if it does not exist), e.g. --out assignments.")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CRMDataError(f"{what} {str(path)!r}: cannot create the folder ({exc.strerror}). "
                           "Fix: choose a folder you may write to, whose parents are folders.") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise CRMDataError(f"{what} {str(path)!r}: you may not write to this folder. "
                           "Fix: choose a folder you may write to.")
    return path.resolve()


def inside(out_dir: str | Path, name: str | Path) -> Path:
    """``out_dir / name`` resolved, refused (CRMDataError) unless it lies inside ``out_dir``.

    Every output path the kit builds from a user-supplied value (a student id,
    a topic, a case name) goes through this, so ``..``, an absolute path or a
    symbolic link cannot send a file elsewhere.

    >>> inside("/tmp/out", "a.csv").name
    'a.csv'
    """
    from crmlab.errors import CRMDataError

    base = Path(out_dir).resolve()
    name_s = os.fspath(name)
    target = (base / name_s).resolve()
    if not name_s or Path(name_s).is_absolute() or target == base or not target.is_relative_to(base):
        raise CRMDataError(f"output path: {name_s!r} would be written outside the output folder {str(base)!r} "
                           f"(it resolves to {str(target)!r}). Fix: use a plain file name without '..', "
                           "'/', '\\' or a drive, and no symbolic link that leaves the folder.")
    return target


# ------------------------------------------------------------ CSV for people
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def excel_safe(value):
    """A CSV cell that a spreadsheet shows as text, never runs as a formula (OWASP CSV injection).

    A string starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    gets a leading ``'`` (Excel's "this is text" mark); a string that is a
    plain number (``"-3.5"``, ``"+2"``, ``"-1e-3"``) and every non-string value
    are returned unchanged.

    >>> excel_safe('=HYPERLINK("http://x")'), excel_safe("-3.5"), excel_safe(-3.5), excel_safe("Li")
    ('\\'=HYPERLINK("http://x")', '-3.5', -3.5, 'Li')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(path: str | Path, rows, fieldnames: Iterable[str] | None = None, index: bool = False) -> Path:
    """Write a CSV meant for people (it may be opened in Excel): atomically, UTF-8, every text cell
    through :func:`excel_safe`.

    ``rows`` is a DataFrame (``index=True`` writes its index as the first
    column) or an iterable of dicts (``fieldnames`` default: the first row's
    keys, in order). Not for data files read back by code (``crmlab data``).
    """
    import pandas as pd

    from crmlab.errors import CRMDataError

    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index() if index else rows.copy()
        text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
        for c in text:  # only text cells: numbers, negative ones included, stay numbers
            frame[c] = frame[c].map(excel_safe, na_action="ignore")
        frame.columns = [excel_safe(str(c)) for c in frame.columns]
        buf = io.StringIO()
        frame.to_csv(buf, index=False, lineterminator="\n")
        return atomic_write_text(path, buf.getvalue())
    rows = list(rows)
    if fieldnames is None:
        if not rows:
            raise CRMDataError(f"CSV {str(path)!r}: no rows and no column names. Fix: pass fieldnames=[...].")
        fieldnames = list(rows[0])
    fieldnames = list(fieldnames)
    bad = [i for i, r in enumerate(rows) if not isinstance(r, Mapping) or set(r) - set(fieldnames)]
    if bad:
        raise CRMDataError(f"CSV {str(path)!r}: row {bad[0]} is not a dict of the columns "
                           f"{', '.join(fieldnames)}. Fix: give every row those keys only.")
    records = ([excel_safe(r.get(c, "")) for c in fieldnames] for r in rows)
    header = [excel_safe(c) for c in fieldnames]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return atomic_write_text(path, buf.getvalue())


# ------------------------------------------------------------ values that become file names or notebook data
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # controls, format/bidi marks, line/paragraph separators
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
SAFE_ID_TEXT = "ASCII letters, digits, '.', '_' and '-' (1 to 64 of them, not only dots)"


def control_chars(text: str) -> list[str]:
    """The characters of ``text`` that must never reach a file name or a notebook line (as ``U+XXXX``).

    Control characters (``\\n``, ``\\r``, ``\\t``, NUL, ...: Unicode Cc), format
    characters such as the bidi overrides U+202A-202E and U+2066-2069 (Cf),
    the line and paragraph separators U+2028/U+2029 and lone surrogates.
    """
    import unicodedata

    return sorted({f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in _UNSAFE_CATEGORIES})


def check_text(value, where: str, fix: str = "retype the value without line breaks, tabs or invisible "
               "control characters (in Excel: =CLEAN(...))") -> str:
    """A text value from a CSV or the command line, refused (CRMDataError naming ``where``) if it is
    not a str or holds a control character (see :func:`control_chars`)."""
    from crmlab.errors import CRMDataError

    if not isinstance(value, str):
        raise CRMDataError(f"{where}: must be text, got {type(value).__name__} {value!r}. Fix: pass a str.")
    bad = control_chars(value)
    if bad:
        raise CRMDataError(f"{where}: {value!r} contains control character(s) {', '.join(bad)}. Fix: {fix}.")
    return value


def check_file_id(value, where: str) -> str:
    """An identifier that becomes part of a file name (a student id): refused unless it is made of
    :data:`SAFE_ID_TEXT` (so no '.', '..', separators, spaces or control characters)."""
    from crmlab.errors import CRMDataError

    value = check_text(value, where, fix=f"use only {SAFE_ID_TEXT}")
    if not SAFE_ID.fullmatch(value) or set(value) == {"."}:
        what = "is empty" if not value else "is not allowed in a file name"
        raise CRMDataError(f"{where}: {value!r} {what}. Fix: use only {SAFE_ID_TEXT}.")
    return value
