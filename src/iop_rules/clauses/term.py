"""§4 Tid för överenskommelsen: the mid-term evaluation, the renegotiation cutoff, notice and its rights.

The agreement's standing itself (in force, notice given, ended, and why) is derived once in the core context,
because every clause needs the effective end; this module turns it into duties, rights and notes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .._types import format_sek
from ..clause import Clause, Rule
from ..context import PARTIES, AmendmentCheck, Candidate, Context, NoticeCheck
from ..dates import add_months
from ..facts import Evaluation
from ..messages import PARTY_EN, PARTY_SV, cap, duty_message, fixed_text, years_text
from ..report import Evidence

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


def mid_term_reasoning(ctx: Context, due: dt.date) -> tuple[tuple[str, str], ...]:
    """How the mid-term deadline follows from the agreement and I1, for explanations."""
    half = ctx.agreement.term.half_term_passes.isoformat()
    months = ctx.agreement.term.evaluation_months_before_half
    first = (
        f"Halva avtalstiden har passerat vid slutet av {half} (term.half_term_passes)",
        f"Half the term has passed at the end of {half} (term.half_term_passes)",
    )
    if ctx.settings.I1 == "bracket_date":
        return first, (
            f"I1 = bracket_date: datumet inom parentes, {due.isoformat()}, är sista dag",
            f"I1 = bracket_date: the date in brackets, {due.isoformat()}, is the deadline",
        )
    return first, (
        f"{months} månader innan slutet av {half} → {due.isoformat()} (I1 = two_months_before_half)",
        f"{months} months before the end of {half} → {due.isoformat()} (I1 = two_months_before_half)",
    )


def _evaluation_evidence(evaluation: Evaluation) -> Evidence:
    review = "med översyn av ersättningen" if evaluation.includes_compensation_review else "utan översyn av ersättningen"
    revision = "; revision behövs" if evaluation.revision_needed else ""
    return Evidence(
        fact="evaluations",
        id=evaluation.id,
        date=evaluation.date,
        detail=f"mid_term={evaluation.mid_term}; {review}{revision}",
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
    extra = ("", "")
    if lacking and record is None:
        first = lacking[0]
        extra = (
            f"Utvärderingen {first.date.isoformat()} saknade översyn av den ekonomiska ersättningen och uppfyller inte kravet.",
            f"The evaluation on {first.date.isoformat()} lacked the review of the economic compensation and does not fulfil the duty.",
        )

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                "Parterna ska utvärdera överenskommelsen, med översyn av den ekonomiska ersättningen,",
                "The parties must evaluate the agreement, including a review of the economic compensation,",
            ),
            due,
            done,
            extra,
            reading="I1",
        )

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
            (
                f"Varje utvärdering daterad {year} med översyn av den ekonomiska ersättningen är halvtidsutvärderingen, "
                "oavsett om den registrerats som halvtidsutvärdering",
                f"Any evaluation dated in {year} that includes the review of the economic compensation is the mid-term "
                "evaluation, whether or not it is recorded as such",
            ),
            *(
                (
                    f"Utvärderingen {e.date.isoformat()} ({e.id}) saknade översyn av ersättningen och räknas inte",
                    f"The evaluation on {e.date.isoformat()} ({e.id}) lacked the review of the compensation and does not count",
                )
                for e in lacking
            ),
            *(
                ((f"Gjord {record.date.isoformat()} ({record.id}), med översyn av ersättningen", f"Done on {record.date.isoformat()} ({record.id}), with the review of the compensation"),)
                if record is not None
                else ()
            ),
        ),
    )


def revisions(ctx: Context) -> list[Candidate]:
    """ "och revidera den vid behov": an evaluation that records a revision as needed obliges both parties to
    revise the agreement, without a deadline, until a valid (§10) amendment dated after the evaluation exists."""
    out: list[Candidate] = []
    for evaluation in sorted(ctx.facts.evaluations, key=lambda e: (e.date, e.id)):
        if not evaluation.revision_needed:
            continue
        when = evaluation.date.isoformat()
        after = sorted(
            (c for c in ctx.amendments if c.valid and c.amendment.date > evaluation.date),
            key=lambda c: (c.in_effect_from or dt.date.max, c.amendment.id),
        )
        revised = after[0] if after else None
        done = revised.in_effect_from if revised else None

        def describe(
            status: str, when: str = when, revised: AmendmentCheck | None = revised, done: dt.date | None = done
        ) -> tuple[str, str]:
            extra = ("", "")
            if revised is not None:
                extra = (f"Tillägg {revised.amendment.id}.", f"Amendment {revised.amendment.id}.")
            return duty_message(
                status,
                ctx,
                (
                    f"Utvärderingen {when} visade att överenskommelsen behöver revideras; parterna ska revidera den "
                    "genom ett giltigt tillägg (§10)",
                    f"The evaluation of {when} found that the agreement needs revising; the parties must revise it "
                    "by a valid amendment (§10)",
                ),
                None,
                done,
                extra,
            )

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
                        Evidence(fact="amendments", id=revised.amendment.id, date=revised.amendment.date, detail="giltigt")
                        for revised in after[:1]
                    ),
                ),
                reasoning=(
                    (
                        f"Utvärderingen {when} ({evaluation.id}) registrerade att en revision behövs",
                        f"The evaluation of {when} ({evaluation.id}) recorded that a revision is needed",
                    ),
                    (
                        "Öppet utan tidsgräns tills ett giltigt tillägg (§10) daterat efter utvärderingen finns",
                        "Open without a deadline until a valid amendment (§10) dated after the evaluation exists",
                    ),
                ),
            )
        )
    return out


def _amounts(grants: dict[int, Decimal], lang: str) -> str:
    return ", ".join(f"{year}: {format_sek(amount, lang)}" for year, amount in sorted(grants.items()))


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
    ys_sv, ys_en = years_text(years, "sv"), years_text(years, "en")
    cut = cutoff.isoformat()
    if ctx.settings.I14 == "ends":
        consequence = (
            f"Annars upphör överenskommelsen utan uppsägning; sista dag blir {cut} (§4, I14).",
            f"Otherwise the agreement ends without notice; its last day will be {cut} (§4, I14).",
        )
        outcome = (
            f"Överenskommelsen upphörde därför utan uppsägning; sista dag var {cut} (I14).",
            f"The agreement therefore ended without notice; its last day was {cut} (I14).",
        )
    else:
        consequence = (
            f"Annars fortsätter överenskommelsen utan bidrag för {ys_sv} (I14).",
            f"Otherwise the agreement continues without a grant for {ys_en} (I14).",
        )
        outcome = (
            f"Överenskommelsen fortsätter utan bidrag för {ys_sv} (I14).",
            f"The agreement continues without a grant for {ys_en} (I14).",
        )
    evidence: list[Evidence] = []
    for check in ctx.amendments:
        if set(years) & set(check.amendment.grants):
            detail = "giltigt" if check.valid else "ogiltigt: saknar " + ", ".join(check.missing)
            when = check.in_effect_from
            if when is not None and when > cutoff:
                detail += f"; undertecknat av båda först {when.isoformat()}, efter {cut}"
            evidence.append(Evidence(fact="amendments", id=check.amendment.id, date=check.amendment.date, detail=detail))

    def describe(status: str) -> tuple[str, str]:
        what = (
            f"Parterna ska skriftligen, undertecknat av båda (§10), komma överens om bidraget för {ys_sv}",
            f"The parties must agree in writing, signed by both (§10), on the grant for {ys_en}",
        )
        if status == "condition_not_met":
            return (
                f"Villkoret i §4 uppfylldes inte: parterna kom inte överens om bidraget för {ys_sv} genom ett "
                f"giltigt tillägg (§10) senast {cut}. {outcome[0]} Ingen part har brutit mot överenskommelsen.",
                f"The condition of §4 was not met: the parties did not agree on the grant for {ys_en} by a valid "
                f"amendment (§10) by {cut}. {outcome[1]} No party is at fault.",
            )
        if status in ("fulfilled", "fulfilled_late") and compensation is not None:
            grants = compensation.amendment.grants
            return duty_message(
                status,
                ctx,
                what,
                cutoff,
                done,
                (
                    f"Tillägg {compensation.amendment.id} ({_amounts(grants, 'sv')}).",
                    f"Amendment {compensation.amendment.id} ({_amounts(grants, 'en')}).",
                ),
            )
        return duty_message(status, ctx, what, cutoff, done, consequence)

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


def _renegotiation_reasoning(ctx: Context, cutoff: dt.date, consequence: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    steps = [
        (
            f"Brytdag: {cutoff.isoformat()} (term.renegotiation_cutoff, ”{ctx.quote(SECTION, 'renegotiation')}”)",
            f"Cutoff: {cutoff.isoformat()} (term.renegotiation_cutoff, \"{ctx.quote(SECTION, 'renegotiation')}\")",
        ),
        (
            "Ett villkor för att överenskommelsen ska fortsätta, inte ett åtagande som någon part kan bryta",
            "A condition for the agreement to continue, not a duty that either party can break",
        ),
        (
            "Överenskommelse räknas bara som ett giltigt tillägg (§10) med båda underskrifterna senast brytdagen",
            "An agreement counts only as a valid amendment (§10) with both signatures on or before the cutoff",
        ),
    ]
    for check in ctx.amendments:
        if not set(ctx.agreement.term.renegotiated_grant_years) & set(check.amendment.grants):
            continue
        when = check.in_effect_from
        if not check.valid:
            steps.append(
                (
                    f"Tillägg {check.amendment.id}: ogiltigt, saknar {', '.join(check.missing)}",
                    f"Amendment {check.amendment.id}: not valid, lacks {', '.join(check.missing)}",
                )
            )
        elif when is not None and when > cutoff:
            steps.append(
                (
                    f"Tillägg {check.amendment.id}: undertecknat av båda {when.isoformat()}, efter brytdagen",
                    f"Amendment {check.amendment.id}: signed by both on {when.isoformat()}, after the cutoff",
                )
            )
        elif when is not None:
            steps.append(
                (
                    f"Tillägg {check.amendment.id}: undertecknat av båda {when.isoformat()}, senast brytdagen",
                    f"Amendment {check.amendment.id}: signed by both on {when.isoformat()}, by the cutoff",
                )
            )
    if ctx.compensation is None:
        steps.append(consequence)
    return tuple(steps)


def notices(ctx: Context) -> list[Candidate]:
    """ "Överenskommelsen kan sägas upp i förtid, varvid 12 månaders uppsägningstid ska tillämpas." """
    out: list[Candidate] = []
    months = ctx.agreement.term.notice_months
    for check in ctx.notices:
        notice = check.notice
        given = notice.date.isoformat()
        evidence = (Evidence(fact="termination_notices", id=notice.id, date=notice.date, detail=f"party={notice.party}"),)
        if check.last_day is None:
            sv = f"Uppsägningen {given} från {PARTY_SV[notice.party]} saknar verkan: överenskommelsen hade redan upphört ({ctx.standing.last_day.isoformat()})."
            en = f"The notice of {given} from {PARTY_EN[notice.party]} has no effect: the agreement had already ended ({ctx.standing.last_day.isoformat()})."
            severity = "minor"
        else:
            last = check.last_day.isoformat()
            sv = f"{cap(PARTY_SV[notice.party])} sade upp överenskommelsen {given}; med {months} månaders uppsägningstid är sista dag {last}"
            en = f"{cap(PARTY_EN[notice.party])} gave notice on {given}; with {months} months' notice the last day is {last}"
            if check.capped:
                sv += " (avtalstidens slut kommer före uppsägningstidens slut)"
                en += " (the term ends before the notice period does)"
            sv, en = sv + ".", en + "."
            severity = "major"
        texts: tuple[str, str] = (sv, en)
        out.append(
            Candidate(
                id=f"termination-notice/{notice.id}",
                kind="note",
                section=SECTION,
                quote_key="notice",
                party=notice.party,
                severity=severity,  # type: ignore[arg-type]
                describe=fixed_text(texts),
                evidence=evidence,
                settings=("I8",),
                reasoning=_notice_reasoning(ctx, check),
            )
        )
    return out


def _notice_reasoning(ctx: Context, check: NoticeCheck) -> tuple[tuple[str, str], ...]:
    given = check.notice.date
    if check.last_day is None:
        return (
            (
                f"Uppsägning {given.isoformat()} efter överenskommelsens sista dag {ctx.standing.last_day.isoformat()}: ingen verkan",
                f"Notice on {given.isoformat()}, after the agreement's last day {ctx.standing.last_day.isoformat()}: no effect",
            ),
        )
    months = ctx.agreement.term.notice_months
    period_end = add_months(given, months, ctx.settings.I8)
    steps = [
        (
            f"{given.isoformat()} + {months} månader → {period_end.isoformat()} (I8 = {ctx.settings.I8})",
            f"{given.isoformat()} + {months} months → {period_end.isoformat()} (I8 = {ctx.settings.I8})",
        )
    ]
    if check.capped:
        steps.append(
            (
                f"Överenskommelsen upphör redan {check.last_day.isoformat()}: sista dag {check.last_day.isoformat()}",
                f"The agreement already ends on {check.last_day.isoformat()}: last day {check.last_day.isoformat()}",
            )
        )
    return tuple(steps)


def termination_rights(ctx: Context) -> list[Candidate]:
    """Either party's right to give notice of early termination, while the agreement is in force."""
    out: list[Candidate] = []
    months = ctx.agreement.term.notice_months
    available = ctx.standing.state == "in_force"
    for party in PARTIES:
        exercised = [c for c in ctx.notices if c.notice.party == party and c.last_day is not None]

        def describe(status: str, party: str = party) -> tuple[str, str]:
            if status == "available":
                return (
                    f"{cap(PARTY_SV[party])} kan säga upp överenskommelsen i förtid med {months} månaders uppsägningstid.",
                    f"{cap(PARTY_EN[party])} may give notice of early termination, with {months} months' notice.",
                )
            if status == "exercised":
                return (f"{cap(PARTY_SV[party])} har sagt upp överenskommelsen.", f"{cap(PARTY_EN[party])} has given notice.")
            return (
                "Rätten att säga upp överenskommelsen kan inte längre utövas: den är redan uppsagd eller har upphört.",
                "The right to give notice can no longer be exercised: notice was given or the agreement has ended.",
            )

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
        Rule(
            "mid-term-evaluation",
            SECTION,
            "mid_term_evaluation",
            "Both parties evaluate the agreement, including a review of the economic compensation, by the mid-term "
            "deadline; any evaluation dated in the year half the term passes that includes the review fulfils it "
            "(late after the deadline), whether or not it is recorded as the mid-term one; one without the review "
            "does not count.",
            "Båda parter utvärderar överenskommelsen, med översyn av den ekonomiska ersättningen, senast vid halvtid; "
            "varje utvärdering daterad det år då halva avtalstiden passerar som innehåller översynen uppfyller "
            "åtagandet (för sent efter tidsfristen), oavsett om den registrerats som halvtidsutvärdering; en "
            "utvärdering utan översynen räknas inte.",
            ("I1",),
        ),
        Rule(
            "revision/{evaluation}",
            SECTION,
            "revision",
            "An evaluation that records a revision as needed obliges both parties to revise the agreement: open, "
            "without a deadline, until a valid (§10) amendment dated after the evaluation exists.",
            "En utvärdering som visar att en revision behövs förpliktar båda parter att revidera överenskommelsen: "
            "öppet, utan tidsgräns, tills ett giltigt tillägg (§10) daterat efter utvärderingen finns.",
        ),
        Rule(
            "renegotiation/{first}-{last}",
            SECTION,
            "renegotiation",
            "A condition, not a duty: the agreement continues past the cutoff only if both parties agree on the "
            "grant for the renegotiated years by then, by a valid (§10) amendment. Otherwise the condition is not "
            "met (condition_not_met, no party at fault, never a breach) and the agreement ends on the cutoff day "
            "without notice (I14).",
            "Ett villkor, inte ett åtagande: överenskommelsen fortsätter efter brytdagen bara om båda parter senast "
            "då kommit överens om bidraget för de omförhandlade åren genom ett giltigt tillägg (§10). Annars är "
            "villkoret inte uppfyllt (condition_not_met, ingen part har brutit mot avtalet, aldrig en avvikelse) "
            "och överenskommelsen upphör den dagen utan uppsägning (I14).",
            ("I14",),
        ),
        Rule(
            "termination-notice/{notice}",
            SECTION,
            "notice",
            "A notice of early termination sets the last day to the notice date plus the notice period, capped at "
            "the term's end; a notice after the agreement ended has no effect.",
            "En uppsägning i förtid ger sista dag = uppsägningsdagen plus uppsägningstiden, högst avtalstidens slut; "
            "en uppsägning efter att överenskommelsen upphört saknar verkan.",
            ("I8",),
        ),
        Rule(
            "termination-right/{party}",
            SECTION,
            "notice",
            "Either party may give notice of early termination while the agreement is in force.",
            "Vardera parten kan säga upp överenskommelsen i förtid medan den gäller.",
        ),
    ),
    evaluate=evaluate,
)
