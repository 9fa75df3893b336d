"""Topic 5 data: a SERVQUAL survey of a retail bank's branches, in two waves,
and a survey of the branch managers (gap 1), both drawn from a known model.

The model (all on the latent 1-7 scale, before rounding and clipping):

- expectation E_ij = E_MEAN[j] + halo_i + f_i,dim(j) + noise, the same for
  every branch and wave;
- perception P_ij = P_MEAN[j] + BRANCH_SHIFT[b] + WAVE_EFFECT[dim(j)]
  (after-wave only) + halo_i + f_i,dim(j) + noise;
- a manager's estimate of customers' expectation M_mj = E_MEAN[j] +
  MANAGER_BIAS[dim(j)] + MANAGER_BRANCH_BIAS[b] + halo_m + noise.

Answers are rint(latent) clipped to 1..7. Because each latent score is
normal, the expected *observed* answer is known exactly
(sum_k k * P(round(X) = k)); the truth records these expected values, so
true gaps are what an infinitely large sample would show.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import norm

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register
from crmlab.labels import ZhNames
from crmlab.servqual.core import DIMENSION_ITEMS, DIMENSIONS, DIMENSIONS_ZH, ITEM_DIMENSION, N_ITEMS

BRANCHES = {"central": 0.30, "riverside": 0.25, "airport": 0.20, "campus": 0.25}
BRANCHES_ZH = ZhNames(BRANCHES, "sq_")
WAVES = ("before", "after")

# The true model --------------------------------------------------------------
_E_DIM = {"tangibles": 5.3, "reliability": 6.4, "responsiveness": 6.0, "assurance": 6.1, "empathy": 5.6}
_P_DIM = {"tangibles": 5.4, "reliability": 5.25, "responsiveness": 4.75, "assurance": 5.45, "empathy": 4.85}
# small item-specific offsets (same pattern for E and P would cancel; these differ)
_E_OFFSET = [0.1, -0.2, 0.0, 0.1, 0.2, -0.1, 0.1, 0.0, -0.2, 0.1, 0.2, -0.1, -0.2, 0.0, 0.2, -0.1, -0.1,
             0.1, -0.3, 0.0, 0.1, 0.1]
_P_OFFSET = [0.3, 0.1, 0.2, -0.3, -0.1, 0.1, -0.2, -0.3, 0.2, -0.3, -0.2, 0.3, 0.0, 0.1, 0.3, 0.2, -0.2,
             -0.1, -0.4, 0.2, 0.0, -0.1]
E_MEAN = [_E_DIM[ITEM_DIMENSION[j]] + _E_OFFSET[j - 1] for j in range(1, N_ITEMS + 1)]
P_MEAN = [_P_DIM[ITEM_DIMENSION[j]] + _P_OFFSET[j - 1] for j in range(1, N_ITEMS + 1)]
BRANCH_SHIFT = {"central": 0.15, "riverside": 0.0, "airport": -0.35, "campus": 0.05}
# The improvement programme between the waves worked on responsiveness and reliability.
WAVE_EFFECT = {"tangibles": 0.0, "reliability": 0.3, "responsiveness": 0.6, "assurance": 0.0, "empathy": 0.0}
IMPORTANCE_SHARE = {"tangibles": 0.11, "reliability": 0.32, "responsiveness": 0.22, "assurance": 0.19,
                    "empathy": 0.16}
IMPORTANCE_CONCENTRATION = 40.0
# standard deviations of the latent components
SD_E = {"halo": 0.45, "dim": 0.35, "noise": 0.55}
SD_P = {"halo": 0.55, "dim": 0.50, "noise": 0.65}
MISSING_RATE = 0.004
OVERALL_INTERCEPT, OVERALL_SLOPE, OVERALL_NOISE = 5.3, 0.8, 0.6
# Management survey: managers underestimate what customers expect of
# responsiveness and empathy (gap 1), airport managers more so.
MANAGER_BIAS = {"tangibles": 0.3, "reliability": -0.2, "responsiveness": -0.9, "assurance": 0.0, "empathy": -0.6}
MANAGER_BRANCH_BIAS = {"central": 0.0, "riverside": 0.1, "airport": -0.3, "campus": 0.0}
SD_M = {"halo": 0.4, "noise": 0.5}
# Zone of tolerance (PZB 1994): each customer also gives a desired level D (what the
# service should be; close to their expectation E of an excellent bank) and an
# adequate level A (the least they will accept). The zone's width D - A is narrowest
# for reliability, the dimension customers care most about (as PZB 1994 report).
SD_DESIRED_EXTRA = 0.35  # latent D = latent E + Normal(0, 0.35)
TOLERANCE_WIDTH = {"tangibles": 1.9, "reliability": 1.1, "responsiveness": 1.4, "assurance": 1.5, "empathy": 1.7}
SD_ADEQUATE_EXTRA = 0.5  # latent A = latent D - width + Normal(0, 0.5)


def expected_answer(mu, sd, low: int = 1, high: int = 7):
    """E[clip(rint(X), low, high)] for X ~ Normal(mu, sd), elementwise."""
    mu = np.asarray(mu, dtype=float)
    ks = np.arange(low, high)  # cut points k + 0.5 for k = low..high-1
    cdf = norm.cdf((ks[:, None] + 0.5 - mu.ravel()[None, :]) / sd)  # P(Y <= k)
    # E[Y] = high - sum_{k=low}^{high-1} P(Y <= k)
    return (high - cdf.sum(axis=0)).reshape(mu.shape)


def _total_sd(parts: dict) -> float:
    return float(np.sqrt(sum(s**2 for s in parts.values())))


def _answers(latent: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(latent), 1, 7)


def _points(rng, n: int) -> np.ndarray:
    """Importance points over the five dimensions: whole numbers summing to 100 per respondent."""
    alpha = np.array([IMPORTANCE_SHARE[d] for d in DIMENSIONS]) * IMPORTANCE_CONCENTRATION
    raw = rng.dirichlet(alpha, size=n) * 100
    base = np.floor(raw)
    short = (100 - base.sum(axis=1)).astype(int)
    order = np.argsort(-(raw - base), axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(len(DIMENSIONS))[None, :].repeat(n, axis=0), axis=1)
    return (base + (rank < short[:, None])).astype(int)


def _dim_means(item_values: np.ndarray) -> dict:
    """Mean over each dimension's items of a length-22 vector (or rows x 22)."""
    return {d: item_values[..., [j - 1 for j in items]].mean(axis=-1) for d, items in DIMENSION_ITEMS.items()}


def true_values() -> dict:
    """Expected observed answers per branch and wave, and the gaps they imply."""
    e_mu = np.array(E_MEAN)
    sd_e, sd_p = _total_sd(SD_E), _total_sd(SD_P)
    e_exp = expected_answer(e_mu, sd_e)
    shares = np.array(list(BRANCHES.values()))
    out = {"E_item": e_exp}
    p_exp = {}
    for w in WAVES:
        rows = []
        for b in BRANCHES:
            eff = np.array([WAVE_EFFECT[ITEM_DIMENSION[j]] if w == "after" else 0.0 for j in range(1, N_ITEMS + 1)])
            rows.append(expected_answer(np.array(P_MEAN) + BRANCH_SHIFT[b] + eff, sd_p))
        p_exp[w] = np.array(rows)  # branches x items
    out["P_item"] = p_exp
    # gaps
    item_gap = {w: shares @ p_exp[w] - e_exp for w in WAVES}
    branch_item_gap = {w: {b: p_exp[w][k] - e_exp for k, b in enumerate(BRANCHES)} for w in WAVES}
    out["item_gap"] = item_gap
    out["dimension_gap"] = {w: _dim_means(item_gap[w]) for w in WAVES}
    out["branch_dimension_gap"] = {w: {b: _dim_means(g) for b, g in branch_item_gap[w].items()} for w in WAVES}
    # gap 1: managers' mean estimate minus customers' mean expectation
    sd_m = _total_sd(SD_M)
    m_bias = np.array([MANAGER_BIAS[ITEM_DIMENSION[j]] for j in range(1, N_ITEMS + 1)])
    out["gap1_item"] = {b: expected_answer(e_mu + m_bias + MANAGER_BRANCH_BIAS[b], sd_m) - e_exp for b in BRANCHES}
    # zone of tolerance: expected observed desired and adequate answers, MSA = P - A, MSS = P - D
    sd_d = float(np.sqrt(sd_e**2 + SD_DESIRED_EXTRA**2))
    sd_a = float(np.sqrt(sd_d**2 + SD_ADEQUATE_EXTRA**2))
    width = np.array([TOLERANCE_WIDTH[ITEM_DIMENSION[j]] for j in range(1, N_ITEMS + 1)])
    d_exp, a_exp = expected_answer(e_mu, sd_d), expected_answer(e_mu - width, sd_a)
    out["D_item"], out["A_item"] = d_exp, a_exp
    p_all = {w: shares @ p_exp[w] for w in WAVES}
    out["msa_dimension"] = {w: _dim_means(p_all[w] - a_exp) for w in WAVES}
    out["mss_dimension"] = {w: _dim_means(p_all[w] - d_exp) for w in WAVES}
    return out


def make_survey(seed: int = 42, n: int = 2400) -> Generated:
    """Draw the two-wave SERVQUAL survey from the kit's known model.

    Half the respondents answer before the improvement programme
    (``wave = "before"``), half after (independent samples). Each answers
    E1..E22 and P1..P22 (1-7), splits 100 importance points over the five
    dimensions, and rates overall service quality (1-7), drawn as
    rint(5.3 + 0.8 * their importance-weighted SERVQUAL score + noise).
    About 0.4% of the E/P answers are left blank (missing completely at random).
    For the zone of tolerance (PZB 1994) each also gives a desired level
    D1..D22 and an adequate (minimum) level A1..A22 per item, drawn after
    the other columns so those stay the same for a seed.
    """
    rng = np.random.default_rng(seed)
    branch = rng.choice(list(BRANCHES), size=n, p=list(BRANCHES.values()))
    wave = np.where(np.arange(n) < n // 2, "before", "after")
    dims = list(DIMENSIONS)
    dim_idx = np.array([dims.index(ITEM_DIMENSION[j]) for j in range(1, N_ITEMS + 1)])
    e_lat = (np.array(E_MEAN)[None, :] + rng.normal(0, SD_E["halo"], (n, 1))
             + rng.normal(0, SD_E["dim"], (n, len(dims)))[:, dim_idx] + rng.normal(0, SD_E["noise"], (n, N_ITEMS)))
    shift = np.array([BRANCH_SHIFT[b] for b in branch])[:, None]
    effect = np.array([WAVE_EFFECT[d] for d in dims])[dim_idx][None, :] * (wave == "after")[:, None]
    p_lat = (np.array(P_MEAN)[None, :] + shift + effect + rng.normal(0, SD_P["halo"], (n, 1))
             + rng.normal(0, SD_P["dim"], (n, len(dims)))[:, dim_idx] + rng.normal(0, SD_P["noise"], (n, N_ITEMS)))
    e, p = _answers(e_lat), _answers(p_lat)
    points = _points(rng, n)
    gap_dim = np.column_stack([(p - e)[:, [j - 1 for j in DIMENSION_ITEMS[d]]].mean(axis=1) for d in dims])
    weighted = (gap_dim * points / 100).sum(axis=1)
    overall = _answers(OVERALL_INTERCEPT + OVERALL_SLOPE * weighted + rng.normal(0, OVERALL_NOISE, n)).astype(int)
    e[rng.random(e.shape) < MISSING_RATE] = np.nan
    p[rng.random(p.shape) < MISSING_RATE] = np.nan
    # drawn after everything above, so the E, P, points and overall columns stay as they were
    width = np.array([TOLERANCE_WIDTH[d] for d in dims])[dim_idx][None, :]
    d_lat = e_lat + rng.normal(0, SD_DESIRED_EXTRA, (n, N_ITEMS))
    a_lat = d_lat - width + rng.normal(0, SD_ADEQUATE_EXTRA, (n, N_ITEMS))
    desired, adequate = _answers(d_lat), _answers(a_lat)
    desired[rng.random(desired.shape) < MISSING_RATE] = np.nan
    adequate[rng.random(adequate.shape) < MISSING_RATE] = np.nan
    frame = pd.DataFrame({"respondent_id": np.arange(1, n + 1), "branch": branch, "wave": wave})
    frame = pd.concat([
        frame,
        pd.DataFrame(e, columns=[f"E{j}" for j in range(1, N_ITEMS + 1)]),
        pd.DataFrame(p, columns=[f"P{j}" for j in range(1, N_ITEMS + 1)]),
        pd.DataFrame(points, columns=[f"imp_{d}" for d in dims]),
        pd.DataFrame({"overall_quality": overall}),
        pd.DataFrame(desired, columns=[f"D{j}" for j in range(1, N_ITEMS + 1)]),
        pd.DataFrame(adequate, columns=[f"A{j}" for j in range(1, N_ITEMS + 1)]),
    ], axis=1)
    tv = true_values()
    truth = {
        "item_gap": {w: {j: tv["item_gap"][w][j - 1] for j in range(1, N_ITEMS + 1)} for w in WAVES},
        "dimension_gap": tv["dimension_gap"],
        "branch_dimension_gap": tv["branch_dimension_gap"],
        "wave_effect": {d: tv["dimension_gap"]["after"][d] - tv["dimension_gap"]["before"][d] for d in dims},
        "overall_gap": {w: float(np.mean(list(tv["dimension_gap"][w].values()))) for w in WAVES},
        "weighted_gap": {w: float(sum(IMPORTANCE_SHARE[d] * tv["dimension_gap"][w][d] for d in dims))
                         for w in WAVES},
        "expectation_item": {j: tv["E_item"][j - 1] for j in range(1, N_ITEMS + 1)},
        "importance_share": dict(IMPORTANCE_SHARE),
        "latent_wave_effect": dict(WAVE_EFFECT),
        "branch_shift": dict(BRANCH_SHIFT),
        "branch_share": dict(BRANCHES),
        "overall_model": {"intercept": OVERALL_INTERCEPT, "slope": OVERALL_SLOPE, "noise_sd": OVERALL_NOISE},
        "missing_rate": MISSING_RATE,
        "desired_item": {j: tv["D_item"][j - 1] for j in range(1, N_ITEMS + 1)},
        "adequate_item": {j: tv["A_item"][j - 1] for j in range(1, N_ITEMS + 1)},
        "msa_dimension": tv["msa_dimension"],
        "mss_dimension": tv["mss_dimension"],
        "tolerance_width_latent": dict(TOLERANCE_WIDTH),
        "driver_slope": {d: OVERALL_SLOPE * IMPORTANCE_SHARE[d] for d in dims},
    }
    return Generated(frame, truth)


def make_management(seed: int = 42, n_per_branch: int = 8) -> Generated:
    """Draw the management survey: each manager's estimate (1-7) of what customers expect per item.

    Managers of a branch share a bias per dimension (``MANAGER_BIAS`` plus
    ``MANAGER_BRANCH_BIAS``); gap 1 = managers' mean estimate minus
    customers' mean expectation.
    """
    rng = np.random.default_rng(seed)
    branch = np.repeat(list(BRANCHES), n_per_branch)
    n = len(branch)
    bias = np.array([MANAGER_BIAS[ITEM_DIMENSION[j]] for j in range(1, N_ITEMS + 1)])[None, :]
    b_bias = np.array([MANAGER_BRANCH_BIAS[b] for b in branch])[:, None]
    lat = (np.array(E_MEAN)[None, :] + bias + b_bias + rng.normal(0, SD_M["halo"], (n, 1))
           + rng.normal(0, SD_M["noise"], (n, N_ITEMS)))
    m = _answers(lat).astype(int)
    role = np.tile(["branch manager"] + ["team leader"] * (n_per_branch - 1), len(BRANCHES))
    frame = pd.concat([
        pd.DataFrame({"manager_id": np.arange(1, n + 1), "branch": branch, "role": role}),
        pd.DataFrame(m, columns=[f"M{j}" for j in range(1, N_ITEMS + 1)]),
    ], axis=1)
    tv = true_values()
    g1 = {b: _dim_means(tv["gap1_item"][b]) for b in BRANCHES}
    truth = {
        "gap1_item": {b: {j: tv["gap1_item"][b][j - 1] for j in range(1, N_ITEMS + 1)} for b in BRANCHES},
        "gap1_dimension": g1,
        "manager_bias": dict(MANAGER_BIAS),
        "manager_branch_bias": dict(MANAGER_BRANCH_BIAS),
    }
    return Generated(frame, truth)


register(DatasetSpec(
    name="servqual_survey",
    topic="05 servqual",
    title="SERVQUAL survey of a retail bank's four branches, before and after an improvement programme",
    description=(
        "One row per customer. E1..E22: what an excellent bank should offer (expectation, 期望); "
        "P1..P22: what this branch offers (perception, 感知), both on 1 = strongly disagree ... "
        "7 = strongly agree; the 22 items fall in five dimensions (tangibles 有形性 1-4, reliability "
        "可靠性 5-9, responsiveness 响应性 10-13, assurance 保证性 14-17, empathy 移情性 18-22; "
        "wordings in `crmlab.servqual.instrument()`). Each customer also splits 100 importance points "
        "over the five dimensions and rates overall service quality. Half the sample answered before an "
        "improvement programme aimed at responsiveness and reliability, half after. D1..D22 and A1..A22: the "
        "desired and the adequate (minimum) service level per item, the two ends of the zone of tolerance "
        "(容忍区间, PZB 1994). A few answers are blank."
    ),
    truth_notes=(
        "`item_gap`, `dimension_gap` (per wave), `branch_dimension_gap`: the expected P - E of the "
        "observed 1-7 answers; `wave_effect`: after minus before per dimension; `overall_gap` and "
        "`weighted_gap`: unweighted and importance-weighted SERVQUAL score; `importance_share`: the "
        "mean importance points / 100; `overall_model`: how overall quality was drawn; `desired_item`, "
        "`adequate_item`: expected desired and adequate answers; `msa_dimension`, `mss_dimension`: expected "
        "P - A and P - D per wave; `driver_slope`: the true effect of each dimension gap on overall quality "
        "(slope x importance share)."
    ),
    columns=(
        Column("respondent_id", "int", "id", "Respondent number"),
        Column("branch", "str", "central / riverside / airport / campus", "Branch the customer uses"),
        Column("wave", "str", "before / after", "Survey wave: before or after the improvement programme"),
        *(Column(f"E{j}", "float", "1-7, blank = not answered",
                 f"Expectation, item {j} ({ITEM_DIMENSION[j]}, {DIMENSIONS_ZH[ITEM_DIMENSION[j]]})")
          for j in range(1, N_ITEMS + 1)),
        *(Column(f"P{j}", "float", "1-7, blank = not answered",
                 f"Perception, item {j} ({ITEM_DIMENSION[j]}, {DIMENSIONS_ZH[ITEM_DIMENSION[j]]})")
          for j in range(1, N_ITEMS + 1)),
        *(Column(f"imp_{d}", "int", "0-100 points, the five sum to 100",
                 f"Importance points given to {d} ({DIMENSIONS_ZH[d]})") for d in DIMENSIONS),
        Column("overall_quality", "int", "1-7", "Overall service quality: 1 = very poor ... 7 = excellent"),
        *(Column(f"D{j}", "float", "1-7, blank = not answered",
                 f"Desired service level, item {j} ({ITEM_DIMENSION[j]}): the level the customer wants")
          for j in range(1, N_ITEMS + 1)),
        *(Column(f"A{j}", "float", "1-7, blank = not answered",
                 f"Adequate (minimum) service level, item {j} ({ITEM_DIMENSION[j]}): the least the customer accepts")
          for j in range(1, N_ITEMS + 1)),
    ),
    generator=make_survey,
    default_seed=42,
    defaults={"n": 2400},
))

register(DatasetSpec(
    name="servqual_management",
    topic="05 servqual",
    title="Management survey: branch managers' estimates of what customers expect (for gap 1)",
    description=(
        "One row per manager (a branch manager and team leaders per branch). M1..M22: the manager's "
        "estimate of how customers would answer expectation item E1..E22 (1-7). Compared with the "
        "customers' own expectations it measures gap 1, the knowledge (listening) gap (认知差距)."
    ),
    truth_notes=(
        "`gap1_item` and `gap1_dimension` per branch: expected manager estimate minus expected customer "
        "expectation (negative = managers underestimate); `manager_bias`: the latent bias per dimension."
    ),
    columns=(
        Column("manager_id", "int", "id", "Manager number"),
        Column("branch", "str", "central / riverside / airport / campus", "Branch the manager runs"),
        Column("role", "str", "branch manager / team leader", "Role"),
        *(Column(f"M{j}", "int", "1-7", f"Estimated customer expectation, item {j} ({ITEM_DIMENSION[j]})")
          for j in range(1, N_ITEMS + 1)),
    ),
    generator=make_management,
    default_seed=42,
    defaults={"n_per_branch": 8},
))
