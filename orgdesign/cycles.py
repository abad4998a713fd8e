"""Where views that start from the tops show reporting cycles, kept current across edits.

A layout may hold a reporting cycle (it must load so the user can repair it). No top reaches
such people, so a tree or chart drawn from the tops would leave them out. Each cycle is shown
beside the tops instead, entered at its earliest-added member (`Org.cycle_entries`), and
the line that closes the loop is left out so every person appears exactly once.

Finding the cycles walks the whole org, so it is done once, and again only after an edit
that touched someone on or below a cycle, before or after the edit: edits elsewhere cannot
make or break one.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgdesign.model import Org


class CycleWatch:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.entries: list[str] = []
        self.stranded: set[str] = set()
        """Everyone on or below a cycle."""
        self.refind()

    def refind(self) -> None:
        self.entries = self.org.cycle_entries()
        self.stranded = {pid for entry in self.entries for pid in self.org.subtree_ids(entry)}

    def update(self, touched: Iterable[str]) -> bool:
        """Follow an edit that touched `touched`; whether the entries changed."""
        org = self.org
        if not any(pid in self.stranded or (pid in org and not org.reaches_a_top(pid)) for pid in touched):
            return False
        before = self.entries
        self.refind()
        return before != self.entries

    def roots(self) -> list[str]:
        """The tops, then one entry per cycle."""
        return self.org.top_ids() + self.entries

    def reports(self, pid: str) -> list[str]:
        """`pid`'s reports in display order, without a cycle entry (shown among the roots)."""
        reports = self.org.report_ids(pid)
        return [report for report in reports if report not in self.entries] if self.entries else reports

    def shown_manager(self, pid: str) -> str | None:
        """Whom `pid` hangs under in the view: their manager, or None for roots."""
        manager = self.org.manager(pid)
        return None if manager is None or pid in self.entries else manager.id

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
