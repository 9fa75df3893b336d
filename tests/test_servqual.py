"""Unit tests of crmlab.servqual (topic 5, the GAP model and SERVQUAL).

Hand-computed tiny examples (gaps, intervals, Cronbach's alpha against the
textbook formula written out directly), hypothesis invariants, a custom
item map, ground-truth recovery on a large generated survey, bad input,
and the real kiosk SERVQUAL data scored through the item-map parameter.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats as sst

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.errors import CRMDataError
from crmlab.labels import catalogue, t

KIOSK = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "kiosk_servqual_hanakim120.csv"
TWO = {"a": [1, 2], "b": [3]}


@pytest.fixture
def tiny():
    # three respondents, items 1-2 in dimension a, item 3 in b
    return pd.DataFrame({
        "E1": [7, 6, 5], "P1": [5, 6, 7],
        "E2": [6, 6, 4], "P2": [6, 3, 4],
        "E3": [7, 7, 7], "P3": [4, 5, 6],
        "imp_a": [50, 20, 100], "imp_b": [50, 80, 0],
        "wave": ["before", "after", "after"], "branch": ["x", "y", "x"],
    }, index=[10, 20, 30])


@pytest.fixture(scope="module")
def big():
    return datasets.generate("servqual_survey", seed=3, n=40000)


@pytest.fixture(scope="module")
def shipped():
    return datasets.load("servqual_survey")


# ================================================================== hand-computed examples

def test_gaps_by_hand(tiny):
    r = sq.servqual_gaps(tiny, TWO)
    # item gaps P - E
    assert r.respondent.loc[10].tolist() == [-2, 0, -3]
    assert r.respondent.loc[20].tolist() == [0, -3, -2]
    assert r.respondent.loc[30].tolist() == [2, 0, -1]
    # dimension a = mean of items 1, 2; b = item 3; overall = mean of a and b
    assert r.dimension_scores["a"].tolist() == [-1.0, -1.5, 1.0]
    assert r.dimension_scores["b"].tolist() == [-3.0, -2.0, -1.0]
    assert r.dimension_scores["overall"].tolist() == [-2.0, -1.75, 0.0]
    items = r.items
    assert items.loc[1, "gap"] == pytest.approx(0.0)
    assert items.loc[1, "expectation"] == pytest.approx(6.0)
    assert items.loc[1, "perception"] == pytest.approx(6.0)
    assert items.loc[3, "gap"] == pytest.approx(-2.0)
    assert r.dimensions.loc["a", "gap"] == pytest.approx(-0.5)
    assert r.dimensions.loc["b", "gap"] == pytest.approx(-2.0)
    assert r.overall.loc["all", "gap"] == pytest.approx(-1.25)
    # interval of dimension b: mean -2, sd 1, n 3: -2 ± t(0.975, 2) / sqrt(3)
    half = sst.t.ppf(0.975, 2) * 1 / np.sqrt(3)
    assert r.dimensions.loc["b", "ci_low"] == pytest.approx(-2 - half)
    assert r.dimensions.loc["b", "ci_high"] == pytest.approx(-2 + half)


def test_gaps_by_group_and_missing(tiny):
    df = tiny.assign(P2=[np.nan, 3, 4])
    r = sq.servqual_gaps(df, TWO, by="branch")
    # respondent 10 answered only item 1 of dimension a: score a = -2
    assert r.dimension_scores.loc[10, "a"] == -2.0
    assert r.items.loc[("x", 2), "n"] == 1
    assert r.dimensions.loc[("x", "a"), "gap"] == pytest.approx((-2 + 1) / 2)
    assert r.overall.loc["y", "gap"] == pytest.approx(-1.75)


def test_weighted_by_hand(tiny):
    w = sq.weighted_servqual(tiny, TWO)
    # .5*-1 + .5*-3 = -2; .2*-1.5 + .8*-2 = -1.9; 1*1 + 0*-1 = 1
    assert w.scores.tolist() == pytest.approx([-2.0, -1.9, 1.0])
    assert w.table.loc["all", "score"] == pytest.approx(-0.9666667)
    fixed = sq.weighted_servqual(tiny, TWO, weights={"a": 0.25, "b": 0.75})
    assert fixed.scores.tolist() == pytest.approx([-2.5, -1.875, -0.5])
    norm = sq.weighted_servqual(tiny, TWO, weights={"a": 1, "b": 3}, normalize=True)
    assert norm.scores.tolist() == pytest.approx(fixed.scores.tolist())
    # a respondent without a score on b: weights re-normalised over a
    miss = tiny.assign(P3=[np.nan, 5, 6])
    assert sq.weighted_servqual(miss, TWO).scores.loc[10] == pytest.approx(-1.0)


def _alpha_textbook(rows):
    """Cronbach's alpha written out: k/(k-1) * (1 - sum item variances / variance of totals)."""
    k = len(rows[0])

    def var(xs):
        m = sum(xs) / len(xs)
        return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)

    items = [[r[j] for r in rows] for j in range(k)]
    totals = [sum(r) for r in rows]
    return k / (k - 1) * (1 - sum(var(c) for c in items) / var(totals))


def test_alpha_by_hand():
    df = pd.DataFrame({"E1": [7, 7, 7, 7], "E2": [7, 7, 7, 7], "P1": [1, 2, 3, 4], "P2": [2, 2, 4, 4]})
    # gaps: (-6,-5), (-5,-5), (-4,-3), (-3,-3): item variances 5/3 and 4/3, totals -11,-10,-7,-6 var 17/3
    a = sq.cronbach_alpha(df, {"d": [1, 2]})
    assert a.loc["d", "alpha"] == pytest.approx(2 * (1 - 3 / (17 / 3)))
    assert a.loc["d", "alpha"] == pytest.approx(_alpha_textbook([[-6, -5], [-5, -5], [-4, -3], [-3, -3]]))


def test_alpha_listwise_and_against_textbook_formula(shipped):
    a = sq.cronbach_alpha(shipped, on="perception")
    cols = [f"P{j}" for j in range(5, 10)]
    complete = shipped[cols].dropna()
    assert a.loc["reliability", "n"] == len(complete)
    assert a.loc["reliability", "k"] == 5
    assert a.loc["reliability", "alpha"] == pytest.approx(_alpha_textbook(complete.to_numpy().tolist()))
    assert (a["alpha"] > 0.7).all()  # the generator has one factor per dimension
    assert np.isnan(sq.cronbach_alpha(pd.DataFrame({"E1": [1, 2], "P1": [2, 3]}), {"one": [1]})["alpha"].item())


def test_gap1_by_hand(tiny):
    mgmt = pd.DataFrame({"M1": [6, 4], "M2": [5, 5], "M3": [6, 6], "branch": ["x", "x"]})
    g = sq.gap1(mgmt, tiny, TWO, by=None)
    # managers: a = mean(5.5, 4.5) = 5, b = 6; customers: a = mean(6.5, 6, 4.5) = 17/3, b = 7
    assert g.loc["a", "management"] == pytest.approx(5.0)
    assert g.loc["a", "customers"] == pytest.approx(17 / 3)
    assert g.loc["a", "gap1"] == pytest.approx(5 - 17 / 3)
    assert g.loc["b", "gap1"] == pytest.approx(-1.0)
    gi = sq.gap1(mgmt, tiny, TWO, by="branch", level="item")
    assert gi.loc[("x", 1), "gap1"] == pytest.approx(5 - 6)  # customers of x: E1 = 7, 5
    assert gi.loc[("x", 1), "n_customers"] == 2


def test_wave_change_by_hand(tiny):
    w = sq.wave_change(tiny, TWO)
    # overall: before -2 (one respondent), after mean(-1.75, 0) = -0.875
    assert w.loc["overall", "before"] == pytest.approx(-2.0)
    assert w.loc["overall", "after"] == pytest.approx(-0.875)
    assert w.loc["overall", "change"] == pytest.approx(1.125)
    assert np.isnan(w.loc["overall", "ci_low"])  # n = 1 before: no interval


def test_priorities_by_hand(tiny):
    p = sq.improvement_priorities(tiny, TWO)
    # mean weights a = 170/300, b = 130/300; gaps: item1 0, item2 -1, item3 -2
    assert p.index.tolist() == [3, 2, 1]
    assert p.loc[3, "weighted_shortfall"] == pytest.approx(130 / 300 * 2)
    assert p.loc[2, "weighted_shortfall"] == pytest.approx(170 / 300 * 1)
    assert p.loc[1, "shortfall"] == 0
    assert p["rank"].tolist() == [1, 2, 3]


def test_instrument_and_gap_model():
    inst = sq.instrument()
    assert len(inst) == 22
    assert inst.groupby("dimension", sort=False).size().to_dict() == {
        "tangibles": 4, "reliability": 5, "responsiveness": 4, "assurance": 4, "empathy": 5}
    assert inst["expectation"].str.startswith("An excellent bank").all()
    assert sq.instrument("zh")["perception"].str.startswith("本支行").all()
    assert list(sq.GAPS.index) == [1, 2, 3, 4, 5]
    assert sq.gap_model("zh").loc[1, "name"].startswith("认知差距")
    assert sq.SERVQUAL.e_columns[:2] == ["E1", "E2"] and len(sq.SERVQUAL.p_columns) == 22


# ================================================================== invariants

@st.composite
def surveys(draw):
    n = draw(st.integers(3, 25))
    sizes = draw(st.lists(st.integers(2, 4), min_size=2, max_size=4))
    k = sum(sizes)
    vals = draw(st.lists(st.integers(1, 7), min_size=2 * n * k, max_size=2 * n * k))
    x = np.array(vals, dtype=float).reshape(2, n, k)
    dims, start = {}, 1
    for i, s in enumerate(sizes):
        dims[f"d{i}"] = list(range(start, start + s))
        start += s
    cols = {f"E{j}": x[0, :, j - 1] for j in range(1, k + 1)} | {f"P{j}": x[1, :, j - 1] for j in range(1, k + 1)}
    pts = draw(st.lists(st.integers(0, 10), min_size=n * len(sizes), max_size=n * len(sizes)))
    p = np.array(pts, dtype=float).reshape(n, len(sizes)) + 0.5
    p = p / p.sum(axis=1, keepdims=True) * 100
    cols |= {f"imp_d{i}": p[:, i] for i in range(len(sizes))}
    return pd.DataFrame(cols), dims


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys(), st.randoms(use_true_random=False))
def test_invariants(data, rnd):
    df, dims = data
    before = df.copy()
    r = sq.servqual_gaps(df, dims)
    w = sq.weighted_servqual(df, dims)
    pd.testing.assert_frame_equal(df, before)  # inputs not mutated
    g = r.respondent.to_numpy()
    assert (g >= -6).all() and (g <= 6).all()
    s = r.dimension_scores[list(dims)].to_numpy()
    assert (w.scores.to_numpy() >= s.min(axis=1) - 1e-9).all()
    assert (w.scores.to_numpy() <= s.max(axis=1) + 1e-9).all()
    # permuting respondents changes nothing
    order = list(df.index)
    rnd.shuffle(order)
    r2 = sq.servqual_gaps(df.loc[order], dims)
    pd.testing.assert_frame_equal(r.dimensions, r2.dimensions, check_exact=False, atol=1e-9)
    pd.testing.assert_frame_equal(r.items, r2.items, check_exact=False, atol=1e-9)
    assert sq.weighted_servqual(df.loc[order], dims).table.loc["all", "score"] == pytest.approx(
        w.table.loc["all", "score"])
    a1, a2 = sq.cronbach_alpha(df, dims), sq.cronbach_alpha(df.loc[order], dims)
    pd.testing.assert_frame_equal(a1, a2, check_exact=False, atol=1e-9)


def test_no_mutation_of_management_and_survey(shipped):
    mgmt = datasets.load("servqual_management")
    a, b = shipped.copy(), mgmt.copy()
    sq.gap1(mgmt, shipped)
    sq.wave_change(shipped)
    sq.improvement_priorities(shipped)
    pd.testing.assert_frame_equal(a, shipped)
    pd.testing.assert_frame_equal(b, mgmt)


# ================================================================== custom item map

def test_custom_map_24_items_6_dimensions_equals_renamed_columns():
    rng = np.random.default_rng(5)
    n = 300
    own = {f"d{k}": list(range(4 * k + 1, 4 * k + 5)) for k in range(6)}  # 24 items
    data = {}
    for j in range(1, 25):
        data[f"exp_q{j:02d}"] = rng.integers(1, 8, n).astype(float)
        data[f"perf_q{j:02d}"] = rng.integers(1, 8, n).astype(float)
    pts = rng.dirichlet(np.ones(6), n) * 100
    for k in range(6):
        data[f"points_d{k}"] = pts[:, k]
    df = pd.DataFrame(data)
    names = ["speed", "accuracy", "care", "safety", "comfort", "price"]
    m = sq.item_map(dict(zip(names, own.values())), expectation=lambda i: f"exp_q{i:02d}",
                    perception=lambda i: f"perf_q{i:02d}",
                    importance={nm: f"points_d{k}" for k, nm in enumerate(names)})
    r = sq.servqual_gaps(df, m)
    w = sq.weighted_servqual(df, m)
    a = sq.cronbach_alpha(df, m)
    # the same survey renamed to the default layout E1..E24, P1..P24, imp_<dimension>
    ren = {f"exp_q{j:02d}": f"E{j}" for j in range(1, 25)} | {f"perf_q{j:02d}": f"P{j}" for j in range(1, 25)}
    ren |= {f"points_d{k}": f"imp_{nm}" for k, nm in enumerate(names)}
    df2 = df.rename(columns=ren)
    default_layout = dict(zip(names, own.values()))
    r2 = sq.servqual_gaps(df2, default_layout)
    pd.testing.assert_frame_equal(r.dimensions, r2.dimensions)
    pd.testing.assert_frame_equal(r.items, r2.items)
    pd.testing.assert_series_equal(w.scores, sq.weighted_servqual(df2, default_layout).scores)
    pd.testing.assert_frame_equal(a, sq.cronbach_alpha(df2, default_layout))
    assert list(r.dimensions.index) == names and len(r.items) == 24


# ================================================================== ground truth

def test_recovers_true_gaps_and_wave_effect(big):
    """40,000 respondents (20,000 per wave): dimension gaps within 0.03 (about 6 standard errors)."""
    df, truth = big.frame, big.truth
    for w in ("before", "after"):
        r = sq.servqual_gaps(df[df["wave"] == w])
        for d in sq.DIMENSIONS:
            assert r.dimensions.loc[d, "gap"] == pytest.approx(truth["dimension_gap"][w][d], abs=0.03)
        for j in (1, 7, 12, 20):
            assert r.items.loc[j, "gap"] == pytest.approx(truth["item_gap"][w][j], abs=0.04)
        ws = sq.weighted_servqual(df[df["wave"] == w]).table.loc["all", "score"]
        assert ws == pytest.approx(truth["weighted_gap"][w], abs=0.03)
    ch = sq.wave_change(df)
    for d in sq.DIMENSIONS:
        est, lo, hi = ch.loc[d, ["change", "ci_low", "ci_high"]]
        assert est == pytest.approx(truth["wave_effect"][d], abs=0.04)
    assert ch.loc["responsiveness", "ci_low"] > 0.4 and ch.loc["tangibles", "ci_low"] < 0 < ch.loc["tangibles", "ci_high"]


def test_recovers_branch_gaps_and_gap1(big):
    df, truth = big.frame, big.truth
    before = df[df["wave"] == "before"]
    r = sq.servqual_gaps(before, by="branch")
    for b in ("central", "airport"):
        for d in ("reliability", "empathy"):
            assert r.dimensions.loc[(b, d), "gap"] == pytest.approx(truth["branch_dimension_gap"]["before"][b][d],
                                                                    abs=0.06)
    mg = datasets.generate("servqual_management", n_per_branch=600)
    g = sq.gap1(mg.frame, df)
    for b in ("riverside", "airport"):
        for d in sq.DIMENSIONS:
            assert g.loc[(b, d), "gap1"] == pytest.approx(mg.truth["gap1_dimension"][b][d], abs=0.06)


def test_importance_points_recover_shares(big):
    w = sq.weighted_servqual(big.frame).weights
    for d, share in big.truth["importance_share"].items():
        assert w[d] == pytest.approx(share, abs=0.01)


# ================================================================== bad input

@pytest.mark.parametrize("value", [0, 8])
def test_rating_off_scale(tiny, value):
    df = tiny.assign(P3=[4, value, 6])
    with pytest.raises(CRMDataError, match="P3"):
        sq.servqual_gaps(df, TWO)


def test_points_not_summing_to_100(tiny):
    df = tiny.assign(imp_b=[50, 70, 0])
    with pytest.raises(CRMDataError, match="imp_a.*sum to 100"):
        sq.weighted_servqual(df, TWO)
    with pytest.raises(CRMDataError, match="imp_b"):
        sq.weighted_servqual(tiny.assign(imp_b=[50, np.nan, 0]), TWO)


def test_item_in_map_not_in_data(tiny):
    with pytest.raises(CRMDataError, match="'E4'"):
        sq.servqual_gaps(tiny, {"a": [1, 2], "b": [3, 4]})


def test_column_in_data_but_in_no_dimension(tiny):
    df = tiny.assign(E4=[5, 5, 5], P4=[5, 5, 5])
    with pytest.raises(CRMDataError, match="'E4'.*no dimension"):
        sq.servqual_gaps(df, TWO)
    assert len(sq.servqual_gaps(df, TWO, strict=False).items) == 3


def test_other_bad_input(tiny):
    with pytest.raises(CRMDataError, match="P1"):
        sq.servqual_gaps(tiny.assign(P1=["5", "6", "x"]), TWO)
    with pytest.raises(CRMDataError, match="two dimensions"):
        sq.item_map({"a": [1, 2], "b": [2]})
    with pytest.raises(CRMDataError, match="placeholder"):
        sq.item_map({"a": [1]}, expectation="E")
    with pytest.raises(CRMDataError, match="weights"):
        sq.weighted_servqual(tiny, TWO, weights={"a": 0.5, "b": 0.6})
    with pytest.raises(CRMDataError, match="'wave'.*'later'"):
        sq.wave_change(tiny, TWO, after="later")
    with pytest.raises(CRMDataError, match="M3"):
        sq.gap1(pd.DataFrame({"M1": [5], "M2": [5], "branch": ["x"]}), tiny, TWO)
    with pytest.raises(CRMDataError, match="branch"):
        sq.servqual_gaps(tiny.assign(branch=["x", None, "y"]), TWO, by="branch")
    with pytest.raises(CRMDataError, match="on="):
        sq.cronbach_alpha(tiny, TWO, on="both")


# ================================================================== labels

def test_labels_have_both_languages():
    for key, (en, zh) in catalogue().items():
        if key.startswith("sq_"):
            assert en and zh
    assert t("sq_responsiveness", "zh") == "响应性"


# ================================================================== real data: the kiosk study

# Six dimensions for the study's 24 items, grouped by this kit from the item
# wordings (the study's own grouping is not in the file).
KIOSK_DIMENSIONS = {
    "accuracy": [1, 2, 3, 23],
    "enjoyment": [4, 5, 6, 22, 24],
    "autonomy": [7, 8, 9],
    "time_cost": [10, 11, 12, 17, 18],
    "flexibility": [13, 14, 15, 16],
    "security": [19, 20, 21],
}


def test_kiosk_survey_scored_through_the_item_map_alone():
    if not KIOSK.exists():
        pytest.skip(f"reference data not available at {KIOSK} (it lives outside the repository)")
    raw = pd.read_csv(KIOSK, encoding="cp949")
    before = raw.copy()
    pattern = re.compile(r"^(\d+)-([12])\..*\((기대|인지) 설문\)\s*$")
    e_cols, p_cols = {}, {}
    for col in raw.columns:
        m = pattern.match(col)
        if m:
            (e_cols if m.group(3) == "기대" else p_cols)[int(m.group(1))] = col
    assert sorted(e_cols) == sorted(p_cols) == list(range(1, 25))
    kmap = sq.item_map(KIOSK_DIMENSIONS, expectation=e_cols, perception=p_cols, importance=None)
    r = sq.servqual_gaps(raw, kmap)
    pd.testing.assert_frame_equal(raw, before)
    assert len(r.items) == 24 and list(r.dimensions.index) == list(KIOSK_DIMENSIONS)
    assert r.overall.loc["all", "n"] == 207  # 4 of 211 rows left every item blank
    # item 1 by hand: mean P - mean E over the rows that answered both
    both = raw[[e_cols[1], p_cols[1]]].dropna()
    assert r.items.loc[1, "gap"] == pytest.approx((both[p_cols[1]] - both[e_cols[1]]).mean())
    # kiosks fall short on security and time/cost, not on "fun" features
    gaps = r.dimensions["gap"]
    assert gaps["security"] < -1.5 and gaps["enjoyment"] > -0.5
    assert gaps.idxmin() == "security"
    a = sq.cronbach_alpha(raw, kmap, on="perception")
    assert (a["n"] == 207).all() and (a["alpha"] > 0.6).all()
    w = sq.weighted_servqual(raw, kmap, weights={d: 1 / 6 for d in KIOSK_DIMENSIONS})
    assert w.table.loc["all", "score"] == pytest.approx(gaps.mean(), abs=1e-9)


# ================================================================== plots and widget

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plots_draw_in_both_languages(shipped, lang):
    import matplotlib.pyplot as plt

    from crmlab import plots

    mgmt = datasets.load("servqual_management")
    r = sq.servqual_gaps(shipped)
    rb = sq.servqual_gaps(shipped, by="branch")
    axes = [
        plots.dimension_gaps(r, lang=lang),
        plots.dimension_gaps(rb, group="airport", lang=lang),
        plots.snake_profile(r, lang=lang),
        plots.wave_bars(sq.wave_change(shipped), lang=lang),
        plots.gap1_bars(sq.gap1(mgmt, shipped), lang=lang),
        plots.gap1_bars(sq.gap1(mgmt, shipped, by=None), lang=lang),
        plots.priority_bars(sq.improvement_priorities(shipped), lang=lang),
        plots.gap_truth(r.dimensions["gap"], datasets.ground_truth("servqual_survey")["dimension_gap"]["after"],
                        lang=lang),
        plots.gap_model_diagram(lang=lang),
    ]
    titles = [ax.get_title() for ax in axes]
    gaps = r.dimensions["gap"]
    worst = gaps.idxmin()
    assert titles[0] == t("sq_gap_title", lang, pct=95, worst=t(f"sq_{worst}", lang), gap=gaps.min())
    assert f"{gaps.min():+.2f}" in titles[0]  # the title states the finding
    assert t("sq_airport", lang) in titles[1]
    prio = sq.improvement_priorities(shipped)
    assert str(prio.index[0]) in titles[6]
    wording = [x.get_text() for x in axes[6].get_yticklabels()]
    assert sq.item_wording(lang)[prio.index[0]][:20] in wording[0]  # items carry their wording
    # branch colours are not dimension colours
    from crmlab.plots._base import PALETTES
    bar_colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in axes[4].patches}
    from matplotlib.colors import to_rgb
    dim_colours = {tuple(round(c, 3) for c in to_rgb(h)) for h in PALETTES["servqual_dimension"].values()}
    assert bar_colours and not (bar_colours & dim_colours)
    # wave ticks wrap, so "Empathy" and "Overall (unweighted)" do not collide
    wave_ticks = [x.get_text() for x in axes[3].get_xticklabels()]
    assert all(max(len(line) for line in tick.split("\n")) <= 14 for tick in wave_ticks)
    assert titles[-1] == t("sq_model_title", lang)
    texts = [x.get_text() for x in axes[-1].texts]
    for g in range(1, 6):
        assert t(f"sq_gap_{g}", lang) in texts
    ticks = [x.get_text() for x in axes[0].get_yticklabels()]
    assert ticks == [t(f"sq_{d}", lang) for d in sq.DIMENSIONS]
    plt.close("all")


def test_plot_of_a_custom_map_keeps_its_dimension_names(tiny):
    import matplotlib.pyplot as plt

    from crmlab import plots

    ax = plots.dimension_gaps(sq.servqual_gaps(tiny, TWO))
    assert [x.get_text() for x in ax.get_yticklabels()] == ["a", "b"]
    plt.close("all")


def test_widget_builds_and_reacts(shipped):
    import matplotlib.pyplot as plt

    from crmlab.widgets import branch_explorer

    box = branch_explorer(shipped, lang="zh")
    controls, text = box.children[0].children
    choose, first_slider = controls.children[0], controls.children[1]
    assert "加权 SERVQUAL" in text.value
    assert choose.value is not None and choose.label == t("sq_all_branches", "zh")  # not a blank dropdown
    own = sq.weighted_servqual(shipped).table["score"].iloc[0]
    assert f"{own:.2f}" in text.value  # the score with each customer's own points, as in the notebook
    before = text.value
    first_slider.value = 0.9
    assert text.value != before  # the weights move the score ...
    choose.value = "airport"
    assert "机场支行" in text.value and f"{(shipped['branch'] == 'airport').sum()}" in text.value
    for s in controls.children[1:]:
        s.value = 0.0
    assert "至少" in text.value  # all weights zero: a message, not an error
    plt.close("all")


def test_wave_change_by_branch(shipped):
    w = sq.wave_change(shipped, by="branch")
    assert w.index.nlevels == 2 and len(w) == 4 * 6
    assert (w["n_before"] + w["n_after"]).groupby(level=0).first().sum() == len(shipped)


def test_widget_plot_follows_the_sliders(shipped, monkeypatch):
    """The drawn figure (not only the text line) changes with the weights: the weighted line moves."""
    import matplotlib.pyplot as plt

    from crmlab.servqual import widgets as w

    seen = {}

    def fake_panel(controls, update, figsize):
        seen["controls"], seen["update"] = controls, update
        return None

    monkeypatch.setattr(w, "live_panel", fake_panel)
    w.branch_explorer(shipped)

    def weighted_line():
        _, draw = seen["update"]()
        fig, ax = plt.subplots()
        draw(ax)
        xs = [ln.get_xdata()[0] for ln in ax.get_lines() if ln.get_linestyle() == "-" and ln.get_linewidth() == 2]
        ticks = [x.get_text() for x in ax.get_yticklabels()]
        plt.close(fig)
        return xs[0], ticks

    x0, ticks0 = weighted_line()
    seen["controls"][1].value = 1.0  # tangibles weight up
    x1, ticks1 = weighted_line()
    assert x1 != pytest.approx(x0) and ticks1 != ticks0
    assert x0 == pytest.approx(sq.weighted_servqual(shipped, weights={d: round(v, 2) for d, v in
                                                                       sq.weighted_servqual(shipped).weights.items()},
                                                    normalize=True).table["score"].iloc[0])
