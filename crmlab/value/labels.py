"""Labels for topic 6, customer value quantification (客户价值量化)."""

LABELS = {
    # margin multiplier table
    "val_retention": "Retention rate r (per year)",
    "val_discount": "Discount rate d (per year)",
    "val_multiplier_title": "At d = {d:.0%} a customer kept {r_hi:.0%} a year is worth {hi:.2f} margins, "
                            "at {r_lo:.0%} only {lo:.2f}",
    # retention-sensitivity surface (Reichheld & Sasser 1990)
    "val_growth": "Margin growth per year of tenure g (margin profile)",
    "val_base_retention": "Base retention rate r (retention profile)",
    "val_rs_below": "below +{low:.0f}%",
    "val_rs_inside": "+{low:.0f}% to +{high:.0f}% (Reichheld & Sasser)",
    "val_rs_above": "above +{high:.0f}%",
    "val_rs_title": "+{points:g} points of retention: {inside} of {cells} cells give +{low:.0f}% to +{high:.0f}%, "
                    "{below} less, {above} more",
    "val_rs_title_only": "+{points:g} points of retention: only {inside} of {cells} cells give +{low:.0f}% to +{high:.0f}%, "
                         "{below} less, {above} more",
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

    # market-basket analysis (市场篮子分析)
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
    "vm_title_better": "Best value: {firm}, {gap:.2f} below the fair-value line",
    "vm_title_none": "No firm offers better value than the fair-value line",
    "vm_better_side": "better value",
    "vm_worse_side": "worse value",
    "vm_pos_better_value": "Better value",
    "vm_pos_fair_value": "Fair value",
    "vm_pos_worse_value": "Worse value",
    # items of the synthetic baskets
    "item_apples": "Apples",
    "item_bananas": "Bananas",
    "item_beer": "Beer",
    "item_bread": "Bread",
    "item_butter": "Butter",
    "item_cereal": "Cereal",
    "item_cheese": "Cheese",
    "item_chips": "Chips",
    "item_chocolate": "Chocolate",
    "item_coffee": "Coffee",
    "item_eggs": "Eggs",
    "item_milk": "Milk",
    "item_parmesan": "Parmesan",
    "item_pasta": "Pasta",
    "item_rice": "Rice",
    "item_salsa": "Salsa",
    "item_sugar": "Sugar",
    "item_tea": "Tea",
    "item_tomato_sauce": "Tomato sauce",
    "item_wine": "Wine",
    "item_yogurt": "Yogurt",
    # firms of the synthetic survey
    "firm_us": "Us",
    "firm_discounter": "Discounter",
    "firm_premium": "Premium rival",
    "firm_local": "Local rival",
}

LABELS.update({
    # notebook 06: printed lines and Markdown built from the numbers (val_nb_*)
    "val_nb_data": "{n} transactions of {customers} customers; {n_cal} of them up to {end}",
    "val_nb_clv_hand": "m = {m:.1f} CNY a year, r = {r:.3f}, d = {d:.2f}: CLV by hand = {clv:.1f} CNY",
    "val_nb_clv_kit": "CLV (loy.clv): {clv:.1f} CNY, multiplier {mult:.3f}",
    "val_nb_multiplier": "At d = 10% the multiplier rises from {lo:.2f} at 50% retention to {hi:.2f} at 90%: the last "
                         "points of retention are worth the most, because a kept customer keeps paying in every later "
                         "year. Our customers (r = {r:.3f}) are worth {mult:.2f} years of margin, {clv:.0f} CNY each. "
                         "The formula gives **every customer the same value**; the rest of this notebook gives each "
                         "customer their own.",
    "val_nb_rise": "CLV at r = {r:.3f}: {clv_r:.1f} CNY, at r = {r_up:.3f}: {clv_up:.1f} CNY; "
                   "rise by hand {hand:.1f}%, by loy.retention_sensitivity {kit:.1f}%",
    "val_nb_cells": "{n_in} of {cells} cells give +{low:.0f}% to +{high:.0f}%, {below} less, {above} more",
    "val_nb_span_none": "no base retention",
    "val_nb_span_one": "r = {a:.0%}",
    "val_nb_span_range": "r = {a:.0%} to {b:.0%}",
    "val_nb_span_list": "r = {rates}",
    "val_nb_growth_span": "growth {g:.0%}: {span}",
    "val_nb_clause_sep": "; ",
    "val_nb_rs_count": "{n_in} of the {cells} profiles (base retention {rmin:.0%} to {rmax:.0%} x margin growth "
                       "{gmin:.0%} to {gmax:.0%} a year, d = {d:.0%}) give the quoted +{low:.0f}% to +{high:.0f}%; "
                       "{below} give less and {above} more.",
    "val_nb_rs_count_only": "Only {n_in} of the {cells} profiles (base retention {rmin:.0%} to {rmax:.0%} x margin "
                            "growth {gmin:.0%} to {gmax:.0%} a year, d = {d:.0%}) give the quoted +{low:.0f}% to "
                            "+{high:.0f}%; {below} give less and {above} more.",
    "val_nb_rs_profiles": "The profiles inside the range, by margin growth: {profiles}.",
    "val_nb_rs_flat": "With flat margins (the simple formula) five points add {a:.1f}% at r = {ra:.0%} and {b:.1f}% "
                      "at r = {rb:.0%}.",
    "val_nb_rs_above": "More than +{high:.0f}%: {profiles}.",
    "val_nb_rs_none_above": "No profile here gives more than +{high:.0f}%.",
    "val_nb_rs_ours_inside": "Our customers (r = {r:.3f}, flat margin) gain {rise:.1f}%, inside the range.",
    "val_nb_rs_ours_below": "Our customers (r = {r:.3f}, flat margin) gain {rise:.1f}%, below the range.",
    "val_nb_rs_ours_above": "Our customers (r = {r:.3f}, flat margin) gain {rise:.1f}%, above the range.",
    "val_nb_rs_firms": "The quoted range came from the firms Reichheld & Sasser studied, service businesses (bank "
                       "branch deposits, credit cards, insurance brokerage, auto service and others) with high "
                       "acquisition costs and margins that grow with tenure: an acquisition cost of one year's margin "
                       "alone lifts the flat-margin cell at r = {ac:.0%} from {a:.1f}% to {b:.1f}%. It is a finding "
                       "about those firms, **not a law**: a firm must compute its own surface from its own retention "
                       "and margins.",
    "val_nb_loglik": "customer {customer}: x = {x:.0f}, t_x = {tx:.1f}, T = {T:.1f}; "
                     "log L by hand {hand:.6f}, by loy.bgnbd_loglik {kit:.6f}",
    "val_nb_p_alive": "P(alive) by hand {hand:.4f}, helper {kit:.4f}; mean over customers {mean:.3f}",
    "val_nb_silent": "Two customers, both 52 weeks old and silent since week 13: with 1 repeat purchase P(alive) = "
                     "{p1:.2f}, with 12 it is {p12:.2f}.",
    "val_nb_silence_more": "Silence means more for a frequent buyer, who would normally have bought again by now.",
    "val_nb_silence_less": "Silence means less for a frequent buyer, who would normally have bought again by now.",
    "val_nb_never_back": "A customer with **no** repeat purchase always has P(alive) = 1 in BG/NBD, because drop-out "
                         "happens only after a purchase.",
    "val_nb_repeat_days": "repeat purchase days up to {end} by hand: {n} (the summary's sum of x: {sx})",
    "val_nb_track": "end of calibration: actual {a_cal:.0f}, model {m_cal:.0f}; "
                    "end of holdout: actual {a_all:.0f}, model {m_all:.0f}",
    "val_nb_holdout": "In the holdout year the cohort made {act:.0f} repeat purchase days; the model, which never "
                      "saw them, expected {mod:.0f} ({err:+.1%}). The tracking plot checks the model **in aggregate**; "
                      "the next check asks whether it also ranks customers right.",
    "val_nb_x1": "x = 1: {n} customers, actual mean {act:.3f}, expected mean {exp:.3f}",
    "val_nb_cond_over": "The customers with no repeat purchase (x = 0, {n:.0f} of them) were expected to make "
                        "{exp:.2f} purchases each and made {act:.2f} (over-forecast by {gap:.2f}).",
    "val_nb_cond_under": "The customers with no repeat purchase (x = 0, {n:.0f} of them) were expected to make "
                         "{exp:.2f} purchases each and made {act:.2f} (under-forecast by {gap:.2f}).",
    "val_nb_cond_worst": "The largest gap is at x = {x}.",
    "val_nb_cond_alive_hurts": "An over-forecast at x = 0 is the P(alive) = 1 assumption at work: some of these "
                               "customers have in fact left (the point of Batislam et al. 2007).",
    "val_nb_cond_alive_ok": "Here the x = 0 group is not over-forecast, so the P(alive) = 1 assumption does little "
                            "harm.",
    "val_nb_cond_wobble": "The groups hold different numbers of customers, so the small ones wobble.",
    "val_nb_mean_spend": "population mean spend p gamma / (q - 1) = {mean:.1f} CNY",
    "val_nb_spend_hand": "x = 1, m_x = {m:.2f}: weight on the population mean {w:.3f}; "
                         "E[Z] by hand {hand:.2f}, helper {kit:.2f} CNY",
    "val_nb_known_spend": "population mean spend: estimated {est:.1f}, true {true:.1f} CNY",
    "val_nb_recovery_close": "Every estimate lies within {z:.1f} standard errors of the truth (a close recovery; "
                             "their combination, the mean spend, is pinned down best).",
    "val_nb_recovery_far": "Every estimate lies within {z:.1f} standard errors of the truth (further than usual: p, "
                           "q and gamma trade off against each other; their combination, the mean spend, is pinned "
                           "down best).",
    "val_nb_shrink_helps": "Against each customer's true mean spend, the model's expected spend is off by "
                           "{model:.1f} CNY on average, the customer's own mean by {own:.1f} CNY: shrinkage helps.",
    "val_nb_shrink_no_help": "Against each customer's true mean spend, the model's expected spend is off by "
                             "{model:.1f} CNY on average, the customer's own mean by {own:.1f} CNY: shrinkage does "
                             "not help here.",
    "val_nb_corr_hand": "Pearson correlation by hand: {r:.3f}",
    "val_nb_corr_kit": "helper: {r:.3f} ({conf:.0%} CI {lo:.3f} to {hi:.3f}), Spearman {rho:.3f}, n = {n}",
    "val_nb_ind_zero": "The correlation is {r:.2f} with a {conf:.0%} interval from {lo:.2f} to {hi:.2f}: the interval "
                       "includes 0, so the data do not contradict the independence assumption.",
    "val_nb_ind_pos": "The correlation is {r:.2f} with a {conf:.0%} interval from {lo:.2f} to {hi:.2f}: clearly "
                      "above 0. Here frequent buyers also spend more per purchase (the types that buy most are also "
                      "the big spenders), which the model rules out: it shrinks the occasional buyers toward a mean "
                      "that the frequent buyers pull up, so their expected spend is overstated. Read the model CLV "
                      "below with that in mind, or fit the model per segment.",
    "val_nb_ind_neg": "The correlation is {r:.2f} with a {conf:.0%} interval from {lo:.2f} to {hi:.2f}: clearly "
                      "below 0. Here frequent buyers spend less per purchase (the types that buy most are the small "
                      "spenders), which the model rules out: it shrinks the occasional buyers toward a mean "
                      "that the frequent buyers pull down, so their expected spend is understated. Read the model CLV "
                      "below with that in mind, or fit the model per segment.",
    "val_nb_clv_first": "margin rate {rate:.3f}; customer {customer}: CLV by hand {clv:.2f} CNY",
    "val_nb_clv_helper": "helper: {clv:.2f} CNY; mean over {n} customers {mean:.1f} CNY",
    "val_nb_clv_series": "val.clv_per_customer: {n} customers, same values: {ok}",
    "val_nb_simple_vs_model": "simple CLV over {years} years: {simple:.1f} CNY; model CLV: mean {mean:.1f}, "
                              "median {median:.1f}; top 20% hold {share:.1%} of the value",
    "val_nb_model_vs_simple_less": "The mean model CLV ({mean:.0f} CNY) is {ratio:.2f} times the simple formula's "
                                   "{simple:.0f} CNY. The two answer different questions: the formula averages one "
                                   "retention rate and one margin over everyone, the model forecasts each customer "
                                   "from their own history, and the median customer ({median:.0f} CNY) is worth less "
                                   "than the formula says while the top 20% hold {share:.0%} of the value.",
    "val_nb_model_vs_simple_more": "The mean model CLV ({mean:.0f} CNY) is {ratio:.2f} times the simple formula's "
                                   "{simple:.0f} CNY. The two answer different questions: the formula averages one "
                                   "retention rate and one margin over everyone, the model forecasts each customer "
                                   "from their own history, and the median customer ({median:.0f} CNY) is worth more "
                                   "than the formula says while the top 20% hold {share:.0%} of the value.",
    "val_nb_by_type": "By true type, {best}s are worth most ({best_clv:.0f} CNY) and {worst}s least "
                      "({worst_clv:.0f} CNY); the model never saw the types.",
    "val_nb_base": "current base: {n} customers worth {value:,.0f} CNY over {years} years",
    "val_nb_ce_hand": "A = 50, R = 20: CE by hand {hand:.2f}, helper {kit:.2f} CNY per prospect",
    "val_nb_budget": "With these response curves the best plan spends {A:.0f} CNY per prospect on acquisition "
                     "(winning {a:.0%}) and {R:.0f} CNY per customer and year on retention (keeping {r:.0%}); "
                     "{share:.0%} of the discounted spending goes to acquisition, and each prospect is worth "
                     "{ce:.1f} CNY. The split follows from the curves, not from a rule such as \"retention is five "
                     "times cheaper\": change the ceilings or the margin and it moves.",
    "val_nb_rule_hand": "support {support:.3f}, confidence {confidence:.3f}, lift {lift:.3f}",
    "val_nb_rule_kit": "{rule}: support {support:.3f}, confidence {confidence:.3f}, lift {lift:.3f}, "
                       "leverage {leverage:.3f}",
    "val_nb_cereal_milk": "Of the baskets with cereal, **{confidence:.0%}** also hold milk. That sounds strong, but "
                          "milk is in **{milk:.0%}** of all baskets, so the lift is **{lift:.2f}**: cereal buyers take "
                          "milk {lift:.2f} times as often as shoppers in general.",
    "val_nb_common_consequent": "A high confidence can come from a consequent that is in many baskets anyway; lift "
                                "corrects for that.",
    "val_nb_rare_consequent": "Here the consequent is not common, so confidence and lift agree.",
    "val_nb_rules": "Of the **{n}** rules that reach {min_support:.0%} support, the strongest by lift is **{rule}** "
                    "(lift {lift:.2f}, confidence {confidence:.0%}, in {count} baskets; the reverse direction has "
                    "the same lift). The planted lifts are recovered within **{err:.0%}** on {baskets:,} baskets. "
                    "Each pair appears twice, once in each direction, with the same support and lift but different "
                    "confidences: the direction to act on (whom to show the offer) is the one with the higher "
                    "confidence.",
    "val_nb_min_support": "min_support {ms:.3f}: {k} rules of up to 3 items",
    "val_nb_cpv_diff": "{us} - {rival}: {diff:+.2f} points, {conf:.0%} interval [{lo:+.2f}, {hi:+.2f}]",
    "val_nb_cpv_higher": "Our customers see a CPV of **{cpv:+.2f}** points (benefits {benefits:.2f} minus costs "
                         "{costs:.2f}), **higher than** the best rival, {rival} ({rival_cpv:+.2f}): the difference "
                         "is {diff:+.2f} [{lo:+.2f}, {hi:+.2f}].",
    "val_nb_cpv_lower": "Our customers see a CPV of **{cpv:+.2f}** points (benefits {benefits:.2f} minus costs "
                        "{costs:.2f}), **lower than** the best rival, {rival} ({rival_cpv:+.2f}): the difference "
                        "is {diff:+.2f} [{lo:+.2f}, {hi:+.2f}].",
    "val_nb_cpv_same": "Our customers see a CPV of **{cpv:+.2f}** points (benefits {benefits:.2f} minus costs "
                       "{costs:.2f}), **not clearly different from** the best rival, {rival} ({rival_cpv:+.2f}): the "
                       "difference is {diff:+.2f} [{lo:+.2f}, {hi:+.2f}].",
    "val_nb_bonferroni": "Comparing us with each of the {k} rivals makes {k} such comparisons; a Bonferroni "
                         "correction would use {level:.1%} intervals for each.",
    "val_nb_relative": "relative quality {rq:.3f}, relative price {rp:.3f}, value gap {gap:+.3f}",
    "val_nb_map_better_value": "Our relative quality is **{rq:.2f}** and our relative price **{rp:.2f}**, a value gap "
                               "of **{gap:+.2f}**: we are below the fair-value line: customers get more quality than "
                               "our price asks (better value).",
    "val_nb_map_fair_value": "Our relative quality is **{rq:.2f}** and our relative price **{rp:.2f}**, a value gap "
                             "of **{gap:+.2f}**: we are on the fair-value line: our price matches our quality.",
    "val_nb_map_worse_value": "Our relative quality is **{rq:.2f}** and our relative price **{rp:.2f}**, a value gap "
                              "of **{gap:+.2f}**: we are above the fair-value line: worse value, a price our quality "
                              "does not justify.",
    "val_nb_map_best_cpv": "The firm with the highest CPV, {firm}, sits at relative quality {rq:.2f} and price "
                           "{rp:.2f} ({position}): CPV also counts time and effort and is absolute, while the map "
                           "weighs quality against price relative to the rivals.",
    "val_nb_map_we_best": "We also have the highest CPV of the {k} firms.",
    # notebook 06: table headers (labels.show(table, lang, "val_col_")) and the by-type index
    "val_col_retention": "retention rate r",
    "val_col_discount": "discount rate d",
    "val_col_growth": "margin growth g",
    "val_col_parameter": "parameter",
    "val_col_estimated": "estimate",
    "val_col_std_error": "standard error",
    "val_col_true": "true value",
    "val_col_frequency": "repeat purchases x",
    "val_col_customers": "customers",
    "val_col_actual": "actual mean",
    "val_col_expected": "expected mean",
    "val_col_p_alive": "P(alive)",
    "val_col_customer_id": "customer",
    "val_col_expected_purchases": "expected purchases",
    "val_col_discounted_purchases": "discounted purchases",
    "val_col_expected_spend": "expected spend (CNY)",
    "val_col_clv": "CLV (CNY)",
    "val_col_true_mean_spend": "true mean spend (CNY)",
    "val_col_true_type": "true type",
    "val_col_budget": "best plan",
    "val_col_acquisition_spend": "acquisition spending per prospect A (CNY)",
    "val_col_retention_spend": "retention spending per customer and year R (CNY)",
    "val_col_acquisition_rate": "share of prospects won a(A)",
    "val_col_retention_rate": "retention rate r(R)",
    "val_col_customer_value": "value of a won customer V(R) (CNY)",
    "val_col_customer_equity": "customer equity per prospect (CNY)",
    "val_col_retention_pv": "present value of retention spending (CNY)",
    "val_col_acquisition_share": "share of spending on acquisition",
    "val_col_item": "item",
    "val_col_rule": "rule",
    "val_col_support": "support",
    "val_col_confidence": "confidence",
    "val_col_lift": "lift",
    "val_col_count": "baskets",
    "val_col_true_confidence": "true confidence",
    "val_col_true_lift": "true lift",
    "val_col_firm": "firm",
    "val_col_n": "respondents",
    "val_col_perceived_benefits": "perceived benefits",
    "val_col_perceived_costs": "perceived costs",
    "val_col_cpv": "CPV",
    "val_col_sd": "standard deviation",
    "val_col_ci_low": "interval low",
    "val_col_ci_high": "interval high",
    "val_col_quality": "perceived quality",
    "val_col_price": "perceived price",
    "val_col_relative_quality": "relative quality",
    "val_col_relative_price": "relative price",
    "val_col_fair_price": "fair relative price",
    "val_col_value_gap": "value gap",
    "val_col_position": "position",
    "val_col_true_value_gap": "true value gap",
    "val_col_true_position": "true position",
    # exercise 06: printed lines, hints and model answers (val_ex_*, val_hint_*)
    "val_ex_data": "{n} transactions of {customers} customers",
    "val_ex_q3_weight": "weight on the population mean {w:.3f}; helper: {kit:.2f}",
    "val_ex_q4_rate": "margin rate {rate:.3f}; mean CLV {mean:.1f} CNY over {n} customers",
    "val_ex_q5_numbers": "x = 1: {n} customers, mean CLV {clv:.1f} CNY (median of all customers {median:.1f}), "
                         "mean P(alive) {p_alive:.3f}, weight of the population mean in their expected spend "
                         "{w:.3f}; frequency-spend correlation {r:.3f} [{lo:.3f}, {hi:.3f}]",
    "val_ex_q5_answer": "Model answer. Customers with one repeat purchase have a low model CLV because BG/NBD "
                        "forecasts few purchases for them and Gamma-Gamma pulls their single spend strongly toward "
                        "the population mean; but their P(alive) is moderate, not near zero, so many are still "
                        "active. The frequency-spend correlation is clearly positive here, so the model (which "
                        "assumes independence) overstates their spend: their true value is probably even lower. "
                        "Still, a low CLV is a forecast of what they are worth WITHOUT extra spending; it does not "
                        "say how much a retention action would raise it. The decision rule should compare the "
                        "increase in CLV an action causes with its cost, measured in a test (a random holdout group "
                        "that gets no offer), not cut by the level of CLV alone.",
    "val_ex_lines": "{n} basket lines in {baskets} baskets, {items} items",
    "val_ex_respondents": "{n} respondents, per firm:",
    "val_ex_q8_map": "Model answer. On the value map our relative quality is {rq:.2f} and our relative price "
                     "{rp:.2f}, a value gap of {gap:+.2f}: we are {position} (a positive gap means below the "
                     "fair-value line). By CPV the best firm is {best} ({best_cpv:+.2f} points against our "
                     "{cpv:+.2f}); CPV also counts time and effort costs and is absolute, while the map weighs "
                     "quality against price relative to the rivals, so the two rankings need not agree.",
    "val_ex_q8_better": "Since customers already get more quality than our price asks, cutting the price would give "
                        "away margin; better to make our value visible, or even raise the price towards the line, "
                        "and to cut the time and effort it costs to buy from us.",
    "val_ex_q8_worse": "Since our price is above what our quality justifies, we should either raise the perceived "
                       "quality (service, staff) or move the price towards the line, and cut the time and effort it "
                       "costs to buy.",
    "val_ex_q8_limit": "Limitation: the fair-value line's slope of 1 is an assumption, and each firm is rated only "
                       "by its own customers, so firm differences need the interval of the difference.",
    "val_hint_q1": "the multiplier is what one unit of yearly margin is worth over a customer's life: the kept share "
                   "over (1 + discount rate - kept share); the kept share is the customers of the first year who "
                   "bought again in the second, over all customers of the first year.",
    "val_hint_q2": "fit the buy-till-you-die model on the calibration period (weeks, purchase days) and average every "
                   "customer's probability of still being active at its end. Give a share between 0 and 1.",
    "val_hint_q3": "fit the spend model on the customers with repeat purchases (their mean spend per repeat purchase "
                   "day); a customer with one purchase is pulled toward the population mean, with weight "
                   "(q - 1) / (p x + q - 1) on it.",
    "val_hint_q4": "per customer: expected purchases in each period of the horizon x expected spend x the margin "
                   "rate of the calibration data, discounted at 10% a year, summed over 3 years; then add up over "
                   "the customers.",
    "val_hint_q6": "lift compares how often the consequent is bought after the antecedent with how often it is bought "
                   "in any basket; 1 means no association.",
    "val_hint_q6_confidence": "that is the confidence, P(milk | cereal). Lift also asks how common milk is in baskets "
                              "in general.",
    "val_hint_q6_support": "that is the support of the rule (how often both are bought). Lift compares the observed "
                           "share with what independence would give.",
    "val_hint_q7": "look only at itemsets that reach the minimum support; among them, which items are bought together "
                   "far more often than their separate shares predict?",
    "val_hint_q7_rare": "that itemset has the highest lift, but it is in fewer than 2% of the baskets: rare itemsets "
                        "get large lifts by chance. Apply the minimum support first.",
    # data dictionary of the topic's datasets (crmlab.datasets.describe(name, "zh"))
    "dd_value_customers__customer_id": "Customer number",
    "dd_value_customers__customer_id__unit": "id",
    "dd_value_customers__frequency": "Repeat purchases in the calibration period (x)",
    "dd_value_customers__frequency__unit": "count",
    "dd_value_customers__recency": "Time of the last repeat purchase after the first purchase (t_x); 0 when x = 0",
    "dd_value_customers__recency__unit": "weeks",
    "dd_value_customers__T": "Time from the first purchase to the end of the calibration period",
    "dd_value_customers__T__unit": "26-104 weeks",
    "dd_value_customers__monetary_value": "Mean spend of the repeat purchases (m_x); 0 when x = 0",
    "dd_value_customers__monetary_value__unit": "CNY",
    "dd_value_customers__frequency_holdout": "Purchases in the 52 weeks after the calibration period",
    "dd_value_customers__frequency_holdout__unit": "count",
    "dd_basket_lines__basket_id": "Basket (shopping trip) number",
    "dd_basket_lines__basket_id__unit": "id",
    "dd_basket_lines__item": "Item in the basket (each item at most once per basket)",
    "dd_basket_lines__item__unit": "apples / bananas / beer / bread / butter / cereal / cheese / chips / chocolate / "
                                   "coffee / eggs / milk / parmesan / pasta / rice / salsa / sugar / tea / "
                                   "tomato_sauce / wine / yogurt",
    "dd_perceived_value_survey__respondent_id": "Respondent number",
    "dd_perceived_value_survey__respondent_id__unit": "id",
    "dd_perceived_value_survey__firm": "The firm the respondent buys from most and rates",
    "dd_perceived_value_survey__firm__unit": "us / discounter / premium / local",
    "dd_perceived_value_survey__product_quality": "Perceived product quality: 1 = very poor ... 7 = excellent",
    "dd_perceived_value_survey__service_quality": "Perceived service quality",
    "dd_perceived_value_survey__staff": "Perceived competence and courtesy of the staff",
    "dd_perceived_value_survey__image": "Perceived image of the firm",
    "dd_perceived_value_survey__price": "Perceived price: 1 = very cheap ... 7 = very expensive",
    "dd_perceived_value_survey__time_cost": "Time it costs to buy there: 1 = very little ... 7 = a lot",
    "dd_perceived_value_survey__effort_cost": "Effort it costs to buy there: 1 = very little ... 7 = a lot",
})
