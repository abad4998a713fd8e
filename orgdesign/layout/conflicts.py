"""Merge conflict markers in a layout: found before the YAML is parsed, and resolved by picking a side.

`orgdesign merge` (and git's own line merge) writes each conflict as standard markers:

    <<<<<<< ours
      - id: ada
        title: Staff Engineer
    ||||||| base                 (only in git's diff3 style)
    ...
    =======
      - id: ada
        title: Principal Engineer
    >>>>>>> theirs

A layout holding them must not load as if nothing were wrong (YAML would read the marker lines
as text, or fail with an unrelated syntax error), so the reader refuses it with one error per
conflict at its `<<<<<<<` line. `resolve` keeps one side of each conflict, as the designer does
when the user picks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from orgdesign.layout.errors import LoadError

Side = Literal["ours", "theirs"]

MARKER_SIZE = 7
OURS_MARKER = "<" * MARKER_SIZE
BASE_MARKER = "|" * MARKER_SIZE
SPLIT_MARKER = "=" * MARKER_SIZE
THEIRS_MARKER = ">" * MARKER_SIZE
UNRESOLVED = "unresolved merge conflict: keep one side and delete the marker lines (the designer can pick a side)"

_START = re.compile(rb"^<{7}(?:[ \t]|\r?$)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One marked conflict: where it is (0-based line indexes, `end` past the `>>>>>>>` line) and its two sides."""

    start: int
    end: int
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    labels: tuple[str, str] = ("", "")
    """What follows the `<<<<<<<` and `>>>>>>>` markers (git puts the branch names there)."""

    @property
    def line(self) -> int:
        """The 1-based line of its `<<<<<<<` marker."""
        return self.start + 1

    def side(self, side: Side) -> tuple[str, ...]:
        return self.ours if side == "ours" else self.theirs


def conflict_errors(data: bytes, path: str) -> list[LoadError]:
    """One error per `<<<<<<<` line in the layout bytes `data` (none for a file without one: one byte search)."""
    if OURS_MARKER.encode() not in data:
        return []
    return [LoadError(path, data.count(b"\n", 0, match.start()) + 1, 1, UNRESOLVED) for match in _START.finditer(data)]


def find_conflicts(lines: Sequence[str]) -> list[Conflict]:
    """Every complete conflict in `lines` (without line ends), in order; an unclosed one is left out."""
    conflicts = []
    index = 0
    while index < len(lines):
        conflict = _conflict_at(lines, index) if _is_marker(lines[index], OURS_MARKER) else None
        if conflict is None:
            index += 1
        else:
            conflicts.append(conflict)
            index = conflict.end
    return conflicts


def _conflict_at(lines: Sequence[str], start: int) -> Conflict | None:
    """The conflict opened at `start`, or None when its markers are not all there in order."""
    sides: list[list[str]] = [[], [], []]  # ours, base, theirs
    part = 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if part == 0 and _is_marker(line, BASE_MARKER):
            part = 1
        elif part < 2 and _is_marker(line, SPLIT_MARKER, exact=True):
            part = 2
        elif part == 2 and _is_marker(line, THEIRS_MARKER):
            labels = (_label(lines[start]), _label(line))
            return Conflict(start, index + 1, tuple(sides[0]), tuple(sides[2]), labels)
        elif _is_marker(line, OURS_MARKER):
            return None  # a new conflict opens before this one closed
        else:
            sides[part].append(line)
    return None


def _is_marker(line: str, marker: str, *, exact: bool = False) -> bool:
    if not line.startswith(marker):
        return False
    rest = line[len(marker) :].rstrip("\r")
    return not rest if exact else (not rest or rest[0] in " \t")


def _label(marker_line: str) -> str:
    return marker_line[MARKER_SIZE:].strip()


def resolve(text: str, picks: Sequence[Side]) -> str:
    """`text` with its conflicts (as `find_conflicts` lists them) replaced by the picked side of each, in order."""
    lines = text.split("\n")
    conflicts = find_conflicts(lines)
    if len(picks) != len(conflicts):
        raise ValueError(f"{len(conflicts)} conflicts but {len(picks)} picks")
    kept: list[str] = []
    done = 0
    for conflict, pick in zip(conflicts, picks, strict=True):
        kept.extend(lines[done : conflict.start])
        kept.extend(conflict.side(pick))
        done = conflict.end
    kept.extend(lines[done:])
    return "\n".join(kept)


def marked(ours: Sequence[str], theirs: Sequence[str], labels: tuple[str, str] = ("ours", "theirs")) -> list[str]:
    """The lines of one conflict: `ours` and `theirs` between standard markers."""
    return [f"{OURS_MARKER} {labels[0]}", *ours, SPLIT_MARKER, *theirs, f"{THEIRS_MARKER} {labels[1]}"]
