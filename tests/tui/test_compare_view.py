"""The designer comparing a proposal with its baseline: marks, the Changes pane, deltas, live
updates, revert and accept, "Compare with…" (file, saved version, git revision), snapshots."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Static

from orgdesign.baseline import Baseline
from orgdesign.document import Document
from orgdesign.edits import AddPerson, MovePerson, RemovePerson, UpdatePerson
from orgdesign.layout import load_layout, save_layout
from orgdesign.model import Org, Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.widgets.changes import ChangesList, ChangesPane
from orgdesign.tui.widgets.org_tree import GHOST

from .conftest import SIZE, notices, paste, screen_text, small_org


def proposal() -> Org:
    """small_org with Eve moved to the CPO, Gus removed, Hal added and Fay given a title."""
    org = small_org()
    MovePerson("pm1", "cpo").apply(org)
    RemovePerson("eng").apply(org)
    AddPerson(Person("pm3", "Hal Ives", "pm", reports_to="hop")).apply(org)
    UpdatePerson("pm2", title="Lead PM, Growth").apply(org)
    return org


def comparing_app(org: Org | None = None) -> OrgDesignApp:
    return OrgDesignApp(document=Document(org or proposal()), baseline=Baseline(small_org(), "HEAD:small.yaml"))


def main_of(app: OrgDesignApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def deltas_text(app: OrgDesignApp) -> str:
    return str(main_of(app).query_one("#deltas", Static).render())


def prompt_error(app: OrgDesignApp) -> str:
    return str(app.screen.query_one("#baseline-error", Static).render())


def highlight_change(app: OrgDesignApp, about: str) -> ChangesList:
    """Focus the Changes list on the first change that mentions `about`."""
    changes = main_of(app).query_one(ChangesPane).changes_list
    changes.focus()
    changes.highlighted = next(n for n, change in enumerate(changes.changes) if change and about in str(change))
    return changes


def pane_text(app: OrgDesignApp) -> str:
    return "\n".join(str(option.prompt) for option in main_of(app).query_one(ChangesPane).changes_list.options)


async def test_opening_with_a_baseline_marks_people_and_lists_changes_by_kind():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Changes since HEAD:small.yaml" in shown
        for heading in ("Added (1)", "Removed (1)", "Moved (1)", "Changed (1)"):
            assert heading in shown
        assert "Hal Ives  Product Manager  + added" in shown
        assert "Eve Ford  Product Manager ▲  ↷ from Di Evans" in shown
        assert "Gus Hill  VP Engineering  ✗ removed" in shown
        assert "Fay Gold  Lead PM, Growth  ✎ title" in shown
        assert "Findings +1 introduced, -1 resolved" in shown
        assert "positions: 7 → 7" in shown


async def test_a_baseline_the_same_as_the_layout_says_so_from_the_start():
    app = comparing_app(small_org())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No changes: the same as the baseline." in screen_text(app)


async def test_every_edit_updates_the_comparison_and_undo_takes_it_back():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = main_of(app)
        main.org_tree.select_person("pm3")
        await pilot.press("d", "r")
        await pilot.pause()
        assert "pm3" not in app.document.org
        assert "Added" not in pane_text(app)
        assert "positions: 7 → 6 (-1)" in deltas_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Added (1)" in pane_text(app)
        assert "positions: 7 → 7" in deltas_text(app)


async def test_revert_puts_the_baselines_value_back_as_an_undoable_edit():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = main_of(app)
        main.org_tree.select_person("pm1")
        await pilot.press("R")
        await pilot.pause()
        assert app.document.org["pm1"].reports_to == "hop"
        assert "Moved" not in pane_text(app)
        assert "↷ from" not in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.document.org["pm1"].reports_to == "cpo"
        assert "Moved (1)" in pane_text(app)
        main.org_tree.select_person("cpo")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Reordered (1)\n  Cy Diaz: place 2 → 1 of 2 under Ada Park" in pane_text(app)
        assert "Cy Diaz  Chief Product Officer  ⇅ reordered" in screen_text(app)
        await pilot.press("R")
        await pilot.pause()
        assert app.document.org.report_ids("ceo") == ["cto", "cpo"]
        assert "Reordered" not in pane_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Reordered (1)" in pane_text(app)


async def test_reverting_a_removal_from_the_changes_list_brings_the_person_back():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        changes = highlight_change(app, "Gus")
        await pilot.press("enter")
        await pilot.pause()
        assert main_of(app).org_tree.cursor_node.data == GHOST + "eng"
        assert "Gus Hill\nnot in this layout" in str(main_of(app).details.render())
        changes.focus()
        await pilot.press("R")
        await pilot.pause()
        assert app.document.org["eng"] == small_org()["eng"]
        assert "Removed" not in pane_text(app)
        assert "✗ removed" not in screen_text(app)


async def test_selecting_a_change_jumps_to_the_person():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        highlight_change(app, "Fay")
        await pilot.press("enter")
        await pilot.pause()
        assert main_of(app).org_tree.selected_id == "pm2"
        assert main_of(app).org_tree.has_focus


async def test_accept_marks_a_change_reviewed_and_again_unmarks_it():
    app = comparing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main_of(app).org_tree.select_person("pm2")
        await pilot.press("K")
        await pilot.pause()
        assert "✓ Fay Gold title" in pane_text(app)
        assert "marked accepted" in notices(app)
        await pilot.press("K")
        await pilot.pause()
        assert "✓" not in pane_text(app)


async def test_revert_and_accept_ask_for_a_baseline_first():
    app = OrgDesignApp(document=Document(small_org()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R", "K")
        await pilot.pause()
        assert app.document.org == small_org()
        assert "Compare with a baseline first" in notices(app)


@pytest.fixture
def committed_layout(tmp_path: Path) -> Path:
    """small_org committed in a temporary git repository, then the proposal saved over it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    layout = folder / "org.yaml"
    save_layout(small_org(), layout, backup=False)
    for command in (["init", "-q"], ["add", "org.yaml"], ["commit", "-q", "-m", "today"]):
        subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *command], check=True)
    save_layout(proposal(), layout, backup=False)
    return layout


async def test_compare_with_a_git_revision_from_the_palette_key(committed_layout):
    before = committed_layout.read_bytes()
    app = OrgDesignApp(committed_layout)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("B", "g")
        await pilot.pause()
        await pilot.press("ctrl+u", *"no-such-rev", "enter")
        await pilot.pause()
        assert "git cannot show this revision" in prompt_error(app)
        await pilot.press("ctrl+u", *"HEAD", "enter")
        await pilot.pause()
        assert "Changes since HEAD:" in screen_text(app)
        assert "Moved (1)" in pane_text(app)
        await pilot.press("B", "x")
        await pilot.pause()
        assert "Changes since" not in screen_text(app)
        assert "+ added" not in screen_text(app)
    assert committed_layout.read_bytes() == before


async def test_compare_with_the_last_saved_version_shows_unsaved_edits(tmp_path):
    layout = tmp_path / "org.yaml"
    save_layout(small_org(), layout, backup=False)
    app = OrgDesignApp(layout)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main_of(app).org_tree.select_person("pm1")
        await pilot.press("d", "r")
        await pilot.pause()
        await pilot.press("B", "s")
        await pilot.pause()
        assert "Removed (1)" in pane_text(app)
        assert "Eve Ford  Product Manager  ✗ removed" in screen_text(app)
    assert load_layout(layout) == small_org()


async def test_compare_with_another_file_explains_a_missing_one(tmp_path):
    other = tmp_path / "other.yaml"
    save_layout(small_org(), other, backup=False)
    app = OrgDesignApp(document=Document(proposal()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("B", "f")
        await paste(pilot, str(tmp_path / "gone.yaml"))
        await pilot.press("enter")
        await pilot.pause()
        assert "gone.yaml" in str(app.screen.query_one("#path-error", Static).render())
        await pilot.press("ctrl+u")
        await paste(pilot, str(other))
        await pilot.press("enter")
        await pilot.pause()
        assert "Added (1)" in pane_text(app)


def test_compare_view_snapshot(snap_compare):
    assert snap_compare(comparing_app(), terminal_size=SIZE)


def test_compare_view_snapshot_at_80x24(snap_compare):
    assert snap_compare(comparing_app(), terminal_size=(80, 24))
