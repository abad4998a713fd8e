"""Snapshots of the screens for the rest of the format: settings, units, the file picker, the
waiver's reason, and the main screen with dotted lines and units shown; each also at 80x24.

Review the SVGs in __snapshots__/ before accepting changes with --snapshot-update."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.document import Document
from orgdesign.model import Person, Unit
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.widgets.folder_tree import LayoutFolderTree

from .conftest import LAYOUTS, SIZE, small_org
from .test_snapshots import selecting, still


def designer() -> OrgDesignApp:
    org = small_org()
    org.units = (Unit("pay", "Payments"), Unit("web", "Web Shop"))
    org.put(Person("pm3", "Hal Ives", "pm", reports_to="hop", unit="pay", dotted_to=("cto",)))
    org.put(Person("pm4", "Ivy Jones", "pm", reports_to="hop", unit="pay"))
    return OrgDesignApp(document=Document(org))


def pressing(pid: str, *keys: str):
    """Select `pid`, press `keys`, and let the file picker (when open) read its folder."""

    async def run_before(pilot) -> None:
        await selecting(pid, *keys)(pilot)
        for _ in range(50):  # the file picker reads its folder in a worker
            trees = pilot.app.screen.query(LayoutFolderTree)
            if not trees or trees.first().root.children:
                break
            await pilot.pause()
        await still(pilot)

    return run_before


SCREENS = [
    ("pm3", ("t",)),
    ("ceo", ("comma",)),
    ("ceo", ("comma", "tab", "tab", "down", "down")),
    ("ceo", ("U",)),
    ("pm3", ("u",)),
    ("pm3", ("w",)),
    ("pm3", ("l",)),
    ("ceo", ("S",)),
    ("ceo", ("ctrl+o",)),
]
NAMES = ["units-in-tree", "settings", "settings-rule", "units", "assign-unit", "waive", "dotted", "save-as", "open"]


@pytest.fixture
def fixed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file picker shows the working folder: the same one, with the same files, everywhere."""
    folder = tmp_path / "designs"  # the picker names the folder: not the test's own, which varies
    (folder / "archive").mkdir(parents=True)
    for name in ("scaleup.yaml", "startup.yaml"):
        (folder / name).write_bytes((LAYOUTS / name).read_bytes())
    monkeypatch.chdir(folder)


@pytest.mark.parametrize(("pid", "keys"), SCREENS, ids=NAMES)
def test_format_screens(snap_compare, fixed_folder, pid, keys):
    assert snap_compare(designer(), terminal_size=SIZE, run_before=pressing(pid, *keys))


@pytest.mark.parametrize(("pid", "keys"), SCREENS, ids=NAMES)
def test_format_screens_at_80x24(snap_compare, fixed_folder, pid, keys):
    assert snap_compare(designer(), terminal_size=(80, 24), run_before=pressing(pid, *keys))
