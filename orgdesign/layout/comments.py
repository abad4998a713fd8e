"""Comments in a layout, kept with the person or top-level key they belong to across load and save.

libyaml drops comments, but every comment lies in a gap between two of its events (each
event knows where its text starts and ends). `CommentWatch` sits between the parser and the
reader, looks into each gap, and gives each comment an owner:

- comment lines directly above a person or a top-level key belong to it;
- a comment after a value on the same line belongs to the person or key that value is in;
- any other comment line (between the fields of a person, inside `settings:`) belongs to the
  person or key it is in;
- comments after everything else belong to the end of the file.

The dumper writes each owner's comments as lines above it, so a trailing comment moves above
its person, and a comment inside a person moves above it, but nothing a user wrote is lost
(unless they delete the person it belongs to). Blank lines are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

END_OF_FILE = ""
"""The key in `Org.comments` of the comments after the last person."""

TOP_KEY_ORDER = ("orgdesign", "name", "profile", "settings", "units", "people")
"""The top-level keys in the order the dumper writes them."""

_COMMENT = re.compile("#[^\r\n\x85\u2028\u2029]*")
_LINE_BREAKS = frozenset("\r\n\x85\u2028\u2029")
_STRUCTURE_ENDS = (MappingEndEvent, SequenceEndEvent, DocumentEndEvent, StreamEndEvent)
_STRUCTURE_STARTS = (MappingStartEvent, SequenceStartEvent)
_STREAM_MARKERS = (StreamStartEvent, DocumentStartEvent)


class CommentWatch:
    """Stands in for the parser's `get_event`, collecting comments on the way."""

    def __init__(self, text: str, get_event: Callable[[], Event]) -> None:
        self.text = text
        self.get_event = get_event
        self.position = 0
        """Where the previous event's text ends."""
        self.depth = 0
        self.top_nodes = 0
        """Nodes (keys and values) seen so far in the top-level mapping: even means a key comes."""
        self.top_key: str | None = None
        self.waiting: list[str] = []
        """Comment lines not yet given to anyone: they go to the next person or key, if nothing else comes first."""
        self.current: list[str] | None = None
        self.by_key: dict[str, list[str]] = {}
        self.by_person_position: dict[tuple[int, int], list[str]] = {}

    def __call__(self) -> Event:
        event = self.get_event()
        start, end = event.start_mark, event.end_mark
        if start is not None and end is not None:  # always so with libyaml; the stubs allow None
            if start.index > self.position:
                self.take_comments(self.position, start.index)
            self.position = max(self.position, end.index)
        self.follow(event)
        return event

    def at_end(self) -> list[str]:
        """Comments after the last thing in the file (valid once the stream end was read)."""
        return self.waiting

    def take_comments(self, start: int, end: int) -> None:
        for comment in _COMMENT.finditer(self.text, start, end):
            text = comment.group()[1:]
            if self.alone_on_its_line(comment.start()) or self.current is None:
                self.waiting.append(text)
            else:
                self.current.append(text)

    def alone_on_its_line(self, index: int) -> bool:
        """Whether only spaces and tabs come before `index` on its line (a walk back along one line)."""
        text = self.text
        line_start = index
        while line_start > 0 and text[line_start - 1] not in _LINE_BREAKS:
            line_start -= 1
        return not text[line_start:index].strip(" \t\ufeff")

    def follow(self, event: Event) -> None:
        """Keep track of where in the layout `event` is, and give waiting comments an owner."""
        if isinstance(event, _STRUCTURE_ENDS):
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                self.depth -= 1
                if self.depth == 1:
                    self.top_nodes += 1
            return
        if isinstance(event, _STREAM_MARKERS):
            return
        owner = self.owner_starting_at(event)
        if owner is not None:
            owner.extend(self.waiting)
            self.waiting = []
            self.current = owner
        elif not isinstance(event, _STRUCTURE_STARTS) and self.current is not None:
            self.current.extend(self.waiting)
            self.waiting = []
        if isinstance(event, _STRUCTURE_STARTS):
            self.depth += 1
        elif self.depth == 1:
            self.top_nodes += 1

    def owner_starting_at(self, event: Event) -> list[str] | None:
        """The comment list of the top-level key or person that `event` starts, if it starts one."""
        if self.depth == 1 and self.top_nodes % 2 == 0:
            self.top_key = event.value if isinstance(event, ScalarEvent) else None
            return None if self.top_key is None else self.by_key.setdefault(self.top_key, [])
        mark = event.start_mark
        if self.depth == 2 and self.top_key == "people" and isinstance(event, MappingStartEvent) and mark is not None:
            return self.by_person_position.setdefault((mark.line + 1, mark.column + 1), [])
        return None
