"""§1 "Framtagandet av en gemensam plan för initial ärendehantering och parallellt stöd": an open obligation of
both parties until a plan adopted by both is recorded."""

from __future__ import annotations

from typing import Any

from iop_rules.clauses import joint_plan

from ..conftest import Check, finding
from .contract import ClauseContract


class TestJointPlanContract(ClauseContract):
    clause = joint_plan.CLAUSE


def plan(date: str, adopted_by: tuple[str, ...] = ("city", "fa"), id: str = "plan1") -> dict[str, Any]:
    return {"id": id, "date": date, "adopted_by": list(adopted_by), "city_participated": True}


def test_without_a_plan_the_obligation_of_both_is_open_with_no_deadline(check: Check) -> None:
    found = finding(check("2025-06-01"), "joint-plan")
    assert (found.status, found.party, found.due, found.section) == ("open", "both", None, "1")
    assert "gemensam plan" in found.quote
    assert "sets no last day" in found.message.en


def test_a_plan_adopted_by_one_party_only_leaves_it_open(check: Check) -> None:
    found = finding(check("2025-12-01", joint_plans=[plan("2025-10-01", adopted_by=("fa",))]), "joint-plan")
    assert found.status == "open"
    assert "adopted only by the Salvation Army" in found.message.en
    assert [e.detail for e in found.evidence] == ["adopted_by=fa"]


def test_a_plan_adopted_by_no_party_leaves_it_open_and_says_so(check: Check) -> None:
    found = finding(check("2025-12-01", joint_plans=[plan("2025-10-01", adopted_by=())]), "joint-plan")
    assert found.status == "open"
    assert "Planen plan1 (2025-10-01) är inte antagen av någon part; den ska antas av båda parter." in found.message.sv
    assert "Plan plan1 (2025-10-01) is not adopted by either party; both parties must adopt it." in found.message.en
    assert [e.detail for e in found.evidence] == ["adopted_by=-"]


def test_a_plan_adopted_by_both_fulfils_it_from_that_day(check: Check) -> None:
    facts = [plan("2025-10-01", adopted_by=("fa",)), plan("2025-11-15", id="plan2")]
    assert finding(check("2025-11-14", joint_plans=facts), "joint-plan").status == "open"
    done = finding(check("2025-11-15", joint_plans=facts), "joint-plan")
    assert done.status == "fulfilled"
    assert "2025-11-15" in done.message.en


def test_it_is_never_a_breach_while_open(check: Check) -> None:
    report = check("2026-11-30")
    assert "joint-plan" not in {f.id for f in report.breaches}


def test_it_lapses_when_the_agreement_ends_without_a_plan(check: Check) -> None:
    assert finding(check("2026-12-31"), "joint-plan").status == "open"
    assert finding(check("2027-01-01"), "joint-plan").status == "discharged"
    adopted = finding(check("2027-01-01", joint_plans=[plan("2026-06-01")]), "joint-plan")
    assert adopted.status == "fulfilled"
