"""Shared plotting machinery: axes, language, the CJK font, palettes.

Nothing here changes matplotlib's global settings: every helper draws on the
``ax`` it is given (or a new one) and styles only that figure's artists.
For ``lang="zh"`` the kit registers the Noto Sans CJK SC font shipped by the
``mplfonts`` package with matplotlib's font manager (once, lazily) and sets
a font-family fallback list on the figure's text, so Chinese renders on a
machine that has no system CJK font.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from crmlab.errors import CRMDataError
from crmlab.labels import check_lang, label

LATIN_FONT = "DejaVu Sans"
CJK_FONT = "Noto Sans CJK SC"

# One colour per concept, the same in every notebook.
PALETTES = {
    # neutral categorical hues (no red/green: a segment is not good or bad by its colour)
    "segment": {"online": "#4C72B0", "in-store": "#8172B3", "business": "#937860"},
    "quadrant": {"concentrate_here": "#C44E52", "keep_up": "#55A868",
                 "low_priority": "#8C8C8C", "possible_overkill": "#DD8452"},
    "estimate": {"estimated": "#4C72B0", "true": "#8C8C8C"},
    "scale5": ["#C44E52", "#DD8452", "#CCB974", "#64B5CD", "#4C72B0"],
    # complaints
    "channel": {"phone": "#4C72B0", "web": "#55A868", "email": "#DD8452", "store": "#8172B3",
                "social": "#C44E52", "all": "#4C4C4C"},
    "recovery": {"no_problem": "#8C8C8C", "complained_resolved": "#55A868",
                 "complained_unresolved": "#C44E52", "problem_no_complaint": "#DD8452"},
    "abc": {"A": "#C44E52", "B": "#DD8452", "C": "#8C8C8C"},
    # SERVQUAL
    "servqual_dimension": {"tangibles": "#8172B3", "reliability": "#4C72B0", "responsiveness": "#C44E52",
                           "assurance": "#55A868", "empathy": "#DD8452", "overall": "#4D4D4D"},
    "wave": {"before": "#8C8C8C", "after": "#4C72B0"},
    # branches of the SERVQUAL bank: hues the dimension palette does not use
    "servqual_branch": {"central": "#937860", "riverside": "#64B5CD", "airport": "#DA8BC3", "campus": "#CCB974"},
    # zone of tolerance: the band between adequate and desired, the perception marker
    "tolerance": {"zone": "#B8D4E8", "perception": "#C44E52"},
    # loyalty (Jones & Sasser types, NPS groups)
    "loyalty_type": {"apostle": "#2E7D32", "loyalist": "#4C72B0", "mercenary": "#DD8452", "hostage": "#8172B3", "defector": "#8C8C8C", "terrorist": "#C44E52"},
    "nps": {"promoters": "#55A868", "passives": "#CCB974", "detractors": "#C44E52"},
    # Burnett matrix strategies
    "strategy": { "develop_defend": "#2E7D32", "develop": "#55A868", "selective_defence": "#4C72B0", "defend_maintain": "#64B5CD", "selective_maintenance": "#CCB974", "minimal_maintenance": "#DD8452", "exit": "#C44E52", },
    # satisfaction index methods (notebooks 01 and 07)
    "index_method": {"simple": "#8C8C8C", "weighted": "#DD8452", "pls": "#4C72B0"},
    # plain colours of the plot furniture (lines, error bars, boxes, text on bars), by role
    "ink": {
        "black": "black", "grey": "grey", "white": "white",
        "ink_dark": "#404040",
        "arrow": "#444444",
        "blue": "#4C72B0",
        "ink": "#4D4D4D",
        "green": "#55A868",
        "sky": "#64B5CD",
        "mid_grey": "#7F7F7F",
        "purple": "#8172B3",
        "grey_light": "#8C8C8C",
        "brown": "#937860",
        "red": "#C44E52",
        "sand": "#CCB974",
        "orange": "#DD8452",
        "box_action": "#DCE6F2",
        "box_end": "#E2F0D9",
        "box_customer": "#EAF0F8",
        "box_provider": "#F4F4F4",
        "box_question": "#FBE5D6",
    },
    # constructs of the ECSI model (topic 7)
    "construct": {"IMAG": "#8172B3", "EXPE": "#64B5CD", "QUAL": "#4C72B0",
                  "VAL": "#CCB974", "SAT": "#55A868", "COMP": "#DD8452", "LOY": "#C44E52"},
    # further colours when a plot has more groups than its palette names
    "cycle": ["#4C72B0", "#55A868", "#C44E52", "#8172B3", "#CCB974", "#64B5CD", "#DD8452", "#937860"],
}
INK = PALETTES["ink"]



@functools.cache
def cjk_font_path() -> Path:
    """Path of the CJK font file, registered with matplotlib on first call."""
    from matplotlib import font_manager

    try:
        import mplfonts
    except ImportError:  # pragma: no cover - depends on the environment
        raise CRMDataError(
            "Chinese labels need the 'mplfonts' package (it ships Noto Sans CJK SC). "
            "Fix: pip install mplfonts, or reinstall the kit with pip install -e ."
        ) from None
    path = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
    if not path.exists():  # pragma: no cover
        raise CRMDataError(f"the CJK font file {path} is missing. Fix: pip install --force-reinstall mplfonts.")
    font_manager.fontManager.addfont(str(path))
    return path


def font_family(lang: str) -> list[str]:
    check_lang(lang)
    if lang == "zh":
        cjk_font_path()
        return [LATIN_FONT, CJK_FONT]
    return [LATIN_FONT]


def get_ax(ax=None, figsize=(7, 4.5)):
    """Return ``ax`` or a fresh one on a new figure."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def apply_lang(ax, lang: str = "en"):
    """Give every text of ``ax``'s figure a font family that can draw ``lang``."""
    family = font_family(lang)
    fig = ax.figure
    texts = [fig._suptitle] if getattr(fig, "_suptitle", None) is not None else []
    for a in fig.axes:
        texts += [a.title, a._left_title, a._right_title, a.xaxis.label, a.yaxis.label, *a.texts]
        a.tick_params(labelfontfamily=family)
        leg = a.get_legend()
        if leg is not None:
            texts += [*leg.get_texts(), leg.get_title()]
    for text in texts:
        text.set_fontfamily(family)
    for leg in fig.legends:
        for text in [*leg.get_texts(), leg.get_title()]:
            text.set_fontfamily(family)
    return ax


def decorate(ax, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None,
             lang: str = "en", legend_title: str | None = None):
    """Set title and axis labels (already translated text) and the language's font."""
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if legend_title is not None and ax.get_legend() is not None:
        ax.get_legend().set_title(legend_title)
    return apply_lang(ax, lang)


def label_or_key(key, lang: str) -> str:
    """A category value's label (:func:`crmlab.labels.label`, the kit's one rule for data values)."""
    return label(key, lang)


def bars_with_interval(ax, table, value: str, low: str = "ci_low", high: str = "ci_high", *, colors=None,
                       labels=None, positions=None, width: float = 0.8, scale: float = 1.0,
                       horizontal: bool = False, capsize: float = 5, lw: float | None = None, label=None,
                       saturation: float = 1.0):
    """Bars of ``table[value]`` with their interval ``[table[low], table[high]]`` as black error bars.

    The kit's one bar-with-interval plot. ``scale`` multiplies every number
    (100 for percent), ``colors`` is one colour or one per row (from
    ``PALETTES``), ``positions`` the bar centres (default 0..n-1, the
    categorical layout: ``labels`` then name the ticks), ``horizontal=True`` draws ``barh``; ``saturation``
    < 1 mutes the colours as seaborn's bar plots do (0.75: the look of the
    plots first drawn with ``seaborn.barplot``). An undefined
    interval end (NaN) draws no whisker, and an end on the wrong side of the
    bar is drawn at the bar. Returns the bar positions.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw.
    table : DataFrame
        One row per bar.
    value, low, high : str, default low "ci_low", high "ci_high"
        Columns of the bar height and of the interval ends.
    colors : colour or list of colours, optional
        From ``PALETTES``: one for all bars or one per row.
    labels : list of str, optional
        Tick labels, one per bar.
    positions : array, optional
        Bar centres (default 0..n-1).
    width : float, default 0.8
        Bar width (height for ``horizontal``).
    scale : float, default 1
        Factor for every number (100 for percent).
    horizontal : bool, default False
        Draw horizontal bars.
    capsize, lw : float
        Whisker cap size and line width (None: matplotlib's).
    label : str, optional
        Legend entry of these bars.
    saturation : float, default 1
        Colour saturation (0.75 = seaborn's bar plots).
    """
    vals = table[value].to_numpy(dtype="float64") * scale
    pos = np.arange(len(vals), dtype="float64") if positions is None else np.asarray(positions, dtype="float64")
    err = np.vstack([vals - table[low].to_numpy(dtype="float64") * scale,
                     table[high].to_numpy(dtype="float64") * scale - vals])
    err = np.nan_to_num(err).clip(min=0)
    kw = {} if lw is None else {"lw": lw}
    if saturation != 1 and colors is not None:
        import seaborn as sns

        colors = (sns.desaturate(colors, saturation) if isinstance(colors, str)
                  else [sns.desaturate(c, saturation) for c in colors])
    if horizontal:
        ax.barh(pos, vals, height=width, color=colors, label=label)
        ax.errorbar(vals, pos, xerr=err, fmt="none", ecolor=INK["black"], capsize=capsize, **kw)
    else:
        ax.bar(pos, vals, width, color=colors, label=label)
        ax.errorbar(pos, vals, yerr=err, fmt="none", ecolor=INK["black"], capsize=capsize, **kw)
    if labels is not None:
        (ax.set_yticks if horizontal else ax.set_xticks)(pos, list(labels))
        (ax.yaxis if horizontal else ax.xaxis).grid(False)
    return pos
