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
        width = max((len(entry.keys) for entry in self.entries), default=0)
        described = max((len(entry.description) for entry in self.entries), default=0) + 2
        text = Text()
        for entry in self.entries:
            text.append(f"{entry.keys:>{width}}  ", style="bold")
            text.append(f"{entry.description:<{described}}")
            text.append(f"{entry.binding_id}\n", style="dim")
        return text

    def action_close(self) -> None:
        self.dismiss(None)
