"""The report's findings and the §8 repayment assessments as CSV that Excel and LibreOffice open as they are
with Swedish settings: ``;`` between fields, UTF-8 with a byte-order mark, CRLF line ends, and in Swedish a
decimal comma in amounts (``12000,00``; no thousands separator, so that the cell is read as a number).

Read it back with ``csv.reader(text.removeprefix(BOM).splitlines(keepends=True), dialect=Semicolon)``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..catalogue import Msg, msg
from ..repayment import RepaymentAssessment
from ..report import Report
from .labels import PARTY_LABEL, STATUS_LABEL, pick
from .phrases import say
from .repayment_text import STATUS_LABEL as REPAYMENT_STATUS_LABEL

BOM = "\ufeff"
"""The byte-order mark that tells Excel the file is UTF-8."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these would be taken for a formula by a spreadsheet; it gets a leading ``'``."""


class Semicolon(csv.Dialect):
    """The dialect Excel and LibreOffice use with Swedish settings."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


def amount_text(amount: Decimal | None, lang: str) -> str:
    """An exact amount in SEK with two decimals: ``12000,00`` in Swedish, ``12000.00`` in English; empty for none."""
    if amount is None:
        return ""
    text = f"{amount:.2f}"
    return text.replace(".", ",") if lang == "sv" else text


def parse_amount(text: str) -> Decimal | None:
    """An amount as ``amount_text`` writes it, back as a Decimal (for readers and tests)."""
    return None if text == "" else Decimal(text.replace(",", "."))


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect=Semicolon)
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + out.getvalue()


FINDING_COLUMNS = ("id", "section", "party", "status", "due", "amount", "message")


def report_csv(report: Report, lang: str) -> str:
    """One row per finding of the report, by id: id, section, party, status, due, amount, message; party and
    status in the words of the text report, the message in ``lang``."""
    header = [say(COLUMN[column], lang) for column in FINDING_COLUMNS]
    rows = (
        [
            f.id,
            f.section,
            pick(PARTY_LABEL[f.party], lang),
            pick(STATUS_LABEL[f.status], lang),
            "" if f.due is None else f.due.isoformat(),
            amount_text(f.amount, lang),
            _text(f.message.get(lang)),
        ]
        for f in report.findings()
    )
    return _write(header, rows)


REPAYMENT_AMOUNTS = ("affected", "grant_paid", "repaid", "ceiling", "claimed")
"""The amounts of an assessment written after the finding columns, for finance to check line by line."""

COLUMN: dict[str, Msg] = {
    "id": msg("csv.id"),
    "section": msg("csv.section"),
    "party": msg("csv.party"),
    "status": msg("csv.status"),
    "due": msg("csv.due"),
    "amount": msg("csv.amount"),
    "message": msg("csv.message"),
    "affected": msg("csv.affected"),
    "grant_paid": msg("csv.grant_paid"),
    "repaid": msg("csv.repaid"),
    "ceiling": msg("csv.ceiling"),
    "claimed": msg("csv.claimed"),
}
"""The column headings of the CSV exports."""

REPAYMENT_PARTY = "city"
"""§8: "äger Helsingborgs stad rätt att framställa krav på återbetalning": the right to claim is the city's."""


def repayment_csv(assessments: Sequence[RepaymentAssessment], lang: str) -> str:
    """One row per misuse case: the finding columns (the amount is what may be claimed now), then the affected
    amount, the grant paid, what was repaid, the ceiling and what was claimed."""
    header = [say(COLUMN[column], lang) for column in (*FINDING_COLUMNS, *REPAYMENT_AMOUNTS)]
    rows = (
        [
            a.case_id,
            "8",
            pick(PARTY_LABEL[REPAYMENT_PARTY], lang),
            pick(REPAYMENT_STATUS_LABEL[a.status], lang),
            "",
            amount_text(a.claimable, lang),
            _text(a.message.get(lang)),
            *(amount_text(getattr(a, name), lang) for name in REPAYMENT_AMOUNTS),
        ]
        for a in assessments
    )
    return _write(header, rows)
