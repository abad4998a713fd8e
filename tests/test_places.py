"""Where orgdesign keeps its own files: ORGDESIGN_* overrides first, else the platform's folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from orgdesign.places import config_dir, state_dir

FOLDERS = [
    pytest.param(state_dir, "ORGDESIGN_STATE_DIR", "XDG_STATE_HOME", Path(".local/state"), id="state"),
    pytest.param(config_dir, "ORGDESIGN_CONFIG_DIR", "XDG_CONFIG_HOME", Path(".config"), id="config"),
]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are the Linux convention")


@pytest.fixture(autouse=True)
def no_folder_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start every test from an environment that sets none of the folders."""
    for variable in ("ORGDESIGN_STATE_DIR", "ORGDESIGN_CONFIG_DIR", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.parametrize(("folder", "override", "xdg", "under_home"), FOLDERS)
def test_the_orgdesign_variable_wins_over_everything(monkeypatch, tmp_path, folder, override, xdg, under_home):
    monkeypatch.setenv(override, str(tmp_path / "chosen"))
    monkeypatch.setenv(xdg, str(tmp_path / "xdg"))
    assert folder() == tmp_path / "chosen"


@pytest.mark.parametrize(("folder", "override", "xdg", "under_home"), FOLDERS)
def test_an_empty_orgdesign_variable_counts_as_unset(monkeypatch, folder, override, xdg, under_home):
    unset = folder()
    monkeypatch.setenv(override, "")
    assert folder() == unset


def test_state_and_settings_fall_back_to_the_platform_folders_for_the_app():
    assert state_dir() == platformdirs.user_state_path("orgdesign", appauthor=False)
    assert config_dir() == platformdirs.user_config_path("orgdesign", appauthor=False)


@linux_only
@pytest.mark.parametrize(("folder", "override", "xdg", "under_home"), FOLDERS)
def test_on_linux_the_xdg_variable_is_honoured(monkeypatch, tmp_path, folder, override, xdg, under_home):
    monkeypatch.setenv(xdg, str(tmp_path / "xdg"))
    assert folder() == tmp_path / "xdg" / "orgdesign"


@linux_only
@pytest.mark.parametrize(("folder", "override", "xdg", "under_home"), FOLDERS)
def test_on_linux_without_xdg_the_folder_is_under_home(monkeypatch, tmp_path, folder, override, xdg, under_home):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert folder() == tmp_path / under_home / "orgdesign"
