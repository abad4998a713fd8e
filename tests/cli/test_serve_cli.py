"""`orgdesign serve`: where it listens, what it says, and what it refuses (the browser test is in tests/e2e)."""

from __future__ import annotations

import shlex
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.cli.serve import designer_command, is_local

LAYOUT = Path(__file__).resolve().parents[2] / "layouts" / "startup.yaml"


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port something else already listens on, on every address."""
    with socket.socket() as holder:
        holder.bind(("0.0.0.0", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST."])
def test_loopback_hosts_are_local(host):
    assert is_local(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", "my-laptop"])
def test_other_hosts_are_not(host):
    assert not is_local(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "my-laptop"])
def test_a_host_others_may_reach_is_refused_without_public(host, capsys):
    assert main(["serve", str(LAYOUT), "--host", host]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert "--public" in line and "anyone who reaches the port could edit every file" in line


def test_with_public_it_warns_that_anyone_can_edit_files(taken_port, capsys):
    assert main(["serve", str(LAYOUT), "--host", "0.0.0.0", "--port", str(taken_port), "--public"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "warning" in err[0] and "can open and edit every file this server can write" in err[0]
    assert f"cannot listen on 0.0.0.0:{taken_port}" in err[-1]


def test_by_default_it_listens_on_this_machine_only_and_says_so(taken_port, capsys):
    assert main(["serve", str(LAYOUT), "--port", str(taken_port)]) == 2  # the port is taken, so it stops there
    captured = capsys.readouterr()
    assert captured.out.startswith(f"Serving the designer on http://127.0.0.1:{taken_port} (this machine only")
    (error,) = captured.err.splitlines()
    assert error.startswith(f"orgdesign: error: cannot listen on 127.0.0.1:{taken_port}")


def test_a_missing_layout_is_refused_before_serving(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main(["serve", str(missing)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{missing}:1:1: error: ")


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_port_out_of_range_is_a_usage_error(port, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", port])
    assert exited.value.code == 2


def test_the_designer_command_keeps_any_file_name_one_argument(tmp_path):
    hostile = tmp_path / "-x $(touch pwned); `id` 'q\" .yaml"
    command = shlex.split(designer_command(str(hostile)))
    assert command[-2:] == ["--", str(hostile)]
