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

import bisect
import re
from collections.abc import Callable

from yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

END_OF_FILE = ""
"""The key in `Org.comments` of the comments after the last person."""

TOP_KEY_ORDER = ("orgdesign", "name", "profile", "settings", "units", "people")
"""The top-level keys in the order the dumper writes them."""

_COMMENT = re.compile("#[^\r\n\x85\u2028\u2029]*")
_LINE_BREAKS = frozenset("\r\n\x85\u2028\u2029")
_NODE, _OPEN, _CLOSE = "node", "open", "close"
_KINDS = {
    ScalarEvent: _NODE,
    AliasEvent: _NODE,
    MappingStartEvent: _OPEN,
    SequenceStartEvent: _OPEN,
    MappingEndEvent: _CLOSE,
    SequenceEndEvent: _CLOSE,
}
"""What each event does to the structure; stream and document events do nothing to it."""


class CommentWatch:
    """Stands in for the parser's `get_event`, collecting comments on the way.

    It runs for every event of a file that has a '#', so the common event (a scalar inside a
    person, with no '#' before it) costs a lookup and a few comparisons.
    """

    def __init__(self, text: str, get_event: Callable[[], Event]) -> None:
        self.text = text
        self.get_event = get_event
        self.hashes = [match.start() for match in re.finditer("#", text)]
        self.next_hash = 0
        self.finished = not self.hashes
        """True once every '#' is behind and every comment has its owner: the rest costs nothing."""
        """Index in `hashes` of the first '#' after the events read so far."""
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
        if self.finished:
            return event
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # libyaml marks every event
        if self.next_hash < len(self.hashes) and self.hashes[self.next_hash] < start.index:
            self.take_comments(start.index)
        self.position = end.index
        kind = _KINDS.get(event.__class__)
        if kind is _NODE:
            if self.depth == 1:
                self.top_level_node(event)
            elif self.waiting and self.current is not None:
                self.give_waiting_comments_to(self.current)
        elif kind is _OPEN:
            if self.depth == 1:
                self.top_level_node(event)
            elif self.depth == 2 and self.top_key == "people" and event.__class__ is MappingStartEvent:
                person = self.by_person_position.setdefault((start.line + 1, start.column + 1), [])
                self.give_waiting_comments_to(person)
                self.current = person
            self.depth += 1
        elif kind is _CLOSE:
            self.depth -= 1
            if self.depth == 1:
                self.top_nodes += 1
        self.finished = self.position > self.hashes[-1] and not self.waiting
        return event

    def at_end(self) -> list[str]:
        """Comments after the last thing in the file (valid once the stream end was read)."""
        return self.waiting

    def take_comments(self, end: int) -> None:
        """The comments between the previous event and `end`, to their owner or to wait for one."""
        for comment in _COMMENT.finditer(self.text, self.position, end):
            text = comment.group()[1:]
            if self.current is None or self.alone_on_its_line(comment.start()):
                self.waiting.append(text)
            else:
                self.current.append(text)
        self.next_hash = bisect.bisect_left(self.hashes, end, self.next_hash)

    def alone_on_its_line(self, index: int) -> bool:
        """Whether only spaces and tabs come before `index` on its line (a walk back along one line)."""
        text = self.text
        line_start = index
        while line_start > 0 and text[line_start - 1] not in _LINE_BREAKS:
            line_start -= 1
        return not text[line_start:index].strip(" \t\ufeff")

    def top_level_node(self, event: Event) -> None:
        """A key or a value of the top-level mapping begins: a key owns the comments waiting above it."""
        is_key = self.top_nodes % 2 == 0
        if isinstance(event, ScalarEvent) and is_key:
            self.top_key = event.value
            owner = self.by_key.setdefault(event.value, [])
            self.give_waiting_comments_to(owner)
            self.current = owner
        elif is_key:
            self.top_key = None
        elif self.waiting and self.current is not None and _KINDS.get(event.__class__) is _NODE:
            self.give_waiting_comments_to(self.current)
        if _KINDS.get(event.__class__) is _NODE:
            self.top_nodes += 1

    def give_waiting_comments_to(self, owner: list[str]) -> None:
        owner.extend(self.waiting)
        self.waiting = []
