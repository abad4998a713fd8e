"""What changed between two versions of a layout, matched by person id.

`diff_orgs` lists people added and removed, people moved to another manager, changes to
the fields a reader of an org chart cares about, and findings introduced or resolved.
A finding is the same in both versions when its code, person and message match; failing
that, when its code and person match (a message that mentions a number, like a span, may
change while the problem stays). Waived findings are left out.

Renderers for text (terminal), JSON and Markdown (a pull-request comment) follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass

from orgdesign.export.forest import spanning_forest
from orgdesign.export.markdown import markdown_text
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Finding
from orgdesign.text import json_text, printable

COMPARED_FIELDS = ("name", "role", "title", "unit", "product", "vacancy", "dotted_to")


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Entry:
    """Someone added or removed, with their role and manager at the time."""

    person: PersonRef
    role: str
    manager: PersonRef | None


@dataclass(frozen=True, slots=True)
class Move:
    person: PersonRef
    old_manager: PersonRef | None
    new_manager: PersonRef | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    person: PersonRef
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class FindingRef:
    code: str
    severity: str
    person: PersonRef | None
    message: str


@dataclass(frozen=True, slots=True)
class OrgDiff:
    old_name: str
    new_name: str
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    moved: tuple[Move, ...]
    changed: tuple[FieldChange, ...]
    findings_introduced: tuple[FindingRef, ...]
    findings_resolved: tuple[FindingRef, ...]

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.moved
            or self.changed
            or self.findings_introduced
            or self.findings_resolved
        )


Validator = Callable[[Org], Iterable[Finding]]


def diff_orgs(old: Org, new: Org, validate: Validator | None = None) -> OrgDiff:
    """The differences from `old` to `new`; `validate` defaults to the rules engine."""
    if validate is None:
        from orgdesign.rules import validate as validate_with_rules

        validate = validate_with_rules
    old_findings = [f for f in validate(old) if f.waived is None]
    new_findings = [f for f in validate(new) if f.waived is None]
    old_order = spanning_forest(old).order
    new_order = spanning_forest(new).order
    return OrgDiff(
        old_name=old.name,
        new_name=new.name,
        added=tuple(_entry(new, pid) for pid in new_order if pid not in old),
        removed=tuple(_entry(old, pid) for pid in old_order if pid not in new),
        moved=tuple(_moves(old, new, new_order)),
        changed=tuple(change for pid in new_order if pid in old for change in _field_changes(old[pid], new[pid])),
        findings_introduced=tuple(_finding_ref(new, f) for f in _unmatched(new_findings, old_findings)),
        findings_resolved=tuple(_finding_ref(old, f) for f in _unmatched(old_findings, new_findings)),
    )


def _ref(org: Org, pid: str | None) -> PersonRef | None:
    if pid is None:
        return None
    person = org.get(pid)
    return PersonRef(pid, person.name if person is not None else pid)


def _entry(org: Org, pid: str) -> Entry:
    person = org[pid]
    return Entry(PersonRef(pid, person.name), person.display_role, _ref(org, person.reports_to))


def _moves(old: Org, new: Org, order: list[str]) -> Iterable[Move]:
    for pid in order:
        if pid in old and old[pid].reports_to != new[pid].reports_to:
            yield Move(PersonRef(pid, new[pid].name), _ref(old, old[pid].reports_to), _ref(new, new[pid].reports_to))


def _field_changes(before: Person, after: Person) -> Iterable[FieldChange]:
    for name in COMPARED_FIELDS:
        old_value, new_value = getattr(before, name), getattr(after, name)
        if old_value != new_value:
            yield FieldChange(PersonRef(after.id, after.name), name, _shown(old_value), _shown(new_value))


def _shown(value: object) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _unmatched(ours: list[Finding], theirs: list[Finding]) -> list[Finding]:
    """Findings in `ours` with no counterpart in `theirs` (multiset matching, in two passes)."""
    exact: dict[tuple, int] = {}
    loose: dict[tuple, int] = {}
    for finding in theirs:
        exact[(finding.code, finding.person, finding.message)] = (
            exact.get((finding.code, finding.person, finding.message), 0) + 1
        )
    leftovers = []
    for finding in ours:
        key = (finding.code, finding.person, finding.message)
        if exact.get(key, 0):
            exact[key] -= 1
        else:
            leftovers.append(finding)
    for (code, person, _message), count in exact.items():
        loose[(code, person)] = loose.get((code, person), 0) + count
    unmatched = []
    for finding in leftovers:
        loose_key = (finding.code, finding.person)
        if loose.get(loose_key, 0):
            loose[loose_key] -= 1
        else:
            unmatched.append(finding)
    return sorted(unmatched, key=lambda f: f.sort_key)


def _finding_ref(org: Org, finding: Finding) -> FindingRef:
    return FindingRef(finding.code, finding.severity.label, _ref(org, finding.person), finding.message)


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
        ("Moved", [f"~ {_who(m.person)}: {_who(m.old_manager)} -> {_who(m.new_manager)}" for m in diff.moved]),
        ("Changed", [f"~ {_who(c.person)}: {c.field} {c.old!r} -> {c.new!r}" for c in diff.changed]),
        ("Findings introduced", [f"+ {_finding_line(f)}" for f in diff.findings_introduced]),
        ("Findings resolved", [f"- {_finding_line(f)}" for f in diff.findings_resolved]),
    ]
    for title, items in sections:
        if items:
            lines.extend(["", f"{title} ({len(items)})", *(printable(item) for item in items)])
    return "\n".join(lines) + "\n"


def _finding_line(finding: FindingRef) -> str:
    about = f" {_who(finding.person)}:" if finding.person is not None else ""
    return f"{finding.code} {finding.severity}{about} {finding.message}"


def _summary(diff: OrgDiff) -> str:
    return (
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.moved)} moved, "
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
            "Moved",
            ("Person", "From", "To"),
            [(_md_who(m.person), _md_who(m.old_manager), _md_who(m.new_manager)) for m in diff.moved],
        ),
        (
            "Changed",
            ("Person", "Field", "Before", "After"),
            [(_md_who(c.person), c.field, _cell(c.old), _cell(c.new)) for c in diff.changed],
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
