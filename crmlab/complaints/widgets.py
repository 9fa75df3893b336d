"""Lecture widget for topic 2: the word-of-mouth model with sliders for its shares and tell-counts."""

from __future__ import annotations

import ipywidgets as widgets

from crmlab import complaints as cp
from crmlab.labels import t
from crmlab.complaints.plots import word_of_mouth_bars
from crmlab.widgets._panel import live_panel

__all__ = ["word_of_mouth_explorer"]


def word_of_mouth_explorer(n_complaints: float = 1000, share_full: float = 0.5, value_per_customer: float = 1000.0,
                           lang: str = "en") -> widgets.VBox:
    """Sliders for the Coca-Cola/TARP model: resolved share, tell-counts, boycott/reduce/increase shares.

    Starts at the survey's figures (4.5 and 9.5 people told, 1/3 boycott,
    45% buy less, 10% buy more); the bars of people told and the revenue at
    risk (CNY a year, from ``value_per_customer``: pass the customers' own
    yearly spend) are redrawn on every change. Each slider is 460 px wide,
    150 px of it for the label, so the track is long enough to aim at.
    """
    style = {"description_width": "150px"}
    layout = widgets.Layout(width="460px")

    def slider(key, value, lo, hi, step):
        return widgets.FloatSlider(value=value, min=lo, max=hi, step=step, description=t(key, lang),
                                   continuous_update=False, style=style, layout=layout, readout_format=".2f")

    sliders = {
        "n_complaints": widgets.IntSlider(value=int(n_complaints), min=0, max=max(10000, int(n_complaints) * 2),
                                          step=100, description=t("cp_n_complaints", lang),
                                          continuous_update=False, style=style, layout=layout),
        "share_full": slider("cp_share_full", share_full, 0, 1, 0.05),
        "tell_full": slider("cp_tell_full", 4.5, 0, 20, 0.5),
        "tell_not_full": slider("cp_tell_not_full", 9.5, 0, 30, 0.5),
        "boycott_share": slider("cp_boycott", 1 / 3, 0, 0.5, 0.01),
        "reduce_share": slider("cp_reduce", 0.45, 0, 0.5, 0.01),
        "increase_share": slider("cp_increase", 0.10, 0, 0.5, 0.01),
    }

    def update():
        res = cp.word_of_mouth(value_per_customer=value_per_customer, **{k: s.value for k, s in sliders.items()})
        line = t("cp_wom_line", lang, pos=res.told_positive, neg=res.told_negative, risk=res.revenue_at_risk)
        return line, lambda ax: word_of_mouth_bars(res, ax=ax, lang=lang)

    return live_panel(list(sliders.values()), update, figsize=(6.5, 3.2))
