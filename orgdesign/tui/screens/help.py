"""Every binding that applies on the screen below, with its key and its id (for remapping)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from orgdesign.text import printable


@dataclass(frozen=True, slots=True)
class HelpEntry:
    keys: str
    description: str
    binding_id: str


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="help-close"),
        Binding("question_mark", "close", "Close", show=False, id="help-close-again"),
    ]

    def __init__(self, entries: list[HelpEntry]) -> None:
        super().__init__(classes="dialog-screen")
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(self.table(), id="help-table")
            yield Static(Text("Every action is also in the command palette (ctrl+p). Escape closes.", style="dim"))

    def table(self) -> Text:
        """Keys (the user's own, from keys.yaml), action and binding id, one line each, through the gate."""
        rows = [(printable(e.keys), printable(e.description), printable(e.binding_id)) for e in self.entries]
        width = max((len(keys) for keys, _, _ in rows), default=0)
        described = max((len(description) for _, description, _ in rows), default=0) + 2
        text = Text()
        for keys, description, binding_id in rows:
            text.append(f"{keys:>{width}}  ", style="bold")
            text.append(f"{description:<{described}}")
            text.append(f"{binding_id}\n", style="dim")
        return text

    def action_close(self) -> None:
        self.dismiss(None)
