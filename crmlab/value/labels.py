"""Labels for topic 6, customer value quantification (客户价值量化)."""

LABELS = {
    # margin multiplier table
    "val_retention": "Retention rate r (per year)",
    "val_discount": "Discount rate d (per year)",
    "val_multiplier_title": "At d = {d:.0%} a customer kept {r_hi:.0%} a year is worth {hi:.2f} margins, "
                            "at {r_lo:.0%} only {lo:.2f}",
    # P(alive)
    "val_recency_weeks": "Recency t_x: week of the last repeat purchase",
    "val_p_alive": "P(alive)",
    "val_p_alive_title": "The longer a frequent buyer has been silent, the less likely alive (T = {T:.0f} weeks)",
    "val_x_purchases": "x = {x} repeat purchases",
    # tracking
    "val_week": "Week",
    "val_cum_repeat": "Cumulative repeat purchase days",
    "val_actual": "Actual",
    "val_model": "BG/NBD model",
    "val_calibration_end": "End of calibration",
    "val_tracking_title": "Cumulative repeat purchases: the model is {err:+.1%} off at the end of the holdout",
    # conditional expectations
    "val_cal_frequency": "Repeat purchases in the calibration period (x)",
    "val_holdout_mean": "Mean purchases in the holdout period",
    "val_expected": "Expected (BG/NBD)",
    "val_conditional_title": "Holdout purchases by calibration frequency: largest gap {gap:+.2f} at x = {at}",
    # Gamma-Gamma
    "val_observed_spend": "Observed mean spend m_x (CNY)",
    "val_expected_spend": "Expected spend E[Z | x, m_x] (CNY)",
    "val_spend_title": "Few purchases, more shrinkage toward the mean of {mean:.0f} CNY",
    "val_frequency": "Repeat purchases x",
    "val_no_shrinkage": "No shrinkage (E = m_x)",
    # model CLV
    "val_clv_axis": "Model CLV over {years:g} years (CNY)",
    "val_customers": "Customers",
    "val_simple_clv": "Simple formula (same for everyone)",
    "val_model_mean": "Model CLV, mean",
    "val_clv_title": "Model CLV: the top 20% of customers hold {share:.0%} of the base's value",
    # customer equity
    "val_acq_spend": "Acquisition spending per prospect A (CNY)",
    "val_ret_spend": "Retention spending per customer and year R (CNY)",
    "val_equity_title": "Customer equity peaks at A = {A:.0f}, R = {R:.0f} CNY: {share:.0%} of spending on acquisition",
    "val_equity": "Customer equity per prospect (CNY)",
    "val_optimum": "Optimum",
}
