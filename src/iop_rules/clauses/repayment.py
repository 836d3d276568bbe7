"""§8 återbetalning: city's right to claim repayment on each misuse case ("felaktig medelsanvändning").

The assessment itself is computed once, in ``iop_rules.repayment.assess_case``; this module turns it into the
report's findings. Its steps (a finding's reasoning) are written only when asked, by ``explain``. The mapping,
one finding ``repayment/{case}`` per case known on the evaluation day:

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

from collections.abc import Callable

from ..catalogue import msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..messages import fixed
from ..repayment import RepaymentAssessment, assess_all, assess_case, case_message
from ..report import Kind, Severity, Text

SECTION = "8"


def _reasoning(ctx: Context, case_id: str) -> Callable[[], tuple[Text, ...]]:
    # The steps are written only when asked (``explain``), from the same computation with its steps.
    return lambda: tuple(line.text for line in assess_case(ctx, ctx.index.cases_by_id[case_id]).lines)


def _case(assessment: RepaymentAssessment, reasoning: Callable[[], tuple[Text, ...]]) -> list[Candidate]:
    message = case_message(assessment)

    case_id = assessment.case_id
    evidence = assessment.evidence
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
            describe=fixed(message),
            assess=status == "needs_assessment",
            available=status == "claimable" and assessment.claimable > 0,
            exercised=status == "claimable" and assessment.claimed > 0,
            evidence=evidence,
            amount=assessment.ceiling if status == "needs_assessment" else assessment.claimable,
            reasoning=reasoning,
        )
    ]
    if assessment.excess_claimed is not None:
        excess = msg(
            "repayment.excess_note",
            claimed=assessment.claimed,
            case=case_id,
            excess=assessment.excess_claimed,
            outcome=message,
        )

        out.append(
            Candidate(
                id=f"repayment-excess/{case_id}",
                kind="note",
                section=SECTION,
                quote_key="repayment",
                party="city",
                severity="major",
                describe=fixed(excess),
                evidence=evidence,
                amount=assessment.excess_claimed,
                reasoning=reasoning,
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """City's right to claim repayment on each misuse case known on the evaluation day."""
    return [
        candidate
        for assessment in assess_all(ctx, steps=False)
        for candidate in _case(assessment, _reasoning(ctx, assessment.case_id))
    ]


CLAUSE = Clause(
    name="repayment",
    sections=(SECTION,),
    rules=(
        Rule("repayment/{case}", SECTION, "repayment", msg("rule.repayment")),
        Rule("repayment-excess/{case}", SECTION, "repayment", msg("rule.repayment-excess")),
    ),
    evaluate=evaluate,
)
