"""Benchmark: the Gamma-Gamma fit on 100,000 customers (goal: within 2 s).

Run: python benchmarks/bench_value.py   (make bench runs every benchmark)
The reference is one plain evaluation of the log-likelihood and gradient
with numpy sums (what a single optimiser step costs without the exact,
order-free math.fsum sums); the ratio says how many such evaluations the
fit costs in all.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from crmlab import value as val
from _timing import best_of  # benchmarks/_timing.py (the script's own folder)

N = 100_000


def main():
    data = val.simulate_gamma_gamma(N, p=4.0, q=5.0, gamma=300.0, seed=1)
    tf, fit = best_of(lambda: val.fit_gamma_gamma(data))
    x, m = data["frequency"].to_numpy(float), data["monetary_value"].to_numpy(float)

    def ref():
        p, q, g = fit.p, fit.q, fit.gamma
        ll = (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(g)
              + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(g + m * x)).sum()
        a = special.digamma(p * x + q)
        return ll, (x * (a - special.digamma(p * x) + np.log(m * x) - np.log(g + m * x))).sum()

    tr, _ = best_of(ref)
    print(f"{N:,} customers")
    print(f"{'helper':<26}{'helper s':>10}{'reference s':>13}{'ratio':>8}  goal < 2 s")
    print(f"{'fit_gamma_gamma':<26}{tf:>10.3f}{tr:>13.3f}{tf / tr:>8.1f}  {'ok' if tf < 2 else 'SLOW'}")
    print(f"  {fit}")


if __name__ == "__main__":
    main()
