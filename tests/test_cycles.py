"""CycleWatch: where views show reporting cycles, followed across edits."""

from __future__ import annotations

from orgdesign.cycles import CycleWatch
from orgdesign.edits import History, MovePerson
from orgdesign.model import Org, Person


def loop_org() -> Org:
    return Org(
        "Loop",
        [
            Person("top", "Top", "ceo"),
            Person("a", "A", "pm", reports_to="c"),
            Person("b", "B", "pm", reports_to="a"),
            Person("c", "C", "pm", reports_to="b"),
            Person("d", "D", "pm", reports_to="b"),
        ],
    )


def test_each_cycle_is_a_root_and_its_closing_line_is_left_out():
    watch = CycleWatch(loop_org())
    assert watch.roots() == ["top", "a"]
    assert watch.reports("c") == [] and watch.reports("b") == ["c", "d"]
    assert watch.shown_manager("a") is None and watch.shown_manager("b") == "a"
    assert watch.path_from_root("d") == ["a", "b", "d"]
    assert watch.stranded == {"a", "b", "c", "d"}


def test_an_edit_that_breaks_or_remakes_a_cycle_says_whose_place_changed():
    org = loop_org()
    watch, history = CycleWatch(org), History(org)
    touched = history.do(MovePerson("c", "top"))
    assert watch.update(touched) == {"a"}
    assert watch.update(touched) == {"a"}, "told twice about one edit, it answers the same"
    assert watch.roots() == ["top"] and watch.path_from_root("d") == ["top", "c", "a", "b", "d"]
    assert watch.update(history.undo()) == {"a"}
    assert watch.roots() == ["top", "a"]


def test_edits_away_from_any_cycle_do_not_search_again():
    org = loop_org()
    org.put(Person("e", "E", "pm", reports_to="top"))
    watch = CycleWatch(org)
    watch.refind = lambda: (_ for _ in ()).throw(AssertionError("searched again"))
    assert watch.update({"e", "top"}) == frozenset()
