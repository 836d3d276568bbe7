"""Properties of the recurring duties (§6–§8): doing more never adds a breach, and no cadence is broken before its
period closes, whatever the facts, the day and the interpretation settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from iop_rules import Report, evaluate, load_agreement

from .conftest import make_facts

AGREEMENT = load_agreement()
FIRST = dt.date(2024, 12, 1)
LAST = dt.date(2029, 3, 31)
BOUNDARIES = tuple(
    d + dt.timedelta(days=k)
    for year in range(2025, 2029)
    for d in (dt.date(year, 1, 1), dt.date(year, 6, 30), dt.date(year, 7, 1), dt.date(year, 12, 31))
    for k in (-1, 0, 1)
)

days = st.one_of(st.dates(FIRST, LAST), st.sampled_from(BOUNDARIES))
parties = st.sampled_from([(), ("city",), ("fa",), ("city", "fa")])


@st.composite
def settings(draw: st.DrawFn) -> dict[str, object]:
    """The settings these duties depend on, each left at its default or set to its alternative."""
    choices: dict[str, tuple[object, ...]] = {
        "I3": ("calendar_halves", "configured"),
        "I4": ("both_present", "either_present"),
        "I5": ("once_per_term", "after_every_meeting"),
        "I9": ("not_required", "proportional"),
        "I10": (1, 2),
        "I11": ("calendar_year", "twelve_months_from_start"),
        "I12": ("counts", "does_not_count"),
        "I7": (30, 14),
    }
    return {key: draw(st.sampled_from(values)) for key, values in choices.items()}


@st.composite
def histories(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """Meetings, follow-ups, evaluations, outreach, statistics and perhaps a notice, as facts collections."""
    meetings = [
        {
            "id": f"m{n}",
            "date": draw(days).isoformat(),
            "body": draw(st.sampled_from(["working_group", "steering_group", "network", "core_group"])),
            "convener": draw(st.sampled_from(["city", "fa", "other"])),
            "present": list(draw(parties)),
        }
        for n in range(draw(st.integers(0, 6)))
    ]
    requests = [{"id": f"r{n}", "date": draw(days).isoformat()} for n in range(draw(st.integers(0, 2)))]
    out: dict[str, list[dict[str, Any]]] = {
        "meetings": meetings,
        "follow_ups": [{"id": f"f{n}", "date": draw(days).isoformat()} for n in range(draw(st.integers(0, 3)))],
        "evaluations": [
            {"id": f"e{n}", "date": draw(days).isoformat(), "mid_term": draw(st.booleans())} for n in range(draw(st.integers(0, 2)))
        ],
        "outreach_sessions": [
            {"id": f"o{n}", "date": draw(days).isoformat(), "city_present": draw(st.booleans())}
            for n in range(draw(st.integers(0, 3)))
        ],
        "statistics_requests": requests,
        "grant_payments": [{"id": "gp-2025", "grant_year": 2025, "date": "2025-01-20", "amount": "200000.00"}],
    }
    if draw(st.booleans()):
        out["termination_notices"] = [{"id": "n1", "party": draw(st.sampled_from(["city", "fa"])), "date": draw(days).isoformat()}]
    return out


def breaches(report: Report) -> set[str]:
    return {f.id for f in report.breaches}


def run(history: dict[str, list[dict[str, Any]]], as_of: dt.date, chosen: dict[str, object]) -> Report:
    return evaluate(AGREEMENT, make_facts(**history), as_of=as_of, settings=chosen)


def plus(history: dict[str, list[dict[str, Any]]], collection: str, *records: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {**history, collection: [*history.get(collection, []), *records]}


KINDS = ("working_group", "steering_group", "network", "core_group", "follow_up", "delivery", "outreach", "evaluation")


def added(kind: str, held: dt.date, chosen: dict[str, object]) -> tuple[str, list[dict[str, Any]]]:
    """One thing done as the agreement asks: a meeting with both present, convened by the party that must
    convene it; a follow-up; a complete statistics delivery; an outreach session with city; an evaluation."""
    iso = held.isoformat()
    if kind in ("working_group", "steering_group", "network", "core_group"):
        convener = "city" if kind in ("network", "core_group") else "fa"
        records = [{"id": "added", "date": iso, "body": kind, "convener": convener, "present": ["city", "fa"]}]
        if kind == "working_group" and chosen["I5"] == "after_every_meeting":
            # Under I5 after_every_meeting a working-group meeting brings its own steering duty: add it met.
            records.append({"id": "added-sg", "date": iso, "body": "steering_group", "convener": "fa", "present": ["city", "fa"]})
        return "meetings", records
    if kind == "follow_up":
        return "follow_ups", [{"id": "added", "date": iso}]
    if kind == "delivery":
        figures = {"contacts": 1, "support_talks": 2, "persons_reached": 3}
        return "statistics_deliveries", [{"id": "added", "request_id": "asked", "date": iso, **figures}]
    if kind == "outreach":
        return "outreach_sessions", [{"id": "added", "date": iso, "city_present": True}]
    return "evaluations", [{"id": "added", "date": iso}]


@given(histories(), days, settings(), days, st.integers(0, 60), st.sampled_from(KINDS))
def test_adding_a_meeting_a_delivery_or_a_follow_up_never_adds_a_breach(
    history: dict[str, list[dict[str, Any]]],
    as_of: dt.date,
    chosen: dict[str, object],
    asked: dt.date,
    later: int,
    kind: str,
) -> None:
    """Whatever was recorded before, doing one more thing the agreement asks never creates a breach."""
    history = plus(history, "statistics_requests", {"id": "asked", "date": asked.isoformat()})
    held = asked + dt.timedelta(days=later)
    collection, records = added(kind, held, chosen)
    before = run(history, as_of, chosen)
    after = run(plus(history, collection, *records), as_of, chosen)
    assert breaches(after) <= breaches(before)


def _period_end(key: str) -> dt.date | None:
    """The last day of a calendar-half term (``2025-spring``) or a calendar year (``2025``), computed here
    independently of the library; None for other keys."""
    year, _, half = key.partition("-")
    if not year.isdigit():
        return None
    if half == "spring":
        return dt.date(int(year), 6, 30)
    if half == "autumn" or half == "":
        return dt.date(int(year), 12, 31)
    return None


CADENCES = ("working-group/", "steering-group/", "follow-up/", "evaluation/", "internet-outreach/")


@given(histories(), days, settings())
def test_no_cadence_breach_before_its_period_closes(
    history: dict[str, list[dict[str, Any]]], as_of: dt.date, chosen: dict[str, object]
) -> None:
    report = run(history, as_of, chosen)
    last_day = report.agreement.last_day
    assert last_day is not None
    window = dt.timedelta(days=AGREEMENT.cadence.steering_group_within_days)
    for found in report.findings():
        if not found.id.startswith(CADENCES) or found.status != "violated":
            continue
        assert found.due is not None and found.due < as_of, found.id
        prefix, _, key = found.id.partition("/")
        end = _period_end(key)
        if end is None or (prefix != "follow-up" and chosen["I3"] != "calendar_halves") or (prefix == "follow-up" and chosen["I11"] != "calendar_year"):
            continue
        closes = min(end + (window if prefix == "steering-group" else dt.timedelta(0)), last_day)
        assert as_of > closes, (found.id, as_of, closes)
        # A breach closes with its period (or the agreement's end under I9), never before.
        assert found.due >= closes, (found.id, found.due, closes)
