"""Soak: 100,000 evaluations in one process, printing resident memory growth and the thread count.

    python bench/soak.py [--evaluations 100000] [--every 10000]

Cycles through the example snapshot and two small ones, on days across the term, after a warm-up. Bounds (the
issue's): resident memory grows less than 10 MB, the thread count stays the same, no engine session is left.
Exit code 0 when all hold, 1 otherwise. Linux (reads /proc/self).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import threading
import time
from pathlib import Path

from iop_rules import Facts, evaluate, load_agreement, load_facts, parse_facts
from iop_rules.engine import live_sessions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"
LIMIT_MB = 10.0
SIGNED = {
    "signatures": [
        {"id": "sig-city", "party": "city", "date": "2024-12-10"},
        {"id": "sig-fa", "party": "fa", "date": "2024-12-12"},
    ]
}


def resident_mb() -> float:
    """Resident memory of this process in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def os_threads() -> int:
    """Threads of this process as the OS counts them."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return -1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="100,000 evaluations: memory and threads stay flat")
    parser.add_argument("--evaluations", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000, help="print a line every N evaluations")
    args = parser.parse_args(argv)

    agreement = load_agreement()
    snapshots: list[Facts] = [
        load_facts(EXAMPLE),
        parse_facts(SIGNED),
        parse_facts({**SIGNED, "fees_charged": [{"id": "fee-1", "date": "2025-03-01", "amount": "50.00"}]}),
    ]
    days = [agreement.term.start + dt.timedelta(days=n) for n in range(-30, 1500, 97)]
    work = [(facts, day) for facts in snapshots for day in days]
    for facts, day in work * 5:
        evaluate(agreement, facts, as_of=day)
    gc.collect()
    memory_start, threads_start, python_threads = resident_mb(), os_threads(), threading.active_count()
    print(f"start: {memory_start:.1f} MB resident, {threads_start} threads ({len(work)} snapshot×day pairs)")
    began = time.perf_counter()
    for index in range(1, args.evaluations + 1):
        facts, day = work[index % len(work)]
        evaluate(agreement, facts, as_of=day)
        if index % args.every == 0:
            elapsed = time.perf_counter() - began
            print(
                f"{index:>7} evaluations: {resident_mb():.1f} MB (+{resident_mb() - memory_start:.2f}), "
                f"{os_threads()} threads, {elapsed:.0f} s ({elapsed / index * 1000:.2f} ms each)",
                flush=True,
            )
    gc.collect()
    growth = resident_mb() - memory_start
    threads_end = os_threads()
    sessions = len(live_sessions())
    ok = growth < LIMIT_MB and threads_end == threads_start and threading.active_count() == python_threads and not sessions
    print(
        f"end: {args.evaluations} evaluations, resident memory grew {growth:.2f} MB (limit {LIMIT_MB:.0f} MB), "
        f"threads {threads_start} → {threads_end}, live engine sessions {sessions}: {'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
