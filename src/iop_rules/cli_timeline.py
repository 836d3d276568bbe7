"""``iop-rules timeline`` and ``iop-rules calendar``: the history of statuses, and the actions ahead in a calendar.

    iop-rules timeline FACTS --from DATE --to DATE [--format text|json] [--agreement FILE] [--lang sv|en] [--set ID=VALUE]
    iop-rules calendar FACTS --ics FILE [--as-of DATE] [--horizon DAYS] [--agreement FILE] [--lang sv|en] [--set ID=VALUE]

The calendar holds the upcoming actions of the report on the day (duties due within the horizon, rights available,
the §4 renegotiation until it is done) that have a deadline, each an all-day event on its deadline, with a UID made
from the finding's id so that a calendar program updates an event rather than adding it twice. The file is written
whole or not at all. Exit codes: 0 done, 2 bad input (a message, no traceback; no file written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from ._types import InputError
from .agreement import Agreement
from .cli import PARTY_LABEL, STATUS_LABEL, add_common, load_inputs, parse_day, parse_days, write_atomically
from .evaluate import evaluate
from .report import Finding, Report
from .timeline import StatusChange, timeline

UID_DOMAIN = "iop-rules"
"""The right-hand side of every event's UID: ``<finding id>@iop-rules``."""


def _label(status: str | None, lang: str) -> str:
    if status is None:
        return "–"
    sv, en = STATUS_LABEL[status]
    return sv if lang == "sv" else en


def render_timeline_text(changes: tuple[StatusChange, ...], start: dt.date, end: dt.date, lang: str) -> str:
    """The changes as a person reads them: one line per change, by day."""
    if lang == "sv":
        lines = [f"Statusändringar {start.isoformat()}–{end.isoformat()} ({len(changes)})"]
    else:
        lines = [f"Status changes {start.isoformat()}–{end.isoformat()} ({len(changes)})"]
    for change in changes:
        before, after = _label(change.from_status, lang), _label(change.to_status, lang)
        lines.append(f"  {change.date.isoformat()}  {change.finding_id}: {before} → {after}")
    return "\n".join(lines) + "\n"


def render_timeline_json(changes: tuple[StatusChange, ...], start: dt.date, end: dt.date) -> str:
    """The changes as JSON: keys sorted, stable for the same input."""
    data = {"from": start.isoformat(), "to": end.isoformat(), "changes": [c.as_dict() for c in changes]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cmd_timeline(args: argparse.Namespace) -> int:
    """``iop-rules timeline``: every status change between two days."""
    if args.end < args.start:
        raise InputError(
            f"--to {args.end.isoformat()} ligger före --from {args.start.isoformat()}",
            f"--to {args.end.isoformat()} is before --from {args.start.isoformat()}",
        )
    agreement, facts = load_inputs(args)
    changes = timeline(agreement, facts, args.start, args.end, settings=dict(args.settings))
    if args.format == "json":
        sys.stdout.write(render_timeline_json(changes, args.start, args.end))
    else:
        sys.stdout.write(render_timeline_text(changes, args.start, args.end, args.lang))
    return 0


def _event(finding: Finding, report: Report, agreement: Agreement, lang: str) -> Event:
    assert finding.due is not None
    party = PARTY_LABEL[finding.party][0 if lang == "sv" else 1]
    status = _label(finding.status, lang)
    event = Event()
    event.add("uid", f"{finding.id}@{UID_DOMAIN}")
    # The evaluation day, not the clock: the same facts give the same file.
    event.add("dtstamp", dt.datetime.combine(report.as_of, dt.time(0, 0), tzinfo=dt.UTC))
    event.add("dtstart", finding.due)
    event.add("dtend", finding.due + dt.timedelta(days=1))
    event.add("summary", f"§{finding.section} {party}: {finding.message.get(lang)}")
    if lang == "sv":
        description = [
            f"Paragraf: §{finding.section}",
            f"Part: {party}",
            f"Status per {report.as_of.isoformat()}: {status}",
            finding.message.sv,
            f"Avtalet: ”{finding.quote}”",
            f"Id: {finding.id}",
        ]
    else:
        description = [
            f"Section: §{finding.section}",
            f"Party: {party}",
            f"Status as of {report.as_of.isoformat()}: {status}",
            finding.message.en,
            f"Agreement: “{finding.quote}”",
            f"Id: {finding.id}",
        ]
    event.add("description", "\n".join(description))
    event.add("categories", [f"§{finding.section}", agreement.agreement.short_name])
    event.add("transp", "TRANSPARENT")
    return event


def render_calendar(report: Report, agreement: Agreement, lang: str) -> str:
    """The upcoming actions with a deadline as an iCalendar file (RFC 5545), all-day events."""
    calendar = Calendar()
    calendar.add("prodid", f"-//iop-rules//{agreement.agreement.short_name}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", agreement.agreement.short_name)
    for finding in sorted(report.upcoming, key=lambda f: (f.due or dt.date.max, f.id)):
        if finding.due is not None:
            calendar.add_component(_event(finding, report, agreement, lang))
    text: str = calendar.to_ical().decode("utf-8")
    return text


def cmd_calendar(args: argparse.Namespace) -> int:
    """``iop-rules calendar``: write the upcoming actions to an iCalendar file."""
    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    out: Path = args.ics
    if out.suffix.lower() != ".ics":
        raise InputError(
            f"--ics {str(out)!r}: förväntade ett filnamn som slutar på .ics",
            f"--ics {str(out)!r}: expected a file name ending in .ics",
        )
    if not out.parent.is_dir():
        raise InputError(
            f"--ics {str(out)!r}: katalogen {str(out.parent)!r} finns inte",
            f"--ics {str(out)!r}: the directory {str(out.parent)!r} does not exist",
        )
    try:
        write_atomically(out, render_calendar(report, agreement, args.lang))
    except OSError as error:
        raise InputError(
            f"--ics {str(out)!r}: filen kan inte skrivas ({error.strerror})",
            f"--ics {str(out)!r}: the file cannot be written ({error.strerror})",
        ) from None
    return 0


def register(sub: Any) -> None:
    """Add ``timeline`` and ``calendar`` to the command's subparsers."""
    history = sub.add_parser("timeline", help="every status change between two days")
    add_common(history, as_of=False)
    history.add_argument("--from", dest="start", type=parse_day, required=True, metavar="DATE", help="first day")
    history.add_argument("--to", dest="end", type=parse_day, required=True, metavar="DATE", help="last day")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.set_defaults(run=cmd_timeline)

    ahead = sub.add_parser("calendar", help="write the upcoming actions to an iCalendar (.ics) file")
    add_common(ahead)
    ahead.add_argument("--ics", type=Path, required=True, metavar="FILE", help="the .ics file to write")
    ahead.add_argument("--horizon", type=parse_days, metavar="DAYS", help="days ahead for upcoming actions (default I13)")
    ahead.set_defaults(run=cmd_calendar)
