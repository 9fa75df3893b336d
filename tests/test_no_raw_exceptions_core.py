"""No raw pandas/numpy/Python exception escapes a public helper of validate, stats,
satisfaction, complaints, servqual and burnett (and their plots and checks) on garbage input.

For every public function defined in those modules, the first argument is
replaced by each of a few garbage values; the other required arguments get
plausible values from the shipped data. Only ``CRMDataError`` may escape
(a usable result, a ``CRMWarning`` or no error at all are fine too).
"""

from __future__ import annotations

import importlib
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

from crmlab import datasets
from crmlab.errors import CRMDataError

MODULES = ["crmlab.validate", "crmlab.stats", "crmlab.satisfaction", "crmlab.complaints", "crmlab.servqual",
           "crmlab.burnett", "crmlab.checks.satisfaction", "crmlab.checks.complaints",
           "crmlab.checks.servqual", "crmlab.checks.burnett"]


def _home(obj, mod) -> bool:
    """Defined in ``mod`` or, for a topic package, in one of its modules (crmlab.satisfaction.core)."""
    return obj.__module__ == mod.__name__ or obj.__module__.startswith(mod.__name__ + ".")


def _functions():
    out = []
    for name in MODULES:
        mod = importlib.import_module(name)
        for attr in dir(mod):
            obj = getattr(mod, attr)
            if attr.startswith("_") or not inspect.isfunction(obj) or not _home(obj, mod):
                continue
            out.append((name, attr, obj))
    return out


GARBAGE = {
    "None": lambda: None,
    "int": lambda: 3,
    "text": lambda: "text",
    "list": lambda: [],
    "empty-frame": lambda: pd.DataFrame(),
    "wrong-columns": lambda: pd.DataFrame({"foo": [1, 2, 3], "bar": ["a", "b", "c"]}),
    "all-nan": lambda: pd.DataFrame({"foo": [np.nan] * 3, "overall": [np.nan] * 3, "opened": [np.nan] * 3,
                                     "E1": [np.nan] * 3, "P1": [np.nan] * 3}),
}


def _plausible():
    """Values for the other required arguments, by parameter name."""
    import crmlab.burnett as bm
    import crmlab.satisfaction as sat
    import crmlab.servqual as sq

    survey = datasets.load("satisfaction_survey").head(60)
    sq_survey = datasets.load("servqual_survey").head(60)
    accounts = datasets.load("burnett_accounts").head(20)
    return {
        "df": survey, "data": survey, "survey": sq_survey, "management": datasets.load("servqual_management"),
        "log": datasets.load("complaint_log").head(100), "calls": datasets.load("contact_queue").head(100),
        "customers": datasets.load("complaint_customers").head(300), "accounts": accounts,
        "expert_scores": datasets.load("burnett_expert_scores"), "scores": bm.default_attractiveness_weights(),
        "weights": {"a": 1.0}, "column": "overall", "columns": ["overall"], "name": "x", "value": 1,
        "successes": 3, "n": 10, "k1": 3, "n1": 10, "k2": 2, "n2": 10, "values": pd.Series([1.0, 2.0]),
        "hours": [1.0, 2.0], "resolved": [True, False], "performance": {"a": 3.0}, "importance": {"a": 0.5},
        "counts": pd.DataFrame({f"n_{i}": [1] for i in range(1, 6)}), "score": 3.0, "answers": {},
        "n_complaints": 100, "table": pd.DataFrame(), "before": pd.DataFrame({"cell": ["a"]}),
        "after": pd.DataFrame({"cell": ["a"]}), "group_totals": {g: 1 for g in bm.GROUPS}, "key": "develop",
        "result": sat.csi(survey), "true": pd.Series([1.0]), "estimated": pd.Series([1.0]), "delta": 0.05,
        "priorities": pd.DataFrame(), "curve": pd.DataFrame(), "kpis": pd.DataFrame(), "metrics": pd.DataFrame(),
        "panel": None, "true_effect": 0.1, "answer": 1, "case": survey, "account": "K001", "choices": [1],
        "low": 1, "high": 5, "by": "segment", "items": sq.SERVQUAL, "dimensions": {"a": [1]},
    }


def _cases():
    cases = []
    for mod, attr, fn in _functions():
        for gname in GARBAGE:
            cases.append(pytest.param(mod, attr, gname, id=f"{mod.split('.', 1)[1]}.{attr}-{gname}"))
    return cases


@pytest.fixture(scope="module")
def plausible():
    return _plausible()


@pytest.mark.parametrize("mod, attr, garbage", _cases())
def test_only_crm_errors_escape(mod, attr, garbage, plausible):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fn = getattr(importlib.import_module(mod), attr)
    params = [p for p in inspect.signature(fn).parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not params:
        pytest.skip("no positional argument")
    args = [GARBAGE[garbage]()]
    for p in params[1:]:
        if p.default is not inspect.Parameter.empty:
            break
        args.append(plausible.get(p.name, plausible["df"]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn(*args)
    except CRMDataError as exc:
        assert "Fix" in str(exc) or "fix" in str(exc), f"{attr}: no fix in {exc}"
    finally:
        plt.close("all")
