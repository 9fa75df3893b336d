"""Customer perceived value (客户感知价值, CPV) and the customer value map.

**Perceived value** is what a customer gets against what it costs them to
get it. The kit uses the **difference form** of the course reading:

    CPV = perceived benefits (感知利得) - perceived costs (感知利失)

with perceived benefits = the weighted mean of the benefit items (product,
service, staff, image: Kotler's total customer value) and perceived costs
= the weighted mean of the cost items (price, time, effort: Kotler's total
customer cost), all on one rating scale; CPV > 0 means the benefits
outweigh the costs. The **ratio form** benefits / costs (Zeithaml 1988's
"get" against "give"; 1 = break-even) is available with
``form="ratio"``. The two forms rank customers alike only when costs are
similar; say which one a number is.

**Customer value map** (Gale 1994, *Managing Customer Value*): each firm's
perceived quality and perceived price **relative to its competitors**
(relative quality = the firm's quality score / the mean score of the other
firms; relative price likewise). The **fair-value line** passes through
(1, 1): a firm on it charges what its quality is worth. The kit draws it
with slope 1 (x% better quality justifies x% higher price); Gale derives
the slope from how much customers in the market weigh quality against
price, so pass ``slope=`` for another market. A firm below the line (a
lower relative price than its relative quality justifies) offers **better
value**, one above it **worse value**:

    value gap = (1 + slope * (relative quality - 1)) - relative price
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab import stats
from crmlab import validate as _v
from crmlab.errors import CRMDataError

__all__ = ["BENEFITS", "COSTS", "PRICE", "FIRM", "VALUE_POSITIONS", "CPV_FORMS", "perceived_value",
           "cpv_by_group", "value_map", "value_map_from_scores"]

BENEFITS = ("product_quality", "service_quality", "staff", "image")
COSTS = ("price", "time_cost", "effort_cost")
PRICE = "price"
FIRM = "firm"
VALUE_POSITIONS = ("better_value", "fair_value", "worse_value")
CPV_FORMS = ("difference", "ratio")


def _columns(value, name: str) -> list[str]:
    cols = [value] if isinstance(value, str) else value
    if isinstance(cols, (pd.DataFrame, pd.Series, dict)) or not hasattr(cols, "__iter__"):
        raise CRMDataError(f"{name}={value!r} must be a list of column names. Fix: e.g. {name}=['price'].")
    cols = list(cols)
    if not cols:
        raise CRMDataError(f"{name} is empty. Fix: name at least one item column.")
    return cols


def _weighted(survey: pd.DataFrame, cols: list[str], weights, what: str) -> pd.Series:
    """Weighted mean of the item columns per row (equal weights when ``weights`` is None)."""
    if weights is None:
        w = pd.Series(1.0 / len(cols), index=cols)
    else:
        w = _v.require_weights(weights, cols, normalize=True, what=what)
    x = survey[cols].to_numpy(dtype="float64")
    return pd.Series(x @ w.to_numpy(), index=survey.index)


def _checked(survey, benefits, costs, scale):
    _v.require_frame(survey, "survey")
    benefits, costs = _columns(benefits, "benefits"), _columns(costs, "costs")
    both = sorted(set(benefits) & set(costs))
    if both:
        raise CRMDataError(f"item(s) {', '.join(map(repr, both))} are both a benefit and a cost. "
                           "Fix: list each item once, in benefits= or in costs=.")
    low, high = _v.require_scale(scale)
    _v.require_in_scale(survey, benefits + costs, low, high)
    return benefits, costs, low, high


def perceived_value(survey: pd.DataFrame, benefits=BENEFITS, costs=COSTS, benefit_weights=None,
                    cost_weights=None, form: str = "difference", scale=(1, 7)) -> pd.DataFrame:
    """Each respondent's perceived benefits, perceived costs and perceived value (CPV).

    perceived_benefits = sum_i w_i x_i over the benefit items, perceived_costs
    likewise over the cost items (weights normalised to sum 1; equal weights
    by default); cpv = benefits - costs (``form="difference"``, the course
    reading's 感知利得 - 感知利失) or benefits / costs (``form="ratio"``).
    Same index as ``survey``, which is not changed.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, the item ratings as columns.
    benefits, costs : list of str
        The benefit items (higher = better) and the cost items (higher = costlier).
    benefit_weights, cost_weights : dict, optional
        Importance weight per item (normalised to sum 1); default equal.
    form : str, default "difference"
        "difference" (benefits - costs) or "ratio" (benefits / costs).
    scale : (low, high), default (1, 7)
        The rating scale of every item.

    >>> s = pd.DataFrame({"quality": [6, 4], "service": [5, 4], "price": [3, 6]})
    >>> perceived_value(s, benefits=["quality", "service"], costs=["price"])
       perceived_benefits  perceived_costs  cpv
    0                 5.5              3.0  2.5
    1                 4.0              6.0 -2.0
    """
    benefits, costs, _, _ = _checked(survey, benefits, costs, scale)
    form = _v.require_choice(form, CPV_FORMS, "form")
    b = _weighted(survey, benefits, benefit_weights, "benefit_weights")
    c = _weighted(survey, costs, cost_weights, "cost_weights")
    cpv = b - c if form == "difference" else b / c
    return pd.DataFrame({"perceived_benefits": b, "perceived_costs": c, "cpv": cpv}, index=survey.index)


def cpv_by_group(survey: pd.DataFrame, by: str = FIRM, benefits=BENEFITS, costs=COSTS, benefit_weights=None,
                 cost_weights=None, form: str = "difference", scale=(1, 7), confidence: float = 0.95) -> pd.DataFrame:
    """Mean perceived benefits, costs and CPV per group, with a t interval of the mean CPV.

    The group's CPV is the mean of its respondents' CPV (in the ratio form
    too); ``ci_low``/``ci_high`` come from :func:`crmlab.stats.mean_ci`.
    Groups are sorted by CPV (highest first), ties by name. To compare two
    groups, use the interval of their difference (:func:`crmlab.stats.diff_ci`
    with ``sd1=``/``sd2=``), not whether these intervals overlap.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent.
    by : str, default "firm"
        The group column (every row needs a label).
    benefits, costs : list of str
        Benefit and cost items.
    benefit_weights, cost_weights : dict, optional
        Item weights (default equal).
    form : str, default "difference"
        "difference" or "ratio".
    scale : (low, high), default (1, 7)
        The rating scale.
    confidence : float, default 0.95
        Level of the interval.

    >>> s = pd.DataFrame({"firm": ["a", "a", "b", "b"], "q": [6, 5, 4, 4], "price": [3, 3, 4, 5]})
    >>> cpv_by_group(s, benefits=["q"], costs=["price"])[["n", "perceived_benefits", "perceived_costs", "cpv"]]
          n  perceived_benefits  perceived_costs  cpv
    firm
    a     2                 5.5              3.0  2.5
    b     2                 4.0              4.5 -0.5
    """
    confidence = _v.require_confidence(confidence)
    _v.require_frame(survey, "survey")
    _v.require_group_labels(survey, by)
    pv = perceived_value(survey, benefits, costs, benefit_weights, cost_weights, form, scale)
    ci = stats.mean_ci(pv["cpv"], by=survey[by], confidence=confidence)
    means = pv.groupby(survey[by], sort=True).mean()
    out = pd.DataFrame({"n": ci["n"], "perceived_benefits": means["perceived_benefits"],
                        "perceived_costs": means["perceived_costs"], "cpv": means["cpv"], "sd": ci["sd"],
                        "ci_low": ci["ci_low"], "ci_high": ci["ci_high"]})
    out.index.name = by
    order = np.lexsort((np.arange(len(out)), -out["cpv"].to_numpy()))
    return out.iloc[order]


def value_map_from_scores(quality: pd.Series, price: pd.Series, slope: float = 1.0, band: float = 0.02) -> pd.DataFrame:
    """The customer value map from each firm's quality score and price score (one value per firm).

    relative_quality = quality / mean quality of the other firms;
    relative_price likewise; fair_price = 1 + slope (relative_quality - 1);
    value_gap = fair_price - relative_price; position "better_value" if the
    gap > ``band``, "worse_value" if < -``band``, else "fair_value" (Gale 1994).
    Sorted by value gap (best value first), ties by firm.

    >>> m = value_map_from_scores(pd.Series({"a": 6.0, "b": 4.0}), pd.Series({"a": 5.0, "b": 5.0}))
    >>> m[["relative_quality", "relative_price", "value_gap", "position"]].round(3)
          relative_quality  relative_price  value_gap     position
    firm
    a                1.500             1.0      0.500  better_value
    b                0.667             1.0     -0.333   worse_value
    """
    for name, s in (("quality", quality), ("price", price)):
        if not isinstance(s, pd.Series):
            raise CRMDataError(f"{name} must be a Series of scores indexed by firm, got {type(s).__name__}. "
                               f"Fix: e.g. {name}=pd.Series({{'us': 5.2, 'rival': 4.8}}).")
        _v.require_numeric(s.to_frame(name), [name])
        bad = s[~(s > 0) | ~np.isfinite(s.astype("float64"))]
        if len(bad):
            raise CRMDataError(f"{name} scores must be positive numbers (they are divided), found "
                               f"{_v.show_values(bad)}. Fix: use scores on a scale that starts above 0, e.g. 1-7.")
    if set(quality.index) != set(price.index) or quality.index.has_duplicates or price.index.has_duplicates:
        raise CRMDataError(f"quality and price must name the same firms once each: {sorted(map(str, quality.index))} "
                           f"vs {sorted(map(str, price.index))}. Fix: give one score of each per firm.")
    if len(quality) < 2:
        raise CRMDataError(f"a value map needs at least two firms (a firm is compared with its rivals); got "
                           f"{len(quality)}. Fix: include the competitors' ratings.")
    if isinstance(slope, str) or isinstance(slope, (bool, np.bool_)):
        raise CRMDataError(f"slope={slope!r} must be a number (the price premium per unit of relative quality). "
                           "Fix: e.g. slope=1.0.")
    slope = _v.require_positive(slope, "slope")
    band = _v.require_positive(band, "band", allow_zero=True)
    q = quality.astype("float64")
    p = price.astype("float64").reindex(q.index)
    k = len(q)
    rq = q / ((q.sum() - q) / (k - 1))
    rp = p / ((p.sum() - p) / (k - 1))
    fair = 1 + slope * (rq - 1)
    gap = fair - rp
    position = np.where(gap > band, "better_value", np.where(gap < -band, "worse_value", "fair_value"))
    out = pd.DataFrame({"quality": q, "price": p, "relative_quality": rq, "relative_price": rp,
                        "fair_price": fair, "value_gap": gap, "position": pd.array(position, dtype="str")})
    out.index.name = FIRM
    order = np.lexsort((np.arange(k), -gap.round(12).to_numpy()))
    return out.iloc[order]


def value_map(survey: pd.DataFrame, firm: str = FIRM, quality=BENEFITS, price: str = PRICE, weights=None,
              slope: float = 1.0, band: float = 0.02, scale=(1, 7)) -> pd.DataFrame:
    """The customer value map of the firms rated in ``survey`` (Gale 1994).

    A firm's quality score is the mean over its respondents of the weighted
    mean of the ``quality`` items; its price score the mean of ``price``
    (perceived price: higher = more expensive). Then
    :func:`value_map_from_scores`. Also returns ``n`` (respondents per firm).

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, who rates the firm in column ``firm``.
    firm : str, default "firm"
        The firm column (every row needs a label).
    quality : list of str
        The quality (benefit) items.
    price : str, default "price"
        The perceived-price item.
    weights : dict, optional
        Weights of the quality items (default equal).
    slope : float, default 1
        Slope of the fair-value line through (1, 1).
    band : float, default 0.02
        Gaps within +-band count as fair value.
    scale : (low, high), default (1, 7)
        The rating scale.

    >>> s = pd.DataFrame({"firm": ["a", "a", "b", "b"], "q": [6, 6, 4, 4], "price": [5, 5, 5, 5]})
    >>> value_map(s, quality=["q"])[["n", "relative_quality", "relative_price", "position"]].round(3)
          n  relative_quality  relative_price      position
    firm
    a     2             1.500             1.0  better_value
    b     2             0.667             1.0   worse_value
    """
    _v.require_frame(survey, "survey")
    _v.require_group_labels(survey, firm)
    if not isinstance(price, str):
        raise CRMDataError(f"price={price!r} must be one column name (the perceived-price item). Fix: e.g. price='price'.")
    quality = _columns(quality, "quality")
    if price in quality:
        raise CRMDataError(f"the price item {price!r} is also listed as a quality item. Fix: drop it from quality=.")
    low, high = _v.require_scale(scale)
    _v.require_in_scale(survey, quality + [price], low, high)
    if low <= 0:
        raise CRMDataError(f"scale={scale!r} starts at {low:g}, but relative scores divide by scores. "
                           "Fix: use a scale that starts above 0 (e.g. 1-7), or shift the ratings.")
    score = _weighted(survey, quality, weights, "weights")
    g = survey[firm]
    out = value_map_from_scores(score.groupby(g, sort=True).mean(), survey[price].groupby(g, sort=True).mean(),
                                slope=slope, band=band)
    out.insert(0, "n", g.value_counts().reindex(out.index).astype("int64"))
    out.index.name = firm
    return out
