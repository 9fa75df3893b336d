"""The Chinese edition of the case report (notebooks/zh/08_case_report.ipynb) shows the helpers' Chinese sentences."""

from __future__ import annotations

import re

import nbformat
import pytest

from crmlab import cases, report
from crmlab.labels import t
from tests.nbtools import ROOT, all_text, errors, shown_figures

ZH = ROOT / "notebooks" / "zh" / "08_case_report.ipynb"


@pytest.fixture(scope="module")
def committed():
    return nbformat.read(str(ZH), as_version=4)


def test_the_committed_chinese_report_shows_the_helpers_chinese_text(committed):
    params = next(c for c in committed.cells if "parameters" in c.metadata.get("tags", []))
    got = dict(re.findall(r'^(\w+) = (\S+)', params.source, re.M))
    case, seed, size = got["case"].strip('"'), int(got["seed"]), int(got["n_customers"])
    assert got["lang"] == '"zh"'
    assert errors(committed) == []
    preset = cases.get(case)
    n = report.assess(cases.generate(preset, seed=seed, n_customers=size), preset)
    text = all_text(committed)
    for paragraph in report.conclusions(n, "zh") + report.measures(n, "zh"):
        assert paragraph in text
    assert report.facts_line(preset, n, seed, "zh") in text
    assert report.facts_line(preset, n, seed, "zh").startswith("行业：")  # full-width colon, no English label
    shown = shown_figures(committed)
    for section in report.SECTIONS:
        for label, value in report.key_figures(n, section, "zh").iloc[:, 0].items():
            assert shown.get(label) == value, (section, label)
    assert t("case_report_title", "zh", name=cases.name(preset, "zh")) in text
    streams = [o for c in committed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"]
    assert not [o for o in streams if "Glyph" in o.get("text", "")]  # every plot label has its CJK glyphs


@pytest.mark.parametrize("case", sorted(cases.CASES))
def test_the_chinese_narrative_names_the_company_as_its_chinese_name_does(case):
    """The narrative's first quoted name is the case's Chinese name (without 虚构), or its start."""
    preset = cases.get(case)
    name = re.sub(r"（[^）]*）$", "", cases.name(preset, "zh"))
    quoted = re.findall(r"“([^”]+)”", preset.text("narrative", "zh"))
    assert quoted and name.startswith(quoted[0]), (name, quoted[:1])


def test_facts_line_in_both_languages():
    preset = cases.get("b2b")
    assert report.facts_line(preset, {"customers": 12345}, 7) == "Industry: B2B components maker · Customers: 12,345 · Seed: 7"
    assert report.facts_line(preset, {"customers": 12345}, 7, "zh") == (
        f"行业：{preset.text('industry', 'zh')} · 顾客数：12,345 · 随机种子：7")
