"""`orgdesign merge BASE OURS THEIRS` as a command and as git's merge driver in a real repository."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.layout import load_layout

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
STARTUP = (LAYOUTS / "startup.yaml").read_text(encoding="utf-8")
MIRA_TITLE = "    title: Senior Engineer\n"
TOM_MANAGER = "    title: Engineer\n    reports_to: felix\n  - id: ada"
NEW_PERSON = "  - id: lena\n    name: Lena Park\n    role: pm\n    reports_to: noor\n"


def versions(tmp_path: Path, ours: str, theirs: str) -> tuple[Path, Path, Path]:
    paths = tmp_path / "base.yaml", tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    for path, text in zip(paths, (STARTUP, ours, theirs), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def moved_tom() -> str:
    return STARTUP.replace(TOM_MANAGER, TOM_MANAGER.replace("felix", "noor"))


def retitled_mira(title: str) -> str:
    return STARTUP.replace(MIRA_TITLE, f"    title: {title}\n")


def test_a_clean_merge_writes_both_sides_changes_into_ours(tmp_path, capsys):
    base, ours, theirs = versions(tmp_path, moved_tom(), retitled_mira("Staff Engineer") + NEW_PERSON)
    assert main(["merge", str(base), str(ours), str(theirs)]) == 0
    org = load_layout(ours)
    assert (org["tom"].reports_to, org["mira"].title, org["lena"].name) == ("noor", "Staff Engineer", "Lena Park")
    assert capsys.readouterr().err == ""
    assert not (tmp_path / "ours.yaml.bak").exists()


def test_a_conflict_exits_1_and_validate_then_reports_it_at_its_line(tmp_path, capsys):
    base, ours, theirs = versions(tmp_path, retitled_mira("Staff Engineer"), retitled_mira("Principal Engineer"))
    assert main(["merge", str(base), str(ours), str(theirs)]) == 1
    marker = ours.read_text(encoding="utf-8").split("\n").index("<<<<<<< ours") + 1
    assert capsys.readouterr().err.splitlines() == [
        f"{ours}:{marker}:1: conflict: Mira Kovač (mira): both sides changed title"
    ]
    assert main(["validate", str(ours)]) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert error.startswith(f"{ours}:{marker}:1: error: unresolved merge conflict")


def test_marker_labels_can_be_given(tmp_path):
    base, ours, theirs = versions(tmp_path, retitled_mira("Staff Engineer"), retitled_mira("Principal Engineer"))
    assert main(["merge", "--ours-label", "HEAD", "--theirs-label", "topic", str(base), str(ours), str(theirs)]) == 1
    lines = ours.read_text(encoding="utf-8").split("\n")
    assert "<<<<<<< HEAD" in lines and ">>>>>>> topic" in lines


def test_an_empty_base_is_a_layout_both_sides_added(tmp_path):
    base, ours, theirs = versions(tmp_path, STARTUP, STARTUP + NEW_PERSON)
    base.write_bytes(b"")
    assert main(["merge", str(base), str(ours), str(theirs)]) == 0
    assert "lena" in load_layout(ours)


@pytest.mark.parametrize("broken", ["base", "ours", "theirs"])
@pytest.mark.parametrize("bad", ["duplicate_id.yaml", "merge_conflict_markers.yaml", "missing"])
def test_an_unusable_input_leaves_ours_untouched_with_located_errors(tmp_path, capsys, broken, bad):
    paths = dict(zip(("base", "ours", "theirs"), versions(tmp_path, moved_tom(), retitled_mira("X")), strict=True))
    if bad == "missing":
        paths[broken].unlink()
    else:
        shutil.copy(BAD / bad, paths[broken])
    before = paths["ours"].read_bytes() if paths["ours"].exists() else None
    assert main(["merge", *(str(p) for p in paths.values())]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors and all(line.startswith(f"{paths[broken]}:") and ": error: " in line for line in errors)
    assert (paths["ours"].read_bytes() if paths["ours"].exists() else None) == before


# -- a real `git merge` with the driver configured -----------------------------------------


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False, timeout=60)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the layout committed on main, the driver configured, and branch `topic` off it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "merge.orgdesign.driver", f"{shlex.quote(sys.executable)} -m orgdesign merge %O %A %B")
    (repo / ".gitattributes").write_text("*.yaml merge=orgdesign\n", encoding="utf-8")
    (repo / "org.yaml").write_text(STARTUP, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "org")
    git(repo, "branch", "topic")
    return repo


def commit_on(repo: Path, branch: str, text: str) -> None:
    assert git(repo, "checkout", "-q", branch).returncode == 0
    (repo / "org.yaml").write_text(text, encoding="utf-8")
    assert git(repo, "commit", "-q", "-am", f"change on {branch}").returncode == 0


def test_git_merge_with_the_driver_lands_changes_a_line_merge_would_conflict_on(repo: Path):
    # Both sides edit neighbouring lines (tom's manager, a new last person), which git's line merge cannot combine.
    commit_on(repo, "topic", moved_tom().replace(MIRA_TITLE, "    title: Staff Engineer\n") + NEW_PERSON)
    commit_on(
        repo,
        "main",
        STARTUP.replace(
            "    title: Engineer\n    reports_to: felix\n  - id: ada",
            "    title: Engineer II\n    reports_to: felix\n  - id: ada",
        ),
    )
    merge = git(repo, "merge", "--no-edit", "topic")
    assert merge.returncode == 0, merge.stdout + merge.stderr
    org = load_layout(repo / "org.yaml")
    assert (org["tom"].reports_to, org["tom"].title) == ("noor", "Engineer II")
    assert (org["mira"].title, org["lena"].name) == ("Staff Engineer", "Lena Park")


def test_git_merge_with_a_conflict_stops_with_markers_around_just_that_person(repo: Path):
    commit_on(repo, "topic", retitled_mira("Principal Engineer") + NEW_PERSON)
    commit_on(repo, "main", retitled_mira("Staff Engineer"))
    merge = git(repo, "merge", "--no-edit", "topic")
    assert merge.returncode != 0
    assert "org.yaml" in git(repo, "diff", "--name-only", "--diff-filter=U").stdout
    text = (repo / "org.yaml").read_text(encoding="utf-8")
    assert text.count("<<<<<<< ") == 1 and text.count("  - id: mira") == 2
    assert "  - id: lena" in text  # the change without a conflict landed
    checked = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", "org.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 2 and "unresolved merge conflict" in checked.stderr
