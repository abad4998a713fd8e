"""`import --update LAYOUT`: a new HR export applied to a layout the designer has worked on.

People are matched by id. What the HR system knows comes from the export: who is there (new
hires added, leavers removed), names, titles and managers. What the designer added stays:
roles chosen by hand, waivers, notes, units, products, years of PM experience, dotted lines
(unless the export has a dotted-line column) and vacancies, which no HR system lists.

A role counts as chosen by hand when it differs from the role the person's old title maps to;
otherwise it follows the title, so a promotion in HR ("Product Manager" -> "Senior Product
Manager") moves the role too. A vacancy whose manager left moves up to the nearest manager
above who is still there. The org's name, profile, settings and units are the layout's.
"""

from __future__ import annotations

from dataclasses import replace

from orgdesign.importing.titles import TitleMap
from orgdesign.model import Org, Person


def updated_org(current: Org, incoming: Org, titles: TitleMap, *, dotted_from_export: bool = False) -> Org:
    """`current` with `incoming` (a fresh import of the HR export) applied, as described above."""
    staying = [_updated(person, incoming, titles, dotted_from_export) for person in current.people()]
    kept = [person for person in staying if person is not None]
    kept_ids = {person.id for person in kept}
    hires = [person for person in incoming.people() if person.id not in current]
    present = kept_ids | {person.id for person in hires}
    people = [_with_present_lines(current, person, present) for person in kept] + hires
    return Org(current.name, people, profile=current.profile, settings=current.settings, units=current.units)


def _updated(person: Person, incoming: Org, titles: TitleMap, dotted_from_export: bool) -> Person | None:
    """The person as the export has them, None for a leaver; vacancies the export lacks stay as they are."""
    if person.id not in incoming:
        return person if person.vacancy else None
    fresh = incoming[person.id]
    return replace(
        person,
        name=fresh.name,
        title=fresh.title,
        role=person.role if _chosen_by_hand(person, titles) else fresh.role,
        reports_to=fresh.reports_to,
        dotted_to=fresh.dotted_to if dotted_from_export else person.dotted_to,
        vacancy=fresh.vacancy,
    )


def _chosen_by_hand(person: Person, titles: TitleMap) -> bool:
    return person.role != (titles.role(person.title) if person.title else "other")


def _with_present_lines(current: Org, person: Person, present: set[str]) -> Person:
    """Dotted lines to leavers dropped; a kept vacancy whose manager left reports to the nearest one left."""
    dotted = tuple(target for target in person.dotted_to if target in present)
    manager = person.reports_to
    seen: set[str] = set()
    while manager is not None and manager not in present and manager in current and manager not in seen:
        seen.add(manager)
        manager = current[manager].reports_to
    if manager is not None and manager not in present:
        manager = None
    return replace(person, reports_to=manager, dotted_to=dotted)
