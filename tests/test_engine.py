"""The durable-rules traps of spec/durable-rules.md, each with a test that fails if it comes back."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from iop_rules import Facts, evaluate, load_agreement, load_facts, parse_facts
from iop_rules import engine as engine_module
from iop_rules.engine import STATUS_RULES, EngineError, EngineFact, classify, live_sessions
from iop_rules.evaluate import candidates, context_for

from .conftest import EXAMPLE, day, finding, make_facts

AS_OF = day("2026-11-30")


def _report_json(facts: Facts) -> str:
    return evaluate(load_agreement(), facts, as_of=AS_OF).to_json()


def test_second_import_registers_nothing_twice() -> None:
    # durable.lang's module-level registry raised "already registered" on a second import (test reloads).
    # A fresh interpreter keeps this test from swapping the module under the others.
    script = """
import importlib, sys, datetime
import durable.lang
import iop_rules
from iop_rules import engine, evaluate, load_agreement, parse_facts
first = evaluate(load_agreement(), parse_facts({}), as_of=datetime.date(2026, 11, 30)).to_json()
importlib.reload(engine)
del sys.modules["iop_rules.engine"]
fresh = importlib.import_module("iop_rules.engine")
assert fresh.classify([fresh.EngineFact(id="y", t="note", as_of_day=1)]) == {"y": "noted"}
importlib.reload(iop_rules)
assert "iop_lifecycle" not in durable.lang._rulesets
again = evaluate(load_agreement(), parse_facts({}), as_of=datetime.date(2026, 11, 30)).to_json()
assert again == first
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_5000_evaluations_in_a_row_leave_no_session_and_no_thread() -> None:
    # More than 1,024 live sessions raise MemoryError: every evaluation must delete its own. The engine is
    # evaluated 5,000 times with the example's own facts, and the whole library more than 1,024 times.
    agreement = load_agreement()
    facts = load_facts(EXAMPLE)
    ctx = context_for(agreement, facts, as_of=AS_OF)
    engine_facts = [c.engine_fact(ctx) for c in candidates(ctx)]
    threads = threading.active_count()
    expected = classify(engine_facts)
    for _ in range(5000):
        assert classify(engine_facts) == expected
    small = make_facts()
    first = evaluate(agreement, small, as_of=AS_OF).to_json()
    for _ in range(1100):
        report = evaluate(agreement, small, as_of=AS_OF)
    assert report.to_json() == first
    assert live_sessions() == {}
    assert threading.active_count() == threads


def test_8_threads_x_500_evaluations_equal_the_serial_results() -> None:
    agreement = load_agreement()
    facts = load_facts(EXAMPLE)
    days = [day("2025-01-15"), day("2025-07-01"), day("2026-02-01"), day("2026-11-30"), day("2027-01-01")]
    serial = {d: evaluate(agreement, facts, as_of=d).to_json() for d in days}

    def work(seed: int) -> bool:
        rng = random.Random(seed)
        for _ in range(500):
            d = rng.choice(days)
            if evaluate(agreement, facts, as_of=d).to_json() != serial[d]:
                return False
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    assert results == [True] * 8
    assert live_sessions() == {}


def test_two_identical_payments_in_one_snapshot() -> None:
    # Identical facts raised MessageObservedException; every fact carries its own id.
    payment = {"grant_year": 2025, "date": "2025-01-20", "amount": "100000.00"}
    facts = make_facts(grant_payments=[{"id": "p1", **payment}, {"id": "p2", **payment}])
    report = evaluate(load_agreement(), facts, as_of=day("2025-02-15"))
    grant = report.finding("grant-payment/2025")
    if grant is not None:  # the grant clause reads both payments as 200 000 kr in all
        assert grant.status == "fulfilled"
    assert report.to_json() == evaluate(load_agreement(), facts, as_of=day("2025-02-15")).to_json()


def test_duplicate_engine_ids_are_a_bug_not_a_finding() -> None:
    fact = EngineFact(id="same", t="note", as_of_day=1)
    with pytest.raises(EngineError, match="duplicate"):
        classify([fact, fact])
    assert live_sessions() == {}


def _small_snapshot() -> dict[str, list[dict[str, Any]]]:
    return {
        "signatures": [
            {"id": "s1", "party": "city", "date": "2024-12-10"},
            {"id": "s2", "party": "fa", "date": "2025-01-03"},
        ],
        "evaluations": [
            {"id": "e1", "date": "2026-10-01", "mid_term": True, "includes_compensation_review": False},
            {"id": "e2", "date": "2026-11-03", "mid_term": True, "includes_compensation_review": True},
        ],
        "termination_notices": [{"id": "n1", "party": "city", "date": "2027-02-01"}],
        "grant_payments": [
            {"id": "p1", "grant_year": 2025, "date": "2025-01-20", "amount": "150000.00"},
            {"id": "p2", "grant_year": 2025, "date": "2025-02-20", "amount": "50000.00"},
        ],
    }


def test_every_permutation_of_a_snapshots_facts_gives_the_same_report() -> None:
    # Order-dependent negation fired a breach for an on-time payment in 3 of 6 assertion orders.
    base = _small_snapshot()
    expected = evaluate(load_agreement(), parse_facts(base), as_of=day("2027-03-01")).to_json()
    records = [(name, record) for name, items in base.items() for record in items]
    # Every permutation of the five records that interact most (payments, evaluations, the notice), then
    # random orders of all of them.
    fixed, moving = records[:3], records[3:]
    orders = [fixed + list(p) for p in itertools.permutations(moving)]
    rng = random.Random(7)
    for _ in range(60):
        shuffled = records[:]
        rng.shuffle(shuffled)
        orders.append(shuffled)
    for order in orders:
        data: dict[str, list[dict[str, Any]]] = {}
        for name, record in order:
            data.setdefault(name, []).append(record)
        assert evaluate(load_agreement(), parse_facts(data), as_of=day("2027-03-01")).to_json() == expected


def test_engine_assertion_order_does_not_matter() -> None:
    facts = [
        EngineFact(id=f"d{i}", t="duty", as_of_day=100, horizon_day=160, has_due=1, due_day=90 + 10 * i, done=i % 2, done_day=95 + i)
        for i in range(7)
    ]
    expected = classify(facts)
    for _ in range(30):
        shuffled = facts[:]
        random.shuffle(shuffled)
        assert classify(shuffled) == expected


def _grid() -> list[EngineFact]:
    out: list[EngineFact] = []
    counter = itertools.count()
    for t in ("duty", "breach", "right", "note"):
        for has_due, due, done, done_day, discharged, assess, available, exercised in itertools.product(
            (0, 1), (5, 10, 15, 30), (0, 1), (5, 10, 15), (0, 1), (0, 1), (0, 1), (0, 1)
        ):
            out.append(
                EngineFact(
                    id=f"g{next(counter)}",
                    t=t,
                    as_of_day=10,
                    horizon_day=20,
                    has_due=has_due,
                    due_day=due if has_due else 0,
                    done=done,
                    done_day=done_day if done else 0,
                    discharged=discharged,
                    assess=assess,
                    available=available,
                    exercised=exercised,
                )
            )
    return out


def _expected_status(f: EngineFact) -> str:
    """The lifecycle of spec/clauses.md, written plainly, to check the rules against."""
    if f.t == "note":
        return "noted"
    if f.t == "right":
        return "exercised" if f.exercised else ("available" if f.available else "expired")
    if f.t == "breach":
        return "discharged" if f.discharged else "violated"
    if f.discharged:
        return "discharged"
    if f.assess:
        return "needs_assessment"
    if f.done:
        return "fulfilled" if not f.has_due or f.done_day <= f.due_day else "fulfilled_late"
    if not f.has_due:
        return "open"
    if f.due_day < f.as_of_day:
        return "violated"
    return "due" if f.due_day <= f.horizon_day else "pending"


def test_exactly_one_status_rule_fires_for_every_combination() -> None:
    grid = _grid()
    statuses = classify(grid)  # raises EngineError if a fact is classified twice or not at all
    for fact in grid:
        assert statuses[fact.id] == _expected_status(fact), fact


def test_unknown_fact_type_is_caught_not_raised_and_reported_as_a_bug() -> None:
    # An unmatched fact raised MessageNotHandledException; the catch-all keeps it from raising inside durable.
    with pytest.raises(EngineError, match="not classified"):
        classify([EngineFact(id="odd", t="unknown", as_of_day=1)])
    assert live_sessions() == {}


def test_a_failing_assertion_leaves_no_session(monkeypatch: pytest.MonkeyPatch) -> None:
    host = engine_module._get_host()

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("assertion failed")

    monkeypatch.setattr(host, "assert_facts", boom)
    with pytest.raises(RuntimeError, match="assertion failed"):
        classify([EngineFact(id="x", t="note", as_of_day=1)])
    monkeypatch.undo()
    assert live_sessions() == {}
    assert classify([EngineFact(id="x", t="note", as_of_day=1)]) == {"x": "noted"}


def test_every_evaluation_asserts_in_a_session_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """durable-rules trap: a fresh sid per evaluation, so that no evaluation can meet another's facts (the pattern
    that held, spec/durable-rules.md); each session is deleted after it."""
    host = engine_module._get_host()
    seen: list[str] = []
    real_assert, real_delete = host.assert_facts, host.delete_state

    def spy_assert(payload: str) -> Any:
        seen.append(json.loads(payload)[0]["sid"])
        return real_assert(payload)

    deleted: list[str] = []

    def spy_delete(sid: str) -> None:
        deleted.append(sid)
        real_delete(sid)

    monkeypatch.setattr(host, "assert_facts", spy_assert)
    monkeypatch.setattr(host, "delete_state", spy_delete)
    for _ in range(3):
        assert classify([EngineFact(id="x", t="note", as_of_day=1)]) == {"x": "noted"}
    assert len(seen) == 3 and len(set(seen)) == 3, seen
    assert deleted == seen


def test_status_rules_use_only_ints_and_strings() -> None:
    # Decimal and date are not JSON-serialisable and None never matches: facts carry ints only.
    payload = EngineFact(id="a", t="duty", as_of_day=1).payload("1")
    assert all(isinstance(v, (int, str)) and not isinstance(v, bool) for v in payload.values())
    assert {name for name, _, _ in STATUS_RULES}


def test_no_background_threads_are_started_by_the_engine() -> None:
    before = {t.name for t in threading.enumerate()}
    engine_module._host = None
    classify([EngineFact(id="x", t="note", as_of_day=1)])
    after = {t.name for t in threading.enumerate()}
    assert after == before


def test_a_finding_reaches_the_report_through_the_engine() -> None:
    report = evaluate(load_agreement(), make_facts(), as_of=day("2026-11-01"))
    assert finding(report, "mid-term-evaluation").status == "violated"


_FORK_SCRIPT = """
import datetime, os, sys, threading, time, warnings
warnings.simplefilter("ignore", DeprecationWarning)  # 3.12 warns about fork() in a threaded process
from iop_rules import engine, evaluate, load_agreement, load_facts
agreement = load_agreement()
facts = load_facts(sys.argv[1])
days = [datetime.date(2025, 2, 1), datetime.date(2026, 11, 30), datetime.date(2027, 1, 1)]
expected = {d: evaluate(agreement, facts, as_of=d).to_json() for d in days}
stop = threading.Event()
wrong = []

def work(seed):
    n = seed
    while not stop.is_set():
        d = days[n % len(days)]
        n += 1
        if evaluate(agreement, facts, as_of=d).to_json() != expected[d]:
            wrong.append(d)

def fork_and_evaluate():
    pid = os.fork()
    if pid == 0:
        ok = all(evaluate(agreement, facts, as_of=d).to_json() == expected[d] for d in days)
        os._exit(0 if ok and engine.live_sessions() == {} else 3)
    for _ in range(3000):  # a child blocked on the engine's lock never ends: give up after 30 s
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.01)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return "hung"

# 1. Deterministic: a thread holds the engine's lock (as in the middle of an evaluation) when the process forks.
held, release = threading.Event(), threading.Event()
def hold():
    with engine._lock:
        held.set()
        release.wait()
holder = threading.Thread(target=hold)
holder.start()
held.wait()
results = [fork_and_evaluate()]
release.set()
holder.join()

# 2. Forks while four threads evaluate.
threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for _ in range(12):
    results.append(fork_and_evaluate())
stop.set()
for t in threads:
    t.join()
print(results, wrong, engine.live_sessions())
"""


def test_after_a_fork_the_child_starts_with_a_free_lock_no_ruleset_and_no_session() -> None:
    # What the fork test below checks across a real fork, checked in this process: the handler the engine registers
    # for a forked child drops a lock another thread held, the ruleset and the sessions the parent had open.
    held = engine_module._lock
    host_before = engine_module._get_host()
    held.acquire()
    engine_module._live["parent-session"] = 0
    try:
        engine_module._after_fork_in_child()
        assert engine_module._lock is not held
        assert not engine_module._lock.locked()
        assert engine_module._host is None
        assert engine_module._live == {}
        # A fresh ruleset is built on the next evaluation, and it answers as the parent's did.
        facts = load_facts(EXAMPLE)
        report = evaluate(load_agreement(), facts, as_of=day("2026-11-30"))
        assert engine_module._host is not None and engine_module._host is not host_before
        assert report.finding("renegotiation/2027-2028") is not None
    finally:
        held.release()


def test_a_forked_child_evaluates_while_the_parents_threads_do() -> None:
    # Forking while another thread held the engine's lock left the child blocked on it forever; the child now
    # gets a fresh lock and a fresh ruleset. The first fork happens with the lock held, the rest while threads
    # evaluate; every child must evaluate the example correctly and exit.
    result = subprocess.run(
        [sys.executable, "-c", _FORK_SCRIPT, str(EXAMPLE)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{[0] * 13} [] {{}}", result.stdout + result.stderr


class _FakeCore:
    """durable-rules' C core as the engine calls it, answering what a test sets."""

    error = RuntimeError

    def __init__(self, code: int = 0, actions: tuple[str, ...] = (), delete_error: str | None = None) -> None:
        self.code, self.actions, self.delete_error = code, list(actions), delete_error
        self.deleted: list[tuple[int, str]] = []

    def assert_facts(self, handle: int, payload: str) -> tuple[int, int]:
        return self.code, 7

    def start_action_for_state(self, handle: int, state: int) -> tuple[int, str] | None:
        return (state, self.actions.pop(0)) if self.actions else None

    def complete_and_start_action(self, handle: int, state: int) -> str | None:
        return self.actions.pop(0) if self.actions else None

    def delete_state(self, handle: int, sid: str) -> None:
        self.deleted.append((handle, sid))
        if self.delete_error is not None:
            raise RuntimeError(self.delete_error)


def _ruleset_on(core: _FakeCore, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(engine_module, "_core", core)
    ruleset = object.__new__(engine_module._Ruleset)
    ruleset.handle = 42
    return ruleset


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (1, "a fact matched no rule, not even the catch-all"),
        (2, "two identical facts in one evaluation"),
        (3, r"durable-rules refused the facts \(code 3\)"),
    ],
)
def test_each_refusal_of_the_c_core_is_an_engine_error_saying_why(
    monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    ruleset = _ruleset_on(_FakeCore(code=code), monkeypatch)
    with pytest.raises(EngineError, match=f"^{reason}$"):
        ruleset.assert_facts("[]")
    assert _ruleset_on(_FakeCore(code=0), monkeypatch).assert_facts("[]") == 7


def test_the_actions_of_a_batch_are_read_as_rules_and_places(monkeypatch: pytest.MonkeyPatch) -> None:
    actions = ('{"due_soon":[{"m":{"id":0}},{"m":{"id":3}}]}', '{"fulfilled":[{"m":{"id":1}}]}')
    ruleset = _ruleset_on(_FakeCore(actions=actions), monkeypatch)
    assert ruleset.matches(7) == [("due_soon", [0, 3]), ("fulfilled", [1])]
    assert _ruleset_on(_FakeCore(), monkeypatch).matches(7) == []


def test_an_action_that_cannot_be_read_is_an_engine_error_quoting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    unreadable = '{"due_soon":[{"m":{"t":"x"}}]}' + "x" * 300
    ruleset = _ruleset_on(_FakeCore(actions=(unreadable,)), monkeypatch)
    with pytest.raises(EngineError) as raised:
        ruleset.matches(7)
    assert str(raised.value) == f"durable-rules returned an action that cannot be read: {unreadable[:200]!r}"


def test_a_session_is_deleted_by_its_id_and_only_error_309_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    core = _FakeCore()
    _ruleset_on(core, monkeypatch).delete_state("s1")
    assert core.deleted == [(42, "s1")]
    _ruleset_on(_FakeCore(delete_error="Could not delete state, error code: 309"), monkeypatch).delete_state("s2")
    with pytest.raises(RuntimeError, match="310"):
        _ruleset_on(_FakeCore(delete_error="Could not delete state, error code: 310"), monkeypatch).delete_state("s3")


def test_a_batch_is_one_json_array_each_fact_numbered_by_its_place_with_its_session() -> None:
    facts = [EngineFact(id="a", t="duty", as_of_day=5), EngineFact(id="b", t="odd", as_of_day=6)]
    batch = json.loads(engine_module._encode("s9", facts))
    assert [(f["sid"], f["id"], f["t"], f["as_of_day"]) for f in batch] == [("s9", 0, "duty", 5), ("s9", 1, "odd", 6)]


def test_a_fact_value_that_is_no_int_is_refused_naming_the_problem() -> None:
    fact = EngineFact(id="a", t="duty", as_of_day="soon")  # type: ignore[arg-type]
    with pytest.raises(EngineError, match=r"^an engine fact holds a value that is not an int: "):
        engine_module._encode("s1", [fact])


def test_duplicate_fact_ids_are_named_the_first_three_in_order() -> None:
    # "a" is recorded once and sorts first: it is no duplicate and must not be named.
    facts = [EngineFact(id=i, t="note", as_of_day=1) for i in ("c", "b", "a", "c", "b")]
    with pytest.raises(EngineError) as raised:
        classify(facts)
    assert str(raised.value) == "duplicate engine fact ids: ['b', 'b', 'c']"


def test_a_fact_two_rules_take_is_an_error_naming_both_statuses(monkeypatch: pytest.MonkeyPatch) -> None:
    actions = ('{"duty_due":[{"m":{"id":0}}]}', '{"duty_fulfilled_on_time":[{"m":{"id":0}}]}')
    monkeypatch.setattr(engine_module, "_host", _ruleset_on(_FakeCore(actions=actions), monkeypatch))
    with pytest.raises(EngineError) as raised:
        classify([EngineFact(id="x", t="duty", as_of_day=1)])
    assert str(raised.value) == "fact 'x' classified twice: due and fulfilled"


def test_facts_only_the_catch_all_took_are_named_the_first_three(monkeypatch: pytest.MonkeyPatch) -> None:
    # The catch-all's action comes first by name; the note rule's after it must still be read.
    # The note fact comes first in the batch: were it left unread, the error would name it first.
    actions = ('{"catch_all":[{"m":{"id":1}},{"m":{"id":2}},{"m":{"id":3}},{"m":{"id":4}}]}', '{"note":[{"m":{"id":0}}]}')
    monkeypatch.setattr(engine_module, "_host", _ruleset_on(_FakeCore(actions=actions), monkeypatch))
    facts = [EngineFact(id=i, t="odd", as_of_day=1) for i in ("p", "q", "r", "s")]
    with pytest.raises(EngineError) as raised:
        classify([EngineFact(id="n", t="note", as_of_day=1), *facts])
    assert str(raised.value) == "facts not classified: ['p', 'q', 'r']"


def test_a_rule_the_ruleset_does_not_have_is_an_engine_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    actions = ('{"duty_sideways":[{"m":{"id":0}}]}',)
    monkeypatch.setattr(engine_module, "_host", _ruleset_on(_FakeCore(actions=actions), monkeypatch))
    with pytest.raises(EngineError) as raised:
        classify([EngineFact(id="x", t="duty", as_of_day=1)])
    assert str(raised.value) == "durable-rules fired a rule the ruleset does not have: 'duty_sideways'"
