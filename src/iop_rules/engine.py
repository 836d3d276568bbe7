"""The rule engine: durable-rules classifies each duty, right and note into its lifecycle status.

Clause code derives flat facts in Python (deadline, day done, discharged…); the rules here decide the status.
The pattern follows ``spec/durable-rules.md``, each step against one of its measured traps:

1. One process-wide host, created lazily, built from the ruleset definition directly (never through
   ``durable.lang``'s module-level registry, so a second import registers nothing twice), with the host's
   background timer threads switched off.
2. One lock around assert + collect + delete: the C extension is not thread safe and never releases the GIL.
3. A fresh ``sid`` per evaluation, its state deleted in ``finally`` (live sessions are capped at 1,024).
4. Every rule matches a single fact: no ``none()`` and no joins, whose outcome depends on assertion order.
5. A catch-all rule and a required ``t`` field, so no fact is ever unmatched.
6. A unique ``id`` on every fact; a duplicate is a bug and raises.
7. Only ints and strings in facts; no None, no Decimal, no date.
8. Results sorted before they are returned.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from durable import engine as _durable

RULESET = "iop_lifecycle"


@dataclass(frozen=True)
class EngineFact:
    """A flat fact for the engine: one duty, right or note, with its dates as day numbers."""

    id: str
    t: str
    """``duty``, ``breach`` (an event that broke a duty), ``right`` or ``note``."""
    as_of_day: int
    horizon_day: int = 0
    has_due: int = 0
    due_day: int = 0
    done: int = 0
    done_day: int = 0
    discharged: int = 0
    assess: int = 0
    available: int = 0
    exercised: int = 0
    condition: int = 0
    """1 for a condition on which the agreement continues (§4), never a duty anyone can break."""

    def payload(self, sid: str) -> dict[str, Any]:
        """The fact as the engine takes it."""
        return {
            "sid": sid,
            "id": self.id,
            "t": self.t,
            "as_of_day": self.as_of_day,
            "horizon_day": self.horizon_day,
            "has_due": self.has_due,
            "due_day": self.due_day,
            "done": self.done,
            "done_day": self.done_day,
            "discharged": self.discharged,
            "assess": self.assess,
            "available": self.available,
            "exercised": self.exercised,
            "condition": self.condition,
        }


def _all(*conditions: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"m": {"$and": list(conditions)}}]


_OPEN_DUTY = ({"t": "duty"}, {"discharged": 0}, {"assess": 0})

# Each status rule: (rule name, status, conditions). The conditions of the rules for one fact type exclude each
# other, so exactly one status rule fires per fact; a test checks that.
STATUS_RULES: tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...] = (
    ("duty_discharged", "discharged", ({"t": "duty"}, {"discharged": 1})),
    ("duty_needs_assessment", "needs_assessment", ({"t": "duty"}, {"discharged": 0}, {"assess": 1})),
    ("duty_fulfilled_no_deadline", "fulfilled", (*_OPEN_DUTY, {"done": 1}, {"has_due": 0})),
    (
        "duty_fulfilled_on_time",
        "fulfilled",
        (*_OPEN_DUTY, {"done": 1}, {"has_due": 1}, {"$lte": {"done_day": {"$m": "due_day"}}}),
    ),
    (
        "duty_fulfilled_late",
        "fulfilled_late",
        (*_OPEN_DUTY, {"done": 1}, {"has_due": 1}, {"$gt": {"done_day": {"$m": "due_day"}}}),
    ),
    (
        "duty_violated",
        "violated",
        (*_OPEN_DUTY, {"condition": 0}, {"done": 0}, {"has_due": 1}, {"$lt": {"due_day": {"$m": "as_of_day"}}}),
    ),
    (
        "condition_not_met",
        "condition_not_met",
        (*_OPEN_DUTY, {"condition": 1}, {"done": 0}, {"has_due": 1}, {"$lt": {"due_day": {"$m": "as_of_day"}}}),
    ),
    (
        "duty_due",
        "due",
        (
            *_OPEN_DUTY,
            {"done": 0},
            {"has_due": 1},
            {"$gte": {"due_day": {"$m": "as_of_day"}}},
            {"$lte": {"due_day": {"$m": "horizon_day"}}},
        ),
    ),
    (
        "duty_pending",
        "pending",
        (*_OPEN_DUTY, {"done": 0}, {"has_due": 1}, {"$gt": {"due_day": {"$m": "horizon_day"}}}),
    ),
    ("duty_open", "open", (*_OPEN_DUTY, {"done": 0}, {"has_due": 0})),
    ("breach_happened", "violated", ({"t": "breach"}, {"discharged": 0})),
    ("breach_discharged", "discharged", ({"t": "breach"}, {"discharged": 1})),
    ("right_exercised", "exercised", ({"t": "right"}, {"exercised": 1})),
    ("right_available", "available", ({"t": "right"}, {"exercised": 0}, {"available": 1})),
    ("right_expired", "expired", ({"t": "right"}, {"exercised": 0}, {"available": 0})),
    ("note", "noted", ({"t": "note"},)),
)


class EngineError(RuntimeError):
    """The engine did not classify a fact exactly once: a bug in the rules, never a finding."""


class _QuietHost(_durable.Host):  # type: ignore[misc]
    """A host without the two self-rescheduling timer threads that every ``Host`` starts and never stops."""

    def _run(self) -> None:
        return None


_lock = threading.Lock()
_host: _QuietHost | None = None
_sids = itertools.count(1)
_collected: dict[str, list[tuple[str, str]]] = {}


def _recorder(status: str) -> Callable[[Any], None]:
    def action(c: Any) -> None:
        _collected[c.s.sid].append((c.m["id"], status))

    return action


def _ignore(c: Any) -> None:
    return None


def ruleset_definition() -> dict[str, dict[str, Any]]:
    """The durable-rules ruleset: one rule per status, plus the catch-all."""
    rules: dict[str, dict[str, Any]] = {
        name: {"all": _all(*conditions), "run": _recorder(status)} for name, status, conditions in STATUS_RULES
    }
    # The catch-all matches exactly the facts no status rule can match (an unknown type), so no fact is ever
    # unmatched, without an extra action call for every known fact; classify() reports such a fact as a bug.
    known = sorted({conditions[0]["t"] for _, _, conditions in STATUS_RULES})
    rules["catch_all"] = {"all": [{"m": {"$and": [{"$neq": {"t": t}} for t in known]}}], "run": _ignore}
    return {RULESET: rules}


def _get_host() -> _QuietHost:
    global _host
    if _host is None:
        _host = _QuietHost(ruleset_definition())
    return _host


def _delete_session(host: _QuietHost, sid: str) -> None:
    try:
        host.delete_state(RULESET, sid)
    except Exception as error:
        # Error 309: the session was never created because the assertion failed before storing anything;
        # there is nothing to delete, and the assertion's own error is the one to report.
        if "309" not in str(error):
            raise


def classify(facts: Sequence[EngineFact]) -> dict[str, str]:
    """Each fact's status, by id. Thread safe; leaves no session behind, also when it fails."""
    if not facts:
        return {}
    ids = [f.id for f in facts]
    if len(set(ids)) != len(ids):
        raise EngineError(f"duplicate engine fact ids: {sorted(i for i in ids if ids.count(i) > 1)[:3]}")
    with _lock:
        host = _get_host()
        sid = str(next(_sids))
        _collected[sid] = []
        try:
            host.assert_facts(RULESET, [f.payload(sid) for f in facts])
            results = sorted(_collected[sid])
        finally:
            del _collected[sid]
            _delete_session(host, sid)
    statuses: dict[str, str] = {}
    for fact_id, status in results:
        if fact_id in statuses:
            raise EngineError(f"fact {fact_id!r} classified twice: {statuses[fact_id]} and {status}")
        statuses[fact_id] = status
    missing = [i for i in ids if i not in statuses]
    if missing:
        raise EngineError(f"facts not classified: {missing[:3]}")
    return statuses


def live_sessions() -> Mapping[str, object]:
    """Sessions whose results are still being collected; empty between evaluations (a leak check)."""
    return dict(_collected)
