"""Recovery files: unsaved work written next to a layout so that a crash never loses it.

The designer writes the whole layout text to `.<filename>.orgdesign-recover` in the same
folder after a few seconds of idle time. On open, a recovery file newer than the layout is
offered for restore; a clean save or quit removes it. Writes are atomic (temporary file and
rename), so a crash in the middle of an autosave leaves the previous recovery file intact.

A layout that was never saved (say, new from a template) has no folder of its own: its work
goes to the recovery file of `untitled_anchor()` in the state folder, and the start screen
offers it back.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from orgdesign.places import state_dir

SUFFIX = ".orgdesign-recover"


def recovery_path(layout: Path) -> Path:
    """Where unsaved work on `layout` is kept: a hidden file beside it."""
    layout = Path(layout)
    return layout.with_name(f".{layout.name}{SUFFIX}")


def untitled_anchor() -> Path:
    """The stand-in layout path whose recovery file holds unsaved work on an untitled layout."""
    return state_dir() / "untitled.yaml"


def write_recovery(layout: Path, text: str) -> Path:
    """Atomically write `text` as the recovery file of `layout`; returns its path.

    Raises OSError (read-only folder, full disk); the caller decides how loud to be.
    """
    target = recovery_path(layout)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def pending_recovery(layout: Path) -> Path | None:
    """The recovery file of `layout` when it holds work newer than the layout itself."""
    candidate = recovery_path(layout)
    try:
        recovered = candidate.stat().st_mtime_ns
    except OSError:
        return None
    try:
        saved = Path(layout).stat().st_mtime_ns
    except OSError:
        return candidate
    return candidate if recovered >= saved else None


def read_recovery(layout: Path) -> str:
    return recovery_path(layout).read_text(encoding="utf-8")


def discard_recovery(layout: Path) -> None:
    """Remove the recovery file of `layout`, if any; failing to remove it is harmless."""
    with suppress(OSError):
        recovery_path(layout).unlink(missing_ok=True)
