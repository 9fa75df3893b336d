"""The kit's hand-written intervals (crmlab.stats) against statsmodels, a maintained library (test extra only).

The kit keeps its own formulas because they are the lesson (each is a few
lines a student can read) and they are vectorised over groups; these tests
show they agree with statsmodels to 1e-10 over many counts and levels.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlab import stats

smp = pytest.importorskip("statsmodels.stats.proportion")
smw = pytest.importorskip("statsmodels.stats.weightstats")

counts = st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))
levels = st.sampled_from([0.8, 0.9, 0.95, 0.99])


@settings(max_examples=200, deadline=None)
@given(counts, levels)
def test_wilson_matches_statsmodels(kn, confidence):
    k, n = kn
    low, high = stats.wilson_ci(k, n, confidence)
    ref = smp.proportion_confint(k, n, alpha=1 - confidence, method="wilson")
    np.testing.assert_allclose([float(low), float(high)], ref, atol=1e-10)


@settings(max_examples=200, deadline=None)
@given(counts, counts, levels)
def test_newcombe_matches_statsmodels(a, b, confidence):
    (k1, n1), (k2, n2) = a, b
    d, low, high = stats.diff_ci(k1, n1, k2, n2, confidence)
    ref = smp.confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff",
                                         alpha=1 - confidence)
    assert float(d) == pytest.approx(k1 / n1 - k2 / n2, abs=1e-12)
    np.testing.assert_allclose([float(low), float(high)], ref, atol=1e-10)


def test_the_review_example_app_vs_store_churn():
    """03's counter-example to the overlap rule: overlapping intervals, a difference whose interval excludes 0."""
    k1, n1, k2, n2 = 144, 264, 237, 521  # 54.5% [48.5, 60.5] vs 45.5% [41.3, 49.8], as in the review
    l1, u1 = stats.wilson_ci(k1, n1)
    l2, u2 = stats.wilson_ci(k2, n2)
    assert l1 < u2  # the two 95% intervals overlap ...
    d, low, high = stats.diff_ci(k1, n1, k2, n2)
    assert low > 0  # ... yet the difference is clearly positive
    ref = smp.confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff")
    np.testing.assert_allclose([float(low), float(high)], ref, atol=1e-10)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 1000).map(lambda v: v / 100), min_size=3, max_size=40),
       st.lists(st.integers(0, 1000).map(lambda v: v / 100), min_size=3, max_size=40), levels)
def test_welch_matches_statsmodels(x, y, confidence):
    x, y = np.array(x), np.array(y)
    if x.std(ddof=1) == 0 and y.std(ddof=1) == 0:
        return
    d, low, high = stats.diff_ci(x.mean(), len(x), y.mean(), len(y), confidence, sd1=x.std(ddof=1),
                                 sd2=y.std(ddof=1))
    cm = smw.CompareMeans(smw.DescrStatsW(x), smw.DescrStatsW(y))
    ref = cm.tconfint_diff(alpha=1 - confidence, usevar="unequal")
    np.testing.assert_allclose([float(low), float(high)], ref, rtol=1e-8, atol=1e-9)
