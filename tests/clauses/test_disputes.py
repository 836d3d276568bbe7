"""§9 "Vid tvist ska detta lösas genom dialog." and "Frälsningsarmén förbinder sig att följa tillämpliga lagar …"."""

from __future__ import annotations

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


def test_an_authority_finding_against_fa_is_a_breach_by_fa(check: Check) -> None:
    findings = [{"id": "ivo1", "date": "2025-09-01", "authority": "IVO"}]
    assert check("2025-08-31", authority_findings=findings).finding("authority-finding/ivo1") is None
    report = check("2025-09-01", authority_findings=findings)
    found = finding(report, "authority-finding/ivo1")
    assert (found.status, found.party, found.due) == ("violated", "fa", day("2025-09-01"))
    assert found.id in {f.id for f in report.breaches}
    assert "IVO" in found.message.en
    assert "tillämpliga lagar" in found.quote


def test_an_authority_finding_after_the_agreement_s_end_is_discharged(check: Check) -> None:
    report = check("2027-02-01", authority_findings=[{"id": "ivo1", "date": "2027-01-15", "authority": "IVO"}])
    assert finding(report, "authority-finding/ivo1").status == "discharged"
