"""§8 återbetalning in the report: one finding ``repayment/{case}`` per misuse case, mapped from the assessment.

The mapping (documented in ``iop_rules.clauses.repayment``): claimable → city's right ``available`` with the
claimable amount, ``exercised`` once claimed; exempt or not manifest → the right ``expired``; needs assessment →
a duty of city with status ``needs_assessment``. Claims above what may be claimed add ``repayment-excess/{case}``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from iop_rules import assess_repayment
from iop_rules.clauses import repayment

from ..conftest import Check, day, finding, make_facts
from .contract import ClauseContract

PAID_2025 = [{"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"}]


class TestRepaymentContract(ClauseContract):
    clause = repayment.CLAUSE


def misuse(amount: str = "50000.00", manifest: bool | None = True, a: str | None = None, b: str | None = None, **extra: Any) -> dict[str, Any]:
    """A misuse case of 2025's funds, known from 2025-09-01; ``a``/``b`` are ``established`` or ``rejected``."""
    case: dict[str, Any] = {"id": "mc-1", "date": "2025-09-01", "grant_year": 2025, "amount": amount, "manifest": manifest}
    if a is not None:
        case["care_shown"] = {"outcome": a, "date": "2025-10-01"}
    if b is not None:
        case["disproportionate"] = {"outcome": b, "date": "2025-10-01"}
    case.update(extra)
    return case


def test_claimable_case_is_an_available_right_of_city_with_the_amount(check: Check) -> None:
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected")])
    right = finding(report, "repayment/mc-1")
    assert (right.kind, right.status, right.party, right.section) == ("right", "available", "city", "8")
    assert right.amount == Decimal("50000.00")
    assert right in report.upcoming
    assert "50 000,00 kr" in right.message.sv and "SEK 50,000.00" in right.message.en
    assert "återbetalning" in right.quote


def test_a_claim_exercises_the_right(check: Check) -> None:
    case = misuse(a="rejected", b="rejected", claims=[{"id": "cl-1", "date": "2025-10-15", "amount": "50000.00"}])
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[case])
    assert finding(report, "repayment/mc-1").status == "exercised"
    assert report.finding("repayment-excess/mc-1") is None


def test_needs_assessment_is_a_duty_of_city_naming_what_is_undecided(check: Check) -> None:
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[misuse(b="rejected")])
    duty = finding(report, "repayment/mc-1")
    assert (duty.kind, duty.status, duty.party) == ("duty", "needs_assessment", "city")
    assert duty in report.obligations
    assert "undantag (a)" in duty.message.sv and "(b)" not in duty.message.sv
    assert "omsorg" in duty.quote
    assert duty.amount == Decimal("50000.00")


def test_when_only_manifest_misuse_is_undecided_no_exemption_is_quoted(check: Check) -> None:
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[misuse(manifest=None, a="rejected", b="rejected")])
    duty = finding(report, "repayment/mc-1")
    assert (duty.kind, duty.status) == ("duty", "needs_assessment")
    assert "uppenbart utanför ramen" in duty.quote
    assert "återbetalning inte ska ske" not in duty.quote


def test_one_krona_is_enough_to_claim_and_to_have_claimed(check: Check) -> None:
    case = misuse(amount="1.00", a="rejected", b="rejected")
    assert finding(check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[case]), "repayment/mc-1").status == "available"
    claimed = {**case, "claims": [{"id": "cl-1", "date": "2025-10-15", "amount": "1.00"}]}
    assert finding(check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[claimed]), "repayment/mc-1").status == "exercised"


@pytest.mark.parametrize(("letter", "field"), [("a", "care_shown"), ("b", "disproportionate")])
def test_an_established_exemption_expires_the_right_citing_its_letter(check: Check, letter: str, field: str) -> None:
    kwargs: dict[str, Any] = {"a": "rejected", "b": "rejected", letter: "established"}
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[misuse(**kwargs)])
    right = finding(report, "repayment/mc-1")
    assert right.status == "expired" and right.amount == Decimal("0.00")
    assert f"({letter})" in right.message.sv
    words = {"a": "omsorg som rimligen", "b": "oproportionerligt"}[letter]
    assert words in right.quote
    assert "inte ska ske" in right.quote
    case = next(e for e in right.evidence if e.id == "mc-1")
    assert f"{field}=established 2025-10-01" in case.detail
    # No amount is claimable, so the grant paid is not among the facts used.
    assert "gp-2025" not in {e.id for e in right.evidence}


def test_not_manifest_is_no_right_to_claim(check: Check) -> None:
    right = finding(check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[misuse(manifest=False)]), "repayment/mc-1")
    assert right.status == "expired" and right.kind == "right"
    assert "ingen rätt" in right.message.sv.lower()


def test_a_claim_without_a_right_is_flagged_with_the_excess(check: Check) -> None:
    case = misuse(a="established", claims=[{"id": "cl-1", "date": "2025-10-15", "amount": "20000.00"}])
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[case])
    assert finding(report, "repayment/mc-1").status == "expired"
    excess = finding(report, "repayment-excess/mc-1")
    assert excess.kind == "note" and excess.amount == Decimal("20000.00") and excess.severity == "major"
    assert "20 000,00 kr" in excess.message.sv


def test_a_fully_repaid_case_leaves_nothing_to_claim(check: Check) -> None:
    case = misuse(a="rejected", b="rejected", repayments=[{"id": "rp-1", "date": "2025-10-20", "amount": "50000.00"}])
    right = finding(check("2025-11-01", grant_payments=PAID_2025, misuse_cases=[case]), "repayment/mc-1")
    assert right.status == "expired" and right.amount == Decimal("0.00")


@pytest.mark.parametrize(("as_of", "status"), [("2025-09-30", "needs_assessment"), ("2025-10-01", "available"), ("2025-10-02", "available")])
def test_determinations_count_from_their_day(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected")])
    assert finding(report, "repayment/mc-1").status == status


@pytest.mark.parametrize(("as_of", "known"), [("2025-08-31", False), ("2025-09-01", True)])
def test_a_case_is_not_seen_before_its_day(check: Check, as_of: str, known: bool) -> None:
    report = check(as_of, grant_payments=PAID_2025, misuse_cases=[misuse()])
    assert (report.finding("repayment/mc-1") is not None) is known


@pytest.mark.parametrize("as_of", ["2028-12-31", "2029-01-01", "2031-06-01"])
def test_the_right_survives_the_agreements_end(check: Check, as_of: str) -> None:
    report = check(as_of, grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected")])
    right = finding(report, "repayment/mc-1")
    assert right.status == "available" and right.amount == Decimal("50000.00")


def test_the_right_survives_the_automatic_end(check: Check) -> None:
    report = check("2027-03-01", grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected")])
    assert report.agreement.state == "ended"
    assert finding(report, "repayment/mc-1").status == "available"


def test_the_report_and_the_api_give_the_same_amounts(agreement: Any, check: Check) -> None:
    cases = [
        {**misuse("250000.00", a="rejected", b="rejected"), "id": "mc-cap"},
        {**misuse("50000.00", b="rejected"), "id": "mc-open"},
        {**misuse("50000.00", a="established"), "id": "mc-exempt"},
    ]
    report = check("2025-11-01", grant_payments=PAID_2025, misuse_cases=cases)
    facts = make_facts(grant_payments=PAID_2025, misuse_cases=cases)
    for case in cases:
        assessed = assess_repayment(agreement, facts, case["id"], as_of=day("2025-11-01"))
        shown = finding(report, f"repayment/{case['id']}")
        expected = assessed.ceiling if assessed.status == "needs_assessment" else assessed.claimable
        assert shown.amount == expected
        assert shown.message.sv == assessed.message.sv
    assert finding(report, "repayment/mc-cap").amount == Decimal("200000.00")
