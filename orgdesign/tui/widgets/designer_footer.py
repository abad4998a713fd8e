"""A footer that fits its width: the essential keys always show, the others are dropped first.

Textual's footer clips at the right edge (under the command palette key), so on a narrow
terminal the keys a user needs most (save, undo, search, help, quit) would be the first to go.
This footer drops the non-essential keys, last first, until the rest fits.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

ESSENTIAL_ACTIONS = frozenset({"save", "undo", "search", "help", "quit"})
"""Actions (as bound) whose keys the footer keeps at any width."""

KEY_PADDING = 3
"""Cells a footer key takes beyond its key and description (" key description ")."""

PALETTE_PADDING = 2
"""The palette key's extra cells: a separator on its left and padding on its right."""


class DesignerFooter(Footer):
    def __init__(self, *, essentials: frozenset[str] = ESSENTIAL_ACTIONS) -> None:
        super().__init__()
        self.essentials = essentials
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        width = self.size.width
        self._fitted_width = width
        if width:
            keys = self._fitting(keys, width)
        yield from keys

    def _fitting(self, keys: list[Widget], width: int) -> list[Widget]:
        """`keys` without the non-essential ones, dropped from the right, until they fit `width`."""
        kept = list(keys)
        for key in reversed(keys):
            if sum(map(_width, kept)) <= width:
                break
            if _action(key) not in self.essentials and not key.has_class("-command-palette"):
                kept.remove(key)
        return kept

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)


def _action(key: Widget) -> str:
    return str(getattr(key, "action", ""))


def _width(key: Widget) -> int:
    shown = cell_len(str(getattr(key, "key_display", ""))) + cell_len(str(getattr(key, "description", "")))
    return shown + KEY_PADDING + (PALETTE_PADDING if key.has_class("-command-palette") else 0)
