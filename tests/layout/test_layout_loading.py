"""Loading: scalars read by the schema, locations, and each load error where it belongs."""

from __future__ import annotations

import os
import sys

import pytest
from layout_helpers import KNOWN_RULES, error_lines, layout, load_text

from orgdesign.layout import FileStamp, LayoutError, load_layout, loads_layout, open_layout, source
from orgdesign.model import Settings, Unit, Waiver

ISSUE_EXAMPLE = """\
orgdesign: 1                 # required: format version
name: Acme product org       # required
profile: scaleup
settings:
  max_span: 12
  max_layers: 8
  disable: [SPN202]
units:
  - {id: payments, name: Payments}
people:
  - id: dana
    name: Dana Reyes
    role: ceo
    title: Founder & CEO
    reports_to: null
    dotted_to: [lee]
    unit: payments
    product: Checkout
    years_pm: 6
    vacancy: true
    notes: free text
    allow:
      - {rule: PRD102, reason: interim until the new GPM starts}
  - id: lee
    name: Lee
    role: cto
    reports_to: dana
"""


def test_the_example_of_the_format_loads_with_every_field():
    org = load_text(ISSUE_EXAMPLE)
    dana = org["dana"]
    assert (org.name, org.profile, org.units) == ("Acme product org", "scaleup", (Unit("payments", "Payments"),))
    assert org.settings == Settings(max_span=12, max_layers=8, disable=("SPN202",))
    assert (dana.title, dana.reports_to, dana.dotted_to, dana.unit) == ("Founder & CEO", None, ("lee",), "payments")
    assert (dana.product, dana.years_pm, dana.vacancy, dana.notes) == ("Checkout", 6, True, "free text")
    assert dana.allow == (Waiver("PRD102", "interim until the new GPM starts"),)
    assert org.manager("lee") == dana


def test_every_person_keeps_the_line_and_column_it_was_read_from():
    org = load_text(ISSUE_EXAMPLE)
    assert (org["dana"].line, org["dana"].column) == (11, 5)
    assert (org["lee"].line, org["lee"].column) == (24, 5)


@pytest.mark.parametrize(
    ("written", "read"),
    [("0123", "0123"), ("No", "No"), ("1e3", "1e3"), ("12", "12"), ("true", "true"), ("null", "null"),
     ("~", "~"), ("2024-01-01", "2024-01-01"), ("0x1F", "0x1F"), ("'quoted'", "quoted"), ('"a\\tb"', "a\tb")],
)  # fmt: skip
def test_text_fields_are_strings_exactly_as_written(written, read):
    org = load_text(layout(f"  - id: {written}", f"    name: {written}", "    role: pm", f"    title: {written}"))
    person = next(org.people())
    assert (person.id, person.name, person.title) == (read, read, read)


@pytest.mark.parametrize("written", ["null", "~", "", "Null", "NULL"])
def test_reports_to_null_tilde_or_nothing_means_no_manager(written):
    org = load_text(layout("  - id: a", "    name: A", "    role: ceo", f"    reports_to: {written}"))
    assert org["a"].reports_to is None


def test_a_quoted_null_is_an_id_like_any_other():
    org = load_text(layout("  - {id: a, name: A, role: ceo, reports_to: 'null'}"))
    assert org["a"].reports_to == "null"


@pytest.mark.parametrize(("written", "read"), [("true", True), ("TRUE", True), ("False", False), ("fAlSe", False)])
def test_vacancy_is_true_or_false_in_any_case(written, read):
    assert load_text(layout(f"  - {{id: a, name: A, role: pm, vacancy: {written}}}"))["a"].vacancy is read


def test_empty_optional_fields_are_unset_but_quoted_empty_text_is_kept():
    org = load_text(layout("  - id: a", "    name: A", "    role: pm", "    title:", "    notes: ''", "    dotted_to:"))
    assert (org["a"].title, org["a"].notes, org["a"].dotted_to) == (None, "", ())


def test_graph_problems_are_not_load_errors():
    org = load_text(
        layout(
            "  - {id: a, name: A, role: ceo}",
            "  - {id: b, name: B, role: ceo}",
            "  - {id: c, name: C, role: pm, reports_to: nobody}",
            "  - {id: d, name: D, role: pm, reports_to: e}",
            "  - {id: e, name: E, role: pm, reports_to: d}",
        )
    )
    assert [p.id for p in org.tops()] == ["a", "b", "c"]
    assert len(org) == 5


def test_every_error_of_a_file_is_reported_at_once_in_file_order():
    text = layout(
        "  - id: a",
        "    name: A",
        "    role: boss",
        "    vacancy: yes",
        "  - id: a",
        "    name: [A]",
        "    role: pm",
        head="orgdesign: 1\nname: Acme\nprofil: startup\n",
    )
    assert error_lines(text) == [
        "<string>:3:1: error: unknown key 'profil' in the layout: did you mean 'profile'?",
        "<string>:7:11: error: unknown role 'boss': expected one of associate_pm, ceo, cmo, coo, cpo, cto, "
        "director_product, gpm, head_of_product, other, pm, principal_pm, senior_pm, technical_pm, vp_product",
        "<string>:8:14: error: vacancy must be true or false: write true instead of 'yes'",
        "<string>:9:9: error: duplicate id 'a': the person at line 5 already has it; ids must be unique",
        "<string>:10:11: error: name must be a single value, not a list",
    ]


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (["  - {id: a, name: A, role: pm, role: pm}"], "4:32: error: duplicate key 'role'"),
        (
            ["  - {id: a, name: A, role: pm}", "  - {id: a, name: B, role: pm}"],
            "5:10: error: duplicate id 'a': the person at line 4",
        ),
        (["  - id: a", "    name: A"], "4:5: error: this person has no 'role': add it"),
        (["  - {id: a, name: A, role: pm, boss: b}"], "4:32: error: unknown key 'boss' in a person"),
        (
            ["  - {id: a, name: A, role: pm, years_pm: '3'}"],
            "4:42: error: years_pm must be a whole number of at least 0: write 3",
        ),
        (["  - {id: a, name: A, role: pm, unit: u}"], "4:38: error: unknown unit 'u': declare it under units"),
        (["  - {id: a, name: !!str A, role: pm}"], "4:19: error: tag '!!str' is not allowed"),
        (["  - {id: a, name: A, role: pm, allow: [{rule: PRD102}]}"], "4:40: error: this waiver has no 'reason'"),
        (["  - {id: a, name: A, role: pm, allow: [{rule: NOPE, reason: r}]}"], "4:47: error: unknown rule 'NOPE'"),
        (["  - {id: a, name: A, role: pm, title: *x}"], "4:39: error: alias *x is not allowed"),
        (["  - id: a", "\t name: A"], "5:1: error: a tab character: YAML indents with spaces only"),
    ],
)
def test_each_load_error_points_at_the_exact_line_and_column(people, expected):
    (line,) = error_lines(layout(*people))
    assert line.startswith(f"<string>:{expected}")


def test_unknown_rule_codes_are_checked_against_the_rule_catalogue(monkeypatch):
    calls = []

    def catalogue():
        calls.append(True)
        return frozenset({"PRD102"})

    monkeypatch.setattr("orgdesign.layout.reader.catalogue_codes", catalogue)
    text = layout("  - {id: a, name: A, role: pm, allow: [{rule: PRD102, reason: r}, {rule: PRD103, reason: r}]}")
    with pytest.raises(LayoutError) as raised:
        loads_layout(text)
    assert [e.message for e in raised.value.errors] == ["unknown rule 'PRD103': did you mean 'PRD102'?"]
    assert calls == [True]


def test_the_rule_catalogue_is_not_consulted_when_no_rule_is_named(monkeypatch):
    monkeypatch.setattr("orgdesign.layout.reader.catalogue_codes", lambda: pytest.fail("catalogue consulted"))
    assert len(loads_layout(layout("  - {id: a, name: A, role: pm}"))) == 1


def test_the_real_rule_catalogue_is_used_by_default_when_it_exists():
    known_codes = pytest.importorskip("orgdesign.rules").__dict__.get("known_codes")
    if known_codes is None:
        pytest.skip("orgdesign.rules.known_codes is not written yet")
    code = sorted(known_codes())[0]
    org = loads_layout(layout(f"  - {{id: a, name: A, role: pm, allow: [{{rule: {code}, reason: r}}]}}"))
    assert org["a"].allow == (Waiver(code, "r"),)


def test_open_layout_returns_the_stamp_of_the_bytes_it_read(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    org, stamp = open_layout(path, known_rules=KNOWN_RULES)
    assert org == load_layout(path, known_rules=KNOWN_RULES)
    assert stamp == FileStamp.of(path) == FileStamp.of_bytes(ISSUE_EXAMPLE.encode())


def test_a_missing_file_is_a_located_error(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(LayoutError) as raised:
        load_layout(path)
    assert str(raised.value) == f"{path}:1:1: error: no such file: check the path and the file name"


def test_a_folder_is_a_located_error(tmp_path):
    with pytest.raises(LayoutError) as raised:
        load_layout(tmp_path)
    assert (
        str(raised.value)
        == f"{tmp_path}:1:1: error: this is a folder, not a layout file: give the path of a .yaml file"
    )


def test_an_unreadable_file_is_a_located_error(tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text(ISSUE_EXAMPLE, encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source.os, "open", refuse)
    with pytest.raises(LayoutError) as raised:
        load_layout(path)
    monkeypatch.undo()
    assert str(raised.value) == f"{path}:1:1: error: permission denied: the file cannot be read; check its permissions"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_a_file_without_read_permission_is_a_located_error(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LayoutError) as raised:
        load_layout(path)
    assert "permission denied" in str(raised.value)


def test_loads_layout_applies_the_same_text_checks_as_a_file():
    with pytest.raises(LayoutError) as raised:
        loads_layout("orgdesign: 1\nname: a\x07b\npeople: []\n", "x.yaml")
    assert str(raised.value).startswith("x.yaml:2:8: error: control character U+0007 is not allowed in YAML")


def test_deep_nesting_is_refused_quickly_and_without_recursion():
    deep = "[" * 100_000 + "]" * 100_000  # libyaml alone would need minutes for this
    assert error_lines(layout("  - id: a", "    name: A", "    role: pm", f"    title: {deep}")) == [
        "<string>:7:12: error: title must be a single value, not a list",
        "<string>:7:76: error: more than 64 levels of nesting: a layout never needs this; simplify this value",
    ]


def test_a_layout_never_runs_code(monkeypatch):
    ran = []
    monkeypatch.setattr(os, "system", ran.append)
    with pytest.raises(LayoutError):
        load_text("orgdesign: 1\nname: !!python/object/apply:os.system ['echo pwned']\npeople: []\n")
    assert ran == []


@pytest.mark.parametrize(
    ("written", "meant"),
    [("product_manager", "pm"), ("Product Manager", "pm"), ("APM", "associate_pm"), ("vp-of-product", "vp_product")],
)
def test_an_unknown_role_is_matched_by_meaning(written: str, meant: str):
    text = layout("  - id: a", "    name: A", f"    role: {written}", head="orgdesign: 1\nname: Acme\n")
    [line] = error_lines(text)
    assert line.endswith(f"did you mean '{meant}'?")
