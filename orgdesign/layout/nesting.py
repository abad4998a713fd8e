"""How deep a YAML text nests its flow collections, found without libyaml.

The reader refuses values nested more than `MAX_NESTING` levels while it walks libyaml's
events. Newer libyaml releases also refuse deep nesting themselves, and because libyaml
looks ahead for possible keys it can stop with its own message before the reader has seen
the 65th level. So whenever libyaml gives up on a text, the reader asks this module whether
the text nests too deeply, and if it does, the user gets the project's message at the
bracket that went one level too far, whatever libyaml version is installed.

The scan knows just enough YAML to tell a bracket that opens a collection from one inside a
quoted or plain scalar, a comment or a block scalar. It is only consulted on a text libyaml
already refused, so an approximation there changes a message, never what loads.
"""

from __future__ import annotations

import re

MAX_NESTING = 64
"""Deeper nesting is refused: no layout needs more than five levels, and libyaml's time
grows with the square of the depth (100,000 levels of '[' take minutes)."""

TOO_DEEP = f"more than {MAX_NESTING} levels of nesting: a layout never needs this; simplify this value"

_OPENERS = "[{"
_CLOSERS = "]}"
_PROPERTY = re.compile(r"[&!*][^\s,\[\]{}]*\s*")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(#.*)?$", re.MULTILINE)
_FLOW_PLAIN_END = re.compile(r",|\[|\]|\{|\}|:(?=[\s,\[\]{}])|\s#|\n")
_BLOCK_PLAIN_END = re.compile(r":(?=\s)|\s#|\n")
_SPACES = re.compile(" *")
_DOUBLE_QUOTED_END = re.compile(r'\\.|"', re.DOTALL)


def excess_nesting(text: str) -> tuple[int, int] | None:
    """The 0-based (line, column) of the first bracket nested deeper than `MAX_NESTING`, if any."""
    scan = _Scan(text)
    offset = scan.run()
    if offset is None:
        return None
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


class _Scan:
    """A left-to-right walk tracking flow depth; `at_node` marks where a value may begin."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.depth = 0
        self.at_node = True

    def run(self) -> int | None:
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "\n":
                self.new_line()
            elif char in " \t\r":
                self.i += 1
            elif char == "#" and (self.i == 0 or text[self.i - 1] in " \t\n"):
                self.skip_to_line_end()
            elif self.flow_char(char) if self.depth else self.block_char(char):
                return self.i - 1  # the bracket just entered
        return None

    def new_line(self) -> None:
        self.i += 1
        if not self.depth:
            self.at_node = True

    def skip_to_line_end(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = len(self.text) if end < 0 else end

    def open(self) -> bool:
        """Enter a collection; True when that goes one level too deep."""
        self.depth += 1
        self.i += 1
        self.at_node = True
        return self.depth > MAX_NESTING

    def flow_char(self, char: str) -> bool:
        if char in _OPENERS:
            return self.open()
        if char in _CLOSERS:
            self.depth -= 1
            self.i += 1
            self.at_node = False
            return False
        if char in ",?":
            self.i += 1
            self.at_node = True
            return False
        if char == ":" and self.next_is_space_or_flow():
            self.i += 1
            self.at_node = True
            return False
        self.scalar(char, _FLOW_PLAIN_END)
        return False

    def block_char(self, char: str) -> bool:
        if self.at_node and char in _OPENERS:
            return self.open()
        if char in "-?:" and self.next_is_space_or_flow():
            self.i += 1
            self.at_node = True
            return False
        if self.at_node and char in "|>" and _BLOCK_SCALAR.match(self.text, self.i):
            self.skip_block_scalar()
            return False
        self.scalar(char, _BLOCK_PLAIN_END)
        return False

    def scalar(self, char: str, plain_end: re.Pattern[str]) -> None:
        """Step over one scalar (or a node property before a value)."""
        if char in "&!*":
            match = _PROPERTY.match(self.text, self.i)
            self.i = match.end() if match else self.i + 1
            return
        if self.at_node and char == "'":
            self.skip_single_quoted()
        elif self.at_node and char == '"':
            self.skip_double_quoted()
        else:
            match = plain_end.search(self.text, self.i + 1)
            self.i = match.start() if match else len(self.text)
        self.at_node = False

    def next_is_space_or_flow(self) -> bool:
        following = self.text[self.i + 1 : self.i + 2]
        return following in ("", " ", "\t", "\r", "\n") or (self.depth > 0 and following in ",[]{}")

    def skip_single_quoted(self) -> None:
        i = self.i + 1
        while True:
            end = self.text.find("'", i)
            if end < 0:
                self.i = len(self.text)
                return
            if self.text.startswith("''", end):
                i = end + 2
                continue
            self.i = end + 1
            return

    def skip_double_quoted(self) -> None:
        for match in _DOUBLE_QUOTED_END.finditer(self.text, self.i + 1):
            if match.group() == '"':
                self.i = match.end()
                return
        self.i = len(self.text)

    def skip_block_scalar(self) -> None:
        """Skip the indicator's line and every following line indented deeper than it (or blank)."""
        line_start = self.text.rfind("\n", 0, self.i) + 1
        spaces = _SPACES.match(self.text, line_start)
        assert spaces is not None, "' *' matches anywhere, if only the empty string"
        indent = spaces.end() - line_start
        self.skip_to_line_end()
        while self.i < len(self.text):
            following = self.i + 1
            line_end = self.text.find("\n", following)
            line = self.text[following : len(self.text) if line_end < 0 else line_end]
            if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
                return
            self.i = len(self.text) if line_end < 0 else line_end
