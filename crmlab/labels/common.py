"""Labels shared by every topic."""

LABELS = {
    "segment": "Segment",
    "group": "Group",
    "all": "All",
    "n": "Respondents",
    "share": "Share",
    "count": "Count",
    "rate": "Rate",
    "ci": "{pct}% confidence interval",
    "estimated": "Estimated",
    "true": "True (generator)",
    "attribute": "Attribute",
    "weight": "Weight",
    "score": "Score",
    "yes": "Yes",
    "no": "No",
}
LABELS.update({
    # between the items of a list written into a sentence: ", " in English, "、" in Chinese
    "list_sep": ", ",
})
LABELS.update({
    # how a notebook in another language shows a CRMDataError / CRMWarning (crmlab.errors): the frame around an
    # English message that has no key of its own (problem = the text before "Fix:", fix = the text after it)
    "err_frame": "Problem: {problem}",
    "err_frame_fix": "Problem: {problem}\nFix: {fix}",
    "warn_frame": "Note: {problem}",
    "warn_frame_fix": "Note: {problem}\nFix: {fix}",
    # values inside the keyed messages of crmlab.validate
    "err_row_value": "row {row}: {value}",
    "err_and_more": " (and {n} more)",
    "err_value_sep": ", ",
    "err_no_columns": "no columns",
    # the keyed messages of crmlab.validate (str(error) is the English text, exactly as before)
    "err_not_frame": ("{name} must be a pandas DataFrame, got {got}. "
                      "Fix: pass a DataFrame, e.g. crmlab.datasets.load(...) or pd.read_csv(...)."),
    "err_few_rows": "{name} has {n} rows; at least {min_rows} needed. Fix: check the filter that produced it, or load the data again.",
    "err_column_missing": "column {col!r} is missing from {name}. The data has: {have}. Fix: {fix}",
    "err_columns_missing": "column {col!r} is missing from {name} (also missing: {also}). The data has: {have}. Fix: {fix}",
    "err_column_missing_fix": "rename your column to {col!r}, or load the data that has it.",
    "err_not_numeric": ("column {col!r} must be numeric but has dtype {dtype}. Fix: convert it, e.g. "
                        "df[{col!r}] = pd.to_numeric(df[{col!r}], errors='coerce'), and decide what to do with the "
                        "values that fail."),
    "err_not_numeric_values": ("column {col!r} must be numeric but has dtype {dtype}. Non-numeric values: {shown}. "
                               "Fix: convert it, e.g. df[{col!r}] = pd.to_numeric(df[{col!r}], errors='coerce'), and "
                               "decide what to do with the values that fail."),
    "err_missing": "column {col!r} has {n} missing value(s) at row(s) {rows}. Fix: {fix}",
    "err_missing_fix": "drop those rows (df.dropna(subset=[{col!r}])) or fill them.",
    "err_out_of_scale": ("column {col!r} has {n} value(s) outside the {low}-{high} scale: {shown}. Fix: correct the "
                         "data-entry errors, or set them to missing (NaN) and treat them as unanswered."),
    "err_out_of_scale_shifted": ("column {col!r} has {n} value(s) outside the {low}-{high} scale: {shown}. Fix: "
                                 "correct the data-entry errors, or set them to missing (NaN) and treat them as "
                                 "unanswered. If the question really runs {below}-{high}, say so: "
                                 "scale=({below}, {high})."),
    "err_not_whole_ratings": ("column {col!r} must hold whole-number ratings on the {low}-{high} scale, found: "
                              "{shown}. Fix: round or correct them."),
    "err_not_one_of": "{name}={value!r} is not one of {choices}. Fix: pick one of those.",
    "err_not_a_number_type": "{name}={value!r} is not a number ({got}). Fix: pass a number, e.g. {name}=1.0.",
    "err_not_a_number": "{name}={value!r} is not a number. Fix: pass a number.",
    "err_not_positive": "{name}={value!r} must be {bound}. Fix: pass a number {bound}.",
    "err_group_labels": ("group column {by!r} has {n} missing or blank label(s) at row(s) {rows} of {total}. Fix: "
                         "drop them on purpose, df = df[df[{by!r}].fillna('').astype(str).str.strip() != ''], or "
                         "label them, e.g. df[{by!r}] = df[{by!r}].fillna('unknown')."),
})
