"""Loyalty helpers on a firm's export: integer YYYYMMDD dates through validate.to_datetime everywhere,
and purchase deciles without a margin column (issue 19, item 4)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmlab import datasets
from crmlab import loyalty as L
from crmlab.errors import CRMDataError


@pytest.fixture(scope="module")
def tx():
    return datasets.load("loyalty_transactions")


def _yyyymmdd(tx, kind):
    n = tx["date"].dt.strftime("%Y%m%d")
    if kind == "int":
        return tx.assign(date=n.astype("int64"))
    if kind == "Int64":
        return tx.assign(date=n.astype("int64").astype("Int64"))
    return tx.assign(date=n)  # text "20240127"


CALLS = {
    "repeat_rate": lambda d: L.repeat_rate(d, by="channel"),
    "tucker_loyal": lambda d: L.tucker_loyal(d),
    "rfm": lambda d: L.rfm(d, as_of="2024-12-31"),
    "cohort_retention": lambda d: L.cohort_retention(d),
    "churn_by_group": lambda d: L.churn_by_group(d, "channel", as_of="2024-12-31", margin="margin"),
    "customer_targets": lambda d: L.customer_targets(d, as_of="2024-12-31"),
    "rfm_summary": lambda d: L.rfm_summary(d, calibration_end="2024-06-30"),
}


@pytest.mark.parametrize("kind", ["int", "Int64", "text"])
@pytest.mark.parametrize("name", list(CALLS))
def test_yyyymmdd_dates_give_the_same_answer(tx, name, kind):
    want = CALLS[name](tx)
    got = CALLS[name](_yyyymmdd(tx, kind))
    if isinstance(want, pd.DataFrame):
        pd.testing.assert_frame_equal(got, want)
    else:
        pd.testing.assert_series_equal(got, want)


def test_numbers_that_are_not_calendar_dates_are_refused(tx):
    bad = _yyyymmdd(tx.head(20), "int")
    bad.loc[3, "date"] = 20241345
    with pytest.raises(CRMDataError, match=r"'date' holds YYYYMMDD numbers.*20241345"):
        L.repeat_rate(bad)


def test_purchase_deciles_without_a_margin_column(tx):
    sales_only = tx.drop(columns="margin")
    with pytest.raises(CRMDataError, match=r"margin=None"):
        L.purchase_deciles(sales_only)
    d = L.purchase_deciles(sales_only, margin=None)
    assert not any("profit" in c for c in d.columns)
    full = L.purchase_deciles(tx)
    pd.testing.assert_frame_equal(d, full[d.columns])
    per = tx.groupby("customer_id")["amount"].sum()
    assert d["sales"].sum() == pytest.approx(per.sum())
    assert d["customers"].sum() == per.size
    top = per.sort_values(ascending=False).head(int(d["customers"].iloc[0]))
    assert d["sales_share"].iloc[0] == pytest.approx(top.sum() / per.sum())
