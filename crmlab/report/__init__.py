"""Case reports, in three parts plus the batch glue (every name is available as ``crmlab.report.<name>``):

- :mod:`crmlab.report.numbers`: the figures, one function per section, and
  :func:`assess` for them all; the business thresholds as named constants
  (:data:`FCR_TARGET`, :data:`ABANDON_LIMIT`, ...);
- :mod:`crmlab.report.text`: the sentences, measures and key-figure tables,
  written from the numbers with the gettext catalogue (:func:`crmlab.labels.t`),
  English or Chinese; data values escaped with :func:`md`;
- :mod:`crmlab.export`: the kit's one HTML exporter (offline, code hidden for a
  report), shared with ``crmlab run``;
- :mod:`crmlab.report.batch`: jobs, batch files, ``run_report`` / ``run_batch``
  (notebooks/08_case_report.ipynb through the kit's one job runner).
"""

from __future__ import annotations

from crmlab.errors import CRMDataError
from crmlab.export import HIDE_TAG, external_references, offline_html
from crmlab.report.batch import (  # _progress_line: the CLI's; _up_to_date: the tests'
    BATCH_COLUMNS, NOTEBOOK, Job, Outcome, _progress_line, _up_to_date, export_html, make_job, read_batch,
    run_batch, run_report, summary_table,
)
from crmlab.report.numbers import (
    ABANDON_LIMIT, CLV_DISCOUNT, CLV_RETENTION_CAP, DEFAULT_COST_PER_CONTACT, FCR_TARGET, SECTION_NUMBERS,
    abandon_high, assess, burnett_numbers, fcr_low, interaction_numbers, loyalty_numbers, satisfaction_numbers,
    servqual_exceeds, servqual_numbers, synthesis, value_numbers,
)
from crmlab.report.text import (
    KEY_FIGURES, LANGS, SECTIONS, burnett_sentence, check_lang, conclusions, facts_line, figure_titles,
    interaction_sentence, key_figures, loyalty_sentence, md, measures, satisfaction_sentence, servqual_sentence,
    value_sentence,
)

__all__ = [
    "ABANDON_LIMIT", "BATCH_COLUMNS", "CLV_DISCOUNT", "CLV_RETENTION_CAP", "CRMDataError", "DEFAULT_COST_PER_CONTACT",
    "FCR_TARGET", "HIDE_TAG", "Job", "KEY_FIGURES", "LANGS", "NOTEBOOK", "Outcome", "SECTIONS", "SECTION_NUMBERS",
    "abandon_high", "assess", "burnett_numbers", "burnett_sentence", "check_lang", "conclusions", "export_html",
    "external_references", "facts_line", "fcr_low", "figure_titles", "interaction_numbers", "interaction_sentence",
    "key_figures", "loyalty_numbers", "loyalty_sentence", "make_job", "md", "measures", "offline_html", "read_batch", "run_batch",
    "run_report", "satisfaction_numbers", "satisfaction_sentence", "servqual_exceeds", "servqual_numbers",
    "servqual_sentence", "summary_table", "synthesis", "value_numbers", "value_sentence",
    "_progress_line", "_up_to_date",
]
