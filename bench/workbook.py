"""Benchmark: writing and reading the facts workbook (a script, not a test).

    python bench/workbook.py [--runs 5]

Prints, for the example snapshot and for 10× and 100× its records: the time to build the workbook, its size,
the time to read it back (``load_facts``), and whether it read back to the same facts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from iop_rules import load_agreement, load_facts
from iop_rules.presentation.workbook import build_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import EXAMPLE, machine, scaled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    agreement = load_agreement()
    base = load_facts(EXAMPLE)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as directory:
        for times in (1, 10, 100):
            facts = base if times == 1 else scaled(base, times)
            builds, reads = [], []
            path = Path(directory) / f"x{times}.xlsx"
            same = True
            for _ in range(args.runs):
                start = time.perf_counter()
                data = build_workbook(agreement, "sv", facts)
                builds.append(time.perf_counter() - start)
                path.write_bytes(data)
                start = time.perf_counter()
                back = load_facts(path)
                reads.append(time.perf_counter() - start)
                same = same and back == facts
            print(
                f"{times:>3}× the facts ({facts.record_count()} records): build {statistics.median(builds) * 1000:.0f} ms, "
                f"{len(data) / 1024:.0f} KiB, read {statistics.median(reads) * 1000:.0f} ms (median of {args.runs}), "
                f"same facts: {'yes' if same else 'NO'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
