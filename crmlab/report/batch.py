"""Case reports in batches: jobs, the batch file, one report's run and a batch's run.

``run_report`` / ``run_batch`` execute notebooks/08_case_report.ipynb with
papermill's Python API (:func:`crmlab.runner.execute`, in the kit's one job
runner :func:`crmlab.runner.run_jobs`) and write the executed notebook plus
an HTML report without code cells that opens offline (:func:`export_html`,
the kit's one exporter :func:`crmlab.export.to_html`).
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from crmlab import cases as _cases
from crmlab._io import inside
from crmlab.errors import CRMDataError
from crmlab.export import HIDE_TAG
from crmlab.report.text import LANGS

NOTEBOOK = "notebooks/08_case_report.ipynb"  # found by crmlab._paths.resource (a checkout, else the wheel's copy)
_PACKAGE = Path(__file__).resolve().parents[1]  # crmlab/: a change to any of its files makes a report stale


def export_html(notebook_path, html_path) -> Path:
    """An HTML report that opens offline: no code, no cells tagged ``report-hide``; written atomically."""
    from crmlab.export import to_html

    return to_html(notebook_path, html_path, hide_code=True, drop_tags=(HIDE_TAG,))


# ------------------------------------------------------------ running
@dataclass
class Job:
    case: str
    seed: int = 42
    lang: str = "en"
    n_customers: int = 2000
    row: int | None = None  # batch file row (1 = first data row)
    invalid: str = ""  # why the batch row cannot run (reported as a failure, the others still run)

    @property
    def stem(self) -> str:
        """The file name stem of this job's outputs, from checked values only (build jobs with :func:`make_job`)."""
        if self.invalid:
            return f"row{self.row:d}_invalid" if isinstance(self.row, int) else "row_invalid"
        ok = (self.case in _cases.CASES and self.lang in LANGS
              and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (self.seed, self.n_customers)))
        if not ok:
            raise CRMDataError(f"Job: case={self.case!r}, seed={self.seed!r}, lang={self.lang!r}, "
                               f"n_customers={self.n_customers!r} are not checked report parameters. "
                               "Fix: build the job with crmlab.report.make_job(case, seed, lang, n_customers).")
        return f"{self.case}_s{self.seed}_{self.lang}_n{self.n_customers}"

    def parameters(self) -> dict:
        return {"case": self.case, "seed": self.seed, "lang": self.lang, "n_customers": self.n_customers}


@dataclass
class Outcome:
    job: Job
    ok: bool
    notebook: str = ""
    html: str = ""
    seconds: float = 0.0
    skipped: bool = False
    error: str = ""
    timings: dict = field(default_factory=dict)
    state: str = ""  # "interrupted" or "not started" when a signal stopped the batch


def _whole_number(value, name: str, minimum: int, maximum: int | None = None) -> int:
    """A whole number from code (an int) or from text (a CSV cell or the command line: digits only)."""
    from crmlab.validate import require_int

    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]{1,12}", text):
            bound = f"{minimum}" + (f" to {maximum}" if maximum is not None else " or more")
            raise CRMDataError(f"{name}={value!r} is not a whole number ({bound}). Fix: write digits only, "
                               f"e.g. {name}={max(minimum, 1) if name != 'n_customers' else 2000}.")
        value = int(text)
    return require_int(value, name, minimum=minimum, maximum=maximum)


def make_job(case, seed=42, lang="en", n_customers=2000, row: int | None = None) -> Job:
    """Validate one report's parameters (CRMDataError names the row and the column).

    ``case`` must be one of :data:`crmlab.cases.CASES`, ``lang`` one of
    :data:`LANGS`, ``seed`` a whole number >= 0 and ``n_customers`` one from
    100 to 200000 (ints, or digits as text from a CSV or the command line).
    Only these checked values reach the notebook's parameters and file names.
    """
    where = f"row {row}, " if row is not None else ""

    def fail(col, msg):
        raise CRMDataError(f"{where}column {col}: {msg}")

    from crmlab._io import check_text

    for col, value in (("case", case), ("lang", lang)):
        if isinstance(value, str):
            check_text(value, f"{where}column {col}", fix=f"write the {col} without line breaks or control characters")
    case_s = case.strip().lower() if isinstance(case, str) else None
    if case_s not in _cases.CASES:
        fail("case", f"unknown case {case!r}. Fix: choose one of {', '.join(_cases.CASES)}.")
    lang_s = lang.strip().lower() if isinstance(lang, str) else None
    if lang_s not in LANGS:
        fail("lang", f"must be 'en' or 'zh', got {lang!r}. Fix: use lang=en or lang=zh.")
    try:
        seed_i = _whole_number(seed, "seed", 0)
        n_i = _whole_number(n_customers, "n_customers", 100, 200_000)
    except CRMDataError as exc:
        col = "seed" if str(exc).startswith("seed") else "n_customers"
        fail(col, str(exc))
    return Job(case_s, seed_i, lang_s, n_i, row)


BATCH_COLUMNS = ("case", "seed", "lang", "n_customers")


def read_batch(path) -> list[Job]:
    """Read a batch CSV (columns case, seed, lang, optional n_customers); one job a row.

    The file may be UTF-8 (with or without BOM), UTF-16 or GBK (``crmlab._io.read_text``).
    An unreadable file, a wrong header, a row with more fields than the header
    or two rows for the same report (same output files) raise CRMDataError
    naming the row(s); a row with a bad value becomes an ``invalid`` job (row
    and column in the reason) so the other rows still run and the batch
    reports it as failed.
    """
    import io

    from crmlab._io import read_text

    path = Path(path)
    text = read_text(path, "batch file")
    where = f"batch file {str(path)!r}"
    reader = csv.DictReader(io.StringIO(text), restkey="\0extra")
    cols = [(c or "").strip() for c in (reader.fieldnames or [])]
    if "case" not in cols:
        raise CRMDataError(f"{where}: needs a 'case' column (found: {', '.join(map(repr, cols)) or 'nothing'}). "
                           f"Fix: make the first line the header {','.join(BATCH_COLUMNS)}.")
    unknown = [c for c in cols if c not in BATCH_COLUMNS]
    if unknown:
        raise CRMDataError(f"{where}: unknown column(s) {', '.join(map(repr, unknown))}. "
                           f"Fix: use only the columns {', '.join(BATCH_COLUMNS)} (n_customers may be left out).")
    twice = sorted({c for c in cols if cols.count(c) > 1})
    if twice:
        raise CRMDataError(f"{where}: column(s) {', '.join(map(repr, twice))} appear twice in the header. "
                           "Fix: keep one column of each name.")
    jobs, first_row = [], {}
    for i, raw in enumerate(reader, start=1):
        extra = [v for v in raw.pop("\0extra", []) if (v or "").strip()]
        r = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if extra:
            raise CRMDataError(f"{where}: row {i} has {len(cols) + len(extra)} fields but the header has "
                               f"{len(cols)} ({', '.join(cols)}); extra field(s) {', '.join(map(repr, extra[:5]))}. "
                               "Fix: remove the extra values or add their column to the header "
                               f"(allowed: {', '.join(BATCH_COLUMNS)}); a comma inside a value needs quotes.")
        if not any(r.values()):
            continue
        kw = {k: v for k, v in r.items() if v != "" and k != "case"}
        try:
            job = make_job(r.get("case", ""), row=i, **kw)
        except CRMDataError as exc:
            jobs.append(Job(r.get("case", "") or "?", str(r.get("seed", "")), r.get("lang", ""),
                            r.get("n_customers", ""), row=i, invalid=f"CRMDataError: {exc}"))
            continue
        if job.stem in first_row:
            raise CRMDataError(f"{where}: rows {first_row[job.stem]} and {i} are the same report "
                               f"(case {job.case}, seed {job.seed}, lang {job.lang}, n_customers {job.n_customers}; "
                               f"both would write {job.stem}.ipynb). Fix: delete row {i} or change its "
                               "seed, lang or n_customers.")
        first_row[job.stem] = i
        jobs.append(job)
    if not jobs:
        raise CRMDataError(f"{where}: no rows. Fix: add one line per report under the header, "
                           "e.g. hotel,1,en")
    return jobs


def _up_to_date(job: Job, nb: Path, html: Path, notebook: Path) -> bool:
    """The report's outputs are current: a finished run of these parameters, newer than the kit.

    The HTML is written last, so a run that stopped or failed after the
    notebook was written leaves an HTML older than the notebook (or none);
    a failed run removes both and leaves ``.failed.ipynb``. The parameters
    papermill recorded in the notebook must be the job's.
    """
    import json

    failed = nb.with_name(nb.stem + ".failed.ipynb")
    if not (nb.is_file() and html.is_file()) or failed.exists():
        return False
    nb_t, html_t = nb.stat().st_mtime_ns, html.stat().st_mtime_ns
    newest_src = max(notebook.stat().st_mtime_ns, *(p.stat().st_mtime_ns for p in _PACKAGE.rglob("*.py")))
    if html_t < nb_t or nb_t < newest_src:
        return False
    try:
        meta = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["papermill"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return meta.get("parameters") == job.parameters() and not meta.get("exception")


def _cleanup_partial(job: Job, out_dir) -> None:
    """An interrupted report: remove its temporary files (the outputs of an earlier run stay as they were)."""
    from crmlab.runner import remove_partial

    remove_partial(out_dir, job.stem)


def run_report(job: Job, out_dir, force: bool = False, notebook=None) -> Outcome:
    """Execute the case report for one job; never raises for a failing notebook.

    Success writes ``<stem>.ipynb`` then ``<stem>.html`` (last) and removes a
    stale ``<stem>.failed.ipynb``. Failure leaves ``<stem>.failed.ipynb`` and
    removes the outputs of an earlier run, so nothing looks current and the
    next plain run runs it again.
    """
    from crmlab.runner import execute

    from crmlab._paths import resource

    notebook = Path(notebook) if notebook else resource(NOTEBOOK, what="case report notebook")
    out_dir = Path(out_dir)
    nb_path, html_path = inside(out_dir, f"{job.stem}.ipynb"), inside(out_dir, f"{job.stem}.html")
    failed = nb_path.with_name(nb_path.stem + ".failed.ipynb")
    start = time.perf_counter()
    if job.invalid:
        return Outcome(job, False, error=job.invalid)
    if not force and _up_to_date(job, nb_path, html_path, notebook):
        return Outcome(job, True, str(nb_path), str(html_path), 0.0, skipped=True)
    timings = {}
    executed = False
    try:
        t = time.perf_counter()
        execute(notebook, nb_path, job.parameters(), cwd=out_dir)
        executed = True
        timings["execute"] = time.perf_counter() - t
        t = time.perf_counter()
        export_html(nb_path, html_path)
        timings["html"] = time.perf_counter() - t
        failed.unlink(missing_ok=True)  # an older failure of this report is history now
        return Outcome(job, True, str(nb_path), str(html_path), time.perf_counter() - start, timings=timings)
    except Exception as exc:
        msg = str(exc).strip().splitlines()
        reason = f"{type(exc).__name__}: {msg[-1] if msg else ''}"
        for line in reversed(msg):  # papermill: show the notebook's own error line
            if re.match(r"^\w*(Error|Exception)\b", line.strip()):
                reason = line.strip()
                break
        # nothing of an earlier run may look current after this failure
        if executed and nb_path.exists():
            nb_path.replace(failed)  # executed, but the HTML failed: keep it for debugging
        nb_path.unlink(missing_ok=True)
        html_path.unlink(missing_ok=True)
        return Outcome(job, False, str(failed) if failed.exists() else "", "", time.perf_counter() - start,
                       error=reason, timings=timings)


def _status(r: Outcome) -> str:
    return r.state or ("skipped" if r.skipped else ("ok" if r.ok else "FAILED"))


def _progress_line(job: Job, r: Outcome) -> str:
    return f"{_status(r):8s}{job.stem:34s} {r.seconds:5.1f} s{'  ' + r.error if r.error else ''}"


def run_batch(jobs: list[Job], out_dir, n_jobs: int = 2, force: bool = False, progress: bool = True,
              notebook=None):
    """Run many reports with :func:`crmlab.runner.run_jobs`; one failure does not stop the others.

    Returns one :class:`Outcome` per job, in the jobs' order (a
    :class:`crmlab.runner.Results` list). After SIGINT/SIGTERM the jobs that
    were running have ``state`` "interrupted" (their temporary files removed,
    earlier outputs untouched), the queued ones "not started", and the
    list's ``signal`` is set.
    """
    from crmlab.runner import Results, run_jobs

    out_dir = Path(out_dir)
    nb = str(notebook) if notebook else None
    todo = [j for j in jobs if not j.invalid]
    run = run_jobs(lambda j: run_report(j, out_dir, force, nb), todo, n_jobs, on_result=_progress_line,
                   label=lambda j: j.stem, progress=progress, cleanup=lambda j: _cleanup_partial(j, out_dir),
                   on_error=lambda j, exc: Outcome(j, False, error=f"{type(exc).__name__}: {exc}"))
    by_job = {id(j): (r if s == "done" else Outcome(j, False, state=s))
              for j, r, s in zip(todo, run.results, run.states)}
    out = Results(by_job[id(j)] if id(j) in by_job else Outcome(j, False, error=j.invalid) for j in jobs)
    out.signal = run.signal
    return out


def summary_table(results: list[Outcome]) -> str:
    lines = [f"{'status':11s} {'report':34s} {'seconds':>7s}  detail"]
    for r in results:
        if r.state == "interrupted":
            detail = "stopped while running; its temporary files were removed"
        elif r.state:
            detail = "stopped before it started"
        else:
            detail = r.html if r.ok else f"{r.error}  (notebook: {r.notebook or 'none'})"
        lines.append(f"{_status(r):11s} {r.job.stem:34s} {r.seconds:7.1f}  {detail}")
    n_int = sum(r.state == "interrupted" for r in results)
    n_not = sum(r.state == "not started" for r in results)
    n_fail = sum(not r.ok and not r.state for r in results)
    n_ok = sum(r.ok for r in results)
    tail = f"{n_ok} ok, {n_fail} failed"
    if n_int or n_not:
        tail += f", {n_int} interrupted, {n_not} not started"
    lines.append(tail)
    return "\n".join(lines)
