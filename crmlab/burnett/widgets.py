"""Lecture widget for topic 4: factor-group weights and cut points as sliders, the Burnett matrix redrawn."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from crmlab import burnett as bm
from crmlab.labels import t
from crmlab.burnett.plots import bubble_matrix
from crmlab.widgets._panel import live_panel

__all__ = ["matrix_explorer"]


def matrix_explorer(scores, relationship: pd.Series, revenue: pd.Series | None = None,
                    lang: str = "en", grid=None) -> widgets.VBox:
    """Sliders for the four factor-group weights and the cut points of both axes.

    ``scores``: the attractiveness indicator scores (an
    :class:`~crmlab.burnett.ExpertPanel` or accounts x indicators table);
    ``relationship``: the relationship index of the same accounts;
    ``revenue``: bubble sizes. Group weights are normalised to sum to 1 and
    spread over the group's indicators in the default proportions
    (:func:`crmlab.burnett.weights_from_groups`). The line above the chart
    counts the accounts whose cell differs from the default weights and cuts.
    Slider labels get 230 px, enough for the longest group name ("Customer's
    products/services") in English and Chinese.
    """
    if isinstance(scores, bm.ExpertPanel):
        scores = scores.scores
    base_groups = bm.group_weights()
    sliders = {g: widgets.FloatSlider(value=round(float(base_groups[g]), 2), min=0.0, max=1.0, step=0.01,
                                      description=bm.label(g, lang), continuous_update=False,
                                      style={"description_width": "230px"}, layout={"width": "520px"})
               for g in bm.GROUPS}
    cuts = {}
    for axis in ("attractiveness", "relationship"):
        cuts[axis] = widgets.FloatRangeSlider(value=list(bm.DEFAULT_CUTS), min=1.0, max=5.0, step=0.05,
                                              description=bm.label(axis, lang), continuous_update=False,
                                              style={"description_width": "230px"}, layout={"width": "520px"})
    data = pd.DataFrame({"relationship": pd.Series(relationship, dtype="float64").reindex(scores.index)})
    if revenue is not None:
        data["revenue"] = pd.Series(revenue, dtype="float64").reindex(scores.index)
    data["attractiveness"] = bm.attractiveness_index(scores)
    reference = bm.burnett_matrix(data, grid=grid)

    def update():
        raw = {g: s.value for g, s in sliders.items()}
        if sum(raw.values()) == 0:
            return t("bm_weights_zero", lang)
        ac, rc = tuple(cuts["attractiveness"].value), tuple(cuts["relationship"].value)
        if ac[0] >= ac[1] or rc[0] >= rc[1]:
            return t("bm_cut_order", lang)
        weights = bm.weights_from_groups(raw)
        table = bm.burnett_matrix(data.assign(attractiveness=bm.attractiveness_index(scores, weights)),
                                  attractiveness_cuts=ac, relationship_cuts=rc, grid=grid, lang=lang)
        line = t("bm_widget_line", lang, changed=bm.cells_changed(reference, table), n=len(table))
        return line, lambda ax: bubble_matrix(table, size="revenue" if revenue is not None else None, ax=ax, lang=lang)

    return live_panel([*sliders.values(), *cuts.values()], update, figsize=(7.5, 6), layout="stack")
