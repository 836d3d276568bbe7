"""The rule engine: durable-rules classifies each duty, right and note into its lifecycle status.

Clause code derives flat facts in Python (deadline, day done, discharged…); the rules here decide the status.
The pattern follows ``spec/durable-rules.md``, each step against one of its measured traps:

1. One process-wide ruleset, created lazily through durable-rules' C API (``durable_rules_engine``) directly:
   never through ``durable.lang``'s module-level registry (a second import registers nothing twice) and never
   through ``durable.engine.Host``, whose two timer threads never stop and whose Python dispatch costs a
   closure, a promise, two clock calls and a JSON round trip per fact.
2. One lock around assert + collect + delete: the C extension is not thread safe and never releases the GIL.
   After ``fork`` the child gets a fresh lock and a fresh ruleset (another thread of the parent may have held
   the lock, mid-evaluation, when the process forked).
3. A fresh ``sid`` per evaluation, its state deleted in ``finally`` (live sessions are capped at 1,024).
4. Every rule matches a single fact: no ``none()`` and no joins, whose outcome depends on assertion order.
5. A catch-all rule and a required ``t`` field, so no fact is ever unmatched.
6. A unique ``id`` on every fact (its place in the batch); a duplicate finding id is a bug and raises.
7. Only ints and strings in facts; no None, no Decimal, no date.
8. Results sorted before they are returned.

One evaluation is one ``assert_facts`` of all its facts as one JSON text, then one action per status rule that
matched (each rule takes every matching fact at once, ``cap``), then one ``delete_state``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import durable_rules_engine as _core

RULESET = "iop_lifecycle"


class EngineFact(NamedTuple):
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
        """The fact as the engine takes it (its ``id`` there is its place in the batch, not its finding id)."""
        return dict(json.loads(_encode(sid, [self])[1:-1]))


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


_CAP = 1_000_000
"""The most facts one action takes at once (``cap``): more than any evaluation asserts, so each status rule
runs its action once, or a few times for very large batches."""


def ruleset_definition() -> dict[str, dict[str, Any]]:
    """The durable-rules ruleset: one rule per status, plus the catch-all (what the C core is given)."""
    rules: dict[str, dict[str, Any]] = {
        name: {"all": _all(*conditions), "cap": _CAP} for name, _, conditions in STATUS_RULES
    }
    # The catch-all matches exactly the facts no status rule can match (an unknown type), so no fact is ever
    # unmatched; classify() reports such a fact as a bug.
    known = sorted({conditions[0]["t"] for _, _, conditions in STATUS_RULES})
    rules["catch_all"] = {"all": [{"m": {"$and": [{"$neq": {"t": t}} for t in known]}}], "cap": _CAP}
    return {RULESET: rules}


_STATUS_OF_RULE: dict[str, str | None] = {name: status for name, status, _ in STATUS_RULES}
_STATUS_OF_RULE["catch_all"] = None

_TEMPLATE = (
    '{"sid":"%s","id":%d,"t":%s,"as_of_day":%d,"horizon_day":%d,"has_due":%d,"due_day":%d,"done":%d,'
    '"done_day":%d,"discharged":%d,"assess":%d,"available":%d,"exercised":%d,"condition":%d}'
)
_QUOTED_TYPES = {t: json.dumps(t) for t in {conditions[0]["t"] for _, _, conditions in STATUS_RULES}}


def _encode(sid: str, facts: Sequence[EngineFact]) -> str:
    """All facts of one evaluation as one JSON array, each fact's ``id`` its place in the batch.

    Every value but the type is an int (a bool writes as 0 or 1) and the known types are quoted once, so a
    template writes the text; an unknown type goes through ``json.dumps``, a value that is no number is refused.
    """
    quoted = _QUOTED_TYPES
    try:
        parts = [
            _TEMPLATE % (sid, index, quoted.get(f.t) or json.dumps(str(f.t)), *f[2:]) for index, f in enumerate(facts)
        ]
    except TypeError as error:
        raise EngineError(f"an engine fact holds a value that is not an int: {error}") from None
    return "[" + ",".join(parts) + "]"


_RULE = re.compile(r'\{"(\w+)":')
_PLACE = re.compile(r'"id": ?(\d+)')


class _Ruleset:
    """The ruleset in durable-rules' C core, driven directly."""

    def __init__(self) -> None:
        self.handle: int = _core.create_ruleset(RULESET, json.dumps(ruleset_definition()[RULESET]))

    def assert_facts(self, payload: str) -> int:
        """Assert a batch of facts; the handle of the session's state."""
        code, state = _core.assert_facts(self.handle, payload)
        if code == 1:
            raise EngineError("a fact matched no rule, not even the catch-all")
        if code == 2:
            raise EngineError("two identical facts in one evaluation")
        if code != 0:
            raise EngineError(f"durable-rules refused the facts (code {code})")
        return int(state)

    def matches(self, state: int) -> list[tuple[str, list[int]]]:
        """Every action the batch started: the rule and the batch places of the facts it took."""
        out: list[tuple[str, list[int]]] = []
        started = _core.start_action_for_state(self.handle, state)
        message: str | None = started[1] if started else None
        while message:
            # The message is one rule's frames, {"rule":[{"m":{…"id": 3…}},…]}: only the rule and each fact's
            # place are needed, so they are read off the text rather than parsing every fact back into a dict.
            # Every fact has one int "id" (a quoted "id" inside the type's text would be escaped).
            match = _RULE.match(message)
            places = [int(place) for place in _PLACE.findall(message)]
            if match is None or len(places) != message.count('{"m":'):
                raise EngineError(f"durable-rules returned an action that cannot be read: {message[:200]!r}")
            out.append((match.group(1), places))
            message = _core.complete_and_start_action(self.handle, state)
        return out

    def delete_state(self, sid: str) -> None:
        """Forget a session."""
        try:
            _core.delete_state(self.handle, sid)
        except _core.error as error:
            # Error 309: the session was never created because the assertion failed before storing anything;
            # there is nothing to delete, and the assertion's own error is the one to report.
            if "309" not in str(error):
                raise


_lock = threading.Lock()
_host: _Ruleset | None = None
_sids = itertools.count(1)
_live: dict[str, int] = {}
"""Sessions being evaluated, by sid (empty between evaluations)."""


def _after_fork_in_child() -> None:
    # The child has one thread. If another thread of the parent held the lock (mid-evaluation) when the process
    # forked, the child's copy stays locked forever and the copied session is half-done: start afresh.
    global _lock, _host
    _lock = threading.Lock()
    _host = None
    _live.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _get_host() -> _Ruleset:
    global _host
    if _host is None:
        _host = _Ruleset()
    return _host


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
        payload = _encode(sid, facts)
        _live[sid] = 0
        try:
            matches = host.matches(host.assert_facts(payload))
        finally:
            del _live[sid]
            host.delete_state(sid)
    statuses: dict[str, str] = {}
    for rule, places in sorted(matches):
        if rule not in _STATUS_OF_RULE:
            raise EngineError(f"durable-rules fired a rule the ruleset does not have: {rule!r}")
        status = _STATUS_OF_RULE[rule]
        if status is None:
            # The catch-all: its facts stay unclassified and are reported below.
            continue
        for place in places:
            fact_id = ids[place]
            if fact_id in statuses:
                raise EngineError(f"fact {fact_id!r} classified twice: {statuses[fact_id]} and {status}")
            statuses[fact_id] = status
    if len(statuses) != len(ids):
        missing = [i for i in ids if i not in statuses]
        raise EngineError(f"facts not classified: {missing[:3]}")
    return statuses


def live_sessions() -> Mapping[str, object]:
    """Sessions still being evaluated; empty between evaluations (a leak check)."""
    return dict(_live)
