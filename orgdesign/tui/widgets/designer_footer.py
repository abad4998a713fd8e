"""A footer that fits its width: the essential keys always show, the others are dropped first.

Textual's footer clips at the right edge (under the command palette key), so on a narrow
terminal the keys a user needs most (save, undo, search, help, quit) would be the first to go.
This footer drops the non-essential keys, last first, until the rest fits.

Textual's footer also rebuilds all its keys whenever the screen's bindings may have changed (every
focus change, every `refresh_bindings`), which in the designer is several times per keystroke; this
one rebuilds only when what it would show (the keys, their labels, whether they are enabled, the
width) is different from what it shows.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
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
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        width = self.size.width
        self._fitted_width = width
        self._shown = self._what_would_show()
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

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild the keys only when the screen's bindings now show something else."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        """Rebuild when the keys differ; not while a dialog covers the screen (its bindings are the dialog's then)."""
        if self.is_attached and self.app.screen is self.screen and self._what_would_show() != self._shown:
            await self.recompose()

    def _what_would_show(self) -> tuple[object, ...]:
        """The active bindings as the footer would show them, and the width it fits them to."""
        bindings = tuple(
            (binding.key, binding.action, binding.description, binding.show, binding.group, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )
        return (self.size.width, bindings)

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)


def _action(key: Widget) -> str:
    return str(getattr(key, "action", ""))


def _width(key: Widget) -> int:
    shown = cell_len(str(getattr(key, "key_display", ""))) + cell_len(str(getattr(key, "description", "")))
    return shown + KEY_PADDING + (PALETTE_PADDING if key.has_class("-command-palette") else 0)
