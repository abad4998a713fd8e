"""The list of recently opened layouts, shown on the designer's start screen.

Kept as JSON in `$ORGDESIGN_STATE_DIR/recent.json`, else `$XDG_STATE_HOME/orgdesign/`, else
`~/.local/state/orgdesign/`. A missing, unreadable or corrupt file means "no recent layouts":
this list is a convenience and must never stop the designer from starting.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

LIMIT = 10


def state_dir() -> Path:
    explicit = os.environ.get("ORGDESIGN_STATE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_STATE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "state"
    return base / "orgdesign"


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
