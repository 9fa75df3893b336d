"""A check gives a verdict, never a raw exception, when a student's answer has the wrong type."""

from __future__ import annotations

import importlib
import inspect
import warnings

import numpy as np
import pandas as pd
import pytest

from crmlab.checks import Feedback, check_number, check_series, check_set

from crmlab import _topics

TOPICS = [t for t in _topics.discover() if _topics.has_piece(t, "checks")]

WRONG = {
    "text": "abc",
    "number_as_text": "0.5",
    "frame_other_columns": pd.DataFrame({"foo": [1, 2], "bar": ["x", "y"]}),
    "dict_of_text": {"a": "b"},
    "mixed_list": [1, "a"],
    "nan": float("nan"),
    "inf": float("inf"),
    "matrix": np.ones((2, 2)),
    "set": {1, 2},
    "text_series": pd.Series(["a", "b"]),
    "object": object(),
}


def _checks():
    out = []
    for topic in TOPICS:
        m = importlib.import_module(f"crmlab.checks.{topic}")
        for n in sorted(dir(m)):
            if n[:1] == "q" and n[1:2].isdigit() and inspect.isfunction(getattr(m, n)):
                out.append((topic, n))
    return out


CHECKS = _checks()


@pytest.fixture(scope="module")
def data():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {t: importlib.import_module(f"crmlab.checks.{t}").exercise_data() for t in TOPICS}


@pytest.mark.parametrize("topic,name", CHECKS, ids=[f"{t}.{n}" for t, n in CHECKS])
def test_wrong_types_get_a_not_yet_verdict(topic, name, data):
    fn = getattr(importlib.import_module(f"crmlab.checks.{topic}"), name)
    kw = {p: data[topic][p] for p in list(inspect.signature(fn).parameters)[1:] if p in data[topic]}
    for label, answer in WRONG.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fb = fn(answer, **kw)
        assert isinstance(fb, Feedback), f"{name}({label})"
        assert fb.ok is False, f"{name}({label}) judged {fb}"
        assert fb.message.startswith("not yet. Hint:"), f"{name}({label}): {fb.message}"


def test_number_check_names_the_wrong_type():
    assert "wrong type" in check_number("Q", "0.5", 0.5, 0.01, "h").message
    assert "remove the quotes" in check_number("Q", "0.5", 0.5, 0.01, "h").message
    assert check_number("Q", True, 1.0, 0.01, "h").ok is False          # a bool is not a count
    assert check_number("Q", np.float64(0.5), 0.5, 0.01, "h").ok is True
    assert check_number("Q", pd.Series([0.5]), 0.5, 0.01, "h").ok is True  # one value in a Series
    assert "DataFrame with columns 'a', 'b'" in check_number("Q", pd.DataFrame({"a": [1], "b": [2]}), 1, 0.1, "h").message


def test_series_check_takes_a_one_column_frame_and_refuses_a_wide_one():
    exp = pd.Series([1.0, 2.0], index=["a", "b"])
    assert check_series("Q", {"a": 1, "b": 2}, exp, 0.01, "h").ok is True
    assert check_series("Q", pd.DataFrame({"csi": [1.0, 2.0]}, index=["a", "b"]), exp, 0.01, "h").ok is True
    wide = check_series("Q", pd.DataFrame({"csi": [1.0, 2.0], "n": [3, 4]}, index=["a", "b"]), exp, 0.01, "h")
    assert wide.ok is False and "pick the one column" in wide.message
    dup = check_series("Q", pd.Series([1.0, 2.0], index=["a", "a"]), exp, 0.01, "h")
    assert dup.ok is False and "duplicated labels" in dup.message
    assert check_series("Q", 3.0, exp, 0.01, "h").ok is False


def test_set_check_refuses_a_table_and_a_number():
    assert "wrong type" in check_set("Q", pd.DataFrame({"a": [1]}), ["a"], "h").message
    assert "wrong type" in check_set("Q", 3, ["a"], "h").message
    assert check_set("Q", "A ", ["a"], "h").ok is True
