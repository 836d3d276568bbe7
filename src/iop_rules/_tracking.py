"""What one evaluation of a clause read of its day, so that the timeline can reuse its candidates on another day.

A clause sees its day through the context: the evaluation day itself (``ctx.as_of``), the facts known on it
(``ctx.facts``, and ``ctx.index`` built from them), and what the core derived from both (``DERIVED``: the
amendments judged under §10, the compensation agreement, the notices, the standing). The agreement, the
settings, the horizon (and in a review pass the first pass's ids and history) are the same on every day of one
pass.

``tracked`` gives a clause a copy of its day's context that notes those reads in a ``Reads``:

- the evaluation day is a ``TrackedDay``, a ``datetime.date`` equal to it that notes every comparison made
  with a date. ``as_of < deadline`` gives the same answer on every day before the deadline, so each comparison
  narrows the stretch of days (``first``..``last``) on which all of them give the answers they gave. Any other
  use of the day (arithmetic, its year, formatting, hashing, copying, a comparison with another kind of date)
  depends on the exact day: the stretch shrinks to the day itself. So does the day object itself kept by
  anything once the evaluation is over (``due = min(deadline, ctx.as_of)``, or a message naming the day): the
  timeline checks that nothing holds it.
- the facts are a ``FactsReader``: reading a collection (``ctx.facts.meetings``, or through ``ctx.index``,
  which is built again from the reader) narrows the stretch to the days on which the collection's known
  records are the same. ``Facts.visible`` leaves a record (or a signature, a determination, a repayment inside
  it) out only by comparing a date in it with the day, so the collection is the same between two of the dates
  in its records (``change_days``). Anything else read of the facts depends on the exact day.
- the derived values read are noted by name, and compared whole with those of another day.

The clause's candidates are then the same on every day of the stretch whose derived values (those read) are
equal: what a clause computes from the same facts, the same derived values and the same answers to every
question it asked of the day is the same, whatever the day. A clause stays as easy to write: it reads its
context as before, and a use of the day the tracking cannot see through only makes it evaluated on every
computed day.

One way to read the day unseen remains: C code that reads a date's fields without asking it
(``datetime.datetime.combine``). No clause does; the timeline's tests compare every clause's candidates on
every computed day with a fresh evaluation, over the example, every scenario and generated facts, so such a
use would fail them.
"""

from __future__ import annotations

import datetime as dt
import operator
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from .context import Context
from .facts import _COLLECTIONS, Facts

_ORDINAL = dt.date.toordinal


class Reads:
    """What one evaluation read of its day: the stretch of days (as day numbers) on which everything it read is
    the same, and the collections of facts it read."""

    __slots__ = ("_changes", "collections", "day", "derived", "first", "last", "recording")

    def __init__(self, day: int, changes: Mapping[str, list[int]]) -> None:
        self.day = day
        self.first = _ORDINAL(dt.date.min)
        self.last = _ORDINAL(dt.date.max)
        self.collections: set[str] = set()
        self.derived: set[str] = set()
        """The derived values read (``DERIVED``)."""
        self.recording = True
        self._changes = changes

    def exact(self) -> None:
        """The evaluation used the exact day: it holds on no other."""
        if self.recording:
            self.first = self.last = self.day

    def from_day(self, threshold: int, holds: bool) -> None:
        """The evaluation asked whether the day is on or after ``threshold`` (a day number); the answer was
        ``holds``."""
        if not self.recording:
            return
        if holds:
            if threshold > self.first:
                self.first = threshold
        elif threshold - 1 < self.last:
            self.last = threshold - 1

    def equal_to(self, other: int) -> None:
        """The evaluation asked whether the day is ``other``."""
        if other == self.day:
            self.exact()
        elif other > self.day:
            self.from_day(other, False)
        else:
            self.from_day(other + 1, True)

    def collection(self, name: str) -> None:
        """The evaluation read a collection of facts: it holds while no record of it becomes known."""
        if not self.recording or name in self.collections:
            return
        self.collections.add(name)
        changes = self._changes.get(name, ())
        index = bisect_right(changes, self.day)
        if index > 0:
            self.from_day(changes[index - 1], True)
        if index < len(changes):
            self.from_day(changes[index], False)

    def holds_on(self, day: int) -> bool:
        """Whether everything read is the same on ``day`` (the derived values aside)."""
        return self.first <= day <= self.last


class TrackedDay(dt.date):
    """The evaluation day, noting in its ``Reads`` every question asked of it."""

    __slots__ = ("_day", "_reads")

    _reads: Reads
    _day: int

    def _unusual(self, other: object, compare: Callable[[Any, Any], Any]) -> Any:
        # The answer a plain date gives. About the day itself, or about something that is no date (None, a
        # datetime: never equal, never ordered), it is the same on every day; about any other kind of date it
        # is taken as depending on the exact day.
        if other is self:
            return compare(self._day, self._day)
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            self._reads.exact()
        return compare(dt.date.fromordinal(self._day), other)

    def __lt__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.lt)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        result = self._day < number
        self._reads.from_day(number, not result)
        return result

    def __le__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.le)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        result = self._day <= number
        self._reads.from_day(number + 1, not result)
        return result

    def __gt__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.gt)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        result = self._day > number
        self._reads.from_day(number + 1, result)
        return result

    def __ge__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.ge)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        result = self._day >= number
        self._reads.from_day(number, result)
        return result

    def __eq__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.eq)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        self._reads.equal_to(number)
        return self._day == number

    def __ne__(self, other: object) -> bool:
        if type(other) is not dt.date:
            return self._unusual(other, operator.ne)  # type: ignore[no-any-return]
        number = _ORDINAL(other)
        self._reads.equal_to(number)
        return self._day != number

    def __hash__(self) -> int:
        self._reads.exact()
        return dt.date.__hash__(self)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        self._reads.exact()
        return (dt.date.fromordinal, (self._day,))

    def __reduce__(self) -> tuple[Any, ...]:
        return self.__reduce_ex__(2)

    def __repr__(self) -> str:
        self._reads.exact()
        return repr(dt.date.fromordinal(self._day))


def _exact_method(name: str) -> Callable[..., Any]:
    plain = getattr(dt.date, name)

    def method(self: TrackedDay, *args: Any, **kwargs: Any) -> Any:
        self._reads.exact()
        result = plain(self, *args, **kwargs)
        # Arithmetic and ``replace`` on a subclass make an instance of it: hand back a plain date.
        return dt.date.fromordinal(_ORDINAL(result)) if isinstance(result, TrackedDay) else result

    method.__name__ = name
    return method


def _exact_property(name: str) -> property:
    plain = getattr(dt.date, name)

    def getter(self: TrackedDay) -> Any:
        self._reads.exact()
        return plain.__get__(self, dt.date)

    return property(getter)


for _name in (
    "toordinal",
    "weekday",
    "isoweekday",
    "isocalendar",
    "isoformat",
    "strftime",
    "ctime",
    "timetuple",
    "replace",
    "__format__",
    "__str__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
):
    setattr(TrackedDay, _name, _exact_method(_name))
for _name in ("year", "month", "day"):
    setattr(TrackedDay, _name, _exact_property(_name))


def tracked_day(day: dt.date, reads: Reads) -> TrackedDay:
    """The day ``day``, noting in ``reads`` what is asked of it."""
    number = _ORDINAL(day)
    out = TrackedDay.fromordinal(number)
    assert isinstance(out, TrackedDay)
    out._reads, out._day = reads, number
    return out


class FactsReader:
    """The facts known on the evaluation day, noting in its ``Reads`` which collections are read."""

    __slots__ = ("_day", "_facts", "_reads")

    def __init__(self, facts: Facts, reads: Reads, day: TrackedDay) -> None:
        self._facts, self._reads, self._day = facts, reads, day

    def __getattr__(self, name: str) -> Any:
        if name in _COLLECTION_NAMES:
            self._reads.collection(name)
        elif name == "as_of":
            return self._day
        else:
            self._reads.exact()
        return getattr(self._facts, name)


_COLLECTION_NAMES = frozenset(_COLLECTIONS)


def change_days(facts: Facts) -> dict[str, list[int]]:
    """For each collection, the days (day numbers) on which what is known of it may change: every date in it."""
    return {name: sorted({_ORDINAL(d) for d in dates_in(getattr(facts, name))}) for name in _COLLECTIONS}


def dates_in(value: Any) -> Iterator[dt.date]:
    """Every date anywhere in a model (a fact's day, a signature's day, a determination's day…)."""
    if isinstance(value, dt.date):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from dates_in(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from dates_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from dates_in(item)


DERIVED = ("standing", "amendments", "compensation", "notices")
"""The values the core derives from the day and its facts (``build_context``), compared whole between days."""
_CONSTANT = ("agreement", "settings", "horizon_days", "history", "one_off_ids")
"""The context's other fields: the same on every day of one pass."""


class TrackedContext(Context):
    """A day's context whose day, facts and derived values note in its ``Reads`` what is read of them."""


def _derived_property(name: str) -> property:
    stored = "_" + name

    def read(self: TrackedContext) -> Any:
        values = self.__dict__
        reads: Reads | None = values.get("_reads")
        if reads is not None and reads.recording:
            reads.derived.add(name)
        return values[stored]

    def write(self: TrackedContext, value: Any) -> None:
        # Only ``dataclasses.replace`` sets a field: its copy no longer notes reads.
        self.__dict__[stored] = value

    return property(read, write)


for _name in DERIVED:
    setattr(TrackedContext, _name, _derived_property(_name))


def tracked(ctx: Context, reads: Reads) -> Context:
    """A copy of ``ctx`` whose day, facts and derived values note in ``reads`` what is read of them; groupings
    of the facts (``ctx.index``) are made again from the reader."""
    day = tracked_day(ctx.as_of, reads)
    copy = object.__new__(TrackedContext)
    values = copy.__dict__
    source = ctx.__dict__
    for name in _CONSTANT:
        values[name] = source[name] if name in source else getattr(ctx, name)
    for name in DERIVED:
        values["_" + name] = source[name]
    values["as_of"] = day
    values["facts"] = FactsReader(ctx.facts, reads, day)
    values["_reads"] = reads
    return copy


def derived(ctx: Context) -> tuple[Any, ...]:
    """The derived values of a day, in the order of ``DERIVED``."""
    return (ctx.standing, ctx.amendments, ctx.compensation, ctx.notices)
