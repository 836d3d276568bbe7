"""The report as a person reads it: the agreement's standing, breaches, upcoming actions, obligations, notes."""

from __future__ import annotations

from collections.abc import Sequence

from .._types import format_sek
from ..agreement import Agreement
from ..report import Finding, Report
from .labels import HEADINGS, PARTY_LABEL, STATUS_LABEL, pick


def _finding_lines(finding: Finding, report: Report, lang: str, quote: bool) -> list[str]:
    status = pick(STATUS_LABEL[finding.status], lang)
    party = pick(PARTY_LABEL[finding.party], lang)
    head = f"  • §{finding.section:<3} {party:<16} {status}"
    if finding.due is not None:
        left = finding.days_left(report.as_of)
        assert left is not None
        if lang == "sv":
            when = f"senast {finding.due.isoformat()}" + (f" ({left} dagar kvar)" if left >= 0 and finding.status in ("due", "pending") else "")
        else:
            when = f"by {finding.due.isoformat()}" + (f" ({left} days left)" if left >= 0 and finding.status in ("due", "pending") else "")
        head += f" — {when}"
    if finding.amount is not None:
        head += f" — {format_sek(finding.amount, lang)}"
    lines = [head, f"    {finding.message.get(lang)}", f"    [{finding.id}]"]
    if quote:
        lines.append(f"    Avtalet: ”{finding.quote}”" if lang == "sv" else f"    Agreement: “{finding.quote}”")
    return lines


def render_text(report: Report, agreement: Agreement, lang: str) -> str:
    """The report as a person reads it: breaches, then upcoming actions, then obligations, then notes."""
    title = agreement.agreement.short_name
    lines = [
        f"{title}: läge per {report.as_of.isoformat()}" if lang == "sv" else f"{title}: position as of {report.as_of.isoformat()}",
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
        lines.append(f"{pick(HEADINGS[key], lang)} ({len(findings)})")
        if not findings:
            lines.append("  (inga)" if lang == "sv" else "  (none)")
        for finding in findings:
            lines.extend(_finding_lines(finding, report, lang, quote))
        lines.append("")
    settings = ", ".join(f"{k}={v}" for k, v in report.settings.items())
    lines.append(("Tolkningar: " if lang == "sv" else "Interpretations: ") + settings)
    return "\n".join(lines) + "\n"
