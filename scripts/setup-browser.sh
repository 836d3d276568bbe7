#!/usr/bin/env bash
# Install the browser the HTML report's tests drive: Debian's chromium package, at /usr/bin/chromium.
# Playwright is only told where it is (it never downloads a browser of its own). Needs root on a machine
# without it; does nothing when it is already there. IOP_RULES_NO_BROWSER=1 skips it (locally only: the
# tests then skip with that reason, except under CI, where they fail).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "${IOP_RULES_NO_BROWSER:-}" = "1" ] && [ -z "${CI:-}" ]; then
  echo "setup-browser: IOP_RULES_NO_BROWSER=1, chromium not installed; the browser tests will be skipped" >&2
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "setup-browser: /usr/bin/chromium is missing; install Debian's chromium package as root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x /usr/bin/chromium ] || { echo "setup-browser: chromium did not install" >&2; exit 1; }
echo "setup-browser: $(/usr/bin/chromium --version 2>/dev/null | tail -1)"
