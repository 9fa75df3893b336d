"""Benchmark: 10 case reports with --jobs 1 vs --jobs 2 (papermill Python API in a process pool).

Run: python benchmarks/bench_report.py   (make bench runs every benchmark)
Goal: jobs=2 at least 1.7x faster than jobs=1 (needs >= 2 free cores).
Reports per-report time and where it goes: kernel start + papermill overhead
(execute time minus the cells' own time), compute (sum of the cells' durations
recorded by papermill) and HTML export.
"""

from __future__ import annotations

import os
import tempfile
import time

import nbformat

from crmlab import report

CASES = ["hotpot", "retail", "airline", "hotel", "b2b"]
JOBS = [report.make_job(c, seed=s, lang=lang) for s, lang in ((1, "en"), (2, "zh")) for c in CASES]


def run(n_jobs: int):
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        res = report.run_batch(JOBS, out, n_jobs=n_jobs, force=True, progress=False)
        wall = time.perf_counter() - t0
        parts = []
        for r in res:
            assert r.ok, r.error
            nb = nbformat.read(r.notebook, as_version=4)
            compute = sum(c.metadata.get("papermill", {}).get("duration") or 0.0 for c in nb.cells)
            parts.append((r.seconds, r.timings["execute"] - compute, compute, r.timings["html"]))
    return wall, parts


def main() -> int:
    print(f"{len(JOBS)} reports at default size (n_customers=2000); {os.cpu_count()} CPUs")
    walls = {}
    for n in (1, 2):
        wall, parts = run(n)
        walls[n] = wall
        k = len(parts)
        avg = [sum(p[i] for p in parts) / k for i in range(4)]
        print(f"jobs={n}: wall {wall:6.1f} s | per report {avg[0]:.2f} s = kernel start/overhead {avg[1]:.2f} s"
              f" + compute {avg[2]:.2f} s + HTML export {avg[3]:.2f} s")
    speedup = walls[1] / walls[2]
    ok = speedup >= 1.7
    print(f"speed-up jobs=2 vs jobs=1: {speedup:.2f}x (goal >= 1.7x): {'PASS' if ok else 'MISS'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
