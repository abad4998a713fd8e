"""The reporting lines as a forest every exporter can walk without recursion.

A valid org is already a forest. An invalid one may contain reporting cycles, which no top
reaches; each such group is entered at one member of its cycle, so that every person is
drawn exactly once and the picture still shows who reports to whom everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.model import Org


@dataclass(frozen=True, slots=True)
class Forest:
    roots: list[str]
    children: dict[str, list[str]]
    """Each person's reports in display order, without the line that closes a cycle."""
    order: list[str]
    """Everyone in pre-order: a root, then its reports, depth first."""
    depth: dict[str, int]
    """0 for a root, 1 for its reports, and so on."""

    def parent(self) -> dict[str, str]:
        """Person -> their manager in the forest (roots have none)."""
        return {child: pid for pid, kids in self.children.items() for child in kids}


def spanning_forest(org: Org) -> Forest:
    """The reporting forest of `org`; people in a cycle hang under the member it is entered at."""
    roots = list(org.top_ids())
    children = {pid: org.report_ids(pid) if org.report_count(pid) else [] for pid in org.ids()}  # most have none
    order: list[str] = []
    depth: dict[str, int] = {}
    _walk(roots, children, order, depth)
    if len(order) < len(org):
        for entry in org.cycle_entries():
            roots.append(entry)
            _cut_line_into(org, entry, children)
            _walk([entry], children, order, depth)
    return Forest(roots, children, order, depth)


def _walk(roots: list[str], children: dict[str, list[str]], order: list[str], depth: dict[str, int]) -> None:
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        pid, level = stack.pop()
        if pid in depth:
            continue
        depth[pid] = level
        order.append(pid)
        stack.extend([(child, level + 1) for child in reversed(children[pid])])


def _cut_line_into(org: Org, entry: str, children: dict[str, list[str]]) -> None:
    manager = org[entry].reports_to
    assert manager is not None, "everyone on a reporting cycle has a manager"
    children[manager] = [pid for pid in children[manager] if pid != entry]
