"""Where each box of the org chart goes: the visible part of the org laid out as a tidy tree.

Only people whose managers are all expanded are laid out, so a big org costs what is on
show, not what it holds. Positions come from `orgdesign.tidy` and are rounded to cells; box
widths are odd so that a box's middle cell is exactly where its centre is, which keeps a
parent's connector straight above an only child. Rows and connector families are kept
sorted by x, so drawing a line of the chart looks up what it crosses by bisection.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from orgdesign.cycles import CycleWatch
from orgdesign.model import Org, Person
from orgdesign.text import cell_width, printable
from orgdesign.tidy import tidy_layout

BOX_HEIGHT = 5
"""Top border, name, role, dotted managers, bottom border."""
CONNECTOR_HEIGHT = 3
"""Down from the parent, across to the children, down into each child."""
ROW_PITCH = BOX_HEIGHT + CONNECTOR_HEIGHT
GAP = 2
MARGIN = 1
MIN_BOX_WIDTH = 13
MAX_BOX_WIDTH = 31
PADDING = 4
"""Two borders and a space either side of the text."""


def dotted_line(org: Org, person: Person) -> str:
    managers = org.dotted_managers(person.id)
    return "┄ " + ", ".join(printable(m.name) for m in managers) if managers else ""


def box_width(texts: Iterable[str]) -> int:
    """Wide enough for the longest text, within bounds, and always odd."""
    wanted = max((cell_width(text) for text in texts), default=0) + PADDING
    width = min(max(wanted, MIN_BOX_WIDTH), MAX_BOX_WIDTH)
    return width if width % 2 else width + 1


class Face(NamedTuple):
    """What a box says, and how wide that makes it."""

    name: str
    role: str
    dotted: str
    vacancy: bool
    width: int


def face_of(org: Org, person: Person) -> Face:
    name, role, dotted = printable(person.name), printable(person.display_role), dotted_line(org, person)
    return Face(name, role, dotted, person.vacancy, box_width((name, role, dotted)))


class Box(NamedTuple):
    """A person's box where it sits on the chart (a tuple: there can be 100,000 of them)."""

    pid: str
    left: int
    depth: int
    face: Face
    parent: str | None
    children: tuple[str, ...]

    @property
    def width(self) -> int:
        return self.face.width

    @property
    def middle(self) -> int:
        return self.left + self.face.width // 2

    @property
    def right(self) -> int:
        """The column just past the box."""
        return self.left + self.face.width

    @property
    def top(self) -> int:
        return self.depth * ROW_PITCH


class Family(NamedTuple):
    """A parent with visible children: the connector drawn between their rows."""

    parent: int
    """Column of the parent's middle."""
    children: tuple[int, ...]
    """Columns of the children's middles, left to right."""

    @property
    def left(self) -> int:
        return min(self.parent, self.children[0])

    @property
    def right(self) -> int:
        return max(self.parent, self.children[-1])


class ChartLayout:
    """The boxes and connectors of the visible part of `org`, given which people are expanded."""

    def __init__(self, org: Org, expanded: set[str], cycles: CycleWatch) -> None:
        self.boxes: dict[str, Box] = {}
        self.rows: list[list[Box]] = []
        self.families: list[list[Family]] = []
        self._row_rights: list[list[int]] = []
        self._family_rights: list[list[int]] = []
        roots, kids = visible_forest(cycles, expanded)
        faces = {pid: face_of(org, org[pid]) for pid in kids}
        spots = tidy_layout(roots, lambda pid: kids[pid][1], lambda pid: faces[pid].width, GAP)
        for pid, (x, depth) in spots.items():
            parent, children = kids[pid]
            self.boxes[pid] = Box(pid, MARGIN + cell_of(x), depth, faces[pid], parent, tuple(children))
        self._index_rows()
        self._index_families()
        self.width = max((box.right for box in self.boxes.values()), default=0) + MARGIN
        self.height = max(len(self.rows) * ROW_PITCH - CONNECTOR_HEIGHT, 0)

    def _index_rows(self) -> None:
        for box in self.boxes.values():
            while len(self.rows) <= box.depth:
                self.rows.append([])
            self.rows[box.depth].append(box)
        for row in self.rows:
            row.sort(key=lambda box: box.left)
        self._row_rights = [[box.right for box in row] for row in self.rows]

    def _index_families(self) -> None:
        self.families = [[] for _ in self.rows]
        for row_index, row in enumerate(self.rows):
            for box in row:
                if box.children:
                    middles = tuple(self.boxes[child].middle for child in box.children)
                    self.families[row_index].append(Family(box.middle, middles))
        self._family_rights = [[family.right for family in row] for row in self.families]

    def show_face(self, pid: str, face: Face) -> None:
        """Give a box new texts of the same width (after an edit that changed no shape)."""
        box = self.boxes[pid]._replace(face=face)
        row = self.rows[box.depth]
        row[bisect_left(self._row_rights[box.depth], box.right)] = box
        self.boxes[pid] = box

    def boxes_between(self, depth: int, start: int, end: int) -> list[Box]:
        """Boxes on `depth` that show at least one cell in columns [start, end)."""
        if not 0 <= depth < len(self.rows):
            return []
        row = self.rows[depth]
        found = []
        for index in range(bisect_left(self._row_rights[depth], start + 1), len(row)):
            if row[index].left >= end:
                break
            found.append(row[index])
        return found

    def families_between(self, depth: int, start: int, end: int) -> list[Family]:
        """Connector families below `depth` that draw at least one cell in columns [start, end)."""
        if not 0 <= depth < len(self.families):
            return []
        row = self.families[depth]
        found = []
        for index in range(bisect_left(self._family_rights[depth], start), len(row)):
            if row[index].left >= end:
                break
            found.append(row[index])
        return found

    def box_at(self, x: int, y: int) -> Box | None:
        """The box covering the virtual cell (x, y), if any."""
        depth, within = divmod(y, ROW_PITCH)
        if within >= BOX_HEIGHT:
            return None
        hits = self.boxes_between(depth, x, x + 1)
        return hits[0] if hits else None

    def neighbour(self, pid: str, step: int) -> str | None:
        """The box `step` places to the right (negative: left) on the same row."""
        box = self.boxes[pid]
        row = self.rows[box.depth]
        index = bisect_left(self._row_rights[box.depth], box.right) + step
        return row[index].pid if 0 <= index < len(row) else None


def cell_of(x: float) -> int:
    """Round a layout position to a cell, the same way for every box.

    Rounding every position with one monotone function keeps integer separations intact,
    so boxes that were `GAP` apart still are.
    """
    return math.floor(x + 0.5 + 1e-9)


def visible_forest(cycles: CycleWatch, expanded: set[str]) -> tuple[list[str], dict[str, tuple[str | None, list[str]]]]:
    """Tops (and an entry per reporting cycle), and for every visible person: (manager,
    reports shown under them)."""
    roots = cycles.roots()
    kids: dict[str, tuple[str | None, list[str]]] = {}
    stack: list[tuple[str, str | None]] = [(pid, None) for pid in reversed(roots)]
    while stack:
        pid, parent = stack.pop()
        if pid in kids:
            continue
        children = cycles.reports(pid) if pid in expanded else []
        kids[pid] = (parent, children)
        stack.extend((child, pid) for child in reversed(children))
    return roots, kids
