"""The Chinese edition (notebooks/zh, exercises/zh): built from the notebook catalogues, complete, up to date.

An instructor who edits an English markdown cell sees ``test_every_cell_has_a_current_translation``
fail until the cell is re-translated (``crmlab translate --notebooks``, translate, ``--build-zh``).
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import nbformat
import pytest

from crmlab import nbtranslate as N
from crmlab.errors import CRMDataError

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = N.editions(ROOT)
IDS = [e.source for e in EDITIONS]

# Latin-script runs a Chinese cell may contain outside brackets and code: menu names and the like
ALLOWED = {"Run All Cells"}
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[ \t]+[A-Za-z][A-Za-z'’.-]*){2,}")


def latin_sentences(markdown: str) -> list[str]:
    """Runs of three or more Latin-script words left after removing what may stay in Latin script:
    code (blocks and spans), formulas, link targets, anything in brackets (English terms, names with
    years), and a glossary table (its header names an "English" column)."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    for _ in range(2):  # nested brackets
        text = re.sub(r"\([^()]*\)|（[^（）]*）", " ", text)
    kept, in_glossary = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("|"):
            in_glossary = in_glossary or "English" in line
            if in_glossary:
                continue
        else:
            in_glossary = False
        kept.append(line)
    return [m.group(0) for m in _LATIN_RUN.finditer("\n".join(kept)) if m.group(0) not in ALLOWED]


def test_every_notebook_and_exercise_is_in_the_edition():
    """The whole course: every teaching notebook, every exercise solution (and so its student copy)."""
    english = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    english |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "exercises/solutions").glob("[0-9][0-9]_*.ipynb")}
    assert english - set(IDS) == set(), "Fix: crmlab translate --notebooks <nb>, translate, crmlab translate --build-zh"
    students = {p.name for p in (ROOT / "exercises").glob("[0-9][0-9]_*.ipynb")}
    assert students == {p.name for p in (ROOT / "exercises/zh").glob("[0-9][0-9]_*.ipynb")}


def test_the_pilot_is_in_the_edition():
    assert {"notebooks/00_start_here.ipynb", "notebooks/01_satisfaction.ipynb",
            "exercises/solutions/01_satisfaction.ipynb"} <= set(IDS)


@pytest.mark.parametrize("ed", EDITIONS, ids=IDS)
def test_every_cell_has_a_current_translation(ed):
    """Every markdown cell has an id and a non-fuzzy Chinese text whose msgid is the cell's current English."""
    todo = N.problems(ed.source, ROOT)
    assert todo == {"no_id": [], "missing": [], "fuzzy": [], "stale": [], "lines": []}, (
        f"{ed.source}: {todo}. Fix: crmlab translate --notebooks, translate in {ed.catalogue}, "
        "crmlab translate --build-zh")


def test_the_committed_chinese_notebooks_are_fresh_builds():
    assert N.stale_builds(ROOT) == [], "Fix: crmlab translate --build-zh (and commit the notebooks)"


@pytest.mark.parametrize("ed", EDITIONS, ids=IDS)
def test_chinese_notebook_is_executed_with_lang_zh(ed):
    nb = nbformat.read(str(ROOT / ed.target), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), f"{ed.target} is not executed"
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and re.search(r'^lang = "zh"', params[0].source, re.M)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert nb.metadata["crmlab"]["generated_from"] == ed.source


@pytest.mark.parametrize("ed", EDITIONS, ids=IDS)
def test_no_english_sentence_in_a_chinese_cell(ed):
    nb = nbformat.read(str(ROOT / ed.target), as_version=4)
    found = {}
    for i, cell in enumerate(nb.cells):
        texts = [cell.source] if cell.cell_type == "markdown" else [
            o.get("data", {}).get("text/markdown", "") for o in cell.get("outputs", [])] + [
            text for _, _, text in N.comments(cell.source)]
        for text in texts:
            if text and latin_sentences(text):
                found[i] = latin_sentences(text)
    assert not found, f"{ed.target}: English left in cells {found}"


def test_the_latin_detector_flags_a_sentence_and_spares_terms_code_and_names():
    assert latin_sentences("这是一个句子。 But this one is English.") == ["But this one is English."]
    assert latin_sentences("顾客满意度指数（customer satisfaction index, CSI）用 `sat.csi(survey, by)` 计算；"
                           "见 Howard & Sheth (1969)，[papermill](https://papermill.readthedocs.io)。") == []
    assert latin_sentences("| 中文 | English |\n|---|---|\n| 加权法 | weighted method |") == []


def test_links_work_from_the_zh_folders():
    for ed in EDITIONS:
        nb = nbformat.read(str(ROOT / ed.target), as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            for href in re.findall(r"\]\(([^)\s]+)\)", cell.source):
                if re.match(r"^[a-z]+:|^#", href):
                    continue
                target = (ROOT / ed.target).parent / href.partition("#")[0]
                assert target.exists(), f"{ed.target}: link {href} leads nowhere"
    start = (ROOT / "notebooks/zh/00_start_here.ipynb").read_text(encoding="utf-8")
    assert "(../../datasets/README.zh.md)" in start and "(01_satisfaction.ipynb)" in start


def test_student_copies_come_from_the_chinese_solutions():
    from crmlab.exercises import student_notebook

    for ed in (e for e in EDITIONS if e.student):
        solution = nbformat.read(str(ROOT / ed.target), as_version=4)
        want = nbformat.writes(student_notebook(solution, lang="zh")) + "\n"
        assert (ROOT / ed.student).read_text(encoding="utf-8") == want
        assert "# 你的答案：把 ... 替换为你的代码" in want and "Your answer" not in want


def test_nbval_replays_the_chinese_notebooks():
    """pytest's testpaths collect notebooks/ (notebooks/zh inside it) and the Chinese solutions."""
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    paths = cfg["testpaths"]
    assert "--nbval" in cfg["addopts"]
    for ed in EDITIONS:
        assert any(Path(ed.target).is_relative_to(p) for p in paths), f"{ed.target} is not replayed by nbval"
    assert not any(Path("exercises/zh/01_satisfaction.ipynb").is_relative_to(p) for p in paths)  # student copy


# ---------------------------------------------------------------- the catalogue workflow, in a copy of the kit
@pytest.fixture
def kit(tmp_path):
    """A copy of notebook 01, exercise 01 and their catalogues in a scratch kit folder."""
    for rel in ("notebooks/01_satisfaction.ipynb", "crmlab/locale/zh/notebooks/01_satisfaction.po",
                "exercises/solutions/01_satisfaction.ipynb", "crmlab/locale/zh/exercises/01_satisfaction.po"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    return tmp_path


def _edit_first_markdown(path: Path, new_text: str) -> str:
    nb = nbformat.read(str(path), as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source = new_text
    nbformat.write(nb, str(path))
    return cell.metadata["tr_id"]


def test_a_changed_english_cell_makes_its_translation_stale_until_retranslated(kit):
    src = "notebooks/01_satisfaction.ipynb"
    assert N.problems(src, kit)["stale"] == []
    old_zh = {m.context: m.string for m in N._read_po(kit / "crmlab/locale/zh/notebooks/01_satisfaction.po")}
    cid = _edit_first_markdown(kit / src, "# Customer satisfaction (顾客满意)\n\nA new first paragraph.")
    assert N.problems(src, kit)["stale"] == [cid]
    with pytest.raises(CRMDataError, match=r"stale.*translate --notebooks"):
        N.built(src, kit)
    counts = N.extract(src, kit)
    assert counts["fuzzy"] == 1 and counts["new"] == 0 and counts["dropped"] == 0
    entry = next(m for m in N._read_po(kit / "crmlab/locale/zh/notebooks/01_satisfaction.po") if m.context == cid)
    assert entry.fuzzy and entry.string == old_zh[cid]  # the old Chinese is kept for the translator...
    old_en = nbformat.read(str(ROOT / src), as_version=4).cells[0].source
    assert " ".join(N.previous_english(entry).split()) == " ".join(old_en.split())  # ...with its old English
    assert N.problems(src, kit)["fuzzy"] == [cid]  # ...and the test above still fails
    assert N.extract(src, kit)["fuzzy"] == 0  # extracting again changes nothing more


def test_a_new_cell_gets_an_id_and_an_empty_entry(kit):
    src = "exercises/solutions/01_satisfaction.ipynb"
    nb = nbformat.read(str(kit / src), as_version=4)
    copied = nbformat.v4.new_markdown_cell(nb.cells[0].source + "\n\nOne more line.")
    copied.metadata["tr_id"] = nb.cells[0].metadata["tr_id"]  # a copied cell carries its original's id
    nb.cells.insert(1, copied)
    nbformat.write(nb, str(kit / src))
    counts = N.extract(src, kit)
    assert counts["new"] == 1
    ids = [c.metadata.get("tr_id") for c in nbformat.read(str(kit / src), as_version=4).cells if c.cell_type == "markdown"]
    assert len(ids) == len(set(ids)) and None not in ids
    assert len(N.problems(src, kit)["missing"]) == 1


def test_extract_refuses_a_student_copy():
    with pytest.raises(CRMDataError, match="through its solution"):
        N.edition_of("exercises/01_satisfaction.ipynb", ROOT)


def test_build_needs_a_lang_line_in_the_parameters_cell(kit):
    src = kit / "notebooks/01_satisfaction.ipynb"
    nb = nbformat.read(str(src), as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace('lang = "en"', 'language = "en"')
    nbformat.write(nb, str(src))
    with pytest.raises(CRMDataError, match=r'lang = \\?"en\\?"'):
        N.built("notebooks/01_satisfaction.ipynb", kit)


# ---------------------------------------------------------------- what the code prints, in Chinese
def test_the_checks_speak_the_exercise_language():
    from crmlab.checks import lang, satisfaction as check, set_lang

    try:
        data = check.exercise_data(seed=3, n=200, lang="zh")
        assert lang() == "zh"
        assert repr(check.q1_attribute_means(..., data["case"])) == "⏳ Q1: 尚未作答。请把 ... 替换为你的代码，再运行这个单元格。"
        fb = check.q5_top_box_ratio(0.5, data["survey"])
        assert fb.status == "wrong" and fb.message.startswith("还不对。提示：比较很满意")
        assert check.q4_top_driver(("质量", 0.3), data["survey"]).status in ("right", "wrong", "close")
        data = check.exercise_data(seed=3, n=200)
        assert lang() == "en"
        assert check.q5_top_box_ratio(0.5, data["survey"]).message.startswith("not yet. Hint: compare")
    finally:
        set_lang("en")
    with pytest.raises(CRMDataError, match="lang='fr'"):
        set_lang("fr")


def test_data_dictionary_labels_follow_the_dataset_spec():
    """Each ``dd_<dataset>__<column>`` label repeats the spec's English (bracketed Chinese term left out)."""
    from crmlab import datasets
    from crmlab.labels import source

    entries = {k: v for k, v in source().items() if k.startswith("dd_") and "__" in k}
    assert entries
    for key, en in entries.items():
        name, col, *unit = key[3:].split("__")
        spec = {c.name: c for c in datasets.get_spec(name).columns}[col]
        assert en == datasets._dictionary_english(spec.unit if unit else spec.description), key  # as describe() reads it
    zh = datasets.describe("satisfaction_survey", "zh").set_index("列")
    assert list(zh.columns) == ["类型", "单位或取值范围", "含义"]
    assert zh.loc["overall", "含义"] == "总体满意度" and zh.loc["quality", "单位或取值范围"] == "1-5"
    assert datasets.describe("satisfaction_survey").equals(datasets.describe("satisfaction_survey", "en"))


@pytest.mark.slow
def test_papermill_runs_a_chinese_notebook_with_other_parameters(tmp_path):
    import papermill as pm

    src = ROOT / "notebooks/zh/00_start_here.ipynb"
    assert set(pm.inspect_notebook(str(src))) == {"seed", "n", "lang"}
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(src), str(out), parameters={"seed": 5, "n": 12}, kernel_name="python3",
                        progress_bar=False, cwd=str(src.parent))
    nb = nbformat.read(str(out), as_version=4)
    text = "\n".join("".join(o.get("text", "")) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "样本：12 名受访者（种子 5）" in text
    assert "Sample:" not in text


def test_assign_in_chinese_hands_out_the_chinese_student_copy(tmp_path):
    from crmlab import assign

    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\ns01,Li Lei\n", encoding="utf-8")
    (nb_path,), _ = assign.assign("01_satisfaction", roster, tmp_path / "out", lang="zh")
    nb = nbformat.read(str(nb_path), as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert 'lang = "zh"' in params.source and "student_id = 's01'" in params.source
    assert nb.cells[0].source.startswith("# 练习：顾客满意")
    (en_path,), _ = assign.assign("01_satisfaction", roster, tmp_path / "en")
    assert nbformat.read(str(en_path), as_version=4).cells[0].source.startswith("# Exercises")


@pytest.mark.parametrize("ed", EDITIONS, ids=IDS)
def test_papermill_sees_the_same_parameters_in_the_chinese_notebook(ed):
    """The parameters cell's comments are translated; papermill must still read every parameter (no '=' in them)."""
    import papermill as pm

    assert set(pm.inspect_notebook(str(ROOT / ed.target))) == set(pm.inspect_notebook(str(ROOT / ed.source)))
    params = next(c for c in nbformat.read(str(ROOT / ed.target), as_version=4).cells
                  if "parameters" in c.metadata.get("tags", []))
    assert all("=" not in text for _, _, text in N.comments(params.source))


def test_code_comments_are_translated_but_markers_are_kept():
    src = 'x = 1  # the first value\n# Solution: q1\ny = "# not a comment"  # noqa: E501\n'
    assert N.comments(src) == [(1, 7, "the first value")]
    solution = nbformat.read(str(ROOT / "exercises/zh/solutions/01_satisfaction.ipynb"), as_version=4)
    assert sum(c.source.startswith("# Solution: q") for c in solution.cells) == 7  # the student copy needs them
