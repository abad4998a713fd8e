"""Every use of Textual's private names, in one place.

Textual has no public way to read a keymap's keys as it does, nor a public hook for an
unexpected error (to keep the user's work and to show one line instead of a traceback),
nor a way to change a Tree's structure many times at the price of one rebuild, nor to keep
a Tree's drawn lines (or a list's drawn rows) through such a change, nor to settle a pane's new
size in one layout, nor to leave a list's scroll bars alone when a layout did not change them
and paint them in that layout's frame when it did.
Measuring a list's options quickly uses the line breaking Textual borrows from Rich
(`rich._wrap`). These few wrappers are the only code that touches private names, and
tests/tui/test_textual_private.py fails loudly when a Textual release changes any of them.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Self, TypeVar

from rich._wrap import divide_line
from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.app import App
from textual.cache import LRUCache
from textual.color import Color
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.css.styles import StylesBase
from textual.geometry import Offset, Region, Size, Spacing
from textual.keys import _normalize_key_list
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RulesMap
from textual.widget import Widget
from textual.widgets import OptionList, Static, Tree
from textual.widgets._tree import _TreeLine
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from orgdesign.tui.text import same_text

ReturnType = TypeVar("ReturnType")
TreeDataType = TypeVar("TreeDataType")


def normalize_key_list(keys: str) -> str:
    """A comma-separated list of keys as Textual itself reads a binding's keys (`a` -> `a`, `+` -> `plus`)."""
    return _normalize_key_list(keys)


class AppWithCrashHooks(App[ReturnType]):
    """An app that is told about an unexpected error before Textual shuts it down, and that
    replaces Textual's traceback on the terminal with a message of its own."""

    @abstractmethod
    def before_crash(self) -> None:
        """Called first on an unexpected error, while the app still runs (keep the user's work)."""

    @abstractmethod
    def crash_message(self) -> RenderableType:
        """What the terminal shows after the app stopped on an unexpected error."""

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.panic(self.crash_message())


class ScrollBarsSetUp:
    """What a view's scroll bars were last set up from: its size, scrollable size and the styles
    that decide the bars (see `SteadyOptionList`)."""

    def __init__(self) -> None:
        self._inputs: tuple[object, ...] | None = None

    def changed(self, view: ScrollView, size: Size) -> bool:
        """Whether the bars need setting up again for `size` (noting it when they do)."""
        styles = view.styles
        inputs = (
            size,
            view.virtual_size,
            styles.gutter,
            styles.overflow_x,
            styles.overflow_y,
            styles.scrollbar_size_horizontal,
            styles.scrollbar_size_vertical,
        )
        if inputs == self._inputs:
            return False
        self._inputs = inputs
        return True

    def size_updated(self, view: ScrollView, textuals: Callable[[], bool], size: Size, container_size: Size) -> bool:
        """`view`'s `_size_updated`: Textual's own (`textuals`, then the bars painted in this layout's
        frame) when the bars need setting up again, else what ScrollView answers when nothing changed."""
        if not self.changed(view, size):
            return view._container_size != container_size
        resized = textuals()
        paint_scroll_bars_with_the_layout(view)
        return resized


class SteadyOptionList(OptionList):
    """An OptionList that updates its scroll bars only when what they show has changed.

    On every layout of the screen Textual's ScrollView compares the content box the layout gives
    it with its own scrollable size, which always differ, so it set up and repainted both scroll
    bars of every list on screen, in a frame of their own, after each edit. Here the bars are set
    up again when the view's size, its scrollable size or the styles that decide the bars change.
    Its drawn rows, and their styling, are kept through `set_options` too (see
    `_get_option_render`, `ContentKeyedStylesCache`).
    (The Tree below does the same; Textual finds a widget's CSS through its first base class
    only, so this cannot be one mixin.)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._scroll_bars = ScrollBarsSetUp()
        self._kept_renders: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(2048)
        self._styles_cache = self._styled_lines = ContentKeyedStylesCache()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        textuals = partial(super()._size_updated, size, virtual_size, container_size, layout)
        return self._scroll_bars.size_updated(self, textuals, size, container_size)

    def _get_option_render(self, option: Option, style: VisualStyle) -> list[Strip]:
        """An option as drawn, kept through `set_options` while it stays at the same place.

        OptionList forgets every drawn option when its options are set anew, which the lists here
        do after each edit (with the options they had, see `KeptOptions`): the rows on screen were
        drawn again each time. A drawn row carries its place (for clicks), so it is kept by its
        option, place, style and width. The options' prompts never change in place here.
        """
        key = (option, self._option_to_index[option], style, self.scrollable_content_region.width)
        strips = self._kept_renders.get(key)
        if strips is None:
            strips = self._kept_renders[key] = super()._get_option_render(option, style)
        return strips

    def notify_style_update(self) -> None:
        self._kept_renders.clear()
        self._styled_lines.forget_styled_lines()
        super().notify_style_update()


class QuicklyMeasuredContent(Content):
    """Content whose height is counted from where its lines break, without formatting them.

    An OptionList measures every option it is given. Content measures by formatting each line
    it would draw (styles, cuts, padding); a product set on 1,000 people brings about 80 new
    findings into the list, and measuring them that way took 8 ms. The breaks come from the
    same function Textual's wrapping uses (`rich._wrap.divide_line`), so the count is the one
    the drawing gives; plainly wrapped text only, the rest is measured as Content does.
    """

    _measured: tuple[int, int] = (-1, 0)
    """The last width measured at, and the height there (the list measures again on every change)."""

    @classmethod
    def of(cls, text: Text, style_of: Callable[[str | Style], VisualStyle]) -> QuicklyMeasuredContent:
        """`text` as `Content.from_rich_text` gives it, with each style converted by `style_of`:
        a list keeps those it has converted (from_rich_text asks the app for its theme twice per
        text, a third of making a finding's row)."""
        spans = [Span(start, end, style_of(style)) for start, end, style in text.spans]
        if text.style and text.plain:  # a named style is left for Textual to look up when drawing, as it does
            base = text.style if isinstance(text.style, str) else style_of(text.style)
            spans.insert(0, Span(0, len(text.plain), base))
        return cls(text.plain, spans)

    def get_height(self, rules: RulesMap, width: int) -> int:
        plain = self.plain
        if (
            rules.get("line_pad", 0)
            or rules.get("text_wrap", "wrap") != "wrap"
            or rules.get("text_overflow", "fold") != "fold"
            or "\t" in plain
        ):
            return super().get_height(rules, width)
        if self._measured[0] != width:
            height = sum(len(divide_line(line, width, fold=True)) + 1 for line in plain.split("\n"))
            self._measured = (width, height)
        return self._measured[1]


class BatchingTree(Tree[TreeDataType]):
    """A Tree whose structural changes can be made as one batch.

    Every `add`, `remove` and `expand` makes Tree invalidate its caches and ask for a new layout
    (`Tree._invalidate`); moving 1,000 people did that 2,000 times, each costing a layout request
    for the whole widget. Inside `batched_changes` the requests are noted and made once at the end.
    Nothing inside a batch may read the tree's lines (they describe the tree as it was before).
    """

    _batch_depth = 0
    _invalidated_in_batch = False

    @contextmanager
    def batched_changes(self) -> Iterator[None]:
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth and self._invalidated_in_batch:
                self._invalidated_in_batch = False
                super()._invalidate()

    def move_node(self, node: TreeNode[TreeDataType], parent: TreeNode[TreeDataType], index: int) -> None:
        """Hang `node` (with whatever is below it) under `parent`, as its child number `index`.

        Tree can only remove a node and add a new one: moving 1,000 people in one edit dropped
        1,000 nodes and made 1,000 new ones, each with its label, and freed the old ones only at
        the next collection of cyclic garbage. The node keeps its id, label and state.
        """
        old_parent = node._parent
        assert old_parent is not None, "the root cannot move"
        siblings = old_parent._children
        del siblings[siblings.index(node)]
        node._parent = parent
        parent._children.insert(index, node)
        node._updates += 1
        self._invalidate()

    def _invalidate(self) -> None:
        if self._batch_depth:
            self._invalidated_in_batch = True
        else:
            super()._invalidate()


_ABOVE_THE_TOPS: list[Any] = []
"""The path above the tree's top lines: one list, never changed, so that their lines can be kept.
Tree draws every top as the last of its family."""


class LineKeepingTree(BatchingTree[TreeDataType]):
    """A Tree that keeps the lines it drew through changes of its structure.

    Tree keys its cache of drawn lines by a counter that every added, removed or expanded node
    bumps, so adding one person drew every line on screen again, twice (once more after the
    cursor scrolled to them). Here a line is kept by what it shows: its node (with the update
    counter Tree bumps on every change of its label, state, hover or selection), what it shows of
    the nodes above it on its path (guides that depend on whether each is the last of its
    siblings, and styles that follow their hover and selection), whether the cursor or the mouse
    is on it, and the tree's drawing state. A person added to a team draws their own line and
    their neighbours', not the team's; lines above a change, and lines that only scrolled, are
    not drawn again, and lines below it that moved down are renumbered (`_renumbered`). Its
    scroll bars are kept as `SteadyOptionList` keeps a list's.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_lines: LRUCache[tuple[int, tuple[object, ...]], Strip] = LRUCache(1024)
        """Lines by place and what they show: the same strip for the same line, which lets the
        styled line be kept too (`ContentKeyedStylesCache`)."""
        self._kept_anywhere: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        """The last drawing of each line, wherever it was: renumbered when the line moves."""
        self._styles_cache = self._styled_lines = ContentKeyedStylesCache()
        self._scroll_bars = ScrollBarsSetUp()
        self._listed_lines: dict[
            TreeNode[TreeDataType], tuple[list[TreeNode[TreeDataType]], _TreeLine[TreeDataType], Text, int]
        ] = {}
        """Each node's entry in the last list of lines, with the path above it that it was made
        under, its label and the label's width: kept while that path (the very list), its place
        as last of its family and its label (the very object) stay."""

    def get_label_width(self, node: TreeNode[TreeDataType]) -> int:
        """A label's width, as measured when its line was listed (`_build`) while the label is the same."""
        label, kept = node._label, self._listed_lines.get(node)
        width = kept[3] if kept is not None and kept[2] is label else label.cell_len
        return width + (len(self.ICON_NODE) if node._allow_expand else 0)

    def forget_node(self, node: TreeNode[TreeDataType]) -> None:
        """Drop what is kept of a removed node (its line and its label's width)."""
        self._listed_lines.pop(node, None)

    def _build(self) -> None:
        """Tree's `_build`, the same lines and width, in under half the time.

        Every change of the tree's shape lists every open line again: with 1,000 people marked
        across a large org, 9,000 lines after each bulk edit. Tree walks them with a generator per
        family, makes every line anew and then measures each in a second pass. Here one pass
        measures as it lists, family by family, and a line whose path above it is the same list
        as before (nothing above it moved) and that is still last, or not, of its family is kept.
        """
        lines: list[_TreeLine[TreeDataType]] = []
        append = lines.append
        listed = self._listed_lines
        icon = len(self.ICON_NODE)
        step = self.guide_depth
        widest = 0

        def family(path: list[TreeNode[TreeDataType]], children: list[TreeNode[TreeDataType]], indent: int) -> None:
            nonlocal widest
            final = None if path is _ABOVE_THE_TOPS else children[-1]  # None: every top is last
            family_widest = 0
            for node in children:
                last, label = final is None or node is final, node._label
                kept = listed.get(node)
                if kept is not None and kept[0] is path and kept[1].last is last and kept[2] is label:
                    line, width = kept[1], kept[3]
                else:  # a new line; a person who moved keeps their label, and its width
                    width = kept[3] if kept is not None and kept[2] is label else label.cell_len
                    line = _TreeLine([*path, node], last)
                    listed[node] = (path, line, label, width)
                node._line = len(lines)
                append(line)
                if node._allow_expand:
                    width += icon
                if width > family_widest:
                    family_widest = width
                if node._expanded and node._children:
                    family(line.path, node._children, indent + step)
            widest = max(widest, family_widest + indent)

        tops = [self.root] if self.show_root else self.root._children
        if tops:
            family(_ABOVE_THE_TOPS, tops, 0)
        self._tree_lines_cached = lines
        self.virtual_size = Size(widest if lines else self.size.width, len(lines))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1

    _this_draw: _Draw | None = None
    """While the tree draws the lines of a region (`render_lines`): what all of them share."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the lines in `crop`, working out once what Tree works out again for each line: its
        style (a walk through the styles of every widget above the tree), its scroll offset, the
        drawing state, and the guides that the lines of one family share."""
        self._this_draw = _Draw.of(self)
        try:
            return super().render_lines(crop)
        finally:
            self._this_draw = None

    def render_line(self, y: int) -> Strip:
        """Tree's `render_line`, from what this draw worked out once."""
        draw = self._this_draw
        if draw is None:
            return super().render_line(y)
        scroll_x, scroll_y = draw.scroll
        return self._render_line(y + scroll_y, scroll_x, scroll_x + draw.width, draw.style)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        lines = self._tree_lines
        if y >= len(lines):
            return super()._render_line(y, x1, x2, base_style)
        line = lines[y]
        key = self._line_key(y, line.path, line.last, x1, x2, base_style)
        strip = self._kept_lines.get((y, key))
        if strip is None:
            elsewhere = self._kept_anywhere.get(key)
            strip = super()._render_line(y, x1, x2, base_style) if elsewhere is None else _renumbered(elsewhere, y)
            self._kept_lines[(y, key)] = self._kept_anywhere[key] = strip
        return strip

    def _line_key(self, y: int, path: list[Any], last: bool, x1: int, x2: int, base_style: Style) -> tuple[object, ...]:
        """What a line shows, wherever it is: a line that only moved up or down is renumbered, not drawn."""
        node = path[-1]  # the line's own guide follows `last`; those above follow each boss's place
        draw = self._this_draw
        if draw is None:
            bosses, drawing = _bosses(path), _drawing(self)
            pointers = (self.cursor_line == y, self.hover_line == y)
        else:
            bosses, drawing = draw.bosses_of(path), draw.drawing
            pointers = (draw.cursor_line == y, draw.hover_line == y)
        return (x1, x2, base_style, last, (bosses, node, node._updates), drawing, pointers, self._pseudo_class_state)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """As `SteadyOptionList`: scroll bars set up again only when what they show changed."""
        textuals = partial(super()._size_updated, size, virtual_size, container_size, layout)
        return self._scroll_bars.size_updated(self, textuals, size, container_size)

    def notify_style_update(self) -> None:
        self._kept_lines.clear()
        self._kept_anywhere.clear()
        self._styled_lines.forget_styled_lines()
        super().notify_style_update()

    def clear(self) -> Self:
        """Forget what was kept of every node: Tree numbers the nodes from 0 again."""
        self._kept_lines.clear()
        self._kept_anywhere.clear()
        self._listed_lines.clear()
        return super().clear()


def set_label_quietly(node: TreeNode[Any], label: Text) -> bool:
    """`TreeNode.set_label` without its repaint callback; the caller repaints the tree once.

    `set_label` queues one callback per node, each scanning the visible lines: a bulk edit that
    relabels 1,000 people spent half a second in them. This writes the node's private label and
    update counter (the counter keys the cache of drawn lines, `LineKeepingTree._line_key`).
    A label the same as the one shown is left alone, and so is the line showing it (False): a
    bulk move relabels the 1,000 old managers, and most of their labels come out as they were.
    """
    if same_text(node._label, label):
        return False
    node._label = label
    node._updates += 1
    return True


def has_children(node: TreeNode[Any]) -> bool:
    """Whether `node` has children, without the view `TreeNode.children` makes on every read (a
    bulk edit asks it of 1,000 nodes)."""
    return bool(node._children)


def _bosses(path: list[Any]) -> tuple[tuple[object, ...], ...]:
    """What a line shows of the nodes above it: each one's hover and selection (its guide's style)
    and whether it is the last of its family (its guide's shape)."""
    return tuple((boss, boss._hover_, boss._selected_, boss.is_last) for boss in path[:-1])


def _drawing(tree: Tree[Any]) -> tuple[object, ...]:
    """The state of a tree that every line it draws depends on."""
    return (tree.size.width, tree.virtual_size.width, tree.show_guides, tree.guide_depth, tree.has_focus)


@dataclass(slots=True)
class _Draw:
    """What every line of one draw of a tree shares (see `LineKeepingTree.render_lines`)."""

    style: Style
    scroll: Offset
    width: int
    drawing: tuple[object, ...]
    cursor_line: int
    hover_line: int
    bosses: dict[Any, tuple[tuple[object, ...], ...]]
    """The guides above each family's lines, by the family's boss (None: the tops), as worked out."""

    def bosses_of(self, path: list[Any]) -> tuple[tuple[object, ...], ...]:
        """`_bosses` of the line at `path`, worked out once per family: siblings share their bosses."""
        family = path[-2] if len(path) > 1 else None
        known = self.bosses.get(family)
        if known is None:
            known = self.bosses[family] = _bosses(path)
        return known

    @classmethod
    def of(cls, tree: Tree[Any]) -> _Draw:
        return cls(
            tree.rich_style, tree.scroll_offset, tree.size.width, _drawing(tree), tree.cursor_line, tree.hover_line, {}
        )


class ContentKeyedStylesCache(StylesCache):
    """A widget's cache of styled lines that keeps a line while the widget draws the same content there.

    Textual styles each line a widget draws (its padding, borders, tint) and keeps the result
    until the widget is refreshed as a whole, as a tree is after any change of its shape. Adding
    one person then styled every line on screen again although the tree drew only two of them
    anew: a sixth of an edit's repaint. For a widget that returns the very same strip for an
    unchanged line (`LineKeepingTree`), a line is styled again only when its content, place or
    surroundings changed. Each line is kept by the strip drawn (held, so that its id stays its
    own), not only by its place: a place shows one line while a person is selected and another
    after. The owner clears it when its styles change (`notify_style_update`).
    """

    def __init__(self) -> None:
        super().__init__()
        self._kept: dict[tuple[object, ...], tuple[Strip, Strip]] = {}

    def forget_styled_lines(self) -> None:
        self._kept.clear()

    def render_line(
        self,
        styles: StylesBase,
        y: int,
        size: Size,
        content_size: Size,
        padding: Spacing,
        base_background: Color,
        background: Color,
        render_content_line: Callable[[int], Strip],
        border_title: tuple[Content, Color, Color, VisualStyle] | None,
        border_subtitle: tuple[Content, Color, Color, VisualStyle] | None,
        opacity: float,
        ansi_theme: TerminalTheme,
        native_ansi: bool,
    ) -> Strip:
        def styled(content_line: Callable[[int], Strip]) -> Strip:
            return super(ContentKeyedStylesCache, self).render_line(
                styles, y, size, content_size, padding, base_background, background, content_line,
                border_title, border_subtitle, opacity, ansi_theme, native_ansi,
            )  # fmt: skip

        content_y = y - styles.gutter.top
        if not 0 <= content_y < content_size.height:  # a border or padding row
            return styled(render_content_line)
        content = render_content_line(content_y)
        where = (y, size, content_size, padding, base_background, background, opacity, native_ansi)
        look = (styles.border, styles.outline, styles.tint, styles.text_opacity, id(ansi_theme))
        key = (id(content), *where, *look)
        kept = self._kept.get(key)
        if kept is not None and kept[0] is content:
            return kept[1]
        strip = styled(lambda _: content)
        if len(self._kept) > KEPT_STYLED_LINES:
            self._kept.clear()
        self._kept[key] = (content, strip)
        return strip


KEPT_STYLED_LINES = 512
"""Styled lines a `ContentKeyedStylesCache` holds before starting afresh (a screenful is 20 to 60)."""


def _renumbered(strip: Strip, y: int) -> Strip:
    """A tree line drawn at another place, moved to line `y`.

    Tree marks every cell of a line with the line's number (its clicks and hover read it): that
    number is all that differs from drawing the line again, at a fifth of the cost. After an edit
    above them, a screenful of lines only moved.
    """
    renumber = Style.from_meta({"line": y})
    return Strip(Segment.apply_style(list(strip), post_style=renumber), strip.cell_length)


class OneLayoutStatic(Static):
    """A `Static` whose new size is settled by the layout that gave it that size.

    When a layout changes a widget's size, Textual stores its new virtual size through a reactive
    that asks for another layout of the whole screen, and paints it all again. A pane of text has
    nothing inside to place again. The person's details change height on most edits and cursor
    moves, and that second pass was a third of the repaint.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OneLayoutScroll(VerticalScroll):
    """A `VerticalScroll` that skips the second layout when only the length of what it scrolls changed.

    Its box and its parent's stayed the same size and its content overflows (or fits) as before,
    so the first layout placed everything where a second would; the scroll range is still updated.
    Otherwise (a scroll bar to show or hide) Textual lays the screen out again, as it always does.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        settled = (
            size == self._size
            and container_size == self._container_size
            and _overflows(virtual_size, container_size) == _overflows(self.virtual_size, container_size)
        )
        resized = super()._size_updated(size, virtual_size, container_size, layout=layout and not settled)
        paint_scroll_bars_with_the_layout(self)
        return resized


def _overflows(virtual_size: Size, box: Size) -> tuple[bool, bool]:
    return virtual_size.width > box.width, virtual_size.height > box.height


def paint_scroll_bars_with_the_layout(view: Widget) -> None:
    """Have the layout that just set up `view`'s scroll bars paint them in its own frame.

    A layout sets up the scroll bars of a view whose scrollable size changed and asks for them to
    be repainted; Textual paints a widget that asked after the frame at hand, so each edit that
    changed a list's length cost a second frame of the whole screen. The bars' regions join this
    layout's frame instead. (Only on the screen shown: others paint when they come back.)
    """
    screen = view.screen
    compositor = screen._compositor
    bars: set[Widget] = {
        bar
        for bar in (view._vertical_scrollbar, view._horizontal_scrollbar)
        if bar is not None and bar._repaint_required and bar in compositor.visible_widgets
    }
    if bars and screen.is_current:
        compositor.update_widgets(bars)
        for bar in bars:
            bar._repaint_required = False
