"""Topic 7 data: an ECSI-style satisfaction survey drawn from a known structural model.

The European Customer Satisfaction Index (ECSI) model (Tenenhaus et al.
2005) links seven constructs (潜变量):

    IMAG (image, 企业形象) -> EXPE (expectations, 顾客期望)
    EXPE -> QUAL (perceived quality, 感知质量)
    EXPE, QUAL -> VAL (perceived value, 感知价值)
    IMAG, EXPE, QUAL, VAL -> SAT (satisfaction, 顾客满意)
    SAT -> COMP (complaints: how well complaints are handled, 顾客抱怨)
    IMAG, SAT, COMP -> LOY (loyalty, 顾客忠诚)

The American ACSI (Fornell et al. 1996) is the same model without image.
Six constructs are measured by 4-5 survey questions on a 1-10 scale (27,
named as in the R ``plspm`` package's ``satisfaction`` data); complaints,
as in the ECSI, by one question (``comp1``, like the ECSI's CUSCO). The
latent scores are drawn with unit variance so the true path coefficients
are standardised ones, directly comparable with a PLS path model's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlab.datasets._registry import Column, DatasetSpec, Generated, register
from crmlab.labels import ZhNames
from crmlab.pls.core import BLOCKS, CONSTRUCTS, CONSTRUCTS_ZH, PATHS, SCALE
from crmlab.pls.core import CONSTRUCTS_EN, INDICATORS  # noqa: F401  (the old path crmlab.datasets.ecsi)

QUESTIONS = {
    "imag1": "The company is reliable", "imag2": "The company is innovative and forward looking",
    "imag3": "The company cares about its customers", "imag4": "The company makes a social contribution",
    "imag5": "The company is trustworthy",
    "expe1": "Expected overall quality", "expe2": "Expected reliability",
    "expe3": "Expected fit to personal needs", "expe4": "Expected quality of service",
    "expe5": "Expected value for money",
    "qual1": "Overall perceived quality", "qual2": "Perceived reliability",
    "qual3": "Perceived fit to personal needs", "qual4": "Perceived quality of service",
    "qual5": "Perceived quality of advice and information",
    "val1": "Quality given the price", "val2": "Price given the quality",
    "val3": "Value compared with competitors", "val4": "Overall value for money",
    "sat1": "Overall satisfaction", "sat2": "Fulfilment of expectations",
    "sat3": "Closeness to the ideal provider", "sat4": "Pleasure of being a customer",
    "comp1": "How well the operator handled your last complaint (or would handle one)",
    "loy1": "Would choose the company again", "loy2": "Would stay even if a competitor were cheaper",
    "loy3": "Would recommend the company to friends", "loy4": "Intends to stay a customer",
}

# The true (standardised) path coefficients of the synthetic survey.
TRUE_PATHS = {
    ("IMAG", "EXPE"): 0.50, ("IMAG", "SAT"): 0.20, ("IMAG", "LOY"): 0.25,
    ("EXPE", "QUAL"): 0.60, ("EXPE", "VAL"): 0.15, ("EXPE", "SAT"): 0.05,
    ("QUAL", "VAL"): 0.55, ("QUAL", "SAT"): 0.30,
    ("VAL", "SAT"): 0.35,
    ("SAT", "COMP"): 0.50, ("SAT", "LOY"): 0.45,
    ("COMP", "LOY"): 0.15,
}
# True loadings (correlation of each question with its construct, before rounding).
TRUE_LOADINGS = {
    "imag1": 0.80, "imag2": 0.90, "imag3": 0.90, "imag4": 0.75, "imag5": 0.85,
    "expe1": 0.85, "expe2": 0.90, "expe3": 0.85, "expe4": 0.80, "expe5": 0.85,
    "qual1": 0.90, "qual2": 0.92, "qual3": 0.85, "qual4": 0.85, "qual5": 0.88,
    "val1": 0.92, "val2": 0.90, "val3": 0.85, "val4": 0.90,
    "sat1": 0.93, "sat2": 0.92, "sat3": 0.85, "sat4": 0.62,
    "comp1": 0.90,  # one question: its error stays in the construct's score
    "loy1": 0.92, "loy2": 0.80, "loy3": 0.92, "loy4": 0.82,
}
# Mean answer of each block on the 1-10 scale (customers are mostly satisfied).
BLOCK_MEAN = {"IMAG": 7.4, "EXPE": 7.6, "QUAL": 7.2, "VAL": 6.6, "SAT": 7.0, "COMP": 6.2, "LOY": 6.9}
# Questions answered lower than their block's mean (harder to agree with).
ITEM_OFFSET = {"imag4": -0.8, "qual5": -0.5, "val2": -0.6, "sat3": -1.0, "sat4": -1.6, "loy2": -0.7}
ANSWER_SD = 1.6
SEGMENTS = {"prepaid": 0.40, "contract": 0.45, "business": 0.15}
SEGMENTS_ZH = ZhNames(SEGMENTS)
SEGMENT_SHIFT = {"prepaid": -0.35, "contract": 0.30, "business": 0.05}


def true_covariance() -> pd.DataFrame:
    """Correlation matrix of the six constructs implied by ``TRUE_PATHS`` (unit variances)."""
    k = len(CONSTRUCTS)
    pos = {c: i for i, c in enumerate(CONSTRUCTS)}
    sigma = np.eye(k)
    for j, c in enumerate(CONSTRUCTS):
        pred = [pos[a] for (a, b) in PATHS if b == c]
        if not pred:
            continue
        beta = np.array([TRUE_PATHS[(CONSTRUCTS[i], c)] for i in pred])
        for m in range(j):
            sigma[j, m] = sigma[m, j] = beta @ sigma[pred, m]
    return pd.DataFrame(sigma, index=list(CONSTRUCTS), columns=list(CONSTRUCTS))


def true_r2() -> dict[str, float]:
    """Share of each endogenous construct's variance explained by its predecessors."""
    sigma = true_covariance().to_numpy()
    pos = {c: i for i, c in enumerate(CONSTRUCTS)}
    out = {}
    for c in CONSTRUCTS:
        pred = [pos[a] for (a, b) in PATHS if b == c]
        if pred:
            beta = np.array([TRUE_PATHS[(CONSTRUCTS[i], c)] for i in pred])
            out[c] = float(beta @ sigma[np.ix_(pred, pred)] @ beta)
    return out


def make_ecsi_survey(seed: int = 42, n: int = 1000) -> Generated:
    """Draw an ECSI-style survey of a mobile operator's customers.

    Per respondent: a segment (prepaid / contract / business); the six
    construct scores drawn in model order, each = sum of (true path x
    predecessor) + noise, with noise variance chosen so every construct has
    variance 1 (IMAG = segment shift + noise); then each of the
    28 questions = round(block mean + question offset + 1.6 * (loading * construct +
    sqrt(1 - loading^2) * noise)), clipped to 1-10.
    """
    rng = np.random.default_rng(seed)
    segment = rng.choice(list(SEGMENTS), size=n, p=list(SEGMENTS.values()))
    probs = np.array(list(SEGMENTS.values()))
    shifts = np.array(list(SEGMENT_SHIFT.values()))
    shift_var = float(probs @ (shifts - probs @ shifts) ** 2)
    shift = np.array([SEGMENT_SHIFT[s] for s in segment])
    r2 = true_r2()
    lv: dict[str, np.ndarray] = {}
    for c in CONSTRUCTS:
        pred = [a for (a, b) in PATHS if b == c]
        if not pred:
            lv[c] = shift - probs @ shifts + rng.normal(0.0, np.sqrt(1 - shift_var), size=n)
            continue
        mean = sum(TRUE_PATHS[(a, c)] * lv[a] for a in pred)
        lv[c] = mean + rng.normal(0.0, np.sqrt(1 - r2[c]), size=n)
    answers = {}
    for c, items in BLOCKS.items():
        for item in items:
            lam = TRUE_LOADINGS[item]
            x = lam * lv[c] + np.sqrt(1 - lam**2) * rng.normal(size=n)
            mean = BLOCK_MEAN[c] + ITEM_OFFSET.get(item, 0.0)
            answers[item] = np.clip(np.rint(mean + ANSWER_SD * x), *SCALE).astype(int)
    frame = pd.DataFrame({"respondent_id": np.arange(1, n + 1), "segment": segment, **answers})
    truth = {
        "paths": {f"{a} -> {b}": coef for (a, b), coef in TRUE_PATHS.items()},
        "loadings": dict(TRUE_LOADINGS),
        "r2": r2,
        "segment_shift": dict(SEGMENT_SHIFT),
        "segment_share": dict(SEGMENTS),
        "block_mean": dict(BLOCK_MEAN),
        "item_offset": dict(ITEM_OFFSET),
    }
    return Generated(frame, truth)


register(DatasetSpec(
    name="ecsi_survey",
    topic="07 satisfaction index (PLS)",
    title="ECSI-style satisfaction survey of a mobile operator: 28 questions measuring image, expectations, quality, value, satisfaction, complaints and loyalty",
    description=(
        "One row per respondent. 28 questions on the 10-level scale 1 = very negative ... "
        "10 = very positive, in seven blocks (imag*, expe*, qual*, val*, sat*, comp1, loy*) that measure "
        "the constructs of the ECSI model (企业形象, 顾客期望, 感知质量, 感知价值, 顾客满意, 顾客抱怨, 顾客忠诚; "
        "the ACSI has the same without image). "
        "Generated from a structural model with known standardised path coefficients; "
        "segments differ in image only, and the differences flow through the model."
    ),
    truth_notes=(
        "`paths`: the true standardised path coefficients ('FROM -> TO'); `loadings`: true "
        "loadings before rounding to the 1-10 scale; `r2`: true explained variance of each "
        "endogenous construct; `segment_shift`: shift of image (in its sd) per segment."
    ),
    columns=(
        Column("respondent_id", "int", "id", "Respondent number"),
        Column("segment", "str", "prepaid / contract / business", "Customer segment (type of contract)"),
        *(Column(item, "int", "1-10", f"{QUESTIONS[item]} ({c}, {CONSTRUCTS_ZH[c]})")
          for c, items in BLOCKS.items() for item in items),
    ),
    generator=make_ecsi_survey,
    default_seed=42,
    defaults={"n": 1000},
))
