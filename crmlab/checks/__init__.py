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
import re
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


STATUSES = ("right", "close", "wrong", "unanswered", "manual")
_LANG = ["en"]  # the language of the verdicts and hints (set by a topic's exercise_data(..., lang=...))


def set_lang(lang: str = "en") -> None:
    """Make the checks (and, in a notebook, the kit's errors and warnings) speak ``lang`` ("en" or "zh") from now on.
    The topics' ``exercise_data`` call it."""
    from crmlab.errors import notebook_lang
    from crmlab.labels import check_lang

    _LANG[0] = check_lang(lang)
    notebook_lang(lang)  # a notebook in this language shows CRMDataError and CRMWarning in it too


def lang() -> str:
    """The language the checks speak now (see :func:`set_lang`)."""
    return _LANG[0]


def _t(key: str, **fmt) -> str:
    """A check text in the current language (the keys live in ``crmlab/labels/checks.py``)."""
    from crmlab.labels import t

    return t(key, _LANG[0], **fmt)
_MARKS = {"right": "✅", "close": "🔶", "wrong": "❌", "unanswered": "⏳", "manual": "📝"}


@dataclass(frozen=True)
class Feedback:
    """The outcome of one check.

    ``status`` is one of :data:`STATUSES`: ``right``; ``close`` (a near miss: the
    method is right but the rounding or a last step is off; graders may give
    partial marks); ``wrong``; ``unanswered`` (still ``...``); ``manual`` (a
    written answer the instructor grades with the rubric). ``ok`` is True
    (right), None (unanswered or manual) or False (close or wrong).
    """

    question: str
    ok: bool | None
    message: str
    status: str = ""

    def __post_init__(self):
        status = self.status or {True: "right", False: "wrong", None: "unanswered"}[self.ok]
        if status not in STATUSES:
            raise ValueError(f"status {status!r} is not one of {STATUSES}")
        object.__setattr__(self, "status", status)

    def __repr__(self) -> str:
        return f"{_MARKS[self.status]} {self.question}: {self.message}"

    def __bool__(self) -> bool:
        return bool(self.ok)


def unanswered(answer) -> bool:
    return answer is Ellipsis or answer is None


def not_answered(question: str) -> Feedback:
    return Feedback(question, None, _t("chk_unanswered"))


def right(question: str, note: str = "") -> Feedback:
    return Feedback(question, True, _t("chk_right") + (f" {note}" if note else ""))


def wrong(question: str, hint: str) -> Feedback:
    return Feedback(question, False, _t("chk_wrong", hint=hint))


def near_miss(question: str, what: str) -> Feedback:
    """A near miss: the method looks right, the last step (usually rounding) is off."""
    return Feedback(question, False, _t("chk_close", what=what), "close")


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
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        if np.size(answer) != 1 or isinstance(answer, (list, tuple)) and len(answer) != 1:
            return None
        answer = np.asarray(answer, dtype=object).reshape(-1)[0]
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
        return _t("chk_kind_frame", cols=", ".join(map(repr, list(answer.columns)[:6])))
    if isinstance(answer, (str, bytes)):
        return _t("chk_kind_text", text=f"{answer!r:.40}")
    if isinstance(answer, (pd.Series, np.ndarray, list, tuple)):
        return _t("chk_kind_values", kind=type(answer).__name__, n=len(answer))
    if isinstance(answer, float) and math.isnan(answer):
        return _t("chk_kind_nan")
    return type(answer).__name__


def _decimals(x: float) -> int:
    """How many decimals ``x`` was written with (0-6): 6.6 -> 1, -26.0 -> 0."""
    for d in range(7):
        if abs(x - round(x, d)) <= 1e-9 * max(1.0, abs(x)):
            return d
    return 7


def _allowed(expected: float, tol: float, rel: float) -> float:
    return max(tol, rel * abs(expected))


def grade_number(x: float, expected: float, tol: float = 0.0, rel: float = 0.0, digits: int | None = None) -> str:
    """``right``, ``close`` or ``wrong`` for one number (the rule every numeric check uses).

    - right: within ``max(tol, rel * |expected|)``, or ``expected`` correctly
      rounded to ``digits`` decimals or more (within half a unit of the last asked decimal;
      ``digits`` is what the question asks for);
    - close: within three times that tolerance, or ``expected`` correctly rounded
      to fewer decimals than asked (to at least one decimal, or a whole number within 5%):
      a rounding slip, not a method error;
    - wrong: anything else.

    >>> grade_number(6.6, 6.63, rel=0.01), grade_number(-26, -26.3, digits=0), grade_number(3.8, 3.79, tol=0.005)
    ('right', 'right', 'close')
    >>> grade_number(4.5, 3.79, tol=0.005)
    'wrong'
    """
    allowed = _allowed(expected, tol, rel)
    err = abs(x - expected)
    eps = 1e-9 * max(1.0, abs(expected))
    d = _decimals(x)
    rounded_ok = d < 7 and err <= 0.5 * 10.0 ** -d + eps
    if err <= allowed + eps or (digits is not None and err <= 0.5 * 10.0 ** -digits + eps):
        return "right"
    if err <= 3 * allowed + eps or (rounded_ok and (d >= 1 or err <= 0.05 * abs(expected))):
        return "close"
    return "wrong"


def _rounding_note(expected: float, tol: float, rel: float, digits: int | None) -> str:
    if digits is not None:
        return _t("chk_round_digits_1") if digits == 1 else _t("chk_round_digits", digits=digits)
    allowed = _allowed(expected, tol, rel)
    if rel and allowed == rel * abs(expected):
        return _t("chk_round_rel", pct=100 * rel)
    return _t("chk_round_abs", allowed=allowed)


def _scale_slip(x: float, expected: float, tol: float, rel: float) -> str | None:
    """A share given as a percentage (or back): its own hint."""
    if expected == 0:
        return None
    for factor, key in ((100.0, "chk_slip_pct"), (0.01, "chk_slip_share")):
        if grade_number(x, expected * factor, tol * factor, rel) == "right":
            return _t(key)
    return None


def check_number(question: str, answer, expected: float, tol: float, hint: str,
                 type_hint: str | None = None, *, rel: float = 0.0, digits: int | None = None) -> Feedback:
    """Shared shape of a numeric check (see :func:`grade_number` for the rule).

    Parameters
    ----------
    question : str
        The question's label ("Q3"), shown with the verdict.
    answer : object
        The student's answer (a number, a numpy scalar, a one-value array/Series/list).
    expected : float
        The right answer, recomputed from the student's data.
    tol : float
        Absolute tolerance. State it in the question ("to 2 decimals").
    hint : str
        What to think about when the answer is wrong: the idea, never the call.
    type_hint : str
        How the hint names the expected type.
    rel : float
        Relative tolerance (share of ``|expected|``); the larger of ``tol`` and ``rel`` wins.
    digits : int, optional
        The decimals the question asks for: a correct rounding to them is right.
    """
    if unanswered(answer):
        return not_answered(question)
    x = number(answer)
    if x is None:
        return wrong(question, _t("chk_type", want=type_hint or _t("chk_type_one_number"), got=_kind(answer)))
    verdict = grade_number(x, expected, tol, rel, digits)
    if verdict == "right":
        return right(question)
    if verdict == "close":
        return near_miss(question, _rounding_note(expected, tol, rel, digits))
    slip = _scale_slip(x, expected, tol, rel)
    return wrong(question, slip) if slip else wrong(question, hint)


def check_series(question: str, answer, expected: pd.Series, tol: float, hint: str, *,
                 rel: float = 0.0, digits: int | None = None, prefix: str | None = None) -> Feedback:
    """A Series (or dict) with the same labels and values within the tolerance (per value, as :func:`grade_number`).

    Parameters
    ----------
    question, answer, hint : str, object, str
        As for :func:`check_number`.
    expected : pandas.Series
        The right values, indexed by their labels.
    tol, rel, digits : float, float, int or None
        As for :func:`check_number`, applied to each value.
    prefix : str, optional
        The label prefix of the index values (as in :func:`crmlab.labels.label`): labels then
        match by key, English label or Chinese label (as in :func:`check_set`).
    """
    if unanswered(answer):
        return not_answered(question)
    if isinstance(answer, pd.DataFrame):
        numeric = answer.select_dtypes("number")
        if answer.shape[1] != 1 or numeric.shape[1] != 1:
            return wrong(question, _t("chk_type_frame_col", got=_kind(answer)))
        answer = numeric.iloc[:, 0]
    if isinstance(answer, (str, bytes, bool, np.bool_)) or (not isinstance(answer, (dict, pd.Series))
                                                            and np.ndim(answer) == 0):
        return wrong(question, _t("chk_type", want=_t("chk_type_series"), got=_kind(answer)))
    try:
        got = pd.Series(answer, dtype="float64")
    except (TypeError, ValueError):
        return wrong(question, _t("chk_type", want=_t("chk_type_series"), got=_kind(answer)))
    if got.index.has_duplicates:
        return wrong(question, _t("chk_dup_labels"))
    keys = [str(k) for k in expected.index]
    aliases = _aliases(keys, "" if prefix is None else prefix)
    mapped = [aliases.get(_norm(k)) for k in got.index]
    if None in mapped or len(set(mapped)) != len(mapped) or set(mapped) != set(keys):
        return wrong(question, _t("chk_label_by", keys=", ".join(keys)))
    got.index = mapped
    exp = expected.copy()
    exp.index = keys
    got = got.reindex(keys)
    if got.isna().any():
        return wrong(question, _t("chk_nan"))
    verdicts = {k: grade_number(float(got[k]), float(exp[k]), tol, rel, digits) for k in keys}
    if all(v == "right" for v in verdicts.values()):
        return right(question)
    if all(v in ("right", "close") for v in verdicts.values()):
        off = [k for k, v in verdicts.items() if v == "close"]
        return near_miss(question, f"{', '.join(off)}: " + _rounding_note(float(exp[off[0]]), tol, rel, digits))
    return wrong(question, hint)


def _norm(text) -> str:
    """A name as compared: case-folded, without spaces, underscores, hyphens or brackets' content."""
    s = str(text).strip().casefold()
    s = re.sub(r"[(（][^)）]*[)）]", "", s)
    return re.sub(r"[\s_\-/·]+", "", s)


def _aliases(keys: Iterable[str], prefix: str = "") -> dict[str, str]:
    """normalised spelling -> key, for every key: the key, its English label and its Chinese label."""
    from crmlab import labels

    out: dict[str, str] = {}
    source = labels.source()
    for key in keys:
        spellings = [key]
        for lk in (f"{prefix}{key}", key):
            if lk in source:
                spellings += [labels.t(lk, "en"), labels.t(lk, "zh")]
                break
        for sp in spellings:
            out.setdefault(_norm(sp), key)
    return out


def _names(answer) -> list | None:
    """The answer as a list of names (a string, a list/tuple/set/array/Series of strings), or None."""
    if isinstance(answer, (str, np.str_)):
        return [str(answer)]
    if isinstance(answer, (pd.DataFrame, dict, bytes)) or np.ndim(answer) > 1:
        return None
    if isinstance(answer, pd.Index):
        answer = list(answer)
    if isinstance(answer, (pd.Series, np.ndarray, list, tuple, set, frozenset)):
        items = list(answer.tolist() if isinstance(answer, (pd.Series, np.ndarray)) else answer)
        if all(isinstance(a, (str, np.str_)) for a in items):
            return [str(a) for a in items]
    return None


def name_of(answer: str, options: Iterable[str], prefix: str = "") -> str | None:
    """The option ``answer`` names (key, English or Chinese label; any case), or None.

    >>> name_of("质量", ["quality", "price"]), name_of(" Quality ", ["quality", "price"]), name_of("x", ["price"])
    ('quality', 'quality', None)
    """
    return _aliases([str(o) for o in options], prefix).get(_norm(answer))


def check_choice(question: str, answer, expected: str, options: Iterable[str], hint: str,
                 prefix: str = "") -> Feedback:
    """One name out of ``options``: the key, its English or Chinese label, any case, or a list of one."""
    if unanswered(answer):
        return not_answered(question)
    names = _names(answer)
    options = [str(o) for o in options]
    if names is None:
        return wrong(question, _t("chk_type_one_name", got=_kind(answer)))
    if len(names) != 1:
        return wrong(question, _t("chk_one_name", k=len(names)))
    key = name_of(names[0], options, prefix)
    if key is None:
        return wrong(question, _t("chk_not_option", name=repr(names[0]), options=", ".join(options)))
    return right(question) if key == str(expected) else wrong(question, hint)


def check_set(question: str, answer, expected: Iterable, hint: str, options: Iterable[str] | None = None,
              prefix: str = "") -> Feedback:
    """A set of names (order does not matter); names as in :func:`check_choice`."""
    if unanswered(answer):
        return not_answered(question)
    expected = [str(e) for e in expected]
    names = _names(answer)
    if names is None:
        return wrong(question, _t("chk_type_names", got=_kind(answer)))
    pool = [str(o) for o in options] if options is not None else expected
    keys = [name_of(n, pool, prefix) for n in names]
    unknown = [n for n, k in zip(names, keys) if k is None]
    if options is not None and unknown:
        return wrong(question, _t("chk_not_option" if len(unknown) == 1 else "chk_not_options",
                                  name=repr(unknown[0]), names=", ".join(map(repr, unknown)), options=", ".join(pool)))
    got = {k if k is not None else _norm(n) for n, k in zip(names, keys)}
    return right(question) if got == set(expected) else wrong(question, hint)


def check_bool(question: str, answer, expected: bool, hint: str) -> Feedback:
    """True or False (Python or numpy booleans, or a one-value array/Series of them)."""
    if unanswered(answer):
        return not_answered(question)
    value = answer
    if isinstance(value, (pd.Series, np.ndarray)) and value.size == 1:
        value = np.asarray(value).reshape(-1)[0]
    if not isinstance(value, (bool, np.bool_)):
        return wrong(question, _t("chk_type_bool", got=_kind(answer)))
    return right(question) if bool(value) == bool(expected) else wrong(question, hint)


def check_pair(question: str, answer, expected: dict[str, float], tol: float, hints: dict[str, str], *,
               rel: float = 0.0, digits: int | None = None) -> Feedback:
    """Two (or more) named numbers: a tuple in the order of ``expected`` or a dict with its names.

    A swapped pair gets its own hint; a rounding slip is a near miss.

    Parameters
    ----------
    question, answer : str, object
        As for :func:`check_number`.
    expected : dict
        name -> right value, in the order a tuple answer must follow.
    tol, rel, digits : float, float, int or None
        As for :func:`check_number`, applied to each value.
    hints : dict
        name -> hint shown when that value is wrong.
    """
    if unanswered(answer):
        return not_answered(question)
    names = list(expected)
    order = ", ".join(names)
    if isinstance(answer, (dict, pd.Series)):
        lookup = {_norm(k): v for k, v in dict(answer).items()}
        if set(lookup) != {_norm(n) for n in names}:
            return wrong(question, _t("chk_pair_names", order=order))
        values = [number(lookup[_norm(n)]) for n in names]
    else:
        try:
            items = list(answer)
        except TypeError:
            return wrong(question, _t("chk_type_pair", order=order, got=_kind(answer)))
        if isinstance(answer, (str, bytes)) or len(items) != len(names):
            return wrong(question, _t("chk_type_pair", order=order, got=_kind(answer)))
        values = [number(v) for v in items]
    if any(v is None for v in values):
        return wrong(question, _t("chk_pair_numbers", order=order))
    exp = [float(expected[n]) for n in names]
    verdicts = [grade_number(v, e, tol, rel, digits) for v, e in zip(values, exp)]
    if all(v == "right" for v in verdicts):
        return right(question)
    if len(names) == 2 and all(grade_number(v, e, tol, rel, digits) == "right" for v, e in zip(values, exp[::-1])):
        return wrong(question, _t("chk_swapped", order=order))
    if all(v in ("right", "close") for v in verdicts):
        off = [n for n, v in zip(names, verdicts) if v == "close"]
        return near_miss(question, f"{', '.join(off)}: " + _rounding_note(exp[names.index(off[0])], tol, rel, digits))
    first = next(n for n, v in zip(names, verdicts) if v == "wrong")
    return wrong(question, hints.get(first, _t("chk_pair_off")))


def _words(text: str) -> float:
    """Words in a written answer (a CJK character counts as half a word)."""
    return len(re.findall(r"[A-Za-z0-9]+(?:[.,'][A-Za-z0-9]+)*", text)) + len(re.findall(r"[\u3400-\u9fff]", text)) / 2


def interpretation(question: str, answer, min_words: int = 20) -> Feedback:
    """A written answer: recorded for the instructor, who grades it with the rubric (status ``manual``)."""
    if unanswered(answer) or (isinstance(answer, str) and not answer.strip()):
        return not_answered(question)
    if not isinstance(answer, str):
        return wrong(question, _t("chk_type_text", got=_kind(answer)))
    if _words(answer) < min_words:
        return wrong(question, _t("chk_min_words", n=min_words, n2=2 * min_words))
    return Feedback(question, None, _t("chk_manual"), "manual")


def answer_key(module, data: dict) -> dict[str, object]:
    """Every answer of a topic's exercises, computed from ``data`` (for instructors)."""
    answers: dict[str, Callable] = module.ANSWERS
    return {q: fn(**data) for q, fn in answers.items()}
