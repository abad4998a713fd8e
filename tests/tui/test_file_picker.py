"""Open and Save as pick a file with a path field that completes names and a tree of the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from orgdesign.layout import load_layout
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.path_prompt import PathPrompt, unused_name
from orgdesign.tui.widgets.folder_tree import LayoutFolderTree
from orgdesign.tui.widgets.path_input import complete_path

from .conftest import LAYOUTS, SIZE, screen_text


async def folder_listed(pilot) -> LayoutFolderTree:
    """The picker's folder tree once it has read its folder (it reads in a worker that never ends)."""
    tree = pilot.app.screen.query_one(LayoutFolderTree)
    for _ in range(200):
        await pilot.pause()
        if tree.root.children:
            break
    return tree


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with layouts, a subfolder, a hidden file and a file that is no layout."""
    work = tmp_path / "designs"
    (work / "archive").mkdir(parents=True)
    for name in ("scaleup.yaml", "startup.yaml"):
        (work / name).write_bytes((LAYOUTS / name).read_bytes())
    (work / "archive" / "old.yaml").write_bytes((LAYOUTS / "startup.yaml").read_bytes())
    (work / ".secret.yaml").write_text("hidden", encoding="utf-8")
    (work / "notes.txt").write_text("not a layout", encoding="utf-8")
    monkeypatch.chdir(work)
    return work


def test_completion_extends_to_what_the_matching_names_share(folder: Path):
    assert complete_path("sc") == "scaleup.yaml"
    assert complete_path("st") == "startup.yaml"
    assert complete_path("ar") == "archive/"
    assert complete_path("archive/o") == "archive/old.yaml"
    assert complete_path(str(folder / "sc")) == str(folder / "scaleup.yaml")


def test_completion_leaves_out_hidden_files_other_files_and_missing_folders(folder: Path):
    assert complete_path(".se") is None
    assert complete_path("no") is None
    assert complete_path("missing/sc") is None
    assert complete_path("scaleup.yaml") is None, "nothing longer to complete"


def test_save_as_after_a_conflict_suggests_the_first_free_name(folder: Path):
    (folder / "scaleup-2.yaml").write_text("taken", encoding="utf-8")
    assert unused_name(folder / "scaleup.yaml") == folder / "scaleup-3.yaml"


async def test_tab_completes_the_path_and_enter_opens_it(folder: Path):
    app = OrgDesignApp(folder / "startup.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        await pilot.press("s", "c", "tab")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "scaleup.yaml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path == Path("scaleup.yaml")


async def test_the_folder_tree_lists_folders_and_layouts_and_opens_the_one_chosen(folder: Path):
    app = OrgDesignApp(folder / "startup.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        tree = await folder_listed(pilot)
        shown = [str(node.label) for node in tree.root.children]
        assert shown == ["archive", "scaleup.yaml", "startup.yaml"]
        await pilot.press("tab")  # nothing to complete in the empty field: on to the tree
        assert tree.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path is not None and app.screen.document.path.name == "scaleup.yaml"


async def test_choosing_a_folder_in_the_tree_keeps_the_typed_file_name(folder: Path):
    app = OrgDesignApp(folder / "startup.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await folder_listed(pilot)
        field = app.screen.query_one(Input)
        field.value = str(folder / "copy.yaml")
        app.screen.query_one(LayoutFolderTree).focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert field.value == str(folder / "archive" / "copy.yaml")
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert load_layout(folder / "archive" / "copy.yaml") == load_layout(folder / "startup.yaml")


async def test_save_as_after_a_conflict_offers_a_new_name_not_the_same_path(folder: Path):
    path = folder / "scaleup.yaml"
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Zed Young", "enter")
        await pilot.pause()
        path.write_text(path.read_text(encoding="utf-8") + "\n# someone else\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "changed on disk" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        assert app.screen.query_one(Input).value == str(folder / "scaleup-2.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert "zed-young" in load_layout(folder / "scaleup-2.yaml")
        assert "zed-young" not in load_layout(path)
