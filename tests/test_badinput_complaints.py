"""Bad-input battery: crmlab.complaints (area b1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from badinput import Bad, check, params

from crmlab import complaints as c
from crmlab import datasets


def log():
    return datasets.load("complaint_log").head(200)


def tiny(**cols):
    base = {"opened": ["2024-01-01 00:00", "2024-01-01 05:00"], "resolved": ["2024-01-01 10:00", None]}
    base.update(cols)
    return pd.DataFrame(base)


KW = dict(first_response=None, outcome=None, satisfaction=None, reopened=None, contacts=None)

CASES: list[Bad] = [
    Bad("b1-cp-kpis-tz-aware", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(opened=["2024-01-01 00:00+08:00", "2024-01-01 05:00"]), **KW),
        r"'opened' mixes timestamps with a time zone"),
    Bad("b1-cp-kpis-tz-column-warns", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny().assign(opened=lambda d: pd.to_datetime(d["opened"]).dt.tz_localize("UTC"),
                                               resolved=lambda d: pd.to_datetime(d["resolved"]).dt.tz_localize("UTC")),
                                 **KW), r"time-zone aware", warns=True),
    Bad("b1-cp-kpis-end-text", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(), end="last spring", **KW), r"end='last spring' cannot be read as a date"),
    Bad("b1-cp-kpis-by-missing", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(channel=["web", None]), by="channel", **KW), r"'channel' has 1 missing"),
    Bad("b1-cp-kpis-orders-text", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(channel=["web", "app"]), by="channel", orders={"web": "1000", "app": 5}, **KW),
        r"orders must be positive numbers.*'web': '1000'"),
    Bad("b1-cp-kpis-orders-zero", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(channel=["web", "app"]), by="channel", orders={"web": 0, "app": 5}, **KW),
        r"'web': 0"),
    Bad("b1-cp-kpis-sla-text", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(), sla_hours="two days", **KW), r"sla_hours='two days'"),
    Bad("b1-cp-kpis-mixed-calendar", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(opened=["13/01/2024", "01/13/2024"]), **KW), r"'opened' mixes day-first"),
    Bad("b1-cp-kpis-epoch", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(opened=[1704067200, 1704085200]), **KW), r"'opened'.*unit='s'"),
    Bad("b1-cp-kpis-resolved-before", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(resolved=["2023-12-31", None]), **KW), r"'resolved' is earlier than 'opened'"),
    Bad("b1-cp-kpis-contacts-zero", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(log().assign(contacts=0)), r"'contacts' must be >= 1"),
    Bad("b1-cp-kpis-method", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(log(), method="naive"), r"method='naive'"),
    Bad("b1-cp-km-no-is-text", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier([1.0, 2.0, 3.0], ["yes", "no", "maybe"]), r"'resolved'.*'maybe'"),
    Bad("b1-cp-km-negative", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier([1.0, -2.0], [True, False]), r"'hours' must not be negative"),
    Bad("b1-cp-km-nan", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier([1.0, np.nan], [True, False]), r"'hours' has 1 missing"),
    Bad("b1-cp-km-length", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier([1.0, 2.0, 3.0], [True, False]), r"same length.*hours: 3, resolved: 2"),
    Bad("b1-cp-km-by-missing", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier([1.0, 2.0], [True, False], by=["a", None]), r"'by' has 1 missing"),
    Bad("b1-cp-km-hours-text", "crmlab.complaints.kaplan_meier",
        lambda: c.kaplan_meier(["1h", "2h"], [True, False]), r"'hours' must be numeric"),
    Bad("b1-cp-curve-hours-text", "crmlab.complaints.resolution_curve",
        lambda: c.resolution_curve(log(), hours=["24", "two days"]), r"'hours' must be numeric.*'two days'"),
    Bad("b1-cp-curve-hours-negative", "crmlab.complaints.resolution_curve",
        lambda: c.resolution_curve(log(), hours=[-5, 24]), r"'hours' must not be negative"),
    Bad("b1-cp-curve-confidence", "crmlab.complaints.resolution_curve",
        lambda: c.resolution_curve(log(), confidence="high"), r"confidence='high'"),
    Bad("b1-cp-curve-end", "crmlab.complaints.resolution_curve",
        lambda: c.resolution_curve(log(), end=["2014-01-01"]), r"end=\['2014-01-01'\] must be one date"),
    Bad("b1-cp-pareto-a-text", "crmlab.complaints.pareto", lambda: c.pareto(log(), a="80%"), r"a='80%'"),
    Bad("b1-cp-pareto-order", "crmlab.complaints.pareto", lambda: c.pareto(log(), a=0.9, b=0.8), r"0 < a < b <= 1"),
    Bad("b1-cp-pareto-category", "crmlab.complaints.pareto",
        lambda: c.pareto(log(), category="kind"), r"'kind' is missing"),
    Bad("b1-cp-queue-by-missing", "crmlab.complaints.queue_metrics",
        lambda: c.queue_metrics(datasets.load("contact_queue").head(50).assign(
            channel=lambda d: d.iloc[:, 0].astype(str).where(d.index != 4)), by="channel"), r"'channel' has 1 missing"),
    Bad("b1-cp-queue-threshold", "crmlab.complaints.queue_metrics",
        lambda: c.queue_metrics(datasets.load("contact_queue").head(50), threshold=-1), r"threshold=-1"),
    Bad("b1-cp-outcome-mix-empty", "crmlab.complaints.outcome_mix",
        lambda: c.outcome_mix(log().assign(outcome=None)), r"'outcome' has no outcomes"),
    Bad("b1-cp-wom-share-text", "crmlab.complaints.word_of_mouth",
        lambda: c.word_of_mouth(100, share_full="half"), r"share_full='half'"),
    Bad("b1-cp-wom-share-over-1", "crmlab.complaints.word_of_mouth",
        lambda: c.word_of_mouth(100, reduce_share=45), r"reduce_share=45 is a share"),
    Bad("b1-cp-wom-n-negative", "crmlab.complaints.word_of_mouth", lambda: c.word_of_mouth(-3), r"n_complaints=-3"),
    Bad("b1-cp-recovery-flag", "crmlab.complaints.recovery_table",
        lambda: c.recovery_table(datasets.load("complaint_customers").head(300).assign(complained="sometimes")),
        r"'complained'.*'sometimes'"),
    Bad("b1-cp-recovery-confidence", "crmlab.complaints.recovery_table",
        lambda: c.recovery_table(datasets.load("complaint_customers").head(300), confidence=1), r"confidence=1"),
    Bad("b1-cp-walk-list", "crmlab.complaints.walk_decision",
        lambda: c.walk_decision(["yes", "no"]), r"answers must be a dict.*got list"),
    Bad("b1-cp-walk-maybe", "crmlab.complaints.walk_decision",
        lambda: c.walk_decision({"makes_up_loss": "maybe"}), r"answers must be yes/no.*'makes_up_loss': 'maybe'"),
    Bad("b1-cp-walk-unknown", "crmlab.complaints.walk_decision",
        lambda: c.walk_decision({"refund": True}), r"unknown question\(s\) 'refund'"),
    Bad("b1-cp-decision-lang", "crmlab.complaints.decision_model", lambda: c.decision_model(lang="EN"), r"lang='EN'"),
    Bad("b1-cp-check-seed", "crmlab.checks.complaints.exercise_data",
        lambda: __import__("crmlab.checks.complaints", fromlist=["x"]).exercise_data(seed="7"), r"seed='7'"),
    Bad("b1-cp-rmst-horizon-text", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(), horizon="a month"), r"horizon='a month'"),
    Bad("b1-cp-rmst-horizon-negative", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(), horizon=-24), r"horizon"),
    Bad("b1-cp-rmst-beyond-follow-up", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(), horizon=1000, end="2024-01-02"), r"beyond the longest observed", warns=True),
    Bad("b1-cp-rmst-by-missing", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(channel=["web", None]), horizon=24, by="channel"), r"'channel' has 1 missing"),
    Bad("b1-cp-rmst-no-column", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(), horizon=24, resolved="closed"), r"'closed'"),
    Bad("b1-cp-adjusted-no-stratum-column", "crmlab.complaints.recovery_adjusted",
        lambda: c.recovery_adjusted(datasets.load("complaint_customers"), by="segment"), r"'segment'"),
    Bad("b1-cp-adjusted-groups-one", "crmlab.complaints.recovery_adjusted",
        lambda: c.recovery_adjusted(datasets.load("complaint_customers"), by="tier", groups="no_problem"),
        r"groups='no_problem' must be two different groups"),
    Bad("b1-cp-adjusted-groups-unknown", "crmlab.complaints.recovery_adjusted",
        lambda: c.recovery_adjusted(datasets.load("complaint_customers"), by="tier", groups=("resolved", "no_problem")),
        r"groups=\('resolved', 'no_problem'\)"),
    Bad("b1-cp-adjusted-empty-stratum", "crmlab.complaints.recovery_adjusted",
        lambda: c.recovery_adjusted(datasets.load("complaint_customers").assign(
            tier=lambda d: d["tier"].where(d["had_problem"], "none")), by="tier"),
        r"'tier': stratum/strata 'basic', 'gold', 'none', 'silver' hold no"),
    Bad("b1-cp-adjusted-tier-missing", "crmlab.complaints.recovery_adjusted",
        lambda: c.recovery_adjusted(datasets.load("complaint_customers").assign(
            tier=lambda d: d["tier"].where(d.index > 2)), by="tier"), r"'tier' has 3 missing"),
]


def dur(**cols):
    base = {"opened": ["2024-01-01", "2024-01-02"], "closed": ["2024-01-03", None]}
    base.update(cols)
    return pd.DataFrame(base)


CASES += [
    Bad("b1-cp-dur-missing-end", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(tiny()), r"'closed' is missing.*end='<closed column>'"),
    Bad("b1-cp-dur-reversed", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(closed=["2023-12-31", None])), r"earlier than 'opened'.*bad_rows='drop'"),
    Bad("b1-cp-dur-bad-rows-word", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(), bad_rows="skip"), r"bad_rows"),
    Bad("b1-cp-dur-horizon-negative", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(), horizon_h=-5), r"horizon"),
    Bad("b1-cp-dur-horizon-text", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(), horizon_h="a week"), r"horizon"),
    Bad("b1-cp-dur-zero-durations", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(closed=["2024-01-01", "2024-01-02"])), r"horizon_h="),
    Bad("b1-cp-dur-by-blank", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(g=["a", None]), by="g"), r"'g' has 1 missing"),
    Bad("b1-cp-dur-as-of-early", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(), as_of="2023-06-01"), r"opened after end"),
    Bad("b1-cp-dur-drop-all", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(closed=["2023-12-01", "2023-12-01"]), bad_rows="drop"), r"swapped"),
    Bad("b1-cp-dur-drop-warns", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(closed=["2023-12-01", "2024-01-05"]), bad_rows="drop"),
        r"left out 1 of 2", warns=True),
    Bad("b1-cp-timely-missing-column", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(), "opened", "responded"), r"'responded' is missing"),
    Bad("b1-cp-timely-days-negative", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(), "opened", "closed", within_days=-1), r"within_days"),
    Bad("b1-cp-timely-days-bool", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(), "opened", "closed", within_days=True), r"within_days"),
    Bad("b1-cp-timely-reversed", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(closed=["2023-12-31", None]), "opened", "closed"), r"bad_rows='drop'"),
    Bad("b1-cp-timely-all-pending", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(closed=[None, None]), "opened", "closed", as_of="2024-01-05"), r"pending"),
    Bad("b1-cp-timely-confidence", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(), "opened", "closed", confidence=95), r"confidence"),
    Bad("b1-cp-timely-not-dates", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(closed=["soon", None]), "opened", "closed"), r"'closed' has values that are not dates"),
    Bad("b1-cp-kpis-optional-absent", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny()), r"optional: pass None.*first_response=None"),
    Bad("b1-cp-kpis-bad-rows-word", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(), bad_rows=True, **KW), r"bad_rows"),
    Bad("b1-cp-kpis-drop-warns", "crmlab.complaints.complaint_kpis",
        lambda: c.complaint_kpis(tiny(resolved=["2023-12-31", "2024-01-02"]), bad_rows="drop", **KW),
        r"bad_rows='drop' left out 1", warns=True),
    Bad("b1-cp-rmst-reversed-fix", "crmlab.complaints.restricted_mean",
        lambda: c.restricted_mean(tiny(resolved=["2023-12-31", None]), horizon=5), r"bad_rows='drop'"),
    Bad("b1-cp-dur-blank-word", "crmlab.complaints.duration_summary",
        lambda: c.duration_summary(dur(g=["a", None]), by="g", blank="keep"), r"blank"),
    Bad("b1-cp-timely-by-blank-says-policy", "crmlab.complaints.timely_share",
        lambda: c.timely_share(dur(g=["a", " "]), "opened", "closed", by="g"), r"'g' has 1 missing or blank"),
    Bad("b1-cp-queue-handled-absent", "crmlab.complaints.queue_metrics",
        lambda: c.queue_metrics(pd.DataFrame({"wait_seconds": [5.0], "abandoned": [False]})),
        r"'handled' \(handled=\).*optional: pass None.*handled=None"),
    Bad("b1-cp-pareto-blank-word", "crmlab.complaints.pareto",
        lambda: c.pareto(pd.DataFrame({"category": ["a", None]}), blank="fill"), r"blank"),
    Bad("b1-cp-pareto-missing-says-label", "crmlab.complaints.pareto",
        lambda: c.pareto(pd.DataFrame({"category": ["a", None]})), r"blank='label'"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
