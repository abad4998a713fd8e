"""What the designer says about state files: the offer to recover unsaved work, broken files set aside."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from orgdesign.layout import FileStamp
from orgdesign.recovery import Recovery
from orgdesign.tui.text import literal, toast

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def recovery_message(found: Recovery, layout: Path | None, disk: FileStamp | None, more: int) -> Text:
    """The offer's text for `found`, unsaved work on `layout` whose file on disk has stamp `disk`."""
    lines = [
        Text.assemble(
            "Unsaved changes to ",
            literal(str(layout) if layout is not None else "an untitled layout", "bold"),
            " were left by a session that ended without saving.",
        ),
        Text.assemble(("  Unsaved changes  ", "dim"), (found.written_at.strftime(TIME_FORMAT), "bold")),
    ]
    changed_at = _modified_at(layout)
    if layout is not None:
        shown = changed_at.strftime(TIME_FORMAT) if changed_at is not None else "missing"
        lines.append(Text.assemble(("  File on disk     ", "dim"), (shown, "bold")))
    lines.append(Text(_which_is_newer(found.written_at, changed_at)))
    base_note = _base_note(found, layout, disk)
    if base_note:
        lines.append(Text(base_note))
    lines.append(Text.assemble(("(", "dim"), literal(str(found.path), "dim"), (")", "dim")))
    if more:
        lines.append(Text(f"{more} more set{'s' if more > 1 else ''} of unsaved changes will be offered next."))
    return Text("\n").join(lines)


def tell_set_aside(where: App[None] | Screen[None], broken: tuple[Path, str] | None) -> None:
    """Say that a broken state file was renamed out of the way (and where to), if one was."""
    if broken is not None:
        renamed, reason = broken
        toast(where, f"Set aside a broken state file as {renamed} ({reason}).", severity="warning", timeout=15)


def _modified_at(layout: Path | None) -> datetime | None:
    if layout is None:
        return None
    try:
        return datetime.fromtimestamp(layout.stat().st_mtime)
    except OSError:
        return None


def _which_is_newer(written_at: datetime, changed_at: datetime | None) -> str:
    if changed_at is None:
        return "The unsaved changes are the only copy of this work."
    if changed_at > written_at:
        return "The file on disk is newer: it changed after these changes were autosaved."
    return "The unsaved changes are newer than the file on disk."


def _base_note(found: Recovery, layout: Path | None, disk: FileStamp | None) -> str:
    if layout is None:
        return ""
    if found.based_on is None:
        return "The version of the file they started from is not known: saving them will ask first."
    if found.based_on != disk:
        return "The file changed since that session opened it: saving them will ask first."
    return ""
