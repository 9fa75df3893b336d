"""Labels for topic 2, complaints (顾客抱怨与投诉). Every key starts with ``cp_``."""

LABELS = {
    # channels
    "cp_phone": "Phone",
    "cp_web": "Web form",
    "cp_email": "Email",
    "cp_store": "Store",
    "cp_social": "Social media",
    # categories
    "cp_delivery": "Delivery",
    "cp_defect": "Product defect",
    "cp_billing": "Billing",
    "cp_staff": "Staff attitude",
    "cp_wrong_item": "Wrong item",
    "cp_installation": "Installation",
    "cp_refund": "Refund",
    "cp_website": "Website",
    "cp_other": "Other",
    "cp_all": "All complaints",
    # outcomes
    "cp_full": "Fully resolved",
    "cp_partial": "Partly resolved",
    "cp_none": "Not resolved",
    # KPIs
    "cp_hours": "Hours since the complaint was opened",
    "cp_share_resolved": "Share resolved",
    "cp_curve_title": "Share of complaints resolved by hour h (open cases censored)",
    "cp_curve_title_by": "Resolved within {h:g} h: {best} {hi:.0%}, {worst} only {lo:.0%}",
    "cp_curve_title_all": "{share:.0%} of complaints resolved within {h:g} h",
    "cp_log_scale": " (log scale)",
    "cp_sla": "SLA {h:g} h",
    "cp_category": "Complaint category",
    "cp_channel": "Channel",
    "cp_complaints": "Complaints",
    "cp_cum_share": "Cumulative share (%)",
    "cp_pareto_title": "Pareto chart: {k} of {m} categories make {pct:.0f}% of complaints",
    "cp_resolution_h": "Resolution time (hours)",
    "cp_median": "Median",
    "cp_p90": "90th percentile",
    "cp_channel_title": "Resolution time by channel",
    "cp_channel_title_find": "Longest tail: {slow} (P90 {p90:.0f} h); fastest median: {fast} ({med:.0f} h)",
    "cp_wait_s": "Waiting time (seconds)",
    "cp_calls": "Calls",
    "cp_answered": "Answered",
    "cp_abandoned": "Abandoned",
    "cp_queue_title": "Contact-centre waits: {sl:.0%} answered within {thr:g} s, {ab:.0%} abandoned",
    "cp_threshold": "{thr:g} s target",
    # word of mouth
    "cp_wom_title": "Word of mouth after {n:,.0f} complaints",
    "cp_wom_title_ratio": "Bad stories reach {ratio:.1f} times as many people as good ones ({n:,.0f} complaints)",
    "cp_people_told": "People told",
    "cp_positive": "Good stories (fully resolved)",
    "cp_negative": "Bad stories (not fully resolved)",
    "cp_wom_line": "Good stories reach <b>{pos:,.0f}</b> people, bad stories <b>{neg:,.0f}</b>; "
                    "revenue at risk <b>{risk:,.0f} CNY</b> a year",
    "cp_share_full": "Fully resolved share",
    "cp_tell_full": "Tell (resolved)",
    "cp_tell_not_full": "Tell (not resolved)",
    "cp_boycott": "Boycott share",
    "cp_reduce": "Buy-less share",
    "cp_increase": "Buy-more share",
    "cp_n_complaints": "Complaints",
    # recovery
    "cp_no_problem": "No problem",
    "cp_complained_resolved": "Complained, resolved",
    "cp_complained_unresolved": "Complained, not resolved",
    "cp_problem_no_complaint": "Problem, never complained",
    "cp_repurchase": "Repurchased within 6 months (%)",
    "cp_recovery_title": "Repurchase by complaint experience ({pct}% intervals)",
    "cp_effect": "Resolved minus no problem (percentage points)",
    "cp_effect_title": "Recovery effect: estimate and interval vs truth",
    "cp_recovery_title_raw": "Raw: resolved {d:+.1f} points vs no problem ({pct}% CI {lo:+.1f} to {hi:+.1f})",
    "cp_effect_title_adj": "Raw {raw:+.1f} points, adjusted for tier {adj:+.1f}, true {true:+.1f}",
    "cp_effect_title_raw": "Estimated {raw:+.1f} points, true {true:+.1f}",
    "cp_raw_estimate": "Raw",
    "cp_adjusted_estimate": "Adjusted for tier",
    "cp_value_per_customer": "Value per customer (CNY a year)",
    # decision model (seed 000, 关系管理中问题解决模型)
    "cp_dm_define_problem": "Define the problem",
    "cp_dm_find_want": "Find what the customer wants",
    "cp_dm_makes_up_loss": "Would that make up the loss?",
    "cp_dm_can_provide": "Can you provide it?",
    "cp_dm_other_can_provide": "Can someone else provide it?",
    "cp_dm_contact_them": "Contact them",
    "cp_dm_other_options": "What other options are there?",
    "cp_dm_offer_solution": "Offer a solution: accepted?",
    "cp_dm_escalate": "Escalate: seek help one level up",
    "cp_dm_record_solution": "Record the solution",
    "cp_dm_title": "Problem-solving decision model",
    "cp_resolved": "resolved",
    "cp_escalated": "escalated",
}
LABELS.update({
    # notebooks/02_complaints.ipynb: sentences and printed lines built from the numbers; values and column
    # headers of the tables a Chinese reader sees (crmlab.labels.show(table, lang, "cp_col_", values="cp_"))
    'cp_nb_sizes': '{n_log} complaints, {n_cust} customers, {n_calls} calls',
    'cp_nb_complain_rate': (
        'Customers with a problem: {n}; share who complained: {rate:.1%}; silent customers per complaint:'
        ' {silent:.1f}'),
    'cp_nb_silent': (
        'Every complaint in this log stands for **{silent:.1f}** customers with a problem who said '
        'nothing (the TARP figure would be 25). The complaint log is only the visible part of the '
        'problem.'),
    'cp_nb_peak': (
        'Highest rate: {peak}, {rate:.1f} complaints per 1,000 orders (median month {med:.1f}); slowest '
        'median resolution: {slow} ({slow_h:.1f} h)'),
    'cp_nb_peak_festival': (
        'Here the highest rate is in **{peak}** ({rate:.1f} per 1,000 orders, median month {med:.1f}) and'
        ' the slowest median resolution in **{slow}** ({slow_h:.1f} h): both are festival months, as '
        'built in.'),
    'cp_nb_peak_noise': (
        'Here the highest rate is in **{peak}** ({rate:.1f} per 1,000 orders, median month {med:.1f}) and'
        ' the slowest median resolution in **{slow}** ({slow_h:.1f} h): not both are festival months: '
        'with a log of this size noise can hide the festival peaks (try `n_complaints = 400` and `3000`).'),
    'cp_nb_open_year_end': 'Open at year end: {open} of {n}',
    'cp_nb_closed_only': 'Closed cases only: median {med:.1f} h, P90 {p90:.1f} h, within {sla} h: {share:.1%}',
    'cp_nb_res_median': 'Resolution median: {km:.1f} h (closed only: {naive:.1f} h)',
    'cp_nb_res_p90': 'Resolution P90: {km:.1f} h (closed only: {naive:.1f} h)',
    'cp_nb_res_sla': 'Resolved within SLA ({sla} h): {share:.1%}',
    'cp_nb_closed_kpis': (
        'The last four (`fcr`, `reopen_rate`, `satisfaction_mean`, `full_share`) are over the '
        '**{closed:,.0f} closed cases**; the `open` column says how many were left out (**{open:,.0f}**).'),
    'cp_nb_rmst_hand': 'Restricted mean up to {h} h, by hand: {v:.1f} h',
    'cp_nb_avg_rmst': 'restricted mean (tau {h} h)',
    'cp_nb_avg_capped': 'closed only, capped at {h} h',
    'cp_nb_avg_plain': 'closed only, plain mean',
    'cp_nb_avg_median': 'median (Kaplan-Meier)',
    'cp_nb_rmst': (
        'The average case stays open **{rmst:.1f} h** counting at most {h} h ({conf:.0%} CI {lo:.1f} to '
        '{hi:.1f} h); **{beyond:.1%}** of cases take longer than the horizon.'),
    'cp_nb_rmst_above': (
        'The mean is above the median ({med:.1f} h): a long tail of slow cases pulls the average up, '
        'which is why a report gives both.'),
    'cp_nb_rmst_below': 'The mean is below the median ({med:.1f} h).',
    'cp_nb_rmst_horizon': (
        'State the horizon with the figure: a restricted mean is only comparable at the same horizon.'),
    'cp_nb_curve': (
        'Read the curve at the dashed line (the hours axis is logarithmic, so the tail of slow cases '
        'stays in view): within {sla} h **{best}** resolves {hi:.0%} of its complaints and **{worst}** '
        '{lo:.0%}. After {h} h ({days:.0f} days) between {open_lo:.1%} and {open_hi:.1%} of each '
        "channel's cases are still open: the cases that linger for weeks."),
    'cp_nb_p90_error': 'P90 error: Kaplan-Meier {km:.1f} h, closed only {naive:.1f} h',
    'cp_nb_december': (
        'December: {open} of {n} cases open at year end; closed-only P90 {naive:.1f} h vs Kaplan-Meier '
        '{km:.1f} h'),
    'cp_nb_dec_shorter': (
        'Dropping the {open} open December cases makes the P90 **{gap:.1f} h shorter** than the '
        'Kaplan-Meier estimate. Whenever some cases are still open, dropping them hides exactly the slow '
        'ones: a monthly report built from closed cases only flatters the latest month, whose slow cases '
        'have not closed yet (with few open cases the gap is small).'),
    'cp_nb_dec_longer': (
        'Dropping the {open} open December cases makes the P90 **{gap:.1f} h longer** than the '
        'Kaplan-Meier estimate. Whenever some cases are still open, dropping them hides exactly the slow '
        'ones: a monthly report built from closed cases only flatters the latest month, whose slow cases '
        'have not closed yet (with few open cases the gap is small).'),
    'cp_nb_class_a': 'Class A: {k} of {m} categories, {pct:.0%} of complaints: {items}',
    'cp_nb_channels': (
        'The fastest median is **{fast}** ({med:.1f} h); the longest tail is **{slow}** (P90 {p90:.1f} '
        'h). The median tells how a typical case goes; the P90 is what the unlucky tenth of customers '
        'live through, and it is the figure that breaks SLAs.'),
    'cp_nb_severity_worse': (
        'High-severity cases take a median **{hi_med:.1f} h** against {lo_med:.1f} h for low ones, and '
        'are fully resolved in **{hi_full:.0%}** of cases against {lo_full:.0%}: the serious complaints '
        'are both slower and less often put right, so an SLA or a target for the fully resolved share '
        'should be set per severity.'),
    'cp_nb_severity_mixed': (
        'High-severity cases take a median **{hi_med:.1f} h** against {lo_med:.1f} h for low ones, and '
        'are fully resolved in **{hi_full:.0%}** of cases against {lo_full:.0%}. Compare the two before '
        'setting one SLA for every severity.'),
    'cp_nb_within_sla': 'within {h} h',
    'cp_nb_slower_sla': 'slower than {h} h',
    'cp_nb_outcome_speed': (
        'The outcome dominates: fully resolved cases score **{full:.2f}** on average, unresolved ones '
        '**{none:.2f}**. Cases closed within the SLA score {d:+.2f} points ({conf:.0%} CI of the '
        'difference, Welch: {lo:+.2f} to {hi:+.2f}) against slower ones; part of that gap can be the '
        'outcome again (slow and unresolved cases go together), so compare within each row of the table: '
        'there the speed effect alone shows.'),
    'cp_nb_queue_hand': 'Mean wait: {wait:.1f} s; abandoned: {ab:.1%}; answered within {thr} s: {sl:.1%}',
    'cp_nb_queue': (
        'Of {calls:,.0f} calls, **{handled:.1%}** were handled by an agent, **{ab:.1%}** were abandoned, '
        'and the remaining **{vm:.1%}** got through but ended in voicemail (neither handled nor '
        'abandoned). Abandoned callers (red) hang up after a wait of their own choosing: each is a '
        'complaint the firm never heard. {sl:.1%} of calls were answered within {thr} s.'),
    'cp_nb_wom_hand': 'Fully resolved: {share:.1%}; good stories reach {pos:,.0f} people, bad stories {neg:,.0f}',
    'cp_nb_value': 'Value per complainer: {v:,.0f} CNY a year (2 x mean spend in the six months before)',
    'cp_nb_spend': (
        'The model puts **{risk:,.0f} CNY** a year at risk after {n:,} complaints (bad stories reach '
        '{neg:,.0f} people, good ones {pos:,.0f}). In the data, unresolved complainers spent '
        '{unres:+,.0f} CNY each in the six months after against the six before, resolved ones {res:+,.0f}'
        ' CNY; over the {n_unres:,} unresolved complainers that gap is **{gap:,.0f} CNY** a year. Both '
        "figures include selection (section 8): the resolved are more often the firm's best customers."),
    'cp_nb_ten_points': (
        'A complaint that is not fully resolved spreads **{ratio:.1f} times** as far as one that is (9.5 '
        'vs 4.5 people). In the model, raising the fully resolved share by ten points (to {to:.0%}) '
        'lowers the revenue at risk by **{saved:,.0f} CNY** a year. Whether that is worth it depends on '
        'what the extra resolutions cost (goodwill payments, staff time), which this data do not contain:'
        ' compare the two before deciding.'),
    'cp_nb_recovery': 'Recovery effect: {d:.1f} points ({conf:.0%} CI {lo:.1f} to {hi:.1f}); verdict: {verdict}',
    'cp_nb_verdict_holds': 'the paradox holds (the whole interval is above zero)',
    'cp_nb_verdict_not_shown': 'no paradox shown (the interval includes zero)',
    'cp_nb_verdict_reversed': 'reversed: resolved complainers come back less (the whole interval is below zero)',
    'cp_nb_tiers': (
        'Gold members are **{gold_res:.0%}** of the resolved complainers but **{gold_none:.0%}** of the '
        'customers with no problem. Among complainers, {full_gold:.0%} of gold members were fully '
        'resolved against {full_basic:.0%} of basic ones; and even with no problem at all, gold members '
        'came back {rate_gold:.0%} of the time against {rate_basic:.0%} for basic ones. The tier raises '
        'both the chance of a resolution and the chance of coming back: it is a **confounder**.'),
    'cp_nb_within_hand': 'Within-tier difference, weighted: {d:.1f} points',
    'cp_nb_raw_within': (
        'Raw: {raw:+.1f} points ({conf:.0%} CI {raw_lo:+.1f} to {raw_hi:+.1f}); within tiers: {d:+.1f} '
        'points ({lo:+.1f} to {hi:+.1f})'),
    'cp_nb_raw_holds': 'The raw comparison says **{raw:+.1f} points**, and its whole interval is above zero.',
    'cp_nb_raw_not_shown': 'The raw comparison says **{raw:+.1f} points**, and its interval includes zero.',
    'cp_nb_raw_reversed': 'The raw comparison says **{raw:+.1f} points**, and its whole interval is below zero.',
    'cp_nb_adj_holds': (
        'Within tiers it is **{d:+.1f} points** ({conf:.0%} CI {lo:+.1f} to {hi:+.1f}): the paradox still'
        ' holds within tiers.'),
    'cp_nb_adj_not_shown': (
        'Within tiers it is **{d:+.1f} points** ({conf:.0%} CI {lo:+.1f} to {hi:+.1f}): within tiers no '
        'paradox is shown.'),
    'cp_nb_adj_reversed': (
        'Within tiers it is **{d:+.1f} points** ({conf:.0%} CI {lo:+.1f} to {hi:+.1f}): within tiers '
        'resolved complainers come back less.'),
    'cp_nb_truth_both': (
        'The truth is {true:+.1f} points; the raw interval contains it, the adjusted one contains it.'),
    'cp_nb_truth_raw': 'The truth is {true:+.1f} points; the raw interval contains it, the adjusted one misses it.',
    'cp_nb_truth_adj': 'The truth is {true:+.1f} points; the raw interval misses it, the adjusted one contains it.',
    'cp_nb_truth_neither': 'The truth is {true:+.1f} points; the raw interval misses it, the adjusted one misses it.',
    'cp_nb_overstates': (
        'The raw comparison overstates the effect: part of it is who gets resolved, not what the '
        'resolution did.'),
    'cp_nb_only_recorded': (
        'Adjusting removes only the confounders that were recorded; with real data others remain (the '
        'literature is divided on the paradox: de Matos et al. 2007 find it in satisfaction, not in '
        'repurchase or loyalty), and only an experiment settles it.'),
    'cp_nb_res_vs_unres': (
        'Fully resolved complainers came back **{d:+.1f} points** more often than unresolved ones of the '
        'same tier ({conf:.0%} CI {lo:+.1f} to {hi:+.1f}; raw {raw:+.1f}).'),
    'cp_nb_res_vs_unres_yes': (
        'A full resolution goes with much more repurchase even among comparable customers; that supports '
        'resolving complaints, not the paradox: a problem avoided is still no worse than a problem fixed.'),
    'cp_nb_res_vs_unres_no': 'The data cannot tell resolved from unresolved complainers of the same tier apart.',
    'cp_nb_walk': '{outcome} | {path}',
    'cp_low': 'Low',
    'cp_medium': 'Medium',
    'cp_high': 'High',
    'cp_basic': 'Basic',
    'cp_silver': 'Silver',
    'cp_gold': 'Gold',
    'cp_fully_resolved': 'Fully resolved',
    'cp_not_fully_resolved': 'Not fully resolved',
    'cp_total': 'Total',
    'cp_calls_all': 'All calls',
    'cp_True': 'True',
    'cp_False': 'False',
    'cp_col_complaint_id': 'complaint id',
    'cp_col_customer_id': 'customer id',
    'cp_col_opened': 'opened',
    'cp_col_first_response': 'first response',
    'cp_col_resolved': 'resolved',
    'cp_col_channel': 'channel',
    'cp_col_category': 'category',
    'cp_col_severity': 'severity',
    'cp_col_contacts': 'contacts',
    'cp_col_outcome': 'outcome',
    'cp_col_satisfaction': 'satisfaction',
    'cp_col_reopened': 'reopened',
    'cp_col_complaints': 'complaints',
    'cp_col_orders': 'orders',
    'cp_col_per_1000_orders': 'per 1000 orders',
    'cp_col_group': 'group',
    'cp_col_n': 'n',
    'cp_col_open': 'open',
    'cp_col_first_response_median_h': 'first response median h',
    'cp_col_resolution_median_h': 'resolution median h',
    'cp_col_resolution_p90_h': 'resolution p90 h',
    'cp_col_sla_share': 'sla share',
    'cp_col_fcr': 'fcr',
    'cp_col_reopen_rate': 'reopen rate',
    'cp_col_satisfaction_mean': 'satisfaction mean',
    'cp_col_full_share': 'full share',
    'cp_col_hours': 'hours',
    'cp_col_Kaplan-Meier': 'Kaplan-Meier',
    'cp_col_closed only': 'closed only',
    'cp_col_true': 'true',
    'cp_col_median_h': 'median h',
    'cp_col_p90_h': 'p90 h',
    'cp_col_count': 'count',
    'cp_col_share': 'share',
    'cp_col_cum_share': 'cum share',
    'cp_col_abc': 'abc',
    'cp_col_calls': 'calls',
    'cp_col_mean_wait_s': 'mean wait s',
    'cp_col_p90_wait_s': 'p90 wait s',
    'cp_col_asa_s': 'asa s',
    'cp_col_abandon_rate': 'abandon rate',
    'cp_col_service_level': 'service level',
    'cp_col_handled_rate': 'handled rate',
    'cp_col_complainants': 'complainants',
    'cp_col_people_told': 'people told',
    'cp_col_customers_lost': 'customers lost',
    'cp_col_customers_reducing': 'customers reducing',
    'cp_col_customers_increasing': 'customers increasing',
    'cp_col_revenue_change': 'revenue change',
    'cp_col_spend_before': 'spend before',
    'cp_col_spend_after': 'spend after',
    'cp_col_change': 'change',
    'cp_col_size': 'size',
    'cp_col_mean': 'mean',
    'cp_col_repurchased': 'repurchased',
    'cp_col_rate': 'rate',
    'cp_col_ci_low': 'ci low',
    'cp_col_ci_high': 'ci high',
    'cp_col_tier': 'tier',
    'cp_col_basic': 'basic',
    'cp_col_silver': 'silver',
    'cp_col_gold': 'gold',
    'cp_col_complained_resolved': 'complained resolved',
    'cp_col_no_problem': 'no problem',
    'cp_col_difference': 'difference',
    'cp_col_weight': 'weight',
    'cp_col_from_label': 'from label',
    'cp_col_answer_label': 'answer label',
    'cp_col_to_label': 'to label',
})
LABELS.update({
    # exercise 02: printed lines, the Q6 model answer and the checks' hints (crmlab/complaints/checks.py)
    'cp_ex_sizes': '{n} complaints, {open} still open; {n_cust} customers',
    'cp_ex_q6_line': (
        'raw {raw:+.1f} points [{raw_lo:+.1f}, {raw_hi:+.1f}]; within tiers {d:+.1f} points [{lo:+.1f}, '
        '{hi:+.1f}]'),
    'cp_ex_q6_raw_holds': (
        'Model answer (seed {seed}). The raw comparison gives {raw:+.1f} points (95% CI {raw_lo:+.1f} to '
        '{raw_hi:+.1f}) for resolved complainers over customers with no problem, so taken at face value '
        'the paradox holds.'),
    'cp_ex_q6_raw_not': (
        'Model answer (seed {seed}). The raw comparison gives {raw:+.1f} points (95% CI {raw_lo:+.1f} to '
        '{raw_hi:+.1f}) for resolved complainers over customers with no problem, so taken at face value '
        'the paradox is not shown.'),
    'cp_ex_q6_mix': (
        'But the groups are not comparable: gold members make up {gold_res:.0%} of the resolved '
        'complainers and only {gold_none:.0%} of the customers with no problem, and gold members buy more'
        ' whatever happens. Who complains and whose case is fully resolved is selected, not random.'),
    'cp_ex_q6_adj_above': (
        'Within tiers the difference is {d:+.1f} points (95% CI {lo:+.1f} to {hi:+.1f}): still above '
        'zero. Only the recorded confounder is removed; others may remain.'),
    'cp_ex_q6_adj_zero': (
        'Within tiers the difference is {d:+.1f} points (95% CI {lo:+.1f} to {hi:+.1f}): the interval '
        'includes zero, so the data do not show a paradox. Only the recorded confounder is removed; '
        'others may remain.'),
    'cp_ex_q6_advice': (
        'Advice: keep resolving complaints fully, since within tiers resolved complainers still come back'
        ' far more than unresolved ones, but do not count on a fixed problem to make customers more loyal'
        ' than no problem at all: preventing problems comes first.'),
    'cp_hint_q1': (
        'sort the categories by count, add up their shares; A = the categories whose cumulative share '
        '*before* them is below 80%, B below 95%, C the rest.'),
    'cp_hint_q2': (
        'the cases still open are not missing: each was unresolved for at least as long as it was '
        'observed. A P90 from the closed cases alone drops exactly the slow ones; read it off the '
        'share-resolved curve that keeps the open cases as censored.'),
    'cp_hint_q3_open': (
        'you counted the open cases as not fully resolved; the question assumes they will end with the '
        'same mix as the closed cases.'),
    'cp_hint_q3': (
        'the share fully resolved comes from the closed cases only; apply it to all complaints, and only '
        'the not fully resolved complainants tell the bad story (9.5 people each).'),
    'cp_hint_q4': (
        'the paradox holds only if the whole interval of the difference of the two repurchase rates '
        '(resolved complainers minus no problem) is above 0; a bare difference of two rates, or two '
        'separate intervals, is not a test.'),
    'cp_hint_q4_next': 'Does the verdict change with a smaller sample? And within member tiers (Q6)?',
    'cp_hint_q5_list': "give the path as a list of node names, e.g. ['define_problem', ...].",
    'cp_hint_q5_ends': "every walk starts at 'define_problem' and ends at 'record_solution'.",
    'cp_hint_q5_other': (
        'when neither you nor anyone else can provide what the customer wants, the model looks for other '
        'options before it offers a solution.'),
})
LABELS.update({
    # the data dictionary of this topic's datasets (crmlab.datasets.describe(name, "zh"))
    'dd_complaint_log__complaint_id': 'Complaint (case) number',
    'dd_complaint_log__complaint_id__unit': 'id',
    'dd_complaint_log__customer_id': 'Customer who complained (links to complaint_customers)',
    'dd_complaint_log__customer_id__unit': 'id',
    'dd_complaint_log__opened': 'When the complaint was received',
    'dd_complaint_log__first_response': 'First reply to the customer (empty when none by the end of the year)',
    'dd_complaint_log__first_response__unit': '2025, empty = no response yet',
    'dd_complaint_log__resolved': 'When the case was closed; empty for cases still open at 2025-12-31 23:59:59 (censored)',
    'dd_complaint_log__resolved__unit': '2025, empty = still open',
    'dd_complaint_log__channel': 'Where the complaint came in',
    'dd_complaint_log__channel__unit': 'phone / web / email / store / social',
    'dd_complaint_log__category': 'What the complaint is about',
    'dd_complaint_log__category__unit': 'delivery / defect / billing / staff / wrong_item / installation / refund / website / other',
    'dd_complaint_log__severity': 'Severity assigned by the complaint desk',
    'dd_complaint_log__severity__unit': 'low / medium / high',
    'dd_complaint_log__contacts': 'Customer contacts on the case (1 = first-contact resolution)',
    'dd_complaint_log__contacts__unit': 'contacts >= 1',
    'dd_complaint_log__outcome': 'Resolution outcome',
    'dd_complaint_log__outcome__unit': 'full / partial / none, empty = open',
    'dd_complaint_log__satisfaction': 'Satisfaction with the resolution: 1 = very dissatisfied ... 5 = very satisfied',
    'dd_complaint_log__satisfaction__unit': '1-5, empty = open',
    'dd_complaint_log__reopened': 'The customer reopened the case after it was closed',
    'dd_complaint_customers__customer_id': 'Customer number',
    'dd_complaint_customers__customer_id__unit': 'id',
    'dd_complaint_customers__tier': 'Member tier at the start; gold members complain more readily, get full resolutions more often and spend more (the confounder of the recovery comparison)',
    'dd_complaint_customers__tier__unit': 'basic / silver / gold',
    'dd_complaint_customers__had_problem': 'Had a problem with a purchase',
    'dd_complaint_customers__complained': 'Complained about it (appears in complaint_log)',
    'dd_complaint_customers__resolved': "The complaint was fully resolved (outcome 'full'); 0 for non-complainers",
    'dd_complaint_customers__purchases_before': 'Orders in the six months before the problem',
    'dd_complaint_customers__purchases_before__unit': 'orders',
    'dd_complaint_customers__purchases_after': 'Orders in the six months after',
    'dd_complaint_customers__purchases_after__unit': 'orders',
    'dd_complaint_customers__spend_before': 'Spend in the six months before',
    'dd_complaint_customers__spend_before__unit': 'CNY',
    'dd_complaint_customers__spend_after': 'Spend in the six months after',
    'dd_complaint_customers__spend_after__unit': 'CNY',
    'dd_complaint_customers__repurchased': 'Bought again within six months (purchases_after > 0)',
    'dd_contact_queue__call_id': 'Call number (in order of arrival)',
    'dd_contact_queue__call_id__unit': 'id',
    'dd_contact_queue__arrived': 'When the call reached the queue',
    'dd_contact_queue__wait_seconds': 'Time in the queue until answered or until the caller hung up',
    'dd_contact_queue__wait_seconds__unit': 'seconds',
    'dd_contact_queue__abandoned': 'The caller hung up before an agent answered',
    'dd_contact_queue__handled': 'An agent handled the call (0 for abandoned calls and voicemail)',
})
