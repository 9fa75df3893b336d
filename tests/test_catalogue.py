"""The one text path: English source in crmlab/labels, Chinese in the gettext catalogue crmlab/locale/zh.

Fails on a missing translation (a key with English text and no non-fuzzy
msgstr), a stale one (the .po's msgid for a key is not the current English),
a .po that ``crmlab translate --update`` would change, and a committed .mo
that is not the compiled .po. Fix any of them: edit the English (or the .po),
then ``crmlab translate --update``, translate, ``crmlab translate --compile``.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys

import pytest

pytest.importorskip("babel")

from crmlab import labels, translate  # noqa: E402
from crmlab.labels import label, plain, source, t  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_key_has_a_current_chinese_translation():
    problems = translate.problems()
    assert problems == {"missing": [], "fuzzy": [], "stale": []}, (
        f"{problems}. Fix: crmlab translate --update, translate the entries in {translate.PO}, "
        "then crmlab translate --compile")


def test_po_is_what_update_would_write():
    assert translate.PO.read_bytes() == translate._po_bytes(translate.updated()), \
        "Fix: crmlab translate --update"


def test_committed_mo_is_the_compiled_po():
    assert translate.MO.read_bytes() == translate.mo_bytes(), "Fix: crmlab translate --compile"


def test_po_entries_use_the_key_as_context_and_english_as_msgid():
    cat = translate.read()
    entries = {m.context: m for m in cat if m.id}
    assert set(entries) == set(source())
    m = entries["csi"]
    assert (m.id, m.string) == ("Customer satisfaction index (CSI)", "顾客满意度指数 (CSI)")
    text = translate.PO.read_text(encoding="utf-8")  # (Babel's reader re-guesses "python-format"; the file is right)
    assert '#, python-brace-format\nmsgctxt "csi_title"\n' in text and "python-format\n" not in text.replace(
        "python-brace-format\n", "")


def test_placeholders_survive_translation_and_are_filled_after_it():
    assert t("csi_title", "en", pct=95) == "CSI by segment, with 95% intervals"
    assert t("csi_title", "zh", pct=95) == "各细分客户的满意度指数（95% 置信区间）"
    for key, en in source().items():
        assert sorted(re.findall(r"\{(\w+)", en)) == sorted(re.findall(r"\{(\w+)", t(key, "zh"))), key


# ------------------------------------------------------------ the fallback rule
def test_unknown_key_raises_keyerror_and_unknown_value_is_shown_as_itself():
    with pytest.raises(KeyError):
        t("no_such_key", "zh")
    assert label("no_such_value", "zh") == "no such value" == plain("no_such_value")
    assert label("delivery", "zh", "cp_") == "配送"
    assert label("delivery", "en", "cp_") == "Delivery"


def _tiny_po(tmp_path, monkeypatch, english: dict, chinese: dict):
    """A .po for a two-key source written by translate.update, with given msgstr."""
    monkeypatch.setattr(translate, "source", lambda: dict(english))
    po = tmp_path / "x.po"
    translate.update(po)
    cat = translate.read(po)
    for m in cat:
        if m.id and m.context in chinese:
            m.string = chinese[m.context]
    po.write_bytes(translate._po_bytes(cat))
    return po


def test_update_marks_changed_english_fuzzy_keeps_chinese_and_drops_removed(tmp_path, monkeypatch):
    po = _tiny_po(tmp_path, monkeypatch, {"a": "Apple", "b": "Pear", "c": "Plum"}, {"a": "苹果", "b": "梨", "c": "李子"})
    assert translate.problems(po) == {"missing": [], "fuzzy": [], "stale": []}
    # the English of "a" changes, "c" goes, "d" arrives
    monkeypatch.setattr(translate, "source", lambda: {"a": "Green apple", "b": "Pear", "d": "Fig"})
    assert translate.problems(po) == {"missing": ["d"], "fuzzy": [], "stale": ["a"]}
    assert translate.update(po) == {"new": 1, "fuzzy": 1, "dropped": 1}
    entries = {m.context: m for m in translate.read(po) if m.id}
    assert sorted(entries) == ["a", "b", "d"]
    assert (entries["a"].id, entries["a"].string, entries["a"].fuzzy) == ("Green apple", "苹果", True)
    assert (entries["b"].string, entries["b"].fuzzy) == ("梨", False)
    assert translate.problems(po) == {"missing": ["d"], "fuzzy": ["a"], "stale": []}
    before = po.read_bytes()
    translate.update(po)
    assert po.read_bytes() == before  # running it twice changes nothing


def test_compiled_catalogue_falls_back_to_english_for_fuzzy_missing_and_stale(tmp_path, monkeypatch):
    po = _tiny_po(tmp_path, monkeypatch, {"a": "Apple", "b": "Pear", "c": "Plum"}, {"a": "苹果", "b": "梨"})
    monkeypatch.setattr(translate, "source", lambda: {"a": "Green apple", "b": "Pear", "c": "Plum"})
    translate.update(po)  # "a" is fuzzy now, "c" has no Chinese
    mo = translate.compile_mo(po, tmp_path / "x.mo")
    with open(mo, "rb") as f:
        tr = gettext.GNUTranslations(f)
    assert tr.pgettext("b", "Pear") == "梨"
    assert tr.pgettext("a", "Green apple") == "Green apple"  # fuzzy -> English
    assert tr.pgettext("c", "Plum") == "Plum"  # missing -> English
    assert tr.pgettext("b", "Big pear") == "Big pear"  # stale (English changed, not yet updated) -> English
    assert tr.pgettext("z", "Pear") == "Pear"  # the context is the key: another key's text is not borrowed


# ------------------------------------------------------------ one place for the Chinese
def test_former_zh_dicts_are_views_of_the_catalogue():
    from crmlab.datasets import ecsi, satisfaction, servqual

    assert dict(satisfaction.ATTRIBUTES_ZH) == {a: t(a, "zh") for a in satisfaction.ATTRIBUTES}
    assert servqual.DIMENSIONS_ZH["empathy"] == "移情性" and servqual.BRANCHES_ZH["campus"] == "大学城支行"
    assert ecsi.CONSTRUCTS_ZH["SAT"] == "顾客满意" and list(ecsi.SEGMENTS_ZH) == list(ecsi.SEGMENTS)
    with pytest.raises(KeyError):
        satisfaction.ATTRIBUTES_ZH["colour"]


def test_no_chinese_text_outside_the_catalogue_in_the_text_modules():
    import crmlab

    root = __import__("pathlib").Path(crmlab.__file__).parent
    from crmlab.labels import tables  # every English table: kit-wide and each topic's labels.py

    tables_ = [__import__("importlib").import_module(name).__file__ for _, name in tables()]
    assert len(tables_) >= 8
    reports = [f"report/{p.name}" for p in (root / "report").glob("*.py")]
    for rel in [*reports, "export.py", "cases.py",
                *(str(__import__("pathlib").Path(f).relative_to(root)) for f in tables_)]:
        code = [ln for ln in (root / rel).read_text(encoding="utf-8").splitlines()
                if not ln.lstrip().startswith("#") and '"""' not in ln]
        hits = [ln for ln in code if CJK.search(ln) and "'zh'" not in ln]
        assert not hits, (rel, hits[:3])


def test_case_texts_come_from_the_catalogue():
    from crmlab import cases

    c = cases.get("hotel")
    assert c.name_zh == t("case_hotel_name", "zh") == "玉港酒店（虚构）"
    assert cases.name("hotel", "en") == c.name == "Jade Harbour Hotel (fictional)"
    assert CJK.search(c.story_zh) and not CJK.search(c.story)


def test_reading_the_catalogue_does_not_import_babel():
    code = ("import sys, crmlab, crmlab.labels as L; L.t('csi', 'zh'); import crmlab.report; "
            "print('babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_compiled_catalogue_is_a_clear_error(tmp_path, monkeypatch):
    from crmlab.errors import CRMDataError

    monkeypatch.setattr(labels, "LOCALE_DIR", tmp_path)
    labels.translations.cache_clear()
    try:
        with pytest.raises(CRMDataError, match=r"crmlab translate --compile"):
            labels.translations("zh")
    finally:
        monkeypatch.undo()
        labels.translations.cache_clear()
