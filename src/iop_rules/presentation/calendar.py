"""The duties still to do as an iCalendar file (RFC 5545) that a calendar program can subscribe to and that stays
right when it is regenerated every day.

- One all-day event per duty with a deadline that is not yet fulfilled and not yet past (``pending``, ``due``, or
  ``needs_assessment`` with a deadline), the §4 cutoff among them with a title of its own; a duty past its
  deadline is a breach, in the report, and a reminder can no longer help.
- Nothing in an event depends on the day the file is made: titles and descriptions hold no "days left", and the
  status of the day is left out, so the file is the same every day until a fact changes.
- ``DTSTAMP`` and ``LAST-MODIFIED`` are midnight UTC of the latest day among the facts the duty rests on (its
  evidence), and ``SEQUENCE`` counts the days from the agreement's start to that day: both move only when a fact
  the duty rests on is added, which is when its content changes (a count reached, a delivery made).
- ``VALARM`` reminders a number of days before the deadline (14 and 3 by default).
- The UID is the finding's id, so that a calendar program updates an event rather than adding it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Alarm, Calendar, Event

from ..agreement import Agreement
from ..catalogue import msg
from ..report import Finding, Report
from .labels import PARTY_LABEL, pick
from .phrases import SECTION_TITLE, phrase, say

UID_DOMAIN = "iop-rules"
"""The right-hand side of every event's UID: ``<finding id>@iop-rules``."""

DEFAULT_REMINDERS = (14, 3)
"""Days before a deadline on which a calendar program reminds, by default."""

OPEN_STATUSES = ("pending", "due", "needs_assessment")
"""A duty in one of these statuses is not yet fulfilled and not yet past its deadline."""


def is_cutoff(finding: Finding) -> bool:
    """Whether the finding is the §4 cutoff: the day by which the grant for the later years must be agreed."""
    return finding.id.startswith("renegotiation/") and finding.kind == "duty"


def calendar_duties(report: Report, horizon_days: int | None = None) -> tuple[Finding, ...]:
    """The duties the calendar holds: every duty with a deadline not yet fulfilled nor past, by deadline and id;
    with ``horizon_days``, only those due within that many days of the report's day."""
    last = None if horizon_days is None else report.as_of + dt.timedelta(days=horizon_days)
    chosen = [
        f
        for f in report.obligations
        if f.due is not None and f.status in OPEN_STATUSES and (last is None or f.due <= last)
    ]
    return tuple(sorted(chosen, key=lambda f: (f.due or dt.date.max, f.id)))


def what_to_do(finding: Finding, report: Report, lang: str) -> str:
    """The finding's message without the count of days left, which would change the event every day."""
    text = finding.message.get(lang)
    if finding.due is None:
        return text
    left = (finding.due - report.as_of).days
    if left < 1:
        return text
    # The message says "(10 dagar kvar)" / "(10 days left)" in the catalogue's words for the days left.
    return text.replace(f" ({say(msg('report.left', n=left), lang)})", "")


def last_modified(finding: Finding, agreement: Agreement) -> dt.date:
    """The latest day among the facts the duty rests on, or the agreement's start when it rests on none."""
    dated = [e.date for e in finding.evidence if e.date is not None]
    return max([agreement.term.start, *dated])


def _section_title(section: str, agreement: Agreement, lang: str) -> str:
    known = SECTION_TITLE.get(section)
    return say(known, lang) if known is not None else agreement.sections[section].title


def _event(finding: Finding, report: Report, agreement: Agreement, lang: str, reminders: Sequence[int]) -> Event:
    assert finding.due is not None
    party = pick(PARTY_LABEL[finding.party], lang)
    todo = what_to_do(finding, report, lang)
    if is_cutoff(finding):
        summary = phrase("calendar.cutoff", lang)
    else:
        summary = phrase("calendar.summary", lang, section=finding.section, what=todo)
    modified = last_modified(finding, agreement)
    stamp = dt.datetime.combine(modified, dt.time(0, 0), tzinfo=dt.UTC)
    event = Event()
    event.add("uid", f"{finding.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", max((modified - agreement.term.start).days, 0))
    event.add("dtstart", finding.due)
    event.add("dtend", finding.due + dt.timedelta(days=1))
    event.add("summary", summary)
    description = [
        phrase("calendar.section", lang, section=finding.section, title=_section_title(finding.section, agreement, lang)),
        phrase("calendar.party", lang, party=party),
        phrase("calendar.todo", lang, what=todo),
        phrase("report.quote", lang, quote=finding.quote),
        phrase("calendar.id", lang, id=finding.id),
    ]
    event.add("description", "\n".join(description))
    event.add("categories", [f"§{finding.section}", agreement.agreement.short_name])
    event.add("transp", "TRANSPARENT")
    for before in sorted(set(reminders), reverse=True):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-before))
        alarm.add("description", phrase("calendar.alarm", lang, summary=summary))
        event.add_component(alarm)
    return event


def render_calendar(
    report: Report,
    agreement: Agreement,
    lang: str,
    horizon_days: int | None = None,
    reminders: Sequence[int] = DEFAULT_REMINDERS,
) -> str:
    """The duties still to do with a deadline, and the §4 cutoff, as an iCalendar file of all-day events."""
    calendar = Calendar()
    calendar.add("prodid", f"-//iop-rules//{agreement.agreement.short_name}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", agreement.agreement.short_name)
    for finding in calendar_duties(report, horizon_days):
        calendar.add_component(_event(finding, report, agreement, lang, reminders))
    text: str = calendar.to_ical().decode("utf-8")
    return text
