"""SIGTERM and Ctrl-C (SIGINT) to real runs of `crmlab report --batch`, `crmlab run` and `crmlab assign`.

Each test starts the command in its own session (as a shell starts a job),
waits until the work is really under way (a kernel is up, or a student is
done), collects the whole process tree of the command from /proc, sends the
signal and checks: the exit code (143 / 130), the summary, that every PID of
the tree is gone, that no job started after the signal, and that interrupted
jobs left no partial or `.failed.ipynb` file. Ctrl-C is sent the way a
terminal sends it: to the command's foreground process group. The time from
the signal to the exit is printed (run with -s to see it), not asserted.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


# ------------------------------------------------------------ /proc, written independently of crmlab.runner
def _stat(pid):
    try:
        rest = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return rest[0].decode(), int(rest[1]), int(rest[19])  # state, ppid, start time


def tree(pid) -> dict[int, int]:
    """{pid: start time} of pid and everything below it."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit() and (st := _stat(int(d))):
            kids.setdefault(st[1], []).append((int(d), st[2]))
    own = _stat(pid)
    out = {pid: own[2]} if own else {}
    todo = [pid]
    while todo:
        for c, start in kids.get(todo.pop(), []):
            out[c] = start
            todo.append(c)
    return out


def alive(pid, start) -> bool:
    st = _stat(pid)
    return st is not None and st[0] != "Z" and st[2] == start


def cmdline(pid) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def kernels(pid) -> list[int]:
    return [p for p in tree(pid) if any("ipykernel" in a for a in cmdline(p))]


class Command:
    """A crmlab command in its own session, its output collected line by line."""

    def __init__(self, argv, cwd):
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.p = subprocess.Popen([sys.executable, "-m", "crmlab.cli", *argv], cwd=cwd, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True)
        self.out: list[str] = []
        self.err: list[str] = []
        self._readers = [threading.Thread(target=self._read, args=(s, buf), daemon=True)
                         for s, buf in ((self.p.stdout, self.out), (self.p.stderr, self.err))]
        for t in self._readers:
            t.start()

    @staticmethod
    def _read(stream, buf):
        for line in stream:
            buf.append(line.rstrip("\n"))

    def wait_for(self, cond, what, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return
            if self.p.poll() is not None:
                pytest.fail(f"the command ended before {what}: rc={self.p.returncode}\n"
                            + "\n".join(self.out + self.err))
            time.sleep(0.05)
        self.stop_hard()
        pytest.fail(f"timed out waiting for {what}")

    def signal(self, sig):
        """Send ``sig`` (SIGINT as a terminal does: to the foreground group); return (rc, seconds, pids)."""
        procs = tree(self.p.pid)
        self.conn_files = [a[i + 1] for p in procs for a in [cmdline(p)] for i, x in enumerate(a[:-1])
                           if x == "-f" and "kernel-" in a[i + 1]]
        self.lines_at_signal = len(self.out)
        t0 = time.monotonic()
        if sig == signal.SIGINT:
            os.killpg(self.p.pid, sig)
        else:
            os.kill(self.p.pid, sig)
        try:
            rc = self.p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.stop_hard()
            pytest.fail("the command did not exit within 30 s of the signal")
        seconds = time.monotonic() - t0
        for t in self._readers:
            t.join(5)
        # the command has exited; its workers and kernels must be gone too (allow 2 s for reaping)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and any(alive(p, s) for p, s in procs.items()):
            time.sleep(0.05)
        left = {p: cmdline(p) for p, s in procs.items() if alive(p, s)}
        print(f"\n{signal.Signals(sig).name}: exit {rc} after {seconds:.2f} s; "
              f"{len(procs)} processes in the tree, {len(left)} left", file=sys.stderr)
        return rc, seconds, procs, left

    def stop_hard(self):
        for p, s in tree(self.p.pid).items():
            if alive(p, s):
                os.kill(p, signal.SIGKILL)


def check_clean_exit(cmd, rc, sig, procs, left):
    assert rc == 128 + sig, "\n".join(cmd.out + cmd.err)
    assert len(procs) >= 2  # the command and at least one worker were there
    assert left == {}, f"processes left behind: {left}"
    err = "\n".join(cmd.err)
    for raw in ("Traceback", "DeadKernelError", "KeyboardInterrupt"):
        assert raw not in err and raw not in "\n".join(cmd.out), (raw, err)
    assert f"{signal.Signals(sig).name} received" in err
    for f in cmd.conn_files:  # the killed kernels' connection files are removed
        assert not Path(f).exists(), f


# ------------------------------------------------------------ crmlab report --batch
STEMS = ["hotel_s1_en_n100", "hotpot_s2_en_n100", "retail_s3_en_n100", "b2b_s4_en_n100"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_report_batch_stops(tmp_path, sig):
    (tmp_path / "b.csv").write_text("case,seed,lang,n_customers\nhotel,1,en,100\nhotpot,2,en,100\n"
                                    "retail,3,en,100\nb2b,4,en,100\n")
    out = tmp_path / "out"
    cmd = Command(["report", "--batch", "b.csv", "--jobs", "2", "--out", str(out)], tmp_path)
    cmd.wait_for(lambda: len(kernels(cmd.p.pid)) == 2, "both kernels to start")
    rc, seconds, procs, left = cmd.signal(sig)
    check_clean_exit(cmd, rc, sig, procs, left)
    text = "\n".join(cmd.out)
    started = re.findall(r"start\s+(\S+)", text)
    assert started == STEMS[:2]  # two workers, so the queued reports never started
    rows = {stem: status for status, stem in re.findall(r"^(ok|interrupted|not started|FAILED) +(\S+_n100)",
                                                        text, re.M)}
    assert rows == {**{s: "interrupted" for s in STEMS[:2]}, **{s: "not started" for s in STEMS[2:]}}, text
    assert "0 ok, 0 failed, 2 interrupted, 2 not started" in text
    # nothing half-written (papermill's .<stem>.*.ipynb), no .failed.ipynb, nothing for the queued reports
    assert out.is_dir() and sorted(p.name for p in out.iterdir()) == []


# ------------------------------------------------------------ crmlab run --root
SLOW = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(60)\nprint('done')")],
                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                         "language": "python"}})


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_stops(tmp_path, sig):
    (tmp_path / "notebooks").mkdir()
    names = ["01_a", "02_b", "03_c"]
    for n in names:
        nbformat.write(SLOW, str(tmp_path / "notebooks" / f"{n}.ipynb"))
    cmd = Command(["run", "--root", str(tmp_path), "--out", str(tmp_path / "build"), "--jobs", "2",
                   "--no-report"], tmp_path)
    cmd.wait_for(lambda: len(kernels(cmd.p.pid)) == 2, "two kernels to start")
    rc, seconds, procs, left = cmd.signal(sig)
    check_clean_exit(cmd, rc, sig, procs, left)
    text = "\n".join(cmd.out)
    assert re.findall(r"start\s+(\S+)", text) == ["01_a.ipynb", "02_b.ipynb"]
    assert "0 of 3 notebooks ran" in text
    assert "interrupted: 01_a.ipynb, 02_b.ipynb" in text and "not started: 03_c.ipynb" in text
    assert (tmp_path / "build" / "notebooks").is_dir()
    assert [p for p in (tmp_path / "build").rglob("*") if p.is_file()] == []


# ------------------------------------------------------------ crmlab assign
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_assign_stops(tmp_path, sig):
    ids = [f"s{i:03d}" for i in range(40)]
    (tmp_path / "roster.csv").write_text("student_id,name\n" + "".join(f"{s},Student {s}\n" for s in ids))
    out = tmp_path / "a"
    cmd = Command(["assign", "--topic", "03_loyalty", "--roster", "roster.csv", "--out", str(out),
                   "--jobs", "2"], tmp_path)
    cmd.wait_for(lambda: any(re.search(r"\] ok ", line) for line in cmd.out), "a first student")
    rc, seconds, procs, left = cmd.signal(sig)
    check_clean_exit(cmd, rc, sig, procs, left)
    text = "\n".join(cmd.out)
    m = re.search(r"^(\d+) of 40 student notebooks written to [^\n]*?(?:: ([s\d, ]+))?$", text, re.M)
    assert m, text
    # the bundles are students/<id>/ (notebook + README.txt, the README written first)
    files = [p for p in (out / "students").rglob("*") if p.is_file() and p.name != "README.txt"]
    written = sorted(p.name for p in files)
    # exactly the finished students' notebooks: no partial file, no answer key. A student whose
    # atomic write finished just as the signal arrived counts as written (the summary says so).
    done = m.group(2).split(", ") if m.group(2) else []
    reported = re.findall(r"\] ok +03_loyalty_(s\d+)\.ipynb", text)
    assert set(reported) <= set(done) and len(done) <= len(reported) + 2
    assert written == sorted(f"03_loyalty_{s}.ipynb" for s in done) and len(done) == int(m.group(1)) < 40
    for p in files:  # every file there is a whole notebook
        assert json.loads(p.read_text(encoding="utf-8"))["cells"]
    assert not (out / "instructor").exists()
    assert "the answer key was NOT written" in text
    started = re.findall(r"start +(s\d+)", text)
    assert started == ids[:len(started)] and len(started) <= len(done) + 2  # two workers
    assert "not started: " + ", ".join(ids[len(started):]) in text
