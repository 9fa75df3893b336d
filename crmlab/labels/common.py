"""Labels shared by every topic."""

LABELS = {
    "segment": ("Segment", "客户细分"),
    "group": ("Group", "组别"),
    "all": ("All", "全部"),
    "n": ("Respondents", "样本量"),
    "share": ("Share", "占比"),
    "count": ("Count", "数量"),
    "rate": ("Rate", "比率"),
    "ci": ("{pct}% confidence interval", "{pct}% 置信区间"),
    "estimated": ("Estimated", "估计值"),
    "true": ("True (generator)", "真实值（生成模型）"),
    "attribute": ("Attribute", "属性"),
    "weight": ("Weight", "权重"),
    "score": ("Score", "得分"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
}
