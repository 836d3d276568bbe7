"""§9 "Båda parter kan kräva omförhandling … ifall den ena eller den andra parten inte fullföljer sina åtaganden":
a right while the other party has an unremedied breach; an unsupported demand is flagged; a demand binds both."""

from __future__ import annotations

import re
from typing import Any

import pytest

from iop_rules import Agreement, parse_facts
from iop_rules.clauses import renegotiation
from iop_rules.evaluate import context_for

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestRenegotiationContract(ClauseContract):
    clause = renegotiation.CLAUSE


def network(id: str, date: str, present: tuple[str, ...] = ("city", "fa")) -> dict[str, Any]:
    return {"id": id, "date": date, "body": "network", "convener": "city", "present": list(present)}


def demand(date: str, party: str = "fa", ground: str = "non_fulfilment", concluded: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": "dem1", "date": date, "party": party, "ground": ground}
    if concluded:
        out["concluded"] = concluded
    return out


CITY_BREACH = [network("net1", "2025-03-12", present=("fa",))]
# The 2025 grant paid on time, so that city has no breach of its own unless a test gives it one.
PAID = [{"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"}]
FA_BREACH = [{"id": "ivo1", "date": "2025-02-01", "authority": "IVO", "final": "2025-03-12", "concerns_activities": True}]


def test_the_right_is_available_while_the_other_party_has_an_unremedied_breach(check: Check) -> None:
    report = check("2025-03-12", meetings=CITY_BREACH)
    fa = finding(report, "renegotiation-right/fa")
    assert (fa.kind, fa.status, fa.party, fa.section) == ("right", "available", "fa", "9")
    assert "network-meeting/net1/presence" in fa.message.en
    assert fa.id in {f.id for f in report.upcoming}
    assert finding(report, "renegotiation-right/city").status == "expired"


def test_no_breach_the_day_before_no_right(check: Check) -> None:
    report = check("2025-03-11", meetings=CITY_BREACH, grant_payments=PAID)
    assert finding(report, "renegotiation-right/fa").status == "expired"
    assert "renegotiation-right/fa" not in {f.id for f in report.upcoming}


def test_an_fa_breach_gives_city_the_right(check: Check) -> None:
    report = check("2025-03-12", authority_findings=FA_BREACH, grant_payments=PAID)
    assert finding(report, "renegotiation-right/city").status == "available"
    assert finding(report, "renegotiation-right/fa").status == "expired"


# Spring 2025 with its steering group and city's outreach but no working-group meetings: the only breach is the
# working group's, which lies with both parties.
JOINT_ONLY: dict[str, Any] = {
    "grant_payments": PAID,
    "meetings": [{"id": "sg1", "date": "2025-03-01", "body": "steering_group", "convener": "fa", "present": ["city", "fa"]}],
    "outreach_sessions": [{"id": "o1", "date": "2025-03-01", "city_present": True}],
}
# City's other duties kept until 2026-03-13, so that its only breach is the absence of 2025-03-12.
CITY_CLEAN: dict[str, Any] = {
    "grant_payments": [*PAID, {"id": "gp-2026", "grant_year": 2026, "date": "2026-01-20", "amount": "200000.00"}],
    "outreach_sessions": [
        {"id": "o1", "date": "2025-03-01", "city_present": True},
        {"id": "o2", "date": "2025-09-01", "city_present": True},
        {"id": "o3", "date": "2026-02-01", "city_present": True},
    ],
}


def joint_only(report: Any) -> None:
    violated = [f for f in report.obligations if f.status == "violated"]
    assert "working-group/2025-spring" in {f.id for f in violated}
    assert {f.party for f in violated} == {"both"}, [(f.id, f.party) for f in violated]


def test_a_joint_breach_founds_neither_party_s_demand_by_default(check: Check) -> None:
    report = check("2025-07-01", **JOINT_ONLY)
    joint_only(report)
    for party in ("city", "fa"):
        right = finding(report, f"renegotiation-right/{party}")
        assert right.status == "expired"
        assert "I15" in right.settings and "båda parter ingen grund" in right.message.sv
        assert "båda parter" in right.message.sv


def test_a_joint_breach_founds_both_demands_under_i15_both(check: Check) -> None:
    report = check("2025-07-01", settings={"I15": "both"}, **JOINT_ONLY)
    joint_only(report)
    assert finding(report, "renegotiation-right/fa").status == "available"
    assert finding(report, "renegotiation-right/city").status == "available"


@pytest.mark.parametrize(
    ("as_of", "default", "while_in_force"),
    [("2026-03-11", "available", "available"), ("2026-03-12", "available", "available"), ("2026-03-13", "expired", "available")],
)
def test_a_one_off_breach_founds_a_demand_for_12_months(check: Check, as_of: str, default: str, while_in_force: str) -> None:
    """City's absence from a network meeting on 2025-03-12 founds fa's demand until 2026-03-12 (I16)."""
    facts: dict[str, Any] = {"meetings": CITY_BREACH, **CITY_CLEAN}
    assert finding(check(as_of, **facts), "renegotiation-right/fa").status == default
    assert finding(check(as_of, settings={"I16": "while_in_force"}, **facts), "renegotiation-right/fa").status == while_in_force
    expired = finding(check(as_of, **facts), "renegotiation-right/fa")
    if default == "expired":
        assert "12 månader" in expired.message.sv and "12 months" in expired.message.en and "I16" in expired.settings


@pytest.mark.parametrize(
    ("breach", "months", "end"),
    [
        ("2025-03-12", 12, "2026-03-12"),
        # Six months after 31 August there is no 31st: the ground lasts to the month's last day, 28 February.
        ("2025-08-31", 6, "2026-02-28"),
        ("2025-08-30", 6, "2026-02-28"),
        ("2025-09-01", 6, "2026-03-01"),
    ],
)
def test_a_one_off_breach_founds_a_demand_until_the_same_day_months_later_or_the_month_s_last_day(
    agreement: Agreement, breach: str, months: int, end: str
) -> None:
    cadence = agreement.cadence.model_copy(update={"one_off_breach_ground_months": months})
    changed = agreement.model_copy(update={"cadence": cadence})
    ctx = context_for(changed, parse_facts({}), day("2025-09-01"))
    assert ctx.one_off_ground_end(day(breach)) == day(end)
    ctx_in_force = context_for(changed, parse_facts({}), day("2025-09-01"), settings={"I16": "while_in_force"})
    assert ctx_in_force.one_off_ground_end(day(breach)) is None


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2026-02-09", "renegotiation.right.unavailable"),
        ("2026-02-10", "renegotiation.right.unavailable"),
        ("2026-02-11", "renegotiation.right.gone"),
    ],
)
def test_a_right_without_ground_is_unavailable_to_the_last_day_and_gone_from_the_day_after(
    check: Check, as_of: str, message: str
) -> None:
    # Notice given on 10 February 2025 makes 10 February 2026 the last day; the city has no breach of its own.
    report = check(as_of, termination_notices=[{"id": "n1", "party": "fa", "date": "2025-02-10"}], **CITY_CLEAN)
    right = finding(report, "renegotiation-right/fa")
    assert (right.status, right.message.id) == ("expired", message)


@pytest.mark.parametrize(("absences", "shown", "more"), [(5, 5, False), (6, 5, True)])
def test_a_right_names_at_most_five_breaches_and_says_when_there_are_more(
    check: Check, absences: int, shown: int, more: bool
) -> None:
    meetings = [network(f"net{i}", f"2025-03-1{i}", present=("fa",)) for i in range(absences)]
    right = finding(check("2025-03-20", meetings=meetings, **CITY_CLEAN), "renegotiation-right/fa")
    assert right.status == "available"
    ids = str(right.message.values["ids"])
    assert ids.count("network-meeting/") == shown
    assert ids.endswith(" …") is more


def test_a_duty_still_unfulfilled_founds_a_demand_while_it_stays_so(check: Check) -> None:
    # The 2025 grant never paid: city's duty stays unfulfilled, so fa's right outlasts any 12 months.
    report = check("2026-06-01")
    assert finding(report, "grant-payment/2025").status == "violated"
    assert finding(report, "renegotiation-right/fa").status == "available"


def test_an_authority_finding_not_yet_final_founds_no_demand(check: Check) -> None:
    pending = [{"id": "ivo1", "date": "2025-02-01", "authority": "IVO", "concerns_activities": True}]
    report = check("2025-04-01", authority_findings=pending, grant_payments=PAID)
    assert not [f for f in report.breaches if f.id.startswith("authority-finding/")]
    assert finding(report, "renegotiation-right/city").status == "expired"


def test_the_expired_right_gives_the_true_reason_once_the_agreement_has_ended(check: Check) -> None:
    right = finding(check("2027-01-15", meetings=CITY_BREACH), "renegotiation-right/fa")
    assert right.status == "expired"
    assert "upphörde 2026-12-31" in right.message.sv and "ended on 2026-12-31" in right.message.en
    assert "kan inte längre utnyttjas" in right.message.sv
    assert "ingen egen avvikelse" not in right.message.sv


def test_a_cured_breach_gives_no_right(check: Check) -> None:
    # A statistics answer handed in late is fulfilled_late: a breach that was cured.
    report = check(
        "2025-04-15",
        statistics_requests=[{"id": "r1", "date": "2025-01-02"}],
        statistics_deliveries=[{"id": "d1", "request_id": "r1", "date": "2025-03-01", "contacts": 1, "support_talks": 1, "persons_reached": 1}],
    )
    assert finding(report, "statistics/r1").status == "fulfilled_late"
    assert finding(report, "renegotiation-right/city").status == "expired"


def test_a_demand_opens_an_obligation_of_both_until_concluded(check: Check) -> None:
    opened = finding(check("2025-04-01", meetings=CITY_BREACH, renegotiation_demands=[demand("2025-03-20", concluded="2025-05-01")]), "renegotiation-demand/dem1")
    assert (opened.status, opened.party, opened.due) == ("open", "both", None)
    done = check("2025-05-01", meetings=CITY_BREACH, renegotiation_demands=[demand("2025-03-20", concluded="2025-05-01")])
    assert finding(done, "renegotiation-demand/dem1").status == "fulfilled"


def test_a_pending_demand_shows_the_right_exercised(check: Check) -> None:
    report = check("2025-04-01", meetings=CITY_BREACH, renegotiation_demands=[demand("2025-03-20")])
    assert finding(report, "renegotiation-right/fa").status == "exercised"


def test_a_demand_for_non_fulfilment_without_a_breach_that_day_is_unsupported(check: Check) -> None:
    # The city breach happens on 2025-03-12; a demand on 2025-03-11 rests on nothing.
    report = check("2025-04-01", meetings=CITY_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-11")])
    flagged = finding(report, "renegotiation-demand/dem1/unsupported")
    assert (flagged.kind, flagged.party) == ("note", "fa")
    assert "no unremedied breach of its own" in flagged.message.en
    assert flagged.id not in {f.id for f in report.breaches}
    # The obligation to renegotiate still arises.
    assert finding(report, "renegotiation-demand/dem1").status == "open"


def test_a_demand_on_the_day_of_the_breach_is_supported(check: Check) -> None:
    report = check("2025-04-01", meetings=CITY_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-12")])
    assert report.finding("renegotiation-demand/dem1/unsupported") is None


def test_a_breach_of_the_demanding_party_itself_does_not_support_it(check: Check) -> None:
    report = check("2025-04-01", authority_findings=FA_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-20", party="fa")])
    assert report.finding("renegotiation-demand/dem1/unsupported") is not None


def test_a_demand_resting_on_a_joint_breach_is_unsupported_by_default(check: Check) -> None:
    facts: dict[str, Any] = {**JOINT_ONLY, "renegotiation_demands": [demand("2025-07-02", party="city")]}
    assert check("2025-07-10", **facts).finding("renegotiation-demand/dem1/unsupported") is not None
    assert check("2025-07-10", settings={"I15": "both"}, **facts).finding("renegotiation-demand/dem1/unsupported") is None


def test_a_demand_for_unforeseen_circumstances_is_never_flagged(check: Check) -> None:
    report = check("2025-04-01", renegotiation_demands=[demand("2025-03-11", ground="unforeseen_circumstances")])
    assert report.finding("renegotiation-demand/dem1/unsupported") is None


def test_the_right_is_not_available_once_the_agreement_has_ended(check: Check) -> None:
    report = check("2027-01-15", meetings=CITY_BREACH)
    assert report.agreement.state == "ended"
    assert finding(report, "renegotiation-right/fa").status == "expired"


def test_review_ids_match_the_documented_rules(check: Check) -> None:
    report = check("2025-04-01", meetings=CITY_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-11")])
    patterns = [re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(r.id)) for r in renegotiation.CLAUSE.rules]
    ids = [f.id for f in report.findings() if f.id.startswith("renegotiation-")]
    assert len(ids) == 4
    for finding_id in ids:
        assert any(re.fullmatch(p, finding_id) for p in patterns), finding_id
