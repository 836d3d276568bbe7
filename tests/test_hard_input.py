"""Hard input (issue 11): money in one canonical form, strict scalars, bounded reads, messages safe to print,
Stockholm's day, bounded horizons, and a command whose exit status cannot be mistaken for a finding.

The bad-input corpus (tests/bad_inputs/) checks the command's message for each bad file; this module checks the
rules behind it directly, through ``parse_facts`` and the file readers alike, and the command-line behaviours
that no file shows (a closed pipe, an ASCII locale, an internal error, arguments).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from iop_rules import InputError, evaluate, explain, load_agreement, load_facts, parse_facts
from iop_rules import _io as io_module
from iop_rules._types import canonical_guess, parse_amount, printable
from iop_rules.cli import EXIT_INTERNAL_ERROR, main

from .conftest import EXAMPLE, ROOT


def _payment(amount: object) -> dict[str, Any]:
    return {"grant_payments": [{"id": "gp", "grant_year": 2025, "date": "2025-01-28", "amount": amount}]}


def _refusal(data: dict[str, Any]) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_facts(data)
    return caught.value


# --- money ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("200,000", "200000.00"),
        ("200 000", "200000.00"),
        ("200\u00a0000", "200000.00"),
        ("200_000", "200000.00"),
        ("1e5", "100000.00"),
        ("+100", "100.00"),
        ("٢٠٠", "200.00"),
        ("199,5", "199.50"),
        ("1.000.000", "1000000.00"),
        ("1,234,567.89", "1234567.89"),
        ("-0.00", "0.00"),
        ("200000.", "200000.00"),
        (".5", "0.50"),
        ("200000 kr", "200000.00"),
    ],
)
def test_an_amount_written_another_way_is_refused_with_its_canonical_form(written: str, meant: str) -> None:
    error = _refusal(_payment(written))
    assert "grant_payments.0.amount" in error.message_en
    assert f'did you mean "{meant}"?' in error.message_en
    assert f'menade du "{meant}"?' in error.message_sv


@pytest.mark.parametrize("written", ["tvåhundra", "1.2.3", "12,3456", "-5", "0x10", "NaN", "1e400", ""])
def test_an_amount_without_a_clear_reading_is_refused_without_a_guess(written: str) -> None:
    error = _refusal(_payment(written))
    assert "grant_payments.0.amount" in error.message_en
    assert "did you mean" not in error.message_en or written == "-5"


@pytest.mark.parametrize(("written", "exact"), [("200000", "200000.00"), ("200000.5", "200000.50"), ("0.01", "0.01"), ("0", "0.00")])
def test_the_canonical_form_is_read_exactly(written: str, exact: str) -> None:
    facts = parse_facts(_payment(written))
    assert facts.grant_payments[0].amount == Decimal(exact)
    assert facts.model_dump(mode="json")["grant_payments"][0]["amount"] == exact


def test_a_whole_number_of_kronor_and_an_exact_decimal_are_accepted_from_python() -> None:
    assert parse_amount(200000) == Decimal("200000.00")
    assert parse_amount(Decimal("199999.99")) == Decimal("199999.99")
    assert parse_amount(Decimal("5.000")) == Decimal("5.00")


@pytest.mark.parametrize("value", [200000.5, 0.1, True, Decimal("-0"), Decimal("-0.00"), Decimal("0.001"), Decimal("NaN"), Decimal("-1")])
def test_floats_bools_negative_zero_and_inexact_decimals_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match=r"SEK|öre"):
        parse_amount(value)


def test_files_and_parse_facts_read_money_by_one_path(tmp_path: Path) -> None:
    """The same written amount gives the same message from a JSON file, a TOML file and parse_facts."""
    for written in ("200,000", "1e5", "-0.00", "200000.001"):
        from_python = _refusal(_payment(written)).message_en.split(": ", 2)[-1]
        json_path = tmp_path / "f.json"
        json_path.write_text(json.dumps(_payment(written)), encoding="utf-8")
        toml_path = tmp_path / "f.toml"
        toml_path.write_text(f'[[grant_payments]]\nid = "gp"\ngrant_year = 2025\ndate = 2025-01-28\namount = "{written}"\n', encoding="utf-8")
        for path in (json_path, toml_path):
            with pytest.raises(InputError) as caught:
                load_facts(path)
            assert caught.value.message_en.split(": ", 2)[-1] == from_python, (written, path.suffix)


@pytest.mark.parametrize(("number", "fmt"), [("200000.5", "json"), ("200000.5", "toml"), ("2e5", "toml"), ("2E5", "json")])
def test_a_number_with_a_point_in_a_file_is_never_read_as_a_float(number: str, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"f.{fmt}"
    if fmt == "json":
        path.write_text('{"grant_payments": [{"id": "gp", "grant_year": 2025, "date": "2025-01-28", "amount": ' + number + "}]}", encoding="utf-8")
    else:
        path.write_text(f'[[grant_payments]]\nid = "gp"\ngrant_year = 2025\ndate = 2025-01-28\namount = {number}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(path)
    assert "not a float" in caught.value.message_en
    assert "did you mean" in caught.value.message_en


def test_the_guess_never_suggests_an_amount_the_reader_would_refuse() -> None:
    for text in ("200,000", "1e5", "٢٠٠", "1,5", "+7", "9" * 20, "1e13", "0.001", "-3"):
        guess = canonical_guess(text)
        if guess is not None:
            assert parse_amount(guess) == Decimal(guess)


# --- strict scalars ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2026-W06-1", "20260202", "2026-2-2", "2026-02-02T00:00", "２０２６-０２-０２", " 2026-02-02"])
def test_a_day_is_only_yyyy_mm_dd(day: str) -> None:
    error = _refusal({"as_of": day})
    assert "as_of" in error.message_en and "YYYY-MM-DD" in error.message_en


@pytest.mark.parametrize("value", [True, "12", 12.0, "twelve"])
def test_a_count_is_only_an_integer(value: object) -> None:
    data = {
        "statistics_requests": [{"id": "r", "date": "2025-01-01"}],
        "statistics_deliveries": [{"id": "d", "request_id": "r", "date": "2025-02-01", "contacts": value}],
    }
    assert "statistics_deliveries.0.contacts" in _refusal(data).message_en


@pytest.mark.parametrize("value", ["yes", 1, 0, "true", "on"])
def test_a_flag_is_only_true_or_false(value: object) -> None:
    data = {"amendments": [{"id": "a", "date": "2025-01-01", "in_writing": value, "changes": "x"}]}
    error = _refusal(data)
    assert "amendments.0.in_writing" in error.message_en and "true or false" in error.message_en


def test_a_key_given_twice_in_json_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text('{"follow_ups": [],\n  "disputes": [],\n     "follow_ups": []}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(path)
    assert "'follow_ups'" in caught.value.message_en and "line 3, column 20" in caught.value.message_en


# --- bounded reads and depth ------------------------------------------------------------------------------------


def test_a_fifo_without_a_writer_is_given_up_rather_than_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_module, "PIPE_WAIT_SECONDS", 0.3)
    fifo = tmp_path / "facts.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        load_facts(fifo)
    assert time.monotonic() - started < 10
    assert "nothing to read" in caught.value.message_en


def test_a_fifo_is_read_with_the_size_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_module, "MAX_BYTES", 100_000)
    fifo = tmp_path / "facts.toml"
    os.mkfifo(fifo)
    stop = threading.Event()

    def endless_writer() -> None:
        try:
            with open(fifo, "wb") as handle:
                while not stop.is_set():
                    handle.write(b"# " + b"x" * 1000 + b"\n")
        except BrokenPipeError:
            pass  # the reader stopped at the bound and closed its end, as it should

    writer = threading.Thread(target=endless_writer, daemon=True)
    writer.start()
    try:
        with pytest.raises(InputError) as caught:
            load_facts(fifo)
        assert "more than the limit of 100000 bytes" in caught.value.message_en
    finally:
        stop.set()
        writer.join(timeout=10)


def test_a_fifo_with_a_small_document_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.toml"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write("as_of = 2026-11-30\n")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    assert load_facts(fifo).as_of == dt.date(2026, 11, 30)
    thread.join(timeout=10)


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_brackets_inside_text_do_not_count_as_nesting(suffix: str, tmp_path: Path) -> None:
    record = {"id": "am-1", "date": "2025-06-01", "in_writing": True, "changes": "[" * 40 + "{'\\\"" + "]" * 3}
    path = tmp_path / f"facts{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({"amendments": [record]}), encoding="utf-8")
    else:
        path.write_text(
            "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ in a comment\n[[amendments]]\n"
            + "".join(f"{k} = {json.dumps(v)}\n" for k, v in record.items() if k != "date")
            + "date = 2025-06-01\n",
            encoding="utf-8",
        )
    assert load_facts(path).amendments[0].changes == record["changes"]


def test_data_nested_deeper_than_the_schema_is_refused_from_python_too() -> None:
    nested: Any = "x"
    for _ in range(2000):
        nested = [nested]
    error = _refusal({"follow_ups": nested})
    assert "nested more than 32 levels" in error.message_en


# --- safe to print ----------------------------------------------------------------------------------------------


def test_values_from_the_input_are_shown_with_control_characters_escaped() -> None:
    error = _refusal({"evil\x1b[2J\nkey\u202e": 1})
    for message in (error.message_en, error.message_sv):
        assert "\x1b" not in message and "\n" not in message and "\u202e" not in message
        assert "evil\\x1b[2J\\nkey\\u202e" in message
    assert printable("plain åäö") == "plain åäö"


# --- agreement files ----------------------------------------------------------------------------------------------


def _edited_agreement(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "agreement.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "agreement.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_agreement_error_is_in_the_language_asked_for(tmp_path: Path) -> None:
    path = _edited_agreement(tmp_path, 'organisation_number = "212000-1157"', 'organisation_number = "212000-1158"')
    with pytest.raises(InputError) as caught:
        load_agreement(path)
    assert "Luhn" in caught.value.message_en
    assert "kontrollsiffran" in caught.value.message_sv and "the last digit" not in caught.value.message_sv


def test_an_agreement_without_a_quote_the_rules_cite_is_refused_at_load(tmp_path: Path) -> None:
    text = (ROOT / "agreement.toml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("laws = "))
    path = _edited_agreement(tmp_path, line + "\n", "")
    with pytest.raises(InputError) as caught:
        load_agreement(path)
    assert "sections.9.quotes.laws" in caught.value.message_en
    assert "saknas" in caught.value.message_sv


def test_an_agreement_file_equal_to_the_bundled_one_loads(tmp_path: Path) -> None:
    path = tmp_path / "agreement.toml"
    path.write_text((ROOT / "agreement.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_agreement(path) == load_agreement()


# --- Stockholm's day, horizons, the end of the calendar -----------------------------------------------------------


def test_the_default_evaluation_day_is_stockholms(monkeypatch: pytest.MonkeyPatch) -> None:
    from iop_rules import context

    monkeypatch.setattr(context, "today_in_stockholm", lambda now=None: dt.date(2026, 3, 3))
    report = evaluate(load_agreement(), parse_facts({}))
    assert report.as_of == dt.date(2026, 3, 3)


@pytest.mark.parametrize("horizon", [10**9, 3651, -1, True, pytest.param(10**5000, id="5001-digits")])
def test_a_horizon_outside_0_to_3650_days_is_bad_input(horizon: int) -> None:
    with pytest.raises(InputError) as caught:
        evaluate(load_agreement(), parse_facts({}), as_of=dt.date(2026, 1, 1), horizon_days=horizon)
    assert "horizon_days" in caught.value.message_en and "0 to 3650" in caught.value.message_en


@pytest.mark.parametrize("as_of", ["2100-11-01", "2100-11-02", "2100-12-31"])
def test_evaluate_and_explain_work_up_to_the_last_day_of_2100(as_of: str) -> None:
    agreement, facts = load_agreement(), load_facts(EXAMPLE)
    day = dt.date.fromisoformat(as_of)
    report = evaluate(agreement, facts, as_of=day, horizon_days=3650)
    for finding in (*report.obligations[:3], *report.notes[:3]):
        explained = explain(agreement, facts, finding.id, as_of=day, horizon_days=3650)
        assert explained.horizon_end == day + dt.timedelta(days=3650)


# --- the command --------------------------------------------------------------------------------------------------


def test_an_internal_error_exits_70_with_one_line_in_both_languages(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from iop_rules.cli import check

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(check, "evaluate", broken)
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-30"])
    captured = capsys.readouterr()
    assert code == EXIT_INTERNAL_ERROR == 70
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    assert "internt fel (KeyError)" in lines[0] and "internal error (KeyError)" in lines[0] and "report" in lines[0]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--set", "I7=²"], ["I7", "'²'", "whole number"]),
        (["--set", "I7=٣٠"], ["I7", "'٣٠'", "whole number"]),
        (["--set", "I1=\x1b[31mred"], ["I1", "\\x1b[31mred"]),
        (["--set", "I99=1"], ["I99"]),
    ],
)
def test_bad_settings_exit_2_with_one_line_naming_the_value(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(EXAMPLE), *argv, "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "\x1b" not in err
    for word in words:
        assert word in err, (word, err)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--as-of", "2026-W06-1"], ["2026-W06-1", "YYYY-MM-DD"]),
        (["--as-of", "2101-01-01"], ["2101-01-01", "1900-01-01 and 2100-12-31"]),
        (["--horizon", "٣"], ["'٣'", "0–3650"]),
        (["--horizon", "3651"], ["3651", "0–3650"]),
    ],
)
def test_bad_arguments_exit_2_naming_the_value(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # Argument errors are in the language --lang asks for (issue 10); the words checked are the English ones.
    with pytest.raises(SystemExit) as caught:
        main(["check", str(EXAMPLE), *argv, "--lang", "en"])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert "Traceback" not in err and "\x1b" not in err
    for word in words:
        assert word in err, (word, err)


def test_docs_out_over_a_file_or_below_one_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "afile"
    a_file.write_text("mine", encoding="utf-8")
    for out in (a_file, a_file / "docs"):
        code = main(["docs", "--out", str(out)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "--out" in err and "afile" in err and "Traceback" not in err
    assert a_file.read_text(encoding="utf-8") == "mine"
    missing = tmp_path / "new" / "docs"
    assert main(["docs", "--out", str(missing)]) == 0
    assert (missing / "index.md").is_file()


def _command(*args: str, env: dict[str, str] | None = None) -> list[str]:
    return [sys.executable, "-m", "iop_rules", *args]


def test_the_exit_status_survives_a_closed_pipe() -> None:
    """``iop-rules check … | true``: the reader is gone before the report is written; breaches still mean 1."""
    for extra in ([], ["--format", "json"]):
        process = subprocess.Popen(
            _command("check", str(EXAMPLE), "--as-of", "2027-06-01", *extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        err = process.stderr.read().decode("utf-8", "replace")
        assert process.wait(timeout=120) == 1, err
        assert "Traceback" not in err and "Exception ignored" not in err, err


@pytest.mark.parametrize(("args", "code"), [(["check", "--as-of", "2026-11-30"], 1), (["explain", "grant-payment/2026"], 0), (["repayment"], 0)])
def test_output_works_under_an_ascii_locale(args: list[str], code: int) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LANG", "LANGUAGE") and not k.startswith("LC_")}
    env.update({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"})
    command, *rest = args
    result = subprocess.run(_command(command, str(EXAMPLE), *rest), capture_output=True, env=env, timeout=120, check=False)
    assert result.returncode == code, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert "Frälsningsarmén" in result.stdout.decode("utf-8") or "§8" in result.stdout.decode("utf-8")
