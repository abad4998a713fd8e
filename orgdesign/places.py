"""Where orgdesign keeps files of its own, following the XDG base directory convention.

Each folder can be set outright with an environment variable (tests and the benchmark do),
else it sits under `$XDG_..._HOME`, else under the usual folder in the user's home.
"""

from __future__ import annotations

import os
from pathlib import Path


def state_dir() -> Path:
    """Recent layouts, crash logs, unsaved work on untitled layouts."""
    return _user_dir("ORGDESIGN_STATE_DIR", "XDG_STATE_HOME", Path(".local") / "state")


def config_dir() -> Path:
    """The user's settings (the keymap)."""
    return _user_dir("ORGDESIGN_CONFIG_DIR", "XDG_CONFIG_HOME", Path(".config"))


def _user_dir(explicit: str, xdg: str, under_home: Path) -> Path:
    chosen = os.environ.get(explicit)
    if chosen:
        return Path(chosen)
    base = os.environ.get(xdg)
    return (Path(base) if base else Path.home() / under_home) / "orgdesign"
