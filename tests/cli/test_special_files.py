"""Files that are not plain files: FIFOs, devices, folders, symlinks, huge files, a .bak in the way.

Commands that could hang on a FIFO run in a subprocess with a timeout, so a regression fails
instead of blocking the test run.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesign.cli import main
from orgdesign.layout import LayoutError, SaveError, load_layout, save_layout
from orgdesign.layout.source import MEBIBYTE, FileKind, read_bytes
from orgdesign.model import Org, Person

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")

LAYOUT = "orgdesign: 1\nname: Acme\npeople:\n  - id: ceo\n    name: Ada\n    role: ceo\n"
CSV = "id,name,manager\nceo,Ada,\n"
TIMEOUT = 60


def orgdesign(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orgdesign", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(LAYOUT, encoding="utf-8")
    return path


def assert_refused(result: subprocess.CompletedProcess[str], path: Path, what: str) -> None:
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(f"{path}:1:1: error: ")
    assert what in result.stderr
    assert "Traceback" not in result.stderr


# -- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["show"], ["export", "--format", "dot"], ["stats"]])
def test_a_fifo_as_the_layout_is_refused_at_once(fifo, command):
    assert_refused(orgdesign(*command, str(fifo)), fifo, "named pipe")


def test_a_fifo_as_either_side_of_a_diff_is_refused(fifo, layout):
    assert_refused(orgdesign("diff", str(layout), str(fifo)), fifo, "named pipe")


def test_a_fifo_as_the_csv_to_import_is_refused(fifo):
    assert_refused(orgdesign("import", str(fifo)), fifo, "named pipe")


def test_a_fifo_as_the_keymap_stops_the_designer_before_it_starts(tmp_path):
    keys = tmp_path / "keys.yaml"
    os.mkfifo(keys)
    assert_refused(orgdesign("open", env={"ORGDESIGN_CONFIG_DIR": str(tmp_path)}), keys, "named pipe")


def test_the_designer_refuses_a_fifo_as_the_layout(fifo):
    script = (
        "import sys\nfrom pathlib import Path\nfrom orgdesign.document import Document\n"
        "from orgdesign.layout import LayoutError\n"
        "try:\n    Document.open(Path(sys.argv[1]))\nexcept LayoutError as error:\n    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(fifo)], check=False, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.stdout.startswith(f"{fifo}:1:1: error: this is a named pipe (FIFO), not a layout file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_before_a_byte_is_read(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    assert_refused(orgdesign("validate", device), Path(device), "character device")
    assert_refused(orgdesign("import", device), Path(device), "character device")


def test_a_layout_larger_than_the_cap_is_refused_naming_the_cap(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(65 * MEBIBYTE)  # sparse: costs no disk space
    with pytest.raises(LayoutError) as raised:
        load_layout(huge)
    assert str(raised.value).startswith(f"{huge}:1:1: error: the file is larger than 64 MiB")


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path):
    path = tmp_path / "small.csv"
    path.write_bytes(b"x" * 11)
    with pytest.raises(LayoutError, match="larger than"):
        read_bytes(str(path), FileKind("CSV file", ".csv", 10))
    assert read_bytes(str(path), FileKind("CSV file", ".csv", 11)) == b"x" * 11


def test_a_symlink_to_a_layout_is_read(tmp_path, layout):
    link = tmp_path / "link.yaml"
    link.symlink_to(layout)
    assert load_layout(link).name == "Acme"


# -- writing -----------------------------------------------------------------------------------


def test_export_to_a_fifo_is_refused_and_the_fifo_stays(layout, fifo):
    result = orgdesign("export", str(layout), "--format", "dot", "-o", str(fifo))
    assert_refused(result, fifo, "named pipe")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_export_to_dev_null_never_replaces_the_device(layout, capsys):
    assert main(["export", str(layout), "--format", "dot", "-o", os.devnull]) == 2
    assert "character device" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not os.path.exists(os.devnull + ".bak")


def test_export_dash_means_stdout(layout, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(layout), "--format", "dot", "-o", "-"]) == 0
    assert "Ada" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(layout, tmp_path):
    target = tmp_path / "real.dot"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "chart.dot"
    link.symlink_to(target)
    assert main(["export", str(layout), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert "Ada" in target.read_text(encoding="utf-8")


def test_export_to_a_folder_is_refused(layout, tmp_path, capsys):
    folder = tmp_path / "out.dot"
    folder.mkdir()
    assert main(["export", str(layout), "-o", str(folder)]) == 2
    assert capsys.readouterr().err.startswith(f"{folder}:1:1: error: cannot write it: this is a folder")


def test_import_refuses_to_replace_an_existing_layout_without_force(tmp_path, layout, capsys):
    source = tmp_path / "hr.csv"
    source.write_text(CSV, encoding="utf-8")
    assert main(["import", str(source), "-o", str(layout)]) == 2
    assert "--force" in capsys.readouterr().err
    assert layout.read_text(encoding="utf-8") == LAYOUT
    assert main(["import", str(source), "-o", str(layout), "--force"]) == 0
    assert load_layout(layout).name == "hr"
    assert (tmp_path / "org.yaml.bak").read_text(encoding="utf-8") == LAYOUT


def test_import_dash_means_stdout(tmp_path, capsys, monkeypatch):
    source = tmp_path / "hr.csv"
    source.write_text(CSV, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source), "-o", "-"]) == 0
    assert "name: Ada" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_import_to_a_fifo_is_refused_even_with_force(tmp_path, fifo):
    source = tmp_path / "hr.csv"
    source.write_text(CSV, encoding="utf-8")
    assert_refused(orgdesign("import", str(source), "-o", str(fifo), "--force"), fifo, "named pipe")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_new_with_force_onto_a_fifo_is_refused(fifo):
    result = orgdesign("new", str(fifo), "--force")
    assert_refused(result, fifo, "named pipe")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_saving_through_a_symlink_writes_the_target_and_its_bak_next_to_it(tmp_path, layout):
    link = tmp_path / "elsewhere" / "link.yaml"
    link.parent.mkdir()
    link.symlink_to(layout)
    save_layout(Org("Renamed", [Person("ceo", "Ada", "ceo")]), link)
    assert link.is_symlink()
    assert load_layout(layout).name == "Renamed"
    assert (tmp_path / "org.yaml.bak").read_text(encoding="utf-8") == LAYOUT


def test_validate_fix_through_a_symlink_keeps_the_link(tmp_path, layout):
    layout.write_text(LAYOUT + "    dotted_to: [ghost]\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(layout)
    assert main(["validate", "--fix", str(link)]) in (0, 1)
    assert link.is_symlink()
    assert "ghost" not in layout.read_text(encoding="utf-8")


def test_a_bak_that_is_a_folder_is_named_in_the_error_and_nothing_changes(tmp_path, layout):
    (tmp_path / "org.yaml.bak").mkdir()
    with pytest.raises(SaveError) as raised:
        save_layout(Org("Renamed", [Person("ceo", "Ada", "ceo")]), layout)
    assert f"{layout}.bak" in str(raised.value)
    assert "folder" in str(raised.value)
    assert layout.read_text(encoding="utf-8") == LAYOUT


def test_a_bak_that_is_a_fifo_is_refused_and_stays(tmp_path, layout):
    os.mkfifo(tmp_path / "org.yaml.bak")
    with pytest.raises(SaveError, match=r"org\.yaml\.bak"):
        save_layout(Org("Renamed", [Person("ceo", "Ada", "ceo")]), layout)
    assert stat.S_ISFIFO(os.stat(tmp_path / "org.yaml.bak").st_mode)
