"""User text made safe to show: never parsed as markup, never able to drive the terminal.

Names, titles, notes, paths and error messages come from files other people wrote. They are
always wrapped in `rich.text.Text` (never markup), and control characters and bidi overrides
are shown as visible escapes by the core's `printable`, the same way the CLI prints them.
"""

from __future__ import annotations

from rich.text import Text

from orgdesign.text import printable


def literal(value: object, style: str = "", *, limit: int | None = None) -> Text:
    """A Text showing `value` exactly as written (no markup), shortened to `limit` cells."""
    shown = printable(str(value))
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return Text(shown, style=style, no_wrap=limit is not None)


def multiline(value: str, style: str = "") -> Text:
    """Like `literal`, but keeps line breaks (for notes)."""
    return Text("\n").join(literal(line, style) for line in value.split("\n"))
