"""Plots for topic 4: the Burnett bubble matrix, expert disagreement, weight sensitivity, cell recovery."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.burnett import core as bm
from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, decorate, get_ax

__all__ = ["STRATEGY_COLORS", "bubble_matrix", "disagreement_bars", "sensitivity_bars", "cell_confusion"]

# One colour per Burnett strategy (greens: develop, blues: defend, warm: maintain less, red: exit).
STRATEGY_COLORS = PALETTES["strategy"]
OTHER_COLOR = INK["grey_light"]


def bubble_matrix(table: pd.DataFrame, size: str | None = "revenue", ax=None, lang: str = "en",
                  annotate: int = 0, show_grid_strategies: bool = True, max_bubble: float = 900.0):
    """The Burnett matrix of a :func:`crmlab.burnett.burnett_matrix` table as a bubble chart.

    x: relationship index, y: attractiveness index (both 1-5); bubble area
    proportional to ``size`` (e.g. our annual sales); colour: the cell's
    strategy; dashed lines at the cut points stored in ``table.attrs``.
    ``annotate`` labels the largest accounts by row label.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlab.burnett.burnett_matrix` (or ``portfolio``).
    size : str or None, default "revenue"
        Column that sets the bubble area (None: equal bubbles).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    annotate : int, default 0
        How many of the largest accounts get their row label written.
    show_grid_strategies : bool, default True
        Write each cell's strategy in the background.
    max_bubble : float, default 900.0
        Area (points squared) of the largest bubble over the smallest (15).
    """
    ax = get_ax(ax, figsize=(7.5, 6.5))
    a_col = table.attrs.get("attractiveness", "attractiveness")
    r_col = table.attrs.get("relationship", "relationship")
    ac = table.attrs.get("attractiveness_cuts", bm.DEFAULT_CUTS)
    rc = table.attrs.get("relationship_cuts", bm.DEFAULT_CUTS)
    if size is not None:
        s = table[size].to_numpy(dtype="float64")
        area = 15 + max_bubble * s / np.nanmax(s)
    else:
        area = np.full(len(table), 60.0)
    for key in [*STRATEGY_COLORS, *sorted(set(table["strategy"]) - set(STRATEGY_COLORS))]:
        sel = (table["strategy"] == key).to_numpy()
        if not sel.any():
            continue
        ax.scatter(table.loc[sel, r_col], table.loc[sel, a_col], s=area[sel], alpha=0.6,
                   color=STRATEGY_COLORS.get(key, OTHER_COLOR), edgecolor=INK["white"], linewidth=0.5,
                   label=bm.label(key, lang))
    for c in rc:
        ax.axvline(c, color=INK["grey"], ls="--", lw=1)
    for c in ac:
        ax.axhline(c, color=INK["grey"], ls="--", lw=1)
    ax.set_xlim(1, 5)
    ax.set_ylim(1, 5)
    if show_grid_strategies:
        grid = bm._grid_array(table.attrs.get("grid"))
        xs = np.array([1, *rc, 5])
        ys = np.array([1, *ac, 5])
        for i in range(3):  # relationship level
            for j in range(3):  # attractiveness level
                ax.text(xs[i] + 0.04, ys[j + 1] - 0.04, bm.label(grid[i, j], lang), ha="left", va="top",
                        fontsize=8, color=STRATEGY_COLORS.get(grid[i, j], OTHER_COLOR))
    if annotate and size is not None:
        top = table[size].nlargest(annotate).index
        for idx in top:
            ax.annotate(str(idx), (table.loc[idx, r_col], table.loc[idx, a_col]), xytext=(5, 5),
                        textcoords="offset points", fontsize=8)
    leg = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    for handle in leg.legend_handles:
        handle.set_sizes([50])
    return decorate(ax, t("bm_matrix_title", lang, n=len(table)), t("bm_relationship_axis", lang),
                    t("bm_attractiveness_axis", lang), lang, legend_title=t("bm_strategy", lang))


def disagreement_bars(panel: bm.ExpertPanel, top: int = 15, ax=None, lang: str = "en"):
    """The accounts with the largest expert disagreement (mean SD across experts over the indicators).

    The dashed line is the median disagreement over all accounts.
    """
    ax = get_ax(ax, figsize=(7, 4.5))
    d = panel.disagreement.nlargest(top).rename_axis("account").reset_index()
    sns.barplot(data=d, x="disagreement", y="account", color=INK["blue"], ax=ax)
    med = float(panel.disagreement.median())
    ax.axvline(med, color=INK["black"], ls="--", lw=1, zorder=3)
    return decorate(ax, t("bm_disagreement_title", lang), t("bm_disagreement_axis", lang),
                    t("bm_account", lang), lang)


def sensitivity_bars(table: pd.DataFrame, delta: float, ax=None, lang: str = "en"):
    """Accounts changing cell when each indicator's weight goes up / down (a :func:`weight_sensitivity` table)."""
    ax = get_ax(ax, figsize=(7, 6))
    d = table.reset_index()
    d["label"] = [bm.label(i, lang) for i in d["indicator"]]
    long = d.melt(id_vars="label", value_vars=["cells_up", "cells_down"], var_name="kind", value_name="n")
    long["kind"] = long["kind"].map({"cells_up": t("bm_weight_up", lang), "cells_down": t("bm_weight_down", lang)})
    sns.barplot(data=long, x="n", y="label", hue="kind", palette=[INK["green"], INK["red"]], ax=ax)
    return decorate(ax, t("bm_sensitivity_title", lang, delta=delta), t("bm_accounts_changed", lang), "", lang,
                    legend_title="")


def cell_confusion(estimated: pd.Series, true: pd.Series, ax=None, lang: str = "en"):
    """Heat map of estimated vs true cells ("high/good", ...), with the share that agree in the title."""
    ax = get_ax(ax, figsize=(7, 6))
    order = [f"{a}/{r}" for a in bm.ATTRACTIVENESS_LEVELS[::-1] for r in bm.RELATIONSHIP_LEVELS[::-1]]
    est, tru = pd.Series(estimated).align(pd.Series(true), join="inner")
    tab = pd.crosstab(pd.Categorical(tru, categories=order), pd.Categorical(est, categories=order), dropna=False)
    names = [f"{bm.label(c.split('/')[0], lang)}/{bm.label(c.split('/')[1], lang)}" for c in order]
    # labels set after drawing: seaborn renders the figure once inside heatmap(), before the CJK font is set
    sns.heatmap(tab, annot=True, fmt="d", cmap="Blues", cbar=False, xticklabels=False, yticklabels=False, ax=ax)
    ticks = np.arange(len(names)) + 0.5
    ax.set_xticks(ticks, names, rotation=45, ha="right")
    ax.set_yticks(ticks, names, rotation=0)
    agree = float((est.to_numpy() == tru.to_numpy()).mean())
    return decorate(ax, t("bm_confusion_title", lang, agree=agree), t("bm_estimated_cell", lang),
                    t("bm_true_cell", lang), lang)
