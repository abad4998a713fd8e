"""By-hand check of the loader's speed target (not a test: timings vary between machines).

Target (issue 6): loading a 10,000-person layout takes at most twice the time libyaml needs
merely to parse its events. Run: .venv/bin/python tests/layout/measure_load_speed.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

import yaml

from orgdesign.layout import loads_layout

PEOPLE = 10_000
ROUNDS = 15


def synthetic_layout(people: int) -> str:
    """A realistic layout: every field a real one uses, spans of eight."""
    lines = ["orgdesign: 1", "name: Synthetic org", "profile: enterprise", "people:"]
    lines += ["  - id: p0", "    name: Person Zero", "    role: ceo", "    title: Founder & CEO"]
    for n in range(1, people):
        lines += [
            f"  - id: p{n}",
            f"    name: Person Number {n}",
            "    role: pm",
            f"    title: Product Manager {n}",
            f"    reports_to: p{(n - 1) // 8}",
            f"    product: Product {n % 97}",
            f"    years_pm: {n % 15}",
        ]
    return "\n".join(lines) + "\n"


def best_times(rounds: int, *actions: Callable[[], object]) -> list[float]:
    """The best CPU time of each action. CPU time, and the actions taken in turn, so that
    other processes on the machine weigh on all of them alike."""
    best = [float("inf")] * len(actions)
    for _ in range(rounds):
        for index, action in enumerate(actions):
            start = time.process_time()
            action()
            best[index] = min(best[index], time.process_time() - start)
    return best


def scan_events(text: str) -> None:
    for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
        pass


def main() -> None:
    text = synthetic_layout(PEOPLE)
    scan, load = best_times(ROUNDS, lambda: scan_events(text), lambda: loads_layout(text))
    (full,) = best_times(2, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    print(f"{PEOPLE} people, {len(text) / 1e6:.2f} MB")
    print(f"libyaml events only    {scan * 1000:8.1f} ms")
    print(f"load_layout            {load * 1000:8.1f} ms   {load / scan:.2f}x events (target <= 2x)")
    print(f"yaml.load CSafeLoader  {full * 1000:8.1f} ms   {full / scan:.2f}x events")


if __name__ == "__main__":
    main()
