"""The report as one self-contained HTML page: the agreement's standing and the §4 cutoff, a timeline of the whole
term drawn as SVG, the breaches, upcoming actions and obligations as tables with each finding's explanation folded
beside it, and a print stylesheet for A4.

Everything shown comes from the analyses: the report on the day (``evaluate``), each finding's explanation
(``explain``, which also gives the period a duty covers) and the status changes up to the day (``timeline``, which
gives the day a right or a duty without deadline took its status). Nothing here decides a status or a date.

The page is built from Jinja2 templates in ``templates/``, autoescaped: every value from the facts is untrusted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import cast

from jinja2 import Environment, FunctionLoader, StrictUndefined

from .. import _workbook_words as words
from .._types import PartyKey, format_sek
from ..agreement import Agreement
from ..catalogue import Msg, msg, render
from ..evaluate import evaluate
from ..explain import Explanation, explain_all
from ..facts import Facts
from ..report import Finding, Report
from ..timeline import StatusChange, timeline
from .labels import HEADING, PARTY_LABEL, STATUS_LABEL, pick, setting_text
from .order import arrange, open_cutoff
from .phrases import phrase, say
from .text_report import settings_lines

# The timeline's geometry, in SVG user units (the drawing scales to the page's width).
_WIDTH = 1000
_LABEL = 200
_RIGHT = 20
_TOP = 34
_LANE = 15
_ROW_PAD = 7
_MIN_GAP = 11
"""Marks closer than this in one row go to separate lanes, so that none hides another."""

ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("grants", ("grant-payment",)),
    ("accounts", ("annual-account",)),
    ("statistics", ("statistics",)),
    ("working_group", ("working-group", "working-group-attendance")),
    ("steering_group", ("steering-group", "steering-group-convener", "steering-group-after", "principled-decision")),
    ("network", ("network-meeting", "core-group-meeting")),
    ("outreach", ("internet-outreach",)),
    ("follow_ups", ("follow-up",)),
    ("evaluations", ("evaluation",)),
    ("mid_term", ("mid-term-evaluation",)),
    ("renegotiation", ("renegotiation", "renegotiation-demand")),
)
"""The timeline's rows, one per kind of duty, by the first part of the finding ids they hold; any other duty goes
to a row of its own at the end, and rights to the last row."""

ROW_NAME: dict[str, Msg] = {
    "grants": msg("html.row.grants"),
    "accounts": msg("html.row.accounts"),
    "statistics": msg("html.row.statistics"),
    "working_group": msg("html.row.working_group"),
    "steering_group": msg("html.row.steering_group"),
    "network": msg("html.row.network"),
    "outreach": msg("html.row.outreach"),
    "follow_ups": msg("html.row.follow_ups"),
    "evaluations": msg("html.row.evaluations"),
    "mid_term": msg("html.row.mid_term"),
    "renegotiation": msg("html.row.renegotiation"),
    "other": msg("html.row.other"),
    "rights": msg("html.row.rights"),
}
"""The timeline's row names."""

SHAPES: dict[str, str] = {
    "fulfilled": "circle",
    "fulfilled_late": "diamond",
    "violated": "cross",
    "due": "triangle",
    "pending": "ring",
    "open": "square-open",
    "discharged": "dash",
    "needs_assessment": "diamond-open",
    "available": "triangle-open",
    "exercised": "plus",
    "expired": "dash",
    "noted": "dot",
}
"""Each status has its own shape as well as its own colour, so that the timeline reads without colour."""

STATUS_ORDER = tuple(SHAPES)

COLOURS: dict[str, str] = {
    "fulfilled": "#007a5a",
    "fulfilled_late": "#b86e00",
    "violated": "#c0392b",
    "due": "#0060a8",
    "pending": "#6b6b6b",
    "open": "#2a8fc4",
    "discharged": "#9a9a9a",
    "needs_assessment": "#a2457e",
    "available": "#0060a8",
    "exercised": "#007a5a",
    "expired": "#9a9a9a",
    "noted": "#6b6b6b",
}
"""Colours told apart also by people with the common colour-vision deficiencies (after Okabe and Ito), dark
enough to read on white."""


@dataclass
class Mark:
    """One duty instance or right on the timeline."""

    finding: Finding
    x: float
    bar: tuple[float, float] | None
    title: str
    anchor: str
    lane: int = 0
    y: float = 0.0


@dataclass
class Row:
    """One kind of duty: its label and its marks, in lanes."""

    key: str
    label: str
    marks: list[Mark] = field(default_factory=list)
    y: float = 0.0
    height: float = 0.0


@dataclass
class Table:
    """One list of the report as a table."""

    key: str
    heading: str
    findings: Sequence[Finding]


def anchor(finding_id: str) -> str:
    """The HTML id of a finding's explanation: its id with every character outside [a-z0-9-] made ``-``."""
    return "f-" + re.sub(r"[^a-z0-9-]", "-", finding_id.lower())


def _row_key(finding: Finding) -> str:
    if finding.kind == "right":
        return "rights"
    prefix = finding.id.split("/", 1)[0]
    return next((key for key, prefixes in ROWS if prefix in prefixes), "other")


def _in_party(finding: Finding, party: str | None) -> bool:
    return party is None or finding.party in (party, "both")


def report_lists(report: Report, agreement: Agreement, party: PartyKey | None = None) -> list[tuple[str, Msg, Sequence[Finding]]]:
    """The report's lists as the text report orders and names them (``order.arrange``: unremedied breaches by
    date, upcoming actions by due date, rights that may be exercised, cured breaches, every obligation by section
    and year, notes), each holding only what concerns ``party`` (and both), as (key, heading, findings).

    Every right, whatever its status, also gets a list of its own after the obligations, so that each mark of the
    timeline has an explanation to link to."""
    arranged = arrange(report, agreement, party)
    obligations = [f for group in arranged.obligations for period in group.periods for f in period.findings]
    return [
        ("breaches", HEADING["open_breaches"], arranged.open_breaches),
        ("upcoming", HEADING["actions"], arranged.actions),
        ("available", HEADING["rights"], arranged.rights),
        ("cured", HEADING["cured_breaches"], arranged.cured_breaches),
        ("obligations", HEADING["obligations"], obligations),
        ("rights", msg("html.rights"), arranged.report.rights),
        ("notes", HEADING["notes"], arranged.notes),
    ]


_SETTING_ID = re.compile(r" ?\((I[0-9]{1,2})\)|(?<=\()I[0-9]{1,2}, ")


def without_setting_ids(text: str) -> str:
    """A reasoning step without the interpretation settings' ids ("… = 2026-12-10 (I7)"): the ids stay in the
    JSON and in ``explain``; the page says the readings in words beside each explanation."""
    return _SETTING_ID.sub("", text)


def fact_name(fact: str, lang: str) -> str:
    """The kind of fact a finding rests on, as the workbook's sheet names it ("Bidragsutbetalningar"), or the
    agreement itself; the collection's key is code."""
    if fact in words.SHEETS:
        return words.pick(words.SHEETS[fact], lang)
    return phrase("html.fact.agreement", lang)


def since_days(changes: Iterable[StatusChange]) -> dict[str, dt.date]:
    """The day each finding took the status it has at the end of the changes."""
    out: dict[str, dt.date] = {}
    for change in changes:
        if change.to_status is None:
            out.pop(change.finding_id, None)
        else:
            out[change.finding_id] = change.date
    return out


class _Scale:
    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self.days = max((end - start).days + 1, 1)

    def x(self, day: dt.date) -> float:
        clamped = min(max(day, self.start), self.end + dt.timedelta(days=1))
        return round(_LABEL + (clamped - self.start).days / self.days * (_WIDTH - _LABEL - _RIGHT), 1)


def _mark(
    finding: Finding,
    scale: _Scale,
    report: Report,
    explanation: Explanation | None,
    since: Mapping[str, dt.date],
    lang: str,
) -> Mark:
    status = pick(STATUS_LABEL[finding.status], lang)
    party = pick(PARTY_LABEL[finding.party], lang)
    bar: tuple[float, float] | None = None
    if finding.due is not None:
        x = scale.x(finding.due)
        when = finding.due.isoformat()
        start = explanation.period_start if explanation is not None else None
        if start is not None and start < finding.due:
            bar = (scale.x(start), x)
            when = phrase("html.period", lang, start=start, end=finding.due)
    else:
        # No deadline: shown on the evaluation day, with the stretch since it took its status.
        x = scale.x(report.as_of)
        began = since.get(finding.id)
        when = phrase("html.no_deadline", lang)
        if began is not None and began < report.as_of:
            bar = (scale.x(began), x)
            when += ", " + phrase("html.since", lang, day=began)
    title = f"§{finding.section} {party} — {status} — {when}\n{finding.message.get(lang)}\n[{finding.id}]"
    return Mark(finding, x, bar, title, anchor(finding.id))


def _lay_out(rows: list[Row]) -> float:
    """Give each mark a lane in its row so that no two marks overlap, and each row its height; the total height."""
    y = _TOP
    for row in rows:
        lanes: list[float] = []
        for mark in sorted(row.marks, key=lambda m: (m.x, m.bar[0] if m.bar else m.x, m.finding.id)):
            left = mark.bar[0] if mark.bar else mark.x
            for index, last in enumerate(lanes):
                if left - last >= _MIN_GAP and mark.x - last >= _MIN_GAP:
                    mark.lane = index
                    lanes[index] = mark.x
                    break
            else:
                mark.lane = len(lanes)
                lanes.append(mark.x)
        row.y = y
        row.height = max(len(lanes), 1) * _LANE + 2 * _ROW_PAD
        for mark in row.marks:
            mark.y = round(y + _ROW_PAD + _LANE * mark.lane + _LANE / 2, 1)
        y += row.height
    return y


def _rows(
    report: Report,
    findings: Sequence[Finding],
    scale: _Scale,
    explanations: Mapping[str, Explanation],
    since: Mapping[str, dt.date],
    lang: str,
) -> list[Row]:
    keys = [key for key, _ in ROWS] + ["other", "rights"]
    rows = {key: Row(key, say(ROW_NAME[key], lang)) for key in keys}
    for finding in findings:
        rows[_row_key(finding)].marks.append(_mark(finding, scale, report, explanations.get(finding.id), since, lang))
    # A row is drawn when it has marks, or when it is one of the agreement's kinds of duty (an empty row says so).
    return [row for key, row in rows.items() if row.marks or key not in ("other", "rights")]


def _years(scale: _Scale) -> list[tuple[float, str]]:
    return [(scale.x(dt.date(year, 1, 1)), str(year)) for year in range(scale.start.year, scale.end.year + 1)]


def _environment() -> Environment:
    templates = files("iop_rules.presentation").joinpath("templates")

    def load(name: str) -> str:
        return templates.joinpath(name).read_text(encoding="utf-8")

    env = Environment(
        loader=FunctionLoader(load),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


_ENV = _environment()


def render_page(
    report: Report,
    agreement: Agreement,
    explanations: Mapping[str, Explanation],
    changes: Sequence[StatusChange],
    lang: str = "sv",
    party: str | None = None,
    version: str = "",
) -> str:
    """The page from values already computed: the report, each finding's explanation and the status changes from
    the term's start to the report's day."""
    term = agreement.term
    start = min(term.start, report.as_of)
    end = max(term.end, report.agreement.last_day or term.end)
    scale = _Scale(start, end)
    lists = report_lists(report, agreement, cast("PartyKey | None", party))
    shown = {f.id: f for _, _, findings in lists for f in findings if f.kind != "note"}
    marks_of = [f for f in (*report.obligations, *report.rights) if f.id in shown]
    rows = _rows(report, marks_of, scale, explanations, since_days(changes), lang)
    height = _lay_out(rows) + 8
    cutoff = next(
        (f for f in report.upcoming if f.id.startswith("renegotiation/") and f.due is not None and f.kind == "duty"),
        None,
    )
    lapsing = 0
    if cutoff is not None and cutoff.due is not None:
        lapsing = sum(1 for f in report.obligations if f.due is not None and f.due > cutoff.due and f.status in ("pending", "due"))
    tables = [Table(key, say(heading, lang), findings) for key, heading, findings in lists]
    notice = open_cutoff(report, agreement)
    cutoff_years: tuple[int, ...] = tuple(notice.years) if notice is not None else ()
    used = sorted({m.finding.status for row in rows for m in row.marks}, key=STATUS_ORDER.index)
    template = _ENV.get_template("report.html.j2")
    html: str = template.render(
        lang=lang,
        # The templates name their ids as literals (w("html.state")); the completeness test reads them there.
        w=lambda key, **values: render(Msg(key, tuple(sorted(values.items()))), lang),
        report=report,
        agreement=agreement,
        title=phrase("report.title", lang, name=agreement.agreement.short_name, day=report.as_of),
        reading=lambda key, value: setting_text(key, value, lang),
        without_ids=without_setting_ids,
        fact_name=lambda fact: fact_name(fact, lang),
        cutoff=cutoff,
        cutoff_years=cutoff_years,
        lapsing=lapsing,
        party=None if party is None else pick(PARTY_LABEL[party], lang),
        width=_WIDTH,
        height=height,
        label_width=_LABEL,
        top=_TOP,
        rows=rows,
        years=_years(scale),
        today_x=scale.x(report.as_of),
        end_x=scale.x(report.agreement.last_day or term.end),
        end_day=(report.agreement.last_day or term.end).isoformat(),
        cutoff_x=None if cutoff is None or cutoff.due is None else scale.x(cutoff.due),
        term_start=start.isoformat(),
        term_end=end.isoformat(),
        shapes=SHAPES,
        colours=COLOURS,
        legend=[(status, pick(STATUS_LABEL[status], lang), SHAPES[status]) for status in used],
        tables=tables,
        explanations=explanations,
        status_label=lambda status: pick(STATUS_LABEL[status], lang),
        party_label=lambda p: pick(PARTY_LABEL[p], lang),
        money=lambda amount: format_sek(amount, lang),
        anchor=anchor,
        settings=settings_lines(report, agreement, lang),
        version=version,
    )
    return html


def render_html(
    agreement: Agreement,
    facts: Facts,
    as_of: dt.date | None = None,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
    lang: str = "sv",
    party: str | None = None,
    version: str = "",
) -> str:
    """The HTML report of the facts on ``as_of``: the report, every finding's explanation and the status changes
    from the term's start to the day, rendered by ``render_page``."""
    report = evaluate(agreement, facts, as_of=as_of, horizon_days=horizon_days, settings=settings)
    # One evaluation explains every finding, rather than one evaluation per finding.
    explanations = {e.finding.id: e for e in explain_all(agreement, facts, report.as_of, settings, horizon_days)}
    start = agreement.term.start
    changes: tuple[StatusChange, ...] = ()
    if report.as_of >= start:
        changes = timeline(agreement, facts, start, report.as_of, settings, horizon_days)
    return render_page(report, agreement, explanations, changes, lang, party, version)
