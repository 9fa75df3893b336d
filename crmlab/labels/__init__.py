"""The label catalogue: every text the kit shows in a plot or table, in English and Chinese.

>>> from crmlab.labels import t
>>> t("csi", "zh")
'顾客满意度指数 (CSI)'

Labels live in one dictionary per topic (``crmlab/labels/<topic>.py``,
each defining ``LABELS = {key: (english, chinese)}``), merged here. A key
missing from the catalogue raises ``KeyError`` (a test checks that every
key a plot uses exists in both languages).
"""

from __future__ import annotations

import importlib
import importlib.util

from crmlab.errors import CRMDataError

LANGS = ("en", "zh")
TOPICS = ("common", "satisfaction", "complaints", "loyalty", "burnett", "servqual", "pls", "cases")

_CATALOGUE: dict[str, tuple[str, str]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """All labels: key -> (english, chinese)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        merged: dict[str, tuple[str, str]] = {}
        for topic in TOPICS:
            name = f"crmlab.labels.{topic}"
            if importlib.util.find_spec(name) is None:
                continue
            for key, pair in importlib.import_module(name).LABELS.items():
                if key in merged and merged[key] != pair:
                    raise ValueError(f"label {key!r} defined twice with different text ({topic})")
                merged[key] = pair
        _CATALOGUE = merged
    return _CATALOGUE


def check_lang(lang: str) -> str:
    if not isinstance(lang, str) or lang not in LANGS:
        raise CRMDataError(f"lang={lang!r} is not supported. Fix: use 'en' or 'zh'.")
    return lang


def t(key: str, lang: str = "en", **fmt) -> str:
    """The text of ``key`` in ``lang``; ``fmt`` fills ``{placeholders}``."""
    check_lang(lang)
    text = catalogue()[key][LANGS.index(lang)]
    return text.format(**fmt) if fmt else text


def both(key: str) -> str:
    """'English (中文)' for glossaries and definitions."""
    en, zh = catalogue()[key]
    return f"{en} ({zh})"


def label(value, lang: str = "en", prefix: str = "") -> str:
    """The label of a data value (a segment, channel, dimension...) stored as ``prefix + value``.

    A value without a label is shown as itself, underscores as spaces:

    >>> label("delivery", "zh", "cp_"), label("no_such_value", "zh")
    ('配送', 'no such value')
    """
    try:
        return t(f"{prefix}{value}", lang)
    except KeyError:
        return str(value).replace("_", " ")


def localise(table, lang: str = "en", values: str | None = None):
    """A copy of ``table`` ready to show a reader: labelled columns and index name, and optionally index values.

    Column and index names use the ``col_<name>`` labels (names without one
    stay as they are); with ``values`` (a label prefix such as ``"cp_"``, or
    ``""``), the index values are labelled through :func:`label` too. The
    caller's table is not changed.
    """
    check_lang(lang)
    cat = catalogue()

    def name(n):
        pair = cat.get(f"col_{n}")
        return pair[LANGS.index(lang)] if pair else n

    out = table.rename(columns=name)
    out.columns.name = None
    if out.index.name is not None:
        out.index = out.index.rename(name(out.index.name))
    if values is not None:
        out.index = out.index.map(lambda v: label(v, lang, values))
    return out
