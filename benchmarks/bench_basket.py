"""Benchmark: frequent itemsets and association rules on 1,000,000 basket lines.

Run: python benchmarks/bench_basket.py   (make bench runs every benchmark)
Goal: crmlab.value.frequent_itemsets (input checks, one-hot matrix, H-Mine
search, counts and sorting) on 1,000,000 lines within 10 seconds. The
reference is the plain route: a pandas crosstab to the one-hot table, then
mlxtend's fpgrowth on it (the same itemsets).
"""

from __future__ import annotations

import time

import pandas as pd

from crmlab.value import basket as vb
from crmlab.value.data import make_baskets
from _timing import best_of  # benchmarks/_timing.py (the script's own folder)

N_LINES = 1_000_000
MIN_SUPPORT = 0.005
GOAL_S = 10.0


def main():
    t0 = time.perf_counter()
    lines = make_baskets(seed=0, n_baskets=330_000).frame
    lines = lines.iloc[:N_LINES]
    print(f"{len(lines):,} lines in {lines['basket_id'].nunique():,} baskets (generated in {time.perf_counter() - t0:.1f} s)")
    t_fi, fi = best_of(lambda: vb.frequent_itemsets(lines, min_support=MIN_SUPPORT, max_len=3))
    t_rules, rules = best_of(lambda: vb.association_rules(lines, min_support=MIN_SUPPORT, max_len=3), repeat=1)

    def reference():
        from mlxtend.frequent_patterns import fpgrowth

        onehot = pd.crosstab(lines["basket_id"], lines["item"]).gt(0)
        return fpgrowth(onehot, min_support=MIN_SUPPORT, max_len=3)

    t_ref, ref = best_of(reference, repeat=1)
    assert len(ref) == len(fi), (len(ref), len(fi))
    print(f"frequent_itemsets: {t_fi:.2f} s ({len(fi)} itemsets; goal < {GOAL_S:g} s: "
          f"{'met' if t_fi < GOAL_S else 'NOT met'})")
    print(f"association_rules: {t_rules:.2f} s ({len(rules)} rules)")
    print(f"reference crosstab + mlxtend fpgrowth: {t_ref:.2f} s; ratio helper / reference = {t_fi / t_ref:.2f}")


if __name__ == "__main__":
    main()
