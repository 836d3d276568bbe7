"""The ``iop-rules`` command: one module per subcommand, sharing the options in ``_options``.

Exit codes: 0 no unremedied breach, 1 at least one unremedied breach, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from .._types import InputError
from ..presentation.phrases import phrase
from . import calendar, check, docs, explain, repayment, timeline
from ._options import LANGS, LocalizedParser, requested_lang


def _version() -> str:
    try:
        return version("iop-rules")
    except PackageNotFoundError:  # run from a source tree that was never installed
        from .. import __version__

        return __version__


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; help texts and errors in ``lang`` (``sv`` or ``en``; None: each
    command's default language, Swedish for all but ``docs``)."""
    shown = lang or "sv"
    parser = LocalizedParser(prog="iop-rules", description=phrase("cli.description", shown), lang=shown)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help=phrase("help.version", shown)
    )
    # Read by requested_lang before parsing; here so that `iop-rules --lang en --help` is accepted and documented.
    parser.add_argument("--lang", dest="top_lang", choices=LANGS, help=phrase("help.top_lang", shown))
    sub = parser.add_subparsers(
        dest="command", required=True, title=phrase("cli.commands", shown), metavar=phrase("cli.command", shown)
    )
    for module in (check, repayment, explain, docs, timeline, calendar):
        module.register(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; bad input exits 2 with a message and no traceback."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    requested = requested_lang(arguments)
    parser = build_parser(requested)
    args = parser.parse_args(arguments)
    if requested is not None:  # `iop-rules --lang en check …` asks for English output too
        args.lang = requested
    lang = getattr(args, "lang", "sv")
    try:
        code: int = args.run(args)
    except InputError as error:
        sys.stderr.write(f"iop-rules: {error.message(lang)}\n")
        return 2
    except BrokenPipeError:
        return 0
    return code


__all__ = ["build_parser", "main"]
