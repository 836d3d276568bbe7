#!/usr/bin/env bash
# Run the test suite on the dependency floors: every runtime dependency at the lower bound pyproject.toml
# declares (">=X" installed as "==X"), in a separate venv (.venv-floors), so a floor that is not true fails here.
# Extra arguments go to pytest (e.g. -x, -q, a test file). Takes a few minutes more than scripts/test.sh: the
# venv is built once and reused; FLOORS_VENV names another folder, FLOORS_REBUILD=1 builds it afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${FLOORS_VENV:-.venv-floors}"
PY="${PYTHON:-python3}"
if [ "${FLOORS_REBUILD:-0}" = 1 ]; then rm -rf "$VENV"; fi
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
# The pins: each ">=X" lower bound of [project].dependencies as "==X"; an exact "==X" stays as it is.
mapfile -t PINS < <("$VENV/bin/python" - <<'PY'
import re, tomllib
for spec in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    name, _, marker = spec.partition(";")
    floor = re.search(r">=\s*([^,\s]+)", name)
    package = re.match(r"[A-Za-z0-9_.\-\[\]]+", name.strip()).group(0)
    pin = f"{package}=={floor.group(1)}" if floor else name.strip()
    print(pin + (f";{marker}" if marker else ""))
PY
)
echo "floors: ${PINS[*]}"
pip_install() {
  # pip's own status, not grep's: floors that cannot be installed together must fail here, loudly.
  "$VENV/bin/python" -m pip install --quiet "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }
  return "${PIPESTATUS[0]}"
}
pip_install --upgrade pip
# The floors first and alone, so the test tools installed next cannot lift them (pip keeps what satisfies).
pip_install "${PINS[@]}"
pip_install --force-reinstall --no-deps .
pip_install ".[test]" "${PINS[@]}"
"$VENV/bin/python" -m pip list 2>/dev/null | grep -i -E "^(pydantic|pydantic.core|holidays|python-dateutil|icalendar|durable.rules|tzdata) "
# The suite's subprocess tests call `python -m iop_rules`; put this venv first so they run on the floors too.
export PATH="$PWD/$VENV/bin:$PATH"
"$VENV/bin/python" -m pytest "$@"
