"""The long fuzz run of the layout loader (the suite runs a short one).

Mutates the layouts under tests/data/good and tests/data/bad (byte flips, insertions,
deletions, duplicated or swapped lines, re-indentation, swapped keys and values, trap
values, extra documents) and checks that every input either loads or is refused with
located, one-line errors. Any other outcome is printed with its input and exits 1.

    .venv/bin/python bench/fuzz_loader.py [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "layout"))
sys.path.insert(0, str(ROOT / "tests"))

from layout_mutations import check_loader, mutants, seeds  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000, help="inputs to try (default 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed, to reproduce a run")
    args = parser.parse_args(argv)
    corpus = seeds([ROOT / "tests" / "data" / "good", ROOT / "tests" / "data" / "bad"])
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    for tried, data in enumerate(mutants(corpus, args.count, args.seed), start=1):
        try:
            outcomes[check_loader(data)] += 1
        except Exception:  # the point of the run: report anything the loader let escape
            print(f"input {tried} (seed {args.seed}) broke the loader: {data!r}", file=sys.stderr)
            traceback.print_exc()
            return 1
    elapsed = time.perf_counter() - start
    print(
        f"tried {args.count} mutated inputs in {elapsed:.0f} s (seed {args.seed}): "
        f"{outcomes['loaded']} loaded, {outcomes['refused']} refused with located errors, 0 failures"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
