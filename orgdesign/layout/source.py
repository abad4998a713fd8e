"""From a path to the text of a layout, or a located error saying why there is none.

Problems with the file as a whole (missing, a folder, a FIFO or a device, too large,
unreadable, UTF-16/32) are reported at line 1, column 1. Problems with particular bytes (a
NUL, invalid UTF-8, a control character YAML forbids) are reported where the first such byte
is. Lines are counted at each "\\n" and columns count characters (not bytes) from 1, as
editors do.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass

from orgdesign.layout.errors import LayoutError, LoadError

FILE_LINE, FILE_COLUMN = 1, 1

_FOREIGN_BOMS = (
    # UTF-32 first: its little-endian mark begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# Characters YAML 1.1 does not allow in a stream (libyaml refuses them without a location).
FORBIDDEN_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def file_error(path: str, message: str) -> LayoutError:
    return LayoutError([LoadError(path, FILE_LINE, FILE_COLUMN, message)])


MEBIBYTE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileKind:
    """What a file read by `read_bytes` is meant to be, for its error messages, and its size cap."""

    noun: str
    suffix: str
    limit: int


LAYOUT_FILE = FileKind("layout file", ".yaml", 64 * MEBIBYTE)
"""64 MiB: about ten times a 100,000-person layout with titles and notes."""

OPEN_FOR_READING = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""O_NONBLOCK: opening a FIFO must return at once (it would wait for a writer), so that
`fstat` can refuse it; it changes nothing for a regular file."""


def read_bytes(path: str, kind: FileKind = LAYOUT_FILE) -> bytes:
    """The bytes of the regular file at `path` (a symlink to one is fine), at most `kind.limit`.

    Anything else (a folder, a FIFO, a device, a socket) is refused before a byte is read, so
    a FIFO cannot block and `/dev/zero` cannot fill the memory: a `LayoutError` says what to do.
    """
    try:
        _refuse_unless_regular(path, os.stat(path).st_mode, kind)
        descriptor = os.open(path, OPEN_FOR_READING)
    except FileNotFoundError:
        raise file_error(path, "no such file: check the path and the file name") from None
    except IsADirectoryError:
        raise file_error(path, _not_regular_message("a folder", kind)) from None
    except PermissionError:
        if os.path.isdir(path):  # Windows cannot open a folder at all
            raise file_error(path, _not_regular_message("a folder", kind)) from None
        raise file_error(path, "permission denied: the file cannot be read; check its permissions") from None
    except OSError as error:
        raise _read_error(path, error) from None
    try:
        with open(descriptor, "rb") as stream:
            info = os.fstat(stream.fileno())  # the file opened, whatever replaced the path meanwhile
            _refuse_unless_regular(path, info.st_mode, kind)
            data = stream.read(kind.limit + 1) if info.st_size <= kind.limit else b""
    except OSError as error:
        raise _read_error(path, error) from None
    if info.st_size > kind.limit or len(data) > kind.limit:
        raise file_error(
            path,
            f"the file is larger than {kind.limit // MEBIBYTE} MiB, the most a {kind.noun} may hold: "
            f"check that this is the right file",
        )
    return data


def special_file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words ("a named pipe (FIFO)"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refuse_unless_regular(path: str, mode: int, kind: FileKind) -> None:
    what = special_file_kind(mode)
    if what is not None:
        raise file_error(path, _not_regular_message(what, kind))


def _not_regular_message(what: str, kind: FileKind) -> str:
    return f"this is {what}, not a {kind.noun}: give the path of a {kind.suffix} file"


def _read_error(path: str, error: OSError) -> LayoutError:
    reason = (error.strerror or str(error)).lower()
    return file_error(path, f"cannot read the file ({reason})")


def refuse_foreign_encoding(data: bytes, path: str) -> None:
    """Refuse UTF-16 and UTF-32 files, which libyaml would otherwise quietly accept."""
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise file_error(path, f"the file is {encoding} encoded; a layout must be UTF-8: save it again as UTF-8")


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a layout (a UTF-8 byte order mark is dropped silently).

    Loading leaves these checks to libyaml, which is faster, and calls this only when libyaml
    refused the bytes: its errors carry a byte offset, not a line and column.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    refuse_foreign_encoding(data, path)
    nul = data.find(b"\0")
    if nul >= 0:
        raise bytes_error(
            data,
            nul,
            path,
            "NUL byte: this is a binary file, or text in an encoding other than UTF-8; a layout must be UTF-8 text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        message = f"byte 0x{bad:02X} is not valid UTF-8: the file must be saved as UTF-8"
        raise bytes_error(data, error.start, path, message) from None
    forbidden = FORBIDDEN_CHARACTER.search(text)
    if forbidden:
        code = ord(forbidden.group())
        message = (
            f"control character U+{code:04X} is not allowed in YAML: remove it "
            f'(inside double quotes it can be written as "\\x{code:02x}")'
            if code <= 0xFF
            else f"character U+{code:04X} is not allowed in YAML: remove it"
        )
        line, column = position_in_text(text, forbidden.start())
        raise LayoutError([LoadError(path, line, column, message)])
    return text


def position_in_text(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at `offset`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def bytes_error(data: bytes, offset: int, path: str, message: str) -> LayoutError:
    """A `LayoutError` at the line and column of byte `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, offset) + 1
    return LayoutError([LoadError(path, line, column, message)])
