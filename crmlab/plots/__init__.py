"""Plotting helpers (seaborn on an explicit ``ax``): every topic's ``plots`` module, reachable here.

Every function takes ``ax=None`` (a new figure when omitted) and
``lang="en"|"zh"``, returns the ``ax``, and changes nothing global.
A topic's plots live in its package (``crmlab/satisfaction/plots.py``); the
flat name works for every topic: ``crmlab.plots.csi_bars`` (the topics are
found by ``crmlab._topics``, and two topics may not export the same plot name).
"""

from __future__ import annotations

from crmlab import _topics
from crmlab.plots._base import PALETTES, apply_lang, cjk_font_path, decorate, font_family, get_ax



def __getattr__(name: str):
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return _topics.lookup("plots", name)
    except AttributeError:
        raise AttributeError(f"crmlab.plots has no plot {name!r}") from None


def __dir__():
    names = ["PALETTES", "apply_lang", "cjk_font_path", "decorate", "font_family", "get_ax"]
    return sorted(names + list(_topics.exports("plots")))
