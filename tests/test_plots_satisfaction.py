"""Plots of topic 1 and the label catalogue.

Each plot draws in English and Chinese with warnings as errors (so a
"Glyph ... missing" warning fails), uses the catalogue's text for its
title, does not touch matplotlib's global rcParams, and `import crmlab`
stays free of plotting libraries.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from crmlab import datasets  # noqa: E402
from crmlab import satisfaction as s  # noqa: E402
from crmlab.labels import LANGS, catalogue, t  # noqa: E402
from crmlab.plots import satisfaction as ps  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def survey():
    return datasets.load("satisfaction_survey").head(600)


@pytest.fixture(scope="module")
def inputs(survey):
    di = s.derived_importance(survey)
    perf = survey[list(s.ATTRIBUTES)].mean()
    true = pd.Series(datasets.ground_truth("satisfaction_survey")["weights"])
    return {
        "csi": s.csi(survey, by="segment"),
        "ipa": {lang: s.ipa(perf, di["weight"], lang=lang) for lang in LANGS},
        "rep": s.repurchase_by_score(survey),
        "est": di["weight"],
        "true": true,
    }


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _draw(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def _texts(ax) -> list[str]:
    out = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    out += [lab.get_text() for lab in ax.get_xticklabels() + ax.get_yticklabels()]
    out += [txt.get_text() for txt in ax.texts]
    leg = ax.get_legend()
    if leg is not None:
        out += [txt.get_text() for txt in leg.get_texts()]
    return out


def _plot(name, inputs, lang):
    if name == "csi_bars":
        return ps.csi_bars(inputs["csi"], lang=lang)
    if name == "ipa_map":
        return ps.ipa_map(inputs["ipa"][lang], lang=lang)
    if name == "repurchase_bars":
        return ps.repurchase_bars(inputs["rep"], lang=lang)
    if name == "weights_compare":
        return ps.weights_compare(inputs["est"], inputs["true"], lang=lang)
    raise AssertionError(name)


def _expected_title(name, inputs, lang):
    return {
        "csi_bars": lambda: t("csi_title", lang, pct=95),
        "ipa_map": lambda: t("ipa_title", lang),
        "repurchase_bars": lambda: t("repurchase_title", lang, ratio=inputs["rep"].top_box_ratio),
        "weights_compare": lambda: t("weights_title", lang),
    }[name]()


PLOTS = ["csi_bars", "ipa_map", "repurchase_bars", "weights_compare"]


def test_all_public_plots_are_tested():
    assert sorted(ps.__all__) == sorted(PLOTS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PLOTS)
def test_plot_draws_without_warnings_and_uses_catalogue_text(name, lang, inputs):
    ax = _plot(name, inputs, lang)
    _draw(ax.figure)
    assert ax.get_title() == _expected_title(name, inputs, lang)
    texts = _texts(ax)
    has_cjk = any(CJK.search(x) for x in texts)
    assert has_cjk == (lang == "zh"), texts


def test_chinese_ticks_and_annotations(inputs):
    ax = ps.csi_bars(inputs["csi"], lang="zh")
    _draw(ax.figure)
    ticks = [lab.get_text() for lab in ax.get_xticklabels()]
    assert sorted(x.split("\n")[0] for x in ticks) == sorted(t(g, "zh") for g in inputs["csi"].index)
    # n under every label (review: show n)
    assert sorted(x.split("\n")[1] for x in ticks) == sorted(f"n={n}" for n in inputs["csi"]["n"])
    assert ax.get_xlabel() == t("segment", "zh") and ax.get_ylabel() == t("csi_axis", "zh")

    ax = ps.weights_compare(inputs["est"], inputs["true"], lang="zh")
    _draw(ax.figure)
    assert [lab.get_text() for lab in ax.get_xticklabels()] == [t(a, "zh") for a in s.ATTRIBUTES]
    assert sorted(x.get_text() for x in ax.get_legend().get_texts()) == sorted([t("estimated", "zh"),
                                                                                 t("true", "zh")])

    ax = ps.ipa_map(inputs["ipa"]["zh"], lang="zh")
    _draw(ax.figure)
    texts = [x.get_text() for x in ax.texts]
    for a in s.ATTRIBUTES:
        assert t(a, "zh") in texts
    for key in s.IPA_QUADRANTS.values():
        assert t(key, "zh") in texts

    ax = ps.repurchase_bars(inputs["rep"], lang="zh")
    _draw(ax.figure)
    assert ax.get_xlabel() == t("satisfaction_level", "zh")
    assert [lab.get_text().split("\n")[0] for lab in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]


def test_chinese_text_gets_the_cjk_font(inputs):
    ax = ps.csi_bars(inputs["csi"], lang="zh")
    assert "Noto Sans CJK SC" in ax.title.get_fontfamily()
    assert all("Noto Sans CJK SC" in lab.get_fontfamily() for lab in ax.get_xticklabels())


def test_plots_draw_on_a_given_axes(inputs):
    fig, axes = plt.subplots(1, 2)
    out = ps.csi_bars(inputs["csi"], ax=axes[1], lang="en")
    assert out is axes[1]
    assert axes[0].get_title() == ""


def test_repurchase_bars_heights_are_rates_in_percent(inputs):
    ax = ps.repurchase_bars(inputs["rep"], lang="en")
    heights = [p.get_height() for p in ax.patches]
    expected = (inputs["rep"].table["rate"].fillna(0) * 100).tolist()
    assert heights == pytest.approx(expected)


def test_plots_do_not_change_rcparams(inputs):
    plt.close(plt.figure())  # resolve the backend before taking the snapshot
    before = dict(matplotlib.rcParams)
    for lang in LANGS:
        for name in PLOTS:
            _draw(_plot(name, inputs, lang).figure)
    after = dict(matplotlib.rcParams)
    changed = {k for k in before if before[k] != after[k]}
    assert not changed, changed


def test_bad_lang_is_a_clear_error(inputs):
    from crmlab.errors import CRMDataError

    with pytest.raises(CRMDataError, match="lang='fr'"):
        ps.ipa_map(inputs["ipa"]["en"], lang="fr")


# ------------------------------------------------------------------ label catalogue

def test_every_label_has_english_and_chinese_text():
    cat = catalogue()
    assert len(cat) > 20
    for key, pair in cat.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        en, zh = pair
        assert isinstance(en, str) and en.strip(), key
        assert isinstance(zh, str) and zh.strip(), key
        # the same placeholders in both languages
        assert sorted(re.findall(r"\{(\w+)", en)) == sorted(re.findall(r"\{(\w+)", zh)), key


def test_every_key_used_by_the_satisfaction_code_is_in_the_catalogue():
    import crmlab

    root = Path(crmlab.__file__).parent
    keys = set()
    for rel in ["satisfaction/plots.py", "satisfaction/core.py", "satisfaction/widgets.py"]:
        path = root / rel
        if path.exists():
            keys |= set(re.findall(r"""\bt\(\s*["']([\w-]+)["']""", path.read_text(encoding="utf-8")))
    keys |= set(s.IPA_QUADRANTS.values()) | set(s.ATTRIBUTES) | {"online", "in-store", "business"}
    keys |= {"estimated", "true"}
    assert {"csi_title", "ipa_title", "repurchase_title", "weights_title"} <= keys
    missing = sorted(keys - set(catalogue()))
    assert not missing, missing
    for key in keys:
        for lang in LANGS:
            assert t(key, lang, pct=95, ratio=6.0, csi=50.0, n=3, best="a", best_csi=70.0, worst="b",
                     worst_csi=60.0, low=1.0, high=2.0, k=0, m=6, items="x", err=0.01, p5=0.4, p4=0.2,
                     weights="x").strip()


def test_chinese_labels_are_chinese():
    for key in ["csi", "ipa_title", "concentrate_here", "quality", "online"]:
        assert CJK.search(t(key, "zh")) and not CJK.search(t(key, "en"))


def test_import_crmlab_does_not_import_plotting_libraries():
    code = ("import sys, crmlab, crmlab.satisfaction; "
            "print(sorted(m for m in ('seaborn', 'matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_segment_colours_are_neutral_and_tiny_levels_have_no_whisker(inputs):
    from crmlab.plots._base import PALETTES

    red, green = "#C44E52", "#55A868"
    assert not {red, green} & set(PALETTES["segment"].values())
    survey = datasets.load("satisfaction_survey")
    rep = s.repurchase_by_score(survey)
    assert rep.table.loc[1, "n"] < 10  # the shipped survey has one respondent at level 1
    ax = ps.repurchase_bars(rep)
    _draw(ax.figure)
    texts = [x.get_text() for x in ax.texts]
    assert t("too_few_for_interval", "en") in texts
    ticks = [lab.get_text() for lab in ax.get_xticklabels()]
    assert ticks[0] == f"1\nn={rep.table.loc[1, 'n']}"
    # no error bar reaches the 0-79% whisker of n = 1: every drawn whisker belongs to a level with n >= 10
    tops = [seg[:, 1].max() for coll in ax.collections for seg in getattr(coll, "get_segments", lambda: [])()
            if len(seg)]
    assert all(top < 100 * rep.table.loc[5, "ci_high"] + 1e-6 for top in tops)
    assert max(tops) == pytest.approx(100 * rep.table.loc[5, "ci_high"])
    ax = ps.csi_bars(s.csi(survey, by="quarter"), xlabel_key="quarter", title="finding")
    assert ax.get_title() == "finding" and ax.get_xlabel() == t("quarter", "en")
