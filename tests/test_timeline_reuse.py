"""The incremental timeline reuses a clause's candidates only where nothing the clause read can have changed.

Every clause's candidates on every computed day are compared with a fresh evaluation of the clause on that day
(every field but the message and the reasoning), over the example, every scenario and generated facts; the
tracking itself (``iop_rules._tracking``) is checked on its own: each question asked of the day, each use of
the exact day, each collection of facts and each derived value read.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import operator
import pickle
from collections.abc import Iterator
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iop_rules import Agreement, Facts, load_facts, parse_facts
from iop_rules._tracking import DERIVED, FactsReader, Reads, TrackedDay, change_days, tracked, tracked_day
from iop_rules.context import Candidate, Context, build_context
from iop_rules.scenarios import ScenarioFile, load_scenario_file, merged_facts, scenario_files
from iop_rules.timeline import replay, timeline

from .conftest import EXAMPLE, day, make_facts
from .strategies import AGREEMENT, days, facts_snapshots, settings_overrides
from .test_timeline import contexts_built

timeline_module = importlib.import_module("iop_rules.timeline")
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
_IGNORED = ("describe", "reasoning")
"""A candidate's message and reasoning steps are no part of the timeline: every other field is compared."""


def _fields(candidate: Candidate) -> tuple[Any, ...]:
    return tuple(getattr(candidate, f.name) for f in fields(Candidate) if f.name not in _IGNORED)


class _Checked(timeline_module._Reuse):  # type: ignore[name-defined,misc]
    """The timeline's reuse, with every clause's candidates on every computed day compared with a fresh
    evaluation of the clause on that day's context."""

    made: ClassVar[list[_Checked]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checked = 0
        _Checked.made.append(self)

    def clause_candidates(self, index: int, ctx: Context, day: int, numbers: tuple[int, ...]) -> tuple[Candidate, ...]:
        reused = self.reused
        found: tuple[Candidate, ...] = super().clause_candidates(index, ctx, day, numbers)
        fresh = tuple(self._evaluators[index](ctx))
        how = "reused" if self.reused > reused else "evaluated with tracking"
        assert [_fields(c) for c in found] == [_fields(c) for c in fresh], (
            f"clause {index} on {ctx.as_of}: {how}, differs from a fresh evaluation"
        )
        self.checked += 1
        return found


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[_Checked]]:
    _Checked.made = []
    monkeypatch.setattr(timeline_module, "_Reuse", _Checked)
    yield _Checked.made


def _check_reuse(
    made: list[_Checked],
    facts: Facts,
    start: dt.date,
    end: dt.date,
    overrides: dict[str, object] | None = None,
    horizon: int | None = None,
) -> tuple[int, int]:
    """The timeline with every clause-day checked; returns (clause-days, of them reused)."""
    made.clear()
    timeline(AGREEMENT, facts, start, end, settings=overrides, horizon_days=horizon)
    (reuse,) = made
    assert reuse.checked == reuse.reused + reuse.evaluated
    return reuse.checked, reuse.reused


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {
            "I1": "bracket_date",
            "I2": "no_move",
            "I5": "after_every_meeting",
            "I14": "continues_without_grant",
            "I16": "while_in_force",
        },
    ],
    ids=["default", "other-readings"],
)
def test_every_reused_candidate_of_the_example_equals_a_fresh_evaluation(
    checked: list[_Checked], overrides: dict[str, object]
) -> None:
    facts = load_facts(EXAMPLE)
    total, reused = _check_reuse(checked, facts, day("2025-01-01"), day("2028-12-31"), overrides)
    # The point of it: most clause-days are reused, and every one of them is right.
    assert reused > 0.75 * total, f"only {reused} of {total} clause-days reused"


@cache
def _scenario_files() -> list[tuple[str, ScenarioFile]]:
    return [(path.stem, load_scenario_file(path)) for path in scenario_files(SCENARIOS)]


def _scenario_params() -> list[Any]:
    return [
        pytest.param(name, index, id=f"{name}::{index + 1}")
        for name, loaded in _scenario_files()
        for index in range(len(loaded.scenario))
    ]


@pytest.mark.parametrize(("name", "index"), _scenario_params())
def test_every_scenario_reuses_only_what_a_fresh_evaluation_gives(
    checked: list[_Checked], name: str, index: int
) -> None:
    """Over the whole term (and a little either side) with the scenario's facts and readings; and around its
    day, the timeline equals the daily replay."""
    loaded = dict(_scenario_files())[name]
    scenario = loaded.scenario[index]
    facts = parse_facts(merged_facts(loaded.facts or {}, scenario.facts), source=name)
    overrides = dict(scenario.settings)
    _check_reuse(checked, facts, day("2024-12-01"), day("2029-01-31"), overrides, scenario.horizon_days)
    start, end = scenario.as_of - dt.timedelta(days=5), scenario.as_of + dt.timedelta(days=5)
    kwargs: dict[str, Any] = {"settings": overrides, "horizon_days": scenario.horizon_days}
    assert timeline(AGREEMENT, facts, start, end, **kwargs) == replay(AGREEMENT, facts, start, end, **kwargs)


def _fewer(examples: int) -> settings:
    """A slow property runs fewer examples in the fast profile; the thorough profile keeps all of its own."""
    current = settings.default.max_examples
    return settings(max_examples=current if current >= 1000 else min(current, examples))


@_fewer(25)
@given(facts_snapshots(size=4), days(), st.integers(0, 1500), settings_overrides(), st.sampled_from([None, 0, 14]))
def test_generated_facts_reuse_only_what_a_fresh_evaluation_gives(
    facts: Facts, start: dt.date, length: int, overrides: dict[str, object], horizon: int | None
) -> None:
    made: ClassVar[list[_Checked]] = []
    original = timeline_module._Reuse
    _Checked.made = made
    timeline_module._Reuse = _Checked
    try:
        _check_reuse(made, facts, start, start + dt.timedelta(days=length), overrides, horizon)
    finally:
        timeline_module._Reuse = original


# --- The tracking on its own ---------------------------------------------------------------------------------


def _reads(on: dt.date, facts: Facts | None = None) -> Reads:
    return Reads(on.toordinal(), change_days(facts or make_facts()))


def _stretch(reads: Reads) -> tuple[dt.date, dt.date]:
    return dt.date.fromordinal(reads.first), dt.date.fromordinal(reads.last)


_OPERATORS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


@given(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.lists(
        st.tuples(
            st.sampled_from(sorted(_OPERATORS)), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), st.booleans()
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_comparisons_narrow_the_stretch_to_the_days_that_answer_alike(
    on: dt.date, questions: list[tuple[str, dt.date, bool]]
) -> None:
    """Every comparison, the day on either side, gives on each day of the stretch the answer it gave, and the
    stretch is no narrower than that: on the day before it (or after it) some answer differs."""
    reads = _reads(on)
    tracked_on = tracked_day(on, reads)
    answers = []
    for name, other, day_first in questions:
        compare = _OPERATORS[name]
        answer = compare(tracked_on, other) if day_first else compare(other, tracked_on)
        assert answer == (compare(on, other) if day_first else compare(other, on))
        answers.append(answer)

    def all_alike(candidate: dt.date) -> bool:
        return all(
            (_OPERATORS[name](candidate, other) if day_first else _OPERATORS[name](other, candidate)) == answer
            for (name, other, day_first), answer in zip(questions, answers, strict=True)
        )

    first, last = _stretch(reads)
    assert first <= on <= last
    probes = {
        first,
        last,
        on,
        *(d for _, other, _ in questions for d in (other - dt.timedelta(1), other, other + dt.timedelta(1))),
    }
    for probe in probes:
        if first <= probe <= last:
            assert all_alike(probe), f"{probe} in the stretch {first}..{last} answers differently"
    if first > dt.date.min:
        assert not all_alike(first - dt.timedelta(days=1)), "the stretch could start earlier"
    if last < dt.date.max:
        assert not all_alike(last + dt.timedelta(days=1)), "the stretch could end later"


_EXACT_USES = {
    "plus a day": lambda d: d + dt.timedelta(days=1),
    "a day plus": lambda d: dt.timedelta(days=1) + d,
    "minus a day": lambda d: d - dt.timedelta(days=1),
    "days to a date": lambda d: (dt.date(2030, 1, 1) - d).days,
    "days from a date": lambda d: (d - dt.date(2020, 1, 1)).days,
    "year": lambda d: d.year,
    "month": lambda d: d.month,
    "day": lambda d: d.day,
    "weekday": lambda d: d.weekday(),
    "isoweekday": lambda d: d.isoweekday(),
    "isocalendar": lambda d: d.isocalendar(),
    "toordinal": lambda d: d.toordinal(),
    "isoformat": lambda d: d.isoformat(),
    "str": str,
    "repr": repr,
    "f-string": lambda d: f"{d:%Y}",
    "strftime": lambda d: d.strftime("%d"),
    "ctime": lambda d: d.ctime(),
    "timetuple": lambda d: d.timetuple(),
    "replace": lambda d: d.replace(day=1),
    "hash": hash,
    "in a set": lambda d: d in {dt.date(2020, 1, 1)},
    "copy": copy.copy,
    "pickle": lambda d: pickle.loads(pickle.dumps(d)),
    "another kind of date": lambda d: d < type("Other", (dt.date,), {})(2020, 1, 1),
}


@pytest.mark.parametrize("use", sorted(_EXACT_USES))
def test_any_other_use_of_the_day_holds_on_that_day_only(use: str) -> None:
    on = day("2026-05-14")
    reads = _reads(on)
    result = _EXACT_USES[use](tracked_day(on, reads))
    assert result == _EXACT_USES[use](on), "the tracked day behaves as the day itself"
    assert type(result) is not TrackedDay, "a date made from it is a plain date"
    assert _stretch(reads) == (on, on)


def test_questions_that_do_not_depend_on_the_day_leave_the_stretch_whole() -> None:
    on = day("2026-05-14")
    reads = _reads(on)
    tracked_on = tracked_day(on, reads)
    same, datetime = tracked_on, dt.datetime(2026, 5, 14)
    # As a plain date answers: equal to itself, never equal to None, a string or a datetime, never ordered
    # against them.
    assert [op(tracked_on, same) for op in (operator.eq, operator.ne, operator.le, operator.lt)] == [
        True,
        False,
        True,
        False,
    ]
    assert [op(tracked_on, other) for other in (None, "2026-05-14", datetime) for op in (operator.eq, operator.ne)] == [
        False,
        True,
    ] * 3
    for other in (None, datetime):
        with pytest.raises(TypeError):
            operator.lt(tracked_on, other)
    assert _stretch(reads) == (dt.date.min, dt.date.max)


def test_after_the_evaluation_the_day_notes_nothing() -> None:
    on = day("2026-05-14")
    reads = _reads(on)
    tracked_on = tracked_day(on, reads)
    reads.recording = False
    assert tracked_on < day("2026-06-01") and tracked_on.year == 2026
    assert _stretch(reads) == (dt.date.min, dt.date.max)


def test_reading_a_collection_holds_until_a_record_of_it_becomes_known() -> None:
    facts = make_facts(
        meetings=[
            {"id": "m1", "date": "2025-03-12", "body": "network", "convener": "city", "present": ["fa"]},
            {"id": "m2", "date": "2025-09-10", "body": "network", "convener": "city", "present": ["fa"]},
        ]
    )
    on = day("2025-05-01")
    reads = _reads(on, facts)
    reader = FactsReader(facts.visible(on), reads, tracked_day(on, reads))
    assert [m.id for m in reader.meetings] == ["m1"]
    assert reads.collections == {"meetings"}
    assert _stretch(reads) == (day("2025-03-12"), day("2025-09-09"))
    # Another collection with no record changes nothing; the snapshot's day is the tracked day.
    assert reader.fees_charged == ()
    assert _stretch(reads) == (day("2025-03-12"), day("2025-09-09"))
    assert isinstance(reader.as_of, TrackedDay)


def test_reading_anything_else_of_the_facts_holds_on_that_day_only() -> None:
    on = day("2025-05-01")
    facts = make_facts()
    reads = _reads(on, facts)
    reader = FactsReader(facts.visible(on), reads, tracked_day(on, reads))
    assert reader.record_count() == facts.visible(on).record_count()
    assert _stretch(reads) == (on, on)


def test_a_tracked_context_notes_the_derived_values_read(agreement: Agreement) -> None:
    on = day("2026-05-14")
    facts = make_facts()
    ctx = build_context(agreement, facts, on, agreement.settings(None), 30)
    reads = _reads(on, facts)
    copy_ = tracked(ctx, reads)
    assert isinstance(copy_, Context)
    assert copy_.as_of == on and copy_.index.meetings == ()
    assert reads.derived == set() and reads.collections == {"meetings"}
    assert copy_.in_force_on(on)
    assert reads.derived == {"standing"}
    assert copy_.grant_amount(2027) == ctx.grant_amount(2027)
    assert "compensation" in reads.derived
    assert [getattr(copy_, name) for name in DERIVED] == [getattr(ctx, name) for name in DERIVED]


def _day_clause(ctx: Context) -> list[Candidate]:
    """A clause that keeps the day itself in a candidate: its due day is the evaluation day."""
    return [
        Candidate(
            "today", "note", "4", "term", "both", "info", lambda status: "", due=min(ctx.as_of, day("2030-01-01"))
        )
    ]


def _quiet_clause(ctx: Context) -> list[Candidate]:
    """A clause that asks one question of the day."""
    after = ctx.as_of > day("2026-01-01")
    return [Candidate("after", "note", "4", "term", "both", "info", lambda status: "", discharged=after)]


def test_a_day_kept_in_a_candidate_is_never_reused(agreement: Agreement) -> None:
    facts = make_facts()
    reuse = timeline_module._Reuse([_day_clause, _quiet_clause], facts)
    resolved = agreement.settings(None)
    dues, after = [], []
    for text in ("2025-06-01", "2025-06-02", "2026-01-01", "2026-01-02", "2026-01-03"):
        found = reuse.candidates(build_context(agreement, facts, day(text), resolved, 30))
        dues.append(found[0].due)
        after.append(found[1].discharged)
    assert dues == [day(t) for t in ("2025-06-01", "2025-06-02", "2026-01-01", "2026-01-02", "2026-01-03")]
    assert after == [False, False, False, True, True]
    # The first clause is evaluated every day; the second twice, once on each side of its question.
    assert reuse.evaluated == 5 + 2 and reuse.reused == 3


def test_the_review_pass_reuses_the_first_pass_contexts(agreement: Agreement, monkeypatch: pytest.MonkeyPatch) -> None:
    """No day's context is built twice: the review pass takes the first pass's where it computed the day, and
    a first-pass finding a review asks about (``ctx.history``) comes from the first pass's runs."""
    built = contexts_built(monkeypatch)
    passes: list[Any] = []
    monkeypatch.setattr(timeline_module, "first_pass", lambda ctx: passes.append(ctx))
    demands = [
        {"id": "d1", "date": "2025-03-05", "party": "city", "ground": "non_fulfilment"},
        {"id": "d2", "date": "2026-02-10", "party": "fa", "ground": "non_fulfilment", "concluded": "2026-04-01"},
    ]
    facts = make_facts(renegotiation_demands=demands)
    start, end = day("2025-01-01"), day("2026-12-31")
    changes = timeline(agreement, facts, start, end)
    # City's demand rests on no breach of the other party's on its day; the other's on the unpaid grant.
    ids = {c.finding_id for c in changes}
    assert "renegotiation-demand/d1/unsupported" in ids and "renegotiation-demand/d2/unsupported" not in ids
    assert len(built) == len(set(built)), "a day's context is built once"
    assert not passes, "no first pass is run again"
    monkeypatch.undo()
    assert changes == replay(agreement, facts, start, end)
