"""The designer's bulk editing: marks, changes to every marked person at once, adding several
people, fix all, importing a CSV into the open layout and exporting from it.

`MainScreen` inherits these actions (and their key bindings) from `BulkActions`. Every change
is one edit from `orgdesign.edits` (or `rules.fixing`), so one undo takes it all back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen

from orgdesign.cli.import_csv import IMPORTED_FILE
from orgdesign.edits import AddPerson, Edit, add_named, free_id, import_under, move_all, remove_all, set_for_all
from orgdesign.export import severity_by_person
from orgdesign.export.part import CHOSEN_FORMATS, export_text, write_export
from orgdesign.importing import ImportFailed, ImportResult, Problem, decode_csv, import_csv
from orgdesign.layout import LayoutError, SaveError
from orgdesign.layout.saving import regular_target
from orgdesign.layout.source import read_bytes
from orgdesign.model import Person
from orgdesign.roles import ROLES
from orgdesign.rules.fixing import SafeFixes
from orgdesign.text import counted
from orgdesign.tui.marks import Marks
from orgdesign.tui.screens.choice import Choice, ChoiceScreen
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.screens.person_form import PersonFields, PersonForm
from orgdesign.tui.screens.person_picker import NOBODY, PersonPicker
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.text import literal, toast
from orgdesign.tui.widgets.org_tree import OrgTree

if TYPE_CHECKING:
    from orgdesign.tui.screens.main import MainScreen

NO_UNIT = ""
"""The unit choice that takes the marked people out of their unit."""

SHOWN_PROBLEMS = 3
"""Most problems of an imported file listed in the toast (the rest are counted)."""

FORMAT_NAMES = {"svg": "SVG picture", "mermaid": "Mermaid diagram", "markdown": "Markdown outline", "csv": "CSV table"}


CLEAR_MARKS = Binding(
    "escape",
    "clear_marks",
    "Clear marks",
    tooltip="Unmark everyone (unselect all); shown while someone is marked",
    id="clear-marks",
)
"""First of the main screen's keys, so the footer shows it first while someone is marked."""

BULK_BINDINGS: list[BindingType] = [
    Binding(
        "x",
        "mark",
        "Mark / select for a bulk edit",
        tooltip="Mark or unmark the selected person; move, delete, role (m, d, r), unit (u) and product then apply "
        "to everyone marked",
        id="mark",
        show=False,
    ),
    Binding(
        "P",
        "set_product",
        "Set product",
        tooltip="Set the product of the marked people (or the selected person) (shift+p)",
        id="set-product",
        show=False,
    ),
    Binding(
        "A",
        "add_sibling",
        "Add sibling",
        tooltip="Add a person beside the selected one, under the same manager (shift+a; again for the next one)",
        id="add-sibling",
        show=False,
    ),
    Binding(
        "F",
        "fix_all",
        "Fix all",
        tooltip="Apply every safe fix at once, as one undoable step (shift+f)",
        id="fix-all",
        show=False,
    ),
    Binding(
        "I",
        "import_csv",
        "Import CSV into this layout",
        tooltip="Bring the people of a CSV file in under a chosen manager (shift+i)",
        id="import",
        show=False,
    ),
    Binding(
        "ctrl+e",
        "export",
        "Export (SVG, Mermaid, Markdown, CSV)",
        tooltip="Write the whole org or the selected subtree to a file",
        id="export",
        show=False,
    ),
]
"""The main screen's keys for marks and bulk edits (its BINDINGS include them)."""


class BulkActions(Screen[None]):
    """Marks and every action on several people; mixed into `MainScreen`."""

    def __init__(self) -> None:
        super().__init__()
        self.marks = Marks()
        """Who is marked for a bulk edit (the tree shows them, the header counts them)."""

    @property
    def designer(self) -> MainScreen:
        """This screen as the main screen it is part of, typed."""
        return cast("MainScreen", self)

    # -- marks -----------------------------------------------------------------------------

    def marked_ids(self) -> list[str]:
        return self.marks.present_in(self.designer.document.org)

    @on(OrgTree.MarksChanged)
    def _marks_changed(self) -> None:
        self.designer.refresh_header()
        self.designer.chart.show_marks()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Clearing the marks is offered (footer, palette, help) only while someone is marked."""
        return bool(self.marks) if action == "clear_marks" else True

    def action_mark(self) -> None:
        person = self.designer._require_selection()
        if person is not None:
            self.designer.org_tree.toggle_mark(person.id)

    def action_clear_marks(self) -> None:
        if self.marks:
            self.designer.org_tree.clear_marks()

    def _targets(self) -> list[str]:
        """The marked people, else the selected person (a toast asks for one when neither)."""
        marked = self.marked_ids()
        if marked:
            return marked
        person = self.designer._require_selection()
        return [] if person is None else [person.id]

    def _they(self, pids: list[str]) -> Text:
        """'Ada Park' for one person, '5 marked people' for several."""
        if len(pids) == 1:
            return literal(self.designer.document.org[pids[0]].name, limit=50)
        return Text(f"{len(pids)} marked people")

    def _perform_on_all(self, edit: Edit) -> bool:
        """Make a bulk edit, keeping the cursor where it is (the marks stay for the next one)."""
        return self.designer.perform(edit, select=self.designer.org_tree.selected_id)

    # -- changes to everyone marked (m, d and r call these while people are marked) --------

    def move_marked(self) -> None:
        marked = self.marked_ids()
        org = self.designer.document.org

        def move(target: str) -> None:
            manager = None if target == NOBODY else target
            self.designer._do_or_raise(move_all(org, marked, manager), self.designer.org_tree.selected_id or target)

        self.app.push_screen(
            PersonPicker(
                Text.assemble("Move ", self._they(marked), " under…"),
                org,
                move,
                offer_nobody=True,
                exclude=frozenset(org.below(marked)),
                index=self.designer.document.people_index(),
            )
        )

    def delete_marked(self) -> None:
        marked = self.marked_ids()
        org = self.designer.document.org
        everyone = len(org.below(marked))
        choices = [
            Choice("reattach", f"Remove only the {len(marked)} marked; their reports move up", "r"),
            Choice(
                "subtree", f"Remove them and everyone below them ({counted(everyone, 'person', 'people')} in all)", "s"
            ),
            Choice("cancel", "Cancel", "c"),
        ]
        message = Text(f"Remove the {len(marked)} marked people?")

        def chosen(answer: str | None) -> None:
            if answer in ("reattach", "subtree"):
                edit = remove_all(org, marked, with_subtree=answer == "subtree")
                if self.designer.perform(edit):
                    toast(self, f"Done: {edit.description} (ctrl+z undoes it)")

        self.app.push_screen(ChoiceScreen("Delete marked", choices, message, highlight="cancel"), chosen)

    def role_of_marked(self) -> None:
        marked = self.marked_ids()
        choices = [Choice(role.id, role.label) for role in ROLES.values()]

        def chosen(role_id: str | None) -> None:
            if role_id is not None:
                self._perform_on_all(set_for_all(self.designer.document.org, marked, "role", role_id))

        title = Text.assemble("Role of ", self._they(marked))
        self.app.push_screen(ChoiceScreen(title, choices, type_ahead=True), chosen)

    def action_set_product(self) -> None:
        targets = self._targets()
        if not targets:
            return
        org = self.designer.document.org
        products = sorted({person.product for person in org.people() if person.product})
        current = {org[pid].product for pid in targets}
        initial = (current.pop() or "") if len(current) == 1 else ""

        def chosen(product: str | None) -> None:
            if product is not None:
                self._perform_on_all(set_for_all(org, targets, "product", product or None))

        title = Text.assemble("Product of ", self._they(targets))
        hint = "Enter sets it (empty: no product) · Escape cancels · → takes the suggestion"
        self.app.push_screen(
            TextPrompt(title, message=Text(hint, style="dim"), initial=initial, suggestions=products), chosen
        )

    # -- adding several --------------------------------------------------------------------

    def open_add_form(self, manager: Person | None, heading: Text) -> None:
        """The add form for a report of `manager` (None: a new top); pasted names add one person each."""
        org = self.designer.document.org
        boss = manager.id if manager is not None else None

        def add(fields: PersonFields) -> str:
            person = Person(id=free_id(org, fields.name), reports_to=boss, **asdict(fields))
            self.designer._do_or_raise(AddPerson(person), person.id)
            return person.id

        def add_several(people: list[PersonFields]) -> str:
            template = Person(id="", reports_to=boss, **asdict(people[0]))
            edit = add_named(org, [fields.name for fields in people], template)
            first = edit.edits[0].subject if edit.edits else None
            self.designer._do_or_raise(edit, first or "")
            return first or ""

        self.app.push_screen(PersonForm(heading, add, units=org.units, submit_many=add_several))

    def action_add_sibling(self) -> None:
        person = self.designer._require_selection()
        if person is None:
            return
        manager = self.designer.document.org.manager(person.id)
        self.open_add_form(manager, Text.assemble("Add a sibling of ", literal(person.name, limit=50)))

    # -- fix all ---------------------------------------------------------------------------

    def action_fix_all(self) -> None:
        fixes = SafeFixes(self.designer.document.validator)
        if self.designer.perform(fixes, select=self.designer.org_tree.selected_id):
            by_rule = Counter(line.split(":", 1)[0] for line in fixes.fixed)
            rules = ", ".join(f"{count} {code}" for code, count in sorted(by_rule.items()))
            applied = "1 safe fix" if len(fixes.fixed) == 1 else f"{len(fixes.fixed)} safe fixes"
            toast(self, f"Fix all: applied {applied} ({rules}); ctrl+z undoes them all")

    # -- import a CSV into the open layout -------------------------------------------------

    def action_import_csv(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                result = self._read_import(path)
                if result is not None:
                    self._ask_where_to_import(path, result)

        self.app.push_screen(PathPrompt("Import the people of a CSV file", must_exist=True), chosen)

    def _read_import(self, path: Path) -> ImportResult | None:
        """The people read from `path`; None (with a toast saying why) when nobody could be."""
        problems: list[Problem] = []
        try:
            text, problems = decode_csv(read_bytes(str(path), IMPORTED_FILE))
            result = import_csv(text, default_name=path.stem)
        except LayoutError as error:
            toast(self, str(error), title="Not imported", severity="error", timeout=10)
            return None
        except ImportFailed as failure:
            self._tell_problems(path, problems + failure.problems, "Not imported")
            return None
        if len(result.org) == 0:
            toast(self, f"{path}: nobody could be read from it", title="Not imported", severity="error")
            return None
        if problems or result.problems:
            self._tell_problems(path, problems + result.problems, "Imported with problems: the rows were skipped")
        return result

    def _tell_problems(self, path: Path, problems: list[Problem], title: str) -> None:
        shown = [problem.located(str(path)) for problem in problems[:SHOWN_PROBLEMS]]
        more = len(problems) - len(shown)
        if more:
            shown.append(f"and {counted(more, 'more problem')}")
        toast(self, "\n".join(shown), title=title, severity="warning", timeout=10)

    def _ask_where_to_import(self, path: Path, result: ImportResult) -> None:
        org = self.designer.document.org

        def place(target: str) -> None:
            manager = None if target == NOBODY else target
            imported = import_under(org, result.org, manager)
            tops = [person.id for person in result.org.tops()]
            self.designer._do_or_raise(imported.edit, imported.renamed.get(tops[0], tops[0]) if tops else "")
            renamed = ", ".join(f"{old} → {new}" for old, new in list(imported.renamed.items())[:SHOWN_PROBLEMS])
            if len(imported.renamed) > SHOWN_PROBLEMS:
                renamed += ", …"
            message = f"Imported {counted(len(result.org), 'person', 'people')} from {path.name}"
            if imported.renamed:
                message += f"; {counted(len(imported.renamed), 'id')} already taken, renamed: {renamed}"
            toast(self, message + " (ctrl+z undoes it)")

        heading = Text(f"Import {counted(len(result.org), 'person', 'people')} under…")
        self.app.push_screen(
            PersonPicker(heading, org, place, offer_nobody=True, index=self.designer.document.people_index())
        )

    # -- export ----------------------------------------------------------------------------

    def action_export(self) -> None:
        choices = [Choice(name, FORMAT_NAMES[name], str(n)) for n, name in enumerate(CHOSEN_FORMATS, 1)]

        def chosen(export_format: str | None) -> None:
            if export_format is not None:
                self._ask_export_scope(export_format)

        self.app.push_screen(ChoiceScreen("Export as", choices), chosen)

    def _ask_export_scope(self, export_format: str) -> None:
        org = self.designer.document.org
        person = self.designer.selected
        if person is None or org.report_count(person.id) == 0:
            self._ask_export_path(export_format, None)
            return
        below = len(org.below([person.id]))
        choices = [
            Choice("org", f"The whole org ({counted(len(org), 'person', 'people')})", "w"),
            Choice(
                person.id, Text.assemble(literal(person.name, limit=50), f" and everyone below ({below} in all)"), "s"
            ),
        ]

        def chosen(root: str | None) -> None:
            if root is not None:
                self._ask_export_path(export_format, None if root == "org" else root)

        self.app.push_screen(ChoiceScreen("Export what", choices), chosen)

    def _ask_export_path(self, export_format: str, root: str | None) -> None:
        document = self.designer.document
        stem = document.path.stem if document.path is not None else "org"
        initial = f"{stem}-{root}" if root is not None else stem
        suggested = str((document.path.parent if document.path else Path()) / (initial + CHOSEN_FORMATS[export_format]))

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() or path.is_symlink():
                self._confirm_export_over(path, export_format, root)
            else:
                self._export(path, export_format, root)

        self.app.push_screen(PathPrompt(f"Export the {FORMAT_NAMES[export_format]} to", suggested), chosen)

    def _confirm_export_over(self, path: Path, export_format: str, root: str | None) -> None:
        try:
            regular_target(str(path), "export to the path of a regular file")
        except SaveError as error:
            toast(self, f"{path}: {error.reason}; {error.advice}", title="Not exported", severity="error")
            return
        choices = [Choice("replace", "Replace it", "y"), Choice("cancel", "Cancel", "n")]
        message = Text.assemble(literal(str(path), "bold"), " already exists.")

        def chosen(answer: str | None) -> None:
            if answer == "replace":
                self._export(path, export_format, root)

        self.app.push_screen(ChoiceScreen("Replace file?", choices, message), chosen)

    def _export(self, path: Path, export_format: str, root: str | None) -> None:
        document = self.designer.document
        severity = severity_by_person(document.validator.findings)
        try:
            write_export(str(path), export_text(document.org, export_format, severity, root))
        except SaveError as error:
            toast(self, f"{path}: {error.reason}; {error.advice}", title="Not exported", severity="error")
            return
        except OSError as error:
            toast(self, f"{path}: {error.strerror or error}", title="Not exported", severity="error")
            return
        toast(self, f"Exported to {path}")
