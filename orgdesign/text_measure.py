"""Text widths in the SVG's font (DejaVu Sans) from its advance-width table, and two-line wrapping.

Widths come from the font's own metrics (orgdesign/font_metrics.py), not a guessed average, so a
box sized from them holds its text in any renderer that has the font (DejaVu Sans ships with
most Linux systems; Verdana, the fallback, has nearly the same widths). Characters outside the
table count as a full em when they are wide (CJK) and as the table's widest Latin letter
otherwise, so a guess errs on the roomy side.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from orgdesign.font_metrics import BOLD, REGULAR

_UNKNOWN_NARROW = max(REGULAR[code] for code in range(ord("A"), ord("Z") + 1))
_UNKNOWN_BOLD = max(BOLD[code] for code in range(ord("A"), ord("Z") + 1))


_ASCII_REGULAR = [REGULAR.get(code, _UNKNOWN_NARROW) for code in range(128)]
_ASCII_BOLD = [BOLD.get(code, _UNKNOWN_BOLD) for code in range(128)]
"""Widths of the ASCII characters by code, for the common case: one list lookup per byte."""


@lru_cache(maxsize=8192)
def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """Width of `text` on one line at `font_size`, in the same unit as the size (cached: titles repeat)."""
    if text.isascii():
        return sum(map((_ASCII_BOLD if bold else _ASCII_REGULAR).__getitem__, text.encode())) * font_size / 1000
    table, unknown = (BOLD, _UNKNOWN_BOLD) if bold else (REGULAR, _UNKNOWN_NARROW)
    total = 0
    for char in text:
        width = table.get(ord(char))
        if width is None:
            width = _width_outside_table(char, unknown)
        total += width
    return total * font_size / 1000


def _width_outside_table(char: str, unknown: int) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    return unknown


def two_lines(text: str, font_size: float, fits_one_line: float) -> list[str]:
    """`text` (a single line) as it is, when no wider than `fits_one_line`, else split in two lines.

    The split is at the space that makes the wider of the two lines narrowest; a text without
    spaces stays on one line. Nothing is ever dropped: the lines joined by a space give `text`.
    """
    if text_width(text, font_size) <= fits_one_line:
        return [text]
    return split_in_two(text, lambda part: text_width(part, font_size))


def split_in_two(text: str, measure: Callable[[str], float]) -> list[str]:
    """`text` split at the space that makes the wider of the two lines narrowest (as `measure` has it).

    A text without spaces stays on one line; the lines joined by a space give `text`.
    """
    if " " not in text:
        return [text]
    words = text.split(" ")
    widths = [measure(word) for word in words]
    space = measure(" ")
    total = sum(widths) + space * (len(words) - 1)
    best_split, best_width, left = 1, total, 0.0
    for split in range(1, len(words)):
        left += widths[split - 1] + (space if split > 1 else 0.0)
        wider = max(left, total - left - space)
        if wider < best_width:
            best_split, best_width = split, wider
    return [" ".join(words[:best_split]), " ".join(words[best_split:])]
