"""Lecture widget for topic 5: pick a branch, set dimension weights, see its SERVQUAL gaps."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from crmlab import servqual as sq
from crmlab.labels import t
from crmlab.plots._base import INK, PALETTES
from crmlab.servqual.plots import dimension_gaps, sq_label
from crmlab.widgets._panel import live_panel

__all__ = ["branch_explorer"]

ALL = "__all__"  # the "all branches" choice (a None value would leave the dropdown blank)


def branch_explorer(survey: pd.DataFrame, items=sq.SERVQUAL, by: str = "branch", start: dict | None = None,
                    lang: str = "en") -> widgets.VBox:
    """A branch selector and one weight slider per dimension.

    Shows the chosen branch's dimension gaps (with intervals), each labelled
    with its slider weight, and two reference lines: the weighted SERVQUAL
    score with the slider weights (normalised to sum to 1) and the
    unweighted score; moving a slider moves the weighted line and the
    title. ``start``: initial weights (default: the mean importance points
    of the survey, or equal weights). The text line also gives the score
    with each customer's own points, which differs from the score with the
    mean points by the covariance of a customer's points and their gaps.
    """
    imap = sq.item_map(items) if not isinstance(items, sq.ItemMap) else items
    dims = imap.dimension_names
    has_points = imap.importance is not None and all(c in survey.columns for c in imap.importance.values())
    if start is None:
        start = (sq.weighted_servqual(survey, imap).weights.to_dict() if has_points
                 else {d: 1 / len(dims) for d in dims})
    groups = sorted(survey[by].dropna().unique())
    choose = widgets.Dropdown(options=[(t("sq_all_branches", lang), ALL)] + [(sq_label(g, lang), g) for g in groups],
                              value=ALL, description=t("sq_branch", lang))
    sliders = {d: widgets.FloatSlider(value=round(float(start[d]), 2), min=0.0, max=1.0, step=0.01,
                                      description=sq_label(d, lang), continuous_update=False,
                                      style={"description_width": "110px"})
               for d in dims}

    def update():
        raw = {d: s.value for d, s in sliders.items()}
        total = sum(raw.values())
        if total == 0:
            return t("sq_weights_zero", lang)
        data = survey if choose.value == ALL else survey[survey[by] == choose.value]
        gaps = sq.servqual_gaps(data, imap, strict=False)
        w = sq.weighted_servqual(data, imap, weights=raw, normalize=True, gaps=gaps)
        own = (float(sq.weighted_servqual(data, imap, gaps=gaps).table["score"].iloc[0]) if has_points
               else float("nan"))
        name = t("sq_all_branches", lang) if choose.value == ALL else sq_label(choose.value, lang)
        score, plain = float(w.table["score"].iloc[0]), float(gaps.overall["gap"].iloc[0])
        line = t("sq_widget_line", lang, branch=name, score=score, plain=plain, own=own, n=len(data))

        def draw(ax):
            dimension_gaps(gaps, ax=ax, lang=lang)
            ax.set_yticks(ax.get_yticks(), [t("sq_weight_tick", lang, name=sq_label(d, lang), w=raw[d] / total)
                                            for d in gaps.dimensions.index])
            ax.axvline(score, color=PALETTES["index_method"]["weighted"], lw=2, ls="-",
                       label=t("sq_widget_weighted", lang))
            ax.axvline(plain, color=INK["grey_light"], lw=1.5, ls="--", label=t("sq_widget_unweighted", lang))
            ax.legend(loc="lower right", fontsize=8)
            ax.set_title(t("sq_widget_title", lang, branch=name, score=score, plain=plain))
        return line, draw

    return live_panel([choose, *sliders.values()], update, figsize=(7, 3.8))
