"""Benchmark: the Burnett matrix on 100,000 accounts x 5 experts vs a plain vectorised reference.

Run: python benchmarks/bench_burnett.py   (make bench runs every benchmark)
Goal: ``bm.portfolio`` (panel mean -> attractiveness index, banded relationship
index, levels, cells and strategies) within 1.5x of a plain pandas/numpy
reference computing the same numbers. The helper validates its input (columns,
scale, indicator names, duplicates, missing-score threshold); that work is
included in its time, as a user would pay it.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from crmlab import burnett as bm
from crmlab.datasets.burnett import make_accounts, make_expert_scores
from _timing import best_of  # benchmarks/_timing.py (the script's own folder)

N_ACCOUNTS = 100_000
N_EXPERTS = 5
IND = list(bm.ATTRACTIVENESS_INDICATORS)


def main():
    kw = dict(seed=1, n_accounts=N_ACCOUNTS, n_experts=N_EXPERTS)
    accounts = make_accounts(**kw).frame
    scores = make_expert_scores(**kw).frame
    print(f"{len(accounts):,} accounts, {len(scores):,} expert scores")
    w_attr = bm.default_attractiveness_weights()[IND].to_numpy()
    w_rel = bm.default_relationship_weights().to_numpy()
    grid = np.array([[bm.default_grid()[(r, a)] for a in bm.ATTRACTIVENESS_LEVELS]
                     for r in bm.RELATIONSHIP_LEVELS], dtype=object)

    def reference():
        # the panel mean, with the count of scores per account and indicator and the panel size
        # (the helper needs both for its missing-score rule)
        g = scores.groupby(["account_id", "indicator"], sort=False)["score"]
        mean, count = g.mean(), g.count()  # one grouping, two reductions
        n_experts = scores["expert"].nunique()
        assert ((n_experts - count) <= 0.5 * n_experts).all()
        panel = mean.unstack()[IND]
        attr = pd.Series(panel.to_numpy() @ w_attr, index=panel.index)
        a = accounts
        s = lambda x, inner: 1.0 + np.searchsorted(inner, x, side="right")  # noqa: E731
        share = a["wallet_share"].to_numpy()
        rel_scores = np.column_stack([
            s(share, [0.10, 0.25, 0.45, 0.70]),
            s(share - a["wallet_share_3y"].to_numpy(), [-0.10, -0.02, 0.02, 0.10]),
            (s(a["contact_per_month"].to_numpy(), [1, 2, 4, 8]) + s(a["contact_breadth"].to_numpy(), [1.5, 2.5, 3.5, 4.5])) / 2,
            s(a["relationship_years"].to_numpy(), [1, 3, 5, 10]),
            a["price_rating"].to_numpy(), a["service_rating"].to_numpy(), a["tech_rating"].to_numpy(),
        ])
        rel = rel_scores @ w_rel
        attr = attr.reindex(a["account_id"]).to_numpy()
        ai = np.searchsorted([2.5, 3.5], np.round(attr, 9), side="right")
        ri = np.searchsorted([2.5, 3.5], np.round(rel, 9), side="right")
        return pd.DataFrame({"attractiveness": attr, "relationship": rel, "strategy": grid[ri, ai]},
                            index=a["account_id"])

    def helper():
        return bm.portfolio(accounts, scores)

    t_ref, ref = best_of(reference)
    t_help, out = best_of(helper)
    assert np.allclose(out["attractiveness"].to_numpy(), ref["attractiveness"].to_numpy())
    assert np.allclose(out["relationship"].to_numpy(), ref["relationship"].to_numpy())
    differ = out["strategy"].to_numpy() != ref["strategy"].to_numpy()
    near = np.isclose(ref[["attractiveness", "relationship"]].to_numpy()[:, :, None], [2.5, 3.5]).any(axis=(1, 2))
    assert not (differ & ~near).any(), "strategies differ away from the cut points"
    print(f"strategies equal except {differ.sum()} accounts on a cut point (summation order)")
    ratio = t_help / t_ref
    print(f"{'case':<28}{'helper s':>10}{'reference s':>13}{'ratio':>8}")
    print(f"{'burnett portfolio (matrix)':<28}{t_help:>10.3f}{t_ref:>13.3f}{ratio:>8.2f}"
          + ("" if ratio <= 1.5 else "   <-- slower than the 1.5x goal"))

    t_m, _ = best_of(lambda: bm.burnett_matrix(out[["attractiveness", "relationship"]]))
    print(f"burnett_matrix alone on {N_ACCOUNTS:,} accounts: {t_m:.3f} s")


if __name__ == "__main__":
    main()
