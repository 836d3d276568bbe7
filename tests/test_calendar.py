"""``iop-rules calendar``: the upcoming actions as an iCalendar file, one all-day event per deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from iop_rules import evaluate, load_agreement, load_facts
from iop_rules.cli import main

from .conftest import EXAMPLE


def _write(tmp_path: Path, *extra: str, name: str = "actions.ics") -> Path:
    target = tmp_path / name
    assert main(["calendar", str(EXAMPLE), "--ics", str(target), *extra]) == 0
    return target


def _events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_one_all_day_event_per_upcoming_action_with_a_deadline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "--as-of", "2026-11-30")
    assert capsys.readouterr().out == ""
    report = evaluate(load_agreement(), load_facts(EXAMPLE), as_of=dt.date(2026, 11, 30))
    expected = {f.id: f for f in report.upcoming if f.due is not None}
    assert expected, "the example has upcoming actions on 2026-11-30"
    events = _events(path)
    assert {str(e["uid"]) for e in events} == {f"{i}@iop-rules" for i in expected}
    for event in events:
        finding = expected[str(event["uid"]).removesuffix("@iop-rules")]
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        # All-day: a date, not a date-time, on the deadline, ending the next day.
        assert type(start) is dt.date and type(end) is dt.date
        assert start == finding.due and end == finding.due + dt.timedelta(days=1)
        assert "VALUE=DATE" in event.to_ical().decode()
        description = str(event["description"])
        assert f"Paragraf: §{finding.section}" in description
        assert "Gäller: " in description and finding.id in description
        assert finding.message.sv in description
        assert str(event["summary"]).startswith(f"§{finding.section} ")


def test_the_party_and_section_in_english(tmp_path: Path) -> None:
    path = _write(tmp_path, "--as-of", "2026-11-30", "--lang", "en")
    texts = [str(e["description"]) for e in _events(path)]
    assert any("Concerns: the Salvation Army" in t for t in texts)
    assert any("Concerns: both parties" in t for t in texts)
    assert all(t.startswith("Section: §") for t in texts)


def test_the_file_is_the_same_every_time_and_uids_follow_the_finding(tmp_path: Path) -> None:
    first = _write(tmp_path, "--as-of", "2026-11-30", name="a.ics").read_bytes()
    second = _write(tmp_path, "--as-of", "2026-11-30", name="b.ics").read_bytes()
    assert first == second
    # A day later the same actions keep their UIDs, so a calendar updates them instead of adding copies.
    later = _events(_write(tmp_path, "--as-of", "2026-12-01", name="c.ics"))
    earlier = _events(tmp_path / "a.ics")
    shared = {str(e["uid"]) for e in earlier} & {str(e["uid"]) for e in later}
    assert shared and "renegotiation/2027-2028@iop-rules" in shared


def test_rfc5545_shape(tmp_path: Path) -> None:
    raw = _write(tmp_path, "--as-of", "2026-11-30").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "lines end in CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "long lines are folded at 75 octets"
    calendar = Calendar.from_ical(raw)
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"]).startswith("-//iop-rules//")
    for event in _events(tmp_path / "actions.ics"):
        assert event.decoded("dtstamp") == dt.datetime(2026, 11, 30, tzinfo=dt.UTC)


def test_a_longer_horizon_adds_the_later_deadlines(tmp_path: Path) -> None:
    near = {str(e["uid"]) for e in _events(_write(tmp_path, "--as-of", "2025-01-10", "--horizon", "30", name="n.ics"))}
    far = {str(e["uid"]) for e in _events(_write(tmp_path, "--as-of", "2025-01-10", "--horizon", "365", name="f.ics"))}
    assert near < far
    assert "grant-payment/2025@iop-rules" in near
    assert "follow-up/2025@iop-rules" in far - near


def test_an_existing_file_is_replaced_whole_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "actions.ics"
    target.write_text("old", encoding="utf-8")
    _write(tmp_path, "--as-of", "2026-11-30")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.ics"]


def test_no_upcoming_action_gives_an_empty_calendar(tmp_path: Path) -> None:
    # Long after the agreement ended nothing is upcoming: a valid calendar without events.
    path = _write(tmp_path, "--as-of", "2031-01-01")
    assert _events(path) == []
    assert Calendar.from_ical(path.read_bytes())["version"] == "2.0"
