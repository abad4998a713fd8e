"""`orgdesign NEW --compare HEAD` in tmux: the Changes pane, a revert, a save; HEAD stays as committed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from orgdesign.compare import diff_orgs
from orgdesign.edits import MovePerson
from orgdesign.layout import load_layout, save_layout

from .test_designer_tmux import LAYOUTS, Terminal, orgdesign_command, terminal, wait_until

__all__ = ["terminal"]  # the fixture, used by name

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("git") is None, reason="needs tmux and git"),
]


def git(folder: Path, *args: str) -> str:
    command = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.com", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def proposal(tmp_path: Path) -> tuple[Path, str]:
    """scaleup.yaml committed in a git repository, then one PM moved in the work tree: (path, their name)."""
    folder = tmp_path / "repo"
    folder.mkdir()
    layout = Path(shutil.copy(LAYOUTS / "scaleup.yaml", folder / "scaleup.yaml"))
    git(folder, "init", "-q")
    git(folder, "add", "scaleup.yaml")
    git(folder, "commit", "-q", "-m", "today's org")
    org = load_layout(layout)
    pm = org.people_with_role("pm")[0]
    target = next(p.id for p in org.people_with_role("gpm", "director_product") if p.id != pm.reports_to)
    MovePerson(pm.id, target).apply(org)
    save_layout(org, layout, backup=False)
    return layout, pm.name


def test_compare_with_head_then_revert_the_move_and_save(terminal: Terminal, proposal: tuple[Path, str]):
    layout, name = proposal
    committed = git(layout.parent, "show", "HEAD:scaleup.yaml")
    terminal.start(str(orgdesign_command()), str(layout), "--compare", "HEAD")
    terminal.wait_for("Changes since HEAD:")
    terminal.wait_for("Moved (1)")
    terminal.keys("/")
    terminal.wait_for("Jump to")
    terminal.text(name)
    terminal.wait_for(f"{name}  Product Manager")
    terminal.keys("Enter")
    wait_until(lambda: "Jump to" not in terminal.screen())
    terminal.keys("R")
    wait_until(lambda: "Moved (1)" not in terminal.screen())
    terminal.wait_for("No changes")
    terminal.keys("C-s")
    wait_until(lambda: diff_orgs(load_layout(LAYOUTS / "scaleup.yaml"), load_layout(layout)).is_empty)
    assert git(layout.parent, "show", "HEAD:scaleup.yaml") == committed
