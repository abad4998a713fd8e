"""A layout left with merge conflicts: the load-error screen says where, and offers to pick a side of each."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from orgdesign.layout import load_layout, save_layout
from orgdesign.layout.conflicts import find_conflicts
from orgdesign.merge import merge_orgs, merged_text
from orgdesign.model import Org
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import MainScreen

from .conftest import LAYOUTS, SIZE, screen_text


def retitled(title: str, name: str | None = None) -> Org:
    org = load_layout(LAYOUTS / "startup.yaml")
    org.put(replace(org["mira"], title=title))
    if name is not None:
        org.name = name
    return org


@pytest.fixture
def conflicted(tmp_path: Path) -> Path:
    """A layout the merge driver left with two conflicts: the org's name, then mira's title."""
    base = load_layout(LAYOUTS / "startup.yaml")
    result = merge_orgs(base, retitled("Staff Engineer", "Ours Inc"), retitled("Principal Engineer", "Theirs Inc"))
    path = tmp_path / "org.yaml"
    path.write_text(merged_text(result).text, encoding="utf-8")
    return path


async def test_the_error_screen_shows_each_conflict_at_its_line_and_offers_to_resolve(conflicted: Path):
    lines = [c.line for c in find_conflicts(conflicted.read_text(encoding="utf-8").split("\n"))]
    app = OrgDesignApp(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        text = screen_text(app)
        for line in lines:
            assert f"line {line:>5}" in text
        assert text.count("unresolved merge conflict") == 2
        assert "Resolve merge conflicts" in text  # in the footer


async def test_picking_a_side_of_each_opens_the_resolved_layout_unsaved_then_saving_writes_it(conflicted: Path):
    app = OrgDesignApp(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert "Merge conflict 1 of 2" in shown and "name: Ours Inc" in shown and "name: Theirs Inc" in shown
        await pilot.press("t")
        await pilot.pause()
        assert "Principal Engineer" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "<<<<<<<" in conflicted.read_text(encoding="utf-8")  # nothing written before saving
        await pilot.press("ctrl+s")
        await pilot.pause()
    org = load_layout(conflicted)
    assert (org.name, org["mira"].title) == ("Theirs Inc", "Staff Engineer")


async def test_escape_leaves_the_file_and_the_error_screen_as_they_were(conflicted: Path):
    before = conflicted.read_bytes()
    app = OrgDesignApp(conflicted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
    assert conflicted.read_bytes() == before


async def test_a_file_without_conflicts_offers_no_resolution(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    save_layout(retitled("x"), bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("role: ceo", "role: wizard"), encoding="utf-8")
    app = OrgDesignApp(bad)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        assert "Resolve merge conflicts" not in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)


def test_snapshot_of_picking_a_side(conflicted: Path, snap_compare, monkeypatch):
    monkeypatch.chdir(conflicted.parent)  # the screen shows the path: keep it the same on every machine

    async def ask_first(pilot) -> None:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(OrgDesignApp(Path(conflicted.name)), terminal_size=SIZE, run_before=ask_first)
