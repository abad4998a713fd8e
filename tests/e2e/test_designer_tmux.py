"""The installed `orgdesign` command driven in tmux: type, save, crash, recover."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from orgdesign.layout import load_layout

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
POLL = 0.05
"""Seconds between looks at the screen or the disk: a wait ends soon after its condition holds."""


def orgdesign_command() -> Path:
    command = Path(sys.executable).parent / "orgdesign"
    if not command.exists():
        pytest.skip(f"the orgdesign console script is not installed next to {sys.executable}")
    return command


class Terminal:
    """One tmux session running one command, with a unique name (safe under xdist)."""

    def __init__(self, tmp_path: Path) -> None:
        self.name = f"orgdesign-e2e-{uuid.uuid4().hex[:12]}"
        self.socket = str(tmp_path / "tmux.sock")
        self.env = {**os.environ, "ORGDESIGN_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color"}

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, env=self.env, timeout=30, check=False
        )
        return done.stdout

    def start(self, *command: str, size: tuple[int, int] = (120, 40)) -> None:
        width, height = size
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", self.name, " ".join(command))

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def text(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, needle: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if needle in shown:
                return shown
            time.sleep(POLL)
        raise AssertionError(f"{needle!r} never appeared; the screen shows:\n{self.screen()}")

    def crash(self) -> None:
        """SIGKILL the command: no handler runs, exactly like a crash or a power cut."""
        pid = int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())
        os.kill(pid, signal.SIGKILL)

    def kill(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path):
    session = Terminal(tmp_path)
    yield session
    session.kill()


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    return Path(shutil.copy(LAYOUTS / "scaleup.yaml", tmp_path / "scaleup.yaml"))


def wait_until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(POLL)
    raise AssertionError("timed out")


def test_add_a_person_and_save(terminal: Terminal, layout: Path):
    terminal.start(str(orgdesign_command()), str(layout))
    terminal.wait_for("Dana Reyes")
    terminal.keys("a")
    terminal.wait_for("Add a report")
    terminal.text("Robin Tmux")
    terminal.keys("Enter")
    terminal.wait_for("Robin Tmux  Product Manager")
    terminal.keys("C-s")
    wait_until(lambda: "robin-tmux" in layout.read_text(encoding="utf-8"))
    org = load_layout(layout)
    assert org["robin-tmux"].name == "Robin Tmux"
    assert org["robin-tmux"].role == "pm"


def recovery_files(layout: Path) -> list[Path]:
    """The recovery files of `layout`, whichever session wrote them."""
    return sorted(layout.parent.glob(f".{layout.name}.*.orgdesign-recover"))


def test_crash_then_reopen_offers_the_autosaved_edit(terminal: Terminal, layout: Path):
    terminal.start(str(orgdesign_command()), str(layout))
    terminal.wait_for("Dana Reyes")
    terminal.keys("a")
    terminal.wait_for("Add a report")
    terminal.text("Crash Survivor")
    terminal.keys("Enter")
    wait_until(lambda: bool(recovery_files(layout)))
    assert len(recovery_files(layout)) == 1, "one session, one recovery file"
    terminal.crash()
    terminal.kill()
    assert "Crash Survivor" not in layout.read_text(encoding="utf-8")

    reopened = Terminal(layout.parent)
    reopened.socket = terminal.socket + "2"
    reopened.env = terminal.env
    try:
        reopened.start(str(orgdesign_command()), str(layout))
        reopened.wait_for("Recover unsaved work")
        reopened.keys("r")
        reopened.wait_for("Crash Survivor")
        reopened.keys("C-s")
        wait_until(lambda: "crash-survivor" in layout.read_text(encoding="utf-8"))
        wait_until(lambda: not recovery_files(layout))
    finally:
        reopened.kill()


def test_at_80x24_the_form_scrolls_to_notes_and_the_footer_keeps_the_essentials(terminal: Terminal, layout: Path):
    terminal.start(str(orgdesign_command()), str(layout), size=(80, 24))
    shown = terminal.wait_for("Dana Reyes")
    footer = shown.rstrip("\n").splitlines()[-1]
    for essential in ("Save", "Undo", "Search", "Help", "Quit"):
        assert essential in footer, footer
    assert "Nina Petrova" in shown, "the product organisation is open on load"
    terminal.keys("a")
    terminal.wait_for("Add a report")
    terminal.text("Robin Small")
    terminal.keys("Tab")
    terminal.wait_for("Enter opens the list")
    for _ in range(5):
        terminal.keys("Tab")
    terminal.wait_for("Enter starts a new line")
    terminal.text("hired for the 80x24 test")
    terminal.keys("Tab")
    terminal.wait_for("Enter presses Save")
    terminal.keys("Enter")
    terminal.wait_for("Robin Small  Product Manager")
    terminal.keys("C-s")
    wait_until(lambda: "robin-small" in layout.read_text(encoding="utf-8"))
    org = load_layout(layout)
    assert org["robin-small"].notes == "hired for the 80x24 test"
    assert org["robin-small"].reports_to == "dana"


def test_the_default_keys_arrive_through_tmux(terminal: Terminal, layout: Path):
    """Keys as a real terminal encodes them (issue 15): Save as, the palette on ':', undo/redo,
    help, search, open, new, and ctrl+q from inside a dialog."""
    terminal.start(str(orgdesign_command()), str(layout))
    terminal.wait_for("Dana Reyes")
    for keys, shown in (
        (("S",), "Save as"),
        ((":",), "Search for commands"),
        (("?",), "Every action is also in the command palette"),
        (("/",), "Jump to"),
        (("C-o",), "Open layout"),
        (("C-n",), "New from a template"),
    ):
        terminal.keys(*keys)
        terminal.wait_for(shown)
        terminal.keys("Escape")
        wait_until(lambda shown=shown: shown not in terminal.screen())
    terminal.keys("d")
    terminal.wait_for("Remove Dana Reyes?")
    terminal.keys("s")
    terminal.wait_for("Removed Dana Reyes")
    terminal.keys("C-z")
    terminal.wait_for("Undone: remove Dana Reyes")
    terminal.keys("C-y")
    terminal.wait_for("Redone: remove Dana Reyes")
    terminal.keys("a")
    terminal.wait_for("Add a report")
    terminal.keys("C-q")
    terminal.wait_for("not saved")
    terminal.keys("d")
    wait_until(lambda: "orgdesign" not in terminal.tmux("list-sessions"))
