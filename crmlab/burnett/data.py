"""Topic 4 data: a key-account portfolio for the Burnett matrix (Burnett 矩阵).

Two tables drawn together from one seeded model, so they always match:

- ``burnett_accounts``: one row per business account: our annual sales to
  it, our wallet share (钱夹份额) now and three years ago, contact frequency
  and breadth, years of relationship, and the account's ratings of our
  price competitiveness, service quality and technical strength;
- ``burnett_expert_scores``: the long table account x expert x indicator
  of the attractiveness indicators (客户吸引力指标), scored 1-5 by a panel of
  experts who disagree a little (each has a leniency bias and noise, and on
  a few "controversial" accounts they disagree a lot), with a few scores
  missing.

The model (the truth):

- each account has a latent attractiveness ``a`` and relationship ``r``
  (both ``1 + 4 * Beta(2, 2)``, correlation about 0.2);
- each attractiveness indicator has a true score ``clip(a + group effect +
  indicator effect, 1, 5)``; the true attractiveness index is their
  weighted sum with the catalogue's default weights; an expert's score is
  ``round(true score + leniency bias (SD 0.4 * noise) + N(0, noise))``
  clipped to 1-5 (noise 2.5 times larger on a few controversial accounts);
- each relationship indicator has a true score ``clip(r + effect, 1, 5)``
  (the three ratings: ``clip(3 + (r - 3) / 2 + view + effect, 1, 5)`` with
  a personal ``view`` of us, so some accounts that buy little from us still
  rate us well: the convertible customers), and the raw quantity (wallet share, trend, contacts, years, ratings) is
  drawn inside the band that this score falls in, so scoring the raw value
  with the catalogue's bands gives back the rounded true score; the three
  ratings and the contact breadth add noise (SD ``noise / 2`` and
  ``2 * noise / 3``); the true relationship index is the weighted sum of the
  rounded true scores (the scores that error-free data would give);
- the true cell uses the default cut points (2.5, 3.5) on both indices, and
  the true strategy comes from the default strategy grid;
- our gross margin on the account is ``0.15 + 0.04 (profit potential - 3)
  + 0.02 (margin effect - 3) + N(0, 0.03)`` (true scores, clipped to
  0.03-0.45) and its retention (the chance it buys again next year) is
  ``0.55 + 0.09 (r - 1) + N(0, 0.05)`` (clipped to 0.40-0.97), the inputs of
  a simple customer lifetime value (notebook 06). Both are drawn after
  everything else, so the other columns do not depend on them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.burnett.core import (
    ATTRACTIVENESS_CATALOGUE,
    ATTRACTIVENESS_INDICATORS,
    ATTRACTIVENESS_WEIGHTS,
    DEFAULT_CUTS,
    GROUPS,
    RELATIONSHIP_BANDS,
    RELATIONSHIP_INDICATORS,
    RELATIONSHIP_WEIGHTS,
    _DEFAULT_GRID,
)
from crmlab.datasets._registry import Column, DatasetSpec, Generated, register


INDUSTRIES = ("electronics", "machinery", "automotive", "chemicals", "medical")

def _level(x: np.ndarray, names: tuple[str, str, str], cuts=DEFAULT_CUTS) -> np.ndarray:
    return np.asarray(names, dtype=object)[np.searchsorted(np.asarray(cuts), np.round(x, 9), side="right")]


def _from_score(s: np.ndarray, edges) -> np.ndarray:
    """A raw value inside the band whose rounded score is round(s) (inverse of the banding)."""
    e = np.asarray(edges, dtype=float)
    pos = np.clip(s, 1.0, 5.0) - 0.5  # 0.5 .. 4.5
    band = np.clip(np.floor(pos).astype(int), 0, 4)
    frac = np.clip(pos - band, 0.02, 0.98)
    return e[band] + frac * (e[band + 1] - e[band])


def _reading(share, perception, loyal=0.5, competitive=0.2, convertible=3.0):
    return np.where(share >= loyal, "loyal", np.where(
        share >= competitive, "competitive", np.where(perception >= convertible, "convertible",
                                                      "competitors_loyal")))


def _draw(seed: int, n_accounts: int, n_experts: int, noise: float, missing_rate: float):
    rng = np.random.default_rng(seed)
    n, k = int(n_accounts), len(ATTRACTIVENESS_INDICATORS)
    ids = np.array([f"K{i:03d}" if n < 1000 else f"K{i:06d}" for i in range(1, n + 1)], dtype=object)
    industry = rng.choice(INDUSTRIES, size=n)
    # latent attractiveness and relationship, mildly correlated
    z = rng.beta(2.0, 2.0, size=(n, 2))
    a = 1 + 4 * z[:, 0]
    r = 1 + 4 * (0.8 * z[:, 1] + 0.2 * z[:, 0])
    # --- attractiveness indicators: true scores
    group_idx = np.array([GROUPS.index(row[0]) for row in ATTRACTIVENESS_CATALOGUE])
    group_eff = rng.normal(0, 0.30, size=(n, len(GROUPS)))[:, group_idx]
    true_scores = np.clip(a[:, None] + group_eff + rng.normal(0, 0.30, size=(n, k)), 1, 5)
    w = np.array([ATTRACTIVENESS_WEIGHTS[i] for i in ATTRACTIVENESS_INDICATORS])
    true_attr = true_scores @ w
    # --- expert scores: leniency bias + noise; a few controversial accounts
    bias = rng.normal(0, 0.4 * noise, size=n_experts)
    controversial = rng.random(n) < 0.06
    sd = np.where(controversial, max(noise, 0.05) * 2.5, noise)
    raw = true_scores[:, None, :] + bias[None, :, None] + rng.normal(0, 1, size=(n, n_experts, k)) * sd[:, None, None]
    scores = np.clip(np.rint(raw), 1, 5)
    # at most one expert misses a given (account, indicator)
    miss = rng.random((n, k)) < missing_rate
    who = rng.integers(0, n_experts, size=(n, k))
    mask = np.zeros((n, n_experts, k), dtype=bool)
    ii, jj = np.nonzero(miss)
    if n_experts > 1:
        mask[ii, who[ii, jj], jj] = True
    scores = np.where(mask, np.nan, scores)
    experts = np.array([f"E{e + 1}" for e in range(n_experts)], dtype=object)
    long = pd.DataFrame({
        "account_id": np.repeat(ids, n_experts * k),
        "expert": np.tile(np.repeat(experts, k), n),
        "indicator": np.tile(np.array(ATTRACTIVENESS_INDICATORS, dtype=object), n * n_experts),
        "score": scores.reshape(-1),
    })
    # --- relationship: true scores, then raw quantities inside the matching bands
    # the account's view of us (price, service, technology) shares a personal component, so
    # some accounts that buy little from us still think well of us (convertible customers)
    view = rng.normal(0, 0.7, size=n)
    perceived = {"price", "service", "technology"}
    rel = {name: np.clip((3 + 0.5 * (r - 3) + view if name in perceived else r) + rng.normal(0, 0.35, size=n), 1, 5)
           for name in RELATIONSHIP_INDICATORS}
    share = np.round(_from_score(rel["wallet_share"], RELATIONSHIP_BANDS["wallet_share"]), 3)
    trend = _from_score(rel["share_trend"], RELATIONSHIP_BANDS["share_trend"])
    share_3y = np.round(np.clip(share - trend, 0.0, 1.0), 3)
    contact = _from_score(rel["contact"], RELATIONSHIP_BANDS["contact_per_month"])
    contact = np.round(contact, 1)
    breadth = np.clip(np.rint(rel["contact"] + rng.normal(0, 2 * noise / 3, size=n)), 1, 6).astype(int)
    years = np.round(_from_score(rel["years"], RELATIONSHIP_BANDS["relationship_years"]), 1)
    ratings = {name: np.clip(np.rint(rel[name] + rng.normal(0, noise / 2, size=n)), 1, 5).astype(int)
               for name in ("price", "service", "technology")}
    rw = np.array(list(RELATIONSHIP_WEIGHTS.values()))
    # the true relationship index: the weighted noiseless 1-5 scores (what the bands and an
    # error-free rating would give)
    true_rel = np.column_stack([np.rint(rel[name]) for name in RELATIONSHIP_INDICATORS]) @ rw
    # revenue (our annual sales to the account, 10k CNY) grows with volume and share
    revenue = np.round(np.exp(3.8 + 0.8 * (true_scores[:, 0] - 3) + 1.5 * share + rng.normal(0, 0.6, size=n)), 1)
    # drawn last, so every column above stays as it was before these two were added:
    # our gross margin on the account grows with its true profit potential and margin effect;
    # the chance it buys again next year grows with the latent relationship
    k_pp = ATTRACTIVENESS_INDICATORS.index("profit_potential")
    k_me = ATTRACTIVENESS_INDICATORS.index("margin_effect")
    margin = np.round(np.clip(0.15 + 0.04 * (true_scores[:, k_pp] - 3) + 0.02 * (true_scores[:, k_me] - 3)
                              + rng.normal(0, 0.03, size=n), 0.03, 0.45), 3)
    retention = np.round(np.clip(0.55 + 0.09 * (r - 1) + rng.normal(0, 0.05, size=n), 0.40, 0.97), 2)
    accounts = pd.DataFrame({
        "account_id": ids, "industry": industry, "revenue": revenue,
        "wallet_share": share, "wallet_share_3y": share_3y,
        "contact_per_month": contact, "contact_breadth": breadth, "relationship_years": years,
        "price_rating": ratings["price"], "service_rating": ratings["service"],
        "tech_rating": ratings["technology"], "gross_margin": margin, "retention": retention,
    })
    a_level = _level(true_attr, ("low", "medium", "high"))
    r_level = _level(true_rel, ("poor", "average", "good"))
    strategy = np.array([_DEFAULT_GRID[(rl, al)] for rl, al in zip(r_level, a_level)], dtype=object)
    perception = (rel["price"] + rel["service"] + rel["technology"]) / 3
    true_share = _from_score(rel["wallet_share"], RELATIONSHIP_BANDS["wallet_share"])
    truth = {
        "attractiveness_weights": dict(ATTRACTIVENESS_WEIGHTS),
        "relationship_weights": dict(RELATIONSHIP_WEIGHTS),
        "cuts": list(DEFAULT_CUTS),
        "expert_bias": dict(zip(experts.tolist(), bias)),
        "expert_noise_sd": noise,
        "missing_rate": missing_rate,
        "account_id": ids.tolist(),
        "attractiveness": true_attr,
        "relationship": true_rel,
        "attractiveness_level": a_level.tolist(),
        "relationship_level": r_level.tolist(),
        "cell": [f"{al}/{rl}" for al, rl in zip(a_level, r_level)],
        "strategy": strategy.tolist(),
        "reading": _reading(true_share, perception).tolist(),
        "controversial": ids[controversial].tolist(),
    }
    return accounts, long, truth


def make_accounts(seed: int = 4, n_accounts: int = 150, n_experts: int = 4, noise: float = 0.6,
                  missing_rate: float = 0.03) -> Generated:
    """The accounts table of a key-account portfolio (see the module docstring for the model)."""
    accounts, _, truth = _draw(seed, n_accounts, n_experts, noise, missing_rate)
    return Generated(accounts, truth)


def make_expert_scores(seed: int = 4, n_accounts: int = 150, n_experts: int = 4, noise: float = 0.6,
                       missing_rate: float = 0.03) -> Generated:
    """The expert panel's attractiveness scores of the same accounts (long table)."""
    _, long, truth = _draw(seed, n_accounts, n_experts, noise, missing_rate)
    return Generated(long, truth)


_DEFAULTS = {"n_accounts": 150, "n_experts": 4, "noise": 0.6, "missing_rate": 0.03}
_TRUTH_NOTES = (
    "per account (in `account_id` order): `attractiveness` and `relationship` (the true indices, "
    "1-5, from the noiseless indicator scores and the default weights), their levels, the true "
    "`cell` (attractiveness/relationship) and `strategy` under the default cut points 2.5 and 3.5 "
    "and the default grid, the `reading` (loyal / competitive / convertible / competitors_loyal); "
    "also each expert's leniency `expert_bias`, the noise SD and the `controversial` accounts "
    "(experts' noise 2.5 times larger). Both tables share this truth."
)

register(DatasetSpec(
    name="burnett_accounts",
    topic="04 burnett",
    title="Key-account portfolio of a B2B components maker: sales, wallet share, contact, relationship age and the account's view of us",
    description=(
        "One row per business account (客户). The relationship indicators of the Burnett matrix "
        "(客户关系状况) come from these columns: wallet share (钱夹份额) now and three years ago, "
        "contact frequency and breadth, years of relationship, and the account's ratings of our "
        "price competitiveness, service quality and technical strength (1 = very poor ... 5 = very good). "
        "Our gross margin on the account and its retention (chance of buying again next year) give a simple "
        "customer lifetime value (客户终身价值). "
        "Attractiveness is scored by experts in `burnett_expert_scores` (same accounts, same seed)."
    ),
    truth_notes=_TRUTH_NOTES,
    columns=(
        Column("account_id", "str", "id", "Account identifier"),
        Column("industry", "str", "name", "The account's industry"),
        Column("revenue", "float", "10k CNY (万元) per year", "Our annual sales to the account"),
        Column("wallet_share", "float", "0-1", "Our share of the account's spending in our category now (钱夹份额)"),
        Column("wallet_share_3y", "float", "0-1", "Our wallet share three years ago"),
        Column("contact_per_month", "float", "contacts per month", "Frequency of contact with the account"),
        Column("contact_breadth", "int", "1-6 functions/levels", "Breadth of contact: how many of the account's functions and levels we talk to"),
        Column("relationship_years", "float", "years", "Length of the relationship"),
        Column("price_rating", "int", "1-5", "The account's rating of our price competitiveness"),
        Column("service_rating", "int", "1-5", "The account's rating of our service quality"),
        Column("tech_rating", "int", "1-5", "The account's rating of our technical strength"),
        Column("gross_margin", "float", "0-1", "Our gross margin on sales to the account (share of revenue)"),
        Column("retention", "float", "0-1", "Chance that the account buys from us again next year (the key-account team's estimate from its contract history)"),
    ),
    generator=make_accounts,
    default_seed=4,
    defaults=dict(_DEFAULTS),
))

register(DatasetSpec(
    name="burnett_expert_scores",
    topic="04 burnett",
    title="Expert panel scores of each account's attractiveness indicators (account x expert x indicator, 1-5)",
    description=(
        "Long table: one row per account, expert and attractiveness indicator (客户吸引力指标) of the "
        "Burnett matrix, grouped in four factor groups (business status, products/services, industry, "
        "potential for joint profit). Score 5 = very attractive ... 1 = unattractive; a few scores are "
        "missing (empty), never more than one expert per account and indicator. Experts differ in "
        "leniency, and disagree strongly on a few accounts."
    ),
    truth_notes=_TRUTH_NOTES,
    columns=(
        Column("account_id", "str", "id", "Account identifier (as in burnett_accounts)"),
        Column("expert", "str", "E1, E2, ...", "Expert who gave the score"),
        Column("indicator", "str", "name", "Attractiveness indicator (see crmlab.burnett.attractiveness_catalogue())"),
        Column("score", "int", "1-5, may be empty", "The expert's score: 5 = very attractive ... 1 = unattractive"),
    ),
    generator=make_expert_scores,
    default_seed=4,
    defaults=dict(_DEFAULTS),
))
