"""The case report notebook runs for every preset in both languages, and shows the helpers' numbers.

Its own file so that pytest-xdist (--dist loadfile) runs these ten papermill runs beside the rest.
"""

import pytest

from crmlab import cases, report
from crmlab.labels import t
from tests.nbtools import ROOT, all_text, errors, has_png, run_notebook, shown_figures

NB = ROOT / "notebooks" / "08_case_report.ipynb"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(cases.CASES))
def test_every_preset_and_language_runs(case, lang, tmp_path):
    seed, size = 11, 300
    nb = run_notebook(NB, tmp_path, case=case, seed=seed, n_customers=size, lang=lang)
    assert errors(nb) == []
    n = report.assess(cases.generate(case, seed=seed, n_customers=size), case)
    shown = shown_figures(nb)
    for section in report.SECTIONS:
        for label, value in report.key_figures(n, section, lang).iloc[:, 0].items():
            assert shown.get(label) == value, (section, label, shown.get(label), value)
    text = all_text(nb)
    for paragraph in report.conclusions(n, lang) + report.measures(n, lang):
        assert paragraph in text
    assert t("case_report_title", lang, name=cases.name(case, lang)) in text
    assert has_png(nb) == (6 if case == "b2b" else 5)
    assert (t("case_no_key_accounts", lang) in text) == (case != "b2b")
