"""Plots for topic 4: the Burnett bubble matrix, expert disagreement, weight sensitivity, cell recovery,
the 3-year wallet-share trend and the budget per cell."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.burnett import core as bm
from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, apply_lang, decorate, font_family, get_ax

__all__ = ["STRATEGY_COLORS", "bubble_matrix", "disagreement_bars", "sensitivity_bars", "cell_confusion",
           "share_trend", "budget_bars"]

# One colour per Burnett strategy (greens: develop, blues: defend, warm: maintain less, red: exit).
STRATEGY_COLORS = PALETTES["strategy"]
OTHER_COLOR = INK["grey_light"]
_MIN_AREA = 15.0


def _wrap(text: str, lang: str, width: int = 14) -> str:
    """Wrap a zone label onto short lines (Chinese has no spaces: leave it on one line)."""
    return text if lang == "zh" else "\n".join(textwrap.wrap(text, width)) or text


def _title(text: str | None, lang: str, width: int = 60) -> str | None:
    """A finding title wrapped onto two lines when it is long (Chinese: by characters)."""
    if text is None:
        return None
    return "\n".join(textwrap.wrap(text, width // 2 if lang == "zh" else width)) or text


def _nice(x: float) -> float:
    """A round number near x (1, 2 or 5 times a power of ten) for the size key."""
    if x <= 0:
        return x
    p = 10 ** np.floor(np.log10(x))
    return float(min((1, 2, 5, 10), key=lambda m: abs(m * p - x)) * p)


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _circle_boxes(ax, x, y, area):
    """Display-space boxes of scatter markers (area in points^2) centred at data (x, y)."""
    from matplotlib.transforms import Bbox

    pts = ax.transData.transform(np.column_stack([x, y]))
    r = np.sqrt(area) / 2 * ax.figure.dpi / 72
    return [Bbox([[px - ri, py - ri], [px + ri, py + ri]]) for (px, py), ri in zip(pts, r)]


def bubble_matrix(table: pd.DataFrame, size: str | None = "revenue", ax=None, lang: str = "en",
                  annotate: int = 0, show_grid_strategies: bool = True, max_bubble: float = 900.0,
                  title: str | None = None):
    """The Burnett matrix of a :func:`crmlab.burnett.burnett_matrix` table as a bubble chart.

    Drawn as the strategy grid is printed (:func:`crmlab.burnett.strategy_grid`)
    and as the reading lays it out: x = customer attractiveness (low to high,
    left to right), y = relationship status (poor at the bottom, good at the
    top), both 1-5. Bubble area is proportional to ``size`` (e.g. our annual
    sales), with a size key; colour: the cell's strategy; dashed lines at the
    cut points stored in ``table.attrs``. Each cell's strategy is written in
    the corner of the cell with the fewest bubbles, and ``annotate`` labels
    the largest accounts, each label placed where it covers no other label
    and as few bubbles as possible. The default title states which cell
    holds the most sales.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlab.burnett.burnett_matrix` (or ``portfolio``).
    size : str or None, default "revenue"
        Column that sets the bubble area (None: equal bubbles, no size key).
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
    title : str, optional
        Replaces the finding title.
    """
    ax = get_ax(ax, figsize=(7.5, 6.5))
    a_col = table.attrs.get("attractiveness", "attractiveness")
    r_col = table.attrs.get("relationship", "relationship")
    ac = table.attrs.get("attractiveness_cuts", bm.DEFAULT_CUTS)
    rc = table.attrs.get("relationship_cuts", bm.DEFAULT_CUTS)
    xa = table[a_col].to_numpy(dtype="float64")
    yr = table[r_col].to_numpy(dtype="float64")
    if size is not None:
        s = table[size].to_numpy(dtype="float64")
        smax = float(np.nanmax(s))
        area = _MIN_AREA + max_bubble * s / smax
    else:
        area = np.full(len(table), 60.0)
    for key in [*STRATEGY_COLORS, *sorted(set(table["strategy"]) - set(STRATEGY_COLORS))]:
        sel = (table["strategy"] == key).to_numpy()
        if not sel.any():
            continue
        ax.scatter(xa[sel], yr[sel], s=area[sel], alpha=0.6, color=STRATEGY_COLORS.get(key, OTHER_COLOR),
                   edgecolor=INK["white"], linewidth=0.5, label=bm.label(key, lang), zorder=2)
    for c in ac:
        ax.axvline(c, color=INK["grey"], ls="--", lw=1, zorder=1)
    for c in rc:
        ax.axhline(c, color=INK["grey"], ls="--", lw=1, zorder=1)
    ax.set_xlim(1, 5)
    ax.set_ylim(1, 5)
    leg = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False,
                    title=t("bm_strategy", lang))
    for handle in leg.legend_handles:
        handle.set_sizes([50])
    if size is not None:  # the size key: three round values drawn with the same area rule
        from matplotlib.lines import Line2D

        for text in [*leg.get_texts(), leg.get_title()]:  # this legend is not ax.get_legend() after the next one
            text.set_fontfamily(font_family(lang))
        ax.add_artist(leg)
        keys = sorted({_nice(smax * f) for f in (0.1, 0.4, 1.0)})
        handles = [Line2D([], [], ls="", marker="o", markersize=np.sqrt(_MIN_AREA + max_bubble * k / smax),
                          markerfacecolor=INK["grey_light"], markeredgecolor=INK["grey"], label=f"{k:,.0f}")
                   for k in keys]
        size_title = t("bm_size_key", lang) if size == "revenue" else str(size)
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(1.01, 0.0), fontsize=8, frameon=False,
                  title=size_title, labelspacing=1.6, borderpad=0.8, handletextpad=1.2)
    if title is None:
        if size is not None and len(table):
            share = table.groupby("cell")[size].sum() / np.nansum(s)
            best = share.sort_index().idxmax()
            strat = str(table.loc[table["cell"] == best, "strategy"].iloc[0])
            title = t("bm_matrix_title_finding", lang, cell=bm.cell_label(best, lang),
                      strategy=bm.label(strat, lang), share=float(share[best]),
                      n=int((table["cell"] == best).sum()))
        else:
            title = t("bm_matrix_title", lang, n=len(table))
    decorate(ax, _title(title, lang), t("bm_attractiveness_axis", lang), t("bm_relationship_axis", lang), lang)
    # text placed after decorate, so it uses the language's font and measures right
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    bubbles = _circle_boxes(ax, xa, yr, area)
    placed = []
    if show_grid_strategies:
        grid = bm._grid_array(table.attrs.get("grid"))
        xs = np.array([1, *ac, 5])
        ys = np.array([1, *rc, 5])
        pad_x, pad_y = 0.04, 0.04
        for i in range(3):  # relationship level (rows of the grid, y)
            for j in range(3):  # attractiveness level (columns, x)
                text = _wrap(bm.label(grid[i, j], lang), lang)
                color = STRATEGY_COLORS.get(grid[i, j], OTHER_COLOR)
                best = None
                for ha, va, x, y in (("left", "top", xs[j] + pad_x, ys[i + 1] - pad_y),
                                     ("right", "top", xs[j + 1] - pad_x, ys[i + 1] - pad_y),
                                     ("left", "bottom", xs[j] + pad_x, ys[i] + pad_y),
                                     ("right", "bottom", xs[j + 1] - pad_x, ys[i] + pad_y)):
                    txt = ax.text(x, y, text, ha=ha, va=va, fontsize=8, color=color, zorder=3,
                                  fontfamily=font_family(lang),
                                  bbox=dict(boxstyle="round,pad=0.15", fc=INK["white"], ec="none", alpha=0.75))
                    box = txt.get_window_extent(renderer)
                    cost = sum(_overlap(box, b) for b in bubbles)
                    if best is None or cost < best[0] - 1e-9:
                        if best is not None:
                            best[1].remove()
                        best = (cost, txt, box)
                    else:
                        txt.remove()
                placed.append(best[2])
    if annotate and size is not None:
        order = np.argsort(-np.nan_to_num(s, nan=-np.inf), kind="stable")[:int(annotate)]
        offsets = ((6, 6, "left", "bottom"), (6, -6, "left", "top"), (-6, 6, "right", "bottom"),
                   (-6, -6, "right", "top"), (0, 12, "center", "bottom"), (0, -12, "center", "top"))
        for pos in order:
            name = str(table.index[pos])
            best = None
            for dx, dy, ha, va in offsets:
                ann = ax.annotate(name, (xa[pos], yr[pos]), xytext=(dx, dy), textcoords="offset points",
                                  fontsize=8, ha=ha, va=va, zorder=4, fontfamily=font_family(lang))
                box = ann.get_window_extent(renderer)
                cost = 1000 * sum(_overlap(box, b) for b in placed) + \
                    sum(_overlap(box, b) for k, b in enumerate(bubbles) if k != pos)
                if best is None or cost < best[0] - 1e-9:
                    if best is not None:
                        best[1].remove()
                    best = (cost, ann, box)
                else:
                    ann.remove()
            placed.append(best[2])
    return apply_lang(ax, lang)


def disagreement_bars(panel: bm.ExpertPanel, top: int = 15, ax=None, lang: str = "en", title: str | None = None):
    """The accounts with the largest expert disagreement (mean SD across experts over the indicators).

    The dashed line is the median disagreement over all accounts; the title
    names the account the experts disagree on most (ties: by account id).
    """
    ax = get_ax(ax, figsize=(7, 4.5))
    dis = panel.disagreement.sort_index().sort_values(ascending=False, kind="stable")
    d = dis.head(top).rename_axis("account").reset_index()
    sns.barplot(data=d, x="disagreement", y="account", color=INK["blue"], ax=ax)
    med = float(panel.disagreement.median())
    ax.axvline(med, color=INK["black"], ls="--", lw=1, zorder=3)
    if title is None:
        title = t("bm_disagreement_finding", lang, account=str(dis.index[0]), top=float(dis.iloc[0]), median=med)
    return decorate(ax, _title(title, lang), t("bm_disagreement_axis", lang), t("bm_account", lang), lang)


def sensitivity_bars(table: pd.DataFrame, delta: float, ax=None, lang: str = "en", n: int | None = None,
                     title: str | None = None):
    """Accounts changing cell when each indicator's weight goes up / down (a :func:`weight_sensitivity` table).

    The legend sits outside the bars; the title names the indicator that
    moves the most accounts (of ``n``, default ``table.attrs["n_accounts"]``).
    """
    ax = get_ax(ax, figsize=(7, 6))
    d = table.reset_index()
    d["label"] = [bm.label(i, lang) for i in d["indicator"]]
    long = d.melt(id_vars="label", value_vars=["cells_up", "cells_down"], var_name="kind", value_name="n")
    long["kind"] = long["kind"].map({"cells_up": t("bm_weight_up", lang), "cells_down": t("bm_weight_down", lang)})
    sns.barplot(data=long, x="n", y="label", hue="kind", palette=[INK["green"], INK["red"]], ax=ax)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=8)
    if title is None:
        most = table[["cells_up", "cells_down"]].max(axis=1)
        top = most.sort_index().sort_values(ascending=False, kind="stable").index[0]
        total = n if n is not None else table.attrs.get("n_accounts", "?")
        title = t("bm_sensitivity_finding", lang, indicator=bm.label(top, lang), moved=int(most[top]), n=total,
                  delta=delta)
    ax.set_title(_title(title, lang, 46), pad=24)
    return decorate(ax, None, t("bm_accounts_changed", lang), "", lang)


def cell_confusion(estimated: pd.Series, true: pd.Series, ax=None, lang: str = "en", title: str | None = None):
    """Heat map of estimated vs true cells ("high/good", ...).

    The title gives the share that agree and how many of the misplaced
    accounts are one level off on one axis only (a neighbouring cell of the
    3 x 3 grid; in this 9 x 9 ordering such a neighbour need not sit next to
    the diagonal).
    """
    ax = get_ax(ax, figsize=(7, 6))
    order = [f"{a}/{r}" for a in bm.ATTRACTIVENESS_LEVELS[::-1] for r in bm.RELATIONSHIP_LEVELS[::-1]]
    est, tru = pd.Series(estimated).align(pd.Series(true), join="inner")
    tab = pd.crosstab(pd.Categorical(tru, categories=order), pd.Categorical(est, categories=order), dropna=False)
    names = [bm.cell_label(c, lang) for c in order]
    # labels set after drawing: seaborn renders the figure once inside heatmap(), before the CJK font is set
    sns.heatmap(tab, annot=True, fmt="d", cmap="Blues", cbar=False, xticklabels=False, yticklabels=False, ax=ax)
    ticks = np.arange(len(names)) + 0.5
    ax.set_xticks(ticks, names, rotation=45, ha="right")
    ax.set_yticks(ticks, names, rotation=0)
    if title is None:
        dist = bm.cell_distance(est, tru)
        wrong = int((dist > 0).sum())
        one_off = int((dist == 1).sum())
        title = t("bm_confusion_finding", lang, agree=float((dist == 0).mean()), one_off=one_off, wrong=wrong)
    return decorate(ax, _title(title, lang, 55), t("bm_estimated_cell", lang), t("bm_true_cell", lang), lang)


def share_trend(accounts: pd.DataFrame, share: str = "wallet_share", share_3y: str = "wallet_share_3y",
                band: float = 0.02, ax=None, lang: str = "en", title: str | None = None):
    """Wallet share now against three years ago (the two points the data carry), one dot per account.

    Dots above the diagonal gained share; the grey band is +/- ``band``
    (2 points: the "stable" band of the trend indicator). Colour: gained,
    stable, lost. The title counts the accounts that gained and lost more
    than ``band``.

    Parameters
    ----------
    accounts : DataFrame
        One row per account with both wallet shares (0-1).
    share, share_3y : str
        Columns of the wallet share now and three years ago.
    band : float, default 0.02
        Half-width of the "stable" band around the diagonal.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    title : str, optional
        Replaces the finding title.
    """
    ax = get_ax(ax, figsize=(6.5, 6))
    now = accounts[share].to_numpy(dtype="float64")
    then = accounts[share_3y].to_numpy(dtype="float64")
    change = np.round(now - then, 9)
    kind = np.where(change > band, "gained", np.where(change < -band, "lost", "stable"))
    colors = {"gained": INK["green"], "stable": INK["grey"], "lost": INK["red"]}
    names = {"gained": "bm_share_gained", "stable": "bm_share_stable", "lost": "bm_share_lost"}
    grid = np.linspace(0, 1, 2)
    ax.fill_between(grid, grid - band, grid + band, color=INK["grey_light"], alpha=0.5, lw=0, zorder=0)
    ax.plot(grid, grid, color=INK["grey"], lw=1, ls="--", zorder=1, label=t("bm_no_change", lang))
    for k in ("gained", "stable", "lost"):
        sel = kind == k
        ax.scatter(then[sel], now[sel], s=22, alpha=0.75, color=colors[k], label=f"{t(names[k], lang)} ({sel.sum()})",
                   edgecolor=INK["white"], linewidth=0.4, zorder=2)
    top = min(1.0, float(np.ceil((max(now.max(), then.max()) + 0.05) * 10) / 10)) if len(now) else 1.0
    ax.set_xlim(0, top)
    ax.set_ylim(0, top)
    ax.set_aspect("equal")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    if title is None:
        title = t("bm_share_trend_title", lang, up=int((kind == "gained").sum()), down=int((kind == "lost").sum()))
    return decorate(ax, _title(title, lang, 55), t("bm_share_3y_axis", lang), t("bm_share_now_axis", lang), lang)


def budget_bars(plan: pd.DataFrame, ax=None, lang: str = "en", title: str | None = None):
    """Share of the budget and share of sales per cell (a :func:`crmlab.burnett.budget_by_cell` table)."""
    ax = get_ax(ax, figsize=(7, 5))
    d = plan.assign(budget_share=plan["budget"] / plan["budget"].sum())
    y = np.arange(len(d))
    ax.barh(y - 0.2, d["budget_share"], height=0.4, color=INK["blue"], label=t("bm_budget_share", lang))
    if "revenue_share" in d:
        ax.barh(y + 0.2, d["revenue_share"], height=0.4, color=INK["grey_light"], label=t("bm_sales_share", lang))
    ax.set_yticks(y, [f"{c} ({s})" for c, s in zip(d["cell_label"], d["strategy_label"])])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=8)
    if title is None:
        top = d.sort_values("budget", ascending=False, kind="stable").iloc[0]
        title = t("bm_budget_title", lang, cell=top["cell_label"], budget=float(top["budget_share"]),
                  sales=float(top.get("revenue_share", float("nan"))))
    ax.set_title(_title(title, lang), pad=24)
    return decorate(ax, None, "", "", lang)
