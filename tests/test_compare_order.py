"""Sibling order in a comparison: a reorder among the same colleagues is reported (relatively, so one
insertion or removal does not reorder everyone after it), in every rendering, and reverts exactly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesign.compare import Comparison, FixedFindings, Reordered
from orgdesign.diff import diff_orgs, render_diff_json, render_diff_markdown, render_diff_text
from orgdesign.edits import (
    AddPerson,
    Edit,
    EditRefused,
    History,
    MoveAmongSiblings,
    MovePerson,
    PlaceAmongSiblings,
    RemovePerson,
)
from orgdesign.model import Org, Person

TEAM = ("a", "b", "c", "d", "e")


def team() -> Org:
    """A GPM over five PMs a..e (in that order), and a second GPM with no reports."""
    people = [Person("gpm", "Gia", "gpm"), Person("gpm2", "Gus", "gpm")]
    people += [Person(pid, pid.upper(), "pm", reports_to="gpm") for pid in TEAM]
    return Org("Team", people)


def comparing(old: Org, new: Org) -> Comparison:
    return Comparison(old, new, FixedFindings(()), FixedFindings(()))


def reordered(old: Org, new: Org) -> list[tuple[str, int, int]]:
    return [(r.person.id, r.old_position, r.new_position) for r in diff_orgs(old, new, lambda _org: []).reordered]


def test_a_person_moved_up_among_the_same_colleagues_is_reordered():
    new = team()
    MoveAmongSiblings("d", -1).apply(new)
    assert new.report_ids("gpm") == ["a", "b", "d", "c", "e"]
    assert reordered(team(), new) == [("d", 4, 3)]
    AddPerson(Person("x", "X", "pm", reports_to="gpm")).apply(new)
    PlaceAmongSiblings("x", 0).apply(new)
    assert reordered(team(), new) == [("d", 4, 3)]  # places among those under Gia in both: X does not count
    status = comparing(team(), new).status("d")
    assert status is not None and status.reordered and status.moved_from is None


def test_one_person_inserted_or_removed_does_not_reorder_those_after():
    new = team()
    AddPerson(Person("x", "X", "pm", reports_to="gpm")).apply(new)
    PlaceAmongSiblings("x", 0).apply(new)
    RemovePerson("b").apply(new)
    assert new.report_ids("gpm") == ["x", "a", "c", "d", "e"]
    assert reordered(team(), new) == []


def test_a_move_to_another_manager_is_a_move_not_a_reorder():
    new = team()
    MovePerson("a", "gpm2").apply(new)
    MovePerson("e", "gpm2").apply(new)
    diff = diff_orgs(team(), new, lambda _org: [])
    assert [m.person.id for m in diff.moved] == ["a", "e"]
    assert diff.reordered == ()


def test_reordered_people_in_text_markdown_and_json():
    new = team()
    PlaceAmongSiblings("e", 0).apply(new)
    diff = diff_orgs(team(), new, lambda _org: [])
    text = render_diff_text(diff)
    assert "0 moved, 1 reordered" in text
    assert "Reordered (1)\n~ E (e): place 5 -> 1 of 5 under Gia (gpm)" in text
    assert "| E (e) | Gia (gpm) | 5 | 1 | 5 |" in render_diff_markdown(diff)
    assert json.loads(render_diff_json(diff))["reordered"] == [
        {
            "person": {"id": "e", "name": "E"},
            "manager": {"id": "gpm", "name": "Gia"},
            "old_position": 5,
            "new_position": 1,
            "among": 5,
        }
    ]


def test_reverting_a_reorder_is_one_undoable_edit_back_to_the_baseline_order():
    new = team()
    PlaceAmongSiblings("a", 4).apply(new)
    comparison = comparing(team(), new)
    (change,) = comparison.summary().reordered
    assert isinstance(change, Reordered) and change.person.id == "a"
    history = History(new)
    comparison.refresh(history.do(comparison.revert(change)))
    assert comparison.summary().is_empty
    assert new.report_ids("gpm") == list(TEAM)
    comparison.refresh(history.undo())
    assert new.report_ids("gpm") == ["b", "c", "d", "e", "a"]
    assert [r.person.id for r in comparison.summary().reordered] == ["a"]


def test_a_person_back_in_order_cannot_be_reverted_again():
    new = team()
    MoveAmongSiblings("b", 1).apply(new)
    comparison = comparing(team(), new)
    (change,) = comparison.summary().reordered
    MoveAmongSiblings("b", -1).apply(new)
    with pytest.raises(EditRefused, match="already in the baseline's order"):
        History(new).do(comparison.revert(change))
    assert new == team()


def test_reverting_a_move_or_a_removal_puts_the_person_back_in_their_old_place():
    """As read back from a file, a person moved under Gus comes after everyone; removed, they are gone."""
    people = [person for person in team().people() if person.id not in ("b", "d")]
    new = Org("Team", [*people, Person("b", "B", "pm", reports_to="gpm2")])
    comparison = comparing(team(), new)
    history = History(new)
    diff = comparison.summary()
    for change in (*diff.moved, *diff.removed):
        comparison.refresh(history.do(comparison.revert(change)))
    assert new.report_ids("gpm") == list(TEAM)
    assert comparison.summary().is_empty


PEOPLE = st.sampled_from(("gpm", "gpm2", *TEAM, "x", "y"))


@st.composite
def edits(draw: st.DrawFn) -> Edit:
    kind = draw(st.sampled_from(("up", "down", "place", "move", "add", "remove")))
    pid = draw(PEOPLE)
    if kind in ("up", "down"):
        return MoveAmongSiblings(pid, -1 if kind == "up" else 1)
    if kind == "place":
        return PlaceAmongSiblings(pid, draw(st.integers(0, 6)))
    if kind == "move":
        return MovePerson(pid, draw(st.sampled_from(("gpm", "gpm2"))))
    if kind == "add":
        return AddPerson(Person(pid, pid.upper(), "pm", reports_to=draw(st.sampled_from(("gpm", "gpm2")))))
    return RemovePerson(pid)


def every_change(comparison: Comparison) -> list:
    diff = comparison.summary()
    return [*diff.added, *diff.removed, *diff.renamed, *diff.moved, *diff.reordered, *diff.changed]


@settings(max_examples=80, deadline=None)
@given(st.lists(edits(), max_size=12))
def test_reverting_every_change_empties_the_comparison_and_the_live_one_stays_right(steps):
    baseline, current = team(), team()
    live = comparing(baseline, current)
    history = History(current)
    for edit in steps:
        try:
            live.refresh(history.do(edit))
        except EditRefused:
            continue
        assert live.summary() == comparing(baseline, current).summary()
    for _ in range(4 * len(TEAM) + 8):
        changes = every_change(live)
        if not changes:
            break
        live.refresh(history.do(live.revert(changes[0])))
    assert every_change(live) == []
    assert current == baseline
