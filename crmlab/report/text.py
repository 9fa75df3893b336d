"""The case report's words: sentences and key-figure tables written from the numbers.

Every text comes from the gettext catalogue through :func:`crmlab.labels.t`
(English msgids, Chinese msgstrs, the message context = the key ``rp_*`` /
``kf_*``); placeholders are filled after translation, so a sentence stays true
for every case and seed. Data values (segment, category, dimension names)
are escaped with :func:`md` before they enter a sentence. The numbers come
from :mod:`crmlab.report.numbers`, the decisions (which measures apply) from
its named thresholds.
"""

from __future__ import annotations

import re

import pandas as pd

from crmlab.errors import CRMDataError
from crmlab.report import numbers as _nb

LANGS = ("en", "zh")
SECTIONS = ("satisfaction", "loyalty", "interaction", "value", "servqual", "burnett")


def check_lang(lang) -> str:
    """The report's language, checked (one rule for the whole kit: crmlab.labels.check_lang)."""
    from crmlab.labels import check_lang as _check

    return _check(lang)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md(text) -> str:
    """``text`` made safe to show inside Markdown (and so in the HTML report) as plain text.

    Data values (segment, category, dimension names from the user's tables, a
    company name) are escaped before they go into a sentence: ``<``, ``>``
    and ``&`` become HTML entities (so ``<script>`` is shown, never run) and
    the Markdown marks ``\\ ` * _ [ ] |`` get a backslash (no link, image,
    emphasis or table is made from data).

    >>> md("<script>alert(1)</script> [x](javascript:y)")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:y)'
    """
    import html

    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def facts_line(case, n: dict, seed: int, lang: str = "en") -> str:
    """The line under the case narrative: industry, number of customers, seed (one sentence key, ``case_facts``).

    >>> from crmlab import cases
    >>> facts_line(cases.get("hotpot"), {"customers": 2000}, 42)
    'Industry: restaurant chain · Customers: 2,000 · Seed: 42'
    """
    from crmlab.labels import t

    return t("case_facts", check_lang(lang), industry=md(case.text("industry", lang)),
             customers=f"{n['customers']:,}", seed=seed)


def _name(key: str, prefix: str, lang: str) -> str:
    """A data value in a sentence, escaped for Markdown/HTML (:func:`md`): its catalogue label
    (``prefix + key``) in Chinese; in English the value as it is in the data (:func:`crmlab.labels.plain`)."""
    from crmlab.labels import label, plain

    return md(label(key, lang, prefix) if lang == "zh" else plain(key))


def _say(key: str, lang: str, **values) -> str:
    """A report sentence: the catalogue text of ``key`` in ``lang``, placeholders filled after translation."""
    from crmlab.labels import t

    return t(key, check_lang(lang), **values)


# ------------------------------------------------------------ the sentences
def satisfaction_sentence(n: dict, lang: str = "en") -> str:
    return _say("rp_satisfaction", lang, csi=n["csi"], segment=_name(n["csi_low_segment"], "", lang),
                csi_low=n["csi_low"], driver=_name(n["top_driver"], "", lang),
                weakest=_name(n["weakest_attribute"], "", lang), weakest_mean=n["weakest_mean"])


def loyalty_sentence(n: dict, lang: str = "en") -> str:
    return _say("rp_loyalty", lang, repeat_pct=_pct(n["repeat_rate"]), purchases_mean=n["purchases_mean"],
                spend_mean=n["spend_mean"], retention_pct=_pct(n["retention"]), nps=n["nps"])


def interaction_sentence(n: dict, lang: str = "en") -> str:
    return _say("rp_interaction", lang, category=_name(n["top_category"], "cp_", lang),
                category_pct=_pct(n["top_category_share"]), channel=_name(n["top_channel"], "cp_", lang),
                channel_pct=_pct(n["top_channel_share"]), first_response_h=n["first_response_h"],
                resolution_h=n["resolution_h"], fcr_pct=_pct(n["fcr"]), cost_per_contact=n["cost_per_contact"],
                abandon_pct=_pct(n["abandon_rate"]))


def value_sentence(n: dict, lang: str = "en") -> str:
    return _say("rp_value", lang, sales_pct=_pct(n["top_decile_sales_share"]),
                profit_pct=_pct(n["top_decile_profit_share"]), clv=n["clv"])


def servqual_sentence(n: dict, lang: str = "en") -> str:
    key = "rp_servqual_exceed" if _nb.servqual_exceeds(n) else "rp_servqual_gap"
    return _say(key, lang, largest=_name(n["largest_gap_dim"], "sq_", lang), largest_gap=n["largest_gap"],
                smallest=_name(n["smallest_gap_dim"], "sq_", lang), smallest_gap=n["smallest_gap"])


def burnett_sentence(n: dict, lang: str = "en") -> str | None:
    check_lang(lang)
    if "accounts" not in n:
        return None
    return _say("rp_burnett", lang, accounts=n["accounts"], strategy=_name(n["top_strategy"], "bm_", lang),
                top_strategy_n=n["top_strategy_n"], develop_defend_n=n["develop_defend_n"])


def measures(n: dict, lang: str = "en") -> list[str]:
    """Improvement measures chosen by the numbers (weakest areas first).

    The first-contact and abandonment measures appear only past the named
    thresholds :data:`crmlab.report.numbers.FCR_TARGET` and
    :data:`crmlab.report.numbers.ABANDON_LIMIT`.
    """
    check_lang(lang)
    out = [_say("rp_m_gap", lang, dimension=_name(n["largest_gap_dim"], "sq_", lang), largest_gap=n["largest_gap"]),
           _say("rp_m_category", lang, category=_name(n["top_category"], "cp_", lang),
                category_pct=_pct(n["top_category_share"]))]
    if _nb.fcr_low(n):
        out.append(_say("rp_m_fcr", lang, fcr_pct=_pct(n["fcr"])))
    if _nb.abandon_high(n):
        out.append(_say("rp_m_abandon", lang, abandon_pct=_pct(n["abandon_rate"])))
    out.append(_say("rp_m_top_decile", lang, profit_pct=_pct(n["top_decile_profit_share"])))
    if "accounts" in n:
        out.append(_say("rp_m_key_accounts", lang, develop_defend_n=n["develop_defend_n"]))
    return out


def conclusions(n: dict, lang: str = "en") -> list[str]:
    """The conclusion paragraphs, written from the numbers: they synthesise, they do not repeat the sections.

    1. where the three lenses (satisfaction, complaints, SERVQUAL) agree or
    disagree; 2. what is at stake (customer equity, the cost of the linked
    complaints); 3. the trade-off with the firm's strength; 4. the order of
    work (see :func:`crmlab.report.numbers.synthesis`).
    """
    check_lang(lang)
    s = n["synthesis"]
    dim = _name(s["priority"], "sq_", lang)
    evidence = {"sat": _say("rp_c_ev_sat", lang, attribute=_name(n["focus_attribute"], "", lang), mean=n["focus_mean"]),
                "cp": _say("rp_c_ev_cp", lang, category=_name(n["top_category"], "cp_", lang),
                           pct=_pct(n["top_category_share"])),
                "sq": _say("rp_c_ev_sq", lang, dimension=_name(n["largest_gap_dim"], "sq_", lang),
                           gap=n["largest_gap"])}
    sep = "；" if lang == "zh" else "; "
    if s["agree"] == 3:
        head = _say("rp_c_agree_all", lang, dimension=dim, evidence=sep.join(evidence.values()))
    elif s["agree"] == 2:
        shown = [evidence[k] for k, ok in s["lens_agrees"].items() if ok]
        other = [evidence[k] for k, ok in s["lens_agrees"].items() if not ok]
        head = _say("rp_c_agree_two", lang, dimension=dim, evidence=sep.join(shown), other=sep.join(other))
    else:
        head = _say("rp_c_disagree", lang, evidence=sep.join(evidence.values()), dimension=dim)
    stake = _say("rp_c_stake", lang, customers=n["customers"], clv=n["clv"], equity=s["customer_equity"],
                 profit_pct=_pct(n["top_decile_profit_share"]), dimension=dim, linked_pct=_pct(s["linked_share"]),
                 linked_cost=s["linked_cost"])
    key = "rp_c_tradeoff_exceed" if s["strength_gap"] >= 0 else "rp_c_tradeoff_gap"
    trade = _say(key, lang, dimension=dim, strength=_name(s["strength"], "sq_", lang), strength_gap=s["strength_gap"])
    first = _say("rp_c_first", lang, dimension=dim, category=_name(n["top_category"], "cp_", lang),
                 attribute=_name(n["focus_attribute"], "", lang))
    cat = (_say("rp_c_second_cp", lang, category=_name(s["second_category"], "cp_", lang),
                pct=_pct(s["second_category_share"])) if s["second_category"] else "")
    second = _say("rp_c_second", lang, dimension=_name(s["second"], "sq_", lang), gap=s["second_gap"],
                  category_part=cat)
    return [head, stake, trade, _say("rp_c_order", lang, first=first, second=second)]


def figure_titles(n: dict, lang: str = "en", slowest_channel: tuple[str, float] | None = None) -> dict[str, str]:
    """Each report plot's title, stating its finding from the numbers (``slowest_channel``: (channel, P90 hours)).

    Keys: ``csi``, ``ipa``, ``nps``, ``pareto``, ``channel`` (with ``slowest_channel``),
    ``deciles``, ``gaps`` and, for a case with key accounts, ``burnett``.
    """
    from crmlab.labels import label

    check_lang(lang)

    def _name(key, prefix, lang):  # a plot shows plain text: no Markdown or HTML escapes; "$" is not mathtext
        return label(key, lang, prefix).replace("$", r"\$")

    out = {"csi": _say("case_t_csi", lang, segment=_name(n["csi_low_segment"], "", lang), csi_low=n["csi_low"]),
           "ipa": _say("case_t_ipa", lang, attribute=_name(n["focus_attribute"], "", lang), mean=n["focus_mean"]),
           "nps": _say("case_t_nps", lang, nps=n["nps"]),
           "pareto": _say("case_t_pareto", lang, category=_name(n["top_category"], "cp_", lang),
                          pct=_pct(n["top_category_share"])),
           "deciles": _say("case_t_deciles", lang, profit_pct=_pct(n["top_decile_profit_share"])),
           "gaps": _say("case_t_gaps", lang, dimension=_name(n["largest_gap_dim"], "sq_", lang), gap=n["largest_gap"])}
    if slowest_channel is not None:
        out["channel"] = _say("case_t_channel", lang, channel=_name(slowest_channel[0], "cp_", lang),
                              p90=slowest_channel[1])
    if "accounts" in n:
        out["burnett"] = _say("case_t_burnett", lang, develop_defend_n=n["develop_defend_n"], accounts=n["accounts"])
    return out


# ------------------------------------------------------------ the key-figure tables
# section -> rows of (catalogue key of the label, key of the number in assess()'s dict, format,
# {label placeholder: (key of the data value it names, label prefix)}). Formats: a format spec,
# "%" (a share as a whole percent) or "label:<prefix>" (a data value shown by its catalogue label).
KEY_FIGURES: dict[str, list[tuple]] = {
    "satisfaction": [("kf_csi", "csi", ".1f", {}),
                     ("kf_csi_low", "csi_low", ".1f", {"segment": ("csi_low_segment", "")}),
                     ("kf_top_driver", "top_driver", "label:", {}),
                     ("kf_weakest", "weakest_mean", ".2f", {"attribute": ("weakest_attribute", "")})],
    "loyalty": [("kf_repeat_rate", "repeat_rate", "%", {}),
                ("kf_purchases", "purchases_mean", ".1f", {}),
                ("kf_spend", "spend_mean", ",.0f", {}),
                ("kf_retention", "retention", "%", {}),
                ("kf_nps", "nps", ".0f", {})],
    "interaction": [("kf_complaints", "complaints", ",", {}),
                    ("kf_top_category", "top_category_share", "%", {"category": ("top_category", "cp_")}),
                    ("kf_top_channel", "top_channel_share", "%", {"channel": ("top_channel", "cp_")}),
                    ("kf_first_response", "first_response_h", ".1f", {}),
                    ("kf_resolution", "resolution_h", ".1f", {}),
                    ("kf_fcr", "fcr", "%", {}),
                    ("kf_complaint_satisfaction", "complaint_satisfaction", ".2f", {}),
                    ("kf_contacts", "contacts_per_complaint", ".2f", {}),
                    ("kf_cost_per_contact", "cost_per_contact", ".1f", {}),
                    ("kf_cost_per_complaint", "cost_per_complaint", ".1f", {}),
                    ("kf_wait", "mean_wait_s", ".0f", {}),
                    ("kf_abandon", "abandon_rate", "%", {}),
                    ("kf_service_level", "service_level", "%", {})],
    "value": [("kf_top_decile_sales", "top_decile_sales_share", "%", {}),
              ("kf_top_decile_profit", "top_decile_profit_share", "%", {}),
              ("kf_annual_margin", "annual_margin", ",.0f", {}),
              ("kf_clv", "clv", ",.0f", {})],
    "servqual": [("kf_largest_gap", "largest_gap", "+.2f", {"dimension": ("largest_gap_dim", "sq_")}),
                 ("kf_smallest_gap", "smallest_gap", "+.2f", {"dimension": ("smallest_gap_dim", "sq_")})],
    "burnett": [("kf_accounts", "accounts", "", {}),
                ("kf_top_strategy", "top_strategy_n", "", {"strategy": ("top_strategy", "bm_")}),
                ("kf_develop_defend", "develop_defend_n", "", {})],
}


def _figure(value, fmt: str, lang: str) -> str:
    from crmlab.labels import label

    if fmt == "%":
        return _pct(value)
    if fmt.startswith("label:"):
        return label(value, lang, fmt[len("label:"):])
    return format(value, fmt)


def key_figures(n: dict, section: str, lang: str = "en") -> pd.DataFrame:
    """The headline figures of one report section, labelled in ``lang`` and formatted for a reader.

    ``n`` is the dict of :func:`crmlab.report.assess`; ``section`` one of
    :data:`SECTIONS`. Returns a one-column table (figure -> value as text),
    the numbers the section's sentences quote (rows: :data:`KEY_FIGURES`);
    the Burnett table is empty for a case without key accounts.
    """
    from crmlab.labels import label, t

    check_lang(lang)
    if section not in SECTIONS:
        raise CRMDataError(f"section: {section!r} is not a report section. Fix: use one of {', '.join(SECTIONS)}.")
    spec = KEY_FIGURES[section] if section != "burnett" or "accounts" in n else []
    rows = [(t(key, lang, **{ph: label(n[name], lang, prefix) for ph, (name, prefix) in names.items()}),
             _figure(n[value], fmt, lang)) for key, value, fmt, names in spec]
    return pd.DataFrame([v for _, v in rows], index=pd.Index([k for k, _ in rows]), columns=[t("case_value", lang)])
