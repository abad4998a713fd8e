"""The compact layout: teams stacked, managers spread, nothing overlapping, any depth, a bounded aspect."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgdesign.compact import ChartLayout, Spacing, _Layout, _Tree, compact_layout

SPACING = Spacing(gap=20.0, level_gap=40.0, row_gap=16.0, indent=24.0)
HEIGHT = 60.0


def layout_of(children: dict[str, list[str]], roots: list[str], max_aspect: float = 3.0) -> ChartLayout:
    def size(node_id: str) -> tuple[float, float]:
        return 100.0 + 7.0 * (sum(map(ord, node_id)) % 13), HEIGHT

    return compact_layout(roots, children, size, SPACING, max_aspect)


def rectangles(layout: ChartLayout) -> dict[str, tuple[float, float, float, float]]:
    return {
        node_id: (x, y, 100.0 + 7.0 * (sum(map(ord, node_id)) % 13), HEIGHT)
        for node_id, (x, y) in layout.positions.items()
    }


def random_forest(seed: int, size: int) -> tuple[list[str], dict[str, list[str]]]:
    rng = random.Random(seed)
    children: dict[str, list[str]] = {"n0": []}
    roots = ["n0"]
    for index in range(1, size):
        node_id = f"n{index}"
        children[node_id] = []
        if rng.random() < 0.03:
            roots.append(node_id)
        else:
            children[f"n{rng.randrange(index)}"].append(node_id)
    return roots, children


def crosses(segment: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    """Does an axis-aligned segment pass through the inside of a box (touching its edge is fine)?"""
    x1, y1, x2, y2 = segment
    x, y, w, h = box
    low_x, high_x, low_y, high_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
    return low_x < x + w - 0.01 and high_x > x + 0.01 and low_y < y + h - 0.01 and high_y > y + 0.01


@pytest.mark.parametrize("seed", range(6))
def test_no_boxes_overlap_no_line_crosses_a_box_and_everything_is_inside_the_picture(seed):
    roots, children = random_forest(seed, 160)
    layout = layout_of(children, roots)
    boxes = rectangles(layout)
    assert set(boxes) == set(children)
    items = list(boxes.values())
    for index, (x, y, w, h) in enumerate(items):
        assert x >= -0.01 and x + w <= layout.width + 0.01 and y >= -0.01 and y + h <= layout.height + 0.01
        for x2, y2, w2, h2 in items[index + 1 :]:
            assert x + w <= x2 + 0.01 or x2 + w2 <= x + 0.01 or y + h <= y2 + 0.01 or y2 + h2 <= y + 0.01
    for segment in layout.segments:
        assert segment[0] == segment[2] or segment[1] == segment[3]
        assert not [node for node, box in boxes.items() if crosses(segment, box)]


def test_a_team_without_managers_is_stacked_in_two_columns_below_its_manager():
    children = {"boss": [f"ic{i}" for i in range(10)], **{f"ic{i}": [] for i in range(10)}}
    layout = layout_of(children, ["boss"])
    boss_y = layout.positions["boss"][1]
    team = [layout.positions[f"ic{i}"] for i in range(10)]
    rights = {round(x + 100.0 + 7.0 * (sum(map(ord, f"ic{i}")) % 13)) for i, (x, _) in enumerate(team) if i % 2 == 0}
    lefts = {round(x) for i, (x, _) in enumerate(team) if i % 2 == 1}
    assert len(rights) == 1 and len(lefts) == 1  # a column right-aligned and a column left-aligned
    assert len({round(y) for _, y in team}) == 5
    assert all(y > boss_y for _, y in team)
    assert layout.height > layout.width


def test_a_small_team_hangs_in_one_column():
    children = {"boss": ["a", "b", "c"], "a": [], "b": [], "c": []}
    layout = layout_of(children, ["boss"])
    xs = {layout.positions[node][0] for node in "abc"}
    ys = [layout.positions[node][1] for node in "abc"]
    assert len(xs) == 1 and ys == sorted(ys) and len(set(ys)) == 3


def test_managers_with_teams_spread_side_by_side():
    children: dict[str, list[str]] = {"ceo": ["m1", "m2", "m3"]}
    for manager in ("m1", "m2", "m3"):
        children[manager] = [f"{manager}-ic{i}" for i in range(4)]
        children.update({f"{manager}-ic{i}": [] for i in range(4)})
    layout = layout_of(children, ["ceo"])
    rows = {layout.positions[manager][1] for manager in ("m1", "m2", "m3")}
    lefts = [layout.positions[manager][0] for manager in ("m1", "m2", "m3")]
    assert len(rows) == 1 and lefts == sorted(lefts)


def test_a_wide_org_is_folded_until_it_fits_the_aspect_ratio():
    children: dict[str, list[str]] = {"ceo": [f"m{i}" for i in range(60)]}
    for i in range(60):
        children[f"m{i}"] = [f"m{i}-ic{j}" for j in range(5)]
        children.update({f"m{i}-ic{j}": [] for j in range(5)})
    unfolded = layout_of(children, ["ceo"], max_aspect=1000.0)
    folded = layout_of(children, ["ceo"], max_aspect=3.0)
    assert unfolded.width > 3 * unfolded.height
    assert folded.width <= 3 * folded.height


def test_a_ten_thousand_deep_chain_lays_out():
    length = 10_000
    children = {f"p{i}": [f"p{i + 1}"] for i in range(length - 1)}
    children[f"p{length - 1}"] = []
    layout = layout_of(children, ["p0"])
    ys = [layout.positions[f"p{i}"][1] for i in range(length)]
    assert ys == sorted(ys) and len(set(ys)) == length


def test_an_empty_forest_is_an_empty_picture():
    layout = layout_of({}, [])
    assert layout.positions == {} and layout.width == 0 and layout.height == 0


@st.composite
def forests_and_settings(draw: st.DrawFn) -> tuple[_Tree, list[float]]:
    """A small forest (box widths varied, so managers' choices differ) and the spread limits to lay it out at."""
    size = draw(st.integers(1, 40))
    children: dict[str, list[str]] = {f"n{index}": [] for index in range(size)}
    roots = ["n0"]
    for index in range(1, size):
        parent = draw(st.integers(-1, index - 1))
        (children[f"n{parent}"] if parent >= 0 else roots).append(f"n{index}")
    widths = draw(st.lists(st.floats(20.0, 400.0), min_size=size, max_size=size))
    tree = _Tree.collect(roots, children, lambda node_id: (widths[int(node_id[1:])], HEIGHT))
    limits = draw(st.lists(st.sampled_from([math.inf, 32.0, 8.0, 4.0, 2.0, 1.0, 0.5, 0.1]), min_size=2, max_size=8))
    return tree, limits


@given(forests_and_settings())
def test_a_layout_redone_for_another_setting_is_the_layout_made_afresh_for_it(case):
    """The searches redo only the blocks a new setting changes: what they leave must be what a whole pass makes."""
    tree, limits = case
    redone = _Layout(tree, SPACING)
    for limit in limits:
        redone.picture(limit)
        afresh = _Layout(tree, SPACING)
        afresh.picture(limit)
        assert redone.place() == afresh.place()
