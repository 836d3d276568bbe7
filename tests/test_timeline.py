"""The analytic timeline equals a brute-force daily replay, and is computed without evaluating every day."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iop_rules import Agreement, Facts, InputError, StatusChange, load_facts, timeline
from iop_rules.cli import main
from iop_rules.timeline import replay

from .conftest import EXAMPLE, day, make_facts
from .strategies import days, facts_snapshots, settings_overrides

# The package exports the function ``timeline``, which hides the module of the same name.
timeline_module = importlib.import_module("iop_rules.timeline")


def _fewer(examples: int) -> settings:
    """A slow property runs fewer examples in the fast profile; the thorough profile keeps all of its own."""
    current = settings.default.max_examples
    return settings(max_examples=current if current >= 1000 else min(current, examples))


@_fewer(20)
@given(facts_snapshots(), days(), st.integers(0, 40), settings_overrides())
def test_the_timeline_equals_the_daily_replay(facts: Facts, start: dt.date, length: int, overrides: dict[str, object]) -> None:
    from .strategies import AGREEMENT

    end = start + dt.timedelta(days=length)
    assert timeline(AGREEMENT, facts, start, end, settings=overrides) == replay(AGREEMENT, facts, start, end, settings=overrides)


def _example() -> Facts:
    return load_facts(EXAMPLE)


@pytest.mark.slow
def test_the_example_over_the_whole_term_equals_the_daily_replay(agreement: Agreement) -> None:
    facts = _example()
    start, end = day("2025-01-01"), day("2028-12-31")
    analytic = timeline(agreement, facts, start, end)
    assert analytic == replay(agreement, facts, start, end)
    assert len(analytic) > 100
    assert {c.date for c in analytic} > {start}, "statuses change during the term, not only on its first day"


@pytest.mark.slow
def test_the_example_under_other_readings_equals_the_daily_replay(agreement: Agreement) -> None:
    facts = _example()
    overrides: dict[str, object] = {"I1": "bracket_date", "I2": "no_move", "I5": "after_every_meeting", "I14": "continues_without_grant", "I13": 14}
    start, end = day("2026-09-15"), day("2027-03-15")
    assert timeline(agreement, facts, start, end, settings=overrides) == replay(agreement, facts, start, end, settings=overrides)


def contexts_built(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The days the timeline builds a context for, recorded as it builds them."""
    built: list[dt.date] = []
    original = timeline_module.build_context

    def counting(agreement: Agreement, facts: Facts, as_of: dt.date, *args: Any) -> Any:
        built.append(as_of)
        return original(agreement, facts, as_of, *args)

    monkeypatch.setattr(timeline_module, "build_context", counting)
    return built


def test_the_timeline_computes_the_clauses_on_few_days(agreement: Agreement, monkeypatch: pytest.MonkeyPatch) -> None:
    computed = contexts_built(monkeypatch)
    evaluated: list[Any] = []
    monkeypatch.setattr(timeline_module, "evaluate", lambda *a, **k: evaluated.append(a))
    timeline(agreement, _example(), day("2025-01-01"), day("2028-12-31"))
    assert not evaluated, "the timeline never runs a whole evaluation"
    assert len(set(computed)) < 1461 / 5, f"{len(set(computed))} days computed of 1461"


def test_a_grant_payment_falls_due_and_is_violated_on_the_day_after_its_deadline(agreement: Agreement) -> None:
    # 2025-01-31 is a Friday: due within the 60-day horizon from 2024-12-02, violated from 2025-02-01.
    facts = make_facts()
    changes = timeline(agreement, facts, day("2024-11-30"), day("2025-02-03"))
    mine = [c for c in changes if c.finding_id == "grant-payment/2025"]
    assert mine == [
        StatusChange("grant-payment/2025", None, "pending", day("2024-11-30")),
        StatusChange("grant-payment/2025", "pending", "due", day("2024-12-02")),
        StatusChange("grant-payment/2025", "due", "violated", day("2025-02-01")),
    ]


def test_a_payment_cures_the_breach_on_its_own_day(agreement: Agreement) -> None:
    payment = {"id": "gp-2025", "grant_year": 2025, "date": "2025-02-04", "amount": "200000.00"}
    changes = timeline(agreement, make_facts(grant_payments=[payment]), day("2025-02-03"), day("2025-02-05"))
    mine = [c for c in changes if c.finding_id == "grant-payment/2025"]
    assert mine == [
        StatusChange("grant-payment/2025", None, "violated", day("2025-02-03")),
        StatusChange("grant-payment/2025", "violated", "fulfilled_late", day("2025-02-04")),
    ]


def test_the_first_day_lists_every_finding_and_changes_are_in_date_order(agreement: Agreement) -> None:
    facts = _example()
    start = day("2026-11-01")
    changes = timeline(agreement, facts, start, day("2027-01-31"))
    from iop_rules import evaluate

    first = {c.finding_id: c.to_status for c in changes if c.date == start}
    assert first == {f.id: f.status for f in evaluate(agreement, facts, as_of=start).findings()}
    assert all(c.from_status is None for c in changes if c.date == start)
    assert [(c.date, c.finding_id) for c in changes] == sorted((c.date, c.finding_id) for c in changes)


def test_a_finding_that_disappears_ends_with_none(agreement: Agreement) -> None:
    # Under I14 "ends", without a compensation agreement the agreement's last day is 2026-12-31: on 2027-01-01
    # the note on the current year's attestations gives way to the year's closing, and the right to give
    # notice expires.
    facts = make_facts()
    changes = timeline(agreement, facts, day("2026-12-30"), day("2027-01-02"))
    assert changes == replay(agreement, facts, day("2026-12-30"), day("2027-01-02"))
    assert StatusChange("attestation/2026", "noted", None, day("2027-01-01")) in changes
    assert StatusChange("termination-right/city", "available", "expired", day("2027-01-01")) in changes
    assert not [c for c in changes if c.date == day("2026-12-31")], "nothing changes on the last day itself"


def test_one_day_and_bad_spans(agreement: Agreement) -> None:
    facts = make_facts()
    one = timeline(agreement, facts, day("2026-11-30"), day("2026-11-30"))
    assert one == replay(agreement, facts, day("2026-11-30"), day("2026-11-30"))
    assert all(c.from_status is None for c in one)
    with pytest.raises(InputError, match="before the start"):
        timeline(agreement, facts, day("2026-12-01"), day("2026-11-30"))
    with pytest.raises(InputError, match="horizon_days"):
        timeline(agreement, facts, day("2026-11-30"), day("2026-12-30"), horizon_days=-1)


def test_cli_timeline_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["timeline", str(EXAMPLE), "--from", "2025-01-30", "--to", "2025-02-05", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert data["from"] == "2025-01-30" and data["to"] == "2025-02-05"
    assert all(set(c) == {"date", "id", "from", "to"} for c in data["changes"])
    again = main(["timeline", str(EXAMPLE), "--from", "2025-01-30", "--to", "2025-02-05", "--format", "json"])
    assert again == 0 and capsys.readouterr().out == out, "byte-identical across runs"
    assert main(["timeline", str(EXAMPLE), "--from", "2025-01-30", "--to", "2025-02-05", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Status changes 2025-01-30–2025-02-05")
    assert "grant-payment/2025: – → fulfilled" in text


def test_cli_timeline_refuses_an_end_before_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["timeline", str(EXAMPLE), "--from", "2026-02-01", "--to", "2026-01-01", "--lang", "en"])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert "--to 2026-01-01 is before --from 2026-02-01" in captured.err


def test_a_one_off_breach_stops_founding_a_demand_on_the_day_after_12_months(agreement: Agreement) -> None:
    """I16: the day a one-off breach stops founding a §9 demand is no first-pass change, yet the timeline finds it."""
    facts = make_facts(
        grant_payments=[
            {"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"},
            {"id": "gp-2026", "grant_year": 2026, "date": "2026-01-20", "amount": "200000.00"},
        ],
        meetings=[{"id": "net1", "date": "2025-03-12", "body": "network", "convener": "city", "present": ["fa"]}],
        outreach_sessions=[
            {"id": "o1", "date": "2025-03-01", "city_present": True},
            {"id": "o2", "date": "2025-09-01", "city_present": True},
            {"id": "o3", "date": "2026-02-01", "city_present": True},
        ],
    )
    start, end = day("2026-03-10"), day("2026-03-15")
    changes = timeline(agreement, facts, start, end)
    assert changes == replay(agreement, facts, start, end)
    assert StatusChange("renegotiation-right/fa", "available", "expired", day("2026-03-13")) in changes
    held = timeline(agreement, facts, start, end, settings={"I16": "while_in_force"})
    assert not [c for c in held if c.finding_id == "renegotiation-right/fa" and c.date > start]
