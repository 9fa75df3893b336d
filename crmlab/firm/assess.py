"""The own-data assessment: one function of figures per table (the kit's helpers) and the sentences from them.

``numbers(prep)`` returns ``{table: dict of figures}`` for the tables the
mapping has; ``sentences(name, n, lang)`` the Markdown sentences of one
section, written from those figures with :func:`crmlab.labels.t` (English or
Chinese); ``quality_sentences(prep, lang)`` the data-quality section. Data
values (categories, segments, dimension names, file names) are escaped with
:func:`crmlab.report.md` before they enter a sentence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.firm.checkdata import Prepared
from crmlab.firm.mapping import TABLES
from crmlab.report.text import md

HOURS_PER_DAY = 24.0


def _day(ts) -> str:
    return str(pd.Timestamp(ts).date())


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _share_ci(flags: pd.Series) -> dict:
    from crmlab.stats import wilson_ci

    f = flags.dropna().astype(bool)
    k, n = int(f.sum()), int(len(f))
    lo, hi = wilson_ci(k, n)
    return {"k": k, "n": n, "share": k / n if n else float("nan"), "lo": float(lo), "hi": float(hi)}


# ------------------------------------------------------------ figures per table
def complaints_numbers(log: pd.DataFrame, spec_options: dict) -> dict:
    from crmlab import complaints as c

    n: dict = {"n": len(log), "start": log["opened"].min(), "end": log["opened"].max()}
    if "resolved" in log.columns:
        horizon = float(spec_options.get("horizon_h", 30 * HOURS_PER_DAY))
        d = c.duration_summary(log, start="opened", end="resolved", horizon_h=horizon)
        row = d.iloc[0]
        n.update(median_h=float(row["median_h"]), rmst_h=float(row["rmst_h"]), lo_h=float(row["ci_low"]),
                 hi_h=float(row["ci_high"]), horizon_h=float(row["horizon_h"]), n_open=int(row["n_open"]))
        days = float(spec_options.get("timely_days", 15))
        ts = c.timely_share(log, "opened", "resolved", within_days=days).iloc[0]
        n["timely_days"] = {"days": days, "n": int(ts["n"]), "share": float(ts["share"]),
                            "lo": float(ts["ci_low"]), "hi": float(ts["ci_high"])}
    if "category" in log.columns:
        p = c.pareto(log, category="category")
        a = p[p["abc"] == "A"]
        n.update(pareto_k=len(a), pareto_m=len(p), pareto_share=float(a["share"].sum()),
                 top=str(p.index[0]), top_share=float(p["share"].iloc[0]), pareto=p)
    for flag in ("timely", "disputed"):
        if flag in log.columns and log[flag].notna().any():
            n[flag] = _share_ci(log[flag])
    return n


def satisfaction_numbers(df: pd.DataFrame, extras: dict) -> dict:
    from crmlab import satisfaction as s

    scale = extras["scale"]
    ci = s.csi(df, column="overall", scale=scale).iloc[0]
    n: dict = {"n": int(ci["n"]), "csi": float(ci["csi"]), "lo": float(ci["ci_low"]), "hi": float(ci["ci_high"]),
               "scale": scale}
    k = extras.get("top_box", 2)
    cut = scale[1] - k + 1
    if hasattr(s, "top_box"):  # crmlab.satisfaction.top_box (issue 19, item 4)
        tb = s.top_box(df, "overall", k=k, scale=scale)
        n["top_box"] = {"k": k, "cut": cut, "share": float(np.asarray(tb["share"])[0])}
    if "segment" in df.columns and df["segment"].nunique() > 1:
        seg = s.csi(df, column="overall", by="segment", scale=scale).sort_values("csi", kind="stable")
        n.update(segment_low=str(seg.index[0]), csi_low=float(seg["csi"].iloc[0]),
                 segment_high=str(seg.index[-1]), csi_high=float(seg["csi"].iloc[-1]), by_segment=seg)
    attrs = extras.get("attributes", [])
    if len(attrs) >= 2:
        di = s.derived_importance(df, target="overall", attributes=attrs)
        col = "coef" if "coef" in di.columns else di.columns[0]
        top = di[col].astype(float).idxmax()
        n.update(driver=str(top), driver_coef=float(di.loc[top, col]),
                 driver_n=int(di.attrs.get("n_used", len(df))), drivers=di)
    return n


def transactions_numbers(tx: pd.DataFrame) -> dict:
    from crmlab import loyalty as ly

    rr = ly.repeat_rate(tx, customer="customer", date="date").iloc[0]
    out = {"customers": int(tx["customer"].nunique()), "purchases": len(tx), "start": tx["date"].min(),
           "end": tx["date"].max(), "repeat": float(rr["rate"])}
    if out["customers"] >= 10:  # deciles need ten customers
        margin = "margin" if "margin" in tx.columns else None
        dec = ly.purchase_deciles(tx, customer="customer", amount="amount", margin=margin)
        out.update(top_share=float(dec["sales_share"].iloc[0]), deciles=dec)
    return out


def contacts_numbers(calls: pd.DataFrame, options: dict) -> dict:
    from crmlab import complaints as c

    threshold = float(options.get("threshold_s", 20))
    q = c.queue_metrics(calls, wait="wait", abandoned="abandoned", handled=None, threshold=threshold).iloc[0]
    return {"calls": int(q["calls"]), "wait": float(q["mean_wait_s"]), "abandon": float(q["abandon_rate"]),
            "sl": float(q["service_level"]), "threshold": threshold}


def servqual_numbers(df: pd.DataFrame, extras: dict) -> dict:
    from crmlab import servqual as sq

    dims = extras["dimensions"]
    imap = sq.item_map(dims, expectation="E{item}", perception="P{item}", importance=None)
    g = sq.servqual_gaps(df, items=imap, scale=extras["scale"])
    dim = g.dimensions["gap"].astype(float)
    gap = float(g.overall["gap"].iloc[0])
    n: dict = {"n": len(df), "gap": gap, "scale": extras["scale"], "dim": str(dim.idxmin()),
               "dim_gap": float(dim.min()), "dim_best": str(dim.idxmax()), "best_gap": float(dim.max()),
               "dimensions": g.dimensions}
    if extras.get("importance"):
        # per-item importance -> dimension weight: the mean (or sum) of its items' mean importance, normalised
        item_mean = {i: float(df[f"I{i}"].mean()) for its in dims.values() for i in its}
        agg = np.mean if extras.get("importance_rule", "mean") == "mean" else np.sum
        w = pd.Series({d: float(agg([item_mean[i] for i in its])) for d, its in dims.items()})
        ws = sq.weighted_servqual(df, items=imap, weights=w, normalize=True, scale=extras["scale"], gaps=g)
        weights = ws.weights.astype(float)
        n.update(wsq=float(ws.scores.mean()), heavy=str(weights.idxmax()), weight=float(weights.max()),
                 weights=weights)
    return n


def key_accounts_numbers(df: pd.DataFrame) -> dict:
    from crmlab import burnett as b

    m = b.burnett_matrix(df.set_index("account"), attractiveness="attractiveness", relationship="relationship")
    counts = m["strategy"].value_counts(sort=False)
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return {"n": len(m), "strategy": str(counts.index[0]), "k": int(counts.iloc[0]), "matrix": m}


def pls_numbers(df: pd.DataFrame, extras: dict) -> dict:
    from crmlab import pls

    res = pls.pls_path_model(df, blocks=extras["blocks"], paths=extras["inner"],
                             standardized=extras.get("scaled", True))
    targets = [b for b in extras["blocks"] if b not in {f for f, _ in extras["inner"]}]
    target = targets[-1] if targets else list(res.r2.index)[-1]
    into = res.paths[res.paths["to"] == target].sort_values("coef", ascending=False, kind="stable")
    return {"n": len(df), "target": target, "r2": float(res.r2[target]), "source": str(into["from"].iloc[0]),
            "coef": float(into["coef"].iloc[0]), "gof": float(res.gof), "paths": res.paths}


def numbers(prep: Prepared) -> dict:
    """The figures of every table the prepared data has, ``{table: dict}`` in the kit's table order."""
    opts = {k: s.options for k, s in prep.mapping.tables.items()}
    t, x = prep.tables, prep.extras
    calls = {
        "satisfaction": lambda: satisfaction_numbers(t["satisfaction"], x["satisfaction"]),
        "transactions": lambda: transactions_numbers(t["transactions"]),
        "complaints": lambda: complaints_numbers(t["complaints"], opts["complaints"]),
        "contacts": lambda: contacts_numbers(t["contacts"], opts["contacts"]),
        "servqual": lambda: servqual_numbers(t["servqual"], x["servqual"]),
        "key_accounts": lambda: key_accounts_numbers(t["key_accounts"]),
        "pls": lambda: pls_numbers(t["pls"], x["pls"]),
    }
    return {name: calls[name]() for name in TABLES if name in t}


# ------------------------------------------------------------ sentences
def _t(key: str, lang: str, **values) -> str:
    from crmlab.labels import t

    return t(key, lang, **values)


def table_name(name: str, lang: str = "en") -> str:
    return _t(f"fm_table_{name}", lang)


def sections_sentences(prep: Prepared, lang: str = "en") -> list[str]:
    sep = "、" if lang == "zh" else ", "
    present = [table_name(n, lang) for n in TABLES if n in prep.tables]
    absent = [table_name(n, lang) for n in TABLES if n not in prep.tables]
    out = [_t("fm_sections_present", lang, tables=sep.join(present))]
    out.append(_t("fm_sections_absent", lang, tables=sep.join(absent)) if absent
               else _t("fm_sections_none_absent", lang))
    return out


def quality_sentences(prep: Prepared, lang: str = "en") -> list[str]:
    out = []
    for name in TABLES:
        if name not in prep.quality:
            continue
        q = prep.quality[name]
        ex = sum(k for _, k in q.excluded)
        out.append(_t("fm_dq_table", lang, table=table_name(name, lang), file=md(q.file), read=q.rows_read,
                      excluded=ex, used=q.rows_used))
        out += [_t("fm_dq_excluded", lang, n=k, reason=_t(key, lang, **{a: md(b) for a, b in vals.items()}))
                for key, vals, k in q.excluded_keys]
        out += [_t("fm_dq_recoded", lang, n=k, what=_t(key, lang, **{a: md(b) for a, b in vals.items()}))
                for key, vals, k in q.recoded_keys]
        if not q.excluded and not q.recoded:
            out.append(_t("fm_dq_clean", lang))
    return out


def _f(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}"


def sentences(name: str, n: dict, lang: str = "en") -> list[str]:
    """The Markdown sentences of one section, written from its figures."""
    out: list[str] = []
    if name == "complaints":
        if "median_h" in n:
            out.append(_t("fm_complaints", lang, n=n["n"], start=_day(n["start"]), end=_day(n["end"]),
                          median_d=_f(n["median_h"] / HOURS_PER_DAY), horizon_d=_f(n["horizon_h"] / HOURS_PER_DAY, 0),
                          rmst_d=_f(n["rmst_h"] / HOURS_PER_DAY), lo_d=_f(n["lo_h"] / HOURS_PER_DAY),
                          hi_d=_f(n["hi_h"] / HOURS_PER_DAY)))
            out.append(_t("fm_complaints_open", lang, n_open=n["n_open"]) if n["n_open"]
                       else _t("fm_complaints_closed", lang))
            td = n["timely_days"]
            out.append(_t("fm_timely", lang, days=_f(td["days"], 0), pct=_pct(td["share"]), lo=_pct(td["lo"]),
                          hi=_pct(td["hi"]), n=td["n"]))
        if "pareto_k" in n:
            out.append(_t("fm_pareto", lang, k=n["pareto_k"], m=n["pareto_m"], share=_pct(n["pareto_share"]),
                          top=md(n["top"]), top_share=_pct(n["top_share"])))
        if "timely" in n:
            f = n["timely"]
            out.append(_t("fm_timely_flag", lang, pct=_pct(f["share"]), lo=_pct(f["lo"]), hi=_pct(f["hi"])))
        if "disputed" in n:
            f = n["disputed"]
            out.append(_t("fm_disputed", lang, pct=_pct(f["share"]), lo=_pct(f["lo"]), hi=_pct(f["hi"])))
    elif name == "satisfaction":
        s_lo, s_hi = n["scale"]
        out.append(_t("fm_satisfaction", lang, csi=_f(n["csi"]), lo=_f(n["lo"]), hi=_f(n["hi"]), n=n["n"],
                      s_lo=f"{s_lo:g}", s_hi=f"{s_hi:g}"))
        if "top_box" in n:
            tb = n["top_box"]
            out.append(_t("fm_top_box", lang, k=tb["k"], pct=_pct(tb["share"]), cut=f"{tb['cut']:g}"))
        if "segment_low" in n:
            out.append(_t("fm_segment_low", lang, segment=md(n["segment_low"]), csi=_f(n["csi_low"]),
                          segment_hi=md(n["segment_high"]), csi_hi=_f(n["csi_high"])))
        if "driver" in n:
            out.append(_t("fm_driver", lang, driver=md(n["driver"]), coef=_f(n["driver_coef"], 2), n=n["driver_n"]))
    elif name == "transactions":
        out.append(_t("fm_transactions", lang, customers=n["customers"], purchases=n["purchases"],
                      start=_day(n["start"]), end=_day(n["end"]), repeat=_pct(n["repeat"])))
        if "top_share" in n:
            out.append(_t("fm_deciles", lang, top_share=_pct(n["top_share"])))
    elif name == "contacts":
        out.append(_t("fm_contacts", lang, calls=n["calls"], wait=_f(n["wait"], 0), abandon=_pct(n["abandon"]),
                      sl=_pct(n["sl"]), threshold=_f(n["threshold"], 0)))
    elif name == "servqual":
        s_lo, s_hi = n["scale"]
        key = "fm_servqual_short" if n["gap"] < 0 else "fm_servqual_exceed"
        out.append(_t(key, lang, gap=f"{n['gap']:+.2f}", n=n["n"], s_lo=f"{s_lo:g}", s_hi=f"{s_hi:g}"))
        out.append(_t("fm_servqual_dim", lang, dim=md(n["dim"]), dim_gap=f"{n['dim_gap']:+.2f}",
                      dim_best=md(n["dim_best"]), best_gap=f"{n['best_gap']:+.2f}"))
        if "wsq" in n:
            out.append(_t("fm_servqual_weighted", lang, wsq=f"{n['wsq']:+.2f}", heavy=md(n["heavy"]),
                          weight=_f(n["weight"], 3)))
    elif name == "key_accounts":
        out.append(_t("fm_key_accounts", lang, n=n["n"], strategy=md(n["strategy"]), k=n["k"]))
    elif name == "pls":
        out.append(_t("fm_pls", lang, n=n["n"], target=md(n["target"]), r2=_f(n["r2"], 3), source=md(n["source"]),
                      coef=_f(n["coef"], 3), gof=_f(n["gof"], 3)))
    return out


def section_table(name: str, n: dict) -> pd.DataFrame | None:
    """The table shown under a section's sentences (rounded; pandas escapes its text in HTML), or None."""
    if name == "complaints" and "pareto" in n:
        return n["pareto"].round(3)
    if name == "satisfaction" and "by_segment" in n:
        return n["by_segment"].round(1)
    if name == "servqual":
        return n["dimensions"].round(2)
    if name == "transactions" and "deciles" in n:
        return n["deciles"].round(3)
    if name == "key_accounts":
        return n["matrix"]["strategy"].value_counts().rename_axis("strategy").to_frame("accounts")
    if name == "pls":
        return n["paths"].round(3)
    return None
