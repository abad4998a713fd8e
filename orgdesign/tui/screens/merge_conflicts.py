"""Resolving a layout's merge conflicts by picking a side of each, from the load-error screen.

Each conflict is asked in turn, in a small choice screen that shows both versions of the
person (or top-level key) with the line it is at. Once every conflict has a side, the
resolved layout opens as unsaved work on the file: nothing is written until the user saves,
and saving checks that the file is still the one that was resolved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from orgdesign.document import NEVER, Document
from orgdesign.layout import FileStamp, LayoutError, loads_layout
from orgdesign.layout.conflicts import Conflict, Side, find_conflicts, resolve
from orgdesign.layout.source import decode, read_bytes
from orgdesign.tui.screens.choice import Choice, ChoiceScreen
from orgdesign.tui.text import literal, toast

if TYPE_CHECKING:
    from orgdesign.tui.app import OrgDesignApp

SIDE_NAMES: dict[Side, str] = {"ours": "Ours", "theirs": "Theirs"}


def resolve_merge_conflicts(app: OrgDesignApp, path: Path) -> None:
    """Ask for a side of each conflict in `path`, then show the resolved layout (unsaved)."""
    try:
        data = read_bytes(str(path))
        text = decode(data, str(path))
    except LayoutError as error:
        toast(app, str(error.errors[0]), severity="error")
        return
    conflicts = find_conflicts(text.split("\n"))
    if not conflicts:
        toast(app, "No complete merge conflict to resolve: fix the file and press r to reload", severity="warning")
        return

    def resolved(picks: list[Side]) -> None:
        _open_resolved(app, path, resolve(text, picks), FileStamp.of_bytes(data))

    _ask(app, conflicts, [], resolved)


def _ask(app: OrgDesignApp, conflicts: list[Conflict], picks: list[Side], then: Callable[[list[Side]], None]) -> None:
    if len(picks) == len(conflicts):
        then(picks)
        return
    conflict = conflicts[len(picks)]

    def picked(answer: str | None) -> None:
        if answer in SIDE_NAMES:
            _ask(app, conflicts, [*picks, "ours" if answer == "ours" else "theirs"], then)

    title = f"Merge conflict {len(picks) + 1} of {len(conflicts)}, at line {conflict.line}: keep which version?"
    choices = [
        Choice("ours", _version("ours", conflict), "o"),
        Choice("theirs", _version("theirs", conflict), "t"),
    ]
    app.push_screen(ChoiceScreen(title, choices, Text("Escape leaves the file as it is.", style="dim")), picked)


def _version(side: Side, conflict: Conflict) -> Text:
    """One side's lines under its name (and the label git gave it, such as a branch)."""
    label = conflict.labels[0 if side == "ours" else 1]
    heading = SIDE_NAMES[side] + (f" ({label})" if label and label.casefold() != side else "")
    lines = conflict.side(side) or ("(removed on this side)",)
    body = Text("\n").join(literal(line, "dim" if not conflict.side(side) else "") for line in lines)
    return Text.assemble((heading, "bold"), "\n", body)


def _open_resolved(app: OrgDesignApp, path: Path, text: str, stamp: FileStamp) -> None:
    try:
        org = loads_layout(text, str(path))
    except LayoutError as error:
        first = error.errors[0]
        toast(
            app, f"With those sides, line {first.line}: {first.message}", title="Still not a layout", severity="error"
        )
        return
    document = Document(org, path, stamp)
    document.saved_depth = NEVER  # the file on disk still holds the markers: this is unsaved work
    app.show_document(document)
    toast(app, "Merge conflicts resolved; save to write the file (ctrl+s)")
