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
    """Sliders for the attribute weights; the CSI of the weighted score per group is redrawn.

    Weights are normalised to sum to 1 (the sliders give relative
    importance), so an instructor can drag one attribute up and watch which
    segment gains or loses.
    """
    attributes = list(attributes)
    start = start or {a: 1 / len(attributes) for a in attributes}
    sliders = {a: widgets.FloatSlider(value=float(start[a]), min=0.0, max=1.0, step=0.05,
                                      description=t(a, lang), continuous_update=False,
                                      style={"description_width": "90px"})
               for a in attributes}

    def update():
        raw = {a: s.value for a, s in sliders.items()}
        if sum(raw.values()) == 0:
            return t("weights_zero", lang)
        scores = sat.weighted_score(survey, raw, attributes, normalize=True)
        table = sat.csi(scores.to_frame("weighted_score").join(survey[[by]]), "weighted_score", by=by)
        overall = sat.csi(scores.to_frame("weighted_score"), "weighted_score")["csi"].iloc[0]
        return t("widget_csi_line", lang, csi=overall), lambda ax: csi_bars(table, ax=ax, lang=lang)

    return live_panel(list(sliders.values()), update, figsize=(6.5, 3.8))
