"""Everything about the selected person: fields, lines, chain of command, findings."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from orgdesign.document import Document
from orgdesign.model import Person
from orgdesign.roles import ROLES
from orgdesign.tui.text import literal, multiline, show_text
from orgdesign.tui.textual_private import OneLayoutStatic
from orgdesign.tui.widgets.badges import badge

CHAIN_LIMIT = 12
"""Managers listed in the chain of command; deeper chains are summarised, so moving the
cursor costs the same in a 10,000-deep chain."""

LIST_LIMIT = 12


class PersonDetails(OneLayoutStatic):
    def __init__(self, document: Document, **kwargs: Any) -> None:
        super().__init__(Text("Nobody selected", style="dim"), **kwargs)
        self.document = document
        self._shown: tuple[str | None, int] | None = None
        """Whom the pane describes, as of which `Document.revision`: an edit that moves the cursor
        asks for the same person twice (after the edit, and as the cursor lands)."""

    def show(self, pid: str | None) -> None:
        shown = (pid, self.document.revision)
        if shown == self._shown:
            return
        self._shown = shown
        org = self.document.org
        if pid is None or pid not in org:
            show_text(self, Text("Nobody selected", style="dim"))
            return
        show_text(self, self.describe(org[pid]))

    def describe(self, person: Person) -> Text:
        org = self.document.org
        text = literal(person.name, "bold")
        if person.vacancy:
            text.append("  ◌ vacant", style="italic magenta")
        text.append("\n")
        rows: list[tuple[str, Text]] = [
            ("id", literal(person.id)),
            ("role", Text(f"{ROLES[person.role].label} ({person.role})")),
        ]
        optional = [("title", person.title), ("product", person.product), ("unit", self._unit_name(person))]
        rows.extend((label, literal(value)) for label, value in optional if value)
        if person.years_pm is not None:
            rows.append(("years as PM", Text(str(person.years_pm))))
        rows.append(("manager", self._manager_text(person)))
        rows.append(("reports", Text(str(org.report_count(person.id)))))
        rows.append(("dotted to", self._names([p.name for p in org.dotted_managers(person.id)])))
        rows.append(("dotted from", self._names([p.name for p in org.dotted_reports(person.id)[: LIST_LIMIT + 1]])))
        rows.append(("chain", self._chain_text(person)))
        for waiver in person.allow:
            rows.append(("waives", literal(f"{waiver.rule}: {waiver.reason}")))
        if person.line:
            rows.append(("defined at", Text(f"line {person.line}, column {person.column}")))
        for label, value in rows:
            text.append(f"{label:>12}  ", style="dim")
            text.append_text(value)
            text.append("\n")
        if person.notes:
            text.append("\n")
            text.append_text(multiline(person.notes, "italic"))
            text.append("\n")
        text.append_text(self._findings_text(person.id))
        return text

    def _unit_name(self, person: Person) -> str | None:
        unit = self.document.org.unit(person.unit)
        return None if unit is None else f"{unit.name} ({unit.id})"

    def _manager_text(self, person: Person) -> Text:
        manager = self.document.org.manager(person.id)
        if manager is not None:
            return literal(manager.name)
        if person.reports_to is not None:
            return literal(f"{person.reports_to} (nobody has this id)", "red")
        return Text("— (top of the org)", style="dim")

    def _names(self, names: list[str]) -> Text:
        if not names:
            return Text("—", style="dim")
        shown = Text(", ").join(literal(name, limit=60) for name in names[:LIST_LIMIT])
        if len(names) > LIST_LIMIT:
            shown.append(", …", style="dim")
        return shown

    def _chain_text(self, person: Person) -> Text:
        org = self.document.org
        chain: list[Person] = []
        current = org.manager(person.id)
        while current is not None and len(chain) <= CHAIN_LIMIT and current.id != person.id:
            chain.append(current)
            current = org.manager(current.id)
        if not chain:
            return Text("—", style="dim")
        text = Text(" → ").join(literal(p.name, limit=40) for p in chain[:CHAIN_LIMIT])
        if len(chain) > CHAIN_LIMIT:
            text.append(f" → … ({org.layer(person.id)} layers above)", style="dim")
        return text

    def _findings_text(self, pid: str) -> Text:
        findings = self.document.validator.for_person(pid)
        text = Text()
        if not findings:
            return text
        text.append("\nFindings\n", style="bold underline")
        for finding in findings:
            text.append_text(badge(finding.severity))
            text.append(f" {finding.code} ", style="bold")
            text.append_text(literal(finding.message))
            if finding.waived is not None:
                text.append(" (waived)", style="dim")
            text.append("\n")
        return text
