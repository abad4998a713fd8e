"""Every command that reads a layout, on every file of the bad-input corpus.

Each must print exactly the loader's located errors on stderr (tests/layout checks those
against the file's .expected, with a stand-in rule catalogue), nothing on stdout,
exit with status 2, write nothing (no output file, no fix) and leave the input untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.layout import LayoutError, load_layout

DATA = Path(__file__).resolve().parents[1] / "data"
BAD_FILES = sorted((DATA / "bad").glob("*.yaml"))
GOOD = Path(__file__).resolve().parents[2] / "layouts" / "startup.yaml"

COMMANDS = {
    "validate": lambda bad, out: ["validate", str(bad)],
    "validate --fix": lambda bad, out: ["validate", "--fix", str(bad)],
    "show": lambda bad, out: ["show", str(bad)],
    "export": lambda bad, out: ["export", str(bad), "--format", "svg", "-o", str(out)],
    "stats": lambda bad, out: ["stats", str(bad)],
    "diff (old)": lambda bad, out: ["diff", str(bad), str(GOOD)],
    "diff (new)": lambda bad, out: ["diff", str(GOOD), str(bad)],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", BAD_FILES, ids=lambda p: p.stem)
def test_a_bad_layout_is_refused_with_its_located_errors(bad, command, tmp_path, capsys):
    out = tmp_path / "out.svg"
    before = bad.read_bytes()
    status = main(COMMANDS[command](bad, out))
    captured = capsys.readouterr()
    with pytest.raises(LayoutError) as refused:
        load_layout(bad)
    expected = [str(error) for error in refused.value.errors]
    assert status == 2
    assert len(expected) == len(bad.with_suffix(".expected").read_text(encoding="utf-8").splitlines())
    assert captured.err.splitlines() == expected
    assert captured.out == ""
    assert bad.read_bytes() == before
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_and_a_missing_file_are_refused(command, tmp_path, capsys):
    missing = tmp_path / "missing.yaml"
    for target, message in ((tmp_path, "this is a folder"), (missing, "no such file")):
        status = main(COMMANDS[command](target, tmp_path / "out.svg"))
        err = capsys.readouterr().err
        assert status == 2
        assert err.startswith(f"{target}:1:1: error: {message}"), err
    assert list(tmp_path.iterdir()) == []
