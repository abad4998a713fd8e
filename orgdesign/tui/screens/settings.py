"""The org's rule settings: span and layer limits, and which rules are switched off.

Every change is applied at once through `apply` (the main screen makes all the changes of one
visit a single undoable step), so the findings behind the dialog follow as the user types.
Each rule is listed by code and title; the highlighted one is explained below the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from orgdesign.edits import EditRefused
from orgdesign.model import Org, Settings
from orgdesign.rules import RULES, Rule
from orgdesign.tui.text import editable, literal

LIMITS = (
    ("max_span", "Max span", "most direct reports a manager should have"),
    ("max_layers", "Max layers", "most layers of management below the top"),
)


class SettingsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="close-settings")]

    def __init__(self, org: Org, apply: Callable[[Settings], None]) -> None:
        """`apply` makes the new settings current, or raises EditRefused saying why it cannot."""
        super().__init__(classes="dialog-screen")
        self.org = org
        self.apply_settings = apply

    def compose(self) -> ComposeResult:
        settings = self.org.settings
        with Vertical(classes="dialog settings"):
            yield Label(Text.assemble("Settings of ", literal(self.org.name, limit=50)), classes="dialog-title")
            with Horizontal(id="limits"):
                for field, label, _ in LIMITS:
                    yield Label(label)
                    yield Input(editable(str(getattr(settings, field))), type="integer", id=field)
            yield Static("", id="settings-error", classes="field-error")
            yield Label(Text("Rules (space switches one on or off)", style="bold"))
            yield SelectionList[str](*self._rule_options(settings), id="rules")
            with VerticalScroll(id="rule-explained", can_focus=False):
                yield Static(id="rule-text")
            yield Static(Text("Changes apply at once (one undo step) · Escape closes", style="dim"))

    def _rule_options(self, settings: Settings) -> list[Selection[str]]:
        options = []
        for code, rule in sorted(RULES.items()):
            prompt = Text.assemble((code, "bold"), "  ", rule.title)
            if not rule.applies_to_profile(self.org.profile):
                prompt.append(f"  (not in profile {self.org.profile})", style="dim italic")
            options.append(Selection(prompt, code, code not in settings.disable))
        return options

    def on_mount(self) -> None:
        self.query_one("#max_span", Input).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The pane below the list explains what has the focus: the limits, or the highlighted rule."""
        if isinstance(event.widget, Input):
            self.query_one("#rule-text", Static).update(limits_explained())
        else:
            self._explain(self.query_one("#rules", SelectionList).highlighted)

    @on(Input.Changed, "#max_span, #max_layers")
    def _limit_changed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        field = event.input.id or ""
        if not value.isdigit():
            self._show_error(f"{field} must be a whole number of at least 1")
            return
        settings = self.org.settings
        if field == "max_span":
            self._apply(replace(settings, max_span=int(value)))
        else:
            self._apply(replace(settings, max_layers=int(value)))

    @on(SelectionList.SelectedChanged, "#rules")
    def _rules_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        enabled = set(event.selection_list.selected)
        disabled = tuple(code for code in sorted(RULES) if code not in enabled)
        if disabled != self.org.settings.disable:
            self._apply(replace(self.org.settings, disable=disabled))

    @on(SelectionList.SelectionHighlighted, "#rules")
    def _rule_highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        self._explain(event.selection_index)

    def _apply(self, settings: Settings) -> None:
        try:
            self.apply_settings(settings)
        except EditRefused as refused:
            self._show_error(str(refused))
            return
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.query_one("#settings-error", Static).update(literal(message, "red"))

    def _explain(self, index: int | None) -> None:
        codes = sorted(RULES)
        text = Text("Highlight a rule to see what it checks.", style="dim")
        if index is not None and 0 <= index < len(codes):
            text = rule_explained(RULES[codes[index]], codes[index] in self.org.settings.disable)
        self.query_one("#rule-text", Static).update(text)

    def action_close(self) -> None:
        self.dismiss(None)


def limits_explained() -> Text:
    text = Text()
    for _, label, meaning in LIMITS:
        text.append(f"{label}: ", style="bold")
        text.append(f"{meaning}.\n")
    text.append("Rules over these limits are practice, not claims of the documents: choose what suits the org.", "dim")
    return text


def rule_explained(rule: Rule, disabled: bool) -> Text:
    text = Text.assemble((rule.code, "bold"), "  ", (rule.title, "bold"), " — ")
    text.append("switched off" if disabled else "checked", style="yellow" if disabled else "green")
    text.append(f"\nBasis: {rule.basis} ({rule.basis.meaning})\n", style="dim")
    text.append(rule.rationale)
    return text
