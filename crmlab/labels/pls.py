"""Labels for topic 7, the model-based satisfaction index (PLS path model)."""

LABELS = {
    # constructs of the ECSI / ACSI model
    "IMAG": ("Image", "企业形象"),
    "EXPE": ("Expectations", "顾客期望"),
    "QUAL": ("Perceived quality", "感知质量"),
    "VAL": ("Perceived value", "感知价值"),
    "SAT": ("Satisfaction", "顾客满意"),
    "LOY": ("Loyalty", "顾客忠诚"),
    # segments of the ECSI survey
    "prepaid": ("Prepaid", "预付费"),
    "contract": ("Contract", "合约"),
    "business": ("Business", "企业客户"),
    # measures and plot text
    "pls_path_title": ("ECSI model: path coefficients and R²", "ECSI 模型：路径系数与 R²"),
    "pls_loadings_title": ("Outer loadings (0.7 = rule of thumb)", "外部载荷（经验阈值 0.7）"),
    "pls_loading": ("Loading", "载荷"),
    "pls_indicator": ("Question", "题项"),
    "pls_construct": ("Construct", "潜变量"),
    "pls_index_title": ("Satisfaction index by segment: three methods", "各细分客户的满意度指数：三种方法"),
    "pls_index_axis": ("Index (0-100)", "指数 (0-100)"),
    "pls_index": ("PLS index (ACSI weights)", "PLS 模型指数（ACSI 权重）"),
    "pls_simple": ("Simple score CSI", "简单分值法 CSI"),
    "pls_weighted": ("Weighted score CSI", "加权法 CSI"),
    "pls_method": ("Method", "方法"),
    "pls_effect_title": ("Total effect on {target}", "对{target}的总效应"),
    "pls_total_effect": ("Total effect (standardised)", "总效应（标准化）"),
    "pls_widget_line": ("Satisfaction index: <b>{index:.1f}</b> (R² of SAT: {r2:.2f})",
                        "满意度指数：<b>{index:.1f}</b>（顾客满意的 R²：{r2:.2f}）"),
}
