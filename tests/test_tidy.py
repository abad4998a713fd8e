"""The tidy tree layout: no overlaps, parents centred, any depth or width, several roots."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from orgdesign.tidy import tidy_layout

EPSILON = 1e-6


def forest(parents: list[int | None]) -> tuple[list[str], dict[str, list[str]]]:
    """Roots and children of the forest where node i hangs under parents[i] (None: a root)."""
    roots: list[str] = []
    children: dict[str, list[str]] = {str(i): [] for i in range(len(parents))}
    for i, parent in enumerate(parents):
        (roots if parent is None else children[str(parent)]).append(str(i))
    return roots, children


@st.composite
def forests(draw: st.DrawFn) -> tuple[list[str], dict[str, list[str]], dict[str, int], int]:
    size = draw(st.integers(min_value=1, max_value=60))
    parents: list[int | None] = [None]
    for i in range(1, size):
        parent = draw(st.integers(min_value=-1, max_value=i - 1))
        parents.append(None if parent == -1 else parent)
    roots, children = forest(parents)
    widths = {node: draw(st.integers(min_value=1, max_value=30)) for node in children}
    gap = draw(st.integers(min_value=0, max_value=5))
    return roots, children, widths, gap


def assert_no_overlaps(layout: dict[str, tuple[float, int]], widths: dict[str, float], gap: float) -> None:
    rows: dict[int, list[str]] = defaultdict(list)
    for node, (_, depth) in layout.items():
        rows[depth].append(node)
    for row in rows.values():
        row.sort(key=lambda node: layout[node][0])
        for left, right in pairwise(row):
            space = layout[right][0] - (layout[left][0] + widths[left])
            assert space >= gap - EPSILON, f"{left} and {right} are {space} apart, want {gap}"


def centre(layout: dict[str, tuple[float, int]], widths: dict[str, float], node: str) -> float:
    return layout[node][0] + widths[node] / 2


@given(forests())
def test_random_forests_have_no_overlaps_and_centred_parents(case) -> None:
    roots, children, widths, gap = case
    layout = tidy_layout(roots, children.__getitem__, widths.__getitem__, gap)

    assert set(layout) == set(children)
    assert min(x for x, _ in layout.values()) == 0
    assert_no_overlaps(layout, widths, gap)
    for node, kids in children.items():
        if kids:
            middle = (centre(layout, widths, kids[0]) + centre(layout, widths, kids[-1])) / 2
            assert abs(centre(layout, widths, node) - middle) < EPSILON
        for left, right in pairwise(kids):
            assert layout[left][0] < layout[right][0], "siblings keep their order"
        for kid in kids:
            assert layout[kid][1] == layout[node][1] + 1


def test_depths_count_from_each_root() -> None:
    roots, children = forest([None, 0, 1, None, 3])
    layout = tidy_layout(roots, children.__getitem__, lambda _: 4, 1)
    assert {node: depth for node, (_, depth) in layout.items()} == {"0": 0, "1": 1, "2": 2, "3": 0, "4": 1}


def test_a_10000_deep_chain_is_one_straight_column() -> None:
    depth = 10_000
    roots, children = forest([None, *range(depth - 1)])
    layout = tidy_layout(roots, children.__getitem__, lambda _: 10, 2)
    assert len(layout) == depth
    assert {x for x, _ in layout.values()} == {0}
    assert layout[str(depth - 1)][1] == depth - 1


def test_a_20000_wide_fan_packs_leaves_at_the_gap_under_a_centred_parent() -> None:
    fan = 20_000
    roots, children = forest([None] + [0] * fan)
    layout = tidy_layout(roots, children.__getitem__, lambda _: 10, 2)
    leaves = children["0"]
    assert [layout[leaf][0] for leaf in leaves] == [12 * i for i in range(fan)]
    assert layout["0"][0] == (12 * (fan - 1)) / 2


def test_several_roots_sit_side_by_side_without_overlapping() -> None:
    roots, children = forest([None, 0, 0, None, 3, 3, 3, None])
    widths = {node: 6 for node in children}
    layout = tidy_layout(roots, children.__getitem__, widths.__getitem__, 2)
    assert_no_overlaps(layout, widths, 2)
    assert layout["0"][0] < layout["3"][0] < layout["7"][0]
    # The two subtrees are packed: the second one's leftmost child starts right after the first's last.
    assert layout["4"][0] == layout["2"][0] + 6 + 2


def test_small_subtrees_between_big_ones_are_spread_evenly() -> None:
    # Root with children: a wide subtree, two leaves, another wide subtree. Walker's
    # algorithm shares the extra room out between the leaves instead of piling them left.
    parents: list[int | None] = [None, 0, 0, 0, 0] + [1] * 5 + [4] * 5
    roots, children = forest(parents)
    layout = tidy_layout(roots, children.__getitem__, lambda _: 4, 1)
    xs = [layout[node][0] for node in children["0"]]
    steps = [b - a for a, b in pairwise(xs)]
    assert max(steps) - min(steps) < EPSILON


def test_a_node_reached_twice_is_placed_once() -> None:
    children = {"a": ["b", "c"], "b": ["c"], "c": ["a"]}
    layout = tidy_layout(["a"], children.__getitem__, lambda _: 3, 1)
    assert set(layout) == {"a", "b", "c"}


def test_an_empty_forest_has_an_empty_layout() -> None:
    assert tidy_layout([], lambda _: [], lambda _: 1, 1) == {}
