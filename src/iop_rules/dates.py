"""Date arithmetic the agreement needs: month steps (I8), deadlines moved off non-working days (I2), terms (I3).

Swedish public holidays and the de facto holidays (midsommarafton, julafton, nyårsafton) come from the
``holidays`` package, not from a list written here: a table generated from it (``_holidays_se``, checked
against the package by a test) for 1899–2101, so that a command does not import every country's holidays;
the package itself for any other year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from . import _holidays_se
from .agreement import Agreement, Settings
from .catalogue import Msg, Named, msg


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


def is_day_off(day: dt.date) -> bool:
    """Whether a day is not a day to pay or hand in on: a Saturday, a Sunday or a holiday."""
    return day.weekday() >= 5 or day in holiday_names(day.year)


def move_deadline(day: dt.date, rule: str) -> dt.date:
    """A payment or hand-in deadline under I2: ``next_business_day`` moves it off Saturdays, Sundays, public
    holidays, midsummer eve, Christmas eve and New Year's eve; ``no_move`` leaves it."""
    if rule == "no_move":
        return day
    while is_day_off(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True, order=True)
class Period:
    """A span of days, inclusive at both ends: a term ("termin"), a year, or a part of one."""

    start: dt.date
    end: dt.date
    name: str = ""
    """A configured term's name (I3 ``configured``); a calendar half-year needs none."""

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
        out.append(Period(dt.date(year, 1, 1), dt.date(year, 6, 30)))
        out.append(Period(dt.date(year, 7, 1), dt.date(year, 12, 31)))
    return tuple(p for p in out if p.end >= first and p.start <= last)


HOLIDAY: dict[str, Msg] = {
    "Nyårsdagen": msg("holiday.new_years_day"),
    "Trettondedag jul": msg("holiday.epiphany"),
    "Långfredagen": msg("holiday.good_friday"),
    "Påskdagen": msg("holiday.easter_sunday"),
    "Annandag påsk": msg("holiday.easter_monday"),
    "Första maj": msg("holiday.may_day"),
    "Kristi himmelsfärdsdag": msg("holiday.ascension_day"),
    "Pingstdagen": msg("holiday.whit_sunday"),
    "Annandag pingst": msg("holiday.whit_monday"),
    "Nationaldagen": msg("holiday.national_day"),
    "Midsommarafton": msg("holiday.midsummer_eve"),
    "Midsommardagen": msg("holiday.midsummer_day"),
    "Alla helgons dag": msg("holiday.all_saints_day"),
    "Julafton": msg("holiday.christmas_eve"),
    "Juldagen": msg("holiday.christmas_day"),
    "Annandag jul": msg("holiday.boxing_day"),
    "Nyårsafton": msg("holiday.new_years_eve"),
    "Marie bebådelsedag": msg("holiday.annunciation"),
}
"""The holidays' names for a person, by their Swedish name in the generated table."""


def non_working_name(day: dt.date) -> Msg | Named | None:
    """What a day off is called, for a person: Saturday, Sunday or the holiday's name (two holidays on one day
    are both named)."""
    if day.weekday() == 5:
        return msg("day.saturday")
    if day.weekday() == 6:
        return msg("day.sunday")
    name = holiday_names(day.year).get(day)
    if name is None:
        return None
    parts = tuple(HOLIDAY.get(part.strip(), Named(part.strip(), part.strip())) for part in name.split(";"))
    return parts[0] if len(parts) == 1 else msg("holiday.both", first=parts[0], second=parts[1])


def move_deadline_explained(day: dt.date, rule: str) -> tuple[dt.date, tuple[Msg, ...]]:
    """``move_deadline`` with its reasoning, for explanations, e.g. "2026-01-31 lördag → 2026-02-02 (I2)"."""
    moved = move_deadline(day, rule)
    name = non_working_name(day)
    if name is None:
        return moved, ()
    if rule == "no_move":
        return moved, (msg("deadline.step.not_moved", day=day, name=name),)
    skipped: list[Msg] = []
    current = day
    while current < moved:
        skipped_name = non_working_name(current)
        assert skipped_name is not None
        skipped.append(msg("deadline.day_off", day=current, name=skipped_name))
        current += dt.timedelta(days=1)
    return moved, (msg("deadline.step.moved", days=tuple(skipped), moved=moved),)
