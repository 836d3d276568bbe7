"""The analytic timeline: every change of a finding's status between two days, from the duties' own dates.

Replaying a history day by day (``replay``) evaluates every day. ``timeline`` gets the same changes by working
out on which days anything can change and evaluating the clauses only there:

- the days the clauses' inputs change: a fact's day (it becomes visible), the agreement's own dates and the day
  after each (term start and end, half term, the §4 cutoff, configured terms), period boundaries (1 January,
  1 July, each anniversary of the start), and the day after the agreement's last day as known on a day;
- the day after each duty's deadline, where a period closes and its duty may appear or change;
- between those days a candidate's fields stay the same, and its status moves only where the engine's rules
  compare the day with its deadline: on ``due − horizon`` (pending → due) and ``due + 1`` (due → violated).
  Those points are classified by the engine in one batch, each distinct fact once;
- the review pass (§9 rights over other duties' outcomes) is run again wherever a first-pass status changes.

Messages ("3 days left") change daily and are not part of the timeline: it is about statuses, and findings
appearing (``from_status`` None) or disappearing (``to_status`` None). On the first day every finding present
appears, so that the status of any finding on any day can be read off the timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, cast

from pydantic import BaseModel

from . import engine
from ._types import MAX_DAY, MIN_DAY, InputError
from .agreement import Agreement, Settings
from .clauses import CLAUSES
from .context import Candidate, Context, build_context
from .dates import add_months
from .evaluate import evaluate, first_pass
from .facts import Facts
from .report import Finding, Status

_ONE = dt.timedelta(days=1)
_AS_OF_FIELDS = ("id", "as_of_day", "horizon_day")
"""The engine fact's fields that depend on the day or name the fact; every other field is the candidate's own."""
_OWN_FIELDS = tuple(name for name in engine.EngineFact._fields if name not in _AS_OF_FIELDS)


@dataclass(frozen=True)
class StatusChange:
    """A finding's status changed on a day: it appeared (``from_status`` None), moved, or disappeared."""

    finding_id: str
    """The finding's stable id, e.g. ``grant-payment/2026``."""
    from_status: Status | None
    """Its status the day before, or None when it was not a finding then (or on the timeline's first day)."""
    to_status: Status | None
    """Its status on the day, or None when it is no longer a finding."""
    date: dt.date
    """The first day of the new status."""

    def as_dict(self) -> dict[str, str | None]:
        """The change as JSON-ready data."""
        return {"date": self.date.isoformat(), "id": self.finding_id, "from": self.from_status, "to": self.to_status}


def _check_span(start: dt.date, end: dt.date) -> None:
    for name, day in (("start", start), ("end", end)):
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime) or not MIN_DAY <= day <= MAX_DAY:
            raise InputError(
                f"{name}: {day!r} är inget datum mellan 1900-01-01 och 2100-12-31",
                f"{name}: {day!r} is not a date between 1900-01-01 and 2100-12-31",
            )
    if end < start:
        raise InputError(
            f"tidslinjen: slutet {end.isoformat()} ligger före början {start.isoformat()}",
            f"timeline: the end {end.isoformat()} is before the start {start.isoformat()}",
        )


def _dates_in(value: Any) -> Iterator[dt.date]:
    """Every date anywhere in a model (a fact's day, a signature's day, a determination's day…)."""
    if isinstance(value, dt.date):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates_in(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _dates_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _dates_in(item)


def _seed_days(agreement: Agreement, facts: Facts, settings: Settings, start: dt.date, end: dt.date) -> set[dt.date]:
    """The days on which the clauses' inputs can change, before any duty's deadline is known."""
    days = {start, end}
    days.update(d for d in _dates_in(facts.model_copy(update={"as_of": None})))
    # The agreement's dates, and the day after each (a term's end, the §4 cutoff); configured terms only count
    # when I3 reads "termin" as configured.
    agreement_days = [*_dates_in(agreement.model_copy(update={"interpretations": {}}))]
    if settings.I3 == "configured":
        agreement_days.extend(_dates_in(agreement.interpretations))
    for day in agreement_days:
        days.update((day, day + _ONE))
    term = agreement.term
    for year in range(start.year, end.year + 2):
        days.update((dt.date(year, 1, 1), dt.date(year, 7, 1)))
    anniversary, index = term.start, 0
    while anniversary <= end:
        index += 1
        anniversary = add_months(term.start, 12 * index, settings.I8)
        days.add(anniversary)
    return {d for d in days if start <= d <= end}


_CONTENT_FIELDS = tuple(f.name for f in fields(Candidate) if f.name not in ("describe", "reasoning", "always_upcoming"))


_content_of = attrgetter(*_CONTENT_FIELDS)


def _content(candidate: Candidate) -> tuple[Any, ...]:
    """Everything a candidate's finding holds except its message."""
    content: tuple[Any, ...] = _content_of(candidate)
    return content


def _key(candidate: Candidate) -> tuple[Any, ...]:
    """What decides a candidate's status besides the day: the fields its engine fact is made of."""
    c = candidate
    return (c.kind, c.event, c.due, c.done, c.discharged, c.assess, c.available, c.exercised, c.condition)


@dataclass
class _Run:
    """A candidate whose own fields stay the same from ``start`` until the day before ``stop``."""

    finding_id: str
    start: dt.date
    stop: dt.date
    key: tuple[Any, ...]
    candidate: Candidate
    ctx: Context
    statuses: list[tuple[dt.date, Status]] = field(default_factory=list)

    def points(self, horizon: int) -> list[dt.date]:
        """The days its status can change: the run's start, due − horizon and due + 1 inside the run."""
        out = [self.start]
        due = self.candidate.due
        if due is not None:
            for day in (due - dt.timedelta(days=horizon), due + _ONE):
                if self.start < day < self.stop:
                    out.append(day)
        return sorted(set(out))

    def status_on(self, day: dt.date) -> Status:
        """Its status on a day inside the run."""
        current = self.statuses[0][1]
        for start, status in self.statuses:
            if start > day:
                break
            current = status
        return current


def _runs(observed: _Days, end: dt.date) -> dict[str, list[_Run]]:
    """Runs of equal fields per finding, from what the clauses returned on each computed day."""
    days = sorted(observed.contexts)
    out: dict[str, list[_Run]] = {}
    open_runs: dict[str, _Run] = {}
    for index, day in enumerate(days):
        stop = days[index + 1] if index + 1 < len(days) else end + _ONE
        seen = observed.candidates[day]
        for finding_id in list(open_runs):
            if finding_id not in seen:
                del open_runs[finding_id]
        for finding_id, candidate in seen.items():
            key = _key(candidate)
            run = open_runs.get(finding_id)
            if run is not None and run.key == key:
                run.stop = stop
                continue
            run = _Run(finding_id, day, stop, key, candidate, observed.contexts[day])
            open_runs[finding_id] = run
            out.setdefault(finding_id, []).append(run)
    return out


def _classify_runs(runs: Mapping[str, list[_Run]], horizon: int) -> None:
    """Classify every run's change points with the engine, in one batch with each distinct fact once."""
    distinct: dict[tuple[Any, ...], engine.EngineFact] = {}
    wanted: list[tuple[_Run, dt.date, tuple[Any, ...]]] = []
    for finding_runs in runs.values():
        for run in finding_runs:
            fact = run.candidate.engine_fact(run.ctx)
            own = tuple(getattr(fact, name) for name in _OWN_FIELDS)
            for day in run.points(horizon):
                as_of = day.toordinal()
                signature = (as_of, as_of + horizon, *own)
                if signature not in distinct:
                    distinct[signature] = engine.EngineFact(
                        f"t{len(distinct)}",
                        **dict(zip(("as_of_day", "horizon_day", *_OWN_FIELDS), signature, strict=True)),
                    )
                wanted.append((run, day, signature))
    statuses = engine.classify(list(distinct.values()))
    for run, day, signature in wanted:
        run.statuses.append((day, cast(Status, statuses[distinct[signature].id])))


class _Days:
    """The computed days of one pass: the context and the candidates on each."""

    def __init__(self) -> None:
        self.contexts: dict[dt.date, Context] = {}
        self.candidates: dict[dt.date, dict[str, Candidate]] = {}

    def add(self, day: dt.date, ctx: Context, found: list[Candidate]) -> None:
        self.contexts[day] = ctx
        self.candidates[day] = {c.id: c for c in found}


def _status_function(runs: list[_Run]) -> Callable[[dt.date], Status | None]:
    def status(day: dt.date) -> Status | None:
        for run in runs:
            if run.start <= day < run.stop:
                return run.status_on(day)
        return None

    return status


def _changes(runs: Mapping[str, list[_Run]], start: dt.date, end: dt.date) -> list[StatusChange]:
    """The changes the runs of each finding make: appearing, moving, disappearing."""
    out: list[StatusChange] = []
    for finding_id, finding_runs in runs.items():
        previous: Status | None = None
        cursor = start
        for run in sorted(finding_runs, key=lambda r: r.start):
            if run.start > cursor and previous is not None:
                out.append(StatusChange(finding_id, previous, None, cursor))
                previous = None
            for day, status in sorted(run.statuses):
                if status != previous:
                    out.append(StatusChange(finding_id, previous, status, day))
                    previous = status
            cursor = run.stop
        if previous is not None and cursor <= end:
            out.append(StatusChange(finding_id, previous, None, cursor))
    return out


def timeline(
    agreement: Agreement,
    facts: Facts,
    start: dt.date,
    end: dt.date,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
) -> tuple[StatusChange, ...]:
    """Every status change of every finding from ``start`` to ``end`` inclusive, in date order.

    Equal to ``replay`` (a daily evaluation), computed from the duties' own dates. ``settings`` overrides
    interpretation settings (I1–I16) as in ``evaluate``.
    """
    _check_span(start, end)
    resolved = agreement.settings(settings)
    horizon = resolved.I13 if horizon_days is None else horizon_days
    if horizon < 0:
        raise InputError(f"horizon_days: {horizon} är negativt", f"horizon_days: {horizon} is negative")

    def context(day: dt.date) -> Context:
        return build_context(agreement, facts, day, resolved, horizon)

    # First pass: the clauses on every day their inputs can change, until no new deadline adds a day.
    first = _Days()
    todo = _seed_days(agreement, facts, resolved, start, end)
    while todo:
        for day in sorted(todo):
            ctx = context(day)
            first.add(day, ctx, [c for clause in CLAUSES for c in clause.evaluate(ctx)])
        found: set[dt.date] = set()
        for day, ctx in first.contexts.items():
            found.add(ctx.standing.last_day + _ONE)
            found.update(c.due + _ONE for c in first.candidates[day].values() if c.due is not None)
        todo = {d for d in found if start <= d <= end and d not in first.contexts}
    first_runs = _runs(first, end)
    _classify_runs(first_runs, horizon)

    runs = dict(first_runs)
    reviewers = [clause.review for clause in CLAUSES if clause.review is not None]
    if reviewers:
        review = _review_pass(agreement, facts, resolved, horizon, first, first_runs, reviewers, start, end)
        for finding_id, finding_runs in review.items():
            runs.setdefault(finding_id, []).extend(finding_runs)
    changes = _changes(runs, start, end)
    return tuple(sorted(changes, key=lambda c: (c.date, c.finding_id)))


Reviewer = Callable[[Context, Any], Any]


def _review_pass(
    agreement: Agreement,
    facts: Facts,
    settings: Settings,
    horizon: int,
    first: _Days,
    first_runs: Mapping[str, list[_Run]],
    reviewers: list[Reviewer],
    start: dt.date,
    end: dt.date,
) -> dict[str, list[_Run]]:
    """The review pass on every computed day and every day a first-pass status changes."""
    days = set(first.contexts)
    for finding_runs in first_runs.values():
        for run in finding_runs:
            days.update(day for day, _ in run.statuses)
    # §9 / I16: the day after a one-off breach stops founding a demand, a right's status may change.
    one_off: dict[str, set[dt.date]] = {}
    for candidates in first.candidates.values():
        for candidate in candidates.values():
            if candidate.event or candidate.one_off:
                dues = one_off.setdefault(candidate.id, set())
                if candidate.due is not None:
                    dues.add(candidate.due)
    any_ctx = next(iter(first.contexts.values()), None)
    if any_ctx is not None:
        for due in {d for dues in one_off.values() for d in dues}:
            ends = any_ctx.one_off_ground_end(due)
            if ends is not None:
                days.add(ends + _ONE)
    one_off_ids = frozenset(one_off)
    status = {finding_id: _status_function(r) for finding_id, r in first_runs.items()}
    computed = sorted(first.contexts)
    history_cache: dict[dt.date, tuple[Finding, ...]] = {}
    made: dict[tuple[int, str], Finding] = {}
    # A number for each distinct content, so that a candidate's content is hashed once per computed day.
    contents: dict[tuple[Any, ...], int] = {}
    tokens: dict[tuple[dt.date, str], int] = {}

    def context_on(day: dt.date) -> Context:
        # The first pass's context where it computed the day (the same agreement, facts, day and settings).
        return first.contexts.get(day) or build_context(agreement, facts, day, settings, horizon)

    def history_for(as_of: dt.date) -> Callable[[dt.date], tuple[Finding, ...]]:
        def history(day: dt.date) -> tuple[Finding, ...]:
            # For a day up to the evaluation day, the facts known then are the same whatever the evaluation day.
            if day > as_of:
                return first_pass(build_context(agreement, facts.visible(as_of), day, settings, horizon))
            if day not in history_cache:
                history_cache[day] = first_pass(context_on(day))
            return history_cache[day]

        return history

    review = _Days()
    index = 0
    for day in sorted(d for d in days if start <= d <= end):
        while index + 1 < len(computed) and computed[index + 1] <= day:
            index += 1
        base = computed[index]
        base_ctx = first.contexts[base]
        findings = []
        for finding_id, candidate in first.candidates[base].items():
            current = status[finding_id](day)
            assert current is not None
            token = tokens.get((base, finding_id))
            if token is None:
                token = tokens[(base, finding_id)] = contents.setdefault(_content(candidate), len(contents))
            key = (token, current)
            if key not in made:
                # Built once per content and status: only the message ("3 days left") would differ.
                made[key] = candidate.finding(current, base_ctx)
            findings.append(made[key])
        findings.sort(key=lambda f: f.id)
        ctx = replace(context_on(day), history=history_for(day), one_off_ids=one_off_ids)
        found = [c for reviewer in reviewers for c in reviewer(ctx, tuple(findings))]
        review.add(day, ctx, found)
    review_runs = _runs(review, end)
    _classify_runs(review_runs, horizon)
    return review_runs


def replay(
    agreement: Agreement,
    facts: Facts,
    start: dt.date,
    end: dt.date,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
) -> tuple[StatusChange, ...]:
    """The same changes as ``timeline``, by evaluating every day from ``start`` to ``end`` (the brute force)."""
    _check_span(start, end)
    out: list[StatusChange] = []
    previous: dict[str, Status] = {}
    day = start
    while day <= end:
        report = evaluate(agreement, facts, as_of=day, horizon_days=horizon_days, settings=settings)
        current = {f.id: f.status for f in report.findings()}
        for finding_id in sorted(previous.keys() | current.keys()):
            before, after = previous.get(finding_id), current.get(finding_id)
            if before != after:
                out.append(StatusChange(finding_id, before, after, day))
        previous = current
        day += _ONE
    return tuple(out)
