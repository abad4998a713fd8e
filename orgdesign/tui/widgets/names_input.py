"""The add form's name field, which also takes a pasted list of names (one per line)."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

from orgdesign.tui.text import editable

SEPARATOR = "; "
"""Between the pasted names, as the field shows them."""


class NamesInput(Input):
    """An Input for one name; pasting several lines keeps each line as a name of its own.

    The field then shows the names side by side; editing it turns it back into one name.
    """

    class NamesPasted(Message):
        """Several names were pasted (the form says what Enter will do)."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    _pasted: tuple[str, ...] = ()

    def on_paste(self, event: events.Paste) -> None:
        names = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(names) < 2:
            return  # one line: Input pastes it as usual
        event.prevent_default()
        event.stop()
        self._pasted = tuple(names)
        self.value = self._shown(self._pasted)
        self.cursor_position = len(self.value)
        self.post_message(self.NamesPasted(len(names)))

    @property
    def names(self) -> list[str]:
        """The pasted names while the field still shows them as pasted; empty otherwise."""
        return list(self._pasted) if self._pasted and self.value == self._shown(self._pasted) else []

    @staticmethod
    def _shown(names: tuple[str, ...]) -> str:
        return SEPARATOR.join(editable(name) for name in names)
