"""How severities look everywhere in the designer (tree badges, findings, header)."""

from __future__ import annotations

from rich.text import Text

from orgdesign.rules.finding import Severity

GLYPHS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def badge(severity: Severity | None) -> Text:
    """A one-cell coloured marker for the worst finding on a person (empty when none)."""
    if severity is None:
        return Text("")
    return Text(GLYPHS[severity], style=STYLES[severity])


def severity_word(severity: Severity) -> Text:
    return Text(f"{GLYPHS[severity]} {severity.label}", style=STYLES[severity])
