"""The report as a person reads it: the agreement's standing, breaches, upcoming actions, obligations, notes."""

from __future__ import annotations

from collections.abc import Sequence

from ..agreement import Agreement
from ..report import Finding, Report
from .labels import (
    amount_text,
    deadline_text,
    heading,
    none_text,
    party_label,
    quote_text,
    report_title,
    settings_heading,
    settings_lines,
    status_label,
)


def _finding_lines(finding: Finding, report: Report, lang: str, quote: bool) -> list[str]:
    status = status_label(finding.status, lang)
    party = party_label(finding.party, lang)
    head = f"  • §{finding.section:<3} {party:<16} {status}"
    if finding.due is not None:
        counting = finding.status in ("due", "pending")
        head += f" — {deadline_text(finding.due, report.as_of, counting, lang)}"
    if finding.amount is not None:
        head += f" — {amount_text(finding.amount, lang)}"
    lines = [head, f"    {finding.message.get(lang)}", f"    [{finding.id}]"]
    if quote:
        lines.append(f"    {quote_text(finding.quote, lang)}")
    return lines


def render_text(report: Report, agreement: Agreement, lang: str) -> str:
    """The report as a person reads it: breaches, then upcoming actions, then obligations, then notes."""
    title = agreement.agreement.short_name
    lines = [
        report_title(title, report.as_of, lang),
        report.agreement.message.get(lang),
        "",
    ]
    sections: list[tuple[str, Sequence[Finding], bool]] = [
        ("breaches", report.breaches, True),
        ("upcoming", report.upcoming, True),
        ("obligations", report.obligations, False),
        ("notes", report.notes, False),
    ]
    for key, findings, quote in sections:
        lines.append(f"{heading(key, lang)} ({len(findings)})")
        if not findings:
            lines.append(f"  {none_text(lang)}")
        for finding in findings:
            lines.extend(_finding_lines(finding, report, lang, quote))
        lines.append("")
    lines.append(settings_heading(lang))
    lines.extend(f"  – {line}" for line in settings_lines(report.settings, lang))
    return "\n".join(lines) + "\n"
