"""§6 Helsingborgs stads resurser och aktiviteter: convening and attending the network and core group, internet
outreach (I10), the joint plan, and the yearly attestation of both parties' qualitative duties."""

from __future__ import annotations

from typing import Any

import pytest

from iop_rules.clauses import city_duties

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestCityDutiesContract(ClauseContract):
    clause = city_duties.CLAUSE


def meeting(id: str, date: str, body: str = "network", convener: str = "city", present: tuple[str, ...] = ("city", "fa")) -> dict[str, Any]:
    return {"id": id, "date": date, "body": body, "convener": convener, "present": list(present)}


def session(id: str, date: str, city_present: bool = True) -> dict[str, Any]:
    return {"id": id, "date": date, "city_present": city_present}


def breach_ids(report: Any) -> set[str]:
    return {f.id for f in report.breaches}


# --- Done when: network and core group ------------------------------------------------------------------------------


def test_a_network_meeting_without_city_present_is_a_breach_by_city(check: Check) -> None:
    report = check("2025-03-12", meetings=[meeting("net1", "2025-03-12", present=("fa",))])
    found = finding(report, "network-meeting/net1/presence")
    assert (found.status, found.party, found.section, found.due) == ("violated", "city", "6", day("2025-03-12"))
    assert "samtliga möten" in found.quote
    assert report.finding("network-meeting/net1/convener") is None


def test_a_network_meeting_convened_by_fa_is_a_breach_by_city_of_its_duty_to_convene(check: Check) -> None:
    report = check("2025-03-12", meetings=[meeting("net1", "2025-03-12", convener="fa")])
    found = finding(report, "network-meeting/net1/convener")
    assert (found.status, found.party) == ("violated", "city")
    assert "sammankallande" in found.quote
    assert report.finding("network-meeting/net1/presence") is None


@pytest.mark.parametrize(("convener", "present", "expected"), [
    ("city", ("city",), set()),
    ("other", ("city", "fa"), {"core-group-meeting/core1/convener"}),
    ("city", ("fa",), {"core-group-meeting/core1/presence"}),
    ("fa", (), {"core-group-meeting/core1/convener", "core-group-meeting/core1/presence"}),
])
def test_core_group_meetings_likewise(check: Check, convener: str, present: tuple[str, ...], expected: set[str]) -> None:
    report = check("2025-04-02", meetings=[meeting("core1", "2025-04-02", body="core_group", convener=convener, present=present)])
    assert {i for i in breach_ids(report) if i.startswith("core-group-meeting/")} == expected


@pytest.mark.parametrize(
    ("convener", "present", "detail"),
    [
        ("fa", ("city", "fa"), "body=core_group; convener=fa; present=city,fa"),
        ("fa", (), "body=core_group; convener=fa; present=-"),
    ],
)
def test_a_core_group_breach_shows_the_meeting_it_rests_on(
    check: Check, convener: str, present: tuple[str, ...], detail: str
) -> None:
    report = check("2025-04-02", meetings=[meeting("core1", "2025-04-02", body="core_group", convener=convener, present=present)])
    evidence = finding(report, "core-group-meeting/core1/convener").evidence
    assert [(e.fact, e.id, e.date, e.detail) for e in evidence] == [("meetings", "core1", day("2025-04-02"), detail)]


def test_working_and_steering_group_meetings_are_not_city_s_to_convene(check: Check) -> None:
    report = check("2025-04-02", meetings=[meeting("wg1", "2025-04-02", body="working_group", convener="fa")])
    assert not any(i.startswith(("network-meeting/", "core-group-meeting/")) for i in {f.id for f in report.findings()})


@pytest.mark.parametrize(("date", "listed"), [("2024-12-31", False), ("2025-01-01", True), ("2026-12-31", True), ("2027-01-01", False)])
def test_only_meetings_while_the_agreement_is_in_force(check: Check, date: str, listed: bool) -> None:
    # Without a compensation agreement the agreement's last day is 2026-12-31 (§4, I14).
    report = check("2027-02-01", meetings=[meeting("net1", date, present=("fa",))])
    assert (report.finding("network-meeting/net1/presence") is not None) == listed


# --- Internet outreach, I10 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("as_of", "status"), [("2025-06-30", "due"), ("2025-07-01", "violated")])
def test_a_spring_term_without_city_at_internet_outreach_is_a_breach_by_city(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, outreach_sessions=[session("o1", "2025-03-20", city_present=False)])
    found = finding(report, "internet-outreach/2025-spring")
    assert (found.status, found.party) == (status, "city")
    assert "I10" in found.settings


@pytest.mark.parametrize(("held", "spring"), [("2025-06-30", "fulfilled"), ("2025-07-01", "violated")])
def test_outreach_on_30_june_counts_for_spring_1_july_for_autumn(check: Check, held: str, spring: str) -> None:
    report = check("2025-07-02", outreach_sessions=[session("o1", held)])
    assert finding(report, "internet-outreach/2025-spring").status == spring


@pytest.mark.parametrize(("setting", "status"), [(1, "fulfilled"), (2, "violated"), (0, "fulfilled")])
def test_i10_sessions_per_term(check: Check, setting: int, status: str) -> None:
    report = check("2025-07-01", settings={"I10": setting}, outreach_sessions=[session("o1", "2025-03-20")])
    found = finding(report, "internet-outreach/2025-spring")
    assert found.status == status
    assert f"at least {setting} internet-outreach session" in found.message.en


def test_i10_two_sessions_fulfil_the_alternative(check: Check) -> None:
    report = check("2025-07-01", settings={"I10": 2}, outreach_sessions=[session("o1", "2025-03-20"), session("o2", "2025-05-20")])
    assert finding(report, "internet-outreach/2025-spring").status == "fulfilled"


def test_i9_outreach_in_a_term_cut_short(check: Check) -> None:
    notice = [{"id": "n1", "party": "fa", "date": "2025-02-10"}]
    default = check("2026-07-01", termination_notices=notice)
    assert finding(default, "internet-outreach/2026-spring").status == "discharged"
    proportional = check("2026-07-01", settings={"I9": "proportional"}, termination_notices=notice)
    found = finding(proportional, "internet-outreach/2026-spring")
    assert (found.status, found.due) == ("violated", day("2026-02-10"))


# --- The joint plan -------------------------------------------------------------------------------------------------


def plan(date: str, adopted_by: tuple[str, ...] = ("city", "fa"), city_participated: bool = True, id: str = "plan1") -> dict[str, Any]:
    return {"id": id, "date": date, "adopted_by": list(adopted_by), "city_participated": city_participated}


def test_city_s_part_in_the_joint_plan_is_open_until_an_adopted_plan_records_it(check: Check) -> None:
    assert finding(check("2026-01-01"), "joint-plan/city-participation").status == "open"
    assert finding(check("2026-01-01", joint_plans=[plan("2025-10-01", adopted_by=("fa",))]), "joint-plan/city-participation").status == "open"
    done = finding(check("2026-01-01", joint_plans=[plan("2025-10-01")]), "joint-plan/city-participation")
    assert (done.status, done.party) == ("fulfilled", "city")


def test_a_plan_adopted_without_city_s_participation_is_a_breach_by_city(check: Check) -> None:
    report = check("2026-01-01", joint_plans=[plan("2025-10-01", city_participated=False)])
    found = finding(report, "joint-plan/city-participation")
    assert (found.status, found.party, found.due) == ("violated", "city", day("2025-10-01"))
    assert "without the city" in found.message.en
    remedied = check("2026-01-01", joint_plans=[plan("2025-10-01", city_participated=False), plan("2025-12-01", id="plan2")])
    assert finding(remedied, "joint-plan/city-participation").status == "fulfilled"


# --- Attestations: minor notes, never breaches ------------------------------------------------------------------------

ITEMS = city_duties.ITEMS


def attest(year: int, *items: str) -> list[dict[str, Any]]:
    return [{"id": f"att-{year}-{n}", "date": f"{year}-11-18", "year": year, "item": item} for n, item in enumerate(items)]


def test_the_items_are_the_qualitative_duties_of_both_parties_with_quotes(agreement: Any) -> None:
    assert len(ITEMS) == 13
    assert {i.split("_")[0] for i in ITEMS} == {"fa", "city"}
    for item in ITEMS:
        assert agreement.quote("6", item)


def test_an_item_unattested_when_the_year_closes_is_a_minor_note_not_a_breach(check: Check) -> None:
    attested = attest(2025, *[i for i in ITEMS if i != "city_marketing"])
    on_31_december = check("2025-12-31", attestations=attested)
    assert on_31_december.finding("attestation/2025/city_marketing") is None
    running = finding(on_31_december, "attestation/2025")
    assert (running.kind, running.severity) == ("note", "info")
    assert "marketing to staff" in running.message.en
    on_1_january = check("2026-01-01", attestations=attested)
    found = finding(on_1_january, "attestation/2025/city_marketing")
    assert (found.kind, found.status, found.severity, found.party) == ("note", "noted", "minor", "city")
    assert found.id in {f.id for f in on_1_january.notes}
    assert not any(f.id.startswith("attestation/") for f in on_1_january.breaches)
    assert on_1_january.finding("attestation/2025/fa_staff") is None
    assert "Stötta med marknadsföring" in found.quote


def test_an_fa_item_unattested_is_fa_s_note(check: Check) -> None:
    report = check("2026-01-01", attestations=attest(2025, *[i for i in ITEMS if i != "fa_premises"]))
    assert finding(report, "attestation/2025/fa_premises").party == "fa"


def test_an_attestation_for_another_year_does_not_count(check: Check) -> None:
    report = check("2026-01-01", attestations=attest(2026, *ITEMS))
    assert all(report.finding(f"attestation/2025/{item}") is not None for item in ITEMS)


def test_all_attested_leaves_no_note(check: Check) -> None:
    report = check("2026-01-01", attestations=attest(2025, *ITEMS))
    assert not any(f.id.startswith("attestation/2025") for f in report.findings())


def test_attestations_in_a_year_cut_short_follow_i9(check: Check) -> None:
    notice = [{"id": "n1", "party": "fa", "date": "2025-02-10"}]
    default = check("2027-01-01", termination_notices=notice)
    assert not any(f.id.startswith("attestation/2026") for f in default.findings())
    proportional = check("2026-02-11", settings={"I9": "proportional"}, termination_notices=notice)
    assert proportional.finding("attestation/2026/fa_staff") is not None


def test_the_running_note_cites_the_attestations_of_the_year_so_far(check: Check) -> None:
    running = finding(check("2025-12-01", attestations=attest(2025, "fa_staff", "city_marketing")), "attestation/2025")
    assert [(e.fact, e.id, e.date, e.detail) for e in running.evidence] == [
        ("attestations", "att-2025-0", day("2025-11-18"), "fa_staff"),
        ("attestations", "att-2025-1", day("2025-11-18"), "city_marketing"),
    ]


def test_a_first_year_that_asks_nothing_does_not_stop_the_later_years_being_checked(agreement: Any) -> None:
    """A term starting on 1 March: 2025 is covered in part and, under I9's default, asks for no attestation; 2026
    is whole, and an item left unattested in it is still noted when it closes."""
    from iop_rules import evaluate

    from ..conftest import make_facts

    moved = agreement.model_copy(update={"term": agreement.term.model_copy(update={"start": day("2025-03-01")})})
    report = evaluate(moved, make_facts(attestations=attest(2026, *[i for i in ITEMS if i != "city_marketing"])), as_of=day("2027-01-02"))
    assert report.finding("attestation/2025/city_marketing") is None
    assert finding(report, "attestation/2026/city_marketing").status == "noted"


@pytest.mark.parametrize(("attested", "noted"), [(1, True), (2, False)])
def test_an_agreement_asking_two_attestations_a_year_counts_each_once(agreement: Any, attested: int, noted: bool) -> None:
    from iop_rules import evaluate

    from ..conftest import make_facts

    twice = agreement.model_copy(update={"cadence": agreement.cadence.model_copy(update={"attestations_per_year": 2})})
    records = [{"id": f"att-{n}", "date": "2025-11-18", "year": 2025, "item": "fa_staff"} for n in range(attested)]
    report = evaluate(twice, make_facts(attestations=records), as_of=day("2026-01-02"))
    assert (report.finding("attestation/2025/fa_staff") is not None) == noted


def test_a_plan_adopted_without_city_names_the_plan_and_its_day(check: Check) -> None:
    found = finding(check("2026-01-01", joint_plans=[plan("2025-10-01", city_participated=False)]), "joint-plan/city-participation")
    assert "2025-10-01" in found.message.sv and "plan1" in found.message.sv
    assert found.message.id == "city.joint_plan.without"
    assert found.message.values["what"] == {"id": "city.joint_plan.what", "values": {}}
    assert found.message.values["record"] == "plan1" and found.message.values["day"] == "2025-10-01"


@pytest.mark.parametrize(("as_of", "status"), [("2026-03-11", "available"), ("2026-03-12", "available"), ("2026-03-13", "expired")])
def test_a_plan_adopted_without_city_is_a_one_off_breach_founding_fa_s_demand_for_12_months(check: Check, as_of: str, status: str) -> None:
    """The breach happened on the day the plan was adopted and cannot be undone: under I16 it founds fa's §9 demand
    for twelve months, like an absence from a meeting."""
    from .test_renegotiation import CITY_CLEAN

    report = check(as_of, joint_plans=[plan("2025-03-12", city_participated=False)], **CITY_CLEAN)
    assert finding(report, "renegotiation-right/fa").status == status
