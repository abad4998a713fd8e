"""Bulk editing in the designer: marks, changes to everyone marked, adding several people, fix all,
import and export; each checked on the model, on the screen, and undone in one step."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Tree

from orgdesign import edits
from orgdesign.model import Org, Person, Unit
from orgdesign.tui.commands import available_commands
from orgdesign.tui.marks import MARK
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.person_form import PersonForm
from orgdesign.tui.screens.person_picker import PersonPicker
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.chart_layout import Zoom
from orgdesign.tui.widgets.org_tree import OrgTree

from .conftest import SIZE, notices, paste, screen_text, small_org
from .test_editing import designer, select

SMALL_TERMINAL = (80, 24)


async def mark(pilot, *pids: str) -> MainScreen:
    screen = pilot.app.screen
    for pid in pids:
        await select(pilot, pid)
        await pilot.press("x")
    await pilot.pause()
    return screen


def with_units() -> Org:
    org = small_org()
    org.units = (Unit("pay", "Payments"), Unit("web", "Web"))
    return org


async def test_marks_show_in_the_tree_and_are_counted_in_the_header():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        text = screen_text(app)
        assert "✓ Eve Ford" in text and "✓ Fay Gold" in text and "✓ Di Evans" not in text
        assert "✓ 2 marked" in text
        await pilot.press("x")  # the cursor is on Fay Gold: unmark her
        await pilot.pause()
        assert "✓ Fay Gold" not in screen_text(app) and "✓ 1 marked" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "✓" not in screen_text(app)
        assert list(screen.marks) == []


async def test_shift_arrows_extend_the_marks():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        assert list(screen.marks) == ["hop", "pm1", "pm2"]
        assert screen.org_tree.selected_id == "pm2"
        await pilot.press("shift+up")
        await pilot.pause()
        assert list(screen.marks) == ["hop", "pm1", "pm2"], "going back keeps the marks"
        assert "✓ 3 marked" in screen_text(app)


async def test_role_of_everyone_marked_is_one_step_and_marks_survive_the_repaint():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        app.screen.dismiss("associate_pm")
        await pilot.pause()
        org = screen.document.org
        assert org["pm1"].role == org["pm2"].role == "associate_pm"
        text = screen_text(app)
        assert "✓ Eve Ford  Associate Product Manager" in text and "✓ Fay Gold  Associate Product Manager" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (org["pm1"].role, org["pm2"].role) == ("pm", "senior_pm")
        assert "✓ 2 marked" in screen_text(app)


async def test_move_everyone_marked_under_the_one_picked():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "eng")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"Ben Cole", "enter")
        await pilot.pause()
        org = screen.document.org
        assert org["pm1"].reports_to == "cto" and org["eng"].reports_to == "cto"
        assert screen.document.history.depth == 1
        tree = screen.org_tree
        assert [node.data for node in tree.node_for("cto").children] == ["pm1", "eng"]
        text = screen_text(app)
        assert "✓ Eve Ford" in text and "✓ Gus Hill" in text and "✓ 2 marked" in text, "marks move with them"
        await pilot.press("c")  # the chart, hidden during the move, shows it once shown
        await pilot.pause()
        chart = screen.chart
        assert chart.chart_layout.boxes["pm1"].parent == "cto" and chart.selected == "eng"
        assert marked_in_chart(chart, "pm1") and marked_in_chart(chart, "eng")
        assert "Eve Ford" in screen_text(app) and "Fay Gold" in screen_text(app)


async def test_people_moved_under_a_shown_manager_keep_their_lines_and_leave_a_closed_branch():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        tree, org = screen.org_tree, screen.document.org
        tree.reveal("eng")
        eve, fay = tree.node_for("pm1"), tree.node_for("pm2")
        assert screen.perform(edits.move_all(org, ["pm1", "pm2"], "cto"))
        await pilot.pause()
        assert [node.data for node in tree.node_for("cto").children] == ["pm1", "pm2", "eng"]  # display order
        assert tree.node_for("pm1") is eve and tree.node_for("pm2") is fay, "the same lines, moved"
        assert [line.rsplit("  ", 1)[0] for line in tree_lines(tree)[:7]] == [  # guides and names
            "▼ Ada Park",
            "├─ ▼ Ben Cole",
            "│  ├─ ✓ Eve Ford",
            "│  ├─ ✓ Fay Gold",
            "│  └─ Gus Hill",
            "└─ ▼ Cy Diaz",
            "   └─ Di Evans",
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [node.data for node in tree.node_for("hop").children] == ["pm1", "pm2"]
        assert tree.node_for("pm1") is eve
        assert screen.perform(edits.MovePerson("pm1", "eng"))  # nobody below Gus Hill was ever shown
        await pilot.pause()
        assert tree.node_for("pm1") is None and not any("Eve Ford" in line for line in tree_lines(tree))
        assert tree.select_person("pm1") and tree.node_for("pm1").parent is tree.node_for("eng")
        await pilot.pause()
        assert any("Eve Ford" in line for line in tree_lines(tree))


def tree_lines(tree: OrgTree) -> list[str]:
    """The tree's lines on screen, as text."""
    return ["".join(segment.text for segment in tree.render_line(y)).rstrip() for y in range(tree.size.height)]


def marked_in_chart(chart: OrgChart, pid: str) -> bool:
    """Whether `pid`'s box shows the bulk-edit mark where the chart draws it at its zoom level."""
    box = chart.chart_layout.boxes[pid]
    column = box.left + 1 if chart.zoom is Zoom.BOXES else box.left
    strip = chart.render_line(box.top - chart.scroll_offset.y)
    return "".join(segment.text for segment in strip)[column - chart.scroll_offset.x] == MARK


async def test_marks_are_drawn_in_the_chart_at_every_zoom_and_follow_each_change():
    app = designer()
    async with app.run_test(size=SMALL_TERMINAL) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        await pilot.press("c")
        await pilot.pause()
        chart = screen.chart
        for zoom in (Zoom.BOXES, Zoom.NAMES, Zoom.DOTS):
            assert chart.zoom is zoom
            drawn = {pid: marked_in_chart(chart, pid) for pid in ("pm1", "pm2", "hop", "ceo")}
            assert drawn == {"pm1": True, "pm2": True, "hop": False, "ceo": False}, zoom
            await pilot.press("minus")
            await pilot.pause()
        await pilot.press("plus", "plus")
        await pilot.pause()
        text = screen_text(app)
        assert text.count("┌✓") == 2 and "✓ 2 marked" in text, "full boxes on screen carry the mark"
        await pilot.press("escape")  # clear the marks: the chart drops them at once
        await pilot.pause()
        assert "┌✓" not in screen_text(app)
        assert not marked_in_chart(chart, "pm1") and not marked_in_chart(chart, "pm2")
        await pilot.press("up", "x")  # mark from the chart: its selection (Fay Gold's manager) is the tree's
        await pilot.pause()
        assert list(screen.marks) == ["hop"] and marked_in_chart(chart, "hop")
        assert screen_text(app).count("┌✓") == 1


async def test_delete_everyone_marked_and_undo_brings_them_back():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        await pilot.press("d")
        await pilot.pause()
        assert "Remove the 2 marked people?" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        org = screen.document.org
        assert "pm1" not in org and "pm2" not in org
        assert "Eve Ford" not in screen_text(app) and "marked" not in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "pm1" in org and "pm2" in org and "Eve Ford" in screen_text(app)


async def test_assign_a_unit_to_everyone_marked():
    app = designer(with_units())
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2", "hop")
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "Web" in screen_text(app)
        app.screen.dismiss("web")
        await pilot.pause()
        assert {screen.document.org[pid].unit for pid in ("pm1", "pm2", "hop")} == {"web"}
        assert screen.document.history.depth == 1


async def test_marked_people_go_into_a_new_unit_when_the_layout_has_none():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm1", "pm2")
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "New unit" in screen_text(app)
        await pilot.press("plus", *"Payments", "enter")
        await pilot.pause()
        org = screen.document.org
        assert [unit.name for unit in org.units] == ["Payments"]
        assert org["pm1"].unit == org["pm2"].unit == org.units[0].id
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not org.units
        assert org["pm1"].unit is None and org["pm2"].unit is None


async def test_set_the_product_of_everyone_marked_offering_the_products_in_use():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await mark(pilot, "pm2", "hop")
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Pay", "right", "enter")  # → takes the suggestion: Payments
        await pilot.pause()
        org = screen.document.org
        assert org["pm2"].product == org["hop"].product == "Payments"


async def test_add_sibling_and_again_for_the_next_one():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm) and "Add a sibling of Eve Ford" in screen_text(app)
        await pilot.press(*"Ivy Jones", "enter")
        await pilot.pause()
        await pilot.press("A", *"Jo King", "enter")
        await pilot.pause()
        org = screen.document.org
        assert org["ivy-jones"].reports_to == "hop" and org["jo-king"].reports_to == "hop"
        assert screen.org_tree.selected_id == "jo-king"


async def test_pasting_a_list_of_names_adds_them_all_under_the_manager_in_one_step():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("a")
        await pilot.pause()
        app.focused.post_message(events.Paste("Kim Lu\nLeo Ma\n\nMo Ng\n"))
        await pilot.pause()
        assert "3 names" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        org = screen.document.org
        assert [org[pid].name for pid in org.report_ids("hop")][-3:] == ["Kim Lu", "Leo Ma", "Mo Ng"]
        assert all(org[pid].role == "pm" for pid in ("kim-lu", "leo-ma", "mo-ng"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "kim-lu" not in org and "mo-ng" not in org


async def test_editing_pasted_names_turns_them_back_into_one_name():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("a")
        await pilot.pause()
        app.focused.post_message(events.Paste("Kim Lu\nLeo Ma"))
        await pilot.pause()
        await pilot.press(*["backspace"] * len("; Leo Ma"), "enter")
        await pilot.pause()
        assert screen.document.org["kim-lu"].name == "Kim Lu"
        assert "leo-ma" not in screen.document.org


def fixable() -> Org:
    people = [
        Person("ceo", "Ada Park", "ceo"),
        Person("cpo", "Cy Diaz", "cpo", reports_to="ceo"),
        Person("hop", "Di Evans", "head_of_product", reports_to="ceo"),
        Person("pm1", "Eve Ford", "pm", reports_to="hop", dotted_to=("ghost",)),
    ]
    return Org("Fixable", people)


async def test_fix_all_applies_every_safe_fix_as_one_step_with_a_summary():
    app = designer(fixable())
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        await pilot.press("F")
        await pilot.pause()
        org = screen.document.org
        assert org["hop"].reports_to == "cpo" and org["pm1"].dotted_to == ()
        assert "applied 2 safe fixes" in notices(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert org["hop"].reports_to == "ceo" and org["pm1"].dotted_to == ("ghost",)


async def test_fix_all_with_nothing_to_fix_says_so():
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "ceo")
        before = screen.document.history.depth
        await pilot.press("F")
        await pilot.pause()
        assert screen.document.history.depth == before
        assert "Not changed" in notices(app)


async def test_import_a_csv_under_a_chosen_manager_renaming_clashing_ids(tmp_path: Path):
    csv = tmp_path / "team.csv"
    csv.write_text("id,name,manager,title\npm1,Nia Oh,,Product Manager\nq2,Ola Pi,pm1,Product Manager\n")
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("I")
        await pilot.pause()
        await paste(pilot, str(csv))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"Di Evans", "enter")
        await pilot.pause()
        org = screen.document.org
        assert org["pm1-2"].name == "Nia Oh" and org["pm1-2"].reports_to == "hop"
        assert org["q2"].reports_to == "pm1-2"
        assert org["pm1"].name == "Eve Ford"
        assert "pm1 → pm1-2" in notices(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "pm1-2" not in org and "q2" not in org


async def test_import_of_a_file_without_people_changes_nothing(tmp_path: Path):
    csv = tmp_path / "empty.csv"
    csv.write_text("colour,size\nred,3\n")
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        await pilot.press("I")
        await paste(pilot, str(csv))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.document.history.depth == 0
        assert "Not imported" in notices(app)


@pytest.mark.parametrize(
    ("key", "expected"), [("1", "<svg"), ("2", "flowchart"), ("3", "- **Di Evans**"), ("4", "Eve Ford")]
)
async def test_export_the_selected_subtree_in_each_format(tmp_path: Path, key: str, expected: str):
    out = tmp_path / "part.out"
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "hop")
        await pilot.press("ctrl+e", key, "s")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await paste(pilot, str(out))
        await pilot.press("enter")
        await pilot.pause()
        text = out.read_text(encoding="utf-8")
        assert expected in text and "Eve Ford" in text
        assert "Ada Park" not in text, "only the subtree"


async def test_export_asks_before_replacing_and_refuses_a_fifo(tmp_path: Path):
    out = tmp_path / "org.md"
    out.write_text("keep me")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "ceo")
        await pilot.press("ctrl+e", "3", "w", "ctrl+u")
        await paste(pilot, str(out))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "already exists" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert out.read_text() == "keep me"
        await pilot.press("ctrl+e", "3", "w", "ctrl+u")
        await paste(pilot, str(out))
        await pilot.press("enter", "y")
        await pilot.pause()
        assert "Ada Park" in out.read_text()
        await pilot.press("ctrl+e", "3", "w", "ctrl+u")
        await paste(pilot, str(fifo))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "not a regular file" in notices(app)


@pytest.mark.parametrize("query", ["mark", "select", "fix all", "import", "export", "add sibling", "unit", "product"])
async def test_each_bulk_action_is_in_the_palette_under_the_word_users_search_for(query: str):
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "pm1")
        descriptions = [command.description.lower() for command in available_commands(app.screen)]
        assert any(query in description for description in descriptions), descriptions


def big_team(size: int) -> Org:
    people = [Person("ceo", "Ada Park", "ceo"), Person("hop", "Di Evans", "head_of_product", reports_to="ceo")]
    people += [Person(f"pm{n:03}", f"Pm Number {n:03}", "pm", reports_to="hop") for n in range(size)]
    return Org("Big team", people)


async def test_a_bulk_edit_larger_than_a_screen_shows_every_changed_label_when_scrolled_to():
    """Past RELABEL_NOW_LIMIT people, labels are rebuilt (or, for people moved in, built) as their
    lines are drawn (OrgTree.render_line)."""
    app = designer(big_team(150))
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "hop")
        pids = [f"pm{n:03}" for n in range(150)]
        for pid in pids:
            screen.marks.add(pid)
        await pilot.press("r")
        await pilot.pause()
        app.screen.dismiss("senior_pm")
        await pilot.pause()
        assert "✓ Pm Number 000  Senior Product Manager" in screen_text(app)
        await select(pilot, "pm149")
        text = screen_text(app)
        assert "✓ Pm Number 149  Senior Product Manager" in text and "  Product Manager" not in text
        assert "Senior" in screen.org_tree.node_for("pm149").label.plain
        await pilot.press("m", *"Ada Park", "enter")  # all 150 move at once: their lines are labelled when drawn
        await pilot.pause()
        assert screen.document.org["pm149"].reports_to == "ceo"
        assert [node.data for node in screen.org_tree.node_for("ceo").children][:3] == ["hop", "pm000", "pm001"]
        assert "✓ Pm Number 149  Senior Product Manager" in screen_text(app), "marks move with them"
        await select(pilot, "pm000")
        assert "✓ Pm Number 000  Senior Product Manager" in screen_text(app)


PEOPLE = ("ceo", "cto", "cpo", "hop", "pm1", "pm2", "eng")
moves = st.lists(
    st.tuples(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True), st.sampled_from((*PEOPLE, None))),
    max_size=8,
)


@settings(max_examples=12, deadline=None)
@given(moves, st.lists(st.sampled_from(PEOPLE), max_size=3))
def test_the_tree_shows_the_org_after_any_moves_and_their_undos(moves, opened):
    asyncio.run(check_moves_shown(moves, opened))


async def check_moves_shown(moves: list[tuple[list[str], str | None]], opened: list[str]) -> None:
    app = designer()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        tree, org = screen.org_tree, screen.document.org
        for pid in opened:
            tree.reveal(pid)
        done = 0
        for pids, manager in moves:
            try:
                edit = edits.move_all(org, pids, manager)
            except edits.EditRefused:
                continue
            done += screen.perform(edit)
            assert_tree_shows_org(tree)
        for _ in range(done):
            screen.action_undo()
            assert_tree_shows_org(tree)
        await pilot.pause()


def assert_tree_shows_org(tree: OrgTree) -> None:
    """Every shown family in the order the org gives, everyone shown at most once, each node findable."""
    seen: set[str] = set()
    stack = [tree.root]
    while stack:
        node = stack.pop()
        children = list(node.children)
        if children:
            expected = tree.cycles.roots() if node is tree.root else tree.cycles.reports(node.data)
            assert [child.data for child in children] == expected
        for child in children:
            assert child.data not in seen and tree.node_for(child.data) is child
            seen.add(child.data)
        stack.extend(children)


@pytest.mark.parametrize("team", [2, 150])  # labels rebuilt at once, and (past 100 people) when drawn
async def test_a_manager_whose_line_shows_the_same_after_an_edit_of_their_team_is_not_drawn_again(monkeypatch, team):
    org = small_org()
    for number in range(3, team + 1):
        org.put(Person(f"pm{number}", f"Person {number}", "pm", reports_to="hop", product="Payments"))
    app = designer(org)
    async with app.run_test(size=SIZE) as pilot:
        screen = await select(pilot, "pm1")
        drawn: list[str | None] = []
        original = Tree._render_line  # what draws a line anew (the tree keeps the lines it drew)

        def drawing(tree, y, *rest):
            node = tree.get_node_at_line(y)
            drawn.append(None if node is None else node.data)
            return original(tree, y, *rest)

        monkeypatch.setattr(Tree, "_render_line", drawing)
        team_ids = ["pm1", "pm2", *(f"pm{number}" for number in range(3, team + 1))]
        screen.perform(edits.set_for_all(screen.document.org, team_ids, "role", "associate_pm"), select="pm1")
        await pilot.pause()
        assert "pm1" in drawn, "the edited people's lines show their new role"
        assert "hop" not in drawn and "cpo" not in drawn, "their manager's line and those above show what they did"
