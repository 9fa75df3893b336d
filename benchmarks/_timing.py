"""Timing shared by the benchmark scripts (run as ``python benchmarks/bench_<topic>.py``)."""

from __future__ import annotations

import time


def best_of(fn, repeat: int = 3):
    """(fastest wall time in seconds over ``repeat`` calls, the last result): the least noisy estimate."""
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out
