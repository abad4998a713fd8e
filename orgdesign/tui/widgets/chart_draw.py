"""Drawing one line of the org chart, limited to the columns on screen.

A chart line either cuts through a row of boxes or through the connectors between two rows.
Either way only the boxes and connector families that cross the visible columns are drawn,
and a connector bar (which can be thousands of cells wide under a big fan) is drawn only
where it shows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from orgdesign.rules.finding import Severity
from orgdesign.text import clip
from orgdesign.tui.widgets.badges import GLYPHS, STYLES
from orgdesign.tui.widgets.chart_layout import BOX_HEIGHT, ROW_PITCH, Box, ChartLayout, Family

SEVERITY_STYLES = {severity: Style.parse(style) for severity, style in STYLES.items()}

_JUNCTIONS = {
    # (up, down, left, right) -> glyph
    (True, True, True, True): "┼",
    (True, False, True, True): "┴",
    (False, True, True, True): "┬",
    (True, True, False, True): "├",
    (True, True, True, False): "┤",
    (False, True, False, True): "┌",
    (False, True, True, False): "┐",
    (True, False, False, True): "└",
    (True, False, True, False): "┘",
    (False, False, True, True): "─",
    (True, True, False, False): "│",
}


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


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything a line needs besides its position: what to draw and how."""

    layout: ChartLayout
    palette: Palette
    selected: str | None
    worst: Callable[[str], Severity | None]
    hidden_reports: Callable[[str], int]
    """How many reports a collapsed person hides (0 when they are expanded or have none)."""


Piece = tuple[int, list[Segment]]
"""Segments drawn from a column onwards."""


def draw_line(scene: Scene, y: int, start: int, width: int) -> Strip:
    """Virtual line `y` of the chart, columns [start, start + width)."""
    depth, within = divmod(y, ROW_PITCH)
    end = start + width
    if within < BOX_HEIGHT:
        pieces = [box_piece(scene, box, within) for box in scene.layout.boxes_between(depth, start, end)]
    else:
        pieces = connector_pieces(scene, depth, within - BOX_HEIGHT, start, end)
    return assemble(pieces, start, end, scene.palette.base)


def assemble(pieces: list[Piece], start: int, end: int, base: Style) -> Strip:
    """Place non-overlapping pieces (sorted by column) on a blank line and crop to [start, end)."""
    origin = min([start] + [left for left, _ in pieces])
    segments: list[Segment] = []
    column = origin
    for left, piece in pieces:
        if left > column:
            segments.append(Segment(" " * (left - column), base))
        segments.extend(piece)
        column = left + sum(segment.cell_length for segment in piece)
    return Strip(segments).crop_extend(start - origin, end - origin, base)


def fit(text: str, cells: int) -> str:
    """`text` in exactly `cells` cells, centred, with an ellipsis when it does not fit."""
    text = clip(text, cells)
    length = cell_len(text)
    before = (cells - length) // 2
    return " " * before + text + " " * (cells - length - before)


def box_piece(scene: Scene, box: Box, within: int) -> Piece:
    palette = scene.palette
    severity = scene.worst(box.pid)
    border = palette.base + SEVERITY_STYLES[severity] if severity is not None else palette.border
    selected = palette.selected if box.pid == scene.selected else Style()
    border += selected
    if within == 0:
        return box.left, [Segment(top_border(box, severity), border)]
    if within == BOX_HEIGHT - 1:
        return box.left, bottom_border(box, scene.hidden_reports(box.pid), border, palette.marker + selected)
    side = "╎" if box.face.vacancy else "│"
    face = box.face
    text, style = ((face.name, palette.name), (face.role, palette.role), (face.dotted, palette.dotted))[within - 1]
    if face.vacancy and within == 1:
        style += Style(italic=True)
    return box.left, [
        Segment(side + " ", border),
        Segment(fit(text, box.width - 4), style + selected),
        Segment(" " + side, border),
    ]


def top_border(box: Box, severity: Severity | None) -> str:
    fill = "╌" if box.face.vacancy else "─"
    cells = [fill] * box.width
    cells[0], cells[-1] = "┌", "┐"
    if box.parent is not None:
        cells[box.width // 2] = "┴"
    if severity is not None:
        cells[-3] = GLYPHS[severity]
    return "".join(cells)


def bottom_border(box: Box, hidden: int, border: Style, marker: Style) -> list[Segment]:
    fill = "╌" if box.face.vacancy else "─"
    inner = box.width - 2
    if hidden:
        label = set_cell_size(f"▸ {hidden}", min(cell_len(f"▸ {hidden}"), inner - 2))
        before = (inner - cell_len(label) - 2) // 2
        after = inner - cell_len(label) - 2 - before
        return [
            Segment("└" + fill * before + " ", border),
            Segment(label, marker),
            Segment(" " + fill * after + "┘", border),
        ]
    cells = [fill] * box.width
    cells[0], cells[-1] = "└", "┘"
    if box.children:
        cells[box.width // 2] = "┬"
    return [Segment("".join(cells), border)]


def connector_pieces(scene: Scene, depth: int, step: int, start: int, end: int) -> list[Piece]:
    """Step 0: down from each parent; 1: the bar across a family; 2: down into each child."""
    style = scene.palette.line
    pieces: list[Piece] = []
    for family in scene.layout.families_between(depth, start, end):
        if step == 0:
            pieces.append((family.parent, [Segment("│", style)]))
        elif step == 1:
            pieces.append(bar_piece(family, start, end, style))
        else:
            first = bisect_left(family.children, start)
            last = bisect_right(family.children, end)
            pieces.extend((column, [Segment("│", style)]) for column in family.children[first:last])
    return pieces


def bar_piece(family: Family, start: int, end: int, style: Style) -> Piece:
    """The visible part of the bar joining a parent to its children."""
    left, right = max(family.left, start), min(family.right, end - 1)
    first = bisect_left(family.children, left)
    last = bisect_right(family.children, right)
    downs = set(family.children[first:last])
    glyphs = [
        _JUNCTIONS[(column == family.parent, column in downs, column > family.left, column < family.right)]
        for column in range(left, right + 1)
    ]
    return left, [Segment("".join(glyphs), style)]
