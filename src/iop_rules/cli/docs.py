"""``iop-rules docs``: regenerate the documentation in ``docs/`` (or, with ``--check``, say what is stale).

Exit codes: 0 done (or up to date), 1 stale (with ``--check``), 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._types import InputError, printable
from ..agreement import load_agreement
from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, add_lang, emit, write_atomically


def write_docs(out: Path, files: dict[str, str]) -> list[str]:
    """Write the generated files under ``out`` (each whole or not at all); the paths that changed."""
    from ..presentation.docs import stale_files  # the docs machinery: imported only by this command

    shown = printable(repr(str(out)))
    if out.exists() and not out.is_dir():
        raise InputError(msg("error.cli.docs.not_a_dir", shown=shown))
    try:
        changed = stale_files(out, files)
        for relative in changed:
            path = out / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, files[relative])
    except OSError as error:
        where = printable(repr(error.filename)) if error.filename else shown
        reason = error.strerror or type(error).__name__
        raise InputError(msg("error.cli.docs.unwritable", shown=shown, where=where, reason=reason)) from None
    return changed


def cmd_docs(args: argparse.Namespace) -> int:
    """``iop-rules docs``: regenerate ``docs/`` (or, with ``--check``, exit 1 when it is stale)."""
    from ..presentation.docs import generate, stale_files

    agreement = load_agreement(args.agreement)
    files = generate(agreement, scenarios_dir=Path(args.scenarios) if args.scenarios else None)
    out = Path(args.out)
    if args.check:
        stale = stale_files(out, files)
        for relative in stale:
            emit(phrase("docs.stale", args.lang, path=str(out / relative)) + "\n")
        return 1 if stale else 0
    for relative in write_docs(out, files):
        emit(phrase("docs.wrote", args.lang, path=str(out / relative)) + "\n")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``docs`` to the command's subparsers, its help in ``lang`` (default English: the docs are English)."""
    shown = lang or "en"
    parser = add_command(sub, "docs", shown, msg("help.docs"), listed_in=lang or "sv")
    parser.add_argument("--out", default="docs", metavar=phrase("metavar.dir", shown), help=phrase("help.out", shown))
    parser.add_argument("--agreement", metavar=phrase("metavar.file", shown), help=phrase("help.agreement", shown))
    parser.add_argument("--scenarios", metavar=phrase("metavar.dir", shown), help=phrase("help.scenarios", shown))
    parser.add_argument("--check", action="store_true", help=phrase("help.docs_check", shown))
    add_lang(parser, lang, default="en")
    parser.set_defaults(run=cmd_docs)
