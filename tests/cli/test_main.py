"""The top-level command: version, help, and routing of `orgdesign FILE` to the designer."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from orgdesign.cli import _route, main


def test_version_prints_the_installed_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"orgdesign {version('orgdesign')}\n"


def test_help_says_how_to_open_a_file(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: orgdesign [FILE] | orgdesign COMMAND ...")
    assert "'orgdesign FILE' opens the designer on FILE" in out


@pytest.mark.parametrize(
    ("argv", "routed"),
    [([], ["open"]), (["acme.yaml"], ["open", "acme.yaml"]), (["validate", "a.yaml"], ["validate", "a.yaml"])],
)
def test_a_file_or_nothing_means_open(argv, routed):
    assert _route(argv) == routed


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--frobnicate"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --frobnicate" in capsys.readouterr().err
