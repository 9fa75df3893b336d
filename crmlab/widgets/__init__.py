"""Lecture widgets (ipywidgets), one submodule per topic.

Imported only when used (``from crmlab.widgets import weight_explorer``);
``import crmlab`` never imports ipywidgets. In notebooks the widget cell is
tagged ``nbval-ignore-output``: a widget's output is for people, not replay.
"""

from __future__ import annotations

import importlib
import importlib.util

TOPICS = ("satisfaction", "complaints", "loyalty", "burnett", "servqual", "pls", "cases")


def _topic_modules():
    for topic in TOPICS:
        name = f"crmlab.widgets.{topic}"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


def __getattr__(name: str):
    for mod in _topic_modules():
        if name in getattr(mod, "__all__", ()):
            return getattr(mod, name)
    raise AttributeError(f"crmlab.widgets has no widget {name!r}")
