"""SERVQUAL item maps from a table (any length, any order), per-item importance weights, no assumed
importance columns for a map of one's own columns, and a short error for the default map (issue 19)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import servqual as sq
from crmlab.errors import CRMDataError

KIOSK = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "kiosk_servqual_hanakim120.csv"
KIOSK_DIMENSIONS = {
    "accuracy": [1, 2, 3, 23], "enjoyment": [4, 5, 6, 22, 24], "autonomy": [7, 8, 9],
    "time_cost": [10, 11, 12, 17, 18], "flexibility": [13, 14, 15, 16], "security": [19, 20, 21],
}


def survey3():
    return pd.DataFrame({"e1": [7, 6, 5], "p1": [5, 6, 7], "e2": [6, 6, 4], "p2": [6, 3, 4],
                         "e3": [7, 7, 7], "p3": [4, 5, 6],
                         "i1": [6, 2, 4], "i2": [4, 2, 4], "i3": [5, 6, 0]}, index=[10, 20, 30])


def table3():
    return pd.DataFrame({"item": [3, 1, 2], "dimension": ["b", "a", "a"], "E": ["e3", "e1", "e2"],
                         "P": ["p3", "p1", "p2"], "I": ["i3", "i1", "i2"]})


def test_map_from_table_follows_names_not_positions():
    m = sq.item_map_from_table(table3(), expectation="E", perception="P")
    assert m.dimensions == {"b": (3,), "a": (1, 2)}
    assert m.expectation == {3: "e3", 1: "e1", 2: "e2"} and m.importance is None
    r = sq.servqual_gaps(survey3(), m)
    assert r.items.loc[3, "gap"] == pytest.approx(((4 - 7) + (5 - 7) + (6 - 7)) / 3)
    assert r.items.loc[1, "dimension"] == "a"


def test_map_from_table_defaults_to_the_kit_layout():
    t = pd.DataFrame({"item": [1, 2], "dimension": ["x", "y"]})
    m = sq.item_map_from_table(t)
    assert m.e_columns == ["E1", "E2"] and m.p_columns == ["P1", "P2"] and m.importance is None


@pytest.mark.parametrize("rule", ["mean", "sum"])
def test_item_importance_to_dimension_weights_by_hand(rule):
    m = sq.item_map_from_table(table3(), expectation="E", perception="P", importance="I", importance_rule=rule)
    w = sq.weighted_servqual(survey3(), m)
    # respondent 10: a = items 1, 2 ratings (6, 4); b = item 3 rating 5
    raw_a, raw_b = ((6 + 4) / 2, 5) if rule == "mean" else (6 + 4, 5)
    wa, wb = raw_a / (raw_a + raw_b), raw_b / (raw_a + raw_b)
    gap_a, gap_b = ((5 - 7) + (6 - 6)) / 2, 4 - 7
    assert w.scores.loc[10] == pytest.approx(wa * gap_a + wb * gap_b)
    # respondent 30 rates item 3 at 0: dimension b gets no weight
    assert w.scores.loc[30] == pytest.approx(((7 - 5) + (4 - 4)) / 2)
    p = sq.improvement_priorities(survey3(), m)
    assert set(p["weight"].round(12)) <= set(np.round(w.weights.to_numpy(), 12))


def test_custom_map_never_assumes_imp_columns():
    df = survey3()
    m = sq.item_map({"a": [1, 2], "b": [3]}, expectation="e{item}", perception="p{item}")
    assert m.importance is None
    with pytest.raises(CRMDataError, match=r"no importance columns.*assumes none.*weights="):
        sq.weighted_servqual(df, m)
    # the kit's own layout keeps its importance points
    assert sq.item_map({"a": [1]}).importance == {"a": "imp_a"}
    assert sq.SERVQUAL.importance["tangibles"] == "imp_tangibles"


def test_default_map_error_is_short():
    df = pd.DataFrame({"q1": [1, 2], "q2": [3, 4]})
    with pytest.raises(CRMDataError) as info:
        sq.servqual_gaps(df)
    msg = str(info.value)
    assert "lacks 44 of the 44" in msg and "'E1', 'E2', 'E3'" in msg and "'E4'" not in msg
    assert "item_map_from_table" in msg and len(msg) < 700


@pytest.mark.skipif(not KIOSK.exists(), reason=f"reference data not available at {KIOSK}")
def test_kiosk_map_from_a_shuffled_table_matches_pandas():
    raw = pd.read_csv(KIOSK, encoding="cp949")
    pattern = re.compile(r"^(\d+)-([12])\..*\((기대|인지) 설문\)\s*$")
    rows = {}
    for col in raw.columns:
        hit = pattern.match(col)
        if hit:
            rows.setdefault(int(hit.group(1)), {})["E" if hit.group(3) == "기대" else "P"] = col
    # the file lists item 9 before item 8: the positions of the columns are not the items
    e_positions = [c for c in raw.columns if pattern.match(c) and "기대" in c]
    assert e_positions[7].startswith("9-1") and e_positions[8].startswith("8-1")
    dim_of = {i: d for d, items in KIOSK_DIMENSIONS.items() for i in items}
    table = pd.DataFrame([{"item": i, "dimension": dim_of[i], "e": c["E"], "p": c["P"]} for i, c in rows.items()])
    table = table.sample(frac=1.0, random_state=3).reset_index(drop=True)  # any order
    m = sq.item_map_from_table(table, expectation="e", perception="p")
    assert len(m.items) == 24 and set(m.dimension_names) == set(KIOSK_DIMENSIONS)
    r = sq.servqual_gaps(raw, m)
    for i in (8, 9):  # the swapped pair, by hand
        both = raw[[rows[i]["E"], rows[i]["P"]]].dropna()
        assert r.items.loc[i, "gap"] == pytest.approx((both[rows[i]["P"]] - both[rows[i]["E"]]).mean())
    by_dict = sq.servqual_gaps(raw, sq.item_map(KIOSK_DIMENSIONS, expectation={i: c["E"] for i, c in rows.items()},
                                                perception={i: c["P"] for i, c in rows.items()}))
    pd.testing.assert_series_equal(r.dimensions["gap"].sort_index(), by_dict.dimensions["gap"].sort_index())
    with pytest.raises(CRMDataError, match="no importance columns"):
        sq.weighted_servqual(raw, m)
