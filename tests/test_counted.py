"""One way to count things in words, irregular plurals included."""

from orgdesign.text import counted


def test_an_irregular_plural_is_given_once_and_used_for_every_count_but_one():
    assert [counted(n, "person", "people") for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
