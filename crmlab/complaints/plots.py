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
                          max_hours: float | None = None, band: bool = True, log_hours: bool = True):
    """Step plot of :func:`crmlab.complaints.resolution_curve` (one line per group), SLA marked.

    The hours axis is logarithmic by default and runs to the last step of the
    slowest group (``max_hours`` overrides), so the tail of cases open for
    weeks stays in view. The title states the share resolved within the SLA
    (per group: the fastest and the slowest).

    Parameters
    ----------
    curve : DataFrame
        Output of :func:`crmlab.complaints.resolution_curve` (every step).
    sla_hours : float, optional
        The SLA, drawn as a dashed line and quoted in the title.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    lang : str, default "en"
        Language of the labels.
    max_hours : float, optional
        Right end of the hours axis (default: the last step, plus 10%).
    band : bool, default True
        Draw the pointwise interval.
    log_hours : bool, default True
        Logarithmic hours axis (False: linear from 0).
    """
    ax = get_ax(ax)
    for g, c in curve.groupby("group", sort=False):
        color = CHANNEL_COLORS.get(str(g))
        line = ax.step(c["hours"], c["share_resolved"] * 100, where="post", label=_lbl(g, lang), color=color)
        if band:
            ax.fill_between(c["hours"], c["ci_low"] * 100, c["ci_high"] * 100, step="post", alpha=0.2,
                            color=line[0].get_color(), lw=0)
    top = float(max_hours or curve["hours"].max() * 1.1 or 1.0)
    if log_hours:
        ax.set_xscale("log")
        low = max(0.5, float(curve.loc[curve["hours"] > 0, "hours"].min() if (curve["hours"] > 0).any() else 1))
        ticks = [t_ for t_ in (1, 4, 12, 24, 48, 96, 168, 336, 720, 1440, 2880) if low <= t_ <= top]
        ax.set_xlim(low, top)
        ax.set_xticks(ticks, [f"{t_:g}" for t_ in ticks])
        ax.minorticks_off()
    else:
        ax.set_xlim(0, top)
    title = t("cp_curve_title", lang)
    if sla_hours is not None:
        ax.axvline(sla_hours, color=INK["black"], ls="--", lw=1)
        ax.text(sla_hours, 3, " " + t("cp_sla", lang, h=sla_hours), ha="left", va="bottom")
        at = curve[curve["hours"] <= sla_hours].groupby("group", sort=True)["share_resolved"].last()
        if len(at) > 1:
            title = t("cp_curve_title_by", lang, h=sla_hours, best=_lbl(at.idxmax(), lang), hi=at.max(),
                      worst=_lbl(at.idxmin(), lang), lo=at.min())
        elif len(at) == 1:
            title = t("cp_curve_title_all", lang, h=sla_hours, share=float(at.iloc[0]))
    ax.set_ylim(0, 100)
    if curve["group"].nunique() > 1:
        ax.legend(loc="upper left")
    return decorate(ax, title, t("cp_hours", lang) + (t("cp_log_scale", lang) if log_hours else ""),
                    t("cp_share_resolved", lang) + " (%)", lang)


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
    top = float(data["count"].max())
    for i, c in enumerate(data["abc"]):  # the class letter inside the bar's top, clear of the cumulative line
        h = float(data["count"].iloc[i])
        if h >= 0.12 * top:
            ax.text(i, h - 0.02 * top, c, ha="center", va="top", color="white")
        else:
            ax.text(i, h, c, ha="center", va="bottom", color=INK["black"])
    ax.set_ylim(0, top * 1.08)
    k = int((data["abc"] == "A").sum())
    pct = float(data["cum_share"].iloc[k - 1] * 100) if k else 0.0
    decorate(ax2, None, None, t("cp_cum_share", lang), lang)
    return decorate(ax, t("cp_pareto_title", lang, k=k, m=len(data), pct=pct), t("cp_category", lang),
                    t("cp_complaints", lang), lang)


def channel_times(kpis: pd.DataFrame, ax=None, lang: str = "en", sla_hours: float | None = None):
    """Median and 90th-percentile resolution time per group of a :func:`complaint_kpis` table.

    Bars in the channel colours of :func:`resolution_curve_plot` (median solid,
    P90 lighter and hatched); the SLA line is a legend entry, so it never sits on
    a bar. The title names the group with the longest tail and the fastest median.
    """
    from matplotlib.patches import Patch

    ax = get_ax(ax)
    data = kpis.reset_index()
    key = data.columns[0]
    x = np.arange(len(data))
    colors = [CHANNEL_COLORS.get(str(g), INK["blue"]) for g in data[key]]
    ax.bar(x - 0.2, data["resolution_median_h"], width=0.4, color=colors, edgecolor=INK["black"], lw=0.5)
    ax.bar(x + 0.2, data["resolution_p90_h"], width=0.4, color=colors, alpha=0.45, hatch="//",
           edgecolor=INK["black"], lw=0.5)
    ax.set_xticks(x, [_lbl(g, lang) for g in data[key]])
    handles = [Patch(fc=INK["grey"], ec=INK["black"], lw=0.5, label=t("cp_median", lang)),
               Patch(fc=INK["grey"], alpha=0.45, hatch="//", ec=INK["black"], lw=0.5, label=t("cp_p90", lang))]
    if sla_hours is not None:
        handles.append(ax.axhline(sla_hours, color=INK["black"], ls="--", lw=1, label=t("cp_sla", lang, h=sla_hours)))
    top = float(np.nanmax(data["resolution_p90_h"])) if data["resolution_p90_h"].notna().any() else 1.0
    ax.set_ylim(0, max(top, sla_hours or 0) * 1.25)
    ax.legend(handles=handles, loc="upper left", ncols=len(handles))
    title = t("cp_channel_title", lang)
    p90, med = data.set_index(key)["resolution_p90_h"], data.set_index(key)["resolution_median_h"]
    if p90.notna().any() and med.notna().any() and len(data) > 1:
        title = t("cp_channel_title_find", lang, slow=_lbl(p90.idxmax(), lang), p90=p90.max(),
                  fast=_lbl(med.idxmin(), lang), med=med.min())
    return decorate(ax, title, t("cp_channel", lang), t("cp_resolution_h", lang), lang)


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
    if result.told_positive > 0:
        title = t("cp_wom_title_ratio", lang, ratio=result.told_negative / result.told_positive, n=result.n_complaints)
    else:
        title = t("cp_wom_title", lang, n=result.n_complaints)
    return decorate(ax, title, t("cp_people_told", lang), None, lang)


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
    title = t("cp_recovery_title_raw", lang, d=result.difference * 100, lo=result.diff_low * 100,
              hi=result.diff_high * 100, pct=pct)
    return decorate(ax, title, None, t("cp_repurchase", lang), lang)


def effect_vs_truth(result, true_effect: float, ax=None, lang: str = "en", adjusted=None):
    """The estimated recovery effect with its interval next to the generator's true effect.

    ``result``: a :class:`RecoveryResult` (the raw difference); ``adjusted``: an
    optional :class:`AdjustedRecovery`, drawn as a second estimate. The title
    quotes the estimates and the truth.
    """
    ax = get_ax(ax, figsize=(6.5, 2.6))
    rows = [(t("cp_raw_estimate", lang), result.difference, result.diff_low, result.diff_high, INK["red"])]
    if adjusted is not None:
        rows.append((t("cp_adjusted_estimate", lang), adjusted.difference, adjusted.diff_low, adjusted.diff_high,
                     INK["blue"]))
    n = len(rows)
    for i, (_, d, lo, hi, color) in enumerate(rows):
        d, lo, hi = d * 100, lo * 100, hi * 100
        ax.errorbar([d], [n - i], xerr=[[d - lo], [hi - d]], fmt="o", color=color, capsize=6)
    ax.plot([true_effect * 100], [0], "D", color=INK["black"])
    ax.axvline(0, color=INK["grey"], lw=1)
    ax.set_yticks(list(range(n + 1)), [t("true", lang)] + [r[0] for r in rows][::-1])
    ax.set_ylim(-0.7, n + 0.7)
    if adjusted is not None:
        title = t("cp_effect_title_adj", lang, raw=result.difference * 100, adj=adjusted.difference * 100,
                  true=true_effect * 100)
    else:
        title = t("cp_effect_title_raw", lang, raw=result.difference * 100, true=true_effect * 100)
    return decorate(ax, title, t("cp_effect", lang), None, lang)


# Layout of the decision model: node -> (x, y), three columns; no two edges cross.
_L, _M, _R = 2.0, 5.2, 8.3
_LAYOUT = {
    "define_problem": (_L, 12.0), "find_want": (_L, 10.5), "makes_up_loss": (_L, 9.0),
    "can_provide": (_L, 7.5), "other_can_provide": (_M, 6.0), "contact_them": (_M, 4.5),
    "other_options": (_R, 4.5), "offer_solution": (_M, 3.0), "escalate": (_R, 1.5),
    "record_solution": (_M, 0.0),
}
# Edges drawn with a right angle (connection style) and where their yes/no label sits.
_ROUTES = {
    ("makes_up_loss", "other_options"): ("angle,angleA=0,angleB=90,rad=0", ((_L + _R) / 2 + 0.8, 9.0 + 0.22)),
    ("can_provide", "offer_solution"): ("angle,angleA=90,angleB=0,rad=0", (_L + 0.15, 5.0)),
}
_BOX_W, _BOX_H = 2.9, 0.7


def _label_at(src, dst):
    """Where the yes/no label of a straight edge sits: beside a vertical arrow, on a diagonal's middle."""
    (x0, y0), (x1, y1) = _LAYOUT[src], _LAYOUT[dst]
    if abs(x1 - x0) < 0.1:
        return x0 + 0.15, (y0 + y1) / 2, "left"
    return (x0 + x1) / 2, (y0 + y1) / 2, "center"


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
        box = FancyBboxPatch((x - _BOX_W / 2, y - _BOX_H / 2), _BOX_W, _BOX_H, boxstyle="round,pad=0.05",
                             fc=face[kind], ec=INK["red"] if node in on_path else INK["mid_grey"],
                             lw=2 if node in on_path else 1)
        ax.add_patch(box)
        boxes[node] = box
        ax.text(x, y, t(f"cp_dm_{node}", lang), ha="center", va="center", fontsize=8)
    for src, nxt in DECISION_EDGES.items():
        for ans, dst in nxt.items():
            (x0, y0), (x1, y1) = _LAYOUT[src], _LAYOUT[dst]
            hot = (src, dst) in steps
            style, at = _ROUTES.get((src, dst), ("arc3,rad=0", None))
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops=dict(arrowstyle="-|>", color=INK["red"] if hot else INK["mid_grey"],
                                        lw=2.2 if hot else 1.0, patchA=boxes[src], patchB=boxes[dst],
                                        shrinkA=2, shrinkB=2, connectionstyle=style))
            if ans != "next":
                fx, fy, ha = (*at, "center") if at else _label_at(src, dst)
                ax.text(fx, fy, t(ans, lang), fontsize=8, ha=ha, va="center",
                        color=INK["red"] if hot else INK["ink_dark"],
                        bbox=dict(boxstyle="round,pad=0.15", fc=INK["white"], ec="none"))
    ax.set_xlim(0.4, 9.9)
    ax.set_ylim(-0.6, 12.6)
    ax.set_axis_off()
    return decorate(ax, t("cp_dm_title", lang), None, None, lang)
