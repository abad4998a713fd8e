"""The add / edit form: name first, Enter submits, every problem shown inline, nothing lost.

The form does not decide what an edit means: it hands the fields to `submit`, which makes
the edit or raises EditRefused with the reason; the reason is shown and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from orgdesign.edits import EditRefused
from orgdesign.model import Person, Unit
from orgdesign.roles import ROLES
from orgdesign.tui.text import as_typed, editable, literal
from orgdesign.tui.widgets.names_input import NamesInput

DEFAULT_ROLE = "pm"


@dataclass(frozen=True, slots=True)
class PersonFields:
    name: str
    role: str
    title: str | None
    product: str | None
    unit: str | None
    years_pm: int | None
    vacancy: bool
    notes: str | None


class PersonForm(ModalScreen[str | None]):
    """Dismissed with the id of the person added or edited, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding(
            "ctrl+s", "submit", "Save", tooltip="Submit the form (Enter does too)", id="form-submit", priority=True
        ),
    ]

    def __init__(
        self,
        heading: Text,
        submit: Callable[[PersonFields], str],
        *,
        initial: Person | None = None,
        units: tuple[Unit, ...] = (),
        submit_many: Callable[[list[PersonFields]], str] | None = None,
    ) -> None:
        """`submit_many`: adds one person per name pasted into the name field (a form that adds)."""
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.submit_fields = submit
        self.submit_many = submit_many
        self.initial = initial
        self.units = units

    def compose(self) -> ComposeResult:
        person = self.initial
        with Vertical(classes="dialog form"):
            yield Label(self.heading, classes="dialog-title")
            with VerticalScroll(id="form-fields"):
                yield from self._fields(person)
            yield Static(id="form-hint")

    def _fields(self, person: Person | None) -> ComposeResult:
        roles = [(role.label, role.id) for role in ROLES.values()]
        years = "" if person is None or person.years_pm is None else str(person.years_pm)
        name_field = Input if self.submit_many is None else NamesInput
        yield self._row(
            "Name", name_field(editable(_text(person, "name")), id="name", placeholder="full name", compact=True)
        )
        yield Static("", id="name-error", classes="field-error")
        yield self._row(
            "Role",
            Select(roles, value=person.role if person else DEFAULT_ROLE, allow_blank=False, id="role", compact=True),
        )
        yield self._row(
            "Title",
            Input(editable(_text(person, "title")), id="title", placeholder="shown instead of the role", compact=True),
        )
        yield self._row("Product", Input(editable(_text(person, "product")), id="product", compact=True))
        yield self._row("Unit", self._unit_select(person))
        yield self._row("Years as PM", Input(editable(years), id="years", placeholder="e.g. 4", compact=True))
        yield Static("", id="years-error", classes="field-error")
        yield self._row(
            "Vacancy", Checkbox("an open position", person.vacancy if person else False, id="vacancy", compact=True)
        )
        yield self._row(
            "Notes",
            TextArea(editable(_text(person, "notes"), keep_newlines=True), id="notes", soft_wrap=True, compact=True),
            tall=True,
        )
        yield Static("", id="form-error", classes="field-error")
        with Horizontal(classes="buttons"):
            yield Button("Save", variant="primary", id="save", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    @staticmethod
    def _row(label: str, field: Widget, *, tall: bool = False) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), field, classes="field-row tall" if tall else "field-row")

    def _unit_select(self, person: Person | None) -> Select[str]:
        options = [(literal(unit.name), unit.id) for unit in self.units]
        current = person.unit if person and person.unit in {u.id for u in self.units} else Select.NULL
        return Select(
            options,
            value=current,
            allow_blank=True,
            prompt="(no unit)",
            id="unit",
            disabled=not self.units,
            compact=True,
        )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(NamesInput.NamesPasted)
    def _names_pasted(self, event: NamesInput.NamesPasted) -> None:
        self.query_one("#name-error", Static).update(
            Text(f"{event.count} names: Enter adds {event.count} people with the fields below", style="green")
        )

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.query_one("#form-hint", Static).update(Text(self.hint_for(event.widget)))

    def hint_for(self, widget: Widget) -> str:
        """What Enter (and the keys around it) do in the focused field."""
        save = f"{self._submit_key()} saves"
        if isinstance(widget, Select):
            what = f"Enter opens the list, type to jump · {save}"
        elif isinstance(widget, Checkbox):
            what = f"Space or Enter ticks · {save}"
        elif isinstance(widget, TextArea):
            what = f"Enter starts a new line · {save}"
        elif isinstance(widget, Button):
            what = f"Enter presses {widget.label} · {save}"
        else:
            what = "Enter saves"
        return f"{what} · Tab next field · Escape cancels"

    def _submit_key(self) -> str:
        for active in self.active_bindings.values():
            if active.binding.id == "form-submit":
                return self.app.get_key_display(active.binding)
        return "ctrl+s"

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_submit(self) -> None:
        fields = self.read_fields()
        if fields is None:
            return
        names = self._pasted_names()
        try:
            if names and self.submit_many is not None:
                pid = self.submit_many([replace(fields, name=name) for name in names])
            else:
                pid = self.submit_fields(fields)
        except EditRefused as refused:
            self._show_error("#form-error", str(refused))
            return
        self.dismiss(pid)

    def _pasted_names(self) -> list[str]:
        """The names pasted into the name field, while it still shows them (else none)."""
        name_field = self.query_one("#name", Input)
        return name_field.names if isinstance(name_field, NamesInput) else []

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def read_fields(self) -> PersonFields | None:
        """The fields as typed, or None after showing what is wrong next to each field."""
        self._clear_errors()
        name = self._typed("#name", "name")
        years_text = self.query_one("#years", Input).value.strip()
        ok = True
        if not name:
            self._show_error("#name-error", "a name is required")
            ok = False
        years: int | None = None
        if years_text:
            if years_text.isdigit():
                years = int(years_text)
            else:
                self._show_error("#years-error", "years must be a whole number, 0 or more")
                ok = False
        if not ok:
            return None
        unit = self.query_one("#unit", Select).value
        return PersonFields(
            name=name,
            role=str(self.query_one("#role", Select).value),
            title=self._typed("#title", "title") or None,
            product=self._typed("#product", "product") or None,
            unit=None if unit is Select.NULL else str(unit),
            years_pm=years,
            vacancy=self.query_one("#vacancy", Checkbox).value,
            notes=self._typed_notes() or None,
        )

    def _typed(self, selector: str, field: str) -> str:
        """A text field's value; the person's own text while the field still shows it as it was."""
        return as_typed(self.query_one(selector, Input).value, _text(self.initial, field))

    def _typed_notes(self) -> str:
        shown = self.query_one("#notes", TextArea).text
        return as_typed(shown, _text(self.initial, "notes"), keep_newlines=True)

    def _show_error(self, selector: str, message: str) -> None:
        self.query_one(selector, Static).update(literal(message, "red"))

    def _clear_errors(self) -> None:
        for selector in ("#name-error", "#years-error", "#form-error"):
            self.query_one(selector, Static).update("")


def _text(person: Person | None, field: str) -> str:
    """An optional text field of `person` for an Input ("" when unset or adding)."""
    return "" if person is None else getattr(person, field) or ""
