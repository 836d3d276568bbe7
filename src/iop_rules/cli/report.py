"""``iop-rules report``: the report as one self-contained HTML page, written whole or not at all.

    iop-rules report FACTS --html FILE [--as-of DATE] [--lang sv|en] [--party city|fa] [--horizon DAYS]
                     [--agreement FILE] [--set ID=VALUE]

``--html -`` writes the page to standard output. Exit codes: 0 written (breaches or not: the page shows them),
2 bad input (a message, no traceback; no file written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from .._types import InputError
from ..catalogue import msg
from ..presentation.phrases import phrase
from ._options import add_command, add_common, add_party, days_type, emit, load_inputs, write_atomically


def check_output(option: str, out: Path, suffixes: tuple[str, ...]) -> None:
    """Refuse an output file with the wrong ending or in a directory that does not exist, before any work."""
    if out.suffix.lower() not in suffixes:
        ending = " / ".join(suffixes)
        raise InputError(msg("error.cli.out.ending", option=option, out=repr(str(out)), ending=ending))
    if not out.parent.is_dir():
        raise InputError(msg("error.cli.out.no_dir", option=option, out=repr(str(out)), parent=repr(str(out.parent))))


def write_output(option: str, target: str, text: str) -> None:
    """Write to standard output (``-``) or atomically to the file."""
    if target == "-":
        emit(text)
        return
    try:
        write_atomically(Path(target), text)
    except OSError as error:
        raise InputError(msg("error.cli.out.unwritable", option=option, target=repr(target), reason=str(error.strerror))) from None


def cmd_report(args: argparse.Namespace) -> int:
    """``iop-rules report``: write the HTML report."""
    from ..presentation.html import render_html  # Jinja2 and the analyses: imported only by this command

    if args.html != "-":
        check_output("--html", Path(args.html), (".html", ".htm"))
    agreement, facts = load_inputs(args)
    page = render_html(
        agreement,
        facts,
        as_of=args.as_of,
        settings=dict(args.settings),
        horizon_days=args.horizon,
        lang=args.lang,
        party=args.party,
        version=__version__,
    )
    write_output("--html", args.html, page)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str | None) -> None:
    """Add ``report`` to the command's subparsers, its help in ``lang`` (default Swedish)."""
    shown = lang or "sv"
    parser = add_command(sub, "report", shown, msg("help.report"))
    add_common(parser, shown)
    parser.add_argument("--html", required=True, metavar=phrase("metavar.file", shown), help=phrase("help.html", shown))
    add_party(parser, shown)
    parser.add_argument("--horizon", type=days_type(shown), metavar=phrase("metavar.days", shown), help=phrase("help.horizon", shown))
    parser.set_defaults(run=cmd_report)
