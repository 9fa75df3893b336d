"""The one topic registry: a topic is a package ``crmlab/<topic>/`` whose ``__init__`` sets ``TOPIC = Topic(...)``.

Everything that serves every topic (the dataset registry, the label
catalogue, ``crmlab.plots.X``, ``crmlab.widgets.X``, ``crmlab.checks.X``, the
lazy attributes of ``crmlab``) asks this module which topics there are, so
adding a topic is adding its package: no shared list to edit.

A topic package holds (each piece optional except the computation):

========== ============================================================
``core``    the computation and the model constants (light: no plotting)
``data``    the data generators (``register(DatasetSpec(...))``); imports
            the model from ``core``, never the reverse
``labels``  ``LABELS = {key: english}`` (Chinese: the gettext catalogue)
``plots``   plots (``__all__``), loaded on first use
``widgets`` lecture widgets (``__all__``), loaded on first use
``checks``  the exercise checks (``exercise_data``, ``qN_...``)
========== ============================================================

>>> "satisfaction" in discover() and "pls" in discover()
True
>>> piece_name("loyalty", "data")
'crmlab.loyalty.data'

Discovery reads each sub-package's ``__init__.py`` (it looks for a
module-level ``TOPIC = ...``) without importing it, so finding the topics
imports nothing. The old flat paths (``crmlab.plots.satisfaction``,
``crmlab.checks.pls``, ``crmlab.datasets.ecsi``, ``crmlab.bgnbd``) stay
importable: :func:`install_aliases` adds a finder that answers only names
of this kit that no file provides, with the module they now live in.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.abc
import importlib.util
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

PIECES = ("core", "data", "labels", "plots", "widgets", "checks")
# the kit-wide packages that gather one piece of every topic: area -> piece
AREAS = {"datasets": "data", "labels": "labels", "plots": "plots", "widgets": "widgets", "checks": "checks"}


@dataclass(frozen=True)
class Topic:
    """The marker of a topic package: ``TOPIC = Topic("loyalty", "Customer loyalty", ...)``.

    ``aliases`` maps an old dotted module name to the module inside this
    topic that replaced it (``{"crmlab.bgnbd": "bgnbd"}``), for names the
    ``crmlab.<area>.<topic>`` rule does not cover.
    """

    name: str
    title: str = ""
    aliases: tuple[tuple[str, str], ...] = field(default=())


def _marks_topic(init: Path) -> bool:
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "TOPIC" for t in targets):
            return True
    return False


@functools.cache
def _discover(path: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    for info in pkgutil.iter_modules(list(path)):
        if info.ispkg and not info.name.startswith("_"):
            init = Path(getattr(info.module_finder, "path", "")) / info.name / "__init__.py"
            if _marks_topic(init):
                found.append(info.name)
    return tuple(sorted(set(found)))


def discover() -> tuple[str, ...]:
    """The names of the topic packages, sorted (read from ``crmlab.__path__`` each time it changes)."""
    import crmlab

    return _discover(tuple(crmlab.__path__))


def piece_name(topic: str, piece: str) -> str:
    return f"crmlab.{topic}.{piece}" if piece != "" else f"crmlab.{topic}"


def has_piece(topic: str, piece: str) -> bool:
    if piece in ("", "__init__"):
        return True
    import crmlab

    # look for the file without importing the topic (find_spec of a submodule would import its parent)
    for base in crmlab.__path__:
        folder = Path(base) / topic
        if (folder / f"{piece}.py").is_file() or (folder / piece / "__init__.py").is_file():
            return True
    return False


def topic(name: str) -> Topic:
    """The ``TOPIC`` marker of one topic (imports the topic's computation)."""
    return importlib.import_module(piece_name(name, "")).TOPIC


def modules(piece: str):
    """The ``piece`` module (``"data"``, ``"labels"``, ``"plots"``...) of every topic that has one, imported."""
    for name in discover():
        if has_piece(name, piece):
            yield name, importlib.import_module(piece_name(name, piece))


def exports(piece: str = "") -> dict[str, str]:
    """Public name -> topic, over the ``__all__`` of every topic's ``piece`` (``""``: the topic package).

    Two topics exporting the same name raise ``ValueError`` naming both:
    ``crmlab.plots.X`` (and a reader) could not tell which one is meant.
    """
    return _exports(piece, discover())


@functools.cache
def _exports(piece: str, names: tuple[str, ...]) -> dict[str, str]:
    owner: dict[str, str] = {}
    clashes = []
    for name, mod in modules(piece):
        for public in getattr(mod, "__all__", ()):
            if public in owner and owner[public] != name:
                clashes.append(f"{public!r} ({owner[public]} and {name})")
            owner.setdefault(public, name)
    if clashes:
        where = f"crmlab.<topic>.{piece}" if piece else "crmlab.<topic>"
        raise ValueError(f"two topics export the same public name in {where}: {', '.join(clashes)}. "
                         "Fix: rename one of them (or share it from crmlab.stats / crmlab.validate).")
    return owner


def clashes(piece: str = "") -> set[str]:
    """The public names that more than one topic's ``piece`` exports (what :func:`exports` refuses)."""
    seen: dict[str, str] = {}
    out = set()
    for name, mod in modules(piece):
        for public in getattr(mod, "__all__", ()):
            if public in seen and seen[public] != name:
                out.add(public)
            seen.setdefault(public, name)
    return out


def lookup(piece: str, public: str):
    """The object ``public`` exported by some topic's ``piece`` (``crmlab.plots.csi_bars``), or ``AttributeError``."""
    owner = exports(piece).get(public)
    if owner is None:
        raise AttributeError(public)
    return getattr(importlib.import_module(piece_name(owner, piece)), public)


# ------------------------------------------------------------------ old paths
def alias_target(fullname: str) -> str | None:
    """The module that now provides the old dotted name ``fullname``, or None."""
    parts = fullname.split(".")
    if parts[0] != "crmlab" or len(parts) < 2:
        return None
    topics = discover()
    if len(parts) == 3 and parts[1] in AREAS and parts[2] in topics and has_piece(parts[2], AREAS[parts[1]]):
        return piece_name(parts[2], AREAS[parts[1]])
    for name in topics:
        for old, inner in topic(name).aliases:
            if old == fullname:
                return piece_name(name, inner)
    return None


class _AliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers an old ``crmlab.*`` module name with the module that replaced it (the same object)."""

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("crmlab."):
            return None
        new = alias_target(fullname)
        return None if new is None else importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        return importlib.import_module(alias_target(spec.name))

    def exec_module(self, module):
        pass


_FINDER = _AliasFinder()


def install_aliases() -> None:
    """Make the old module paths importable (idempotent; asked only after every real file was looked for)."""
    if not any(isinstance(f, _AliasFinder) for f in sys.meta_path):
        sys.meta_path.append(_FINDER)
