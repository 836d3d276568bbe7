"""``check --format csv`` and ``repayment --format csv``: read back with the same dialect, the same findings as the
JSON, in the words of the text report."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from iop_rules.cli import main
from iop_rules.presentation.csv_export import BOM, Semicolon, amount_text, parse_amount
from iop_rules.presentation.labels import PARTY_LABEL, STATUS_LABEL
from iop_rules.presentation.repayment_text import STATUS_LABEL as REPAYMENT_STATUS_LABEL

from .conftest import EXAMPLE


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out


def _read(text: str) -> list[list[str]]:
    # What a spreadsheet does: UTF-8 with the byte-order mark, ';' between fields, CRLF line ends.
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n")
    decoded = raw.decode("utf-8-sig")
    return list(csv.reader(decoded.splitlines(keepends=True), dialect=Semicolon))


def _label(table: dict[str, tuple[str, str]], lang: str) -> dict[str, str]:
    return {words[0 if lang == "sv" else 1]: code for code, words in table.items()}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_check_csv_has_the_findings_of_the_json(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code_json, out_json = _run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", "2026-11-30")
    code_csv, out_csv = _run(capsys, "check", str(EXAMPLE), "--format", "csv", "--as-of", "2026-11-30", "--lang", lang)
    assert code_csv == code_json == 1
    rows = _read(out_csv)
    header, body = rows[0], rows[1:]
    assert header == (
        ["id", "paragraf", "part", "status", "senast", "belopp", "meddelande"]
        if lang == "sv"
        else ["id", "section", "party", "status", "due", "amount", "message"]
    )
    data = json.loads(out_json)
    findings: dict[str, dict[str, Any]] = {}
    for key in ("obligations", "rights", "upcoming", "breaches", "notes"):
        for finding in data[key]:
            findings.setdefault(finding["id"], finding)
    assert [row[0] for row in body] == sorted(findings)
    parties, statuses = _label(PARTY_LABEL, lang), _label(STATUS_LABEL, lang)
    for row in body:
        assert len(row) == 7
        finding = findings[row[0]]
        assert row[1] == finding["section"]
        assert parties[row[2]] == finding["party"]
        assert statuses[row[3]] == finding["status"]
        assert row[4] == (finding["due"] or "")
        assert parse_amount(row[5]) == (None if finding["amount"] is None else Decimal(finding["amount"]))
        assert row[6] == finding["message"][lang]
    amounts = [row[5] for row in body if row[5]]
    assert amounts == (["12000,00"] if lang == "sv" else ["12000.00"])


def test_a_separator_or_quote_in_a_facts_text_survives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    awkward = 'Bidrag; "2027" och =2028'
    facts = tmp_path / "facts.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('changes = "Bidrag 2027 och 2028"', f"changes = '''{awkward}'''", 1)
    facts.write_text(text, encoding="utf-8")
    _, out = _run(capsys, "check", str(facts), "--format", "csv", "--as-of", "2026-11-30")
    rows = {row[0]: row for row in _read(out)[1:]}
    message = rows["amendment/amend-grant-2027-2028"][6]
    assert awkward in message


def test_a_text_that_looks_like_a_formula_is_not_one() -> None:
    from iop_rules.presentation.csv_export import _text

    assert _text("=SUM(A1:A2)") == "'=SUM(A1:A2)"
    assert _text("-1") == "'-1"
    assert _text("Staden ska betala") == "Staden ska betala"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_repayment_csv_has_the_assessments_of_the_json(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    _, out_json = _run(capsys, "repayment", str(EXAMPLE), "--format", "json", "--as-of", "2026-11-30")
    code, out_csv = _run(capsys, "repayment", str(EXAMPLE), "--format", "csv", "--as-of", "2026-11-30", "--lang", lang)
    assert code == 0
    rows = _read(out_csv)
    assessments = json.loads(out_json)["assessments"]
    assert len(rows) == 1 + len(assessments) == 2
    statuses = _label(REPAYMENT_STATUS_LABEL, lang)
    for row, assessment in zip(rows[1:], assessments, strict=True):
        assert row[0] == assessment["case_id"]
        assert row[1] == "8"
        assert row[2] == ("staden" if lang == "sv" else "the city")
        assert statuses[row[3]] == assessment["status"]
        assert row[4] == ""
        assert parse_amount(row[5]) == Decimal(assessment["claimable"])
        assert row[6] == assessment["message"][lang]
        for cell, name in zip(row[7:], ("affected", "grant_paid", "repaid", "ceiling", "claimed"), strict=True):
            assert parse_amount(cell) == Decimal(assessment[name])
    assert rows[1][7] == ("12000,00" if lang == "sv" else "12000.00")


def test_amounts_are_exact_with_a_decimal_comma_in_swedish() -> None:
    assert amount_text(Decimal("199999.99"), "sv") == "199999,99"
    assert amount_text(Decimal("-0.5"), "sv") == "-0,50"
    assert amount_text(Decimal("1234567.10"), "en") == "1234567.10"
    assert amount_text(None, "sv") == ""
    assert parse_amount("199999,99") == Decimal("199999.99")


def test_the_comparison_of_readings_has_no_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE), "--format", "csv", "--compare-interpretations", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "--format csv" in err and "Traceback" not in err
    assert BOM not in err
