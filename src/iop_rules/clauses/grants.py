"""§6 Årligt bidrag: city pays fa the annual grant, by 31 January of the grant year.

"Helsingborgs stads bidrag till Frälsningsarmén ska för 2025 uppgå till 200 000 kr, för 2026 till 200 000 kr.
(Bidrag för 2027 och 2028 omförhandlas senast 261231.)" and "Bidrag ska utbetalas till Frälsningsarmén senast
den 31 januari respektive år."

- The amount owed comes from ``agreement.toml`` for the fixed years, and for the renegotiated years (§4) only
  from a valid (§10) compensation amendment (``ctx.grant_amount``); a year with no amount owed has no duty.
- The deadline is the written day moved under I2 (``dates.move_deadline_explained``).
- Several payments for one year add up; the duty is done on the day the sum first reaches the amount owed.
  Short after the deadline: ``violated``, with the missing amount; paid in full after it: ``fulfilled_late``.
- Overpayment is a note with the excess, never a breach; so is a payment for a year with no grant owed.
- A year whose deadline falls after the agreement's effective end is ``discharged``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..dates import move_deadline_explained
from ..facts import GrantPayment
from ..messages import duty, fixed, sentences
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
    where = msg("grant.source.amendment", amendment=source) if renegotiated else msg("grant.source.agreement")

    reasoning: list[Msg] = [
        msg("grant.step.owed", year=year, owed=owed, where=where),
        msg("grant.step.written", written=written),
        *moved,
    ]
    running = Decimal(0)
    for payment in payments:
        running += payment.amount
        reasoning.append(msg("grant.step.paid", day=payment.date, amount=payment.amount, record=payment.id, total=running))
    if done is None:
        reasoning.append(msg("grant.step.missing", missing=missing))

    if done is not None:
        extra = msg("grant.paid", paid=paid)
    elif payments:
        extra = msg("grant.paid_so_far", paid=paid, missing=missing)
    else:
        extra = msg("grant.nothing_paid", missing=missing)
    if due != written:
        extra = sentences(extra, msg("deadline.moved", written=written, due=due))
    what = msg("grant.what", year=year, owed=owed)

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, due, done, extra, agreed=due == written)

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
            period_start=dt.date(year, 1, 1),
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
        text = msg("grant.overpaid", paid=paid, year=year, excess=excess, owed=owed)

        out.append(
            Candidate(
                id=f"grant-overpayment/{year}",
                kind="note",
                section=SECTION,
                quote_key="grant_amounts" if not renegotiated else "grant_renegotiation",
                party="city",
                severity="minor",
                describe=fixed(text),
                evidence=tuple(evidence),
                amount=excess,
                settings=settings,
                reasoning=(msg("grant.step.excess", paid=paid, owed=owed, excess=excess),),
            )
        )
    return out


def _unowed(ctx: Context, year: int, payments: list[GrantPayment], discharged: bool = False) -> Candidate:
    """A note on payments for a year for which no grant is owed: nothing agreed yet, or the agreement ended."""
    paid = sum((p.amount for p in payments), Decimal(0))
    if discharged:
        why = msg("grant.unowed.ended", last=ctx.standing.last_day)
    elif year in ctx.agreement.term.renegotiated_grant_years:
        why = msg("grant.unowed.no_amendment")
    else:
        why = msg("grant.unowed.no_grant")
    text = msg("grant.unowed", paid=paid, year=year, why=why)

    return Candidate(
        id=f"grant-unowed/{year}",
        kind="note",
        section=SECTION,
        quote_key="grant_amounts",
        extra_quote=("grant_renegotiation",),
        party="city",
        severity="minor",
        describe=fixed(text),
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
        Rule("grant-payment/{year}", SECTION, "grant_payment", msg("rule.grant-payment"), settings=("I2", "I14")),
        Rule("grant-overpayment/{year}", SECTION, "grant_amounts", msg("rule.grant-overpayment")),
        Rule("grant-unowed/{year}", SECTION, "grant_amounts", msg("rule.grant-unowed"), settings=("I14",)),
    ),
    evaluate=evaluate,
)
