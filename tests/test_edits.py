"""Edit commands: each one changes exactly what it says, refuses what it must, and undoes exactly."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesign.edits import (
    AddPerson,
    Batch,
    ChangeRole,
    EditRefused,
    History,
    MovePerson,
    RemovePerson,
    SetOrgField,
    SetProductLineTo,
    UpdatePerson,
    free_id,
)
from orgdesign.model import Org, Person, Unit
from orgdesign.roles import ROLE_IDS


def p(pid, role="pm", to=None, **fields):
    return Person(pid, pid.title(), role, reports_to=to, **fields)


def org():
    return Org(
        "Acme",
        [
            p("ceo", "ceo"),
            p("cto", "cto", "ceo"),
            p("cpo", "cpo", "ceo"),
            p("hop", "head_of_product", "cpo"),
            p("dir", "director_product", "hop"),
            p("pm1", "pm", "dir", dotted_to=("hop",)),
            p("pm2", "pm", "dir"),
            p("eng", "other", "cto", dotted_to=("dir",)),
        ],
        units=[Unit("pay", "Payments")],
    )


def snapshot(o: Org):
    """Everything observable, including display positions, to prove undo is exact."""
    return (
        o.canonical(),
        sorted((x.id, o.seq(x.id)) for x in o.people()),
        sorted(o.graph.edges),
        sorted(o.dotted.edges),
    )


def test_add_puts_the_person_under_their_manager_last_among_siblings_and_undo_removes_them():
    o = org()
    before = snapshot(o)
    history = History(o)
    history.do(AddPerson(p("pm3", "pm", "dir")))
    assert [x.id for x in o.reports("dir")] == ["pm1", "pm2", "pm3"]
    history.undo()
    assert snapshot(o) == before
    history.redo()
    assert "pm3" in o


@pytest.mark.parametrize(
    "edit, reason",
    [
        (AddPerson(p("pm1")), "already taken"),
        (AddPerson(p("new", "pm", "ghost")), "nobody with id 'ghost'"),
        (AddPerson(p("new", "wizard")), "unknown role"),
        (AddPerson(Person("new", "  ", "pm")), "name must not be empty"),
        (AddPerson(p("new", unit="nowhere")), "no unit"),
        (AddPerson(p("new", years_pm=-1)), "negative"),
        (MovePerson("cpo", "pm1"), "cycle"),
        (MovePerson("cpo", "cpo"), "themself"),
        (UpdatePerson("ghost", name="X"), "nobody"),
        (SetProductLineTo("cmo"), "CEO or the CTO"),
        (SetOrgField("profile", "galactic"), "unknown profile"),
    ],
)
def test_refused_edits_say_why_and_change_nothing(edit, reason):
    o = org()
    before = snapshot(o)
    with pytest.raises(EditRefused, match=reason):
        History(o).do(edit)
    assert snapshot(o) == before


def test_move_carries_the_subtree_and_reports_the_touched_managers():
    o = org()
    touched = History(o).do(MovePerson("dir", "cto"))
    assert o.manager("dir").id == "cto"
    assert o.manager("pm1").id == "dir"
    assert {"dir", "hop", "cto"} <= touched


def test_remove_reattaches_reports_to_the_removed_persons_manager_and_drops_dotted_lines():
    o = org()
    before = snapshot(o)
    history = History(o)
    history.do(RemovePerson("dir"))
    assert "dir" not in o
    assert [x.id for x in o.reports("hop")] == ["pm1", "pm2"]
    assert o["eng"].dotted_to == ()
    history.undo()
    assert snapshot(o) == before


def test_remove_with_subtree_removes_everyone_below_and_undo_restores_them_in_place():
    o = org()
    before = snapshot(o)
    history = History(o)
    history.do(RemovePerson("cpo", with_subtree=True))
    assert not {"hop", "dir", "pm1", "pm2"} & set(o.ids())
    assert o["eng"].dotted_to == ()
    history.undo()
    assert snapshot(o) == before


def test_change_role_and_update_fields():
    o = org()
    history = History(o)
    history.do(ChangeRole("pm1", "senior_pm"))
    history.do(UpdatePerson("pm1", title="Senior PM, Search", years_pm=6, vacancy=True, unit="pay"))
    assert o["pm1"].role == "senior_pm" and o["pm1"].title == "Senior PM, Search" and o["pm1"].unit == "pay"
    history.undo()
    history.undo()
    assert o["pm1"] == org()["pm1"]


def test_product_line_switches_between_ceo_and_cto():
    o = org()
    history = History(o)
    history.do(SetProductLineTo("cto"))
    assert o.manager("cpo").id == "cto"
    history.do(SetProductLineTo("ceo"))
    assert o.manager("cpo").id == "ceo"
    assert history.undo_description == "product organisation reports to the CEO"


def test_a_batch_is_undone_as_one_and_rolls_back_when_a_part_is_refused():
    o = org()
    before = snapshot(o)
    history = History(o)
    history.do(Batch([ChangeRole("pm1", "senior_pm"), MovePerson("pm2", "hop")]))
    history.undo()
    assert snapshot(o) == before
    with pytest.raises(EditRefused):
        history.do(Batch([ChangeRole("pm1", "senior_pm"), MovePerson("cpo", "pm1")]))
    assert snapshot(o) == before


def test_org_fields_are_undoable():
    o = org()
    history = History(o)
    history.do(SetOrgField("profile", "enterprise"))
    history.do(SetOrgField("name", "Acme 2"))
    assert (o.profile, o.name) == ("enterprise", "Acme 2")
    history.undo()
    history.undo()
    assert (o.profile, o.name) == ("scaleup", "Acme")


def test_free_id_is_readable_and_unique():
    o = org()
    assert free_id(o, "Lee  Park!") == "lee-park"
    o.put(p("lee-park"))
    assert free_id(o, "Lee Park") == "lee-park-2"
    assert free_id(o, "!!!") == "person"


def test_history_reports_what_can_be_undone():
    o = org()
    history = History(o)
    assert not history.can_undo and history.undo() is None and history.redo() is None
    history.do(ChangeRole("pm1", "gpm"))
    assert (
        history.can_undo
        and history.depth == 1
        and history.undo_description == "change Pm1's role to Group Product Manager"
    )
    history.undo()
    assert history.can_redo and history.redo_description == "change Pm1's role to Group Product Manager"


def test_every_edit_of_a_person_names_them_for_undo():
    o = org()
    history = History(o)
    history.do(MovePerson("pm2", "hop"))
    assert history.undo_description == "move Pm2"
    history.do(UpdatePerson("pm2", title="Lead", product="Search"))
    assert history.undo_description == "edit Pm2 (product, title)"
    history.do(RemovePerson("dir", with_subtree=True))
    assert history.undo_description == "remove Dir and 1 person below"
    history.do(RemovePerson("cpo", with_subtree=True))
    assert history.undo_description == "remove Cpo and 2 people below"


# -- properties ---------------------------------------------------------------------------

ids = st.sampled_from([f"p{i}" for i in range(12)])
edit_strategy = st.one_of(
    st.builds(
        lambda pid, boss, role: AddPerson(Person(pid, pid.upper(), role, reports_to=boss)),
        ids,
        ids,
        st.sampled_from(ROLE_IDS),
    ),
    st.builds(MovePerson, ids, st.one_of(st.none(), ids)),
    st.builds(ChangeRole, ids, st.sampled_from(ROLE_IDS)),
    st.builds(lambda pid, name: UpdatePerson(pid, name=name), ids, st.text(min_size=1, max_size=5)),
    st.builds(lambda pid, sub: RemovePerson(pid, with_subtree=sub), ids, st.booleans()),
    st.builds(SetProductLineTo, st.sampled_from(["ceo", "cto"])),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(edit_strategy, max_size=25))
def test_random_edits_keep_a_forest_and_undo_redo_are_exact(edits):
    o = Org("Prop", [p("p0", "ceo"), p("p1", "cto", "p0"), p("p2", "cpo", "p0"), p("p3", "pm", "p2")])
    history = History(o)
    states = [snapshot(o)]
    for edit in edits:
        before = snapshot(o)
        try:
            history.do(edit)
        except EditRefused:
            assert snapshot(o) == before
            continue
        states.append(snapshot(o))
        assert len(o) == 0 or nx.is_branching(o.graph)
        assert all(x.reports_to is None or x.reports_to in o for x in o.people())
    for expected in reversed(states[:-1]):
        history.undo()
        assert snapshot(o) == expected
    for expected in states[1:]:
        history.redo()
        assert snapshot(o) == expected
