"""What a layout file held when it was opened, to notice when someone else changed it."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FileStamp:
    """The size and SHA-256 of a file's bytes.

    Content, not modification time: an editor that rewrites identical bytes is no conflict,
    and a change within the same clock tick still is one.
    """

    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes) -> FileStamp:
        return cls(len(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> FileStamp | None:
        """The stamp of the file at `path`; None when it does not exist (other OSErrors raise)."""
        try:
            with open(path, "rb") as stream:
                return cls.of_bytes(stream.read())
        except FileNotFoundError:
            return None
