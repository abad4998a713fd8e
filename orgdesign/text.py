"""The one gate for user text on its way to a terminal.

Names, titles, notes, ids, file names, waiver reasons and keys come from files other people
wrote. Printed raw, `ESC[1A ESC[2K` erases a line of a CI log, `ESC]0;...BEL` retitles the
window, U+009B is an 8-bit CSI, and a right-to-left override (U+202E) makes a line read
differently from what it contains. Every CLI line, widget and toast therefore shows user text
through this module.

Convention: an unsafe character is written the way a Python string literal writes it, so it
stays readable and can be typed back: `\\n`, `\\r`, `\\t` for line controls, `\\xNN` up to U+00FF
(ESC is `\\x1b`, the 8-bit CSI `\\x9b`, DEL `\\x7f`), `\\uNNNN` above (`\\u202e`) and
`\\UNNNNNNNN` beyond the BMP. Unsafe are:

- control characters: C0, DEL and C1 (Unicode category Cc);
- lone surrogates (Cs), which cannot even be encoded for the terminal;
- bidi controls: U+061C, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069;
- the line and paragraph separators U+2028/U+2029, which some viewers take as line breaks.

Letters of every script, emoji (with their zero-width joiners) and no-break spaces are
ordinary text and pass unchanged. Diagnostics that quote file text use `revealed`, which also
shows every other invisible character: "unknown key 'name'" is no help when the key ends in a
zero-width space.

Output: the command line writes only through `say`, `warn` and `write_document` (an
architecture test holds every other module to that), so a new output cannot skip the gate.

The small helpers every output shares live here too, so each is written once: `counted`
("2 warnings") and `clip` / `clip_start`, which shorten text to a number of terminal cells.
Widths are measured with `rich.cells`, the measure Textual draws with (rich is a dependency
of the pinned Textual), so the designer and the command line cut a wide CJK name at the same
place; ASCII text is measured with `len` and does not import rich at all, which keeps the
command line's start-up as it was.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_SEPARATORS = frozenset("\u2028\u2029")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI_CLASS = "".join(sorted(_BIDI_CONTROLS | _LINE_SEPARATORS))
_UNSAFE_IN_JSON = re.compile(f"[\\x7f-\\x9f\\ud800-\\udfff{_BIDI_CLASS}]")


def is_unsafe(ch: str) -> bool:
    """Whether printing `ch` raw could drive the terminal, break a line or reorder text."""
    return ch in _BIDI_CONTROLS or ch in _LINE_SEPARATORS or unicodedata.category(ch) in ("Cc", "Cs")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every unsafe character shown as an escape; with `keep_newlines`, "\\n" stays a line break."""
    if text.isprintable():  # no Cc, Cs, Cf (bidi controls) or Zl/Zp: nothing to do
        return text
    return "".join(ch if (ch == "\n" and keep_newlines) or not is_unsafe(ch) else escaped(ch) for ch in text)


def revealed(text: str) -> str:
    """`text` for a diagnostic: the unsafe characters and every other invisible one shown as escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() and not is_unsafe(ch) else escaped(ch) for ch in text)


def escaped(ch: str) -> str:
    """One character written as a Python string literal would write it."""
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def json_text(document: object) -> str:
    """`document` as indented JSON that carries every string exactly yet is safe on a terminal.

    JSON already escapes C0 controls; DEL, C1, surrogates, bidi controls and line separators are
    written as `\\uNNNN` too, so a reader decodes the raw string and a terminal sees only ASCII.
    """
    encoded = json.dumps(document, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded) + "\n"


def say(text: str = "", *, end: str = "\n") -> None:
    """Write terminal text to stdout through the gate (line breaks kept, everything else unsafe escaped)."""
    sys.stdout.write(printable(text, keep_newlines=True) + end)


def warn(text: str) -> None:
    """Write one message (or several lines) to stderr through the gate."""
    sys.stderr.write(printable(text, keep_newlines=True) + "\n")


def write_document(text: str) -> None:
    """Write a data document (YAML, CSV, DOT, ...) to stdout: as is into a file or a pipe, where its
    format encodes for its own reader, but through the gate when stdout is a terminal, where a
    name's escape sequences would otherwise drive the screen."""
    sys.stdout.write(printable(text, keep_newlines=True) if stdout_is_terminal() else text)


def write_binary_document(data: bytes) -> None:
    """Write a binary document (a PNG) to stdout as is; callers refuse to when stdout is a terminal."""
    sys.stdout.buffer.write(data)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 error', '2 errors': a count with its noun, plural (`plural`, else the noun and s) unless it is one."""
    return f"{count} {noun}" if count == 1 else f"{count} {plural or noun + 's'}"


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes (a CJK character two, a combining mark none)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # only for non-ASCII text: see the module docstring

    return cell_len(text)


def clip(text: str, width: int) -> str:
    """`text` in at most `width` cells: cut with an ellipsis when longer, whitespace at the cut dropped."""
    if cell_width(text) <= width:
        return text
    return text[: _cells_fit(text, width - 1)].rstrip() + "…"


def clip_start(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut from the start (for paths, whose end matters most)."""
    if cell_width(text) <= width:
        return text
    return "…" + text[len(text) - _cells_fit(text[::-1], width - 1) :]


def _cells_fit(text: str, width: int) -> int:
    """How many of `text`'s first characters fit in `width` cells."""
    if text.isascii():
        return min(len(text), width)
    used = 0
    for count, ch in enumerate(text):
        used += cell_width(ch)
        if used > width:
            return count
    return len(text)
