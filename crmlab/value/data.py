"""Topic 6 data: CLV customer histories, supermarket baskets and a perceived-value survey, each with its truth.

``make_customers`` (dataset ``value_customers``): a customer base whose
purchases and spends follow BG/NBD and Gamma-Gamma with known parameters.
The transactions of topic 3 (``loyalty_transactions``) are the course's
running example; their spend is drawn per segment, so the Gamma-Gamma model
is only an approximation there. This table is the ground-truth check: each
customer's repeat purchases follow the BG/NBD process (Fader, Hardie & Lee
2005a) and the mean spend of those purchases the Gamma-Gamma model (FHL
2005b) with the parameters in ``TRUE_BGNBD`` and ``TRUE_GAMMA_GAMMA``, and
every customer's true mean spend p / nu is recorded.

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
from crmlab.loyalty.bgnbd import simulate_bgnbd
from crmlab.value.core import simulate_gamma_gamma
from crmlab.value.perceived import BENEFITS, COSTS, FIRM, PRICE, value_map_from_scores

# ------------------------------------------------------------------ CLV customer histories
TRUE_BGNBD = {"r": 0.6, "alpha": 6.0, "a": 0.9, "b": 4.0}   # per week
TRUE_GAMMA_GAMMA = {"p": 4.0, "q": 6.0, "gamma": 250.0}    # CNY: population mean spend p gamma / (q - 1) = 200
CALIBRATION_WEEKS = (26.0, 104.0)  # customers joined between 26 and 104 weeks before the calibration end
HOLDOUT_WEEKS = 52.0


def make_customers(seed: int = 6, n_customers: int = 2000) -> Generated:
    """``n_customers`` customer histories (x, t_x, T, mean spend, holdout purchases) from known BG/NBD and Gamma-Gamma."""
    rng = np.random.default_rng(seed)
    big_t = np.round(rng.uniform(*CALIBRATION_WEEKS, size=n_customers), 1)
    hist = simulate_bgnbd(n_customers, **TRUE_BGNBD, T=big_t, holdout=HOLDOUT_WEEKS, seed=int(seed))
    x = hist["frequency"].to_numpy()
    spend = simulate_gamma_gamma(n_customers, **TRUE_GAMMA_GAMMA, frequency=np.maximum(x, 1), seed=int(seed) + 1)
    monetary = np.where(x > 0, np.round(spend["monetary_value"].to_numpy(), 2), 0.0)
    frame = pd.DataFrame({
        "customer_id": np.arange(1, n_customers + 1),
        "frequency": x.astype("int64"),
        "recency": np.round(hist["recency"].to_numpy(), 4),
        "T": big_t,
        "monetary_value": monetary,
        "frequency_holdout": hist["frequency_holdout"].to_numpy().astype("int64"),
    })
    truth = {
        "bgnbd_params_per_week": dict(TRUE_BGNBD),
        "gamma_gamma_params": dict(TRUE_GAMMA_GAMMA),
        "population_mean_spend": TRUE_GAMMA_GAMMA["p"] * TRUE_GAMMA_GAMMA["gamma"] / (TRUE_GAMMA_GAMMA["q"] - 1),
        "holdout_weeks": HOLDOUT_WEEKS,
        "true_mean_spend": {str(i + 1): round(float(s), 4)
                            for i, s in enumerate(spend["true_mean_spend"].to_numpy())},
    }
    return Generated(frame, truth)


register(DatasetSpec(
    name="value_customers",
    topic="06 customer value",
    title="Customer histories drawn from known BG/NBD and Gamma-Gamma models (the ground-truth check of CLV)",
    description=(
        "One row per customer: the summary a CLV model needs (frequency, recency, age T, mean spend of "
        "the repeat purchases) for a calibration period, and the purchases in the following 52 weeks. "
        "Purchases follow BG/NBD (r, alpha, a, b per week) and spends Gamma-Gamma (p, q, gamma, CNY) "
        "with the parameters in the truth file (买到死 buy-till-you-die; 客户生命周期价值 CLV)."
    ),
    truth_notes=("`bgnbd_params_per_week`, `gamma_gamma_params`: the true parameters; "
                 "`population_mean_spend`: p gamma / (q - 1); `true_mean_spend`: each customer's true "
                 "mean spend per purchase p / nu (by customer id); `holdout_weeks`: length of the holdout."),
    columns=(
        Column("customer_id", "int", "id", "Customer number"),
        Column("frequency", "int", "count", "Repeat purchases in the calibration period (x)"),
        Column("recency", "float", "weeks", "Time of the last repeat purchase after the first purchase (t_x); 0 when x = 0"),
        Column("T", "float", "26-104 weeks", "Time from the first purchase to the end of the calibration period"),
        Column("monetary_value", "float", "CNY", "Mean spend of the repeat purchases (m_x); 0 when x = 0"),
        Column("frequency_holdout", "int", "count", "Purchases in the 52 weeks after the calibration period"),
    ),
    generator=make_customers,
    default_seed=6,
    defaults={"n_customers": 2000},
))


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
