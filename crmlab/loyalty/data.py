"""Topic 3 data: three years of transactions and a loyalty survey, from known segments.

Every customer belongs to one of six latent loyalty types (the Jones &
Sasser 1995 types). Within a type, buying follows the BG/NBD process
(Fader, Hardie & Lee 2005) with the type's known parameters (per week):
purchase rate lambda ~ Gamma(r, alpha), drop-out probability after each
repeat purchase p ~ Beta(a, b). Spend, margin rate, channel and category
mix also differ by type. The loyalty survey (taken on the calibration end
date, 2024-12-31) is keyed to the same customer ids and adds prospects who
have never bought (non-users).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from crmlab.loyalty.bgnbd import draw_repeat_times
from crmlab.datasets._registry import Column, DatasetSpec, Generated, register

START = pd.Timestamp("2023-01-01")
END = pd.Timestamp("2025-12-31")
CALIBRATION_END = pd.Timestamp("2024-12-31")  # the survey date; 2025 is the holdout year
ACQUISITION_DAYS = 912  # customers are acquired during the first 2.5 years

SEGMENTS = ("apostle", "loyalist", "mercenary", "hostage", "defector", "terrorist")
SEGMENT_SHARE = {"apostle": 0.12, "loyalist": 0.22, "mercenary": 0.25,
                 "hostage": 0.12, "defector": 0.24, "terrorist": 0.05}
# BG/NBD parameters per segment, time unit = week.
BGNBD_PARAMS = {
    "apostle": {"r": 2.0, "alpha": 8.0, "a": 1.2, "b": 40.0},
    "loyalist": {"r": 1.5, "alpha": 10.0, "a": 1.5, "b": 30.0},
    "mercenary": {"r": 1.0, "alpha": 10.0, "a": 2.0, "b": 6.0},
    "hostage": {"r": 1.5, "alpha": 12.0, "a": 1.2, "b": 40.0},
    "defector": {"r": 0.8, "alpha": 10.0, "a": 3.0, "b": 4.0},
    "terrorist": {"r": 2.0, "alpha": 10.0, "a": 2.0, "b": 4.0},
}
MEAN_SPEND = {"apostle": 320.0, "loyalist": 260.0, "mercenary": 180.0,
              "hostage": 220.0, "defector": 150.0, "terrorist": 250.0}
MARGIN_RATE = {"apostle": 0.32, "loyalist": 0.28, "mercenary": 0.10,
               "hostage": 0.30, "defector": 0.18, "terrorist": 0.22}
CHANNELS = ("store", "online", "app")
CHANNEL_MIX = {"apostle": (0.5, 0.2, 0.3), "loyalist": (0.6, 0.2, 0.2), "mercenary": (0.2, 0.6, 0.2),
               "hostage": (0.8, 0.1, 0.1), "defector": (0.4, 0.4, 0.2), "terrorist": (0.4, 0.3, 0.3)}
CATEGORIES = ("grocery", "household", "personal_care", "apparel", "electronics")
CATEGORY_MIX = (0.40, 0.22, 0.18, 0.12, 0.08)
# How many categories a customer buys from (cross-buying), mean per segment.
BREADTH = {"apostle": 4.0, "loyalist": 3.0, "mercenary": 1.8, "hostage": 1.5, "defector": 1.5, "terrorist": 2.5}
# Survey answers: means per segment (satisfaction 1-5, recommend 0-10,
# intentions 1-5, price tolerance = % price rise accepted before switching).
# The satisfaction mean is the latent mean before rounding and clipping to 1-5
# (5.3 puts almost every apostle in the top box). Loyal types (apostle,
# loyalist) answer in the top box, mercenaries and defectors mostly 4 or 3:
# the Jones & Sasser (1995) pattern, loyalty rising sharply only at
# "completely satisfied", as the Xerox top-box effect in topic 1.
SURVEY_MEANS = {
    "apostle": (5.3, 9.5, 4.8, 4.5, 15.0),
    "loyalist": (5.0, 8.0, 4.3, 3.6, 10.0),
    "mercenary": (4.4, 7.2, 3.4, 2.8, 2.0),
    "hostage": (2.6, 4.5, 3.9, 2.5, 12.0),
    "defector": (3.8, 4.5, 2.0, 1.8, 3.0),
    "terrorist": (1.3, 1.0, 1.5, 1.3, 1.0),
}
# Reasons for churn (客户流失的原因, course notes *Customer relationship analysis*), asked of the respondents who had
# not bought for CHURN_INACTIVE_DAYS before the survey: the mix per segment.
CHURN_INACTIVE_DAYS = 180
CHURN_REASONS = ("quality", "no_innovation", "service", "staff_left", "competitor_offer", "short_term")
CHURN_REASON_MIX = {
    "apostle": (0.15, 0.20, 0.15, 0.30, 0.10, 0.10),
    "loyalist": (0.15, 0.20, 0.15, 0.25, 0.15, 0.10),
    "mercenary": (0.05, 0.10, 0.05, 0.05, 0.65, 0.10),
    "hostage": (0.25, 0.20, 0.25, 0.05, 0.15, 0.10),
    "defector": (0.35, 0.10, 0.30, 0.05, 0.10, 0.10),
    "terrorist": (0.30, 0.05, 0.50, 0.05, 0.05, 0.05),
}
PROSPECTS = {"prospect_open": 0.5, "prospect_closed": 0.5}  # non-users: may become customers / will not
PROSPECT_INTENT = {"prospect_open": 3.9, "prospect_closed": 1.5}
RESPONSE_RATE = 0.7


SAT_LINK = 0.5   # satisfaction points per standard deviation of a customer's own buying propensity
SAT_NOISE = 0.45  # sd of the rest of the satisfaction answer


def _propensity(lam, p):
    """A customer's own buying propensity: log purchase rate minus log drop-out odds, standardised."""
    z = np.log(lam) - np.log(p / (1 - p))
    return (z - z.mean()) / z.std()


LOYAL_TYPES = ("apostle", "loyalist", "hostage")  # the types whose buying lasts (small drop-out)


def _loyal_share(sat, seg_codes) -> dict:
    """Share of respondents of a lasting (loyal) type at each satisfaction level: the truth behind the trap chart."""
    loyal = np.isin(np.asarray(SEGMENTS)[seg_codes], LOYAL_TYPES)
    return {str(level): round(float(loyal[sat == level].mean()), 4) for level in range(1, 6) if (sat == level).any()}


def _clip_round(x, low, high):
    return np.clip(np.rint(x), low, high).astype(int)


@functools.lru_cache(maxsize=8)
def _simulate(seed: int, n_customers: int):
    rng = np.random.default_rng(seed)
    n = int(n_customers)
    seg = rng.choice(len(SEGMENTS), size=n, p=[SEGMENT_SHARE[s] for s in SEGMENTS])
    prm = {k: np.array([BGNBD_PARAMS[s][k] for s in SEGMENTS])[seg] for k in ("r", "alpha", "a", "b")}
    lam = rng.gamma(prm["r"], 1.0 / prm["alpha"])
    p = rng.beta(prm["a"], prm["b"])
    acq_day = rng.integers(0, ACQUISITION_DAYS, size=n)
    horizon_weeks = ((END - START).days + 1 - acq_day) / 7.0
    who, times = draw_repeat_times(lam, p, horizon_weeks, rng)
    day = acq_day[who] + np.floor(times * 7.0).astype(int)
    cust = np.concatenate([np.arange(n), who])
    day = np.concatenate([acq_day, day])
    order = np.lexsort((day, cust))
    cust, day = cust[order], day[order]
    m = len(cust)
    cs = seg[cust]
    # spend: a customer-level mean around the segment mean, a transaction-level gamma around it
    cust_mean = np.array([MEAN_SPEND[s] for s in SEGMENTS])[seg] * rng.gamma(6.0, 1 / 6.0, size=n)
    amount = np.round(cust_mean[cust] * rng.gamma(4.0, 1 / 4.0, size=m), 2)
    amount = np.maximum(amount, 5.0)
    rate = np.array([MARGIN_RATE[s] for s in SEGMENTS])[cs] + rng.normal(0, 0.06, size=m)
    margin = np.round(amount * np.clip(rate, -0.15, 0.6), 2)
    mix = np.array([CHANNEL_MIX[s] for s in SEGMENTS])[cs]
    channel = (rng.random(m)[:, None] > np.cumsum(mix, axis=1)).sum(axis=1)
    channel = np.minimum(channel, len(CHANNELS) - 1)
    # categories: each customer buys from a personal subset of the categories
    breadth = np.clip(rng.poisson(np.array([BREADTH[s] for s in SEGMENTS])[seg] - 1) + 1, 1, len(CATEGORIES))
    pref = rng.random((n, len(CATEGORIES))) ** (1.0 / np.asarray(CATEGORY_MIX))  # weighted order
    ranks = (-pref).argsort(axis=1).argsort(axis=1)
    allowed = ranks < breadth[:, None]
    w = allowed[cust] * np.asarray(CATEGORY_MIX)
    w = w / w.sum(axis=1, keepdims=True)
    category = (rng.random(m)[:, None] > np.cumsum(w, axis=1)).sum(axis=1)
    category = np.minimum(category, len(CATEGORIES) - 1)
    tx = pd.DataFrame({
        "customer_id": cust + 1,
        "date": START + pd.to_timedelta(day, unit="D"),
        "amount": amount,
        "margin": margin,
        "channel": np.asarray(CHANNELS)[channel],
        "category": np.asarray(CATEGORIES)[category],
    })
    tx = tx[tx["date"] <= END].reset_index(drop=True)

    # the survey: a random 70% of the customers acquired before the survey date, plus prospects
    acquired = START + pd.to_timedelta(acq_day, unit="D")
    eligible = np.flatnonzero((acquired <= CALIBRATION_END) & (rng.random(n) < RESPONSE_RATE))
    sm = np.array([SURVEY_MEANS[s] for s in SEGMENTS])[seg[eligible]]
    k = len(eligible)
    prop = _propensity(lam, p)
    sat = _clip_round(sm[:, 0] + SAT_LINK * prop[eligible] + rng.normal(0, SAT_NOISE, k), 1, 5)
    rec = _clip_round(sm[:, 1] + 0.6 * (sat - sm[:, 0]) + rng.normal(0, 1.2, k), 0, 10)
    rep = _clip_round(sm[:, 2] + rng.normal(0, 0.7, k), 1, 5)
    cross = _clip_round(sm[:, 3] + rng.normal(0, 0.8, k), 1, 5)
    rec_int = _clip_round(1 + 0.4 * rec + rng.normal(0, 0.5, k), 1, 5)
    tol = _clip_round(sm[:, 4] * rng.gamma(3.0, 1 / 3.0, k), 0, 30)
    n_pros = n // 10
    pros_names = list(PROSPECTS)
    pros = rng.choice(len(pros_names), size=n_pros, p=list(PROSPECTS.values()))
    pint = np.array([PROSPECT_INTENT[s] for s in pros_names])[pros]
    pros_rep = _clip_round(pint + rng.normal(0, 0.7, n_pros), 1, 5)
    pros_tol = _clip_round(rng.gamma(2.0, 2.0, n_pros), 0, 30)
    na = np.full(n_pros, np.nan)
    # churn reasons: respondents without a purchase in the CHURN_INACTIVE_DAYS before the survey
    cal_day = (CALIBRATION_END - START).days
    before = day <= cal_day
    last_day = np.full(n, -1)
    np.maximum.at(last_day, cust[before], day[before])
    lapsed = last_day[eligible] < cal_day - CHURN_INACTIVE_DAYS
    rmix = np.cumsum(np.array([CHURN_REASON_MIX[s] for s in SEGMENTS])[seg[eligible]], axis=1)
    reason_code = np.minimum((rng.random(k)[:, None] > rmix).sum(axis=1), len(CHURN_REASONS) - 1)
    reason = np.where(lapsed, np.asarray(CHURN_REASONS, dtype=object)[reason_code], None)
    survey = pd.DataFrame({
        "customer_id": np.concatenate([eligible + 1, n + 1 + np.arange(n_pros)]),
        "customer": np.concatenate([np.ones(k, bool), np.zeros(n_pros, bool)]),
        "satisfaction": np.concatenate([sat, na]),
        "recommend": np.concatenate([rec, na]),
        "repurchase_intent": np.concatenate([rep, pros_rep]),
        "cross_purchase_intent": np.concatenate([cross, na]),
        "recommend_intent": np.concatenate([rec_int, na]),
        "price_tolerance": np.concatenate([tol, pros_tol]),
        "churn_reason": pd.array(np.concatenate([reason, np.full(n_pros, None, dtype=object)]), dtype="str"),
    })
    segment_of = {str(i + 1): SEGMENTS[s] for i, s in enumerate(seg)}
    segment_of.update({str(n + 1 + i): pros_names[s] for i, s in enumerate(pros)})
    truth = {
        "segments": list(SEGMENTS),
        "segment_share": dict(SEGMENT_SHARE),
        "bgnbd_params_per_week": {s: dict(v) for s, v in BGNBD_PARAMS.items()},
        "mean_spend": dict(MEAN_SPEND),
        "margin_rate": dict(MARGIN_RATE),
        "survey_means": {s: dict(zip(("satisfaction", "recommend", "repurchase_intent",
                                      "cross_purchase_intent", "price_tolerance"), v))
                         for s, v in SURVEY_MEANS.items()},
        "prospect_intent": dict(PROSPECT_INTENT),
        "satisfaction_link": {"per_sd_of_propensity": SAT_LINK, "noise_sd": SAT_NOISE,
                              "propensity": "log(lambda) - log(p / (1 - p)), standardised over the customers"},
        "loyal_type_share_by_satisfaction": _loyal_share(sat, seg[eligible]),
        "churn_inactive_days": CHURN_INACTIVE_DAYS,
        "churn_reason_mix": {s: dict(zip(CHURN_REASONS, v)) for s, v in CHURN_REASON_MIX.items()},
        "start": str(START.date()), "end": str(END.date()),
        "calibration_end": str(CALIBRATION_END.date()), "time_unit": "week",
        "n_customers": n, "n_prospects": n_pros,
        "segment_of": segment_of,
    }
    return tx, survey, truth


def make_transactions(seed: int = 3, n_customers: int = 2000) -> Generated:
    """Three years of transactions of ``n_customers`` customers from six latent loyalty types.

    Each customer's first purchase falls in the first 2.5 years; repeat
    purchases follow the BG/NBD process with the type's parameters
    (``BGNBD_PARAMS``, per week) until the end of 2025.
    """
    tx, _, truth = _simulate(int(seed), int(n_customers))
    return Generated(tx.copy(), truth)


def make_survey(seed: int = 3, n_customers: int = 2000) -> Generated:
    """The loyalty survey of the same customers (70% respond) plus n_customers // 10 prospects."""
    _, survey, truth = _simulate(int(seed), int(n_customers))
    return Generated(survey.copy(), truth)


_TRUTH_NOTES = (
    "`segment_of`: the latent loyalty type of every customer id (apostle, loyalist, mercenary, "
    "hostage, defector, terrorist; prospects are prospect_open / prospect_closed); "
    "`bgnbd_params_per_week`: the BG/NBD parameters (r, alpha, a, b; time unit week) each type's "
    "purchases were drawn from; `segment_share`, `mean_spend`, `margin_rate`, `survey_means`: "
    "the other parameters of the generator; `calibration_end`: the survey date, after which 2025 "
    "is a holdout year."
)

register(DatasetSpec(
    name="loyalty_transactions",
    topic="03 loyalty",
    title="Three years of retail transactions (2023-2025) of customers from six latent loyalty types",
    description=(
        "One row per purchase (a customer may buy more than once on a day). The customers "
        "belong to latent loyalty types (apostle 热心追随者, loyalist 忠诚者, mercenary 唯利是图者, "
        "hostage 不自主者, defector 背叛者, terrorist 恐怖分子) whose buying follows the BG/NBD "
        "process with known parameters. Amounts and margins are in CNY."
    ),
    truth_notes=_TRUTH_NOTES,
    columns=(
        Column("customer_id", "int", "id", "Customer number (same ids as loyalty_survey)"),
        Column("date", "date", "2023-01-01 to 2025-12-31", "Purchase date"),
        Column("amount", "float", "CNY", "Sales amount of the purchase (销售额)"),
        Column("margin", "float", "CNY", "Gross profit of the purchase (毛利); may be negative on deep discounts"),
        Column("channel", "str", "store / online / app", "Where the purchase was made"),
        Column("category", "str", "grocery / household / personal_care / apparel / electronics",
               "Product category"),
    ),
    generator=make_transactions,
    default_seed=3,
    defaults={"n_customers": 2000},
))

register(DatasetSpec(
    name="loyalty_survey",
    topic="03 loyalty",
    title="Loyalty survey (2024-12-31) of the same customers, plus prospects who never bought",
    description=(
        "One row per respondent: a random 70% of the customers acquired by the survey date, "
        "and prospects (non-users, `customer` = 0) with new ids. Prospects answer only the "
        "purchase intention and the price question; customers who had not bought for 180 days "
        "give their main reason for buying less (`churn_reason`). Intentions use 1 = certainly not ... "
        "5 = certainly; likelihood to recommend is the 0-10 NPS question."
    ),
    truth_notes=_TRUTH_NOTES,
    columns=(
        Column("customer_id", "int", "id", "Customer number (same ids as loyalty_transactions)"),
        Column("customer", "bool", "0/1", "Has bought from us (1) or is a prospect / non-user (0)"),
        Column("satisfaction", "int", "1-5, empty for prospects", "Overall satisfaction: 1 = very dissatisfied ... 5 = very satisfied"),
        Column("recommend", "int", "0-10, empty for prospects", "Likelihood to recommend us to a friend (NPS question)"),
        Column("repurchase_intent", "int", "1-5", "Repurchase intention (重复购买意向); for prospects: intention to buy"),
        Column("cross_purchase_intent", "int", "1-5, empty for prospects",
               "Cross-purchase intention (交叉购买意向): buy other categories from us"),
        Column("recommend_intent", "int", "1-5, empty for prospects", "Recommendation intention (推荐购买意向)"),
        Column("price_tolerance", "int", "0-30 %", "Price rise (percent) the customer would accept before switching (价格容忍度)"),
        Column("churn_reason", "str", "quality / no_innovation / service / staff_left / competitor_offer / "
               "short_term; empty unless lapsed",
               "Main reason for buying less (客户流失的原因), asked only of customers with no purchase in the "
               "180 days before the survey: unstable quality, no new products, poor service, "
               "their contact left our staff, a competitor's offer, short-term actions that put them off"),
    ),
    generator=make_survey,
    default_seed=3,
    defaults={"n_customers": 2000},
))
