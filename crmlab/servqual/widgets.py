"""Lecture widget for topic 5: pick a branch, set dimension weights, see its SERVQUAL gaps."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from crmlab import servqual as sq
from crmlab.labels import t
from crmlab.servqual.plots import dimension_gaps, sq_label
from crmlab.widgets._panel import live_panel

__all__ = ["branch_explorer"]


def branch_explorer(survey: pd.DataFrame, items=sq.SERVQUAL, by: str = "branch", start: dict | None = None,
                    lang: str = "en") -> widgets.VBox:
    """A branch selector and one weight slider per dimension.

    Shows the chosen branch's dimension gaps (with intervals) and its
    weighted SERVQUAL score with the slider weights (normalised to sum to
    1), next to the unweighted score. ``start``: initial weights (default:
    the mean importance points of the survey, or equal weights).
    """
    imap = sq.item_map(items) if not isinstance(items, sq.ItemMap) else items
    dims = imap.dimension_names
    if start is None:
        try:
            start = sq.weighted_servqual(survey, imap).weights.to_dict()
        except Exception:  # no importance points in the data: equal weights
            start = {d: 1 / len(dims) for d in dims}
    groups = sorted(survey[by].dropna().unique())
    choose = widgets.Dropdown(options=[(t("sq_all_branches", lang), None)] + [(sq_label(g, lang), g) for g in groups],
                              description=t("sq_branch", lang))
    sliders = {d: widgets.FloatSlider(value=round(float(start[d]), 2), min=0.0, max=1.0, step=0.01,
                                      description=sq_label(d, lang), continuous_update=False,
                                      style={"description_width": "110px"})
               for d in dims}

    def update():
        raw = {d: s.value for d, s in sliders.items()}
        if sum(raw.values()) == 0:
            return t("sq_weights_zero", lang)
        data = survey if choose.value is None else survey[survey[by] == choose.value]
        gaps = sq.servqual_gaps(data, imap, strict=False)
        w = sq.weighted_servqual(data, imap, weights=raw, normalize=True, gaps=gaps)
        name = t("sq_all_branches", lang) if choose.value is None else sq_label(choose.value, lang)
        line = t("sq_widget_line", lang, branch=name, score=w.table["score"].iloc[0],
                 plain=gaps.overall["gap"].iloc[0], n=len(data))

        def draw(ax):
            dimension_gaps(gaps, ax=ax, lang=lang)
            ax.set_title(name)
        return line, draw

    return live_panel([choose, *sliders.values()], update, figsize=(6.5, 3.6))
