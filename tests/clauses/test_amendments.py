"""§10 Tillägg: "ska upprättas skriftligen och undertecknas av båda parter"."""

from __future__ import annotations

from typing import Any

import pytest

from iop_rules.clauses import amendments

from ..conftest import Check, finding
from .contract import ClauseContract


class TestAmendmentsContract(ClauseContract):
    clause = amendments.CLAUSE


def amendment(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "a1",
        "date": "2026-11-01",
        "in_writing": True,
        "signed_by_city": "2026-11-10",
        "signed_by_fa": "2026-11-12",
        "changes": "Bidrag 2027 och 2028",
        "grants": {"2027": "210000.00", "2028": "210000.00"},
    }
    return {**base, **fields}


def test_valid_amendment_is_noted_from_its_last_signature(check: Check) -> None:
    note = finding(check("2026-11-30", amendments=[amendment()]), "amendment/a1")
    assert note.status == "noted" and note.severity == "info"
    assert "2026-11-12" in note.message.sv and "gäller från" in note.message.sv


@pytest.mark.parametrize(
    ("fields", "party", "lacks"),
    [
        ({"signed_by_city": None}, "city", "stadens underskrift"),
        ({"signed_by_fa": None}, "fa", "Frälsningsarméns underskrift"),
        ({"in_writing": False}, "both", "skriftlig form"),
        ({"signed_by_city": None, "signed_by_fa": None}, "both", "stadens underskrift"),
        # One signature missing, but not in writing either: more than one party's signature is lacking.
        ({"in_writing": False, "signed_by_fa": None}, "both", "skriftlig form"),
    ],
)
def test_invalid_amendment_is_reported_and_has_no_effect(
    check: Check, fields: dict[str, Any], party: str, lacks: str
) -> None:
    report = check("2027-01-01", amendments=[amendment(**fields)])
    note = finding(report, "amendment/a1")
    assert note.severity == "major" and note.party == party
    assert lacks in note.message.sv
    # No effect anywhere: the §4 compensation agreement is not reached, so the agreement ended.
    assert report.agreement.state == "ended"
    assert finding(report, "renegotiation/2027-2028").status == "condition_not_met"


def test_valid_amendment_reaches_the_compensation_agreement(check: Check) -> None:
    report = check("2027-01-01", amendments=[amendment()])
    assert report.agreement.state == "in_force"
    assert finding(report, "renegotiation/2027-2028").status == "fulfilled"


def test_amendment_without_grants_is_no_compensation_agreement(check: Check) -> None:
    report = check("2027-01-01", amendments=[amendment(grants={})])
    assert finding(report, "amendment/a1").severity == "info"
    assert report.agreement.state == "ended"


@pytest.mark.parametrize(
    ("signed", "late"), [("2026-12-30", False), ("2026-12-31", False), ("2027-01-01", True)]
)
def test_an_amendment_in_effect_on_the_agreement_s_last_day_is_in_time_from_the_day_after_too_late(
    check: Check, signed: str, late: bool
) -> None:
    # Without a compensation amendment the agreement's last day is the §4 cutoff, 2026-12-31.
    text = amendment(date="2026-12-01", signed_by_city="2026-12-01", signed_by_fa=signed, grants={}, changes="Ny kontaktperson")
    report = check("2027-01-05", amendments=[text])
    assert report.agreement.last_day is not None and report.agreement.last_day.isoformat() == "2026-12-31"
    note = finding(report, "amendment/a1")
    assert (note.severity == "major") is late
    assert (note.message.id == "amendment.late") is late
    assert ("tillägget har ingen verkan" in note.message.sv) is late


def test_amendment_signed_before_drawn_up_is_bad_input(check: Check) -> None:
    from iop_rules import InputError

    with pytest.raises(InputError, match="signed_by_city"):
        check("2027-01-01", amendments=[amendment(signed_by_city="2026-10-01")])
