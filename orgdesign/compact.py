"""The compact org-chart layout: how HR org charts are drawn, in linear time and without recursion.

A manager whose reports have no reports of their own ("a team") gets them stacked under it, in
one column hanging from a line down its left side (up to three people) or in two columns either
side of a line down the middle. A manager with managers below spreads its reports in a row under
it, the team of individual contributors first, like a tidy tree whose subtrees are rectangles of
any size. When a row would make that manager's block much wider than it is tall, the reports
hang in one column below it instead, indented, each with its own block.

How much wider than tall a block may be before its reports hang is one number: the layout tries
the loosest setting first and tightens it until the whole picture is no wider than `max_aspect`
times its height (or the tightest setting is reached). The first try is a pass over arrays in
pre-order; each later one redoes only the blocks of the managers whose choice it changes, and of
those above them. The picture is the blocks as the chosen setting leaves them, placed in one pass
top-down. So the layout is linear in the number of people and a 10,000-deep chain is no trouble.

Units are whatever the caller's sizes are in (pixels for SVG). The caller draws the boxes at
`positions` and the connectors in `segments`, which never cross a box.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

Segment = tuple[float, float, float, float]
"""A straight connector piece: x1, y1, x2, y2."""

TEAM_IN_ONE_COLUMN = 3
"""A team of up to this many hangs in one column; a larger one is stacked in two."""

_LOOSEST_FIRST = (math.inf, 32.0, 8.0, 2.0, 0.5)
"""Block width / height above which a manager's reports hang in a column, tried in turn."""
_REFINEMENTS = 3
"""Halvings of the (log) interval between the last setting too loose and the first that fits, when that one
is less than half as wide (relative to its height) as it may be."""


@dataclass(frozen=True, slots=True)
class Spacing:
    gap: float
    """Between neighbouring blocks in a row, and between the two columns of a team."""
    level_gap: float
    """Between a manager and the row of its reports (the connectors' bus runs in it)."""
    row_gap: float
    """Between rows of a stacked team or of hanging reports."""
    indent: float
    """How far hanging reports sit right of their manager's left edge (their line runs in it)."""


@dataclass(slots=True)
class ChartLayout:
    positions: dict[str, tuple[float, float]]
    """Top-left corner of each box, in pre-order."""
    segments: list[Segment]
    width: float
    height: float


@dataclass(slots=True)
class _Block:
    """A rectangle with the point where its incoming line attaches (on its top edge): a person's box alone."""

    width: float
    height: float
    anchor: float
    box_x: float = 0.0
    """Left edge of the person's own box in this block (its top is the block's top)."""


@dataclass(slots=True)
class _Piece(_Block):
    """A rectangle of laid-out boxes and lines: a manager's block or a part of one."""

    placements: list[tuple[int, float, float]] = field(default_factory=list)
    """Node index -> offset of that node's block inside this piece."""
    segments: list[Segment] = field(default_factory=list)
    nested: list[tuple[int, float, float, _Piece]] = field(default_factory=list)
    """Pieces absorbed whole: (how many of `segments` come before theirs, offset x, offset y, piece).

    Absorbing by reference instead of copying moves every placement and line exactly once, in `place`."""

    def absorb(self, piece: _Piece, dx: float, dy: float) -> None:
        """Take in `piece`'s contents, offset by (dx, dy)."""
        self.nested.append((len(self.segments), dx, dy, piece))


def compact_layout(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    size: Callable[[str], tuple[float, float]],
    spacing: Spacing,
    max_aspect: float,
    view: tuple[float, float] | None = None,
) -> ChartLayout:
    """Lay out the forest under `roots` (children in display order); boxes are `size(id)` = (width, height).

    With `view` (a screen's width and height), the picture is the one that needs the fewest screens
    in its worse direction, whatever its aspect; without, the loosest no wider than `max_aspect`.
    """
    layout = _Layout(_Tree.collect(roots, children, size), spacing)
    setting = _best_setting_for(layout, view) if view else _loosest_setting_that_fits(layout, max_aspect)
    layout.picture(setting)
    return layout.place()


def _best_setting_for(layout: _Layout, view: tuple[float, float]) -> float:
    """The spread limit (of those tried) whose picture overflows a `view` least: max(width / W, height / H)."""
    width, height = max(view[0], 1.0), max(view[1], 1.0)
    best, best_screens = _LOOSEST_FIRST[0], math.inf
    for spread_limit in _LOOSEST_FIRST:
        top = layout.picture(spread_limit)
        screens = max(top.width / width, top.height / height)
        if screens < best_screens:
            best, best_screens = spread_limit, screens
    return best


def _loosest_setting_that_fits(layout: _Layout, max_aspect: float) -> float:
    """The largest spread limit (of those tried) whose picture is at most `max_aspect` times as wide as tall."""

    def fits(top: _Piece) -> bool:
        return top.width <= max_aspect * max(top.height, 1.0)

    too_loose, tight = math.inf, _LOOSEST_FIRST[-1]
    for spread_limit in _LOOSEST_FIRST:
        top = layout.picture(spread_limit)
        if fits(top):
            if top.width >= max_aspect / 2 * top.height:
                return spread_limit
            tight = spread_limit
            break
        too_loose = spread_limit
    else:
        return tight  # even the tightest setting is too wide: it is the best there is
    if too_loose == math.inf:
        return tight
    for _ in range(_REFINEMENTS):
        middle = math.sqrt(too_loose * tight)
        if fits(layout.picture(middle)):
            tight = middle
        else:
            too_loose = middle
    return tight


class _Tree:
    """The forest in pre-order, indexed by position, with every box's size."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.kids: list[list[int]] = []
        self.widths: list[float] = []
        self.heights: list[float] = []
        self.roots: list[int] = []
        self.managers: list[int] = []
        """Indices of the people with reports, in pre-order."""
        self.teams: dict[int, list[int]] = {}
        """Manager index -> the reports who have no reports of their own."""
        self.sub_managers: dict[int, list[int]] = {}
        """Manager index -> the reports who are managers themselves."""
        self.boxes: list[_Block] = []
        """Each node's box alone, as a block (blocks of managers replace theirs)."""

    @classmethod
    def collect(
        cls, roots: Sequence[str], children: Mapping[str, Sequence[str]], size: Callable[[str], tuple[float, float]]
    ) -> _Tree:
        tree = cls()
        seen: set[str] = set()
        stack: list[tuple[str, int]] = [(root, -1) for root in reversed(roots)]
        ids, kids, widths, heights = tree.ids, tree.kids, tree.widths, tree.heights  # the loop runs once a person
        while stack:
            node_id, parent = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            index = len(ids)
            ids.append(node_id)
            kids.append([])
            width, height = size(node_id)
            widths.append(width)
            heights.append(height)
            (kids[parent] if parent >= 0 else tree.roots).append(index)
            reports = children.get(node_id)
            if reports:
                stack.extend(zip(reversed(reports), repeat(index)))
        tree.sort_reports()
        return tree

    def sort_reports(self) -> None:
        self.boxes = [_Block(width, height, width / 2) for width, height in zip(self.widths, self.heights, strict=True)]
        for index, kids in enumerate(self.kids):
            if kids:
                self.managers.append(index)
                self.teams[index] = [kid for kid in kids if not self.kids[kid]]
                self.sub_managers[index] = [kid for kid in kids if self.kids[kid]]


class _Layout:
    """The forest's blocks at one spread limit after another (bottom-up), then absolute positions (top-down).

    A block's size, and where its manager's box sits in it, follow from its manager's choice (spread or hang) and
    its reports' blocks alone, and a block holds its reports by index, not by their blocks. So after the first
    setting, a setting redoes only the blocks of managers whose choice it flips and of those above a block that
    changed. Managers of a team alone have no choice: their blocks are laid out once.
    """

    def __init__(self, tree: _Tree, spacing: Spacing) -> None:
        self.tree = tree
        self.spacing = spacing
        self.spread_limit = math.inf
        self.blocks: list[_Block] = list(tree.boxes)
        """Each node's block at the setting last laid out; a person without reports is just their box."""
        self.choosers = [index for index in reversed(tree.managers) if tree.sub_managers[index]]
        """Managers with managers among their reports, bottom-up: the only blocks a setting can change."""
        self.spreads: dict[int, _Piece] = {}
        """Chooser -> its reports spread in a row under it, for their blocks as they are now."""
        self.team_stacks: dict[int, _Piece] = {}
        """Manager -> its team stacked (the same at every setting)."""
        self.top = _Piece(0.0, 0.0, 0.0)
        for index in tree.managers:
            if not tree.sub_managers[index]:
                team = tree.teams[index]
                self.blocks[index] = (
                    self.hanging(index, team) if len(team) <= TEAM_IN_ONE_COLUMN else self.spread(index)
                )

    def picture(self, spread_limit: float) -> _Piece:
        """Every block at `spread_limit`, and the forest's roots side by side."""
        blocks, sub_managers = self.blocks, self.tree.sub_managers
        self.spread_limit = spread_limit
        changed: set[int] = set()
        for index in self.choosers:
            block, spread = blocks[index], self.spreads.get(index)
            if spread is None or not changed.isdisjoint(sub_managers[index]):
                spread = self.spreads[index] = self.spread(index)
            elif (block is spread) != self.too_wide(index, spread):
                continue  # the same choice over the same blocks
            new = blocks[index] = self.chosen(index, spread)
            if (new.width, new.height, new.anchor, new.box_x) != (block.width, block.height, block.anchor, block.box_x):
                changed.add(index)
        self.top = self.row([self.whole(root) for root in self.tree.roots], connect=False)
        return self.top

    # -- bottom-up: each node's block --------------------------------------------------------

    def spread(self, index: int) -> _Piece:
        """The manager over its reports in a row: the team first, then each manager's block."""
        team, managers = self.tree.teams[index], self.tree.sub_managers[index]
        pieces = ([self.team_of(index, team)] if team else []) + [self.whole(kid) for kid in managers]
        return self.under_manager(index, self.row(pieces, connect=True))

    def chosen(self, index: int, spread: _Piece) -> _Piece:
        """`spread`, or the reports hanging when it is too wide for the setting."""
        if self.too_wide(index, spread):
            return self.hanging(index, self.tree.teams[index] + self.tree.sub_managers[index])
        return spread

    def too_wide(self, index: int, spread: _Piece) -> bool:
        """Is `spread` a row with managers in it, wider than the setting allows?"""
        team, managers = self.tree.teams[index], self.tree.sub_managers[index]
        return bool(managers) and len(team) + len(managers) > 1 and spread.width > self.spread_limit * spread.height

    def whole(self, index: int) -> _Piece:
        """A node's block as a piece of a row."""
        block = self.blocks[index]
        return _Piece(block.width, block.height, block.anchor, placements=[(index, 0.0, 0.0)])

    def row(self, pieces: list[_Piece], connect: bool) -> _Piece:
        """Pieces side by side; with `connect`, a bus above them and a drop into each anchor."""
        gap, bus = self.spacing.gap, -self.spacing.level_gap / 2
        row = _Piece(0.0, 0.0, 0.0)
        x = 0.0
        for piece in pieces:
            row.absorb(piece, x, 0.0)
            if connect:
                row.segments.append((x + piece.anchor, bus, x + piece.anchor, 0.0))
            row.height = max(row.height, piece.height)
            x += piece.width + gap
        row.width = max(x - gap, 0.0)
        if pieces:
            first, last = pieces[0].anchor, x - gap - pieces[-1].width + pieces[-1].anchor
            row.anchor = (first + last) / 2
            if connect and len(pieces) > 1:
                row.segments.append((first, bus, last, bus))
        return row

    def under_manager(self, index: int, row: _Piece) -> _Piece:
        """The manager's box centred over the row's anchors, with the line down from it to the bus."""
        width, height = self.tree.widths[index], self.tree.heights[index]
        box_left = row.anchor - width / 2
        shift = max(0.0, -box_left)
        top_of_row = height + self.spacing.level_gap
        block = _Piece(
            max(row.width + shift, box_left + shift + width),
            top_of_row + row.height,
            row.anchor + shift,
            box_x=box_left + shift,
        )
        block.absorb(row, shift, top_of_row)
        block.segments.append((block.anchor, height, block.anchor, top_of_row - self.spacing.level_gap / 2))
        return block

    def hanging(self, index: int, kids: list[int]) -> _Piece:
        """The manager at top left; each report's block below, indented, joined by a line down the left."""
        width, height = self.tree.widths[index], self.tree.heights[index]
        spine = self.spacing.indent / 2
        block = _Piece(width, height, width / 2)
        y = height + self.spacing.row_gap
        last_stub = height
        for kid in kids:
            kid_block = self.blocks[kid]
            last_stub = y + self.tree.heights[kid] / 2
            block.placements.append((kid, self.spacing.indent, y))
            block.segments.append((spine, last_stub, self.spacing.indent + kid_block.box_x, last_stub))
            block.width = max(block.width, self.spacing.indent + kid_block.width)
            y += kid_block.height + self.spacing.row_gap
        block.height = y - self.spacing.row_gap
        block.segments.append((spine, height, spine, last_stub))
        return block

    def team_of(self, index: int, team: list[int]) -> _Piece:
        """The manager's team stacked, once for every setting."""
        stack = self.team_stacks.get(index)
        if stack is None:
            stack = self.team_stacks[index] = self.team_stack(team)
        return stack

    def team_stack(self, team: list[int]) -> _Piece:
        """People without reports in one column (line down the left) or two (line down the middle)."""
        if len(team) <= TEAM_IN_ONE_COLUMN:
            return self.one_column(team)
        widths, heights = self.tree.widths, self.tree.heights
        left_width = max(widths[kid] for kid in team[0::2])
        right_width = max(widths[kid] for kid in team[1::2])
        spine = left_width + self.spacing.gap / 2
        stack = _Piece(left_width + self.spacing.gap + right_width, 0.0, spine)
        y = last_stub = 0.0
        for row_start in range(0, len(team), 2):
            left, *right = team[row_start : row_start + 2]
            stack.placements.append((left, left_width - widths[left], y))
            stub = y + heights[left] / 2
            stack.segments.append((left_width, stub, spine, stub))
            row_height = heights[left]
            for kid in right:
                stack.placements.append((kid, left_width + self.spacing.gap, y))
                stack.segments.append(
                    (spine, y + heights[kid] / 2, left_width + self.spacing.gap, y + heights[kid] / 2)
                )
                row_height = max(row_height, heights[kid])
            last_stub = max(stub, y + heights[right[0]] / 2) if right else stub
            y += row_height + self.spacing.row_gap
        stack.height = y - self.spacing.row_gap
        stack.segments.append((spine, 0.0, spine, last_stub))
        return stack

    def one_column(self, team: list[int]) -> _Piece:
        spine = self.spacing.indent / 2
        stack = _Piece(0.0, 0.0, spine)
        y = last_stub = 0.0
        for kid in team:
            last_stub = y + self.tree.heights[kid] / 2
            stack.placements.append((kid, self.spacing.indent, y))
            stack.segments.append((spine, last_stub, self.spacing.indent, last_stub))
            stack.width = max(stack.width, self.spacing.indent + self.tree.widths[kid])
            y += self.tree.heights[kid] + self.spacing.row_gap
        stack.height = y - self.spacing.row_gap
        stack.segments.append((spine, 0.0, spine, last_stub))
        return stack

    # -- top-down: absolute positions --------------------------------------------------------

    def place(self) -> ChartLayout:
        top = self.top
        origin: dict[int, tuple[float, float]] = {}
        segments: list[Segment] = []
        _unpack(top, 0.0, 0.0, segments, origin)
        positions: dict[str, tuple[float, float]] = {}
        for index, (node_id, block) in enumerate(zip(self.tree.ids, self.blocks, strict=True)):
            x, y = origin[index]
            positions[node_id] = (x + block.box_x, y)
            if isinstance(block, _Piece):  # not a box alone
                _unpack(block, x, y, segments, origin)
        return ChartLayout(positions, segments, top.width, top.height)


def _unpack(piece: _Piece, x: float, y: float, segments: list[Segment], origin: dict[int, tuple[float, float]]) -> None:
    """Append `piece`'s lines (in the order they were drawn) and its blocks' origins, offset by (x, y).

    Walks the absorbed pieces with a stack of (piece, offset, lines done, absorbed pieces done)."""
    stack = [(piece, x, y, 0, 0)]
    while stack:
        current, dx, dy, done, nested_done = stack.pop()
        if not done and not nested_done:
            for kid, kx, ky in current.placements:
                origin[kid] = (dx + kx, dy + ky)
        if nested_done < len(current.nested):
            upto, nx, ny, inner = current.nested[nested_done]
            stack.append((current, dx, dy, upto, nested_done + 1))
            stack.append((inner, dx + nx, dy + ny, 0, 0))
        else:
            upto = len(current.segments)
        segments.extend([(dx + x1, dy + y1, dx + x2, dy + y2) for x1, y1, x2, y2 in current.segments[done:upto]])
