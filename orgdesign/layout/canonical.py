"""A fast path for layouts in the canonical form that `dump_layout` writes.

Every file the tool saves is canonical: fixed key order, one line per field, a scalar written
plain only when it reads back as exactly that string, otherwise double-quoted with the
dumper's escapes. Such a file needs no YAML parser: each line has one of a few known shapes,
and each value can be checked against the dumper's own quoting rules. Read that way, with one
regex per person, a 10,000-person layout loads in about 0.7 times the time libyaml needs merely
to produce its events, most of it spent creating the people and the `Org`, which any reader
has to do.

`read_canonical` is conservative: at the slightest doubt (a line of an unexpected shape, a
key out of order, a comment anywhere but where the dumper writes comments, an escape the
dumper never writes, a plain scalar that might resolve to anything but its text, an invalid
or unknown value) it returns None and the full reader runs instead, which reports located
errors. So this module never reports an error and never needs to be complete. What it must be
is exactly equivalent to the full reader whenever it returns an org, down to each person's
line, column and comments.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection
from typing import Any, NoReturn

from orgdesign.layout.comments import END_OF_FILE, TOP_KEY_ORDER
from orgdesign.layout.dumper import BLOCK_KINDS, NAMED_ESCAPES, YAML_WORDS, double_quoted, reads_back_plain
from orgdesign.layout.schema import PERSON_FIELDS, WHOLE_NUMBER, catalogue_codes, field_by_field
from orgdesign.layout.source import FORBIDDEN_CHARACTER
from orgdesign.model import DEFAULT_PROFILE, PROFILES, Kind, Org, Person, Settings, Unit, Waiver
from orgdesign.roles import ROLE_ALIASES, ROLES

_PERSON_COLUMN = 5
"""Where the full reader places a person: the column of `id` in `  - id: ...` (libyaml's
mapping start), 1-based."""

# -- line shapes -------------------------------------------------------------------------------

_VALUE = "[^\n]*"  # the rest of the line; the scalar helpers below decide whether it is canonical

_WORD_STARTS = "".join(sorted({word[0] + word[0].upper() for word in YAML_WORDS.split("|")}))
_SAFE_LINE_END = rf"(?!(?=[{_WORD_STARTS}])(?ai:{YAML_WORDS})\n)[^\W\d_][\w.,&()'/+ -]*(?<! )"
"""The rest of a line that is, plainly, a string: block-context text `reads_back_plain`
accepts, checked in C inside the person regex (it must be followed by the line's end).

It starts with a letter, so with no indicator and nothing (digit, sign, dot) that could begin
a number or a date; it holds only letters, digits, spaces and `_.,&()'/+-`, none of which
starts a comment or a mapping value inside a plain scalar; it does not end with a space, which
YAML would trim; and it is not one of the `YAML_WORDS` (in any case) that some YAML reader
takes as a bool or a null (the class of first letters in front spares most values the slower
case-insensitive comparison). That is a subset of what the dumper
writes plain; anything else goes through `_text`, which asks the dumper's own function.
"""

_PERSON_END = r"(?=  - |  #|#|\Z)"  # the next person or its comments, the closing comments, or the end of the file

_COMMENTS = "(?:#[^\n]*\n)*"
"""Comment lines where the dumper writes them: above a top-level key, and at the end."""
_PERSON_COMMENTS = re.compile("(?:  #[^\n]*\n)+")
_CLOSING_COMMENTS = re.compile("(?:#[^\n]*\n)+\\Z")


_SAFE_VALUES: dict[Kind, str | None] = {
    Kind.ID: _SAFE_LINE_END,
    Kind.TEXT: _SAFE_LINE_END,
    Kind.ROLE: "[a-z_]+",
    Kind.REFERENCE: _SAFE_LINE_END,
    Kind.REFERENCES: None,
    Kind.UNIT: _SAFE_LINE_END,
    Kind.COUNT: "0|[1-9][0-9]{0,17}",  # at most 18 digits: int() always converts them
    Kind.FLAG: "true",
    Kind.WAIVERS: None,
}
"""Per kind, the values of the common person (None: a kind it never has)."""

_ANY_VALUES: dict[Kind, str | None] = {
    **dict.fromkeys(Kind, _VALUE),
    Kind.FLAG: "true",
    Kind.WAIVERS: "(?:      - [^\n]*\n)+",
}
"""Per kind, the values of any person in canonical form."""


def _person_shape(values: dict[Kind, str | None]) -> re.Pattern[str]:
    """A person's lines as the dumper writes them, one group per field of `PERSON_FIELDS` whose
    kind has a value in `values` (the shape never holds the others)."""
    parts = []
    for index, spec in enumerate(PERSON_FIELDS):
        value = values[spec.kind]
        if value is None:
            continue
        after_key = "\n" if spec.kind in BLOCK_KINDS else " "
        line = f"{'    ' if index else '  - '}{spec.name}:{after_key}({value})" + (
            "" if spec.kind in BLOCK_KINDS else "\n"
        )
        parts.append(line if spec.required else f"(?:{line})?")
    return re.compile("".join(parts) + _PERSON_END)


_SAFE_PERSON = _person_shape(_SAFE_VALUES)
"""The common person: no dotted lines, no waivers, every text plainly a string. Whatever it
matches needs no further check but the role, the unit and the uniqueness of the id."""

_PERSON = _person_shape(_ANY_VALUES)
"""Any person in canonical form; each value is then checked by the scalar helpers."""

_SAFE_CONVERSIONS: dict[Kind, str] = {
    Kind.ID: "{}",
    Kind.TEXT: "{}",
    Kind.ROLE: "({0} if {0} in ROLES else doubt())",
    Kind.REFERENCE: "{}",
    Kind.UNIT: "({0} if {0} is None or {0} in unit_ids else doubt())",
    Kind.COUNT: "(None if {0} is None else int({0}))",
    Kind.FLAG: "{} is not None",
}
"""Per kind that `_SAFE_PERSON` holds, the field's value made from its group (None when its
line is absent); what the dumper writes plain and this shape matches needs no other check."""


def _safe_person_source() -> list[str]:
    """`_safe_person(groups, line, unit_ids)`: the person `_SAFE_PERSON` matched, field by field."""
    held = [spec for spec in PERSON_FIELDS if _SAFE_VALUES[spec.kind] is not None]
    values = [
        _SAFE_CONVERSIONS[spec.kind].format(f"g{held.index(spec)}") if spec in held else f"default_{spec.name}"
        for spec in PERSON_FIELDS
    ]
    return [
        "def safe_person(groups, line, unit_ids):",
        f"    {', '.join(f'g{index}' for index in range(len(held)))}, = groups",
        f"    return Person({', '.join(values)}, line, {_PERSON_COLUMN})",
    ]


def _doubt() -> NoReturn:
    raise _Doubt


_HEAD = re.compile(
    f"(?P<c_orgdesign>{_COMMENTS})orgdesign: 1\n"
    f"(?P<c_name>{_COMMENTS})name: (?P<name>{_VALUE})\n"
    f"(?:(?P<c_profile>{_COMMENTS})profile: (?P<profile>{_VALUE})\n)?"
    f"(?:(?P<c_settings>{_COMMENTS})(?P<settings>settings:\n"
    f"(?:  max_span: (?P<max_span>{_VALUE})\n)?"
    f"(?:  max_layers: (?P<max_layers>{_VALUE})\n)?"
    f"(?:  disable: (?P<disable>{_VALUE})\n)?"
    f"(?:  aliases: (?P<aliases>{_VALUE})\n)?))?"
    f"(?:(?P<c_units>{_COMMENTS})units:\n(?P<units>(?:  - [^\n]*\n)+))?"
    f"(?P<c_people>{_COMMENTS})"
    rf"people:(?: (?P<nobody>\[\])\n(?P<closing>{_COMMENTS})\Z|\n(?=  - |  #))"
)
"""Everything before the first person (the people themselves when there are none), with the
comment lines above each top-level key."""

_FLOW_SCALAR = r'"(?:[^"\\]|\\.)*"|[^,\[\]{}]*'
"""A scalar inside [...] or {...}: a double-quoted one, or a plain one up to the next indicator."""

_UNIT = re.compile(rf"  - \{{id: ({_FLOW_SCALAR}), name: ({_FLOW_SCALAR})\}}")
_WAIVER = re.compile(rf"      - \{{rule: ({_FLOW_SCALAR}), reason: ({_FLOW_SCALAR})\}}")
_LIST_ITEM = re.compile(rf"({_FLOW_SCALAR})(?:, |(\]))")

_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))", re.DOTALL)
_UNESCAPED = {escape[1]: character for character, escape in NAMED_ESCAPES.items()}
"""The dumper's named escapes, from the letter after the backslash back to the character."""


_NEVER_RAW = "\t\r\x85\u2028\u2029"
"""Characters the dumper always escapes. Tabs and carriage returns would need care, and YAML
counts the last three as line breaks: refusing them all up front means that every line break
in an accepted text is a "\n", so lines are counted (and split) exactly as libyaml counts them."""


class _Doubt(Exception):
    """The text may not be canonical, or not valid: the full reader decides."""


# -- the whole file ---------------------------------------------------------------------------


def read_canonical_bytes(data: bytes, known_rules: Collection[str] | None) -> Org | None:
    """The org in `data` when it is strict UTF-8 holding a canonical, valid layout; else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return read_canonical(text, known_rules)


def read_canonical(text: str, known_rules: Collection[str] | None) -> Org | None:
    """The org in `text` when it is in canonical form and every value is valid; else None.

    `known_rules` means what it means to the full reader: the rule codes waivers and
    `settings.disable` may name, None for the rule catalogue.
    """
    if any(character in text for character in _NEVER_RAW) or FORBIDDEN_CHARACTER.search(text):
        return None
    try:
        return _CanonicalReader(text, known_rules).read()
    except _Doubt:
        return None


class _CanonicalReader:
    def __init__(self, text: str, known_rules: Collection[str] | None) -> None:
        self.text = text
        self.known_rules = known_rules
        self.unit_ids: set[str] = set()
        self.closing = ""
        """The comment lines after the last person."""

    def read(self) -> Org:
        head = _HEAD.match(self.text)
        if head is None:
            raise _Doubt
        profile = head["profile"]
        if profile is not None and profile not in PROFILES:
            raise _Doubt  # unknown, or quoted: the dumper never quotes a profile
        units = () if head["units"] is None else self.units(head["units"])
        people = [] if head["nobody"] else self.people(head.end())
        org = Org(
            _required(head["name"]),
            people,
            profile=profile or DEFAULT_PROFILE,
            settings=self.settings(head),
            units=units,
        )
        org.comments = self.comments(head)
        return org

    def comments(self, head: re.Match[str]) -> dict[str, tuple[str, ...]]:
        """The comments above each top-level key and at the end, as the full reader gives them out."""
        comments = {key: _comment_lines(head[f"c_{key}"]) for key in TOP_KEY_ORDER}
        comments[END_OF_FILE] = _comment_lines(head["closing"] or self.closing)
        return {key: lines for key, lines in comments.items() if lines}

    def settings(self, head: re.Match[str]) -> Settings:
        if head["settings"] is None:
            return Settings()
        if all(head[key] is None for key in ("max_span", "max_layers", "disable", "aliases")):
            raise _Doubt  # an empty 'settings:', which the dumper never writes
        default = Settings()
        max_span = _limit(head["max_span"], default.max_span)
        max_layers = _limit(head["max_layers"], default.max_layers)
        codes = () if head["disable"] is None else tuple(self.rule_code(code) for code in _flow_list(head["disable"]))
        aliases = () if head["aliases"] is None else tuple(_alias(name) for name in _flow_list(head["aliases"]))
        return Settings(max_span=max_span, max_layers=max_layers, disable=codes, aliases=aliases)

    def units(self, lines: str) -> tuple[Unit, ...]:
        units = []
        for line in _lines(lines):
            match = _UNIT.fullmatch(line)
            if match is None:
                raise _Doubt
            unit = Unit(_required(match[1], flow=True), _required(match[2], flow=True))
            if unit.id in self.unit_ids:
                raise _Doubt  # a duplicate unit id: an error the full reader reports
            self.unit_ids.add(unit.id)
            units.append(unit)
        return tuple(units)

    def people(self, pos: int) -> list[Person]:
        """Everyone from `pos` to the end of the text, each located as the full reader does.

        The hot loop of the fast path: most people match `_SAFE_PERSON` and are built right
        there; the others go through `person`, which checks each value.
        """
        text, end = self.text, len(self.text)
        safe_person, any_person, unit_ids = _SAFE_PERSON.match, _PERSON.match, self.unit_ids
        any_values = self.converters()
        people: list[Person] = []
        ids: set[str] = set()
        line = text.count("\n", 0, pos) + 1
        while pos < end:
            comments: tuple[str, ...] = ()
            if text.startswith("#", pos, pos + 1):
                closing = _CLOSING_COMMENTS.match(text, pos)
                if closing is None:
                    raise _Doubt  # the dumper writes a person's comments indented, above them
                self.closing = closing.group()
                break
            if text.startswith("  #", pos):
                above = _PERSON_COMMENTS.match(text, pos)
                if above is None:
                    raise _Doubt  # a comment line without its newline: the dumper always ends lines
                comments = _comment_lines(above.group())
                line += above.group().count("\n")
                pos = above.end()
            match = safe_person(text, pos)
            if match is not None:
                person = _safe_person(match.groups(), line, unit_ids)
            else:
                match = any_person(text, pos)
                if match is None:
                    raise _Doubt
                values: list[Any] = [
                    spec.default if raw is None else convert(raw)
                    for spec, convert, raw in zip(PERSON_FIELDS, any_values, match.groups(), strict=True)
                ]
                values += (line, _PERSON_COLUMN)  # `Person` takes the fields of `PERSON_FIELDS` first, then these
                person = Person(*values)
            if person.id in ids:
                raise _Doubt  # a duplicate id: an error the full reader reports
            ids.add(person.id)
            people.append(dataclasses.replace(person, comments=comments) if comments else person)
            line += text.count("\n", pos, match.end())
            pos = match.end()
        return people

    def converters(self) -> list[Callable[[str], Any]]:
        """Per field, what checks and converts a value matched by `_PERSON` (present: an absent
        optional line means the field's default)."""
        by_kind: dict[Kind, Callable[[str], Any]] = {
            Kind.ID: _required,
            Kind.TEXT: _text,
            Kind.ROLE: _role,
            Kind.REFERENCE: _required,
            Kind.REFERENCES: _id_list,
            Kind.UNIT: lambda raw: self.declared_unit(_required(raw)),
            Kind.COUNT: lambda raw: _whole_number(raw, minimum=0),
            Kind.FLAG: _present,
            Kind.WAIVERS: lambda block: tuple(self.waiver(line) for line in _lines(block)),
        }
        return [_required if spec.required and spec.kind is Kind.TEXT else by_kind[spec.kind] for spec in PERSON_FIELDS]

    def declared_unit(self, unit_id: str | None) -> str | None:
        if unit_id is not None and unit_id not in self.unit_ids:
            raise _Doubt  # an unknown unit: an error the full reader reports
        return unit_id

    def waiver(self, line: str) -> Waiver:
        match = _WAIVER.fullmatch(line)
        if match is None:
            raise _Doubt
        reason = _text(match[2], flow=True)
        if not reason.strip():
            raise _Doubt  # a waiver needs a reason: an error the full reader reports
        return Waiver(self.rule_code(match[1]), reason)

    def rule_code(self, raw: str) -> str:
        """A rule code the full reader would accept (it asks the catalogue only when needed)."""
        code = _required(raw, flow=True)
        if self.known_rules is None:
            self.known_rules = catalogue_codes()
        if code not in self.known_rules:
            raise _Doubt
        return code


# -- scalars ----------------------------------------------------------------------------------


def _comment_lines(block: str | None) -> tuple[str, ...]:
    """The texts (after '#', without the line break) of a block of comment lines."""
    if not block:
        return ()
    return tuple(line.lstrip(" ")[1:] for line in _lines(block))


def _lines(block: str) -> list[str]:
    """The lines of a block of whole lines (each ending with a newline)."""
    return block[:-1].split("\n")


def _text(raw: str, flow: bool = False) -> str:
    """The string a canonical scalar stands for: a plain one the dumper would write plain, or
    a double-quoted one exactly as the dumper writes it."""
    if raw.startswith('"'):
        return _unquoted(raw)
    if reads_back_plain(raw, flow):
        return raw
    raise _Doubt


def _required(raw: str, flow: bool = False) -> str:
    text = _text(raw, flow)
    if not text:
        raise _Doubt  # an empty required value: an error the full reader reports
    return text


def _role(raw: str) -> str:
    if raw not in ROLES:
        raise _Doubt  # unknown, or quoted: the dumper never quotes a role
    return raw


def _id_list(raw: str) -> tuple[str, ...]:
    return tuple(_required(item, flow=True) for item in _flow_list(raw))


def _present(raw: str | None) -> bool:
    """A flag: true when its line is there (the dumper writes only `true`)."""
    return raw is not None


def _limit(raw: str | None, default: int) -> int:
    return default if raw is None else _whole_number(raw, minimum=1)


def _alias(raw: str) -> str:
    name = _required(raw, flow=True)
    if name not in ROLE_ALIASES:
        raise _Doubt  # an unknown alias: an error the full reader reports
    return name


def _unquoted(raw: str) -> str:
    """The text of a double-quoted scalar, when it is exactly what `double_quoted` writes for it.

    Decoding the dumper's escapes and then asking the dumper to quote the result again turns
    away anything it would not have written: an escape it never uses (`\\/`, `\\ `, a line
    continuation) stays a backslash and is quoted back differently, and so are uppercase hex
    digits, an escape for a character it writes raw, a raw character it escapes, a stray
    quote inside, or text after the closing quote.
    """
    if len(raw) < 2 or not raw.endswith('"'):
        raise _Doubt
    try:
        text = _ESCAPE.sub(_unescape, raw[1:-1])
    except ValueError:  # \U beyond U+10FFFF
        raise _Doubt from None
    if double_quoted(text) != raw:
        raise _Doubt
    return text


def _unescape(escape: re.Match[str]) -> str:
    byte, short, long, letter = escape.groups()
    if letter is not None:
        return _UNESCAPED.get(letter, escape[0])
    return chr(int(byte or short or long, 16))


def _flow_list(raw: str) -> list[str]:
    """The raw items of a one-line flow list like `[a, "b, c"]` (at least one)."""
    if not raw.startswith("["):
        raise _Doubt
    items: list[str] = []
    pos, closed = 1, None
    while closed is None:
        match = _LIST_ITEM.match(raw, pos)
        if match is None:
            raise _Doubt
        items.append(match[1])
        pos, closed = match.end(), match[2]
    if pos != len(raw):
        raise _Doubt
    return items


def _whole_number(raw: str, minimum: int) -> int:
    """A plain whole number as the full reader reads one (no sign, no leading zeros)."""
    if not WHOLE_NUMBER.fullmatch(raw):
        raise _Doubt
    try:
        number = int(raw)
    except ValueError:  # more digits than Python converts
        raise _Doubt from None
    if number < minimum:
        raise _Doubt
    return number


_safe_person: Callable[[tuple[str | None, ...], int, set[str]], Person] = field_by_field(
    "safe_person",
    _safe_person_source(),
    {
        "Person": Person,
        "ROLES": ROLES,
        "doubt": _doubt,
        **{f"default_{spec.name}": spec.default for spec in PERSON_FIELDS},
    },
)
