"""Sphinx configuration of the course website (``make site``; built by :mod:`crmlab.site`).

The builder stages each edition (English, Chinese) into its own source folder with the
committed, nbval-checked notebooks and runs Sphinx once per language; this file is
shared by both (the language comes from ``CRMLAB_SITE_LANG``). Nothing is executed and
nothing is loaded from the internet: no MathJax (formulas show as TeX source, as in the
kit's HTML copies), no widget JavaScript (a widget shows a note), sphinx-book-theme's
fonts and icons are its own static files.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

LANG = os.environ.get("CRMLAB_SITE_LANG", "en")

project = "crmlab"
author = "crmlab authors"
copyright = "crmlab authors"
language = "zh_CN" if LANG == "zh" else "en"
extensions = ["myst_nb", "crmlab_site"]
myst_enable_extensions = []  # no dollarmath: a math node would make Sphinx load MathJax from a CDN
nb_execution_mode = "off"  # the committed outputs are the site's outputs
nb_ipywidgets_js = {}  # no widget manager from a CDN
nb_output_stderr = "remove"
nb_merge_streams = True
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_theme = "sphinx_book_theme"
html_title = "crmlab: 客户关系管理数据分析" if LANG == "zh" else "crmlab: CRM analytics"
html_theme_options = {
    "show_navbar_depth": 1,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": True,
}
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_search_language = "zh" if LANG == "zh" else "en"
html_show_search_summary = False  # a summary is fetched from the page, which a browser refuses from file://
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type", "misc.highlighting_failure"]
