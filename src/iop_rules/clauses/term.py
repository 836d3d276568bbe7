"""§4 Tid för överenskommelsen: the mid-term evaluation, the renegotiation cutoff, notice and its rights.

The agreement's standing itself (in force, notice given, ended, and why) is derived once in the core context,
because every clause needs the effective end; this module turns it into duties, rights and notes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context, NoticeCheck
from ..dates import add_months
from ..facts import Evaluation
from ..messages import PARTY, PARTY_START, duty, fixed, sentences
from ..report import Evidence, Severity

SECTION = "4"


def mid_term_due(ctx: Context) -> dt.date:
    """The mid-term evaluation's deadline under I1.

    "Två månader innan halva avtalstiden passerat (261231)": by default two months before the end of the
    day at which half the term has passed; the alternative reads the bracketed date itself.
    """
    half = ctx.agreement.term.half_term_passes
    if ctx.settings.I1 == "bracket_date":
        return half
    # "Two months before 2026-12-31 has passed" is the end of 2026-10-31: step back from the day after.
    day_after = half + dt.timedelta(days=1)
    return add_months(day_after, -ctx.agreement.term.evaluation_months_before_half, "last_day_of_month") - dt.timedelta(
        days=1
    )


def mid_term_reasoning(ctx: Context, due: dt.date) -> tuple[Msg, ...]:
    """How the mid-term deadline follows from the agreement and I1, for explanations."""
    half = ctx.agreement.term.half_term_passes
    months = ctx.agreement.term.evaluation_months_before_half
    first = msg("mid_term.step.half", half=half)
    if ctx.settings.I1 == "bracket_date":
        return first, msg("mid_term.step.bracket", due=due)
    return first, msg("mid_term.step.before_half", months=months, half=half, due=due)


def _evaluation_evidence(evaluation: Evaluation) -> Evidence:
    return Evidence(
        fact="evaluations",
        id=evaluation.id,
        date=evaluation.date,
        detail=(
            f"mid_term={str(evaluation.mid_term).lower()}; "
            f"includes_compensation_review={str(evaluation.includes_compensation_review).lower()}; "
            f"revision_needed={str(evaluation.revision_needed).lower()}"
        ),
    )


def mid_term_evaluation(ctx: Context) -> Candidate:
    """ "ska parterna utvärdera överenskommelsen … En översyn av den ekonomiska ersättningen ska göras."

    Recognised by its substance: the first evaluation dated in the year half the term passes (or recorded as
    the mid-term one) that includes the review of the compensation fulfils it, on time or late.
    """
    due = mid_term_due(ctx)
    year = ctx.agreement.term.half_term_passes.year
    relevant = sorted(
        (e for e in ctx.facts.evaluations if e.mid_term or e.date.year == year), key=lambda e: (e.date, e.id)
    )
    record = ctx.mid_term_record()
    done = record.date if record else None
    # An evaluation without the review of the compensation does not fulfil the duty.
    lacking = [e for e in relevant if not e.includes_compensation_review]
    # The deadline is a reading of "Två månader innan halva avtalstiden passerat (261231)" (I1): say which.
    reading = (
        msg("mid_term.reading.bracket", due=due)
        if ctx.settings.I1 == "bracket_date"
        else msg("mid_term.reading.before_half", due=due)
    )
    extra = reading
    if lacking and record is None:
        extra = sentences(msg("mid_term.lacking", day=lacking[0].date), reading)
    what = msg("mid_term.what")

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, due, done, extra)

    return Candidate(
        id="mid-term-evaluation",
        kind="duty",
        section=SECTION,
        quote_key="mid_term_evaluation",
        party="both",
        severity="major",
        describe=describe,
        due=due,
        done=done,
        discharged=ctx.is_discharged(due),
        evidence=tuple(_evaluation_evidence(e) for e in relevant),
        settings=("I1",),
        reasoning=(
            *mid_term_reasoning(ctx, due),
            msg("mid_term.step.substance", year=year),
            *(msg("mid_term.step.lacking", day=e.date, record=e.id) for e in lacking),
            *((msg("mid_term.step.done", day=record.date, record=record.id),) if record is not None else ()),
        ),
    )


def revisions(ctx: Context) -> list[Candidate]:
    """ "och revidera den vid behov": an evaluation that records a revision as needed obliges both parties to
    revise the agreement, without a deadline, until a valid (§10) amendment dated after the evaluation exists."""
    out: list[Candidate] = []
    for evaluation in sorted(ctx.facts.evaluations, key=lambda e: (e.date, e.id)):
        if not evaluation.revision_needed:
            continue
        after = sorted(
            (c for c in ctx.amendments if c.valid and c.amendment.date > evaluation.date),
            key=lambda c: (c.in_effect_from or dt.date.max, c.amendment.id),
        )
        revised = after[0] if after else None
        done = revised.in_effect_from if revised else None

        what = msg("revision.what", day=evaluation.date)
        extra = msg("revision.amendment", amendment=revised.amendment.id) if revised is not None else None

        def describe(
            status: str, what: Msg = what, extra: Msg | None = extra, done: dt.date | None = done
        ) -> Msg:
            return duty(status, ctx, what, None, done, extra)

        out.append(
            Candidate(
                id=f"revision/{evaluation.id}",
                kind="duty",
                section=SECTION,
                quote_key="revision",
                party="both",
                severity="major",
                describe=describe,
                done=done,
                discharged=done is None and ctx.standing.state == "ended",
                evidence=(
                    _evaluation_evidence(evaluation),
                    *(
                        Evidence(fact="amendments", id=revised.amendment.id, date=revised.amendment.date, detail="valid")
                        for revised in after[:1]
                    ),
                ),
                reasoning=(
                    msg("revision.step.recorded", day=evaluation.date, record=evaluation.id),
                    msg("revision.step.open"),
                ),
            )
        )
    return out


def _amounts(grants: dict[int, Decimal]) -> tuple[Msg, ...]:
    return tuple(msg("renegotiation.amount", year=year, amount=amount) for year, amount in sorted(grants.items()))


def renegotiation(ctx: Context) -> Candidate:
    """ "Bidrag för 2027 och 2028 omförhandlas senast 261231." and "Om parterna inte är överens om
    ersättningen upphör överenskommelsen utan föregående uppsägning efter dessa två år."

    A condition on which the agreement continues (an upplösande villkor), not a duty anyone can break: before
    the cutoff it is the upcoming action of both; after it, without a valid compensation amendment, it is
    ``condition_not_met`` with no party at fault, never ``violated``.
    """
    term = ctx.agreement.term
    cutoff = term.renegotiation_cutoff
    years = term.renegotiated_grant_years
    compensation = ctx.compensation
    done = compensation.in_effect_from if compensation else None
    ys = tuple(years)
    if ctx.settings.I14 == "ends":
        consequence = msg("renegotiation.consequence.ends", cutoff=cutoff)
        outcome = msg("renegotiation.outcome.ends", cutoff=cutoff)
    else:
        consequence = msg("renegotiation.consequence.continues", years=ys)
        outcome = msg("renegotiation.outcome.continues", years=ys)
    evidence: list[Evidence] = []
    for check in ctx.amendments:
        if set(years) & set(check.amendment.grants):
            detail = "valid" if check.valid else "not valid: lacks " + ", ".join(check.missing)
            when = check.in_effect_from
            if when is not None and when > cutoff:
                detail += f"; in_effect_from={when.isoformat()} (cutoff {cutoff.isoformat()})"
            evidence.append(Evidence(fact="amendments", id=check.amendment.id, date=check.amendment.date, detail=detail))
    what = msg("renegotiation.what", years=ys)

    def describe(status: str) -> Msg:
        if status == "condition_not_met":
            return msg("renegotiation.condition_not_met", years=ys, cutoff=cutoff, outcome=outcome)
        if status in ("fulfilled", "fulfilled_late") and compensation is not None:
            grants = compensation.amendment.grants
            extra = msg("renegotiation.agreed", amendment=compensation.amendment.id, amounts=_amounts(grants))
            return duty(status, ctx, what, cutoff, done, extra, agreed=True)
        return duty(status, ctx, what, cutoff, done, consequence)

    return Candidate(
        id=f"renegotiation/{years[0]}-{years[-1]}" if years else "renegotiation",
        kind="duty",
        section=SECTION,
        quote_key="renegotiation",
        extra_quote=("automatic_end",),
        party="both",
        severity="critical",
        describe=describe,
        due=cutoff,
        done=done,
        discharged=ctx.is_discharged(cutoff),
        condition=True,
        evidence=tuple(evidence),
        settings=("I14",),
        always_upcoming=True,
        reasoning=_renegotiation_reasoning(ctx, cutoff, consequence),
    )


def _renegotiation_reasoning(ctx: Context, cutoff: dt.date, consequence: Msg) -> tuple[Msg, ...]:
    steps = [
        msg("renegotiation.step.cutoff", cutoff=cutoff),
        msg("renegotiation.step.condition"),
        msg("renegotiation.step.valid_only"),
    ]
    for check in ctx.amendments:
        if not set(ctx.agreement.term.renegotiated_grant_years) & set(check.amendment.grants):
            continue
        when = check.in_effect_from
        if not check.valid:
            lacks = tuple(_LACKS[m] for m in check.missing)
            steps.append(msg("renegotiation.step.invalid", amendment=check.amendment.id, lacks=lacks))
        elif when is not None and when > cutoff:
            steps.append(msg("renegotiation.step.late", amendment=check.amendment.id, day=when))
        elif when is not None:
            steps.append(msg("renegotiation.step.in_time", amendment=check.amendment.id, day=when))
    if ctx.compensation is None:
        steps.append(consequence)
    return tuple(steps)


_LACKS: dict[str, Msg] = {
    "in_writing": msg("amendment.lacks.in_writing"),
    "signed_by_city": msg("amendment.lacks.signed_by_city"),
    "signed_by_fa": msg("amendment.lacks.signed_by_fa"),
}


def notices(ctx: Context) -> list[Candidate]:
    """ "Överenskommelsen kan sägas upp i förtid, varvid 12 månaders uppsägningstid ska tillämpas." """
    out: list[Candidate] = []
    months = ctx.agreement.term.notice_months
    for check in ctx.notices:
        notice = check.notice
        evidence = (Evidence(fact="termination_notices", id=notice.id, date=notice.date, detail=f"party={notice.party}"),)
        text: Msg
        severity: Severity
        if check.last_day is None:
            text = msg("notice.no_effect", day=notice.date, party=PARTY[notice.party], last=ctx.standing.last_day)
            severity = "minor"
        elif check.capped:
            text = msg("notice.given.capped", party=PARTY_START[notice.party], day=notice.date, months=months, last=check.last_day)
            severity = "major"
        else:
            text = msg("notice.given", party=PARTY_START[notice.party], day=notice.date, months=months, last=check.last_day)
            severity = "major"
        out.append(
            Candidate(
                id=f"termination-notice/{notice.id}",
                kind="note",
                section=SECTION,
                quote_key="notice",
                party=notice.party,
                severity=severity,
                describe=fixed(text),
                evidence=evidence,
                settings=("I8",),
                reasoning=_notice_reasoning(ctx, check),
            )
        )
    return out


def _notice_reasoning(ctx: Context, check: NoticeCheck) -> tuple[Msg, ...]:
    given = check.notice.date
    if check.last_day is None:
        return (msg("notice.step.no_effect", day=given, last=ctx.standing.last_day),)
    months = ctx.agreement.term.notice_months
    period_end = add_months(given, months, ctx.settings.I8)
    steps = [msg("notice.step.period", day=given, months=months, end=period_end)]
    if check.capped:
        steps.append(msg("notice.step.capped", last=check.last_day))
    return tuple(steps)


def termination_rights(ctx: Context) -> list[Candidate]:
    """Either party's right to give notice of early termination, while the agreement is in force."""
    out: list[Candidate] = []
    months = ctx.agreement.term.notice_months
    available = ctx.standing.state == "in_force"
    for party in PARTIES:
        exercised = [c for c in ctx.notices if c.notice.party == party and c.last_day is not None]

        def describe(status: str, party: str = party) -> Msg:
            if status == "available":
                return msg("termination.available", party=PARTY_START[party], months=months)
            if status == "exercised":
                return msg("termination.exercised", party=PARTY_START[party])
            return msg("termination.expired")

        out.append(
            Candidate(
                id=f"termination-right/{party}",
                kind="right",
                section=SECTION,
                quote_key="notice",
                party=party,
                severity="info",
                describe=describe,
                available=available,
                exercised=bool(exercised),
                evidence=tuple(
                    Evidence(fact="termination_notices", id=c.notice.id, date=c.notice.date) for c in exercised
                ),
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§4's duties, rights and notes on the evaluation day."""
    return [mid_term_evaluation(ctx), *revisions(ctx), renegotiation(ctx), *notices(ctx), *termination_rights(ctx)]


CLAUSE = Clause(
    name="term",
    sections=(SECTION,),
    rules=(
        Rule("mid-term-evaluation", SECTION, "mid_term_evaluation", msg("rule.mid-term-evaluation"), settings=("I1",)),
        Rule("revision/{evaluation}", SECTION, "revision", msg("rule.revision")),
        Rule("renegotiation/{first}-{last}", SECTION, "renegotiation", msg("rule.renegotiation"), settings=("I14",)),
        Rule("termination-notice/{notice}", SECTION, "notice", msg("rule.termination-notice"), settings=("I8",)),
        Rule("termination-right/{party}", SECTION, "notice", msg("rule.termination-right")),
    ),
    evaluate=evaluate,
)
