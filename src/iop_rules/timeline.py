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
- on a computed day a clause is evaluated again only when something it read can have changed since an
  evaluation of it on another day (``_Reuse``, with ``_tracking``): a question it asked of the day that would
  be answered differently, a collection of facts it read that gained a record, a derived value it read (the
  standing, the amendments…) that differs, or any use of the exact day. Otherwise that evaluation's candidates
  are reused, the same objects;
- the review pass (§9 rights over other duties' outcomes) is run again wherever a first-pass status changes,
  on the first pass's contexts and findings (``ctx.history`` included): nothing of the first pass is evaluated
  again.

Messages ("3 days left") change daily and are not part of the timeline: it is about statuses, and findings
appearing (``from_status`` None) or disappearing (``to_status`` None). On the first day every finding present
appears, so that the status of any finding on any day can be read off the timeline.
"""

from __future__ import annotations

import datetime as dt
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, cast

from . import engine
from ._tracking import DERIVED, Reads, change_days, dates_in, derived, tracked
from ._types import MAX_DAY, MIN_DAY, InputError
from .agreement import Agreement, Settings
from .catalogue import msg
from .clauses import CLAUSES
from .context import Candidate, Context, build_context
from .dates import add_months
from .evaluate import evaluate, first_pass
from .facts import Facts
from .report import Finding, Status, Text

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
            raise InputError(msg("error.timeline.not_a_date", field=name, value=repr(day), first=MIN_DAY, last=MAX_DAY))
    if end < start:
        raise InputError(msg("error.timeline.end_before_start", start=start, end=end))


def _seed_days(agreement: Agreement, facts: Facts, settings: Settings, start: dt.date, end: dt.date) -> set[dt.date]:
    """The days on which the clauses' inputs can change, before any duty's deadline is known."""
    days = {start, end}
    days.update(d for d in dates_in(facts.model_copy(update={"as_of": None})))
    # The agreement's dates, and the day after each (a term's end, the §4 cutoff); configured terms only count
    # when I3 reads "termin" as configured.
    agreement_days = [*dates_in(agreement.model_copy(update={"interpretations": {}}))]
    if settings.I3 == "configured":
        agreement_days.extend(dates_in(agreement.interpretations))
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
        runs_at = observed.runs_at[day] = {}
        for finding_id in list(open_runs):
            if finding_id not in seen:
                del open_runs[finding_id]
        for finding_id, candidate in seen.items():
            run = open_runs.get(finding_id)
            # A candidate reused from an earlier day is the same object: its key is the same.
            if run is not None and (run.candidate is candidate or run.key == _key(candidate)):
                run.stop = stop
            else:
                run = _Run(finding_id, day, stop, _key(candidate), candidate, observed.contexts[day])
                open_runs[finding_id] = run
                out.setdefault(finding_id, []).append(run)
            runs_at[finding_id] = run
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


@dataclass(frozen=True)
class _Result:
    """One evaluation of a clause: its candidates, and what they hold on (``Reads``)."""

    day: int
    first: int
    last: int
    """The stretch of days (day numbers) on which every question it asked of the day and the facts it read
    are the same."""
    derived: tuple[tuple[int, int], ...]
    """The derived values it read: their place in ``DERIVED`` and their number among that value's variants."""
    candidates: tuple[Candidate, ...]


class _Reuse:
    """Each clause's candidates on the computed days, evaluated again only where something it read can have
    changed (``_tracking``): on another day, the candidates of an evaluation are reused when the day lies in the
    stretch its reads allow and the derived values it read are equal to those of its own day."""

    def __init__(self, evaluators: Sequence[Callable[[Context], Iterable[Candidate]]], facts: Facts) -> None:
        self._evaluators = evaluators
        self._changes = change_days(facts)
        self._results: list[list[_Result]] = [[] for _ in evaluators]
        self._variants: list[list[Any]] = [[] for _ in DERIVED]
        self.evaluated = 0
        self.reused = 0

    def _numbers(self, ctx: Context) -> tuple[int, ...]:
        # Each derived value's number among the variants seen, so that comparing two days compares numbers.
        out = []
        for value, variants in zip(derived(ctx), self._variants, strict=True):
            if value not in variants:
                variants.append(value)
            out.append(variants.index(value))
        return tuple(out)

    def candidates(self, ctx: Context) -> list[Candidate]:
        """Every clause's candidates on the context's day, in registry order."""
        day = ctx.as_of.toordinal()
        numbers = self._numbers(ctx)
        out: list[Candidate] = []
        for index in range(len(self._evaluators)):
            out.extend(self.clause_candidates(index, ctx, day, numbers))
        return out

    def clause_candidates(self, index: int, ctx: Context, day: int, numbers: tuple[int, ...]) -> tuple[Candidate, ...]:
        """One clause's candidates on the context's day: reused where an evaluation holds on it, else evaluated."""
        results = self._results[index]
        # The evaluations nearest before and after the day are the likeliest to hold on it.
        at = bisect_right(results, day, key=attrgetter("day"))
        for result in results[max(at - 1, 0) : at + 1]:
            if result.first <= day <= result.last and all(numbers[i] == n for i, n in result.derived):
                self.reused += 1
                return result.candidates
        return self._evaluate(index, ctx, day, numbers)

    def _evaluate(self, index: int, ctx: Context, day: int, numbers: tuple[int, ...]) -> tuple[Candidate, ...]:
        reads = Reads(day, self._changes)
        copy = tracked(ctx, reads)
        held = sys.getrefcount(copy.as_of)
        found = tuple(self._evaluators[index](copy))
        # Anything still holding the day object after the evaluation (a candidate's field, its evidence, a
        # message) may show the exact day: ``due = min(deadline, ctx.as_of)``.
        if sys.getrefcount(copy.as_of) > held:
            reads.exact()
        reads.recording = False
        self.evaluated += 1
        read = tuple((i, numbers[i]) for i, name in enumerate(DERIVED) if name in reads.derived)
        result = _Result(day, reads.first, reads.last, read, found)
        results = self._results[index]
        results.insert(bisect_right(results, day, key=attrgetter("day")), result)
        return found


class _Days:
    """The computed days of one pass: the context and the candidates on each."""

    def __init__(self) -> None:
        self.contexts: dict[dt.date, Context] = {}
        self.candidates: dict[dt.date, dict[str, Candidate]] = {}
        self.runs_at: dict[dt.date, dict[str, _Run]] = {}
        """The run each candidate of a day is in (set by ``_runs``)."""

    def add(self, day: dt.date, ctx: Context, found: list[Candidate]) -> None:
        self.contexts[day] = ctx
        self.candidates[day] = {c.id: c for c in found}


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
        raise InputError(msg("error.horizon.negative", value=horizon))

    def context(day: dt.date) -> Context:
        return build_context(agreement, facts, day, resolved, horizon)

    # First pass: the clauses on every day their inputs can change, until no new deadline adds a day.
    first = _Days()
    clauses = _Reuse([clause.evaluate for clause in CLAUSES], facts)
    todo = _seed_days(agreement, facts, resolved, start, end)
    while todo:
        for day in sorted(todo):
            ctx = context(day)
            first.add(day, ctx, clauses.candidates(ctx))
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


def _with(ctx: Context, **values: Any) -> Context:
    """A copy of a context with some fields set (``dataclasses.replace`` without deriving anything again: the
    copy keeps the groupings of the facts already made)."""
    out = object.__new__(Context)
    out.__dict__.update(ctx.__dict__)
    out.__dict__.update(values)
    return out


_UNWRITTEN = Text(sv="", en="", id="timeline.unwritten", values={})


def _unwritten(status: str) -> Text:
    """The message of a first-pass finding the review pass sees: not written, messages are no part of the
    timeline (and a review's candidates rest on statuses, never on another finding's words)."""
    return _UNWRITTEN


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
    computed = sorted(first.contexts)
    history_cache: dict[dt.date, tuple[Finding, ...]] = {}
    made: dict[tuple[int, Status], Finding] = {}
    # A number for each distinct content, so that a candidate's content is hashed once: a candidate reused on
    # many days is one object.
    contents: dict[tuple[Any, ...], int] = {}
    numbers: dict[int, int] = {}
    by_object: dict[tuple[int, Status], Finding] = {}
    layouts: dict[dt.date, tuple[list[Finding], list[tuple[int, Candidate, _Run]]]] = {}

    def finding(candidate: Candidate, status: Status, base_ctx: Context) -> Finding:
        # Candidates are kept for the whole pass (in ``first``): an object's id names it.
        found = by_object.get((id(candidate), status))
        if found is not None:
            return found
        number = numbers.get(id(candidate))
        if number is None:
            number = numbers[id(candidate)] = contents.setdefault(_content(candidate), len(contents))
        found = made.get((number, status))
        if found is None:
            # Built once per content and status, without its message: only the message ("3 days left") would
            # differ, and no review reads it.
            silent = copy(candidate)
            silent.describe = _unwritten
            found = made[(number, status)] = silent.finding(status, base_ctx)
        by_object[(id(candidate), status)] = found
        return found

    def layout(base: dt.date, until: dt.date) -> tuple[list[Finding], list[tuple[int, Candidate, _Run]]]:
        # A computed day's findings by id, from it until the next computed day: those whose status stays the
        # same made once, and the places of those whose status moves in between.
        if base not in layouts:
            runs_at, candidates, base_ctx = first.runs_at[base], first.candidates[base], first.contexts[base]
            fixed: list[Finding] = []
            moving: list[tuple[int, Candidate, _Run]] = []
            for place, finding_id in enumerate(sorted(candidates)):
                candidate, run = candidates[finding_id], runs_at[finding_id]
                statuses = run.statuses
                if len(statuses) == 1:
                    fixed.append(finding(candidate, statuses[0][1], base_ctx))
                    continue
                fixed.append(finding(candidate, run.status_on(base), base_ctx))
                for point, _ in statuses:
                    if base < point < until:
                        moving.append((place, candidate, run))
                        break
            layouts[base] = (fixed, moving)
        return layouts[base]

    def first_findings(day: dt.date) -> tuple[Finding, ...]:
        # The first pass's findings on a day of the span, from the computed day at or before it and the runs.
        at = bisect_right(computed, day)
        base = computed[at - 1]
        fixed, moving = layout(base, computed[at] if at < len(computed) else end + _ONE)
        if not moving or day == base:
            return tuple(fixed)
        findings = list(fixed)
        for place, candidate, run in moving:
            findings[place] = finding(candidate, run.status_on(day), first.contexts[base])
        return tuple(findings)

    def context_on(day: dt.date) -> Context:
        # The first pass's context where it computed the day (the same agreement, facts, day and settings).
        return first.contexts.get(day) or build_context(agreement, facts, day, settings, horizon)

    def history_for(as_of: dt.date) -> Callable[[dt.date], tuple[Finding, ...]]:
        def history(day: dt.date) -> tuple[Finding, ...]:
            # For a day up to the evaluation day, the facts known then are the same whatever the evaluation day.
            if day > as_of:
                return first_pass(build_context(agreement, facts.visible(as_of), day, settings, horizon))
            if day not in history_cache:
                history_cache[day] = first_findings(day) if start <= day else first_pass(context_on(day))
            return history_cache[day]

        return history

    review = _Days()
    for day in sorted(d for d in days if start <= d <= end):
        findings = first_findings(day)
        ctx = _with(context_on(day), history=history_for(day), one_off_ids=one_off_ids)
        found = [c for reviewer in reviewers for c in reviewer(ctx, findings)]
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
