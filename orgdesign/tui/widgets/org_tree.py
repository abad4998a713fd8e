"""The org as a lazily populated tree that follows edits without rebuilding itself.

Children are added only when a node is first expanded, so opening a 100,000-person org builds
just the top layers. An `id -> TreeNode` index lets an edit touch exactly the nodes it
affects: relabel them, and remove/re-insert only the people whose manager changed. The
cursor is moved once per operation, because every structural change makes Tree rebuild its
line cache on the next cursor query.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from collections.abc import Set as AbstractSet
from typing import Any, ClassVar, Protocol

from rich.text import Text, TextType
from textual import events, on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from orgdesign.cycles import CycleWatch
from orgdesign.model import Org
from orgdesign.rules.finding import Severity
from orgdesign.tui.marks import MARK, Marks
from orgdesign.tui.text import literal, toast
from orgdesign.tui.textual_private import LineKeepingTree, has_children, set_label_quietly
from orgdesign.tui.widgets.badges import badge
from orgdesign.tui.widgets.person_marks import person_marks

MAX_DEPTH = 400
"""Deepest layer the tree expands to: Tree builds its lines recursively, with a list of
ancestors per line, so a 10,000-deep chain cannot be expanded in full."""

NAME_LIMIT = 80

RELABEL_NOW_LIMIT = 100
"""Most labels `relabel` rebuilds (or an edit adds) at once; a larger batch waits for each line to be drawn."""

UNLABELLED = Text()
"""The label of a node until its line is first drawn (see `relabel`)."""

OPEN_ON_LOAD = 300
"""Most people shown under the product organisation's top when a layout opens."""

EXPAND_LIMIT = 5000
"""Most people one "expand the whole subtree" shows (deeper layers still open on demand)."""


GHOST = "\0"
"""Starts the node data of a ghost: someone shown where they were, not in the org (no id starts so)."""


class Annotations(Protocol):
    """What a view laid over the tree adds (the compare view): a mark after a person's label,
    and ghosts, people shown under a manager who are not in the org (as (key, label), key not an id)."""

    def mark(self, pid: str) -> Text | None: ...

    def ghosts(self, manager: str | None) -> list[tuple[str, Text]]: ...


class OrgTree(LineKeepingTree[str]):
    """Node data is the person id; the hidden root holds the tops."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "collapse_or_parent",
            "Collapse / to manager",
            show=False,
            tooltip="Collapse the selected branch, or (when closed) go to the manager",
            id="tree-collapse",
        ),
        Binding(
            "right",
            "expand_or_child",
            "Expand / to first report",
            show=False,
            tooltip="Expand the selected branch, or (when open) go to the first report",
            id="tree-expand",
        ),
        Binding(
            "asterisk",
            "expand_subtree",
            "Expand the whole subtree",
            show=False,
            tooltip="Expand everyone below the selected person",
            id="tree-expand-subtree",
        ),
        # Bulk editing: extend the marks (Tree's own shift+up/down go to the previous/next sibling).
        Binding(
            "shift+down",
            "mark_and_move(1)",
            "Mark and go down (extend the selection)",
            show=False,
            tooltip="Mark the selected person and the one below, for a bulk edit",
            id="mark-down",
        ),
        Binding(
            "shift+up",
            "mark_and_move(-1)",
            "Mark and go up (extend the selection)",
            show=False,
            tooltip="Mark the selected person and the one above, for a bulk edit",
            id="mark-up",
        ),
    ]

    class MarksChanged(Message):
        """Someone was marked or unmarked (the header shows how many are)."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, OrgTree.MarksChanged)  # one pending notice says it all

    def __init__(
        self,
        org: Org,
        worst: Callable[[str], Severity | None],
        cycles: CycleWatch | None = None,
        marks: Marks | None = None,
        **kwargs: Any,
    ) -> None:
        """`cycles`: the reporting cycles, shared with the chart (found here when not given).
        `marks`: the people marked for a bulk edit, shared with the screen."""
        super().__init__("org", **kwargs)
        self.marks = marks if marks is not None else Marks()
        self.org = org
        self._worst = worst
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self._person_nodes: dict[str, TreeNode[str]] = {}
        self._populated_keys: set[str | None] = set()
        self._ghosts_under: set[str | None] = set()
        """The managers (None: the tops) with ghosts among their shown reports: the others' reports
        are not looked through for ghosts to take away (a bulk move brings 1,000 under one manager)."""
        self._badges: dict[str, Severity | None] = {}
        """The severity each shown node's badge displays, to relabel only those that change."""
        self._stale_labels: set[str] = set()
        """People whose label a bulk edit changed, rebuilt when their line is next drawn."""
        self.cycles = cycles or CycleWatch(org)
        """Reporting cycles, each shown beside the tops so that it can be repaired."""
        self._reshapes_followed = org.reshapes
        """`Org.reshapes` when the shown nodes were last brought in line with the org's shape."""
        self._renames_followed = org.renames
        """`Org.renames` when the labels naming dotted-line managers were last brought up to date."""
        self.annotations: Annotations | None = None
        self.show_units = False
        """Whether each line names the person's unit."""

    # -- building --------------------------------------------------------------------------

    def load(self, *, open_below: str | None = None) -> None:
        """Show the tops and their reports, and the subtree of `open_below` (the product
        organisation) layer by layer up to OPEN_ON_LOAD people; everything else waits for an expand."""
        self.clear()
        self._person_nodes.clear()
        self._populated_keys.clear()
        self._ghosts_under.clear()
        self._badges.clear()
        self._stale_labels.clear()
        self._populate(self.root)
        for node in list(self.root.children)[:20]:
            self._populate(node)
            node.expand()
        if open_below is not None:
            top = self.reveal(open_below)
            if top is not None and top.data == open_below:
                self.expand_layers(top, OPEN_ON_LOAD)
        if self.root.children:
            self._move_cursor_once(self.root.children[0])

    def expand_layers(self, node: TreeNode[str], limit: int) -> bool:
        """Expand `node`, then the layers below it, a whole layer at a time, while at most
        `limit` people are shown below it. False when some layers stay closed.

        Breadth first and without recursion: each person is visited once, however deep the org.
        """
        with self.batched_changes():
            return self._expand_layers(node, limit)

    def _expand_layers(self, node: TreeNode[str], limit: int) -> bool:
        self._populate(node)
        node.expand()
        layer = list(node.children)
        shown = len(layer)
        while layer:
            reports = sum(len(self._expected_children(n.data)) for n in layer if n.allow_expand)
            if shown + reports > limit:
                return False
            shown += reports
            next_layer: list[TreeNode[str]] = []
            for current in layer:
                if current.allow_expand:
                    self._populate(current)
                    current.expand()
                    next_layer.extend(current.children)
            layer = next_layer
        return True

    def label_for(self, pid: str) -> Text:
        person = self.org[pid]
        label = literal(person.name, "bold", limit=NAME_LIMIT)
        if pid in self.marks:
            label = Text.assemble((MARK, "bold reverse green"), " ", label, no_wrap=True)
        label.append("  ")
        label.append_text(literal(person.display_role, "dim", limit=NAME_LIMIT))
        label.append_text(person_marks(self.org, person, show_unit=self.show_units))
        if person.vacancy:
            label.append("  ◌ vacant", style="italic magenta")
        if pid in self.cycles.entries:
            label.append("  ↻ reporting cycle", style="bold red")
        worst = self._badges[pid] = self._worst(pid)
        if worst is not None:
            label.append(" ")
            label.append_text(badge(worst))
        mark = self.annotations.mark(pid) if self.annotations is not None else None
        if mark is not None:
            label.append_text(mark)
        return label

    def _add_person_node(
        self, parent: TreeNode[str], pid: str, depth: int, before: int | None = None, *, label_later: bool = False
    ) -> TreeNode[str]:
        """Add `pid` under `parent`, which sits `depth` layers below the hidden root; with
        `label_later` (one of many added at once), the label is built when its line is first drawn."""
        expandable = self._has_children(pid) and depth < MAX_DEPTH
        label = UNLABELLED if label_later else self.label_for(pid)
        node = parent.add(label, pid, before=before, allow_expand=expandable)
        self._person_nodes[pid] = node
        if label_later:
            self._stale_labels.add(pid)
        return node

    def _populate(self, node: TreeNode[str]) -> None:
        key = node.data
        if key in self._populated_keys:
            return
        self._populated_keys.add(key)
        depth = self._depth_of(node)
        for pid in self._expected_children(key):
            self._add_person_node(node, pid, depth)
        self._add_ghosts(node)

    def refresh_ghosts(self, keys: Iterable[str | None]) -> None:
        """Show the ghosts under each of `keys` (managers, None for the top) again, where shown."""
        keys = list(keys)
        self.relabel([key for key in keys if key is not None])  # a manager may have ghosts to open now, or none
        for key in keys:
            node = self.root if key is None else self._person_nodes.get(key)
            if node is not None and key in self._populated_keys:
                if key in self._ghosts_under:
                    for child in [c for c in node.children if (c.data or "").startswith(GHOST)]:
                        child.remove()
                    self._ghosts_under.discard(key)
                self._add_ghosts(node)

    def redraw_annotations(self) -> None:
        """Relabel everyone shown and redraw every ghost (the annotations came, went or changed)."""
        self.relabel(list(self._person_nodes))
        self.refresh_ghosts(list(self._populated_keys))

    def select_ghost(self, key: str, manager: str | None) -> bool:
        """Move the cursor to the ghost `key` shown under `manager` (None: at the top)."""
        parent = self.root if manager is None else self.reveal(manager)
        if parent is None or parent.data != manager:
            return False
        self._populate(parent)
        if not parent.is_expanded:
            parent.expand()
        ghost = next((child for child in parent.children if child.data == GHOST + key), None)
        if ghost is not None:
            self._move_cursor_once(ghost)
        return ghost is not None

    def _has_children(self, pid: str) -> bool:
        return self.org.report_count(pid) > 0 or (self.annotations is not None and bool(self.annotations.ghosts(pid)))

    def _add_ghosts(self, node: TreeNode[str]) -> None:
        if self.annotations is not None:
            ghosts = self.annotations.ghosts(node.data)
            for key, label in ghosts:
                node.add_leaf(label, GHOST + key)
            if ghosts:
                self._ghosts_under.add(node.data)

    def _expected_children(self, key: str | None) -> list[str]:
        return self.cycles.roots() if key is None else self.cycles.reports(key)

    def _depth_of(self, node: TreeNode[str]) -> int:
        depth = 0
        while node.parent is not None:
            node, depth = node.parent, depth + 1
        return depth

    @on(Tree.NodeExpanded)
    def _populate_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._populate(event.node)

    def on_click(self, event: events.Click) -> None:
        """A single click on a person only moves the cursor there; a double click (or Enter) selects.

        Runs before Tree's own click handling, which selects (opening the Edit form) on every
        click: that default is prevented for single clicks on a label (the expand arrow still toggles).
        """
        line = event.style.meta.get("line")
        if event.chain == 1 and line is not None and not event.style.meta.get("toggle", False):
            event.prevent_default()
            self.cursor_line = line

    def process_label(self, label: TextType) -> Text:
        """A label made by `label_for` as it is: one line of gated text already.

        Tree copies every label to cut it at its first line: 2,000 copies when 1,000 people move.
        """
        return label if isinstance(label, Text) else super().process_label(label)

    # -- keys ------------------------------------------------------------------------------

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self._move_cursor_once(node.parent)

    def action_expand_or_child(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self._populate(node)
            node.expand()
        elif node.children:
            self._move_cursor_once(node.children[0])

    def action_expand_subtree(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not self.expand_layers(node, EXPAND_LIMIT):
            toast(self, f"Expanded the layers that hold up to {EXPAND_LIMIT:,} people; open deeper ones one by one")

    # -- queries ---------------------------------------------------------------------------

    def node_for(self, pid: str) -> TreeNode[str] | None:
        return self._person_nodes.get(pid)

    @property
    def selected_id(self) -> str | None:
        node = self.cursor_node
        return None if node is None else node.data

    # -- following edits -------------------------------------------------------------------

    def relabel(self, pids: Iterable[str]) -> None:
        """Refresh the labels (and expandability) of the given people, where shown, repainting their lines.

        A batch larger than RELABEL_NOW_LIMIT (a bulk edit) only notes who changed: each of
        those labels is rebuilt when its line is next drawn, so an edit of 1,000 people costs
        the lines on screen, not a label per person.
        """
        shown = [pid for pid in pids if pid in self._person_nodes and pid in self.org]
        if len(shown) > RELABEL_NOW_LIMIT:
            self._stale_labels.update(shown)
            self.refresh()
            return
        for pid in shown:
            node = self._person_nodes[pid]
            if self._relabel_now(node, pid):
                node.refresh()  # its own line only: the rest of the tree keeps its drawn lines

    def _relabel_now(self, node: TreeNode[str], pid: str) -> bool:
        """Give `node` its label as the org stands; True when its line shows something new."""
        self._stale_labels.discard(pid)
        changed = set_label_quietly(node, self.process_label(self.label_for(pid)))
        expandable = self._has_children(pid) and self._depth_of(node) < MAX_DEPTH
        if node.allow_expand != expandable:
            node.allow_expand = expandable
            changed = True
        return changed

    def render_line(self, y: int) -> Strip:
        """Draw line `y`, first rebuilding its label when a bulk edit changed it (see `relabel`)."""
        if self._stale_labels:
            node = self.get_node_at_line(y + self.scroll_offset.y)
            pid = None if node is None else node.data
            if node is not None and pid is not None and pid in self._stale_labels and pid in self.org:
                self._relabel_now(node, pid)
        return super().render_line(y)

    def refresh_badges(self, changed: Iterable[str] | None = None) -> None:
        """Relabel the shown people whose worst finding changed (edits move findings of
        people they did not touch: a manager's span, a whole subtree's layer).

        `changed`: the only people whose findings changed (the validator knows), so that an edit
        costs the findings it changed rather than a look at every line shown; None: anyone.
        """
        nodes = self._person_nodes
        candidates = nodes if changed is None else [pid for pid in changed if pid in nodes]
        self.relabel([pid for pid in candidates if self._badges.get(pid) != self._worst(pid)])

    def apply(self, touched: Collection[str]) -> None:
        """Bring the shown nodes in line with the org after an edit touching `touched`, as one
        structural change of the tree (however many people moved)."""
        with self.batched_changes():
            self._apply(touched)

    def _apply(self, touched: Collection[str]) -> None:
        parents_to_sync: set[str | None] = set()
        flipped = self.cycles.update(touched)
        if flipped:  # a cycle was made or broken: the roots change, and the entries' marks
            parents_to_sync.add(None)
            self.relabel([pid for pid in flipped if pid in self.org])
        followed, self._reshapes_followed = self._reshapes_followed, self.org.reshapes
        if flipped or followed != self.org.reshapes:
            relinked = flipped.union(self.org.relinked_since(followed, touched))
            self._follow_shape(touched, relinked, parents_to_sync)
        self.relabel(touched)
        renamed, self._renames_followed = self._renames_followed != self.org.renames, self.org.renames
        if renamed:
            self.relabel(self._naming_by_dotted_line(touched))

    def _follow_shape(
        self, touched: Collection[str], relinked: AbstractSet[str], parents_to_sync: set[str | None]
    ) -> None:
        """Add, remove and re-hang the nodes of the people `touched` where the edit moved them.

        Skipped after an edit that changed no reporting line and moved nobody (`Org.reshapes`):
        then every shown node is already where it belongs. Of the shown people, only those
        `relinked` (whose manager in the view changed) can hang in the wrong place.
        """
        strays: list[tuple[TreeNode[str], str | None]] = []
        removed: list[str] = []
        nodes, org, shown_manager = self._person_nodes, self.org, self.cycles.shown_manager
        for pid in touched:
            node = nodes.get(pid)
            if pid not in org:
                removed.append(pid)
                if node is not None:
                    self._remove(node)
                continue
            if node is not None and pid not in relinked:
                continue
            manager = shown_manager(pid)
            if node is not None:
                parent = node.parent
                if parent is None or parent.data == manager:
                    continue
                strays.append((node, manager))  # their new manager's branch takes them in, if it is shown
            parents_to_sync.add(manager)
        synced: set[str | None] = set()
        for key in parents_to_sync:
            parent = self.root if key is None else nodes.get(key)
            if parent is not None and key in self._populated_keys:
                self._sync_children(parent)
                synced.add(key)
        for node, manager in strays:
            if manager not in synced and self._is_stray(node):  # a synced branch took them in
                self._remove(node)
        self._unmark_removed(removed)

    # -- the rest of the format: dotted lines and units on each line, sibling order -----------

    def _naming_by_dotted_line(self, touched: Iterable[str]) -> set[str]:
        """The people with a dotted line to someone touched: their lines name them (asked only
        after an edit that renamed someone, or brought or took someone away: `Org.renames`)."""
        return self.org.dotted_report_ids_of(touched)

    def show_unit_names(self, shown: bool) -> None:
        """Name each person's unit on their line, or stop doing so."""
        self.show_units = shown
        self.relabel(list(self._person_nodes))

    def follow_order(self, key: str | None) -> None:
        """Put the shown reports of `key` (None: the tops) in display order again, after a reorder.

        Tree cannot move a node: the misplaced ones are removed and re-added, and whatever was
        open below them is opened again.
        """
        parent = self.root if key is None else self._person_nodes.get(key)
        if parent is None or key not in self._populated_keys:
            return
        with self.batched_changes():
            self._follow_order(parent, key)

    def _follow_order(self, parent: TreeNode[str], key: str | None) -> None:
        depth = self._depth_of(parent)
        for index, pid in enumerate(self._expected_children(key)):
            if index < len(parent.children) and parent.children[index].data == pid:
                continue
            node = self._person_nodes.get(pid)
            if node is None:
                continue
            opened = self._open_below(node)
            self._remove(node)
            self._reopen(self._add_person_node(parent, pid, depth, before=index), opened)

    @staticmethod
    def _open_below(node: TreeNode[str]) -> set[str]:
        """Ids of `node` and everyone below it whose branch is open."""
        opened: set[str] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if current.is_expanded and current.data is not None:
                opened.add(current.data)
                stack.extend(current.children)
        return opened

    def _reopen(self, node: TreeNode[str], opened: set[str]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.data in opened:
                self._populate(current)
                current.expand()
                stack.extend(current.children)

    def _manager_key(self, pid: str) -> str | None:
        return self.cycles.shown_manager(pid)

    def _sync_children(self, parent: TreeNode[str]) -> None:
        expected = self._expected_children(parent.data)
        wanted = set(expected)
        for child in list(parent.children):
            if child.data not in wanted:
                self._remove(child)
        present = {child.data for child in parent.children}
        depth = self._depth_of(parent)
        arriving = [(index, pid) for index, pid in enumerate(expected) if pid not in present]
        label_later = len(arriving) > RELABEL_NOW_LIMIT
        for index, pid in arriving:
            shown = self._person_nodes.get(pid)
            if shown is not None and not has_children(shown):  # shown elsewhere, nothing open below
                self.move_node(shown, parent, index)
                continue
            if shown is not None:
                self._remove(shown)
            self._add_person_node(parent, pid, depth, before=index, label_later=label_later)
        self.refresh_ghosts([parent.data])

    def _is_stray(self, node: TreeNode[str]) -> bool:
        """Whether `node` is still shown, under someone who is no longer its manager in the view."""
        pid, parent = node.data, node.parent
        if pid is None or parent is None or self._person_nodes.get(pid) is not node:
            return False
        return parent.data != self._manager_key(pid)

    def _remove(self, node: TreeNode[str]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            pid = current.data
            if pid is not None and self._person_nodes.get(pid) is current:
                del self._person_nodes[pid]
                self._badges.pop(pid, None)
                self._stale_labels.discard(pid)
            self.forget_node(current)
            self._populated_keys.discard(current.data)
            if has_children(current):
                stack.extend(current.children)
        node.remove()

    # -- marks (bulk editing) --------------------------------------------------------------

    def toggle_mark(self, pid: str) -> None:
        self.marks.toggle(pid)
        self.relabel([pid])
        self.post_message(self.MarksChanged())

    def clear_marks(self) -> None:
        self.relabel(self.marks.clear())
        self.post_message(self.MarksChanged())

    def action_mark_and_move(self, step: int) -> None:
        """Mark the person under the cursor and the next one up or down (shift+arrows extend a selection)."""
        node = self.cursor_node
        if node is None or node.data is None:
            return
        self.marks.add(node.data)
        self.relabel([node.data])
        if step > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()
        landed = self.cursor_node
        if landed is not None and landed.data is not None:
            self.marks.add(landed.data)
            self.relabel([landed.data])
        self.post_message(self.MarksChanged())

    def _unmark_removed(self, pids: list[str]) -> None:
        """Unmark the people an edit removed, with one notice for them all (a bulk removal of
        1,000 marked people posted 1,000)."""
        marked = [pid for pid in pids if pid in self.marks]
        if marked:
            self.marks.forget(marked)
            self.post_message(self.MarksChanged())

    # -- moving the cursor -----------------------------------------------------------------

    def reveal(self, pid: str) -> TreeNode[str] | None:
        """Expand the chain down to `pid` and return its node (or the deepest one shown).

        People on or below a reporting cycle are reached from the cycle's entry.
        """
        path = self.cycles.path_from_root(pid)
        if path is None:
            return None
        with self.batched_changes():
            return self._open_path(path, pid)

    def _open_path(self, path: list[str], pid: str) -> TreeNode[str] | None:
        self._populate(self.root)
        node: TreeNode[str] | None = None
        for ancestor in path:
            found = self._person_nodes.get(ancestor)
            if found is None:
                break
            node = found
            if ancestor != pid and node.allow_expand and not node.is_expanded:
                self._populate(node)
                node.expand()  # only when collapsed: expanding an open node makes Tree rebuild all its lines
        return node

    def select_person(self, pid: str) -> bool:
        """Move the cursor to `pid` (once); False when they cannot be shown in the tree."""
        node = self.reveal(pid)
        if node is None:
            return False
        self._move_cursor_once(node)
        return node.data == pid

    def _move_cursor_once(self, node: TreeNode[str]) -> None:
        # Reading last_line rebuilds the line cache, so the node knows its line number;
        # after the next refresh (when the size is known) scroll it into view. A cursor already
        # there stays put: moving it marks the node changed, and with it every line drawn below it.
        _ = self.last_line
        if node is not self.cursor_node or node.line != self.cursor_line:
            self.move_cursor(node, animate=False)
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        node = self.cursor_node
        if node is not None:
            self.scroll_to_node(node, animate=False)
