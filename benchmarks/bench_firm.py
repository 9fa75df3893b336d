"""Benchmark: the own-data pipeline on a large firm (issue 19, item 6).

Run: python benchmarks/bench_firm.py   (make bench runs every benchmark)
Data (synthetic, written to a temporary folder as CSV): 1,000,000 transactions,
100,000 survey rows (overall + 5 attributes + segment), 200,000 complaints
(dates, category, channel, a timely flag, 2% still open).
Goals: ``crmlab report --data --mapping`` <= 20 s wall, peak memory <= 2 GB
(largest process: the CLI or the notebook's kernel); ``crmlab check-data`` <= 5 s.
Measured once (each run reads every file; a second run would only measure the page cache).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
MAPPING = """
[transactions]
file = "transactions.csv"
date_format = "%Y%m%d"
[transactions.columns]
customer = "customer_id"
date = "order_day"
amount = "amount"

[satisfaction]
file = "survey.csv"
scale = [1, 5]
attributes = ["a1", "a2", "a3", "a4", "a5"]
[satisfaction.columns]
overall = "overall"
segment = "region"

[complaints]
file = "complaints.csv"
on_bad_rows = "drop"
date_format = "%Y-%m-%d %H:%M"
yes = ["Y"]
no = ["N"]
[complaints.columns]
opened = "opened"
resolved = "closed"
category = "category"
channel = "channel"
timely = "timely"
"""


def write_data(folder: Path, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    n = 1_000_000
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    pd.DataFrame({"customer_id": rng.integers(1, 150_001, n), "order_day": days.strftime("%Y%m%d").astype(int),
                  "amount": rng.gamma(2.0, 30.0, n).round(2)}).to_csv(folder / "transactions.csv", index=False)
    m = 100_000
    base = rng.integers(1, 6, m)
    survey = {"overall": base, "region": rng.choice(["north", "south", "east", "west"], m)}
    for k in range(1, 6):
        survey[f"a{k}"] = np.clip(base + rng.integers(-1, 2, m), 1, 5)
    pd.DataFrame(survey).to_csv(folder / "survey.csv", index=False)
    c = 200_000
    opened = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, c), unit="min")
    closed = opened + pd.to_timedelta(rng.exponential(40.0, c), unit="h")
    closed = pd.Series(closed.strftime("%Y-%m-%d %H:%M")).mask(rng.random(c) < 0.02, "")
    pd.DataFrame({"opened": opened.strftime("%Y-%m-%d %H:%M"), "closed": closed,
                  "category": rng.choice(["billing", "delivery", "product", "staff", "web", ""], c,
                                         p=[0.3, 0.25, 0.2, 0.1, 0.1, 0.05]),
                  "channel": rng.choice(["phone", "email", "chat"], c),
                  "timely": rng.choice(["Y", "N"], c, p=[0.9, 0.1])}).to_csv(folder / "complaints.csv", index=False)
    (folder / "mapping.toml").write_text(MAPPING, encoding="utf-8")


def main() -> int:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cli = [sys.executable, "-m", "crmlab.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        t0 = time.perf_counter()
        write_data(data)
        size = sum(p.stat().st_size for p in data.iterdir()) / 1e6
        print(f"data written in {time.perf_counter() - t0:.1f} s ({size:.0f} MB of CSV)")

        from crmlab.firm import prepare

        t0 = time.perf_counter()
        prep = prepare(data / "mapping.toml", data)
        check_s = time.perf_counter() - t0
        assert prep.ok, [p.text() for p in prep.problems]
        rows = {k: q.rows_used for k, q in prep.quality.items()}
        print(f"check-data (in process): {check_s:.1f} s for {rows} (goal <= 5 s): "
              f"{'PASS' if check_s <= 5 else 'MISS'}")
        del prep

        t0 = time.perf_counter()
        r = subprocess.run(cli + ["report", "--data", str(data), "--mapping", str(data / "mapping.toml"),
                                  "--out", str(Path(tmp) / "out"), "--quiet"], env=env, capture_output=True, text=True)
        report_s = time.perf_counter() - t0
        peak_gb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 ** 2  # KiB -> GiB
        if r.returncode:
            print(r.stdout[-2000:], r.stderr[-2000:])
            return 1
        ok = report_s <= 20 and peak_gb <= 2
        print(f"report (CLI, kernel start and HTML export included): {report_s:.1f} s, "
              f"peak memory of the largest process {peak_gb:.2f} GB (goals <= 20 s, <= 2 GB): "
              f"{'PASS' if ok else 'MISS'}")
    return 0 if (ok and check_s <= 5) else 1


if __name__ == "__main__":
    raise SystemExit(main())
