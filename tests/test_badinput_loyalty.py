"""Bad-input battery for crmlab.loyalty (issue 13, section 4): each case a distinct bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd

from badinput import Bad, check, params
from crmlab import loyalty as L

T = "crmlab.loyalty."


def tx(**change) -> pd.DataFrame:
    """Four customers, text dates, amounts, margins and a channel; ``change`` replaces columns."""
    base = pd.DataFrame({
        "customer_id": [1, 1, 2, 2, 3, 4],
        "date": ["2024-01-01", "2024-03-01", "2024-01-05", "2024-06-05", "2024-02-01", "2024-07-01"],
        "amount": [10.0, 20.0, 5.0, 7.5, 30.0, 12.0],
        "margin": [2.0, 4.0, 1.0, 1.5, 6.0, 2.4],
        "channel": ["web", "web", "store", "store", "web", "store"],
    })
    for k, val in change.items():
        base[k] = val
    return base


def survey(**change) -> pd.DataFrame:
    base = pd.DataFrame({"recommend": [10, 9, 7, 3, 0], "satisfaction": [5, 4, 3, 2, 1],
                         "loyal": ["yes", "no", "yes", "no", "no"], "segment": ["a", "a", "b", "b", "b"],
                         "purchases": [5, 1, 0, 3, 2], "repurchase_intent": [5, 4, 2, 1, 3]})
    for k, val in change.items():
        base[k] = val
    return base


TZ = pd.to_datetime(["2024-01-01 10:00", "2024-03-01 00:00", "2024-01-05", "2024-06-05", "2024-02-01",
                     "2024-07-01"], format="mixed").tz_localize("Asia/Shanghai")

CASES = [
    # repeat_rate
    Bad("b2-repeat-tz-start-text", T + "repeat_rate", lambda: L.repeat_rate(tx(date=TX_TZ()), start="last spring"),
        r"start='last spring'"),
    Bad("b2-repeat-start-number", T + "repeat_rate", lambda: L.repeat_rate(tx(), start=20240101), r"start=20240101"),
    Bad("b2-repeat-start-after-end", T + "repeat_rate", lambda: L.repeat_rate(tx(), start="2024-06-01", end="2024-01-01"),
        r"start='2024-06-01' is after end"),
    Bad("b2-repeat-empty-period", T + "repeat_rate", lambda: L.repeat_rate(tx(), start="2030-01-01"),
        r"no transactions between start='2030-01-01'"),
    Bad("b2-repeat-by-missing-label", T + "repeat_rate",
        lambda: L.repeat_rate(tx(channel=["web", None, "store", "store", None, "web"]), by="channel"),
        r"group column 'channel' has 2 missing"),
    Bad("b2-repeat-by-blank-label", T + "repeat_rate",
        lambda: L.repeat_rate(tx(channel=["web", "web", " ", "store", "web", "store"]), by="channel"),
        r"group column 'channel' has 1 missing or blank"),
    Bad("b2-repeat-by-unknown-column", T + "repeat_rate", lambda: L.repeat_rate(tx(), by="region"), r"'region'"),
    Bad("b2-repeat-bad-date-text", T + "repeat_rate",
        lambda: L.repeat_rate(tx(date=["2024-01-01", "soon", "2024-01-05", "2024-06-05", "2024-02-01", "2024-07-01"])),
        r"'date'.*'soon'"),
    Bad("b2-repeat-missing-customer", T + "repeat_rate", lambda: L.repeat_rate(tx(customer_id=[1, None, 2, 2, 3, 4])),
        r"'customer_id' has 1 missing"),
    Bad("b2-repeat-mixed-id-types", T + "repeat_rate",
        lambda: L.repeat_rate(tx(customer_id=pd.Series([1, "1", 2, 2, 3, 4], dtype=object))), r"mixes id types"),
    Bad("b2-repeat-confidence-text", T + "repeat_rate", lambda: L.repeat_rate(tx(), confidence="95%"), r"confidence='95%'"),
    Bad("b2-repeat-confidence-percent", T + "repeat_rate", lambda: L.repeat_rate(tx(), confidence=95), r"confidence=95"),
    Bad("b2-repeat-not-a-frame", T + "repeat_rate", lambda: L.repeat_rate([1, 2, 3]), r"DataFrame, got list"),
    Bad("b2-repeat-empty-frame", T + "repeat_rate", lambda: L.repeat_rate(tx().iloc[:0]), r"0 rows"),
    Bad("b2-repeat-customer-list", T + "repeat_rate", lambda: L.repeat_rate(tx(), customer=["customer_id"]),
        r"customer=\['customer_id'\] is not a column name"),
    Bad("b2-repeat-duplicate-column", T + "repeat_rate",
        lambda: L.repeat_rate(pd.concat([tx(), tx()[["date"]]], axis=1)), r"'date' appears 2 times"),
    # tucker_loyal
    Bad("b2-tucker-n-float", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), n=2.5), r"n=2.5"),
    Bad("b2-tucker-n-zero", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), n=0), r"n=0"),
    Bad("b2-tucker-window-text", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), window="a year"), r"window='a year'"),
    Bad("b2-tucker-window-negative-td", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), window="-30D"), r"window=.*positive"),
    Bad("b2-tucker-window-zero", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), window=0), r"window=0"),
    Bad("b2-tucker-window-bool", T + "tucker_loyal", lambda: L.tucker_loyal(tx(), window=True), r"window=True"),
    Bad("b2-tucker-date-numbers", T + "tucker_loyal", lambda: L.tucker_loyal(tx(date=[1.5, 2, 3, 4, 5, 6])), r"'date'"),
    # rfm
    Bad("b2-rfm-bins-one", T + "rfm", lambda: L.rfm(tx(), bins=1), r"bins=1"),
    Bad("b2-rfm-bins-text", T + "rfm", lambda: L.rfm(tx(), bins="5"), r"bins='5'"),
    Bad("b2-rfm-as-of-number", T + "rfm", lambda: L.rfm(tx(), as_of=3), r"as_of=3 is not a date"),
    Bad("b2-rfm-as-of-text", T + "rfm", lambda: L.rfm(tx(), as_of="end of year"), r"as_of='end of year'"),
    Bad("b2-rfm-as-of-before-data", T + "rfm", lambda: L.rfm(tx(), as_of="2000-01-01"), r"as_of=2000-01-01"),
    Bad("b2-rfm-negative-amount", T + "rfm", lambda: L.rfm(tx(amount=[10.0, -20, 5, 7.5, 30, 12])), r"'amount'.*-20"),
    Bad("b2-rfm-nan-amount", T + "rfm", lambda: L.rfm(tx(amount=[10.0, np.nan, 5, 7.5, 30, 12])), r"'amount' has 1 missing"),
    Bad("b2-rfm-inf-amount", T + "rfm", lambda: L.rfm(tx(amount=[10.0, np.inf, 5, 7.5, 30, 12])), r"'amount'.*infinite"),
    Bad("b2-rfm-text-amount", T + "rfm", lambda: L.rfm(tx(amount=["10", "20", "5", "7.5", "30", "x"])), r"'amount' must be numeric"),
    # purchase_deciles
    Bad("b2-deciles-no-margin-column", T + "purchase_deciles", lambda: L.purchase_deciles(tx().drop(columns="margin"), n_groups=2),
        r"margin=None"),
    Bad("b2-deciles-too-few-customers", T + "purchase_deciles", lambda: L.purchase_deciles(tx()), r"only 4 customers for n_groups=10"),
    Bad("b2-deciles-n-groups-float", T + "purchase_deciles", lambda: L.purchase_deciles(tx(), n_groups=2.5), r"n_groups=2.5"),
    Bad("b2-deciles-zero-sales", T + "purchase_deciles", lambda: L.purchase_deciles(tx(amount=0.0), n_groups=2), r"'amount' sums to 0"),
    Bad("b2-deciles-zero-profit", T + "purchase_deciles", lambda: L.purchase_deciles(tx(margin=0.0), n_groups=2), r"'margin' sums to 0"),
    Bad("b2-deciles-loss", T + "purchase_deciles", lambda: L.purchase_deciles(tx(margin=-1.0), n_groups=2),
        r"'margin' sums to a loss", warns=True),
    Bad("b2-deciles-margin-text", T + "purchase_deciles", lambda: L.purchase_deciles(tx(margin="high"), n_groups=2),
        r"'margin' must be numeric"),
    # lorenz_curve, gini, pareto_share
    Bad("b2-lorenz-scalar", T + "lorenz_curve", lambda: L.lorenz_curve(5), r"got int 5"),
    Bad("b2-lorenz-2d-array", T + "lorenz_curve", lambda: L.lorenz_curve(np.ones((2, 2))), r"got ndarray"),
    Bad("b2-lorenz-descending-text", T + "lorenz_curve", lambda: L.lorenz_curve([1.0, 2.0], descending="yes"),
        r"descending='yes'"),
    Bad("b2-gini-all-zero", T + "gini", lambda: L.gini([0.0, 0.0, 0.0]), r"all values are 0"),
    Bad("b2-gini-negative", T + "gini", lambda: L.gini(pd.Series([5.0, -1.0, 2.0])), r"'value'.*-1"),
    Bad("b2-gini-nan", T + "gini", lambda: L.gini([1.0, np.nan]), r"'value' has 1 missing"),
    Bad("b2-gini-inf", T + "gini", lambda: L.gini([1.0, np.inf]), r"'value'.*infinite"),
    Bad("b2-gini-text-values", T + "gini", lambda: L.gini(["a", "b"]), r"'value' must be numeric"),
    Bad("b2-gini-empty", T + "gini", lambda: L.gini([]), r"values are empty"),
    Bad("b2-gini-none", T + "gini", lambda: L.gini(None), r"got NoneType"),
    Bad("b2-pareto-top-text", T + "pareto_share", lambda: L.pareto_share([1.0, 2.0], top="20%"), r"top='20%'"),
    Bad("b2-pareto-top-percent", T + "pareto_share", lambda: L.pareto_share([1.0, 2.0], top=20), r"top=20"),
    Bad("b2-pareto-top-nan", T + "pareto_share", lambda: L.pareto_share([1.0, 2.0], top=float("nan")), r"top=nan"),
    # cohort_retention
    Bad("b2-cohort-freq-week", T + "cohort_retention", lambda: L.cohort_retention(tx(), freq="W"), r"freq='W'"),
    Bad("b2-cohort-freq-list", T + "cohort_retention", lambda: L.cohort_retention(tx(), freq=["M"]), r"freq=\['M'\]"),
    Bad("b2-cohort-counts-text", T + "cohort_retention", lambda: L.cohort_retention(tx(), counts="no"), r"counts='no'"),
    Bad("b2-cohort-missing-date", T + "cohort_retention",
        lambda: L.cohort_retention(tx(date=["2024-01-01", None, "2024-01-05", "2024-06-05", "2024-02-01", "2024-07-01"])),
        r"'date' has 1 missing"),
    # churn_by_group
    Bad("b2-churn-by-missing-label", T + "churn_by_group",
        lambda: L.churn_by_group(tx(channel=["web", "web", None, "store", "web", "store"]), by="channel",
                                 as_of="2025-06-01"), r"group column 'channel' has 1 missing"),
    Bad("b2-churn-by-none", T + "churn_by_group", lambda: L.churn_by_group(tx(), by=None), r"needs by="),
    Bad("b2-churn-inactive-negative", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", inactive_days=-5),
        r"inactive_days=-5"),
    Bad("b2-churn-inactive-bool", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", inactive_days=True),
        r"inactive_days=True"),
    Bad("b2-churn-nobody-eligible", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", inactive_days=3650),
        r"no customer was acquired 3650 days"),
    Bad("b2-churn-as-of-free-text", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", as_of="yesterday-ish"),
        r"as_of='yesterday-ish'"),
    # clv, clv_projection, margin_multiplier, retention_sensitivity
    Bad("b2-clv-periods-float", T + "clv", lambda: L.clv(100, 0.8, periods=2.5), r"periods=2.5"),
    Bad("b2-clv-periods-zero", T + "clv", lambda: L.clv(100, 0.8, periods=0), r"periods=0"),
    Bad("b2-clv-margin-text", T + "clv", lambda: L.clv("100", 0.8), r"margin='100' is not a number"),
    Bad("b2-clv-margin-nan", T + "clv", lambda: L.clv(float("nan"), 0.8), r"margin=nan has missing"),
    Bad("b2-clv-retention-percent", T + "clv", lambda: L.clv(100, 80), r"retention=80 must be between 0 and 1"),
    Bad("b2-clv-retention-text-list", T + "clv", lambda: L.clv(100, ["0.8", "x"]), r"retention=.*not a number"),
    Bad("b2-clv-infinite-horizon", T + "clv", lambda: L.clv(100, 1.0, discount=0.0), r"retention \* \(1 \+ growth\)"),
    Bad("b2-clv-growth-minus-200", T + "clv", lambda: L.clv(100, 0.8, growth=-2), r"growth=-2"),
    Bad("b2-clv-shapes", T + "clv", lambda: L.clv([100, 200, 300], [0.8, 0.7]), r"shapes .* do not fit"),
    Bad("b2-clv-cost-none", T + "clv", lambda: L.clv(100, 0.8, acquisition_cost=None), r"acquisition_cost=None"),
    Bad("b2-projection-periods-float", T + "clv_projection", lambda: L.clv_projection(100, 0.8, periods=2.5), r"periods=2.5"),
    Bad("b2-projection-margin-text", T + "clv_projection", lambda: L.clv_projection("a lot", 0.8), r"margin='a lot'"),
    Bad("b2-projection-array-retention", T + "clv_projection", lambda: L.clv_projection(100, [0.7, 0.8]),
        r"one retention and one discount"),
    Bad("b2-multiplier-retention-one", T + "margin_multiplier", lambda: L.margin_multiplier(1.0, 0.1), r"retention=1.0"),
    Bad("b2-multiplier-discount-negative", T + "margin_multiplier", lambda: L.margin_multiplier(0.8, -0.1), r"discount=-0.1"),
    Bad("b2-sensitivity-retention-zero", T + "retention_sensitivity", lambda: L.retention_sensitivity(100, [0.0, 0.5]),
        r"CLV is 0 at retention row 0: 0.0", warns=True),
    Bad("b2-sensitivity-above-one", T + "retention_sensitivity", lambda: L.retention_sensitivity(100, [0.5, 0.97]),
        r"retention \+ delta goes above 1 for retention row 1: 0.97"),
    Bad("b2-sensitivity-delta-text", T + "retention_sensitivity", lambda: L.retention_sensitivity(100, 0.5, delta="5"),
        r"delta='5'"),
    Bad("b2-sensitivity-delta-zero", T + "retention_sensitivity", lambda: L.retention_sensitivity(100, 0.5, delta=0),
        r"delta=0"),
    Bad("b2-sensitivity-negative-clv", T + "retention_sensitivity",
        lambda: L.retention_sensitivity(10, [0.5], acquisition_cost=100), r"CLV is negative", warns=True),
    # nps
    Bad("b2-nps-by-missing-label", T + "nps", lambda: L.nps(survey(segment=["a", None, "b", "b", "b"]), by="segment"),
        r"group column 'segment' has 1 missing"),
    Bad("b2-nps-out-of-scale", T + "nps", lambda: L.nps(survey(recommend=[10, 11, 7, 3, 0])), r"'recommend'.*11"),
    Bad("b2-nps-fraction", T + "nps", lambda: L.nps(survey(recommend=[10, 8.5, 7, 3, 0])), r"'recommend'.*whole-number"),
    Bad("b2-nps-text-scores", T + "nps", lambda: L.nps(pd.Series(["9", "10", "x"])), r"'recommend' must be numeric"),
    Bad("b2-nps-all-missing", T + "nps", lambda: L.nps(pd.Series([np.nan, np.nan])), r"'recommend' has no answers"),
    Bad("b2-nps-series-with-by", T + "nps", lambda: L.nps(pd.Series([9, 10]), by="segment"), r"by= needs a DataFrame"),
    Bad("b2-nps-confidence-one", T + "nps", lambda: L.nps(survey(), confidence=1.0), r"confidence=1.0"),
    # jones_sasser
    Bad("b2-js-satisfied-at-text", T + "jones_sasser", lambda: L.jones_sasser(survey(), satisfied_at="4"), r"satisfied_at='4'"),
    Bad("b2-js-apostle-out-of-scale", T + "jones_sasser", lambda: L.jones_sasser(survey(), apostle_at=11), r"apostle_at=11"),
    Bad("b2-js-terrorist-above-apostle", T + "jones_sasser", lambda: L.jones_sasser(survey(), terrorist_at=9, apostle_at=8),
        r"terrorist_at=9 must be below apostle_at=8"),
    Bad("b2-js-lang", T + "jones_sasser", lambda: L.jones_sasser(survey(), lang="fr"), r"lang='fr'"),
    Bad("b2-js-loyal-unknown-text", T + "jones_sasser", lambda: L.jones_sasser(survey(loyal=["yes", "maybe", "no", "no", "no"])),
        r"'loyal'.*'maybe'"),
    Bad("b2-js-satisfaction-7-point", T + "jones_sasser", lambda: L.jones_sasser(survey(satisfaction=[7, 6, 5, 2, 1])),
        r"'satisfaction'.*1-5"),
    # jones_sasser: the top-box threshold and the dissatisfied threshold
    Bad("b2-js-satisfied-at-one", T + "jones_sasser", lambda: L.jones_sasser(survey(), satisfied_at=1),
        r"satisfied_at=1 is out of range"),
    Bad("b2-js-satisfied-at-fraction", T + "jones_sasser", lambda: L.jones_sasser(survey(), satisfied_at=4.5),
        r"satisfied_at=4.5 must be a whole number"),
    Bad("b2-js-dissatisfied-not-below", T + "jones_sasser", lambda: L.jones_sasser(survey(), satisfied_at=3, dissatisfied_at=3),
        r"dissatisfied_at=3 must be below satisfied_at=3"),
    Bad("b2-js-dissatisfied-bool", T + "jones_sasser", lambda: L.jones_sasser(survey(), dissatisfied_at=True),
        r"dissatisfied_at=True must be a whole number"),
    # churn_by_group with margin= (the cost of churn)
    Bad("b2-churn-margin-missing-column", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", margin="profit"),
        r"column 'profit' \(margin=\) is missing"),
    Bad("b2-churn-margin-text", T + "churn_by_group",
        lambda: L.churn_by_group(tx(margin=["2", "4", "1", "1.5", "6", "2.4"]), "channel", margin="margin"), r"'margin'"),
    Bad("b2-churn-margin-nan", T + "churn_by_group",
        lambda: L.churn_by_group(tx(margin=[2.0, np.nan, 1, 1.5, 6, 2.4]), "channel", margin="margin"), r"'margin' has 1 missing"),
    Bad("b2-churn-margin-list", T + "churn_by_group", lambda: L.churn_by_group(tx(), "channel", margin=["margin"]),
        r"margin=\['margin'\] is not a column name"),
    Bad("b2-churn-no-churn-in-a-group", T + "churn_by_group",
        lambda: L.churn_by_group(tx(date=["2024-01-01", "2024-12-30", "2024-01-05", "2024-12-29", "2024-02-01",
                                          "2024-12-01"]), "channel", as_of="2024-12-31", margin="margin"),
        r"no churned customer in group", warns=True),
    # customer_targets
    Bad("b2-targets-max-rate-text", T + "customer_targets", lambda: L.customer_targets(_big(), max_margin_rate="15%"),
        r"max_margin_rate='15%'"),
    Bad("b2-targets-grow-share-one", T + "customer_targets", lambda: L.customer_targets(_big(), grow_share=1.0),
        r"grow_share=1 must lie strictly between 0 and 1"),
    Bad("b2-targets-decline-zero", T + "customer_targets", lambda: L.customer_targets(_big(), decline=0),
        r"decline=0 must lie strictly between 0 and 1"),
    Bad("b2-targets-decline-percent", T + "customer_targets", lambda: L.customer_targets(_big(), decline=25),
        r"decline=25"),
    Bad("b2-targets-too-few-customers", T + "customer_targets", lambda: L.customer_targets(tx()),
        r"only 4 customers: a decile analysis needs at least 10"),
    Bad("b2-targets-as-of-before-data", T + "customer_targets", lambda: L.customer_targets(_big(), as_of="2020-01-01"),
        r"no purchase on or before as_of"),
    Bad("b2-targets-no-margin-column", T + "customer_targets", lambda: L.customer_targets(_big().drop(columns="margin")),
        r"column 'margin' \(margin=\) is missing"),
    Bad("b2-targets-zero-sales", T + "customer_targets", lambda: L.customer_targets(_big().assign(amount=0.0)),
        r"'amount' sums to 0"),
    # the Jones & Sasser threshold widget
    Bad("b2-trapw-satisfied-six", "crmlab.widgets.loyalty.trap_explorer", lambda: _trapw(satisfied_at=6),
        r"satisfied_at=6 is out of range"),
    Bad("b2-trapw-loyal-zero", "crmlab.widgets.loyalty.trap_explorer", lambda: _trapw(loyal_at=0), r"loyal_at=0 is out of range"),
    Bad("b2-trapw-missing-purchases", "crmlab.widgets.loyalty.trap_explorer",
        lambda: _trapw(purchases="purchases_2025"), r"'purchases_2025'"),
    Bad("b2-trapw-lang", "crmlab.widgets.loyalty.trap_explorer", lambda: _trapw(lang="jp"), r"lang='jp'"),
    Bad("b2-trapw-satisfaction-7-point", "crmlab.widgets.loyalty.trap_explorer",
        lambda: _trapw(df=survey(satisfaction=[7, 6, 5, 2, 1])), r"'satisfaction'.*1-5"),
    # loyalty_groups
    Bad("b2-groups-negative-purchases", T + "loyalty_groups", lambda: L.loyalty_groups(survey(purchases=[5, -1, 0, 3, 2])),
        r"'purchases'.*-1"),
    Bad("b2-groups-missing-intent", T + "loyalty_groups",
        lambda: L.loyalty_groups(survey(repurchase_intent=[5, np.nan, 2, 1, 3])), r"'repurchase_intent' has 1 missing"),
    Bad("b2-groups-regular-at-zero", T + "loyalty_groups", lambda: L.loyalty_groups(survey(), regular_at=0), r"regular_at=0"),
    Bad("b2-groups-intent-at-text", T + "loyalty_groups", lambda: L.loyalty_groups(survey(), intent_at="high"), r"intent_at='high'"),
    # rfm_summary
    Bad("b2-summary-unit-weeks", T + "rfm_summary", lambda: L.rfm_summary(tx(), unit="weeks"), r"unit='weeks'"),
    Bad("b2-summary-unit-list", T + "rfm_summary", lambda: L.rfm_summary(tx(), unit=["W"]), r"unit=\['W'\]"),
    Bad("b2-summary-obs-before-cal", T + "rfm_summary",
        lambda: L.rfm_summary(tx(), calibration_end="2024-06-30", observation_end="2024-01-01"),
        r"observation_end must be after calibration_end"),
    Bad("b2-summary-cal-before-data", T + "rfm_summary", lambda: L.rfm_summary(tx(), calibration_end="2020-01-01"),
        r"calibration_end=2020-01-01"),
    Bad("b2-summary-cal-number", T + "rfm_summary", lambda: L.rfm_summary(tx(), calibration_end=2024), r"calibration_end=2024"),
    Bad("b2-summary-obs-free-text", T + "rfm_summary",
        lambda: L.rfm_summary(tx(), calibration_end="2024-03-31", observation_end="next year"), r"observation_end='next year'"),
    Bad("b2-summary-amount-negative", T + "rfm_summary", lambda: L.rfm_summary(tx(amount=[1.0, 2, -3, 4, 5, 6]), amount="amount"),
        r"'amount'.*-3"),
    # the CLV widget
    Bad("b2-widget-margin-text", "crmlab.widgets.loyalty.clv_explorer", lambda: _widget(margin="100"), r"margin='100'"),
    Bad("b2-widget-periods-float", "crmlab.widgets.loyalty.clv_explorer", lambda: _widget(periods=2.5), r"periods=2.5"),
    Bad("b2-widget-lang", "crmlab.widgets.loyalty.clv_explorer", lambda: _widget(lang="de"), r"lang='de'"),
    Bad("b2-widget-retention-clamped", "crmlab.widgets.loyalty.clv_explorer", lambda: _widget(retention=0.98),
        r"retention=0.98 is outside the slider's range", warns=True),
]


def _big() -> pd.DataFrame:
    """Twelve customers with one purchase each (enough for deciles)."""
    return pd.DataFrame({"customer_id": range(1, 13), "date": "2024-06-01",
                         "amount": [float(10 * i) for i in range(1, 13)], "margin": [float(3 * i) for i in range(1, 13)]})


def _trapw(df=None, **kw):
    from crmlab.widgets.loyalty import trap_explorer

    return trap_explorer(survey().assign(purchases_next=[3, 0, 2, 1, 0]) if df is None else
                         df.assign(purchases_next=[3, 0, 2, 1, 0]), **kw)


def _widget(**kw):
    from crmlab.widgets.loyalty import clv_explorer

    return clv_explorer(**kw)


def TX_TZ():
    return TZ


@params(CASES)
def test_bad_input(case):
    check(case)


def test_timezone_aware_dates_count_local_days():
    """A tz-aware column gives the same answer as its local wall-clock times (no raw TypeError)."""
    aware = tx(date=TZ)
    naive = tx(date=TZ.tz_localize(None))
    pd.testing.assert_frame_equal(L.repeat_rate(aware, start="2024-01-01", end="2024-12-31"),
                                  L.repeat_rate(naive, start="2024-01-01", end="2024-12-31"))
    pd.testing.assert_frame_equal(L.rfm(aware, as_of="2024-12-31"), L.rfm(naive, as_of="2024-12-31"))
    assert L.rfm_summary(aware, calibration_end="2024-06-30T00:00+08:00")["frequency"].tolist() == [1, 1, 0]


def test_duplicated_row_labels_are_fine():
    df = tx().set_axis([0, 0, 1, 1, 2, 2])
    assert L.repeat_rate(df)["rate"].item() == 0.5


def test_clv_whole_float_periods_equals_int():
    assert L.clv(100, 0.8, periods=3.0) == L.clv(100, 0.8, periods=3)
