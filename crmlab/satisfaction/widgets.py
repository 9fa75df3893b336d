"""Lecture widget for topic 1: importance sliders that redraw the weighted score and CSI."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from crmlab import satisfaction as sat
from crmlab.labels import t
from crmlab.satisfaction.plots import csi_bars
from crmlab.widgets._panel import live_panel

__all__ = ["weight_explorer"]


def weight_explorer(survey: pd.DataFrame, attributes=sat.ATTRIBUTES, by: str = "segment",
                    start: dict | None = None, lang: str = "en") -> widgets.VBox:
    """Sliders for the attribute weights; the CSI of the weighted attribute score per group is redrawn.

    The sliders give relative importance; the weights used are the slider
    values divided by their sum, and the line above the plot shows those
    normalised weights (they sum to 1). The bars are the CSI of the weighted
    *attribute* score (sum_j w_j x_ij), not of the overall-satisfaction
    question: the two are different measures and differ in level.
    """
    attributes = list(attributes)
    start = start or {a: 1 / len(attributes) for a in attributes}
    sliders = {a: widgets.FloatSlider(value=float(start[a]), min=0.0, max=1.0, step=0.05,
                                      description=t(a, lang), continuous_update=False,
                                      style={"description_width": "90px"})
               for a in attributes}

    def update():
        raw = {a: s.value for a, s in sliders.items()}
        total = sum(raw.values())
        if total == 0:
            return t("weights_zero", lang)
        scores = sat.weighted_score(survey, raw, attributes, normalize=True)
        table = sat.csi(scores.to_frame("weighted_score").join(survey[[by]]), "weighted_score", by=by)
        overall = sat.csi(scores.to_frame("weighted_score"), "weighted_score")["csi"].iloc[0]
        shares = ", ".join(f"{t(a, lang)} {raw[a] / total:.2f}" for a in attributes)
        line = (t("widget_csi_line", lang, csi=overall) + "<br>" + t("widget_weights_line", lang, weights=shares))
        return line, lambda ax: csi_bars(table, ax=ax, lang=lang, title=t("widget_csi_title", lang))

    return live_panel(list(sliders.values()), update, figsize=(6.5, 3.8))
