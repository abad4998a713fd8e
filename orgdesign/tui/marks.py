"""The people marked in the tree for a bulk edit: designer state, not part of the layout."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from orgdesign.model import Org

MARK = "✓"
"""Shown before the name of a person marked for a bulk edit, and before the header's count."""


class Marks:
    """An ordered set of person ids: in the order they were marked, each once."""

    def __init__(self) -> None:
        self._ids: dict[str, None] = {}

    def __contains__(self, pid: object) -> bool:
        return pid in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._ids))

    def toggle(self, pid: str) -> bool:
        """Mark `pid`, or unmark them when marked already; True when they end up marked."""
        if pid in self._ids:
            del self._ids[pid]
            return False
        self._ids[pid] = None
        return True

    def add(self, pid: str) -> None:
        self._ids[pid] = None

    def forget(self, pids: Iterable[str]) -> None:
        for pid in pids:
            self._ids.pop(pid, None)

    def clear(self) -> list[str]:
        """Unmark everyone; returns who was marked."""
        cleared = list(self._ids)
        self._ids.clear()
        return cleared

    def present_in(self, org: Org) -> list[str]:
        """The marked people still in `org`, in marking order."""
        return [pid for pid in self._ids if pid in org]
