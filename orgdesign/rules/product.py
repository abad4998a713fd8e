"""PRD rules: product reporting lines, as the seed documents describe them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from orgdesign.edits import Batch, MovePerson
from orgdesign.model import Person
from orgdesign.roles import ROLES, are_aliases
from orgdesign.rules.finding import Severity
from orgdesign.rules.registry import Basis, Diagnosis, Fix, rule
from orgdesign.rules.sources import ASK_HEAD, CPO_DEFINITION, DIRECTOR_GUIDE, HEAD_GUIDE, TITLES_GUIDE
from orgdesign.rules.state import LADDER_ROLES, PM_ROLES, PRODUCT_LEADERS, SCOPED_ROLES, OrgState
from orgdesign.rules.text import who
from orgdesign.text import counted

NOT_STARTUP = frozenset({"scaleup", "enterprise"})
SENIOR_LEADERS = frozenset({"cpo", "head_of_product", "vp_product", "director_product"})
HEAD_MAY_REPORT_TO_IN_ENTERPRISE = frozenset({"vp_product", "director_product"})


def _role_of(person: Person | None) -> str | None:
    return None if person is None else person.role


def _move_under(target: Person | None, person: Person) -> Fix | None:
    if target is None or target.id == person.id or person.reports_to == target.id:
        return None
    return Fix(MovePerson(person.id, target.id), f"move {person.name} under {who(target)}")


def _head_as_lead_pm(state: OrgState, person: Person) -> bool:
    """In a start-up the Head of Product may simply be the most experienced PM (004)."""
    return state.org.profile == "startup" and person.role == "head_of_product"


# -- where product managers report ----------------------------------------------------------


def product_home(state: OrgState, person: Person) -> Person | None:
    """Where a misplaced product person belongs: their unit's Head of Product (else its CPO),
    else the Head (else the CPO) of the people with no unit, else their own CEO."""
    homes = state.context.product_homes
    return homes.get(state.scope_of(person)) or homes.get(None) or state.own_ceo(person.unit)


def pm_reporting_options(state: OrgState, person: Person) -> list[tuple[Person, str]]:
    """Whom a product manager may report to (000): their own product leader, and the CEO of
    their own unit (else the CEO with no unit). Each comes with how the designer names it."""
    options: list[tuple[Person, str]] = []
    leader = _own_product_leader(state, person)
    if leader is not None:
        options.append((leader, "their product leader"))
    ceo = state.own_ceo(person.unit)
    if ceo is not None and ceo.id != person.id and all(ceo.id != chosen.id for chosen, _ in options):
        options.append((ceo, "the CEO"))
    return options


def _own_product_leader(state: OrgState, person: Person) -> Person | None:
    """The nearest product leader above `person` in their own scope, else their scope's home."""
    scope = state.scope_of(person)
    for pid in state.chain_ids(person):
        above = state.people[pid]
        if above.role_info.is_product_leader and state.scope_of(above) == scope:
            return above
    homes = state.context.product_homes
    home = homes.get(scope) or homes.get(None)
    return None if home is None or home.id == person.id else home


def _pm_home(state: OrgState, person: Person) -> Fix | None:
    return _move_under(product_home(state, person), person)


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
    fix_depends_on=("product_homes", "led_units", "ceos", "first_ceo"),
    fix_summary="move the product manager under the Head of Product (else the CPO, else the CEO)",
    safe_fix=True,
)
def pm_reports_to_cto(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    manager = state.manager(person)
    if manager is None or manager.role != "cto":
        return ()
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}: a product manager's line should not run through engineering",
            _pm_home(state, person),
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
    fix_depends_on=("product_homes", "led_units", "ceos", "first_ceo"),
    fix_summary="move the product manager under the Head of Product (else the CPO, else the CEO)",
)
def pm_outside_product_leadership(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    manager = state.manager(person)
    if manager is None or manager.role in PRODUCT_LEADERS or manager.role in ("ceo", "cto"):
        return ()
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}, who is neither a product leader nor the CEO",
            _pm_home(state, person),
        ),
    )


def _leader_of_another_unit(state: OrgState, unit: str, manager: Person) -> str | None:
    """How to describe `manager` (a CEO, CPO or Head) when they lead another company than `unit`.

    A leader of another unit is never the PM's own; the group CEO (no unit) is not theirs
    either when the PM's unit has a CEO of its own.
    """
    if manager.unit == unit:
        return None
    if manager.unit is not None:
        return f"{ROLES[manager.role].label} of unit {state.unit_label(manager.unit)}"
    if manager.role == "ceo" and state.unit_has_ceo(unit):
        return "CEO above the unit's own CEO"
    return None


# -- the product leadership ladder -----------------------------------------------------------


def _own_cpo(state: OrgState, person: Person) -> Person | None:
    """The CPO of the Head's own unit (or, for a Head with no unit, the CPO with no unit)."""
    return state.context.cpos.get(person.unit)


def _head_home(state: OrgState, person: Person) -> Fix | None:
    return _move_under(_own_cpo(state, person), person)


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
    fix_summary="move the Head of Product under the CPO",
    safe_fix=True,
)
def head_not_under_cpo(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    cpo = _own_cpo(state, person)
    manager = state.manager(person)
    manager_role = _role_of(manager)
    if cpo is None or manager_role == "cpo" or _aliased(state, "cpo", "head_of_product"):
        return ()
    if manager is not None and _head_may_report_to(state, person, manager):
        return ()
    where = "has no manager" if manager is None else f"reports to {who(manager)}"
    return (
        Diagnosis(
            f"{who(person)} {where}, although the org has a CPO, {who(cpo)}",
            _head_home(state, person),
        ),
    )


def _ceo_home(state: OrgState, person: Person) -> Fix | None:
    return _move_under(state.context.first_ceo, person)


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
    fix_summary="move the CPO under the CEO",
    safe_fix=True,
)
def cpo_not_under_ceo(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    manager = state.manager(person)
    if manager is None or manager.role in ("ceo", "cto", "cmo", "cpo") or _aliased(state, "cpo", manager.role):
        return ()
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}; the CPO belongs on the executive team, reporting to the CEO",
            _ceo_home(state, person),
        ),
    )


def _peers_in_one_line(state: OrgState, person: Person, pair: frozenset[str]) -> Iterable[Diagnosis]:
    manager = state.manager(person)
    if manager is None or {person.role, manager.role} != pair:
        return ()
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}; the {ROLES[person.role].label} and the "
            f"{ROLES[manager.role].label} are peers on the executive team",
            _ceo_home(state, person),
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
    fix_summary="move the one who reports to the other under the CEO",
    safe_fix=True,
)
def cpo_and_cto_in_one_line(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    return _peers_in_one_line(state, person, frozenset({"cpo", "cto"}))


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
    fix_summary="move the one who reports to the other under the CEO",
    safe_fix=True,
)
def cpo_and_cmo_in_one_line(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    return _peers_in_one_line(state, person, frozenset({"cpo", "cmo"}))


def _reports_up(state: OrgState, person: Person) -> Fix | None:
    manager = state.manager(person)
    reports = state.org.report_ids(person.id)
    if manager is None or not reports or manager.id in reports:
        return None
    edit = Batch([MovePerson(pid, manager.id) for pid in reports], f"move {person.name}'s reports up")
    return Fix(edit, f"move {person.name}'s {counted(len(reports), 'direct report')} up to {who(manager)}")


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
    fix_summary="move the Principal PM's reports up to the Principal PM's manager",
    reads_reports=True,
)
def principal_with_reports(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    count = state.report_total(person.id)
    if not count:
        return ()
    return (
        Diagnosis(
            f"{who(person)} has {counted(count, 'direct report')}; a Principal PM manages no one",
            _reports_up(state, person),
        ),
    )


_LEADS = {"director_product": PM_ROLES | {"gpm", "head_of_product", "vp_product"}, "gpm": PM_ROLES}
"""Whom each role leads. A Director over a Head or VP of Product (002, 004: some large companies
put the Head below the Director) leads product people through them."""


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
    reads_reports=True,
)
def leader_without_pms(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    if state.has_reports_in(person.id, _LEADS[person.role]):
        return ()
    whom = "product managers or Group PMs" if person.role == "director_product" else "product managers"
    return (Diagnosis(f"{who(person)} has no {whom} reporting to them"),)


def _ladder_above(state: OrgState, person: Person) -> Person | None:
    """The nearest product-ladder person above `person`, past any `other` people between."""
    above = state.position[person.id].ladder_above
    return None if above is None else state.people[above]


def _up_a_level(state: OrgState, person: Person) -> Fix | None:
    leader = _ladder_above(state, person)
    if leader is None or leader.reports_to is None or leader.reports_to == person.id:
        return None
    return Fix(MovePerson(person.id, leader.reports_to), f"move {person.name} up a level, beside {who(leader)}")


def _aliased(state: OrgState, first: str, second: str) -> bool:
    return are_aliases(state.org.settings.aliases, first, second)


def _head_may_report_to(state: OrgState, person: Person, manager: Person) -> bool:
    if person.role != "head_of_product":
        return False
    if state.org.profile == "enterprise" and manager.role in HEAD_MAY_REPORT_TO_IN_ENTERPRISE:
        return True
    return _aliased(state, "head_of_product", manager.role)


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
    that and nothing else. The comparison looks past people off the ladder (an `other`
    chief of staff, say) to the nearest product leader above, and a layout that declares
    two titles the same role (`settings.aliases`) is not told they are out of order.""",
    roles=LADDER_ROLES,
    positional=True,
    fix_summary="move the person up a level, beside the product leader they report to",
)
def leader_ranks_below_report(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    leader = _ladder_above(state, person)
    if leader is None or leader.role not in PRODUCT_LEADERS:
        return ()
    mine, theirs = ROLES[person.role].rank, ROLES[leader.role].rank
    assert mine is not None and theirs is not None, "the rule looks only at roles on the product ladder"
    if theirs > mine or _head_may_report_to(state, person, leader) or _aliased(state, person.role, leader.role):
        return ()
    relation = "the same rank as" if theirs == mine else "a lower rank than"
    manager = state.manager(person)
    via = "" if manager is None or manager.id == leader.id else f" through {who(manager)}"
    return (
        Diagnosis(
            f"{who(person)} reports to {who(leader)}{via}, who holds {relation} them on the product ladder",
            _up_a_level(state, person),
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
def more_than_one_cpo(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    first = state.context.first_cpo
    if state.context.cpo_count < 2 or first is None or first.id == person.id:
        return ()
    return (Diagnosis(f"{who(person)} is a second Chief Product Officer besides {who(first)}"),)


def _single_head(state: OrgState, person: Person) -> Person | None:
    """The only Head of Product of the person's scope: their unit's, or the unitless one."""
    return state.context.single_heads.get(state.scope_of(person))


def _under_single_head(state: OrgState, person: Person) -> Fix | None:
    return _move_under(_single_head(state, person), person)


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
    enterprise profile, a VP or Director the Head reports to) are not outside. With units,
    the single Head is counted per unit, so each company in a group keeps its own. The rule
    is off in the startup profile, where a small company may have no such layer yet.""",
    profiles=NOT_STARTUP,
    roles=LADDER_ROLES - {"cpo", "head_of_product"},
    positional=True,
    fix_summary="move the person under the Head of Product",
)
def outside_head_of_product(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    scope = state.scope_of(person)
    head = state.context.single_heads.get(scope)
    if head is None:
        return ()
    position = state.position[person.id]
    if not position.reached or position.head is not None or person.id in state.context.above_single_heads[scope]:
        return ()
    return (
        Diagnosis(
            f"{who(person)} sits outside the organisation of {who(head)}, the org's only Head of Product",
            _under_single_head(state, person),
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
def leader_with_few_years(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    years = person.years_pm
    if person.vacancy or years is None or years >= 5 or _head_as_lead_pm(state, person):
        return ()
    return (
        Diagnosis(
            f"{who(person)} has {counted(years, 'year')} of product management; "
            "director-level roles are expected to bring 5 or more",
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
    reads=("product",),
    reads_reports=True,
)
def director_over_several_products(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    products = several_products(state.director_products.get(person.id, {}))
    if not products:
        return ()
    return (Diagnosis(f"{who(person)} has product managers on {len(products)} products: {', '.join(products)}"),)


def distinct_products(spellings: Iterable[str]) -> list[str]:
    """One spelling per product, sorted: names that differ only in case or surrounding spaces
    are one product (the spelling shown is the first of them in sorted order)."""
    shown: dict[str, str] = {}
    for spelling in sorted(spellings):
        key = spelling.strip().casefold()
        if key:
            shown.setdefault(key, spelling.strip())
    return sorted(shown.values(), key=str.casefold)


def several_products(counted_spellings: Mapping[str, int]) -> list[str]:
    """`distinct_products` of the spellings counted, when they make two or more products; else
    empty. One spelling is one product, which needs no sorting: the common case, asked of every
    manager an edit touches."""
    if len(counted_spellings) < 2:
        return []
    products = distinct_products(counted_spellings)
    return products if len(products) >= 2 else []


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
    CPO) of its own and who does not report to a CEO fits neither arrangement, and so does
    a PM who answers to the leader or CEO of another unit. The startup profile does not use
    this rule.""",
    profiles=NOT_STARTUP,
    roles=PM_ROLES,
)
def unit_without_head(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    unit = person.unit
    if unit is None:
        return ()
    manager = state.manager(person)
    if manager is not None and manager.role in SCOPED_ROLES:
        other = _leader_of_another_unit(state, unit, manager)
        if other is not None:
            return (
                Diagnosis(
                    f"{who(person)} works in unit {state.unit_label(unit)} but reports to {who(manager)}, "
                    f"the {other}; a product manager answers to their own unit's head of product or CEO",
                ),
            )
    if state.unit_has_head(unit) or _role_of(manager) == "ceo":
        return ()
    where = "has no manager" if manager is None else f"reports to {who(manager)}"
    return (
        Diagnosis(
            f"{who(person)} works in unit {state.unit_label(unit)}, which has no head of product "
            f"of its own, and {where} rather than a CEO",
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
    reads_reports=True,
)
def head_without_product_people(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    if state.has_reports_in(person.id, LADDER_ROLES) or _head_as_lead_pm(state, person):
        return ()
    return (Diagnosis(f"{who(person)} has nobody on the product ladder reporting to them"),)


# -- claims about leaders and groups --------------------------------------------------------


def _leader_remedy(state: OrgState, person: Person) -> Fix | None:
    """Take the leader out of engineering: up a level, beside the CTO (under the CTO's manager).

    The remedy reads the CTO, the CTO's place and who the CTO's manager is (their name and
    title): edits of the CTO re-check their reports, and renaming or retitling the CTO's
    manager re-checks their reports' reports (`OrgState.sync`), so the description offered
    with the finding never goes stale.
    """
    cto = state.manager(person)
    if cto is None or cto.reports_to is None or not state.position[cto.id].reached:
        return None
    beside = state.people.get(cto.reports_to)
    return _move_under(beside, person)


@rule(
    "PRD116",
    "product leader reports to the CTO",
    Severity.WARNING,
    basis=Basis.DOCUMENTS,
    sources=(ASK_HEAD,),
    rationale="""
    One document insists that product managers stay out of the CTO's line, because the
    people who decide what gets built should not answer to the people who build it. That
    reason holds at least as strongly for those who lead the PMs: a Group PM, Director or
    VP of Product under the CTO puts their whole team into engineering. A Head of Product
    under the CTO is reported here only when their part of the org has no CPO (otherwise
    PRD103 already says where they belong). A warning rather than an error: the document
    states the rule for PMs and leaves leaders implicit.""",
    roles=("gpm", "director_product", "vp_product", "head_of_product"),
    positional=True,
    fix_summary="move the leader out of engineering, up a level beside the CTO",
)
def leader_reports_to_cto(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    manager = state.manager(person)
    if manager is None or manager.role != "cto":
        return ()
    if person.role == "head_of_product" and _own_cpo(state, person) is not None:
        return ()
    return (
        Diagnosis(
            f"{who(person)} reports to {who(manager)}; product leadership should not sit inside engineering",
            _leader_remedy(state, person),
        ),
    )


@rule(
    "PRD117",
    "Group PM over several products",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(DIRECTOR_GUIDE,),
    rationale="""
    A Group Product Manager is described as leading a set of product managers who all work
    in one product area. When the PMs reporting to one Group PM are recorded on different
    products, the group has no single focus: it may be two groups, or the role is closer to
    a Director's. Products whose names differ only in case or surrounding spaces count as
    one.""",
    roles=("gpm",),
    reads=("product",),
    reads_reports=True,
)
def group_pm_over_several_products(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    products = several_products(state.report_products.get(person.id, {}))
    if not products:
        return ()
    return (Diagnosis(f"{who(person)} leads product managers on {len(products)} products: {', '.join(products)}"),)


@rule(
    "PRD118",
    "unit's product managers on several products",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(ASK_HEAD,),
    rationale="""
    Where a company is split into smaller companies, the document describes each of them as
    built around one product. When the product managers of one unit are recorded on several
    products, the unit may really be two, or the products belong together under a shared
    name. The finding is placed on the unit's first Head of Product or CPO, else on its first
    CEO; a unit with neither has nobody to hold it.""",
    roles=("ceo", "cpo", "head_of_product"),
    reads=("product",),
)
def unit_over_several_products(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    unit = person.unit
    if unit is None or state.unit_holder(unit) != person.id:
        return ()
    products = several_products(state.unit_products.get(unit, {}))
    if not products:
        return ()
    return (
        Diagnosis(
            f"unit {state.unit_label(unit)} has product managers on {len(products)} products: "
            f"{', '.join(products)}; a unit is usually built around one product",
        ),
    )


@rule(
    "PRD119",
    "product leadership without any product managers",
    Severity.INFO,
    basis=Basis.DOCUMENTS,
    sources=(HEAD_GUIDE, TITLES_GUIDE),
    rationale="""
    The documents describe product leadership by the product managers it develops, coaches
    and hires. A CPO or Head of Product in an org with no product manager at all has nobody
    to lead yet: either the PMs are missing from the layout or the leadership came first.
    The finding sits on the first CPO (else the first Head of Product). In the startup
    profile a lone Head of Product is accepted, as the most experienced PM may hold the
    title.""",
    roles=("cpo", "head_of_product"),
)
def leadership_without_pms(state: OrgState, person: Person) -> Iterable[Diagnosis]:
    context = state.context
    holder = context.product_top
    if context.has_product_managers or holder is None or holder.id != person.id:
        return ()
    if _head_as_lead_pm(state, person):
        return ()
    return (Diagnosis(f"{who(person)} leads product, but the org has no product managers"),)
