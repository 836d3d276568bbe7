"""``iop-rules explain FACTS FINDING-ID``: how one finding came about (facts, dates, settings, words).

Exit codes: 0 done, 2 bad input or an unknown finding id (a message naming close ids, no traceback).
"""

from __future__ import annotations

import argparse

from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_format, emit, load_inputs


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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``explain`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    parser = add_command(sub, "explain", shown, msg("help.explain"))
    add_common(parser, shown)
    parser.add_argument("finding_id", metavar=phrase("metavar.finding", shown), help=phrase("help.finding_id", shown))
    add_format(parser, shown)
    parser.set_defaults(run=cmd_explain)
