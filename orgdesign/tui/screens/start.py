"""With no FILE: the shipped templates and the recently opened layouts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.recent import recent_layouts
from orgdesign.recovery import pending_recovery, untitled_anchor
from orgdesign.templates import Template, list_templates
from orgdesign.tui.text import literal

TEMPLATE, RECENT, RECOVER = "template:", "recent:", "recover:untitled"
NAME_WIDTH = 13


class StartScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Label("orgdesign", id="start-title")
            yield Static(Text("Design product organisations and check them against the rules.", style="dim"))
            yield OptionList(*self._options(), markup=False, id="start-list")
            yield Static(Text("Enter opens · ctrl+o opens another file · q quits", style="dim"))
        yield Footer()

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = [
            *_recovery_options(),
            Option(Text("New from a template", style="bold"), disabled=True),
        ]
        for template in list_templates():
            options.append(Option(template_prompt(template), id=f"{TEMPLATE}{template.path}"))
        recent = recent_layouts()
        options.append(None)
        options.append(Option(Text("Recent layouts", style="bold"), disabled=True))
        if not recent:
            options.append(Option(Text("  none yet", style="dim italic"), disabled=True))
        for path in recent:
            options.append(Option(Text.assemble("  ", literal(str(path))), id=f"{RECENT}{path}"))
        return options

    def on_mount(self) -> None:
        options = self.query_one("#start-list", OptionList)
        options.focus()
        options.highlighted = next(
            index for index in range(options.option_count) if not options.get_option_at_index(index).disabled
        )

    @on(OptionList.OptionSelected, "#start-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith(TEMPLATE):
            self.app.new_from_template(Path(option_id.removeprefix(TEMPLATE)))
        elif option_id == RECOVER:
            self.app.recover_untitled()
        elif option_id.startswith(RECENT):
            self.app.open_layout(Path(option_id.removeprefix(RECENT)))


def template_prompt(template: Template) -> Table:
    """The template's name, then its description, which wraps under itself (not back to column 0)."""
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(width=NAME_WIDTH, style="bold", no_wrap=True)
    grid.add_column(ratio=1, style="dim")
    grid.add_row(literal(template.name, limit=NAME_WIDTH), literal(template.description))
    return grid


def _recovery_options() -> list[Option | None]:
    """An offer to restore unsaved work on an untitled layout, when a crash left some."""
    pending = pending_recovery(untitled_anchor())
    if pending is None:
        return []
    try:
        when = datetime.fromtimestamp(pending.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return []
    return [
        Option(Text("Unsaved work", style="bold"), disabled=True),
        Option(Text.assemble("  Restore the untitled layout autosaved at ", (when, "bold")), id=RECOVER),
        None,
    ]
