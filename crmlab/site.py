"""The course website (``make site``): Sphinx + myst-nb + sphinx-book-theme, English and Chinese, offline.

Authors' and instructors' tool (needs the ``test`` extra: Sphinx, myst-nb,
sphinx-book-theme, jieba for the Chinese search index).

How it is built
---------------
:func:`stage` copies one edition into a Sphinx source folder with the kit's own
layout (``notebooks/``, ``exercises/``, ``datasets/README.md``, ``guide/``), so
the relative links written in the notebooks keep working: the English edition
from ``notebooks/*.ipynb``, the Chinese from ``notebooks/zh/*.ipynb`` under the
same names, so a page's other-language twin is at the same path. Nothing is
executed: the pages show the committed outputs that nbval replays. Staged copies
are changed in three ways only: a widget's output becomes a note that it needs a
live kernel; a link to something the site does not carry (the solutions, the
contributors' files) keeps its text and loses its target; and the student
copies of the exercises are the ones ``crmlab assign`` hands out (never a
solution). :func:`build` runs Sphinx once per language (both at once) and
:func:`check_site` refuses a page that loads anything from the internet, links
to a page that does not exist or shows an image that is not there.

Why Sphinx and not Jupyter Book 2: ``jupyter-book`` 2.x is mystmd, which
downloads its theme template at build time and fails without a network; the
Jupyter Book 1 stack (Sphinx, myst-nb, sphinx-book-theme) builds from pip
packages alone.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError
from crmlab.labels import t

LANGS = ("en", "zh")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")
_NB = re.compile(r"\d\d_[a-z_]+\.ipynb")


def _root(root=None) -> Path:
    from crmlab._paths import checkout_root

    r = Path(root) if root is not None else checkout_root()
    if r is None or not (r / "site" / "conf.py").exists():
        raise CRMDataError("site: the website is built from a checkout of the kit (the folder with site/conf.py). "
                           "Fix: run `make site` in a clone, or pass --root.")
    return r


# ---------------------------------------------------------------- what goes on the site
def pages(root, lang: str, instructor: bool = True) -> dict[str, Path]:
    """Staged path -> source file of every page of one edition (a missing Chinese copy: the English one).

    ``instructor=False`` leaves out the instructor's guide (its model answers): a site for students."""
    root = Path(root)
    zh = lang == "zh"

    def pick(en: Path, zh_path: Path) -> Path:
        return zh_path if zh and zh_path.exists() else en

    out: dict[str, Path] = {}
    for nb in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        out[f"notebooks/{nb.name}"] = pick(nb, root / "notebooks/zh" / nb.name)
    for nb in sorted((root / "exercises").glob("[0-9][0-9]_*.ipynb")):
        out[f"exercises/{nb.name}"] = pick(nb, root / "exercises/zh" / nb.name)
    for md in sorted((root / "exercises").glob("[0-9][0-9]_*.md")):
        out[f"exercises/{md.name}"] = pick(md, root / "exercises/zh" / md.name)
    out["datasets/README.md"] = pick(root / "datasets/README.md", root / "datasets/README.zh.md")
    for md in sorted((root / "guide").glob("[0-9][0-9]_*.md")) if instructor else ():
        out[f"guide/{md.name}"] = pick(md, root / "guide/zh" / md.name)
    return out


def _link_map(root: Path, staged: dict[str, Path], dst: Path) -> dict[Path, Path]:
    """Source file (resolved) -> staged file, for both editions' copies of a page."""
    m: dict[Path, Path] = {}
    for rel, src in staged.items():
        target = (dst / rel).resolve()
        m[src.resolve()] = target
        en = (root / rel).resolve()
        m.setdefault(en, target)
        for zh in (root / Path(rel).parent / "zh" / Path(rel).name, root / "datasets/README.zh.md"):
            if rel == "datasets/README.md" or zh.name == Path(rel).name:
                m.setdefault(zh.resolve(), target)
    return m


def rewrite_links(text: str, target) -> str:
    """Every relative Markdown link or image of ``text`` through ``target(path)``: the new path, or None to keep
    the link's text only (an image: its alt text in italics). Web links, anchors and absolute paths stay; the
    ``#fragment`` is kept. Shared by the site (:func:`relink`) and the decks (:func:`crmlab.slides.deck_links`)."""

    def fix(m):
        bang, label, href = m.groups()
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", href, re.I):
            return m.group(0)
        path, _, frag = href.partition("#")
        new = target(path)
        if new is None:
            return label if not bang else f"*{label}*"
        return f"{bang}[{label}]({new}{'#' + frag if frag else ''})"

    return _LINK.sub(fix, text)


def relink(text: str, src_dir: Path, dst_dir: Path, targets: dict[Path, Path], as_html: bool = False) -> str:
    """Relative links of Markdown written in ``src_dir`` re-pointed to the staged copies from ``dst_dir``;
    a link to a file the site does not carry keeps its text only (web links and anchors are kept).
    ``as_html``: the link goes to the built page (``.html``), for Markdown that Sphinx does not resolve
    (a notebook's output).

    >>> relink("[a](x.ipynb) and [b](../CONTRIBUTING.md)", Path("/k/notebooks"), Path("/s/notebooks"),
    ...        {Path("/k/notebooks/x.ipynb"): Path("/s/notebooks/x.ipynb")})
    '[a](x.ipynb) and b'
    """

    def target(path):
        staged = targets.get(Path(os.path.normpath(src_dir / path)))
        if staged is None:
            return None
        new = os.path.relpath(staged, dst_dir).replace(os.sep, "/")
        return new[: -len(staged.suffix)] + ".html" if as_html and staged.suffix in (".ipynb", ".md") else new

    return rewrite_links(text, target)


def _widget_note(lang: str) -> dict:
    return nbformat.v4.new_output("display_data", data={"text/markdown": t("site_widget_note", lang)})


def stage_notebook(src: Path, dst: Path, targets: dict[Path, Path], lang: str) -> None:
    nb = nbformat.read(str(src), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = relink(cell.source, src.parent.resolve(), dst.parent.resolve(), targets)
        elif cell.cell_type == "code":
            if any(WIDGET_MIME in o.get("data", {}) for o in cell.outputs):
                cell.outputs = [_widget_note(lang)]
            for o in cell.outputs:
                if "text/markdown" in o.get("data", {}):
                    o["data"]["text/markdown"] = relink(o["data"]["text/markdown"], src.parent.resolve(),
                                                        dst.parent.resolve(), targets, as_html=True)
    nb.metadata.pop("widgets", None)  # no widget state: nothing for a widget manager to fetch
    dst.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(dst, nbformat.writes(nb) + "\n")


def glossary(root, lang: str) -> str:
    """The glossary page: every notebook's 'English | 中文' table merged, one row per term."""
    rows: dict[str, str] = {}
    for nb_path in sorted((Path(root) / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(str(nb_path), as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            lines = cell.source.splitlines()
            for i, line in enumerate(lines):
                if re.match(r"^\|\s*English\s*\|\s*中文\s*\|", line):
                    for row in lines[i + 2:]:
                        cols = [c.strip() for c in row.strip().strip("|").split("|")]
                        if not row.lstrip().startswith("|") or len(cols) < 2:
                            break
                        rows.setdefault(cols[0], cols[1])
    items = sorted(rows.items(), key=lambda kv: kv[0].lower()) if lang == "en" else sorted(rows.items(), key=lambda kv: kv[1])
    head = f"| {t('site_gl_en', lang)} | {t('site_gl_zh', lang)} |" if lang == "en" else \
        f"| {t('site_gl_zh', lang)} | {t('site_gl_en', lang)} |"
    body = [f"| {en} | {zh} |" if lang == "en" else f"| {zh} | {en} |" for en, zh in items]
    return "\n".join([f"# {t('site_glossary', lang)}", "", t("site_glossary_intro", lang, n=len(items)), "",
                      head, "|---|---|", *body, ""])


def cases_page(lang: str) -> str:
    """The case companies of the capstone: each one's narrative, in ``lang``."""
    from crmlab import cases

    parts = [f"# {t('site_cases', lang)}", "", t("site_cases_intro", lang), ""]
    for key, case in cases.CASES.items():
        parts += [f"## {case.text('name', lang)}", "", f"*{case.text('industry', lang)}*", "",
                  case.text("narrative", lang), "", t("site_case_command", lang, case=key), ""]
    return "\n".join(parts)


def _toctree(caption: str, entries: list[str]) -> str:
    return "\n".join(["```{toctree}", f":caption: {caption}", ":maxdepth: 1", "", *entries, "```", ""])


def index_page(root, lang: str, staged: dict[str, Path]) -> str:
    src = Path(root) / ("site/zh/index.md" if lang == "zh" and (Path(root) / "site/zh/index.md").exists()
                        else "site/index.md")
    text = src.read_text(encoding="utf-8")
    text = re.sub(r"^<!--.*?-->\s*", "", text, flags=re.S)
    names = sorted(staged)
    nbs = [n[:-6] for n in names if n.startswith("notebooks/")]
    exs = [n.rsplit(".", 1)[0] for n in names if n.startswith("exercises/")]
    guide = [n[:-3] for n in names if n.startswith("guide/")]
    trees = [_toctree(t("site_toc_notebooks", lang), nbs), _toctree(t("site_toc_exercises", lang), exs),
             _toctree(t("site_toc_reference", lang), ["datasets/README", "cases", "glossary"])]
    if guide:
        trees.append(_toctree(t("site_toc_instructor", lang), guide))
    return text.rstrip() + "\n\n" + "\n".join(trees)


def stage(root, lang: str, dst: Path, instructor: bool = True) -> dict[str, Path]:
    """Write one edition's Sphinx source folder ``dst``; the staged pages (``instructor``: with the guide)."""
    root = Path(root)
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    shutil.copy(root / "site/conf.py", dst / "conf.py")
    shutil.copytree(root / "site/_ext", dst / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    staged = pages(root, lang, instructor)
    targets = _link_map(root, staged, dst)
    for rel, src in staged.items():
        out = dst / rel
        if src.suffix == ".ipynb":
            stage_notebook(src, out, targets, lang)
        else:
            text = re.sub(r"^<!--.*?-->\s*", "", src.read_text(encoding="utf-8"), flags=re.S)
            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(out, relink(text, src.parent.resolve(), out.parent.resolve(), targets))
    atomic_write_text(dst / "glossary.md", glossary(root, lang))
    atomic_write_text(dst / "cases.md", cases_page(lang))
    atomic_write_text(dst / "index.md", index_page(root, lang, staged))
    return staged


# ---------------------------------------------------------------- build and check
def _redirect() -> str:
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>crmlab</title>"
            "<meta http-equiv=\"refresh\" content=\"0; url=en/index.html\"></head><body>"
            "<p><a href=\"en/index.html\">English</a> · <a href=\"zh/index.html\">中文</a></p></body></html>\n")


def build(out="build/site", root=None, langs=LANGS, progress=print, instructor: bool = True) -> Path:
    """Build the website of ``langs`` into ``out`` (``out/en``, ``out/zh``, ``out/index.html``); checked.

    ``instructor=False`` (``crmlab site --students``): without the instructor's guide, to give students."""
    root = _root(root)
    out = Path(out)
    if not out.is_absolute():
        out = Path.cwd() / out
    for lang in langs:
        if lang not in LANGS:
            raise CRMDataError(f"site: lang={lang!r} is not an edition. Fix: use en and/or zh.")
    start = time.perf_counter()
    tmp = tempfile.TemporaryDirectory(prefix="crmlab-site-")  # the staged sources: nothing outside `out` stays
    src_root = Path(tmp.name)
    procs = []
    for lang in langs:
        stage(root, lang, src_root / lang, instructor)
        html_dir = src_root / f"{lang}-build" / "html"  # myst-nb writes next to the output folder: one each
        if html_dir.parent.exists():
            shutil.rmtree(html_dir.parent)
        env = dict(os.environ, CRMLAB_SITE_LANG=lang, PYTHONHASHSEED="0")
        log = open(src_root / f"sphinx-{lang}.log", "w", encoding="utf-8")
        procs.append((lang, log, subprocess.Popen(
            [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(src_root / lang), str(html_dir)],
            env=env, stdout=log, stderr=subprocess.STDOUT)))
    failed = []
    for lang, log, p in procs:
        p.wait()
        log.close()
        if p.returncode:
            failed.append(lang)
    if failed:
        tail = "\n".join((src_root / f"sphinx-{lang}.log").read_text(encoding="utf-8")[-2000:] for lang in failed)
        tmp.cleanup()
        raise CRMDataError(f"site: Sphinx failed for {failed}:\n{tail}\nFix: the page named in the log above.")
    for lang in langs:
        if (out / lang).exists():
            shutil.rmtree(out / lang)
        shutil.copytree(src_root / f"{lang}-build" / "html", out / lang, ignore=shutil.ignore_patterns(".doctrees"))
    tmp.cleanup()
    atomic_write_text(out / "index.html", _redirect())
    problems = check_site(out)
    if problems:
        raise CRMDataError("site: the built pages have problems:\n" + "\n".join(problems[:40]) +
                           "\nFix: the link, image or script named above.")
    if progress:
        progress(f"site built in {time.perf_counter() - start:.1f} s: {out / 'index.html'}")
    return out


_REF = re.compile(r"<(a|link|script|img|iframe|source)\b[^>]*?\b(href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)


def check_site(out) -> list[str]:
    """Every page's problems: a script, style, font or image from the internet, an internal link or image
    that leads nowhere."""
    from crmlab.export import external_references

    out = Path(out)
    problems = []
    for page in sorted(p for p in out.rglob("*.html") if "_static" not in p.relative_to(out).parts):
        text = page.read_text(encoding="utf-8", errors="replace")
        rel = page.relative_to(out).as_posix()
        for ref in external_references(text):
            problems.append(f"{rel}: loads from the internet: {ref}")
        for tag, _, href in _REF.findall(text):
            href = html.unescape(href)
            if re.match(r"^(https?:)?//", href):
                if tag.lower() != "a":
                    problems.append(f"{rel}: <{tag}> from the internet: {href}")
                continue
            if not href or re.match(r"^(#|[a-z][a-z0-9+.-]*:)", href, re.I):
                continue
            path = href.split("#", 1)[0].split("?", 1)[0]
            if path and not (page.parent / path).exists():
                problems.append(f"{rel}: <{tag}> leads nowhere: {href}")
        for css in re.findall(r"url\(\s*['\"]?(https?:)?//", text):
            problems.append(f"{rel}: CSS url() from the internet")
    for css in sorted(out.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        if re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://", text):
            problems.append(f"{css.relative_to(out).as_posix()}: CSS loads from the internet")
    return problems


def search_index(out, lang: str) -> dict:
    """The search index Sphinx wrote for one edition (``searchindex.js``), as a dict."""
    text = (Path(out) / lang / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])
