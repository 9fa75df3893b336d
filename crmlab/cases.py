"""Case presets: fictional companies modelled on the readings' cases.

Every preset is a *fictional* company (name, numbers and all): the tables are
synthetic, drawn with the topic generators (``crmlab.<topic>.data``) and
then shifted so they tell the case's story (the retailer's delivery complaints
dominate, the hotel's empathy gap is small, ...). They are never a real
firm's figures.

    >>> tables = generate("hotel", seed=3, n_customers=400)
    >>> sorted(tables)  # doctest: +NORMALIZE_WHITESPACE
    ['complaints', 'customers', 'queue', 'satisfaction', 'servqual', 'survey', 'transactions']
"""

from __future__ import annotations

import difflib
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmlab.errors import CRMDataError


@dataclass(frozen=True)
class Case:
    """One fictional company and the parameters that express its story.

    The story is not decoration: ``weak_spot`` (a SERVQUAL dimension, the
    satisfaction attribute and the complaint category where it shows) and
    ``strength`` are what the generated data really show for every seed
    (``tests/test_cases.py`` checks them), and the report's conclusions are
    written from whether the numbers agree with them.
    """

    key: str
    name: str  # English; the Chinese of name, industry, story and narrative is in the catalogue
    industry: str  # (keys case_<key>_name, case_<key>_industry, case_<key>_story, case_<key>_narrative)
    story: str
    narrative: str  # the case as a student reads it: a few sentences modelled on the readings' case
    complaint_mix: dict  # complaint category -> share (renormalised); realised exactly (largest remainder)
    servqual_shift: dict  # SERVQUAL dimension -> shift of perceptions (7-point scale, stochastic rounding)
    attributes: dict  # satisfaction attribute -> (mean rating 1-5, true weight, mean stated importance 1-5)
    weak_spot: dict  # {"dimension": SERVQUAL dimension, "attribute": ..., "category": complaint category}
    strength: str  # the SERVQUAL dimension the firm is known for (the smallest gap)
    links: dict = field(default_factory=dict)  # attribute or complaint category -> SERVQUAL dimension
    spend_factor: float = 1.0  # transaction amounts are multiplied by this
    cost_per_contact: dict = field(default_factory=dict)  # complaint channel -> cost (CNY)
    key_accounts: bool = False
    n_accounts: int = 60

    def text(self, field: str, lang: str = "en") -> str:
        """The case's ``name``, ``industry``, ``story`` or ``narrative`` in ``lang`` (through the catalogue)."""
        from crmlab.labels import t

        return t(f"case_{self.key}_{field}", lang)

    @property
    def attribute_names(self) -> list[str]:
        """The case's satisfaction attributes, in survey order."""
        return list(self.attributes)

    def dimension_of(self, name: str) -> str | None:
        """The SERVQUAL dimension an attribute or complaint category belongs to (None if the case does not link it)."""
        return self.links.get(name)

    @property
    def name_zh(self) -> str:
        return self.text("name", "zh")

    @property
    def industry_zh(self) -> str:
        return self.text("industry", "zh")

    @property
    def story_zh(self) -> str:
        return self.text("story", "zh")


_COST = {"phone": 18.0, "web": 6.0, "email": 9.0, "store": 25.0, "social": 7.0}

CASES: dict[str, Case] = {c.key: c for c in (
    Case("hotpot", "Ember Pot Hot-Pot (fictional)", "restaurant chain",
         "A hot-pot chain famous for attentive, personal service; waiting time at peak hours is its weak spot.",
         "Ember Pot grew from one restaurant to a national chain on service that guests talk about: staff "
         "refill broth unasked, remember regulars and entertain the queue with snacks and games. The price of "
         "that fame is the queue itself. At dinner peaks guests wait for a table, then wait again for staff "
         "who are busy with the guests already seated. Management wants to know whether the waits cost more "
         "loyalty than the warmth wins, and what to fix first.",
         {"waiting": 0.36, "food": 0.20, "staff": 0.10, "billing": 0.10, "hygiene": 0.10, "other": 0.14},
         {"empathy": 1.4, "assurance": 0.5, "reliability": 0.6, "responsiveness": -0.6, "tangibles": 0.1},
         {"taste": (3.95, 0.22, 4.3), "food_freshness": (3.9, 0.15, 4.4), "waiting_time": (2.7, 0.25, 3.6),
          "service": (4.3, 0.18, 4.0), "ambience": (3.8, 0.08, 3.2), "price": (3.2, 0.12, 4.5)},
         {"dimension": "responsiveness", "attribute": "waiting_time", "category": "waiting"}, "empathy",
         links={"waiting_time": "responsiveness", "waiting": "responsiveness", "service": "empathy",
                "staff": "empathy", "food": "reliability", "taste": "reliability", "food_freshness": "reliability",
                "billing": "reliability", "hygiene": "tangibles", "ambience": "tangibles"},
         spend_factor=0.6, cost_per_contact={**_COST, "store": 15.0}),
    Case("retail", "Volta Electronics Retail (fictional)", "electronics retail",
         "An electronics retail chain with a busy call centre; late and damaged deliveries dominate complaints.",
         "Volta sells appliances and electronics in its stores and online, delivers and installs them with "
         "contracted crews, and runs one call centre for orders, delivery questions and complaints. Sales grew "
         "faster than the delivery network: parcels arrive late or damaged, installers miss their slot, and the "
         "customers who call about it wait in the same queue as everyone else. The board asks where the "
         "promise breaks and what the call centre should change.",
         {"delivery": 0.45, "installation": 0.15, "defect": 0.12, "call_centre": 0.12, "refund": 0.09,
          "billing": 0.07},
         {"reliability": -0.7, "responsiveness": -0.2, "tangibles": 0.3, "empathy": 0.2},
         {"product_range": (3.9, 0.15, 3.8), "price": (3.6, 0.15, 4.6), "delivery": (2.8, 0.28, 4.0),
          "installation": (3.3, 0.12, 3.4), "call_centre": (3.1, 0.18, 3.5), "store_staff": (3.8, 0.12, 3.6)},
         {"dimension": "reliability", "attribute": "delivery", "category": "delivery"}, "tangibles",
         links={"delivery": "reliability", "installation": "reliability", "defect": "reliability",
                "call_centre": "responsiveness", "refund": "responsiveness", "billing": "reliability",
                "store_staff": "empathy", "product_range": "tangibles"},
         spend_factor=2.5, cost_per_contact=_COST),
    Case("airline", "Skyline Air (fictional)", "airline",
         "An airline rebuilding its CRM after years of product focus; frequent flyers drive value, "
         "reliability (delays, baggage) is the main gap.",
         "Skyline Air spent a decade on new aircraft and routes and measured success in seats sold. A new "
         "management team now wants to know its passengers: who flies often, what they are worth, and why "
         "some stop flying with it. Crews are praised; delays and lost baggage are not, and frequent flyers "
         "meet both most often. The first question is whether punctuality or service deserves the next "
         "investment.",
         {"delay": 0.32, "baggage": 0.22, "refund": 0.16, "staff": 0.10, "booking": 0.12, "other": 0.08},
         {"reliability": -0.9, "empathy": 0.3, "assurance": 0.4},
         {"punctuality": (2.7, 0.28, 4.5), "baggage": (3.2, 0.15, 3.9), "seat_comfort": (3.5, 0.15, 4.0),
          "cabin_crew": (4.0, 0.17, 3.7), "booking": (3.8, 0.10, 3.4), "price": (3.1, 0.15, 4.6)},
         {"dimension": "reliability", "attribute": "punctuality", "category": "delay"}, "tangibles",
         links={"punctuality": "reliability", "delay": "reliability", "baggage": "reliability",
                "refund": "responsiveness", "staff": "empathy", "cabin_crew": "empathy", "booking": "responsiveness",
                "seat_comfort": "tangibles"},
         spend_factor=4.0, cost_per_contact={**_COST, "phone": 22.0}),
    Case("hotel", "Jade Harbour Hotel (fictional)", "luxury hotel",
         "A luxury hotel whose staff know guests by name: the empathy gap is small, tangibles exceed expectations; "
         "check-in waits and billing slips are where guests are let down.",
         "Jade Harbour is a riverside hotel with a century of reputation. Its staff greet returning guests by "
         "name and remember how they take their tea; rooms and public spaces are renovated every few years. "
         "What guests complain about happens at the desk: slow check-in when tour groups arrive, and bills "
         "with charges they did not expect. The general manager asks whether those slips endanger the loyalty "
         "that the personal service has built.",
         {"check_in": 0.26, "billing": 0.20, "room": 0.16, "food": 0.14, "staff": 0.10, "other": 0.14},
         {"empathy": 1.3, "tangibles": 0.8, "assurance": 0.8, "reliability": 0.7, "responsiveness": -0.1},
         {"room": (4.3, 0.18, 4.2), "staff": (4.5, 0.20, 4.4), "check_in": (3.0, 0.22, 3.6),
          "food": (3.9, 0.12, 3.5), "billing_accuracy": (3.3, 0.13, 3.3), "price": (3.3, 0.15, 4.1)},
         {"dimension": "responsiveness", "attribute": "check_in", "category": "check_in"}, "tangibles",
         links={"check_in": "responsiveness", "billing": "reliability", "billing_accuracy": "reliability",
                "room": "tangibles", "food": "reliability", "staff": "empathy"},
         spend_factor=5.0, cost_per_contact={**_COST, "store": 35.0}),
    Case("b2b", "Keystone Components (fictional)", "B2B components maker",
         "A components maker selling to a few dozen key accounts; defects and delivery dates drive complaints.",
         "Keystone makes precision components for a few dozen industrial customers, some of whom buy more "
         "than the rest together. Each account has a manager, and engineers visit when something fails. "
         "Buyers value the engineering help, but a defect or a missed delivery date stops their own line, "
         "and those are what they complain about. The sales director must decide which accounts to develop, "
         "which to defend and where quality money goes first.",
         {"defect": 0.36, "delivery": 0.30, "billing": 0.14, "wrong_item": 0.12, "other": 0.08},
         {"reliability": -0.6, "empathy": 0.2, "assurance": 0.3},
         {"product_quality": (3.4, 0.26, 4.6), "delivery_reliability": (2.9, 0.24, 4.4),
          "technical_support": (3.6, 0.15, 3.8), "price": (3.3, 0.15, 4.7), "ordering": (3.9, 0.08, 3.3),
          "account_management": (3.8, 0.12, 3.6)},
         {"dimension": "reliability", "attribute": "delivery_reliability", "category": "defect"}, "tangibles",
         links={"defect": "reliability", "delivery": "reliability", "product_quality": "reliability",
                "delivery_reliability": "reliability", "billing": "reliability", "wrong_item": "reliability",
                "technical_support": "assurance", "account_management": "empathy", "ordering": "responsiveness"},
         spend_factor=20.0, cost_per_contact={**_COST, "phone": 40.0, "email": 20.0}, key_accounts=True),
)}

TABLES = ("customers", "transactions", "survey", "satisfaction", "complaints", "queue", "servqual")


def get(case: str | Case) -> Case:
    """The preset for a key; an unknown key raises CRMDataError listing the known ones."""
    if isinstance(case, Case):
        return case
    if not isinstance(case, str):
        raise CRMDataError(f"case: must be a case name (text), got {type(case).__name__} {case!r}. "
                           f"Fix: pass one of {', '.join(map(repr, CASES))}.")
    key = case.strip().lower()
    if key not in CASES:
        close = difflib.get_close_matches(key, list(CASES), n=2, cutoff=0.5)
        hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise CRMDataError(f"case: unknown case {case!r}.{hint} Fix: choose one of {', '.join(CASES)} "
                           "(crmlab.cases.CASES lists them).")
    return CASES[key]


def name(case: str | Case, lang: str = "en") -> str:
    """The fictional company's name in ``lang`` ("en" or "zh")."""
    from crmlab.labels import check_lang

    c = get(case)
    check_lang(lang)
    return c.text("name", lang)


def _seed(case: Case, seed: int, topic: str) -> int:
    return int((int(seed) * 1_000_003 + zlib.crc32(f"{case.key}/{topic}".encode())) % 2**31)


def _check(seed, n_customers) -> tuple[int, int]:
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise CRMDataError(f"seed: must be a non-negative integer, got {type(seed).__name__} {seed!r}. "
                           "Fix: pass a whole number >= 0, e.g. seed=42.")
    if isinstance(n_customers, (bool, np.bool_)) or not isinstance(n_customers, (int, np.integer)) \
            or not 100 <= n_customers <= 200_000:
        raise CRMDataError(f"n_customers: must be an integer between 100 and 200000, got "
                           f"{type(n_customers).__name__} {n_customers!r}. Fix: pass e.g. n_customers=2000.")
    return int(seed), int(n_customers)


def _stochastic_round(x: np.ndarray, rng) -> np.ndarray:
    """Round to an integer up or down with the fractional part as the probability (keeps the mean shift)."""
    low = np.floor(x)
    return low + (rng.random(x.shape) < x - low)


def _counts(shares: dict, n: int) -> dict:
    """Largest-remainder allocation of ``n`` rows to categories in proportion to ``shares`` (sums to ``n``)."""
    keys = list(shares)
    w = np.array([shares[k] for k in keys], dtype=float)
    exact = n * w / w.sum()
    base = np.floor(exact).astype(int)
    order = np.lexsort((np.arange(len(keys)), -(exact - base)))  # largest remainder, ties by listed order
    base[order[: n - base.sum()]] += 1
    return dict(zip(keys, base.tolist()))


def _complaints(case: Case, seed: int, n: int) -> pd.DataFrame:
    """The complaint log, with the case's category mix realised exactly (to the nearest row).

    The topic generator draws the log (channels, times, outcomes); each
    complaint is then given one of the case's categories so that the counts
    are the largest-remainder allocation of ``complaint_mix``. (Sampling rows
    of the topic's own categories cannot reach a mix in which a category the
    topic rarely draws is common.)
    """
    from crmlab.complaints import data as dc

    out = dc.make_complaint_log(seed=_seed(case, seed, "complaints"), n=n).frame
    counts = _counts(case.complaint_mix, len(out))
    cats = np.repeat(np.array(list(counts), dtype=object), list(counts.values()))
    rng = np.random.default_rng(_seed(case, seed, "complaint-mix"))
    out["category"] = pd.Series(rng.permutation(cats), index=out.index, dtype="str")
    out = out.sort_values(["opened", "complaint_id"], kind="stable").reset_index(drop=True)
    out["complaint_id"] = np.arange(1, len(out) + 1)
    return out


def _servqual(case: Case, seed: int, n: int) -> pd.DataFrame:
    from crmlab.servqual import data as dq

    df = dq.make_survey(seed=_seed(case, seed, "servqual"), n=n).frame
    rng = np.random.default_rng(_seed(case, seed, "servqual-shift"))
    for dim, shift in case.servqual_shift.items():
        for item in dq.DIMENSION_ITEMS[dim]:
            col = f"P{item}"
            moved = np.clip(_stochastic_round(df[col].to_numpy(dtype=float) + shift, rng), 1, 7)
            df[col] = pd.Series(moved, index=df.index).where(df[col].notna())
    return df


def _satisfaction(case: Case, seed: int, n: int) -> pd.DataFrame:
    """The case's satisfaction survey: its own attributes, drawn from the satisfaction topic's model.

    Same structure as :func:`crmlab.satisfaction.data.make_survey` (segments,
    a personal halo, overall = weighted attributes + halo + noise, stated
    importance, intention and repurchase by overall satisfaction), with the
    case's attributes, means, true weights and stated importance.
    """
    from crmlab.satisfaction import data as ds

    rng = np.random.default_rng(_seed(case, seed, "satisfaction"))
    segment = rng.choice(list(ds.SEGMENTS), size=n, p=list(ds.SEGMENTS.values()))
    shift = pd.Series(segment).map(ds.SEGMENT_SHIFT).to_numpy(dtype=float)
    halo = rng.normal(0.0, 0.45, size=n)
    names = case.attribute_names
    means = np.array([case.attributes[a][0] for a in names])
    weights = np.array([case.attributes[a][1] for a in names])
    stated = np.array([case.attributes[a][2] for a in names])
    ratings = np.clip(np.rint(means + (shift + halo)[:, None] + rng.normal(0.0, 0.85, size=(n, len(names)))), 1, 5)
    overall = np.clip(np.rint(ratings @ (weights / weights.sum()) + 0.30 + 0.3 * halo
                              + rng.normal(0.0, 0.35, size=n)), 1, 5).astype(int)
    importance = np.clip(np.rint(stated + rng.normal(0.0, 0.7, size=(n, len(names)))), 1, 5).astype(int)
    intent = np.clip(np.rint(overall + rng.normal(0.0, 0.8, size=n)), 1, 5).astype(int)
    repurchased = rng.random(n) < pd.Series(overall).map(ds.REPURCHASE_PROB).to_numpy(dtype=float)
    return pd.DataFrame({"respondent_id": np.arange(1, n + 1), "segment": segment,
                         **{a: ratings[:, j].astype(int) for j, a in enumerate(names)},
                         **{f"imp_{a}": importance[:, j] for j, a in enumerate(names)},
                         "overall": overall, "repurchase_intent": intent, "repurchased": repurchased})


def generate(case: str | Case, seed: int = 42, n_customers: int = 2000) -> dict[str, pd.DataFrame]:
    """One coherent, seeded set of tables for a case.

    Tables: ``customers`` (one row a customer: purchases, spend, margin, first
    and last purchase), ``transactions`` and ``survey`` (loyalty formats),
    ``satisfaction`` (satisfaction survey format), ``complaints`` and ``queue``
    (complaint log and call-centre queue), ``servqual`` (22-item survey); the
    B2B case adds ``accounts`` and ``expert_scores`` (Burnett formats).
    """
    c = get(case)
    seed, n = _check(seed, n_customers)
    from crmlab.complaints import data as dc
    from crmlab.loyalty import data as dl

    tx = dl.make_transactions(seed=_seed(c, seed, "loyalty"), n_customers=n).frame
    tx["amount"] = (tx["amount"] * c.spend_factor).round(2)
    tx["margin"] = (tx["margin"] * c.spend_factor).round(2)
    survey = dl.make_survey(seed=_seed(c, seed, "loyalty"), n_customers=n).frame
    g = tx.groupby("customer_id")
    customers = pd.DataFrame({"purchases": g.size(), "spend": g["amount"].sum().round(2),
                              "margin": g["margin"].sum().round(2), "first_purchase": g["date"].min(),
                              "last_purchase": g["date"].max()}).reset_index()
    n_small = max(60, n // 4)
    tables = {
        "customers": customers,
        "transactions": tx,
        "survey": survey,
        "satisfaction": _satisfaction(c, seed, max(100, n // 2)),
        "complaints": _complaints(c, seed, n_small),
        "queue": dc.make_contact_queue(seed=_seed(c, seed, "queue"), n=max(200, n)).frame,
        "servqual": _servqual(c, seed, max(100, n // 2)),
    }
    if c.key_accounts:
        from crmlab.burnett import data as db

        kw = dict(seed=_seed(c, seed, "burnett"), n_accounts=c.n_accounts)
        tables["accounts"] = db.make_accounts(**kw).frame
        tables["expert_scores"] = db.make_expert_scores(**kw).frame
    return tables
