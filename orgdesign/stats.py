"""Numbers about an org: headcount by role and unit, spans of control, layers, vacancies.

Pure computation (no printing): the `stats` command draws these as terminal bar charts
(`orgdesign.stats_text`) and the designer's stats screen reuses `org_stats`. Counts are of
positions: a vacancy is counted where its position sits, and also under `vacancies`.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org
from orgdesign.roles import ROLES

SPAN_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("1", 1, 1),
    ("2-3", 2, 3),
    ("4-7", 4, 7),
    ("8-12", 8, 12),
    ("13-16", 13, 16),
    ("17+", 17, None),
)
"""(label, fewest direct reports, most direct reports or None for no limit)."""

NO_UNIT = "(no unit)"


@dataclass(frozen=True, slots=True)
class Tally:
    """One bar of a chart: what is counted (an id, or None), how it is shown, how many."""

    key: str | None
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class OrgStats:
    name: str
    positions: int
    """Everyone in the layout, vacancies included."""
    vacancies: int
    by_role: tuple[Tally, ...]
    """Roles in catalogue order; only roles someone holds."""
    by_unit: tuple[Tally, ...]
    """Units in layout order, then units named by people but not declared, then no unit."""
    managers_by_span: tuple[Tally, ...]
    """Every span group, in order, even when empty; managers are people with direct reports."""
    people_per_layer: tuple[Tally, ...]
    """Layer 1 is the top of the org."""

    @property
    def filled(self) -> int:
        return self.positions - self.vacancies

    @property
    def managers(self) -> int:
        return sum(t.count for t in self.managers_by_span)

    @property
    def layers(self) -> int:
        return len(self.people_per_layer)


def org_stats(org: Org) -> OrgStats:
    """Every statistic of `org`, in one linear pass over its people."""
    return OrgStats(
        name=org.name,
        positions=len(org),
        vacancies=sum(1 for p in org.people() if p.vacancy),
        by_role=_by_role(org),
        by_unit=_by_unit(org),
        managers_by_span=_managers_by_span(org),
        people_per_layer=_people_per_layer(org),
    )


def span_group(reports: int) -> str:
    """The label of the span group a manager with `reports` direct reports falls in."""
    for label, low, high in SPAN_GROUPS:
        if reports >= low and (high is None or reports <= high):
            return label
    raise ValueError(f"{reports} direct reports is not a span of control")


def _by_role(org: Org) -> tuple[Tally, ...]:
    counts: dict[str, int] = {}
    for person in org.people():
        counts[person.role] = counts.get(person.role, 0) + 1
    return tuple(Tally(role_id, role.label, counts[role_id]) for role_id, role in ROLES.items() if role_id in counts)


def _by_unit(org: Org) -> tuple[Tally, ...]:
    counts: dict[str | None, int] = {}
    for person in org.people():
        counts[person.unit] = counts.get(person.unit, 0) + 1
    tallies = [Tally(unit.id, unit.name, counts.pop(unit.id)) for unit in org.units if unit.id in counts]
    without = counts.pop(None, 0)
    tallies.extend(Tally(unit_id, unit_id, count) for unit_id, count in counts.items() if unit_id is not None)
    if without:
        tallies.append(Tally(None, NO_UNIT, without))
    return tuple(tallies)


def _managers_by_span(org: Org) -> tuple[Tally, ...]:
    counts = dict.fromkeys((label for label, _, _ in SPAN_GROUPS), 0)
    for pid in org.ids():
        reports = org.report_count(pid)
        if reports:
            counts[span_group(reports)] += 1
    return tuple(Tally(label, label, count) for label, count in counts.items())


def _people_per_layer(org: Org) -> tuple[Tally, ...]:
    counts: dict[int, int] = {}
    for depth in spanning_forest(org).depth.values():
        counts[depth] = counts.get(depth, 0) + 1
    return tuple(Tally(str(depth + 1), f"layer {depth + 1}", counts[depth]) for depth in range(len(counts)))
