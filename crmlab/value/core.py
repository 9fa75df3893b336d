"""Customer value quantification (客户价值量化): CLV tables, Gamma-Gamma spend, model-based CLV, customer equity.

Three steps from the simple formula to a value per customer:

1. the simple retention CLV, m * r / (1 + d - r), and its margin multiplier
   r / (1 + d - r) as a table over retention and discount rates
   (:func:`margin_multiplier_table`; the formula itself is
   :func:`crmlab.loyalty.clv`, Gupta & Lehmann 2003), and the percent rise of
   CLV from five more points of retention over retention x margin growth
   (:func:`retention_surface`, against Reichheld & Sasser's 1990 range
   :data:`RS_RANGE`);
2. the number of future purchases from the BG/NBD model
   (:mod:`crmlab.loyalty.bgnbd`, Fader, Hardie & Lee 2005a), with the two
   diagnostics of the model's authors: the tracking of cumulative repeat
   purchases week by week (:func:`tracking`) and the conditional
   expectations by calibration frequency (:func:`conditional_expectations`);
3. the spend per purchase from the Gamma-Gamma model (Fader, Hardie & Lee
   2005b, "RFM and CLV: using iso-value curves"; Colombo & Jiang 1999):
   :func:`fit_gamma_gamma`, :func:`expected_spend`, and the check of its key
   assumption, :func:`spend_independence`.

:func:`model_clv` multiplies them (expected purchases per period x expected
spend x margin, discounted) into a CLV per customer; :func:`clv_per_customer`
does all of it from a transaction table and returns one Series (e.g. to feed
the Burnett attractiveness index). :func:`customer_equity` and
:func:`budget_split` value a customer base the Blattberg & Deighton (1996)
way and split the marketing budget between acquisition and retention.

Gamma-Gamma model: a customer's spends per purchase z_1..z_x are
Gamma(p, nu) (shape p, rate nu; mean p / nu), and nu varies across customers
as Gamma(q, gamma) (shape q, rate gamma). The mean m_x of x spends is then
Gamma(p x, nu x), and integrating nu out gives the likelihood of one customer

    log L = lnG(p x + q) - lnG(p x) - lnG(q) + q log(gamma) + (p x - 1) log(m_x)
            + p x log(x) - (p x + q) log(gamma + m_x x)

and the expected spend of a customer with history (x, m_x)

    E[Z | x, m_x] = p (gamma + m_x x) / (p x + q - 1)
                  = w * p gamma / (q - 1) + (1 - w) * m_x,   w = (q - 1) / (p x + q - 1)

a weighted mean of the population mean p gamma / (q - 1) and the customer's
own mean: the more purchases, the more weight on the customer's own mean.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import optimize, special

from crmlab import validate as v
from crmlab.errors import CRMDataError, CRMWarning
from crmlab.loyalty.bgnbd import BGNBD, expected_purchases, expected_purchases_new, fit_bgnbd, p_alive
from crmlab.loyalty.core import UNIT_DAYS, margin_multiplier, retention_sensitivity, rfm_summary
from crmlab.stats import z_quantile

__all__ = [
    "margin_multiplier_table", "retention_surface", "RS_RANGE",
    "GammaGamma", "GG_PARAMS", "GG_GTOL", "fit_gamma_gamma", "gamma_gamma_loglik", "gamma_gamma_gradient",
    "expected_spend", "simulate_gamma_gamma", "SpendIndependence", "spend_independence",
    "tracking", "conditional_expectations", "model_clv", "clv_per_customer",
    "customer_equity", "budget_split", "retention_value",
]

GG_PARAMS = ("p", "q", "gamma")
GG_GTOL = 1e-9      # convergence: max |d mean log L / d log(param)| at the reported optimum
_BOUND = 12.0       # search range of log(param) (gamma on the scale of the median spend)
_DRIFT = 7.0
MIN_CUSTOMERS = 10
WEAK_SE = 5.0


# ------------------------------------------------------------------ simple CLV

def margin_multiplier_table(retention=(0.5, 0.6, 0.7, 0.8, 0.9), discount=(0.05, 0.10, 0.15, 0.20)) -> pd.DataFrame:
    """The margin multiplier r / (1 + d - r) for every retention rate (rows) and discount rate (columns).

    CLV = margin x multiplier (Gupta & Lehmann 2003): with the table a
    manager reads the value of a customer for any margin at a glance.

    >>> margin_multiplier_table([0.8], [0.1]).round(3).iloc[0, 0]
    np.float64(2.667)
    """
    r = np.atleast_1d(np.asarray(_rates(retention, "retention", 0.999999), dtype="float64"))
    d = np.atleast_1d(np.asarray(_rates(discount, "discount", 10.0), dtype="float64"))
    if r.ndim != 1 or d.ndim != 1:
        raise CRMDataError("retention and discount must be lists of rates. Fix: e.g. retention=[0.6, 0.7, 0.8], "
                           "discount=[0.05, 0.1].")
    table = margin_multiplier(r[:, None], d[None, :])
    return pd.DataFrame(table, index=pd.Index(r, name="retention"), columns=pd.Index(d, name="discount"))


RS_RANGE = (25.0, 85.0)
"""Reichheld & Sasser (1990): five points more retention raised profits by 25% to 85% in the firms they studied."""


def _distinct_rates(value, name, low, high, example):
    arr = v.to_numbers(value, name, f"pass a list of numbers, e.g. {name}={example}.")
    arr = np.atleast_1d(np.asarray(arr, dtype="float64"))
    if arr.ndim != 1 or arr.size == 0:
        raise CRMDataError(f"{name} must be a non-empty 1-d list of numbers. Fix: e.g. {name}={example}.")
    s = pd.Series(arr)
    bad = ~np.isfinite(arr) | (arr <= low) | (arr > high)
    if bad.any():
        raise CRMDataError(f"{name} must lie above {low:g} and at most {high:g}; got {v.show_values(s[bad])}. "
                           f"Fix: e.g. {name}={example}.")
    dup = s.duplicated(keep=False)
    if dup.any():
        raise CRMDataError(f"{name} has repeated values {v.show_values(s[dup])}: each row or column must be one "
                           f"profile. Fix: pass distinct values, e.g. {name}={example}.")
    return arr


def retention_surface(retention=(0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95),
                      growth=(0.0, 0.02, 0.04, 0.06, 0.08), discount: float = 0.10, delta: float = 0.05,
                      margin: float = 1.0, periods: int | None = None, acquisition_cost: float = 0.0) -> pd.DataFrame:
    """Percent rise of CLV from ``delta`` more retention, for every base retention (rows) and margin growth (columns).

    Cell (r, g) = CLV(r + delta) / CLV(r) - 1, in percent, with CLV from
    :func:`crmlab.loyalty.clv` (margin m growing by g a year of tenure,
    discount rate d; :func:`crmlab.loyalty.retention_sensitivity` per
    column). With no acquisition cost the margin cancels, so the surface is
    the same for every m; an acquisition cost raises every cell (the rise is
    taken on a smaller net value). Values are rounded to 10 decimals, so that
    a cell that equals a bound of the range exactly is counted the same on
    every machine. Reichheld & Sasser (1990) report +25% to
    +85% (:data:`RS_RANGE`) for their firms; the surface shows where a
    retention profile and a margin profile land against that range.

    Parameters
    ----------
    retention : list of float
        Base retention rates r (rows), distinct, above 0 and at most 1 - delta.
    growth : list of float
        Margin growth per year of tenure g (columns), distinct, above -1.
    discount : float, default 0.1
        Discount rate per year d.
    delta : float, default 0.05
        The rise in retention (0.05 = five points).
    margin : float, default 1.0
        Margin per customer and year (matters only with an acquisition cost).
    periods : int, optional
        Horizon in years (None: infinite; then (r + delta)(1 + g) must stay below 1 + d).
    acquisition_cost : float, default 0.0
        Cost of winning the customer, subtracted from CLV.

    Example
    -------
    >>> s = retention_surface([0.8, 0.9], [0.0, 0.08])
    >>> s.round(1).values.tolist()   # 0.85/0.25 / (0.8/0.3) - 1 = 27.5%
    [[27.5, 37.8], [40.7, 82.6]]

    Source: Reichheld, F. F. & Sasser, W. E. (1990). Zero defections: quality
    comes to services. Harvard Business Review 68(5); the CLV formula: Gupta &
    Lehmann (2003).
    """
    d = _rates(discount, "discount", 10.0)
    if np.ndim(d) != 0 and np.size(d) != 1:
        raise CRMDataError("discount must be one rate, not a list. Fix: e.g. discount=0.1 "
                           "(call once per discount rate).")
    d = float(np.ravel(d)[0])
    if isinstance(delta, (bool, np.bool_)) or not isinstance(delta, (int, float, np.integer, np.floating)) \
            or not 0 < float(delta) < 1:
        raise CRMDataError(f"delta={delta!r} must be a number between 0 and 1 (the rise in retention). "
                           "Fix: e.g. delta=0.05 for five points.")
    delta = float(delta)
    r = _distinct_rates(retention, "retention", 0.0, 1.0 - delta + 1e-12, "[0.6, 0.7, 0.8]")
    g = _distinct_rates(growth, "growth", -1.0, 10.0, "[0.0, 0.04, 0.08]")
    if periods is None:
        over = (np.minimum(r + delta, 1.0)[:, None] * (1 + g)[None, :]) >= 1 + d
        if over.any():
            i, j = np.nonzero(over)
            pairs = ", ".join(f"(retention {r[a]:g}, growth {g[b]:g})" for a, b in list(zip(i, j))[:5])
            raise CRMDataError(f"retention + delta times 1 + growth reaches 1 + discount = {1 + d:g} at {pairs}"
                               f"{' ...' if len(i) > 5 else ''}: the infinite-horizon CLV has no finite value there. "
                               f"Fix: use growth below {(1 + d) / min(1.0, r.max() + delta) - 1:.3g} or pass periods=.")
    cols = {gi: retention_sensitivity(margin, np.minimum(r, 1.0 - delta), d, delta, periods, float(gi),
                                      acquisition_cost)["change_pct"].to_numpy() for gi in g}
    # rounded to 10 decimals: an exact tie with a bound of RS_RANGE (d = 0.05, r = 0.7 gives 25% exactly,
    # computed as 24.999999999999996 or 25.000000000000004 depending on the path) falls on the same side everywhere
    out = pd.DataFrame({k: np.round(c, 10) for k, c in cols.items()}, index=pd.Index(r, name="retention"))
    out.columns = pd.Index(g, name="growth")
    out.attrs.update(delta=delta, discount=d)
    return out


def _rates(value, name, upper):
    arr = v.to_numbers(value, name, f"pass rates between 0 and {upper:g}, e.g. {name}=[0.6, 0.8].")
    bad = ~np.isfinite(arr) | (arr < 0) | (arr > upper)
    if arr.size == 0 or bad.any():
        shown = v.show_values(pd.Series(np.ravel(arr)[np.ravel(bad)], index=np.flatnonzero(np.ravel(bad)))) \
            if arr.size else "nothing"
        raise CRMDataError(f"{name} must be rates between 0 and {upper:g}; got {shown}. "
                           f"Fix: pass fractions, e.g. {name}=[0.6, 0.8] for 60% and 80%.")
    return arr


# ------------------------------------------------------------------ Gamma-Gamma

def _fsum(values, weights) -> float:
    """sum_i weights_i * values_i, exactly rounded (math.fsum): independent of order, BLAS and threads."""
    return math.fsum(memoryview(np.ascontiguousarray(np.asarray(values, dtype="float64") * weights).reshape(-1)))


class _GGData:
    """Sufficient sums of the Gamma-Gamma likelihood over pooled, canonically ordered customers.

    The log-gamma and digamma terms depend on a customer only through x, so
    they are summed per distinct x; the terms in log(gamma + m x) are summed
    over the rows. Every sum is a math.fsum over rows in sorted order.
    """

    def __init__(self, x, m, w):
        self.x, self.m, self.w = x, m, w
        self.n = math.fsum(w.tolist())
        self.ux, inv = np.unique(x, return_inverse=True)
        self.cx = np.bincount(inv, weights=w)          # customers per distinct x (whole numbers: exact)
        self.wx = w * x
        self.c_logm = _fsum(np.log(m), w)                # sum w log m
        self.c_xlogmx = _fsum(x * np.log(m * x), w)      # sum w x log(m x)

    def evaluate(self, params, grad: bool = False, hess: bool = False):
        p, q, g = (float(z) for z in params)
        ux, cx, n = self.ux, self.cx, self.n
        pxq, px = p * ux + q, p * ux
        gmx = g + self.m * self.x
        L = np.log(gmx)
        s_xl, s_l = _fsum(L, self.wx), _fsum(L, self.w)
        ll = (_fsum(special.gammaln(pxq) - special.gammaln(px), cx) - n * float(special.gammaln(q))
              + n * q * math.log(g) + p * self.c_xlogmx - self.c_logm - p * s_xl - q * s_l)
        if not (grad or hess):
            return ll
        inv = 1.0 / gmx
        s_x1, s_1 = _fsum(inv, self.wx), _fsum(inv, self.w)
        a, b = special.digamma(pxq), special.digamma(px)
        dp = _fsum(ux * (a - b), cx) + self.c_xlogmx - s_xl
        dq = _fsum(a, cx) - n * float(special.digamma(q)) + n * math.log(g) - s_l
        dg = n * q / g - p * s_x1 - q * s_1
        G = np.array([p * dp, q * dq, g * dg])
        if not hess:
            return ll, G
        inv2 = inv * inv
        s_x2, s_2 = _fsum(inv2, self.wx), _fsum(inv2, self.w)
        a1, b1 = special.polygamma(1, pxq), special.polygamma(1, px)
        hpp = _fsum(ux * ux * (a1 - b1), cx)
        hpq = _fsum(ux * a1, cx)
        hqq = _fsum(a1, cx) - n * float(special.polygamma(1, q))
        hpg, hqg = -s_x1, n / g - s_1
        hgg = -n * q / g**2 + p * s_x2 + q * s_2
        # d2/dlog(a) dlog(b) = a b H_ab + [a == b] a dl/da
        H = np.array([[p * p * hpp + p * dp, p * q * hpq, p * g * hpg],
                      [p * q * hpq, q * q * hqq + q * dq, q * g * hqg],
                      [p * g * hpg, q * g * hqg, g * g * hgg + g * dg]])
        return ll, G, H


def _gg_arrays(summary, frequency, monetary):
    v.require_frame(summary, "summary")
    v.require_columns(summary, [frequency, monetary], "summary")
    v.require_numeric(summary, [frequency, monetary])
    v.require_no_missing(summary, [frequency, monetary])
    v.require_nonnegative(summary, [frequency, monetary],
                          fix="spend and purchase counts cannot be negative; drop returns or refunds first.")
    x = summary[frequency].to_numpy(dtype="float64")
    m = summary[monetary].to_numpy(dtype="float64")
    frac = ~np.isfinite(x) | (x != np.round(x))
    if frac.any():
        raise CRMDataError(f"column {frequency!r} must count repeat purchases (whole numbers); got "
                           f"{v.show_values(summary.loc[frac, frequency])}. Fix: build the summary with "
                           "crmlab.loyalty.rfm_summary(tx, amount='amount').")
    inf = ~np.isfinite(m)
    if inf.any():
        raise CRMDataError(f"column {monetary!r} must be finite; got {v.show_values(summary.loc[inf, monetary])}. "
                           "Fix: drop or correct those customers.")
    zero = (x > 0) & (m <= 0)
    if zero.any():
        raise CRMDataError(f"column {monetary!r} must be > 0 for customers with repeat purchases (the Gamma-Gamma "
                           f"model has positive spends); got {v.show_values(summary.loc[zero, monetary])}. Fix: drop "
                           "customers whose repeat purchases were all free or refunded, or correct the amounts.")
    return x, m


def _pool2(x, m):
    """Distinct (x, m) rows in sorted order and how many customers share each (independent of the row order)."""
    order = np.lexsort((m, x))
    xs, ms = x[order], m[order]
    new = np.ones(len(xs), dtype=bool)
    new[1:] = (xs[1:] != xs[:-1]) | (ms[1:] != ms[:-1])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(xs)))
    return xs[starts], ms[starts], counts.astype("float64")


@dataclass(frozen=True)
class GammaGamma:
    """A fitted Gamma-Gamma spend model: p, q, gamma, log-likelihood, customers used, standard errors."""

    p: float
    q: float
    gamma: float
    loglik: float
    n: int
    converged: bool
    std_errors: dict = field(default_factory=dict)

    @property
    def params(self) -> dict[str, float]:
        return {"p": self.p, "q": self.q, "gamma": self.gamma}

    @property
    def mean_spend(self) -> float:
        """Population mean spend per purchase, p gamma / (q - 1) (infinite when q <= 1)."""
        return self.p * self.gamma / (self.q - 1) if self.q > 1 else math.inf

    def table(self, true: dict | None = None) -> pd.DataFrame:
        """Estimates and standard errors (delta method, se(k) = k sqrt(diag((-H)^-1)) in log-parameters); true values when given."""
        out = pd.DataFrame({"estimated": pd.Series(self.params)})
        if self.std_errors:
            out["std_error"] = pd.Series(self.std_errors)
        if true is not None:
            out["true"] = pd.Series({k: float(true[k]) for k in GG_PARAMS})
        out.index.name = "parameter"
        return out

    def expected_spend(self, frequency, monetary):
        return expected_spend(self.params, frequency, monetary)

    def __repr__(self) -> str:
        return (f"GammaGamma(p={self.p:.3f}, q={self.q:.3f}, gamma={self.gamma:.3f}, "
                f"loglik={self.loglik:.1f}, n={self.n})")


def _gg_params(params):
    if isinstance(params, GammaGamma):
        params = params.params
    try:
        out = tuple(float(params[k]) for k in GG_PARAMS) if isinstance(params, dict) \
            else tuple(float(z) for z in params)
    except (KeyError, TypeError, ValueError):
        out = ()
    if len(out) != 3 or not all(math.isfinite(z) and z > 0 for z in out):
        raise CRMDataError(f"params={params!r:.80} must be three positive numbers p, q, gamma (a dict, a tuple or a "
                           "fitted GammaGamma). Fix: pass fit_gamma_gamma(summary) or e.g. "
                           "{'p': 4, 'q': 5, 'gamma': 200}.")
    return out


def _gg_likelihood_inputs(params, x, m, weights):
    params = _gg_params(params)
    try:
        x, m = (np.asarray(z, dtype="float64") for z in (x, m))
    except (TypeError, ValueError):
        raise CRMDataError("x and m must be numbers (purchases and mean spend per customer). "
                           "Fix: pass two numeric columns of one summary.") from None
    if x.shape != m.shape or x.ndim != 1:
        raise CRMDataError(f"x and m must be 1-d and of one length; got shapes {x.shape} and {m.shape}. "
                           "Fix: pass two columns of one summary table.")
    bad = ~np.isfinite(x) | (x < 1) | (x != np.round(x))
    if bad.any():
        raise CRMDataError(f"x must be whole numbers >= 1 (customers with repeat purchases); got "
                           f"{v.show_values(pd.Series(x[bad], index=np.flatnonzero(bad)))}. "
                           "Fix: keep only customers with frequency >= 1.")
    bad = ~np.isfinite(m) | (m <= 0)
    if bad.any():
        raise CRMDataError(f"m (mean spend) must be finite and > 0; got "
                           f"{v.show_values(pd.Series(m[bad], index=np.flatnonzero(bad)))}. Fix: correct those values.")
    return params, x, m, v.customer_weights(weights, x.size)


def gamma_gamma_loglik(params, x, m, weights=None) -> float:
    """Sum of the Gamma-Gamma log-likelihood (module docstring) over customers, exactly rounded.

    >>> round(gamma_gamma_loglik((2.0, 3.0, 10.0), [1], [5.0]), 6)   # one customer: hand-checked in tests
    -2.538151
    """
    params, x, m, w = _gg_likelihood_inputs(params, x, m, weights)
    return _GGData(*_pool_weighted(x, m, w)).evaluate(params)


def gamma_gamma_gradient(params, x, m, weights=None) -> np.ndarray:
    """Exact gradient of :func:`gamma_gamma_loglik` with respect to log(p, q, gamma).

    Per customer, psi = digamma:
    d/dp = x [psi(px+q) - psi(px) + log(m x) - log(gamma + m x)];
    d/dq = psi(px+q) - psi(q) + log(gamma) - log(gamma + m x);
    d/dgamma = q / gamma - (px+q) / (gamma + m x); and d/dlog(k) = k d/dk.
    """
    params, x, m, w = _gg_likelihood_inputs(params, x, m, weights)
    return _GGData(*_pool_weighted(x, m, w)).evaluate(params, grad=True)[1]


def _pool_weighted(x, m, w):
    order = np.lexsort((w, m, x))
    return x[order], m[order], w[order]


def _moment_start(x, m):
    """A start from the moments (m in units of its median): Var(m_x) = A / x + C across customers, with
    A = p gamma^2 / ((q-1)(q-2)) and C = p^2 gamma^2 / ((q-1)^2 (q-2)) (valid for q > 2), mean mu = p gamma / (q-1)."""
    default = np.log([1.0, 2.0, 1.0])  # population mean p gamma / (q - 1) = the median spend
    ux, inv, cnt = np.unique(x, return_inverse=True, return_counts=True)
    if len(ux) < 2:
        return default
    mean = np.bincount(inv, weights=m) / cnt
    var = np.bincount(inv, weights=(m - mean[inv]) ** 2) / np.maximum(cnt - 1, 1)
    ok = cnt >= 2
    if ok.sum() < 2:
        return default
    A, C = np.polyfit(1.0 / ux[ok], var[ok], 1, w=np.sqrt(cnt[ok]))
    mu = float(np.sum(m) / len(m))
    if not (A > 0 and C > 0 and mu > 0):
        return default
    q = 2.0 + mu * mu / C
    pp = (q - 1) / ((q - 2) * A / (mu * mu))
    g = mu * (q - 1) / pp
    start = np.log([pp, q, g])
    return start if np.all(np.isfinite(start)) and np.all(np.abs(start) < _BOUND - 1) else default


def _check_init(init, scale, x=None, m=None):
    if init is None:
        return _moment_start(x, m)
    try:
        arr = np.asarray(init, dtype="float64")
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.shape != (3,) or not np.isfinite(arr).all() or (arr <= 0).any():
        raise CRMDataError(f"init={init!r:.60} must be three positive numbers (p, q, gamma). "
                           "Fix: leave init=None (a start from the moments of the data), or pass e.g. init=(2, 3, 300).")
    theta = np.log(arr / np.array([1.0, 1.0, scale]))
    if (np.abs(theta) >= _BOUND).any():
        raise CRMDataError(f"init={init!r} lies outside the search range (p, q and gamma/median spend between "
                           f"e^-{_BOUND:g} and e^{_BOUND:g}). Fix: leave init=None.")
    return theta


def _maximise(theta, fg, g, h, gtol):
    """L-BFGS-B on -f with the exact gradient (to 1e-5), then Newton with the exact Hessian. Returns (theta, |grad|max)."""
    def obj(t):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            val, grad = fg(t)
        if not (np.isfinite(val) and np.isfinite(grad).all()):
            return 1e10, np.zeros(len(t))
        return -val, -grad

    k = len(theta)
    for _ in range(8):
        res = optimize.minimize(obj, theta, jac=True, method="L-BFGS-B", bounds=[(-_BOUND, _BOUND)] * k,
                                options={"maxiter": 5000, "ftol": 1e-15, "gtol": 1e-5})
        moved = np.max(np.abs(res.x - theta))
        theta = np.asarray(res.x, dtype="float64")
        gmax = np.max(np.abs(g(theta)))
        if gmax <= 1e-4 or moved < 1e-12 or np.any(np.abs(theta) >= _BOUND - 1e-6):
            break
    for _ in range(50):
        grad = g(theta)
        if np.max(np.abs(grad)) <= gtol / 100:
            break
        try:
            step = np.linalg.solve(h(theta), -grad)
        except np.linalg.LinAlgError:
            break
        if not np.isfinite(step).all():
            break
        step = step * min(1.0, 1.0 / max(1e-300, float(np.max(np.abs(step)))))
        new = theta + step
        if np.any(np.abs(new) > _BOUND) or not np.max(np.abs(g(new))) < np.max(np.abs(grad)):
            break
        theta = new
    return theta, float(np.max(np.abs(g(theta))))


def fit_gamma_gamma(summary: pd.DataFrame, frequency: str = "frequency", monetary: str = "monetary_value",
                    init=None) -> GammaGamma:
    """Fit the Gamma-Gamma spend model by maximum likelihood (Fader, Hardie & Lee 2005b).

    Uses the customers with at least one repeat purchase (frequency x >= 1;
    ``monetary`` = their mean spend per repeat purchase, as
    ``crmlab.loyalty.rfm_summary(tx, amount=...)`` builds it). Maximises the
    log-likelihood of the module docstring over log(p, q, gamma) with its
    exact gradient (L-BFGS-B), then Newton steps with the exact Hessian until
    max |d mean log L / d log(param)| < ``GG_GTOL`` (1e-9). Spends are
    divided by their median for the search (gamma scales with the unit of
    money; p and q do not). Customers with the same (x, m_x) are pooled in
    sorted order and every sum is a ``math.fsum``, so the estimates do not
    depend on the row order, BLAS or the thread count.

    Standard errors: delta method from the exact Hessian. Refused
    (CRMDataError): fewer than 10 customers with a repeat purchase, bad
    columns or ``init``, a fit that does not converge. A parameter that runs
    away (q and gamma -> infinity when customers hardly differ in their mean
    spend) warns (CRMWarning) and gives ``converged=False``.

    >>> s = simulate_gamma_gamma(3000, p=4, q=5, gamma=300, seed=1)
    >>> fit = fit_gamma_gamma(s)
    >>> round(fit.mean_spend, 1), fit.n
    (299.5, 3000)
    """
    x, m = _gg_arrays(summary, frequency, monetary)
    keep = x > 0
    n = int(keep.sum())
    if n < MIN_CUSTOMERS:
        raise CRMDataError(f"column {frequency!r}: only {n} customer(s) have a repeat purchase; the Gamma-Gamma fit "
                           f"estimates three parameters from the spread between customers and needs at least "
                           f"{MIN_CUSTOMERS} (in practice a few hundred). Fix: use a longer calibration period or "
                           "more customers.")
    x, m = x[keep], m[keep]
    scale = float(np.median(m))
    order = np.lexsort((m, x))  # the start, like the sums, must not depend on the row order
    theta0 = _check_init(init, scale, x[order], m[order] / scale)
    data = _GGData(*_pool2(x, m / scale))

    def fg(theta):
        ll, G = data.evaluate(np.exp(theta), grad=True)
        return ll / n, G / n

    def g(theta):
        return data.evaluate(np.exp(theta), grad=True)[1] / n

    def h(theta):
        return data.evaluate(np.exp(theta), hess=True)[2] / n

    def f(theta):
        return data.evaluate(np.exp(theta)) / n

    theta, gmax = _maximise(theta0, fg, g, h, GG_GTOL)
    names = dict(zip(GG_PARAMS, np.exp(theta) * np.array([1.0, 1.0, scale])))
    at_edge = [GG_PARAMS[k] for k in range(3)
               if abs(theta[k]) >= _BOUND - 1e-6 or (gmax > GG_GTOL and abs(theta[k]) > _DRIFT)]
    std: dict = {}
    if at_edge:
        converged = False
        warnings.warn(f"Gamma-Gamma fit: the likelihood has no finite maximum in {', '.join(at_edge)} "
                      f"({', '.join(f'{k}={names[k]:.3g}' for k in at_edge)}): customers hardly differ in their "
                      "mean spend, so the model's spread between customers is not identified. Fix: read "
                      "expected_spend as close to each customer's own mean, or use more customers.",
                      CRMWarning, stacklevel=2)
    else:
        if not gmax <= GG_GTOL:
            raise CRMDataError(f"the Gamma-Gamma fit did not converge (largest gradient component {gmax:.2g} > "
                               f"{GG_GTOL:g}). Fix: leave init=None, or start near a previous fit's estimates.")
        H = h(theta) * n
        try:
            ok = bool(np.all(np.linalg.eigvalsh(-H) > 0))
            cov = np.linalg.inv(-H)
        except np.linalg.LinAlgError:
            ok = False
        if not ok:
            raise CRMDataError("the Gamma-Gamma fit stopped at a point that is not a maximum of the likelihood "
                               "(the Hessian is not negative definite). Fix: use more customers with repeat "
                               "purchases, or leave init=None.")
        converged = True
        std = {k: float(names[k] * math.sqrt(cov[i, i])) for i, k in enumerate(GG_PARAMS)}
        weak = [k for k in GG_PARAMS if std[k] > WEAK_SE * names[k]]
        if weak:
            warnings.warn("Gamma-Gamma fit: the data barely identify " + ", ".join(weak) + ". Read those estimates "
                          "as unknown. Fix: fit on more customers with repeat purchases.", CRMWarning, stacklevel=2)
    loglik = f(theta) * n - n * math.log(scale)  # density of m in the original unit: f_s(m / s) / s
    if names["q"] <= 1:
        warnings.warn(f"Gamma-Gamma fit: q = {names['q']:.3g} <= 1, so the population mean spend p gamma / (q - 1) "
                      "is infinite (very heavy-tailed spend). Fix: read expected_spend only for customers with "
                      "purchases; check for outlier amounts.", CRMWarning, stacklevel=2)
    return GammaGamma(float(names["p"]), float(names["q"]), float(names["gamma"]), float(loglik), n,
                      converged, std)


def expected_spend(params, frequency, monetary):
    """Expected spend per purchase, given x purchases with mean spend m_x (FHL 2005b, eq. 5).

    E[Z | x, m_x] = p (gamma + m_x x) / (p x + q - 1): a weighted mean of the
    population mean p gamma / (q - 1) (weight (q - 1) / (p x + q - 1)) and
    the customer's own mean m_x. For x = 0 it is the population mean (needs
    q > 1). Works elementwise; a Series keeps its index.

    >>> round(float(expected_spend({"p": 2, "q": 3, "gamma": 10}, 1, 5.0)), 4)   # 2 * 15 / 4
    7.5
    """
    p, q, g = _gg_params(params)
    x = v.to_numbers(frequency, "frequency", "pass the number of repeat purchases per customer.")
    mx = v.to_numbers(monetary, "monetary", "pass the mean spend per repeat purchase per customer.")
    try:
        x, mx = np.broadcast_arrays(x, mx)
    except ValueError:
        raise CRMDataError(f"frequency and monetary have shapes {x.shape} and {mx.shape}. "
                           "Fix: pass two columns of one summary.") from None
    bad = ~np.isfinite(x) | (x < 0)
    if bad.any():
        raise CRMDataError(f"frequency must be finite and >= 0; got "
                           f"{v.show_values(pd.Series(x[bad], index=np.flatnonzero(bad)))}. Fix: correct those values.")
    bad = ~np.isfinite(mx) | (mx < 0) | ((x > 0) & (mx == 0))
    if bad.any():
        raise CRMDataError(f"monetary must be finite, > 0 where frequency > 0 and >= 0 elsewhere; got "
                           f"{v.show_values(pd.Series(mx[bad], index=np.flatnonzero(bad)))}. Fix: correct those values.")
    if q <= 1 and (x == 0).any():
        raise CRMDataError(f"q={q:.3g} <= 1: the population mean spend is infinite, so customers with frequency 0 "
                           "have no expected spend. Fix: value only customers with repeat purchases.")
    out = p * (g + mx * x) / (p * x + q - 1)
    if isinstance(monetary, pd.Series):
        return pd.Series(out, index=monetary.index, name="expected_spend")
    if isinstance(frequency, pd.Series):
        return pd.Series(out, index=frequency.index, name="expected_spend")
    return out


def simulate_gamma_gamma(n: int, p: float, q: float, gamma: float, frequency=None, mean_frequency: float = 4.0,
                         seed: int = 0) -> pd.DataFrame:
    """Draw ``n`` customers' mean spends from the Gamma-Gamma model with known p, q, gamma.

    Each customer gets nu ~ Gamma(q, rate gamma), then the mean of x spends
    Gamma(p, nu) is drawn exactly as Gamma(p x, rate nu x). ``frequency``
    gives x per customer (whole numbers >= 1); default: 1 + Poisson(mean_frequency - 1).
    Columns ``frequency, monetary_value, true_mean_spend`` (p / nu); the
    true parameters are in ``.attrs["true_params"]``.

    Parameters
    ----------
    n : int
        Number of customers.
    p, q, gamma : float
        Shape of the spend per purchase; shape and rate of its rate nu across customers.
    frequency : array of int, optional
        Repeat purchases per customer (length n).
    mean_frequency : float, default 4.0
        Mean of x when ``frequency`` is not given.
    seed : int, default 0
        Seed of the random generator.
    """
    n = v.require_int(n, "n", 1)
    seed = v.require_int(seed, "seed", 0)
    p, q, gamma = _gg_params((p, q, gamma))
    rng = np.random.default_rng(seed)
    if frequency is None:
        mf = v.require_positive(mean_frequency, "mean_frequency")
        if mf < 1:
            raise CRMDataError(f"mean_frequency={mean_frequency!r} must be >= 1 (every customer has a repeat "
                               "purchase). Fix: e.g. mean_frequency=4.")
        x = 1 + rng.poisson(mf - 1, size=n)
    else:
        x = v.to_numbers(frequency, "frequency", f"pass {n} whole numbers >= 1.")
        if x.shape != (n,) or (~np.isfinite(x) | (x < 1) | (x != np.round(x))).any():
            raise CRMDataError(f"frequency must be {n} whole numbers >= 1. Fix: pass one count per customer.")
    nu = rng.gamma(q, 1.0 / gamma, size=n)
    mx = rng.gamma(p * x, 1.0 / (nu * x))
    out = pd.DataFrame({"frequency": x.astype("int64"), "monetary_value": mx, "true_mean_spend": p / nu})
    out.attrs["true_params"] = {"p": p, "q": q, "gamma": gamma}
    return out


@dataclass(frozen=True)
class SpendIndependence:
    """Correlation of purchase frequency and mean spend (the Gamma-Gamma assumption is that it is ~0)."""

    pearson: float
    ci_low: float
    ci_high: float
    spearman: float
    n: int
    confidence: float

    @property
    def includes_zero(self) -> bool:
        return self.ci_low <= 0 <= self.ci_high


def spend_independence(summary: pd.DataFrame, frequency: str = "frequency", monetary: str = "monetary_value",
                       confidence: float = 0.95) -> SpendIndependence:
    """Check the Gamma-Gamma assumption that spend per purchase does not depend on how often one buys.

    Pearson correlation of x and m_x over customers with x >= 1, with a
    Fisher-z interval (tanh(atanh(r) +- z / sqrt(n - 3))), and the Spearman
    rank correlation. FHL (2005b) report 0.11 on CDNOW and call it weak
    enough; a clearly non-zero value means the model's CLV, which multiplies
    the two predictions, is biased (Glady, Baesens & Croux 2009 relax the
    assumption).
    """
    confidence = v.require_confidence(confidence)
    x, m = _gg_arrays(summary, frequency, monetary)
    keep = x > 0
    n = int(keep.sum())
    x, m = x[keep], m[keep]
    if n < 4 or np.ptp(x) == 0 or np.ptp(m) == 0:
        raise CRMDataError(f"column {frequency!r} / {monetary!r}: a correlation needs at least 4 customers with "
                           f"repeat purchases and some spread in both (got {n}). Fix: use more customers.")
    order = np.lexsort((m, x))  # canonical order: the sums do not depend on the row order
    x, m = x[order], m[order]
    r = _corr(x, m)
    xr = pd.Series(x).rank().to_numpy()
    mr = pd.Series(m).rank().to_numpy()
    rho = _corr(xr, mr)
    z = z_quantile(confidence)
    half = z / math.sqrt(n - 3)
    zr = math.atanh(max(min(r, 1 - 1e-15), -1 + 1e-15))
    return SpendIndependence(r, math.tanh(zr - half), math.tanh(zr + half), rho, n, confidence)


def _corr(a, b) -> float:
    ma, mb = math.fsum(a.tolist()) / len(a), math.fsum(b.tolist()) / len(b)
    da, db = a - ma, b - mb
    return math.fsum((da * db).tolist()) / math.sqrt(math.fsum((da * da).tolist()) * math.fsum((db * db).tolist()))


# ------------------------------------------------------------------ BG/NBD diagnostics

def _bgnbd(model):
    if not isinstance(model, BGNBD):
        raise CRMDataError(f"model={type(model).__name__} is not a fitted BG/NBD model. "
                           "Fix: pass crmlab.loyalty.fit_bgnbd(summary).")
    return model


def tracking(tx: pd.DataFrame, model: BGNBD, calibration_end, observation_end=None, customer: str = "customer_id",
             date: str = "date") -> pd.DataFrame:
    """Cumulative repeat purchases week by week: actual vs the BG/NBD model (the FHL 2005a tracking plot).

    The cohort: the customers whose first purchase day is on or before
    ``calibration_end``. Actual: their repeat purchase days (after the
    first) up to the end of each week (weeks counted from the earliest
    first purchase). Model: sum over the cohort of E[X(t_i)], the expected
    repeat purchases of a new customer (FHL 2005a, eq. 9) t_i weeks after
    customer i's first purchase. Weeks after ``calibration_end`` are the
    holdout: the model has not seen them. Columns ``actual, model`` (cumulative),
    ``actual_weekly, model_weekly`` and ``holdout`` (bool); index: the last day of each week.
    """
    model = _bgnbd(model)
    v.require_frame(tx, "tx")
    v.require_columns(tx, [customer, date], "tx")
    v.require_no_missing(tx, [customer])
    cal_end = v.to_timestamp(calibration_end, "calibration_end")
    days = pd.DataFrame({"c": tx[customer].to_numpy(), "d": v.to_datetime(tx, date).dt.normalize().to_numpy()})
    days = days.drop_duplicates()
    obs_end = days["d"].max() if observation_end is None else v.to_timestamp(observation_end, "observation_end")
    if obs_end <= cal_end:
        raise CRMDataError(f"observation_end={obs_end.date()} must be after calibration_end={cal_end.date()}. "
                           "Fix: swap or change the dates.")
    first = days.groupby("c")["d"].transform("min")
    cohort = first <= cal_end
    if not cohort.any():
        raise CRMDataError(f"calibration_end={cal_end.date()}: no customer bought on or before it. "
                           "Fix: choose a later date.")
    days, first = days[cohort], first[cohort]
    start = first.min()
    n_weeks = int((obs_end - start).days // 7) + 1
    n_weeks = max(n_weeks, 1)
    week_end = start + pd.to_timedelta(np.arange(1, n_weeks + 1) * 7 - 1, unit="D")
    week_end = week_end.where(week_end <= obs_end, obs_end)  # the last week ends at observation_end
    rep = days[(days["d"] > first) & (days["d"] <= obs_end)]
    wk = ((rep["d"] - start).dt.days // 7).to_numpy()
    actual_weekly = np.bincount(wk, minlength=n_weeks)[:n_weeks]
    f_day = (first.groupby(days["c"]).first() - start).dt.days.to_numpy()
    udays, counts = np.unique(f_day, return_counts=True)
    lag = ((week_end - start).days.to_numpy()[:, None] - udays[None, :]) / 7.0
    ex = np.where(lag > 0, expected_purchases_new(model, np.maximum(lag, 0.0)), 0.0)
    model_cum = np.array([math.fsum((row * counts).tolist()) for row in ex])
    out = pd.DataFrame({"actual": np.cumsum(actual_weekly).astype("float64"), "model": model_cum,
                        "actual_weekly": actual_weekly.astype("float64"),
                        "model_weekly": np.diff(model_cum, prepend=0.0),
                        "holdout": np.asarray(week_end > cal_end)},
                       index=pd.DatetimeIndex(week_end, name="week_end"))
    out.attrs["calibration_end"] = str(cal_end.date())
    out.attrs["customers"] = int(counts.sum())
    return out


def conditional_expectations(summary: pd.DataFrame, model: BGNBD, max_x: int = 7, frequency: str = "frequency",
                             recency: str = "recency", T: str = "T", actual: str = "frequency_holdout",
                             duration: str = "duration_holdout") -> pd.DataFrame:
    """Mean holdout purchases by calibration frequency: actual vs E[Y(t) | x, t_x, T] (FHL 2005a, figure 4).

    Customers with x >= ``max_x`` are pooled into one group ``max_x`` ("7+").
    Columns: ``customers, actual, expected, p_alive`` (means per group).

    Parameters
    ----------
    summary : DataFrame
        ``crmlab.loyalty.rfm_summary(tx, calibration_end=..., observation_end=...)``.
    model : BGNBD
        The model fitted on the calibration period.
    max_x : int, default 7
        The calibration frequency from which customers are pooled.
    frequency, recency, T : str
        Columns of x, t_x and T.
    actual : str
        Column of the purchases in the holdout period.
    duration : str
        Column of the holdout length (same unit as T).
    """
    model = _bgnbd(model)
    max_x = v.require_int(max_x, "max_x", 1)
    v.require_frame(summary, "summary")
    v.require_columns(summary, [frequency, recency, T, actual, duration], "summary",
                      fix="build the summary with crmlab.loyalty.rfm_summary(tx, calibration_end=..., "
                          "observation_end=...).")
    v.require_numeric(summary, [frequency, recency, T, actual, duration])
    v.require_no_missing(summary, [frequency, recency, T, actual, duration])
    horizon = summary[duration].to_numpy(dtype="float64")
    expected = model.expected_purchases(horizon, summary[frequency], summary[recency], summary[T])
    alive = model.p_alive(summary[frequency], summary[recency], summary[T])
    group = np.minimum(summary[frequency].to_numpy(dtype="int64"), max_x)
    data = pd.DataFrame({"x": group, "actual": summary[actual].to_numpy(dtype="float64"),
                         "expected": expected, "p_alive": alive})
    out = data.groupby("x").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                expected=("expected", "mean"), p_alive=("p_alive", "mean"))
    out.index.name = "frequency"
    out.attrs["max_x"] = max_x
    return out


# ------------------------------------------------------------------ model-based CLV

def model_clv(bgnbd: BGNBD, gg, summary: pd.DataFrame, margin=0.25, discount: float = 0.10, years: float = 3.0,
              step: float = 4.0, frequency: str = "frequency", recency: str = "recency", T: str = "T",
              monetary: str = "monetary_value") -> pd.DataFrame:
    """CLV per customer from BG/NBD purchases and Gamma-Gamma spend, discounted, over ``years``.

    CLV_i = margin_i * E[Z_i] * sum_k (E[Y_i(k s)] - E[Y_i((k-1) s)]) / (1 + d)^(k s / u)
    with s = ``step`` (time units of the summary, weeks by default), k = 1 ..
    years * u / s, u = time units per year, d = the annual ``discount``;
    E[Y_i(t)] is the BG/NBD expectation given the customer's (x, t_x, T)
    and E[Z_i] the Gamma-Gamma expected spend. ``margin`` is a margin rate
    (share of spend) for everyone or one per customer. This is the
    discrete-period form of the "discounted expected residual transactions
    times expected spend" of FHL (2005b). It assumes spend and purchase
    frequency independent (see :func:`spend_independence`).

    Returns a DataFrame (index of ``summary``) with columns ``p_alive,
    expected_purchases`` (undiscounted, over the horizon), ``discounted_purchases,
    expected_spend, clv``.

    Parameters
    ----------
    bgnbd : BGNBD
        ``crmlab.loyalty.fit_bgnbd`` on the summary.
    gg : GammaGamma
        ``fit_gamma_gamma`` on the summary (or a dict of p, q, gamma).
    summary : DataFrame
        ``crmlab.loyalty.rfm_summary(tx, amount=...)``: frequency, recency, T, monetary_value.
    margin : float or array, default 0.25
        Margin rate: profit as a share of spend (0-1), one number or one per customer.
    discount : float, default 0.10
        Annual discount rate.
    years : float, default 3.0
        Horizon in years.
    step : float, default 4.0
        Length of one discounting period in the summary's time unit.
    frequency, recency, T, monetary : str
        Columns of the summary.
    """
    bgnbd = _bgnbd(bgnbd)
    gg_params = _gg_params(gg)
    v.require_frame(summary, "summary")
    v.require_columns(summary, [frequency, recency, T, monetary], "summary",
                      fix="build the summary with crmlab.loyalty.rfm_summary(tx, amount='amount').")
    v.require_numeric(summary, [frequency, recency, T, monetary])
    v.require_no_missing(summary, [frequency, recency, T, monetary])
    discount = float(_rates(discount, "discount", 10.0).reshape(-1)[0]) if np.ndim(discount) == 0 else \
        _scalar_error("discount")
    years = v.require_positive(years, "years")
    step = v.require_positive(step, "step")
    mr = v.to_numbers(margin, "margin", "pass a margin rate between 0 and 1, e.g. margin=0.25.")
    if mr.ndim > 1 or (mr.ndim == 1 and len(mr) != len(summary)) or (~np.isfinite(mr) | (mr < -1) | (mr > 1)).any():
        raise CRMDataError(f"margin must be one rate between -1 and 1 or one per customer ({len(summary)}); got "
                           f"{margin!r:.80}. Fix: pass the profit share of spend, e.g. margin=0.25.")
    unit = summary.attrs.get("unit", bgnbd.unit)
    per_year = 365.25 / UNIT_DAYS.get(unit, 7.0)
    k = int(math.ceil(years * per_year / step - 1e-9))
    if k > 5000:
        raise CRMDataError(f"years={years:g} with step={step:g} gives {k} periods. Fix: use a longer step.")
    t = np.arange(0, k + 1, dtype="float64") * step
    t[-1] = years * per_year
    x, tx_, big_t = (summary[c].to_numpy(dtype="float64") for c in (frequency, recency, T))
    cum = expected_purchases(bgnbd, t[:, None], x, tx_, big_t)          # (k+1, n)
    inc = np.diff(cum, axis=0)
    disc = (1.0 + discount) ** (-t[1:] / per_year)
    dpurch = (inc * disc[:, None]).sum(axis=0)
    spend = np.asarray(expected_spend(gg_params, x, summary[monetary].to_numpy(dtype="float64")))
    out = pd.DataFrame({"p_alive": p_alive(bgnbd, x, tx_, big_t), "expected_purchases": cum[-1],
                        "discounted_purchases": dpurch, "expected_spend": spend,
                        "clv": mr * spend * dpurch}, index=summary.index)
    out.attrs.update({"discount": discount, "years": years, "unit": unit})
    return out


def _scalar_error(name):
    raise CRMDataError(f"{name} must be one number. Fix: e.g. {name}=0.1.")


def clv_per_customer(tx: pd.DataFrame, calibration_end=None, margin=None, discount: float = 0.10,
                     years: float = 3.0, customer: str = "customer_id", date: str = "date",
                     amount: str = "amount", margin_col: str | None = "margin") -> pd.Series:
    """One model-based CLV per customer straight from transactions (BG/NBD x Gamma-Gamma x margin).

    Builds ``rfm_summary(tx, calibration_end, amount=amount)`` (weeks), fits
    :func:`crmlab.loyalty.fit_bgnbd` and :func:`fit_gamma_gamma` on it and
    returns :func:`model_clv`'s ``clv`` column, a Series named ``clv``
    indexed by customer id (for example the input of a Burnett
    attractiveness indicator). ``margin`` (a rate) defaults to the overall
    margin rate sum(margin_col) / sum(amount) of the transactions up to
    ``calibration_end``.

    Parameters
    ----------
    tx : DataFrame
        Transactions, one row per purchase.
    calibration_end : date, optional
        Last day of the data the models learn from (default: the latest date).
    margin : float, optional
        Margin rate (share of spend); default from ``margin_col``.
    discount : float, default 0.10
        Annual discount rate.
    years : float, default 3.0
        Horizon in years.
    customer, date, amount : str
        Columns of the transactions.
    margin_col : str or None, default "margin"
        Column of the gross profit per purchase (used when ``margin`` is None).
    """
    summary = rfm_summary(tx, customer=customer, date=date, calibration_end=calibration_end, amount=amount)
    if margin is None:
        if margin_col is None:
            raise CRMDataError("margin: give a margin rate (e.g. margin=0.25) or margin_col, the column of the gross "
                               "profit per purchase. Fix: pass margin=0.25.")
        v.require_columns(tx, [margin_col, amount], "tx")
        v.require_numeric(tx, [margin_col, amount])
        cal_end = pd.Timestamp(summary.attrs["calibration_end"])
        upto = v.to_datetime(tx, date) <= cal_end + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
        total = math.fsum(tx.loc[upto, amount].astype("float64").tolist())
        margin = math.fsum(tx.loc[upto, margin_col].astype("float64").tolist()) / total if total else 0.0
    bg = fit_bgnbd(summary)
    gg = fit_gamma_gamma(summary)
    return model_clv(bg, gg, summary, margin=margin, discount=discount, years=years)["clv"].rename("clv")


# ------------------------------------------------------------------ customer equity (Blattberg & Deighton 1996)

def _money(value, name, example):
    arr = v.to_numbers(value, name, f"pass an amount, e.g. {name}={example}.")
    if (~np.isfinite(arr)).any() or (arr < 0).any():
        raise CRMDataError(f"{name}={value!r:.60} must be finite and >= 0. Fix: pass an amount, e.g. {name}={example}.")
    return arr


def _response(spend, ceiling, k):
    return ceiling * (1.0 - np.exp(-k * spend))


def _ce_inputs(margin, acq_ceiling, acq_k, ret_ceiling, ret_k, discount):
    m = v.require_positive(margin, "margin")
    ca = float(_rates(acq_ceiling, "acq_ceiling", 1.0).reshape(-1)[0]) if np.ndim(acq_ceiling) == 0 \
        else _scalar_error("acq_ceiling")
    cr = float(_rates(ret_ceiling, "ret_ceiling", 0.999).reshape(-1)[0]) if np.ndim(ret_ceiling) == 0 \
        else _scalar_error("ret_ceiling")
    k1 = v.require_positive(acq_k, "acq_k")
    k2 = v.require_positive(ret_k, "ret_k")
    d = v.require_positive(discount, "discount", allow_zero=True)
    return m, ca, k1, cr, k2, d


def retention_value(margin, retention_spend, ret_ceiling, ret_k, discount=0.10):
    """Value of one acquired customer, V(R) = m + (m - R / r) * r / (1 + d - r), with r = ret_ceiling (1 - e^(-ret_k R)).

    The customer brings m on acquisition; each later year the firm spends R
    on every customer still there at the start of the year and keeps a share
    r(R) of them, who bring m each (Blattberg & Deighton 1996).

    >>> round(float(retention_value(100, 0, 0.8, 0.1, 0.1)), 2)   # R = 0 keeps nobody
    100.0
    """
    m, _, _, cr, k2, d = _ce_inputs(margin, 0.5, 1.0, ret_ceiling, ret_k, discount)
    R = _money(retention_spend, "retention_spend", 20)
    r = _response(R, cr, k2)
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(r > 0, (m * r - R) / (1 + d - r), 0.0)
    out = m + per
    return float(out) if np.ndim(out) == 0 else out


def customer_equity(margin, acquisition_spend, retention_spend, acq_ceiling, acq_k, ret_ceiling, ret_k,
                    discount=0.10):
    """Customer equity per prospect (Blattberg & Deighton 1996): CE = a(A) V(R) - A.

    a(A) = acq_ceiling (1 - e^(-acq_k A)) is the share of prospects acquired
    when A is spent per prospect; V(R) is :func:`retention_value`. Works
    elementwise (arrays of A and R give a grid).

    Parameters
    ----------
    margin : float
        Margin per customer and year.
    acquisition_spend : float or array
        A, acquisition spending per prospect.
    retention_spend : float or array
        R, retention spending per customer and year.
    acq_ceiling, acq_k : float
        Ceiling (0-1) and rate of the acquisition response a(A).
    ret_ceiling, ret_k : float
        Ceiling (0-1) and rate of the retention response r(R).
    discount : float, default 0.10
        Annual discount rate.

    >>> round(float(customer_equity(100, 10, 0, 0.5, 0.1, 0.8, 0.1)), 3)   # 0.5 (1 - e^-1) 100 - 10
    21.606
    """
    m, ca, k1, cr, k2, d = _ce_inputs(margin, acq_ceiling, acq_k, ret_ceiling, ret_k, discount)
    A = _money(acquisition_spend, "acquisition_spend", 20)
    a = _response(A, ca, k1)
    out = a * retention_value(m, retention_spend, cr, k2, d) - A
    return float(out) if np.ndim(out) == 0 else out


def budget_split(margin, acq_ceiling, acq_k, ret_ceiling, ret_k, discount=0.10) -> pd.Series:
    """The spending that maximises customer equity, and how it splits between acquisition and retention.

    V(R) does not depend on A, so R* maximises V (a bounded 1-d search on a
    fine grid, then Brent's method to 1e-10), and A* solves
    acq_ceiling acq_k e^(-acq_k A) V(R*) = 1: A* = log(acq_ceiling acq_k V*) / acq_k
    (0 when that is negative: acquisition does not pay). Returned:
    ``acquisition_spend`` A*, ``retention_spend`` R*, ``acquisition_rate`` a(A*),
    ``retention_rate`` r(R*), ``customer_value`` V(R*), ``customer_equity`` per prospect, the present
    value of retention spending per prospect a R / (1 + d - r), and
    ``acquisition_share`` = A* / (A* + that present value).

    Parameters
    ----------
    margin : float
        Margin per customer and year.
    acq_ceiling, acq_k : float
        Ceiling (0-1) and rate of the acquisition response.
    ret_ceiling, ret_k : float
        Ceiling (0-1) and rate of the retention response.
    discount : float, default 0.10
        Annual discount rate.
    """
    m, ca, k1, cr, k2, d = _ce_inputs(margin, acq_ceiling, acq_k, ret_ceiling, ret_k, discount)
    hi = max(20.0 * m, 20.0 / k2)
    grid = np.linspace(0.0, hi, 4001)
    vals = retention_value(m, grid, cr, k2, d)
    j = int(np.argmax(vals))
    lo_b, hi_b = grid[max(j - 1, 0)], grid[min(j + 1, len(grid) - 1)]
    res = optimize.minimize_scalar(lambda R: -float(retention_value(m, R, cr, k2, d)), bounds=(lo_b, hi_b),
                                   method="bounded", options={"xatol": 1e-10})
    R = float(res.x) if -res.fun >= vals[j] else float(grid[j])
    V = float(retention_value(m, R, cr, k2, d))
    A = max(0.0, math.log(ca * k1 * V) / k1) if ca * k1 * V > 0 else 0.0
    a = float(_response(A, ca, k1))
    r = float(_response(R, cr, k2))
    pv_ret = a * R / (1 + d - r)
    if A + pv_ret <= 0:
        raise CRMDataError("margin: at these response curves neither acquisition nor retention spending pays "
                           "(the best plan spends nothing). Fix: check the margin and the response ceilings and rates.")
    share = A / (A + pv_ret)
    return pd.Series({"acquisition_spend": A, "retention_spend": R, "acquisition_rate": a, "retention_rate": r,
                      "customer_value": V, "customer_equity": a * V - A, "retention_pv": pv_ret,
                      "acquisition_share": share}, name="budget")
