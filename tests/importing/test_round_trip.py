"""Export to CSV, flat JSON or nested JSON, import the file: the same layout comes back, every field of it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from csv_mutations import TRAP_CELLS, check_import
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesign.cli import main
from orgdesign.export import Exporter
from orgdesign.export.csv import export_csv
from orgdesign.export.json import export_json
from orgdesign.export.json_tree import export_json_tree
from orgdesign.importing import ImportResult, import_csv
from orgdesign.importing.json_import import import_json
from orgdesign.layout import dump_layout, load_layout
from orgdesign.model import PROFILES, Org, Person, Settings, Unit, Waiver
from orgdesign.roles import ROLE_ALIASES, ROLES
from orgdesign.rules import known_codes
from orgdesign.templates import list_templates

FORMATS: dict[str, tuple[Callable[[Org], str], Callable[[str], ImportResult], str]] = {
    "csv": (lambda org: export_csv(org, {}), import_csv, ".csv"),
    "json": (lambda org: export_json(org, {}), import_json, ".json"),
    "json-tree": (lambda org: export_json_tree(org, {}), import_json, ".json"),
}
SHIPPED = sorted({template.path for template in list_templates()})


def round_trip(org: Org, export_format: str) -> Org:
    export, read, _ = FORMATS[export_format]
    result = read(export(org))
    assert result.problems == []
    return result.org


def assert_same_layout(back: Org, org: Org) -> None:
    """Same file text (every field, in order) and the same people in the same order, field by field."""
    assert dump_layout(back) == dump_layout(org)
    assert [(p, p.id) for p in back.tree_order()] == [(p, p.id) for p in org.tree_order()]
    assert (back.name, back.profile, back.settings, back.units) == (org.name, org.profile, org.settings, org.units)


@pytest.mark.parametrize("export_format", sorted(FORMATS))
@pytest.mark.parametrize("layout", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_layout_comes_back_the_same_from_the_command_line(
    layout: Path, export_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, back = tmp_path / f"org{FORMATS[export_format][2]}", tmp_path / "back.yaml"
    assert main(["export", str(layout), "--format", export_format, "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(back)]) == 0
    err = capsys.readouterr().err
    assert "read as written" in err and "mapped to other" not in err, "no title was mapped, so no mapping report"
    assert back.read_text(encoding="utf-8") == layout.read_text(encoding="utf-8")
    assert_same_layout(load_layout(back), load_layout(layout))


# -- generated layouts -------------------------------------------------------------------------

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
"""Any characters a layout can hold: controls, quotes, separators, formula starts, bidi, emoji."""
filled = any_text.filter(bool)
awkward = st.sampled_from(["=1+1", "+x", "-", "@me", "\t", "\r\n", "'", "''q", "[a", "a;b", "{}", "null", "true", " "])
texts = any_text | awkward
ids = filled | awkward.filter(str.strip)
codes = st.sampled_from(sorted(known_codes()))


@st.composite
def layouts(draw: st.DrawFn) -> Org:
    """An org using every field of the format: several tops, units, dotted lines, waivers, settings."""
    units = draw(st.lists(st.builds(Unit, ids, filled), max_size=3, unique_by=lambda unit: unit.id))
    people_ids = draw(st.lists(ids, min_size=1, max_size=10, unique=True))
    people = [draw(_person(pid, people_ids, index, units)) for index, pid in enumerate(people_ids)]
    limits = st.integers(1, 10**6)
    org_settings = Settings(
        draw(limits),
        draw(limits),
        tuple(draw(st.lists(codes, unique=True, max_size=2))),
        tuple(draw(st.lists(st.sampled_from(sorted(ROLE_ALIASES)), unique=True))),
    )
    return Org(draw(filled), people, profile=draw(st.sampled_from(PROFILES)), settings=org_settings, units=units)


def _person(pid: str, people_ids: list[str], index: int, units: list[Unit]) -> st.SearchStrategy[Person]:
    """Someone who reports to nobody or to someone before them (so the reporting lines form a forest)."""
    others = [other for other in people_ids if other != pid]
    return st.builds(
        Person,
        id=st.just(pid),
        name=filled | awkward,
        role=st.sampled_from(sorted(ROLES)),
        title=st.none() | texts,
        reports_to=st.sampled_from([None, *people_ids[:index]]),
        dotted_to=st.lists(st.sampled_from(others), unique=True, max_size=2).map(tuple) if others else st.just(()),
        unit=st.sampled_from([None, *(unit.id for unit in units)]),
        product=st.none() | texts,
        years_pm=st.none() | st.integers(0, 10**6),
        vacancy=st.booleans(),
        notes=st.none() | texts,
        allow=st.lists(st.builds(Waiver, codes, filled.filter(str.strip)), max_size=2).map(tuple),
    )


@pytest.mark.parametrize("export_format", sorted(FORMATS))
@settings(max_examples=100, deadline=None)
@given(org=layouts())
def test_any_layout_comes_back_exactly(export_format: str, org: Org) -> None:
    assert_same_layout(round_trip(org, export_format), org)


# -- what the JSON files carry ----------------------------------------------------------------


def test_the_nested_json_shows_a_chart_the_title_or_role_and_keeps_the_layout_title_apart() -> None:
    org = Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "pm", reports_to="a", title="PM, Payments")])
    tree = json.loads(export_json_tree(org, {}))
    report = tree["children"][0]
    assert (tree["title"], tree["job_title"], report["title"], report["job_title"]) == (
        "CEO",
        None,
        "PM, Payments",
        "PM, Payments",
    )
    assert tree["org"]["name"] == "Acme" and "org" not in report
    assert round_trip(org, "json-tree")["a"].title is None


def test_moving_a_person_in_the_chart_moves_them_in_the_layout() -> None:
    org = Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "cpo", reports_to="a"), Person("c", "Cy", "pm")])
    nodes = json.loads(export_json(org, {}))
    person = next(node for node in nodes if node["id"] == "c")
    person["parentId"] = "b"
    assert import_json(json.dumps(nodes)).org["c"].reports_to == "b"


def test_a_top_keeps_a_manager_who_is_not_in_the_chart_only_as_an_error() -> None:
    nodes = json.loads(export_json(Org("Acme", [Person("a", "Ann", "ceo"), Person("b", "Bob", "pm")]), {}))
    next(node for node in nodes if node["id"] == "b")["reports_to"] = "gone"
    result = import_json(json.dumps(nodes, indent=1))
    assert [(p.severity, "'gone'" in p.message) for p in result.problems] == [("error", True)]
    assert result.org["b"].reports_to is None


def test_a_list_where_a_text_belongs_is_a_located_error_and_the_rest_of_the_person_is_read() -> None:
    nodes = json.loads(export_json(Org("Acme", [Person("a", "Ann", "ceo", notes="n")]), {}))
    nodes[0]["product"] = ["not", "a", "text"]
    result = import_json(json.dumps(nodes, indent=1))
    assert [(p.line, p.column, p.severity, "product" in p.message) for p in result.problems] == [(2, 2, "error", True)]
    assert (result.org["a"].product, result.org["a"].notes) == (None, "n")


def test_an_unknown_alias_in_the_org_cell_is_left_out_with_an_error() -> None:
    nodes = json.loads(export_json(Org("Acme", [Person("a", "Ann", "ceo")]), {}))
    nodes[0]["org"]["settings"]["aliases"] = ["cpo_is_head", "no_such_alias"]
    result = import_json(json.dumps(nodes))
    assert result.org.settings.aliases == ("cpo_is_head",)
    assert [p.severity for p in result.problems] == ["error"] and "no_such_alias" in result.problems[0].message


# -- edited exports ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts | st.sampled_from(TRAP_CELLS),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)


@pytest.mark.parametrize("exporter", [export_json, export_json_tree])
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_an_exported_json_edited_anywhere_imports_or_gives_located_errors(
    exporter: Exporter, data: st.DataObject
) -> None:
    """Any value of any key of any object (the org included) replaced: no traceback, a layout that loads."""
    document = json.loads(exporter(data.draw(layouts()), {}))
    target = data.draw(st.sampled_from(list(_objects(document))))
    target[data.draw(st.sampled_from(sorted(target)) | texts)] = data.draw(json_values)
    edited = json.dumps(document, ensure_ascii=False).encode("utf-8")
    assert check_import(edited, import_json) in ("imported", "refused")


def _objects(value: object) -> Iterator[dict[str, object]]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


@pytest.mark.parametrize("export_format", sorted(FORMATS))
def test_a_waiver_whose_rule_is_not_a_text_is_left_out_with_an_error(export_format: str) -> None:
    export, read, _ = FORMATS[export_format]
    text = export(Org("Acme", [Person("a", "Ann", "ceo", allow=(Waiver("PRD101", "agreed"),))]))
    result = read(text.replace('"rule": "PRD101"', '"rule": []').replace('""rule"": ""PRD101""', '""rule"": []'))
    assert [p.severity for p in result.problems] == ["error"] and result.org["a"].allow == ()


def test_keys_a_chart_added_to_an_exported_json_are_ignored() -> None:
    nodes = json.loads(export_json(Org("Acme", [Person("a", "Ann", "ceo")]), {}))
    nodes[0].update(tags=["lead", "remote"], _expanded=True, style={"color": "red"})
    result = import_json(json.dumps(nodes))
    assert result.problems == [] and dump_layout(result.org) == dump_layout(Org("Acme", [Person("a", "Ann", "ceo")]))
