"""Making user text safe to print on a terminal.

Names and notes come from files other people wrote. Printed raw, an ESC byte could move the
cursor, change colours or set the window title, and a right-to-left override could make a
line read differently from what it contains. `printable` shows such characters as visible
escapes instead, leaving ordinary text (accents, CJK, emoji) untouched.
"""

from __future__ import annotations

import unicodedata

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_unsafe(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs")


def printable(text: str) -> str:
    """`text` with control, surrogate and bidi-override characters shown as \\xNN / \\uNNNN."""
    if text.isprintable() and not _BIDI_CONTROLS.intersection(text):
        return text
    return "".join(_escape(ch) if _is_unsafe(ch) else ch for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
