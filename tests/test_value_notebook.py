"""Notebook 06 (customer value: CLV, market baskets, perceived value) and its exercise; parameters visible to papermill."""

from __future__ import annotations

import re

import pytest

from crmlab import datasets, stats
from crmlab import loyalty as loy
from crmlab import value as val
from crmlab.value.data import basket_truth, survey_truth

from nbtools import ROOT, all_text, errors, find_number, has_png, run_notebook
import nbtools

NB = ROOT / "notebooks/06_customer_value.ipynb"
EX = ROOT / "exercises/solutions/06_customer_value.ipynb"


def test_papermill_sees_every_parameter():
    import papermill as pm

    for path, names in [(NB, {"seed", "n_customers", "lang", "calibration_end", "observation_end", "discount",
                              "years", "confidence", "n_baskets", "n_respondents"}), (EX, {"seed", "n_customers", "lang"})]:
        assert set(pm.inspect_notebook(str(path))) == names, path


def _markdown(nb) -> str:
    return "\n".join(nbtools.markdown_outputs(nb))


def _truth(seed, n):
    tx = datasets.generate("loyalty_transactions", seed=seed, n_customers=n).frame
    s = loy.rfm_summary(tx, calibration_end="2024-12-31", observation_end="2025-12-31", amount="amount")
    bg, gg = loy.fit_bgnbd(s), val.fit_gamma_gamma(s)
    cal = tx[tx["date"] <= "2024-12-31"]
    clv = val.model_clv(bg, gg, s, margin=cal["margin"].sum() / cal["amount"].sum(), discount=0.1, years=3)
    return s, bg, gg, clv


def _check_basket_and_cpv(nb, seed, n_baskets, n_respondents):
    """Sections 5-6 show the helpers' numbers for this run's data, and those numbers recover the planted truth."""
    lines = datasets.generate("basket_lines", seed=seed, n_baskets=n_baskets).frame
    survey = datasets.generate("perceived_value_survey", seed=seed, n_respondents=n_respondents).frame
    text, md = all_text(nb), _markdown(nb)
    # one rule by hand and by the helper: the same three numbers
    r = val.rule_metrics(lines, "cereal", "milk")
    three = f"support {r.support:.3f}, confidence {r.confidence:.3f}, lift {r.lift:.3f}"
    assert text.count(three) == 2, three
    assert f"so the lift is **{r.lift:.2f}**" in md and f"milk is in **{r.consequent_support:.0%}**" in md
    rules = val.association_rules(lines, min_support=0.01, max_len=2)
    top = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable").iloc[0]
    assert f"Of the **{len(rules)}** rules that reach 1% support" in md
    assert f"**{top['rule']}** (lift {top['lift']:.2f}, confidence {top['confidence']:.0%}" in md
    k = len(val.association_rules(lines, min_support=0.02, max_len=3))
    assert f"min_support 0.020: {k} rules of up to 3 items" in text
    # the planted rules are found: every lift within 25% of the truth at these sizes (>= 3000 baskets)
    errs = [abs(val.rule_metrics(lines, pr["antecedent"], pr["consequent"]).lift / pr["lift"] - 1)
            for pr in basket_truth()["planted_rules"]]
    assert max(errs) < 0.25
    assert f"recovered within **{max(errs):.0%}** on {n_baskets:,} baskets" in md
    # perceived value: the sentence quotes cpv_by_group and the interval of the difference
    cpv = val.cpv_by_group(survey)
    rival = cpv.drop(index="us")["cpv"].idxmax()
    d, lo, hi = stats.diff_ci(cpv.loc["us", "cpv"], cpv.loc["us", "n"], cpv.loc[rival, "cpv"], cpv.loc[rival, "n"],
                              sd1=cpv.loc["us", "sd"], sd2=cpv.loc[rival, "sd"])
    side = "higher than" if lo > 0 else "lower than" if hi < 0 else "not clearly different from"
    assert f"Our customers see a CPV of **{cpv.loc['us', 'cpv']:+.2f}** points" in md
    assert f"**{side}** the best rival, {rival} ({cpv.loc[rival, 'cpv']:+.2f}): the difference is {d:+.2f} " \
           f"[{lo:+.2f}, {hi:+.2f}]" in md
    assert "98.3% intervals" in md  # Bonferroni over the three rivals at 95%
    # the value map: the sentence quotes value_map, and our position is the one the generator planted
    us = val.value_map(survey).loc["us"]
    assert f"Our relative quality is **{us['relative_quality']:.2f}** and our relative price " \
           f"**{us['relative_price']:.2f}**, a value gap of **{us['value_gap']:+.2f}**" in md
    truth = survey_truth()
    assert us["position"] == truth["position"]["us"] == "better_value"
    assert us["value_gap"] == pytest.approx(truth["value_gap"]["us"], abs=0.06)
    cpv_rank = list(cpv["cpv"].sort_values(ascending=False, kind="stable").index)
    assert cpv_rank == sorted(truth["cpv"], key=truth["cpv"].get, reverse=True)


def _simple_m_r(seed, n):
    """Section 1's m (mean annual margin) and r (share of the first year's buyers who bought again)."""
    tx = datasets.generate("loyalty_transactions", seed=seed, n_customers=n).frame
    cal = tx[tx["date"] <= "2024-12-31"]
    year = cal["date"].dt.year
    m = float(cal.groupby([cal["customer_id"], year])["margin"].sum().groupby(level=0).mean().mean())
    b1 = set(cal.loc[year == year.min(), "customer_id"])
    b2 = set(cal.loc[year == year.min() + 1, "customer_id"])
    return m, len(b1 & b2) / len(b1)


def _check_retention_surface(nb, seed, n, discount=0.10):
    """The Reichheld & Sasser subsection: by hand = helper, the table is the helper's surface, and the title and
    the sentence count the same cells inside / below / above 25-85%."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from crmlab import plots

    text, md = all_text(nb), _markdown(nb)
    m, r = _simple_m_r(seed, n)
    rise = float(loy.retention_sensitivity(m, r, discount)["change_pct"].iloc[0])
    hand = ((r + 0.05) / (1 + discount - r - 0.05)) / (r / (1 + discount - r)) * 100 - 100
    assert rise == pytest.approx(hand, rel=1e-12)
    assert f"rise by hand {hand:.1f}%, by loy.retention_sensitivity {rise:.1f}%" in text
    growth = [g for g in (0.0, 0.02, 0.04, 0.06, 0.08) if g < discount]
    surface = val.retention_surface(np.round(np.arange(0.50, 0.951, 0.05), 2), growth, discount=discount)
    lo, hi = val.RS_RANGE
    n_in = int(((surface >= lo) & (surface <= hi)).to_numpy().sum())
    n_below, n_above = int((surface < lo).to_numpy().sum()), int((surface > hi).to_numpy().sum())
    assert n_in + n_below + n_above == surface.size == 50
    assert f"{n_in} of {surface.size} cells give +25% to +85%, {n_below} less, {n_above} more" in text
    assert surface.round(1).to_string() in text  # the table shown is the helper's surface
    only = "Only " if n_in < surface.size / 2 else ""
    assert f"{only}{n_in} of the {surface.size} profiles" in md
    assert f"; {n_below} give less and {n_above} more." in md
    assert f"Our customers (r = {r:.3f}, flat margin) gain {rise:.1f}%, " \
           f"{'inside' if lo <= rise <= hi else 'below' if rise < lo else 'above'} the range" in md
    assert f"five points add {surface[0.0].iloc[0]:.1f}% at r = 50% and {surface[0.0].iloc[-1]:.1f}% at r = 95%" in md
    with_ac = float(loy.retention_sensitivity(m, 0.8, discount, acquisition_cost=m)["change_pct"].iloc[0])
    assert f"from {surface.loc[0.8, 0.0]:.1f}% to {with_ac:.1f}%" in md and "**not a law**" in md
    assert "high acquisition costs" in md
    # the plot's title counts the same cells as the sentence
    ax = plots.retention_surface_heatmap(surface, lo, hi)
    assert ax.get_title() == (f"+5 points of retention: {only.lower()}{n_in} of {surface.size} cells give "
                              f"+25% to +85%, {n_below} less, {n_above} more")
    plt.close(ax.figure)
    # the cherry-picking of the old notebook is gone: the cells below the range are named, not hidden
    if n_below:
        assert f"{n_below} give less" in md


def _sections(nb) -> list[str]:
    import re as _re

    return [m.group(1) for c in nb.cells if c.cell_type == "markdown"
            for m in _re.finditer(r"^## (\d+)\. ", c.source, _re.M)]


@pytest.mark.slow
def test_notebook_with_seed_5(tmp_path):
    """Another seed and size in English (the Chinese run with seed 5: tests/test_value_zh.py)."""
    nb = run_notebook(NB, tmp_path, seed=5, n_customers=1200, n_baskets=3000, n_respondents=800)
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
    assert has_png(nb) >= 11
    _check_basket_and_cpv(nb, 5, 3000, 800)
    _check_retention_surface(nb, 5, 1200)
    assert "by hand" in text and re.search(r"log L by hand (-?[0-9.]+), by loy.bgnbd_loglik \1", text)


@pytest.mark.slow
def test_exercise_solution_with_another_seed(tmp_path):
    nb = run_notebook(EX, tmp_path, seed=8, n_customers=900)
    assert errors(nb) == []
    text = all_text(nb)
    assert text.count("correct.") == 6 and text.count("recorded.") == 2


def test_committed_notebook_numbers_are_the_helpers():
    import nbformat

    nb = nbformat.read(str(NB), as_version=4)
    s, bg, gg, clv = _truth(3, 2000)
    text = all_text(nb)
    assert f"BGNBD(r={bg.r:.3f}, alpha={bg.alpha:.3f}" in text
    assert f"GammaGamma(p={gg.p:.3f}, q={gg.q:.3f}, gamma={gg.gamma:.3f}" in text
    assert f"mean over {len(clv)} customers {clv['clv'].mean():.1f} CNY" in text
    source = "".join(c.source for c in nb.cells)
    assert "see sections 5-6" not in source and "Placeholder" not in source
    assert _sections(nb) == ["1", "2", "3", "4", "5", "6"]
    assert "market-basket" in nb.cells[0].source and "perceived value" in nb.cells[0].source.lower()
    _check_basket_and_cpv(nb, 3, 5000, 1200)
    _check_retention_surface(nb, 3, 2000)
    assert "printed value" not in "".join(c.source for c in nb.cells)
