"""Answer checks for the exercise notebooks.

Each topic has a module (``crmlab.checks.satisfaction``) whose functions
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
    try:
        x = float(answer)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def check_number(question: str, answer, expected: float, tol: float, hint: str,
                 type_hint: str = "a single number") -> Feedback:
    """Shared shape of a numeric check."""
    if unanswered(answer):
        return not_answered(question)
    x = number(answer)
    if x is None:
        return wrong(question, f"the answer should be {type_hint}, got {type(answer).__name__}.")
    return right(question) if abs(x - expected) <= tol else wrong(question, hint)


def check_series(question: str, answer, expected: pd.Series, tol: float, hint: str) -> Feedback:
    """A Series (or dict) with the same labels and values within ``tol``."""
    if unanswered(answer):
        return not_answered(question)
    try:
        got = pd.Series(answer, dtype="float64")
    except (TypeError, ValueError):
        return wrong(question, "the answer should be a pandas Series (or dict) of numbers.")
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
    try:
        got = {str(a).strip().lower() for a in answer}
    except TypeError:
        return wrong(question, "the answer should be a list of names.")
    exp = {str(a).strip().lower() for a in expected}
    return right(question) if got == exp else wrong(question, hint)


def answer_key(module, data: dict) -> dict[str, object]:
    """Every answer of a topic's exercises, computed from ``data`` (for instructors)."""
    answers: dict[str, Callable] = module.ANSWERS
    return {q: fn(**data) for q, fn in answers.items()}
