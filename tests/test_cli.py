"""The ``iop-rules`` command: the check a person or a script runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from iop_rules.cli import main

from .conftest import EXAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iop_rules", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_check_example_as_json_shows_the_issues_done_when() -> None:
    result = run("check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["agreement"]["state"] == "in_force"
    mid = next(f for f in report["obligations"] if f["id"] == "mid-term-evaluation")
    assert mid["due"] == "2026-10-31" and mid["status"] == "fulfilled_late"
    first = report["upcoming"][0]
    assert first["id"] == "renegotiation/2027-2028" and first["due"] == "2026-12-31"
    assert "upphör" in first["message"]["sv"]


def test_json_is_byte_identical_across_runs() -> None:
    first = run("check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json")
    second = run("check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json")
    assert first.stdout == second.stdout and first.stdout


def test_text_output_lists_breaches_then_upcoming_then_obligations(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--lang", "en"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    headings = ("BREACHES NOT REMEDIED", "UPCOMING ACTIONS", "RIGHTS", "CURED BREACHES", "ALL OBLIGATIONS", "NOTES")
    positions = [out.index(f"\n{h}") for h in headings]
    assert positions == sorted(positions)
    assert "days left" in out and "§4" in out and "2026-12-31" in out


SIGNED_BOTH = {"signatures": [{"id": "s1", "party": "city", "date": "2024-12-01"}, {"id": "s2", "party": "fa", "date": "2024-12-02"}]}
PAID_BOTH_YEARS = [
    {"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"},
    {"id": "gp-2026", "grant_year": 2026, "date": "2026-01-20", "amount": "200000.00"},
]


def test_swedish_is_the_default_language(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30"])
    out = capsys.readouterr().out
    assert "AVVIKELSER" in out and "KOMMANDE ÅTGÄRDER" in out and "dagar kvar" in out


def test_exit_1_with_an_unremedied_breach_and_0_without(tmp_path: Path) -> None:
    facts = tmp_path / "facts.toml"
    signatures = '[[signatures]]\nid = "s"\nparty = "city"\ndate = 2024-12-01\n'
    facts.write_text(signatures, encoding="utf-8")
    # fa never signed: something to check (§11 creates no duty to sign), never a breach, so never exit 1.
    assert main(["check", str(facts), "--as-of", "2025-01-02", "--format", "json"]) == 0
    # The 2025 grant unpaid by 2025-01-31 (a Friday): a breach by city from 2025-02-01.
    assert main(["check", str(facts), "--as-of", "2025-01-31", "--format", "json"]) == 0
    assert main(["check", str(facts), "--as-of", "2025-02-01", "--format", "json"]) == 1
    assert main(["check", str(facts), "--as-of", "2024-12-15", "--format", "json"]) == 0


def test_the_automatic_end_never_decides_the_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As of 2027-01-02 without a compensation amendment the agreement has ended; no §4 finding is a breach."""
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({**SIGNED_BOTH, "grant_payments": PAID_BOTH_YEARS}), encoding="utf-8")
    main(["check", str(facts), "--as-of", "2027-01-02", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["agreement"]["state"], data["agreement"]["reason"], data["agreement"]["last_day"]) == ("ended", "no_compensation_agreement", "2026-12-31")
    assert not [f for f in data["breaches"] if f["section"] == "4" and f["id"].startswith("renegotiation/")]
    assert next(f for f in data["obligations"] if f["id"] == "renegotiation/2027-2028")["status"] == "condition_not_met"


@pytest.mark.parametrize(
    ("content", "suffix", "words"),
    [
        ('as_of = 2026-11-30\nsurprise = 1\n', ".toml", ["surprise"]),
        ('as_of = "2026-13-01"\n', ".toml", ["as_of", "2026-13-01"]),
        ('{"grant_payments": [{"id": "p", "grant_year": 2025, "date": "2025-01-10", "amount": "-3"}]}', ".json", ["amount", "-3"]),
        ("as_of = \n", ".toml", ["TOML"]),
    ],
)
def test_bad_facts_exit_2_naming_the_field_without_traceback(tmp_path: Path, content: str, suffix: str, words: list[str]) -> None:
    facts = tmp_path / f"facts{suffix}"
    facts.write_text(content, encoding="utf-8")
    result = run("check", str(facts), "--lang", "en")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "missing-file.toml"],
        ["check", str(EXAMPLE), "--as-of", "2026-02-30"],
        ["check", str(EXAMPLE), "--set", "I1=someday"],
        ["check", str(EXAMPLE), "--set", "I99=1"],
        ["check", str(EXAMPLE), "--horizon", "-4"],
        ["check", str(EXAMPLE), "--format", "xml"],
    ],
)
def test_bad_arguments_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_set_overrides_an_interpretation(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json", "--set", "I1=bracket_date"])
    report = json.loads(capsys.readouterr().out)
    mid = next(f for f in report["obligations"] if f["id"] == "mid-term-evaluation")
    assert mid["due"] == "2026-12-31" and mid["status"] == "fulfilled"
    assert report["settings"]["I1"] == "bracket_date"


def test_horizon_widens_the_upcoming_list(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json", "--horizon", "0"])
    narrow = json.loads(capsys.readouterr().out)
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json", "--horizon", "400"])
    wide = json.loads(capsys.readouterr().out)
    assert narrow["horizon_days"] == 0 and wide["horizon_days"] == 400
    assert len(wide["upcoming"]) > len(narrow["upcoming"])


def test_agreement_option_reads_another_agreement_file(tmp_path: Path) -> None:
    from .conftest import ROOT

    text = (ROOT / "agreement.toml").read_text(encoding="utf-8").replace('organisation_number = "212000-1157"', 'organisation_number = "212000-1158"')
    path = tmp_path / "agreement.toml"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(EXAMPLE), "--agreement", str(path), "--lang", "en")
    assert result.returncode == 2
    assert "organisation_number" in result.stderr and "212000-1158" in result.stderr
