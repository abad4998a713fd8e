"""A tidy top-down tree layout with boxes of different widths, in linear time.

This is Walker's algorithm as improved by Buchheim, Jünger and Leipert ("Improving Walker's
Algorithm to Run in Linear Time", 2002): a post-order pass places every subtree as close to
its left siblings as the contours allow (following threads instead of walking whole
contours, and spreading shifts over the siblings in between lazily), then a pre-order pass
adds up the modifiers into final positions.

Both passes run over arrays in pre-order and reverse pre-order instead of recursing, so a
10,000-deep chain and a 20,000-wide fan lay out like any other tree. Several roots become
the children of one invisible root, which places them side by side for free.

Positions are computed for box centres (so that separations are symmetric in the widths of
the two neighbours) and returned as left edges, with the leftmost box at 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_NONE = -1


def tidy_layout(
    roots: Sequence[str],
    children: Callable[[str], Sequence[str]],
    width: Callable[[str], float],
    gap: float,
) -> dict[str, tuple[float, int]]:
    """Lay out the forest under `roots`: id -> (x of the node's left edge, depth).

    `children(id)` lists a node's children left to right; `width(id)` is its box width;
    `gap` is the least horizontal space between two boxes on the same depth. Parents are
    centred over their first and last child. A node reachable twice (a malformed input) is
    placed once, where it is first met.
    """
    tree = _Tree.collect(roots, children)
    widths = [0.0] + [float(width(node_id)) for node_id in tree.ids[1:]]
    centres = _Walker(tree, widths, float(gap)).centres()
    lefts = [centres[i] - widths[i] / 2 for i in range(1, len(tree.ids))]
    leftmost = min(lefts, default=0.0)
    return {tree.ids[i]: (lefts[i - 1] - leftmost, tree.depth[i]) for i in range(1, len(tree.ids))}


class _Tree:
    """The forest in pre-order, indexed by position; index 0 is the invisible root."""

    def __init__(self) -> None:
        self.ids: list[str] = [""]
        self.parent: list[int] = [_NONE]
        self.kids: list[list[int]] = [[]]
        self.number: list[int] = [0]
        """1-based position among siblings."""
        self.depth: list[int] = [-1]

    @classmethod
    def collect(cls, roots: Sequence[str], children: Callable[[str], Sequence[str]]) -> _Tree:
        tree = cls()
        seen: set[str] = set()
        stack: list[tuple[str, int]] = [(root, 0) for root in reversed(roots)]
        while stack:
            node_id, parent = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            index = tree.add(node_id, parent)
            stack.extend((child, index) for child in reversed(children(node_id)))
        return tree

    def add(self, node_id: str, parent: int) -> int:
        index = len(self.ids)
        self.ids.append(node_id)
        self.parent.append(parent)
        self.kids.append([])
        siblings = self.kids[parent]
        siblings.append(index)
        self.number.append(len(siblings))
        self.depth.append(self.depth[parent] + 1)
        return index


class _Walker:
    """The two passes of the algorithm, with the per-node state it keeps in arrays."""

    def __init__(self, tree: _Tree, widths: list[float], gap: float) -> None:
        size = len(tree.ids)
        self.tree = tree
        self.widths = widths
        self.gap = gap
        self.prelim = [0.0] * size
        self.mod = [0.0] * size
        self.shift = [0.0] * size
        self.change = [0.0] * size
        self.thread = [_NONE] * size
        self.ancestor = list(range(size))
        self.midpoint = [0.0] * size

    def centres(self) -> list[float]:
        self.first_walk()
        return self.second_walk()

    def distance(self, left: int, right: int) -> float:
        """How far apart the centres of two neighbouring boxes must be."""
        return (self.widths[left] + self.widths[right]) / 2 + self.gap

    def first_walk(self) -> None:
        """Place every subtree relative to its parent, deepest nodes first."""
        for v in range(len(self.tree.ids) - 1, -1, -1):
            kids = self.tree.kids[v]
            if not kids:
                continue
            default_ancestor = kids[0]
            for w in kids:
                self.place_among_left_siblings(w)
                default_ancestor = self.apportion(w, default_ancestor)
            self.execute_shifts(v)
            self.midpoint[v] = (self.prelim[kids[0]] + self.prelim[kids[-1]]) / 2

    def place_among_left_siblings(self, v: int) -> None:
        """The tail of Walker's FirstWalk(v): put v next to its left sibling, or under its parent."""
        number = self.tree.number[v]
        if number == 1:
            self.prelim[v] = self.midpoint[v]
            return
        left = self.tree.kids[self.tree.parent[v]][number - 2]
        self.prelim[v] = self.prelim[left] + self.distance(left, v)
        if self.tree.kids[v]:
            self.mod[v] = self.prelim[v] - self.midpoint[v]

    def next_left(self, v: int) -> int:
        kids = self.tree.kids[v]
        return kids[0] if kids else self.thread[v]

    def next_right(self, v: int) -> int:
        kids = self.tree.kids[v]
        return kids[-1] if kids else self.thread[v]

    def apportion(self, v: int, default_ancestor: int) -> int:
        """Push v's subtree right until it clears every subtree to its left, level by level."""
        number = self.tree.number[v]
        if number == 1:
            return default_ancestor
        siblings = self.tree.kids[self.tree.parent[v]]
        prelim, mod = self.prelim, self.mod
        v_in_right = v_out_right = v
        v_in_left = siblings[number - 2]
        v_out_left = siblings[0]
        s_in_right, s_out_right = mod[v_in_right], mod[v_out_right]
        s_in_left, s_out_left = mod[v_in_left], mod[v_out_left]
        while True:
            next_in_left = self.next_right(v_in_left)
            next_in_right = self.next_left(v_in_right)
            if next_in_left == _NONE or next_in_right == _NONE:
                break
            v_in_left, v_in_right = next_in_left, next_in_right
            v_out_left = self.next_left(v_out_left)
            v_out_right = self.next_right(v_out_right)
            self.ancestor[v_out_right] = v
            shift = (prelim[v_in_left] + s_in_left) - (prelim[v_in_right] + s_in_right)
            shift += self.distance(v_in_left, v_in_right)
            if shift > 0:
                self.move_subtree(self.ancestor_of(v_in_left, v, default_ancestor), v, shift)
                s_in_right += shift
                s_out_right += shift
            s_in_left += mod[v_in_left]
            s_in_right += mod[v_in_right]
            s_out_left += mod[v_out_left]
            s_out_right += mod[v_out_right]
        if self.next_right(v_in_left) != _NONE and self.next_right(v_out_right) == _NONE:
            self.thread[v_out_right] = self.next_right(v_in_left)
            mod[v_out_right] += s_in_left - s_out_right
        if self.next_left(v_in_right) != _NONE and self.next_left(v_out_left) == _NONE:
            self.thread[v_out_left] = self.next_left(v_in_right)
            mod[v_out_left] += s_in_right - s_out_left
            default_ancestor = v
        return default_ancestor

    def ancestor_of(self, v_in_left: int, v: int, default_ancestor: int) -> int:
        """The left sibling of v whose subtree holds v_in_left (or the default guess)."""
        candidate = self.ancestor[v_in_left]
        if self.tree.parent[candidate] == self.tree.parent[v]:
            return candidate
        return default_ancestor

    def move_subtree(self, left: int, right: int, shift: float) -> None:
        """Shift `right`'s subtree now; record the share of the siblings between for later."""
        subtrees = self.tree.number[right] - self.tree.number[left]
        self.change[right] -= shift / subtrees
        self.shift[right] += shift
        self.change[left] += shift / subtrees
        self.prelim[right] += shift
        self.mod[right] += shift

    def execute_shifts(self, v: int) -> None:
        """Apply the shares of shifts recorded by `move_subtree` to v's children."""
        shift = change = 0.0
        for w in reversed(self.tree.kids[v]):
            self.prelim[w] += shift
            self.mod[w] += shift
            change += self.change[w]
            shift += self.shift[w] + change

    def second_walk(self) -> list[float]:
        """Final centre of every node: its prelim plus the modifiers of all its ancestors."""
        size = len(self.tree.ids)
        offset = [0.0] * size
        centres = [0.0] * size
        parent = self.tree.parent
        for v in range(1, size):
            offset[v] = offset[parent[v]] + self.mod[parent[v]]
            centres[v] = self.prelim[v] + offset[v]
        return centres
