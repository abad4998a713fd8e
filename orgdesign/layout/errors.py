"""What can go wrong with a layout file: load errors (exactly where) and save errors.

Every message is one line. Text taken from the file is shown through `shown()` and paths
through the terminal gate (`orgdesign.text`), so a key, value or file name holding newlines,
escape sequences or bidi overrides can neither break the one-line `PATH:LINE:COLUMN: error: ...`
format nor drive the user's terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgdesign.text import clip, printable, revealed

if TYPE_CHECKING:
    from orgdesign.layout.stamp import FileStamp

SHOWN_LIMIT = 60
"""Longest piece of file text quoted in a message; longer text is cut with an ellipsis."""


@dataclass(frozen=True, slots=True)
class LoadError:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: error: {self.message}"


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """Something in a layout that still loads but should be changed (a retired rule code)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: warning: {self.message}"


class FileErrors(Exception):
    """A file the user wrote could not be used; carries every error found, in file order."""

    def __init__(self, errors: list[LoadError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class LayoutError(FileErrors):
    """A layout could not be used (or another file, read the way layouts are, could not be read)."""


class SaveError(Exception):
    """A layout could not be written; the file on disk is unchanged. str() is one line."""

    def __init__(self, path: str, reason: str, advice: str) -> None:
        super().__init__(f"cannot save {printable(path)}: {reason}; {advice}")
        self.path = path
        self.reason = reason
        self.advice = advice


class SaveConflict(Exception):
    """The file changed on disk since it was opened; nothing was written.

    The caller asks the user what to do: overwrite (save again with `expected=None`), reload,
    or save under another name.
    """

    def __init__(self, path: str, expected: FileStamp, actual: FileStamp | None) -> None:
        what = "was deleted" if actual is None else "was changed by someone else"
        super().__init__(f"{printable(path)} {what} since it was opened; overwrite it, reload it, or save as")
        self.path = path
        self.expected = expected
        self.actual = actual


def shown(text: str, limit: int = SHOWN_LIMIT) -> str:
    """`text` quoted for a one-line message: unsafe and invisible characters escaped, long text cut."""
    return "'" + revealed(clip(text, limit)) + "'"
