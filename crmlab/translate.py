"""Authors' tool for the Chinese catalogue (``crmlab translate``); needs Babel, the kit's readers do not.

The English source is :func:`crmlab.labels.source` (key -> English). The
catalogue ``crmlab/locale/zh/LC_MESSAGES/crmlab.po`` holds one entry per key:
``msgctxt`` = the key, ``msgid`` = the English text, ``msgstr`` = the Chinese.

- :func:`update` writes the current English into the .po: a new key gets an
  empty entry, a key whose English changed keeps its old Chinese marked
  ``fuzzy`` (the translator compares it with the new English), a key no longer in the
  source is dropped. Running it twice changes nothing.
- :func:`compile_mo` writes ``crmlab.mo`` from the .po (fuzzy and empty
  entries are left out, so they fall back to English at run time).
- :func:`problems` lists what ``tests/test_catalogue.py`` refuses: keys with
  no Chinese, fuzzy entries, and stale ones (the .po's msgid for a key is not
  the current English).
"""

from __future__ import annotations

import io
from pathlib import Path

from crmlab.labels import DOMAIN, LOCALE_DIR, source

LANG = "zh"
PO = LOCALE_DIR / LANG / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")


def read(po: Path = PO):
    from babel.messages.pofile import read_po

    with open(po, "rb") as f:
        return read_po(f, locale=LANG, domain=DOMAIN)


def _by_key(catalog) -> dict:
    return {m.context: m for m in catalog if m.id and m.context}


def _po_bytes(catalog) -> bytes:
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, include_previous=False)
    return buf.getvalue()


def updated(po: Path = PO):
    """The catalogue with the current English source merged in (see the module docstring)."""
    from babel.messages.catalog import Catalog

    old = read(po) if Path(po).exists() else None
    prev = _by_key(old) if old is not None else {}
    new = Catalog(locale=LANG, domain=DOMAIN, project="crmlab", version="",
                  copyright_holder="crmlab authors", msgid_bugs_address="",
                  creation_date=old.creation_date if old is not None else None,
                  revision_date=old.revision_date if old is not None else None,
                  language_team="Chinese (zh)", last_translator="", fuzzy=False)
    for key, en in sorted(source().items()):
        m = prev.get(key)
        if m is None:
            new.add(en, "", context=key)
        elif m.id == en:
            new.add(en, m.string, context=key, flags=m.flags)
        else:  # the English changed: keep the old Chinese for the translator, marked fuzzy
            new.add(en, m.string, context=key, flags=set(m.flags) | {"fuzzy"})
    for m in new:  # Babel guesses "python-format" from a '%' in the English; the kit's texts use {names}
        m.flags.discard("python-format")
        if m.id and "{" in m.id:
            m.flags.add("python-brace-format")  # so msgfmt --check and editors check the placeholders
    return new


def update(po: Path = PO) -> dict[str, int]:
    """Write the updated .po; returns counts of new, changed (now fuzzy) and dropped keys."""
    from crmlab._io import atomic_write_text

    before = _by_key(read(po)) if Path(po).exists() else {}
    cat = updated(po)
    after = _by_key(cat)
    counts = {"new": sum(k not in before for k in after),
              "fuzzy": sum(k in before and before[k].id != m.id for k, m in after.items()),
              "dropped": sum(k not in after for k in before)}
    Path(po).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(po, _po_bytes(cat).decode("utf-8"))
    return counts


def mo_bytes(po: Path = PO) -> bytes:
    """The compiled catalogue of ``po`` (what ``compile_mo`` writes)."""
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, read(po), use_fuzzy=False)
    return buf.getvalue()


def compile_mo(po: Path = PO, mo: Path = MO) -> Path:
    data = mo_bytes(po)
    tmp = Path(mo).with_suffix(".mo.tmp")
    tmp.write_bytes(data)
    tmp.replace(mo)
    return Path(mo)


def problems(po: Path = PO) -> dict[str, list[str]]:
    """Keys whose Chinese is missing, fuzzy or stale (msgid is not the current English)."""
    entries = _by_key(read(po))
    out: dict[str, list[str]] = {"missing": [], "fuzzy": [], "stale": []}
    for key, en in sorted(source().items()):
        m = entries.get(key)
        if m is None or not m.string:
            out["missing"].append(key)
        elif m.id != en:
            out["stale"].append(key)
        elif m.fuzzy:
            out["fuzzy"].append(key)
    return out
