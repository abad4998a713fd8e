"""`orgdesign export`: formats, output files, errors, and findings colouring the picture."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.layout import save_layout
from orgdesign.model import Org, Person

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"


def write_layout(path: Path) -> Path:
    org = Org(
        'Acme "R&D" <team>',
        [
            Person("ceo", 'Ada "<&>" Boss', "ceo"),
            Person("pm", "Pat [PM] \\ *x*", "pm", reports_to="ceo"),  # a PM reporting to the CEO draws a finding
        ],
    )
    save_layout(org, path, backup=False)
    return path


@pytest.mark.parametrize("export_format", ["svg", "mermaid", "dot", "csv", "json", "markdown"])
def test_export_to_stdout_in_every_format(tmp_path, capsys, export_format):
    layout = write_layout(tmp_path / "org.yaml")
    assert main(["export", str(layout), "--format", export_format]) == 0
    out = capsys.readouterr().out
    assert "Ada" in out and "Pat" in out


def test_export_writes_the_file_and_guesses_the_format_from_its_suffix(tmp_path, capsys):
    layout = write_layout(tmp_path / "org.yaml")
    target = tmp_path / "chart.svg"
    assert main(["export", str(layout), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    root = ET.fromstring(target.read_bytes())
    assert {g.get("data-id") for g in root.iter("{http://www.w3.org/2000/svg}g")} - {None} == {"ceo", "pm"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind


def test_findings_colour_the_boxes(tmp_path, capsys):
    from orgdesign.export import severity_by_person
    from orgdesign.layout import load_layout
    from orgdesign.rules import validate

    layout = write_layout(tmp_path / "org.yaml")
    expected = {pid: s.label for pid, s in severity_by_person(validate(load_layout(layout))).items()}
    assert expected  # the layout is built to draw findings
    main(["export", str(layout), "-f", "json"])
    nodes = json.loads(capsys.readouterr().out)
    assert {n["id"]: n["severity"] for n in nodes if n["severity"]} == expected


def test_unknown_suffix_without_format_is_unusable(tmp_path, capsys):
    layout = write_layout(tmp_path / "org.yaml")
    assert main(["export", str(layout), "-o", str(tmp_path / "chart.xyz")]) == 2
    assert "pass --format" in capsys.readouterr().err
    assert not (tmp_path / "chart.xyz").exists()


def test_unwritable_output_is_reported_without_a_traceback(tmp_path, capsys):
    layout = write_layout(tmp_path / "org.yaml")
    assert main(["export", str(layout), "-f", "dot", "-o", str(tmp_path / "missing" / "out.dot")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


def test_a_broken_layout_is_unusable(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("people: [\n")
    assert main(["export", str(broken), "-f", "svg"]) == 2
    assert str(broken) in capsys.readouterr().err


@pytest.mark.parametrize("template", sorted(p.name for p in LAYOUTS.glob("*.yaml")))
def test_every_template_exports_as_svg(template, tmp_path):
    assert main(["export", str(LAYOUTS / template), "-o", str(tmp_path / "out.svg")]) == 0
    ET.fromstring((tmp_path / "out.svg").read_bytes())


def drawn_ids(svg: str) -> set[str]:
    root = ET.fromstring(svg.encode("utf-8"))
    return {g.get("data-id") for g in root.iter("{http://www.w3.org/2000/svg}g")} - {None}


def test_export_root_and_depth_draw_a_subtree_with_a_count_of_who_is_cut(tmp_path, capsys):
    layout = LAYOUTS / "enterprise.yaml"
    assert main(["export", str(layout), "-f", "svg", "--root", "sarah", "--depth", "1"]) == 0
    svg = capsys.readouterr().out
    assert "olivia" not in drawn_ids(svg) and "sarah" in drawn_ids(svg)
    assert "more</text>" in svg


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--root", "nobody-here", "-f", "svg"], "nobody-here"),
        (["--depth", "1", "-f", "csv"], "svg"),
    ],
)
def test_export_focus_errors_are_one_located_line_and_write_nothing(tmp_path, capsys, arguments, complaint):
    target = tmp_path / "out.svg"
    assert main(["export", str(LAYOUTS / "enterprise.yaml"), "-o", str(target), *arguments]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ":1:1: error:" in err[0] and complaint in err[0]
    assert not target.exists()


def test_export_depth_must_be_a_whole_number(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["export", str(LAYOUTS / "enterprise.yaml"), "--depth", "-1"])
    assert raised.value.code == 2


def test_export_png_writes_a_picture_guessing_the_format_from_the_suffix(tmp_path, capsys):
    target = tmp_path / "chart.png"
    assert main(["export", str(LAYOUTS / "startup.yaml"), "-o", str(target)]) == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_png_of_a_subtree_to_stdout(capsysbinary):
    assert main(["export", str(LAYOUTS / "enterprise.yaml"), "-f", "png", "--root", "sarah", "--depth", "1"]) == 0
    assert capsysbinary.readouterr().out[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_png_refuses_to_spill_binary_onto_a_terminal(monkeypatch, capsysbinary):
    import orgdesign.cli.export

    monkeypatch.setattr(orgdesign.cli.export, "stdout_is_terminal", lambda: True)
    assert main(["export", str(LAYOUTS / "startup.yaml"), "-f", "png"]) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b"" and b"-o" in captured.err
