"""A layout that could not be loaded: every error with its line, and ways forward."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from orgdesign.layout.conflicts import UNRESOLVED
from orgdesign.layout.errors import LoadError
from orgdesign.text import counted
from orgdesign.tui.screens.merge_conflicts import resolve_merge_conflicts
from orgdesign.tui.text import literal

if TYPE_CHECKING:
    from orgdesign.tui.app import OrgDesignApp


class LoadErrorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Reload the file", id="retry"),
        Binding("m", "resolve_merge", "Resolve merge conflicts", id="resolve_merge"),
    ]

    def __init__(self, path: Path, errors: list[LoadError]) -> None:
        super().__init__()
        self.path = path
        self.errors = errors

    def compose(self) -> ComposeResult:
        with Vertical(id="load-errors"):
            yield Label(self._title(), id="load-error-title")
            with VerticalScroll():
                yield Static(self.listing(), id="load-error-list")
            if self.has_merge_conflicts:
                yield Static(Text("Press m to keep one side of each merge conflict.", style="bold"))
            yield Static(Text("Fix the file and press r to reload, ctrl+o to open another, q to quit.", style="dim"))
        yield Footer()

    def _title(self) -> Text:
        count = len(self.errors)
        text = Text(f"{counted(count, 'error')} in ", style="bold red")
        text.append_text(literal(str(self.path), "bold"))
        return text

    def listing(self) -> Table:
        """One row per error: where, then the message, which wraps under itself."""
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(ratio=1)
        for error in self.errors:
            grid.add_row(f"line {error.line:>5}, column {error.column:>3}", literal(error.message))
        return grid

    @property
    def org_app(self) -> OrgDesignApp:
        """The app, typed: retrying opens the layout again through it."""
        return cast("OrgDesignApp", self.app)

    def action_retry(self) -> None:
        self.org_app.open_layout(self.path)

    @property
    def has_merge_conflicts(self) -> bool:
        return any(error.message == UNRESOLVED for error in self.errors)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.has_merge_conflicts if action == "resolve_merge" else True

    def action_resolve_merge(self) -> None:
        resolve_merge_conflicts(self.org_app, self.path)
