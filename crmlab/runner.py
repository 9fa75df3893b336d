"""Run notebooks headless with papermill's Python API and export HTML.

Used by ``crmlab run`` (every teaching notebook at default parameters) and
the report commands. Batch runs use a process pool: papermill's CLI spends
seconds importing before it starts, the API does not (TOOLCHAIN_NOTES).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from crmlab._io import apply_umask_mode, atomic_write_text


@dataclass(frozen=True)
class RunResult:
    notebook: str
    executed: str | None
    html: str | None
    ok: bool
    seconds: float
    error: str = ""


def execute(input_path: str | Path, output_path: str | Path, parameters: dict | None = None,
            cwd: str | Path | None = None) -> Path:
    """Execute a notebook with papermill; the output appears atomically."""
    import papermill as pm

    from crmlab._kernel import PAPERMILL_KW  # polls the kernel in slices: no missed reply (see there)

    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output_path.stem}.", suffix=".ipynb", dir=output_path.parent)
    apply_umask_mode(fd, like=output_path)  # the usual 0666 & ~umask, not mkstemp's 0600
    os.close(fd)
    try:
        pm.execute_notebook(str(input_path), tmp, parameters=parameters or {}, kernel_name="python3",
                            progress_bar=False, cwd=str(cwd or Path(input_path).parent), log_output=False,
                            # the kernel process logs to our terminal; its start-up warning and the
                            # "KeyboardInterrupt caught" at shutdown are noise to a report reader
                            extra_arguments=["--log-level=CRITICAL"], **PAPERMILL_KW)
        os.replace(tmp, output_path)
    except BaseException:
        # keep the partly executed notebook for debugging, next to the target, never as the target
        failed = output_path.with_name(output_path.stem + ".failed.ipynb")
        if Path(tmp).exists():
            os.replace(tmp, failed)
        raise
    return output_path


def to_html(notebook_path: str | Path, html_path: str | Path, exclude_input: bool = False) -> Path:
    """Export an executed notebook to HTML (atomically)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=exclude_input,
                            exclude_input_prompt=exclude_input, exclude_output_prompt=exclude_input)
    nb = nbformat.read(str(notebook_path), as_version=4)
    body, _ = exporter.from_notebook_node(nb)
    return atomic_write_text(html_path, body)


def _run_one(nb_path: str, out_dir: str, parameters: dict | None) -> RunResult:
    start = time.perf_counter()
    name = Path(nb_path).stem
    executed = Path(out_dir) / "notebooks" / f"{name}.ipynb"
    html = Path(out_dir) / "html" / f"{name}.html"
    try:
        execute(nb_path, executed, parameters)
        to_html(executed, html)
        return RunResult(nb_path, str(executed), str(html), True, time.perf_counter() - start)
    except Exception as exc:  # one failure must not stop the others
        return RunResult(nb_path, None, None, False, time.perf_counter() - start,
                         f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}")


def teaching_notebooks(root: str | Path = ".") -> list[Path]:
    return sorted((Path(root) / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def run_all(root: str | Path = ".", out_dir: str | Path = "build", jobs: int = 2,
            parameters: dict | None = None) -> list[RunResult]:
    """Execute every teaching notebook and write ``out_dir/html/NN_topic.html``."""
    nbs = teaching_notebooks(root)
    if not nbs:
        print(f"no notebooks found under {Path(root).resolve() / 'notebooks'}", file=sys.stderr)
        return []
    results = []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(_run_one, str(nb), str(out_dir), parameters) for nb in nbs]
        for fut in as_completed(futures):
            r = fut.result()
            mark = "ok    " if r.ok else "FAILED"
            print(f"{mark} {Path(r.notebook).name:32s} {r.seconds:5.1f} s  {r.html or r.error}", flush=True)
            results.append(r)
    return sorted(results, key=lambda r: r.notebook)


def execute_in_place(path: str | Path, timeout: int = 600) -> Path:
    """Execute a notebook top to bottom in a fresh kernel and save it with its outputs.

    This is how committed notebooks are produced: nbval then replays them.
    Cell ids are dropped and metadata kept minimal so diffs stay readable.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
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
