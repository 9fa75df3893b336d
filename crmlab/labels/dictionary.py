"""The data dictionary in Chinese (``crmlab.datasets.describe(name, "zh")``).

The English of each ``dd_<dataset>__<column>`` entry is the dataset spec's
column description without its bracketed Chinese term (the spec adds it from
the catalogue), and ``..__unit`` its unit where that is words.
``tests/test_zh_edition.py`` fails when a spec's text and this table differ,
and ``describe`` shows the spec's English for an entry that no longer matches.
A topic's own datasets may keep their entries in the topic's ``labels.py`` instead
(the test reads every ``dd_<dataset>__<column>`` key of :func:`crmlab.labels.source`).
"""

LABELS = {
    "dd_satisfaction_survey__respondent_id": "Respondent number",
    "dd_satisfaction_survey__respondent_id__unit": "id",
    "dd_satisfaction_survey__segment": "Customer segment (where they buy)",
    "dd_satisfaction_survey__segment__unit": "online / in-store / business",
    "dd_satisfaction_survey__quality": "Rating of quality",
    "dd_satisfaction_survey__function": "Rating of function",
    "dd_satisfaction_survey__price": "Rating of price",
    "dd_satisfaction_survey__service": "Rating of service",
    "dd_satisfaction_survey__packaging": "Rating of packaging",
    "dd_satisfaction_survey__taste": "Rating of taste",
    "dd_satisfaction_survey__imp_quality": "Stated importance of quality: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__imp_function": "Stated importance of function: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__imp_price": "Stated importance of price: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__imp_service": "Stated importance of service: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__imp_packaging": "Stated importance of packaging: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__imp_taste": "Stated importance of taste: 1 = not important ... 5 = very important",
    "dd_satisfaction_survey__overall": "Overall satisfaction",
    "dd_satisfaction_survey__repurchase_intent": "Stated intention to buy again: 1 = certainly not ... 5 = certainly",
    "dd_satisfaction_survey__repurchased": "Bought again within the following 12 months (observed)",
    "dd_satisfaction_survey__quarter": "Quarter of the survey wave",
    "dd_satisfaction_survey__quarter__unit": "Q1-Q4",
}
