"""The interpretation register I1–I16 is live: each reading is a setting in agreement.toml, can be overridden for
one evaluation (API ``settings=`` and CLI ``--set``), bad values are refused, and each setting changes the findings
it governs, shown under its default and its alternative. ``--compare-interpretations`` lists those changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from iop_rules import Agreement, InputError, evaluate, load_facts
from iop_rules.agreement import INTERPRETATION_IDS, alternatives
from iop_rules.cli import main
from iop_rules.compare import compare_interpretations
from iop_rules.presentation.comparison_text import render_comparison

from .conftest import EXAMPLE, SIGNED, Check, day, finding, make_facts

DEFAULTS = {
    "I1": "two_months_before_half",
    "I2": "next_business_day",
    "I3": "calendar_halves",
    "I4": "both_present",
    "I5": "once_per_term",
    "I6": "march_31_next_year",
    "I7": 30,
    "I8": "last_day_of_month",
    "I9": "not_required",
    "I10": 1,
    "I11": "calendar_year",
    "I12": "counts",
    "I13": 60,
    "I14": "ends",
    "I15": "neither",
    "I16": "twelve_months",
}


COMPENSATION = {
    "id": "grant-2027-2028",
    "date": "2026-11-05",
    "in_writing": True,
    "signed_by_city": "2026-11-20",
    "signed_by_fa": "2026-11-12",
    "changes": "Bidrag 2027 och 2028",
    "grants": {"2027": "210000.00", "2028": "215000.00"},
}


def meeting(mid: str, date: str, body: str = "working_group", convener: str = "fa", present: tuple[str, ...] = ("city", "fa")) -> dict[str, Any]:
    return {"id": mid, "date": date, "body": body, "convener": convener, "present": list(present)}


def write_facts(tmp_path: Path, **collections: Any) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({**SIGNED, **collections}), encoding="utf-8")
    return path


# --- the register is data, overridable, and checked -----------------------------------------------------------


def test_every_setting_is_in_agreement_toml_with_the_registers_default(agreement: Agreement) -> None:
    assert tuple(agreement.interpretations) == INTERPRETATION_IDS
    for key, default in DEFAULTS.items():
        entry = agreement.interpretations[key]
        assert entry.default == default and entry.setting == default, key
        assert entry.question and entry.readings, key
    assert agreement.settings().as_dict() == DEFAULTS


@pytest.mark.parametrize("key", INTERPRETATION_IDS)
def test_each_alternative_can_be_set_for_one_evaluation_through_the_api(key: str, agreement: Agreement) -> None:
    facts = make_facts()
    for value in alternatives(key):
        report = evaluate(agreement, facts, as_of=day("2026-11-30"), settings={key: value})
        assert report.settings[key] == value
        assert {k: v for k, v in report.settings.items() if k != key} == {k: v for k, v in DEFAULTS.items() if k != key}
    # The override lasts one evaluation: the next one uses the register again.
    assert evaluate(agreement, facts, as_of=day("2026-11-30")).settings[key] == DEFAULTS[key]


@pytest.mark.parametrize("key", INTERPRETATION_IDS)
def test_each_alternative_can_be_set_on_the_command_line(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    value = alternatives(key)[0]
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--format", "json", "--set", f"{key}={value}"])
    assert code in (0, 1)
    assert json.loads(capsys.readouterr().out)["settings"][key] == value


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("I1", "halfway"),
        ("I2", "previous_day"),
        ("I3", "semesters"),
        ("I4", "nobody"),
        ("I5", "never"),
        ("I6", "june_30"),
        ("I7", "-1"),
        ("I7", "thirty"),
        ("I8", "nearest"),
        ("I9", "always"),
        ("I10", "101"),
        ("I11", "fiscal_year"),
        ("I12", "maybe"),
        ("I13", "3651"),
        ("I14", "renegotiate"),
        ("I15", "anything"),
    ],
)
def test_a_bad_value_is_an_input_error_and_exit_2(key: str, value: str, agreement: Agreement, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError, match=key):
        evaluate(agreement, make_facts(), as_of=day("2026-11-30"), settings={key: value})
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--set", f"{key}={value}"])
    assert code == 2
    captured = capsys.readouterr()
    assert key in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_a_set_without_a_value_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(EXAMPLE), "--set", "I1"])
    assert exit_info.value.code == 2
    assert "ID=" in capsys.readouterr().err


# --- each setting under its default and its alternative -------------------------------------------------------


def test_i1_mid_term_evaluation_due_31_october_or_31_december(check: Check) -> None:
    held = {"evaluations": [{"id": "mid", "date": "2026-11-17", "mid_term": True, "includes_compensation_review": True}]}
    default = finding(check("2026-11-30", **held), "mid-term-evaluation")
    alternative = finding(check("2026-11-30", settings={"I1": "bracket_date"}, **held), "mid-term-evaluation")
    assert (default.due, default.status) == (day("2026-10-31"), "fulfilled_late")
    assert (alternative.due, alternative.status) == (day("2026-12-31"), "fulfilled")


@pytest.mark.parametrize(
    ("held", "default_status", "alternative_status"),
    [("2026-10-30", "fulfilled", "fulfilled"), ("2026-10-31", "fulfilled", "fulfilled"), ("2026-11-01", "fulfilled_late", "fulfilled")],
)
def test_i1_boundary_around_31_october(held: str, default_status: str, alternative_status: str, check: Check) -> None:
    facts = {"evaluations": [{"id": "mid", "date": held, "mid_term": True, "includes_compensation_review": True}]}
    assert finding(check("2027-01-15", **facts), "mid-term-evaluation").status == default_status
    assert finding(check("2027-01-15", settings={"I1": "bracket_date"}, **facts), "mid-term-evaluation").status == alternative_status


def test_i2_grant_paid_monday_2_february_2026_on_time_or_late(check: Check) -> None:
    paid = {"grant_payments": [{"id": "gp", "grant_year": 2026, "date": "2026-02-02", "amount": "200000.00"}]}
    default = finding(check("2026-03-01", **paid), "grant-payment/2026")
    alternative = finding(check("2026-03-01", settings={"I2": "no_move"}, **paid), "grant-payment/2026")
    assert (default.due, default.status) == (day("2026-02-02"), "fulfilled")
    assert (alternative.due, alternative.status) == (day("2026-01-31"), "fulfilled_late")


def test_i3_configured_terms_move_the_working_groups_deadline(check: Check) -> None:
    default = finding(check("2025-07-15"), "working-group/2025-spring")
    alternative = finding(check("2025-07-15", settings={"I3": "configured"}), "working-group/2025-spring")
    assert default.due == day("2025-06-30")
    assert alternative.due == day("2025-06-15")


def test_i3_a_meeting_between_the_configured_terms_does_not_count(check: Check) -> None:
    # 20 June 2025 is in the calendar spring term but after the configured spring term (15 Jan – 15 Jun).
    held = {"meetings": [meeting("wg1", "2025-03-01"), meeting("wg2", "2025-06-20")]}
    assert finding(check("2025-07-15", **held), "working-group/2025-spring").status == "fulfilled"
    assert finding(check("2025-07-15", settings={"I3": "configured"}, **held), "working-group/2025-spring").status == "violated"


def test_i4_a_meeting_without_city_counts_only_under_either_present(check: Check) -> None:
    held = {"meetings": [meeting("wg1", "2025-02-11"), meeting("wg2", "2025-05-13", present=("fa",))]}
    assert finding(check("2025-07-01", **held), "working-group/2025-spring").status == "violated"
    assert finding(check("2025-07-01", settings={"I4": "either_present"}, **held), "working-group/2025-spring").status == "fulfilled"


def test_i5_steering_group_once_per_term_or_after_every_meeting(check: Check) -> None:
    held = {
        "meetings": [
            meeting("wg1", "2025-02-11"),
            meeting("sg1", "2025-02-20", body="steering_group"),
            meeting("wg2", "2025-05-13"),
        ]
    }
    default = check("2025-08-01", **held)
    alternative = check("2025-08-01", settings={"I5": "after_every_meeting"}, **held)
    assert finding(default, "steering-group/2025-spring").status == "fulfilled"
    assert default.finding("steering-group-after/wg2") is None
    assert finding(alternative, "steering-group-after/wg1").status == "fulfilled"
    assert finding(alternative, "steering-group-after/wg2").status == "violated"
    assert alternative.finding("steering-group/2025-spring") is None


def test_i6_account_due_31_march_next_year_or_31_december(check: Check) -> None:
    handed_in = {
        "grant_payments": [{"id": "gp", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"}],
        "annual_accounts": [{"id": "acc", "grant_year": 2025, "date": "2026-03-25"}],
    }
    default = finding(check("2026-04-15", **handed_in), "annual-account/2025")
    alternative = finding(check("2026-04-15", settings={"I6": "december_31_same_year"}, **handed_in), "annual-account/2025")
    assert (default.due, default.status) == (day("2026-03-31"), "fulfilled")
    # 31 December 2025 is New Year's eve and 1 January a holiday: I2 moves the deadline to 2 January.
    assert (alternative.due, alternative.status) == (day("2026-01-02"), "fulfilled_late")


def test_i7_statistics_within_30_or_14_days(check: Check) -> None:
    asked = {
        "statistics_requests": [{"id": "req", "date": "2026-03-02"}],
        "statistics_deliveries": [
            {"id": "del", "request_id": "req", "date": "2026-03-20", "contacts": 1, "support_talks": 2, "persons_reached": 3}
        ],
    }
    default = finding(check("2026-05-01", **asked), "statistics/req")
    alternative = finding(check("2026-05-01", settings={"I7": 14}, **asked), "statistics/req")
    assert (default.due, default.status) == (day("2026-04-01"), "fulfilled")
    assert (alternative.due, alternative.status) == (day("2026-03-16"), "fulfilled_late")


def test_i8_month_end_with_a_one_month_notice_period(agreement: Agreement) -> None:
    # With 12 months' notice the end only lacks a day after 29 February 2028, which the term's end caps; a
    # one-month notice period shows the reading itself: 31 January + 1 month.
    short = agreement.model_copy(update={"term": agreement.term.model_copy(update={"notice_months": 1})})
    facts = make_facts(termination_notices=[{"id": "n1", "party": "city", "date": "2025-01-31"}])
    default = evaluate(short, facts, as_of=day("2025-02-01"))
    alternative = evaluate(short, facts, as_of=day("2025-02-01"), settings={"I8": "first_day_of_next_month"})
    assert default.agreement.last_day == day("2025-02-28")
    assert alternative.agreement.last_day == day("2025-03-01")
    assert "2025-02-28" in finding(default, "termination-notice/n1").message.en
    assert "2025-03-01" in finding(alternative, "termination-notice/n1").message.en


def test_i8_makes_no_difference_under_the_real_notice_period(agreement: Agreement) -> None:
    facts = make_facts(
        termination_notices=[{"id": "n1", "party": "fa", "date": "2028-02-29"}],
        amendments=[COMPENSATION],
    )
    default = evaluate(agreement, facts, as_of=day("2028-03-01"))
    alternative = evaluate(agreement, facts, as_of=day("2028-03-01"), settings={"I8": "first_day_of_next_month"})
    assert default.agreement.last_day == alternative.agreement.last_day == day("2028-12-31")


def test_i9_a_term_cut_short_by_notice_is_required_only_in_proportion(check: Check) -> None:
    # Notice on 2025-09-15 ends the agreement on 2026-09-15, in the middle of the autumn term 2026.
    cut = {
        "termination_notices": [{"id": "n1", "party": "fa", "date": "2025-09-15"}],
        "meetings": [meeting("wg1", "2026-07-10")],
    }
    default = finding(check("2026-10-01", **cut), "working-group/2026-autumn")
    alternative = finding(check("2026-10-01", settings={"I9": "proportional"}, **cut), "working-group/2026-autumn")
    assert default.status == "discharged"
    assert (alternative.status, alternative.due) == ("fulfilled", day("2026-09-15"))
    follow_up = finding(check("2026-10-01", settings={"I9": "proportional"}, **cut), "follow-up/2026")
    assert (follow_up.status, follow_up.due) == ("violated", day("2026-09-15"))


def test_i10_one_or_two_outreach_sessions_with_city_per_term(check: Check) -> None:
    sessions = {"outreach_sessions": [{"id": "o1", "date": "2025-03-20", "city_present": True}]}
    assert finding(check("2025-07-01", **sessions), "internet-outreach/2025-spring").status == "fulfilled"
    assert finding(check("2025-07-01", settings={"I10": 2}, **sessions), "internet-outreach/2025-spring").status == "violated"


def test_i11_follow_ups_per_calendar_year_or_per_agreement_year(check: Check) -> None:
    default = check("2026-01-15")
    alternative = check("2026-01-15", settings={"I11": "twelve_months_from_start"})
    assert finding(default, "follow-up/2025").status == "violated"
    assert default.finding("follow-up/agreement-year-1") is None
    assert finding(alternative, "follow-up/agreement-year-1").status == "violated"
    assert alternative.finding("follow-up/2025") is None


def test_i12_the_mid_term_evaluation_counts_for_2026_or_not(check: Check) -> None:
    held = {"evaluations": [{"id": "mid", "date": "2026-10-20", "mid_term": True, "includes_compensation_review": True}]}
    assert finding(check("2027-01-15", **held), "evaluation/2026").status == "fulfilled"
    assert finding(check("2027-01-15", settings={"I12": "does_not_count"}, **held), "evaluation/2026").status == "violated"


def test_i13_horizon_of_60_or_30_days(check: Check) -> None:
    # The mid-term evaluation is due 2026-10-31: 45 days after 2026-09-16.
    assert finding(check("2026-09-16"), "mid-term-evaluation").status == "due"
    assert finding(check("2026-09-16", settings={"I13": 30}), "mid-term-evaluation").status == "pending"


def test_i14_no_grant_agreement_ends_the_agreement_or_it_continues(check: Check) -> None:
    default = check("2027-01-01")
    alternative = check("2027-01-01", settings={"I14": "continues_without_grant"})
    assert (default.agreement.state, default.agreement.last_day) == ("ended", day("2026-12-31"))
    assert (alternative.agreement.state, alternative.agreement.last_day) == ("in_force", day("2028-12-31"))
    assert finding(default, "renegotiation/2027-2028").status == "condition_not_met"
    assert finding(default, "working-group/2027-spring").status == "discharged"
    assert finding(alternative, "working-group/2027-spring").status == "pending"


# --- comparing interpretations --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_comparison(agreement: Agreement) -> Any:
    return compare_interpretations(agreement, load_facts(EXAMPLE), as_of=day("2026-11-30"))


def test_compare_lists_the_i1_difference_on_the_example(example_comparison: Any) -> None:
    (i1,) = example_comparison.for_setting("I1")
    assert (i1.default, i1.alternative) == ("two_months_before_half", "bracket_date")
    (mid,) = [d for d in i1.differences if d.id == "mid-term-evaluation"]
    fields = {f.field: (f.default, f.alternative) for f in mid.fields}
    assert fields["due"] == ("2026-10-31", "2026-12-31")
    assert fields["status"] == ("fulfilled_late", "fulfilled")
    assert mid.section == "4"


def test_compare_tries_every_alternative_of_every_setting(example_comparison: Any) -> None:
    tried = [(c.setting, c.alternative) for c in example_comparison.comparisons]
    assert tried == [(key, value) for key in INTERPRETATION_IDS for value in alternatives(key)]


def test_compare_names_the_setting_behind_each_difference(example_comparison: Any) -> None:
    (i2,) = example_comparison.for_setting("I2")
    assert [d.id for d in i2.differences] == ["grant-payment/2026"]
    (i14,) = example_comparison.for_setting("I14")
    assert {d.id for d in i14.differences} == {"renegotiation/2027-2028"}
    assert [f.field for f in i14.differences[0].fields] == ["message"]


def test_compare_reports_the_agreements_standing_when_it_differs(agreement: Agreement) -> None:
    comparison = compare_interpretations(agreement, make_facts(), as_of=day("2027-01-01"))
    (i14,) = comparison.for_setting("I14")
    standing = {f.field: (f.default, f.alternative) for f in i14.agreement}
    assert standing["agreement.state"] == ("ended", "in_force")
    assert standing["agreement.last_day"] == ("2026-12-31", "2028-12-31")


def test_compare_from_an_overridden_baseline_tries_the_default_too(agreement: Agreement) -> None:
    comparison = compare_interpretations(agreement, load_facts(EXAMPLE), as_of=day("2026-11-30"), settings={"I1": "bracket_date"})
    (i1,) = comparison.for_setting("I1")
    assert (i1.default, i1.alternative) == ("bracket_date", "two_months_before_half")
    assert comparison.settings["I1"] == "bracket_date"


def test_a_setting_without_effect_shows_no_difference(example_comparison: Any) -> None:
    (i8,) = example_comparison.for_setting("I8")
    assert not i8.differs and i8.differences == () and i8.agreement == ()
    assert "I8" not in [c.setting for c in example_comparison.differing()]


def test_compare_on_the_command_line_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--compare-interpretations", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1  # as for check: the example has unremedied breaches under the readings in force
    assert "I1 = bracket_date (instead of two_months_before_half)" in out
    assert "mid-term-evaluation (§4): status fulfilled_late → fulfilled; due 2026-10-31 → 2026-12-31" in out
    swedish = main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--compare-interpretations"])
    assert swedish == 1
    assert "senast 2026-10-31 → 2026-12-31" in capsys.readouterr().out


def test_compare_on_the_command_line_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-30", "--compare-interpretations", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    i1 = next(c for c in data["comparisons"] if c["setting"] == "I1")
    mid = next(d for d in i1["differences"] if d["id"] == "mid-term-evaluation")
    assert {"field": "due", "default": "2026-10-31", "alternative": "2026-12-31"} in mid["fields"]


def test_compare_renders_a_finding_only_one_reading_has(example_comparison: Any) -> None:
    text = render_comparison(example_comparison, "en")
    assert "follow-up/agreement-year-1 (§8): only under the alternative (status fulfilled, due 2025-12-31)" in text
    assert "follow-up/2025 (§8): only under the reading in force (status fulfilled, due 2025-12-31)" in text
    swedish = render_comparison(example_comparison, "sv")
    assert "follow-up/agreement-year-1 (§8): bara med alternativet (status fulfilled, senast 2025-12-31)" in swedish
    assert "I8 = first_day_of_next_month (i stället för last_day_of_month)\n" in swedish
    assert "(inga skillnader)" in swedish


def test_compare_with_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_facts(tmp_path, meetings=[{"id": "m", "date": "2025-02-30", "body": "working_group", "convener": "fa", "present": ["fa"]}])
    assert main(["check", str(path), "--compare-interpretations"]) == 2
    assert "meetings" in capsys.readouterr().err
    assert main(["check", str(EXAMPLE), "--compare-interpretations", "--set", "I4=nobody"]) == 2


def test_compare_shows_i15_and_i16(agreement: Agreement) -> None:
    """A joint breach only (spring 2025 without working-group meetings) and an absence of city's 13 months old."""
    facts = make_facts(
        grant_payments=[
            {"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"},
            {"id": "gp-2026", "grant_year": 2026, "date": "2026-01-20", "amount": "200000.00"},
        ],
        meetings=[meeting("net1", "2025-03-12", body="network", convener="city", present=("fa",))],
        outreach_sessions=[
            {"id": "o1", "date": "2025-03-01", "city_present": True},
            {"id": "o2", "date": "2025-09-01", "city_present": True},
            {"id": "o3", "date": "2026-02-01", "city_present": True},
        ],
    )
    comparison = compare_interpretations(agreement, facts, as_of=day("2025-07-01"))
    (i15,) = comparison.for_setting("I15")
    assert i15.alternative == "both"
    assert "renegotiation-right/city" in {d.id for d in i15.differences}
    later = compare_interpretations(agreement, facts, as_of=day("2026-04-15"), settings={"I15": "both"})
    (i16,) = later.for_setting("I16")
    assert i16.alternative == "while_in_force"
    assert "renegotiation-right/fa" in {d.id for d in i16.differences}
