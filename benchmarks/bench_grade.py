"""Benchmark: crmlab grade on a synthetic class (topic 01_satisfaction, the solution with each student's seed).

Run: python benchmarks/bench_grade.py [--n 200] [--m 20] [--small]   (make bench runs every benchmark)

Goals (issue 18, a 2-core machine):
- N submissions (default 200) with --jobs 2 in at most 5 minutes;
- speed-up of jobs=2 over jobs=1 at least 1.7x (measured on M submissions, default 20);
- per-submission overhead beyond kernel start + the cells' compute at most 0.3 s
  (total time of a submission in its worker minus kernel start minus the notebook's cells;
  the checks' time, which recomputes the student's data, is shown on its own);
- a Dask LocalCluster of 2 workers at least 1.7x one worker (M submissions; skipped without dask).
``--small`` is N=20, M=10 (a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from crmlab import assign, grade

TOPIC = "01_satisfaction"
ROOT = Path(__file__).resolve().parents[1]


def make_class(base: Path, n: int) -> tuple[Path, Path]:
    ids = [f"g{i:04d}" for i in range(n)]
    roster = base / "roster.csv"
    roster.write_text("student_id,name\n" + "".join(f"{s},Student {s}\n" for s in ids), encoding="utf-8")
    inbox = base / "inbox"
    inbox.mkdir()
    sol = nbformat.read(str(ROOT / "exercises" / "solutions" / f"{TOPIC}.ipynb"), as_version=4)
    for s in ids:
        nbformat.write(assign.personalise(sol, s, f"Student {s}", assign.student_seed(s)), str(inbox / f"{TOPIC}_{s}.ipynb"))
    return roster, inbox


def run(roster, inbox, out, **kw) -> tuple[float, dict]:
    t0 = time.perf_counter()
    res = grade.grade(TOPIC, roster, inbox, out, force=True, progress=False, **kw)
    wall = time.perf_counter() - t0
    bad = [r for r in res.rows if r["status"] != "graded" or r["total"] != "6"]
    assert not bad, bad[:3]
    state = json.loads((Path(out) / grade.STATE_FILE).read_text(encoding="utf-8"))
    return wall, state["results"]


def parts(results: dict) -> dict:
    secs = [r["seconds"] for r in results.values()]

    def med(key):
        return statistics.median(s.get(key, 0.0) for s in secs)

    over = statistics.median(s["total"] - s["kernel_start"] - s["cells"] - s.get("check", 0.0) for s in secs)
    return {"total": med("total"), "kernel": med("kernel_start"), "cells": med("cells"), "check": med("check"),
            "collect": med("collect"), "overhead": over}


def show(label: str, wall: float, n: int, p: dict) -> None:
    print(f"{label}: wall {wall:6.1f} s for {n} ({wall / n:.2f} s each) | per submission (median) "
          f"{p['total']:.2f} s = kernel start {p['kernel']:.2f} + cells {p['cells']:.2f} + checks {p['check']:.2f}"
          f" + other {p['overhead']:.2f} (of which reading the answers {p['collect']:.2f})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--m", type=int, default=20)
    ap.add_argument("--small", action="store_true")
    args = ap.parse_args()
    n, m = (20, 10) if args.small else (args.n, args.m)
    print(f"crmlab grade on {TOPIC}: {n} submissions (speed-ups on {m}); {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    ok = True
    with tempfile.TemporaryDirectory() as d:
        base = Path(d)
        (base / "big").mkdir()
        roster, inbox = make_class(base / "big", n)
        wall2, res = run(roster, inbox, base / "out2", n_jobs=2)
        p = parts(res)
        show("jobs=2", wall2, n, p)
        goal = 300 * n / 200
        print(f"  {n} submissions in {wall2:.0f} s (goal <= {goal:.0f} s): {'PASS' if wall2 <= goal else 'MISS'}")
        print(f"  overhead beyond kernel start + cells: {p['overhead']:.2f} s without the checks, "
              f"{p['overhead'] + p['check']:.2f} s with them (goal <= 0.3 s): "
              f"{'PASS' if p['overhead'] <= 0.3 else 'MISS'}")
        ok &= wall2 <= goal and p["overhead"] <= 0.3
        (base / "small").mkdir()
        roster_m, inbox_m = make_class(base / "small", m)
        w1, r1 = run(roster_m, inbox_m, base / "o1", n_jobs=1)
        w2, r2 = run(roster_m, inbox_m, base / "o2", n_jobs=2)
        show("jobs=1", w1, m, parts(r1))
        show("jobs=2", w2, m, parts(r2))
        sp = w1 / w2
        print(f"  speed-up jobs=2 vs jobs=1: {sp:.2f}x (goal >= 1.7x): {'PASS' if sp >= 1.7 else 'MISS'}")
        ok &= sp >= 1.7
        try:
            from distributed import LocalCluster
        except ImportError:
            print("dask.distributed not installed: Dask comparison skipped (pip install 'crmlab[dask]')")
            return 0 if ok else 1
        walls = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
                walls[workers], rd = run(roster_m, inbox_m, base / f"d{workers}", scheduler=cl.scheduler_address)
            show(f"dask {workers} worker{'s' if workers > 1 else ''}", walls[workers], m, parts(rd))
        sp = walls[1] / walls[2]
        print(f"  speed-up Dask 2 workers vs 1: {sp:.2f}x (goal >= 1.7x): {'PASS' if sp >= 1.7 else 'MISS'}")
        ok &= sp >= 1.7
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
