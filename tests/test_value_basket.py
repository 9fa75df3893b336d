"""Market-basket analysis (crmlab.value.basket): hand-computed measures, invariants, planted-rule recovery."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import datasets
from crmlab.errors import CRMDataError, CRMWarning
from crmlab.value import basket as vb
from crmlab.value import data as bd




# Six baskets, by hand:
#   1 bread butter milk | 2 bread butter | 3 bread milk | 4 milk | 5 butter jam | 6 bread butter jam
TINY = pd.DataFrame({
    "basket_id": [1, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 6],
    "item": ["bread", "butter", "milk", "bread", "butter", "bread", "milk", "milk", "butter", "jam",
             "bread", "butter", "jam"],
})


def test_matrix_and_item_support_by_hand():
    m = vb.basket_matrix(TINY)
    assert list(m.columns) == ["bread", "butter", "jam", "milk"] and list(m.index) == [1, 2, 3, 4, 5, 6]
    s = vb.item_support(TINY)
    assert s["count"].to_dict() == {"bread": 4, "butter": 4, "milk": 3, "jam": 2}
    assert list(s.index) == ["bread", "butter", "milk", "jam"]  # ties by name
    assert s.loc["jam", "support"] == pytest.approx(2 / 6)


def test_rule_by_hand():
    # bread & butter in baskets 1, 2, 6 -> support 3/6; confidence 3/4; lift (3/6) / (4/6 * 4/6) = 1.125
    r = vb.rule_metrics(TINY, "bread", "butter")
    assert (r.count, r.support, r.confidence) == (3, 0.5, 0.75)
    assert r.lift == pytest.approx(1.125)
    assert r.leverage == pytest.approx(0.5 - (4 / 6) ** 2)
    assert r.conviction == pytest.approx((1 - 4 / 6) / (1 - 0.75))
    # two-item antecedent: {bread, butter} -> jam: basket 6 only; conf 1/3, lift (1/6)/(3/6 * 2/6) = 1
    r2 = vb.rule_metrics(TINY, ["butter", "bread"], "jam")
    assert r2.antecedent == ("bread", "butter") and r2.confidence == pytest.approx(1 / 3)
    assert r2.lift == pytest.approx(1.0)
    # confidence 1: conviction is infinite; milk -> ... basket 4 has milk alone
    assert vb.rule_metrics(TINY, "jam", "butter").conviction == np.inf


def test_quantities_count_once_and_input_unchanged():
    doubled = pd.concat([TINY, TINY.iloc[[0, 0, 4]]], ignore_index=True)
    before = doubled.copy()
    assert vb.rule_metrics(doubled, "bread", "butter") == vb.rule_metrics(TINY, "bread", "butter")
    vb.association_rules(doubled, min_support=0.1)
    pd.testing.assert_frame_equal(doubled, before)


def test_onehot_input_gives_the_same_rules():
    onehot = vb.basket_matrix(TINY).astype(int)
    a = vb.association_rules(TINY, min_support=0.1)
    b = vb.association_rules(onehot, min_support=0.1)
    pd.testing.assert_frame_equal(a, b)


def test_frequent_itemsets_by_hand():
    fi = vb.frequent_itemsets(TINY, min_support=2 / 6)
    got = dict(zip(fi["itemset"], fi["count"]))
    assert got == {"bread": 4, "butter": 4, "milk": 3, "jam": 2, "bread + butter": 3, "bread + milk": 2,
                   "butter + jam": 2}
    assert list(fi["itemset"][:2]) == ["bread", "butter"]  # count, then size, then item order


def test_min_support_boundary_is_inclusive():
    # 0.3 * 10 is 3.0000000000000004 in floating point: an itemset in exactly 3 of 10 baskets must stay
    lines = pd.DataFrame({"basket_id": list(range(10)) + [0, 1, 2], "item": ["a"] * 10 + ["b"] * 3})
    assert "a + b" in set(vb.frequent_itemsets(lines, min_support=0.3)["itemset"])


def test_rules_table_by_hand_and_sorted():
    rules = vb.association_rules(TINY, min_support=2 / 6)
    assert set(rules["rule"]) == {"bread → butter", "butter → bread", "bread → milk", "milk → bread",
                                  "butter → jam", "jam → butter"}
    jam = rules.set_index("rule").loc["jam → butter"]
    assert (jam["confidence"], jam["lift"]) == (1.0, pytest.approx(1.5))
    assert list(rules["lift"]) == sorted(rules["lift"], reverse=True)
    # the two directions of a pair share support and lift and stay side by side
    assert rules["rule"].iloc[0] == "butter → jam" and rules["rule"].iloc[1] == "jam → butter"


def test_thresholds_filter():
    rules = vb.association_rules(TINY, min_support=2 / 6, min_confidence=0.7, min_lift=1.1)
    assert set(rules["rule"]) == {"bread → butter", "butter → bread", "jam → butter"}
    with pytest.warns(CRMWarning, match="min_support"):
        empty = vb.association_rules(TINY, min_support=0.9)
    assert empty.empty and "lift" in empty.columns


def _random_lines(seed: int, n_baskets: int = 60, n_items: int = 6) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    m = rng.random((n_baskets, n_items)) < rng.uniform(0.1, 0.7, n_items)
    m[:, 0] |= ~m.any(axis=1)  # no empty basket
    b, i = np.nonzero(m)
    return pd.DataFrame({"basket_id": b + 100, "item": [f"i{k}" for k in i]})


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_rule_invariants(seed):
    lines = _random_lines(seed)
    rules = vb.association_rules(lines, min_support=0.05, max_len=3)
    if rules.empty:
        return
    n = lines["basket_id"].nunique()
    sup = vb.frequent_itemsets(lines, min_support=0.05, max_len=3).set_index("itemset")["support"]
    # confidence = support(A u B) / support(A); lift = confidence / support(B)
    np.testing.assert_allclose(rules["confidence"], rules["support"] / rules["antecedent_support"])
    np.testing.assert_allclose(rules["lift"], rules["confidence"] / rules["consequent_support"])
    np.testing.assert_allclose(rules["antecedent_support"], sup.reindex(rules["antecedent"]).to_numpy())
    assert ((rules["count"] / n) == rules["support"]).all()
    # lift and support are symmetric: A -> B and B -> A agree
    pairs = rules.set_index(["antecedent", "consequent"])
    for (a, c), row in pairs.iterrows():
        if (c, a) in pairs.index:
            assert pairs.loc[(c, a), "lift"] == row["lift"] and pairs.loc[(c, a), "support"] == row["support"]
    assert (rules["confidence"] <= 1).all() and (rules["support"] <= rules[["antecedent_support",
                                                                             "consequent_support"]].min(axis=1)).all()


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_row_order_does_not_change_anything(seed, perm_seed):
    lines = _random_lines(seed)
    shuffled = lines.sample(frac=1.0, random_state=perm_seed).reset_index(drop=True)
    pd.testing.assert_frame_equal(vb.association_rules(lines, min_support=0.05),
                                  vb.association_rules(shuffled, min_support=0.05))
    pd.testing.assert_frame_equal(vb.frequent_itemsets(lines, min_support=0.05),
                                  vb.frequent_itemsets(shuffled, min_support=0.05))


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_library_search_matches_a_pandas_count(seed):
    """Cross-check: every itemset mlxtend's H-Mine returns, and only those, has the support pandas counts by hand."""
    lines = _random_lines(seed, n_baskets=80, n_items=7)
    m = vb.basket_matrix(lines)
    fi = vb.frequent_itemsets(lines, min_support=0.1, max_len=3)
    by_hand = {}
    for k in (1, 2, 3):
        for combo in itertools.combinations(m.columns, k):
            count = int(m[list(combo)].all(axis=1).sum())
            if count >= 0.1 * len(m) - 1e-9:
                by_hand[" + ".join(combo)] = count
    assert dict(zip(fi["itemset"], fi["count"])) == by_hand


def test_fpgrowth_agrees_with_the_hmine_search():
    from mlxtend.frequent_patterns import fpgrowth

    lines = _random_lines(3, n_baskets=300, n_items=8)
    m = vb.basket_matrix(lines)
    ref = fpgrowth(m, min_support=0.05, use_colnames=True, max_len=3)
    ref = {" + ".join(sorted(s)): round(v * len(m)) for s, v in zip(ref["itemsets"], ref["support"])}
    fi = vb.frequent_itemsets(lines, min_support=0.05, max_len=3)
    assert dict(zip(fi["itemset"], fi["count"])) == ref


def test_planted_rules_are_recovered():
    """On 60,000 baskets every planted rule's confidence is within 0.02 and its lift within 5% of the truth."""
    lines = bd.make_baskets(seed=11, n_baskets=60_000).frame
    truth = bd.basket_truth()
    for rule in truth["planted_rules"]:
        got = vb.rule_metrics(lines, rule["antecedent"], rule["consequent"])
        assert got.confidence == pytest.approx(rule["confidence"], abs=0.02), rule
        assert got.lift == pytest.approx(rule["lift"], rel=0.05), rule
        assert got.support == pytest.approx(rule["support"], abs=0.003), rule
    s = vb.item_support(lines)["support"]
    for item, p in truth["item_support"].items():
        assert s[item] == pytest.approx(p, abs=0.01), item
    # an unplanted pair is independent: lift near 1
    assert vb.rule_metrics(lines, "coffee", "eggs").lift == pytest.approx(1.0, abs=0.08)


def test_planted_rules_top_the_rule_table():
    lines = bd.make_baskets(seed=11, n_baskets=60_000).frame
    rules = vb.association_rules(lines, min_support=0.01, max_len=2)
    # the planted pairs and the two pairs inside the planted triple (pasta/tomato_sauce with parmesan): 6 pairs
    top_pairs = {frozenset((r.antecedent, r.consequent)) for r in rules.head(12).itertuples()}
    planted = {frozenset((r["antecedent"][0], r["consequent"])) for r in bd.basket_truth()["planted_rules"]
               if len(r["antecedent"]) == 1}
    assert planted <= top_pairs


def test_generator_is_seeded_and_registered():
    a = datasets.generate("basket_lines", seed=3, n_baskets=500).frame
    b = datasets.generate("basket_lines", seed=3, n_baskets=500).frame
    pd.testing.assert_frame_equal(a, b)
    assert a["basket_id"].nunique() == 500 and not a.duplicated().any()
    assert list(a.columns) == ["basket_id", "item"]
    assert not a.equals(datasets.generate("basket_lines", seed=4, n_baskets=500).frame)


def test_plots_state_the_finding():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlab.value import plots as bp

    lines = bd.make_baskets(seed=6, n_baskets=3000).frame
    rules = vb.association_rules(lines, min_support=0.01, max_len=2)
    ax = bp.rules_map(rules)
    best = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable").iloc[0]
    assert best["confidence"] >= rules.iloc[:2]["confidence"].min()
    from crmlab.labels import label

    words = {lang: f"{label(best['antecedent'], lang, 'item_')} → {label(best['consequent'], lang, 'item_')}"
             for lang in ("en", "zh")}
    assert words["en"] in ax.get_title() and f"{best['lift']:.2f}" in ax.get_title()
    assert len(ax.texts) == 3  # label_top rules named, each pair once
    zh = bp.rules_map(rules, lang="zh", label_top=1)
    assert words["zh"] in zh.get_title() and words["zh"] != words["en"] and len(zh.texts) == 1
    ax = bp.lift_heatmap(lines, items=["bread", "butter", "milk", "cereal"], lang="zh")
    r = vb.rule_metrics(lines, "bread", "butter")
    assert f"{r.lift:.1f}" in ax.get_title() or f"{vb.rule_metrics(lines, 'cereal', 'milk').lift:.1f}" in ax.get_title()
    plt.close("all")
    with pytest.raises(CRMDataError, match="association_rules"):
        bp.rules_map(lines)


def test_no_frequent_item_warns():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = vb.frequent_itemsets(TINY, min_support=1.0)
    assert out.empty and any("lower min_support" in str(w.message) for w in seen)


def test_the_topic_reexports_basket_and_perceived_value():
    import crmlab.value as val
    from crmlab.value import perceived as pv

    assert val.association_rules is vb.association_rules and val.value_map is pv.value_map
    assert len(set(val.__all__)) == len(val.__all__)  # no name exported by two of the topic's modules
    assert set(vb.__all__) | set(pv.__all__) <= set(val.__all__)
