"""Hypothesis strategies for facts snapshots: every collection, unique ids, valid references, dates 2024-06..2029-06.

Dates lean towards the agreement's own boundary days (the term's start and end, the grant deadlines, the
mid-term evaluation, the §4 cutoff, term and year ends) and the days either side of them, because that is where
statuses change. The strategies build plain data (what a facts file holds) and validate it with ``parse_facts``,
so a generated snapshot is one a person could have written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from iop_rules import Facts, load_agreement, parse_facts
from iop_rules.agreement import INTERPRETATION_IDS, alternatives
from iop_rules.facts import AttestationItem

AGREEMENT = load_agreement()

FIRST_DAY = dt.date(2024, 6, 1)
LAST_DAY = dt.date(2029, 6, 30)


def _key_days() -> tuple[dt.date, ...]:
    term = AGREEMENT.term
    days = {term.start, term.end, term.half_term_passes, term.renegotiation_cutoff, dt.date(2026, 10, 31)}
    for year in range(term.start.year - 1, term.end.year + 2):
        days.update(
            {
                AGREEMENT.grants.deadline(year),
                dt.date(year, 1, 1),
                dt.date(year, 3, 31),
                dt.date(year, 6, 30),
                dt.date(year, 7, 1),
                dt.date(year, 12, 31),
            }
        )
    return tuple(sorted(d for d in days if FIRST_DAY <= d <= LAST_DAY))


KEY_DAYS = _key_days()
"""The agreement's boundary days: where a status is most likely to change."""

YEARS = tuple(range(AGREEMENT.term.start.year, AGREEMENT.term.end.year + 1))
ATTESTATION_ITEMS: tuple[str, ...] = AttestationItem.__args__  # type: ignore[attr-defined]


@st.composite
def days(draw: st.DrawFn, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
    """A day in [first, last], often a boundary day of the agreement or one day either side of it."""
    near = [d for d in KEY_DAYS if first <= d <= last]
    if near and draw(st.booleans()):
        day = draw(st.sampled_from(near)) + dt.timedelta(days=draw(st.integers(-2, 2)))
        return min(max(day, first), last)
    return draw(st.dates(first, last))


def after(draw: st.DrawFn, base: dt.date, most: int = 120) -> dt.date:
    """A day on or after ``base`` (a delivery after its request, a dialogue after its dispute…)."""
    return base + dt.timedelta(days=draw(st.integers(0, most)))


def _iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def amounts(draw: st.DrawFn) -> str:
    """An exact amount in SEK as a facts file writes it: the grant, a little less or more, a part, or any."""
    grant = next(iter(AGREEMENT.grants.amounts.values()), Decimal("200000.00"))
    choice = draw(
        st.one_of(
            st.sampled_from([grant, grant - Decimal("0.01"), grant + Decimal("0.01"), grant / 2, Decimal("0.00")]),
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("300000"), places=2),
        )
    )
    return f"{choice:.2f}"


class _Ids:
    """Unique ids across the whole snapshot: a prefix per collection and a running number."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-{self.count}"


def _some(draw: st.DrawFn, most: int) -> int:
    return draw(st.integers(0, most))


@st.composite
def facts_data(draw: st.DrawFn, size: int = 3) -> dict[str, Any]:
    """A facts snapshot as plain data (lists of records with ISO dates), valid and with unique ids.

    ``size`` bounds how many records most collections get.
    """
    ids = _Ids()
    data: dict[str, Any] = {}
    party = st.sampled_from(["city", "fa"])

    signatures = []
    for p in draw(st.lists(party, max_size=3)):
        record: dict[str, Any] = {"id": ids("sig"), "party": p, "date": _iso(draw(days()))}
        if draw(st.booleans()):
            record["signatory_role"] = AGREEMENT.party(p).signatory_role
        signatures.append(record)
    data["signatures"] = signatures

    amendments = []
    for _ in range(_some(draw, 2)):
        drawn_up = draw(days())
        record = {
            "id": ids("amend"),
            "date": _iso(drawn_up),
            "in_writing": draw(st.booleans()),
            "changes": draw(st.sampled_from(["Bidrag 2027 och 2028", "Ändrad mötesordning"])),
        }
        for field in ("signed_by_city", "signed_by_fa"):
            if draw(st.integers(0, 3)):
                record[field] = _iso(after(draw, drawn_up, 60))
        if draw(st.booleans()):
            record["grants"] = {
                str(y): draw(amounts()) for y in AGREEMENT.term.renegotiated_grant_years if draw(st.integers(0, 4))
            }
        amendments.append(record)
    data["amendments"] = amendments

    # Notices end the agreement early: rarer, so that most snapshots keep a term in force to test against.
    data["termination_notices"] = [
        {"id": ids("notice"), "date": _iso(draw(days())), "party": draw(party)}
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2])))
    ]
    data["evaluations"] = [
        {
            "id": ids("eval"),
            "date": _iso(draw(days())),
            "mid_term": draw(st.booleans()),
            "includes_compensation_review": draw(st.booleans()),
        }
        for _ in range(_some(draw, size))
    ]
    data["follow_ups"] = [{"id": ids("fu"), "date": _iso(draw(days()))} for _ in range(_some(draw, size + 1))]
    grant_years = st.sampled_from((YEARS[0] - 1, *YEARS, YEARS[-1] + 1))
    data["grant_payments"] = [
        {"id": ids("gp"), "date": _iso(draw(days())), "grant_year": draw(grant_years), "amount": draw(amounts())}
        for _ in range(_some(draw, size + 1))
    ]
    data["annual_accounts"] = [
        {"id": ids("acc"), "date": _iso(draw(days())), "grant_year": draw(grant_years)}
        for _ in range(_some(draw, size))
    ]

    requests = [{"id": ids("req"), "date": _iso(draw(days()))} for _ in range(_some(draw, size))]
    data["statistics_requests"] = requests
    deliveries = []
    for request in requests:
        for _ in range(draw(st.sampled_from([0, 1, 1, 2]))):
            record = {
                "id": ids("del"),
                "request_id": request["id"],
                "date": _iso(after(draw, dt.date.fromisoformat(request["date"]), 60)),
            }
            for field in ("contacts", "support_talks", "persons_reached"):
                if draw(st.integers(0, 5)):
                    record[field] = draw(st.integers(-1, 500))
            deliveries.append(record)
    data["statistics_deliveries"] = deliveries

    meetings = []
    for _ in range(_some(draw, 2 * size)):
        present = draw(st.lists(party, unique=True, max_size=2))
        meetings.append(
            {
                "id": ids("meet"),
                "date": _iso(draw(days())),
                "body": draw(st.sampled_from(["working_group", "steering_group", "network", "core_group"])),
                "convener": draw(st.sampled_from(["city", "fa", "other"])),
                "present": present,
            }
        )
    data["meetings"] = meetings
    data["principled_decisions"] = [
        {
            "id": ids("dec"),
            "date": _iso(draw(days())),
            "body": draw(st.sampled_from(["steering_group", "working_group", "network", "core_group", "other"])),
        }
        for _ in range(_some(draw, 2))
    ]
    data["outreach_sessions"] = [
        {"id": ids("out"), "date": _iso(draw(days())), "city_present": draw(st.booleans())}
        for _ in range(_some(draw, size))
    ]
    data["joint_plans"] = [
        {
            "id": ids("plan"),
            "date": _iso(draw(days())),
            "adopted_by": draw(st.lists(party, unique=True, max_size=2)),
            "city_participated": draw(st.booleans()),
        }
        for _ in range(_some(draw, 2))
    ]
    data["attestations"] = [
        {
            "id": ids("att"),
            "date": _iso(draw(days())),
            "year": draw(st.sampled_from(YEARS)),
            "item": draw(st.sampled_from(ATTESTATION_ITEMS)),
        }
        for _ in range(_some(draw, size + 1))
    ]
    data["fees_charged"] = [
        {"id": ids("fee"), "date": _iso(draw(days())), "amount": draw(amounts())} for _ in range(_some(draw, 1))
    ]

    cases = []
    for _ in range(_some(draw, 2)):
        known = draw(days())
        case: dict[str, Any] = {
            "id": ids("case"),
            "date": _iso(known),
            "grant_year": draw(grant_years),
            "amount": draw(amounts()),
        }
        manifest = draw(st.sampled_from([None, True, True, False]))
        if manifest is not None:
            case["manifest"] = manifest
        for field in ("care_shown", "disproportionate"):
            if draw(st.booleans()):
                case[field] = {
                    "outcome": draw(st.sampled_from(["established", "rejected"])),
                    "date": _iso(after(draw, known, 200)),
                }
        case["repayments"] = [
            {"id": ids("repay"), "date": _iso(after(draw, known, 300)), "amount": draw(amounts())}
            for _ in range(_some(draw, 2))
        ]
        case["claims"] = [
            {"id": ids("claim"), "date": _iso(after(draw, known, 300)), "amount": draw(amounts())}
            for _ in range(_some(draw, 2))
        ]
        cases.append(case)
    data["misuse_cases"] = cases

    demands = []
    for _ in range(_some(draw, 2)):
        raised = draw(days())
        record = {
            "id": ids("demand"),
            "date": _iso(raised),
            "party": draw(party),
            "ground": draw(st.sampled_from(["non_fulfilment", "unforeseen_circumstances"])),
        }
        if draw(st.booleans()):
            record["concluded"] = _iso(after(draw, raised, 200))
        demands.append(record)
    data["renegotiation_demands"] = demands

    disputes = [{"id": ids("dispute"), "date": _iso(draw(days())), "raised_by": draw(party)} for _ in range(_some(draw, 2))]
    data["disputes"] = disputes
    data["dialogues"] = [
        {
            "id": ids("dialogue"),
            "dispute_id": dispute["id"],
            "date": _iso(after(draw, dt.date.fromisoformat(dispute["date"]), 90)),
        }
        for dispute in disputes
        for _ in range(draw(st.sampled_from([0, 1, 1, 2])))
    ]
    data["authority_findings"] = [
        {"id": ids("authority"), "date": _iso(draw(days())), "authority": "IVO"} for _ in range(_some(draw, 1))
    ]
    if draw(st.booleans()):
        data["as_of"] = _iso(draw(days()))
    return data


@st.composite
def facts_snapshots(draw: st.DrawFn, size: int = 3) -> Facts:
    """A valid facts snapshot (validated the way a facts file is)."""
    return parse_facts(draw(facts_data(size=size)), source="generated")


@st.composite
def settings_overrides(draw: st.DrawFn) -> dict[str, object]:
    """Interpretation settings for one evaluation: each setting left as it is or set to one of its alternatives."""
    out: dict[str, object] = {}
    for key in INTERPRETATION_IDS:
        if draw(st.integers(0, 3)) == 0:
            out[key] = draw(st.sampled_from(alternatives(key)))
    return out


def all_ids(facts: Facts) -> set[str]:
    """Every id used in a snapshot, nested records included."""
    out: set[str] = set()
    for name in Facts.model_fields:
        value = getattr(facts, name)
        if isinstance(value, tuple):
            for record in value:
                out.add(record.id)
                for nested in ("repayments", "claims"):
                    out.update(r.id for r in getattr(record, nested, ()))
    return out


@st.composite
def fulfilments(draw: st.DrawFn, facts: Facts, settings: dict[str, object]) -> tuple[str, dict[str, Any]]:
    """A record that can only do what a duty asks: (collection, record), with a fresh id.

    Signatures, accounts, complete statistics deliveries, follow-ups, evaluations with the review, attestations,
    dialogues on a recorded dispute, a joint plan adopted by both with city taking part, outreach with city
    present, and meetings convened by the party the agreement names with both present. Not fulfilments:
    amendments and notices change the agreement itself (a compensation agreement keeps it in force, so the later
    years' duties arise), and a grant payment also gives rise to fa's written account of the year (§8).
    """
    used = all_ids(facts)
    fresh = "added-1"
    while fresh in used:
        fresh += "x"
    when = _iso(draw(days()))
    kinds = [
        "signature",
        "account",
        "follow_up",
        "evaluation",
        "attestation",
        "plan",
        "outreach",
        "steering",
        "network",
    ]
    # Under I5 after_every_meeting a working-group meeting itself calls for a steering-group meeting.
    if settings.get("I5", AGREEMENT.settings().I5) == "once_per_term":
        kinds.append("working_group")
    if facts.statistics_requests:
        kinds.append("delivery")
    if facts.disputes:
        kinds.append("dialogue")
    kind = draw(st.sampled_from(kinds))
    both = ["city", "fa"]
    if kind == "signature":
        return "signatures", {"id": fresh, "date": when, "party": draw(st.sampled_from(both))}
    if kind == "account":
        return "annual_accounts", {"id": fresh, "date": when, "grant_year": draw(st.sampled_from(YEARS))}
    if kind == "follow_up":
        return "follow_ups", {"id": fresh, "date": when}
    if kind == "evaluation":
        return "evaluations", {"id": fresh, "date": when, "mid_term": draw(st.booleans()), "includes_compensation_review": True}
    if kind == "attestation":
        return "attestations", {
            "id": fresh,
            "date": when,
            "year": draw(st.sampled_from(YEARS)),
            "item": draw(st.sampled_from(ATTESTATION_ITEMS)),
        }
    if kind == "plan":
        return "joint_plans", {"id": fresh, "date": when, "adopted_by": both, "city_participated": True}
    if kind == "outreach":
        return "outreach_sessions", {"id": fresh, "date": when, "city_present": True}
    if kind in ("steering", "network", "working_group"):
        body = {"steering": "steering_group", "network": draw(st.sampled_from(["network", "core_group"]))}.get(
            kind, "working_group"
        )
        convener = {"steering_group": "fa", "network": "city", "core_group": "city"}.get(body, draw(st.sampled_from(both)))
        return "meetings", {"id": fresh, "date": when, "body": body, "convener": convener, "present": both}
    if kind == "delivery":
        request = draw(st.sampled_from(facts.statistics_requests))
        return "statistics_deliveries", {
            "id": fresh,
            "request_id": request.id,
            "date": _iso(after(draw, request.date, 90)),
            "contacts": draw(st.integers(0, 500)),
            "support_talks": draw(st.integers(0, 500)),
            "persons_reached": draw(st.integers(0, 5000)),
        }
    dispute = draw(st.sampled_from(facts.disputes))
    return "dialogues", {"id": fresh, "dispute_id": dispute.id, "date": _iso(after(draw, dispute.date, 90))}


def with_record(facts: Facts, collection: str, record: dict[str, Any]) -> Facts:
    """The snapshot with one more record in a collection, validated again."""
    data = facts.model_dump(mode="json")
    data[collection] = [*data[collection], record]
    return parse_facts(data, source="generated")
