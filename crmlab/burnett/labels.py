"""Labels for topic 4, the Burnett key-customer matrix (keys start with ``bm_``)."""

from crmlab.burnett.core import ATTRACTIVENESS_CATALOGUE

LABELS = {f"bm_{ind}": en for _g, ind, _w, en in ATTRACTIVENESS_CATALOGUE}
LABELS.update({
    # factor groups
    "bm_business": "Customer business status",
    "bm_products": "Customer's products/services",
    "bm_industry": "Customer's industry",
    "bm_joint_profit": "Potential for joint profit",
    # relationship indicators
    "bm_wallet_share": "Wallet share",
    "bm_share_trend": "3-year trend of wallet share",
    "bm_contact": "Contact frequency and breadth",
    "bm_years": "Length of relationship",
    "bm_price": "Their view of our price competitiveness",
    "bm_service": "Their rating of our service quality",
    "bm_technology": "Their rating of our technical strength",
    # axes and levels
    "bm_attractiveness": "Customer attractiveness",
    "bm_relationship": "Relationship status",
    "bm_attractiveness_axis": "Customer attractiveness index (1-5)",
    "bm_relationship_axis": "Relationship status index (1-5)",
    "bm_low": "Low",
    "bm_medium": "Medium",
    "bm_high": "High",
    "bm_poor": "Poor",
    "bm_average": "Average",
    "bm_good": "Good",
    # strategies
    "bm_develop_defend": "Develop and defend",
    "bm_develop": "Develop",
    "bm_selective_defence": "Selective defence",
    "bm_defend_maintain": "Defend and maintain",
    "bm_selective_maintenance": "Selective maintenance",
    "bm_minimal_maintenance": "Minimal maintenance",
    "bm_exit": "Exit",
    "bm_strategy": "Strategy",
    # readings of the relationship
    "bm_loyal": "Our loyal customer",
    "bm_competitive": "Competitive (split) customer",
    "bm_convertible": "Convertible customer",
    "bm_competitors_loyal": "Competitor's loyal customer",
    # growth matrix
    "bm_customers": "Customers",
    "bm_products_axis": "Products/services",
    "bm_existing_customers": "Existing customers",
    "bm_new_customers": "New customers",
    "bm_existing_products": "Existing products/services",
    "bm_new_products": "New products/services",
    "bm_growth_loyalty": "Customer loyalty: consolidate and deepen",
    "bm_growth_expansion": "Customer expansion: new products raise customer value (cross-selling)",
    "bm_growth_acquisition": "Customer acquisition: win new customers (and referrals)",
    "bm_growth_diversification": "Customer diversification: new products for new customers",
    # life-cycle strategies
    "bm_partner": "Partner",
    "bm_stage": "Stage",
    "bm_attract": "Attract",
    "bm_retain": "Retain",
    "bm_extend": "Extend",
    "bm_exploit": "Fully exploit",
    "bm_lc_customers": "Customers",
    "bm_lc_suppliers": "Suppliers",
    "bm_lc_channels": "Channel partners",
    "bm_lc_employees": "Employees",
    "bm_lc_customers_attract": "Spend on acquisition; promotion and direct sales; stress referrals and references",
    "bm_lc_customers_retain": "Stress quality, choice and convenience; better service; loyalty programmes",
    "bm_lc_customers_extend": "Enter new product markets; complementary services; new channels and touch points",
    "bm_lc_customers_exploit": "Referral partners; resell third-party products; raise prices to raise profit",
    "bm_lc_suppliers_attract": "Find the suppliers that best fit our needs and capabilities; develop and train them",
    "bm_lc_suppliers_retain": "Raise suppliers' profitability through joint plans; share risk and reward",
    "bm_lc_suppliers_extend": "Consolidate the supplier base; closer ties; wider supply relationships",
    "bm_lc_suppliers_exploit": "Build an end-to-end virtual manufacturing system; reach the suppliers' suppliers",
    "bm_lc_channels_attract": "Sales incentives; invest in channel marketing and co-operative advertising",
    "bm_lc_channels_retain": "Raise resellers' profitability by joint marketing; support and train them",
    "bm_lc_channels_extend": "Manage resellers' stock and processes; invest in their market coverage",
    "bm_lc_channels_exploit": "Use the resellers' partner networks; link third parties with channel partners",
    "bm_lc_employees_attract": "Invest in hiring and referrals; signing bonuses and other incentives",
    "bm_lc_employees_retain": "Training and learning; retention incentives such as options; promotion",
    "bm_lc_employees_extend": "Broaden skills and experience; boundary-spanning roles",
    "bm_lc_employees_exploit": "Coach and mentor new staff; capture tacit knowledge for organisational learning",
    # core-customer strategies and tactics
    "bm_core_strategy": "Strategy for core customers",
    "bm_tactic": "Tactic",
    "bm_entry_barriers": "Raise competitors' entry barriers",
    "bm_entry_barriers_1": "Competitive low prices",
    "bm_entry_barriers_2": "Excellent products and applications",
    "bm_entry_barriers_3": "Electronic links and relationship networks",
    "bm_entry_barriers_4": "Pricing based on the whole business",
    "bm_entry_barriers_5": "Long-term co-operation plans",
    "bm_build_trust": "Build trust",
    "bm_build_trust_1": "Routine company visits at every level",
    "bm_build_trust_2": "Social events and entertainment",
    "bm_build_trust_3": "Frequent contact",
    "bm_build_trust_4": "Support the customer's special events",
    "bm_build_trust_5": "Keep promises",
    "bm_build_trust_6": "Early warning of future problems",
    "bm_build_trust_7": "Involve senior management",
    "bm_build_trust_8": "Flexibility and emotional commitment",
    "bm_joint_projects": "Joint win-win projects",
    "bm_joint_projects_1": "Joint project teams",
    "bm_joint_projects_2": "Share researchers and equipment",
    "bm_joint_projects_3": "Share databases",
    "bm_joint_projects_4": "Co-fund risky projects",
    "bm_exit_barriers": "Raise the customer's exit barriers",
    "bm_exit_barriers_1": "Technical dependence on us",
    "bm_exit_barriers_2": "Priority allocation and discounts",
    "bm_exit_barriers_3": "Long-term supply contracts",
    "bm_exit_barriers_4": "A customer club",
    "bm_exit_barriers_5": "Unique product design combinations",
    "bm_exit_barriers_6": "Invest in the customer's family or cultural group",
    "bm_exit_barriers_7": "Special training support",
    "bm_exit_barriers_8": "Move into shared offices",
    # scoring rules of the relationship indicators (relationship_catalogue's score_rule)
    "bm_rule_wallet_share": "share of the account's category spend: <10% ->1, 10-25% ->2, 25-45% ->3, 45-70% ->4, >=70% ->5",
    "bm_rule_share_trend": 'change in share over 3 years: < -10 pts ->1, -10..-2 ->2, -2..+2 ->3, +2..+10 ->4, >= +10 pts ->5',
    "bm_rule_contact": 'mean of two bands: contacts/month <1 ->1, 1-2 ->2, 2-4 ->3, 4-8 ->4, >=8 ->5; breadth 1, 2, 3, 4, >=5 functions/levels -> 1..5',
    "bm_rule_years": 'years: <1 ->1, 1-3 ->2, 3-5 ->3, 5-10 ->4, >=10 ->5',
    "bm_rule_price": "the account's 1-5 rating, used as is",
    "bm_rule_service": "the account's 1-5 rating, used as is",
    "bm_rule_technology": "the account's 1-5 rating, used as is",
    # weight sources (attractiveness_catalogue's weight_source)
    "bm_source_reading": "reading (Burnett 2002)",
    "bm_source_illustrative": "illustrative (kit default)",
    # a cell of the matrix ("high/good")
    "bm_cell_label": "{attractiveness} / {relationship}",
    # rater agreement, budget, CLV, share trend (issue 15)
    "bm_matrix_title_finding": "{cell} ({strategy}) holds the most sales: {share:.0%} ({n} accounts)",
    "bm_size_key": "Annual sales (10k CNY)",
    "bm_disagreement_finding": "{account} divides the experts most: SD {top:.2f} vs median {median:.2f}",
    "bm_sensitivity_finding": "{indicator} moves the most accounts: {moved} of {n} when its weight moves by {delta:.2f}",
    "bm_confusion_finding": "{agree:.0%} in the true cell; {one_off} of {wrong} misplaced are one level off on one axis",
    "bm_share_trend_title": "Wallet share over 3 years: {up} accounts gained and {down} lost more than 2 points",
    "bm_share_3y_axis": "Wallet share three years ago",
    "bm_share_now_axis": "Wallet share now",
    "bm_share_gained": "Gained > 2 points",
    "bm_share_stable": "Within 2 points",
    "bm_share_lost": "Lost > 2 points",
    "bm_no_change": "No change",
    "bm_budget_title": "Budget vs sales per cell: {cell} gets {budget:.0%} of the budget for {sales:.0%} of sales",
    "bm_budget_share": "Share of the budget",
    "bm_sales_share": "Share of sales",
    # plots and widget
    "bm_matrix_title": "Burnett matrix: {n} accounts, bubble = annual sales",
    "bm_revenue": "Annual sales (10k CNY)",
    "bm_disagreement_title": "Expert disagreement per account",
    "bm_disagreement_axis": "Mean SD across experts (points)",
    "bm_account": "Account",
    "bm_sensitivity_title": "Accounts changing cell when a weight moves by {delta:.2f}",
    "bm_accounts_changed": "Accounts changing cell",
    "bm_weight_up": "Weight up",
    "bm_weight_down": "Weight down",
    "bm_confusion_title": "Estimated vs true cell: {agree:.0%} agree",
    "bm_true_cell": "True cell (generator)",
    "bm_estimated_cell": "Estimated cell",
    "bm_widget_line": "{changed} of {n} accounts changed cell vs the default weights and cuts",
    "bm_weights_zero": "Give at least one group a weight above 0.",
    "bm_cut_order": "The low cut must be below the high cut.",
    "bm_low_cut": "Low cut",
    "bm_high_cut": "High cut",
})

# notebook 04: printed lines and Markdown sentences (bm_nb_*), filled by t(key, lang, **numbers)
LABELS.update({
    "bm_nb_data": "Accounts: {n}, experts: {k}, expert scores: {m} ({missing} missing)",
    "bm_nb_top20": "Top 20% of accounts: {share:.1%} of sales",
    "bm_nb_pareto_helper": "bm.pareto_share:     {share:.1%}",
    "bm_nb_pareto": "A fifth of the accounts brings **{share}** of our sales: {side} the proverbial 80%, and {times:.1f} "
                    "times the fifth an even spread would give. But sales alone say nothing about the future of an "
                    "account or about how firmly we hold it; that is what the two dimensions of the Burnett matrix add.",
    "bm_nb_below": "below",
    "bm_nb_at_or_above": "at or above",
    "bm_nb_groups": "Weights per factor group: {items}",
    "bm_nb_attr_hand": "Attractiveness of {account} by hand: {v:.3f}",
    "bm_nb_attr_helper": "Attractiveness of {account} by the helper: {v:.3f}",
    "bm_nb_attr_range": "Attractiveness over all accounts: mean {mean:.2f}, min {lo:.2f}, max {hi:.2f}",
    "bm_nb_agree_same": "The hand computation and the helper agree: {v:.3f} both, and the two unrounded sums differ "
                        "by {gap:.0e} (below 1e-9, the size of a floating-point representation error).",
    "bm_nb_agree_differ": "The hand computation ({hand:.6f}) and the helper ({helper:.6f}) differ by {gap:.2g}: "
                          "look for a step done differently.",
    "bm_nb_inside": "Every index lies inside the 1-5 scale, as the weights guarantee.",
    "bm_nb_outside": "Some index lies outside 1-5: check the weights.",
    "bm_nb_disagree": "Median disagreement: {median:.2f} points; largest: {account} ({top:.2f})",
    "bm_nb_controversial": "Controversial accounts found among the top {k} by disagreement: {found} of {k}",
    "bm_nb_icc_hand": "Volume, {n} accounts scored by all {k} experts: ICC(2,1) by hand {icc:.3f}",
    "bm_nb_icc_helper": "bm.rater_agreement, volume: ICC(2,1) {icc:.3f}",
    "bm_nb_band_poor": "poor",
    "bm_nb_band_moderate": "moderate",
    "bm_nb_band_good": "good",
    "bm_nb_band_excellent": "excellent",
    "bm_nb_lenient_visible": "a visible part of the disagreement is leniency, a shift of the whole scale (below)",
    "bm_nb_lenient_little": "leniency, a shift of the whole scale (below), explains only a little of the disagreement",
    "bm_nb_lenient_none": "leniency explains none of the disagreement",
    "bm_nb_icc_one": "The agreement of one expert with another is **{band}**: the median ICC(2,1) over the {m} "
                     "indicators is {median:.2f} (lowest: {worst}, {worst_icc:.2f}).",
    "bm_nb_icc_panel": "The panel's mean is more reliable: median ICC(2,k) {panel:.2f} ({panel_band}), which is why "
                       "the index averages {k} experts instead of asking one.",
    "bm_nb_icc_higher": "Consistency is higher than absolute agreement (by {gap:.3f} on average): {lenient}.",
    "bm_nb_icc_not_higher": "Consistency is not higher than absolute agreement (by {gap:.3f} on average): {lenient}.",
    "bm_nb_kendall": "Kendall's W, median {w:.2f}, says the experts order the accounts {how} alike.",
    "bm_nb_largely": "largely",
    "bm_nb_weakly": "only weakly",
    "bm_nb_bands_note": "The bands (poor below 0.5, moderate to 0.75, good to 0.9) are Koo & Li's (2016) rule of "
                        "thumb, not a law; what counts is whether an account's cell survives the disagreement "
                        "(sections 10 and 11).",
    "bm_nb_shift": "Index shift after removing leniency: from {lo:+.3f} to {hi:+.3f} (range {rng:.3f}); {missing} "
                   "expert scores are missing",
    "bm_nb_len_complete": "Every expert scored every account, so removing leniency would shift every index by the "
                          "same amount apart from the few scores clipped at 1 or 5.",
    "bm_nb_len_missing": "{missing:,} of {total:,} scores are missing ({share}), so leniency does not shift all "
                         "indices alike: removing it moves the indices by between {lo:+.3f} and {hi:+.3f}, a range "
                         "of {rng:.3f} points (clipping at 1 and 5 adds a little).",
    "bm_nb_near_none": "{n} accounts lie that close to an attractiveness cut point, so leniency decides no cell "
                       "here; complete scoring keeps it that way.",
    "bm_nb_near_one": "{n} account lies that close to an attractiveness cut point, so for them the missing scores, "
                      "through leniency, can decide the cell: correct for leniency (or insist on complete scoring) "
                      "before placing them.",
    "bm_nb_near_many": "{n} accounts lie that close to an attractiveness cut point, so for them the missing scores, "
                       "through leniency, can decide the cell: correct for leniency (or insist on complete scoring) "
                       "before placing them.",
    "bm_nb_median_in": "Mean vs median panel: mean difference {mean:.3f}, largest {top:.3f} (at {account}, one of "
                       "the accounts the experts disagree on most)",
    "bm_nb_median_out": "Mean vs median panel: mean difference {mean:.3f}, largest {top:.3f} (at {account}, not "
                        "among the accounts the experts disagree on most)",
    "bm_nb_band_hand": "{account}: wallet share {share:.3f} -> score {s}; trend {trend:+.3f} -> score {ts}",
    "bm_nb_rel_index": "Relationship index of {account}: {v:.3f} (scores {scores})",
    "bm_nb_trend": "{gained} accounts gained more than 2 points of share over three years and {lost} lost more "
                   "than 2; the mean share went from {then} to {now}.",
    "bm_nb_trend_more_lost": "More accounts are slipping away than being won: the losers are where the "
                             "relationship needs attention first, whatever their current share.",
    "bm_nb_trend_equal": "As many accounts are being lost as won, and the losers are where the relationship needs "
                         "attention first, whatever their current share.",
    "bm_nb_trend_more_won": "More accounts are being won than lost, but the losers are where the relationship "
                            "needs attention first, whatever their current share.",
    "bm_nb_volume_db": "Volume from the database vs the panel: Spearman {rho:.2f}, within one point {within:.1%}; "
                       "{moved} accounts change cell",
    "bm_nb_similarly": "similarly",
    "bm_nb_differently": "differently",
    "bm_nb_db_text": "The database rule and the experts rank the accounts {how} (Spearman {rho:.2f}; {within} of "
                     "the accounts within one point), and using the rule instead of the panel moves {moved} of {n} "
                     "accounts to another cell. The rule is not the same measure: *our* sales are the customer's "
                     "volume times *our* wallet share, so a strong customer that buys little from us scores low. A "
                     "good database rule measures the customer's total purchases in our category (our sales "
                     "divided by our share, where the share is known), and keeps the experts for what the database "
                     "cannot see.",
    "bm_nb_develop_count": "Accounts to develop (and defend): {k} of {n} ({share:.0%}), bringing {sales:.0%} of sales",
    "bm_nb_exit_count": "Accounts to exit: {exit}; to keep with minimal effort: {minimal}",
    "bm_nb_plan": "The resource plan in counts: develop (and defend) **{k}** accounts ({share} of them) that bring "
                  "{sales} of sales, keep {minimal} with minimal effort and exit {exit}. The relationship reading "
                  "and the cell answer different questions.",
    "bm_nb_conv_where_many": "{sel} of them in *selective defence* (poor relationship)",
    "bm_nb_conv_where_in": "in *selective defence* (poor relationship)",
    "bm_nb_conv_where_out": "not in *selective defence*",
    "bm_nb_conv_many": "{k} convertible accounts (buying little from us, rating us well) sit in the "
                       "high-attractiveness column, {where}. Those are the prime targets: if we win more of their "
                       "business, their relationship rises and their cell moves up, from *selective defence* to "
                       "*develop*.",
    "bm_nb_conv_one": "{k} convertible account (buying little from us, rating us well) sits in the "
                      "high-attractiveness column, {where}. Those are the prime targets: if we win more of their "
                      "business, their relationship rises and their cell moves up, from *selective defence* to "
                      "*develop*.",
    "bm_nb_conv_none": "No convertible account (buying little from us, rating us well) sits in the "
                       "high-attractiveness column here; where one does, it is a prime target: winning more of its "
                       "business lifts its relationship and moves its cell up, from *selective defence* to *develop*.",
    "bm_nb_clv": "CLV (10k CNY, discount {d:.0%}): median {median:.1f}, top account {account} ({top:.1f})",
    "bm_nb_clv_rho": "CLV score vs the experts' profit potential: Spearman {rho:.2f}; {moved} accounts change cell",
    "bm_nb_clv_corr": "Correlation of attractiveness with relationship: {before:.2f} without CLV, {after:.2f} with CLV",
    "bm_nb_clv_text": "CLV and the experts' profit potential rank the accounts {how} (Spearman {rho:.2f}), and the "
                      "swap moves {moved} of {n} accounts to another cell.",
    "bm_nb_clv_twice": "Mind what CLV contains: retention, which is part of the *relationship*. With CLV the two "
                       "axes correlate {after:.2f} instead of {before:.2f}, so the matrix starts to count the "
                       "relationship twice.",
    "bm_nb_clv_hardly": "Mind what CLV contains: retention, which is part of the *relationship*. With CLV the two "
                        "axes correlate {after:.2f} instead of {before:.2f}, hardly different here, but a CLV driven "
                        "mostly by retention would make the matrix count the relationship twice.",
    "bm_nb_clv_choice": "CLV measures what the account is worth to us as we serve it now; Burnett's attractiveness "
                        "asks what it could be worth, so the option is a choice to state, not a correction.",
    "bm_nb_budget_text": "The develop cells get {dev_budget} of the {budget:,.0f} budget for {dev_sales} of today's "
                         "sales; the largest single amount, {top:,.1f}, goes to {cell} ({strategy}), {per:.1f} per "
                         "account against {even:.1f} per account in an even spread. The budget follows the "
                         "strategy, not past sales: that is the point of the matrix, and the effort points are a "
                         "judgement to argue about, not a finding.",
    "bm_nb_volume_up": "Volume weight {w0:.2f} -> {w1:.2f}: {n} accounts change cell",
    "bm_nb_most_sensitive": "Most sensitive indicator: {indicator}; at most {k} of {n} accounts change cell",
    "bm_nb_tertiles": "Tertile cuts: attractiveness {a}, relationship {r}; {moved} accounts change cell",
    "bm_nb_matter_more": "matter more",
    "bm_nb_matter_no_more": "matter no more",
    "bm_nb_cuts_text": "Moving a single weight by {delta:.2f} moves at most {k} of {n} accounts ({share}): only those "
                       "lying next to a cut point. The cut points themselves {matter}: tertiles instead of the fixed "
                       "2.5 and 3.5 move {moved} accounts. Fixed cuts keep the meaning of \"high\" stable from year "
                       "to year; tertiles always fill every level, so some account is always \"high\" even in a "
                       "weak portfolio.",
    "bm_nb_truth": "Cells agreeing with the truth: {agree:.1%}; mean error of the attractiveness index: {err:.3f}",
    "bm_nb_misplaced": "Misplaced: {k}; one level off on one axis: {one}; further: {far}",
    "bm_nb_all_right": "Every account is in its true cell.",
    "bm_nb_wrong": "Of the {k} misplaced accounts, {one} sit in a neighbouring cell of the grid (one level off on "
                   "one axis) and {far} further away.",
    "bm_nb_wrong_near": "A misplaced account lies a median {near_wrong:.2f} points from the nearest cut point, "
                        "against {near_right:.2f} for the accounts placed right: the errors come from accounts "
                        "close to a cut, where a little expert noise tips them over.",
    "bm_nb_wrong_spread": "A misplaced account lies a median {near_wrong:.2f} points from the nearest cut point, "
                          "against {near_right:.2f} for the accounts placed right: here the errors are not "
                          "concentrated at the cuts.",
    "bm_nb_heat_far": "In the 9 x 9 heat map a grid neighbour is not always next to the diagonal: {k} of the "
                      "one-level errors lie two or more rows from it (e.g. {account}: estimated {est}, true {true}, "
                      "{rows} rows apart), because the table lists the nine cells in one line.",
    "bm_nb_heat_near": "Here every one-level error also sits next to the diagonal of the heat map.",
    "bm_nb_more_experts": "Re-run with more experts (`n_experts`) and compare the agreement.",
})

# notebook 04 and exercise 04: table headers shown in Chinese (crmlab.labels.show(table, lang, "bm_col_"));
# English tables keep the code's own column names, which students type
LABELS.update({f"bm_col_{ind}": en for _g, ind, _w, en in ATTRACTIVENESS_CATALOGUE})
LABELS.update({
    "bm_col_account_id": "account",
    "bm_col_industry": "industry",
    "bm_col_revenue": "annual sales (10k CNY)",
    "bm_col_wallet_share": "wallet share",
    "bm_col_wallet_share_3y": "wallet share 3 years ago",
    "bm_col_contact_per_month": "contacts per month",
    "bm_col_contact_breadth": "breadth of contact",
    "bm_col_relationship_years": "years of relationship",
    "bm_col_price_rating": "price rating",
    "bm_col_service_rating": "service rating",
    "bm_col_tech_rating": "technology rating",
    "bm_col_gross_margin": "gross margin",
    "bm_col_retention": "retention",
    "bm_col_group": "group",
    "bm_col_group_label": "factor group",
    "bm_col_indicator": "indicator",
    "bm_col_label": "name",
    "bm_col_weight": "weight",
    "bm_col_weight_source": "weight source",
    "bm_col_expert": "expert",
    "bm_col_score": "score",
    "bm_col_weighted": "weighted value",
    "bm_col_disagreement": "disagreement",
    "bm_col_n_accounts": "accounts",
    "bm_col_n_dropped": "left out",
    "bm_col_icc_agreement": "ICC(2,1) agreement",
    "bm_col_icc_consistency": "ICC(3,1) consistency",
    "bm_col_icc_panel": "ICC(2,k) panel",
    "bm_col_kendall_w": "Kendall's W",
    "bm_col_mean_deviation": "mean deviation",
    "bm_col_true_bias_centred": "true bias (centred)",
    "bm_col_input": "input",
    "bm_col_score_rule": "scoring rule",
    "bm_col_share_trend": "share trend",
    "bm_col_contact": "contact",
    "bm_col_years": "years",
    "bm_col_price": "price",
    "bm_col_service": "service",
    "bm_col_technology": "technology",
    "bm_col_attractiveness": "attractiveness",
    "bm_col_relationship": "relationship",
    "bm_col_cell_label": "cell",
    "bm_col_strategy_label": "strategy",
    "bm_col_reading_label": "reading",
    "bm_col_clv": "CLV",
    "bm_col_accounts": "accounts",
    "bm_col_effort": "effort points",
    "bm_col_budget": "budget",
    "bm_col_budget_per_account": "budget per account",
    "bm_col_revenue_share": "share of sales",
    "bm_col_budget_share": "share of the budget",
    "bm_col_cells_up": "cells changed (up)",
    "bm_col_strategy_up": "strategies changed (up)",
    "bm_col_cells_down": "cells changed (down)",
    "bm_col_strategy_down": "strategies changed (down)",
    "bm_col_distance": "levels off",
    # industries of the synthetic accounts
    "bm_ind_automotive": "automotive",
    "bm_ind_chemicals": "chemicals",
    "bm_ind_electronics": "electronics",
    "bm_ind_machinery": "machinery",
    "bm_ind_medical": "medical",
})

# exercise 04: printed lines, check hints and the model answer of Q7
LABELS.update({
    "bm_ex_data": "{n} accounts; the account to score by hand: {account}",
    "bm_ex_top_cell": "Cell with the most sales: {cell}; its strategy: {strategy}",
    "bm_hint_q1": "an indicator's panel score is the mean of the scores that were given (a missing score is left "
                  "out, not counted as 0); the index weights those 19 panel scores and adds them up.",
    "bm_hint_q2": "each raw value falls in one of five bands (a value on an edge belongs to the upper band); the "
                  "trend is the change in share over three years; contact averages its frequency and breadth "
                  "scores; the three ratings are scores already. Then weight the seven scores.",
    "bm_hint_q3_type": "the answer should be a Series of cells such as 'high/good', indexed by account_id.",
    "bm_hint_q3_index": "index the Series by account_id, one entry per account.",
    "bm_hint_q3_format": "write each cell as '<attractiveness level>/<relationship level>', e.g. 'high/good'; "
                         "these are not cells: {bad}.",
    "bm_hint_q3_cells": "{bad} account(s) are in another cell. An index equal to a cut point belongs to the upper "
                        "level; attractiveness comes first in the cell's name.",
    "bm_hint_q4": "add up our sales per cell (not the number of accounts) and read the strategy of the largest "
                  "cell in the default grid.",
    "bm_note_q4": "Is that where you would put most of the key-account effort? (Q6 and Q7 ask.)",
    "bm_hint_q5": "the new volume weight is {w:.2f}; the other 18 keep their proportions but shrink together so "
                  "that all 19 still add up to 1. Compare each account's cell before and after.",
    "bm_type_q5": "a whole number",
    "bm_hint_q6": "each account earns effort points by its strategy; a cell's budget is its share of all the "
                  "points times the budget (a cell's points = its accounts x the points of its strategy).",
    "bm_ex_q7_model": "The {cell} cell ({strategy}) gets {budget:.0%} of the budget but brings {sales:.0%} of "
                      "sales. That is the point of the matrix, not a mistake: the budget follows each cell's "
                      "strategy, which looks at the accounts' attractiveness (future potential) and how firmly we "
                      "hold them, while sales only record the past. {why} Before moving money I would check the "
                      "accounts near a cut point: in Q5 {q5} accounts changed cell when one weight moved, the "
                      "experts disagree on some accounts, and the effort points are our own judgement, so a "
                      "discussion round on the borderline accounts comes first.",
    "bm_ex_q7_more": "This cell gets more than its sales because its strategy invests in what the accounts could "
                     "become.",
    "bm_ex_q7_less": "This cell gets less than its sales because its strategy asks for less effort per account "
                     "than the cells we develop and defend; its accounts buy a lot today, but the plan puts the "
                     "extra effort elsewhere.",
})

# data dictionary (datasets/README.md, datasets.describe(name, lang)): the spec's English without its bracketed term
LABELS.update({
    "dd_burnett_accounts__account_id": "Account identifier",
    "dd_burnett_accounts__account_id__unit": "id",
    "dd_burnett_accounts__industry": "The account's industry",
    "dd_burnett_accounts__industry__unit": "name",
    "dd_burnett_accounts__revenue": "Our annual sales to the account",
    "dd_burnett_accounts__wallet_share": "Our share of the account's spending in our category now",
    "dd_burnett_accounts__wallet_share_3y": "Our wallet share three years ago",
    "dd_burnett_accounts__contact_per_month": "Frequency of contact with the account",
    "dd_burnett_accounts__contact_per_month__unit": "contacts per month",
    "dd_burnett_accounts__contact_breadth": "Breadth of contact: how many of the account's functions and levels we talk to",
    "dd_burnett_accounts__contact_breadth__unit": "1-6 functions/levels",
    "dd_burnett_accounts__relationship_years": "Length of the relationship",
    "dd_burnett_accounts__relationship_years__unit": "years",
    "dd_burnett_accounts__price_rating": "The account's rating of our price competitiveness",
    "dd_burnett_accounts__service_rating": "The account's rating of our service quality",
    "dd_burnett_accounts__tech_rating": "The account's rating of our technical strength",
    "dd_burnett_accounts__gross_margin": "Our gross margin on sales to the account (share of revenue)",
    "dd_burnett_accounts__retention": "Chance that the account buys from us again next year (the key-account "
                                      "team's estimate from its contract history)",
    "dd_burnett_expert_scores__account_id": "Account identifier (as in burnett_accounts)",
    "dd_burnett_expert_scores__account_id__unit": "id",
    "dd_burnett_expert_scores__expert": "Expert who gave the score",
    "dd_burnett_expert_scores__expert__unit": "E1, E2, ...",
    "dd_burnett_expert_scores__indicator": "Attractiveness indicator (see crmlab.burnett.attractiveness_catalogue())",
    "dd_burnett_expert_scores__indicator__unit": "name",
    "dd_burnett_expert_scores__score": "The expert's score: 5 = very attractive ... 1 = unattractive",
    "dd_burnett_expert_scores__score__unit": "1-5, may be empty",
})
