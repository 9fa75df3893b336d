"""Bad-input battery: the BG/NBD and PLS fits (degenerate data, bad starts, wrong types)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import bgnbd as B
from crmlab import datasets, pls

GOOD_P = {"r": 0.5, "alpha": 5.0, "a": 1.5, "b": 3.0}


def _summary(n=100, seed=1):
    return B.simulate_bgnbd(n, r=1.0, alpha=5.0, a=1.0, b=3.0, T=40, seed=seed)


def _no_dropout():
    rng = np.random.default_rng(1)
    T = np.full(300, 52.0)
    k = rng.poisson(rng.gamma(2, 1 / 10, 300) * T)
    rec = np.where(k > 0, T * rng.beta(np.maximum(k, 1), 1), 0)
    return pd.DataFrame({"frequency": k, "recency": rec, "T": T})


def _collinear():
    rng = np.random.default_rng(0)
    n = 200
    z = rng.normal(size=n)
    d = pd.DataFrame({**{f"a{i}": z + 0.05 * rng.normal(size=n) for i in range(3)},
                      **{f"b{i}": z + 0.05 * rng.normal(size=n) for i in range(3)},
                      **{f"c{i}": z + 0.6 * rng.normal(size=n) for i in range(3)}})
    d["c0"] += 1.5 * d["a0"] - 1.5 * d["b0"]
    return d


ABC = {"A": ["a0", "a1", "a2"], "B": ["b0", "b1", "b2"], "C": ["c0", "c1", "c2"]}


def _survey():
    return datasets.load("ecsi_survey")


FIT = "crmlab.bgnbd.fit_bgnbd"
PLS = "crmlab.pls.pls_path_model"

CASES: list[Bad] = [
    # ---- fit_bgnbd: degenerate data
    Bad("num-bgnbd-one-customer", FIT,
        lambda: B.fit_bgnbd(pd.DataFrame({"frequency": [3], "recency": [5.0], "T": [9.0]})), r"1 customer"),
    Bad("num-bgnbd-no-repeaters", FIT,
        lambda: B.fit_bgnbd(pd.DataFrame({"frequency": [0] * 30, "recency": [0.0] * 30,
                                          "T": np.linspace(5, 40, 30)})), r"'frequency' is 0 for all 30"),
    Bad("num-bgnbd-one-repeater-saddle", FIT,
        lambda: B.fit_bgnbd(pd.DataFrame({"frequency": [1] + [0] * 49, "recency": [3.0] + [0.0] * 49,
                                          "T": np.linspace(10, 50, 50)})), r"1 of 50 customers"),
    Bad("num-bgnbd-no-dropout-warns", FIT, lambda: B.fit_bgnbd(_no_dropout()), r"no finite maximum in a", warns=True),
    Bad("num-bgnbd-nan-frequency", FIT,
        lambda: B.fit_bgnbd(_summary().assign(frequency=lambda d: d["frequency"].where(d.index != 3))),
        r"frequency"),
    Bad("num-bgnbd-negative-T", FIT, lambda: B.fit_bgnbd(_summary().assign(T=-1.0)), r"'T'"),
    Bad("num-bgnbd-recency-beyond-T", FIT,
        lambda: B.fit_bgnbd(_summary().assign(recency=lambda d: d["T"] + 1 + d["frequency"] * 0)), r"'recency'"),
    Bad("num-bgnbd-not-a-frame", FIT, lambda: B.fit_bgnbd([[1, 2.0, 3.0]]), r"summary"),
    Bad("num-bgnbd-missing-column", FIT, lambda: B.fit_bgnbd(_summary().drop(columns="recency")), r"recency"),
    Bad("num-bgnbd-text-frequency", FIT,
        lambda: B.fit_bgnbd(_summary().assign(frequency=lambda d: d["frequency"].astype(str))), r"frequency"),
    # ---- fit_bgnbd: bad starts
    Bad("num-bgnbd-init-nan", FIT, lambda: B.fit_bgnbd(_summary(), init=(np.nan, 1, 1, 1)), r"init="),
    Bad("num-bgnbd-init-negative", FIT, lambda: B.fit_bgnbd(_summary(), init=(1, -5, 1, 1)), r"init=.*positive"),
    Bad("num-bgnbd-init-three-values", FIT, lambda: B.fit_bgnbd(_summary(), init=(1, 1, 1)), r"init=.*four"),
    Bad("num-bgnbd-init-outside-range", FIT, lambda: B.fit_bgnbd(_summary(), init=(1e-7, 1, 1, 1e7)),
        r"init=.*search range"),
    Bad("num-bgnbd-init-text", FIT, lambda: B.fit_bgnbd(_summary(), init="1,1,1,1"), r"init="),
    # ---- expectation functions
    Bad("num-bgnbd-expected-negative-t", "crmlab.bgnbd.expected_purchases",
        lambda: B.expected_purchases(GOOD_P, -4, [1, 2], [3.0, 4.0], [10.0, 10.0]), r"t must be .*-4"),
    Bad("num-bgnbd-expected-new-nan-t", "crmlab.bgnbd.expected_purchases_new",
        lambda: B.expected_purchases_new(GOOD_P, [1.0, np.nan]), r"t must be"),
    Bad("num-bgnbd-expected-new-text-t", "crmlab.bgnbd.expected_purchases_new",
        lambda: B.expected_purchases_new(GOOD_P, "52"), r"t='52'"),
    Bad("num-bgnbd-palive-negative-frequency", "crmlab.bgnbd.p_alive",
        lambda: B.p_alive(GOOD_P, [1, -2], [3.0, 4.0], [10.0, 10.0]), r"frequency must be .*-2"),
    Bad("num-bgnbd-palive-length-mismatch", "crmlab.bgnbd.p_alive",
        lambda: B.p_alive(GOOD_P, [1, 2, 3], [3.0, 4.0], [10.0, 10.0]), r"different lengths"),
    Bad("num-bgnbd-params-negative", "crmlab.bgnbd.expected_purchases_new",
        lambda: B.expected_purchases_new({**GOOD_P, "b": -3.0}, 10), r"params="),
    Bad("num-bgnbd-params-missing-key", "crmlab.bgnbd.p_alive",
        lambda: B.p_alive({"r": 1.0, "alpha": 2.0, "a": 1.0}, [1], [2.0], [3.0]), r"params="),
    # ---- pls_path_model
    Bad("num-pls-collinear-constructs", PLS,
        lambda: pls.pls_path_model(_collinear(), blocks=ABC, paths=[("A", "C"), ("B", "C")]),
        r"predictors of 'C' are collinear", warns=True),
    Bad("num-pls-singular-mode-b", PLS,
        lambda: pls.pls_path_model(_collinear().assign(a2=lambda d: d["a0"] + d["a1"]),
                                   blocks={"A": ["a0", "a1", "a2"], "C": ["c0", "c1", "c2"]},
                                   paths=[("A", "C")], modes={"A": "B"}),
        r"mode-B block 'A' \('a0', 'a1', 'a2'\)"),
    Bad("num-pls-mode-b-duplicate-column", PLS,
        lambda: pls.pls_path_model(_collinear().assign(a1=lambda d: d["a0"]),
                                   blocks={"A": ["a0", "a1", "a2"], "C": ["c0", "c1", "c2"]},
                                   paths=[("A", "C")], modes={"A": "B"}),
        r"mode-B block 'A'"),
    Bad("num-pls-blocks-as-list", PLS, lambda: pls.pls_path_model(_survey(), blocks=[["sat1", "sat2"]]), r"blocks"),
    Bad("num-pls-path-unknown-construct", PLS,
        lambda: pls.pls_path_model(_collinear(), blocks=ABC, paths=[("A", "C"), ("B", "D")]), r"'D'"),
    Bad("num-pls-cycle", PLS,
        lambda: pls.pls_path_model(_collinear(), blocks=ABC, paths=[("A", "B"), ("B", "C"), ("C", "A")]), r"cycle"),
    Bad("num-pls-n-boot-fraction", PLS, lambda: pls.pls_path_model(_survey(), n_boot=2.5), r"n_boot=2.5"),
    Bad("num-pls-max-iter-text", PLS, lambda: pls.pls_path_model(_survey(), max_iter="300"), r"max_iter="),
    Bad("num-pls-tol-negative", PLS, lambda: pls.pls_path_model(_survey(), tol=-1e-6), r"tol="),
    Bad("num-pls-constant-indicator", PLS,
        lambda: pls.pls_path_model(_collinear().assign(b1=3.0), blocks=ABC, paths=[("A", "C"), ("B", "C")]),
        r"'b1' \(block 'B'\) does not vary"),
    Bad("num-pls-two-rows", PLS,
        lambda: pls.pls_path_model(_collinear().head(2), blocks=ABC, paths=[("A", "C"), ("B", "C")]), r"survey"),
    Bad("num-pls-nan-answer", PLS,
        lambda: pls.pls_path_model(_collinear().assign(c2=lambda d: d["c2"].where(d.index != 5)), blocks=ABC,
                                   paths=[("A", "C"), ("B", "C")]), r"c2"),
    Bad("num-pls-confidence-out-of-range", PLS, lambda: pls.pls_path_model(_survey(), confidence=1.5),
        r"confidence=1.5"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
