"""Bulk edits: several people changed by one edit, refused as a whole, undone in one step."""

import pytest
from test_edits import org, p, snapshot

from orgdesign.edits import (
    AssignUnit,
    EditRefused,
    History,
    RemovePerson,
    add_named,
    import_under,
    move_all,
    remove_all,
    set_for_all,
)
from orgdesign.layout import dump_layout, loads_layout
from orgdesign.model import Org, Person, Unit
from orgdesign.rules import Validator
from orgdesign.rules.fixing import SafeFixes


def test_setting_a_role_for_several_people_is_one_undoable_step_that_leaves_out_who_has_it():
    o = org()
    before = snapshot(o)
    history = History(o)
    edit = set_for_all(o, ["pm1", "pm2", "dir"], "role", "senior_pm")
    history.do(edit)
    assert [o[pid].role for pid in ("pm1", "pm2", "dir")] == ["senior_pm"] * 3
    assert history.depth == 1
    history.undo()
    assert snapshot(o) == before
    history.redo()
    assert o["dir"].role == "senior_pm"


def test_product_and_unit_of_several_people_are_set_and_cleared():
    o = org()
    history = History(o)
    history.do(set_for_all(o, ["pm1", "pm2"], "product", "Checkout"))
    history.do(AssignUnit(["pm1", "pm2"], "pay"))
    assert {o["pm1"].product, o["pm2"].product} == {"Checkout"}
    assert {o["pm1"].unit, o["pm2"].unit} == {"pay"}
    history.do(AssignUnit(["pm1", "pm2"], None))
    assert o["pm1"].unit is None and o["pm2"].unit is None


def test_a_unit_the_layout_does_not_have_is_refused_for_everyone():
    o = org()
    before = snapshot(o)
    with pytest.raises(EditRefused, match="no unit"):
        History(o).do(AssignUnit(["pm1", "pm2"], "nowhere"))
    assert snapshot(o) == before


def test_a_bulk_edit_that_changes_nobody_is_refused_and_not_recorded():
    o = org()
    history = History(o)
    with pytest.raises(EditRefused, match="already"):
        history.do(set_for_all(o, ["pm1", "pm2"], "role", "pm"))
    assert history.depth == 0


def test_only_role_product_and_unit_are_set_in_bulk():
    with pytest.raises(EditRefused):
        set_for_all(org(), ["pm1"], "name", "Same Name")


def test_moving_several_people_takes_their_subtrees_along():
    o = org()
    History(o).do(move_all(o, ["dir", "eng"], "cpo"))
    assert o["dir"].reports_to == "cpo" and o["eng"].reports_to == "cpo"
    assert o["pm1"].reports_to == "dir", "reports stay with their manager"


def test_a_move_under_someone_marked_or_below_them_is_refused_whole():
    o = org()
    before = snapshot(o)
    with pytest.raises(EditRefused, match="cycle"):
        History(o).do(move_all(o, ["eng", "hop"], "pm1"))
    assert snapshot(o) == before, "the moves made before the refused one are taken back"


def test_a_bulk_move_refused_for_a_cycle_says_who_is_below_whom():
    o = org()
    with pytest.raises(EditRefused) as below_one_of_them:
        History(o).do(move_all(o, ["eng", "hop"], "pm1"))
    assert "Pm1" in str(below_one_of_them.value) and "Hop" in str(below_one_of_them.value)
    with pytest.raises(EditRefused, match="themself"):
        History(o).do(move_all(o, ["eng", "dir"], "dir"))


def test_a_bulk_edit_counts_each_changed_person_once_and_is_about_the_first_of_them():
    o = org()
    history = History(o)
    edit = set_for_all(o, ["pm1", "eng", "pm1", "dir"], "product", "Search")
    touched = history.do(edit)
    assert history.undo_description == "set the product of 3 people"
    assert edit.subject == "pm1"
    assert touched >= {"pm1", "eng", "dir", "hop", "cto"}, "the people changed, their managers and dotted managers"
    moved = move_all(o, ["pm2", "pm1"], "hop")
    history.do(moved)
    assert moved.subject == "pm2" and history.undo_description == "move 2 people under Hop"


def test_removing_several_people_moves_their_reports_up_past_every_removed_manager():
    o = org()
    before = snapshot(o)
    history = History(o)
    history.do(remove_all(o, ["hop", "dir"]))
    assert "hop" not in o and "dir" not in o
    assert o["pm1"].reports_to == "cpo" and o["pm2"].reports_to == "cpo"
    history.undo()
    assert snapshot(o) == before


def test_removing_subtrees_that_nest_removes_each_person_once():
    o = org()
    edit = remove_all(o, ["pm1", "hop", "dir"], with_subtree=True)
    History(o).do(edit)
    assert sorted(o.ids()) == ["ceo", "cpo", "cto", "eng"]
    assert edit.description == "remove 4 people"


def test_pasted_names_become_people_with_ids_unique_among_themselves_and_the_org():
    o = org()
    template = Person("", "", "pm", reports_to="dir", product="Pay")
    history = History(o)
    history.do(add_named(o, ["Ann Lee", "  ", "Ann Lee", "Pm1"], template))
    added = [pid for pid in o.report_ids("dir") if pid not in ("pm1", "pm2")]
    assert added == ["ann-lee", "ann-lee-2", "pm1-2"]
    assert all(o[pid].product == "Pay" and o[pid].role == "pm" for pid in added)
    history.undo()
    assert o.report_ids("dir") == ["pm1", "pm2"]


def imported_org() -> Org:
    return Org(
        "HR export",
        [
            Person("pm1", "Pia Moss", "head_of_product", unit="mob"),
            Person("x1", "Xia One", "pm", reports_to="pm1", dotted_to=("pm1",)),
            Person("x2", "Xu Two", "pm", reports_to="pm1", unit="pay"),
        ],
        units=[Unit("mob", "Mobile"), Unit("pay", "Payments (theirs)")],
    )


def test_an_import_goes_under_the_chosen_manager_with_clashing_ids_renamed_everywhere():
    o = org()
    before = snapshot(o)
    history = History(o)
    imported = import_under(o, imported_org(), "cpo")
    history.do(imported.edit)
    assert imported.renamed == {"pm1": "pm1-2"}
    assert o["pm1-2"].name == "Pia Moss" and o["pm1-2"].reports_to == "cpo"
    assert o["x1"].reports_to == "pm1-2" and o["x1"].dotted_to == ("pm1-2",)
    assert o["pm1"].name == "Pm1", "the person already there is untouched"
    assert [u.id for u in o.units] == ["pay", "mob"], "a new unit is added; one with the same id is the same unit"
    assert loads_layout(dump_layout(o)) == o
    history.undo()
    assert snapshot(o) == before and [u.id for u in o.units] == ["pay"]


def test_an_import_under_nobody_makes_its_tops_tops_and_under_a_missing_person_is_refused():
    o = org()
    History(o).do(import_under(o, imported_org(), None).edit)
    assert o["pm1-2"].reports_to is None
    with pytest.raises(EditRefused):
        import_under(org(), imported_org(), "ghost")


def test_fix_all_applies_every_safe_fix_as_one_step_and_undo_restores_everything():
    o = Org(
        "Fixable",
        [
            p("ceo", "ceo"),
            p("cpo", "cpo", "ceo"),
            p("hop", "head_of_product", "ceo"),
            p("pm1", "pm", "ceo", dotted_to=("ghost",)),
            p("pm2", "pm", "ceo"),
        ],
    )
    before = snapshot(o)
    validator = Validator(o)
    history = History(o)
    fixes = SafeFixes(validator)
    validator.refresh(history.do(fixes))
    assert len(fixes.fixed) == 2, "the Head of Product's line and the dotted line to nobody"
    assert history.depth == 1
    assert o["hop"].reports_to == "cpo" and o["pm1"].dotted_to == ()
    assert not [f for f in validator.active() if f.code in fixed_codes(fixes)], "nothing of what was fixed is left"
    after = snapshot(o)
    history.undo()
    assert snapshot(o) == before
    history.redo()
    assert snapshot(o) == after


def fixed_codes(fixes: SafeFixes) -> set[str]:
    return {line.split(":", 1)[0] for line in fixes.fixed}


def test_fix_all_with_nothing_to_fix_is_refused():
    o = Org("Fine", [p("ceo", "ceo")])
    with pytest.raises(EditRefused, match="safe fix"):
        History(o).do(SafeFixes(Validator(o)))


def test_someone_reporting_to_themself_is_removed_alone_or_with_others_and_comes_back_on_undo():
    for remove in (lambda o: RemovePerson("loop"), lambda o: remove_all(o, ["loop", "pm1"])):
        o = org()
        o.put(p("loop", "pm", "loop"))
        o.put(p("pm1", "pm", "loop"))
        before = snapshot(o)
        history = History(o)
        history.do(remove(o))
        assert "loop" not in o and o["pm2"].reports_to == "dir"
        history.undo()
        assert snapshot(o) == before
