"""Labels for topic 1, customer satisfaction."""

LABELS = {
    # attributes of the textbook case
    "quality": "Quality",
    "function": "Function",
    "price": "Price",
    "service": "Service",
    "packaging": "Packaging",
    "taste": "Taste",
    # segments of the synthetic survey
    "online": "Online",
    "in-store": "In-store",
    "business": "Business",
    # measures
    "csi": "Customer satisfaction index (CSI)",
    "csi_axis": "CSI (0-100)",
    "csi_title": "CSI by segment, with {pct}% intervals",
    "simple_score": "Simple score",
    "weighted_score": "Weighted score",
    "overall": "Overall satisfaction (1-5)",
    "performance": "Performance: mean rating (1-5)",
    "importance": "Importance (derived weight)",
    "stated_importance": "Stated importance (weight)",
    "derived_importance": "Derived importance (weight)",
    "ipa_title": "Importance-performance map",
    "concentrate_here": "Concentrate here",
    "keep_up": "Keep up the good work",
    "low_priority": "Low priority",
    "possible_overkill": "Possible overkill",
    "repurchase_rate": "Repurchase rate within 12 months (%)",
    "repurchase_title": "Repurchase by satisfaction: a 5 is {ratio:.1f}x a 4",
    "satisfaction_level": "Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)",
    "weights_title": "Attribute weights: derived vs true",
    "method": "Method",
}
LABELS.update({
    "weights_zero": "Give at least one attribute a weight above 0.",
    "widget_csi_line": "CSI of the weighted attribute score, all respondents: <b>{csi:.1f}</b>",
    "widget_weights_line": "Weights used (each slider divided by their sum): {weights}",
    "widget_csi_title": "CSI of the weighted attribute score by segment (not the overall-satisfaction question)",
    # plot furniture and finding titles (filled from the numbers)
    "n_label": "n={n}",
    "too_few_for_interval": "too few for an interval",
    "quarter": "Quarter of the survey wave",
    "relative_weight": "Relative weight (share of R²)",
    "regression_weight": "Regression weight",
    "repurchase_intent_level": "Stated intention to buy again (1 = certainly not, 5 = certainly)",
    "csi_finding_title": "{best} has the highest CSI ({best_csi:.1f}), {worst} the lowest ({worst_csi:.1f})",
    "csi_quarter_title_none": "CSI by quarter, {low:.1f} to {high:.1f}: no pair of quarters differs after Holm's correction",
    "csi_quarter_title_some": "CSI by quarter, {low:.1f} to {high:.1f}: {k} of {m} pairs differ after Holm's correction",
    "ipa_finding_title": "Concentrate here: {items}",
    "ipa_finding_none": "No attribute falls in 'concentrate here'",
    "weights_finding_same": "Derived vs true weights: largest error {err:.3f}, same ranking",
    "weights_finding_diff": "Derived vs true weights: largest error {err:.3f}, ranking differs",
    "intent_title": "Said 5 ('certainly'): {p5:.0%} bought again; said 4: {p4:.0%}",
})
LABELS.update({
    # exercise 01: the checks' hints (crmlab/satisfaction/checks.py)
    "sat_hint_q1": "an attribute's mean counts each rating level as often as respondents chose it, "
                   "and divides by that attribute's number of respondents.",
    "sat_hint_q2_simple": "the simple score treats the six attributes alike.",
    "sat_hint_q2_weighted": "the weighted score counts each attribute mean by the firm's weight (the weights sum to 1).",
    "sat_hint_q3": "the CSI puts the segment's mean overall satisfaction on 0-100: the lowest possible "
                   "rating maps to 0, the highest to 100.",
    "sat_hint_q4_dict": "give a pair (driver, weight) or a dict with the names 'driver' and 'weight'.",
    "sat_hint_q4_pair": "give a pair: (name of the attribute, its derived weight).",
    "sat_hint_q4_name": "derived importance is what the ratings reveal about overall satisfaction, "
                        "not what customers say matters to them.",
    "sat_hint_q4_weight": "the weight is the attribute's share of the positive regression coefficients "
                          "(a negative coefficient counts as 0).",
    "sat_hint_q5": "compare how often the very satisfied (5) and the satisfied (4) bought again.",
    "sat_hint_q6": "'concentrate here' is an attribute that matters a lot (by what the ratings reveal) but "
                   "performs below the average attribute.",
})
