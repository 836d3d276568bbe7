"""Write src/iop_rules/_holidays_se.py: Sweden's public and de facto holidays with their Swedish names, taken
from the ``holidays`` package, for the years the library evaluates (and one either side).

    python scripts/generate_holidays.py

Importing ``holidays`` loads every country's module (tens of milliseconds at each start of the command line);
the table holds only Sweden's. ``tests/test_holidays_table.py`` checks that it equals the package's, year by
year; re-run this script after upgrading ``holidays``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import holidays

FIRST_YEAR, LAST_YEAR = 1899, 2101
OUT = Path(__file__).resolve().parents[1] / "src" / "iop_rules" / "_holidays_se.py"


def table() -> dict[int, str]:
    """Each year's holidays as one line of ``MMDD name`` entries separated by ``|``."""
    out: dict[int, str] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        days = holidays.country_holidays(
            "SE", years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO), language="sv"
        )
        out[year] = "|".join(f"{day:%m%d} {name}" for day, name in sorted(days.items()))
    return out


def source() -> str:
    lines = [
        '"""Sweden\'s public and de facto holidays (Swedish names), generated from the ``holidays`` package by',
        "``scripts/generate_holidays.py``; do not edit. ``tests/test_holidays_table.py`` checks it against the package.",
        "",
        'Each year: ``MMDD name`` entries separated by ``|``."""',
        "",
        f"HOLIDAYS_VERSION = {holidays.__version__!r}",
        f"FIRST_YEAR = {FIRST_YEAR}",
        f"LAST_YEAR = {LAST_YEAR}",
        "",
        "TABLE: dict[int, str] = {",
    ]
    lines.extend(f"    {year}: {entries!r}," for year, entries in table().items())
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    OUT.write_text(source(), encoding="utf-8")
    print(f"wrote {OUT} (holidays {holidays.__version__}, {FIRST_YEAR}..{LAST_YEAR})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
