#!/usr/bin/env bash
# Set up .venv with iop-rules installed as a normal (non-editable) package, plus the test tools.
# Needs Python 3.11 or 3.12, gcc and the Python headers (durable-rules compiles a C extension).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidate in python3 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] <= (3, 12)))' 2>/dev/null; then
      PY="$candidate"; break
    fi
  done
fi
[ -n "$PY" ] || { echo "setup: Python 3.11 or 3.12 is needed" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# Nothing to do when nothing changed: the stamp is a hash of everything the installed package is built from
# (pyproject.toml, src/, agreement.toml, README.md) and of the interpreter. Any change re-installs, because the
# tests run the installed, non-editable package.
STAMP=.venv/.iop-rules-installed
stamp() {
  { .venv/bin/python -c 'import sys; print(sys.version)'
    find src -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum pyproject.toml agreement.toml README.md
  } | sha256sum | cut -d' ' -f1
}
CURRENT="$(stamp)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$CURRENT" ] && [ -x .venv/bin/iop-rules ] && [ -x .venv/bin/pytest ]; then
  exit 0
fi
rm -f "$STAMP"
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
# Non-editable on purpose: the tests then prove that an installed package finds the bundled agreement.toml.
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps . 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install --quiet ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import iop_rules, durable.engine" || { echo "setup: installation failed" >&2; exit 1; }
echo "$CURRENT" > "$STAMP"
