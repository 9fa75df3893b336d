"""Case reports: the numbers, the sentences written from them, offline HTML, batch runs.

``assess(tables, case)`` computes every figure of the CRM effectiveness
assessment with the topic helpers; ``conclusions(numbers, lang)`` turns them
into sentences (English or Chinese) that stay true for every case and seed.
``run_report`` / ``run_batch`` execute notebooks/06_case_report.ipynb with
papermill's Python API and write the executed notebook plus an HTML report
without code cells that opens offline.
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from crmlab import cases as _cases
from crmlab._io import inside
from crmlab.errors import CRMDataError

LANGS = ("en", "zh")
NOTEBOOK = "notebooks/06_case_report.ipynb"  # found by crmlab._paths.resource (a checkout, else the wheel's copy)

def check_lang(lang) -> str:
    """The report's language, checked (one rule for the whole kit: crmlab.labels.check_lang)."""
    from crmlab.labels import check_lang as _check

    return _check(lang)


# ---------------------------------------------------------------- the numbers
def assess(tables: dict[str, pd.DataFrame], case) -> dict:
    """Every headline figure of the assessment, computed with the topic helpers."""
    from crmlab import complaints as C
    from crmlab import loyalty as L
    from crmlab import satisfaction as S
    from crmlab import servqual as Q

    c = _cases.get(case)
    out: dict = {"case": c.key}
    sat = tables["satisfaction"]
    out["csi"] = float(S.csi(sat)["csi"].iloc[0])
    seg = S.csi(sat, by="segment")["csi"]
    out["csi_low_segment"], out["csi_low"] = str(seg.idxmin()), float(seg.min())
    imp = S.derived_importance(sat)["weight"]
    out["top_driver"] = str(imp.idxmax())
    means = sat[list(imp.index)].mean()
    out["weakest_attribute"], out["weakest_mean"] = str(means.idxmin()), float(means.min())

    tx, survey, cust = tables["transactions"], tables["survey"], tables["customers"]
    out["customers"] = int(len(cust))
    out["repeat_rate"] = float(L.repeat_rate(tx)["rate"].iloc[0])
    out["purchases_mean"] = float(cust["purchases"].mean())
    out["spend_mean"] = float(cust["spend"].mean())
    out["nps"] = float(L.nps(survey)["nps"].iloc[0])
    years = pd.to_datetime(tx["date"]).dt.year
    last = int(years.max())
    prev = set(tx.loc[years == last - 1, "customer_id"])
    kept = prev & set(tx.loc[years == last, "customer_id"])
    out["retention"] = float(len(kept) / len(prev)) if prev else 0.0
    annual_margin = float(tx.loc[years == last - 1].groupby("customer_id")["margin"].sum().mean()) if prev else 0.0
    out["annual_margin"] = annual_margin
    out["clv"] = float(L.clv(annual_margin, min(out["retention"], 0.95), discount=0.1))
    dec = L.purchase_deciles(tx)
    out["top_decile_sales_share"] = float(dec["sales_share"].iloc[0])
    out["top_decile_profit_share"] = float(dec["profit_share"].iloc[0])

    log, queue = tables["complaints"], tables["queue"]
    kpi = C.complaint_kpis(log).iloc[0]
    out["complaints"] = int(len(log))
    out["first_response_h"] = float(kpi["first_response_median_h"])
    out["resolution_h"] = float(kpi["resolution_median_h"])
    out["fcr"] = float(kpi["fcr"])
    out["complaint_satisfaction"] = float(kpi["satisfaction_mean"])
    par = C.pareto(log)
    out["top_category"], out["top_category_share"] = str(par.index[0]), float(par["share"].iloc[0])
    ch = log["channel"].value_counts(normalize=True)
    out["top_channel"], out["top_channel_share"] = str(ch.index[0]), float(ch.iloc[0])
    cost = log["channel"].map(c.cost_per_contact).fillna(10.0) * log["contacts"]
    out["contacts_per_complaint"] = float(log["contacts"].mean())
    out["cost_per_contact"] = float(cost.sum() / log["contacts"].sum())
    out["cost_per_complaint"] = float(cost.mean())
    q = C.queue_metrics(queue).iloc[0]
    out["mean_wait_s"], out["abandon_rate"], out["service_level"] = (
        float(q["mean_wait_s"]), float(q["abandon_rate"]), float(q["service_level"]))

    dims = Q.servqual_gaps(tables["servqual"]).dimensions["gap"]
    out["servqual_gaps"] = {str(k): float(v) for k, v in dims.items()}
    out["largest_gap_dim"], out["largest_gap"] = str(dims.idxmin()), float(dims.min())
    out["smallest_gap_dim"], out["smallest_gap"] = str(dims.idxmax()), float(dims.max())

    if "accounts" in tables:
        from crmlab import burnett as B

        port = B.portfolio(tables["accounts"], tables["expert_scores"])
        counts = port["strategy"].value_counts()
        out["accounts"] = int(len(port))
        out["strategy_counts"] = {str(k): int(v) for k, v in counts.items()}
        out["top_strategy"], out["top_strategy_n"] = str(counts.index[0]), int(counts.iloc[0])
        out["develop_defend_n"] = int(counts.get("develop_defend", 0))
    return out


# ------------------------------------------------------------ the sentences
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


def _name(key: str, prefix: str, lang: str) -> str:
    """A data value in a sentence, escaped for Markdown/HTML (:func:`md`): its catalogue label
    (``prefix + key``) in Chinese; in English the value as it is in the data (:func:`crmlab.labels.plain`)."""
    from crmlab.labels import label, plain

    return md(label(key, lang, prefix) if lang == "zh" else plain(key))


def _say(key: str, lang: str, **values) -> str:
    """A report sentence: the catalogue text of ``key`` in ``lang``, placeholders filled after translation."""
    from crmlab.labels import t

    return t(key, check_lang(lang), **values)


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
    key = "rp_servqual_exceed" if n["smallest_gap"] >= 0 else "rp_servqual_gap"
    return _say(key, lang, largest=_name(n["largest_gap_dim"], "sq_", lang), largest_gap=n["largest_gap"],
                smallest=_name(n["smallest_gap_dim"], "sq_", lang), smallest_gap=n["smallest_gap"])


def burnett_sentence(n: dict, lang: str = "en") -> str | None:
    check_lang(lang)
    if "accounts" not in n:
        return None
    return _say("rp_burnett", lang, accounts=n["accounts"], strategy=_name(n["top_strategy"], "bm_", lang),
                top_strategy_n=n["top_strategy_n"], develop_defend_n=n["develop_defend_n"])


SECTIONS = ("satisfaction", "loyalty", "interaction", "value", "servqual", "burnett")


def key_figures(n: dict, section: str, lang: str = "en") -> pd.DataFrame:
    """The headline figures of one report section, labelled in ``lang`` and formatted for a reader.

    ``n`` is the dict of :func:`assess`; ``section`` one of :data:`SECTIONS`.
    Returns a one-column table (figure -> value as text), the numbers the
    section's sentences quote.
    """
    from crmlab.labels import label, t

    check_lang(lang)
    if section not in SECTIONS:
        raise CRMDataError(f"section: {section!r} is not a report section. Fix: use one of {', '.join(SECTIONS)}.")
    lab = lambda key, **kw: t(key, lang, **kw)  # noqa: E731
    nm = lambda key, prefix: label(key, lang, prefix)  # noqa: E731
    rows: list[tuple[str, str]]
    if section == "satisfaction":
        rows = [(lab("kf_csi"), f"{n['csi']:.1f}"),
                (lab("kf_csi_low", segment=nm(n["csi_low_segment"], "")), f"{n['csi_low']:.1f}"),
                (lab("kf_top_driver"), nm(n["top_driver"], "")),
                (lab("kf_weakest", attribute=nm(n["weakest_attribute"], "")), f"{n['weakest_mean']:.2f}")]
    elif section == "loyalty":
        rows = [(lab("kf_repeat_rate"), _pct(n["repeat_rate"])),
                (lab("kf_purchases"), f"{n['purchases_mean']:.1f}"),
                (lab("kf_spend"), f"{n['spend_mean']:,.0f}"),
                (lab("kf_retention"), _pct(n["retention"])),
                (lab("kf_nps"), f"{n['nps']:.0f}")]
    elif section == "interaction":
        rows = [(lab("kf_complaints"), f"{n['complaints']:,}"),
                (lab("kf_top_category", category=nm(n["top_category"], "cp_")), _pct(n["top_category_share"])),
                (lab("kf_top_channel", channel=nm(n["top_channel"], "cp_")), _pct(n["top_channel_share"])),
                (lab("kf_first_response"), f"{n['first_response_h']:.1f}"),
                (lab("kf_resolution"), f"{n['resolution_h']:.1f}"),
                (lab("kf_fcr"), _pct(n["fcr"])),
                (lab("kf_complaint_satisfaction"), f"{n['complaint_satisfaction']:.2f}"),
                (lab("kf_contacts"), f"{n['contacts_per_complaint']:.2f}"),
                (lab("kf_cost_per_contact"), f"{n['cost_per_contact']:.1f}"),
                (lab("kf_cost_per_complaint"), f"{n['cost_per_complaint']:.1f}"),
                (lab("kf_wait"), f"{n['mean_wait_s']:.0f}"),
                (lab("kf_abandon"), _pct(n["abandon_rate"])),
                (lab("kf_service_level"), _pct(n["service_level"]))]
    elif section == "value":
        rows = [(lab("kf_top_decile_sales"), _pct(n["top_decile_sales_share"])),
                (lab("kf_top_decile_profit"), _pct(n["top_decile_profit_share"])),
                (lab("kf_annual_margin"), f"{n['annual_margin']:,.0f}"),
                (lab("kf_clv"), f"{n['clv']:,.0f}")]
    elif section == "servqual":
        rows = [(lab("kf_largest_gap", dimension=nm(n["largest_gap_dim"], "sq_")), f"{n['largest_gap']:+.2f}"),
                (lab("kf_smallest_gap", dimension=nm(n["smallest_gap_dim"], "sq_")), f"{n['smallest_gap']:+.2f}")]
    else:
        if "accounts" not in n:
            rows = []
        else:
            rows = [(lab("kf_accounts"), f"{n['accounts']}"),
                    (lab("kf_top_strategy", strategy=nm(n["top_strategy"], "bm_")), f"{n['top_strategy_n']}"),
                    (lab("kf_develop_defend"), f"{n['develop_defend_n']}")]
    return pd.DataFrame([v for _, v in rows], index=pd.Index([k for k, _ in rows]), columns=[lab("case_value")])


def measures(n: dict, lang: str = "en") -> list[str]:
    """Improvement measures chosen by the numbers (weakest areas first)."""
    check_lang(lang)
    out = [_say("rp_m_gap", lang, dimension=_name(n["largest_gap_dim"], "sq_", lang), largest_gap=n["largest_gap"]),
           _say("rp_m_category", lang, category=_name(n["top_category"], "cp_", lang),
                category_pct=_pct(n["top_category_share"]))]
    if n["fcr"] < 0.6:
        out.append(_say("rp_m_fcr", lang, fcr_pct=_pct(n["fcr"])))
    if n["abandon_rate"] > 0.05:
        out.append(_say("rp_m_abandon", lang, abandon_pct=_pct(n["abandon_rate"])))
    out.append(_say("rp_m_top_decile", lang, profit_pct=_pct(n["top_decile_profit_share"])))
    if "accounts" in n:
        out.append(_say("rp_m_key_accounts", lang, develop_defend_n=n["develop_defend_n"]))
    return out


def conclusions(n: dict, lang: str = "en") -> list[str]:
    """The conclusion paragraphs, in order, written from the numbers."""
    parts = [satisfaction_sentence(n, lang), loyalty_sentence(n, lang), interaction_sentence(n, lang),
             value_sentence(n, lang), servqual_sentence(n, lang), burnett_sentence(n, lang)]
    return [p for p in parts if p]


# ------------------------------------------------------------ offline HTML
_EXTERNAL = [
    re.compile(r"<script\b[^>]*\bsrc\s*=\s*['\"]?(?:https?:)?//[^>]*>\s*</script>", re.I | re.S),
    re.compile(r"<script\b[^>]*>(?:(?!</script>).)*?(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/(?:(?!</script>).)*?</script>",
               re.I | re.S),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*['\"]?(?:https?:)?//[^>]*>", re.I | re.S),
    re.compile(r"@import\s+url\(\s*['\"]?(?:https?:)?//[^)]*\)\s*;?", re.I),
    re.compile(r"@font-face\s*{[^}]*(?:https?:)?//[^}]*}", re.I | re.S),
    re.compile(r"/\*(?:(?!\*/).)*?https?://(?:(?!\*/).)*?\*/", re.S),  # CSS comments citing web pages
]
_CHECK = re.compile(r"<script\b[^>]*\bsrc\s*=\s*['\"]?https?:|<link\b[^>]*\bhref\s*=\s*['\"]?https?:|"
                    r"url\(\s*['\"]?https?:|from\s+['\"]https?:|import\(\s*['\"]https?:", re.I)


def external_references(html: str) -> list[str]:
    """Every script/link/font/import reference to http(s) left in an HTML page."""
    return [m.group(0) for m in _CHECK.finditer(html)]


def offline_html(html: str) -> str:
    """Drop scripts, stylesheets and fonts fetched from the internet."""
    for pat in _EXTERNAL:
        html = pat.sub("", html)
    return html


HIDE_TAG = "report-hide"


def export_html(notebook_path, html_path) -> Path:
    """An HTML report without code cells that opens offline (written atomically)."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from crmlab._io import atomic_write_text

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, mathjax_url="", require_js_url="")
    # cells tagged "report-hide" (the notebook's note to its user) stay out of the reader's report
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={HIDE_TAG}, enabled=True), enabled=True)
    nb = nbformat.read(str(notebook_path), as_version=4)
    body, _ = exporter.from_notebook_node(nb)
    body = offline_html(body)
    left = external_references(body)
    if left:
        raise CRMDataError(f"HTML export: external reference left in the report: {left[0][:80]}")
    return atomic_write_text(html_path, body)


# ------------------------------------------------------------ running
@dataclass
class Job:
    case: str
    seed: int = 42
    lang: str = "en"
    n_customers: int = 2000
    row: int | None = None  # batch file row (1 = first data row)
    invalid: str = ""  # why the batch row cannot run (reported as a failure, the others still run)

    @property
    def stem(self) -> str:
        """The file name stem of this job's outputs, from checked values only (build jobs with :func:`make_job`)."""
        if self.invalid:
            return f"row{self.row:d}_invalid" if isinstance(self.row, int) else "row_invalid"
        ok = (self.case in _cases.CASES and self.lang in LANGS
              and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (self.seed, self.n_customers)))
        if not ok:
            raise CRMDataError(f"Job: case={self.case!r}, seed={self.seed!r}, lang={self.lang!r}, "
                               f"n_customers={self.n_customers!r} are not checked report parameters. "
                               "Fix: build the job with crmlab.report.make_job(case, seed, lang, n_customers).")
        return f"{self.case}_s{self.seed}_{self.lang}_n{self.n_customers}"

    def parameters(self) -> dict:
        return {"case": self.case, "seed": self.seed, "lang": self.lang, "n_customers": self.n_customers}


@dataclass
class Outcome:
    job: Job
    ok: bool
    notebook: str = ""
    html: str = ""
    seconds: float = 0.0
    skipped: bool = False
    error: str = ""
    timings: dict = field(default_factory=dict)
    state: str = ""  # "interrupted" or "not started" when a signal stopped the batch


def _whole_number(value, name: str, minimum: int, maximum: int | None = None) -> int:
    """A whole number from code (an int) or from text (a CSV cell or the command line: digits only)."""
    from crmlab.validate import require_int

    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]{1,12}", text):
            bound = f"{minimum}" + (f" to {maximum}" if maximum is not None else " or more")
            raise CRMDataError(f"{name}={value!r} is not a whole number ({bound}). Fix: write digits only, "
                               f"e.g. {name}={max(minimum, 1) if name != 'n_customers' else 2000}.")
        value = int(text)
    return require_int(value, name, minimum=minimum, maximum=maximum)


def make_job(case, seed=42, lang="en", n_customers=2000, row: int | None = None) -> Job:
    """Validate one report's parameters (CRMDataError names the row and the column).

    ``case`` must be one of :data:`crmlab.cases.CASES`, ``lang`` one of
    :data:`LANGS`, ``seed`` a whole number >= 0 and ``n_customers`` one from
    100 to 200000 (ints, or digits as text from a CSV or the command line).
    Only these checked values reach the notebook's parameters and file names.
    """
    where = f"row {row}, " if row is not None else ""

    def fail(col, msg):
        raise CRMDataError(f"{where}column {col}: {msg}")

    from crmlab._io import check_text

    for col, value in (("case", case), ("lang", lang)):
        if isinstance(value, str):
            check_text(value, f"{where}column {col}", fix=f"write the {col} without line breaks or control characters")
    case_s = case.strip().lower() if isinstance(case, str) else None
    if case_s not in _cases.CASES:
        fail("case", f"unknown case {case!r}. Fix: choose one of {', '.join(_cases.CASES)}.")
    lang_s = lang.strip().lower() if isinstance(lang, str) else None
    if lang_s not in LANGS:
        fail("lang", f"must be 'en' or 'zh', got {lang!r}. Fix: use lang=en or lang=zh.")
    try:
        seed_i = _whole_number(seed, "seed", 0)
        n_i = _whole_number(n_customers, "n_customers", 100, 200_000)
    except CRMDataError as exc:
        col = "seed" if str(exc).startswith("seed") else "n_customers"
        fail(col, str(exc))
    return Job(case_s, seed_i, lang_s, n_i, row)


BATCH_COLUMNS = ("case", "seed", "lang", "n_customers")


def read_batch(path) -> list[Job]:
    """Read a batch CSV (columns case, seed, lang, optional n_customers); one job a row.

    The file may be UTF-8 (with or without BOM), UTF-16 or GBK (``crmlab._io.read_text``).
    An unreadable file, a wrong header, a row with more fields than the header
    or two rows for the same report (same output files) raise CRMDataError
    naming the row(s); a row with a bad value becomes an ``invalid`` job (row
    and column in the reason) so the other rows still run and the batch
    reports it as failed.
    """
    import io

    from crmlab._io import read_text

    path = Path(path)
    text = read_text(path, "batch file")
    where = f"batch file {str(path)!r}"
    reader = csv.DictReader(io.StringIO(text), restkey="\0extra")
    cols = [(c or "").strip() for c in (reader.fieldnames or [])]
    if "case" not in cols:
        raise CRMDataError(f"{where}: needs a 'case' column (found: {', '.join(map(repr, cols)) or 'nothing'}). "
                           f"Fix: make the first line the header {','.join(BATCH_COLUMNS)}.")
    unknown = [c for c in cols if c not in BATCH_COLUMNS]
    if unknown:
        raise CRMDataError(f"{where}: unknown column(s) {', '.join(map(repr, unknown))}. "
                           f"Fix: use only the columns {', '.join(BATCH_COLUMNS)} (n_customers may be left out).")
    twice = sorted({c for c in cols if cols.count(c) > 1})
    if twice:
        raise CRMDataError(f"{where}: column(s) {', '.join(map(repr, twice))} appear twice in the header. "
                           "Fix: keep one column of each name.")
    jobs, first_row = [], {}
    for i, raw in enumerate(reader, start=1):
        extra = [v for v in raw.pop("\0extra", []) if (v or "").strip()]
        r = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if extra:
            raise CRMDataError(f"{where}: row {i} has {len(cols) + len(extra)} fields but the header has "
                               f"{len(cols)} ({', '.join(cols)}); extra field(s) {', '.join(map(repr, extra[:5]))}. "
                               "Fix: remove the extra values or add their column to the header "
                               f"(allowed: {', '.join(BATCH_COLUMNS)}); a comma inside a value needs quotes.")
        if not any(r.values()):
            continue
        kw = {k: v for k, v in r.items() if v != "" and k != "case"}
        try:
            job = make_job(r.get("case", ""), row=i, **kw)
        except CRMDataError as exc:
            jobs.append(Job(r.get("case", "") or "?", str(r.get("seed", "")), r.get("lang", ""),
                            r.get("n_customers", ""), row=i, invalid=f"CRMDataError: {exc}"))
            continue
        if job.stem in first_row:
            raise CRMDataError(f"{where}: rows {first_row[job.stem]} and {i} are the same report "
                               f"(case {job.case}, seed {job.seed}, lang {job.lang}, n_customers {job.n_customers}; "
                               f"both would write {job.stem}.ipynb). Fix: delete row {i} or change its "
                               "seed, lang or n_customers.")
        first_row[job.stem] = i
        jobs.append(job)
    if not jobs:
        raise CRMDataError(f"{where}: no rows. Fix: add one line per report under the header, "
                           "e.g. hotel,1,en")
    return jobs


def _up_to_date(job: Job, nb: Path, html: Path, notebook: Path) -> bool:
    """The report's outputs are current: a finished run of these parameters, newer than the kit.

    The HTML is written last, so a run that stopped or failed after the
    notebook was written leaves an HTML older than the notebook (or none);
    a failed run removes both and leaves ``.failed.ipynb``. The parameters
    papermill recorded in the notebook must be the job's.
    """
    import json

    failed = nb.with_name(nb.stem + ".failed.ipynb")
    if not (nb.is_file() and html.is_file()) or failed.exists():
        return False
    nb_t, html_t = nb.stat().st_mtime_ns, html.stat().st_mtime_ns
    newest_src = max(notebook.stat().st_mtime_ns,
                     *(p.stat().st_mtime_ns for p in Path(__file__).parent.glob("*.py")),
                     *(p.stat().st_mtime_ns for p in (Path(__file__).parent / "datasets").glob("*.py")))
    if html_t < nb_t or nb_t < newest_src:
        return False
    try:
        meta = json.loads(nb.read_text(encoding="utf-8"))["metadata"]["papermill"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return meta.get("parameters") == job.parameters() and not meta.get("exception")


def _cleanup_partial(job: Job, out_dir) -> None:
    """An interrupted report: remove its temporary files (the outputs of an earlier run stay as they were)."""
    from crmlab.runner import remove_partial

    remove_partial(out_dir, job.stem)


def run_report(job: Job, out_dir, force: bool = False, notebook=None) -> Outcome:
    """Execute the case report for one job; never raises for a failing notebook.

    Success writes ``<stem>.ipynb`` then ``<stem>.html`` (last) and removes a
    stale ``<stem>.failed.ipynb``. Failure leaves ``<stem>.failed.ipynb`` and
    removes the outputs of an earlier run, so nothing looks current and the
    next plain run runs it again.
    """
    from crmlab.runner import execute

    from crmlab._paths import resource

    notebook = Path(notebook) if notebook else resource(NOTEBOOK, what="case report notebook")
    out_dir = Path(out_dir)
    nb_path, html_path = inside(out_dir, f"{job.stem}.ipynb"), inside(out_dir, f"{job.stem}.html")
    failed = nb_path.with_name(nb_path.stem + ".failed.ipynb")
    start = time.perf_counter()
    if job.invalid:
        return Outcome(job, False, error=job.invalid)
    if not force and _up_to_date(job, nb_path, html_path, notebook):
        return Outcome(job, True, str(nb_path), str(html_path), 0.0, skipped=True)
    timings = {}
    executed = False
    try:
        t = time.perf_counter()
        execute(notebook, nb_path, job.parameters(), cwd=out_dir)
        executed = True
        timings["execute"] = time.perf_counter() - t
        t = time.perf_counter()
        export_html(nb_path, html_path)
        timings["html"] = time.perf_counter() - t
        failed.unlink(missing_ok=True)  # an older failure of this report is history now
        return Outcome(job, True, str(nb_path), str(html_path), time.perf_counter() - start, timings=timings)
    except Exception as exc:
        msg = str(exc).strip().splitlines()
        reason = f"{type(exc).__name__}: {msg[-1] if msg else ''}"
        for line in reversed(msg):  # papermill: show the notebook's own error line
            if re.match(r"^\w*(Error|Exception)\b", line.strip()):
                reason = line.strip()
                break
        # nothing of an earlier run may look current after this failure
        if executed and nb_path.exists():
            nb_path.replace(failed)  # executed, but the HTML failed: keep it for debugging
        nb_path.unlink(missing_ok=True)
        html_path.unlink(missing_ok=True)
        return Outcome(job, False, str(failed) if failed.exists() else "", "", time.perf_counter() - start,
                       error=reason, timings=timings)


def _status(r: Outcome) -> str:
    return r.state or ("skipped" if r.skipped else ("ok" if r.ok else "FAILED"))


def _progress_line(job: Job, r: Outcome) -> str:
    return f"{_status(r):8s}{job.stem:34s} {r.seconds:5.1f} s{'  ' + r.error if r.error else ''}"


def run_batch(jobs: list[Job], out_dir, n_jobs: int = 2, force: bool = False, progress: bool = True,
              notebook=None):
    """Run many reports with :func:`crmlab.runner.run_jobs`; one failure does not stop the others.

    Returns one :class:`Outcome` per job, in the jobs' order (a
    :class:`crmlab.runner.Results` list). After SIGINT/SIGTERM the jobs that
    were running have ``state`` "interrupted" (their temporary files removed,
    earlier outputs untouched), the queued ones "not started", and the
    list's ``signal`` is set.
    """
    from crmlab.runner import Results, run_jobs

    out_dir = Path(out_dir)
    nb = str(notebook) if notebook else None
    todo = [j for j in jobs if not j.invalid]
    run = run_jobs(lambda j: run_report(j, out_dir, force, nb), todo, n_jobs, on_result=_progress_line,
                   label=lambda j: j.stem, progress=progress, cleanup=lambda j: _cleanup_partial(j, out_dir),
                   on_error=lambda j, exc: Outcome(j, False, error=f"{type(exc).__name__}: {exc}"))
    by_job = {id(j): (r if s == "done" else Outcome(j, False, state=s))
              for j, r, s in zip(todo, run.results, run.states)}
    out = Results(by_job[id(j)] if id(j) in by_job else Outcome(j, False, error=j.invalid) for j in jobs)
    out.signal = run.signal
    return out


def summary_table(results: list[Outcome]) -> str:
    lines = [f"{'status':11s} {'report':34s} {'seconds':>7s}  detail"]
    for r in results:
        if r.state == "interrupted":
            detail = "stopped while running; its temporary files were removed"
        elif r.state:
            detail = "stopped before it started"
        else:
            detail = r.html if r.ok else f"{r.error}  (notebook: {r.notebook or 'none'})"
        lines.append(f"{_status(r):11s} {r.job.stem:34s} {r.seconds:7.1f}  {detail}")
    n_int = sum(r.state == "interrupted" for r in results)
    n_not = sum(r.state == "not started" for r in results)
    n_fail = sum(not r.ok and not r.state for r in results)
    n_ok = sum(r.ok for r in results)
    tail = f"{n_ok} ok, {n_fail} failed"
    if n_int or n_not:
        tail += f", {n_int} interrupted, {n_not} not started"
    lines.append(tail)
    return "\n".join(lines)
