"""Labels for topic 7, the model-based satisfaction index (PLS path model)."""

LABELS = {
    # constructs of the ECSI / ACSI model
    "IMAG": "Image",
    "EXPE": "Expectations",
    "QUAL": "Perceived quality",
    "VAL": "Perceived value",
    "SAT": "Satisfaction",
    "COMP": "Complaints",
    "LOY": "Loyalty",
    # segments of the ECSI survey
    "prepaid": "Prepaid",
    "contract": "Contract",
    "business": "Business",
    # measures and plot text
    "pls_path_title": "ECSI model: path coefficients and R²",
    "pls_loadings_title": "Outer loadings (0.7 = rule of thumb)",
    "pls_loading": "Loading",
    "pls_indicator": "Question",
    "pls_construct": "Construct",
    "pls_index_title": "Satisfaction index by segment: three methods",
    "pls_index_axis": "Index (0-100)",
    "pls_index": "PLS index (ACSI weights)",
    "pls_simple": "Simple score CSI",
    "pls_weighted": "Weighted score CSI",
    "pls_method": "Method",
    "pls_effect_title": "Total effect on {target}",
    "pls_total_effect": "Total effect (standardised)",
    "pls_effect_ci": "Total effect with 95% bootstrap interval",
    "pls_ipma_title": "Importance-performance map for {target}",
    "pls_importance": "Importance (total effect, points per point)",
    "pls_performance": "Performance (0-100)",
    "pls_widget_line": "Satisfaction index: <b>{index:.1f}</b> (R² of SAT: {r2:.2f})",
}
