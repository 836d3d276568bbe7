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
from .context import Candidate, Context, Steps
from .dates import Period, add_months, terms
from .messages import duty_message, fixed_text
from .report import Evidence, Severity


@dataclass(frozen=True)
class Span:
    """A period a cadence counts in, with the key its finding ids use and its name for a person."""

    period: Period
    key: str
    """The id part, e.g. ``2025-spring``, ``2026`` or ``agreement-year-1``."""
    sv: str
    """Its name in Swedish, e.g. "vårterminen 2025"."""
    en: str
    """Its name in English, e.g. "the spring term 2025"."""


@lru_cache(maxsize=256)
def calendar_year(year: int) -> Period:
    """A calendar year, 1 January to 31 December."""
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def calendar_years(ctx: Context) -> tuple[Span, ...]:
    """The calendar years that overlap the agreement's whole term (§8 "årligen", §6 attestations)."""
    term = ctx.agreement.term
    return tuple(
        Span(calendar_year(y), str(y), f"år {y}", str(y)) for y in range(term.start.year, term.end.year + 1)
    )


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
        dates = f"{period.start.isoformat()}–{period.end.isoformat()}"
        out.append(Span(period, period.name, f"avtalsår {index} ({dates})", f"agreement year {index} ({dates})"))
        start = following
    return tuple(out)


def _is_half(period: Period) -> str | None:
    """``spring`` or ``autumn`` when the period is a calendar half-year (I3 ``calendar_halves``)."""
    first_half = Period(period.start.replace(month=1, day=1), period.start.replace(month=6, day=30), "")
    second_half = Period(period.start.replace(month=7, day=1), period.start.replace(month=12, day=31), "")
    if (period.start, period.end) == (first_half.start, first_half.end):
        return "spring"
    if (period.start, period.end) == (second_half.start, second_half.end):
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
            out.append(Span(period, f"{year}-spring", f"vårterminen {year}", f"the spring term {year}"))
        elif half == "autumn":
            out.append(Span(period, f"{year}-autumn", f"höstterminen {year}", f"the autumn term {year}"))
        else:
            dates = f"{period.start.isoformat()}–{period.end.isoformat()}"
            key = _slug(period.name) or period.start.isoformat()
            out.append(Span(period, key, f"terminen {period.name} ({dates})", f"the term {period.name} ({dates})"))
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
        """How the requirement was computed, in Swedish and English (written only when asked, for ``explain``)."""
        period, first, last = self.span.period, self.in_force.start, self.in_force.end
        whole = f"{period.start.isoformat()}–{period.end.isoformat()}"
        steps: list[tuple[str, str]] = [(f"{self.span.sv}: {whole}", f"{self.span.en}: {whole}")]
        covered = self.covered
        if covered is None:
            steps.append(
                (
                    f"Överenskommelsen gäller {first.isoformat()}–{last.isoformat()} och täcker ingen dag av perioden: bortfaller",
                    f"The agreement is in force {first.isoformat()}–{last.isoformat()} and covers no day of the period: discharged",
                )
            )
            return tuple(steps)
        if not self.partial:
            steps.append(
                (
                    f"Hela perioden omfattas av överenskommelsen: minst {self.base}",
                    f"The agreement covers the whole period: at least {self.base}",
                )
            )
            return tuple(steps)
        start, end = covered.start.isoformat(), covered.end.isoformat()
        steps.append(
            (
                f"Överenskommelsen omfattar bara en del av perioden: {start}–{end}, {covered.days} av {period.days} dagar",
                f"The agreement covers only part of the period: {start}–{end}, {covered.days} of {period.days} days",
            )
        )
        if self.not_required:
            steps.append(
                ("Delvis omfattad period: inget krav (I9 = not_required)", "A period covered in part: nothing required (I9 = not_required)")
            )
        else:
            steps.append(
                (
                    f"{self.base} × {covered.days}/{period.days} avrundat uppåt = {self.required}, senast {end} (I9 = proportional)",
                    f"{self.base} × {covered.days}/{period.days} rounded up = {self.required}, by {end} (I9 = proportional)",
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
    in_force = Period(first, last, "in force")
    start, end = max(period.start, first), min(period.end, last)
    if start > end:
        return Requirement(span, base, None, base, period.end, True, False, False, in_force, ())
    covered = Period(start, end, period.name)
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
    """What is counted, singular and plural, in Swedish and English."""

    sv_one: str
    sv_many: str
    en_one: str
    en_many: str

    def sv(self, n: int) -> str:
        return f"{n} {self.sv_one if n == 1 else self.sv_many}"

    def en(self, n: int) -> str:
        return f"{n} {self.en_one if n == 1 else self.en_many}"

    def en_more(self, n: int) -> str:
        return f"{n} more {self.en_one if n == 1 else self.en_many}"


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
    subject: tuple[str, str],
    noun: Noun,
    evidence: Iterable[Evidence] = (),
    settings: tuple[str, ...] = (),
    upcoming_during_period: bool = False,
    counting: tuple[str, str] = ("", ""),
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
    subject_sv, subject_en = subject
    label_sv, label_en = req.span.sv, req.span.en

    def reasoning() -> Steps:
        steps = list(req.reasoning())
        if counting != ("", ""):
            steps.append(counting)
        listed = ", ".join(d.isoformat() for d in days) or "–"
        steps.append((f"Räknas: {held} ({listed})", f"Counted: {held} ({listed})"))
        if not req.discharged:
            if done is not None:
                steps.append((f"Kravet {n} nåddes {done.isoformat()}", f"The count of {n} was reached on {done.isoformat()}"))
            else:
                steps.append((f"{short} till behövs senast {req.due.isoformat()}", f"{short} more needed by {req.due.isoformat()}"))
        return tuple(steps)

    def describe(status: str) -> tuple[str, str]:
        at_least = (f"{subject_sv} minst {noun.sv(n)} under {label_sv}", f"{subject_en} at least {noun.en(n)} in {label_en}")
        if status == "discharged" and req.not_required and req.covered is not None:
            covered = req.covered
            return (
                f"{subject_sv} minst {noun.sv(req.base)} under {label_sv}: krävs inte, överenskommelsen omfattar bara "
                f"{covered.start.isoformat()}–{covered.end.isoformat()} av perioden (I9).",
                f"{subject_en} at least {noun.en(req.base)} in {label_en}: not required, the agreement covers only "
                f"{covered.start.isoformat()}–{covered.end.isoformat()} of the period (I9).",
            )
        if status in ("pending", "due"):
            what = (
                f"{at_least[0]}: {noun.sv(short)} till behövs",
                f"{at_least[1]}: {noun.en_more(short)}",
            )
            return duty_message(status, ctx, what, req.due)
        if status == "violated":
            extra = (
                f"{held} av {n} hölls; {short} saknas.",
                f"{held} of {n} held; {short} missing.",
            )
            return duty_message(status, ctx, at_least, req.due, None, extra)
        return duty_message(status, ctx, at_least, req.due, done)

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
    texts: tuple[str, str],
    evidence: Iterable[Evidence] = (),
    settings: tuple[str, ...] = (),
    reasoning: tuple[tuple[str, str], ...] = (),
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
        describe=fixed_text(texts),
        due=day,
        event=True,
        discharged=ctx.is_discharged(day),
        evidence=tuple(evidence),
        settings=settings,
        reasoning=reasoning,
    )

