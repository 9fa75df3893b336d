"""Plots for topic 6: margin multipliers, the retention-sensitivity surface, P(alive), BG/NBD tracking and conditional expectations, spend, CLV, equity;
market-basket rules and lift; perceived value and the customer value map (Gale 1994)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab import validate as _v
from crmlab.errors import CRMDataError
from crmlab.labels import label, t
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax
from crmlab.value.basket import BASKET, ITEM, SEP, _matrix

__all__ = ["multiplier_heatmap", "retention_surface_heatmap", "p_alive_curves", "tracking_plot", "conditional_plot", "spend_shrinkage",
           "clv_distribution", "equity_heatmap", "rules_map", "lift_heatmap", "cpv_bars", "value_map_plot",
           "VALUE_COLORS"]


def multiplier_heatmap(table: pd.DataFrame, ax=None, lang: str = "en", discount: float | None = None):
    """The margin-multiplier table of :func:`crmlab.value.margin_multiplier_table` as an annotated heat map."""
    ax = get_ax(ax, figsize=(6.5, 4.5))
    cols = list(table.columns)
    d = discount if discount is not None and discount in cols else cols[len(cols) // 2]
    sns.heatmap(table, annot=True, fmt=".2f", cmap="Blues", ax=ax, cbar=True,
                xticklabels=[f"{c:.0%}" for c in cols], yticklabels=[f"{r:.0%}" for r in table.index])
    ax.set_yticks(ax.get_yticks(), [f"{r:.0%}" for r in table.index], rotation=0)
    col = table[d]
    title = t("val_multiplier_title", lang, d=d, r_hi=col.index.max(), hi=col.loc[col.index.max()],
              r_lo=col.index.min(), lo=col.loc[col.index.min()])
    return decorate(ax, title, t("val_discount", lang), t("val_retention", lang), lang)


def retention_surface_heatmap(surface: pd.DataFrame, low: float = 25.0, high: float = 85.0, ax=None,
                              lang: str = "en"):
    """The surface of :func:`crmlab.value.retention_surface`: each cell's % rise, coloured below / inside / above
    the range ``low``-``high`` (Reichheld & Sasser's 25-85%); the title counts the cells inside."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    if not isinstance(surface, pd.DataFrame) or surface.empty:
        raise CRMDataError("surface must be the DataFrame of crmlab.value.retention_surface. "
                           "Fix: surface = value.retention_surface(...).")
    ax = get_ax(ax, figsize=(7, 5.5))
    values = surface.to_numpy(dtype="float64")
    band = np.where(values < low, 0, np.where(values > high, 2, 1))
    colors = [INK["grey_light"], INK["blue"], INK["orange"]]
    sns.heatmap(pd.DataFrame(band, index=surface.index, columns=surface.columns), annot=values, fmt=".1f",
                cmap=ListedColormap(colors), vmin=-0.5, vmax=2.5, cbar=False, linewidths=0.5, linecolor="white",
                annot_kws={"fontsize": 9}, ax=ax,
                xticklabels=[f"{g:.0%}" for g in surface.columns], yticklabels=[f"{r:.0%}" for r in surface.index])
    ax.set_yticks(ax.get_yticks(), [f"{r:.0%}" for r in surface.index], rotation=0)
    counts = [int((band == k).sum()) for k in range(3)]
    handles = [Patch(color=c, label=t(key, lang, low=low, high=high))
               for c, key in zip(colors, ["val_rs_below", "val_rs_inside", "val_rs_above"])]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, frameon=False)
    key = "val_rs_title_only" if counts[1] < band.size / 2 else "val_rs_title"
    points = round(100 * float(surface.attrs.get("delta", 0.05)), 6)
    title = t(key, lang, points=points, inside=counts[1], cells=band.size, low=low, high=high, below=counts[0], above=counts[2])
    return decorate(ax, title, t("val_growth", lang), t("val_base_retention", lang), lang)


def p_alive_curves(model, T: float = 52.0, xs=(1, 3, 6, 12), ax=None, lang: str = "en"):
    """P(alive) against recency for a few purchase counts, at age ``T`` (FHL 2005a's reading of the model)."""
    ax = get_ax(ax)
    rec = np.linspace(0, T, 200)
    colors = PALETTES["cycle"]
    for i, x in enumerate(xs):
        ax.plot(rec, model.p_alive(np.full_like(rec, x), rec, np.full_like(rec, T)), color=colors[i % len(colors)],
                lw=2, label=t("val_x_purchases", lang, x=x))
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower right")
    return decorate(ax, t("val_p_alive_title", lang, T=T), t("val_recency_weeks", lang), t("val_p_alive", lang),
                    lang)


def tracking_plot(track: pd.DataFrame, ax=None, lang: str = "en"):
    """Cumulative repeat purchases, actual vs model, from :func:`crmlab.value.tracking`; calibration end marked."""
    ax = get_ax(ax, figsize=(8, 4.5))
    weeks = np.arange(1, len(track) + 1)
    ax.plot(weeks, track["actual"], color=INK["blue"], lw=2, label=t("val_actual", lang))
    ax.plot(weeks, track["model"], color=INK["orange"], lw=2, ls="--", label=t("val_model", lang))
    hold = track["holdout"].to_numpy()
    if hold.any():
        cut = int(np.argmax(hold)) + 0.5
        ax.axvline(cut, color=INK["grey"], lw=1, ls=":")
        ax.text(cut, ax.get_ylim()[1] * 0.97, " " + t("val_calibration_end", lang), va="top", ha="left",
                color=INK["grey"], fontsize=9)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    err = float(track["model"].iloc[-1] / track["actual"].iloc[-1] - 1)
    return decorate(ax, t("val_tracking_title", lang, err=err), t("val_week", lang), t("val_cum_repeat", lang),
                    lang)


def conditional_plot(table: pd.DataFrame, ax=None, lang: str = "en"):
    """Mean holdout purchases by calibration frequency, actual vs expected (:func:`crmlab.value.conditional_expectations`)."""
    ax = get_ax(ax)
    xs = table.index.to_numpy()
    ax.plot(xs, table["actual"], marker="o", color=INK["blue"], label=t("val_actual", lang))
    ax.plot(xs, table["expected"], marker="s", ls="--", color=INK["orange"], label=t("val_expected", lang))
    top = table.attrs.get("max_x", xs.max())
    ax.set_xticks(xs, [f"{int(k)}+" if k == top else str(int(k)) for k in xs])
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    gap = table["expected"] - table["actual"]
    at = gap.abs().idxmax()
    at_label = f"{int(at)}+" if at == top else str(int(at))
    return decorate(ax, t("val_conditional_title", lang, gap=float(gap.loc[at]), at=at_label),
                    t("val_cal_frequency", lang), t("val_holdout_mean", lang), lang)


def spend_shrinkage(summary: pd.DataFrame, expected, population_mean: float, ax=None, lang: str = "en",
                    frequency: str = "frequency", monetary: str = "monetary_value", max_x: int = 10):
    """Observed mean spend vs Gamma-Gamma expected spend, coloured by the number of purchases.

    Parameters
    ----------
    summary : DataFrame
        The customer summary (frequency and mean spend per customer).
    expected : array-like
        Expected spend per customer, in the order of ``summary``.
    population_mean : float
        The population mean spend p gamma / (q - 1), drawn as a line.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    frequency, monetary : str
        Columns of the repeat purchases and the mean spend.
    max_x : int, default 10
        Colour scale capped at this many purchases.
    """
    ax = get_ax(ax, figsize=(6.5, 5))
    keep = summary[frequency].to_numpy() > 0
    m = summary[monetary].to_numpy()[keep]
    e = np.asarray(expected)[keep]
    x = np.minimum(summary[frequency].to_numpy()[keep], max_x)
    pts = ax.scatter(m, e, c=x, cmap="viridis", s=12, alpha=0.7)
    cbar = ax.figure.colorbar(pts, ax=ax)
    cbar.set_label(t("val_frequency", lang) + f" ({max_x}+)")
    hi = float(max(m.max(), e.max()))
    ax.plot([0, hi], [0, hi], color=INK["grey"], lw=1, ls=":", label=t("val_no_shrinkage", lang))
    ax.axhline(population_mean, color=INK["orange"], lw=1)
    ax.legend(loc="upper left")
    return decorate(ax, t("val_spend_title", lang, mean=population_mean), t("val_observed_spend", lang),
                    t("val_expected_spend", lang), lang)


def clv_distribution(clv: pd.Series, simple: float, years: float, ax=None, lang: str = "en"):
    """Histogram of the model CLV per customer, with its mean and the simple formula's one value."""
    ax = get_ax(ax)
    values = np.asarray(clv, dtype="float64")
    hi = float(np.quantile(values, 0.99))
    ax.hist(np.clip(values, None, hi), bins=40, color=INK["blue"], alpha=0.8)
    ax.axvline(values.mean(), color=INK["orange"], lw=2, label=t("val_model_mean", lang) + f" {values.mean():.0f}")
    ax.axvline(simple, color=INK["grey"], lw=2, ls="--", label=t("val_simple_clv", lang) + f" {simple:.0f}")
    ax.legend(loc="upper right")
    srt = np.sort(values)[::-1]
    k = max(1, int(round(0.2 * len(srt))))
    share = srt[:k].sum() / srt.sum()
    return decorate(ax, t("val_clv_title", lang, share=share), t("val_clv_axis", lang, years=years),
                    t("val_customers", lang), lang)


def equity_heatmap(grid: pd.DataFrame, best: pd.Series, ax=None, lang: str = "en"):
    """Customer equity per prospect over acquisition (columns) and retention (rows) spending, optimum marked.

    ``grid``: rows R, columns A (from :func:`crmlab.value.customer_equity` on a mesh);
    ``best``: :func:`crmlab.value.budget_split`.
    """
    ax = get_ax(ax, figsize=(7, 5))
    A, R = grid.columns.to_numpy(dtype=float), grid.index.to_numpy(dtype=float)
    mesh = ax.pcolormesh(A, R, grid.to_numpy(), cmap="Greens", shading="nearest")
    cbar = ax.figure.colorbar(mesh, ax=ax)
    cbar.set_label(t("val_equity", lang))
    ax.plot([best["acquisition_spend"]], [best["retention_spend"]], marker="*", ms=16, color=INK["orange"],
            ls="none", label=t("val_optimum", lang))
    ax.legend(loc="upper right")
    return decorate(ax, t("val_equity_title", lang, A=best["acquisition_spend"], R=best["retention_spend"],
                          share=best["acquisition_share"]),
                    t("val_acq_spend", lang), t("val_ret_spend", lang), lang)


# ------------------------------------------------------------------ market-basket analysis
RULE_COLUMNS = ("rule", "support", "confidence", "lift")


def _rule_text(row, lang: str) -> str:
    """A rule as the reader's words: the item names of ``lang`` (the raw ``rule`` text without the item columns)."""
    if "antecedent" not in row.index or "consequent" not in row.index:
        return str(row["rule"])
    side = [" + ".join(label(i, lang, "item_") for i in str(row[c]).split(SEP)) for c in ("antecedent", "consequent")]
    return f"{side[0]} → {side[1]}"


def rules_map(rules: pd.DataFrame, ax=None, lang: str = "en", label_top: int = 3):
    """Support (x) against confidence (y) of every rule of :func:`crmlab.value.association_rules`, sized by lift.

    The ``label_top`` rules with the highest lift are named; the title
    names the strongest rule by lift (of its two directions, the one with the higher confidence).
    """
    if not isinstance(rules, pd.DataFrame) or not set(RULE_COLUMNS) <= set(rules.columns):
        raise CRMDataError("rules must be the table of association_rules(...) (columns rule, support, confidence, "
                           "lift). Fix: pass association_rules(lines, min_support=...).")
    label_top = _v.require_int(label_top, "label_top", minimum=0)
    ax = get_ax(ax, figsize=(7.5, 5))
    if rules.empty:
        return decorate(ax, t("vb_rules_none", lang), t("vb_support", lang), t("vb_confidence", lang), lang)
    top = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable")
    size = 30 + 250 * (rules["lift"] / float(rules["lift"].max()))
    ax.scatter(rules["support"] * 100, rules["confidence"] * 100, s=size, color=INK["blue"], alpha=0.55,
               edgecolor=INK["white"], label=t("vb_lift_size", lang))
    seen = set()
    shown = 0
    for _, r in top.iterrows():  # a handful of labels, not the data
        if shown >= label_top:
            break
        pair = frozenset(r["rule"].replace(" → ", " + ").split(" + "))
        if pair in seen:
            continue
        seen.add(pair)
        shown += 1
        ax.annotate(f"{_rule_text(r, lang)}\n({t('vb_lift', lang)} {r['lift']:.2f})",
                    (r["support"] * 100, r["confidence"] * 100),
                    xytext=(8, -4 - 10 * (shown % 2)), textcoords="offset points", fontsize=8, color=INK["ink_dark"],
                    bbox={"boxstyle": "round,pad=0.2", "fc": INK["white"], "ec": "none", "alpha": 0.95}, zorder=4)
    ax.set_xlim(0, max(float(rules["support"].max()) * 100 * 1.25, 1))
    ax.set_ylim(0, 105)
    ax.legend(loc="upper right", frameon=False)
    best = top.iloc[0]
    title = t("vb_rules_title", lang, rule=_rule_text(best, lang), lift=float(best["lift"]), confidence=float(best["confidence"]))
    return decorate(ax, title, t("vb_support", lang) + " (%)", t("vb_confidence", lang) + " (%)", lang)


def lift_heatmap(baskets: pd.DataFrame, items=None, ax=None, lang: str = "en", basket: str = BASKET,
                 item: str = ITEM, top: int = 12):
    """Lift of every pair of items (the ``top`` most frequent, or ``items``) as a heatmap centred on 1.

    lift(a, b) = support(a, b) / (support(a) support(b)); a pair never bought
    together shows 0. The title names the strongest pair shown.

    Parameters
    ----------
    baskets : DataFrame
        Basket lines (one row per item in a basket) or a one-hot table (one row per basket).
    items : list of str, optional
        The items to show (two or more); default: the ``top`` most frequent.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels and item names.
    basket, item : str, default "basket_id", "item"
        Columns of the basket lines.
    top : int, default 12
        How many of the most frequent items to show when ``items`` is not given.
    """
    top = _v.require_int(top, "top", minimum=2)
    m, _, names = _matrix(baskets, basket, item)
    count = m.sum(axis=0)
    if items is None:
        order = np.lexsort((np.arange(len(names)), -count))[:top]
        keep = np.sort(order)
    else:
        items = [items] if isinstance(items, str) else list(items)
        unknown = [i for i in items if i not in names]
        if unknown or len(items) < 2:
            raise CRMDataError(f"items={items!r}: need two or more items of the data"
                               + (f"; {unknown[0]!r} is in no basket" if unknown else "") + ". Fix: pick items from "
                               f"{', '.join(map(repr, list(names)[:8]))} ...")
        keep = np.sort(names.get_indexer(items))
    sub = m[:, keep].astype("float64")
    n = m.shape[0]
    pair = sub.T @ sub
    single = np.diag(pair)
    lift = pair * n / np.outer(single, single)
    np.fill_diagonal(lift, np.nan)
    shown = [label(x, lang, "item_") for x in names[keep]]
    table = pd.DataFrame(lift, index=shown, columns=shown)
    ax = get_ax(ax, figsize=(8, 6.5))
    vmax = max(float(np.nanmax(lift)), 2.0)
    from matplotlib.colors import TwoSlopeNorm

    sns.heatmap(table, annot=True, fmt=".1f", cmap="RdBu_r", norm=TwoSlopeNorm(vcenter=1.0, vmin=0.0, vmax=vmax),
                ax=ax, annot_kws={"fontsize": 7}, xticklabels=False, yticklabels=False)
    # names and colour-bar label set after seaborn's own draw, so that decorate gives them the language's font
    ticks = np.arange(len(shown)) + 0.5
    ax.set_xticks(ticks, shown, rotation=90)
    ax.set_yticks(ticks, shown, rotation=0)
    ax.collections[0].colorbar.set_label(t("vb_lift_colorbar", lang))
    i, j = np.unravel_index(np.nanargmax(np.where(np.isnan(lift), -np.inf, lift)), lift.shape)
    title = t("vb_lift_heatmap_title", lang, a=shown[min(i, j)], b=shown[max(i, j)], lift=float(lift[i, j]))
    return decorate(ax, title, t("vb_item", lang), t("vb_item", lang), lang)


# ------------------------------------------------------------------ perceived value
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
        gap = round(float(row["value_gap"]), 2) + 0.0  # + 0.0: a gap that rounds to zero shows +0.00, not -0.00
        ax.annotate(f"{label(f, lang, 'firm_')} ({gap:+.2f})", (row["relative_quality"], row["relative_price"]),
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
