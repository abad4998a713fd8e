"""Importing JSON: d3-org-chart's flat list, nested trees (dabeng/OrgChart), and orgdesign's own exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.export import Exporter
from orgdesign.export.json import export_json
from orgdesign.export.json_tree import export_json_tree
from orgdesign.importing import ColumnOptions, ImportFailed
from orgdesign.importing.json_import import import_json
from orgdesign.layout import load_layout
from orgdesign.model import Org, Person

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"

D3_FLAT = """[
  {"id": 100, "parentId": "", "name": "Steven", "lastName": "King", "positionName": "CEO", "imageUrl": "a.png"},
  {"id": 101, "parentId": 100, "name": "Neena", "lastName": "Kochhar", "positionName": "VP, Product"},
  {"id": 102, "parentId": 101, "name": "Lex", "lastName": "De Haan", "positionName": "Senior PM, Analytics"}
]
"""

DABENG_TREE = """{
  "name": "Lao Lao", "title": "Chief Product Officer",
  "children": [
    {"name": "Bo Miao", "title": "Director, Product Management",
     "children": [{"name": "Li Jing", "title": "Product Manager - Sales Tools"}]},
    {"name": "Su Miao", "title": "Product Designer"}
  ]
}
"""


def identity(org: Org) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(p.id, p.name, p.role, p.title, p.reports_to) for p in org.people()]


def test_a_d3_flat_list_is_read_with_joined_names_and_mapped_titles() -> None:
    result = import_json(D3_FLAT)
    assert result.problems == []
    assert identity(result.org) == [
        ("100", "Steven King", "ceo", "CEO", None),
        ("101", "Neena Kochhar", "vp_product", "VP, Product", "100"),
        ("102", "Lex De Haan", "senior_pm", "Senior PM, Analytics", "101"),
    ]


def test_a_nested_tree_without_ids_gets_path_ids_and_reports_to_its_enclosing_object() -> None:
    result = import_json(DABENG_TREE)
    assert result.problems == []
    assert identity(result.org) == [
        ("1", "Lao Lao", "cpo", "Chief Product Officer", None),
        ("1.1", "Bo Miao", "director_product", "Director, Product Management", "1"),
        ("1.1.1", "Li Jing", "pm", "Product Manager - Sales Tools", "1.1"),
        ("1.2", "Su Miao", "other", "Product Designer", "1"),
    ]


def test_a_nested_tree_with_ids_uses_them() -> None:
    text = '{"id": "n1", "name": "A", "children": [{"id": "n2", "name": "B", "children": []}]}'
    assert [(p.id, p.reports_to) for p in import_json(text).org.people()] == [("n1", None), ("n2", "n1")]


def test_a_wrapper_object_holding_one_list_of_people_is_read_as_that_list() -> None:
    text = '{"version": 2, "nodes": [{"id": 1, "name": "A"}, {"id": 2, "name": "B", "parentId": 1}]}'
    assert [(p.id, p.reports_to) for p in import_json(text).org.people()] == [("1", None), ("2", "1")]


def test_problems_are_located_at_the_object_they_are_about() -> None:
    text = '[\n  {"id": 1, "name": "A"},\n  {"id": 1, "name": "B"},\n    {"id": 3, "name": "C", "parentId": 9}\n]'
    result = import_json(text)
    assert [(p.line, p.column, p.severity) for p in result.problems] == [(3, 3, "error"), (4, 5, "error")]
    assert "duplicate id" in result.problems[0].message and "'9'" in result.problems[1].message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('[{"id": 1, "name": "A"},\n {"id": 2 "name": "B"}]', 2, 11),
        ("", 1, 1),
        ('"just text"', 1, 1),
        ("[1, 2, 3]", 1, 1),
        ("[" * 100_000, 1, 1),
    ],
)
def test_json_that_holds_no_people_is_a_located_failure(text: str, line: int, column: int) -> None:
    with pytest.raises(ImportFailed) as failure:
        import_json(text)
    [problem] = failure.value.problems
    assert (problem.line, problem.column, problem.severity) == (line, column, "error")


def test_column_options_apply_to_json_keys() -> None:
    text = '[{"key": "a", "who": "Ann", "boss": null}, {"key": "b", "who": "Bob", "boss": "a"}]'
    result = import_json(text, ColumnOptions(id="key", name="who", parent="boss"))
    assert [(p.id, p.name, p.reports_to) for p in result.org.people()] == [("a", "Ann", None), ("b", "Bob", "a")]


@pytest.mark.parametrize("layout", ["startup.yaml", "scaleup.yaml", "enterprise.yaml"])
@pytest.mark.parametrize("exporter", [export_json, export_json_tree])
def test_both_json_exports_import_back_with_ids_names_managers_roles_and_dotted_lines(
    layout: str, exporter: Exporter
) -> None:
    org = load_layout(LAYOUTS / layout)
    back = import_json(exporter(org, {})).org
    assert sorted(identity(back)) == sorted((p.id, p.name, p.role, p.title, p.reports_to) for p in org.people())
    assert {p.id: p.dotted_to for p in back.people()} == {p.id: p.dotted_to for p in org.people()}
    assert {p.id: p.vacancy for p in back.people()} == {p.id: p.vacancy for p in org.people()}


def test_the_tree_export_of_an_org_with_several_tops_has_one_virtual_root_left_out_on_import() -> None:
    org = Org("Two tops", [Person("a", "A", "ceo"), Person("b", "B", "cpo"), Person("c", "C", "pm", reports_to="b")])
    tree = json.loads(export_json_tree(org))
    assert tree["virtual"] is True and [child["id"] for child in tree["children"]] == ["a", "b"]
    back = import_json(export_json_tree(org)).org
    assert [(p.id, p.reports_to) for p in back.people()] == [("a", None), ("b", None), ("c", "b")]


def test_import_reads_a_json_file_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "chart.json"
    source.write_text(DABENG_TREE, encoding="utf-8")
    out = tmp_path / "org.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert load_layout(out)["1.1.1"].reports_to == "1.1"


def test_a_broken_json_file_is_a_located_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "chart.json"
    source.write_text('[{"id": 1,, "name": "A"}]', encoding="utf-8")
    out = tmp_path / "org.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{source}:1:11: error: ")
    assert not out.exists()
