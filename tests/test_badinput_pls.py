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


@params(CASES)
def test_bad_input(case):
    check(case)
