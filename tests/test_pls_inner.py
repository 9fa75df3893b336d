"""PLS inner models as an edge list or an R-style 0/1 matrix; satisfaction_index on a 0-10 scale and with
dropped rows reported (issue 19, item 4)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import pls
from crmlab.errors import CRMDataError, CRMWarning

REF = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "plspm"
NAMES = ["IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"]
# R plspm's satisfaction example (Sanchez 2013): one row per construct, a 1 marks a predecessor
R_ROWS = {"IMAG": [0, 0, 0, 0, 0, 0], "EXPE": [1, 0, 0, 0, 0, 0], "QUAL": [0, 1, 0, 0, 0, 0],
          "VAL": [0, 1, 1, 0, 0, 0], "SAT": [1, 1, 1, 1, 0, 0], "LOY": [1, 0, 0, 0, 1, 0]}


def r_matrix():
    return pd.DataFrame(list(R_ROWS.values()), index=NAMES, columns=NAMES)


def test_r_matrix_gives_the_plspm_paths():
    pairs = pls.core._path_pairs(r_matrix())
    assert sorted(pairs) == sorted(pls.PLSPM_PATHS)
    assert pairs[0] == ("IMAG", "EXPE")  # ordered by predecessor, then successor


@pytest.mark.skipif(not REF.is_dir(), reason=f"plspm reference data not found at {REF}")
def test_matrix_and_edge_list_fit_the_same_model_as_r():
    data = pd.read_csv(REF / "satisfaction.csv", index_col=0)
    a = pls.pls_path_model(data, pls.PLSPM_BLOCKS, list(pls.PLSPM_PATHS), standardized=False)
    b = pls.pls_path_model(data, pls.PLSPM_BLOCKS, r_matrix(), standardized=False)
    pd.testing.assert_frame_equal(a.paths.sort_index(), b.paths.sort_index())
    r = pd.read_csv(REF / "satisfaction.inner-model.csv", index_col=0)  # SAT's equation in R
    assert b.paths.loc["VAL -> SAT", "coef"] == pytest.approx(r.loc["VAL", "Estimate"], abs=1e-3)


def test_matrix_validated():
    m = r_matrix()
    with pytest.raises(CRMDataError, match=r"cycle"):
        pls.core._check_model(pls.PLSPM_BLOCKS, m.assign(SAT=[0, 0, 0, 1, 0, 0]), None)  # SAT -> VAL too
    with pytest.raises(CRMDataError, match=r"drive itself"):
        diag = m.copy()
        diag.loc["SAT", "SAT"] = 1
        pls.core._check_model(pls.PLSPM_BLOCKS, diag, None)
    with pytest.raises(CRMDataError, match=r"only 0 and 1.*'SAT'.*'IMAG'"):
        two = m.copy()
        two.loc["SAT", "IMAG"] = 2
        pls.core._check_model(pls.PLSPM_BLOCKS, two, None)
    with pytest.raises(CRMDataError, match=r"same construct names"):
        pls.core._check_model(pls.PLSPM_BLOCKS, m[list(reversed(NAMES))], None)
    unknown = pd.DataFrame(0, index=NAMES + ["COMP"], columns=NAMES + ["COMP"])
    unknown.loc["COMP", "SAT"] = 1
    unknown.loc["EXPE", "IMAG"] = 1
    with pytest.raises(CRMDataError, match=r"construct 'COMP', which has no block"):
        pls.core._check_model(pls.PLSPM_BLOCKS, unknown, None)


def _sat_only_fit():
    rng = np.random.default_rng(2)
    n = 60
    f = rng.normal(size=n)
    df = pd.DataFrame({c: np.clip(np.round(5 + 2 * f + rng.normal(size=n)), 0, 10) for c in ("s1", "s2", "v1", "v2")})
    fit = pls.pls_path_model(df, {"VAL": ["v1", "v2"], "SAT": ["s1", "s2"]}, [("VAL", "SAT")])
    return df, fit


def test_satisfaction_index_on_a_0_10_scale_by_hand():
    df, fit = _sat_only_fit()
    w = pls.index_weights(fit, "SAT")
    got = pls.satisfaction_index(df, fit, "SAT", scale=(0, 10))
    by_hand = (df[list(w.index)].to_numpy() @ w.to_numpy()) / 10 * 100
    assert got.loc["all", "index"] == pytest.approx(by_hand.mean())
    assert got.attrs == {"n_used": 60, "n_dropped": 0}


def test_satisfaction_index_reports_dropped_rows():
    df, fit = _sat_only_fit()
    holes = df.assign(s1=df["s1"].mask(df.index < 3))
    with pytest.warns(CRMWarning, match=r"left out 3 of 60 rows"):
        got = pls.satisfaction_index(holes, fit, "SAT", scale=(0, 10))
    assert got.attrs == {"n_used": 57, "n_dropped": 3} and got.loc["all", "n"] == 57


@pytest.mark.skipif(not REF.is_dir(), reason=f"plspm reference data not found at {REF}")
def test_satisfaction_index_of_the_plspm_survey_needs_its_0_10_scale():
    data = pd.read_csv(REF / "satisfaction.csv", index_col=0)
    fit = pls.pls_path_model(data, pls.PLSPM_BLOCKS, r_matrix())
    with pytest.raises(CRMDataError, match=r"outside the 1-10 scale.*scale=\(0, 10\)"):
        pls.satisfaction_index(data, fit, "SAT")  # the default 1-10 refuses the survey's zeros
    got = pls.satisfaction_index(data, fit, "SAT", scale=(0, 10))
    w = pls.index_weights(fit, "SAT")
    assert got.loc["all", "index"] == pytest.approx((data[list(w.index)] @ w).mean() * 10)
    assert got.attrs["n_dropped"] == 0
