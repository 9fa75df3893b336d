"""Benchmark: PLS path model on 10,000 respondents x 27 indicators, fit + 200 bootstrap resamples.

Run: python benchmarks/bench_pls.py   (make bench runs every benchmark)

Helper: ``crmlab.pls.pls_path_model(..., n_boot=200)``, which runs the
algorithm on covariance matrices and vectorises the bootstrap over the
resamples (one matrix product forms all 200 resampled covariance matrices).
Reference: the textbook way, a plain numpy PLS (Lohmöller's iteration on
the n x p data matrix, centroid scheme, mode A) called once on the data and
once on each of 200 resampled data sets. Both are checked to give the same
path coefficients on the original data.
"""

from __future__ import annotations

import time

import numpy as np

from crmlab import datasets, pls

N, N_BOOT = 10_000, 200


def plain_pls(x: np.ndarray, blocks: list[np.ndarray], adj: np.ndarray, tol=1e-10, max_iter=300):
    """Reference PLS-PM on data: standardise, iterate inner/outer estimation, regress paths."""
    n = len(x)
    z = (x - x.mean(0)) / x.std(0)
    link = (adj + adj.T) > 0
    w = [np.ones(len(b)) for b in blocks]
    y = np.column_stack([z[:, b] @ wb for b, wb in zip(blocks, w)])
    y = y / y.std(0)
    for _ in range(max_iter):
        r = np.corrcoef(y, rowvar=False)
        e = np.sign(r) * link
        inner = y @ e
        new = [z[:, b].T @ inner[:, j] / n for j, b in enumerate(blocks)]
        y_new = np.column_stack([z[:, b] @ wb for b, wb in zip(blocks, new)])
        sd = y_new.std(0)
        new = [wb / s for wb, s in zip(new, sd)]
        done = max(np.abs(np.abs(a) - np.abs(b)).max() for a, b in zip(new, w)) < tol
        w, y = new, y_new / sd
        if done:
            break
    beta = np.zeros_like(adj, dtype=float)
    for j in range(adj.shape[0]):
        pred = np.flatnonzero(adj[:, j])
        if len(pred):
            beta[pred, j] = np.linalg.lstsq(y[:, pred], y[:, j], rcond=None)[0]
    return beta


def main():
    survey = datasets.generate("ecsi_survey", seed=1, n=N).frame
    names = list(pls.BLOCKS)
    cols = list(pls.INDICATORS)
    blocks = [np.array([cols.index(c) for c in pls.BLOCKS[k]]) for k in names]
    adj = np.zeros((len(names), len(names)))
    for a, b in pls.PATHS:
        adj[names.index(a), names.index(b)] = 1
    x = survey[cols].to_numpy(float)

    t0 = time.perf_counter()
    fit = pls.pls_path_model(survey, n_boot=N_BOOT, seed=1)
    helper = time.perf_counter() - t0

    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    beta = plain_pls(x, blocks, adj)
    boot = [plain_pls(x[rng.integers(0, N, N)], blocks, adj) for _ in range(N_BOOT)]
    reference = time.perf_counter() - t0

    ref_paths = np.array([beta[names.index(a), names.index(b)] for a, b in pls.PATHS])
    assert np.allclose(ref_paths, fit.paths["coef"].to_numpy(), atol=1e-6), "helper and reference disagree"
    ref_se = np.std([[bb[names.index(a), names.index(b)] for a, b in pls.PATHS] for bb in boot], axis=0, ddof=1)
    se_ratio = fit.bootstrap["paths"]["std_error"].to_numpy() / ref_se

    print(f"PLS path model, {N:,} respondents x {len(cols)} indicators, fit + {N_BOOT} bootstrap resamples")
    print(f"  helper (vectorised bootstrap): {helper:7.2f} s")
    print(f"  reference (plain numpy loop):  {reference:7.2f} s")
    print(f"  ratio helper / reference:      {helper / reference:7.2f}")
    print(f"  bootstrap standard errors, helper / reference: {se_ratio.min():.2f} to {se_ratio.max():.2f}")


if __name__ == "__main__":
    main()
