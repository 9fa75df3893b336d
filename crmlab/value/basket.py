"""Market-basket analysis (市场篮子分析, MBA): support, confidence, lift, frequent itemsets, association rules.

A basket (购物篮) is one shopping trip: the set of items bought together.
The data come either as **basket lines** (a long table, one row per item
in a basket: ``basket_id``, ``item``) or as a **one-hot table** (one row
per basket, one True/False or 1/0 column per item). An item bought twice
in one basket counts once: the analysis is about *which* items go
together, not how many.

For a rule A → B (A and B disjoint sets of items), over N baskets:

- support(X) = share of baskets that contain every item of X (支持度)
- support(A → B) = support(A ∪ B)
- confidence(A → B) = support(A ∪ B) / support(A) = P(B | A) (置信度)
- lift(A → B) = confidence / support(B) = support(A ∪ B) / (support(A) support(B)) (提升度);
  1 = independence, > 1 = bought together more often than chance; symmetric in A and B
- leverage(A → B) = support(A ∪ B) - support(A) support(B) (Piatetsky-Shapiro 1991)
- conviction(A → B) = (1 - support(B)) / (1 - confidence) (Brin et al. 1997); infinite when
  the confidence is 1, set to 1 (no information) when B is in every basket

Every support is computed here from whole counts (count / N), so the
numbers do not depend on the order of the rows. Sources: Agrawal,
Imielinski & Swami (1993) for support and confidence, Brin et al. (1997)
for lift and conviction. The search for frequent itemsets (频繁项集) uses
the H-Mine algorithm (Pei et al. 2007) of the maintained ``mlxtend``
library; the rules are built from the itemsets here, in pandas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmlab import validate as _v
from crmlab.errors import CRMDataError

__all__ = ["BASKET", "ITEM", "basket_matrix", "item_support", "rule_metrics", "RuleMetrics",
           "frequent_itemsets", "association_rules", "RULE_SORTS"]

BASKET = "basket_id"
ITEM = "item"
SEP = " + "
ARROW = " → "
RULE_SORTS = ("lift", "confidence", "support", "leverage")
_FIX_SHAPE = ("pass the basket lines (one row per item bought: a basket column and an item column, named with "
              "basket= and item=) or a one-hot table (one row per basket, one True/False column per item).")


# ------------------------------------------------------------------ input
def _share(value, name: str, allow_zero: bool) -> float:
    """A share parameter in (0, 1] (or [0, 1]); a percentage gets a 'did you mean' hint."""
    v = _v.require_positive(value, name, allow_zero=allow_zero)
    if v > 1:
        hint = f" (did you mean {v / 100:g}?)" if v <= 100 else ""
        raise CRMDataError(f"{name}={value!r} must be a share between 0 and 1{hint}. "
                           f"Fix: pass a share, e.g. {name}=0.02 for 2% of the baskets.")
    return v


def _from_lines(lines: pd.DataFrame, basket: str, item: str):
    _v.require_group_labels(lines, basket)
    _v.require_group_labels(lines, item)
    try:
        bcode, _ = pd.factorize(lines[basket], sort=True)
        icode, items = pd.factorize(lines[item], sort=True)
    except TypeError:
        kinds = lines[item].map(lambda x: type(x).__name__)
        first = kinds.drop_duplicates()
        raise CRMDataError(
            f"column {item!r} (or {basket!r}) mixes kinds of values that cannot be ordered: "
            f"{_v.show_values(lines[item][first.index])}. Fix: make them one kind, e.g. "
            f"lines[{item!r}] = lines[{item!r}].astype(str)."
        ) from None
    baskets = pd.Index(pd.unique(lines[basket]))
    baskets = baskets.sort_values()
    m = np.zeros((len(baskets), len(items)), dtype=bool)
    m[bcode, icode] = True
    return m, baskets, pd.Index(items)


def _from_onehot(table: pd.DataFrame):
    if table.shape[1] == 0:
        raise CRMDataError("the one-hot table has no item columns. Fix: " + _FIX_SHAPE)
    if table.columns.has_duplicates:
        dup = table.columns[table.columns.duplicated()].unique()
        raise CRMDataError(f"the one-hot table names item column(s) {', '.join(map(repr, dup[:5]))} twice. "
                           "Fix: merge the duplicate columns with (a | b), or rename one.")
    for col in table.columns:
        s = table[col]
        if pd.api.types.is_bool_dtype(s) and not s.isna().any():
            continue
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            bad = s[~s.isin([0, 1])]
            if not len(bad):
                continue
            raise CRMDataError(
                f"column {col!r} of the one-hot table must hold 1/0 or True/False (is the item in the basket?), "
                f"found {_v.show_values(bad)}. Fix: if these are quantities, use (table > 0); "
                "a missing value means the basket was not recorded: drop that row."
            )
        bad = s[s.notna()].head(5) if not s.isna().any() else s[s.isna()]
        raise CRMDataError(
            f"column {col!r} is not an item column of a one-hot table (dtype {s.dtype}: {_v.show_values(bad)}). "
            "Fix: " + _FIX_SHAPE
        )
    try:
        items = pd.Index(table.columns).sort_values()
    except TypeError:
        raise CRMDataError("the one-hot table's column names mix kinds (numbers and text) and cannot be ordered. "
                           "Fix: name every item column with text, e.g. table.columns = table.columns.astype(str)."
                           ) from None
    m = table[list(items)].to_numpy(dtype=bool)
    return m, pd.Index(table.index), items


def _matrix(baskets, basket: str = BASKET, item: str = ITEM):
    """(bool matrix baskets x items, basket ids, items sorted) from basket lines or a one-hot table."""
    _v.require_frame(baskets, "baskets")
    for name, value in (("basket", basket), ("item", item)):
        if not isinstance(value, str):
            raise CRMDataError(f"{name}={value!r} must be a column name (text). Fix: e.g. {name}={BASKET if name == 'basket' else ITEM!r}.")
    has_b, has_i = basket in baskets.columns, item in baskets.columns
    if has_b and has_i:
        return _from_lines(baskets, basket, item)
    if has_b != has_i:
        _v.require_columns(baskets, [basket, item], "the basket lines",
                           fix="name the two columns with basket= and item=, or pass a one-hot table. " + _FIX_SHAPE)
    return _from_onehot(baskets)


def basket_matrix(baskets: pd.DataFrame, basket: str = BASKET, item: str = ITEM) -> pd.DataFrame:
    """The one-hot basket table: one row per basket (sorted by id), one True/False column per item (sorted).

    ``baskets``: basket lines (columns ``basket`` and ``item``; an item
    listed twice in a basket counts once) or a one-hot table (returned
    checked, with its columns sorted). The input is not changed.

    >>> lines = pd.DataFrame({"basket_id": [1, 1, 2, 2, 2], "item": ["milk", "bread", "milk", "jam", "milk"]})
    >>> basket_matrix(lines).astype(int)
    item       bread  jam  milk
    basket_id
    1              1    0     1
    2              0    1     1
    """
    m, ids, items = _matrix(baskets, basket, item)
    out = pd.DataFrame(m, index=ids, columns=items)
    if basket in baskets.columns:
        out.index.name, out.columns.name = basket, item
    return out


def item_support(baskets: pd.DataFrame, basket: str = BASKET, item: str = ITEM) -> pd.DataFrame:
    """Support of every single item: ``count`` (baskets with the item) and ``support`` = count / N.

    Sorted by support (highest first), ties by item name.

    >>> lines = pd.DataFrame({"basket_id": [1, 1, 2, 3], "item": ["milk", "bread", "milk", "jam"]})
    >>> item_support(lines).round(3)
          count  support
    item
    milk      2    0.667
    bread     1    0.333
    jam       1    0.333
    """
    m, _, items = _matrix(baskets, basket, item)
    count = m.sum(axis=0).astype("int64")
    out = pd.DataFrame({"count": count, "support": count / m.shape[0]}, index=pd.Index(items, name="item"))
    order = np.lexsort((np.arange(len(items)), -count))
    return out.iloc[order]


@dataclass(frozen=True)
class RuleMetrics:
    """The measures of one rule A → B (see the module docstring for the formulas)."""

    antecedent: tuple
    consequent: tuple
    n_baskets: int
    count_antecedent: int
    count_consequent: int
    count: int
    antecedent_support: float
    consequent_support: float
    support: float
    confidence: float
    lift: float
    leverage: float
    conviction: float

    @property
    def rule(self) -> str:
        return SEP.join(map(str, self.antecedent)) + ARROW + SEP.join(map(str, self.consequent))


def _item_list(value, name: str, items: pd.Index) -> list:
    vals = [value] if isinstance(value, (str, int, np.integer)) else value
    if isinstance(vals, (pd.DataFrame, dict)) or not hasattr(vals, "__iter__"):
        raise CRMDataError(f"{name}={value!r} must be an item or a list of items. Fix: e.g. {name}=['bread'].")
    vals = list(vals)
    if not vals:
        raise CRMDataError(f"{name} is empty. Fix: name at least one item, e.g. {name}=['bread'].")
    unknown = [v for v in vals if v not in items]
    if unknown:
        import difflib

        close = difflib.get_close_matches(str(unknown[0]), [str(i) for i in items], n=3)
        hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise CRMDataError(f"{name}: item {unknown[0]!r} is in no basket.{hint} Known items: "
                           f"{', '.join(map(repr, list(items)[:12]))}{' ...' if len(items) > 12 else ''}. "
                           "Fix: use the item names as they are written in the data.")
    return sorted(set(vals), key=lambda v: items.get_loc(v))


def _measures(n, ca, cb, cab):
    """support/confidence/lift/leverage/conviction from counts (arrays), exactly as the module docstring says."""
    n = float(n)
    sa, sb, sab = ca / n, cb / n, cab / n
    conf = cab / ca
    lift = (cab * n) / (ca * cb)
    leverage = sab - sa * sb
    with np.errstate(divide="ignore", invalid="ignore"):
        conv = np.where(cb == n, 1.0, np.where(cab == ca, np.inf, (1 - sb) / (1 - conf)))
    return sa, sb, sab, conf, lift, leverage, conv


def rule_metrics(baskets: pd.DataFrame, antecedent, consequent, basket: str = BASKET,
                 item: str = ITEM) -> RuleMetrics:
    """Support, confidence, lift, leverage and conviction of one rule ``antecedent → consequent``.

    Each side is an item or a list of items (disjoint). An antecedent in no
    basket has no confidence: that raises.

    >>> lines = pd.DataFrame({"basket_id": [1, 1, 2, 2, 3, 4], "item": ["bread", "butter", "bread", "milk", "butter", "milk"]})
    >>> r = rule_metrics(lines, "bread", "butter")
    >>> r.rule, r.support, r.confidence, r.lift
    ('bread → butter', 0.25, 0.5, 1.0)
    """
    m, _, items = _matrix(baskets, basket, item)
    a = _item_list(antecedent, "antecedent", items)
    b = _item_list(consequent, "consequent", items)
    both = set(a) & set(b)
    if both:
        raise CRMDataError(f"item(s) {', '.join(map(repr, sorted(both, key=str)))} are on both sides of the rule. "
                           "Fix: a rule A → B needs disjoint sides; drop them from one side.")
    ia, ib = items.get_indexer(a), items.get_indexer(b)
    has_a, has_b = m[:, ia].all(axis=1), m[:, ib].all(axis=1)
    n, ca, cb, cab = m.shape[0], int(has_a.sum()), int(has_b.sum()), int((has_a & has_b).sum())
    if ca == 0:
        raise CRMDataError(f"no basket contains all of the antecedent {a!r}, so the rule has no confidence. "
                           "Fix: pick an antecedent that occurs (fewer items, or items that are bought together).")
    sa, sb, sab, conf, lift, lev, conv = _measures(n, np.float64(ca), np.float64(cb), np.float64(cab))
    return RuleMetrics(tuple(a), tuple(b), n, ca, cb, cab, float(sa), float(sb), float(sab), float(conf),
                       float(lift), float(lev), float(conv))


# ------------------------------------------------------------------ the itemset search
def _min_count(min_support: float, n: int) -> int:
    """The smallest basket count that reaches ``min_support`` (robust to 0.3 * 10 = 3.0000000000000004)."""
    return max(1, math.ceil(min_support * n - 1e-9))


def _search(m: np.ndarray, min_count: int, max_len: int) -> dict[tuple, int]:
    """Every itemset (tuple of column positions, ascending) in at least ``min_count`` rows -> its count."""
    n = m.shape[0]
    single = m.sum(axis=0)
    keep = np.flatnonzero(single >= min_count)
    if keep.size == 0:
        return {}
    if max_len == 1:
        return {(int(i),): int(single[i]) for i in keep}
    from mlxtend.frequent_patterns import hmine  # imported on use: `import crmlab` stays light

    frame = pd.DataFrame(m[:, keep], columns=range(keep.size))
    # mlxtend keeps itemsets with count >= ceil(min_support * n): ask for exactly min_count
    found = hmine(frame, min_support=(min_count - 0.5) / n, use_colnames=True, max_len=max_len)
    out = {}
    for sets, supp in zip(found["itemsets"], found["support"]):
        key = tuple(sorted(int(keep[i]) for i in sets))
        out[key] = int(round(float(supp) * n))
    return out


def _warn(msg: str) -> None:
    import warnings

    from crmlab.errors import CRMWarning

    warnings.warn(msg, CRMWarning, stacklevel=3)


def _itemsets_frame(counts: dict, items: pd.Index, n: int) -> pd.DataFrame:
    keys = list(counts)
    names = [tuple(items[list(k)]) for k in keys]
    out = pd.DataFrame({
        "itemset": [SEP.join(map(str, x)) for x in names],
        "items": names,
        "size": np.array([len(k) for k in keys], dtype="int64"),
        "count": np.array([counts[k] for k in keys], dtype="int64"),
    })
    out["support"] = out["count"] / n
    # tie-break: the item positions (their sorted names), padded so that text order = position order
    width = len(str(len(items)))
    out["_key"] = [" ".join(str(i).zfill(width) for i in k) for k in keys]
    out = out.sort_values(["count", "size", "_key"], ascending=[False, True, True], kind="stable")
    return out.drop(columns="_key").reset_index(drop=True)


def frequent_itemsets(baskets: pd.DataFrame, min_support: float = 0.01, max_len: int = 3,
                      basket: str = BASKET, item: str = ITEM) -> pd.DataFrame:
    """Every itemset in at least ``min_support`` of the baskets, with at most ``max_len`` items.

    Returns one row per itemset: ``itemset`` (the items joined by " + ", in
    item order), ``items`` (the tuple), ``size``, ``count`` (baskets that
    contain all of them) and ``support`` = count / N; sorted by support
    (highest first), then size, then item order. No itemset reaches
    ``min_support``: an empty table and a ``CRMWarning``.

    The search is H-Mine (Pei et al. 2007) from ``mlxtend`` (it prunes by the
    downward closure: an itemset can only be frequent if all its subsets
    are); the counts and supports are recomputed here from whole counts.

    >>> lines = pd.DataFrame({"basket_id": [1, 1, 2, 2, 3], "item": ["milk", "bread", "milk", "bread", "milk"]})
    >>> frequent_itemsets(lines, min_support=0.5)[["itemset", "count", "support"]].round(3)
           itemset  count  support
    0         milk      3    1.000
    1        bread      2    0.667
    2  bread + milk      2    0.667
    """
    min_support = _share(min_support, "min_support", allow_zero=False)
    max_len = _v.require_int(max_len, "max_len", minimum=1)
    m, _, items = _matrix(baskets, basket, item)
    n = m.shape[0]
    counts = _search(m, _min_count(min_support, n), max_len)
    if not counts:
        top = int(m.sum(axis=0).max()) if m.size else 0
        _warn(f"no itemset reaches min_support={min_support:g} ({_min_count(min_support, n)} of {n} baskets); the "
              f"most frequent item is in {top} basket(s). Fix: lower min_support, e.g. min_support={max(top, 1) / n:.3g}.")
    return _itemsets_frame(counts, items, n)


def association_rules(baskets: pd.DataFrame, min_support: float = 0.01, min_confidence: float = 0.0,
                      min_lift: float = 0.0, max_len: int = 3, sort_by: str = "lift",
                      basket: str = BASKET, item: str = ITEM) -> pd.DataFrame:
    """Every rule A → B from the frequent itemsets, with its support, confidence, lift, leverage and conviction.

    Each frequent itemset S of two or more items gives a rule A → S \\ A for
    every non-empty proper subset A (both sides are frequent too, by the
    downward closure, so their supports are known). Rules are kept when
    support >= ``min_support``, confidence >= ``min_confidence`` and lift >=
    ``min_lift``, and sorted by ``sort_by`` (highest first), ties by
    support, then by the rule's itemset and antecedent in item order (the two
    directions of a pair, which share support and lift, stay side by side).

    Parameters
    ----------
    baskets : DataFrame
        Basket lines (columns ``basket`` and ``item``) or a one-hot table.
    min_support : float, default 0.01
        Smallest share of baskets that contain every item of the rule.
    min_confidence : float, default 0
        Smallest confidence, P(B | A).
    min_lift : float, default 0
        Smallest lift (1 = independence).
    max_len : int, default 3
        Most items in a rule (both sides together).
    sort_by : str, default "lift"
        One of ``RULE_SORTS``: lift, confidence, support, leverage.
    basket, item : str
        Column names of the basket lines.

    Returns columns ``rule, antecedent, consequent, antecedent_support,
    consequent_support, support, confidence, lift, leverage, conviction,
    count`` (``antecedent``/``consequent``: the items joined by " + ").
    Source: Agrawal, Imielinski & Swami (1993); lift and conviction Brin et
    al. (1997).

    >>> lines = pd.DataFrame({"basket_id": [1, 1, 2, 2, 3, 4], "item": ["bread", "butter", "bread", "milk", "butter", "milk"]})
    >>> association_rules(lines, min_support=0.25)[["rule", "support", "confidence", "lift"]]
                 rule  support  confidence  lift
    0  bread → butter     0.25         0.5   1.0
    1  butter → bread     0.25         0.5   1.0
    2    bread → milk     0.25         0.5   1.0
    3    milk → bread     0.25         0.5   1.0
    """
    min_support = _share(min_support, "min_support", allow_zero=False)
    min_confidence = _share(min_confidence, "min_confidence", allow_zero=True)
    min_lift = _v.require_positive(min_lift, "min_lift", allow_zero=True)
    max_len = _v.require_int(max_len, "max_len", minimum=2)
    sort_by = _v.require_choice(sort_by, RULE_SORTS, "sort_by")
    m, _, items = _matrix(baskets, basket, item)
    n = m.shape[0]
    counts = _search(m, _min_count(min_support, n), max_len)
    ants, cons = [], []
    for size in range(2, max_len + 1):
        sets = np.array([k for k in counts if len(k) == size], dtype="int64").reshape(-1, size)
        if not len(sets):
            continue
        for mask in range(1, 2 ** size - 1):
            left = [j for j in range(size) if mask >> j & 1]
            right = [j for j in range(size) if not mask >> j & 1]
            ants += [tuple(r) for r in sets[:, left].tolist()]
            cons += [tuple(r) for r in sets[:, right].tolist()]
    cols = ["rule", "antecedent", "consequent", "antecedent_support", "consequent_support", "support",
            "confidence", "lift", "leverage", "conviction", "count"]
    if not ants:
        _warn(f"no two items are bought together in at least min_support={min_support:g} of the {n} baskets, so "
              "there is no rule. Fix: lower min_support (frequent_itemsets shows how often the pairs occur).")
        return pd.DataFrame({c: pd.Series(dtype="float64" if c not in ("rule", "antecedent", "consequent", "count")
                                          else ("int64" if c == "count" else "str")) for c in cols})
    ca = np.array([counts[a] for a in ants], dtype="float64")
    cb = np.array([counts[b] for b in cons], dtype="float64")
    cab = np.array([counts[tuple(sorted(a + b))] for a, b in zip(ants, cons)], dtype="float64")
    sa, sb, sab, conf, lift, lev, conv = _measures(n, ca, cb, cab)
    text = lambda ks: [SEP.join(map(str, items[list(k)])) for k in ks]  # noqa: E731
    width = len(str(len(items)))
    key = lambda ks: [" ".join(str(i).zfill(width) for i in k) for k in ks]  # noqa: E731
    out = pd.DataFrame({"antecedent": text(ants), "consequent": text(cons), "antecedent_support": sa,
                        "consequent_support": sb, "support": sab, "confidence": conf, "lift": lift,
                        "leverage": lev, "conviction": conv, "count": cab.astype("int64"),
                        "_k1": key([tuple(sorted(a + b)) for a, b in zip(ants, cons)]), "_k2": key(ants)})
    out.insert(0, "rule", out["antecedent"] + ARROW + out["consequent"])
    keep = (out["confidence"] >= min_confidence - 1e-12) & (out["lift"] >= min_lift - 1e-12)
    out = out[keep]
    # the sort key: the measure (exact ratios of counts), then support, then the rule's itemset and its
    # antecedent in item order (so the two directions of one itemset stay side by side)
    out = out.sort_values([sort_by, "support", "_k1", "_k2"], ascending=[False, False, True, True], kind="stable")
    out = out.drop(columns=["_k1", "_k2"]).reset_index(drop=True)
    if out.empty:
        _warn(f"no rule reaches min_confidence={min_confidence:g} and min_lift={min_lift:g}. "
              "Fix: lower the thresholds.")
    return out
