"""Crash recovery in the designer: work is offered whatever its age, owned by one session, never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orgdesign import recovery
from orgdesign.layout import FileStamp, load_layout
from orgdesign.recent import recent_file
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.start import StartScreen

from .conftest import LAYOUTS, SIZE, ended_session, notices, running_session, screen_text


async def add_report(pilot, name: str) -> None:
    await pilot.press("a", *name, "enter")
    await pilot.pause()


def pull_a_change(path: Path, old: str, new: str) -> None:
    """Change the layout on disk the way `git pull` would, a minute after any autosave."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    later = path.stat().st_mtime + 60
    os.utime(path, (later, later))


def crashed_session_edit(path: Path) -> Path:
    """Leave unsaved work on `path` (Dana renamed) as a designer that crashed would."""
    edited = path.read_text(encoding="utf-8").replace("Dana Reyes", "Dana Restored")
    return recovery.write_recovery(path, edited, ended_session(), FileStamp.of(path))


async def test_work_older_than_the_layout_is_offered_says_which_is_newer_and_survives_save_and_quit(layout_copy):
    path = layout_copy()
    rescue = crashed_session_edit(path)
    pull_a_change(path, "Dana Reyes", "Dana Pulled")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen), "offered although the layout is newer"
        text = screen_text(app)
        assert "file on disk is newer" in text
        assert "changed since that session opened it" in text
        written = recovery.read_recovery(rescue)
        assert written is not None and written.written_at.strftime("%Y-%m-%d %H:%M:%S") in text
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.org["dana"].name == "Dana Pulled"
        await add_report(pilot, "Zed Young")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "zed-young" in load_layout(path)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert "Dana Restored" in rescue.read_text(encoding="utf-8"), "saving and quitting kept the unsaved work"


async def test_escape_on_the_offer_keeps_the_work_for_the_next_open(layout_copy):
    path = layout_copy()
    rescue = crashed_session_edit(path)
    for _ in range(2):
        app = OrgDesignApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "Recover unsaved work" in screen_text(app)
            await pilot.press("escape", "q")
            await pilot.pause()
        assert rescue.exists()


async def test_restored_work_saved_over_a_file_changed_since_asks_first(layout_copy):
    path = layout_copy()
    crashed_session_edit(path)
    pull_a_change(path, "Dana Reyes", "Dana Pulled")
    pulled = path.read_text(encoding="utf-8")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.document.org["dana"].name == "Dana Restored"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "changed on disk" in screen_text(app)
        assert path.read_text(encoding="utf-8") == pulled, "nothing written before the answer"
        await pilot.press("o")
        await pilot.pause()
        assert load_layout(path)["dana"].name == "Dana Restored"
        assert not app.screen.document.dirty


async def test_restored_work_saves_without_asking_when_the_file_is_as_that_session_left_it(layout_copy):
    path = layout_copy()
    rescue = crashed_session_edit(path)
    app = OrgDesignApp(path, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        own = app.screen.document.recovery_file
        assert not rescue.exists(), "this session now keeps the work in its own file"
        assert own is not None and "Dana Restored" in own.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not own.exists()
    assert load_layout(path)["dana"].name == "Dana Restored"


async def test_a_live_session_file_is_neither_offered_nor_touched_by_a_second_designer(layout_copy):
    path = layout_copy()
    first = running_session()  # another designer, still editing this layout
    try:
        theirs = recovery.write_recovery(path, path.read_text(encoding="utf-8") + "\n", first, FileStamp.of(path))
        before = theirs.read_bytes()
        app = OrgDesignApp(path, autosave_delay=0.1)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), "a live session's work is not offered"
            await add_report(pilot, "Zed Young")
            await pilot.pause(0.4)
            mine = app.screen.document.recovery_file
            assert mine is not None and mine != theirs and "Zed Young" in mine.read_text(encoding="utf-8")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not mine.exists()
            await add_report(pilot, "Yan Zhu")
            await pilot.press("q", "d")
            await pilot.pause()
        assert theirs.read_bytes() == before
    finally:
        first.end()


async def test_two_untitled_sessions_do_not_share_a_recovery_file(private_state_dir):
    first = running_session()  # another designer with unsaved untitled work, still running
    try:
        theirs = recovery.write_recovery(None, (LAYOUTS / "startup.yaml").read_text(encoding="utf-8"), first, None)
        before = theirs.read_bytes()
        app = OrgDesignApp(autosave_delay=0.1)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "Restore the untitled layout" not in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            await add_report(pilot, "Una Titled")
            await pilot.pause(0.4)
            mine = app.screen.document.recovery_file
            assert mine is not None and mine != theirs and mine.parent == theirs.parent
            await pilot.press("q", "d")
            await pilot.pause()
        assert theirs.read_bytes() == before
        assert not mine.exists()
    finally:
        first.end()


async def test_each_crashed_untitled_session_is_offered_on_the_start_screen():
    startup = (LAYOUTS / "startup.yaml").read_text(encoding="utf-8")
    for name in ("Alpha Work", "Beta Work"):
        recovery.write_recovery(None, startup.replace("Tessellate product org", name, 1), ended_session(), None)
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_text(app).count("Restore the untitled layout autosaved at") == 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.org.name in ("Alpha Work", "Beta Work")


async def test_a_recovery_file_that_is_not_utf8_is_set_aside_with_a_notice(layout_copy):
    path = layout_copy()
    rescue = recovery.recovery_path(path, ended_session())
    rescue.write_bytes(b"\xff\xfe not text \x80")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        broken = rescue.with_name(rescue.name + ".broken")
        assert broken.read_bytes() == b"\xff\xfe not text \x80"
        assert broken.name in notices(app)
    assert not rescue.exists()


async def test_a_recovery_file_that_is_not_a_layout_is_set_aside_when_restored(layout_copy):
    path = layout_copy()
    rescue = recovery.write_recovery(path, "people: [unclosed\n", ended_session(), FileStamp.of(path))
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.org["dana"].name == "Dana Reyes"
        broken = rescue.with_name(rescue.name + ".broken")
        assert "people: [unclosed" in broken.read_text(encoding="utf-8")
        assert broken.name in notices(app)


async def test_a_deeply_nested_recent_list_is_set_aside_and_the_start_screen_shows(private_state_dir):
    private_state_dir.mkdir(parents=True)
    recent_file().write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "none yet" in screen_text(app)
        assert "recent.json.broken" in notices(app)
    assert (private_state_dir / "recent.json.broken").stat().st_size == 400_000


async def test_a_huge_recent_list_is_set_aside_unread(private_state_dir):
    private_state_dir.mkdir(parents=True)
    with recent_file().open("wb") as stream:
        stream.truncate(128 * 1024 * 1024)  # sparse: no disk space used
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "recent.json.broken" in notices(app)


async def test_opening_a_layout_over_a_recent_list_of_wrong_types_sets_it_aside(layout_copy, private_state_dir):
    path = layout_copy()
    private_state_dir.mkdir(parents=True)
    recent_file().write_text(json.dumps({"layouts": [1, 2]}), encoding="utf-8")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "recent.json.broken" in notices(app)
    assert json.loads(recent_file().read_text(encoding="utf-8")) == [str(path.resolve())]


async def test_work_on_a_layout_deleted_since_is_offered_and_saving_it_asks_first(layout_copy):
    path = layout_copy()
    rescue = crashed_session_edit(path)
    path.unlink()  # e.g. a checkout of a branch without the file
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "missing" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.document.org["dana"].name == "Dana Restored"
        assert not rescue.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "changed on disk" in screen_text(app) and not path.exists()
        await pilot.press("o")
        await pilot.pause()
    assert load_layout(path)["dana"].name == "Dana Restored"


async def test_work_on_a_layout_that_no_longer_loads_is_offered_then_kept(layout_copy):
    path = layout_copy()
    rescue = crashed_session_edit(path)
    pull_a_change(path, "people:", "<<<<<<< HEAD\npeople:")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Recover unsaved work" in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("q")
        await pilot.pause()
    assert "Dana Restored" in rescue.read_text(encoding="utf-8")


async def test_a_crash_keeps_the_work_and_writes_its_log_even_over_a_fifo(layout_copy, private_state_dir):
    path = layout_copy()
    private_state_dir.mkdir(parents=True)
    os.mkfifo(private_state_dir / "crash.log")
    app = OrgDesignApp(path)

    def explode() -> None:
        raise RuntimeError("an internal error")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await add_report(pilot, "Zed Young")
            app.screen.action_stats = explode
            await pilot.press("s")
            await pilot.pause()
    assert "an internal error" in (private_state_dir / "crash.log").read_text(encoding="utf-8")
    [left] = recovery.find_recoveries(path).recoveries
    assert "Zed Young" in left.text
