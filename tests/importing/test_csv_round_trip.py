"""`orgdesign export --format csv` then `orgdesign import` gives the same layout back, every field included."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgdesign.cli import main
from orgdesign.export.csv import COLUMNS, FORMULA_STARTS, export_csv
from orgdesign.importing import import_csv
from orgdesign.layout import dump_layout, load_layout
from orgdesign.model import PROFILES, Org, Person, Settings, Unit, Waiver
from orgdesign.rules import known_codes

LAYOUTS = sorted((Path(__file__).resolve().parents[2] / "layouts").glob("*.yaml"))
FORMULAS = [
    "\uff1dSUM(A1)",
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "'=quoted",
    "'",
    "",
]


def round_trip(org: Org) -> Org:
    result = import_csv(export_csv(org, {}))
    assert result.problems == []
    return result.org


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda path: path.name)
def test_every_shipped_layout_comes_back_the_same(layout):
    org = load_layout(layout)
    back = round_trip(org)
    assert dump_layout(back) == dump_layout(org)
    assert list(back.tree_order()) == list(org.tree_order())


def test_cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back_exactly():
    people = [Person("ceo", "Boss", "ceo")]
    people += [
        Person(f"p{index}", text or "x", "pm", reports_to="ceo", title=text, notes=text, product=text)
        for index, text in enumerate(FORMULAS)
    ]
    people.append(Person("-id", "=1+2", "pm", reports_to="ceo", dotted_to=("-id2",)))
    people.append(Person("-id2", "@me", "pm", reports_to="ceo"))
    org = Org("=org", people)
    text = export_csv(org, {})
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), row
    assert '"\'=HYPERLINK(""http://evil"",""x"")"' in text
    back = round_trip(org)
    assert dump_layout(back) == dump_layout(org)
    assert back["p8"].title == "'" and back["p9"].title == "" and back["ceo"].title is None


def test_a_real_leading_apostrophe_survives_the_round_trip():
    org = Org("O'Brien & co", [Person("'q", "'Connor", "ceo", title="''twice")])
    back = round_trip(org)
    assert (back["'q"].name, back["'q"].title, back.name) == ("'Connor", "''twice", "O'Brien & co")


def test_ids_with_semicolons_or_brackets_keep_their_dotted_lines():
    people = [
        Person("a;b", "A", "ceo"),
        Person("[c", "C", "pm", reports_to="a;b"),
        Person("d", "D", "pm", reports_to="a;b", dotted_to=("a;b", "[c")),
        Person("e", "E", "pm", reports_to="a;b", dotted_to=("[c",)),
    ]
    back = round_trip(Org("Odd ids", people))
    assert back["d"].dotted_to == ("a;b", "[c") and back["e"].dotted_to == ("[c",)


def test_the_org_cell_carries_name_profile_settings_and_units():
    org = Org(
        "Acme",
        [Person("a", "Ann", "ceo", unit="pay")],
        profile="enterprise",
        settings=Settings(max_span=5, max_layers=3, disable=("PRD101",)),
        units=[Unit("pay", "Payments"), Unit("empty", "A unit nobody is in")],
    )
    row = next(csv.DictReader(io.StringIO(export_csv(org, {}), newline="")))
    assert json.loads(row["org"])["units"][1] == {"id": "empty", "name": "A unit nobody is in"}
    back = round_trip(org)
    assert (back.name, back.profile, back.settings, back.units) == (org.name, org.profile, org.settings, org.units)


def test_the_org_cell_may_move_to_another_row_but_only_one_is_read():
    org = Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "pm", reports_to="a")], profile="startup")
    header, first, second = list(csv.reader(io.StringIO(export_csv(org, {}), newline="")))
    second[-1], first[-1] = first[-1], ""
    result = import_csv(_csv([header, first, second]))
    assert (result.org.name, result.org.profile, result.problems) == ("Acme", "startup", [])
    first[-1] = second[-1]
    problems = import_csv(_csv([header, first, second])).problems
    assert [(p.line, p.column, p.severity) for p in problems] == [(3, COLUMNS.index("org") + 1, "error")]


def test_broken_cells_of_an_exported_file_are_located_errors_and_the_row_is_still_read():
    org = Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "pm", reports_to="a")])
    header, first, second = list(csv.reader(io.StringIO(export_csv(org, {}), newline="")))
    broken = dict(zip(header, second, strict=True))
    broken.update(years_pm="-3", vacancy="maybe", allow='[{"rule": "NOPE1", "reason": "r"}]', dotted_to="[[[")
    broken.update(unit="nowhere")
    first[-1] = "{" * 5000
    result = import_csv(_csv([header, first, list(broken.values())]))
    located = {(p.line, header[p.column - 1], p.severity) for p in result.problems}
    assert located == {
        (2, "org", "error"),
        (3, "years_pm", "error"),
        (3, "vacancy", "error"),
        (3, "allow", "error"),
        (3, "dotted_to", "error"),
        (3, "unit", "warning"),
    }
    bob = result.org["b"]
    assert (bob.years_pm, bob.vacancy, bob.allow, bob.dotted_to, bob.unit) == (None, False, (), (), "nowhere")
    assert [unit.id for unit in result.org.units] == ["nowhere"]


def test_a_file_from_elsewhere_keeps_its_apostrophes_and_trims_spaces():
    result = import_csv("id,name\n1,  'Connor  \n2,'=1+1\n")
    assert [result.org[pid].name for pid in "12"] == ["'Connor", "'=1+1"]


def test_the_command_line_round_trip_keeps_the_name_unless_told_otherwise(tmp_path, capsys):
    source = LAYOUTS[0]
    exported, back = tmp_path / "org.csv", tmp_path / "back.yaml"
    assert main(["export", str(source), "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(back)]) == 0
    assert back.read_text(encoding="utf-8") == dump_layout(load_layout(source))
    renamed = tmp_path / "renamed.yaml"
    assert main(["import", str(exported), "-o", str(renamed), "--layout-name", "New", "--profile", "startup"]) == 0
    assert (load_layout(renamed).name, load_layout(renamed).profile) == ("New", "startup")


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows(rows)
    return buffer.getvalue()


# -- property ----------------------------------------------------------------------------------

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10)
filled = texts.filter(bool)
codes = st.sampled_from(sorted(known_codes()))


@st.composite
def full_orgs(draw: st.DrawFn) -> Org:
    units = draw(st.lists(st.builds(Unit, filled, filled), max_size=3, unique_by=lambda unit: unit.id))
    ids = draw(st.lists(filled, min_size=1, max_size=10, unique=True))
    people = []
    for index, pid in enumerate(ids):
        others = [other for other in ids if other != pid]
        people.append(
            Person(
                pid,
                draw(filled),
                draw(st.sampled_from(["ceo", "cpo", "pm", "senior_pm", "other"])),
                title=draw(st.none() | texts),
                reports_to=draw(st.sampled_from([None, *ids[:index]])),
                dotted_to=tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=2))) if others else (),
                unit=draw(st.sampled_from([None, *(unit.id for unit in units)])),
                product=draw(st.none() | texts),
                years_pm=draw(st.none() | st.integers(0, 10**6)),
                vacancy=draw(st.booleans()),
                notes=draw(st.none() | texts),
                allow=tuple(draw(st.lists(st.builds(Waiver, codes, filled.filter(str.strip)), max_size=2))),
            )
        )
    limits = st.integers(1, 10**6)
    org_settings = Settings(draw(limits), draw(limits), tuple(draw(st.lists(codes, unique=True, max_size=2))))
    return Org(draw(filled), people, profile=draw(st.sampled_from(PROFILES)), settings=org_settings, units=units)


@given(full_orgs())
def test_any_org_comes_back_from_csv_exactly(org):
    back = round_trip(org)
    assert dump_layout(back) == dump_layout(org)
    assert [(p, p.id) for p in back.tree_order()] == [(p, p.id) for p in org.tree_order()]


def test_an_empty_text_where_an_id_belongs_is_left_out_with_an_error():
    org = Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "pm", reports_to="a", unit=None)])
    header, first, second = list(csv.reader(io.StringIO(export_csv(org, {}), newline="")))
    columns = {name: index for index, name in enumerate(header)}
    second[columns["reports_to"]] = second[columns["unit"]] = "'"
    result = import_csv(_csv([header, first, second]))
    assert {(p.line, header[p.column - 1]) for p in result.problems} == {(3, "reports_to"), (3, "unit")}
    assert (result.org["b"].reports_to, result.org["b"].unit, result.org.units) == (None, None, ())
