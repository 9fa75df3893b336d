"""The shared form of the bad-input battery (tests/test_badinput_*.py).

Each battery module lists ``CASES``: one :class:`Bad` per distinct bad or
unusual input. ``check`` asserts that the call raises ``CRMDataError`` (or,
with ``warns=True``, returns a result and warns ``CRMWarning``) and that
the message matches ``match`` (which names the column or parameter), and
that nothing else (a raw pandas, numpy or Python exception) escapes.
``tests/test_badinput_battery.py`` counts the cases over every module and
checks that every public helper is covered.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from crmlab.errors import CRMDataError, CRMWarning


@dataclass(frozen=True)
class Bad:
    id: str                    # unique over the whole battery, e.g. "csi-by-missing-label"
    target: str                # the public callable under test, dotted: "crmlab.satisfaction.csi" or "cli:report"
    call: Callable[[], object]  # makes the call (build the input inside, so nothing is shared)
    match: str                 # regex the message must contain: the column or parameter, the values
    warns: bool = False        # True: a usable result with a CRMWarning instead of an error


def check(case: Bad) -> None:
    if case.warns:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            case.call()
        msgs = [str(w.message) for w in seen if issubclass(w.category, CRMWarning)]
        assert msgs, f"{case.id}: no CRMWarning (saw {[str(w.message) for w in seen]})"
        assert any(re.search(case.match, m) for m in msgs), f"{case.id}: {msgs!r} !~ {case.match!r}"
        return
    with pytest.raises(CRMDataError) as info:
        case.call()
    msg = str(info.value)
    assert re.search(case.match, msg), f"{case.id}: message {msg!r} does not match {case.match!r}"
    assert "Fix" in msg or "fix" in msg, f"{case.id}: message gives no fix: {msg!r}"


def params(cases: list[Bad]):
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return pytest.mark.parametrize("case", cases, ids=ids)
