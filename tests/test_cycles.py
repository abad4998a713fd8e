"""CycleWatch: where views show reporting cycles, followed across edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from orgdesign.cycles import CycleWatch
from orgdesign.edits import History, MovePerson, UpdatePerson
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


def test_an_edit_of_fields_alone_cannot_make_or_break_a_cycle_and_is_not_climbed():
    org = loop_org()
    watch = CycleWatch(org)
    watch.refind = lambda: (_ for _ in ()).throw(AssertionError("searched again"))
    climbs: list[str] = []
    real_manager_id = org.manager_id
    org.manager_id = lambda pid: climbs.append(pid) or real_manager_id(pid)  # type: ignore[method-assign]
    touched = History(org).do(UpdatePerson("a", name="A renamed", product="Payments"))
    assert "a" in watch.stranded and watch.update(touched) == frozenset()
    assert climbs == [], "no reporting line changed: nobody's chain is walked"


@given(
    managers=st.lists(st.integers(min_value=-1, max_value=6), min_size=7, max_size=7),
    batches=st.lists(
        st.lists(st.tuples(st.integers(0, 6), st.integers(-1, 6)), min_size=1, max_size=4), min_size=1, max_size=4
    ),
)
def test_after_any_batch_of_changed_lines_the_watch_agrees_with_a_search_from_scratch(managers, batches):
    """The check that decides whether to search again shares its climbs across a batch (a bulk
    edit): whatever it skips, the cycles it keeps are those a full search finds."""
    ids = [f"p{number}" for number in range(7)]
    people = [
        Person(pid, pid, "pm", reports_to=None if m < 0 else ids[m]) for pid, m in zip(ids, managers, strict=True)
    ]
    org = Org("Random", people)
    watch = CycleWatch(org)
    for batch in batches:
        touched: set[str] = set()
        for who, manager in batch:
            person = org[ids[who]]
            touched |= {person.id} | ({person.reports_to} if person.reports_to else set())
            org.put(replace(person, reports_to=None if manager < 0 else ids[manager]))
            touched |= {ids[manager]} if manager >= 0 else set()
        watch.update(touched)
        fresh = CycleWatch(org)
        assert (watch.entries, watch.stranded) == (fresh.entries, fresh.stranded)
