"""The SVG chart fits a slide: bounded aspect ratios, every name and title whole, focus on a subtree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sample_1516 import sample_csv

from orgdesign.export import severity_by_person
from orgdesign.export.svg import PADDING, TITLE_SIZE, Focus, export_svg
from orgdesign.importing.csv_import import import_csv
from orgdesign.layout import load_layout
from orgdesign.model import Org
from orgdesign.rules import validate
from orgdesign.text_measure import text_width

SVG = "{http://www.w3.org/2000/svg}"
LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export" / "layouts"
SHIPPED = sorted(path.stem for path in LAYOUTS.glob("*.yaml"))


def one_line(text: str) -> str:
    return " ".join(text.split())


def picture(org: Org, focus: Focus | None = None) -> ET.Element:
    return ET.fromstring(export_svg(org, severity_by_person(validate(org)), focus).encode("utf-8"))


def aspect(root: ET.Element) -> float:
    _, _, width, height = map(float, root.get("viewBox").split())
    return width / height


def boxes(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-id"): g for g in root.iter(f"{SVG}g") if g.get("data-id") is not None}


def assert_every_name_and_title_is_whole_and_inside_its_box(org: Org, root: ET.Element) -> None:
    drawn = boxes(root)
    assert set(drawn) == set(org.ids())
    for pid, box in drawn.items():
        person = org[pid]
        texts = box.findall(f"{SVG}text")
        assert texts[0].text == one_line(person.name)
        title_lines = [text.text for text in texts if text.get("class") == "r"]
        assert 1 <= len(title_lines) <= 2
        assert " ".join(title_lines) == one_line(person.display_role)
        inside = float(box.find(f"{SVG}rect").get("width")) - 2 * PADDING
        assert all(text_width(line, TITLE_SIZE) <= inside + 0.06 for line in title_lines)  # width has 1 decimal
    assert "…" not in "".join(root.itertext())


def test_enterprise_fits_three_to_one_with_every_title_whole():
    org = load_layout(LAYOUTS / "enterprise.yaml")
    root = picture(org)
    assert aspect(root) <= 3.0
    assert_every_name_and_title_is_whole_and_inside_its_box(org, root)


def test_a_1516_person_org_shaped_like_d3_org_charts_sample_fits_four_to_one():
    result = import_csv(sample_csv())
    org = result.org
    errors = [problem for problem in result.problems if problem.severity == "error"]
    assert len(org) == 1516 and not errors, "generated names may repeat (a warning), nothing else may go wrong"
    root = picture(org)
    assert aspect(root) <= 4.0
    assert_every_name_and_title_is_whole_and_inside_its_box(org, root)


def test_long_titles_wrap_to_two_lines():
    root = picture(load_layout(LAYOUTS / "enterprise.yaml"))
    two_line_titles = [box for box in boxes(root).values() if len(box.findall(f"{SVG}text[@class='r']")) == 2]
    assert two_line_titles


def test_a_vacancy_is_an_open_box_marked_vacancy():
    org = load_layout(LAYOUTS / "enterprise.yaml")
    vacancies = [person.id for person in org.people() if person.vacancy]
    assert vacancies
    drawn = boxes(picture(org))
    for pid in vacancies:
        assert "vacancy" in drawn[pid].get("class").split()
        assert "Vacancy" in [text.text for text in drawn[pid].findall(f"{SVG}text")]


def test_the_legend_names_each_mark():
    legend = picture(load_layout(LAYOUTS / "startup.yaml")).find(f"{SVG}g[@class='legend']")
    words = " ".join(legend.itertext())
    for word in ("error", "warning", "info", "Vacancy", "dotted line"):
        assert word in words


def test_focus_draws_the_subtree_and_counts_the_people_cut_off():
    org = load_layout(LAYOUTS / "enterprise.yaml")
    root_id = next(pid for pid in org.ids() if len(org.report_ids(pid)) >= 2 and org[pid].reports_to is not None)
    below = {pid for pid in org.ids() if pid != root_id and root_id in ancestors(org, pid)}
    drawn = boxes(picture(org, Focus(root_id, 1)))
    assert set(drawn) == {root_id, *org.report_ids(root_id)}
    for pid in org.report_ids(root_id):
        hidden = sum(1 for other in below if pid in ancestors(org, other))
        marks = [text.text for text in drawn[pid].findall(f"{SVG}text") if "more" in (text.text or "")]
        assert marks == ([f"+{hidden} more"] if hidden else [])


def test_focus_at_depth_zero_draws_only_the_tops_with_everyone_counted():
    org = load_layout(LAYOUTS / "startup.yaml")
    drawn = boxes(picture(org, Focus(None, 0)))
    assert set(drawn) == set(org.top_ids())
    marks = re.findall(r"\+(\d+) more", "".join(text for box in drawn.values() for text in box.itertext()))
    assert sum(map(int, marks)) == len(org) - len(drawn)


def ancestors(org: Org, pid: str) -> set[str]:
    found = set()
    manager = org[pid].reports_to
    while manager is not None:
        found.add(manager)
        manager = org[manager].reports_to
    return found


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_layout_matches_its_reviewed_picture(name, tmp_path):
    org = load_layout(LAYOUTS / f"{name}.yaml")
    produced = export_svg(org, severity_by_person(validate(org)))
    golden = GOLDEN / f"{name}.svg"
    if os.environ.get("ORGDESIGN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")
    assert aspect(ET.fromstring(produced.encode())) <= 3.0


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert (librsvg) is not installed")
@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pictures_render_to_png(name, tmp_path):
    """Rendered with a real SVG renderer (the PNGs are what reviewers look at: ORGDESIGN_PNG_DIR keeps them)."""
    target = Path(os.environ.get("ORGDESIGN_PNG_DIR", tmp_path)) / f"{name}.png"
    subprocess.run(["rsvg-convert", str(GOLDEN / f"{name}.svg"), "-o", str(target)], check=True, timeout=60)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
