"""The top bar: layout name, file path, unsaved marker, profile and finding counts."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from orgdesign.document import Document
from orgdesign.findings_output import count_phrases
from orgdesign.text import clip_start
from orgdesign.tui.marks import MARK, Marks
from orgdesign.tui.text import literal, show_text
from orgdesign.tui.widgets.badges import GLYPHS, STYLES

MIN_TITLE = 8
"""Fewest cells of the layout's name kept on a narrow terminal."""

MIN_PATH = 12
"""Fewest cells worth showing of the file path; with less room it is left out."""

PATH_GAP = 2


class LayoutHeader(Static):
    """Status on the left, the file path on the right (shortened from the left).

    One line of one widget, always as wide as the screen: what it says changes with every edit
    (the unsaved marker, the counts), and a widget whose size followed its text would make
    Textual lay the whole screen out again each time.
    """

    def __init__(self, document: Document, marks: Marks | None = None, **kwargs: Any) -> None:
        """`marks`: the people marked for a bulk edit, counted in the header."""
        super().__init__(**kwargs)
        self.document = document
        self.marks = marks if marks is not None else Marks()

    def on_mount(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        width = max(self.size.width - 2, 0)  # inside the padding
        status = self.status_text(width)
        path = self.path_text(width - status.cell_len - PATH_GAP)
        gap = max(width - status.cell_len - path.cell_len, PATH_GAP if path else 0)
        show_text(self, _one_line(Text.assemble(status, " " * gap, path)), layout=False)

    def path_text(self, room: int) -> Text:
        """The file path, shortened from the left to `room` cells (or left out when there is no room)."""
        path = self.document.path
        if path is None:
            return Text("(not saved yet)" if room >= len("(not saved yet)") else "", style="italic")
        if room < MIN_PATH:
            return Text("")
        return literal(clip_start(str(path), min(room, max(MIN_PATH, self.size.width // 3))), "dim")

    def on_resize(self) -> None:
        self.refresh_status()

    def status_text(self, width: int = 0) -> Text:
        """Name, unsaved marker, finding counts and profile, fitted to `width` cells (0: no limit).

        When it does not fit, the words go first ("▲ 3 warnings" becomes "▲ 3"), then the
        layout's name is shortened: the counts always show.
        """
        for words in (True, False):
            details = self._details(words)
            title = literal(self.document.title, "bold", limit=40)
            if not width or title.cell_len + details.cell_len <= width:
                return _one_line(title + details)
        title.truncate(max(width - details.cell_len, MIN_TITLE), overflow="ellipsis")
        return _one_line(title + details)

    def _details(self, words: bool) -> Text:
        """Everything after the name; `words` False keeps only the glyphs and numbers."""
        document = self.document
        text = Text()
        if document.dirty:
            text.append("  ")
            text.append("● unsaved" if words else "●", style="bold yellow")
        if self.marks:
            text.append("  ")
            text.append(f"{MARK} {len(self.marks)}{' marked' if words else ''}", style="bold green")
        counts = document.validator.counts()
        for severity, phrase in count_phrases(counts):
            shown = phrase if words else str(counts.get(severity, 0))
            text.append("  ")
            text.append(f"{GLYPHS[severity]} {shown}", style=STYLES[severity])
        text.append("  ")  # unstyled: every renderer keeps a gap that no style starts with
        text.append(f"profile {document.org.profile}" if words else document.org.profile, style="dim")
        return text


def _one_line(text: Text) -> Text:
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text
