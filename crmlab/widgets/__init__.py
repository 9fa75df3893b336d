"""Lecture widgets (ipywidgets): every topic's ``widgets`` module, reachable here.

Imported only when used (``from crmlab.widgets import weight_explorer``);
``import crmlab`` never imports ipywidgets. A topic's widgets live in its
package (``crmlab/satisfaction/widgets.py``), found by ``crmlab._topics``.
In notebooks the widget cell is tagged ``nbval-ignore-output``: a widget's
output is for people, not replay.
"""

from __future__ import annotations

from crmlab import _topics



def __getattr__(name: str):
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return _topics.lookup("widgets", name)
    except AttributeError:
        raise AttributeError(f"crmlab.widgets has no widget {name!r}") from None


def __dir__():
    return sorted(_topics.exports("widgets"))
