"""The date rules under the clauses: deadlines moved off days off (I2) and the words that explain it, and the terms
("terminer") of §7 under I3, at the edges of the agreement's term."""

from __future__ import annotations

import datetime as dt

import pytest

from iop_rules import Agreement
from iop_rules.agreement import ConfiguredTerm
from iop_rules.catalogue import render
from iop_rules.context import today_in_stockholm
from iop_rules.dates import Period, is_day_off, move_deadline, move_deadline_explained, terms

D = dt.date


def _words(day: dt.date, rule: str) -> tuple[dt.date, list[tuple[str, str]]]:
    moved, steps = move_deadline_explained(day, rule)
    return moved, [(render(step, "sv"), render(step, "en")) for step in steps]


@pytest.mark.parametrize(
    ("day", "off"),
    [
        (D(2026, 1, 30), False),  # a Friday
        (D(2026, 1, 31), True),  # a Saturday
        (D(2026, 2, 1), True),  # a Sunday
        (D(2026, 2, 2), False),  # a Monday
        (D(2026, 1, 6), True),  # Epiphany, a Tuesday
        (D(2026, 6, 19), True),  # Midsummer Eve, a de facto holiday
        (D(2026, 12, 31), True),  # New Year's Eve, a de facto holiday
    ],
)
def test_a_day_off_is_a_saturday_a_sunday_or_a_holiday(day: dt.date, off: bool) -> None:
    assert is_day_off(day) is off
    assert (move_deadline(day, "next_business_day") != day) is off


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day_and_says_which_days_it_passed() -> None:
    assert _words(D(2026, 1, 6), "next_business_day") == (
        D(2026, 1, 7),
        [
            (
                "Ingen arbetsdag: 2026-01-06 (trettondedag jul) → 2026-01-07 (I2)",
                "Not a working day: 2026-01-06 (Epiphany) → 2026-01-07 (I2)",
            )
        ],
    )


def test_a_deadline_on_good_friday_passes_easter_and_names_each_day() -> None:
    moved, words = _words(D(2026, 4, 3), "next_business_day")
    assert moved == D(2026, 4, 7)
    assert words == [
        (
            "Ingen arbetsdag: 2026-04-03 (långfredagen), 2026-04-04 (lördag), 2026-04-05 (söndag) och "
            "2026-04-06 (annandag påsk) → 2026-04-07 (I2)",
            "Not a working day: 2026-04-03 (Good Friday), 2026-04-04 (Saturday), 2026-04-05 (Sunday) and "
            "2026-04-06 (Easter Monday) → 2026-04-07 (I2)",
        )
    ]


def test_under_no_move_a_deadline_on_a_day_off_stays_and_the_step_says_so() -> None:
    assert _words(D(2026, 1, 31), "no_move") == (
        D(2026, 1, 31),
        [
            (
                "2026-01-31 är ingen arbetsdag (lördag); sista dagen flyttas inte (I2)",
                "2026-01-31 is not a working day (Saturday); the last day does not move (I2)",
            )
        ],
    )
    assert _words(D(2026, 12, 24), "no_move")[1] == [
        (
            "2026-12-24 är ingen arbetsdag (julafton); sista dagen flyttas inte (I2)",
            "2026-12-24 is not a working day (Christmas Eve); the last day does not move (I2)",
        )
    ]


def test_a_deadline_on_a_working_day_has_no_step_under_either_reading() -> None:
    assert _words(D(2026, 2, 2), "next_business_day") == (D(2026, 2, 2), [])
    assert _words(D(2026, 2, 2), "no_move") == (D(2026, 2, 2), [])


def test_two_holidays_on_one_day_are_both_named() -> None:
    # 1 May 2008 was also Ascension Day.
    assert _words(D(2008, 5, 1), "next_business_day") == (
        D(2008, 5, 2),
        [
            (
                "Ingen arbetsdag: 2008-05-01 (första maj och Kristi himmelsfärdsdag) → 2008-05-02 (I2)",
                "Not a working day: 2008-05-01 (May Day and Ascension Day) → 2008-05-02 (I2)",
            )
        ],
    )


def _with_term(agreement: Agreement, start: dt.date, end: dt.date, *configured: ConfiguredTerm) -> Agreement:
    term = agreement.term.model_copy(update={"start": start, "end": end})
    i3 = agreement.interpretations["I3"].model_copy(update={"terms": configured})
    return agreement.model_copy(update={"term": term, "interpretations": {**agreement.interpretations, "I3": i3}})


def test_calendar_halves_are_every_half_year_the_term_touches_even_by_one_day(agreement: Agreement) -> None:
    settings = agreement.settings({"I3": "calendar_halves"})
    # A term from the last day of a spring to the first day of an autumn touches both halves of each year.
    edges = _with_term(agreement, D(2025, 6, 30), D(2027, 7, 1))
    assert [(p.start, p.end) for p in terms(edges, settings)] == [
        (D(2025, 1, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 6, 30)),
        (D(2027, 7, 1), D(2027, 12, 31)),
    ]
    # One day later at the start and one day earlier at the end, the spring of 2025 and the autumn of 2027 fall out.
    inner = _with_term(agreement, D(2025, 7, 1), D(2027, 6, 30))
    assert [(p.start, p.end) for p in terms(inner, settings)] == [
        (D(2025, 7, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 6, 30)),
    ]


def test_configured_terms_count_when_they_touch_the_term_by_one_day_and_come_in_date_order(
    agreement: Agreement,
) -> None:
    settings = agreement.settings({"I3": "configured"})
    configured = (
        ConfiguredTerm(name="after", start=D(2026, 1, 1), end=D(2026, 5, 31)),
        ConfiguredTerm(name="last day", start=D(2025, 12, 31), end=D(2026, 1, 31)),
        ConfiguredTerm(name="first day", start=D(2024, 8, 1), end=D(2025, 1, 1)),
        ConfiguredTerm(name="before", start=D(2024, 1, 1), end=D(2024, 12, 31)),
    )
    found = terms(_with_term(agreement, D(2025, 1, 1), D(2025, 12, 31), *configured), settings)
    assert found == (
        Period(D(2024, 8, 1), D(2025, 1, 1), "first day"),
        Period(D(2025, 12, 31), D(2026, 1, 31), "last day"),
    )


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        # 17:31 in Stockholm (CET, UTC+1) is 06:31 the next day in UTC+14: still the 30th in Stockholm.
        (dt.datetime(2026, 12, 1, 6, 31, tzinfo=dt.timezone(dt.timedelta(hours=14))), dt.date(2026, 11, 30)),
        # 23:30 UTC in summer is 01:30 the next day in Stockholm (CEST, UTC+2).
        (dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), dt.date(2026, 7, 1)),
        (dt.datetime(2026, 1, 1, 22, 59, tzinfo=dt.UTC), dt.date(2026, 1, 1)),
        (dt.datetime(2026, 1, 1, 23, 0, tzinfo=dt.UTC), dt.date(2026, 1, 2)),
    ],
)
def test_the_default_evaluation_day_is_today_in_stockholm(moment: dt.datetime, day: dt.date) -> None:
    assert today_in_stockholm(moment) == day


def test_without_a_moment_today_is_read_from_the_clock_in_stockholm(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine whose clock runs in UTC, 23:30 on 3 March is already 4 March in Stockholm: the default
    evaluation day is Stockholm's, not the machine's."""
    from iop_rules import context

    utc_moment = dt.datetime(2026, 3, 3, 23, 30, tzinfo=dt.UTC)

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return utc_moment.astimezone(tz) if tz is not None else utc_moment.replace(tzinfo=None)

    monkeypatch.setattr(context.dt, "datetime", Clock)
    assert today_in_stockholm() == dt.date(2026, 3, 4)


# --- The evaluation day and the horizon: what an evaluation accepts ------------------------------------------------


def _evaluate(agreement: Agreement, as_of: object = None, horizon: object = None, facts_as_of: str | None = None) -> object:
    from iop_rules import evaluate, parse_facts

    facts = parse_facts({"as_of": facts_as_of} if facts_as_of else {})
    return evaluate(agreement, facts, as_of=as_of, horizon_days=horizon)  # type: ignore[arg-type]


def test_the_evaluation_day_is_the_one_given_else_the_snapshot_s_else_today_in_stockholm(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iop_rules import context

    monkeypatch.setattr(context, "today_in_stockholm", lambda now=None: dt.date(2026, 3, 3))
    assert _evaluate(agreement, dt.date(2026, 1, 5), facts_as_of="2026-02-02").as_of == dt.date(2026, 1, 5)  # type: ignore[attr-defined]
    assert _evaluate(agreement, None, facts_as_of="2026-02-02").as_of == dt.date(2026, 2, 2)  # type: ignore[attr-defined]
    assert _evaluate(agreement).as_of == dt.date(2026, 3, 3)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("as_of", "error"),
    [
        (dt.date(1900, 1, 1), None),
        (dt.date(1899, 12, 31), "as_of: 1899-12-31 is outside 1900-01-01..2100-12-31"),
        (dt.date(2100, 12, 31), None),
        (dt.date(2101, 1, 1), "as_of: 2101-01-01 is outside 1900-01-01..2100-12-31"),
        ("2026-01-01", "as_of: '2026-01-01' is not a date"),
        (dt.datetime(2026, 1, 1, 12, 0), "as_of: datetime.datetime(2026, 1, 1, 12, 0) is not a date"),
    ],
)
def test_the_evaluation_day_is_a_day_from_1900_to_2100(agreement: Agreement, as_of: object, error: str | None) -> None:
    from iop_rules import InputError

    if error is None:
        assert _evaluate(agreement, as_of).as_of == as_of  # type: ignore[attr-defined]
        return
    with pytest.raises(InputError) as raised:
        _evaluate(agreement, as_of)
    assert raised.value.message("en") == error


@pytest.mark.parametrize(
    ("horizon", "shown"),
    [
        (0, None),
        (3650, None),
        (3651, "3651"),
        (-1, "-1"),
        (True, "True"),
        ("30", "'30'"),
        ("d" * 60, "'" + "d" * 39),
        (10**12 - 1, "999999999999"),
        (10**12, "> 10^12"),
        (-(10**12), "< -10^12"),
        (10**4000, "> 10^12"),
    ],
)
def test_the_horizon_is_a_whole_number_of_days_from_0_to_3650(agreement: Agreement, horizon: object, shown: str | None) -> None:
    from iop_rules import InputError

    if shown is None:
        assert _evaluate(agreement, dt.date(2026, 1, 5), horizon).horizon_days == horizon  # type: ignore[attr-defined]
        return
    with pytest.raises(InputError) as raised:
        _evaluate(agreement, dt.date(2026, 1, 5), horizon)
    assert raised.value.message("en") == f"horizon_days: {shown} is not a whole number from 0 to 3650"


def test_without_a_horizon_the_setting_i13_gives_it(agreement: Agreement) -> None:
    assert _evaluate(agreement, dt.date(2026, 1, 5)).horizon_days == agreement.settings(None).I13  # type: ignore[attr-defined]
