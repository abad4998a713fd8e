"""Why a finding matters: the rule's title, basis, sources (by title), rationale and suggested fix."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from orgdesign.rules import RULES
from orgdesign.rules.finding import Finding
from orgdesign.rules.sources import cite
from orgdesign.tui.text import literal, show_text
from orgdesign.tui.textual_private import OneLayoutStatic
from orgdesign.tui.widgets.badges import severity_word

PLACEHOLDER = Text("Highlight a finding to see why it matters.", style="dim")


class RuleInfo(OneLayoutStatic):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(PLACEHOLDER, **kwargs)

    def explain(self, finding: Finding | None) -> None:
        if finding is None:
            show_text(self, PLACEHOLDER)
            return
        show_text(self, explanation(finding))


def explanation(finding: Finding) -> Text:
    """Only the badge carries the severity's colour: the rationale is prose, in the normal colour."""
    rule = RULES.get(finding.code)
    text = Text.assemble(severity_word(finding.severity), "  ", (finding.code, "bold"))
    if rule is not None:
        text.append("  ")
        text.append(rule.title, style="bold")
    text.append("\n")
    if finding.fix:
        text.append("Fix (f): ", style="bold green")
        text.append_text(literal(finding.fix))
        text.append("\n")
    if finding.waived is not None:
        text.append("Waived: ", style="bold")
        text.append_text(literal(finding.waived.reason))
        text.append("\n")
    if rule is not None:
        text.append("Basis: ", style="bold")
        text.append(f"{rule.basis} ({rule.basis.meaning})\n", style="dim")
    sources = finding.sources or (rule.sources if rule is not None else ())
    if sources:
        text.append("Sources: ", style="bold")
        text.append("; ".join(cite(file) for file in sources), style="dim")
        text.append("\n")
    if rule is not None:
        text.append(rule.rationale)
    return text
