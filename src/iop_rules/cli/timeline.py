"""``iop-rules timeline``: every status change of the findings between two days.

    iop-rules timeline FACTS --from DATE --to DATE [--format text|json] [--agreement FILE] [--lang sv|en] [--set ID=VALUE]

Exit codes: 0 done, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
from typing import Any

from .._types import InputError
from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_format, day_type, emit, load_inputs


def cmd_timeline(args: argparse.Namespace) -> int:
    """``iop-rules timeline``: every status change between two days."""
    from ..presentation.timeline_text import render_timeline_json, render_timeline_text  # imported when run
    from ..timeline import timeline

    if args.end < args.start:
        raise InputError(msg("timeline.reversed", end=args.end, start=args.start))
    agreement, facts = load_inputs(args)
    changes = timeline(agreement, facts, args.start, args.end, settings=dict(args.settings))
    if args.format == "json":
        emit(render_timeline_json(changes, args.start, args.end))
    else:
        emit(render_timeline_text(changes, args.start, args.end, args.lang))
    return 0


def register(sub: Any, lang: str | None) -> None:
    """Add ``timeline`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    history = add_command(sub, "timeline", shown, msg("help.timeline"))
    add_common(history, shown, as_of=False)
    day = day_type(shown)
    history.add_argument("--from", dest="start", type=day, required=True, metavar=phrase("metavar.date", shown), help=phrase("help.from", shown))
    history.add_argument("--to", dest="end", type=day, required=True, metavar=phrase("metavar.date", shown), help=phrase("help.to", shown))
    add_format(history, shown)
    history.set_defaults(run=cmd_timeline)
