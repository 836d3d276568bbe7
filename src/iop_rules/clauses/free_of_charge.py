"""§6 kostnadsfri: fa's advice and support under the agreement is free of charge.

"Parterna är även överens om att den rådgivnings- och stödverksamhet som Frälsningsarmén bedriver inom ramen
för överenskommelsen är kostnadsfri." Every recorded fee charged to an individual is an event that broke the
duty: a breach by fa, with the fee as its amount. A fee charged on a day the agreement was not in force is not
charged "inom ramen för överenskommelsen": it is reported as ``discharged``, not as a breach.
"""

from __future__ import annotations

from .._types import format_sek
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import FeeCharged
from ..messages import fixed_text
from ..report import Evidence

SECTION = "6"


def _candidate(ctx: Context, fee: FeeCharged) -> Candidate:
    in_force = ctx.in_force_on(fee.date)
    charged = fee.date.isoformat()
    sv_amount, en_amount = format_sek(fee.amount, "sv"), format_sek(fee.amount, "en")
    if in_force:
        texts = (
            f"Frälsningsarmén tog {charged} ut en avgift på {sv_amount} av en enskild för råd eller stöd, som ska vara kostnadsfritt.",
            f"The Salvation Army charged an individual a fee of {en_amount} on {charged} for advice or support, which must be free of charge.",
        )
    else:
        texts = (
            f"Avgiften på {sv_amount} {charged} togs ut när överenskommelsen inte gällde "
            f"({ctx.agreement.term.start.isoformat()}–{ctx.standing.last_day.isoformat()}); den bryter inte mot §6.",
            f"The fee of {en_amount} on {charged} was charged while the agreement was not in force "
            f"({ctx.agreement.term.start.isoformat()}–{ctx.standing.last_day.isoformat()}); it does not breach §6.",
        )

    return Candidate(
        id=f"fee-charged/{fee.id}",
        kind="duty",
        section=SECTION,
        quote_key="free_of_charge",
        party="fa",
        severity="major",
        describe=fixed_text(texts),
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
    rules=(
        Rule(
            "fee-charged/{fee}",
            SECTION,
            "free_of_charge",
            "fa's advice and support under the agreement is free: every fee charged to an individual while the "
            "agreement is in force is a breach by fa.",
            "Frälsningsarméns råd och stöd inom ramen för överenskommelsen är kostnadsfritt: varje avgift som tas ut "
            "av en enskild medan överenskommelsen gäller är en avvikelse av Frälsningsarmén.",
        ),
    ),
    evaluate=evaluate,
)
