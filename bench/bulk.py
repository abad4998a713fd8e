"""Bulk edits in the designer: one edit over many marked people, from the keypress to the repaint.

Issue 16's budget: a bulk operation on 1,000 marked people in a 100,000-person org repaints in
under 100 ms. The marked people are product managers spread over the org, each revealed in the
tree (as a user marking them would have), so the tree shows thousands of people when the edit lands.
Each bulk operation of the designer is timed (role, product, unit, move, delete), from planning
the edit, as the designer does on the key, to the painted screen.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from orgdesign import edits
from orgdesign.model import Org
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen

MARKED = 1_000

ROUNDS = 11
"""Rounds of every kind (a smoke run takes one): a round of the six kinds takes about a second, and
a burst of the shared host's slowness can cover a few rounds; the median of eleven outlasts one of three."""

SINGLE = "role of 1 person (baseline)"
"""The same kind of edit on one person, timed in the same run: the repaint every edit pays."""


def marked_people(org: Org, count: int = MARKED) -> list[str]:
    """`count` product managers taken evenly across the org."""
    pms = [person.id for person in org.people() if person.role == "pm"]
    step = max(1, len(pms) // count)
    return pms[::step][:count]


def bulk_makers(org: Org, marked: list[str]) -> dict[str, Callable[[], edits.Edit]]:
    """Fresh bulk edits (planned anew each round) over the marked people."""
    gpm = next(person.id for person in org.people() if person.role == "gpm" and person.id not in marked)
    return {
        SINGLE: lambda: edits.ChangeRole(marked[0], "senior_pm"),
        "role of 1,000 marked": lambda: edits.set_for_all(org, marked, "role", "senior_pm"),
        "product of 1,000 marked": lambda: edits.set_for_all(org, marked, "product", "Bench product"),
        "unit of 1,000 marked": lambda: edits.AssignUnit(marked, org.units[0].id),
        "move 1,000 marked": lambda: edits.move_all(org, marked, gpm),
        "delete 1,000 marked": lambda: edits.remove_all(org, marked),
    }


async def time_bulk_edits(
    path: Path, rounds: int, size: tuple[int, int], settle: Callable[[object], Awaitable[None]]
) -> dict[str, float]:
    """Median time per bulk edit from `perform` until everything it caused is processed and painted.

    The kinds take turns, round by round, rather than each running all its rounds in a row: the
    shared host's speed drifts within minutes, and a slow phase that fell on one kind's rounds
    alone decided that kind's verdict (and made the kinds incomparable)."""
    app = OrgDesignApp(path)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        org = screen.document.org
        marked = marked_people(org)
        for pid in marked:
            screen.org_tree.reveal(pid)
            screen.marks.add(pid)
        screen.org_tree.relabel(marked)
        await pilot.pause()
        makers = bulk_makers(org, marked)
        for _ in range(rounds):  # each round times every kind once: a slow phase of the host slows all alike
            for name, make_edit in makers.items():
                app.idle_collection.input_seen()  # the key that asks for the edit
                start = time.perf_counter()
                screen.perform(make_edit(), select=screen.org_tree.selected_id)
                await settle(pilot)
                times.setdefault(name, []).append(time.perf_counter() - start)
                screen.action_undo()
                await pilot.pause()
    return {name: statistics.median(figures) for name, figures in times.items()}
