"""The bad-input battery as a whole: at least 200 distinct cases, every public helper covered.

The cases live in ``tests/test_badinput_*.py`` (form: ``tests/badinput.py``);
each module runs its own cases. This file only counts and cross-checks them.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

HERE = Path(__file__).parent

# Public functions that take no user input (nothing to get wrong) or that only
# format what other helpers computed: the battery need not cover them.
NO_INPUT = {
    "crmlab.burnett.default_attractiveness_weights", "crmlab.burnett.default_relationship_weights",
    "crmlab.burnett.default_grid", "crmlab.burnett.attractiveness_catalogue",
    "crmlab.burnett.relationship_catalogue", "crmlab.burnett.lifecycle_strategies",
    "crmlab.burnett.core_customer_tactics", "crmlab.servqual.gap_model", "crmlab.datasets.names",
    "crmlab.datasets.data_dictionary", "crmlab.datasets.expected_files", "crmlab.datasets.write_all",
    "crmlab.assign.topics", "crmlab.report.external_references", "crmlab.report.offline_html",
    "crmlab.report.summary_table",
}
# Kit-wide modules whose public functions the battery covers; every topic's computation
# (crmlab.<topic>.core and its other computation modules, e.g. crmlab.loyalty.bgnbd) is added
# from the topic registry, so a new topic is covered with no edit here.
KIT_MODULES = ["stats", "cases", "datasets", "assign"]
NOT_COMPUTATION = {"data", "labels", "plots", "widgets", "checks"}


def _covered_modules() -> list:
    import pkgutil

    from crmlab import _topics

    mods = [importlib.import_module(f"crmlab.{name}") for name in KIT_MODULES]
    for topic in _topics.discover():
        pkg = importlib.import_module(f"crmlab.{topic}")
        mods += [importlib.import_module(f"crmlab.{topic}.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)
                 if m.name not in NOT_COMPUTATION and not m.name.startswith("_")]
    return mods


def _resolve(dotted: str):
    """The object a dotted target names (``crmlab.bgnbd.fit_bgnbd``, ``crmlab.satisfaction.csi``), or None."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return None
        return obj
    return None


def _cases():
    out = []
    for path in sorted(HERE.glob("test_badinput_*.py")):
        if path.stem == "test_badinput_battery":
            continue
        mod = importlib.import_module(path.stem)
        out.extend(mod.CASES)
    return out


def test_at_least_200_distinct_cases():
    cases = _cases()
    ids = [c.id for c in cases]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"case ids used twice: {dupes}"
    assert len(cases) >= 200, f"only {len(cases)} bad-input cases"


def test_every_public_helper_is_in_the_battery():
    """A function counts as covered when some case's target names it, under any of its paths
    (``crmlab.bgnbd.fit_bgnbd`` and ``crmlab.loyalty.fit_bgnbd`` are the same function)."""
    targets = {id(obj) for c in _cases() if not c.target.startswith("cli:") and (obj := _resolve(c.target)) is not None}
    exempt = {id(obj) for name in NO_INPUT if (obj := _resolve(name)) is not None}
    assert len(exempt) == len(NO_INPUT), "a NO_INPUT name no longer resolves"
    mods = _covered_modules()
    assert {"crmlab.satisfaction.core", "crmlab.loyalty.bgnbd", "crmlab.pls.core"} <= {m.__name__ for m in mods}
    missing, seen = [], 0
    for mod in mods:
        for fname, obj in vars(mod).items():
            if fname.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != mod.__name__:
                continue
            seen += 1
            if id(obj) not in targets and id(obj) not in exempt:
                missing.append(f"{mod.__name__}.{fname}")
    assert seen > 60, seen
    assert not missing, f"public helpers with no bad-input case: {missing}"


def test_every_cli_command_is_in_the_battery():
    from crmlab import cli

    commands = {n[len("_cmd_"):] for n in vars(cli) if n.startswith("_cmd_")}
    targets = {c.target[len("cli:"):] for c in _cases() if c.target.startswith("cli:")}
    assert commands <= targets, f"CLI commands with no bad-input case: {sorted(commands - targets)}"
