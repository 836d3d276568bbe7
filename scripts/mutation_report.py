"""The mutation score and every surviving mutant, from mutmut's results in ``mutants/``, written as Markdown.

    .venv-mutation/bin/python scripts/mutation_report.py > docs/mutation-results.md

Each survivor is shown as the line it changed, with its reason from ``docs/mutation-reasons.toml`` (keyed by the
mutant's name or a pattern of names, fnmatch-style); a survivor without a reason is listed as "no reason recorded"
and the script exits 1, so that none is left unexplained (and also while mutants are left unchecked).

Score: the mutants caught (killed by a test, stopped by the time limit, crashing the test process, or failing
``mypy --strict``) over all mutants made, per module group and in all; and the same over the mutants checked so far,
while a run is incomplete.
"""

from __future__ import annotations

import ast
import difflib
import fnmatch
import json
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path.cwd()  # the repository whose mutants/ to read: run from its root
MUTANTS = ROOT / "mutants"
REASONS = ROOT / "docs" / "mutation-reasons.toml"

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}
STATUS.update({37: "type check", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", -9: "timeout"})
# A test process that aborts (SIGABRT: durable-rules' C core given a fact or handle it cannot take) or faults has
# failed as surely as a failing assertion; mutmut files these under "suspicious" and "segfault".
STATUS.update({-6: "crashed", -11: "crashed"})
CAUGHT = {"killed", "timeout", "type check", "crashed"}


def group_of(name: str) -> str:
    """The module group a mutant belongs to, as the issue names them."""
    module = name.split(".x")[0].removeprefix("iop_rules.")
    return "clauses/" if module.startswith("clauses.") else f"{module}.py"


def function_sources(path: Path) -> dict[str, str]:
    """Every function of a mutated file (the original copies and the mutants), by name."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    out: dict[str, str] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name:
            # The body without the def line (whose name differs between the copies).
            out[node.name] = "\n".join(lines[node.lineno : node.end_lineno or node.lineno])
    return out


def changed_line(sources: dict[str, str], mutant: str) -> str:
    """The line a mutant changed, as ``- before`` / ``+ after``."""
    function = mutant.rsplit(".", 1)[1]
    original = sources.get(function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "")
    mutated = sources.get(function, "")
    lines = [
        line
        for line in difflib.unified_diff(original.splitlines(), mutated.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return " / ".join(f"`{line[0]} {line[1:].strip()}`" for line in lines) or "(no textual change found)"


def main() -> int:
    results: dict[str, str] = {}
    sources: dict[str, dict[str, str]] = {}
    for meta in sorted(MUTANTS.glob("src/**/*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            results[name] = "not checked" if code is None else STATUS.get(code, "suspicious")
        source = meta.with_suffix("")
        sources[str(source)] = function_sources(source)
    if not results:
        print("no mutmut results in mutants/: run scripts/mutation.sh first", file=sys.stderr)
        return 2
    reasons: dict[str, str] = tomllib.loads(REASONS.read_text(encoding="utf-8")) if REASONS.exists() else {}

    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in results.items():
        by_group[group_of(name)][status] += 1
    print(
        "| modules | mutants | killed | type check | timeout | crashed | survived | no tests | not checked "
        "| score | score over checked |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for group in sorted(by_group):
        counts = by_group[group]
        total.update(counts)
        print(_row(group, counts))
    print(_row("**all**", total))
    print()

    unexplained = 0
    print("| mutant | change | reason |")
    print("|---|---|---|")
    for name in sorted(n for n, s in results.items() if s not in CAUGHT and s != "not checked"):
        path = next(p for p in sources if Path(p).with_suffix("").as_posix().endswith(_module_path(name)))
        reason = next((text for pattern, text in reasons.items() if fnmatch.fnmatchcase(name, pattern)), None)
        if reason is None:
            unexplained += 1
            reason = "**no reason recorded**"
        status = results[name]
        label = name.removeprefix("iop_rules.") + ("" if status == "survived" else f" ({status})")
        print(f"| `{label}` | {changed_line(sources[path], name)} | {reason} |")
    if total["not checked"]:
        print(f"\n{total['not checked']} mutants not checked yet: the run is incomplete.")
    return 1 if unexplained or total["not checked"] else 0


def _module_path(name: str) -> str:
    return name.split(".x")[0].replace(".", "/")


def _row(label: str, counts: Counter[str]) -> str:
    all_made = sum(counts.values())
    checked = all_made - counts["not checked"]
    caught = sum(counts[s] for s in CAUGHT)
    score = f"{100 * caught / all_made:.1f} %" if all_made else "–"
    over_checked = f"{100 * caught / checked:.1f} %" if checked else "–"
    columns = ("killed", "type check", "timeout", "crashed", "survived", "no tests", "not checked")
    return f"| {label} | {all_made} | " + " | ".join(str(counts[c]) for c in columns) + f" | {score} | {over_checked} |"


if __name__ == "__main__":
    sys.exit(main())
