"""§11 Underskrift: from the start date, each party must have signed the agreement."""

from __future__ import annotations

import datetime as dt

from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context
from ..messages import PARTY_EN, PARTY_SV, cap, duty_message
from ..report import Evidence

SECTION = "11"


def evaluate(ctx: Context) -> list[Candidate]:
    """A signature duty per party, due on the start date ("Avtalet upprättas i två likalydande exemplar")."""
    due = ctx.agreement.term.start
    out: list[Candidate] = []
    for party in PARTIES:
        signed = sorted((s for s in ctx.facts.signatures if s.party == party), key=lambda s: (s.date, s.id))
        done = signed[0].date if signed else None
        role = ctx.agreement.party(party).signatory_role

        def describe(status: str, party: str = party, done: dt.date | None = done, role: str = role) -> tuple[str, str]:
            return duty_message(
                status,
                ctx,
                (
                    f"{cap(PARTY_SV[party])} ska underteckna överenskommelsen ({role})",
                    f"{cap(PARTY_EN[party])} must sign the agreement ({role})",
                ),
                due,
                done,
            )

        out.append(
            Candidate(
                id=f"signature/{party}",
                kind="duty",
                section=SECTION,
                quote_key="copies",
                party=party,
                severity="major",
                describe=describe,
                due=due,
                done=done,
                evidence=tuple(Evidence(fact="signatures", id=s.id, date=s.date, detail=f"party={s.party}") for s in signed),
                reasoning=(
                    (f"Sista dag: startdagen {due.isoformat()} (term.start)", f"Deadline: the start date {due.isoformat()} (term.start)"),
                    *(
                        ((f"Undertecknat {done.isoformat()} ({signed[0].id})", f"Signed on {done.isoformat()} ({signed[0].id})"),)
                        if done is not None
                        else ()
                    ),
                ),
            )
        )
    return out


CLAUSE = Clause(
    name="signatures",
    sections=(SECTION,),
    rules=(
        Rule(
            "signature/{party}",
            SECTION,
            "copies",
            "Each party signs the agreement by its start date; from then on, a party that has not signed has a finding.",
            "Vardera parten undertecknar överenskommelsen senast startdagen; därefter är en part som inte undertecknat en avvikelse.",
        ),
    ),
    evaluate=evaluate,
)
