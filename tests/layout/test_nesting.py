"""Deep nesting is refused in the project's words whatever libyaml version is installed."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesign.layout import LayoutError, loads_layout
from orgdesign.layout import reader as reader_module
from orgdesign.layout.nesting import MAX_NESTING, TOO_DEEP, excess_nesting

HEAD = "orgdesign: 1\nname: Acme\npeople:\n  - id: a\n    name: A\n    role: pm\n"


def test_the_bracket_one_level_too_deep_is_found():
    text = HEAD + "    notes: " + "[" * 100 + "]" * 100 + "\n"
    assert excess_nesting(text) == (6, len("    notes: ") + MAX_NESTING)


def test_nesting_up_to_the_limit_is_fine():
    assert excess_nesting("a: " + "[" * MAX_NESTING + "]" * MAX_NESTING) is None


@pytest.mark.parametrize(
    "text",
    [
        "name: '" + "[" * 100 + "'",
        'name: "' + "[" * 100 + '"',
        'name: "a \\" ' + "[" * 100 + '"',
        "name: x" + "[" * 100,
        "# " + "[" * 100 + "\nname: a",
        "name: a # " + "{" * 100,
        "notes: |\n  " + "[" * 100 + "\n  more\nname: b",
        "notes: >-\n  " + "{" * 100 + "\n",
        "list: [a, 'b " + "[" * 100 + "', c]",
        "list: [O'Brien " + "[" * 0 + ", x]\nname: y" + "[" * 100,
    ],
    ids=[
        "single",
        "double",
        "escaped-quote",
        "plain",
        "comment",
        "trailing-comment",
        "literal",
        "folded",
        "in-flow",
        "apostrophe",
    ],
)
def test_brackets_inside_text_are_not_nesting(text):
    yaml.safe_load(text)  # each is valid YAML
    assert excess_nesting(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "{x: " * 70 + "1" + "}" * 70,
        "a: [b, [c, " + "[" * 70 + "]" * 70 + "]]",
        "- " + "[" * 70 + "]" * 70,
        "a: !!seq " + "[" * 70 + "]" * 70,
    ],
)
def test_deep_flow_collections_are_found(text):
    assert excess_nesting(text) is not None


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(st.text(alphabet="ab '\"#[]{}:,", max_size=6), lambda kids: st.lists(kids, max_size=3), max_leaves=30)
)
def test_any_document_libyaml_writes_within_the_limit_is_not_flagged(value):
    text = yaml.safe_dump({"value": value}, default_flow_style=True)
    assert excess_nesting(text) is None


class _LookaheadParser:
    """Stands in for a libyaml that stops on deep nesting before yielding the deep events."""

    def __init__(self, data: bytes) -> None:
        self.text = data.decode("utf-8")

    def get_event(self):
        mark = yaml.Mark("<string>", 0, 6, 1008, None, None)
        raise yaml.scanner.ScannerError("while scanning", None, "some future libyaml wording", mark)


def test_the_message_is_ours_even_when_libyaml_stops_first(monkeypatch):
    monkeypatch.setattr(reader_module, "_Parser", _LookaheadParser)
    text = HEAD + "    notes: " + "[" * 2000 + "]" * 2000 + "\n"
    with pytest.raises(LayoutError) as raised:
        loads_layout(text, "deep.yaml")
    assert [str(error) for error in raised.value.errors] == [f"deep.yaml:7:76: error: {TOO_DEEP}"]


def test_an_earlier_syntax_error_keeps_its_own_message(monkeypatch):
    text = HEAD + "    title: 'unclosed\n" + "x: " + "[" * 100 + "]" * 100 + "\n"
    with pytest.raises(LayoutError) as raised:
        loads_layout(text, "bad.yaml")
    assert all(TOO_DEEP not in str(error) for error in raised.value.errors)
