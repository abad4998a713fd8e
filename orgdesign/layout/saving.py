"""Saving a layout so that no failure, at any step, can cost the user the file they had.

The new text goes to a temporary file in the same folder, which is flushed and fsynced, and
only then renamed over the layout (an atomic step on POSIX and Windows). The previous
version is kept as FILE.bak, written the same way. If anything fails, the temporary file is
removed, the layout is exactly as it was, and `SaveError` says in one line what to do.

Only regular files are ever replaced: a symlink is written through (its target gets the new
text, the link stays), and a FIFO, a device or a folder at the path is refused, for the
layout and for its .bak alike.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import suppress

from orgdesign.layout.dumper import dump_layout
from orgdesign.layout.errors import SaveConflict, SaveError, printable
from orgdesign.layout.source import OPEN_FOR_READING, special_file_kind
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
    data = _encoded(dump_layout(org), shown_path)
    target = regular_target(shown_path)
    try:
        previous = _read_if_exists(target, shown_path)
        current = None if previous is None else FileStamp.of_bytes(previous)
        if expected is not None and current != expected:
            raise SaveConflict(shown_path, expected, current)
        mode = _mode_of(target) if previous is not None else None
    except OSError as error:
        raise _save_error(shown_path, error) from None
    if backup and previous is not None:
        _write_backup(shown_path, target + BACKUP_SUFFIX, previous, mode)
    try:
        write_atomically(target, data, mode)
    except OSError as error:
        raise _save_error(shown_path, error) from None
    return FileStamp.of_bytes(data)


def regular_target(path: str, advice: str = "save it under another name (save as)") -> str:
    """The file that writing `path` replaces: `path` itself, or the file its symlink points to.

    Raises `SaveError` (naming `path`, with `advice`) when something other than a regular
    file is there: replacing a FIFO, a device or a folder would break what uses it.
    """
    target = os.path.realpath(path)  # write through a symlink, keep the link
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise _save_error(path, error) from None
    what = special_file_kind(mode)
    if what is not None:
        raise SaveError(path, f"this is {what}, not a regular file", advice)
    return target


def _write_backup(layout: str, backup: str, previous: bytes, mode: int | None) -> None:
    """Keep the previous version as `backup` (FILE.bak); an error names the .bak as well as the layout."""
    try:
        write_atomically(regular_target(backup), previous, mode)
    except SaveError as error:
        raise SaveError(
            layout,
            f"its backup {printable(backup)} cannot be written ({error.reason.removeprefix('this is ')})",
            "move the backup out of the way, or save under another name (save as)",
        ) from None
    except OSError as error:
        reason, advice = _reasons_for(error)
        raise SaveError(layout, f"its backup {printable(backup)} cannot be written ({reason})", advice) from None


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


def _read_if_exists(path: str, shown_path: str) -> bytes | None:
    """The bytes now at `path`, None when there is none; a FIFO that appeared meanwhile is refused unread."""
    try:
        descriptor = os.open(path, OPEN_FOR_READING)
    except FileNotFoundError:
        return None
    with open(descriptor, "rb") as stream:
        what = special_file_kind(os.fstat(stream.fileno()).st_mode)
        if what is not None:
            raise SaveError(shown_path, f"this is {what}, not a regular file", "save it under another name (save as)")
        return stream.read()


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
    reason, advice = _reasons_for(error)
    return SaveError(path, reason, advice)


def _reasons_for(error: OSError) -> tuple[str, str]:
    return _REASONS.get(
        error.errno or 0,
        ((error.strerror or str(error) or type(error).__name__).lower(), "save it elsewhere (save as), or try again"),
    )
