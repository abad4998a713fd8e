"""`orgdesign diff` against a git revision in a temporary repository, and its one-line errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from orgdesign.baseline import read_baseline
from orgdesign.cli import main
from orgdesign.edits import MovePerson
from orgdesign.layout import LayoutError, load_layout, save_layout

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the scaleup template committed, then one PM moved in the work tree."""
    folder = tmp_path / "repo"
    (folder / "org").mkdir(parents=True)
    layout = folder / "org" / "scaleup.yaml"
    shutil.copy(LAYOUTS / "scaleup.yaml", layout)
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "today's org")
    return layout


def move_a_pm(layout: Path) -> str:
    org = load_layout(layout)
    pm = org.people_with_role("pm")[0]
    target = next(p.id for p in org.people_with_role("gpm", "director_product") if p.id != pm.reports_to)
    MovePerson(pm.id, target).apply(org)
    save_layout(org, layout, backup=False)
    return pm.id


@needs_git
def test_diff_against_head_shows_the_uncommitted_move(repo, capsys, monkeypatch):
    moved = move_a_pm(repo)
    assert main(["diff", "HEAD", str(repo)]) == 0
    text = capsys.readouterr().out
    assert "Moved (1)" in text and f"({moved})" in text
    monkeypatch.chdir(repo.parent.parent)
    assert main(["diff", "HEAD:org/scaleup.yaml", "org/scaleup.yaml", "-f", "markdown"]) == 0
    assert "| Person | From | To |" in capsys.readouterr().out
    assert git(repo.parent, "status", "--porcelain").splitlines() == [" M org/scaleup.yaml"]


@needs_git
def test_baseline_reads_a_revision_of_the_compared_file(repo):
    move_a_pm(repo)
    baseline = read_baseline("HEAD", repo)
    assert baseline.org == load_layout(LAYOUTS / "scaleup.yaml")
    assert baseline.label.startswith("HEAD:")


@needs_git
@pytest.mark.parametrize("revision", ["no-such-branch", "-p", "HEAD~5"])
def test_a_bad_revision_is_one_line_and_exit_2(repo, capsys, revision):
    assert main(["diff", "--", revision, str(repo)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and ": error: " in lines[0] and "Traceback" not in captured.err
    assert captured.out == ""


def test_a_file_outside_a_git_work_tree_says_so(tmp_path, capsys):
    layout = Path(shutil.copy(LAYOUTS / "startup.yaml", tmp_path / "startup.yaml"))
    assert main(["diff", "HEAD", str(layout)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "git" in err


def test_a_missing_baseline_file_is_a_file_error_not_a_revision(tmp_path):
    with pytest.raises(LayoutError) as raised:
        read_baseline(str(tmp_path / "gone.yaml"), LAYOUTS / "startup.yaml")
    assert "gone.yaml:1:1: error:" in str(raised.value)


@needs_git
def test_a_broken_layout_at_the_revision_is_located_in_it(repo, capsys):
    repo.write_text("name: [unclosed\n", encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", "broken")
    shutil.copy(LAYOUTS / "scaleup.yaml", repo)
    assert main(["diff", "HEAD", str(repo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("HEAD:") and ":1:" in err


@needs_git
@pytest.mark.parametrize("baseline", ["no-such-branch", "missing.yaml"])
def test_open_with_a_baseline_that_cannot_be_read_stops_before_the_designer(repo, capsys, baseline):
    assert main([str(repo), "--compare", baseline]) == 2
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and ":1:1: error: " in captured.err


def test_compare_without_a_layout_is_explained(capsys):
    assert main(["open", "--compare", "HEAD"]) == 2
    assert "--compare needs the layout" in capsys.readouterr().err
