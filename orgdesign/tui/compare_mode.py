"""The designer comparing the open layout with a baseline: tree marks, ghosts, the Changes pane.

`CompareMode` wraps a `compare.Comparison` of the document's org (live, with the document's own
validator) against the baseline (read once, never written). It is the tree's `Annotations`:
each person's mark (added, moved from whom, changed fields, possibly renamed) and the ghosts,
removed people shown struck through under the nearest manager of theirs still in the org.
After every edit `follow` says which labels and which ghost lists to redraw.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from orgdesign.baseline import Baseline
from orgdesign.compare import Change, Comparison, Entry, PersonStatus, Renamed, subject_of
from orgdesign.document import Document
from orgdesign.edits import Batch, Edit
from orgdesign.model import Org, Person
from orgdesign.rules import Validator
from orgdesign.tui.text import literal
from orgdesign.tui.widgets.chart_marks import ChartMark, chart_mark
from orgdesign.tui.widgets.org_tree import GHOST, NAME_LIMIT

COMPARE_BINDINGS = (
    Binding(
        "B",
        "compare",
        "Compare with…",
        tooltip="Compare with another file, the last saved version or a git revision (shift+b)",
        id="compare",
        show=False,
    ),
    Binding(
        "R",
        "revert_change",
        "Revert change",
        tooltip="While comparing: put back the baseline's value of the selected change (undoable; shift+r)",
        id="revert-change",
        show=False,
    ),
    Binding(
        "K",
        "accept_change",
        "Accept change",
        tooltip="While comparing: mark the selected change as reviewed (kept), or not (shift+k)",
        id="accept-change",
        show=False,
    ),
)
"""The main screen's keys for comparing (its BINDINGS include them)."""


class CompareMode:
    def __init__(self, document: Document, baseline: Baseline) -> None:
        self.document = document
        self.baseline = baseline
        self.comparison = Comparison(baseline.org, document.org, Validator(baseline.org), document.validator)
        self._chains: dict[str, list[str]] = {}
        self._ghosts = self._placed_ghosts()

    # -- the tree's annotations --------------------------------------------------------------

    def mark(self, pid: str) -> Text | None:
        status = self.comparison.status(pid)
        return None if status is None else self._mark(status)

    def _mark(self, status: PersonStatus) -> Text:
        text = Text()
        if status.renamed_from is not None:
            text.append("  ~ was ", style="yellow")
            text.append_text(literal(status.renamed_from, "yellow", limit=NAME_LIMIT))
        elif status.added:
            text.append("  + added", style="bold green")
        if status.moved_from is not None:
            text.append("  ↷ from ", style="cyan")
            text.append_text(self._baseline_name(status.moved_from or None))
        if status.reordered:
            text.append("  ⇅ reordered", style="cyan")
        if status.changed:
            text.append("  ✎ " + ", ".join(status.changed), style="yellow")
        return text

    def _baseline_name(self, pid: str | None) -> Text:
        person = self.baseline.org.get(pid)
        if person is None:
            return Text("the top", style="cyan italic")
        return literal(person.name, "cyan", limit=NAME_LIMIT)

    def ghosts(self, manager: str | None) -> list[tuple[str, Text]]:
        return [(pid, self._ghost_label(pid)) for pid in self._ghosts.get(manager, ())]

    def _ghost_label(self, pid: str) -> Text:
        person = self.baseline.org[pid]
        label = literal(person.name, "strike dim", limit=NAME_LIMIT)
        label.append("  ")
        label.append_text(literal(person.display_role, "strike dim", limit=NAME_LIMIT))
        status = self.comparison.status(pid)
        if status is not None and status.renamed_to is not None:
            label.append("  ~ now ", style="yellow")
            label.append_text(literal(status.renamed_to, "yellow", limit=NAME_LIMIT))
        else:
            label.append("  ✗ removed", style="bold red")
        return label

    def describe_removed(self, pid: str) -> Text:
        """The details pane for a removed person: who they were in the baseline."""
        person = self.baseline.org[pid]
        text = literal(person.name, "bold strike")
        status = self.comparison.status(pid)
        partner = status.renamed_to if status is not None else None
        text.append("\nnot in this layout: possibly renamed to " if partner else "\nnot in this layout", style="red")
        if partner:
            text.append_text(literal(partner, "bold"))
        text.append("\n\nIn ", style="dim")
        text.append_text(literal(self.baseline.label, "dim"))
        text.append(":\n", style="dim")
        text.append_text(literal(person.display_role))
        manager = self.baseline.org.get(person.reports_to)
        text.append("\nreported to ")
        text.append_text(literal(manager.name) if manager is not None else Text("nobody (a top)", style="italic"))
        text.append("\n\nR (revert) brings them back.", style="dim")
        return text

    def _placed_ghosts(self) -> dict[str | None, list[str]]:
        """Removed people by where they are shown: under their nearest manager still in the org."""
        placed: dict[str | None, list[str]] = {}
        current = self.document.org
        for pid in self.comparison.removed_ids():
            above = next((manager for manager in self._baseline_chain(pid) if manager in current), None)
            placed.setdefault(above, []).append(pid)
        return placed

    def _baseline_chain(self, pid: str) -> list[str]:
        """`pid`'s managers in the baseline, nearest first (the baseline never changes: worked out once)."""
        chain = self._chains.get(pid)
        if chain is None:
            chain = self._chains[pid] = [manager.id for manager in self.baseline.org.chain_of_command(pid)]
        return chain

    # -- the chart's marks (a ChartComparison) ---------------------------------------------------

    @property
    def baseline_label(self) -> str:
        return self.baseline.label

    def chart_mark(self, pid: str) -> ChartMark | None:
        return chart_mark(self.comparison.status(pid))

    def removed_count(self) -> int:
        return sum(1 for pid in self.comparison.removed_ids() if not self._renamed_to(pid))

    def ghosts_under(self) -> dict[str | None, list[Person]]:
        """The removed (not the possibly renamed, whose new id has a box) by whom they are shown under."""
        old = self.baseline.org
        shown = {key: [old[pid] for pid in pids if not self._renamed_to(pid)] for key, pids in self._ghosts.items()}
        return {key: people for key, people in shown.items() if people}

    def _renamed_to(self, pid: str) -> bool:
        status = self.comparison.status(pid)
        return status is not None and status.renamed_to is not None

    # -- following edits ---------------------------------------------------------------------

    def follow(self, touched: set[str]) -> tuple[set[str], set[str | None]]:
        """Catch up after an edit: (people to relabel, managers whose ghosts to redraw)."""
        relabel = self.comparison.refresh(touched, self.document.validator.last_rechecked)
        before, self._ghosts = self._ghosts, self._placed_ghosts()
        redraw = {key for key in before.keys() | self._ghosts.keys() if before.get(key) != self._ghosts.get(key)}
        renamed = {pid for pid in relabel if pid in self.baseline.org and pid not in self.document.org}
        for key, pids in self._ghosts.items():
            if renamed.intersection(pids):
                redraw.add(key)
        return relabel | touched, redraw

    # -- acting on changes -------------------------------------------------------------------

    def ghost_parents(self) -> list[str]:
        """The people under whom removed people are shown."""
        return [key for key in self._ghosts if key is not None]

    def ghost_parent(self, pid: str) -> str | None:
        return next((key for key, pids in self._ghosts.items() if pid in pids), None)

    def changes_of(self, node_data: str) -> list[Change]:
        """Every change about the person (or ghost) a tree node shows."""
        pid = node_data.removeprefix(GHOST)
        diff = self.comparison.summary()
        every: list[Change] = [*diff.added, *diff.removed, *diff.renamed, *diff.moved, *diff.reordered, *diff.changed]
        return [change for change in every if _about(change, pid)]

    def revert(self, changes: list[Change]) -> Edit:
        """One undoable edit putting back the baseline's value of each of `changes`
        (raises EditRefused when one cannot be put back)."""
        org: Org = self.document.org
        if len(changes) == 1:
            return self.comparison.revert(changes[0])
        first = next((c for c in changes if isinstance(c, Entry | Renamed)), None)
        if first is not None:  # adding or removing the person undoes the rest of their changes with it
            return self.comparison.revert(first)
        name = org[subject_of(changes[0]) or ""].name
        return Batch([self.comparison.revert(change) for change in changes], f"revert {name} to the baseline")

    def toggle_accepted(self, changes: list[Change]) -> bool:
        """Mark `changes` reviewed (or, when all already are, not); True when now marked."""
        accepted = self.comparison.accepted
        if all(change in accepted for change in changes):
            accepted.difference_update(changes)
            return False
        accepted.update(changes)
        return True


def _about(change: Change, pid: str) -> bool:
    if isinstance(change, Renamed):
        return pid in (change.old.id, change.new.id)
    return subject_of(change) == pid
