"""§8 återbetalning: city's right to claim repayment on each misuse case ("felaktig medelsanvändning").

The assessment itself is computed once, in ``iop_rules.repayment.assess_case``; this module turns it into the
report's findings. The mapping, one finding ``repayment/{case}`` per case known on the evaluation day:

============================  =====  ============================================================
assessment                    kind   report status
============================  =====  ============================================================
``claimable``, amount > 0     right  ``available`` (amount = claimable); ``exercised`` once a claim is recorded
``claimable``, amount 0       right  ``expired`` (fully repaid, or no grant paid for the year), unless claimed
``exempt`` under (a) or (b)   right  ``expired``: no repayment is to take place (amount 0)
``not_manifest``              right  ``expired``: there is no right to claim (amount 0)
``needs_assessment``          duty   ``needs_assessment`` of city (amount = the most that could be claimable)
============================  =====  ============================================================

Claims above what the case allows city to claim add a note ``repayment-excess/{case}`` with the excess.
The right survives the agreement's end: it is never discharged.
"""

from __future__ import annotations

from .._types import format_sek
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..messages import fixed_text
from ..repayment import RepaymentAssessment, assess_all
from ..report import Kind, Severity

SECTION = "8"


def _reasoning(assessment: RepaymentAssessment) -> tuple[tuple[str, str], ...]:
    return tuple((line.text.sv, line.text.en) for line in assessment.lines)


def _case(assessment: RepaymentAssessment) -> list[Candidate]:
    texts = (assessment.message.sv, assessment.message.en)

    case_id = assessment.case_id
    evidence, reasoning = assessment.evidence, _reasoning(assessment)
    status = assessment.status
    kind: Kind = "right"
    quote_key = "repayment"
    extra_quote: tuple[str, ...] = ()
    severity: Severity = "info"
    if status == "needs_assessment":
        letters = tuple(f"exemption_{u}" for u in assessment.undecided if u != "manifest")
        kind, severity, extra_quote = "duty", "major", (("exemption", *letters) if letters else ())
    elif status == "exempt":
        quote_key, extra_quote = "exemption", tuple(f"exemption_{x}" for x in assessment.exempt_under)
    elif status == "claimable":
        severity = "major"
    out = [
        Candidate(
            id=f"repayment/{case_id}",
            kind=kind,
            section=SECTION,
            quote_key=quote_key,
            extra_quote=extra_quote,
            party="city",
            severity=severity,
            describe=fixed_text(texts),
            assess=status == "needs_assessment",
            available=status == "claimable" and assessment.claimable > 0,
            exercised=status == "claimable" and assessment.claimed > 0,
            evidence=evidence,
            amount=assessment.ceiling if status == "needs_assessment" else assessment.claimable,
            reasoning=reasoning,
        )
    ]
    if assessment.excess_claimed is not None:
        claimed_sv, claimed_en = format_sek(assessment.claimed, "sv"), format_sek(assessment.claimed, "en")
        excess_sv, excess_en = format_sek(assessment.excess_claimed, "sv"), format_sek(assessment.excess_claimed, "en")
        excess_texts = (
            f"Staden har krävt {claimed_sv} på ärendet {case_id}, {excess_sv} mer än det som får krävas. {assessment.message.sv}",
            f"The city has claimed {claimed_en} on case {case_id}, {excess_en} more than may be claimed. {assessment.message.en}",
        )

        out.append(
            Candidate(
                id=f"repayment-excess/{case_id}",
                kind="note",
                section=SECTION,
                quote_key="repayment",
                party="city",
                severity="major",
                describe=fixed_text(excess_texts),
                evidence=evidence,
                amount=assessment.excess_claimed,
                reasoning=reasoning,
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """City's right to claim repayment on each misuse case known on the evaluation day."""
    return [candidate for assessment in assess_all(ctx) for candidate in _case(assessment)]


CLAUSE = Clause(
    name="repayment",
    sections=(SECTION,),
    rules=(
        Rule(
            "repayment/{case}",
            SECTION,
            "repayment",
            "On a manifest misuse case, once (a) and (b) are both rejected, city may claim the affected amount, "
            "capped at the grant paid for that year (shared by all cases on that year's funds, in the order they "
            "became known), less repayments; an established exemption means no repayment; not manifest gives no "
            "right; an undecided question needs assessment. The right survives the agreement's end.",
            "Vid uppenbart felaktig medelsanvändning kan staden, när både (a) och (b) avslagits, kräva det berörda "
            "beloppet, högst det utbetalda bidraget för året (som delas av alla ärenden på årets medel i den "
            "ordning de blev kända), minus återbetalningar; ett fastställt undantag innebär att återbetalning inte "
            "ska ske; inte uppenbart ger ingen rätt; en oavgjord fråga kräver bedömning. Rätten består efter att "
            "överenskommelsen upphört.",
        ),
        Rule(
            "repayment-excess/{case}",
            SECTION,
            "repayment",
            "A claim above what could be claimed on the case on the claim's own day, after the repayments made by "
            "then, is flagged with the excess.",
            "Ett krav över det som fick krävas på ärendet den dag kravet framställdes, efter återbetalningarna "
            "dittills, flaggas med överskottet.",
        ),
    ),
    evaluate=evaluate,
)
