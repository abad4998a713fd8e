"""A path field that completes folder and layout names, as a shell does (tab, or → on the grey hint)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

LAYOUT_SUFFIXES = (".yaml", ".yml")
MAX_ENTRIES = 2000
"""Most entries of one folder read for a completion: a huge folder must not stall typing."""


def complete_path(value: str) -> str | None:
    """`value` with its last part completed as far as the folders and layouts it can name agree;
    None when nothing longer fits. A folder that is the only match gets its trailing '/'."""
    head, sep, tail = value.rpartition(os.sep)
    folder = Path(os.path.expanduser(head + sep)) if sep else Path()
    names = [name for name in _entries(folder) if name.startswith(tail)]
    if not names:
        return None
    common = os.path.commonprefix(names)  # noqa: RUF071  (names in one folder: characters, not components)
    return head + sep + common if len(common) > len(tail) else None


def _entries(folder: Path) -> list[str]:
    """Folder names (with a trailing '/') and layout file names in `folder`; hidden ones left out."""
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    break
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    names.append(entry.name + os.sep)
                elif entry.is_file() and entry.name.endswith(LAYOUT_SUFFIXES):
                    names.append(entry.name)
    except OSError:
        return []
    return names


class PathSuggester(Suggester):
    """Shows the completion greyed after the cursor (→ accepts it)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # folders change; names are case-sensitive

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value) if value else None


class PathInput(Input):
    """Tab completes the path; with nothing to complete it moves on, as tab does everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the path", show=False, id="path-complete"),
    ]

    def __init__(self, value: str, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, suggester=PathSuggester(), id=id)

    def action_complete(self) -> None:
        completed = complete_path(self.value) if self.value else None
        if completed is None:
            self.screen.focus_next()
            return
        self.value = completed
        self.cursor_position = len(completed)
