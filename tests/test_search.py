"""Ranked people search (the designer's search and move pickers ask it on every keystroke)."""

from __future__ import annotations

from dataclasses import replace

from orgdesign.model import Person
from orgdesign.search import PeopleIndex

PEOPLE = [
    Person("dario", "Dario Russo", "pm"),
    Person("carlos", "Carlos Mendes", "pm"),
    Person("ana", "Ana Carvalho", "pm"),
    Person("mei", "Mei Lin", "other", title="Customer Success Lead"),
    Person("tom", "Tom Berg", "pm"),
    Person("joanna", "Joanna Nowak", "pm"),
    Person("anna", "Anna Kowalski", "pm"),
    Person("annabel", "Annabel Price", "senior_pm"),
    Person("lars-1", "Lars Peterson", "pm"),
    Person("lars-2", "Lars Peterson", "gpm"),
    Person("jane", "Jane Doe", "director_product"),
]


def search(query: str, limit: int = 20) -> list[str]:
    return PeopleIndex(PEOPLE).search(query, limit)


def test_a_name_prefix_comes_before_letters_scattered_in_another_name():
    assert search("car")[:2] == ["carlos", "ana"], "name prefix, then a later word's prefix"
    assert "dario" not in search("car")[:2]


def test_a_name_comes_before_a_title_that_contains_the_text():
    assert search("tom")[:2] == ["tom", "mei"]


def test_exact_name_then_prefix_then_substring():
    assert search("anna")[:3] == ["anna", "annabel", "joanna"]
    assert search("Anna Kowalski") == ["anna"]


def test_a_role_or_title_finds_people_after_names():
    found = search("director")
    assert found[0] == "jane"
    assert search("success") == ["mei"]


def test_letters_in_order_are_the_last_resort():
    assert search("jdoe") == ["jane"]
    assert search("zzz") == []


def test_case_and_spacing_do_not_matter():
    assert search("  LARS   peterson ") == ["lars-1", "lars-2"]


def test_the_limit_is_respected_and_no_query_lists_everyone_by_name():
    assert len(search("a", limit=3)) == 3
    everyone = search("", limit=100)
    assert sorted(everyone) == sorted(p.id for p in PEOPLE)
    assert everyone[:2] == ["ana", "anna"]


def test_people_sharing_a_name_are_told_apart():
    index = PeopleIndex(PEOPLE)
    assert index.shares_name("lars-1") and index.shares_name("lars-2")
    assert not index.shares_name("tom")


def test_a_name_with_regex_characters_is_searched_literally():
    index = PeopleIndex([Person("x", "R&D [/] team (.*)", "pm"), Person("y", "Other", "pm")])
    assert index.search("[/]", 10) == ["x"]
    assert index.search("(.*)", 10) == ["x"]


def test_letters_in_order_of_a_role_find_the_people_in_it():
    assert search("dirprod") == ["jane"]


def test_excluded_people_are_never_offered_and_the_limit_counts_only_the_rest():
    index = PeopleIndex(PEOPLE)
    assert index.search("anna", 2, exclude={"anna"}) == ["annabel", "joanna"]
    everyone_else = index.search("", 3, exclude={"ana", "anna"})
    assert everyone_else == ["annabel", "carlos", "dario"]


def test_the_index_says_whether_an_edit_outdated_it():
    from orgdesign.model import Org

    org = Org(
        "Acme",
        [
            Person("ceo", "Ada Park", "ceo"),
            *(Person(p.id, p.name, p.role, title=p.title, reports_to="ceo") for p in PEOPLE),
        ],
    )
    index = PeopleIndex(org.people())
    assert index.describes(org, {"ceo", "tom", "nobody-ever"}), "nothing anyone is searched by changed"
    tom = org["tom"]
    org.put(replace(tom, notes="moved", years_pm=3))
    assert index.describes(org, {"tom"}), "a new record, searched by the same name, title and role"
    for change in ({"title": "Staff engineer"}, {"role": "cto", "title": None}):
        org.put(replace(tom, **change))
        assert not index.describes(org, {"tom"}), change
    org.put(tom)
    tom, _ = org.pop("tom")
    org.put(replace(tom, name="Thomas Berg"))
    assert not index.describes(org, {"tom"}), "a new name"
    org.pop("jane")
    assert not index.describes(org, {"jane"}), "someone gone"
    org.put(Person("lee", "Lee Chan", "pm", reports_to="ceo"))
    assert not index.describes(org, {"lee"}), "someone new"
