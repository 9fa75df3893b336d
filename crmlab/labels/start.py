"""Texts printed by notebooks/00_start_here.ipynb, and the data dictionary's headers."""

LABELS = {
    "start_map_header": "| # | teaching notebook | exercises |",
    "start_map_brief": "(brief and rubric)",
    "start_map_none": "(none yet)",
    "start_sample": "Sample: {n} respondents (seed {seed})",
    "start_mean_overall": "Mean overall satisfaction: {mean:.2f}",
    "start_mean_col": "mean (1-5)",
    "start_truth_keys": "Truth keys: {keys}",
    "start_true_ratio": "True top-box ratio of the model: {ratio:.2f}",
    "start_same_weights": "Same weights as the truth of the shipped CSV: {same}",
    "start_true_weight": "true weight",
    "start_practice": "Practice",
    "start_practice_hint": "average the overall-satisfaction answers of the sample.",
    # crmlab.datasets.describe(name, lang)
    "dd_column": "column",
    "dd_type": "type",
    "dd_unit or range": "unit or range",
    "dd_meaning": "meaning",
}
