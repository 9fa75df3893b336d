"""Bad-input battery: the PLS measurement-quality helpers and the IPMA (crmlab.pls)."""

from __future__ import annotations

import functools

from badinput import Bad, check, params

from crmlab import datasets, pls


@functools.cache
def _survey():
    return datasets.load("ecsi_survey")


@functools.cache
def _fit():
    return pls.pls_path_model(_survey())


def _mode_b_fit():
    """QUAL formative on data where one of its weights comes out negative."""
    s = _survey().copy()
    s["qual5"] = 11 - s["qual5"]  # a reversed question
    return pls.pls_path_model(s, modes={"QUAL": "B"}), s


CASES = [
    Bad("pls-reliability-not-a-fit", "crmlab.pls.reliability", lambda: pls.reliability(_survey()), "pls_path_model"),
    Bad("pls-htmt-not-a-fit", "crmlab.pls.htmt", lambda: pls.htmt("fit"), "pls_path_model"),
    Bad("pls-fl-not-a-fit", "crmlab.pls.fornell_larcker", lambda: pls.fornell_larcker(None), "pls_path_model"),
    Bad("pls-ipma-not-a-fit", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), {"SAT": 1}), "pls_path_model"),
    Bad("pls-ipma-not-a-frame", "crmlab.pls.ipma", lambda: pls.ipma([1, 2, 3], _fit()), "survey"),
    Bad("pls-ipma-unknown-target", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), _fit(), "Satisfaction"),
        "'Satisfaction'"),
    Bad("pls-ipma-exogenous-target", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), _fit(), "IMAG"), "no drivers"),
    Bad("pls-ipma-target-not-text", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), _fit(), 3), "target"),
    Bad("pls-ipma-scale-reversed", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), _fit(), scale=(10, 1)), "scale"),
    Bad("pls-ipma-scale-text", "crmlab.pls.ipma", lambda: pls.ipma(_survey(), _fit(), scale="1-10"), "scale"),
    Bad("pls-ipma-missing-column", "crmlab.pls.ipma", lambda: pls.ipma(_survey().drop(columns="qual3"), _fit()),
        "'qual3'"),
    Bad("pls-ipma-answer-outside-scale", "crmlab.pls.ipma",
        lambda: pls.ipma(_survey().assign(val1=_survey()["val1"] * 3), _fit()), "'val1'.*outside"),
    Bad("pls-ipma-negative-formative-weight", "crmlab.pls.ipma", lambda: pls.ipma(_mode_b_fit()[1], _mode_b_fit()[0]),
        r"'QUAL' must be positive"),
]


_N = list(pls.PLSPM_BLOCKS)


def _inner(cells=None):
    import pandas as pd
    m = pd.DataFrame(0.0, index=_N, columns=_N)
    for (row, col), val in (cells or {}).items():
        m.loc[row, col] = val
    return m


def _plspm_fit(paths):
    s = _survey()
    return pls.pls_path_model(s, pls.PLSPM_BLOCKS, paths)


CASES += [
    Bad("pls-inner-matrix-cycle", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner({("EXPE", "IMAG"): 1, ("IMAG", "EXPE"): 1, ("QUAL", "EXPE"): 1,
                                   ("VAL", "QUAL"): 1, ("SAT", "VAL"): 1, ("LOY", "SAT"): 1})), r"cycle"),
    Bad("pls-inner-matrix-diagonal", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner({("SAT", "SAT"): 1})), r"'SAT' drive itself"),
    Bad("pls-inner-matrix-not-01", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner({("SAT", "VAL"): 0.5})), r"only 0 and 1"),
    Bad("pls-inner-matrix-text", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner().astype(object).assign(IMAG=["x"] + [0] * 5)), r"only 0 and 1.*'x'"),
    Bad("pls-inner-matrix-names-differ", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner().rename(columns={"IMAG": "IMAGE"})), r"same construct names"),
    Bad("pls-inner-matrix-unknown-construct", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner().rename(index={"LOY": "LOYAL"}, columns={"LOY": "LOYAL"})
                           .assign(LOYAL=[0, 0, 0, 0, 1, 0])), r"'LOYAL', which has no block"),
    Bad("pls-inner-matrix-empty", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit(_inner()), r"no paths"),
    Bad("pls-inner-edge-string", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit("IMAG -> EXPE"), r"\(from, to\) pairs or a 0/1 matrix"),
    Bad("pls-inner-edge-unknown", "crmlab.pls.pls_path_model",
        lambda: _plspm_fit([("IMAG", "EXPE"), ("EXPE", "QUALITY")]), r"'QUALITY', which has no block"),
    Bad("pls-index-dropped-warns", "crmlab.pls.satisfaction_index",
        lambda: pls.satisfaction_index(_survey().assign(sat1=lambda d: d["sat1"].mask(d.index < 2)), _fit()),
        r"left out 2 of", warns=True),
]


@params(CASES)
def test_bad_input(case):
    check(case)
