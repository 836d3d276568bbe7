"""The ``iop-rules`` command: check a facts file against the agreement, for people and for scripts.

Exit codes: 0 no unremedied breach, 1 at least one unremedied breach, 2 bad input (a message, no traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ._types import InputError, format_sek
from .agreement import Agreement, load_agreement
from .evaluate import evaluate
from .facts import Facts, load_facts
from .report import Finding, Report

STATUS_LABEL = {
    "pending": ("kommande", "pending"),
    "due": ("att göra", "due"),
    "open": ("öppen", "open"),
    "fulfilled": ("uppfylld", "fulfilled"),
    "fulfilled_late": ("uppfylld för sent", "fulfilled late"),
    "violated": ("åsidosatt", "violated"),
    "discharged": ("bortfallen", "discharged"),
    "needs_assessment": ("kräver bedömning", "needs assessment"),
    "available": ("rätt att utöva", "right available"),
    "exercised": ("utövad", "exercised"),
    "expired": ("förfallen", "expired"),
    "noted": ("notering", "note"),
}
PARTY_LABEL = {"city": ("staden", "city"), "fa": ("Frälsningsarmén", "Salvation Army"), "both": ("båda", "both")}
HEADINGS = {
    "breaches": ("AVVIKELSER", "BREACHES"),
    "upcoming": ("KOMMANDE ÅTGÄRDER", "UPCOMING ACTIONS"),
    "obligations": ("ALLA ÅTAGANDEN", "ALL OBLIGATIONS"),
    "notes": ("NOTERINGAR", "NOTES"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "sv" else pair[1]


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


def add_common(parser: argparse.ArgumentParser, *, as_of: bool = True) -> None:
    """The options every subcommand shares."""
    parser.add_argument("facts", metavar="FACTS", help="facts file (.toml or .json)")
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


def _finding_lines(finding: Finding, report: Report, lang: str, quote: bool) -> list[str]:
    status = _pick(STATUS_LABEL[finding.status], lang)
    party = _pick(PARTY_LABEL[finding.party], lang)
    head = f"  • §{finding.section:<3} {party:<16} {status}"
    if finding.due is not None:
        left = finding.days_left(report.as_of)
        assert left is not None
        if lang == "sv":
            when = f"senast {finding.due.isoformat()}" + (f" ({left} dagar kvar)" if left >= 0 and finding.status in ("due", "pending") else "")
        else:
            when = f"by {finding.due.isoformat()}" + (f" ({left} days left)" if left >= 0 and finding.status in ("due", "pending") else "")
        head += f" — {when}"
    if finding.amount is not None:
        head += f" — {format_sek(finding.amount, lang)}"
    lines = [head, f"    {finding.message.get(lang)}", f"    [{finding.id}]"]
    if quote:
        lines.append(f"    Avtalet: ”{finding.quote}”" if lang == "sv" else f"    Agreement: “{finding.quote}”")
    return lines


def render_text(report: Report, agreement: Agreement, lang: str) -> str:
    """The report as a person reads it: breaches, then upcoming actions, then obligations, then notes."""
    title = agreement.agreement.short_name
    lines = [
        f"{title}: läge per {report.as_of.isoformat()}" if lang == "sv" else f"{title}: position as of {report.as_of.isoformat()}",
        report.agreement.message.get(lang),
        "",
    ]
    sections: list[tuple[str, Sequence[Finding], bool]] = [
        ("breaches", report.breaches, True),
        ("upcoming", report.upcoming, True),
        ("obligations", report.obligations, False),
        ("notes", report.notes, False),
    ]
    for key, findings, quote in sections:
        lines.append(f"{_pick(HEADINGS[key], lang)} ({len(findings)})")
        if not findings:
            lines.append("  (inga)" if lang == "sv" else "  (none)")
        for finding in findings:
            lines.extend(_finding_lines(finding, report, lang, quote))
        lines.append("")
    settings = ", ".join(f"{k}={v}" for k, v in report.settings.items())
    lines.append(("Tolkningar: " if lang == "sv" else "Interpretations: ") + settings)
    return "\n".join(lines) + "\n"


def cmd_check(args: argparse.Namespace) -> int:
    """``iop-rules check``: evaluate the facts and print the report."""
    agreement, facts = load_inputs(args)
    report = evaluate(agreement, facts, as_of=args.as_of, horizon_days=args.horizon, settings=dict(args.settings))
    if args.compare_interpretations:
        from .compare import compare_interpretations, render_comparison

        comparison = compare_interpretations(agreement, facts, args.as_of, dict(args.settings), args.horizon)
        sys.stdout.write(comparison.to_json() if args.format == "json" else render_comparison(comparison, args.lang))
    elif args.format == "json":
        sys.stdout.write(report.to_json())
    else:
        sys.stdout.write(render_text(report, agreement, args.lang))
    return 1 if report.unremedied_breaches() else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="iop-rules",
        description="Kontrollera IOP-överenskommelsen Helsingborg–Frälsningsarmén / check the IOP agreement",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="evaluate a facts file on a day")
    add_common(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--horizon", type=parse_days, metavar="DAYS", help="days ahead for upcoming actions (default I13)")
    check.add_argument(
        "--compare-interpretations",
        action="store_true",
        help="list the findings that differ under each alternative reading of I1–I14 (exit code as for check)",
    )
    check.set_defaults(run=cmd_check)
    from .cli_repayment import register as _register_repayment

    _register_repayment(sub)
    from .docs import register as _register_docs
    from .explain import register as _register_explain

    _register_explain(sub)
    _register_docs(sub)
    from .cli_timeline import register as _register_timeline

    _register_timeline(sub)
    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []
"""Further subcommands, each a function that adds its parser (and ``run``) to the subparsers."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; bad input exits 2 with a message and no traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "sv")
    try:
        code: int = args.run(args)
    except InputError as error:
        sys.stderr.write(f"iop-rules: {error.message(lang)}\n")
        return 2
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
