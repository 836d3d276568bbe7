"""The facts of one evaluation grouped and sorted once, so that no clause scans a collection for every record.

A clause asks the context (``ctx.index``) for, say, the deliveries answering one request, instead of filtering
every delivery for every request: with many records that made one evaluation grow with the square of the facts.
Each grouping is built on first use and kept for the rest of the evaluation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Protocol, TypeVar

from ._cached import cached_property
from .facts import Attestation, Facts, GrantPayment, Meeting, MisuseCase, StatisticsDelivery


class _Dated(Protocol):
    @property
    def date(self) -> dt.date: ...

    @property
    def id(self) -> str: ...


D = TypeVar("D", bound=_Dated)
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


def by_day(records: Iterable[D]) -> tuple[D, ...]:
    """Records in the order the clauses list them: by day, then id."""
    return tuple(sorted(records, key=lambda r: (r.date, r.id)))


def _grouped(records: Iterable[D], key: Callable[[D], K]) -> dict[K, tuple[D, ...]]:
    groups: dict[K, list[D]] = {}
    for record in by_day(records):
        groups.setdefault(key(record), []).append(record)
    return {k: tuple(v) for k, v in groups.items()}


class FactIndex:
    """Groupings of one evaluation's facts, each sorted by day and id."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts

    @cached_property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every meeting, by day."""
        return by_day(self._facts.meetings)

    @cached_property
    def meetings_by_body(self) -> dict[str, tuple[Meeting, ...]]:
        """Meetings of each body (``working_group``, ``steering_group``…), by day."""
        return _grouped(self._facts.meetings, lambda m: m.body)

    def meetings_of(self, body: str) -> tuple[Meeting, ...]:
        """One body's meetings, by day."""
        return self.meetings_by_body.get(body, ())

    @cached_property
    def deliveries_by_request(self) -> dict[str, tuple[StatisticsDelivery, ...]]:
        """Statistics deliveries answering each request, by day."""
        return _grouped(self._facts.statistics_deliveries, lambda d: d.request_id)

    @cached_property
    def payments_by_grant_year(self) -> dict[int, tuple[GrantPayment, ...]]:
        """Grant payments of each grant year, by day."""
        return _grouped(self._facts.grant_payments, lambda p: p.grant_year)

    @cached_property
    def cases_by_grant_year(self) -> dict[int, tuple[MisuseCase, ...]]:
        """Misuse cases on each grant year's funds, by day."""
        return _grouped(self._facts.misuse_cases, lambda c: c.grant_year)

    @cached_property
    def cases_by_id(self) -> dict[str, MisuseCase]:
        """Misuse cases by id."""
        return {c.id: c for c in self._facts.misuse_cases}

    def on(self, day: dt.date) -> FactIndex:
        """The index of the facts as they were known at the end of ``day`` (``Facts.visible``), made once per day:
        §8 compares each claim with what could be claimed on the claim's own day."""
        cache: dict[dt.date, FactIndex] = self.__dict__.setdefault("_on", {})
        if day not in cache:
            cache[day] = FactIndex(self._facts.visible(day))
        return cache[day]

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """A value derived from these facts, built once per evaluation under ``key`` (e.g. a grant year's shares)."""
        cache: dict[Hashable, Any] = self.__dict__.setdefault("_derived", {})
        if key not in cache:
            cache[key] = build()
        value: T = cache[key]
        return value

    @cached_property
    def attestations_by_year(self) -> dict[int, tuple[Attestation, ...]]:
        """Attestations of each year, by day."""
        return _grouped(self._facts.attestations, lambda a: a.year)

    def sorted(self, collection: str) -> tuple[Any, ...]:
        """A whole facts collection (e.g. ``follow_ups``), by day; sorted once per evaluation."""
        cache: dict[str, tuple[Any, ...]] = self.__dict__.setdefault("_sorted", {})
        if collection not in cache:
            cache[collection] = by_day(getattr(self._facts, collection))
        return cache[collection]
