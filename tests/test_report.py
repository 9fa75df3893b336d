"""Case report: sentences from the numbers, offline HTML, batch runs, atomic outputs, CLI errors."""

import subprocess
import sys

import nbformat
import pytest

from crmlab import cases, cli, report
from crmlab import complaints as C
from crmlab import loyalty as L
from crmlab import satisfaction as S
from crmlab import servqual as Q
from crmlab.labels import t
from tests.nbtools import ROOT, all_text, errors, has_png, shown_figures

NB = ROOT / "notebooks" / "08_case_report.ipynb"


@pytest.fixture(scope="module")
def hotel():
    tb = cases.generate("hotel", seed=3, n_customers=400)
    return tb, report.assess(tb, "hotel")


def test_numbers_match_helpers(hotel):
    tb, n = hotel
    dims = Q.servqual_gaps(tb["servqual"]).dimensions["gap"]
    assert n["largest_gap"] == pytest.approx(dims.min()) and n["largest_gap_dim"] == dims.idxmin()
    assert n["csi"] == pytest.approx(S.csi(tb["satisfaction"])["csi"].iloc[0])
    assert n["nps"] == pytest.approx(L.nps(tb["survey"])["nps"].iloc[0])
    assert n["fcr"] == pytest.approx(C.complaint_kpis(tb["complaints"])["fcr"].iloc[0])
    log = tb["complaints"]
    cost = (log["channel"].map(cases.CASES["hotel"].cost_per_contact) * log["contacts"]).sum() / log["contacts"].sum()
    assert n["cost_per_contact"] == pytest.approx(cost)


def test_sentences_carry_the_numbers(hotel):
    _, n = hotel
    en = report.servqual_sentence(n, "en")
    assert f"The largest SERVQUAL shortfall is {n['largest_gap_dim']}, {n['largest_gap']:+.2f}" in en
    zh = report.servqual_sentence(n, "zh")
    assert t(f"sq_{n['largest_gap_dim']}", "zh") in zh and f"{n['largest_gap']:+.2f}" in zh
    assert f"{n['csi']:.1f}" in report.satisfaction_sentence(n, "en")
    assert f"{100 * n['top_category_share']:.0f}%" in report.interaction_sentence(n, "zh")


def test_sentence_branches():
    base = {"largest_gap_dim": "reliability", "largest_gap": -1.234, "smallest_gap_dim": "tangibles",
            "smallest_gap": 0.3}
    assert report.servqual_sentence(base) == ("The largest SERVQUAL shortfall is reliability, -1.23; "
                                              "tangibles perceptions exceed expectations (+0.30).")
    assert "smallest gap is tangibles (-0.10)" in report.servqual_sentence({**base, "smallest_gap": -0.1})
    with pytest.raises(report.CRMDataError, match="lang"):
        report.servqual_sentence(base, "fr")


def test_offline_html_filter():
    html = ('<script src="https://cdn.x.org/require.js"></script><link rel="stylesheet" href="https://f.org/a.css">'
            '<script type="module">import m from "https://cdnjs.cloudflare.com/m.mjs";</script>'
            '<style>/* see https://github.com/x */ @import url("https://fonts.googleapis.com/css");</style><p>ok</p>')
    assert report.external_references(html)
    out = report.offline_html(html)
    assert report.external_references(out) == [] and "http" not in out and "<p>ok</p>" in out


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("rep")
    r = report.run_report(report.make_job("b2b", 7, "zh", 300), out, force=True)
    assert r.ok, r.error
    return r


def test_notebook_zh_b2b(executed):
    nb = nbformat.read(executed.notebook, as_version=4)
    assert errors(nb) == []
    text = all_text(nb)
    n = report.assess(cases.generate("b2b", seed=7, n_customers=300), "b2b")
    shown = shown_figures(nb)
    for section in report.SECTIONS:
        for label, value in report.key_figures(n, section, "zh").iloc[:, 0].items():
            assert shown.get(label) == value, (section, label)
    assert shown[f"SERVQUAL 最大差距：{t('sq_' + n['largest_gap_dim'], 'zh')}"] == f"{n['largest_gap']:+.2f}"
    assert report.servqual_sentence(n, "zh") in text and "大客户" in text and "虚构" in text
    assert has_png(nb) == 6  # one figure for each of the six analysis sections


def test_html_has_no_code_and_no_external_refs(executed):
    html = open(executed.html, encoding="utf-8").read()
    assert report.external_references(html) == []
    import re
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=['\"]?https?://", html)
    assert "https://" not in html and "http://" not in html
    assert "cases.generate(" not in html  # no code cells
    assert "report-hide" not in html and "This notebook writes" not in html  # the note to the notebook's user
    assert "结论与建议" in html


def test_up_to_date_is_skipped(executed, tmp_path):
    r = report.run_report(executed.job, executed.html.rsplit("/", 1)[0])
    assert r.ok and r.skipped


BROKEN = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_code_cell('case = "hotpot"\nseed = 1\nlang = "en"\nn_customers = 100',
                              metadata={"tags": ["parameters"]}),
    nbformat.v4.new_code_cell('if seed == 13:\n    raise ValueError("unlucky seed")\nprint("report", case, seed)'),
], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
             "language_info": {"name": "python"}})


def test_batch_one_failure_others_finish(tmp_path, capsys):
    nbpath = tmp_path / "mini.ipynb"
    nbformat.write(BROKEN, str(nbpath))
    (tmp_path / "b.csv").write_text("case,seed,lang\nhotpot,1,en\nhotel,13,zh\nretail,2,en\nhotel,x,en\n")
    jobs = report.read_batch(tmp_path / "b.csv")
    res = report.run_batch(jobs, tmp_path / "out", n_jobs=2, progress=False, notebook=nbpath)
    assert [r.ok for r in res] == [True, False, True, False], [r.error for r in res]
    assert "unlucky seed" in res[1].error and res[1].notebook.endswith(".failed.ipynb")
    assert not (tmp_path / "out" / f"{jobs[1].stem}.ipynb").exists()
    assert "row 4, column seed" in res[3].error
    table = report.summary_table(res)
    assert "2 ok, 2 failed" in table and "FAILED" in table


def test_interrupted_html_leaves_no_file(tmp_path, monkeypatch):
    from nbconvert import HTMLExporter
    nbpath = tmp_path / "x.ipynb"
    nbformat.write(BROKEN, str(nbpath))

    def boom(self, *a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(HTMLExporter, "from_notebook_node", boom)
    with pytest.raises(KeyboardInterrupt):
        report.export_html(nbpath, tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_interrupted_write_leaves_no_file(tmp_path, monkeypatch):
    import os
    real = os.replace

    def crash(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "replace", crash)
    from crmlab._io import atomic_write_text
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(tmp_path / "r.html", "<html>" * 1000)
    monkeypatch.setattr(os, "replace", real)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, msg", [
    (["report", "--case", "bank"], "unknown case 'bank'"),
    (["report", "--case", "hotel", "--lang", "fr"], "column lang"),
    (["report", "--case", "hotel", "--seed", "abc"], "column seed"),
    (["report", "--batch", "/nonexistent/cases.csv"], "cannot read"),
])
def test_cli_one_line_errors(argv, msg, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert msg in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_cli_bad_header_subprocess(tmp_path):
    (tmp_path / "b.csv").write_text("kase,seed\nhotel,1\n")
    p = subprocess.run([sys.executable, "-m", "crmlab.cli", "report", "--batch", str(tmp_path / "b.csv")],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "needs a 'case' column" in p.stderr and "Traceback" not in p.stderr


def test_interrupted_execution_leaves_no_target(tmp_path, monkeypatch):
    import papermill

    def half(inp, out, **kw):
        open(out, "w").write('{"cells": [')  # half-written, then Ctrl-C
        raise KeyboardInterrupt
    monkeypatch.setattr(papermill, "execute_notebook", half)
    job = report.make_job("hotel", 1, "en", 100)
    with pytest.raises(KeyboardInterrupt):
        from crmlab.runner import execute
        execute(NB, tmp_path / f"{job.stem}.ipynb", job.parameters())
    assert not (tmp_path / f"{job.stem}.ipynb").exists()
    # an interruption is not a failure of the notebook: no .failed.ipynb, no half-written file
    assert list(tmp_path.iterdir()) == []


def test_key_figures_quote_the_numbers(hotel):
    _, n = hotel
    en = report.key_figures(n, "servqual", "en")["Value"]
    assert en[f"Largest SERVQUAL shortfall: {n['largest_gap_dim'].capitalize()}"] == f"{n['largest_gap']:+.2f}"
    sat = report.key_figures(n, "satisfaction", "zh")["数值"]
    assert sat["顾客满意度指数（CSI，0-100）"] == f"{n['csi']:.1f}"
    inter = report.key_figures(n, "interaction", "en")["Value"]
    assert inter["First-contact resolution"] == f"{100 * n['fcr']:.0f}%"
    assert inter["Cost per contact (CNY)"] == f"{n['cost_per_contact']:.1f}"
    # the hotel has no key accounts: an empty table, not an error
    assert report.key_figures(n, "burnett", "en").empty
    for section in report.SECTIONS[:-1]:
        en, zh = report.key_figures(n, section, "en"), report.key_figures(n, section, "zh")
        numbers = lambda table: [v for v in table.iloc[:, 0] if any(ch.isdigit() for ch in v)]  # noqa: E731
        assert len(en) == len(zh) > 0 and numbers(en) == numbers(zh) != []


def test_key_figures_bad_input(hotel):
    _, n = hotel
    with pytest.raises(report.CRMDataError, match="'loyality' is not a report section"):
        report.key_figures(n, "loyality")
    with pytest.raises(report.CRMDataError, match="lang"):
        report.key_figures(n, "value", "de")


def test_localise_labels_a_copy():
    import pandas as pd
    from crmlab.labels import localise

    table = pd.DataFrame({"fcr": [0.5, 0.7], "unlabelled": [1, 2]},
                         index=pd.Index(["phone", "no_such_channel"], name="channel"))
    before = table.copy()
    zh = localise(table, "zh", values="cp_")
    assert list(zh.columns) == ["一次解决率", "unlabelled"] and zh.index.name == "渠道"
    assert list(zh.index) == ["电话", "no such channel"]
    assert list(localise(table, "en").index) == ["phone", "no_such_channel"]  # values only when asked
    pd.testing.assert_frame_equal(table, before)
    with pytest.raises(report.CRMDataError, match="lang"):
        localise(table, "fr")


def test_measures_follow_the_named_thresholds(hotel, monkeypatch):
    from crmlab.report import numbers

    _, n = hotel
    at = {**n, "fcr": numbers.FCR_TARGET, "abandon_rate": numbers.ABANDON_LIMIT}
    fcr_line = t("rp_m_fcr", "en", fcr_pct=f"{100 * numbers.FCR_TARGET:.0f}%")
    abandon_line = t("rp_m_abandon", "en", abandon_pct=f"{100 * numbers.ABANDON_LIMIT:.0f}%")
    assert fcr_line not in report.measures(at) and abandon_line not in report.measures(at)  # at the line: no measure
    below = {**at, "fcr": numbers.FCR_TARGET - 0.01, "abandon_rate": numbers.ABANDON_LIMIT + 0.01}
    texts = report.measures(below)
    assert any(m.startswith("Raise first-contact resolution") for m in texts)
    assert any(m.startswith("Add peak-hour agents") for m in texts)
    monkeypatch.setattr(numbers, "FCR_TARGET", 0.0)  # the constant is the rule: no bare number elsewhere
    monkeypatch.setattr(numbers, "ABANDON_LIMIT", 1.0)
    assert len(report.measures(below)) == len(texts) - 2


def test_clv_uses_the_named_cap_and_discount(hotel):
    from crmlab.report import numbers

    tb, n = hotel
    r = min(n["retention"], numbers.CLV_RETENTION_CAP)
    assert n["clv"] == pytest.approx(n["annual_margin"] * r / (1 + numbers.CLV_DISCOUNT - r))
    assert set(numbers.SECTION_NUMBERS) == set(report.SECTIONS)
    assert {k for fn in numbers.SECTION_NUMBERS.values() for k in fn(tb, "hotel")} | {"case", "synthesis"} == set(n)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_titles_state_the_finding(hotel, lang):
    tb, n = hotel
    titles = report.figure_titles(n, lang, slowest_channel=("email", 123.4))
    assert set(titles) == {"csi", "ipa", "nps", "pareto", "channel", "deciles", "gaps"}
    assert f"{n['csi_low']:.1f}" in titles["csi"] and f"{n['largest_gap']:+.2f}" in titles["gaps"]
    assert f"{n['nps']:+.0f}" in titles["nps"] and "123" in titles["channel"]
    assert all("\\" not in v and "&lt;" not in v for v in titles.values())
    if lang == "zh":
        assert "利润" in titles["deciles"]


def test_figure_titles_never_start_mathtext():
    n = {**report.assess(cases.generate("hotel", seed=2, n_customers=300), "hotel"), "csi_low_segment": "$x$"}
    assert r"\$x\$" in report.figure_titles(n)["csi"]
