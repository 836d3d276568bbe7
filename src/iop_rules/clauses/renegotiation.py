"""§9 Omförhandling: either party may demand renegotiation; a demand binds both to renegotiate.

"Båda parter kan kräva omförhandling av bestämmelserna i avtalet ifall den ena eller den andra parten inte
fullföljer sina åtaganden, eller omständigheter tillkommer som inte gått att förutse vid avtalets undertecknande."

- Each party's right to demand renegotiation on the ground of non-fulfilment is ``available`` while the other
  party has an unremedied breach: a first-pass finding ``violated`` whose party is the other party or both
  (``review``). While a demand of the party is being renegotiated the right is ``exercised``; otherwise, with no
  such breach, ``expired`` (unforeseeable circumstances remain a ground a person must judge).
- A demand on the ground of non-fulfilment when the other party had no unremedied breach on the demand's day
  (the first-pass findings of that day, ``ctx.history``) is flagged as unsupported (a note).
- A demand opens an obligation of both to renegotiate, open until it is recorded as concluded; it lapses when
  the agreement has ended.

Finding ids: ``renegotiation-right/{party}``, ``renegotiation-demand/{demand}`` (the obligation) and
``renegotiation-demand/{demand}/unsupported`` (the note).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._types import PartyKey
from ..cadence import agreement_ended
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context, other
from ..facts import RenegotiationDemand
from ..messages import PARTY_EN, PARTY_SV, cap, duty_message, fixed_text
from ..report import Evidence, Finding

SECTION = "9"


def unremedied(findings: Sequence[Finding], against: PartyKey) -> list[Finding]:
    """The unremedied breaches (``violated``) that lie with a party, alone or with the other."""
    return [f for f in findings if f.status == "violated" and f.party in (against, "both")]


def _demand_evidence(demand: RenegotiationDemand) -> Evidence:
    detail = f"party={demand.party}; ground={demand.ground}"
    if demand.concluded is not None:
        detail += f"; concluded={demand.concluded.isoformat()}"
    return Evidence(fact="renegotiation_demands", id=demand.id, date=demand.date, detail=detail)


def _demands(ctx: Context) -> list[RenegotiationDemand]:
    return sorted(ctx.facts.renegotiation_demands, key=lambda d: (d.date, d.id))


def renegotiation_duty(ctx: Context, demand: RenegotiationDemand) -> Candidate:
    """A demand's obligation of both parties to renegotiate, open until concluded."""
    done = demand.concluded
    who_sv, who_en = PARTY_SV[demand.party], PARTY_EN[demand.party]

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                f"Parterna ska omförhandla avtalet efter kravet {demand.date.isoformat()} från {who_sv}",
                f"The parties must renegotiate the agreement after the demand of {demand.date.isoformat()} by {who_en}",
            ),
            None,
            done,
        )

    return Candidate(
        id=f"renegotiation-demand/{demand.id}",
        kind="duty",
        section=SECTION,
        quote_key="renegotiation",
        party="both",
        severity="major",
        describe=describe,
        done=done,
        discharged=done is None and agreement_ended(ctx),
        evidence=(_demand_evidence(demand),),
    )


def evaluate(ctx: Context) -> list[Candidate]:
    """The obligations the recorded demands opened."""
    return [renegotiation_duty(ctx, d) for d in _demands(ctx)]


def _right(ctx: Context, party: PartyKey, findings: Sequence[Finding]) -> Candidate:
    against = other(party)
    breaches = unremedied(findings, against)
    pending = [d for d in _demands(ctx) if d.party == party and d.concluded is None]
    in_force = ctx.in_force_on(ctx.as_of)
    ids = ", ".join(f.id for f in breaches[:5]) + (" …" if len(breaches) > 5 else "")
    holder_sv, holder_en = cap(PARTY_SV[party]), cap(PARTY_EN[party])
    other_sv, other_en = PARTY_SV[against], PARTY_EN[against]

    def describe(status: str) -> tuple[str, str]:
        if status == "available":
            return (
                f"{holder_sv} kan kräva omförhandling: {other_sv} har avvikelser som inte åtgärdats ({ids}).",
                f"{holder_en} may demand renegotiation: {other_en} has unremedied breaches ({ids}).",
            )
        if status == "exercised":
            return (
                f"{holder_sv} har krävt omförhandling ({pending[0].date.isoformat()}); den pågår.",
                f"{holder_en} has demanded renegotiation ({pending[0].date.isoformat()}); it is under way.",
            )
        return (
            f"{holder_sv} kan inte kräva omförhandling på grund av bristande fullföljande: {other_sv} har ingen avvikelse som inte åtgärdats.",
            f"{holder_en} may not demand renegotiation for non-fulfilment: {other_en} has no unremedied breach.",
        )

    return Candidate(
        id=f"renegotiation-right/{party}",
        kind="right",
        section=SECTION,
        quote_key="renegotiation",
        party=party,
        severity="info",
        describe=describe,
        available=in_force and bool(breaches),
        exercised=in_force and bool(pending),
        evidence=tuple(_demand_evidence(d) for d in pending),
        reasoning=(
            (
                f"Avvikelser hos {other_sv} eller båda som inte åtgärdats: {len(breaches)}",
                f"Unremedied breaches of {other_en} or both: {len(breaches)}",
            ),
        ),
    )


def _unsupported(ctx: Context, demand: RenegotiationDemand) -> Candidate | None:
    if demand.ground != "non_fulfilment":
        return None
    against = other(demand.party)
    then = unremedied(ctx.history(demand.date), against)
    if then:
        return None
    when = demand.date.isoformat()
    texts = (
        f"Kravet på omförhandling {when} ({demand.id}) från {PARTY_SV[demand.party]} grundas på att {PARTY_SV[against]} inte "
        f"fullföljer sina åtaganden, men {PARTY_SV[against]} hade ingen avvikelse som inte åtgärdats den dagen.",
        f"The demand for renegotiation of {when} ({demand.id}) by {PARTY_EN[demand.party]} rests on {PARTY_EN[against]} not "
        f"fulfilling its commitments, but {PARTY_EN[against]} had no unremedied breach that day.",
    )
    return Candidate(
        id=f"renegotiation-demand/{demand.id}/unsupported",
        kind="note",
        section=SECTION,
        quote_key="renegotiation",
        party=demand.party,
        severity="minor",
        describe=fixed_text(texts),
        evidence=(_demand_evidence(demand),),
        reasoning=(
            (
                f"Utvärdering per {when}: inga avvikelser hos {PARTY_SV[against]} eller båda",
                f"Evaluation as of {when}: no breaches of {PARTY_EN[against]} or both",
            ),
        ),
    )


def review(ctx: Context, findings: Sequence[Finding]) -> list[Candidate]:
    """The rights over the first pass's findings, and the demands the findings of their day do not support."""
    out: list[Candidate] = [_right(ctx, party, findings) for party in PARTIES]
    for demand in _demands(ctx):
        flagged = _unsupported(ctx, demand)
        if flagged is not None:
            out.append(flagged)
    return out


CLAUSE = Clause(
    name="renegotiation",
    sections=(SECTION,),
    rules=(
        Rule(
            "renegotiation-right/{party}",
            SECTION,
            "renegotiation",
            "A party may demand renegotiation while the other party (alone or with it) has an unremedied breach.",
            "En part kan kräva omförhandling medan den andra parten (ensam eller tillsammans med den) har en "
            "avvikelse som inte åtgärdats.",
        ),
        Rule(
            "renegotiation-demand/{demand}",
            SECTION,
            "renegotiation",
            "A demand for renegotiation obliges both parties to renegotiate, open until concluded.",
            "Ett krav på omförhandling förpliktar båda parter att omförhandla, öppet tills omförhandlingen avslutats.",
        ),
        Rule(
            "renegotiation-demand/{demand}/unsupported",
            SECTION,
            "renegotiation",
            "A demand on the ground of non-fulfilment when the other party had no unremedied breach that day is "
            "flagged as unsupported.",
            "Ett krav grundat på bristande fullföljande när den andra parten inte hade någon avvikelse som inte "
            "åtgärdats den dagen flaggas som ogrundat.",
        ),
    ),
    evaluate=evaluate,
    review=review,
)
