"""§4 Tid för överenskommelsen: term, mid-term evaluation, renegotiation cutoff, automatic end, notice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from iop_rules import evaluate, load_agreement, load_facts, parse_facts
from iop_rules.catalogue import Msg
from iop_rules.clauses import term
from iop_rules.evaluate import context_for
from iop_rules.explain import explain

from ..conftest import EXAMPLE, Check, day, finding, make_facts
from .contract import ClauseContract


class TestTermContract(ClauseContract):
    clause = term.CLAUSE


def compensation(signed_city: str, signed_fa: str, **extra: Any) -> dict[str, Any]:
    """A written amendment agreeing the 2027–2028 grants, signed on the given days."""
    return {
        "id": "amend-comp",
        "date": "2026-05-01",
        "in_writing": True,
        "signed_by_city": signed_city,
        "signed_by_fa": signed_fa,
        "changes": "Bidrag 2027 och 2028",
        "grants": {"2027": "210000.00", "2028": "210000.00"},
        **extra,
    }


# --- The example on 2026-11-30 (the "Done when") ---------------------------------------------------------


def test_example_on_2026_11_30_in_force_with_mid_term_status_and_renegotiation_first() -> None:
    report = evaluate(load_agreement(), load_facts(EXAMPLE), as_of=day("2026-11-30"))
    assert report.agreement.state == "in_force"
    mid = finding(report, "mid-term-evaluation")
    assert mid.due == day("2026-10-31")
    # Held 2026-11-17 with the review of the compensation: late under the default I1.
    assert mid.status == "fulfilled_late"
    assert report.upcoming[0].id == "renegotiation/2027-2028"
    first = report.upcoming[0]
    assert first.due == day("2026-12-31")
    assert first.severity == "critical"
    assert "upphör" in first.message.sv and "2026-12-31" in first.message.sv
    assert "ends without notice" in first.message.en


# --- Status of the agreement ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "state"),
    [("2024-12-31", "not_started"), ("2025-01-01", "in_force"), ("2025-01-02", "in_force")],
)
def test_term_start_boundary(check: Check, as_of: str, state: str) -> None:
    assert check(as_of).agreement.state == state


@pytest.mark.parametrize(
    ("as_of", "state", "reason"),
    [("2028-12-30", "in_force", None), ("2028-12-31", "in_force", None), ("2029-01-01", "ended", "expiry")],
)
def test_term_end_boundary_with_compensation_agreed(check: Check, as_of: str, state: str, reason: str | None) -> None:
    report = check(as_of, amendments=[compensation("2026-12-15", "2026-12-15")])
    assert report.agreement.state == state
    assert report.agreement.reason == reason
    assert report.agreement.last_day == day("2028-12-31")


@pytest.mark.parametrize(
    ("as_of", "state"),
    [("2026-12-30", "in_force"), ("2026-12-31", "in_force"), ("2027-01-01", "ended")],
)
def test_automatic_end_without_compensation_agreement(check: Check, as_of: str, state: str) -> None:
    report = check(as_of)
    assert report.agreement.state == state
    if state == "ended":
        assert report.agreement.reason == "no_compensation_agreement"
        assert report.agreement.last_day == day("2026-12-31")
        renegotiation = finding(report, "renegotiation/2027-2028")
        # A condition not met, with no party at fault: never violated, never among the breaches.
        assert renegotiation.status == "condition_not_met"
        assert renegotiation.id not in {f.id for f in report.breaches}
        assert "2026-12-31" in renegotiation.message.sv
        assert "Ingen part har brutit" in renegotiation.message.sv and "No party is at fault" in renegotiation.message.en
        assert "villkoret" in report.agreement.message.sv and "condition" in report.agreement.message.en


def test_compensation_signed_by_both_on_2026_12_15_keeps_it_in_force(check: Check) -> None:
    report = check("2027-01-01", amendments=[compensation("2026-12-15", "2026-12-10")])
    assert report.agreement.state == "in_force"
    assert report.agreement.last_day == day("2028-12-31")
    renegotiation = finding(report, "renegotiation/2027-2028")
    assert renegotiation.status == "fulfilled"


@pytest.mark.parametrize(
    ("last_signature", "state"),
    [("2026-12-30", "in_force"), ("2026-12-31", "in_force"), ("2027-01-01", "ended")],
)
def test_cutoff_boundary_of_the_last_signature(check: Check, last_signature: str, state: str) -> None:
    report = check("2027-01-02", amendments=[compensation(last_signature, "2026-12-01")])
    assert report.agreement.state == state


def test_compensation_signed_by_one_party_only_changes_nothing(check: Check) -> None:
    amendment = compensation("2026-12-15", "2026-12-15")
    amendment["signed_by_fa"] = None
    report = check("2027-01-01", amendments=[amendment])
    assert report.agreement.state == "ended"
    assert report.agreement.reason == "no_compensation_agreement"
    note = finding(report, "amendment/amend-comp")
    assert note.status == "noted" and note.party == "fa"


def test_signature_after_the_evaluation_day_is_not_yet_seen(check: Check) -> None:
    report = check("2026-12-14", amendments=[compensation("2026-12-15", "2026-12-01")])
    assert finding(report, "renegotiation/2027-2028").status == "due"
    assert finding(report, "amendment/amend-comp").message.en.startswith("Amendment amend-comp")
    assert "not valid" in finding(report, "amendment/amend-comp").message.en


def test_i14_alternative_continues_without_grant(check: Check) -> None:
    report = check("2027-01-01", settings={"I14": "continues_without_grant"})
    assert report.agreement.state == "in_force"
    assert report.agreement.last_day == day("2028-12-31")
    renegotiation = finding(report, "renegotiation/2027-2028")
    assert renegotiation.status == "condition_not_met"
    assert not report.breaches or renegotiation.id not in {f.id for f in report.breaches}
    assert "utan bidrag" in renegotiation.message.sv
    assert "I14" in renegotiation.settings


def test_renegotiation_is_upcoming_beyond_the_horizon_while_open(check: Check) -> None:
    report = check("2025-03-01")
    renegotiation = finding(report, "renegotiation/2027-2028")
    assert renegotiation.status == "pending"
    assert report.upcoming[0].id == "renegotiation/2027-2028"


def test_duties_after_an_automatic_end_are_discharged(agreement: Any) -> None:
    ctx = context_for(agreement, make_facts(), as_of=day("2027-01-01"))
    assert ctx.standing.last_day == day("2026-12-31")
    assert not ctx.is_discharged(day("2026-12-31"))
    assert ctx.is_discharged(day("2027-01-01"))
    # (The account of a grant year survives the end: tests/clauses/test_accounts.py.)
    report = evaluate(agreement, make_facts(), as_of=day("2027-06-01"))
    late = [f for f in report.obligations if f.due is not None and f.due > day("2026-12-31")]
    for item in late:
        assert item.status in ("discharged", "fulfilled", "fulfilled_late", "pending", "due", "violated")
    assert all(f.status == "discharged" for f in late if "account" not in f.id and "repayment" not in f.id)


# --- Mid-term evaluation (I1) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2026-08-31", "pending"), ("2026-09-01", "due"), ("2026-10-31", "due"), ("2026-11-01", "violated")],
)
def test_mid_term_due_boundary_default_i1(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, amendments=[compensation("2026-06-01", "2026-06-01")])
    mid = finding(report, "mid-term-evaluation")
    assert mid.due == day("2026-10-31")
    assert mid.status == status


@pytest.mark.parametrize(
    ("held", "status"),
    [("2026-10-30", "fulfilled"), ("2026-10-31", "fulfilled"), ("2026-11-01", "fulfilled_late")],
)
def test_mid_term_evaluation_held_around_the_deadline(check: Check, held: str, status: str) -> None:
    evaluations = [{"id": "ev", "date": held, "mid_term": True, "includes_compensation_review": True}]
    assert finding(check("2026-11-15", evaluations=evaluations), "mid-term-evaluation").status == status


def test_i1_alternative_moves_the_deadline_to_2026_12_31(check: Check) -> None:
    evaluations = [{"id": "ev", "date": "2026-11-17", "mid_term": True, "includes_compensation_review": True}]
    default = finding(check("2026-11-30", evaluations=evaluations), "mid-term-evaluation")
    alternative = finding(check("2026-11-30", settings={"I1": "bracket_date"}, evaluations=evaluations), "mid-term-evaluation")
    assert (default.due, default.status) == (day("2026-10-31"), "fulfilled_late")
    assert (alternative.due, alternative.status) == (day("2026-12-31"), "fulfilled")


@pytest.mark.parametrize(("as_of", "status"), [("2026-12-31", "due"), ("2027-01-01", "violated")])
def test_i1_alternative_boundary(check: Check, as_of: str, status: str) -> None:
    report = check(as_of, settings={"I1": "bracket_date"}, amendments=[compensation("2026-06-01", "2026-06-01")])
    assert finding(report, "mid-term-evaluation").status == status


def test_evaluation_without_compensation_review_does_not_fulfil(check: Check) -> None:
    evaluations = [{"id": "ev", "date": "2026-10-01", "mid_term": True, "includes_compensation_review": False}]
    mid = finding(check("2026-11-15", evaluations=evaluations), "mid-term-evaluation")
    assert mid.status == "violated"
    assert "översyn" in mid.message.sv and "ev" in {e.id for e in mid.evidence}


def test_mid_term_discharged_when_notice_ends_the_agreement_before(check: Check) -> None:
    notices = [{"id": "n1", "party": "fa", "date": "2025-06-15"}]
    assert finding(check("2026-11-30", termination_notices=notices), "mid-term-evaluation").status == "discharged"


# --- Notice (and I8) --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "state"),
    [("2026-06-14", "notice_given"), ("2026-06-15", "notice_given"), ("2026-06-16", "ended")],
)
def test_notice_2025_06_15_last_day_2026_06_15(check: Check, as_of: str, state: str) -> None:
    report = check(as_of, termination_notices=[{"id": "n1", "party": "city", "date": "2025-06-15"}])
    assert report.agreement.state == state
    assert report.agreement.last_day == day("2026-06-15")
    assert report.agreement.reason == "notice"
    assert "2026-06-15" in finding(report, "termination-notice/n1").message.sv


def test_notice_2028_03_01_is_capped_at_the_term_end(check: Check) -> None:
    facts: dict[str, Any] = {
        "amendments": [compensation("2026-12-15", "2026-12-15")],
        "termination_notices": [{"id": "n1", "party": "fa", "date": "2028-03-01"}],
    }
    report = check("2028-06-01", **facts)
    assert report.agreement.state == "notice_given"
    assert report.agreement.last_day == day("2028-12-31")
    note = finding(report, "termination-notice/n1")
    assert "avtalstiden slutar före uppsägningstiden" in note.message.sv
    assert check("2029-01-01", **facts).agreement.state == "ended"
    steps = explain(load_agreement(), parse_facts(facts), "termination-notice/n1", as_of=day("2028-06-01")).steps
    assert [(s.sv, s.en) for s in steps] == [
        ("2028-03-01 + 12 månader → 2029-03-01 (I8)", "2028-03-01 + 12 months → 2029-03-01 (I8)"),
        (
            "Uppsägningstiden går ut efter avtalstidens slut; sista dagen blir 2028-12-31",
            "The notice period runs past the end of the term; the last day is 2028-12-31",
        ),
    ]


def test_notice_after_the_end_has_no_effect(check: Check) -> None:
    report = check("2027-03-01", termination_notices=[{"id": "late", "party": "city", "date": "2027-02-01"}])
    assert report.agreement.reason == "no_compensation_agreement"
    note = finding(report, "termination-notice/late")
    assert note.status == "noted"
    assert "saknar verkan" in note.message.sv and "no effect" in note.message.en


def test_notice_on_the_last_day_still_has_effect(check: Check) -> None:
    report = check("2027-03-01", termination_notices=[{"id": "n", "party": "city", "date": "2026-12-31"}])
    assert "saknar verkan" not in finding(report, "termination-notice/n").message.sv
    assert report.agreement.last_day == day("2026-12-31")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("last_day_of_month", "2025-02-28"), ("first_day_of_next_month", "2025-03-01")],
)
def test_i8_notice_on_a_day_the_target_month_lacks(tmp_path: Any, setting: str, expected: str) -> None:
    # With the bundled 12 months, every such notice is capped at the term's end; a one-month notice period
    # shows the reading itself.
    from ..conftest import ROOT

    text = (ROOT / "agreement.toml").read_text(encoding="utf-8").replace("notice_months = 12", "notice_months = 1")
    path = tmp_path / "agreement.toml"
    path.write_text(text, encoding="utf-8")
    agreement = load_agreement(path)
    facts = make_facts(termination_notices=[{"id": "n", "party": "fa", "date": "2025-01-31"}])
    report = evaluate(agreement, facts, as_of=day("2025-02-10"), settings={"I8": setting})
    assert report.agreement.last_day == day(expected)


# --- Rights -----------------------------------------------------------------------------------------------------


def test_termination_rights_available_exercised_expired(check: Check) -> None:
    in_force = check("2026-01-01")
    assert finding(in_force, "termination-right/city").status == "available"
    assert finding(in_force, "termination-right/fa").status == "available"
    given = check("2026-01-01", termination_notices=[{"id": "n", "party": "fa", "date": "2025-12-01"}])
    assert finding(given, "termination-right/fa").status == "exercised"
    assert finding(given, "termination-right/city").status == "expired"
    ended = check("2027-01-01")
    assert finding(ended, "termination-right/city").status == "expired"


def test_mid_term_deadline_is_computed_from_agreement_data(agreement: Any) -> None:
    ctx = context_for(agreement, make_facts(), as_of=dt.date(2026, 1, 1))
    assert term.mid_term_due(ctx) == dt.date(2026, 10, 31)
    changed = agreement.model_copy(
        update={"term": agreement.term.model_copy(update={"evaluation_months_before_half": 3})}
    )
    assert term.mid_term_due(context_for(changed, make_facts(), as_of=dt.date(2026, 1, 1))) == dt.date(2026, 9, 30)


# --- Issue 9: §4 as a condition, the mid-term evaluation by its substance, "revidera den vid behov" -------------


@pytest.mark.parametrize(
    ("as_of", "status"), [("2026-12-30", "due"), ("2026-12-31", "due"), ("2027-01-01", "condition_not_met")]
)
def test_the_renegotiation_is_an_upcoming_action_then_a_condition_not_met(check: Check, as_of: str, status: str) -> None:
    report = check(as_of)
    renegotiation = finding(report, "renegotiation/2027-2028")
    assert renegotiation.status == status
    assert renegotiation.id not in {f.id for f in report.breaches}
    assert (renegotiation.id in {f.id for f in report.upcoming}) == (status == "due")


def test_the_end_for_no_compensation_agreement_never_decides_the_exit_status(check: Check) -> None:
    report = check("2027-01-02")
    assert report.agreement.state == "ended" and report.agreement.reason == "no_compensation_agreement"
    assert "renegotiation/2027-2028" not in {f.id for f in report.unremedied_breaches()}


def test_editing_the_cutoff_changes_every_message_that_names_it(agreement: Any, check: Check) -> None:
    """The automatic end's messages take the cutoff and the renegotiated years from agreement.toml."""
    term_data = agreement.term.model_copy(update={"renegotiation_cutoff": day("2026-11-30")})
    edited = agreement.model_copy(update={"term": term_data})
    report = evaluate(edited, make_facts(), as_of=day("2026-12-15"))
    assert report.agreement.last_day == day("2026-11-30")
    renegotiation = finding(report, "renegotiation/2027-2028")
    for text in (report.agreement.message.sv, report.agreement.message.en, renegotiation.message.sv, renegotiation.message.en):
        assert "2026-11-30" in text and "2026-12-31" not in text
    assert "2027 och 2028" in report.agreement.message.sv and "2027 and 2028" in report.agreement.message.en


def test_an_amendment_signed_after_the_effective_end_has_no_effect(check: Check) -> None:
    report = check("2027-02-01", amendments=[compensation("2027-01-10", "2026-12-01")])
    assert report.agreement.state == "ended"
    note = finding(report, "amendment/amend-comp")
    assert "ingen verkan" in note.message.sv and "no effect" in note.message.en
    assert "giltigt från" not in note.message.sv and "valid from" not in note.message.en


def test_an_amendment_signed_on_the_last_day_is_valid_from_then(check: Check) -> None:
    report = check("2027-02-01", amendments=[compensation("2026-12-31", "2026-12-01")])
    assert "valid from 2026-12-31" in finding(report, "amendment/amend-comp").message.en


def evaluation(day_: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"ev-{day_}", "date": day_, **extra}


@pytest.mark.parametrize(
    ("held", "status"),
    [("2026-10-30", "fulfilled"), ("2026-10-31", "fulfilled"), ("2026-11-01", "fulfilled_late"), ("2026-12-31", "fulfilled_late")],
)
def test_an_evaluation_with_the_review_is_the_mid_term_one_without_the_label(check: Check, held: str, status: str) -> None:
    report = check("2027-06-01", evaluations=[evaluation(held, includes_compensation_review=True)])
    assert finding(report, "mid-term-evaluation").status == status


def test_an_evaluation_with_the_review_outside_the_year_is_not_the_mid_term_one(check: Check) -> None:
    report = check("2026-11-01", evaluations=[evaluation("2025-12-31", includes_compensation_review=True)])
    assert finding(report, "mid-term-evaluation").status == "violated"


def test_an_evaluation_without_the_review_never_is(check: Check) -> None:
    report = check("2026-11-01", evaluations=[evaluation("2026-10-01", mid_term=True)])
    assert finding(report, "mid-term-evaluation").status == "violated"


REVISION = [evaluation("2026-10-01", includes_compensation_review=True, revision_needed=True)]


def revising(day_: str, signed: str) -> dict[str, Any]:
    return {"id": f"rev-{day_}", "date": day_, "in_writing": True, "signed_by_city": signed, "signed_by_fa": signed, "changes": "Revision"}


@pytest.mark.parametrize(
    ("drawn_up", "status"), [("2026-09-30", "open"), ("2026-10-01", "open"), ("2026-10-02", "fulfilled")]
)
def test_a_revision_found_needed_is_open_until_an_amendment_dated_after_it(check: Check, drawn_up: str, status: str) -> None:
    report = check("2026-11-01", evaluations=REVISION, amendments=[revising(drawn_up, "2026-10-20")])
    revision = finding(report, "revision/ev-2026-10-01")
    assert (revision.status, revision.party, revision.due) == (status, "both", None)
    assert "revidera den vid behov" in revision.quote


def test_no_revision_duty_without_an_evaluation_that_asks_for_one(check: Check) -> None:
    report = check("2026-11-01", evaluations=[evaluation("2026-10-01", includes_compensation_review=True)])
    assert not [f for f in report.obligations if f.id.startswith("revision/")]


def test_an_evaluation_that_finds_no_need_does_not_hide_a_later_one_that_does(check: Check) -> None:
    """Every evaluation that records a need is a duty, whatever the evaluations before it recorded."""
    report = check(
        "2026-11-01",
        evaluations=[
            evaluation("2026-03-01", revision_needed=False),
            evaluation("2026-10-01", includes_compensation_review=True, revision_needed=True),
        ],
    )
    assert [f.id for f in report.obligations if f.id.startswith("revision/")] == ["revision/ev-2026-10-01"]


def test_two_evaluations_that_each_find_a_need_are_two_duties(check: Check) -> None:
    report = check(
        "2026-11-01",
        evaluations=[
            evaluation("2026-03-01", revision_needed=True),
            evaluation("2026-10-01", includes_compensation_review=True, revision_needed=True),
        ],
        amendments=[revising("2026-05-01", "2026-05-10")],
    )
    first, second = finding(report, "revision/ev-2026-03-01"), finding(report, "revision/ev-2026-10-01")
    # The amendment of May revises what the March evaluation found, not what the October one found.
    assert (first.status, second.status) == ("fulfilled", "open")


def test_the_revision_is_the_first_amendment_in_effect_after_the_evaluation_and_only_it_is_evidence(check: Check) -> None:
    """Two amendments drawn up after the evaluation: the one that took effect first fulfils the duty, on its
    day, even when its id sorts last; only it is cited."""
    report = check(
        "2026-11-01",
        evaluations=REVISION,
        amendments=[
            {**revising("2026-10-05", "2026-10-25"), "id": "rev-a"},
            {**revising("2026-10-06", "2026-10-15"), "id": "rev-b"},
        ],
    )
    revision = finding(report, "revision/ev-2026-10-01")
    assert revision.status == "fulfilled"
    assert "rev-b" in revision.message.sv and "rev-a" not in revision.message.sv
    assert "2026-10-15" in revision.message.sv
    assert [e.id for e in revision.evidence if e.fact == "amendments"] == ["rev-b"]


@pytest.mark.parametrize(("as_of", "status"), [("2026-12-31", "open"), ("2027-01-01", "discharged"), ("2027-01-02", "discharged")])
def test_a_revision_still_open_when_the_agreement_ends_lapses_with_it(check: Check, as_of: str, status: str) -> None:
    """§4: with no agreement on compensation by 2026-12-31 the agreement ends; a revision nobody made by then is no
    longer owed (it is ``discharged``, not ``violated``), and its message names the last day in force."""
    report = check(as_of, evaluations=REVISION)
    revision = finding(report, "revision/ev-2026-10-01")
    assert revision.status == status
    if status == "discharged":
        assert report.agreement.state == "ended"
        assert "2026-12-31" in revision.message.sv and "2026-12-31" in revision.message.en


def test_a_revision_made_before_the_end_stays_fulfilled_after_it(check: Check) -> None:
    report = check("2027-01-02", evaluations=REVISION, amendments=[revising("2026-10-02", "2026-10-20")])
    assert finding(report, "revision/ev-2026-10-01").status == "fulfilled"


def test_the_example_history_on_2027_01_02_reports_the_end_and_no_renegotiation_breach() -> None:
    """The issue's "Done when": the example-like history without a compensation amendment, as of 2027-01-02."""
    report = evaluate(load_agreement(), load_facts(EXAMPLE), as_of=day("2027-01-02"))
    assert (report.agreement.state, report.agreement.reason, report.agreement.last_day) == (
        "ended",
        "no_compensation_agreement",
        day("2026-12-31"),
    )
    assert "2026-12-31" in report.agreement.message.sv and "Ingen part har brutit" in report.agreement.message.sv
    assert finding(report, "renegotiation/2027-2028").status == "condition_not_met"
    assert not [f for f in report.breaches if f.id.startswith("renegotiation/")]
    assert not [f for f in report.findings() if f.status == "violated" and f.section == "4"]


def test_the_cutoff_written_in_the_agreement_is_as_agreed(check: Check) -> None:
    found = finding(check("2027-01-01", amendments=[compensation("2026-12-15", "2026-12-10")]), "renegotiation/2027-2028")
    assert "som avtalat" in found.message.sv and "as agreed" in found.message.en
    assert "210 000,00 kr" in found.message.sv and "SEK 210,000.00" in found.message.en


# --- Notices, the renegotiation and the mid-term deadline on other agreements' data ---------------------------------


@pytest.mark.parametrize(
    ("notice_day", "as_of", "severity"),
    [("2025-06-15", "2025-07-01", "major"), ("2028-03-01", "2028-06-01", "major"), ("2029-02-01", "2029-03-01", "minor")],
)
def test_a_notice_that_ends_the_agreement_is_major_and_one_without_effect_minor(
    check: Check, notice_day: str, as_of: str, severity: str
) -> None:
    """Given in time (the last day follows from it), capped at the term's end, or given after the end (no effect)."""
    facts: dict[str, Any] = {
        "amendments": [compensation("2026-12-15", "2026-12-15")],
        "termination_notices": [{"id": "n1", "party": "fa", "date": notice_day}],
    }
    assert finding(check(as_of, **facts), "termination-notice/n1").severity == severity


def _term_changed(**changes: Any) -> Any:
    agreement = load_agreement()
    amounts = {y: a for y, a in agreement.grants.amounts.items() if y not in changes.get("renegotiated_grant_years", ())}
    term = agreement.term.model_copy(update=changes)
    return agreement.model_copy(update={"term": term, "grants": agreement.grants.model_copy(update={"amounts": amounts})})


@pytest.mark.parametrize(
    ("years", "expected"), [((2026, 2027, 2028), "renegotiation/2026-2028"), ((2028,), "renegotiation/2028-2028"), ((), "renegotiation")]
)
def test_the_renegotiation_is_named_by_its_first_and_last_year(years: tuple[int, ...], expected: str) -> None:
    other = _term_changed(renegotiated_grant_years=years)
    assert term.renegotiation(context_for(other, make_facts(), day("2026-06-01"), None, None)).id == expected


@pytest.mark.parametrize(("half", "due"), [("2026-12-31", "2026-10-31"), ("2026-04-29", "2026-02-27"), ("2026-05-30", "2026-03-30")])
def test_the_mid_term_deadline_is_two_months_before_half_the_term_has_passed(half: str, due: str) -> None:
    """Half the term passes at the end of ``half``; two months before that moment, when that month lacks the day,
    is the end of the month's last day (2026-04-30 less two months is 2026-02-28 00:00: due the day before)."""
    other = _term_changed(half_term_passes=day(half))
    ctx = context_for(other, make_facts(), day("2026-01-15"), None, None)
    assert term.mid_term_due(ctx) == day(due)


def test_an_amendment_lacking_both_signatures_is_cited_as_lacking_both(check: Check) -> None:
    unsigned = compensation("2026-06-01", "2026-06-01") | {"signed_by_city": None, "signed_by_fa": None}
    report = check("2026-11-01", amendments=[unsigned])
    evidence = finding(report, "renegotiation/2027-2028").evidence
    assert [e.detail for e in evidence] == ["not valid: lacks signed_by_city, signed_by_fa"]


def test_the_renegotiation_s_reasoning_names_each_amendment_on_the_grants_after_one_on_something_else() -> None:
    revision = {"id": "amend-0", "date": "2026-02-01", "in_writing": True, "signed_by_city": "2026-02-02", "signed_by_fa": "2026-02-02", "changes": "Kontaktpersoner"}
    facts = make_facts(amendments=[revision, compensation("2026-06-10", "2026-06-12")])
    ctx = context_for(load_agreement(), facts, day("2026-11-01"), None, None)
    steps = term.renegotiation(ctx).steps()
    assert [s.id for s in steps if isinstance(s, Msg)][-1:] == ["renegotiation.step.in_time"]


# --- The standing when several things end the agreement --------------------------------------------------------------


def test_the_compensation_agreement_is_the_first_in_effect_whatever_its_id(check: Check) -> None:
    first = compensation("2026-06-01", "2026-06-01", id="amend-b")
    later = compensation("2026-09-01", "2026-09-01", id="amend-a")
    report = check("2026-11-01", amendments=[first, later])
    renegotiation = finding(report, "renegotiation/2027-2028")
    assert renegotiation.status == "fulfilled"
    assert "amend-b" in renegotiation.message.sv and "2026-06-01" in renegotiation.message.sv


def test_a_notice_ending_the_agreement_with_the_automatic_end_leaves_the_automatic_end_as_the_reason(check: Check) -> None:
    """No compensation agreed by 2026-12-31 ends the agreement that day; a notice given 2026-06-01 would end it
    2027-06-01, capped at the same day: the agreement ends for want of a compensation agreement."""
    report = check("2027-01-02", termination_notices=[{"id": "n1", "party": "fa", "date": "2026-06-01"}])
    assert (report.agreement.state, report.agreement.reason, report.agreement.last_day) == (
        "ended",
        "no_compensation_agreement",
        day("2026-12-31"),
    )


def test_a_second_notice_does_not_move_the_end_the_first_set(check: Check) -> None:
    notices = [{"id": "n1", "party": "fa", "date": "2025-06-01"}, {"id": "n2", "party": "city", "date": "2025-09-01"}]
    report = check("2025-10-01", termination_notices=notices)
    assert (report.agreement.state, report.agreement.last_day) == ("notice_given", day("2026-06-01"))


def test_every_notice_given_after_the_end_is_reported_as_without_effect(check: Check) -> None:
    notices = [{"id": "n1", "party": "fa", "date": "2027-02-01"}, {"id": "n2", "party": "city", "date": "2027-03-01"}]
    report = check("2027-04-01", termination_notices=notices)
    assert [finding(report, f"termination-notice/{n}").message.id for n in ("n1", "n2")] == ["notice.no_effect"] * 2


@pytest.mark.parametrize(("given", "message"), [("2027-12-30", "notice.given"), ("2027-12-31", "notice.given"), ("2028-01-01", "notice.given.capped")])
def test_a_notice_whose_period_ends_on_the_term_s_last_day_is_not_capped(check: Check, given: str, message: str) -> None:
    facts: dict[str, Any] = {
        "amendments": [compensation("2026-12-15", "2026-12-15")],
        "termination_notices": [{"id": "n1", "party": "fa", "date": given}],
    }
    assert finding(check("2028-02-01", **facts), "termination-notice/n1").message.id == message
