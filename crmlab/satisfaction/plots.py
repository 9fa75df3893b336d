"""Plots for topic 1: CSI by group, the IPA map, repurchase by score, weights.

Every plot takes ``title=``: a notebook passes a title that states the
finding, built from the numbers (the default is a neutral description).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax, label_or_key

__all__ = ["csi_bars", "ipa_map", "repurchase_bars", "weights_compare"]

# Below this many answers a level's interval is not drawn: the bar is greyed and flagged with its n
# (a Wilson interval from n = 1 spans most of 0-100% and would dominate the plot).
MIN_N_INTERVAL = 10


def csi_bars(table: pd.DataFrame, ax=None, lang: str = "en", confidence: float = 0.95, title: str | None = None,
             xlabel_key: str = "segment"):
    """Bar per group of a :func:`crmlab.satisfaction.csi` table, with its interval and n under each label."""
    ax = get_ax(ax)
    data = table.reset_index()
    key = data.columns[0]
    data["label"] = [f"{label_or_key(g, lang)}\n{t('n_label', lang, n=int(n))}" for g, n in zip(data[key], data["n"])]
    seg = PALETTES["segment"]
    # segments keep their own (neutral) colours; other groups (quarters, stores) are one concept: one colour
    colors = [seg[g] for g in data[key]] if set(data[key]) <= set(seg) else INK["blue"]
    bars_with_interval(ax, data, "csi", colors=colors, labels=data["label"], saturation=0.75)
    for i, val in enumerate(data["csi"]):
        ax.text(i, 2, f"{val:.1f}", ha="center", va="bottom", color=INK["white"])
    ax.set_ylim(0, 100)
    pct = round(confidence * 100)
    return decorate(ax, title if title is not None else t("csi_title", lang, pct=pct), t(xlabel_key, lang),
                    t("csi_axis", lang), lang)


def ipa_map(table: pd.DataFrame, ax=None, lang: str = "en", importance_label: str = "importance",
            title: str | None = None):
    """Importance-performance map of a :func:`crmlab.satisfaction.ipa` table."""
    ax = get_ax(ax, figsize=(7, 5.5))
    keys = table.attrs.get("quadrant_keys") or ["keep_up"] * len(table)
    data = table.reset_index().assign(key=keys)
    sns.scatterplot(data=data, x="performance", y="importance", hue="key", palette=PALETTES["quadrant"],
                    s=120, legend=False, ax=ax)
    pc, ic = table.attrs.get("performance_cut"), table.attrs.get("importance_cut")
    if pc is not None:
        ax.axvline(pc, color=INK["grey"], ls="--", lw=1)
        ax.axhline(ic, color=INK["grey"], ls="--", lw=1)
    for _, row in data.iterrows():
        ax.annotate(label_or_key(row["attribute"], lang), (row["performance"], row["importance"]),
                    xytext=(6, 4), textcoords="offset points")
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    pad_x, pad_y = (x1 - x0) * 0.12, (y1 - y0) * 0.12
    ax.set_xlim(x0 - pad_x, x1 + pad_x)
    ax.set_ylim(y0 - pad_y, y1 + pad_y)
    corners = {"concentrate_here": (0.02, 0.98, "left", "top"), "keep_up": (0.98, 0.98, "right", "top"),
               "low_priority": (0.02, 0.02, "left", "bottom"), "possible_overkill": (0.98, 0.02, "right", "bottom")}
    for key, (x, y, ha, va) in corners.items():
        ax.text(x, y, t(key, lang), transform=ax.transAxes, ha=ha, va=va,
                color=PALETTES["quadrant"][key])
    return decorate(ax, title if title is not None else t("ipa_title", lang), t("performance", lang),
                    t(importance_label, lang), lang)


def repurchase_bars(result, ax=None, lang: str = "en", title: str | None = None, min_n: int = MIN_N_INTERVAL,
                    xlabel_key: str = "satisfaction_level"):
    """Repurchase rate per satisfaction level (a :class:`RepurchaseResult`), in percent.

    One colour for every level (a level is not a category with its own meaning);
    n is printed under each level. A level with fewer than ``min_n`` answers is
    drawn grey without its interval and flagged "too few for an interval".
    """
    ax = get_ax(ax)
    tab = result.table.reset_index()
    level = tab.columns[0]
    few = tab["n"].to_numpy() < min_n
    shown = tab.assign(ci_low=tab["ci_low"].where(~few), ci_high=tab["ci_high"].where(~few))
    colors = [INK["grey_light"] if f else INK["blue"] for f in few]
    labels = [f"{lv}\n{t('n_label', lang, n=int(n))}" for lv, n in zip(tab[level], tab["n"])]
    bars_with_interval(ax, shown, "rate", colors=colors, labels=labels, scale=100, saturation=0.75)
    for i in np.flatnonzero(few):
        ax.text(i, max(float(np.nan_to_num(tab["rate"].iloc[i])) * 100, 0) + 2, t("too_few_for_interval", lang),
                ha="center", va="bottom", rotation=90, color=INK["ink_dark"], fontsize=8)
    ax.set_ylim(0, 100)
    return decorate(ax, title if title is not None else t("repurchase_title", lang, ratio=result.top_box_ratio),
                    t(xlabel_key, lang), t("repurchase_rate", lang), lang)


def weights_compare(estimated: pd.Series, true: pd.Series, ax=None, lang: str = "en", title: str | None = None,
                    extra: dict[str, pd.Series] | None = None, estimated_key: str = "estimated"):
    """Side-by-side bars of estimated and true attribute weights.

    Parameters
    ----------
    estimated : Series
        Estimated weight per attribute.
    true : Series
        True (generator) weight per attribute.
    ax : matplotlib Axes, optional
        Where to draw.
    lang : str, default "en"
        Language of the labels.
    title : str, optional
        Title (a notebook passes one that states the finding).
    extra : dict, optional
        More estimates: label key -> weights per attribute (e.g. ``{"relative_weight": ...}``).
    estimated_key : str, default "estimated"
        Label key of ``estimated`` in the legend (e.g. "regression_weight").
    """
    ax = get_ax(ax)
    data = pd.DataFrame({estimated_key: pd.Series(estimated), **{k: pd.Series(v) for k, v in (extra or {}).items()},
                         "true": pd.Series(true)})
    data.index.name = "attribute"
    long = data.reset_index().melt(id_vars="attribute", var_name="kind", value_name="weight")
    long["attribute"] = [label_or_key(a, lang) for a in long["attribute"]]
    long["kind_label"] = [t(k, lang) for k in long["kind"]]
    palette = {t(k, lang): PALETTES["estimate"].get("estimated" if k == estimated_key else k, PALETTES["cycle"][3 + i])
               for i, k in enumerate(data.columns)}
    sns.barplot(data=long, x="attribute", y="weight", hue="kind_label", palette=palette, ax=ax)
    return decorate(ax, title if title is not None else t("weights_title", lang), t("attribute", lang),
                    t("weight", lang), lang, legend_title="")
