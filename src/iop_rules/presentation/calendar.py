"""The upcoming actions with a deadline as an iCalendar file (RFC 5545): one all-day event each, with a UID made
from the finding's id so that a calendar program updates an event rather than adding it twice."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ..agreement import Agreement
from ..report import Finding, Report
from .labels import PARTY_LABEL, status_label

UID_DOMAIN = "iop-rules"
"""The right-hand side of every event's UID: ``<finding id>@iop-rules``."""


def _event(finding: Finding, report: Report, agreement: Agreement, lang: str) -> Event:
    assert finding.due is not None
    party = PARTY_LABEL[finding.party][0 if lang == "sv" else 1]
    status = status_label(finding.status, lang)
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
