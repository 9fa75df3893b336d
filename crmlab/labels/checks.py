"""Texts of the exercise checks (verdicts, type and rounding notes) and of the student copies' stubs.

The checks speak the language set by the topic's ``exercise_data(..., lang=...)``
(:func:`crmlab.checks.set_lang`); English is the source, as everywhere.
"""

LABELS = {
    "chk_unanswered": "not answered yet. Replace the ... with your code and run the cell again.",
    "chk_right": "correct.",
    "chk_wrong": "not yet. Hint: {hint}",
    "chk_close": "close - check your rounding: {what}",
    "chk_manual": "recorded. Your instructor grades it with the rubric; compare your reasoning "
                  "with the model answer after grading.",
    "chk_round_digits_1": "give the value to 1 decimal (or more) and do not round in between.",
    "chk_round_digits": "give the value to {digits} decimals (or more) and do not round in between.",
    "chk_round_rel": "the answer must be within {pct:g}% of the exact value; keep more decimals and round only at the end.",
    "chk_round_abs": "the answer must be within {allowed:g} of the exact value; keep more decimals and round only at the end.",
    "chk_slip_pct": "this looks like a percentage where the question asks for a share (0-1).",
    "chk_slip_share": "this looks like a share (0-1) where the question asks for a percentage.",
    "chk_type": "wrong type: the answer should be {want}, got {got}.",
    "chk_type_one_number": "a single number",
    "chk_type_series": "a pandas Series (or dict) of numbers",
    "chk_type_frame_col": "wrong type: the answer should be a pandas Series (or dict) of numbers, got {got}; "
                          "pick the one column, e.g. table['column'].",
    "chk_dup_labels": "each label should appear once in the answer; found duplicated labels.",
    "chk_label_by": "label the answer by {keys}.",
    "chk_nan": "some values are missing (NaN); every label needs a number.",
    "chk_type_one_name": "wrong type: the answer should be one name, got {got}.",
    "chk_one_name": "give one name, not {k}.",
    "chk_not_option": "{name} is not one of: {options}.",
    "chk_not_options": "{names} are not one of: {options}.",
    "chk_type_names": "wrong type: the answer should be a list of names, got {got}.",
    "chk_type_bool": "wrong type: answer True or False, got {got}.",
    "chk_pair_names": "give the values named {order}.",
    "chk_type_pair": "wrong type: give a pair ({order}), got {got}.",
    "chk_pair_numbers": "wrong type: each value of ({order}) should be a number.",
    "chk_swapped": "the two values are swapped: the order is ({order}).",
    "chk_pair_off": "one of the values is off.",
    "chk_type_text": "write your answer as text in quotes, got {got}.",
    "chk_min_words": "write at least {n} words (about {n2} Chinese characters): "
                     "say what the numbers show and what the firm should do.",
    "chk_kind_frame": "a DataFrame with columns {cols}",
    "chk_kind_text": "text {text} (remove the quotes)",
    "chk_kind_values": "a {kind} of {n} values",
    "chk_kind_nan": "NaN (a missing value)",
    # the stubs of a student copy (crmlab.exercises.student_cell_source)
    "ex_stub_header": "# Your answer: replace ... with your code",
    "ex_stub_free": "# Your answer: write your code here",
}
