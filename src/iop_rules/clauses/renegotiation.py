"""§9 Omförhandling: either party may demand renegotiation; a demand binds both to renegotiate.

"Båda parter kan kräva omförhandling av bestämmelserna i avtalet ifall den ena eller den andra parten inte
fullföljer sina åtaganden, eller omständigheter tillkommer som inte gått att förutse vid avtalets undertecknande."

- Each party's right to demand renegotiation on the ground of non-fulfilment is ``available`` while the other
  party has an unremedied breach of its own (``grounds``): a first-pass finding ``violated`` whose party is the
  other party alone. A party never founds a demand on a breach it shares: a joint breach (party ``both``) founds
  neither party's demand (I15 ``neither``; ``both`` reads "den ena eller den andra parten" literally). A one-off
  breach (an event, or a period's count missed) founds it for ``[cadence].one_off_breach_ground_months`` from
  its day (I16 ``twelve_months``; ``while_in_force``); a duty still unfulfilled founds it while it stays so.
  While a demand of the party is being renegotiated the right is ``exercised``; otherwise, with no such breach,
  ``expired``, and the message gives the true reason (not yet in force, ended, no breach of the other party's
  own, only joint breaches, only old one-off ones). Unforeseeable circumstances remain a ground a person must
  judge.
- A demand on the ground of non-fulfilment when no breach of the other party founded it on the demand's day
  (the first-pass findings of that day, ``ctx.history``) is flagged as unsupported (a note); a demand on the
  ground of unforeseeable circumstances never is.
- A demand opens an obligation of both to renegotiate, open until it is recorded as concluded; it lapses when
  the agreement has ended.

Finding ids: ``renegotiation-right/{party}``, ``renegotiation-demand/{demand}`` (the obligation) and
``renegotiation-demand/{demand}/unsupported`` (the note).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .._types import PartyKey
from ..cadence import agreement_ended
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context, other
from ..facts import RenegotiationDemand
from ..messages import PARTY_EN, PARTY_SV, cap, duty_message, fixed_text
from ..report import Evidence, Finding

SECTION = "9"


def grounds(ctx: Context, findings: Sequence[Finding], against: PartyKey, on: dt.date) -> list[Finding]:
    """The breaches of ``against`` that found the other party's demand for renegotiation on day ``on``.

    Only unremedied (``violated``) breaches of that party alone; a joint breach (party ``both``) only under
    I15 ``both``. A one-off breach (``ctx.one_off_ids``) only until ``ctx.one_off_ground_end`` of its day (I16);
    a duty still unfulfilled while it stays so.
    """
    parties = (against, "both") if ctx.settings.I15 == "both" else (against,)
    out: list[Finding] = []
    for finding in findings:
        if finding.status != "violated" or finding.party not in parties:
            continue
        if finding.id in ctx.one_off_ids and finding.due is not None:
            end = ctx.one_off_ground_end(finding.due)
            if end is not None and on > end:
                continue
        out.append(finding)
    return out


def _no_ground_reason(ctx: Context, findings: Sequence[Finding], against: PartyKey, on: dt.date) -> tuple[str, str]:
    """Why the other party's breaches found no demand on day ``on``: the true reason, in Swedish and English."""
    other_sv, other_en = PARTY_SV[against], PARTY_EN[against]
    violated = [f for f in findings if f.status == "violated"]
    own = [f for f in violated if f.party == against]
    joint = [f for f in violated if f.party == "both"]
    if own:
        months = ctx.agreement.cadence.one_off_breach_ground_months
        return (
            f"{other_sv} har bara enstaka avvikelser som är äldre än {months} månader (I16)",
            f"{other_en} has only one-off breaches older than {months} months (I16)",
        )
    if joint and ctx.settings.I15 == "neither":
        return (
            f"{other_sv} har ingen egen avvikelse som inte åtgärdats; avvikelser som ligger på båda parter ger ingen "
            "grund (I15)",
            f"{other_en} has no unremedied breach of its own; breaches of both parties found no demand (I15)",
        )
    return (
        f"{other_sv} har ingen egen avvikelse som inte åtgärdats",
        f"{other_en} has no unremedied breach of its own",
    )


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
    breaches = grounds(ctx, findings, against, ctx.as_of)
    pending = [d for d in _demands(ctx) if d.party == party and d.concluded is None]
    in_force = ctx.in_force_on(ctx.as_of)
    ids = ", ".join(f.id for f in breaches[:5]) + (" …" if len(breaches) > 5 else "")
    holder_sv, holder_en = cap(PARTY_SV[party]), cap(PARTY_EN[party])
    other_sv, other_en = PARTY_SV[against], PARTY_EN[against]
    start, last = ctx.agreement.term.start, ctx.standing.last_day

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
        if ctx.as_of < start:
            why = (
                f"överenskommelsen gäller först från {start.isoformat()}",
                f"the agreement is in force only from {start.isoformat()}",
            )
        elif not in_force:
            why = (f"överenskommelsen upphörde {last.isoformat()}", f"the agreement ended on {last.isoformat()}")
        else:
            why = _no_ground_reason(ctx, findings, against, ctx.as_of)
        # Once the agreement has ended the right is gone for good; otherwise a new breach may found it again.
        when_sv, when_en = ("längre", "any longer") if ctx.as_of > last else ("nu", "now")
        return (
            f"Rätten för {PARTY_SV[party]} att kräva omförhandling på grund av att {other_sv} inte fullföljer sina "
            f"åtaganden kan inte {when_sv} utnyttjas: {why[0]}.",
            f"The right of {PARTY_EN[party]} to demand renegotiation because {other_en} does not fulfil its "
            f"commitments cannot be exercised {when_en}: {why[1]}.",
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
        settings=("I15", "I16"),
        reasoning=_right_reasoning(ctx, against, breaches),
    )


def _right_reasoning(ctx: Context, against: PartyKey, breaches: Sequence[Finding]) -> tuple[tuple[str, str], ...]:
    other_sv, other_en = PARTY_SV[against], PARTY_EN[against]
    joint = (
        ("Avvikelser som ligger på båda parter räknas (I15 = both)", "Breaches of both parties count (I15 = both)")
        if ctx.settings.I15 == "both"
        else (
            "Avvikelser som ligger på båda parter ger ingen grund (I15 = neither)",
            "Breaches of both parties found no demand (I15 = neither)",
        )
    )
    months = ctx.agreement.cadence.one_off_breach_ground_months
    one_off = (
        (
            f"En enstaka avvikelse ger grund i {months} månader från sin dag (I16 = twelve_months)",
            f"A one-off breach founds a demand for {months} months from its day (I16 = twelve_months)",
        )
        if ctx.settings.I16 == "twelve_months"
        else (
            "En enstaka avvikelse ger grund så länge överenskommelsen gäller (I16 = while_in_force)",
            "A one-off breach founds a demand as long as the agreement is in force (I16 = while_in_force)",
        )
    )
    return (
        joint,
        one_off,
        (
            f"Avvikelser hos {other_sv} som ger grund: {len(breaches)}",
            f"Breaches of {other_en} that found a demand: {len(breaches)}",
        ),
    )


def _unsupported(ctx: Context, demand: RenegotiationDemand) -> Candidate | None:
    # A demand on the ground of unforeseeable circumstances needs no breach: never flagged.
    if demand.ground != "non_fulfilment":
        return None
    against = other(demand.party)
    history = ctx.history(demand.date)
    if grounds(ctx, history, against, demand.date):
        return None
    when = demand.date.isoformat()
    why = _no_ground_reason(ctx, history, against, demand.date)
    texts = (
        f"Kravet på omförhandling {when} ({demand.id}) från {PARTY_SV[demand.party]} grundas på att {PARTY_SV[against]} inte "
        f"fullföljer sina åtaganden, men den dagen gav inget grund för det: {why[0]}.",
        f"The demand for renegotiation of {when} ({demand.id}) by {PARTY_EN[demand.party]} rests on {PARTY_EN[against]} not "
        f"fulfilling its commitments, but nothing founded it that day: {why[1]}.",
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
        settings=("I15", "I16"),
        reasoning=(
            (
                f"Utvärdering per {when}: inga avvikelser hos {PARTY_SV[against]} som ger grund",
                f"Evaluation as of {when}: no breaches of {PARTY_EN[against]} that found a demand",
            ),
            *_right_reasoning(ctx, against, ())[:2],
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
            "A party may demand renegotiation while the other party alone has an unremedied breach: a joint breach "
            "founds neither party's demand (I15), a one-off breach founds it for 12 months from its day (I16), a "
            "duty still unfulfilled while it stays so.",
            "En part kan kräva omförhandling medan den andra parten ensam har en avvikelse som inte åtgärdats: en "
            "avvikelse som ligger på båda parter ger ingen av dem grund (I15), en enstaka avvikelse ger grund i 12 "
            "månader från sin dag (I16), ett åtagande som ännu inte uppfyllts så länge det förblir ouppfyllt.",
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
            "A demand on the ground of non-fulfilment when no breach of the other party founded it that day is "
            "flagged as unsupported; a demand on the ground of unforeseeable circumstances never is.",
            "Ett krav grundat på bristande fullföljande när ingen avvikelse hos den andra parten gav grund för det "
            "den dagen flaggas som ogrundat; ett krav på grund av oförutsedda omständigheter flaggas aldrig.",
        ),
    ),
    evaluate=evaluate,
    review=review,
)
