"""Pick a file path (open, save as): a path field that completes names, over a tree of the folder.

Choosing a layout in the tree fills the field (and, when opening, opens it); choosing a folder
keeps the file name and puts it in that folder. Mistakes are explained inline, the text is kept.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, Static

from orgdesign.tui.text import as_typed, editable, literal
from orgdesign.tui.widgets.folder_tree import LayoutFolderTree
from orgdesign.tui.widgets.path_input import PathInput


class PathPrompt(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, initial: str = "", *, must_exist: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.initial = initial
        self.must_exist = must_exist

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog file-picker"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield PathInput(editable(self.initial), placeholder="path/to/layout.yaml", id="path")
            yield Static("", id="path-error", classes="field-error")
            yield LayoutFolderTree(self._folder(), id="folder-tree")
            yield Static(Text("tab completes the name, or moves to the folders · Enter confirms", style="dim"))

    def _folder(self) -> Path:
        """The folder the tree shows: where the initial path is, when that folder exists."""
        folder = Path(self.initial).expanduser().parent
        return folder if folder.is_dir() else Path()

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        self._submit(as_typed(event.value, self.initial))

    def _submit(self, value: str) -> None:
        problem = self.problem_with(value)
        if problem is None:
            self.dismiss(Path(value).expanduser())
        else:
            self.query_one("#path-error", Static).update(literal(problem, "red"))

    @on(DirectoryTree.FileSelected, "#folder-tree")
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self._fill(str(event.path))
        if self.must_exist:
            self._submit(str(event.path))

    @on(DirectoryTree.DirectorySelected, "#folder-tree")
    def _folder_chosen(self, event: DirectoryTree.DirectorySelected) -> None:
        typed = self.query_one("#path", Input).value
        name = "" if self.must_exist or typed.endswith(os.sep) else Path(typed).name
        self._fill(os.path.join(event.path, name))

    def _fill(self, value: str) -> None:
        field = self.query_one("#path", Input)
        field.value = editable(value)
        field.cursor_position = len(field.value)
        self.query_one("#path-error", Static).update("")

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


def unused_name(path: Path) -> Path:
    """`path` with the first free '-2', '-3', ... before its suffix: what Save as suggests after a conflict."""
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate
