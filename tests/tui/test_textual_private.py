"""orgdesign/tui/textual_private.py is the only code that uses Textual's private names: these
tests fail loudly, naming what changed, when a Textual release renames or reshapes them."""

from __future__ import annotations

import ast
import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.style import Style as RichStyle
from rich.text import Text
from textual import content as textual_content
from textual._compositor import Compositor
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea, Tree
from textual.widgets._tree import _TreeLine
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from orgdesign.tui.text import show_text
from orgdesign.tui.textual_private import (
    AppWithCrashHooks,
    BatchingTree,
    LineKeepingTree,
    OneLayoutScroll,
    OneLayoutStatic,
    QuicklyMeasuredContent,
    SteadyOptionList,
    has_children,
    normalize_key_list,
)

from .conftest import screen_text

TUI = Path(__file__).resolve().parents[2] / "orgdesign" / "tui"


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def record_calls(
    monkeypatch: pytest.MonkeyPatch, owner: type, name: str, note: Callable[..., object] = lambda widget, *_: widget
) -> list[object]:
    """From now on, each call of `owner.name` is noted (as `note(self, *arguments)`) and then made."""
    original = getattr(owner, name)
    noted: list[object] = []

    def recording(self: object, *arguments: object) -> object:
        noted.append(note(self, *arguments))
        return original(self, *arguments)

    monkeypatch.setattr(owner, name, recording)
    return noted


def test_textual_still_has_the_private_error_handlers_the_crash_hooks_override():
    handle = App.__dict__.get("_handle_exception")
    fatal = App.__dict__.get("_fatal_error")
    assert handle is not None, "Textual renamed App._handle_exception: move AppWithCrashHooks to its new hook"
    assert fatal is not None, "Textual renamed App._fatal_error: move AppWithCrashHooks to its new hook"
    assert list(inspect.signature(handle).parameters) == ["self", "error"]
    assert list(inspect.signature(fatal).parameters) == ["self"]


async def test_an_unexpected_error_reaches_both_hooks_and_stops_the_app_with_an_error_code():
    told: list[str] = []

    class Exploding(AppWithCrashHooks[None]):
        def before_crash(self) -> None:
            told.append("before")

        def crash_message(self) -> Text:
            told.append("message")
            return Text("stopped on purpose")

        def on_mount(self) -> None:
            raise RuntimeError("an internal error")

    app = Exploding()
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await pilot.pause()
    assert told == ["before", "message"]
    assert app.return_code == 1


def test_textual_trees_still_invalidate_through_the_private_method_batching_tree_defers():
    invalidate = Tree.__dict__.get("_invalidate")
    assert invalidate is not None, "Textual renamed Tree._invalidate: move BatchingTree to its new hook"
    assert list(inspect.signature(invalidate).parameters) == ["self"]


async def test_a_batch_of_tree_changes_invalidates_once_and_shows_every_change(monkeypatch: pytest.MonkeyPatch):
    class OneTree(App[None]):
        def compose(self):
            yield BatchingTree[str]("root")

    app = OneTree()
    async with app.run_test() as pilot:
        tree = app.query_one(BatchingTree)
        invalidated = record_calls(monkeypatch, Tree, "_invalidate")
        with tree.batched_changes():
            for number in range(5):
                tree.root.add_leaf(f"leaf {number}")
            tree.root.expand()
        assert len(invalidated) == 1
        await pilot.pause()
        assert tree.last_line == 5 and str(tree.get_node_at_line(5).label) == "leaf 4"
        tree.root.add_leaf("outside a batch")
        assert len(invalidated) == 2


def test_textual_trees_still_draw_and_key_their_lines_through_the_private_names_the_line_keeping_tree_reads():
    render = Tree.__dict__.get("_render_line")
    assert render is not None, "Textual renamed Tree._render_line: move LineKeepingTree to its new hook"
    assert list(inspect.signature(render).parameters) == ["self", "y", "x1", "x2", "base_style"]
    assert 'meta={"line": y}' in inspect.getsource(render), "Tree stopped numbering its lines' cells: renumbering"
    tree = Tree[str]("root")
    node = tree.root.add_leaf("leaf")
    assert isinstance(node._updates, int), "Textual renamed TreeNode._updates: LineKeepingTree keys lines by it"
    before = node._updates
    node.set_label("renamed")
    assert node._updates > before, "TreeNode._updates stopped counting label changes: kept lines would go stale"
    tree.root.expand()
    line = tree._tree_lines[1]  # line 0 is the root
    assert line.path == [tree.root, node] and line.last is True
    assert "self._pseudo_class_state =" in inspect.getsource(Tree.render_lines), "Tree stopped noting its state"


def guides_and_labels(app: App) -> list[str]:
    return [line.rstrip() for line in screen_text(app).splitlines() if line.strip()]


def line_label(tree: Tree[str], y: int, *_: object) -> str | None:
    """The label on line `y` of `tree` (None past its last line)."""
    return str(tree._tree_lines[y].node.label) if y < len(tree._tree_lines) else None


class TeamTree(App[None]):
    tree_class: type[Tree[str]] = LineKeepingTree

    def compose(self) -> ComposeResult:
        tree = self.tree_class("org")
        tree.show_root = False
        yield tree

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        for name in ("Ada", "Ben"):
            manager = tree.root.add(name, expand=True)
            for report in range(3):
                manager.add_leaf(f"{name} report {report}")


async def test_a_line_keeping_tree_draws_again_only_the_lines_a_change_altered(monkeypatch: pytest.MonkeyPatch):
    app = TeamTree()
    async with app.run_test(size=(40, 12)) as pilot:
        tree = app.query_one(LineKeepingTree)
        await pilot.pause()
        drawn = record_calls(monkeypatch, Tree, "_render_line", line_label)
        ada, ben = tree.root.children
        ben.add_leaf("Ben report 3")  # a structural change: Tree itself would draw every line again
        await pilot.pause()
        lines = guides_and_labels(app)
        assert lines[7:9] == ["├── Ben report 2", "└── Ben report 3"]  # the old last report's guide changed
        assert set(drawn) - {None} == {
            "Ben",
            "Ben report 2",
            "Ben report 3",
        }  # the rest of the team and all above: kept
        drawn.clear()
        ada.children[0].set_label("Ada's first report")
        await pilot.pause()
        assert [label for label in drawn if label] == ["Ada's first report"]
        assert lines[1] == "├── Ada report 0" and guides_and_labels(app)[1] == "├── Ada's first report"
        tree.focus()
        tree.move_cursor(ben)
        await pilot.pause()
        ada_second_report = tree.render_line(2)
        tree.move_cursor(ada)  # the guides of a selected person's reports take the selection's style
        await pilot.pause()
        assert tree.render_line(2) != ada_second_report
        tree.move_cursor(ben)
        await pilot.pause()
        assert tree.render_line(2) == ada_second_report
        drawn.clear()
        ada.collapse()  # everyone below moves up a line: renumbered, not drawn again
        await pilot.pause()
        assert guides_and_labels(app)[:6] == [
            "▶ Ada",
            "▼ Ben",
            "├── Ben report 0",
            "├── Ben report 1",
            "├── Ben report 2",
            "└── Ben report 3",
        ]
        assert not {"Ben report 0", "Ben report 1", "Ben report 3"} & set(drawn)
        assert all(segment.style.meta["line"] == 3 for segment in tree.render_line(3) if segment.style)
        await pilot.click(LineKeepingTree, offset=(1, 3))  # on a moved line's guide: the click is for its new place
        assert tree.cursor_node is ben.children[1]
        await pilot.click(LineKeepingTree, offset=(8, 5))  # on its label
        assert tree.cursor_node is ben.children[3]


def test_textual_widgets_still_style_their_lines_through_the_private_cache_the_line_keeping_tree_replaces():
    assert isinstance(Widget()._styles_cache, StylesCache), "Textual renamed Widget._styles_cache"
    parameters = list(inspect.signature(StylesCache.render_line).parameters)
    assert parameters[:9] == [
        "self",
        "styles",
        "y",
        "size",
        "content_size",
        "padding",
        "base_background",
        "background",
        "render_content_line",
    ], "StylesCache.render_line changed: ContentKeyedStylesCache passes its arguments on as they were"
    assert "self._styles_cache.clear()" in inspect.getsource(Widget._set_dirty), "a whole refresh still restyles"


async def test_a_line_keeping_tree_styles_again_only_the_lines_it_drew_anew(monkeypatch: pytest.MonkeyPatch):
    app = TeamTree()
    async with app.run_test(size=(40, 12)) as pilot:
        tree = app.query_one(LineKeepingTree)
        await pilot.pause()
        styled = record_calls(monkeypatch, StylesCache, "render_line", lambda _cache, _styles, y, *_: y)
        tree.root.children[1].add_leaf("Ben report 3")  # the whole tree is refreshed: Textual would style all 12
        await pilot.pause()
        assert sorted(styled) == [4, 7, 8], "the lines drawn anew: Ben's, his last report's guide, the new one"
        assert guides_and_labels(app)[-2:] == ["├── Ben report 2", "└── Ben report 3"]
        styled.clear()
        tree.styles.tint = "red 20%"  # the same lines in new surroundings: all styled again
        await pilot.pause()
        assert len(styled) == tree.size.height
        tinted = tree.render_lines(tree.size.region)[1]
        tree.styles.tint = None
        await pilot.pause()
        assert tree.render_lines(tree.size.region)[1] != tinted
        tree.styles.border = ("round", "green")
        await pilot.pause()
        framed = tree.render_lines(tree.size.region)[1]
        tree.styles.border_left = ("round", "blue")  # the side of every line
        await pilot.pause()
        assert tree.render_lines(tree.size.region)[1] != framed


async def test_a_line_keeping_tree_is_as_wide_as_its_widest_line_through_relabels_and_removals():
    app = TeamTree()
    async with app.run_test(size=(40, 12)) as pilot:
        tree = app.query_one(LineKeepingTree)
        await pilot.pause()
        narrow = tree.virtual_size.width
        report = tree.root.children[0].children[0]
        report.set_label("Ada's report, now with a much longer name than before")
        tree.root.children[1].add_leaf("Cy")  # Tree measures its lines again when its shape changes
        await pilot.pause()
        assert tree.virtual_size.width == tree.guide_depth + len(str(report.label))  # the new label, measured
        report.remove()
        await pilot.pause()
        assert tree.virtual_size.width == narrow


class PlainTeamTree(TeamTree):
    """The same team in Textual's own Tree."""

    tree_class = Tree


async def test_a_line_keeping_tree_draws_every_line_as_textual_draws_it_with_the_cursor_hover_and_focus_anywhere():
    drawings: dict[type, list[list[Strip]]] = {}
    for app in (TeamTree(), PlainTeamTree()):
        async with app.run_test(size=(40, 12)) as pilot:
            tree = app.query_one(Tree)
            await pilot.pause()
            ada, ben = tree.root.children
            for cursor, hover, focused in (
                (ada, 2, True),
                (ben.children[1], 5, True),
                (ben, 7, False),
                (ada, -1, False),
            ):
                tree.move_cursor(cursor)
                tree.hover_line = hover
                app.set_focus(tree if focused else None)
                await pilot.pause()
                tree.refresh()  # every line drawn again, in one draw
                drawings.setdefault(type(tree), []).append(
                    tree.render_lines(tree.scrollable_content_region.reset_offset)
                )
    assert drawings[LineKeepingTree] == drawings[Tree]


def test_textual_tree_nodes_still_hang_together_through_the_private_names_move_node_rewires():
    tree = Tree[str]("root")
    leaf = tree.root.add_leaf("leaf")
    assert leaf._parent is tree.root, "Textual renamed TreeNode._parent: BatchingTree.move_node rewires it"
    assert tree.root._children == [leaf] and isinstance(tree.root._children, list), "TreeNode._children changed"
    assert list(tree.root.children) == [leaf] and leaf.parent is tree.root  # what the public names read
    assert has_children(tree.root) and not has_children(leaf), "has_children answers as TreeNode.children does"


async def test_a_moved_node_keeps_its_identity_and_is_drawn_at_its_new_place(monkeypatch: pytest.MonkeyPatch):
    app = TeamTree()
    async with app.run_test(size=(40, 12)) as pilot:
        tree = app.query_one(LineKeepingTree)
        await pilot.pause()
        ada, ben = tree.root.children
        report = ada.children[2]
        invalidated = record_calls(monkeypatch, Tree, "_invalidate")
        with tree.batched_changes():
            tree.move_node(report, ben, 1)
            tree.move_node(ada.children[0], ben, 0)
        assert len(invalidated) == 1
        await pilot.pause()
        assert guides_and_labels(app) == [
            "▼ Ada",
            "└── Ada report 1",
            "▼ Ben",
            "├── Ada report 0",
            "├── Ben report 0",
            "├── Ada report 2",
            "├── Ben report 1",
            "└── Ben report 2",
        ]
        assert ben.children[2] is report and report.parent is ben and tree.get_node_at_line(5) is report
        assert tree.get_node_by_id(report.id) is report


def test_textual_trees_still_list_their_lines_in_the_private_names_the_line_keeping_tree_builds():
    build = Tree.__dict__.get("_build")
    assert build is not None, "Textual renamed Tree._build: LineKeepingTree's own list of lines is no longer used"
    assert list(inspect.signature(build).parameters) == ["self"]
    assert [field.name for field in fields(_TreeLine)] == ["path", "last"]
    assert "self._tree_lines_cached = lines" in inspect.getsource(build)


@st.composite
def tree_shapes(draw: st.DrawFn) -> tuple[list[int], list[bool], list[str], bool, int]:
    """Parents (-1: under the root), whether each node is expanded, labels, show_root, guide depth."""
    size = draw(st.integers(0, 25))
    parents = [draw(st.integers(-1, index - 1)) for index in range(size)]
    expanded = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    labels = draw(st.lists(st.text("abcé漢 ", max_size=12), min_size=size, max_size=size))
    return parents, expanded, labels, draw(st.booleans()), draw(st.integers(2, 6))


def grown_tree(shape: tuple[list[int], list[bool], list[str], bool, int]) -> tuple[LineKeepingTree[str], list]:
    """A line-keeping tree of `shape` (see `tree_shapes`), with its nodes in the order added."""
    parents, expanded, labels, show_root, depth = shape
    tree = LineKeepingTree[str]("root")
    tree.show_root, tree.guide_depth = show_root, depth
    nodes: list[TreeNode[str]] = []
    for parent, open_, label in zip(parents, expanded, labels, strict=True):
        nodes.append((tree.root if parent < 0 else nodes[parent]).add(label, expand=open_))
    return tree, nodes


def listing(tree: LineKeepingTree[str], nodes: list[TreeNode[str]], build: Callable[[], None]) -> tuple[object, ...]:
    """The lines `build` lists, the tree's virtual size, each node's line and each label's width."""
    tree._tree_lines_cached = None
    build()
    lines = [([id(node) for node in line.path], line.last) for line in tree._tree_lines]
    shown = [node for node in nodes if _in_tree(tree, node)]
    return lines, tree.virtual_size, [node._line for node in shown], [tree.get_label_width(node) for node in shown]


def textuals_listing(tree: LineKeepingTree[str], nodes: list[TreeNode[str]]) -> tuple[object, ...]:
    listed = listing(tree, nodes, lambda: Tree._build(tree))
    widths = [Tree.get_label_width(tree, node) for node in nodes if _in_tree(tree, node)]
    return (*listed[:3], widths)


changes = st.lists(
    st.tuples(
        st.sampled_from(["move", "toggle", "remove", "add", "relabel", "expandable"]),
        st.integers(0, 24),
        st.integers(-1, 24),
    ),
    max_size=8,
)


@given(tree_shapes(), st.lists(changes, max_size=4))
def test_a_line_keeping_tree_lists_textuals_lines_through_any_changes(shape, batches):
    """The same lines and width as Textual's own `_build`, at first and while lines are kept from
    one listing to the next (nothing above them moved): after any moves, expands, removals,
    additions, new labels and changes of expandability."""
    tree, nodes = grown_tree(shape)
    assert listing(tree, nodes, tree._build) == textuals_listing(tree, nodes)
    for batch in batches:
        for kind, which, where in batch:
            alive = [node for node in nodes if _in_tree(tree, node)]
            if not alive and kind != "add":
                continue
            node = alive[which % len(alive)] if alive else tree.root
            target = tree.root if where < 0 or not alive else alive[where % len(alive)]
            if kind == "move" and not _is_at_or_below(target, node):
                tree.move_node(node, target, len(target.children) if where % 2 else 0)
            elif kind == "toggle":
                node.toggle()
            elif kind == "remove":
                node.remove()
            elif kind == "add":
                nodes.append(target.add(f"new {len(nodes)}", expand=bool(where % 2)))
            elif kind == "relabel":
                node.set_label(f"label {which}" * (where % 3))
            elif kind == "expandable":
                node.allow_expand = not node.allow_expand
        assert listing(tree, nodes, tree._build) == textuals_listing(tree, nodes)


def _in_tree(tree: Tree[str], node: TreeNode[str]) -> bool:
    """Whether `node` still hangs from the root (a removed node keeps its parent)."""
    while node.parent is not None:
        if node not in node.parent.children:
            return False
        node = node.parent
    return node is tree.root


def _is_at_or_below(node: TreeNode[str] | None, ancestor: TreeNode[str]) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def test_textual_widgets_still_settle_their_size_through_the_private_method_the_panes_override():
    updated = Widget.__dict__.get("_size_updated")
    assert updated is not None, "Textual renamed Widget._size_updated: move the OneLayout panes to its new hook"
    assert list(inspect.signature(updated).parameters) == ["self", "size", "virtual_size", "container_size", "layout"]


def numbered_lines(count: int) -> Text:
    return Text("\n".join(f"line {n}" for n in range(1, count + 1)))


class OnePane(App[None]):
    CSS = "OneLayoutScroll { height: 5; }"

    def compose(self) -> ComposeResult:
        with OneLayoutScroll():
            yield OneLayoutStatic(numbered_lines(7))


async def test_a_pane_settled_in_one_layout_still_scrolls_to_its_last_line_as_its_text_grows_and_shrinks():
    app = OnePane()
    async with app.run_test(size=(30, 12)) as pilot:
        pane, text = app.query_one(OneLayoutScroll), app.query_one(OneLayoutStatic)

        async def show(lines: int) -> list[str]:
            show_text(text, numbered_lines(lines))
            return await at_the_end()

        async def at_the_end() -> list[str]:
            await pilot.pause()
            pane.scroll_end(animate=False)
            await pilot.pause()
            return [line for line in screen_text(app).splitlines() if line.strip()]

        assert pane.show_vertical_scrollbar  # overflowing from the first layout on
        assert (await at_the_end())[-1].startswith("line 7")
        assert await show(3) == ["line 1", "line 2", "line 3"]
        assert not pane.show_vertical_scrollbar
        assert (await show(8))[-1].startswith("line 8")  # now overflows: a scroll bar, and the end in reach
        assert pane.show_vertical_scrollbar
        assert (await show(12))[-1].startswith("line 12")  # overflowed before and after: the one-layout path
        show_text(text, numbered_lines(10))  # shorter while scrolled to the end: the view keeps within the text
        await pilot.pause()
        assert [line for line in screen_text(app).splitlines() if line.strip()][-1].startswith("line 10")
        assert (await show(9))[-1].startswith("line 9")
        assert await show(2) == ["line 1", "line 2"]
        assert not pane.show_vertical_scrollbar


def test_textual_scroll_views_still_set_up_their_scroll_bars_in_the_private_methods_the_steady_views_skip():
    updated = ScrollView.__dict__.get("_size_updated")
    assert updated is not None, "Textual renamed ScrollView._size_updated: move SteadyOptionList to its new hook"
    assert list(inspect.signature(updated).parameters) == ["self", "size", "virtual_size", "container_size", "layout"]
    assert "_scroll_update" in Widget.__dict__


class OneList(App[None]):
    CSS = "SteadyOptionList { height: 5; }"

    def compose(self) -> ComposeResult:
        yield SteadyOptionList(*[f"option {n}" for n in range(9)])


@asynccontextmanager
async def one_list_shown() -> AsyncIterator[tuple[OneList, Pilot[None], SteadyOptionList]]:
    """A list of nine options, five rows high, laid out and painted."""
    app = OneList()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        yield app, pilot, app.query_one(SteadyOptionList)


async def test_a_steady_list_sets_up_its_scroll_bars_when_its_length_changes_and_not_on_other_layouts(
    monkeypatch: pytest.MonkeyPatch,
):
    async with one_list_shown() as (app, pilot, options):
        assert options.show_vertical_scrollbar
        set_up = record_calls(monkeypatch, Widget, "_scroll_update")
        app.screen.refresh(layout=True)  # a layout that changes nothing about the list
        await pilot.pause()
        assert set_up == []
        options.add_options([f"option {n}" for n in range(9, 20)])
        await pilot.pause()
        assert set_up and set(set_up) == {options}
        options.scroll_end(animate=False)
        await pilot.pause()
        assert "option 19" in screen_text(app)
        options.clear_options()
        options.add_option("only one")
        await pilot.pause()
        assert not options.show_vertical_scrollbar and "only one" in screen_text(app)


def test_textual_still_repaints_a_refreshed_scroll_bar_through_the_private_names_the_layout_frame_takes_over():
    assert "_repaint_required" in inspect.getsource(Widget._check_refresh), "Textual repaints refreshed widgets anew"
    assert inspect.signature(Compositor.update_widgets).parameters.keys() == {"self", "widgets"}
    view = Widget()
    assert view._vertical_scrollbar is None and view._horizontal_scrollbar is None


class GrowingPane(App[None]):
    CSS = "OneLayoutScroll { height: 6; }"

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with OneLayoutScroll():
            yield OneLayoutStatic(numbered_lines(self.lines))


async def test_a_pane_whose_text_grows_is_painted_with_its_new_scroll_bar_in_one_frame(
    monkeypatch: pytest.MonkeyPatch,
):
    async with GrowingPane(30).run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        expected = screen_text(pilot.app)
    app = GrowingPane(8)
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        frames = record_calls(monkeypatch, Screen, "_compositor_refresh")
        show_text(app.query_one(OneLayoutStatic), numbered_lines(30))  # a longer text: a shorter thumb
        await pilot.pause()
        assert len(frames) == 1  # Textual would paint the scroll bar in a second frame of its own
        assert screen_text(app) == expected  # the bar as a pane that long shows it from the start


def test_textual_option_lists_still_draw_a_row_through_the_private_names_the_steady_list_keeps():
    render = OptionList.__dict__.get("_get_option_render")
    assert render is not None, "Textual renamed OptionList._get_option_render: move SteadyOptionList to its hook"
    assert list(inspect.signature(render).parameters) == ["self", "option", "style"]
    listed = OptionList("first", "second")
    assert listed._option_to_index[listed.get_option_at_index(1)] == 1


async def test_a_steady_list_keeps_its_drawn_rows_through_set_options_and_a_click_still_picks_the_row_clicked(
    monkeypatch: pytest.MonkeyPatch,
):
    async with one_list_shown() as (app, pilot, options):
        drawn = record_calls(monkeypatch, OptionList, "_get_option_render", lambda _, option, style: str(option.prompt))
        styled = record_calls(monkeypatch, StylesCache, "render_line", lambda _cache, _styles, y, *_: y)
        options.highlighted = 1
        await pilot.pause()
        drawn.clear()
        styled.clear()
        listed = list(options.options)
        options.set_options(listed)  # as the designer's lists do after an edit, keeping the highlight
        options.highlighted = 1
        await pilot.pause()
        assert drawn == [] and styled == [0, 4], "only the borders are styled again"
        options.set_options([Option("a new first row"), *listed])  # every row moves down one place
        options.highlighted = 2  # still on "option 1": "option 0" looks as it did, one place lower
        await pilot.pause()
        assert "a new first row" in screen_text(app).splitlines()[1]
        await pilot.click(SteadyOptionList, offset=(2, 2))  # the second row (under the top border)
        assert options.highlighted == 1 and str(options.get_option_at_index(1).prompt) == "option 0"


def test_keys_are_read_as_textual_reads_a_bindings_keys():
    assert normalize_key_list("a, ctrl+s,+ , ?") == "a,ctrl+s,plus,question_mark"


def test_no_other_module_of_the_designer_uses_a_private_textual_or_rich_name():
    """Neither imported nor shadowed: a method named like one of Textual's private ones (as
    `OrgTree._add_child` once shadowed `DOMNode._add_child`) replaces it without a word."""
    textual_names = {
        name for base in (App, ModalScreen, Tree, OptionList, Input, TextArea, Static) for name in dir(base)
    }
    offenders = []
    for path in TUI.rglob("*.py"):
        if path.name == "textual_private.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("textual", "rich")):
                module = node.module or ""
                if any(is_private(part) for part in module.split(".")):
                    offenders.append(f"{path.name}: {module}")
                offenders += [f"{path.name}: {alias.name}" for alias in node.names if is_private(alias.name)]
            defined = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            if defined and is_private(node.name) and node.name in textual_names:
                offenders.append(f"{path.name}: overrides {node.name}")
    assert offenders == []


def test_textual_still_wraps_content_where_rich_breaks_its_lines():
    assert "divide_line" in inspect.getsource(Content._wrap_and_format), (
        "Textual no longer breaks lines with rich._wrap.divide_line: QuicklyMeasuredContent may count wrongly"
    )
    assert textual_content.divide_line is divide_line


def as_textual_style(style: str | RichStyle) -> VisualStyle:
    """A Rich style as `Content.from_rich_text` converts it outside an app."""
    return VisualStyle.from_rich_style(RichStyle.parse(style) if isinstance(style, str) else style, None)


WRAP_RULES = [
    {},
    {"text_wrap": "wrap", "text_overflow": "fold"},
    {"text_wrap": "nowrap"},
    {"text_overflow": "ellipsis"},
    {"line_pad": 1},
]


@given(
    st.lists(st.sampled_from([*"ab cé漢\n\t-.,▲", "  ", "verylongwordwithoutspaces"]), max_size=60).map("".join),
    st.integers(3, 60),  # Textual cannot wrap at all in fewer cells than its line padding
    st.sampled_from(WRAP_RULES),
)
@example("abcd", 4, {"line_pad": 1})
@example("漢漢漢", 3, {"text_wrap": "nowrap"})
def test_quickly_measured_content_is_as_tall_as_textual_measures_it(plain, width, rules):
    text = Text(plain, style="yellow")
    text.stylize("bold", 0, 3)
    quick = QuicklyMeasuredContent.of(text, as_textual_style)
    assert quick.plain == plain and quick.spans == Content.from_rich_text(text).spans, "styled as Textual styles it"
    for measured_at in (width, width + 3, width):  # a list measures its options again after each change
        assert quick.get_height(rules, measured_at) == Content(plain).get_height(rules, measured_at)
