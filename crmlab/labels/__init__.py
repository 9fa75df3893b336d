"""The kit's one text path: every text it shows in a plot, table or report sentence, in English and Chinese.

>>> from crmlab.labels import t
>>> t("csi", "zh")
'顾客满意度指数 (CSI)'

Where the text lives:

- **English** (the source) in one table per topic, ``crmlab/<topic>/labels.py``
  defining ``LABELS = {key: english}`` (topics found by ``crmlab._topics``), plus the
  kit-wide tables here (``crmlab/labels/common.py``, ``cases.py``), merged by :func:`source`.
- **Chinese** in the gettext catalogue ``crmlab/locale/zh/LC_MESSAGES/crmlab.po``
  (message context = the kit's key, msgid = the English text, msgstr = the
  Chinese), compiled to ``crmlab.mo`` next to it and read with the standard
  library's :mod:`gettext`. ``crmlab translate --update`` brings the .po up
  to date with the English source, ``crmlab translate --compile`` writes the
  .mo (both need Babel; reading does not). See CONTRIBUTING.md.

The one fallback rule, in :func:`t` (every other text helper goes through it):

- a key the kit does not define raises ``KeyError`` (a bug in the kit; the
  tests check every key the code uses);
- a Chinese text that is missing, fuzzy or stale (its msgid is no longer the
  current English) falls back to the English source text
  (``tests/test_catalogue.py`` fails on every such entry, so none ships).

Data values (a segment, channel, dimension... from the user's table) go
through :func:`label`, which is :func:`t` on ``prefix + value`` and shows a
value the catalogue does not know as itself (:func:`plain`).
"""

from __future__ import annotations

import functools
import gettext
import importlib
import pkgutil
from collections.abc import Mapping
from pathlib import Path

from crmlab.errors import CRMDataError

LANGS = ("en", "zh")
DOMAIN = "crmlab"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def tables() -> list[tuple[str, str]]:
    """(owner, module name) of every English table: the kit-wide ones here, then each topic's ``labels``."""
    from crmlab import _topics

    own = [(m.name, f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    topics = [(t, _topics.piece_name(t, "labels")) for t in _topics.discover() if _topics.has_piece(t, "labels")]
    return sorted(own) + topics


def source() -> dict[str, str]:
    """The English source text of every key: key -> english (the tables of :func:`tables` merged)."""
    return _source(tuple(tables()))


@functools.cache
def _source(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for owner, name in names:
        for key, en in importlib.import_module(name).LABELS.items():
            if key in merged and merged[key] != en:
                raise ValueError(f"label {key!r} defined twice with different text ({owner})")
            merged[key] = en
    return merged


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: the source itself)."""
    if lang == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError as exc:
        raise CRMDataError(f"lang={lang!r}: the compiled catalogue {LOCALE_DIR / lang / 'LC_MESSAGES' / DOMAIN}.mo "
                           f"is missing ({exc}). Fix: run `crmlab translate --compile` (or reinstall crmlab).") from exc


def check_lang(lang: str) -> str:
    if not isinstance(lang, str) or lang not in LANGS:
        raise CRMDataError(f"lang={lang!r} is not supported. Fix: use 'en' or 'zh'.")
    return lang


def t(key: str, lang: str = "en", **fmt) -> str:
    """The text of ``key`` in ``lang``; ``fmt`` fills ``{placeholders}`` (after translation).

    Unknown key: ``KeyError``. Missing, fuzzy or stale translation: the English source.
    """
    check_lang(lang)
    en = source()[key]
    text = en if lang == "en" else translations(lang).pgettext(key, en)
    return text.format(**fmt) if fmt else text


@functools.cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All labels: key -> (english, chinese) (the Chinese through :func:`t`, so with its fallback)."""
    return {key: (en, t(key, "zh")) for key, en in source().items()}


def both(key: str) -> str:
    """'English (中文)' for glossaries and definitions."""
    return f"{t(key, 'en')} ({t(key, 'zh')})"


def plain(value) -> str:
    """A data value the catalogue does not know, as shown to a reader: itself, underscores as spaces."""
    return str(value).replace("_", " ")


def label(value, lang: str = "en", prefix: str = "") -> str:
    """The label of a data value (a segment, channel, dimension...) stored as ``prefix + value``.

    A value without a label is shown as itself, underscores as spaces (:func:`plain`):

    >>> label("delivery", "zh", "cp_"), label("no_such_value", "zh")
    ('配送', 'no such value')
    """
    check_lang(lang)
    key = f"{prefix}{value}"
    return t(key, lang) if key in source() else plain(value)


class ZhNames(Mapping):
    """A read-only view ``value -> Chinese label`` of a fixed set of values (what the old ``*_ZH`` dicts were).

    The Chinese lives in the catalogue only; each lookup goes through :func:`t`.
    """

    def __init__(self, values, prefix: str = ""):
        self._values, self._prefix = tuple(values), prefix

    def __getitem__(self, value):
        if value not in self._values:
            raise KeyError(value)
        return t(f"{self._prefix}{value}", "zh")

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __repr__(self):
        return repr(dict(self))


def localise(table, lang: str = "en", values: str | None = None):
    """A copy of ``table`` ready to show a reader: labelled columns and index name, and optionally index values.

    Column and index names use the ``col_<name>`` labels (names without one
    stay as they are); with ``values`` (a label prefix such as ``"cp_"``, or
    ``""``), the index values are labelled through :func:`label` too. The
    caller's table is not changed.
    """
    check_lang(lang)
    keys = source()

    def name(n):
        return t(f"col_{n}", lang) if f"col_{n}" in keys else n

    out = table.rename(columns=name)
    out.columns.name = None
    if out.index.name is not None:
        out.index = out.index.rename(name(out.index.name))
    if values is not None:
        out.index = out.index.map(lambda v: label(v, lang, values))
    return out


SENTENCE_SEP = {"en": " ", "zh": ""}  # what goes between two sentences: Chinese ones end in 。 and need no space


def sentences(parts, lang: str = "en") -> str:
    """Sentences (already in ``lang``) joined into one paragraph: a space between English ones, none between Chinese.

    >>> sentences(["One.", "Two."]), sentences(["一。", "二。"], "zh")
    ('One. Two.', '一。二。')
    """
    return SENTENCE_SEP[check_lang(lang)].join(p for p in parts if p)


def show(table, lang: str = "en", cols: str = "col_", values: str | None = None, cells: tuple = ()):
    """A table as a notebook shows it: in English as it is (the code's own column names, which
    students type), in another language with its headers and index name labelled by ``cols + name``
    (names without a label stay as they are) and, with ``values`` (a label prefix), its index values.

    The caller's table is not changed.

    >>> import pandas as pd
    >>> show(pd.DataFrame({"n": [1]}, index=pd.Index(["online"], name="segment")), "zh", values="").to_dict("index")
    {'线上': {'样本量': 1}}
    """
    check_lang(lang)
    if lang == "en":
        return table
    keys = source()

    def name(n):
        return t(f"{cols}{n}", lang) if f"{cols}{n}" in keys else n

    out = table.copy()
    for c in cells:
        out[c] = out[c].map(lambda v: label(v, lang, values or ""))
    if hasattr(out, "columns"):
        out = out.rename(columns=name)
    elif out.name is not None:
        out.name = name(out.name)
    if out.index.name is not None:
        out.index = out.index.rename(name(out.index.name))
    if values is not None:
        out.index = out.index.map(lambda v: label(v, lang, values))
    return out
