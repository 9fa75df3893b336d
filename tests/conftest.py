import os

# Kernels started by tests inherit the environment: keep MPLBACKEND unset so
# notebooks use the inline backend (PNG outputs) as they do for a student.
os.environ.pop("MPLBACKEND", None)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole browser suite (tests/test_browser*.py): Playwright's sync API runs
    one event loop at a time, so the modules share it."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: run `bash .ci/browser-setup.sh .venv` as root")
    sync_api = pytest.importorskip("playwright.sync_api", reason="run `bash .ci/browser-setup.sh .venv`")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()
