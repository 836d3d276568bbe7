#!/usr/bin/env bash
# Mutation testing with mutmut 3 over the rules (src/iop_rules/clauses/, dates.py, cadence.py, context.py,
# engine.py), against the fast test subset named in pyproject.toml [tool.mutmut]. Not part of scripts/test.sh:
# a whole run takes an hour or more on two cores.
#
#   bash scripts/mutation.sh                        # every mutant (results are kept in mutants/ and reused)
#   bash scripts/mutation.sh 'iop_rules.dates*'     # only the mutants whose names match (a module, a function)
#   MUTATION_CHILDREN=1 bash scripts/mutation.sh    # fewer parallel workers (default 2)
#   MUTATION_NICE=0 bash scripts/mutation.sh        # not yielding to other work (default nice 19)
#
# Afterwards: `.venv-mutation/bin/mutmut results` lists the survivors, `.venv-mutation/bin/mutmut show NAME`
# shows one as a diff. Record the score and every survivor with its reason in docs/testing.md.
#
# mutmut runs the tests inside mutants/, on a mutated copy of src/, so it needs the package NOT installed in its
# environment (scripts/setup.sh installs it non-editable in .venv): it gets its own .venv-mutation with the
# package's dependencies only.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-mutation
if [ ! -x "$VENV/bin/mutmut" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet "mutmut>=3.8,<4" ".[test]"
  "$VENV/bin/python" -m pip uninstall --quiet --yes iop-rules
fi
if "$VENV/bin/python" -c "import iop_rules" 2>/dev/null; then
  echo "mutation: iop_rules is installed in $VENV; the tests would not see the mutants" >&2
  exit 1
fi
# The fork server reads its preload list (relative to mutants/) before mutmut copies anything there.
mkdir -p mutants/scripts
cp scripts/mutation-preload.txt mutants/scripts/
# mutmut refreshes its copy of src/ only for Python files: the package's data (the message catalogues) is copied here.
if [ -d mutants/src ]; then
  (cd src && find . -type f ! -name '*.py' ! -name '*.pyc' ! -path '*/__pycache__/*' -exec cp --parents {} ../mutants/src/ \;)
fi
# A test that starts a Python subprocess finds the mutated package too.
export PYTHONPATH="$PWD/mutants/src"
nice -n "${MUTATION_NICE:-19}" "$VENV/bin/mutmut" run --max-children "${MUTATION_CHILDREN:-2}" "$@"
"$VENV/bin/mutmut" export-cicd-stats >/dev/null 2>&1 || true
[ -f mutants/mutmut-cicd-stats.json ] && cat mutants/mutmut-cicd-stats.json && echo
