"""``iop-rules calendar``: the actions ahead in an iCalendar file, written whole or not at all.

    iop-rules calendar FACTS --ics FILE [--as-of DATE] [--horizon DAYS] [--party city|fa] [--agreement FILE] [--lang sv|en]
                       [--set ID=VALUE]

Exit codes: 0 done, 2 bad input (a message, no traceback; no file written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..evaluate import evaluate
from ..presentation.order import for_party
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_party, days_type, input_error, load_inputs, write_atomically


def cmd_calendar(args: argparse.Namespace) -> int:
    """``iop-rules calendar``: write the upcoming actions to an iCalendar file."""
    from ..presentation.calendar import render_calendar  # icalendar: imported only by this command

    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    out: Path = args.ics
    path = repr(str(out))
    if out.suffix.lower() != ".ics":
        raise input_error("calendar.not_ics", path=path)
    if not out.parent.is_dir():
        raise input_error("calendar.no_dir", path=path, dir=repr(str(out.parent)))
    try:
        write_atomically(out, render_calendar(for_party(report, args.party), agreement, args.lang))
    except OSError as error:
        raise input_error("calendar.unwritable", path=path, reason=error.strerror) from None
    return 0


def register(sub: Any, lang: str | None) -> None:
    """Add ``calendar`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    ahead = add_command(sub, "calendar", shown, "help.calendar")
    add_common(ahead, shown)
    ahead.add_argument("--ics", type=Path, required=True, metavar=phrase("metavar.file", shown), help=phrase("help.ics", shown))
    ahead.add_argument("--horizon", type=days_type(shown), metavar=phrase("metavar.days", shown), help=phrase("help.horizon", shown))
    add_party(ahead, shown)
    ahead.set_defaults(run=cmd_calendar)
