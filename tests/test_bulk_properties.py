"""Properties of the bulk edits, mixed with single edits: whatever the sequence, each step undoes
and redoes exactly, save -> load gives the same org, and live findings match a fresh check."""

from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_edits import org as starting_org
from test_edits import snapshot
from test_properties import edits as single_edits
from test_properties import hostile_text, ids

from orgdesign.edits import (
    AssignUnit,
    Batch,
    ChangeRole,
    Edit,
    EditRefused,
    History,
    MovePerson,
    RemovePerson,
    Several,
    UpdatePerson,
    add_named,
    import_under,
    move_all,
    remove_all,
    set_for_all,
)
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.model import Org, Person, Unit
from orgdesign.roles import ROLE_IDS
from orgdesign.rules import Validator, validate
from orgdesign.rules.fixing import SafeFixes

Maker = Callable[[Org, Validator], Edit]
"""Builds an edit against the org as it is when the edit is made (bulk edits read it)."""


def imported_org() -> Org:
    """An HR export whose ids clash with the starting org's. Its units are among those the single
    edits set (`pay`, `web`): SetOrgField replaces the whole list, and a unit still in use must stay."""
    return Org(
        "HR export",
        [
            Person("pm1", "Pia Moss", "head_of_product", unit="web"),
            Person("x1", "Xia One", "pm", reports_to="pm1", dotted_to=("pm1",)),
            Person("n1", "Nu One", "pm", reports_to="pm1", unit="pay"),
        ],
        units=[Unit("web", "Web"), Unit("pay", "Payments")],
    )


marked = st.lists(ids, min_size=1, max_size=5, unique=True)


def _present(org: Org, pids: list[str]) -> list[str]:
    return [pid for pid in pids if pid in org]


bulk_makers: st.SearchStrategy[Maker] = st.one_of(
    st.builds(
        lambda pids, role: lambda o, v: set_for_all(o, _present(o, pids), "role", role),
        marked,
        st.sampled_from(ROLE_IDS),
    ),
    st.builds(
        lambda pids, product: lambda o, v: set_for_all(o, _present(o, pids), "product", product),
        marked,
        st.one_of(st.none(), hostile_text),
    ),
    st.builds(
        lambda pids, unit: lambda o, v: AssignUnit(_present(o, pids), unit),
        marked,
        st.sampled_from([None, "pay", "web"]),
    ),
    st.builds(lambda pids, boss: lambda o, v: move_all(o, _present(o, pids), boss), marked, st.one_of(st.none(), ids)),
    st.builds(lambda pids, sub: lambda o, v: remove_all(o, _present(o, pids), with_subtree=sub), marked, st.booleans()),
    st.builds(
        lambda names, boss, role: lambda o, v: add_named(o, names, Person("", "", role, reports_to=boss)),
        st.lists(hostile_text, min_size=1, max_size=4),
        ids,
        st.sampled_from(ROLE_IDS),
    ),
    st.builds(lambda boss: lambda o, v: import_under(o, imported_org(), boss).edit, st.one_of(st.none(), ids)),
    st.just(lambda o, v: SafeFixes(v)),
)
makers = st.one_of(bulk_makers, single_edits.map(lambda edit: lambda o, v: edit))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(makers, max_size=12))
def test_bulk_edits_undo_redo_exactly_and_save_then_load_is_the_identity(sequence):
    org = starting_org()
    history = History(org)
    live = Validator(org)
    for make in sequence:
        before = snapshot(org)
        try:
            live.refresh(history.do(make(org, live)))
        except EditRefused:
            assert snapshot(org) == before, "a refused edit changes nothing"
            continue
        after = snapshot(org)
        live.refresh(history.undo())
        assert snapshot(org) == before
        live.refresh(history.redo())
        assert snapshot(org) == after
        live.refresh_all()  # a unit or settings change re-checks everyone, as the designer does
    assert loads_layout(dump_layout(org)) == org
    assert live.findings == validate(org)


TANGLED = ["a", "b", "c", "d", "e", "f"]


@st.composite
def tangled_people(draw) -> list[Person]:
    """People whose lines may form cycles or name nobody (as a loaded layout's may)."""
    return [
        Person(
            pid,
            pid.upper(),
            draw(st.sampled_from(ROLE_IDS)),
            reports_to=draw(st.none() | st.sampled_from([*TANGLED, "ghost"])),
            product=draw(st.none() | st.sampled_from(["Pay", "Search"])),
            dotted_to=tuple(draw(st.lists(st.sampled_from([*TANGLED, "ghost"]), max_size=2, unique=True))),
        )
        for pid in TANGLED[: draw(st.integers(1, len(TANGLED)))]
    ]


def one_edit_per_person(kind: str, pids: list[str], value: str | None) -> Batch:
    """What `set_for_all` and `move_all` used to build: a batch of single edits, each planned on its own."""
    if kind == "move":
        return Batch([MovePerson(pid, value) for pid in pids])
    if kind == "remove":
        return Batch([RemovePerson(pid, with_subtree=value == "with subtree") for pid in pids])
    if kind == "role" and value is not None:
        return Batch([ChangeRole(pid, value) for pid in pids])
    return Batch([UpdatePerson(pid, **{kind: value}) for pid in pids])


def make_bulk(org: Org, marked: list[str], kind: str, value: str | None) -> Several:
    if kind == "move":
        return move_all(org, marked, value)
    if kind == "remove":
        return remove_all(org, marked, with_subtree=value == "with subtree")
    return set_for_all(org, marked, kind, value)


def outcome(org: Org, edit: Edit) -> object:
    """The org after `edit`, or the reason it was refused."""
    try:
        History(org).do(edit)
    except EditRefused as refused:
        return str(refused)
    return snapshot(org)


@given(
    tangled_people(),
    st.lists(st.sampled_from(TANGLED), min_size=1, max_size=4, unique=True),
    st.one_of(
        st.tuples(st.just("role"), st.sampled_from([*ROLE_IDS, "chief"])),
        st.tuples(st.just("product"), st.none() | st.sampled_from(["Pay", "Search"])),
        st.tuples(st.just("move"), st.none() | st.sampled_from(TANGLED)),
        st.tuples(st.just("remove"), st.sampled_from(["with subtree", "reports move up"])),
    ),
)
@example(  # a report below a cycle whose members are all removed ends under the one removed last
    [
        Person("a", "A", "pm", reports_to="b"),
        Person("b", "B", "pm", reports_to="a"),
        Person("c", "C", "pm", reports_to="a"),
    ],
    ["a", "b"],
    ("remove", "reports move up"),
)
@example(  # someone reporting to themself goes, and nobody is left reporting to them but their reports
    [Person("a", "A", "pm", reports_to="a"), Person("b", "B", "pm", reports_to="a")],
    ["a"],
    ("remove", "reports move up"),
)
@example(  # a move under someone below a marked person names both in its refusal
    [Person("a", "A", "pm"), Person("b", "B", "pm", reports_to="a"), Person("c", "C", "pm", reports_to="b")],
    ["c", "a"],
    ("move", "b"),
)
def test_a_bulk_edit_changes_the_org_or_is_refused_exactly_as_one_edit_per_person_would(people, marked, change):
    kind, value = change
    org, twin = Org("Tangled", people), Org("Tangled", people)
    marked = [pid for pid in marked if pid in org]
    try:
        bulk = make_bulk(org, marked, kind, value)
    except EditRefused:
        return  # the manager to move under is not in the org: refused before any edit is made
    if not bulk.pids:
        return
    assert outcome(org, bulk) == outcome(twin, one_edit_per_person(kind, bulk.pids, value))
