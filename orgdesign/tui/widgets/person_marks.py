"""What a tree line says after a person's name and role: their dotted lines, and their unit when asked."""

from __future__ import annotations

from rich.text import Text

from orgdesign.model import Org, Person
from orgdesign.tui.text import literal

SHOWN_DOTTED = 2
"""Dotted-line managers named on a tree line; more are counted."""


def person_marks(org: Org, person: Person, *, show_unit: bool) -> Text:
    """'  ┄ Dana Reyes' for a dotted line, '  ▣ Payments' for the unit (when `show_unit`)."""
    text = Text()
    managers = org.dotted_managers(person.id)
    if managers:
        text.append("  ┄ ", style="dim")
        text.append_text(Text(", ").join(literal(m.name, "dim italic", limit=30) for m in managers[:SHOWN_DOTTED]))
        if len(managers) > SHOWN_DOTTED:
            text.append(f" +{len(managers) - SHOWN_DOTTED}", style="dim")
    unit = org.unit(person.unit) if show_unit else None
    if unit is not None:
        text.append("  ▣ ", style="cyan")
        text.append_text(literal(unit.name, "cyan", limit=30))
    return text
