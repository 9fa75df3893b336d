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
