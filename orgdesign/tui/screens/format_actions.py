"""The main screen's actions on the rest of the layout format: dotted lines, waivers, units, the
org's name and settings, and sibling order.

`FORMAT_BINDINGS` are the main screen's keys for them, and `FormatEditing` does the work; the
main screen delegates each action to it. Every change is an edit command from `orgdesign.edits`,
so it is undoable and the CLI and tests make the same change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding, BindingType

from orgdesign.edits import (
    AddDottedLine,
    AddUnit,
    AssignUnit,
    Batch,
    ChangeSettings,
    DeleteUnit,
    Edit,
    MoveAmongSiblings,
    RemoveDottedLine,
    RemoveWaiver,
    RenameOrg,
    RenameUnit,
    Waive,
    free_unit_id,
    unit_members,
)
from orgdesign.model import Person, Settings, Unit
from orgdesign.rules.finding import Finding
from orgdesign.tui.screens.choice import Choice, ChoiceScreen
from orgdesign.tui.screens.person_picker import PersonPicker
from orgdesign.tui.screens.settings import SettingsScreen
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.screens.units import UnitsScreen
from orgdesign.tui.text import literal, toast

if TYPE_CHECKING:
    from orgdesign.tui.screens.main import MainScreen


def _hidden(key: str, action: str, description: str, tooltip: str, binding_id: str) -> Binding:
    """A binding listed in help and the palette but not in the footer (which keeps the essentials)."""
    return Binding(key, action, description, tooltip=tooltip, id=binding_id, show=False)


FORMAT_BINDINGS: list[BindingType] = [
    _hidden("l", "add_dotted", "Add dotted line", "Add a dotted-line manager to the selected person", "dotted-add"),
    _hidden(
        "L",
        "remove_dotted",
        "Remove dotted line",
        "Remove one of the selected person's dotted lines (shift+l)",
        "dotted-remove",
    ),
    _hidden(
        "w",
        "waive",
        "Waive finding",
        "Waive the selected finding for its person, with a reason (allow: rule, reason)",
        "waive",
    ),
    _hidden(
        "W",
        "remove_waiver",
        "Remove waiver",
        "Remove a waiver of the selected person or finding (shift+w)",
        "waiver-remove",
    ),
    _hidden(
        "V",
        "toggle_waived",
        "Show or hide waived findings",
        "Show waived findings greyed in the list, or hide them (shift+v)",
        "waived-toggle",
    ),
    _hidden(
        "u", "assign_unit", "Assign unit", "Put the selected person into a unit (or a new one, or none)", "unit-assign"
    ),
    _hidden(
        "U", "units", "Units: create, rename, delete", "Create, rename and delete the org's units (shift+u)", "units"
    ),
    _hidden(
        "t",
        "toggle_unit_names",
        "Show or hide units in the tree",
        "Show each person's unit in the tree, or hide it",
        "units-shown",
    ),
    _hidden("N", "rename_org", "Rename org", "Rename the layout: the org's name (shift+n)", "rename-org"),
    _hidden(
        "comma",
        "settings",
        "Settings",
        "Span and layer limits, rules switched off; findings update as you change them",
        "settings",
    ),
    _hidden(
        "left_square_bracket",
        "move_up",
        "Reorder: move up",
        "Move the selected person up among their siblings (the layout's order)",
        "reorder-up",
    ),
    _hidden(
        "right_square_bracket",
        "move_down",
        "Reorder: move down",
        "Move the selected person down among their siblings (the layout's order)",
        "reorder-down",
    ),
]

NO_UNIT, NEW_UNIT = "\x00none", "\x00new"
"""Answers of the unit question besides the units' ids (ids are never empty, so these cannot clash)."""


class FormatEditing:
    """The format actions of one main screen (which owns the document, the tree and the findings)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._settings_edit: Edit | None = None
        self._units_screen: UnitsScreen | None = None

    # -- doing -----------------------------------------------------------------------------

    def _selection(self) -> Person | None:
        """The selected person, or None after telling the user to select someone."""
        return self.screen._require_selection()

    def _do_or_raise(self, edit: Edit, select: str | None = None) -> set[str]:
        """For prompts and pickers: EditRefused propagates so they can show it inline."""
        touched = self.screen.document.do(edit)
        self.screen.show_outcome(touched, select)
        return touched

    # -- dotted lines ----------------------------------------------------------------------

    def add_dotted_line(self) -> None:
        person = self._selection()
        if person is None:
            return

        def draw(target: str) -> None:
            self._do_or_raise(AddDottedLine(person.id, target), person.id)

        heading = Text.assemble("Dotted line from ", literal(person.name, limit=50), " to…")
        index = self.screen.document.people_index()
        self.screen.app.push_screen(PersonPicker(heading, self.screen.document.org, draw, index=index))

    def remove_dotted_line(self) -> None:
        person = self._selection()
        if person is None:
            return
        if not person.dotted_to:
            toast(self.screen, f"{person.name} has no dotted lines", severity="warning")
            return
        if len(person.dotted_to) == 1:
            self.screen.perform(RemoveDottedLine(person.id, person.dotted_to[0]), select=person.id)
            return
        org = self.screen.document.org
        choices = [
            Choice(target, literal(org[target].name if target in org else f"{target} (nobody has this id)"), str(n))
            for n, target in enumerate(person.dotted_to, 1)
        ]

        def chosen(target: str | None) -> None:
            if target is not None:
                self.screen.perform(RemoveDottedLine(person.id, target), select=person.id)

        title = Text.assemble("Remove which dotted line of ", literal(person.name, limit=40), "?")
        self.screen.app.push_screen(ChoiceScreen(title, choices), chosen)

    # -- waivers ---------------------------------------------------------------------------

    def waive(self) -> None:
        self._pick_finding(lambda f: f.waived is None, "no finding to waive", self._ask_reason)

    def _ask_reason(self, finding: Finding) -> None:
        pid = finding.person
        assert pid is not None, "every finding is about a person"
        person = self.screen.document.org[pid]

        def waive(reason: str) -> None:
            self._do_or_raise(Waive(pid, finding.code, reason), pid)

        title = Text.assemble(f"Waive {finding.code} for ", literal(person.name, limit=40))
        message = Text.assemble(
            literal(finding.message), "\n", ("The reason is kept in the layout, next to the person.", "dim")
        )
        self.screen.app.push_screen(
            TextPrompt(title, waive, message=message, placeholder="why this exception is accepted")
        )

    def remove_waiver(self) -> None:
        self._pick_finding(lambda f: f.waived is not None, "no waived finding", self._unwaive)

    def _unwaive(self, finding: Finding) -> None:
        assert finding.person is not None, "every finding is about a person"
        self.screen.perform(RemoveWaiver(finding.person, finding.code), select=finding.person)

    def _pick_finding(self, wanted: Callable[[Finding], bool], none: str, then: Callable[[Finding], None]) -> None:
        """The highlighted finding when the list has focus, else one of the selected person's (asking which)."""
        screen = self.screen
        if screen.findings.has_focus:
            finding = screen.findings.highlighted_finding
            candidates = [finding] if finding is not None and wanted(finding) else []
        else:
            pid = screen.org_tree.selected_id
            candidates = [f for f in screen.document.validator.for_person(pid) if wanted(f)] if pid else []
        if not candidates:
            toast(screen, f"The selection has {none}", severity="warning")
        elif len(candidates) == 1:
            then(candidates[0])
        else:
            choices = [
                Choice(str(n), Text.assemble((f"{f.code} ", "bold"), literal(f.message, limit=90)), str(n))
                for n, f in enumerate(candidates, 1)
            ]

            def chosen(answer: str | None) -> None:
                if answer is not None:
                    then(candidates[int(answer) - 1])

            self.screen.app.push_screen(ChoiceScreen("Which finding?", choices), chosen)

    def toggle_waived(self) -> None:
        findings = self.screen.findings
        findings.show_waived = not findings.show_waived
        self.screen.refresh_findings()
        waived = len(self.screen.document.validator.waived())
        shown = "shown greyed" if findings.show_waived else "hidden"
        toast(self.screen, f"Waived findings {shown} ({waived} in all)")

    # -- units -----------------------------------------------------------------------------

    def assign_unit(self, pids: list[str] | None = None) -> None:
        """Ask which unit `pids` (default: the selected person) go to; all of them move as one step."""
        if pids is None:
            person = self._selection()
            if person is None:
                return
            pids = [person.id]
        org = self.screen.document.org
        current = {org[pid].unit for pid in pids if pid in org}
        choices = [
            Choice(unit.id, Text.assemble(literal(unit.name), ("  (now)", "dim") if current == {unit.id} else ""), key)
            for unit, key in zip(org.units, "123456789", strict=False)
        ]
        choices += [
            *(Choice(unit.id, literal(unit.name)) for unit in org.units[9:]),
            Choice(NEW_UNIT, "New unit…", "+"),
            Choice(NO_UNIT, "No unit", "0"),
        ]
        who = org[pids[0]].name if len(pids) == 1 else f"{len(pids)} people"

        def chosen(answer: str | None) -> None:
            if answer == NEW_UNIT:
                self._new_unit_for(pids, who)
            elif answer is not None:
                self.screen.perform(AssignUnit(pids, None if answer == NO_UNIT else answer), select=pids[0])

        highlight = next(iter(current)) if len(current) == 1 else None
        self.screen.app.push_screen(
            ChoiceScreen(Text.assemble("Unit of ", literal(who, limit=50)), choices, highlight=highlight), chosen
        )

    def _new_unit_for(self, pids: list[str], who: str) -> None:
        def create(name: str) -> None:
            unit_id = free_unit_id(self.screen.document.org, name)
            edits: list[Edit] = [AddUnit(name, unit_id), AssignUnit(pids, unit_id)]
            self._do_or_raise(Batch(edits, f"new unit {name.strip()} for {who}"), pids[0])

        self.screen.app.push_screen(
            TextPrompt(Text.assemble("New unit for ", literal(who, limit=50)), create, placeholder="unit name")
        )

    def units(self) -> None:
        self._units_screen = UnitsScreen(self.screen.document.org, self)
        self.screen.app.push_screen(self._units_screen)

    def new_unit(self) -> None:
        def create(name: str) -> None:
            edit = AddUnit(name)
            self._do_or_raise(edit)
            self._show_units(edit.unit_id)

        self.screen.app.push_screen(TextPrompt(Text("New unit"), create, placeholder="unit name"))

    def rename_unit(self, unit: Unit) -> None:
        def rename(name: str) -> None:
            self._do_or_raise(RenameUnit(unit.id, name))
            self.screen.org_tree.relabel(person.id for person in unit_members(self.screen.document.org, unit.id))
            self._show_units(unit.id)

        title = Text.assemble("Rename the unit ", literal(unit.name, limit=50))
        self.screen.app.push_screen(TextPrompt(title, rename, initial=unit.name))

    def delete_unit(self, unit: Unit) -> None:
        members = unit_members(self.screen.document.org, unit.id)
        if not members:
            self._delete_unit(unit, None)
            return
        others = [other for other in self.screen.document.org.units if other.id != unit.id]
        choices = [
            Choice(other.id, Text.assemble("Move them to ", literal(other.name)), key)
            for other, key in zip(others, "123456789", strict=False)
        ]
        choices += [Choice(NO_UNIT, "Leave them in no unit", "n"), Choice("cancel", "Cancel", "c")]
        count = "1 person belongs" if len(members) == 1 else f"{len(members)} people belong"
        message = Text.assemble(f"{count} to ", literal(unit.name, "bold"), ". What happens to them?")

        def chosen(answer: str | None) -> None:
            if answer not in (None, "cancel"):
                self._delete_unit(unit, None if answer == NO_UNIT else answer)

        self.screen.app.push_screen(ChoiceScreen("Delete unit", choices, message, highlight="cancel"), chosen)

    def _delete_unit(self, unit: Unit, members_to: str | None) -> None:
        if self.screen.perform(DeleteUnit(unit.id, members_to)):
            toast(self.screen, f"Deleted the unit {unit.name}")
            self._show_units()

    def _show_units(self, highlight: str | None = None) -> None:
        if self._units_screen is not None and self._units_screen.is_attached:
            self._units_screen.show_units(highlight)

    def toggle_unit_names(self) -> None:
        tree = self.screen.org_tree
        tree.show_unit_names(not tree.show_units)

    # -- the org ---------------------------------------------------------------------------

    def rename_org(self) -> None:
        def rename(name: str) -> None:
            self._do_or_raise(RenameOrg(name))

        org = self.screen.document.org
        self.screen.app.push_screen(
            TextPrompt(Text("Rename the org"), rename, initial=org.name, placeholder="the org's name")
        )

    def settings(self) -> None:
        self._settings_edit = None
        self.screen.app.push_screen(SettingsScreen(self.screen.document.org, self._apply_settings))

    def _apply_settings(self, settings: Settings) -> None:
        """Make `settings` current; every change of one visit to the settings screen is one undo step."""
        document = self.screen.document
        touched: set[str] = set()
        if self._settings_edit is not None and document.history.next_undo is self._settings_edit:
            touched |= document.undo() or set()
            self._settings_edit = None
        if settings != document.org.settings:
            edit = ChangeSettings(settings)
            try:
                touched |= document.do(edit)
            finally:
                self.screen.show_outcome(touched)
            self._settings_edit = edit
        else:
            self.screen.show_outcome(touched)

    # -- sibling order ---------------------------------------------------------------------

    def move_among_siblings(self, step: int) -> None:
        person: Person | None = self._selection()
        if person is None:
            return
        if self.screen.perform(MoveAmongSiblings(person.id, step), select=person.id):
            tree = self.screen.org_tree
            tree.follow_order(tree.cycles.shown_manager(person.id))
            tree.select_person(person.id)
