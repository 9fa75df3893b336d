"""The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005), from scratch.

"Buy till you die": while alive, a customer buys at a Poisson rate
lambda; after each repeat purchase they become inactive for good with
probability p. Across customers lambda ~ Gamma(r, alpha) (shape r, rate
alpha) and p ~ Beta(a, b). Per customer the data are x (number of repeat
purchases in the calibration period), t_x (time of the last purchase) and
T (time from the first purchase to the end of the period), all measured
from the customer's first purchase, in one time unit (e.g. weeks); see
:func:`crmlab.loyalty.rfm_summary`.

Likelihood of one customer (FHL 2005, eq. 6 rewritten as in their note
"Implementing the BG/NBD model", 2005):

    L = Gamma(r+x) alpha^r / Gamma(r) * B(a, b+x) / B(a, b)
        * [ (alpha+T)^-(r+x) + 1{x>0} a/(b+x-1) (alpha+t_x)^-(r+x) ]

The fit maximises sum log L over theta = log(r, alpha, a, b) with
``scipy.optimize.minimize`` (L-BFGS-B) using the exact (analytic) gradient
below, then polishes with Newton steps (Hessian = central differences of
the analytic gradient) until every component of the gradient of the mean
log-likelihood is below ``GTOL`` = 1e-9. Customers with the same
(x, t_x, T) are pooled into rows sorted lexicographically
(``np.unique(axis=0)``) and every sum over customers is an exactly rounded
``math.fsum``, so the result does not depend on the order of the rows, on
BLAS or on the thread count.

Gradient (per customer, with w3, w4 the shares of the two terms in the
bracket above, so w3 + w4 = 1 and w4 = 0 when x = 0; psi = digamma):

    d/dr     = psi(r+x) - psi(r) + log alpha - w3 log(alpha+T) - w4 log(alpha+t_x)
    d/dalpha = r/alpha - (r+x) [w3/(alpha+T) + w4/(alpha+t_x)]
    d/da     = psi(a+b) - psi(a+b+x) + w4/a
    d/db     = psi(b+x) - psi(b) + psi(a+b) - psi(a+b+x) - w4/(b+x-1)

and d/dlog(p) = p d/dp.

Source: Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your
customers" the easy way: an alternative to the Pareto/NBD model.
Marketing Science 24(2), 275-284.
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

__all__ = ["BGNBD", "fit_bgnbd", "bgnbd_loglik", "bgnbd_gradient", "expected_purchases", "expected_purchases_new",
           "p_alive", "simulate_bgnbd", "PARAMS"]

PARAMS = ("r", "alpha", "a", "b")
GTOL = 1e-9        # convergence: max |d mean log L / d log(param)| at the reported optimum
_BOUND = 12.0      # search range of log(param): e^-12 .. e^12
_DRIFT = 7.0       # |log(param)| beyond which a non-converged parameter counts as running away
_DEFAULT_INIT = (1.0, 1.0, 1.0, 1.0)
MIN_CUSTOMERS = 10
WEAK_SE = 5.0     # warn when a standard error exceeds this multiple of its estimate


def _arrays(summary: pd.DataFrame, frequency: str, recency: str, T: str):
    v.require_frame(summary, "summary")
    v.require_columns(summary, [frequency, recency, T], "summary")
    v.require_numeric(summary, [frequency, recency, T])
    v.require_no_missing(summary, [frequency, recency, T])
    v.require_nonnegative(summary, [frequency, recency, T])
    x = summary[frequency].to_numpy(dtype="float64")
    tx = summary[recency].to_numpy(dtype="float64")
    big_t = summary[T].to_numpy(dtype="float64")
    bad = summary.index[(tx > big_t + 1e-9) | ((x == 0) & (tx > 0))]
    if len(bad):
        raise CRMDataError(
            f"column {recency!r} must lie between 0 and {T!r} and be 0 when {frequency!r} is 0; "
            f"rows {', '.join(map(repr, bad[:5]))} do not. Fix: build the summary with "
            "crmlab.loyalty.rfm_summary."
        )
    return x, tx, big_t


def _pool(x, tx, T):
    """Distinct (x, t_x, T) rows in lexicographic order and how many customers share each.

    The order depends only on the values, never on the order of the input rows.
    """
    rows = np.stack([np.asarray(z, dtype="float64") for z in (x, tx, T)], axis=1)
    uniq, counts = np.unique(rows, axis=0, return_counts=True)
    return uniq[:, 0], uniq[:, 1], uniq[:, 2], counts.astype("float64")


def _terms(params, x, tx, T, grad: bool = False):
    """Per-row log-likelihood (and, with ``grad``, its gradient in log(r, alpha, a, b), shape (n, 4))."""
    r, alpha, a, b = (float(p) for p in params)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    pos = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        bx1 = np.where(pos, b + x - 1, 1.0)
        a4 = np.where(pos, np.log(a) - np.log(bx1) - (r + x) * np.log(alpha + tx), -np.inf)
    top = np.maximum(a3, a4)
    e3, e4 = np.exp(a3 - top), np.exp(a4 - top)
    ll = a1 + a2 + top + np.log(e3 + e4)
    if not grad:
        return ll
    w4 = e4 / (e3 + e4)
    w3 = 1.0 - w4
    lat, latx = np.log(alpha + T), np.log(alpha + tx)
    psi_abx, psi_ab = special.digamma(a + b + x), special.digamma(a + b)
    d_r = special.digamma(r + x) - special.digamma(r) + np.log(alpha) - w3 * lat - w4 * latx
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
    d_a = psi_ab - psi_abx + w4 / a
    d_b = special.digamma(b + x) - special.digamma(b) + psi_ab - psi_abx - w4 / bx1
    return ll, np.stack([r * d_r, alpha * d_alpha, a * d_a, b * d_b], axis=1)


def _fsum(values, weights) -> float:
    """sum_i weights_i * values_i, exactly rounded (math.fsum): independent of order, BLAS and threads."""
    return math.fsum((np.asarray(values, dtype="float64") * weights).tolist())


def bgnbd_loglik(params, x, tx, T, weights=None) -> float:
    """Sum of the BG/NBD log-likelihood over customers (vectorised).

    ``params`` = (r, alpha, a, b), all > 0; ``x, tx, T`` arrays (repeat
    purchases, recency, age); ``weights`` counts of identical customers.
    The sum is exactly rounded (``math.fsum``), so it does not depend on
    the order of the customers.
    """
    params, x, tx, T, w = _likelihood_inputs(params, x, tx, T, weights)
    return _fsum(_terms(params, x, tx, T), w)


def bgnbd_gradient(params, x, tx, T, weights=None) -> np.ndarray:
    """Exact gradient of :func:`bgnbd_loglik` with respect to log(r, alpha, a, b) (formulas: module docstring)."""
    params, x, tx, T, w = _likelihood_inputs(params, x, tx, T, weights)
    _, g = _terms(params, x, tx, T, grad=True)
    return np.array([_fsum(g[:, k], w) for k in range(4)])


@dataclass(frozen=True)
class BGNBD:
    """A fitted BG/NBD model: parameters, log-likelihood, sample size, time unit."""

    r: float
    alpha: float
    a: float
    b: float
    loglik: float
    n: int
    converged: bool
    unit: str = "W"
    std_errors: dict = field(default_factory=dict)

    @property
    def params(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def table(self, true: dict | None = None) -> pd.DataFrame:
        """Parameters as a table: estimate, standard error (when known), and the true values when given.

        Standard errors: delta method from the observed information in
        log-parameters, se(p) = p * sqrt(diag((-H)^-1)), H the Hessian of the
        total log-likelihood in log(r, alpha, a, b).
        """
        out = pd.DataFrame({"estimated": pd.Series(self.params)})
        if self.std_errors:
            out["std_error"] = pd.Series(self.std_errors)
        if true is not None:
            out["true"] = pd.Series({k: float(true[k]) for k in PARAMS})
        out.index.name = "parameter"
        return out

    def expected_purchases(self, t, frequency, recency, T):
        return expected_purchases(self.params, t, frequency, recency, T)

    def p_alive(self, frequency, recency, T):
        return p_alive(self.params, frequency, recency, T)

    def expected_purchases_new(self, t):
        return expected_purchases_new(self.params, t)

    def __repr__(self) -> str:
        return (f"BGNBD(r={self.r:.3f}, alpha={self.alpha:.3f}, a={self.a:.3f}, b={self.b:.3f}, "
                f"loglik={self.loglik:.1f}, n={self.n})")


def _check_init(init):
    try:
        arr = np.asarray(init, dtype="float64")
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.shape != (4,) or not np.isfinite(arr).all() or (arr <= 0).any():
        raise CRMDataError(f"init={init!r} must be four positive numbers (r, alpha, a, b). "
                           "Fix: leave init at its default (1, 1, 1, 1), or pass e.g. init=(0.5, 5, 1, 3).")
    if (np.abs(np.log(arr)) >= _BOUND).any():
        raise CRMDataError(f"init={init!r} lies outside the search range e^-{_BOUND:g} .. e^{_BOUND:g} "
                           f"({math.exp(-_BOUND):.1e} .. {math.exp(_BOUND):.1e}). Fix: leave init at its default "
                           "(1, 1, 1, 1).")
    return np.log(arr)


def _hessian(grad_fn, theta, h: float = 1e-5) -> np.ndarray:
    """Symmetrised central-difference Hessian of an exact gradient."""
    k = len(theta)
    H = np.empty((k, k))
    for j in range(k):
        e = np.zeros(k)
        e[j] = h
        H[:, j] = (grad_fn(theta + e) - grad_fn(theta - e)) / (2 * h)
    return (H + H.T) / 2


def _maximise(theta0, f, g):
    """L-BFGS-B on -f with the exact gradient, then Newton polish. Returns (theta, |grad|max)."""
    def obj(t):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            val, grad = f(t), g(t)
        if not (np.isfinite(val) and np.isfinite(grad).all()):
            return 1e10, np.zeros(4)
        return -val, -grad

    theta = np.asarray(theta0, dtype="float64")
    for _ in range(8):  # restarts clear L-BFGS-B's memory; a parameter drifting to infinity reaches the bound
        res = optimize.minimize(obj, theta, jac=True, method="L-BFGS-B", bounds=[(-_BOUND, _BOUND)] * 4,
                                options={"maxiter": 5000, "ftol": 1e-15, "gtol": GTOL / 10})
        moved = np.max(np.abs(res.x - theta))
        theta = np.asarray(res.x, dtype="float64")
        gmax = np.max(np.abs(g(theta)))
        if gmax <= GTOL or moved < 1e-12 or np.any(np.abs(theta) >= _BOUND - 1e-6):
            break
    for _ in range(30):  # Newton polish: quadratic convergence near the optimum
        grad = g(theta)
        if np.max(np.abs(grad)) <= GTOL / 100:
            break
        H = _hessian(g, theta)
        try:
            step = np.linalg.solve(H, -grad)
        except np.linalg.LinAlgError:
            break
        if not np.isfinite(step).all() or np.max(np.abs(step)) > 1.0:
            break
        new = theta + step
        if np.any(np.abs(new) > _BOUND) or not np.max(np.abs(g(new))) < np.max(np.abs(grad)):
            break
        theta = new
    return theta, float(np.max(np.abs(g(theta))))


def fit_bgnbd(summary: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
              T: str = "T", init: tuple[float, float, float, float] = _DEFAULT_INIT,
              unit: str | None = None) -> BGNBD:
    """Fit the BG/NBD model by maximum likelihood.

    Maximises sum_i log L(r, alpha, a, b | x_i, t_x,i, T_i) (see the module
    docstring) over the logs of the four parameters, so they stay positive,
    with the exact gradient, until max |d mean log L / d log(param)| < GTOL
    (1e-9). The sums are exactly rounded over the distinct (x, t_x, T) rows in
    sorted order: the estimates do not depend on the row order of
    ``summary``, on BLAS or on the thread count (they agree to ~1e-8).

    Refused (CRMDataError): fewer than ``MIN_CUSTOMERS`` (10) customers, no
    customer with a repeat purchase (the drop-out process is then not
    identified), a bad ``init``, or a fit that does not converge. A parameter
    that runs to the edge of the search range (e.g. b -> infinity when
    nobody seems to drop out) gives a CRMWarning and ``converged=False``; a
    standard error above ``WEAK_SE`` (5) times its estimate gives a CRMWarning.

    Example
    -------
    >>> data = simulate_bgnbd(2000, r=0.5, alpha=5, a=0.8, b=3, T=52, seed=1)
    >>> round(fit_bgnbd(data).r, 3)
    0.449

    Source: Fader, Hardie & Lee (2005), Marketing Science 24(2).
    """
    theta0 = _check_init(init)
    x, tx, big_t = _arrays(summary, frequency, recency, T)
    n = len(x)
    if n < MIN_CUSTOMERS:
        raise CRMDataError(f"summary has {n} customer(s); a BG/NBD fit estimates four parameters from the spread "
                           f"between customers and needs at least {MIN_CUSTOMERS} (in practice a few hundred). "
                           "Fix: fit on a larger customer base (e.g. all segments together).")
    if not (x > 0).any():
        raise CRMDataError(f"column {frequency!r} is 0 for all {n} customers: nobody made a repeat purchase, so the "
                           "purchase rate and the drop-out probability cannot be estimated (the likelihood has no "
                           "maximum). Fix: use a longer calibration period, or check that "
                           f"{frequency!r} counts repeat purchases (crmlab.loyalty.rfm_summary).")
    ux, utx, ut, w = _pool(x, tx, big_t)

    def f(theta):
        return _fsum(_terms(np.exp(theta), ux, utx, ut), w) / n

    def g(theta):
        _, gr = _terms(np.exp(theta), ux, utx, ut, grad=True)
        return np.array([_fsum(gr[:, k], w) for k in range(4)]) / n

    theta, gmax = _maximise(theta0, f, g)
    # a parameter at the bound, or (when the gradient test fails) far out and still drifting, has no finite MLE
    at_edge = [PARAMS[k] for k in range(4)
               if abs(theta[k]) >= _BOUND - 1e-6 or (gmax > GTOL and abs(theta[k]) > _DRIFT)]
    names = dict(zip(PARAMS, np.exp(theta)))
    if at_edge:
        converged = False
        where = ", ".join(f"{k}={names[k]:.3g} (-> {'0' if theta[PARAMS.index(k)] < 0 else 'infinity'})"
                          for k in at_edge)
        warnings.warn(f"BG/NBD fit: the likelihood has no finite maximum in {', '.join(at_edge)}: {where}; the data "
                      f"do not pin {'it' if len(at_edge) == 1 else 'them'} down (a -> 0 or b -> infinity: nobody "
                      "seems to drop out). "
                      "The other estimates are those of the limiting model. Fix: read the fit with care, or use "
                      "more customers / a longer calibration period.", CRMWarning, stacklevel=2)
        std = {}
    else:
        if not gmax <= GTOL:
            raise CRMDataError(f"the BG/NBD fit from init={tuple(float(z) for z in np.exp(theta0))} did not converge "
                               f"(largest gradient component {gmax:.2g} > {GTOL:g}). Fix: leave init at its default "
                               "(1, 1, 1, 1), or start near a previous fit's estimates.")
        H = _hessian(g, theta) * n
        try:
            cov = np.linalg.inv(-H)
            ok = np.all(np.linalg.eigvalsh(-H) > 0)
        except np.linalg.LinAlgError:
            ok = False
        if not ok:
            raise CRMDataError("the BG/NBD fit stopped at a point that is not a maximum of the likelihood (the "
                               f"Hessian is not negative definite; {int((x > 0).sum())} of {n} customers made a repeat "
                               "purchase). Fix: use more customers with repeat purchases, or leave init at its "
                               "default (1, 1, 1, 1).")
        converged = True
        std = {k: float(names[k] * math.sqrt(cov[i, i])) for i, k in enumerate(PARAMS)}
        weak = {k: std[k] / names[k] for k in PARAMS if std[k] > WEAK_SE * names[k]}
        if weak:
            warnings.warn("BG/NBD fit: the data barely identify "
                          + ", ".join(f"{k}={names[k]:.3g} (standard error {weak[k]:.3g} times the estimate)"
                                      for k in weak)
                          + ". Read those estimates as unknown. Fix: fit on more customers with repeat purchases "
                            "(or a longer calibration period).", CRMWarning, stacklevel=2)
    r, alpha, a, b = np.exp(theta)
    unit = unit or summary.attrs.get("unit", "W")
    return BGNBD(float(r), float(alpha), float(a), float(b), float(f(theta) * n), int(n),
                 bool(converged), unit, std)


def _params(params):
    if isinstance(params, BGNBD):
        params = params.params
    try:
        if isinstance(params, dict):
            out = tuple(float(params[k]) for k in PARAMS)
        else:
            out = tuple(float(p) for p in params)
    except (KeyError, TypeError, ValueError):
        out = ()
    if len(out) != 4 or not all(math.isfinite(p) and p > 0 for p in out):
        raise CRMDataError(f"params={params!r} must be four positive numbers r, alpha, a, b (a dict, a tuple or a "
                           "fitted BGNBD). Fix: pass fit_bgnbd(summary) or e.g. {'r': 0.5, 'alpha': 5, 'a': 1, 'b': 3}.")
    return out


def _bad_values(arr, bad) -> str:
    flat, mask = np.ravel(arr), np.ravel(bad)
    return v.show_values(pd.Series(flat[mask], index=np.flatnonzero(mask)))


def _horizon(t) -> np.ndarray:
    """The forecast horizon ``t``: finite and >= 0 (a number or an array)."""
    arr = v.to_numbers(t, "t", "pass the forecast horizon in time units, e.g. t=52 (weeks).")
    bad = ~np.isfinite(arr) | (arr < 0)
    if bad.any():
        raise CRMDataError(f"t must be a finite horizon >= 0 (time units after the end of calibration); got "
                           f"{_bad_values(arr, bad)}. Fix: pass e.g. t=52 for the next 52 weeks.")
    return arr


def _history(frequency, recency, T):
    """Per-customer (x, t_x, T) as float arrays: same length, finite, >= 0."""
    try:
        arrs = [np.asarray(z, dtype="float64") for z in (frequency, recency, T)]
    except (TypeError, ValueError):
        raise CRMDataError("frequency, recency and T must be numbers (one per customer). "
                           "Fix: pass the columns of crmlab.loyalty.rfm_summary.") from None
    if len({a.shape for a in arrs}) > 1:
        raise CRMDataError(f"frequency, recency and T have different lengths ({', '.join(str(a.size) for a in arrs)}). "
                           "Fix: pass three columns of the same summary table.")
    for name, a in zip(("frequency", "recency", "T"), arrs):
        bad = ~np.isfinite(a) | (a < 0)
        if bad.any():
            raise CRMDataError(f"{name} must be finite and >= 0; got {_bad_values(a, bad)}. "
                               "Fix: build the summary with crmlab.loyalty.rfm_summary.")
    return arrs


def _likelihood_inputs(params, x, tx, T, weights):
    """Checked (params, x, t_x, T, weights) for the public likelihood and its gradient."""
    params = _params(params)
    x, tx, T = _history(x, tx, T)
    late = tx > T
    if late.any():
        raise CRMDataError(f"recency t_x must not exceed the age T; got t_x at {_bad_values(tx, late)}. "
                           "Fix: recency is the time of the last repeat purchase, measured like T from the first.")
    from crmlab.validate import customer_weights

    return params, x, tx, T, customer_weights(weights, x.size)


def p_alive(params, frequency, recency, T):
    """Probability that a customer with history (x, t_x, T) is still active.

    P(alive) = 1 / (1 + 1{x>0} * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
    (FHL 2005, eq. 11).
    """
    r, alpha, a, b = _params(params)
    x, tx, T = _history(frequency, recency, T)
    pos = x > 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(pos, a / np.where(pos, b + x - 1, 1.0)
                         * np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + tx))), 0.0)
    return 1.0 / (1.0 + ratio)


def expected_purchases(params, t, frequency, recency, T):
    """Expected number of purchases in the next ``t`` time units, given (x, t_x, T).

    E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1)
        * [1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
        * P(alive | x, t_x, T)
    (FHL 2005, eq. 10; the closed form holds for any a other than 1, and a = 1
    is nudged to 1 + 1e-6).
    """
    r, alpha, a, b = _params(params)
    x, tx, T = _history(frequency, recency, T)
    t = _horizon(t)
    if abs(a - 1) < 1e-6:
        a = 1 + 1e-6
    z = t / (alpha + T + t)
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    term = 1 - np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp
    return (a + b + x - 1) / (a - 1) * term * p_alive((r, alpha, a, b), x, tx, T)


def expected_purchases_new(params, t):
    """Expected repeat purchases of a new customer in ``t`` units after the first purchase.

    E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r * 2F1(r, b; a+b-1; t/(alpha+t))]
    (FHL 2005, eq. 9).
    """
    r, alpha, a, b = _params(params)
    t = _horizon(t)
    if abs(a - 1) < 1e-6:
        a = 1 + 1e-6
    hyp = special.hyp2f1(r, b, a + b - 1, t / (alpha + t))
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp)


def draw_repeat_times(lam: np.ndarray, p: np.ndarray, horizon: np.ndarray, rng: np.random.Generator):
    """Repeat-purchase times of BG/NBD customers with given lambda, p, horizon.

    Returns ``(customer_index, time)`` arrays, sorted by customer then time.
    While alive a customer buys at rate lambda; after each repeat purchase
    they drop out with probability p (so they make K ~ Geometric(p) repeat
    purchases at most). Given N ~ Poisson(lambda * horizon) events, the
    times are N sorted uniforms on (0, horizon); the first min(N, K) are kept.
    """
    if not isinstance(rng, np.random.Generator):
        raise CRMDataError(f"rng={rng!r} is not a numpy Generator. Fix: pass np.random.default_rng(seed).")
    try:
        lam, p, horizon = (np.asarray(z, dtype="float64") for z in (lam, p, horizon))
    except (TypeError, ValueError):
        raise CRMDataError("lam, p and horizon must be arrays of numbers. Fix: pass one value per customer.") from None
    if not (lam.ndim == p.ndim == horizon.ndim == 1 and lam.shape == p.shape == horizon.shape):
        raise CRMDataError(f"lam, p and horizon must be 1-d arrays of one length; got shapes {lam.shape}, {p.shape}, "
                           f"{horizon.shape}. Fix: pass one value per customer in each.")
    for name, arr, bad in (("lam", lam, ~np.isfinite(lam) | (lam < 0)), ("p", p, ~(p >= 0) | ~(p <= 1)),
                           ("horizon", horizon, ~np.isfinite(horizon) | (horizon < 0))):
        if bad.any():
            rule = "a probability in [0, 1]" if name == "p" else "finite and >= 0"
            raise CRMDataError(f"{name} must be {rule}; got {_bad_values(arr, bad)}. Fix: correct those values.")
    n_events = rng.poisson(lam * horizon)
    k_max = rng.geometric(np.clip(p, 1e-12, 1.0))
    keep = np.minimum(n_events, k_max)
    who = np.repeat(np.arange(len(lam)), n_events)
    times = rng.random(len(who)) * horizon[who]
    order = np.lexsort((times, who))
    who, times = who[order], times[order]
    starts = np.cumsum(n_events) - n_events
    rank = np.arange(len(who)) - starts[who]
    sel = rank < keep[who]
    return who[sel], times[sel]


def simulate_bgnbd(n: int, r: float, alpha: float, a: float, b: float, T=52.0, holdout: float = 0.0,
                   seed: int = 0) -> pd.DataFrame:
    """Draw ``n`` customers from the BG/NBD model with known parameters.

    ``T`` is the calibration length per customer (a number or an array);
    with ``holdout > 0`` the customers keep buying for ``holdout`` more units
    and ``frequency_holdout`` counts those purchases. Columns: ``frequency,
    recency, T, frequency_holdout``; the true parameters are in
    ``.attrs["true_params"]``.

    Parameters
    ----------
    n : int
        Number of customers to draw.
    r, alpha : float
        Gamma heterogeneity of the purchase rate lambda (shape r, rate alpha; both > 0).
    a, b : float
        Beta heterogeneity of the drop-out probability p after each repeat purchase (both > 0).
    T : float or array, default 52.0
        Calibration length per customer, in the model's time unit (one number or one per customer).
    holdout : float, default 0.0
        Extra time after ``T`` during which purchases are counted in ``frequency_holdout``.
    seed : int, default 0
        Seed of the random generator (the same seed gives the same customers).
    """
    n = v.require_int(n, "n", 1)
    seed = v.require_int(seed, "seed", 0)
    r, alpha, a, b = _params((r, alpha, a, b))
    holdout = v.require_positive(holdout, "holdout", allow_zero=True)
    try:
        big_t = np.broadcast_to(np.asarray(T, dtype="float64"), (n,)).copy()
    except (TypeError, ValueError):
        raise CRMDataError(f"T={T!r:.60} must be a number or one number per customer ({n}). "
                           "Fix: e.g. T=52 (weeks).") from None
    bad = ~np.isfinite(big_t) | (big_t <= 0)
    if bad.any():
        raise CRMDataError(f"T must be finite and > 0; got {_bad_values(big_t, bad)}. Fix: e.g. T=52 (weeks).")
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1.0 / alpha, size=n)
    p = rng.beta(a, b, size=n)
    who, times = draw_repeat_times(lam, p, big_t + holdout, rng)
    cal = times <= big_t[who]
    freq = np.bincount(who[cal], minlength=n)
    rec = np.zeros(n)
    np.maximum.at(rec, who[cal], times[cal])
    hold = np.bincount(who[~cal], minlength=n)
    out = pd.DataFrame({"frequency": freq, "recency": rec, "T": big_t,
                        "frequency_holdout": hold})
    out.attrs["unit"] = "W"
    out.attrs["true_params"] = {"r": r, "alpha": alpha, "a": a, "b": b}
    return out
