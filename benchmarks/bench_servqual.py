"""Benchmark: servqual_gaps + weighted_servqual + cronbach_alpha on 1,000,000 respondents
against a plain numpy reference that computes the same numbers.

Goal: the helpers (which also validate their input and build labelled
tables with intervals) within 1.5x of the reference. Run:

    python benchmarks/bench_servqual.py [n_respondents]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd
from scipy import stats as st

from crmlab import servqual as sq

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
REPEAT = 3


def make_survey(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    e = np.clip(np.rint(rng.normal(6, 1, (n, 22))), 1, 7)
    p = np.clip(np.rint(rng.normal(5, 1.2, (n, 22))), 1, 7)
    e[rng.random(e.shape) < 0.004] = np.nan
    p[rng.random(p.shape) < 0.004] = np.nan
    pts = rng.multinomial(100, [0.11, 0.32, 0.22, 0.19, 0.16], size=n)
    cols = {f"E{j}": e[:, j - 1] for j in range(1, 23)} | {f"P{j}": p[:, j - 1] for j in range(1, 23)}
    cols |= {f"imp_{d}": pts[:, k] for k, d in enumerate(sq.DIMENSIONS)}
    return pd.DataFrame(cols)


def helper(df):
    r = sq.servqual_gaps(df)
    w = sq.weighted_servqual(df, gaps=r)
    a = sq.cronbach_alpha(df)
    return r.dimensions["gap"].to_numpy(), w.table["score"].iloc[0], a["alpha"].to_numpy()


def reference(df):
    """The same numbers in plain numpy: item stats of E, P and P - E, dimension and overall
    scores with t intervals, the weighted score with its interval, alpha per dimension."""
    e = df[[f"E{j}" for j in range(1, 23)]].to_numpy()
    p = df[[f"P{j}" for j in range(1, 23)]].to_numpy()
    g = p - e

    def moments(x):
        n = (~np.isnan(x)).sum(axis=0)
        m = np.nanmean(x, axis=0)
        s = np.nanstd(x, axis=0, ddof=1)
        half = st.t.ppf(0.975, n - 1) * s / np.sqrt(n)
        return n, m, s, m - half, m + half

    moments(e), moments(p), moments(g)
    slices = [slice(0, 4), slice(4, 9), slice(9, 13), slice(13, 17), slice(17, 22)]
    dims = np.column_stack([np.nanmean(g[:, s], axis=1) for s in slices])
    overall = np.nanmean(dims, axis=1)
    dim_stats = moments(np.column_stack([dims, overall]))
    w = df[[f"imp_{d}" for d in sq.DIMENSIONS]].to_numpy() / 100
    weighted = (w * dims).sum(axis=1)
    moments(weighted[:, None])
    alphas = []
    for s in slices:
        x = g[:, s]
        x = x[~np.isnan(x).any(axis=1)]
        k = x.shape[1]
        alphas.append(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1)))
    return dim_stats[1][:5], np.nanmean(weighted), np.array(alphas)


def best(fn, df):
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn(df)
        times.append(time.perf_counter() - t0)
    return min(times), out


def main():
    df = make_survey(N)
    t_ref, ref = best(reference, df)
    t_help, got = best(helper, df)
    for a, b in zip(got, ref):
        assert np.allclose(a, b, equal_nan=True), (a, b)
    ratio = t_help / t_ref
    print(f"servqual: {N:,} respondents x 22 items")
    print(f"helper (servqual_gaps + weighted_servqual + cronbach_alpha): {t_help:.3f} s")
    print(f"numpy reference:                                          {t_ref:.3f} s")
    print(f"ratio: {ratio:.2f}x (goal <= 1.5x) {'OK' if ratio <= 1.5 else 'SLOWER THAN GOAL'}")


if __name__ == "__main__":
    main()
