"""What every command shares: a parser that speaks the output's language (help, headings, argparse's errors),
reading dates, day counts and settings from the command line, the common options, loading the agreement and facts
a command names, and writing a file whole or not at all."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .._types import SEPARATOR, parse_day_value, printable
from ..agreement import Agreement, load_agreement
from ..catalogue import Msg, msg
from ..context import MAX_HORIZON_DAYS
from ..facts import Facts, load_facts
from ..presentation.phrases import phrase, say

LANGS = ("sv", "en")


def requested_lang(argv: Sequence[str]) -> str | None:
    """The language ``--lang`` asks for on the command line, read before the parser exists so that its help
    texts and errors can be in that language; None when not given (or not one of ``sv``, ``en``)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            return value if value in LANGS else None
    return None


_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], Msg], ...] = tuple(
    (re.compile(pattern, re.DOTALL), message)
    for pattern, message in (
        (r"argument (?P<name>.+?): (?P<message>.*)", msg("argparse.argument")),
        (r"the following arguments are required: (?P<names>.*)", msg("argparse.required")),
        (r"unrecognized arguments: (?P<args>.*)", msg("argparse.unrecognized")),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", msg("argparse.invalid_choice")),
        (r"unknown parser (?P<value>.*) \(choices: (?P<choices>.*)\)", msg("argparse.unknown_parser")),
        (r"expected one argument", msg("argparse.expected_one")),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", msg("argparse.ambiguous")),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", msg("argparse.invalid_value")),
        (r"ignored explicit argument (?P<value>.*)", msg("argparse.explicit")),
        (r"not allowed with argument (?P<other>.*)", msg("argparse.not_allowed")),
    )
)


def translate_argparse(message: str, lang: str) -> str:
    """An error message argparse wrote (in English) in ``lang``; a message it does not know stays as written."""
    if lang == "en":
        return message
    for pattern, known in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        params = match.groupdict()
        if "message" in params:
            params["message"] = translate_argparse(params["message"], lang)
        return say(known.with_values(**params), lang)
    return message


class _Formatter(argparse.HelpFormatter):
    """Help in the output's language: argparse's own words ("usage:") come from the phrases."""

    def __init__(self, prog: str, lang: str) -> None:
        super().__init__(prog, max_help_position=32)
        self._lang = lang

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, phrase("cli.usage", self._lang) if prefix is None else prefix)


class LocalizedParser(argparse.ArgumentParser):
    """An argument parser whose help texts, headings and error messages are in one language (``sv`` or ``en``).

    Subcommands' parsers are of the same class (argparse makes them with the parent's class) and are given their
    language by ``add_command``.
    """

    def __init__(self, *args: Any, lang: str = "sv", **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._positionals.title = phrase("cli.positionals", lang)
        self._optionals.title = phrase("cli.options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=phrase("help.help", lang))

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(self.prog, self.lang)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in the parser's language, and exit 2 (argparse's convention)."""
        self.print_usage(sys.stderr)
        self.exit(2, phrase("cli.error", self.lang, prog=self.prog, message=translate_argparse(message, self.lang)) + "\n")


def add_command(
    sub: Any, name: str, lang: str, help_text: Msg, description: Msg | None = None, *, listed_in: str | None = None
) -> LocalizedParser:
    """A subcommand's parser, in ``lang``, with its description; its one-line help in the command list is in
    ``listed_in`` (the top-level parser's language), by default ``lang``."""
    described = say(description or help_text, lang)
    parser: LocalizedParser = sub.add_parser(
        name,
        lang=lang,
        help=say(help_text, listed_in or lang),
        description=described[:1].upper() + described[1:].rstrip(".") + ".",
    )
    return parser




def day_type(lang: str) -> Callable[[str], dt.date]:
    """A command-line date: YYYY-MM-DD between 1900 and 2100, read as facts files read days; errors in ``lang``."""

    def parse_day(text: str) -> dt.date:
        try:
            return parse_day_value(text)
        except ValueError as error:
            en, _, sv = str(error).partition(SEPARATOR)
            raise argparse.ArgumentTypeError(f"{printable(repr(text))}: {sv if lang == 'sv' else en}") from None

    return parse_day


def days_type(lang: str) -> Callable[[str], int]:
    """A number of days from 0 to 3650, in ASCII digits; errors in ``lang``."""

    def parse_days(text: str) -> int:
        if not re.fullmatch(r"[0-9]{1,4}", text, re.ASCII) or int(text) > MAX_HORIZON_DAYS:
            shown = printable(repr(text))
            raise argparse.ArgumentTypeError(phrase("arg.days", lang, value=shown, most=MAX_HORIZON_DAYS))
        return int(text)

    return parse_days


def setting_type(lang: str) -> Callable[[str], tuple[str, str]]:
    """An interpretation override, ``I1=bracket_date``; errors in ``lang``. The value is checked against the
    readings the library implements by ``load_inputs``, before any work, so that "I7=²" or "I1=maybe" is a
    one-line message in the language asked for (check_setting reads ASCII digits)."""

    def parse_setting(text: str) -> tuple[str, str]:
        key, sep, value = text.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise argparse.ArgumentTypeError(phrase("arg.setting", lang, value=printable(repr(text))))
        return key.strip().upper(), value.strip()

    return parse_setting


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


def add_lang(parser: argparse.ArgumentParser, lang: str | None, default: str = "sv") -> None:
    """``--lang``: the language of the output, the help and the errors."""
    parser.add_argument(
        "--lang", choices=LANGS, default=default, help=phrase("help.lang", lang or default, default=default)
    )


def add_format(parser: argparse.ArgumentParser, lang: str, *, csv: bool = False) -> None:
    """``--format text|json`` (and ``csv`` where a command has it)."""
    choices = ("text", "json", "csv") if csv else ("text", "json")
    parser.add_argument("--format", choices=choices, default="text", help=phrase("help.format_csv", lang) if csv else phrase("help.format", lang))


def add_party(parser: argparse.ArgumentParser | argparse._MutuallyExclusiveGroup, lang: str) -> None:
    """``--party city|fa``: only what concerns one party (its own and the joint findings)."""
    parser.add_argument("--party", choices=("city", "fa"), help=phrase("help.party", lang))


def add_common(parser: argparse.ArgumentParser, lang: str, *, as_of: bool = True) -> None:
    """The options every subcommand that evaluates the agreement shares, with help in ``lang``."""
    parser.add_argument("facts", metavar=phrase("metavar.facts", lang), help=phrase("help.facts", lang))
    if as_of:
        parser.add_argument(
            "--as-of", type=day_type(lang), metavar=phrase("metavar.date", lang), help=phrase("help.as_of", lang)
        )
    parser.add_argument("--agreement", metavar=phrase("metavar.file", lang), help=phrase("help.agreement", lang))
    add_lang(parser, lang)
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        type=setting_type(lang),
        default=[],
        metavar=phrase("metavar.setting", lang),
        help=phrase("help.set", lang),
    )


def load_inputs(args: argparse.Namespace) -> tuple[Agreement, Facts]:
    """The agreement and facts a command names; InputError when either is bad."""
    agreement = load_agreement(args.agreement)
    facts = load_facts(args.facts)
    overrides = dict(args.settings)
    agreement.settings(overrides)  # checked here so a bad --set fails before any work
    return agreement, facts


