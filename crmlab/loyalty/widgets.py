"""Lecture widgets for topic 3: the Jones & Sasser thresholds (``trap_explorer``) and CLV sliders (``clv_explorer``)."""

from __future__ import annotations

import warnings

import ipywidgets as widgets

from crmlab import loyalty as loy
from crmlab.errors import CRMDataError, CRMWarning
from crmlab.labels import t
from crmlab.loyalty.plots import clv_curve, trap_bars
from crmlab.widgets._panel import live_panel

__all__ = ["clv_explorer", "trap_explorer"]


def clv_explorer(margin: float = 100.0, retention: float = 0.8, discount: float = 0.1, growth: float = 0.0,
                 periods: int = 15, lang: str = "en") -> widgets.VBox:
    """Sliders for margin, retention, discount rate and margin growth.

    Shows CLV = sum m (1+g)^(t-1) r^t / (1+d)^t (infinite horizon), the CLV with
    five more points of retention and the change in percent, and draws the
    cumulative discounted margin over ``periods`` years for both.
    """
    from crmlab.labels import check_lang
    from crmlab.validate import require_int

    check_lang(lang)
    periods = require_int(periods, "periods", minimum=1, maximum=100)
    # a slider clamps a value outside its range without a word: refuse non-numbers, warn about clamping
    for name, value, low, high in (("margin", margin, 10, 500), ("retention", retention, 0.3, 0.94),
                                   ("discount", discount, 0.0, 0.3), ("growth", growth, 0.0, 0.1)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise CRMDataError(f"{name}={value!r} is not a number. Fix: pass a number between {low:g} and {high:g}.")
        if not low <= value <= high:
            warnings.warn(f"{name}={value!r} is outside the slider's range {low:g}-{high:g}; the slider starts at "
                          f"{min(max(value, low), high):g}. Fix: use crmlab.loyalty.clv for values outside it.",
                          CRMWarning, stacklevel=2)
    style = {"description_width": "110px"}
    m = widgets.FloatSlider(value=margin, min=10, max=500, step=10, description=t("margin_slider", lang),
                            continuous_update=False, style=style)
    r = widgets.FloatSlider(value=retention, min=0.3, max=0.94, step=0.01, description=t("retention_slider", lang),
                            continuous_update=False, style=style, readout_format=".2f")
    d = widgets.FloatSlider(value=discount, min=0.0, max=0.3, step=0.01, description=t("discount_slider", lang),
                            continuous_update=False, style=style, readout_format=".2f")
    g = widgets.FloatSlider(value=growth, min=0.0, max=0.1, step=0.01, description=t("growth_slider", lang),
                            continuous_update=False, style=style, readout_format=".2f")

    def update():
        if (r.value + 0.05) * (1 + g.value) >= 1 + d.value:
            return t("widget_bad", lang)
        base = loy.clv(m.value, r.value, d.value, growth=g.value)
        plus = loy.clv(m.value, r.value + 0.05, d.value, growth=g.value)
        curves = {t("base", lang): loy.clv_projection(m.value, r.value, d.value, periods, g.value),
                  t("plus5", lang): loy.clv_projection(m.value, r.value + 0.05, d.value, periods, g.value)}
        line = t("widget_clv_line", lang, clv=base, plus=plus, pct=(plus / base - 1) * 100)
        return line, lambda ax: clv_curve(curves, ax=ax, lang=lang)

    return live_panel([m, r, d, g], update, figsize=(6.5, 3.8))


def trap_explorer(survey, purchases: str = "purchases_next", satisfaction: str = "satisfaction",
                  recommend: str = "recommend", satisfied_at: int = 5, loyal_at: int = 2,
                  confidence: float = 0.95, lang: str = "en") -> widgets.VBox:
    """Sliders for the two thresholds of the satisfaction-loyalty matrix.

    ``satisfied_at`` (who counts as satisfied: 5 = top box, 4 = "satisfied or
    very satisfied") and ``loyal_at`` (purchase days after the survey that make
    a respondent loyal). Shows the count of each Jones & Sasser type and redraws
    the share who stayed loyal per satisfaction level.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, with later purchases, satisfaction (1-5) and recommendation (0-10).
    purchases, satisfaction, recommend : str
        Columns of the purchase days after the survey, the satisfaction and the 0-10 answer.
    satisfied_at : int, default 5
        Start value of the satisfied threshold (2-5).
    loyal_at : int, default 2
        Start value of the purchase days that make a respondent loyal (1-10).
    confidence : float, default 0.95
        Level of the Wilson intervals.
    lang : str, default "en"
        Language of the labels.
    """
    import pandas as pd

    from crmlab import validate as v
    from crmlab.labels import check_lang
    from crmlab.stats import wilson_ci

    check_lang(lang)
    v.require_frame(survey, "survey")
    v.require_columns(survey, [purchases, satisfaction, recommend], "survey")
    v.require_numeric(survey, [purchases])
    satisfied_at = v.require_int(satisfied_at, "satisfied_at", 2, 5)
    loyal_at = v.require_int(loyal_at, "loyal_at", 1, 10)
    confidence = v.require_confidence(confidence)
    loy.jones_sasser(survey.assign(_loyal=True), loyal="_loyal", satisfaction=satisfaction,
                     recommend=recommend)  # validates the answers once, with the kit's messages
    style = {"description_width": "150px"}
    s_at = widgets.IntSlider(value=satisfied_at, min=2, max=5, description=t("satisfied_slider", lang),
                             continuous_update=False, style=style)
    l_at = widgets.IntSlider(value=loyal_at, min=1, max=10, description=t("loyal_slider", lang),
                             continuous_update=False, style=style)

    def update():
        loyal = survey[purchases] >= l_at.value
        types = loy.jones_sasser(survey.assign(_loyal=loyal), loyal="_loyal", satisfaction=satisfaction,
                                 recommend=recommend, satisfied_at=s_at.value,
                                 dissatisfied_at=min(2, s_at.value - 1))
        counts = types.value_counts()
        line = t("list_sep", lang).join(t("loy_widget_type_count", lang, type=t(k, lang), n=int(counts.get(k, 0)))
                                        for k in loy.JONES_SASSER_TYPES)
        by = loyal.groupby(survey[satisfaction]).agg(n="size", stayed="sum")
        lo, hi = wilson_ci(by["stayed"], by["n"], confidence)
        table = pd.DataFrame({"n": by["n"], "rate": by["stayed"] / by["n"], "ci_low": lo, "ci_high": hi},
                             index=by.index)
        return line, lambda ax: trap_bars(table, ax=ax, lang=lang, satisfied_at=s_at.value)

    return live_panel([s_at, l_at], update, figsize=(6.5, 3.8))
