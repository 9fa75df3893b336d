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
    "widget_csi_line": "Weighted CSI, all respondents: <b>{csi:.1f}</b>",
})
