"""The kit's one HTML exporter (crmlab run and crmlab report) and the one atomic-write helper."""

from __future__ import annotations

import os
import re
import stat

import nbformat
import pytest

from crmlab import CRMDataError, _io, export, report, runner
from tests.nbtools import ROOT

# a resource the page would load by itself from the web (a link to click, <a href>, is fine)
LOADS_FROM_WEB = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*['\"]?"
                            r"(?:https?:)?//|url\(\s*['\"]?(?:https?:)?//|@import\s+['\"](?:https?:)?//", re.I)
PAYLOAD = "<script>alert(1)</script>"


def _report_like(path):
    """A small executed 'report': a note tagged report-hide, a code cell with output, a sentence with user text."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("NOTE FOR THE NOTEBOOK USER", metadata={"tags": [export.HIDE_TAG]}),
        nbformat.v4.new_code_cell("secret_code_line = 41 + 1\nprint(secret_code_line)", execution_count=1,
                                  outputs=[nbformat.v4.new_output("stream", name="stdout", text=f"42 {PAYLOAD}\n")]),
        nbformat.v4.new_markdown_cell(f"Weakest segment: {report.md(PAYLOAD + ' [x](javascript:alert(2))')}."),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, str(path))
    return path


@pytest.fixture(scope="module")
def teaching_html(tmp_path_factory):
    """A committed, executed teaching notebook (with formulas and figures) exported as `crmlab run` does."""
    out = tmp_path_factory.mktemp("run") / "01_satisfaction.html"
    return runner.to_html(ROOT / "notebooks" / "01_satisfaction.ipynb", out).read_text(encoding="utf-8")


def test_teaching_notebook_page_loads_nothing_from_the_web(teaching_html):
    assert export.external_references(teaching_html) == []
    assert not LOADS_FROM_WEB.search(teaching_html)
    assert "cdn" not in re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "", teaching_html).lower()
    assert "<title>01_satisfaction</title>" in teaching_html
    text = re.sub(r"<[^>]+>", "", teaching_html)  # code is highlighted in spans
    assert "from crmlab import" in text or "import crmlab" in text  # code is shown for teaching
    assert teaching_html.count("data:image/png;base64,") >= 1  # figures are embedded, not linked


def test_report_page_hides_code_and_the_note_and_escapes_user_text(tmp_path):
    src = _report_like(tmp_path / "hotel_s1_en_n100.ipynb")
    html = report.export_html(src, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "secret_code_line" not in html  # no code
    assert "NOTE FOR THE NOTEBOOK USER" not in html and export.HIDE_TAG not in html
    assert "42 &lt;script&gt;alert(1)&lt;/script&gt;" in html  # output text shown, escaped
    assert "Weakest segment: &lt;script&gt;alert(1)&lt;/script&gt;" in html  # user text in a sentence, escaped
    assert PAYLOAD not in html and 'href="javascript' not in html.lower()
    assert export.external_references(html) == [] and not LOADS_FROM_WEB.search(html)
    assert "https://" not in html and "http://" not in html


def test_the_same_notebook_with_code_shows_it(tmp_path):
    src = _report_like(tmp_path / "n.ipynb")
    html = runner.to_html(src, tmp_path / "n.html").read_text(encoding="utf-8")
    assert "secret_code_line" in html and "NOTE FOR THE NOTEBOOK USER" in html  # crmlab run keeps everything
    assert PAYLOAD not in html and not LOADS_FROM_WEB.search(html)


def test_one_exporter_behind_run_and_report(tmp_path):
    src = _report_like(tmp_path / "n.ipynb")
    one = export.to_html(src, tmp_path / "a.html", hide_code=True, drop_tags=(export.HIDE_TAG,)).read_text()
    assert report.export_html(src, tmp_path / "b.html").read_text() == one
    assert runner.to_html(src, tmp_path / "c.html", exclude_input=True).read_text() == \
        export.to_html(src, tmp_path / "d.html", hide_code=True).read_text()
    assert report.offline_html is export.offline_html and report.external_references is export.external_references


def test_page_title_is_escaped(tmp_path):
    src = _report_like(tmp_path / "a&b<c.ipynb")
    html = export.to_html(src, tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<title>a&amp;b&lt;c</title>" in html


def test_a_web_reference_left_is_refused_and_nothing_written(tmp_path, monkeypatch):
    src = _report_like(tmp_path / "n.ipynb")
    monkeypatch.setattr(export, "_NO_CDN", {})  # nbconvert's own CDN URLs (require.js, MathJax, ...)
    monkeypatch.setattr(export, "offline_html", lambda html: html)  # and no filter
    with pytest.raises(CRMDataError, match="web reference is left"):
        export.to_html(src, tmp_path / "x.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.ipynb"]


def test_offline_html_drops_an_emptied_script_keeps_links():
    page = '<script src=""></script><script src="https://cdn.x/a.js"></script><a href="https://x.org/ref">ref</a>'
    out = export.offline_html(page)
    assert "<script" not in out and '<a href="https://x.org/ref">ref</a>' in out


# ------------------------------------------------------------ the one atomic-write helper
def _mode(p):
    return stat.S_IMODE(os.stat(p).st_mode)


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_atomic_path_success_replaces_with_the_usual_mode(tmp_path, umask022):
    target = tmp_path / "out.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    with _io.atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".out.txt.") and tmp.name.endswith(".part")
        assert str(tmp) in _io.PARTIAL and _mode(tmp) == 0o640  # the replaced file's mode, not mkstemp's 0600
        assert target.read_text() == "old"  # nobody sees the new text before the block ends
        tmp.write_text("new")
    assert target.read_text() == "new" and _mode(target) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"] and not _io.PARTIAL
    with _io.atomic_path(tmp_path / "fresh.txt", suffix=".ipynb") as tmp:
        assert tmp.suffix == ".ipynb" and _mode(tmp) == 0o644


def test_atomic_path_failure_removes_or_keeps_as_failed(tmp_path):
    target, failed = tmp_path / "r.ipynb", tmp_path / "r.failed.ipynb"
    target.write_text("earlier run")
    with pytest.raises(RuntimeError):
        with _io.atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("cell failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.ipynb"] and target.read_text() == "earlier run"
    with pytest.raises(RuntimeError):
        with _io.atomic_path(target, keep_failed=failed) as tmp:
            tmp.write_text("executed up to the error")
            raise RuntimeError("cell failed")
    assert failed.read_text() == "executed up to the error" and target.read_text() == "earlier run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.failed.ipynb", "r.ipynb"] and not _io.PARTIAL


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit, runner.Stopped])
def test_atomic_path_interruption_leaves_nothing_even_with_keep_failed(tmp_path, stop):
    failed = tmp_path / "r.failed.ipynb"
    with pytest.raises(stop):
        with _io.atomic_path(tmp_path / "r.ipynb", keep_failed=failed) as tmp:
            tmp.write_text("half")
            raise stop(15) if stop is runner.Stopped else stop()
    assert list(tmp_path.iterdir()) == [] and not _io.PARTIAL


def test_datasets_write_all_goes_through_atomic_path(tmp_path, monkeypatch, umask022):
    from crmlab import datasets

    seen = []
    real = _io.atomic_path

    def spy(path, *a, **k):
        seen.append(os.path.basename(path))
        return real(path, *a, **k)
    monkeypatch.setattr(_io, "atomic_path", spy)
    written = datasets.write_all(tmp_path)
    assert sorted(seen) == sorted(p.name for p in written) and seen
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(seen)  # no .tmp left behind
    assert {_mode(p) for p in written} == {0o644}
