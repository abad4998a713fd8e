"""Snapshots of every screen and modal (fixed size, deterministic data, no cursor blink).

Review the SVGs in __snapshots__/ before accepting changes with --snapshot-update.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from orgdesign import recovery
from orgdesign.document import Document
from orgdesign.layout import FileStamp
from orgdesign.model import Person
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen

from .conftest import LAYOUTS, SIZE, gone_session, small_org


def designer() -> OrgDesignApp:
    org = small_org()
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="ceo", vacancy=True))
    return OrgDesignApp(document=Document(org))


async def still(pilot) -> None:
    await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def selecting(pid: str, *keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        main.org_tree.select_person(pid)
        await pilot.pause()
        await pilot.press(*keys)
        await still(pilot)

    return run_before


@pytest.mark.parametrize(
    ("pid", "keys"),
    [
        ("hop", ()),
        ("hop", ("a",)),
        ("pm1", ("e",)),
        ("pm1", ("r",)),
        ("pm1", ("m", "d", "i")),
        ("hop", ("d",)),
        ("cpo", ("o",)),
        ("ceo", ("p",)),
        ("ceo", ("question_mark",)),
    ],
    ids=["main", "add", "edit", "role", "move", "delete", "reporting", "profile", "help"],
)
def test_designer_screens(snap_compare, pid, keys):
    assert snap_compare(designer(), terminal_size=SIZE, run_before=selecting(pid, *keys))


SCREENS_AT_80x24 = [
    ("hop", ()),
    ("hop", ("a",)),
    ("pm1", ("e",)),
    ("pm1", ("e", "tab", "tab", "tab", "tab", "tab", "tab", "tab")),
    ("pm1", ("r",)),
    ("pm1", ("m", "d", "i")),
    ("hop", ("d",)),
    ("cpo", ("o",)),
    ("ceo", ("p",)),
    ("ceo", ("s",)),
    ("ceo", ("question_mark",)),
]


@pytest.mark.parametrize(
    ("pid", "keys"),
    SCREENS_AT_80x24,
    ids=["main", "add", "edit", "edit-notes", "role", "move", "delete", "reporting", "profile", "stats", "help"],
)
def test_designer_screens_at_80x24(snap_compare, pid, keys):
    """Every screen and dialog at the smallest supported terminal: nothing clipped, nothing wrapped."""
    assert snap_compare(designer(), terminal_size=(80, 24), run_before=selecting(pid, *keys))


def calling(action: str, *keys: str):
    """Open a dialog through its action (its key may be remapped) after pressing `keys`."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.app.run_action(action)
        await still(pilot)

    return run_before


@pytest.mark.parametrize(
    ("action", "keys"),
    [("screen.save_as", ()), ("app.new", ()), ("app.quit", ("a", *"Zed", "enter"))],
    ids=["save-as", "new", "unsaved-changes"],
)
def test_app_dialogs_at_80x24(snap_compare, action, keys, tmp_path, monkeypatch):
    empty = tmp_path / "empty"  # Save as shows the folder it saves in: an empty one, named the same everywhere
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert snap_compare(designer(), terminal_size=(80, 24), run_before=calling(action, *keys))


def test_start_screen(snap_compare, monkeypatch, tmp_path):
    monkeypatch.setenv("ORGDESIGN_STATE_DIR", str(tmp_path / "empty-state"))
    assert snap_compare(OrgDesignApp(), terminal_size=SIZE, run_before=still)


def test_error_screen(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text(
        "orgdesign: 1\nname: x\npeople:\n  - id: a\n    name: A\n    role: wizard\n  - id: b\n    role: pm\n",
        encoding="utf-8",
    )
    assert snap_compare(OrgDesignApp(Path("bad.yaml")), terminal_size=SIZE, run_before=still)


def test_recovery_offer(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    layout = Path("startup.yaml")
    layout.write_text((LAYOUTS / "startup.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rescue = recovery.write_recovery(layout, layout.read_text(encoding="utf-8"), gone_session(), FileStamp.of(layout))
    autosaved, saved = datetime(2026, 3, 4, 10, 20, 30).timestamp(), datetime(2026, 3, 4, 9, 0, 0).timestamp()
    os.utime(rescue, (autosaved, autosaved))
    os.utime(layout, (saved, saved))
    assert snap_compare(OrgDesignApp(layout), terminal_size=SIZE, run_before=still)
