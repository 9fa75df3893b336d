"""SERVQUAL additions of issue 15: dependent correlations, SERVPERF, zone of tolerance, item analysis,
the desired/adequate columns of the generator, and Cronbach's alpha against pingouin (GPL, test-only)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sst

from crmlab import datasets
from crmlab import servqual as sq
from crmlab.errors import CRMWarning


@pytest.fixture(scope="module")
def shipped():
    return datasets.load("servqual_survey")


@pytest.fixture(scope="module")
def big():
    return datasets.generate("servqual_survey", seed=3, n=40000)


# ------------------------------------------------------------------ compare_correlations

def _williams_by_hand(r12, r13, r23, n):
    """Williams' t written out as in Steiger (1980), eq. 7 (1 = the shared variable)."""
    det = 1 - r12**2 - r13**2 - r23**2 + 2 * r12 * r13 * r23
    rbar = (r12 + r13) / 2
    return (r12 - r13) * np.sqrt((n - 1) * (1 + r23) / (2 * (n - 1) / (n - 3) * det + rbar**2 * (1 - r23) ** 3))


def test_compare_correlations_by_hand():
    x = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6, 7, 8], "a": [2, 1, 4, 3, 6, 5, 8, 7], "b": [1, 3, 2, 6, 4, 5, 8, 7]})
    r = sq.compare_correlations(x, "y", "a", "b")
    c = x.corr()
    assert r["r_a"] == pytest.approx(c.loc["y", "a"]) and r["r_b"] == pytest.approx(c.loc["y", "b"])
    assert r["r_ab"] == pytest.approx(c.loc["a", "b"]) and r["n"] == 8 and r["df"] == 5
    t = _williams_by_hand(r["r_a"], r["r_b"], r["r_ab"], 8)
    assert r["t"] == pytest.approx(t)
    assert r["p_value"] == pytest.approx(2 * sst.t.sf(abs(t), 5))
    assert r["ci_low"] < r["diff"] < r["ci_high"]


def test_compare_correlations_is_antisymmetric_and_listwise():
    rng = np.random.default_rng(1)
    y = rng.normal(size=300)
    df = pd.DataFrame({"y": y, "a": y + rng.normal(size=300), "b": y + rng.normal(scale=1.5, size=300)})
    ab, ba = sq.compare_correlations(df, "y", "a", "b"), sq.compare_correlations(df, "y", "b", "a")
    assert ab["diff"] == pytest.approx(-ba["diff"]) and ab["t"] == pytest.approx(-ba["t"])
    assert ab["ci_low"] == pytest.approx(-ba["ci_high"]) and ab["p_value"] == pytest.approx(ba["p_value"])
    holed = df.copy()
    holed.loc[[3, 7], "a"] = np.nan
    assert sq.compare_correlations(holed, "y", "a", "b")["n"] == 298
    assert df["a"].notna().all()  # the caller's frame is untouched


def test_zou_interval_agrees_with_a_bootstrap_of_the_difference():
    rng = np.random.default_rng(7)
    n = 800
    y = rng.normal(size=n)
    df = pd.DataFrame({"y": y, "a": y + rng.normal(size=n), "b": 0.8 * y + rng.normal(size=n)})
    r = sq.compare_correlations(df, "y", "a", "b")
    x = df.to_numpy()
    idx = rng.integers(0, n, size=(2000, n))
    boot = np.array([np.corrcoef(x[i], rowvar=False)[0, 1] - np.corrcoef(x[i], rowvar=False)[0, 2] for i in idx])
    lo, hi = np.quantile(boot, [0.025, 0.975])
    assert r["ci_low"] == pytest.approx(lo, abs=0.015) and r["ci_high"] == pytest.approx(hi, abs=0.015)


def test_williams_test_holds_its_level_under_the_null():
    """Equal true correlations with y: about 5% of samples reject at 5% (tolerance: 2.2%-8.5% over 600 runs)."""
    rng = np.random.default_rng(11)
    rejections = 0
    for _ in range(600):
        y = rng.normal(size=120)
        common = rng.normal(size=120)
        df = pd.DataFrame({"y": y, "a": y + common + rng.normal(size=120), "b": y + common + rng.normal(size=120)})
        rejections += sq.compare_correlations(df, "y", "a", "b")["p_value"] < 0.05
    assert 0.022 < rejections / 600 < 0.085


# ------------------------------------------------------------------ SERVPERF

def test_servperf_by_hand():
    df = pd.DataFrame({"E1": [7, 6, 5], "P1": [5, 6, np.nan], "E2": [6, 6, 4], "P2": [6, 3, 4], "E3": [7, 7, 7],
                       "P3": [4, 5, 6]})
    r = sq.servperf(df, {"a": [1, 2], "b": [3]})
    assert r.scores["a"].tolist() == [5.5, 4.5, 4.0]
    assert r.scores["overall"].tolist() == pytest.approx([4.75, 4.75, 5.0])
    assert r.dimensions.loc["a", "perception"] == pytest.approx(14 / 3)
    assert r.overall.loc["all", "perception"] == pytest.approx(14.5 / 3)
    half = sst.t.ppf(0.975, 2) * np.std([5.5, 4.5, 4.0], ddof=1) / np.sqrt(3)
    assert r.dimensions.loc["a", "ci_high"] - r.dimensions.loc["a", "perception"] == pytest.approx(half)


def test_servperf_by_branch(shipped):
    r = sq.servperf(shipped, by="branch")
    one = sq.servperf(shipped[shipped["branch"] == "airport"])
    assert r.dimensions.loc[("airport", "reliability"), "perception"] == pytest.approx(
        one.dimensions.loc["reliability", "perception"])


# ------------------------------------------------------------------ zone of tolerance

def test_zone_by_hand():
    df = pd.DataFrame({"A1": [4, 5, 3], "D1": [6, 7, 6], "P1": [5, 4, 7], "A2": [2, 2, 2], "D2": [5, 5, 5],
                       "P2": [1, 1, 1], "E1": [6] * 3, "E2": [6] * 3})
    z = sq.zone_of_tolerance(df, {"a": [1], "b": [2]})
    assert z.loc["a", "adequate"] == 4 and z.loc["a", "desired"] == pytest.approx(19 / 3)
    assert z.loc["a", "msa"] == pytest.approx(4 / 3) and z.loc["a", "mss"] == pytest.approx(-1)
    assert z.loc["a", "width"] == pytest.approx(19 / 3 - 4)
    assert z.loc["a", "position"] == "inside" and z.loc["b", "position"] == "below"
    assert z.loc["b", "msa"] == -1 and z.loc["b", "msa_low"] == -1 and z.loc["b", "mss"] == -4


def test_zone_recovers_the_truth(big):
    f, truth = big.frame, big.truth
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CRMWarning)
        z = sq.zone_of_tolerance(f[f["wave"] == "before"])
    for d in sq.DIMENSIONS:
        se = (z.loc[d, "msa_high"] - z.loc[d, "msa"]) / 1.96
        assert z.loc[d, "msa"] == pytest.approx(truth["msa_dimension"]["before"][d], abs=max(4 * se, 0.02))
        assert z.loc[d, "mss"] == pytest.approx(truth["mss_dimension"]["before"][d], abs=max(4 * se, 0.02))
    # the zone is narrowest for reliability, as the model says
    assert z["width"].idxmin() == "reliability"


def test_new_columns_leave_the_old_ones_unchanged():
    """D and A are drawn after everything else: E, P, points and overall stay what they were for a seed."""
    g = datasets.generate("servqual_survey", seed=9, n=300).frame
    assert [c for c in g.columns if c[0] in "DA" and c[1:].isdigit()] == (
        [f"D{j}" for j in range(1, 23)] + [f"A{j}" for j in range(1, 23)])
    rng = np.random.default_rng(9)  # the first draw of the generator is the branch
    from crmlab.servqual.data import BRANCHES
    assert (g["branch"].to_numpy() == rng.choice(list(BRANCHES), size=300, p=list(BRANCHES.values()))).all()
    assert sq.servqual_gaps(g).dimensions["gap"].notna().all()  # D/A do not trip the stray-column check


# ------------------------------------------------------------------ item analysis and alpha

def test_item_analysis_by_hand():
    rng = np.random.default_rng(2)
    n = 200
    f1, f2 = rng.normal(size=(2, n, 1))
    e = np.full((n, 6), 7.0)
    p = np.clip(np.rint(4 + np.hstack([f1 + 0.6 * rng.normal(size=(n, 3)), f2 + 0.6 * rng.normal(size=(n, 3))])),
                1, 7)
    df = pd.DataFrame({**{f"E{j}": e[:, j - 1] for j in range(1, 7)}, **{f"P{j}": p[:, j - 1] for j in range(1, 7)}})
    ia = sq.item_analysis(df, {"x": [1, 2, 3], "y": [4, 5, 6]})
    g = p - 7
    r_own = np.corrcoef(g[:, 0], g[:, 1] + g[:, 2])[0, 1]
    r_other = np.corrcoef(g[:, 0], g[:, 3:].mean(axis=1))[0, 1]
    assert ia.loc[1, "r_own"] == pytest.approx(r_own) and ia.loc[1, "r_other"] == pytest.approx(r_other)
    assert ia["fits"].all() and (ia["other_dimension"].loc[[1, 2, 3]] == "y").all()
    two = pd.DataFrame(g[:, [1, 2]])
    alpha = 2 * (1 - two.var().sum() / two.sum(axis=1).var())
    assert ia.loc[1, "alpha_if_deleted"] == pytest.approx(alpha)


def test_item_analysis_flags_a_misplaced_item():
    rng = np.random.default_rng(4)
    n = 300
    f1, f2 = rng.normal(size=(2, n, 1))
    p = np.hstack([f1 + 0.5 * rng.normal(size=(n, 3)), f2 + 0.5 * rng.normal(size=(n, 3))]) + 4
    df = pd.DataFrame({**{f"E{j}": 7.0 for j in range(1, 7)}, **{f"P{j}": np.clip(p[:, j - 1], 1, 7)
                                                                 for j in range(1, 7)}})
    ia = sq.item_analysis(df, {"x": [1, 2, 4], "y": [3, 5, 6]})  # items 3 and 4 swapped
    assert not ia.loc[4, "fits"] and not ia.loc[3, "fits"] and ia.drop(index=[3, 4])["fits"].all()


def test_alpha_agrees_with_pingouin(shipped):
    """Cross-check against pingouin (GPL-3: a test-only dependency, never imported by the kit)."""
    pg = pytest.importorskip("pingouin")
    mine = sq.cronbach_alpha(shipped)
    gaps = sq.servqual_gaps(shipped).respondent
    for d, items in sq.SERVQUAL.dimensions.items():
        a, _ = pg.cronbach_alpha(data=gaps[list(items)], nan_policy="listwise")
        assert mine.loc[d, "alpha"] == pytest.approx(a, abs=1e-12)
    perc = shipped[[f"P{j}" for j in sq.SERVQUAL.dimensions["empathy"]]]
    a, _ = pg.cronbach_alpha(data=perc, nan_policy="listwise")
    assert sq.cronbach_alpha(shipped, on="perception").loc["empathy", "alpha"] == pytest.approx(a, abs=1e-12)


def test_item_wording_is_in_the_catalogue_in_both_languages():
    en, zh = sq.item_wording("en"), sq.item_wording("zh")
    assert len(en) == 22 and en[1] == "has up-to-date equipment"
    assert zh[1] == "拥有现代化的设备" and (en != zh).all()
    inst = sq.instrument("zh")
    assert inst.loc[inst["item"] == 5, "perception"].item() == "本支行在承诺的时间内兑现承诺。"
