"""libyaml's syntax errors, told the way a person editing a layout needs to hear them.

libyaml says *what* it expected ("did not find expected key"); the user needs *why* (the
line is indented differently from the keys above it) and *what to do*. Each known problem
maps to a message; anything else keeps libyaml's wording so no error is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from orgdesign.layout.errors import LoadError, shown

_TAB = "a tab character: YAML indents with spaces only; replace the tab with spaces"


def syntax_error(error: yaml.MarkedYAMLError, text: str, path: str) -> LoadError:
    """A located, friendly `LoadError` for a libyaml scanner or parser error."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    problem = error.problem or ""
    character = _character_at(text, line, column)
    explain = _EXPLANATIONS.get(problem)
    if explain is not None:
        message = explain(error, character)
    else:
        message = f"invalid YAML: {problem}" + (f" ({error.context})" if error.context else "")
    return LoadError(path, line + 1, column + 1, message)


def _character_at(text: str, line: int, column: int) -> str:
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column : start + column + 1]


def _context_line(error: yaml.MarkedYAMLError) -> str:
    mark = error.context_mark
    return f"line {mark.line + 1}" if mark else "above"


def _cannot_start_token(error: yaml.MarkedYAMLError, character: str) -> str:
    if character == "\t":
        return _TAB
    if character in ("@", "`"):
        return f"{character!r} cannot start a value in YAML (it is reserved): put the value in quotes"
    return f"unexpected character {shown(character)}: put the value in quotes"


def _unexpected_colon(error: yaml.MarkedYAMLError, character: str) -> str:
    return "unexpected ':' here: check the indentation of this line, or put the value in quotes if it contains ': '"


def _misaligned_key(error: yaml.MarkedYAMLError, character: str) -> str:
    if character == "\t":
        return _TAB
    return (
        "bad indentation: this line does not line up with the keys of the mapping "
        f"that starts at {_context_line(error)}"
    )


def _misaligned_item(error: yaml.MarkedYAMLError, character: str) -> str:
    if character == "\t":
        return _TAB
    return (
        "bad indentation: this line lines up neither with the keys above it nor with "
        f"the items of the list that starts at {_context_line(error)}"
    )


def _unclosed(opening: str, closing: str) -> Callable[[yaml.MarkedYAMLError, str], str]:
    def explain(error: yaml.MarkedYAMLError, character: str) -> str:
        return (
            f"the '{opening}' opened at {_context_line(error)} is not closed: "
            f"add '{closing}' (and separate items with ',')"
        )

    return explain


def _unclosed_quote(error: yaml.MarkedYAMLError, character: str) -> str:
    if "quoted scalar" not in (error.context or ""):
        return "the file ends in the middle of a value: check the last lines"
    return f"the quoted text that starts at {_context_line(error)} has no closing quote"


def _unknown_escape(error: yaml.MarkedYAMLError, character: str) -> str:
    return "unknown escape sequence in double-quoted text: write a backslash as \\\\, or use single quotes"


def _bad_anchor_or_alias(error: yaml.MarkedYAMLError, character: str) -> str:
    return "'&' and '*' start YAML anchors and aliases, which layouts do not use: put the value in quotes"


def _content_after_end(error: yaml.MarkedYAMLError, character: str) -> str:
    return "content after the end of the document ('...'): remove it"


def _missing_colon(error: yaml.MarkedYAMLError, character: str) -> str:
    return (
        f"the key that starts at {_context_line(error)} has no ':' after it "
        "(a key must fit on one line, in at most 1024 characters)"
    )


def _missing_value(error: yaml.MarkedYAMLError, character: str) -> str:
    return "expected a value here: check the indentation, or put the value in quotes"


def _misplaced_item(error: yaml.MarkedYAMLError, character: str) -> str:
    return "a list item ('- ') cannot start here: check the indentation of this line"


def _tab_in_block_text(error: yaml.MarkedYAMLError, character: str) -> str:
    return _TAB


_EXPLANATIONS: dict[str, Callable[[yaml.MarkedYAMLError, str], str]] = {
    "found character that cannot start any token": _cannot_start_token,
    "mapping values are not allowed in this context": _unexpected_colon,
    "did not find expected key": _misaligned_key,
    "did not find expected '-' indicator": _misaligned_item,
    "did not find expected ',' or ']'": _unclosed("[", "]"),
    "did not find expected ',' or '}'": _unclosed("{", "}"),
    "found unexpected end of stream": _unclosed_quote,
    "found unexpected document indicator": _unclosed_quote,
    "found unknown escape character": _unknown_escape,
    "did not find expected alphabetic or numeric character": _bad_anchor_or_alias,
    "did not find expected <document start>": _content_after_end,
    "could not find expected ':'": _missing_colon,
    "did not find expected node content": _missing_value,
    "block sequence entries are not allowed in this context": _misplaced_item,
    "found a tab character where an indentation space is expected": _tab_in_block_text,
    "found a tab character that violates indentation": _tab_in_block_text,
}
