"""§8 "följas upp av parterna två gånger per år" (I11) and "Utvärdering av avtalet ska göras årligen" (I12)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from iop_rules import Agreement, evaluate
from iop_rules.clauses import follow_up

from ..conftest import Check, day, finding, make_facts
from .contract import ClauseContract


class TestFollowUpContract(ClauseContract):
    clause = follow_up.CLAUSE


def fu(*dates: str) -> list[dict[str, Any]]:
    return [{"id": f"fu-{n}", "date": d} for n, d in enumerate(dates)]


def ev(date: str, id: str = "ev1", mid_term: bool = False) -> dict[str, Any]:
    return {"id": id, "date": date, "mid_term": mid_term, "includes_compensation_review": mid_term}


# --- Follow-ups: calendar year (I11 default) ----------------------------------------------------------------------


@pytest.mark.parametrize(("as_of", "status"), [("2025-12-30", "due"), ("2025-12-31", "due"), ("2026-01-01", "violated")])
def test_one_follow_up_in_2025_is_a_breach_by_both_only_after_31_december(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, follow_ups=fu("2025-05-20"))
    found = finding(report, "follow-up/2025")
    assert (found.status, found.party, found.due) == (status, "both", day("2025-12-31"))
    if status == "due":
        assert "1 follow-up still needed by 2025-12-31" in found.message.en
        assert found.id not in {f.id for f in report.breaches}
    else:
        assert found.id in {f.id for f in report.breaches}


@pytest.mark.parametrize(("second", "y2025", "y2026_missing"), [("2025-12-31", "fulfilled", 2), ("2026-01-01", "violated", 1)])
def test_31_december_counts_for_its_year_and_1_january_for_the_next(
    check: Check, second: str, y2025: str, y2026_missing: int
) -> None:
    report = check("2026-01-02", follow_ups=fu("2025-05-20", second))
    assert finding(report, "follow-up/2025").status == y2025
    assert f"; {y2026_missing} follow-up" in finding(report, "follow-up/2026").message.en


def test_follow_ups_on_30_june_and_1_july_both_count_for_the_year(check: Check) -> None:
    report = check("2026-01-01", follow_ups=fu("2025-06-30", "2025-07-01"))
    assert finding(report, "follow-up/2025").status == "fulfilled"


# --- I11 both ways -------------------------------------------------------------------------------------------------


def shifted(agreement: Agreement, start: dt.date) -> Agreement:
    """The agreement with another start date, so that the two readings of I11 give different years."""
    return agreement.model_copy(update={"term": agreement.term.model_copy(update={"start": start})})


def test_i11_on_this_agreement_both_readings_give_the_same_years(check: Check) -> None:
    default = check("2026-01-01", follow_ups=fu("2025-05-20"))
    twelve = check("2026-01-01", settings={"I11": "twelve_months_from_start"}, follow_ups=fu("2025-05-20"))
    first = finding(twelve, "follow-up/agreement-year-1")
    assert (first.status, first.due) == ("violated", day("2025-12-31"))
    assert finding(default, "follow-up/2025").status == "violated"
    assert twelve.finding("follow-up/2025") is None
    assert "I11" in first.settings


def test_i11_twelve_months_from_a_march_start(agreement: Agreement) -> None:
    moved = shifted(agreement, dt.date(2025, 3, 1))
    facts = make_facts(follow_ups=fu("2025-05-20", "2026-02-15"))
    twelve = evaluate(moved, facts, as_of=dt.date(2026, 3, 1), settings={"I11": "twelve_months_from_start"})
    year_one = finding(twelve, "follow-up/agreement-year-1")
    assert (year_one.status, year_one.due) == ("fulfilled", day("2026-02-28"))
    calendar = evaluate(moved, facts, as_of=dt.date(2026, 3, 1))
    # 2025 is covered from 1 March only: under I9's default nothing is required of it.
    assert finding(calendar, "follow-up/2025").status == "discharged"
    assert "; 1 follow-up still needed" in finding(calendar, "follow-up/2026").message.en


@pytest.mark.parametrize(("as_of", "status"), [("2026-02-27", "due"), ("2026-02-28", "due"), ("2026-03-01", "violated")])
def test_i11_twelve_months_boundary(agreement: Agreement, as_of: str, status: str) -> None:
    moved = shifted(agreement, dt.date(2025, 3, 1))
    report = evaluate(moved, make_facts(follow_ups=fu("2025-05-20")), as_of=day(as_of), settings={"I11": "twelve_months_from_start"})
    assert finding(report, "follow-up/agreement-year-1").status == status


def test_i9_proportional_a_partial_first_year_needs_its_share(agreement: Agreement) -> None:
    moved = shifted(agreement, dt.date(2025, 3, 1))
    # 2025-03-01..2025-12-31 is 306 of 365 days: 2 × 306/365 rounded up = 2.
    report = evaluate(moved, make_facts(follow_ups=fu("2025-05-20")), as_of=dt.date(2026, 1, 1), settings={"I9": "proportional"})
    found = finding(report, "follow-up/2025")
    assert found.status == "violated"
    assert "I9" in found.settings


# --- I9 at the end: notice cuts 2026 short -----------------------------------------------------------------------

NOTICE = [{"id": "n1", "party": "fa", "date": "2025-02-10"}]


def test_i9_default_a_year_cut_short_is_not_required(check: Check) -> None:
    report = check("2026-12-31", termination_notices=NOTICE, follow_ups=fu())
    assert finding(report, "follow-up/2026").status == "discharged"
    assert finding(report, "evaluation/2026").status == "discharged"
    assert finding(report, "follow-up/2027").status == "discharged"


@pytest.mark.parametrize(("as_of", "status"), [("2026-02-10", "due"), ("2026-02-11", "violated")])
def test_i9_proportional_a_year_cut_short_needs_its_share_by_the_last_day(check: Check, as_of: str, status: str) -> None:
    # 2026-01-01..2026-02-10 is 41 of 365 days: 2 × 41/365 rounded up = 1.
    report = check(as_of, settings={"I9": "proportional"}, termination_notices=NOTICE)
    found = finding(report, "follow-up/2026")
    assert (found.status, found.due) == (status, day("2026-02-10"))
    with_one = check(as_of, settings={"I9": "proportional"}, termination_notices=NOTICE, follow_ups=fu("2026-01-20"))
    assert finding(with_one, "follow-up/2026").status == "fulfilled"


# --- Annual evaluation and I12 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("as_of", "status"), [("2025-12-31", "due"), ("2026-01-01", "violated")])
def test_a_year_without_evaluation_is_a_breach_after_31_december(check: Check, as_of: str, status: str) -> None:
    assert finding(check(as_of), "evaluation/2025").status == status


@pytest.mark.parametrize(("held", "status"), [("2025-12-31", "fulfilled"), ("2026-01-01", "violated")])
def test_an_evaluation_on_1_january_counts_for_the_new_year(check: Check, held: str, status: str) -> None:
    assert finding(check("2026-01-02", evaluations=[ev(held)]), "evaluation/2025").status == status


def test_i12_default_the_mid_term_evaluation_counts_for_2026(check: Check) -> None:
    report = check("2026-12-31", evaluations=[ev("2026-10-15", mid_term=True)])
    found = finding(report, "evaluation/2026")
    assert found.status == "fulfilled"
    assert "I12" in found.settings


@pytest.mark.parametrize(("as_of", "status"), [("2026-12-31", "due"), ("2027-01-01", "violated")])
def test_i12_does_not_count_2026_needs_its_own_evaluation(check: Check, as_of: str, status: str) -> None:
    settings = {"I12": "does_not_count"}
    report = check(as_of, settings=settings, evaluations=[ev("2026-10-15", mid_term=True)])
    found = finding(report, "evaluation/2026")
    assert found.status == status
    assert "I12" in found.settings
    both = check(as_of, settings=settings, evaluations=[ev("2026-10-15", mid_term=True), ev("2026-12-01", id="ev2")])
    assert finding(both, "evaluation/2026").status == "fulfilled"


@pytest.mark.parametrize(
    ("setting", "step"),
    [("calendar_year", "follow_up.step.calendar_year"), ("twelve_months_from_start", "follow_up.step.agreement_year")],
)
def test_the_reasoning_says_which_year_i11_counts_in(agreement: Agreement, setting: str, step: str) -> None:
    from iop_rules.evaluate import context_for

    ctx = context_for(agreement, make_facts(follow_ups=fu("2025-05-20")), day("2026-01-01"), None, {"I11": setting})
    candidate = follow_up.follow_ups(ctx)[0]
    ids = [s.id for s in candidate.steps()]
    other = ({"follow_up.step.calendar_year", "follow_up.step.agreement_year"} - {step}).pop()
    assert step in ids and other not in ids


@pytest.mark.parametrize(("end", "years"), [("2027-12-31", 3), ("2028-01-01", 4), ("2028-01-02", 4)])
def test_a_term_ending_on_an_anniversary_of_its_start_has_an_agreement_year_beginning_that_day(
    agreement: Agreement, end: str, years: int
) -> None:
    """Under I11's twelve months from the start, an agreement year begins on each anniversary while the agreement
    is in force, its last day included."""
    from iop_rules.cadence import follow_up_years
    from iop_rules.evaluate import context_for

    other = agreement.model_copy(update={"term": agreement.term.model_copy(update={"end": day(end), "half_term_passes": day("2026-06-30"), "renegotiation_cutoff": day("2026-06-30")})})
    ctx = context_for(other, make_facts(), day("2025-06-01"), None, {"I11": "twelve_months_from_start"})
    spans = follow_up_years(ctx)
    assert len(spans) == years
    assert spans[-1].period.start == day("2025-01-01").replace(year=2025 + years - 1)


@pytest.mark.parametrize(
    ("setting", "detail", "step"),
    [
        ("counts", "mid_term=true; counts=true", "evaluation.step.mid_term_counts"),
        ("does_not_count", "mid_term=true; counts=false (I12)", "evaluation.step.mid_term_does_not_count"),
    ],
)
def test_the_evidence_and_reasoning_say_whether_the_mid_term_evaluation_counted(
    agreement: Agreement, setting: str, detail: str, step: str
) -> None:
    from iop_rules.evaluate import context_for

    ctx = context_for(agreement, make_facts(evaluations=[ev("2026-10-15", mid_term=True)]), day("2026-12-31"), None, {"I12": setting})
    candidate = next(c for c in follow_up.evaluations(ctx) if c.id == "evaluation/2026")
    assert [e.detail for e in candidate.evidence] == [detail]
    assert step in [s.id for s in candidate.steps()]
