"""§9 "Vid tvist ska detta lösas genom dialog." and "Frälsningsarmén förbinder sig att följa tillämpliga lagar …"."""

from __future__ import annotations

import pytest

from iop_rules.clauses import disputes

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestDisputesContract(ClauseContract):
    clause = disputes.CLAUSE


DISPUTE = [{"id": "t1", "date": "2026-10-01", "raised_by": "fa"}]


def test_a_dispute_is_an_open_obligation_of_both_until_a_dialogue(check: Check) -> None:
    found = finding(check("2026-10-15", disputes=DISPUTE), "dispute/t1")
    assert (found.status, found.party, found.due, found.section) == ("open", "both", None, "9")
    assert "dialog" in found.quote


def test_a_dialogue_on_the_dispute_fulfils_it(check: Check) -> None:
    dialogues = [{"id": "dlg1", "dispute_id": "t1", "date": "2026-10-20"}]
    assert finding(check("2026-10-19", disputes=DISPUTE, dialogues=dialogues), "dispute/t1").status == "open"
    assert finding(check("2026-10-20", disputes=DISPUTE, dialogues=dialogues), "dispute/t1").status == "fulfilled"


def test_a_dialogue_on_another_dispute_does_not(check: Check) -> None:
    two = [*DISPUTE, {"id": "t2", "date": "2026-10-02", "raised_by": "city"}]
    report = check("2026-11-01", disputes=two, dialogues=[{"id": "dlg1", "dispute_id": "t2", "date": "2026-10-20"}])
    assert finding(report, "dispute/t1").status == "open"
    assert finding(report, "dispute/t2").status == "fulfilled"


def test_a_dispute_stays_open_after_the_agreement_ends(check: Check) -> None:
    assert finding(check("2027-02-01", disputes=DISPUTE), "dispute/t1").status == "open"


FINAL = [{"id": "ivo1", "date": "2025-09-01", "authority": "IVO", "final": "2025-10-01", "concerns_activities": True}]


@pytest.mark.parametrize(
    ("as_of", "kind", "status"),
    [("2025-08-31", None, None), ("2025-09-01", "note", "noted"), ("2025-09-30", "note", "noted"), ("2025-10-01", "duty", "violated"), ("2025-10-02", "duty", "violated")],
)
def test_a_final_authority_finding_on_the_activities_is_a_breach_by_fa(check: Check, as_of: str, kind: str | None, status: str | None) -> None:
    report = check(as_of, authority_findings=FINAL)
    found = report.finding("authority-finding/ivo1")
    if kind is None:
        assert found is None
        return
    assert found is not None
    assert (found.kind, found.status, found.party) == (kind, status, "fa")
    assert (found.id in {f.id for f in report.breaches}) == (status == "violated")
    assert "IVO" in found.message.en
    assert "tillämpliga lagar" in found.quote
    if status == "violated":
        assert found.due == day("2025-10-01")
        assert "laga kraft" in found.message.sv
    else:
        assert "laga kraft" in found.message.sv and "behöver följa upp" in found.message.sv


@pytest.mark.parametrize(
    ("fields", "follow_up"),
    [
        ({}, ("laga kraft", "rör verksamheten")),
        ({"final": "2025-10-01"}, ("rör verksamheten",)),
        ({"concerns_activities": True}, ("laga kraft",)),
    ],
)
def test_an_authority_finding_not_final_or_not_assessed_is_a_note_to_follow_up(check: Check, fields: dict[str, object], follow_up: tuple[str, ...]) -> None:
    record = {"id": "ivo1", "date": "2025-09-01", "authority": "IVO", **fields}
    report = check("2025-12-01", authority_findings=[record])
    found = finding(report, "authority-finding/ivo1")
    assert (found.kind, found.status) == ("note", "noted")
    assert not [f for f in report.breaches if f.section == "9"]
    for words in follow_up:
        assert words in found.message.sv


def test_an_authority_finding_not_concerning_the_activities_is_no_breach(check: Check) -> None:
    record = {"id": "ivo1", "date": "2025-09-01", "authority": "IVO", "final": "2025-10-01", "concerns_activities": False}
    found = finding(check("2025-12-01", authority_findings=[record]), "authority-finding/ivo1")
    assert (found.kind, found.status) == ("note", "noted")
    assert "ingen avvikelse" in found.message.sv


def test_an_authority_finding_final_after_the_agreement_s_end_is_discharged(check: Check) -> None:
    record = {"id": "ivo1", "date": "2026-12-01", "authority": "IVO", "final": "2027-01-15", "concerns_activities": True}
    report = check("2027-02-01", authority_findings=[record])
    assert finding(report, "authority-finding/ivo1").status == "discharged"


def test_the_first_dialogue_fulfils_a_dispute_whatever_order_the_dialogues_are_recorded_in(check: Check) -> None:
    # Recorded later-first: the obligation was fulfilled by the earlier dialogue, and the evidence lists them by day.
    dialogues = [
        {"id": "dlg-b", "dispute_id": "t1", "date": "2026-11-05"},
        {"id": "dlg-a", "dispute_id": "t1", "date": "2026-10-20"},
    ]
    found = finding(check("2026-11-30", disputes=DISPUTE, dialogues=dialogues), "dispute/t1")
    assert (found.kind, found.status, found.party, found.severity) == ("duty", "fulfilled", "both", "major")
    assert found.message.sv == "Tvisten 2026-10-01 (t1, väckt av Frälsningsarmén) ska lösas genom dialog. Det gjordes 2026-10-20."
    assert found.message.en == (
        "The dispute of 2026-10-01 (t1, raised by the Salvation Army) must be resolved through dialogue. It was done on 2026-10-20."
    )
    assert [(e.fact, e.id, e.date) for e in found.evidence] == [
        ("disputes", "t1", day("2026-10-01")),
        ("dialogues", "dlg-a", day("2026-10-20")),
        ("dialogues", "dlg-b", day("2026-11-05")),
    ]
    assert found.evidence[0].detail == "raised_by=fa"


def test_an_open_dispute_says_it_has_no_deadline(check: Check) -> None:
    found = finding(check("2026-10-15", disputes=[{"id": "t1", "date": "2026-10-01", "raised_by": "city"}]), "dispute/t1")
    assert found.message.sv == (
        "Tvisten 2026-10-01 (t1, väckt av staden) ska lösas genom dialog. Det är ännu inte gjort; avtalet anger ingen sista dag."
    )
    assert found.message.en == (
        "The dispute of 2026-10-01 (t1, raised by the city) must be resolved through dialogue. "
        "It has not been done yet; the agreement sets no last day."
    )


@pytest.mark.parametrize(
    ("record", "detail"),
    [
        ({"final": "2025-10-01", "concerns_activities": True}, "authority=IVO; final=2025-10-01; concerns_activities=true"),
        ({"final": "2025-10-01", "concerns_activities": False}, "authority=IVO; final=2025-10-01; concerns_activities=false"),
        ({}, "authority=IVO; final=none; concerns_activities=undecided"),
    ],
)
def test_an_authority_finding_s_evidence_says_whether_it_is_final_and_concerns_the_activities(
    check: Check, record: dict[str, object], detail: str
) -> None:
    findings = [{"id": "ivo1", "date": "2025-09-01", "authority": "IVO", **record}]
    found = finding(check("2025-11-01", authority_findings=findings), "authority-finding/ivo1")
    assert [(e.fact, e.id, e.date, e.detail) for e in found.evidence] == [
        ("authority_findings", "ivo1", day("2025-09-01"), detail)
    ]


def test_every_authority_finding_is_reported_whatever_is_recorded_before_it(check: Check) -> None:
    """A finding from before the agreement, then a final one that is a breach, then one still to be followed up:
    the first is left out (the agreement did not bind fa then), and each later one is reported on its own."""
    findings = [
        {"id": "ivo0", "date": "2024-12-15", "authority": "IVO", "final": "2024-12-20", "concerns_activities": True},
        {"id": "ivo1", "date": "2025-09-01", "authority": "IVO", "final": "2025-10-01", "concerns_activities": True},
        {"id": "ivo2", "date": "2025-11-01", "authority": "IVO"},
    ]
    report = check("2025-12-01", authority_findings=findings)
    assert sorted(f.id for f in report.findings() if f.id.startswith("authority-finding/")) == [
        "authority-finding/ivo1",
        "authority-finding/ivo2",
    ]
    assert (finding(report, "authority-finding/ivo1").status, finding(report, "authority-finding/ivo2").kind) == ("violated", "note")
