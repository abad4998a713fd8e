"""The list of recently opened layouts, shown on the designer's start screen.

Kept as JSON in `recent.json` in the state folder (see `orgdesign.places`). A missing,
unreadable or corrupt file means "no recent layouts": this list is a convenience and must
never stop the designer from starting.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from orgdesign.places import state_dir

LIMIT = 10


def recent_file() -> Path:
    return state_dir() / "recent.json"


def recent_layouts() -> list[Path]:
    """Recently opened layouts that still exist, most recent first."""
    try:
        entries = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    paths = [Path(entry) for entry in entries if isinstance(entry, str)]
    return [path for path in paths if path.is_file()][:LIMIT]


def remember_layout(path: Path) -> None:
    """Put `path` first in the recent list; failures to write are ignored."""
    resolved = str(Path(path).resolve())
    entries = [resolved] + [str(p) for p in recent_layouts() if str(p) != resolved]
    target = recent_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(entries[:LIMIT], indent=1), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass
