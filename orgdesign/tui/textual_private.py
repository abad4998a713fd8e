"""Every use of Textual's private names, in one place.

Textual has no public way to read a keymap's keys as it does, nor a public hook for an
unexpected error (to keep the user's work and to show one line instead of a traceback),
nor a way to change a Tree's structure many times at the price of one rebuild.
These few wrappers are the only code that touches its private names, and
tests/tui/test_textual_private.py fails loudly when a Textual release changes any of them.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import RenderableType
from textual.app import App
from textual.keys import _normalize_key_list
from textual.widgets import Tree

ReturnType = TypeVar("ReturnType")
TreeDataType = TypeVar("TreeDataType")


def normalize_key_list(keys: str) -> str:
    """A comma-separated list of keys as Textual itself reads a binding's keys (`a` -> `a`, `+` -> `plus`)."""
    return _normalize_key_list(keys)


class AppWithCrashHooks(App[ReturnType]):
    """An app that is told about an unexpected error before Textual shuts it down, and that
    replaces Textual's traceback on the terminal with a message of its own."""

    @abstractmethod
    def before_crash(self) -> None:
        """Called first on an unexpected error, while the app still runs (keep the user's work)."""

    @abstractmethod
    def crash_message(self) -> RenderableType:
        """What the terminal shows after the app stopped on an unexpected error."""

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.panic(self.crash_message())


class BatchingTree(Tree[TreeDataType]):
    """A Tree whose structural changes can be made as one batch.

    Every `add`, `remove` and `expand` makes Tree invalidate its caches and ask for a new layout
    (`Tree._invalidate`); moving 1,000 people did that 2,000 times, each costing a layout request
    for the whole widget. Inside `batched_changes` the requests are noted and made once at the end.
    Nothing inside a batch may read the tree's lines (they describe the tree as it was before).
    """

    _batch_depth = 0
    _invalidated_in_batch = False

    @contextmanager
    def batched_changes(self) -> Iterator[None]:
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth and self._invalidated_in_batch:
                self._invalidated_in_batch = False
                super()._invalidate()

    def _invalidate(self) -> None:
        if self._batch_depth:
            self._invalidated_in_batch = True
        else:
            super()._invalidate()
