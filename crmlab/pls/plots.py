"""Plots for topic 7: the PLS path diagram, loadings, total effects, index by segment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, decorate, get_ax, label_or_key

__all__ = ["CONSTRUCT_PALETTE", "ECSI_POSITIONS", "path_diagram", "loadings_bars", "total_effects_bars",
           "index_compare_bars"]

# One colour per construct of the ECSI model, the same in every plot.
CONSTRUCT_PALETTE = PALETTES["construct"]
# Layout of the standard ECSI diagram (x, y), arrows run left to right.
ECSI_POSITIONS = {"IMAG": (0.0, 1.5), "EXPE": (0.0, -0.5), "QUAL": (1.6, -1.5),
                  "VAL": (1.6, 0.3), "SAT": (3.2, 0.3), "LOY": (4.6, 1.5)}
METHOD_COLORS = PALETTES["index_method"]


def _color(name: str, k: int = 0) -> str:
    fallback = PALETTES["cycle"]
    return CONSTRUCT_PALETTE.get(name, fallback[k % len(fallback)])


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


def path_diagram(fit, ax=None, lang: str = "en", positions: dict | None = None, decimals: int = 2):
    """Draw the inner model of a :class:`crmlab.pls.PLSResult`: constructs with R², arrows with paths.

    Arrow width grows with the size of the path coefficient; negative paths are dashed.
    """
    ax = get_ax(ax, figsize=(9, 5))
    names = list(fit.blocks)
    pos = positions or _layout(names, fit.path_list)
    r2 = fit.r2
    boxes = {}
    for k, n in enumerate(names):
        x, y = pos[n]
        text = label_or_key(n, lang)
        if n in r2.index:
            text += f"\nR² = {r2[n]:.{decimals}f}"
        boxes[n] = ax.text(x, y, text, ha="center", va="center", zorder=3,
                           bbox=dict(boxstyle="round,pad=0.5", fc=_color(n, k), ec="none", alpha=0.9),
                           color=INK["white"])
    for _, row in fit.paths.iterrows():
        a, b, coef = row["from"], row["to"], row["coef"]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=INK["arrow"], lw=0.8 + 4 * min(abs(coef), 1),
                                    ls="--" if coef < 0 else "-", patchA=boxes[a].get_bbox_patch(),
                                    patchB=boxes[b].get_bbox_patch(), shrinkA=2, shrinkB=2))
        mx, my = x0 + 0.45 * (x1 - x0), y0 + 0.45 * (y1 - y0)
        shown = round(float(coef), decimals) + 0.0  # no "-0.00"
        ax.text(mx, my, f"{shown:.{decimals}f}", ha="center", va="center", fontsize=9, zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", fc=INK["white"], ec="none"))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.set_axis_off()
    return decorate(ax, t("pls_path_title", lang), lang=lang)


def loadings_bars(fit, ax=None, lang: str = "en", threshold: float = 0.7):
    """Horizontal bars of the outer loadings, coloured by construct, with the 0.7 rule-of-thumb line."""
    ax = get_ax(ax, figsize=(7, 6.5))
    data = fit.outer.reset_index()
    data["construct"] = [label_or_key(b, lang) for b in data["block"]]
    palette = {label_or_key(b, lang): _color(b, k) for k, b in enumerate(fit.blocks)}
    sns.barplot(data=data, y="name", x="loading", hue="construct", palette=palette, dodge=False, ax=ax)
    ax.axvline(threshold, color=INK["grey"], ls="--", lw=1)
    ax.set_xlim(0, 1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return decorate(ax, t("pls_loadings_title", lang), t("pls_loading", lang), t("pls_indicator", lang), lang,
                    legend_title=t("pls_construct", lang))


def total_effects_bars(fit, target: str = "SAT", ax=None, lang: str = "en"):
    """Bars of the total (direct + indirect) effect of every construct on ``target``."""
    ax = get_ax(ax, figsize=(6.5, 3.8))
    eff = fit.effects[fit.effects["to"] == target]
    data = pd.DataFrame({"construct": [label_or_key(c, lang) for c in eff["from"]], "total": eff["total"].to_numpy()})
    palette = {label_or_key(c, lang): _color(c) for c in eff["from"]}
    sns.barplot(data=data, x="construct", y="total", hue="construct", palette=palette, legend=False, ax=ax)
    for i, val in enumerate(data["total"]):
        ax.text(i, val, f"{val:.2f}", ha="center", va="bottom")
    ax.axhline(0, color=INK["black"], lw=0.8)
    return decorate(ax, t("pls_effect_title", lang, target=label_or_key(target, lang)),
                    t("pls_construct", lang), t("pls_total_effect", lang), lang)


def index_compare_bars(table: pd.DataFrame, ax=None, lang: str = "en"):
    """Grouped bars: one group per segment (rows), one bar per method (columns simple, weighted, pls)."""
    ax = get_ax(ax, figsize=(7, 4))
    names = {"simple": t("pls_simple", lang), "weighted": t("pls_weighted", lang), "pls": t("pls_index", lang)}
    data = table.rename_axis("group").reset_index().melt(id_vars="group", var_name="method", value_name="index")
    data["group"] = [label_or_key(g, lang) for g in data["group"]]
    data["method"] = data["method"].map(lambda m: names.get(m, m))
    palette = {names.get(m, m): METHOD_COLORS.get(m, INK["blue"]) for m in table.columns}
    sns.barplot(data=data, x="group", y="index", hue="method", palette=palette, ax=ax)
    for cont in ax.containers:
        ax.bar_label(cont, fmt="%.1f", fontsize=8)
    low = float(np.floor(data["index"].min() / 10) * 10 - 10)
    ax.set_ylim(max(low, 0), 100)
    ax.legend(loc="upper left", fontsize=8)
    return decorate(ax, t("pls_index_title", lang), t("segment", lang), t("pls_index_axis", lang), lang,
                    legend_title=t("pls_method", lang))


