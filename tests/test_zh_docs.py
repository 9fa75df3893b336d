"""Chinese editions of Markdown documents (capstone brief, instructor guide, site pages) from catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crmlab import doctranslate as D
from crmlab import nbtranslate as N
from crmlab.errors import CRMDataError

ROOT = Path(__file__).resolve().parents[1]
DOCS = D.documents(ROOT)

DOC = """# A guide (指南)

First paragraph, with `code` and a [link](../notebooks/01_satisfaction.ipynb).

```python
x = 1

y = 2
```

## Second part

- one item
- two items

| a | b |
|---|---|
| 1 | 2 |
"""


@pytest.fixture
def kit(tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "guide/01_x.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def _fill(kit, zh: dict):
    po = kit / D.doc_edition_of("guide/01_x.md", kit).catalogue
    cat = N._read_po(po)
    for m in cat:
        if m.id and m.context in zh:
            m.string = zh[m.context]
            m.flags.discard("fuzzy")
    N._write_po(po, cat)


def test_blocks_keep_a_fenced_block_whole_and_messages_skip_code():
    assert D.blocks(DOC)[2] == "```python\nx = 1\n\ny = 2\n```"
    ctx = [c for c, _ in D.messages(DOC)]
    assert ctx == ["a-guide/1", "a-guide/2", "second-part/1", "second-part/2", "second-part/3"]  # headings, list, table
    assert all(not text.startswith("```") for _, text in D.messages(DOC))


def test_extract_build_and_a_changed_paragraph_goes_fuzzy(kit):
    counts = D.extract("guide/01_x.md", kit)
    assert counts["new"] == len(D.messages(DOC))
    assert D.problems("guide/01_x.md", kit)["missing"]
    with pytest.raises(CRMDataError, match="translate --notebooks guide/01_x.md"):
        D.built("guide/01_x.md", kit)
    zh = {c: f"中文{i}" for i, (c, _) in enumerate(D.messages(DOC))}
    zh["a-guide/2"] = "第一段，`code` 和[链接](../notebooks/01_satisfaction.ipynb)。"
    _fill(kit, zh)
    assert D.problems("guide/01_x.md", kit) == {"missing": [], "fuzzy": [], "stale": []}
    (path,) = D.build(["guide/01_x.md"], kit, progress=None)
    out = path.read_text(encoding="utf-8")
    assert path == kit / "guide/zh/01_x.md"
    assert "```python\nx = 1\n\ny = 2\n```" in out  # code copied as it is
    assert "(../../notebooks/01_satisfaction.ipynb)" in out  # link re-pointed from guide/zh/
    assert "First paragraph" not in out and "中文0" in out
    assert D.stale_builds(kit) == []
    # an edited English paragraph: the old Chinese is kept, marked fuzzy, and the build refuses it
    (kit / "guide/01_x.md").write_text(DOC.replace("First paragraph", "The first paragraph"), encoding="utf-8")
    assert D.problems("guide/01_x.md", kit)["stale"] == ["a-guide/2"]
    counts = D.extract("guide/01_x.md", kit)
    assert counts["fuzzy"] == 1 and counts["new"] == 0
    assert D.problems("guide/01_x.md", kit)["fuzzy"] == ["a-guide/2"]
    entry = next(m for m in N._read_po(kit / "crmlab/locale/zh/docs/guide__01_x.po") if m.context == "a-guide/2")
    assert entry.string.startswith("第一段") and "First paragraph" in N.previous_english(entry)
    with pytest.raises(CRMDataError, match="fuzzy"):
        D.built("guide/01_x.md", kit)


def test_only_kit_documents_are_translated(kit):
    for bad in ("guide/zh/01_x.md", "README.zh.md", "notes/x.md", "guide/README.md"):
        with pytest.raises(CRMDataError, match="not an English document"):
            D.doc_edition_of(bad, kit)


@pytest.mark.parametrize("ed", DOCS, ids=[d.source for d in DOCS])
def test_every_document_block_has_a_current_translation(ed):
    assert D.problems(ed.source, ROOT) == {"missing": [], "fuzzy": [], "stale": []}, (
        f"Fix: crmlab translate --notebooks {ed.source}, translate in {ed.catalogue}, crmlab translate --build-zh {ed.source}")


def test_the_committed_chinese_documents_are_fresh_builds():
    assert D.stale_builds(ROOT) == [], "Fix: crmlab translate --build-zh <doc.md> (and commit)"


@pytest.mark.parametrize("ed", DOCS, ids=[d.source for d in DOCS])
def test_no_english_sentence_in_a_chinese_document(ed):
    from test_zh_edition import latin_sentences

    text = (ROOT / ed.target).read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)  # the build's note to authors: never rendered
    assert latin_sentences(text) == []
