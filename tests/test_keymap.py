"""The user's keymap file: read by binding id, refused with located errors when broken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from orgdesign.keymap import KeymapError, keymap_path, read_keymap

KNOWN = {"add", "save", "quit", "save-as"}


def keymap(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keys.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(KeymapError) as caught:
        read_keymap(path, KNOWN)
    return [str(error) for error in caught.value.errors]


def test_no_file_means_the_default_keys(tmp_path):
    assert read_keymap(tmp_path / "keys.yaml", KNOWN) == {}


def test_an_empty_or_comment_only_file_means_the_default_keys(tmp_path):
    assert read_keymap(keymap(tmp_path, "# my keys\n"), KNOWN) == {}


def test_keys_are_read_by_binding_id_with_spaces_around_commas_dropped(tmp_path):
    path = keymap(tmp_path, "add: n\nsave: ctrl+s , f2\nsave-as: ctrl+shift+s\n")
    assert read_keymap(path, KNOWN) == {"add": "n", "save": "ctrl+s,f2", "save-as": "ctrl+shift+s"}


def test_every_problem_is_reported_at_once_with_its_place(tmp_path):
    path = keymap(tmp_path, "add: n\nsvae: f2\nadd: m\nquit: [q]\nsave: ''\n")
    assert errors_of(path) == [
        f"{path}:2:1: error: unknown binding id 'svae': did you mean 'save'?",
        f"{path}:3:1: error: duplicate binding id 'add': keep one of them",
        f"{path}:4:7: error: the keys for 'quit' must be key names separated by commas, like 'ctrl+s,f2'",
        f"{path}:5:7: error: the keys for 'save' must be key names separated by commas, like 'ctrl+s,f2'",
    ]


def test_a_keymap_that_is_not_a_mapping_is_refused(tmp_path):
    path = keymap(tmp_path, "- add: n\n")
    assert errors_of(path) == [
        f"{path}:1:1: error: a keymap is a mapping of binding ids to keys, like 'save: ctrl+s,f2'"
    ]


def test_a_syntax_error_is_located(tmp_path):
    path = keymap(tmp_path, "add: n\n  save: [f2\n")
    (error,) = errors_of(path)
    assert error.startswith(f"{path}:2:") and ": error: " in error


def test_a_keymap_that_is_not_utf8_is_located(tmp_path):
    path = tmp_path / "keys.yaml"
    path.write_bytes(b"add: \xff\n")
    assert errors_of(path) == [f"{path}:1:6: error: byte 0xFF is not valid UTF-8: the file must be saved as UTF-8"]


def test_the_file_lives_in_the_config_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("ORGDESIGN_CONFIG_DIR", str(tmp_path / "cfg"))
    assert keymap_path() == tmp_path / "cfg" / "keys.yaml"
    monkeypatch.delenv("ORGDESIGN_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert keymap_path() == tmp_path / "xdg" / "orgdesign" / "keys.yaml"


def test_the_designer_refuses_to_start_with_a_broken_keymap(tmp_path):
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "keys.yaml").write_text("ad: n\n", encoding="utf-8")
    env = {"ORGDESIGN_CONFIG_DIR": str(config), "ORGDESIGN_STATE_DIR": str(tmp_path / "state"), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "orgdesign", "layouts/startup.yaml"],
        capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[1], timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == f"{config / 'keys.yaml'}:1:1: error: unknown binding id 'ad': did you mean 'add'?\n"


def test_a_keymap_that_cannot_be_read_is_a_keymap_error_not_a_layout_error(tmp_path):
    (tmp_path / "keys.yaml").mkdir()
    (message,) = errors_of(tmp_path / "keys.yaml")
    assert "keys.yaml" in message
