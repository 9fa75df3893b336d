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
    # plot titles that state the finding (notebook 07 builds them from the numbers)
    "pls_title_loadings_ok": "Every loading is at least 0.7 (lowest: {item}, {value:.3f})",
    "pls_title_loadings_low": "{count} of {total} questions load below 0.7 (lowest: {item}, {value:.3f})",
    "pls_title_paths": "{driver} drives satisfaction most (path {coef:.2f}); the model explains {r2:.0%} of satisfaction",
    "pls_title_effects": "{driver} has the largest total effect on satisfaction: {value:.2f} (95% interval {low:.2f} to {high:.2f})",
    "pls_title_ipma_priority": "IPMA: {driver} is important but performs below average, the first candidate",
    "pls_title_ipma_none": "IPMA: no driver is both important and weak; {driver} has the most importance",
    "pls_title_index": "The three methods differ by at most {gap:.1f} points; {best} scores highest",
    "pls_widget_line": "Satisfaction index: <b>{index:.1f}</b> (R² of SAT: {r2:.2f})",
}
