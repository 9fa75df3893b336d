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
LABELS.update({
    # notebooks/07_satisfaction_index_pls.ipynb: printed lines and sentences built from the numbers
    "pls_nb_block": "{construct:5s} {en:18s} {zh}  {questions}",
    "pls_nb_ecsi_paths": "ECSI paths: {paths}",
    "pls_nb_acsi_paths": "ACSI paths: {paths}",
    "pls_nb_respondents": "{n} respondents, segments: {counts}",
    "pls_nb_blocks_cohere": "Two questions of the same block correlate **{within:.2f}** on average, two questions of "
                            "different blocks **{between:.2f}**: the blocks do hang together more than they overlap.",
    "pls_nb_blocks_overlap": "Two questions of the same block correlate **{within:.2f}** on average, two questions of "
                             "different blocks **{between:.2f}**: the blocks do not hang together more than they "
                             "overlap.",
    "pls_nb_equal_scores": "Seven scores, largest |mean|: {mean:.3f}, sd: {sd:.3f}",
    "pls_nb_converged": "Converged: True after {iterations} iterations; n = {n}",
    "pls_nb_not_converged": "Converged: False after {iterations} iterations; n = {n}",
    "pls_nb_equal_vs_pls": "Equal weights and PLS weights give paths into satisfaction that differ by at most "
                           "**{largest:.3f}**: the questions of a block are similar, so their weights are similar too. "
                           "PLS's weights are the ones that make each construct's score agree best with its neighbours "
                           "in the model.",
    "pls_nb_sat_loadings": "SAT loadings by hand: {loadings}; AVE by hand: {ave:.3f}; helper: {helper:.3f}",
    "pls_nb_rho_c": "rho_c of SAT by hand: {by_hand:.3f}; helper: {helper:.3f}",
    "pls_nb_rel_weak": "Of the {k} blocks with several questions, **{names}** fall below 0.70 on at least one "
                       "reliability measure.",
    "pls_nb_rel_ok": "Of the {k} blocks with several questions, every one reaches 0.70 on all three reliability "
                     "measures.",
    "pls_nb_rel_redundant": "{names} exceed 0.95 (read by Hair et al. 2022 as questions that may repeat each other).",
    "pls_nb_rel_not_redundant": "None exceeds 0.95.",
    "pls_nb_ave_weak": "The AVE of {names} is below 0.5.",
    "pls_nb_ave_ok": "Every AVE is above 0.5 (lowest: {lowest}, {value:.2f}).",
    "pls_nb_rel_range": "Alpha ranges from {alpha_lo:.3f} to {alpha_hi:.3f}, rho_c from {rho_lo:.3f} to {rho_hi:.3f}. "
                        "Complaints has one question, so it has no internal consistency to measure: its figures are 1 "
                        "by convention, and its measurement error stays in the score (section 8 shows what that "
                        "costs).",
    "pls_nb_htmt": "HTMT of SAT and LOY by hand: {by_hand:.3f}; helper: {helper:.3f}",
    "pls_nb_htmt_ok": "The largest HTMT is **{top:.2f}**, between {a} and {b}: below the 0.85 limit, so every pair of "
                      "constructs is distinct enough.",
    "pls_nb_htmt_high": "The largest HTMT is **{top:.2f}**, between {a} and {b}: above the 0.85 limit, so these two "
                        "constructs may not be distinct.",
    "pls_nb_fl_ok": "The Fornell-Larcker criterion agrees (every sqrt(AVE) exceeds the construct's correlations).",
    "pls_nb_fl_fail": "The Fornell-Larcker criterion fails for {names}.",
    "pls_nb_htmt_single": "A one-question block (complaints) counts as perfectly consistent within itself in HTMT.",
    "pls_nb_r2": "R² of satisfaction: **{sat:.3f}**; of loyalty: **{loy:.3f}**.",
    "pls_nb_noise_one": "The 95% interval of {paths} contains 0: the data cannot tell that path from no path.",
    "pls_nb_noise_many": "The 95% intervals of {paths} contain 0: the data cannot tell these paths from no path.",
    "pls_nb_noise_none": "Every path's 95% interval excludes 0.",
    "pls_nb_strongest": "The strongest direct driver of satisfaction is {driver} ({coef:.2f}).",
    "pls_nb_complaints": "Satisfaction -> complaints: **{sc:.2f}** (95% interval {sc_lo:.2f} to {sc_hi:.2f}); "
                         "complaints -> loyalty: **{cl:.2f}** ({cl_lo:.2f} to {cl_hi:.2f}), beside the direct "
                         "satisfaction -> loyalty path of {sl:.2f}.",
    "pls_nb_complaints_adds": "Complaint handling adds to loyalty beyond satisfaction itself, in this model.",
    "pls_nb_complaints_unclear": "With this sample the data cannot separate complaint handling's own effect on "
                                 "loyalty from zero.",
    "pls_nb_complaints_tenenhaus": "(Tenenhaus et al. 2005 found a small complaints -> loyalty path on their "
                                   "mobile-phone data.)",
    "pls_nb_gof": "GoF by hand: {by_hand:.3f}; helper: {helper:.3f}",
    "pls_nb_acsi_adds": "Without image, the model explains {acsi_sat:.3f} of satisfaction instead of {ecsi_sat:.3f}, "
                        "and {acsi_loy:.3f} of loyalty instead of {ecsi_loy:.3f}: image adds explanatory power here, "
                        "because these data were generated with an image effect. Which model is right is a question "
                        "of theory for the market studied, not of R² alone.",
    "pls_nb_acsi_no_gain": "Without image, the model explains {acsi_sat:.3f} of satisfaction instead of "
                           "{ecsi_sat:.3f}, and {acsi_loy:.3f} of loyalty instead of {ecsi_loy:.3f}: image does not "
                           "add explanatory power here, although these data were generated with an image effect. "
                           "Which model is right is a question of theory for the market studied, not of R² alone.",
    "pls_nb_total_by_hand": "Total effect EXPE -> SAT by hand: {by_hand:.3f}; helper: {helper:.3f}",
    "pls_nb_top_effect": "In this model, **{driver}** has the largest total effect on satisfaction: {value:.2f} "
                         "(95% interval {low:.2f} to {high:.2f}); next is {runner} ({runner_value:.2f}).",
    "pls_nb_effects_overlap": "The two intervals overlap; that alone does not show the two effects are equal (the "
                              "interval of their difference would), but it is a warning against reading too much "
                              "into the ranking.",
    "pls_nb_indirect_mostly": "The indirect part of the total effect is largest for {driver} ({value:.2f}, "
                              "{share:.0%} of its total effect), which works mostly through the other drivers.",
    "pls_nb_indirect_partly": "The indirect part of the total effect is largest for {driver} ({value:.2f}, "
                              "{share:.0%} of its total effect), which works partly through the other drivers.",
    "pls_nb_effects_caveat": "These are associations under the assumed paths, estimated from one cross-sectional "
                             "survey: they say where satisfaction and the driver move together most, not that "
                             "improving the driver will cause that rise (other causes, and what it costs to improve "
                             "each driver, also count).",
    "pls_nb_perf_by_hand": "Performance of QUAL by hand: {by_hand:.2f}; helper: {helper:.2f}",
    "pls_nb_ipma_target": "Satisfaction itself performs at {value:.1f} of 100.",
    "pls_nb_ipma_priority": "**{driver}** is important (importance {importance:.2f}, above the drivers' mean "
                            "{imp_cut:.2f}) and performs below average ({performance:.1f} vs {perf_cut:.1f}): the "
                            "first candidate for an improvement programme.",
    "pls_nb_ipma_none": "No driver is both above-average in importance and below-average in performance; the most "
                        "important is **{driver}** ({importance:.2f} points of satisfaction per point, performance "
                        "{performance:.1f}).",
    "pls_nb_ipma_weakest": "The weakest performer is {driver} ({performance:.1f}), with importance {importance:.2f}. "
                           "Unlike 01's IPA, the importance here counts the indirect routes too; like it, the map "
                           "does not know what an improvement costs.",
    "pls_nb_index_weights": "Index weights: {weights}; index by hand: {index:.1f}",
    "pls_nb_index": "Satisfaction index: {index:.1f} (95% CI {low:.1f} to {high:.1f})",
    "pls_nb_three_same_rank": "The three indices differ by at most **{spread:.1f}** points per segment; the ranking of "
                              "the segments is the same for all three.",
    "pls_nb_three_other_rank": "The three indices differ by at most **{spread:.1f}** points per segment; the ranking "
                               "of the segments is not the same for all three.",
    "pls_nb_three_best": "The best segment is {best} ({best_value:.1f}), the worst {worst} ({worst_value:.1f}). The "
                         "level of the index hardly depends on the method.",
    "pls_nb_three_weak_lower": "Where they differ: the model gives {item} the least weight ({weight:.3f}, loading "
                               "{loading:.2f}) instead of the simple mean's {equal:.2f}, and customers answer it lower "
                               "than the other SAT questions ({item_mean:.2f} vs {sat_mean:.2f}).",
    "pls_nb_three_weak_higher": "Where they differ: the model gives {item} the least weight ({weight:.3f}, loading "
                                "{loading:.2f}) instead of the simple mean's {equal:.2f}, and customers answer it "
                                "higher than the other SAT questions ({item_mean:.2f} vs {sat_mean:.2f}).",
    "pls_nb_three_above": "So the PLS index comes out above the simple CSI in every segment.",
    "pls_nb_three_below": "So the PLS index comes out below the simple CSI in every segment.",
    "pls_nb_three_mixed": "So the PLS index comes out above the simple CSI in some segments and below it in others.",
    "pls_nb_three_why": "What the model adds is the **why**: paths, total effects and the IPMA say which driver to "
                        "look at, and R² says how much of satisfaction the drivers explain. The segments differ "
                        "because their image differs (that is how the data were generated), and the model carries "
                        "that difference through expectations and quality to satisfaction and loyalty.",
    "pls_nb_est_vs_true": "Mean error **{mean:+.3f}**, largest absolute error {largest:.3f} ({path}). The scores PLS "
                          "builds still contain the measurement error of the questions, so paths between constructs "
                          "tend to come out a little too small (PLS is consistent only \"at large\", with many "
                          "questions per block); sampling noise adds to that in a small survey. The one-question "
                          "complaints block shows the attenuation clearly: SAT -> COMP is {est:.2f} against a true "
                          "{true:.2f}, because comp1 measures complaints with a true loading of {loading:.2f}. Re-run "
                          "with `n_respondents = 20000`: the noise shrinks, the attenuation stays.",
    # notebook 07: column headers shown in Chinese (crmlab.labels.show(table, lang, "pls_col_")); English tables keep
    # the code's own names
    "pls_col_equal_weights": "equal weights",
    "pls_col_pls": "PLS",
    "pls_col_mode": "mode",
    "pls_col_n_items": "questions",
    "pls_col_alpha": "Cronbach's alpha",
    "pls_col_rho_a": "rho_A",
    "pls_col_rho_c": "rho_c",
    "pls_col_ave": "AVE",
    "pls_col_construct": "construct",
    "pls_col_original": "estimate",
    "pls_col_mean": "mean",
    "pls_col_std_error": "standard error",
    "pls_col_ci_low": "95% CI low",
    "pls_col_ci_high": "95% CI high",
    "pls_col_total_effect": "total effect",
    "pls_col_importance": "importance",
    "pls_col_performance": "performance",
    "pls_col_segment": "segment",
    "pls_col_n": "n",
    "pls_col_index": "index",
    "pls_col_estimated": "estimated",
    "pls_col_true": "true",
    "pls_col_error": "error",
    # the lecture widget (crmlab/pls/widgets.py)
    "pls_widget_scheme": "scheme",
    "pls_widget_standardized": "standardized",
    "pls_widget_share": "sample share",
    "pls_scheme_centroid": "centroid",
    "pls_scheme_factorial": "factorial",
    "pls_scheme_path": "path",
})
LABELS.update({
    # exercise 07: the checks' hints (crmlab/pls/checks.py)
    "pls_hint_q1": "a loading is the correlation of a question with its own construct's score; the AVE of a construct "
                   "is the mean of the squares of its questions' loadings (a one-question block has AVE 1).",
    "pls_hint_q2": "count the indirect routes too, not only the direct arrows: a driver can act on loyalty directly "
                   "and through satisfaction and complaints (multiply the paths along each route and add the routes).",
    "pls_hint_q3": "the index weights are the outer weights put back on the 1-10 scale (divided by each question's "
                   "standard deviation, divisor n) and rescaled to sum to 1; then 1 maps to 0 and 10 to 100, and the "
                   "mean is taken per segment.",
    "pls_hint_q4": "estimate the whole model again with only that one arrow removed (the outer weights change too), "
                   "and read the share of satisfaction's variance that its remaining drivers explain.",
    "pls_hint_q5": "with the {n_boot} resamples and the seed the question gives, a path could be zero when the lower "
                   "end of its 95% interval is below 0 and the upper end above 0; name such paths as 'FROM -> TO' "
                   "(an empty list if there is none).",
    # exercise 07, Q6: the model answer, filled with the student's numbers (check.model_answer_q6)
    "pls_ex_q6_pick_priority": "Improve {name} ({code}) first: it has above-average importance and below-average "
                               "performance.",
    "pls_ex_q6_pick_important": "Improve {name} ({code}) first: it has the largest importance (no driver is both "
                                "above-average in importance and below-average in performance).",
    "pls_ex_q6_effect_sure": "Its total effect on satisfaction is {effect:.2f} (95% bootstrap interval {low:.2f} to "
                             "{high:.2f}, so it is not sampling noise), i.e. about {importance:.2f} index points of "
                             "satisfaction per point of its own 0-100 performance, which is {performance:.1f} against "
                             "a driver mean of {mean:.1f}.",
    "pls_ex_q6_effect_unsure": "Its total effect on satisfaction is {effect:.2f} (95% bootstrap interval {low:.2f} to "
                               "{high:.2f}, which contains 0, so even its sign is uncertain), i.e. about "
                               "{importance:.2f} index points of satisfaction per point of its own 0-100 performance, "
                               "which is {performance:.1f} against a driver mean of {mean:.1f}.",
    "pls_ex_q6_limitation": "Limitation: the model is estimated from one cross-sectional survey, so the effect is an "
                            "association under the assumed paths, not proof that raising it will raise satisfaction; "
                            "omitted causes (price changes, network outages), the attenuation of PLS and the cost of "
                            "improving each driver also decide the priority.",
    # exercise 07: printed lines of the exercise notebook
    "pls_ex_setup": "{n} respondents; {k} constructs, {m} paths",
    "pls_ex_r2_with_path": "R² of SAT with the path: {r2:.3f}",
})
LABELS.update({
    # the data dictionary of ecsi_survey (datasets.describe("ecsi_survey", "zh"))
    "dd_ecsi_survey__respondent_id": "Respondent number",
    "dd_ecsi_survey__respondent_id__unit": "id",
    "dd_ecsi_survey__segment": "Customer segment (type of contract)",
    "dd_ecsi_survey__segment__unit": "prepaid / contract / business",
    "dd_ecsi_survey__imag1": "The company is reliable",
    "dd_ecsi_survey__imag2": "The company is innovative and forward looking",
    "dd_ecsi_survey__imag3": "The company cares about its customers",
    "dd_ecsi_survey__imag4": "The company makes a social contribution",
    "dd_ecsi_survey__imag5": "The company is trustworthy",
    "dd_ecsi_survey__expe1": "Expected overall quality",
    "dd_ecsi_survey__expe2": "Expected reliability",
    "dd_ecsi_survey__expe3": "Expected fit to personal needs",
    "dd_ecsi_survey__expe4": "Expected quality of service",
    "dd_ecsi_survey__expe5": "Expected value for money",
    "dd_ecsi_survey__qual1": "Overall perceived quality",
    "dd_ecsi_survey__qual2": "Perceived reliability",
    "dd_ecsi_survey__qual3": "Perceived fit to personal needs",
    "dd_ecsi_survey__qual4": "Perceived quality of service",
    "dd_ecsi_survey__qual5": "Perceived quality of advice and information",
    "dd_ecsi_survey__val1": "Quality given the price",
    "dd_ecsi_survey__val2": "Price given the quality",
    "dd_ecsi_survey__val3": "Value compared with competitors",
    "dd_ecsi_survey__val4": "Overall value for money",
    "dd_ecsi_survey__sat1": "Overall satisfaction",
    "dd_ecsi_survey__sat2": "Fulfilment of expectations",
    "dd_ecsi_survey__sat3": "Closeness to the ideal provider",
    "dd_ecsi_survey__sat4": "Pleasure of being a customer",
    "dd_ecsi_survey__comp1": "How well the operator handled your last complaint (or would handle one)",
    "dd_ecsi_survey__loy1": "Would choose the company again",
    "dd_ecsi_survey__loy2": "Would stay even if a competitor were cheaper",
    "dd_ecsi_survey__loy3": "Would recommend the company to friends",
    "dd_ecsi_survey__loy4": "Intends to stay a customer",
})
