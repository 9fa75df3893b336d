"""Lecture slides (``make slides``): one reveal.js deck per teaching notebook, English and Chinese, offline.

Authors' and instructors' tool (needs the ``test`` extra: reveal.js comes from the
copy that the ``sphinx-revealjs`` package ships; nothing from a CDN, no npm).

The slides are the notebook: which cell starts a slide, a sub-slide (a step down),
a fragment, or is skipped is the cell's ``slideshow`` metadata (Jupyter's own slide
tags, the ones JupyterLab's property inspector and RISE / ``jupyterlab-rise`` use).
:func:`tag` writes a first set by rule into the English notebooks (``crmlab slides
--tag``; a cell that already has a slide type keeps it, so an instructor's choices
survive): the title and every ``##`` heading start a slide, a ``###`` heading a
sub-slide, a chart gets a sub-slide of its own (its code hidden: the slide is about
the finding), short code with its output stays, the parameters cell and long code
are skipped. The Chinese deck follows the English notebook's tags cell by cell (the
Chinese notebook is built from it, cell for cell).

Speaker notes: the instructor guide's session plan (``guide/NN_x.md``; Chinese
``guide/zh/NN_x.md``) gives, for each row, the minutes, the part and what to do and
ask; each row goes into the notes of the slide of its notebook section, the rows
without a section onto the title slide. Press ``s`` in a deck for the speaker view.
"""

from __future__ import annotations

import html
import re
import shutil
import time
from pathlib import Path

import nbformat

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError
from crmlab.labels import t

LANGS = ("en", "zh")
TYPES = ("slide", "subslide", "fragment", "skip", "notes", "-")
SHOW_CODE_TAG = "slides-show-code"  # a chart cell with this tag shows its code on the slide too
MAX_CODE_LINES = 12  # longer code is skipped by the rule (a chart's code is hidden instead)
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _reveal_dir() -> Path:
    try:
        import sphinx_revealjs
    except ImportError as exc:  # pragma: no cover - the test extra has it
        raise CRMDataError("slides: reveal.js comes from the sphinx-revealjs package, which is not installed. "
                           "Fix: pip install -e '.[test]' (or make setup).") from exc
    return Path(sphinx_revealjs.__file__).parent / "_static" / "revealjs"


# ---------------------------------------------------------------- tags
def _has_image(cell) -> bool:
    return any("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {}) for o in cell.get("outputs", []))


def _is_widget(cell) -> bool:
    return any(WIDGET_MIME in o.get("data", {}) for o in cell.get("outputs", []))


def rule_type(cell, first: bool) -> str:
    """The slide type the rule gives a cell (module docstring)."""
    if cell.cell_type == "markdown":
        head = cell.source.lstrip()
        if first or re.match(r"^#{1,2}\s", head):
            return "slide"
        if re.match(r"^###\s", head):
            return "subslide"
        return "-"
    if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
        return "skip"
    if _has_image(cell) or _is_widget(cell):
        return "subslide"
    lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines or len(lines) > MAX_CODE_LINES or re.match(r"^\s*(from|import)\s", cell.source):
        return "skip"
    return "fragment" if cell.get("outputs") else "skip"


def tag(nb) -> int:
    """Give every cell without one the rule's ``slideshow`` type; the number of cells tagged."""
    n = 0
    for i, cell in enumerate(nb.cells):
        if "slide_type" not in cell.metadata.get("slideshow", {}):
            cell.metadata["slideshow"] = {"slide_type": rule_type(cell, first=i == 0)}
            n += 1
    return n


def slide_types(nb) -> list[str]:
    return [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]


# ---------------------------------------------------------------- speaker notes from the guide
def session_plan(guide: Path) -> list[dict]:
    """The rows of a guide page's session-plan table: minutes, part, section (int or None), what to do and ask."""
    if not guide.exists():
        return []
    rows = []
    for line in guide.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"\d+\s*[-–]\s*\d+", cells[0]):
            sec = re.match(r"\d+", cells[2])
            rows.append({"minutes": cells[0], "part": cells[1], "section": int(sec.group(0)) if sec else None,
                         "ask": cells[3]})
    return rows


def _section_of(cell) -> int | None:
    m = re.match(r"^##\s+(\d+)[.)]?\s", cell.source.lstrip()) if cell.cell_type == "markdown" else None
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- one deck
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _output_html(out, md) -> str:
    data = out.get("data", {})
    if out.get("output_type") == "stream":
        return f"<pre class='crmlab-out'>{html.escape(''.join(out.get('text', '')))}</pre>"
    if "image/png" in data:
        return f"<img class='crmlab-chart' alt='chart' src='data:image/png;base64,{data['image/png'].strip()}'>"
    if "text/markdown" in data:
        return md.render(deck_links(data["text/markdown"]))
    if "text/html" in data:  # a table pandas wrote (the kit's own committed outputs)
        return f"<div class='crmlab-table'>{data['text/html']}</div>"
    if "text/plain" in data:
        return f"<pre class='crmlab-out'>{html.escape(data['text/plain'])}</pre>"
    return ""


def deck_links(text: str) -> str:
    """Links of a notebook's Markdown as a deck needs them: another teaching notebook -> its deck, a web link or
    an anchor as it is, anything else (a file the decks do not carry) -> its text only.

    >>> deck_links("[next](02_complaints.ipynb), [data](../datasets/README.md), [web](https://x.org)")
    '[next](02_complaints.html), data, [web](https://x.org)'
    """
    from crmlab.site import rewrite_links

    def target(path):
        m = re.fullmatch(r"(?:\.\./notebooks/|\./)?(0[1-9]_[a-z0-9_]+)\.ipynb", path)
        return f"{m.group(1)}.html" if m else None

    return rewrite_links(text, target)


def _cell_html(cell, lang: str, md) -> str:
    if cell.cell_type == "markdown":
        return md.render(deck_links(cell.source))
    if _is_widget(cell):
        return f"<p class='crmlab-note'><em>{html.escape(t('slides_widget_live', lang))}</em></p>"
    show_code = not _has_image(cell) or SHOW_CODE_TAG in cell.metadata.get("tags", [])
    parts = [f"<pre class='crmlab-code'><code>{html.escape(cell.source)}</code></pre>"] if show_code else []
    parts += [_output_html(o, md) for o in cell.get("outputs", []) if o.get("output_type") != "error"]
    return "\n".join(p for p in parts if p)


def _notes_html(rows: list[dict], lang: str) -> str:
    if not rows:
        return ""
    items = "".join(f"<li><strong>{html.escape(t('slides_note_row', lang, minutes=r['minutes'], part=r['part']))}"
                    f"</strong>{html.escape(t('slides_note_sep', lang))}{html.escape(r['ask'])}</li>" for r in rows)
    return f"<aside class='notes'><ul>{items}</ul></aside>"


CSS = """
.reveal { font-size: 26px; }
.reveal h1, .reveal h2, .reveal h3 { text-transform: none; }
.reveal .slides section { text-align: left; height: 100%; overflow-y: auto; }
.reveal h1 { font-size: 1.9em; } .reveal h2 { font-size: 1.4em; } .reveal h3 { font-size: 1.15em; }
.reveal img.crmlab-chart { max-height: 78vh; max-width: 100%; margin: 0 auto; display: block; }
.reveal pre.crmlab-code, .reveal pre.crmlab-out { font-size: 0.55em; width: 100%; box-shadow: none; }
.reveal .crmlab-table table { font-size: 0.6em; }
.reveal .crmlab-lang { position: fixed; right: 1em; bottom: 0.5em; font-size: 18px; z-index: 30; }
"""


def deck(nb_path: Path, lang: str, types: list[str], rows: list[dict], other_href: str | None = None) -> str:
    """The reveal.js page of one notebook (``types``: the slide type of each cell; ``rows``: the session plan)."""
    nb = nbformat.read(str(nb_path), as_version=4)
    if len(types) != len(nb.cells):
        raise CRMDataError(f"slides: {nb_path} has {len(nb.cells)} cells but its slide tags name {len(types)}. "
                           "Fix: rebuild the Chinese notebook (crmlab translate --build-zh) so it follows the English.")
    md = _markdown()
    by_section: dict[int | None, list[dict]] = {}
    for r in rows:
        by_section.setdefault(r["section"], []).append(r)
    sections: list[list[list[str]]] = []  # slides -> sub-slides -> html parts
    for i, (cell, kind) in enumerate(zip(nb.cells, types)):
        if kind == "skip":
            continue
        if kind == "notes":
            if sections:
                sections[-1][-1].append(f"<aside class='notes'>{md.render(cell.source)}</aside>")
            continue
        body = _cell_html(cell, lang, md)
        if not sections or kind == "slide":
            sections.append([[]])
            notes = by_section.get(_section_of(cell)) if _section_of(cell) is not None else None
            if len(sections) == 1:
                notes = by_section.get(None, []) + (notes or [])
            if notes:
                sections[-1][-1].append(_notes_html(notes, lang))
        elif kind == "subslide":
            sections[-1].append([])
        if kind == "fragment":
            body = f"<div class='fragment'>{body}</div>"
        sections[-1][-1].append(body)
    slides = []
    for sub in sections:
        inner = "".join(f"<section>{''.join(parts)}</section>" for parts in sub)
        slides.append(f"<section>{inner}</section>" if len(sub) > 1 else inner)
    title = html.escape(re.sub(r"^#+\s*", "", nb.cells[0].source.splitlines()[0]) if nb.cells else nb_path.stem)
    switch = (f"<a class='crmlab-lang' href='{other_href}'>{'中文' if lang == 'en' else 'English'}</a>"
              if other_href else "")
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<link rel="stylesheet" href="../_reveal/dist/reset.css">
<link rel="stylesheet" href="../_reveal/dist/reveal.css">
<link rel="stylesheet" href="../_reveal/dist/theme/white.css">
<style>{CSS}</style>
</head>
<body>
{switch}
<div class="reveal"><div class="slides">
{''.join(slides)}
</div></div>
<script src="../_reveal/dist/reveal.js"></script>
<script src="../_reveal/plugin/notes/notes.js"></script>
<script>Reveal.initialize({{hash: true, slideNumber: "c/t", width: 1280, height: 800, margin: 0.04,
  plugins: [RevealNotes]}});</script>
</body>
</html>
"""


# ---------------------------------------------------------------- the whole set
def _root(root=None) -> Path:
    from crmlab._paths import checkout_root

    r = Path(root) if root is not None else checkout_root()
    if r is None or not (r / "notebooks").is_dir():
        raise CRMDataError("slides: the decks are built from a checkout of the kit. Fix: run `make slides` in a "
                           "clone, or pass --root.")
    return r


def teaching_notebooks(root) -> list[Path]:
    return sorted(p for p in (Path(root) / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))


def tag_notebooks(root=None) -> dict[str, int]:
    """``crmlab slides --tag``: write the rule's slide types into every English teaching notebook (cells without
    one), and copy each notebook's tags into its Chinese edition (cell for cell, outputs untouched, so JupyterLab's
    slide view of a Chinese notebook matches); the number of English cells tagged per notebook."""
    root = _root(root)
    out = {}
    for path in teaching_notebooks(root):
        nb = nbformat.read(str(path), as_version=4)
        n = tag(nb)
        if n:
            atomic_write_text(path, nbformat.writes(nb) + "\n")
        out[path.name] = n
        zh_path = root / "notebooks" / "zh" / path.name
        if zh_path.exists():
            zh = nbformat.read(str(zh_path), as_version=4)
            if len(zh.cells) == len(nb.cells) and slide_types(zh) != slide_types(nb):
                for mine, theirs in zip(zh.cells, nb.cells):
                    mine.metadata["slideshow"] = dict(theirs.metadata["slideshow"])
                atomic_write_text(zh_path, nbformat.writes(zh) + "\n")
    return out


def build(out="build/slides", root=None, langs=LANGS, progress=print) -> Path:
    """Every deck of ``langs`` into ``out/<lang>/NN_x.html`` with reveal.js copied to ``out/_reveal``; checked."""
    from crmlab.site import check_site

    root = _root(root)
    out = Path(out)
    start = time.perf_counter()
    for lang in langs:
        if lang not in LANGS:
            raise CRMDataError(f"slides: lang={lang!r} is not an edition. Fix: use en and/or zh.")
    reveal = out / "_reveal"
    if reveal.exists():
        shutil.rmtree(reveal)
    src = _reveal_dir()
    for part in ("dist/reset.css", "dist/reveal.css", "dist/reveal.js", "dist/theme/white.css",
                 "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js"):
        (reveal / part).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (src / part).is_dir() else shutil.copy)(src / part, reveal / part)
    index_rows = {lang: [] for lang in langs}
    for path in teaching_notebooks(root):
        en_nb = nbformat.read(str(path), as_version=4)
        types = slide_types(en_nb)
        if set(types) == {"-"}:
            raise CRMDataError(f"slides: {path.name} has no slide tags. Fix: crmlab slides --tag (then commit).")
        for lang in langs:
            nb_path = path if lang == "en" else root / "notebooks" / "zh" / path.name
            if not nb_path.exists():
                nb_path = path
            guide = root / "guide" / (f"zh/{path.stem}.md" if lang == "zh" else f"{path.stem}.md")
            other = next((o for o in langs if o != lang), None)
            text = deck(nb_path, lang, types, session_plan(guide),
                        other_href=f"../{other}/{path.stem}.html" if other else None)
            atomic_write_text(out / lang / f"{path.stem}.html", text)
            title = re.sub(r"^#+\s*", "", nbformat.read(str(nb_path), as_version=4).cells[0].source.splitlines()[0])
            index_rows[lang].append(f"<li><a href='{path.stem}.html'>{html.escape(title)}</a></li>")
    for lang in langs:
        atomic_write_text(out / lang / "index.html",
                          f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(t('slides_index', lang))}"
                          f"</title></head><body><h1>{html.escape(t('slides_index', lang))}</h1>"
                          f"<p>{html.escape(t('slides_index_help', lang))}</p><ul>{''.join(index_rows[lang])}</ul>"
                          "</body></html>\n")
    problems = check_site(out)
    if problems:
        raise CRMDataError("slides: the decks have problems:\n" + "\n".join(problems[:40]))
    if progress:
        progress(f"slides built in {time.perf_counter() - start:.1f} s: {out}/<lang>/index.html")
    return out
