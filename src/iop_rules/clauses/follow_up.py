"""§8 Uppföljning och utvärdering: the follow-ups twice a year and the annual evaluation.

"Överenskommelsen ska bygga på tillit och följas upp av parterna två gånger per år." — at least
``cadence.follow_ups_per_year`` follow-ups per year, the year read under I11 (calendar year, or twelve months
from the start date), due on the year's last day: fewer when the year closes is a breach by both.

"Utvärdering av avtalet ska göras årligen." — at least ``cadence.evaluations_per_year`` evaluations per calendar
year, due on 31 December. Under I12 ``counts`` the §4 mid-term evaluation counts as an evaluation of the year it
is held in (2026); under ``does_not_count`` that year needs an annual evaluation of its own.

A year the agreement covers only in part follows I9; a year wholly after the agreement's end is discharged (the
period logic is ``iop_rules.cadence``).

Finding ids: ``follow-up/{year}`` (``follow-up/2026``, or ``follow-up/agreement-year-1`` under I11
``twelve_months_from_start``) and ``evaluation/{year}``.
"""

from __future__ import annotations

from ..cadence import Noun, cadence_candidate, calendar_years, counted, follow_up_years, requirement
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import Evaluation
from ..report import Evidence

SECTION = "8"

FOLLOW_UPS = Noun("uppföljning", "uppföljningar", "follow-up", "follow-ups")
EVALUATIONS = Noun("utvärdering", "utvärderingar", "evaluation", "evaluations")


def follow_ups(ctx: Context) -> list[Candidate]:
    """ "följas upp av parterna två gånger per år": one count duty of both parties per year (I11)."""
    base = ctx.agreement.cadence.follow_ups_per_year
    held = ctx.index.sorted("follow_ups")
    out: list[Candidate] = []
    for span in follow_up_years(ctx):
        req = requirement(ctx, span, base)
        in_year = [f for f in held if span.period.contains(f.date)]
        out.append(
            cadence_candidate(
                ctx,
                id=f"follow-up/{span.key}",
                section=SECTION,
                quote_key="follow_up",
                party="both",
                severity="major",
                req=req,
                days=counted((f.date for f in in_year), req),
                subject=("Parterna ska hålla", "The parties must hold"),
                noun=FOLLOW_UPS,
                evidence=[Evidence(fact="follow_ups", id=f.id, date=f.date) for f in in_year],
                settings=("I11",),
                counting=(
                    "Året räknas som kalenderår (I11)" if ctx.settings.I11 == "calendar_year" else "Året räknas som tolv månader från startdagen (I11)",
                    "The year is the calendar year (I11)" if ctx.settings.I11 == "calendar_year" else "The year is twelve months from the start date (I11)",
                ),
            )
        )
    return out


def counts_as_annual(ctx: Context, evaluation: Evaluation) -> bool:
    """Whether an evaluation counts as the annual one: the §4 mid-term evaluation (recorded as such, or the
    one that is so in substance) only under I12 ``counts``."""
    return not is_mid_term(ctx, evaluation) or ctx.settings.I12 == "counts"


def is_mid_term(ctx: Context, evaluation: Evaluation) -> bool:
    """Whether an evaluation is recorded as the §4 mid-term evaluation or is the one that is so in substance."""
    if evaluation.mid_term:
        return True
    record = ctx.mid_term_record()
    return record is not None and record.id == evaluation.id


def evaluations(ctx: Context) -> list[Candidate]:
    """ "Utvärdering av avtalet ska göras årligen": one count duty of both parties per calendar year (I12)."""
    base = ctx.agreement.cadence.evaluations_per_year
    held = ctx.index.sorted("evaluations")
    out: list[Candidate] = []
    for span in calendar_years(ctx):
        req = requirement(ctx, span, base)
        in_year = [e for e in held if span.period.contains(e.date)]
        evidence = [
            Evidence(
                fact="evaluations",
                id=e.id,
                date=e.date,
                detail=("halvtidsutvärdering (§4); " if is_mid_term(ctx, e) else "")
                + ("räknas" if counts_as_annual(ctx, e) else "räknas inte som årlig utvärdering (I12)"),
            )
            for e in in_year
        ]
        mid_term = any(is_mid_term(ctx, e) for e in in_year)
        out.append(
            cadence_candidate(
                ctx,
                id=f"evaluation/{span.key}",
                section=SECTION,
                quote_key="evaluation",
                party="both",
                severity="major",
                req=req,
                days=counted((e.date for e in in_year if counts_as_annual(ctx, e)), req),
                subject=("Parterna ska göra", "The parties must carry out"),
                noun=EVALUATIONS,
                evidence=evidence,
                settings=("I12",) if mid_term else (),
                counting=(
                    "Halvtidsutvärderingen (§4) räknas som årets utvärdering (I12 = counts)"
                    if ctx.settings.I12 == "counts"
                    else "Halvtidsutvärderingen (§4) räknas inte som årets utvärdering (I12 = does_not_count)",
                    "The mid-term evaluation (§4) counts as the year's evaluation (I12 = counts)"
                    if ctx.settings.I12 == "counts"
                    else "The mid-term evaluation (§4) does not count as the year's evaluation (I12 = does_not_count)",
                ),
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§8's follow-ups and annual evaluations on the evaluation day."""
    return [*follow_ups(ctx), *evaluations(ctx)]


CLAUSE = Clause(
    name="follow_up",
    sections=(SECTION,),
    rules=(
        Rule(
            "follow-up/{year}",
            SECTION,
            "follow_up",
            "Both parties hold at least the required number of follow-ups per year (I11); fewer when the year closes "
            "is a breach by both. A year covered only in part follows I9.",
            "Båda parter håller minst det antal uppföljningar som krävs per år (I11); färre när året är slut är en "
            "avvikelse för båda. Ett år som bara delvis omfattas följer I9.",
            ("I9", "I11"),
        ),
        Rule(
            "evaluation/{year}",
            SECTION,
            "evaluation",
            "Both parties evaluate the agreement at least once per calendar year; the §4 mid-term evaluation counts "
            "for its year under I12. A year covered only in part follows I9.",
            "Båda parter utvärderar överenskommelsen minst en gång per kalenderår; halvtidsutvärderingen enligt §4 "
            "räknas för sitt år enligt I12. Ett år som bara delvis omfattas följer I9.",
            ("I9", "I12"),
        ),
    ),
    evaluate=evaluate,
)
