"""Plots for topic 2: resolution curve, Pareto chart, channels, queue, word of mouth,
recovery, and the problem-solving decision model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.patches import FancyBboxPatch

from crmlab.labels import label, t
from crmlab.plots._base import INK, PALETTES, bars_with_interval, decorate, get_ax

__all__ = ["resolution_curve_plot", "pareto_chart", "channel_times", "queue_plot", "word_of_mouth_bars",
           "recovery_bars", "effect_vs_truth", "decision_model_chart", "CHANNEL_COLORS", "RECOVERY_COLORS"]

CHANNEL_COLORS = PALETTES["channel"]
RECOVERY_COLORS = PALETTES["recovery"]
ABC_COLORS = PALETTES["abc"]


def _lbl(value, lang):
    """A category value of this topic (keys cp_<value>), through :func:`crmlab.labels.label`."""
    return label(value, lang, "cp_")


def resolution_curve_plot(curve: pd.DataFrame, sla_hours: float | None = None, ax=None, lang: str = "en",
                          max_hours: float | None = None, band: bool = True):
    """Step plot of :func:`crmlab.complaints.resolution_curve` (one line per group), SLA marked."""
    ax = get_ax(ax)
    for g, c in curve.groupby("group", sort=False):
        color = CHANNEL_COLORS.get(str(g))
        line = ax.step(c["hours"], c["share_resolved"] * 100, where="post", label=_lbl(g, lang), color=color)
        if band:
            ax.fill_between(c["hours"], c["ci_low"] * 100, c["ci_high"] * 100, step="post", alpha=0.2,
                            color=line[0].get_color(), lw=0)
    if sla_hours is not None:
        ax.axvline(sla_hours, color=INK["black"], ls="--", lw=1)
        ax.text(sla_hours, 3, " " + t("cp_sla", lang, h=sla_hours), ha="left", va="bottom")
    ax.set_xlim(0, max_hours or float(curve["hours"].quantile(0.9)))
    ax.set_ylim(0, 100)
    if curve["group"].nunique() > 1:
        ax.legend(loc="lower right")
    return decorate(ax, t("cp_curve_title", lang), t("cp_hours", lang), t("cp_share_resolved", lang) + " (%)", lang)


def pareto_chart(table: pd.DataFrame, ax=None, lang: str = "en", a: float = 0.8):
    """Bars of complaints per category (coloured by ABC class) and the cumulative-share line."""
    ax = get_ax(ax, figsize=(8, 4.5))
    data = table.reset_index()
    cat = data.columns[0]
    x = np.arange(len(data))
    ax.bar(x, data["count"], color=[ABC_COLORS[c] for c in data["abc"]])
    ax.set_xticks(x, [_lbl(c, lang) for c in data[cat]], rotation=35, ha="right")
    ax2 = ax.twinx()
    ax2.plot(x, data["cum_share"] * 100, color=INK["black"], marker="o")
    ax2.axhline(a * 100, color=INK["grey"], ls=":", lw=1)
    ax2.set_ylim(0, 105)
    ax2.set_ylabel(t("cp_cum_share", lang))
    for i, c in enumerate(data["abc"]):
        ax.text(i, data["count"].iloc[i], c, ha="center", va="bottom")
    k = int((data["abc"] == "A").sum())
    pct = float(data["cum_share"].iloc[k - 1] * 100) if k else 0.0
    decorate(ax2, None, None, t("cp_cum_share", lang), lang)
    return decorate(ax, t("cp_pareto_title", lang, k=k, m=len(data), pct=pct), t("cp_category", lang),
                    t("cp_complaints", lang), lang)


def channel_times(kpis: pd.DataFrame, ax=None, lang: str = "en", sla_hours: float | None = None):
    """Median and 90th-percentile resolution time per group of a :func:`complaint_kpis` table."""
    ax = get_ax(ax)
    data = kpis.reset_index()
    key = data.columns[0]
    long = data.melt(id_vars=key, value_vars=["resolution_median_h", "resolution_p90_h"], var_name="stat",
                     value_name="hours")
    long["stat"] = long["stat"].map({"resolution_median_h": t("cp_median", lang),
                                     "resolution_p90_h": t("cp_p90", lang)})
    long["label"] = [_lbl(g, lang) for g in long[key]]
    sns.barplot(data=long, x="label", y="hours", hue="stat", palette=[INK["blue"], INK["red"]], ax=ax)
    if sla_hours is not None:
        ax.axhline(sla_hours, color=INK["black"], ls="--", lw=1)
        ax.text(-0.45, sla_hours, t("cp_sla", lang, h=sla_hours), ha="left", va="bottom")
    return decorate(ax, t("cp_channel_title", lang), t("cp_channel", lang), t("cp_resolution_h", lang), lang,
                    legend_title="")


def queue_plot(calls: pd.DataFrame, metrics: pd.DataFrame, threshold: float = 20.0, ax=None, lang: str = "en",
               wait: str = "wait_seconds", abandoned: str = "abandoned"):
    """Histogram of waits, answered vs abandoned, with the service-level threshold.

    Parameters
    ----------
    calls : DataFrame
        The contact-queue sample, one row per call.
    metrics : DataFrame
        Queue metrics (:func:`crmlab.complaints.queue_metrics`); its first row gives the title's figures.
    threshold : float, default 20.0
        Service-level threshold in seconds (dashed line).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    wait, abandoned : str
        Columns of the waiting time in seconds and the abandoned flag.
    """
    from crmlab.validate import to_bool

    ax = get_ax(ax)
    ab = to_bool(calls, abandoned).to_numpy(dtype=bool)
    w = calls[wait].to_numpy(dtype=float)
    top = float(np.quantile(w, 0.99))
    bins = np.linspace(0, top, 40)
    ax.hist([w[~ab], w[ab]], bins=bins, stacked=True, color=[INK["blue"], INK["red"]],
            label=[t("cp_answered", lang), t("cp_abandoned", lang)])
    ax.axvline(threshold, color=INK["black"], ls="--", lw=1)
    ax.text(threshold, ax.get_ylim()[1] * 0.95, " " + t("cp_threshold", lang, thr=threshold), va="top")
    ax.legend(loc="upper right")
    m = metrics.iloc[0]
    return decorate(ax, t("cp_queue_title", lang, sl=m["service_level"], thr=threshold, ab=m["abandon_rate"]),
                    t("cp_wait_s", lang), t("cp_calls", lang), lang)


def word_of_mouth_bars(result, ax=None, lang: str = "en"):
    """People told good and bad stories (a :class:`crmlab.complaints.WordOfMouth`)."""
    ax = get_ax(ax, figsize=(6.5, 3.8))
    labels = [t("cp_positive", lang), t("cp_negative", lang)]
    vals = [result.told_positive, result.told_negative]
    ax.barh(labels, vals, color=[INK["green"], INK["red"]])
    for i, val in enumerate(vals):
        ax.text(val, i, f" {val:,.0f}", va="center")
    ax.set_xlim(0, max(max(vals), 1) * 1.2)
    return decorate(ax, t("cp_wom_title", lang, n=result.n_complaints), t("cp_people_told", lang), None, lang)


def recovery_bars(result, ax=None, lang: str = "en"):
    """Repurchase rate per recovery group with Wilson intervals (a :class:`RecoveryResult`)."""
    ax = get_ax(ax)
    tab = result.table.reset_index()
    x = np.arange(len(tab))
    rate = tab["rate"].to_numpy() * 100
    bars_with_interval(ax, tab, "rate", colors=[RECOVERY_COLORS[g] for g in tab["group"]], scale=100)
    for i, val in enumerate(rate):
        ax.text(i, 3, f"{val:.1f}", ha="center", va="bottom", color=INK["white"])
    ax.set_xticks(x, [t(f"cp_{g}", lang) for g in tab["group"]], rotation=15)
    ax.set_ylim(0, 100)
    pct = round(result.confidence * 100)
    return decorate(ax, t("cp_recovery_title", lang, pct=pct), None, t("cp_repurchase", lang), lang)


def effect_vs_truth(result, true_effect: float, ax=None, lang: str = "en"):
    """The estimated recovery effect with its interval next to the generator's true effect."""
    ax = get_ax(ax, figsize=(6.5, 2.6))
    d, lo, hi = (x * 100 for x in (result.difference, result.diff_low, result.diff_high))
    ax.errorbar([d], [1], xerr=[[d - lo], [hi - d]], fmt="o", color=INK["blue"], capsize=6)
    ax.plot([true_effect * 100], [0], "D", color=INK["grey_light"])
    ax.axvline(0, color=INK["black"], lw=1)
    ax.set_yticks([0, 1], [t("true", lang), t("estimated", lang)])
    ax.set_ylim(-0.7, 1.7)
    return decorate(ax, t("cp_effect_title", lang), t("cp_effect", lang), None, lang)


# Layout of the decision model: node -> (x, y) in a 10 x 12 box.
_LAYOUT = {
    "define_problem": (2.5, 11), "find_want": (2.5, 9.6), "makes_up_loss": (2.5, 8.2),
    "can_provide": (2.5, 6.8), "other_can_provide": (2.5, 5.4), "contact_them": (2.5, 4.0),
    "other_options": (7.8, 8.2), "offer_solution": (7.8, 4.0), "escalate": (7.8, 1.2),
    "record_solution": (2.5, 1.2),
}


def decision_model_chart(path=None, ax=None, lang: str = "en"):
    """Draw the problem-solving decision model (nodes, yes/no arrows); highlight a walk's ``path``."""
    from crmlab.complaints import DECISION_EDGES, DECISION_NODES

    ax = get_ax(ax, figsize=(8.5, 8))
    on_path = set(path or ())
    steps = set(zip(path[:-1], path[1:])) if path else set()
    face = {"action": INK["box_action"], "question": INK["box_question"], "end": INK["box_end"]}
    boxes = {}
    for node, (x, y) in _LAYOUT.items():
        kind = DECISION_NODES[node]
        w, h = 3.6, 0.8
        box = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05",
                             fc=face[kind], ec=INK["red"] if node in on_path else INK["mid_grey"],
                             lw=2 if node in on_path else 1)
        ax.add_patch(box)
        boxes[node] = box
        ax.text(x, y, t(f"cp_dm_{node}", lang), ha="center", va="center", fontsize=8.5)
    for src, nxt in DECISION_EDGES.items():
        for ans, dst in nxt.items():
            (x0, y0), (x1, y1) = _LAYOUT[src], _LAYOUT[dst]
            hot = (src, dst) in steps
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops=dict(arrowstyle="-|>", color=INK["red"] if hot else INK["mid_grey"],
                                        lw=2.2 if hot else 1.0, patchA=boxes[src], patchB=boxes[dst],
                                        shrinkA=2, shrinkB=2))
            if ans != "next":
                frac = 0.5 if abs(x1 - x0) > 0.1 else 0.55
                fx, fy = x0 + frac * (x1 - x0), y0 + frac * (y1 - y0)
                ax.text(fx, fy, t(ans, lang), fontsize=8, ha="center", va="center",
                        color=INK["red"] if hot else INK["ink_dark"],
                        bbox=dict(boxstyle="round,pad=0.15", fc=INK["white"], ec="none"))
    ax.set_xlim(0.4, 9.9)
    ax.set_ylim(0.5, 11.6)
    ax.set_axis_off()
    return decorate(ax, t("cp_dm_title", lang), None, None, lang)
