"""The case report's numbers: one function per section, :func:`assess` for them all.

Every figure is computed with the topic helpers (so the report and the
teaching notebooks agree). The business rules the report applies to the
numbers are named constants below, each with its meaning and source; change
them here (or pass your own ``n`` to the sentence functions), never as bare
numbers in the code.
"""

from __future__ import annotations

import pandas as pd

from crmlab import cases as _cases

# ------------------------------------------------------------ business thresholds and assumptions
CLV_DISCOUNT = 0.10
"""Annual discount rate of the report's CLV (the default of :func:`crmlab.loyalty.clv`).
Kit default, illustrative: a common textbook rate; use the company's cost of capital."""

CLV_RETENTION_CAP = 0.95
"""Highest retention the report's CLV uses. A measured retention of 100% (small samples)
would make the closed-form CLV m r / (1 + d - r) close to m / d, a value no firm can bank on.
Kit default, illustrative."""

DEFAULT_COST_PER_CONTACT = 10.0
"""Cost (CNY) of one complaint contact on a channel the case does not price
(:attr:`crmlab.cases.Case.cost_per_contact`). Kit default, illustrative."""

FCR_TARGET = 0.60
"""First-contact resolution below this share adds the measure "raise first-contact
resolution". Kit default, illustrative; set it to the contact centre's own target."""

ABANDON_LIMIT = 0.05
"""A share of abandoned calls above this adds the measure "add peak-hour agents".
Kit default, illustrative (a 5% abandonment ceiling is a common contact-centre rule of thumb)."""


# ------------------------------------------------------------ one function per section
def satisfaction_numbers(tables: dict[str, pd.DataFrame], case=None) -> dict:
    """CSI overall and of the weakest segment, the strongest driver, the weakest attribute, the IPA priorities.

    The attributes are the case's own (:attr:`crmlab.cases.Case.attributes`);
    without a case, the satisfaction topic's six.
    """
    from crmlab import satisfaction as S

    sat = tables["satisfaction"]
    attributes = _cases.get(case).attribute_names if case is not None else list(S.ATTRIBUTES)
    out: dict = {"csi": float(S.csi(sat)["csi"].iloc[0])}
    seg = S.csi(sat, by="segment")["csi"]
    out["csi_low_segment"], out["csi_low"] = str(seg.idxmin()), float(seg.min())
    imp = S.derived_importance(sat, attributes=attributes)["weight"]
    out["top_driver"] = str(imp.idxmax())
    means = sat[list(imp.index)].mean()
    out["weakest_attribute"], out["weakest_mean"] = str(means.idxmin()), float(means.min())
    table = S.ipa(means, imp)
    quadrant = pd.Series(table.attrs["quadrant_keys"], index=table.index)
    focus = means[quadrant[quadrant == "concentrate_here"].index]
    # the weakest attribute among those that drive satisfaction (IPA "concentrate here"), else the weakest overall
    out["focus_attribute"] = str(focus.idxmin()) if len(focus) else out["weakest_attribute"]
    out["focus_mean"] = float(means[out["focus_attribute"]])
    return out


def _last_year(tx: pd.DataFrame) -> tuple[float, float]:
    """(retention from the year before the last to the last, mean margin per customer of that year before)."""
    years = pd.to_datetime(tx["date"]).dt.year
    last = int(years.max())
    prev = set(tx.loc[years == last - 1, "customer_id"])
    if not prev:
        return 0.0, 0.0
    kept = prev & set(tx.loc[years == last, "customer_id"])
    margin = float(tx.loc[years == last - 1].groupby("customer_id")["margin"].sum().mean())
    return float(len(kept) / len(prev)), margin


def loyalty_numbers(tables: dict[str, pd.DataFrame], case=None) -> dict:
    """Customers, repeat-purchase rate, purchases and spend per customer, NPS, year-on-year retention."""
    from crmlab import loyalty as L

    tx, survey, cust = tables["transactions"], tables["survey"], tables["customers"]
    return {"customers": int(len(cust)),
            "repeat_rate": float(L.repeat_rate(tx)["rate"].iloc[0]),
            "purchases_mean": float(cust["purchases"].mean()),
            "spend_mean": float(cust["spend"].mean()),
            "nps": float(L.nps(survey)["nps"].iloc[0]),
            "retention": _last_year(tx)[0]}


def value_numbers(tables: dict[str, pd.DataFrame], case=None) -> dict:
    """Annual margin per customer, CLV (:data:`CLV_DISCOUNT`, :data:`CLV_RETENTION_CAP`), top-decile shares."""
    from crmlab import loyalty as L

    tx = tables["transactions"]
    retention, annual_margin = _last_year(tx)
    dec = L.purchase_deciles(tx)
    return {"annual_margin": annual_margin,
            "clv": float(L.clv(annual_margin, min(retention, CLV_RETENTION_CAP), discount=CLV_DISCOUNT)),
            "top_decile_sales_share": float(dec["sales_share"].iloc[0]),
            "top_decile_profit_share": float(dec["profit_share"].iloc[0])}


def interaction_numbers(tables: dict[str, pd.DataFrame], case) -> dict:
    """Complaint KPIs, the top category and channel, contact costs (the case's prices), the call queue."""
    from crmlab import complaints as C

    c = _cases.get(case)
    log, queue = tables["complaints"], tables["queue"]
    kpi = C.complaint_kpis(log).iloc[0]
    out: dict = {"complaints": int(len(log)),
                 "first_response_h": float(kpi["first_response_median_h"]),
                 "resolution_h": float(kpi["resolution_median_h"]),
                 "fcr": float(kpi["fcr"]),
                 "complaint_satisfaction": float(kpi["satisfaction_mean"])}
    par = C.pareto(log)
    out["top_category"], out["top_category_share"] = str(par.index[0]), float(par["share"].iloc[0])
    out["category_shares"] = {str(k): float(v) for k, v in par["share"].items()}
    ch = log["channel"].value_counts(normalize=True)
    out["top_channel"], out["top_channel_share"] = str(ch.index[0]), float(ch.iloc[0])
    cost = log["channel"].map(c.cost_per_contact).fillna(DEFAULT_COST_PER_CONTACT) * log["contacts"]
    out["category_costs"] = {str(k): float(v) for k, v in cost.groupby(log["category"]).sum().items()}
    out["contacts_per_complaint"] = float(log["contacts"].mean())
    out["cost_per_contact"] = float(cost.sum() / log["contacts"].sum())
    out["cost_per_complaint"] = float(cost.mean())
    q = C.queue_metrics(queue).iloc[0]
    out["mean_wait_s"], out["abandon_rate"], out["service_level"] = (
        float(q["mean_wait_s"]), float(q["abandon_rate"]), float(q["service_level"]))
    return out


def servqual_numbers(tables: dict[str, pd.DataFrame], case=None) -> dict:
    """SERVQUAL gap (perception - expectation) per dimension, the largest shortfall, the smallest gap."""
    from crmlab import servqual as Q

    dims = Q.servqual_gaps(tables["servqual"]).dimensions["gap"]
    return {"servqual_gaps": {str(k): float(v) for k, v in dims.items()},
            "largest_gap_dim": str(dims.idxmin()), "largest_gap": float(dims.min()),
            "smallest_gap_dim": str(dims.idxmax()), "smallest_gap": float(dims.max())}


def burnett_numbers(tables: dict[str, pd.DataFrame], case=None) -> dict:
    """Key-account strategies (Burnett portfolio); empty for a case without key accounts."""
    if "accounts" not in tables:
        return {}
    from crmlab import burnett as B

    port = B.portfolio(tables["accounts"], tables["expert_scores"])
    counts = port["strategy"].value_counts()
    return {"accounts": int(len(port)),
            "strategy_counts": {str(k): int(v) for k, v in counts.items()},
            "top_strategy": str(counts.index[0]), "top_strategy_n": int(counts.iloc[0]),
            "develop_defend_n": int(counts.get("develop_defend", 0))}


# the order of the keys in assess()'s dict (value needs the loyalty year, so it follows it)
SECTION_NUMBERS = {"satisfaction": satisfaction_numbers, "loyalty": loyalty_numbers, "value": value_numbers,
                   "interaction": interaction_numbers, "servqual": servqual_numbers, "burnett": burnett_numbers}


def synthesis(n: dict, case) -> dict:
    """What the sections say together: the priority, how many lenses agree, what is at stake, the trade-off.

    Three lenses each name a SERVQUAL dimension: satisfaction (the case's
    attribute linked to the weakest driver, :attr:`crmlab.cases.Case.links`),
    complaints (the largest category) and SERVQUAL (the largest shortfall).
    The priority is the dimension most lenses name (a tie goes to SERVQUAL,
    the only lens that compares with expectations); the strength is the
    dimension with the smallest gap. Money: customer equity = customers x CLV;
    the handling cost of the complaints linked to the priority.
    """
    c = _cases.get(case)
    lenses = {"sat": c.dimension_of(n["focus_attribute"]), "cp": c.dimension_of(n["top_category"]),
              "sq": n["largest_gap_dim"]}
    votes = pd.Series([d for d in lenses.values() if d is not None]).value_counts()
    top = votes[votes == votes.max()].index
    priority = n["largest_gap_dim"] if n["largest_gap_dim"] in top else str(sorted(top)[0])
    linked = [k for k in n["category_shares"] if c.dimension_of(k) == priority]
    gaps = pd.Series(n["servqual_gaps"]).sort_values(kind="stable")
    second = str(next(d for d in gaps.index if d != priority))
    second_cats = [k for k in n["category_shares"] if c.dimension_of(k) == second]
    return {"priority": priority, "agree": int(votes.get(priority, 0)),
            "lens_agrees": {k: v == priority for k, v in lenses.items()},
            "customer_equity": float(n["customers"] * n["clv"]),
            "linked_share": float(sum(n["category_shares"][k] for k in linked)),
            "linked_cost": float(sum(n["category_costs"].get(k, 0.0) for k in linked)),
            "second": second, "second_gap": float(gaps[second]),
            "second_category": second_cats[0] if second_cats else None,
            "second_category_share": float(n["category_shares"][second_cats[0]]) if second_cats else 0.0,
            "strength": n["smallest_gap_dim"], "strength_gap": n["smallest_gap"]}


def assess(tables: dict[str, pd.DataFrame], case) -> dict:
    """Every headline figure of the assessment, computed with the topic helpers.

    ``tables`` are :func:`crmlab.cases.generate`'s tables, ``case`` a key of
    :data:`crmlab.cases.CASES`. One flat dict (``case`` first, then each
    section's :data:`SECTION_NUMBERS`, then :func:`synthesis` under
    ``"synthesis"``); the Burnett keys only for a case with key accounts.
    """
    out: dict = {"case": _cases.get(case).key}
    for fn in SECTION_NUMBERS.values():
        out.update(fn(tables, case))
    out["synthesis"] = synthesis(out, case)
    return out


# ------------------------------------------------------------ the report's decisions on the numbers
def fcr_low(n: dict) -> bool:
    """First-contact resolution below :data:`FCR_TARGET`.

    >>> fcr_low({"fcr": 0.55}), fcr_low({"fcr": 0.60})
    (True, False)
    """
    return n["fcr"] < FCR_TARGET


def abandon_high(n: dict) -> bool:
    """Abandoned calls above :data:`ABANDON_LIMIT`.

    >>> abandon_high({"abandon_rate": 0.05}), abandon_high({"abandon_rate": 0.06})
    (False, True)
    """
    return n["abandon_rate"] > ABANDON_LIMIT


def servqual_exceeds(n: dict) -> bool:
    """The smallest SERVQUAL gap is >= 0: there perceptions meet or exceed expectations
    (the sign of the gap P - E, not a chosen threshold)."""
    return n["smallest_gap"] >= 0
