"""crmlab assign --lang zh hands out the Chinese student copy of every exercise that has one (and refuses the others)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from crmlab import _paths, assign
from crmlab.errors import CRMDataError

ROOT = Path(__file__).resolve().parents[1]
TOPICS = assign.topics(ROOT)


@pytest.mark.parametrize("topic", TOPICS)
def test_assign_in_chinese_uses_the_chinese_copy_or_says_how_to_build_it(topic, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\ns01,Li Lei\n", encoding="utf-8")
    zh = ROOT / _paths.edition_path(f"exercises/{topic}.ipynb", "zh")
    if not zh.exists():
        with pytest.raises(CRMDataError, match=rf"exercises/zh/{topic}\.ipynb.*crmlab translate --build-zh"):
            assign.assign(topic, roster, tmp_path / "out", root=ROOT, lang="zh")
        return
    (path,), _ = assign.assign(topic, roster, tmp_path / "out", root=ROOT, lang="zh")
    got, want = (nbformat.read(str(p), as_version=4) for p in (path, zh))
    assert [c.source for c in got.cells if "parameters" not in c.metadata.get("tags", [])] == [
        c.source for c in want.cells if "parameters" not in c.metadata.get("tags", [])]
    params = next(c for c in got.cells if "parameters" in c.metadata.get("tags", []))
    assert 'lang = "zh"' in params.source and "student_id = 's01'" in params.source


def test_edition_path_puts_the_chinese_copy_in_a_zh_folder():
    assert _paths.edition_path("exercises/01_satisfaction.ipynb", "zh") == "exercises/zh/01_satisfaction.ipynb"
    assert _paths.edition_path("notebooks/08_case_report.ipynb") == "notebooks/08_case_report.ipynb"
