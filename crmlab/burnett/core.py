"""The Burnett key-customer matrix (Burnett 矩阵, 核心客户识别).

Two dimensions place every business account in a 3 x 3 grid:

- customer attractiveness (客户吸引力指数): experts score indicators in four
  factor groups 1-5; the index is the weighted sum of the (panel-averaged)
  scores, with weights that are non-negative and sum to 1, so it lies in
  [1, 5];
- relationship status (客户关系状况): seven indicators turned into 1-5 scores
  by stated bands (wallet share, its 3-year trend, contact, years, and the
  account's ratings of our price, service and technology), weighted the
  same way.

Cut points split each index into three levels (attractiveness low / medium /
high, relationship poor / average / good) and a strategy grid, which is a
parameter, gives each cell its strategy.

Every function takes DataFrames plus column names (defaults match
``crmlab.datasets.load("burnett_accounts")`` and
``load("burnett_expert_scores")``), validates its input, never modifies it,
and is vectorised.

Source: Burnett, K. (2002). *The Handbook of Key Customer Relationship
Management*. Financial Times / Prentice Hall; as taught in the course
slides *Customer relationship management* (READINGS.md). The reading gives the weights of the business-status
group only (.08/.03/.05/.03/.04/.04); every other default weight, the
relationship bands and the cut points are the kit's illustrative choices.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmlab import validate as v
from crmlab.errors import CRMDataError

# ------------------------------------------------- the model (the data generator uses it too)
# ----------------------------------------------------------- the catalogue
# (group, indicator, default weight, English; the Chinese is in the catalogue, crmlab/locale). The reading gives the
# weights of the business-status group only (they sum to .27); the other
# weights are the kit's illustrative choice (marked in ATTRACTIVENESS_SOURCE).
ATTRACTIVENESS_CATALOGUE = (
    ("business", "volume", 0.08, "Transaction volume / amount"),
    ("business", "firm_life_cycle", 0.03, "Customer firm's life-cycle stage"),
    ("business", "expansion_potential", 0.05, "Market expansion potential"),
    ("business", "supplier_relations", 0.03, "Relationship with its suppliers"),
    ("business", "organisation", 0.04, "Organisation and effectiveness"),
    ("business", "overall_impression", 0.04, "Overall impression"),
    ("products", "product_life_cycle", 0.05, "Product life cycle"),
    ("products", "complexity", 0.05, "Product complexity"),
    ("products", "value_added", 0.05, "Potential to add value"),
    ("products", "technology_content", 0.05, "Technology content"),
    ("products", "differentiation", 0.05, "Degree of differentiation"),
    ("industry", "competitive_structure", 0.06, "Industry competitive structure"),
    ("industry", "profit_potential", 0.06, "Current and future profit potential"),
    ("industry", "quality_sensitivity", 0.06, "Sensitivity to quality/service/credibility"),
    ("industry", "vertical_integration", 0.06, "Likelihood of vertical integration"),
    ("joint_profit", "cost_structure", 0.06, "Customer's cost structure"),
    ("joint_profit", "continuous_improvement", 0.06, "Capacity for continuous improvement"),
    ("joint_profit", "margin_effect", 0.06, "Effect on our gross margin"),
    ("joint_profit", "resource_fit", 0.06, "Our resources can support its needs"),
)
ATTRACTIVENESS_INDICATORS = tuple(row[1] for row in ATTRACTIVENESS_CATALOGUE)
ATTRACTIVENESS_WEIGHTS = {row[1]: row[2] for row in ATTRACTIVENESS_CATALOGUE}
GROUPS = ("business", "products", "industry", "joint_profit")

# Relationship indicators: (indicator, default weight, input column(s), band
# edges). Score = 1 + number of inner edges <= value (a value on an edge goes
# up), so the five bands are [e0, e1), [e1, e2), ..., [e4, e5].
RELATIONSHIP_BANDS = {
    "wallet_share": (0.0, 0.10, 0.25, 0.45, 0.70, 1.0),
    "share_trend": (-0.30, -0.10, -0.02, 0.02, 0.10, 0.30),
    "contact_per_month": (0.0, 1.0, 2.0, 4.0, 8.0, 16.0),
    "contact_breadth": (0.5, 1.5, 2.5, 3.5, 4.5, 8.0),
    "relationship_years": (0.0, 1.0, 3.0, 5.0, 10.0, 25.0),
}
RELATIONSHIP_WEIGHTS = {"wallet_share": 0.25, "share_trend": 0.15, "contact": 0.15, "years": 0.10,
                        "price": 0.10, "service": 0.15, "technology": 0.10}
RELATIONSHIP_INDICATORS = tuple(RELATIONSHIP_WEIGHTS)
DEFAULT_CUTS = (2.5, 3.5)
_DEFAULT_GRID = {
    ("good", "low"): "selective_maintenance", ("good", "medium"): "develop",
    ("good", "high"): "develop_defend",
    ("average", "low"): "minimal_maintenance", ("average", "medium"): "defend_maintain",
    ("average", "high"): "develop",
    ("poor", "low"): "exit", ("poor", "medium"): "minimal_maintenance", ("poor", "high"): "selective_defence",
}

__all__ = [
    "ATTRACTIVENESS_INDICATORS", "RELATIONSHIP_INDICATORS", "GROUPS", "DEFAULT_CUTS",
    "ATTRACTIVENESS_LEVELS", "RELATIONSHIP_LEVELS", "STRATEGIES", "READINGS",
    "default_attractiveness_weights", "default_relationship_weights", "default_grid",
    "attractiveness_catalogue", "relationship_catalogue", "weights_from_groups", "group_weights",
    "ExpertPanel", "aggregate_experts", "rater_agreement", "to_scores", "budget_by_cell", "STRATEGY_EFFORT",
    "cell_label", "cell_distance", "attractiveness_index", "relationship_scores",
    "relationship_index", "relationship_reading", "burnett_matrix", "strategy_grid",
    "matrix_counts", "cells_changed", "weight_sensitivity", "portfolio",
    "growth_matrix", "lifecycle_strategies", "core_customer_tactics", "label", "round_half_up",
]

ATTRACTIVENESS_LEVELS = ("low", "medium", "high")
RELATIONSHIP_LEVELS = ("poor", "average", "good")
STRATEGIES = ("develop_defend", "develop", "selective_defence", "defend_maintain",
              "selective_maintenance", "minimal_maintenance", "exit")
READINGS = ("loyal", "competitive", "convertible", "competitors_loyal")
SCALE = (1, 5)

# raw input column of each banded relationship indicator (contact uses two)
RELATIONSHIP_COLUMNS = {
    "wallet_share": "wallet_share", "wallet_share_3y": "wallet_share_3y",
    "contact_per_month": "contact_per_month", "contact_breadth": "contact_breadth",
    "relationship_years": "relationship_years", "price": "price_rating",
    "service": "service_rating", "technology": "tech_rating",
}


def label(key: str, lang: str = "en") -> str:
    """The text of a Burnett key (indicator, group, level, strategy, reading) in ``lang``.

    Keys that the catalogue does not know (e.g. an instructor's own strategy
    name in a custom grid) are shown as themselves (:func:`crmlab.labels.label`).
    """
    from crmlab.labels import label as _label

    return _label(key, lang, "bm_")


def default_attractiveness_weights() -> pd.Series:
    """The catalogue's default attractiveness weights (a fresh Series; sums to 1)."""
    return pd.Series(ATTRACTIVENESS_WEIGHTS, dtype="float64", name="weight").rename_axis("indicator")


def default_relationship_weights() -> pd.Series:
    """The kit's illustrative relationship weights (a fresh Series; sums to 1)."""
    return pd.Series(RELATIONSHIP_WEIGHTS, dtype="float64", name="weight").rename_axis("indicator")


def default_grid() -> dict[tuple[str, str], str]:
    """The default strategy grid: {(relationship level, attractiveness level): strategy}.

    | relationship \\ attractiveness | low | medium | high |
    |---|---|---|---|
    | good | selective maintenance | develop | develop and defend |
    | average | minimal maintenance | defend and maintain | develop |
    | poor | exit | minimal maintenance | selective defence |
    """
    return dict(_DEFAULT_GRID)


# ----------------------------------------------------------------- catalogue

def attractiveness_catalogue(lang: str = "en") -> pd.DataFrame:
    """The attractiveness indicators as data: group, indicator, label, default weight, weight source.

    Weights of the business-status group are the reading's (Burnett 2002);
    the rest are the kit's illustrative defaults (column ``weight_source``).
    """
    src = {True: label("source_reading", lang), False: label("source_illustrative", lang)}
    rows = [(g, label(g, lang), ind, label(ind, lang), w, src[g == "business"])
            for g, ind, w, _en in ATTRACTIVENESS_CATALOGUE]
    return pd.DataFrame(rows, columns=["group", "group_label", "indicator", "label", "weight", "weight_source"])


_RULES = {  # indicator: its input column(s); the scoring rule in words is the label bm_rule_<indicator>
    'wallet_share': 'wallet_share',
    'share_trend': 'wallet_share - wallet_share_3y',
    'contact': 'contact_per_month, contact_breadth',
    'years': 'relationship_years',
    'price': 'price_rating',
    'service': 'service_rating',
    'technology': 'tech_rating',
}


def relationship_catalogue(lang: str = "en") -> pd.DataFrame:
    """The seven relationship indicators, their input columns, 1-5 scoring rule and default weight.

    A value on a band edge goes to the upper band. All bands and weights are
    the kit's illustrative choices (the reading names the indicators only).
    """
    rows = [(ind, label(ind, lang), _RULES[ind], label(f"rule_{ind}", lang), RELATIONSHIP_WEIGHTS[ind])
            for ind in RELATIONSHIP_INDICATORS]
    return pd.DataFrame(rows, columns=["indicator", "label", "input", "score_rule", "weight"])


def group_weights(weights: Mapping[str, float] | pd.Series | None = None) -> pd.Series:
    """Total attractiveness weight of each factor group (business, products, industry, joint profit)."""
    w = default_attractiveness_weights() if weights is None else v.require_weights(
        weights, names=list(ATTRACTIVENESS_INDICATORS), normalize=True)
    group_of = {ind: g for g, ind, *_ in ATTRACTIVENESS_CATALOGUE}
    return w.groupby(w.index.map(group_of)).sum().reindex(list(GROUPS)).rename("weight").rename_axis("group")


def weights_from_groups(group_totals: Mapping[str, float] | pd.Series, normalize: bool = True) -> pd.Series:
    """Indicator weights with the given total per factor group.

    Within a group the indicators keep their default proportions:
    w_j = total_g * w0_j / sum_{i in g} w0_i. ``group_totals`` are
    normalised to sum to 1 unless ``normalize=False``.

    Example
    -------
    >>> weights_from_groups({"business": 1, "products": 1, "industry": 1, "joint_profit": 1})["volume"].round(4)
    np.float64(0.0741)
    """
    totals = v.require_weights(group_totals, names=list(GROUPS), normalize=normalize, what="group weights")
    w0 = default_attractiveness_weights()
    base = group_weights()
    group_of = pd.Series({ind: g for g, ind, *_ in ATTRACTIVENESS_CATALOGUE})
    return (w0 * (totals[group_of].to_numpy() / base[group_of].to_numpy())).rename("weight")


# ----------------------------------------------------------------- experts

@dataclass(frozen=True)
class ExpertPanel:
    """The panel's combined scores (accounts x indicators) and how much the experts disagree.

    ``scores``: the combined score (mean or median over the experts who
    scored); ``spread``: the standard deviation across those experts
    (ddof=1; 0 when only one scored); ``n_scored``: how many scored;
    ``disagreement``: per account, the mean spread over the indicators.
    """

    scores: pd.DataFrame
    spread: pd.DataFrame
    n_scored: pd.DataFrame
    n_experts: int
    method: str

    @property
    def disagreement(self) -> pd.Series:
        return self.spread.mean(axis=1).rename("disagreement")

    def _repr_html_(self):  # notebooks show the combined scores (rounded by round_half_up)
        return round_half_up(self.scores, 3)._repr_html_()


def _codes(s: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (-1 = missing) and the labels in order of first appearance."""
    values = s if isinstance(s.dtype, pd.CategoricalDtype) else s.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, sort=False)  # on an object array: about 2x faster than on str
    return codes, pd.Index(uniques, dtype=s.dtype if not isinstance(s.dtype, pd.CategoricalDtype) else None)


def _check_scores(scores: pd.DataFrame, score: str, scale) -> np.ndarray:
    """The score column as floats, checked against the scale (fast path; messages from crmlab.validate)."""
    col = scores[score]
    x = None
    if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
        x = col.to_numpy(dtype="float64", na_value=np.nan)
        present = x[~np.isnan(x)]
        if present.size and (present.min() < scale[0] or present.max() > scale[1]):
            x = None
    if x is None:  # not numbers, or off the scale: require_in_scale raises with the kit's message
        v.require_in_scale(scores, [score], *scale, allow_missing=True)
    return x


def _long_scores(scores, indicators, account, expert, indicator, score, scale):
    """Validate a long table of expert scores; return the scores and the integer codes of its keys.

    Returns (x, account codes, expert codes, indicator codes, accounts, experts,
    indicators present (in catalogue order), flat account x expert x indicator code).
    """
    v.require_frame(scores, "expert scores")
    v.require_columns(scores, [account, expert, indicator, score], "expert scores")
    if isinstance(indicators, str):
        indicators = [indicators]
    allowed = list(ATTRACTIVENESS_INDICATORS if indicators is None else indicators)
    scale = v.require_scale(scale)
    x = _check_scores(scores, score, scale)
    ind_codes, ind_names = _codes(scores[indicator])
    a_codes, accounts = _codes(scores[account])
    e_codes, experts = _codes(scores[expert])
    for col, codes in ((account, a_codes), (expert, e_codes), (indicator, ind_codes)):
        if (codes < 0).any():
            v.require_no_missing(scores, [col])
    unknown = [n for n in ind_names if n not in allowed]
    if unknown:
        bad = scores[indicator][scores[indicator].isin(unknown)]
        raise CRMDataError(
            f"column {indicator!r} has unknown indicator name(s): {v.show_values(bad.drop_duplicates())}. "
            f"Known indicators: {', '.join(allowed[:6])}, ... Fix: correct the spelling, or pass "
            "indicators=[...] with your own indicator list."
        )
    present_inds = [n for n in allowed if n in set(ind_names)]
    remap = np.array([present_inds.index(n) for n in ind_names], dtype=np.int64)
    k_codes = remap[ind_codes]
    n_a, n_e, n_k = len(accounts), len(experts), len(present_inds)
    flat = (a_codes.astype(np.int64) * n_e + e_codes) * n_k + k_codes  # account x expert x indicator
    if np.bincount(flat, minlength=n_a * n_e * n_k).max() > 1:
        dup = scores[pd.Series(flat, index=scores.index).duplicated(keep=False).to_numpy()]
        raise CRMDataError(
            f"expert scores have more than one row for the same {account!r}, {expert!r} and {indicator!r}: "
            f"{v.show_values(dup[account])}. Fix: keep one score per expert, account and indicator."
        )
    return x, a_codes, e_codes, k_codes, accounts, experts, present_inds, flat


def aggregate_experts(scores: pd.DataFrame, method: str = "mean", max_missing: float = 0.5,
                      indicators: Sequence[str] | None = None, account: str = "account_id",
                      expert: str = "expert", indicator: str = "indicator", score: str = "score",
                      scale: tuple[float, float] = SCALE) -> ExpertPanel:
    """Combine several experts' 1-5 indicator scores into one score per account and indicator.

    combined_aj = mean (or median) over experts e of x_aje, skipping missing
    scores; spread_aj = standard deviation of the x_aje that are present.

    ``scores`` is a long table: one row per account, expert and indicator
    (a missing score is an empty ``score`` or an absent row). The panel is
    every expert who appears in the table. If, for some account and
    indicator, the share of the panel without a score exceeds
    ``max_missing`` (default 0.5: more than half), the function raises,
    because the combined score would rest on too few opinions.

    ``indicators`` (default: the catalogue's 19) are the allowed names; an
    unknown name in the ``indicator`` column raises. Accounts keep the
    order of their first appearance.

    Parameters
    ----------
    scores : DataFrame
        Long table of expert scores: one row per account, expert and indicator.
    method : {"mean", "median"}, default "mean"
        How the experts' scores of one account and indicator are combined.
    max_missing : float, default 0.5
        Largest share of the panel that may lack a score for an account and indicator, in [0, 1).
    indicators : sequence of str, optional
        The allowed indicator names (default: the 19 of :data:`ATTRACTIVENESS_INDICATORS`).
    account, expert, indicator, score : str
        Column names of the account id, the expert, the indicator name and the score.
    scale : (low, high), default (1, 5)
        The scoring scale; a score outside it raises.

    Example
    -------
    >>> long = pd.DataFrame({"account_id": ["A"] * 2, "expert": ["E1", "E2"],
    ...                      "indicator": ["volume"] * 2, "score": [4, 5]})
    >>> aggregate_experts(long, indicators=["volume"]).scores.loc["A", "volume"]
    np.float64(4.5)

    Source: Burnett (2002) recommends expert scoring (专家评价法); see READINGS.md.
    """
    v.require_choice(method, ["mean", "median"], "method")
    try:
        max_missing = float(max_missing)
    except (TypeError, ValueError):
        raise CRMDataError(f"max_missing={max_missing!r} is not a number. Fix: pass a share between 0 and 1.") from None
    if not 0 <= max_missing < 1:
        raise CRMDataError(f"max_missing={max_missing!r} must be in [0, 1). Fix: e.g. 0.5 (at most half of the experts missing).")
    x, a_codes, e_codes, k_codes, accounts, experts, present_inds, flat = _long_scores(
        scores, indicators, account, expert, indicator, score, scale)
    n_a, n_e, n_k = len(accounts), len(experts), len(present_inds)
    cell = a_codes.astype(np.int64) * n_k + k_codes  # account x indicator
    have = ~np.isnan(x)
    size = n_a * n_k
    n_scored = np.bincount(cell[have], minlength=size).reshape(n_a, n_k)
    too_few = (n_e - n_scored) > max_missing * n_e
    if too_few.any():
        ai, ki = np.nonzero(too_few)
        shown = ", ".join(f"{accounts[a]!r}/{present_inds[k]!r} ({n_scored[a, k]} of {n_e})"
                          for a, k in zip(ai[:5], ki[:5]))
        raise CRMDataError(
            f"column {score!r}: too many missing expert scores for {len(ai)} account/indicator pair(s): {shown}. "
            f"At most {max_missing:.0%} of the {n_e} experts may be missing. Fix: collect the missing scores, "
            "or raise max_missing if fewer opinions are acceptable."
        )
    xs, cs = x[have], cell[have]
    mean = (np.bincount(cs, weights=xs, minlength=size) / n_scored.reshape(-1))
    dev2 = np.bincount(cs, weights=(xs - mean[cs]) ** 2, minlength=size).reshape(n_a, n_k)
    mean = mean.reshape(n_a, n_k)
    if method == "mean":
        combined = mean
    else:
        cube = np.full(n_a * n_e * n_k, np.nan)
        cube[flat] = x
        combined = np.nanmedian(cube.reshape(n_a, n_e, n_k), axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.where(n_scored > 1, np.sqrt(dev2 / (n_scored - 1)), 0.0)
    idx = pd.Index(accounts, name=account)
    cols = pd.Index(present_inds, name=indicator)
    return ExpertPanel(
        scores=pd.DataFrame(combined, index=idx, columns=cols),
        spread=pd.DataFrame(sd, index=idx, columns=cols),
        n_scored=pd.DataFrame(n_scored, index=idx, columns=cols),
        n_experts=n_e, method=method,
    )


def _kendall_w(x: np.ndarray) -> float:
    """Kendall's W of an n subjects x m raters array (no missing), with the correction for ties."""
    n, m = x.shape
    ranks = pd.DataFrame(x).rank(axis=0, method="average").to_numpy()
    total = ranks.sum(axis=1)
    s = float(((total - m * (n + 1) / 2) ** 2).sum())
    ties = 0.0
    for j in range(m):  # per rater (a handful of columns): sum of t^3 - t over its groups of tied scores
        _, t = np.unique(x[:, j], return_counts=True)
        ties += float((t.astype("float64") ** 3 - t).sum())
    denom = m ** 2 * (n ** 3 - n) - m * ties
    return float("nan") if denom <= 0 else 12 * s / denom


def _icc(x: np.ndarray) -> tuple[float, float, float]:
    """ICC(2,1) absolute agreement, ICC(3,1) consistency and ICC(2,k) of the panel mean (two-way ANOVA)."""
    n, k = x.shape
    grand = x.mean()
    rows, cols = x.mean(axis=1), x.mean(axis=0)
    msr = k * ((rows - grand) ** 2).sum() / (n - 1)
    msc = n * ((cols - grand) ** 2).sum() / (k - 1)
    mse = ((x - rows[:, None] - cols[None, :] + grand) ** 2).sum() / ((n - 1) * (k - 1))
    d_agree = msr + (k - 1) * mse + k * (msc - mse) / n
    d_cons = msr + (k - 1) * mse
    d_panel = msr + (msc - mse) / n
    out = []
    for num, den in ((msr - mse, d_agree), (msr - mse, d_cons), (msr - mse, d_panel)):
        out.append(float("nan") if den <= 0 else float(num / den))
    return tuple(out)


def rater_agreement(scores: pd.DataFrame, indicators: Sequence[str] | None = None, account: str = "account_id",
                    expert: str = "expert", indicator: str = "indicator", score: str = "score",
                    scale: tuple[float, float] = SCALE, min_accounts: int = 3) -> pd.DataFrame:
    """How far the experts agree (评分者一致性), per indicator: intraclass correlations and Kendall's W.

    For each indicator, the accounts scored by every expert form an
    n accounts x k experts table x (an account with a missing score is left
    out of that indicator: listwise deletion, counted in ``n_dropped``). A
    two-way analysis of variance gives the mean squares of accounts (MSR),
    experts (MSC) and the residual (MSE), and

    - ``icc_agreement`` = ICC(2,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n):
      absolute agreement of one expert's score (an expert's leniency lowers it);
    - ``icc_consistency`` = ICC(3,1) = (MSR - MSE) / (MSR + (k-1) MSE):
      do the experts rank and space the accounts alike (leniency does not count);
    - ``icc_panel`` = ICC(2,k) = (MSR - MSE) / (MSR + (MSC - MSE) / n):
      the reliability of the panel's mean score, the one the index uses;
    - ``kendall_w`` = 12 S / (k^2 (n^3 - n) - k sum T): the concordance of
      the experts' rankings of the accounts (0 none, 1 the same order), with
      S the squared deviations of the accounts' rank sums and T = sum (t^3 - t)
      over each expert's groups of t tied scores (the tie correction).

    An ICC can be negative (less agreement than chance). An indicator on
    which every expert gives every account the same score has no variance
    to agree on: its row is NaN and a ``CRMWarning`` names it.

    Parameters
    ----------
    scores : DataFrame
        Long table of expert scores, as for :func:`aggregate_experts`.
    indicators : sequence of str, optional
        The allowed indicator names (default: the 19 of :data:`ATTRACTIVENESS_INDICATORS`).
    account, expert, indicator, score : str
        Column names of the account id, the expert, the indicator name and the score.
    scale : (low, high), default (1, 5)
        The scoring scale; a score outside it raises.
    min_accounts : int, default 3
        Fewest accounts with a score from every expert that an indicator needs.

    Example
    -------
    >>> long = pd.DataFrame({"account_id": list("AABBCC"), "expert": ["E1", "E2"] * 3,
    ...                      "indicator": "volume", "score": [1, 2, 3, 4, 5, 3]})
    >>> r = rater_agreement(long, indicators=["volume"])
    >>> round_half_up(r.loc["volume", ["icc_agreement", "icc_consistency", "icc_panel", "kendall_w"]], 3).tolist()
    [0.5, 0.4, 0.667, 0.75]

    Source: Shrout & Fleiss (1979) and McGraw & Wong (1996) for the ICC forms;
    Kendall & Babington Smith (1939) for W (READINGS.md).
    """
    min_accounts = v.require_int(min_accounts, "min_accounts", minimum=2)
    x, a_codes, e_codes, k_codes, accounts, experts, present_inds, flat = _long_scores(
        scores, indicators, account, expert, indicator, score, scale)
    n_a, n_e, n_k = len(accounts), len(experts), len(present_inds)
    if n_e < 2:
        raise CRMDataError(f"column {expert!r} has {n_e} expert(s): {list(experts)}; agreement needs at least two. "
                           "Fix: pass the scores of the whole panel.")
    cube = np.full(n_a * n_e * n_k, np.nan)
    cube[flat] = x
    cube = cube.reshape(n_a, n_e, n_k)
    rows, few, flat_inds = [], [], []
    for k in range(n_k):  # one small table per indicator (19 by default), not a loop over rows
        tab = cube[:, :, k]
        seen = ~np.isnan(tab).all(axis=1)
        full = ~np.isnan(tab).any(axis=1)
        t = tab[full]
        if len(t) < min_accounts:
            few.append(f"{present_inds[k]!r} ({len(t)})")
            continue
        icc = _icc(t)
        w = _kendall_w(t)
        if np.isnan(w) or any(np.isnan(icc)):
            flat_inds.append(present_inds[k])
        rows.append((present_inds[k], int(full.sum()), int((seen & ~full).sum()), *icc, w))
    if few:
        raise CRMDataError(f"column {score!r}: too few accounts scored by all {n_e} experts for indicator(s) "
                           f"{', '.join(few[:5])}; at least min_accounts={min_accounts} are needed. "
                           "Fix: collect the missing scores, or leave those indicators out (indicators=[...]).")
    if flat_inds:
        v._warn(f"indicator(s) {', '.join(map(repr, flat_inds[:5]))}: every expert gave every account the same "
                "score, so agreement is undefined there (NaN). Fix: nothing to fix if that is true; check the "
                "scoring form otherwise.")
    out = pd.DataFrame(rows, columns=["indicator", "n_accounts", "n_dropped", "icc_agreement", "icc_consistency",
                                      "icc_panel", "kendall_w"]).set_index("indicator")
    out.attrs["n_experts"] = n_e
    return out


# ----------------------------------------------------------------- indices

def _weighted_index(table: pd.DataFrame, weights, default: pd.Series, name: str, what: str,
                    scale=SCALE) -> pd.Series:
    if isinstance(table, ExpertPanel):
        table = table.scores
    v.require_frame(table, f"{what} scores")
    if weights is None:
        weights = default
    names = list(weights.keys()) if isinstance(weights, Mapping) else list(pd.Series(weights).index)
    w = v.require_weights(weights, names=names, what=f"{what} weights")
    v.require_columns(table, names, f"{what} scores", fix=f"give {what} weights only for indicators that are columns "
                      "of the scores (the weights' names pick the columns).")
    v.require_in_scale(table, names, *scale,
                       missing_fix="score every indicator (for expert scores: aggregate_experts fills what it can).")
    x = table[names].to_numpy(dtype="float64")
    return pd.Series(_fixed_sum(x, w.to_numpy()), index=table.index, name=name)


def _fixed_sum(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """sum_j w_j x_ij accumulated column by column (a fixed order, no BLAS), then rounded to 9 decimals.

    Ratings are whole numbers or panel means and weights have a few
    decimals, so the exact index has at most 9 decimals: rounding to 9 only
    removes the representation error, and an index that is 4.1675 on paper
    is the same double on every machine and in every row order.
    """
    total = np.zeros(x.shape[0])
    for j in range(x.shape[1]):
        total = total + x[:, j] * w[j]
    return np.round(total, 9)


def round_half_up(values, decimals: int = 3):
    """Round for printing by the kit's stated rule: the value rounded to 9 decimals, then half up (away from 0).

    Exact decimal ties (1667/400 = 4.1675, stored as 4.1674999999999995)
    would otherwise round either way depending on the last bit; here 4.1675
    always prints 4.168 and -4.1675 prints -4.168. Works on a number, an
    array, a Series or a DataFrame (numeric columns; others are kept).
    Integer arithmetic on the 9-decimal value, so no float can tip it.

    >>> round_half_up(1667 / 400, 3), round_half_up(2.5, 0), round_half_up(-0.0125, 3)
    (4.168, 3.0, -0.013)
    """
    decimals = v.require_int(decimals, "decimals", 0, 9)
    step = 10 ** (9 - decimals)

    def _arr(a):
        try:
            a = np.asarray(a, dtype="float64")
        except (TypeError, ValueError):
            raise CRMDataError(f"round_half_up: values must be numbers, got {type(a).__name__} {a!r:.60}. "
                               "Fix: pass a number, an array, a Series or a DataFrame of numbers.") from None
        k = np.rint(a * 1e9)  # the 9-decimal value as a whole number (exact below 9e6)
        q = np.sign(k) * np.floor((np.abs(k) + step // 2) / step)
        return q / 10 ** int(decimals)

    if isinstance(values, pd.DataFrame):
        num = values.select_dtypes("number").columns
        return values.assign(**{c: _arr(values[c]) for c in num}) if len(num) else values.copy()
    if isinstance(values, pd.Series):
        return pd.Series(_arr(values), index=values.index, name=values.name)
    out = _arr(values)
    return float(out) if out.ndim == 0 else out


def attractiveness_index(scores: pd.DataFrame | ExpertPanel,
                         weights: Mapping[str, float] | pd.Series | None = None,
                         clv: pd.Series | None = None, clv_indicator: str = "profit_potential",
                         clv_method: str = "quintile") -> pd.Series:
    """Customer attractiveness index (客户吸引力指数): the weighted sum of 1-5 indicator scores.

    A_i = sum_j w_j * s_ij with w_j >= 0 and sum_j w_j = 1, so 1 <= A_i <= 5.

    ``scores``: one row per account, one column per indicator (e.g.
    ``aggregate_experts(...).scores``, or the panel itself). ``weights``
    (default: the catalogue's) name the indicators used; each must be a
    column of ``scores``.

    Example
    -------
    >>> s = pd.DataFrame({"a": [5, 1], "b": [3, 1]}, index=["K1", "K2"])
    >>> attractiveness_index(s, {"a": 0.25, "b": 0.75}).tolist()
    [3.5, 1.0]

    **Customer lifetime value as an indicator.** ``clv`` (a Series of each
    account's customer lifetime value, 客户终身价值, indexed like ``scores``;
    see notebook 06) is turned into a 1-5 score by :func:`to_scores`
    (``clv_method``: ``"quintile"`` by default, or ``"linear"``) and used in
    place of the indicator ``clv_indicator`` (default ``"profit_potential"``,
    the experts' view of current and future profit), with that indicator's
    weight. A name that is not a column of ``scores`` adds CLV as a new
    indicator: then ``weights`` must name it. Accounts of ``scores`` without
    a CLV raise; extra accounts in ``clv`` are ignored.

    >>> s = pd.DataFrame({"a": [5, 1], "b": [3, 1]}, index=["K1", "K2"])
    >>> attractiveness_index(s, {"a": 0.5, "b": 0.5}, clv=pd.Series({"K1": 10.0, "K2": 90.0}),
    ...                      clv_indicator="b", clv_method="linear").tolist()
    [3.0, 3.0]

    Source: Burnett (2002), the scoring table as given in the course slides (评价分值 x 指标权数 = 加权值).
    """
    if clv is not None:
        table = scores.scores if isinstance(scores, ExpertPanel) else scores
        v.require_frame(table, "attractiveness scores")
        if not isinstance(clv_indicator, str) or not clv_indicator:
            raise CRMDataError(f"clv_indicator={clv_indicator!r} must be an indicator name. "
                               "Fix: e.g. clv_indicator='profit_potential'.")
        if isinstance(clv, pd.DataFrame) or not isinstance(clv, pd.Series):
            raise CRMDataError(f"clv must be a Series of lifetime values indexed by account, got {type(clv).__name__}. "
                               "Fix: e.g. clv = pd.Series(values, index=account_ids).")
        if clv.index.has_duplicates:
            dup = clv[clv.index.duplicated(keep=False)]
            raise CRMDataError(f"clv has more than one value for account(s) {v.show_values(dup)}. "
                               "Fix: keep one lifetime value per account.")
        if clv_indicator not in table.columns and weights is None:
            raise CRMDataError(f"clv_indicator={clv_indicator!r} is not an indicator of the scores, so CLV would "
                               "be a new indicator without a weight. Fix: pass weights=... that include it, or "
                               "clv_indicator='profit_potential' to replace the experts' profit-potential score.")
        lacking = table.index.difference(clv.index)
        if len(lacking):
            raise CRMDataError(f"clv has no value for {len(lacking)} account(s): "
                               f"{', '.join(map(repr, lacking[:5]))}. Fix: compute a CLV for every scored account "
                               "(index the Series by the same account ids).")
        points = to_scores(clv.reindex(table.index).rename("clv"), method=clv_method)
        scores = table.assign(**{clv_indicator: points.to_numpy()})
    return _weighted_index(scores, weights, default_attractiveness_weights(), "attractiveness", "attractiveness")


def _band(x: np.ndarray, edges) -> np.ndarray:
    return 1.0 + np.searchsorted(np.asarray(edges[1:-1], dtype=float), x, side="right")


def relationship_scores(accounts: pd.DataFrame, account: str | None = "account_id",
                        columns: Mapping[str, str] | None = None,
                        bands: Mapping[str, Sequence[float]] | None = None) -> pd.DataFrame:
    """Turn the raw relationship data into seven 1-5 scores (see :func:`relationship_catalogue`).

    score = 1 + number of inner band edges <= value; contact is the mean of
    the frequency and breadth scores (so it may be a half point); the three
    ratings are used as they are. ``columns`` renames the inputs (keys as in
    ``RELATIONSHIP_COLUMNS``), ``bands`` replaces band edges (6 increasing
    numbers per key of ``RELATIONSHIP_BANDS``). The result is indexed by the
    ``account`` column when it exists.
    """
    v.require_frame(accounts, "accounts")
    cols = {**RELATIONSHIP_COLUMNS, **(columns or {})}
    edges = {**RELATIONSHIP_BANDS, **(bands or {})}
    unknown = [k for k in (columns or {}) if k not in RELATIONSHIP_COLUMNS] + \
              [k for k in (bands or {}) if k not in RELATIONSHIP_BANDS]
    if unknown:
        raise CRMDataError(f"unknown key {unknown[0]!r} in columns= or bands=. Fix: use keys of "
                           f"RELATIONSHIP_COLUMNS / RELATIONSHIP_BANDS: {', '.join(map(repr, RELATIONSHIP_BANDS))}.")
    for key, e in edges.items():
        try:
            e = np.asarray(e, dtype=float)
        except (TypeError, ValueError):
            raise CRMDataError(f"bands[{key!r}]={e!r} must be 6 increasing numbers. Fix: e.g. (0, .1, .25, .45, .7, 1).") from None
        if e.shape != (6,) or np.any(np.diff(e) <= 0):
            raise CRMDataError(f"bands[{key!r}] must be 6 increasing numbers (edges of five bands), got {list(e)}. "
                               "Fix: e.g. (0, .1, .25, .45, .7, 1).")
    v.require_columns(accounts, list(cols.values()), "accounts")
    fix = "fill or drop those accounts before scoring the relationship."
    v.require_in_scale(accounts, [cols["wallet_share"], cols["wallet_share_3y"]], 0, 1, missing_fix=fix)
    v.require_nonnegative(accounts, [cols["contact_per_month"], cols["relationship_years"]])
    v.require_no_missing(accounts, [cols["contact_per_month"], cols["relationship_years"]], fix=fix)
    v.require_in_scale(accounts, [cols["contact_breadth"]], 0, np.inf, missing_fix=fix)
    v.require_in_scale(accounts, [cols["price"], cols["service"], cols["technology"]], *SCALE, missing_fix=fix)
    f = {k: accounts[c].to_numpy(dtype="float64") for k, c in cols.items()}
    out = pd.DataFrame({
        "wallet_share": _band(f["wallet_share"], edges["wallet_share"]),
        "share_trend": _band(f["wallet_share"] - f["wallet_share_3y"], edges["share_trend"]),
        "contact": (_band(f["contact_per_month"], edges["contact_per_month"])
                    + _band(f["contact_breadth"], edges["contact_breadth"])) / 2,
        "years": _band(f["relationship_years"], edges["relationship_years"]),
        "price": f["price"], "service": f["service"], "technology": f["technology"],
    }, index=_account_index(accounts, account))
    out.columns.name = "indicator"
    return out


def _account_index(df: pd.DataFrame, account: str | None) -> pd.Index:
    if account is not None and account in df.columns:
        v.require_unique(df, account)
        return pd.Index(df[account], name=account)
    return df.index


def relationship_index(accounts: pd.DataFrame, weights: Mapping[str, float] | pd.Series | None = None,
                       account: str | None = "account_id", **kwargs) -> pd.Series:
    """Relationship status index (客户关系状况): weighted sum of the seven 1-5 relationship scores.

    R_i = sum_k w_k * r_ik, w_k >= 0, sum_k w_k = 1, so 1 <= R_i <= 5.
    ``accounts`` is the raw accounts table (scored by
    :func:`relationship_scores`, which receives ``kwargs``), or a table of
    scores already (its columns are the weights' names).

    Example
    -------
    >>> r = pd.DataFrame({"wallet_share": [5, 2], "service": [3, 4]})
    >>> relationship_index(r, {"wallet_share": 0.5, "service": 0.5}).tolist()
    [4.0, 3.0]
    """
    names = list(RELATIONSHIP_INDICATORS if weights is None else
                 (weights.keys() if isinstance(weights, Mapping) else pd.Series(weights).index))
    v.require_frame(accounts, "accounts")
    if all(n in accounts.columns for n in names):
        table = accounts.set_index(account) if account is not None and account in accounts.columns else accounts
    else:
        table = relationship_scores(accounts, account=account, **kwargs)
    return _weighted_index(table, weights, default_relationship_weights(), "relationship", "relationship")


def relationship_reading(accounts: pd.DataFrame, share: str = "wallet_share",
                         ratings: Sequence[str] = ("price_rating", "service_rating", "tech_rating"),
                         loyal: float = 0.5, competitive: float = 0.2, convertible: float = 3.0,
                         account: str | None = "account_id", lang: str = "en") -> pd.DataFrame:
    """The four readings of a relationship: loyal, competitive, convertible, competitor's loyal.

    - wallet share >= ``loyal`` (0.5): our loyal customer (我们的忠诚客户);
    - ``competitive`` (0.2) <= share < ``loyal``: a competitive (split) customer (竞争性客户);
    - share < ``competitive`` and mean rating of us >= ``convertible`` (3):
      a convertible customer (可转变客户): buys elsewhere but thinks well of us;
    - otherwise: a competitor's loyal customer (竞争对手的忠诚客户).

    The thresholds are the kit's illustrative choice; the reading names the four types only.

    Parameters
    ----------
    accounts : DataFrame
        One row per account with the wallet share and our ratings.
    share : str, default "wallet_share"
        Column of our share of the customer's wallet (0-1).
    ratings : sequence of str
        Columns of the customer's 1-5 ratings of our price, service and technology.
    loyal : float, default 0.5
        Wallet share from which the account is our loyal customer.
    competitive : float, default 0.2
        Wallet share from which (below ``loyal``) it is a competitive customer.
    convertible : float, default 3.0
        Mean rating from which a low-share account is convertible.
    account : str or None, default "account_id"
        Column of account ids used as the index (None or absent: the table's index).
    lang : str, default "en"
        Language of ``reading_label``.
    """
    v.require_frame(accounts, "accounts")
    ratings = [ratings] if isinstance(ratings, str) else list(ratings)
    v.require_columns(accounts, [share, *ratings], "accounts",
                      fix="pass share=... and ratings=[...] with your column names.")
    for name, val in (("loyal", loyal), ("competitive", competitive), ("convertible", convertible)):
        if isinstance(val, (str, bytes, bool, np.bool_)) or not isinstance(val, (int, float, np.integer, np.floating)) \
                or not np.isfinite(val):
            raise CRMDataError(f"{name}={val!r} must be a number. Fix: e.g. loyal=0.5, competitive=0.2, convertible=3.")
    v.require_in_scale(accounts, [share], 0, 1)
    v.require_in_scale(accounts, ratings, *SCALE)
    if not 0 <= competitive <= loyal <= 1:
        raise CRMDataError(f"need 0 <= competitive ({competitive}) <= loyal ({loyal}) <= 1. Fix: reorder the thresholds.")
    s = accounts[share].to_numpy(dtype="float64")
    p = accounts[ratings].to_numpy(dtype="float64").mean(axis=1)
    key = np.where(s >= loyal, "loyal", np.where(s >= competitive, "competitive",
                   np.where(p >= convertible, "convertible", "competitors_loyal")))
    labels = {k: label(k, lang) for k in READINGS}
    return pd.DataFrame({"wallet_share": s, "perception": p, "reading": key,
                         "reading_label": [labels[k] for k in key]},
                        index=_account_index(accounts, account))


# ----------------------------------------------------------------- the matrix

def _cuts(values: np.ndarray, cuts, name: str) -> tuple[float, float]:
    if isinstance(cuts, str):
        v.require_choice(cuts, ["tertiles"], f"{name}_cuts")
        lo, hi = np.quantile(values, [1 / 3, 2 / 3])
        return float(lo), float(hi)
    try:
        lo, hi = (float(c) for c in cuts)
    except (TypeError, ValueError):
        raise CRMDataError(f"{name}_cuts={cuts!r} must be two numbers (low, high) or 'tertiles'. "
                           "Fix: e.g. (2.5, 3.5).") from None
    if not (SCALE[0] <= lo < hi <= SCALE[1]):
        raise CRMDataError(f"{name}_cuts={cuts!r} must satisfy 1 <= low < high <= 5. Fix: e.g. (2.5, 3.5).")
    return lo, hi


def _grid_array(grid) -> np.ndarray:
    """3 x 3 array [relationship level (poor, average, good), attractiveness level (low, medium, high)]."""
    if grid is None:
        grid = _DEFAULT_GRID
    if isinstance(grid, pd.DataFrame):
        missing = [r for r in RELATIONSHIP_LEVELS if r not in grid.index] + \
                  [c for c in ATTRACTIVENESS_LEVELS if c not in grid.columns]
        if missing:
            raise CRMDataError(f"grid lacks {missing[0]!r}: rows must be {RELATIONSHIP_LEVELS} and columns "
                               f"{ATTRACTIVENESS_LEVELS}. Fix: see crmlab.burnett.strategy_grid().")
        grid = {(r, c): grid.loc[r, c] for r in RELATIONSHIP_LEVELS for c in ATTRACTIVENESS_LEVELS}
    if not isinstance(grid, Mapping):
        raise CRMDataError("grid must be a dict {(relationship level, attractiveness level): strategy} "
                           "or a 3 x 3 DataFrame. Fix: see crmlab.burnett.default_grid().")
    arr = np.empty((3, 3), dtype=object)
    for i, r in enumerate(RELATIONSHIP_LEVELS):
        for j, c in enumerate(ATTRACTIVENESS_LEVELS):
            if (r, c) not in grid or pd.isna(grid[(r, c)]) or str(grid[(r, c)]).strip() == "":
                raise CRMDataError(f"grid has no strategy for relationship {r!r} and attractiveness {c!r}. "
                                   "Fix: give a strategy for each of the 9 cells.")
            arr[i, j] = str(grid[(r, c)])
    return arr


def strategy_grid(grid=None, lang: str = "en") -> pd.DataFrame:
    """The strategy grid as a 3 x 3 table: rows good/average/poor relationship, columns low/medium/high attractiveness."""
    arr = _grid_array(grid)
    table = pd.DataFrame([[label(arr[i, j], lang) for j in range(3)] for i in (2, 1, 0)],
                         index=pd.Index([label(r, lang) for r in RELATIONSHIP_LEVELS[::-1]], name=label("relationship", lang)),
                         columns=pd.Index([label(c, lang) for c in ATTRACTIVENESS_LEVELS], name=label("attractiveness", lang)))
    return table


def _levels(x: np.ndarray, cuts: tuple[float, float]) -> np.ndarray:
    # rounded to 9 decimals first, so an index that is 2.5 on paper but 2.4999999999999996 in
    # floating point (e.g. .25*3 + .15*2 + ...) counts as on the cut, i.e. in the upper level
    return np.searchsorted(np.asarray(cuts), np.round(x, 9), side="right")


def burnett_matrix(data: pd.DataFrame, attractiveness: str = "attractiveness", relationship: str = "relationship",
                   attractiveness_cuts=DEFAULT_CUTS, relationship_cuts=DEFAULT_CUTS, grid=None,
                   lang: str = "en") -> pd.DataFrame:
    """Place each account in the Burnett matrix and give it the strategy of its cell.

    level = low/medium/high (attractiveness) or poor/average/good
    (relationship): below the first cut, between the cuts, at or above the
    second cut (indices are rounded to 9 decimals first, so an index of 2.5
    that floating point stores as 2.4999999999999996 counts as on the cut). ``*_cuts`` are two numbers in [1, 5] (default 2.5 and 3.5)
    or ``"tertiles"`` (the 1/3 and 2/3 quantiles of the accounts given, so
    each level holds about a third). ``grid`` maps (relationship level,
    attractiveness level) to a strategy (default: :func:`default_grid`).

    Returns a copy of ``data`` with the columns ``attractiveness_level``,
    ``relationship_level``, ``cell`` ("high/good", a key), ``cell_label`` (in
    ``lang``), ``strategy`` (key) and ``strategy_label`` (in ``lang``); ``.attrs`` holds the cut points used.

    Parameters
    ----------
    data : DataFrame
        One row per account with both indices (1-5).
    attractiveness, relationship : str
        Columns of the attractiveness and relationship indices.
    attractiveness_cuts, relationship_cuts : (low, high) or "tertiles", default (2.5, 3.5)
        Cut points between the three levels of each axis.
    grid : dict or DataFrame, optional
        Strategy per (relationship level, attractiveness level) (default: :func:`default_grid`).
    lang : str, default "en"
        Language of ``strategy_label``.

    Example
    -------
    >>> d = pd.DataFrame({"attractiveness": [4.2, 1.8], "relationship": [2.0, 4.0]})
    >>> burnett_matrix(d)["strategy"].tolist()
    ['selective_defence', 'selective_maintenance']

    Source: Burnett (2002) (基于 Burnett 矩阵的核心客户发展策略); see READINGS.md.
    """
    v.require_frame(data, "data")
    v.require_columns(data, [attractiveness, relationship], "data")
    v.require_in_scale(data, [attractiveness, relationship], *SCALE,
                       missing_fix="compute both indices for every account first.")
    a = data[attractiveness].to_numpy(dtype="float64")
    r = data[relationship].to_numpy(dtype="float64")
    ac = _cuts(a, attractiveness_cuts, "attractiveness")
    rc = _cuts(r, relationship_cuts, "relationship")
    arr = _grid_array(grid)
    ai, ri = _levels(a, ac), _levels(r, rc)
    a_names = np.array(ATTRACTIVENESS_LEVELS, dtype=object)
    r_names = np.array(RELATIONSHIP_LEVELS, dtype=object)
    cells = np.array([[f"{c}/{rr}" for c in ATTRACTIVENESS_LEVELS] for rr in RELATIONSHIP_LEVELS], dtype=object)
    strategy = arr[ri, ai]
    lab = np.vectorize(lambda k: label(k, lang), otypes=[object])(arr)
    cell_labels = np.array([[cell_label(f"{c}/{rr}", lang) for c in ATTRACTIVENESS_LEVELS]
                            for rr in RELATIONSHIP_LEVELS], dtype=object)
    out = data.assign(attractiveness_level=a_names[ai], relationship_level=r_names[ri],
                      cell=cells[ri, ai], cell_label=cell_labels[ri, ai], strategy=strategy,
                      strategy_label=lab[ri, ai])
    out.attrs.update(attractiveness_cuts=ac, relationship_cuts=rc, attractiveness=attractiveness,
                     relationship=relationship,
                     grid={(r, c): arr[i, j] for i, r in enumerate(RELATIONSHIP_LEVELS)
                           for j, c in enumerate(ATTRACTIVENESS_LEVELS)})
    return out


def matrix_counts(table: pd.DataFrame, values: str | None = None, lang: str = "en") -> pd.DataFrame:
    """Accounts (or the sum of ``values``, e.g. revenue) per cell of a :func:`burnett_matrix` table.

    Rows good/average/poor relationship (top to bottom, as drawn), columns low/medium/high attractiveness.
    """
    v.require_columns(table, ["attractiveness_level", "relationship_level"] + ([values] if values else []), "matrix table",
                      fix="pass the table that burnett_matrix(...) returns.")
    for col, allowed in (("attractiveness_level", ATTRACTIVENESS_LEVELS), ("relationship_level", RELATIONSHIP_LEVELS)):
        bad = table[col][~table[col].isin(allowed)]
        if len(bad):
            raise CRMDataError(f"column {col!r} has values that are not levels ({', '.join(allowed)}): "
                               f"{v.show_values(bad)}. Fix: pass the table that burnett_matrix(...) returns.")
    if values:
        v.require_numeric(table, [values])
    a = pd.Categorical(table["attractiveness_level"], categories=ATTRACTIVENESS_LEVELS)
    r = pd.Categorical(table["relationship_level"], categories=RELATIONSHIP_LEVELS[::-1])
    if values is None:
        out = pd.crosstab(r, a, dropna=False)
    else:
        out = pd.crosstab(r, a, values=table[values].to_numpy(), aggfunc="sum", dropna=False).fillna(0.0)
    out = out.reindex(index=list(RELATIONSHIP_LEVELS[::-1]), columns=list(ATTRACTIVENESS_LEVELS), fill_value=0)
    out.index = pd.Index([label(x, lang) for x in out.index], name=label("relationship", lang))
    out.columns = pd.Index([label(x, lang) for x in out.columns], name=label("attractiveness", lang))
    return out


def cells_changed(before: pd.DataFrame, after: pd.DataFrame, column: str = "cell") -> int:
    """How many accounts (matched by row label) sit in another cell in ``after`` than in ``before``."""
    v.require_columns(before, [column], "before", fix="pass two tables from burnett_matrix(...), or column=... .")
    v.require_columns(after, [column], "after", fix="pass two tables from burnett_matrix(...), or column=... .")
    b, a = before[column].align(after[column], join="inner")
    if len(b) == 0 and (len(before) or len(after)):
        raise CRMDataError("before and after share no row labels (accounts), so nothing can be compared. "
                           "Fix: index both tables by the same account ids (e.g. .set_index('account_id')).")
    return int((b != a).sum())


def cell_distance(estimated: pd.Series, true: pd.Series) -> pd.Series:
    """How far apart two cells are: levels apart on attractiveness plus levels apart on relationship.

    0 = the same cell, 1 = a neighbouring cell (one level off on one axis),
    2 = a corner neighbour or two levels off on one axis, up to 4. The cells
    are keys such as "high/good"; the Series are aligned on their index.

    >>> cell_distance(pd.Series(["high/good", "medium/good", "low/poor"]),
    ...               pd.Series(["high/good", "high/good", "high/good"])).tolist()
    [0, 1, 4]
    """
    for name, s in (("estimated", estimated), ("true", true)):
        if not isinstance(s, pd.Series):
            raise CRMDataError(f"{name} must be a Series of cells such as 'high/good', got {type(s).__name__}. "
                               "Fix: pass the 'cell' column of burnett_matrix(...).")
    a, b = estimated.align(true, join="inner")
    la = {k: i for i, k in enumerate(ATTRACTIVENESS_LEVELS)}
    lr = {k: i for i, k in enumerate(RELATIONSHIP_LEVELS)}
    parts = []
    for name, s in (("estimated", a), ("true", b)):
        split = s.astype(str).str.partition("/")
        x, y = split[0].map(la), split[2].map(lr)
        bad = s[(x.isna() | y.isna()).to_numpy()]
        if len(bad):
            raise CRMDataError(f"{name} has values that are not cells ('<attractiveness level>/<relationship level>'): "
                               f"{v.show_values(bad)}. Fix: pass the 'cell' column of burnett_matrix(...).")
        parts.append((x.astype("int64"), y.astype("int64")))
    (xa, ya), (xb, yb) = parts
    return ((xa - xb).abs() + (ya - yb).abs()).rename("distance")


def weight_sensitivity(scores: pd.DataFrame | ExpertPanel, weights=None, other: pd.Series | None = None,
                       delta: float = 0.05, axis: str = "attractiveness", attractiveness_cuts=DEFAULT_CUTS,
                       relationship_cuts=DEFAULT_CUTS, grid=None) -> pd.DataFrame:
    """How many accounts change cell (and strategy) when one indicator's weight moves by ``delta``.

    For each indicator j and each direction: w'_j = clip(w_j +/- delta, 0, 1),
    the other weights are rescaled by (1 - w'_j) / (1 - w_j) so they still sum
    to 1, the index is recomputed, and accounts are placed again with the
    same cut points (fixed cuts are kept; with ``"tertiles"`` the cuts of the
    original index are used). ``scores`` are the indicator scores of the
    axis that moves (``axis`` = "attractiveness" or "relationship");
    ``other`` is the other axis' index (needed for strategies; default: all
    accounts at 3).

    Returns one row per indicator: ``weight``, ``cells_up``, ``cells_down``
    (accounts changing cell when the weight goes up / down) and
    ``strategy_up``, ``strategy_down`` (accounts whose strategy changes).

    Parameters
    ----------
    scores : DataFrame or ExpertPanel
        Indicator scores (1-5) of the axis whose weights move, one row per account.
    weights : dict or Series, optional
        Weights of that axis (default: the catalogue's for ``axis``).
    other : Series, optional
        The other axis' index per account (default: every account at 3).
    delta : float, default 0.05
        How far each weight moves up and down.
    axis : {"attractiveness", "relationship"}, default "attractiveness"
        Which axis ``scores`` belong to.
    attractiveness_cuts, relationship_cuts : (low, high) or "tertiles", default (2.5, 3.5)
        Cut points of the two axes, as in :func:`burnett_matrix`.
    grid : dict or DataFrame, optional
        Strategy grid, as in :func:`burnett_matrix`.
    """
    v.require_choice(axis, ["attractiveness", "relationship"], "axis")
    delta = v.require_positive(delta, "delta")
    if isinstance(scores, ExpertPanel):
        scores = scores.scores
    default = default_attractiveness_weights() if axis == "attractiveness" else default_relationship_weights()
    w = default if weights is None else weights
    base = _weighted_index(scores, w, default, axis, axis)
    names = list(w.keys()) if isinstance(w, Mapping) else list(pd.Series(w).index)
    w = v.require_weights(w, names=names)
    if other is None:
        other = pd.Series(3.0, index=scores.index)
    if not isinstance(other, pd.Series):
        raise CRMDataError(f"other must be a Series of the other axis' index by account, got {type(other).__name__}. "
                           "Fix: e.g. other=relationship_index(accounts).")
    v.require_in_scale(other.rename("other").to_frame(), ["other"], *SCALE, allow_missing=True)
    other = other.astype("float64").reindex(scores.index)
    if other.isna().any():
        raise CRMDataError(f"other index has no value for account(s) {', '.join(map(repr, other.index[other.isna()][:5]))}. "
                           "Fix: pass the other axis' index for the same accounts.")
    my_cuts, other_cuts = (attractiveness_cuts, relationship_cuts) if axis == "attractiveness" else \
        (relationship_cuts, attractiveness_cuts)
    mc = _cuts(base.to_numpy(), my_cuts, axis)
    oc = _cuts(other.to_numpy(), other_cuts, "other")
    arr = _grid_array(grid)
    k = len(names)
    w0 = w.to_numpy()
    eye = np.eye(k, dtype=bool)
    moved = []
    for sign in (1, -1):
        wj = np.clip(w0 + sign * delta, 0.0, 1.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            factor = np.where(w0 < 1, (1 - wj) / (1 - w0), 0.0)
        W = np.where(eye, wj[:, None], w0[None, :] * factor[:, None])  # row j: weights after moving j
        x = scores[names].to_numpy(dtype="float64")
        moved.append(np.stack([_fixed_sum(x, W[j]) for j in range(k)], axis=1))  # n x k, same sums as the index
    lvl0 = _levels(base.to_numpy(), mc)
    olvl = _levels(other.to_numpy(), oc)

    def strat(lvl):
        return arr[olvl[:, None], lvl] if axis == "attractiveness" else arr[lvl, olvl[:, None]]

    s0 = strat(lvl0[:, None])
    res = {"weight": w0}
    for tag, idx in zip(("up", "down"), moved):
        lv = _levels(idx, mc)
        res[f"cells_{tag}"] = (lv != lvl0[:, None]).sum(axis=0)
        res[f"strategy_{tag}"] = (strat(lv) != s0).sum(axis=0)
    out = pd.DataFrame(res, index=pd.Index(names, name="indicator"))
    out.attrs["n_accounts"] = len(scores)
    return out


def portfolio(accounts: pd.DataFrame, expert_scores: pd.DataFrame, attractiveness_weights=None,
              relationship_weights=None, method: str = "mean", max_missing: float = 0.5,
              attractiveness_cuts=DEFAULT_CUTS, relationship_cuts=DEFAULT_CUTS, grid=None,
              account: str = "account_id", lang: str = "en") -> pd.DataFrame:
    """The whole pipeline: panel scores -> attractiveness, raw data -> relationship, then the matrix.

    Returns the accounts table (indexed by ``account``) with ``attractiveness``,
    ``relationship`` and the columns of :func:`burnett_matrix`. Every account
    must appear in both tables.

    Parameters
    ----------
    accounts : DataFrame
        The raw accounts table (relationship data, one row per account).
    expert_scores : DataFrame
        The long table of expert scores (see :func:`aggregate_experts`).
    attractiveness_weights, relationship_weights : dict or Series, optional
        Weights of the two indices (default: the catalogue's).
    method : {"mean", "median"}, default "mean"
        How the experts are combined.
    max_missing : float, default 0.5
        Largest share of experts that may lack a score (see :func:`aggregate_experts`).
    attractiveness_cuts, relationship_cuts : (low, high) or "tertiles", default (2.5, 3.5)
        Cut points of the matrix.
    grid : dict or DataFrame, optional
        Strategy grid (default: :func:`default_grid`).
    account : str, default "account_id"
        Column of account ids in both tables.
    lang : str, default "en"
        Language of the strategy labels.
    """
    v.require_frame(accounts, "accounts")
    v.require_columns(accounts, [account], "accounts", fix="pass account=... with the account id column of both tables.")
    panel = aggregate_experts(expert_scores, method=method, max_missing=max_missing, account=account)
    attr = attractiveness_index(panel, attractiveness_weights)
    rel = relationship_index(accounts, relationship_weights, account=account)
    missing = rel.index.difference(attr.index)
    if len(missing):
        raise CRMDataError(f"account(s) {', '.join(map(repr, missing[:5]))} have no expert scores. "
                           "Fix: score them, or drop them from the accounts table.")
    table = accounts.set_index(account).assign(attractiveness=attr.reindex(rel.index).to_numpy(),
                                               relationship=rel.to_numpy())
    return burnett_matrix(table, attractiveness_cuts=attractiveness_cuts, relationship_cuts=relationship_cuts,
                          grid=grid, lang=lang)


def to_scores(values: pd.Series, method: str = "quintile", name: str | None = None) -> pd.Series:
    """Turn a measured quantity (a CLV, sales, a margin) into a 1-5 score, as an indicator needs.

    - ``"quintile"``: score = 1 + floor(5 (r - 1) / n), with r the rank
      (1 = smallest, tied values share the lowest rank of their group) and n
      the number of accounts, so each score holds about a fifth of the
      accounts and equal values get the same score;
    - ``"linear"``: score = 1 + 4 (x - min) / (max - min), the value
      stretched onto 1-5 (sensitive to one extreme account).

    This is the reading's advice in code: once an indicator has a
    definition and a scoring rule, it can be computed from the customer
    database instead of asked of the experts. ``values`` is a Series indexed
    by account; the result keeps that index (``name`` renames it).

    Example
    -------
    >>> to_scores(pd.Series([10.0, 40.0, 20.0, 30.0, 50.0], index=list("ABCDE"))).tolist()
    [1.0, 4.0, 2.0, 3.0, 5.0]

    Source: Burnett (2002) as taught in the course slides (多轮测量后 ... 数据库链接自动测量); READINGS.md.
    """
    v.require_choice(method, ["quintile", "linear"], "method")
    if isinstance(values, pd.DataFrame) or not isinstance(values, pd.Series):
        raise CRMDataError(f"values must be a Series indexed by account, got {type(values).__name__}. "
                           "Fix: e.g. pd.Series(clv, index=account_ids).")
    col = values.name if isinstance(values.name, str) and values.name else "values"
    frame = values.rename(col).to_frame()
    v.require_numeric(frame, [col])
    v.require_no_missing(frame, [col], fix="compute the value for every account, or drop the accounts without one.")
    if values.index.has_duplicates:
        dup = values[values.index.duplicated(keep=False)]
        raise CRMDataError(f"{col!r} has more than one value for account(s) {v.show_values(dup)}. "
                           "Fix: keep one value per account (e.g. .groupby(level=0).sum()).")
    x = values.to_numpy(dtype="float64")
    if not np.isfinite(x).all():
        bad = values[~np.isfinite(x)]
        raise CRMDataError(f"{col!r} has infinite values: {v.show_values(bad)}. Fix: correct or drop those accounts.")
    n = len(x)
    if n == 0:
        raise CRMDataError(f"{col!r} is empty. Fix: pass one value per account.")
    if method == "linear":
        span = x.max() - x.min()
        if span == 0:
            raise CRMDataError(f"{col!r} has the same value for every account ({x[0]:g}), so method='linear' "
                               "cannot spread it over 1-5. Fix: use method='quintile', or leave the indicator to the experts.")
        out = 1 + 4 * (x - x.min()) / span
    else:
        if n < 5:
            v._warn(f"{col!r}: only {n} account(s), so some of the five quintile scores stay empty.")
        r = pd.Series(x).rank(method="min").to_numpy()
        out = 1 + np.floor(5 * (r - 1) / n)
        if x.min() == x.max():
            v._warn(f"{col!r} has the same value for every account, so every account scores 1.")
    return pd.Series(out, index=values.index, name=name or col)


# Illustrative effort per account for each strategy (the kit's choice: the reading ranks the
# strategies, develop most and exit least, but gives no numbers).
STRATEGY_EFFORT = {"develop_defend": 4.0, "develop": 3.0, "selective_defence": 2.0, "defend_maintain": 2.0,
                   "selective_maintenance": 1.0, "minimal_maintenance": 0.5, "exit": 0.0}


def budget_by_cell(table: pd.DataFrame, budget: float, effort: Mapping[str, float] | None = None,
                   lang: str = "en") -> pd.DataFrame:
    """Share a relationship budget (engineers' days, visits, discounts) over the nine cells.

    Each account gets effort points by its strategy (default
    :data:`STRATEGY_EFFORT`, illustrative: develop and defend 4 ... exit 0);
    a cell's budget = budget x (accounts in the cell x effort) / (sum over
    all accounts of effort). Returns one row per cell in the order of the
    grid (good relationship first, then low to high attractiveness):
    ``cell``, ``cell_label``, ``strategy_label``, ``accounts``, ``effort``,
    ``budget``, ``budget_per_account`` and ``revenue_share`` (if the table
    has ``revenue``), so a planner can compare where the money goes with
    where the sales are.

    Example
    -------
    >>> m = burnett_matrix(pd.DataFrame({"attractiveness": [4.2, 4.0, 1.8], "relationship": [4.0, 4.0, 1.2]}))
    >>> budget_by_cell(m, 100).set_index("cell")["budget"].loc[["high/good", "low/poor"]].tolist()
    [100.0, 0.0]

    Source: Burnett (2002): "spreading all resources evenly over all customers is a risk" (所有资源均匀分配
    所有客户对企业意味着风险); READINGS.md.
    """
    v.require_columns(table, ["cell", "strategy", "attractiveness_level", "relationship_level"], "matrix table",
                      fix="pass the table that burnett_matrix(...) or portfolio(...) returns.")
    budget = v.require_positive(budget, "budget")
    e = dict(STRATEGY_EFFORT if effort is None else effort)
    missing = sorted(set(table["strategy"]) - set(e))
    if missing:
        raise CRMDataError(f"effort has no value for strategy {missing[0]!r} (used in the table). "
                           f"Fix: give effort points for every strategy, e.g. {{{missing[0]!r}: 1.0, ...}}.")
    for k, val in e.items():
        if isinstance(val, (bool, np.bool_, str)) or not isinstance(val, (int, float, np.integer, np.floating)) \
                or not np.isfinite(val) or val < 0:
            raise CRMDataError(f"effort[{k!r}]={val!r} must be a number >= 0. Fix: e.g. effort={{{k!r}: 1.0, ...}}.")
    pts = table["strategy"].map(e).astype("float64")
    if pts.sum() <= 0:
        raise CRMDataError("effort is 0 for every account in the table, so the budget cannot be shared. "
                           "Fix: give a positive effort to at least one strategy that the table uses.")
    order = [f"{a}/{r}" for r in RELATIONSHIP_LEVELS[::-1] for a in ATTRACTIVENESS_LEVELS]
    grid = table.attrs.get("grid") or _DEFAULT_GRID
    arr = _grid_array(grid)
    strat = {f"{a}/{r}": arr[i, j] for i, r in enumerate(RELATIONSHIP_LEVELS) for j, a in enumerate(ATTRACTIVENESS_LEVELS)}
    counts = table["cell"].value_counts().reindex(order, fill_value=0)
    cell_pts = pts.groupby(table["cell"].to_numpy()).sum().reindex(order, fill_value=0.0)
    out = pd.DataFrame({
        "cell": order,
        "cell_label": [cell_label(c, lang) for c in order],
        "strategy_label": [label(strat[c], lang) for c in order],
        "accounts": counts.to_numpy(),
        "effort": [float(e.get(strat[c], 0.0)) for c in order],
        "budget": (budget * cell_pts / pts.sum()).to_numpy(),
    })
    with np.errstate(invalid="ignore", divide="ignore"):
        out["budget_per_account"] = np.where(out["accounts"] > 0, out["budget"] / out["accounts"].clip(lower=1), 0.0)
    if "revenue" in table.columns:
        v.require_numeric(table, ["revenue"])
        rev = table["revenue"].groupby(table["cell"].to_numpy()).sum().reindex(order, fill_value=0.0)
        out["revenue_share"] = (rev / table["revenue"].sum()).to_numpy()
    return out


def cell_label(cell: str, lang: str = "en") -> str:
    """The text of a cell key such as "high/good" in ``lang`` ("High / Good")."""
    from crmlab.labels import t

    a, _, r = str(cell).partition("/")
    return t("bm_cell_label", lang, attractiveness=label(a, lang), relationship=label(r, lang))


# ----------------------------------------------------------------- teaching tables

def growth_matrix(lang: str = "en") -> pd.DataFrame:
    """The customer growth matrix (客户增长矩阵), built on Ansoff: customers x products/services."""
    rows = ["existing_customers", "new_customers"]
    cols = ["existing_products", "new_products"]
    body = [["growth_loyalty", "growth_expansion"], ["growth_acquisition", "growth_diversification"]]
    return pd.DataFrame([[label(k, lang) for k in r] for r in body],
                        index=pd.Index([label(r, lang) for r in rows], name=label("customers", lang)),
                        columns=pd.Index([label(c, lang) for c in cols], name=label("products_axis", lang)))


def lifecycle_strategies(lang: str = "en") -> pd.DataFrame:
    """Relationship strategies per life-cycle stage (attract, retain, extend, fully exploit) and partner."""
    partners = ["lc_customers", "lc_suppliers", "lc_channels", "lc_employees"]
    stages = ["attract", "retain", "extend", "exploit"]
    return pd.DataFrame([[label(f"{p}_{s}", lang) for s in stages] for p in partners],
                        index=pd.Index([label(p, lang) for p in partners], name=label("partner", lang)),
                        columns=pd.Index([label(s, lang) for s in stages], name=label("stage", lang)))


def core_customer_tactics(lang: str = "en") -> pd.DataFrame:
    """The four strategies for core customers and their tactics (one row per tactic)."""
    plan = {"entry_barriers": 5, "build_trust": 8, "joint_projects": 4, "exit_barriers": 8}
    rows = [(label(s, lang), label(f"{s}_{i}", lang)) for s, n in plan.items() for i in range(1, n + 1)]
    return pd.DataFrame(rows, columns=[label("core_strategy", lang), label("tactic", lang)])
