"""The library's JSON writer (``iop_rules._json.dumps``) writes the same bytes as the standard library's
``json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`` plus a newline: partner tools compare reports
byte for byte, and the faster writer must not change one byte of any document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_rules import Agreement, evaluate, parse_facts
from iop_rules._json import _Other, _sorted, dumps
from iop_rules.compare import compare_interpretations
from iop_rules.scenarios import load_scenario_file, merged_facts, scenario_files
from iop_rules.schemas import build
from iop_rules.timeline import timeline

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_every_report_of_every_scenario_is_written_as_the_standard_library_writes_it(agreement: Agreement) -> None:
    written = 0
    for path in scenario_files(SCENARIOS):
        loaded = load_scenario_file(path)
        for scenario in loaded.scenario:
            facts = parse_facts(merged_facts(loaded.facts, scenario.facts), source=scenario.name)
            report = evaluate(agreement, facts, as_of=scenario.as_of, settings=scenario.settings)
            data = report.model_dump(mode="json")
            assert report.to_json() == standard(data), f"{path.name}: {scenario.name}"
            _sorted(data)  # a report takes the fast writer: every value is of a kind it writes as the standard one
            written += 1
    assert written >= 40


def test_the_schemas_a_comparison_and_a_timeline_are_written_as_the_standard_library_writes_them(
    agreement: Agreement,
) -> None:
    from iop_rules import load_facts

    facts = load_facts(Path(__file__).resolve().parents[1] / "examples" / "history-2026-11-30.toml")
    for name in ("facts", "report"):
        assert dumps(build(name)) == standard(build(name))
    comparison = compare_interpretations(agreement, facts, facts.as_of, {}, None)
    assert comparison.to_json() == standard(comparison.model_dump(mode="json"))
    changes = timeline(agreement, facts, agreement.term.start, agreement.term.end)
    data = {"changes": [c.as_dict() for c in changes]}
    assert dumps(data) == standard(data)


def test_every_code_point_is_written_as_the_standard_library_writes_it() -> None:
    # Every Unicode scalar value, control characters, quotes and backslashes included, as a value and as a key.
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    data = {"text": text, text[:300]: [text[:40]], "\"\\/\u2028\u2029\x7f": "\x00\x1f\b\f\n\r\t"}
    assert dumps(data) == standard(data)


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        {"empty": {}, "list": [], "nested": [[], [{}], {"a": []}]},
        {"b": 1, "a": -(2**63), "c": 2**63 - 1, "d": None, "e": True, "f": False},
        # Beyond 64 bits, a float, a lone surrogate, an int key: the standard library's own path.
        {"big": 2**64, "small": -(2**63) - 1},
        {"float": 1.5e16, "nan": 0.1},
        {"surrogate": "\ud800"},
        {"tuple": (1, "two")},
    ],
)
def test_edge_values_are_written_as_the_standard_library_writes_them(data: Any) -> None:
    assert dumps(data) == standard(data)


def test_a_value_the_fast_writer_might_write_differently_takes_the_standard_path() -> None:
    for data in ({"float": 0.5}, {"big": 2**63}, {1: "int key"}, {"set": {1}}, {"bool key": {True: 1}}):
        with pytest.raises(_Other):
            _sorted(data)


def test_a_document_the_standard_library_refuses_is_refused_alike() -> None:
    with pytest.raises(TypeError):
        dumps({"set": {1}})
    with pytest.raises(TypeError):
        standard({"set": {1}})


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@given(JSON)
def test_drawn_documents_are_written_as_the_standard_library_writes_them(data: Any) -> None:
    assert dumps(data) == standard(data)
