"""The Chinese data dictionary datasets/README.zh.md: generated from the code and the catalogue, English where untranslated."""

from __future__ import annotations

import re

import pytest

from crmlab import datasets
from crmlab.errors import CRMDataError
from crmlab.labels import source

CJK = re.compile(r"[\u3400-\u9fff]")


def test_chinese_data_dictionary_is_generated_from_code():
    readme = (datasets.data_dir() / "README.zh.md").read_text(encoding="utf-8")
    assert readme == datasets.data_dictionary("zh"), "Fix: crmlab data (after a new translation or a spec change)"
    assert "README.zh.md" in datasets.expected_files()  # `crmlab data` writes it, `crmlab data --check` checks it


def test_the_english_dictionary_is_the_default_and_unchanged_by_the_chinese_one():
    assert datasets.data_dictionary() == datasets.data_dictionary("en")
    assert datasets.data_dictionary().startswith("# Datasets: the data dictionary (数据字典)\n")
    with pytest.raises(CRMDataError, match="lang='fr'"):
        datasets.data_dictionary("fr")


def test_chinese_dictionary_shows_the_catalogue_texts():
    zh = datasets.data_dictionary("zh")
    section = zh[zh.index("## textbook_case"):].split("\n## ")[0]
    assert "| 列 | 类型 | 单位或取值范围 | 含义 |" in section
    assert "| `n_3` | int | 受访者人数 | 评分为 3（一般）的人数 |" in section
    assert "*示意表：为教学手工编制，并非由模型抽取。*" in section  # the illustrative note
    assert "| 教材中的六属性案例：各评分的人数和企业设定的重要性权重（示意表，手工编制） |" in zh
    assert "**真实参数**（`satisfaction_survey.truth.json`）：`weights`：" in zh
    for row in datasets.describe("textbook_case", "zh").itertuples(index=False):
        assert f"| `{row[0]}` | {row[1]} | {row[2]} | {row[3]} |" in section


def test_an_untranslated_or_stale_dataset_text_shows_its_english():
    spec = datasets.get_spec("textbook_case")
    assert datasets._dataset_text("textbook_case", "title", spec.title, "zh").startswith("教材中的六属性案例")
    assert datasets._dataset_text("textbook_case", "title", "A new title", "zh") == "A new title"  # stale: English
    assert datasets._dataset_text("textbook_case", "truth", "Some notes. ", "zh") == "Some notes."  # no entry
    assert datasets._dataset_text("textbook_case", "title", spec.title, "en") == spec.title


@pytest.mark.parametrize("name", datasets.names())
def test_dataset_level_labels_follow_the_spec(name):
    """``dd_<dataset>`` (title), ``dd_<dataset>_about``, ``dd_<dataset>_truth`` repeat the spec's English (no Chinese)."""
    spec = datasets.get_spec(name)
    keys = source()
    for key, english in ((f"dd_{name}", spec.title), (f"dd_{name}_about", spec.description),
                         (f"dd_{name}_truth", spec.truth_notes)):
        if key in keys:
            assert keys[key] == datasets._without_chinese(english), f"{key}: update it to the spec's text"


@pytest.mark.parametrize("name", datasets.names())
def test_every_dataset_has_its_dataset_level_chinese_texts(name):
    """Title, description and ground-truth note of each dataset are translated and current: README.zh.md shows
    no English fallback (a spec edit without a label update, or a label without a msgstr, fails here)."""
    from crmlab.labels import t

    spec = datasets.get_spec(name)
    texts = [("title", f"dd_{name}", spec.title), ("about", f"dd_{name}_about", spec.description)]
    texts += [("truth", f"dd_{name}_truth", spec.truth_notes)] if spec.truth_notes.strip() else []
    for what, key, english in texts:
        assert source().get(key) == datasets._without_chinese(english), f"{key}: add it (the spec's English)"
        zh = datasets._dataset_text(name, what, english, "zh")
        assert zh == t(key, "zh") != source()[key], f"{key}: translate it in crmlab.po"
        assert CJK.search(zh) and not CJK.search(source()[key]), key
        assert set(re.findall(r"`[^`]+`", english)) <= set(re.findall(r"`[^`]+`", zh)), f"{key}: a code span lost"


def test_chinese_dictionary_has_no_english_sentence():
    from test_zh_edition import latin_sentences

    zh = datasets.data_dictionary("zh")
    assert latin_sentences(zh) == [], "Fix: translate the entries shown (crmlab.po), then crmlab data"
    assert zh.splitlines()[2].startswith("<!-- 由 `crmlab data` 根据 ") and zh.splitlines()[2].endswith(" -->")


def test_without_chinese_handles_a_bracket_holding_a_bracket():
    text = datasets.get_spec("servqual_survey").description
    english = datasets._without_chinese(text)
    assert not CJK.search(english)
    assert "five dimensions (wordings in `crmlab.servqual.instrument()`). Each" in english
    assert "the zone of tolerance (PZB 1994)." in english  # the Chinese part of a bracket goes, the rest stays
    assert datasets._without_chinese("f(x) (a, 中文 b; c (d))") == "f(x) (a, c (d))"
