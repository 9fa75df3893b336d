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
    """One fictional company and the parameters that express its story."""

    key: str
    name: str  # English; the Chinese of name, industry and story is in the catalogue
    industry: str  # (keys case_<key>_name, case_<key>_industry, case_<key>_story)
    story: str
    complaint_mix: dict  # complaint category -> share (renormalised)
    servqual_shift: dict  # SERVQUAL dimension -> shift of perceptions (7-point scale)
    satisfaction_shift: dict  # satisfaction attribute -> shift of ratings (5-point scale)
    spend_factor: float = 1.0  # transaction amounts are multiplied by this
    cost_per_contact: dict = field(default_factory=dict)  # complaint channel -> cost (CNY)
    key_accounts: bool = False
    n_accounts: int = 60

    def text(self, field: str, lang: str = "en") -> str:
        """The case's ``name``, ``industry`` or ``story`` in ``lang`` (through the catalogue)."""
        from crmlab.labels import t

        return t(f"case_{self.key}_{field}", lang)

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
         {"staff": 0.08, "delivery": 0.10, "defect": 0.30, "billing": 0.12, "other": 0.40},
         {"empathy": 0.9, "assurance": 0.5, "responsiveness": -0.4, "tangibles": 0.1},
         {"service": 0.7, "taste": 0.4, "price": -0.3},
         spend_factor=0.6, cost_per_contact={**_COST, "store": 15.0}),
    Case("retail", "Volta Electronics Retail (fictional)", "electronics retail",
         "An electronics retail chain with a busy call centre; late and damaged deliveries dominate complaints.",
         {"delivery": 0.55, "installation": 0.12, "defect": 0.12, "billing": 0.08, "refund": 0.08,
          "wrong_item": 0.05},
         {"reliability": -0.6, "responsiveness": -0.5, "tangibles": 0.3},
         {"service": -0.4, "packaging": -0.3, "price": 0.4},
         spend_factor=2.5, cost_per_contact=_COST),
    Case("airline", "Skyline Air (fictional)", "airline",
         "An airline rebuilding its CRM after years of product focus; frequent flyers drive value, "
         "reliability (delays, baggage) is the main gap.",
         {"delivery": 0.35, "refund": 0.20, "staff": 0.15, "billing": 0.15, "other": 0.15},
         {"reliability": -0.8, "empathy": -0.2, "assurance": 0.3},
         {"service": -0.2, "price": -0.4, "quality": 0.2},
         spend_factor=4.0, cost_per_contact={**_COST, "phone": 22.0}),
    Case("hotel", "Jade Harbour Hotel (fictional)", "luxury hotel",
         "A luxury hotel whose staff know guests by name: the empathy gap is small, tangibles exceed expectations.",
         {"staff": 0.15, "billing": 0.25, "defect": 0.20, "refund": 0.15, "other": 0.25},
         {"empathy": 1.0, "tangibles": 0.8, "assurance": 0.6, "reliability": 0.4, "responsiveness": 0.3},
         {"service": 0.8, "quality": 0.5, "price": -0.5},
         spend_factor=5.0, cost_per_contact={**_COST, "store": 35.0}),
    Case("b2b", "Keystone Components (fictional)", "B2B components maker",
         "A components maker selling to a few dozen key accounts; defects and delivery dates drive complaints.",
         {"defect": 0.40, "delivery": 0.30, "billing": 0.15, "wrong_item": 0.10, "other": 0.05},
         {"reliability": -0.5, "empathy": -0.3, "assurance": 0.2},
         {"quality": 0.3, "function": 0.3, "service": -0.3},
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


def _complaints(case: Case, seed: int, n: int) -> pd.DataFrame:
    from crmlab.complaints import data as dc

    base = dc.make_complaint_log(seed=_seed(case, seed, "complaints"), n=3 * n).frame
    want = {k: v for k, v in case.complaint_mix.items()}
    total = sum(want.values())
    share = base["category"].value_counts(normalize=True)
    w = base["category"].map(lambda c: want.get(c, 0.0) / total / share[c]).to_numpy(dtype=float)
    rng = np.random.default_rng(_seed(case, seed, "complaint-mix"))
    pick = rng.choice(len(base), size=n, replace=False, p=w / w.sum())
    out = base.iloc[np.sort(pick)].sort_values("opened", kind="stable").reset_index(drop=True)
    out["complaint_id"] = np.arange(1, len(out) + 1)
    return out


def _servqual(case: Case, seed: int, n: int) -> pd.DataFrame:
    from crmlab.servqual import data as dq

    df = dq.make_survey(seed=_seed(case, seed, "servqual"), n=n).frame
    for dim, shift in case.servqual_shift.items():
        for item in dq.DIMENSION_ITEMS[dim]:
            col = f"P{item}"
            df[col] = (df[col] + shift).round().clip(1, 7).where(df[col].notna())
    return df


def _satisfaction(case: Case, seed: int, n: int) -> pd.DataFrame:
    from crmlab.satisfaction import data as ds

    df = ds.make_survey(seed=_seed(case, seed, "satisfaction"), n=n).frame
    rng = np.random.default_rng(_seed(case, seed, "satisfaction-shift"))
    for attr, shift in case.satisfaction_shift.items():
        # shift by the integer part and by one more point with the fractional probability
        step = np.floor(shift) + (rng.random(len(df)) < shift - np.floor(shift))
        df[attr] = (df[attr] + step).clip(1, 5).astype(df[attr].dtype)
    return df


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
