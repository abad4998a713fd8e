"""The chart view: the org drawn top-down as boxes joined by lines, like a printed org chart.

It is a Line API widget: `render_line` draws only the lines and columns on screen, so a
chart far larger than the terminal scrolls as cheaply as a small one. Boxes sit in the compact
layout (`chart_layout`), at one of three zoom levels: full boxes, names only, or a dot each. A
big org starts with its first three layers on show; everyone else is a collapsed count under
their manager's box until expanded. The selection moves to the manager, the first report and
the neighbouring colleagues with the arrow keys, and the view scrolls to keep it in sight.
The chart can focus on one manager's subtree (the path up to it is `focus_path`), and colour
its boxes by the worst finding, unit, product or vacancy.

The widget holds no org state of its own beyond what is expanded and who is selected; it
reads the `Org` it was given, and `refresh_people` tells it what an edit touched.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from orgdesign.cycles import CycleWatch
from orgdesign.model import Org
from orgdesign.rules.finding import Severity
from orgdesign.tui.widgets.chart_colours import COLOUR_MODES, ColourBy, Colouring
from orgdesign.tui.widgets.chart_draw import Palette, Scene, draw_line
from orgdesign.tui.widgets.chart_layout import DEFAULT_VIEW, ZOOMS, Box, ChartLayout, Zoom, face_of
from orgdesign.tui.widgets.chart_marks import ChartComparison, ChartMark
from orgdesign.tui.widgets.org_tree import GHOST

BIG_ORG = 300
"""Above this many people the chart opens with only the first layers expanded."""
LAYERS_SHOWN_AT_FIRST = 3


def initially_expanded(org: Org, roots: list[str]) -> set[str]:
    """Everyone with reports in a small org; in a big one, just enough to show the first layers."""
    if len(org) <= BIG_ORG:
        return {pid for pid in org.ids() if org.report_count(pid)}
    expanded: set[str] = set()
    frontier = roots
    for _ in range(LAYERS_SHOWN_AT_FIRST - 1):
        expanded.update(frontier)
        frontier = [report for pid in frontier for report in org.unordered_report_ids(pid)]
    return expanded


class OrgChart(ScrollView, can_focus=True):
    """The org as a scrollable, collapsible box-and-line chart."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "org-chart--line",
        "org-chart--border",
        "org-chart--selected",
        "org-chart--name",
        "org-chart--role",
        "org-chart--dotted",
        "org-chart--marker",
        "org-chart--label",
    }

    DEFAULT_CSS = """
    OrgChart {
        background: $surface;
        & > .org-chart--line { color: $foreground 60%; }
        & > .org-chart--border { color: $foreground 80%; }
        & > .org-chart--selected { background: $accent 35%; }
        & > .org-chart--name { text-style: bold; }
        & > .org-chart--role { color: $text-muted; }
        & > .org-chart--dotted { color: $text-muted; text-style: italic; }
        & > .org-chart--marker { color: $accent; text-style: bold; }
        & > .org-chart--label { background: $panel; color: $foreground; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "select_manager", "Manager", show=False, tooltip="Select the manager", id="chart.manager"),
        Binding(
            "down", "select_first_report", "Reports", show=False, tooltip="Select the first report", id="chart.reports"
        ),
        Binding(
            "left",
            "select_neighbour(-1)",
            "Left",
            show=False,
            tooltip="Select the previous colleague (same manager)",
            id="chart.left",
        ),
        Binding(
            "right",
            "select_neighbour(1)",
            "Right",
            show=False,
            tooltip="Select the next colleague (same manager)",
            id="chart.right",
        ),
        Binding(
            "space,enter",
            "toggle_branch",
            "Collapse/expand",
            tooltip="Collapse or expand the selected subtree",
            id="chart.toggle",
        ),
        Binding(
            "plus,equals_sign", "zoom(-1)", "Zoom in", tooltip="Zoom in: dots, names, full boxes", id="chart.zoom-in"
        ),
        Binding(
            "minus,underscore", "zoom(1)", "Zoom out", tooltip="Zoom out: full boxes, names, dots", id="chart.zoom-out"
        ),
        Binding(
            "z",
            "fit_subtree",
            "Fit subtree",
            tooltip="Zoom so the selected person's subtree fits the view",
            id="chart.fit",
            show=False,
        ),
        Binding(
            "i",
            "focus_selected",
            "Focus on selected",
            tooltip="Show only the selected manager's subtree (breadcrumbs lead back up)",
            id="chart.focus",
        ),
        Binding(
            "backspace,b",
            "focus_up",
            "Focus up",
            tooltip="Focus one manager higher (at the top: the whole org)",
            id="chart.focus-up",
            show=False,
        ),
        Binding(
            "C",
            "cycle_colour",
            "Colour by",
            tooltip="Colour boxes by severity, unit, product or vacancy (shift+c)",
            id="chart.colour",
        ),
    ]

    @dataclass
    class PersonSelected(Message):
        """The user moved the chart's selection to another person."""

        pid: str

    class ViewChanged(Message):
        """The focus, zoom or colour mode changed: breadcrumbs and legend have something new to say."""

    @dataclass
    class RemovedChosen(Message):
        """The user clicked a removed person's box (while comparing): not selectable here, but the
        designer can describe them and offer to bring them back."""

        pid: str

    def __init__(
        self,
        org: Org,
        worst: Callable[[str], Severity | None],
        cycles: CycleWatch | None = None,
        marks: Container[str] = frozenset(),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`cycles`: the reporting cycles, shared with the tree (found here when not given).
        `marks`: the people marked for a bulk edit, shared with the tree (`show_marks` redraws them)."""
        super().__init__(name=name, id=id, classes=classes)
        self.org = org
        self.marks = marks
        self._worst = worst
        self.cycles = cycles or CycleWatch(org)
        roots = self.cycles.roots()
        self._expanded = initially_expanded(org, roots)
        self._selected: str | None = roots[0] if roots else None
        self._zoom = Zoom.BOXES
        self._root: str | None = None
        """Whose subtree alone is shown (None: everyone)."""
        self._view = DEFAULT_VIEW
        """The view's width and height, which the layout is fitted to (known once it has a size)."""
        self.colouring = Colouring(ColourBy.SEVERITY, org, worst)
        self.comparison: ChartComparison | None = None
        """The baseline the org is compared with, whose differences the boxes are marked with."""
        self._laid_out = ChartLayout(org, self._expanded, self.cycles)
        self._outdated = False
        """Whether edits were made while the chart was hidden: it is laid out again when next read
        (drawn, shown, asked for a box), not patched or laid out once per edit nobody saw (a product
        set on 1,000 people redrew 1,000 box faces)."""
        self.virtual_size = Size(self._laid_out.width, self._laid_out.height)

    # -- public API ------------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def chart_layout(self) -> ChartLayout:
        """What is laid out now (for tests and for whoever needs box positions)."""
        return self._layout

    @property
    def zoom(self) -> Zoom:
        return self._zoom

    @property
    def focus_root(self) -> str | None:
        """Whose subtree alone is shown (None: everyone)."""
        return self._root

    def focus_path(self) -> list[str]:
        """From a top down to the focused manager (empty when the whole org is shown)."""
        if self._root is None:
            return []
        return self.cycles.path_from_root(self._root) or [self._root]

    def is_expanded(self, pid: str) -> bool:
        return pid in self._expanded

    def focus_on(self, pid: str | None) -> None:
        """Show only `pid`'s subtree (None: the whole org); the selection stays if it is inside."""
        if pid is not None and pid not in self.org:
            return
        self._root = pid
        if pid is not None and self.org.report_count(pid):
            self._expanded.add(pid)
        self._relayout()
        if self._selected not in self._layout.boxes:
            self._selected = pid if pid is not None else self._fallback_selection(self._layout)
            if self._selected is not None:
                self.post_message(self.PersonSelected(self._selected))
        self._scroll_to_selected(center=True)
        self.post_message(self.ViewChanged())

    def set_zoom(self, zoom: Zoom) -> None:
        if zoom is not self._zoom:
            self._zoom = zoom
            self._relayout()
            self.post_message(self.ViewChanged())
        self._scroll_to_selected(center=True)

    def select(self, pid: str) -> None:
        """Select `pid`, expanding their managers if needed, and scroll them into view.

        Does not post `PersonSelected`: the caller already knows.
        """
        path = self.cycles.path_from_root(pid)
        if path is None:
            return
        if self._root is not None and self._root not in path:
            self._root = None  # someone outside the focus was chosen (a search, the tree): show everyone
            self._relayout()
            self.post_message(self.ViewChanged())
        hidden_managers = [manager for manager in path[:-1] if manager not in self._expanded]
        if hidden_managers:
            self._expanded.update(hidden_managers)
            self._relayout()
        if self._outdated:  # hidden: whoever shows the chart selects again, once it is laid out
            self._selected = pid
            return
        if pid in self._layout.boxes:
            self._selected = pid
            self.refresh()
            self._scroll_to_selected()

    def refresh_people(self, touched: set[str]) -> None:
        """Redraw after an edit that touched `touched`; lays out again only if the shape changed,
        and while the chart is hidden (the tree is shown) only when it is next read."""
        view_changed = self.colouring.notice(self.org.get(pid) for pid in touched)
        if self._root is not None and self._root not in self.org:
            self._root = None
            view_changed = True
        if view_changed:
            self.post_message(self.ViewChanged())
        cycles_changed = bool(self.cycles.update(touched))  # first: the shape is judged against it
        if self._outdated or self._hidden:
            self._open_for_first_reports(touched)
            self._outdated = True  # nobody sees the boxes: lay them out when next read, not per edit
            return
        previous = self._laid_out
        reshaped = self._shape_changed(touched) or cycles_changed or not self._patch_texts(touched)
        if reshaped and not self._relayout():
            return
        self._keep_a_selection(previous)
        self.refresh()
        self._scroll_to_selected()

    @property
    def _hidden(self) -> bool:
        """Whether the chart is out of view (the views switcher shows the tree)."""
        return any(not node.display for node in self.ancestors_with_self)

    @property
    def _layout(self) -> ChartLayout:
        """The boxes as laid out for the org as it is now."""
        if self._outdated:
            previous = self._laid_out
            self._lay_out_now()
            self._keep_a_selection(previous)
        return self._laid_out

    def _keep_a_selection(self, previous: ChartLayout) -> None:
        if self._selected not in self._laid_out.boxes:
            self._selected = self._fallback_selection(previous)

    def show_marks(self) -> None:
        """Redraw after someone was marked or unmarked for a bulk edit (the boxes stay where they are)."""
        self.refresh()

    def compare(self, comparison: ChartComparison | None, removed_under: Collection[str | None] | None = None) -> None:
        """Mark each box with how it differs from `comparison`'s baseline (None: stop marking) and
        draw the removed people at their old places; called again after every edit, as the
        differences change. `removed_under`: the people whose removed people changed (None: anyone's)."""
        self.comparison = comparison
        if removed_under is None or any(self._shows_removed_under(key) for key in removed_under):
            previous = self._layout
            if self._relayout():
                self._keep_a_selection(previous)
        self.refresh()
        self.post_message(self.ViewChanged())

    def _shows_removed_under(self, key: str | None) -> bool:
        return self._root is None if key is None else key in self._layout.boxes

    def on_mount(self) -> None:
        self._scroll_to_selected(center=True)

    def on_resize(self) -> None:
        """Lay out again for the view's new shape (a tall, narrow view hangs more reports in columns)."""
        width, height = self.size
        if width and height and (width, height) != self._view:
            self._view = (width, height)
            self._relayout()
            self._scroll_to_selected(center=True)

    # -- keys and mouse --------------------------------------------------------------------

    def action_select_manager(self) -> None:
        box = self._selected_box()
        if box is not None and box.parent is not None:
            self._move_to(box.parent)

    def action_select_first_report(self) -> None:
        box = self._selected_box()
        if box is None:
            return
        if not box.children and self.org.report_count(box.pid):
            self._toggle(box.pid)
            box = self._layout.boxes[box.pid]
        if box.children:
            self._move_to(box.children[0])

    def action_select_neighbour(self, step: int) -> None:
        box = self._selected_box()
        if box is not None:
            neighbour = self._layout.neighbour(box.pid, step)
            if neighbour is not None:
                self._move_to(neighbour)

    def action_toggle_branch(self) -> None:
        if self._selected is not None:
            self._toggle(self._selected)
            self._scroll_to_selected()

    def action_zoom(self, step: int) -> None:
        index = min(max(ZOOMS.index(self._zoom) + step, 0), len(ZOOMS) - 1)
        self.set_zoom(ZOOMS[index])

    def action_fit_subtree(self) -> None:
        """The most detailed zoom at which the selected person and everyone shown below fit the view."""
        if self._selected is None:
            return
        fitting = Zoom.DOTS
        for zoom in ZOOMS:
            layout = ChartLayout(self.org, self._expanded, self.cycles, zoom, self._root, self._view)
            left, top, right, bottom = layout.subtree_extent(self._selected)
            if right - left <= self.size.width and bottom - top <= self.size.height:
                fitting = zoom
                break
        self.set_zoom(fitting)
        left, top, right, bottom = self._layout.subtree_extent(self._selected)
        self.call_after_refresh(
            self.scroll_to_region, Region(left, top, right - left, bottom - top), animate=False, immediate=True
        )

    def action_focus_selected(self) -> None:
        """Focus on the selected manager (on someone without reports: on their manager)."""
        box = self._selected_box()
        if box is None:
            return
        target = box.pid if self.org.report_count(box.pid) or box.parent is None else box.parent
        self.focus_on(target)

    def action_focus_up(self) -> None:
        if self._root is not None:
            self.focus_on(self.cycles.shown_manager(self._root))

    def action_cycle_colour(self) -> None:
        mode = COLOUR_MODES[(COLOUR_MODES.index(self.colouring.mode) + 1) % len(COLOUR_MODES)]
        self.colouring = Colouring(mode, self.org, self._worst)
        self.refresh()
        self.post_message(self.ViewChanged())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        box = self._layout.box_at(offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y)
        if box is not None and box.pid.startswith(GHOST):
            self.post_message(self.RemovedChosen(box.pid.removeprefix(GHOST)))
        elif box is not None:
            self._move_to(box.pid)

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if not self._layout.boxes:
            return self._empty_line(y, width)
        return draw_line(self._scene(), scroll_y + y, scroll_x, width)

    def _empty_line(self, y: int, width: int) -> Strip:
        text = "No one to draw: add a person to start the chart." if y == 0 else ""
        return Strip([Segment(text, self.rich_style)]).crop_extend(0, width, self.rich_style)

    def _scene(self) -> Scene:
        return Scene(
            layout=self._layout,
            palette=self._palette(),
            selected=self._selected,
            worst=self._worst,
            colour=self.colouring.style_of,
            hidden_reports=self._hidden_reports,
            mark=self._mark,
            marked=self.marks.__contains__,
        )

    def _palette(self) -> Palette:
        style = self.get_component_rich_style
        return Palette(
            base=self.rich_style,
            line=style("org-chart--line"),
            border=style("org-chart--border"),
            selected=Style(bgcolor=style("org-chart--selected").bgcolor),
            name=style("org-chart--name"),
            role=style("org-chart--role"),
            dotted=style("org-chart--dotted"),
            marker=style("org-chart--marker"),
            label=style("org-chart--label"),
        )

    def _mark(self, pid: str) -> ChartMark | None:
        return None if self.comparison is None else self.comparison.chart_mark(pid)

    def _hidden_reports(self, pid: str) -> int:
        return 0 if pid in self._expanded else self.org.report_count(pid)

    # -- internals -------------------------------------------------------------------------

    def _selected_box(self) -> Box | None:
        return self._layout.boxes.get(self._selected) if self._selected is not None else None

    def _move_to(self, pid: str) -> None:
        self._selected = pid
        self.refresh()
        self._scroll_to_selected()
        self.post_message(self.PersonSelected(pid))

    def _toggle(self, pid: str) -> None:
        if pid in self._expanded:
            self._expanded.discard(pid)
        elif self.org.report_count(pid):
            self._expanded.add(pid)
        else:
            return
        self._relayout()

    def _relayout(self) -> bool:
        """Lay the boxes out again; while the chart is hidden, only once it is next read (False)."""
        if self._hidden:
            self._outdated = True
            return False
        self._lay_out_now()
        return True

    def _lay_out_now(self) -> None:
        self._outdated = False
        removed = self.comparison.ghosts_under() if self.comparison is not None else None
        self._laid_out = ChartLayout(self.org, self._expanded, self.cycles, self._zoom, self._root, self._view, removed)
        self.virtual_size = Size(self._laid_out.width, self._laid_out.height)
        self.refresh()

    def _scroll_to_selected(self, *, center: bool = False) -> None:
        """Scroll the least needed to show the selected box (or put it in the middle)."""
        box = self._selected_box()
        if box is None:
            return
        region = Region(box.left, box.top, box.width, box.height)

        def scroll() -> None:
            self.scroll_to_region(region, spacing=Spacing(1, 2, 1, 2), center=center, animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def _fallback_selection(self, previous: ChartLayout) -> str | None:
        """Where the selection goes when the selected person left the chart: up the old chain."""
        old = self._selected
        while old is not None and old not in self._laid_out.boxes:
            box = previous.boxes.get(old)
            old = box.parent if box is not None else None
        if old is not None:
            return old
        roots = self._laid_out.roots
        return roots[0] if roots else None

    def _shape_changed(self, touched: set[str]) -> bool:
        """Whether an edit on `touched` changed who is on show or who sits under whom."""
        self._open_for_first_reports(touched)
        for pid in touched:
            box = self._layout.boxes.get(pid)
            person = self.org.get(pid)
            if box is None:
                if person is not None and self._newly_visible(pid):
                    return True
                continue
            if person is None:
                return True
            if box.parent != (None if pid == self._root else self.cycles.shown_manager(pid)):
                return True
            shown = tuple(self.cycles.reports(pid)) if pid in self._expanded else ()
            if box.children != shown:
                return True
        return False

    def _newly_visible(self, pid: str) -> bool:
        """Whether a person the chart does not show yet should appear now: a new top (or
        cycle entry) does; so does anyone under an expanded manager on show."""
        manager = self.org.manager(pid)
        if manager is None or pid in self.cycles.entries:
            return pid in self.cycles.roots()
        return manager.id in self._layout.boxes and manager.id in self._expanded

    def _open_for_first_reports(self, touched: set[str]) -> None:
        """Expand each manager on show, collapsed, whose reports all came with the edit that
        touched `touched` (they had none before), so that their first reports appear rather than
        vanish under a collapsed box.

        "On show" as last laid out: while the chart is hidden, that is before earlier edits too.
        They are looked for among the fewer of the boxes on show and the managers of the people
        touched: a bulk edit touches 2,000 people, the chart shows tens.
        """
        org, boxes = self.org, self._laid_out.boxes
        if len(boxes) < len(touched):
            candidates: Iterable[str] = boxes
        else:
            candidates = {manager for pid in touched if pid in org and (manager := org.manager_id(pid)) is not None}
        for manager in candidates:
            if (
                manager in boxes
                and manager not in self._expanded
                and manager in org
                and org.report_count(manager)
                and all(report in touched for report in org.unordered_report_ids(manager))
            ):
                self._expanded.add(manager)

    def _patch_texts(self, touched: set[str]) -> bool:
        """Refresh the texts of touched boxes in place; False if a box changed size."""
        boxes = self._layout.boxes
        around = set(touched)
        for pid in touched:
            if pid in self.org:
                around.update(self.org.dotted_report_ids(pid))
        for pid in around:
            box = boxes.get(pid)
            if box is None:
                continue
            face = face_of(self.org, self.org[pid], self._zoom)
            if face.width != box.width or face.height != box.height:
                return False
            self._layout.show_face(pid, face)
        return True
