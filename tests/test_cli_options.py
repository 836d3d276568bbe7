"""The command line's options (issue 10, item 5 and ``--party``): ``--version``, help for every option, help
texts and argparse's errors in the language ``--lang`` asks for, and one party's view."""

from __future__ import annotations

import argparse
import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

import iop_rules
from iop_rules.cli import build_parser, main
from iop_rules.cli._options import requested_lang, translate_argparse

from .conftest import EXAMPLE

COMMANDS = ("check", "report", "repayment", "explain", "docs", "timeline", "calendar", "workbook", "convert")
ENGLISH_ARGPARSE = ("usage:", "options:", "positional arguments", "show this help", "error:", "invalid choice", "required")


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"iop-rules {version('iop-rules')}"
    assert version("iop-rules") == iop_rules.__version__


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_option_of_every_command_has_help(lang: str) -> None:
    parser = build_parser(lang)
    commands = subparsers(parser)
    assert set(commands) == set(COMMANDS)
    for name, sub in {"": parser, **commands}.items():
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and action.help != argparse.SUPPRESS, (name, action.option_strings or action.dest)
    assert next(a for a in commands["check"]._actions if "--format" in a.option_strings).help


def test_help_texts_differ_by_language() -> None:
    sv, en = subparsers(build_parser("sv")), subparsers(build_parser("en"))
    for name in COMMANDS:
        for a_sv, a_en in zip(sv[name]._actions, en[name]._actions, strict=True):
            assert a_sv.option_strings == a_en.option_strings
            assert a_sv.help != a_en.help, (name, a_sv.option_strings or a_sv.dest)


@pytest.mark.parametrize("command", COMMANDS)
def test_swedish_help_has_no_english_argparse_words(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help", "--lang", "sv"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: iop-rules ") and "flaggor:" in out
    for words in ENGLISH_ARGPARSE:
        assert words not in out, words
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: iop-rules ") and "options:" in out and "flaggor" not in out


def test_top_level_help_in_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: iop-rules") and "commands:" in out and "--version" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("användning: iop-rules") and "kommandon:" in out
    assert "regenerate" not in out  # docs' own default language (English) does not leak into the Swedish list


@pytest.mark.parametrize(
    ("args", "sv", "en"),
    [
        (["check", str(EXAMPLE), "--format", "xml"], "argumentet --format: ogiltigt val: 'xml'", "argument --format: invalid choice: 'xml'"),
        (["check"], "följande argument krävs: FAKTAFIL", "the following arguments are required: FACTS"),
        (["check", str(EXAMPLE), "--as-of", "2026-02-30"], "'2026-02-30': förväntade ett verkligt datum skrivet ÅÅÅÅ-MM-DD", "'2026-02-30': expected a real calendar date written YYYY-MM-DD"),
        (["check", str(EXAMPLE), "--horizon", "-4"], "'-4': förväntade ett heltal 0–3650", "'-4': expected a whole number 0–3650"),
        (["check", str(EXAMPLE), "--set", "I1"], "förväntade ID=VÄRDE", "expected ID=VALUE"),
        (["check", str(EXAMPLE), "--bogus"], "okända argument: --bogus", "unrecognized arguments: --bogus"),
        (["nope"], "ogiltigt val: 'nope'", "invalid choice: 'nope'"),
        (["calendar", str(EXAMPLE)], "följande argument krävs: --ics", "the following arguments are required: --ics"),
        (["check", str(EXAMPLE), "--party", "city", "--compare-interpretations"], "kan inte kombineras med", "not allowed with argument"),
        (["timeline", str(EXAMPLE), "--from", "2026-01-01"], "följande argument krävs: --to", "the following arguments are required: --to"),
    ],
)
def test_argument_errors_in_the_output_language(
    args: list[str], sv: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*args, "--lang", "sv"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert sv in err and ": fel: " in err and err.startswith("användning: ")
    for words in ENGLISH_ARGPARSE:
        assert words not in err, words
    with pytest.raises(SystemExit) as stop:
        main([*args, "--lang", "en"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert en in err and ": error: " in err and err.startswith("usage: ")


def test_swedish_is_the_default_language_of_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", str(EXAMPLE), "--format", "xml"])
    assert "ogiltigt val" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["check", "f", "--lang", "en"], "en"),
        (["--lang=sv", "check", "f"], "sv"),
        (["check", "f", "--lang", "de"], None),
        (["check", "f"], None),
        (["check", "--", "--lang", "en"], None),
        (["check", "f", "--lang"], None),
    ],
)
def test_lang_is_read_before_the_parser_is_built(argv: list[str], lang: str | None) -> None:
    assert requested_lang(argv) == lang


def test_an_unknown_argparse_message_stays_as_written() -> None:
    assert translate_argparse("something argparse never said", "sv") == "something argparse never said"
    assert translate_argparse("argument --x: expected one argument", "sv") == "argumentet --x: förväntade ett värde"


def test_lang_before_the_command_sets_the_output_language(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "en", "check", str(EXAMPLE), "--as-of", "2026-11-30"])
    assert "UPCOMING ACTIONS" in capsys.readouterr().out


# --party --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("party", ["city", "fa"])
def test_party_json_keeps_its_own_and_the_joint_findings(party: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json"])
    whole = json.loads(capsys.readouterr().out)
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json", "--party", party])
    shown = json.loads(capsys.readouterr().out)
    for name in ("breaches", "upcoming", "obligations", "rights", "notes"):
        assert shown[name] == [f for f in whole[name] if f["party"] in (party, "both")]
    assert shown["agreement"] == whole["agreement"]


def test_party_exit_status_counts_that_partys_breaches(capsys: pytest.CaptureFixture[str]) -> None:
    # On 2025-12-01 the only unremedied breach is the city's absence from the working group on 2025-11-25.
    assert main(["check", str(EXAMPLE), "--as-of", "2025-12-01", "--format", "json"]) == 1
    assert main(["check", str(EXAMPLE), "--as-of", "2025-12-01", "--format", "json", "--party", "city"]) == 1
    assert main(["check", str(EXAMPLE), "--as-of", "2025-12-01", "--format", "json", "--party", "fa"]) == 0
    # From 2026-01-01 the working group's missing autumn meeting is joint: it concerns fa too.
    assert main(["check", str(EXAMPLE), "--as-of", "2026-01-01", "--format", "json", "--party", "fa"]) == 1
    capsys.readouterr()


def test_party_text_says_whose_view_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--party", "fa"])
    out = capsys.readouterr().out
    assert "Urval: det som rör Frälsningsarmén" in out
    assert "[working-group-attendance/wg-2025-11/city]" not in out and "[renegotiation-right/city]" not in out
    assert "[steering-group-convener/sg-2026-09]" in out and "[renegotiation/2027-2028]" in out


def test_calendar_party_keeps_that_partys_events(tmp_path: Path) -> None:
    every, fa_only = tmp_path / "all.ics", tmp_path / "fa.ics"
    args = ["calendar", str(EXAMPLE), "--as-of", "2026-11-30", "--horizon", "400"]
    assert main([*args, "--ics", str(every)]) == 0
    assert main([*args, "--ics", str(fa_only), "--party", "fa"]) == 0
    uids_all = set(re.findall(r"^UID:(.+?)\r?$", every.read_text(encoding="utf-8"), flags=re.MULTILINE))
    uids_fa = set(re.findall(r"^UID:(.+?)\r?$", fa_only.read_text(encoding="utf-8"), flags=re.MULTILINE))
    assert uids_fa < uids_all
    assert "internet-outreach/2027-spring@iop-rules" in uids_all - uids_fa  # the city's alone
    assert "statistics/stat-req-2026-11@iop-rules" in uids_fa
