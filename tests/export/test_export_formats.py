"""What each export format promises, checked by parsing the output back."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from org_samples import HOSTILE_SEVERITY, INJECTIONS, chain_org, cyclic_org, hostile_org, injection_org

from orgdesign.export import EXPORTERS, severity_by_person
from orgdesign.export.csv import COLUMNS
from orgdesign.export.json import VIRTUAL_ROOT_ID, virtual_root_id
from orgdesign.export.svg import export_svg
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Finding, Severity

SVG = "{http://www.w3.org/2000/svg}"
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def one_line(text: str) -> str:
    return " ".join(text.split())


def svg_boxes(document: str) -> dict[str, ET.Element]:
    root = ET.fromstring(document.encode("utf-8"))
    return {g.get("data-id"): g for g in root.iter(f"{SVG}g") if g.get("data-id") is not None}


# -- SVG ---------------------------------------------------------------------------------------


def test_svg_parses_as_xml_with_a_box_for_every_person():
    org = hostile_org()
    boxes = svg_boxes(export_svg(org, HOSTILE_SEVERITY))
    assert set(boxes) == {p.id for p in org.people()}
    for person in org.people():
        tooltip = boxes[person.id].find(f"{SVG}title").text
        assert tooltip.splitlines()[0] == XML_INVALID.sub("", one_line(person.name))


def test_svg_of_hostile_names_parses_has_no_script_and_keeps_each_name_as_text():
    org = injection_org()
    text = export_svg(org, {})
    root = ET.fromstring(text)
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "foreignObject", "a", "image")]
    assert not [name for e in root.iter() for name in e.attrib if name.lower().startswith("on") or "href" in name]
    tooltips = {box.find(f"{SVG}title").text.splitlines()[0] for box in svg_boxes(text).values()}
    non_xml = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
    assert tooltips == {non_xml.sub("", one_line(person.name)) for person in org.people()}


def test_svg_never_cuts_a_long_name_and_keeps_the_full_name_in_the_title():
    boxes = svg_boxes(export_svg(hostile_org()))
    name = "An extraordinarily long name that cannot possibly fit inside one box"
    assert boxes["pm7"].find(f"{SVG}text").text == name
    assert "…" not in "".join(boxes["pm7"].itertext())
    assert name in boxes["pm7"].find(f"{SVG}title").text


def test_svg_colours_boxes_by_severity_and_draws_vacancies_open():
    boxes = svg_boxes(export_svg(hostile_org(), HOSTILE_SEVERITY))
    assert boxes["cpo"].get("class").split() == ["p", "error"]
    assert boxes["gpm"].get("class").split() == ["p", "warning"]
    assert boxes["pm1"].get("class").split() == ["p", "info"]
    assert boxes["vac"].get("class").split() == ["p", "error", "vacancy"]
    assert boxes["ceo"].get("class") == "p"


def box_rectangles(document: str) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every person's box."""
    rectangles = []
    for box in svg_boxes(document).values():
        x, y = map(float, box.get("transform").removeprefix("translate(").removesuffix(")").split())
        rect = box.find(f"{SVG}rect")
        rectangles.append((x, y, float(rect.get("width")), float(rect.get("height"))))
    return rectangles


def test_svg_has_a_viewbox_that_contains_every_box_and_no_boxes_overlap():
    document = export_svg(hostile_org())
    _, _, width, height = map(float, ET.fromstring(document.encode()).get("viewBox").split())
    rectangles = box_rectangles(document)
    assert len(rectangles) == len(hostile_org())
    for x, y, w, h in rectangles:
        assert x >= 0 and x + w <= width and y >= 0 and y + h <= height
    for index, (x, y, w, h) in enumerate(rectangles):
        for x2, y2, w2, h2 in rectangles[index + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_svg_draws_dotted_lines_dashed_and_only_when_there_are_any():
    with_dotted = ET.fromstring(export_svg(hostile_org()).encode())
    assert [p.get("class") for p in with_dotted.findall(f"{SVG}path")] == ["lines", "dotted"]
    plain = ET.fromstring(export_svg(chain_org(3)).encode())
    assert [p.get("class") for p in plain.findall(f"{SVG}path")] == ["lines"]


def test_svg_of_an_empty_org_is_still_a_valid_picture():
    root = ET.fromstring(export_svg(Org("Empty")).encode())
    assert root.get("viewBox")


def test_svg_of_a_reporting_cycle_shows_everyone_once():
    org = cyclic_org()
    assert sorted(svg_boxes(export_svg(org))) == sorted(org.ids())


# -- DOT ---------------------------------------------------------------------------------------


def dot_label(name: str, role: str) -> str:
    """The label string graphviz holds after reading our quoted string (only \\" is unescaped)."""
    clean = re.sub("[\x00-\x09\x0b-\x1f\x7f]", "", name.replace("\r\n", "\n").replace("\r", "\n"))
    return (clean.replace("\\", "\\\\").replace("\n", "\\n") + "\\n" + role).replace("&", "&amp;")


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
def test_dot_is_accepted_by_graphviz_and_keeps_every_label_exact():
    org = hostile_org()
    result = subprocess.run(
        ["dot", "-Tjson"],
        input=EXPORTERS["dot"](org, HOSTILE_SEVERITY).encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    graph = json.loads(result.stdout)
    labels = {node["name"]: node["label"] for node in graph["objects"]}
    # graphviz keeps backslashes of node names as written: `\\` stays two characters
    node_name = {p.id: p.id.replace("\\", "\\\\").replace("&", "&amp;") for p in org.people()}
    assert set(labels) == set(node_name.values())
    for person in org.people():
        role = person.display_role + (" (vacancy)" if person.vacancy else "")
        assert labels[node_name[person.id]] == dot_label(person.name, role)
    assert graph["name"] == 'Hostile "org" <&amp;> \\\\ [x]'


def svg_texts(svg: bytes) -> list[str]:
    return ["".join(element.itertext()) for element in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
@pytest.mark.parametrize("org", [injection_org(), hostile_org()], ids=["injections", "hostile"])
def test_graphviz_svg_of_hostile_names_parses_and_draws_each_name_as_written(org):
    result = subprocess.run(
        ["dot", "-Tsvg"], input=EXPORTERS["dot"](org, {}).encode(), capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    texts = svg_texts(result.stdout)  # raises if an XML parser rejects the SVG
    assert len(ET.fromstring(result.stdout).findall(f".//{SVG}g[@class='node']")) == len(org)
    for person in org.people():
        drawn = re.sub("[\x00-\x09\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]", "", person.name.replace("\r\n", "\n"))
        for line in drawn.split("\n"):
            # graphviz turns runs of spaces into no-break spaces
            assert line.replace("  ", " \xa0") in texts


def test_dot_keeps_people_apart_whose_ids_differ_only_in_characters_it_cannot_write():
    org = Org(
        "Ids", [Person("a", "A", "ceo"), Person("a\ufffe", "B", "pm", reports_to="a"), Person("a\x01", "C", "pm")]
    )
    text = EXPORTERS["dot"](org, {})
    nodes = re.findall(r'^    ("(?:[^"\\]|\\.)*") \[label', text, flags=re.MULTILINE)
    assert len(set(nodes)) == 3
    assert "\ufffe" not in text and "\x01" not in text


def test_dot_writes_every_ampersand_as_an_entity():
    text = EXPORTERS["dot"](injection_org(), {})
    assert re.search("&(?!amp;)", text) is None
    assert "&amp;amp; &amp;lt;b&amp;gt;" in text


def test_dot_draws_dotted_lines_dashed_without_ranking_on_them():
    text = EXPORTERS["dot"](hostile_org(), {})
    assert '"cpo" -> "pm1" [style=dashed' in text
    assert "constraint=false" in text


# -- Mermaid -----------------------------------------------------------------------------------

MERMAID_LINE = re.compile(
    r"(%% [^\n]*|flowchart TD"
    r'|    p\d+\["[^"\n]*"\]'
    r"|    p\d+ (-->|-\.->) p\d+"
    r"|    classDef (error|warning|info|vacancy) [a-z-]+:[^\n;]+"
    r"|    class p\d+(,p\d+)* (error|warning|info|vacancy))"
)


def mermaid_decode(label: str) -> str:
    names = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
    return re.sub(r"#(\w+);", lambda m: chr(int(m[1])) if m[1].isdigit() else names[m[1]], label)


def test_mermaid_lines_are_all_well_formed_statements():
    text = EXPORTERS["mermaid"](hostile_org(), HOSTILE_SEVERITY)
    for line in text.splitlines():
        assert MERMAID_LINE.fullmatch(line), line


def test_mermaid_labels_decode_back_to_the_names():
    org = hostile_org()
    text = EXPORTERS["mermaid"](org, {})
    labels = re.findall(r'\["(.*?)<br/><small>(.*?)</small>"\]', text)
    assert len(labels) == len(org)
    decoded = {mermaid_decode(name) for name, _ in labels}
    expected = {one_line(re.sub("[\x00-\x1f\x7f-\x9f]", " ", p.name)) for p in org.people()}
    assert decoded == expected
    for name, _ in labels:
        assert not re.search(r'[<>"`\\]', name)


def test_mermaid_names_cannot_open_a_directive_or_leave_their_label():
    org = injection_org()
    text = EXPORTERS["mermaid"](org, {})
    assert "%%{" not in text and "}%%" not in text
    assert text.startswith("%% ") and text.count("%") == 2  # only the comment mark of the first line
    for line in text.splitlines():
        assert MERMAID_LINE.fullmatch(line), line
    labels = re.findall(r'\["(.*?)<br/><small>(.*?)</small>"\]', text)
    assert len(labels) == len(org)
    expected = {one_line(re.sub("[\x00-\x1f\x7f-\x9f]", " ", p.name)) for p in org.people()}
    assert {mermaid_decode(name) for name, _ in labels} == expected
    for name, role in labels:
        assert not re.search(r"[%{}\[\]<>\"'`|\\]", name + role)


def test_mermaid_draws_solid_and_dotted_lines():
    text = EXPORTERS["mermaid"](hostile_org(), {})
    assert text.count(" --> ") == len(hostile_org()) - 1
    assert text.count(" -.-> ") == 1


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_one_row_per_person_with_every_field():
    org = hostile_org()
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["csv"](org, {}), newline="")))
    assert len(rows) == len(org)
    assert tuple(rows[0]) == COLUMNS
    by_id = {row["id"]: row for row in rows}
    for person in org.people():
        row = by_id[person.id]
        assert row["name"] == person.name
        assert row["reports_to"] == (person.reports_to or "")
        assert row["dotted_to"] == ";".join(person.dotted_to)
    assert by_id["pm3"]["years_pm"] == "7"
    assert by_id["vac"]["vacancy"] == "true"
    assert json.loads(by_id["pm5"]["allow"]) == [{"rule": "PRD101", "reason": 'agreed with "HR"; until Q3'}]


def test_csv_cells_of_hostile_names_never_start_like_a_formula():
    rows = list(csv.reader(io.StringIO(EXPORTERS["csv"](injection_org(), {}), newline="")))
    assert len(rows) == len(INJECTIONS) + 2
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert ["'" + INJECTIONS["formula"]] == [row[1] for row in rows if row[1].startswith("'=")]


# -- JSON --------------------------------------------------------------------------------------


def test_json_is_a_d3_org_chart_list_with_one_root():
    org = hostile_org()
    nodes = json.loads(EXPORTERS["json"](org, HOSTILE_SEVERITY))
    assert len(nodes) == len(org)
    roots = [n for n in nodes if n["parentId"] is None]
    assert [r["id"] for r in roots] == ["ceo"]
    ids = {n["id"] for n in nodes}
    assert all(n["parentId"] in ids for n in nodes if n["parentId"] is not None)
    by_id = {n["id"]: n for n in nodes}
    assert by_id["gpm"]["positionName"] == 'Group "PM" <lead>'
    assert by_id["pm2"]["name"] == hostile_org()["pm2"].name
    assert by_id["cpo"]["severity"] == "error"


def test_json_escapes_html_significant_characters():
    text = EXPORTERS["json"](hostile_org(), {})
    assert "<" not in text and ">" not in text and "&" not in text


def test_json_gives_several_tops_and_cycles_one_virtual_root():
    org = cyclic_org()
    nodes = json.loads(EXPORTERS["json"](org, {}))
    roots = [n for n in nodes if n["parentId"] is None]
    assert [r["id"] for r in roots] == [VIRTUAL_ROOT_ID]
    assert roots[0]["virtual"] is True
    assert len(nodes) == len(org) + 1
    parent = {n["id"]: n["parentId"] for n in nodes}
    for start in parent:  # no cycles left: every chain ends at the virtual root
        seen = set()
        node_id = start
        while node_id is not None:
            assert node_id not in seen
            seen.add(node_id)
            node_id = parent[node_id]


def test_json_virtual_root_never_shares_an_id_with_a_person():
    org = Org(
        "Tops", [Person(VIRTUAL_ROOT_ID, "Named like the root", "ceo"), Person(VIRTUAL_ROOT_ID + "_", "B", "cpo")]
    )
    nodes = json.loads(EXPORTERS["json"](org, {}))
    ids = [n["id"] for n in nodes]
    assert len(ids) == len(set(ids)) == 3
    [root] = [n for n in nodes if n["parentId"] is None]
    assert root["virtual"] is True and root["id"] == virtual_root_id(org) not in org
    assert all(n["parentId"] == root["id"] for n in nodes if n is not root)


# -- Markdown ----------------------------------------------------------------------------------


def test_markdown_is_a_nested_outline_in_tree_order():
    text = EXPORTERS["markdown"](chain_org(3), {})
    assert (
        text
        == "# Chain\n\n- **Person 0**, CEO\n  - **Person 1**, Product Manager\n    - **Person 2**, Product Manager\n"
    )


def test_markdown_escapes_every_special_character_in_names():
    org = hostile_org()
    text = EXPORTERS["markdown"](org, HOSTILE_SEVERITY)
    items = [line.strip() for line in text.splitlines()[2:]]
    assert len(items) == len(org)
    for item in items:
        name = re.match(r"- \*\*(.*?)\*\*, ", item)[1]
        unescaped = re.sub(r"\\(.)", r"\1", name)
        assert not re.search(r"(?<!\\)[*_`\[\]<>#|~&]", re.sub(r"\\.", "", name)), name
        assert unescaped in {one_line(re.sub("[\x00-\x1f\x7f-\x9f]", " ", p.name)) for p in org.people()}
    assert "*(vacancy, error)*" in text


# -- all formats -------------------------------------------------------------------------------


@pytest.mark.parametrize("export_format", sorted(EXPORTERS))
def test_a_ten_thousand_deep_chain_exports_in_every_format(export_format):
    text = EXPORTERS[export_format](chain_org(10_000), {})
    assert "Person 9999" in text


@pytest.mark.parametrize("export_format", sorted(EXPORTERS))
def test_everyone_in_a_reporting_cycle_is_exported(export_format):
    text = EXPORTERS[export_format](cyclic_org(), {})
    for name in ("Top", "Report", "Below the cycle", "A", "B", "C"):
        assert name in text


def test_svg_of_ten_thousand_people_has_every_box():
    """(How fast it is, against dot -Tsvg, is measured in bench/, never asserted here.)"""
    people = [Person("p0", "Root", "ceo")]
    people.extend(Person(f"p{i}", f"Person {i}", "pm", reports_to=f"p{(i - 1) // 7}") for i in range(1, 10_000))
    document = export_svg(Org("Wide", people))
    ids = re.findall(r'data-id="([^"]+)"', document)
    assert len(ids) == 10_000 and set(ids) == {person.id for person in people}


def test_severity_by_person_keeps_the_worst_unwaived_finding():
    from orgdesign.model import Waiver

    findings = [
        Finding("A", Severity.INFO, "x", "m", ()),
        Finding("B", Severity.ERROR, "x", "m", ()),
        Finding("C", Severity.WARNING, "x", "m", ()),
        Finding("D", Severity.ERROR, "y", "m", (), waived=Waiver("D", "ok")),
        Finding("E", Severity.WARNING, "y", "m", ()),
        Finding("F", Severity.ERROR, None, "org-wide", ()),
    ]
    assert severity_by_person(findings) == {"x": Severity.ERROR, "y": Severity.WARNING}
