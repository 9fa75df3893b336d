"""``crmlab report --data DIR --mapping FILE``: check the data, then run notebooks/firm_report.ipynb.

The notebook gets only the two paths and the language as papermill parameters
(literals, never code): it reads the mapping itself. The run goes through the
kit's one job runner (:func:`crmlab.runner.run_jobs`) and the kit's one
exporter (an offline HTML report without code).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from crmlab._io import check_text, inside, out_folder
from crmlab.errors import CRMDataError

NOTEBOOK = "notebooks/firm_report.ipynb"


@dataclass
class FirmJob:
    data: str
    mapping: str
    lang: str = "en"

    @property
    def stem(self) -> str:
        return f"firm_report_{self.lang}"

    def parameters(self) -> dict:
        return {"data": self.data, "mapping": self.mapping, "lang": self.lang}


@dataclass
class FirmOutcome:
    ok: bool
    notebook: str = ""
    html: str = ""
    seconds: float = 0.0
    error: str = ""


def make_job(data, mapping, lang="en") -> FirmJob:
    from crmlab.labels import check_lang

    for value, what in ((data, "--data"), (mapping, "--mapping")):
        check_text(str(value), what)
    if not Path(data).is_dir():
        raise CRMDataError(f"--data {str(data)!r} is not a folder. Fix: pass the folder that holds the firm's files.")
    if not Path(mapping).is_file():
        raise CRMDataError(f"--mapping {str(mapping)!r} is not a file. "
                           "Fix: pass the mapping TOML file (crmlab init-mapping DIR writes a starting one).")
    return FirmJob(str(Path(data).resolve()), str(Path(mapping).resolve()), check_lang(lang))


def run_one(job: FirmJob, out_dir, notebook=None) -> FirmOutcome:
    """Execute the report notebook for ``job``; a failing notebook is kept as ``.failed.ipynb``."""
    from crmlab._paths import resource
    from crmlab.report.batch import export_html
    from crmlab.runner import execute

    notebook = Path(notebook) if notebook else resource(NOTEBOOK, what="own-data report notebook")
    nb_path, html_path = inside(out_dir, f"{job.stem}.ipynb"), inside(out_dir, f"{job.stem}.html")
    start = time.perf_counter()
    try:
        execute(notebook, nb_path, job.parameters(), cwd=out_dir)
        export_html(nb_path, html_path)
        return FirmOutcome(True, str(nb_path), str(html_path), time.perf_counter() - start)
    except Exception as exc:  # the notebook's own error line
        lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
        html_path.unlink(missing_ok=True)
        return FirmOutcome(False, error=lines[-1] if lines else type(exc).__name__,
                           seconds=time.perf_counter() - start)


def run_report(data, mapping, lang="en", out="reports", notebook=None, progress: bool = True):
    """Check, then run the report; returns ``(Prepared, FirmOutcome | None, signal)`` (None: not run, data not ready)."""
    from crmlab.firm.checkdata import prepare
    from crmlab.runner import run_jobs

    job = make_job(data, mapping, lang)
    prep = prepare(job.mapping, job.data)
    if not prep.ok:
        return prep, None, 0
    out_dir = out_folder(out)
    run = run_jobs(lambda j: run_one(j, out_dir, notebook), [job], 1, label=lambda j: j.stem, progress=progress,
                   on_error=lambda j, exc: FirmOutcome(False, error=f"{type(exc).__name__}: {exc}"))
    result = run.results[0] if run.results else None
    return prep, result, run.signal
