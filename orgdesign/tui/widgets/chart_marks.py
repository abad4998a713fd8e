"""The chart's marks: one coloured cell per person who differs from a baseline, and ✓ on
whoever is marked for a bulk edit.

The tree spells a difference out ("↷ from Ann Lee", "✎ title"); a chart box has room for one cell,
so it shows the difference that matters most: renamed, else added, else moved, else changed, else reordered.
Removed people are drawn at their old place struck through, marked ✗ (see `ChartComparison.ghosts_under`).
A full box has a cell for each kind of mark; a name or a dot has one, and there the bulk-edit mark
wins: it is what the next key acts on (the tree and the Changes pane still list the differences).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.style import Style

from orgdesign.compare import PersonStatus
from orgdesign.model import Person
from orgdesign.tui.marks import MARK


@dataclass(frozen=True, slots=True)
class ChartMark:
    glyph: str
    label: str
    style: Style


RENAMED = ChartMark("~", "renamed?", Style(color="magenta", bold=True))
ADDED = ChartMark("+", "added", Style(color="green", bold=True))
MOVED = ChartMark("↷", "moved", Style(color="cyan", bold=True))
CHANGED = ChartMark("✎", "changed", Style(color="yellow", bold=True))
REORDERED = ChartMark("⇅", "reordered", Style(color="cyan", bold=True))
MARKS = (ADDED, MOVED, CHANGED, REORDERED, RENAMED)
"""In the legend's order."""
REMOVED = ChartMark("✗", "removed", Style(color="red", bold=True))
MARKED = ChartMark(MARK, "marked", Style(color="green", bold=True, reverse=True))
"""Marked for a bulk edit (x): drawn as the tree draws it."""


def chart_mark(status: PersonStatus | None) -> ChartMark | None:
    """The one mark a person's box carries (None: no difference, or no box: removed)."""
    if status is None or status.removed:
        return None
    if status.renamed_from is not None:
        return RENAMED
    if status.added:
        return ADDED
    if status.moved_from is not None:
        return MOVED
    if status.changed:
        return CHANGED
    return REORDERED if status.reordered else None


class ChartComparison(Protocol):
    """What the chart asks of a comparison."""

    @property
    def baseline_label(self) -> str:
        """What the org is compared with, as the legend names it."""
        ...

    def chart_mark(self, pid: str) -> ChartMark | None: ...

    def removed_count(self) -> int:
        """People in the baseline who are not in the org and not possibly renamed."""
        ...

    def ghosts_under(self) -> Mapping[str | None, Sequence[Person]]:
        """Those people as the baseline had them, by whom the chart shows them under: their
        manager when still in the org, else the nearest one above still there (None: the top)."""
        ...
