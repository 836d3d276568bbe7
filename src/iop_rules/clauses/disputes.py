"""§9 Tvist och lagar: disputes are resolved through dialogue; fa follows applicable laws.

"Vid tvist ska detta lösas genom dialog." — a recorded dispute is an open obligation of both parties until a
dialogue on it is recorded (no deadline in the text). It does not lapse with the agreement's end: a dispute may
concern a duty that survives it (the last account, repayment).

"Frälsningsarmén förbinder sig att följa tillämpliga lagar, författningar samt normer och föreskrifter som
utfärdas av statliga och kommunala myndigheter …" — a recorded authority finding against fa, dated while the
agreement is in force, is a breach by fa on that day.

Finding ids: ``dispute/{dispute}`` and ``authority-finding/{finding}``.
"""

from __future__ import annotations

from ..cadence import event_breach
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import Dispute
from ..messages import PARTY_EN, PARTY_SV, duty_message
from ..report import Evidence

SECTION = "9"


def dispute(ctx: Context, record: Dispute) -> Candidate:
    """One dispute's obligation of dialogue."""
    dialogues = sorted((d for d in ctx.facts.dialogues if d.dispute_id == record.id), key=lambda d: (d.date, d.id))
    done = dialogues[0].date if dialogues else None
    when = record.date.isoformat()

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                f"Tvisten {when} ({record.id}, väckt av {PARTY_SV[record.raised_by]}) ska lösas genom dialog",
                f"The dispute of {when} ({record.id}, raised by {PARTY_EN[record.raised_by]}) must be resolved through dialogue",
            ),
            None,
            done,
        )

    return Candidate(
        id=f"dispute/{record.id}",
        kind="duty",
        section=SECTION,
        quote_key="dispute",
        party="both",
        severity="major",
        describe=describe,
        done=done,
        evidence=(
            Evidence(fact="disputes", id=record.id, date=record.date, detail=f"raised_by={record.raised_by}"),
            *(Evidence(fact="dialogues", id=d.id, date=d.date) for d in dialogues),
        ),
    )


def authority_findings(ctx: Context) -> list[Candidate]:
    """ "Frälsningsarmén förbinder sig att följa tillämpliga lagar …": each finding against fa is a breach."""
    out: list[Candidate] = []
    for finding in sorted(ctx.facts.authority_findings, key=lambda f: (f.date, f.id)):
        if finding.date < ctx.agreement.term.start:
            continue
        when = finding.date.isoformat()
        out.append(
            event_breach(
                ctx,
                id=f"authority-finding/{finding.id}",
                section=SECTION,
                quote_key="laws",
                party="fa",
                severity="major",
                day=finding.date,
                texts=(
                    f"{finding.authority} fann {when} ({finding.id}) att Frälsningsarmén inte följt tillämpliga lagar eller föreskrifter.",
                    f"{finding.authority} found on {when} ({finding.id}) that the Salvation Army did not follow applicable law or regulation.",
                ),
                evidence=(Evidence(fact="authority_findings", id=finding.id, date=finding.date, detail=f"authority={finding.authority}"),),
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§9's disputes and authority findings on the evaluation day."""
    return [*(dispute(ctx, d) for d in sorted(ctx.facts.disputes, key=lambda d: (d.date, d.id))), *authority_findings(ctx)]


CLAUSE = Clause(
    name="disputes",
    sections=(SECTION,),
    rules=(
        Rule(
            "dispute/{dispute}",
            SECTION,
            "dispute",
            "A recorded dispute obliges both parties to resolve it through dialogue: open until a dialogue on it is "
            "recorded.",
            "En tvist förpliktar båda parter att lösa den genom dialog: öppen tills en dialog om den finns.",
        ),
        Rule(
            "authority-finding/{finding}",
            SECTION,
            "laws",
            "An authority finding against fa while the agreement is in force is a breach by fa.",
            "Ett myndighetsbeslut mot Frälsningsarmén medan överenskommelsen gäller är en avvikelse för Frälsningsarmén.",
        ),
    ),
    evaluate=evaluate,
)
