"""Lecture widget for topic 7: refit the ECSI model with another scheme or sample and watch the paths."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from crmlab import pls
from crmlab.labels import t
from crmlab.pls.plots import path_diagram
from crmlab.widgets._panel import live_panel

__all__ = ["pls_explorer"]


def pls_explorer(survey: pd.DataFrame, blocks=pls.BLOCKS, paths=pls.PATHS, construct: str = "SAT",
                 lang: str = "en") -> widgets.VBox:
    """A scheme menu, a standardise toggle and a sample-share slider; the path diagram and index are redrawn.

    Shows an instructor that the three inner weighting schemes give almost the
    same model, and how much the paths move when only part of the sample is used.
    """
    scheme = widgets.Dropdown(options=[(t(f"pls_scheme_{s}", lang), s) for s in pls.SCHEMES], value="centroid",
                              description=t("pls_widget_scheme", lang), style={"description_width": "80px"})
    std = widgets.Checkbox(value=True, description=t("pls_widget_standardized", lang))
    share = widgets.FloatSlider(value=1.0, min=0.2, max=1.0, step=0.1, description=t("pls_widget_share", lang),
                                continuous_update=False, style={"description_width": "100px"})

    def update():
        data = survey.iloc[: max(30, int(len(survey) * share.value))]
        fit = pls.pls_path_model(data, blocks, paths, scheme=scheme.value, standardized=std.value)
        index = pls.satisfaction_index(data, fit, construct)["index"].iloc[0]
        line = t("pls_widget_line", lang, index=index, r2=fit.r2.get(construct, float("nan")))
        return line, lambda ax: path_diagram(fit, ax=ax, lang=lang)

    return live_panel([scheme, std, share], update, figsize=(8, 4.5), layout="row")
