"""§7 Organisation: the working group's meetings and attendance, the steering group, principled decisions.

"Aktiviteterna planeras, samordnas och följs upp genom en arbetsgrupp som träffas regelbundet, minst två gånger
per termin." — per term (I3), at least ``cadence.working_group_meetings_per_term`` meetings that count (I4),
due on the term's last day: fewer when the term closes is a breach by both. During the term an upcoming action
says how many meetings are still needed and by when. A term the agreement covers only in part follows I9; a
term wholly after the agreement's end is discharged (``iop_rules.cadence``).

"Det är båda parter ansvar att föra en god dialog och närvara på dessa möten." — a party absent from a
working-group meeting has a breach for that meeting, whichever reading of I4 decides whether the meeting counts.

"Styrgruppen träffas i anslutning till att arbetsgruppen har haft sina möten." — under I5 ``once_per_term`` at
least ``cadence.steering_group_meetings_per_term`` steering-group meetings per term, each within
``cadence.steering_group_within_days`` days after a working-group meeting of that term (due that many days after
the term's last day, or on the agreement's last day if that comes first); under ``after_every_meeting`` one
within that window after every working-group meeting.
The duty lies with fa: "Frälsningsarmén ska vara sammankallande till styrgruppsmöten", so a steering-group
meeting that did not happen is one fa did not convene. A steering-group meeting convened by anyone else is a
breach by fa (the meeting still counts: it was held).

"Alla principiella beslut som rör insatserna i detta partnerskap ska beslutas av styrgruppen." — a recorded
principled decision taken by another body is a breach by both.

Finding ids: ``working-group/{term}`` (e.g. ``working-group/2025-spring``), ``working-group-attendance/{meeting}/
{party}``, ``steering-group/{term}`` (I5 ``once_per_term``), ``steering-group-after/{meeting}`` (I5
``after_every_meeting``), ``steering-group-convener/{meeting}``, ``principled-decision/{decision}``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right

from .._types import PartyKey
from ..cadence import Noun, cadence_candidate, counted, event_breach, requirement, term_spans
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context
from ..facts import Meeting
from ..messages import PARTY_EN, PARTY_SV, cap, duty_message
from ..report import Evidence

SECTION = "7"

MEETINGS = Noun("möte", "möten", "meeting", "meetings")


def _meetings(ctx: Context, body: str) -> tuple[Meeting, ...]:
    return ctx.index.meetings_of(body)


def counts(ctx: Context, meeting: Meeting) -> bool:
    """Whether a working-group meeting counts under I4: with both parties present, or with either."""
    if ctx.settings.I4 == "both_present":
        return set(meeting.present) == set(PARTIES)
    return bool(meeting.present)


def _present(meeting: Meeting) -> str:
    return ",".join(meeting.present) or "-"


def working_group_terms(ctx: Context) -> list[Candidate]:
    """ "minst två gånger per termin": one count duty of both parties per term."""
    base = ctx.agreement.cadence.working_group_meetings_per_term
    meetings = _meetings(ctx, "working_group")
    out: list[Candidate] = []
    for span in term_spans(ctx):
        req = requirement(ctx, span, base)
        in_term = [m for m in meetings if span.period.contains(m.date)]
        evidence = [
            Evidence(
                fact="meetings",
                id=m.id,
                date=m.date,
                detail=f"present={_present(m)}; " + ("räknas" if counts(ctx, m) else "räknas inte (I4)"),
            )
            for m in in_term
        ]
        rule = "båda parter närvarande" if ctx.settings.I4 == "both_present" else "någon part närvarande"
        rule_en = "both parties present" if ctx.settings.I4 == "both_present" else "either party present"
        out.append(
            cadence_candidate(
                ctx,
                id=f"working-group/{span.key}",
                section=SECTION,
                quote_key="working_group",
                party="both",
                severity="major",
                req=req,
                days=counted((m.date for m in in_term if counts(ctx, m)), req),
                subject=("Arbetsgruppen ska ha", "The working group must hold"),
                noun=MEETINGS,
                evidence=evidence,
                settings=("I3", "I4"),
                upcoming_during_period=True,
                counting=(f"Ett möte räknas med {rule} (I4)", f"A meeting counts with {rule_en} (I4)"),
            )
        )
    return out


def attendance(ctx: Context) -> list[Candidate]:
    """ "närvara på dessa möten": each party absent from a working-group meeting in force has a breach."""
    out: list[Candidate] = []
    for meeting in _meetings(ctx, "working_group"):
        if not ctx.in_force_on(meeting.date):
            continue
        absent: list[PartyKey] = [p for p in PARTIES if p not in meeting.present]
        for party in absent:
            when = meeting.date.isoformat()
            out.append(
                event_breach(
                    ctx,
                    id=f"working-group-attendance/{meeting.id}/{party}",
                    section=SECTION,
                    quote_key="attendance",
                    party=party,
                    severity="minor",
                    day=meeting.date,
                    texts=(
                        f"{cap(PARTY_SV[party])} var inte närvarande vid arbetsgruppens möte {when} ({meeting.id}).",
                        f"{cap(PARTY_EN[party])} was not present at the working group's meeting on {when} ({meeting.id}).",
                    ),
                    evidence=(Evidence(fact="meetings", id=meeting.id, date=meeting.date, detail=f"present={_present(meeting)}"),),
                )
            )
    return out


def _steering_evidence(meeting: Meeting) -> Evidence:
    return Evidence(fact="meetings", id=meeting.id, date=meeting.date, detail=f"convener={meeting.convener}")


def steering_group(ctx: Context) -> list[Candidate]:
    """ "Styrgruppen träffas i anslutning till att arbetsgruppen har haft sina möten", under I5."""
    cadence = ctx.agreement.cadence
    window = dt.timedelta(days=cadence.steering_group_within_days)
    working = _meetings(ctx, "working_group")
    steering = _meetings(ctx, "steering_group")
    within = f"inom {cadence.steering_group_within_days} dagar efter ett arbetsgruppsmöte"
    within_en = f"within {cadence.steering_group_within_days} days after a working-group meeting"
    out: list[Candidate] = []
    if ctx.settings.I5 == "once_per_term":
        for span in term_spans(ctx):
            req = requirement(ctx, span, cadence.steering_group_meetings_per_term)
            # A steering-group meeting may fall after the term's last day when it follows a late working-group
            # meeting of the term, so the duty closes that many days after the term; never after the agreement's
            # last day, since a duty falling due after the end is discharged and a meeting after it is none of
            # the agreement's.
            if not req.discharged:
                req = dataclasses.replace(req, due=min(req.due + window, ctx.standing.last_day))
            anchors = [w for w in working if req.covered is not None and req.covered.contains(w.date)]
            anchor_days = [w.date for w in anchors]  # by day: a steering meeting qualifies if one lies in its window
            qualifying = [
                s
                for s in steering
                if s.date <= req.due
                and bisect_right(anchor_days, s.date) > bisect_left(anchor_days, s.date - window)
            ]
            out.append(
                cadence_candidate(
                    ctx,
                    id=f"steering-group/{span.key}",
                    section=SECTION,
                    quote_key="steering_group",
                    party="fa",
                    severity="major",
                    req=req,
                    days=[s.date for s in qualifying],
                    subject=(f"Styrgruppen ska ha, {within},", f"The steering group must hold, {within_en},"),
                    noun=MEETINGS,
                    evidence=[_steering_evidence(s) for s in qualifying]
                    + [Evidence(fact="meetings", id=w.id, date=w.date, detail="arbetsgruppsmöte") for w in anchors],
                    settings=("I3", "I5"),
                    counting=(
                        f"Ett styrgruppsmöte räknas {within} under terminen (I5 = once_per_term)",
                        f"A steering-group meeting counts {within_en} of the term (I5 = once_per_term)",
                    ),
                )
            )
        return out
    steering_days = [s.date for s in steering]
    for meeting in working:
        if not ctx.in_force_on(meeting.date):
            continue
        due = meeting.date + window
        follow = steering[bisect_left(steering_days, meeting.date) : bisect_right(steering_days, due)]
        done = follow[0].date if follow else None
        when = meeting.date.isoformat()

        def describe(status: str, when: str = when, due: dt.date = due, done: dt.date | None = done) -> tuple[str, str]:
            return duty_message(
                status,
                ctx,
                (
                    f"Frälsningsarmén ska sammankalla styrgruppen efter arbetsgruppens möte {when}",
                    f"The Salvation Army must convene the steering group after the working group's meeting on {when}",
                ),
                due,
                done,
                reading="I5",
            )

        out.append(
            Candidate(
                id=f"steering-group-after/{meeting.id}",
                kind="duty",
                section=SECTION,
                quote_key="steering_group",
                extra_quote=("steering_convener",),
                party="fa",
                severity="major",
                describe=describe,
                due=due,
                done=done,
                discharged=ctx.is_discharged(due),
                evidence=(
                    Evidence(fact="meetings", id=meeting.id, date=meeting.date, detail="arbetsgruppsmöte"),
                    *(_steering_evidence(s) for s in follow),
                ),
                settings=("I5",),
                reasoning=(
                    (
                        f"Arbetsgruppsmöte {when} + {cadence.steering_group_within_days} dagar = {due.isoformat()} (I5 = after_every_meeting)",
                        f"Working-group meeting {when} + {cadence.steering_group_within_days} days = {due.isoformat()} (I5 = after_every_meeting)",
                    ),
                ),
            )
        )
    return out


def steering_convener(ctx: Context) -> list[Candidate]:
    """ "Frälsningsarmén ska vara sammankallande till styrgruppsmöten." """
    out: list[Candidate] = []
    for meeting in _meetings(ctx, "steering_group"):
        if meeting.convener == "fa" or not ctx.in_force_on(meeting.date):
            continue
        who_sv = PARTY_SV["city"] if meeting.convener == "city" else "någon annan"
        who_en = PARTY_EN["city"] if meeting.convener == "city" else "someone else"
        when = meeting.date.isoformat()
        out.append(
            event_breach(
                ctx,
                id=f"steering-group-convener/{meeting.id}",
                section=SECTION,
                quote_key="steering_convener",
                party="fa",
                severity="minor",
                day=meeting.date,
                texts=(
                    f"Styrgruppens möte {when} ({meeting.id}) sammankallades av {who_sv}, inte av Frälsningsarmén.",
                    f"The steering group's meeting on {when} ({meeting.id}) was convened by {who_en}, not by the Salvation Army.",
                ),
                evidence=(_steering_evidence(meeting),),
            )
        )
    return out


_BODY_SV = {"working_group": "arbetsgruppen", "network": "nätverket", "core_group": "kärngruppen", "other": "ett annat forum"}
_BODY_EN = {"working_group": "the working group", "network": "the network", "core_group": "the core group", "other": "another forum"}


def principled_decisions(ctx: Context) -> list[Candidate]:
    """ "Alla principiella beslut … ska beslutas av styrgruppen": one taken elsewhere is a breach by both."""
    out: list[Candidate] = []
    for decision in ctx.index.sorted("principled_decisions"):
        if decision.body == "steering_group" or not ctx.in_force_on(decision.date):
            continue
        when = decision.date.isoformat()
        out.append(
            event_breach(
                ctx,
                id=f"principled-decision/{decision.id}",
                section=SECTION,
                quote_key="principled_decisions",
                party="both",
                severity="major",
                day=decision.date,
                texts=(
                    f"Ett principiellt beslut {when} ({decision.id}) fattades av {_BODY_SV[decision.body]}, inte av styrgruppen.",
                    f"A principled decision on {when} ({decision.id}) was taken by {_BODY_EN[decision.body]}, not by the steering group.",
                ),
                evidence=(Evidence(fact="principled_decisions", id=decision.id, date=decision.date, detail=f"body={decision.body}"),),
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§7's duties on the evaluation day."""
    return [
        *working_group_terms(ctx),
        *attendance(ctx),
        *steering_group(ctx),
        *steering_convener(ctx),
        *principled_decisions(ctx),
    ]


CLAUSE = Clause(
    name="organisation",
    sections=(SECTION,),
    rules=(
        Rule(
            "working-group/{term}",
            SECTION,
            "working_group",
            "Both parties hold at least the required number of working-group meetings per term; fewer when the term "
            "closes is a breach by both. During the term, the upcoming action says how many are still needed and by "
            "when. A term covered only in part follows I9; a term after the agreement's end is discharged.",
            "Båda parter håller minst det antal arbetsgruppsmöten som krävs per termin; färre när terminen är slut är "
            "en avvikelse för båda. Under terminen säger den kommande åtgärden hur många som behövs och till när. En "
            "termin som bara delvis omfattas följer I9; en termin efter överenskommelsens slut bortfaller.",
            ("I3", "I4", "I9"),
        ),
        Rule(
            "working-group-attendance/{meeting}/{party}",
            SECTION,
            "attendance",
            "A party absent from a working-group meeting has a breach for that meeting.",
            "En part som inte är närvarande vid ett arbetsgruppsmöte har en avvikelse för det mötet.",
        ),
        Rule(
            "steering-group/{term}",
            SECTION,
            "steering_group",
            "Under I5 once_per_term: fa convenes at least the required number of steering-group meetings per term, "
            "each within the configured days after a working-group meeting of that term.",
            "Enligt I5 once_per_term: Frälsningsarmén sammankallar minst det antal styrgruppsmöten som krävs per "
            "termin, vart och ett inom angivet antal dagar efter ett arbetsgruppsmöte under terminen.",
            ("I3", "I5", "I9"),
        ),
        Rule(
            "steering-group-after/{meeting}",
            SECTION,
            "steering_group",
            "Under I5 after_every_meeting: fa convenes a steering-group meeting within the configured days after "
            "every working-group meeting.",
            "Enligt I5 after_every_meeting: Frälsningsarmén sammankallar ett styrgruppsmöte inom angivet antal dagar "
            "efter varje arbetsgruppsmöte.",
            ("I5",),
        ),
        Rule(
            "steering-group-convener/{meeting}",
            SECTION,
            "steering_convener",
            "A steering-group meeting convened by anyone but fa is a breach by fa.",
            "Ett styrgruppsmöte som sammankallats av någon annan än Frälsningsarmén är en avvikelse för Frälsningsarmén.",
        ),
        Rule(
            "principled-decision/{decision}",
            SECTION,
            "principled_decisions",
            "A principled decision taken by any body but the steering group is a breach by both.",
            "Ett principiellt beslut som fattats av något annat forum än styrgruppen är en avvikelse för båda parter.",
        ),
    ),
    evaluate=evaluate,
)
