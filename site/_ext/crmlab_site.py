"""A language switch on every page of the course website (English <-> 中文)."""

from __future__ import annotations

import os
import posixpath


def _switch(app, pagename, templatename, context, doctree):
    lang = os.environ.get("CRMLAB_SITE_LANG", "en")
    other, text = ("zh", "中文") if lang == "en" else ("en", "English")
    depth = pagename.count("/")
    href = posixpath.join(*([".."] * (depth + 1)), other, pagename + ".html")
    link = (f'<p class="crmlab-lang-switch"><a id="crmlab-lang-switch" href="{href}" '
            f'hreflang="{other}">{text}</a></p>')
    if "body" in context:
        context["body"] = link + context["body"]


def setup(app):
    app.connect("html-page-context", _switch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
