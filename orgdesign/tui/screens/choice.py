"""A small modal question with a few answers, each with its own key (Escape answers None)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.tui.text import literal


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text | str | Table
    """A Table label (columns that wrap under themselves) is shown as it is."""
    key: str = ""
    """A single character that picks this answer directly."""


class ChoiceScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(
        self, title: str | Text, choices: list[Choice], message: Text | None = None, *, highlight: str | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.choices = choices
        self.message = message
        self.initial = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            heading = self.heading if isinstance(self.heading, Text) else literal(self.heading)
            yield Label(heading, classes="dialog-title")
            if self.message is not None:
                yield Static(self.message, classes="dialog-message")
            yield OptionList(*(Option(self._prompt(c), id=c.value) for c in self.choices), markup=False, id="choices")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        values = [c.value for c in self.choices]
        if self.initial in values:
            options.highlighted = values.index(self.initial)

    @staticmethod
    def _prompt(choice: Choice) -> Text | Table:
        if isinstance(choice.label, Table):
            return choice.label
        label = choice.label if isinstance(choice.label, Text) else literal(choice.label)
        if not choice.key:
            return Text.assemble("    ", label)
        return Text.assemble((f" {choice.key}  ", "bold"), label)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if choice.key and event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)
