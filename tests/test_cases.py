"""Case presets: every preset generates coherent tables that tell its story."""

import pandas as pd
import pytest

from crmlab import CRMDataError, cases, report
from crmlab import complaints as C
from crmlab import servqual as Q


@pytest.fixture(scope="module")
def tables():
    return {k: cases.generate(k, seed=5, n_customers=400) for k in cases.CASES}


def test_five_fictional_presets():
    assert set(cases.CASES) >= {"hotpot", "retail", "airline", "hotel", "b2b"}
    for c in cases.CASES.values():
        assert "fictional" in c.name and "虚构" in c.name_zh


def test_tables_and_formats(tables):
    for key, tb in tables.items():
        assert set(cases.TABLES) <= set(tb)
        assert ("accounts" in tb) == cases.CASES[key].key_accounts
        assert len(tb["customers"]) == tb["transactions"]["customer_id"].nunique()
        assert tb["customers"]["spend"].sum() == pytest.approx(tb["transactions"]["amount"].sum(), rel=1e-6)
        assert tb["complaints"]["complaint_id"].tolist() == list(range(1, len(tb["complaints"]) + 1))
        p = tb["servqual"][[f"P{i}" for i in range(1, 23)]]
        assert p.min().min() >= 1 and p.max().max() <= 7
        s = tb["satisfaction"][["quality", "service", "price"]]
        assert s.min().min() >= 1 and s.max().max() <= 5


def test_deterministic_and_seed_sensitive():
    a = cases.generate("retail", seed=1, n_customers=300)
    b = cases.generate("retail", seed=1, n_customers=300)
    c = cases.generate("retail", seed=2, n_customers=300)
    pd.testing.assert_frame_equal(a["complaints"], b["complaints"])
    assert not a["transactions"]["amount"].equals(c["transactions"]["amount"])


def test_stories(tables):
    # the retailer's delivery complaints dominate
    top = C.pareto(tables["retail"]["complaints"])
    assert top.index[0] == "delivery" and top["share"].iloc[0] > 0.4
    # the hotel's (and the service-famous hot-pot chain's) empathy gap is small, the others' large
    emp = {k: Q.servqual_gaps(tb["servqual"]).dimensions.loc["empathy", "gap"] for k, tb in tables.items()}
    assert abs(emp["hotel"]) < 0.3 and abs(emp["hotpot"]) < 0.3
    assert max(emp[k] for k in ("retail", "airline", "b2b")) < -0.5
    # the hotel spends more per customer than the hot-pot chain
    assert tables["hotel"]["customers"]["spend"].mean() > 3 * tables["hotpot"]["customers"]["spend"].mean()


def test_bad_input():
    with pytest.raises(CRMDataError, match="case"):
        cases.generate("bank")
    with pytest.raises(CRMDataError, match="seed"):
        cases.generate("hotel", seed=-1)
    with pytest.raises(CRMDataError, match="n_customers"):
        cases.generate("hotel", n_customers=5)


@pytest.mark.parametrize("key", list(cases.CASES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_preset_and_language_assesses(tables, key, lang):
    n = report.assess(tables[key], key)
    text = " ".join(report.conclusions(n, lang) + report.measures(n, lang))
    assert f"{n['largest_gap']:+.2f}" in text
    if lang == "zh":
        assert "差距" in text
    assert (report.burnett_sentence(n, lang) is not None) == (key == "b2b")
