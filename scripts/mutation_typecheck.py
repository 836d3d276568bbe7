"""mypy --strict over mutmut's mutated copy of the package, reduced to the errors a mutation caused.

The project's test command runs ``mypy --strict src``: a mutant that fails it (a value of the wrong type passed to a
message, a missing argument) would fail the project's checks, so mutmut may count it as caught without running a
test. mutmut's own reading of mypy's output expects errors only inside mutants, but the mutated copy also has errors
of its own making (its trampolines, unused ``type: ignore`` comments, attributes defined in each copy of a method).
This keeps an error only when it lies inside a mutant's function and the unmutated copy of the same function
(``…__mutmut_orig``) does not have the same error, and prints those in mypy's JSON lines for mutmut to read.

Run by mutmut from ``mutants/`` (``type_check_command`` in pyproject.toml); the last argument, ``mypy``, only tells
mutmut which output format to expect.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

DEF = re.compile(r"\s*(?:async\s+)?def\s+(\w+)")
MUTANT = re.compile(r"^(.*)__mutmut_(\d+|orig)$")


def enclosing_functions(path: Path) -> list[str | None]:
    """For each line of a file (index 0 is line 1), the name of the top-level or method ``def`` it lies in."""
    names: list[str | None] = []
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        found = DEF.match(line)
        if found:
            current = found.group(1)
        elif line and not line[0].isspace() and not line.startswith(("#", ")", "]", "}")):
            current = None
        names.append(current)
    return names


def main() -> int:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-warn-unused-ignores", "--output", "json", "src/iop_rules"],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [json.loads(line) for line in done.stdout.splitlines() if line.strip().startswith("{")]
    functions: dict[str, list[str | None]] = {}
    by_function: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for error in errors:
        # "Cannot determine type" comes from how mutmut copies a function, not from the mutation.
        if error.get("severity") != "error" or error.get("code") == "has-type":
            continue
        file = str(error["file"])
        if file not in functions:
            functions[file] = enclosing_functions(Path(file))
        lines = functions[file]
        line = int(error["line"])
        name = lines[line - 1] if 0 < line <= len(lines) else None
        if name is None or not MUTANT.match(name):
            continue
        by_function[(file, name)].append(error)
    kept: list[dict[str, object]] = []
    for (file, name), found in sorted(by_function.items()):
        match = MUTANT.match(name)
        assert match is not None
        if match.group(2) == "orig":
            continue
        original = {(e["code"], e["message"]) for e in by_function.get((file, f"{match.group(1)}__mutmut_orig"), [])}
        kept.extend(e for e in found if (e["code"], e["message"]) not in original)
    for error in kept:
        print(json.dumps(error))
    if not kept:
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
