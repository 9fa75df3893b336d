"""Plotting helpers (seaborn on an explicit ``ax``), one submodule per topic.

Every function takes ``ax=None`` (a new figure when omitted) and
``lang="en"|"zh"``, returns the ``ax``, and changes nothing global.
Functions of every topic are reachable here: ``crmlab.plots.csi_bars``.
"""

from __future__ import annotations

import importlib
import importlib.util

from crmlab.plots._base import PALETTES, apply_lang, cjk_font_path, decorate, font_family, get_ax

TOPICS = ("satisfaction", "complaints", "loyalty", "burnett", "servqual", "pls", "cases")


def _topic_modules():
    for topic in TOPICS:
        name = f"crmlab.plots.{topic}"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


def __getattr__(name: str):
    for mod in _topic_modules():
        if name in getattr(mod, "__all__", ()):
            return getattr(mod, name)
    raise AttributeError(f"crmlab.plots has no plot {name!r}")


def __dir__():
    names = ["PALETTES", "apply_lang", "cjk_font_path", "decorate", "font_family", "get_ax"]
    for mod in _topic_modules():
        names += list(getattr(mod, "__all__", ()))
    return sorted(names)
