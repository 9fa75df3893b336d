"""Plots for topic 6: margin multipliers, P(alive), BG/NBD tracking and conditional expectations, spend, CLV, equity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES, decorate, get_ax

__all__ = ["multiplier_heatmap", "p_alive_curves", "tracking_plot", "conditional_plot", "spend_shrinkage",
           "clv_distribution", "equity_heatmap"]


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
    label = f"{int(at)}+" if at == top else str(int(at))
    return decorate(ax, t("val_conditional_title", lang, gap=float(gap.loc[at]), at=label),
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
