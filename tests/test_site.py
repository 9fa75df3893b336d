"""The course website and the lecture slides: staging, links, the offline check, slide tags, decks.

The full Sphinx build and the browser walk through it are in ``tests/test_browser_site.py`` (CI runs
``make site`` and ``make slides`` first); here everything that decides what goes on a page.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from crmlab import site, slides
from crmlab.errors import CRMDataError

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- links and the offline check
def test_relink_points_to_staged_copies_and_unlinks_what_the_site_does_not_carry():
    src, dst = Path("/k/notebooks/zh"), Path("/s/notebooks")
    targets = {Path("/k/notebooks/zh/02_x.ipynb"): Path("/s/notebooks/02_x.ipynb"),
               Path("/k/datasets/README.md"): Path("/s/datasets/README.md")}
    text = ("[next](02_x.ipynb#top), [data](../../datasets/README.md), [key](../../exercises/solutions/01.ipynb), "
            "[web](https://example.org), [here](#part), ![chart](missing.png)")
    assert site.relink(text, src, dst, targets) == (
        "[next](02_x.ipynb#top), [data](../datasets/README.md), key, [web](https://example.org), [here](#part), *chart*")
    assert site.relink("[next](02_x.ipynb)", src, dst, targets, as_html=True) == "[next](02_x.html)"


def _page(tmp_path, name, body):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f"<html><head></head><body>{body}</body></html>", encoding="utf-8")
    return p


def test_check_site_finds_external_loads_broken_links_and_missing_images(tmp_path):
    _page(tmp_path, "en/index.html", '<a href="a.html">a</a> <a href="https://example.org">web link: fine</a>'
                                     '<img src="_images/x.png"><a href="#top">top</a>')
    _page(tmp_path, "en/a.html", "ok")
    (tmp_path / "en/_images").mkdir()
    (tmp_path / "en/_images/x.png").write_bytes(b"png")
    assert site.check_site(tmp_path) == []
    _page(tmp_path, "en/b.html", '<script src="https://cdn.example.org/x.js"></script>'
                                 '<link rel="stylesheet" href="//fonts.example.org/f.css">'
                                 '<img src="https://example.org/i.png"><a href="gone.html#x">gone</a>'
                                 '<img src="_images/none.png">')
    found = "\n".join(site.check_site(tmp_path))
    assert "en/b.html: loads from the internet" in found
    assert "<img> from the internet: https://example.org/i.png" in found
    assert "<a> leads nowhere: gone.html#x" in found and "<img> leads nowhere: _images/none.png" in found
    (tmp_path / "en/_static").mkdir()
    (tmp_path / "en/_static/t.css").write_text("@import url(https://fonts.example.org/x.css);", encoding="utf-8")
    assert any("t.css: CSS loads from the internet" in p for p in site.check_site(tmp_path))


# ---------------------------------------------------------------- what is staged
@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    out = {}
    for lang in site.LANGS:
        dst = tmp_path_factory.mktemp(f"site-{lang}")
        out[lang] = (dst, site.stage(ROOT, lang, dst))
    return out


def test_both_editions_have_the_same_pages(staged):
    assert sorted(staged["en"][1]) == sorted(staged["zh"][1])
    names = set(staged["en"][1])
    assert {f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")} <= names
    assert "datasets/README.md" in names and "exercises/08_case_report_brief.md" in names
    assert not any("solutions" in n for n in names)


def test_a_students_site_has_no_instructor_guide():
    full, students = site.pages(ROOT, "zh"), site.pages(ROOT, "zh", instructor=False)
    assert any(k.startswith("guide/") for k in full)
    assert not any(k.startswith("guide/") for k in students)
    assert set(students) == {k for k in full if not k.startswith("guide/")}


def test_staged_exercises_are_the_student_copies_and_widgets_become_a_note(staged):
    for lang, (dst, pages) in staged.items():
        for rel in pages:
            if not rel.endswith(".ipynb"):
                continue
            nb = nbformat.read(str(dst / rel), as_version=4)
            code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
            assert "# Solution:" not in code or rel.startswith("notebooks/"), rel
            outs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
            assert not any(site.WIDGET_MIME in o.get("data", {}) for o in outs), rel
            assert "widgets" not in nb.metadata
    dst, _ = staged["en"]
    nb = nbformat.read(str(dst / "notebooks/01_satisfaction.ipynb"), as_version=4)
    notes = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if "live kernel" in o.get("data", {}).get("text/markdown", "")]
    assert len(notes) == 1  # the importance sliders


def test_staged_links_resolve_inside_the_site(staged):
    for lang, (dst, pages) in staged.items():
        for rel in pages:
            path = dst / rel
            if rel.endswith(".ipynb"):
                nb = nbformat.read(str(path), as_version=4)
                texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
            else:
                texts = [path.read_text(encoding="utf-8")]
            for text in texts:
                for href in re.findall(r"\]\(([^)\s]+)\)", text):
                    if re.match(r"^[a-z]+:|^#", href):
                        continue
                    assert (path.parent / href.partition("#")[0]).exists(), f"{lang} {rel}: {href}"


def test_index_has_every_page_in_a_toctree(staged):
    for lang, (dst, pages) in staged.items():
        index = (dst / "index.md").read_text(encoding="utf-8")
        for rel in pages:
            assert "\n" + rel.rsplit(".", 1)[0] + "\n" in index, (lang, rel)
        assert "\nglossary\n" in index and "\ncases\n" in index


def test_glossary_merges_the_notebooks_tables():
    en = site.glossary(ROOT, "en")
    assert "| weighted method | 加权法 |" in en and "| repurchase rate | 重复购买率 |" in en
    rows = [r for r in en.splitlines() if r.startswith("| ") and "---" not in r][1:]
    terms = [r.split("|")[1].strip() for r in rows]
    assert len(terms) == len(set(terms)) > 50 and terms == sorted(terms, key=str.lower)
    zh = site.glossary(ROOT, "zh")
    assert "| 加权法 | weighted method |" in zh and zh.count("\n| ") == en.count("\n| ")


def test_cases_page_tells_every_case_in_its_language():
    from crmlab import cases

    for lang in site.LANGS:
        page = site.cases_page(lang)
        for key, case in cases.CASES.items():
            assert case.text("narrative", lang) in page and f"--case {key}" in page


def test_site_refuses_an_unknown_edition_and_a_folder_without_the_site(tmp_path):
    with pytest.raises(CRMDataError, match="lang='fr'"):
        site.build(tmp_path / "out", root=ROOT, langs=("fr",))
    with pytest.raises(CRMDataError, match="site/conf.py"):
        site.build(tmp_path / "out", root=tmp_path)


# ---------------------------------------------------------------- slides
def _nb(cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return nb


def _img_cell():
    c = nbformat.v4.new_code_cell("plots.csi_bars(table)\nplt.show()")
    c.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]
    return c


def test_slide_rule():
    params = nbformat.v4.new_code_cell("seed = 42")
    params.metadata["tags"] = ["parameters"]
    short = nbformat.v4.new_code_cell("survey['overall'].mean()")
    short.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "3.9"}, execution_count=1)]
    long = nbformat.v4.new_code_cell("\n".join(f"x{i} = {i}" for i in range(20)))
    nb = _nb([nbformat.v4.new_markdown_cell("# Title"), params, nbformat.v4.new_code_cell("import pandas as pd"),
              nbformat.v4.new_markdown_cell("## 1. An idea"), nbformat.v4.new_markdown_cell("Some prose."),
              short, long, _img_cell(), nbformat.v4.new_markdown_cell("### A detail")])
    nb.cells[4].metadata["slideshow"] = {"slide_type": "fragment"}  # an instructor's choice is kept
    assert slides.tag(nb) == 8
    assert slides.slide_types(nb) == ["slide", "skip", "skip", "slide", "fragment", "fragment", "skip", "subslide",
                                      "subslide"]
    assert slides.tag(nb) == 0


def test_session_plan_rows_become_the_speaker_notes_of_their_section(tmp_path):
    guide = tmp_path / "g.md"
    guide.write_text("## Session plan (120 minutes)\n\n| minutes | part | notebook section | what to do and ask |\n"
                     "|---|---|---|---|\n| 0-10 | lecture | - | Ask: who has complained? |\n"
                     "| 10-30 | notebook | 1 | Ask: what does the <mean> hide? |\n\n## Next\n", encoding="utf-8")
    rows = slides.session_plan(guide)
    assert [(r["minutes"], r["section"]) for r in rows] == [("0-10", None), ("10-30", 1)]
    nb = _nb([nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_markdown_cell("## 1. An idea"),
              _img_cell(), nbformat.v4.new_markdown_cell("## 2. Another")])
    slides.tag(nb)
    path = tmp_path / "01_x.ipynb"
    nbformat.write(nb, str(path))
    page = slides.deck(path, "en", slides.slide_types(nb), rows, other_href="../zh/01_x.html")
    sections = re.findall(r"<section>", page)
    assert len(sections) == 5  # title, section 1 (a slide holding two vertical ones), its chart, section 2
    chunks = page.split("<section>")
    title = next(c for c in chunks if "<h1>Title</h1>" in c)
    idea = next(c for c in chunks if "<h2>1. An idea</h2>" in c)
    assert "who has complained?" in title and "0-10 min, lecture" in title and "what does the &lt;mean&gt; hide?" in idea
    assert "<aside class='notes'>" in idea and "hide?" not in title
    assert "plots.csi_bars" not in page  # a chart's code is hidden
    assert "https://" not in page and "../_reveal/dist/reveal.js" in page and "../zh/01_x.html" in page


def test_a_deck_needs_as_many_tags_as_cells(tmp_path):
    path = tmp_path / "01_x.ipynb"
    nbformat.write(_nb([nbformat.v4.new_markdown_cell("# T")]), str(path))
    with pytest.raises(CRMDataError, match="build-zh"):
        slides.deck(path, "zh", ["slide", "-"], [])
