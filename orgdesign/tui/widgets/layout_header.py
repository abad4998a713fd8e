"""The top bar: layout name, file path, unsaved marker, profile and finding counts."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from orgdesign.report import count_phrases
from orgdesign.text import clip_start
from orgdesign.tui.document import Document
from orgdesign.tui.text import literal
from orgdesign.tui.widgets.badges import GLYPHS, STYLES


class LayoutHeader(Horizontal):
    """Status on the left, the file path on the right (shortened from the left)."""

    def __init__(self, document: Document, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document = document

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="file-path")

    def on_mount(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        self.query_one("#status", Static).update(self.status_text())
        self.query_one("#file-path", Static).update(self.path_text())

    def path_text(self) -> Text:
        path = self.document.path
        if path is None:
            return Text("(not saved yet)", style="italic")
        return literal(clip_start(str(path), max(12, self.size.width // 3)), "dim")

    def on_resize(self) -> None:
        self.refresh_status()

    def status_text(self) -> Text:
        """Name, unsaved marker, finding counts and profile."""
        document = self.document
        text = literal(document.title, "bold", limit=40)
        if document.dirty:
            text.append("  ● unsaved", style="bold yellow")
        counts = document.validator.counts()
        for severity, phrase in count_phrases(counts):
            text.append("  ")
            text.append(f"{GLYPHS[severity]} {phrase}", style=STYLES[severity])
        text.append(f"  profile {document.org.profile}", style="dim")
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text
