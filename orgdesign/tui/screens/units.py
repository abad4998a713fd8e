"""The org's units: each with how many people belong to it; create, rename and delete them here."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.model import Org, Unit
from orgdesign.tui.text import literal


class UnitEditor(Protocol):
    """What the units dialog asks of whoever edits the org (the main screen's format actions)."""

    def new_unit(self) -> None: ...

    def rename_unit(self, unit: Unit) -> None: ...

    def delete_unit(self, unit: Unit) -> None: ...


class UnitsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New unit", id="unit-new"),
        Binding("r", "rename", "Rename unit", id="unit-rename"),
        Binding("d", "delete", "Delete unit", id="unit-delete"),
        Binding("escape", "close", "Close", id="close-units"),
    ]

    def __init__(self, org: Org, editor: UnitEditor) -> None:
        super().__init__(classes="dialog-screen")
        self.org = org
        self.editor = editor

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Units"), classes="dialog-title")
            yield OptionList(markup=False, id="unit-list")
            yield Static(Text("n new · r rename · d delete · Escape closes", style="dim"))

    def on_mount(self) -> None:
        self.show_units()

    def show_units(self, highlight: str | None = None) -> None:
        """List the units again (after an edit), keeping or moving the highlight."""
        options = self.query_one("#unit-list", OptionList)
        before = self.highlighted_unit
        members = Counter(person.unit for person in self.org.people() if person.unit is not None)
        entries = [Option(self._prompt(unit, members[unit.id]), id=unit.id) for unit in self.org.units]
        if not entries:
            entries = [Option(Text("No units yet: press n to create one.", style="dim"), disabled=True)]
        options.set_options(entries)
        ids = [unit.id for unit in self.org.units]
        wanted = highlight or (before.id if before is not None else None)
        if ids:
            options.highlighted = ids.index(wanted) if wanted in ids else 0
        options.focus()

    @staticmethod
    def _prompt(unit: Unit, members: int) -> Text:
        text = literal(unit.name, "bold", limit=50)
        text.append("  1 person" if members == 1 else f"  {members} people", style="dim")
        text.append("  id ", style="dim")
        text.append_text(literal(unit.id, "dim", limit=30))
        return text

    @property
    def highlighted_unit(self) -> Unit | None:
        options = self.query_one("#unit-list", OptionList)
        if options.highlighted is None or not self.org.units:
            return None
        return self.org.unit(options.get_option_at_index(options.highlighted).id)

    def action_new(self) -> None:
        self.editor.new_unit()

    def action_rename(self) -> None:
        unit = self.highlighted_unit
        if unit is not None:
            self.editor.rename_unit(unit)

    def action_delete(self) -> None:
        unit = self.highlighted_unit
        if unit is not None:
            self.editor.delete_unit(unit)

    def action_close(self) -> None:
        self.dismiss(None)
