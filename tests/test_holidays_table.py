"""The generated table of Swedish holidays equals the ``holidays`` package's, year by year."""

from __future__ import annotations

import datetime as dt
from typing import Any

import holidays
import pytest

from iop_rules import _holidays_se
from iop_rules.dates import holiday_names, is_day_off


def _library(year: int) -> dict[dt.date, str]:
    days = holidays.country_holidays("SE", years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO), language="sv")
    return {day: str(name) for day, name in days.items()}


def test_the_table_equals_the_holidays_package_for_every_year_it_holds() -> None:
    years = range(_holidays_se.FIRST_YEAR, _holidays_se.LAST_YEAR + 1)
    assert set(_holidays_se.TABLE) == set(years)
    differing = [year for year in years if holiday_names(year) != _library(year)]
    assert differing == [], f"re-run scripts/generate_holidays.py (holidays {holidays.__version__}): {differing[:5]}"


def test_the_table_holds_the_agreements_years_and_the_de_facto_holidays() -> None:
    # A table that is empty where the agreement runs would pass the equality test only if the package were empty.
    names = holiday_names(2026)
    assert names[dt.date(2026, 6, 19)] == "Midsommarafton"
    assert names[dt.date(2026, 12, 24)] == "Julafton"
    assert names[dt.date(2026, 12, 31)] == "Nyårsafton"
    assert names[dt.date(2026, 1, 6)] == "Trettondedag jul"
    assert is_day_off(dt.date(2026, 1, 6))


def test_a_year_outside_the_table_asks_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    real = holidays.country_holidays

    def recording(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", recording)
    assert 2150 not in _holidays_se.TABLE
    holiday_names.cache_clear()
    try:
        assert holiday_names(2150) == _library(2150)
        holiday_names(2026)
    finally:
        holiday_names.cache_clear()
    assert asked == [2150, 2150]  # the table's own years never ask
