"""Choosing a baseline to compare with: another file, the last saved version, a git revision.

`BaselineFilePrompt` (another file) and `BaselinePrompt` (a git revision) read the baseline as
soon as it is chosen, so a wrong path or revision is explained inline (one line, as the command
line would say it) and the text is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from orgdesign.baseline import Baseline, read_baseline, read_revision
from orgdesign.layout import LayoutError
from orgdesign.tui.screens.choice import Choice
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.text import as_typed, editable, literal

STOP = "stop"


def baseline_choices(path: Path | None, *, comparing: bool) -> list[Choice]:
    """What the "Compare with…" question offers for a layout at `path` (None: never saved)."""
    choices = [Choice("file", "Another layout file…", "f")]
    if path is not None:
        choices.append(Choice("saved", "The last saved version of this file", "s"))
        choices.append(Choice("git", "A git revision of this file (HEAD, a branch, a commit)…", "g"))
    if comparing:
        choices.append(Choice(STOP, "Stop comparing", "x"))
    return choices


class BaselineFilePrompt(PathPrompt):
    """The file picker (completion, folder tree) for another layout to compare with: the file is
    read when chosen, so a layout that cannot be read is explained inline and the text kept."""

    def __init__(self) -> None:
        super().__init__("Compare with the layout file", must_exist=True)
        self.baseline: Baseline | None = None
        """The layout read from the chosen file (once one could be read)."""

    def problem_with(self, value: str) -> str | None:
        problem = super().problem_with(value)
        if problem is not None:
            return problem
        try:
            self.baseline = read_baseline(str(Path(value).expanduser()), None)
        except LayoutError as error:
            return str(error.errors[0])
        return None


def revision_prompt(path: Path) -> BaselinePrompt:
    return BaselinePrompt(
        "Compare with a git revision", "HEAD, main, HEAD~3, a commit", lambda value: read_revision(value, path), "HEAD"
    )


def saved_version(path: Path) -> Baseline:
    """The file as last saved (raises LayoutError)."""
    return read_baseline(str(path), None)


class BaselinePrompt(ModalScreen[Baseline | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, placeholder: str, read: Callable[[str], Baseline], initial: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.placeholder = placeholder
        self.read = read
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield Input(editable(self.initial), placeholder=self.placeholder, id="baseline")
            yield Static("", id="baseline-error", classes="field-error")
            yield Static(Text("Enter to compare, Escape to cancel", style="dim"))

    @on(Input.Submitted, "#baseline")
    def _submitted(self, event: Input.Submitted) -> None:
        value = as_typed(event.value, self.initial)
        if not value:
            self._explain("type what to compare with")
            return
        try:
            baseline = self.read(str(Path(value).expanduser()) if value.startswith("~") else value)
        except LayoutError as error:
            self._explain(str(error.errors[0]))
            return
        self.dismiss(baseline)

    def _explain(self, problem: str) -> None:
        self.query_one("#baseline-error", Static).update(literal(problem, "red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
