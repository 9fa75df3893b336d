"""The GAP model and SERVQUAL (服务质量差距模型): gap scores, weighted SERVQUAL,
reliability, gap 1, improvement priorities and before/after waves.

Every function takes a survey DataFrame plus an **item map**
(:class:`ItemMap`, built with :func:`item_map`) that says which items
belong to which dimension and where each item's expectation (E) and
perception (P) answers are. The default, :data:`SERVQUAL`, is the 22-item
instrument of Parasuraman, Zeithaml & Berry (1988) with columns ``E1..E22``,
``P1..P22`` and importance points ``imp_<dimension>``, as in
``crmlab.datasets.load("servqual_survey")``. A survey with other item
counts, dimension names or column names works through its own map::

    my_map = item_map({"speed": [1, 2], "care": [3, 4, 5]},
                      expectation="exp_{item}", perception="perc_{item}")
    servqual_gaps(my_survey, my_map)

Missing answers: an item gap P - E is missing when E or P is missing; a
respondent's dimension score is the mean of the item gaps they answered in
that dimension (missing if none); the unweighted SERVQUAL score is the mean
of the dimension scores they have; the weighted score re-normalises the
weights over the dimensions they have. Cronbach's alpha uses listwise
deletion per dimension (only respondents who answered every item of it).
Functions never modify their input.

Source: Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1985), "A conceptual
model of service quality and its implications for future research",
Journal of Marketing 49(4); (1988) "SERVQUAL: a multiple-item scale for
measuring consumer perceptions of service quality", Journal of Retailing
64(1); (1991) "Refinement and reassessment of the SERVQUAL scale",
Journal of Retailing 67(4) (importance points).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmlab import stats as _stats
from crmlab import validate as v
from crmlab.errors import CRMDataError
from crmlab.labels import ZhNames

# The model: the five dimensions of the 22-item instrument (the data generator uses them too).
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
DIMENSIONS_ZH = ZhNames(DIMENSIONS, "sq_")  # Chinese names from the catalogue (crmlab/locale)
# Item numbers of each dimension in the 22-item instrument (PZB 1988 order).
DIMENSION_ITEMS = {
    "tangibles": (1, 2, 3, 4),
    "reliability": (5, 6, 7, 8, 9),
    "responsiveness": (10, 11, 12, 13),
    "assurance": (14, 15, 16, 17),
    "empathy": (18, 19, 20, 21, 22),
}
N_ITEMS = 22
ITEM_DIMENSION = {i: d for d, items in DIMENSION_ITEMS.items() for i in items}

__all__ = [
    "DIMENSIONS", "DIMENSIONS_ZH", "GAPS", "ItemMap", "item_map", "item_map_from_table", "SERVQUAL", "instrument", "gap_model",
    "GapResult", "servqual_gaps", "WeightedResult", "weighted_servqual", "cronbach_alpha", "gap1",
    "wave_change", "improvement_priorities", "compare_correlations", "PerfResult", "servperf",
    "zone_of_tolerance", "item_analysis", "item_wording",
]

# ----------------------------------------------------------------- the instrument

# The wording of the 22 statements: written for the kit, modelled on the 22
# statements of Parasuraman, Zeithaml & Berry (1988). The English texts are the
# label keys ``sq_item_1`` .. ``sq_item_22`` (crmlab/servqual/labels.py), the
# Chinese in the catalogue. The expectation form reads "An excellent bank ..."
# (卓越的银行 ..., key ``sq_form_expectation``), the perception form "This branch ..."
# (本支行 ..., key ``sq_form_perception``).

def item_wording(lang: str = "en", items=None) -> pd.Series:
    """The short wording of each item in ``lang`` (item number -> text), e.g. to label a plot.

    >>> item_wording()[5]
    'does what it promises by the time it promised'
    """
    from crmlab.labels import check_lang, t

    check_lang(lang)
    items = range(1, N_ITEMS + 1) if items is None else items
    return pd.Series({j: t(f"sq_item_{j}", lang) for j in items}, name="wording", dtype="str")


def instrument(lang: str = "en") -> pd.DataFrame:
    """The 22-item SERVQUAL instrument as data: item, dimension, and wording (en and zh).

    Columns: ``item`` (1..22), ``dimension``, ``dimension_zh``,
    ``wording_en``, ``wording_zh``, ``expectation`` and ``perception`` (the
    two forms of the statement in ``lang``).
    """
    from crmlab.labels import check_lang, t

    check_lang(lang)
    en, zh = item_wording("en"), item_wording("zh")
    rows = []
    for d, items in DIMENSION_ITEMS.items():
        for j in items:
            w = en[j] if lang == "en" else zh[j]
            rows.append((j, d, DIMENSIONS_ZH[d], en[j], zh[j], t("sq_form_expectation", lang, wording=w),
                         t("sq_form_perception", lang, wording=w)))
    return pd.DataFrame(rows, columns=["item", "dimension", "dimension_zh", "wording_en", "wording_zh",
                                       "expectation", "perception"])


# The five gaps of the model (PZB 1985): number -> (key, English name, Chinese name,
# between, English definition, Chinese definition).
GAPS = pd.DataFrame(
    [
        (1, "knowledge", "Knowledge (listening) gap", "认知差距（倾听差距）",
         "customer expectations vs management's perception of them",
         "Management does not know what customers expect.", "管理层不了解顾客的期望。"),
        (2, "standards", "Standards (design) gap", "标准差距（设计差距）",
         "management's perception vs service quality specifications",
         "What managers know is not turned into the right service standards.",
         "管理层的认知没有转化为恰当的服务标准。"),
        (3, "delivery", "Delivery (performance) gap", "交付差距（绩效差距）",
         "service specifications vs the service delivered",
         "Staff do not deliver the service to the standard.", "员工提供的服务没有达到标准。"),
        (4, "communication", "Communication gap", "沟通差距",
         "the service delivered vs what external communication promised",
         "Advertising and sales promise more than is delivered.", "广告和销售的承诺超过了实际提供的服务。"),
        (5, "customer", "Customer gap (service quality)", "顾客差距（服务质量差距）",
         "expected service vs perceived service",
         "What customers perceive falls short of what they expect; gaps 1-4 drive it.",
         "顾客感知的服务低于其期望；由差距 1-4 共同导致。"),
    ],
    columns=["gap", "key", "name_en", "name_zh", "between", "definition_en", "definition_zh"],
).set_index("gap")


def gap_model(lang: str = "en") -> pd.DataFrame:
    """The five gaps with name and definition in ``lang`` (a view of :data:`GAPS`)."""
    from crmlab.labels import check_lang

    check_lang(lang)
    cols = ["name_en", "definition_en", "between"] if lang == "en" else ["name_zh", "definition_zh", "between"]
    return GAPS[cols].set_axis(["name", "definition", "between"], axis=1)


# ----------------------------------------------------------------- the item map

@dataclass(frozen=True)
class ItemMap:
    """Which items form which dimension, and where their answers are.

    ``dimensions``: dimension -> tuple of item ids (in order);
    ``expectation`` / ``perception``: item id -> column name;
    ``importance``: dimension -> column with importance points, or None;
    ``item_importance``: item id -> column with a per-item importance
    rating, or None, turned into dimension weights by ``importance_rule``
    (``"mean"`` or ``"sum"`` of the dimension's item ratings).
    Build one with :func:`item_map` or :func:`item_map_from_table`.
    """

    dimensions: Mapping
    expectation: Mapping
    perception: Mapping
    importance: Mapping | None = None
    templates: tuple = (None, None)
    item_importance: Mapping | None = None
    importance_rule: str = "mean"

    @property
    def items(self) -> list:
        return [i for items in self.dimensions.values() for i in items]

    @property
    def dimension_names(self) -> list[str]:
        return list(self.dimensions)

    @property
    def item_dimension(self) -> dict:
        return {i: d for d, items in self.dimensions.items() for i in items}

    @property
    def e_columns(self) -> list[str]:
        return [self.expectation[i] for i in self.items]

    @property
    def p_columns(self) -> list[str]:
        return [self.perception[i] for i in self.items]

    def positions(self) -> dict[str, np.ndarray]:
        """Dimension -> column positions of its items in ``items`` order."""
        out, start = {}, 0
        for d, items in self.dimensions.items():
            out[d] = np.arange(start, start + len(items))
            start += len(items)
        return out


def _columns(spec, keys, kind: str, key_name: str) -> dict:
    if spec is None:
        return None
    if isinstance(spec, str):
        if "{" + key_name + "}" not in spec:
            raise CRMDataError(
                f"the {kind} template {spec!r} has no {{{key_name}}} placeholder. "
                f"Fix: write it like 'E{{{key_name}}}', or pass a dict {key_name} -> column."
            )
        try:
            return {k: spec.format(**{key_name: k}) for k in keys}
        except (KeyError, IndexError, ValueError) as exc:
            raise CRMDataError(
                f"the {kind} template {spec!r} cannot be filled ({type(exc).__name__}: {exc}); only "
                f"{{{key_name}}} may appear in braces. Fix: write it like 'E{{{key_name}}}'."
            ) from None
    if callable(spec):
        out = {k: spec(k) for k in keys}
        bad = [k for k, col in out.items() if not isinstance(col, str)]
        if bad:
            raise CRMDataError(f"the {kind} function gave {out[bad[0]]!r} for {key_name} {bad[0]!r}, not a column "
                               f"name. Fix: return the column name as text, e.g. lambda {key_name}: f'E{{{key_name}}}'.")
        return out
    if not isinstance(spec, Mapping):
        raise CRMDataError(f"the {kind} columns must be a template like 'E{{{key_name}}}', a dict {key_name} -> "
                           f"column or a function, got {type(spec).__name__} {spec!r}. Fix: e.g. 'E{{{key_name}}}'.")
    spec = dict(spec)
    absent = [k for k in keys if k not in spec]
    if absent:
        raise CRMDataError(
            f"the {kind} mapping has no column for {key_name}(s) {', '.join(map(repr, absent[:5]))}. "
            f"Fix: give every {key_name} a column."
        )
    return {k: spec[k] for k in keys}


_KIT_IMPORTANCE = "imp_{dimension}"
_ASSUME = object()  # importance not given: the kit's columns only with the kit's E/P layout


def item_map(dimensions: Mapping[str, Sequence], expectation="E{item}", perception="P{item}",
             importance=_ASSUME, item_importance=None, importance_rule: str = "mean") -> ItemMap:
    """Build an :class:`ItemMap`.

    ``dimensions`` maps each dimension name to its item ids (any labels, e.g.
    ``{"tangibles": [1, 2, 3, 4], ...}``). ``expectation`` and
    ``perception`` are either a template with ``{item}`` (``"E{item}"``) or
    a dict item -> column name; ``importance`` a template with
    ``{dimension}``, a dict dimension -> column, or None (no importance
    points in the data).

    Not given, ``importance`` is the kit's ``"imp_{dimension}"`` only when
    the E and P columns are the kit's ``"E{item}"``/``"P{item}"``; a map of
    your own columns assumes no importance columns (None), so
    :func:`weighted_servqual` asks for ``weights=`` or an importance
    argument instead of looking for a column that never existed.

    Parameters
    ----------
    dimensions : dict
        Dimension name -> item ids (numbers or names), in the order to report.
    expectation, perception : str, dict or callable
        Where each item's E and P answers are: a template with ``{item}``, a dict item -> column,
        or a function item -> column.
    importance : str, dict or None
        Importance points per dimension (a template with ``{dimension}`` or a dict); None: none.
    item_importance : str, dict, callable or None
        A per-item importance rating (template with ``{item}``, dict item -> column, or
        function); optional; pass None to skip. Turned into dimension weights by ``importance_rule``.
    importance_rule : {"mean", "sum"}, default "mean"
        A respondent's dimension weight from the per-item ratings: the mean of the dimension's
        item ratings (every dimension counts alike whatever its length) or their sum (longer
        dimensions weigh more), divided by the total over the dimensions.

    Example
    -------
    >>> m = item_map({"speed": [1, 2], "care": [3]}, expectation="exp{item}", perception="per{item}")
    >>> m.e_columns, m.p_columns
    (['exp1', 'exp2', 'exp3'], ['per1', 'per2', 'per3'])
    """
    if isinstance(dimensions, ItemMap):
        return dimensions
    if not isinstance(dimensions, Mapping) or not dimensions:
        raise CRMDataError(
            "the item map must be a non-empty dict dimension -> list of item ids. "
            "Fix: e.g. {'tangibles': [1, 2, 3, 4], 'reliability': [5, 6, 7, 8, 9]}."
        )
    dims = {}
    seen = {}
    for d, items in dimensions.items():
        if isinstance(items, (int, np.integer)) or items is None or isinstance(items, Mapping):
            raise CRMDataError(f"dimension {d!r} must list its item ids, got {items!r}. "
                               f"Fix: e.g. {{{d!r}: [1, 2, 3]}}.")
        items = tuple(items) if not isinstance(items, str) else (items,)
        unhashable = [i for i in items if not isinstance(i, (str, int, np.integer, float, tuple))]
        if unhashable:
            raise CRMDataError(f"dimension {d!r} has item id {unhashable[0]!r}, which is not an item label. "
                               "Fix: use numbers or names as item ids, e.g. [1, 2, 3].")
        if not items:
            raise CRMDataError(f"dimension {d!r} has no items. Fix: give it at least one item or leave it out.")
        for i in items:
            if i in seen:
                raise CRMDataError(
                    f"item {i!r} is in two dimensions ({seen[i]!r} and {d!r}). Fix: put each item in one dimension."
                )
            seen[i] = d
        dims[str(d)] = items
    all_items = list(seen)
    v.require_choice(importance_rule, ["mean", "sum"], "importance_rule")
    if importance is _ASSUME:
        kit_layout = expectation == "E{item}" and perception == "P{item}" and item_importance is None
        importance = _KIT_IMPORTANCE if kit_layout else None
    e = _columns(expectation, all_items, "expectation", "item")
    p = _columns(perception, all_items, "perception", "item")
    imp = _columns(importance, list(dims), "importance", "dimension")
    item_imp = _columns(item_importance, all_items, "item importance", "item")
    if imp is not None and item_imp is not None:
        raise CRMDataError("the item map has both importance points per dimension (importance=) and per-item "
                           "importance ratings (item_importance=). Fix: give one of them, the other None.")
    templates = (expectation if isinstance(expectation, str) else None,
                 perception if isinstance(perception, str) else None)
    return ItemMap(dims, e, p, imp, templates, item_imp, importance_rule)


def item_map_from_table(table: pd.DataFrame, item: str = "item", dimension: str = "dimension",
                        expectation: str | None = None, perception: str | None = None,
                        importance: str | None = None, importance_rule: str = "mean") -> ItemMap:
    """The item map of an instrument of any length from a table, one row per item.

    Each row names an item, its dimension and (optionally) the survey
    columns that hold its expectation, perception and importance answers.
    The map follows the names in the table, never positions: a survey file
    that lists item 9 before item 8 maps each column to its own item.
    Dimensions are reported in the order they first appear, their items in
    table order.

    Parameters
    ----------
    table : DataFrame
        One row per item (e.g. read from a sheet of the questionnaire).
    item : str, default "item"
        Column with the item ids (numbers or names, each once).
    dimension : str, default "dimension"
        Column with each item's dimension.
    expectation, perception : str or None
        Columns of ``table`` with the survey column of each item's E and P
        answer; optional; pass None to use the kit's layout ``E<item>`` / ``P<item>``.
    importance : str or None
        Column of ``table`` with the survey column of each item's importance
        rating; optional; pass None to skip (no importance in the survey:
        :func:`weighted_servqual` then needs ``weights=``).
    importance_rule : {"mean", "sum"}, default "mean"
        How per-item importance ratings become dimension weights (see :func:`item_map`).

    Example
    -------
    >>> t = pd.DataFrame({"item": [1, 2, 3], "dimension": ["speed", "care", "speed"],
    ...                   "e_col": ["e1", "e2", "e3"], "p_col": ["p1", "p2", "p3"]})
    >>> m = item_map_from_table(t, expectation="e_col", perception="p_col")
    >>> m.dimensions, m.e_columns
    ({'speed': (1, 3), 'care': (2,)}, ['e1', 'e3', 'e2'])
    """
    v.require_frame(table, "item table")
    named = [c for c in (expectation, perception, importance) if c is not None]
    v.require_columns(table, [item, dimension, *named], "item table",
                      fix="name the columns of the item table: item=..., dimension=..., and expectation=, "
                          "perception=, importance= (the columns holding the survey column names, or None).")
    v.require_no_missing(table, [item, dimension, *named],
                         fix="give every item its id, dimension and columns (or drop the row of an unused item).")
    v.require_unique(table, item)
    for col in named:
        dup = table[col][table[col].duplicated(keep=False)]
        if len(dup):
            raise CRMDataError(f"column {col!r} of the item table names one survey column for several items: "
                               f"{v.show_values(dup)}. Fix: give each item its own survey column.")
    dims: dict = {}
    for d, it in zip(table[dimension].astype(str), table[item]):
        dims.setdefault(d, []).append(it.item() if isinstance(it, np.generic) else it)

    def cols(c):
        if c is None:
            return None
        return {(i.item() if isinstance(i, np.generic) else i): str(x) for i, x in zip(table[item], table[c])}

    return item_map(dims, expectation=cols(expectation) or "E{item}", perception=cols(perception) or "P{item}",
                    importance=None, item_importance=cols(importance), importance_rule=importance_rule)


#: The 22-item SERVQUAL map of the shipped survey.
SERVQUAL = item_map({d: list(items) for d, items in DIMENSION_ITEMS.items()}, importance=_KIT_IMPORTANCE)


# ----------------------------------------------------------------- validation

_MAP_FIX = ("describe your survey with an item map: pass items=item_map({'tangibles': [1, 2], ...}, "
            "expectation='E{item}', perception='P{item}') with your column templates (or dicts item -> column).")

def _stray_columns(df: pd.DataFrame, imap: ItemMap) -> None:
    """Columns that look like items (match a template with a number) but are in no dimension."""
    mapped = set(imap.e_columns) | set(imap.p_columns)
    for template, kind in zip(imap.templates, ("expectation", "perception")):
        if template is None:
            continue
        head, _, tail = template.partition("{item}")
        pattern = re.compile("^" + re.escape(head) + r"\d+" + re.escape(tail) + "$")
        stray = [c for c in df.columns if isinstance(c, str) and pattern.match(c) and c not in mapped]
        if stray:
            raise CRMDataError(
                f"column {stray[0]!r} looks like a {kind} item ({template!r}) but is in no dimension of the "
                f"item map{' (also: ' + ', '.join(map(repr, stray[1:5])) + ')' if len(stray) > 1 else ''}. "
                f"Fix: add its item to a dimension of the item map, or drop the column "
                f"(df.drop(columns=[{stray[0]!r}]))."
            )


def _matrix(df: pd.DataFrame, columns: list[str], scale) -> np.ndarray:
    """Columns as a float matrix; ratings outside the scale raise (missing answers allowed)."""
    v.require_numeric(df, columns)
    x = df[columns].to_numpy(dtype="float64", na_value=np.nan)
    low, high = scale
    with np.errstate(invalid="ignore"):
        bad = (x < low) | (x > high)
    if bad.any():
        col = columns[int(np.argmax(bad.any(axis=0)))]
        v.require_in_scale(df, [col], low, high, allow_missing=True)
    return x


def _prepare(df: pd.DataFrame, items, scale, strict: bool = True):
    v.require_frame(df, "survey")
    imap = item_map(items) if not isinstance(items, ItemMap) else items
    wanted = imap.e_columns + imap.p_columns
    absent = [c for c in wanted if c not in df.columns]
    if len(absent) > 3 and len(absent) > len(wanted) // 2:
        default = imap is SERVQUAL or imap == SERVQUAL
        raise CRMDataError(
            f"the survey lacks {len(absent)} of the {len(wanted)} answer columns the item map expects "
            f"(first: {', '.join(map(repr, absent[:3]))})"
            + (" - the default map is the 22-item SERVQUAL with columns E1..E22, P1..P22" if default else "")
            + ". Fix: " + _MAP_FIX
            + " For a table of items, use item_map_from_table(table, item=..., dimension=..., "
              "expectation=..., perception=...)."
        )
    v.require_columns(df, wanted, "survey", fix=_MAP_FIX)
    if strict:
        _stray_columns(df, imap)
    v.require_scale(scale)
    e = _matrix(df, imap.e_columns, scale)
    p = _matrix(df, imap.p_columns, scale)
    return imap, e, p


def _groups(df: pd.DataFrame, by):
    if by is None:
        return None
    v.require_group_labels(df, by)
    return df[by].to_numpy()


# ----------------------------------------------------------------- statistics

def _tcrit(n, confidence: float):
    return _stats.t_quantile(confidence, np.asarray(n, dtype=float) - 1)


def _describe(x: np.ndarray, names: list, groups=None, group_name: str = "group") -> pd.DataFrame:
    """n, mean, sd, se per column (and group): :func:`crmlab.stats.describe` of the matrix."""
    by = None if groups is None else pd.Series(groups, name=group_name)
    out = _stats.describe(pd.DataFrame(x, columns=pd.Index(names), copy=False), by=by)
    return out[["n", "mean", "sd", "se"]]


def _name_last(index: pd.Index, name: str) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_names(name, level=-1)
    return index.rename(name)


def _with_ci(table: pd.DataFrame, confidence: float, value: str = "mean") -> pd.DataFrame:
    half = _tcrit(table["n"], confidence) * table["se"]
    return table.assign(ci_low=table[value] - half, ci_high=table[value] + half)


def _welch(m1, s1, n1, m2, s2, n2, confidence: float):
    """Difference m2 - m1 of two independent means with a Welch t interval (:func:`crmlab.stats.diff_ci`)."""
    m1, s1, n1, m2, s2, n2 = (np.asarray(a, dtype=float) for a in (m1, s1, n1, m2, s2, n2))
    d, lo, hi = _stats.diff_ci(m2, n2, m1, n1, confidence, sd1=s2, sd2=s1)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(s1**2 / n1 + s2**2 / n2)
    return d, se, lo, hi


def _dimension_means(x: np.ndarray, imap: ItemMap) -> np.ndarray:
    """Per respondent: mean over the answered items of each dimension (NaN if none)."""
    pos = imap.positions()
    out = np.empty((x.shape[0], len(pos)))
    ok = ~np.isnan(x)
    filled = np.where(ok, x, 0.0)
    for k, idx in enumerate(pos.values()):
        cnt = ok[:, idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[:, k] = filled[:, idx].sum(axis=1) / cnt
    return out


def _row_nanmean(x: np.ndarray) -> np.ndarray:
    ok = ~np.isnan(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, x, 0.0).sum(axis=1) / ok.sum(axis=1)


# ----------------------------------------------------------------- gap scores

@dataclass(frozen=True)
class GapResult:
    """SERVQUAL gap scores (P - E): per respondent, and summarised with intervals.

    - ``respondent``: item gaps, one row per respondent, one column per item;
    - ``dimension_scores``: each respondent's mean gap per dimension, plus
      ``overall`` (the unweighted SERVQUAL score: mean of the dimension scores);
    - ``items``: per item (and group): dimension, n, mean E, mean P, gap,
      sd, se, ci_low, ci_high;
    - ``dimensions``: per dimension (and group): n, E and P (mean of the item
      means), gap (mean of the respondents' dimension scores), sd, se, interval;
    - ``overall``: the unweighted SERVQUAL score per group with its interval.
    """

    respondent: pd.DataFrame
    dimension_scores: pd.DataFrame
    items: pd.DataFrame
    dimensions: pd.DataFrame
    overall: pd.DataFrame
    item_map: ItemMap
    confidence: float

    def _repr_html_(self):
        return self.dimensions.round(3)._repr_html_()


def servqual_gaps(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, by: str | None = None,
                  scale: tuple[float, float] = (1, 7), confidence: float = 0.95,
                  strict: bool = True) -> GapResult:
    """SERVQUAL gap scores: P - E per respondent and item, then means with intervals.

    gap_ij = P_ij - E_ij (so -6 <= gap <= 6 on a 1-7 scale; negative = the
    service falls short of expectations, gap 5 of the GAP model);
    dimension score_id = mean of gap_ij over the items j of dimension d that
    respondent i answered; unweighted SERVQUAL_i = mean_d score_id.
    Means over respondents come with t intervals (mean ± t * sd / sqrt(n)).

    ``items`` is the item map (default: the 22-item instrument); ``by`` a
    column to split by (e.g. ``"branch"``). With ``strict=True`` a column
    that matches the map's E/P template (e.g. ``E23``) but is in no
    dimension raises, so an item cannot be silently left out.

    Example
    -------
    >>> df = pd.DataFrame({"E1": [7, 6], "P1": [5, 6], "E2": [6, 6], "P2": [6, 3]})
    >>> r = servqual_gaps(df, {"speed": [1, 2]})
    >>> r.respondent.to_numpy().tolist(), r.dimensions["gap"].tolist()
    ([[-2.0, 0.0], [0.0, -3.0]], [-1.25])

    Source: Parasuraman, Zeithaml & Berry (1988).
    """
    imap, e, p = _prepare(df, items, scale, strict)
    groups = _groups(df, by)
    g = p - e
    dims = imap.dimension_names
    dscore = _dimension_means(g, imap)
    overall = _row_nanmean(dscore)
    names = imap.items
    respondent = pd.DataFrame(g, index=df.index, columns=pd.Index(names, name="item"), copy=False)
    scores = pd.DataFrame(np.column_stack([dscore, overall]), index=df.index,
                          columns=pd.Index([*dims, "overall"], name="dimension"), copy=False)
    # item table
    gi = _describe(g, names, groups, by or "group")
    ei = _describe(e, names, groups, by or "group")
    pi = _describe(p, names, groups, by or "group")
    item_dim = imap.item_dimension
    labels = gi.index.get_level_values(-1)
    items_t = _with_ci(pd.DataFrame({
        "dimension": [item_dim[i] for i in labels],
        "n": gi["n"], "expectation": ei["mean"], "perception": pi["mean"], "gap": gi["mean"],
        "sd": gi["sd"], "se": gi["se"],
    }), confidence, "gap")
    items_t.index = _name_last(items_t.index, "item")
    # dimension table
    ds = _describe(np.column_stack([dscore, overall]), [*dims, "overall"], groups, by or "group")
    ds = _with_ci(ds.rename(columns={"mean": "gap"}), confidence, "gap")
    ds.index = _name_last(ds.index, "dimension")
    ex = items_t.groupby([*([by or "group"] if by else []), "dimension"], sort=False)[["expectation", "perception"]].mean()
    dim_t = ds.loc[ds.index.get_level_values(-1) != "overall"]
    dim_t = dim_t.join(ex).loc[:, ["n", "expectation", "perception", "gap", "sd", "se", "ci_low", "ci_high"]]
    overall_t = ds.loc[ds.index.get_level_values(-1) == "overall"]
    overall_t = overall_t.droplevel(-1) if by else overall_t.set_axis(pd.Index(["all"], name="group"))
    return GapResult(respondent, scores, items_t, dim_t, overall_t, imap, confidence)


# ----------------------------------------------------------------- weighted SERVQUAL

@dataclass(frozen=True)
class WeightedResult:
    """Weighted SERVQUAL: per-respondent scores, their mean with interval, the weights used."""

    scores: pd.Series
    table: pd.DataFrame
    weights: pd.Series

    def _repr_html_(self):
        return self.table.round(3)._repr_html_()


def _item_importance_weights(df: pd.DataFrame, imap: ItemMap) -> np.ndarray:
    """Dimension weights per respondent from per-item importance ratings (mean or sum per dimension)."""
    cols = [imap.item_importance[i] for i in imap.items]
    v.require_columns(df, cols, "survey", fix="pass weights={dimension: weight, ...}, or correct the item "
                                              "importance columns of the item map.")
    v.require_numeric(df, cols)
    v.require_no_missing(df, cols, fix="drop those respondents, or pass fixed weights=... instead.")
    v.require_nonnegative(df, cols)
    x = df[cols].to_numpy(dtype="float64")
    pos = imap.positions()
    agg = np.mean if imap.importance_rule == "mean" else np.sum
    raw = np.column_stack([agg(x[:, pos[d]], axis=1) for d in imap.dimension_names])
    tot = raw.sum(axis=1)
    if (tot <= 0).any():
        zero = pd.Series(tot[tot <= 0], index=df.index[tot <= 0])
        raise CRMDataError(f"item importance ratings are 0 for every item in {int((tot <= 0).sum())} row(s) "
                           f"({v.show_values(zero)}), so they give no weights. Fix: drop those respondents, "
                           "or pass fixed weights=... instead.")
    return raw / tot[:, None]


def _importance_weights(df: pd.DataFrame, imap: ItemMap, total: float) -> np.ndarray:
    if imap.item_importance is not None:
        return _item_importance_weights(df, imap)
    if imap.importance is None:
        raise CRMDataError(
            "the item map has no importance columns and no weights were given (a map of your own columns "
            "assumes none). Fix: pass weights={dimension: weight, ...}, or build the map with "
            "importance='<points column template with {dimension}>' or item_importance=... (per-item ratings)."
        )
    cols = [imap.importance[d] for d in imap.dimension_names]
    v.require_columns(df, cols, "survey", fix="pass weights={dimension: weight, ...}, or build the item map with "
                                                "importance='<your template with {dimension}>' (or None).")
    v.require_no_missing(df, cols, fix="drop those respondents, or pass fixed weights=... instead.")
    v.require_nonnegative(df, cols)
    w = df[cols].to_numpy(dtype="float64")
    sums = w.sum(axis=1)
    bad = np.abs(sums - total) > 1e-6 * max(total, 1)
    if bad.any():
        shown = v.show_values(pd.Series(sums[bad], index=df.index[bad]))
        raise CRMDataError(
            f"importance points ({', '.join(map(repr, cols))}) must sum to {total:g} per respondent; "
            f"they sum to: {shown}. Fix: correct those answers, drop the rows, or rescale each row to {total:g}."
        )
    return w / total


def weighted_servqual(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL,
                      weights: Mapping[str, float] | pd.Series | None = None, by: str | None = None,
                      points_total: float = 100, normalize: bool = False, scale: tuple[float, float] = (1, 7),
                      confidence: float = 0.95, gaps: GapResult | None = None) -> WeightedResult:
    """Weighted SERVQUAL score: dimension gaps weighted by importance.

    WSQ_i = sum_d w_id * score_id, with w_id = points_id / 100 (each
    respondent's own importance points, the default) or w_d from
    ``weights`` (one per dimension, summing to 1, or any non-negative
    numbers with ``normalize=True``). Because the weights are non-negative
    and sum to 1, WSQ_i lies between the respondent's smallest and largest
    dimension gap. A respondent without a score on some dimension gets the
    weights re-normalised over the other dimensions.

    Pass ``gaps`` (the result of :func:`servqual_gaps` on the same survey)
    to reuse its dimension scores.

    Parameters
    ----------
    df : DataFrame
        The SERVQUAL survey, one row per respondent.
    items : ItemMap or mapping, default the 22-item SERVQUAL map
        Dimensions and their items (a mapping dimension -> item numbers is enough).
    weights : dict or Series, optional
        One weight per dimension (default: each respondent's importance points).
    by : str, optional
        Column to report means per group.
    points_total : float, default 100
        Total of the importance points each respondent splits.
    normalize : bool, default False
        Rescale ``weights`` to sum to 1.
    scale : (low, high), default (1, 7)
        The answer scale of the E and P items.
    confidence : float, default 0.95
        Level of the intervals.
    gaps : GapResult, optional
        Dimension scores already computed by :func:`servqual_gaps` on the same survey.

    Example
    -------
    >>> df = pd.DataFrame({"E1": [7], "P1": [5], "E2": [6], "P2": [6]})
    >>> weighted_servqual(df, {"a": [1], "b": [2]}, weights={"a": 0.25, "b": 0.75}).scores.tolist()
    [-0.5]

    Source: Parasuraman, Zeithaml & Berry (1991), importance points over
    the five dimensions.
    """
    imap = item_map(items) if not isinstance(items, ItemMap) else items
    total = v.require_positive(points_total, "points_total")
    if gaps is None:
        gaps = servqual_gaps(df, imap, scale=scale, confidence=confidence)
    elif not isinstance(gaps, GapResult):
        raise CRMDataError(f"gaps= must be the result of servqual_gaps(...), got {type(gaps).__name__}. "
                           "Fix: gaps=servqual_gaps(survey, items), or leave gaps out.")
    elif not gaps.dimension_scores.index.equals(df.index):
        raise CRMDataError("gaps= was computed on another survey (other row labels). Fix: pass the same survey.")
    dims = imap.dimension_names
    s = gaps.dimension_scores[dims].to_numpy()
    if list(gaps.item_map.dimension_names) != dims:
        raise CRMDataError(f"gaps= was computed with other dimensions ({gaps.item_map.dimension_names}) than items= "
                           f"({dims}). Fix: pass the same item map to both.")
    if weights is None:
        w = _importance_weights(df, imap, total)
    else:
        w_s = v.require_weights(weights, names=dims, normalize=normalize)
        w = np.broadcast_to(w_s.to_numpy(), s.shape)
    ok = ~np.isnan(s)
    if ok.all():
        score = np.einsum("ij,ij->i", w, s)
    else:
        wk = np.where(ok, w, 0.0)
        tot = wk.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.einsum("ij,ij->i", wk, np.where(ok, s, 0.0)) / tot
        score = np.where(tot > 0, score, np.nan)
    scores = pd.Series(score, index=df.index, name="weighted_servqual")
    groups = _groups(df, by)
    table = _describe(score[:, None], ["weighted_servqual"], groups, by or "group")
    table = _with_ci(table.rename(columns={"mean": "score"}), confidence, "score")
    table = table.droplevel(-1) if by else table.set_axis(pd.Index(["all"], name="group"))
    mean_w = pd.Series(np.asarray(w).mean(axis=0), index=pd.Index(dims, name="dimension"), name="weight")
    return WeightedResult(scores, table, mean_w)


# ----------------------------------------------------------------- reliability

def cronbach_alpha(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, on: str = "gap",
                   scale: tuple[float, float] = (1, 7)) -> pd.DataFrame:
    """Cronbach's alpha (内部一致性信度) of each dimension.

    alpha = k / (k - 1) * (1 - sum_j var(x_j) / var(sum_j x_j)), variances
    with ddof = 1, over the k items of the dimension. ``on`` picks the
    scores: ``"gap"`` (P - E, as PZB 1988 report), ``"perception"`` or
    ``"expectation"``. Missing answers: listwise deletion per dimension
    (only respondents who answered every item of the dimension count; ``n``
    says how many). A one-item dimension has no alpha (NaN).

    Example
    -------
    >>> df = pd.DataFrame({"E1": [7] * 4, "E2": [7] * 4, "P1": [1, 2, 3, 4], "P2": [2, 2, 4, 4]})
    >>> round(cronbach_alpha(df, {"d": [1, 2]})["alpha"].item(), 4)
    0.9412

    Source: Cronbach (1951); Parasuraman, Zeithaml & Berry (1988).
    """
    v.require_choice(on, ["gap", "perception", "expectation"], "on")
    imap, e, p = _prepare(df, items, scale)
    x = {"gap": lambda: p - e, "perception": lambda: p, "expectation": lambda: e}[on]()
    rows, undefined = [], []
    for d, idx in imap.positions().items():
        sub = x[:, idx]
        complete = ~np.isnan(sub).any(axis=1)
        k = len(idx)
        n = int(complete.sum())
        if k < 2 or n < 2:
            rows.append((d, k, n, np.nan))
            undefined.append(f"{d!r} ({'one item' if k < 2 else f'{n} complete respondent(s)'})")
            continue
        sub = sub[complete] if not complete.all() else sub
        item_var = sub.var(axis=0, ddof=1).sum()
        total_var = sub.sum(axis=1).var(ddof=1)
        alpha = k / (k - 1) * (1 - item_var / total_var) if total_var > 0 else np.nan
        if not total_var > 0:
            undefined.append(f"{d!r} (its {on} scores do not vary: every respondent has the same total)")
        rows.append((d, k, n, alpha))
    if undefined:
        v._warn(f"cronbach_alpha: alpha is undefined (NaN) for dimension(s) {', '.join(undefined)}. "
                "Fix: alpha needs at least 2 items, 2 complete respondents and some variation in the answers.")
    return pd.DataFrame(rows, columns=["dimension", "k", "n", "alpha"]).set_index("dimension")


# ----------------------------------------------------------------- gap 1

def gap1(management: pd.DataFrame, survey: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL,
         management_columns="M{item}", by: str | None = "branch", level: str = "dimension",
         scale: tuple[float, float] = (1, 7), confidence: float = 0.95) -> pd.DataFrame:
    """Gap 1, the knowledge gap (认知差距): managers' estimates vs customers' expectations.

    gap1 = mean over managers of their estimate - mean over customers of
    their expectation, per dimension (each person's mean over the items of
    the dimension) or per item (``level="item"``), per ``by`` group (e.g.
    branch; None = all). Negative: management underestimates what customers
    expect. The interval is a Welch two-sample t interval.

    ``management_columns``: template with ``{item}`` or dict item -> column
    of the management survey.

    Parameters
    ----------
    management : DataFrame
        The management survey: managers' estimates of customers' expectations.
    survey : DataFrame
        The customer survey (expectation items).
    items : ItemMap or mapping, default the 22-item SERVQUAL map
        Dimensions and their items.
    management_columns : str or dict, default "M{item}"
        Column template (with ``{item}``) or mapping item -> column of the management survey.
    by : str or None, default "branch"
        Column present in both surveys to compare per group (None: all together).
    level : {"dimension", "item"}, default "dimension"
        Report per dimension or per item.
    scale : (low, high), default (1, 7)
        The answer scale.
    confidence : float, default 0.95
        Level of the Welch intervals.

    Source: Parasuraman, Zeithaml & Berry (1985); Zeithaml, Berry &
    Parasuraman (1988) measured gap 1 with a management version of the
    expectation items.
    """
    v.require_choice(level, ["dimension", "item"], "level")
    imap, e, _ = _prepare(survey, items, scale)
    v.require_frame(management, "management")
    m_cols = _columns(management_columns, imap.items, "management", "item")
    m_cols_list = [m_cols[i] for i in imap.items]
    v.require_columns(management, m_cols_list, "management",
                      fix="pass management_columns='<template with {item}>' (default 'M{item}') or a dict item -> column.")
    m = _matrix(management, m_cols_list, scale)
    if level == "dimension":
        e, m = _dimension_means(e, imap), _dimension_means(m, imap)
        names = imap.dimension_names
    else:
        names = imap.items
    name = by or "group"
    if by is not None:
        v.require_columns(management, [by], "management", fix=f"pass by=None for one gap over all, or add the {by!r} "
                                                                "column to the management survey.")
    ce = _describe(e, names, _groups(survey, by), name)
    cm = _describe(m, names, _groups(management, by), name)
    idx = cm.index.intersection(ce.index, sort=False)
    if len(idx) == 0:
        raise CRMDataError(
            f"no {by!r} group is in both the management survey and the customer survey. "
            f"Fix: check that both use the same {by!r} labels."
        )
    cm, ce = cm.loc[idx], ce.loc[idx]
    d, se, lo, hi = _welch(ce["mean"], ce["sd"], ce["n"], cm["mean"], cm["sd"], cm["n"], confidence)
    out = pd.DataFrame({"n_managers": cm["n"], "n_customers": ce["n"], "management": cm["mean"],
                        "customers": ce["mean"], "gap1": d, "se": se, "ci_low": lo, "ci_high": hi}, index=idx)
    out.index = _name_last(out.index, level)
    if by is None:
        out.index = out.index.get_level_values(-1)
    return out


# ----------------------------------------------------------------- waves and priorities

def wave_change(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, wave: str = "wave",
                before="before", after="after", by: str | None = None, scale: tuple[float, float] = (1, 7),
                confidence: float = 0.95) -> pd.DataFrame:
    """Before/after change of the dimension gaps between two survey waves (持续改进).

    change_d = mean score_d in the ``after`` wave - mean in the ``before``
    wave, with a Welch t interval (the waves are independent samples of
    customers). Includes the unweighted ``overall`` score. ``by`` splits
    further (e.g. per branch).

    Parameters
    ----------
    df : DataFrame
        The survey of both waves, one row per respondent.
    items : ItemMap or mapping, default the 22-item SERVQUAL map
        Dimensions and their items.
    wave : str, default "wave"
        Column naming each respondent's wave.
    before, after : default "before" and "after"
        The values of ``wave`` to compare.
    by : str, optional
        Column to split further (e.g. branch).
    scale : (low, high), default (1, 7)
        The answer scale.
    confidence : float, default 0.95
        Level of the Welch intervals.
    """
    v.require_columns(df, [wave], "survey", fix="pass wave=... with the column that says which wave a respondent is in.")
    v.require_group_labels(df, wave)
    labels = df[wave]
    present = set(labels.dropna().unique())
    for w in (before, after):
        if w not in present:
            raise CRMDataError(
                f"column {wave!r} has no rows with wave {w!r} (it has: {', '.join(map(repr, sorted(present, key=str)))}). "
                "Fix: pass before=... and after=... with labels that occur in the data."
            )
    r = servqual_gaps(df, items, scale=scale, confidence=confidence)
    scores = r.dimension_scores.to_numpy()
    names = list(r.dimension_scores.columns)
    tables = {}
    for w in (before, after):
        mask = (labels == w).to_numpy()
        groups = _groups(df, by)[mask] if by else None
        tables[w] = _describe(scores[mask], names, groups, by or "group")
    b, a = tables[before], tables[after]
    idx = b.index.intersection(a.index, sort=False)
    b, a = b.loc[idx], a.loc[idx]
    d, se, lo, hi = _welch(b["mean"], b["sd"], b["n"], a["mean"], a["sd"], a["n"], confidence)
    out = pd.DataFrame({"n_before": b["n"], "n_after": a["n"], "before": b["mean"], "after": a["mean"],
                        "se_before": b["se"], "se_after": a["se"],
                        "change": d, "se": se, "ci_low": lo, "ci_high": hi}, index=idx)
    out.index = _name_last(out.index, "dimension")
    return out


def improvement_priorities(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL,
                           weights: Mapping[str, float] | pd.Series | None = None,
                           points_total: float = 100, scale: tuple[float, float] = (1, 7),
                           normalize: bool = False) -> pd.DataFrame:
    """Rank items by weighted shortfall: where improving the service matters most.

    shortfall_j = max(0, -mean gap_j) (how far perception falls below
    expectation); weighted shortfall_j = w_d(j) * shortfall_j, with w_d the
    mean importance points of the item's dimension / 100 (or ``weights``).
    Items are sorted from the largest weighted shortfall; ``rank`` 1 is the
    first thing to fix.
    """
    imap = item_map(items) if not isinstance(items, ItemMap) else items
    r = servqual_gaps(df, imap, scale=scale)
    dims = imap.dimension_names
    if weights is None:
        total = v.require_positive(points_total, "points_total")
        w = pd.Series(_importance_weights(df, imap, total).mean(axis=0), index=dims)
    else:
        w = v.require_weights(weights, names=dims, normalize=normalize)
    t = r.items[["dimension", "expectation", "perception", "gap"]].copy()
    t["weight"] = t["dimension"].map(w).astype("float64")
    t["shortfall"] = (-t["gap"]).clip(lower=0)
    t["weighted_shortfall"] = t["weight"] * t["shortfall"]
    t = t.sort_values(["weighted_shortfall", "shortfall"], ascending=False, kind="stable")
    t["rank"] = np.arange(1, len(t) + 1)
    return t


# ----------------------------------------------------------------- which score tracks overall quality?

def _fisher_ci(r: float, n: int, z: float) -> tuple[float, float]:
    half = z / np.sqrt(n - 3)
    return float(np.tanh(np.arctanh(r) - half)), float(np.tanh(np.arctanh(r) + half))


def compare_correlations(df: pd.DataFrame, target: str, a: str, b: str,
                         confidence: float = 0.95) -> pd.Series:
    """Do two scores correlate differently with the same target? (two dependent correlations)

    r_a = corr(target, a) and r_b = corr(target, b) share the variable
    ``target`` and are measured on the same respondents, so they are not
    independent: the test must use r_ab = corr(a, b). Reported:

    - ``diff`` = r_a - r_b with Zou's (2007) interval, built from the two
      Fisher-z intervals l_k, u_k and c = corr(r_a, r_b)
      = ((r_ab - r_a r_b / 2)(1 - r_a² - r_b² - r_ab²) + r_ab³) / ((1 - r_a²)(1 - r_b²)):
      low = d - sqrt((r_a - l_a)² + (u_b - r_b)² - 2c (r_a - l_a)(u_b - r_b)),
      high = d + sqrt((u_a - r_a)² + (r_b - l_b)² - 2c (u_a - r_a)(r_b - l_b));
    - Williams' t (the test Steiger 1980 recommends), df = n - 3:
      t = d sqrt((n - 1)(1 + r_ab)) / sqrt(2 |R| (n - 1)/(n - 3) + rbar² (1 - r_ab)³),
      |R| = 1 - r_a² - r_b² - r_ab² + 2 r_a r_b r_ab, rbar = (r_a + r_b) / 2,
      and its two-sided ``p_value``.

    Rows with a missing value in any of the three columns are dropped (``n``).

    Example
    -------
    >>> x = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 3, 2, 5, 4, 6], "b": [2, 1, 4, 3, 6, 5]})
    >>> r = compare_correlations(x, "y", "a", "b")
    >>> [round(float(r[k]), 3) for k in ("r_a", "r_b", "diff")]
    [0.886, 0.829, 0.057]

    Source: Williams (1959); Steiger (1980), "Tests for comparing elements
    of a correlation matrix", Psychological Bulletin 87(2); Zou (2007),
    Psychological Methods 12(4).
    """
    v.require_frame(df, "data")
    names = {"target": target, "a": a, "b": b}
    for k, col in names.items():
        if not isinstance(col, str):
            raise CRMDataError(f"{k}={col!r} must be a column name. Fix: e.g. {k}='overall_quality'.")
    if len({target, a, b}) < 3:
        raise CRMDataError(f"target, a and b must be three different columns, got {target!r}, {a!r}, {b!r}. "
                           "Fix: compare two different scores with a third column.")
    v.require_columns(df, [target, a, b], "data", fix="pass the column names of the target and the two scores.")
    v.require_numeric(df, [target, a, b])
    z = _stats.z_quantile(confidence)
    x = df[[target, a, b]].to_numpy(dtype="float64", na_value=np.nan)
    x = x[~np.isnan(x).any(axis=1)]
    n = len(x)
    if n < 5:
        raise CRMDataError(f"only {n} row(s) have all of {target!r}, {a!r}, {b!r}; comparing correlations needs "
                           "at least 5. Fix: use more respondents or fill the blanks.")
    flat = [c for c, s in zip((target, a, b), x.std(axis=0)) if not s > 0]
    if flat:
        raise CRMDataError(f"column {flat[0]!r} does not vary over the {n} complete rows, so it has no correlation. "
                           "Fix: check the column (a constant score cannot track anything).")
    r = np.corrcoef(x, rowvar=False)
    ra, rb, rab = float(r[0, 1]), float(r[0, 2]), float(r[1, 2])
    d = ra - rb
    if max(abs(ra), abs(rb)) >= 1 - 1e-12:
        raise CRMDataError(f"a correlation with {target!r} is exactly ±1, so the comparison is undefined. "
                           "Fix: check that the target is not a copy of one of the scores.")
    la, ua = _fisher_ci(ra, n, z)
    lb, ub = _fisher_ci(rb, n, z)
    c = ((rab - ra * rb / 2) * (1 - ra**2 - rb**2 - rab**2) + rab**3) / ((1 - ra**2) * (1 - rb**2))
    low = d - np.sqrt(max((ra - la) ** 2 + (ub - rb) ** 2 - 2 * c * (ra - la) * (ub - rb), 0.0))
    high = d + np.sqrt(max((ua - ra) ** 2 + (rb - lb) ** 2 - 2 * c * (ua - ra) * (rb - lb), 0.0))
    det = 1 - ra**2 - rb**2 - rab**2 + 2 * ra * rb * rab
    rbar = (ra + rb) / 2
    denom = 2 * det * (n - 1) / (n - 3) + rbar**2 * (1 - rab) ** 3
    t_w = d * np.sqrt((n - 1) * (1 + rab)) / np.sqrt(denom) if denom > 0 else np.nan
    from scipy.stats import t as _t

    p = float(2 * _t.sf(abs(t_w), n - 3)) if np.isfinite(t_w) else np.nan
    return pd.Series({"n": n, "r_a": ra, "r_b": rb, "r_ab": rab, "diff": d, "ci_low": float(low),
                      "ci_high": float(high), "t": float(t_w), "df": n - 3, "p_value": p},
                     name=f"{a} vs {b} with {target}")


# ----------------------------------------------------------------- SERVPERF

@dataclass(frozen=True)
class PerfResult:
    """SERVPERF, perceptions only: per-respondent dimension means of P (plus ``overall``) and their means."""

    scores: pd.DataFrame
    dimensions: pd.DataFrame
    overall: pd.DataFrame

    def _repr_html_(self):
        return self.dimensions.round(3)._repr_html_()


def servperf(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, by: str | None = None,
             scale: tuple[float, float] = (1, 7), confidence: float = 0.95) -> PerfResult:
    """SERVPERF: service quality from the perception items alone (no expectations, no difference).

    perf_id = mean of P_ij over the answered items j of dimension d;
    SERVPERF_i = mean_d perf_id (the unweighted score, as for SERVQUAL).
    Means over respondents come with t intervals. Cronin & Taylor (1992)
    found the perception-only score explains overall quality at least as
    well as P - E, and Babakus & Boller (1992) and Peter, Churchill & Brown
    (1993) showed that difference scores inherit the unreliability of both
    parts and correlate with their own components.

    Example
    -------
    >>> df = pd.DataFrame({"E1": [7, 6], "P1": [5, 6], "E2": [6, 6], "P2": [6, 3]})
    >>> servperf(df, {"speed": [1, 2]}).scores["speed"].tolist()
    [5.5, 4.5]

    Source: Cronin, J. J. & Taylor, S. A. (1992), Journal of Marketing 56(3).
    """
    imap, _, p = _prepare(df, items, scale)
    groups = _groups(df, by)
    dims = imap.dimension_names
    dscore = _dimension_means(p, imap)
    overall = _row_nanmean(dscore)
    scores = pd.DataFrame(np.column_stack([dscore, overall]), index=df.index,
                          columns=pd.Index([*dims, "overall"], name="dimension"), copy=False)
    ds = _describe(scores.to_numpy(), [*dims, "overall"], groups, by or "group")
    ds = _with_ci(ds.rename(columns={"mean": "perception"}), confidence, "perception")
    ds.index = _name_last(ds.index, "dimension")
    last = ds.index.get_level_values(-1)
    dim_t, overall_t = ds.loc[last != "overall"], ds.loc[last == "overall"]
    overall_t = overall_t.droplevel(-1) if by else overall_t.set_axis(pd.Index(["all"], name="group"))
    return PerfResult(scores, dim_t, overall_t)


# ----------------------------------------------------------------- zone of tolerance

def zone_of_tolerance(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, desired="D{item}",
                      adequate="A{item}", by: str | None = None, scale: tuple[float, float] = (1, 7),
                      confidence: float = 0.95) -> pd.DataFrame:
    """Zone of tolerance (容忍区间): adequate and desired service levels against perceptions.

    Per respondent and dimension (mean over the answered items): adequate
    A, desired D, perception P; then MSA = P - A (measure of service
    adequacy: below 0, the service is not even adequate) and MSS = P - D
    (measure of service superiority: above 0, it beats what the customer
    desires). Means over respondents with t intervals for MSA and MSS;
    ``width`` = D - A (the zone's width) and ``position``: ``"below"``
    (mean P under mean A), ``"inside"`` or ``"above"`` (over mean D).
    Answers with A > D (an adequate level above the desired one, the
    inconsistency PZB 1994 report for this format) are kept, with a
    warning that counts them.

    Parameters
    ----------
    df : DataFrame
        The survey, one row per respondent, with P, desired and adequate items.
    items : ItemMap or mapping, default the 22-item SERVQUAL map
        Dimensions and their items (the P columns come from it).
    desired, adequate : str or dict, default "D{item}" and "A{item}"
        Column templates with ``{item}``, or dicts item -> column.
    by : str, optional
        Column to report per group.
    scale : (low, high), default (1, 7)
        The answer scale.
    confidence : float, default 0.95
        Level of the MSA and MSS intervals.

    Example
    -------
    >>> df = pd.DataFrame({"A1": [4, 5], "D1": [6, 7], "P1": [5, 4], "E1": [6, 7]})
    >>> z = zone_of_tolerance(df, {"d": [1]})
    >>> z[["adequate", "desired", "perception", "msa", "mss"]].round(2).values.tolist()
    [[4.5, 6.5, 4.5, 0.0, -2.0]]

    Source: Parasuraman, Zeithaml & Berry (1994), "Alternative scales for
    measuring service quality", Journal of Retailing 70(3).
    """
    v.require_frame(df, "survey")
    imap = item_map(items) if not isinstance(items, ItemMap) else items
    a_cols = _columns(adequate, imap.items, "adequate", "item")
    d_cols = _columns(desired, imap.items, "desired", "item")
    a_list, d_list = [a_cols[i] for i in imap.items], [d_cols[i] for i in imap.items]
    v.require_columns(df, imap.p_columns + a_list + d_list, "survey",
                      fix="pass desired='<template with {item}>' and adequate='<template with {item}>' "
                          "(default 'D{item}', 'A{item}'), or dicts item -> column.")
    v.require_scale(scale)
    p = _matrix(df, imap.p_columns, scale)
    a = _matrix(df, a_list, scale)
    d = _matrix(df, d_list, scale)
    with np.errstate(invalid="ignore"):
        inverted = a > d
    if inverted.any():
        rows = int(inverted.any(axis=1).sum())
        v._warn(f"zone_of_tolerance: {int(inverted.sum())} answer(s) of {rows} respondent(s) put the adequate level "
                f"above the desired level (e.g. column {a_list[int(np.argmax(inverted.any(axis=0)))]!r}); they are "
                "kept as given. Fix: check those answers, or drop the respondents if the form was misread.")
    groups = _groups(df, by)
    dims = imap.dimension_names
    mats = {k: _dimension_means(x, imap) for k, x in (("adequate", a), ("desired", d), ("perception", p))}
    mats["msa"] = mats["perception"] - mats["adequate"]
    mats["mss"] = mats["perception"] - mats["desired"]
    tabs = {k: _describe(x, dims, groups, by or "group") for k, x in mats.items()}
    out = pd.DataFrame({"n": tabs["msa"]["n"], "adequate": tabs["adequate"]["mean"],
                        "desired": tabs["desired"]["mean"], "perception": tabs["perception"]["mean"]})
    out["width"] = out["desired"] - out["adequate"]
    for k in ("msa", "mss"):
        tab = _with_ci(tabs[k], confidence)
        out[k], out[f"{k}_low"], out[f"{k}_high"] = tab["mean"], tab["ci_low"], tab["ci_high"]
    out["position"] = np.where(out["perception"] < out["adequate"], "below",
                               np.where(out["perception"] > out["desired"], "above", "inside"))
    out.index = _name_last(out.index, "dimension")
    return out


# ----------------------------------------------------------------- do the items sit in their dimensions?

def item_analysis(df: pd.DataFrame, items: ItemMap | Mapping = SERVQUAL, on: str = "gap",
                  scale: tuple[float, float] = (1, 7)) -> pd.DataFrame:
    """Item analysis: does each item belong to its own dimension? (a simple dimensionality check)

    Over the respondents who answered every item (listwise, ``n``), per item j
    of dimension d:

    - ``r_own``: corrected item-total correlation, corr(x_j, sum of the
      other items of d) (NaN for a one-item dimension);
    - ``r_other``, ``other_dimension``: the largest correlation of x_j with
      another dimension's score (mean of its items), and which one;
    - ``fits``: r_own > r_other (the item correlates more with its own
      dimension than with any other);
    - ``alpha_if_deleted``: Cronbach's alpha of d without item j (NaN when
      fewer than two items would remain); compare with the dimension's alpha.

    ``on``: ``"gap"`` (P - E), ``"perception"`` or ``"expectation"``.

    Source: Cronbach (1951); the item-to-dimension checks that Carman
    (1990) and Babakus & Boller (1992) used to question SERVQUAL's five dimensions.
    """
    v.require_choice(on, ["gap", "perception", "expectation"], "on")
    imap, e, p = _prepare(df, items, scale)
    x = {"gap": lambda: p - e, "perception": lambda: p, "expectation": lambda: e}[on]()
    x = x[~np.isnan(x).any(axis=1)]
    n = len(x)
    if n < 3:
        raise CRMDataError(f"only {n} respondent(s) answered every item; the item analysis needs at least 3. "
                           "Fix: use more respondents (or score fewer items with an item map).")
    pos = imap.positions()
    dims = imap.dimension_names
    dim_mean = np.column_stack([x[:, idx].mean(axis=1) for idx in pos.values()])

    def corr(u, w):
        su, sw = u.std(), w.std()
        return float(((u - u.mean()) * (w - w.mean())).mean() / (su * sw)) if su > 0 and sw > 0 else np.nan

    def alpha(sub):
        k = sub.shape[1]
        tv = sub.sum(axis=1).var(ddof=1)
        return k / (k - 1) * (1 - sub.var(axis=0, ddof=1).sum() / tv) if k >= 2 and tv > 0 else np.nan

    rows = []
    for k_d, (d, idx) in enumerate(pos.items()):
        for j_pos, col in enumerate(idx):
            item = imap.items[col]
            rest = np.delete(idx, j_pos)
            r_own = corr(x[:, col], x[:, rest].sum(axis=1)) if len(rest) else np.nan
            others = [(corr(x[:, col], dim_mean[:, m]), dims[m]) for m in range(len(dims)) if m != k_d]
            r_other, other = max(others, key=lambda o: -np.inf if np.isnan(o[0]) else o[0]) if others else (np.nan, None)
            a_del = alpha(x[:, rest]) if len(rest) >= 2 else np.nan
            rows.append((item, d, n, r_own, r_other, other, bool(r_own > r_other), a_del))
    return pd.DataFrame(rows, columns=["item", "dimension", "n", "r_own", "r_other", "other_dimension", "fits",
                                       "alpha_if_deleted"]).set_index("item")
