"""The core helpers behind autosave and the start screen (no Textual involved)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from orgdesign import recovery
from orgdesign.document import Document
from orgdesign.layout import FileStamp, SaveConflict
from orgdesign.recent import LIMIT, read_recent, recent_file, remember_layout
from orgdesign.recovery import Session

from .conftest import LAYOUTS, running_session

T = TypeVar("T")


def test_each_session_has_its_own_hidden_recovery_file_beside_the_layout(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    one, two = Session.of_process(os.getpid()), Session.of_process(os.getpid())
    assert recovery.recovery_path(layout, one) == tmp_path / f".team.yaml.{os.getpid()}-{one.id}.orgdesign-recover"
    assert recovery.recovery_path(layout, one) != recovery.recovery_path(layout, two)
    assert recovery.recovery_path(None, one).parent == recovery.untitled_anchor().parent


def test_a_recovery_file_records_its_owner_layout_and_base(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    layout.write_text("saved", encoding="utf-8")
    owner = Session.of_process(os.getpid())
    written = recovery.write_recovery(layout, "unsaved: [1]\n", owner, FileStamp.of(layout))
    found = recovery.read_recovery(written)
    assert found is not None
    assert (found.text, found.owner, found.layout, found.based_on) == (
        "unsaved: [1]\n",
        owner,
        layout.absolute(),
        FileStamp.of(layout),
    )


def test_a_recovery_write_leaves_no_temporary_files(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    owner = Session.of_process(os.getpid())
    recovery.write_recovery(layout, "one", owner, None)
    written = recovery.write_recovery(layout, "two", owner, None)
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    found = recovery.read_recovery(written)
    assert found is not None and found.text == "two"


def test_work_of_ended_sessions_is_found_whatever_its_age_and_live_work_is_not(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    layout.write_text("saved", encoding="utf-8")
    live = running_session()
    try:
        recovery.write_recovery(layout, "live work", live, None)
        ended = recovery.write_recovery(layout, "ended work", Session.of_process(os.getpid()), None)
        old = layout.stat().st_mtime - 1000
        os.utime(ended, (old, old))
        legacy = tmp_path / ".team.yaml.orgdesign-recover"
        legacy.write_text("work of an older orgdesign", encoding="utf-8")
        os.utime(legacy, (old - 10, old - 10))
        (tmp_path / ".other.yaml.orgdesign-recover").write_text("another layout's", encoding="utf-8")
        found = recovery.find_recoveries(layout)
        assert [f.text for f in found.recoveries] == ["ended work", "work of an older orgdesign"]
        assert found.recoveries[1].owner is None and found.set_aside == []
    finally:
        live.end()
    assert sorted(f.text for f in recovery.find_recoveries(layout).recoveries) == [
        "ended work",
        "live work",
        "work of an older orgdesign",
    ]


def test_a_session_is_live_while_its_process_runs(tmp_path: Path):
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        session = Session.of_process(child.pid)
        assert session.is_live()
        layout = tmp_path / "team.yaml"
        recovery.write_recovery(layout, "theirs", session, None)
        assert recovery.find_recoveries(layout).recoveries == []
    finally:
        child.communicate(b"")
    assert not session.is_live()
    assert [f.text for f in recovery.find_recoveries(layout).recoveries] == ["theirs"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process states are read from /proc")
def test_a_killed_session_not_yet_reaped_is_over(tmp_path: Path):
    """A designer killed by SIGKILL stays a zombie until its parent reaps it (tmux, a shell, or no
    one in a container): its pid still answers, but its work must be offered back."""
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    session = Session.of_process(child.pid)
    layout = tmp_path / "team.yaml"
    recovery.write_recovery(layout, "unsaved", session, None)
    child.kill()
    try:
        wait_for_zombie(child.pid)
        assert not session.is_live()
        assert [f.text for f in recovery.find_recoveries(layout).recoveries] == ["unsaved"]
    finally:
        child.wait()


def wait_for_zombie(pid: int) -> None:
    for _ in range(500):
        if Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z":
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never became a zombie")


def test_a_session_is_over_after_a_reboot_or_when_its_pid_was_reused():
    this = running_session()
    try:
        assert this.is_live()
        assert not replace(this, boot="another-boot").is_live() or this.boot is None
        if this.started is not None:
            assert not replace(this, pid=os.getppid(), started="0").is_live()
        assert replace(this, host=this.host + "-elsewhere").is_live(), "another machine's: left alone"
        assert not replace(this, pid=4_194_305).is_live()
    finally:
        this.end()
    assert not this.is_live()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(recovery.SIZE_LIMIT + 1)


def _header(value: object) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(recovery.HEADER + json.dumps(value) + "\nname: x\n", encoding="utf-8")

    return write


def _raw(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


GOOD_HEADER = {"format": 1, "session": "0123456789ab", "pid": 4_194_305, "host": "h", "boot": None, "started": None}
BROKEN_RECOVERY_FILES = {
    "not UTF-8": _raw(b"\xff\xfe\x00broken"),
    "nested header": _raw(recovery.HEADER.encode() + b"[" * 60_000 + b"]" * 60_000 + b"\nname: x\n"),
    "header too long": _raw(recovery.HEADER.encode() + b'"' + b"a" * 70_000 + b'"\n'),
    "header not an object": _header([1, 2]),
    "pid of the wrong type": _header({**GOOD_HEADER, "pid": "12"}),
    "pid true": _header({**GOOD_HEADER, "pid": True}),
    "pid too large for the system": _header({**GOOD_HEADER, "pid": 10**30}),
    "format not a number": _header({**GOOD_HEADER, "format": "1"}),
    "session not hex": _header({**GOOD_HEADER, "session": "../../etc"}),
    "stamp of wrong types": _header({**GOOD_HEADER, "layout": None, "based_on": {"size": "1", "sha256": 3}}),
    "layout not text": _header({**GOOD_HEADER, "layout": 7}),
    "a FIFO": _fifo,
    "a folder": lambda path: path.mkdir(),
    "larger than the cap": _huge,
}


@pytest.mark.parametrize("make", BROKEN_RECOVERY_FILES.values(), ids=BROKEN_RECOVERY_FILES.keys())
def test_a_broken_recovery_file_is_set_aside_not_deleted(tmp_path: Path, make: Callable[[Path], None]):
    layout = tmp_path / "team.yaml"
    rescue = tmp_path / ".team.yaml.4194305-0123456789ab.orgdesign-recover"
    make(rescue)
    found = finishes(lambda: recovery.find_recoveries(layout))
    assert found.recoveries == []
    [(renamed, reason)] = found.set_aside
    assert renamed == rescue.with_name(rescue.name + ".broken") and reason
    assert renamed.exists() or renamed.is_fifo()
    assert not rescue.exists()
    assert finishes(lambda: recovery.find_recoveries(layout)).set_aside == [], "set aside once"


def test_a_recovery_file_of_a_later_orgdesign_is_left_alone(tmp_path: Path):
    rescue = tmp_path / ".team.yaml.4194305-0123456789ab.orgdesign-recover"
    _header({**GOOD_HEADER, "format": 2, "pid": "a later version may change anything"})(rescue)
    found = recovery.find_recoveries(tmp_path / "team.yaml")
    assert found.recoveries == [] and found.set_aside == []
    assert rescue.exists()


def test_a_second_broken_file_does_not_replace_the_first_set_aside(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    rescue = tmp_path / ".team.yaml.orgdesign-recover"
    for content in (b"\xff first", b"\xff second"):
        rescue.write_bytes(content)
        recovery.find_recoveries(layout)
    assert (tmp_path / (rescue.name + ".broken")).read_bytes() == b"\xff first"
    assert (tmp_path / (rescue.name + ".broken.2")).read_bytes() == b"\xff second"


def test_restored_work_remembers_the_file_as_its_session_left_it(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    shutil.copy(LAYOUTS / "startup.yaml", layout)
    text = layout.read_text(encoding="utf-8")
    rescue = recovery.write_recovery(layout, text, Session.of_process(os.getpid()), FileStamp.of(layout))
    layout.write_text(text + "# pulled\n", encoding="utf-8")
    found = recovery.read_recovery(rescue)
    assert found is not None
    document = Document.recovered(found, layout)
    with pytest.raises(SaveConflict):
        document.save()
    assert layout.read_text(encoding="utf-8").endswith("# pulled\n")


def test_restored_work_of_unknown_base_asks_before_saving_over_the_file(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    shutil.copy(LAYOUTS / "startup.yaml", layout)
    legacy = tmp_path / ".team.yaml.orgdesign-recover"
    legacy.write_text(layout.read_text(encoding="utf-8"), encoding="utf-8")
    [found] = recovery.find_recoveries(layout).recoveries
    document = Document.recovered(found, layout)
    with pytest.raises(SaveConflict):
        document.save()
    document.autosave()
    assert document.recovery_file is not None
    mine = recovery.read_recovery(document.recovery_file)
    assert mine is not None and mine.based_on is None, "still unknown, not a made-up stamp"
    document.session.end()


def finishes(work: Callable[[], T]) -> T:
    """Run `work` in a thread and fail (instead of hanging the run) if it blocks."""
    results: list[T] = []
    thread = threading.Thread(target=lambda: results.append(work()), daemon=True)
    thread.start()
    thread.join(60)
    assert results, "blocked (reading a FIFO?)"
    return results[0]


def test_recent_layouts_most_recent_first_without_duplicates(tmp_path: Path, private_state_dir: Path):
    files = []
    for n in range(LIMIT + 2):
        path = tmp_path / f"l{n}.yaml"
        path.write_text("x", encoding="utf-8")
        files.append(path)
        remember_layout(path)
    remember_layout(files[5])
    shown = read_recent().layouts
    assert shown[0] == files[5].resolve()
    assert len(shown) == LIMIT and len(set(shown)) == LIMIT
    assert recent_file().parent == private_state_dir


def test_recent_layouts_skip_missing_files(tmp_path: Path):
    kept = tmp_path / "kept.yaml"
    kept.write_text("x", encoding="utf-8")
    recent_file().parent.mkdir(parents=True)
    recent_file().write_text(json.dumps([str(tmp_path / "gone.yaml"), str(kept)]), encoding="utf-8")
    assert read_recent().layouts == [kept]


def _recent_fifo(path: Path) -> None:
    os.mkfifo(path)


def _recent_huge(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(128 * 1024 * 1024)


BROKEN_RECENT_LISTS = {
    "not JSON": _raw(b"{not json"),
    "200,000 nested brackets": _raw(b"[" * 200_000 + b"]" * 200_000),
    "128 MB": _recent_huge,
    "not a list": _raw(b'{"a": 1}'),
    "wrong types": _raw(json.dumps(["/a.yaml", 7, None]).encode()),
    "NUL in a path": _raw(json.dumps(["/a\u0000.yaml"]).encode()),
    "not UTF-8": _raw(b'["\xff"]'),
    "a FIFO": _recent_fifo,
    "a folder": lambda path: path.mkdir(),
}


@pytest.mark.parametrize("make", BROKEN_RECENT_LISTS.values(), ids=BROKEN_RECENT_LISTS.keys())
def test_a_broken_recent_list_is_set_aside_and_reported(make: Callable[[Path], None]):
    recent_file().parent.mkdir(parents=True)
    make(recent_file())
    recent = finishes(read_recent)
    assert recent.layouts == [] and recent.set_aside is not None
    renamed, reason = recent.set_aside
    assert renamed == recent_file().with_name("recent.json.broken") and reason
    assert not recent_file().exists()
    assert finishes(read_recent).set_aside is None


def test_work_holding_a_lone_surrogate_is_kept_and_read_back(tmp_path: Path):
    layout = tmp_path / "team.yaml"
    written = recovery.write_recovery(layout, "name: R\ud800D\n", Session.of_process(os.getpid()), None)
    found = recovery.read_recovery(written)
    assert found is not None and found.text == "name: R\ud800D\n"
