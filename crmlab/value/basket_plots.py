"""Plots of market-basket analysis: the rules map and the pairwise lift heatmap."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from crmlab.errors import CRMDataError
from crmlab.labels import label, t
from crmlab.plots._base import INK, decorate, get_ax
from crmlab.value.basket import BASKET, ITEM, _matrix

__all__ = ["rules_map", "lift_heatmap"]

RULE_COLUMNS = ("rule", "support", "confidence", "lift")


def rules_map(rules: pd.DataFrame, ax=None, lang: str = "en", label_top: int = 3):
    """Support (x) against confidence (y) of every rule of :func:`crmlab.value.association_rules`, sized by lift.

    The ``label_top`` rules with the highest lift are named; the title
    names the strongest rule by lift (of its two directions, the one with the higher confidence).
    """
    if not isinstance(rules, pd.DataFrame) or not set(RULE_COLUMNS) <= set(rules.columns):
        raise CRMDataError("rules must be the table of association_rules(...) (columns rule, support, confidence, "
                           "lift). Fix: pass association_rules(lines, min_support=...).")
    from crmlab import validate as _v

    label_top = _v.require_int(label_top, "label_top", minimum=0)
    ax = get_ax(ax, figsize=(7.5, 5))
    if rules.empty:
        return decorate(ax, t("vb_rules_none", lang), t("vb_support", lang), t("vb_confidence", lang), lang)
    top = rules.sort_values(["lift", "confidence"], ascending=False, kind="stable")
    size = 30 + 250 * (rules["lift"] / float(rules["lift"].max()))
    ax.scatter(rules["support"] * 100, rules["confidence"] * 100, s=size, color=INK["blue"], alpha=0.55,
               edgecolor=INK["white"], label=t("vb_lift_size", lang))
    seen = set()
    shown = 0
    for _, r in top.iterrows():  # a handful of labels, not the data
        pair = frozenset(r["rule"].replace(" → ", " + ").split(" + "))
        if shown >= label_top or pair in seen:
            continue
        seen.add(pair)
        shown += 1
        ax.annotate(f"{r['rule']}\n(lift {r['lift']:.2f})", (r["support"] * 100, r["confidence"] * 100),
                    xytext=(8, -4 - 10 * (shown % 2)), textcoords="offset points", fontsize=8, color=INK["ink_dark"])
    ax.set_xlim(0, max(float(rules["support"].max()) * 100 * 1.25, 1))
    ax.set_ylim(0, 105)
    ax.legend(loc="upper right", frameon=False)
    best = top.iloc[0]
    title = t("vb_rules_title", lang, rule=best["rule"], lift=float(best["lift"]), confidence=float(best["confidence"]))
    return decorate(ax, title, t("vb_support", lang) + " (%)", t("vb_confidence", lang) + " (%)", lang)


def lift_heatmap(baskets: pd.DataFrame, items=None, ax=None, lang: str = "en", basket: str = BASKET,
                 item: str = ITEM, top: int = 12):
    """Lift of every pair of items (the ``top`` most frequent, or ``items``) as a heatmap centred on 1.

    lift(a, b) = support(a, b) / (support(a) support(b)); a pair never bought
    together shows 0.
    """
    from crmlab import validate as _v

    top = _v.require_int(top, "top", minimum=2)
    m, _, names = _matrix(baskets, basket, item)
    count = m.sum(axis=0)
    if items is None:
        order = np.lexsort((np.arange(len(names)), -count))[:top]
        keep = np.sort(order)
    else:
        items = [items] if isinstance(items, str) else list(items)
        unknown = [i for i in items if i not in names]
        if unknown or len(items) < 2:
            raise CRMDataError(f"items={items!r}: need two or more items of the data"
                               + (f"; {unknown[0]!r} is in no basket" if unknown else "") + ". Fix: pick items from "
                               f"{', '.join(map(repr, list(names)[:8]))} ...")
        keep = np.sort(names.get_indexer(items))
    sub = m[:, keep].astype("float64")
    n = m.shape[0]
    pair = sub.T @ sub
    single = np.diag(pair)
    lift = pair * n / np.outer(single, single)
    np.fill_diagonal(lift, np.nan)
    shown = [label(x, lang, "item_") for x in names[keep]]
    table = pd.DataFrame(lift, index=shown, columns=shown)
    ax = get_ax(ax, figsize=(8, 6.5))
    vmax = max(float(np.nanmax(lift)), 2.0)
    from matplotlib.colors import TwoSlopeNorm

    sns.heatmap(table, annot=True, fmt=".1f", cmap="RdBu_r", norm=TwoSlopeNorm(vcenter=1.0, vmin=0.0, vmax=vmax),
                ax=ax, annot_kws={"fontsize": 7}, cbar_kws={"label": t("vb_lift_colorbar", lang)})
    i, j = np.unravel_index(np.nanargmax(np.where(np.isnan(lift), -np.inf, lift)), lift.shape)
    title = t("vb_lift_heatmap_title", lang, a=shown[min(i, j)], b=shown[max(i, j)], lift=float(lift[i, j]))
    return decorate(ax, title, t("vb_item", lang), t("vb_item", lang), lang)
