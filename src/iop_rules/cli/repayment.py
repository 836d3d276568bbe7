"""``iop-rules repayment``: the §8 repayment assessment of misuse cases, for finance and for scripts.

    iop-rules repayment FACTS [--case ID] [--as-of DATE] [--format text|json] [--agreement FILE] [--lang sv|en]

Without ``--case`` every misuse case known on the day is assessed. Exit codes: 0 assessed, 2 bad input (a message,
no traceback), as for ``check``.
"""

from __future__ import annotations

import argparse

from ..context import context_for
from ..presentation.repayment_text import render_json, render_text
from ..repayment import RepaymentAssessment, assess_all, assess_repayment
from ._options import emit, load_inputs, parse_day


def cmd_repayment(args: argparse.Namespace) -> int:
    """``iop-rules repayment``: assess one misuse case, or every case known on the day."""
    agreement, facts = load_inputs(args)
    if args.case is not None:
        assessments: tuple[RepaymentAssessment, ...] = (assess_repayment(agreement, facts, args.case, args.as_of),)
    else:
        assessments = assess_all(context_for(agreement, facts, args.as_of))
    emit(render_json(assessments) if args.format == "json" else render_text(assessments, args.lang))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``repayment`` subcommand."""
    parser = sub.add_parser("repayment", help="§8 repayment assessment of misuse cases")
    parser.add_argument("facts", metavar="FACTS", help="facts file (.toml, .json or .xlsx workbook)")
    parser.add_argument("--case", metavar="ID", help="the misuse case's id (default: every case known on the day)")
    parser.add_argument("--as-of", type=parse_day, metavar="DATE", help="assessment day (default: the facts' as_of, else today)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--agreement", metavar="FILE", help="agreement file (default: the bundled agreement.toml)")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of messages (default sv)")
    # The assessment rests on no interpretation setting; load_inputs still expects the attribute.
    parser.set_defaults(run=cmd_repayment, settings=[])
