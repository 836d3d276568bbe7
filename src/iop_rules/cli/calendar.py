"""``iop-rules calendar``: the actions ahead in an iCalendar file, written whole or not at all.

    iop-rules calendar FACTS --ics FILE [--as-of DATE] [--horizon DAYS] [--agreement FILE] [--lang sv|en] [--set ID=VALUE]

Exit codes: 0 done, 2 bad input (a message, no traceback; no file written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .._types import InputError
from ..evaluate import evaluate
from ._options import add_common, load_inputs, parse_days, write_atomically


def cmd_calendar(args: argparse.Namespace) -> int:
    """``iop-rules calendar``: write the upcoming actions to an iCalendar file."""
    from ..presentation.calendar import render_calendar  # icalendar: imported only by this command

    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    out: Path = args.ics
    if out.suffix.lower() != ".ics":
        raise InputError(
            f"--ics {str(out)!r}: förväntade ett filnamn som slutar på .ics",
            f"--ics {str(out)!r}: expected a file name ending in .ics",
        )
    if not out.parent.is_dir():
        raise InputError(
            f"--ics {str(out)!r}: katalogen {str(out.parent)!r} finns inte",
            f"--ics {str(out)!r}: the directory {str(out.parent)!r} does not exist",
        )
    try:
        write_atomically(out, render_calendar(report, agreement, args.lang))
    except OSError as error:
        raise InputError(
            f"--ics {str(out)!r}: filen kan inte skrivas ({error.strerror})",
            f"--ics {str(out)!r}: the file cannot be written ({error.strerror})",
        ) from None
    return 0


def register(sub: Any) -> None:
    """Add ``calendar`` to the command's subparsers."""
    ahead = sub.add_parser("calendar", help="write the upcoming actions to an iCalendar (.ics) file")
    add_common(ahead)
    ahead.add_argument("--ics", type=Path, required=True, metavar="FILE", help="the .ics file to write")
    ahead.add_argument("--horizon", type=parse_days, metavar="DAYS", help="days ahead for upcoming actions (default I13)")
    ahead.set_defaults(run=cmd_calendar)
