"""``iop-rules convert``: a facts file (a workbook, TOML or JSON) written as TOML or JSON.

Exit codes: 0 written, 2 bad input (a message, no traceback; nothing half-written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._options import emit, write_atomically


def cmd_convert(args: argparse.Namespace) -> int:
    """``iop-rules convert``: read and validate the facts, then write them in the chosen format."""
    # Imported here: every other command starts without the TOML writer.
    from ..facts import load_facts
    from ..presentation.facts_file import facts_json, facts_toml

    facts = load_facts(args.facts)
    text = facts_toml(facts) if args.to == "toml" else facts_json(facts)
    if args.out:
        write_atomically(Path(args.out), text)
    else:
        emit(text)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``convert`` to the command's subparsers."""
    parser = sub.add_parser("convert", help="write a facts file (e.g. a workbook) as TOML or JSON")
    parser.add_argument("facts", metavar="FACTS", help="facts file (.xlsx, .toml or .json)")
    parser.add_argument("--to", choices=("toml", "json"), required=True, help="the format to write")
    parser.add_argument("--out", metavar="FILE", help="write to FILE (whole or not at all) instead of standard output")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of messages (default sv)")
    parser.set_defaults(run=cmd_convert)
