"""``iop-rules calendar``: the duties still to do, and the §4 cutoff, in an iCalendar file written whole or not at
all, or to standard output with ``--ics -``. Regenerated daily, the file changes only when the facts do, so a
calendar program that subscribes to it reminds people without anyone running a command.

    iop-rules calendar FACTS --ics FILE|- [--as-of DATE] [--horizon DAYS] [--remind DAYS,DAYS…] [--party city|fa]
                       [--agreement FILE] [--lang sv|en] [--set ID=VALUE]

Exit codes: 0 done, 2 bad input (a message, no traceback; no file written).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._types import printable
from ..catalogue import msg
from ..evaluate import evaluate
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_party, days_type, load_inputs
from .report import check_output, write_output


def reminders_type(lang: str) -> Callable[[str], tuple[int, ...]]:
    """Days before a deadline for the reminders, ``14,3``; ``none`` for no reminder; errors in ``lang``."""

    def parse_reminders(text: str) -> tuple[int, ...]:
        if text.strip().lower() in ("none", "ingen"):
            return ()
        parts = [part.strip() for part in text.split(",")]
        if not all(part.isdigit() and int(part) <= 365 for part in parts):
            raise argparse.ArgumentTypeError(phrase("arg.remind", lang, value=printable(repr(text))))
        return tuple(sorted({int(part) for part in parts}, reverse=True))

    return parse_reminders


def cmd_calendar(args: argparse.Namespace) -> int:
    """``iop-rules calendar``: write the duties still to do to an iCalendar file."""
    from ..presentation.calendar import DEFAULT_REMINDERS, render_calendar  # icalendar: only this command
    from ..presentation.order import for_party

    if args.ics != "-":
        check_output("--ics", Path(args.ics), (".ics",))
    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    reminders = DEFAULT_REMINDERS if args.remind is None else args.remind
    text = render_calendar(for_party(report, args.party), agreement, args.lang, horizon_days=args.horizon, reminders=reminders)
    write_output("--ics", args.ics, text)
    return 0


def register(sub: Any, lang: str | None) -> None:
    """Add ``calendar`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    ahead = add_command(sub, "calendar", shown, msg("help.calendar"))
    add_common(ahead, shown)
    ahead.add_argument("--ics", required=True, metavar=phrase("metavar.file", shown), help=phrase("help.ics_any", shown))
    ahead.add_argument(
        "--horizon", type=days_type(shown), metavar=phrase("metavar.days", shown), help=phrase("help.calendar_horizon", shown)
    )
    ahead.add_argument("--remind", type=reminders_type(shown), metavar=phrase("metavar.days", shown), help=phrase("help.remind", shown))
    add_party(ahead, shown)
    ahead.set_defaults(run=cmd_calendar)
