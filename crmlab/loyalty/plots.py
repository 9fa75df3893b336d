"""Plots for topic 3: deciles, Pareto curve, cohorts, churn, RFM, CLV, NPS, Jones & Sasser, BG/NBD."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax, label_or_key

__all__ = ["decile_bars", "pareto_curve", "cohort_heatmap", "churn_bars", "rfm_bars", "sensitivity_plot",
           "clv_curve", "nps_bars", "jones_sasser_map", "trap_bars", "bgnbd_holdout", "segment_heatmap",
           "churn_reason_bars", "target_bars",
           "LOYALTY_COLORS"]

# One colour per loyalty type, the same in every loyalty plot.
LOYALTY_COLORS = PALETTES["loyalty_type"]
NPS_COLORS = PALETTES["nps"]
RFM_ORDER = ("champions", "loyal_customers", "potential_loyalists", "new_customers", "need_attention",
             "at_risk", "hibernating")


def decile_bars(deciles: pd.DataFrame, ax=None, lang: str = "en"):
    """Share of sales and of profit per decile of a :func:`crmlab.loyalty.purchase_deciles` table."""
    ax = get_ax(ax)
    cols = ["sales_share"] + (["profit_share"] if "profit_share" in deciles else [])
    long = (deciles[cols] * 100).reset_index().melt(id_vars=deciles.index.name, var_name="kind", value_name="pct")
    long["kind"] = [t(k, lang) for k in long["kind"]]
    sns.barplot(data=long, x=deciles.index.name, y="pct", hue="kind", ax=ax,
                palette=[INK["blue"], INK["green"]][: len(cols)])
    top = float(deciles["profit_share"].iloc[0]) if "profit_share" in deciles else float(deciles["sales_share"].iloc[0])
    return decorate(ax, t("decile_title", lang, top=top), t("decile", lang), t("share_pct", lang), lang,
                    legend_title="")


def pareto_curve(curve: pd.DataFrame, gini: float, ax=None, lang: str = "en", top: float = 0.2):
    """The Pareto (best-first Lorenz) curve of :func:`crmlab.loyalty.lorenz_curve`, with the 80/20 mark."""
    ax = get_ax(ax, figsize=(6, 5))
    ax.plot(curve["customer_share"] * 100, curve["value_share"] * 100, color=INK["blue"], lw=2,
            label=t("pareto_curve", lang))
    ax.plot([0, 100], [0, 100], color=INK["grey"], ls="--", lw=1, label=t("equality", lang))
    share = float(np.interp(top, curve["customer_share"], curve["value_share"]))
    ax.plot([top * 100, top * 100, 0], [0, share * 100, share * 100], color=INK["red"], lw=1, ls=":")
    ax.annotate(f"{top:.0%} → {share:.0%}", (top * 100, share * 100), xytext=(8, -14), textcoords="offset points")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 101)
    ax.legend(loc="lower right")
    return decorate(ax, t("pareto_title", lang, share=share, gini=gini), t("cum_customers", lang) + " (%)",
                    t("cum_value", lang) + " (%)", lang)


_PERIOD_LABEL = {"Q": "quarters_since", "M": "months_since", "Y": "years_since"}


def cohort_heatmap(table: pd.DataFrame, ax=None, lang: str = "en", freq: str = "Q"):
    """Heatmap of a :func:`crmlab.loyalty.cohort_retention` table (percent); ``freq`` as in that table."""
    ax = get_ax(ax, figsize=(9, 5))
    sns.heatmap(table * 100, annot=True, fmt=".0f", cmap="Blues", vmin=0, vmax=100, ax=ax)
    ax.collections[0].colorbar.set_label(t("retention_axis", lang) + " (%)")  # font set by decorate
    xlabel = t(_PERIOD_LABEL.get(str(freq).upper()[:1], "periods_since"), lang)
    return decorate(ax, t("cohort_title", lang), xlabel, t("cohort", lang), lang)


def churn_bars(table: pd.DataFrame, ax=None, lang: str = "en", confidence: float = 0.95, group_label: str = "channel"):
    """Churn rate per group of a :func:`crmlab.loyalty.churn_by_group` table, with its interval."""
    ax = get_ax(ax)
    data = table.reset_index()
    key = data.columns[0]
    data["label"] = [label_or_key(g, lang) for g in data[key]]
    bars_with_interval(ax, data, "rate", colors=INK["red"], labels=data["label"], scale=100, saturation=0.75)
    ax.set_ylim(0, 100)
    return decorate(ax, t("churn_title", lang, pct=round(confidence * 100)), t(group_label, lang),
                    t("churn_rate", lang), lang)


def rfm_bars(rfm_table: pd.DataFrame, ax=None, lang: str = "en"):
    """Number of customers per RFM segment (of a :func:`crmlab.loyalty.rfm` table)."""
    ax = get_ax(ax)
    counts = rfm_table["segment"].value_counts().reindex(list(RFM_ORDER), fill_value=0)
    labels = [t(k, lang) for k in counts.index]
    sns.barplot(x=counts.to_numpy(), y=labels, color=INK["blue"], ax=ax, orient="h")
    for i, c in enumerate(counts):
        ax.text(c, i, f" {c}", va="center")
    return decorate(ax, t("rfm_title", lang), t("customers", lang), t("rfm_segment", lang), lang)


def sensitivity_plot(tables: dict, ax=None, lang: str = "en"):
    """CLV change for +5 points of retention against base retention, one line per profile.

    ``tables`` maps a legend text to a :func:`crmlab.loyalty.retention_sensitivity` table.
    """
    ax = get_ax(ax)
    lows, highs = [], []
    for (name, tab), color in zip(tables.items(), PALETTES["cycle"] * 2):
        ax.plot(tab.index * 100, tab["change_pct"], marker="o", label=name, color=color)
        lows.append(tab["change_pct"].min())
        highs.append(tab["change_pct"].max())
    ax.axhspan(25, 85, color=INK["green"], alpha=0.12, label=t("reichheld_band", lang))
    ax.legend()
    return decorate(ax, t("sensitivity_title", lang, low=min(lows), high=max(highs)),
                    t("base_retention", lang) + " (%)", t("clv_change", lang), lang)


def clv_curve(projections: dict, ax=None, lang: str = "en"):
    """Cumulative discounted margin by period, one line per :func:`crmlab.loyalty.clv_projection`."""
    ax = get_ax(ax, figsize=(6.5, 4))
    for name, proj in projections.items():
        ax.plot(proj.index, proj["cum_clv"], marker=".", label=name)
    ax.legend()
    return decorate(ax, None, t("period", lang), t("cum_clv", lang), lang)


def nps_bars(table: pd.DataFrame, ax=None, lang: str = "en"):
    """Stacked shares of promoters, passives and detractors per group of a :func:`crmlab.loyalty.nps` table."""
    ax = get_ax(ax, figsize=(7, 1.2 + 0.6 * len(table)))
    left = np.zeros(len(table))
    labels = [label_or_key(g, lang) for g in table.index]
    for key in ("detractors", "passives", "promoters"):
        vals = table[key].to_numpy() * 100
        ax.barh(labels, vals, left=left, color=NPS_COLORS[key], label=t(key, lang))
        for i, (l0, w) in enumerate(zip(left, vals)):
            if w >= 6:
                ax.text(l0 + w / 2, i, f"{w:.0f}", ha="center", va="center", color=INK["white"])
        left += vals
    ax.set_xlim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False)
    nps = float(table["nps"].iloc[0])
    return decorate(ax, t("nps_title", lang, nps=nps), t("nps_share", lang), None, lang)


def jones_sasser_map(df: pd.DataFrame, types: pd.Series, satisfaction: str = "satisfaction",
                     loyalty: str = "purchases_next", loyal_at: float = 2, satisfied_at: float = 5,
                     ax=None, lang: str = "en", seed: int = 0):
    """The satisfaction-loyalty matrix: satisfaction (jittered) against later purchases, coloured by type.

    The y axis is symmetric-logarithmic (linear from 0 to 4, logarithmic above, noted on the axis) so
    that the few heavy buyers do not squeeze everyone else into the bottom row; the legend sits outside
    the axes, so it covers no point.

    Parameters
    ----------
    df : DataFrame
        One row per respondent.
    types : Series
        The Jones & Sasser type per respondent (:func:`crmlab.loyalty.jones_sasser`).
    satisfaction : str, default "satisfaction"
        Column of satisfaction (x axis).
    loyalty : str, default "purchases_next"
        Column of later purchases (y axis).
    loyal_at, satisfied_at : float, default 2 and 5
        Where the dashed dividing lines are drawn (use the thresholds of the classification).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    seed : int, default 0
        Seed of the jitter.
    """
    ax = get_ax(ax, figsize=(8.5, 5.5))
    rng = np.random.default_rng(seed)
    keep = types.notna()
    x = df.loc[keep, satisfaction].astype(float) + rng.uniform(-0.3, 0.3, keep.sum())
    y = df.loc[keep, loyalty].astype(float) + rng.uniform(-0.3, 0.3, keep.sum())
    data = pd.DataFrame({"x": x, "y": y, "type": types[keep].map(lambda k: t(k, lang))})
    palette = {t(k, lang): c for k, c in LOYALTY_COLORS.items()}
    order = [t(k, lang) for k in LOYALTY_COLORS if t(k, lang) in set(data["type"])]
    sns.scatterplot(data=data, x="x", y="y", hue="type", hue_order=order, palette=palette, s=14, alpha=0.7,
                    ax=ax, linewidth=0)
    ax.set_yscale("symlog", linthresh=4)
    top = max(float(y.max()), 4.0)
    ticks = [v for v in (0, 1, 2, 4, 8, 16, 32, 64, 128) if v <= top * 1.1]
    ax.set_yticks(ticks, [str(v) for v in ticks])
    ax.minorticks_off()
    ax.set_ylim(-0.6, top * 1.25)
    ax.axvline(satisfied_at - 0.5, color=INK["grey"], ls="--", lw=1)
    ax.axhline(loyal_at - 0.5, color=INK["grey"], ls="--", lw=1)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlim(0.5, 5.5)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, markerscale=1.5, frameon=False)
    return decorate(ax, t("js_title", lang), t("satisfaction_15", lang),
                    t("purchases_next", lang) + "\n" + t("symlog_note", lang), lang, legend_title=t("js_type", lang))


def trap_bars(table: pd.DataFrame, ax=None, lang: str = "en", satisfied_at: int = 5):
    """Share who stayed loyal per satisfaction level (a table with n, rate, ci_low, ci_high by level).

    One colour for the levels below ``satisfied_at`` and one for the satisfied (top box by default):
    the colours mark the classification, not a rainbow of levels. The title states the ratio of the
    top box's rate to the rate one level below.
    """
    ax = get_ax(ax)
    data = table.reset_index()
    level = data.columns[0]
    colors = [INK["blue"] if lv >= satisfied_at else INK["grey"] for lv in data[level]]
    bars_with_interval(ax, data, "rate", colors=colors, labels=data[level].astype(str), scale=100, saturation=0.75)
    ax.set_ylim(0, 100)
    rates = data.set_index(level)["rate"]
    below = rates[rates.index < satisfied_at]
    if satisfied_at in rates.index and len(below) and below.iloc[-1] > 0:
        title = t("trap_title", lang, top=rates[satisfied_at], below=below.iloc[-1],
                  ratio=rates[satisfied_at] / below.iloc[-1])
    else:
        title = t("trap_title_plain", lang)
    return decorate(ax, title, t("satisfaction_15", lang), t("loyal_rate", lang), lang)


def bgnbd_holdout(summary: pd.DataFrame, predicted, ax=None, lang: str = "en", max_x: int = 10,
                  frequency: str = "frequency", actual: str = "frequency_holdout"):
    """Mean actual vs predicted holdout purchases by calibration frequency (the FHL 2005 check).

    Parameters
    ----------
    summary : DataFrame
        The :func:`crmlab.loyalty.rfm_summary` table with a holdout period.
    predicted : array-like
        Predicted holdout purchases per customer, in the order of ``summary``.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    max_x : int, default 10
        Calibration frequencies from this value up are pooled ("10+").
    frequency, actual : str
        Columns of the calibration frequency and the actual holdout purchases.
    """
    ax = get_ax(ax)
    x = summary[frequency].clip(upper=max_x)
    data = pd.DataFrame({"x": x, "actual": summary[actual], "predicted": np.asarray(predicted)})
    means = data.groupby("x")[["actual", "predicted"]].mean()
    ax.plot(means.index, means["actual"], marker="o", color=INK["blue"], label=t("actual", lang))
    ax.plot(means.index, means["predicted"], marker="s", ls="--", color=INK["orange"], label=t("predicted", lang))
    ticks = list(means.index)
    ax.set_xticks(ticks, [f"{int(k)}+" if k == max_x else str(int(k)) for k in ticks])
    ax.legend()
    return decorate(ax, t("bgnbd_title", lang, pred=data["predicted"].sum(), act=data["actual"].sum()),
                    t("cal_purchases", lang), t("holdout_purchases", lang), lang)


def segment_heatmap(crosstab: pd.DataFrame, ax=None, lang: str = "en"):
    """Row-normalised crosstab of true segments (rows) against estimated types (columns), in percent.

    Each cell is the percentage of a true segment's respondents given that estimated type (rows add up
    to 100%); the colour bar shows the scale and the rows' sizes are in the tick labels (n).
    """
    ax = get_ax(ax, figsize=(8.5, 5))
    sizes = crosstab.sum(axis=1)
    share = crosstab.div(sizes.where(sizes > 0), axis=0) * 100
    sns.heatmap(share, annot=share.map(lambda v: "" if pd.isna(v) else f"{v:.0f}%"), fmt="", cmap="Greens",
                vmin=0, vmax=100, ax=ax, cbar=True, xticklabels=True, yticklabels=True)
    ax.collections[0].colorbar.set_label(t("row_pct", lang))
    # translated tick labels only after seaborn has drawn (it draws once to lay out the ticks)
    ax.set_xticks(ax.get_xticks(), [t(k, lang) for k in share.columns], rotation=30, ha="right")
    ax.set_yticks(ax.get_yticks(), [f"{t(k, lang)} (n={int(sizes[k])})" for k in share.index], rotation=0)
    diag = sum(crosstab.loc[k, k] for k in crosstab.index if k in crosstab.columns)
    acc = diag / crosstab.to_numpy().sum()
    return decorate(ax, t("segments_title", lang, acc=acc), t("estimated_type", lang), t("true_segment", lang), lang)


def churn_reason_bars(reasons: pd.Series, ax=None, lang: str = "en", confidence: float = 0.95):
    """Share of each churn reason among the lapsed respondents who gave one, with Wilson intervals.

    ``reasons`` holds one reason key per respondent (missing = not asked); the bars are sorted by share.
    """
    from crmlab.stats import wilson_ci
    ax = get_ax(ax, figsize=(7, 4))
    counts = reasons.dropna().value_counts()
    counts = counts.iloc[np.lexsort((counts.index.astype(str), -counts.to_numpy()))]
    n = int(counts.sum())
    lo, hi = wilson_ci(counts.to_numpy(), np.full(len(counts), n), confidence)
    data = pd.DataFrame({"rate": counts.to_numpy() / n, "ci_low": lo, "ci_high": hi})
    bars_with_interval(ax, data, "rate", colors=INK["red"], labels=[t("reason_" + k, lang) for k in counts.index], scale=100,
                       saturation=0.75, horizontal=True)
    ax.invert_yaxis()
    top = counts.index[0]
    return decorate(ax, t("reason_title", lang, reason=t("reason_" + top, lang), share=counts.iloc[0] / n, n=n),
                    t("reason_share", lang), None, lang)


def target_bars(targets: pd.DataFrame, ax=None, lang: str = "en"):
    """Share of customers, of sales and of profit per target group of :func:`crmlab.loyalty.customer_targets`."""
    from crmlab.loyalty.core import TARGET_GROUPS
    ax = get_ax(ax, figsize=(8, 4.5))
    g = targets.groupby("target")
    tab = pd.DataFrame({"customers": g.size() / len(targets), "sales_share": g["sales"].sum() / targets["sales"].sum(),
                        "profit_share": g["profit"].sum() / targets["profit"].sum()})
    tab = tab.reindex([k for k in TARGET_GROUPS if k in tab.index])
    long = (tab * 100).rename_axis("target").reset_index().melt(id_vars="target", var_name="kind", value_name="pct")
    long["target"] = [t("target_" + k, lang) for k in long["target"]]
    long["kind"] = [t("share_" + k if k == "customers" else k, lang) for k in long["kind"]]
    sns.barplot(data=long, x="target", y="pct", hue="kind", ax=ax, palette=[INK["grey"], INK["blue"], INK["green"]])
    ax.tick_params(axis="x", rotation=15)
    ax.set_xlabel("")
    keep = tab.loc["keep"] if "keep" in tab.index else None
    title = (t("target_title", lang, cust=keep["customers"], profit=keep["profit_share"]) if keep is not None
             else t("target_title_plain", lang))
    return decorate(ax, title, None, t("share_pct", lang), lang, legend_title="")
