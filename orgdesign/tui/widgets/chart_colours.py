"""What the chart's colours mean: the worst finding, the unit, the product, or whether a role is open.

A `Colouring` answers one question per box (which colour, if any) and gives the legend that
explains it. Units and products get colours from one fixed, colour-blind-friendly list in the
order of their names, so the same org is always drawn the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from rich.style import Style

from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity
from orgdesign.text import printable
from orgdesign.tui.widgets.badges import GLYPHS, STYLES


class ColourBy(Enum):
    SEVERITY = "severity"
    UNIT = "unit"
    PRODUCT = "product"
    VACANCY = "vacancy"


COLOUR_MODES = tuple(ColourBy)
"""The order a key cycles through them."""

SEVERITY_STYLES = {severity: Style.parse(style) for severity, style in STYLES.items()}
GROUP_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
"""Tableau 10 without its grey (which reads as 'no colour')."""
VACANCY_STYLE = Style(color="magenta", bold=True)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    mark: str
    label: str
    style: Style


@dataclass(slots=True)
class Colouring:
    """The colour of each box under one mode, and the legend for it."""

    mode: ColourBy
    org: Org
    worst: Callable[[str], Severity | None]
    groups: dict[str, Style] = field(default_factory=dict)
    """Unit or product name -> its colour (UNIT and PRODUCT modes)."""

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Look at the units or products again (after an edit may have named a new one)."""
        if self.mode not in (ColourBy.UNIT, ColourBy.PRODUCT):
            return
        names = sorted({value for person in self.org.people() if (value := self._group(person)) is not None})
        self.groups = {name: Style(color=GROUP_COLOURS[i % len(GROUP_COLOURS)]) for i, name in enumerate(names)}

    def notice(self, people: Iterable[Person | None]) -> bool:
        """Colour the units or products again if an edit has just named a new one (True: the legend changed)."""
        if self.mode not in (ColourBy.UNIT, ColourBy.PRODUCT):
            return False
        if any(person is not None and self._group(person) not in (None, *self.groups) for person in people):
            self.refresh()
            return True
        return False

    def style_of(self, pid: str) -> Style | None:
        """The box's colour in this mode, None when it has none (drawn in the chart's own colours)."""
        if self.mode is ColourBy.SEVERITY:
            severity = self.worst(pid)
            return SEVERITY_STYLES[severity] if severity is not None else None
        person = self.org.get(pid)
        if person is None:
            return None
        if self.mode is ColourBy.VACANCY:
            return VACANCY_STYLE if person.vacancy else None
        group = self._group(person)
        return self.groups.get(group) if group is not None else None

    def legend(self) -> list[LegendEntry]:
        if self.mode is ColourBy.SEVERITY:
            return [
                LegendEntry(GLYPHS[severity], severity.label, SEVERITY_STYLES[severity])
                for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            ]
        if self.mode is ColourBy.VACANCY:
            return [LegendEntry("■", "vacancy", VACANCY_STYLE)]
        return [LegendEntry("■", printable(self._group_label(name)), style) for name, style in self.groups.items()]

    def _group_label(self, group: str) -> str:
        """A unit's name (people name units by id); a product as it is written."""
        unit = self.org.unit(group) if self.mode is ColourBy.UNIT else None
        return unit.name if unit is not None else group

    def _group(self, person: Person) -> str | None:
        return person.unit if self.mode is ColourBy.UNIT else person.product
