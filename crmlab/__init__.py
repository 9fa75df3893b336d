"""crmlab: a course kit for customer relationship management analytics.

``import crmlab`` is cheap and has no side effects: modules and topic
packages are imported on first use (``crmlab.satisfaction``), and plotting
or widget libraries only when a topic's plots or widgets are used. The
attributes are whatever modules and packages ``crmlab/`` holds (no list to
keep), plus the old names of moved modules (``crmlab.bgnbd`` is
``crmlab.loyalty.bgnbd``; see ``crmlab._topics``).
"""

from __future__ import annotations

import importlib
import pkgutil

from crmlab import _topics
from crmlab.errors import CRMDataError, CRMWarning

__version__ = "0.1.0"

# Old module paths (crmlab.bgnbd, crmlab.plots.<topic>, crmlab.checks.<topic>, ...) stay importable:
# a finder, asked only for crmlab.* names no file provides, answers with the module that replaced them.
_topics.install_aliases()


def _public() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


__all__ = ["CRMDataError", "CRMWarning", "__version__", *_public()]


def __getattr__(name: str):
    if not name.startswith("_") and name in _public():
        return importlib.import_module(f"crmlab.{name}")
    if not name.startswith("_"):
        target = _topics.alias_target(f"crmlab.{name}")
        if target is not None:
            return importlib.import_module(target)
    raise AttributeError(
        f"module 'crmlab' has no attribute {name!r}. "
        f"It has: {', '.join(['CRMDataError', 'CRMWarning', '__version__', *_public()])}."
    )


def __dir__():
    return ["CRMDataError", "CRMWarning", "__version__", *_public()]
