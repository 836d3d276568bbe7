"""The agreement and facts models: validation that names the field, the value and what was expected."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from iop_rules import Facts, InputError, load_agreement, load_facts, parse_facts
from iop_rules.agreement import INTERPRETATION_IDS, luhn_valid

from .conftest import EXAMPLE, ROOT, make_facts

AGREEMENT_TEXT = (ROOT / "agreement.toml").read_text(encoding="utf-8")


def _agreement_with(tmp_path: Path, old: str, new: str) -> Path:
    assert old in AGREEMENT_TEXT, old
    path = tmp_path / "agreement.toml"
    path.write_text(AGREEMENT_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


# --- agreement.toml ---------------------------------------------------------------------------------------------


def test_bundled_agreement_loads_with_its_parties_term_and_grants() -> None:
    agreement = load_agreement()
    assert agreement.party("city").organisation_number == "212000-1157"
    assert agreement.party("fa").organisation_number == "802006-1688"
    assert agreement.term.start == dt.date(2025, 1, 1) and agreement.term.end == dt.date(2028, 12, 31)
    assert agreement.grants.amounts == {2025: Decimal("200000.00"), 2026: Decimal("200000.00")}
    assert agreement.term.renegotiation_cutoff == dt.date(2026, 12, 31)
    assert tuple(agreement.interpretations) == INTERPRETATION_IDS
    assert sorted(agreement.sections, key=int) == [str(n) for n in range(1, 12)]


def test_agreement_holds_no_personal_names_or_emails() -> None:
    assert "@" not in AGREEMENT_TEXT
    for name in ("Klingborg", "Beckman", "Johan", "Elisabeth"):
        assert name not in AGREEMENT_TEXT


@pytest.mark.parametrize(("number", "valid"), [("2120001157", True), ("8020061688", True), ("2120001158", False), ("8020061689", False)])
def test_luhn(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('organisation_number = "212000-1157"', 'organisation_number = "212000-1158"', ["parties.0.organisation_number", "Luhn"]),
        ('organisation_number = "802006-1688"', 'organisation_number = "80200-1688"', ["parties.1.organisation_number", "10 digits"]),
        ('kind = "non_profit"', 'kind = "public"', ["SOU 2019:56", "non-profit"]),
        ("end = 2028-12-31", "end = 2024-12-31", ["term", "before"]),
        ("end = 2028-12-31", "end = 2028-02-30", ["line 32", "end = 2028-02-30"]),
        ('setting = "two_months_before_half"', 'setting = "someday"', ["I1", "someday"]),
        ('2025 = "200000.00"', '2025 = "-5.00"', ["grants.amounts.2025", "0 SEK or more"]),
        ("renegotiation_cutoff = 2026-12-31", "renegotiation_cutoff = 2030-12-31", ["renegotiation_cutoff", "outside"]),
        ('contributes = ["Personalresurser"', 'contributes = [], unused = ["Personalresurser"', ["contributes"]),
    ],
)
def test_bad_agreement_is_refused_naming_the_field(tmp_path: Path, old: str, new: str, words: list[str]) -> None:
    path = _agreement_with(tmp_path, old, new)
    with pytest.raises(InputError) as caught:
        load_agreement(path)
    message = caught.value.message_en
    for word in words:
        assert word in message, (word, message)
    assert caught.value.message_sv != message


def test_agreement_missing_a_party_is_refused(tmp_path: Path) -> None:
    start = AGREEMENT_TEXT.index("[[parties]]\nkey = \"fa\"")
    end = AGREEMENT_TEXT.index("# §4 Tid")
    path = tmp_path / "agreement.toml"
    path.write_text(AGREEMENT_TEXT[:start] + AGREEMENT_TEXT[end:], encoding="utf-8")
    with pytest.raises(InputError, match="parties"):
        load_agreement(path)


def test_agreement_missing_an_interpretation_is_refused(tmp_path: Path) -> None:
    start = AGREEMENT_TEXT.index("[interpretations.I13]")
    end = AGREEMENT_TEXT.index("[interpretations.I14]")
    path = tmp_path / "agreement.toml"
    path.write_text(AGREEMENT_TEXT[:start] + AGREEMENT_TEXT[end:], encoding="utf-8")
    with pytest.raises(InputError, match="I13"):
        load_agreement(path)


def test_quotes_are_verbatim_words_of_the_agreement() -> None:
    text = " ".join((ROOT / "docs" / "agreement.sv.md").read_text(encoding="utf-8").split())
    agreement = load_agreement()
    for number, section in agreement.sections.items():
        for key, quote in section.quotes.items():
            assert " ".join(quote.split()) in text, f"§{number} {key}: not verbatim"


# --- facts ------------------------------------------------------------------------------------------------------


def test_example_loads() -> None:
    facts = load_facts(EXAMPLE)
    assert facts.as_of == dt.date(2026, 11, 30)
    assert facts.record_count() > 40


def test_json_and_toml_load_the_same_facts(tmp_path: Path) -> None:
    facts = load_facts(EXAMPLE)
    path = tmp_path / "facts.json"
    path.write_text(facts.model_dump_json(), encoding="utf-8")
    assert load_facts(path) == facts


def test_money_is_exact() -> None:
    facts = make_facts(grant_payments=[{"id": "p", "grant_year": 2025, "date": "2025-01-10", "amount": "199999.99"}])
    assert facts.grant_payments[0].amount == Decimal("199999.99")
    assert facts.model_dump(mode="json")["grant_payments"][0]["amount"] == "199999.99"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"unknown": 1}, ["unknown", "unknown field"]),
        ({"grant_payments": [{"id": "p", "grant_year": 2025, "date": "2025-02-30", "amount": "1"}]}, ["grant_payments.0.date", "2025-02-30"]),
        ({"grant_payments": [{"id": "p", "grant_year": 2025, "date": "2025-02-03", "amount": "-1"}]}, ["grant_payments.0.amount", "'-1'", "0 SEK or more"]),
        ({"grant_payments": [{"id": "p", "grant_year": 2025, "date": "2025-02-03", "amount": "1.001"}]}, ["amount", "two decimals"]),
        ({"grant_payments": [{"id": "p", "grant_year": 2025, "date": "2025-02-03", "amount": 1.5}]}, ["amount", "not a float"]),
        ({"as_of": "1800-01-01"}, ["as_of", "1800-01-01", "1900"]),
        ({"follow_ups": [{"id": "x", "date": "2025-01-01"}, {"id": "x", "date": "2025-02-01"}]}, ["'x'", "more than once"]),
        ({"statistics_deliveries": [{"id": "d", "request_id": "nope", "date": "2025-01-01"}]}, ["request_id", "'nope'"]),
        ({"dialogues": [{"id": "d", "dispute_id": "nope", "date": "2025-01-01"}]}, ["dispute_id", "'nope'"]),
        ({"meetings": [{"id": "m", "body": "party", "date": "2025-01-01", "convener": "fa", "present": []}]}, ["meetings.0.body", "'party'"]),
        ({"signatures": [{"id": "s", "party": "city", "date": "2025-01-01", "name": "A Person"}]}, ["signatures.0.name", "unknown field"]),
    ],
)
def test_bad_facts_are_refused_naming_the_field_and_value(data: dict[str, Any], words: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        parse_facts(data)
    for word in words:
        assert word in caught.value.message_en, (word, caught.value.message_en)
    assert caught.value.message_sv.startswith("facts: fältet") or "fält" in caught.value.message_sv


def test_facts_after_the_day_are_invisible() -> None:
    facts = make_facts(
        grant_payments=[{"id": "p", "grant_year": 2025, "date": "2025-01-10", "amount": "1"}],
        amendments=[
            {"id": "a", "date": "2025-01-01", "in_writing": True, "signed_by_city": "2025-01-05", "signed_by_fa": "2025-02-01", "changes": "x"}
        ],
    )
    seen = facts.visible(dt.date(2025, 1, 9))
    assert seen.grant_payments == ()
    assert seen.amendments[0].signed_by_city == dt.date(2025, 1, 5)
    assert seen.amendments[0].signed_by_fa is None
    assert facts.visible(dt.date(2025, 2, 1)).amendments[0].signed_by_fa == dt.date(2025, 2, 1)


def test_facts_are_frozen() -> None:
    facts = Facts()
    with pytest.raises(Exception, match="frozen"):
        facts.as_of = dt.date(2025, 1, 1)  # type: ignore[misc]


def test_every_finding_built_without_revalidation_is_what_the_model_validates() -> None:
    # Findings and their messages are built with report.trusted (no second validation, for speed): each must be
    # exactly what validating its own data gives, on days across the whole term and under other readings.
    from iop_rules import evaluate
    from iop_rules.report import Finding, Report

    agreement = load_agreement()
    snapshots = [load_facts(EXAMPLE), make_facts()]
    day, seen = agreement.term.start - dt.timedelta(days=40), 0
    while day <= agreement.term.end + dt.timedelta(days=40):
        for facts in snapshots:
            for settings in ({}, {"I2": "no_move", "I14": "continues_without_grant"}):
                report = evaluate(agreement, facts, as_of=day, settings=settings)
                for finding in report.findings():
                    again = Finding.model_validate(finding.model_dump())
                    assert again == finding and again.model_dump_json() == finding.model_dump_json(), finding.id
                    seen += 1
                assert Report.model_validate_json(report.to_json()).to_json() == report.to_json()
        day += dt.timedelta(days=9)
    assert seen > 10_000
