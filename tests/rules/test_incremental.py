"""A Validator kept current edit by edit always agrees with a fresh full validation.

Random orgs include cycles, self-reports and references to nobody; random edits include
every edit command, undo and redo. Validation must never raise on any of them.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesign.edits import (
    AddPerson,
    AssignUnit,
    Batch,
    ChangeRole,
    EditRefused,
    History,
    MovePerson,
    RemovePerson,
    SetOrgField,
    SetProductLineTo,
    UpdatePerson,
    move_all,
    remove_all,
    set_for_all,
)
from orgdesign.model import PROFILES, Org, Person, Settings, Unit
from orgdesign.roles import ROLE_ALIASES, ROLE_IDS
from orgdesign.rules import Validator, validate
from orgdesign.rules.registry import RULES
from orgdesign.rules.state import OrgState
from orgdesign.rules.text import who

IDS = [f"p{i}" for i in range(12)]
UNITS = (Unit("web", "Web"), Unit("app", "App"))
roles = st.sampled_from(ROLE_IDS)
ids = st.sampled_from(IDS)
maybe_id = st.none() | st.sampled_from([*IDS, "ghost"])
products = st.none() | st.sampled_from(["Pay", "Search", " pay "])
units = st.none() | st.sampled_from(["web", "app"])


@st.composite
def people(draw) -> list[Person]:
    count = draw(st.integers(0, len(IDS)))
    return [
        Person(
            IDS[i],
            draw(st.sampled_from(["Ana", "Bo", "Cy"])),
            draw(roles),
            reports_to=draw(maybe_id),
            dotted_to=tuple(draw(st.lists(st.sampled_from([*IDS, "ghost"]), max_size=2, unique=True))),
            unit=draw(units),
            product=draw(products),
            years_pm=draw(st.none() | st.integers(0, 9)),
        )
        for i in range(count)
    ]


edits = st.one_of(
    st.builds(
        lambda pid, name, role, to, unit: AddPerson(Person(pid, name, role, reports_to=to, unit=unit)),
        st.sampled_from([*IDS, "ghost", "n1"]),
        st.sampled_from(["Dee", "Eve"]),
        roles,
        maybe_id,
        units,
    ),
    st.builds(ChangeRole, ids, roles),
    st.builds(MovePerson, ids, maybe_id),
    st.builds(lambda pid, with_subtree: RemovePerson(pid, with_subtree=with_subtree), ids, st.booleans()),
    st.builds(lambda pid, name: UpdatePerson(pid, name=name), ids, st.sampled_from(["Fay", "Gus"])),
    st.builds(lambda pid, product: UpdatePerson(pid, product=product), ids, products),
    st.builds(
        lambda pids, product: Batch([UpdatePerson(pid, product=product) for pid in pids]),
        st.lists(ids, min_size=1, max_size=4, unique=True),
        products,
    ),
    st.builds(lambda pid, unit: UpdatePerson(pid, unit=unit), ids, units),
    st.builds(lambda pid, years: UpdatePerson(pid, years_pm=years), ids, st.none() | st.integers(0, 9)),
    st.builds(
        lambda pid, targets: UpdatePerson(pid, dotted_to=tuple(targets)),
        ids,
        st.lists(st.sampled_from([*IDS, "ghost"]), max_size=2, unique=True),
    ),
    st.builds(SetProductLineTo, st.sampled_from(["ceo", "cto"])),
    st.builds(lambda profile: SetOrgField("profile", profile), st.sampled_from(PROFILES)),
    st.builds(
        lambda span, layers, aliases: SetOrgField(
            "settings", Settings(max_span=span, max_layers=layers, aliases=tuple(aliases))
        ),
        st.integers(1, 3),
        st.integers(1, 3),
        st.lists(st.sampled_from(sorted(ROLE_ALIASES)), max_size=2, unique=True),
    ),
)
marked = st.lists(ids, min_size=1, max_size=4, unique=True)


def _present(org: Org, pids: list[str]) -> list[str]:
    return [pid for pid in pids if pid in org]


bulk_edits = st.one_of(
    st.builds(lambda pids, role: lambda o: set_for_all(o, _present(o, pids), "role", role), marked, roles),
    st.builds(lambda pids, product: lambda o: set_for_all(o, _present(o, pids), "product", product), marked, products),
    st.builds(lambda pids, unit: lambda o: AssignUnit(_present(o, pids), unit), marked, units),
    st.builds(lambda pids, boss: lambda o: move_all(o, _present(o, pids), boss), marked, maybe_id),
    st.builds(lambda pids, sub: lambda o: remove_all(o, _present(o, pids), with_subtree=sub), marked, st.booleans()),
)
"""Bulk edits over the people marked, made against the org as it is when they are made."""
steps = st.lists(st.one_of(edits, bulk_edits, st.just("undo"), st.just("redo")), max_size=25)


def apply(history: History, step) -> set[str] | None:
    if step == "undo":
        return history.undo()
    if step == "redo":
        return history.redo()
    try:
        return history.do(step(history.org) if callable(step) else step)
    except EditRefused:
        return set()


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(people(), st.sampled_from(PROFILES), steps)
def test_incremental_refresh_equals_full_validation(start, profile, plan):
    org = Org("Random", start, profile=profile, settings=Settings(max_span=2, max_layers=2), units=UNITS)
    validator = Validator(org)
    history = History(org)
    assert validator.findings == validate(org)
    for step in plan:
        before = {pid: validator.for_person(pid) for pid in IDS}
        validator.refresh(apply(history, step))
        fresh = Validator(org)
        assert validator.findings == fresh.findings, step
        assert validator.counts() == fresh.counts()
        for pid in IDS:
            assert validator.worst(pid) == fresh.worst(pid)
        if validator.last_changed is not None:  # None: everyone may have changed (a full check)
            changed = {pid for pid in IDS if validator.for_person(pid) != before[pid]}
            assert changed <= validator.last_changed, "views redraw only the people it names"


STATE_INDEXES = (
    "people",
    "role_members",
    "unit_heads",
    "unit_pms",
    "unit_products",
    "report_products",
    "scoped",
    "top_sizes",
    "ladder_watchers",
    "position",
    "membership",
    "director_products",
    "context",
)
"""What `OrgState` keeps for the rules, each of which `sync` updates in place rather than rebuilds."""


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(people(), steps)
def test_the_state_kept_in_step_edit_by_edit_equals_one_built_afresh(start, plan):
    org = Org("Random", start, units=UNITS)
    state, history = OrgState(org), History(org)
    for step in plan:
        state.sync(apply(history, step) or ())
        fresh = OrgState(org)
        for index in STATE_INDEXES:
            assert getattr(state, index) == getattr(fresh, index), (index, step)


@given(people(), st.sampled_from(PROFILES), st.integers(1, 3))
def test_a_rule_for_managers_finds_nothing_about_anyone_without_reports(start, profile, max_span):
    """Re-checks skip these rules for people without reports (a bulk move re-checks 1,000 who
    manage nobody), and full checks run them on managers alone: sound only if this holds."""
    org = Org("Random", start, profile=profile, settings=Settings(max_span=max_span, max_layers=2), units=UNITS)
    state = OrgState(org)
    for_managers = [rule for rule in RULES.values() if rule.managers_only]
    assert for_managers, "the span rules say that only managers can have their findings"
    for person in org.people():
        if not org.report_count(person.id):
            for rule in for_managers:
                assert list(rule.check(state, person)) == [], (rule.code, person)


@given(people(), st.sampled_from(PROFILES))
def test_validation_never_raises_and_names_only_people_in_the_org(start, profile):
    org = Org("Random", start, profile=profile, units=UNITS)
    for finding in validate(org):
        assert finding.person in org
        assert finding.message


def test_a_ten_thousand_deep_chain_validates_without_recursion():
    chain = [Person("p0", "Top", "ceo")]
    chain += [Person(f"p{i}", f"P{i}", "other", reports_to=f"p{i - 1}") for i in range(1, 10_000)]
    org = Org("Deep", chain)
    layers = [f for f in validate(org) if f.code == "SPN203"]
    assert len(layers) == 10_000 - 9
    validator = Validator(org)
    validator.refresh(MovePerson("p5000", "p0").apply(org))
    assert validator.findings == validate(org)


def test_a_long_cycle_is_reported_on_every_member():
    ring = [Person(f"p{i}", f"P{i}", "other", reports_to=f"p{(i + 1) % 5000}") for i in range(5000)]
    found = [f for f in validate(Org("Ring", ring)) if f.code == "ORG001"]
    assert len(found) == 5000
    assert "a reporting cycle of 5000 people" in found[0].message


def test_setting_products_re_checks_every_rule_that_reads_them():
    """A product-only edit re-checks only the rules declaring `reads=("product",)`; each of them must see it."""
    people = [
        Person("ceo", "Ana", "ceo", unit="web"),
        Person("head", "Bo", "head_of_product", reports_to="ceo", unit="web"),
        Person("dir", "Cy", "director_product", reports_to="head", unit="web"),
        Person("gpm", "Dee", "gpm", reports_to="dir", unit="web"),
        Person("pm1", "Eve", "pm", reports_to="gpm", unit="web", product="Pay"),
        Person("pm2", "Fay", "pm", reports_to="gpm", unit="web", product="Pay"),
    ]
    org = Org("Products", people, profile="scaleup", units=UNITS)
    validator = Validator(org)
    validator.refresh(History(org).do(set_for_all(org, ["pm2"], "product", "Search")))
    assert validator.findings == validate(org)
    assert {"PRD112", "PRD117", "PRD118"} <= {finding.code for finding in validator.findings}


def test_renaming_a_ctos_manager_updates_the_fix_offered_to_a_leader_under_the_cto():
    """PRD116's fix names the CTO's manager ("move Bo beside the CTO, under Ana (CEO)"): two levels up."""
    people = [
        Person("ceo", "Ana", "ceo"),
        Person("cto", "Cy", "cto", reports_to="ceo"),
        Person("head", "Bo", "head_of_product", reports_to="cto"),
    ]
    org = Org("Rename", people, profile="startup")
    validator = Validator(org)
    assert any(f.code == "PRD116" and "Ana (CEO)" in str(f.fix) for f in validator.findings)
    validator.refresh(History(org).do(UpdatePerson("ceo", name="Fay")))
    assert validator.findings == validate(org)
    assert any(f.code == "PRD116" and "Fay (CEO)" in str(f.fix) for f in validator.findings)


def test_a_group_pms_products_follow_its_product_managers_through_every_kind_of_edit():
    """PRD117 reads the products of a Group PM's product managers from an index kept edit by edit: each
    edit that changes a report's product, role or manager, and each undo, leaves it as a fresh check finds it."""
    people = [
        Person("gpm", "Dee", "gpm"),
        Person("pm1", "Eve", "pm", reports_to="gpm", product="Pay"),
        Person("pm2", "Fay", "pm", reports_to="gpm", product="Pay"),
        Person("pm3", "Gus", "senior_pm", reports_to="gpm"),
        Person("gpm2", "Hal", "gpm"),
    ]
    org = Org("Group", people, profile="scaleup")
    validator, history = Validator(org), History(org)
    several = []
    for edit in (
        set_for_all(org, ["pm2", "pm3"], "product", "Search"),
        set_for_all(org, ["pm2"], "role", "other"),
        move_all(org, ["pm3"], "gpm2"),
        remove_all(org, ["pm1"]),
    ):
        validator.refresh(history.do(edit))
        assert validator.findings == validate(org)
        several.append(sorted(f.person for f in validator.findings if f.code == "PRD117"))
    assert several == [["gpm"], ["gpm"], [], []]
    while history.can_undo:
        validator.refresh(history.undo())
        assert validator.findings == validate(org)


def _team(manager_role: str, *reports: Person) -> list[Person]:
    return [Person("ceo", "Ana", "ceo"), Person("m", "Bo", manager_role, reports_to="ceo"), *reports]


def _pm(pid: str, product: str | None = "Pay", role: str = "pm", to: str = "m") -> Person:
    return Person(pid, pid.upper(), role, reports_to=to, product=product)


@pytest.mark.parametrize(
    ("code", "people", "change"),
    [
        ("SPN201", _team("other", _pm("a"), _pm("b")), lambda o: AddPerson(_pm("c"))),
        ("SPN202", _team("other", _pm("a"), _pm("b")), lambda o: remove_all(o, ["b"])),
        ("PRD106", _team("principal_pm", _pm("a")), lambda o: move_all(o, ["a"], "ceo")),
        ("PRD107", _team("gpm", _pm("a")), lambda o: set_for_all(o, ["a"], "role", "other")),
        ("PRD112", _team("director_product", _pm("a"), _pm("b")), lambda o: set_for_all(o, ["b"], "product", "Search")),
        (
            "PRD112",
            [
                *_team("director_product", _pm("a"), Person("g", "Gi", "gpm", reports_to="m")),
                _pm("b", "Search", to="g"),
            ],
            lambda o: set_for_all(o, ["b"], "role", "other"),
        ),
        (
            "PRD115",
            [*_team("head_of_product", _pm("a")), Person("x", "Xi", "pm", reports_to="ceo")],
            lambda o: set_for_all(o, ["a"], "role", "other"),
        ),
        ("PRD117", _team("gpm", _pm("a"), _pm("b", "Search")), lambda o: set_for_all(o, ["b"], "role", "other")),
    ],
)
def test_a_change_to_a_report_alone_re_checks_the_managers_rules_that_read_their_reports(code, people, change):
    """A manager re-checked only because of a report runs just the rules declaring `reads_reports`;
    each of these findings about `m` appears or goes with an edit to `m`'s reports alone."""
    org = Org("Team", people, profile="scaleup", settings=Settings(max_span=2), units=UNITS)
    validator, history = Validator(org), History(org)
    before = {f.code for f in validator.for_person("m")}
    validator.refresh(history.do(change(org)))
    assert validator.findings == validate(org)
    assert (code in before) != (code in {f.code for f in validator.for_person("m")})
    validator.refresh(history.undo())
    assert validator.findings == validate(org)


@pytest.mark.parametrize("change", [{"name": "Fay"}, {"title": "Team lead"}, {"role": "senior_pm"}])
def test_an_edit_of_a_managers_only_report_shows_in_the_managers_finding(change):
    """SPN202 names a manager's single report, so an edit of what `who` shows of them (`REPORT_FIELDS`)
    re-checks the manager; an edit of anything else of a report (`unit`) leaves the manager's findings."""
    org = Org("Team", _team("other", _pm("a")), profile="scaleup", units=UNITS)
    validator, history = Validator(org), History(org)
    for edit in (UpdatePerson("a", **change), AssignUnit(["a"], "web")):
        validator.refresh(history.do(edit))
        assert validator.findings == validate(org)
        (single,) = (f.message for f in validator.for_person("m") if f.code == "SPN202")
        assert single.endswith(f"a single direct report, {who(org['a'])}")
