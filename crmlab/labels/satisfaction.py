"""Labels for topic 1, customer satisfaction."""

LABELS = {
    # attributes of the textbook case
    "quality": ("Quality", "质量"),
    "function": ("Function", "功能"),
    "price": ("Price", "价格"),
    "service": ("Service", "服务"),
    "packaging": ("Packaging", "包装"),
    "taste": ("Taste", "品味"),
    # segments of the synthetic survey
    "online": ("Online", "线上"),
    "in-store": ("In-store", "门店"),
    "business": ("Business", "企业客户"),
    # measures
    "csi": ("Customer satisfaction index (CSI)", "顾客满意度指数 (CSI)"),
    "csi_axis": ("CSI (0-100)", "满意度指数 (0-100)"),
    "csi_title": ("CSI by segment, with {pct}% intervals", "各细分客户的满意度指数（{pct}% 置信区间）"),
    "simple_score": ("Simple score", "简单分值法"),
    "weighted_score": ("Weighted score", "加权法"),
    "overall": ("Overall satisfaction (1-5)", "总体满意度 (1-5)"),
    "performance": ("Performance: mean rating (1-5)", "表现：平均评分 (1-5)"),
    "importance": ("Importance (derived weight)", "重要性（推导权重）"),
    "stated_importance": ("Stated importance (weight)", "陈述重要性（权重）"),
    "derived_importance": ("Derived importance (weight)", "推导重要性（权重）"),
    "ipa_title": ("Importance-performance map", "重要性-表现分析 (IPA) 图"),
    "concentrate_here": ("Concentrate here", "重点改进"),
    "keep_up": ("Keep up the good work", "继续保持"),
    "low_priority": ("Low priority", "次要改进"),
    "possible_overkill": ("Possible overkill", "可能过度"),
    "repurchase_rate": ("Repurchase rate within 12 months (%)", "12 个月内重复购买率 (%)"),
    "repurchase_title": ("Repurchase by satisfaction: a 5 is {ratio:.1f}x a 4",
                         "按满意度的重复购买率：5 分是 4 分的 {ratio:.1f} 倍"),
    "satisfaction_level": ("Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)",
                           "总体满意度（1 = 很不满意，5 = 很满意）"),
    "weights_title": ("Attribute weights: derived vs true", "属性权重：推导值与真实值"),
    "method": ("Method", "方法"),
}
LABELS.update({
    "weights_zero": ("Give at least one attribute a weight above 0.", "请至少给一个属性大于 0 的权重。"),
    "widget_csi_line": ("Weighted CSI, all respondents: <b>{csi:.1f}</b>", "加权满意度指数（全部受访者）：<b>{csi:.1f}</b>"),
})
