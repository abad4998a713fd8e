"""The chart view as the designer shows it: breadcrumbs above the chart, a legend below.

The breadcrumbs name the path from the top of the org down to the manager the chart focuses on;
clicking one focuses there ("Whole org" shows everyone). The legend says the zoom level and what
the colours mean in the current colour mode.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from orgdesign.cycles import CycleWatch
from orgdesign.model import Org
from orgdesign.rules.finding import Severity
from orgdesign.text import clip, printable
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.chart_marks import MARKS, REMOVED, ChartComparison

WHOLE_ORG = "Whole org"
SEPARATOR = " \u203a "
CRUMB_WIDTH = 24
"""A long name in the breadcrumbs is cut to this many cells."""


class Breadcrumbs(Widget):
    """One line: the whole org, then each manager down to the focused one; click one to focus there."""

    DEFAULT_CSS = """
    Breadcrumbs {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    @dataclass
    class Chosen(Message):
        """A crumb was clicked: focus on `pid` (None: the whole org)."""

        pid: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._crumbs: list[tuple[int, int, str | None]] = []
        """Start and end column of each crumb's text, and whom it focuses on."""
        self._text = Text(WHOLE_ORG, style="bold")

    def show(self, org: Org, path: list[str]) -> None:
        text = Text(no_wrap=True, overflow="crop")
        self._crumbs = []
        for index, pid in enumerate([None, *path]):
            if index:
                text.append(SEPARATOR)
            label = WHOLE_ORG if pid is None else clip(printable(org[pid].name), CRUMB_WIDTH)
            start = text.cell_len
            text.append(label, style="bold" if index == len(path) else "underline")
            self._crumbs.append((start, text.cell_len, pid))
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text

    def crumb_at(self, column: int) -> tuple[bool, str | None]:
        """(whether `column` is on a crumb, whom that crumb focuses on)."""
        for start, end, pid in self._crumbs:
            if start <= column < end:
                return True, pid
        return False, None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        hit, pid = self.crumb_at(offset.x)
        if hit:
            self.post_message(self.Chosen(pid))


class ChartLegend(Widget):
    """One line: the zoom level and what the colours mean; while comparing, a second line
    for the marks and how many people were removed (who have no box)."""

    DEFAULT_CSS = """
    ChartLegend {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def show(self, chart: OrgChart) -> None:
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"zoom: {chart.zoom.value} (+/-)  colour by {chart.colouring.mode.value} (C):")
        entries = chart.colouring.legend()
        for entry in entries:
            text.append("  ")
            text.append(entry.mark, style=entry.style)
            text.append(f" {entry.label}")
        if not entries:
            text.append("  none set")
        if chart.comparison is not None:
            text.append_text(comparison_legend(chart.comparison))
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text


def comparison_legend(comparison: ChartComparison) -> Text:
    """The legend's second line while comparing: the removed count first (the line is cut at the
    view's edge), then what each mark means."""
    text = Text("\nvs ")
    text.append(clip(printable(comparison.baseline_label), CRUMB_WIDTH), style="bold")
    text.append(":  ")
    text.append(REMOVED.glyph, style=REMOVED.style)
    text.append(f" {comparison.removed_count()} {REMOVED.label}")
    for mark in MARKS:
        text.append("  ")
        text.append(mark.glyph, style=mark.style)
        text.append(f" {mark.label}")
    return text


class ChartPane(Vertical):
    """Breadcrumbs, the chart, the legend."""

    DEFAULT_CSS = """
    ChartPane {
        height: 1fr;
    }
    ChartPane > OrgChart {
        height: 1fr;
    }
    """

    def __init__(
        self,
        org: Org,
        worst: Callable[[str], Severity | None],
        cycles: CycleWatch,
        marks: Container[str] = frozenset(),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._chart = OrgChart(org, worst, cycles, marks)

    def compose(self) -> ComposeResult:
        yield Breadcrumbs()
        yield self._chart
        yield ChartLegend()

    def on_mount(self) -> None:
        self._show_view()

    @on(OrgChart.ViewChanged)
    def _show_view(self) -> None:
        self.query_one(Breadcrumbs).show(self._chart.org, self._chart.focus_path())
        self.query_one(ChartLegend).show(self._chart)

    @on(Breadcrumbs.Chosen)
    def _crumb_chosen(self, event: Breadcrumbs.Chosen) -> None:
        self._chart.focus_on(event.pid)
        self._chart.focus()
