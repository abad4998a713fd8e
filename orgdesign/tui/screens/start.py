"""With no FILE: the shipped templates and the recently opened layouts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from orgdesign.recent import read_recent
from orgdesign.recovery import Findings, Recovery, find_recoveries
from orgdesign.templates import Template, list_templates
from orgdesign.tui.screens.recovery_offer import tell_set_aside
from orgdesign.tui.text import literal

if TYPE_CHECKING:
    from orgdesign.tui.app import OrgDesignApp

TEMPLATE, RECENT, RECOVER = "template:", "recent:", "recover:"
NAME_WIDTH = 13


class StartScreen(Screen[None]):
    def __init__(self) -> None:
        super().__init__()
        self.untitled_work: Findings = find_recoveries(None)
        """Unsaved work on untitled layouts left by sessions that ended without saving."""
        self.recent = read_recent()

    @property
    def org_app(self) -> OrgDesignApp:
        """The app, typed: the screen calls its open and new actions."""
        return cast("OrgDesignApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Label("orgdesign", id="start-title")
            yield Static(Text("Design product organisations and check them against the rules.", style="dim"))
            yield OptionList(*self._options(), markup=False, id="start-list")
            yield Static(Text("Enter opens · ctrl+o opens another file · q quits", style="dim"))
        yield Footer()

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = [
            *_recovery_options(self.untitled_work.recoveries),
            Option(Text("New from a template", style="bold"), disabled=True),
        ]
        for template in list_templates():
            options.append(Option(template_prompt(template), id=f"{TEMPLATE}{template.path}"))
        recent = self.recent.layouts
        options.append(None)
        options.append(Option(Text("Recent layouts", style="bold"), disabled=True))
        if not recent:
            options.append(Option(Text("  none yet", style="dim italic"), disabled=True))
        for path in recent:
            options.append(Option(Text.assemble("  ", literal(str(path))), id=f"{RECENT}{path}"))
        return options

    def on_mount(self) -> None:
        for broken in [*self.untitled_work.set_aside, self.recent.set_aside]:
            tell_set_aside(self, broken)
        options = self.query_one("#start-list", OptionList)
        options.focus()
        options.highlighted = next(
            index for index in range(options.option_count) if not options.get_option_at_index(index).disabled
        )

    @on(OptionList.OptionSelected, "#start-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith(TEMPLATE):
            self.org_app.new_from_template(Path(option_id.removeprefix(TEMPLATE)))
        elif option_id.startswith(RECOVER):
            self.org_app.recover_untitled(self.untitled_work.recoveries[int(option_id.removeprefix(RECOVER))])
        elif option_id.startswith(RECENT):
            self.org_app.open_layout(Path(option_id.removeprefix(RECENT)))


def template_prompt(template: Template) -> Table:
    """The template's name, then its description, which wraps under itself (not back to column 0)."""
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(width=NAME_WIDTH, style="bold", no_wrap=True)
    grid.add_column(ratio=1, style="dim")
    grid.add_row(literal(template.name, limit=NAME_WIDTH), literal(template.description))
    return grid


def _recovery_options(recoveries: list[Recovery]) -> list[Option | None]:
    """An offer to restore each piece of unsaved work on an untitled layout that a crash left."""
    if not recoveries:
        return []
    options: list[Option | None] = [Option(Text("Unsaved work", style="bold"), disabled=True)]
    for number, found in enumerate(recoveries):
        when = found.written_at.strftime("%Y-%m-%d %H:%M")
        prompt = Text.assemble("  Restore the untitled layout autosaved at ", (when, "bold"))
        options.append(Option(prompt, id=f"{RECOVER}{number}"))
    options.append(None)
    return options
