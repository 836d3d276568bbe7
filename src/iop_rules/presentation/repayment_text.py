"""The §8 repayment assessments as a person reads them (each step with the words it rests on) and as JSON."""

from __future__ import annotations

from typing import Any

from .._json import dumps
from ..catalogue import Msg, money, msg, render
from ..repayment import RepaymentAssessment

STATUS: dict[str, Msg] = {
    "not_manifest": msg("repayment.status.not_manifest"),
    "exempt": msg("repayment.status.exempt"),
    "needs_assessment": msg("repayment.status.needs_assessment"),
    "claimable": msg("repayment.status.claimable"),
}
STATUS_LABEL: dict[str, tuple[str, str]] = {k: (render(v, "sv"), render(v, "en")) for k, v in STATUS.items()}
"""The outcomes as (Swedish, English) pairs, for renderers that pick one (the CSV export)."""


def render_text(assessments: tuple[RepaymentAssessment, ...], lang: str) -> str:
    """The assessments as a person reads them: the outcome, then each step with the words it rests on."""
    lines: list[str] = []
    if not assessments:
        lines.append(render(msg("repayment.text.none"), lang))
    for assessment in assessments:
        label = render(STATUS[assessment.status], lang)
        if assessment.status == "needs_assessment":
            amount = render(msg("repayment.text.at_most", amount=assessment.ceiling), lang)
        else:
            amount = money(assessment.claimable, lang)
        head = f"§8 {assessment.case_id} ({assessment.grant_year}): {label} — {amount}"
        lines.append(head + ", " + render(msg("repayment.text.as_of", day=assessment.as_of), lang))
        lines.append(f"  {assessment.message.get(lang)}")
        if assessment.excess_claimed is not None:
            lines.append("  ! " + render(msg("repayment.text.excess", amount=assessment.excess_claimed), lang))
        quoted = ""
        for step in assessment.lines:
            letter = f" {step.letter})" if step.letter else ""
            lines.append(f"  • §{step.section}{letter} {step.text.get(lang)}")
            # Consecutive steps often rest on the same words; quote them once.
            if step.quote != quoted:
                lines.append("    " + render(msg("report.quote", quote=step.quote), lang))
                quoted = step.quote
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(assessments: tuple[RepaymentAssessment, ...]) -> str:
    """The assessments as JSON: keys sorted, two-space indent; byte-identical for the same input."""
    data: list[Any] = [a.model_dump(mode="json") for a in assessments]
    return dumps({"assessments": data})
