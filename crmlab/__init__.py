"""crmlab: a course kit for customer relationship management analytics.

``import crmlab`` is cheap and has no side effects: topic modules are
imported on first use (``crmlab.satisfaction``), and plotting or widget
libraries only when ``crmlab.plots`` / ``crmlab.widgets`` are used.
"""

from __future__ import annotations

import importlib

from crmlab.errors import CRMDataError, CRMWarning

__version__ = "0.1.0"

_LAZY = {
    "validate", "datasets", "satisfaction", "complaints", "loyalty", "bgnbd",
    "burnett", "servqual", "pls", "cases", "plots", "widgets", "checks",
    "labels", "exercises", "report", "assign", "stats", "runner", "errors", "cli",
}

__all__ = ["CRMDataError", "CRMWarning", "__version__", *sorted(_LAZY)]


def __getattr__(name: str):
    if name in _LAZY:
        return importlib.import_module(f"crmlab.{name}")
    raise AttributeError(
        f"module 'crmlab' has no attribute {name!r}. "
        f"It has: {', '.join(['CRMDataError', 'CRMWarning', '__version__', *sorted(_LAZY)])}."
    )
