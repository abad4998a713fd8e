"""Options a list keeps from one rebuild to the next (findings, changes)."""

from __future__ import annotations

from textual.widgets.option_list import Option

from orgdesign.tui.widgets.kept_options import KeptOptions


def test_a_rebuilt_list_reuses_the_options_of_keys_it_showed_and_makes_the_rest():
    made: list[str] = []

    def make(key: str) -> Option:
        made.append(key)
        return Option(key)

    kept = KeptOptions(make)
    first = kept.for_keys(["a", "b"])
    second = kept.for_keys(["b", "c", "a"])
    assert made == ["a", "b", "c"]
    assert second[0] is first[1] and second[2] is first[0]


def test_a_key_listed_twice_gets_two_options_and_a_key_dropped_is_made_again():
    kept = KeptOptions[str](Option)
    twice = kept.for_keys(["a", "a"])
    assert twice[0] is not twice[1]
    kept.for_keys(["b"])
    assert kept.for_keys(["a"])[0] not in twice
