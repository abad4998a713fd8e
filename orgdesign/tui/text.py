"""User text made safe to show: never parsed as markup, never able to drive the terminal.

Names, titles, notes, paths, keys and error messages come from files other people wrote. The
designer shows them only through this module, which passes them through the core's terminal
gate (`orgdesign.text.printable`, the same escapes the CLI prints):

- widgets get `rich.text.Text` built by `literal` / `multiline`, never markup;
- the command palette's help line, always parsed as markup, gets `markup_literal`;
- toasts go through `toast`: a gated plain string with markup off (Textual parses a
  notification's string as markup otherwise, and a `Text` there is not supported);
- input fields start with `editable(value)`, and `as_typed` reads them back: a field left as
  shown keeps the original value exactly, so opening and saving a form changes nothing.

An architecture test (tests/test_architecture.py) holds the rest of the designer to this.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Static

from orgdesign.text import clip, printable


def literal(value: object, style: str = "", *, limit: int | None = None) -> Text:
    """A Text showing `value` exactly as written (no markup), shortened to `limit` cells."""
    shown = printable(str(value))
    if limit is not None:
        shown = clip(shown, limit)
    return Text(shown, style=style, no_wrap=limit is not None)


def multiline(value: str, style: str = "") -> Text:
    """Like `literal`, but keeps line breaks (for notes)."""
    return Text("\n").join(literal(line, style) for line in value.split("\n"))


def same_text(shown: Text, text: Text) -> bool:
    """Whether `text` would look exactly like `shown`: the same characters, styled alike."""
    return (shown.plain, shown.spans, shown.style) == (text.plain, text.spans, text.style)


def show_text(widget: Static, text: Text, *, layout: bool = True) -> None:
    """Put `text` in `widget` unless it shows that text already.

    A layout makes Textual lay the whole screen out and paint all of it again (every scroll bar
    included); after an edit most panes (the person, the rule, the header) show what they showed
    before, or a text of the same size, and at 100,000 people an edit has no time to spare for
    that. So the new text is painted, and the screen laid out again only when the widget's size
    changes with it. `layout=False`: the widget's size never depends on its text.
    """
    shown = widget.content
    if isinstance(shown, Text) and same_text(shown, text):
        return
    widget.update(text, layout=False)
    if layout and not keeps_its_size(widget):
        widget.refresh(layout=True)


def keeps_its_size(widget: Widget) -> bool:
    """Whether `widget`, with the content it has just been given, has the size it was laid out at:
    its width is not its content's, and its height is either not its content's or as tall as before."""
    region = widget.content_region
    width, height = widget.styles.width, widget.styles.height
    if not region or (width is not None and width.is_auto):
        return False
    if height is None or not height.is_auto:
        return True
    return widget.get_content_height(region.size, widget.app.size, region.width) == region.height


def toast(
    target: App[Any] | Widget,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Notify with `message` and `title` gated, as plain text (markup off)."""
    target.notify(printable(message), title=printable(title), severity=severity, timeout=timeout, markup=False)


def markup_literal(value: str) -> str:
    """`value` gated and markup-escaped, for the few Textual strings that are always parsed as markup.

    Only the command palette's help line needs it. Markup cannot run, but a backslash right
    before a `[` shows doubled: prefer a `Text` wherever a widget takes one.
    """
    return escape(printable(value))


def editable(value: str, *, keep_newlines: bool = False) -> str:
    """`value` as an input field may show it: the gate's visible escapes instead of raw controls."""
    return printable(value, keep_newlines=keep_newlines)


def as_typed(shown: str, original: str, *, keep_newlines: bool = False) -> str:
    """What a field started with `editable(original)` means now: `original` itself while untouched."""
    return original if shown == editable(original, keep_newlines=keep_newlines) else shown.strip()
