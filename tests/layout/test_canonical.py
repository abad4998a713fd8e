"""The canonical fast path (orgdesign/layout/canonical.py).

Whenever it returns an org, the full event reader returns the same org, down to each
person's line and column; whenever the full reader refuses a file, it returns None; every
dump is taken by it; and loading really goes through it.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_helpers import BAD, GOOD, KNOWN_RULES
from layout_mutations import mutants, seeds
from layout_strategies import hostile_text, orgs

from orgdesign.layout import LayoutError, dump_layout, loads_layout, reader
from orgdesign.layout.canonical import _SAFE_LINE_END, read_canonical, read_canonical_bytes
from orgdesign.layout.dumper import YAML_WORDS, double_quoted, reads_back_plain, scalar
from orgdesign.layout.source import refuse_foreign_encoding
from orgdesign.model import Org, Person, Unit, Waiver

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
MUTANTS = 3000

CANONICAL = """\
orgdesign: 1
name: Generated product org (1000 people, seed 1)
profile: enterprise
settings:
  max_span: 10
  disable: [SPN202]
units:
  - {id: payments, name: Payments}
  - {id: "a, b", name: Mei's "team"}
people:
  - id: dana-reyes
    name: Olu Larsen
    role: ceo
    title: Founder & CEO
  - id: mei-dubois
    name: "Mei: \\"M\\"\\tDubois"
    role: cto
    title: CTO
    reports_to: dana-reyes
    dotted_to: [dana-reyes, "0123"]
    unit: payments
    product: Checkout
    years_pm: 6
    vacancy: true
    notes: free text
    allow:
      - {rule: PRD102, reason: interim until the new GPM starts}
      - {rule: ORG001, reason: "line one\\nline two \\u202e"}
  - id: "0123"
    name: García Núñez
    role: pm
    reports_to: mei-dubois
    unit: a, b
    product: ""
    years_pm: 0
"""
"""A canonical layout with every field, plain and quoted values, in both kinds of person."""


def fully(data: bytes) -> Org:
    """The full event reader, exactly as `read_layout` runs it when the fast path bails."""
    refuse_foreign_encoding(data, "<test>")
    return reader._Reader(data, "<test>", KNOWN_RULES).read()


def everything(org: Org) -> tuple:
    """All an org holds, in file order, with every person's line, column and comments (which `==` ignores)."""
    people = [dataclasses.astuple(p) for p in org.people()]
    return (org.name, org.profile, org.settings, org.units, org.comments, people)


def fast_path_agrees(data: bytes) -> Org | None:
    """The fast path's org (asserting the full reader reads exactly the same), or None."""
    fast = read_canonical_bytes(data, KNOWN_RULES)
    try:
        full = fully(data)
    except LayoutError:
        assert fast is None, "the fast path took a file the full reader refuses"
        return None
    if fast is not None:
        assert everything(fast) == everything(full)
    return fast


# -- every dump is taken, and read as the full reader reads it -----------------------------------


def test_the_example_layout_is_canonical_and_taken_with_every_person_located():
    assert dump_layout(fully(CANONICAL.encode())) == CANONICAL
    org = fast_path_agrees(CANONICAL.encode())
    assert org is not None
    assert [(p.id, p.line, p.column) for p in org.people()] == [
        ("dana-reyes", 11, 5),
        ("mei-dubois", 15, 5),
        ("0123", 29, 5),
    ]
    assert org["mei-dubois"].allow[1] == Waiver("ORG001", "line one\nline two \u202e")
    assert org.units[1] == Unit("a, b", 'Mei\'s "team"')


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(orgs())
def test_every_dump_is_taken_and_read_exactly_as_the_full_reader_reads_it(org):
    data = dump_layout(org).encode("utf-8")
    assert fast_path_agrees(data) is not None


PLAIN_TEXTS = (
    "Ada", "Nora", "Noé", "Yesenia", "On call", "no-go", "O'Brien", "R&D (EU)", "a  b", "Founder & CEO",
    "SVP Engineering, Payments", "v1.2", "x_y", "García Núñez", "李", "No", "y", "Null", "true", "a - b",
)  # fmt: skip
"""Texts the dumper writes plain, the YAML words among them, all meant to stay strings."""


def test_plain_people_with_every_field_read_the_same_on_both_paths():
    units = [Unit("payments", "Payments"), Unit("On", "a")]
    people = [
        Person(
            f"{PLAIN_TEXTS[n % len(PLAIN_TEXTS)]}-{n}" if n % 7 else f"p{n}",
            PLAIN_TEXTS[n % len(PLAIN_TEXTS)],
            ("pm", "ceo", "head_of_product")[n % 3],
            title=PLAIN_TEXTS[(n + 3) % len(PLAIN_TEXTS)] if n % 2 else None,
            reports_to=f"p{n // 7 * 7}" if n % 5 else None,
            unit=units[n % 2].id if n % 3 else None,
            product=PLAIN_TEXTS[(n + 5) % len(PLAIN_TEXTS)] if n % 4 else None,
            years_pm=(None, 0, 7, 10**17)[n % 4],
            vacancy=n % 6 == 0,
            notes=PLAIN_TEXTS[(n + 7) % len(PLAIN_TEXTS)] if n % 9 else None,
        )
        for n in range(len(PLAIN_TEXTS) * 11)
    ]
    org = Org("Plain", people, units=units)
    assert fast_path_agrees(dump_layout(org).encode()) == org


def test_an_org_without_people_is_taken():
    assert fast_path_agrees(dump_layout(Org("Empty", [])).encode()) == Org("Empty", [])


@pytest.mark.parametrize("path", sorted(LAYOUTS.glob("*.yaml")) + sorted(GOOD.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_and_good_layouts_read_the_same_on_both_paths_and_canonical_ones_take_the_fast_path(path):
    data = path.read_bytes()
    taken = fast_path_agrees(data) is not None
    if dump_layout(fully(data)).encode() == data:
        assert taken, "a canonical file must take the fast path"
    # Today: every shipped layout is canonical; none of the good files is (comments, a BOM
    # and CRLF, flow-style people...), which is what they are there to exercise.
    assert taken == (path.parent == LAYOUTS)


def test_loading_a_canonical_file_takes_the_fast_path(monkeypatch):
    def no_full_reader(*args):
        raise AssertionError("the full reader ran")

    expected = everything(fully(CANONICAL.encode()))
    monkeypatch.setattr(reader, "_Reader", no_full_reader)
    assert everything(loads_layout(CANONICAL, known_rules=KNOWN_RULES)) == expected
    with pytest.raises(AssertionError, match="the full reader ran"):
        loads_layout(
            CANONICAL.replace("orgdesign: 1\n", "orgdesign: 1  # a trailing comment\n"), known_rules=KNOWN_RULES
        )


def test_rule_codes_are_checked_against_the_catalogue_when_no_rules_are_given():
    assert read_canonical(CANONICAL, None) is not None  # ORG001, PRD102 and SPN202 exist
    assert read_canonical(CANONICAL.replace("PRD102", "PRD999"), None) is None


# -- the regex that takes most values without asking the dumper ---------------------------------

SAFE = re.compile(_SAFE_LINE_END + "\n")


@given(st.from_regex(SAFE, fullmatch=True))
def test_what_the_person_regex_takes_as_plainly_a_string_the_dumper_writes_plain(line):
    assert reads_back_plain(line[:-1], flow=False)


@pytest.mark.parametrize(
    "word", [case(word) for word in YAML_WORDS.split("|") for case in (str.lower, str.upper, str.title)] + ["yEs"]
)
def test_the_person_regex_leaves_yaml_words_to_the_dumper_which_quotes_them(word):
    assert not SAFE.fullmatch(word + "\n") and not reads_back_plain(word, flow=False)
    assert SAFE.fullmatch(word + "s\n") and reads_back_plain(word + "s", flow=False)


def test_every_character_the_person_regex_takes_is_one_the_dumper_writes_plain():
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        for text in (character, "a" + character, "a" + character + "b"):
            if SAFE.fullmatch(text + "\n"):
                assert reads_back_plain(text, flow=False), repr(text)


# -- the fast path bails on near misses -----------------------------------------------------------

NEAR_MISSES = {
    "trailing space on a name": ("name: Olu Larsen\n", "name: Olu Larsen \n"),
    "a comment after a value": ("name: Olu Larsen\n", "name: Olu Larsen # boss\n"),
    "a comment line": ("people:\n", "people:\n# everyone\n"),
    "a blank line": ("  - id: mei-dubois\n", "\n  - id: mei-dubois\n"),
    "a leading zero name": ("name: Olu Larsen\n", "name: 0123\n"),
    "a bool-looking name": ("name: Olu Larsen\n", "name: No\n"),
    "an escape the dumper never writes": ("name: Olu Larsen\n", 'name: "a\\/b"\n'),
    "an uppercase hex escape": ('"line one\\nline two \\u202e"', '"line one\\nline two \\u202E"'),
    "an escape for a plain character": ("name: Olu Larsen\n", 'name: "\\x41"\n'),
    "a line continuation": ("name: Olu Larsen\n", 'name: "Olu\\\n    Larsen"\n'),
    "a stray quote": ("name: Olu Larsen\n", 'name: "Olu" Larsen"\n'),
    "text after a quoted value": ("name: Olu Larsen\n", 'name: "Olu" # x\n'),
    "single quotes": ("notes: free text\n", "notes: ''\n"),
    "years with a leading zero": ("years_pm: 6\n", "years_pm: 007\n"),
    "quoted years": ("years_pm: 6\n", 'years_pm: "6"\n'),
    "negative years": ("years_pm: 6\n", "years_pm: -6\n"),
    "a YAML 1.1 flag": ("vacancy: true\n", "vacancy: yes\n"),
    "a false flag": ("vacancy: true\n", "vacancy: false\n"),
    "a duplicate id": ("id: mei-dubois\n", "id: dana-reyes\n"),
    "an unknown role": ("role: cto\n", "role: chief\n"),
    "a quoted role": ("role: cto\n", 'role: "cto"\n'),
    "an unknown unit": ("unit: payments\n", "unit: billing\n"),
    "an unknown rule in allow": ("rule: PRD102", "rule: PRD999"),
    "an unknown rule in disable": ("[SPN202]", "[SPN999]"),
    "an empty list of rules": ("[SPN202]", "[]"),
    "a blank reason": ("reason: interim until the new GPM starts", 'reason: " "'),
    "a null manager": ("reports_to: dana-reyes\n", "reports_to: null\n"),
    "an empty quoted manager": ("reports_to: dana-reyes\n", 'reports_to: ""\n'),
    "a null title": ("title: CTO\n", "title: ~\n"),
    "an empty plain title": ("title: CTO\n", "title:\n"),
    "a number-looking id": ("id: mei-dubois\n", "id: 1e3\n"),
    "an empty required name": ("name: Olu Larsen\n", 'name: ""\n'),
    "an unknown profile": ("profile: enterprise\n", "profile: huge\n"),
    "an unsupported version": ("orgdesign: 1\n", "orgdesign: 2\n"),
    "a zero span": ("max_span: 10\n", "max_span: 0\n"),
    "an empty settings": ("  max_span: 10\n  disable: [SPN202]\n", ""),
    "a duplicate unit id": (
        "{id: payments, name: Payments}\n",
        "{id: payments, name: Payments}\n  - {id: payments, name: P}\n",
    ),
    "keys out of order": ("    name: Olu Larsen\n    role: ceo\n", "    role: ceo\n    name: Olu Larsen\n"),
    "top keys out of order": ("name: Generated", "profile: enterprise\nname: Generated"),
    "a repeated key": ("    role: cto\n", "    role: cto\n    role: cto\n"),
    "an unknown key": ("    vacancy: true\n", "    vacancy: true\n    team: x\n"),
    "a tab": ("name: Olu Larsen\n", "name: Olu\tLarsen\n"),
    "a CRLF line ending": ("orgdesign: 1\n", "orgdesign: 1\r\n"),
    "a next-line character": ("notes: free text\n", "notes: free\x85text\n"),
    "a UTF-8 byte order mark": ("orgdesign: 1\n", "\ufefforgdesign: 1\n"),
    "a document start": ("orgdesign: 1\n", "---\norgdesign: 1\n"),
    "a second document": ("years_pm: 0\n", "years_pm: 0\n---\n"),
    "an anchor": ("dotted_to: [dana-reyes,", "dotted_to: &d [dana-reyes,"),
    "a tag": ("name: Olu Larsen\n", "name: !!str Olu Larsen\n"),
    "a multi-line plain value": ("notes: free text\n", "notes: free\n      text\n"),
    "a flow list without spaces": ('[dana-reyes, "0123"]', '[dana-reyes,"0123"]'),
    "a missing final newline": ("years_pm: 0\n", "years_pm: 0"),
    "a trailing blank line": ("years_pm: 0\n", "years_pm: 0\n\n"),
    "a NUL": ("notes: free text\n", "notes: free\x00text\n"),
    "a trailing comment": ("name: Olu Larsen\n", "name: Olu Larsen  # CEO\n"),
    "a comment inside a person": ("    role: ceo\n", "    # founder\n    role: ceo\n"),
    "a comment inside settings": ("  max_span: 10\n", "  # agreed\n  max_span: 10\n"),
    "an unindented comment above a person": ("  - id: mei-dubois\n", "# x\n  - id: mei-dubois\n"),
    "indented comments at the end": ("years_pm: 0\n", "years_pm: 0\n  # x\n"),
    "an indented comment without its newline": ("years_pm: 0\n", "years_pm: 0\n  #"),
    "a comment before a person's waivers": ("    allow:\n", "    # waived\n    allow:\n"),
}


@pytest.mark.parametrize("old, new", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_a_near_miss_is_left_to_the_full_reader(old, new):
    assert old in CANONICAL
    assert fast_path_agrees(CANONICAL.replace(old, new, 1).encode()) is None


VALUE = re.compile(
    r'^ *(?:- )?[a-z_]+: ([^\[{\n][^\n]*)$|(?<=: )("[^"]*"|[^,{}\[\]\n"][^,{}\[\]\n]*)(?=[,}])', re.MULTILINE
)
"""A value in CANONICAL: the rest of a line (group 1), or a value inside {...} (group 2)."""


@given(st.data())
def test_any_value_written_any_way_reads_the_same_on_both_paths(data):
    value = data.draw(st.sampled_from(list(VALUE.finditer(CANONICAL))))
    in_flow = value[2] is not None
    start, end = value.span(2 if in_flow else 1)
    text = data.draw(hostile_text)
    written = data.draw(st.sampled_from([scalar(text, flow=in_flow), text, double_quoted(text)]))
    fast_path_agrees((CANONICAL[:start] + written + CANONICAL[end:]).encode())


def test_comments_where_the_dumper_writes_them_take_the_fast_path_and_read_the_same():
    org = fully(CANONICAL.encode())
    org.comments = {"orgdesign": (" top",), "settings": ("",), "people": (" all #1",), "": (" end", " end 2")}
    first, last = org.tree_order()[0], org.tree_order()[-1]
    org.put(dataclasses.replace(first, comments=(" first",)))
    org.put(dataclasses.replace(last, comments=(" last", "  indented\ufeff")))
    text = dump_layout(org)
    taken = fast_path_agrees(text.encode())
    assert taken is not None
    assert taken.comments == org.comments
    assert [p.comments for p in taken.tree_order()] == [p.comments for p in org.tree_order()]
    assert fast_path_agrees(dump_layout(_commented_empty()).encode()) is not None


def _commented_empty() -> Org:
    org = Org("Empty")
    org.comments = {"name": (" n",), "people": (" p",), "": (" e",)}
    return org


def test_a_lone_surrogate_is_left_to_the_full_reader():
    assert read_canonical(CANONICAL.replace("Checkout", '"\ud800"'), KNOWN_RULES) is None


def test_mutated_layouts_read_the_same_on_both_paths_whenever_the_fast_path_takes_them():
    canonical_seeds = [CANONICAL.encode()] + [dump_layout(fully(data)).encode() for data in seeds([GOOD, LAYOUTS])]
    taken = sum(
        fast_path_agrees(data) is not None for data in mutants(canonical_seeds + seeds([GOOD, BAD]), MUTANTS, seed=7)
    )
    assert 0 < taken < MUTANTS  # the mutations reach both outcomes
