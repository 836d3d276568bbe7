"""``iop-rules calendar``: the upcoming actions as an iCalendar file, one all-day event per deadline."""

from __future__ import annotations

import datetime as dt
import re
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


def test_one_all_day_event_per_duty_still_to_do_with_two_reminders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "--as-of", "2026-11-30")
    assert capsys.readouterr().out == ""
    report = evaluate(load_agreement(), load_facts(EXAMPLE), as_of=dt.date(2026, 11, 30))
    expected = {
        f.id: f for f in report.obligations if f.due is not None and f.status in ("pending", "due", "needs_assessment")
    }
    # Every duty not yet fulfilled nor past, not only the upcoming ones: the 2028 duties too.
    assert len(expected) == 21 and "follow-up/2028" in expected
    assert not any(f.status == "fulfilled" for f in expected.values())
    events = _events(path)
    assert [str(e["uid"]) for e in events] == sorted(
        (f"{i}@iop-rules" for i in expected), key=lambda u: (expected[u.removesuffix("@iop-rules")].due, u)
    )
    for event in events:
        finding = expected[str(event["uid"]).removesuffix("@iop-rules")]
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        # All-day: a date, not a date-time, on the deadline, ending the next day.
        assert type(start) is dt.date and type(end) is dt.date
        assert start == finding.due and end == finding.due + dt.timedelta(days=1)
        assert "VALUE=DATE" in event.to_ical().decode()
        description = str(event["description"])
        assert f"Paragraf: §{finding.section} " in description
        assert "Part: " in description and finding.id in description
        assert "Att göra: " in description and f"Avtalet: ”{finding.quote}”" in description
        summary = str(event["summary"])
        assert summary.startswith("§")
        for text in (summary, description):
            assert not re.search(r"\d+ dagar? kvar|\d+ days? left", text), text
        alarms = [c for c in event.walk() if c.name == "VALARM"]
        assert [a.decoded("trigger") for a in alarms] == [dt.timedelta(days=-14), dt.timedelta(days=-3)]
        assert all(str(a["action"]) == "DISPLAY" and summary in str(a["description"]) for a in alarms)


def test_the_cutoff_has_its_own_title(tmp_path: Path) -> None:
    events = {str(e["uid"]): e for e in _events(_write(tmp_path, "--as-of", "2026-11-30"))}
    cutoff = events["renegotiation/2027-2028@iop-rules"]
    assert cutoff.decoded("dtstart") == dt.date(2026, 12, 31)
    assert str(cutoff["summary"]) == "§4 sista dag för överenskommelse om bidraget; annars upphör överenskommelsen"
    assert "upphör överenskommelsen utan uppsägning" in str(cutoff["description"])


def test_reminders_as_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = _events(_write(tmp_path, "--as-of", "2026-11-30", "--remind", "7", name="one.ics"))
    assert all([a.decoded("trigger") for a in e.walk() if a.name == "VALARM"] == [dt.timedelta(days=-7)] for e in one)
    none = _events(_write(tmp_path, "--as-of", "2026-11-30", "--remind", "none", name="none.ics"))
    assert none and all(not [a for a in e.walk() if a.name == "VALARM"] for e in none)
    with pytest.raises(SystemExit) as exit_info:
        main(["calendar", str(EXAMPLE), "--ics", str(tmp_path / "bad.ics"), "--remind", "14,-3"])
    assert exit_info.value.code == 2
    assert "14,-3" in capsys.readouterr().err
    assert not (tmp_path / "bad.ics").exists()


def test_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written = _write(tmp_path, "--as-of", "2026-11-30").read_bytes()
    capsys.readouterr()
    assert main(["calendar", str(EXAMPLE), "--as-of", "2026-11-30", "--ics", "-"]) == 0
    assert capsys.readouterr().out.encode("utf-8") == written


def test_sequence_and_last_modified_move_only_when_a_fact_the_duty_rests_on_is_added(tmp_path: Path) -> None:
    # The grant for 2027–2028 agreed in time, so that the agreement runs on into 2027.
    text = EXAMPLE.read_text(encoding="utf-8").replace("signed_by_fa = 2026-11-12", "signed_by_fa = 2026-11-12\nsigned_by_city = 2026-11-20")
    base, later = tmp_path / "base.toml", tmp_path / "later.toml"
    base.write_text(text, encoding="utf-8")
    later.write_text(text + '\n[[follow_ups]]\nid = "fu-2027-1"\ndate = 2027-02-01\n', encoding="utf-8")
    assert main(["calendar", str(base), "--as-of", "2027-02-10", "--ics", str(tmp_path / "before.ics")]) == 0
    before = {str(e["uid"]): e for e in _events(tmp_path / "before.ics")}
    assert main(["calendar", str(later), "--as-of", "2027-02-10", "--ics", str(tmp_path / "after.ics")]) == 0
    after = {str(e["uid"]): e for e in _events(tmp_path / "after.ics")}
    assert before.keys() == after.keys()
    uid = "follow-up/2027@iop-rules"
    assert after[uid].decoded("last-modified") == dt.datetime(2027, 2, 1, tzinfo=dt.UTC)
    assert int(after[uid]["sequence"]) > int(before[uid]["sequence"])
    assert str(after[uid]["summary"]) != str(before[uid]["summary"])
    for other in before.keys() - {uid}:
        assert after[other].to_ical() == before[other].to_ical(), other


def test_the_party_and_section_in_english(tmp_path: Path) -> None:
    path = _write(tmp_path, "--as-of", "2026-11-30", "--lang", "en")
    texts = [str(e["description"]) for e in _events(path)]
    assert any("Party: the Salvation Army" in t for t in texts)
    assert any("Party: both parties" in t for t in texts)
    assert all(t.startswith("Section: §") for t in texts)


def test_the_file_is_the_same_every_time_and_every_day_until_the_facts_change(tmp_path: Path) -> None:
    first = _write(tmp_path, "--as-of", "2026-11-30", name="a.ics").read_bytes()
    second = _write(tmp_path, "--as-of", "2026-11-30", name="b.ics").read_bytes()
    assert first == second
    # A day later nothing the duties rest on has changed: the same file, so a calendar program changes nothing.
    assert _write(tmp_path, "--as-of", "2026-12-01", name="c.ics").read_bytes() == first
    # After the statistics' deadline passes, that event leaves; the others stay as they were.
    later = _events(_write(tmp_path, "--as-of", "2026-12-11", name="d.ics"))
    earlier = {str(e["uid"]): e for e in _events(tmp_path / "a.ics")}
    assert {str(e["uid"]) for e in later} == set(earlier) - {"statistics/stat-req-2026-11@iop-rules"}
    for event in later:
        assert event.to_ical() == earlier[str(event["uid"])].to_ical()


def test_rfc5545_shape(tmp_path: Path) -> None:
    raw = _write(tmp_path, "--as-of", "2026-11-30").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "lines end in CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "long lines are folded at 75 octets"
    calendar = Calendar.from_ical(raw)
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"]).startswith("-//iop-rules//")
    for event in _events(tmp_path / "actions.ics"):
        # The latest day of the facts the duty rests on, not the clock.
        assert event.decoded("dtstamp") == event.decoded("last-modified")
        assert dt.datetime(2025, 1, 1, tzinfo=dt.UTC) <= event.decoded("dtstamp") <= dt.datetime(2026, 11, 30, tzinfo=dt.UTC)


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


def test_no_duty_still_to_do_gives_an_empty_calendar(tmp_path: Path) -> None:
    # Long after the agreement ended nothing is upcoming: a valid calendar without events.
    path = _write(tmp_path, "--as-of", "2031-01-01")
    assert _events(path) == []
    assert Calendar.from_ical(path.read_bytes())["version"] == "2.0"
