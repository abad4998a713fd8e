"""Where views that start from the tops show reporting cycles, kept current across edits.

A layout may hold a reporting cycle (it must load so the user can repair it). No top reaches
such people, so a tree or chart drawn from the tops would leave them out. Each cycle is shown
beside the tops instead, entered at its earliest-added member (`Org.cycle_entries`), and
the line that closes the loop is left out so every person appears exactly once.

Finding the cycles walks the whole org, so it is done once, and again only after an edit
that touched someone on or below a cycle, before or after the edit: edits elsewhere cannot
make or break one, and neither can an edit that changed no reporting line (`Org.reshapes`).
The tree and the chart share one watch; each tells it about the same edit, and only the
first call does the work.
"""

from __future__ import annotations

from collections.abc import Collection

from orgdesign.model import Org


class CycleWatch:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.entries: list[str] = []
        self.stranded: set[str] = set()
        """Everyone on or below a cycle."""
        self._last_edit: tuple[Collection[str], frozenset[str]] | None = None
        """The touched set of the last edit followed, and what it changed (see `update`)."""
        self._reshapes_seen = org.reshapes
        self.refind()

    def refind(self) -> None:
        self.entries = self.org.cycle_entries()
        self.stranded = {pid for entry in self.entries for pid in self.org.subtree_ids(entry)}

    def update(self, touched: Collection[str]) -> frozenset[str]:
        """Follow an edit that touched `touched`: the people who became, or stopped being, a
        cycle entry (empty when the cycles are as they were).

        Told again about the same edit (the same `touched` object), it answers as before.
        """
        if self._last_edit is not None and self._last_edit[0] is touched:
            return self._last_edit[1]
        flipped = self._refind_if_touched(touched)
        self._last_edit = (touched, flipped)
        return flipped

    def _refind_if_touched(self, touched: Collection[str]) -> frozenset[str]:
        seen, self._reshapes_seen = self._reshapes_seen, self.org.reshapes
        if seen == self.org.reshapes or not self._any_on_or_below_a_cycle(touched, seen):
            return frozenset()
        before = self.entries
        self.refind()
        return frozenset(before).symmetric_difference(self.entries)

    def _any_on_or_below_a_cycle(self, touched: Collection[str], seen: int) -> bool:
        """Whether anyone in `touched` was stranded, or is now: a new cycle runs through someone
        whose manager changed since the `seen` count of reshapes, so only their chains are walked."""
        return not self.stranded.isdisjoint(touched) or self.org.any_chain_loops(self.org.relinked_since(seen, touched))

    def roots(self) -> list[str]:
        """The tops, then one entry per cycle."""
        return self.org.top_ids() + self.entries

    def reports(self, pid: str) -> list[str]:
        """`pid`'s reports in display order, without a cycle entry (shown among the roots)."""
        reports = self.org.report_ids(pid)
        return [report for report in reports if report not in self.entries] if self.entries else reports

    def shown_manager(self, pid: str) -> str | None:
        """Whom `pid` hangs under in the view: their manager, or None for roots."""
        return None if pid in self.entries else self.org.manager_id(pid)

    def path_from_root(self, pid: str) -> list[str] | None:
        """The people from `pid`'s root down to `pid`, or None if they are not in the org."""
        if pid not in self.org:
            return None
        chain = [pid]
        for manager in self.org.chain_of_command(pid):
            if chain[-1] in self.entries:
                break
            chain.append(manager.id)
        return list(reversed(chain))
