"""The compare view's side pane: every change from the baseline grouped by kind, then the findings
and stats deltas. Highlighting a change names it; selecting one jumps to the person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static
from textual.widgets.option_list import Option

from orgdesign.compare import (
    Change,
    Entry,
    FieldChange,
    FindingRef,
    Move,
    OrgDiff,
    PersonRef,
    Renamed,
    Reordered,
    StatChange,
)
from orgdesign.tui.text import literal, show_text
from orgdesign.tui.textual_private import OneLayoutScroll, OneLayoutStatic, SteadyOptionList
from orgdesign.tui.widgets.kept_options import KeptOptions


class Heading(NamedTuple):
    """A group's heading in the list: its title, colour and count."""

    title: str
    colour: str
    size: int


Row = Heading | tuple[Change, bool]
"""What one option of the list shows: a heading, or a change and whether it is accepted."""
NO_CHANGES = Heading("No changes: the same as the baseline.", "green", 0)

SHOWN_LIMIT = 500
"""Changes listed at once; the rest are counted (a proposal rarely changes more people)."""

FINDINGS_SHOWN = 5
"""Findings listed under each of "introduced" and "resolved"; the rest are counted."""

ALWAYS_SHOWN = ("positions", "managers", "layers", "vacancies")
"""Figures of the stats delta shown even when they did not change."""

GROUPS: tuple[tuple[str, str, Callable[[OrgDiff], Sequence[Change]]], ...] = (
    ("Added", "green", lambda diff: diff.added),
    ("Removed", "red", lambda diff: diff.removed),
    ("Possibly renamed", "yellow", lambda diff: diff.renamed),
    ("Moved", "cyan", lambda diff: diff.moved),
    ("Reordered", "cyan", lambda diff: diff.reordered),
    ("Changed", "yellow", lambda diff: diff.changed),
    ("Layout", "yellow", lambda diff: diff.org_changed),
)
"""(heading, colour, the changes) of each group, in the order listed."""


def grouped(diff: OrgDiff) -> list[tuple[str, str, Sequence[Change]]]:
    return [(title, colour, changes) for title, colour, pick in GROUPS if (changes := pick(diff))]


def describe(change: Change) -> Text:
    """One line about a change, names shown literally."""
    if isinstance(change, Entry):
        return Text.assemble(_who(change.person), ", ", literal(change.role, "dim"))
    if isinstance(change, Renamed):
        return Text.assemble(_who(change.old), " → ", literal(change.new.id, "bold"))
    if isinstance(change, Move):
        return Text.assemble(
            _who(change.person), ": ", _manager(change.old_manager), " → ", _manager(change.new_manager)
        )
    if isinstance(change, Reordered):
        under = (
            Text(" among the tops") if change.manager is None else Text.assemble(" under ", _manager(change.manager))
        )
        place = f": place {change.old_position} → {change.new_position} of {change.among}"
        return Text.assemble(_who(change.person), place, under)
    if isinstance(change, FieldChange):
        return Text.assemble(
            _who(change.person), f" {change.field}: ", _shown_value(change.old), " → ", _shown_value(change.new)
        )
    return Text.assemble(f"{change.field}: ", _shown_value(change.old), " → ", _shown_value(change.new))


def _who(ref: PersonRef) -> Text:
    return literal(ref.name, "bold", limit=40)


def _manager(ref: PersonRef | None) -> Text:
    return Text("the top", style="italic") if ref is None else literal(ref.name, limit=40)


def _shown_value(value: str) -> Text:
    return literal(value, limit=40)


class OneLine(Visual):
    """An option's text that is one line by construction (the list neither wraps nor folds it): its
    height is known without measuring, and it is drawn once per width and style, so the options
    kept from one edit to the next cost nothing to lay out or draw again."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self._content = Content.from_rich_text(text)
        self._drawn: dict[tuple[int, int | None, Style, Style | None], list[Strip]] = {}

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if options.selection is not None:
            return self._content.render_strips(width, height, style, options)
        key = (width, height, style, options.post_style)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._content.render_strips(width, height, style, options)
        return drawn

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self._content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def __str__(self) -> str:
        return self.text.plain


class ChangesList(SteadyOptionList):
    """The changes, a heading per kind; `changes[i]` is option i's change (None for headings)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.changes: list[Change | None] = []
        self._shown: list[Row] | None = None
        """What each option shows: a change and whether it is accepted, or a heading with its count
        (None until first shown, so that a comparison with no changes says so)."""
        self._kept_options = KeptOptions[Row](self._option)
        """Most changes stay as they were from one edit to the next."""

    def show(self, diff: OrgDiff, accepted: frozenset[Change]) -> None:
        """Replace the list (unless nothing in it changed), keeping the highlight on the same change."""
        shown: list[Row] = []
        changes: list[Change | None] = []
        for title, colour, group in grouped(diff):
            shown.append(Heading(title, colour, len(group)))
            changes.append(None)
            for change in group[: SHOWN_LIMIT - len(shown)]:
                shown.append((change, change in accepted))
                changes.append(change)
        if shown == self._shown:
            return
        previous = self.highlighted_change
        self._shown, self.changes = shown, changes or [None]
        self.can_focus = any(change is not None for change in changes)
        self.set_options(self._kept_options.for_keys(shown or [NO_CHANGES]))
        if previous is not None and previous in self.changes:
            self.highlighted = self.changes.index(previous)
        elif self.can_focus:
            self.highlighted = next(n for n, change in enumerate(self.changes) if change is not None)

    def _option(self, row: Row) -> Option:
        if row is NO_CHANGES:
            return Option(OneLine(Text(row.title, style=row.colour)), disabled=True)
        if isinstance(row, Heading):
            return Option(OneLine(Text(f"{row.title} ({row.size})", style=f"bold {row.colour}")), disabled=True)
        return Option(OneLine(self._prompt(*row)))

    @staticmethod
    def _prompt(change: Change, accepted: bool) -> Text:
        text = Text("✓ " if accepted else "  ", style="green")
        text.append_text(describe(change))
        if accepted:
            text.stylize("dim")
        return text

    @property
    def highlighted_change(self) -> Change | None:
        index = self.highlighted
        return self.changes[index] if index is not None and index < len(self.changes) else None


def deltas(diff: OrgDiff, stats: list[StatChange]) -> Text:
    """The findings delta and the stats delta, as lines."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("Findings ", style="bold")
    if not (diff.findings_introduced or diff.findings_resolved):
        text.append("none introduced or resolved", style="dim")
    else:
        text.append(f"+{len(diff.findings_introduced)} introduced", style="red" if diff.findings_introduced else "dim")
        text.append(", ")
        text.append(f"-{len(diff.findings_resolved)} resolved", style="green" if diff.findings_resolved else "dim")
    _findings(text, "+", "red", diff.findings_introduced)
    _findings(text, "-", "green", diff.findings_resolved)
    text.append("\nStats ", style="bold")
    shown = [c for c in stats if c.label in ALWAYS_SHOWN or c.old != c.new]
    for change in shown:
        style = "" if change.old == change.new else "bold"
        text.append(f"\n  {change.label}: {change.old} → {change.new}", style=style)
        if change.old != change.new:
            text.append(f" ({change.delta})", style="green" if change.new > change.old else "red")
    return text


def _findings(text: Text, sign: str, colour: str, found: Sequence[FindingRef]) -> None:
    for finding in found[:FINDINGS_SHOWN]:
        text.append(f"\n  {sign} ", style=colour)
        text.append(finding.code, style="bold")
        text.append(" ")
        text.append_text(literal(finding.message, limit=70))
    if len(found) > FINDINGS_SHOWN:
        text.append(f"\n  … and {len(found) - FINDINGS_SHOWN} more", style="dim")


class ChangesPane(Vertical):
    """The list of changes over the deltas; the border names the baseline."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._latest: tuple[OrgDiff, frozenset[Change], list[StatChange]] | None = None

    def compose(self) -> ComposeResult:
        yield ChangesList(id="changes")
        with OneLayoutScroll(id="deltas-pane", can_focus=False):
            yield OneLayoutStatic(id="deltas")

    def on_mount(self) -> None:
        self._draw()

    def show(self, diff: OrgDiff, accepted: frozenset[Change], stats: list[StatChange]) -> None:
        """Show these (once mounted, when shown before)."""
        self._latest = (diff, accepted, stats)
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        if self._latest is not None:
            diff, accepted, stats = self._latest
            self.query_one(ChangesList).show(diff, accepted)
            show_text(self.query_one("#deltas", Static), deltas(diff, stats))

    @property
    def changes_list(self) -> ChangesList:
        return self.query_one(ChangesList)
