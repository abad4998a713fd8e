"""The folders and layout files below a folder, for picking a file (hidden entries left out)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text, TextType
from textual.widgets import DirectoryTree

from orgdesign.tui.text import literal
from orgdesign.tui.widgets.path_input import LAYOUT_SUFFIXES


class LayoutFolderTree(DirectoryTree):
    ICON_NODE_EXPANDED = "▾ "
    ICON_NODE = "▸ "
    ICON_FILE = "  "
    """Plain glyphs: the default emoji are two cells wide in some terminals and one in others."""

    def on_mount(self) -> None:
        """Name the folder at the top by its own name ('.' says nothing)."""
        folder = Path(self.path).resolve()
        self.root.set_label(literal(f"{folder.name or folder}{os.sep}"))

    def process_label(self, label: TextType) -> Text:
        """File names are text, not markup, and go through the gate (a name can hold escape codes)."""
        return literal(label) if isinstance(label, str) else label

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and _folder_or_layout(path)]


def _folder_or_layout(path: Path) -> bool:
    try:
        return path.is_dir() or (path.is_file() and path.suffix in LAYOUT_SUFFIXES)
    except OSError:
        return False
