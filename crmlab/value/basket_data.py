"""Customer-value data for market baskets and perceived value, with the truth the generators know.

``make_baskets``: supermarket baskets. Every item enters a basket on its
own with a base probability (``ITEM_PROBS``), independently of the others,
except the consequents of a few **planted rules** (``PLANTED_RULES``): in a
basket that holds the whole antecedent, the consequent is there with the
rule's confidence instead. The planted rules share no items, so the truth
is exact: support(A) = product of the antecedent's base probabilities,
confidence = the planted value, support(B) = support(A) c + (1 - support(A)) p_B,
lift = c / support(B); every support is then divided by the share of
non-empty baskets (an empty trip leaves no basket line), which leaves the
confidence unchanged.

``make_value_survey``: a perceived-value survey (客户感知价值). Each
respondent rates the firm they buy from most (ours, ``us``, or one of three
rivals) on benefit items (perceived benefits, 感知利得: product, service,
staff, image; after Kotler's total customer value) and cost items
(perceived costs, 感知利失: price, time, effort) on a 1-7 scale. Each firm
has known latent item means; a respondent's rating is the latent mean plus
a personal halo (shared by the benefit items, and by the cost items) plus
noise, rounded and clipped to 1-7. The truth holds the exact expected
rating of each firm and item after that rounding, and the value-map
position each firm has by construction.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register
from crmlab.value.perceived import BENEFITS, COSTS, FIRM, PRICE, value_map_from_scores

# ------------------------------------------------------------------ baskets
ITEM_PROBS = {
    "apples": 0.15, "bananas": 0.22, "beer": 0.10, "bread": 0.30, "butter": 0.08, "cereal": 0.10,
    "cheese": 0.07, "chips": 0.12, "chocolate": 0.10, "coffee": 0.15, "eggs": 0.20, "milk": 0.35,
    "parmesan": 0.02, "pasta": 0.18, "rice": 0.09, "salsa": 0.02, "sugar": 0.07, "tea": 0.08,
    "tomato_sauce": 0.15, "wine": 0.06, "yogurt": 0.12,
}
ITEMS = tuple(sorted(ITEM_PROBS))
# (antecedent items, consequent item, confidence): no item in two rules, no consequent in an antecedent
PLANTED_RULES = (
    (("bread",), "butter", 0.40),
    (("cereal",), "milk", 0.70),
    (("chips",), "salsa", 0.30),
    (("pasta", "tomato_sauce"), "parmesan", 0.55),
    (("wine",), "cheese", 0.35),
)


def basket_truth() -> dict:
    """The exact truth of the basket generator: item supports and each planted rule's measures."""
    p_empty = float(np.prod([1 - p for p in ITEM_PROBS.values()]))
    keep = 1 - p_empty
    support = dict(ITEM_PROBS)
    rules = []
    for ante, cons, conf in PLANTED_RULES:
        sa = float(np.prod([ITEM_PROBS[a] for a in ante]))
        sb = sa * conf + (1 - sa) * ITEM_PROBS[cons]
        support[cons] = sb
        rules.append({"antecedent": list(ante), "consequent": cons, "confidence": conf,
                      "antecedent_support": sa / keep, "consequent_support": sb / keep,
                      "support": sa * conf / keep, "lift": conf / sb * keep})
    return {
        "items": list(ITEMS),
        "base_probability": dict(ITEM_PROBS),
        "item_support": {k: v / keep for k, v in sorted(support.items())},
        "share_empty_trips": p_empty,
        "planted_rules": rules,
        "note": "supports are shares of non-empty baskets; items outside the planted rules are independent (lift 1)",
    }


def _draw_baskets(rng: np.random.Generator, n_baskets: int) -> np.ndarray:
    """``n_baskets`` non-empty baskets as a bool matrix (rows) x ITEMS (columns)."""
    p = np.array([ITEM_PROBS[i] for i in ITEMS])
    col = {name: j for j, name in enumerate(ITEMS)}
    keep = 1 - float(np.prod(1 - p))
    draw = int(math.ceil(n_baskets / keep * 1.05)) + 50
    parts, have = [], 0
    while have < n_baskets:
        m = rng.random((draw, len(ITEMS))) < p
        for ante, cons, conf in PLANTED_RULES:
            has = m[:, [col[a] for a in ante]].all(axis=1)
            m[has, col[cons]] = rng.random(int(has.sum())) < conf
        m = m[m.any(axis=1)]
        parts.append(m)
        have += len(m)
    return np.concatenate(parts)[:n_baskets]


@functools.lru_cache(maxsize=4)
def _baskets(seed: int, n_baskets: int) -> pd.DataFrame:
    m = _draw_baskets(np.random.default_rng(seed), n_baskets)
    row, col = np.nonzero(m)
    return pd.DataFrame({"basket_id": row + 1, "item": pd.array(np.asarray(ITEMS)[col], dtype="str")})


def make_baskets(seed: int = 6, n_baskets: int = 5000) -> Generated:
    """Basket lines of ``n_baskets`` supermarket trips with planted rules (truth: :func:`basket_truth`)."""
    from crmlab import validate as _v

    seed = _v.require_int(seed, "seed", minimum=0)
    n_baskets = _v.require_int(n_baskets, "n_baskets", minimum=1)
    return Generated(_baskets(seed, n_baskets).copy(), basket_truth())


# ------------------------------------------------------------------ perceived value survey
FIRMS = ("us", "discounter", "premium", "local")
FIRM_SHARE = {"us": 0.35, "discounter": 0.25, "premium": 0.20, "local": 0.20}
# latent means on the 1-7 scale: benefit items (higher = better), cost items (higher = costlier)
LATENT_MEANS = {
    "us": {"product_quality": 5.6, "service_quality": 5.4, "staff": 5.3, "image": 5.0,
           "price": 4.6, "time_cost": 3.0, "effort_cost": 3.0},
    "discounter": {"product_quality": 3.9, "service_quality": 3.5, "staff": 3.6, "image": 3.6,
                   "price": 3.6, "time_cost": 4.2, "effort_cost": 4.0},
    "premium": {"product_quality": 6.0, "service_quality": 5.9, "staff": 5.8, "image": 6.1,
                "price": 6.2, "time_cost": 2.6, "effort_cost": 2.5},
    "local": {"product_quality": 4.6, "service_quality": 4.9, "staff": 5.0, "image": 4.2,
              "price": 4.9, "time_cost": 3.4, "effort_cost": 3.6},
}
HALO_SD = 0.5  # a respondent's shift of all benefit items (and, separately, of all cost items)
NOISE_SD = 0.9
SCALE = (1, 7)


def _expected_rating(mu: float, sd: float) -> float:
    """E[clip(round(mu + N(0, sd²)), 1, 7)], exactly (normal cdf of the rounding cut points)."""
    from scipy.stats import norm

    cuts = np.arange(SCALE[0] + 0.5, SCALE[1])  # 1.5 ... 6.5
    cdf = norm.cdf((cuts - mu) / sd)
    probs = np.diff(np.concatenate([[0.0], cdf, [1.0]]))
    return float(np.dot(np.arange(SCALE[0], SCALE[1] + 1), probs))


def survey_truth() -> dict:
    """The exact truth of the survey: expected item means, CPV and the value-map position of each firm."""
    sd = math.hypot(HALO_SD, NOISE_SD)
    means = {f: {k: _expected_rating(v, sd) for k, v in LATENT_MEANS[f].items()} for f in FIRMS}
    scores = pd.DataFrame({
        "quality": {f: float(np.mean([means[f][b] for b in BENEFITS])) for f in FIRMS},
        "price": {f: means[f][PRICE] for f in FIRMS},
    })
    vmap = value_map_from_scores(scores["quality"], scores["price"])
    benefits = {f: float(np.mean([means[f][b] for b in BENEFITS])) for f in FIRMS}
    costs = {f: float(np.mean([means[f][c] for c in COSTS])) for f in FIRMS}
    return {
        "firms": list(FIRMS), "firm_share": dict(FIRM_SHARE), "latent_means": LATENT_MEANS,
        "halo_sd": HALO_SD, "noise_sd": NOISE_SD, "scale": list(SCALE),
        "expected_item_means": means,
        "perceived_benefits": benefits, "perceived_costs": costs,
        "cpv": {f: benefits[f] - costs[f] for f in FIRMS},
        "relative_quality": vmap["relative_quality"].to_dict(),
        "relative_price": vmap["relative_price"].to_dict(),
        "value_gap": vmap["value_gap"].to_dict(),
        "position": vmap["position"].to_dict(),
        "note": "equal item weights; relative = firm / mean of the other firms; fair-value line slope 1 through (1, 1)",
    }


@functools.lru_cache(maxsize=4)
def _survey(seed: int, n_respondents: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = n_respondents
    firm = rng.choice(len(FIRMS), size=n, p=[FIRM_SHARE[f] for f in FIRMS])
    halo_b, halo_c = rng.normal(0, HALO_SD, n), rng.normal(0, HALO_SD, n)
    out = {"respondent_id": np.arange(1, n + 1), FIRM: pd.array(np.asarray(FIRMS)[firm], dtype="str")}
    for item in (*BENEFITS, *COSTS):
        mu = np.array([LATENT_MEANS[f][item] for f in FIRMS])[firm]
        halo = halo_b if item in BENEFITS else halo_c
        out[item] = np.clip(np.rint(mu + halo + rng.normal(0, NOISE_SD, n)), *SCALE).astype("int64")
    return pd.DataFrame(out)


def make_value_survey(seed: int = 6, n_respondents: int = 1200) -> Generated:
    """Perceived-value survey: each respondent rates their main firm on benefit and cost items (1-7)."""
    from crmlab import validate as _v

    seed = _v.require_int(seed, "seed", minimum=0)
    n_respondents = _v.require_int(n_respondents, "n_respondents", minimum=1)
    return Generated(_survey(seed, n_respondents).copy(), survey_truth())


register(DatasetSpec(
    name="basket_lines",
    topic="06 customer value",
    title="Supermarket basket lines (one row per item in a basket) with planted purchase rules",
    description=(
        "One row per item bought in a basket (购物篮); a basket is one shopping trip. Items enter a "
        "basket independently, except the consequents of five planted rules (e.g. bread → butter, "
        "pasta + tomato_sauce → parmesan), which follow their antecedent with a known confidence."
    ),
    truth_notes=("`planted_rules`: each rule's antecedent, consequent and exact confidence, supports and lift; "
                 "`item_support`: the exact share of baskets with each item; `base_probability`: the "
                 "generator's independent inclusion probabilities; `share_empty_trips`: trips that bought "
                 "nothing (left out, so every support is a share of non-empty baskets)."),
    columns=(
        Column("basket_id", "int", "id", "Basket (shopping trip) number"),
        Column("item", "str", " / ".join(ITEMS), "Item in the basket (each item at most once per basket)"),
    ),
    generator=make_baskets,
    default_seed=6,
    defaults={"n_baskets": 5000},
))

register(DatasetSpec(
    name="perceived_value_survey",
    topic="06 customer value",
    title="Perceived-value survey: benefit and cost ratings of our firm and three rivals by their customers",
    description=(
        "One row per respondent, who rates the firm they buy from most (us, discounter, premium, local) "
        "on perceived benefits (感知利得: product quality, service quality, staff, image) and perceived "
        "costs (感知利失: price, time, effort) on a 1-7 scale; for costs 7 = very costly."
    ),
    truth_notes=("`expected_item_means`: the exact expected rating of each firm and item; `cpv`: benefits minus "
                 "costs per firm (equal weights); `relative_quality`, `relative_price`, `value_gap`, `position`: "
                 "the customer value map each firm has by construction (relative to the mean of the other firms, "
                 "fair-value line of slope 1 through (1, 1))."),
    columns=(
        Column("respondent_id", "int", "id", "Respondent number"),
        Column(FIRM, "str", " / ".join(FIRMS), "The firm the respondent buys from most and rates"),
        Column("product_quality", "int", "1-7", "Perceived product quality (产品价值): 1 = very poor ... 7 = excellent"),
        Column("service_quality", "int", "1-7", "Perceived service quality (服务价值)"),
        Column("staff", "int", "1-7", "Perceived competence and courtesy of the staff (人员价值)"),
        Column("image", "int", "1-7", "Perceived image of the firm (形象价值)"),
        Column("price", "int", "1-7", "Perceived price (货币成本): 1 = very cheap ... 7 = very expensive"),
        Column("time_cost", "int", "1-7", "Time it costs to buy there (时间成本): 1 = very little ... 7 = a lot"),
        Column("effort_cost", "int", "1-7", "Effort it costs to buy there (精力成本): 1 = very little ... 7 = a lot"),
    ),
    generator=make_value_survey,
    default_seed=6,
    defaults={"n_respondents": 1200},
))
