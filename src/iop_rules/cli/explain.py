"""``iop-rules explain FACTS FINDING-ID``: how one finding came about (facts, dates, settings, words).

Exit codes: 0 done, 2 bad input or an unknown finding id (a message naming close ids, no traceback).
"""

from __future__ import annotations

import argparse

from ._options import add_common, emit, load_inputs


def cmd_explain(args: argparse.Namespace) -> int:
    """``iop-rules explain FACTS FINDING-ID``: how one finding came about."""
    from ..explain import explain  # imported by the command that runs it, so that the others start faster
    from ..presentation.explain_text import render_explanation

    agreement, facts = load_inputs(args)
    explanation = explain(agreement, facts, args.finding_id, as_of=args.as_of, settings=dict(args.settings))
    if args.format == "json":
        emit(explanation.to_json())
    else:
        emit(render_explanation(explanation, args.lang))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``explain`` to the command's subparsers."""
    parser = sub.add_parser("explain", help="explain how one finding came about")
    add_common(parser)
    parser.add_argument("finding_id", metavar="FINDING-ID", help="the finding's id, e.g. mid-term-evaluation")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=cmd_explain)
