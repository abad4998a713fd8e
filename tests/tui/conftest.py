"""Fixtures for the designer's tests: a private state dir, layout copies, screen text."""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.pilot import Pilot

from orgdesign.model import Org, Person
from orgdesign.recovery import Session

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recent layouts and crash logs go to a per-test folder, never the user's."""
    state = tmp_path / "state"
    monkeypatch.setenv("ORGDESIGN_STATE_DIR", str(state))
    return state


@pytest.fixture
def layout_copy(tmp_path: Path):
    """Copy a shipped layout into the test's folder and return the copy's path."""

    def copy(name: str = "scaleup") -> Path:
        folder = tmp_path / "work"
        folder.mkdir(exist_ok=True)
        return Path(shutil.copy(LAYOUTS / f"{name}.yaml", folder / f"{name}.yaml"))

    return copy


def small_org() -> Org:
    """A deterministic org: CEO over a CTO and a CPO; the CPO over a Head of Product and PMs."""
    people = [
        Person("ceo", "Ada Park", "ceo"),
        Person("cto", "Ben Cole", "cto", reports_to="ceo"),
        Person("cpo", "Cy Diaz", "cpo", reports_to="ceo"),
        Person("hop", "Di Evans", "head_of_product", reports_to="cpo"),
        Person("pm1", "Eve Ford", "pm", reports_to="hop", product="Payments"),
        Person("pm2", "Fay Gold", "senior_pm", reports_to="hop", years_pm=6),
        Person("eng", "Gus Hill", "other", title="VP Engineering", reports_to="cto"),
    ]
    return Org("Small Co", people, profile="scaleup")


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text lines.

    Rendered exactly as `App.export_screenshot` renders the screen (dialogs over their dimmed
    background included), but recorded as text rather than exported as SVG and parsed back: a
    look costs 6 ms instead of 34, and designer tests look hundreds of times. This reads two of
    Textual's private names (the screen's compositor, the screens behind a dialog), here only.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    return "\n".join(lines).rstrip("\n").replace("\xa0", " ")


async def paste(pilot: Pilot, text: str) -> None:
    """Paste `text` into the focused field, as a terminal's bracketed paste delivers it: one event.

    Typing a temporary folder's path key by key costs a repaint and a completion per character
    (about two seconds of CPU for an 80-character path); a user pastes such a path anyway.
    """
    focused = pilot.app.focused
    assert focused is not None, "a field has focus to paste into"
    focused.post_message(events.Paste(text))
    await pilot.pause()


def notices(app: App) -> str:
    """Title and text of every notification raised so far (toasts are not in screenshots).

    Read without Textual's reaping: iterating `app._notifications` drops the toasts whose timeout
    has passed, and on a loaded machine a test can take longer than that between a toast and its check.
    """
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications._notifications.values())


def ended_session() -> Session:
    """A session of this process that is over, like a designer that crashed: its work is offered."""
    return Session.of_process(os.getpid())


def running_session() -> Session:
    """A session of this process that is running, like a second designer editing (end it after)."""
    session = Session.of_process(os.getpid())
    session.start()
    return session


def gone_session() -> Session:
    """A session of a process that cannot exist (above Linux's largest PID), with a fixed id."""
    return replace(Session.of_process(NO_SUCH_PID), id="5e551011dead")


NO_SUCH_PID = 4_194_305
