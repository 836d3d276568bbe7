"""``iop-rules check``: evaluate a facts file on a day and print the report (or the comparison of readings).

Exit codes: 0 no unremedied breach, 1 at least one unremedied breach, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse

from ..evaluate import evaluate
from ._options import add_common, emit, load_inputs, parse_days


def cmd_check(args: argparse.Namespace) -> int:
    """``iop-rules check``: evaluate the facts and print the report."""
    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    if args.compare_interpretations:
        # Imported when used: a command starts without the modules it does not run.
        from ..compare import compare_interpretations
        from ..presentation.comparison_text import render_comparison

        comparison = compare_interpretations(agreement, facts, args.as_of, dict(args.settings), args.horizon)
        emit(comparison.to_json() if args.format == "json" else render_comparison(comparison, args.lang))
    elif args.format == "json":
        emit(report.to_json())
    else:
        from ..presentation.text_report import render_text

        emit(render_text(report, agreement, args.lang))
    return 1 if report.unremedied_breaches() else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check`` to the command's subparsers."""
    check = sub.add_parser("check", help="evaluate a facts file on a day")
    add_common(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--horizon", type=parse_days, metavar="DAYS", help="days ahead for upcoming actions (default I13)")
    check.add_argument(
        "--compare-interpretations",
        action="store_true",
        help="list the findings that differ under each alternative reading of I1–I16 (exit code as for check)",
    )
    check.set_defaults(run=cmd_check)
