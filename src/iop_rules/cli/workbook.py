"""``iop-rules workbook``: write the workbook a coordinator fills in, empty (``--new``) or from a facts file.

Exit codes: 0 written, 2 bad input or the target exists (a message, no traceback; nothing half-written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._types import InputError
from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, emit, write_bytes_atomically


def _target(path: str, force: bool) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputError(msg("error.cli.workbook.ending", target=str(target)))
    if target.exists() and not force:
        raise InputError(msg("error.cli.workbook.exists", target=str(target)))
    return target


def cmd_workbook(args: argparse.Namespace) -> int:
    """``iop-rules workbook``: write the workbook and say where it is."""
    if args.new is not None and (args.source is not None or args.to is not None):
        raise InputError(msg("error.cli.workbook.either"))
    if args.new is None and (args.source is None or args.to is None):
        raise InputError(msg("error.cli.workbook.both"))
    # Imported here: every other command starts without openpyxl.
    from ..agreement import load_agreement
    from ..facts import load_facts
    from ..presentation.workbook import build_workbook

    agreement = load_agreement(args.agreement)
    facts = load_facts(args.source) if args.source is not None else None
    target = _target(args.new if args.new is not None else args.to, args.force)
    write_bytes_atomically(target, build_workbook(agreement, args.lang, facts, target.name))
    emit(f"{target}\n")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``workbook`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    parser = add_command(sub, "workbook", shown, msg("help.workbook"))
    parser.add_argument("--new", metavar="FILE.xlsx", help=phrase("help.workbook.new", shown))
    parser.add_argument("--from", dest="source", metavar=phrase("metavar.facts", shown), help=phrase("help.workbook.from", shown))
    parser.add_argument("--to", metavar="FILE.xlsx", help=phrase("help.workbook.to", shown))
    parser.add_argument("--agreement", metavar=phrase("metavar.file", shown), help=phrase("help.agreement", shown))
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=phrase("help.workbook.lang", shown))
    parser.add_argument("--force", action="store_true", help=phrase("help.workbook.force", shown))
    parser.set_defaults(run=cmd_workbook)
