#!/usr/bin/env bash
# Set up (scripts/setup.sh; the system's Chromium for the HTML report's browser tests, scripts/setup-browser.sh;
# the system's LibreOffice for the workbook's re-save test, scripts/install-libreoffice.sh), then run every check:
# ruff, mypy --strict and the whole pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-browser.sh
bash scripts/install-libreoffice.sh
echo "== ruff"
.venv/bin/ruff check src tests bench scripts
echo "== mypy --strict"
.venv/bin/mypy --strict src
echo "== pytest"
.venv/bin/python -m pytest "$@"
