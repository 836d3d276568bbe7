"""Properties of the money rules (§6 grant payments, §8 repayment) that must hold for every input, not only the
examples: what is claimable is never negative, never above the amount affected nor the grant paid that year; an
established exemption always gives 0; a repayment never raises what is claimable; an on-time payment never adds
a breach."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from iop_rules import Agreement, assess_repayment, evaluate, load_agreement
from iop_rules._types import from_ore
from iop_rules.dates import move_deadline

from .conftest import make_facts

AGREEMENT: Agreement = load_agreement()
YEAR = 2025
CASE_DAY = dt.date(2025, 3, 1)

# Round sums and one öre around the 200 000 kr grant, so that exact totals and boundaries are drawn often.
_NOTABLE = [200_000_00, 100_000_00, 50_000_00, 199_999_99, 200_000_01, 1]
ore = st.one_of(st.sampled_from([0, *_NOTABLE]), st.integers(min_value=0, max_value=300_000_00))
positive_ore = st.one_of(st.sampled_from(_NOTABLE), st.integers(min_value=1, max_value=300_000_00))
outcome = st.sampled_from([None, "established", "rejected"])
days_2025 = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31))


def sek(value: int) -> str:
    return str(from_ore(value))


@st.composite
def misuse_facts(draw: st.DrawFn, exemption: bool = False) -> tuple[dict[str, Any], dt.date]:
    """Facts with one misuse case of 2025's funds, grant payments for 2025 (and 2026), repayments and claims."""
    determinations: dict[str, Any] = {}
    letters = ["care_shown", "disproportionate"]
    forced = draw(st.sampled_from(letters)) if exemption else None
    for field in letters:
        found = "established" if field == forced else draw(outcome)
        if found is not None:
            determinations[field] = {"outcome": found, "date": draw(st.dates(CASE_DAY, dt.date(2026, 6, 30))).isoformat()}
    payments = [
        {"id": f"gp-{i}", "grant_year": draw(st.sampled_from([YEAR, YEAR, 2026])), "date": draw(days_2025).isoformat(), "amount": sek(draw(ore))}
        for i in range(draw(st.integers(0, 3)))
    ]
    repayments = [
        {"id": f"rp-{i}", "date": draw(st.dates(CASE_DAY, dt.date(2026, 6, 30))).isoformat(), "amount": sek(draw(ore))}
        for i in range(draw(st.integers(0, 3)))
    ]
    claims = [
        {"id": f"cl-{i}", "date": draw(st.dates(CASE_DAY, dt.date(2026, 6, 30))).isoformat(), "amount": sek(draw(ore))}
        for i in range(draw(st.integers(0, 2)))
    ]
    case = {
        "id": "mc",
        "date": CASE_DAY.isoformat(),
        "grant_year": YEAR,
        "amount": sek(draw(ore)),
        "manifest": draw(st.sampled_from([True, True, False, None])),
        "repayments": repayments,
        "claims": claims,
        **determinations,
    }
    as_of = draw(st.dates(CASE_DAY, dt.date(2029, 12, 31)))
    return {"grant_payments": payments, "misuse_cases": [case]}, as_of


def paid_for_year(data: dict[str, Any], as_of: dt.date) -> Decimal:
    return sum(
        (Decimal(p["amount"]) for p in data["grant_payments"] if p["grant_year"] == YEAR and dt.date.fromisoformat(p["date"]) <= as_of),
        Decimal(0),
    )


@given(misuse_facts())
def test_claimable_is_never_negative_nor_above_the_affected_amount_nor_the_grant_paid(drawn: tuple[dict[str, Any], dt.date]) -> None:
    data, as_of = drawn
    result = assess_repayment(AGREEMENT, make_facts(**data), "mc", as_of=as_of)
    assert result.claimable >= 0
    assert result.claimable <= Decimal(data["misuse_cases"][0]["amount"])
    assert result.claimable <= paid_for_year(data, as_of)
    assert result.claimable == result.claimable.quantize(Decimal("0.01"))
    assert result.excess_claimed is None or result.excess_claimed > 0


@given(misuse_facts(exemption=True))
def test_an_established_exemption_always_gives_zero(drawn: tuple[dict[str, Any], dt.date]) -> None:
    data, as_of = drawn
    case = data["misuse_cases"][0]
    result = assess_repayment(AGREEMENT, make_facts(**data), "mc", as_of=as_of)
    known = [
        f
        for f in ("care_shown", "disproportionate")
        if f in case and case[f]["outcome"] == "established" and dt.date.fromisoformat(case[f]["date"]) <= as_of
    ]
    if known:
        assert result.claimable == 0
        assert result.status in ("exempt", "not_manifest")


@given(misuse_facts(), positive_ore, st.dates(CASE_DAY, dt.date(2029, 12, 31)))
def test_a_repayment_never_raises_what_is_claimable(drawn: tuple[dict[str, Any], dt.date], amount: int, repaid_on: dt.date) -> None:
    data, as_of = drawn
    before = assess_repayment(AGREEMENT, make_facts(**data), "mc", as_of=as_of)
    case = data["misuse_cases"][0]
    more = {**case, "repayments": [*case["repayments"], {"id": "rp-new", "date": repaid_on.isoformat(), "amount": sek(amount)}]}
    after = assess_repayment(AGREEMENT, make_facts(grant_payments=data["grant_payments"], misuse_cases=[more]), "mc", as_of=as_of)
    assert after.claimable <= before.claimable
    assert after.status == before.status


@st.composite
def grant_history(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dt.date, str, int]:
    """Grant payments around the deadlines (mostly for the year of the payment to add), an evaluation day, an I2
    reading and that year."""
    year = draw(st.sampled_from([2025, 2026]))
    payments = [
        {
            "id": f"gp-{i}",
            "grant_year": draw(st.sampled_from([year, year, 2025, 2026])),
            "date": draw(st.dates(dt.date(2024, 12, 1), dt.date(2026, 6, 30))).isoformat(),
            "amount": sek(draw(ore)),
        }
        for i in range(draw(st.integers(0, 4)))
    ]
    as_of = draw(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)))
    return payments, as_of, draw(st.sampled_from(["next_business_day", "no_move"])), year


@given(grant_history(), positive_ore, st.integers(min_value=0, max_value=60))
# The grant paid exactly, then an earlier payment added: the sum passes the amount on the earlier day.
@example(([{"id": "gp-0", "grant_year": 2025, "date": "2025-01-26", "amount": "200000.00"}], dt.date(2025, 3, 1), "next_business_day", 2025), 1, 10)
def test_an_on_time_payment_never_adds_a_breach(history: tuple[list[dict[str, Any]], dt.date, str, int], amount: int, days_early: int) -> None:
    payments, as_of, i2, year = history
    due = move_deadline(AGREEMENT.grants.deadline(year), i2)
    on_time = {"id": "gp-new", "grant_year": year, "date": (due - dt.timedelta(days=days_early)).isoformat(), "amount": sek(amount)}
    settings = {"I2": i2}
    before = evaluate(AGREEMENT, make_facts(grant_payments=payments), as_of=as_of, settings=settings)
    after = evaluate(AGREEMENT, make_facts(grant_payments=[*payments, on_time]), as_of=as_of, settings=settings)
    # A grant paid makes fa owe an account of it (§8): a new duty of the other party, not a breach the payment
    # adds. The property is about the payment duties themselves.
    def grant_breaches(report: Any, unremedied: bool = False) -> set[str]:
        found = report.unremedied_breaches() if unremedied else report.breaches
        return {f.id for f in found if f.id.startswith("grant-")}

    assert grant_breaches(after) <= grant_breaches(before)
    assert grant_breaches(after, unremedied=True) <= grant_breaches(before, unremedied=True)
    assert not [f for f in after.findings() if f.id.startswith("grant-") and f.id not in {g.id for g in before.findings()} and f.status != "noted"]
