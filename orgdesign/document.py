"""The open layout: org, undo history, live validation, file and save state.

The designer never keeps org state of its own; screens read it from here and change it only
through `Document.do` / `undo` / `redo`, which also keep the findings current. What saving
and autosaving come to (saved, a conflict to ask about, a failure to report) is decided here
too; the designer only asks the user and shows the outcome. Core logic: no Textual here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from orgdesign import recovery
from orgdesign.edits import Edit, History
from orgdesign.layout import FileStamp, SaveConflict, SaveError, dump_layout, loads_layout, open_layout, save_layout
from orgdesign.model import Org
from orgdesign.recent import remember_layout
from orgdesign.recovery import Session
from orgdesign.rules import Validator
from orgdesign.search import PeopleIndex

Touched = TypeVar("Touched", bound=set[str] | None)
"""The ids an edit, undo or redo touched (None when there was nothing to undo or redo)."""

NEVER = -1
"""`saved_depth` once the saved state can no longer be reached by undo/redo."""

UNKNOWN_BASE = FileStamp(-1, "unknown")
"""The stamp of restored work whose base file is not known: it matches no file, so saving asks first."""


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What an attempt to save came to; exactly one of `saved`, `conflict` and `failure` is set."""

    saved: Path | None = None
    """Where the layout was written."""
    conflict: bool = False
    """Nothing written: the file changed on disk since it was opened or saved; overwriting,
    reloading or saving elsewhere is the user's call."""
    failure: str | None = None
    """Nothing written, and why (one line); the edits are all still there."""
    set_aside: tuple[Path, str] | None = None
    """After a save: a broken recent-files list renamed out of the way (where to, and why)."""


class Document:
    def __init__(
        self, org: Org, path: Path | None = None, stamp: FileStamp | None = None, *, session: Session | None = None
    ) -> None:
        self.org = org
        self.path = path
        self.stamp = stamp
        self.history = History(org)
        self.validator = Validator(org)
        self.saved_depth = 0
        self.session = session if session is not None else Session.of_process(os.getpid())
        """Whose recovery file this document writes; live while a designer screen edits the document."""
        self.recovery_file: Path | None = None
        """This session's recovery file, once written (the only one this document ever removes)."""
        self.revision = 0
        """How many changes (edits, undos, redos) the document has been through: a view showing part
        of it skips working out the same thing again while this stands still."""
        self._people_index: PeopleIndex | None = None
        """The search index of the people, built on the first search after an edit that changed what
        someone is searched by (a name, a title, a role, someone added or removed)."""

    @classmethod
    def open(cls, path: Path) -> Document:
        """Load `path`; raises LayoutError listing every problem in the file."""
        org, stamp = open_layout(path)
        return cls(org, Path(path), stamp)

    @classmethod
    def recovered(cls, found: recovery.Recovery, path: Path | None) -> Document:
        """The unsaved work in `found`, as a document on `path` (None: untitled).

        It is based on the file as the crashed session last read or saved it, so saving over a
        file that changed since asks first. Raises LayoutError if the work cannot be read as a layout.
        """
        org = loads_layout(found.text, str(found.path))
        base = found.based_on if found.based_on is not None or path is None else UNKNOWN_BASE
        document = cls(org, path, base)
        document.saved_depth = NEVER
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

    def _revalidated(self, change: Callable[[], Touched]) -> Touched:
        settings_before = self._org_settings()
        touched = change()
        if touched is None:
            return touched
        self.revision += 1
        if self._people_index is not None and not self._people_index.describes(self.org, touched):
            self._people_index = None
        if self._org_settings() != settings_before:
            self.validator.refresh_all()
        else:
            self.validator.refresh(touched)
        return touched

    def people_index(self) -> PeopleIndex:
        """The search index of everyone, built when first asked for after an edit that outdated it."""
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

    @property
    def untitled(self) -> bool:
        """Whether saving needs a name first (a new layout, or restored work of an unsaved one)."""
        return self.path is None

    def would_replace_another_file(self, path: Path) -> bool:
        """Whether saving to `path` would replace an existing file other than this layout's own."""
        return path.exists() and not self._is_its_file(path)

    def _is_its_file(self, path: Path) -> bool:
        return self.path is not None and path.resolve() == self.path.resolve()

    def attempt_save(self, path: Path | None = None, *, overwrite: bool = False) -> SaveOutcome:
        """`save`, with its outcome told rather than raised; a saved file goes first in the recent list."""
        try:
            saved = self.save(path, overwrite=overwrite)
        except SaveConflict:
            return SaveOutcome(conflict=True)
        except (SaveError, OSError) as error:
            return SaveOutcome(failure=str(error))
        return SaveOutcome(saved=saved, set_aside=remember_layout(saved))

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save to `path` (default: where it came from); raises SaveConflict or SaveError.

        `overwrite` replaces the file even if someone changed it since it was opened.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled layout needs a path to save to")
        expected = self.stamp if self._is_its_file(target) and not overwrite else None
        self.stamp = save_layout(self.org, target, expected=expected)
        self.discard_recovery()
        self.path = target
        self.saved_depth = self.history.depth
        return target

    @property
    def autosave_due(self) -> bool:
        """Whether there is unsaved work for an idle moment to write to the recovery file."""
        return self.dirty

    def attempt_autosave(self) -> str | None:
        """`autosave`; None when it went well (or there was nothing to keep), else what went wrong."""
        try:
            self.autosave()
        except OSError as error:
            return f"Could not write the recovery file: {error}"
        return None

    def autosave(self) -> Path | None:
        """Write unsaved work to this session's recovery file; None when there is nothing to keep.

        With nothing to keep (every edit undone since the last save), this session's recovery file
        goes: it held changes the user took back, and a later start would offer to restore them.
        Raises OSError when the recovery file cannot be written.
        """
        if not self.dirty:
            self.discard_recovery()
            return None
        base = None if self.stamp == UNKNOWN_BASE else self.stamp
        written = recovery.write_recovery(self.path, dump_layout(self.org), self.session, base)
        if self.recovery_file is not None and self.recovery_file != written:
            recovery.discard_recovery(self.recovery_file)  # saved under another name since
        self.recovery_file = written
        return written

    def discard_recovery(self) -> None:
        """Remove this session's recovery file; other sessions' files are never touched."""
        if self.recovery_file is not None:
            recovery.discard_recovery(self.recovery_file)
            self.recovery_file = None
