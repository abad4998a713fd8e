"""The chart view: what it draws, how the selection moves, collapsing, scrolling, edits."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from orgdesign.edits import AddPerson, Batch, History, MovePerson, RemovePerson, UpdatePerson
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity
from orgdesign.tui.widgets.chart import BIG_ORG, OrgChart

SIZE = (100, 34)


def small_org() -> Org:
    return Org(
        "Acme",
        [
            Person("ceo", "Ada Lovelace", "ceo"),
            Person("cpo", "Grace Hopper", "cpo", reports_to="ceo"),
            Person("cto", "Linus Torvalds", "cto", reports_to="ceo"),
            Person("gpm", "Barbara Liskov", "gpm", reports_to="cpo", dotted_to=("cto",)),
            Person("pm1", "Alan Kay", "pm", reports_to="gpm"),
            Person("pm2", "Margaret Hamilton of the Apollo Guidance Computer", "senior_pm", reports_to="gpm"),
            Person("open", "Open role", "pm", reports_to="gpm", vacancy=True, title="PM, Payments"),
            Person("eng", "Ken Thompson", "other", reports_to="cto", title="VP Engineering"),
        ],
    )


FINDINGS = {"pm2": Severity.ERROR, "gpm": Severity.WARNING, "eng": Severity.INFO}


def fan_org(size: int, span: int) -> Org:
    """`size` people, each manager with `span` reports, breadth first."""
    people = [Person("p0", "Top", "ceo")]
    people.extend(Person(f"p{i}", f"Person {i}", "pm", reports_to=f"p{(i - 1) // span}") for i in range(1, size))
    return Org("Fan", people)


class ChartApp(App):
    """The chart alone, recording what it tells its parent."""

    def __init__(self, org: Org, findings: dict[str, Severity] | None = None) -> None:
        super().__init__()
        self.org = org
        self.history = History(org)
        """Edits of the org, undoable (tests hand what each touched to the chart)."""
        self.findings = findings or {}
        self.selections: list[str] = []

    def compose(self) -> ComposeResult:
        yield OrgChart(self.org, self.findings.get)

    def on_org_chart_person_selected(self, message: OrgChart.PersonSelected) -> None:
        self.selections.append(message.pid)


def shown(chart: OrgChart) -> str:
    """The chart's lines as drawn on screen right now."""
    return "\n".join(chart.render_line(y).text for y in range(chart.size.height))


def on_screen(chart: OrgChart, pid: str) -> bool:
    box = chart.chart_layout.boxes[pid]
    window = Region(chart.scroll_offset.x, chart.scroll_offset.y, chart.size.width, chart.size.height)
    return window.contains_region(Region(box.left, box.top, box.width, box.height))


async def test_the_chart_draws_names_roles_vacancies_and_dotted_managers() -> None:
    app = ChartApp(small_org(), FINDINGS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(app.query_one(OrgChart))
    assert "Ada Lovelace" in text and "Chief Product" in text and "Officer" in text, "a long title wraps"
    assert "VP Engineering" in text, "a title replaces the role label"
    assert "╎   Open role   ╎" in text, "a vacancy is drawn as a dashed box"
    assert "┄ Linus Torvalds" in text, "dotted managers are listed in the box"
    assert "│ Margaret Hamilton of the Apollo Gui…  │" in text, "only a very long name is cut"
    assert "✖" in text and "▲" in text and "●" in text, "severity glyphs mark the boxes"


async def test_arrows_move_between_manager_reports_and_colleagues() -> None:
    app = ChartApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        assert chart.selected == "ceo"
        visited = []
        for key in ("down", "right", "down", "left", "up", "left", "up"):
            await pilot.press(key)
            visited.append(chart.selected)
        await pilot.pause()
    assert visited == ["cpo", "cto", "eng", "eng", "cto", "cpo", "ceo"], "left and right stay among colleagues"
    assert app.selections == ["cpo", "cto", "eng", "cto", "cpo", "ceo"], "each move is reported once"


async def test_space_collapses_and_expands_a_subtree() -> None:
    app = ChartApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        chart.select("gpm")
        await pilot.press("space")
        await pilot.pause()
        collapsed = shown(chart)
        boxes_collapsed = set(chart.chart_layout.boxes)
        assert not chart.is_expanded("gpm")
        await pilot.press("enter")
        await pilot.pause()
        expanded = shown(chart)
    assert "pm1" not in boxes_collapsed and "Alan Kay" not in collapsed
    assert "▸ 3" in collapsed, "a collapsed box says how many reports it hides"
    assert "Alan Kay" in expanded and "▸ 3" not in expanded


async def test_a_big_org_opens_with_three_layers_and_expands_on_demand() -> None:
    org = fan_org(BIG_ORG * 4, span=10)
    app = ChartApp(org)
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        first = {len(chart.cycles.path_from_root(pid) or ()) - 1 for pid in chart.chart_layout.boxes}
        count = len(chart.chart_layout.boxes)
        assert on_screen(chart, "p0"), "the top is in view at start"
        for key in ("down", "down", "down"):
            await pilot.press(key)
        await pilot.pause()
        assert chart.selected == "p111", "moving down into a collapsed person opens them"
        assert on_screen(chart, "p111")
    assert first == {0, 1, 2}
    assert count == 1 + 10 + 100


async def test_the_view_scrolls_to_keep_the_selection_visible() -> None:
    app = ChartApp(fan_org(60, span=30))
    async with app.run_test(size=(60, 20)) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.press("down")
        seen_everywhere = []
        for _ in range(29):
            await pilot.press("right")
            await pilot.pause()
            seen_everywhere.append(on_screen(chart, chart.selected))
        assert chart.selected == "p30"
        assert chart.scroll_offset.y > 0, "the team is stacked in columns, so the view scrolls down"
        assert all(seen_everywhere)
        await pilot.press("up")
        await pilot.pause()
        assert chart.selected == "p0" and on_screen(chart, "p0")


async def test_selecting_someone_deep_in_a_10000_long_chain_reveals_them() -> None:
    depth = 10_000
    people = [Person("p0", "Top", "ceo")] + [
        Person(f"p{i}", f"Person {i}", "pm", reports_to=f"p{i - 1}") for i in range(1, depth)
    ]
    app = ChartApp(Org("Chain", people))
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        assert len(chart.chart_layout.boxes) == 3
        chart.select(f"p{depth - 1}")
        await pilot.pause()
        assert chart.selected == f"p{depth - 1}"
        assert len(chart.chart_layout.boxes) == depth
        assert on_screen(chart, f"p{depth - 1}")
        assert f"Person {depth - 1}" in shown(chart)
    assert app.selections == [], "selecting from outside is not echoed back"


async def test_hostile_names_are_drawn_literally() -> None:
    org = Org(
        "Hostile",
        [
            Person("a", "[bold red]Eve[/]", "ceo", title="R&D [/] team"),
            Person("b", "[link=https://x.test]Mallory", "pm", reports_to="a"),
            Person("c", "Esc\x1b[31mape\nline", "pm", reports_to="a", title="\u202eevil"),
        ],
    )
    app = ChartApp(org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(app.query_one(OrgChart))
    assert "[bold red]Eve[/]" in text
    assert "R&D [/] team" in text
    assert "[link=https://x.test]Mallory" in text
    assert "Esc\\x1b[31mape\\nline" in text
    assert "\\u202eevil" in text
    assert "\x1b" not in text and "\u202e" not in text


async def test_clicking_a_box_selects_it() -> None:
    app = ChartApp(small_org())
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        box = chart.chart_layout.boxes["cto"]
        await pilot.click(OrgChart, offset=(box.left + 2 - chart.scroll_offset.x, box.top + 1 - chart.scroll_offset.y))
        await pilot.pause()
        assert chart.selected == "cto"
    assert app.selections == ["cto"]


async def test_a_renamed_person_is_redrawn_without_a_new_layout() -> None:
    app = ChartApp(small_org())
    history = app.history
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        layout_before = chart.chart_layout
        chart.refresh_people(history.do(UpdatePerson("cto", name="Linus Torvaldz")))
        await pilot.pause()
        text = shown(chart)
        assert chart.chart_layout is layout_before, "same width, same shape: no relayout"
    assert "┄ Linus Torvaldz" in text and "Linus Torvalds" not in text, "dotted markers follow the rename"


async def test_a_hidden_chart_does_no_work_per_edit_and_shows_every_edit_once_shown(monkeypatch) -> None:
    app = ChartApp(small_org())
    history = app.history
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        chart.display = False  # the designer shows the tree
        await pilot.pause()
        drawn: list[set[str]] = []
        monkeypatch.setattr(chart, "_patch_texts", lambda touched: drawn.append(touched) or True)
        chart.refresh_people(history.do(UpdatePerson("cto", name="Linus Torvaldz")))
        chart.refresh_people(history.do(UpdatePerson("pm1", product="Payments")))
        assert drawn == [], "no box is redrawn while nobody sees the chart"
        monkeypatch.undo()
        chart.display = True
        await pilot.pause()
        text = shown(chart)
    assert "┄ Linus Torvaldz" in text and "Linus Torvalds" not in text


async def test_adding_moving_and_removing_people_reshape_the_chart() -> None:
    app = ChartApp(small_org())
    history = app.history
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        chart.refresh_people(history.do(AddPerson(Person("new", "Niklaus Wirth", "pm", reports_to="eng"))))
        await pilot.pause()
        assert chart.chart_layout.boxes["new"].parent == "eng", "a leaf's first report is shown"
        chart.refresh_people(history.do(MovePerson("pm1", "cto")))
        await pilot.pause()
        assert chart.chart_layout.boxes["pm1"].parent == "cto"
        chart.select("gpm")
        chart.refresh_people(history.do(RemovePerson("gpm")))
        await pilot.pause()
        assert "gpm" not in chart.chart_layout.boxes
        assert chart.selected == "cpo", "the selection falls back to the removed person's manager"
        assert chart.chart_layout.boxes["pm2"].parent == "cpo"
        chart.refresh_people(history.undo())
        await pilot.pause()
        assert chart.chart_layout.boxes["pm2"].parent == "gpm"
        assert "Barbara Liskov" in shown(chart)


@pytest.mark.parametrize("arriving", [1, 12])  # fewer people touched than boxes on show, and more
@pytest.mark.parametrize("hidden", [False, True])
async def test_the_first_reports_of_a_leaf_appear_and_a_collapsed_team_stays_collapsed(arriving, hidden) -> None:
    app = ChartApp(small_org())
    history = app.history
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.pause()
        chart.select("gpm")
        await pilot.press("space")  # collapse the GPM's team on purpose
        chart.display = not hidden
        await pilot.pause()
        newcomers = [AddPerson(Person(f"new{n}", f"New {n}", "pm", reports_to="eng")) for n in range(arriving)]
        newcomers.append(AddPerson(Person("late", "Late Joiner", "pm", reports_to="gpm")))
        chart.refresh_people(history.do(Batch(newcomers, "hire")))
        chart.display = True
        await pilot.pause()
        boxes = chart.chart_layout.boxes
        assert all(boxes[f"new{n}"].parent == "eng" for n in range(arriving)), "a leaf's first reports are shown"
        assert "late" not in boxes and "pm1" not in boxes, "a team collapsed on purpose stays collapsed"


async def test_an_empty_org_says_there_is_nothing_to_draw() -> None:
    app = ChartApp(Org("Empty"))
    async with app.run_test(size=SIZE) as pilot:
        chart = app.query_one(OrgChart)
        await pilot.press("down", "space", "up")
        await pilot.pause()
        assert chart.selected is None
        assert "No one to draw" in shown(chart)


def test_snapshot_of_the_chart(snap_compare) -> None:
    assert snap_compare(ChartApp(small_org(), FINDINGS), terminal_size=SIZE)


def test_snapshot_of_the_chart_with_a_collapsed_subtree_and_a_selection(snap_compare) -> None:
    assert snap_compare(ChartApp(small_org(), FINDINGS), terminal_size=SIZE, press=["down", "down", "space"])
