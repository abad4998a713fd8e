"""What changed between two versions of a layout, as text (terminal), JSON and Markdown (a pull-request comment).

The comparison itself is `orgdesign.compare` (shared with the designer's compare view): people
added, removed, possibly renamed, moved, reordered and changed, changes to the layout's own fields, findings
introduced and resolved, and the figures of the stats that differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from orgdesign.compare import FindingRef, OrgDiff, PersonRef, Reordered, diff_orgs
from orgdesign.export.markdown import markdown_text
from orgdesign.text import json_text, printable

__all__ = ["diff_orgs", "render_diff_json", "render_diff_markdown", "render_diff_text"]


# -- renderers ---------------------------------------------------------------------------------


def render_diff_json(diff: OrgDiff) -> str:
    return json_text(asdict(diff))


def _who(ref: PersonRef | None) -> str:
    return "(nobody)" if ref is None else f"{ref.name} ({ref.id})"


def render_diff_text(diff: OrgDiff) -> str:
    """Plain text for a terminal; user text goes through `printable`."""
    if diff.is_empty:
        return "No changes.\n"
    lines = [printable(f"{diff.old_name} -> {diff.new_name}"), _summary(diff)]
    sections = [
        ("Added", [f"+ {_who(e.person)}, {e.role}, reports to {_who(e.manager)}" for e in diff.added]),
        ("Removed", [f"- {_who(e.person)}, {e.role}, reported to {_who(e.manager)}" for e in diff.removed]),
        ("Possibly renamed", [f"~ {_who(r.old)} -> {_who(r.new)}" for r in diff.renamed]),
        ("Moved", [f"~ {_who(m.person)}: {_who(m.old_manager)} -> {_who(m.new_manager)}" for m in diff.moved]),
        ("Reordered", [f"~ {_who(r.person)}: {_place(r)}" for r in diff.reordered]),
        ("Changed", [f"~ {_who(c.person)}: {c.field} {c.old!r} -> {c.new!r}" for c in diff.changed]),
        ("Layout", [f"~ {c.field} {c.old!r} -> {c.new!r}" for c in diff.org_changed]),
        ("Findings introduced", [f"+ {_finding_line(f)}" for f in diff.findings_introduced]),
        ("Findings resolved", [f"- {_finding_line(f)}" for f in diff.findings_resolved]),
        ("Stats", [f"{c.label}: {c.old} -> {c.new} ({c.delta})" for c in diff.stats]),
    ]
    for title, items in sections:
        if items:
            lines.extend(["", f"{title} ({len(items)})", *(printable(item) for item in items)])
    return "\n".join(lines) + "\n"


def _place(change: Reordered) -> str:
    under = "among the tops" if change.manager is None else f"under {_who(change.manager)}"
    return f"place {change.old_position} -> {change.new_position} of {change.among} {under}"


def _finding_line(finding: FindingRef) -> str:
    about = f" {_who(finding.person)}:" if finding.person is not None else ""
    return f"{finding.code} {finding.severity}{about} {finding.message}"


def _summary(diff: OrgDiff) -> str:
    renamed = f"{len(diff.renamed)} possibly renamed, " if diff.renamed else ""
    reordered = f"{len(diff.reordered)} reordered, " if diff.reordered else ""
    return (
        f"{len(diff.added)} added, {len(diff.removed)} removed, {renamed}{len(diff.moved)} moved, {reordered}"
        f"{len(diff.changed)} changed; findings: {len(diff.findings_introduced)} introduced, "
        f"{len(diff.findings_resolved)} resolved"
    )


def render_diff_markdown(diff: OrgDiff) -> str:
    """A pull-request comment: a summary line, then a table per kind of change."""
    lines = ["### Org changes", ""]
    if diff.is_empty:
        return "\n".join([*lines, "No changes."]) + "\n"
    lines.append(_summary(diff))
    tables: list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]] = [
        (
            "Added",
            ("Person", "Role", "Reports to"),
            [(_md_who(e.person), _cell(e.role), _md_who(e.manager)) for e in diff.added],
        ),
        (
            "Removed",
            ("Person", "Role", "Reported to"),
            [(_md_who(e.person), _cell(e.role), _md_who(e.manager)) for e in diff.removed],
        ),
        (
            "Possibly renamed",
            ("Before", "After"),
            [(_md_who(r.old), _md_who(r.new)) for r in diff.renamed],
        ),
        (
            "Moved",
            ("Person", "From", "To"),
            [(_md_who(m.person), _md_who(m.old_manager), _md_who(m.new_manager)) for m in diff.moved],
        ),
        (
            "Reordered",
            ("Person", "Under", "Place before", "Place after", "Of"),
            [
                (_md_who(r.person), _md_who(r.manager), str(r.old_position), str(r.new_position), str(r.among))
                for r in diff.reordered
            ],
        ),
        (
            "Changed",
            ("Person", "Field", "Before", "After"),
            [(_md_who(c.person), _cell(c.field), _cell(c.old), _cell(c.new)) for c in diff.changed],
        ),
        (
            "Layout",
            ("Field", "Before", "After"),
            [(_cell(c.field), _cell(c.old), _cell(c.new)) for c in diff.org_changed],
        ),
        (
            "Findings introduced",
            ("Rule", "Severity", "Person", "Message"),
            [_md_finding(f) for f in diff.findings_introduced],
        ),
        (
            "Findings resolved",
            ("Rule", "Severity", "Person", "Message"),
            [_md_finding(f) for f in diff.findings_resolved],
        ),
        (
            "Stats",
            ("Figure", "Before", "After", "Change"),
            [(_cell(c.label), str(c.old), str(c.new), c.delta) for c in diff.stats],
        ),
    ]
    for title, header, rows in tables:
        if rows:
            lines.extend(["", f"**{title}** ({len(rows)})", "", _row(header), _row(["---"] * len(header))])
            lines.extend(_row(row) for row in rows)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """One line, Markdown-escaped; `markdown_text` escapes `|` too, so a cell stays one cell."""
    return markdown_text(text)


def _md_who(ref: PersonRef | None) -> str:
    return "—" if ref is None else _cell(f"{ref.name} ({ref.id})")


def _md_finding(finding: FindingRef) -> tuple[str, ...]:
    return (f"`{finding.code}`", finding.severity, _md_who(finding.person), _cell(finding.message))


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
