"""``iop-rules check``: evaluate a facts file on a day and print the report (or the comparison of readings).

Exit codes: 0 no unremedied breach, 1 at least one unremedied breach, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse

from .._types import InputError
from ..catalogue import msg
from ..evaluate import evaluate
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_format, add_party, days_type, emit, load_inputs


def cmd_check(args: argparse.Namespace) -> int:
    """``iop-rules check``: evaluate the facts and print the report."""
    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    if args.compare_interpretations and args.format == "csv":
        raise InputError(msg("error.cli.compare_csv"))
    if args.compare_interpretations:
        # Imported when used: a command starts without the modules it does not run.
        from ..compare import compare_interpretations
        from ..presentation.comparison_text import render_comparison

        comparison = compare_interpretations(agreement, facts, args.as_of, dict(args.settings), args.horizon)
        emit(comparison.to_json() if args.format == "json" else render_comparison(comparison, args.lang))
        return 1 if report.unremedied_breaches() else 0
    shown = report
    if args.party is not None:
        # Imported when used: the ordering module's classes cost a command that shows both parties' findings.
        from ..presentation.order import for_party

        shown = for_party(report, args.party)
    if args.format == "json":
        emit(shown.to_json())
    elif args.format == "csv":
        from ..presentation.csv_export import report_csv

        emit(report_csv(shown, args.lang))
    else:
        from ..presentation.text_report import render_text

        emit(render_text(report, agreement, args.lang, args.party))
    # With --party the exit status is about that party's own and the joint breaches, as the output is.
    return 1 if shown.unremedied_breaches() else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``check`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    check = add_command(sub, "check", shown, msg("help.check"), msg("help.check.description"))
    add_common(check, shown)
    add_format(check, shown, csv=True)
    check.add_argument("--horizon", type=days_type(shown), metavar=phrase("metavar.days", shown), help=phrase("help.horizon", shown))
    # The comparison lists findings for both parties: asking for one party's view of it is refused, not ignored.
    either = check.add_mutually_exclusive_group()
    add_party(either, shown)
    either.add_argument("--compare-interpretations", action="store_true", help=phrase("help.compare", shown))
    check.set_defaults(run=cmd_check)
