"""The canonical text of an org: the same org always gives the same bytes.

Fixed key order, people in tree order, one line per field, no line wrapping, optional fields
left out when unset. A string is written plain only when it reads back as exactly that
string under both YAML 1.1 (this loader, `yaml.safe_load`, and stricter readers of the spec,
where `y` and `N` are bools and `1:20` is a number) and the YAML 1.2 core schema (most other
tools, where `1e3` is a number); otherwise it is double-quoted, with escapes for everything
that is not plainly printable. Bidi
overrides and other invisible format characters are escaped too, so what a reviewer sees in
a diff is what the file holds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from orgdesign.layout.comments import END_OF_FILE, TOP_KEY_ORDER
from orgdesign.layout.schema import FORMAT_VERSION, PERSON_FIELDS, PersonField, field_by_field
from orgdesign.model import Kind, Org, Person, Settings, Unit, Waiver

_DEFAULT_SETTINGS = Settings()
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_YAML12_NON_STRING = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)
YAML_WORDS = "y|n|yes|no|true|false|on|off|null"
"""Words some YAML reader takes as a bool or a null, in any case: the YAML 1.1 spec lists
`y`, `n`, `Y`, `N` (PyYAML and libyaml do not, other YAML 1.1 readers do), and a reader
that ignores case would take `yEs` too."""
_YAML11_NON_STRING = re.compile(
    rf"(?ai:{YAML_WORDS})|~"
    r"|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+)"  # binary, hex, octal
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"  # sexagesimal: 1:20, 190:20:30.15
    r"|[-+]?(?=\.?[0-9])(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?"  # decimal, 1_000, .5, 1e3
    r"|[-+]?\.(?ai:inf|nan)"
)
"""What any YAML 1.1 reader, lenient in case and in the spec's number forms, might take
for a bool, a null or a number (a superset of PyYAML's resolver, checked first)."""

# Characters that may not start a plain scalar (YAML indicators, reserved, or risky).
_LEADING_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Characters that end a plain scalar inside [...] or {...} for at least one YAML reader.
_FLOW_STOPPERS = frozenset(",[]{}:#?")
NAMED_ESCAPES = {
    "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
    "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L",
    "\u2029": "\\P",
}  # fmt: skip


def dump_layout(org: Org) -> str:
    """The canonical YAML text of `org` (ends with a newline), with the comments it was read with."""
    sections = {
        "orgdesign": [f"orgdesign: {FORMAT_VERSION}"],
        "name": [f"name: {scalar(org.name)}"],
        "profile": [f"profile: {scalar(org.profile)}"],
        "settings": _settings_lines(org.settings),
        "units": _unit_lines(org.units),
        "people": _people_lines(org),
    }
    if not org.comments:
        return "\n".join(line for lines in sections.values() for line in lines) + "\n"
    lines: list[str] = []
    waiting: list[str] = []  # the comments of a key that is not written go above the next one
    for key in TOP_KEY_ORDER:
        waiting.extend(org.comments.get(key, ()))
        if sections[key]:
            lines.extend(f"#{comment}" for comment in waiting)
            lines.extend(sections[key])
            waiting = []
    lines.extend(f"#{comment}" for comment in org.comments.get(END_OF_FILE, ()))
    return "\n".join(lines) + "\n"


def _people_lines(org: Org) -> list[str]:
    people = org.tree_order()
    if not people:
        return ["people: []"]
    lines = ["people:"]
    for person in people:
        lines.extend(_person_lines(person))
    return lines


def _settings_lines(settings: Settings) -> list[str]:
    lines = []
    if settings.max_span != _DEFAULT_SETTINGS.max_span:
        lines.append(f"  max_span: {settings.max_span}")
    if settings.max_layers != _DEFAULT_SETTINGS.max_layers:
        lines.append(f"  max_layers: {settings.max_layers}")
    if settings.disable:
        lines.append(f"  disable: {flow_list(settings.disable)}")
    if settings.aliases:
        lines.append(f"  aliases: {flow_list(settings.aliases)}")
    return ["settings:", *lines] if lines else []


def _unit_lines(units: tuple[Unit, ...]) -> list[str]:
    if not units:
        return []
    return ["units:", *(f"  - {{id: {scalar(u.id, flow=True)}, name: {scalar(u.name, flow=True)}}}" for u in units)]


def _waiver_lines(waivers: tuple[Waiver, ...]) -> str:
    """The waivers as a block list, one per line, starting on the line after the key."""
    return "".join(f"\n      - {_waiver(waiver)}" for waiver in waivers)


def _waiver(waiver: Waiver) -> str:
    return f"{{rule: {scalar(waiver.rule, flow=True)}, reason: {scalar(waiver.reason, flow=True)}}}"


def flow_list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(item, flow=True) for item in items) + "]"


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same string, else quoted."""
    return text if reads_back_plain(text, flow) else double_quoted(text)


def double_quoted(text: str) -> str:
    return '"' + "".join(_escaped(ch) for ch in text) + '"'


def _escaped(ch: str) -> str:
    named = NAMED_ESCAPES.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if not _needs_escape(ch) or 0xD800 <= code <= 0xDFFF:
        return ch  # a lone surrogate has no YAML escape: saving refuses it (see saving.py)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(ch: str) -> bool:
    """Whether `ch` must be written as an escape: controls, and anything invisible in a diff."""
    if " " <= ch <= "~":
        return False
    return not ch.isprintable() or unicodedata.category(ch) in ("Cf", "Zl", "Zp")


@functools.lru_cache(maxsize=1 << 16)
def reads_back_plain(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted (remembered: titles, roles and managers repeat across people)."""
    if not text or text[0] in _LEADING_INDICATORS or text[0] == " " or text[-1] == " ":
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and not _FLOW_STOPPERS.isdisjoint(text):
        return False
    if not text.isascii() and any(_needs_escape(ch) for ch in text):
        return False
    if not text.isprintable():  # tabs, newlines and other ASCII controls
        return False
    if _YAML12_NON_STRING.fullmatch(text) or _YAML11_NON_STRING.fullmatch(text):
        return False
    tag: str = _RESOLVER.resolve(ScalarNode, text, (True, False))
    return tag == _STR_TAG


def _true(_: bool) -> str:
    return "true"


_VALUE_WRITERS: dict[Kind, Callable[[Any], str]] = {
    Kind.ID: scalar,
    Kind.TEXT: scalar,
    Kind.ROLE: scalar,
    Kind.REFERENCE: scalar,
    Kind.REFERENCES: flow_list,
    Kind.UNIT: scalar,
    Kind.COUNT: str,
    Kind.FLAG: _true,
    Kind.WAIVERS: _waiver_lines,
}
"""How each kind of value is written after its key (a flag is written only when true)."""

BLOCK_KINDS = frozenset({Kind.WAIVERS})
"""Kinds whose value is a block list on the lines after the key, not on the key's line."""

_ALWAYS, _UNLESS_NONE, _UNLESS_EMPTY = "always", "unless None", "unless empty"


def _written_when(spec: PersonField) -> str:
    """When a field is written: a required one always, an optional one unless it holds its default."""
    if spec.required:
        return _ALWAYS
    if spec.default is None:
        return _UNLESS_NONE
    if spec.default in ((), False):
        return _UNLESS_EMPTY
    raise ValueError(f"{spec.name}: an optional layout field defaults to None, false or an empty list")


def _person_lines_source() -> list[str]:
    """`_person_lines`, field by field: the person's comments, then each field that is set."""
    lines = [
        "def person_lines(person):",
        "    lines = [f'  #{comment}' for comment in person.comments] if person.comments else []",
    ]
    for index, spec in enumerate(PERSON_FIELDS):
        start = f"{'    ' if index else '  - '}{spec.name}:{'' if spec.kind in BLOCK_KINDS else ' '}"
        append = f"lines.append({start!r} + write_{spec.kind.name}(person.{spec.name}))"
        when = _written_when(spec)
        if when is _ALWAYS:
            lines.append(f"    {append}")
        else:
            test = f"person.{spec.name} is not None" if when is _UNLESS_NONE else f"person.{spec.name}"
            lines += [f"    if {test}:", f"        {append}"]
    return [*lines, "    return lines"]


_person_lines: Callable[[Person], list[str]] = field_by_field(
    "person_lines", _person_lines_source(), {f"write_{kind.name}": write for kind, write in _VALUE_WRITERS.items()}
)
