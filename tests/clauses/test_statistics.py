"""§8 "Frälsningsarmén ska kunna tillhandahålla och redovisa statistik över antal kontakter, stödsamtal samt över
antal personer som nåtts …": requests answered within I7 days (moved under I2) with all three figures."""

from __future__ import annotations

from typing import Any

import pytest

from iop_rules.clauses import statistics

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestStatisticsContract(ClauseContract):
    clause = statistics.CLAUSE


REQUEST = [{"id": "req1", "date": "2026-03-01"}]


def delivery(date: str, id: str = "del1", **figures: Any) -> dict[str, Any]:
    values = {"contacts": 37, "support_talks": 104, "persons_reached": 1120}
    values.update(figures)
    return {"id": id, "request_id": "req1", "date": date, **{k: v for k, v in values.items() if v is not None}}


# --- Done when ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delivered", "status"),
    [("2026-03-30", "fulfilled"), ("2026-03-31", "fulfilled"), ("2026-04-01", "fulfilled_late")],
)
def test_requested_1_march_delivered_31_march_on_time_1_april_late(check: Check, delivered: str, status: str) -> None:
    report = check("2026-04-02", statistics_requests=REQUEST, statistics_deliveries=[delivery(delivered)])
    found = finding(report, "statistics/req1")
    assert (found.status, found.due, found.party) == (status, day("2026-03-31"), "fa")
    assert {"I2", "I7"} <= set(found.settings)


def test_a_delivery_without_the_support_talk_figure_leaves_the_request_open(check: Check) -> None:
    deliveries = [delivery("2026-03-20", support_talks=None)]
    report = check("2026-03-25", statistics_requests=REQUEST, statistics_deliveries=deliveries)
    found = finding(report, "statistics/req1")
    assert found.status == "due"
    assert "support talks missing" in found.message.en
    assert "stödsamtal saknas" in found.message.sv
    later = check("2026-04-01", statistics_requests=REQUEST, statistics_deliveries=deliveries)
    assert finding(later, "statistics/req1").status == "violated"


@pytest.mark.parametrize("field", ["contacts", "support_talks", "persons_reached"])
def test_each_missing_figure_leaves_it_open(check: Check, field: str) -> None:
    report = check("2026-04-01", statistics_requests=REQUEST, statistics_deliveries=[delivery("2026-03-20", **{field: None})])
    assert finding(report, "statistics/req1").status == "violated"


@pytest.mark.parametrize("field", ["contacts", "support_talks", "persons_reached"])
def test_a_negative_figure_does_not_fulfil(check: Check, field: str) -> None:
    report = check("2026-03-25", statistics_requests=REQUEST, statistics_deliveries=[delivery("2026-03-20", **{field: -1})])
    found = finding(report, "statistics/req1")
    assert found.status == "due"
    assert "negative (-1)" in found.message.en


def test_zero_is_a_figure(check: Check) -> None:
    deliveries = [delivery("2026-03-20", contacts=0, support_talks=0, persons_reached=0)]
    assert finding(check("2026-03-25", statistics_requests=REQUEST, statistics_deliveries=deliveries), "statistics/req1").status == "fulfilled"


def test_an_incomplete_delivery_then_a_complete_one_late(check: Check) -> None:
    deliveries = [delivery("2026-03-20", persons_reached=None), delivery("2026-04-05", id="del2")]
    report = check("2026-04-10", statistics_requests=REQUEST, statistics_deliveries=deliveries)
    found = finding(report, "statistics/req1")
    assert found.status == "fulfilled_late"
    assert {e.id for e in found.evidence} == {"req1", "del1", "del2"}
    assert "persons reached missing" in found.message.en


def test_an_incomplete_delivery_on_the_day_of_the_late_complete_one_is_still_named(check: Check) -> None:
    # Both came in on 5 April, after the deadline of 31 March: the request was answered late, and the report says
    # what the first delivery of that day lacked.
    deliveries = [delivery("2026-04-05", support_talks=None), delivery("2026-04-05", id="del2")]
    found = finding(check("2026-04-10", statistics_requests=REQUEST, statistics_deliveries=deliveries), "statistics/req1")
    assert (found.status, found.due) == ("fulfilled_late", day("2026-03-31"))
    assert "support talks missing" in found.message.en
    assert "stödsamtal saknas" in found.message.sv


# --- I7 and I2 ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "due"),
    [
        ({}, "2026-03-31"),
        ({"I7": 14}, "2026-03-16"),  # 2026-03-15 is a Sunday
        ({"I7": 14, "I2": "no_move"}, "2026-03-15"),
        ({"I7": 31}, "2026-04-01"),
    ],
)
def test_i7_response_days_and_i2(check: Check, settings: dict[str, Any], due: str) -> None:
    report = check("2026-03-02", settings=settings, statistics_requests=REQUEST)
    assert finding(report, "statistics/req1").due == day(due)


@pytest.mark.parametrize(("delivered", "status"), [("2026-03-16", "fulfilled"), ("2026-03-17", "fulfilled_late")])
def test_i7_14_days_on_a_sunday_moves_to_monday(check: Check, delivered: str, status: str) -> None:
    report = check("2026-04-01", settings={"I7": 14}, statistics_requests=REQUEST, statistics_deliveries=[delivery(delivered)])
    assert finding(report, "statistics/req1").status == status
    no_move = check(
        "2026-04-01", settings={"I7": 14, "I2": "no_move"}, statistics_requests=REQUEST, statistics_deliveries=[delivery(delivered)]
    )
    assert finding(no_move, "statistics/req1").status == "fulfilled_late"


def test_a_request_due_after_the_agreement_s_end_is_discharged(check: Check) -> None:
    report = check("2027-01-20", statistics_requests=[{"id": "req1", "date": "2026-12-15"}])
    assert report.agreement.last_day == day("2026-12-31")
    assert finding(report, "statistics/req1").status == "discharged"


def test_reasoning_shows_request_plus_days(agreement: Any) -> None:
    from iop_rules.evaluate import context_for

    from ..conftest import make_facts

    ctx = context_for(agreement, make_facts(statistics_requests=REQUEST), as_of=day("2026-03-02"), settings={"I7": 14})
    (candidate,) = statistics.evaluate(ctx)
    text = " ".join(en for _, en in candidate.step_pairs())
    assert "Request 2026-03-01 + 14 days = 2026-03-15 (I7)" in text
    assert "→ 2026-03-16 (I2)" in text
