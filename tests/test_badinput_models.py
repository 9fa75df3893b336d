"""Bad inputs for the model internals a curious student calls directly (BG/NBD likelihood and
simulation, PLS bootstrap summaries and index weights, the printing rule, assignment helpers)."""

from __future__ import annotations

import nbformat
import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import assign as A
from crmlab import bgnbd as B
from crmlab import burnett as BU
from crmlab import pls as P

PR = (0.5, 3.0, 0.7, 2.0)
X, TX, T = np.array([1, 0, 2.0]), np.array([3, 0, 5.0]), np.array([10, 10, 10.0])
RNG = np.random.default_rng


def _fit():
    from crmlab import datasets

    return P.pls_path_model(datasets.load("ecsi_survey"))


CASES = [
    Bad("mod-loglik-negative-r", "crmlab.bgnbd.bgnbd_loglik", lambda: B.bgnbd_loglik((-1, 3, 0.7, 2), X, TX, T), "params"),
    Bad("mod-loglik-three-params", "crmlab.bgnbd.bgnbd_loglik", lambda: B.bgnbd_loglik((1, 2, 3), X, TX, T), "four positive"),
    Bad("mod-loglik-lengths", "crmlab.bgnbd.bgnbd_loglik", lambda: B.bgnbd_loglik(PR, X, TX[:2], T), "different lengths"),
    Bad("mod-loglik-recency-after-age", "crmlab.bgnbd.bgnbd_loglik",
        lambda: B.bgnbd_loglik(PR, X, np.array([3, 0, 15.0]), T), r"t_x.*row 2: 15"),
    Bad("mod-loglik-nan-frequency", "crmlab.bgnbd.bgnbd_loglik",
        lambda: B.bgnbd_loglik(PR, np.array([1, np.nan, 2]), TX, T), "frequency"),
    Bad("mod-loglik-text", "crmlab.bgnbd.bgnbd_loglik", lambda: B.bgnbd_loglik(PR, "abc", TX, T), "numbers"),
    Bad("mod-loglik-weights-length", "crmlab.bgnbd.bgnbd_loglik", lambda: B.bgnbd_loglik(PR, X, TX, T, weights=[1, 2]),
        "weights"),
    Bad("mod-grad-negative-weight", "crmlab.bgnbd.bgnbd_gradient",
        lambda: B.bgnbd_gradient(PR, X, TX, T, weights=[1, -2, 1]), "weights"),
    Bad("mod-grad-nan-param", "crmlab.bgnbd.bgnbd_gradient", lambda: B.bgnbd_gradient((np.nan, 3, 0.7, 2), X, TX, T),
        "params"),
    Bad("mod-grad-negative-T", "crmlab.bgnbd.bgnbd_gradient", lambda: B.bgnbd_gradient(PR, X, TX, -T), r"\bT\b"),
    Bad("mod-sim-n-float", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(2.5, 1, 1, 1, 1), "n=2.5"),
    Bad("mod-sim-n-zero", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(0, 1, 1, 1, 1), "n=0"),
    Bad("mod-sim-r-negative", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(10, -1, 1, 1, 1), "params"),
    Bad("mod-sim-T-negative", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(10, 1, 1, 1, 1, T=-5), r"T must"),
    Bad("mod-sim-T-text", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(10, 1, 1, 1, 1, T="a year"), "T="),
    Bad("mod-sim-holdout-negative", "crmlab.bgnbd.simulate_bgnbd",
        lambda: B.simulate_bgnbd(10, 1, 1, 1, 1, holdout=-1), "holdout"),
    Bad("mod-sim-seed-negative", "crmlab.bgnbd.simulate_bgnbd", lambda: B.simulate_bgnbd(10, 1, 1, 1, 1, seed=-1), "seed"),
    Bad("mod-draw-rate-negative", "crmlab.bgnbd.draw_repeat_times",
        lambda: B.draw_repeat_times(np.array([-1.0]), np.array([0.5]), np.array([10.0]), RNG(0)), r"lam.*row 0"),
    Bad("mod-draw-p-above-one", "crmlab.bgnbd.draw_repeat_times",
        lambda: B.draw_repeat_times(np.array([1.0]), np.array([1.5]), np.array([10.0]), RNG(0)), r"\bp must"),
    Bad("mod-draw-lengths", "crmlab.bgnbd.draw_repeat_times",
        lambda: B.draw_repeat_times(np.array([1.0, 2]), np.array([0.5]), np.array([10.0]), RNG(0)), "shapes"),
    Bad("mod-draw-int-rng", "crmlab.bgnbd.draw_repeat_times",
        lambda: B.draw_repeat_times(np.array([1.0]), np.array([0.5]), np.array([10.0]), 42), "rng=42"),
    Bad("mod-round-text", "crmlab.burnett.round_half_up", lambda: BU.round_half_up("x"), "numbers"),
    Bad("mod-round-decimals-12", "crmlab.burnett.round_half_up", lambda: BU.round_half_up(1.5, 12), "decimals=12"),
    Bad("mod-round-decimals-float", "crmlab.burnett.round_half_up", lambda: BU.round_half_up(1.5, 2.5), "decimals=2.5"),
    Bad("mod-boot-shape", "crmlab.pls.bootstrap_table", lambda: P.bootstrap_table(np.ones((5, 3)), np.ones(2), ["a", "b"]),
        "reps"),
    Bad("mod-boot-labels", "crmlab.pls.bootstrap_table", lambda: P.bootstrap_table(np.ones((5, 2)), np.ones(2), ["a"]),
        "labels"),
    Bad("mod-boot-confidence", "crmlab.pls.bootstrap_table",
        lambda: P.bootstrap_table(np.ones((5, 2)), np.ones(2), ["a", "b"], confidence=1.5), "confidence"),
    Bad("mod-boot-nan", "crmlab.pls.bootstrap_table",
        lambda: P.bootstrap_table(np.full((5, 2), np.nan), np.ones(2), ["a", "b"]), r"'a', 'b'.*not finite"),
    Bad("mod-weights-not-a-fit", "crmlab.pls.index_weights", lambda: P.index_weights("fit"), "pls_path_model"),
    Bad("mod-weights-unknown-construct", "crmlab.pls.index_weights", lambda: P.index_weights(_fit(), "LOY2"), "LOY2"),
    Bad("mod-index-not-a-fit", "crmlab.pls.satisfaction_index",
        lambda: P.satisfaction_index(pd.DataFrame({"a": [1]}), None), "pls_path_model"),
    Bad("mod-index-missing-group", "crmlab.pls.satisfaction_index",
        lambda: (lambda s: P.satisfaction_index(s.assign(seg=["a"] * (len(s) - 1) + [None]), _fit(), by="seg"))(
            __import__("crmlab.datasets", fromlist=["load"]).load("ecsi_survey")), r"'seg'.*1 missing"),
    Bad("mod-index-bad-scale", "crmlab.pls.satisfaction_index",
        lambda: P.satisfaction_index(__import__("crmlab.datasets", fromlist=["load"]).load("ecsi_survey"), _fit(),
                                     scale=(10, 1)), "scale"),
    Bad("mod-seed-blank-id", "crmlab.assign.student_seed", lambda: A.student_seed("  "), "blank"),
    Bad("mod-seed-none-id", "crmlab.assign.student_seed", lambda: A.student_seed(None), "student_id=None"),
    Bad("mod-exercise-path", "crmlab.assign.exercise_path", lambda: A.exercise_path("../notebooks/01_satisfaction"),
        r"topic.*not an exercise"),
    Bad("mod-exercise-solution", "crmlab.assign.exercise_path", lambda: A.exercise_path("solutions/01_satisfaction"),
        r"topic.*not an exercise"),
    Bad("mod-checks-not-notebook", "crmlab.assign.checks_module", lambda: A.checks_module("x"), "nbformat"),
    Bad("mod-checks-no-import", "crmlab.assign.checks_module",
        lambda: A.checks_module(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])), "crmlab.checks"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
