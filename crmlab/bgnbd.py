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

The fit maximises sum log L over log(r, alpha, a, b) with
``scipy.optimize.minimize`` (L-BFGS-B); customers with the same
(x, t_x, T) are pooled, so large samples fit quickly.

Source: Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your
customers" the easy way: an alternative to the Pareto/NBD model.
Marketing Science 24(2), 275-284.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special

from crmlab import validate as v
from crmlab.errors import CRMDataError

__all__ = ["BGNBD", "fit_bgnbd", "bgnbd_loglik", "expected_purchases", "expected_purchases_new",
           "p_alive", "simulate_bgnbd", "PARAMS"]

PARAMS = ("r", "alpha", "a", "b")


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


def bgnbd_loglik(params, x, tx, T, weights=None) -> float:
    """Sum of the BG/NBD log-likelihood over customers (vectorised).

    ``params`` = (r, alpha, a, b), all > 0; ``x, tx, T`` arrays (repeat
    purchases, recency, age); ``weights`` counts of identical customers.
    """
    r, alpha, a, b = (float(p) for p in params)
    x, tx, T = (np.asarray(z, dtype="float64") for z in (x, tx, T))
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    pos = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(pos, np.log(a) - np.log(np.where(pos, b + x - 1, 1.0)) - (r + x) * np.log(alpha + tx), -np.inf)
    ll = a1 + a2 + np.logaddexp(a3, a4)
    if weights is None:
        return float(ll.sum())
    return float(np.dot(ll, weights))


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

    @property
    def params(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def table(self, true: dict | None = None) -> pd.DataFrame:
        """Parameters as a table (with the true values alongside, when given)."""
        out = pd.DataFrame({"estimated": pd.Series(self.params)})
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


def fit_bgnbd(summary: pd.DataFrame, frequency: str = "frequency", recency: str = "recency",
              T: str = "T", init: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0),
              unit: str | None = None) -> BGNBD:
    """Fit the BG/NBD model by maximum likelihood.

    Maximises sum_i log L(r, alpha, a, b | x_i, t_x,i, T_i) (see the module
    docstring) over the logs of the four parameters, so they stay positive.

    Example
    -------
    >>> data = simulate_bgnbd(2000, r=0.5, alpha=5, a=0.8, b=3, T=52, seed=1)
    >>> fit_bgnbd(data).r  # doctest: +SKIP
    0.5...

    Source: Fader, Hardie & Lee (2005), Marketing Science 24(2).
    """
    x, tx, big_t = _arrays(summary, frequency, recency, T)
    keys = pd.DataFrame({"x": x, "tx": tx, "T": big_t})
    pooled = keys.groupby(["x", "tx", "T"], sort=False).size()
    idx = pooled.index.to_frame(index=False)
    ux, utx, ut = (idx[c].to_numpy(dtype="float64") for c in ("x", "tx", "T"))
    w = pooled.to_numpy(dtype="float64")
    n = float(len(x))

    def nll(logp):
        with np.errstate(over="ignore", invalid="ignore"):
            val = -bgnbd_loglik(np.exp(logp), ux, utx, ut, w) / n
        return val if np.isfinite(val) else 1e10

    start = np.log(np.asarray(init, dtype="float64"))
    res = optimize.minimize(nll, start, method="L-BFGS-B", bounds=[(-12, 12)] * 4)
    if not res.success:  # rare: polish from where L-BFGS-B stopped
        res2 = optimize.minimize(nll, res.x, method="Nelder-Mead",
                                 options={"maxiter": 4000, "xatol": 1e-7, "fatol": 1e-10})
        if res2.fun <= res.fun:
            res = res2
    r, alpha, a, b = np.exp(res.x)
    unit = unit or summary.attrs.get("unit", "W")
    return BGNBD(float(r), float(alpha), float(a), float(b), float(-res.fun * n), int(n),
                 bool(res.success), unit)


def _params(params):
    if isinstance(params, BGNBD):
        params = params.params
    if isinstance(params, dict):
        return tuple(float(params[k]) for k in PARAMS)
    return tuple(float(p) for p in params)


def p_alive(params, frequency, recency, T):
    """Probability that a customer with history (x, t_x, T) is still active.

    P(alive) = 1 / (1 + 1{x>0} * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
    (FHL 2005, eq. 11).
    """
    r, alpha, a, b = _params(params)
    x, tx, T = (np.asarray(z, dtype="float64") for z in (frequency, recency, T))
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
    x, tx, T = (np.asarray(z, dtype="float64") for z in (frequency, recency, T))
    t = float(t)
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
    t = np.asarray(t, dtype="float64")
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
    lam, p, horizon = (np.asarray(z, dtype="float64") for z in (lam, p, horizon))
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
    recency, T, frequency_holdout, alive`` (alive at the end of
    calibration; the truth, unknown in real data).
    """
    rng = np.random.default_rng(seed)
    big_t = np.broadcast_to(np.asarray(T, dtype="float64"), (n,)).copy()
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
