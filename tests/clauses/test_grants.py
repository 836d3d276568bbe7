"""§6 Årligt bidrag: "Bidrag ska utbetalas till Frälsningsarmén senast den 31 januari respektive år."

2025 and 2026 are fixed in the agreement; 2027 and 2028 exist only through a valid compensation amendment (§4,
§10). Deadlines move off weekends and holidays under I2 (2026-01-31 is a Saturday, 2027-01-31 a Sunday).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from iop_rules.clauses import grants
from iop_rules.context import as_text

from ..conftest import Check, day, finding
from .contract import ClauseContract

NO_MOVE = {"I2": "no_move"}


class TestGrantsContract(ClauseContract):
    clause = grants.CLAUSE


def pay(year: int, date: str, amount: str, n: int = 1) -> dict[str, Any]:
    """A grant payment for a year."""
    return {"id": f"gp-{year}-{n}", "grant_year": year, "date": date, "amount": amount}


def compensation(signed: str = "2026-06-15", valid: bool = True, grants_by_year: dict[str, str] | None = None) -> dict[str, Any]:
    """A written amendment agreeing later years' grants, signed by both on ``signed`` (or only by fa)."""
    return {
        "id": "amend-comp",
        "date": "2026-06-01",
        "in_writing": True,
        "signed_by_city": signed if valid else None,
        "signed_by_fa": signed,
        "changes": "Bidrag 2027 och 2028",
        "grants": grants_by_year or {"2027": "210000.00", "2028": "215000.00"},
    }


# --- Done when ---------------------------------------------------------------------------------------------------


def test_2026_grant_paid_on_2_february_is_on_time_by_default_and_late_without_the_move(check: Check) -> None:
    payments = [pay(2026, "2026-02-02", "200000.00")]
    default = finding(check("2026-03-01", grant_payments=payments), "grant-payment/2026")
    assert default.status == "fulfilled"
    assert default.due == day("2026-02-02")
    alternative = finding(check("2026-03-01", settings=NO_MOVE, grant_payments=payments), "grant-payment/2026")
    assert alternative.status == "fulfilled_late"
    assert alternative.due == day("2026-01-31")
    assert "I2" in default.settings and "I2" in alternative.settings


def test_199_999_99_paid_for_2025_is_a_breach_short_by_one_ore(check: Check) -> None:
    report = check("2025-03-01", grant_payments=[pay(2025, "2025-01-20", "199999.99")])
    grant = finding(report, "grant-payment/2025")
    assert grant.status == "violated"
    assert grant.amount == Decimal("0.01")
    assert grant.party == "city"
    assert "0,01 kr" in grant.message.sv and "SEK 0.01" in grant.message.en
    assert grant in report.unremedied_breaches()


def test_no_2027_grant_duty_without_a_valid_compensation_amendment(check: Check) -> None:
    for as_of in ("2026-11-30", "2026-12-31", "2027-03-01"):
        assert check(as_of).finding("grant-payment/2027") is None
        assert check(as_of, amendments=[compensation(valid=False)]).finding("grant-payment/2027") is None
    # Under I14's alternative the agreement goes on, but still without a grant for 2027.
    assert check("2027-03-01", settings={"I14": "continues_without_grant"}).finding("grant-payment/2027") is None


def test_a_2027_grant_of_210_000_in_a_valid_amendment_is_due_on_1_february_2027(check: Check) -> None:
    report = check("2027-01-15", amendments=[compensation(grants_by_year={"2027": "210000.00"})])
    grant = finding(report, "grant-payment/2027")
    assert grant.due == day("2027-02-01")
    assert grant.status == "due"
    assert grant.amount == Decimal("210000.00")
    assert any(e.fact == "amendments" and e.id == "amend-comp" for e in grant.evidence)
    assert "210 000,00 kr" in grant.message.sv
    assert "I14" in grant.settings
    no_move = finding(check("2027-01-15", settings=NO_MOVE, amendments=[compensation()]), "grant-payment/2027")
    assert no_move.due == day("2027-01-31")


# --- Deadlines and I2: the day before, the day, the day after ---------------------------------------------------


@pytest.mark.parametrize(
    ("paid", "status"),
    [("2025-01-30", "fulfilled"), ("2025-01-31", "fulfilled"), ("2025-02-01", "fulfilled_late")],
)
def test_2025_payment_around_31_january(check: Check, paid: str, status: str) -> None:
    # 2025-01-31 is a Friday: no move under either reading.
    for settings in (None, NO_MOVE):
        grant = finding(check("2025-03-01", settings=settings, grant_payments=[pay(2025, paid, "200000.00")]), "grant-payment/2025")
        assert grant.due == day("2025-01-31")
        assert grant.status == status


@pytest.mark.parametrize(
    ("paid", "default", "no_move"),
    [
        ("2026-01-30", "fulfilled", "fulfilled"),
        ("2026-01-31", "fulfilled", "fulfilled"),
        ("2026-02-01", "fulfilled", "fulfilled_late"),
        ("2026-02-02", "fulfilled", "fulfilled_late"),
        ("2026-02-03", "fulfilled_late", "fulfilled_late"),
    ],
)
def test_2026_payment_around_the_moved_deadline(check: Check, paid: str, default: str, no_move: str) -> None:
    payments = [pay(2026, paid, "200000.00")]
    assert finding(check("2026-03-01", grant_payments=payments), "grant-payment/2026").status == default
    assert finding(check("2026-03-01", settings=NO_MOVE, grant_payments=payments), "grant-payment/2026").status == no_move


@pytest.mark.parametrize(
    ("paid", "default", "no_move"),
    [
        ("2027-01-30", "fulfilled", "fulfilled"),
        ("2027-01-31", "fulfilled", "fulfilled"),
        ("2027-02-01", "fulfilled", "fulfilled_late"),
        ("2027-02-02", "fulfilled_late", "fulfilled_late"),
    ],
)
def test_2027_payment_around_the_moved_deadline(check: Check, paid: str, default: str, no_move: str) -> None:
    facts: dict[str, Any] = {"amendments": [compensation()], "grant_payments": [pay(2027, paid, "210000.00")]}
    assert finding(check("2027-03-01", **facts), "grant-payment/2027").status == default
    assert finding(check("2027-03-01", settings=NO_MOVE, **facts), "grant-payment/2027").status == no_move


@pytest.mark.parametrize(
    ("as_of", "default", "no_move"),
    [
        ("2026-01-30", "due", "due"),
        ("2026-01-31", "due", "due"),
        ("2026-02-01", "due", "violated"),
        ("2026-02-02", "due", "violated"),
        ("2026-02-03", "violated", "violated"),
    ],
)
def test_unpaid_2026_grant_as_the_days_pass(check: Check, as_of: str, default: str, no_move: str) -> None:
    assert finding(check(as_of), "grant-payment/2026").status == default
    assert finding(check(as_of, settings=NO_MOVE), "grant-payment/2026").status == no_move


@pytest.mark.parametrize(("as_of", "status"), [("2025-01-30", "due"), ("2025-01-31", "due"), ("2025-02-01", "violated")])
def test_unpaid_2025_grant_as_the_days_pass(check: Check, as_of: str, status: str) -> None:
    grant = finding(check(as_of), "grant-payment/2025")
    assert grant.status == status
    assert grant.amount == Decimal("200000.00")


def test_a_grant_beyond_the_horizon_is_pending(check: Check) -> None:
    # 2025-01-31 is 61 days after 2024-12-01: beyond the default horizon of 60 days (I13).
    assert finding(check("2024-12-01"), "grant-payment/2025").status == "pending"
    assert finding(check("2024-12-02"), "grant-payment/2025").status == "due"


def test_the_move_is_explained_step_by_step(agreement: Any) -> None:
    from iop_rules.evaluate import context_for

    from ..conftest import make_facts

    ctx = context_for(agreement, make_facts(), as_of=day("2026-01-15"))
    grant = next(c for c in grants.evaluate(ctx) if c.id == "grant-payment/2026")
    steps_sv = " | ".join(sv for sv, _ in grant.step_pairs())
    steps_en = " | ".join(en for _, en in grant.step_pairs())
    assert "2026-01-31 (lördag)" in steps_sv and "2026-02-01 (söndag)" in steps_sv and "→ 2026-02-02 (I2)" in steps_sv
    assert "Saturday" in steps_en and "Sunday" in steps_en
    assert "200 000,00 kr enligt överenskommelsen" in steps_sv
    assert "flyttas därför till 2026-02-02" in as_text(grant.describe("due")).sv


# --- Amounts: one öre short, exact, one öre over; several payments ----------------------------------------------


@pytest.mark.parametrize(
    ("amount", "status", "missing", "over"),
    [
        ("199999.99", "violated", Decimal("0.01"), None),
        ("200000.00", "fulfilled", None, None),
        ("200000.01", "fulfilled", None, Decimal("0.01")),
    ],
)
def test_amount_one_ore_around_the_grant(check: Check, amount: str, status: str, missing: Decimal | None, over: Decimal | None) -> None:
    report = check("2025-03-01", grant_payments=[pay(2025, "2025-01-20", amount)])
    grant = finding(report, "grant-payment/2025")
    assert grant.status == status
    assert grant.amount == missing
    overpayment = report.finding("grant-overpayment/2025")
    if over is None:
        assert overpayment is None
    else:
        assert overpayment is not None
        assert overpayment.kind == "note" and overpayment.amount == over
        assert "0,01 kr" in overpayment.message.sv
        assert overpayment not in report.breaches


def test_several_payments_add_up_on_time(check: Check) -> None:
    payments = [pay(2025, "2025-01-10", "150000.00", 1), pay(2025, "2025-01-31", "50000.00", 2)]
    grant = finding(check("2025-03-01", grant_payments=payments), "grant-payment/2025")
    assert grant.status == "fulfilled"
    assert {e.id for e in grant.evidence} >= {"gp-2025-1", "gp-2025-2"}


def test_a_short_payment_completed_late_is_fulfilled_late_on_the_day_the_sum_was_reached(check: Check) -> None:
    payments = [pay(2025, "2025-01-10", "150000.00", 1), pay(2025, "2025-02-10", "50000.00", 2)]
    grant = finding(check("2025-03-01", grant_payments=payments), "grant-payment/2025")
    assert grant.status == "fulfilled_late"
    assert "2025-02-10" in grant.message.sv and "10 dagar för sent" in grant.message.sv


def test_a_partial_payment_before_the_deadline_is_still_due_with_what_is_missing(check: Check) -> None:
    payments = [pay(2025, "2025-01-10", "150000.00")]
    before = finding(check("2025-01-31", grant_payments=payments), "grant-payment/2025")
    assert before.status == "due" and before.amount == Decimal("50000.00")
    after = finding(check("2025-02-01", grant_payments=payments), "grant-payment/2025")
    assert after.status == "violated" and after.amount == Decimal("50000.00")
    assert "50 000,00 kr saknas" in after.message.sv


def test_a_payment_for_a_year_with_no_grant_owed_is_a_note_not_a_breach(check: Check) -> None:
    report = check("2027-03-01", settings={"I14": "continues_without_grant"}, grant_payments=[pay(2027, "2027-01-20", "100000.00")])
    assert report.finding("grant-payment/2027") is None
    note = finding(report, "grant-unowed/2027")
    assert note.kind == "note" and note.amount == Decimal("100000.00")
    assert not [f for f in report.breaches if f.id.endswith("/2027")]
    # 2027 is a renegotiated year: whether its grant is owed rests on I14.
    assert note.settings == ("I14",)


def test_a_payment_for_a_year_outside_the_term_is_a_note(check: Check) -> None:
    report = check("2025-03-01", grant_payments=[pay(2024, "2024-12-20", "200000.00")])
    note = finding(report, "grant-unowed/2024")
    assert note.status == "noted"
    assert report.finding("grant-payment/2024") is None
    # No reading of the register decides that nothing is owed for a year before the term.
    assert note.settings == ()


def test_a_payment_is_not_seen_before_its_day(check: Check) -> None:
    payments = [pay(2025, "2025-01-31", "200000.00")]
    assert finding(check("2025-01-30", grant_payments=payments), "grant-payment/2025").status == "due"
    assert finding(check("2025-01-31", grant_payments=payments), "grant-payment/2025").status == "fulfilled"


# --- 2027 and 2028 through the compensation amendment, and the agreement's end -----------------------------------


def test_the_newest_valid_amendment_sets_the_amount(check: Check) -> None:
    first = compensation("2026-06-15")
    second = {**compensation("2026-09-15"), "id": "amend-comp-2", "grants": {"2028": "230000.00"}}
    report = check("2027-12-15", amendments=[first, second])
    assert finding(report, "grant-payment/2028").amount == Decimal("230000.00")
    assert finding(report, "grant-payment/2027").amount == Decimal("210000.00")


def test_2028_grant_due_on_31_january_2028(check: Check) -> None:
    # 2028-01-31 is a Monday.
    report = check("2028-01-31", amendments=[compensation()], grant_payments=[pay(2028, "2028-01-31", "215000.00")])
    grant = finding(report, "grant-payment/2028")
    assert grant.due == day("2028-01-31") and grant.status == "fulfilled"


def notice(date: str) -> dict[str, Any]:
    return {"id": "notice-fa", "party": "fa", "date": date}


@pytest.mark.parametrize(
    ("notice_day", "default", "no_move"),
    [
        # last day = notice + 12 months; the 2027 grant is due 2027-02-01 (default) or 2027-01-31 (no move).
        ("2026-01-30", "discharged", "discharged"),
        ("2026-01-31", "discharged", "due"),
        ("2026-02-01", "due", "due"),
    ],
)
def test_a_grant_falling_due_after_the_agreement_ends_is_discharged(check: Check, notice_day: str, default: str, no_move: str) -> None:
    facts: dict[str, Any] = {"amendments": [compensation()], "termination_notices": [notice(notice_day)]}
    assert finding(check("2027-01-20", **facts), "grant-payment/2027").status == default
    assert finding(check("2027-01-20", settings=NO_MOVE, **facts), "grant-payment/2027").status == no_move
    assert finding(check("2027-01-20", **facts), "grant-payment/2028").status == "discharged"


def test_a_payment_for_a_discharged_year_is_reported_as_not_owed(check: Check) -> None:
    report = check(
        "2027-01-20",
        amendments=[compensation()],
        termination_notices=[notice("2025-06-01")],
        grant_payments=[pay(2027, "2027-01-10", "210000.00")],
    )
    assert finding(report, "grant-payment/2027").status == "discharged"
    assert "2026-06-01" in finding(report, "grant-unowed/2027").message.sv


def test_grant_payments_are_city_duties_citing_section_6(check: Check) -> None:
    grant = finding(check("2025-03-01"), "grant-payment/2025")
    assert grant.party == "city" and grant.section == "6" and grant.kind == "duty"
    assert "senast den 31 januari respektive år" in grant.quote
    assert "200 000 kr" in grant.quote


@pytest.mark.parametrize("year", ["2024", "2029"])
def test_a_grant_an_amendment_sets_for_a_year_outside_the_term_is_no_payment_duty(check: Check, year: str) -> None:
    """§6 binds city for the term's years only (2025–2028): a valid compensation amendment that also names a
    grant for a year outside it creates no payment duty for that year."""
    report = check("2029-03-01", amendments=[compensation(grants_by_year={"2027": "210000.00", "2028": "210000.00", year: "50000.00"})])
    assert report.finding("grant-payment/2027") is not None
    assert report.finding(f"grant-payment/{year}") is None


def test_the_amendment_in_effect_last_sets_the_amount_whatever_its_id(check: Check) -> None:
    older = {**compensation("2026-06-15"), "id": "amend-z"}
    newer = {**compensation("2026-09-15"), "id": "amend-a", "grants": {"2027": "220000.00", "2028": "230000.00"}}
    report = check("2027-12-15", amendments=[older, newer])
    assert finding(report, "grant-payment/2027").amount == Decimal("220000.00")


def test_an_overpaid_renegotiated_grant_quotes_the_renegotiation(check: Check) -> None:
    report = check("2027-03-01", amendments=[compensation()], grant_payments=[pay(2027, "2027-01-20", "250000.00")])
    over = finding(report, "grant-overpayment/2027")
    assert over.quote.startswith("Bidrag för 2027 och 2028 omförhandlas")
