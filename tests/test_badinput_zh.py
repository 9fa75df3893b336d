"""Bad-input battery, Chinese-edition area: a Chinese student copy that is not there, an unknown edition language."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from badinput import Bad, check, params
from crmlab import _paths, assign

ROOT = Path(__file__).resolve().parents[1]


def _english_only_kit() -> Path:
    """A kit folder with exercise 01's English student copy and no Chinese edition."""
    root = Path(tempfile.mkdtemp(prefix="zh-kit-"))
    (root / "exercises").mkdir()
    shutil.copy(ROOT / "exercises/01_satisfaction.ipynb", root / "exercises/01_satisfaction.ipynb")
    return root


def _roster() -> Path:
    path = Path(tempfile.mkdtemp(prefix="zh-roster-")) / "roster.csv"
    path.write_text("student_id,name\ns01,Li Lei\n", encoding="utf-8")
    return path


CASES = [
    Bad("zh-edition-copy-missing", "crmlab.assign.edition_copy",
        lambda: assign.edition_copy(_english_only_kit() / "exercises/01_satisfaction.ipynb", "zh"),
        r"exercises/zh/01_satisfaction\.ipynb.*crmlab translate --build-zh exercises/solutions/01_satisfaction\.ipynb"),
    Bad("zh-assign-without-chinese-copy", "crmlab.assign.assign",
        lambda: assign.assign("01_satisfaction", _roster(), Path(tempfile.mkdtemp()) / "out", root=_english_only_kit(),
                              lang="zh"),
        r"--lang zh: the Chinese student copy exercises/zh/01_satisfaction\.ipynb .*or hand out the English one with --lang en"),
    Bad("zh-edition-path-lang", "crmlab._paths.edition_path",
        lambda: _paths.edition_path("notebooks/01_satisfaction.ipynb", "cn"), r"lang='cn' is not supported"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
