"""The pre-commit hook in .pre-commit-hooks.yaml, run by `pre-commit try-repo` on a team's repository.

try-repo installs the hook's environment from this checkout (its committed files plus the
changes to them) into a temporary store, as it would for a team. pre-commit-uv (dev group) makes
pre-commit build that environment with uv, from the packages `make` already put in uv's cache:
about 4 s of CPU instead of pip's 16 s. The hook's definition and its entry point are the same
either way; one run still checks both layouts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
BAD = ROOT / "tests" / "data" / "bad" / "duplicate_id.yaml"

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (it is in the dev group)")


def run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )


def commit_all(repo: Path) -> None:
    run(["git", "init", "-q", "."], repo)
    run(["git", "add", "-A"], repo)
    run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.com", "commit", "-q", "-m", "files"], repo)


@pytest.fixture
def team_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "team"
    repo.mkdir()
    shutil.copy(ROOT / "layouts" / "startup.yaml", repo / "good.org.yaml")
    shutil.copy(BAD, repo / "bad.org.yaml")
    (repo / "ci.yaml").write_text("not: [a layout\n", encoding="utf-8")  # not a layout: the hook leaves it alone
    commit_all(repo)
    return repo


def test_try_repo_passes_the_good_layout_and_fails_the_bad_one_at_its_lines(tmp_path: Path, team_repo: Path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = run([PRE_COMMIT, "try-repo", ROOT, "orgdesign-validate", "--all-files", "--verbose"], team_repo, env)
    assert done.returncode == 1, done.stdout + done.stderr
    reported = [line for line in done.stdout.splitlines() if ": error: " in line]
    expected = BAD.with_suffix(".expected").read_text(encoding="utf-8").replace("PATH:", "bad.org.yaml:")
    assert reported == expected.splitlines()
    assert "in 1 file" in done.stdout  # the good layout was checked, and had nothing to report
