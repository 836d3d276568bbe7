#!/usr/bin/env bash
# Set up (scripts/setup.sh), then check the bundled example facts against the bundled agreement.toml.
# Extra arguments go to `iop-rules check` (e.g. --format json, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
set +e
.venv/bin/iop-rules check examples/history-2026-11-30.toml --as-of 2026-11-30 "$@"
code=$?
set -e
# Exit 1 means the check found unremedied breaches: a result, not a failure of the command.
[ "$code" -le 1 ] || exit "$code"
