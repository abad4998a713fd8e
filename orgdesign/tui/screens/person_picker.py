"""Pick a person by typing part of their name or role (move, search and jump).

The ranking and the speed (each keystroke stays quick with 100,000 people) come from the
core's `PeopleIndex`; people who share a name are shown with their id to tell them apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.edits import EditRefused
from orgdesign.model import Org
from orgdesign.search import PeopleIndex
from orgdesign.tui.text import literal

SHOWN = 50
NOBODY = "\x00nobody"
"""Option id of "no manager" (ids are never empty, so this cannot clash)."""


class PersonPicker(ModalScreen[str | None]):
    """Dismissed with the picked id (`NOBODY` for "no manager") once `submit` accepts it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("down", "cursor_down", "Next", show=False, id="picker-down"),
        Binding("up", "cursor_up", "Previous", show=False, id="picker-up"),
    ]

    def __init__(
        self,
        title: Text,
        org: Org,
        submit: Callable[[str], None],
        *,
        offer_nobody: bool = False,
        exclude: frozenset[str] = frozenset(),
        index: PeopleIndex | None = None,
    ) -> None:
        """`exclude`: people never offered (for a move: the person and everyone below them).
        `index`: the search index of `org`'s people, when the caller keeps one (else built here)."""
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.org = org
        self.submit_pick = submit
        self.offer_nobody = offer_nobody
        self.exclude = exclude
        self.index = index if index is not None else PeopleIndex(org.people())
        self._shown_query = ""
        """The query the listed matches are for."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(self.heading, classes="dialog-title")
            yield Input(placeholder="type a name or a role", id="query")
            yield OptionList(markup=False, id="matches")
            yield Static("", id="picker-error", classes="field-error")

    def on_mount(self) -> None:
        self._show_matches("")
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_one("#picker-error", Static).update("")
        self._show_matches(event.value)

    def matches(self, query: str) -> list[str]:
        """Ids of the best matches, best first (see `PeopleIndex` for the ranking)."""
        return self.index.search(query, SHOWN, exclude=self.exclude)

    def _show_matches(self, query: str) -> None:
        self._shown_query = query
        options = self.query_one("#matches", OptionList)
        found = [Option(self._prompt(pid), id=pid) for pid in self.matches(query)]
        if self.offer_nobody and not query.strip():
            found.insert(0, Option(Text("— nobody (make them a top of the org)", style="italic"), id=NOBODY))
        options.set_options(found)
        if found:
            options.highlighted = 0

    def _prompt(self, pid: str) -> Text:
        person = self.org[pid]
        text = literal(person.name, "bold", limit=60)
        text.append("  ")
        text.append_text(literal(person.display_role, "dim", limit=40))
        manager = self.org.manager(pid)
        if manager is not None:
            text.append("  under ", style="dim")
            text.append_text(literal(manager.name, "dim", limit=40))
        if self.index.shares_name(pid):
            text.append("  id ", style="dim")
            text.append_text(literal(pid, "dim", limit=40))
        return text

    @on(Input.Submitted, "#query")
    def _pick_highlighted(self, event: Input.Submitted) -> None:
        if event.value != self._shown_query:  # Enter came before the list followed the typing (a paste)
            self._show_matches(event.value)
        options = self.query_one("#matches", OptionList)
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted).id)
        else:
            self.query_one("#picker-error", Static).update(literal("Nobody matches: pick someone from the list", "red"))

    @on(OptionList.OptionSelected, "#matches")
    def _pick_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, pid: str | None) -> None:
        if pid is None:
            return
        try:
            self.submit_pick(pid)
        except EditRefused as refused:
            self.query_one("#picker-error", Static).update(literal(str(refused), "red"))
            return
        self.dismiss(pid)

    def action_cursor_down(self) -> None:
        self.query_one("#matches", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#matches", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
