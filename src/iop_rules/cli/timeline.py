"""``iop-rules timeline``: every status change of the findings between two days.

    iop-rules timeline FACTS --from DATE --to DATE [--format text|json] [--agreement FILE] [--lang sv|en] [--set ID=VALUE]

Exit codes: 0 done, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
from typing import Any

from .._types import InputError
from ._options import add_common, emit, load_inputs, parse_day


def cmd_timeline(args: argparse.Namespace) -> int:
    """``iop-rules timeline``: every status change between two days."""
    from ..presentation.timeline_text import render_timeline_json, render_timeline_text  # imported when run
    from ..timeline import timeline

    if args.end < args.start:
        raise InputError(
            f"--to {args.end.isoformat()} ligger före --from {args.start.isoformat()}",
            f"--to {args.end.isoformat()} is before --from {args.start.isoformat()}",
        )
    agreement, facts = load_inputs(args)
    changes = timeline(agreement, facts, args.start, args.end, settings=dict(args.settings))
    if args.format == "json":
        emit(render_timeline_json(changes, args.start, args.end))
    else:
        emit(render_timeline_text(changes, args.start, args.end, args.lang))
    return 0


def register(sub: Any) -> None:
    """Add ``timeline`` to the command's subparsers."""
    history = sub.add_parser("timeline", help="every status change between two days")
    add_common(history, as_of=False)
    history.add_argument("--from", dest="start", type=parse_day, required=True, metavar="DATE", help="first day")
    history.add_argument("--to", dest="end", type=parse_day, required=True, metavar="DATE", help="last day")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.set_defaults(run=cmd_timeline)
