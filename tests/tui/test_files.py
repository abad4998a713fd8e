"""Opening, saving, conflicts, failures, autosave and recovery, quitting."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Input

from orgdesign import recovery
from orgdesign.layout import FileStamp, load_layout
from orgdesign.recent import read_recent
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.choice import ChoiceScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import MainScreen
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.screens.start import StartScreen

from .conftest import LAYOUTS, SIZE, ended_session, notices, paste, screen_text


async def add_report(pilot, name: str) -> None:
    await pilot.press("a", *name, "enter")
    await pilot.pause()


async def test_save_writes_the_file_and_clears_the_unsaved_marker(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        assert "● unsaved" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "● unsaved" not in screen_text(app)
        assert load_layout(path)["zed-young"].reports_to == app.screen.document.org["zed-young"].reports_to
        assert read_recent().layouts == [path.resolve()]


async def test_save_conflict_asks_and_overwrite_replaces(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        path.write_text(path.read_text(encoding="utf-8") + "\n# someone else\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "changed on disk" in screen_text(app)
        assert "# someone else" in path.read_text(encoding="utf-8"), "nothing written before the answer"
        await pilot.press("o")
        await pilot.pause()
        assert "zed-young" in load_layout(path)
        assert not app.screen.document.dirty


async def test_save_conflict_reload_takes_the_file_from_disk(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        path.write_text(path.read_text(encoding="utf-8").replace("Dana Reyes", "Dana Other"), encoding="utf-8")
        await pilot.press("ctrl+s", "r")
        await pilot.pause()
        document = app.screen.document
        assert "zed-young" not in document.org
        assert document.org["dana"].name == "Dana Other"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
async def test_save_failure_keeps_the_edits_and_says_why(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        path.parent.chmod(0o555)
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
        finally:
            path.parent.chmod(0o755)
        assert app.screen.document.dirty
        assert "zed-young" in app.screen.document.org
        assert "Not saved" in notices(app)


async def test_save_failure_from_the_core_keeps_the_edits(layout_copy, monkeypatch):
    from orgdesign import document as document_module
    from orgdesign.layout import SaveError

    def full_disk(*args, **kwargs):
        raise SaveError(str(path), "No space left on device", "free some space and save again")

    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        monkeypatch.setattr(document_module, "save_layout", full_disk)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.document.dirty
        assert "No space left" in notices(app)
        assert "zed-young" not in load_layout(path)


async def test_save_as_writes_a_new_file_and_follows_it(layout_copy):
    path = layout_copy()
    target = path.with_name("copy.yaml")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        app.screen.action_save_as()
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "zed-young" in load_layout(target)
        assert "zed-young" not in load_layout(path)
        assert app.screen.document.path == target
        assert "copy.yaml" in screen_text(app)


async def test_ctrl_o_opens_another_layout(layout_copy):
    first, second = layout_copy("scaleup"), layout_copy("startup")
    app = OrgDesignApp(first)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await paste(pilot, str(second))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path == second


async def test_ctrl_n_starts_an_untitled_layout_from_a_template():
    app = OrgDesignApp(LAYOUTS / "startup.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "enterprise" in screen_text(app)
        app.screen.dismiss(str(LAYOUTS / "enterprise.yaml"))
        await pilot.pause()
        await pilot.press("enter")  # keeps the template's name
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path is None
        assert "(not saved yet)" in screen_text(app)
        assert app.screen.document.org == load_layout(LAYOUTS / "enterprise.yaml")


async def test_quit_asks_when_there_are_unsaved_changes(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "not saved" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("q", "s")
        await pilot.pause()
    assert "zed-young" in load_layout(path)


async def test_quit_without_changes_does_not_ask(layout_copy):
    app = OrgDesignApp(layout_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_autosave_writes_the_recovery_file_after_idle_time(layout_copy):
    path = layout_copy()
    app = OrgDesignApp(path, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_report(pilot, "Zed Young")
        await pilot.pause(0.4)
        document = app.screen.document
        rescue = recovery.recovery_path(path, document.session)
        assert document.recovery_file == rescue
        assert rescue.name == f".scaleup.yaml.{os.getpid()}-{document.session.id}.orgdesign-recover"
        assert "Zed Young" in rescue.read_text(encoding="utf-8")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not rescue.exists(), "undone back to the saved layout: nothing to restore on a later start"
        await pilot.press("ctrl+y")
        await pilot.pause(0.4)
        assert "Zed Young" in rescue.read_text(encoding="utf-8"), "redone: unsaved again, so kept again"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not rescue.exists(), "a clean save removes it"


async def test_recovery_is_offered_on_open_and_restores_the_edit(layout_copy):
    path = layout_copy()
    edited = path.read_text(encoding="utf-8").replace("Dana Reyes", "Dana Restored")
    recovery.write_recovery(path, edited, ended_session(), FileStamp.of(path))
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Recover unsaved work" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        document = app.screen.document
        assert document.org["dana"].name == "Dana Restored"
        assert document.dirty
        assert "Dana Restored" in screen_text(app)


async def test_recovery_can_be_discarded(layout_copy):
    path = layout_copy()
    edited = path.read_text(encoding="utf-8").replace("Dana Reyes", "Dana Restored")
    rescue = recovery.write_recovery(path, edited, ended_session(), FileStamp.of(path))
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.document.org["dana"].name == "Dana Reyes"
        assert not rescue.exists()


async def test_a_file_that_fails_to_load_shows_every_error_with_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "orgdesign: 1\nname: x\npeople:\n  - id: a\n    name: A\n    role: wizard\n  - id: b\n    role: pm\n",
        encoding="utf-8",
    )
    app = OrgDesignApp(bad)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        text = screen_text(app)
        errors = app.screen.errors
        assert len(errors) >= 2
        for error in errors:
            assert f"line {error.line:>5}" in text
        bad.write_text((LAYOUTS / "startup.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_a_missing_file_is_an_error_screen_not_a_crash(tmp_path):
    app = OrgDesignApp(tmp_path / "nope.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        assert "nope.yaml" in screen_text(app)


async def test_start_screen_lists_templates_and_recent_layouts(layout_copy):
    from orgdesign.recent import remember_layout

    remembered = layout_copy("companies")
    remember_layout(remembered)
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        for name in ("startup", "scaleup", "enterprise", "companies"):
            assert name in text
        assert str(remembered.resolve()) in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.document.path is None


async def test_unsaved_work_on_an_untitled_layout_is_autosaved_and_offered_back(private_state_dir):
    app = OrgDesignApp(autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # new from the first template: untitled
        await pilot.pause()
        await add_report(pilot, "Una Titled")
        await pilot.pause(0.4)
        rescue = app.screen.document.recovery_file
        assert rescue is not None and rescue.parent == private_state_dir
        assert "Una Titled" in rescue.read_text(encoding="utf-8")
    # The session ended without saving (as after a crash): the next start offers the work back.
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Restore the untitled layout autosaved at" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        document = app.screen.document
        assert isinstance(app.screen, MainScreen) and document.path is None and document.dirty
        assert "una-titled" in document.org
        assert "Restored unsaved work" in notices(app)


async def test_saving_a_restored_untitled_layout_removes_its_recovery_file(tmp_path):
    recovery.write_recovery(None, (LAYOUTS / "startup.yaml").read_text(encoding="utf-8"), ended_session(), None)
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.save_to(tmp_path / "kept.yaml")
        await pilot.pause()
    assert load_layout(tmp_path / "kept.yaml") == load_layout(LAYOUTS / "startup.yaml")
    assert recovery.find_recoveries(None).recoveries == []


async def test_an_untitled_layout_that_never_autosaved_leaves_the_recovery_file_alone():
    rescue = recovery.write_recovery(
        None, (LAYOUTS / "startup.yaml").read_text(encoding="utf-8"), ended_session(), None
    )
    app = OrgDesignApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # a template, not the offer
        await pilot.pause()
        assert app.screen.document.path is None
        await pilot.press("q")
        await pilot.pause()
    assert rescue.exists(), "someone else's unsaved work is still there"
