"""The set-up stays reproducible: bounded runtime dependencies, Textual pinned, make installs from the lock."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def test_every_runtime_dependency_has_an_upper_bound():
    """`pipx install` users get a version within the range that was tested."""
    unbounded = [
        str(requirement)
        for requirement in runtime_requirements()
        if not any(spec.operator in ("<", "<=", "==", "~=", "===") for spec in requirement.specifier)
    ]
    assert unbounded == []


def test_textual_is_pinned_to_one_version():
    """Snapshots change between Textual releases: exactly one version is allowed."""
    (textual,) = [requirement for requirement in runtime_requirements() if requirement.name == "textual"]
    (only,) = textual.specifier
    assert only.operator == "==" and "*" not in only.version


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["test", "run", "lint"])
def test_make_installs_from_the_lock_before_the_target_runs(target):
    """Dry run of the whole chain: `uv sync --locked` comes first, then the target runs from .venv."""
    done = subprocess.run(
        ["make", "--dry-run", "--always-make", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    commands = done.stdout.splitlines()
    syncs = [index for index, command in enumerate(commands) if "uv sync --locked" in command]
    assert syncs, f"make {target} does not install from uv.lock:\n{done.stdout}"
    after_sync = commands[syncs[0] + 1 :]
    assert any(command.startswith(".venv/bin/") for command in after_sync), done.stdout
