"""What every command shares: reading dates, day counts and settings from the command line, the common options,
loading the agreement and facts a command names, and writing a file whole or not at all."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path

from ..agreement import Agreement, load_agreement
from ..facts import Facts, load_facts


def parse_day(text: str) -> dt.date:
    """A command-line date, YYYY-MM-DD."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} är inget giltigt datum ÅÅÅÅ-MM-DD / {text!r} is not a valid date YYYY-MM-DD"
        ) from None
    if len(text) != 10 or not 1900 <= day.year <= 2100:
        raise argparse.ArgumentTypeError(
            f"{text!r}: förväntade ÅÅÅÅ-MM-DD mellan 1900 och 2100 / expected YYYY-MM-DD between 1900 and 2100"
        )
    return day


def parse_days(text: str) -> int:
    """A non-negative number of days."""
    if not text.isdigit() or int(text) > 3650:
        raise argparse.ArgumentTypeError(
            f"{text!r}: förväntade ett heltal 0–3650 / expected a whole number 0–3650"
        )
    return int(text)


def parse_setting(text: str) -> tuple[str, str]:
    """An interpretation override, ``I1=bracket_date``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r}: förväntade ID=VÄRDE, t.ex. I1=bracket_date / expected ID=VALUE, e.g. I1=bracket_date"
        )
    return key.strip().upper(), value.strip()


def write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all: to a temporary file beside it, then renamed into place."""
    directory = path.parent if str(path.parent) else Path(".")
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
        parser.add_argument("--as-of", type=parse_day, metavar="DATE", help="evaluation day (default: the facts' as_of, else today)")
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


