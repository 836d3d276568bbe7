"""Benchmark: how fast the rules answer, each figure against its target, measured in one run (a script, not a
test: the test suite times nothing).

    python bench/bench.py [--facts examples/history-2026-11-30.toml] [--runs 300] [--quick]

Every figure is CPU time of this process (``time.process_time``) or of a child process (``getrusage``), not wall
time, so that other work on a shared machine slows the figures less; variants that are compared are measured
interleaved (one of each in turn), so that a change in load hits both sides of a ratio alike. Targets (issue 14,
docs/performance.md):

1. one evaluation of the example: median ≤ 1.5 ms;
2. the timeline of the whole term ≥ 100× faster than the daily replay (1,461 evaluations) and identical to it;
3. 100× the facts: one evaluation ≤ 60× the time of 1×; 1,000× the facts: ≤ 1,000× the time and a peak of
   ≤ 100 MB of memory allocated by the evaluation (tracemalloc) — the loaded facts themselves not counted;
4. ``iop-rules check <example> --format json`` as a whole process ≤ 0.25 s of CPU, and ≤ 4× the CPU of
   ``python -c "import pydantic"`` measured in the same run.

Exit code 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import iop_rules
from iop_rules import Facts, evaluate, load_agreement, load_facts, parse_facts
from iop_rules.timeline import replay, timeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"
REFERENCES = ("request_id", "dispute_id")
RESULTS: list[bool] = []


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


def cpu(function: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    start = time.process_time()
    function()
    return time.process_time() - start


def interleaved(variants: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each variant, one call of each in turn, ``rounds`` times.

    Each call starts after a full garbage collection, so that it does not pay for what the call before it (the
    other variant) left: a daily replay leaves some hundred thousand objects behind, and the full collection they
    set off landed in the timeline's call or not, by chance (one run measured the timeline at 254, 314 and 46 ms).
    Each call still pays for the collections its own work sets off."""
    out: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, function in variants.items():
            gc.collect()
            out[name].append(cpu(function))
    return out


def child_cpu(command: list[str]) -> float:
    """CPU seconds (user + system) of a child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compiled() -> bool:
    """Whether a new process finds the package's modules compiled: not when it may not write bytecode and the
    package (a source tree on PYTHONPATH, say) has none, which makes the command's start ~50 ms slower."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return True
    return Path(importlib.util.cache_from_source(iop_rules.__file__)).exists()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def verdict(met: bool, target: str) -> str:
    RESULTS.append(met)
    return f"[target {target}: {'met' if met else 'NOT MET'}]"


def peak_allocated(function: Callable[[], object]) -> float:
    """The peak of memory allocated while ``function`` runs, in MB (tracemalloc, over what existed before)."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        function()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - base) / 1e6


def gc_share(function: Callable[[], object], runs: int) -> dict[str, float]:
    """The share of CPU time the garbage collector takes over ``runs`` calls, and its full collections."""
    spent = {0: 0.0, 1: 0.0, 2: 0.0}
    count = {0: 0, 1: 0, 2: 0}
    began = [0.0]

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            spent[info["generation"]] += time.process_time() - began[0]
            count[info["generation"]] += 1

    gc.collect()
    gc.callbacks.append(callback)
    try:
        total = sum(cpu(function) for _ in range(runs))
    finally:
        gc.callbacks.remove(callback)
    return {"share": sum(spent.values()) / total, "full": count[2], "full_ms": spent[2] * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--facts", type=Path, default=EXAMPLE)
    parser.add_argument("--runs", type=int, default=300, help="evaluations for the median (default 300)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (figures vary more)")
    args = parser.parse_args(argv)
    rounds = 3 if args.quick else 5

    agreement = load_agreement()
    facts = load_facts(args.facts)
    as_of = facts.as_of or dt.date(2026, 11, 30)
    start, end = agreement.term.start, agreement.term.end
    days = (end - start).days + 1
    print(f"machine: {machine()}")
    print(f"facts: {args.facts} ({facts.record_count()} records), as of {as_of}; term {start}..{end} ({days} days)")
    print("all figures are CPU time (process_time / getrusage), medians; compared variants measured interleaved")
    print()

    def one() -> object:
        return evaluate(agreement, facts, as_of=as_of)

    one()  # warm up: the engine's ruleset, validators, imports
    single = [cpu(one) for _ in range(args.runs)]
    base = statistics.median(single)
    findings = len(evaluate(agreement, facts, as_of=as_of).findings())
    print(
        f"1. one evaluation ({findings} findings, {args.runs} runs): median {ms(base)}, "
        f"p90 {ms(percentile(single, 0.9))}, min {ms(min(single))}   {verdict(base <= 0.0015, '≤ 1.5 ms')}"
    )

    collected = gc_share(one, args.runs)
    print(
        f"   garbage collection during those evaluations: {collected['share']:.1%} of the time; full collections "
        f"{collected['full']} in {args.runs} evaluations ({collected['full_ms']:.1f} ms in all)"
    )

    replayed = replay(agreement, facts, start, end)
    analytic = timeline(agreement, facts, start, end)
    identical = analytic == replayed
    times = interleaved(
        {
            "replay": lambda: replay(agreement, facts, start, end),
            "timeline": lambda: timeline(agreement, facts, start, end),
        },
        rounds,
    )
    replay_time, line_time = statistics.median(times["replay"]), statistics.median(times["timeline"])
    speedup = replay_time / line_time
    print(
        f"2. daily replay of the term ({days} evaluations): {replay_time:.2f} s; timeline: {ms(line_time)}; "
        f"{len(analytic)} changes, identical: {'yes' if identical else 'NO'}; {speedup:.0f}× faster "
        f"(median of {rounds}, interleaved)   {verdict(identical and speedup >= 100, '≥ 100×, identical')}"
    )

    for factor, limit in ((100, 60.0), (1000, 1000.0)):
        bigger = scaled(facts, factor)
        evaluate(agreement, bigger, as_of=as_of)
        big_rounds = 5 if factor == 100 else 3
        measured = interleaved(
            {"1x": lambda: [one() for _ in range(10)], "big": lambda b=bigger: evaluate(agreement, b, as_of=as_of)},
            big_rounds,
        )
        small = statistics.median(measured["1x"]) / 10
        each = statistics.median(measured["big"])
        ratio = each / small
        line = f"3. {factor}× the facts ({bigger.record_count()} records): one evaluation {each * 1000:.1f} ms, {ratio:.0f}× the time of 1× ({ms(small)}, interleaved, median of {big_rounds})   {verdict(ratio <= limit, f'≤ {limit:.0f}×')}"
        print(line)
        if factor == 1000:
            peak = peak_allocated(lambda b=bigger: evaluate(agreement, b, as_of=as_of))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"   peak memory allocated by one evaluation of 1,000× the facts: {peak:.0f} MB "
                f"(process peak resident {rss:.0f} MB, the loaded facts included)   {verdict(peak <= 100, '≤ 100 MB')}"
            )
        del bigger

    command = shutil.which("iop-rules", path=str(Path(sys.executable).parent)) or "iop-rules"
    check = [command, "check", str(args.facts), "--as-of", as_of.isoformat(), "--format", "json"]
    bare = [sys.executable, "-c", "import pydantic"]
    child_cpu(check)
    child_cpu(bare)
    cli_runs: dict[str, list[float]] = {"check": [], "pydantic": []}
    for _ in range(5 * rounds):
        cli_runs["check"].append(child_cpu(check))
        cli_runs["pydantic"].append(child_cpu(bare))
    cli, pyd = statistics.median(cli_runs["check"]), statistics.median(cli_runs["pydantic"])
    print(
        f"4. `iop-rules check … --format json` as a process: {cli:.3f} s CPU   {verdict(cli <= 0.25, '≤ 0.25 s')}; "
        f'`python -c "import pydantic"`: {pyd:.3f} s, ratio {cli / pyd:.1f}   {verdict(cli <= 4 * pyd, "≤ 4×")} '
        f"(median of {5 * rounds}, interleaved)"
    )
    if not compiled():
        print(
            "   (the command compiled the package's modules on every start: PYTHONDONTWRITEBYTECODE is set and "
            f"{Path(iop_rules.__file__).parent} holds no bytecode; measure the installed package, without PYTHONPATH)"
        )
    print()
    print(f"targets met: {sum(RESULTS)} of {len(RESULTS)}")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
