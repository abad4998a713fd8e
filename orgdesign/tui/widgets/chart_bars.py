"""A titled horizontal bar chart that fits its bars to the width it is given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from orgdesign.stats import Tally
from orgdesign.stats_text import bar
from orgdesign.text import clip, printable

MAX_LABEL_WIDTH = 28
MIN_BAR_WIDTH = 4
MIN_LABEL_WIDTH = 6
LINE_PADDING = 4
"""Cells of a line that are neither label, count nor bar: two before the label, one after each."""


def clipped(label: str, width: int) -> str:
    """`label` padded or cut (with an ellipsis) to exactly `width` cells."""
    return set_cell_size(clip(label, width), width)


class BarChart(Widget):
    """One line per tally: label, count, and a bar scaled to the largest count."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar-chart--title", "bar-chart--bar", "bar-chart--empty"}

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        & > .bar-chart--title { text-style: bold; color: $text-accent; }
        & > .bar-chart--bar { color: $accent; }
        & > .bar-chart--empty { color: $text-muted; }
    }
    """

    def __init__(self, title: str, tallies: Sequence[Tally], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.tallies = tuple(tallies)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + max(len(self.tallies), 1)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        text.append(self.title, style=self.get_component_rich_style("bar-chart--title"))
        if not self.tallies:
            text.append("\n  (none)", style=self.get_component_rich_style("bar-chart--empty"))
            return text
        labels = [printable(tally.label) for tally in self.tallies]
        largest = max(tally.count for tally in self.tallies)
        count_width = len(str(largest))
        room_for_label = self.size.width - count_width - MIN_BAR_WIDTH - LINE_PADDING
        label_width = max(
            min(max(cell_len(label) for label in labels), MAX_LABEL_WIDTH, room_for_label), MIN_LABEL_WIDTH
        )
        bar_width = max(self.size.width - label_width - count_width - LINE_PADDING, MIN_BAR_WIDTH)
        bar_style = self.get_component_rich_style("bar-chart--bar")
        for label, tally in zip(labels, self.tallies, strict=True):
            text.append(f"\n  {clipped(label, label_width)} {tally.count:>{count_width}} ")
            text.append(bar(tally.count, largest, bar_width), style=bar_style)
        return text
