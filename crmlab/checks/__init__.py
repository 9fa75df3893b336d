"""Answer checks for the exercise notebooks.

Each topic has a ``checks`` module in its package (``crmlab/satisfaction/checks.py``,
reachable as ``crmlab.checks.satisfaction``: ``from crmlab.checks import
satisfaction as check`` is the form the exercise notebooks use) whose functions
take the student's answer and the data the exercise used, recompute the
right answer from that data, and say right or wrong with a hint, never the
answer itself. Because the answer is recomputed from the data, the same
checks work for every seed, so each student can get their own dataset
(``crmlab assign``).

An answer left as ``...`` (the placeholder of the student copy) is
reported as "not answered yet", so the student notebook runs top to bottom.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmlab import _topics



def __getattr__(name: str):
    """``crmlab.checks.<topic>``: the topic's checks module (imported on first use)."""
    if name in _topics.discover() and _topics.has_piece(name, "checks"):
        import importlib

        return importlib.import_module(_topics.piece_name(name, "checks"))
    raise AttributeError(f"module 'crmlab.checks' has no attribute {name!r}")


@dataclass(frozen=True)
class Feedback:
    """The outcome of one check: ``ok`` is True, False or None (not answered)."""

    question: str
    ok: bool | None
    message: str

    def __repr__(self) -> str:
        mark = {True: "✅", False: "❌", None: "⏳"}[self.ok]
        return f"{mark} {self.question}: {self.message}"

    def __bool__(self) -> bool:
        return bool(self.ok)


def unanswered(answer) -> bool:
    return answer is Ellipsis or answer is None


def not_answered(question: str) -> Feedback:
    return Feedback(question, None, "not answered yet. Replace the ... with your code and run the cell again.")


def right(question: str, note: str = "") -> Feedback:
    return Feedback(question, True, "correct." + (f" {note}" if note else ""))


def wrong(question: str, hint: str) -> Feedback:
    return Feedback(question, False, f"not yet. Hint: {hint}")


def close(a, b, tol: float = 1e-2) -> bool:
    """Numbers (or equal-shaped arrays) equal within an absolute tolerance."""
    try:
        return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), atol=tol, rtol=0))
    except (TypeError, ValueError):
        return False


def number(answer) -> float | None:
    """The answer as a float, or None when it is not one number (text, a bool, a table, NaN, ...)."""
    if isinstance(answer, (str, bytes, bool, np.bool_)):
        return None
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray)):
        if answer.size != 1:
            return None
        answer = np.asarray(answer).reshape(-1)[0]
        if isinstance(answer, (str, bytes, bool, np.bool_)):
            return None
    try:
        x = float(answer)
    except (TypeError, ValueError, OverflowError):
        return None
    return None if (math.isnan(x) or math.isinf(x)) else x


def _kind(answer) -> str:
    """How a wrong-typed answer looks, for the hint: "str '0.5'", "DataFrame with columns 'a', 'b'"."""
    if isinstance(answer, pd.DataFrame):
        return f"a DataFrame with columns {', '.join(map(repr, list(answer.columns)[:6]))}"
    if isinstance(answer, (str, bytes)):
        return f"text {answer!r:.40} (remove the quotes)"
    if isinstance(answer, (pd.Series, np.ndarray, list, tuple)):
        return f"a {type(answer).__name__} of {len(answer)} values"
    if isinstance(answer, float) and math.isnan(answer):
        return "NaN (a missing value)"
    return type(answer).__name__


def check_number(question: str, answer, expected: float, tol: float, hint: str,
                 type_hint: str = "a single number") -> Feedback:
    """Shared shape of a numeric check."""
    if unanswered(answer):
        return not_answered(question)
    x = number(answer)
    if x is None:
        return wrong(question, f"wrong type: the answer should be {type_hint}, got {_kind(answer)}.")
    return right(question) if abs(x - expected) <= tol else wrong(question, hint)


def check_series(question: str, answer, expected: pd.Series, tol: float, hint: str) -> Feedback:
    """A Series (or dict) with the same labels and values within ``tol``."""
    if unanswered(answer):
        return not_answered(question)
    if isinstance(answer, pd.DataFrame):
        numeric = answer.select_dtypes("number")
        if answer.shape[1] != 1 or numeric.shape[1] != 1:
            return wrong(question, f"wrong type: the answer should be a pandas Series (or dict) of numbers, got "
                                   f"{_kind(answer)}; pick the one column, e.g. table['column'].")
        answer = numeric.iloc[:, 0]
    if isinstance(answer, (str, bytes, bool, np.bool_)) or (not isinstance(answer, (dict, pd.Series))
                                                            and np.ndim(answer) == 0):
        return wrong(question, f"wrong type: the answer should be a pandas Series (or dict) of numbers, "
                               f"got {_kind(answer)}.")
    try:
        got = pd.Series(answer, dtype="float64")
    except (TypeError, ValueError):
        return wrong(question, f"wrong type: the answer should be a pandas Series (or dict) of numbers, "
                               f"got {_kind(answer)}.")
    if got.index.has_duplicates:
        return wrong(question, "each label should appear once in the answer; found duplicated labels.")
    if set(map(str, got.index)) != set(map(str, expected.index)):
        return wrong(question, f"label the answer by {', '.join(map(str, expected.index))}.")
    got.index = got.index.map(str)
    exp = expected.copy()
    exp.index = exp.index.map(str)
    return right(question) if close(got.reindex(exp.index), exp, tol) else wrong(question, hint)


def check_set(question: str, answer, expected: Iterable, hint: str) -> Feedback:
    if unanswered(answer):
        return not_answered(question)
    if isinstance(answer, str):
        answer = [answer]
    if isinstance(answer, (pd.DataFrame, dict)) or np.ndim(answer) > 1:
        return wrong(question, f"wrong type: the answer should be a list of names, got {_kind(answer)}.")
    try:
        got = {str(a).strip().lower() for a in answer}
    except TypeError:
        return wrong(question, f"wrong type: the answer should be a list of names, got {_kind(answer)}.")
    exp = {str(a).strip().lower() for a in expected}
    return right(question) if got == exp else wrong(question, hint)


def answer_key(module, data: dict) -> dict[str, object]:
    """Every answer of a topic's exercises, computed from ``data`` (for instructors)."""
    answers: dict[str, Callable] = module.ANSWERS
    return {q: fn(**data) for q, fn in answers.items()}
