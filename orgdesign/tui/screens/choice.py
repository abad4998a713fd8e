"""A small modal question with a few answers, each with its own key (Escape answers None)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.tui.text import literal

TYPE_AHEAD_PAUSE = 0.8
"""Seconds without typing after which type-ahead starts a new search (as in a dropdown)."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text | str | Table
    """A Table label (columns that wrap under themselves) is shown as it is."""
    key: str = ""
    """A single character that picks this answer directly."""


class ChoiceScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(
        self,
        title: str | Text,
        choices: list[Choice],
        message: Text | None = None,
        *,
        highlight: str | None = None,
        type_ahead: bool = False,
    ) -> None:
        """`type_ahead`: typing the start of an answer highlights it (for long lists without answer keys)."""
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.choices = choices
        self.message = message
        self.initial = highlight
        self.type_ahead = type_ahead
        self._typed = ""
        self._typing_pause: Timer | None = None

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
        if self.type_ahead and event.is_printable and event.character is not None:
            event.stop()
            self._type(event.character)

    def _type(self, character: str) -> None:
        """Highlight the first answer starting with what was typed (else the first containing it)."""
        if self._typing_pause is not None:
            self._typing_pause.stop()
        self._typing_pause = self.set_timer(TYPE_AHEAD_PAUSE, self._forget_typing)
        self._typed += character.casefold()
        labels = [_plain(choice.label).casefold() for choice in self.choices]
        found = next((i for i, label in enumerate(labels) if label.startswith(self._typed)), None)
        if found is None:
            found = next((i for i, label in enumerate(labels) if self._typed in label), None)
        if found is not None:
            self.query_one("#choices", OptionList).highlighted = found

    def _forget_typing(self) -> None:
        self._typed = ""

    def action_cancel(self) -> None:
        self.dismiss(None)


def _plain(label: Text | str | Table) -> str:
    """The label's text for type-ahead; a grid label (a template row) is not typed into."""
    if isinstance(label, Table):
        return ""
    return label.plain if isinstance(label, Text) else label
