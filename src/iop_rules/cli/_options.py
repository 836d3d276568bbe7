"""What every command shares: reading dates, day counts and settings from the command line, the common options,
loading the agreement and facts a command names, and writing a file whole or not at all."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import sys
from pathlib import Path

from .._types import SEPARATOR, parse_day_value, printable
from ..agreement import Agreement, load_agreement
from ..context import MAX_HORIZON_DAYS
from ..facts import Facts, load_facts


def parse_day(text: str) -> dt.date:
    """A command-line date: YYYY-MM-DD between 1900 and 2100, read as facts files read days."""
    try:
        return parse_day_value(text)
    except ValueError as error:
        en, _, sv = str(error).partition(SEPARATOR)
        shown = printable(repr(text))
        raise argparse.ArgumentTypeError(f"{shown}: {sv} / {shown}: {en}") from None


def parse_days(text: str) -> int:
    """A number of days from 0 to 3650, in ASCII digits."""
    if not re.fullmatch(r"[0-9]{1,4}", text, re.ASCII) or int(text) > MAX_HORIZON_DAYS:
        shown = printable(repr(text))
        raise argparse.ArgumentTypeError(
            f"{shown}: förväntade ett heltal 0–{MAX_HORIZON_DAYS} / {shown}: expected a whole number 0–{MAX_HORIZON_DAYS}"
        )
    return int(text)


def parse_setting(text: str) -> tuple[str, str]:
    """An interpretation override, ``I1=bracket_date``."""
    key, sep, value = text.partition("=")
    shown = printable(repr(text))
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            f"{shown}: förväntade ID=VÄRDE, t.ex. I1=bracket_date / {shown}: expected ID=VALUE, e.g. I1=bracket_date"
        )
    # The value is checked against the readings the library implements by load_inputs, before any work, so
    # that "I7=²" or "I1=maybe" is a one-line message in the language asked for (check_setting reads ASCII digits).
    return key.strip().upper(), value.strip()


def emit(text: str) -> None:
    """Write a command's output to stdout; a reader that has gone away (``| head``, ``| true``) is no error.

    The rest of the output is dropped and the command goes on to its own exit status: a closed pipe must not
    turn "breaches found" (1) into 0, nor print a traceback.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def silence_stdout() -> None:
    """Point stdout at the null device, so that nothing more (not even the flush at exit) meets the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        # stdout is no real file (a test's capture): nothing waits to be flushed at exit.
        pass


def write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all: to a temporary file beside it, then renamed into place."""
    directory = path.parent if str(path.parent) else Path(".")
    import tempfile  # only the commands that write a file need it

    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write a binary file (a workbook) whole or not at all, as ``write_atomically``."""
    directory = path.parent if str(path.parent) else Path(".")
    import tempfile  # only the commands that write a file need it

    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            # mkstemp makes the file private; a workbook is a document to share, so it gets the usual mode.
            mask = os.umask(0)
            os.umask(mask)
            os.fchmod(handle.fileno(), 0o666 & ~mask)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def add_common(parser: argparse.ArgumentParser, *, as_of: bool = True) -> None:
    """The options every subcommand shares."""
    parser.add_argument("facts", metavar="FACTS", help="facts file (.toml, .json or .xlsx workbook)")
    if as_of:
        parser.add_argument("--as-of", type=parse_day, metavar="DATE", help="evaluation day (default: the facts' as_of, else today in Stockholm)")
    parser.add_argument("--agreement", metavar="FILE", help="agreement file (default: the bundled agreement.toml)")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="language of messages (default sv)")
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        type=parse_setting,
        default=[],
        metavar="ID=VALUE",
        help="override an interpretation setting for this run, e.g. --set I1=bracket_date (repeatable)",
    )


def load_inputs(args: argparse.Namespace) -> tuple[Agreement, Facts]:
    """The agreement and facts a command names; InputError when either is bad."""
    agreement = load_agreement(args.agreement)
    facts = load_facts(args.facts)
    overrides = dict(args.settings)
    agreement.settings(overrides)  # checked here so a bad --set fails before any work
    return agreement, facts


