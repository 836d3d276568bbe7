"""``explain``: how one finding came about — the facts used, each computed date with its rule, the settings, the
status and why, and the Swedish words."""

from __future__ import annotations

import json

import pytest

from iop_rules import Agreement, InputError, load_facts
from iop_rules.cli import main
from iop_rules.explain import explain
from iop_rules.presentation.explain_text import render_explanation

from .conftest import EXAMPLE, day, make_facts
from .test_interpretations import COMPENSATION


@pytest.fixture(scope="module")
def example(agreement: Agreement) -> object:
    return load_facts(EXAMPLE)


def test_mid_term_deadline_is_computed_from_i1(agreement: Agreement, example: object) -> None:
    explanation = explain(agreement, example, "mid-term-evaluation", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    steps = [s.en for s in explanation.steps]
    assert steps[0] == "Half the term has passed at the end of 2026-12-31"
    assert steps[1] == "2 months before the end of 2026-12-31 → 2026-10-31 (I1)"
    assert "Any evaluation dated in 2026 that includes the review" in steps[2]
    assert "Done on 2026-11-17 (eval-mid-term)" in steps[-1]
    assert [s.id for s in explanation.settings] == ["I1"]
    assert explanation.settings[0].value == "two_months_before_half"
    assert explanation.finding.status == "fulfilled_late"
    assert "17 days after the last day, 2026-10-31" in explanation.status_reason.en
    assert [e.id for e in explanation.finding.evidence] == ["eval-mid-term"]
    assert explanation.finding.quote.startswith("Två månader innan halva avtalstiden passerat (261231)")
    assert explanation.section_title == "Tid för överenskommelsen"


def test_the_alternative_reading_of_i1_is_explained_too(agreement: Agreement, example: object) -> None:
    explanation = explain(agreement, example, "mid-term-evaluation", as_of=day("2026-11-30"), settings={"I1": "bracket_date"})  # type: ignore[arg-type]
    assert explanation.steps[1].en == "The date in brackets, 2026-12-31, is the last day (I1)"
    assert explanation.finding.status == "fulfilled"
    assert "on or before the last day, 2026-12-31" in explanation.status_reason.en
    assert "(not the default reading)" in render_explanation(explanation, "en")


def test_a_deadline_moved_off_a_weekend_names_the_days_and_i2(agreement: Agreement, example: object) -> None:
    explanation = explain(agreement, example, "grant-payment/2026", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert any("2026-01-31 (Saturday) and 2026-02-01 (Sunday) → 2026-02-02 (I2)" in s.en for s in explanation.steps)
    assert explanation.finding.due == day("2026-02-02")
    assert "I2" in [s.id for s in explanation.settings]


@pytest.mark.parametrize(
    ("as_of", "status", "reason"),
    [
        ("2026-08-01", "pending", "lies after the period's end, 2026-09-30"),
        ("2026-09-01", "due", "lies within the period 2026-09-01–2026-10-31 (60 days left)"),
        ("2026-10-31", "due", "(0 days left)"),
        ("2026-11-01", "violated", "is 1 day after the last day, 2026-10-31"),
    ],
)
def test_the_status_is_explained_by_due_as_of_and_horizon(status: str, reason: str, as_of: str, agreement: Agreement) -> None:
    explanation = explain(agreement, make_facts(), "mid-term-evaluation", as_of=day(as_of))
    assert explanation.finding.status == status
    assert reason in explanation.status_reason.en


def test_a_discharged_duty_names_the_agreements_last_day(agreement: Agreement) -> None:
    explanation = explain(agreement, make_facts(), "working-group/2027-spring", as_of=day("2027-02-01"))
    assert explanation.finding.status == "discharged"
    assert "after the agreement's last day, 2026-12-31" in explanation.status_reason.en
    assert explanation.agreement.state == "ended"


def test_a_notice_explains_the_month_arithmetic_and_the_cap(agreement: Agreement) -> None:
    early = make_facts(termination_notices=[{"id": "n1", "party": "city", "date": "2026-03-31"}])
    explanation = explain(agreement, early, "termination-notice/n1", as_of=day("2026-04-01"))
    assert [s.en for s in explanation.steps] == ["2026-03-31 + 12 months → 2027-03-31 (I8)"]
    assert explanation.finding.status == "noted"
    late = make_facts(termination_notices=[{"id": "n1", "party": "city", "date": "2028-03-31"}], amendments=[COMPENSATION])
    capped = explain(agreement, late, "termination-notice/n1", as_of=day("2028-04-01"))
    assert capped.steps[0].en == "2028-03-31 + 12 months → 2029-03-31 (I8)"
    assert capped.steps[1].en == "The notice period runs past the end of the term; the last day is 2028-12-31"


def test_signatures_and_amendments_have_their_steps(agreement: Agreement, example: object) -> None:
    signature = explain(agreement, example, "signature/fa", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert [s.en for s in signature.steps] == [
        "§11 sets no deadline to sign; from the start date 2025-01-01 the library checks that both "
        "parties' signatures are recorded",
        "Signed on 2024-12-18 (sig-fa)",
    ]
    amendment = explain(agreement, example, "amendment/amend-grant-2027-2028", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert amendment.steps[-1].en == "Not valid: it has no effect anywhere (§10)"
    renegotiation = explain(agreement, example, "renegotiation/2027-2028", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert "Amendment amend-grant-2027-2028: not valid, lacks the city's signature" in [s.en for s in renegotiation.steps]


def test_an_unknown_id_is_an_input_error_listing_close_ids(agreement: Agreement, example: object) -> None:
    with pytest.raises(InputError) as error:
        explain(agreement, example, "grant-payment/2029", as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert "grant-payment/2026" in error.value.message_en and "grant-payment/2025" in error.value.message_en
    assert "närmast" in error.value.message_sv


def test_explain_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["explain", str(EXAMPLE), "grant-payment/2026", "--as-of", "2026-11-30"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2026-01-31 (lördag) och 2026-02-01 (söndag) → 2026-02-02 (I2)" in out
    assert "Uppgifter som använts:" in out and "grant_payments gp-2026 2026-02-02" in out
    assert "Avtalet §6: ”Bidrag ska utbetalas till Frälsningsarmén senast den 31 januari respektive år." in out
    assert "I2 = next_business_day" in out


def test_explain_as_json_and_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(EXAMPLE), "mid-term-evaluation", "--format", "json", "--set", "I1=bracket_date"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["finding"]["due"] == "2026-12-31" and data["settings"][0]["value"] == "bracket_date"
    assert main(["explain", str(EXAMPLE), "mid-term-evaluation", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Computation:" in out and "The agreement §4 (in Swedish):" in out


def test_explain_an_unknown_id_exits_2_with_close_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(EXAMPLE), "mid-term-evalutaion", "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert "closest: mid-term-evaluation" in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_explain_with_bad_arguments_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    # A bad --set value is bad input found by load_inputs: exit 2 with one line in the language asked for.
    assert main(["explain", str(EXAMPLE), "mid-term-evaluation", "--set", "I1=soon"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["explain", str(EXAMPLE)])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["explain", str(EXAMPLE), "mid-term-evaluation", "--as-of", "2026-02-30"])


def test_every_finding_of_the_example_can_be_explained(agreement: Agreement, example: object) -> None:
    from iop_rules import evaluate

    report = evaluate(agreement, example, as_of=day("2026-11-30"))  # type: ignore[arg-type]
    for found in report.findings():
        explanation = explain(agreement, example, found.id, as_of=day("2026-11-30"))  # type: ignore[arg-type]
        assert explanation.finding == found
        assert explanation.status_reason.sv and explanation.status_reason.en
        text = render_explanation(explanation, "sv")
        assert found.quote in text


@pytest.mark.parametrize(
    ("finding_id", "start", "due"),
    [
        ("working-group/2026-autumn", "2026-07-01", "2026-12-31"),
        ("follow-up/2027", "2027-01-01", "2027-12-31"),
        ("steering-group/2027-spring", "2027-01-01", "2027-07-14"),
        ("statistics/stat-req-2026-11", "2026-11-10", "2026-12-10"),
        ("grant-payment/2026", "2026-01-01", "2026-02-02"),
        ("annual-account/2025", "2026-01-01", "2026-03-31"),
        ("mid-term-evaluation", None, "2026-10-31"),
        ("joint-plan", None, None),
    ],
)
def test_the_period_a_duty_covers(agreement: Agreement, example: object, finding_id: str, start: str | None, due: str | None) -> None:
    explanation = explain(agreement, example, finding_id, as_of=day("2026-11-30"))  # type: ignore[arg-type]
    assert explanation.period_start == (None if start is None else day(start))
    assert explanation.finding.due == (None if due is None else day(due))
