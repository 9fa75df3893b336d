"""Links in the Chinese edition lead to the Chinese copy of a file when there is one (notebooks, documents, data dictionary)."""

from __future__ import annotations

import nbformat

from crmlab import doctranslate as D
from crmlab import nbtranslate as N

MD = ("Read [the brief](../exercises/05_x_brief.md), [the data](../datasets/README.md#survey) "
      "and [a note](../exercises/06_y_brief.md).")


def _kit(tmp_path, with_zh: bool):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(MD), nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]})]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    (tmp_path / "datasets").mkdir()
    nbformat.write(nb, str(tmp_path / "notebooks/05_x.ipynb"))
    for name in ("05_x_brief", "06_y_brief"):
        (tmp_path / f"exercises/{name}.md").write_text("# Brief\n\nSome words here.\n", encoding="utf-8")
    (tmp_path / "datasets/README.md").write_text("# Data\n", encoding="utf-8")
    N.extract("notebooks/05_x.ipynb", tmp_path)
    po = tmp_path / N.edition_of("notebooks/05_x.ipynb", tmp_path).catalogue
    cat = N._read_po(po)
    for m in cat:
        if m.id:
            m.string = ("阅读[任务书](../exercises/05_x_brief.md)、[数据](../datasets/README.md#survey)"
                        "和[说明](../exercises/06_y_brief.md)。")
    N._write_po(po, cat)
    if with_zh:  # 05's brief is in the Chinese edition (catalogue + built copy), 06's is not; a Chinese data dictionary
        D.extract("exercises/05_x_brief.md", tmp_path)
        (tmp_path / "exercises/zh").mkdir()
        (tmp_path / "exercises/zh/05_x_brief.md").write_text("# 任务书\n", encoding="utf-8")
        (tmp_path / "datasets/README.zh.md").write_text("# 数据\n", encoding="utf-8")
    return tmp_path


def test_links_go_to_the_chinese_document_and_data_dictionary_when_they_exist(tmp_path):
    kit = _kit(tmp_path, with_zh=True)
    md = N.built("notebooks/05_x.ipynb", kit).cells[0].source
    assert "(../../exercises/zh/05_x_brief.md)" in md
    assert "(../../datasets/README.zh.md#survey)" in md  # the fragment is kept
    assert "(../../exercises/06_y_brief.md)" in md  # no Chinese copy: the English one, from the zh folder
    assert N.link_targets(kit)[(kit / "datasets/README.md").resolve()] == (kit / "datasets/README.zh.md").resolve()


def test_without_chinese_copies_links_keep_the_english_files(tmp_path):
    kit = _kit(tmp_path, with_zh=False)
    md = N.built("notebooks/05_x.ipynb", kit).cells[0].source
    assert "(../../exercises/05_x_brief.md)" in md and "(../../datasets/README.md#survey)" in md
