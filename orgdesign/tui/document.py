"""The open layout: org, undo history, live validation, file and save state.

The designer never keeps org state of its own; screens read it from here and change it only
through `Document.do` / `undo` / `redo`, which also keep the findings current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgdesign import recovery
from orgdesign.edits import Edit, History
from orgdesign.layout import FileStamp, dump_layout, loads_layout, open_layout, save_layout
from orgdesign.model import Org
from orgdesign.rules import Validator
from orgdesign.search import PeopleIndex

NEVER = -1
"""`saved_depth` once the saved state can no longer be reached by undo/redo."""


class Document:
    def __init__(self, org: Org, path: Path | None = None, stamp: FileStamp | None = None) -> None:
        self.org = org
        self.path = path
        self.stamp = stamp
        self.history = History(org)
        self.validator = Validator(org)
        self.saved_depth = 0
        self.owns_untitled_recovery = False
        self._people_index: PeopleIndex | None = None
        """Whether the untitled recovery file holds this document's work (only then is it removed)."""

    @classmethod
    def open(cls, path: Path) -> Document:
        """Load `path`; raises LayoutError listing every problem in the file."""
        org, stamp = open_layout(path)
        return cls(org, Path(path), stamp)

    @classmethod
    def recovered(cls, path: Path) -> Document:
        """The unsaved work from `path`'s recovery file, on top of the file's current stamp.

        Raises LayoutError if the recovery file cannot be read as a layout.
        """
        _, stamp = open_layout(path) if Path(path).exists() else (None, None)
        org = loads_layout(recovery.read_recovery(path), str(path))
        document = cls(org, Path(path), stamp)
        document.saved_depth = NEVER
        return document

    @classmethod
    def recovered_untitled(cls) -> Document:
        """The unsaved work on an untitled layout, from its recovery file (raises LayoutError)."""
        anchor = recovery.untitled_anchor()
        document = cls(loads_layout(recovery.read_recovery(anchor), str(recovery.recovery_path(anchor))))
        document.saved_depth = NEVER
        document.owns_untitled_recovery = True
        return document

    # -- editing ---------------------------------------------------------------------------

    def do(self, edit: Edit) -> set[str]:
        """Apply `edit`; returns the ids it touched (raises EditRefused, changing nothing)."""
        if self.history.depth < self.saved_depth:
            self.saved_depth = NEVER
        return self._revalidated(lambda: self.history.do(edit))

    def undo(self) -> set[str] | None:
        return self._revalidated(self.history.undo)

    def redo(self) -> set[str] | None:
        return self._revalidated(self.history.redo)

    def _revalidated(self, change: Callable[[], set[str] | None]) -> set[str] | None:
        settings_before = self._org_settings()
        touched = change()
        if touched is None:
            return None
        self._people_index = None
        if self._org_settings() != settings_before:
            self.validator.refresh_all()
        else:
            self.validator.refresh(touched)
        return touched

    def people_index(self) -> PeopleIndex:
        """The search index of everyone, built when first asked for after an edit."""
        if self._people_index is None:
            self._people_index = PeopleIndex(self.org.people())
        return self._people_index

    def _org_settings(self) -> tuple:
        return (self.org.name, self.org.profile, self.org.settings, self.org.units)

    # -- saving ----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.history.depth != self.saved_depth

    @property
    def title(self) -> str:
        return self.org.name or (self.path.name if self.path else "untitled")

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save to `path` (default: where it came from); raises SaveConflict or SaveError.

        `overwrite` replaces the file even if someone changed it since it was opened.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled layout needs a path to save to")
        same_file = self.path is not None and target.resolve() == self.path.resolve()
        expected = self.stamp if same_file and not overwrite else None
        self.stamp = save_layout(self.org, target, expected=expected)
        self.discard_recovery()
        recovery.discard_recovery(target)
        self.path = target
        self.saved_depth = self.history.depth
        return target

    def autosave(self) -> Path | None:
        """Write unsaved work to the recovery file; None when there is nothing to keep.

        Raises OSError when the recovery file cannot be written.
        """
        if not self.dirty:
            return None
        if self.path is None:
            self.owns_untitled_recovery = True
        return recovery.write_recovery(self.path or recovery.untitled_anchor(), dump_layout(self.org))

    def discard_recovery(self) -> None:
        if self.path is not None:
            recovery.discard_recovery(self.path)
        elif self.owns_untitled_recovery:
            recovery.discard_recovery(recovery.untitled_anchor())
            self.owns_untitled_recovery = False
