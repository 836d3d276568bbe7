"""§11 Underskrift: from the start date, a party whose signature is not recorded is something to check, never a
breach (§11 creates no duty to sign)."""

from __future__ import annotations

import pytest

from iop_rules import evaluate, parse_facts
from iop_rules.clauses import signatures

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestSignaturesContract(ClauseContract):
    clause = signatures.CLAUSE


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        ("2024-10-01", "pending"),
        ("2024-12-31", "due"),
        ("2025-01-01", "needs_assessment"),
        ("2025-01-02", "needs_assessment"),
    ],
)
def test_unsigned_party_around_the_start_date(agreement: object, as_of: str, status: str) -> None:
    facts = parse_facts({"signatures": [{"id": "s-fa", "party": "fa", "date": "2024-09-01"}]})
    report = evaluate(agreement, facts, as_of=day(as_of))  # type: ignore[arg-type]
    city = finding(report, "signature/city")
    assert city.status == status and city.party == "city"
    assert finding(report, "signature/fa").status == "fulfilled"
    assert city.id not in {f.id for f in report.breaches}
    checking = status == "needs_assessment"
    assert report.agreement.unsigned == (("city",) if checking else ())
    assert ("kanske inte har ingåtts" in report.agreement.message.sv) == checking
    assert ("may not have been concluded" in report.agreement.message.en) == checking
    if checking:
        assert "staden" in city.message.sv and "the city" in city.message.en


@pytest.mark.parametrize(
    ("signed", "status"),
    [("2024-12-31", "fulfilled"), ("2025-01-01", "fulfilled"), ("2025-01-02", "fulfilled")],
)
def test_signature_date_around_the_start(agreement: object, signed: str, status: str) -> None:
    facts = parse_facts(
        {
            "signatures": [
                {"id": "s-fa", "party": "fa", "date": "2024-12-01"},
                {"id": "s-city", "party": "city", "date": signed},
            ]
        }
    )
    report = evaluate(agreement, facts, as_of=day("2025-02-01"))  # type: ignore[arg-type]
    assert finding(report, "signature/city").status == status


def test_signed_by_both_is_no_breach(check: Check) -> None:
    report = check("2025-06-01")
    assert not [f for f in report.breaches if f.section == "11"]


def test_fa_s_missing_signature_is_not_a_breach_and_the_header_names_it(agreement: object) -> None:
    facts = parse_facts({"signatures": [{"id": "s-city", "party": "city", "date": "2024-12-01"}]})
    report = evaluate(agreement, facts, as_of=day("2025-03-01"))  # type: ignore[arg-type]
    assert finding(report, "signature/fa").status == "needs_assessment"
    assert not [f for f in report.breaches if f.section == "11"]
    assert report.agreement.unsigned == ("fa",)
    assert "Frälsningsarmén" in report.agreement.message.sv


def test_neither_signature_recorded(agreement: object) -> None:
    report = evaluate(agreement, parse_facts({}), as_of=day("2025-03-01"))  # type: ignore[arg-type]
    assert report.agreement.unsigned == ("city", "fa")
    assert "någon av parterna" in report.agreement.message.sv and "either party" in report.agreement.message.en
