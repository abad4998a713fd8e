"""PRD rules: product reporting lines, as the seed documents describe them."""

from __future__ import annotations

from collections.abc import Iterable

from orgdesign.edits import Batch, Edit, MovePerson
from orgdesign.model import Person
from orgdesign.roles import ROLES
from orgdesign.rules.finding import Severity
from orgdesign.rules.registry import Basis, Report, rule
from orgdesign.rules.sources import ASK_HEAD, CPO_DEFINITION, DIRECTOR_GUIDE, HEAD_GUIDE, TITLES_GUIDE
from orgdesign.rules.state import LADDER_ROLES, PM_ROLES, PRODUCT_LEADERS, OrgState
from orgdesign.rules.text import plural, who

NOT_STARTUP = frozenset({"scaleup", "enterprise"})
SENIOR_LEADERS = frozenset({"cpo", "head_of_product", "vp_product", "director_product"})
HEAD_MAY_REPORT_TO_IN_ENTERPRISE = frozenset({"vp_product", "director_product"})


def _role_of(person: Person | None) -> str | None:
    return None if person is None else person.role


def _move_under(target: Person | None, person: Person) -> tuple[Edit, str] | None:
    if target is None or target.id == person.id or person.reports_to == target.id:
        return None
    return MovePerson(person.id, target.id), f"move {person.name} under {who(target)}"


def _edit(remedy: tuple[Edit, str] | None) -> Edit | None:
    return None if remedy is None else remedy[0]


def _text(remedy: tuple[Edit, str] | None) -> str | None:
    return None if remedy is None else remedy[1]


# -- where product managers report ----------------------------------------------------------


def _pm_home(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    """A misplaced PM goes to the Head of Product (else the CPO, else the CEO)."""
    context = state.context
    return _move_under(context.product_home or context.first_ceo, person)


def _fix_pm_home(state: OrgState, person: Person) -> Edit | None:
    return _edit(_pm_home(state, person))


@rule(
    "PRD101",
    "product manager reports to the CTO",
    Severity.ERROR,
    basis=Basis.DOCUMENTS,
    sources=(ASK_HEAD,),
    rationale="""
    One document states flatly that a product manager is not to be placed under the CTO:
    their line goes to the CEO (or, in a company made of product-oriented companies, to
    their company's head of product). Our reading of why: the PM decides what is worth
    building and engineering decides how, and a PM managed by engineering loses the
    standing to push back. The fix moves the PM to the product leadership, or to the CEO
    when there is none.""",
    roles=PM_ROLES,
    fix_depends_on=("product_home", "first_ceo"),
    fix=_fix_pm_home,
    fix_summary="move the product manager under the Head of Product (else the CPO, else the CEO)",
    safe_fix=True,
)
def pm_reports_to_cto(state: OrgState, person: Person) -> Iterable[Report]:
    manager = state.manager(person)
    if manager is None or manager.role != "cto":
        return ()
    return (
        (
            f"{who(person)} reports to {who(manager)}: a product manager's line should not run through engineering",
            _text(_pm_home(state, person)),
        ),
    )


@rule(
    "PRD102",
    "product manager outside product leadership",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(ASK_HEAD, DIRECTOR_GUIDE, HEAD_GUIDE),
    rationale="""
    The documents give a product manager one of two kinds of manager: a product leader
    (the head of product of their part of the company, a Director of Product with a team
    of PMs, a Group PM in charge of several of them) or the CEO. A PM who reports to
    anyone else (marketing, operations, another individual contributor) is cut off from
    the people who coach product work and set product strategy.""",
    roles=PM_ROLES,
    fix_depends_on=("product_home", "first_ceo"),
    fix=_fix_pm_home,
    fix_summary="move the product manager under the Head of Product (else the CPO, else the CEO)",
)
def pm_outside_product_leadership(state: OrgState, person: Person) -> Iterable[Report]:
    manager = state.manager(person)
    if manager is None or manager.role in PRODUCT_LEADERS or manager.role in ("ceo", "cto"):
        return ()
    return (
        (
            f"{who(person)} reports to {who(manager)}, who is neither a product leader nor the CEO",
            _text(_pm_home(state, person)),
        ),
    )


# -- the product leadership ladder -----------------------------------------------------------


def _head_home(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    return _move_under(state.context.first_cpo, person)


def _fix_head_home(state: OrgState, person: Person) -> Edit | None:
    return _edit(_head_home(state, person))


@rule(
    "PRD103",
    "Head of Product does not report to the CPO",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE, TITLES_GUIDE),
    rationale="""
    Where an org has both titles, the documents put the Head of Product a step below the
    Chief Product Officer and answering to them, with the rest of product under the Head.
    A Head of Product who reports elsewhere while a CPO exists splits product leadership
    in two. Two documents also say that some large companies place the Head of Product
    under a Director or VP of Product, so the enterprise profile accepts that.""",
    roles=("head_of_product",),
    fix=_fix_head_home,
    fix_summary="move the Head of Product under the CPO",
    safe_fix=True,
)
def head_not_under_cpo(state: OrgState, person: Person) -> Iterable[Report]:
    cpo = state.context.first_cpo
    manager = state.manager(person)
    manager_role = _role_of(manager)
    if cpo is None or manager_role == "cpo":
        return ()
    if state.org.profile == "enterprise" and manager_role in HEAD_MAY_REPORT_TO_IN_ENTERPRISE:
        return ()
    where = "has no manager" if manager is None else f"reports to {who(manager)}"
    return (
        (
            f"{who(person)} {where}, although the org has a CPO, {who(cpo)}",
            _text(_head_home(state, person)),
        ),
    )


def _ceo_home(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    return _move_under(state.context.first_ceo, person)


def _fix_ceo_home(state: OrgState, person: Person) -> Edit | None:
    return _edit(_ceo_home(state, person))


@rule(
    "PRD104",
    "CPO does not report to the CEO",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(CPO_DEFINITION, TITLES_GUIDE),
    rationale="""
    The documents rank the Chief Product Officer at the top of product and seat them on
    the executive team, working with the CEO and the other chief officers on the
    company's objectives. A CPO who reports to someone other than the CEO is not on that
    team, whatever the title says. A CPO under the CTO or the CMO gets one finding for
    it, from PRD105 or PRD114, not this one as well.""",
    roles=("cpo",),
    fix=_fix_ceo_home,
    fix_summary="move the CPO under the CEO",
    safe_fix=True,
)
def cpo_not_under_ceo(state: OrgState, person: Person) -> Iterable[Report]:
    manager = state.manager(person)
    if manager is None or manager.role in ("ceo", "cto", "cmo", "cpo"):
        return ()
    return (
        (
            f"{who(person)} reports to {who(manager)}; the CPO belongs on the executive team, reporting to the CEO",
            _text(_ceo_home(state, person)),
        ),
    )


def _peer_rule_report(state: OrgState, person: Person, pair: frozenset[str]) -> Iterable[Report]:
    manager = state.manager(person)
    if manager is None or {person.role, manager.role} != pair:
        return ()
    return (
        (
            f"{who(person)} reports to {who(manager)}; the {ROLES[person.role].label} and the "
            f"{ROLES[manager.role].label} are peers on the executive team",
            _text(_ceo_home(state, person)),
        ),
    )


@rule(
    "PRD105",
    "CPO and CTO in one reporting line",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE, TITLES_GUIDE),
    rationale="""
    The documents present the CPO and the CTO as two distinct executives who should
    collaborate closely around one company vision. None of them forbids one reporting to
    the other, hence a warning rather than an error; but a CPO under the CTO (or the
    reverse) turns a partnership of equals into a hierarchy and puts product under
    engineering, or engineering under product. A CPO under the CTO gets this finding
    only, not PRD104 as well.""",
    roles=("cpo", "cto"),
    fix=_fix_ceo_home,
    fix_summary="move the one who reports to the other under the CEO",
    safe_fix=True,
)
def cpo_and_cto_in_one_line(state: OrgState, person: Person) -> Iterable[Report]:
    return _peer_rule_report(state, person, frozenset({"cpo", "cto"}))


@rule(
    "PRD114",
    "CPO and CMO in one reporting line",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(TITLES_GUIDE,),
    rationale="""
    One document sets the Chief Product Officer apart from the Chief Marketing Officer as
    well as from the CTO (different executives with different remits) and seats the CPO
    on the executive team. A CPO under the CMO (or the reverse) makes one of them a
    department of the other.""",
    roles=("cpo", "cmo"),
    fix=_fix_ceo_home,
    fix_summary="move the one who reports to the other under the CEO",
    safe_fix=True,
)
def cpo_and_cmo_in_one_line(state: OrgState, person: Person) -> Iterable[Report]:
    return _peer_rule_report(state, person, frozenset({"cpo", "cmo"}))


def _reports_up(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    manager = state.manager(person)
    reports = sorted(state.solid_refs.get(person.id, ()), key=state.org.seq)
    if manager is None or not reports or manager.id in reports:
        return None
    edit = Batch([MovePerson(pid, manager.id) for pid in reports], f"move {person.name}'s reports up")
    return edit, f"move {person.name}'s {plural(len(reports), 'direct report')} up to {who(manager)}"


@rule(
    "PRD106",
    "Principal PM with direct reports",
    Severity.ERROR,
    basis=Basis.DOCUMENTS,
    sources=(TITLES_GUIDE,),
    rationale="""
    One document defines the Principal Product Manager as a senior PM without any
    people-management duties: the senior individual-contributor path. Someone with that
    role and direct reports is either a people manager under the wrong role (a Group PM
    or Director) or a Principal PM carrying reports the role excludes by definition.""",
    roles=("principal_pm",),
    fix=lambda state, person: _edit(_reports_up(state, person)),
    fix_summary="move the Principal PM's reports up to the Principal PM's manager",
)
def principal_with_reports(state: OrgState, person: Person) -> Iterable[Report]:
    count = state.report_total(person.id)
    if not count:
        return ()
    return (
        (
            f"{who(person)} has {plural(count, 'direct report')}; a Principal PM manages no one",
            _text(_reports_up(state, person)),
        ),
    )


_LEADS = {"director_product": PM_ROLES | {"gpm"}, "gpm": PM_ROLES}


@rule(
    "PRD107",
    "product leader without product managers",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE, HEAD_GUIDE),
    rationale="""
    The documents describe the Group Product Manager as the manager of several product
    managers, and the Director of Product as the one in charge of a team of PMs (directly,
    or through Group PMs who lead them). Either role with no product managers reporting to it is a
    title without its team.""",
    roles=tuple(_LEADS),
)
def leader_without_pms(state: OrgState, person: Person) -> Iterable[Report]:
    if state.reports_in(person.id, _LEADS[person.role]):
        return ()
    whom = "product managers or Group PMs" if person.role == "director_product" else "product managers"
    return ((f"{who(person)} has no {whom} reporting to them", None),)


def _up_a_level(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    manager = state.manager(person)
    if manager is None or manager.reports_to is None or manager.reports_to == person.id:
        return None
    return MovePerson(person.id, manager.reports_to), f"move {person.name} up a level, beside {who(manager)}"


def _head_may_report_to(state: OrgState, person: Person, manager: Person) -> bool:
    return (
        state.org.profile == "enterprise"
        and person.role == "head_of_product"
        and manager.role in HEAD_MAY_REPORT_TO_IN_ENTERPRISE
    )


@rule(
    "PRD108",
    "product leader ranks at or below their report",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(TITLES_GUIDE, DIRECTOR_GUIDE, CPO_DEFINITION),
    rationale="""
    The documents rank the product titles: the CPO first, then the Head of Product, then
    the VP of Product, and they describe careers climbing from PM through director and VP
    roles. Below the VP this tool places the Director, then the Group PM (which one
    document calls close to a director but more hands-on), then the individual product
    managers. Reporting to a product leader of the same or a lower rank inverts that
    ladder. The documents disagree on one step: some large companies put the Head of
    Product under a Director or VP of Product, so the enterprise profile allows exactly
    that and nothing else.""",
    roles=LADDER_ROLES,
    fix=lambda state, person: _edit(_up_a_level(state, person)),
    fix_summary="move the person up a level, beside their current manager",
)
def leader_ranks_below_report(state: OrgState, person: Person) -> Iterable[Report]:
    manager = state.manager(person)
    if manager is None or manager.role not in PRODUCT_LEADERS:
        return ()
    mine, theirs = ROLES[person.role].rank, ROLES[manager.role].rank
    assert mine is not None and theirs is not None, "the rule looks only at roles on the product ladder"
    if theirs > mine or _head_may_report_to(state, person, manager):
        return ()
    relation = "the same rank as" if theirs == mine else "a lower rank than"
    return (
        (
            f"{who(person)} reports to {who(manager)}, who holds {relation} them on the product ladder",
            _text(_up_a_level(state, person)),
        ),
    )


@rule(
    "PRD109",
    "more than one CPO",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE,),
    rationale="""
    One document makes the Chief Product Officer the owner of the whole product
    lifecycle, from the first idea through launch and after. Two CPOs in one org means
    two owners of the same thing. The first CPO in the layout is taken as the CPO; every
    other one is reported.""",
    roles=("cpo",),
)
def more_than_one_cpo(state: OrgState, person: Person) -> Iterable[Report]:
    first = state.context.first_cpo
    if state.context.cpo_count < 2 or first is None or first.id == person.id:
        return ()
    return ((f"{who(person)} is a second Chief Product Officer besides {who(first)}", None),)


def _under_single_head(state: OrgState, person: Person) -> tuple[Edit, str] | None:
    return _move_under(state.context.single_head, person)


@rule(
    "PRD110",
    "product role outside the Head of Product's organisation",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(TITLES_GUIDE,),
    rationale="""
    One document puts the Head of Product at the top of the product department below the
    CPO: the Head answers to the CPO, and the rest of product rolls up to the Head. When
    an org has exactly one Head of Product, a VP, Director, Group PM or product manager
    elsewhere in the tree is outside that leadership. People above the Head (in the
    enterprise profile, a VP or Director the Head reports to) are not outside. The rule
    is off in the startup profile, where a small company may have no such layer yet.""",
    profiles=NOT_STARTUP,
    roles=LADDER_ROLES - {"cpo", "head_of_product"},
    positional=True,
    fix=lambda state, person: _edit(_under_single_head(state, person)),
    fix_summary="move the person under the Head of Product",
)
def outside_head_of_product(state: OrgState, person: Person) -> Iterable[Report]:
    head = state.context.single_head
    if head is None:
        return ()
    position = state.position[person.id]
    if not position.reached or position.head is not None or person.id in state.context.above_single_head:
        return ()
    return (
        (
            f"{who(person)} sits outside the organisation of {who(head)}, the org's only Head of Product",
            _text(_under_single_head(state, person)),
        ),
    )


@rule(
    "PRD111",
    "product leader with under five years of product management",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(CPO_DEFINITION,),
    rationale="""
    One document expects director-level product roles to bring at least five years of
    product management, often more, while saying there is no fixed timeline; it also
    describes CPOs as having come up through PM, director and VP roles. Since the
    expectation is soft, a Director of Product or anyone above with fewer recorded years
    is an info finding, worth a second look. Vacancies and people without `years_pm` are
    not checked.""",
    roles=SENIOR_LEADERS,
)
def leader_with_few_years(state: OrgState, person: Person) -> Iterable[Report]:
    years = person.years_pm
    if person.vacancy or years is None or years >= 5:
        return ()
    return (
        (
            f"{who(person)} has {plural(years, 'year')} of product management; "
            "director-level roles are expected to bring 5 or more",
            None,
        ),
    )


@rule(
    "PRD112",
    "Director of Product over several products",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE, HEAD_GUIDE),
    rationale="""
    Two documents picture a product director leading PMs who each own part of one
    complex product. When the product managers under one director (down to
    the next director) work on several products, the role is closer to a Head or VP of
    Product, or the team is really several teams.""",
    roles=("director_product",),
)
def director_over_several_products(state: OrgState, person: Person) -> Iterable[Report]:
    products = state.director_products.get(person.id)
    if products is None or len(products) < 2:
        return ()
    listed = ", ".join(sorted(products))
    return ((f"{who(person)} has product managers on {len(products)} products: {listed}", None),)


@rule(
    "PRD113",
    "unit's product managers have no head of product and no CEO",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(ASK_HEAD,),
    rationale="""
    One document describes a company made of small companies, each built around a
    product, in which a PM answers to the head of product of their own company or to that
    company's CEO. In a layout with units, a PM whose unit has no head of product (or
    CPO) of its own and who does not report to a CEO fits neither arrangement. The
    startup profile does not use this rule.""",
    profiles=NOT_STARTUP,
    roles=PM_ROLES,
)
def unit_without_head(state: OrgState, person: Person) -> Iterable[Report]:
    unit = person.unit
    if unit is None or state.unit_has_head(unit):
        return ()
    manager = state.manager(person)
    if _role_of(manager) == "ceo":
        return ()
    where = "has no manager" if manager is None else f"reports to {who(manager)}"
    return (
        (
            f"{who(person)} works in unit {state.unit_label(unit)}, which has no head of product "
            f"of its own, and {where} rather than a CEO",
            None,
        ),
    )


@rule(
    "PRD115",
    "Head or VP of Product without product people",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(TITLES_GUIDE, HEAD_GUIDE),
    rationale="""
    The documents describe the Head of Product and the VP of Product as leaders of a
    product team: they develop, coach and hire product people and see that the people
    under them do well. With nobody on the product ladder reporting to them the title has
    no team, which usually means the reports are filed somewhere else.""",
    roles=("head_of_product", "vp_product"),
)
def head_without_product_people(state: OrgState, person: Person) -> Iterable[Report]:
    if state.reports_in(person.id, LADDER_ROLES):
        return ()
    return ((f"{who(person)} has nobody on the product ladder reporting to them", None),)
