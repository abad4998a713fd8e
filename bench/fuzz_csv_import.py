"""The long fuzz run of `orgdesign import` (the suite runs a short one).

Mutates the CSV files under tests/data/csv and the CSV export of every shipped layout (byte
flips, special bytes such as quotes, NULs and BOMs, deletions, truncation, UTF-16 re-encoding
cut at an odd byte, duplicated, deleted or swapped rows, trap cells such as unterminated
quotes, formulas and broken JSON) and checks that every input either imports into a layout
the loader reads back, or is refused with located, one-line errors. Any other outcome is
printed with its input and exits 1.

    .venv/bin/python bench/fuzz_csv_import.py [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "importing"))
sys.path.insert(0, str(ROOT / "tests"))

from csv_mutations import check_import, mutants, seeds  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000, help="inputs to try (default 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed, to reproduce a run")
    args = parser.parse_args(argv)
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    for tried, data in enumerate(mutants(seeds(), args.count, args.seed), start=1):
        try:
            outcomes[check_import(data)] += 1
        except Exception:  # the point of the run: report anything the importer let escape
            print(f"input {tried} (seed {args.seed}) broke the importer: {data!r}", file=sys.stderr)
            traceback.print_exc()
            return 1
    elapsed = time.perf_counter() - start
    print(
        f"tried {args.count} mutated CSV inputs in {elapsed:.0f} s (seed {args.seed}): "
        f"{outcomes['imported']} imported, {outcomes['refused']} refused with located errors, 0 failures"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
