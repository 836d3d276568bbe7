"""Date arithmetic the agreement needs: month steps (I8), deadlines moved off non-working days (I2), terms (I3).

Swedish public holidays and the de facto holidays (midsommarafton, julafton, nyårsafton) come from the
``holidays`` package, not from a list written here: a table generated from it (``_holidays_se``, checked
against the package by a test) for 1899–2101, so that a command does not import every country's holidays;
the package itself for any other year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from . import _holidays_se
from .agreement import Agreement, Settings


def add_months(day: dt.date, months: int, month_end: str) -> dt.date:
    """``day`` plus whole months; when the target month lacks the day (29–31), I8 decides.

    ``last_day_of_month``: the target month's last day. ``first_day_of_next_month``: the day after it.
    """
    target = day + relativedelta(months=months)
    if target.day == day.day or month_end == "last_day_of_month":
        return target
    # relativedelta clipped to the month's last day; the alternative reading moves to the next month's first day.
    return target + dt.timedelta(days=1)


@lru_cache(maxsize=256)
def holiday_names(year: int) -> dict[dt.date, str]:
    """Sweden's public and de facto holidays of a year, with their Swedish names."""
    entries = _holidays_se.TABLE.get(year)
    if entries is not None:
        return {
            dt.date(year, int(entry[:2]), int(entry[2:4])): entry[5:] for entry in entries.split("|") if entry
        }
    import holidays  # outside the generated table's years only: importing it loads every country

    days = holidays.country_holidays("SE", years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO), language="sv")
    return {day: str(name) for day, name in days.items()}


def non_working_reason(day: dt.date) -> str | None:
    """Why a day is not a day to pay or hand in on (Saturday, Sunday, a holiday's Swedish name), or None."""
    weekday = day.weekday()
    if weekday == 5:
        return "lördag"
    if weekday == 6:
        return "söndag"
    return holiday_names(day.year).get(day)


def move_deadline(day: dt.date, rule: str) -> dt.date:
    """A payment or hand-in deadline under I2: ``next_business_day`` moves it off Saturdays, Sundays, public
    holidays, midsummer eve, Christmas eve and New Year's eve; ``no_move`` leaves it."""
    if rule == "no_move":
        return day
    while non_working_reason(day) is not None:
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True, order=True)
class Period:
    """A span of days, inclusive at both ends: a term ("termin"), a year, or a part of one."""

    start: dt.date
    end: dt.date
    name: str

    def contains(self, day: dt.date) -> bool:
        """Whether the day lies in the period."""
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        """Length in days."""
        return (self.end - self.start).days + 1


def terms(agreement: Agreement, settings: Settings) -> tuple[Period, ...]:
    """The terms ("terminer") that overlap the agreement's whole term, under I3."""
    first, last = agreement.term.start, agreement.term.end
    if settings.I3 == "configured":
        configured = agreement.interpretations["I3"].terms
        return tuple(
            sorted(Period(t.start, t.end, t.name) for t in configured if t.end >= first and t.start <= last)
        )
    out: list[Period] = []
    for year in range(first.year, last.year + 1):
        out.append(Period(dt.date(year, 1, 1), dt.date(year, 6, 30), f"{year} vår"))
        out.append(Period(dt.date(year, 7, 1), dt.date(year, 12, 31), f"{year} höst"))
    return tuple(p for p in out if p.end >= first and p.start <= last)


def last_day_of_month(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_WEEKDAY_EN = {"lördag": "Saturday", "söndag": "Sunday"}


def move_deadline_explained(day: dt.date, rule: str) -> tuple[dt.date, tuple[tuple[str, str], ...]]:
    """``move_deadline`` with its reasoning in Swedish and English, for explanations, e.g.
    ("2026-01-31 är en lördag → 2026-02-02 (I2)", "2026-01-31 is a Saturday → 2026-02-02 (I2)")."""
    moved = move_deadline(day, rule)
    reason = non_working_reason(day)
    if reason is None:
        return moved, ()
    if rule == "no_move":
        return moved, (
            (f"{day.isoformat()} är en {reason}; fristen flyttas inte (I2 = no_move)", f"{day.isoformat()} is a {_WEEKDAY_EN.get(reason, reason)}; the deadline does not move (I2 = no_move)"),
        )
    skipped = []
    current = day
    while current < moved:
        skipped.append(current)
        current += dt.timedelta(days=1)
    names_sv = ", ".join(f"{d.isoformat()} {non_working_reason(d)}" for d in skipped)
    names_en = ", ".join(f"{d.isoformat()} {_WEEKDAY_EN.get(str(non_working_reason(d)), str(non_working_reason(d)))}" for d in skipped)
    return moved, (
        (f"{names_sv} → {moved.isoformat()} (I2)", f"{names_en} → {moved.isoformat()} (I2)"),
    )
