"""§6 Helsingborgs stads resurser och aktiviteter, and the qualitative duties of both parties.

Machine-checkable duties of city:

- "Vara sammankallande till möten med nätverk och kärngrupp …" — a network or core-group meeting convened by
  anyone but city is a breach by city.
- "Ha representanter närvarande vid samtliga möten med nätverk och kärngrupp." — each such meeting without city
  present is a breach by city.
- "Regelbundet delta i verksamheten i samband med internetuppsök." — at least I10 internet-outreach sessions with
  city taking part per term (I3), due on the term's last day; a term covered only in part follows I9
  (``iop_rules.cadence``).
- "Medverka i framtagande av gemensam plan för initial ärendehantering och parallellt stöd." — open until a plan
  adopted by both parties is recorded; fulfilled when one records city's participation, a breach by city when
  the adopted plan records that city did not take part.

The qualitative duties of both parties (the other listed items of fa and city, ``facts.AttestationItem``) are
attested once a year at a follow-up. An item with fewer than ``cadence.attestations_per_year`` attestations when
its calendar year closes is a *minor note*, not a breach: the agreement gives these duties no measure, so the
missing attestation is something the parties should look at, not a proven failure. During the year in force one
informational note lists the items still to attest.

Finding ids: ``network-meeting/{meeting}/convener``, ``network-meeting/{meeting}/presence``,
``core-group-meeting/{meeting}/convener``, ``core-group-meeting/{meeting}/presence``,
``internet-outreach/{term}``, ``joint-plan/city-participation``, ``attestation/{year}/{item}`` (minor note) and
``attestation/{year}`` (the year in progress).
"""

from __future__ import annotations

from typing import get_args

from ..cadence import (
    Noun,
    agreement_ended,
    cadence_candidate,
    calendar_years,
    counted,
    event_breach,
    requirement,
    term_spans,
)
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import AttestationItem, Meeting
from ..messages import duty_message, fixed_text
from ..report import Evidence

SECTION = "6"

SESSIONS = Noun("internetuppsök", "internetuppsök", "internet-outreach session", "internet-outreach sessions")
ITEMS: tuple[str, ...] = get_args(AttestationItem)
"""The qualitative §6 duties attested yearly; each is a quote key of §6."""

_BODY = {
    "network": ("network-meeting", "nätverkets", "the network's"),
    "core_group": ("core-group-meeting", "kärngruppens", "the core group's"),
}


def _meeting_evidence(meeting: Meeting) -> Evidence:
    return Evidence(
        fact="meetings",
        id=meeting.id,
        date=meeting.date,
        detail=f"body={meeting.body}; convener={meeting.convener}; present={','.join(meeting.present) or '-'}",
    )


def network_meetings(ctx: Context) -> list[Candidate]:
    """ "Vara sammankallande …" and "Ha representanter närvarande vid samtliga möten med nätverk och kärngrupp." """
    out: list[Candidate] = []
    for meeting in ctx.index.meetings:
        if meeting.body not in _BODY or not ctx.in_force_on(meeting.date):
            continue
        prefix, body_sv, body_en = _BODY[meeting.body]
        when = meeting.date.isoformat()
        if meeting.convener != "city":
            who_sv = "Frälsningsarmén" if meeting.convener == "fa" else "någon annan"
            who_en = "the Salvation Army" if meeting.convener == "fa" else "someone else"
            out.append(
                event_breach(
                    ctx,
                    id=f"{prefix}/{meeting.id}/convener",
                    section=SECTION,
                    quote_key="city_convene",
                    party="city",
                    severity="minor",
                    day=meeting.date,
                    texts=(
                        f"Staden ska vara sammankallande, men {body_sv} möte {when} ({meeting.id}) sammankallades av {who_sv}.",
                        f"The city must convene, but {body_en} meeting on {when} ({meeting.id}) was convened by {who_en}.",
                    ),
                    evidence=(_meeting_evidence(meeting),),
                )
            )
        if "city" not in meeting.present:
            out.append(
                event_breach(
                    ctx,
                    id=f"{prefix}/{meeting.id}/presence",
                    section=SECTION,
                    quote_key="city_present",
                    party="city",
                    severity="minor",
                    day=meeting.date,
                    texts=(
                        f"Staden hade inga representanter närvarande vid {body_sv} möte {when} ({meeting.id}).",
                        f"The city had no representatives present at {body_en} meeting on {when} ({meeting.id}).",
                    ),
                    evidence=(_meeting_evidence(meeting),),
                )
            )
    return out


def internet_outreach(ctx: Context) -> list[Candidate]:
    """ "Regelbundet delta i verksamheten i samband med internetuppsök": I10 sessions with city per term."""
    base = ctx.settings.I10
    sessions = ctx.index.sorted("outreach_sessions")
    out: list[Candidate] = []
    for span in term_spans(ctx):
        req = requirement(ctx, span, base)
        in_term = [s for s in sessions if span.period.contains(s.date)]
        out.append(
            cadence_candidate(
                ctx,
                id=f"internet-outreach/{span.key}",
                section=SECTION,
                quote_key="city_outreach",
                party="city",
                severity="minor",
                req=req,
                days=counted((s.date for s in in_term if s.city_present), req),
                subject=("Staden ska delta i", "The city must take part in"),
                noun=SESSIONS,
                evidence=[
                    Evidence(fact="outreach_sessions", id=s.id, date=s.date, detail=f"city_present={s.city_present}")
                    for s in in_term
                ],
                settings=("I3", "I10"),
                counting=(
                    f"Krav per termin: {base} tillfällen med staden (I10)",
                    f"Required per term: {base} sessions with the city (I10)",
                ),
            )
        )
    return out


def joint_plan_participation(ctx: Context) -> Candidate:
    """ "Medverka i framtagande av gemensam plan för initial ärendehantering och parallellt stöd." """
    adopted = sorted(
        (p for p in ctx.facts.joint_plans if set(p.adopted_by) == {"city", "fa"}), key=lambda p: (p.date, p.id)
    )
    with_city = [p for p in adopted if p.city_participated]
    done = with_city[0].date if with_city else None
    # A plan adopted without city's participation breaks the duty on the day it was adopted.
    without = adopted[0] if adopted and not with_city else None
    evidence = tuple(
        Evidence(
            fact="joint_plans",
            id=p.id,
            date=p.date,
            detail=f"adopted_by={','.join(p.adopted_by)}; city_participated={p.city_participated}",
        )
        for p in sorted(ctx.facts.joint_plans, key=lambda p: (p.date, p.id))
    )
    what = (
        "Staden ska medverka i framtagandet av den gemensamma planen för initial ärendehantering och parallellt stöd",
        "The city must take part in developing the joint plan for initial case handling and parallel support",
    )

    def describe(status: str) -> tuple[str, str]:
        if without is not None and status in ("violated", "discharged"):
            when = without.date.isoformat()
            return (
                f"{what[0]}: planen antogs {when} ({without.id}) utan stadens medverkan.",
                f"{what[1]}: the plan was adopted on {when} ({without.id}) without the city taking part.",
            )
        return duty_message(status, ctx, what, None, done)

    return Candidate(
        id="joint-plan/city-participation",
        kind="duty",
        section=SECTION,
        quote_key="city_joint_plan",
        party="city",
        severity="major",
        describe=describe,
        due=without.date if without is not None else None,
        done=done,
        event=without is not None,
        discharged=done is None and without is None and agreement_ended(ctx),
        evidence=evidence,
    )


def attestations(ctx: Context) -> list[Candidate]:
    """The qualitative duties, attested once a year: a minor note per item unattested when its year closes."""
    needed = ctx.agreement.cadence.attestations_per_year
    out: list[Candidate] = []
    for span in calendar_years(ctx):
        req = requirement(ctx, span, needed)
        if req.discharged or req.required <= 0:
            continue
        year = span.period.start.year
        closed = ctx.as_of > req.due
        current = req.covered is not None and req.covered.contains(ctx.as_of)
        if not closed and not current:
            continue
        records = ctx.index.attestations_by_year.get(year, ())
        unattested = [item for item in ITEMS if sum(1 for a in records if a.item == item) < req.required]
        if closed:
            for item in unattested:
                texts = (
                    f"Ingen intygan för {year} av åtagandet ”{ctx.quote(SECTION, item)}” (§6): en mindre anmärkning, inte ett avtalsbrott.",
                    f"No attestation for {year} of the duty ”{ctx.quote(SECTION, item)}” ({item}, §6): a minor finding, not a breach.",
                )
                out.append(
                    Candidate(
                        id=f"attestation/{year}/{item}",
                        kind="note",
                        section=SECTION,
                        quote_key=item,
                        party="fa" if item.startswith("fa_") else "city",
                        severity="minor",
                        describe=fixed_text(texts),
                        due=req.due,
                        settings=req.settings,
                        reasoning=(
                            *req.reasoning(),
                            (
                                f"Intyganden för {year}: {len(records)}; krav per åtagande: {req.required}",
                                f"Attestations for {year}: {len(records)}; required per duty: {req.required}",
                            ),
                        ),
                    )
                )
            continue
        if not unattested:
            continue
        names = ", ".join(unattested)
        texts = (
            f"{len(unattested)} av {len(ITEMS)} kvalitativa åtaganden (§6) återstår att intyga för {year}, senast {req.due.isoformat()}: {names}.",
            f"{len(unattested)} of {len(ITEMS)} qualitative duties (§6) remain to be attested for {year}, by {req.due.isoformat()}: {names}.",
        )
        out.append(
            Candidate(
                id=f"attestation/{year}",
                kind="note",
                section=SECTION,
                quote_key=unattested[0],
                party="both",
                severity="info",
                describe=fixed_text(texts),
                due=req.due,
                evidence=tuple(Evidence(fact="attestations", id=a.id, date=a.date, detail=a.item) for a in records),
                settings=req.settings,
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§6's duties of city, and the yearly attestation of the qualitative duties, on the evaluation day."""
    return [*network_meetings(ctx), *internet_outreach(ctx), joint_plan_participation(ctx), *attestations(ctx)]


CLAUSE = Clause(
    name="city_duties",
    sections=(SECTION,),
    rules=(
        Rule(
            "network-meeting/{meeting}/convener",
            SECTION,
            "city_convene",
            "A network meeting convened by anyone but city is a breach by city.",
            "Ett nätverksmöte som sammankallats av någon annan än staden är en avvikelse för staden.",
        ),
        Rule(
            "network-meeting/{meeting}/presence",
            SECTION,
            "city_present",
            "A network meeting without city present is a breach by city.",
            "Ett nätverksmöte utan stadens representanter är en avvikelse för staden.",
        ),
        Rule(
            "core-group-meeting/{meeting}/convener",
            SECTION,
            "city_convene",
            "A core-group meeting convened by anyone but city is a breach by city.",
            "Ett kärngruppsmöte som sammankallats av någon annan än staden är en avvikelse för staden.",
        ),
        Rule(
            "core-group-meeting/{meeting}/presence",
            SECTION,
            "city_present",
            "A core-group meeting without city present is a breach by city.",
            "Ett kärngruppsmöte utan stadens representanter är en avvikelse för staden.",
        ),
        Rule(
            "internet-outreach/{term}",
            SECTION,
            "city_outreach",
            "City takes part in at least I10 internet-outreach sessions per term; fewer when the term closes is a "
            "breach by city. A term covered only in part follows I9.",
            "Staden deltar i minst I10 internetuppsök per termin; färre när terminen är slut är en avvikelse för "
            "staden. En termin som bara delvis omfattas följer I9.",
            ("I3", "I9", "I10"),
        ),
        Rule(
            "joint-plan/city-participation",
            SECTION,
            "city_joint_plan",
            "City takes part in developing the joint plan: open until a plan adopted by both records city's "
            "participation; a plan adopted without city is a breach by city.",
            "Staden medverkar i framtagandet av den gemensamma planen: öppet tills en plan antagen av båda anger "
            "stadens medverkan; en plan antagen utan staden är en avvikelse för staden.",
        ),
        Rule(
            "attestation/{year}/{item}",
            SECTION,
            "fa_staff",
            "Each qualitative duty of either party is attested once per calendar year; an item unattested when "
            "its year closes is a minor note, not a breach.",
            "Varje kvalitativt åtagande för vardera parten intygas en gång per kalenderår; ett åtagande som inte "
            "intygats när året är slut är en mindre anmärkning, inte ett avtalsbrott.",
            ("I9",),
        ),
        Rule(
            "attestation/{year}",
            SECTION,
            "fa_staff",
            "During a year in force, a note lists the qualitative duties still to attest for it.",
            "Under ett år då överenskommelsen gäller listar en anteckning de kvalitativa åtaganden som återstår att "
            "intyga för året.",
        ),
    ),
    evaluate=evaluate,
)
