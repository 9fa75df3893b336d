"""Topic 1 data: a satisfaction survey with a known model, and the textbook case."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register
from crmlab.labels import ZhNames
from crmlab.satisfaction.core import ATTRIBUTES

ATTRIBUTES_ZH = ZhNames(ATTRIBUTES)  # Chinese names from the catalogue (crmlab/locale)

# The true model of the synthetic survey -------------------------------------
# Overall satisfaction is driven by the attributes with these weights (they
# sum to 1): quality and taste matter most, packaging least ...
TRUE_WEIGHTS = {"quality": 0.30, "function": 0.10, "price": 0.12,
                "service": 0.18, "packaging": 0.05, "taste": 0.25}
# ... while customers *say* price matters most (stated importance, 1-5).
STATED_IMPORTANCE_MEAN = {"quality": 4.3, "function": 3.6, "price": 4.5,
                          "service": 3.9, "packaging": 2.9, "taste": 3.8}
ATTRIBUTE_MEAN = {"quality": 3.85, "function": 3.75, "price": 3.05,
                  "service": 3.35, "packaging": 4.05, "taste": 3.95}
SEGMENTS = {"online": 0.40, "in-store": 0.45, "business": 0.15}
SEGMENT_SHIFT = {"online": -0.10, "in-store": 0.10, "business": -0.25}
# Probability of buying again within 12 months, by overall satisfaction:
# steep at the top box (a 5 is six times as likely to come back as a 4).
REPURCHASE_PROB = {1: 0.04, 2: 0.06, 3: 0.09, 4: 0.12, 5: 0.72}
# The survey is fielded in four quarterly waves of one year. The model has NO
# quarter effect: every difference between quarters is sampling noise (the
# lesson on comparing many groups).
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def _clip_round(x: np.ndarray, low: int = 1, high: int = 5) -> np.ndarray:
    return np.clip(np.rint(x), low, high).astype(int)


def make_survey(seed: int = 42, n: int = 1200) -> Generated:
    """Draw a customer satisfaction survey from the kit's known model.

    Per respondent: a segment; six attribute ratings (1-5) around attribute
    means plus a segment shift and a personal halo; stated importance per
    attribute (1-5); overall satisfaction = round(sum_j w_j * rating_j +
    0.55 * halo + noise), clipped to 1-5; repurchase intention; and whether
    the customer bought again in the next 12 months, drawn with
    ``REPURCHASE_PROB[overall]``; the quarter of the survey wave (no effect).
    Repurchase intention follows overall satisfaction, but actual repurchase
    is drawn from overall satisfaction alone, so intention and behaviour differ.
    """
    rng = np.random.default_rng(seed)
    seg_names = list(SEGMENTS)
    segment = rng.choice(seg_names, size=n, p=list(SEGMENTS.values()))
    shift = np.array([SEGMENT_SHIFT[s] for s in segment])
    halo = rng.normal(0.0, 0.45, size=n)
    ratings = {}
    latent = np.zeros(n)
    for a in ATTRIBUTES:
        x = ATTRIBUTE_MEAN[a] + shift + halo + rng.normal(0.0, 0.85, size=n)
        r = _clip_round(x)
        ratings[a] = r
        latent += TRUE_WEIGHTS[a] * r
    overall_latent = latent + 0.30 + 0.3 * halo + rng.normal(0.0, 0.35, size=n)
    overall = _clip_round(overall_latent)
    importance = {f"imp_{a}": _clip_round(STATED_IMPORTANCE_MEAN[a] + rng.normal(0, 0.7, size=n))
                  for a in ATTRIBUTES}
    intent = _clip_round(overall + rng.normal(0.0, 0.8, size=n))
    p = np.array([REPURCHASE_PROB[int(o)] for o in overall])
    repurchased = rng.random(n) < p
    # drawn last, so every other column is what it was before the quarter was added
    quarter = rng.choice(QUARTERS, size=n)
    frame = pd.DataFrame({
        "respondent_id": np.arange(1, n + 1),
        "segment": segment,
        **ratings,
        **importance,
        "overall": overall,
        "repurchase_intent": intent,
        "repurchased": repurchased,
        "quarter": quarter,
    })
    truth = {
        "weights": dict(TRUE_WEIGHTS),
        "stated_importance_mean": dict(STATED_IMPORTANCE_MEAN),
        "repurchase_prob": {str(k): v for k, v in REPURCHASE_PROB.items()},
        "top_box_ratio": REPURCHASE_PROB[5] / REPURCHASE_PROB[4],
        "segment_shift": dict(SEGMENT_SHIFT),
        "segment_share": dict(SEGMENTS),
        "quarter_effect": {q: 0.0 for q in QUARTERS},
    }
    return Generated(frame, truth)


register(DatasetSpec(
    name="satisfaction_survey",
    topic="01 satisfaction",
    title="Customer satisfaction survey of a packaged food brand: six attribute ratings, stated importance, overall satisfaction and observed repurchase",
    description=(
        "One row per respondent. Attribute ratings and overall satisfaction use the "
        "5-level scale 1 = very dissatisfied (很不满意) ... 5 = very satisfied (很满意). "
        "Overall satisfaction is generated from the attribute ratings with known weights; "
        "repurchase in the following 12 months follows a steep top-box link (the Xerox effect)."
    ),
    truth_notes=(
        "`weights`: the true attribute weights behind `overall` (sum to 1); "
        "`repurchase_prob`: the true probability of repurchase at each overall score; "
        "`top_box_ratio`: repurchase probability at 5 divided by that at 4; "
        "`stated_importance_mean`: the mean that stated importance was drawn around; "
        "`quarter_effect`: 0 for every quarter (differences between quarters are noise)."
    ),
    columns=(
        Column("respondent_id", "int", "id", "Respondent number"),
        Column("segment", "str", "online / in-store / business", "Customer segment (where they buy)"),
        *(Column(a, "int", "1-5", f"Rating of {a} ({ATTRIBUTES_ZH[a]})") for a in ATTRIBUTES),
        *(Column(f"imp_{a}", "int", "1-5", f"Stated importance of {a}: 1 = not important ... 5 = very important")
          for a in ATTRIBUTES),
        Column("overall", "int", "1-5", "Overall satisfaction (总体满意度)"),
        Column("repurchase_intent", "int", "1-5", "Stated intention to buy again: 1 = certainly not ... 5 = certainly"),
        Column("repurchased", "bool", "0/1", "Bought again within the following 12 months (observed)"),
        Column("quarter", "str", "Q1-Q4", "Quarter of the survey wave"),
    ),
    generator=make_survey,
    default_seed=42,
    defaults={"n": 1200},
))


# The textbook case (brief topic 1, 案例六): the reading lost its numbers, so
# this table is illustrative. 100 respondents rate six attributes; the firm
# sets an importance weight per attribute.
_TEXTBOOK = [
    # attribute, n1, n2, n3, n4, n5, weight
    ("quality", 2, 6, 14, 38, 40, 0.30),
    ("function", 3, 8, 20, 41, 28, 0.15),
    ("price", 10, 22, 32, 26, 10, 0.20),
    ("service", 5, 12, 28, 35, 20, 0.15),
    ("packaging", 1, 3, 10, 30, 56, 0.05),
    ("taste", 2, 5, 18, 40, 35, 0.15),
]


def make_textbook_case(seed: int = 0) -> Generated:
    """The illustrative six-attribute table; seed 0 (the default) gives the textbook numbers.

    Any other seed redraws the 100 answers of each attribute from the
    textbook's shares (multinomial, so every row still sums to 100), keeping
    the firm's weights: a per-student variant of the same case (``crmlab assign``).
    """
    counts = np.array([rest[:5] for _, *rest in _TEXTBOOK], dtype="int64")
    if seed != 0:
        rng = np.random.default_rng(seed)
        shares = (counts + 0.5) / (counts + 0.5).sum(axis=1, keepdims=True)  # no level impossible
        counts = rng.multinomial(100, shares)  # one row of 100 answers per attribute
    frame = pd.DataFrame(
        [(a, ATTRIBUTES_ZH[a], *map(int, c), rest[5]) for (a, *rest), c in zip(_TEXTBOOK, counts)],
        columns=["attribute", "attribute_zh", "n_1", "n_2", "n_3", "n_4", "n_5", "weight"],
    )
    return Generated(frame, {"note": "illustrative table, no generating model"
                                     + ("" if seed == 0 else f"; counts redrawn with seed {seed}")})


register(DatasetSpec(
    name="textbook_case",
    topic="01 satisfaction",
    title="The textbook six-attribute case (案例六): rating counts and the firm's importance weights",
    description=(
        "One row per product attribute: how many of 100 respondents gave each rating "
        "from 1 (very dissatisfied, 很不满意) to 5 (very satisfied, 很满意), and the weight "
        "the firm gives the attribute. Used to compare the simple score method (简单分值法) "
        "with the weighted method (加权法)."
    ),
    columns=(
        Column("attribute", "str", "name", "Product attribute"),
        Column("attribute_zh", "str", "name", "Attribute in Chinese"),
        Column("n_1", "int", "respondents", "Number rating 1 (very dissatisfied)"),
        Column("n_2", "int", "respondents", "Number rating 2 (dissatisfied)"),
        Column("n_3", "int", "respondents", "Number rating 3 (neutral)"),
        Column("n_4", "int", "respondents", "Number rating 4 (satisfied)"),
        Column("n_5", "int", "respondents", "Number rating 5 (very satisfied)"),
        Column("weight", "float", "0-1, sums to 1", "Importance weight set by the firm"),
    ),
    generator=make_textbook_case,
    default_seed=0,
    illustrative=True,
))
