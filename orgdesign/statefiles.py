"""Files orgdesign keeps for itself (recent list, recovery files), read as untrusted input.

Anything could be at such a path: a FIFO that blocks a plain `open`, `/dev/zero` behind a
symlink, a file of gigabytes. `read_state_file` looks at what it opened before reading and
reads no more than a cap. A file that is not what orgdesign wrote is set aside under a
`.broken` name, never deleted: it may still hold someone's work.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

BROKEN_SUFFIX = ".broken"


class BrokenStateFile(Exception):
    """The file is not a regular file, is too large, or does not hold what orgdesign writes."""


def read_state_file(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at `path`, None when there is none.

    Raises BrokenStateFile when it is not a regular file or holds more than `limit` bytes,
    OSError when it cannot be read (permissions).
    """
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise BrokenStateFile("it is not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise BrokenStateFile(f"it is larger than {limit:,} bytes")
    return data


def write_state_file(path: Path, data: bytes) -> None:
    """Replace `path` atomically (temporary file in the same folder, fsync, rename); raises OSError.

    The file is readable by its owner only: recovery files hold the org being designed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def set_aside(path: Path) -> Path | None:
    """Rename `path` to a free `NAME.broken` (then `NAME.broken.2`, ...); None if it cannot be renamed."""
    for attempt in range(1, 100):
        target = path.with_name(path.name + BROKEN_SUFFIX + (f".{attempt}" if attempt > 1 else ""))
        if target.exists() or target.is_symlink():
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        return target
    return None
