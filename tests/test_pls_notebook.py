"""Notebook 07 (PLS satisfaction index) and its exercises under papermill with non-default parameters."""

import pytest

from crmlab import datasets, pls
from crmlab.checks import pls as check

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook
import nbtools

NB = ROOT / "notebooks/07_satisfaction_index_pls.ipynb"
EX = ROOT / "exercises/solutions/07_satisfaction_index_pls.ipynb"


@pytest.mark.parametrize("path,names", [(NB, {"seed", "n_respondents", "lang", "scheme", "n_boot"}),
                                        (EX, {"seed", "n_respondents", "lang"})])
def test_papermill_sees_every_parameter(path, names):
    """A '=' in a parameters-cell comment hides the parameter from papermill ('Passed unknown parameter')."""
    import papermill as pm

    assert set(pm.inspect_notebook(str(path))) == names


def _markdown(nb) -> str:
    return "\n".join(nbtools.markdown_outputs(nb))


def test_committed_notebook_quotes_its_numbers():
    import nbformat

    nb = nbformat.read(str(NB), as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown") + _markdown(nb)
    assert "the printed" not in prose.lower()
    assert "use it to compare models" not in prose and "buys the most" not in prose
    assert "Henseler & Sarstedt (2013)" in prose and "no image construct" in prose
    survey = datasets.load("ecsi_survey")
    fit = pls.pls_path_model(survey, n_boot=200, seed=42)
    te = fit.bootstrap["total_effects"].loc["QUAL -> SAT"]
    md = _markdown(nb)
    assert f"{te['ci_low']:.2f} to {te['ci_high']:.2f}" in md  # the total effect's bootstrap interval is shown
    assert f"R² of satisfaction: **{fit.r2['SAT']:.3f}**" in md


@pytest.mark.slow
def test_notebook_runs_in_chinese_with_another_seed_and_size(tmp_path):
    nb = run_notebook(NB, tmp_path, seed=5, n_respondents=400, lang="zh", scheme="path", n_boot=30)
    assert errors(nb) == []
    survey = datasets.generate("ecsi_survey", seed=5, n=400).frame
    fit = pls.pls_path_model(survey, scheme="path", n_boot=30, seed=5)
    expected = pls.satisfaction_index(survey, fit)["index"].iloc[0]
    assert find_number(nb, "满意度指数：") == pytest.approx(round(expected, 1))
    assert find_number(nb, "顾客满意的 R²：**") == pytest.approx(round(fit.r2["SAT"], 3))
    assert find_number(nb, "手算的拟合优度（GoF）：") == pytest.approx(round(fit.gof, 3))
    rel = pls.reliability(fit)
    assert find_number(nb, "组合信度 rho_c：") == pytest.approx(round(rel.loc["SAT", "rho_c"], 3))
    table = pls.ipma(survey, fit)
    assert find_number(nb, "手算的感知质量（QUAL）绩效：") == pytest.approx(round(table.loc["QUAL", "performance"], 2))
    text = all_text(nb)
    assert "400 名受访者" in text and "400 respondents" not in text  # lang zh: the printed lines in Chinese
    assert "PLS 模型指数（ACSI 权重）" in text and "简单分值法 CSI" in text  # the comparison table in Chinese
    assert "顾客抱怨" in text  # the complaints construct in Chinese
    assert has_png(nb) >= 5  # loadings, path diagram, total effects, IPMA, index comparison


def test_checks_say_wrong_with_a_hint_and_never_the_answer():
    survey = check.exercise_data()["survey"]
    ave = check.ANSWERS["q1"](survey)
    assert check.q1_ave(ave, survey).ok is True
    fb = check.q1_ave(ave + 0.05, survey)
    assert fb.ok is False and "Hint" in repr(fb) and f"{ave.iloc[0]:.3f}" not in repr(fb)
    assert check.q1_ave(..., survey).ok is None
    top = check.ANSWERS["q2"](survey)
    assert check.q2_top_total_effect(top, survey).ok is True
    assert check.q2_top_total_effect("EXPE" if top != "EXPE" else "QUAL", survey).ok is False
    zero = check.ANSWERS["q5"](survey)
    assert check.q5_paths_with_zero(zero, survey).ok is True
    assert check.q5_paths_with_zero([*zero, "SAT -> LOY"], survey).ok is False
    assert check.q5_paths_with_zero(..., survey).ok is None
