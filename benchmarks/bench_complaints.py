"""Benchmark: complaint_kpis and pareto on 1,000,000 complaints vs a plain vectorised pandas reference.

Run: python benchmarks/bench_complaints.py   (make bench runs every benchmark)
Goal: each helper within 1.5x of the reference computing the same numbers
(Kaplan-Meier median, P90 and SLA share per channel; first response median;
FCR, reopen rate, mean satisfaction; Pareto counts, shares and ABC classes).
The helpers validate their input (columns, timestamps, flags, scale); that
work is included in their time, as a user would pay it.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from crmlab import complaints as cp
from crmlab import datasets
from _timing import best_of  # benchmarks/_timing.py (the script's own folder)

N = 1_000_000
SLA = 48.0


def _km_reference(hours: pd.Series, event: pd.Series, group: pd.Series) -> pd.DataFrame:
    """Kaplan-Meier per group in plain pandas: median, P90 and 1 - S(SLA)."""
    df = pd.DataFrame({"g": group.to_numpy(), "h": hours.to_numpy(), "e": event.to_numpy()})
    agg = df.groupby(["g", "h"], sort=True)["e"].agg(["sum", "size"]).reset_index()
    total = agg.groupby("g")["size"].transform("sum")
    before = agg.groupby("g")["size"].cumsum() - agg["size"]
    agg["at_risk"] = total - before
    agg = agg[agg["sum"] > 0].copy()
    agg["S"] = (1 - agg["sum"] / agg["at_risk"]).groupby(agg["g"]).cumprod()
    med = agg[agg["S"] <= 0.5].groupby("g")["h"].first()
    p90 = agg[agg["S"] <= 0.1 + 1e-12].groupby("g")["h"].first()
    sla = 1 - agg[agg["h"] <= SLA].groupby("g")["S"].last()
    return pd.DataFrame({"median": med, "p90": p90, "sla": sla})


def main():
    log = datasets.generate("complaint_log", seed=1, n=N).frame
    end = max(log["opened"].max(), log["resolved"].max(), log["first_response"].max())

    def ref_kpis():
        hours = (log["resolved"].fillna(end) - log["opened"]).dt.total_seconds() / 3600
        closed = log["resolved"].notna()
        km = _km_reference(hours, closed, log["channel"])
        fr_h = (log["first_response"].fillna(end) - log["opened"]).dt.total_seconds() / 3600
        fr = _km_reference(fr_h, log["first_response"].notna(), log["channel"])
        c = log[closed]
        g = c.groupby("channel")
        return pd.DataFrame({
            "n": log.groupby("channel").size(), "open": (~closed).groupby(log["channel"]).sum(),
            "first_response_median_h": fr["median"], "resolution_median_h": km["median"],
            "resolution_p90_h": km["p90"], "sla_share": km["sla"],
            "fcr": g["contacts"].agg(lambda s: (s == 1).mean()),
            "reopen_rate": g["reopened"].mean(), "satisfaction_mean": g["satisfaction"].mean(),
        })

    def ref_pareto():
        counts = log["category"].value_counts()
        share = counts / counts.sum()
        cum = share.cumsum()
        before = cum - share
        return pd.DataFrame({"count": counts, "share": share, "cum_share": cum,
                             "abc": np.select([before < 0.8, before < 0.95], ["A", "B"], "C")})

    cases = [
        ("complaint_kpis by channel", lambda: cp.complaint_kpis(log, by="channel", sla_hours=SLA, end=end), ref_kpis),
        ("pareto by category", lambda: cp.pareto(log, "category"), ref_pareto),
    ]
    print(f"{N:,} complaints ({int(log['resolved'].isna().sum()):,} open)")
    for name, helper, ref in cases:
        th, out_h = best_of(helper)
        tr, out_r = best_of(ref)
        cols = [c for c in out_r.columns if c in out_h.columns and c != "abc"]
        same = np.allclose(out_h[cols].astype(float).to_numpy(),
                           out_r.loc[out_h.index, cols].astype(float).to_numpy(), equal_nan=True)
        print(f"{name:28s} helper {th:6.3f} s   reference {tr:6.3f} s   ratio {th / tr:5.2f}   "
              f"same numbers: {same}   goal <= 1.5: {'met' if th / tr <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
