"""Plots for topic 7: the PLS path diagram, loadings, total effects, index by segment, IPMA."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import to_rgb

from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax, label_or_key

__all__ = ["CONSTRUCT_PALETTE", "ECSI_POSITIONS", "path_diagram", "loadings_bars", "total_effects_bars",
           "index_compare_bars", "ipma_map"]

# One colour per construct of the ECSI model, the same in every plot.
CONSTRUCT_PALETTE = PALETTES["construct"]
# Layout of the standard ECSI diagram (x, y), arrows run left to right; complaints sit
# between satisfaction and loyalty, below them.
ECSI_POSITIONS = {"IMAG": (0.0, 1.6), "EXPE": (0.0, -0.6), "QUAL": (1.7, -1.6),
                  "VAL": (1.7, 0.5), "SAT": (3.4, 0.5), "COMP": (4.9, -0.9), "LOY": (4.9, 1.6)}
# Arrows drawn as arcs so that they do not run through another construct or its label.
_CURVED = {("EXPE", "SAT"): 0.25}
# Which side of its arrow a coefficient goes (1 = left of the direction of the arrow, -1 = right).
_LABEL_SIDE = {("VAL", "SAT"): -1, ("QUAL", "VAL"): 1, ("EXPE", "VAL"): 1}
METHOD_COLORS = PALETTES["index_method"]


def _color(name: str, k: int = 0) -> str:
    fallback = PALETTES["cycle"]
    return CONSTRUCT_PALETTE.get(name, fallback[k % len(fallback)])


def _text_color(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (WCAG relative luminance)."""
    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in to_rgb(fill))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return INK["black"] if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else INK["white"]


def _layout(names, paths):
    """Positions: the ECSI layout when it fits, else layers by longest path from an exogenous construct."""
    if all(n in ECSI_POSITIONS for n in names):
        return {n: ECSI_POSITIONS[n] for n in names}
    depth = {n: 0 for n in names}
    for _ in names:
        for a, b in paths:
            depth[b] = max(depth[b], depth[a] + 1)
    pos = {}
    for d in sorted(set(depth.values())):
        layer = [n for n in names if depth[n] == d]
        for i, n in enumerate(layer):
            pos[n] = (1.5 * d, (len(layer) - 1) / 2 - i + (0.3 if d % 2 else 0.0))
    return pos


def path_diagram(fit, ax=None, lang: str = "en", positions: dict | None = None, decimals: int = 2,
                 title: str | None = None):
    """Draw the inner model of a :class:`crmlab.pls.PLSResult`: constructs with R², arrows with paths.

    Arrow width grows with the size of the path coefficient; negative paths
    are dashed. Each coefficient sits beside its arrow (offset to one side,
    so that it does not cover a crossing arrow); the text on a construct is
    black or white, whichever contrasts more with its colour. ``title``
    replaces the default title (state the finding).
    """
    ax = get_ax(ax, figsize=(9.5, 5.5))
    names = list(fit.blocks)
    pos = positions or _layout(names, fit.path_list)
    r2 = fit.r2
    boxes = {}
    for k, n in enumerate(names):
        x, y = pos[n]
        text = label_or_key(n, lang)
        if n in r2.index:
            text += f"\nR² = {r2[n]:.{decimals}f}"
        fill = _color(n, k)
        boxes[n] = ax.text(x, y, text, ha="center", va="center", zorder=3,
                           bbox=dict(boxstyle="round,pad=0.5", fc=fill, ec="none"), color=_text_color(fill))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.7, max(ys) + 0.6)
    span = max(np.ptp(xs), np.ptp(ys), 1.0)
    to_px, to_data = ax.transData, ax.transData.inverted()
    for _, row in fit.paths.iterrows():
        a, b, coef = row["from"], row["to"], row["coef"]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fixed = positions is None
        rad = _CURVED.get((a, b), 0.0) if fixed else 0.0
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=INK["arrow"], lw=0.8 + 4 * min(abs(coef), 1),
                                    ls="--" if coef < 0 else "-", patchA=boxes[a].get_bbox_patch(),
                                    patchB=boxes[b].get_bbox_patch(), shrinkA=2, shrinkB=2,
                                    connectionstyle=f"arc3,rad={rad}"))
        if rad:
            # on the arc itself (matplotlib bends it in display space), a third of the way along
            p0, p2 = to_px.transform((x0, y0)), to_px.transform((x1, y1))
            d = p2 - p0
            c = (p0 + p2) / 2 + rad * np.array([d[1], -d[0]])
            s_ = 0.3
            mx, my = to_data.transform((1 - s_) ** 2 * p0 + 2 * s_ * (1 - s_) * c + s_ ** 2 * p2)
            off = 0.0
        else:
            # beside the middle of the arrow, pushed to one side
            mx, my = x0 + 0.5 * (x1 - x0), y0 + 0.5 * (y1 - y0)
            off = 0.045 * span * (_LABEL_SIDE.get((a, b), 1) if fixed else 1)
        length = float(np.hypot(x1 - x0, y1 - y0)) or 1.0
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length
        shown = round(float(coef), decimals) + 0.0  # no "-0.00"
        ax.text(mx + off * nx, my + off * ny, f"{shown:.{decimals}f}", ha="center", va="center", fontsize=9,
                zorder=4, bbox=dict(boxstyle="round,pad=0.15", fc=INK["white"], ec=INK["grey"], lw=0.5))
    ax.set_axis_off()
    return decorate(ax, title if title is not None else t("pls_path_title", lang), lang=lang)


def loadings_bars(fit, ax=None, lang: str = "en", threshold: float = 0.7, title: str | None = None):
    """Horizontal bars of the outer loadings, coloured by construct, with the 0.7 rule-of-thumb line."""
    ax = get_ax(ax, figsize=(7, 6.5))
    data = fit.outer.reset_index()
    data["construct"] = [label_or_key(b, lang) for b in data["block"]]
    palette = {label_or_key(b, lang): _color(b, k) for k, b in enumerate(fit.blocks)}
    sns.barplot(data=data, y="name", x="loading", hue="construct", palette=palette, dodge=False, ax=ax)
    ax.axvline(threshold, color=INK["grey"], ls="--", lw=1)
    ax.set_xlim(0, 1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return decorate(ax, title if title is not None else t("pls_loadings_title", lang), t("pls_loading", lang),
                    t("pls_indicator", lang), lang, legend_title=t("pls_construct", lang))


def total_effects_bars(fit, target: str = "SAT", ax=None, lang: str = "en", title: str | None = None):
    """Bars of the total (direct + indirect) effect of every construct on ``target``.

    With a bootstrapped fit (``n_boot > 0``) each bar carries its percentile
    interval from ``fit.bootstrap["total_effects"]``. The y-axis starts at 0.
    """
    ax = get_ax(ax, figsize=(6.5, 3.8))
    eff = fit.effects[fit.effects["to"] == target]
    labels = [label_or_key(c, lang) for c in eff["from"]]
    colors = [_color(c) for c in eff["from"]]
    if fit.bootstrap is not None:
        table = fit.bootstrap["total_effects"].loc[eff.index, ["original", "ci_low", "ci_high"]]
        bars_with_interval(ax, table, "original", colors=colors, labels=labels, saturation=0.75)
        tops = table["ci_high"].to_numpy()
        ylabel = t("pls_effect_ci", lang)
    else:
        table = eff[["total"]].rename(columns={"total": "original"})
        ax.bar(range(len(eff)), eff["total"].to_numpy(), color=colors)
        ax.set_xticks(range(len(eff)), labels)
        tops = eff["total"].to_numpy()
        ylabel = t("pls_total_effect", lang)
    for i, (val, top) in enumerate(zip(table["original"], tops)):
        ax.text(i + 0.08, max(val, top), f"{val:.2f}", ha="left", va="bottom", fontsize=9)
    ax.axhline(0, color=INK["black"], lw=0.8)
    ax.set_ylim(min(0.0, float(np.min(table["original"])) * 1.15), max(float(np.max(tops)) * 1.15, 0.05))
    return decorate(ax, title if title is not None else t("pls_effect_title", lang, target=label_or_key(target, lang)),
                    t("pls_construct", lang), ylabel, lang)


def index_compare_bars(table: pd.DataFrame, ax=None, lang: str = "en", title: str | None = None):
    """Grouped bars: one group per segment (rows), one bar per method (columns simple, weighted, pls).

    The y-axis runs over the whole 0-100 scale, so the bars' lengths compare honestly.
    """
    ax = get_ax(ax, figsize=(7, 4))
    names = {"simple": t("pls_simple", lang), "weighted": t("pls_weighted", lang), "pls": t("pls_index", lang)}
    data = table.rename_axis("group").reset_index().melt(id_vars="group", var_name="method", value_name="index")
    data["group"] = [label_or_key(g, lang) for g in data["group"]]
    data["method"] = data["method"].map(lambda m: names.get(m, m))
    palette = {names.get(m, m): METHOD_COLORS.get(m, INK["blue"]) for m in table.columns}
    sns.barplot(data=data, x="group", y="index", hue="method", palette=palette, ax=ax)
    for cont in ax.containers:
        ax.bar_label(cont, fmt="%.1f", fontsize=8)
    ax.set_ylim(0, 100)
    ax.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.95)
    return decorate(ax, title if title is not None else t("pls_index_title", lang), t("segment", lang),
                    t("pls_index_axis", lang), lang, legend_title=t("pls_method", lang))


def ipma_map(table: pd.DataFrame, ax=None, lang: str = "en", title: str | None = None):
    """Importance-performance map of a :func:`crmlab.pls.ipma` table (importance on x, as Ringle & Sarstedt 2016).

    Dashed lines at the mean importance and mean performance of the drivers
    split the map into four parts; the top-priority drivers are on the right
    (important) and low (weak performance).
    """
    ax = get_ax(ax, figsize=(7, 5))
    for k, (name, row) in enumerate(table.iterrows()):
        ax.scatter(row["importance"], row["performance"], s=140, color=_color(name, k), zorder=3,
                   edgecolor=INK["black"], lw=0.5)
        ax.annotate(label_or_key(name, lang), (row["importance"], row["performance"]), xytext=(8, 5),
                    textcoords="offset points")
    ax.axvline(table["importance"].mean(), color=INK["grey"], ls="--", lw=1)
    ax.axhline(table["performance"].mean(), color=INK["grey"], ls="--", lw=1)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    ax.set_xlim(min(0.0, x0), x1 + (x1 - x0) * 0.4)
    ax.set_ylim(y0 - (y1 - y0) * 0.15, y1 + (y1 - y0) * 0.15)
    target = table.attrs.get("target", "SAT")
    return decorate(ax, title if title is not None else t("pls_ipma_title", lang, target=label_or_key(target, lang)),
                    t("pls_importance", lang), t("pls_performance", lang), lang)
