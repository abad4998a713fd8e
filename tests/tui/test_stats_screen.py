"""The stats screen: bar charts of headcount, spans, layers and vacancies; Escape closes it."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from orgdesign.model import Org, Person, Unit
from orgdesign.tui.screens.stats import StatsScreen
from orgdesign.tui.widgets.chart_bars import BarChart

SIZE = (110, 36)


def stats_org() -> Org:
    people = [
        Person("ceo", "Ada Lovelace", "ceo"),
        Person("cpo", "Grace Hopper", "cpo", reports_to="ceo", unit="core"),
        Person("gpm", "Barbara Liskov", "gpm", reports_to="cpo", unit="core"),
        Person("pay", "Edsger Dijkstra", "gpm", reports_to="cpo", unit="pay"),
    ]
    people += [Person(f"pm{i}", f"PM {i}", "pm", reports_to="gpm", unit="core") for i in range(5)]
    people += [Person(f"sp{i}", f"Senior {i}", "senior_pm", reports_to="pay", unit="pay") for i in range(2)]
    people.append(Person("open", "Open role", "pm", reports_to="pay", unit="pay", vacancy=True))
    units = [Unit("core", "Core [platform] & <tools>"), Unit("pay", "Payments")]
    return Org("Acme [beta]", people, units=units)


class StatsApp(App):
    def __init__(self, org: Org) -> None:
        super().__init__()
        self.org = org
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.org), self.results.append)


def chart_lines(app: App, chart_id: str) -> list[str]:
    chart = app.screen.query_one(f"#{chart_id}", BarChart)
    return [line.rstrip() for line in chart.render().plain.split("\n")]


async def test_the_screen_shows_each_statistic_as_bars_and_escape_closes_it() -> None:
    app = StatsApp(stats_org())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        summary = str(app.screen.query_one("#stats-summary", Static).render())
        roles = chart_lines(app, "stats-by-role")
        units = chart_lines(app, "stats-by-unit")
        spans = chart_lines(app, "stats-by-span")
        layers = chart_lines(app, "stats-by-layer")
        vacancies = chart_lines(app, "stats-vacancies")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)
    assert app.results == [None]

    assert "12 positions: 11 filled, 1 vacant · 4 managers · 4 layers" in summary
    assert roles[0] == "Headcount by role"
    assert any(line.startswith("  Product Manager") and " 6 " in line and "█" in line for line in roles)
    assert any("Core [platform] & <tools>" in line and " 7 " in line for line in units)
    assert any("Payments" in line and " 4 " in line for line in units)
    assert any("(no unit)" in line and " 1 " in line for line in units)
    spans_by_group = {line.split()[0]: int(line.split()[1]) for line in spans[1:]}
    assert spans_by_group == {"1": 1, "2-3": 2, "4-7": 1, "8-12": 0, "13-16": 0, "17+": 0}
    assert [line.split()[:3] for line in layers[1:]] == [
        ["layer", "1", "1"],
        ["layer", "2", "1"],
        ["layer", "3", "2"],
        ["layer", "4", "8"],
    ]
    assert [line.split()[:2] for line in vacancies[1:]] == [["filled", "11"], ["vacant", "1"]]


async def test_the_longest_bar_belongs_to_the_largest_count() -> None:
    app = StatsApp(stats_org())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        layers = chart_lines(app, "stats-by-layer")[1:]
    bars = [line.count("█") for line in layers]
    assert bars[-1] == max(bars) and bars[0] < bars[-1]


def test_snapshot_of_the_stats_screen(snap_compare) -> None:
    assert snap_compare(StatsApp(stats_org()), terminal_size=SIZE)
