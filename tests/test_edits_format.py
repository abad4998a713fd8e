"""Edit commands for the rest of the layout format: dotted lines, waivers, units, the org's
name and settings, sibling order. Each changes what it says, refuses with a reason, undoes exactly,
and (in the properties at the end) survives any mix with the other edits through save and load."""

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_edits import edit_strategy, snapshot
from test_edits import org as starting_org
from test_properties import edits as field_edits

from orgdesign.edits import (
    AddDottedLine,
    AddUnit,
    AssignUnit,
    ChangeSettings,
    DeleteUnit,
    EditRefused,
    History,
    MoveAmongSiblings,
    RemoveDottedLine,
    RemovePerson,
    RemoveWaiver,
    RenameOrg,
    RenameUnit,
    Waive,
    unit_members,
)
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.model import Settings, Unit
from orgdesign.rules import RULES, Validator, validate


def done(*edits):
    o = starting_org()
    history = History(o)
    for edit in edits:
        history.do(edit)
    return o, history


def test_a_dotted_line_is_added_shown_on_both_ends_and_undone():
    o, history = done(AddDottedLine("pm2", "hop"))
    assert o["pm2"].dotted_to == ("hop",)
    assert [p.id for p in o.dotted_reports("hop")] == ["pm1", "pm2"]
    assert history.undo_description == "dotted line from Pm2 to Hop"
    history.undo()
    assert snapshot(o) == snapshot(starting_org())


def test_a_dotted_line_is_removed_and_undo_puts_it_back():
    o, history = done(RemoveDottedLine("eng", "dir"))
    assert o["eng"].dotted_to == () and o.dotted_reports("dir") == []
    history.undo()
    assert snapshot(o) == snapshot(starting_org())


@pytest.mark.parametrize(
    "edit, reason",
    [
        (AddDottedLine("pm1", "pm1"), "themself"),
        (AddDottedLine("pm1", "ghost"), "nobody with id 'ghost'"),
        (AddDottedLine("pm1", "hop"), "already has a dotted line"),
        (AddDottedLine("pm1", "dir"), "solid-line manager"),
        (RemoveDottedLine("pm2", "hop"), "no dotted line"),
        (Waive("pm1", "PO101", "   "), "needs a reason"),
        (Waive("pm1", "NOPE1", "because"), "no rule 'NOPE1'"),
        (RemoveWaiver("pm1", "PO101"), "no waiver"),
        (AddUnit("  "), "needs a name"),
        (AddUnit("Payments"), "already is a unit named"),
        (AddUnit("Cards", "pay"), "already taken"),
        (RenameUnit("nowhere", "X"), "no unit"),
        (DeleteUnit("pay", "pay"), "cannot stay"),
        (DeleteUnit("pay", "nowhere"), "no unit"),
        (AssignUnit(["pm1"], "nowhere"), "no unit"),
        (AssignUnit([], "pay"), "nobody"),
        (AssignUnit(["pm1", "ghost"], "pay"), "nobody with id 'ghost'"),
        (AssignUnit(["pm1"], None), "already in no unit"),
        (RenameOrg(" "), "needs a name"),
        (ChangeSettings(Settings(max_span=0)), "max_span must be"),
        (ChangeSettings(Settings(disable=("NOPE1",))), "no rule NOPE1"),
        (MoveAmongSiblings("pm1", -1), "already first among Dir's reports"),
        (MoveAmongSiblings("pm2", 1), "already last"),
        (MoveAmongSiblings("ceo", -1), "tops of the org"),
    ],
)
def test_refused_edits_say_why_and_change_nothing(edit, reason):
    o = starting_org()
    before = snapshot(o)
    with pytest.raises(EditRefused, match=reason):
        History(o).do(edit)
    assert snapshot(o) == before


def some_rule() -> str:
    return sorted(RULES)[0]


def test_a_waiver_takes_the_finding_out_of_the_counts_and_removing_it_brings_it_back():
    o = starting_org()
    live = Validator(o)
    finding = next(f for f in live.findings if f.person is not None)
    history = History(o)
    counted = live.counts()[finding.severity]
    live.refresh(history.do(Waive(finding.person, finding.code, "accepted for the pilot")))
    assert o[finding.person].waives(finding.code).reason == "accepted for the pilot"
    assert live.counts()[finding.severity] == counted - 1
    assert any(f.code == finding.code and f.waived for f in live.for_person(finding.person))
    live.refresh(history.do(RemoveWaiver(finding.person, finding.code)))
    assert live.counts()[finding.severity] == counted
    assert snapshot(o) == snapshot(starting_org())


def test_a_waiver_is_refused_twice_for_the_same_rule():
    _, history = done(Waive("pm1", some_rule(), "fine"))
    with pytest.raises(EditRefused, match="already waives"):
        history.do(Waive("pm1", some_rule(), "again"))


def test_units_are_created_renamed_assigned_and_deleted_with_their_members_moved():
    o, history = done(
        AddUnit("Web Shop"),
        RenameUnit("pay", "Payments & Cards"),
        AssignUnit(["pm1", "pm2", "dir"], "web-shop"),
    )
    assert o.units == (Unit("pay", "Payments & Cards"), Unit("web-shop", "Web Shop"))
    assert sorted(p.id for p in unit_members(o, "web-shop")) == ["dir", "pm1", "pm2"]
    assert history.undo_description == "move 3 people to Web Shop"
    history.do(DeleteUnit("web-shop", "pay"))
    assert o.unit("web-shop") is None
    assert {o[pid].unit for pid in ("dir", "pm1", "pm2")} == {"pay"}
    assert history.undo_description == "delete the unit Web Shop (3 people moved out)"
    history.do(DeleteUnit("pay"))
    assert o.units == () and o["pm1"].unit is None
    for _ in range(5):
        history.undo()
    assert snapshot(o) == snapshot(starting_org())


def test_a_new_units_id_comes_from_its_name_and_never_clashes():
    o, _ = done(AddUnit("Pay"), AddUnit("Pay!  Day"), AddUnit("???"))
    assert [u.id for u in o.units] == ["pay", "pay-2", "pay-day", "unit"]


def test_assigning_skips_those_already_there_and_names_a_single_person():
    _, history = done(AssignUnit(["pm1"], "pay"), AssignUnit(["pm1", "pm2"], "pay"))
    assert history.undo_description == "move Pm2 to Payments"


def test_renaming_the_org_and_changing_settings_are_undoable_and_re_check_the_rules():
    o, history = done(RenameOrg("  Acme Group "), ChangeSettings(Settings(max_span=1, disable=(some_rule(),))))
    assert o.name == "Acme Group" and o.settings.max_span == 1
    assert all(f.code != some_rule() for f in validate(o))
    history.undo()
    history.undo()
    assert snapshot(o) == snapshot(starting_org())


def test_moving_among_siblings_swaps_display_order_and_saves_in_that_order():
    o, history = done(MoveAmongSiblings("pm2", -1))
    assert [p.id for p in o.reports("dir")] == ["pm2", "pm1"]
    assert history.undo_description == "move Pm2 up"
    text = dump_layout(o)
    assert text.index("id: pm2") < text.index("id: pm1")
    assert [p.id for p in loads_layout(text).reports("dir")] == ["pm2", "pm1"]
    history.undo()
    assert snapshot(o) == snapshot(starting_org())


def test_removing_a_dotted_managers_line_after_the_manager_left():
    o, history = done(RemoveDottedLine("eng", "dir"), RemovePerson("hop"))
    history.undo()
    history.undo()
    assert o["eng"].dotted_to == ("dir",)


# -- properties ---------------------------------------------------------------------------

person_ids = st.sampled_from(["ceo", "cto", "cpo", "hop", "dir", "pm1", "pm2", "eng", "n1", "p1"])
unit_ids = st.sampled_from(["pay", "web", "new-unit", "ghost"])
rule_codes = st.sampled_from(sorted(RULES)[:6])
format_edits = st.one_of(
    st.builds(AddDottedLine, person_ids, person_ids),
    st.builds(RemoveDottedLine, person_ids, person_ids),
    st.builds(Waive, person_ids, rule_codes, st.sampled_from(["agreed with HR", "", "temporary: #1 [x]"])),
    st.builds(RemoveWaiver, person_ids, rule_codes),
    st.builds(AddUnit, st.sampled_from(["Web", "New Unit", "Payments", ""])),
    st.builds(RenameUnit, unit_ids, st.sampled_from(["Cards", "Web", "R&D [/] team"])),
    st.builds(DeleteUnit, unit_ids, st.one_of(st.none(), unit_ids)),
    st.builds(AssignUnit, st.lists(person_ids, max_size=4), st.one_of(st.none(), unit_ids)),
    st.builds(RenameOrg, st.sampled_from(["Acme", "Acme: the group", " "])),
    st.builds(
        ChangeSettings,
        st.builds(
            Settings,
            max_span=st.integers(0, 15),
            max_layers=st.integers(1, 9),
            disable=st.lists(rule_codes, max_size=2, unique=True).map(tuple),
        ),
    ),
    st.builds(MoveAmongSiblings, person_ids, st.sampled_from([-1, 1])),
)
any_edit = st.one_of(format_edits, field_edits, edit_strategy)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_edit, max_size=20))
def test_any_edits_undo_redo_exactly_save_and_load_as_the_same_layout_and_keep_findings_live(sequence):
    o = starting_org()
    history = History(o)
    live = Validator(o)
    states = [snapshot(o)]
    for edit in sequence:
        try:
            live.refresh(history.do(edit))
        except EditRefused:
            assert snapshot(o) == states[-1]
            continue
        states.append(snapshot(o))
        assert len(o) == 0 or nx.is_branching(o.graph)
        assert loads_layout(dump_layout(o)) == o
    assert live.findings == validate(o)
    for expected in reversed(states[:-1]):
        live.refresh(history.undo())
        assert snapshot(o) == expected
    assert live.findings == validate(o)
    for expected in states[1:]:
        history.redo()
        assert snapshot(o) == expected
    assert loads_layout(dump_layout(o)) == o
