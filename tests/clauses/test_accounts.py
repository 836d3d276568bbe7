"""§8 "Frälsningsarmén ska varje år lämna skriftliga redogörelser för hur anslaget … disponerats" (I6, I2)."""

from __future__ import annotations

from typing import Any

import pytest

from iop_rules.clauses import accounts

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestAccountsContract(ClauseContract):
    clause = accounts.CLAUSE


def paid(year: int, date: str) -> dict[str, Any]:
    return {"id": f"gp-{year}", "grant_year": year, "date": date, "amount": "200000.00"}


def account(year: int, date: str, n: int = 1) -> dict[str, Any]:
    return {"id": f"acc-{year}-{n}", "grant_year": year, "date": date}


PAID_2026 = [paid(2026, "2026-01-28")]


# --- Done when ---------------------------------------------------------------------------------------------------


def test_the_2026_account_is_due_2027_03_31_and_survives_the_automatic_end(check: Check) -> None:
    report = check("2027-02-01", grant_payments=PAID_2026)
    assert report.agreement.state == "ended"
    assert report.agreement.last_day == day("2026-12-31")
    found = finding(report, "annual-account/2026")
    assert (found.status, found.due, found.party) == ("due", day("2027-03-31"), "fa")
    assert found.id in {f.id for f in report.upcoming}


@pytest.mark.parametrize(
    ("handed_in", "status"),
    [("2027-03-30", "fulfilled"), ("2027-03-31", "fulfilled"), ("2027-04-01", "fulfilled_late")],
)
def test_the_2026_account_after_the_automatic_end_boundary(check: Check, handed_in: str, status: str) -> None:
    report = check("2027-04-02", grant_payments=PAID_2026, annual_accounts=[account(2026, handed_in)])
    assert finding(report, "annual-account/2026").status == status


@pytest.mark.parametrize(("as_of", "status"), [("2027-03-31", "due"), ("2027-04-01", "violated")])
def test_the_2026_account_not_handed_in_is_a_breach_by_fa_after_the_deadline(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, grant_payments=PAID_2026)
    found = finding(report, "annual-account/2026")
    assert found.status == status
    assert (found.id in {f.id for f in report.breaches}) == (status == "violated")


# --- Which years --------------------------------------------------------------------------------------------------


def test_no_grant_paid_no_account(check: Check) -> None:
    report = check("2026-06-01", grant_payments=[paid(2025, "2025-01-20")])
    assert report.finding("annual-account/2025") is not None
    assert report.finding("annual-account/2026") is None


def test_an_account_for_another_year_does_not_fulfil(check: Check) -> None:
    report = check("2026-04-01", grant_payments=[paid(2025, "2025-01-20")], annual_accounts=[account(2026, "2026-03-01")])
    assert finding(report, "annual-account/2025").status == "violated"


def test_the_first_account_for_the_year_counts(check: Check) -> None:
    report = check(
        "2026-05-01",
        grant_payments=[paid(2025, "2025-01-20")],
        annual_accounts=[account(2025, "2026-03-20"), account(2025, "2026-04-20", 2)],
    )
    found = finding(report, "annual-account/2025")
    assert found.status == "fulfilled"
    assert {e.id for e in found.evidence} == {"gp-2025", "acc-2025-1", "acc-2025-2"}


# --- I6 both ways, with I2 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("handed_in", "status"), [("2026-03-31", "fulfilled"), ("2026-04-01", "fulfilled_late")])
def test_i6_default_31_march_of_the_next_year(check: Check, handed_in: str, status: str) -> None:
    report = check("2026-05-01", grant_payments=[paid(2025, "2025-01-20")], annual_accounts=[account(2025, handed_in)])
    found = finding(report, "annual-account/2025")
    assert (found.status, found.due) == (status, day("2026-03-31"))
    assert "I6" in found.settings


@pytest.mark.parametrize(
    ("settings", "due"),
    [
        # 2026-12-31 is New Year's Eve; 1 January a holiday; 2–3 January a weekend.
        ({"I6": "december_31_same_year"}, "2027-01-04"),
        ({"I6": "december_31_same_year", "I2": "no_move"}, "2026-12-31"),
        ({"I2": "no_move"}, "2027-03-31"),
    ],
)
def test_i6_and_i2_readings(check: Check, settings: dict[str, str], due: str) -> None:
    report = check("2026-06-01", settings=settings, grant_payments=PAID_2026)
    found = finding(report, "annual-account/2026")
    assert found.due == day(due)
    assert {"I2", "I6"} <= set(found.settings)


@pytest.mark.parametrize(
    ("handed_in", "status"), [("2027-01-03", "fulfilled"), ("2027-01-04", "fulfilled"), ("2027-01-05", "fulfilled_late")]
)
def test_i6_december_reading_moved_to_4_january(check: Check, handed_in: str, status: str) -> None:
    report = check(
        "2027-02-01", settings={"I6": "december_31_same_year"}, grant_payments=PAID_2026, annual_accounts=[account(2026, handed_in)]
    )
    assert finding(report, "annual-account/2026").status == status


def test_i2_moves_the_2028_account_past_easter_2029(check: Check) -> None:
    # 2029-03-31 is a Saturday, 1 April Easter Sunday, 2 April Easter Monday.
    report = check("2028-06-01", grant_payments=[paid(2028, "2028-01-28")])
    assert finding(report, "annual-account/2028").due == day("2029-04-03")
    no_move = check("2028-06-01", settings={"I2": "no_move"}, grant_payments=[paid(2028, "2028-01-28")])
    assert finding(no_move, "annual-account/2028").due == day("2029-03-31")


def test_the_2028_account_survives_the_term_s_expiry(check: Check) -> None:
    report = check("2029-04-03", grant_payments=[paid(2028, "2028-01-28")])
    assert report.agreement.state == "ended"
    assert finding(report, "annual-account/2028").status == "due"
    assert finding(check("2029-04-04", grant_payments=[paid(2028, "2028-01-28")]), "annual-account/2028").status == "violated"


def test_reasoning_says_how_the_deadline_was_computed(agreement: Any) -> None:
    from iop_rules.evaluate import context_for

    from ..conftest import make_facts

    ctx = context_for(agreement, make_facts(grant_payments=PAID_2026), as_of=day("2026-06-01"), settings={"I6": "december_31_same_year"})
    (candidate,) = accounts.evaluate(ctx)
    text = " ".join(en for _, en in candidate.steps())
    assert "I6 = december_31_same_year" in text
    assert "→ 2027-01-04 (I2)" in text
    assert all(sv and en for sv, en in candidate.steps())


def test_a_deadline_set_by_a_reading_is_not_called_as_agreed(check: Check) -> None:
    """Words the report uses: "som avtalat" only for a deadline written in the agreement; I6 set this one."""
    found = finding(check("2027-04-15", grant_payments=PAID_2026, annual_accounts=[account(2026, "2027-03-30")]), "annual-account/2026")
    assert found.status == "fulfilled"
    assert "enligt tolkning I6" in found.message.sv and "under reading I6" in found.message.en
    assert "som avtalat" not in found.message.sv and "as agreed" not in found.message.en
