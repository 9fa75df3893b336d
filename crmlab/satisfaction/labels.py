"""Labels for topic 1, customer satisfaction."""

LABELS = {
    # attributes of the textbook case
    "quality": "Quality",
    "function": "Function",
    "price": "Price",
    "service": "Service",
    "packaging": "Packaging",
    "taste": "Taste",
    # segments of the synthetic survey
    "online": "Online",
    "in-store": "In-store",
    "business": "Business",
    # measures
    "csi": "Customer satisfaction index (CSI)",
    "csi_axis": "CSI (0-100)",
    "csi_title": "CSI by segment, with {pct}% intervals",
    "simple_score": "Simple score",
    "weighted_score": "Weighted score",
    "overall": "Overall satisfaction (1-5)",
    "performance": "Performance: mean rating (1-5)",
    "importance": "Importance (derived weight)",
    "stated_importance": "Stated importance (weight)",
    "derived_importance": "Derived importance (weight)",
    "ipa_title": "Importance-performance map",
    "concentrate_here": "Concentrate here",
    "keep_up": "Keep up the good work",
    "low_priority": "Low priority",
    "possible_overkill": "Possible overkill",
    "repurchase_rate": "Repurchase rate within 12 months (%)",
    "repurchase_title": "Repurchase by satisfaction: a 5 is {ratio:.1f}x a 4",
    "satisfaction_level": "Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)",
    "weights_title": "Attribute weights: derived vs true",
    "method": "Method",
}
LABELS.update({
    "weights_zero": "Give at least one attribute a weight above 0.",
    "widget_csi_line": "CSI of the weighted attribute score, all respondents: <b>{csi:.1f}</b>",
    "widget_weights_line": "Weights used (each slider divided by their sum): {weights}",
    "widget_csi_title": "CSI of the weighted attribute score by segment (not the overall-satisfaction question)",
    # plot furniture and finding titles (filled from the numbers)
    "n_label": "n={n}",
    "too_few_for_interval": "too few for an interval",
    "quarter": "Quarter of the survey wave",
    "relative_weight": "Relative weight (share of R²)",
    "regression_weight": "Regression weight",
    "repurchase_intent_level": "Stated intention to buy again (1 = certainly not, 5 = certainly)",
    "csi_finding_title": "{best} has the highest CSI ({best_csi:.1f}), {worst} the lowest ({worst_csi:.1f})",
    "csi_quarter_title_none": "CSI by quarter, {low:.1f} to {high:.1f}: no pair of quarters differs after Holm's correction",
    "csi_quarter_title_some": "CSI by quarter, {low:.1f} to {high:.1f}: {k} of {m} pairs differ after Holm's correction",
    "ipa_finding_title": "Concentrate here: {items}",
    "ipa_finding_none": "No attribute falls in 'concentrate here'",
    "weights_finding_same": "Derived vs true weights: largest error {err:.3f}, same ranking",
    "weights_finding_diff": "Derived vs true weights: largest error {err:.3f}, ranking differs",
    "intent_title": "Said 5 ('certainly'): {p5:.0%} bought again; said 4: {p4:.0%}",
})
LABELS.update({
    # exercise 01: the checks' hints (crmlab/satisfaction/checks.py)
    "sat_hint_q1": "an attribute's mean counts each rating level as often as respondents chose it, "
                   "and divides by that attribute's number of respondents.",
    "sat_hint_q2_simple": "the simple score treats the six attributes alike.",
    "sat_hint_q2_weighted": "the weighted score counts each attribute mean by the firm's weight (the weights sum to 1).",
    "sat_hint_q3": "the CSI puts the segment's mean overall satisfaction on 0-100: the lowest possible "
                   "rating maps to 0, the highest to 100.",
    "sat_hint_q4_dict": "give a pair (driver, weight) or a dict with the names 'driver' and 'weight'.",
    "sat_hint_q4_pair": "give a pair: (name of the attribute, its derived weight).",
    "sat_hint_q4_name": "derived importance is what the ratings reveal about overall satisfaction, "
                        "not what customers say matters to them.",
    "sat_hint_q4_weight": "the weight is the attribute's share of the positive regression coefficients "
                          "(a negative coefficient counts as 0).",
    "sat_hint_q5": "compare how often the very satisfied (5) and the satisfied (4) bought again.",
    "sat_hint_q6": "'concentrate here' is an attribute that matters a lot (by what the ratings reveal) but "
                   "performs below the average attribute.",
})
LABELS.update({
    # notebooks/01_satisfaction.ipynb: sentences and printed lines built from the numbers
    "sat_nb_simple": "Simple score:   {v:.3f}",
    "sat_nb_weighted": "Weighted score: {v:.3f}",
    "sat_nb_helper_means": "helper means equal the hand computation: {ok}",
    "sat_nb_helper_equal": "helper equals the hand computation: {ok}",
    "sat_nb_below": "below",
    "sat_nb_above": "above",
    "sat_nb_why_well": "rated well but weighted little",
    "sat_nb_why_poor": "rated poorly and weighted heavily",
    "sat_nb_pull": "The weighted score ({weighted:.3f}) is {direction} the simple score ({simple:.3f}) by {diff:.3f}; "
                   "the pulls sum to {total:+.3f}. The largest pull down comes from **{down}** (mean {down_mean:.2f}, "
                   "weight {down_weight:.2f}: {why}), the largest pull up from **{up}** ({up_pull:+.3f}).",
    "sat_nb_respondents": "{n} respondents, segments: {counts}",
    "sat_nb_csi_overall": "CSI overall: {csi:.1f} ({conf:.0%} CI {lo:.1f} to {hi:.1f})",
    "sat_nb_excludes0": "excludes 0: unlikely to be noise",
    "sat_nb_includes0": "includes 0: could be noise",
    "sat_nb_pair_diff": "**{best}** minus **{worst}**: {d:.1f} CSI points, {conf:.0%} interval of the difference "
                        "[{lo:.1f}, {hi:.1f}] ({verdict}). Of the {m} pairs of segments, {k} differ at the {alpha:.0%} "
                        "level and {k_holm} after Holm's correction.",
    "sat_nb_vs": "{a} vs {b}",
    "sat_nb_overlap_one": "Note the pair {pairs}: the two intervals overlap, yet the interval of the difference "
                          "excludes 0. That is why overlap is not a test.",
    "sat_nb_overlap_many": "Note the pairs {pairs}: the two intervals overlap, yet the interval of the difference "
                           "excludes 0. That is why overlap is not a test.",
    "sat_nb_overlap_none": "Here overlap and the difference interval happen to agree; with other samples they need not "
                           "(try `n_respondents = 400`).",
    "sat_nb_true_quarter": "True quarter effects: {effects}",
    "sat_nb_q_range": "The quarterly CSI ranges from {low:.1f} to {high:.1f}. {k_raw} of the {m} pairs differ at the "
                      "{alpha:.0%} level without correction and {k_holm} after Holm's.",
    "sat_nb_q_one_removed": "The true effect is zero, so the {k} uncorrected 'finding' is a false alarm that the "
                            "correction removes.",
    "sat_nb_q_one_kept": "The true effect is zero, so the {k} uncorrected 'finding' is a false alarm that the "
                         "correction does not remove.",
    "sat_nb_q_many_removed": "The true effect is zero, so the {k} uncorrected 'findings' are false alarms that the "
                             "correction removes.",
    "sat_nb_q_many_kept": "The true effect is zero, so the {k} uncorrected 'findings' are false alarms that the "
                          "correction does not remove.",
    "sat_nb_q_none": "The true effect is zero, so it is no surprise that no pair differs here; but with {m} comparisons "
                     "at {alpha:.0%} each, about {p:.0%} of samples would show at least one false alarm if the tests "
                     "were independent.",
    "sat_nb_said_same": ", the same",
    "sat_nb_said": "Customers **say** the most important attribute is **{said}** (stated weight {sw:.3f}); their "
                   "answers **reveal** **{revealed}** (derived weight {dw:.3f}){same}. The stated weights bunch together "
                   "({smin:.3f} to {smax:.3f}); the derived ones spread out ({dmin:.3f} to {dmax:.3f}). Asked directly, "
                   "customers call almost everything important, and rank what *sounds* important.",
    "sat_nb_corr_moderate": "only moderately",
    "sat_nb_corr_strong": "strongly",
    "sat_nb_agree": "agree closely",
    "sat_nb_differ": "differ",
    "sat_nb_rw_same": "In this survey the ratings correlate {strength} (mean r between attributes {mean_r:.2f}), and the "
                      "two derived measures {agree}: the largest gap between a regression weight and a relative weight "
                      "is {gap:.3f}, and both rank **{top}** first. The six ratings explain R² = {r2:.3f} of the "
                      "variance of overall satisfaction.",
    "sat_nb_rw_diff": "In this survey the ratings correlate {strength} (mean r between attributes {mean_r:.2f}), and the "
                      "two derived measures {agree}: the largest gap between a regression weight and a relative weight "
                      "is {gap:.3f}, and both rank **{top}** and **{top_rw}** first respectively. The six ratings "
                      "explain R² = {r2:.3f} of the variance of overall satisfaction.",
    "sat_nb_less": "less",
    "sat_nb_no_less": "no less",
    "sat_nb_flav": "Taste and flavour correlate r = {r:.2f}. The regression coefficient of flavour is negative in "
                   "{neg:.0%} of the resamples (then clipped to a weight of 0); its weight averages {fw:.3f}, and the "
                   "taste and flavour weights vary by sd {sd_ols:.3f} between resamples: which of two correlated "
                   "questions 'gets' the weight is partly chance in a sample of 300. The relative weights of the pair "
                   "vary {less} (sd {sd_rw:.3f}), but they **credit flavour** with a share of {rwf:.3f} of R² that it "
                   "only borrows from taste.",
    "sat_nb_flav_meaning": "So the two measures mean different things, and neither is simply 'what the firm should "
                           "weight by': **regression weights** estimate the effect of one attribute with the others "
                           "held fixed (right here, since flavour has no effect, but noisy and unstable when ratings "
                           "are collinear); **relative weights** say how much of overall satisfaction each attribute "
                           "*goes with*, shared variance included (stable, never negative, but not an effect). Neither "
                           "is causal: both describe this survey, and a halo can inflate every attribute alike. In "
                           "practice, report both, check them on a second sample, and use stated importance as a "
                           "third view.",
    "sat_nb_ipa_hand": "Concentrate here (by hand): {items}",
    "sat_nb_none": "none",
    "sat_nb_ipa_focus": "**Concentrate here:** {items} (importance at or above the mean, performance below it): where "
                        "an improvement budget is most likely to lift overall satisfaction.",
    "sat_nb_ipa_nofocus": "No attribute is both above-average in importance and below-average in performance.",
    "sat_nb_ipa_overkill": "**Possible overkill:** {items}, performing above average on something the ratings weigh little.",
    "sat_nb_ipa_same": "The map inherits the limits of its importance axis: with relative weights on that axis the "
                       "quadrants are the same.",
    "sat_nb_ipa_notsame": "The map inherits the limits of its importance axis: with relative weights on that axis the "
                          "quadrants are **not** all the same, so treat attributes near the cross-hairs as borderline.",
    "sat_nb_topbox": "Top-box ratio: {r:.2f} ({conf:.0%} CI {lo:.2f} to {hi:.2f}); true ratio {true:.2f}",
    "sat_nb_xerox_yes": "consistent with Xerox's 'six times'",
    "sat_nb_xerox_no": "not consistent with Xerox's 'six times' at this confidence level",
    "sat_nb_rate_low": "low",
    "sat_nb_rate_below": "well below it",
    "sat_nb_rep": "Customers who rated 5 bought again at {r5:.1%}, those who rated 4 at {r4:.1%}: a ratio of "
                  "{ratio:.2f} ({conf:.0%} CI {lo:.2f} to {hi:.2f}), {xerox}. Below the top box the rate stays {low} "
                  "({rmin:.1%} to {rmax:.1%} for levels 2-4).",
    "sat_nb_tiny_one": "Level {levels} has fewer than 10 answers (n = {ns}): no rate can be read from so few.",
    "sat_nb_tiny_many": "Levels {levels} have fewer than 10 answers (n = {ns}): no rate can be read from so few.",
    "sat_nb_intent": "{said:.1%} of the respondents said they would probably or certainly buy again (4 or 5); "
                     "{did:.1%} did. Of those who said **certainly** (5), {r5:.1%} bought again; of those who said "
                     "**probably** (4), {r4:.1%}. A forecast that counts every 'yes' as a sale would overstate "
                     "repurchase {over:.1f} times. In this synthetic survey intention follows satisfaction, but buying "
                     "depends on satisfaction alone, so intention adds nothing of its own: measure behaviour where you "
                     "can (topic 3).",
    "sat_nb_inside": "inside",
    "sat_nb_outside": "outside",
    "sat_nb_trap": "{n} customers did not buy again; **{share:.1%}** of them had rated overall satisfaction 4 or 5 "
                   "({inside} Bain's 65%-85%). Of the customers who rated 4 ('satisfied') {lost4:.1%} did not buy "
                   "again, of those who rated 5 only {lost5:.1%}. A firm that celebrates its 'satisfied' customers "
                   "still loses most of them; only the very satisfied come back reliably. That is why topic 3 "
                   "measures loyalty directly.",
    "sat_nb_order_same": "as the truth does",
    "sat_nb_order_diff": "differently from the truth",
    "sat_nb_est": "The regression weights are at most {err:.3f} from the true weights and rank the attributes {order}; "
                  "the relative weights are at most {err_rw:.3f} off. Ratings rounded to whole numbers and a halo "
                  "(customers who like the brand rate everything higher) keep the estimates a little off even in a "
                  "large sample; re-run with a small `n_respondents` (say 150) to see the errors grow and the ranking "
                  "wobble.",
    "sat_nb_slider_start": "At the start (the derived weights), the CSI of the weighted attribute score is {all_w:.1f} "
                           "for all respondents and {seg_w:.1f} for {worst}, against {all_o:.1f} and {seg_o:.1f} for "
                           "the overall question. Which segment gains when taste matters more? Which loses when price does?",
    # notebook 01: column headers shown in Chinese (crmlab.labels.show(table, lang, "sat_col_")); English tables keep
    # the code's own names
    "sat_col_mean": "mean",
    "sat_col_weight": "weight",
    "sat_col_pull_on_weighted": "pull on the weighted score",
    "sat_col_attribute": "attribute",
    "sat_col_segment": "segment",
    "sat_col_quarter": "quarter",
    "sat_col_count": "count",
    "sat_col_std": "sd",
    "sat_col_csi": "CSI",
    "sat_col_ci_low": "CI low",
    "sat_col_ci_high": "CI high",
    "sat_col_n": "n",
    "sat_col_first": "first",
    "sat_col_second": "second",
    "sat_col_diff": "difference",
    "sat_col_intervals_overlap": "intervals overlap",
    "sat_col_p": "p",
    "sat_col_p_holm": "p (Holm)",
    "sat_col_bonf_low": "Bonferroni low",
    "sat_col_bonf_high": "Bonferroni high",
    "sat_col_stated": "stated",
    "sat_col_derived": "derived",
    "sat_col_regression": "regression",
    "sat_col_relative": "relative",
    "sat_col_true": "true",
    "sat_col_r": "r",
    "sat_col_regression weight: mean": "regression weight: mean",
    "sat_col_regression weight: sd": "regression weight: sd",
    "sat_col_relative weight: mean": "relative weight: mean",
    "sat_col_relative weight: sd": "relative weight: sd",
    "sat_col_performance": "performance",
    "sat_col_importance": "importance",
    "sat_col_quadrant": "quadrant",
    "sat_col_overall": "overall satisfaction",
    "sat_col_repurchase_intent": "intention to buy again",
    "sat_col_repurchased": "repurchased",
    "sat_col_rate": "rate",
    "sat_col_raw_weight": "raw weight",
    "sat_col_share": "share",
})
LABELS.update({
    # exercise 01, Q7: the model answer of the solution, filled with the student's numbers
    "sat_ex_q7_model": (
        "The regression weights say how much overall satisfaction moves per rating point of one attribute "
        "with the other five held fixed: {top} leads with {w_top:.3f}, while customers say "
        "{said} matters most (stated weight {w_said:.3f}). The relative weights, each "
        "attribute's share of R², agree closely here ({top} {rel_top:.3f}), which is reassuring, but the "
        "ratings are correlated through a halo, so with collinear questions the regression weights can shift "
        "between samples or turn negative, and they are associations, not causal effects. I recommend using "
        "derived (or relative) weights to prioritise improvements, re-estimating them on next year's sample "
        "before fixing the index, keeping the index definition stable over time, and still reporting stated "
        "importance, because attributes customers take for granted look unimportant in a regression."),
})
LABELS.update({
    "flavour": "Flavour",  # notebook 01's simulated near-copy of taste
})
