"""The order people act in: what a report shows first, and what concerns one party.

Every renderer that lists findings for a person (the text report, and the HTML report and calendar that reuse it)
takes its lists from ``arrange``, so the lists read in the same order everywhere:

1. breaches not remedied (``violated``), oldest first;
2. upcoming actions (duties due, or waiting for a person's decision), by due date; on the same day the more
   severe first, so severity is part of the order and the renderers print it;
3. rights a party may exercise, apart from the to-dos: what a party *may* do is not something it must do;
4. cured breaches (``fulfilled_late``), oldest first;
5. every obligation, grouped by section and by the year of its deadline, in date order;
6. notes, in date order.

``for_party`` keeps what concerns one party: its own duties, rights and notes, and the joint ones (party ``both``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .._types import PartyKey
from ..agreement import Agreement
from ..report import SEVERITY_RANK, Finding, Report


@dataclass(frozen=True)
class PeriodGroup:
    """The obligations of one section whose deadline falls in one calendar year (``year`` None: no deadline)."""

    year: int | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class SectionGroup:
    """The obligations of one section of the agreement, by period."""

    section: str
    periods: tuple[PeriodGroup, ...]


@dataclass(frozen=True)
class CutoffNotice:
    """The §4 cutoff while it is open: unless the parties agree on the later years' grant in a valid amendment
    by ``cutoff``, the agreement's last day is ``cutoff`` (register I14, default reading)."""

    cutoff: dt.date
    """The last day to agree ("omförhandlas senast 261231")."""
    years: tuple[int, ...]
    """The grant years being renegotiated ("Bidrag för 2027 och 2028")."""
    days_left: int
    """Days from the evaluation day to the cutoff (0 on the cutoff itself)."""


@dataclass(frozen=True)
class ArrangedReport:
    """A report's findings in the order people act on them, for everyone or for one party."""

    report: Report
    """The report the lists come from (already restricted to ``party`` when one is given)."""
    party: PartyKey | None
    """The party the lists are restricted to, or None for both."""
    cutoff: CutoffNotice | None
    """The §4 cutoff, while it is open and the agreement would end on it."""
    open_breaches: tuple[Finding, ...]
    actions: tuple[Finding, ...]
    rights: tuple[Finding, ...]
    cured_breaches: tuple[Finding, ...]
    obligations: tuple[SectionGroup, ...]
    notes: tuple[Finding, ...]


def concerns(finding: Finding, party: PartyKey) -> bool:
    """Whether a finding concerns ``party``: its own duty, right or note, or a joint one."""
    return finding.party in (party, "both")


def for_party(report: Report, party: PartyKey | None) -> Report:
    """The report restricted to what concerns one party (its own and the joint findings); unchanged for None.

    The agreement's status and the settings stay as they are: they concern both parties.
    """
    if party is None:
        return report

    def keep(findings: Iterable[Finding]) -> tuple[Finding, ...]:
        return tuple(f for f in findings if concerns(f, party))

    return report.model_copy(
        update={
            "breaches": keep(report.breaches),
            "upcoming": keep(report.upcoming),
            "obligations": keep(report.obligations),
            "rights": keep(report.rights),
            "notes": keep(report.notes),
        }
    )


def _by_date(finding: Finding) -> tuple[bool, dt.date, int, str]:
    # Findings without a deadline come after the dated ones.
    return (finding.due is None, finding.due or dt.date.max, int(finding.section), finding.id)


def _by_due_then_severity(finding: Finding) -> tuple[bool, dt.date, int, str]:
    return (finding.due is None, finding.due or dt.date.max, SEVERITY_RANK[finding.severity], finding.id)


def _section_groups(obligations: Iterable[Finding]) -> tuple[SectionGroup, ...]:
    by_section: dict[str, dict[int | None, list[Finding]]] = {}
    for finding in sorted(obligations, key=_by_date):
        year = finding.due.year if finding.due is not None else None
        by_section.setdefault(finding.section, {}).setdefault(year, []).append(finding)
    groups = []
    for section in sorted(by_section, key=int):
        periods = by_section[section]
        ordered = sorted(periods, key=lambda y: (y is None, y or 0))
        groups.append(SectionGroup(section, tuple(PeriodGroup(y, tuple(periods[y])) for y in ordered)))
    return tuple(groups)


def open_cutoff(report: Report, agreement: Agreement) -> CutoffNotice | None:
    """The §4 cutoff while it is open: the evaluation day is on or before it, the reading in force ends the
    agreement on it (I14), the agreement would otherwise still be in force after it, and the renegotiation of the
    later years' grant is not yet agreed in a valid amendment (the renegotiation duty is still to do)."""
    term = agreement.term
    cutoff = term.renegotiation_cutoff
    if report.as_of > cutoff or report.settings.get("I14") != "ends" or not term.renegotiated_grant_years:
        return None
    standing = report.agreement
    if standing.state not in ("in_force", "notice_given"):
        return None
    if standing.last_day is not None and standing.last_day <= cutoff:
        return None
    years = term.renegotiated_grant_years
    duty = next(
        (
            f
            for f in report.obligations
            if f.section == "4" and f.id == f"renegotiation/{years[0]}-{years[-1]}"
        ),
        None,
    )
    if duty is None or duty.status not in ("due", "pending"):
        return None
    return CutoffNotice(cutoff=cutoff, years=years, days_left=(cutoff - report.as_of).days)


def arrange(report: Report, agreement: Agreement, party: PartyKey | None = None) -> ArrangedReport:
    """The report's findings in the order people act on them (see the module's docstring), for one party or both.

    The §4 cutoff is read from the whole report: whether the agreement ends on it concerns both parties.
    """
    cutoff = open_cutoff(report, agreement)
    shown = for_party(report, party)
    return ArrangedReport(
        report=shown,
        party=party,
        cutoff=cutoff,
        open_breaches=tuple(sorted((f for f in shown.breaches if f.status == "violated"), key=_by_date)),
        actions=tuple(sorted((f for f in shown.upcoming if f.kind == "duty"), key=_by_due_then_severity)),
        rights=tuple(
            sorted(
                (f for f in shown.rights if f.status == "available"),
                key=lambda f: (int(f.section), f.party, f.id),
            )
        ),
        cured_breaches=tuple(sorted((f for f in shown.breaches if f.status == "fulfilled_late"), key=_by_date)),
        obligations=_section_groups(shown.obligations),
        notes=tuple(sorted(shown.notes, key=_by_date)),
    )
