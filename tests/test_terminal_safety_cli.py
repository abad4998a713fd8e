"""Every command-line output shows hostile user text as visible escapes; JSON and SARIF carry it exactly.

Each test runs a command on the hostile layout of `hostile_text` (names, titles, notes, ids,
units, the org name, waiver reasons and the file name all end in ESC[1A ESC[2K, an OSC title,
U+009B and U+202E) and checks that nothing raw reaches stdout or stderr while the text stays
recognisable.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hostile_text import HOSTILE, SHOWN, hostile, hostile_org, raw_control, write_hostile_layout

from orgdesign.cli import main
from orgdesign.layout import load_layout, save_layout
from orgdesign.rules import validate


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    return write_hostile_layout(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_safe(*outputs: str) -> None:
    for output in outputs:
        assert raw_control(output) == []


def test_validate_text_shows_names_paths_and_messages_as_escapes(layout, capsys):
    code, out, err = run(capsys, "validate", layout)
    assert_safe(out, err)
    assert code == 1
    assert f"org{SHOWN}.yaml:" in out
    assert f"Lee{SHOWN} (Product Manager) reports to Sam{SHOWN} (CTO)" in out
    findings = [f for f in validate(hostile_org()) if f.waived is None]
    assert len(out.splitlines()) == len(findings) + 1, "one line per finding and the summary: no forged lines"


def test_validate_show_waived_shows_the_reason_as_escapes(layout, capsys):
    _, out, err = run(capsys, "validate", "--show-waived", layout)
    assert_safe(out, err)
    assert f"(waived: interim{SHOWN})" in out


def test_validate_github_annotations_show_escapes_in_properties_and_messages(layout, capsys):
    _, out, err = run(capsys, "validate", "--format", "github", layout)
    assert_safe(out, err)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == len(out.splitlines()) - 1, "every line but the summary is an annotation"
    assert f"file={str(layout.parent).replace(':', '%3A')}/org{SHOWN}.yaml," in annotations[0]
    assert any(f"::Lee{SHOWN} (Product Manager)" in line for line in annotations)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_carry_the_raw_strings_in_terminal_safe_bytes(layout, capsys, fmt):
    _, out, err = run(capsys, "validate", "--format", fmt, "--show-waived", layout)
    assert_safe(out, err)
    carried = set(strings_in(json.loads(out)))
    assert str(layout) in carried
    assert any(text.startswith(f"Lee{HOSTILE} (Product Manager)") for text in carried)
    assert f"interim{HOSTILE}" in carried


def strings_in(document: object) -> Iterator[str]:
    """Every string value of a decoded JSON document."""
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for value in document.values():
            yield from strings_in(value)
    elif isinstance(document, list):
        for value in document:
            yield from strings_in(value)


def test_validate_fix_reports_what_it_fixed_as_escapes(layout, capsys):
    _, out, err = run(capsys, "validate", "--fix", layout)
    assert_safe(out, err)
    fixed = [line for line in err.splitlines() if ": fixed " in line]
    assert fixed and all(line.startswith(f"{layout.parent}/org{SHOWN}.yaml: fixed ") for line in fixed)
    assert any(f"Lee{SHOWN}" in line and f"Maya{SHOWN}" in line for line in fixed)


def test_a_file_name_full_of_escapes_is_shown_as_escapes_in_load_errors(tmp_path, capsys):
    broken = tmp_path / f"{hostile('bad')}.yaml"
    broken.write_text(
        'orgdesign: 1\nname: x\npeople: []\n"key\\e[1A\\e[2K\\e]0;pwned\\a\\x9b31m\\u202e": 1\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "validate", broken)
    assert_safe(out, err)
    assert code == 2
    assert f"bad{SHOWN}.yaml:4:1: error: unknown key 'key{SHOWN}'" in err


def test_a_layout_that_fix_cannot_save_is_named_as_escapes(layout, capsys):
    backup = layout.with_name(layout.name + ".bak")
    backup.mkdir()
    (backup / "keep").write_text("a folder where the backup would go", encoding="utf-8")
    code, out, err = run(capsys, "validate", "--fix", layout)
    assert_safe(out, err)
    assert code == 2
    assert f"org{SHOWN}.yaml:1:1: error: " in err


def test_show_prints_the_tree_and_findings_as_escapes(layout, capsys):
    _, out, err = run(capsys, "show", layout)
    assert_safe(out, err)
    assert out.startswith(f"Org{SHOWN}  (scaleup profile, 7 people)")
    assert f"Lee{SHOWN} - Product Manager" in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_stats_show_the_org_and_unit_names_as_escapes(layout, capsys, fmt):
    _, out, err = run(capsys, "stats", "--format", fmt, layout)
    assert_safe(out, err)
    if fmt == "json":
        assert json.loads(out)["name"] == hostile("Org")
    else:
        assert f"Org{SHOWN}" in out and f"Engineering{SHOWN}"[:27] in out


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_shows_names_and_changed_fields_as_escapes(layout, tmp_path, capsys, fmt):
    org = hostile_org()
    org.put(replace(org["lee"], title=hostile("Lead"), reports_to="maya"))
    changed = tmp_path / "changed.yaml"
    save_layout(org, changed, backup=False)
    _, out, err = run(capsys, "diff", "--format", fmt, layout, changed)
    assert_safe(out, err)
    if fmt == "json":
        assert hostile("Lead") in set(strings_in(json.loads(out)))
    elif fmt == "text":
        assert f"Lee{SHOWN}" in out and f"Lead{SHOWN}" in out
    else:  # Markdown cells have their own escaping; the names are still there
        assert "| Lee" in out and "Lead" in out


def test_explain_shows_an_unknown_code_as_escapes(capsys):
    code, out, err = run(capsys, "explain", hostile("PRD"))
    assert_safe(out, err)
    assert code == 2 and "unknown rule code" in err


def test_new_names_the_file_it_created_as_escapes(tmp_path, capsys):
    target = tmp_path / f"{hostile('new')}.yaml"
    code, out, err = run(capsys, "new", target, "--name", hostile("Org"))
    assert_safe(out, err)
    assert code == 0 and f"created {tmp_path}/new{SHOWN}.yaml from template scaleup" in out


def test_import_messages_show_file_names_and_cells_as_escapes(tmp_path, capsys):
    source = tmp_path / f"{hostile('hr')}.csv"
    source.write_text(
        f"id,name,manager_id\n1,{hostile('Ann')},\n2,Bob,{hostile('ghost')}\n2,{hostile('Dup')},1\n", encoding="utf-8"
    )
    target = tmp_path / f"{hostile('out')}.yaml"
    code, out, err = run(capsys, "import", source, "-o", target)
    assert_safe(out, err)
    assert code == 1
    assert f"hr{SHOWN}.csv:" in err and f"out{SHOWN}.yaml" in err
    assert f"imported 2 people from {tmp_path}/hr{SHOWN}.csv" in err


def test_command_line_errors_show_what_was_typed_as_escapes(layout, capsys):
    with pytest.raises(SystemExit):
        main(["validate", str(layout), "--bogus", hostile("arg")])
    captured = capsys.readouterr()
    assert_safe(captured.out, captured.err)
    assert f"--bogus arg{SHOWN}" in captured.err


def test_the_real_command_writes_no_raw_escape_bytes(layout):
    done = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", "--show-waived", str(layout)], capture_output=True, check=False
    )
    for stream in (done.stdout, done.stderr):
        assert b"\x1b" not in stream and b"\xc2\x9b" not in stream and "\u202e".encode() not in stream
    assert f"Lee{SHOWN}".encode() in done.stdout


def test_import_to_stdout_writes_yaml_whose_escapes_keep_the_text_exact(tmp_path, capsys):
    source = tmp_path / "hr.csv"
    source.write_text(f"id,name,manager_id\n1,{hostile('Ann')},\n", encoding="utf-8")
    code, out, err = run(capsys, "import", source)
    assert_safe(out, err)
    layout = tmp_path / "back.yaml"
    layout.write_text(out, encoding="utf-8")
    assert code == 0 and load_layout(layout)["1"].name == hostile("Ann")
