"""`orgdesign stats` and `orgdesign diff` on the shipped templates."""

from __future__ import annotations

import json
from pathlib import Path

from orgdesign.cli import main
from orgdesign.edits import MovePerson
from orgdesign.layout import load_layout, save_layout

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"


def test_stats_text_draws_bar_charts(capsys):
    assert main(["stats", str(LAYOUTS / "scaleup.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Managers by span of control" in out and "People per layer" in out and "█" in out


def test_stats_json(capsys):
    assert main(["stats", str(LAYOUTS / "enterprise.yaml"), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["positions"] == len(load_layout(LAYOUTS / "enterprise.yaml"))


def test_stats_of_a_missing_file_is_unusable(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def moved_copy(tmp_path: Path) -> tuple[Path, str]:
    org = load_layout(LAYOUTS / "scaleup.yaml")
    pm = org.people_with_role("pm")[0]
    target = next(p.id for p in org.people_with_role("gpm", "director_product") if p.id != pm.reports_to)
    MovePerson(pm.id, target).apply(org)
    path = tmp_path / "after.yaml"
    save_layout(org, path, backup=False)
    return path, pm.id


def test_diff_text_and_markdown(tmp_path, capsys):
    after, moved = moved_copy(tmp_path)
    assert main(["diff", str(LAYOUTS / "scaleup.yaml"), str(after)]) == 0
    text = capsys.readouterr().out
    assert "Moved (1)" in text and f"({moved})" in text
    assert main(["diff", str(LAYOUTS / "scaleup.yaml"), str(after), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("### Org changes") and "| Person | From | To |" in markdown


def test_diff_json_of_identical_files_is_empty(capsys):
    assert main(["diff", str(LAYOUTS / "startup.yaml"), str(LAYOUTS / "startup.yaml"), "-f", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["added"] == document["removed"] == document["moved"] == document["changed"] == []


def test_diff_reports_errors_of_both_files(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]) == 2
    err = capsys.readouterr().err
    assert "a.yaml" in err and "b.yaml" in err
