"""The instructor guide (guide/, guide/zh/): one page per teaching notebook, in the format the site and the slides read.

Each topic page has five ``##`` sections in a fixed order; the session plan is a pipe table whose
minute ranges run 0-120 without a gap, whose ``notebook section`` numbers are real ``## N.``
headings of the notebook (for the capstone: the headings its committed report writes), and whose
rows cover lecture, notebook, widget (where the notebook has one, at the section of the widget
cell), case and exercise. Discussion questions and model answers pair up; every relative link
resolves from the folder of the page; and nothing of an exercise's solution or answer key is
quoted.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "guide"
TEACHING = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
LANGS = ("en", "zh")

SECTIONS = {
    "en": ["Learning objectives", "Session plan (120 minutes)", "Case for discussion", "Common misconceptions",
           "What to assign"],
    "zh": ["学习目标", "课堂安排（120 分钟）", "案例讨论", "常见误解", "布置作业"],
}
SUBSECTIONS = {"en": ("Discussion questions", "Model answers"), "zh": ("讨论题", "参考答案")}
PLAN_HEADER = {"en": ["minutes", "part", "notebook section", "what to do and ask"],
               "zh": ["分钟", "环节", "笔记本章节", "做法与提问"]}
# the part column: English word -> its fixed Chinese form (the slides builder may map one to the other)
PARTS = {"lecture": "讲授", "notebook": "笔记本演练", "widget": "交互控件", "case": "案例讨论", "exercise": "练习",
         "break": "休息", "wrap-up": "总结"}
MISCONCEPTION_LABELS = {"en": ("**Misconception**", "**Where the notebook confronts it**", "**What to say**"),
                        "zh": ("**误解**", "**笔记本在哪里应对**", "**怎么讲**")}
SECTION_REF = {"en": re.compile(r"\bsections? (\d+)"), "zh": re.compile(r"第 ?(\d+) ?节")}
# the misconceptions the brief asks for, by topic (English page)
REQUIRED = {
    "01_satisfaction": ["overlap", "Satisfied customers are loyal"],
    "02_complaints": ["A complaint is bad news"],
    "03_loyalty": ["Repeat buying is loyalty"],
    "04_burnett_matrix": ["The biggest customer is the best"],
    "05_gap_servqual": ["Perceptions alone are enough"],
    "06_customer_value": ["The CLV formula is exact"],
    "07_satisfaction_index_pls": ["A higher GoF means a better model"],
}
CHECKS = {"01_satisfaction": "satisfaction", "02_complaints": "complaints", "03_loyalty": "loyalty",
          "04_burnett_matrix": "burnett", "05_gap_servqual": "servqual", "06_customer_value": "value",
          "07_satisfaction_index_pls": "pls"}
_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


# ---------------------------------------------------------------- helpers (generic, for this test only)
def page(stem: str, lang: str) -> Path:
    return GUIDE / stem if lang == "en" else GUIDE / "zh" / stem


def text_of(stem: str, lang: str) -> str:
    return page(f"{stem}.md", lang).read_text(encoding="utf-8")


def h2_sections(md: str) -> dict[str, str]:
    """``## heading`` -> the text up to the next ``##`` (code blocks removed first), in order."""
    out: dict[str, str] = {}
    current = None
    for line in _FENCE.sub("", md).splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            out[current] = ""
        elif current is not None:
            out[current] += line + "\n"
    return out


def h3_block(body: str, title: str) -> str:
    m = re.search(rf"^### {re.escape(title)}\s*\n(.*?)(?=^### |\Z)", body, re.S | re.M)
    assert m, f"no '### {title}'"
    return m.group(1)


def numbered(block: str) -> list[int]:
    return [int(n) for n in re.findall(r"^(\d+)\. ", block, re.M)]


def bullets(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.startswith("- ")]


def table_rows(block: str) -> list[list[str]]:
    rows = [line for line in block.splitlines() if line.startswith("|")]
    return [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]


def plan(stem: str, lang: str) -> list[dict]:
    rows = table_rows(h2_sections(text_of(stem, lang))[SECTIONS[lang][1]])
    assert rows and rows[0] == PLAN_HEADER[lang], f"plan header {rows[:1]}"
    assert set("".join(rows[1])) <= set("|-: "), "the second row must be the header rule"
    return [dict(zip(("minutes", "part", "section", "do"), r)) for r in rows[2:]]


def notebook_path(stem: str) -> Path:
    return ROOT / "notebooks" / f"{stem}.ipynb"


def notebook_sections(stem: str) -> dict[int, list[str]]:
    """Numbered ``## N.`` headings of a notebook -> the sources of the code cells under each.

    Headings come from markdown cells and from the Markdown a code cell displays (the capstone's
    report writes its section headings from code)."""
    nb = json.loads(notebook_path(stem).read_text(encoding="utf-8"))
    out: dict[int, list[str]] = {}
    current = None
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        texts = [src] if cell["cell_type"] == "markdown" else [
            "".join(o.get("data", {}).get("text/markdown", "")) for o in cell.get("outputs", [])]
        if cell["cell_type"] == "code" and current is not None:
            out[current].append(src)
        for text in texts:
            for m in re.finditer(r"^## (\d+)\. ", text, re.M):
                current = int(m.group(1))
                out.setdefault(current, [])
    return out


def widget_sections(stem: str) -> set[int]:
    return {n for n, codes in notebook_sections(stem).items()
            if any(re.search(r"^from crmlab\.widgets import ", c, re.M) for c in codes)}


def minutes(rng: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", rng)
    assert m, f"minutes {rng!r} is not a range like 0-10"
    return int(m.group(1)), int(m.group(2))


def shingles(text: str, k: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def all_pages() -> list[Path]:
    return sorted(GUIDE.glob("*.md")) + sorted((GUIDE / "zh").glob("*.md"))


PAIRS = [(s, lang) for s in TEACHING for lang in LANGS]
PAIR_IDS = [f"{s}-{lang}" for s, lang in PAIRS]


# ---------------------------------------------------------------- the pages exist and have their parts
def test_the_helpers_read_a_known_notebook():
    assert {1, 4, 8} <= set(notebook_sections("01_satisfaction"))
    assert widget_sections("01_satisfaction") == {8}
    assert widget_sections("06_customer_value") == set()  # no widget there
    assert set(notebook_sections("08_case_report")) == set(range(1, 9))  # the report's headings, from outputs


@pytest.mark.parametrize("stem", TEACHING)
def test_every_teaching_notebook_has_a_guide_page_in_both_languages(stem):
    assert (GUIDE / f"{stem}.md").exists(), f"Fix: write guide/{stem}.md"
    assert (GUIDE / "zh" / f"{stem}.md").exists(), f"Fix: crmlab translate --build-zh guide/{stem}.md"


def test_the_overview_exists_in_both_languages_and_links_every_page():
    en = (GUIDE / "00_overview.md").read_text(encoding="utf-8")
    assert (GUIDE / "zh" / "00_overview.md").exists()
    for stem in TEACHING:
        assert f"({stem}.md)" in en, f"the overview does not link guide/{stem}.md"
    for cmd in ("crmlab assign", "crmlab grade", "make slides", "make site"):
        assert cmd in en


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_the_five_sections_in_order(stem, lang):
    assert list(h2_sections(text_of(stem, lang))) == SECTIONS[lang]


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_three_to_six_learning_objectives(stem, lang):
    assert 3 <= len(bullets(h2_sections(text_of(stem, lang))[SECTIONS[lang][0]])) <= 6


# ---------------------------------------------------------------- the session plan
@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_the_plan_minutes_are_consecutive_and_cover_0_to_120(stem, lang):
    spans = [minutes(r["minutes"]) for r in plan(stem, lang)]
    assert spans[0][0] == 0 and spans[-1][1] == 120
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b == c, f"gap or overlap at {a}-{b} / {c}"
    assert all(a < b for a, b in spans)


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_every_plan_section_is_a_real_heading_of_the_notebook(stem, lang):
    real = set(notebook_sections(stem))
    for r in plan(stem, lang):
        assert r["section"] == "-" or (r["section"].isdigit() and int(r["section"]) in real), (
            f"{r['minutes']}: section {r['section']!r} is not a '## N.' heading of notebooks/{stem}.ipynb {sorted(real)}")


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_the_plan_has_each_kind_of_part(stem, lang):
    vocab = list(PARTS) if lang == "en" else list(PARTS.values())
    rows = plan(stem, lang)
    parts = [r["part"] for r in rows]
    assert set(parts) <= set(vocab), f"unknown parts {set(parts) - set(vocab)}"
    to_en = dict(zip(vocab, PARTS))
    have = {to_en[p] for p in parts}
    assert {"lecture", "notebook", "case", "exercise"} <= have
    widgets = widget_sections(stem)
    shown = {int(r["section"]) for r in rows if to_en[r["part"]] == "widget"}
    if widgets:
        assert shown and shown <= widgets, f"widget rows at {shown}, the notebook's widget is in section {widgets}"
    else:
        assert not shown, "a widget row for a notebook without a widget"


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_every_plan_row_but_the_break_asks_the_class_a_question(stem, lang):
    mark = "?" if lang == "en" else "？"
    for r in plan(stem, lang):
        if r["part"] not in ("break", PARTS["break"]):
            assert mark in r["do"], f"{r['minutes']}: no question to ask"


@pytest.mark.parametrize("stem", TEACHING)
def test_the_chinese_plan_keeps_minutes_sections_and_parts(stem):
    en, zh = plan(stem, "en"), plan(stem, "zh")
    assert [(r["minutes"], r["section"], PARTS[r["part"]]) for r in en] == [
        (r["minutes"], r["section"], r["part"]) for r in zh]


# ---------------------------------------------------------------- case, misconceptions, assignment
@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_discussion_questions_and_model_answers_pair_up(stem, lang):
    body = h2_sections(text_of(stem, lang))[SECTIONS[lang][2]]
    q_title, a_title = SUBSECTIONS[lang]
    questions, answers = numbered(h3_block(body, q_title)), numbered(h3_block(body, a_title))
    assert 3 <= len(questions) <= 5
    assert questions == answers == list(range(1, len(questions) + 1))
    assert body.index(f"### {q_title}") > 0, "the case text comes before the questions"


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_misconceptions_have_their_three_parts_and_real_sections(stem, lang):
    items = bullets(h2_sections(text_of(stem, lang))[SECTIONS[lang][3]])
    assert 3 <= len(items) <= 5
    real = set(notebook_sections(stem))
    for item in items:
        positions = [item.find(label) for label in MISCONCEPTION_LABELS[lang]]
        assert -1 not in positions and positions == sorted(positions), item[:60]
        where = item[positions[1]:positions[2]]
        refs = {int(n) for n in SECTION_REF[lang].findall(where)}
        assert refs and refs <= real, f"{item[:60]}: sections {refs} of {sorted(real)}"


@pytest.mark.parametrize("stem", sorted(REQUIRED))
def test_the_misconceptions_the_brief_names_are_there(stem):
    items = bullets(h2_sections(text_of(stem, "en"))["Common misconceptions"])
    for phrase in REQUIRED[stem]:
        assert any(phrase.lower() in i.split("**Where")[0].lower() for i in items), phrase


@pytest.mark.parametrize("stem,lang", PAIRS, ids=PAIR_IDS)
def test_what_to_assign_names_the_exercise_the_command_and_the_rubric(stem, lang):
    body = h2_sections(text_of(stem, lang))[SECTIONS[lang][4]]
    if stem in CHECKS:
        links = [h for h in _LINK.findall(body) if h.endswith(f"exercises/{stem}.ipynb") or h.endswith(f"exercises/zh/{stem}.ipynb")]
        assert links and all((page(stem, lang).parent / h).resolve().exists() for h in links), "no link to the exercise"
        assert f"crmlab assign --topic {stem} " in body
        mod = importlib.import_module(f"crmlab.{CHECKS[stem]}.checks")
        for q in mod.RUBRICS:  # every written question and its rubric is named
            assert f'RUBRICS["{q}"]' in body and f"Q{q[1:]}" in body
        assert f"crmlab/{CHECKS[stem]}/checks.py" in body
    else:  # the capstone: a brief, no check notebook
        assert "crmlab report" in body and any(h.endswith("08_case_report_brief.md") for h in _LINK.findall(body))


# ---------------------------------------------------------------- links, plain Markdown, no solutions
@pytest.mark.parametrize("path", all_pages(), ids=lambda p: p.relative_to(GUIDE).as_posix())
def test_every_relative_link_resolves_and_the_markdown_is_plain(path):
    text = path.read_text(encoding="utf-8")
    body = _FENCE.sub("", text)
    for href in _LINK.findall(body):
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I), f"external link {href}"
        target = href.partition("#")[0]
        if target:
            assert (path.parent / target).resolve().exists(), f"{path.name}: broken link {href}"
    no_comments = re.sub(r"<!--.*?-->|`[^`]*`", "", body, flags=re.S)
    assert not re.search(r"</?[a-zA-Z][^>]*>", no_comments), "raw HTML"
    assert "```{" not in text and not re.search(r"^:::", text, re.M), "MyST directive"


def _solution_texts() -> tuple[list[str], set]:
    """Code lines of the exercise solutions' '# Solution:' cells, and the word shingles of their strings."""
    lines, words = [], set()
    for nb_path in sorted((ROOT / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] == "code" and src.lstrip().startswith("# Solution"):
                lines += [ln.strip() for ln in src.splitlines()[1:] if len(ln.strip()) >= 20]
                for a, b in re.findall(r"\"([^\"]{30,})\"|'([^']{30,})'", src):
                    words |= shingles(a or b)
    return lines, words


@pytest.fixture(scope="module")
def answer_keys():
    """Every topic's answer key on its default exercise data (what `crmlab assign` writes for the instructor)."""
    from crmlab.checks import answer_key

    out = {}
    for stem, topic in CHECKS.items():
        mod = importlib.import_module(f"crmlab.{topic}.checks")
        out[stem] = (mod, answer_key(mod, mod.exercise_data()))
    return out


def _flat(value):
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if isinstance(value, dict):
        for v in value.values():
            yield from _flat(v)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            yield from _flat(v)
    else:
        yield value


def test_the_guide_quotes_no_solution_code():
    lines, _ = _solution_texts()
    assert len(lines) > 20  # the solutions were read
    text = "\n".join(p.read_text(encoding="utf-8") for p in all_pages())
    assert [ln for ln in lines if ln in text] == []


def test_the_guide_quotes_no_answer_key_rubric_or_model_answer(answer_keys):
    from crmlab.labels import catalogue

    en = " ".join((GUIDE / f"{s}.md").read_text(encoding="utf-8") for s in ["00_overview", *TEACHING])
    zh = "".join((GUIDE / "zh" / f"{s}.md").read_text(encoding="utf-8") for s in ["00_overview", *TEACHING])
    guide_words = shingles(en)
    forbidden = set(_solution_texts()[1])
    numbers = set()
    for mod, key in answer_keys.values():
        for rubric in mod.RUBRICS.values():
            forbidden |= shingles(rubric)
        for v in _flat(key):
            if isinstance(v, str):
                forbidden |= shingles(v)
            elif isinstance(v, float) and abs(v) >= 0.01:
                numbers |= {f"{v:.{d}f}" for d in (2, 3) if len(f"{abs(v):.{d}f}".replace(".", "").lstrip("0")) >= 3}
    models = {k: v for k, v in catalogue().items() if re.search(r"_q\d+_model", k)}
    assert models, "the written model answers were found"
    for en_text, zh_text in models.values():
        forbidden |= shingles(en_text)
        for piece in re.split(r"\{[^}]*\}", zh_text):
            assert len(piece) < 20 or piece not in zh, f"Chinese model answer quoted: {piece}"
    assert forbidden and numbers
    assert guide_words & forbidden == set()
    quoted = [x for x in numbers if re.search(rf"(?<![\d.]){re.escape(x)}(?!\d)", en + zh)]
    assert quoted == [], f"answer-key values in the guide: {quoted}"
