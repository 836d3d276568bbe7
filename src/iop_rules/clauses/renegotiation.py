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
from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context, other
from ..facts import RenegotiationDemand
from ..messages import PARTY, PARTY_START, duty, fixed
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


def _no_ground_reason(ctx: Context, findings: Sequence[Finding], against: PartyKey) -> Msg:
    """Why the other party's breaches found no demand: the true reason."""
    violated = [f for f in findings if f.status == "violated"]
    own = [f for f in violated if f.party == against]
    joint = [f for f in violated if f.party == "both"]
    if own:
        months = ctx.agreement.cadence.one_off_breach_ground_months
        return msg("renegotiation.no_ground.old", party=PARTY[against], months=months)
    if joint and ctx.settings.I15 == "neither":
        return msg("renegotiation.no_ground.joint", party=PARTY[against])
    return msg("renegotiation.no_ground", party=PARTY[against])


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
    what = msg("renegotiation.duty.what", day=demand.date, by=PARTY[demand.party])

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, None, done)

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
    start, last = ctx.agreement.term.start, ctx.standing.last_day

    def describe(status: str) -> Msg:
        if status == "available":
            return msg("renegotiation.right.available", holder=PARTY_START[party], other=PARTY[against], ids=ids)
        if status == "exercised":
            return msg("renegotiation.right.exercised", holder=PARTY_START[party], day=pending[0].date)
        if ctx.as_of < start:
            why = msg("renegotiation.why.not_started", start=start)
        elif not in_force:
            why = msg("renegotiation.why.ended", last=last)
        else:
            why = _no_ground_reason(ctx, findings, against)
        # Once the agreement has ended the right is gone for good; otherwise a new breach may found it again.
        if ctx.as_of > last:
            return msg("renegotiation.right.gone", holder=PARTY[party], other=PARTY[against], why=why)
        return msg("renegotiation.right.unavailable", holder=PARTY[party], other=PARTY[against], why=why)

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
        # Written only when asked (``explain``): the timeline's review makes two rights on every day it computes.
        reasoning=lambda: _right_reasoning(ctx, against, breaches),
    )


def _right_reasoning(ctx: Context, against: PartyKey, breaches: Sequence[Finding]) -> tuple[Msg, ...]:
    joint = msg("renegotiation.step.joint.both") if ctx.settings.I15 == "both" else msg("renegotiation.step.joint.neither")
    months = ctx.agreement.cadence.one_off_breach_ground_months
    one_off = (
        msg("renegotiation.step.one_off.months", months=months)
        if ctx.settings.I16 == "twelve_months"
        else msg("renegotiation.step.one_off.in_force")
    )
    return (joint, one_off, msg("renegotiation.step.count", party=PARTY[against], count=len(breaches)))


def _unsupported(ctx: Context, demand: RenegotiationDemand) -> Candidate | None:
    # A demand on the ground of unforeseeable circumstances needs no breach: never flagged.
    if demand.ground != "non_fulfilment":
        return None
    against = other(demand.party)
    history = ctx.history(demand.date)
    if grounds(ctx, history, against, demand.date):
        return None
    why = _no_ground_reason(ctx, history, against)
    text = msg(
        "renegotiation.unsupported",
        day=demand.date,
        record=demand.id,
        by=PARTY[demand.party],
        other=PARTY[against],
        why=why,
    )
    return Candidate(
        id=f"renegotiation-demand/{demand.id}/unsupported",
        kind="note",
        section=SECTION,
        quote_key="renegotiation",
        party=demand.party,
        severity="minor",
        describe=fixed(text),
        evidence=(_demand_evidence(demand),),
        settings=("I15", "I16"),
        reasoning=(
            msg("renegotiation.step.unsupported", day=demand.date, party=PARTY[against]),
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
        Rule("renegotiation-right/{party}", SECTION, "renegotiation", msg("rule.renegotiation-right")),
        Rule("renegotiation-demand/{demand}", SECTION, "renegotiation", msg("rule.renegotiation-demand")),
        Rule(
            "renegotiation-demand/{demand}/unsupported",
            SECTION,
            "renegotiation",
            msg("rule.renegotiation-demand.unsupported"),
        ),
    ),
    evaluate=evaluate,
    review=review,
)
