"""Satisfaction helpers for a firm's own survey: top-k-box, n used / dropped, 0-10 scales (issue 19)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import satisfaction as sat
from crmlab.errors import CRMWarning
from crmlab.stats import wilson_ci

REF = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "plspm" / "satisfaction.csv"


def test_top_box_by_hand():
    s = pd.DataFrame({"overall": [5, 4, 3, 2, 5, 1, 4, 4], "g": list("aaaabbbb")})
    t = sat.top_box(s)
    assert (t.loc["all", "n"], t.loc["all", "top"]) == (8, 5)
    lo, hi = wilson_ci(5, 8)
    assert (t.loc["all", "ci_low"], t.loc["all", "ci_high"]) == pytest.approx((float(lo), float(hi)))
    assert sat.top_box(s, k=1).loc["all", "top"] == 2 and sat.top_box(s, k=1).attrs["threshold"] == 5
    assert sat.top_box(s, by="g")["share"].to_dict() == {"a": 0.5, "b": 0.75}
    # a 0-10 question: top-2-box = 9 or 10
    nps_like = pd.Series([10, 9, 8, 0, 7], name="q")
    assert sat.top_box(nps_like, scale=(0, 10)).loc["all", "share"] == pytest.approx(0.4)


def test_top_box_reports_dropped_rows():
    s = pd.DataFrame({"overall": [5, np.nan, 4, 2]})
    with pytest.warns(CRMWarning, match=r"top_box left out 1 of 4 rows.*row\(s\) 1"):
        t = sat.top_box(s)
    assert t.attrs["n_used"] == 3 and t.attrs["n_dropped"] == 1 and t.loc["all", "share"] == pytest.approx(2 / 3)


def test_csi_reports_n_used_and_dropped_and_takes_0_10():
    s = pd.DataFrame({"overall": [10, 5, np.nan, 0]})
    with pytest.warns(CRMWarning, match=r"csi left out 1 of 4"):
        c = sat.csi(s, scale=(0, 10))
    assert c.attrs == {"n_used": 3, "n_dropped": 0 + 1}
    assert c.loc["all", "csi"] == pytest.approx(50.0)  # mean 5 on 0-10
    with warnings.catch_warnings():
        warnings.simplefilter("error", CRMWarning)
        assert sat.csi(s.dropna(), scale=(0, 10)).attrs["n_dropped"] == 0


def test_derived_importance_reports_n_used_and_dropped():
    rng = np.random.default_rng(1)
    df = pd.DataFrame(rng.integers(1, 6, size=(40, 3)).astype(float), columns=["a", "b", "y"])
    df.loc[[3, 7], "a"] = np.nan
    with pytest.warns(CRMWarning, match=r"dropped 2 of 40 rows.*used 38"):
        d = sat.derived_importance(df, "y", ["a", "b"])
    assert d.attrs == {"n_used": 38, "n_dropped": 2}


@pytest.mark.skipif(not REF.exists(), reason=f"plspm satisfaction survey not found at {REF}")
def test_top_box_and_csi_on_the_plspm_survey_match_pandas():
    data = pd.read_csv(REF, index_col=0)
    assert (data["sat1"] == 0).sum() == 4  # the survey's questions are 0-10, not 1-10
    t = sat.top_box(data, "sat1", k=2, scale=(0, 10), by="gender")
    expected = (data["sat1"] >= 9).groupby(data["gender"]).mean()
    np.testing.assert_allclose(t["share"], expected.reindex(t.index))
    assert t["n"].sum() == len(data) == 250
    c = sat.csi(data, "sat1", scale=(0, 10))
    assert c.loc["all", "csi"] == pytest.approx(data["sat1"].mean() * 10)
