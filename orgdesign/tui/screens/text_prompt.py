"""Ask for one line of text (a product name), offering the values already in use as you type."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from orgdesign.tui.text import as_typed, editable


class TextPrompt(ModalScreen[str | None]):
    """Dismissed with the text typed (stripped; may be empty), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, heading: Text, hint: str, *, initial: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.hint = hint
        self.initial = initial
        self.suggestions = suggestions or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield Input(editable(self.initial), id="text", suggester=suggester)
            yield Static(Text(self.hint, style="dim"))

    @on(Input.Submitted, "#text")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(as_typed(event.value, self.initial))

    def action_cancel(self) -> None:
        self.dismiss(None)
