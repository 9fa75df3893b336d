"""Run notebooks headless, and the kit's one job runner (process pool, progress lines, signals).

``run_jobs(fn, jobs, n_jobs, on_result)`` runs ``fn(job)`` for every job in
worker processes and is used by ``crmlab run``, ``crmlab report`` (one or a
batch), ``crmlab assign`` and ``crmlab grade``. The workers use papermill's Python API: its CLI
spends seconds importing before it starts (TOOLCHAIN_NOTES).

Stopping (SIGTERM, or Ctrl-C = SIGINT): the main process stops handing out
jobs, tells every worker to stop; a worker kills its kernels (papermill's
kernel subprocesses, which jupyter_client starts in their own session, so a
signal to the worker alone would not reach them), removes the files its
job had half written and exits. A worker that does not exit within
``STOP_GRACE`` seconds is killed with its whole process tree. Workers sit
in their own process group and ignore SIGINT, so a Ctrl-C in the terminal
reaches only the main process, which decides. The caller gets a
:class:`JobsRun` saying which jobs finished, which were interrupted and
which never started, and exits 128 + the signal (130 for Ctrl-C, 143 for
SIGTERM).
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from crmlab._io import PARTIAL, atomic_path, atomic_write_text

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
STOP_GRACE = 2.0  # seconds a worker gets to kill its kernels and exit before it is killed
_POLL = 0.2  # seconds: how often the main process checks for a stop request while it waits


def exit_code(signum: int) -> int:
    """The shell's exit code for a run stopped by ``signum``: 130 (SIGINT), 143 (SIGTERM)."""
    return 128 + int(signum)


def signal_name(signum: int) -> str:
    return signal.Signals(signum).name


class Stopped(BaseException):
    """SIGINT/SIGTERM stopped a command; ``summary`` says what finished (printed by the CLI).

    A BaseException like KeyboardInterrupt, so no ``except Exception`` swallows it.
    """

    def __init__(self, signum: int, summary: str = ""):
        super().__init__(signum, summary)
        self.signum = int(signum)
        self.summary = summary

    @property
    def exit_code(self) -> int:
        return exit_code(self.signum)


@contextlib.contextmanager
def stop_on_signals():
    """While inside: SIGINT/SIGTERM raise :class:`Stopped` (the CLI turns it into exit 130/143).

    :func:`run_jobs` replaces these handlers while it runs (it stops its
    workers first). Does nothing outside the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_stopped(signum, frame):
        raise Stopped(signum)

    old = {s: signal.signal(s, raise_stopped) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


# ---------------------------------------------------------------- processes (Linux /proc)
def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a live process, None if it is gone or a zombie."""
    if not os.path.isdir("/proc"):
        try:
            import psutil

            p = psutil.Process(pid)
            return (None if p.status() == psutil.STATUS_ZOMBIE else (p.ppid(), int(p.create_time() * 100)))
        except Exception:
            return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            rest = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if rest[0] == b"Z":
        return None
    return int(rest[1]), int(rest[19])


def descendants(pid: int) -> list[tuple[int, int]]:
    """Every live process below ``pid`` (children, grandchildren, ...) as (pid, start time)."""
    if not os.path.isdir("/proc"):  # not Linux (macOS): psutil, which ipykernel's IPython brings
        try:
            import psutil

            return [(p.pid, int(p.create_time() * 100)) for p in psutil.Process(pid).children(recursive=True)]
        except Exception:
            return []
    kids: dict[int, list[tuple[int, int]]] = collections.defaultdict(list)
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = _stat(int(name))
            if st:
                kids[st[0]].append((int(name), st[1]))
    out, todo = [], [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            out.append(child)
            todo.append(child[0])
    return out


def _kernel_connection_file(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            args = fh.read().decode(errors="replace").split("\0")
    except OSError:
        return None
    for a, b in zip(args, args[1:] + [""]):
        if a == "-f" and b.endswith(".json") and Path(b).name.startswith("kernel-"):
            return b
    return None


def kill_tree(procs: list[tuple[int, int]]) -> None:
    """SIGKILL the given (pid, start time) processes that are still the same processes.

    Kernel connection files (``kernel-*.json`` of a killed ipykernel) are removed too.
    """
    for pid, start in procs:
        st = _stat(pid)
        if st is None or st[1] != start:  # gone, or the pid now belongs to another process
            continue
        conn_file = _kernel_connection_file(pid)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        if conn_file:
            with contextlib.suppress(OSError):
                os.unlink(conn_file)


def _worker_stop(signum, frame):
    """SIGTERM in a worker: kill its kernels, remove its half-written files, exit at once."""
    try:
        kids = descendants(os.getpid())
        kill_tree(kids)
        for path in list(PARTIAL):  # crmlab._io.atomic_path's temporary files
            with contextlib.suppress(OSError):
                os.unlink(path)
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:  # reap the killed kernels (no zombies left behind)
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                time.sleep(0.02)
    finally:
        os._exit(exit_code(signum))


def _worker_main(conn, fn, jobs) -> None:
    os.setpgid(0, 0)  # own process group: a Ctrl-C in the terminal goes to the main process only
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    while True:
        try:
            i = conn.recv()
        except (EOFError, OSError):
            break
        if i is None:
            break
        try:
            reply = (i, "ok", fn(jobs[i]))
        except Exception as exc:  # reported to the main process; one failure does not stop the worker
            reply = (i, "error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # the result or the exception could not be pickled
            from crmlab.errors import CRMDataError

            conn.send((i, "error", CRMDataError(f"{type(reply[2]).__name__}: {reply[2]} "
                                                f"(could not be sent back: {exc})")))
    conn.close()


# ---------------------------------------------------------------- the runner
@dataclass
class JobsRun:
    """What :func:`run_jobs` did: one state per job, in the jobs' order."""

    jobs: list
    results: list  # fn's result per job; None where the job did not finish
    states: list[str]  # "done", "interrupted" (running when the stop came) or "not started"
    signal: int | None = None  # the signal that stopped the run

    def finished(self) -> list:
        return [r for r, s in zip(self.results, self.states) if s == "done"]

    @property
    def interrupted(self) -> list:
        return [j for j, s in zip(self.jobs, self.states) if s == "interrupted"]

    @property
    def not_started(self) -> list:
        return [j for j, s in zip(self.jobs, self.states) if s == "not started"]

    @property
    def exit_code(self) -> int | None:
        return None if self.signal is None else exit_code(self.signal)


class Results(list):
    """A list of per-job outcomes that also remembers the signal that stopped the run (or None)."""

    signal: int | None = None

    @property
    def exit_code(self) -> int | None:
        return None if self.signal is None else exit_code(self.signal)


def run_jobs(fn, jobs, n_jobs: int = 2, on_result=None, *, label=str, progress: bool = True,
             on_error=None, cleanup=None) -> JobsRun:
    """Run ``fn(job)`` for every job in ``n_jobs`` worker processes; stop cleanly on SIGINT/SIGTERM.

    on_result(job, result) -> str | None: the progress line for a finished job
        (default: "done <label>"); printed as "[k/n] <line>" unless ``progress`` is False.
    on_error(job, exc) -> result: what a job whose ``fn`` raised (or whose worker died)
        counts as; without it the run stops and the exception is raised.
    cleanup(job): called in the main process for each interrupted job (remove its partial files).

    Workers are forked (``fn`` and ``jobs`` need not be picklable; results must be).
    On SIGINT/SIGTERM no job is started any more, every worker and kernel is
    stopped (see the module docstring) and the returned :class:`JobsRun`
    carries the signal; the caller prints its summary and exits
    :func:`exit_code`.

    Parameters
    ----------
    fn : callable
        ``fn(job) -> result``, run in a worker process.
    jobs : sequence
        The jobs, in the order of the results.
    n_jobs : int, default 2
        Worker processes at once.
    on_result : callable, optional
        ``on_result(job, result) -> str | None``: the progress line of a finished job.
    label : callable, default str
        ``label(job) -> str``: the job's name in progress lines and summaries.
    progress : bool, default True
        Print progress lines.
    on_error : callable, optional
        ``on_error(job, exc) -> result`` for a job that raised.
    cleanup : callable, optional
        ``cleanup(job)`` for each interrupted job.
    """
    jobs = list(jobs)
    n = len(jobs)
    results: list = [None] * n
    states = ["not started"] * n
    run = JobsRun(jobs, results, states)
    if not n:
        return run
    if "fork" not in multiprocessing.get_all_start_methods():  # Windows: one job at a time, in this process
        return _run_here(fn, run, on_result, label, progress, on_error, cleanup)
    out = sys.stdout
    stop: list[int] = []
    raise_later: list[BaseException] = []
    in_main = threading.current_thread() is threading.main_thread()

    def request_stop(signum, frame):
        if not stop:
            stop.append(signum)

    old = {s: signal.signal(s, request_stop) for s in STOP_SIGNALS} if in_main else {}
    ctx = multiprocessing.get_context("fork")
    workers: dict = {}  # parent end of the pipe -> [process, index of its job or None]
    queue = collections.deque(range(n))
    started = done = 0

    def say(line: str) -> None:
        if progress:
            print(line, file=out, flush=True)

    def spawn() -> None:
        parent, child = ctx.Pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        # a stop signal must not reach the new worker before it has its own handlers
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            proc = ctx.Process(target=_worker_main, args=(child, fn, jobs), name="crmlab-worker")
            proc.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        child.close()
        workers[parent] = [proc, None]

    def finish(i: int, kind: str, value) -> None:
        nonlocal done
        if kind == "error":
            if on_error is None:
                if not raise_later:
                    raise_later.append(value)
                states[i] = "interrupted"
                return
            value = on_error(jobs[i], value)
        results[i], states[i] = value, "done"
        done += 1
        line = on_result(jobs[i], value) if on_result else f"done    {label(jobs[i])}"
        if line:
            say(f"[{done}/{n}] {line}")

    def receive(conn) -> bool:
        try:
            i, kind, value = conn.recv()
        except (EOFError, OSError):
            return False
        workers[conn][1] = None
        finish(i, kind, value)
        return True

    try:
        for _ in range(min(max(1, n_jobs), n)):
            spawn()
        while True:
            if not stop and not raise_later:
                for conn, w in workers.items():
                    if w[1] is None and queue:
                        i = queue.popleft()
                        conn.send(i)
                        w[1], states[i] = i, "interrupted"  # until its result comes
                        started += 1
                        say(f"[{started}/{n}] start   {label(jobs[i])}")
            busy = [c for c, w in workers.items() if w[1] is not None]
            if stop or raise_later or (not busy and not queue):
                break
            sentinels = {w[0].sentinel: c for c, w in workers.items()}
            ready = multiprocessing.connection.wait(list(workers) + list(sentinels), timeout=_POLL)
            for obj in ready:  # results first: a worker may have answered and then died
                if obj in workers:
                    receive(obj)
            for obj in ready:
                conn = sentinels.get(obj)
                if conn is None or conn not in workers:
                    continue
                while conn.poll() and receive(conn):
                    pass
                proc, i = workers.pop(conn)
                proc.join(0.1)
                conn.close()
                if i is not None:
                    from crmlab.errors import CRMDataError

                    finish(i, "error", CRMDataError(f"the worker process died (exit code {proc.exitcode}) "
                                                    "while running this job"))
                if queue and not stop:
                    spawn()
    finally:
        # results that arrived while we were deciding to stop still count
        for conn, w in list(workers.items()):
            while w[1] is not None and conn.poll(0) and receive(conn):
                pass
        busy = sum(w[1] is not None for w in workers.values())
        if stop:
            print(f"crmlab: {signal_name(stop[0])} received: stopping {busy} running job(s); "
                  f"{len(queue)} not started", file=sys.stderr, flush=True)
        _shutdown(workers, graceful=not (stop or raise_later or busy))
        for i, s in enumerate(states):
            if s == "interrupted" and cleanup is not None:
                with contextlib.suppress(Exception):
                    cleanup(jobs[i])
        for s, h in old.items():
            signal.signal(s, h)
    if stop:
        run.signal = stop[0]
    if raise_later:
        raise raise_later[0]
    return run


def _run_here(fn, run: JobsRun, on_result, label, progress, on_error, cleanup) -> JobsRun:
    """run_jobs without worker processes (no fork): a signal interrupts the running job itself."""
    n = len(run.jobs)
    with stop_on_signals():
        for i, job in enumerate(run.jobs):
            if progress:
                print(f"[{i + 1}/{n}] start   {label(job)}", flush=True)
            run.states[i] = "interrupted"
            try:
                res = fn(job)
            except (Stopped, KeyboardInterrupt) as exc:
                run.signal = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
                if cleanup is not None:
                    with contextlib.suppress(Exception):
                        cleanup(job)
                return run
            except Exception as exc:
                if on_error is None:
                    raise
                res = on_error(job, exc)
            run.results[i], run.states[i] = res, "done"
            line = on_result(job, res) if on_result else f"done    {label(job)}"
            if line and progress:
                print(f"[{i + 1}/{n}] {line}", flush=True)
    return run


def _shutdown(workers: dict, graceful: bool) -> None:
    """End every worker: politely when all is done, else SIGTERM, then SIGKILL of the whole tree."""
    if graceful:
        for conn, (proc, _) in workers.items():
            with contextlib.suppress(OSError):
                conn.send(None)
        for conn, (proc, _) in workers.items():
            proc.join(10)
    trees = {conn: descendants(proc.pid) for conn, (proc, _) in workers.items() if proc.is_alive()}
    for conn, (proc, _) in workers.items():
        if proc.is_alive():
            with contextlib.suppress(OSError):
                os.kill(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE
    for conn, (proc, _) in workers.items():
        proc.join(max(0.0, deadline - time.monotonic()))
    for conn, (proc, _) in workers.items():
        if proc.is_alive():  # stuck: kill it and everything it started
            kill_tree(trees.get(conn, []))
            proc.kill()
            proc.join(1)
        else:
            kill_tree(trees.get(conn, []))  # anything the worker left behind
        conn.close()


# ---------------------------------------------------------------- notebooks
@dataclass(frozen=True)
class RunResult:
    notebook: str
    executed: str | None
    html: str | None
    ok: bool
    seconds: float
    error: str = ""
    state: str = ""  # "interrupted" or "not started" when a signal stopped the run


def execute(input_path: str | Path, output_path: str | Path, parameters: dict | None = None,
            cwd: str | Path | None = None) -> Path:
    """Execute a notebook with papermill; the output appears atomically.

    A failing notebook is kept as ``<stem>.failed.ipynb`` next to the target
    (for debugging), never as the target. An interrupted run (Ctrl-C,
    SIGTERM) leaves nothing: it is not a failure of the notebook.
    """
    import papermill as pm

    from crmlab._kernel import PAPERMILL_KW  # polls the kernel in slices: no missed reply (see there)

    output_path = Path(output_path)
    failed = output_path.with_name(output_path.stem + ".failed.ipynb")
    with atomic_path(output_path, suffix=".ipynb", keep_failed=failed) as tmp:
        pm.execute_notebook(str(input_path), str(tmp), parameters=parameters or {}, kernel_name="python3",
                            progress_bar=False, cwd=str(cwd or Path(input_path).parent), log_output=False,
                            # the kernel process logs to our terminal; its start-up warning and the
                            # "KeyboardInterrupt caught" at shutdown are noise to a report reader
                            extra_arguments=["--log-level=CRITICAL"], **PAPERMILL_KW)
    return output_path


def to_html(notebook_path: str | Path, html_path: str | Path, exclude_input: bool = False) -> Path:
    """Export an executed notebook to HTML that opens offline (atomically): :func:`crmlab.export.to_html`."""
    from crmlab.export import to_html as export

    return export(notebook_path, html_path, hide_code=exclude_input)


def remove_partial(folder: str | Path, stem: str) -> None:
    """Remove the temporary files (``.<stem>.*``) a stopped job left in ``folder``."""
    for p in Path(folder).glob(f".{stem}.*"):
        with contextlib.suppress(OSError):
            p.unlink()


def _outputs(nb_path: str, out_dir: str) -> tuple[Path, Path]:
    name = Path(nb_path).stem
    return Path(out_dir) / "notebooks" / f"{name}.ipynb", Path(out_dir) / "html" / f"{name}.html"


def _run_one(nb_path: str, out_dir: str, parameters: dict | None) -> RunResult:
    start = time.perf_counter()
    executed, html = _outputs(nb_path, out_dir)
    try:
        execute(nb_path, executed, parameters)
        to_html(executed, html)
        executed.with_name(executed.stem + ".failed.ipynb").unlink(missing_ok=True)  # stale failure
        return RunResult(nb_path, str(executed), str(html), True, time.perf_counter() - start)
    except Exception as exc:  # one failure must not stop the others
        html.unlink(missing_ok=True)  # an older copy must not pass for this run's result
        return RunResult(nb_path, None, None, False, time.perf_counter() - start,
                         f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}")


def teaching_notebooks(root: str | Path | None = None) -> list[Path]:
    """``notebooks/NN_*.ipynb`` of the kit (:func:`crmlab._paths.kit_root`); none is a CRMDataError naming --root."""
    from crmlab._paths import kit_files

    return kit_files("notebooks", "[0-9][0-9]_*.ipynb", root, "teaching notebooks")


def _run_line(nb: str, r: RunResult) -> str:
    return f"{'ok    ' if r.ok else 'FAILED'} {Path(nb).name:32s} {r.seconds:5.1f} s  {r.html or r.error}"


def run_all(root: str | Path | None = None, out_dir: str | Path = "build", jobs: int = 2,
            parameters: dict | None = None, progress: bool = True) -> Results:
    """Execute every teaching notebook and write ``out_dir/html/NN_topic.html``.

    Returns one :class:`RunResult` per notebook (sorted by name); after a
    SIGINT/SIGTERM the unfinished ones have ``state`` "interrupted" or "not
    started" and the list's ``signal`` is set.
    """
    nbs = [str(p) for p in teaching_notebooks(root)]

    def cleanup(nb: str) -> None:
        for p in _outputs(nb, str(out_dir)):
            remove_partial(p.parent, Path(nb).stem)

    run = run_jobs(lambda nb: _run_one(nb, str(out_dir), parameters), nbs, jobs, on_result=_run_line,
                   label=lambda nb: Path(nb).name, progress=progress, cleanup=cleanup,
                   on_error=lambda nb, exc: RunResult(nb, None, None, False, 0.0, f"{type(exc).__name__}: {exc}"))
    out = Results(r if s == "done" else RunResult(nb, None, None, False, 0.0, state=s)
                  for nb, r, s in zip(nbs, run.results, run.states))
    out.signal = run.signal
    return out


def execute_in_place(path: str | Path, timeout: int = 600) -> Path:
    """Execute a notebook top to bottom in a fresh kernel and save it with its outputs.

    This is how committed notebooks are produced: nbval then replays them.
    Cell ids are dropped and metadata kept minimal so diffs stay readable.
    """
    import nbformat
    from nbclient import NotebookClient

    from crmlab.errors import CRMDataError

    path = Path(path)
    if not path.is_file():
        raise CRMDataError(f"execute: {str(path)!r} is {'a folder' if path.is_dir() else 'not there'}, "
                           "not a notebook file. Fix: give the path of an .ipynb file, "
                           "e.g. notebooks/01_satisfaction.ipynb.")
    nb = nbformat.read(str(path), as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        cell.pop("id", None)
        cell.metadata.pop("execution", None)
    nb.nbformat_minor = 4
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    atomic_write_text(path, nbformat.writes(nb) + "\n")
    return path
