"""The report as a person reads it, in the order people act: the agreement's standing (and the §4 cutoff while it
is open), breaches not remedied, upcoming actions by due date, rights, cured breaches, every obligation by section
and year, notes, and the interpretations it rests on. The order is ``order.arrange``'s."""

from __future__ import annotations

import datetime as dt

from .._types import PartyKey, format_sek
from ..agreement import Agreement
from ..catalogue import Msg, msg
from ..report import Finding, Report
from .labels import HEADING, PARTY_LABEL, SEVERITY, STATUS_LABEL, pick, setting_message
from .order import ArrangedReport, arrange
from .phrases import SECTION_TITLE, days_left, phrase, say

SELECTION: dict[str, Msg] = {"city": msg("report.selection.city"), "fa": msg("report.selection.fa")}
"""The header's line for a report kept to one party."""


def deadline_text(finding: Finding, as_of: dt.date, lang: str) -> str:
    """A finding's deadline as the report writes it: "senast 2026-12-10 (10 dagar kvar)", with "1 dag kvar" and
    "sista dagen i dag" on the last days; the days left only while the duty is still to do; "" without a
    deadline. Shared with the other renderers (HTML, calendar) so that they say it the same way."""
    if finding.due is None:
        return ""
    left = finding.days_left(as_of)
    if left is None or left < 0 or finding.status not in ("due", "pending"):
        return phrase("report.by", lang, due=finding.due)
    if left == 0:
        return phrase("report.by.today", lang, due=finding.due)
    return phrase("report.by.left", lang, due=finding.due, left=msg("days", n=left))


def _finding_lines(
    finding: Finding,
    report: Report,
    lang: str,
    *,
    quote: bool,
    severity: bool = False,
    cured: bool = False,
) -> list[str]:
    party = pick(PARTY_LABEL[finding.party], lang)
    status = pick(STATUS_LABEL[finding.status], lang)
    # The column as wide as the longest party name in the language ("the Salvation Army"), so statuses align.
    width = max(len(pick(label, lang)) for label in PARTY_LABEL.values())
    head = f"  • §{finding.section:<3} {party:<{width}} {status}"
    extras = [e for e in (deadline_text(finding, report.as_of, lang),) if e]
    if cured:
        extras.append(phrase("report.cured", lang))
    if finding.amount is not None:
        extras.append(format_sek(finding.amount, lang))
    if severity:
        extras.append(phrase("report.severity", lang, severity=SEVERITY[finding.severity]))
    if extras:
        head += " — " + " — ".join(extras)
    lines = [head, f"    {finding.message.get(lang)}", f"    [{finding.id}]"]
    if quote:
        lines.append("    " + phrase("report.quote", lang, quote=finding.quote))
    return lines


def _list(
    key: str,
    findings: tuple[Finding, ...],
    report: Report,
    lang: str,
    *,
    quote: bool,
    severity: bool = False,
    cured: bool = False,
) -> list[str]:
    lines = [f"{say(HEADING[key], lang)} ({len(findings)})"]
    if not findings:
        lines.append("  " + phrase("report.none", lang))
    for finding in findings:
        lines.extend(_finding_lines(finding, report, lang, quote=quote, severity=severity, cured=cured))
    lines.append("")
    return lines


def section_title(section: str, agreement: Agreement, lang: str) -> str:
    """A section's heading: the agreement's own in Swedish, its translation in English."""
    known = SECTION_TITLE.get(section)
    if known is not None:
        return say(known, lang)
    # A section the catalogues do not name (an agreement file with more sections): its own heading, in Swedish.
    other = agreement.sections.get(section)
    return other.title if other is not None and lang == "sv" else ""


def _obligation_lines(arranged: ArrangedReport, agreement: Agreement, lang: str) -> list[str]:
    report = arranged.report
    count = sum(len(p.findings) for g in arranged.obligations for p in g.periods)
    lines = [f"{say(HEADING['obligations'], lang)} ({count})"]
    if not arranged.obligations:
        lines.append("  " + phrase("report.none", lang))
    for group in arranged.obligations:
        lines.append(f"  §{group.section} {section_title(group.section, agreement, lang)}".rstrip())
        for period in group.periods:
            label = (
                phrase("report.period.none", lang)
                if period.year is None
                else phrase("report.period.year", lang, year=period.year)
            )
            lines.append(f"   {label}")
            for finding in period.findings:
                lines.extend("  " + line for line in _finding_lines(finding, report, lang, quote=False))
    lines.append("")
    return lines


def _header(arranged: ArrangedReport, agreement: Agreement, lang: str) -> list[str]:
    report = arranged.report
    lines = [
        phrase("report.title", lang, name=agreement.agreement.short_name, day=report.as_of),
        report.agreement.message.get(lang),
    ]
    if arranged.cutoff is not None:
        cutoff = arranged.cutoff
        lines.append(
            phrase(
                "report.cutoff",
                lang,
                cutoff=cutoff.cutoff,
                years=tuple(cutoff.years),
                left=days_left(cutoff.days_left, lang),
            )
        )
    if arranged.party is not None:
        lines.append(say(SELECTION[arranged.party], lang))
    lines.append("")
    return lines


def settings_lines(report: Report, agreement: Agreement, lang: str) -> list[str]:
    """The interpretations the report rests on, in words: the register's defaults, or each changed reading."""
    # Setting ids and values are code: the report says a changed reading in words, from the catalogues.
    changed = [
        (key, value)
        for key, value in report.settings.items()
        if key in agreement.interpretations and agreement.interpretations[key].default != value
    ]
    if not changed:
        return [phrase("report.settings.default", lang)]
    lines = [phrase("report.settings.changed", lang)]
    for key, value in sorted(changed, key=lambda item: int(item[0][1:])):
        lines.append("  " + phrase("report.settings.changed_line", lang, reading=setting_message(key, value)))
    return lines


def render_text(report: Report, agreement: Agreement, lang: str, party: PartyKey | None = None) -> str:
    """The report as a person reads it, in the order people act (``order.arrange``); with ``party``, only what
    concerns that party (its own and the joint findings)."""
    arranged = arrange(report, agreement, party)
    shown = arranged.report
    lines = _header(arranged, agreement, lang)
    lines += _list("open_breaches", arranged.open_breaches, shown, lang, quote=True)
    lines += _list("actions", arranged.actions, shown, lang, quote=True, severity=True)
    lines += _list("rights", arranged.rights, shown, lang, quote=True)
    lines += _list("cured_breaches", arranged.cured_breaches, shown, lang, quote=True, cured=True)
    lines += _obligation_lines(arranged, agreement, lang)
    lines += _list("notes", arranged.notes, shown, lang, quote=False)
    lines += settings_lines(report, agreement, lang)
    return "\n".join(lines) + "\n"
