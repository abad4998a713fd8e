"""Ask for one line of text (a waiver's reason, a unit's or the org's name, a product); refusals show inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from orgdesign.edits import EditRefused
from orgdesign.tui.text import as_typed, editable, literal


class TextPrompt(ModalScreen[str | None]):
    """Dismissed with the text once `submit` accepts it; `submit` raises EditRefused to say why not."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(
        self,
        title: Text,
        submit: Callable[[str], None] | None = None,
        *,
        message: Text | None = None,
        initial: str = "",
        placeholder: str = "",
        suggestions: list[str] | None = None,
    ) -> None:
        """`submit` checks (or applies) the text, raising EditRefused to keep the prompt open with
        the reason; `suggestions` are offered as you type (the values already in use)."""
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.submit_text = submit
        self.message = message
        self.initial = initial
        self.placeholder = placeholder
        self.suggestions = suggestions or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-prompt"):
            yield Label(self.heading, classes="dialog-title")
            if self.message is not None:
                yield Static(self.message, classes="dialog-message")
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield Input(editable(self.initial), placeholder=self.placeholder, id="prompt-text", suggester=suggester)
            yield Static("", id="prompt-error", classes="field-error")
            yield Static(Text("Enter to confirm, Escape to cancel", style="dim"))

    @on(Input.Changed, "#prompt-text")
    def _typing(self) -> None:
        self.query_one("#prompt-error", Static).update("")

    @on(Input.Submitted, "#prompt-text")
    def _submitted(self, event: Input.Submitted) -> None:
        value = as_typed(event.value, self.initial)
        try:
            if self.submit_text is not None:
                self.submit_text(value)
        except EditRefused as refused:
            self.query_one("#prompt-error", Static).update(literal(str(refused), "red"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
