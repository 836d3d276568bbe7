"""``iop-rules convert``: a facts file (a workbook, TOML or JSON) written as TOML or JSON.

Exit codes: 0 written, 2 bad input (a message, no traceback; nothing half-written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, add_lang, emit, write_atomically


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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``convert`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    parser = add_command(sub, "convert", shown, msg("help.convert"))
    parser.add_argument("facts", metavar=phrase("metavar.facts", shown), help=phrase("help.facts", shown))
    parser.add_argument("--to", choices=("toml", "json"), required=True, help=phrase("help.convert.to", shown))
    parser.add_argument("--out", metavar=phrase("metavar.file", shown), help=phrase("help.convert.out", shown))
    add_lang(parser, shown)
    parser.set_defaults(run=cmd_convert)
