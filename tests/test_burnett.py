"""Tests for crmlab.burnett (topic 4, the Burnett key-customer matrix)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import CRMDataError, datasets
from crmlab import burnett as bm

IND = list(bm.ATTRACTIVENESS_INDICATORS)


def long_scores(table: dict[tuple[str, str], dict[str, float]]) -> pd.DataFrame:
    """{(account, expert): {indicator: score}} -> the long expert-score table."""
    rows = [(a, e, ind, s) for (a, e), d in table.items() for ind, s in d.items()]
    return pd.DataFrame(rows, columns=["account_id", "expert", "indicator", "score"])


def one_account(**raw) -> pd.DataFrame:
    base = dict(account_id="K1", wallet_share=0.5, wallet_share_3y=0.35, contact_per_month=3.0,
                contact_breadth=5, relationship_years=12.0, price_rating=3, service_rating=4, tech_rating=2)
    base.update(raw)
    return pd.DataFrame([base])


# ------------------------------------------------------------------ catalogue

def test_catalogue_weights_follow_the_reading_and_sum_to_one():
    cat = bm.attractiveness_catalogue()
    business = cat[cat["group"] == "business"].set_index("indicator")["weight"]
    assert business.tolist() == [0.08, 0.03, 0.05, 0.03, 0.04, 0.04]
    assert business.sum() == pytest.approx(0.27)
    assert cat["weight"].sum() == pytest.approx(1.0)
    assert set(cat.loc[cat["group"] != "business", "weight_source"]) == {"illustrative (kit default)"}
    assert bm.group_weights().round(2).tolist() == [0.27, 0.25, 0.24, 0.24]
    rel = bm.relationship_catalogue()
    assert len(rel) == 7 and rel["weight"].sum() == pytest.approx(1.0)


def test_default_grid_as_in_the_brief():
    g = bm.strategy_grid(lang="zh")
    assert g.values.tolist() == [["选择性保持", "发展", "发展、防御"],
                                 ["少量保持", "防御、保持", "发展"],
                                 ["退出", "少量保持", "选择性防御"]]
    assert bm.strategy_grid().loc["Poor", "High"] == "Selective defence"


def test_teaching_tables_have_their_shape():
    assert bm.growth_matrix("zh").shape == (2, 2)
    assert bm.lifecycle_strategies().shape == (4, 4)
    tactics = bm.core_customer_tactics("zh")
    assert len(tactics) == 25 and tactics.iloc[:, 0].nunique() == 4


def test_weights_from_groups_keeps_proportions_within_group():
    w = bm.weights_from_groups({"business": 0.54, "products": 0.25, "industry": 0.21, "joint_profit": 0.0})
    assert w.sum() == pytest.approx(1.0)
    assert w["volume"] == pytest.approx(0.16)  # .08 doubled
    assert w["cost_structure"] == 0.0
    assert w["competitive_structure"] == pytest.approx(0.21 / 4)


# ------------------------------------------------------------------ by hand

def test_attractiveness_index_by_hand_with_the_readings_weights():
    # business group scored 5,4,3,4,2,3; the 13 other indicators all 3:
    # .08*5 + .03*4 + .05*3 + .03*4 + .04*2 + .04*3 + .73*3 = .99 + 2.19 = 3.18
    row = dict.fromkeys(IND, 3.0)
    row.update(volume=5, firm_life_cycle=4, expansion_potential=3, supplier_relations=4,
               organisation=2, overall_impression=3)
    scores = pd.DataFrame([row, dict.fromkeys(IND, 5.0)], index=["K1", "K2"])
    idx = bm.attractiveness_index(scores)
    assert idx["K1"] == pytest.approx(3.18)
    assert idx["K2"] == pytest.approx(5.0)


def test_small_weighted_table_by_hand():
    s = pd.DataFrame({"a": [5, 1, 3], "b": [3, 2, 4], "c": [1, 4, 4]}, index=["x", "y", "z"])
    idx = bm.attractiveness_index(s, {"a": 0.5, "b": 0.3, "c": 0.2})
    # x: 2.5 + .9 + .2 = 3.6; y: .5 + .6 + .8 = 1.9; z: 1.5 + 1.2 + .8 = 3.5
    assert idx.round(6).tolist() == [3.6, 1.9, 3.5]


def test_aggregate_experts_by_hand():
    long = long_scores({("A", "E1"): {"volume": 2, "technology_content": 5}, ("A", "E2"): {"volume": 4, "technology_content": 5},
                        ("A", "E3"): {"volume": 5, "technology_content": np.nan},
                        ("B", "E1"): {"volume": 1, "technology_content": 1}, ("B", "E2"): {"volume": 1, "technology_content": 3},
                        ("B", "E3"): {"volume": 4, "technology_content": 2}})
    p = bm.aggregate_experts(long, max_missing=0.5)
    assert list(p.scores.index) == ["A", "B"] and list(p.scores.columns) == ["volume", "technology_content"]
    assert p.scores.loc["A", "volume"] == pytest.approx(11 / 3)
    assert p.scores.loc["A", "technology_content"] == 5.0  # the missing score is skipped
    assert p.n_scored.loc["A", "technology_content"] == 2
    assert p.spread.loc["B", "technology_content"] == pytest.approx(1.0)  # sd of 1, 3, 2
    assert p.spread.loc["A", "technology_content"] == 0.0
    assert p.disagreement["B"] == pytest.approx((np.std([1, 1, 4], ddof=1) + 1.0) / 2)
    med = bm.aggregate_experts(long, method="median")
    assert med.scores.loc["A", "volume"] == 4.0 and med.scores.loc["B", "volume"] == 1.0


def test_relationship_scores_and_index_by_hand():
    sc = bm.relationship_scores(one_account())
    # share .5 -> 4; trend +.15 -> 5; contact (3/month -> 3, breadth 5 -> 5) -> 4; 12 years -> 5
    assert sc.loc["K1"].tolist() == [4.0, 5.0, 4.0, 5.0, 3.0, 4.0, 2.0]
    # .25*4 + .15*5 + .15*4 + .10*5 + .10*3 + .15*4 + .10*2 = 3.95
    assert bm.relationship_index(one_account())["K1"] == pytest.approx(3.95)
    # a value on a band edge goes to the upper band
    assert bm.relationship_scores(one_account(wallet_share=0.10, wallet_share_3y=0.10))["wallet_share"].item() == 2.0


def test_matrix_cells_strategies_and_cut_points():
    d = pd.DataFrame({"attractiveness": [4.2, 1.8, 3.0, 2.5, 3.5, 1.0],
                      "relationship": [2.0, 4.0, 3.0, 3.5, 2.49, 1.0]})
    m = bm.burnett_matrix(d)
    assert m["strategy"].tolist() == ["selective_defence", "selective_maintenance", "defend_maintain",
                                      "develop", "selective_defence", "exit"]
    assert m["cell"].tolist()[:3] == ["high/poor", "low/good", "medium/average"]
    assert bm.burnett_matrix(d, lang="zh")["strategy_label"].iloc[-1] == "退出"
    assert m.attrs["attractiveness_cuts"] == (2.5, 3.5)
    # an index that is 2.5 on paper but not in floating point still counts as on the cut
    on_cut = 0.25 * 1 + 0.15 * 1 + 0.15 * 3 + 0.10 * 3 + 0.10 * 2 + 0.15 * 5 + 0.10 * 4  # 2.4999999999999996
    assert on_cut != 2.5 and on_cut == pytest.approx(2.5)
    edge = bm.burnett_matrix(pd.DataFrame({"attractiveness": [3.0], "relationship": [on_cut]}))
    assert edge["relationship_level"].item() == "average"
    # tertiles: a third of the accounts per level
    x = pd.DataFrame({"attractiveness": np.linspace(1, 5, 30), "relationship": np.linspace(5, 1, 30)})
    t = bm.burnett_matrix(x, attractiveness_cuts="tertiles", relationship_cuts="tertiles")
    assert t["attractiveness_level"].value_counts().tolist() == [10, 10, 10]
    counts = bm.matrix_counts(t)
    assert counts.to_numpy().sum() == 30 and counts.loc["Good", "Low"] == 10


def test_custom_grid_is_used():
    grid = bm.strategy_grid()  # a 3 x 3 table in English labels -> rebuild with keys
    custom = pd.DataFrame("watch", index=list(bm.RELATIONSHIP_LEVELS), columns=list(bm.ATTRACTIVENESS_LEVELS))
    custom.loc["good", "high"] = "key account"
    d = pd.DataFrame({"attractiveness": [4.0, 2.0], "relationship": [4.0, 2.0]})
    m = bm.burnett_matrix(d, grid=custom)
    assert m["strategy"].tolist() == ["key account", "watch"]
    assert m["strategy_label"].tolist() == ["key account", "watch"]
    assert grid.shape == (3, 3)


def test_weight_sensitivity_by_hand():
    # two indicators, weights .5/.5: account K1 scores (5, 2) -> 3.5 (high); K2 (2, 3) -> 2.5 (medium)
    s = pd.DataFrame({"a": [5.0, 2.0], "b": [2.0, 3.0]}, index=["K1", "K2"])
    out = bm.weight_sensitivity(s, {"a": 0.5, "b": 0.5}, delta=0.1)
    # a up (.6/.4): K1 3.8 (high), K2 2.4 (low: changes); a down (.4/.6): K1 3.2 (medium: changes), K2 2.6
    assert out.loc["a", ["cells_up", "cells_down"]].tolist() == [1, 1]
    assert out.loc["b", ["cells_up", "cells_down"]].tolist() == [1, 1]
    assert out["weight"].tolist() == [0.5, 0.5]
    # with relationship 'poor' for both, K2 low/poor = exit vs medium/poor = minimal maintenance: strategy changes
    out2 = bm.weight_sensitivity(s, {"a": 0.5, "b": 0.5}, other=pd.Series([2.0, 2.0], index=["K1", "K2"]), delta=0.1)
    assert out2.loc["a", "strategy_up"] == 1


def test_relationship_reading():
    acc = pd.DataFrame({"account_id": ["a", "b", "c", "d"], "wallet_share": [0.6, 0.3, 0.1, 0.1],
                        "price_rating": [3, 3, 4, 2], "service_rating": [3, 3, 4, 2], "tech_rating": [3, 3, 3, 2]})
    r = bm.relationship_reading(acc)
    assert r["reading"].tolist() == ["loyal", "competitive", "convertible", "competitors_loyal"]
    assert bm.relationship_reading(acc, lang="zh")["reading_label"].iloc[3] == "竞争对手的忠诚客户"


def test_pareto_share():
    assert bm.pareto_share(pd.Series([80, 5, 5, 5, 5])) == pytest.approx(0.8)
    assert bm.pareto_share(pd.Series([1.0] * 10), top=0.3) == pytest.approx(0.3)


# ------------------------------------------------------------------ invariants

score_tables = st.lists(st.lists(st.integers(1, 5), min_size=4, max_size=4), min_size=1, max_size=12)
weight_vectors = st.lists(st.floats(0, 10, allow_nan=False), min_size=4, max_size=4).filter(lambda w: sum(w) > 0.01)


@settings(max_examples=60, deadline=None)
@given(score_tables, weight_vectors)
def test_index_within_scale_and_monotone(rows, raw_w):
    cols = ["a", "b", "c", "d"]
    s = pd.DataFrame(rows, columns=cols, dtype="float64")
    w = pd.Series(raw_w, index=cols) / sum(raw_w)
    before = s.copy()
    idx = bm.attractiveness_index(s, w)
    assert ((idx >= 1 - 1e-9) & (idx <= 5 + 1e-9)).all()
    pd.testing.assert_frame_equal(s, before)  # input not mutated
    for j, c in enumerate(cols):
        if w[c] > 1e-6:
            up = s.assign(**{c: (s[c] + 1).clip(upper=5)})
            new = bm.attractiveness_index(up, w)
            assert (new >= idx - 1e-12).all()
            grew = s[c] < 5
            assert (new[grew] > idx[grew]).all()


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_relabelling_accounts_changes_nothing(seed):
    acc = datasets.generate("burnett_accounts", seed=seed, n_accounts=20, n_experts=3).frame
    ex = datasets.generate("burnett_expert_scores", seed=seed, n_accounts=20, n_experts=3).frame
    rng = np.random.default_rng(seed)
    ids = acc["account_id"].tolist()
    new_ids = dict(zip(ids, [f"X{i}" for i in rng.permutation(len(ids))]))
    acc2 = acc.assign(account_id=acc["account_id"].map(new_ids)).sample(frac=1, random_state=seed)
    ex2 = ex.assign(account_id=ex["account_id"].map(new_ids)).sample(frac=1, random_state=seed)
    acc_before, ex_before = acc2.copy(), ex2.copy()
    a = bm.portfolio(acc, ex)
    b = bm.portfolio(acc2, ex2)
    pd.testing.assert_frame_equal(acc2, acc_before)
    pd.testing.assert_frame_equal(ex2, ex_before)
    b = b.rename(index={v: k for k, v in new_ids.items()}).loc[a.index]
    pd.testing.assert_series_equal(a["attractiveness"], b["attractiveness"], check_names=False)
    pd.testing.assert_series_equal(a["relationship"], b["relationship"], check_names=False)
    assert a["cell"].tolist() == b["cell"].tolist()


def test_functions_do_not_mutate_inputs():
    acc = datasets.load("burnett_accounts")
    ex = datasets.load("burnett_expert_scores")
    a0, e0 = acc.copy(), ex.copy()
    t = bm.portfolio(acc, ex)
    t0 = t.copy()
    bm.burnett_matrix(t, attractiveness_cuts="tertiles")
    bm.relationship_reading(acc)
    bm.weight_sensitivity(bm.aggregate_experts(ex), other=t["relationship"])
    pd.testing.assert_frame_equal(acc, a0)
    pd.testing.assert_frame_equal(ex, e0)
    pd.testing.assert_frame_equal(t, t0)


# ------------------------------------------------------------------ ground truth

def _truth_table(truth):
    return pd.DataFrame({k: truth[k] for k in ("attractiveness", "relationship", "cell", "strategy")},
                        index=pd.Index(truth["account_id"], name="account_id"))


def test_truth_is_consistent_with_the_matrix():
    truth = datasets.ground_truth("burnett_accounts")
    tt = _truth_table(truth)
    m = bm.burnett_matrix(tt[["attractiveness", "relationship"]])
    assert m["cell"].tolist() == tt["cell"].tolist()
    assert m["strategy"].tolist() == tt["strategy"].tolist()


def test_recovery_of_true_cells_on_low_noise_data():
    # 1000 accounts, 5 experts with noise SD 0.1: at least 90% of the cells recovered,
    # indices within 0.15 points of the truth on average
    kw = dict(seed=11, n_accounts=1000, n_experts=5, noise=0.1, missing_rate=0.03)
    g = datasets.generate("burnett_accounts", **kw)
    ex = datasets.generate("burnett_expert_scores", **kw).frame
    t = bm.portfolio(g.frame, ex)
    tt = _truth_table(g.truth)
    assert (t["cell"] == tt["cell"]).mean() >= 0.90
    assert (t["attractiveness"] - tt["attractiveness"]).abs().mean() < 0.15
    assert (t["relationship"] - tt["relationship"]).abs().mean() < 0.15
    assert np.corrcoef(t["attractiveness"], tt["attractiveness"])[0, 1] > 0.98


def test_recovery_of_expert_leniency_and_controversial_accounts():
    kw = dict(seed=5, n_accounts=600, n_experts=4)
    g = datasets.generate("burnett_expert_scores", **kw)
    p = bm.aggregate_experts(g.frame)
    # each expert's mean deviation from the panel ~ its bias minus the mean bias (within 0.1)
    dev = g.frame.assign(panel=g.frame.set_index(["account_id", "indicator"]).index.map(p.scores.stack()))
    dev = (dev["score"] - dev["panel"]).groupby(dev["expert"]).mean()
    bias = pd.Series(g.truth["expert_bias"])
    assert np.abs((dev - (bias - bias.mean())).to_numpy()).max() < 0.1
    # the accounts the experts disagree on most are mostly the controversial ones
    top = p.disagreement.nlargest(len(g.truth["controversial"])).index
    assert len(set(top) & set(g.truth["controversial"])) / len(top) >= 0.8


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("bad", [0, 6])
def test_score_outside_scale_raises(bad):
    ex = datasets.load("burnett_expert_scores")
    ex.loc[3, "score"] = bad
    with pytest.raises(CRMDataError, match="'score'.*outside the 1-5 scale"):
        bm.aggregate_experts(ex)
    s = pd.DataFrame({"a": [3, bad]})
    with pytest.raises(CRMDataError, match="'a'"):
        bm.attractiveness_index(s, {"a": 1.0})


def test_weights_not_summing_to_one_raise():
    s = pd.DataFrame({"a": [3], "b": [4]})
    with pytest.raises(CRMDataError, match="sum to 0.9"):
        bm.attractiveness_index(s, {"a": 0.5, "b": 0.4})
    with pytest.raises(CRMDataError, match="non-negative"):
        bm.attractiveness_index(s, {"a": 1.2, "b": -0.2})
    with pytest.raises(CRMDataError, match="sum to 0.9"):
        bm.relationship_index(one_account(), {**bm.default_relationship_weights(), "years": 0.0})


def test_unknown_indicator_name_raises():
    ex = datasets.load("burnett_expert_scores")
    ex.loc[5, "indicator"] = "volumme"
    with pytest.raises(CRMDataError, match="'indicator'.*'volumme'"):
        bm.aggregate_experts(ex)
    s = pd.DataFrame({"volume": [3]})
    with pytest.raises(CRMDataError, match="'volumme'"):
        bm.attractiveness_index(s, {"volumme": 1.0})


def test_missing_expert_scores_beyond_threshold_raise():
    long = long_scores({("A", "E1"): {"volume": 2}, ("A", "E2"): {"volume": np.nan},
                        ("A", "E3"): {"volume": np.nan}, ("B", "E1"): {"volume": 1},
                        ("B", "E2"): {"volume": 3}, ("B", "E3"): {"volume": 4}})
    with pytest.raises(CRMDataError, match="'score'.*too many missing.*'A'/'volume' \\(1 of 3\\)"):
        bm.aggregate_experts(long)
    p = bm.aggregate_experts(long, max_missing=0.7)
    assert p.scores.loc["A", "volume"] == 2.0
    # an absent row counts as missing too
    with pytest.raises(CRMDataError, match="too many missing.*'B'/'volume' \\(1 of 3\\)"):
        bm.aggregate_experts(long.drop(index=[3, 4]), max_missing=0.5)
    with pytest.raises(CRMDataError, match="max_missing"):
        bm.aggregate_experts(long, max_missing=1.5)


def test_other_bad_inputs_raise():
    ex = datasets.load("burnett_expert_scores")
    with pytest.raises(CRMDataError, match="more than one row"):
        bm.aggregate_experts(pd.concat([ex, ex.head(1)], ignore_index=True))
    with pytest.raises(CRMDataError, match="'expert'"):
        bm.aggregate_experts(ex.drop(columns="expert"))
    with pytest.raises(CRMDataError, match="'wallet_share'"):
        bm.relationship_scores(one_account(wallet_share=1.4))
    with pytest.raises(CRMDataError, match="'service_rating'"):
        bm.relationship_scores(one_account(service_rating=7))
    d = pd.DataFrame({"attractiveness": [3.0], "relationship": [3.0]})
    with pytest.raises(CRMDataError, match="attractiveness_cuts"):
        bm.burnett_matrix(d, attractiveness_cuts=(3.5, 2.5))
    with pytest.raises(CRMDataError, match="'relationship'"):
        bm.burnett_matrix(d.assign(relationship=5.5))
    with pytest.raises(CRMDataError, match="grid has no strategy"):
        bm.burnett_matrix(d, grid={("good", "high"): "develop"})
    with pytest.raises(CRMDataError, match="method"):
        bm.aggregate_experts(ex, method="mode")


# ------------------------------------------------------------------ plots and widget

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plots_draw_in_both_languages(lang):
    import matplotlib.pyplot as plt

    from crmlab import plots
    from crmlab.labels import t as t_

    acc, ex = datasets.load("burnett_accounts"), datasets.load("burnett_expert_scores")
    t = bm.portfolio(acc, ex, lang=lang)
    panel = bm.aggregate_experts(ex)
    ax = plots.bubble_matrix(t, lang=lang, annotate=5)
    assert len(ax.collections) == t["strategy"].nunique()  # one colour per strategy present
    assert sorted(line.get_xdata()[0] for line in ax.lines if line.get_xdata()[0] == line.get_xdata()[1]) == [2.5, 3.5]
    # drawn as the grid table: x attractiveness, y relationship
    assert ax.get_xlabel() == t_("bm_attractiveness_axis", lang) and ax.get_ylabel() == t_("bm_relationship_axis", lang)
    first = ax.collections[0]
    k = t["strategy"] == [s for s in plots.STRATEGY_COLORS if (t["strategy"] == s).any()][0]
    assert first.get_offsets()[:, 0].tolist() == pytest.approx(t.loc[k, "attractiveness"].tolist())
    # the finding title names the cell with the most sales
    share = t.groupby("cell")["revenue"].sum()
    assert bm.cell_label(share.idxmax(), lang) in ax.get_title()
    # a size key (a second legend) and the account labels do not overlap one another
    assert len([a for a in ax.get_children() if type(a).__name__ == "Legend"]) == 2
    renderer = ax.figure.canvas.get_renderer()
    boxes = [x.get_window_extent(renderer) for x in ax.texts]
    assert len(boxes) == 9 + 5
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].overlaps(boxes[j]), (ax.texts[i].get_text(), ax.texts[j].get_text())
    ax2 = plots.disagreement_bars(panel, top=10, lang=lang)
    assert len(ax2.patches) == 10
    ax3 = plots.sensitivity_bars(bm.weight_sensitivity(panel, other=t["relationship"]), 0.05, lang=lang)
    truth = datasets.ground_truth("burnett_accounts")
    ax4 = plots.cell_confusion(t["cell"], pd.Series(truth["cell"], index=truth["account_id"]), lang=lang)
    ax5 = plots.share_trend(acc, lang=lang)
    gained = int(((acc["wallet_share"] - acc["wallet_share_3y"]).round(9) > 0.02).sum())
    assert str(gained) in ax5.get_title()
    ax6 = plots.budget_bars(bm.budget_by_cell(t, 1000, lang=lang), lang=lang)
    assert len(ax6.patches) == 18
    # the sensitivity legend sits above the axes, off the bars
    leg = ax3.get_legend()
    ax3.figure.canvas.draw()
    assert leg.get_window_extent().y0 >= ax3.get_window_extent().y1 - 1
    for a in (ax, ax2, ax3, ax4, ax5, ax6):
        a.figure.canvas.draw()  # "Glyph missing" warnings are errors in this suite
    plt.close("all")


def test_widget_redraws_and_counts_changed_cells():
    import matplotlib.pyplot as plt

    from crmlab.widgets import matrix_explorer

    acc, ex = datasets.load("burnett_accounts"), datasets.load("burnett_expert_scores")
    t = bm.portfolio(acc, ex)
    w = matrix_explorer(bm.aggregate_experts(ex), t["relationship"], t["revenue"])
    controls = w.children[0].children
    text = controls[-1]
    assert text.value.startswith("0 of 150")
    controls[5].value = (2.0, 3.0)  # relationship cuts
    expected = bm.cells_changed(t, bm.burnett_matrix(t, relationship_cuts=(2.0, 3.0)))
    assert text.value.startswith(f"{expected} of 150") and expected > 0
    # the slider labels are wide enough for the longest group name (no "Customer's products/se...")
    width = int(controls[0].style.description_width.rstrip("px"))
    assert width >= 7 * max(len(bm.label(g)) for g in bm.GROUPS)
    plt.close("all")


# ------------------------------------------------------------------ rater agreement (issue 15)

def _long(matrix: list[list[float]], indicator: str = "volume") -> pd.DataFrame:
    """accounts x experts scores -> the long table (accounts A, B, ...; experts E1, E2, ...)."""
    rows = [(chr(65 + i), f"E{j + 1}", indicator, s) for i, row in enumerate(matrix) for j, s in enumerate(row)]
    return pd.DataFrame(rows, columns=["account_id", "expert", "indicator", "score"])


def test_rater_agreement_by_hand():
    # E1: 1, 3, 5; E2: 2, 4, 3. Row means 1.5, 3.5, 4; grand 3; expert means 3, 3.
    # MSR = 2 (2.25 + .25 + 1) / 2 = 3.5; MSC = 0; residuals +-.5, +-.5, +-1: SSE = 3, MSE = 1.5.
    # ICC(2,1) = 2 / (3.5 + 1.5 - 1.5 * 2 / 3) = 0.5; ICC(3,1) = 2 / 5; ICC(2,k) = 2 / (3.5 - .5) = 2/3.
    # Ranks E1 1, 2, 3; E2 1, 3, 2: rank sums 2, 5, 5, mean 4, S = 6, W = 12 * 6 / (4 * 24) = 0.75.
    r = bm.rater_agreement(_long([[1, 2], [3, 4], [5, 3]]), indicators=["volume"]).loc["volume"]
    assert r["icc_agreement"] == pytest.approx(0.5)
    assert r["icc_consistency"] == pytest.approx(0.4)
    assert r["icc_panel"] == pytest.approx(2 / 3)
    assert r["kendall_w"] == pytest.approx(0.75)
    assert (r["n_accounts"], r["n_dropped"]) == (3, 0)


def test_kendall_w_tie_correction_by_hand():
    # E1: 1, 1, 2 (ranks 1.5, 1.5, 3; T = 2^3 - 2 = 6); E2: 1, 2, 3 (ranks 1, 2, 3).
    # Rank sums 2.5, 3.5, 6; mean 4; S = 2.25 + .25 + 4 = 6.5; W = 12 * 6.5 / (4 * 24 - 2 * 6) = 78 / 84.
    r = bm.rater_agreement(_long([[1, 1], [1, 2], [2, 3]]), indicators=["volume"])
    assert r.loc["volume", "kendall_w"] == pytest.approx(78 / 84)


def test_leniency_lowers_absolute_agreement_not_consistency():
    base = [[1, 1], [2, 2], [3, 3], [4, 4]]
    same = bm.rater_agreement(_long(base), indicators=["volume"]).loc["volume"]
    lenient = bm.rater_agreement(_long([[a, b + 1] for a, b in base]), indicators=["volume"]).loc["volume"]
    assert same["icc_agreement"] == pytest.approx(1.0) and same["kendall_w"] == pytest.approx(1.0)
    assert lenient["icc_consistency"] == pytest.approx(1.0) and lenient["kendall_w"] == pytest.approx(1.0)
    assert lenient["icc_agreement"] < 0.9


def test_rater_agreement_leaves_out_accounts_with_a_missing_score():
    long = _long([[1, 2], [3, 4], [5, 3], [4, np.nan]])
    before = long.copy()
    r = bm.rater_agreement(long, indicators=["volume"]).loc["volume"]
    assert (r["n_accounts"], r["n_dropped"]) == (3, 1)
    assert r["icc_agreement"] == pytest.approx(0.5)  # the same as without the fourth account
    pd.testing.assert_frame_equal(long, before)


def test_kendall_w_equals_friedman_over_m_n_minus_1():
    from scipy import stats

    ex = datasets.load("burnett_expert_scores")
    r = bm.rater_agreement(ex)
    for ind in ("volume", "margin_effect"):
        wide = ex[ex["indicator"] == ind].pivot(index="account_id", columns="expert", values="score").dropna()
        n, m = wide.shape
        chi2 = stats.friedmanchisquare(*wide.to_numpy(dtype="float64")).statistic  # accounts are the treatments, experts the blocks
        assert r.loc[ind, "kendall_w"] == pytest.approx(chi2 / (m * (n - 1)), rel=1e-12)


def test_icc_agrees_with_pingouin():
    """Cross-check against pingouin's intraclass_corr (GPL-3: a test-only requirement, skipped without it)."""
    pg = pytest.importorskip("pingouin")
    ex = datasets.load("burnett_expert_scores")
    r = bm.rater_agreement(ex)
    for ind in ("volume", "resource_fit"):
        wide = ex[ex["indicator"] == ind].pivot(index="account_id", columns="expert", values="score").dropna()
        long = wide.stack().rename("score").reset_index()
        ref = pg.intraclass_corr(long, targets="account_id", raters="expert", ratings="score").set_index("Type")["ICC"]
        ref = ref.rename(index={"ICC2": "ICC(A,1)", "ICC3": "ICC(C,1)", "ICC2k": "ICC(A,k)"})
        assert r.loc[ind, "icc_agreement"] == pytest.approx(ref["ICC(A,1)"], abs=1e-12)
        assert r.loc[ind, "icc_consistency"] == pytest.approx(ref["ICC(C,1)"], abs=1e-12)
        assert r.loc[ind, "icc_panel"] == pytest.approx(ref["ICC(A,k)"], abs=1e-12)


def test_agreement_falls_with_expert_noise():
    calm = datasets.generate("burnett_expert_scores", seed=3, n_accounts=200, noise=0.3).frame
    loud = datasets.generate("burnett_expert_scores", seed=3, n_accounts=200, noise=1.2).frame
    a, b = bm.rater_agreement(calm), bm.rater_agreement(loud)
    assert (a["icc_agreement"] > b["icc_agreement"]).all()
    assert (a["kendall_w"] > b["kendall_w"]).all()


# ------------------------------------------------------------------ scores from data, CLV, budget (issue 15)

def test_to_scores_quintiles_by_hand_and_ties():
    s = bm.to_scores(pd.Series(np.arange(10.0), index=[f"K{i}" for i in range(10)], name="clv"))
    assert s.tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] and s.name == "clv"
    tied = bm.to_scores(pd.Series([1.0, 1.0, 1.0, 1.0, 9.0]))
    assert tied.tolist() == [1, 1, 1, 1, 5]  # equal values, equal scores
    lin = bm.to_scores(pd.Series([0.0, 5.0, 10.0]), method="linear")
    assert lin.tolist() == [1.0, 3.0, 5.0]


def test_attractiveness_index_with_clv_replaces_profit_potential():
    ex = datasets.load("burnett_expert_scores")
    panel = bm.aggregate_experts(ex)
    ids = panel.scores.index
    clv = pd.Series(np.arange(len(ids), dtype="float64"), index=ids[::-1])  # K150 lowest ... K001 highest
    before = panel.scores.copy()
    with_clv = bm.attractiveness_index(panel, clv=clv)
    pts = bm.to_scores(clv).reindex(ids)
    w = bm.default_attractiveness_weights()["profit_potential"]
    expected = bm.attractiveness_index(panel) + w * (pts - panel.scores["profit_potential"])
    assert with_clv.to_numpy() == pytest.approx(expected.to_numpy(), abs=1e-9)
    pd.testing.assert_frame_equal(panel.scores, before)
    assert with_clv.between(1, 5).all()


def test_attractiveness_index_with_clv_as_a_new_indicator():
    s = pd.DataFrame({"a": [5.0, 1.0]}, index=["K1", "K2"])
    clv = pd.Series({"K2": 100.0, "K1": 0.0, "K9": 50.0})  # extra accounts are ignored
    out = bm.attractiveness_index(s, {"a": 0.5, "clv": 0.5}, clv=clv, clv_indicator="clv", clv_method="linear")
    assert out.tolist() == [3.0, 3.0]


def test_budget_by_cell_by_hand():
    d = pd.DataFrame({"attractiveness": [4.2, 4.0, 3.0, 1.8], "relationship": [4.0, 4.0, 3.0, 1.2],
                      "revenue": [10.0, 30.0, 40.0, 20.0]}, index=list("ABCD"))
    m = bm.burnett_matrix(d)
    plan = bm.budget_by_cell(m, 1000).set_index("cell")
    # points: A, B develop_defend 4 each, C defend_maintain 2, D exit 0 -> 10 in all
    assert plan.loc["high/good", "budget"] == pytest.approx(800)
    assert plan.loc["medium/average", "budget"] == pytest.approx(200)
    assert plan.loc["low/poor", "budget"] == 0
    assert plan["budget"].sum() == pytest.approx(1000)
    assert plan.loc["high/good", "budget_per_account"] == pytest.approx(400)
    assert plan.loc["high/good", "revenue_share"] == pytest.approx(0.4)
    assert len(plan) == 9 and plan.loc["low/good", "accounts"] == 0
    own = bm.budget_by_cell(m, 100, effort={**bm.STRATEGY_EFFORT, "exit": 2.0}).set_index("cell")
    assert own.loc["low/poor", "budget"] == pytest.approx(100 * 2 / 12)


def test_cell_distance_and_labels():
    est = pd.Series(["medium/good", "high/good", "low/average"], index=[1, 2, 3])
    tru = pd.Series(["high/good", "high/good", "high/poor"], index=[1, 2, 3])
    assert bm.cell_distance(est, tru).tolist() == [1, 0, 3]
    assert bm.cell_label("high/good") == "High / Good"
    assert bm.cell_label("high/good", "zh") == f"{bm.label('high', 'zh')} / {bm.label('good', 'zh')}"
    m = bm.burnett_matrix(pd.DataFrame({"attractiveness": [4.2], "relationship": [2.0]}), lang="zh")
    assert m["cell"].iloc[0] == "high/poor" and m["cell_label"].iloc[0] == bm.cell_label("high/poor", "zh")


def test_catalogue_texts_go_through_labels():
    zh = bm.attractiveness_catalogue("zh")
    assert set(zh["weight_source"]) == {bm.label("source_reading", "zh"), bm.label("source_illustrative", "zh")}
    assert bm.relationship_catalogue("zh")["score_rule"].iloc[0] == bm.label("rule_wallet_share", "zh")


def test_margin_and_retention_columns():
    a = datasets.load("burnett_accounts")
    assert a["gross_margin"].between(0.03, 0.45).all() and a["retention"].between(0.40, 0.97).all()
    # retention follows the relationship, the margin the profit potential (the generator's model)
    assert np.corrcoef(a["retention"], bm.relationship_index(a))[0, 1] > 0.5
    pp = bm.aggregate_experts(datasets.load("burnett_expert_scores")).scores["profit_potential"]
    assert np.corrcoef(a["gross_margin"], pp.reindex(a["account_id"]))[0, 1] > 0.4
