"""§9 "Båda parter kan kräva omförhandling … ifall den ena eller den andra parten inte fullföljer sina åtaganden":
a right while the other party has an unremedied breach; an unsupported demand is flagged; a demand binds both."""

from __future__ import annotations

import re
from typing import Any

from iop_rules.clauses import renegotiation

from ..conftest import Check, finding
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
FA_BREACH = [{"id": "ivo1", "date": "2025-03-12", "authority": "IVO"}]


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


def test_a_breach_by_both_gives_both_the_right(check: Check) -> None:
    report = check("2025-07-01")  # spring 2025 without working-group meetings: a breach by both
    assert finding(report, "working-group/2025-spring").status == "violated"
    assert finding(report, "renegotiation-right/fa").status == "available"
    assert finding(report, "renegotiation-right/city").status == "available"


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
    assert "no unremedied breach" in flagged.message.en
    assert flagged.id not in {f.id for f in report.breaches}
    # The obligation to renegotiate still arises.
    assert finding(report, "renegotiation-demand/dem1").status == "open"


def test_a_demand_on_the_day_of_the_breach_is_supported(check: Check) -> None:
    report = check("2025-04-01", meetings=CITY_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-12")])
    assert report.finding("renegotiation-demand/dem1/unsupported") is None


def test_a_breach_of_the_demanding_party_itself_does_not_support_it(check: Check) -> None:
    report = check("2025-04-01", authority_findings=FA_BREACH, grant_payments=PAID, renegotiation_demands=[demand("2025-03-20", party="fa")])
    assert report.finding("renegotiation-demand/dem1/unsupported") is not None


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
