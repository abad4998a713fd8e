"""The designer's main screen: org tree, details, findings, and every editing action.

All changes go through `Document`; after each one `show_outcome` updates exactly the tree
nodes the edit touched (and the badges, among the nodes shown, whose worst finding
changed), the details, the findings list and the header, then moves the cursor once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Tree

from orgdesign.baseline import Baseline
from orgdesign.compare import Change, OrgDiff, StatChange, subject_of
from orgdesign.cycles import CycleWatch
from orgdesign.document import Document
from orgdesign.edits import (
    ChangeRole,
    Edit,
    EditRefused,
    MovePerson,
    RemovePerson,
    SetOrgField,
    SetProductLineTo,
    UpdatePerson,
    product_top,
)
from orgdesign.layout import LayoutError
from orgdesign.model import PROFILES, Person
from orgdesign.roles import ROLES
from orgdesign.rules.finding import Finding
from orgdesign.text import counted
from orgdesign.tui.compare_mode import COMPARE_BINDINGS, CompareMode
from orgdesign.tui.memory import exempt_live_objects_from_collection
from orgdesign.tui.screens.bulk_actions import BULK_BINDINGS, CLEAR_MARKS, BulkActions
from orgdesign.tui.screens.choice import Choice, ChoiceScreen
from orgdesign.tui.screens.compare_with import (
    STOP,
    BaselineFilePrompt,
    baseline_choices,
    revision_prompt,
    saved_version,
)
from orgdesign.tui.screens.format_actions import FORMAT_BINDINGS, FormatEditing
from orgdesign.tui.screens.path_prompt import PathPrompt, unused_name
from orgdesign.tui.screens.person_form import PersonFields, PersonForm
from orgdesign.tui.screens.person_picker import NOBODY, PersonPicker
from orgdesign.tui.screens.recovery_offer import tell_set_aside
from orgdesign.tui.screens.stats import StatsScreen
from orgdesign.tui.text import literal, toast
from orgdesign.tui.textual_private import OneLayoutScroll
from orgdesign.tui.widgets.changes import ChangesPane
from orgdesign.tui.widgets.chart import OrgChart
from orgdesign.tui.widgets.chart_pane import ChartPane
from orgdesign.tui.widgets.designer_footer import DesignerFooter
from orgdesign.tui.widgets.details import PersonDetails
from orgdesign.tui.widgets.findings import FindingsList
from orgdesign.tui.widgets.layout_header import LayoutHeader
from orgdesign.tui.widgets.org_tree import GHOST, OrgTree
from orgdesign.tui.widgets.rule_info import RuleInfo

if TYPE_CHECKING:
    from orgdesign.tui.app import OrgDesignApp

GHOST_PARENTS_OPENED = 50
"""When comparing starts, the managers of removed people whose branches are opened to show them."""

AUTOSAVE_DELAY = 3.0
"""Seconds of quiet after an edit before unsaved work goes to the recovery file."""


class MainScreen(BulkActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        CLEAR_MARKS,
        Binding("a", "add", "Add report", tooltip="Add a report under the selected person", id="add"),
        Binding("e", "edit", "Edit", tooltip="Edit every field of the selected person", id="edit"),
        Binding("r", "role", "Role", tooltip="Change the selected person's role", id="role", show=False),
        Binding("m", "move", "Move", tooltip="Move the selected person under another manager", id="move", show=False),
        Binding(
            "d",
            "delete",
            "Delete",
            tooltip="Delete the selected person (re-attach their reports, or the whole subtree)",
            id="delete",
            show=False,
        ),
        Binding(
            "o",
            "reporting",
            "Reporting",
            tooltip="Switch who the product organisation's top (or a PM) reports to",
            id="reporting",
            show=False,
        ),
        Binding("f", "fix", "Fix", tooltip="Apply the suggested fix of the selected finding", id="fix"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last edit (unlimited)", id="undo"),
        Binding("ctrl+y", "redo", "Redo", tooltip="Redo the edit just undone", id="redo", show=False),
        Binding("slash", "search", "Search", tooltip="Search people by name or role and jump", id="search"),
        Binding(
            "p",
            "profile",
            "Profile",
            tooltip="Switch the rule profile (startup, scaleup, enterprise)",
            id="profile",
            show=False,
        ),
        Binding("ctrl+s", "save", "Save", tooltip="Save the layout", id="save"),
        Binding(
            "S", "save_as", "Save as", tooltip="Save the layout under another name (shift+s)", id="save-as", show=False
        ),
        Binding("c", "toggle_chart", "Chart", tooltip="Switch between the tree and the org chart", id="toggle-chart"),
        Binding("s", "stats", "Stats", tooltip="Headcount, spans and layers", id="stats"),
        Binding(
            "v",
            "full_width_chart",
            "Full width",
            tooltip="Show the chart across the whole width (hide the side panels), or bring them back",
            id="full-width",
            show=False,
        ),
        *FORMAT_BINDINGS,
        *BULK_BINDINGS,
        *COMPARE_BINDINGS,
    ]

    def __init__(
        self, document: Document, *, autosave_delay: float = AUTOSAVE_DELAY, baseline: Baseline | None = None
    ) -> None:
        """`baseline`: compare the document with it from the start (`orgdesign NEW --compare OLD`)."""
        super().__init__()
        self.document = document
        self.autosave_delay = autosave_delay
        self._autosave_timer: Timer | None = None
        self._start_baseline = baseline
        self.comparing: CompareMode | None = None
        self.format_editing = FormatEditing(self)

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield LayoutHeader(self.document, self.marks, id="layout-header")
        with Horizontal(id="body"):
            with ContentSwitcher(initial="tree-view", id="views"):
                cycles = CycleWatch(self.document.org)
                yield OrgTree(self.document.org, self.document.validator.worst, cycles, self.marks, id="tree-view")
                yield ChartPane(self.document.org, self.document.validator.worst, cycles, self.marks, id="chart-view")
            with Vertical(id="side"):
                with OneLayoutScroll(id="details-pane", can_focus=False):
                    yield PersonDetails(self.document, id="details")
                yield FindingsList(id="findings")
                with OneLayoutScroll(id="rule-pane", can_focus=False):
                    yield RuleInfo(id="rule-info")
        yield DesignerFooter()

    def on_mount(self) -> None:
        self.document.session.start()
        top = product_top(self.document.org)
        self.org_tree.load(open_below=top.id if top else None)
        self.org_tree.focus()
        self.findings.border_title = "Findings"
        self.query_one("#details-pane").border_title = "Person"
        self.refresh_findings()
        self.details.show(self.org_tree.selected_id)
        if self._start_baseline is not None:
            self.compare_with(self._start_baseline)
        self.call_after_refresh(exempt_live_objects_from_collection)

    @property
    def org_app(self) -> OrgDesignApp:
        """The app, typed, for the calls the screen makes into it."""
        return cast("OrgDesignApp", self.app)

    @property
    def org_tree(self) -> OrgTree:
        return self.query_one(OrgTree)

    @property
    def chart(self) -> OrgChart:
        return self.query_one(OrgChart)

    @property
    def details(self) -> PersonDetails:
        return self.query_one(PersonDetails)

    @property
    def findings(self) -> FindingsList:
        return self.query_one(FindingsList)

    @property
    def selected(self) -> Person | None:
        return self.document.org.get(self.org_tree.selected_id)

    # -- reacting to the widgets -----------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _person_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self.details.show(event.node.data)
        if event.node.data is not None:
            self.chart.select(event.node.data)

    @on(OrgChart.PersonSelected)
    def _chart_person_selected(self, event: OrgChart.PersonSelected) -> None:
        self.org_tree.select_person(event.pid)  # the tree's NodeHighlighted re-selects in the chart: no loop
        self.details.show(event.pid)

    @on(Tree.NodeSelected)
    def _person_chosen(self) -> None:
        self.action_edit()

    @on(OptionList.OptionHighlighted, "#findings")
    def _finding_highlighted(self) -> None:
        self.query_one(RuleInfo).explain(self.findings.highlighted_finding)

    @on(OptionList.OptionSelected, "#findings")
    def _finding_chosen(self) -> None:
        finding = self.findings.highlighted_finding
        if finding is not None and finding.person is not None:
            self.jump_to(finding.person)

    # -- views -----------------------------------------------------------------------------

    def action_toggle_chart(self) -> None:
        views = self.query_one("#views", ContentSwitcher)
        if views.current == "chart-view":
            views.current = "tree-view"
            self.org_tree.focus()
            return
        views.current = "chart-view"
        if self.org_tree.selected_id is not None:
            self.chart.select(self.org_tree.selected_id)  # scroll again now that the chart has a size
        self.chart.focus()

    def action_full_width_chart(self) -> None:
        """Hide the side panels and show the chart; again: the side panels come back."""
        wide = not self.has_class("-chart-wide")
        self.set_class(wide, "-chart-wide")
        if wide and self.showing_tree:
            self.action_toggle_chart()

    def action_stats(self) -> None:
        self.app.push_screen(StatsScreen(self.document.org))

    # -- applying changes ------------------------------------------------------------------

    def perform(self, edit: Edit, *, select: str | None = None) -> bool:
        """Make `edit`; a refusal is shown with its reason and nothing changes."""
        try:
            touched = self.document.do(edit)
        except EditRefused as refused:
            toast(self, str(refused), title="Not changed", severity="error")
            return False
        self.show_outcome(touched, select)
        return True

    def show_outcome(self, touched: set[str], select: str | None = None) -> None:
        self.org_tree.apply(touched)
        self.follow_comparison(touched)
        self.chart.refresh_people(touched)
        self.org_tree.refresh_badges(self.document.validator.last_changed)
        target = select if select in self.document.org else self._still_there(touched)
        if target is not None:
            self.org_tree.select_person(target)
        self.details.show(self.org_tree.selected_id)
        self.refresh_findings()
        self.schedule_autosave()

    def _still_there(self, touched: set[str]) -> str | None:
        current = self.org_tree.selected_id
        if (
            current is not None
            and current in self.document.org
            and self.org_tree.node_for(current) is self.org_tree.cursor_node
        ):
            return current
        return next((pid for pid in sorted(touched) if pid in self.document.org), None)

    def refresh_findings(self) -> None:
        self.findings.show(self.document.validator.findings)
        if self.findings.has_focus and not self.findings.can_focus:
            self.focus_view()
        self.query_one(RuleInfo).explain(self.findings.highlighted_finding)
        self.call_after_refresh(self._offer_rule_pane_to_tab)
        self.refresh_header()

    def _offer_rule_pane_to_tab(self) -> None:
        """The rule pane joins the tab order only when it has more text than it shows (to scroll)."""
        pane = self.query_one("#rule-pane", VerticalScroll)
        pane.can_focus = pane.max_scroll_y > 0

    def refresh_header(self) -> None:
        self.query_one(LayoutHeader).refresh_status()

    def jump_to(self, pid: str) -> None:
        """Select `pid` and give the view (tree or chart) the focus, whatever had it before."""
        if not self.org_tree.select_person(pid):
            name = self.document.org[pid].name if pid in self.document.org else pid
            toast(self, f"{name} sits too many layers deep for the tree to show")
        self.details.show(self.org_tree.selected_id)
        self.focus_view()

    def focus_view(self) -> None:
        """Focus the tree, or the chart while the chart is shown."""
        (self.org_tree if self.showing_tree else self.chart).focus()

    @property
    def showing_tree(self) -> bool:
        return self.query_one("#views", ContentSwitcher).current != "chart-view"

    # -- actions: people -------------------------------------------------------------------

    def _require_selection(self) -> Person | None:
        person = self.selected
        if person is None:
            toast(self, "Select a person first", severity="warning")
        return person

    def action_add(self) -> None:
        manager = self.selected
        heading = Text("Add a report")
        if manager is not None:
            heading = Text.assemble("Add a report to ", literal(manager.name, limit=50))
        self.open_add_form(manager, heading)

    def action_edit(self) -> None:
        person = self._require_selection()
        if person is None:
            return

        def edit(fields: PersonFields) -> str:
            changes = {k: v for k, v in _as_changes(fields).items() if getattr(person, k) != v}
            if changes:
                self._do_or_raise(UpdatePerson(person.id, **changes), person.id)
            return person.id

        heading = Text.assemble("Edit ", literal(person.name, limit=50))
        self.app.push_screen(PersonForm(heading, edit, initial=person, units=self.document.org.units))

    def _do_or_raise(self, edit: Edit, select: str) -> None:
        """For forms and pickers: EditRefused propagates so they can show it inline."""
        self.show_outcome(self.document.do(edit), select)

    def action_role(self) -> None:
        if self.marked_ids():
            self.role_of_marked()
            return
        person = self._require_selection()
        if person is None:
            return
        choices = [Choice(role.id, role.label) for role in ROLES.values()]
        title = f"Role of {person.name}"

        def chosen(role_id: str | None) -> None:
            if role_id is not None and role_id != person.role:
                self.perform(ChangeRole(person.id, role_id), select=person.id)

        self.app.push_screen(ChoiceScreen(title, choices, highlight=person.role, type_ahead=True), chosen)

    def action_move(self) -> None:
        if self.marked_ids():
            self.move_marked()
            return
        person = self._require_selection()
        if person is None:
            return

        def move(target: str) -> None:
            manager = None if target == NOBODY else target
            if manager != person.reports_to:
                self._do_or_raise(MovePerson(person.id, manager), person.id)

        heading = Text.assemble("Move ", literal(person.name, limit=50), " under…")
        own_line = frozenset(self.document.org.subtree_ids(person.id))
        self.app.push_screen(
            PersonPicker(
                heading,
                self.document.org,
                move,
                offer_nobody=True,
                exclude=own_line,
                index=self.document.people_index(),
            )
        )

    def action_delete(self) -> None:
        if self.marked_ids():
            self.delete_marked()
            return
        person = self._require_selection()
        if person is None:
            return
        reports = self.document.org.report_count(person.id)
        below = len(self.document.org.subtree_ids(person.id)) - 1
        manager = self.document.org.manager(person.id)
        up = manager.name if manager else "the top of the org"
        choices = [
            Choice("reattach", f"Remove only them; {_their_reports(reports)} to {up}", "r"),
            Choice("subtree", f"Remove them and everyone below them ({_people(below + 1)} in all)", "s"),
            Choice("cancel", "Cancel", "c"),
        ]
        if reports == 0:
            choices = [Choice("reattach", "Remove", "r"), Choice("cancel", "Cancel", "c")]
        message = Text.assemble("Remove ", literal(person.name, "bold"), "?")

        def chosen(answer: str | None) -> None:
            if answer in ("reattach", "subtree"):
                subtree = answer == "subtree"
                if self.perform(RemovePerson(person.id, with_subtree=subtree), select=manager.id if manager else None):
                    toast(self, f"Removed {person.name}" + (f" and {_people(below)} below" if subtree else ""))

        self.app.push_screen(ChoiceScreen("Delete", choices, message, highlight="cancel"), chosen)

    def action_reporting(self) -> None:
        person = self._require_selection()
        if person is None:
            return
        org = self.document.org
        top = product_top(org)
        if top is not None and person.id == top.id:
            self._ask_product_line(person)
        elif person.role_info.is_product_manager:
            self._ask_pm_line(person)
        else:
            toast(
                self,
                "Reporting options apply to the product organisation's top (CPO or Head of Product) or to a PM",
                severity="warning",
            )

    def _ask_product_line(self, top: Person) -> None:
        current = self.document.org.manager(top.id)
        now = current.role if current else None
        choices = [
            Choice(role, Text.assemble(f"Report to the {label}", ("  (now)", "dim") if role == now else ""), key)
            for role, label, key in (("ceo", "CEO", "1"), ("cto", "CTO", "2"))
        ]
        message = Text.assemble(literal(top.name, "bold"), " leads the product organisation.")

        def chosen(answer: str | None) -> None:
            if answer is not None and (current is None or current.role != answer):
                self.perform(SetProductLineTo(answer), select=top.id)

        self.app.push_screen(ChoiceScreen("Product organisation reports to", choices, message, highlight=now), chosen)

    def _ask_pm_line(self, pm: Person) -> None:
        options = self.document.validator.reporting_options(pm.id)
        if not options:
            toast(self, "There is neither a product leader nor a CEO to report to", severity="warning")
            return
        choices = [
            Choice(
                p.id,
                Text.assemble(
                    f"Report to {label}: ",
                    literal(p.name, limit=50),
                    ("  (now)", "dim") if p.id == pm.reports_to else "",
                ),
                str(n),
            )
            for n, (p, label) in enumerate(options, 1)
        ]

        def chosen(answer: str | None) -> None:
            if answer is not None and answer != pm.reports_to:
                self.perform(MovePerson(pm.id, answer), select=pm.id)

        self.app.push_screen(ChoiceScreen(f"{pm.name} reports to", choices, highlight=pm.reports_to), chosen)

    def action_fix(self) -> None:
        finding = self._finding_to_fix()
        if finding is None:
            toast(self, "No finding with a suggested fix is selected", severity="warning")
            return
        edit = self.document.validator.fix_for(finding)
        if edit is None:
            toast(self, "This finding has no automatic fix", severity="warning")
            return
        self.perform(edit, select=finding.person)

    def _finding_to_fix(self) -> Finding | None:
        """The highlighted finding when the list has focus, else the selected person's worst fixable one."""
        if self.findings.has_focus:
            return self.findings.highlighted_finding
        pid = self.org_tree.selected_id
        if pid is None:
            return None
        return next((f for f in self.document.validator.for_person(pid) if f.fix and f.waived is None), None)

    # -- actions: history, search, profile -------------------------------------------------

    def action_undo(self) -> None:
        history = self.document.history
        description = history.undo_description
        shown_after = self._shown_after(history.next_undo)
        touched = self.document.undo()
        if touched is None:
            toast(self, "Nothing to undo")
            return
        self.show_outcome(touched, shown_after())
        toast(self, f"Undone: {description}")

    def action_redo(self) -> None:
        history = self.document.history
        description = history.redo_description
        shown_after = self._shown_after(history.next_redo)
        touched = self.document.redo()
        if touched is None:
            toast(self, "Nothing to redo")
            return
        self.show_outcome(touched, shown_after())
        toast(self, f"Redone: {description}")

    def _shown_after(self, edit: Edit | None) -> Callable[[], str | None]:
        """Who to select once `edit` is undone or redone: the person it changed, else (when
        that takes them out of the org) their manager as it was before."""
        org = self.document.org
        subject = edit.subject if edit is not None else None
        manager = org[subject].reports_to if subject is not None and subject in org else None

        def person_or_manager() -> str | None:
            return subject if subject is not None and subject in org else manager

        return person_or_manager

    def action_search(self) -> None:
        self.app.push_screen(
            PersonPicker(Text("Jump to"), self.document.org, self.jump_to, index=self.document.people_index())
        )

    def action_profile(self) -> None:
        current = self.document.org.profile
        choices = [Choice(name, name, str(n)) for n, name in enumerate(PROFILES, 1)]

        def chosen(profile: str | None) -> None:
            if profile is not None and profile != current:
                self.perform(SetOrgField("profile", profile))
                toast(self, f"Profile {profile}: rules re-checked")

        self.app.push_screen(ChoiceScreen("Profile", choices, highlight=current), chosen)

    # -- comparing with a baseline (issue 19) ------------------------------------------------

    def compare_with(self, baseline: Baseline) -> None:
        """Compare the layout with `baseline` (instead of any baseline before): marks, Changes pane."""
        if self.comparing is not None:
            self.stop_comparing()
        self.comparing = CompareMode(self.document, baseline)
        pane = ChangesPane(id="compare-pane")
        pane.border_title = Text.assemble("Changes since ", literal(baseline.label, limit=50))
        pane.show(*self._compared())
        self.query_one("#side").mount(pane, before="#details-pane")
        self.query_one("#rule-pane").display = False
        self.org_tree.annotations = self.comparing
        self.org_tree.redraw_annotations()
        self.chart.compare(self.comparing)
        for manager in self.comparing.ghost_parents()[:GHOST_PARENTS_OPENED]:
            node = self.org_tree.node_for(manager)
            if node is not None:
                node.expand()  # removed people show at their old place without a search

    def stop_comparing(self) -> None:
        self.comparing = None
        self.org_tree.annotations = None
        self.org_tree.redraw_annotations()
        self.chart.compare(None)
        self.query_one("#compare-pane").remove()
        self.query_one("#rule-pane").display = True
        self.focus_view()

    def follow_comparison(self, touched: set[str]) -> None:
        """After an edit: the marks and ghosts it changed, and the Changes pane, all in the edit's own
        frame (a pane drawn a frame later cost a second layout and paint of the screen)."""
        if self.comparing is None:
            return
        relabel, ghosts_under = self.comparing.follow(touched)
        self.org_tree.relabel(relabel)
        self.org_tree.refresh_ghosts(ghosts_under)
        self.chart.compare(self.comparing, ghosts_under)
        self.show_changes()

    def show_changes(self) -> None:
        if self.comparing is not None:
            self.query_one(ChangesPane).show(*self._compared())

    def _compared(self) -> tuple[OrgDiff, frozenset[Change], list[StatChange]]:
        assert self.comparing is not None, "only while comparing"
        comparison = self.comparing.comparison
        return comparison.summary(), frozenset(comparison.accepted), comparison.stats()

    def action_compare(self) -> None:
        path = self.document.path
        choices = baseline_choices(path, comparing=self.comparing is not None)

        def chosen(answer: str | None) -> None:
            if answer == STOP:
                self.stop_comparing()
            elif answer == "file":
                picker = BaselineFilePrompt()
                self.app.push_screen(picker, lambda path: self._baseline_chosen(picker.baseline if path else None))
            elif answer == "git" and path is not None:
                self.app.push_screen(revision_prompt(path), self._baseline_chosen)
            elif answer == "saved" and path is not None:
                try:
                    self.compare_with(saved_version(path))
                except LayoutError as error:
                    toast(self, str(error.errors[0]), title="Cannot compare", severity="error")

        self.app.push_screen(ChoiceScreen("Compare with…", choices), chosen)

    def _baseline_chosen(self, baseline: Baseline | None) -> None:
        if baseline is not None:
            self.compare_with(baseline)

    def _chosen_changes(self) -> list[Change]:
        """The highlighted change while the Changes list has focus, else every change of the tree's selection."""
        if self.comparing is None:
            return []
        pane = self.query_one(ChangesPane).changes_list
        if pane.has_focus:
            change = pane.highlighted_change
            return [] if change is None else [change]
        node = self.org_tree.cursor_node
        return [] if node is None or node.data is None else self.comparing.changes_of(node.data)

    def action_revert_change(self) -> None:
        changes = self._chosen_changes()
        if self.comparing is None or not changes:
            self._say_nothing_to_act_on()
            return
        try:
            edit = self.comparing.revert(changes)
        except EditRefused as refused:
            toast(self, str(refused), title="Not reverted", severity="error")
            return
        subject = subject_of(changes[0])
        self.perform(edit, select=subject if subject in self.document.org else None)

    def action_accept_change(self) -> None:
        changes = self._chosen_changes()
        if self.comparing is None or not changes:
            self._say_nothing_to_act_on()
            return
        accepted = self.comparing.toggle_accepted(changes)
        self.show_changes()
        toast(self, f"{counted(len(changes), 'change')} marked {'accepted' if accepted else 'to review'}")

    def _say_nothing_to_act_on(self) -> None:
        if self.comparing is None:
            toast(self, "Compare with a baseline first (shift+b)", severity="warning")
        else:
            toast(self, "Nothing selected differs from the baseline", severity="warning")

    @on(Tree.NodeHighlighted)
    def _ghost_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        """A removed person (shown struck through) is described as the baseline had them."""
        data = event.node.data
        if self.comparing is not None and data is not None and data.startswith(GHOST):
            self.details.update(self.comparing.describe_removed(data.removeprefix(GHOST)))

    @on(OrgChart.RemovedChosen)
    def _removed_chosen_in_chart(self, event: OrgChart.RemovedChosen) -> None:
        """A removed person's box in the chart: the tree's cursor goes to them (the details say who
        they were, and R brings them back); the chart keeps its selection."""
        if self.comparing is not None:
            self.org_tree.select_ghost(event.pid, self.comparing.ghost_parent(event.pid))

    @on(OptionList.OptionSelected, "#changes")
    def _change_chosen(self) -> None:
        change = self.query_one(ChangesPane).changes_list.highlighted_change
        if self.comparing is None or change is None:
            return
        pid = subject_of(change)
        if pid is not None and pid not in self.document.org:
            self.org_tree.select_ghost(pid, self.comparing.ghost_parent(pid))
            self.focus_view()
        elif pid is not None:
            self.jump_to(pid)

    # -- actions: the rest of the format (see format_actions) ------------------------------

    def action_add_dotted(self) -> None:
        self.format_editing.add_dotted_line()

    def action_remove_dotted(self) -> None:
        self.format_editing.remove_dotted_line()

    def action_waive(self) -> None:
        self.format_editing.waive()

    def action_remove_waiver(self) -> None:
        self.format_editing.remove_waiver()

    def action_toggle_waived(self) -> None:
        self.format_editing.toggle_waived()

    def action_assign_unit(self) -> None:
        """The marked people, else the selected person, into a unit (one step)."""
        targets = self._targets()
        if targets:
            self.format_editing.assign_unit(targets)

    def action_units(self) -> None:
        self.format_editing.units()

    def action_toggle_unit_names(self) -> None:
        self.format_editing.toggle_unit_names()

    def action_rename_org(self) -> None:
        self.format_editing.rename_org()

    def action_settings(self) -> None:
        self.format_editing.settings()

    def action_move_up(self) -> None:
        self.format_editing.move_among_siblings(-1)

    def action_move_down(self) -> None:
        self.format_editing.move_among_siblings(1)

    # -- saving ----------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.document.untitled:
            self.action_save_as()
        else:
            self.save_to(None)

    def action_save_as(self, suggested: str = "") -> None:
        """`suggested`: the path to offer instead of the layout's own (after a conflict, a new name)."""
        initial = suggested or (str(self.document.path) if self.document.path else "untitled.yaml")

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if self.document.would_replace_another_file(path):
                self._confirm_replace(path)
            else:
                self.save_to(path)

        self.app.push_screen(PathPrompt("Save as", initial), chosen)

    def _confirm_replace(self, path: Path) -> None:
        choices = [Choice("replace", "Replace it", "y"), Choice("cancel", "Cancel", "n")]
        message = Text.assemble(literal(str(path), "bold"), " already exists.")

        def chosen(answer: str | None) -> None:
            if answer == "replace":
                self.save_to(path, overwrite=True)

        self.app.push_screen(ChoiceScreen("Replace file?", choices, message), chosen)

    def save_to(self, path: Path | None, *, overwrite: bool = False) -> bool:
        """Save; a conflict asks what to do, a failure is reported and the edits stay."""
        outcome = self.document.attempt_save(path, overwrite=overwrite)
        if outcome.conflict:
            self._ask_about_conflict(path)
        elif outcome.failure is not None:
            toast(self, outcome.failure, title="Not saved: your edits are still here", severity="error", timeout=10)
        else:
            tell_set_aside(self, outcome.set_aside)
            self.cancel_autosave()
            self.refresh_header()
            toast(self, f"Saved {outcome.saved}")
        return outcome.saved is not None

    def _ask_about_conflict(self, path: Path | None) -> None:
        choices = [
            Choice("overwrite", "Overwrite it with my version", "o"),
            Choice("reload", "Reload it from disk (drops my unsaved edits)", "r"),
            Choice("save_as", "Save my version under another name", "s"),
            Choice("cancel", "Cancel", "c"),
        ]
        message = Text.assemble(
            literal(str(path or self.document.path), "bold"), " changed on disk since it was opened."
        )

        def chosen(answer: str | None) -> None:
            if answer == "overwrite":
                self.save_to(path, overwrite=True)
            elif answer == "reload" and self.document.path is not None:
                self.document.discard_recovery()
                self.org_app.open_layout(self.document.path, offer_recovery=False)
            elif answer == "save_as":
                conflicted = path or self.document.path
                self.action_save_as(str(unused_name(conflicted)) if conflicted is not None else "")

        self.app.push_screen(ChoiceScreen("File changed on disk", choices, message), chosen)

    # -- autosave --------------------------------------------------------------------------

    def schedule_autosave(self) -> None:
        """(Re)start the idle countdown: the recovery file is written once edits pause (and
        removed at once when an undo brings the layout back to what is saved)."""
        self.cancel_autosave()
        if self.document.autosave_due:
            self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave)
        else:
            self.autosave()

    def cancel_autosave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None

    def autosave(self) -> None:
        self._autosave_timer = None
        problem = self.document.attempt_autosave()
        if problem is not None:
            toast(self, problem, severity="warning")

    def on_unmount(self) -> None:
        self.cancel_autosave()
        self.document.session.end()


def _their_reports(count: int) -> str:
    """'their report moves up', 'their 3 reports move up'."""
    return f"their {counted(count, 'report')} move up" if count != 1 else "their 1 report moves up"


def _people(count: int) -> str:
    return counted(count, "person", "people")


def _as_changes(fields: PersonFields) -> dict[str, Any]:
    """The form's fields as Person field values (the form's names match Person's)."""
    return asdict(fields)
