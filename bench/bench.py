"""Benchmark: how fast the rules answer, measured in one run (a script, not a test).

    python bench/bench.py [--facts examples/history-2026-11-30.toml] [--runs 200] [--scaled-replays]

Prints, for the example snapshot:

1. one evaluation (median and 90th percentile of many);
2. a daily replay of the whole term (one evaluation per day, 2025-01-01..2028-12-31: 1,461 evaluations);
3. the analytic timeline of the same span, and whether it is identical to the replay;
4. the same with 10× and 100× the facts (each record copied with its own id; references follow their copy):
   one evaluation and the timeline (the replays too with ``--scaled-replays``; they take minutes);
5. the engine's share of an evaluation: the time spent in ``engine.classify`` over the total.

Targets (docs/performance.md): one evaluation ≤ 5 ms median; the timeline ≥ 50× faster than the replay and
identical to it; 100× the facts ≤ 120× the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iop_rules import Facts, engine, evaluate, load_agreement, load_facts, parse_facts
from iop_rules.timeline import replay, timeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"
REFERENCES = ("request_id", "dispute_id")


def machine() -> str:
    """The machine the figures come from: CPUs, CPU model, Python."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return (
        f"nproc {os.cpu_count()}, {model}, Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}{load}"
    )


def scaled(facts: Facts, times: int) -> Facts:
    """The snapshot with every record copied ``times`` times; copy k of a record has id ``<id>.r<k>``."""
    data: dict[str, Any] = facts.model_dump(mode="json")
    out: dict[str, Any] = {"as_of": data.get("as_of")}
    for name, records in data.items():
        if not isinstance(records, list):
            continue
        copies = []
        for k in range(times):
            for record in records:
                copy = dict(record)
                copy["id"] = f"{record['id']}.r{k}"
                for field in REFERENCES:
                    if field in copy:
                        copy[field] = f"{copy[field]}.r{k}"
                for nested in ("repayments", "claims"):
                    if nested in copy:
                        copy[nested] = [{**r, "id": f"{r['id']}.r{k}"} for r in copy[nested]]
                copies.append(copy)
        out[name] = copies
    return parse_facts(out, source=f"{times}x")


def timed(function: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        out.append(time.perf_counter() - start)
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def engine_share(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Seconds in ``engine.classify`` and in total over ``runs`` calls."""
    original = engine.classify
    spent = [0.0]

    def classify(facts: Any) -> dict[str, str]:
        start = time.perf_counter()
        try:
            return original(facts)
        finally:
            spent[0] += time.perf_counter() - start

    engine.classify = classify  # type: ignore[assignment]
    try:
        total = sum(timed(function, runs))
    finally:
        engine.classify = original  # type: ignore[assignment]
    return spent[0], total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--facts", type=Path, default=EXAMPLE)
    parser.add_argument("--runs", type=int, default=200, help="evaluations for the median (default 200)")
    parser.add_argument("--scaled-replays", action="store_true", help="also replay 10× and 100× the facts daily")
    args = parser.parse_args(argv)

    agreement = load_agreement()
    facts = load_facts(args.facts)
    as_of = facts.as_of or dt.date(2026, 11, 30)
    start, end = agreement.term.start, agreement.term.end
    days = (end - start).days + 1
    print(f"machine: {machine()}")
    print(f"facts: {args.facts} ({facts.record_count()} records), as of {as_of}; term {start}..{end} ({days} days)")
    print()

    evaluate(agreement, facts, as_of=as_of)  # warm up: the engine's host, holidays, imports
    single = timed(lambda: evaluate(agreement, facts, as_of=as_of), args.runs)
    findings = len(evaluate(agreement, facts, as_of=as_of).findings())
    print(f"1. one evaluation ({findings} findings, {args.runs} runs): median {ms(statistics.median(single))}, "
          f"p90 {ms(percentile(single, 0.9))}, min {ms(min(single))}   [target ≤ 5 ms median]")

    began = time.perf_counter()
    replayed = replay(agreement, facts, start, end)
    replay_time = time.perf_counter() - began
    print(f"2. daily replay of the term ({days} evaluations): {replay_time:.2f} s "
          f"({ms(replay_time / days)} per day), {len(replayed)} status changes")

    lines = timed(lambda: timeline(agreement, facts, start, end), 5)
    analytic = timeline(agreement, facts, start, end)
    identical = analytic == replayed
    speedup = replay_time / statistics.median(lines)
    print(f"3. timeline of the term (median of 5): {ms(statistics.median(lines))}, {len(analytic)} changes, "
          f"identical to the replay: {'yes' if identical else 'NO'}, {speedup:.0f}× faster   [target ≥ 50×, identical]")

    base = statistics.median(single)
    base_timeline = statistics.median(lines)
    for times in (10, 100):
        bigger = scaled(facts, times)
        evaluate(agreement, bigger, as_of=as_of)
        runs = max(5, args.runs // times)
        each = statistics.median(timed(lambda b=bigger: evaluate(agreement, b, as_of=as_of), runs))
        line = statistics.median(timed(lambda b=bigger: timeline(agreement, b, start, end), 3 if times == 10 else 1))
        print(f"4. {times}× the facts ({bigger.record_count()} records): one evaluation {ms(each)} "
              f"({each / base:.1f}× the time; median of {runs}), timeline {line:.2f} s ({line / base_timeline:.1f}×)"
              + ("   [target ≤ 120×]" if times == 100 else ""))
        if args.scaled_replays:
            began = time.perf_counter()
            again = replay(agreement, bigger, start, end)
            took = time.perf_counter() - began
            same = again == timeline(agreement, bigger, start, end)
            print(f"   daily replay of {times}× the facts: {took:.1f} s, timeline identical: {'yes' if same else 'NO'}, "
                  f"{took / line:.0f}× slower than the timeline")

    spent, total = engine_share(lambda: evaluate(agreement, facts, as_of=as_of), args.runs)
    print(f"5. engine share of one evaluation: {spent / total:.0%} ({ms(spent / args.runs)} of {ms(total / args.runs)} "
          f"per evaluation in engine.classify)")
    spent, total = engine_share(lambda: timeline(agreement, facts, start, end), 3)
    print(f"   engine share of the timeline: {spent / total:.0%}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
