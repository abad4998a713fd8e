"""The chart view and the stats screen inside the designer, in step with the tree."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from orgdesign.edits import MovePerson
from orgdesign.tui.screens.stats import StatsScreen

from .conftest import SIZE, screen_text
from .test_editing import designer, select


async def test_c_toggles_between_tree_and_chart_keeping_the_selection():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "cpo")
        await pilot.press("c")
        await pilot.pause()
        assert screen.query_one("#views", ContentSwitcher).current == "chart-view"
        assert screen.chart.selected == "cpo"
        assert app.focused is screen.chart
        assert "Cy Diaz" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert screen.query_one("#views", ContentSwitcher).current == "tree-view"
        assert app.focused is screen.org_tree


async def test_moving_in_the_chart_moves_the_tree_and_the_details():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "cpo")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert screen.chart.selected == "ceo"
        assert screen.org_tree.selected_id == "ceo"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PersonForm"


async def test_an_edit_reshapes_the_chart():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("c")
        await pilot.pause()
        screen.perform(MovePerson("pm1", "cto"))
        await pilot.pause()
        assert screen.chart.chart_layout.boxes["pm1"].parent == "cto"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.chart.chart_layout.boxes["pm1"].parent == "hop"


async def test_s_opens_stats_and_escape_returns():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert "Product Manager" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)
