"""Topic 2 data: a complaint log, the complainers' (and others') purchases, a call queue.

Three datasets drawn from one seeded simulation of an online electronics
retailer over the calendar year 2025:

- ``complaint_log``: one row per complaint, with opened / first response /
  resolved timestamps. Cases still open at the end of the year have no
  resolution time (they are right-censored, not missing at random).
- ``complaint_customers``: customers with no problem, with a problem who
  never complained, and complainers (resolved or not), with purchases in
  the six months before and after; the complainers are the log's customers.
- ``contact_queue``: a sample of calls to the contact centre: waiting time,
  abandoned, handled.

Seasonality: order volume (and so complaints) peaks at the 618 festival in
June and at Double 11 in November; the complaint desk then builds a backlog
that stretches first-response and resolution times.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register

PERIOD_END = pd.Timestamp("2025-12-31 23:59:59")

# Orders per month, relative (618 in June, Double 11 in November).
MONTH_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.9, 4: 0.9, 5: 1.0, 6: 1.35, 7: 0.9, 8: 0.9, 9: 1.0, 10: 1.05, 11: 1.9, 12: 1.15}
# Complaints per order rise in the peak months (rushed deliveries) ...
MONTH_COMPLAINT_FACTOR = {6: 1.15, 11: 1.3}
# ... and the desk falls behind: resolution and response times stretch.
BACKLOG = {6: 1.3, 11: 1.8}
COMPLAINTS_PER_1000_ORDERS = 12.0  # in a normal month

CHANNELS = {"phone": 0.35, "web": 0.25, "email": 0.15, "store": 0.15, "social": 0.10}
CHANNEL_RESOLUTION_MEDIAN_H = {"phone": 20.0, "web": 30.0, "email": 40.0, "store": 14.0, "social": 28.0}
CHANNEL_RESPONSE_MEDIAN_H = {"phone": 0.15, "web": 6.0, "email": 9.0, "store": 0.5, "social": 2.0}
CHANNEL_FCR = {"phone": 0.60, "web": 0.40, "email": 0.35, "store": 0.55, "social": 0.30}
CATEGORIES = {"delivery": 0.30, "defect": 0.22, "billing": 0.14, "staff": 0.10, "wrong_item": 0.08,
              "installation": 0.06, "refund": 0.05, "website": 0.03, "other": 0.02}
CATEGORY_FACTOR = {"defect": 1.25, "installation": 1.4, "refund": 1.2, "website": 0.8, "staff": 0.9}
SEVERITY = {"low": 0.45, "medium": 0.40, "high": 0.15}
SEVERITY_FACTOR = {"low": 0.8, "medium": 1.0, "high": 1.5}
RESOLUTION_SIGMA = 0.8  # sd of log resolution hours
STUCK_SHARE = 0.04  # cases that get lost in the system ...
STUCK_MEDIAN_H = 700.0  # ... and take weeks
OUTCOME_P = {"low": (0.70, 0.20, 0.10), "medium": (0.62, 0.24, 0.14), "high": (0.50, 0.28, 0.22)}
SATISFACTION_P = {"full": (0.0, 0.02, 0.08, 0.40, 0.50), "partial": (0.10, 0.30, 0.35, 0.20, 0.05),
                  "none": (0.55, 0.33, 0.10, 0.02, 0.0)}
REOPEN_P = {"full": 0.04, "partial": 0.12, "none": 0.20}

# Member tier (会员等级): the confounder of the recovery comparison. Loyal, high-value customers
# (gold) complain more readily, get their cases fully resolved more often (priority desk) and buy
# more afterwards whatever happened; basic members more often stay silent. The tier is drawn
# per group (equivalent, by Bayes' rule, to letting it raise the chance of complaining and of a
# full resolution: the implied P(full | tier) is in the truth), so the complaint log is unchanged.
TIERS = ("basic", "silver", "gold")
TIER_MIX = {"no_problem": (0.50, 0.35, 0.15), "problem_no_complaint": (0.60, 0.30, 0.10),
            "complained_resolved": (0.30, 0.40, 0.30), "complained_unresolved": (0.55, 0.33, 0.12)}
TIER_LIFT = {"basic": -0.08, "silver": 0.0, "gold": 0.15}  # added to the repurchase probability
TIER_SPEND = {"basic": 0.85, "silver": 1.0, "gold": 1.4}  # multiplies the order value

# Repurchase within 6 months: P = REPURCHASE_P_BASE[group] + TIER_LIFT[tier]. Within a tier a
# full resolution adds only 1 point over no problem (the causal effect); the raw comparison
# adds the tier gap on top (selection).
REPURCHASE_P_BASE = {"no_problem": 0.70, "complained_resolved": 0.71,
                     "complained_unresolved": 0.45, "problem_no_complaint": 0.57}
PURCHASES_AFTER_LAMBDA = {"no_problem": 2.0, "complained_resolved": 2.2,
                          "complained_unresolved": 1.2, "problem_no_complaint": 1.5}


def _group_rate(group: str) -> float:
    """Expected repurchase rate of a group at its own tier mix (what a raw comparison estimates)."""
    return REPURCHASE_P_BASE[group] + sum(w * TIER_LIFT[t] for w, t in zip(TIER_MIX[group], TIERS))


REPURCHASE_P = {g: round(_group_rate(g), 6) for g in REPURCHASE_P_BASE}

# Contact centre: the wait a caller would need, and how long callers will wait.
PATIENCE_MEAN_S = 120.0
QUEUE_MEAN_WAIT_S = 25.0  # normal month, normal hour
HOUR_LOAD = {h: 1.0 for h in range(8, 22)} | {10: 1.5, 11: 1.6, 14: 1.2, 19: 1.5, 20: 1.6}
VOICEMAIL_SHARE = 0.02  # got through but ended in voicemail: neither abandoned nor handled


def _months(rng, n, extra_factor=None):
    """Draw a month for each of n events, proportional to order volume x factor."""
    months = np.arange(1, 13)
    w = np.array([MONTH_WEIGHT[m] * (extra_factor or {}).get(m, 1.0) for m in months])
    return rng.choice(months, size=n, p=w / w.sum())


def _timestamps(rng, month, hours=(8, 22)):
    """A random second in the given month, between the opening hours."""
    start = pd.to_datetime({"year": np.full(len(month), 2025), "month": month, "day": np.ones(len(month))})
    days = start.dt.days_in_month.to_numpy()
    day = np.floor(rng.random(len(month)) * days)
    sec = rng.integers(hours[0] * 3600, hours[1] * 3600, size=len(month))
    return start + pd.to_timedelta(day * 86400 + sec, unit="s")


def _simulate_log(seed: int, n: int):
    rng = np.random.default_rng(seed)
    month = _months(rng, n, MONTH_COMPLAINT_FACTOR)
    opened = _timestamps(rng, month).sort_values(ignore_index=True, kind="stable")
    month = opened.dt.month.to_numpy()
    channel = rng.choice(list(CHANNELS), size=n, p=list(CHANNELS.values()))
    category = rng.choice(list(CATEGORIES), size=n, p=list(CATEGORIES.values()))
    severity = rng.choice(list(SEVERITY), size=n, p=list(SEVERITY.values()))
    backlog = np.array([BACKLOG.get(m, 1.0) for m in month])
    res_median = (pd.Series(channel).map(CHANNEL_RESOLUTION_MEDIAN_H).to_numpy()
                  * pd.Series(category).map(CATEGORY_FACTOR).fillna(1.0).to_numpy()
                  * pd.Series(severity).map(SEVERITY_FACTOR).to_numpy() * backlog)
    latent_res = res_median * np.exp(rng.normal(0, RESOLUTION_SIGMA, n))
    stuck = rng.random(n) < STUCK_SHARE
    latent_res = np.where(stuck, STUCK_MEDIAN_H * np.exp(rng.normal(0, 0.5, n)), latent_res)
    resp_median = pd.Series(channel).map(CHANNEL_RESPONSE_MEDIAN_H).to_numpy() * backlog
    latent_resp = np.minimum(resp_median * np.exp(rng.normal(0, 1.0, n)), latent_res * 0.9)
    first_response = opened + pd.to_timedelta(np.round(latent_resp * 3600), unit="s")
    resolved = opened + pd.to_timedelta(np.round(latent_res * 3600), unit="s")
    is_open = (resolved > PERIOD_END).to_numpy()
    first_response = first_response.where(first_response <= PERIOD_END)
    resolved = resolved.where(~is_open)
    fcr = rng.random(n) < pd.Series(channel).map(CHANNEL_FCR).to_numpy()
    contacts = np.where(fcr, 1, 2 + rng.poisson(1.0, n))
    u = rng.random(n)
    p = np.array([OUTCOME_P[s] for s in severity])
    outcome = np.where(u < p[:, 0], "full", np.where(u < p[:, 0] + p[:, 1], "partial", "none"))
    sat_p = np.array([SATISFACTION_P[o] for o in outcome])
    sat = 1 + (rng.random(n)[:, None] > np.cumsum(sat_p, axis=1)).sum(axis=1)
    slow = (latent_res > 72) & (rng.random(n) < 0.3)
    sat = np.clip(sat - slow, 1, 5).astype(float)
    reopened = rng.random(n) < pd.Series(outcome).map(REOPEN_P).to_numpy()
    outcome = pd.Series(outcome).where(~is_open)
    frame = pd.DataFrame({
        "complaint_id": np.arange(1, n + 1),
        "customer_id": np.zeros(n, dtype=int),  # filled by _simulate
        "opened": opened,
        "first_response": first_response,
        "resolved": resolved,
        "channel": channel,
        "category": category,
        "severity": severity,
        "contacts": contacts,
        "outcome": outcome.astype("str").where(outcome.notna()),
        "satisfaction": np.where(is_open, np.nan, sat),
        "reopened": reopened & ~is_open,
    })
    orders = {m: int(round(MONTH_WEIGHT[m] * n / sum(MONTH_WEIGHT[k] * MONTH_COMPLAINT_FACTOR.get(k, 1.0)
                                                      for k in MONTH_WEIGHT) / COMPLAINTS_PER_1000_ORDERS * 1000))
              for m in MONTH_WEIGHT}
    latent = pd.DataFrame({"channel": channel, "hours": latent_res, "response": latent_resp})
    q = latent.groupby("channel")["hours"].quantile([0.5, 0.9]).unstack()
    truth = {
        "period_end": str(PERIOD_END),
        "orders_by_month": {f"2025-{m:02d}": v for m, v in orders.items()},
        "complaints_per_1000_orders_normal_month": COMPLAINTS_PER_1000_ORDERS,
        "month_weight": MONTH_WEIGHT, "backlog_factor": BACKLOG,
        "channel_share": CHANNELS, "category_share": CATEGORIES, "severity_share": SEVERITY,
        "channel_resolution_median_h": CHANNEL_RESOLUTION_MEDIAN_H,
        "channel_response_median_h": CHANNEL_RESPONSE_MEDIAN_H,
        "resolution_sigma": RESOLUTION_SIGMA, "stuck_share": STUCK_SHARE, "stuck_median_h": STUCK_MEDIAN_H,
        "latent_resolution_h": {"median": float(np.median(latent_res)), "p90": float(np.quantile(latent_res, 0.9))},
        "latent_resolution_h_by_channel": {c: {"median": float(q.loc[c, 0.5]), "p90": float(q.loc[c, 0.9])}
                                           for c in q.index},
        "latent_first_response_median_h": float(np.median(latent_resp)),
        "n_open_at_end": int(is_open.sum()),
        "fcr_by_channel": CHANNEL_FCR, "outcome_p_by_severity": OUTCOME_P, "reopen_p": REOPEN_P,
    }
    return frame, truth


def _simulate(seed: int, n_complaints: int, n_silent: int, n_no_problem: int):
    log, truth = _simulate_log(seed, n_complaints)
    rng = np.random.default_rng([seed, 2])
    total = n_complaints + n_silent + n_no_problem
    ids = 10001 + rng.permutation(total)
    log = log.assign(customer_id=ids[:n_complaints])
    resolved = (log["outcome"] == "full").fillna(False).to_numpy(dtype=bool)
    group = np.concatenate([
        np.where(resolved, "complained_resolved", "complained_unresolved"),
        np.full(n_silent, "problem_no_complaint"), np.full(n_no_problem, "no_problem")])
    trng = np.random.default_rng([seed, 4])  # its own stream: the other draws stay as they were
    mix = np.array([TIER_MIX[g] for g in group])
    tier = np.array(TIERS)[(trng.random(total)[:, None] > np.cumsum(mix, axis=1)).sum(axis=1).clip(0, 2)]
    p = (pd.Series(group).map(REPURCHASE_P_BASE).to_numpy() + pd.Series(tier).map(TIER_LIFT).to_numpy())
    lam = pd.Series(group).map(PURCHASES_AFTER_LAMBDA).to_numpy()
    repurchased = rng.random(total) < p
    before = 1 + rng.poisson(2.5, total)
    after = np.where(repurchased, 1 + rng.poisson(lam), 0)
    ticket = rng.gamma(4.0, 45.0, total) * pd.Series(tier).map(TIER_SPEND).to_numpy()  # mean 180 CNY (silver)
    cust = pd.DataFrame({
        "customer_id": ids,
        "tier": tier,
        "had_problem": group != "no_problem",
        "complained": np.char.startswith(group.astype(str), "complained"),
        "resolved": group == "complained_resolved",
        "purchases_before": before,
        "purchases_after": after,
        "spend_before": np.round(before * ticket * rng.lognormal(0, 0.2, total), 2),
        "spend_after": np.round(after * ticket * rng.lognormal(0, 0.2, total), 2),
        "repurchased": repurchased,
    }).sort_values("customer_id", ignore_index=True, kind="stable")
    n_group = pd.Series(group).value_counts()
    # implied P(full resolution | tier) among complainers, and P(complain | tier) among customers with
    # a problem, at this run's group sizes (Bayes' rule on TIER_MIX)
    n_res, n_unres = int(resolved.sum()), int((~resolved).sum())
    full_given_tier = {t: (n_res * TIER_MIX["complained_resolved"][i])
                       / (n_res * TIER_MIX["complained_resolved"][i] + n_unres * TIER_MIX["complained_unresolved"][i])
                       for i, t in enumerate(TIERS)}
    complain_given_tier = {t: (n_res * TIER_MIX["complained_resolved"][i] + n_unres * TIER_MIX["complained_unresolved"][i])
                           / (n_res * TIER_MIX["complained_resolved"][i] + n_unres * TIER_MIX["complained_unresolved"][i]
                              + n_silent * TIER_MIX["problem_no_complaint"][i]) for i, t in enumerate(TIERS)}
    ctruth = {
        "repurchase_p": REPURCHASE_P,
        "repurchase_p_base": REPURCHASE_P_BASE,
        "tier_lift": TIER_LIFT, "tier_mix": {g: dict(zip(TIERS, m)) for g, m in TIER_MIX.items()},
        "tier_spend_factor": TIER_SPEND,
        "recovery_effect": round(REPURCHASE_P_BASE["complained_resolved"] - REPURCHASE_P_BASE["no_problem"], 6),
        "recovery_effect_raw": round(REPURCHASE_P["complained_resolved"] - REPURCHASE_P["no_problem"], 6),
        "resolution_effect": round(REPURCHASE_P_BASE["complained_resolved"]
                                   - REPURCHASE_P_BASE["complained_unresolved"], 6),
        "full_resolution_p_given_tier": {t: round(x, 4) for t, x in full_given_tier.items()},
        "complain_p_given_tier": {t: round(x, 4) for t, x in complain_given_tier.items()},
        "complain_rate_given_problem": n_complaints / (n_complaints + n_silent),
        "group_size": {g: int(n_group.get(g, 0)) for g in REPURCHASE_P},
        "purchases_after_lambda": PURCHASES_AFTER_LAMBDA,
        "note": "resolved = outcome 'full' in complaint_log; cases still open at the end count as not resolved",
    }
    return log, truth, cust, ctruth


def make_complaint_log(seed: int = 42, n: int = 3000) -> Generated:
    """Draw a year of complaints (see the module docstring for the model)."""
    log, truth, _, _ = _simulate(seed, n, 0, 0)
    return Generated(log, truth)


def make_complaint_customers(seed: int = 42, n_complaints: int = 3000, n_silent: int = 9000,
                             n_no_problem: int = 6000) -> Generated:
    """Customers of the same simulation: complainers (the log's customers) and the others."""
    _, _, cust, ctruth = _simulate(seed, n_complaints, n_silent, n_no_problem)
    return Generated(cust, ctruth)


def make_contact_queue(seed: int = 42, n: int = 8000) -> Generated:
    """Calls to the contact centre: each caller needs to wait W and will wait at most P.

    W ~ exponential(mean 25 s x hour load x backlog of the month), P ~
    exponential(mean 120 s). If W <= P the call is answered after W seconds
    (2% of those end in voicemail, not handled); otherwise the caller hangs
    up after P seconds (abandoned).
    """
    rng = np.random.default_rng([seed, 3])
    month = _months(rng, n)
    hours = np.array(list(HOUR_LOAD))
    hw = np.array([HOUR_LOAD[h] for h in hours])
    hour = rng.choice(hours, size=n, p=hw / hw.sum())
    start = pd.to_datetime({"year": np.full(n, 2025), "month": month, "day": np.ones(n)})
    day = np.floor(rng.random(n) * start.dt.days_in_month.to_numpy())
    arrived = start + pd.to_timedelta(day * 86400 + hour * 3600 + rng.integers(0, 3600, n), unit="s")
    mean_wait = QUEUE_MEAN_WAIT_S * np.array([HOUR_LOAD[h] for h in hour]) * np.array([BACKLOG.get(m, 1.0) for m in month])
    need = rng.exponential(mean_wait)
    patience = rng.exponential(PATIENCE_MEAN_S, n)
    abandoned = need > patience
    wait = np.round(np.where(abandoned, patience, need), 1)
    handled = ~abandoned & (rng.random(n) >= VOICEMAIL_SHARE)
    frame = pd.DataFrame({"call_id": np.arange(1, n + 1), "arrived": arrived, "wait_seconds": wait,
                          "abandoned": abandoned, "handled": handled})
    frame = frame.sort_values(["arrived", "call_id"], ignore_index=True, kind="stable").assign(call_id=np.arange(1, n + 1))
    truth = {
        "patience_mean_s": PATIENCE_MEAN_S, "queue_mean_wait_s": QUEUE_MEAN_WAIT_S,
        "hour_load": HOUR_LOAD, "backlog_factor": BACKLOG, "voicemail_share": VOICEMAIL_SHARE,
        # P(abandon) for exponential W (mean m) and P (mean p): m / (m + p), averaged over calls
        "abandon_p": float(np.mean(mean_wait / (mean_wait + PATIENCE_MEAN_S))),
    }
    return Generated(frame, truth)


_LOG_COLUMNS = (
    Column("complaint_id", "int", "id", "Complaint (case) number"),
    Column("customer_id", "int", "id", "Customer who complained (links to complaint_customers)"),
    Column("opened", "datetime", "2025", "When the complaint was received"),
    Column("first_response", "datetime", "2025, empty = no response yet",
           "First reply to the customer (empty when none by the end of the year)"),
    Column("resolved", "datetime", "2025, empty = still open",
           "When the case was closed; empty for cases still open at 2025-12-31 23:59:59 (censored)"),
    Column("channel", "str", "phone / web / email / store / social", "Where the complaint came in"),
    Column("category", "str", "delivery / defect / billing / staff / wrong_item / installation / refund / website / other",
           "What the complaint is about"),
    Column("severity", "str", "low / medium / high", "Severity assigned by the complaint desk"),
    Column("contacts", "int", "contacts >= 1", "Customer contacts on the case (1 = first-contact resolution)"),
    Column("outcome", "str", "full / partial / none, empty = open", "Resolution outcome (全部/部分/未解决)"),
    Column("satisfaction", "int", "1-5, empty = open", "Satisfaction with the resolution: 1 = very dissatisfied ... 5 = very satisfied"),
    Column("reopened", "bool", "0/1", "The customer reopened the case after it was closed"),
)

register(DatasetSpec(
    name="complaint_log",
    topic="02 complaints",
    title="Complaint log of an online electronics retailer, 2025: timestamps, channel, category, severity, outcome, satisfaction",
    description=(
        "One row per complaint received in 2025. Volume follows orders (peaks at 618 in June and "
        "Double 11 in November) and the desk falls behind in those months (a backlog stretches "
        "response and resolution times). Cases still open at the end of the year have no `resolved` "
        "time, outcome or satisfaction: their resolution time is right-censored, not missing."
    ),
    truth_notes=(
        "`latent_resolution_h`: median and 90th percentile of the true resolution times of all cases, "
        "including those still open (what a censoring-aware estimate should recover); "
        "`latent_resolution_h_by_channel`: the same by channel; `orders_by_month`: orders taken each "
        "month (for complaints per 1,000 orders); `n_open_at_end`: cases still open; the other keys "
        "are the generator's parameters."
    ),
    columns=_LOG_COLUMNS,
    generator=make_complaint_log,
    default_seed=42,
    defaults={"n": 3000},
))

register(DatasetSpec(
    name="complaint_customers",
    topic="02 complaints",
    title="Customers with and without problems, complainers and silent ones: purchases six months before and after",
    description=(
        "One row per customer. Groups: no problem; had a problem but never complained; complained and "
        "the complaint was fully resolved; complained and it was not (partly or not resolved, or still "
        "open). The complainers are the customers of `complaint_log` (same seed and size). Repurchase "
        "within six months is drawn with a known probability per group and member tier. The tier "
        "confounds the comparison: gold members complain more, are fully resolved more often and buy "
        "more anyway, so a raw comparison of groups overstates the effect of a resolution; within a "
        "tier it is small (the truth records both)."
    ),
    truth_notes=(
        "`repurchase_p`: the expected repurchase rate per group at its own tier mix (what a raw "
        "comparison estimates); `repurchase_p_base` + `tier_lift`: the probability per group and tier; "
        "`recovery_effect`: the true within-tier difference complained-resolved minus no-problem (the "
        "causal effect); `recovery_effect_raw`: the expected raw difference (effect plus selection); "
        "`resolution_effect`: within-tier resolved minus not resolved; `tier_mix`: tier shares per "
        "group; `full_resolution_p_given_tier`, `complain_p_given_tier`: the implied selection; "
        "`complain_rate_given_problem`: share of customers with a problem who complained (set by the "
        "group sizes: n_complaints / (n_complaints + n_silent))."
    ),
    columns=(
        Column("customer_id", "int", "id", "Customer number"),
        Column("tier", "str", "basic / silver / gold",
               "Member tier (会员等级) at the start; gold members complain more readily, get full resolutions more "
               "often and spend more (the confounder of the recovery comparison)"),
        Column("had_problem", "bool", "0/1", "Had a problem with a purchase"),
        Column("complained", "bool", "0/1", "Complained about it (appears in complaint_log)"),
        Column("resolved", "bool", "0/1", "The complaint was fully resolved (outcome 'full'); 0 for non-complainers"),
        Column("purchases_before", "int", "orders", "Orders in the six months before the problem"),
        Column("purchases_after", "int", "orders", "Orders in the six months after"),
        Column("spend_before", "float", "CNY", "Spend in the six months before"),
        Column("spend_after", "float", "CNY", "Spend in the six months after"),
        Column("repurchased", "bool", "0/1", "Bought again within six months (purchases_after > 0)"),
    ),
    generator=make_complaint_customers,
    default_seed=42,
    defaults={"n_complaints": 3000, "n_silent": 9000, "n_no_problem": 6000},
))

register(DatasetSpec(
    name="contact_queue",
    topic="02 complaints",
    title="Contact-centre call sample, 2025: waiting time, abandoned, handled",
    description=(
        "One row per call to the complaint hotline. A caller waits until an agent answers or gives up "
        "(abandoned). Waits are longer at the busy hours and in the backlog months (June, November)."
    ),
    truth_notes=(
        "`patience_mean_s`: mean time callers are willing to wait; `queue_mean_wait_s`: mean wait needed "
        "in a normal hour and month; `abandon_p`: the true expected abandonment rate of this sample."
    ),
    columns=(
        Column("call_id", "int", "id", "Call number (in order of arrival)"),
        Column("arrived", "datetime", "2025", "When the call reached the queue"),
        Column("wait_seconds", "float", "seconds", "Time in the queue until answered or until the caller hung up"),
        Column("abandoned", "bool", "0/1", "The caller hung up before an agent answered"),
        Column("handled", "bool", "0/1", "An agent handled the call (0 for abandoned calls and voicemail)"),
    ),
    generator=make_contact_queue,
    default_seed=42,
    defaults={"n": 8000},
))
