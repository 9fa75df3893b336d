"""The course website and the lecture slides, opened from the file system in headless Chromium.

Run: ``python -m pytest -m browser -p no:xdist tests/test_browser_site.py`` (``make browser-test``).
Uses ``build/site`` and ``build/slides`` when ``make site`` / ``make slides`` built them from the current
checkout (CI does), else builds them into a temporary folder. Screenshots go to build/browser/.
Every request the pages make is recorded: anything that is not ``file:`` or ``data:`` fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "browser"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is missing: run `bash .ci/browser-setup.sh .venv` as root", allow_module_level=True)
playwright_sync = pytest.importorskip("playwright.sync_api", reason="run `bash .ci/browser-setup.sh .venv`")


def _fresh(out: Path, sources: list[Path]) -> bool:
    marker = out / "index.html"
    if not marker.exists():
        return False
    newest = max(p.stat().st_mtime for src in sources for p in src.rglob("*") if p.is_file())
    return marker.stat().st_mtime >= newest


def _sources(*names):
    return [ROOT / n for n in names if (ROOT / n).exists()]


@pytest.fixture(scope="module")
def site_out(tmp_path_factory):
    from crmlab import site

    out = ROOT / "build/site"
    if not _fresh(out, _sources("notebooks", "exercises", "guide", "site", "datasets")):
        out = site.build(tmp_path_factory.mktemp("site") / "site", root=ROOT, progress=None)
    assert site.check_site(out) == []  # no broken internal link, no missing image, nothing external
    return out


@pytest.fixture(scope="module")
def slides_out(tmp_path_factory):
    from crmlab import site, slides

    out = ROOT / "build/slides"
    if not _fresh(out / "en", _sources("notebooks", "guide")):
        out = slides.build(tmp_path_factory.mktemp("slides") / "slides", root=ROOT, progress=None)
    assert site.check_site(out) == []
    return out


@pytest.fixture(scope="module")
def page(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.requests_seen = []
    pg.errors_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    pg.on("pageerror", lambda e: pg.errors_seen.append(str(e)))
    yield pg
    pg.close()


def _offline(page):
    outside = [u for u in page.requests_seen if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert outside == [], f"the page asked the internet for {outside[:5]}"
    assert page.errors_seen == [], page.errors_seen


def _search(page, base: Path, lang: str, query: str) -> list[str]:
    page.goto((base / lang / "index.html").as_uri())
    page.keyboard.press("Control+k")  # the theme's search dialog
    box = page.locator("form.bd-search input[name='q']:visible").first
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html"))
    page.wait_for_selector("#search-results li a", timeout=30_000)
    return page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")


def test_search_finds_servqual_and_the_hit_opens(site_out, page):
    page.goto((site_out / "index.html").as_uri())
    page.wait_for_url(re.compile(r"/en/index\.html"))  # the root redirects to the English edition
    hits = _search(page, site_out, "en", "SERVQUAL")
    assert any("05_gap_servqual" in h for h in hits), hits
    page.locator("#search-results li a", has_text=re.compile("SERVQUAL|GAP", re.I)).first.click()
    page.wait_for_load_state()
    assert "SERVQUAL" in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "site_en_servqual.png"))
    _offline(page)


def test_switch_language_and_search_in_chinese(site_out, page):
    page.goto((site_out / "en/notebooks/01_satisfaction.html").as_uri())
    page.click("#crmlab-lang-switch")
    page.wait_for_url(re.compile(r"/zh/notebooks/01_satisfaction\.html"))
    assert "顾客满意" in page.inner_text("main")
    hits = _search(page, site_out, "zh", "顾客满意")
    assert any("01_satisfaction" in h for h in hits), hits
    page.locator("#search-results li a").first.click()
    page.wait_for_load_state()
    assert "顾客满意" in page.inner_text("main")
    page.screenshot(path=str(SHOTS / "site_zh_search_hit.png"))
    page.click("#crmlab-lang-switch")
    assert "/en/" in page.url
    _offline(page)


def test_every_image_on_a_notebook_page_loads(site_out, page):
    for lang in ("en", "zh"):
        page.goto((site_out / lang / "notebooks/04_burnett_matrix.html").as_uri())
        page.wait_for_load_state("load")
        broken = page.eval_on_selector_all("main img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0))"
                                                       ".map(e => e.getAttribute('src'))")
        n = page.eval_on_selector_all("main img", "els => els.length")
        assert n > 3 and broken == [], (lang, broken)
    _offline(page)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_deck_steps_through_three_slides(slides_out, page, lang):
    page.goto((slides_out / lang / "01_satisfaction.html").as_uri())
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    total = page.evaluate("Reveal.getTotalSlides()")
    assert total > 10
    seen = []
    for k in range(3):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(400)
        seen.append(page.evaluate("[Reveal.getIndices().h, Reveal.getIndices().v, Reveal.getIndices().f]"))
        page.screenshot(path=str(SHOTS / f"slides_{lang}_01_step{k + 1}.png"))
    assert len({tuple(s) for s in seen}) == 3  # three different places in the deck
    notes = page.evaluate("Array.from(document.querySelectorAll('aside.notes')).length")
    assert notes >= 1  # the session plan's speaker notes
    text = page.inner_text(".reveal .slides")
    assert ("顾客满意" in text) if lang == "zh" else ("satisfaction" in text.lower())
    _offline(page)
