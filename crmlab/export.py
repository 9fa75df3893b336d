"""The kit's one HTML exporter: an executed notebook as a page that opens offline.

Used by ``crmlab run`` (teaching notebooks, code shown: :func:`crmlab.runner.to_html`)
and ``crmlab report`` (case reports, code hidden: :func:`crmlab.report.export_html`).

nbconvert's HTML loads require.js, MathJax, jQuery, Mermaid and the widget
manager from CDNs when the page is opened (TOOLCHAIN_NOTES); a page for a
classroom without internet, or a reader who must not be tracked, cannot
depend on them. :func:`to_html` leaves those URLs empty, removes what the
template still fetches from the web (:func:`offline_html`) and refuses to
write a page in which a web reference is left (:func:`external_references`).
Without MathJax, formulas in Markdown cells show as their TeX source
(``$\\bar{x}$``), which stays readable. Text from the notebook's outputs and
its name are HTML-escaped by nbconvert; values from a user's data that go
into Markdown are escaped before (:func:`crmlab.report.md`).
"""

from __future__ import annotations

import re
from pathlib import Path

HIDE_TAG = "report-hide"  # cells with this tag (a note to the notebook's user) stay out of a report

# every URL trait of nbconvert's HTMLExporter that makes the page fetch a script: all left empty
_NO_CDN = {"mathjax_url": "", "require_js_url": "", "jquery_url": "", "widget_renderer_url": "",
           "jupyter_widgets_base_url": "", "mermaid_js_url": "", "mermaid_layout_elk_js_url": ""}

_EXTERNAL = [
    re.compile(r"<script\b[^>]*\bsrc\s*=\s*['\"]?(?:https?:)?//[^>]*>\s*</script>", re.I | re.S),
    re.compile(r"<script\b[^>]*\bsrc\s*=\s*(?:''|\"\")[^>]*>\s*</script>", re.I | re.S),  # an emptied CDN URL
    re.compile(r"<script\b[^>]*>(?:(?!</script>).)*?(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/(?:(?!</script>).)*?</script>",
               re.I | re.S),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*['\"]?(?:https?:)?//[^>]*>", re.I | re.S),
    re.compile(r"@import\s+url\(\s*['\"]?(?:https?:)?//[^)]*\)\s*;?", re.I),
    re.compile(r"@font-face\s*{[^}]*(?:https?:)?//[^}]*}", re.I | re.S),
    re.compile(r"/\*(?:(?!\*/).)*?https?://(?:(?!\*/).)*?\*/", re.S),  # CSS comments citing web pages
]
_CHECK = re.compile(r"<script\b[^>]*\bsrc\s*=\s*['\"]?https?:|<link\b[^>]*\bhref\s*=\s*['\"]?https?:|"
                    r"url\(\s*['\"]?https?:|from\s+['\"]https?:|import\(\s*['\"]https?:", re.I)


def external_references(html: str) -> list[str]:
    """Every script/link/font/import reference to http(s) left in an HTML page.

    >>> external_references('<script src="https://cdn.x.org/a.js"></script><a href="https://x.org">x</a>')
    ['<script src="https:']
    """
    return [m.group(0) for m in _CHECK.finditer(html)]


def offline_html(html: str) -> str:
    """``html`` without the scripts, stylesheets and fonts it would fetch from the internet.

    Links a reader may click (``<a href>``) stay; only what loads by itself goes.
    """
    for pat in _EXTERNAL:
        html = pat.sub("", html)
    return html


def to_html(notebook_path: str | Path, html_path: str | Path, *, hide_code: bool = False,
            drop_tags: tuple[str, ...] = ()) -> Path:
    """Export an executed notebook to an HTML page that opens offline; written atomically.

    Parameters
    ----------
    notebook_path : path
        The executed ``.ipynb``.
    html_path : path
        Where the page goes (through :func:`crmlab._io.atomic_path`: never half written,
        the usual file mode).
    hide_code : bool, default False
        Leave out code cells' input and the ``In [ ]``/``Out [ ]`` prompts (a report for a
        reader); outputs and Markdown stay.
    drop_tags : tuple of str
        Cells carrying any of these tags are left out (a report passes :data:`HIDE_TAG`).

    A web reference left in the page (a template that fetches something new)
    raises :class:`crmlab.CRMDataError` and writes nothing.
    """
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from crmlab._io import atomic_write_text
    from crmlab.errors import CRMDataError

    exporter = HTMLExporter(template_name="lab", exclude_input=hide_code, exclude_input_prompt=hide_code,
                            exclude_output_prompt=hide_code, **_NO_CDN)
    if drop_tags:
        exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(drop_tags), enabled=True),
                                       enabled=True)
    nb = nbformat.read(str(notebook_path), as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": Path(notebook_path).stem}})
    body = offline_html(body)
    left = external_references(body)
    if left:
        raise CRMDataError(f"HTML export of {str(notebook_path)!r}: a web reference is left in the page "
                           f"({left[0][:80]}). Fix: add its URL trait to crmlab.export._NO_CDN or a pattern "
                           "to crmlab.export._EXTERNAL.")
    return atomic_write_text(html_path, body)
