"""The chart's views: zoom levels, fit subtree, focus with breadcrumbs, colour modes, full width."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.geometry import Region

from orgdesign.cycles import CycleWatch
from orgdesign.edits import History, RemovePerson, UpdatePerson
from orgdesign.model import Org, Person, Unit
from orgdesign.rules.finding import Severity
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.commands import available_commands
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.chart_colours import GROUP_COLOURS, VACANCY_STYLE
from orgdesign.tui.widgets.chart_layout import Zoom
from orgdesign.tui.widgets.chart_pane import SEPARATOR, Breadcrumbs, ChartLegend, ChartPane

from .conftest import LAYOUTS
from .test_chart import ChartApp, fan_org, shown, small_org

SIZE = (100, 34)


class PaneApp(ChartApp):
    """The chart pane alone (breadcrumbs, chart, legend), recording what the chart tells its parent."""

    def compose(self) -> ComposeResult:
        yield ChartPane(self.org, self.findings.get, CycleWatch(self.org))

    def on_mount(self) -> None:
        self.query_one(OrgChart).focus()


async def focus_on(pilot, pid: str) -> tuple[OrgChart, Breadcrumbs]:
    """Select `pid` in the pane's chart and press i."""
    chart = pilot.app.query_one(OrgChart)
    chart.select(pid)
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    return chart, pilot.app.query_one(Breadcrumbs)


def text_of(widget: Breadcrumbs | ChartLegend) -> str:
    return str(widget.render())


def whole_boxes_in_view(chart: OrgChart) -> int:
    window = Region(chart.scroll_offset.x, chart.scroll_offset.y, chart.size.width, chart.size.height)
    return sum(
        window.contains_region(Region(box.left, box.top, box.width, box.height))
        for box in chart.chart_layout.boxes.values()
    )


async def test_minus_and_plus_step_through_boxes_names_and_dots() -> None:
    app = PaneApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        seen = {}
        for key in ("minus", "minus", "minus", "plus", "equals_sign"):
            await pilot.press(key)
            await pilot.pause()
            seen[(key, chart.zoom)] = shown(chart)
        legend = text_of(app.query_one(ChartLegend))
    names, dots = seen[("minus", Zoom.NAMES)], seen[("minus", Zoom.DOTS)]
    assert "Ada Lovelace" in names and "Chief Product" not in names and "┌" not in names.replace("┌─", "")
    assert "●" in dots and "○" in dots and "Ada" not in dots, "a dot per person, an open one per vacancy"
    assert ("plus", Zoom.NAMES) in seen and ("equals_sign", Zoom.BOXES) in seen, "+ (or =) zooms back in"
    assert "zoom: boxes" in legend


async def test_zooming_out_fits_many_more_people_on_screen() -> None:
    org = fan_org(200, span=6)
    app = PaneApp(org)
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        counts = []
        for _ in range(3):
            counts.append(whole_boxes_in_view(chart))
            await pilot.press("minus")
            await pilot.pause()
    assert counts[0] < counts[1] < counts[2]
    assert counts[2] >= 100, "at dots zoom a small terminal shows a hundred people or more"


async def test_fit_subtree_picks_the_most_detailed_zoom_that_shows_the_whole_subtree() -> None:
    app = PaneApp(fan_org(120, span=5))
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(OrgChart)
        chart.select("p1")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await pilot.pause()
        left, top, right, bottom = chart.chart_layout.subtree_extent("p1")
        window = Region(chart.scroll_offset.x, chart.scroll_offset.y, chart.size.width, chart.size.height)
        fitted_zoom = chart.zoom
        assert window.contains_region(Region(left, top, right - left, bottom - top)), "the subtree is in view"
        await pilot.press("plus")
        await pilot.pause()
        left, top, right, bottom = chart.chart_layout.subtree_extent("p1")
    assert fitted_zoom is not Zoom.BOXES
    assert right - left > chart.size.width or bottom - top > chart.size.height, "one step closer it would not fit"


async def test_focus_shows_only_the_subtree_with_breadcrumbs_back_up() -> None:
    app = PaneApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart, crumbs = await focus_on(pilot, "pm1")
        focused = set(chart.chart_layout.boxes)
        crumbs_text = text_of(crumbs)
        assert chart.selected == "pm1", "the selection stays when it is inside the focus"
        await pilot.press("b")
        await pilot.pause()
        one_up = set(chart.chart_layout.boxes)
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        everyone = set(chart.chart_layout.boxes)
        top_crumbs = text_of(crumbs)
    assert focused == {"gpm", "pm1", "pm2", "open"}, "i on someone without reports focuses on their manager"
    assert crumbs_text == SEPARATOR.join(["Whole org", "Ada Lovelace", "Grace Hopper", "Barbara Liskov"])
    assert one_up == {"cpo", "gpm", "pm1", "pm2", "open"}
    assert everyone == set(small_org().ids()) and top_crumbs == "Whole org"


async def test_clicking_a_breadcrumb_focuses_there() -> None:
    app = PaneApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart, crumbs = await focus_on(pilot, "gpm")
        column = text_of(crumbs).index("Grace Hopper") + 1  # the widget has one cell of padding
        await pilot.click(Breadcrumbs, offset=(column + 1, 0))
        await pilot.pause()
        after_grace = chart.focus_root
        await pilot.click(Breadcrumbs, offset=(2, 0))
        await pilot.pause()
        after_whole = chart.focus_root
        assert app.focused is chart, "the chart keeps the keyboard after a click on a crumb"
    assert after_grace == "cpo" and after_whole is None


async def test_choosing_someone_outside_the_focus_shows_everyone_again() -> None:
    app = PaneApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart, _ = await focus_on(pilot, "gpm")
        chart.select("eng")  # as the tree or a search does
        await pilot.pause()
        assert chart.focus_root is None and chart.selected == "eng"
        assert text_of(app.query_one(Breadcrumbs)) == "Whole org"


def units_org() -> Org:
    people = [
        Person("ceo", "Ada", "ceo", unit="Exec"),
        Person("a", "Bo", "pm", reports_to="ceo", unit="Payments", product="Wallet"),
        Person("b", "Cy", "pm", reports_to="ceo", unit="Platform", product="Wallet"),
        Person("c", "Di", "pm", reports_to="ceo", unit="Payments", vacancy=True),
    ]
    return Org(
        "Units", people, units=[Unit("Payments", "Payments"), Unit("Platform", "Platform"), Unit("Exec", "Exec")]
    )


async def test_shift_c_cycles_the_colour_modes_and_the_legend_names_the_mode() -> None:
    app = PaneApp(units_org(), {"a": Severity.ERROR})
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        legend = app.query_one(ChartLegend)
        await pilot.pause()
        seen = []
        for _ in range(4):
            colouring = chart.colouring
            seen.append(
                (
                    colouring.mode.value,
                    text_of(legend),
                    {pid: colouring.style_of(pid) for pid in ("ceo", "a", "b", "c")},
                )
            )
            await pilot.press("C")
            await pilot.pause()
        back_to = chart.colouring.mode.value
    (
        (severity, s_legend, s_styles),
        (unit, u_legend, u_styles),
        (product, p_legend, p_styles),
        (vacancy, v_legend, v_styles),
    ) = seen
    assert [severity, unit, product, vacancy, back_to] == ["severity", "unit", "product", "vacancy", "severity"]
    assert "colour by severity" in s_legend and "error" in s_legend
    assert s_styles["a"] is not None and s_styles["b"] is None
    assert "colour by unit" in u_legend and "Payments" in u_legend and "Platform" in u_legend
    assert u_styles["a"] == u_styles["c"] != u_styles["b"], "one colour per unit"
    assert {style.color.name for style in u_styles.values() if style and style.color} <= set(GROUP_COLOURS)
    assert "Wallet" in p_legend and p_styles["a"] == p_styles["b"] and p_styles["c"] is None
    assert "vacancy" in v_legend and v_styles["c"] == VACANCY_STYLE and v_styles["a"] is None


async def test_the_colour_mode_colours_the_drawn_boxes() -> None:
    app = PaneApp(units_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.press("C")  # by unit
        await pilot.pause()
        box = chart.chart_layout.boxes["b"]
        strip = chart.render_line(box.top - chart.scroll_offset.y)
        colours = {segment.style.color for segment in strip if segment.style and segment.text.strip()}
    assert chart.colouring.style_of("b") is not None
    assert chart.colouring.style_of("b").color in colours, "Platform's colour is on its box"


async def test_clicking_a_name_or_a_dot_selects_that_person() -> None:
    app = PaneApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        picked = []
        for zoom_key, pid in (("minus", "eng"), ("minus", "pm2")):
            await pilot.press(zoom_key)
            await pilot.pause()
            box = chart.chart_layout.boxes[pid]
            offset = (box.left - chart.scroll_offset.x, box.top - chart.scroll_offset.y)
            await pilot.click(OrgChart, offset=offset)
            await pilot.pause()
            picked.append(chart.selected)
    assert picked == ["eng", "pm2"]
    assert app.selections[-2:] == ["eng", "pm2"]


async def test_a_new_product_gets_a_colour_and_a_legend_entry() -> None:
    app = PaneApp(units_org())
    history = History(app.org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "C")  # by product
        chart = app.query_one(OrgChart)
        chart.refresh_people(history.do(UpdatePerson("b", product="Research")))
        await pilot.pause()
        legend = text_of(app.query_one(ChartLegend))
    assert "Research" in legend and chart.colouring.style_of("b") is not None


# -- in the designer -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(150, 45), (80, 24)])
async def test_the_designer_chart_shows_the_whole_enterprise_layout_in_names_or_dots(size) -> None:
    app = OrgDesignApp(Path(LAYOUTS / "enterprise.yaml"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        chart = app.screen.query_one(OrgChart)
        full = whole_boxes_in_view(chart)
        await pilot.press("minus", "minus")
        await pilot.pause()
        dots = whole_boxes_in_view(chart)
        people = len(chart.org)
    assert full >= (12 if size[0] == 150 else 3), "full boxes: far more than the old ~5 and 2"
    assert dots == people == 68, "at dots zoom all 68 people fit"


async def test_w_hides_the_side_panels_and_shows_the_chart() -> None:
    app = OrgDesignApp(Path(LAYOUTS / "scaleup.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        side = screen.query_one("#side")
        await pilot.press("v")
        await pilot.pause()
        wide = (side.display, screen.showing_tree, screen.chart.size.width)
        await pilot.press("v")
        await pilot.pause()
        narrow = (side.display, screen.chart.size.width)
    assert wide[0] is False and wide[1] is False and wide[2] >= 118
    assert narrow[0] is True and narrow[1] < 100


async def test_every_chart_action_is_in_the_palette_and_help_list() -> None:
    app = OrgDesignApp(Path(LAYOUTS / "scaleup.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        listed = {command.description: command.keys for command in available_commands(app.screen)}
    for action in ("Zoom in", "Zoom out", "Fit subtree", "Focus on selected", "Focus up", "Colour by", "Full width"):
        assert action in listed, action
    assert "+" in listed["Zoom in"] and "-" in listed["Zoom out"]


async def test_breadcrumbs_show_hostile_names_literally() -> None:
    org = Org(
        "Hostile",
        [
            Person("a", "[bold red]Eve[/]", "ceo"),
            Person("b", "Esc\x1b[31mape \u202eevil", "cpo", reports_to="a"),
            Person("c", "Plain", "pm", reports_to="b"),
        ],
    )
    app = PaneApp(org)
    async with app.run_test(size=SIZE) as pilot:
        _, crumbs = await focus_on(pilot, "c")
        text = text_of(crumbs)
    assert "[bold red]Eve[/]" in text and "Esc\\x1b[31mape" in text and "\\u202eev" in text
    assert "\x1b" not in text and "\u202e" not in text


async def test_removing_the_focused_manager_shows_everyone_again() -> None:
    app = PaneApp(small_org())
    history = History(app.org)
    async with app.run_test(size=SIZE) as pilot:
        chart, crumbs = await focus_on(pilot, "gpm")
        chart.refresh_people(history.do(RemovePerson("gpm")))
        await pilot.pause()
        assert chart.focus_root is None and text_of(crumbs) == "Whole org"
        assert chart.selected in chart.chart_layout.boxes
