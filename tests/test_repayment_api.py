"""§8 repayment: ``assess_repayment`` and ``iop-rules repayment`` give finance an answer it can defend: may city
claim money back on a misuse case, how much, and why, step by step with the agreement's words."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import iop_rules
from iop_rules import Agreement, InputError, RepaymentAssessment, assess_repayment, evaluate
from iop_rules.cli import main

from .conftest import day, make_facts

PAID_2025 = [{"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"}]


def misuse(amount: str = "50000.00", manifest: bool | None = True, a: str | None = None, b: str | None = None, **extra: Any) -> dict[str, Any]:
    """A misuse case of 2025's funds, known from 2025-09-01; ``a``/``b`` are ``established`` or ``rejected``."""
    case: dict[str, Any] = {"id": "mc-1", "date": "2025-09-01", "grant_year": 2025, "amount": amount, "manifest": manifest}
    if a is not None:
        case["care_shown"] = {"outcome": a, "date": "2025-10-01"}
    if b is not None:
        case["disproportionate"] = {"outcome": b, "date": "2025-10-01"}
    case.update(extra)
    return case


def assess(agreement: Agreement, *cases: dict[str, Any], payments: Any = PAID_2025, as_of: str = "2025-11-01", case_id: str = "mc-1") -> RepaymentAssessment:
    facts = make_facts(grant_payments=payments, misuse_cases=list(cases))
    return assess_repayment(agreement, facts, case_id, as_of=day(as_of))


# --- Done when: a 50 000 SEK misuse case in 2025 -----------------------------------------------------------------


def test_a_undecided_needs_assessment_naming_a(agreement: Agreement) -> None:
    result = assess(agreement, misuse(b="rejected"))
    assert result.status == "needs_assessment"
    assert result.undecided == ("a",)
    assert result.claimable == Decimal("0.00")
    assert "undantag (a)" in result.message.sv and "exemption (a)" in result.message.en
    assert "(b)" not in result.message.sv


def test_a_established_is_exempt_citing_a(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="established"))
    assert result.status == "exempt"
    assert result.exempt_under == ("a",)
    assert result.claimable == Decimal("0.00")
    line = next(line for line in result.lines if line.letter == "a")
    assert line.section == "8"
    assert "omsorg som rimligen har kunnat krävas" in line.quote
    assert "fastställdes 2025-10-01" in line.text.sv and "established on 2025-10-01" in line.text.en
    assert "(a)" in result.message.sv


def test_a_and_b_rejected_makes_50_000_claimable(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected", b="rejected"))
    assert result.status == "claimable"
    assert result.claimable == Decimal("50000.00")
    assert isinstance(result.claimable, Decimal)
    assert "50 000,00 kr" in result.message.sv


def test_a_250_000_case_is_capped_at_the_200_000_paid(agreement: Agreement) -> None:
    result = assess(agreement, misuse("250000.00", a="rejected", b="rejected"))
    assert result.claimable == Decimal("200000.00")
    assert result.affected == Decimal("250000.00") and result.grant_paid == Decimal("200000.00")
    grant_line = next(line for line in result.lines if line.section == "6")
    assert grant_line.amount == Decimal("200000.00")
    assert "senast den 31 januari" in grant_line.quote


# --- The other outcomes ------------------------------------------------------------------------------------------


def test_not_manifest_gives_no_right_to_claim(agreement: Agreement) -> None:
    result = assess(agreement, misuse(manifest=False, a="rejected", b="rejected"))
    assert result.status == "not_manifest"
    assert result.claimable == Decimal("0.00")
    assert "ingen rätt" in result.lines[0].text.sv
    assert "uppenbart utanför ramen" in result.lines[0].quote
    # The exemptions are moot without a right to claim: no step about them.
    assert not [line for line in result.lines if line.letter]


def test_manifest_undecided_needs_assessment_saying_manifest(agreement: Agreement) -> None:
    result = assess(agreement, misuse(manifest=None, a="rejected", b="rejected"))
    assert result.status == "needs_assessment"
    assert result.undecided == ("manifest",)
    assert "uppenbart" in result.message.sv and "manifestly" in result.message.en


def test_everything_undecided_names_all_three(agreement: Agreement) -> None:
    assert assess(agreement, misuse(manifest=None)).undecided == ("manifest", "a", "b")


def test_b_established_is_exempt_citing_b(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected", b="established"))
    assert result.status == "exempt" and result.exempt_under == ("b",)
    line = next(line for line in result.lines if line.letter == "b")
    assert "oproportionerligt" in line.quote


def test_both_established_cite_both(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="established", b="established"))
    assert result.exempt_under == ("a", "b")
    assert "(a) och (b)" in result.message.sv


def test_an_established_exemption_settles_an_undecided_manifest(agreement: Agreement) -> None:
    result = assess(agreement, misuse(manifest=None, b="established"))
    assert result.status == "exempt" and result.claimable == Decimal("0.00")


def test_b_undecided_with_a_rejected_names_b(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected"))
    assert result.status == "needs_assessment" and result.undecided == ("b",)
    assert result.ceiling == Decimal("50000.00")


# --- Amounts: repayments, the grant paid as of the day, claims --------------------------------------------------


def test_repaid_amount_is_deducted(agreement: Agreement) -> None:
    case = misuse(a="rejected", b="rejected", repayments=[{"id": "rp-1", "date": "2025-10-20", "amount": "20000.00"}])
    result = assess(agreement, case)
    assert result.repaid == Decimal("20000.00")
    assert result.claimable == Decimal("30000.00")
    assert any(line.amount == Decimal("20000.00") and "återbetalt" in line.text.sv for line in result.lines)


def test_repaid_more_than_the_cap_leaves_zero_not_negative(agreement: Agreement) -> None:
    case = misuse("250000.00", a="rejected", b="rejected", repayments=[{"id": "rp-1", "date": "2025-10-20", "amount": "210000.00"}])
    assert assess(agreement, case).claimable == Decimal("0.00")


@pytest.mark.parametrize(("as_of", "claimable"), [("2025-01-19", "0.00"), ("2025-01-20", "50000.00")])
def test_the_cap_is_the_grant_paid_as_known_on_the_day(agreement: Agreement, as_of: str, claimable: str) -> None:
    case = {**misuse(a="rejected", b="rejected"), "date": "2025-01-10"}
    case["care_shown"]["date"] = case["disproportionate"]["date"] = "2025-01-15"
    assert assess(agreement, case, as_of=as_of).claimable == Decimal(claimable)


def test_the_cap_is_the_grant_of_the_cases_year(agreement: Agreement) -> None:
    payments = [*PAID_2025, {"id": "gp-2026", "grant_year": 2026, "date": "2026-01-20", "amount": "200000.00"}]
    case = {**misuse("250000.00", a="rejected", b="rejected"), "grant_year": 2026}
    result = assess(agreement, case, payments=payments, as_of="2026-03-01")
    assert result.claimable == Decimal("200000.00") and result.grant_year == 2026
    assert assess(agreement, case, payments=PAID_2025, as_of="2026-03-01").claimable == Decimal("0.00")


def claim(amount: str, claim_id: str = "cl-1") -> dict[str, Any]:
    return {"id": claim_id, "date": "2025-10-15", "amount": amount}


@pytest.mark.parametrize(
    ("claimed", "excess"),
    [("49999.99", None), ("50000.00", None), ("50000.01", Decimal("0.01"))],
)
def test_a_claim_above_the_claimable_is_flagged_with_the_excess(agreement: Agreement, claimed: str, excess: Decimal | None) -> None:
    result = assess(agreement, misuse(a="rejected", b="rejected", claims=[claim(claimed)]))
    assert result.excess_claimed == excess
    if excess is not None:
        assert any(line.amount == excess and "överstiger" in line.text.sv for line in result.lines)


def test_claims_add_up(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected", b="rejected", claims=[claim("30000.00", "cl-1"), claim("30000.00", "cl-2")]))
    assert result.claimed == Decimal("60000.00")
    assert result.excess_claimed == Decimal("10000.00")


def test_a_claim_later_partly_repaid_is_not_excess(agreement: Agreement) -> None:
    case = misuse(a="rejected", b="rejected", claims=[claim("50000.00")], repayments=[{"id": "rp-1", "date": "2025-10-20", "amount": "20000.00"}])
    result = assess(agreement, case)
    assert result.claimable == Decimal("30000.00")
    assert result.excess_claimed is None


def test_a_claim_on_an_exempt_case_is_excess_in_full(agreement: Agreement) -> None:
    assert assess(agreement, misuse(a="established", claims=[claim("1000.00")])).excess_claimed == Decimal("1000.00")


def test_while_undecided_only_a_claim_above_the_most_possible_is_flagged(agreement: Agreement) -> None:
    assert assess(agreement, misuse(claims=[claim("50000.00")])).excess_claimed is None
    assert assess(agreement, misuse(claims=[claim("50000.01")])).excess_claimed == Decimal("0.01")


# --- The API's shape and its errors -----------------------------------------------------------------------------


def test_the_right_survives_the_agreements_end(agreement: Agreement) -> None:
    assert assess(agreement, misuse(a="rejected", b="rejected"), as_of="2030-01-01").claimable == Decimal("50000.00")


def test_every_line_has_its_section_quote_and_both_languages(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected", b="rejected", claims=[claim("60000.00")]))
    assert [line.letter for line in result.lines if line.letter] == ["a", "b"]
    for line in result.lines:
        assert line.section in ("1", "6", "8")
        assert line.quote and agreement.sections[line.section].quotes
        assert line.text.sv.strip() and line.text.en.strip()
    assert {e.id for e in result.evidence} == {"mc-1", "gp-2025", "cl-1"}


def test_the_assessment_is_frozen_and_serialises_exactly(agreement: Agreement) -> None:
    result = assess(agreement, misuse(a="rejected", b="rejected"))
    with pytest.raises(ValidationError):
        result.status = "exempt"
    data = json.loads(result.model_dump_json())
    assert data["claimable"] == "50000.00"
    assert data["status"] == "claimable"


def test_unknown_case_id_is_an_input_error_naming_it(agreement: Agreement) -> None:
    with pytest.raises(InputError) as error:
        assess(agreement, misuse(), case_id="no-such-case")
    assert "no-such-case" in error.value.message_en and "no-such-case" in error.value.message_sv
    assert "mc-1" in error.value.message_en


def test_a_case_not_yet_known_on_the_day_is_an_input_error(agreement: Agreement) -> None:
    with pytest.raises(InputError) as error:
        assess(agreement, misuse(), as_of="2025-08-31")
    assert "2025-09-01" in error.value.message_en and "mc-1" in error.value.message_sv


def test_as_of_defaults_to_the_snapshots_day(agreement: Agreement) -> None:
    facts = make_facts(grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected")], as_of="2025-09-15")
    result = assess_repayment(agreement, facts, "mc-1")
    assert result.as_of == day("2025-09-15")
    assert result.status == "needs_assessment"  # the determinations of 2025-10-01 are not yet known


def test_exported_from_the_package() -> None:
    assert "assess_repayment" in iop_rules.__all__ and "RepaymentAssessment" in iop_rules.__all__


# --- The command -------------------------------------------------------------------------------------------------


@pytest.fixture()
def facts_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.json"
    data = {
        "as_of": "2025-11-01",
        "grant_payments": PAID_2025,
        "misuse_cases": [
            misuse("250000.00", a="rejected", b="rejected"),
            {**misuse(b="rejected"), "id": "mc-2"},
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_json_for_one_case(facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["repayment", str(facts_file), "--case", "mc-1", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [a["case_id"] for a in out["assessments"]] == ["mc-1"]
    assert out["assessments"][0]["claimable"] == "200000.00"


def test_cli_text_for_every_case(facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["repayment", str(facts_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "mc-1 (2025): may be claimed — SEK 200,000.00" in out
    assert "mc-2 (2025): needs a decision" in out
    assert "§8 a)" in out


def test_cli_as_of(facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["repayment", str(facts_file), "--case", "mc-1", "--as-of", "2025-09-30", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["assessments"][0]["status"] == "needs_assessment"


def test_cli_unknown_case_exits_2_with_a_message(facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["repayment", str(facts_file), "--case", "nope", "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert "nope" in captured.err and not captured.out


def test_cli_bad_facts_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"misuse_cases": [{"id": "x"}]}', encoding="utf-8")
    assert main(["repayment", str(path)]) == 2
    assert "misuse_cases" in capsys.readouterr().err


# --- Issue 9: the cap per grant year, claims on their own day, no "may claim" before (a) and (b) ----------------


def test_two_cases_share_the_years_cap_and_are_claimable_at_200_000_together(agreement: Agreement) -> None:
    first = misuse("150000.00", a="rejected", b="rejected")
    second = misuse("150000.00", a="rejected", b="rejected", id="mc-2", date="2025-09-02")
    one = assess(agreement, first, second, case_id="mc-1")
    two = assess(agreement, first, second, case_id="mc-2")
    assert (one.claimable, two.claimable) == (Decimal("150000.00"), Decimal("50000.00"))
    assert one.claimable + two.claimable == Decimal("200000.00")
    assert two.grant_left == Decimal("50000.00")
    # The sharing is explained line by line: the earlier case's share and what is left.
    assert any("mc-1" in line.text.sv and "150 000,00 kr" in line.text.sv for line in two.lines)
    assert any(e.id == "mc-1" for e in two.evidence)


def test_cases_known_the_same_day_share_the_cap_in_id_order(agreement: Agreement) -> None:
    cases = [misuse("150000.00", a="rejected", b="rejected", id=i) for i in ("mc-b", "mc-a")]
    assert assess(agreement, *cases, case_id="mc-a").claimable == Decimal("150000.00")
    assert assess(agreement, *cases, case_id="mc-b").claimable == Decimal("50000.00")


def test_an_exempt_earlier_case_takes_no_share(agreement: Agreement) -> None:
    first = misuse("150000.00", a="established")
    second = misuse("150000.00", a="rejected", b="rejected", id="mc-2", date="2025-09-02")
    assert assess(agreement, first, second, case_id="mc-2").claimable == Decimal("150000.00")


def test_a_case_awaiting_assessment_takes_its_share_as_an_upper_bound(agreement: Agreement) -> None:
    first = misuse("150000.00")
    second = misuse("150000.00", a="rejected", b="rejected", id="mc-2", date="2025-09-02")
    assert assess(agreement, first, second, case_id="mc-2").claimable == Decimal("50000.00")


def test_the_cases_of_a_year_never_exceed_the_grant_paid_in_the_report(agreement: Agreement) -> None:
    cases = [misuse("150000.00", a="rejected", b="rejected", id=f"mc-{n}", date=f"2025-09-0{n}") for n in (1, 2, 3)]
    facts = make_facts(grant_payments=PAID_2025, misuse_cases=cases)
    report = evaluate(agreement, facts, as_of=day("2025-11-01"))
    amounts = [f.amount for f in report.rights if f.id.startswith("repayment/")]
    assert sum(a for a in amounts if a is not None) == Decimal("200000.00")


@pytest.mark.parametrize(
    ("repaid_on", "excess"),
    [("2025-10-14", Decimal("10000.00")), ("2025-10-15", Decimal("10000.00")), ("2025-10-16", None)],
)
def test_a_claim_is_compared_with_what_was_claimable_on_its_own_day(
    agreement: Agreement, repaid_on: str, excess: Decimal | None
) -> None:
    case = misuse("30000.00", a="rejected", b="rejected", claims=[claim("30000.00")], repayments=[{"id": "rp-1", "date": repaid_on, "amount": "10000.00"}])
    result = assess(agreement, case)
    assert result.excess_claimed == excess
    if excess is not None:
        assert any(line.amount == excess and "10 000,00 kr" in line.text.sv and "överstiger" in line.text.sv for line in result.lines)


@pytest.mark.parametrize("undecided", [{"manifest": None}, {"a": "rejected"}, {"b": "rejected"}, {}])
def test_nothing_says_the_city_may_claim_before_a_and_b_are_decided(agreement: Agreement, undecided: dict[str, Any]) -> None:
    result = assess(agreement, misuse(**undecided))
    assert result.status == "needs_assessment"
    texts = [result.message, *(line.text for line in result.lines)]
    for text in texts:
        assert "kan kräva" not in text.sv and "rätt att kräva" not in text.sv and "kan krävas" not in text.sv
        assert "may claim" not in text.en and "right to claim" not in text.en and "is claimable" not in text.en


def test_a_determination_records_the_body_that_made_it(agreement: Agreement) -> None:
    case = misuse(a="rejected", b="rejected")
    case["care_shown"]["body"] = "Socialnämnden"
    result = assess(agreement, case)
    assert any("av Socialnämnden" in line.text.sv and "by Socialnämnden" in line.text.en for line in result.lines if line.letter == "a")


def test_the_purposes_of_section_1_are_quoted(agreement: Agreement) -> None:
    result = assess(agreement, misuse())
    line = next(line for line in result.lines if line.section == "1")
    assert "Målgruppen är personer utsatta för människohandel och prostitution." in line.quote
    assert "Syftet" in line.quote


def test_what_was_repaid_on_the_year_s_cases_is_no_longer_claimable_on_any(agreement: Agreement) -> None:
    """Two cases of 150 000 and one of 30 000 on which 10 000 was repaid: 190 000 may be claimed in all, not 200 000."""
    cases = [
        misuse("150000.00", a="rejected", b="rejected", id="mc-1", date="2025-09-01"),
        misuse("150000.00", a="rejected", b="rejected", id="mc-2", date="2025-09-02"),
        misuse("30000.00", a="rejected", b="rejected", id="mc-3", date="2025-09-03", repayments=[{"id": "rp", "date": "2025-10-05", "amount": "10000.00"}]),
    ]
    claimable = [assess(agreement, *cases, case_id=f"mc-{n}").claimable for n in (1, 2, 3)]
    assert claimable == [Decimal("150000.00"), Decimal("40000.00"), Decimal("0.00")]
    assert sum(claimable) + Decimal("10000.00") == Decimal("200000.00")
    second = assess(agreement, *cases, case_id="mc-2")
    assert any("10 000,00 kr har redan återbetalats" in line.text.sv and "mc-1 150 000,00 kr" in line.text.sv for line in second.lines)


Drawn = list[tuple[int, int, tuple[str | None, str | None], int]]


def year_cases(most: int, most_repaid: int, count: int) -> st.SearchStrategy[Drawn]:
    """Misuse cases of 2025's funds as drawn: amount and repaid in öre, the (a) and (b) outcomes, a September day."""
    outcomes = st.sampled_from([("rejected", "rejected"), (None, "rejected"), ("established", None)])
    case = st.tuples(st.integers(0, most), st.integers(0, most_repaid), outcomes, st.integers(1, 28))
    return st.lists(case, min_size=1, max_size=count)


def drawn_facts(drawn: Drawn, paid: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The drawn cases (ids ``mc-00``, ``mc-01``…) and the year's grant payment of ``paid`` öre (none if 0)."""
    cases = []
    for n, (amount, repaid, (a, b), day_) in enumerate(drawn):
        repayments = [{"id": f"rp-{n}", "date": "2025-10-29", "amount": f"{repaid / 100:.2f}"}] if repaid else []
        cases.append(misuse(f"{amount / 100:.2f}", a=a, b=b, id=f"mc-{n:02d}", date=f"2025-09-{day_:02d}", repayments=repayments))
    payments = [{"id": "gp", "grant_year": 2025, "date": "2025-01-20", "amount": f"{paid / 100:.2f}"}] if paid else []
    return cases, payments


@settings(max_examples=60, deadline=None)
@given(year_cases(300_000_00, 100_000_00, 5), st.integers(0, 250_000_00))
def test_a_year_s_cases_never_let_more_be_claimed_than_was_paid_less_repaid(agreement: Agreement, drawn: Drawn, paid: int) -> None:
    cases, payments = drawn_facts(drawn, paid)
    results = [assess(agreement, *cases, payments=payments, case_id=c["id"]) for c in cases]
    sharing = [r for r in results if r.status in ("claimable", "needs_assessment")]
    room = max(Decimal(paid) / 100 - sum((r.repaid for r in sharing), Decimal(0)), Decimal(0))
    assert sum((r.ceiling for r in sharing), Decimal(0)) <= room
    for r in results:
        assert Decimal(0) <= r.claimable <= max(r.affected - r.repaid, Decimal(0))


# --- Issue 14: an assessment keeps its size however many cases share a year --------------------------------------


def _reference_shares(paid: Decimal, cases: list[dict[str, Any]], statuses: dict[str, str]) -> dict[str, tuple[Decimal, list[Decimal]]]:
    """§8's cap per grant year as its words say it, walked case by case: of the grant paid, what was repaid on the
    sharing cases is back; each sharing case, in the order the cases became known, takes its amount less its
    repayments from what the earlier ones left. Gives each case's (ceiling, earlier cases' shares)."""
    def repaid(case: dict[str, Any]) -> Decimal:
        return sum((Decimal(r["amount"]) for r in case.get("repayments", [])), Decimal(0))

    ordered = sorted(cases, key=lambda c: (c["date"], c["id"]))
    sharing = [c for c in ordered if statuses[c["id"]] in ("claimable", "needs_assessment")]
    out: dict[str, tuple[Decimal, list[Decimal]]] = {}
    for case in ordered:
        back = sum((repaid(c) for c in sharing), Decimal(0))
        if case not in sharing:
            back += repaid(case)
        left = paid - back
        shares = []
        for other in sharing:
            if (other["date"], other["id"]) >= (case["date"], case["id"]):
                break
            share = min(max(Decimal(other["amount"]) - repaid(other), Decimal(0)), max(left, Decimal(0)))
            shares.append(share)
            left -= share
        left = max(left, Decimal(0))
        out[case["id"]] = (min(max(Decimal(case["amount"]) - repaid(case), Decimal(0)), left), shares)
    return out


@settings(max_examples=40, deadline=None)
@given(year_cases(120_000_00, 40_000_00, 14), st.integers(0, 600_000_00))
def test_each_case_s_share_is_what_walking_the_earlier_cases_in_turn_leaves(agreement: Agreement, drawn: Drawn, paid: int) -> None:
    """The assessment finds a case's share without walking the earlier cases; walking them gives the same."""
    cases, payments = drawn_facts(drawn, paid)
    results = {c["id"]: assess(agreement, *cases, payments=payments, case_id=c["id"]) for c in cases}
    expected = _reference_shares(Decimal(paid) / 100, cases, {i: r.status for i, r in results.items()})
    back = sum((r.repaid for r in results.values() if r.status in ("claimable", "needs_assessment")), Decimal(0))
    for case_id, result in results.items():
        ceiling, shares = expected[case_id]
        assert result.ceiling == ceiling, case_id
        if result.status in ("claimable", "needs_assessment"):
            assert result.grant_left == max(Decimal(paid) / 100 - back - sum(shares, Decimal(0)), Decimal(0)), case_id


def _many(count: int) -> list[dict[str, Any]]:
    return [misuse("10000.00", a="rejected", b="rejected", id=f"mc-{n:02d}", date="2025-09-01") for n in range(1, count + 1)]


@pytest.mark.parametrize(("earlier", "listed"), [(9, True), (10, True), (11, False)])
def test_up_to_ten_earlier_cases_are_named_one_by_one_and_more_are_summed_up(
    agreement: Agreement, earlier: int, listed: bool
) -> None:
    cases = _many(earlier + 1)
    last = f"mc-{earlier + 1:02d}"
    result = assess(agreement, *cases, case_id=last)
    assert result.grant_left == Decimal("200000.00") - earlier * Decimal("10000.00")
    shared = next(line for line in result.lines if "Taket gäller per bidragsår" in line.text.sv)
    named = [e for e in result.evidence if e.fact == "misuse_cases" and e.id != last]
    if listed:
        assert "mc-01 10 000,00 kr" in shared.text.sv and f"mc-{earlier:02d} 10 000,00 kr" in shared.text.sv
        assert [e.id for e in named] == [f"mc-{n:02d}" for n in range(1, earlier + 1)]
    else:
        total = f"{earlier * 10:,}".replace(",", " ") + " 000,00 kr"
        assert f"{earlier} tidigare kända ärenden tar sammanlagt {total}" in shared.text.sv
        assert f"{earlier} cases known earlier take SEK {earlier * 10},000.00 in all" in shared.text.en
        assert "mc-01" not in shared.text.sv
        assert [(e.id, e.detail) for e in named] == [
            ("grant_year=2025", f"{earlier} earlier cases' shares of the 2025 grant, total {earlier * 10000}.00")
        ]


@pytest.mark.parametrize(("payments", "listed"), [(10, True), (11, False)])
def test_up_to_ten_grant_payments_are_named_one_by_one_and_more_are_summed_up(
    agreement: Agreement, payments: int, listed: bool
) -> None:
    paid = [{"id": f"gp-{n:02d}", "grant_year": 2025, "date": f"2025-01-{n:02d}", "amount": "1000.00"} for n in range(1, payments + 1)]
    result = assess(agreement, misuse(a="rejected", b="rejected"), payments=paid)
    assert result.grant_paid == payments * Decimal("1000.00")
    shown = [e for e in result.evidence if e.fact == "grant_payments"]
    if listed:
        assert [e.id for e in shown] == [p["id"] for p in paid]
    else:
        assert [(e.id, e.date and e.date.isoformat(), e.detail) for e in shown] == [
            ("grant_year=2025", f"2025-01-{payments:02d}", f"{payments} payments, total {payments * 1000}.00")
        ]


def test_an_assessment_keeps_its_size_however_many_cases_share_the_year(agreement: Agreement) -> None:
    small = assess(agreement, *_many(12), case_id="mc-12")
    large = assess(agreement, *_many(40), case_id="mc-40")
    assert len(large.evidence) == len(small.evidence)
    assert len(large.lines) == len(small.lines)
    assert (small.ceiling, large.ceiling) == (Decimal("10000.00"), Decimal("0.00"))


def test_the_clause_s_assessment_without_steps_is_the_assessment_less_its_steps(agreement: Agreement) -> None:
    """The §8 clause assesses every case without writing its steps on every evaluation day (``steps=False``): on
    every scenario with misuse cases, on its day and on every day a record of them is dated, that gives the same
    outcome, amounts, evidence and message as the full assessment, and the explanation still has every step."""
    from iop_rules import parse_facts
    from iop_rules.context import context_for
    from iop_rules.repayment import assess_case
    from iop_rules.scenarios import load_scenario_file, merged_facts, scenario_files

    compared = 0
    for path in scenario_files(Path(__file__).resolve().parent / "scenarios"):
        loaded = load_scenario_file(path)
        for scenario in loaded.scenario:
            facts = parse_facts(merged_facts(loaded.facts, scenario.facts), source=scenario.name)
            days = {scenario.as_of}
            for case in facts.misuse_cases:
                days.update(r.date for r in (case, *case.repayments, *case.claims))
            for on in sorted(days):
                ctx = context_for(agreement, facts, on, None, scenario.settings)
                for case in ctx.facts.misuse_cases:
                    full = assess_case(ctx, case)
                    assert full.lines
                    assert assess_case(ctx, case, steps=False) == full.model_copy(update={"lines": ()}), (scenario.name, on)
                    compared += 1
    assert compared >= 20


def test_a_repayment_finding_explains_every_step_of_the_assessment(agreement: Agreement) -> None:
    from iop_rules.explain import explain

    facts = make_facts(grant_payments=PAID_2025, misuse_cases=[misuse(a="rejected", b="rejected", claims=[{"id": "cl-1", "date": "2025-10-15", "amount": "60000.00"}])])
    explanation = explain(agreement, facts, "repayment/mc-1", as_of=day("2025-11-01"))
    steps = [step.en for step in explanation.steps]
    lines = [line.text.en for line in assess_repayment(agreement, facts, "mc-1", as_of=day("2025-11-01")).lines]
    assert len(lines) >= 8
    assert all(line in steps for line in lines)
