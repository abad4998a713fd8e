"""The chart's layout in cells: fitted to the view, no overlaps, every report joined to their manager."""

from __future__ import annotations

import random

import pytest

from orgdesign.compact import Spacing, compact_layout
from orgdesign.cycles import CycleWatch
from orgdesign.model import Org, Person
from orgdesign.tui.widgets.chart_layout import LEFT_SIDE, TOP_SIDE, ChartLayout, Zoom

from .test_chart import fan_org


def random_org(seed: int, size: int) -> Org:
    rng = random.Random(seed)
    people = [Person("p0", "Top", "ceo")]
    for index in range(1, size):
        name = " ".join(rng.choice(["Al", "Bea", "Chandrasekhar", "Dee", "Eun-ji"]) for _ in range(rng.randint(1, 3)))
        title = rng.choice([None, "VP", "Director of Product Operations and Strategy"])
        people.append(Person(f"p{index}", name, "pm", title=title, reports_to=f"p{rng.randrange(index)}"))
    return Org("Random", people)


def everyone_expanded(org: Org) -> set[str]:
    return {pid for pid in org.ids() if org.report_count(pid)}


@pytest.mark.parametrize("zoom", list(Zoom))
@pytest.mark.parametrize("seed", range(3))
def test_boxes_never_overlap_and_every_report_is_joined_to_their_manager(seed, zoom):
    org = random_org(seed, 120)
    layout = ChartLayout(org, everyone_expanded(org), CycleWatch(org), zoom, view=(120, 40))
    cells: dict[tuple[int, int], str] = {}
    for box in layout.boxes.values():
        for y in range(box.top, box.bottom):
            for x in range(box.left, box.right):
                assert (x, y) not in cells, f"{box.pid} overlaps {cells[(x, y)]}"
                cells[(x, y)] = box.pid
    lines = {(x, y) for y in range(layout.height) for x, _ in layout.line_cells(y, 0, layout.width)}
    for box in layout.boxes.values():
        if box.children:
            below = [(x, box.bottom) for x in range(box.left, box.right)]
            assert any(cell in lines for cell in below), f"no line leaves {box.pid} for their reports"
        if box.parent is None:
            continue
        above = [(x, box.top - 1) for x in range(box.left, box.right)]
        beside = [(box.left - 1, y) for y in range(box.top, box.bottom)]
        assert any(cell in lines for cell in above + beside), f"{box.pid} has no line to it"
        if zoom is Zoom.BOXES:
            sides = {layout.tees.get((x, box.top)) for x in range(box.left, box.right)}
            sides.add(layout.tees.get((box.left, box.top + box.height // 2)))
            assert sides & {TOP_SIDE, LEFT_SIDE}, f"{box.pid}'s border shows where the line joins"


def test_the_layout_is_fitted_to_the_view_it_is_given():
    org = fan_org(60, span=12)
    expanded = everyone_expanded(org)
    wide = ChartLayout(org, expanded, CycleWatch(org), Zoom.NAMES, view=(200, 20))
    tall = ChartLayout(org, expanded, CycleWatch(org), Zoom.NAMES, view=(40, 60))
    assert wide.width > tall.width and wide.height < tall.height
    assert tall.width <= 40 + 2, "a narrow view gets a picture about as narrow"


def test_a_view_picks_the_setting_that_overflows_it_least():
    children = {"top": [f"m{i}" for i in range(8)]}
    for i in range(8):
        children[f"m{i}"] = [f"m{i}-{j}" for j in range(5)]
    spacing = Spacing(gap=2, level_gap=1, row_gap=0, indent=3)

    def layout(view: tuple[float, float]) -> tuple[float, float]:
        placed = compact_layout(["top"], children, lambda _: (9.0, 3.0), spacing, 3.0, view=view)
        return placed.width, placed.height

    wide_width, wide_height = layout((400, 30))
    tall_width, _ = layout((30, 400))
    assert wide_width > 8 * 9 and wide_height <= 30, "a wide view gets the managers in a row"
    assert tall_width < 40, "a tall view gets them hanging in a column"
