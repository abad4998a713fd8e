"""From a path to the text of a layout, or a located error saying why there is none.

Problems with the file as a whole (missing, a folder, unreadable, UTF-16/32) are reported at
line 1, column 1. Problems with particular bytes (a NUL, invalid UTF-8, a control character
YAML forbids) are reported where the first such byte is. Lines are counted at each "\\n" and
columns count characters (not bytes) from 1, as editors do.
"""

from __future__ import annotations

import codecs
import re

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


def read_bytes(path: str) -> bytes:
    """The file's bytes; a `LayoutError` that says what to do when it cannot be read."""
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise file_error(path, "no such file: check the path and the file name") from None
    except IsADirectoryError:
        raise file_error(path, "this is a folder, not a layout file: give the path of a .yaml file") from None
    except PermissionError:
        raise file_error(path, "permission denied: the file cannot be read; check its permissions") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise file_error(path, f"cannot read the file ({reason})") from None


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
