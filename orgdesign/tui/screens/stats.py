"""The stats screen: headcount, spans of control, layers and vacancies as bar charts."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from orgdesign.model import Org
from orgdesign.stats import OrgStats, Tally, org_stats
from orgdesign.tui.text import literal
from orgdesign.tui.widgets.chart_bars import BarChart


def summary(stats: OrgStats) -> Text:
    return Text(
        f"{stats.positions} positions: {stats.filled} filled, {stats.vacancies} vacant · "
        f"{stats.managers} managers · {stats.layers} layers"
    )


def positions(stats: OrgStats) -> tuple[Tally, ...]:
    return (Tally("filled", "filled", stats.filled), Tally("vacant", "vacant", stats.vacancies))


class StatsScreen(ModalScreen[None]):
    """Numbers about the org as it is now; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="stats-close")]

    DEFAULT_CSS = """
    StatsScreen {
        align: center middle;
        #stats-dialog {
            width: 90%;
            max-width: 120;
            height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        #stats-title { text-style: bold; width: 100%; }
        #stats-summary { color: $text-muted; margin-bottom: 1; }
        #stats-grid {
            grid-size: 2;
            grid-gutter: 1 3;
            grid-rows: auto;
            height: auto;
        }
        #stats-hint { color: $text-muted; dock: bottom; }
    }
    """

    def __init__(self, org: Org) -> None:
        super().__init__()
        self.stats = org_stats(org)

    def compose(self) -> ComposeResult:
        stats = self.stats
        with Vertical(id="stats-dialog"):
            yield Label(Text.assemble("Stats · ", literal(stats.name)), id="stats-title")
            yield Static(summary(stats), id="stats-summary")
            with VerticalScroll(id="stats-body"), Grid(id="stats-grid"):
                yield BarChart("Headcount by role", stats.by_role, id="stats-by-role")
                yield BarChart("Headcount by unit", stats.by_unit, id="stats-by-unit")
                yield BarChart("Managers by span (direct reports)", stats.managers_by_span, id="stats-by-span")
                yield BarChart("People per layer", stats.people_per_layer, id="stats-by-layer")
                yield BarChart("Positions", positions(stats), id="stats-vacancies")
            yield Static(Text("escape closes"), id="stats-hint")

    def action_close(self) -> None:
        self.dismiss(None)
