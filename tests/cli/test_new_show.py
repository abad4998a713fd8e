"""`orgdesign new` and `orgdesign show`, and the exit codes every subcommand shares."""

import subprocess
import sys
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.layout import load_layout
from orgdesign.templates import list_templates, template_path

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"


def test_every_template_is_listed_with_a_description():
    names = [t.name for t in list_templates()]
    assert names[:4] == ["startup", "scaleup", "enterprise", "companies"]
    assert all(t.description for t in list_templates())
    with pytest.raises(KeyError, match="choose one of startup"):
        template_path("galaxy")


@pytest.mark.parametrize("template", ["startup", "scaleup", "enterprise", "companies"])
def test_new_copies_a_template_that_loads_back_equal(template, tmp_path, capsys):
    target = tmp_path / "org.yaml"
    assert main(["new", str(target), "--template", template]) == 0
    assert load_layout(target) == load_layout(LAYOUTS / f"{template}.yaml")
    assert f"created {target}" in capsys.readouterr().out


def test_new_sets_the_org_name_when_asked(tmp_path):
    target = tmp_path / "org.yaml"
    assert main(["new", str(target), "--name", "Globex product org"]) == 0
    assert load_layout(target).name == "Globex product org"


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "org.yaml"
    target.write_text("precious\n")
    assert main(["new", str(target)]) == 2
    assert target.read_text() == "precious\n"
    assert capsys.readouterr().err.startswith(f"{target}:1:1: error: file exists")
    assert main(["new", str(target), "--force"]) == 0
    assert load_layout(target).name == "Fernhill Payments product org"


def test_show_prints_the_tree_with_vacancies_and_no_findings_for_a_clean_layout(capsys):
    assert main(["show", str(LAYOUTS / "scaleup.yaml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Fernhill Payments product org  (scaleup profile, 22 people)"
    assert out[1] == "Dana Reyes - Founder & CEO"
    assert "├── Sam Okafor - CTO" in out
    assert "            └── Nina Petrova - Product Manager (vacant)" in out
    assert out[-1] == "0 errors, 0 warnings, 0 info"


def test_show_marks_findings_and_exits_1_on_errors(tmp_path, capsys):
    layout = tmp_path / "bad.yaml"
    layout.write_text(
        "orgdesign: 1\nname: X\npeople:\n"
        "  - {id: ceo, name: Ann, role: ceo}\n"
        "  - {id: cto, name: Bob, role: cto, reports_to: ceo}\n"
        "  - {id: pm, name: Cy, role: pm, reports_to: cto}\n"
    )
    assert main(["show", str(layout)]) == 1
    out = capsys.readouterr().out
    assert "    └── Cy - Product Manager  <- PRD101 error" in out
    assert "\nPRD101 error: Cy (Product Manager) reports to Bob (CTO)" in out


def test_show_never_lets_names_drive_the_terminal(tmp_path, capsys):
    layout = tmp_path / "hostile.yaml"
    layout.write_text('orgdesign: 1\nname: X\npeople:\n  - {id: a, name: "Eve\\e[31m\\u202eevil", role: ceo}\n')
    main(["show", str(layout), "--no-findings"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "Eve\\x1b[31m\\u202eevil - CEO" in out


def test_unusable_input_exits_2_with_a_located_error_and_no_traceback(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "orgdesign", "show", str(missing)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{missing}:1:1: error:")
    assert "Traceback" not in result.stderr


def test_deep_chains_print_without_recursion(tmp_path, capsys):
    lines = ["orgdesign: 1", "name: Deep", "people:", "  - {id: p0, name: P0, role: ceo}"]
    lines += [f"  - {{id: p{i}, name: P{i}, role: other, reports_to: p{i - 1}}}" for i in range(1, 3000)]
    layout = tmp_path / "deep.yaml"
    layout.write_text("\n".join(lines) + "\n")
    main(["show", str(layout), "--no-findings"])
    assert capsys.readouterr().out.count("└── ") == 2999


def shown_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int) -> str:
    lines = ["orgdesign: 1", "name: Deep", "people:", "  - {id: p0, name: P0, role: ceo}"]
    lines += [f"  - {{id: p{i}, name: P{i}, role: other, reports_to: p{i - 1}}}" for i in range(1, depth + 1)]
    layout = tmp_path / f"deep{depth}.yaml"
    layout.write_text("\n".join(lines) + "\n")
    main(["show", str(layout), "--no-findings"])
    return capsys.readouterr().out


def test_show_output_grows_linearly_with_depth(tmp_path, capsys):
    small, large = shown_chain(tmp_path, capsys, 1000), shown_chain(tmp_path, capsys, 4000)
    assert len(large) < 4.2 * len(small)
    assert max(len(line) for line in large.splitlines()) < 200


def test_show_indents_up_to_the_cap_and_marks_the_depth_beyond_it(tmp_path, capsys):
    lines = shown_chain(tmp_path, capsys, 100).splitlines()
    at_cap, beyond, deepest = lines[41], lines[42], lines[101]
    assert at_cap.endswith("└── P40 - Other") and "[depth" not in at_cap
    indent = at_cap.index("└── ")
    assert beyond.index("└── ") == indent and beyond.endswith("└── [depth 41] P41 - Other")
    assert deepest.index("└── ") == indent and deepest.endswith("[depth 100] P100 - Other")
