"""The layout keeps its direction: each layer imports only layers below it, and no module imports itself back.

Bottom to top: models, engine, evaluation, clauses, evaluate, analyses, presentation, cli (see
docs/architecture.md). The imports are read from the source (every ``import`` and ``from … import``, also those
inside functions), so an import hidden in a function body counts as much as one at the top.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "iop_rules"

LAYERS = ("models", "engine", "evaluation", "clauses", "evaluate", "analyses", "presentation", "cli")
"""The layers, bottom to top."""

LAYER_OF = {
    "iop_rules._types": "models",
    "iop_rules._io": "models",
    "iop_rules._json": "models",
    "iop_rules.catalogue": "models",
    "iop_rules._workbook": "models",
    "iop_rules._workbook_words": "models",
    "iop_rules._docstrings": "models",
    "iop_rules._cached": "models",
    "iop_rules._holidays_se": "evaluation",
    "iop_rules.agreement": "models",
    "iop_rules.facts": "models",
    "iop_rules.report": "models",
    "iop_rules.engine": "engine",
    "iop_rules.dates": "evaluation",
    "iop_rules.cadence": "evaluation",
    "iop_rules.context": "evaluation",
    "iop_rules.indexes": "evaluation",
    "iop_rules.clause": "evaluation",
    "iop_rules.messages": "evaluation",
    "iop_rules.repayment": "evaluation",
    "iop_rules.evaluate": "evaluate",
    "iop_rules.timeline": "analyses",
    "iop_rules._tracking": "analyses",
    "iop_rules.explain": "analyses",
    "iop_rules.compare": "analyses",
    "iop_rules.coverage": "analyses",
    "iop_rules.scenarios": "analyses",
    "iop_rules.schemas": "analyses",
    "iop_rules.schemas.__main__": "cli",
    "iop_rules": "analyses",
    "iop_rules.__main__": "cli",
}
"""Modules outside the packages that name their layer (clauses/, presentation/, cli/)."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    for package in ("clauses", "presentation", "cli"):
        if module == f"iop_rules.{package}" or module.startswith(f"iop_rules.{package}."):
            return package
    if module not in LAYER_OF:
        raise AssertionError(f"{module} has no layer: add it to LAYER_OF in tests/test_layers.py")
    return LAYER_OF[module]


def _imports(path: Path, module: str) -> set[str]:
    """The project modules ``module`` imports, resolved to module names (``from . import x`` to its submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("iop_rules"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("iop_rules"):
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {name for name in found if name in MODULES and name != module}


MODULES = {_module_name(p): p for p in SRC.rglob("*.py")}
GRAPH = {name: _imports(path, name) for name, path in MODULES.items()}


def upward(graph: dict[str, set[str]], module: str) -> list[str]:
    """The modules ``module`` imports from a layer above its own."""
    rank = LAYERS.index(_layer(module))
    return sorted(t for t in graph[module] if LAYERS.index(_layer(t)) > rank)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (its modules in order, the first repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_or_those_below(module: str) -> None:
    assert not upward(GRAPH, module), f"{module} ({_layer(module)}) imports upward: {upward(GRAPH, module)}"


def test_the_import_graph_has_no_cycle() -> None:
    assert find_cycle(GRAPH) is None, "import cycle: " + " -> ".join(find_cycle(GRAPH) or [])


def test_the_checks_see_an_upward_import_and_a_cycle() -> None:
    # The two checks above could pass by seeing nothing; on a graph with the old faults they must not.
    broken = {name: set(targets) for name, targets in GRAPH.items()}
    broken["iop_rules.report"].add("iop_rules.presentation.text_report")
    assert upward(broken, "iop_rules.report") == ["iop_rules.presentation.text_report"]
    broken["iop_rules.context"].add("iop_rules.repayment")  # the old circle: repayment → evaluate → … → repayment
    broken["iop_rules.repayment"].add("iop_rules.context")
    assert find_cycle(broken) is not None


def test_the_reader_resolves_relative_and_function_level_imports() -> None:
    assert "iop_rules.context" in GRAPH["iop_rules.repayment"]
    assert "iop_rules.presentation.text_report" in GRAPH["iop_rules.cli.check"]
    assert "iop_rules.cli.check" in GRAPH["iop_rules.cli"]


def test_importing_the_library_loads_neither_presentation_nor_the_command_line() -> None:
    code = (
        "import sys, iop_rules\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('iop_rules.presentation', 'iop_rules.cli')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_check_as_json_loads_only_what_it_runs() -> None:
    # The command's start is most of its time (docs/performance.md): a renderer, a library or a module of another
    # command imported at the top of a command module would be paid by every `check`.
    example = Path(__file__).resolve().parents[1] / "examples" / "history-2026-11-30.toml"
    code = (
        "import contextlib, io, sys\n"
        "from iop_rules.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(example)!r}, '--as-of', '2026-11-30', '--format', 'json'])\n"
        "print(','.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loaded = set(result.stdout.strip().split(","))
    assert "iop_rules.evaluate" in loaded  # it did run the check
    unused = {
        "holidays", "icalendar", "jinja2", "babel", "openpyxl", "tomli_w",
        "iop_rules.presentation.order", "iop_rules.presentation.text_report", "iop_rules.presentation.repayment_text",
        "iop_rules.presentation.html", "iop_rules.presentation.calendar", "iop_rules.presentation.workbook",
        "iop_rules.presentation.csv_export", "iop_rules.compare", "iop_rules.explain", "iop_rules.timeline",
    }
    assert sorted(unused & loaded) == []
