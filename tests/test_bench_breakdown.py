"""``bench/breakdown.py`` still measures the evaluation as it is: every part of ``evaluate`` it names is found and
run, and its experiment leaves out what it says and nothing is left changed after it. Times are printed, never
checked: the test suite times nothing."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from iop_rules import evaluate, load_agreement, load_facts
from iop_rules.context import Candidate

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def breakdown() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_breakdown", ROOT / "bench" / "breakdown.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_part_is_measured_and_printed(breakdown: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert breakdown.main(["--rounds", "2"]) == 0
    out = capsys.readouterr().out
    figure = r"\s+-?\d+\.\d{3} ms"
    for part in (
        "one evaluation",
        "context",
        r"clauses \(first pass\)",
        "organisation",
        "engine",
        "of which durable-rules' C core",
        "the engine's Python work",
        "findings",
        "messages chosen and written",
        "the rest of the findings",
        r"§9 review pass \(and its engine batch\)",
        "report",
        "the rest",
        "as it is",
        "without messages",
        "… and no Python in the engine",
    ):
        assert re.search(rf"^\s*{part}{figure}", out, re.MULTILINE), f"no figure for {part!r} in:\n{out}"


def test_the_experiment_leaves_out_the_messages_and_only_while_it_runs(breakdown: ModuleType) -> None:
    agreement = load_agreement()
    facts = load_facts(ROOT / "examples" / "history-2026-11-30.toml")
    before = evaluate(agreement, facts, as_of=AS_OF)
    original = Candidate.finding
    with breakdown.without_messages():
        bare = evaluate(agreement, facts, as_of=AS_OF)
    assert Candidate.finding is original
    after = evaluate(agreement, facts, as_of=AS_OF)
    assert after == before
    assert {f.message.id for f in bare.obligations} == {"blank"}
    assert {f.quote for f in bare.obligations} == {""}
    # Everything but what is written for a person is the evaluation's own.
    assert [(f.id, f.status, f.due, f.amount) for f in bare.obligations] == [
        (f.id, f.status, f.due, f.amount) for f in before.obligations
    ]
