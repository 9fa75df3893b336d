"""Customer perceived value and the customer value map (crmlab.value.perceived): by hand, invariants, truth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import datasets
from crmlab.errors import CRMDataError
from crmlab.value import data as bd
from crmlab.value import perceived as pv




SMALL = pd.DataFrame({"firm": ["a", "a", "b", "b", "c", "c"],
                      "q1": [6, 7, 4, 5, 3, 3], "q2": [6, 5, 4, 3, 4, 2],
                      "price": [5, 5, 4, 4, 2, 3], "time": [2, 4, 3, 3, 5, 5]})


def test_cpv_difference_and_ratio_by_hand():
    out = pv.perceived_value(SMALL, benefits=["q1", "q2"], costs=["price", "time"])
    # row 0: benefits (6 + 6) / 2 = 6, costs (5 + 2) / 2 = 3.5, CPV 2.5
    assert out.loc[0].tolist() == [6.0, 3.5, 2.5]
    ratio = pv.perceived_value(SMALL, benefits=["q1", "q2"], costs=["price", "time"], form="ratio")
    assert ratio.loc[0, "cpv"] == pytest.approx(6 / 3.5)
    w = pv.perceived_value(SMALL, benefits=["q1", "q2"], costs=["price", "time"], benefit_weights={"q1": 3, "q2": 1})
    assert w.loc[1, "perceived_benefits"] == pytest.approx(0.75 * 7 + 0.25 * 5)


def test_cpv_by_group_by_hand():
    out = pv.cpv_by_group(SMALL, benefits=["q1", "q2"], costs=["price", "time"])
    # a: CPV 2.5 and 6 - 4.5 = 1.5 -> 2.0; b: 0.5, 0.5 -> 0.5; c: 3.5 - 3.5 = 0, 2.5 - 4 = -1.5 -> -0.75
    assert out["cpv"].to_dict() == {"a": 2.0, "b": 0.5, "c": -0.75}
    assert list(out.index) == ["a", "b", "c"]
    half = out.loc["a", "ci_high"] - 2.0
    from crmlab.stats import t_quantile

    assert half == pytest.approx(t_quantile(0.95, 1) * np.std([2.5, 1.5], ddof=1) / np.sqrt(2))


def test_value_map_by_hand():
    vm = pv.value_map(SMALL, quality=["q1", "q2"])
    # quality scores a 6.0, b 4.0, c 3.0; prices a 5.0, b 4.0, c 2.5
    # a: rq = 6 / 3.5, rp = 5 / 3.25; gap = rq - rp (slope 1)
    assert vm.loc["a", "relative_quality"] == pytest.approx(6 / 3.5)
    assert vm.loc["a", "relative_price"] == pytest.approx(5 / 3.25)
    assert vm.loc["a", "value_gap"] == pytest.approx(6 / 3.5 - 5 / 3.25)
    assert vm.loc["c", "value_gap"] == pytest.approx(3 / 5 - 2.5 / 4.5)
    assert vm.loc["a", "position"] == "better_value"
    assert list(vm["value_gap"]) == sorted(vm["value_gap"], reverse=True)
    steep = pv.value_map(SMALL, quality=["q1", "q2"], slope=2.0)
    assert steep.loc["a", "fair_price"] == pytest.approx(1 + 2 * (6 / 3.5 - 1))


def test_inputs_not_changed_and_rows_order_free():
    before = SMALL.copy()
    a = pv.value_map(SMALL, quality=["q1", "q2"])
    b = pv.value_map(SMALL.iloc[::-1], quality=["q1", "q2"])
    pd.testing.assert_frame_equal(a, b)
    pv.cpv_by_group(SMALL, benefits=["q1"], costs=["price"])
    pd.testing.assert_frame_equal(SMALL, before)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(1, 7), st.floats(1, 7)), min_size=2, max_size=6, unique=True))
def test_value_map_invariants(scores):
    firms = [f"f{i}" for i in range(len(scores))]
    q = pd.Series([s[0] for s in scores], index=firms)
    p = pd.Series([s[1] for s in scores], index=firms)
    vm = pv.value_map_from_scores(q, p)
    # scaling every score by one factor changes no relative number (the map is about ratios)
    vm2 = pv.value_map_from_scores(q * 1.7, p * 0.6)
    np.testing.assert_allclose(vm["relative_quality"], vm2.loc[vm.index, "relative_quality"], rtol=1e-12)
    np.testing.assert_allclose(vm["relative_price"], vm2.loc[vm.index, "relative_price"], rtol=1e-12)
    assert ((vm["value_gap"] > 0.02) == (vm["position"] == "better_value")).all()


def test_survey_truth_is_recovered():
    """On 40,000 respondents each firm's item means are within 0.03 of the exact expectation, and the
    value-map positions and the CPV order are those the generator planted."""
    survey = bd.make_value_survey(seed=9, n_respondents=40_000).frame
    truth = bd.survey_truth()
    means = survey.groupby("firm").mean(numeric_only=True)
    for firm, items in truth["expected_item_means"].items():
        for item, mu in items.items():
            assert means.loc[firm, item] == pytest.approx(mu, abs=0.03), (firm, item)
    vm = pv.value_map(survey)
    for firm, gap in truth["value_gap"].items():
        assert vm.loc[firm, "value_gap"] == pytest.approx(gap, abs=0.015), firm
    assert vm.loc["us", "position"] == truth["position"]["us"] == "better_value"
    cpv = pv.cpv_by_group(survey)["cpv"]
    assert list(cpv.index) == sorted(truth["cpv"], key=truth["cpv"].get, reverse=True)


def test_generator_seeded_and_registered():
    a = datasets.generate("perceived_value_survey", seed=2, n_respondents=300).frame
    pd.testing.assert_frame_equal(a, datasets.generate("perceived_value_survey", seed=2, n_respondents=300).frame)
    assert a[list(pv.BENEFITS + pv.COSTS)].stack().between(1, 7).all()
    assert set(a["firm"]) <= set(bd.FIRMS)


def test_plots_state_the_finding():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlab.value import plots as pp

    survey = bd.make_value_survey().frame
    vm = pv.value_map(survey)
    ax = pp.value_map_plot(vm, focal="us")
    best = vm["value_gap"].idxmax()
    assert vm.loc[best, "value_gap"] > 0 and f"{vm.loc[best, 'value_gap']:.2f} below" in ax.get_title()
    assert all("-0.00" not in t.get_text() for t in ax.texts)  # a gap rounding to zero shows +0.00
    summary = pv.cpv_by_group(survey)
    ax = pp.cpv_bars(summary, focal="us", lang="zh")
    assert f"{summary['cpv'].iloc[0]:+.2f}" in ax.get_title()
    plt.close("all")
    with pytest.raises(CRMDataError, match="value_map"):
        pp.value_map_plot(summary)
