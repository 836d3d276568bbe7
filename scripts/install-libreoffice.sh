#!/usr/bin/env bash
# Install LibreOffice Calc (headless) from the system's packages, for the test that re-saves the example workbook
# with it (tests/test_workbook.py). CI runs this before the tests; on a developer's machine run it once (as root),
# or set IOP_RULES_SKIP_LIBREOFFICE=1 to skip that one test locally (CI never skips it).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "${IOP_RULES_SKIP_LIBREOFFICE:-}" = "1" ] && [ -z "${CI:-}" ]; then
  echo "install-libreoffice: IOP_RULES_SKIP_LIBREOFFICE=1, not installed; the re-save test will be skipped" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-libreoffice: no apt-get here; install LibreOffice Calc so that 'soffice' is on PATH" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The -nogui package is the smaller one; older releases only have libreoffice-calc.
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui \
  || $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc
command -v soffice >/dev/null 2>&1 || { echo "install-libreoffice: soffice still not found" >&2; exit 1; }
