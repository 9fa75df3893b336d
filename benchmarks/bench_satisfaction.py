"""Benchmark: satisfaction helpers on 1,000,000 survey rows vs a plain numpy/pandas reference.

Run: python benchmarks/bench_satisfaction.py   (make bench runs every benchmark)
Goal: each helper within 1.5x of the reference computing the same numbers.
The helpers validate their input (columns, dtypes, scale, missing values);
that work is included in their time, as a user would pay it.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from scipy import stats as st

from crmlab import datasets, satisfaction as sat
from _timing import best_of  # benchmarks/_timing.py (the script's own folder)

N = 1_000_000
ATTR = list(sat.ATTRIBUTES)


REPEAT = 5  # the satisfaction helpers take milliseconds: more repeats, less noise


def main():
    survey = datasets.generate("satisfaction_survey", seed=1, n=N).frame
    w = pd.Series(datasets.ground_truth("satisfaction_survey")["weights"])[ATTR]
    x = survey[ATTR].to_numpy(float)

    def ref_weighted():
        return survey[ATTR].to_numpy(float) @ w.to_numpy()

    def ref_simple():
        return survey[ATTR].to_numpy(float).mean(axis=1)

    def ref_csi():
        g = survey.groupby("segment")["overall"]
        m, s, n = g.mean(), g.std(), g.count()
        half = st.t.ppf(0.975, n - 1) * s / np.sqrt(n)
        return (m - 1) / 4 * 100, (m - half - 1) / 4 * 100, (m + half - 1) / 4 * 100

    def ref_derived():
        design = np.column_stack([np.ones(N), survey[ATTR].to_numpy(float)])
        return np.linalg.lstsq(design, survey["overall"].to_numpy(float), rcond=None)[0][1:]

    def ref_repurchase():
        g = survey.groupby("overall")["repurchased"]
        return g.mean(), g.size()

    cases = [
        ("weighted_score", lambda: sat.weighted_score(survey, w), ref_weighted),
        ("simple_score", lambda: sat.simple_score(survey), ref_simple),
        ("csi by segment", lambda: sat.csi(survey, "overall", by="segment"), ref_csi),
        ("derived_importance", lambda: sat.derived_importance(survey), ref_derived),
        ("repurchase_by_score", lambda: sat.repurchase_by_score(survey), ref_repurchase),
    ]
    print(f"satisfaction helpers on {N:,} rows (best of 5)")
    print(f"{'helper':22s} {'helper s':>9s} {'ref s':>9s} {'ratio':>6s}  goal <= 1.5")
    worst = 0.0
    for name, helper, ref in cases:
        th, out = best_of(helper, REPEAT)
        tr, _ = best_of(ref, REPEAT)
        ratio = th / tr
        worst = max(worst, ratio)
        print(f"{name:22s} {th:9.4f} {tr:9.4f} {ratio:6.2f}  {'ok' if ratio <= 1.5 else 'SLOWER'}")
    assert np.allclose(sat.weighted_score(survey, w).to_numpy(), x @ w.to_numpy())
    assert np.allclose(sat.derived_importance(survey)["coef"].to_numpy(), ref_derived())
    print(f"worst ratio: {worst:.2f}")
    # The cheapest helpers do one product over the data; checking every rating is on the 1-5 scale
    # (the kit's rule: bad input gets a clear error) is one more pass over the same data.
    tv, _ = best_of(lambda: (x.min(), x.max()), REPEAT)
    print(f"of which the scale check (min and max over the {x.size:,} ratings): {tv:.4f} s, "
          "the price of validating input that the plain reference does not pay")


if __name__ == "__main__":
    main()
