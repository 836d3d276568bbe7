"""Where one evaluation's time goes, part by part, and what it would take without its messages (a script, not a
test: the test suite times nothing).

    python bench/breakdown.py [--facts examples/history-2026-11-30.toml] [--rounds 400]

``bench/bench.py`` says whether one evaluation meets its target (≤ 1.5 ms, issue 14); this script says why or why
not. Each part of ``evaluate`` is run on its own, on the same context and candidates as the evaluation, in turn
with the others and with the whole evaluation (so that load on a shared machine hits them alike), and its median
CPU time (``time.process_time``) is printed with its share of the whole:

- the context (``context_for``): the settings, the agreement's standing, the indexes of the facts;
- each clause's first pass (``clause.evaluate``): the candidates, with their dates, counts and evidence;
- the engine (first pass): the candidates as engine facts, then durable-rules' classification; and, of the
  latter, the C core's own assert, match and delete of the encoded facts, which no change in Python can lower;
- the findings: each candidate's message chosen for its status (``describe``), written out in both languages
  (``Text``), and the rest of the finding (quote, evidence order, the model);
- the §9 review pass over the first pass's findings, with the engine's second, small batch;
- the report (the findings ordered into breaches, upcoming actions, obligations, rights and notes);
- the rest, the whole less the parts: gathering the candidates, and what the parts cost more inside a whole
  evaluation than on their own (the garbage collector's collections, colder caches).

Then an experiment: whole evaluations with findings built without any message, quote or evidence order (in this
process only, restored after), the floor that messages written only on demand could reach; and, computed from it,
that floor less the engine's Python work as well (its encoding, its facts and reading its answers): what the
clauses, the context and the report cost when nothing else does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

import durable_rules_engine as core

from iop_rules import engine, evaluate, load_agreement, load_facts
from iop_rules.clauses import CLAUSES
from iop_rules.context import Candidate, Context, as_text, context_for
from iop_rules.evaluate import _assemble, _classified, _run_passes, _with_history, candidates, one_off_ids
from iop_rules.report import Finding, Status, Text, trusted

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"


def cpu(function: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    start = time.process_time()
    function()
    return time.process_time() - start


def medians(parts: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The median CPU seconds of each part, the parts run one after the other, ``rounds`` times."""
    for function in parts.values():
        for _ in range(20):
            function()
    times: dict[str, list[float]] = {name: [] for name in parts}
    gc.collect()
    for _ in range(rounds):
        for name, function in parts.items():
            times[name].append(cpu(function))
    return {name: statistics.median(values) for name, values in times.items()}


def core_only(facts: list[engine.EngineFact]) -> Callable[[], object]:
    """durable-rules' C core alone on one evaluation's facts, already encoded: assert, every match, delete."""
    host = engine._get_host()
    counter = iter(range(10**9))

    def run() -> None:
        sid = f"breakdown-{next(counter)}"
        payload = engine._encode(sid, facts)
        _, state = core.assert_facts(host.handle, payload)
        started = core.start_action_for_state(host.handle, state)
        message = started[1] if started else None
        while message:
            message = core.complete_and_start_action(host.handle, state)
        core.delete_state(host.handle, sid)

    return run


def encode_only(facts: list[engine.EngineFact]) -> Callable[[], object]:
    """The encoding of one evaluation's facts, subtracted from ``core_only`` (it is Python)."""
    counter = iter(range(10**9))
    return lambda: engine._encode(f"breakdown-{next(counter)}", facts)


_BLANK = Text(sv="", en="", id="blank")


def _finding_without_message(self: Candidate, status: Status, ctx: Context) -> Finding:
    # The finding with everything but what is written for a person: no message chosen or written, no quote, the
    # evidence as the clause gave it.
    return trusted(
        Finding,
        id=self.id,
        kind=self.kind,
        status=status,
        section=self.section,
        party=self.party,
        due=self.due,
        severity=self.severity,
        message=_BLANK,
        quote="",
        evidence=self.evidence,
        amount=self.amount,
        settings=self.settings,
    )


@contextmanager
def without_messages() -> Iterator[None]:
    """Findings built without their messages, in this process, until the block ends."""
    original = Candidate.finding
    Candidate.finding = _finding_without_message  # type: ignore[method-assign]
    try:
        yield
    finally:
        Candidate.finding = original  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--facts", type=Path, default=EXAMPLE)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 30))
    parser.add_argument("--rounds", type=int, default=400)
    args = parser.parse_args(argv)
    agreement = load_agreement()
    facts = load_facts(args.facts)
    as_of: dt.date = args.as_of

    ctx = context_for(agreement, facts, as_of, None, None)
    found = candidates(ctx)
    engine_facts = [c.engine_fact(ctx) for c in found]
    statuses: dict[str, Status] = engine.classify(engine_facts)  # type: ignore[assignment]
    messages = [c.describe(statuses[c.id]) for c in found]
    first = tuple(sorted(_classified(ctx, found).values(), key=lambda f: f.id))
    reviewers = [clause.review for clause in CLAUSES if clause.review is not None]

    def review_pass() -> object:
        reviewed = _with_history(replace(ctx, one_off_ids=one_off_ids(found)))
        extra = [candidate for review in reviewers for candidate in review(reviewed, first)]
        return _classified(ctx, extra)

    passes = _run_passes(ctx)

    parts: dict[str, Callable[[], object]] = {
        "whole evaluation": lambda: evaluate(agreement, facts, as_of=as_of),
        "context": lambda: context_for(agreement, facts, as_of, None, None),
    }
    for clause in CLAUSES:
        parts[f"clause {clause.name}"] = partial(clause.evaluate, ctx)
    parts["engine facts"] = lambda: [c.engine_fact(ctx) for c in found]
    parts["engine classify"] = lambda: engine.classify(engine_facts)
    parts["engine C core + encoding"] = core_only(engine_facts)
    parts["engine encoding"] = encode_only(engine_facts)
    parts["findings: message chosen"] = lambda: [c.describe(statuses[c.id]) for c in found]
    parts["findings: message written"] = lambda: [as_text(m) for m in messages]
    parts["findings: whole"] = lambda: [c.finding(statuses[c.id], ctx) for c in found]
    parts["review pass"] = review_pass
    parts["report"] = lambda: _assemble(ctx, passes.candidates, passes.findings)
    got = medians(parts, args.rounds)

    whole = got["whole evaluation"]
    clauses = sum(v for k, v in got.items() if k.startswith("clause "))
    c_core = got["engine C core + encoding"] - got["engine encoding"]
    engine_all = got["engine facts"] + got["engine classify"]
    messages_cost = got["findings: message chosen"] + got["findings: message written"]
    findings_rest = got["findings: whole"] - messages_cost
    rest = whole - got["context"] - clauses - engine_all - got["findings: whole"] - got["review pass"] - got["report"]

    def line(name: str, seconds: float, indent: int = 0) -> None:
        print(f"{' ' * indent}{name:<40}{seconds * 1000:7.3f} ms {seconds / whole * 100:5.1f} %")

    print(f"facts: {args.facts} ({len(found)} first-pass candidates), as of {as_of}; medians of {args.rounds} rounds")
    line("one evaluation", whole)
    line("context", got["context"], 2)
    line("clauses (first pass)", clauses, 2)
    for name, seconds in sorted(((k[7:], v) for k, v in got.items() if k.startswith("clause ")), key=lambda p: -p[1]):
        if seconds / whole >= 0.01:
            line(name, seconds, 4)
    line("engine", engine_all, 2)
    line("of which durable-rules' C core", c_core, 4)
    line("the engine's Python work", engine_all - c_core, 4)
    line("findings", got["findings: whole"], 2)
    line("messages chosen and written", messages_cost, 4)
    line("the rest of the findings", findings_rest, 4)
    line("§9 review pass (and its engine batch)", got["review pass"], 2)
    line("report", got["report"], 2)
    line("the rest", rest, 2)

    experiments: dict[str, Callable[[], object]] = {"as it is": lambda: evaluate(agreement, facts, as_of=as_of)}

    def no_messages() -> object:
        with without_messages():
            return evaluate(agreement, facts, as_of=as_of)

    experiments["without messages"] = no_messages
    tried = medians(experiments, args.rounds)
    print("experiment (whole evaluations, interleaved):")
    for name, seconds in tried.items():
        print(f"  {name:<38}{seconds * 1000:7.3f} ms")
    floor = tried["without messages"] - (engine_all - c_core)
    print(f"  {'… and no Python in the engine':<38}{floor * 1000:7.3f} ms (computed: less the engine's Python work above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
