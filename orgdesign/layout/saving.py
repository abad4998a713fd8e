"""Saving a layout so that no failure, at any step, can cost the user the file they had.

The new text goes to a temporary file in the same folder, which is flushed and fsynced, and
only then renamed over the layout (an atomic step on POSIX and Windows). The previous
version is kept as FILE.bak, written the same way. If anything fails, the temporary file is
removed, the layout is exactly as it was, and `SaveError` says in one line what to do.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import suppress

from orgdesign.layout.dumper import dump_layout
from orgdesign.layout.errors import SaveConflict, SaveError
from orgdesign.layout.stamp import FileStamp
from orgdesign.model import Org

BACKUP_SUFFIX = ".bak"
_NEW_FILE_MODE = 0o666  # narrowed by the umask, as for any file the user creates

_REASONS_BY_NAME = {
    "EACCES": ("permission denied", "save it in a folder you can write to (save as)"),
    "EPERM": ("permission denied", "save it in a folder you can write to (save as)"),
    "EROFS": ("the disk is read-only", "save it on another disk (save as)"),
    "ENOSPC": ("the disk is full", "free some space and save again, or save it elsewhere (save as)"),
    "EDQUOT": ("the disk quota is exceeded", "free some space and save again, or save it elsewhere (save as)"),
    "ENOENT": ("the folder does not exist", "save it in an existing folder (save as)"),
    "ENOTDIR": ("a part of the path is not a folder", "check the path (save as)"),
    "EISDIR": ("the path is a folder", "give a file name (save as)"),
}
_REASONS = {getattr(errno, name): reason for name, reason in _REASONS_BY_NAME.items() if hasattr(errno, name)}


def save_layout(
    org: Org,
    path: str | os.PathLike[str],
    *,
    expected: FileStamp | None = None,
    backup: bool = True,
) -> FileStamp:
    """Write `org` to `path` atomically and return the stamp of what was written.

    With `expected` (the stamp from `open_layout` or the last save), refuse with
    `SaveConflict`, writing nothing, when the file on disk is no longer that version.
    """
    shown_path = os.fspath(path)
    target = os.path.realpath(shown_path)  # write through a symlink, keep the link
    data = _encoded(dump_layout(org), shown_path)
    try:
        previous = _read_if_exists(target)
        current = None if previous is None else FileStamp.of_bytes(previous)
        if expected is not None and current != expected:
            raise SaveConflict(shown_path, expected, current)
        mode = _mode_of(target) if previous is not None else None
        if backup and previous is not None:
            write_atomically(target + BACKUP_SUFFIX, previous, mode)
        write_atomically(target, data, mode)
    except OSError as error:
        raise _save_error(shown_path, error) from None
    return FileStamp.of_bytes(data)


def write_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` by a file holding `data`, or leave it untouched (raises OSError)."""
    folder = os.path.dirname(path) or "."
    temporary, descriptor = _create_temporary(folder, os.path.basename(path))
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(folder)


def _create_temporary(folder: str, name: str) -> tuple[str, int]:
    while True:
        temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE)
        except FileExistsError:
            continue


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every platform can open a folder, so best effort."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _read_if_exists(path: str) -> bytes | None:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        return None


def _mode_of(path: str) -> int:
    return os.stat(path).st_mode & 0o7777


def _remove_quietly(path: str) -> None:
    with suppress(OSError):
        os.remove(path)


def _encoded(text: str, path: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = ord(text[error.start])
        raise SaveError(
            path,
            f"the text holds the character U+{bad:04X}, which cannot be stored as UTF-8",
            "remove it and save again",
        ) from None


def _save_error(path: str, error: OSError) -> SaveError:
    reason, advice = _REASONS.get(
        error.errno or 0,
        ((error.strerror or str(error) or type(error).__name__).lower(), "save it elsewhere (save as), or try again"),
    )
    return SaveError(path, reason, advice)
