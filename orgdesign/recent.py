"""The list of recently opened layouts, shown on the designer's start screen.

Kept as JSON in `recent.json` in the state folder (see `orgdesign.places`). A missing file
means "no recent layouts"; a file that is not what orgdesign writes (not a regular file, too
large, not a JSON list of paths) is set aside as `recent.json.broken` and reported, so that it
neither stops the designer from starting nor slows it down, and nothing in it is lost.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from orgdesign.places import state_dir
from orgdesign.statefiles import BrokenStateFile, read_state_file, set_aside, write_state_file

LIMIT = 10
SIZE_LIMIT = 256 * 1024
"""Ten paths take a few kilobytes; anything far larger was not written by orgdesign."""
PATH_LIMIT = 4096


@dataclass(slots=True)
class RecentList:
    layouts: list[Path] = field(default_factory=list)
    """Recently opened layouts that still exist, most recent first."""
    set_aside: tuple[Path, str] | None = None
    """Where a broken recent.json was moved, and why."""


def recent_file() -> Path:
    return state_dir() / "recent.json"


def read_recent() -> RecentList:
    """The recent layouts; a broken list is set aside (never deleted) and reported."""
    target = recent_file()
    try:
        entries = _entries(target)
    except BrokenStateFile as error:
        renamed = set_aside(target)
        return RecentList(set_aside=None if renamed is None else (renamed, str(error)))
    except OSError:
        return RecentList()
    paths = [Path(entry) for entry in entries]
    return RecentList([path for path in paths if path.is_file()][:LIMIT])


def remember_layout(path: Path) -> tuple[Path, str] | None:
    """Put `path` first in the recent list; failures to write are ignored.

    Returns where a broken recent list was set aside (and why), for the caller to tell the user.
    """
    resolved = str(Path(path).resolve())
    recent = read_recent()
    entries = [resolved] + [str(p) for p in recent.layouts if str(p) != resolved]
    with contextlib.suppress(OSError):
        write_state_file(recent_file(), json.dumps(entries[:LIMIT], indent=1).encode("utf-8"))
    return recent.set_aside


def _entries(target: Path) -> list[str]:
    """The paths listed in `target` (raises BrokenStateFile, OSError)."""
    data = read_state_file(target, SIZE_LIMIT)
    if data is None:
        return []
    try:
        entries = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise BrokenStateFile("it is not valid JSON") from None
    if not isinstance(entries, list) or not all(_is_path_text(entry) for entry in entries):
        raise BrokenStateFile("it is not a list of file paths")
    return entries


def _is_path_text(entry: object) -> bool:
    return isinstance(entry, str) and 0 < len(entry) <= PATH_LIMIT and "\0" not in entry
