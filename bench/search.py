"""Per-keystroke cost of the designer's people search (issue 15: under 50 ms at 100,000 people).

Types a few queries one letter at a time against a generated org, as the search picker does
(each keystroke asks the index again for the best 50), and prints the worst and median time
per keystroke, with the one-off time to build the index when the picker opens. The obvious
baseline, timed in the same run: one Python pass over every person's text per keystroke
(what the picker did before it ranked matches).

    python bench/search.py              # 100k people
    python bench/search.py --size 10k
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR), str(BENCH_DIR.parent)]

import generate  # noqa: E402

from orgdesign.search import PeopleIndex  # noqa: E402

SHOWN = 50
BUDGET_MS = 50.0


def typed_queries(names: list[str]) -> list[str]:
    """Queries typed letter by letter: a common prefix, a name from the middle, a title word, no match."""
    middle = names[len(names) // 2]
    return [middle, "an", "engineering", "product man", "zqxj", "xyzzy plugh"]


def keystroke_times(index: PeopleIndex, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            index.search(query[:end], SHOWN)
            times.append((time.perf_counter() - started) * 1000)
    return times


def baseline_times(people: list[tuple[str, str]], queries: list[str]) -> list[float]:
    """The unranked scan: every person's 'name title role' text searched for every word typed."""
    times = []
    for query in queries:
        for end in range(1, len(query) + 1):
            words = query[:end].casefold().split()
            started = time.perf_counter()
            found = []
            for pid, text in people:
                if all(word in text for word in words):
                    found.append(pid)
                    if len(found) >= SHOWN:
                        break
            times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k", type=generate.parse_size)
    args = parser.parse_args(argv)
    org = generate.generate_org(args.size)
    started = time.perf_counter()
    index = PeopleIndex(org.people())
    built = time.perf_counter() - started
    names = sorted(person.name for person in org.people())
    queries = typed_queries(names)
    times = keystroke_times(index, queries)
    texts = [(p.id, f"{p.name} {p.display_role} {p.role}".casefold()) for p in org.people()]
    baseline = baseline_times(texts, queries)
    worst = max(times)
    print(f"people search at {len(index):,} people: index built in {built * 1000:.0f} ms (once per picker)")
    print(
        f"per keystroke over {len(times)} keystrokes: median {statistics.median(times):.1f} ms, "
        f"worst {worst:.1f} ms (budget {BUDGET_MS:.0f} ms): {'ok' if worst < BUDGET_MS else 'OVER BUDGET'}"
    )
    print(
        f"baseline (one unranked pass per keystroke): median {statistics.median(baseline):.1f} ms, "
        f"worst {max(baseline):.1f} ms; ranked/baseline worst: {worst / max(baseline):.2f}"
    )
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
