"""No raw exception escapes the loyalty helpers, datasets, cases, exercises and loyalty checks.

Every public function gets a small set of garbage first arguments; the
other required arguments are filled from the shipped data (by name). The
call may succeed (e.g. a check says "wrong type") or raise CRMDataError;
anything else (TypeError, KeyError, pandas or numpy errors) fails.
"""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

from crmlab import cases, datasets, exercises
from crmlab import loyalty as L
from crmlab.checks import loyalty as CL
from crmlab.errors import CRMDataError

TX = datasets.load("loyalty_transactions").head(400)
SURVEY = datasets.load("loyalty_survey").head(200)

GARBAGE = {
    "none": None,
    "int": 3,
    "text": "text",
    "list": [],
    "empty_frame": pd.DataFrame(),
    "wrong_columns": pd.DataFrame({"foo": [1, 2, 3], "bar": ["a", "b", "c"]}),
    "all_nan": pd.DataFrame({c: [np.nan, np.nan, np.nan] for c in
                             ["customer_id", "date", "amount", "margin", "channel", "recommend", "satisfaction",
                              "loyal", "purchases", "repurchase_intent", "frequency", "recency", "T"]}),
}

# plausible values for the other required arguments, by parameter name
PLAUSIBLE = {
    "df": TX, "data": TX, "tx": TX, "survey": SURVEY, "by": "channel", "margin": 100.0, "retention": 0.8,
    "discount": 0.1, "name": "loyalty_transactions", "case": "hotpot", "source": "x = 1",
    "nb": None, "solution_path": "missing.ipynb", "root": ".",
}

# the BG/NBD model is re-exported by crmlab.loyalty but lives in crmlab.bgnbd (another battery covers it)
BGNBD = {"BGNBD", "fit_bgnbd", "bgnbd_loglik", "expected_purchases", "expected_purchases_new", "p_alive",
         "simulate_bgnbd"}


def _public(module, names=None):
    names = names if names is not None else getattr(module, "__all__", dir(module))
    out = []
    for n in names:
        obj = getattr(module, n)
        if n.startswith("_") or n in BGNBD or not inspect.isfunction(obj):
            continue
        home = getattr(obj, "__module__", "")
        if home != module.__name__ and not home.startswith(module.__name__ + "."):  # topic package: its core
            continue
        out.append((f"{module.__name__}.{n}", obj))
    return out


FUNCTIONS = (
    _public(L)
    + _public(datasets, ["names", "load", "generate", "ground_truth", "describe"])
    + _public(cases, ["get", "name", "generate"])
    + _public(exercises, ["student_cell_source", "student_notebook", "student_text", "solution_paths",
                          "generate_all"])
    + [(f"crmlab.checks.loyalty.{n}", getattr(CL, n)) for n in dir(CL) if n[:1] == "q" and n[1].isdigit()]
    + [("crmlab.checks.loyalty.exercise_data", CL.exercise_data)]
)


def _fill(fn, first):
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    args = [first]
    for p in params[1:]:
        if p.default is not inspect.Parameter.empty:
            break
        args.append(PLAUSIBLE.get(p.name, TX))
    return args


def test_every_module_has_functions_under_test():
    names = {n for n, _ in FUNCTIONS}
    assert "crmlab.loyalty.repeat_rate" in names and "crmlab.loyalty.clv" in names
    assert "crmlab.datasets.generate" in names and "crmlab.cases.generate" in names
    assert "crmlab.exercises.generate_all" in names and "crmlab.checks.loyalty.q1_repeat_rate" in names
    assert len(names) >= 30


@pytest.mark.parametrize("garbage", list(GARBAGE), ids=list(GARBAGE))
@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_only_crm_data_error_escapes(name, fn, garbage, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exercises.generate_all must not write into the kit
    value = GARBAGE[garbage]
    if isinstance(value, pd.DataFrame):
        value = value.copy()
    args = _fill(fn, value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fn(*args)
        except CRMDataError as exc:
            assert "Fix" in str(exc) or "fix" in str(exc), f"{name}({garbage}): no fix in {exc}"
        except Exception as exc:  # noqa: BLE001 - this is the point of the test
            pytest.fail(f"{name}({garbage}) raised {type(exc).__name__}: {exc}")
