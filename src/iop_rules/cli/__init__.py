"""The ``iop-rules`` command: one module per subcommand, sharing the options in ``_options``.

Exit codes: 0 no unremedied breach, 1 at least one unremedied breach, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .._types import InputError
from . import calendar, check, convert, docs, explain, repayment, timeline, workbook


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="iop-rules",
        description="Kontrollera IOP-överenskommelsen Helsingborg–Frälsningsarmén / check the IOP agreement",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (check, repayment, explain, docs, timeline, calendar, workbook, convert):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; bad input exits 2 with a message and no traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "sv")
    try:
        code: int = args.run(args)
    except InputError as error:
        # One line per error (a workbook reports every bad cell), each marked as the command's.
        for line in error.message(lang).splitlines() or [""]:
            sys.stderr.write(f"iop-rules: {line}\n")
        return 2
    except BrokenPipeError:
        return 0
    return code


__all__ = ["build_parser", "main"]
