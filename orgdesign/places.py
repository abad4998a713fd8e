"""Where orgdesign keeps files of its own.

Each folder can be set outright with an environment variable (tests and the benchmark do);
otherwise it is the platform's usual folder for the application, as `platformdirs` knows it:
on Linux `$XDG_STATE_HOME/orgdesign` (else `~/.local/state/orgdesign`) and
`$XDG_CONFIG_HOME/orgdesign` (else `~/.config/orgdesign`); the matching folders on macOS and Windows.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "orgdesign"


def state_dir() -> Path:
    """Recent layouts, crash logs, unsaved work on untitled layouts."""
    return _chosen_dir("ORGDESIGN_STATE_DIR") or platformdirs.user_state_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The user's settings (the keymap)."""
    return _chosen_dir("ORGDESIGN_CONFIG_DIR") or platformdirs.user_config_path(APP_NAME, appauthor=False)


def _chosen_dir(variable: str) -> Path | None:
    """The folder set in `variable`; None when it is unset or empty."""
    chosen = os.environ.get(variable)
    return Path(chosen) if chosen else None
