"""Every use of Textual's private names, in one place.

Textual has no public way to read a keymap's keys as it does, nor a public hook for an
unexpected error (to keep the user's work and to show one line instead of a traceback),
nor a way to change a Tree's structure many times at the price of one rebuild, nor to
settle a pane's new size in one layout.
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
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.keys import _normalize_key_list
from textual.widgets import Static, Tree

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


class OneLayoutStatic(Static):
    """A `Static` whose new size is settled by the layout that gave it that size.

    When a layout changes a widget's size, Textual stores its new virtual size through a reactive
    that asks for another layout of the whole screen, and paints it all again. A pane of text has
    nothing inside to place again. The person's details change height on most edits and cursor
    moves, and that second pass was a third of the repaint.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OneLayoutScroll(VerticalScroll):
    """A `VerticalScroll` that skips the second layout when only the length of what it scrolls changed.

    Its box and its parent's stayed the same size and its content overflows (or fits) as before,
    so the first layout placed everything where a second would; the scroll range is still updated.
    Otherwise (a scroll bar to show or hide) Textual lays the screen out again, as it always does.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        settled = (
            size == self._size
            and container_size == self._container_size
            and _overflows(virtual_size, container_size) == _overflows(self.virtual_size, container_size)
        )
        return super()._size_updated(size, virtual_size, container_size, layout=layout and not settled)


def _overflows(virtual_size: Size, box: Size) -> tuple[bool, bool]:
    return virtual_size.width > box.width, virtual_size.height > box.height
