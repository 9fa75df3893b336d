"""Every teaching notebook opened and run in JupyterLab, in a real (headless) Chromium.

Run: ``python -m pytest -m browser -p no:xdist tests/test_browser.py`` (``make browser-test``;
``.ci/browser-setup.sh`` installs Debian's chromium, fonts-noto-cjk and playwright).
JupyterLab serves a temporary copy of notebooks/ (the committed notebooks are never
modified); one screenshot per notebook goes to build/browser/. The Chinese edition's teaching
notebook 01 and its Chinese student exercise (the pilot) are run as committed (``lang = "zh"``), with checks
that every rendered Chinese character has a real CJK glyph (no tofu box) and that no plot warned of a missing glyph.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "browser"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TEACHING = [n for n in NOTEBOOKS if not n.startswith("00_")]
RUN_TIMEOUT_MS = 120_000

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is missing: run `bash .ci/browser-setup.sh .venv` as root", allow_module_level=True)
playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is missing: run `bash .ci/browser-setup.sh .venv`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a free loopback port, no token, serving a temporary copy of notebooks/."""
    root = tmp_path_factory.mktemp("lab")
    for stale in SHOTS.glob("FAILED_*.png"):
        stale.unlink()
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    # the Chinese student copies (never the solutions), where the Chinese exercise links expect them
    shutil.copytree(ROOT / "exercises" / "zh", root / "exercises" / "zh", ignore=shutil.ignore_patterns("solutions"))
    for nb_path in [*(root / "notebooks").rglob("*.ipynb"), *(root / "exercises").rglob("*.ipynb")]:
        # no stale outputs: only the browser's run counts
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
    # every cell in the DOM (no virtual scrolling), so the checks below see the whole notebook
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    apputils = root / "settings" / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    (apputils / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    # the zh run: notebook 01 with lang = "zh" in its parameters cell
    src = root / "notebooks" / "01_satisfaction.ipynb"
    if src.exists():
        text = src.read_text(encoding="utf-8")
        assert 'lang = \\"en\\"' in text, "notebook 01's parameters cell no longer has lang = \"en\""
        (root / "notebooks" / "01_satisfaction_zh.ipynb").write_text(
            text.replace('lang = \\"en\\"', 'lang = \\"zh\\"', 1), encoding="utf-8")
    port = _free_port()
    log = open(root / "jupyterlab.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--port", str(port),
         "--IdentityProvider.token=", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}",
         f"--LabApp.workspaces_dir={root / 'workspaces'}", f"--LabApp.user_settings_dir={root / 'settings'}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=root, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited ({proc.returncode}): {(root / 'jupyterlab.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start within 60 s")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


# the `browser` fixture (one Chromium for the whole suite) is in conftest.py


def _open_and_run_all(browser, lab, name, folder="notebooks"):
    """Open <folder>/<name> in JupyterLab, Run > Run All Cells, wait until every cell has run."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    page.goto(f"{lab}/lab/tree/{folder}/{name}?reset")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    # kernel connected and idle (status bar "Python 3 (ipykernel) | Idle") before running
    page.wait_for_function("() => /\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '')",
                           timeout=60_000)
    started = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]
                     .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""
    for attempt in range(3):  # a Run All sent while the kernel is still connecting can be dropped: send again
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        try:
            page.wait_for_function(started, timeout=10_000)
            break
        except playwright_sync.TimeoutError:
            page.keyboard.press("Escape")
    # every code cell has an execution count ([12]:), none queued ([*]:) or unrun ([ ]:)
    try:
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""", timeout=RUN_TIMEOUT_MS)
    except playwright_sync.TimeoutError:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED_{Path(name).stem}.png"))
        prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        status = page.evaluate("() => [...document.querySelectorAll('[data-status]')].map(e => e.dataset.status)")
        raise AssertionError(f"{name}: Run All did not finish in {RUN_TIMEOUT_MS // 1000} s; "
                             f"prompts {prompts}; kernel status {status}")
    page.wait_for_function("() => document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=busy]') === null",
                           timeout=RUN_TIMEOUT_MS)
    return page


def _assert_no_errors(page, name):
    stderr = page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    texts = [stderr.nth(i).inner_text() for i in range(stderr.count())]
    tracebacks = [t for t in texts if "Traceback" in t or re.search(r"^\w*Error\b", t, re.M)]
    assert tracebacks == [], f"{name}: error output in the browser:\n" + "\n---\n".join(tracebacks)[:3000]


def _screenshot(page, path):
    """Make the viewport as tall as the notebook (capped), scroll to the top, take the screenshot."""
    height = page.evaluate("() => [...document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell')]"
                           ".reduce((sum, c) => sum + c.getBoundingClientRect().height, 0)")
    page.set_viewport_size({"width": 1400, "height": max(1000, min(int(height) + 400, 16_000))})
    page.evaluate("() => document.querySelector('.jp-NotebookPanel .jp-Notebook .jp-Cell').scrollIntoView()")
    page.wait_for_timeout(800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


SIGNATURE_JS = """cell => {
    const outs = [...cell.querySelectorAll('.widget-output')].map(e => e.innerHTML);
    if (outs.length) return outs.join('\\n');
    return [...cell.querySelectorAll('.jp-OutputArea-output img')].map(i => i.src).join('\\n');
}"""


def _move_widget_changes_output(page, name):
    handle = page.locator(".jp-Notebook .jupyter-widgets .noUi-handle").first
    handle.wait_for(state="attached", timeout=30_000)
    cell = handle.locator("xpath=ancestor::div[contains(@class, 'jp-Cell')][1]")
    cell.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    before = cell.evaluate(SIGNATURE_JS)
    for key in ("ArrowRight", "ArrowLeft"):  # a slider already at its maximum only moves left
        handle.focus()
        for _ in range(3):
            handle.press(key)
            page.wait_for_timeout(150)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            page.wait_for_timeout(300)
            after = cell.evaluate(SIGNATURE_JS)
            if after != before and page.locator(".jp-Notebook-ExecutionIndicator[data-status=busy]").count() == 0:
                return
    raise AssertionError(f"{name}: moving the first slider did not change the widget's output")


def _committed(name):
    """(number of PNG outputs, uses a widget) of the committed notebook: what the browser must show."""
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    n_png = sum("image/png" in o.get("data", {}) for c in code for o in c.get("outputs", []))
    uses_widgets = any("widgets" in "".join(c["source"]) for c in code)
    return n_png, uses_widgets


@pytest.mark.parametrize("name", TEACHING)
def test_notebook_runs_in_jupyterlab(browser, lab, name):
    n_png, uses_widgets = _committed(name)
    page = _open_and_run_all(browser, lab, name)
    try:
        _assert_no_errors(page, name)
        n_img = page.locator(".jp-Notebook .jp-OutputArea-output img").count()
        if n_png:
            assert n_img > 0, f"{name}: no plot rendered (the committed notebook has {n_png})"
        if uses_widgets:
            _move_widget_changes_output(page, name)
        _assert_no_errors(page, name)
        _screenshot(page, SHOTS / f"{Path(name).stem}.png")
    finally:
        page.close()


def test_start_here_runs_in_jupyterlab(browser, lab):
    if "00_start_here.ipynb" not in NOTEBOOKS:
        pytest.skip("notebooks/00_start_here.ipynb is missing")
    page = _open_and_run_all(browser, lab, "00_start_here.ipynb")
    try:
        _assert_no_errors(page, "00_start_here.ipynb")
        links = page.locator(".jp-Notebook .jp-OutputArea-output a[href*='_satisfaction.ipynb']").count()
        assert links > 0, "the course map rendered no link"
        assert "Practice: correct" in page.locator(".jp-Notebook").inner_text()  # the check demo (no exercise answer)
        _screenshot(page, SHOTS / "00_start_here.png")
    finally:
        page.close()


def test_chinese_renders_in_jupyterlab(browser, lab):
    if "01_satisfaction.ipynb" not in NOTEBOOKS:
        pytest.skip("notebooks/01_satisfaction.ipynb is missing")
    page = _open_and_run_all(browser, lab, "01_satisfaction_zh.ipynb")
    try:
        _assert_no_errors(page, "01_satisfaction_zh.ipynb")
        outputs = page.locator(".jp-Notebook .jp-OutputArea").all_inner_texts()
        text = "\n".join(outputs)
        assert re.search(r"[\u4e00-\u9fff]", text), "no Chinese character in any output"
        assert "继续保持" in text or "顾客" in text
        _screenshot(page, SHOTS / "01_satisfaction_zh.png")
    finally:
        page.close()


# Does the page draw Chinese with a real CJK font? Draw characters in the font the rendered markdown uses: with
# no glyph, every character becomes the same fallback box (tofu), so two different characters give the same
# bitmap, and that bitmap equals the one of a private-use character no font has.
CJK_GLYPHS_JS = """el => {
    const font = getComputedStyle(el).fontFamily;
    const draw = ch => {
        const c = document.createElement('canvas'); c.width = 40; c.height = 40;
        const g = c.getContext('2d'); g.font = `28px ${font}`; g.fillStyle = '#000'; g.textBaseline = 'top';
        g.fillText(ch, 4, 4);
        return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
    };
    const a = draw('顾'), b = draw('客'), tofu = draw('\\uE000'), blank = draw(' ');
    return {font, distinct: a !== b, notTofu: a !== tofu && b !== tofu, inked: a !== blank,
            notoCJK: document.fonts.check('16px "Noto Sans CJK SC"')};
}"""
HAN = re.compile(r"[\u4e00-\u9fff]")
CHINESE_EDITION = [("notebooks", "zh/01_satisfaction.ipynb"), ("exercises", "zh/01_satisfaction.ipynb")]


@pytest.mark.parametrize("folder,name", CHINESE_EDITION, ids=["teaching-zh-01", "exercise-zh-01"])
def test_chinese_edition_runs_and_renders_in_jupyterlab(browser, lab, folder, name):
    if not (ROOT / folder / name).exists():
        pytest.skip(f"{folder}/{name} is missing: crmlab translate --build-zh")
    label = f"{folder}/{name}"
    page = _open_and_run_all(browser, lab, name, folder=folder)
    try:
        _assert_no_errors(page, label)
        errors = page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, f"{label}: {errors.count()} error output(s)"
        markdown = page.locator(".jp-Notebook .jp-MarkdownCell .jp-RenderedMarkdown")
        md_text = "\n".join(markdown.all_inner_texts())
        assert len(HAN.findall(md_text)) > 50, f"{label}: the rendered markdown cells show no Chinese"
        out_text = "\n".join(page.locator(".jp-Notebook .jp-OutputArea-output").all_inner_texts())
        assert HAN.search(out_text), f"{label}: no Chinese character in any output"
        stderr = page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        glyph = [t for t in stderr.all_inner_texts() if re.search(r"Glyph .* missing", t)]
        assert glyph == [] and not re.search(r"Glyph \d+ .*missing from font", out_text), f"{label}: {glyph[:2]}"
        fonts = markdown.first.evaluate(CJK_GLYPHS_JS)
        assert fonts["inked"] and fonts["distinct"] and fonts["notTofu"], f"{label}: Chinese drawn as boxes: {fonts}"
        if folder == "notebooks":
            n_png = sum("image/png" in o.get("data", {}) for c in json.loads(
                (ROOT / folder / name).read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"
                for o in c.get("outputs", []))
            assert page.locator(".jp-Notebook .jp-OutputArea-output img").count() >= min(n_png, 1)
        else:  # the Chinese checks answer an unanswered question in Chinese
            assert "尚未作答" in out_text, f"{label}: no Chinese check verdict"
        _screenshot(page, SHOTS / f"zh_{folder}_{Path(name).stem}.png")
    finally:
        page.close()
