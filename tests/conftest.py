"""Suite-wide settings: Hypothesis profiles, and the order xdist hands tests out in.

`make test` uses `ci`: every property test runs Hypothesis's default budget of examples with no
deadline (xdist workers share the cores, so a deadline would only measure the machine's load).
`make fuzz` (ORGDESIGN_HYPOTHESIS=thorough) runs the same properties with ten times the examples:
run it after changing the loader, the dumper, the rules' incremental refresh or the importers.
A property test that needs a budget of its own states `max_examples` in its `@settings`; the others
take the profile's, so `thorough` reaches them all.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("ORGDESIGN_HYPOTHESIS", "ci"))


SLOW_FOLDERS = frozenset({"e2e", "tui"})
"""Test folders whose tests take seconds each: the designer driven by Pilot, and in tmux."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the slow tests first and leave the many quick ones for last.

    Each xdist worker starts on its share of this list and an idle one takes (`--dist worksteal`)
    the far end of a busy worker's share, so what is left at the end is quick tests and the workers
    finish together instead of one waiting for another's last designer test.
    """
    items.sort(key=lambda item: item.path.parent.name not in SLOW_FOLDERS)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts two workers per CPU (PYTEST_XDIST_AUTO_NUM_WORKERS still wins).

    Designer tests spend more than half their time asleep: after every key Pilot waits for the
    app to go idle, polling every 20 ms, and the tmux tests wait for the real command. With one
    worker per CPU a CPU sits idle through those waits; a second worker per CPU runs tests in that
    time. Measured on 2 cores, quiet: 3 workers 156 s, 4 workers 135 s, 5 workers 131 s.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return usable_cpus() * 2


def usable_cpus() -> int:
    """CPUs this process may run on (fewer than the machine has in a container or under taskset)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
