"""§6 kostnadsfri: "den rådgivnings- och stödverksamhet som Frälsningsarmén bedriver inom ramen för
överenskommelsen är kostnadsfri." Every fee charged to an individual is a breach by fa."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from iop_rules.clauses import free_of_charge

from ..conftest import Check, finding
from .contract import ClauseContract


class TestFreeOfChargeContract(ClauseContract):
    clause = free_of_charge.CLAUSE


def fee(date: str, amount: str = "150.00", fee_id: str = "fee-1") -> dict[str, Any]:
    return {"id": fee_id, "date": date, "amount": amount}


COMPENSATION = {
    "id": "amend-comp",
    "date": "2026-06-01",
    "in_writing": True,
    "signed_by_city": "2026-06-15",
    "signed_by_fa": "2026-06-15",
    "changes": "Bidrag 2027 och 2028",
    "grants": {"2027": "210000.00", "2028": "215000.00"},
}


def test_a_fee_charged_is_a_breach_by_fa_with_its_amount(check: Check) -> None:
    report = check("2025-06-01", fees_charged=[fee("2025-05-12", "350.50")])
    breach = finding(report, "fee-charged/fee-1")
    assert breach.status == "violated"
    assert breach.party == "fa" and breach.kind == "duty" and breach.section == "6"
    assert breach.amount == Decimal("350.50")
    assert "kostnadsfri" in breach.quote
    assert "350,50 kr" in breach.message.sv and "SEK 350.50" in breach.message.en
    assert [e.id for e in breach.evidence] == ["fee-1"]
    assert breach in report.unremedied_breaches()


def test_every_fee_is_its_own_breach(check: Check) -> None:
    report = check("2025-06-01", fees_charged=[fee("2025-03-01", fee_id="fee-a"), fee("2025-04-01", fee_id="fee-b")])
    assert {f.id for f in report.breaches if f.id.startswith("fee-charged/")} == {"fee-charged/fee-a", "fee-charged/fee-b"}


def test_no_fee_no_breach(check: Check) -> None:
    assert not [f for f in check("2025-06-01").findings() if f.id.startswith("fee-charged/")]


def test_a_fee_is_not_seen_before_its_day(check: Check) -> None:
    fees = [fee("2025-05-12")]
    assert check("2025-05-11", fees_charged=fees).finding("fee-charged/fee-1") is None
    assert finding(check("2025-05-12", fees_charged=fees), "fee-charged/fee-1").status == "violated"


@pytest.mark.parametrize(("charged", "status"), [("2024-12-31", "discharged"), ("2025-01-01", "violated"), ("2025-01-02", "violated")])
def test_around_the_start_of_the_term(check: Check, charged: str, status: str) -> None:
    breach = finding(check("2025-02-01", fees_charged=[fee(charged)]), "fee-charged/fee-1")
    assert breach.status == status
    if status == "discharged":
        assert "inte gällde" in breach.message.sv


@pytest.mark.parametrize(("charged", "status"), [("2028-12-30", "violated"), ("2028-12-31", "violated"), ("2029-01-01", "discharged")])
def test_around_the_end_of_the_term(check: Check, charged: str, status: str) -> None:
    report = check("2029-02-01", amendments=[COMPENSATION], fees_charged=[fee(charged)])
    assert finding(report, "fee-charged/fee-1").status == status


@pytest.mark.parametrize(
    ("charged", "ends", "continues"),
    [("2026-12-31", "violated", "violated"), ("2027-01-01", "discharged", "violated")],
)
def test_after_the_automatic_end_under_i14(check: Check, charged: str, ends: str, continues: str) -> None:
    fees = [fee(charged)]
    assert finding(check("2027-02-01", fees_charged=fees), "fee-charged/fee-1").status == ends
    assert finding(check("2027-02-01", settings={"I14": "continues_without_grant"}, fees_charged=fees), "fee-charged/fee-1").status == continues
