"""English labels of market-basket analysis and perceived value (to be folded into crmlab/value/labels.py)."""

LABELS = {
    # market-basket analysis
    "vb_support": "Support (share of baskets)",
    "vb_confidence": "Confidence P(B | A)",
    "vb_lift": "Lift",
    "vb_antecedent": "If the basket holds",
    "vb_consequent": "it also holds",
    "vb_rules_title": "Strongest rule by lift: {rule} (lift {lift:.2f}, confidence {confidence:.0%})",
    "vb_rules_none": "No rule reaches the thresholds",
    "vb_lift_heatmap_title": "Strongest pair of these items: {a} + {b}, together {lift:.1f}x as often as chance",
    "vb_lift_colorbar": "Lift (1 = independent)",
    "vb_item": "Item",
    "vb_lift_size": "marker size = lift",
    # perceived value and the customer value map
    "cpv_label": "Customer perceived value (CPV)",
    "cpv_benefits": "Perceived benefits",
    "cpv_costs": "Perceived costs",
    "cpv_axis": "CPV = benefits - costs (rating points)",
    "cpv_bars_title": "Highest perceived value: {firm} (CPV {cpv:+.2f} points)",
    "vm_relative_quality": "Relative perceived quality (firm / rivals' mean)",
    "vm_relative_price": "Relative perceived price (firm / rivals' mean)",
    "vm_fair_line": "Fair-value line",
    "vm_title_better": "Best value: {firm}, {gap:+.2f} below the fair-value line",
    "vm_title_none": "No firm offers better value than the fair-value line",
    "vm_better_side": "better value",
    "vm_worse_side": "worse value",
    "vm_pos_better_value": "Better value",
    "vm_pos_fair_value": "Fair value",
    "vm_pos_worse_value": "Worse value",
    # firms of the synthetic survey
    "firm_us": "Us",
    "firm_discounter": "Discounter",
    "firm_premium": "Premium rival",
    "firm_local": "Local rival",
}
