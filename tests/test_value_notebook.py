"""Notebook 06 (customer value) and its exercise under non-default parameters; parameters visible to papermill."""

from __future__ import annotations

import re

import pytest

from crmlab import datasets
from crmlab import loyalty as loy
from crmlab import value as val

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook

NB = ROOT / "notebooks/06_customer_value.ipynb"
EX = ROOT / "exercises/solutions/06_customer_value.ipynb"


def test_papermill_sees_every_parameter():
    import papermill as pm

    for path, names in [(NB, {"seed", "n_customers", "lang", "calibration_end", "observation_end", "discount",
                              "years", "confidence"}), (EX, {"seed", "n_customers"})]:
        assert set(pm.inspect_notebook(str(path))) == names, path


def _markdown(nb) -> str:
    return "\n".join(o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "text/markdown" in o.get("data", {}))


def _truth(seed, n):
    tx = datasets.generate("loyalty_transactions", seed=seed, n_customers=n).frame
    s = loy.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31", amount="amount")
    bg, gg = loy.fit_bgnbd(s), val.fit_gamma_gamma(s)
    cal = tx[tx["date"] <= "2024-12-31"]
    clv = val.model_clv(bg, gg, s, margin=cal["margin"].sum() / cal["amount"].sum(), discount=0.1, years=3)
    return s, bg, gg, clv


@pytest.mark.slow
def test_notebook_in_chinese_with_seed_5(tmp_path):
    nb = run_notebook(NB, tmp_path, seed=5, n_customers=1200, lang="zh")
    assert errors(nb) == []
    s, bg, gg, clv = _truth(5, 1200)
    text, md = all_text(nb), _markdown(nb)
    assert f"BGNBD(r={bg.r:.3f}" in text and f"GammaGamma(p={gg.p:.3f}" in text
    assert find_number(nb, "population mean spend p gamma / (q - 1) =") == pytest.approx(round(gg.mean_spend, 1))
    assert find_number(nb, "mean over") == pytest.approx(len(clv))
    assert f"mean over {len(clv)} customers {clv['clv'].mean():.1f} CNY" in text
    # the generated sentences carry this run's numbers
    ind = val.spend_independence(s)
    assert f"The correlation is {ind.pearson:.2f}" in md
    assert f"The mean model CLV ({clv['clv'].mean():.0f} CNY)" in md
    cond = val.conditional_expectations(s, bg)
    assert f"made {cond.loc[0, 'actual']:.2f}" in md
    assert "over-forecast" in md if cond.loc[0, "expected"] > cond.loc[0, "actual"] else "under-forecast" in md
    assert has_png(nb) >= 7
    assert "by hand" in text and re.search(r"log L by hand (-?[0-9.]+), by loy.bgnbd_loglik \1", text)


@pytest.mark.slow
def test_exercise_solution_with_another_seed(tmp_path):
    nb = run_notebook(EX, tmp_path, seed=8, n_customers=900)
    assert errors(nb) == []
    text = all_text(nb)
    assert text.count("correct.") == 4 and "recorded" in text


def test_committed_notebook_numbers_are_the_helpers():
    import nbformat

    nb = nbformat.read(str(NB), as_version=4)
    s, bg, gg, clv = _truth(3, 2000)
    text = all_text(nb)
    assert f"BGNBD(r={bg.r:.3f}, alpha={bg.alpha:.3f}" in text
    assert f"GammaGamma(p={gg.p:.3f}, q={gg.q:.3f}, gamma={gg.gamma:.3f}" in text
    assert f"mean over {len(clv)} customers {clv['clv'].mean():.1f} CNY" in text
    assert "Market-basket analysis and perceived value: see sections 5-6" in "".join(
        c.source for c in nb.cells if c.cell_type == "markdown")
    assert "printed value" not in "".join(c.source for c in nb.cells)
