"""Where a comparison's baseline comes from: another layout file, or a git revision of one.

`read_baseline(spec, current)` reads `spec` as a file when one exists at that path; otherwise as
`REV:PATH` (a file as it was at a git revision, PATH relative to the working folder), or as a bare
revision (`HEAD`, `main`, `HEAD~2`, a commit) of `current`, the layout being compared. A revision
is read with `git show`, never checked out: nothing on disk changes, the baseline least of all.
Every failure is a `LayoutError` with one located line, like any layout that cannot be used.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from orgdesign.layout import load_layout
from orgdesign.layout.reader import read_layout
from orgdesign.layout.source import LAYOUT_FILE, MEBIBYTE, file_error
from orgdesign.model import Org

LAYOUT_SUFFIXES = (".yaml", ".yml")
"""A spec ending so is a file even when missing (to say "no such file", not "no such revision")."""

GIT_TIMEOUT = 30.0
"""Seconds `git show` may take (a huge repository on a slow disk) before we give up."""


@dataclass(frozen=True, slots=True)
class Baseline:
    org: Org
    label: str
    """How the baseline is named to the user: its path, or `REV:PATH`."""


def read_baseline(spec: str, current: Path | None) -> Baseline:
    """The baseline `spec` names (see the module docstring); raises LayoutError."""
    revision, colon, path = spec.partition(":")
    if os.path.lexists(spec) or (not colon and (current is None or spec.endswith(LAYOUT_SUFFIXES))):
        return Baseline(load_layout(spec), spec)
    if colon:
        return read_revision(revision, Path(path))
    assert current is not None  # a bare revision without a file to apply it to is read as a file above
    return read_revision(spec, current)


def read_revision(revision: str, path: Path) -> Baseline:
    """The layout at `path` as it was at git `revision`."""
    label = f"{revision}:{path}"
    if not revision or revision.startswith("-"):
        raise file_error(label, f"{revision!r} is not a git revision: name one like HEAD, main or a commit")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise file_error(label, f"there is no folder {str(folder)!r}: check the path")
    data = _git_show(folder, f"{revision}:./{path.name}", label)
    return Baseline(read_layout(data, label, None), label)


def _git_show(folder: Path, target: str, label: str) -> bytes:
    """What `git show` prints for `target`, run in `folder` (its output is data, never shown as is)."""
    command = ["git", "-C", str(folder), "show", target]
    try:
        with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as git:
            try:
                shown, complaint = git.communicate(timeout=GIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                git.kill()
                raise file_error(label, f"git took more than {GIT_TIMEOUT:.0f} s to answer") from None
    except FileNotFoundError:
        raise file_error(label, "git is not installed: compare with a file instead") from None
    if git.returncode != 0:
        raise file_error(label, _git_complaint(complaint))
    if len(shown) > LAYOUT_FILE.limit:
        raise file_error(
            label, f"the file is larger than {LAYOUT_FILE.limit // MEBIBYTE} MiB, the most a layout may hold"
        )
    return shown


def _git_complaint(stderr: bytes) -> str:
    """git's own reason, on one line, in words a user acts on."""
    said = stderr.decode("utf-8", "replace").strip().splitlines()
    reason = said[0].removeprefix("fatal: ").strip() if said else "git could not read it"
    if "not a git repository" in reason:
        return "the layout is not in a git work tree: compare with a file instead"
    return f"git cannot show this revision of the file ({reason})"
