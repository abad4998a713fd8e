"""Drawing one line of the org chart, limited to the columns on screen.

A line is a row of cells: first the connector cells that cross it (each drawn with the
box-drawing glyph for the directions it joins), then the boxes over them. Only what crosses the
visible columns is looked at, so a connector bar thousands of cells wide costs what shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from orgdesign.rules.finding import Severity
from orgdesign.text import clip
from orgdesign.tui.widgets.badges import GLYPHS
from orgdesign.tui.widgets.chart_layout import (
    BOTTOM_SIDE,
    DOWN,
    LEFT,
    LEFT_SIDE,
    RIGHT,
    RIGHT_SIDE,
    TOP_SIDE,
    UP,
    Box,
    ChartLayout,
    Zoom,
)
from orgdesign.tui.widgets.chart_marks import MARKED, REMOVED, ChartMark
from orgdesign.tui.widgets.org_tree import GHOST

_JUNCTIONS = {
    UP | DOWN | LEFT | RIGHT: "┼",
    UP | LEFT | RIGHT: "┴",
    DOWN | LEFT | RIGHT: "┬",
    UP | DOWN | RIGHT: "├",
    UP | DOWN | LEFT: "┤",
    DOWN | RIGHT: "┌",
    DOWN | LEFT: "┐",
    UP | RIGHT: "└",
    UP | LEFT: "┘",
    LEFT | RIGHT: "─",
    LEFT: "─",
    RIGHT: "─",
}
"""Any other combination (up, down or both) is a vertical line."""
_TEES = {TOP_SIDE: "┴", BOTTOM_SIDE: "┬", LEFT_SIDE: "┤", RIGHT_SIDE: "├"}


@dataclass(frozen=True, slots=True)
class Palette:
    """The rich styles a chart is drawn with (from the widget's component classes)."""

    base: Style
    line: Style
    border: Style
    selected: Style
    name: Style
    role: Style
    dotted: Style
    marker: Style
    label: Style
    """A name-only box, when its colour mode gives it no colour of its own."""


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything a line needs besides its position: what to draw and how."""

    layout: ChartLayout
    palette: Palette
    selected: str | None
    worst: Callable[[str], Severity | None]
    colour: Callable[[str], Style | None]
    """The box's colour in the current colour mode, if it has one."""
    hidden_reports: Callable[[str], int]
    """How many reports a collapsed person hides (0 when they are expanded or have none)."""
    mark: Callable[[str], ChartMark | None]
    """How the person differs from the baseline while comparing (None: not at all, or not comparing)."""
    marked: Callable[[str], bool]
    """Whether the person is marked for a bulk edit."""

    def one_mark(self, pid: str) -> ChartMark | None:
        """The mark of a box with room for one: the bulk-edit mark first, else the difference."""
        return MARKED if self.marked(pid) else self.mark(pid)


class Row:
    """One line of cells being drawn, columns [start, start + width)."""

    def __init__(self, start: int, width: int, base: Style) -> None:
        self.start = start
        self.chars = [" "] * width
        self.styles = [base] * width

    def put(self, column: int, text: str, style: Style) -> None:
        """Write `text` from `column` on; a wide character cut by the edge leaves a space."""
        index = column - self.start
        for char in text:
            size = cell_len(char)
            if size == 0:
                continue
            if index >= 0 and index + size <= len(self.chars):
                self.chars[index] = char
                self.styles[index] = style
                if size == 2:
                    self.chars[index + 1] = ""
                    self.styles[index + 1] = style
            elif 0 <= index < len(self.chars):
                self.chars[index], self.styles[index] = " ", style
            index += size

    def strip(self) -> Strip:
        segments: list[Segment] = []
        run_start = 0
        for index in range(1, len(self.chars) + 1):
            if index == len(self.chars) or self.styles[index] != self.styles[run_start]:
                segments.append(Segment("".join(self.chars[run_start:index]), self.styles[run_start]))
                run_start = index
        return Strip(segments, len(self.chars))


def draw_line(scene: Scene, y: int, start: int, width: int) -> Strip:
    """Line `y` of the chart, columns [start, start + width)."""
    row = Row(start, width, scene.palette.base)
    end = start + width
    line_style = scene.palette.line
    for column, bits in scene.layout.line_cells(y, start, end):
        row.put(column, _JUNCTIONS.get(bits, "│"), line_style)
    draw = {Zoom.BOXES: draw_box_line, Zoom.NAMES: draw_name, Zoom.DOTS: draw_dot}[scene.layout.zoom]
    for box in scene.layout.boxes_between(y, start, end):
        (draw_ghost if box.pid.startswith(GHOST) else draw)(scene, box, y - box.top, row)
    return row.strip()


def fit(text: str, cells: int) -> str:
    """`text` in exactly `cells` cells, centred, with an ellipsis when it does not fit."""
    text = clip(text, cells)
    length = cell_len(text)
    before = (cells - length) // 2
    return " " * before + text + " " * (cells - length - before)


def draw_box_line(scene: Scene, box: Box, within: int, row: Row) -> None:
    palette = scene.palette
    colour = scene.colour(box.pid)
    selected = palette.selected if box.pid == scene.selected else Style()
    border = (palette.base + colour if colour is not None else palette.border) + selected
    if within == 0:
        row.put(box.left, top_border(scene, box), border)
        mark = scene.mark(box.pid)
        if mark is not None and box.width >= 5:
            row.put(box.left + 2, mark.glyph, palette.base + mark.style + selected)
        if scene.marked(box.pid) and box.width >= 4:
            row.put(box.left + 1, MARKED.glyph, palette.base + MARKED.style)
        return
    if within == box.height - 1:
        bottom_border(scene, box, row, border, palette.marker + selected)
        return
    tees = scene.layout.tees
    side = "╎" if box.face.vacancy else "│"
    y = box.top + within
    face = box.face
    if within == 1:
        text, style = face.name, palette.name + (Style(italic=True) if face.vacancy else Style())
    else:
        text = face.lines[within - 2]
        style = palette.dotted if text.startswith("┄") else palette.role
    left = _TEES[LEFT_SIDE] if tees.get((box.left, y)) == LEFT_SIDE else side
    right = _TEES[RIGHT_SIDE] if tees.get((box.right - 1, y)) == RIGHT_SIDE else side
    row.put(box.left, left + " ", border)
    row.put(box.left + 2, fit(text, box.width - 4), style + selected)
    row.put(box.right - 2, " " + right, border)


def top_border(scene: Scene, box: Box) -> str:
    fill = "╌" if box.face.vacancy else "─"
    cells = [fill] * box.width
    cells[0], cells[-1] = "┌", "┐"
    _add_tees(scene, box, box.top, TOP_SIDE, cells)
    severity = scene.worst(box.pid)
    if severity is not None and box.width >= 5:
        cells[-3] = GLYPHS[severity]
    return "".join(cells)


def bottom_border(scene: Scene, box: Box, row: Row, border: Style, marker: Style) -> None:
    fill = "╌" if box.face.vacancy else "─"
    cells = [fill] * box.width
    cells[0], cells[-1] = "└", "┘"
    _add_tees(scene, box, box.bottom - 1, BOTTOM_SIDE, cells)
    row.put(box.left, "".join(cells), border)
    hidden = scene.hidden_reports(box.pid)
    if hidden:
        label = clip(f" ▸ {hidden} ", box.width - 2)
        row.put(box.left + (box.width - cell_len(label)) // 2, label, marker)


def _add_tees(scene: Scene, box: Box, y: int, side: str, cells: list[str]) -> None:
    tees = scene.layout.tees
    for x in range(box.left + 1, box.right - 1):
        if tees.get((x, y)) == side:
            cells[x - box.left] = _TEES[side]


def draw_name(scene: Scene, box: Box, within: int, row: Row) -> None:
    """A one-line box: the name on the colour of its mode; a vacancy in italics, a collapsed manager with ▸."""
    palette = scene.palette
    colour = scene.colour(box.pid)
    style = palette.label if colour is None else Style(color="black", bgcolor=colour.color, bold=True)
    if box.face.vacancy:
        style += Style(italic=True)
    if box.pid == scene.selected:
        style += palette.selected + Style(bold=True, underline=True)
    text = fit(box.face.name, box.width - 2)
    marker = "▸" if scene.hidden_reports(box.pid) else " "
    row.put(box.left, " " + text + marker, style)
    mark = scene.one_mark(box.pid)
    if mark is not None:
        row.put(box.left, mark.glyph, style + mark.style)


def draw_dot(scene: Scene, box: Box, within: int, row: Row) -> None:
    """One cell: ● a person, ○ a vacancy, ◆ a manager whose reports are folded away; while
    comparing, someone who differs from the baseline is their mark instead, and someone marked
    for a bulk edit is ✓."""
    colour = scene.colour(box.pid)
    style = scene.palette.line if colour is None else scene.palette.base + colour
    glyph = "◆" if scene.hidden_reports(box.pid) else "○" if box.face.vacancy else "●"
    mark = scene.one_mark(box.pid)
    if mark is not None:
        glyph, style = mark.glyph, scene.palette.base + mark.style
    if box.pid == scene.selected:
        style += scene.palette.selected
    row.put(box.left, glyph, style)


# -- removed people, while comparing ------------------------------------------------------------

GHOST_TEXT = Style(dim=True, strike=True)


def draw_ghost(scene: Scene, box: Box, within: int, row: Row) -> None:
    """A removed person at their old place: a dashed, dim box with the name and role struck
    through, marked ✗ at every zoom; it has no findings, colour or selection of its own."""
    palette = scene.palette
    mark = palette.base + REMOVED.style
    zoom = scene.layout.zoom
    if zoom is Zoom.DOTS:
        row.put(box.left, REMOVED.glyph, mark)
    elif zoom is Zoom.NAMES:
        _put_struck(row, box.left + 1, box.width - 2, box.face.name, palette.label + GHOST_TEXT, palette.label)
        row.put(box.left, REMOVED.glyph, palette.label + REMOVED.style)
        row.put(box.right - 1, " ", palette.label)
    else:
        _draw_ghost_box_line(scene, box, within, row, mark)


def _draw_ghost_box_line(scene: Scene, box: Box, within: int, row: Row, mark: Style) -> None:
    palette = scene.palette
    border = palette.border + Style(dim=True)
    if within in (0, box.height - 1):
        top = within == 0
        cells = ["╌"] * box.width
        cells[0], cells[-1] = ("┌", "┐") if top else ("└", "┘")
        _add_tees(scene, box, box.top + within, TOP_SIDE if top else BOTTOM_SIDE, cells)
        row.put(box.left, "".join(cells), border)
        if top and box.width >= 5:
            row.put(box.left + 2, REMOVED.glyph, mark)
        return
    text, style = (box.face.name, palette.name) if within == 1 else (box.face.lines[within - 2], palette.role)
    joined = scene.layout.tees.get((box.left, box.top + within)) == LEFT_SIDE
    row.put(box.left, _TEES[LEFT_SIDE] if joined else "╎", border)
    _put_struck(row, box.left + 1, box.width - 2, text, style + GHOST_TEXT, palette.base)
    row.put(box.right - 1, "╎", border)


def _put_struck(row: Row, left: int, cells: int, text: str, style: Style, blank: Style) -> None:
    """`text` centred in `cells` cells from `left`, struck through but not the blanks around it."""
    shown = fit(text, cells)
    core = shown.strip(" ")
    before = len(shown) - len(shown.lstrip(" "))
    row.put(left, " " * cells, blank)
    row.put(left + before, core, style)
