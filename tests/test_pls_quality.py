"""crmlab.pls reliability (alpha, rho_A, rho_c), HTMT, Fornell-Larcker and IPMA: hand checks,
the seminr references in ../shared/reference-data/plspm/, and (when the GPL package is
installed, from the `test` extra) a live cross-check against the Python port of seminr."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import CRMDataError, datasets, pls
from crmlab.pls import fornell_larcker, htmt, ipma, pls_path_model, reliability, satisfaction_index

REF = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "plspm"
needs_ref = pytest.mark.skipif(not (REF / "mobi.csv").is_file(), reason=f"mobi reference data not found at {REF}")

# The ECSI of Tenenhaus et al. (2005) on their mobile-phone data (mobi), with complaints (CUSCO).
MOBI_BLOCKS = {"Image": [f"IMAG{i}" for i in range(1, 6)], "Expectation": ["CUEX1", "CUEX2", "CUEX3"],
               "Quality": [f"PERQ{i}" for i in range(1, 8)], "Value": ["PERV1", "PERV2"],
               "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"], "Complaints": ["CUSCO"],
               "Loyalty": ["CUSL1", "CUSL2", "CUSL3"]}
MOBI_PATHS = [("Image", "Expectation"), ("Image", "Satisfaction"), ("Image", "Loyalty"),
              ("Expectation", "Quality"), ("Expectation", "Value"), ("Expectation", "Satisfaction"),
              ("Quality", "Value"), ("Quality", "Satisfaction"), ("Value", "Satisfaction"),
              ("Satisfaction", "Complaints"), ("Satisfaction", "Loyalty"), ("Complaints", "Loyalty")]


@pytest.fixture(scope="module")
def survey():
    return datasets.load("ecsi_survey")


@pytest.fixture(scope="module")
def fit(survey):
    return pls_path_model(survey)


@pytest.fixture(scope="module")
def mobi():
    return pd.read_csv(REF / "mobi.csv", index_col=0)


# ----------------------------------------------------------------- hand checks

def _two_blocks(n=500, seed=3):
    rng = np.random.default_rng(seed)
    f = rng.normal(size=n)
    g = 0.5 * f + np.sqrt(0.75) * rng.normal(size=n)
    return pd.DataFrame({"a1": 0.8 * f + 0.6 * rng.normal(size=n), "a2": 0.7 * f + 0.71 * rng.normal(size=n),
                         "a3": 0.9 * f + 0.44 * rng.normal(size=n),
                         "b1": 0.8 * g + 0.6 * rng.normal(size=n), "b2": 0.6 * g + 0.8 * rng.normal(size=n)})


def test_reliability_by_hand():
    df = _two_blocks()
    fit = pls_path_model(df, {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}, [("A", "B")])
    rel = reliability(fit)
    z = (df - df.mean()) / df.std(ddof=0)
    for c, cols in {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}.items():
        k = len(cols)
        # Cronbach's alpha from item variances of the standardised items
        alpha = k / (k - 1) * (1 - z[cols].var(ddof=0).sum() / z[cols].sum(axis=1).var(ddof=0))
        load = df[cols].corrwith(fit.scores[c])
        rho_c = load.sum() ** 2 / (load.sum() ** 2 + (1 - load**2).sum())
        assert rel.loc[c, "alpha"] == pytest.approx(alpha, abs=1e-9)
        assert rel.loc[c, "rho_c"] == pytest.approx(rho_c, abs=1e-9)
        assert rel.loc[c, "ave"] == pytest.approx((load**2).mean(), abs=1e-9)
        assert rel.loc[c, "alpha"] <= rel.loc[c, "rho_a"] + 1e-9 <= rel.loc[c, "rho_c"] + 2e-9
    # two indicators, correlation r, weights (w1, w2) with unit score variance: the formula written out,
    # rho_A = (w1² + w2²)² * 2 r w1 w2 / (2 w1² w2²) = (w1² + w2²)² r / (w1 w2)
    r = df["b1"].corr(df["b2"])
    w1, w2 = fit.weights[["b1", "b2"]]
    assert w1**2 + w2**2 + 2 * r * w1 * w2 == pytest.approx(1.0)  # w'Rw = 1
    assert rel.loc["B", "rho_a"] == pytest.approx((w1**2 + w2**2) ** 2 * r / (w1 * w2), abs=1e-9)
    assert rel.loc["B", "alpha"] == pytest.approx(2 * r / (1 + r), abs=1e-9)  # Spearman-Brown
    assert list(rel["n_items"]) == [3, 2]


def test_single_item_block_counts_as_one(fit):
    rel = reliability(fit)
    assert rel.loc["COMP", "n_items"] == 1
    assert (rel.loc["COMP", ["alpha", "rho_a", "rho_c", "ave"]] == 1.0).all()
    assert rel.drop(index="COMP")["rho_c"].between(0.7, 0.99).all()  # the synthetic blocks are reliable


def test_htmt_by_hand():
    df = _two_blocks()
    fit = pls_path_model(df, {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}, [("A", "B")])
    r = df.corr().abs()
    het = r.loc[["a1", "a2", "a3"], ["b1", "b2"]].to_numpy().mean()
    mono_a = np.mean([r.loc["a1", "a2"], r.loc["a1", "a3"], r.loc["a2", "a3"]])
    mono_b = r.loc["b1", "b2"]
    h = htmt(fit)
    assert h.loc["A", "B"] == pytest.approx(het / np.sqrt(mono_a * mono_b), abs=1e-9)
    assert h.loc["B", "A"] == h.loc["A", "B"] and h.loc["A", "A"] == 1.0
    # the true construct correlation is 0.5 (HTMT is unbiased only for equal loadings): far below 0.85
    assert 0.3 < h.loc["A", "B"] < 0.6 < pls.HTMT_LIMIT


def test_htmt_flags_two_blocks_of_one_construct():
    rng = np.random.default_rng(0)
    f = rng.normal(size=400)
    df = pd.DataFrame({c: f + 0.6 * rng.normal(size=400) for c in ["a1", "a2", "b1", "b2"]})
    fit = pls_path_model(df, {"A": ["a1", "a2"], "B": ["b1", "b2"]}, [("A", "B")])
    assert htmt(fit).loc["A", "B"] > pls.HTMT_LIMIT  # the same construct twice: no discriminant validity


def test_fornell_larcker(fit):
    fl = fornell_larcker(fit)
    np.testing.assert_allclose(np.diag(fl), np.sqrt(fit.ave[fl.index]), atol=1e-12)
    assert fl.loc["SAT", "LOY"] == pytest.approx(fit.scores["SAT"].corr(fit.scores["LOY"]), abs=1e-12)


def test_ipma_by_hand(survey, fit):
    """Performance = mean 0-100 score; importance = OLS total effect on the 0-100 scores."""
    table = ipma(survey, fit, "SAT")
    score = {}
    for c in fit.blocks:
        w = pls.index_weights(fit, c)
        score[c] = (survey[list(w.index)] @ w - 1) / 9 * 100
    score = pd.DataFrame(score)
    # path coefficients by least squares on the rescaled scores, then total effects T = (I - B)^-1 - I
    names = list(fit.blocks)
    B = np.zeros((len(names), len(names)))
    for j, c in enumerate(names):
        pred = [a for a, b in fit.path_list if b == c]
        if pred:
            X = np.column_stack([np.ones(len(score)), score[pred].to_numpy()])
            coef = np.linalg.lstsq(X, score[c].to_numpy(), rcond=None)[0][1:]
            for a, bcoef in zip(pred, coef):
                B[names.index(a), j] = bcoef
    T = np.linalg.inv(np.eye(len(names)) - B) - np.eye(len(names))
    for d in table.index:
        assert table.loc[d, "importance"] == pytest.approx(T[names.index(d), names.index("SAT")], abs=1e-9)
        assert table.loc[d, "performance"] == pytest.approx(score[d].mean(), abs=1e-9)
    assert table.attrs["target_performance"] == pytest.approx(
        satisfaction_index(survey, fit, "SAT")["index"].iloc[0], abs=1e-9)
    assert list(table.index) == ["IMAG", "EXPE", "QUAL", "VAL"]
    assert table.loc["QUAL", "total_effect"] == pytest.approx(fit.total_effects["QUAL -> SAT"])


def test_ipma_bad_input(survey, fit):
    with pytest.raises(CRMDataError, match="'IMAG' has no drivers"):
        ipma(survey, fit, "IMAG")
    with pytest.raises(CRMDataError, match="'SATT'"):
        ipma(survey, fit, "SATT")
    with pytest.raises(CRMDataError, match="scale"):
        ipma(survey, fit, "SAT", scale=(10, 1))
    with pytest.raises(CRMDataError, match="'val2'"):
        ipma(survey.drop(columns="val2"), fit, "SAT")
    with pytest.raises(CRMDataError, match="pls_path_model"):
        reliability("fit")
    with pytest.raises(CRMDataError, match="pls_path_model"):
        htmt(None)


def test_no_mutation(survey, fit):
    before = survey.copy()
    ipma(survey, fit)
    pd.testing.assert_frame_equal(survey, before)


# ----------------------------------------------------------------- seminr references (R, shared/)

@needs_ref
def test_seminr_basic_mobi_model(mobi):
    """seminr's mobi model with a formative (mode B) quality block and path weighting: same weights,
    loadings and paths to 1e-6 (the R output in seminr-mobi-basic-*.csv)."""
    blocks = {k: MOBI_BLOCKS[k] for k in ["Expectation", "Quality", "Image", "Complaints", "Loyalty"]}
    paths = [("Image", "Expectation"), ("Expectation", "Loyalty"), ("Quality", "Loyalty"), ("Complaints", "Loyalty")]
    fit = pls_path_model(mobi, blocks, paths, scheme="path", modes={"Quality": "B"})
    ref = pd.read_csv(REF / "seminr-mobi-basic-outer-model.csv", index_col=0)
    np.testing.assert_allclose(fit.outer.loc[ref.index, "weight"], ref["weight"], atol=1e-6)
    np.testing.assert_allclose(fit.outer.loc[ref.index, "loading"], ref["loading"], atol=1e-6)
    rp = pd.read_csv(REF / "seminr-mobi-basic-paths.csv", index_col=0)
    for a, b in paths:
        assert fit.path_matrix.loc[a, b] == pytest.approx(rp.loc[a, b], abs=1e-6)


# ----------------------------------------------------------------- seminr (Python port), when installed

@needs_ref
def test_against_seminr_package(mobi):
    """The full ECSI with complaints on mobi: paths, R², reliability (alpha, rho_A, rho_c, AVE) and HTMT
    agree with seminr to 1e-6. seminr is GPL-3.0: a test-only dependency (the `test` extra)."""
    seminr = pytest.importorskip("seminr", reason="seminr (GPL-3.0, test extra) is not installed")
    fit = pls_path_model(mobi, MOBI_BLOCKS, MOBI_PATHS, scheme="path")
    mm = seminr.constructs(*[seminr.composite(k, v) for k, v in MOBI_BLOCKS.items()])
    sm = seminr.relationships(*[seminr.paths(a, b) for a, b in MOBI_PATHS])
    model = seminr.estimate_pls(mobi, mm, sm)
    names = list(MOBI_BLOCKS)
    for a, b in MOBI_PATHS:
        assert fit.path_matrix.loc[a, b] == pytest.approx(model.path_coef.get(a, b), abs=1e-6)
    for c in fit.r2.index:
        assert fit.r2[c] == pytest.approx(model.r_squared.get("Rsq", c), abs=1e-6)
    rel, ref = reliability(fit), seminr.reliability_table(model)
    for c in names:
        for ours, theirs in [("alpha", "alpha"), ("rho_a", "rhoA"), ("rho_c", "rhoC"), ("ave", "AVE")]:
            assert rel.loc[c, ours] == pytest.approx(ref.get(c, theirs), abs=1e-6), (c, ours)
    h, ref_h = htmt(fit), seminr.htmt(model)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert h.loc[a, b] == pytest.approx(ref_h.get(a, b), abs=1e-6), (a, b)
    # the ECSI on real data: satisfaction drives complaint handling, as Tenenhaus et al. (2005) report
    assert fit.path_matrix.loc["Satisfaction", "Complaints"] > 0.4
