"""The core helpers behind autosave and the start screen (no Textual involved)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from orgdesign import recovery
from orgdesign.recent import LIMIT, recent_file, recent_layouts, remember_layout


def test_recovery_file_sits_hidden_beside_the_layout(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    assert recovery.recovery_path(layout) == tmp_path / ".team.yaml.orgdesign-recover"


def test_recovery_is_pending_only_when_newer_than_the_layout(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    layout.write_text("saved", encoding="utf-8")
    assert recovery.pending_recovery(layout) is None
    written = recovery.write_recovery(layout, "unsaved")
    assert recovery.pending_recovery(layout) == written
    assert recovery.read_recovery(layout) == "unsaved"
    old = layout.stat().st_mtime - 100
    os.utime(written, (old, old))
    assert recovery.pending_recovery(layout) is None, "the layout was saved after the autosave"
    recovery.discard_recovery(layout)
    assert not written.exists()
    recovery.discard_recovery(layout)


def test_a_recovery_write_leaves_no_temporary_files(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    recovery.write_recovery(layout, "one")
    recovery.write_recovery(layout, "two")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".team.yaml.orgdesign-recover"]
    assert recovery.read_recovery(layout) == "two"


def test_recent_layouts_most_recent_first_without_duplicates(tmp_path: Path, private_state_dir: Path):
    files = []
    for n in range(LIMIT + 2):
        path = tmp_path / f"l{n}.yaml"
        path.write_text("x", encoding="utf-8")
        files.append(path)
        remember_layout(path)
    remember_layout(files[5])
    shown = recent_layouts()
    assert shown[0] == files[5].resolve()
    assert len(shown) == LIMIT and len(set(shown)) == LIMIT
    assert recent_file().parent == private_state_dir


def test_recent_layouts_skip_missing_files_and_survive_corruption(tmp_path: Path):
    kept = tmp_path / "kept.yaml"
    kept.write_text("x", encoding="utf-8")
    recent_file().parent.mkdir(parents=True)
    recent_file().write_text(json.dumps([str(tmp_path / "gone.yaml"), str(kept), 7]), encoding="utf-8")
    assert recent_layouts() == [kept]
    recent_file().write_text("{not json", encoding="utf-8")
    assert recent_layouts() == []
