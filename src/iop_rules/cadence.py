"""Counting in periods: the terms ("terminer", I3) and years (I11, calendar years) of the §6–§8 cadences, the part
of each period the agreement covers, what is required in a part (I9), and the duty a count becomes.

Every clause that counts meetings, follow-ups, evaluations, outreach sessions or attestations per period uses
this module, so that a period boundary, a term cut short by the agreement's end and the proportional reading of
I9 are decided in one place:

- a period the agreement covers whole requires the full count, due on the period's last day;
- a period the agreement covers only in part (it starts or ends inside it) requires nothing under I9
  ``not_required`` (the duty is ``discharged``) and the count in proportion to the days covered, rounded up,
  under ``proportional``, due on the last day covered;
- a period wholly after the agreement's effective end is ``discharged``.

The agreement's span is its start to ``ctx.standing.last_day``: an end known on the evaluation day (notice, the
§4 automatic end) cuts periods short; an end not yet known does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ._types import Responsible
from .catalogue import Msg, msg
from .context import Candidate, Context, Step, Steps
from .dates import Period, add_months, terms
from .messages import duty
from .report import Evidence, Severity


@dataclass(frozen=True)
class Span:
    """A period a cadence counts in, with the key its finding ids use and its name for a person."""

    period: Period
    key: str
    """The id part, e.g. ``2025-spring``, ``2026`` or ``agreement-year-1``."""
    name: Msg
    """Its name for a person, e.g. "vårterminen 2025" / "the spring term 2025"."""


@lru_cache(maxsize=256)
def calendar_year(year: int) -> Period:
    """A calendar year, 1 January to 31 December."""
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def calendar_years(ctx: Context) -> tuple[Span, ...]:
    """The calendar years that overlap the agreement's whole term (§8 "årligen", §6 attestations)."""
    term = ctx.agreement.term
    return _calendar_spans(term.start.year, term.end.year)


@lru_cache(maxsize=64)
def _calendar_spans(first: int, last: int) -> tuple[Span, ...]:
    return tuple(Span(calendar_year(y), str(y), msg("period.year", year=y)) for y in range(first, last + 1))


def follow_up_years(ctx: Context) -> tuple[Span, ...]:
    """The years of §8 "två gånger per år" under I11: calendar years, or twelve months from the start date."""
    if ctx.settings.I11 == "calendar_year":
        return calendar_years(ctx)
    term = ctx.agreement.term
    out: list[Span] = []
    index = 0
    start = term.start
    while start <= term.end:
        index += 1
        following = add_months(term.start, 12 * index, ctx.settings.I8)
        period = Period(start, following - dt.timedelta(days=1), f"agreement-year-{index}")
        name = msg("period.agreement_year", index=index, start=period.start, end=period.end)
        out.append(Span(period, period.name, name))
        start = following
    return tuple(out)


def _is_half(period: Period) -> str | None:
    """``spring`` or ``autumn`` when the period is a calendar half-year (I3 ``calendar_halves``)."""
    year = period.start.year
    if (period.start, period.end) == (dt.date(year, 1, 1), dt.date(year, 6, 30)):
        return "spring"
    if (period.start, period.end) == (dt.date(year, 7, 1), dt.date(year, 12, 31)):
        return "autumn"
    return None


def _slug(text: str) -> str:
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)


def term_spans(ctx: Context) -> tuple[Span, ...]:
    """The terms ("terminer") under I3 that overlap the agreement's whole term."""
    return _spans_of_terms(terms(ctx.agreement, ctx.settings), ctx.settings.I3 == "calendar_halves")


@lru_cache(maxsize=64)
def _spans_of_terms(periods: tuple[Period, ...], calendar_halves: bool) -> tuple[Span, ...]:
    # A pure function of immutable values, cached because every cadence clause asks for the terms on every
    # evaluation day and they only change with the agreement's term and I3.
    out: list[Span] = []
    for period in periods:
        half = _is_half(period) if calendar_halves else None
        year = period.start.year
        if half == "spring":
            out.append(Span(period, f"{year}-spring", msg("period.spring", year=year)))
        elif half == "autumn":
            out.append(Span(period, f"{year}-autumn", msg("period.autumn", year=year)))
        else:
            key = _slug(period.name) or period.start.isoformat()
            out.append(Span(period, key, msg("period.term", name=period.name, start=period.start, end=period.end)))
    return tuple(out)


@dataclass(frozen=True)
class Requirement:
    """What a cadence asks in one period, given the part of it the agreement covers."""

    span: Span
    base: int
    """The count the agreement asks for a whole period."""
    covered: Period | None
    """The part of the period the agreement covers (None: none of it)."""
    required: int
    """The count required in the covered part (I9)."""
    due: dt.date
    """The day by which the count must be reached: the last day covered, or the period's end."""
    discharged: bool
    """Nothing is owed: the period lies after the agreement's end, or I9 asks nothing of a partial period."""
    not_required: bool
    """Discharged because I9 ``not_required`` asks nothing of a period covered only in part."""
    partial: bool
    """The agreement covers the period only in part."""
    in_force: Period
    """The agreement's days as known on the evaluation day (first day to last day)."""
    settings: tuple[str, ...]

    def reasoning(self) -> Steps:
        """How the requirement was computed (written only when asked, for ``explain``)."""
        period, first, last = self.span.period, self.in_force.start, self.in_force.end
        steps: list[Msg] = [msg("cadence.step.period", period=self.span.name, start=period.start, end=period.end)]
        covered = self.covered
        if covered is None:
            steps.append(msg("cadence.step.not_covered", first=first, last=last))
            return tuple(steps)
        if not self.partial:
            steps.append(msg("cadence.step.whole", base=self.base))
            return tuple(steps)
        steps.append(
            msg("cadence.step.partial", start=covered.start, end=covered.end, covered=covered.days, days=period.days)
        )
        if self.not_required:
            steps.append(msg("cadence.step.not_required"))
        else:
            steps.append(
                msg(
                    "cadence.step.proportional",
                    base=self.base,
                    covered=covered.days,
                    days=period.days,
                    required=self.required,
                    end=covered.end,
                )
            )
        return tuple(steps)


def requirement(ctx: Context, span: Span, base: int) -> Requirement:
    """The count required in a period, under I9 for a period the agreement covers only in part."""
    return _requirement(span, base, ctx.agreement.term.start, ctx.standing.last_day, ctx.settings.I9)


@lru_cache(maxsize=4096)
def _requirement(span: Span, base: int, first: dt.date, last: dt.date, partial_rule: str) -> Requirement:
    # A pure function of immutable values, asked ~36 times per evaluation with the same few answers.
    period = span.period
    in_force = Period(first, last)
    start, end = max(period.start, first), min(period.end, last)
    if start > end:
        return Requirement(span, base, None, base, period.end, True, False, False, in_force, ())
    covered = Period(start, end)
    if (start, end) == (period.start, period.end):
        return Requirement(span, base, covered, base, period.end, False, False, False, in_force, ())
    if partial_rule == "not_required":
        return Requirement(span, base, covered, 0, period.end, True, True, True, in_force, ("I9",))
    # Ceiling division in integers: a share of a count is rounded up (I9 "rounded up").
    required = -(-base * covered.days // period.days)
    return Requirement(span, base, covered, required, end, False, False, True, in_force, ("I9",))


def counted(days: Iterable[dt.date], req: Requirement) -> list[dt.date]:
    """The days, in order, that fall in the covered part of the period."""
    if req.covered is None:
        return []
    covered = req.covered
    return sorted(d for d in days if covered.contains(d))


def day_reached(days: Sequence[dt.date], req: Requirement) -> dt.date | None:
    """The day the required count was reached, given the counted days in order; None while short."""
    if req.discharged:
        return None
    if req.required <= 0:
        # Nothing is asked (a count set to 0): reached on the first day covered.
        return req.covered.start if req.covered is not None else None
    return days[req.required - 1] if len(days) >= req.required else None


@dataclass(frozen=True)
class Noun:
    """What is counted: a plural message of the catalogues taking the count ``n`` ("1 möte", "2 möten")."""

    message: Msg

    def count(self, n: int) -> Msg:
        """``n`` of them, in words."""
        return self.message.with_values(n=n)


def cadence_candidate(
    ctx: Context,
    *,
    id: str,
    section: str,
    quote_key: str,
    party: Responsible,
    severity: Severity,
    req: Requirement,
    days: Sequence[dt.date],
    subject: Msg,
    noun: Noun,
    evidence: Iterable[Evidence] = (),
    settings: tuple[str, ...] = (),
    upcoming_during_period: bool = False,
    counting: Msg | None = None,
) -> Candidate:
    """The duty to reach a count in a period: ``days`` are the days of the events that count, in order.

    ``subject`` starts the sentence ("Arbetsgruppen ska ha", "The working group must hold"); ``counting`` says
    what counts, for the reasoning. While pending or due the message says how many are still needed and by
    when ("1 more meeting by 2025-06-30"); ``upcoming_during_period`` lists it among upcoming actions from the
    period's first day whatever the horizon.
    """
    n, held = req.required, len(days)
    short = max(n - held, 0)
    done = day_reached(days, req)

    def reasoning() -> Steps:
        steps: list[Step] = list(req.reasoning())
        if counting is not None:
            steps.append(counting)
        steps.append(msg("cadence.step.counted", held=held, days=tuple(days)) if days else msg("cadence.step.counted.none"))
        if not req.discharged:
            if done is not None:
                steps.append(msg("cadence.step.reached", n=n, done=done))
            else:
                steps.append(msg("cadence.step.short", short=short, due=req.due))
        return tuple(steps)

    def describe(status: str) -> Msg:
        at_least = msg("cadence.at_least", subject=subject, count=noun.count(n), period=req.span.name)
        if status == "discharged" and req.not_required and req.covered is not None:
            covered = req.covered
            base = msg("cadence.at_least", subject=subject, count=noun.count(req.base), period=req.span.name)
            return msg("cadence.not_required", at_least=base, start=covered.start, end=covered.end)
        if status in ("pending", "due"):
            return duty(status, ctx, msg("cadence.still_needed", at_least=at_least, short=noun.count(short)), req.due)
        if status == "violated":
            return duty(status, ctx, at_least, req.due, None, msg("cadence.held", held=held, n=n, short=short))
        return duty(status, ctx, at_least, req.due, done)

    in_period = req.covered is not None and req.covered.contains(ctx.as_of)
    return Candidate(
        id=id,
        kind="duty",
        section=section,
        quote_key=quote_key,
        party=party,
        severity=severity,
        describe=describe,
        due=req.due,
        done=done,
        period_start=req.covered.start if req.covered is not None else req.span.period.start,
        discharged=req.discharged,
        evidence=tuple(evidence),
        settings=tuple(sorted(set(settings) | set(req.settings))),
        always_upcoming=upcoming_during_period and in_period and done is None,
        # A count missed in a closed period can never be made up: a one-off breach for §9 (I16).
        one_off=True,
        reasoning=reasoning,
    )


def agreement_ended(ctx: Context) -> bool:
    """Whether the agreement has ended on the evaluation day (an open duty without deadline then lapses)."""
    return ctx.as_of > ctx.standing.last_day


def event_breach(
    ctx: Context,
    *,
    id: str,
    section: str,
    quote_key: str,
    party: Responsible,
    severity: Severity,
    day: dt.date,
    texts: Msg,
    evidence: Iterable[Evidence] = (),
    reasoning: Steps = (),
) -> Candidate:
    """A recorded event that broke a duty on ``day`` (an absent party, a meeting convened by the wrong party):
    a breach whatever the date, unless it happened after the agreement's end."""
    return Candidate(
        id=id,
        kind="duty",
        section=section,
        quote_key=quote_key,
        party=party,
        severity=severity,
        describe=lambda status: texts,
        due=day,
        event=True,
        discharged=ctx.is_discharged(day),
        evidence=tuple(evidence),
        reasoning=reasoning,
    )

