"""§6 Årligt bidrag: city pays fa the annual grant, by 31 January of the grant year.

"Helsingborgs stads bidrag till Frälsningsarmén ska för 2025 uppgå till 200 000 kr, för 2026 till 200 000 kr.
(Bidrag för 2027 och 2028 omförhandlas senast 261231.)" and "Bidrag ska utbetalas till Frälsningsarmén senast
den 31 januari respektive år."

- The amount owed comes from ``agreement.toml`` for the fixed years, and for the renegotiated years (§4) only
  from a valid (§10) compensation amendment (``ctx.grant_amount``); a year with no amount owed has no duty.
- The deadline is the written day moved under I2 (``ctx.payment_deadline``).
- Several payments for one year add up; the duty is done on the day the sum first reaches the amount owed.
  Short after the deadline: ``violated``, with the missing amount; paid in full after it: ``fulfilled_late``.
- Overpayment is a note with the excess, never a breach; so is a payment for a year with no grant owed.
- A year whose deadline falls after the agreement's effective end is ``discharged``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .._types import format_sek
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..dates import move_deadline_explained
from ..facts import GrantPayment
from ..messages import duty_message, fixed_text
from ..report import Evidence, money

SECTION = "6"


def _payments(ctx: Context, year: int) -> list[GrantPayment]:
    return list(ctx.index.payments_by_grant_year.get(year, ()))


def _evidence(payment: GrantPayment) -> Evidence:
    return Evidence(fact="grant_payments", id=payment.id, date=payment.date, detail=f"amount {payment.amount}")


def _day_paid_in_full(payments: list[GrantPayment], owed: Decimal) -> dt.date | None:
    """The day the payments' running sum first reached the amount owed."""
    total = Decimal(0)
    for payment in payments:
        total += payment.amount
        if total >= owed:
            return payment.date
    return None


def _years(ctx: Context) -> list[int]:
    term = ctx.agreement.term
    years = set(range(term.start.year, term.end.year + 1))
    years.update(ctx.index.payments_by_grant_year)
    return sorted(years)


def grant_payment(ctx: Context, year: int, owed: Decimal, source: str) -> list[Candidate]:
    """The payment duty of one grant year, and a note when more than the grant was paid."""
    grants = ctx.agreement.grants
    written = grants.deadline(year)
    due, moved = move_deadline_explained(written, ctx.settings.I2)
    payments = _payments(ctx, year)
    paid = sum((p.amount for p in payments), Decimal(0))
    done = _day_paid_in_full(payments, owed)
    missing = money(max(owed - paid, Decimal(0)))
    discharged = ctx.is_discharged(due)
    renegotiated = source != "agreement"
    owed_sv, owed_en = format_sek(owed, "sv"), format_sek(owed, "en")
    paid_sv, paid_en = format_sek(paid, "sv"), format_sek(paid, "en")
    missing_sv, missing_en = format_sek(missing, "sv"), format_sek(missing, "en")
    where_sv = f"enligt tillägg {source} (§4, §10)" if renegotiated else "enligt överenskommelsen"
    where_en = f"under amendment {source} (§4, §10)" if renegotiated else "under the agreement"

    reasoning: list[tuple[str, str]] = [
        (f"Bidrag {year}: {owed_sv} {where_sv}", f"Grant {year}: {owed_en} {where_en}"),
        (f"Skrivet datum: {written.isoformat()}", f"Written deadline: {written.isoformat()}"),
        *moved,
    ]
    if payments:
        running = Decimal(0)
        for payment in payments:
            running += payment.amount
            reasoning.append(
                (
                    f"{payment.date.isoformat()} betalt {format_sek(payment.amount, 'sv')} ({payment.id}), sammanlagt {format_sek(running, 'sv')}",
                    f"{payment.date.isoformat()} paid {format_sek(payment.amount, 'en')} ({payment.id}), {format_sek(running, 'en')} in all",
                )
            )
    if done is None:
        reasoning.append((f"Saknas: {missing_sv}", f"Missing: {missing_en}"))

    if done is not None:
        extra = (f"Betalt sammanlagt {paid_sv}.", f"Paid {paid_en} in all.")
    elif payments:
        extra = (
            f"Betalt hittills {paid_sv}; {missing_sv} saknas.",
            f"Paid so far {paid_en}; {missing_en} missing.",
        )
    else:
        extra = (f"Inget betalt; {missing_sv} saknas.", f"Nothing paid; {missing_en} missing.")

    if due != written:
        extra = (f"{extra[0]} Fristen {written.isoformat()} flyttas till {due.isoformat()} (I2).", f"{extra[1]} The deadline {written.isoformat()} moves to {due.isoformat()} (I2).")

    def describe(status: str) -> tuple[str, str]:
        what = (
            f"Staden ska betala bidraget för {year}, {owed_sv}, till Frälsningsarmén",
            f"The city must pay the grant for {year}, {owed_en}, to the Salvation Army",
        )
        return duty_message(status, ctx, what, due, done, extra, reading="I2" if due != written else None)

    evidence = [_evidence(p) for p in payments]
    if renegotiated:
        evidence.append(Evidence(fact="amendments", id=source, detail=f"grant {year} = {owed}"))
    else:
        evidence.append(Evidence(fact="agreement", id=f"grants.amounts.{year}", detail=f"grant {year} = {owed}"))
    settings = ("I2", "I14") if renegotiated else ("I2",)
    out = [
        Candidate(
            id=f"grant-payment/{year}",
            kind="duty",
            section=SECTION,
            quote_key="grant_payment",
            extra_quote=("grant_renegotiation",) if renegotiated else ("grant_amounts",),
            party="city",
            severity="major",
            describe=describe,
            due=due,
            done=done,
            discharged=discharged,
            evidence=tuple(evidence),
            amount=None if done is not None or discharged else missing,
            settings=settings,
            reasoning=tuple(reasoning),
        )
    ]
    # Overpayment is reported, not a breach: city paid more than it owed, fa owes nothing back under §6.
    # A year discharged by the agreement's end owes nothing, so anything paid for it is reported the same way.
    if discharged and payments:
        out.append(_unowed(ctx, year, payments, discharged=True))
    elif paid > owed:
        excess = money(paid - owed)
        texts = (
            f"Staden har betalat {paid_sv} för {year}, {format_sek(excess, 'sv')} mer än bidraget {owed_sv}. Detta är ingen avvikelse.",
            f"The city has paid {paid_en} for {year}, {format_sek(excess, 'en')} more than the grant of {owed_en}. This is not a breach.",
        )

        out.append(
            Candidate(
                id=f"grant-overpayment/{year}",
                kind="note",
                section=SECTION,
                quote_key="grant_amounts" if not renegotiated else "grant_renegotiation",
                party="city",
                severity="minor",
                describe=fixed_text(texts),
                evidence=tuple(evidence),
                amount=excess,
                settings=settings,
                reasoning=((f"{paid_sv} − {owed_sv} = {format_sek(excess, 'sv')}", f"{paid_en} − {owed_en} = {format_sek(excess, 'en')}"),),
            )
        )
    return out


def _unowed(ctx: Context, year: int, payments: list[GrantPayment], discharged: bool = False) -> Candidate:
    """A note on payments for a year for which no grant is owed: nothing agreed yet, or the agreement ended."""
    paid = sum((p.amount for p in payments), Decimal(0))
    paid_sv, paid_en = format_sek(paid, "sv"), format_sek(paid, "en")
    if discharged:
        why = (
            f"överenskommelsen upphör {ctx.standing.last_day.isoformat()}, före betalningsdagen",
            f"the agreement ends on {ctx.standing.last_day.isoformat()}, before the payment deadline",
        )
    elif year in ctx.agreement.term.renegotiated_grant_years:
        why = (
            "inget giltigt tillägg (§10) anger bidraget för det året",
            "no valid amendment (§10) sets that year's grant",
        )
    else:
        why = ("året omfattas inte av överenskommelsens bidrag", "the agreement sets no grant for that year")
    texts = (
        f"Staden har betalat {paid_sv} som bidrag för {year}, men inget bidrag är skyldigt för {year}: {why[0]}. Detta är ingen avvikelse.",
        f"The city has paid {paid_en} as the grant for {year}, but no grant is owed for {year}: {why[1]}. This is not a breach.",
    )

    return Candidate(
        id=f"grant-unowed/{year}",
        kind="note",
        section=SECTION,
        quote_key="grant_amounts",
        extra_quote=("grant_renegotiation",),
        party="city",
        severity="minor",
        describe=fixed_text(texts),
        evidence=tuple(_evidence(p) for p in payments),
        amount=money(paid),
        settings=("I14",) if year in ctx.agreement.term.renegotiated_grant_years else (),
    )


def evaluate(ctx: Context) -> list[Candidate]:
    """Each grant year's payment duty on the evaluation day, and notes on payments beyond what is owed."""
    out: list[Candidate] = []
    for year in _years(ctx):
        owed = ctx.grant_amount(year)
        if owed is not None:
            out.extend(grant_payment(ctx, year, *owed))
            continue
        payments = _payments(ctx, year)
        if payments:
            out.append(_unowed(ctx, year, payments))
    return out


CLAUSE = Clause(
    name="grants",
    sections=(SECTION,),
    rules=(
        Rule(
            "grant-payment/{year}",
            SECTION,
            "grant_payment",
            "City pays fa each year's grant by 31 January of the year, moved off weekends and holidays under I2; "
            "2025 and 2026 as the agreement says, 2027 and 2028 only as a valid compensation amendment says. "
            "Several payments add up; short after the deadline is a breach stating the missing amount; paid in "
            "full after the deadline is fulfilled late; a year due after the agreement's end is discharged.",
            "Staden betalar varje års bidrag till Frälsningsarmén senast 31 januari samma år, flyttat från helgdagar "
            "enligt I2; 2025 och 2026 enligt överenskommelsen, 2027 och 2028 bara enligt ett giltigt tillägg om "
            "ersättningen. Flera betalningar räknas samman; för lite efter fristen är en avvikelse med det belopp "
            "som saknas; fullt betalt efter fristen är uppfyllt för sent; ett år som förfaller efter att "
            "överenskommelsen upphört bortfaller.",
            ("I2", "I14"),
        ),
        Rule(
            "grant-overpayment/{year}",
            SECTION,
            "grant_amounts",
            "More paid for a year than the grant owed is reported with the excess, not as a breach.",
            "Mer betalt för ett år än bidraget redovisas med överskottet, inte som en avvikelse.",
        ),
        Rule(
            "grant-unowed/{year}",
            SECTION,
            "grant_amounts",
            "A payment for a year with no grant owed (none agreed, or the agreement ended first) is reported, "
            "not as a breach.",
            "En betalning för ett år utan skyldigt bidrag (inget överenskommet, eller överenskommelsen upphörde "
            "dessförinnan) redovisas, inte som en avvikelse.",
            ("I14",),
        ),
    ),
    evaluate=evaluate,
)
