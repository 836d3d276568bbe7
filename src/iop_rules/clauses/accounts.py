"""§8 the written account of each grant year's use, by fa.

"Frälsningsarmén ska varje år lämna skriftliga redogörelser för hur anslaget från Helsingborgs stad disponerats."

- The duty arises for every grant year of the term in which a grant was paid (a recorded payment for that
  year): there is something to account for. It survives the agreement's end: the account of the last year with
  a grant is owed even when its deadline falls after the end (the §4 automatic end on 2026-12-31 leaves the
  2026 account due on 2027-03-31).
- Deadline under I6: ``cadence.account_deadline_month``/``account_deadline_day`` of the next year (31 March), or
  the grant year's last day; then moved off non-working days under I2 (``dates.move_deadline_explained``).
- Done on the day the first account for that grant year was handed in.

Finding id: ``annual-account/{year}``.
"""

from __future__ import annotations

import datetime as dt

from ..cadence import calendar_year
from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..dates import move_deadline_explained
from ..messages import duty, sentences
from ..report import Evidence

SECTION = "8"


def written_deadline(ctx: Context, year: int) -> tuple[dt.date, Msg, Msg]:
    """The account deadline for grant year ``year`` as written under I6, before I2, with how it was read (a
    reasoning step, and a sentence saying which reading set it)."""
    cadence = ctx.agreement.cadence
    if ctx.settings.I6 == "march_31_next_year":
        day = dt.date(year + 1, cadence.account_deadline_month, cadence.account_deadline_day)
        return day, msg("account.step.next_year", year=year, day=day), msg("account.reading.next_year", day=day)
    day = calendar_year(year).end
    return day, msg("account.step.same_year", year=year, day=day), msg("account.reading.same_year", day=day)


def annual_account(ctx: Context, year: int) -> Candidate:
    """The account of one grant year in which a grant was paid."""
    written, read, reading = written_deadline(ctx, year)
    due, moved = move_deadline_explained(written, ctx.settings.I2)
    payments = sorted((p for p in ctx.facts.grant_payments if p.grant_year == year), key=lambda p: (p.date, p.id))
    accounts = sorted((a for a in ctx.facts.annual_accounts if a.grant_year == year), key=lambda a: (a.date, a.id))
    done = accounts[0].date if accounts else None
    reasoning = (msg("account.step.owed", year=year, day=payments[0].date), read, *moved)
    if due != written:
        reading = sentences(reading, msg("deadline.moved", written=written, due=due))
    what = msg("account.what", year=year)

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, due, done, reading)

    return Candidate(
        id=f"annual-account/{year}",
        kind="duty",
        section=SECTION,
        quote_key="account",
        party="fa",
        severity="major",
        describe=describe,
        due=due,
        done=done,
        # The account is of a whole grant year, so it can be given from the day after that year.
        period_start=dt.date(year + 1, 1, 1),
        # The account of a grant year is owed after the agreement's end too (§8): never discharged.
        discharged=False,
        evidence=(
            *(Evidence(fact="grant_payments", id=p.id, date=p.date, detail=f"grant_year {year}") for p in payments),
            *(Evidence(fact="annual_accounts", id=a.id, date=a.date, detail=f"grant_year {year}") for a in accounts),
        ),
        settings=("I2", "I6"),
        reasoning=reasoning,
    )


def evaluate(ctx: Context) -> list[Candidate]:
    """One account duty per grant year of the term with a grant paid."""
    term = ctx.agreement.term
    paid = sorted({p.grant_year for p in ctx.facts.grant_payments if term.start.year <= p.grant_year <= term.end.year})
    return [annual_account(ctx, year) for year in paid]


CLAUSE = Clause(
    name="accounts",
    sections=(SECTION,),
    rules=(Rule("annual-account/{year}", SECTION, "account", msg("rule.annual-account"), settings=("I2", "I6")),),
    evaluate=evaluate,
)
