"""The ``iop-rules`` command: one module per subcommand, sharing the options in ``_options``.

Exit statuses (the README's table): 0 no unremedied breach (or done), 1 at least one unremedied breach (for
``docs --check``: docs stale), 2 bad input or bad arguments (a one-line message, no traceback, nothing written),
70 an internal error (a one-line message in both languages asking to report it; a bug, never a finding).
A closed pipe on stdout changes none of them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence

from .._types import InputError
from ..presentation.phrases import phrase
from . import calendar, check, convert, docs, explain, repayment, report, timeline, workbook
from ._options import LANGS, LocalizedParser, requested_lang, silence_stdout


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # only --version needs it

    try:
        return version("iop-rules")
    except PackageNotFoundError:  # run from a source tree that was never installed
        from .. import __version__

        return __version__


class _VersionAction(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked (start-up stays cheap)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; help texts and errors in ``lang`` (``sv`` or ``en``; None: each
    command's default language, Swedish for all but ``docs``)."""
    shown = lang or "sv"
    parser = LocalizedParser(prog="iop-rules", description=phrase("cli.description", shown), lang=shown)
    parser.add_argument("--version", action=_VersionAction, help=phrase("help.version", shown))
    # Read by requested_lang before parsing; here so that `iop-rules --lang en --help` is accepted and documented.
    parser.add_argument("--lang", dest="top_lang", choices=LANGS, help=phrase("help.top_lang", shown))
    sub = parser.add_subparsers(
        dest="command", required=True, title=phrase("cli.commands", shown), metavar=phrase("cli.command", shown)
    )
    for module in (check, report, repayment, explain, docs, timeline, calendar, workbook, convert):
        module.register(sub, lang)
    return parser


EXIT_OK = 0
"""No unremedied breach (check), or the command did what was asked."""
EXIT_BREACHES = 1
"""At least one unremedied breach (check); stale docs (docs --check)."""
EXIT_BAD_INPUT = 2
"""Bad input or arguments: a message naming the field and the value; nothing written. argparse uses 2 too."""
EXIT_INTERNAL_ERROR = 70
"""An unexpected internal error (EX_SOFTWARE of sysexits.h): a bug to report, never a result about the facts."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command and return its exit status; bad input is 2 with a message, a bug 70, never a traceback."""
    _readable_output()
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
        # One line per error (a workbook reports every bad cell), each marked as the command's.
        for line in error.message(lang).splitlines() or [""]:
            sys.stderr.write(f"iop-rules: {line}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Raised outside emit() (a renderer flushing on its own): the status is lost, so say it is not a result.
        silence_stdout()
        return EXIT_INTERNAL_ERROR
    except Exception as error:
        if os.environ.get("IOP_RULES_DEBUG"):
            raise
        kind = type(error).__name__
        # Both languages: whatever failed may have been the language itself.
        sys.stderr.write(f"iop-rules: {phrase('cli.internal_error', 'sv', kind=kind)} / {phrase('cli.internal_error', 'en', kind=kind)}\n")
        return EXIT_INTERNAL_ERROR
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    return code


def _readable_output() -> None:
    # Under LC_ALL=C (cron, containers) Python's stdout is ASCII and the first "å" of a report raises
    # UnicodeEncodeError. The output is written in UTF-8 instead, which is also what JSON output must be.
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "åäö”–".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


__all__ = ["EXIT_BAD_INPUT", "EXIT_BREACHES", "EXIT_INTERNAL_ERROR", "EXIT_OK", "build_parser", "main"]
