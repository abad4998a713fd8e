"""Where each box of the org chart goes: the visible part of the org in the compact layout, in cells.

The same engine as the SVG export (`orgdesign.compact`) lays the boxes out: managers with teams
spread as a tidy tree, reports without reports stacked in one or two columns under their
manager. Here the unit is a terminal cell, boxes are as wide and as tall as their text at the
chosen zoom level, and the engine's connectors become runs of box-drawing cells.

While comparing, people removed since the baseline get boxes too ("ghosts", keyed `GHOST + id`),
after the reports of the person they are shown under; they are never anyone's `children`, so
moving through the chart passes them by.

Only people whose managers are all expanded are laid out, so a big org costs what is on show,
not what it holds. Boxes are indexed by row and sorted by column, and connector runs by bands
of rows, so drawing one line of the chart looks up only what crosses it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from typing import NamedTuple

from orgdesign.compact import Segment, Spacing, compact_layout
from orgdesign.cycles import CycleWatch
from orgdesign.model import Org, Person
from orgdesign.text import cell_width, clip, printable
from orgdesign.text_measure import split_in_two
from orgdesign.tui.widgets.org_tree import GHOST


class Zoom(Enum):
    """How much each box says, from the most to the least."""

    BOXES = "boxes"
    NAMES = "names"
    DOTS = "dots"


ZOOMS = tuple(Zoom)
"""Most detailed first: `+` moves left in this list, `-` right."""

SPACINGS = {
    Zoom.BOXES: Spacing(gap=3, level_gap=1, row_gap=0, indent=3),
    Zoom.NAMES: Spacing(gap=2, level_gap=1, row_gap=0, indent=3),
    Zoom.DOTS: Spacing(gap=1, level_gap=1, row_gap=0, indent=1),
}
"""Odd level gaps put the connectors' bus on a row of its own, between a manager and its reports."""
DEFAULT_VIEW = (100, 30)
"""The screen the layout is fitted to (in cells) until the chart knows its size."""
MARGIN = 1
PADDING = 4
"""Two borders and a space either side of the text."""
MIN_BOX_WIDTH = 7
MAX_TEXT_WIDTH = 36
"""Texts longer than this are cut with an ellipsis (names of that length are rare; titles wrap first)."""
TITLE_ON_ONE_LINE = 20
"""A title wider than this (and than the name) is wrapped to two lines."""
BAND = 16
"""Rows per band of the connector index."""

UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
"""Directions a connector cell joins, as bits."""

TOP_SIDE, BOTTOM_SIDE, LEFT_SIDE, RIGHT_SIDE = "top", "bottom", "left", "right"


def dotted_line(org: Org, person: Person) -> str:
    managers = org.dotted_managers(person.id)
    return "┄ " + ", ".join(printable(m.name) for m in managers) if managers else ""


class Face(NamedTuple):
    """What a box says at one zoom level, and how big that makes it."""

    name: str
    lines: tuple[str, ...]
    """Below the name: the title (one or two lines) and the dotted managers (boxes zoom only)."""
    vacancy: bool
    width: int
    height: int


def face_of(org: Org, person: Person, zoom: Zoom) -> Face:
    return person_face(person, zoom, dotted_line(org, person) if zoom is Zoom.BOXES else "")


def person_face(person: Person, zoom: Zoom, dotted: str = "") -> Face:
    """The face of `person` (`dotted`: the line naming their dotted-line managers, if any)."""
    name = clip(printable(person.name), MAX_TEXT_WIDTH)
    if zoom is Zoom.DOTS:
        return Face(name, (), person.vacancy, 1, 1)
    if zoom is Zoom.NAMES:
        return Face(name, (), person.vacancy, odd(cell_width(name) + 2), 1)
    lines = [*title_lines(printable(person.display_role), cell_width(name))]
    if dotted:
        lines.append(clip(dotted, MAX_TEXT_WIDTH))
    widest = max(cell_width(text) for text in (name, *lines))
    return Face(name, tuple(lines), person.vacancy, odd(max(widest + PADDING, MIN_BOX_WIDTH)), 3 + len(lines))


def title_lines(title: str, name_width: int) -> list[str]:
    """The title on one line, or on two when it is much wider than the name; each cut only past the limit."""
    if cell_width(title) <= max(TITLE_ON_ONE_LINE, name_width):
        return [clip(title, MAX_TEXT_WIDTH)]
    return [clip(line, MAX_TEXT_WIDTH) for line in split_in_two(title, cell_width)]


def odd(width: int) -> int:
    """Odd widths put a box's middle exactly on a cell, where its connector runs."""
    return width if width % 2 else width + 1


class Box(NamedTuple):
    """A person's box where it sits on the chart (a tuple: there can be 100,000 of them)."""

    pid: str
    left: int
    top: int
    face: Face
    parent: str | None
    children: tuple[str, ...]

    @property
    def width(self) -> int:
        return self.face.width

    @property
    def height(self) -> int:
        return self.face.height

    @property
    def right(self) -> int:
        """The column just past the box."""
        return self.left + self.face.width

    @property
    def bottom(self) -> int:
        """The row just below the box."""
        return self.top + self.face.height


class Run(NamedTuple):
    """A straight connector in cells: `fixed` is its column (vertical) or row; it covers `first`..`last`."""

    vertical: bool
    fixed: int
    first: int
    last: int
    first_extra: int
    """Directions the first cell also joins (into a box just before it)."""
    last_extra: int


def cell_of(value: float) -> int:
    """The cell a layout coordinate falls in.

    Boxes go to the cell nearest their left edge (`cell_of(x + 0.5)`), lines to the cell they cross:
    with odd widths, a box's middle cell is then exactly the one its connector runs in.
    """
    return math.floor(value + 1e-6)


class ChartLayout:
    """The boxes and connectors of the visible part of `org`, given who is expanded and the focus."""

    def __init__(
        self,
        org: Org,
        expanded: set[str],
        cycles: CycleWatch,
        zoom: Zoom = Zoom.BOXES,
        root: str | None = None,
        view: tuple[int, int] = DEFAULT_VIEW,
        ghosts: Mapping[str | None, Sequence[Person]] | None = None,
    ) -> None:
        """`ghosts`: removed people (as the baseline had them) by whom they are shown under (None: the top)."""
        self.zoom = zoom
        self.boxes: dict[str, Box] = {}
        self.roots, kids = visible_forest(cycles, expanded, root)
        faces = {pid: face_of(org, org[pid], zoom) for pid in kids}
        laid_out = {pid: children for pid, (_, children) in kids.items()}
        ghost_roots = self._add_ghosts(ghosts or {}, org, expanded, root, kids, laid_out, faces, zoom)
        placed = compact_layout(
            self.roots + ghost_roots,
            laid_out,
            lambda pid: (faces[pid].width, faces[pid].height),
            SPACINGS[zoom],
            math.inf,
            view=view,
        )
        for pid, (x, y) in placed.positions.items():
            parent, children = kids[pid]
            self.boxes[pid] = Box(pid, MARGIN + cell_of(x + 0.5), cell_of(y), faces[pid], parent, tuple(children))
        self._rows: dict[int, list[Box]] = {}
        self._row_lefts: dict[int, list[int]] = {}
        self._index_rows()
        self.tees: dict[tuple[int, int], str] = {}
        """(column, row) of a box border a connector joins -> which side of the box it is on."""
        self._bands: dict[int, list[Run]] = {}
        self._rasters: dict[int, dict[int, dict[int, int]]] = {}
        for segment in placed.segments:
            self._add_run(self._run_of(segment))
        self.width = max((box.right for box in self.boxes.values()), default=0) + MARGIN
        self.height = max((box.bottom for box in self.boxes.values()), default=0)

    @staticmethod
    def _add_ghosts(
        ghosts: Mapping[str | None, Sequence[Person]],
        org: Org,
        expanded: set[str],
        root: str | None,
        kids: dict[str, tuple[str | None, list[str]]],
        laid_out: dict[str, list[str]],
        faces: dict[str, Face],
        zoom: Zoom,
    ) -> list[str]:
        """Give each removed person a leaf under whom they are shown, when that person is on show
        with their reports (or has none left); returns the ghosts shown at the top."""
        ghost_roots: list[str] = []
        for manager, people in ghosts.items():
            if manager is None:
                if root is not None:
                    continue
                under = ghost_roots
            elif manager in kids and (manager in expanded or not org.report_count(manager)):
                under = laid_out[manager] = [*laid_out[manager]]
            else:
                continue
            for person in people:
                key = GHOST + person.id
                under.append(key)
                faces[key] = person_face(person, zoom)
                kids[key] = (manager, [])
                laid_out[key] = []
        return ghost_roots

    # -- looking things up -----------------------------------------------------------------

    def boxes_between(self, y: int, start: int, end: int) -> list[Box]:
        """Boxes crossing row `y` that show at least one cell in columns [start, end)."""
        row = self._rows.get(y)
        if row is None:
            return []
        lefts = self._row_lefts[y]
        found = []
        index = max(bisect_right(lefts, start) - 1, 0)
        while index < len(row) and row[index].left < end:
            if row[index].right > start:
                found.append(row[index])
            index += 1
        return found

    def box_at(self, x: int, y: int) -> Box | None:
        """The box covering the cell (x, y), if any."""
        hits = self.boxes_between(y, x, x + 1)
        return hits[0] if hits else None

    def line_cells(self, y: int, start: int, end: int) -> Iterator[tuple[int, int]]:
        """(column, directions) of the connector cells on row `y` in columns [start, end)."""
        row = self._raster(y // BAND).get(y)
        if not row:
            return
        if len(row) <= end - start:
            yield from ((column, bits) for column, bits in row.items() if start <= column < end)
        else:
            yield from ((column, row[column]) for column in range(start, end) if column in row)

    def neighbour(self, pid: str, step: int) -> str | None:
        """The sibling `step` places after `pid` (negative: before) among their manager's reports shown."""
        box = self.boxes[pid]
        siblings = self.boxes[box.parent].children if box.parent is not None else tuple(self.roots)
        index = siblings.index(pid) + step
        return siblings[index] if 0 <= index < len(siblings) else None

    def subtree_extent(self, pid: str) -> tuple[int, int, int, int]:
        """Left, top, right, bottom of the boxes shown from `pid` down."""
        box = self.boxes[pid]
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        stack = list(box.children)
        while stack:
            below = self.boxes[stack.pop()]
            left, top = min(left, below.left), min(top, below.top)
            right, bottom = max(right, below.right), max(bottom, below.bottom)
            stack.extend(below.children)
        return left, top, right, bottom

    def show_face(self, pid: str, face: Face) -> None:
        """Give a box new texts of the same size (after an edit that changed no shape)."""
        box = self.boxes[pid]._replace(face=face)
        self.boxes[pid] = box
        for y in range(box.top, box.bottom):
            row = self._rows[y]
            row[self._row_lefts[y].index(box.left)] = box

    # -- building the indexes --------------------------------------------------------------

    def _index_rows(self) -> None:
        for box in self.boxes.values():
            for y in range(box.top, box.bottom):
                self._rows.setdefault(y, []).append(box)
        for y, row in self._rows.items():
            row.sort(key=lambda box: box.left)
            self._row_lefts[y] = [box.left for box in row]

    def _run_of(self, segment: Segment) -> Run:
        """The cells a connector covers; an end on a box's edge stops next to the box and joins it."""
        x1, y1, x2, y2 = segment[0] + MARGIN, segment[1], segment[2] + MARGIN, segment[3]
        vertical = abs(x1 - x2) < abs(y1 - y2)
        fixed = cell_of(x1) if vertical else cell_of(y1)
        low, high = (min(y1, y2), max(y1, y2)) if vertical else (min(x1, x2), max(x1, x2))
        first, last = cell_of(low), cell_of(high)
        back, forward = (UP, DOWN) if vertical else (LEFT, RIGHT)
        first_extra = last_extra = 0
        if self._box_in_line(vertical, fixed, first) is not None:
            first += 1  # a box whose edge is not on a cell boundary covers the end cell
        if self._on_edge(vertical, low) and self._box_in_line(vertical, fixed, first - 1) is not None:
            first_extra = back
            self.tees[self._cell(vertical, fixed, first - 1)] = BOTTOM_SIDE if vertical else RIGHT_SIDE
        if self._box_in_line(vertical, fixed, last) is not None:
            last -= 1
        if self._on_edge(vertical, high) and self._box_in_line(vertical, fixed, last + 1) is not None:
            last_extra = forward
            self.tees[self._cell(vertical, fixed, last + 1)] = TOP_SIDE if vertical else LEFT_SIDE
        last = max(last, first)
        return Run(vertical, fixed, first, last, first_extra, last_extra)

    @staticmethod
    def _on_edge(vertical: bool, value: float) -> bool:
        """Box tops and bottoms are whole rows; columns may be anywhere, so only rows are checked."""
        return not vertical or abs(value - round(value)) < 1e-6

    @staticmethod
    def _cell(vertical: bool, fixed: int, along: int) -> tuple[int, int]:
        return (fixed, along) if vertical else (along, fixed)

    def _box_in_line(self, vertical: bool, fixed: int, along: int) -> Box | None:
        return self.box_at(*self._cell(vertical, fixed, along))

    def _add_run(self, run: Run) -> None:
        if run.vertical:
            for band in range(run.first // BAND, run.last // BAND + 1):
                self._bands.setdefault(band, []).append(run)
        else:
            self._bands.setdefault(run.fixed // BAND, []).append(run)

    def _raster(self, band: int) -> dict[int, dict[int, int]]:
        """Row -> column -> directions for the rows of one band (worked out when first drawn)."""
        raster = self._rasters.get(band)
        if raster is not None:
            return raster
        raster = {}
        top, bottom = band * BAND, (band + 1) * BAND
        for run in self._bands.get(band, ()):
            if run.vertical:
                for y in range(max(run.first, top), min(run.last + 1, bottom)):
                    cells = raster.setdefault(y, {})
                    cells[run.fixed] = cells.get(run.fixed, 0) | _bits(run, y, UP, DOWN)
            else:
                cells = raster.setdefault(run.fixed, {})
                for x in range(run.first, run.last + 1):
                    cells[x] = cells.get(x, 0) | _bits(run, x, LEFT, RIGHT)
        self._rasters[band] = raster
        return raster


def _bits(run: Run, at: int, back: int, forward: int) -> int:
    """A run's cell joins its neighbours along the run; its end cells join what lies beyond them, if anything."""
    return (back if at > run.first else run.first_extra) | (forward if at < run.last else run.last_extra)


def visible_forest(
    cycles: CycleWatch, expanded: set[str], root: str | None = None
) -> tuple[list[str], dict[str, tuple[str | None, list[str]]]]:
    """The tops (and an entry per reporting cycle), or just `root`; and for every visible person:
    (manager, reports shown under them)."""
    roots = [root] if root is not None else cycles.roots()
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
