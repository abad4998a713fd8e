"""The YAML layout format: load (every person located), canonical dump, atomic save.

    org = load_layout("acme.yaml")                  # LayoutError lists every problem
    org, stamp = open_layout("acme.yaml")           # stamp: what was on disk when opened
    stamp = save_layout(org, "acme.yaml", expected=stamp)   # SaveConflict if it changed

Positions are 1-based; problems with a file as a whole (missing, a folder, unreadable,
empty, UTF-16) are reported at line 1, column 1.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from orgdesign.layout.dumper import dump_layout
from orgdesign.layout.errors import LayoutError, LoadError, LoadWarning, SaveConflict, SaveError
from orgdesign.layout.reader import read_layout
from orgdesign.layout.saving import save_layout
from orgdesign.layout.source import read_bytes
from orgdesign.layout.stamp import FileStamp
from orgdesign.model import Org

__all__ = [
    "FileStamp",
    "LayoutError",
    "LoadError",
    "LoadWarning",
    "SaveConflict",
    "SaveError",
    "dump_layout",
    "load_layout",
    "loads_layout",
    "open_layout",
    "save_layout",
]


def load_layout(path: str | os.PathLike[str], *, known_rules: Collection[str] | None = None) -> Org:
    """The org in the layout file at `path`; `LayoutError` carries every error found.

    `known_rules`: the rule codes waivers and `settings.disable` may name; None asks the rule
    catalogue (only when the layout names a rule at all). A retired code is not an error but
    a warning in `org.load_warnings`, and a renamed one is read as its replacement.
    """
    return open_layout(path, known_rules=known_rules)[0]


def open_layout(path: str | os.PathLike[str], *, known_rules: Collection[str] | None = None) -> tuple[Org, FileStamp]:
    """The org at `path` and the stamp of the very bytes it was read from (for `save_layout`)."""
    shown_path = os.fspath(path)
    data = read_bytes(shown_path)
    org = read_layout(data, shown_path, known_rules)
    return org, FileStamp.of_bytes(data)


def loads_layout(text: str, path: str = "<string>", *, known_rules: Collection[str] | None = None) -> Org:
    """The org in `text`; `path` only names it in error messages.

    The text goes through the same checks as a file's bytes (NUL, forbidden characters).
    """
    return read_layout(text.encode("utf-8", "surrogatepass"), path, known_rules)
