"""The §8 repayment assessments as a person reads them (each step with the words it rests on) and as JSON."""

from __future__ import annotations

import json
from typing import Any

from .._types import format_sek
from ..repayment import RepaymentAssessment

STATUS_LABEL = {
    "not_manifest": ("ingen rätt att kräva", "no right to claim"),
    "exempt": ("undantag", "exempt"),
    "needs_assessment": ("kräver bedömning", "needs assessment"),
    "claimable": ("kan krävas", "claimable"),
}


def render_text(assessments: tuple[RepaymentAssessment, ...], lang: str) -> str:
    """The assessments as a person reads them: the outcome, then each step with the words it rests on."""
    sv = lang == "sv"
    lines: list[str] = []
    if not assessments:
        lines.append("Inga ärenden om felaktig medelsanvändning." if sv else "No misuse cases.")
    for assessment in assessments:
        label = STATUS_LABEL[assessment.status][0 if sv else 1]
        when = assessment.as_of.isoformat()
        head = f"§8 {assessment.case_id} ({assessment.grant_year}): {label}"
        if assessment.status == "needs_assessment":
            head += f" — {'högst' if sv else 'at most'} {format_sek(assessment.ceiling, lang)}"
        else:
            head += f" — {format_sek(assessment.claimable, lang)}"
        lines.append(head + (f", per {when}" if sv else f", as of {when}"))
        lines.append(f"  {assessment.message.get(lang)}")
        if assessment.excess_claimed is not None:
            excess = format_sek(assessment.excess_claimed, lang)
            lines.append(f"  ! Krav över det som får krävas: {excess}" if sv else f"  ! Claimed above what may be claimed: {excess}")
        quoted = ""
        for step in assessment.lines:
            letter = f" {step.letter})" if step.letter else ""
            lines.append(f"  • §{step.section}{letter} {step.text.get(lang)}")
            # Consecutive steps often rest on the same words; quote them once.
            if step.quote != quoted:
                lines.append(f"    {'Avtalet' if sv else 'Agreement'}: ”{step.quote}”")
                quoted = step.quote
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(assessments: tuple[RepaymentAssessment, ...]) -> str:
    """The assessments as JSON: keys sorted, two-space indent; byte-identical for the same input."""
    data: list[Any] = [a.model_dump(mode="json") for a in assessments]
    return json.dumps({"assessments": data}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
