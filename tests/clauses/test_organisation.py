"""§7 Organisation: "minst två gånger per termin", "närvara på dessa möten", the steering group "i anslutning
till" the working group's meetings and convened by fa, and principled decisions taken by the steering group.

Terms (I3) are calendar halves by default: spring 1 January–30 June, autumn 1 July–31 December.
"""

from __future__ import annotations

from typing import Any

import pytest

from iop_rules.cadence import _slug
from iop_rules.clauses import organisation

from ..conftest import Check, day, finding
from .contract import ClauseContract


class TestOrganisationContract(ClauseContract):
    clause = organisation.CLAUSE


def meeting(id: str, date: str, body: str = "working_group", convener: str = "fa", present: tuple[str, ...] = ("city", "fa")) -> dict[str, Any]:
    """A meeting record."""
    return {"id": id, "date": date, "body": body, "convener": convener, "present": list(present)}


def breach_ids(report: Any) -> set[str]:
    return {f.id for f in report.breaches}


# Notice on 2025-02-10 gives a last day of 2026-02-10: spring 2026 is cut short, autumn 2026 lies after the end.
NOTICE = [{"id": "n1", "party": "city", "date": "2025-02-10"}]


# --- Done when ---------------------------------------------------------------------------------------------------


def test_spring_2025_with_one_meeting_needs_one_more_by_30_june_then_is_a_breach_by_both(check: Check) -> None:
    meetings = [meeting("wg1", "2025-03-10")]
    on_the_day = check("2025-06-30", meetings=meetings)
    upcoming = {f.id: f for f in on_the_day.upcoming}
    assert "working-group/2025-spring" in upcoming
    assert "1 meeting still needed by 2025-06-30" in upcoming["working-group/2025-spring"].message.en
    assert "1 möte återstår senast 2025-06-30 (sista dagen i dag)" in upcoming["working-group/2025-spring"].message.sv
    assert "working-group/2025-spring" not in breach_ids(on_the_day)
    day_after = check("2025-07-01", meetings=meetings)
    broken = finding(day_after, "working-group/2025-spring")
    assert broken.status == "violated"
    assert broken.party == "both"
    assert "working-group/2025-spring" in breach_ids(day_after)
    assert "Held: 1 of 2; 1 missing" in broken.message.en


def test_the_day_before_the_term_closes_the_duty_is_due_not_broken(check: Check) -> None:
    report = check("2025-06-29", meetings=[meeting("wg1", "2025-03-10")])
    assert finding(report, "working-group/2025-spring").status == "due"


def test_during_the_term_the_count_is_upcoming_whatever_the_horizon(check: Check) -> None:
    report = check("2025-02-01", meetings=[])
    upcoming = {f.id: f for f in report.upcoming}
    assert "2 meetings still needed by 2025-06-30" in upcoming["working-group/2025-spring"].message.en
    # The next term is not yet running and lies beyond the horizon: not listed.
    assert "working-group/2025-autumn" not in upcoming
    assert finding(report, "working-group/2025-autumn").status == "pending"


def test_two_meetings_fulfil_the_term_on_the_second(check: Check) -> None:
    report = check("2025-07-01", meetings=[meeting("wg1", "2025-02-01"), meeting("wg2", "2025-06-30")])
    found = finding(report, "working-group/2025-spring")
    assert found.status == "fulfilled"
    assert "2025-06-30" in found.message.en
    assert "working-group/2025-spring" not in {f.id for f in report.upcoming}


@pytest.mark.parametrize(
    ("second", "spring", "autumn_held"),
    [("2025-06-30", "fulfilled", 0), ("2025-07-01", "violated", 1)],
)
def test_30_june_belongs_to_spring_and_1_july_to_autumn(check: Check, second: str, spring: str, autumn_held: int) -> None:
    report = check("2025-07-02", meetings=[meeting("wg1", "2025-02-01"), meeting("wg2", second)])
    assert finding(report, "working-group/2025-spring").status == spring
    autumn = finding(report, "working-group/2025-autumn")
    assert f"; {2 - autumn_held} meeting" in autumn.message.en


@pytest.mark.parametrize(("as_of", "status"), [("2025-12-31", "due"), ("2026-01-01", "violated")])
def test_autumn_closes_on_31_december(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, meetings=[meeting("wg1", "2025-09-01")])
    assert finding(report, "working-group/2025-autumn").status == status


def test_31_december_counts_for_autumn_and_1_january_for_the_next_spring(check: Check) -> None:
    meetings = [meeting("wg1", "2025-09-01"), meeting("wg2", "2025-12-31"), meeting("wg3", "2026-01-01")]
    report = check("2026-01-02", meetings=meetings)
    assert finding(report, "working-group/2025-autumn").status == "fulfilled"
    assert "; 1 meeting still needed" in finding(report, "working-group/2026-spring").message.en


# --- I4: which meetings count; absence is a breach under both readings --------------------------------------------


def test_i4_default_a_meeting_without_city_does_not_count_and_is_city_s_breach(check: Check) -> None:
    meetings = [meeting("wg1", "2025-02-01"), meeting("wg2", "2025-05-01", present=("fa",))]
    report = check("2025-07-01", meetings=meetings)
    term = finding(report, "working-group/2025-spring")
    assert term.status == "violated"
    assert "I4" in term.settings
    absent = finding(report, "working-group-attendance/wg2/city")
    assert (absent.status, absent.party, absent.due) == ("violated", "city", day("2025-05-01"))
    assert report.finding("working-group-attendance/wg2/fa") is None
    assert [e.detail for e in term.evidence] == ["present=city,fa; counts=true", "present=fa; counts=false (I4)"]
    assert [e.detail for e in absent.evidence] == ["present=fa"]


def test_a_working_group_meeting_nobody_attended_is_shown_as_such(check: Check) -> None:
    report = check("2025-07-01", meetings=[meeting("wg1", "2025-02-01", present=())])
    assert [e.detail for e in finding(report, "working-group-attendance/wg1/city").evidence] == ["present=-"]


def test_i4_either_present_the_meeting_counts_but_the_absence_is_still_a_breach(check: Check) -> None:
    meetings = [meeting("wg1", "2025-02-01"), meeting("wg2", "2025-05-01", present=("fa",))]
    report = check("2025-07-01", settings={"I4": "either_present"}, meetings=meetings)
    assert finding(report, "working-group/2025-spring").status == "fulfilled"
    assert finding(report, "working-group-attendance/wg2/city").status == "violated"


def test_a_meeting_with_nobody_present_counts_under_neither_reading(check: Check) -> None:
    meetings = [meeting("wg1", "2025-02-01"), meeting("wg2", "2025-05-01", present=())]
    report = check("2025-07-01", settings={"I4": "either_present"}, meetings=meetings)
    assert finding(report, "working-group/2025-spring").status == "violated"
    assert {"working-group-attendance/wg2/city", "working-group-attendance/wg2/fa"} <= breach_ids(report)


def test_absence_is_an_event_breach_on_the_meeting_day_only_once_it_happened(check: Check) -> None:
    meetings = [meeting("wg1", "2025-05-01", present=("city",))]
    assert check("2025-04-30", meetings=meetings).finding("working-group-attendance/wg1/fa") is None
    assert finding(check("2025-05-01", meetings=meetings), "working-group-attendance/wg1/fa").status == "violated"


# --- I3: configured terms ------------------------------------------------------------------------------------------


CONFIGURED = {"I3": "configured"}


@pytest.mark.parametrize(("second", "status"), [("2025-06-14", "fulfilled"), ("2025-06-15", "fulfilled"), ("2025-06-16", "violated")])
def test_i3_configured_spring_ends_15_june(check: Check, second: str, status: str) -> None:
    report = check("2025-08-01", settings=CONFIGURED, meetings=[meeting("wg1", "2025-02-01"), meeting("wg2", second)])
    found = finding(report, "working-group/2025-spring")
    assert found.status == status
    assert found.due == day("2025-06-15")
    assert "I3" in found.settings


def test_i3_configured_a_meeting_before_the_term_starts_does_not_count(check: Check) -> None:
    meetings = [meeting("wg1", "2025-01-14"), meeting("wg2", "2025-03-01")]
    report = check("2025-06-16", settings=CONFIGURED, meetings=meetings)
    assert finding(report, "working-group/2025-spring").status == "violated"
    with_start = check("2025-06-16", settings=CONFIGURED, meetings=[meeting("wg1", "2025-01-15"), meeting("wg2", "2025-03-01")])
    assert finding(with_start, "working-group/2025-spring").status == "fulfilled"


def test_i3_configured_only_the_configured_terms_exist(check: Check) -> None:
    report = check("2025-08-01", settings=CONFIGURED)
    ids = {f.id for f in report.findings() if f.id.startswith("working-group/")}
    assert ids == {"working-group/2025-spring", "working-group/2025-autumn"}
    default = check("2025-08-01")
    assert "working-group/2028-autumn" in {f.id for f in default.findings()}


@pytest.mark.parametrize(
    ("name", "key"),
    [("2025 autumn", "2025-autumn"), ("HT 2025 – del 1", "ht-2025-del-1"), ("vår  2026", "v-r-2026"), ("(2027)", "2027")],
)
def test_i3_configured_a_term_s_name_becomes_its_id_part_in_lower_case_with_single_dashes(name: str, key: str) -> None:
    # The id part of a configured term (working-group/{key}): a stable id, so runs of other characters, spaces
    # and non-ASCII letters alike, become one dash, none at either end.
    assert _slug(name) == key


# --- I9: terms the agreement covers only in part ------------------------------------------------------------------


def test_i9_default_a_term_cut_short_by_notice_is_not_required(check: Check) -> None:
    report = check("2026-07-01", termination_notices=NOTICE)
    spring = finding(report, "working-group/2026-spring")
    assert spring.status == "discharged"
    assert "I9" in spring.settings
    assert "not required" in spring.message.en
    assert "working-group/2026-spring" not in breach_ids(report)


def test_a_term_wholly_after_the_end_is_discharged(check: Check) -> None:
    for settings in ({}, {"I9": "proportional"}):
        report = check("2026-12-31", settings=settings, termination_notices=NOTICE)
        assert finding(report, "working-group/2026-autumn").status == "discharged"
        assert finding(report, "working-group/2027-spring").status == "discharged"


@pytest.mark.parametrize(("as_of", "status"), [("2026-02-09", "due"), ("2026-02-10", "due"), ("2026-02-11", "violated")])
def test_i9_proportional_a_term_cut_short_needs_its_share_by_the_last_day(check: Check, as_of: str, status: str) -> None:
    # 2026-01-01..2026-02-10 is 41 of the spring term's 181 days: 2 × 41/181 rounded up = 1, by 2026-02-10.
    report = check(as_of, settings={"I9": "proportional"}, termination_notices=NOTICE)
    spring = finding(report, "working-group/2026-spring")
    assert (spring.status, spring.due) == (status, day("2026-02-10"))
    assert "I9" in spring.settings
    if status == "due":
        assert "1 meeting still needed by 2026-02-10" in spring.message.en


def test_i9_proportional_one_meeting_fulfils_the_shortened_term(check: Check) -> None:
    report = check("2026-02-11", settings={"I9": "proportional"}, termination_notices=NOTICE, meetings=[meeting("wg1", "2026-02-01")])
    assert finding(report, "working-group/2026-spring").status == "fulfilled"


def test_i9_proportional_a_meeting_after_the_end_does_not_count(check: Check) -> None:
    report = check("2026-02-20", settings={"I9": "proportional"}, termination_notices=NOTICE, meetings=[meeting("wg1", "2026-02-11")])
    assert finding(report, "working-group/2026-spring").status == "violated"


def test_before_the_notice_is_known_the_term_asks_the_full_count(check: Check) -> None:
    report = check("2025-02-09", termination_notices=NOTICE)
    assert "2 meetings still needed by 2026-06-30" in finding(report, "working-group/2026-spring").message.en


def test_automatic_end_discharges_every_later_term(check: Check) -> None:
    report = check("2027-01-01")
    assert report.agreement.last_day == day("2026-12-31")
    assert finding(report, "working-group/2027-spring").status == "discharged"
    assert finding(report, "working-group/2026-autumn").status == "violated"


# --- I5: the steering group ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("steering", "status"), [("2025-07-03", "fulfilled"), ("2025-07-04", "fulfilled"), ("2025-07-05", "violated")])
def test_i5_default_one_steering_meeting_within_14_days_after_a_working_group_meeting_of_the_term(
    check: Check, steering: str, status: str
) -> None:
    meetings = [meeting("wg1", "2025-06-20"), meeting("sg1", steering, body="steering_group")]
    report = check("2025-07-15", meetings=meetings)
    found = finding(report, "steering-group/2025-spring")
    assert (found.status, found.party, found.due) == (status, "fa", day("2025-07-14"))
    assert "I5" in found.settings


@pytest.mark.parametrize(("as_of", "status"), [("2025-07-13", "due"), ("2025-07-14", "due"), ("2025-07-15", "violated")])
def test_i5_default_the_steering_duty_closes_14_days_after_the_term(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, meetings=[meeting("wg1", "2025-06-20")])
    assert finding(report, "steering-group/2025-spring").status == status


@pytest.mark.parametrize(("steering", "status"), [("2026-12-31", "fulfilled"), ("2027-01-02", "violated")])
def test_i5_default_the_steering_duty_closes_with_the_agreement(check: Check, steering: str, status: str) -> None:
    # Without a compensation agreement the last day is 2026-12-31 (§4, I14): a steering meeting after it is none.
    meetings = [meeting("wg1", "2026-12-20"), meeting("sg1", steering, body="steering_group")]
    report = check("2027-01-15", meetings=meetings)
    found = finding(report, "steering-group/2026-autumn")
    assert (found.status, found.due) == (status, day("2026-12-31"))


def test_i5_default_a_steering_meeting_before_any_working_group_meeting_does_not_count(check: Check) -> None:
    meetings = [meeting("sg1", "2025-03-01", body="steering_group"), meeting("wg1", "2025-03-02")]
    assert finding(check("2025-07-15", meetings=meetings), "steering-group/2025-spring").status == "violated"


def test_i5_after_every_meeting_each_working_group_meeting_needs_its_own(check: Check) -> None:
    meetings = [
        meeting("wg1", "2025-02-01"),
        meeting("sg1", "2025-02-10", body="steering_group"),
        meeting("wg2", "2025-05-01"),
    ]
    settings = {"I5": "after_every_meeting"}
    report = check("2025-05-16", settings=settings, meetings=meetings)
    assert finding(report, "steering-group-after/wg1").status == "fulfilled"
    second = finding(report, "steering-group-after/wg2")
    assert (second.status, second.due, second.party) == ("violated", day("2025-05-15"), "fa")
    assert report.finding("steering-group/2025-spring") is None
    # The default reading is satisfied by the one steering meeting of the term.
    default = check("2025-07-15", meetings=meetings)
    assert finding(default, "steering-group/2025-spring").status == "fulfilled"
    assert default.finding("steering-group-after/wg2") is None


@pytest.mark.parametrize(("as_of", "status"), [("2025-02-14", "due"), ("2025-02-15", "due"), ("2025-02-16", "violated")])
def test_i5_after_every_meeting_boundary(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, settings={"I5": "after_every_meeting"}, meetings=[meeting("wg1", "2025-02-01")])
    assert finding(report, "steering-group-after/wg1").status == status


@pytest.mark.parametrize("convener", ["city", "other"])
def test_a_steering_meeting_convened_by_anyone_but_fa_is_fa_s_breach(check: Check, convener: str) -> None:
    meetings = [meeting("wg1", "2025-02-01"), meeting("sg1", "2025-02-05", body="steering_group", convener=convener)]
    report = check("2025-02-05", meetings=meetings)
    found = finding(report, "steering-group-convener/sg1")
    assert (found.status, found.party) == ("violated", "fa")
    # It was held, so it still counts for the term.
    assert finding(check("2025-07-15", meetings=meetings), "steering-group/2025-spring").status == "fulfilled"


def test_a_steering_meeting_convened_by_fa_is_no_breach(check: Check) -> None:
    report = check("2025-02-05", meetings=[meeting("sg1", "2025-02-05", body="steering_group", convener="fa")])
    assert report.finding("steering-group-convener/sg1") is None


# --- Principled decisions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["working_group", "network", "core_group", "other"])
def test_a_principled_decision_outside_the_steering_group_is_a_breach_by_both(check: Check, body: str) -> None:
    report = check("2025-09-20", principled_decisions=[{"id": "d1", "date": "2025-09-18", "body": body}])
    found = finding(report, "principled-decision/d1")
    assert (found.status, found.party, found.section) == ("violated", "both", "7")
    assert "styrgruppen" in found.quote


def test_a_principled_decision_by_the_steering_group_is_no_finding(check: Check) -> None:
    report = check("2025-09-20", principled_decisions=[{"id": "d1", "date": "2025-09-18", "body": "steering_group"}])
    assert report.finding("principled-decision/d1") is None


def test_reasoning_records_how_the_term_and_count_were_read(agreement: Any) -> None:
    from iop_rules.evaluate import context_for

    from ..conftest import make_facts

    ctx = context_for(agreement, make_facts(meetings=[meeting("wg1", "2025-03-10")]), as_of=day("2025-06-30"))
    found = next(c for c in organisation.evaluate(ctx) if c.id == "working-group/2025-spring")
    text = " ".join(en for _, en in found.step_pairs())
    assert "2025-01-01–2025-06-30" in text
    assert "when both parties are present (I4)" in text
    assert "1 more needed by 2025-06-30" in text
    assert all(sv and en for sv, en in found.step_pairs())


def test_a_working_group_meeting_before_the_agreement_does_not_hide_later_absences(check: Check) -> None:
    meetings = [meeting("wg0", "2024-12-15", present=("city",)), meeting("wg1", "2025-03-01", present=("city",))]
    report = check("2025-04-01", meetings=meetings)
    ids = {f.id for f in report.obligations if f.id.startswith("working-group-attendance/")}
    assert ids == {"working-group-attendance/wg1/fa"}


def test_i5_after_every_meeting_a_meeting_before_the_agreement_does_not_hide_later_ones(check: Check) -> None:
    report = check("2025-04-01", settings={"I5": "after_every_meeting"}, meetings=[meeting("wg0", "2024-12-15"), meeting("wg1", "2025-03-01")])
    ids = {f.id for f in report.obligations if f.id.startswith("steering-group-after/")}
    assert ids == {"steering-group-after/wg1"}


@pytest.mark.parametrize(("held", "status"), [("2026-01-26", "violated"), ("2026-01-27", "violated"), ("2026-01-28", "discharged")])
def test_i5_after_every_meeting_a_steering_meeting_due_after_the_agreement_s_end_is_not_owed(check: Check, held: str, status: str) -> None:
    """A notice given 2025-02-10 ends the agreement on 2026-02-10; a working-group meeting on 2026-01-27 asks for a
    steering meeting by 2026-02-10, the last day; one on 2026-01-28 by 2026-02-11, after the end: discharged."""
    report = check("2026-03-01", settings={"I5": "after_every_meeting"}, termination_notices=NOTICE, meetings=[meeting("wg1", held)])
    assert report.agreement.last_day == day("2026-02-10")
    assert finding(report, "steering-group-after/wg1").status == status


@pytest.mark.parametrize(("convener", "sv", "en"), [("city", "sammankallades av staden,", "convened by the city,"), ("other", "sammankallades av någon annan,", "convened by someone else,")])
def test_the_convener_breach_names_who_convened(check: Check, convener: str, sv: str, en: str) -> None:
    meetings = [meeting("wg1", "2025-02-01"), meeting("sg1", "2025-02-05", body="steering_group", convener=convener)]
    found = finding(check("2025-02-06", meetings=meetings), "steering-group-convener/sg1")
    assert sv in found.message.sv and en in found.message.en


def test_a_decision_the_steering_group_took_does_not_hide_a_later_one_taken_elsewhere(check: Check) -> None:
    decisions = [{"id": "d0", "date": "2025-09-01", "body": "steering_group"}, {"id": "d1", "date": "2025-09-18", "body": "working_group"}]
    report = check("2025-09-20", principled_decisions=decisions)
    assert report.finding("principled-decision/d0") is None
    assert finding(report, "principled-decision/d1").status == "violated"


def test_only_the_working_group_s_count_is_listed_among_upcoming_actions_all_term(check: Check) -> None:
    """§5's working-group count is upcoming from its term's first day whatever the horizon; the other counts
    (follow-ups, internet outreach, the steering group) only when due within the horizon."""
    report = check("2026-03-01", horizon_days=30)
    upcoming = {f.id for f in report.upcoming}
    assert "working-group/2026-spring" in upcoming
    others = ("follow-up/2026", "internet-outreach/2026-spring", "steering-group/2026-spring")
    assert [finding(report, i).status for i in others] == ["pending"] * 3
    assert not upcoming & set(others)


def test_a_term_the_agreement_covers_from_its_start_begins_on_the_start_day(agreement: Any) -> None:
    """A term starting on 1 March: the spring term's duty covers 1 March to 30 June (the HTML report draws it so)."""
    from iop_rules.evaluate import candidates, context_for

    from ..conftest import make_facts

    moved = agreement.model_copy(update={"term": agreement.term.model_copy(update={"start": day("2025-03-01")})})
    ctx = context_for(moved, make_facts(), day("2025-04-01"), None, {"I9": "proportional"})
    spring = next(c for c in candidates(ctx) if c.id == "working-group/2025-spring")
    assert (spring.period_start, spring.due) == (day("2025-03-01"), day("2025-06-30"))
