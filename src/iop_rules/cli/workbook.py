"""``iop-rules workbook``: write the workbook a coordinator fills in, empty (``--new``) or from a facts file.

Exit codes: 0 written, 2 bad input or the target exists (a message, no traceback; nothing half-written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._types import InputError
from ._options import emit, write_bytes_atomically


def _target(path: str, force: bool) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputError(f"{target}: förväntade ett filnamn som slutar på .xlsx", f"{target}: expected a file name ending in .xlsx")
    if target.exists() and not force:
        raise InputError(
            f"{target}: filen finns redan; välj ett annat namn eller skriv över den med --force",
            f"{target}: the file already exists; choose another name or overwrite it with --force",
        )
    return target


def cmd_workbook(args: argparse.Namespace) -> int:
    """``iop-rules workbook``: write the workbook and say where it is."""
    if args.new is not None and (args.source is not None or args.to is not None):
        raise InputError("ange antingen --new FIL eller --from FAKTA --to FIL", "give either --new FILE or --from FACTS --to FILE")
    if args.new is None and (args.source is None or args.to is None):
        raise InputError("ange --new FIL, eller både --from FAKTA och --to FIL", "give --new FILE, or both --from FACTS and --to FILE")
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``workbook`` to the command's subparsers."""
    parser = sub.add_parser("workbook", help="write the facts workbook (.xlsx) the coordinators fill in")
    parser.add_argument("--new", metavar="FILE.xlsx", help="write an empty workbook")
    parser.add_argument("--from", dest="source", metavar="FACTS", help="facts file (.toml, .json or .xlsx) to fill the workbook with")
    parser.add_argument("--to", metavar="FILE.xlsx", help="the workbook to write from --from")
    parser.add_argument("--agreement", metavar="FILE", help="agreement file (default: the bundled agreement.toml)")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of sheets, headers and messages (default sv)")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    parser.set_defaults(run=cmd_workbook)
