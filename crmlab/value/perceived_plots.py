"""Plots of customer perceived value: CPV per firm and the customer value map (Gale 1994)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.errors import CRMDataError
from crmlab.labels import label, t
from crmlab.plots._base import INK, bars_with_interval, decorate, get_ax

__all__ = ["cpv_bars", "value_map_plot", "VALUE_COLORS"]

# better / fair / worse value: green / grey / red (the kit's colours for good, neutral, bad)
VALUE_COLORS = {"better_value": INK["green"], "fair_value": INK["grey_light"], "worse_value": INK["red"]}


def _need(table, cols, what, fix):
    if not isinstance(table, pd.DataFrame) or not set(cols) <= set(table.columns):
        raise CRMDataError(f"{what} must be the table of {fix} (columns {', '.join(cols)}). Fix: pass {fix}.")


def cpv_bars(summary: pd.DataFrame, ax=None, lang: str = "en", focal: str | None = None):
    """Mean CPV per firm with its interval (a :func:`crmlab.value.cpv_by_group` table); ``focal`` in dark ink."""
    _need(summary, ("cpv", "ci_low", "ci_high"), "summary", "cpv_by_group(survey)")
    ax = get_ax(ax, figsize=(7, 4.2))
    names = [label(f, lang, "firm_") for f in summary.index]
    colors = [INK["ink_dark"] if f == focal else INK["blue"] for f in summary.index]
    bars_with_interval(ax, summary, "cpv", colors=colors, labels=names)
    ax.axhline(0, color=INK["black"], lw=0.8)
    best = summary["cpv"].idxmax()
    title = t("cpv_bars_title", lang, firm=label(best, lang, "firm_"), cpv=float(summary.loc[best, "cpv"]))
    return decorate(ax, title, None, t("cpv_axis", lang), lang)


def value_map_plot(vmap: pd.DataFrame, ax=None, lang: str = "en", focal: str | None = None, slope: float = 1.0):
    """The customer value map of :func:`crmlab.value.value_map`: relative quality (x) vs relative price (y).

    The fair-value line passes through (1, 1) with ``slope`` (use the slope
    the map was computed with); below it is better value, above it worse.
    """
    _need(vmap, ("relative_quality", "relative_price", "value_gap", "position"), "vmap", "value_map(survey)")
    ax = get_ax(ax, figsize=(6.5, 6))
    q, p = vmap["relative_quality"].to_numpy(float), vmap["relative_price"].to_numpy(float)
    lo = min(q.min(), p.min(), 1.0) - 0.12
    hi = max(q.max(), p.max(), 1.0) + 0.12
    xs = np.array([lo, hi])
    ys = 1 + slope * (xs - 1)
    ax.fill_between(xs, ys, lo - 1, color=INK["green"], alpha=0.07, lw=0)
    ax.fill_between(xs, ys, hi + 1, color=INK["red"], alpha=0.07, lw=0)
    ax.plot(xs, ys, color=INK["ink"], lw=1.5, ls="--", label=t("vm_fair_line", lang))
    for f, row in vmap.iterrows():  # one point per firm
        color = VALUE_COLORS.get(row["position"], INK["blue"])
        ax.scatter(row["relative_quality"], row["relative_price"], s=140 if f == focal else 80, color=color,
                   edgecolor=INK["black"] if f == focal else INK["white"], zorder=3)
        ax.annotate(f"{label(f, lang, 'firm_')} ({row['value_gap']:+.2f})", (row["relative_quality"], row["relative_price"]),
                    xytext=(8, 6), textcoords="offset points", fontsize=9, color=INK["ink_dark"])
    ax.text(hi - 0.02, lo + 0.03, t("vm_better_side", lang), ha="right", va="bottom", color=INK["green"])
    ax.text(lo + 0.02, hi - 0.03, t("vm_worse_side", lang), ha="left", va="top", color=INK["red"])
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.08), frameon=False)
    best = vmap["value_gap"].idxmax()
    if vmap.loc[best, "position"] == "better_value":
        title = t("vm_title_better", lang, firm=label(best, lang, "firm_"), gap=float(vmap.loc[best, "value_gap"]))
    else:
        title = t("vm_title_none", lang)
    return decorate(ax, title, t("vm_relative_quality", lang), t("vm_relative_price", lang), lang)
