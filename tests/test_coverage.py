"""The coverage record accounts for every section and every listed item of the agreement, and for every rule.

``LISTED`` below is the agreement read by a person: each section's items, as quote keys of ``agreement.toml``.
It guards the quote list itself, so an item cannot drop out of the record by dropping out of agreement.toml.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from iop_rules import Agreement, InputError
from iop_rules.clause import Clause, Rule
from iop_rules.clauses import CLAUSES
from iop_rules.coverage import (
    CoverageEntry,
    all_rules,
    check_coverage,
    load_coverage,
    rule_for,
    rule_pattern,
)

LISTED: dict[str, set[str]] = {
    # §1: the two lists of what the parties collaborate on ("Stöd till individer…", "Förebyggande verksamhet…").
    "1": {"joint_plan", "short_term_support", "long_term_support", "prevention", "statistics", "outreach", "regular_outreach"},
    "2": {"values", "long_term", "funds"},
    "3": {"city", "fa"},
    "4": {"term", "mid_term_evaluation", "automatic_end", "expiry", "notice", "renegotiation"},
    # §5: the principle and the three numbered ways of collaborating on cases.
    "5": {"victim_first", "acute", "referrals", "other_actors"},
    # §6: the criteria, working flexibly, free of charge, the grant, fa's eight resources, city's nine duties.
    "6": {
        "criteria",
        "flexible",
        "free_of_charge",
        "grant_amounts",
        "grant_renegotiation",
        "grant_payment",
        "fa_staff",
        "fa_support",
        "fa_volunteers",
        "fa_outreach_coordination",
        "fa_statistics_coordination",
        "fa_premises",
        "fa_administration",
        "fa_civil_society",
        "city_inform_residents",
        "city_identify",
        "city_staff_awareness",
        "city_marketing",
        "city_outreach",
        "city_inform_fa",
        "city_convene",
        "city_present",
        "city_joint_plan",
    },
    "7": {
        "working_group",
        "attendance",
        "composition",
        "steering_group_established",
        "steering_group_mission",
        "principled_decisions",
        "steering_group",
        "steering_convener",
    },
    "8": {"follow_up", "follow_up_scope", "account", "statistics", "repayment", "exemption", "exemption_a", "exemption_b", "evaluation"},
    "9": {"renegotiation", "dispute", "laws"},
    "10": {"amendment"},
    "11": {"copies", "signature"},
}


@pytest.fixture(scope="module")
def entries() -> tuple[CoverageEntry, ...]:
    return load_coverage()


def test_listed_items_are_quoted_in_the_agreement(agreement: Agreement) -> None:
    assert sorted(agreement.sections, key=int) == [str(n) for n in range(1, 12)]
    for section, keys in LISTED.items():
        missing = keys - set(agreement.sections[section].quotes)
        assert not missing, f"§{section}: agreement.toml lacks the quotes {sorted(missing)}"


def test_section_6_lists_eight_resources_of_fa_and_nine_duties_of_city() -> None:
    assert len({k for k in LISTED["6"] if k.startswith("fa_")}) == 8
    assert len({k for k in LISTED["6"] if k.startswith("city_")}) == 9


def test_the_record_is_sound(entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    problems = check_coverage(entries, CLAUSES, agreement)
    assert not problems, "\n".join(problems)


def test_every_listed_item_has_an_entry(entries: tuple[CoverageEntry, ...]) -> None:
    covered = {(e.section, e.quote) for e in entries}
    for section, keys in LISTED.items():
        for key in sorted(keys):
            assert (section, key) in covered, f"§{section} {key} is unaccounted for"


def test_every_rule_cites_a_section_and_its_quote(agreement: Agreement) -> None:
    for rule in all_rules(CLAUSES):
        assert rule.section in agreement.sections, rule.id
        assert agreement.quote(rule.section, rule.quote_key)


def test_not_checkable_entries_give_a_reason_in_both_languages(entries: tuple[CoverageEntry, ...]) -> None:
    for entry in entries:
        if entry.status != "rules":
            assert entry.reason_sv.strip() and entry.reason_en.strip(), (entry.section, entry.quote)
    statuses = {e.status for e in entries}
    assert statuses == {"rules", "standing", "checked_on_load", "not_machine_checkable"}


ENTRY_KEYS = [f"{e.section}:{e.quote}" for e in load_coverage()]


@pytest.mark.parametrize("key", ENTRY_KEYS)
def test_removing_any_coverage_entry_is_reported(key: str, entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    kept = [e for e in entries if f"{e.section}:{e.quote}" != key]
    assert len(kept) == len(entries) - 1
    section, quote = key.split(":")
    assert f"§{section} {quote}: unaccounted for (no coverage entry)" in check_coverage(kept, CLAUSES, agreement)


def test_removing_every_entry_of_a_section_is_reported(entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    for section in LISTED:
        problems = check_coverage([e for e in entries if e.section != section], CLAUSES, agreement)
        assert f"§{section}: no coverage entry accounts for this section" in problems


def _without_rule(rule_id: str) -> tuple[Clause, ...]:
    return tuple(replace(c, rules=tuple(r for r in c.rules if r.id != rule_id)) for c in CLAUSES)


@pytest.mark.parametrize("rule_id", sorted({r.id for r in all_rules(CLAUSES)}))
def test_removing_any_rule_is_reported(rule_id: str, entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    problems = check_coverage(entries, _without_rule(rule_id), agreement)
    assert any(f"names rule {rule_id!r}, which no clause defines" in p for p in problems), problems


def test_a_rule_no_entry_covers_is_reported(entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    extra = Rule("uncovered/{x}", "4", "term", "An extra rule.", "En extra regel.")
    clauses = (replace(CLAUSES[0], rules=(*CLAUSES[0].rules, extra)), *CLAUSES[1:])
    assert "rule 'uncovered/{x}' (§4): covered by no coverage entry" in check_coverage(entries, clauses, agreement)


def test_a_rule_citing_no_section_is_reported(entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    first = CLAUSES[0].rules[0]
    broken = replace(first, section="")
    clauses = (replace(CLAUSES[0], rules=(broken, *CLAUSES[0].rules[1:])), *CLAUSES[1:])
    problems = check_coverage(entries, clauses, agreement)
    assert f"rule {first.id!r}: cites no section of the agreement (section='')" in problems


def test_an_entry_for_a_missing_quote_or_listed_twice_is_reported(
    entries: tuple[CoverageEntry, ...], agreement: Agreement
) -> None:
    ghost = CoverageEntry(section="2", quote="no_such_words", status="not_machine_checkable", reason_sv="x", reason_en="x")
    problems = check_coverage((*entries, ghost, entries[0]), CLAUSES, agreement)
    assert "§2 no_such_words: no such quote in agreement.toml" in problems
    assert f"§{entries[0].section} {entries[0].quote}: listed twice in the coverage record" in problems


def test_an_entry_whose_quote_left_the_agreement_is_reported(entries: tuple[CoverageEntry, ...], agreement: Agreement) -> None:
    quotes = dict(agreement.sections["6"].quotes)
    del quotes["city_marketing"]
    sections = {**agreement.sections, "6": agreement.sections["6"].model_copy(update={"quotes": quotes})}
    thinner = agreement.model_copy(update={"sections": sections})
    assert "§6 city_marketing: no such quote in agreement.toml" in check_coverage(entries, CLAUSES, thinner)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "rules"}, "needs at least one rule id"),
        ({"status": "not_machine_checkable"}, "needs reason_sv and reason_en"),
        ({"status": "not_machine_checkable", "reason_sv": "x", "reason_en": "x", "rules": ["signature/{party}"]}, "lists no rules"),
        ({"status": "rules", "rules": ["signature/{party}"], "reason_sv": "bara svenska"}, "both Swedish and English"),
    ],
)
def test_malformed_entries_are_refused(fields: dict[str, object], message: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=message):
        CoverageEntry.model_validate({"section": "11", "quote": "copies", **fields})


def test_a_malformed_record_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "coverage.toml"
    path.write_text('[[entry]]\nsection = "4"\nquote = "term"\nstatus = "maybe"\n', encoding="utf-8")
    with pytest.raises(InputError, match="status"):
        load_coverage(path)
    path.write_text('[[entry]]\nsection = "4"\nquote = "term"\nstatus = "standing"\nreason_sv = "x"\nreason_en = "x"\nextra = 1\n', encoding="utf-8")
    with pytest.raises(InputError, match="extra"):
        load_coverage(path)


def test_rule_patterns_match_finding_ids() -> None:
    assert rule_pattern("grant-payment/{year}").fullmatch("grant-payment/2026")
    assert not rule_pattern("grant-payment/{year}").fullmatch("grant-payment/")
    assert not rule_pattern("signature/{party}").fullmatch("signatures/city")
    found = rule_for("signature/city", CLAUSES)
    assert found is not None and found.section == "11"
    assert rule_for("no-such-finding/1", CLAUSES) is None


def test_a_finding_id_maps_to_the_rule_of_the_same_shape() -> None:
    attestation = rule_for("attestation/2025/fa_staff", CLAUSES)
    assert attestation is not None and attestation.id == "attestation/{year}/{item}"
    note = rule_for("attestation/2025", CLAUSES)
    assert note is not None and note.id == "attestation/{year}"
