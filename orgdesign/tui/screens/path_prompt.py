"""Ask for a file path (open, save as): mistakes are explained inline, the text is kept."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from orgdesign.tui.text import as_typed, editable, literal


class PathPrompt(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, initial: str = "", *, must_exist: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.initial = initial
        self.must_exist = must_exist

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield Input(editable(self.initial), placeholder="path/to/layout.yaml", id="path")
            yield Static("", id="path-error", classes="field-error")
            yield Static(Text("Enter to confirm, Escape to cancel", style="dim"))

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = as_typed(event.value, self.initial)
        problem = self.problem_with(value)
        if problem is None:
            self.dismiss(Path(value).expanduser())
        else:
            self.query_one("#path-error", Static).update(literal(problem, "red"))

    def problem_with(self, value: str) -> str | None:
        if not value:
            return "type a file path"
        path = Path(value).expanduser()
        if path.is_dir():
            return f"{value} is a folder; name a file"
        if self.must_exist and not path.is_file():
            return f"there is no file {value}"
        if not self.must_exist and not path.parent.is_dir():
            return f"there is no folder {path.parent}"
        return None

    def action_cancel(self) -> None:
        self.dismiss(None)
