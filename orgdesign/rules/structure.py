"""ORG rules: the reporting graph must be a tree whose references resolve."""

from __future__ import annotations

from collections.abc import Iterable

from orgdesign.edits import UpdatePerson
from orgdesign.model import Person
from orgdesign.rules.finding import Severity
from orgdesign.rules.registry import Basis, Diagnosis, Fix, rule
from orgdesign.rules.state import OrgState
from orgdesign.rules.text import who


@rule(
    "ORG001",
    "reporting cycle",
    Severity.ERROR,
    basis=Basis.STRUCTURE,
    rationale="""
    A loop in the reporting lines (including someone who reports to themself) leaves the
    people in it without a top: their chain of command never ends, so no other rule can
    tell where they sit or whom they answer to. This is a fault in the layout's data, not
    a design choice.""",
    positional=True,
    candidates=lambda state: [pid for pid, position in state.position.items() if position.cycle],
)
def reporting_cycle(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    cycle = state.position[person.id].cycle
    if not cycle:
        return ()
    if cycle == 1:
        return (Diagnosis(f"{who(person)} reports to themself"),)
    manager = state.manager(person)
    assert manager is not None  # a cycle member always has a manager in the org
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}, whose chain of command leads back to "
            f"{person.name}: a reporting cycle of {cycle} people",
        ),
    )


@rule(
    "ORG002",
    "reference to nobody",
    Severity.ERROR,
    basis=Basis.STRUCTURE,
    rationale="""
    Every other rule judges a reporting line by the people at both ends of it. A
    `reports_to` or `dotted_to` naming an id nobody in the layout has is a line with a
    missing end: usually a typo, or someone removed without updating the people who
    reported to them.""",
    candidates=OrgState.naming_nobody,
    fix_summary="drop dotted lines to ids nobody has (a solid line needs a human decision)",
    safe_fix=True,
)
def reference_to_nobody(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    people = state.people
    found: list[Diagnosis] = []
    if person.reports_to is not None and person.reports_to not in people:
        found.append(Diagnosis(f"{who(person)} reports to {person.reports_to!r}, but nobody in the layout has that id"))
    missing = [target for target in person.dotted_to if target not in people]
    if missing:
        names = ", ".join(repr(target) for target in missing)
        one = len(missing) == 1
        kept = tuple(target for target in person.dotted_to if target in people)
        found.append(
            Diagnosis(
                f"{who(person)} has {'a dotted line' if one else 'dotted lines'} to {names}, "
                f"but nobody in the layout has {'that id' if one else 'those ids'}",
                Fix(
                    UpdatePerson(person.id, dotted_to=kept),
                    f"drop the {'dotted line' if one else 'dotted lines'} from {person.name} to {names}",
                ),
            )
        )
    return found


@rule(
    "ORG003",
    "more than one top",
    Severity.WARNING,
    basis=Basis.STRUCTURE,
    rationale="""
    An org chart has one person at the top. A second person without a manager splits the
    layout into separate trees, which usually means a `reports_to` was forgotten. The org's
    own top is a CEO without a manager, else the top with the most people below (the
    earlier in the file on a tie); the finding goes on every other top.""",
    candidates=OrgState.tops,
)
def more_than_one_top(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    top = state.context.natural_top
    if person.reports_to is not None or top is None or top.id == person.id:
        return ()
    return (
        Diagnosis(
            f"{who(person)} has no manager, but {who(top)} is already the top of the org; "
            "an org chart should have a single top",
        ),
    )
