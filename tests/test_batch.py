"""Batch runs: the one job runner, report file states (stale .failed, failed --force), batch-file errors."""

from __future__ import annotations

import json
import os
import signal

import nbformat
import pytest

from crmlab import CRMDataError, report, runner

# a tiny "case report": fails while a file fail.flag sits in the output folder (the run's cwd)
MINI = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_code_cell('case = "hotpot"\nseed = 1\nlang = "en"\nn_customers = 100',
                              metadata={"tags": ["parameters"]}),
    nbformat.v4.new_code_cell('import os\nif os.path.exists("fail.flag"):\n    raise RuntimeError("flagged")\n'
                              'print("report", case, seed)'),
], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
             "language_info": {"name": "python"}})


@pytest.fixture
def mini(tmp_path):
    path = tmp_path / "mini.ipynb"
    nbformat.write(MINI, str(path))
    return path


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_success_removes_stale_failed(tmp_path, mini):
    out = tmp_path / "out"
    out.mkdir()
    job = report.make_job("hotel", 5, "en", 100)
    (out / "fail.flag").write_text("")
    r = report.run_report(job, out, notebook=mini)
    assert not r.ok and "flagged" in r.error
    assert _files(out) == ["fail.flag", f"{job.stem}.failed.ipynb"]
    (out / "fail.flag").unlink()
    r = report.run_report(job, out, notebook=mini)  # a plain run: the failure is not "up to date"
    assert r.ok and not r.skipped
    assert _files(out) == [f"{job.stem}.html", f"{job.stem}.ipynb"]  # the stale .failed.ipynb is gone


def test_failed_force_leaves_nothing_current(tmp_path, mini):
    out = tmp_path / "out"
    job = report.make_job("retail", 6, "zh", 100)
    assert report.run_report(job, out, notebook=mini).ok
    assert report.run_report(job, out, notebook=mini).skipped  # up to date
    (out / "fail.flag").write_text("")
    r = report.run_report(job, out, force=True, notebook=mini)
    assert not r.ok
    # the older output is gone: only the failure is there, and it does not count as current
    assert _files(out) == ["fail.flag", f"{job.stem}.failed.ipynb"]
    (out / "fail.flag").unlink()
    again = report.run_report(job, out, notebook=mini)
    assert again.ok and not again.skipped and again.seconds > 0


def test_up_to_date_needs_html_last_and_same_parameters(tmp_path, mini):
    out = tmp_path / "out"
    job = report.make_job("airline", 7, "en", 100)
    r = report.run_report(job, out, notebook=mini)
    nb, html = out / f"{job.stem}.ipynb", out / f"{job.stem}.html"
    assert report._up_to_date(job, nb, html, mini)
    # a run stopped after the notebook but before the HTML: the HTML is older than the notebook
    st = nb.stat()
    os.utime(html, ns=(st.st_atime_ns, st.st_mtime_ns - 10**9))
    assert not report._up_to_date(job, nb, html, mini)
    os.utime(html, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert report._up_to_date(job, nb, html, mini)
    # parameters recorded by papermill must be the job's
    data = json.loads(nb.read_text(encoding="utf-8"))
    assert data["metadata"]["papermill"]["parameters"] == job.parameters()
    data["metadata"]["papermill"]["parameters"]["seed"] = 8
    nb.write_text(json.dumps(data), encoding="utf-8")
    os.utime(html, ns=(st.st_atime_ns, nb.stat().st_mtime_ns))
    assert not report._up_to_date(job, nb, html, mini)
    assert r.ok


# ------------------------------------------------------------ run_jobs itself (no notebooks)
def _square(x):
    if x == 3:
        raise ValueError("three")
    if x == 5:
        os._exit(9)  # a worker that dies
    return x * x


def test_run_jobs_order_errors_and_dead_worker(capsys):
    seen = []
    run = runner.run_jobs(_square, [1, 2, 3, 4, 5, 6], 2,
                          on_result=lambda j, r: seen.append(j) or f"got {j}",
                          on_error=lambda j, exc: f"error: {exc}")
    assert run.results == [1, 4, "error: three", 16,
                           "error: the worker process died (exit code 9) while running this job", 36]
    assert run.states == ["done"] * 6 and run.signal is None and run.exit_code is None
    assert sorted(seen) == [1, 2, 3, 4, 5, 6]
    out = capsys.readouterr().out
    assert out.count("start") == 6 and "[6/6] got" in out


def test_run_jobs_raises_without_on_error():
    with pytest.raises(ValueError, match="three"):
        runner.run_jobs(_square, [1, 3, 4], 1, progress=False)


def test_run_jobs_stops_on_signal(tmp_path):
    """A signal to the main process mid-run: the running job is interrupted, the rest never start."""
    import threading
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers need the main thread")
    flag = tmp_path / "started"
    cleaned = []

    def job(i):
        if i == 0:
            os.kill(os.getppid(), signal.SIGTERM)  # as if someone stopped the batch now
            import time
            time.sleep(30)
        flag.with_suffix(f".{i}").write_text("")
        return i

    run = runner.run_jobs(job, [0, 1, 2], 1, progress=False, cleanup=lambda i: cleaned.append(i))
    assert run.signal == signal.SIGTERM and run.exit_code == 143
    assert run.states == ["interrupted", "not started", "not started"]
    assert run.interrupted == [0] and run.not_started == [1, 2] and run.finished() == []
    assert list(tmp_path.iterdir()) == [] and cleaned == [0]


# ------------------------------------------------------------ batch files
def test_batch_duplicate_rows_named(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("case,seed,lang\nhotel,1,en\nretail,2,zh\nHotel, 01 ,en\n")
    with pytest.raises(CRMDataError, match=r"rows 1 and 3 are the same report .*hotel_s1_en_n2000.*Fix: delete row 3"):
        report.read_batch(p)


def test_batch_extra_field_named(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("case,seed,lang\nhotel,1,en\nretail,2,zh,500\n")
    with pytest.raises(CRMDataError, match=r"row 2 has 4 fields but the header has 3 .*extra field\(s\) '500'"):
        report.read_batch(p)


def test_batch_gbk_and_utf16(tmp_path):
    p = tmp_path / "b.csv"
    p.write_bytes("case,seed,lang\nhotel,1,zh\nb2b,2,en\n".encode("utf-16"))
    assert [j.stem for j in report.read_batch(p)] == ["hotel_s1_zh_n2000", "b2b_s2_en_n2000"]
    p.write_bytes("case,seed,lang\n酒店,1,zh\n".encode("gbk"))  # read, then refused by value (row 1, case)
    (job,) = report.read_batch(p)
    assert "row 1, column case: unknown case '酒店'" in job.invalid
