"""The course website's own Sphinx extension: a language switch on every page (English <-> 中文), and a
Chinese search that finds a phrase such as 顾客满意.

Sphinx's Chinese index splits text into words with jieba (顾客, 满意, 满意度 ...), but its search page
looks a query up as one word, and Sphinx 9's Chinese ``language_data.js`` names a ``ChineseStemmer`` it
never defines (the page stops with a ReferenceError). Here the query is cut into the index's own words
(longest match first) and the stemmer is the English one that the index used for Latin words.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

ZH_SPLIT = r"""
var splitQuery = function (query) {
  var out = [];
  var terms = (typeof Search !== "undefined" && Search._index) ? Search._index.terms : {};
  query.split(/[\s\u3000-\u303f\uff00-\uffef!-\/:-@\[-`{-~]+/).filter(Boolean).forEach(function (part) {
    var runs = part.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) || [];
    runs.forEach(function (run) {
      if (!/[\u3400-\u9fff]/.test(run)) { out.push(run); return; }
      var i = 0;
      while (i < run.length) {
        var n = Math.min(8, run.length - i);
        while (n > 1 && !Object.prototype.hasOwnProperty.call(terms, run.substr(i, n))) { n--; }
        if (n > 1 || Object.prototype.hasOwnProperty.call(terms, run.substr(i, 1))) { out.push(run.substr(i, n)); }
        i += n;
      }
    });
  });
  return out;
};
"""


def _lang() -> str:
    return os.environ.get("CRMLAB_SITE_LANG", "en")


def _switch(app, pagename, templatename, context, doctree):
    other, text = ("zh", "中文") if _lang() == "en" else ("en", "English")
    depth = pagename.count("/")
    href = posixpath.join(*([".."] * (depth + 1)), other, pagename + ".html")
    link = (f'<p class="crmlab-lang-switch"><a id="crmlab-lang-switch" href="{href}" '
            f'hreflang="{other}">{text}</a></p>')
    if "body" in context:
        context["body"] = link + context["body"]


def _init(app):
    if _lang() == "zh":
        app.add_js_file(None, body=ZH_SPLIT)


def _fix_stemmer(app, exception):
    if exception is not None or _lang() != "zh":
        return
    path = Path(app.outdir) / "_static" / "language_data.js"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("window.Stemmer = ChineseStemmer;", "window.Stemmer = EnglishStemmer;"),
                        encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _init)
    app.connect("html-page-context", _switch)
    app.connect("build-finished", _fix_stemmer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
