"""Everything a report and its explanations say, compared word for word with a recorded copy.

The scenario files state, in sentences, the statuses a lawyer checks; they do not read every message, every
reasoning step, every piece of evidence or every amount. This test does: for every scenario of
``tests/scenarios`` and for the bundled example on the days listed below, it evaluates once, explains every
finding (``explain_all``) and compares the whole (the report's JSON and each finding's steps, status reason and
settings, in Swedish and English) with ``tests/golden/<name>.json.gz``.

A change to what the library says, deliberate or not, makes it fail with the difference shown. When the change is
deliberate, read the difference, then record the new wording with::

    IOP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and commit the files with the change. (Compressed, because the copies repeat themselves: about 150 evaluations.)
"""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from iop_rules import Agreement, load_facts, parse_facts
from iop_rules.explain import explain_all
from iop_rules.scenarios import ScenarioFile, load_scenario_file, merged_facts, scenario_files

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "scenarios"
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"
UPDATE = os.environ.get("IOP_UPDATE_GOLDEN") == "1"

EXAMPLE_DAYS = (
    # The first and last days of the term, the mid-term evaluation's year, the §4 cutoff's neighbourhood, each
    # quarter's first day, and the example's own day.
    *(dt.date(year, month, 1) for year in range(2025, 2029) for month in (1, 4, 7, 10)),
    dt.date(2026, 11, 30),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2028, 12, 31),
    dt.date(2029, 1, 1),
    dt.date(2029, 6, 30),
)


def _record(agreement: Agreement, facts: Any, as_of: dt.date, **options: Any) -> dict[str, Any]:
    explanations = explain_all(agreement, facts, as_of=as_of, **options)
    report: dict[str, Any] = {}
    if explanations:
        report["agreement"] = explanations[0].agreement.model_dump(mode="json")
    report["findings"] = {e.finding.id: _compact(e.model_dump(mode="json")) for e in explanations}
    return report


def _compact(explanation: dict[str, Any]) -> dict[str, Any]:
    # What the clauses decide, not what the agreement file says about itself: the day and horizon are the
    # evaluation's, a setting's question and a section's title come from agreement.toml; a message's values are
    # in its text already. Leaving them out keeps the recorded copies a tenth of the size.
    finding = dict(explanation["finding"])
    finding["message"] = _words(finding["message"])
    return {
        "finding": finding,
        "period_start": explanation["period_start"],
        "steps": [_words(step) for step in explanation["steps"]],
        "status_reason": _words(explanation["status_reason"]),
        "settings": {s["id"]: s["value"] for s in explanation["settings"]},
    }


def _words(text: dict[str, Any]) -> str:
    return f"{text['id']} | {text['sv']} | {text['en']}"


def _scenario_records(agreement: Agreement, path: Path) -> dict[str, Any]:
    loaded: ScenarioFile = load_scenario_file(path)
    out: dict[str, Any] = {}
    for scenario in loaded.scenario:
        facts = parse_facts(merged_facts(loaded.facts, scenario.facts), source=scenario.name)
        out[scenario.name] = _record(
            agreement, facts, scenario.as_of, settings=scenario.settings, horizon_days=scenario.horizon_days
        )
    return out


def _example_records(agreement: Agreement) -> dict[str, Any]:
    facts = load_facts(EXAMPLE)
    return {day.isoformat(): _record(agreement, facts, day) for day in EXAMPLE_DAYS}


def _text(records: Any) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _stored(records: dict[str, Any]) -> dict[str, Any]:
    # A finding that reads the same in many evaluations is stored once, under a digest of its words.
    table: dict[str, Any] = {}
    evaluations: dict[str, Any] = {}
    for key, record in records.items():
        refs: dict[str, str] = {}
        for finding_id, finding in record["findings"].items():
            digest = hashlib.sha256(_text(finding).encode()).hexdigest()[:16]
            table[digest] = finding
            refs[finding_id] = digest
        evaluations[key] = {**record, "findings": refs}
    return {"findings": table, "evaluations": evaluations}


def _unstored(stored: dict[str, Any]) -> dict[str, Any]:
    table = stored["findings"]
    return {
        key: {**record, "findings": {i: table[d] for i, d in record["findings"].items()}}
        for key, record in stored["evaluations"].items()
    }


def _compare(name: str, records: dict[str, Any]) -> None:
    path = GOLDEN / f"{name}.json.gz"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        # mtime=0: the same words give the same bytes, so an unchanged copy is no change to commit.
        path.write_bytes(gzip.compress(_text(_stored(records)).encode(), mtime=0))
        return
    assert path.exists(), f"{path} is missing: record it with IOP_UPDATE_GOLDEN=1 (see this module's docstring)"
    expected = _unstored(json.loads(gzip.decompress(path.read_bytes())))
    assert sorted(records) == sorted(expected), "the evaluations recorded differ (a scenario added or renamed?)"
    for key in sorted(records):
        if records[key] != expected[key]:
            diff = difflib.unified_diff(
                _text(expected[key]).splitlines(), _text(records[key]).splitlines(), "recorded", "now", lineterm="", n=2
            )
            shown = "\n".join(list(diff)[:80])
            pytest.fail(f"{name}: {key}: the report or its explanations changed:\n{shown}")


@pytest.mark.parametrize("path", scenario_files(SCENARIOS), ids=lambda p: p.stem)
def test_every_scenario_says_what_was_recorded(path: Path, agreement: Agreement) -> None:
    _compare(path.stem, _scenario_records(agreement, path))


def test_the_example_says_what_was_recorded_on_each_listed_day(agreement: Agreement) -> None:
    _compare("example", _example_records(agreement))


def test_a_changed_word_is_caught(agreement: Agreement) -> None:
    records = _example_records(agreement)
    first_day = min(records)
    finding = next(iter(sorted(records[first_day]["findings"])))
    changed = json.loads(json.dumps(records))
    changed[first_day]["findings"][finding]["finding"]["message"] += " (ändrad)"
    assert changed != records
    if not UPDATE:
        with pytest.raises(pytest.fail.Exception, match="changed"):
            _compare("example", changed)
