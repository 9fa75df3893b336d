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
COVERED_MODULES = ["satisfaction", "complaints", "loyalty", "bgnbd", "burnett", "servqual", "pls",
                   "stats", "cases", "datasets", "assign"]


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
    targets = {c.target for c in _cases()}
    missing = []
    for name in COVERED_MODULES:
        mod = importlib.import_module(f"crmlab.{name}")
        for fname, obj in vars(mod).items():
            dotted = f"crmlab.{name}.{fname}"
            if (fname.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != mod.__name__
                    or dotted in NO_INPUT):
                continue
            if dotted not in targets:
                missing.append(dotted)
    assert not missing, f"public helpers with no bad-input case: {missing}"


def test_every_cli_command_is_in_the_battery():
    from crmlab import cli

    commands = {n[len("_cmd_"):] for n in vars(cli) if n.startswith("_cmd_")}
    targets = {c.target[len("cli:"):] for c in _cases() if c.target.startswith("cli:")}
    assert commands <= targets, f"CLI commands with no bad-input case: {sorted(commands - targets)}"
