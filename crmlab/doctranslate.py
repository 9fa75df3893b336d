"""Chinese editions of the kit's Markdown documents, from one catalogue per document.

The notebooks' machinery (:mod:`crmlab.nbtranslate`) for a ``.md`` file: the
English document is the source and nobody edits its Chinese copy by hand.

=================================================  ==============================================
English source                                     Chinese edition (generated, committed)
=================================================  ==============================================
``exercises/NN_x.md`` (e.g. the capstone brief)    ``exercises/zh/NN_x.md``
``guide/NN_x.md`` (the instructor guide)           ``guide/zh/NN_x.md``
``site/<page>.md`` (pages of the course website)   ``site/zh/<page>.md`` (links as written: site-relative)
``README.md`` (the kit's front page)               ``README.zh.md``
=================================================  ==============================================

Catalogue: ``crmlab/locale/zh/docs/<folder>__<name>.po`` (``README.po`` for the README). A document is in the
Chinese edition when its catalogue exists.

A document is cut into blocks at blank lines (a fenced code block is one block,
blank lines and all); every block with Latin letters outside code is a message.
Its ``msgctxt`` is the block's place, ``<heading slug>/<k>`` (the k-th block
under the nearest heading), so an edited paragraph keeps its context and its
old Chinese is marked ``fuzzy`` (with the previous English kept for the
translator). Code blocks are copied, not translated. Headings are blocks too,
so a heading can be translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from crmlab._io import atomic_write_text
from crmlab.errors import CRMDataError
from crmlab.nbtranslate import LANG, _read_po, _relink, _root, catalogues

FOLDERS = ("exercises", "guide", "site")  # where an English document may live (one level deep)
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class DocEdition:
    """One English Markdown document and its Chinese edition (paths relative to the kit's folder)."""

    source: str  # guide/02_complaints.md
    target: str  # guide/zh/02_complaints.md
    catalogue: str  # crmlab/locale/zh/docs/guide__02_complaints.po

    def path(self, root: Path, which: str) -> Path:
        return Path(root) / getattr(self, which)


def doc_edition_of(source: str | Path, root=None) -> DocEdition:
    """The :class:`DocEdition` of an English document (``exercises/x.md``, ``guide/x.md`` or ``site/x.md``)."""
    root = _root(root)
    p = Path(source)
    if not p.is_absolute() and not (root / p).exists() and p.exists():
        p = p.resolve()
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(root.resolve())
        except ValueError:
            p = Path("outside-the-kit") / p.name
    rel = p.as_posix()
    if rel == "README.md":
        return DocEdition(rel, f"README.{LANG}.md", (catalogues(root) / "docs" / "README.po").relative_to(root).as_posix())
    m = re.fullmatch(rf"({'|'.join(FOLDERS)})/([^/]+)\.md", rel)
    if not m or m.group(2).lower() == "readme":
        raise CRMDataError(f"translate: {source!s} is not an English document of the kit "
                           f"(README.md, {', '.join(f + '/<name>.md' for f in FOLDERS)}). Fix: give one of those; "
                           "a Chinese copy (…/zh/…) is built, never translated.")
    folder, name = m.groups()
    po = (catalogues(root) / "docs" / f"{folder}__{name}.po").relative_to(root).as_posix()
    return DocEdition(rel, f"{folder}/{LANG}/{name}.md", po)


def documents(root=None) -> list[DocEdition]:
    """Every document of the Chinese edition: those whose catalogue exists (and whose English exists)."""
    root = _root(root)
    out = [doc_edition_of("README.md", root)] if (catalogues(root) / "docs" / "README.po").exists() else []
    for po in sorted((catalogues(root) / "docs").glob("*__*.po")):
        folder, _, name = po.stem.partition("__")
        src = root / folder / f"{name}.md"
        if src.exists():
            out.append(doc_edition_of(src, root))
    return out


# ---------------------------------------------------------------- blocks
def blocks(text: str) -> list[str]:
    """The document cut at blank lines; a fenced code block stays one block.

    >>> blocks("# T\\n\\nOne.\\nTwo.\\n\\n```\\na\\n\\nb\\n```\\n")
    ['# T', 'One.\\nTwo.', '```\\na\\n\\nb\\n```']
    """
    out: list[str] = []
    cur: list[str] = []
    fence = None
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
            cur.append(line)
            continue
        if fence is not None:
            cur.append(line)
            if line.strip().startswith(fence) and len(cur) > 1:
                fence = None
            continue
        if line.strip():
            cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def _is_code(block: str) -> bool:
    return bool(_FENCE.match(block))


def _translatable(block: str) -> bool:
    return not _is_code(block) and bool(re.search(r"[A-Za-z]", re.sub(r"`[^`]*`|\]\([^)]*\)", "", block)))


def _slug(heading: str) -> str:
    words = re.findall(r"[a-z0-9]+", heading.lstrip("#").lower())
    return "-".join(words[:6]) or "top"


def messages(text: str) -> list[tuple[str, str]]:
    """(context, English) of every translatable block, in order (module docstring)."""
    out, section, k = [], "top", 0
    for b in blocks(text):
        if b.startswith("#"):
            section, k = _slug(b), 0
        if _translatable(b):
            k += 1
            ctx = f"{section}/{k}"
            while ctx in {c for c, _ in out}:  # two headings with the same slug
                ctx += "+"
            out.append((ctx, b))
    return out


# ---------------------------------------------------------------- catalogue, check, build
def extract(source: str | Path, root=None) -> dict[str, int]:
    """Bring the document's catalogue up to date with its English (new, changed -> fuzzy, dropped); counts."""
    from crmlab.nbtranslate import update_catalogue

    root = _root(root)
    ed = doc_edition_of(source, root)
    msgs = messages(ed.path(root, "source").read_text(encoding="utf-8"))
    header = (f"# Chinese edition of {ed.source} (msgctxt = heading slug / block number).\n"
              f"# Update: crmlab translate --notebooks {ed.source}; build: crmlab translate --build-zh.")
    return update_catalogue(ed.path(root, "catalogue"), msgs, header)


def problems(source: str | Path, root=None) -> dict[str, list[str]]:
    """Contexts whose Chinese is missing, fuzzy or stale."""
    root = _root(root)
    ed = doc_edition_of(source, root)
    po = ed.path(root, "catalogue")
    entries = {m.context: m for m in _read_po(po) if m.id} if po.exists() else {}
    out: dict[str, list[str]] = {"missing": [], "fuzzy": [], "stale": []}
    for ctx, en in messages(ed.path(root, "source").read_text(encoding="utf-8")):
        m = entries.get(ctx)
        if m is None or not m.string:
            out["missing"].append(ctx)
        elif m.id != en:
            out["stale"].append(ctx)
        elif m.fuzzy:
            out["fuzzy"].append(ctx)
    return out


def built(source: str | Path, root=None) -> str:
    """The Chinese text of ``source``, or a CRMDataError listing untranslated blocks."""
    from crmlab import nbtranslate as N

    root = _root(root)
    ed = doc_edition_of(source, root)
    bad = {k: v for k, v in problems(ed.source, root).items() if v}
    if bad:
        raise CRMDataError(f"build-zh: {ed.source} has blocks without a usable Chinese text ({bad}). Fix: run "
                           f"`crmlab translate --notebooks {ed.source}`, translate them in {ed.catalogue} "
                           "(remove 'fuzzy'), then build again.")
    zh = {m.context: m.string for m in _read_po(ed.path(root, "catalogue")) if m.id}
    src_dir = ed.path(root, "source").parent.resolve()
    dst_dir = ed.path(root, "target").parent.resolve()
    targets = N.link_targets(root)
    targets.update({(root / d.source).resolve(): (root / d.target).resolve() for d in documents(root)})
    text = ed.path(root, "source").read_text(encoding="utf-8")
    by_block = dict(messages(text))
    order = iter(messages(text))
    out = []
    for b in blocks(text):
        relink = (lambda text: text) if ed.source.startswith("site/") else (
            lambda text: _relink(text, src_dir, dst_dir, targets))  # a site page's links are site-relative
        if _translatable(b):
            ctx, en = next(order)
            assert en == b and by_block[ctx] == b
            out.append(relink(zh[ctx]))
        else:
            out.append(relink(b))
    from crmlab.labels import t

    note = f"<!-- {t('doc_generated_note', LANG, source=ed.source, catalogue=ed.catalogue)} -->"
    return note + "\n\n" + "\n\n".join(out) + "\n"


def build(sources=None, root=None, progress=print) -> list[Path]:
    """Write the Chinese documents of ``sources`` (default: every document with a catalogue)."""
    root = _root(root)
    eds = [doc_edition_of(s, root) for s in sources] if sources else documents(root)
    texts = [built(ed.source, root) for ed in eds]
    written = []
    for ed, text in zip(eds, texts):
        target = ed.path(root, "target")
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
        written.append(target)
        if progress:
            progress(f"built {ed.target}")
    return written


def stale_builds(root=None) -> list[str]:
    """Chinese documents that differ from a fresh build."""
    root = _root(root)
    out = []
    for ed in documents(root):
        target = ed.path(root, "target")
        if not target.exists() or target.read_text(encoding="utf-8") != built(ed.source, root):
            out.append(ed.target)
    return out
