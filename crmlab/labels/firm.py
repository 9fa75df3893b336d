"""Labels of the own-data report (crmlab.firm, notebooks/firm_report.ipynb)."""

LABELS = {
    "fm_title": "Assessment of the firm's own data",
    "fm_table_satisfaction": "satisfaction survey",
    "fm_table_transactions": "transactions",
    "fm_table_complaints": "complaint log",
    "fm_table_contacts": "contact-centre export",
    "fm_table_servqual": "SERVQUAL survey",
    "fm_table_key_accounts": "key-account ratings",
    "fm_table_pls": "PLS survey",
    "fm_sections_present": "This report covers: {tables}.",
    "fm_sections_absent": "Left out because the mapping names no such table: {tables}.",
    "fm_sections_none_absent": "Every kind of table the kit knows is in the mapping.",
    "fm_dq_heading": "Data quality",
    "fm_dq_table": "{table} (file {file}): {read} rows read, {excluded} excluded, {used} used.",
    "fm_dq_excluded": "{n} rows excluded ({reason}).",
    "fm_dq_recoded": "{n} values recoded: {what}.",
    "fm_dq_clean": "No row was excluded and no value recoded.",
    "fm_complaints": "{n} complaints received from {start} to {end}. Median time to the response: "
                     "{median_d} days; mean time, counting at most {horizon_d} days (restricted mean): "
                     "{rmst_d} days (95% interval {lo_d} to {hi_d}).",
    "fm_complaints_open": "{n_open} complaints are still open: they count as open for at least their age "
                          "(right-censored), not as closed.",
    "fm_complaints_closed": "Every complaint in the log has a response date, so no case is censored.",
    "fm_pareto": "{k} of {m} categories make up {share} of the complaints; the largest is {top} ({top_share}).",
    "fm_timely": "Responses within {days} days: {pct} (95% interval {lo} to {hi}, n = {n}).",
    "fm_timely_flag": "The firm's own timely-response flag says yes for {pct} of the complaints "
                      "(95% interval {lo} to {hi}).",
    "fm_disputed": "The customer disputed the response in {pct} of the complaints with an answer "
                   "(95% interval {lo} to {hi}).",
    "fm_satisfaction": "Customer satisfaction index (CSI) {csi} of 100 (95% interval {lo} to {hi}, "
                       "n = {n}, scale {s_lo} to {s_hi}).",
    "fm_top_box": "Top-{k} box: {pct} of the respondents answered {cut} or higher.",
    "fm_segment_low": "Lowest CSI by segment: {segment} ({csi}); highest: {segment_hi} ({csi_hi}).",
    "fm_driver": "Strongest driver of overall satisfaction: {driver} (regression coefficient {coef}, "
                 "{n} complete answers used).",
    "fm_transactions": "{customers} customers made {purchases} purchases from {start} to {end}; "
                       "{repeat} of them bought on two or more days (repeat-purchase rate).",
    "fm_deciles": "The best 10% of customers bring {top_share} of sales.",
    "fm_contacts": "{calls} contacts: mean wait {wait} s, {abandon} abandoned, {sl} answered within {threshold} s "
                   "(service level).",
    "fm_servqual_short": "Perceptions fall short of expectations: mean SERVQUAL gap (P - E) {gap} over "
                         "{n} respondents (scale {s_lo} to {s_hi}).",
    "fm_servqual_exceed": "Perceptions meet or exceed expectations: mean SERVQUAL gap (P - E) {gap} over "
                          "{n} respondents (scale {s_lo} to {s_hi}).",
    "fm_servqual_dim": "The largest shortfall is in {dim} ({dim_gap}); the smallest in {dim_best} ({best_gap}).",
    "fm_servqual_weighted": "Weighted by the importance the respondents gave each dimension, the gap is {wsq}; "
                            "the heaviest dimension is {heavy} (weight {weight}).",
    "fm_key_accounts": "{n} key accounts placed in the Burnett matrix; the most common strategy is "
                       "{strategy} ({k} accounts).",
    "fm_pls": "PLS path model on {n} respondents: {target} has R² {r2}; the strongest path into it comes from "
              "{source} ({coef}); goodness of fit {gof}.",
    "fm_why_not_dates": "column {column}: not a date",
    "fm_why_no_date": "column {column}: no date",
    "fm_why_codes": "column {column}: not one of the yes/no codes",
    "fm_why_not_numbers": "column {column}: not a number",
    "fm_why_empty": "column {column}: empty answer",
    "fm_why_scale": "column {column}: outside the scale {low} to {high}",
    "fm_why_no_id": "column {column}: no id",
    "fm_why_negative": "column {column}: negative",
    "fm_why_before": "column {column}: earlier than {other}",
    "fm_recoded_yes": "{column}, {code} read as yes",
    "fm_recoded_no": "{column}, {code} read as no",
    "fm_recoded_blank": "{column}, empty read as the category {label}",
    "fm_not_ready": "The data cannot be assessed yet: run crmlab check-data and fix the problems it lists.",
}
