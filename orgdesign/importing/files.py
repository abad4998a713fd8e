"""Reading the files a user hands to `import`: regular files only, no more than a cap.

A FIFO would block a plain read and `/dev/zero` never ends, so the file is opened without
blocking, checked to be a regular file, and read up to its cap plus one byte. Every problem
is a `LayoutError` at line 1, column 1 of the file, saying what to do.
"""

from __future__ import annotations

import os
import stat

from orgdesign.layout.source import file_error, read_bytes

MEGABYTE = 1024 * 1024


def read_regular_file(path: str, limit: int) -> bytes:
    """The bytes of the regular file at `path`; `LayoutError` when it is something else or larger than `limit`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return read_bytes(path)  # raises the located error that explains the failure
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise file_error(path, "this is not a regular file (a folder, device or pipe): give the path of a file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise file_error(path, f"cannot read the file ({(error.strerror or str(error)).lower()})") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise file_error(path, f"the file is larger than {limit // MEGABYTE:,} MB: split it or remove unused columns")
    return data
