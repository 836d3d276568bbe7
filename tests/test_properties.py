"""Properties every evaluation keeps, whatever the facts: checked on generated snapshots (tests/strategies.py).

The fast profile runs by default; ``pytest --thorough`` runs 1,000 examples of each.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from iop_rules import Facts, Report, evaluate, parse_facts

from .strategies import AGREEMENT, days, facts_data, facts_snapshots, fulfilments, settings_overrides, with_record

BREACH = ("violated", "fulfilled_late")
STILL_VIOLATED = ("violated", "fulfilled", "fulfilled_late", "discharged")
"""What a violated duty may become the next day: still violated, cured (late), or discharged by the end."""


def _permuted(data: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    out = dict(data)
    for name, value in data.items():
        if not isinstance(value, list):
            continue
        records = []
        for record in value:
            record = dict(record)
            for nested in ("repayments", "claims", "present", "adopted_by"):
                if isinstance(record.get(nested), list):
                    record[nested] = draw(st.permutations(record[nested]))
            records.append(record)
        out[name] = draw(st.permutations(records))
    return out


@given(facts_data(), days(), settings_overrides(), st.data())
def test_the_order_of_the_facts_never_matters(data: dict[str, Any], as_of: dt.date, settings: dict[str, object], draw: st.DataObject) -> None:
    permuted = _permuted(data, draw.draw)
    first = evaluate(AGREEMENT, parse_facts(data), as_of=as_of, settings=settings).to_json()
    second = evaluate(AGREEMENT, parse_facts(permuted), as_of=as_of, settings=settings).to_json()
    assert first == second


@given(facts_snapshots(), facts_snapshots(), days(), settings_overrides())
def test_evaluation_is_deterministic(facts: Facts, other: Facts, as_of: dt.date, settings: dict[str, object]) -> None:
    first = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings).to_json().encode()
    # Another evaluation in between must leave nothing behind that changes the next one.
    evaluate(AGREEMENT, other, as_of=as_of + dt.timedelta(days=1))
    second = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings).to_json().encode()
    assert first == second


def _known_on(data: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """The facts known at the end of ``as_of``, filtered here independently of ``Facts.visible``."""

    def known(day: object) -> bool:
        return day is not None and dt.date.fromisoformat(str(day)) <= as_of

    out: dict[str, Any] = {"as_of": data.get("as_of")}
    for name, records in data.items():
        if not isinstance(records, list):
            continue
        kept = []
        for record in records:
            if not known(record["date"]):
                continue
            record = dict(record)
            for field in ("signed_by_city", "signed_by_fa", "concluded"):
                if field in record and not known(record[field]):
                    del record[field]
            for field in ("care_shown", "disproportionate"):
                if field in record and not known(record[field]["date"]):
                    del record[field]
            for field in ("repayments", "claims"):
                if field in record:
                    record[field] = [r for r in record[field] if known(r["date"])]
            kept.append(record)
        out[name] = kept
    return out


@given(facts_data(), days(), settings_overrides())
def test_facts_after_the_evaluation_day_are_invisible(data: dict[str, Any], as_of: dt.date, settings: dict[str, object]) -> None:
    with_later = evaluate(AGREEMENT, parse_facts(data), as_of=as_of, settings=settings)
    without = evaluate(AGREEMENT, parse_facts(_known_on(data, as_of)), as_of=as_of, settings=settings)
    assert with_later.to_json() == without.to_json()


@given(facts_snapshots(), days(), settings_overrides())
def test_no_breach_exists_before_its_due_date(facts: Facts, as_of: dt.date, settings: dict[str, object]) -> None:
    # A deadline "senast D" is met on D, so a duty is violated from D + 1 at the earliest; a breach that is an
    # event (a plan adopted without city, a fee charged) happens on its own day, which is its due date.
    report = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings)
    for breach in report.breaches:
        assert breach.status in BREACH
    for finding in report.findings():
        if finding.status in BREACH and finding.due is not None:
            assert finding.due <= as_of, f"{finding.id} is {finding.status} on {as_of}, before its due date {finding.due}"
        if finding.status == "fulfilled_late":
            assert finding.due is not None and finding.due < as_of, f"{finding.id} fulfilled late on {as_of}, due {finding.due}"


@given(facts_snapshots(), days(), settings_overrides())
def test_a_violated_duty_stays_violated_until_fulfilled_or_discharged(facts: Facts, as_of: dt.date, settings: dict[str, object]) -> None:
    today = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings)
    tomorrow = evaluate(AGREEMENT, facts, as_of=as_of + dt.timedelta(days=1), settings=settings)
    for duty in today.obligations:
        if duty.status != "violated":
            continue
        after = tomorrow.finding(duty.id)
        assert after is not None, f"{duty.id} violated on {as_of} and gone the next day"
        assert after.status in STILL_VIOLATED, f"{duty.id}: violated on {as_of}, {after.status} the next day"


def _breach_ids(report: Report) -> set[str]:
    return {f.id for f in report.breaches}


@given(facts_snapshots(), days(), settings_overrides(), st.data())
def test_adding_a_fulfilment_never_adds_a_breach(facts: Facts, as_of: dt.date, settings: dict[str, object], draw: st.DataObject) -> None:
    collection, record = draw.draw(fulfilments(facts, settings))
    before = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings)
    after = evaluate(AGREEMENT, with_record(facts, collection, record), as_of=as_of, settings=settings)
    added = _breach_ids(after) - _breach_ids(before)
    assert not added, f"adding {collection} {record} added breaches {sorted(added)}"


@given(facts_snapshots(), days(), settings_overrides())
def test_facts_and_reports_survive_a_json_round_trip(facts: Facts, as_of: dt.date, settings: dict[str, object]) -> None:
    assert Facts.model_validate_json(facts.model_dump_json()) == facts
    report = evaluate(AGREEMENT, facts, as_of=as_of, settings=settings)
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.to_json() == report.to_json()
