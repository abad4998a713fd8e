"""The org as a lazily populated tree that follows edits without rebuilding itself.

Children are added only when a node is first expanded, so opening a 100,000-person org builds
just the top layers. An `id -> TreeNode` index lets an edit touch exactly the nodes it
affects: relabel them, and remove/re-insert only the people whose manager changed. The
cursor is moved once per operation, because every structural change makes Tree rebuild its
line cache on the next cursor query.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events, on
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from orgdesign.cycles import CycleWatch
from orgdesign.model import Org
from orgdesign.rules.finding import Severity
from orgdesign.tui.text import literal
from orgdesign.tui.widgets.badges import badge

MAX_DEPTH = 400
"""Deepest layer the tree expands to: Tree builds its lines recursively, with a list of
ancestors per line, so a 10,000-deep chain cannot be expanded in full."""

NAME_LIMIT = 80


class OrgTree(Tree[str]):
    """Node data is the person id; the hidden root holds the tops."""

    def __init__(self, org: Org, worst, cycles: CycleWatch | None = None, **kwargs) -> None:
        """`cycles`: the reporting cycles, shared with the chart (found here when not given)."""
        super().__init__("org", **kwargs)
        self.org = org
        self._worst = worst
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self._person_nodes: dict[str, TreeNode[str]] = {}
        self._populated_keys: set[str | None] = set()
        self._badges: dict[str, Severity | None] = {}
        """The severity each shown node's badge displays, to relabel only those that change."""
        self.cycles = cycles or CycleWatch(org)
        """Reporting cycles, each shown beside the tops so that it can be repaired."""

    # -- building --------------------------------------------------------------------------

    def load(self) -> None:
        """Show the tops and their reports; everything deeper waits for an expand."""
        self.clear()
        self._person_nodes.clear()
        self._populated_keys.clear()
        self._badges.clear()
        self._populate(self.root)
        for node in list(self.root.children)[:20]:
            self._populate(node)
            node.expand()
        if self.root.children:
            self._move_cursor_once(self.root.children[0])

    def label_for(self, pid: str) -> Text:
        person = self.org[pid]
        label = literal(person.name, "bold", limit=NAME_LIMIT)
        label.append("  ")
        label.append_text(literal(person.display_role, "dim", limit=NAME_LIMIT))
        if person.vacancy:
            label.append("  ◌ vacant", style="italic magenta")
        if pid in self.cycles.entries:
            label.append("  ↻ reporting cycle", style="bold red")
        worst = self._badges[pid] = self._worst(pid)
        if worst is not None:
            label.append(" ")
            label.append_text(badge(worst))
        return label

    def _add_child(self, parent: TreeNode[str], pid: str, depth: int, before: int | None = None) -> TreeNode[str]:
        """Add `pid` under `parent`, which sits `depth` layers below the hidden root."""
        expandable = self.org.report_count(pid) > 0 and depth < MAX_DEPTH
        node = parent.add(self.label_for(pid), pid, before=before, allow_expand=expandable)
        self._person_nodes[pid] = node
        return node

    def _populate(self, node: TreeNode[str]) -> None:
        key = node.data
        if key in self._populated_keys:
            return
        self._populated_keys.add(key)
        depth = self._depth_of(node)
        for pid in self._expected_children(key):
            self._add_child(node, pid, depth)

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

    def get_label_width(self, node: TreeNode[str]) -> int:
        return node.label.cell_len + (len(self.ICON_NODE) if node.allow_expand else 0)

    # -- queries ---------------------------------------------------------------------------

    def node_for(self, pid: str) -> TreeNode[str] | None:
        return self._person_nodes.get(pid)

    @property
    def selected_id(self) -> str | None:
        node = self.cursor_node
        return None if node is None else node.data

    # -- following edits -------------------------------------------------------------------

    def relabel(self, pids: Iterable[str]) -> None:
        """Refresh the labels (and expandability) of the given people, where shown."""
        for pid in pids:
            node = self._person_nodes.get(pid)
            if node is not None and pid in self.org:
                node.set_label(self.label_for(pid))
                expandable = self.org.report_count(pid) > 0 and self._depth_of(node) < MAX_DEPTH
                if node.allow_expand != expandable:
                    node.allow_expand = expandable

    def refresh_badges(self) -> None:
        """Relabel the shown people whose worst finding changed (edits move findings of
        people they did not touch: a manager's span, a whole subtree's layer)."""
        changed = [pid for pid in self._person_nodes if self._badges.get(pid) != self._worst(pid)]
        self.relabel(changed)

    def apply(self, touched: Iterable[str]) -> None:
        """Bring the shown nodes in line with the org after an edit touching `touched`."""
        parents_to_sync: set[str | None] = set()
        flipped = self.cycles.update(touched)
        if flipped:  # a cycle was made or broken: the roots change, and the entries' marks
            parents_to_sync.add(None)
            self.relabel([pid for pid in flipped if pid in self.org])
        for pid in touched:
            node = self._person_nodes.get(pid)
            if pid not in self.org:
                if node is not None:
                    self._remove(node)
                continue
            manager = self._manager_key(pid)
            if node is not None and node.parent is not None and node.parent.data != manager:
                self._remove(node)
            elif node is not None:
                continue
            parents_to_sync.add(manager)
        for key in parents_to_sync:
            parent = self.root if key is None else self._person_nodes.get(key)
            if parent is not None and key in self._populated_keys:
                self._sync_children(parent)
        self.relabel(touched)

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
        for index, pid in enumerate(expected):
            if pid not in present:
                if pid in self._person_nodes:
                    self._remove(self._person_nodes[pid])
                self._add_child(parent, pid, depth, before=index)

    def _remove(self, node: TreeNode[str]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if self._person_nodes.get(current.data) is current:
                del self._person_nodes[current.data]
                self._badges.pop(current.data, None)
            self._populated_keys.discard(current.data)
            stack.extend(current.children)
        node.remove()

    # -- moving the cursor -----------------------------------------------------------------

    def reveal(self, pid: str) -> TreeNode[str] | None:
        """Expand the chain down to `pid` and return its node (or the deepest one shown).

        People on or below a reporting cycle are reached from the cycle's entry.
        """
        path = self.cycles.path_from_root(pid)
        if path is None:
            return None
        self._populate(self.root)
        node: TreeNode[str] | None = None
        for ancestor in path:
            found = self._person_nodes.get(ancestor)
            if found is None:
                break
            node = found
            if ancestor != pid and node.allow_expand:
                self._populate(node)
                node.expand()
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
        # after the next refresh (when the size is known) scroll it into view.
        _ = self.last_line
        self.move_cursor(node, animate=False)
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        node = self.cursor_node
        if node is not None:
            self.scroll_to_node(node, animate=False)
