"""The canonical dump: exact text, quoting, and the round trip load(dump(org)) == org."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_helpers import load_text
from layout_strategies import TRAPS, hostile_text, orgs

from orgdesign.edits import MovePerson, UpdatePerson
from orgdesign.layout import dump_layout
from orgdesign.layout.dumper import scalar
from orgdesign.model import Org, Person, Settings, Unit, Waiver

ACME = """\
orgdesign: 1
name: Acme product org
profile: enterprise
settings:
  max_span: 9
  disable: [SPN202, PRD101]
units:
  - {id: payments, name: "Payments, Inc."}
people:
  - id: dana
    name: Dana Reyes
    role: ceo
    title: Founder & CEO
  - id: lee
    name: Lee Park
    role: cto
    reports_to: dana
  - id: "0123"
    name: "No"
    role: cpo
    reports_to: dana
    dotted_to: [lee, "a, b"]
    unit: payments
    product: Checkout
    years_pm: 6
    vacancy: true
    notes: "line one\\nline two"
    allow:
      - {rule: PRD102, reason: "interim: until the new GPM starts"}
"""


def acme() -> Org:
    return Org(
        "Acme product org",
        [
            Person("dana", "Dana Reyes", "ceo", title="Founder & CEO"),
            Person("lee", "Lee Park", "cto", reports_to="dana"),
            Person(
                "0123",
                "No",
                "cpo",
                reports_to="dana",
                dotted_to=("lee", "a, b"),
                unit="payments",
                product="Checkout",
                years_pm=6,
                vacancy=True,
                notes="line one\nline two",
                allow=(Waiver("PRD102", "interim: until the new GPM starts"),),
            ),
        ],
        profile="enterprise",
        settings=Settings(max_span=9, disable=("SPN202", "PRD101")),
        units=[Unit("payments", "Payments, Inc.")],
    )


def test_the_dump_is_exactly_the_canonical_text():
    assert dump_layout(acme()) == ACME


def test_the_canonical_text_loads_back_to_the_same_org():
    assert load_text(ACME) == acme()


def test_people_are_written_in_tree_order_with_siblings_in_display_order():
    org = Org(
        "x", [Person("c", "C", "pm", reports_to="a"), Person("a", "A", "ceo"), Person("b", "B", "pm", reports_to="a")]
    )
    ids = [line.split(": ")[1] for line in dump_layout(org).splitlines() if line.startswith("  - id: ")]
    assert ids == ["a", "c", "b"]


def test_an_org_without_people_or_settings_writes_only_what_it_has():
    assert dump_layout(Org("Empty")) == "orgdesign: 1\nname: Empty\nprofile: scaleup\npeople: []\n"


def test_changing_one_field_of_one_person_changes_exactly_one_line():
    org = load_text(ACME)
    UpdatePerson("lee", title="CTO & co-founder").apply(org)
    before, after = ACME.splitlines(), dump_layout(org).splitlines()
    assert len(after) == len(before) + 1  # the title line is new
    org2 = load_text(ACME)
    UpdatePerson("dana", title="CEO").apply(org2)
    changed = [(a, b) for a, b in zip(before, dump_layout(org2).splitlines(), strict=True) if a != b]
    assert changed == [("    title: Founder & CEO", "    title: CEO")]


def test_moving_a_person_changes_only_their_reports_to_line_when_their_place_is_unchanged():
    org = Org(
        "x", [Person("a", "A", "ceo"), Person("b", "B", "cto", reports_to="a"), Person("c", "C", "pm", reports_to="b")]
    )
    before = dump_layout(org).splitlines()
    MovePerson("c", "a").apply(org)
    after = dump_layout(org).splitlines()
    changed = [(x, y) for x, y in zip(before, after, strict=True) if x != y]
    assert changed == [("    reports_to: b", "    reports_to: a")]


PLAIN = ["Dana Reyes", "Founder & CEO", "R&D", "O'Brien", "日本語", "a:b", "a#b", "Payments team (EU)", "100%", "v1.2"]


def test_ordinary_text_is_written_plain():
    assert [scalar(text) for text in PLAIN] == PLAIN


def test_every_trap_is_quoted_or_reads_back_identically_with_yaml_safe_load():
    for text in TRAPS:
        written = scalar(text)
        assert yaml.safe_load(f"value: {written}")["value"] == text, written
        assert load_text(f"orgdesign: 1\nname: {written}\npeople: []\n").name == text


def test_yaml_11_look_alikes_are_quoted():
    for text in ["No", "yes", "null", "~", "0123", "1e3", "12", "true", "2024-01-01", "<<", "="]:
        assert scalar(text).startswith('"'), text


def test_invisible_and_control_characters_are_escaped_so_a_diff_shows_them():
    assert scalar("a\u202eb") == '"a\\u202eb"'
    assert scalar("\x1b[31mred") == '"\\e[31mred"'
    assert scalar("tab\there") == '"tab\\there"'
    assert scalar("a\u2028b") == '"a\\Lb"'


def test_the_dump_never_wraps_long_text():
    org = Org("x" * 20_000, [Person("p", "y " * 10_000, "pm")])
    text = dump_layout(org)
    assert text.count("\n") == 7
    assert load_text(text) == org


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orgs())
def test_load_of_dump_is_the_identity(org):
    text = dump_layout(org)
    again = load_text(text)
    assert again == org
    assert dump_layout(again) == text


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orgs(max_people=4))
def test_yaml_safe_load_reads_the_dump_as_the_same_strings(org):
    data = yaml.safe_load(dump_layout(org))
    assert data["name"] == org.name
    assert [p["id"] for p in data["people"]] == [p.id for p in org.tree_order()]
    for written, person in zip(data["people"], org.tree_order(), strict=True):
        assert written["name"] == person.name
        assert written.get("title") == person.title
        assert written.get("reports_to") == person.reports_to
        assert tuple(written.get("dotted_to", ())) == person.dotted_to
        assert written.get("notes") == person.notes
        assert written.get("years_pm") == person.years_pm


@settings(max_examples=300, deadline=None)
@given(hostile_text, st.booleans())
def test_any_single_string_survives_both_readers(text, flow):
    written = f"[{scalar(text, flow=True)}]" if flow else scalar(text)
    expected = [text] if flow else text
    assert yaml.safe_load(f"value: {written}")["value"] == expected


class _SpecYaml11Loader(yaml.SafeLoader):
    """A YAML 1.1 reader that follows the spec where PyYAML does not: `y`, `n`, `Y` and `N` are
    bools, and (as some readers do) words and special floats are read in any case."""


_SpecYaml11Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?i:y|n|yes|no|true|false|on|off)$"),
    list("yYnNtTfFoO"),
)
_SpecYaml11Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?i:null|~)$"), list("nN~"))
_SpecYaml11Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?\.(?i:inf|nan)$"), list("-+."))

YAML_11_LOOK_ALIKES = [
    *("y", "n", "Y", "N", "yes", "No", "NO", "yEs", "nO", "on", "On", "ON", "oN", "off", "OfF", "TrUe", "fALSE"),
    *("~", "null", "Null", "NULL", "nUlL", "0123", "017", "0o17", "0x1F", "0x1f", "0b101", "-0b1", "1_000"),
    *("1:20", "0:20", "-1:20", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".NaN", ".nan", "1e3", "1.5e-3", ".5", "+12"),
]


@pytest.mark.parametrize("text", YAML_11_LOOK_ALIKES)
def test_yaml_11_bools_nulls_and_numbers_in_any_case_are_quoted_and_read_back_as_strings(text):
    org = Org(text, [Person(text, text, "ceo", title=text, notes=text, dotted_to=(text,))])
    dumped = dump_layout(org)
    assert f'name: "{text}"' in dumped
    for loader in (yaml.SafeLoader, _SpecYaml11Loader):
        data = yaml.load(dumped, Loader=loader)
        person = data["people"][0]
        assert data["name"] == person["id"] == person["name"] == person["title"] == person["notes"] == text
        assert person["dotted_to"] == [text]
    assert load_text(dumped) == org
