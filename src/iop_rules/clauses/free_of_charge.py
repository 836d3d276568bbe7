"""§6 kostnadsfri: fa's advice and support under the agreement is free of charge.

"Parterna är även överens om att den rådgivnings- och stödverksamhet som Frälsningsarmén bedriver inom ramen
för överenskommelsen är kostnadsfri." Every recorded fee charged to an individual is an event that broke the
duty: a breach by fa, with the fee as its amount. A fee charged on a day the agreement was not in force is not
charged "inom ramen för överenskommelsen": it is reported as ``discharged``, not as a breach.
"""

from __future__ import annotations

from ..catalogue import msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import FeeCharged
from ..messages import fixed
from ..report import Evidence

SECTION = "6"


def _candidate(ctx: Context, fee: FeeCharged) -> Candidate:
    in_force = ctx.in_force_on(fee.date)
    if in_force:
        text = msg("fee.charged", day=fee.date, amount=fee.amount)
    else:
        text = msg(
            "fee.outside", day=fee.date, amount=fee.amount, start=ctx.agreement.term.start, last=ctx.standing.last_day
        )

    return Candidate(
        id=f"fee-charged/{fee.id}",
        kind="duty",
        section=SECTION,
        quote_key="free_of_charge",
        party="fa",
        severity="major",
        describe=fixed(text),
        event=True,
        discharged=not in_force,
        evidence=(Evidence(fact="fees_charged", id=fee.id, date=fee.date, detail=f"amount {fee.amount}"),),
        amount=fee.amount,
    )


def evaluate(ctx: Context) -> list[Candidate]:
    """A breach by fa for every fee charged while the agreement was in force."""
    return [_candidate(ctx, fee) for fee in sorted(ctx.facts.fees_charged, key=lambda f: (f.date, f.id))]


CLAUSE = Clause(
    name="free_of_charge",
    sections=(SECTION,),
    rules=(Rule("fee-charged/{fee}", SECTION, "free_of_charge", msg("rule.fee-charged")),),
    evaluate=evaluate,
)
