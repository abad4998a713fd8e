"""Exports of the whole org or of one person's subtree to a file (the designer's Export).

Formats are the exporters' own; this module picks the people and writes the file the same
careful way a layout is saved: only over a regular file (a symlink is written through), atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from orgdesign.export import EXPORTERS
from orgdesign.layout.saving import regular_target, write_atomically
from orgdesign.model import Org
from orgdesign.rules.finding import Severity

CHOSEN_FORMATS: dict[str, str] = {"svg": ".svg", "mermaid": ".mmd", "markdown": ".md", "csv": ".csv"}
"""The formats the designer offers, with the suffix a new file gets."""


def subtree_org(org: Org, root: str) -> Org:
    """`root` and everyone below them as an org of their own: `root` is its top, and dotted
    lines to people outside it are left out (an export cannot draw them)."""
    ids = org.subtree_ids(root)
    inside = set(ids)
    people = [org[pid] for pid in ids]
    people = [
        replace(
            person,
            reports_to=None if person.id == root else person.reports_to,
            dotted_to=tuple(pid for pid in person.dotted_to if pid in inside),
        )
        for person in people
    ]
    return Org(org.name, people, profile=org.profile, settings=org.settings, units=org.units)


def export_text(org: Org, export_format: str, severity: Mapping[str, Severity], root: str | None = None) -> str:
    """The org (or `root`'s subtree) in `export_format`, coloured by the worst finding per person."""
    part = org if root is None else subtree_org(org, root)
    return EXPORTERS[export_format](part, severity)


def write_export(path: str, text: str) -> str:
    """Write `text` to `path` atomically; returns the file written (a symlink's target).

    Raises SaveError when something other than a regular file is there, OSError when writing fails.
    """
    target = regular_target(path, "export to the path of a regular file")
    write_atomically(target, text.encode("utf-8"))
    return target
