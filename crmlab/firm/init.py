"""``crmlab init-mapping DIR``: a commented starting mapping from the headers of the files in DIR.

Each CSV/.xlsx file becomes a section whose table is guessed from its headers
(the analyst corrects it); every header is listed in a comment, and each role
gets the header that looks most like it, or is left commented out.
"""

from __future__ import annotations

import re
from pathlib import Path

from crmlab.errors import CRMDataError
from crmlab.firm.mapping import SUFFIXES, TABLES

#: words in a header that suggest a role: (table, role) -> words
HINTS = {
    ("complaints", "opened"): ("received", "opened", "created", "open date", "complaint date"),
    ("complaints", "resolved"): ("resolved", "closed", "sent", "response date", "responded"),
    ("complaints", "category"): ("category", "product", "issue", "type"),
    ("complaints", "channel"): ("channel", "submitted", "via", "source"),
    ("complaints", "timely"): ("timely",),
    ("complaints", "disputed"): ("disputed", "reopened"),
    ("transactions", "customer"): ("customer", "client", "member", "cust"),
    ("transactions", "date"): ("date", "day", "time"),
    ("transactions", "amount"): ("amount", "sales", "revenue", "spend", "value", "price"),
    ("transactions", "margin"): ("margin", "profit"),
    ("contacts", "wait"): ("wait", "queue", "speed"),
    ("contacts", "abandoned"): ("abandon", "hung", "dropped"),
    ("contacts", "channel"): ("channel", "queue name"),
    ("satisfaction", "overall"): ("overall", "satisf", "sat"),
    ("satisfaction", "segment"): ("segment", "group", "gender", "region"),
    ("satisfaction", "id"): ("id", "respondent"),
    ("key_accounts", "account"): ("account", "client"),
    ("key_accounts", "attractiveness"): ("attractiv",),
    ("key_accounts", "relationship"): ("relationship",),
}


def _score(table: str, headers: list[str]) -> int:
    low = [h.lower() for h in headers]
    return sum(any(w in h for h in low) for (t, _), words in HINTS.items() if t == table for w in words)


def _guess(table: str, role: str, headers: list[str]) -> str | None:
    for w in HINTS.get((table, role), ()):
        for h in headers:
            if w in h.lower():
                return h
    return None


def _quote(text: str) -> str:
    """A TOML basic string of ``text`` (escaped: a header can never end the string or start a line)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", out) + '"'


def _comment(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", " ", text)


def starting_mapping(folder) -> str:
    """The text of a commented starting mapping for the files in ``folder``."""
    from crmlab.firm.read import headers as read_headers

    folder = Path(folder)
    if not folder.is_dir():
        raise CRMDataError(f"init-mapping: {str(folder)!r} is not a folder. Fix: pass the folder with the firm's files.")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise CRMDataError(f"init-mapping: {str(folder)!r} holds no .csv or .xlsx file. "
                           "Fix: copy the firm's exports (CSV or Excel) into the folder first.")
    lines = ["# crmlab mapping file: which file is which table, which column plays which role.",
             "# Correct the guesses, delete the sections the firm does not have, then run",
             "#   crmlab check-data --data DIR --mapping THIS_FILE",
             "# until it reports no problem, and crmlab report --data DIR --mapping THIS_FILE.",
             f"# Tables the kit knows: {', '.join(TABLES)}.", ""]
    used: set[str] = set()
    for path in files:
        try:
            hs = read_headers(path)
        except CRMDataError as exc:
            lines += [f"# {_comment(path.name)}: cannot read its headers ({_comment(str(exc))})", ""]
            continue
        ranked = sorted((t for t in TABLES if t not in used), key=lambda t: -_score(t, hs))
        table = ranked[0] if ranked else "satisfaction"
        used.add(table)
        what, required, optional = TABLES[table]
        lines += [f"# {_comment(path.name)}: {len(hs)} columns; guessed: {what}.",
                  f"# its headers: {_comment(', '.join(hs))[:2000]}",
                  f"[{table}]", f"file = {_quote(path.name)}",
                  '# on_bad_rows = "drop"   # default "error": check-data lists the bad rows',
                  '# date_format = "%Y-%m-%d"', f"[{table}.columns]"]
        for role in required + optional:
            h = _guess(table, role, hs)
            mark = "" if h else "# "
            req = "required" if role in required else "optional"
            lines.append(f"{mark}{role} = {_quote(h or '<header>')}   # {req}")
        lines.append("")
    return "\n".join(lines)


def init_mapping(folder, out=None, force: bool = False) -> Path:
    """Write the starting mapping (atomically) to ``out`` (default ``folder/mapping.toml``); never overwrite without force."""
    from crmlab._io import atomic_write_text

    target = Path(out) if out else Path(folder) / "mapping.toml"
    if target.exists() and not force:
        raise CRMDataError(f"init-mapping: {str(target)!r} exists already. "
                           "Fix: edit it, pass --out OTHER.toml, or --force to replace it.")
    text = starting_mapping(folder)
    return atomic_write_text(target, text)
