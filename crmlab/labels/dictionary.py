"""The data dictionary in Chinese (``crmlab.datasets.describe(name, "zh")``).

The English of each ``dd_<dataset>__<column>`` entry is the dataset spec's
column description without its bracketed Chinese term (the spec adds it from
the catalogue), and ``..__unit`` its unit where that is words.
``tests/test_zh_edition.py`` fails when a spec's text and this table differ,
and ``describe`` shows the spec's English for an entry that no longer matches.
A topic's own datasets may keep their entries in the topic's ``labels.py`` instead
(the test reads every ``dd_<dataset>__<column>`` key of :func:`crmlab.labels.source`).

``datasets/README.zh.md`` (:func:`crmlab.datasets.data_dictionary` with ``lang="zh"``) also takes each dataset's
title, description and ground-truth note from ``dd_<dataset>``, ``dd_<dataset>_about`` and ``dd_<dataset>_truth``
(English: the spec's ``title``, ``description``, ``truth_notes`` without the Chinese in brackets; a dataset without
them shows its English), and its headings from the ``dd_readme_*`` keys below.
"""

LABELS = {
    # datasets/README.zh.md: headings and frame
    "dd_readme_title": "Datasets: the data dictionary",
    "dd_readme_intro": ("Every table here is **synthetic**: drawn by a seeded generator in `crmlab.datasets`, which "
                        "also records the ground truth it used (the `*.truth.json` file next to each CSV). Numbers "
                        "describe no real firm. Load a table with `crmlab.datasets.load(name)`; draw a new sample "
                        "with `crmlab.datasets.generate(name, seed=..., ...)`."),
    "dd_readme_overview_header": "| dataset | topic | rows | generator defaults | what it is |",
    "dd_readme_illustrative_short": " (illustrative, hand-made)",
    "dd_readme_illustrative": "*Illustrative table: hand-made for teaching, not drawn from a model.*",
    "dd_readme_truth": "**Ground truth** (`{name}.truth.json`): {notes}",
    # satisfaction_survey: the dataset
    "dd_satisfaction_survey": ("Customer satisfaction survey of a packaged food brand: six attribute ratings, stated "
                               "importance, overall satisfaction and observed repurchase"),
    "dd_satisfaction_survey_about": (
        "One row per respondent. Attribute ratings and overall satisfaction use the 5-level scale 1 = very "
        "dissatisfied ... 5 = very satisfied. Overall satisfaction is generated from the attribute ratings with "
        "known weights; repurchase in the following 12 months follows a steep top-box link (the Xerox effect)."),
    "dd_satisfaction_survey_truth": (
        "`weights`: the true attribute weights behind `overall` (sum to 1); `repurchase_prob`: the true probability "
        "of repurchase at each overall score; `top_box_ratio`: repurchase probability at 5 divided by that at 4; "
        "`stated_importance_mean`: the mean that stated importance was drawn around; `quarter_effect`: 0 for every "
        "quarter (differences between quarters are noise)."),
    # textbook_case: the dataset and its columns
    "dd_textbook_case": "The textbook six-attribute case: rating counts and the firm's importance weights",
    "dd_textbook_case_about": (
        "One row per product attribute: how many of 100 respondents gave each rating from 1 (very dissatisfied) to "
        "5 (very satisfied), and the weight the firm gives the attribute. Used to compare the simple score method "
        "with the weighted method."),
    "dd_textbook_case__attribute": "Product attribute",
    "dd_textbook_case__attribute__unit": "name",
    "dd_textbook_case__attribute_zh": "Attribute in Chinese",
    "dd_textbook_case__attribute_zh__unit": "name",
    "dd_textbook_case__n_1": "Number rating 1 (very dissatisfied)",
    "dd_textbook_case__n_1__unit": "respondents",
    "dd_textbook_case__n_2": "Number rating 2 (dissatisfied)",
    "dd_textbook_case__n_2__unit": "respondents",
    "dd_textbook_case__n_3": "Number rating 3 (neutral)",
    "dd_textbook_case__n_3__unit": "respondents",
    "dd_textbook_case__n_4": "Number rating 4 (satisfied)",
    "dd_textbook_case__n_4__unit": "respondents",
    "dd_textbook_case__n_5": "Number rating 5 (very satisfied)",
    "dd_textbook_case__n_5__unit": "respondents",
    "dd_textbook_case__weight": "Importance weight set by the firm",
    "dd_textbook_case__weight__unit": "0-1, sums to 1",
    # satisfaction_survey: the columns
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
