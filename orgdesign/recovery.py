"""Recovery files: unsaved work kept so that a crash never loses it, and owned by one session.

Each editing session writes the whole layout text to its own hidden file beside the layout,
`.NAME.PID-SESSION.orgdesign-recover`, after a few seconds of idle time (atomically: a crash in
the middle leaves the previous version). The first line is a YAML comment holding, as JSON, who
wrote it (session id, PID, host, boot id, process start time), the layout it recovers, and the
stamp of the layout file as that session last read or saved it; the rest is the layout text.

Ownership rules, so that no session ever loses another's work:
- a session removes only its own file (after a clean save or when its user discards changes);
- the file of a session that is still running (same host and boot, its PID alive and started
  at the recorded time) is neither offered to nor removed by anyone else;
- the file of a session that ended without saving is offered on the next open of its layout
  (whatever its age relative to the layout), and removed only when the user says so.

A layout that was never saved has no folder of its own: its work goes beside `untitled_anchor()`
in the state folder, and the start screen offers it back. Files written by orgdesign before
sessions existed (`.NAME.orgdesign-recover`, no header) are offered as from an unknown session.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import socket
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from orgdesign.layout import FileStamp
from orgdesign.places import state_dir
from orgdesign.statefiles import BrokenStateFile, read_state_file, set_aside, write_state_file

SUFFIX = ".orgdesign-recover"
HEADER = "# orgdesign-recovery "
FORMAT = 1
SIZE_LIMIT = 256 * 1024 * 1024
"""Recovery files above this size are not read (a layout of 100,000 people is about 30 MB)."""
HEADER_LIMIT = 64 * 1024
_SESSION_PART = r"\d+-[0-9a-f]{12}"

_LIVE_IN_THIS_PROCESS: set[str] = set()
"""Sessions of this process started and not ended (a process can run designers one after another)."""


@dataclass(frozen=True, slots=True)
class Session:
    """Who writes a recovery file: one designer editing one layout, in one process."""

    id: str
    pid: int
    host: str
    boot: str | None
    """The kernel's boot id where known: a PID from before a reboot says nothing."""
    started: str | None
    """The process start time where known: tells a reused PID from the original one."""

    @classmethod
    def of_process(cls, pid: int) -> Session:
        """A fresh session id for the process `pid` of this machine (not registered as live)."""
        return cls(secrets.token_hex(6), pid, socket.gethostname(), _boot_id(), _process_stat(pid)[1])

    def start(self) -> None:
        """Mark this session of this process as running (while its document is being edited)."""
        _LIVE_IN_THIS_PROCESS.add(self.id)

    def end(self) -> None:
        _LIVE_IN_THIS_PROCESS.discard(self.id)

    @property
    def tag(self) -> str:
        """The part of a recovery file's name that names this session."""
        return f"{self.pid}-{self.id}"

    def is_live(self) -> bool:
        """Whether this session may still be running, so its file must be left alone."""
        if self.host != socket.gethostname():
            return True  # another machine's processes cannot be checked from here
        boot = _boot_id()
        if self.boot is not None and boot is not None and self.boot != boot:
            return False
        if self.pid == os.getpid():
            return self.id in _LIVE_IN_THIS_PROCESS
        if not _process_exists(self.pid):
            return False
        state, started = _process_stat(self.pid)
        if state in _ENDED_STATES:
            return False  # killed but not yet reaped: its work is there to recover
        return self.started is None or started is None or started == self.started


@dataclass(frozen=True, slots=True)
class Recovery:
    """Unsaved work found in a recovery file."""

    path: Path
    text: str
    written_at: datetime
    owner: Session | None
    """None for files from orgdesign versions before sessions (owner unknown, long gone)."""
    layout: Path | None
    """The layout it recovers, as its session named it (None: untitled, or not recorded)."""
    based_on: FileStamp | None
    """The layout file as the owner last read or saved it; None when unknown or never saved."""


@dataclass(slots=True)
class Findings:
    recoveries: list[Recovery] = field(default_factory=list)
    """Work of sessions that ended without saving, newest first."""
    set_aside: list[tuple[Path, str]] = field(default_factory=list)
    """Broken recovery files renamed out of the way, with the reason."""


def untitled_anchor() -> Path:
    """The stand-in layout path whose recovery files hold unsaved work on untitled layouts."""
    return state_dir() / "untitled.yaml"


def recovery_path(layout: Path | None, session: Session) -> Path:
    """Where `session` keeps its unsaved work on `layout` (None: an untitled layout)."""
    anchor = Path(layout) if layout is not None else untitled_anchor()
    return anchor.with_name(f".{anchor.name}.{session.tag}{SUFFIX}")


def write_recovery(layout: Path | None, text: str, session: Session, based_on: FileStamp | None) -> Path:
    """Atomically write `text` as `session`'s recovery file of `layout`; returns its path.

    Raises OSError (read-only folder, full disk); the caller decides how loud to be.
    """
    header = {
        "format": FORMAT,
        "session": session.id,
        "pid": session.pid,
        "host": session.host,
        "boot": session.boot,
        "started": session.started,
        "layout": None if layout is None else str(Path(layout).absolute()),
        "based_on": None if based_on is None else {"size": based_on.size, "sha256": based_on.sha256},
    }
    target = recovery_path(layout, session)
    # surrogatepass: work is kept even if an edit slipped in a lone surrogate (the reader then locates it)
    data = (HEADER + json.dumps(header, ensure_ascii=True) + "\n" + text).encode("utf-8", "surrogatepass")
    write_state_file(target, data)
    return target


def find_recoveries(layout: Path | None) -> Findings:
    """Unsaved work on `layout` (None: untitled layouts) left by sessions that are no longer running.

    Files that cannot be what orgdesign wrote are set aside (renamed `.broken`) and reported.
    """
    anchor = Path(layout) if layout is not None else untitled_anchor()
    findings = Findings()
    for candidate in _candidates(anchor):
        try:
            found = read_recovery(candidate)
        except BrokenStateFile as error:
            renamed = set_aside(candidate)
            if renamed is not None:
                findings.set_aside.append((renamed, str(error)))
            continue
        except OSError:
            continue  # unreadable (permissions): nothing to offer, and not ours to move
        if found is None or (found.layout is not None and found.layout.name != anchor.name):
            continue  # gone meanwhile, or another layout's whose name happens to fit the pattern
        if found.owner is None or not found.owner.is_live():
            findings.recoveries.append(found)
    findings.recoveries.sort(key=lambda found: found.written_at, reverse=True)
    return findings


def read_recovery(path: Path) -> Recovery | None:
    """The work in the recovery file at `path`; raises BrokenStateFile, OSError.

    None when the file is gone, or was written by a later orgdesign (left for that version to offer).
    """
    data = read_state_file(path, SIZE_LIMIT)
    if data is None:
        return None
    written_at = datetime.fromtimestamp(path.stat().st_mtime)
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as error:
        raise BrokenStateFile(f"byte {error.start} is not UTF-8") from None
    if not text.startswith(HEADER):
        return Recovery(path, text, written_at, None, None, None)
    first_line, _, body = text.partition("\n")
    header = _parsed_header(first_line.removeprefix(HEADER))
    if header["format"] > FORMAT:
        return None
    layout = header.get("layout")
    if not (layout is None or (isinstance(layout, str) and layout and "\0" not in layout)):
        raise BrokenStateFile("its header names no layout")
    return Recovery(
        path, body, written_at, _owner(header), None if layout is None else Path(layout), _stamp(header.get("based_on"))
    )


def discard_recovery(path: Path) -> None:
    """Remove the recovery file at `path`, if any; failing to remove it is harmless."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _candidates(anchor: Path) -> list[Path]:
    """Recovery files of `anchor` in its folder: every session's, and the headerless kind."""
    mine = re.compile(re.escape(f".{anchor.name}") + f"(?:\\.{_SESSION_PART})?" + re.escape(SUFFIX))
    try:
        with os.scandir(anchor.parent) as entries:
            return [Path(entry.path) for entry in entries if mine.fullmatch(entry.name)]
    except OSError:
        return []


def _parsed_header(raw: str) -> dict[str, Any]:
    if len(raw) > HEADER_LIMIT:
        raise BrokenStateFile(f"its header is longer than {HEADER_LIMIT:,} characters")
    try:
        header = json.loads(raw)
    except (ValueError, RecursionError):
        raise BrokenStateFile("its header is not valid JSON") from None
    if not isinstance(header, dict) or not (type(header.get("format")) is int and header["format"] >= 1):
        raise BrokenStateFile("its header is not one orgdesign writes")
    return header


def _owner(header: dict[str, Any]) -> Session:
    session, pid, host = header.get("session"), header.get("pid"), header.get("host")
    boot, started = header.get("boot"), header.get("started")
    if not (isinstance(session, str) and re.fullmatch("[0-9a-f]{12}", session)):
        raise BrokenStateFile("its header names no session")
    if not (type(pid) is int and 0 < pid < 2**31 and isinstance(host, str)):
        raise BrokenStateFile("its header names no process")
    if not all(value is None or isinstance(value, str) for value in (boot, started)):
        raise BrokenStateFile("its header names no process")
    return Session(session, pid, host, boot, started)


def _stamp(value: object) -> FileStamp | None:
    if value is None:
        return None
    if isinstance(value, dict):
        size, sha256 = value.get("size"), value.get("sha256")
        if type(size) is int and size >= 0 and isinstance(sha256, str) and re.fullmatch("[0-9a-f]{64}", sha256):
            return FileStamp(size, sha256)
    raise BrokenStateFile("its header has a broken file stamp")


def _process_exists(pid: int) -> bool:
    if pid <= 0:
        return False  # 0 and negative numbers address process groups, not a process
    if os.name == "nt":
        return _windows_process_exists(pid)  # os.kill would terminate the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else (EPERM)
    return True


def _windows_process_exists(pid: int) -> bool:
    """Ask Windows whether `pid` runs; when it cannot tell, assume it does (its file stays untouched)."""
    import ctypes  # Windows only: ctypes.windll exists nowhere else

    query_limited_information, still_active, invalid_parameter = 0x1000, 259, 87
    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(query_limited_information, False, pid)
        if not handle:
            return bool(kernel32.GetLastError() != invalid_parameter)  # no such process, else access denied
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    except (AttributeError, OSError):
        return True


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


_ENDED_STATES = frozenset({"Z", "X"})
"""Process states (Linux) of a process that has ended though its pid is still taken: zombie, dead."""


def _process_stat(pid: int) -> tuple[str | None, str | None]:
    """The state letter and start time (clock ticks since boot) of process `pid` on Linux;
    None for each elsewhere or when the process is gone."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, None
    fields = status.rpartition(")")[2].split()
    return (fields[0] if fields else None), (fields[19] if len(fields) > 19 else None)
