"""The findings list, worst first; highlighting one explains it, selecting one jumps to it."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.style import Style as VisualStyle
from textual.widgets.option_list import Option

from orgdesign.rules.finding import Finding
from orgdesign.tui.text import literal
from orgdesign.tui.textual_private import QuicklyMeasuredContent, SteadyOptionList
from orgdesign.tui.widgets.badges import badge
from orgdesign.tui.widgets.kept_options import KeptOptions

SHOWN_LIMIT = 100
"""Findings listed at once; the rest are counted (the header has the totals).

A hundred is pages more than the pane shows, and fixing or waiving the first brings up the next.
The list measures every option it holds whenever it changes: 500 of them cost 60 ms after a bulk
edit that changed findings (a product set on 1,000 people raises hundreds), most of the budget."""


class FindingsList(SteadyOptionList):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.findings: list[Finding] = []
        self.total = 0
        self.show_waived = False
        """Whether waived findings are listed (greyed); they never count either way."""
        self._kept_options = KeptOptions[Finding](
            lambda finding: Option(QuicklyMeasuredContent.of(self._prompt(finding), self._style_of))
        )
        self._styles: dict[str | Style, VisualStyle] = {}
        """Each style of a finding's row (a severity's colour, bold, dim) as Textual draws it."""

    def show(self, findings: list[Finding]) -> None:
        """Replace the list, keeping the highlight on the same finding when it is still there.

        Most edits leave the findings as they were: then nothing is rebuilt, because
        re-rendering hundreds of options costs more than a frame on a large org.
        """
        if not self.show_waived:
            findings = [finding for finding in findings if finding.waived is None]
        self.can_focus = bool(findings)  # with nothing to act on, tab skips the list
        shown = findings[:SHOWN_LIMIT]
        if shown == self.findings and self.option_count and len(findings) == self.total:
            return
        previous = self.highlighted_finding
        self.findings, self.total = shown, len(findings)
        options = self._kept_options.for_keys(self.findings)
        if len(findings) > SHOWN_LIMIT:
            options.append(Option(Text(f"… and {len(findings) - SHOWN_LIMIT} more", style="dim"), disabled=True))
        if not findings:
            options.append(Option(Text("No findings: the design follows every rule.", style="green"), disabled=True))
        self.set_options(options)
        if previous in self.findings:
            self.highlighted = self.findings.index(previous)
        elif self.findings:
            self.highlighted = 0

    def _style_of(self, style: str | Style) -> VisualStyle:
        converted = self._styles.get(style)
        if converted is None:
            rich_style = self.app.console.get_style(style) if isinstance(style, str) else style
            converted = self._styles[style] = VisualStyle.from_rich_style(rich_style, self.app.ansi_theme)
        return converted

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    @property
    def highlighted_finding(self) -> Finding | None:
        index = self.highlighted
        if index is None or index >= len(self.findings):
            return None
        return self.findings[index]

    @staticmethod
    def _prompt(finding: Finding) -> Text:
        text = badge(finding.severity)
        text.append(f" {finding.code} ", style="bold")
        text.append_text(literal(finding.message))
        if finding.waived is not None:
            text.append(" (waived)")
            text.stylize("dim")
        return text
