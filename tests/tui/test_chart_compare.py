"""The chart while comparing with a baseline: one mark per box that differs, at every zoom level,
following every edit, undo and redo; removed people drawn struck through at their old place (not
selectable: clicking one offers to bring them back); a legend line counting the removed; and the
file picker for "Compare with… → Another layout file…"."""

from __future__ import annotations

import pytest

from orgdesign.document import Document
from orgdesign.edits import AddPerson, RemovePerson, UpdatePerson
from orgdesign.layout import save_layout
from orgdesign.model import Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.chart_layout import Zoom
from orgdesign.tui.widgets.chart_pane import ChartLegend
from orgdesign.tui.widgets.folder_tree import LayoutFolderTree
from orgdesign.tui.widgets.org_tree import GHOST

from .conftest import SIZE, paste, small_org
from .test_compare_view import comparing_app, main_of, pane_text, proposal

UNMARKED = "unmarked"
GUS = GHOST + "eng"
"""Gus Hill's box: removed in the proposal, drawn under his old manager Ben Cole (cto)."""


def mark_on(chart: OrgChart, pid: str) -> str:
    """The cell where `pid`'s box carries its mark, as drawn now (UNMARKED when it is the box's own)."""
    box = chart.chart_layout.boxes[pid]
    column = box.left + 2 if chart.zoom is Zoom.BOXES else box.left
    strip = chart.render_line(box.top - chart.scroll_offset.y)
    cell = "".join(segment.text for segment in strip)[column - chart.scroll_offset.x]
    return UNMARKED if cell in "─ ●◆○" else cell


def struck(chart: OrgChart, key: str) -> bool:
    """Whether the name in `key`'s box is drawn struck through."""
    box = chart.chart_layout.boxes[key]
    strip = chart.render_line(box.top + (chart.zoom is Zoom.BOXES) - chart.scroll_offset.y)
    name = box.face.name.split()[0]
    return all(segment.style.strike for segment in strip if name in segment.text)


async def click_box(pilot, chart: OrgChart, key: str) -> None:
    box = chart.chart_layout.boxes[key]
    await pilot.click(OrgChart, offset=(box.left + 3 - chart.scroll_offset.x, box.top + 1 - chart.scroll_offset.y))
    await pilot.pause()


async def show_chart(pilot, *keys: str) -> OrgChart:
    await pilot.pause()
    await pilot.press("v", *keys)
    await pilot.pause()
    return main_of(pilot.app).chart


def legend(app: OrgDesignApp) -> str:
    return str(main_of(app).query_one(ChartLegend).render())


@pytest.mark.parametrize("zoom_keys", [(), ("minus",), ("minus", "minus")], ids=["boxes", "names", "dots"])
async def test_each_box_is_marked_as_added_moved_or_changed_at_every_zoom(zoom_keys):
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot, *zoom_keys)
        marks = {pid: mark_on(chart, pid) for pid in ("pm3", "pm1", "pm2", "ceo", "cto", GUS)}
        assert marks == {"pm3": "+", "pm1": "↷", "pm2": "✎", "ceo": UNMARKED, "cto": UNMARKED, GUS: "✗"}
        assert chart.chart_layout.boxes[GUS].parent == "cto"
        assert chart.zoom is Zoom.DOTS or (struck(chart, GUS) and not struck(chart, "cto"))


async def test_the_legend_explains_the_marks_and_counts_the_removed():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_chart(pilot)
        text = legend(app)
        assert "vs HEAD:small.yaml" in text
        for words in ("✗ 1 removed", "+ added", "↷ moved", "✎ changed", "~ renamed?"):
            assert words in text


async def test_marks_follow_every_edit_undo_and_redo():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot)
        main_of(app).perform(UpdatePerson("cto", title="Chief Technologist"))
        await pilot.pause()
        assert mark_on(chart, "cto") == "✎"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert mark_on(chart, "cto") == UNMARKED
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert mark_on(chart, "cto") == "✎"


async def test_a_person_back_under_a_new_id_is_marked_possibly_renamed_and_the_removed_count_drops():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot)
        main_of(app).perform(AddPerson(Person("gus", "Gus Hill", "other", title="VP Engineering", reports_to="cto")))
        await pilot.pause()
        assert mark_on(chart, "gus") == "~"
        assert "✗ 0 removed" in legend(app)


async def test_stopping_the_comparison_clears_the_marks_and_the_legend_line():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot)
        await pilot.press("B", "x")
        await pilot.pause()
        assert [mark_on(chart, pid) for pid in ("pm3", "pm1", "pm2")] == [UNMARKED] * 3
        assert "vs HEAD" not in legend(app)


async def test_a_layout_opened_without_a_baseline_has_no_marks_until_compared(tmp_path):
    baseline = tmp_path / "today.yaml"
    save_layout(small_org(), baseline, backup=False)
    app = OrgDesignApp(document=Document(proposal()))
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot)
        assert mark_on(chart, "pm3") == UNMARKED
        await pilot.press("B", "f")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        assert app.screen.query(LayoutFolderTree)  # the designer's file picker, as Open uses
        await paste(pilot, str(baseline))
        await pilot.press("enter")
        await pilot.pause()
        assert mark_on(chart, "pm3") == "+"
        assert "Added (1)" in pane_text(app)


async def test_the_file_picker_explains_a_file_that_is_not_a_layout_and_keeps_it(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("people: [\n", encoding="utf-8")
    app = OrgDesignApp(document=Document(proposal()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("B", "f")
        await paste(pilot, str(broken))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        assert "broken.yaml" in str(app.screen.query_one("#path-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert main_of(app).comparing is None


async def test_removed_people_follow_edits_and_undo_and_clicking_one_offers_to_bring_them_back():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        chart = await show_chart(pilot)
        main = main_of(app)
        main.perform(RemovePerson("pm2"))
        await pilot.pause()
        assert chart.chart_layout.boxes[GHOST + "pm2"].parent == "hop"
        main.perform(RemovePerson("cto"))
        await pilot.pause()
        assert chart.chart_layout.boxes[GUS].parent == "ceo"  # his manager is gone too: the nearest one above
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert GHOST + "pm2" not in chart.chart_layout.boxes
        assert chart.chart_layout.boxes[GUS].parent == "cto"
        await click_box(pilot, chart, "cto")
        await pilot.press("down")
        assert chart.selected == "cto"  # moving through the chart passes removed people by
        await click_box(pilot, chart, GUS)
        assert chart.selected == "cto"
        assert "Gus Hill\nnot in this layout" in str(main.details.render())
        await pilot.press("R")
        await pilot.pause()
        assert "eng" in main.document.org
        assert GUS not in chart.chart_layout.boxes and chart.chart_layout.boxes["eng"].parent == "cto"
        assert "✗ 0 removed" in legend(app)


def test_chart_snapshot_while_comparing(snap_compare):
    assert snap_compare(comparing_app(), terminal_size=SIZE, press=["v"])


def test_chart_snapshot_while_comparing_at_80x24(snap_compare):
    assert snap_compare(comparing_app(), terminal_size=(80, 24), press=["c"])
