"""SPN rules: spans of control and depth of the tree, with limits set per layout.

The seed documents say little about numbers, so the thresholds are the layout's `max_span`
(default 12) and `max_layers` (default 8), common defaults in published org-design practice;
the documents supply the reasons a wide span or a deep tree hurts.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgdesign.model import Person
from orgdesign.rules.finding import Severity
from orgdesign.rules.registry import Report, rule
from orgdesign.rules.sources import DIRECTOR_GUIDE, HEAD_GUIDE, TITLES_GUIDE
from orgdesign.rules.state import OrgState
from orgdesign.rules.text import plural, who


def _deeper_than(state: OrgState, limit: int) -> list[str]:
    return [pid for pid, position in state.position.items() if position.layer is not None and position.layer > limit]


@rule(
    "SPN201",
    "span of control too wide",
    Severity.WARNING,
    sources=(HEAD_GUIDE, TITLES_GUIDE),
    rationale="""
    The documents describe a product leader's job as developing each person: coaching,
    mentoring, dealing with people issues, making sure everyone under them is a strong
    player. That takes time per report, so past a certain number of direct reports the
    coaching stops. The limit is the layout's `max_span` (default 12).""",
    candidates=OrgState.managers,
)
def span_too_wide(state: OrgState, person: Person) -> Iterable[Report]:
    count = state.report_total(person.id)
    limit = state.org.settings.max_span
    if count <= limit:
        return ()
    return ((f"{who(person)} has {count} direct reports, more than the limit of {limit}", None),)


@rule(
    "SPN202",
    "manager of a single person",
    Severity.INFO,
    sources=(DIRECTOR_GUIDE, HEAD_GUIDE, TITLES_GUIDE),
    rationale="""
    The documents describe moving into management as moving from owning a product to
    leading a group of product managers. A manager with exactly one direct report adds a
    layer without a group to lead; often the two roles can be merged or the report moved
    up.""",
    candidates=OrgState.managers,
)
def single_report(state: OrgState, person: Person) -> Iterable[Report]:
    reports = state.solid_refs.get(person.id)
    if reports is None or len(reports) != 1 or person.id in reports:
        return ()
    only = state.people[next(iter(reports))]
    if only.role == "head_of_product" and _may_lead_just_the_head(state, person):
        return ()
    return ((f"{who(person)} has a single direct report, {who(only)}", None),)


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
    sources=(DIRECTOR_GUIDE, TITLES_GUIDE),
    rationale="""
    The documents place each product role a level or so below the next (the Head of
    Product one level below the CPO), and note that large companies add roles in between.
    Every added level puts distance between the people doing the work and the people
    setting the strategy. The limit is the layout's `max_layers` (default 8) below the
    top.""",
    positional=True,
    candidates=lambda state: _deeper_than(state, state.org.settings.max_layers),
)
def too_many_layers(state: OrgState, person: Person) -> Iterable[Report]:
    layer = state.position[person.id].layer
    limit = state.org.settings.max_layers
    if layer is None or layer <= limit:
        return ()
    return ((f"{who(person)} sits {plural(layer, 'layer')} below the top, more than the limit of {limit}", None),)
