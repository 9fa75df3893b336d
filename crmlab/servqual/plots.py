"""Plots for topic 5: dimension gaps, the snake profile, before/after, gap 1,
priorities, estimated vs true, and a drawn diagram of the GAP model."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from crmlab.labels import label, t
from crmlab.stats import t_quantile
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax

__all__ = ["DIMENSION_COLORS", "dimension_gaps", "snake_profile", "wave_bars", "gap1_bars",
           "priority_bars", "gap_truth", "gap_model_diagram", "tolerance_zones"]

# One colour per SERVQUAL dimension, the same in every plot; branches get other hues.
DIMENSION_COLORS = PALETTES["servqual_dimension"]
BRANCH_COLORS = PALETTES["servqual_branch"]
WAVE_COLORS = PALETTES["wave"]


def _wrap(text: str, width: int = 12) -> str:
    """Break a tick label over lines so neighbours do not collide (CJK text has no spaces: left as is)."""
    return "\n".join(textwrap.wrap(text, width)) if " " in text else text


def sq_label(key, lang: str = "en") -> str:
    """A dimension, branch or wave name (``sq_<name>``), through :func:`crmlab.labels.label`."""
    return label(key, lang, "sq_")


def _colors(names) -> list[str]:
    extra = sns.color_palette("tab10", 10).as_hex()
    return [DIMENSION_COLORS.get(n, extra[k % 10]) for k, n in enumerate(names)]


def _table(obj, attr: str) -> pd.DataFrame:
    return getattr(obj, attr) if hasattr(obj, attr) else obj


def dimension_gaps(result, ax=None, lang: str = "en", group=None, confidence: float = 0.95):
    """Horizontal bar per dimension of the mean gap P - E, with its interval.

    ``result``: a :class:`crmlab.servqual.GapResult` or its ``dimensions``
    table; ``group`` picks one group of a table computed with ``by=``.
    """
    ax = get_ax(ax, figsize=(7, 4))
    tab = _table(result, "dimensions")
    if isinstance(tab.index, pd.MultiIndex):
        if group is None:
            raise ValueError("the table has groups: pass group=<one of them>")
        tab = tab.xs(group, level=0)
    names = list(tab.index)
    y = np.arange(len(names))
    bars_with_interval(ax, tab, "gap", colors=_colors(names), positions=y, horizontal=True, capsize=4)
    ax.axvline(0, color=INK["black"], lw=0.8)
    ax.set_yticks(y, [sq_label(n, lang) for n in names])
    ax.invert_yaxis()
    for yi, val, lo_, hi_ in zip(y, tab["gap"], tab["ci_low"], tab["ci_high"]):
        end = np.nan_to_num(hi_ if val >= 0 else lo_, nan=val)
        ax.text(end, yi, f"  {val:.2f}  ", va="center", ha="left" if val >= 0 else "right", fontsize=9)
    lo, hi = min(tab["ci_low"].min(), 0), max(tab["ci_high"].max(), 0)
    pad = 0.25 * (hi - lo) + 0.1
    ax.set_xlim(lo - pad, hi + pad)
    worst = tab["gap"].idxmin()
    fmt = dict(worst=sq_label(worst, lang), gap=float(tab.loc[worst, "gap"]), pct=round(confidence * 100))
    if group is None:
        title = t("sq_gap_title" if fmt["gap"] < 0 else "sq_gap_title_none", lang, **fmt)
    else:
        title = t("sq_gap_title_group" if fmt["gap"] < 0 else "sq_gap_title_group_none", lang,
                  group=sq_label(group, lang), **fmt)
    return decorate(ax, title, t("sq_gap_axis", lang), t("sq_dimension", lang), lang)


def snake_profile(result, ax=None, lang: str = "en"):
    """The E/P "snake" diagram: mean expectation and perception of every item, by dimension."""
    tab = _table(result, "items")
    ax = get_ax(ax, figsize=(6.5, 0.28 * len(tab) + 1.6))
    y = np.arange(len(tab))
    dims = tab["dimension"].tolist()
    start = 0
    for d, size in pd.Series(dims).groupby(pd.Series(dims), sort=False).size().items():
        ax.axhspan(start - 0.5, start + size - 0.5, color=_colors([d])[0], alpha=0.10, lw=0)
        ax.text(1.01, 1 - (start + size / 2) / len(tab), sq_label(d, lang), transform=ax.transAxes,
                va="center", ha="left", color=_colors([d])[0], fontsize=9)
        start += size
    ax.plot(tab["expectation"], y, "-o", color=INK["grey_light"], ms=4, label=t("sq_expectation", lang))
    ax.plot(tab["perception"], y, "-s", color=INK["red"], ms=4, label=t("sq_perception", lang))
    ax.set_yticks(y, [str(i) for i in tab.index])
    ax.set_ylim(len(tab) - 0.5, -0.5)
    ax.set_xlim(1, 7)
    ax.legend(loc="lower left", fontsize=9)
    worst = tab["gap"].idxmin()
    title = t("sq_snake_title", lang, k=len(tab), item=worst, dimension=sq_label(tab.loc[worst, "dimension"], lang),
              gap=float(tab.loc[worst, "gap"]))
    return decorate(ax, title, t("sq_mean_axis", lang), t("sq_item", lang), lang)


def wave_bars(table: pd.DataFrame, ax=None, lang: str = "en", confidence: float = 0.95):
    """Grouped bars of each dimension's mean gap before and after (a :func:`wave_change` table)."""
    ax = get_ax(ax, figsize=(7.5, 4))
    names = list(table.index)
    x = np.arange(len(names))
    width = 0.38
    for k, w in enumerate(("before", "after")):
        n, se = table[f"n_{w}"].to_numpy(), table[f"se_{w}"].to_numpy()
        half = t_quantile(confidence, np.maximum(n - 1, 1)) * se
        pos = x + (k - 0.5) * width
        wave = pd.DataFrame({"mean": table[w], "ci_low": table[w] - half, "ci_high": table[w] + half})
        bars_with_interval(ax, wave, "mean", colors=WAVE_COLORS[w], positions=pos, width=width, capsize=3,
                           label=t(f"sq_{w}", lang))
    ax.axhline(0, color=INK["black"], lw=0.8)
    ax.set_xticks(x, [_wrap(sq_label(n, lang)) for n in names])
    ax.legend(title=t("sq_wave", lang))
    up = [sq_label(n, lang) for n in names if n != "overall" and table.loc[n, "ci_low"] > 0]
    down = [sq_label(n, lang) for n in names if n != "overall" and table.loc[n, "ci_high"] < 0]
    if up and down:
        title = t("sq_wave_title", lang, up=", ".join(up), down=", ".join(down))
    elif up or down:
        title = t("sq_wave_title_up" if up else "sq_wave_title_down", lang, names=", ".join(up or down))
    else:
        title = t("sq_wave_title_none", lang)
    return decorate(ax, title, t("sq_dimension", lang), t("sq_gap_axis", lang), lang,
                    legend_title=t("sq_wave", lang))


def gap1_bars(table: pd.DataFrame, ax=None, lang: str = "en"):
    """Gap 1 per dimension (one bar per group if the table has a group level), with intervals."""
    ax = get_ax(ax, figsize=(7.5, 4))
    if isinstance(table.index, pd.MultiIndex):
        groups = list(dict.fromkeys(table.index.get_level_values(0)))
        names = list(dict.fromkeys(table.index.get_level_values(-1)))
    else:
        groups, names = [None], list(table.index)
    x = np.arange(len(names))
    width = 0.8 / len(groups)
    extra = PALETTES["cycle"]
    for k, g in enumerate(groups):
        sub = table.xs(g, level=0) if g is not None else table
        sub = sub.reindex(names)
        pos = x + (k - (len(groups) - 1) / 2) * width
        colors = BRANCH_COLORS.get(g, extra[k % len(extra)]) if g is not None else _colors(names)
        bars_with_interval(ax, sub, "gap1", colors=colors, positions=pos, width=width, capsize=2, lw=0.8,
                           label=sq_label(g, lang) if g is not None else None)
    ax.axhline(0, color=INK["black"], lw=0.8)
    ax.set_xticks(x, [_wrap(sq_label(n, lang)) for n in names])
    if groups != [None]:
        ax.legend(fontsize=8)
    at = table["gap1"].idxmin()
    g_at, d_at = (at if isinstance(at, tuple) else (None, at))[0], (at if isinstance(at, tuple) else (None, at))[-1]
    low = float(table["gap1"].min())
    if low < 0:
        title = t("sq_gap1_title", lang, dimension=sq_label(d_at, lang), gap=low,
                  where=sq_label(g_at, lang) if g_at is not None else t("sq_all_branches", lang))
    else:
        title = t("sq_gap1_title_none", lang)
    return decorate(ax, title, t("sq_dimension", lang), t("sq_gap1_axis", lang), lang,
                    legend_title=t("sq_branch", lang) if groups != [None] else None)


def priority_bars(priorities: pd.DataFrame, top: int = 8, ax=None, lang: str = "en", wording="auto"):
    """The ``top`` items of an :func:`improvement_priorities` table as horizontal bars.

    ``wording``: Series item -> short text shown after the item number;
    ``"auto"`` (default) uses the kit's wording of the 22 items when the
    items are 1..22 (:func:`crmlab.servqual.item_wording`), None shows numbers only.
    """
    from crmlab.servqual.core import N_ITEMS, item_wording

    tab = priorities.head(top)
    if isinstance(wording, str) and wording == "auto":
        known = all(isinstance(i, (int, np.integer)) and 1 <= i <= N_ITEMS for i in tab.index)
        wording = item_wording(lang) if known else None
    ax = get_ax(ax, figsize=(9.5 if wording is not None else 7, (0.62 if wording is not None else 0.4) * len(tab) + 1.5))
    y = np.arange(len(tab))
    ax.barh(y, tab["weighted_shortfall"], color=_colors(tab["dimension"]))
    labels = [f"{i} {sq_label(d, lang)}" + ("\n" + textwrap.shorten(wording[i], 60) if wording is not None else "")
              for i, d in zip(tab.index, tab["dimension"])]
    ax.set_yticks(y, labels, fontsize=9)
    ax.invert_yaxis()
    for yi, val in zip(y, tab["weighted_shortfall"]):
        ax.text(val, yi, f" {val:.2f}", va="center", fontsize=9)
    ax.set_xlim(0, tab["weighted_shortfall"].max() * 1.2 + 1e-9)
    first = tab.index[0]
    title = t("sq_priority_title", lang, item=first, dimension=sq_label(tab.loc[first, "dimension"], lang),
              value=float(tab.loc[first, "weighted_shortfall"]))
    return decorate(ax, title, t("sq_priority_axis", lang), t("sq_item", lang), lang)


def gap_truth(estimated: pd.Series, true: pd.Series, ax=None, lang: str = "en"):
    """Side-by-side bars of estimated and true gaps per dimension."""
    ax = get_ax(ax, figsize=(7, 4))
    data = pd.DataFrame({"estimated": pd.Series(estimated, dtype=float), "true": pd.Series(true, dtype=float)})
    x = np.arange(len(data))
    for k, kind in enumerate(("estimated", "true")):
        ax.bar(x + (k - 0.5) * 0.38, data[kind], 0.38, color=PALETTES["estimate"][kind], label=t(kind, lang))
    ax.axhline(0, color=INK["black"], lw=0.8)
    ax.set_xticks(x, [_wrap(sq_label(n, lang)) for n in data.index])
    ax.legend()
    err = float((data["estimated"] - data["true"]).abs().max())
    return decorate(ax, t("sq_truth_title", lang, err=err), t("sq_dimension", lang), t("sq_gap_axis", lang), lang,
                    legend_title="")


def tolerance_zones(table: pd.DataFrame, ax=None, lang: str = "en"):
    """The zone of tolerance per dimension: a band from adequate to desired, and the perception.

    ``table``: a :func:`crmlab.servqual.zone_of_tolerance` table (one group).
    """
    ax = get_ax(ax, figsize=(7.5, 4))
    names = list(table.index)
    y = np.arange(len(names))
    col = PALETTES["tolerance"]
    ax.barh(y, table["desired"] - table["adequate"], left=table["adequate"], height=0.5, color=col["zone"],
            label=t("sq_zone", lang))
    ax.plot(table["perception"], y, "D", color=col["perception"], ms=7, label=t("sq_perception", lang))
    for yi, (_, r) in zip(y, table.iterrows()):
        ax.text(r["adequate"], yi + 0.38, f"{r['adequate']:.2f}", ha="center", va="center", fontsize=8)
        ax.text(r["desired"], yi + 0.38, f"{r['desired']:.2f}", ha="center", va="center", fontsize=8)
    ax.set_yticks(y, [sq_label(n, lang) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(1, 7)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=9, frameon=False)
    below = [sq_label(n, lang) for n in names if table.loc[n, "position"] == "below"]
    above = [sq_label(n, lang) for n in names if table.loc[n, "position"] == "above"]
    if below:
        title = t("sq_zone_title_below", lang, names=", ".join(below))
    elif above:
        title = t("sq_zone_title_above", lang, names=", ".join(above))
    else:
        title = t("sq_zone_title_inside", lang)
    return decorate(ax, title, t("sq_mean_axis", lang), t("sq_dimension", lang), lang)


def gap_model_diagram(ax=None, lang: str = "en"):
    """The five-gap model of Parasuraman, Zeithaml & Berry (1985), drawn with boxes and arrows."""
    ax = get_ax(ax, figsize=(8.5, 7))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.axis("off")
    boxes = {  # key: (x centre, y centre, width)
        "wom": (4.2, 9.2, 3.6),
        "expected": (4.2, 7.7, 3.0),
        "perceived": (4.2, 6.2, 3.0),
        "delivery": (4.2, 4.3, 3.0),
        "external": (8.3, 4.3, 2.6),
        "specs": (4.2, 2.7, 3.0),
        "mgmt": (4.2, 1.0, 3.6),
    }
    h = 0.9
    for key, (cx, cy, w) in boxes.items():
        ax.add_patch(FancyBboxPatch((cx - w / 2, cy - h / 2), w, h, boxstyle="round,pad=0.05",
                                    fc=INK["box_customer"] if cy > 5.3 else INK["box_provider"], ec=INK["ink"], lw=1.2))
        ax.text(cx, cy, t(f"sq_box_{key}", lang), ha="center", va="center", fontsize=9)

    def arrow(p, q, color=INK["ink"], style="-|>", ls="-"):
        ax.add_patch(FancyArrowPatch(p, q, arrowstyle=style, mutation_scale=12, color=color, lw=1.2, ls=ls))

    arrow((4.2, 8.75 - 0.0), (4.2, 8.15))          # word of mouth -> expected
    arrow((4.2, 4.75), (4.2, 5.75))                # delivery -> perceived
    arrow((4.2, 3.15), (4.2, 3.85))                # specs -> delivery
    arrow((4.2, 1.45), (4.2, 2.25))                # mgmt perceptions -> specs
    arrow((8.3, 4.75), (5.7, 7.6))                 # external communications -> expected
    arrow((5.7, 4.3), (7.0, 4.3), style="<|-|>")   # delivery <-> external communications
    arrow((2.7, 7.7), (1.0, 7.7), style="-")       # expected -> management (listening loop)
    arrow((1.0, 7.7), (1.0, 1.1), style="-")
    arrow((1.0, 1.1), (2.4, 1.1))
    ax.axhline(5.3, xmin=0.02, xmax=0.98, color=INK["grey_light"], ls="--", lw=1)
    ax.text(9.8, 5.5, t("sq_customer_side", lang), ha="right", va="bottom", fontsize=9, color=INK["blue"])
    ax.text(9.8, 5.1, t("sq_provider_side", lang), ha="right", va="top", fontsize=9, color=INK["ink"])
    red = INK["red"]
    gaps = {  # gap: (label position, bracket from, bracket to)
        5: ((6.4, 6.95), (5.75, 7.7), (5.75, 6.2)),
        1: ((0.15, 4.4), None, None),
        2: ((6.4, 1.85), (5.75, 2.7), (5.75, 1.0)),
        3: ((6.4, 3.5), (5.75, 4.3), (5.75, 2.7)),
        4: ((7.3, 3.35), None, None),
    }
    for g, (pos, a, b) in gaps.items():
        if a is not None:
            arrow(a, b, color=red, style="<|-|>", ls="--")
        ax.text(*pos, t(f"sq_gap_{g}", lang), color=red, fontsize=9, ha="left", va="center")
    return decorate(ax, t("sq_model_title", lang), None, None, lang)
