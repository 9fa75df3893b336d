#!/usr/bin/env bash
# What the browser suite (tests/test_browser.py) needs on a fresh Debian machine, run as root:
# Debian's chromium, a CJK font and a colour-emoji font (apt), and the playwright Python
# package in the kit's venv. Never `playwright install`: the suite drives /usr/bin/chromium,
# nothing is downloaded.
# Usage: bash .ci/browser-setup.sh .venv
set -euo pipefail
VENV="${1:-.venv}"
missing=()
for pkg in chromium fonts-noto-cjk fonts-noto-color-emoji; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== apt: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
"$VENV"/bin/python -m pip install --quiet playwright
