"""Labels for topic 3, customer loyalty and customer value."""

LABELS = {
    # Jones & Sasser types (also the latent segments of the synthetic data)
    "apostle": "Apostle",
    "loyalist": "Loyalist",
    "mercenary": "Mercenary",
    "hostage": "Hostage",
    "defector": "Defector",
    "terrorist": "Terrorist",
    "prospect_open": "Prospect, open to buying",
    "prospect_closed": "Prospect, will not buy",
    # the six-group loyalty classification
    "long_term_loyal": "Long-term loyal",
    "long_term_may_switch": "Long-term, may switch",
    "occasional_may_buy_more": "Occasional, may buy more with an incentive",
    "occasional_may_buy_less": "Occasional, may buy less under a rival's incentive",
    "nonuser_may_become": "Non-user, may become a customer",
    "nonuser_will_not": "Non-user, will not buy",
    # RFM segments
    "champions": "Champions",
    "loyal_customers": "Loyal customers",
    "potential_loyalists": "Potential loyalists",
    "new_customers": "New customers",
    "need_attention": "Need attention",
    "at_risk": "At risk",
    "hibernating": "Hibernating",
    # channels and categories of the synthetic data
    "store": "Store",
    "online": "Online",
    "app": "App",
    "grocery": "Grocery",
    "household": "Household",
    "personal_care": "Personal care",
    "apparel": "Apparel",
    "electronics": "Electronics",
    # NPS
    "promoters": "Promoters (9-10)",
    "passives": "Passives (7-8)",
    "detractors": "Detractors (0-6)",
    "nps_title": "Net Promoter Score: {nps:.0f}",
    "nps_share": "Share of respondents (%)",
    # deciles and concentration
    "decile": "Decile (1 = best customers)",
    "sales_share": "Share of sales (%)",
    "profit_share": "Share of profit (%)",
    "decile_title": "Purchase deciles: the top decile brings {top:.0%} of profit",
    "share_pct": "Share (%)",
    "cum_customers": "Cumulative share of customers (best first)",
    "cum_value": "Cumulative share of sales",
    "pareto_title": "Top 20% of customers bring {share:.0%} of sales (Gini {gini:.2f})",
    "equality": "Everyone buys the same",
    "pareto_curve": "Pareto curve",
    # retention and churn
    "cohort": "Acquisition cohort",
    "periods_since": "Periods since first purchase",
    "quarters_since": "Quarters since the first purchase",
    "months_since": "Months since the first purchase",
    "years_since": "Years since the first purchase",
    "cohort_title": "Cohort retention: share of each cohort buying again",
    "retention_axis": "Retention",
    "churn_rate": "Churn rate (%)",
    "churn_title": "Churn rate by group, with {pct}% intervals",
    "channel": "First channel",
    # RFM
    "rfm_segment": "RFM segment",
    "customers": "Customers",
    "rfm_title": "RFM segments",
    # CLV
    "base_retention": "Base retention rate",
    "clv_change": "CLV change for +5 points of retention (%)",
    "sensitivity_title": "+5 points of retention: profit per customer rises {low:.0f}%-{high:.0f}%",
    "reichheld_band": "Reichheld & Sasser: +25% to +85%",
    "period": "Period (year)",
    "cum_clv": "Cumulative discounted margin (CNY)",
    "clv_title": "CLV = {clv:.0f} CNY (retention {r:.0%})",
    "growth": "margin growth per year",
    "widget_clv_line": "CLV: <b>{clv:.0f}</b> CNY; with +5 points of retention: <b>{plus:.0f}</b> CNY (<b>{pct:+.0f}%</b>)",
    "margin_slider": "Margin",
    "retention_slider": "Retention",
    "discount_slider": "Discount",
    "growth_slider": "Margin growth",
    "widget_bad": "Retention x (1 + growth) must stay below 1 + discount.",
    "plus5": "+5 points",
    "base": "Base",
    # Jones & Sasser and the satisfaction trap
    "satisfaction_15": "Satisfaction (1 = very dissatisfied, 5 = very satisfied)",
    "purchases_next": "Purchase days in the next 12 months",
    "js_title": "Satisfaction-loyalty matrix (Jones & Sasser)",
    "loyal_rate": "Stayed loyal in the next 12 months (%)",
    "trap_title": "Top box: {top:.0%} stayed loyal, {ratio:.1f}x the {below:.0%} one level below",
    "trap_title_plain": "Share who stayed loyal, by satisfaction",
    "symlog_note": "(linear to 4, logarithmic above)",
    "js_type": "Jones & Sasser type",
    "satisfied_slider": "Satisfied from level",
    "loyal_slider": "Loyal from purchase days",
    # BG/NBD
    "cal_purchases": "Repeat purchases in the calibration period",
    "holdout_purchases": "Mean purchases in the holdout year",
    "actual": "Actual",
    "predicted": "BG/NBD forecast",
    "bgnbd_title": "BG/NBD forecast vs holdout: {pred:.0f} predicted, {act:.0f} actual",
    # estimated vs true
    "true_segment": "True segment (generator)",
    "estimated_type": "Estimated type (survey + behaviour)",
    "segments_title": "Estimated vs true segments: {acc:.0%} agree",
    "row_pct": "Share of the true segment's respondents (%)",
    # churn reasons and churn cost (course notes *Customer relationship analysis*)
    "reason_quality": "Unstable quality",
    "reason_no_innovation": "No new products",
    "reason_service": "Poor service",
    "reason_staff_left": "Their contact left our staff",
    "reason_competitor_offer": "A competitor's offer",
    "reason_short_term": "Short-term actions put them off",
    "reason_title": "Main churn reason: {reason} ({share:.0%} of {n} lapsed respondents)",
    "reason_share": "Share of lapsed respondents (%)",
    # transaction customers and the three decile target groups (same course notes)
    "target_transaction": "Transaction customers",
    "target_keep": "Keep (top decile)",
    "target_grow_share": "Grow our share",
    "target_losing_value": "Losing value",
    "target_other": "Other",
    "share_customers": "Share of customers (%)",
    "target_title": "The keep group ({cust:.0%} of customers) brings {profit:.0%} of profit",
    "target_title_plain": "Target groups of the purchase decile analysis",
}
LABELS.update({
    # notebooks/03_loyalty.ipynb: printed lines and sentences built from the numbers
    "loy_nb_tx": "{n} transactions of {k} customers, {start} to {end}",
    "loy_nb_survey": "{n} survey respondents, of whom {k} prospects",
    "loy_nb_repeat_hand": "Repeat-purchase rate by hand: {rate:.3f}",
    "loy_nb_tucker": "Tucker-loyal customers: **{share:.1%}** of {n:,}, against a repeat-purchase rate of {repeat:.1%}: "
                     "buying twice is common, buying three times within a year much less so, which is why Tucker's "
                     "rule is the stricter behavioural measure.",
    "loy_nb_same_r": "same R scores as by hand: {ok}",
    "loy_nb_champions": "The {n} champions (recent and frequent) spent on average **{mean:,.0f} CNY**, {times:.0f} times "
                        "the {hib:,.0f} CNY of the hibernating customers: they are the customers to keep. \"At risk\" "
                        "customers used to buy often but have not been back for a while: they are the first target of "
                        "a win-back campaign.",
    "loy_nb_gini": "Gini of sales {gini:.3f}; top 20% by sales: {sales:.1%} of sales, {profit:.1%} of profit; "
                   "top 20% by profit: {by_profit:.1%} of (positive) margin",
    "loy_nb_decile_more": "The top decile brings **{sales:.1%}** of sales and **{profit:.1%}** of profit, so profit is "
                          "more concentrated than sales.",
    "loy_nb_decile_less": "The top decile brings **{sales:.1%}** of sales and **{profit:.1%}** of profit, so profit is "
                          "less concentrated than sales.",
    "loy_nb_top20_rank": "The two \"top 20%\" profit figures differ because they rank differently: the 20% with the "
                         "most sales bring {by_sales:.1%} of profit, the 20% with the most profit bring "
                         "{by_profit:.1%} of the positive margin (the second is the highest share any 20% can reach; "
                         "it also leaves out the loss-making purchases).",
    "loy_nb_gap_small": "The gap is only {gap:.1f} points, so here the sales ranking finds nearly the most profitable 20%.",
    "loy_nb_gap_large": "The gap of {gap:.1f} points is made of big spenders with thin margins (the transaction "
                        "customers below) and small spenders with fat ones.",
    "loy_nb_8020": "The readings' 80/20 rule (20% of customers bring over 80% of revenue and 90% of profit) is a rough "
                   "guide: here the top 20% bring {top20:.0%} of sales.",
    "loy_nb_thin": "customers with a margin rate below 15%: {share:.1%}",
    "loy_nb_tol_larger": "Relationship customers accept on average a **{rel:.1f}%** price rise before switching, "
                         "transaction customers **{tr:.1f}%**: relationship customers accept a larger price rise "
                         "(difference {d:+.1f} points, {conf:.0%} interval {lo:+.1f} to {hi:+.1f}).",
    "loy_nb_tol_smaller": "Relationship customers accept on average a **{rel:.1f}%** price rise before switching, "
                          "transaction customers **{tr:.1f}%**: relationship customers accept a smaller price rise "
                          "(difference {d:+.1f} points, {conf:.0%} interval {lo:+.1f} to {hi:+.1f}).",
    "loy_nb_tol_same": "Relationship customers accept on average a **{rel:.1f}%** price rise before switching, "
                       "transaction customers **{tr:.1f}%**: relationship customers do not differ clearly in the price "
                       "rise they accept (difference {d:+.1f} points, {conf:.0%} interval {lo:+.1f} to {hi:+.1f}).",
    "loy_nb_tol_agree": "Behaviour (thin margins) and attitude (low price tolerance) point at the same customers, which "
                        "is what the reading means by \"price-only\".",
    "loy_nb_tol_disagree": "Here behaviour (thin margins) and attitude (price tolerance) do not single out the same "
                           "customers: the margin-rate rule alone is a weak test of \"price-only\".",
    "loy_nb_cohorts": "customers acquired per quarter: {sizes} ...",
    "loy_nb_cohort_size": "{q}: {n}",
    "loy_nb_retention": "On average **{next_q:.1%}** of a cohort buy again in the quarter after their first purchase and "
                        "**{year:.1%}** four quarters (a year) after. Read along a row: where it levels off, the "
                        "customers left are the loyal core.",
    "loy_nb_churn_base": "The table counts **{n:,}** of the {n_all:,} customers: those acquired at least {days} days "
                         "before {date}.",
    "loy_nb_churn_range": "Churn is highest for customers who came through **{worst}** ({worst_rate:.1%}) and lowest "
                          "for **{best}** ({best_rate:.1%}).",
    "loy_nb_churn_clear": "Whether two groups differ is read from the interval of the **difference**, not from whether "
                          "the two intervals overlap (two 95% intervals can overlap although the difference is clear): "
                          "{d:+.1f} points, Newcombe {conf:.0%} interval {lo:+.1f} to {hi:+.1f}, so the gap is more "
                          "than sampling noise.",
    "loy_nb_churn_noise": "Whether two groups differ is read from the interval of the **difference**, not from whether "
                          "the two intervals overlap (two 95% intervals can overlap although the difference is clear): "
                          "{d:+.1f} points, Newcombe {conf:.0%} interval {lo:+.1f} to {hi:+.1f}, so the gap is within "
                          "sampling noise.",
    "loy_nb_churn_bonf_still": "We picked the largest of {k} pairwise gaps after looking, which flatters it: with a "
                               "Bonferroni correction for {k} comparisons (level {level:.1%}) the interval is {lo:+.1f} "
                               "to {hi:+.1f} and still excludes zero.",
    "loy_nb_churn_bonf_gone": "We picked the largest of {k} pairwise gaps after looking, which flatters it: with a "
                              "Bonferroni correction for {k} comparisons (level {level:.1%}) the interval is {lo:+.1f} "
                              "to {hi:+.1f} and no longer excludes zero.",
    "loy_nb_churn_cost": "The churned customers brought **{lost:,.0f} CNY** of margin a year. One point less churn is "
                         "worth most among {group} customers, **{per_point:,.0f} CNY** a year (one point of the {n} "
                         "customers, at {per_churned:,.0f} CNY each). The five-times rule compares the cost of *one "
                         "customer* kept or won, not the value of a point of churn: it says that replacing a lost "
                         "customer costs more than keeping one, so a retention offer that costs less than five "
                         "acquisitions per customer saved beats replacing them. Whether a given programme pays still "
                         "depends on how many customers it really saves for its cost.",
    "loy_nb_reasons": "The most frequent reason is **{reason}** ({share:.0%} of {n} lapsed respondents). Quality, service "
                      "and new products, which the firm controls, make **{fixable:.0%}** together: the reading's advice "
                      "is to separate the reasons and fix those that can be fixed. Lapsed customers who answer a survey "
                      "are a selected group; the reasons of those who did not answer may differ.",
    "loy_nb_nps_hand": "NPS by hand: {nps:.1f}",
    "loy_nb_nps": "NPS: {nps:.1f} ({conf:.0%} CI {lo:.1f} to {hi:.1f})",
    "loy_nb_nps_neg": "NPS = {promoters:.1%} promoters - {detractors:.1%} detractors = **{nps:.0f}** ({conf:.0%} "
                      "interval {lo:.0f} to {hi:.0f}): more customers would warn a friend off than recommend us.",
    "loy_nb_nps_pos": "NPS = {promoters:.1%} promoters - {detractors:.1%} detractors = **{nps:.0f}** ({conf:.0%} "
                      "interval {lo:.0f} to {hi:.0f}): more customers would recommend us than warn a friend off.",
    "loy_nb_nps_open": "The interval includes zero, so the sign is not settled.",
    "loy_nb_intent_rates": "Of the respondents with the lowest repurchase intention ({lo_level}), **{lo:.0%}** bought on "
                           "two or more days in 2025; of those with the highest ({hi_level}), **{hi:.0%}**.",
    "loy_nb_intent_corr": "Cross-purchase intention goes with the number of categories bought in 2025 (Spearman rho "
                          "{r_cross:.2f}); the recommendation intention agrees with the 0-10 NPS answer (rho {r_rec:.2f}).",
    "loy_nb_intent_some": "Intentions predict behaviour on average, but far from perfectly: the gap between what "
                          "customers say and what they do is the subject of the next section.",
    "loy_nb_intent_poor": "Here intentions are a poor guide to behaviour: the gap between what customers say and what "
                          "they do is the subject of the next section.",
    "loy_nb_trap_jump": "**{r5:.0%}** of the completely satisfied stayed loyal, against **{r4:.0%}** of those who "
                        "answered 4 ({ratio:.1f} times; difference {d:+.0f} points, Newcombe interval {lo:+.0f} to "
                        "{hi:+.0f}): loyalty jumps at the top box, as Jones & Sasser and the Xerox data say.",
    "loy_nb_trap_dip": "Below the top box the rate is not monotone: level {dip} ({dip_rate:.0%}) is above level 4, "
                       "because the hostages (dissatisfied but with no alternative) stay.",
    "loy_nb_trap_flat": "Below the top box the rate changes little (from {first:.0%} at level {first_level} to {r4:.0%} "
                        "at 4); the hostages (dissatisfied but with no alternative) keep the low levels from falling "
                        "to zero.",
    "loy_nb_bain_inside": "Bain found that 65%-85% of customers who defect had said they were satisfied or very "
                          "satisfied; here **{share:.0%}** of those who did not stay had answered 4 or 5, inside "
                          "Bain's range.",
    "loy_nb_bain_below": "Bain found that 65%-85% of customers who defect had said they were satisfied or very "
                         "satisfied; here **{share:.0%}** of those who did not stay had answered 4 or 5, below Bain's "
                         "range: this synthetic customer base does not reproduce it.",
    "loy_nb_bain_above": "Bain found that 65%-85% of customers who defect had said they were satisfied or very "
                         "satisfied; here **{share:.0%}** of those who did not stay had answered 4 or 5, above Bain's "
                         "range: this synthetic customer base does not reproduce it.",
    "loy_nb_trap_once": "Satisfaction measured once is not loyalty.",
    "loy_nb_tol_types": "Apostles accept a **{apostle:.1f}%** price rise on average, mercenaries **{mercenary:.1f}%**: "
                        "the most tolerant type is {most}, the least {least}.",
    "loy_nb_tol_separates": "Price tolerance separates the loyal from the merely satisfied where satisfaction alone "
                            "cannot.",
    "loy_nb_tol_no_separation": "Here price tolerance does not separate the apostles from the mercenaries.",
    "loy_nb_groups": "**{loyal}** respondents are long-term loyal and {switch} long-term but may switch; {may} non-users "
                     "may become customers. Each group needs a different action: keep the long-term loyal, protect "
                     "those who may switch, give occasional buyers a reason to buy more, and spend acquisition money "
                     "only on the non-users who are open to us.",
    "loy_nb_agree": "**{agree:.0%}** of the respondents get their true type. The largest mix-up: **{mix:.0%}** of the "
                    "respondents whose true type is {true} ({k} of {n}) are estimated as {est}. Typical errors: "
                    "mercenaries who answered 4 fall below the top box and count as defectors; loyal customers who "
                    "happened to buy little in the year after the survey look disloyal; the line between apostle and "
                    "loyalist depends on one answer. One year of behaviour and one survey are a noisy measure of a "
                    "lasting attitude, which is Oliver's point.",
    # notebook 03: column and index headers shown in Chinese (crmlab.labels.show(table, lang, "loy_col_"));
    # English tables keep the code's own names
    "loy_col_n": "n",
    "loy_col_repeat": "repeat customers",
    "loy_col_rate": "rate",
    "loy_col_ci_low": "CI low",
    "loy_col_ci_high": "CI high",
    "loy_col_channel": "first channel",
    "loy_col_count": "customers",
    "loy_col_recency": "recency (days)",
    "loy_col_frequency": "frequency",
    "loy_col_monetary": "monetary value",
    "loy_col_rfm_cell": "RFM cell",
    "loy_col_rfm_score": "RFM score",
    "loy_col_segment": "RFM segment",
    "loy_col_customer_id": "customer id",
    "loy_col_size": "customers",
    "loy_col_mean": "mean spend",
    "loy_col_amount": "sales",
    "loy_col_margin": "margin",
    "loy_col_decile": "decile",
    "loy_col_customers": "customers",
    "loy_col_sales": "sales",
    "loy_col_profit": "profit",
    "loy_col_sales_share": "share of sales",
    "loy_col_profit_share": "share of profit",
    "loy_col_cum_sales_share": "cumulative share of sales",
    "loy_col_cum_profit_share": "cumulative share of profit",
    "loy_col_target": "target group",
    "loy_col_churned": "churned",
    "loy_col_lost_margin": "lost margin",
    "loy_col_lost_per_churned": "lost margin per churned customer",
    "loy_col_value_per_point": "value of one point less churn",
    "loy_col_group": "group",
    "loy_col_promoters": "promoters",
    "loy_col_passives": "passives",
    "loy_col_detractors": "detractors",
    "loy_col_nps": "NPS",
    "loy_col_repurchase_intent": "repurchase intention",
    "loy_col_stayed": "stayed loyal",
    "loy_col_cross_purchase_intent": "cross-purchase intention",
    "loy_col_categories_next": "categories bought in the next year",
    "loy_col_recommend_intent": "recommendation intention",
    "loy_col_price_tolerance": "price tolerance (%)",
    "loy_col_jones_sasser": "Jones & Sasser type",
    "loy_col_respondents": "respondents",
    "loy_col_satisfaction": "satisfaction",
    "loy_col_top box (5)": "top box (5)",
    "loy_col_4 or 5": "4 or 5",
    "loy_col_loyalty_group": "loyalty group",
})
LABELS.update({
    "loy_widget_type_count": "{type} {n}",  # trap_explorer's line: one Jones & Sasser type and its count
})
LABELS.update({
    # exercises/03_loyalty.ipynb: the printed lines and the Q6 model answer of the solution
    "loy_ex_data": "{n_tx} transactions, {n_customers} customers, {n_survey} survey respondents",
    "loy_ex_q6_gap": "online - store: {d:+.1f} points, 95% interval {lo:+.1f} to {hi:+.1f}",
    "loy_ex_q6_model_excludes": (
        "Online churn is {d:.1f} points above store churn, and the 95% interval of the difference "
        "({lo:.1f} to {hi:.1f} points) excludes zero; it is the largest of three channel gaps, so a "
        "Bonferroni-corrected interval is the fairer test. But one point less churn is worth {online:.0f} CNY a "
        "year online against {store:.0f} CNY in the stores, because store customers are more numerous and bring "
        "more margin. The most common reason for leaving is \"{reason}\" ({share:.0%}); quality and service, which "
        "we control, follow. I would not move the whole budget: fix the controllable causes for everyone, and "
        "target retention offers online only where a competitor's offer is the reason and the offer costs less "
        "than the margin it keeps."),
    "loy_ex_q6_model_includes": (
        "Online churn is {d:.1f} points above store churn, and the 95% interval of the difference "
        "({lo:.1f} to {hi:.1f} points) includes zero; it is the largest of three channel gaps, so a "
        "Bonferroni-corrected interval is the fairer test. But one point less churn is worth {online:.0f} CNY a "
        "year online against {store:.0f} CNY in the stores, because store customers are more numerous and bring "
        "more margin. The most common reason for leaving is \"{reason}\" ({share:.0%}); quality and service, which "
        "we control, follow. I would not move the whole budget: fix the controllable causes for everyone, and "
        "target retention offers online only where a competitor's offer is the reason and the offer costs less "
        "than the margin it keeps."),
    "loy_col_churn_reason": "churn reason",
    "loy_col_proportion": "share",
    "loy_col_value_per_point": "value of one point less churn",
})
LABELS.update({
    # exercise 03: the checks' hints (crmlab/loyalty/checks.py)
    "loy_hint_q1": "a repeat customer bought on two or more different days; several purchases on one day are one "
                   "purchase occasion. Give a share between 0 and 1.",
    "loy_hint_q1_rows": "you counted rows; count distinct purchase days per customer instead.",
    "loy_hint_q2": "the deciles are formed by sales, but the question asks for those customers' share of the total "
                   "profit. Give a share between 0 and 1.",
    "loy_hint_q3": "only people who answered the question count; NPS is the share of promoters minus the share of "
                   "detractors, on a -100 to 100 scale.",
    "loy_hint_q4": "a customer's group is the channel of their first purchase; churned = no purchase in the 180 days "
                   "before the survey date. Give the difference in percentage points.",
    "loy_hint_q4_base": "close - the method is right but the base is not: count only the customers who could have "
                        "churned, those acquired at least 180 days before the survey date.",
    "loy_hint_q5": "loyal means two or more purchase days in the year after the survey (0 for none); the top box is the "
                   "highest answer only. Give a share between 0 and 1.",
    "loy_hint_q5_top_two": "you took the top two boxes (4 and 5); the top box is 5 only.",
})
LABELS.update({
    # the data dictionary (crmlab.datasets.describe(name, "zh")): the spec's English without its bracketed
    # Chinese term, and the unit where it is words (tests/test_zh_edition.py compares them with the specs)
    "dd_loyalty_survey__customer_id": "Customer number (same ids as loyalty_transactions)",
    "dd_loyalty_survey__customer_id__unit": "id",
    "dd_loyalty_survey__customer": "Has bought from us (1) or is a prospect / non-user (0)",
    "dd_loyalty_survey__satisfaction": "Overall satisfaction: 1 = very dissatisfied ... 5 = very satisfied",
    "dd_loyalty_survey__satisfaction__unit": "1-5, empty for prospects",
    "dd_loyalty_survey__recommend": "Likelihood to recommend us to a friend (NPS question)",
    "dd_loyalty_survey__recommend__unit": "0-10, empty for prospects",
    "dd_loyalty_survey__repurchase_intent": "Repurchase intention; for prospects: intention to buy",
    "dd_loyalty_survey__cross_purchase_intent": "Cross-purchase intention: buy other categories from us",
    "dd_loyalty_survey__cross_purchase_intent__unit": "1-5, empty for prospects",
    "dd_loyalty_survey__recommend_intent": "Recommendation intention",
    "dd_loyalty_survey__recommend_intent__unit": "1-5, empty for prospects",
    "dd_loyalty_survey__price_tolerance": "Price rise (percent) the customer would accept before switching",
    "dd_loyalty_survey__churn_reason": "Main reason for buying less, asked only of customers with no purchase in the "
                                       "180 days before the survey: unstable quality, no new products, poor service, "
                                       "their contact left our staff, a competitor's offer, short-term actions that "
                                       "put them off",
    "dd_loyalty_survey__churn_reason__unit": "quality / no_innovation / service / staff_left / competitor_offer / "
                                             "short_term; empty unless lapsed",
    "dd_loyalty_transactions__customer_id": "Customer number (same ids as loyalty_survey)",
    "dd_loyalty_transactions__customer_id__unit": "id",
    "dd_loyalty_transactions__date": "Purchase date",
    "dd_loyalty_transactions__date__unit": "2023-01-01 to 2025-12-31",
    "dd_loyalty_transactions__amount": "Sales amount of the purchase",
    "dd_loyalty_transactions__amount__unit": "CNY",
    "dd_loyalty_transactions__margin": "Gross profit of the purchase; may be negative on deep discounts",
    "dd_loyalty_transactions__margin__unit": "CNY",
    "dd_loyalty_transactions__channel": "Where the purchase was made",
    "dd_loyalty_transactions__channel__unit": "store / online / app",
    "dd_loyalty_transactions__category": "Product category",
    "dd_loyalty_transactions__category__unit": "grocery / household / personal_care / apparel / electronics",
})
