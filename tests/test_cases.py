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
        s = tb["satisfaction"][cases.CASES[key].attribute_names]
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
    # the hotel's (and the service-famous hot-pot chain's) empathy perceptions meet expectations, the others' fall short
    emp = {k: Q.servqual_gaps(tb["servqual"]).dimensions.loc["empathy", "gap"] for k, tb in tables.items()}
    assert emp["hotel"] > 0 and emp["hotpot"] > 0
    assert max(emp[k] for k in ("retail", "airline", "b2b")) < -0.5
    # the hotel spends more per customer than the hot-pot chain
    assert tables["hotel"]["customers"]["spend"].mean() > 3 * tables["hotpot"]["customers"]["spend"].mean()


@pytest.mark.parametrize("key", list(cases.CASES))
@pytest.mark.parametrize("seed,size", [(0, 2000), (7, 400)])
def test_the_realised_complaint_mix_is_the_preset_mix(key, seed, size):
    """Every category's share is the target share to the nearest complaint (the old sampler reached 6.6% for 40%)."""
    mix = cases.CASES[key].complaint_mix
    log = cases.generate(key, seed=seed, n_customers=size)["complaints"]
    got = log["category"].value_counts()
    assert set(got.index) == set(mix)
    total = sum(mix.values())
    for cat, share in mix.items():
        assert abs(got[cat] - len(log) * share / total) < 1, (cat, got[cat], len(log) * share / total)


def test_largest_remainder_counts():
    assert cases._counts({"a": 0.5, "b": 0.3, "c": 0.2}, 7) == {"a": 4, "b": 2, "c": 1}
    assert sum(cases._counts({"a": 1, "b": 1, "c": 1}, 100).values()) == 100


@pytest.mark.parametrize("key", list(cases.CASES))
@pytest.mark.parametrize("seed,size", [(0, 2000), (3, 400), (11, 300)])
def test_the_data_show_the_narratives_weak_spot_and_strength(key, seed, size):
    """What the case's story names is what its generated data show, for any seed and size."""
    c = cases.CASES[key]
    n = report.assess(cases.generate(key, seed=seed, n_customers=size), key)
    assert n["largest_gap_dim"] == c.weak_spot["dimension"]
    assert n["smallest_gap_dim"] == c.strength
    assert n["focus_attribute"] == c.weak_spot["attribute"] == n["weakest_attribute"]
    assert n["top_category"] == c.weak_spot["category"]
    assert n["synthesis"]["priority"] == c.weak_spot["dimension"] and n["synthesis"]["agree"] == 3
    # the narrative names the weak spot in words a reader recognises
    assert c.weak_spot["attribute"].replace("_", " ")[:4] in c.narrative.lower()


def test_each_case_is_scored_on_its_own_attributes():
    assert "packaging" not in cases.CASES["hotpot"].attributes
    assert {"taste", "waiting_time", "service"} <= set(cases.CASES["hotpot"].attributes)
    for c in cases.CASES.values():
        assert abs(sum(w for _, w, _ in c.attributes.values()) - 1) < 1e-9
        for name in list(c.attributes) + list(c.complaint_mix):
            assert name in c.links or name == "other" or name in ("price", "ambience", "ordering", "installation")
        assert set(c.links.values()) <= {"tangibles", "reliability", "responsiveness", "assurance", "empathy"}


def test_conclusions_synthesise_instead_of_repeating_the_sections(tables):
    for key, tb in tables.items():
        n = report.assess(tb, key)
        for lang in ("en", "zh"):
            concl = report.conclusions(n, lang)
            sections = [report.satisfaction_sentence(n, lang), report.loyalty_sentence(n, lang),
                        report.interaction_sentence(n, lang), report.value_sentence(n, lang),
                        report.servqual_sentence(n, lang)]
            assert not set(concl) & set(sections)
            assert len(concl) == 4
        s = n["synthesis"]
        assert s["customer_equity"] == pytest.approx(n["customers"] * n["clv"])
        assert 0 < s["linked_share"] <= 1 and s["linked_cost"] > 0
        assert f"{s['strength_gap']:+.2f}" in report.conclusions(n, "en")[2]


def test_conclusions_say_when_the_lenses_disagree(tables):
    n = report.assess(tables["hotpot"], "hotpot")
    n = {**n, "top_category": "hygiene", "focus_attribute": "ambience"}  # both link to tangibles
    n["synthesis"] = report.synthesis(n, "hotpot")
    assert n["synthesis"]["priority"] == "tangibles" and n["synthesis"]["agree"] == 2
    assert "Two of the three lenses point at tangibles" in report.conclusions(n, "en")[0]
    n = {**n, "focus_attribute": "taste"}  # reliability
    n["synthesis"] = report.synthesis(n, "hotpot")
    assert n["synthesis"]["agree"] == 1 and n["synthesis"]["priority"] == "responsiveness"
    assert "point at different places" in report.conclusions(n, "en")[0]


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
