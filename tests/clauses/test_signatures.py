"""§11 Underskrift: from the start date, a party that has not signed has a finding."""

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
    [("2024-10-01", "pending"), ("2024-12-31", "due"), ("2025-01-01", "due"), ("2025-01-02", "violated")],
)
def test_unsigned_party_around_the_start_date(agreement: object, as_of: str, status: str) -> None:
    facts = parse_facts({"signatures": [{"id": "s-fa", "party": "fa", "date": "2024-09-01"}]})
    report = evaluate(agreement, facts, as_of=day(as_of))  # type: ignore[arg-type]
    city = finding(report, "signature/city")
    assert city.status == status and city.party == "city"
    assert finding(report, "signature/fa").status == "fulfilled"


@pytest.mark.parametrize(
    ("signed", "status"),
    [("2024-12-31", "fulfilled"), ("2025-01-01", "fulfilled"), ("2025-01-02", "fulfilled_late")],
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
