"""SPN rules: spans of control and depth of the tree, with limits set per layout.

These rest on org-design practice, not on the seed documents: no document gives a span, a
single-report or a layer limit, so the rules cite none and the thresholds are the layout's
`max_span` (default 12) and `max_layers` (default 8), which the user sets.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgdesign.model import Person
from orgdesign.rules.finding import Severity
from orgdesign.rules.registry import Basis, Diagnosis, rule
from orgdesign.rules.state import OrgState
from orgdesign.rules.text import who
from orgdesign.text import counted


def _deeper_than(state: OrgState, limit: int) -> list[str]:
    return [pid for pid, position in state.position.items() if position.layer is not None and position.layer > limit]


@rule(
    "SPN201",
    "span of control too wide",
    Severity.WARNING,
    basis=Basis.PRACTICE,
    rationale="""
    Coaching and one-to-ones take a manager's time for every report, so past some number
    of direct reports they give way to administration. No document gives that number: the
    limit is a common org-design default that you set per layout with `max_span` under
    `settings` (default 12).""",
    managers_only=True,
    reads_reports=True,
)
def span_too_wide(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    count = state.report_total(person.id)
    limit = state.org.settings.max_span
    if count <= limit:
        return ()
    return (Diagnosis(f"{who(person)} has {count} direct reports, more than the limit of {limit}"),)


@rule(
    "SPN202",
    "manager of a single person",
    Severity.INFO,
    basis=Basis.PRACTICE,
    rationale="""
    A manager with exactly one direct report adds a layer without a team to lead; often
    the two roles can be merged, or the report moved up. This is an org-design heuristic,
    not a claim of the documents: where a single report is intended, waive the finding, or
    turn the rule off with `disable` under `settings`.""",
    managers_only=True,
    reads_reports=True,
)
def single_report(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    if state.report_total(person.id) != 1:
        return ()
    only = state.org.reports(person.id)[0]
    if only.id == person.id:
        return ()
    if only.role == "head_of_product" and _may_lead_just_the_head(state, person):
        return ()
    return (Diagnosis(f"{who(person)} has a single direct report, {who(only)}"),)


def _may_lead_just_the_head(state: OrgState, person: Person) -> bool:
    """The documented shapes where one report, the Head of Product, is the whole point: the Head
    one level below the CPO (001, 004), or in the enterprise profile below a VP or Director of
    Product (002, 004)."""
    if person.role == "cpo":
        return True
    return state.org.profile == "enterprise" and person.role in ("vp_product", "director_product")


@rule(
    "SPN203",
    "too many layers",
    Severity.WARNING,
    basis=Basis.PRACTICE,
    rationale="""
    Every level puts distance between the people doing the work and those setting the
    strategy. No document gives a limit, and one notes that large organisations may add
    roles between the usual ones: the limit is a convention you set per layout with
    `max_layers` under `settings` (default 8 layers below the top).""",
    positional=True,
    candidates=lambda state: _deeper_than(state, state.org.settings.max_layers),
)
def too_many_layers(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    layer = state.position[person.id].layer
    limit = state.org.settings.max_layers
    if layer is None or layer <= limit:
        return ()
    return (Diagnosis(f"{who(person)} sits {counted(layer, 'layer')} below the top, more than the limit of {limit}"),)
