"""The designer application: which screen shows, opening, new, quitting, crash safety."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from rich.text import Text
from rich.traceback import Traceback
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from orgdesign import recovery
from orgdesign.baseline import Baseline
from orgdesign.document import Document
from orgdesign.layout import FileStamp, LayoutError
from orgdesign.places import state_dir
from orgdesign.recent import remember_layout
from orgdesign.statefiles import set_aside, write_state_file
from orgdesign.templates import list_templates
from orgdesign.text import printable
from orgdesign.tui.commands import DesignerCommands, available_commands
from orgdesign.tui.memory import CHECK_EVERY, IdleCollection
from orgdesign.tui.screens.choice import Choice, ChoiceScreen
from orgdesign.tui.screens.help import HelpEntry, HelpScreen
from orgdesign.tui.screens.load_error import LoadErrorScreen
from orgdesign.tui.screens.main import AUTOSAVE_DELAY, MainScreen
from orgdesign.tui.screens.path_prompt import PathPrompt
from orgdesign.tui.screens.recovery_offer import recovery_message, tell_set_aside
from orgdesign.tui.screens.start import StartScreen, template_prompt
from orgdesign.tui.screens.text_prompt import TextPrompt
from orgdesign.tui.text import literal, toast
from orgdesign.tui.textual_private import AppWithCrashHooks

NAVIGATION = (
    HelpEntry("↑ ↓", "Previous / next person", "tree"),
    HelpEntry("space", "Expand / collapse", "tree"),
    HelpEntry("enter", "Edit the selected person (or double-click)", "tree"),
    HelpEntry("tab", "Next pane (tree, findings)", "focus"),
    HelpEntry("enter", "On a finding: jump to the person", "findings"),
)
"""Keys of the main screen's widgets themselves (not remappable by id), listed on the help screen too.
The "tree" ones apply only while the tree is shown (the chart lists its own keys)."""


UNSAVED_CHANGES = "Unsaved changes"
"""Title of the question asked before unsaved changes could be lost."""


class OrgDesignApp(AppWithCrashHooks[None]):
    CSS_PATH = "app.tcss"
    TITLE = "orgdesign"
    COMMANDS = App.COMMANDS | {DesignerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "open", "Open", tooltip="Open another layout", id="open", show=False),
        Binding("ctrl+n", "new", "New", tooltip="Start a new layout from a template", id="new", show=False),
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit (asks first when there are unsaved changes)", id="quit"),
        Binding(
            "ctrl+q",
            "quit_now",
            "Quit",
            show=False,
            priority=True,
            tooltip="Quit from anywhere, even inside a dialog (asks first when there are unsaved changes)",
            id="quit-now",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            show=False,
            priority=True,
            tooltip="Every action, searchable by name",
            id="palette",
        ),
        Binding(
            "colon",
            "command_palette",
            "Palette",
            show=False,
            tooltip="The command palette, for terminals that keep ctrl+p for themselves (VS Code)",
            id="palette-colon",
        ),
    ]

    def __init__(
        self,
        path: Path | None = None,
        *,
        document: Document | None = None,
        autosave_delay: float = AUTOSAVE_DELAY,
        keymap: Mapping[str, str] | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        """Open `path`, or show `document` (an org built in memory), else the start screen.

        `keymap`: the user's keys by binding id (from their keys.yaml), over the defaults.
        `baseline`: compare the first layout shown with it (`orgdesign NEW --compare OLD`).
        """
        super().__init__()
        self.start_baseline = baseline
        self.user_keymap = dict(keymap or {})
        self.start_path = path
        self.start_document = document
        self.autosave_delay = autosave_delay
        self.idle_collection = IdleCollection()

    def on_mount(self) -> None:
        self.idle_collection.start()
        self.set_interval(CHECK_EVERY, self.idle_collection.tick)
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
            self.warn_about_keymap_clashes()
        if self.start_document is not None:
            self.show_document(self.start_document)
        elif self.start_path is not None:
            self.open_layout(self.start_path)
        else:
            self.show_base(StartScreen())

    def on_unmount(self) -> None:
        self.idle_collection.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_collection.input_seen()
        await super().on_event(event)

    def warn_about_keymap_clashes(self) -> None:
        from orgdesign.tui.keys import keymap_clashes  # keys.py lists this app's bindings: import late

        for message in keymap_clashes(self.user_keymap):
            toast(self, message, severity="warning", timeout=10)

    # -- which screen ----------------------------------------------------------------------

    def show_base(self, screen: Screen) -> None:
        """Make `screen` the one full screen shown (dropping any dialogs still open)."""
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @property
    def main_screen(self) -> MainScreen | None:
        return next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)

    @property
    def document(self) -> Document | None:
        main = self.main_screen
        return None if main is None else main.document

    def show_document(self, document: Document) -> None:
        baseline, self.start_baseline = self.start_baseline, None
        self.show_base(MainScreen(document, autosave_delay=self.autosave_delay, baseline=baseline))

    # -- opening ---------------------------------------------------------------------------

    def open_layout(self, path: Path, *, offer_recovery: bool = True) -> None:
        """Open `path`: the main screen or the error screen, after offering any unsaved work left on it.

        Work is offered even when the file no longer loads (deleted, or a merge left it broken):
        it may be the only copy.
        """
        found = recovery.find_recoveries(path) if offer_recovery else recovery.Findings()
        for broken in found.set_aside:
            tell_set_aside(self, broken)
        try:
            document = Document.open(path)
        except LayoutError as error:
            errors = error.errors
            self._offer_recoveries(path, None, found.recoveries, lambda: self.show_base(LoadErrorScreen(path, errors)))
            return
        for warning in document.org.load_warnings:
            toast(self, str(warning), severity="warning", timeout=10)
        tell_set_aside(self, remember_layout(path))
        self._offer_recoveries(path, document.stamp, found.recoveries, lambda: self.show_document(document))

    def _offer_recoveries(
        self, path: Path, disk: FileStamp | None, pending: list[recovery.Recovery], otherwise: Callable[[], None]
    ) -> None:
        """Offer each session's unsaved work on `path` in turn (newest first); `otherwise` shows the file."""
        if not pending:
            otherwise()
            return
        found, later = pending[0], pending[1:]
        choices = [
            Choice("restore", "Restore the unsaved changes", "r"),
            Choice("keep", "Keep them for later and open the file as saved", "k"),
            Choice("discard", "Discard them (deletes the recovery file)", "d"),
        ]

        def offer_the_rest() -> None:
            self._offer_recoveries(path, disk, later, otherwise)

        def chosen(answer: str | None) -> None:
            if answer == "restore":
                self._restore(path, found, offer_the_rest)
                return
            if answer == "discard":
                recovery.discard_recovery(found.path)
            offer_the_rest()

        message = recovery_message(found, path, disk, len(later))
        self.push_screen(ChoiceScreen("Recover unsaved work?", choices, message), chosen)

    def _restore(self, path: Path, found: recovery.Recovery, otherwise: Callable[[], None]) -> None:
        """Show the work in `found`, now kept by this session's own recovery file."""
        try:
            restored = Document.recovered(found, path)
        except LayoutError as error:
            tell_set_aside(self, self._set_aside(found.path, f"not a layout: {error.errors[0].message}"))
            otherwise()
            return
        self.show_document(restored)
        self._take_over(restored, found)
        toast(self, "Unsaved changes restored; save to keep them (ctrl+s)")

    def _take_over(self, restored: Document, found: recovery.Recovery) -> None:
        """Write the restored work to this session's recovery file before removing the old one."""
        try:
            restored.autosave()
        except OSError as error:
            toast(self, f"The restored work stays in {found.path} until saved: {error}", severity="warning")
            return
        recovery.discard_recovery(found.path)

    @staticmethod
    def _set_aside(path: Path, reason: str) -> tuple[Path, str] | None:
        renamed = set_aside(path)
        return None if renamed is None else (renamed, reason)

    def recover_untitled(self, found: recovery.Recovery) -> None:
        """Restore unsaved work on an untitled layout that an earlier session left."""
        try:
            document = Document.recovered(found, None)
        except LayoutError as error:
            tell_set_aside(self, self._set_aside(found.path, f"not a layout: {error.errors[0].message}"))
            return
        self.show_document(document)
        self._take_over(document, found)
        toast(self, "Restored unsaved work on an untitled layout: save it to keep it (ctrl+s)")

    def new_from_template(self, template: Path, name: str = "") -> None:
        """An untitled layout with the template's org, called `name` (empty: the template's name)."""
        try:
            document = Document.open(template)
        except LayoutError as error:
            self.show_base(LoadErrorScreen(template, error.errors))
            return
        if name:
            document.org.name = name
        self.show_document(Document(document.org))

    def ask_org_name(self, template: Path) -> None:
        """Ask what the new org from `template` is called, then start it."""

        def start(name: str | None) -> None:
            if name is not None:
                self.new_from_template(template, name)

        message = Text("Enter on an empty name keeps the template's.", style="dim")
        prompt = TextPrompt(Text("Name of the new org"), message=message, placeholder="the org's name")
        self.push_screen(prompt, start)

    # -- app-wide actions ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("quit", "open", "new", "help") and self.dialog_open)

    @property
    def dialog_open(self) -> bool:
        """Whether one of the designer's dialogs is open (the command palette is not one: it runs actions)."""
        return any(isinstance(s, ModalScreen) and not isinstance(s, CommandPalette) for s in self.screen_stack)

    def when_safe_to_leave(self, then: Callable[[], None]) -> None:
        """Run `then` once unsaved changes are saved or knowingly dropped."""
        main = self.main_screen
        if main is None or not main.document.dirty:
            then()
            return
        choices = [
            Choice("save", "Save, then continue", "s"),
            Choice("discard", "Discard my unsaved changes", "d"),
            Choice("cancel", "Cancel", "c"),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "save":
                if main.document.path is None:
                    main.action_save_as()
                elif main.save_to(None):
                    then()
            elif answer == "discard":
                main.document.discard_recovery()
                then()

        self.push_screen(
            ChoiceScreen(UNSAVED_CHANGES, choices, Text("This layout has changes that are not saved.")), chosen
        )

    async def action_quit(self) -> None:
        self.when_safe_to_leave(self._quit)

    def action_quit_now(self) -> None:
        """Quit from anywhere, dialogs included; unsaved changes are asked about first (once)."""
        if isinstance(self.screen, ChoiceScreen) and self.screen.heading == UNSAVED_CHANGES:
            return
        self.when_safe_to_leave(self._quit)

    def _quit(self) -> None:
        document = self.document
        if document is not None and not document.dirty:
            document.discard_recovery()
        self.exit()

    def action_open(self) -> None:
        def open_chosen(path: Path | None) -> None:
            if path:
                self.open_layout(path)

        def ask_path() -> None:
            self.push_screen(PathPrompt("Open layout", must_exist=True), open_chosen)

        self.when_safe_to_leave(ask_path)

    def action_new(self) -> None:
        templates = list_templates()
        choices = [Choice(str(t.path), template_prompt(t)) for t in templates]

        def start_from(path: str | None) -> None:
            if path:
                self.ask_org_name(Path(path))

        def ask_template() -> None:
            self.push_screen(ChoiceScreen("New from a template", choices), start_from)

        self.when_safe_to_leave(ask_template)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer, help screen and palette show them: through the gate (keys.yaml is user text)."""
        return printable(super().get_key_display(binding))

    def action_help(self) -> None:
        """The keys of what applies here: the same list as the command palette, then the widgets' own keys."""
        entries = [HelpEntry(c.keys, c.description, c.binding_ids) for c in available_commands(self.screen)]
        self.push_screen(HelpScreen([*entries, *self._navigation_here()]))

    def _navigation_here(self) -> list[HelpEntry]:
        main = self.screen
        if not isinstance(main, MainScreen):
            return []
        return [entry for entry in NAVIGATION if entry.binding_id != "tree" or main.showing_tree]

    # -- crashes ---------------------------------------------------------------------------

    def before_crash(self) -> None:
        """Before Textual shuts down on an unexpected error, keep the user's work."""
        document = self.document
        if document is not None:
            with suppress(OSError):
                document.autosave()

    def crash_message(self) -> Text:
        """Write the traceback to a log file; the terminal gets one readable line."""
        log = state_dir() / "crash.log"
        report = io.StringIO()
        Console(file=report, width=120, color_system=None).print(Traceback(show_locals=False))
        try:
            write_state_file(log, report.getvalue().encode("utf-8"))  # replaces a FIFO there instead of blocking
            where = f"details in {log}"
        except OSError:
            where = "no log could be written"
        return literal(f"orgdesign stopped on an internal error ({where}); unsaved work is in the recovery file.")
