"""``iop-rules repayment``: the §8 repayment assessment of misuse cases, for finance and for scripts.

    iop-rules repayment FACTS [--case ID] [--as-of DATE] [--format text|json] [--agreement FILE] [--lang sv|en]

Without ``--case`` every misuse case known on the day is assessed. Exit codes: 0 assessed, 2 bad input (a message,
no traceback), as for ``check``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._types import format_sek
from .cli import load_inputs, parse_day
from .evaluate import context_for
from .repayment import RepaymentAssessment, assess_all, assess_repayment

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


def cmd_repayment(args: argparse.Namespace) -> int:
    """``iop-rules repayment``: assess one misuse case, or every case known on the day."""
    agreement, facts = load_inputs(args)
    if args.case is not None:
        assessments: tuple[RepaymentAssessment, ...] = (assess_repayment(agreement, facts, args.case, args.as_of),)
    else:
        assessments = assess_all(context_for(agreement, facts, args.as_of))
    sys.stdout.write(render_json(assessments) if args.format == "json" else render_text(assessments, args.lang))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``repayment`` subcommand."""
    parser = sub.add_parser("repayment", help="§8 repayment assessment of misuse cases")
    parser.add_argument("facts", metavar="FACTS", help="facts file (.toml or .json)")
    parser.add_argument("--case", metavar="ID", help="the misuse case's id (default: every case known on the day)")
    parser.add_argument("--as-of", type=parse_day, metavar="DATE", help="assessment day (default: the facts' as_of, else today)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--agreement", metavar="FILE", help="agreement file (default: the bundled agreement.toml)")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of messages (default sv)")
    # The assessment rests on no interpretation setting; load_inputs still expects the attribute.
    parser.set_defaults(run=cmd_repayment, settings=[])
