"""The text report in the order people act (issue 10, item 3): header with the open §4 cutoff, breaches not
remedied, upcoming actions by due date, rights apart, cured breaches marked, every obligation by section and year,
and one party's view with ``--party``."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from iop_rules import Agreement, Report, evaluate, load_facts
from iop_rules.catalogue import catalogue, msg
from iop_rules.facts import Facts, TerminationNotice
from iop_rules.presentation.order import arrange, concerns, for_party, open_cutoff
from iop_rules.presentation.phrases import days_left, phrase
from iop_rules.presentation.text_report import render_text

from .conftest import EXAMPLE, day

HEADINGS = (
    "heading.open_breaches",
    "heading.actions",
    "heading.rights",
    "heading.cured_breaches",
    "heading.obligations",
    "heading.notes",
)


@pytest.fixture(scope="module")
def example() -> Facts:
    return load_facts(EXAMPLE)


@pytest.fixture(scope="module")
def report_1130(agreement: Agreement, example: Facts) -> Report:
    return evaluate(agreement, example, as_of=day("2026-11-30"))


def section_of(text: str, key: str, lang: str) -> str:
    """The lines of one list of the report, from its heading to the next blank line."""
    heading = phrase(key, lang)
    start = text.index(f"\n{heading} (") + 1
    end = text.index("\n\n", start)
    return text[start:end]


def ids_in(text: str) -> list[str]:
    """The finding ids a piece of the report lists, in order."""
    return re.findall(r"^\s+\[([^\]]+)\]$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lists_come_in_the_order_people_act(report_1130: Report, agreement: Agreement, lang: str) -> None:
    text = render_text(report_1130, agreement, lang)
    positions = [text.index(f"\n{phrase(key, lang)} (") for key in HEADINGS]
    assert positions == sorted(positions)
    assert text.index(report_1130.agreement.message.get(lang)) < positions[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_upcoming_actions_by_due_date_statistics_before_the_year_end(
    report_1130: Report, agreement: Agreement, lang: str
) -> None:
    # The done-when: the statistics due 2026-12-10 come before the items due 2026-12-31.
    actions = section_of(render_text(report_1130, agreement, lang), "heading.actions", lang)
    listed = ids_in(actions)
    assert listed[0] == "statistics/stat-req-2026-11"
    for later in ("renegotiation/2027-2028", "follow-up/2026", "working-group/2026-autumn"):
        assert listed.index("statistics/stat-req-2026-11") < listed.index(later)
    dues = [report_1130.finding(i).due for i in listed]  # type: ignore[union-attr]
    dated = [d for d in dues if d is not None]
    assert dated == sorted(dated) and dues[: len(dated)] == dated  # undated ones (a decision to take) last


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_severity_orders_a_day_and_is_printed(report_1130: Report, agreement: Agreement, lang: str) -> None:
    actions = section_of(render_text(report_1130, agreement, lang), "heading.actions", lang)
    heads = [line for line in actions.splitlines() if line.startswith("  • ")]
    assert len(heads) == len(ids_in(actions))
    for head, finding_id in zip(heads, ids_in(actions), strict=True):
        severity = report_1130.finding(finding_id).severity  # type: ignore[union-attr]
        assert phrase("report.severity", lang, severity=msg(f"severity.{severity}")) in head
    listed = ids_in(actions)
    # Same day 2026-12-31: the critical renegotiation before the major follow-up and working group.
    assert listed.index("renegotiation/2027-2028") < listed.index("follow-up/2026")


def test_rights_are_apart_from_the_to_dos(report_1130: Report, agreement: Agreement) -> None:
    text = render_text(report_1130, agreement, "sv")
    actions = ids_in(section_of(text, "heading.actions", "sv"))
    rights = ids_in(section_of(text, "heading.rights", "sv"))
    assert rights and set(rights) == {f.id for f in report_1130.rights if f.status == "available"}
    assert not set(actions) & set(rights)
    assert all(report_1130.finding(i).kind == "duty" for i in actions)  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_cured_breaches_are_apart_and_marked(report_1130: Report, agreement: Agreement, lang: str) -> None:
    text = render_text(report_1130, agreement, lang)
    open_ids = ids_in(section_of(text, "heading.open_breaches", lang))
    cured = section_of(text, "heading.cured_breaches", lang)
    cured_ids = ids_in(cured)
    assert set(cured_ids) == {"mid-term-evaluation", "statistics/stat-req-2026-03"}
    assert not set(open_ids) & set(cured_ids)
    heads = [line for line in cured.splitlines() if line.startswith("  • ")]
    assert heads and all(phrase("report.cured", lang) in head for head in heads)
    assert phrase("report.cured", lang) not in section_of(text, "heading.open_breaches", lang)


def test_unremedied_breaches_in_date_order(report_1130: Report, agreement: Agreement) -> None:
    listed = ids_in(section_of(render_text(report_1130, agreement, "en"), "heading.open_breaches", "en"))
    assert set(listed) == {f.id for f in report_1130.unremedied_breaches()}
    dues = [report_1130.finding(i).due for i in listed]  # type: ignore[union-attr]
    assert dues == sorted(dues)  # type: ignore[type-var]
    assert listed[0] == "working-group-attendance/wg-2025-11/city"  # 2025-11-25, the oldest


def test_obligations_grouped_by_section_and_year_in_date_order(report_1130: Report, agreement: Agreement) -> None:
    arranged = arrange(report_1130, agreement)
    sections = [int(g.section) for g in arranged.obligations]
    assert sections == sorted(sections) and len(set(sections)) == len(sections)
    listed = []
    for group in arranged.obligations:
        years = [p.year for p in group.periods]
        dated = [y for y in years if y is not None]
        assert dated == sorted(dated) and years[: len(dated)] == dated
        for period in group.periods:
            assert all(f.section == group.section for f in period.findings)
            assert all((f.due.year if f.due else None) == period.year for f in period.findings)
            dues = [f.due for f in period.findings if f.due is not None]
            assert dues == sorted(dues)
            listed += [f.id for f in period.findings]
    assert sorted(listed) == sorted(f.id for f in report_1130.obligations)
    # The spring term before the autumn term (the old list was sorted by English id: autumn first).
    text = section_of(render_text(report_1130, agreement, "sv"), "heading.obligations", "sv")
    assert text.index("[working-group/2025-spring]") < text.index("[working-group/2025-autumn]")
    assert "§7 Organisation" in text and "År 2026" in text


@pytest.mark.parametrize("party", ["city", "fa"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_party_keeps_its_own_and_the_joint_findings(
    report_1130: Report, agreement: Agreement, party: str, lang: str
) -> None:
    other = "fa" if party == "city" else "city"
    text = render_text(report_1130, agreement, lang, party)  # type: ignore[arg-type]
    listed = set(ids_in(text))
    mine = {f.id for f in report_1130.findings() if f.party in (party, "both")}
    shown_kinds = {f.id for f in report_1130.findings() if f.kind in ("duty", "note") or f.status == "available"}
    assert listed == mine & shown_kinds
    assert not any(report_1130.finding(i).party == other for i in listed)  # type: ignore[union-attr]
    assert any(report_1130.finding(i).party == "both" for i in listed)  # type: ignore[union-attr]
    assert phrase(f"report.selection.{party}", lang) in text
    # The §4 cutoff concerns both parties: it stays in one party's header.
    assert text.splitlines()[2].startswith(catalogue(lang).templates["report.cutoff"][:12])


def test_for_party_filters_every_list_and_keeps_the_rest(report_1130: Report) -> None:
    for party in ("city", "fa"):
        shown = for_party(report_1130, party)  # type: ignore[arg-type]
        for name in ("breaches", "upcoming", "obligations", "rights", "notes"):
            kept = getattr(shown, name)
            assert kept == tuple(f for f in getattr(report_1130, name) if concerns(f, party))  # type: ignore[arg-type]
        assert shown.agreement == report_1130.agreement and shown.settings == report_1130.settings
    assert for_party(report_1130, None) is report_1130


# The §4 cutoff in the header ----------------------------------------------------------------------------------


def cutoff_line(text: str, lang: str) -> str | None:
    start = catalogue(lang).templates["report.cutoff"].split("{")[0]
    return next((line for line in text.splitlines()[:4] if line.startswith(start)), None)


@pytest.mark.parametrize(
    ("as_of", "sv", "en"),
    [
        ("2026-11-30", "31 dagar kvar", "31 days left"),
        ("2026-12-30", "1 dag kvar", "1 day left"),  # the day before the cutoff
        ("2026-12-31", "sista dagen i dag", "last day today"),  # the cutoff itself
    ],
)
def test_header_says_the_agreement_ends_on_the_cutoff_while_it_is_open(
    agreement: Agreement, example: Facts, as_of: str, sv: str, en: str
) -> None:
    report = evaluate(agreement, example, as_of=day(as_of))
    line_sv = cutoff_line(render_text(report, agreement, "sv"), "sv")
    line_en = cutoff_line(render_text(report, agreement, "en"), "en")
    assert line_sv is not None and "2026-12-31" in line_sv and "2027 och 2028" in line_sv and sv in line_sv
    assert line_en is not None and "2026-12-31" in line_en and "2027 and 2028" in line_en and en in line_en


def test_header_cutoff_sentence_gone_the_day_after_the_cutoff(agreement: Agreement, example: Facts) -> None:
    report = evaluate(agreement, example, as_of=day("2027-01-01"))
    assert open_cutoff(report, agreement) is None
    for lang in ("sv", "en"):
        assert cutoff_line(render_text(report, agreement, lang), lang) is None


def test_header_cutoff_sentence_gone_once_the_amendment_is_signed(agreement: Agreement, example: Facts) -> None:
    amendment = example.amendments[0].model_copy(update={"signed_by_city": dt.date(2026, 12, 3)})
    signed = example.model_copy(update={"amendments": (amendment,)})
    before = evaluate(agreement, signed, as_of=day("2026-12-02"))
    on_the_day = evaluate(agreement, signed, as_of=day("2026-12-03"))
    assert cutoff_line(render_text(before, agreement, "sv"), "sv") is not None
    assert open_cutoff(on_the_day, agreement) is None
    for lang in ("sv", "en"):
        assert cutoff_line(render_text(on_the_day, agreement, lang), lang) is None


def test_header_cutoff_sentence_not_under_the_reading_that_the_agreement_continues(
    agreement: Agreement, example: Facts
) -> None:
    report = evaluate(agreement, example, as_of=day("2026-11-30"), settings={"I14": "continues_without_grant"})
    assert cutoff_line(render_text(report, agreement, "sv"), "sv") is None


def test_header_cutoff_comes_from_the_agreement_not_a_literal(agreement: Agreement, example: Facts) -> None:
    term = agreement.term.model_copy(
        update={"renegotiation_cutoff": dt.date(2026, 12, 15), "renegotiated_grant_years": (2027, 2028)}
    )
    other = agreement.model_copy(update={"term": term})
    report = evaluate(other, example, as_of=day("2026-12-14"))
    line = cutoff_line(render_text(report, other, "sv"), "sv")
    assert line is not None and "2026-12-15" in line and "2026-12-31" not in line and "1 dag kvar" in line
    assert open_cutoff(evaluate(other, example, as_of=day("2026-12-16")), other) is None


# Days left -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "sv", "en"),
    [
        ("2026-12-09", "senast 2026-12-10 (1 dag kvar)", "by 2026-12-10 (1 day left)"),
        ("2026-12-10", "senast 2026-12-10 (sista dagen i dag)", "by 2026-12-10 (last day today)"),
    ],
)
def test_days_left_on_the_last_days(agreement: Agreement, example: Facts, as_of: str, sv: str, en: str) -> None:
    report = evaluate(agreement, example, as_of=day(as_of))
    for lang, words in (("sv", sv), ("en", en)):
        actions = section_of(render_text(report, agreement, lang), "heading.actions", lang)
        head = next(
            line
            for line, nxt in zip(actions.splitlines(), actions.splitlines()[2:], strict=False)
            if nxt.strip() == "[statistics/stat-req-2026-11]"
        )
        assert words in head
        assert "1 dagar" not in head


def test_statistics_due_yesterday_is_an_unremedied_breach(agreement: Agreement, example: Facts) -> None:
    report = evaluate(agreement, example, as_of=day("2026-12-11"))
    text = render_text(report, agreement, "sv")
    assert "statistics/stat-req-2026-11" in ids_in(section_of(text, "heading.open_breaches", "sv"))
    assert "statistics/stat-req-2026-11" not in ids_in(section_of(text, "heading.actions", "sv"))


def test_days_left_words() -> None:
    assert [days_left(n, "sv") for n in (0, 1, 2)] == ["sista dagen i dag", "1 dag kvar", "2 dagar kvar"]
    assert [days_left(n, "en") for n in (0, 1, 2)] == ["last day today", "1 day left", "2 days left"]


# Settings in words ----------------------------------------------------------------------------------------------


def test_settings_in_words_not_ids(report_1130: Report, agreement: Agreement, example: Facts) -> None:
    for lang in ("sv", "en"):
        last = render_text(report_1130, agreement, lang).rstrip("\n").splitlines()[-1]
        assert last == phrase("report.settings.default", lang)
        assert not re.search(r"\bI\d+=", last)
    changed = evaluate(agreement, example, as_of=day("2026-11-30"), settings={"I1": "bracket_date"})
    for lang, words in (
        ("sv", "halvtidsutvärderingen ska vara klar senast datumet inom parentes i avtalet"),
        ("en", "by the date in brackets"),
    ):
        tail = render_text(changed, agreement, lang).split(phrase("report.settings.changed", lang))[1]
        # The reading in the report's own language, never the register's English text nor the setting's code.
        assert words in tail and "bracket_date" not in tail and not re.search(r"\bI1\b", tail)
        assert agreement.interpretations["I1"].readings["bracket_date"] not in tail


@pytest.mark.parametrize(
    ("notice_day", "as_of", "shown"),
    [
        ("2025-11-01", "2026-10-01", False),  # notice ends the agreement on 2026-11-01, before the cutoff
        ("2026-06-01", "2026-11-30", True),  # notice ends it on 2027-06-01: the cutoff still decides
    ],
)
def test_header_cutoff_sentence_only_when_the_agreement_would_outlast_the_cutoff(
    agreement: Agreement, example: Facts, notice_day: str, as_of: str, shown: bool
) -> None:
    notice = TerminationNotice.model_validate({"id": "notice-1", "date": notice_day, "party": "fa"})
    facts = example.model_copy(update={"termination_notices": (notice,)})
    report = evaluate(agreement, facts, as_of=day(as_of))
    assert report.agreement.state == "notice_given"
    assert (cutoff_line(render_text(report, agreement, "en"), "en") is not None) is shown
