"""``iop-rules repayment``: the §8 repayment assessment of misuse cases, for finance and for scripts.

    iop-rules repayment FACTS [--case ID] [--as-of DATE] [--format text|json|csv] [--agreement FILE] [--lang sv|en]

Without ``--case`` every misuse case known on the day is assessed. Exit codes: 0 assessed, 2 bad input (a message,
no traceback), as for ``check``.
"""

from __future__ import annotations

import argparse

from ..catalogue import msg
from ..context import context_for
from ..presentation.phrases import phrase
from ..repayment import RepaymentAssessment, assess_all, assess_repayment
from ._options import add_command, add_format, add_lang, day_type, emit, load_inputs


def cmd_repayment(args: argparse.Namespace) -> int:
    """``iop-rules repayment``: assess one misuse case, or every case known on the day."""
    agreement, facts = load_inputs(args)
    if args.case is not None:
        assessments: tuple[RepaymentAssessment, ...] = (assess_repayment(agreement, facts, args.case, args.as_of),)
    else:
        assessments = assess_all(context_for(agreement, facts, args.as_of))
    # Imported when used, as check's renderers are: every command's start pays for what it imports.
    from ..presentation.repayment_text import render_json, render_text

    if args.format == "json":
        emit(render_json(assessments))
    elif args.format == "csv":
        from ..presentation.csv_export import repayment_csv

        emit(repayment_csv(assessments, args.lang))
    else:
        emit(render_text(assessments, args.lang))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add the ``repayment`` subcommand, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    parser = add_command(sub, "repayment", shown, msg("help.repayment"))
    parser.add_argument("facts", metavar=phrase("metavar.facts", shown), help=phrase("help.facts", shown))
    parser.add_argument("--case", metavar="ID", help=phrase("help.case", shown))
    parser.add_argument("--as-of", type=day_type(shown), metavar=phrase("metavar.date", shown), help=phrase("help.repayment_as_of", shown))
    add_format(parser, shown, csv=True)
    parser.add_argument("--agreement", metavar=phrase("metavar.file", shown), help=phrase("help.agreement", shown))
    add_lang(parser, shown)
    # The assessment rests on no interpretation setting; load_inputs still expects the attribute.
    parser.set_defaults(run=cmd_repayment, settings=[])
